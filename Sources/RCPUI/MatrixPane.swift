import RCPCore

/// Which parties the matrix rows show.
public enum MatrixRowKind: String, CaseIterable, Sendable, Hashable {
    case states, organizations, all

    public var kinds: Set<PartyKind> {
        switch self {
        case .states: return [.state, .territory]
        case .organizations: return [.organization]
        case .all: return Set(PartyKind.allCases)
        }
    }

    public var label: String {
        switch self {
        case .states: return "states"
        case .organizations: return "organizations"
        case .all: return "all parties"
        }
    }

    var next: MatrixRowKind { MatrixRowKind.allCases[(MatrixRowKind.allCases.firstIndex(of: self)! + 1) % 3] }
}

/// The matrix as shown: columns and rows after the region limit and the filter, with what laying it out needs
/// measured once (the column labels as drawn, the widest label, the longest row name). Made once for its inputs
/// and shared between frames (`MatrixPane.view`): a frame reads only the rows and columns it draws.
public final class MatrixView: Sendable {
    public let index: MatrixIndex
    /// Set when the columns are limited to a region.
    public let regionName: String?
    /// The column labels as drawn, one per column.
    let labelTexts: [String]
    let widestLabel: Int
    /// The display width of the longest row name.
    let longestName: Int
    /// The label rows of the header for the geometries it was laid out in (-1: the labels do not fit whole);
    /// finding them tries every scroll position.
    let headerRows = RecentValues<HeaderKey, Int>(capacity: 16)
    /// The abbreviated labels (`MatrixPane.abbreviations`) for the widths they were made for.
    private let abbreviated = RecentValues<AbbreviationKey, [String]>(capacity: 16)

    init(index: MatrixIndex, regionName: String?, env: DisplayEnvironment) {
        self.index = index
        self.regionName = regionName
        labelTexts = (0..<index.columnCount).map { env.shown(index.shortName(column: $0)) }
        widestLabel = labelTexts.map { TextWidth.of($0) }.max() ?? 3
        let widths = partyNameWidths(env)
        longestName = index.rowCount == 0 ? 8 : index.rowPartyPositions.reduce(0) { max($0, widths[$1]) }
    }

    public var columns: MatrixColumns { index.columns }
    public var rowCount: Int { index.rowCount }
    public func party(_ row: Int) -> Party { index.party(row: row) }

    /// The labels of the columns in `window` abbreviated to `width` (see `MatrixPane.abbreviations`), told apart
    /// from each other: from all the columns when they are few, else from those in the window.
    func abbreviations(width: Int, window: Range<Int>) -> [String] {
        let all = labelTexts.count <= MatrixGeometry.columnsForEveryOffset
        let key = AbbreviationKey(width: width, window: all ? nil : window)
        return abbreviated.value(key) {
            MatrixPane.abbreviations(Array(labelTexts[all ? 0..<labelTexts.count : window]), width: width)
        }
    }
    /// Every row with a cell for every column: costs the whole matrix, so for checks and exports, not frames.
    public var rows: [MatrixRow] { index.dense.rows }
}

/// The display width of every party's name as drawn, by position in the catalog, per ASCII mode.
private func partyNameWidths(_ env: DisplayEnvironment) -> [Int] {
    env.catalog.derived.value(NameWidthsKey(ascii: env.ascii), keep: 2) {
        env.catalog.parties.map { TextWidth.of(env.name($0)) }
    }
}

private struct NameWidthsKey: Hashable, Sendable { var ascii: Bool }

/// The width of abbreviated labels, and the columns they are made for (nil: all).
struct AbbreviationKey: Hashable, Sendable {
    var width: Int
    var window: Range<Int>?
}

/// What a `MatrixView` is made from.
private struct MatrixViewKey: Hashable, Sendable {
    var region: String?
    var rowKind: MatrixRowKind
    var sort: MatrixSort
    var includeFootnoteGroups: Bool
    var filter: String?
    var ascii: Bool
}

