import RCPCore

/// What a pane is given to handle an action, settle, check itself or draw.
public struct PaneContext: Sendable {
    public let env: PaneEnv
    /// The pane's content area (inside its border and padding), or where it would be were it shown.
    public let area: Rect
    /// The active checklist.
    public let checklist: Checklist?
    /// The region selected in the tree (the matrix may limit its columns to it).
    public let region: String?
    /// What the card shows (the map follows it).
    public var selection: Subject? = nil

    /// How many items fit in the area (presentation mode leaves a gap row after each).
    public var visibleItems: Int { Scroll.visibleItems(height: area.height, rowHeight: env.rowHeight) }
}

/// How far a pane is scrolled, for the indicator on its border.
public struct ScrollPosition: Sendable, Hashable {
    public var total: Int
    public var offset: Int
    public var visible: Int
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

/// The shape every pane has: it handles the actions of the key table, keeps its selection and scroll in
/// bounds, reports what is broken, draws itself inside an area, and turns a click into a selection.
protocol Pane: Sendable {
    mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome
    /// Brings the selection onto an existing row and the scroll offset in bounds with the selection visible.
    mutating func settle(_ context: PaneContext)
    /// Broken rules (empty when all is well), after `settle`.
    func invariants(_ context: PaneContext) -> [String]
    func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing
    /// A press at a screen position inside the area.
    mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome
}

/// What a pane asks of the app after handling an action.
public struct PaneOutcome: Sendable {
    /// Show this in the card (the selection changed).
    public var show: Subject?
    /// Open this in the card as a step of navigation (kept in the back stack).
    public var open: Subject?
    /// Move the focus.
    public var focus: PaneID?
    public var message: String?

    public init(show: Subject? = nil, open: Subject? = nil, focus: PaneID? = nil, message: String? = nil) {
        self.show = show; self.open = open; self.focus = focus; self.message = message
    }

    static let none = PaneOutcome()
}
