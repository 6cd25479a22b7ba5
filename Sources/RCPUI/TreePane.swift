import RCPCore

/// A node of the region tree.
public enum TreeNode: Sendable, Hashable {
    case region(String)
    case process(String)
    case mechanism(String)
    case event(String)
    /// The "Guide" branch at the top: the paper's analysis (what an RCP is, why states take part, …).
    case guideRoot
    case guideTopic(String)

    /// What the card shows when the node is selected.
    public var subject: Subject {
        switch self {
        case .guideRoot: return .overview
        case .guideTopic(let id): return .guide(id)
        case .region(let id): return .region(id)
        case .process(let id): return .process(id)
        case .mechanism(let id): return .mechanism(id)
        case .event(let id): return .event(id)
        }
    }
}

/// One visible row of the tree.
public struct TreeRow: Sendable, Hashable {
    public var node: TreeNode
    public var depth: Int
    public var parent: TreeNode?
    public var childCount: Int
    public var expanded: Bool
    public var expandable: Bool { childCount > 0 }
}

/// The region tree pane.
public struct TreePane: Pane, ListPane, Hashable {
    public var list: ListState<TreeNode>
    public var expanded: Set<TreeNode> {
        get { list.expanded }
        set { list.expanded = newValue }
    }

    public var id: PaneID { .tree }
    public var tabTitle: String { "Regions" }
    public var shortTabTitle: String { "Tree" }
    public var scope: KeyScope { .tree }
    public var placeName: String? { "tree" }

    public init(catalog: Catalog) {
        // Regions open, mechanisms and the guide closed: everything of the matrix is one glance away, and the
        // guide one key away at the top.
        let top = TreeModel.branches(catalog).map(\.node)
        list = ListState(
            selected: top.first { $0 != .guideRoot } ?? top.first,
            expanded: Set(top.filter { $0 != .guideRoot }))
    }

    public func rows(_ env: DisplayEnvironment) -> [TreeRow] { TreeModel.rows(env, expanded: expanded) }

    func index(in rows: [TreeRow]) -> Int? { selected.flatMap { s in rows.firstIndex { $0.node == s } } }

    /// The narrowest column the tree flows into: the longest region name fits whole; in presentation mode
    /// narrower, so that the landscape fits one screen at 100×30 (names then take their short forms).
    static func columnWidth(_ env: DisplayEnvironment) -> Int { env.presentation ? 30 : 38 }

    /// The columns the rows flow into (one, unless the pane is wide and the rows do not fit its height).
    func columns(_ count: Int, _ context: PaneContext) -> ListColumns {
        ListColumns.fit(
            items: count, area: Self.listArea(context), rowHeight: context.env.rowHeight,
            minWidth: Self.columnWidth(context.env))
    }

    /// The rows' part of the area: all of it, less two rows for the legend in presentation mode.
    static func listArea(_ context: PaneContext) -> Rect {
        let a = context.area
        guard context.env.presentation, a.height >= 12 else { return a }
        return Rect(x: a.x, y: a.y, width: a.width, height: a.height - 2)
    }

    /// What the tree's marks mean, for a room (presentation mode).
    static func legend(_ env: DisplayEnvironment, width: Int) -> Line {
        let s = env.symbols
        let rows = env.catalog.processes.filter(\.inMatrix).count
        let parts: [Line] = [
            [Span("1–\(rows)", Style(.heading, bold: true)), Span(" Annex A row")],
            [Span(s.footnote, Style(.heading, bold: true)), Span(" footnote group (outside the matrix)")],
            [Span("\(s.collapsed) \(s.expanded)", Style(.heading, bold: true)), Span(" closed, open")],
        ]
        return Widgets.fittingParts(parts, width: width)
    }

    public func title(_ context: PaneContext) -> (title: String, note: String) {
        (tabTitle, context.env.filter == nil ? "" : "filtered")
    }

    /// The region of the selection (for the matrix's region limit).
    public func selectedRegion(_ catalog: Catalog) -> String? {
        switch selected {
        case .region(let id): return id
        case .process(let id): return catalog.process(id: id)?.region
        case .mechanism, .event: return TreeModel.globalID
        case .guideRoot, .guideTopic, nil: return nil
        }
    }

    public mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome {
        let env = context.env
        let rows = rows(env)
        guard !rows.isEmpty else { return .none }
        let i = index(in: rows) ?? 0
        let row = rows[i]
        let nodes = rows.map(\.node), capacity = columns(rows.count, context).capacity
        if let node = list.moved(action, in: nodes, visible: capacity) { return select(node) }
        if let node = list.scrolled(action, in: nodes, visible: capacity) {
            return node == row.node ? .none : select(node)
        }
        switch action {
        case .left:
            if row.expanded && env.filter == nil {
                expanded.remove(row.node)
                return select(row.node)
            }
            if let p = row.parent { return select(p) }
        case .right:
            if row.expandable && !row.expanded && env.filter == nil {
                expanded.insert(row.node)
                return select(row.node)
            }
            if row.expanded, i + 1 < rows.count { return select(rows[i + 1].node) }
        case .activate:
            if row.expandable && env.filter == nil {
                list.toggle(row.node)
                return select(row.node)
            }
            var out = select(row.node)
            out.focus = .card
            return out
        default:
            break
        }
        return .none
    }

