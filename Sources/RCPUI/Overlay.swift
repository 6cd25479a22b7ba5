import RCPCore

/// The help overlay: its narrowing text and scroll.
public struct HelpState: Sendable, Hashable {
    public var editor = LineEditor()
    public var offset = 0
}

/// Overlays drawn over the panes; they take the keys while open.
public enum Overlay: Sendable, Hashable {
    case help(HelpState)
    /// A one-line prompt (checklist names, notes).
    case prompt(Prompt)
    /// A yes/no question.
    case confirm(Confirmation)
    /// Choosing a checklist from a list.
    case picker(Picker)
    /// 2–4 marked processes or parties side by side.
    case comparison(ComparisonState)
    /// States or processes ranked (`#`); `s` changes the order.
    case ranking(RankingState)
}

/// What a prompt's text is for.
public enum PromptPurpose: Sendable, Hashable {
    case note(itemID: String)
    /// One field of the checklist's workshop facts; `draft` holds what the earlier prompts of the round gave.
    case meta(MetaField, draft: ChecklistMeta)
    case newChecklist
    case renameChecklist(from: String)
}

public struct Prompt: Sendable, Hashable {
    public var purpose: PromptPurpose
    public var title: String
    public var editor: LineEditor
    /// The text the prompt opened with: cancelling after typing asks first, so nothing typed is lost unseen.
    public var original: String

    public init(purpose: PromptPurpose, title: String, editor: LineEditor) {
        self.purpose = purpose; self.title = title; self.editor = editor; self.original = editor.text
    }

    /// Whether the user typed something the prompt would lose on cancel.
    public var hasTypedText: Bool { editor.text != original }
}

public enum ConfirmPurpose: Sendable, Hashable {
    case deleteChecklist(String)
    /// Cancel a prompt holding typed text: yes drops the text, no goes back to the prompt as it was.
    case discardTyping(Prompt)
    /// `c` was given the name of a checklist that exists: yes opens it.
    case openExisting(String)
}

public struct Confirmation: Sendable, Hashable {
    public var purpose: ConfirmPurpose
    public var question: String
}

/// Choosing a checklist by name: one to open, or several to compare side by side.
public struct Picker: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        /// Enter opens the chosen checklist.
        case open
        /// Space marks checklists (2 to `ChecklistComparison.maxColumns`); Enter compares them.
        case compare
    }

    public var names: [String]
    public var list: ListState<String>
    public var purpose: Purpose = .open
    /// The checklists marked for comparison, in the order they were marked.
    public var chosen: [String] = []

    public init(names: [String], selected: Int, purpose: Purpose = .open, chosen: [String] = []) {
        self.names = names
        self.purpose = purpose
        self.chosen = chosen
        list = ListState(selected: names.indices.contains(selected) ? names[selected] : names.first)
    }

    /// The index of the chosen name.
    public var selected: Int { list.index(in: names) ?? 0 }
}

/// A line in the status bar until the next key.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) { self.text = text; self.isError = isError }
}

/// The workshop facts a checklist records, asked for one after another (`M` in the checklist pane).
public enum MetaField: Int, Sendable, Hashable, CaseIterable {
    case subject, date, facilitator, participants

    /// The prompt's title: what to type, and where the round is.
    public var title: String {
        let step = "(\(rawValue + 1)/\(MetaField.allCases.count))"
        switch self {
        case .subject: return "Whose assessment \(step): a state, a process, or any text"
        case .date: return "Workshop date \(step): YYYY-MM-DD"
        case .facilitator: return "Facilitator \(step)"
        case .participants: return "Participants \(step): delegations, ministries, names"
        }
    }

    /// The field's text in `meta`, for the prompt to start from.
    public func text(_ meta: ChecklistMeta) -> String {
        switch self {
        case .subject: return meta.subject?.name ?? ""
        case .date: return meta.date ?? ""
        case .facilitator: return meta.facilitator ?? ""
        case .participants: return meta.participants ?? ""
        }
    }

    public func prompt(_ draft: ChecklistMeta) -> Prompt {
        Prompt(purpose: .meta(self, draft: draft), title: title, editor: LineEditor(text(draft), limit: 200))
    }
}
