import RCPCore
import RCPUI

/// Answers the checklist effects as the terminal backend does, from an in-memory store, and sometimes fails.
struct FakeChecklistBackend {
    var store: [String: Checklist] = [:]
    var failures = 0

    /// What the backend sends at start-up for `--checklist NAME`.
    mutating func startupEvent(_ name: String) -> InputEvent? { .checklistOpened(open(name)) }

    mutating func open(_ name: String) -> Checklist {
        if let c = store[name] { return c }
        let c = Checklist(name: name, created: "2026-01-01T00:00:00Z")
        store[name] = c
        return c
    }

    mutating func answer(_ effect: Effect) -> [InputEvent] {
        failures += 1
        // Every seventh store call fails, as a read-only folder or a full disk would.
        if failures % 7 == 0 {
            switch effect {
            case .quit, .interrupt, .copyToClipboard, .setMouseCapture, .listChecklists: break
            default: return [.checklistFailed("cannot save: read-only file system (fuzz)")]
            }
        }
        switch effect {
        case .quit, .interrupt, .copyToClipboard, .setMouseCapture:
            return []
        case .saveCardToFile(let name, _):
            return [.notice("Card written to \(name).", isError: false)]
        case .saveChecklist(let name, _, let changes):
            guard var c = store[name] else { return [.checklistFailed("no checklist named \"\(name)\"")] }
            for change in changes { change.apply(to: &c) }
            c.revision += 1
            store[name] = c
            return [.checklistSaved(c, mergedForeignChanges: failures % 11 == 0)]
        case .openChecklist(let name):
            guard let c = store[name] else { return [.checklistFailed("no checklist named \"\(name)\"")] }
            return [.checklistOpened(c)]
        case .createChecklist(let name):
            if store[name] != nil { return [.checklistFailed("checklist \"\(name)\" already exists")] }
            return [.checklistOpened(open(name))]
        case .renameChecklist(let from, let to):
            guard var c = store.removeValue(forKey: from) else { return [.checklistFailed("no checklist named \"\(from)\"")] }
            c.name = to
            store[to] = c
            return [.checklistOpened(c)]
        case .deleteChecklist(let name):
            store[name] = nil
            return [.checklistDeleted(name: name)]
        case .listChecklists:
            return [.checklistsListed(names: store.keys.sorted(), problems: failures % 5 == 0 ? ["x.json: not JSON (fuzz)"] : [])]
        }
    }
}