    mutating func select(_ node: TreeNode) -> PaneOutcome {
        selected = node
        return PaneOutcome(show: node.subject)
    }

    /// Selects `node` if the tree has it, opening its ancestors. Returns whether it did.
    @discardableResult
    public mutating func reveal(_ node: TreeNode, _ env: DisplayEnvironment) -> Bool {
        for b in TreeModel.branches(env.catalog) {
            if b.node == node { selected = node; return true }
            for c in b.children {
                if c.node == node { expanded.insert(b.node); selected = node; return true }
                if c.children.contains(where: { $0.node == node }) {
                    expanded.insert(b.node); expanded.insert(c.node); selected = node; return true
                }
            }
        }
        return false
    }

    /// Puts the selection on a visible row and the offset in bounds. With no rows (a filter that matches
    /// nothing) the selection is kept for when the filter goes.
    public mutating func settle(_ context: PaneContext) {
        let env = context.env
        let nodes = rows(env).map(\.node)
        if nodes.isEmpty { offset = 0; return }
        // A hidden selection (collapsed or filtered out) goes to its nearest visible ancestor, else the top.
        list.settle(nodes, visible: columns(nodes.count, context).capacity) { lost in
            lost.flatMap { s in
                TreeModel.branches(env.catalog).first {
                    $0.children.contains { $0.node == s || $0.children.contains { $0.node == s } }
                }
            }
            .map(\.node)
        }
    }

    public func invariants(_ context: PaneContext) -> [String] {
        let nodes = rows(context.env).map(\.node)
        if nodes.isEmpty { return offset == 0 ? [] : ["tree: offset \(offset) with no rows"] }
        return list.invariants(nodes, visible: columns(nodes.count, context).capacity, name: "tree")
    }

    public mutating func receive(_ message: PaneMessage, _ context: PaneContext) {
        guard case .follow(let subject) = message else { return }
        switch subject {
        case .region(let id): reveal(.region(id), context.env)
        case .process(let id): reveal(.process(id), context.env)
        case .mechanism(let id): reveal(.mechanism(id), context.env)
        case .event(let id): reveal(.event(id), context.env)
        case .guide(let id): reveal(.guideTopic(id), context.env)
        default: break
        }
    }

    public func shows(_ subject: Subject, _ context: PaneContext) -> Bool {
        switch subject {
        case .region(let id): return selected == .region(id)
        case .process(let id): return selected == .process(id)
        case .mechanism(let id): return selected == .mechanism(id)
        case .event(let id): return selected == .event(id)
        case .guide(let id): return selected == .guideTopic(id)
        default: return false
        }
    }

    public func cursorSubject(_ context: PaneContext) -> Subject? { selected?.subject }

    public func copyText(_ context: PaneContext) -> String {
        selected.map { TreeModel.names($0, context.env.catalog).first ?? "" } ?? ""
    }

    // MARK: Drawing

    /// The text of a row, fitted to `width` columns.
    static func line(_ row: TreeRow, width: Int, env: DisplayEnvironment) -> Line {
        let s = env.symbols
        let c = env.catalog
        var lead = String(repeating: "  ", count: row.depth)
        lead += row.expandable ? (row.expanded ? s.expanded : s.collapsed) + " " : "  "
        var label = ""
        var right = ""
        var labelStyle = Style.normal
        var numberColumn: String? = nil
        /// A shorter label for when `label` does not fit (a region's short name): names are never cut mid-word
        /// when a short form exists.
        var shortLabel: String? = nil
        switch row.node {
        case .region(let id):
            label = c.region(id: id)?.name ?? (id == TreeModel.globalID ? TreeModel.globalName : id)
            shortLabel = c.region(id: id)?.shortName
            labelStyle = .heading
        case .process(let id):
            guard let p = c.process(id: id) else { break }
            let numberWidth = max(2, TextWidth.of(s.footnote))
            numberColumn = TextWidth.padLeft(p.number.map(String.init) ?? s.footnote, width: numberWidth)
            let members = p.memberCount
            right = members > 0 ? String(members) : ""
            if env.presentation {
                // A room reads full names, the count beside them ("Bali Process · 40 members").
                let words = members > 0 ? "  " + DisplayText.count(members, "member") : ""
                let figure = members > 0 ? "  \(members)" : ""
                let room = width - TextWidth.of(lead) - numberWidth - 1 - TextWidth.of(env.markPrefix(p.id))
                // The full name where it fits, else the short name the tree and the matrix use (never an alias a
                // room would not connect with them); the count in words where there is room, else the figure.
                let choices = [(p.name, words), (p.shortName, words), (p.shortName, figure)]
                let (name, count) =
                    choices.first { TextWidth.of($0.0) + TextWidth.of($0.1) <= room } ?? (p.shortName, figure)
                label = env.markPrefix(p.id) + name + count
                right = ""
            } else {
                label = env.markPrefix(p.id) + p.shortName
            }
        case .mechanism(let id):
            label = c.mechanism(id: id)?.shortName ?? id
            right = row.childCount > 0 ? String(row.childCount) : ""
            if env.presentation, let m = c.mechanism(id: id) {
                let count = row.childCount > 0 ? "  " + DisplayText.count(row.childCount, "event") : ""
                label = (m.name.count + TextWidth.of(lead) + count.count < width ? m.name : m.shortName) + count
                right = ""
            }
        case .event(let id):
            if let (_, e) = c.event(id: id) { label = "\(e.year) \(e.title)" } else { label = id }
            labelStyle = Style(.normal)
        case .guideRoot:
            label = TreeModel.guideName
            shortLabel = "Guide to the paper"
            labelStyle = .heading
            right = String(row.childCount)
            if env.presentation { label += "  " + DisplayText.count(row.childCount, "topic"); right = "" }
        case .guideTopic(let id):
            if let t = c.guideTopic(id: id) {
                numberColumn = TextWidth.padLeft(String(t.number), width: 2)
                label = t.title
            } else {
                label = id
            }
        }
        var line: Line = [Span(lead, Style(.dim))]
        if let n = numberColumn { line.append(Span(n + " ", Style(.dim, bold: true))) }
        let used = TextWidth.of(lead) + (numberColumn.map { TextWidth.of($0) + 1 } ?? 0)
        let rightWidth = right.isEmpty ? 0 : TextWidth.of(right) + 1
        let room = max(0, width - used - rightWidth)
        if let short = shortLabel, TextWidth.of(env.shown(label)) > room { label = short }
        let name = TextWidth.truncate(env.shown(label), width: room, ellipsis: s.ellipsis)
        line.append(Span(name, labelStyle))
        line = env.highlighted(line)
        if rightWidth > 0 && width - used - TextWidth.of(name) >= rightWidth {
            line.append(Span(String(repeating: " ", count: width - used - TextWidth.of(name) - rightWidth + 1)))
            line.append(Span(right, Style(.dim)))
        }
        return line
    }