/// Where things are inside the matrix pane.
///
/// The name column gets what the cells do not need (four columns each, or three when that lets every column
/// fit), up to the longest name or `maxLabelWidth`; when the columns must scroll it keeps two fifths of the pane. The cells share the rest, as
/// wide as the longest column label when there is room for that (all labels then fit on one row), else at least
/// three columns each. The header is the label rows (the short names, stacked when they do not fit on one row;
/// as many as the widest scroll position needs, so the body does not jump while scrolling) and the number row.
struct MatrixGeometry {
    /// The widest the name column gets, pointer and gap included.
    static let maxLabelWidth = 48

    var area: Rect
    var labelWidth: Int
    var countWidth: Int
    var columnWidth: Int
    /// Label rows above the number row; 0 when the pane is too short for labels.
    var labelRows: Int
    /// The labels do not fit whole in `labelRows`: one row of abbreviations instead (only in very small panes).
    var abbreviated: Bool
    var headerRows: Int
    var footerRows: Int
    var visibleColumns: Int
    var visibleRows: Int
    /// The column labels, one per column of the view.
    var labelTexts: [String]
    var bodyTop: Int { area.y + headerRows }
    var cellsX: Int { area.x + labelWidth + countWidth }
    /// The row of the column numbers, the count heading and the scroll arrows.
    var numberRowY: Int { area.y + headerRows - 1 }

    /// The view laid out (which remembers its label rows for the geometry).
    private let view: MatrixView
    /// The most label rows the pane allows.
    private let labelBudget: Int

    /// Views with more columns than this get one row of abbreviations as their header, told apart among the
    /// columns shown: whole labels would need a layout for every scroll position.
    static let columnsForEveryOffset = 60

    init(area: Rect, view: MatrixView, env: DisplayEnvironment) {
        self.area = area
        self.view = view
        let longest = view.longestName
        let wanted = min(longest + 2, Self.maxLabelWidth)
        countWidth = area.width >= 50 ? 3 : 0
        let n = max(1, view.columns.count)
        let least = max(6, min(wanted, max(12, area.width * 2 / 5)))
        // Names as wide as the cells leave at four columns each; if that is too little, as wide as lets every
        // column fit at three (or two fifths of the pane); when not every column can fit, two fifths.
        let comfortable = area.width - countWidth - n * 4, tight = area.width - countWidth - n * 3
        labelWidth = max(6, min(wanted, tight >= 12 ? max(comfortable, min(tight, least)) : least))
        let room = max(0, area.width - labelWidth - countWidth)
        labelTexts = view.labelTexts
        columnWidth = max(3, min(room / n, view.widestLabel + 1))
        visibleColumns = max(0, room / columnWidth)
        let legend = MatrixPane.legend(width: area.width, symbols: env.symbols).count
        footerRows = area.height >= 10 + legend ? 1 + legend : (area.height >= 8 ? 1 : 0)
        labelRows = 0
        abbreviated = false
        headerRows = 1
        visibleRows = 0
        // Label rows: at most a third of the pane, leaving three body rows.
        let budget = max(0, min(area.height / 3, area.height - footerRows - 1 - 3))
        labelBudget = budget
        if budget > 0 {
            let key = HeaderKey(
                width: area.width, cellsX: labelWidth + countWidth, columnWidth: columnWidth,
                visibleColumns: visibleColumns, budget: budget)
            let known = view.headerRows.remembered(key)
            var rows = known ?? 0
            if view.columns.count > Self.columnsForEveryOffset {
                // Very many columns: one row of abbreviations (whole labels would need every scroll position
                // laid out to keep the body from jumping).
                rows = -1
            } else if known == nil {
                for o in 0...max(0, view.columns.count - visibleColumns) {
                    guard let layout = header(offset: o, rows: budget) else { rows = -1; break }
                    rows = max(rows, layout.rows)
                }
                view.headerRows.remember(rows, for: key)
            }
            abbreviated = rows < 0
            labelRows = abbreviated ? 1 : rows
        }
        headerRows = labelRows + 1
        visibleRows = max(0, area.height - headerRows - footerRows)
    }

    /// The x of column `c`'s first cell when the columns start at `offset`.
    func columnX(_ c: Int, offset: Int) -> Int { cellsX + (c - offset) * columnWidth }

    /// Where the glyph of column `c` is drawn (and its number, and its tick).
    func columnCenter(_ c: Int, offset: Int) -> Int { columnX(c, offset: offset) + (columnWidth - 1) / 2 }

