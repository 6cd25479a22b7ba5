import RCPCore

/// Where the parts of the comparison go inside the checklist pane.
struct ChecklistCompareGeometry {
    /// Two header rows (names, overall progress), the rows, two rows for the note under the cursor.
    var header: Rect
    var rows: Rect
    var footer: Rect
    var labelWidth: Int
    var columnWidth: Int
    /// How many checklists show side by side (the others scroll in with ←→).
    var visibleColumns: Int

    init(_ comparison: ChecklistComparison, area: Rect) {
        let n = max(1, comparison.names.count)
        let longest = comparison.names.map { TextWidth.of($0) }.max() ?? 6
        columnWidth = min(16, max(6, longest + 2))
        visibleColumns = max(1, min(n, (area.width - 22) / columnWidth))
        labelWidth = max(1, area.width - visibleColumns * columnWidth)
        let footerRows = area.height >= 10 ? 2 : 0
        header = Rect(x: area.x, y: area.y, width: area.width, height: min(2, area.height))
        rows = Rect(x: area.x, y: area.y + 2, width: area.width, height: max(0, area.height - 2 - footerRows))
        footer = Rect(x: area.x, y: rows.maxY, width: area.width, height: footerRows)
    }
}

// Comparison mode: 2–8 checklists side by side (one per delegation, or one delegation a year apart). The
// practices are the rows, the checklists the columns; rows where the statuses differ are marked; the note of
// the cell under the cursor shows below. ↑↓ move between practices, ←→ between checklists.
extension ChecklistPane {
    /// The comparison in force, if the app is comparing checklists.
    static func comparison(_ context: PaneContext) -> ChecklistComparison? {
        guard context.comparedChecklists.count >= 2 else { return nil }
        return ChecklistComparison(context.comparedChecklists, practices: context.env.catalog.practices)
    }

    func compareVisibleRows(_ g: ChecklistCompareGeometry, _ env: DisplayEnvironment) -> Int {
        Scroll.visibleItems(height: g.rows.height, rowHeight: env.rowHeight)
    }

    mutating func handleCompare(_ action: Action, _ context: PaneContext, _ c: ChecklistComparison) -> PaneOutcome {
        let g = ChecklistCompareGeometry(c, area: context.area)
        let ids = c.rows.map(\.itemID)
        let before = compareList.selected
        let visible = compareVisibleRows(g, context.env)
        if let id = compareList.moved(action, in: ids, visible: visible)
            ?? compareList.scrolled(action, in: ids, visible: visible)
        {
            if Scroll.lines(action) != nil && id == before { return .none }
            compareList.selected = id
            return PaneOutcome(
                show: c.rows.first { $0.itemID == id }.map { $0.isHeading ? .practice(id) : .practiceItem(id) })
        }
        switch action {
        case .left: compareColumn = max(0, compareColumn - 1)
        case .right: compareColumn = min(c.names.count - 1, compareColumn + 1)
        default:
            let cancel = KeyBindings.firstKey(.cancel)
            return PaneOutcome(
                message: "Comparing \(c.names.count) checklists: \(cancel) returns to the checklist to change it.")
        }
        return PaneOutcome(
            message: Self.cellText(c, row: c.rows.first { $0.itemID == compareList.selected }, column: compareColumn))
    }

    mutating func settleCompare(_ context: PaneContext, _ c: ChecklistComparison) {
        let g = ChecklistCompareGeometry(c, area: context.area)
        compareList.settle(c.rows.map(\.itemID), visible: compareVisibleRows(g, context.env))
        compareColumn = min(max(0, compareColumn), c.names.count - 1)
        compareColumnOffset = Scroll.offset(
            compareColumnOffset, selected: compareColumn, count: c.names.count,
            visible: g.visibleColumns)
    }

    func compareInvariants(_ context: PaneContext, _ c: ChecklistComparison) -> [String] {
        let g = ChecklistCompareGeometry(c, area: context.area)
        var out = compareList.invariants(
            c.rows.map(\.itemID), visible: compareVisibleRows(g, context.env), name: "compare")
        if compareColumn < compareColumnOffset || compareColumn >= compareColumnOffset + g.visibleColumns {
            out.append(
                "compare: column \(compareColumn) outside \(compareColumnOffset)..<\(compareColumnOffset + g.visibleColumns)"
            )
        }
        return out
    }

    /// "Ghana 2026 — 6.1 Trafficking…: in progress — note".
    static func cellText(_ c: ChecklistComparison, row: ChecklistComparison.Row?, column: Int) -> String {
        guard let row, c.names.indices.contains(column) else { return "" }
        var text = "\(c.names[column]) — \(row.number) \(row.title): \(row.statuses[column].label)"
        if let note = row.notes[column], !note.isEmpty { text += " — " + note }
        return text
    }