    /// What the lines of a column of the tree depend on (the selection is drawn over them).
    private struct LinesKey: Hashable, Sendable {
        var rows: [TreeRow]
        var width: Int
        var ascii: Bool
        var presentation: Bool
        var highlight: String?
        var marked: Set<String>
    }

    /// The lines of `rows`, made once per rows, width and what the environment changes in them: a move of the
    /// selection within the page draws the same lines again.
    static func lines(_ rows: [TreeRow], width: Int, env: DisplayEnvironment) -> [Line] {
        let key = LinesKey(
            rows: rows, width: width, ascii: env.ascii, presentation: env.presentation, highlight: env.highlight,
            marked: env.marked)
        return env.catalog.derived.value(key, keep: 4) { rows.map { line($0, width: width, env: env) } }
    }

    /// Draws the rows; returns the hardware cursor position on the selection.
    public func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing {
        let env = context.env, area = Self.listArea(context)
        if area != context.area {
            grid.write(
                Self.legend(env, width: area.width - 1), x: area.x + 1, y: context.area.maxY - 1, clip: context.area)
        }
        let rows = rows(env)
        if rows.isEmpty {
            Widgets.centeredMessage(
                &grid, area,
                env.filter.map { "Nothing in the tree matches “\(env.shown($0))”." } ?? "No regions in the data.",
                style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return PaneDrawing()
        }
        let flow = columns(rows.count, context)
        let sel = index(in: rows)
        let off = list.shownOffset(in: rows.map(\.node), visible: flow.capacity)
        var cursor: (x: Int, y: Int)?
        // Only the rows that fit are laid out (the tree of a large data set has thousands); a wide pane shows
        // them in columns side by side.
        for c in 0..<flow.count {
            let first = off + c * flow.perColumn
            guard first < rows.count else { break }
            let column = flow.rect(c, in: area)
            // A gap between columns: the next column's pointer column.
            let shown = first..<min(rows.count, first + flow.perColumn)
            let lines = Self.lines(Array(rows[shown]), width: column.width - (c < flow.count - 1 ? 2 : 1), env: env)
            let selected = sel.flatMap { shown.contains($0) ? $0 - first : nil }
            if let y = Widgets.list(
                &grid, column, rows: lines, selected: selected, offset: 0, focused: focused,
                symbols: env.symbols, rowHeight: env.rowHeight), let i = sel
            {
                cursor = (column.x + min(column.width - 1, 1 + rows[i].depth * 2), y)
            }
        }
        let scroll = ScrollPosition(total: rows.count, offset: off, visible: flow.capacity)
        return PaneDrawing(cursor: cursor, scroll: scroll)
    }

    public mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        let env = context.env
        let rows = rows(env)
        let nodes = rows.map(\.node), flow = columns(rows.count, context)
        let offset = list.shownOffset(in: nodes, visible: flow.capacity)
        guard let i = flow.index(atX: x, y: y, area: Self.listArea(context), offset: offset, items: rows.count) else {
            return .none
        }
        if rows[i].node == selected, rows[i].expandable, env.filter == nil { list.toggle(rows[i].node) }
        return select(rows[i].node)
    }
}
