import KehuCore
import KehuStore

/// The company's settings (`S`): everyone may read the rules they work under; an admin
/// changes one with Enter, and the store checks the value as `kehu settings set` does.
extension MainViewModel {
    func openSettings(selecting index: Int = 0) {
        attempt {
            let entries = try store.settingsInForce()
            openOverlay(.settings(entries), title: strings.hint(.settings), note: "\(entries.filter(\.isSet).count)/\(entries.count)")
            overlay?.select(min(index, max(0, entries.count - 1)))
        }
    }

    /// Enter on a setting: its value in a one-line form, for admins.
    func editSetting(_ entry: SettingInForce) {
        guard profile?.user.role == .admin else {
            show(strings.message(StoreError.refused(.roleMayNot)), kind: .error)
            return
        }
        settingsReturnIndex = overlay?.selected ?? 0
        overlay = nil
        form = .note(NoteForm(.setting(key: entry.setting.key), text: entry.value))
        formProblems = []
    }

    /// Stores the value, or says why not and leaves the form open; back in the box after.
    func saveSetting(key: String, text: String) throws {
        let stored = try store.setSetting(key, to: text, by: actor)
        closeForm()
        try refreshAfterSave(showing: nil)
        openSettings(selecting: settingsReturnIndex)
        show("\(key) = \(stored)", kind: .info)
    }
}
