import Synchronization
import RCPCore

/// The search box and its hits.
public struct SearchState: Sendable {
    public var editor = LineEditor()
    public var hits: [SearchHit] = []
    /// The corrected query the hits are for ("budapest" for "budapset"), shown as "showing results for …".
    public var correctedQuery: String?
    /// Why the query has no hits (a filter that names nothing), shown in the hit list.
    public var problem: String?
    /// The chosen hit (Enter goes there; n / N move it).
    public var selected = 0
    /// True while the query is being typed; false once Enter kept it (the highlight stays).
    public var typing = true
    /// The view from before the search, restored by Esc while typing.
    var saved: ViewSnapshot

    public var query: String { editor.text }
    /// "3/17", or "0/0".
    public var countLabel: String { hits.isEmpty ? "0/0" : "\(selected + 1)/\(hits.count)" }
}

/// The filter box.
public struct FilterState: Sendable, Hashable {
    public var editor = LineEditor()
    public var typing = true
    public var text: String { editor.text }
}

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

public struct Picker: Sendable, Hashable {
    public var names: [String]
    public var selected: Int
}

/// A line in the status bar until the next key.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool

    public init(text: String, isError: Bool) { self.text = text; self.isError = isError }
}

/// The positions of the panes, saved by a search so that Esc can put them back.
struct ViewSnapshot: Sendable {
    var focus: PaneID
    var second: PaneID
    var tree: TreePane
    var card: CardPane
    var matrix: MatrixPane
    var checklistPane: ChecklistPane
    var map: MapPane
    var timeline: TimelinePane
}

/// Keeps one `SearchSession` (which refines the previous query's candidates as you type) behind a lock, so
/// that the state stays a Sendable value. The session gives the same hits as `Catalog.search` for any query,
/// so sharing it between copies of the state changes nothing but speed.
final class SearchCache: @unchecked Sendable {
    private let lock = Mutex(())
    private let session: SearchSession

    init(catalog: Catalog) { session = SearchSession(catalog: catalog, limit: 200) }

    func result(_ query: String) -> SearchResult {
        lock.withLock { _ in
            session.update(query)
            return session.result
        }
    }
}
