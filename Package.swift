// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "kehu",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kehu", targets: ["kehu"]),
        .executable(name: "kehu-bench", targets: ["KehuBenchmarks"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        // PostgreSQL's wire protocol, for companies that outgrow one server.
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // SHA-256, for the checksums that verify a move to PostgreSQL (postgres-nio uses it too).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        // Domain types and rules; no I/O, no clock of its own.
        .target(name: "KehuCore"),
        // Facts from the kernel and the host: who is running kehu (real uid → passwd), the
        // setgid group privilege and files opened with the user's own rights, the
        // installed configuration found beside the binary.
        .target(name: "KehuHost"),
        // Data in and out: CSV read and written, text decoding, zip and XLSX, vCard, and the
        // import and export pipelines the commands run.
        .target(name: "KehuExchange", dependencies: ["KehuCore", "KehuStore", "SystemZlib",
                                                .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // zlib (which ZIPFoundation links already) for its fast CRC-32.
        .systemLibrary(name: "SystemZlib", providers: [.apt(["zlib1g-dev"])]),
        // SQLite's start-up settings, which only C can give (sqlite3_config is variadic).
        .systemLibrary(name: "CSQLiteTuning", providers: [.apt(["libsqlite3-dev"])]),
        // Where a setgid kehu's SQLite writes its temporary files (a VFS, which only C can give).
        .target(name: "CSQLiteSortFiles", linkerSettings: [.linkedLibrary("sqlite3")]),
        // The demo database writer; it writes through the store's package-level internals.
        .target(name: "KehuDemo", dependencies: ["KehuCore", "KehuStore", .product(name: "GRDB", package: "GRDB.swift")]),
        // The only module that speaks SQL, behind one door opened for a verified login.
        .target(name: "KehuStore", dependencies: [
            "KehuCore", "KehuHost", "CSQLiteTuning", "CSQLiteSortFiles",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's own binding calls, for the one bulk path that binds values itself.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // View-models, keymaps and themes as data; never draws.
        .target(name: "KehuApp", dependencies: ["KehuCore", "KehuStore", "KehuHost", "TerminalBasics"]),
        // Keys, styles and display width as plain values: shared by keymaps, themes and
        // presenters (KehuApp) and by drawing (TerminalUI).
        .target(name: "TerminalBasics"),
        // ncursesw through a shim header that defines _XOPEN_SOURCE_EXTENDED.
        .systemLibrary(name: "CNcursesw", providers: [.apt(["libncursesw5-dev"])]),
        // Cells, display width, widgets, key decoding, backends; knows nothing of customers.
        .target(name: "TerminalUI", dependencies: ["CNcursesw", "TerminalBasics"]),
        // Screens: KehuApp state into widgets, and the run loop.
        .target(name: "KehuTUI", dependencies: ["KehuApp", "TerminalUI", "KehuHost"]),
        .executableTarget(name: "kehu", dependencies: [
            "KehuTUI", "KehuApp", "KehuStore", "KehuCore", "KehuHost", "KehuExchange", "KehuDemo",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [
            // Swift links executables with every symbol exported to the dynamic table (40,000
            // here), which the loader and the runtime's `dladdr` then search at every start:
            // 1.5 ms of a 20 ms start. Nothing looks kehu's symbols up at run time (a crash
            // report reads them from the file), so none is exported.
            .unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux])),
            // The loader relocated 126,000 pointers from a 3 MB table at every start; LLVM's
            // linker (in the Swift toolchain) packs them into 25 KB of bitmaps (DT_RELR,
            // which glibc reads since 2.36, Debian 12).
            .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"], .when(platforms: [.linux])),
        ]),
        // Speed measured by running, not by timed tests: `swift run -c release kehu-bench`.
        .executableTarget(name: "KehuBenchmarks", dependencies: ["KehuTUI", "KehuApp", "KehuStore", "KehuCore", "KehuHost", "KehuExchange", "KehuDemo", "TerminalUI", "TerminalBasics"],
                          path: "Benchmarks/KehuBenchmarks"),
        .testTarget(name: "KehuCoreTests", dependencies: ["KehuCore"]),
        .testTarget(name: "KehuStoreTests", dependencies: ["KehuStore", "KehuCore", "KehuHost", "KehuDemo"]),
        .testTarget(name: "KehuHostTests", dependencies: ["KehuHost"]),
        .testTarget(name: "KehuExchangeTests", dependencies: ["KehuExchange", "KehuStore", "KehuCore", "KehuApp",
                                                              .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "KehuAppTests", dependencies: ["KehuApp", "KehuStore", "KehuCore", "KehuDemo"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "TerminalBasics"]),
        .testTarget(name: "KehuTUITests", dependencies: ["KehuTUI", "KehuApp", "KehuStore", "TerminalUI"]),
        // Runs the real binary in tmux; depending on it makes `swift test` build it.
        .testTarget(name: "EndToEndTests", dependencies: [
            "kehu", "KehuStore", "KehuCore", "KehuHost", "KehuDemo", "KehuExchange", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
