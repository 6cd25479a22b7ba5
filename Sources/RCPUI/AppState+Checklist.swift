import RCPCore

// The active checklist in the app: changes the checklist pane asks for, the prompts and questions it opens,
// and the backend's answers. The state holds the `Checklist` value; every store call is an `Effect` the
// backend carries out and answers with an `InputEvent` (see `Effect`).
extension AppState {
    func itemLabel(_ id: String) -> String { ChecklistPane.itemLabel(id, catalog) }

    /// Applies a change to the checklist in memory at once and asks the backend to save every unsaved change.
    mutating func change(_ c: ChecklistChange) -> [Effect] {
        guard var current = checklist else { return [] }
        c.apply(to: &current)
        checklist = current
        pendingChanges.append(c)
        switch c {
        case .status(let id, let status): say("\(itemLabel(id)): \(status.label).")
        case .note(let id, let note):
            say(note == nil ? "Note removed from \(itemLabel(id))." : "Note kept for \(itemLabel(id)).")
        case .meta(let meta):
            say(
                "Kept: "
                    + ([meta.subject?.described, meta.date, meta.facilitator.map { "facilitator " + $0 }]
                        .compactMap { $0 }.joined(separator: ", ").nilIfEmpty ?? "no workshop facts") + ".")
        }
        return [.saveChecklist(name: current.name, basedOn: current.revision, changes: pendingChanges)]
    }

    /// When changes are still unsaved, tries again (instead of switching away from them).
    mutating func savePendingFirst() -> [Effect]? {
        guard let current = checklist, !pendingChanges.isEmpty else { return nil }
        say(
            "\(pendingChanges.count) change\(pendingChanges.count == 1 ? " is" : "s are") not saved yet: saving again first.",
            error: true)
        return [.saveChecklist(name: current.name, basedOn: current.revision, changes: pendingChanges)]
    }

    mutating func commitPrompt(_ prompt: Prompt) -> [Effect] {
        let text = prompt.editor.text
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        switch prompt.purpose {
        case .note(let id):
            guard let current = checklist else { return [] }
            let note: String? = trimmed.isEmpty ? nil : text
            guard current.note(of: id) != note else { return [] }
            return change(.note(itemID: id, note))
        case .newChecklist:
            guard !trimmed.isEmpty else { say("A checklist needs a name.", error: true); return [] }
            if let existing = checklistNames.first(where: { $0.lowercased() == trimmed.lowercased() }) {
                overlay = .confirm(
                    Confirmation(
                        purpose: .openExisting(existing),
                        question: "A checklist “\(existing)” exists already. Open it?"))
                return []
            }
            return [.createChecklist(name: trimmed)]
        case .meta(let field, var draft):
            return commitMeta(field, &draft, typed: text)
        case .renameChecklist(let from):
            guard !trimmed.isEmpty else { say("A checklist needs a name.", error: true); return [] }
            guard trimmed != from else { return [] }
            return [.renameChecklist(from: from, to: trimmed)]
        }
    }

    /// One answer of the workshop-facts round: checked, kept in the draft, then the next prompt, or after the
    /// last one the change saved. A date that is not a date, or a subject that fits several records, asks again.
    mutating func commitMeta(_ field: MetaField, _ draft: inout ChecklistMeta, typed: String) -> [Effect] {
        let value = ChecklistMeta.clean(typed)
        switch field {
        case .subject:
            if let value {
                switch catalog.resolveSubject(value) {
                case .record(let subject): draft.subject = subject
                case .freeText(let subject): draft.subject = subject
                case .ambiguous(let names):
                    say(
                        "“\(value)” fits several: \(names.prefix(5).joined(separator: ", ")). Type more of the name.",
                        error: true)
                    var again = field.prompt(draft)
                    again.editor = LineEditor(typed, limit: 200)
                    overlay = .prompt(again)
                    return []
                }
            } else {
                draft.subject = nil
            }
        case .date:
            if let value, let problem = ChecklistMeta.dateProblem(value) {
                say("Not a date: \(problem).", error: true)
                var again = field.prompt(draft)
                again.editor = LineEditor(typed, limit: 200)
                overlay = .prompt(again)
                return []
            }
            draft.date = value
        case .facilitator: draft.facilitator = value
        case .participants: draft.participants = value
        }
        if let next = MetaField(rawValue: field.rawValue + 1) {
            overlay = .prompt(next.prompt(draft))
            return []
        }
        guard let current = checklist, current.meta != draft else { return [] }
        return change(.meta(draft))
    }

