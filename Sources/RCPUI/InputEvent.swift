import RCPCore

/// A key, independent of any terminal library.
public enum Key: Sendable, Hashable {
    case character(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// A mouse action at a cell.
public enum MouseAction: Sendable, Hashable {
    case press, release, wheelUp, wheelDown
}

/// Everything the reducer reacts to: the user's keys, mouse and terminal size, and the outcome of the
/// checklist effects the backend carried out.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseAction, x: Int, y: Int)
    case resize(width: Int, height: Int)

    /// A checklist is now the active one: after `.openChecklist`, `.createChecklist` or `.renameChecklist`, and
    /// at start-up for `--checklist NAME` (the backend calls `ChecklistStore.loadOrCreate`).
    case checklistOpened(Checklist)
    /// `.saveChecklist` succeeded: the checklist as saved (`ChecklistStore.UpdateResult.checklist`), and whether
    /// changes another rcpx saved meanwhile were merged (`mergedForeignChanges`).
    case checklistSaved(Checklist, mergedForeignChanges: Bool)
    /// A checklist effect failed: the error's `description` (it names the checklist or file and the reason).
    /// The UI keeps working; unsaved changes stay in memory and go with the next save.
    case checklistFailed(String)
    /// `.deleteChecklist` succeeded.
    case checklistDeleted(name: String)
    /// The stored checklists (`ChecklistStore.list()`: names, and the files that could not be read, as
    /// `ChecklistFileProblem.description`), and the subject of each that has one (name → the id of a party
    /// or process of the data). Sent at start-up and after `.listChecklists`.
    case checklistsListed(names: [String], problems: [String], subjects: [String: String] = [:])
    /// `.loadChecklists` read these (in the order asked); `problems` names those that could not be read.
    case checklistsLoaded([Checklist], problems: [String])
    /// Another rcpx saved the open checklist: this is the file as it is now.
    case checklistChangedOnDisk(Checklist)
    /// Something the backend tells the user once on the status line (a file written, a fallback taken).
    case notice(String, isError: Bool)
}

/// One change to a checklist item, as the reducer asks for it.
public enum ChecklistChange: Sendable, Hashable {
    case status(itemID: String, ChecklistStatus)
    /// nil (or blank) clears the note.
    case note(itemID: String, String?)
    /// Whose assessment it is and when (subject, date, facilitator, participants).
    case meta(ChecklistMeta)

    /// Applies the change to a checklist (inside `ChecklistStore.update`, to the copy read under the lock).
    public func apply(to checklist: inout Checklist) {
        switch self {
        case .status(let id, let status): checklist.set(id, status: status)
        case .note(let id, let note): checklist.setNote(id, note)
        case .meta(let meta): checklist.meta = meta
        }
    }
}

/// What the reducer asks the outside world to do; the backend carries these out.
///
/// The checklist effects are calls of the `ChecklistStore`; the backend answers each with an `InputEvent`:
///
/// | effect | store call | answer |
/// | --- | --- | --- |
/// | `.saveChecklist(name:basedOn:changes:)` | `update(name, basedOn:) { c in changes.forEach { $0.apply(to: &c) } }` | `.checklistSaved` / `.checklistFailed` |
/// | `.openChecklist(name:)` | `load(name)` | `.checklistOpened` / `.checklistFailed` |
/// | `.createChecklist(name:)` | `create(name)` | `.checklistOpened` / `.checklistFailed` |
/// | `.renameChecklist(from:to:)` | `rename(from, to:)` | `.checklistOpened` / `.checklistFailed` |
/// | `.deleteChecklist(name:)` | `delete(name)` | `.checklistDeleted` / `.checklistFailed` |
/// | `.listChecklists` | `list()` | `.checklistsListed` |
/// | `.loadChecklists(names:)` | `load(name)` for each | `.checklistsLoaded` |
public enum Effect: Sendable, Hashable {
    case quit
    /// Leave at once as an interrupt would (exit status 130): Ctrl-C outside any text box.
    case interrupt
    /// Put text on the clipboard (OSC 52).
    case copyToClipboard(String)
    case setMouseCapture(Bool)
    /// Save changes to the checklist `name`, made on top of revision `basedOn` (every change not yet saved,
    /// oldest first: a failed save is retried with the next one).
    case saveChecklist(name: String, basedOn: Int, changes: [ChecklistChange])
    case openChecklist(name: String)
    case createChecklist(name: String)
    case renameChecklist(from: String, to: String)
    /// Asked only after the user confirmed.
    case deleteChecklist(name: String)
    case listChecklists
    /// Read these checklists to compare them side by side; answered with `.checklistsLoaded`.
    case loadChecklists(names: [String])
    /// Write `text` (a card) to a file in rcpx's state folder; answered with `.notice` naming the file.
    case saveCardToFile(name: String, text: String)
}