    func renderCompare(into grid: inout Grid, context: PaneContext, focused: Bool, _ c: ChecklistComparison)
        -> PaneDrawing
    {
        let env = context.env, s = env.symbols
        let g = ChecklistCompareGeometry(c, area: context.area)
        let columns = Array(compareColumnOffset..<min(c.names.count, compareColumnOffset + g.visibleColumns))
        func columnX(_ i: Int) -> Int { g.header.x + g.labelWidth + (i - compareColumnOffset) * g.columnWidth }
        // Header: the checklists' names (the cursor's column reversed), then each one's overall progress.
        if g.header.height >= 2 {
            let more = columns.count < c.names.count ? "  \(s.collapsed) \(c.names.count - columns.count) more" : ""
            grid.write(
                "Comparing \(c.names.count)\(more)", x: g.header.x + 1, y: g.header.y,
                style: Style(.heading, bold: true),
                fitting: g.labelWidth - 1, ellipsis: s.ellipsis)
            grid.write(
                "In place / assessed", x: g.header.x + 1, y: g.header.y + 1, style: Style(.dim),
                fitting: g.labelWidth - 1, ellipsis: s.ellipsis)
            for i in columns {
                let name = TextWidth.truncate(env.shown(c.names[i]), width: g.columnWidth - 1, ellipsis: s.ellipsis)
                let style =
                    i == compareColumn ? Style(.crosshair, bold: true, reverse: focused) : Style(.heading, bold: true)
                grid.write(name, x: columnX(i), y: g.header.y, style: style, clip: g.header)
                let p = c.overall[i]
                grid.write(
                    "\(p.inPlace)/\(p.assessed)", x: columnX(i), y: g.header.y + 1, style: Style(.dim), clip: g.header)
            }
        }
        // Rows: a mark where the checklists differ, the practice, a status glyph per checklist.
        let visible = compareVisibleRows(g, env)
        let ids = c.rows.map(\.itemID)
        let offset = compareList.shownOffset(in: ids, visible: visible)
        var cursor: (x: Int, y: Int)?
        for (k, row) in c.rows.enumerated().dropFirst(offset).prefix(visible) {
            let y = g.rows.y + (k - offset) * env.rowHeight
            let selected = row.itemID == compareList.selected
            let rowStyle =
                selected
                ? Style(focused ? .selection : .selectionUnfocused, bold: true, reverse: focused) : Style.normal
            if selected { grid.fill(Rect(x: g.rows.x, y: y, width: g.rows.width, height: 1), style: rowStyle) }
            let mark = row.differs ? (env.ascii ? "!" : "≠") : " "
            let indent = row.isHeading ? "" : "  "
            let label = "\(mark) \(indent)\(row.number) \(env.shown(row.title))"
            let labelStyle =
                selected ? rowStyle : (row.isHeading ? Style(.heading, bold: true) : Style(.normal, bold: row.differs))
            grid.write(label, x: g.rows.x, y: y, style: labelStyle, fitting: g.labelWidth - 1, ellipsis: s.ellipsis)
            for i in columns {
                let st = row.statuses[i]
                var style = Self.style(st)
                if i == compareColumn { style.underline = true }
                if selected { style = Widgets.merge(style, into: rowStyle) }
                let glyph = s.glyph(st) + (row.notes[i] == nil ? "" : (env.ascii ? "*" : "✎"))
                grid.write(glyph, x: columnX(i) + (g.columnWidth - 1) / 2, y: y, style: style, clip: g.rows)
                if selected && i == compareColumn { cursor = (columnX(i) + (g.columnWidth - 1) / 2, y) }
            }
        }
        // The note of the cell under the cursor, wrapped onto the last two rows.
        if g.footer.height > 0 {
            let text = Self.cellText(c, row: c.rows.first { $0.itemID == compareList.selected }, column: compareColumn)
            for (i, line) in Wrap.lines(env.shown(text), width: g.footer.width - 1).prefix(g.footer.height).enumerated()
            {
                grid.write(line, x: g.footer.x + 1, y: g.footer.y + i, clip: g.footer)
            }
        }
        return PaneDrawing(cursor: cursor, scroll: ScrollPosition(total: ids.count, offset: offset, visible: visible))
    }

    mutating func clickCompare(x: Int, y: Int, _ context: PaneContext, _ c: ChecklistComparison) -> PaneOutcome {
        let g = ChecklistCompareGeometry(c, area: context.area)
        let ids = c.rows.map(\.itemID)
        if x >= g.rows.x + g.labelWidth {
            compareColumn = min(c.names.count - 1, compareColumnOffset + (x - g.rows.x - g.labelWidth) / g.columnWidth)
        }
        guard let i = compareList.row(atY: y, area: g.rows, rowHeight: context.env.rowHeight, in: ids) else {
            return .none
        }
        compareList.selected = ids[i]
        return PaneOutcome(show: c.rows[i].isHeading ? .practice(ids[i]) : .practiceItem(ids[i]))
    }
}
