import RCPCore

/// The whole UI state: a value. `App.update` changes it, `App.render` draws it.
public struct AppState: Sendable {
    public let catalog: Catalog
    public var options: UIOptions
    /// The terminal size, from `.resize` events.
    public var width: Int = 80
    public var height: Int = 24
    /// The views: every pane, in tab order, reached by id.
    public var panes: PaneSet
    /// Where the views go at each size.
    public let layouts: LayoutTable
    /// The keys: the reducer, the help and the bottom line read this table.
    public let keys: KeyTable
    public var focus: PaneID = .tree
    /// The pane beside the compact layout's left one (the last other pane focused).
    public var compactRight: PaneID = .card
    /// The pane shown in each place of the wide layout (the last of its panes focused).
    public var placed: [LayoutPlace: PaneID] = [:]
    public var zoomed = false
    public var presentation = false
    /// Presentation mode's prepared sequence and where it is.
    public var slideShow: SlideShow?
    public var mouseCapture: Bool
    /// The active checklist, as the backend last loaded or saved it; nil when none is active.
    public var checklist: Checklist?
    /// The names of the stored checklists (for switching).
    public var checklistNames: [String] = []
    /// The subject of each stored checklist that has one: name → the id of a party or process.
    public var checklistSubjects: [String: String] = [:]
    /// Checklists shown side by side in the checklist pane (2–8); empty when not comparing.
    public var comparedChecklists: [Checklist] = []
    /// Changes made to `checklist` that are not saved yet, oldest first. They go with every save until one
    /// succeeds, so a failed save loses nothing.
    public var pendingChanges: [ChecklistChange] = []
    public var search: SearchState?
    public var filter: FilterState?
    /// Processes or parties marked for comparison (`x`), in marking order; `C` compares them.
    public var marks: [ComparisonSubject] = []
    /// Type to jump (after `'` in the tree or the matrix); nil when not jumping.
    public var jumpState: JumpState?
    public var overlay: Overlay?
    public var message: StatusMessage?
    let searchCache: SearchCache
    let filterCache = FilterCache()

    /// The explorer over `catalog` with the standard views and keys, or with a view added (`layouts`, `keys`),
    /// laid out for a screen of `width`×`height` (the explorer passes the terminal's, so that the first frame
    /// does not lay out the panes twice).
    public init(
        catalog: Catalog, options: UIOptions, layouts: LayoutTable = .standard,
        keys: KeyTable = KeyBindings.standard, width: Int = 80, height: Int = 24
    ) {
        (self.width, self.height) = (width, height)
        self.catalog = catalog
        self.options = options
        self.mouseCapture = options.mouse
        self.layouts = layouts
        self.keys = keys
        self.panes = PaneSet(layouts.views.map { $0.make(catalog) })
        self.searchCache = SearchCache(catalog: catalog)
        let first = catalog.matrixIndex(includeOutsideMatrix: false)
        matrix.cursorParty = first.rowCount > 0 ? first.party(row: 0).id : nil
        settle()
    }

    /// The explorer over the bundled data set (prefer `init(catalog:options:)`).
    public init(options: UIOptions) {
        self.init(catalog: .bundled, options: options)
    }

    // MARK: The built-in panes by type (the app reads the card's subject and the tree's region; tests look in)

    public var tree: TreePane {
        get { panes.get(.tree) }
        _modify { var p: TreePane = panes.take(.tree); defer { panes.put(p) }; yield &p }
    }
    public var card: CardPane {
        get { panes.get(.card) }
        _modify { var p: CardPane = panes.take(.card); defer { panes.put(p) }; yield &p }
    }
    public var matrix: MatrixPane {
        get { panes.get(.matrix) }
        _modify { var p: MatrixPane = panes.take(.matrix); defer { panes.put(p) }; yield &p }
    }
    public var checklistPane: ChecklistPane {
        get { panes.get(.checklist) }
        _modify { var p: ChecklistPane = panes.take(.checklist); defer { panes.put(p) }; yield &p }
    }
    public var map: MapPane {
        get { panes.get(.map) }
        _modify { var p: MapPane = panes.take(.map); defer { panes.put(p) }; yield &p }
    }
    public var timeline: TimelinePane {
        get { panes.get(.timeline) }
        _modify { var p: TimelinePane = panes.take(.timeline); defer { panes.put(p) }; yield &p }
    }

    // MARK: Derived

    /// The theme in force: presentation mode switches to high contrast (unless colour is off altogether).
    public var effectiveTheme: ThemeName {
        presentation && options.theme != .monochrome ? .highContrast : options.theme
    }

    /// The search query whose matches are highlighted, if any.
    public var highlightQuery: String? {
        guard let q = search?.query, !q.isEmpty else { return nil }
        return q
    }