    mutating func confirmed(_ confirmation: Confirmation) -> [Effect] {
        switch confirmation.purpose {
        case .deleteChecklist(let name): return [.deleteChecklist(name: name)]
        case .discardTyping:
            say("Typing discarded.")
            return []
        case .openExisting(let name):
            return name == checklist?.name ? [] : [.openChecklist(name: name)]
        }
    }

    mutating func picked(_ name: String) -> [Effect] {
        guard name != checklist?.name else { return [] }
        return [.openChecklist(name: name)]
    }

    /// The answers of the backend to the checklist effects.
    mutating func handleBackendEvent(_ event: InputEvent) -> [Effect] {
        switch event {
        case .checklistOpened(let c):
            let isNew = c.name != checklist?.name
            checklist = c
            pendingChanges = []
            if !checklistNames.contains(c.name) { checklistNames.append(c.name) }
            if isNew { say("Checklist “\(c.name)” is open.") }
            return [.listChecklists]
        case .checklistSaved(let c, let merged):
            guard c.name == checklist?.name else { return [] }
            checklist = c
            pendingChanges = []
            if merged { say("Saved; changes another rcpx made meanwhile were merged in.") }
        case .checklistFailed(let message):
            let kept =
                pendingChanges.isEmpty
                ? "" : " — \(pendingChanges.count) unsaved change\(pendingChanges.count == 1 ? "" : "s") kept in memory"
            say("Checklist: \(message)\(kept).", error: true)
        case .checklistDeleted(let name):
            checklistNames.removeAll { $0 == name }
            if checklist?.name == name {
                checklist = nil
                pendingChanges = []
            }
            say("Checklist “\(name)” deleted.")
        case .checklistsListed(let names, let problems, let subjects):
            checklistNames = names
            checklistSubjects = subjects
            if case .picker(var p) = overlay {
                p.names = names
                overlay = .picker(p)
            }
            if !problems.isEmpty {
                say("Not opened (left as they are): " + problems.joined(separator: "; "), error: true)
            }
        case .checklistChangedOnDisk(let c):
            guard c.name == checklist?.name else { return [] }
            if pendingChanges.isEmpty {
                checklist = c
                say("Checklist updated: another rcpx saved changes to “\(c.name)”.")
                return []
            }
            // Unsaved changes go on top of what is on disk now, saved against the revision they were made on,
            // so the store keeps both versions of an item both sides changed and says so.
            let editedFrom = checklist?.revision ?? c.revision
            var merged = c
            for change in pendingChanges { change.apply(to: &merged) }
            merged.revision = editedFrom
            checklist = merged
            return [.saveChecklist(name: c.name, basedOn: editedFrom, changes: pendingChanges)]
        case .checklistsLoaded(let loaded, let problems):
            if !problems.isEmpty { say("Not compared: " + problems.joined(separator: "; "), error: true) }
            guard loaded.count >= 2 else {
                if problems.isEmpty { say("A comparison needs two checklists or more.", error: true) }
                return []
            }
            comparedChecklists = loaded
            setFocus(.checklist)
            if problems.isEmpty {
                say(
                    "Comparing \(loaded.count): " + loaded.map(\.name).joined(separator: ", ")
                        + " — ←→ choose a column, \(keys.firstKey(.cancel)) returns.")
            }
        case .notice(let text, let isError):
            say(text, error: isError)
        default:
            break
        }
        return []
    }
}
