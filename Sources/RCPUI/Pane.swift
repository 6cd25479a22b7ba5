import RCPCore

/// What a pane is given to handle an action, settle, check itself or draw: the data and display settings,
/// where it is, and the few things of the app's state a pane may read.
public struct PaneContext: Sendable {
    public let env: DisplayEnvironment
    /// The pane's content area (inside its border and padding), or where it would be were it shown.
    public var area: Rect
    /// The active checklist.
    public let checklist: Checklist?
    /// The region selected in the tree (the matrix may limit its columns to it).
    public let region: String?
    /// What the card shows (the map follows it).
    public var selection: Subject? = nil
    /// How many changes to the active checklist are not saved yet.
    public var unsavedChanges: Int = 0
    /// The names of the stored checklists.
    public var checklistNames: [String] = []
    /// Checklists being compared side by side (empty when not comparing).
    public var comparedChecklists: [Checklist] = []
    /// The subject of each stored checklist that has one: name → the id of a party or process.
    public var checklistSubjects: [String: String] = [:]

    public init(
        env: DisplayEnvironment, area: Rect, checklist: Checklist?, region: String?, selection: Subject? = nil,
        unsavedChanges: Int = 0, checklistNames: [String] = [], comparedChecklists: [Checklist] = [],
        checklistSubjects: [String: String] = [:]
    ) {
        self.env = env; self.area = area; self.checklist = checklist; self.region = region; self.selection = selection
        self.unsavedChanges = unsavedChanges; self.checklistNames = checklistNames
        self.comparedChecklists = comparedChecklists; self.checklistSubjects = checklistSubjects
    }

    /// The same context for a smaller area (a pane's list below its header line).
    public func with(area: Rect) -> PaneContext {
        var c = self
        c.area = area
        return c
    }

    /// How many items fit in the area (presentation mode leaves a gap row after each).
    public var visibleItems: Int { Scroll.visibleItems(height: area.height, rowHeight: env.rowHeight) }
}

/// How far a pane is scrolled, for the indicator on its border.
public struct ScrollPosition: Sendable, Hashable {
    public var total: Int
    public var offset: Int
    public var visible: Int

    public init(total: Int, offset: Int, visible: Int) {
        self.total = total; self.offset = offset; self.visible = visible
    }
}

/// What drawing a pane leaves behind.
public struct PaneDrawing: Sendable {
    /// Where the hardware cursor rests (the selected item), for screen magnifiers and readers.
    public var cursor: (x: Int, y: Int)?
    public var scroll: ScrollPosition?

    public init(cursor: (x: Int, y: Int)? = nil, scroll: ScrollPosition? = nil) {
        self.cursor = cursor; self.scroll = scroll
    }
}

/// What the app tells every pane so that they move together (cross-pane sync): each pane answers the
/// messages it cares about and ignores the rest.
public enum PaneMessage: Sendable, Hashable {
    /// The card opened `subject` as a step of navigation (a link, a search hit, back or forward): put the
    /// cursor on it where the pane lists it ("opening a state puts the matrix crosshair on it").
    case follow(Subject)
}

/// The shape every pane has. A pane handles the actions of its key scope and of "every pane", keeps its
/// selection and scroll in bounds, reports what is broken, draws itself inside an area, turns a click into a
/// selection, answers the app's messages, names what it shows, and gives the text `y` copies. What it asks
/// of the app (show a card, move the focus, open an overlay, save, copy) goes back in a `PaneOutcome`.
///
/// The app reaches panes only through this protocol (`PaneSet`), so a new view is its own file plus a row
/// of the layout table and its rows of the key table (see docs/ARCHITECTURE.md).
public protocol Pane: Sendable {
    /// Which pane this is.
    var id: PaneID { get }
    /// The word on its tab ("Regions") and a shorter one for narrow tab bars ("Tree").
    var tabTitle: String { get }
    var shortTabTitle: String { get }
    /// The key-table scope of its own keys.
    var scope: KeyScope { get }
    /// The title on its border and the note at the border's right end.
    func title(_ context: PaneContext) -> (title: String, note: String)

    mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome
    /// A press at a screen position inside the area.
    mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome
    /// Brings the selection onto an existing row and the scroll offset in bounds with the selection visible.
    mutating func settle(_ context: PaneContext)
    /// Broken rules (empty when all is well), after `settle`.
    func invariants(_ context: PaneContext) -> [String]
    func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing

    /// Answers a message of the app (cross-pane sync).
    mutating func receive(_ message: PaneMessage, _ context: PaneContext)
    /// Whether `subject` is under the pane's cursor (a search hit can then keep the focus there).
    func shows(_ subject: Subject, _ context: PaneContext) -> Bool
    /// The pane's name in "shown in the tree, the matrix and the card"; nil leaves it out.
    var placeName: String? { get }
    /// What `y` copies while the pane has the focus: the name under its cursor.
    func copyText(_ context: PaneContext) -> String
    /// The record under the cursor (what `x` marks); nil when there is none.
    func cursorSubject(_ context: PaneContext) -> Subject?
}

extension Pane {
    public mutating func receive(_ message: PaneMessage, _ context: PaneContext) {}
    public func shows(_ subject: Subject, _ context: PaneContext) -> Bool { false }
    public var placeName: String? { nil }
    public func copyText(_ context: PaneContext) -> String { "" }
    public func cursorSubject(_ context: PaneContext) -> Subject? { nil }
}

/// What a pane asks of the app after handling an action or a click.
public struct PaneOutcome: Sendable {
    /// Show this in the card (the selection changed).
    public var show: Subject?
    /// Open this in the card as a step of navigation (kept in the back stack; every pane follows it).
    public var open: Subject?
    /// Move the focus.
    public var focus: PaneID?
    /// A line for the status bar.
    public var message: String?
    public var messageIsError = false
    /// Open an overlay (a prompt, a question, a list to choose from).
    public var overlay: Overlay?
    /// Change the active checklist; the app, which holds it, applies and saves the change.
    public var checklistChange: ChecklistChange?
    /// Save the unsaved checklist changes again before anything else (the action is not carried out).
    public var saveAgain = false
    /// Work for the backend (the clipboard, the checklist store, …).
    public var effects: [Effect] = []

    public init(
        show: Subject? = nil, open: Subject? = nil, focus: PaneID? = nil, message: String? = nil,
        messageIsError: Bool = false, overlay: Overlay? = nil, checklistChange: ChecklistChange? = nil,
        saveAgain: Bool = false, effects: [Effect] = []
    ) {
        self.show = show; self.open = open; self.focus = focus; self.message = message
        self.messageIsError = messageIsError; self.overlay = overlay; self.checklistChange = checklistChange
        self.saveAgain = saveAgain; self.effects = effects
    }

    public static let none = PaneOutcome()
}