    /// The filter in force, if any.
    public var filterText: String? {
        guard let f = filter?.text, !f.isEmpty else { return nil }
        return f
    }

    var env: DisplayEnvironment {
        DisplayEnvironment(
            catalog: catalog, ascii: options.ascii, highlight: highlightQuery,
            filter: filterText.map { filterCache.match($0, catalog: catalog) }, presentation: presentation,
            marked: Set(marks.map(\.id)))
    }

    public var layout: Layout {
        Layout.compute(
            width: width, height: height, table: layouts,
            Layout.Choice(
                focus: focus, compactRight: compactRight, placed: placed, zoomed: zoomed,
                presentation: presentation))
    }

    /// What a pane works with: its content area (where it is, or would be were it shown), the data, the
    /// checklist, the tree's region and the card's subject.
    func context(_ pane: PaneID, _ layout: Layout? = nil, env: DisplayEnvironment? = nil) -> PaneContext {
        let layout = layout ?? self.layout
        return PaneContext(
            env: env ?? self.env, area: layout.contentArea(for: pane, table: layouts), checklist: checklist,
            region: tree.selectedRegion(catalog), selection: card.subject,
            unsavedChanges: pendingChanges.count, checklistNames: checklistNames,
            comparedChecklists: comparedChecklists, checklistSubjects: checklistSubjects)
    }

    /// Brings every selection and scroll offset into bounds for the current size and content.
    mutating func settle() {
        width = max(0, width)
        height = max(0, height)
        let env = self.env, layout = self.layout
        if !card.subject.exists(in: catalog) { card.show(.overview) }
        for id in panes.ids { panes[id].settle(context(id, layout, env: env)) }
        if var s = search {
            s.hitList.settle(Array(s.hits.indices), visible: s.hits.count)
            if s.hits.isEmpty { s.selected = 0 }
            search = s
        }
        if case .help(var h) = overlay {
            let body = HelpView.body(layout.screen)
            let count = HelpView.shownLines(h.editor.text, keys: keys, ascii: options.ascii, width: body.width).count
            h.offset = min(max(0, h.offset), max(0, count - body.height))
            overlay = .help(h)
        }
        if case .picker(var p) = overlay {
            p.list.settle(p.names, visible: p.names.count)
            overlay = .picker(p)
        }
    }

    /// Every broken rule of the state (empty when all is well): selections on existing rows and visible,
    /// offsets in bounds, the focused pane shown. For property tests.
    public func checkInvariants() -> [String] {
        var out: [String] = []
        let env = self.env, layout = self.layout
        if width < 0 || height < 0 { out.append("negative size \(width)x\(height)") }
        for pane in panes.all { out += pane.invariants(context(pane.id, layout, env: env)) }
        if layout.kind != .tooSmall && layout.frame(of: focus) == nil { out.append("focused pane \(focus) not shown") }
        if compactRight == layouts.compactLeft { out.append("the compact layout's right pane is its left one") }
        if let s = search, !s.hits.isEmpty, s.selected < 0 || s.selected >= s.hits.count {
            out.append("search: hit \(s.selected) of \(s.hits.count)")
        }
        if case .help(let h) = overlay, h.offset < 0 { out.append("help: offset \(h.offset)") }
        if case .picker(let p) = overlay, !p.names.isEmpty, p.list.index(in: p.names) == nil {
            out.append("picker: \(String(describing: p.list.selected)) not one of \(p.names.count)")
        }
        return out
    }

    /// The panes and the focus, saved by a search or a jump so that Esc can put them back.
    struct ViewSnapshot: Sendable {
        var focus: PaneID
        var compactRight: PaneID
        var placed: [LayoutPlace: PaneID]
        var panes: PaneSet
    }

    func snapshot() -> ViewSnapshot {
        ViewSnapshot(focus: focus, compactRight: compactRight, placed: placed, panes: panes)
    }

    mutating func restore(_ s: ViewSnapshot) {
        focus = s.focus
        compactRight = s.compactRight
        placed = s.placed
        panes = s.panes
    }

    mutating func setFocus(_ pane: PaneID) {
        guard panes.contains(pane) else { return }
        focus = pane
        if pane != layouts.compactLeft { compactRight = pane }
        // Remember the pane for its place both with and without a corner (the width can change).
        for corner in [true, false] {
            if let place = layouts.place(of: pane, withCorner: corner) { placed[place] = pane }
        }
    }

    /// Puts a message on the status line (control characters in quoted names or paths made visible).
    mutating func say(_ text: String, error: Bool = false) {
        message = StatusMessage(text: DisplayText.safe(text), isError: error)
    }
}
