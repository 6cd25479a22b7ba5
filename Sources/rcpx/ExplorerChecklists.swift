import RCPCore
import RCPUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Carries out the reducer's checklist effects with the `ChecklistStore` and answers each with an event.
///
/// Everything runs on the main loop, between two reads of the keyboard: a save that has started always
/// finishes (the store writes a temporary file, syncs it and renames it over the old one) before the loop
/// looks at the signal flags again, so SIGTERM or SIGHUP during a save never leaves half a file.
final class ExplorerChecklists {
    let store: ChecklistStore
    /// Where the last checklist opened is remembered and `Y` writes cards.
    let state: StateFolder
    /// The open checklist and its file's stamp when this rcpx last read or wrote it: `poll` looks for saves
    /// of other processes against it.
    private var watched: (name: String, stamp: ChecklistFileStamp?)?

    /// The store in `directory` (the checklist folder `DataLocations` chose), and the state folder.
    init(directory: String) {
        store = ChecklistStore(directory: directory)
        state = DataLocations.stateFolder()
    }

    /// The events the UI gets at start-up: the stored checklists, and the one asked for with `--checklist`
    /// (created, and said so, when there is none by that name), else the one open when rcpx last quit.
    func startEvents(open name: String?) -> [InputEvent] {
        let names = store.list().checklists.map(\.name)
        var events = [listed()]
        if let name {
            do {
                let exists = names.contains(name)
                let checklist = try store.loadOrCreate(name)
                events.append(opened(checklist))
                if !exists {
                    let similar = closestNames(to: name, among: names, limit: 1)
                    events.append(
                        .notice(
                            "Created a new checklist “\(DisplayText.excerpt(checklist.name, limit: 40))”"
                                + (similar.first.map {
                                    " (did you mean “\(DisplayText.safe($0))”? \(KeyBindings.firstKey(.switchChecklist, in: .checklist)) switches)"
                                } ?? "")
                                + ".", isError: false))
                }
            } catch {
                events.append(.checklistFailed(error.description))
            }
        } else if let last = state.lastChecklist(in: store.directory), names.contains(last),
            let checklist = try? store.load(last)
        {
            events.append(opened(checklist))
        }
        return events
    }

    /// Keeps `name` as the checklist to reopen next time (nil: none).
    private func remember(_ name: String?) { state.rememberChecklist(name, in: store.directory) }

    /// The answer to a checklist effect (nil for effects that are not about checklists).
    /// The answers to an effect: a save that met another process's change to the same item is followed by a
    /// notice naming the item and how to choose (both versions are kept).
    func answers(_ effect: Effect) -> [InputEvent] {
        if case .saveChecklist(let name, let basedOn, let changes) = effect {
            do {
                let result = try store.update(name, basedOn: basedOn) { checklist in
                    for change in changes { change.apply(to: &checklist) }
                }
                if watched?.name == name { watched = (name, result.stamp) }
                return [.checklistSaved(result.checklist, mergedForeignChanges: result.mergedForeignChanges)]
                    + (result.conflictSummary.map { [.notice($0, isError: true)] } ?? [])
            } catch {
                return [.checklistFailed(Self.describe(error))]
            }
        }
        return answer(effect).map { [$0] } ?? []
    }

    /// Another rcpx's save of the open checklist, picked up with one `stat` when nothing changed.
    func poll() -> [InputEvent] {
        guard let (name, stamp) = watched else { return [] }
        do {
            guard let (checklist, newStamp) = try store.reload(name, ifChangedSince: stamp) else { return [] }
            watched = (checklist.name, newStamp)
            return [.checklistChangedOnDisk(checklist)]
        } catch {
            watched = nil
            return [
                .notice(
                    "The checklist “\(DisplayText.safe(name))” can no longer be read (\(DisplayText.safe(error.description))); "
                        + "what is shown stays until you switch.", isError: true)
            ]
        }
    }

    func answer(_ effect: Effect) -> InputEvent? {
        switch effect {
        case .openChecklist(let name):
            do { return opened(try store.load(name)) } catch { return .checklistFailed(error.description) }
        case .createChecklist(let name):
            do { return opened(try store.create(name)) } catch { return .checklistFailed(error.description) }
        case .renameChecklist(let from, let to):
            do {
                return opened(try store.rename(from, to: to))
            } catch {
                return .checklistFailed(Self.describe(error))
            }
        case .deleteChecklist(let name):
            do {
                try store.delete(name)
                if state.lastChecklist(in: store.directory) == name { remember(nil) }
                if watched?.name == name { watched = nil }
                return .checklistDeleted(name: name)
            } catch {
                return .checklistFailed(error.description)
            }
        case .saveCardToFile(let name, let text):
            do {
                let path = try state.write(name, text)
                return .notice("Card written to \(DisplayText.safe(path)).", isError: false)
            } catch {
                return .notice(
                    "Could not write the card: \(DisplayText.safe(String(describing: error)))", isError: true)
            }
        case .listChecklists:
            return listed()
        case .loadChecklists(let names):
            var loaded: [Checklist] = [], problems: [String] = []
            for name in names {
                do { loaded.append(try store.load(name)) } catch { problems.append(error.description) }
            }
            return .checklistsLoaded(loaded, problems: problems)
        default:
            return nil
        }
    }

    private func opened(_ checklist: Checklist) -> InputEvent {
        remember(checklist.name)
        watched = (checklist.name, (try? store.loadStamped(checklist.name))?.stamp)
        return .checklistOpened(checklist)
    }

    private func listed() -> InputEvent {
        let (checklists, problems) = store.list()
        var subjects: [String: String] = [:]
        for c in checklists { if let id = c.checklist.meta.subject?.id { subjects[c.name] = id } }
        return .checklistsListed(
            names: checklists.map(\.name), problems: problems.map(\.description), subjects: subjects)
    }

    static func describe(_ error: any Error) -> String { String(describing: error) }
}