    /// The labels of the columns visible from `offset`, in at most `rows` rows (all of `labelRows` when nil).
    func header(offset: Int, rows: Int? = nil) -> MatrixHeaderLayout? {
        // Laid out in the fewest rows up to the budget (one layout per labels and places, which
        // `MatrixHeaderLayout.make` remembers): in at most `rows` rows it is that one, or none when it needs more.
        let rows = rows ?? labelRows
        return makeHeader(offset: offset, rows: max(rows, labelBudget)).flatMap { $0.rows <= rows ? $0 : nil }
    }

    private func makeHeader(offset: Int, rows: Int) -> MatrixHeaderLayout? {
        let visible = offset..<min(labelTexts.count, offset + visibleColumns)
        let items = visible.map { (column: $0, text: labelTexts[$0], center: columnCenter($0, offset: offset)) }
        return MatrixHeaderLayout.make(items, minX: area.x + 1, maxX: area.maxX, maxRows: rows)
    }
}

/// What the number of label rows of a view depends on (positions relative to the pane).
struct HeaderKey: Hashable, Sendable {
    var width, cellsX, columnWidth, visibleColumns, budget: Int
}

/// The membership matrix pane: parties × processes with role glyphs, a crosshair cursor, frozen headers.
public struct MatrixPane: Pane, Hashable {
    public var rowKind: MatrixRowKind = .states
    public var sort: MatrixSort = .name
    public var limitToRegion = false
    /// Whether the five groups of the paper's footnote join the 13 Annex A processes as columns.
    public var includeFootnoteGroups = false
    /// The party of the cursor row; nil when the cursor is on the header row.
    public var cursorParty: String?
    /// The process of the cursor column.
    public var cursorColumn: String?
    public var rowOffset = 0
    public var columnOffset = 0

    public init() {}

    public var id: PaneID { .matrix }
    public var tabTitle: String { "Matrix" }
    public var shortTabTitle: String { "Matrix" }
    public var scope: KeyScope { .matrix }
    public var placeName: String? { "matrix" }

    public func title(_ context: PaneContext) -> (title: String, note: String) {
        let view = view(context), dot = context.env.symbols.middleDot
        var note =
            "\(rowKind.label) \(sort == .name ? "by name" : "by count") \(dot) \(view.rowCount)×\(view.columns.count)"
        if let r = view.regionName { note = r + " \(dot) " + note }
        return (tabTitle, note)
    }

    /// Follows a process (the crosshair goes to its column) or a party (to its row, on a process it takes
    /// part in), widening the rows or the region limit when they hide it.
    public mutating func receive(_ message: PaneMessage, _ context: PaneContext) {
        guard case .follow(let subject) = message else { return }
        let catalog = context.env.catalog
        switch subject {
        case .process(let id):
            if catalog.process(id: id)?.inMatrix == true { cursorColumn = id; cursorParty = nil }
        case .party(let id):
            guard let party = catalog.party(id: id) else { return }
            if !rowKind.kinds.contains(party.kind) { rowKind = party.kind == .organization ? .organizations : .states }
            if view(context).index.row(ofParty: id) != nil {
                cursorParty = id
            } else if limitToRegion {
                limitToRegion = false
                if view(context).index.row(ofParty: id) != nil { cursorParty = id }
            }
            // Put the crosshair on a process the party takes part in, not on an empty cell.
            let columns = catalog.participations(of: id).map(\.process).filter(\.inMatrix).map(\.id)
            if cursorParty == id, let first = columns.first, !(cursorColumn.map(columns.contains) ?? false) {
                cursorColumn = first
            }
        default: break
        }
    }

    public func shows(_ subject: Subject, _ context: PaneContext) -> Bool {
        switch subject {
        case .party(let id): return cursorParty == id
        case .process(let id): return cursorColumn == id && cursorParty == nil
        default: return false
        }
    }

    public func cursorSubject(_ context: PaneContext) -> Subject? { subject(view(context)) }

