import Foundation
import KehuDemo
import KehuCore
@testable import KehuStore
@testable import KehuApp

/// The repository's root, for reading the shipped keymaps and themes.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

let fixedNow = LocalDateTime(date: LocalDate(year: 2026, month: 11, day: 22)!, hour: 9, minute: 41)!

final class Scratch {
    let path = NSTemporaryDirectory() + "kehu-app-" + UUID().uuidString
    init() { try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func write(_ relative: String, _ text: String) -> String {
        let file = path + "/" + relative
        try! FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    /// A locator whose user folder is inside this scratch folder and whose shipped files
    /// are the repository's.
    var locator: ConfigLocator { ConfigLocator(userDirectory: path + "/config", shareDirectories: [repositoryRoot]) }
}

func shippedKeymap(_ name: String) -> Keymap {
    let text = try! String(contentsOfFile: "\(repositoryRoot)/keymaps/\(name).toml", encoding: .utf8)
    return Keymap().applying(text, file: name).keymap
}

/// A view-model on a demo archive; by default as its admin, who starts on the customer list.
func demoViewModel(_ scratch: Scratch, customers: Int = 120, keymap: String = "default", language: Language = .zh,
                   login: String = "tester") throws -> MainViewModel {
    let path = scratch.path + "/demo.db"
    if !FileManager.default.fileExists(atPath: path) {
        _ = try DemoDatabase.create(at: path, options: DemoOptions(customers: customers, seed: 3, now: fixedNow, creatorLogin: "tester"))
    }
    // Through the door, as kehu opens it (an unknown login only gets the bare store, to
    // show how a screen without a profile reads).
    let database = try KehuDatabase.open(path: path)
    let store = (try? database.door(for: login)) ?? database
    return MainViewModel(store: store, strings: Strings(language), keymap: shippedKeymap(keymap), login: login,
                         profile: try store.profile(login: login), clock: FixedClock(fixedNow))
}

/// The demo's salesperson 张伟 on Today, with panes of a usual size.
func salespersonViewModel(_ scratch: Scratch) throws -> MainViewModel {
    // Enough customers that 张伟 has follow-ups due on the fixed date.
    let vm = try demoViewModel(scratch, customers: 400, login: "zhangwei")
    vm.setViewport(Viewport(listRows: 20, cardRows: 8, cardWidth: 40, timelineRows: 10, timelineWidth: 40))
    vm.start()
    return vm
}

/// Moves the Today selection to the first intent-card follow-up.
/// Leaves the selection alone while kehu asks something (a draft offered at start).
func selectFirstFollowUp(_ vm: MainViewModel) {
    guard vm.prompt == nil,
          let index = vm.todayItems.firstIndex(where: { if case .followUp = $0.kind { return true }; return false }) else { return }
    for _ in 0..<index { vm.send(.moveDown) }
}

/// 张伟 on Today, on his first card follow-up.
func salespersonOnFirstFollowUp(_ scratch: Scratch) throws -> MainViewModel {
    let vm = try salespersonViewModel(scratch)
    selectFirstFollowUp(vm)
    return vm
}

/// Types text one key at a time, as a terminal delivers it.
func type(_ vm: MainViewModel, _ text: String) { for ch in text { vm.handle(.char(ch)) } }
