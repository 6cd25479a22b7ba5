import RCPCore
import RCPUI

/// Answers the checklist effects as the terminal backend does, from an in-memory store; every ninth store
/// call fails (a read-only folder, a full disk), and now and then a save reports merged foreign changes.
struct PretendChecklistBackend {
    var stored: [String: Checklist] = [:]
    var calls = 0

    /// The stored checklist `name`, made when missing.
    mutating func open(_ name: String) -> Checklist {
        if let c = stored[name] { return c }
        let c = Checklist(name: name, created: "2026-01-01T00:00:00Z")
        stored[name] = c
        return c
    }

    mutating func answer(_ effect: Effect) -> [InputEvent] {
        calls += 1
        let fails = calls % 9 == 0
        switch effect {
        case .quit, .interrupt, .copyToClipboard, .setMouseCapture: return []
        case .saveCardToFile(let name, _): return [.notice("Card written to \(name).", isError: fails)]
        case .listChecklists:
            return [.checklistsListed(names: stored.keys.sorted(), problems: fails ? ["broken.json: not JSON"] : [])]
        case .loadChecklists(let names):
            return [
                .checklistsLoaded(names.compactMap { stored[$0] }, problems: fails ? ["broken.json: not JSON"] : [])
            ]
        case _ where fails:
            return [.checklistFailed("cannot write in the checklist folder (read-only file system)")]
        case .saveChecklist(let name, _, let changes):
            guard var c = stored[name] else { return [.checklistFailed("no checklist \"\(name)\"")] }
            changes.forEach { $0.apply(to: &c) }
            c.revision += 1
            stored[name] = c
            return [.checklistSaved(c, mergedForeignChanges: calls % 5 == 0)]
        case .openChecklist(let name):
            guard let c = stored[name] else { return [.checklistFailed("no checklist \"\(name)\"")] }
            return [.checklistOpened(c)]
        case .createChecklist(let name):
            if stored[name] != nil { return [.checklistFailed("checklist \"\(name)\" already exists")] }
            return [.checklistOpened(open(name))]
        case .renameChecklist(let from, let to):
            guard var c = stored.removeValue(forKey: from) else {
                return [.checklistFailed("no checklist \"\(from)\"")]
            }
            c.name = to
            stored[to] = c
            return [.checklistOpened(c)]
        case .deleteChecklist(let name):
            stored[name] = nil
            return [.checklistDeleted(name: name)]
        }
    }
}