    /// The party of the cursor row, or the process of the cursor column on the header row.
    public func copyText(_ context: PaneContext) -> String {
        let catalog = context.env.catalog
        if let p = cursorParty, let party = catalog.party(id: p), rowIndex(view(context)) != nil { return party.name }
        return cursorColumn.flatMap { catalog.process(id: $0)?.name } ?? ""
    }

    /// The matrix after the region limit and the filter. The filter keeps the columns of the processes it
    /// matches (by name, topic, priority or status; all columns when none matches) and the rows of every party
    /// taking part in those processes or matching by name itself. Made once for its inputs, then shared.
    public func view(_ env: DisplayEnvironment, region: String?) -> MatrixView {
        let c = env.catalog
        var limit: String? = limitToRegion ? region : nil
        if let r = limit, !c.processes(inRegion: r).contains(where: \.inMatrix) { limit = nil }
        let key = MatrixViewKey(
            region: limit, rowKind: rowKind, sort: sort, includeFootnoteGroups: includeFootnoteGroups,
            filter: env.filter, ascii: env.ascii)
        return c.derived.value(key) {
            var index = c.matrixIndex(
                region: limit, kinds: rowKind.kinds, sort: sort, includeOutsideMatrix: includeFootnoteGroups)
            if let match = env.filterMatch {
                let columnMatches = (0..<index.columnCount).filter {
                    match.processes.contains(index.processID(column: $0))
                }
                if columnMatches.isEmpty {
                    // No process matches: every column, and the parties matching by name (nothing when none does).
                    index = index.narrowed(keepingRow: { match.parties.contains($0.id) }, orTakingPart: false)
                    if index.rowCount == 0 { index = index.narrowed(columns: [], keepingRow: { _ in false }) }
                } else {
                    index = index.narrowed(columns: columnMatches, keepingRow: { match.parties.contains($0.id) })
                }
            }
            return MatrixView(index: index, regionName: limit.map { c.region(id: $0)?.name ?? $0 }, env: env)
        }
    }

    func rowIndex(_ view: MatrixView) -> Int? { cursorParty.flatMap(view.index.row(ofParty:)) }

    func columnIndex(_ view: MatrixView) -> Int? { cursorColumn.flatMap(view.index.column(ofProcess:)) }

    /// What the card shows for the cursor: the row's party, or the column's process on the header row.
    public func subject(_ view: MatrixView) -> Subject? {
        if let p = cursorParty, rowIndex(view) != nil { return .party(p) }
        if let c = cursorColumn, columnIndex(view) != nil { return .process(c) }
        return nil
    }

    func view(_ context: PaneContext) -> MatrixView { view(context.env, region: context.region) }

    public mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome {
        switch action {
        case .toggleOrganizations:
            rowKind = rowKind.next
            return PaneOutcome(message: "Matrix rows: \(rowKind.label).")
        case .toggleSort:
            sort = sort == .name ? .count : .name
            return PaneOutcome(message: sort == .name ? "Rows sorted by name." : "Rows sorted by number of processes.")
        case .toggleFootnoteGroups:
            includeFootnoteGroups.toggle()
            let annex = context.env.catalog.processes.filter(\.inMatrix).count
            return PaneOutcome(
                message: includeFootnoteGroups
                    ? "Columns: the \(annex) Annex A processes and the footnote groups; n counts both."
                    : "Columns: the \(annex) Annex A processes; n counts them only.")
        case .toggleRegionLimit:
            limitToRegion.toggle()
            let name = view(context).regionName
            if !limitToRegion { return PaneOutcome(message: "Columns: all regions.") }
            return PaneOutcome(
                message: name.map { "Columns: \($0) (follows the region selected in the tree)." }
                    ?? "Columns: all — select a region with processes in the tree to limit them.")
        default:
            break
        }
        let view = view(context)
        let g = MatrixGeometry(area: context.area, view: view, env: context.env)
        guard !view.columns.isEmpty else { return .none }
        var r = rowIndex(view) ?? -1
        var col = columnIndex(view) ?? 0
        let last = view.rowCount - 1
        let page = max(1, g.visibleRows - 1)
        switch action {
        case .up: r = max(-1, r - 1)
        case .down: r = min(last, r + 1)
        case .pageUp: r = max(-1, r - page)
        case .pageDown: r = min(last, r + page)
        case .top: r = view.rowCount == 0 ? -1 : 0
        case .bottom: r = last
        case .left: col = max(0, col - 1)
        case .right: col = min(view.columns.count - 1, col + 1)
        case .scrollUp, .scrollDown:
            // The header row (r = -1) always shows: a cursor there stays.
            let s = Scroll.scrolled(
                rowOffset, by: Scroll.lines(action)!, selected: r >= 0 ? r : nil, count: view.rowCount,
                visible: g.visibleRows)
            rowOffset = s.offset
            if (s.selected ?? -1) == r { return .none }
            r = s.selected ?? -1
        case .activate:
            return PaneOutcome(open: subject(view), focus: .card)
        default: return .none
        }
        cursorParty = r >= 0 ? view.party(r).id : nil
        cursorColumn = view.columns[col].id
        settle(view, g)
        return PaneOutcome(show: subject(view))
    }

