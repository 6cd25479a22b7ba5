#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RCPCore
import RCPUI

/// Carries out the reducer's checklist effects with the `ChecklistStore` and answers each with an event.
///
/// Everything runs on the main loop, between two reads of the keyboard: a save that has started always
/// finishes (the store writes a temporary file, syncs it and renames it over the old one) before the loop
/// looks at the signal flags again, so SIGTERM or SIGHUP during a save never leaves half a file.
struct ExplorerChecklists {
    let store: ChecklistStore

    /// The store in `directory`, or in the default folder (`$RCPX_DATA_HOME/checklists`, else
    /// `$XDG_DATA_HOME/rcpx/checklists`, else `~/.local/share/rcpx/checklists`).
    init(directory: String?) {
        if let directory, !directory.isEmpty {
            store = ChecklistStore(directory: directory)
        } else {
            var env: [String: String] = [:]
            for key in ["RCPX_DATA_HOME", "XDG_DATA_HOME", "HOME"] {
                if let v = getenv(key) { env[key] = String(cString: v) }
            }
            store = ChecklistStore(directory: ChecklistStore.defaultDirectory(environment: env))
        }
    }

    /// The events the UI gets at start-up: the stored checklists, and the one asked for with `--checklist`.
    func startEvents(open name: String?) -> [InputEvent] {
        var events = [listed()]
        if let name {
            do {
                events.append(.checklistOpened(try store.loadOrCreate(name)))
            } catch {
                events.append(.checklistFailed(error.description))
            }
        }
        return events
    }

    /// The answer to a checklist effect (nil for effects that are not about checklists).
    func answer(_ effect: Effect) -> InputEvent? {
        switch effect {
        case .saveChecklist(let name, let basedOn, let changes):
            do {
                let result = try store.update(name, basedOn: basedOn) { checklist in
                    for change in changes { change.apply(to: &checklist) }
                }
                return .checklistSaved(result.checklist, mergedForeignChanges: result.mergedForeignChanges)
            } catch {
                return .checklistFailed(Self.describe(error))
            }
        case .openChecklist(let name):
            do { return .checklistOpened(try store.load(name)) } catch { return .checklistFailed(error.description) }
        case .createChecklist(let name):
            do { return .checklistOpened(try store.create(name)) } catch { return .checklistFailed(error.description) }
        case .renameChecklist(let from, let to):
            do {
                return .checklistOpened(try store.rename(from, to: to))
            } catch {
                return .checklistFailed(Self.describe(error))
            }
        case .deleteChecklist(let name):
            do {
                try store.delete(name)
                return .checklistDeleted(name: name)
            } catch {
                return .checklistFailed(error.description)
            }
        case .listChecklists:
            return listed()
        default:
            return nil
        }
    }

    private func listed() -> InputEvent {
        let (checklists, problems) = store.list()
        return .checklistsListed(names: checklists.map(\.name), problems: problems.map(\.description))
    }

    static func describe(_ error: any Error) -> String { String(describing: error) }
}
