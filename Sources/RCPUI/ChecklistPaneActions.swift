import RCPCore

// The checklist pane's own actions: statuses, notes, and checklists created, renamed, switched and deleted.
// The pane asks; the app, which holds the active checklist, applies changes and has the backend save them.
extension ChecklistPane {
    /// The outcome of a checklist action; nil when the action is for the pane's list.
    func checklistAction(_ action: Action, _ context: PaneContext) -> PaneOutcome? {
        let ascii = context.env.ascii
        let k = { (a: Action) in KeyBindings.firstKey(a, in: .checklist, ascii: ascii) }
        let catalog = context.env.catalog
        func noChecklist() -> PaneOutcome {
            PaneOutcome(
                message: "No checklist is open: \(k(.newChecklist)) creates one, \(k(.switchChecklist)) opens one.",
                messageIsError: true)
        }
        let saveAgain = PaneOutcome(saveAgain: true)
        switch action {
        case .cycleStatus:
            guard let row = selected, let id = row.itemID else {
                return PaneOutcome(message: "\(k(.cycleStatus)) sets the status of a heading or sub-heading.")
            }
            guard let current = context.checklist else { return noChecklist() }
            return PaneOutcome(checklistChange: .status(itemID: id, current.status(of: id).next))
        case .editNote:
            guard let row = selected else { return PaneOutcome.none }
            // A process line: its card.
            guard let id = row.itemID else { return PaneOutcome(show: ChecklistPane.subject(row), focus: .card) }
            guard let current = context.checklist else { return noChecklist() }
            return PaneOutcome(
                overlay: .prompt(
                    Prompt(
                        purpose: .note(itemID: id),
                        title: "Note for \(Self.itemLabel(id, catalog))",
                        editor: LineEditor(current.note(of: id) ?? ""))))
        case .newChecklist:
            if context.unsavedChanges > 0 { return saveAgain }
            return PaneOutcome(
                overlay: .prompt(
                    Prompt(
                        purpose: .newChecklist,
                        title: "New checklist: its name (e.g. Ghana 2026 workshop)",
                        editor: LineEditor(limit: 120))))
        case .renameChecklist:
            guard let current = context.checklist else { return noChecklist() }
            if context.unsavedChanges > 0 { return saveAgain }
            return PaneOutcome(
                overlay: .prompt(
                    Prompt(
                        purpose: .renameChecklist(from: current.name),
                        title: "Rename “\(current.name)” to",
                        editor: LineEditor(current.name, limit: 120))))
        case .switchChecklist:
            if context.unsavedChanges > 0 { return saveAgain }
            let names = context.checklistNames
            let picker = Picker(names: names, selected: names.firstIndex { $0 == context.checklist?.name } ?? 0)
            return PaneOutcome(overlay: .picker(picker), effects: [.listChecklists])
        case .editMeta:
            guard let current = context.checklist else { return noChecklist() }
            return PaneOutcome(overlay: .prompt(MetaField.subject.prompt(current.meta)))
        case .compareChecklists:
            let names = context.checklistNames
            let picker = Picker(
                names: names, selected: 0, purpose: .compare,
                chosen: context.comparedChecklists.map(\.name).filter(names.contains))
            return PaneOutcome(overlay: .picker(picker), effects: [.listChecklists])
        case .deleteChecklist:
            guard let current = context.checklist else { return noChecklist() }
            return PaneOutcome(
                overlay: .confirm(
                    Confirmation(
                        purpose: .deleteChecklist(current.name),
                        question:
                            "Delete the checklist “\(current.name)”? Its file is removed and what it records is lost."))
            )
        default:
            return nil
        }
    }

    /// "6.1 Trafficking in Persons and Smuggling of Migrants".
    static func itemLabel(_ id: String, _ catalog: Catalog) -> String {
        let number = ChecklistItemID.displayNumber(id) ?? id
        if let p = catalog.practice(id: id) { return "\(number) \(p.title)" }
        if let (_, item) = catalog.practiceItem(id: id) { return "\(number) \(item.title)" }
        return id
    }
}