    /// Puts the cursor on an existing row (or the header) and column, and both offsets in bounds with the
    /// cursor visible.
    public mutating func settle(_ context: PaneContext) {
        let view = view(context)
        settle(view, MatrixGeometry(area: context.area, view: view, env: context.env))
    }

    mutating func settle(_ view: MatrixView, _ g: MatrixGeometry) {
        if view.columns.isEmpty {
            cursorColumn = nil; columnOffset = 0
        } else if columnIndex(view) == nil {
            cursorColumn = view.columns[0].id
        }
        if cursorParty != nil && rowIndex(view) == nil { cursorParty = (view.rowCount > 0 ? view.party(0).id : nil) }
        rowOffset = Scroll.offset(rowOffset, selected: rowIndex(view), count: view.rowCount, visible: g.visibleRows)
        columnOffset = Scroll.offset(
            columnOffset, selected: columnIndex(view), count: view.columns.count,
            visible: g.visibleColumns)
    }

    public func invariants(_ context: PaneContext) -> [String] {
        let view = view(context)
        let g = MatrixGeometry(area: context.area, view: view, env: context.env)
        var out: [String] = []
        if let c = cursorColumn, columnIndex(view) == nil { out.append("matrix: column \(c) not shown") }
        if cursorColumn == nil && !view.columns.isEmpty { out.append("matrix: no cursor column") }
        if let p = cursorParty, rowIndex(view) == nil { out.append("matrix: row \(p) not shown") }
        if rowOffset < 0 || (rowOffset > 0 && rowOffset > view.rowCount - 1) {
            out.append("matrix: row offset \(rowOffset)")
        }
        if columnOffset < 0 || (columnOffset > 0 && columnOffset > view.columns.count - 1) {
            out.append("matrix: column offset \(columnOffset)")
        }
        if let r = rowIndex(view), g.visibleRows > 0, r < rowOffset || r >= rowOffset + g.visibleRows {
            out.append("matrix: cursor row \(r) off screen")
        }
        if let c = columnIndex(view), g.visibleColumns > 0, c < columnOffset || c >= columnOffset + g.visibleColumns {
            out.append("matrix: cursor column \(c) off screen")
        }
        return out
    }

    /// Moves the cursor to the row/column under a click.
    public mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        let view = view(context)
        let g = MatrixGeometry(area: context.area, view: view, env: context.env)
        settle(view, g)
        if !g.abbreviated, y >= g.area.y, y < g.numberRowY, let header = g.header(offset: columnOffset),
            let c = header.column(atX: x, row: y - g.area.y - (g.labelRows - header.rows))
        {
            // A label (or its tick) in the stacked header: its own column, wherever it runs.
            cursorColumn = view.columns[c].id
        } else if x >= g.cellsX {
            let c = columnOffset + (x - g.cellsX) / g.columnWidth
            if c < view.columns.count && c < columnOffset + g.visibleColumns { cursorColumn = view.columns[c].id }
        }
        if y < g.bodyTop {
            cursorParty = nil
        } else {
            let r = rowOffset + (y - g.bodyTop)
            if r < view.rowCount && y < g.bodyTop + g.visibleRows { cursorParty = view.party(r).id }
        }
        settle(view, g)
        return PaneOutcome(show: subject(view))
    }
}
