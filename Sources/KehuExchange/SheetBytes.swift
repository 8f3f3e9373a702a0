import Foundation

/// A sheet's bytes as an import reads them: in pieces, from the start, as often as it
/// needs (a text file is looked over once for its encoding and size, then read). A file
/// is read through its descriptor a piece at a time, so a sheet of any size costs the
/// memory of one piece; tests and small callers hand over the bytes whole.
public struct SheetBytes: Sendable {
    /// How many bytes there are.
    public let count: Int
    /// A path that opens the same bytes for reading at any place (a file kehu opened
    /// already, see `UserFiles.OpenedFile.reopeningPath`); nil for bytes in memory.
    public let seekablePath: String?
    private let read: @Sendable (_ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void

    /// `read` hands `each` the bytes in order, from the first, in pieces of any size.
    public init(count: Int, seekablePath: String? = nil,
                read: @escaping @Sendable (_ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void) {
        self.count = count
        self.seekablePath = seekablePath
        self.read = read
    }

    public static func whole(_ data: Data) -> SheetBytes {
        SheetBytes(count: data.count) { each in
            try data.withUnsafeBytes { try each($0.bindMemory(to: UInt8.self)) }
        }
    }

    /// Every piece, from the start.
    public func pieces(_ each: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        try read(each)
    }

    /// The first bytes (fewer when the sheet is shorter), to tell what kind of file it is.
    public func prefix(_ length: Int) throws -> [UInt8] {
        var head: [UInt8] = []
        struct Enough: Error {}
        do {
            try read { piece in
                head += piece.prefix(length - head.count)
                if head.count >= length { throw Enough() }
            }
        } catch is Enough {}
        return head
    }

    /// All of it in memory: a workbook's zip is read from its end (its directory), so one
    /// given as bytes alone is held whole (compressed, a fraction of the rows it holds).
    public func data() throws -> Data {
        var data = Data(capacity: count)
        try read { data.append($0) }
        return data
    }
}
