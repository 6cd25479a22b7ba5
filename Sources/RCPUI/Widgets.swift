/// Small reusable widgets. Each draws into a `Grid` inside a `Rect` and never outside it.
public enum Widgets {
    /// A bordered box with a title on the top edge (and an optional note on the right of it). The focused box
    /// has a heavy border and a reversed title, so focus shows without colour. Returns the inside.
    @discardableResult
    public static func block(
        _ grid: inout Grid, _ area: Rect, title: String, focused: Bool, symbols: Symbols,
        rightTitle: String = "", titleStyle: Style? = nil
    ) -> Rect {
        guard !area.isEmpty else { return .zero }
        grid.fill(area)
        let border = Style(focused ? .borderFocused : .border, bold: focused)
        let s = symbols
        let (h, v) = focused ? (s.focusHorizontal, s.focusVertical) : (s.horizontal, s.vertical)
        let corners =
            focused
            ? (s.focusTopLeft, s.focusTopRight, s.focusBottomLeft, s.focusBottomRight)
            : (s.topLeft, s.topRight, s.bottomLeft, s.bottomRight)
        if area.width >= 2 && area.height >= 2 {
            grid.fill(area.row(0), style: border, with: h)
            grid.fill(area.row(area.height - 1), style: border, with: h)
            grid.fill(Rect(x: area.x, y: area.y, width: 1, height: area.height), style: border, with: v)
            grid.fill(Rect(x: area.maxX - 1, y: area.y, width: 1, height: area.height), style: border, with: v)
            grid.write(corners.0, x: area.x, y: area.y, style: border, clip: area)
            grid.write(corners.1, x: area.maxX - 1, y: area.y, style: border, clip: area)
            grid.write(corners.2, x: area.x, y: area.maxY - 1, style: border, clip: area)
            grid.write(corners.3, x: area.maxX - 1, y: area.maxY - 1, style: border, clip: area)
        }
        let inner = area.width >= 2 && area.height >= 2 ? area.inset(dx: 1, dy: 1) : .zero
        // Title: " Tree " on the top edge, reversed when focused.
        let titleArea = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: 1)
        guard titleArea.width > 2 else { return inner }
        let rightText = rightTitle.isEmpty ? "" : " \(rightTitle) "
        let rightWidth = min(TextWidth.of(rightText), max(0, titleArea.width - 12))
        let titleRoom = titleArea.width - rightWidth - (rightWidth > 0 ? 1 : 0)
        let tStyle = titleStyle ?? Style(.title, bold: true, reverse: focused)
        let t = TextWidth.truncate(" \(title) ", width: titleRoom, ellipsis: s.ellipsis)
        grid.write(t, x: titleArea.x, y: titleArea.y, style: tStyle, clip: titleArea)
        if rightWidth > 0 {
            let r = TextWidth.truncate(rightText, width: rightWidth, ellipsis: s.ellipsis)
            grid.write(r, x: titleArea.maxX - TextWidth.of(r), y: titleArea.y, style: Style(.border), clip: titleArea)
        }
        return inner
    }

    /// A scroll indicator on the column `x` from `y` over `height` rows: a thumb sized and placed by the
    /// visible window. Draws nothing when everything fits.
    public static func scrollbar(
        _ grid: inout Grid, x: Int, y: Int, height: Int, total: Int, offset: Int,
        visible: Int, symbols: Symbols
    ) {
        guard height >= 3, total > visible, visible > 0 else { return }
        let thumb = max(1, height * visible / total)
        let maxOffset = max(1, total - visible)
        let top = min(height - thumb, (height - thumb) * min(offset, maxOffset) / maxOffset)
        let clip = Rect(x: x, y: y, width: 1, height: height)
        for i in 0..<thumb {
            grid.write(symbols.scrollThumb, x: x, y: y + top + i, style: Style(.borderFocused), clip: clip)
        }
    }

    /// A list of rows with one selected. `offset` is the first row shown. Column 0 is a gutter holding a
    /// pointer on the selected row ("▶" focused, "›" not), so the selection shows without colour or reverse
    /// video; rows start at column 1 and should be built for `area.width - 1` columns. The selected row is
    /// also reversed when `focused`. `rowHeight` > 1 leaves gaps between items (presentation mode).
    /// Returns the screen row of the selected item, if shown.
    @discardableResult
    public static func list(
        _ grid: inout Grid, _ area: Rect, rows: [Line], selected: Int?, offset: Int,
        focused: Bool, symbols: Symbols, rowHeight: Int = 1
    ) -> Int? {
        guard !area.isEmpty else { return nil }
        var selectedY: Int?
        let step = max(1, rowHeight)
        var y = area.y
        var i = max(0, offset)
        while y < area.maxY, i < rows.count {
            let rowArea = area.row(y - area.y)
            if i == selected {
                let style =
                    focused ? Style(.selection, bold: true, reverse: true) : Style(.selectionUnfocused, bold: true)
                grid.write(
                    focused ? symbols.pointer : symbols.unfocusedPointer, x: area.x, y: y,
                    style: Style(.borderFocused, bold: true), clip: rowArea)
                grid.fill(Rect(x: area.x + 1, y: y, width: area.width - 1, height: 1), style: style)
                grid.write(
                    rows[i].map { Span($0.text, merge($0.style, into: style)) }, x: area.x + 1, y: y, clip: rowArea)
                selectedY = y
            } else {
                grid.write(rows[i], x: area.x + 1, y: y, clip: rowArea)
            }
            y += step
            i += 1
        }
        return selectedY
    }

    /// A style for text on a selected row: the row's selection look, keeping what the text itself says
    /// (a match stays underlined, a heading bold).
    public static func merge(_ text: Style, into row: Style) -> Style {
        var s = row
        if text.role == .match { s.role = .match; s.underline = true }
        s.bold = s.bold || text.bold
        s.underline = s.underline || text.underline
        return s
    }

    /// A focused box over whatever is below, with a blank margin of one cell around it (where there is
    /// room) so that it reads as floating above the panes. Returns the inside.
    @discardableResult
    public static func floatingBlock(_ grid: inout Grid, _ box: Rect, title: String, symbols: Symbols) -> Rect {
        let margin = Rect(x: box.x - 1, y: box.y, width: box.width + 2, height: box.height)
        grid.fill(margin)
        return block(&grid, box, title: title, focused: true, symbols: symbols)
    }

    /// The tab bar: " 1 Tree  2 Card  3 Matrix  4 Checklist ", the active tab in brackets and reversed.
    /// Returns the x ranges of the tabs, for mouse clicks.
    @discardableResult
    public static func tabBar(
        _ grid: inout Grid, _ area: Rect, tabs: [String], active: Int?,
        trailing: String = ""
    ) -> [Range<Int>] {
        guard !area.isEmpty else { return [] }
        grid.fill(area, style: Style(.tab))
        let ranges = TabBar.ranges(tabs, in: area)
        var x = area.x
        for (i, (tab, range)) in zip(tabs, ranges).enumerated() {
            let isActive = i == active
            let text = isActive ? "[\(tab)]" : " \(tab) "
            x =
                grid.write(
                    text, x: range.lowerBound, y: area.y,
                    style: Style(isActive ? .tabActive : .tab, bold: isActive, reverse: isActive), clip: area) + 1
        }
        if !trailing.isEmpty {
            let room = area.maxX - x - 1
            if room > 3 {
                let t = TextWidth.truncate(trailing, width: room)
                grid.write(t, x: area.maxX - TextWidth.of(t), y: area.y, style: Style(.tab), clip: area)
            }
        }
        return ranges
    }

    /// The bottom line: key hints ("q quit  ? help …") on the left, `right` on the right. Hints that do not
    /// fit are left out whole, never cut.
    public static func statusBar(
        _ grid: inout Grid, _ area: Rect, hints: [(key: String, label: String)],
        message: Line = [], right: String = "", ellipsis: String = "…"
    ) {
        guard !area.isEmpty else { return }
        grid.fill(area, style: Style(.statusBar))
        // The indicator on the right keeps its room (and a gap); the message gives way, ending with "…".
        let rightWidth = right.isEmpty ? 0 : min(TextWidth.of(right) + 2, area.width / 2)
        let leftArea = Rect(x: area.x, y: area.y, width: area.width - rightWidth, height: 1)
        var x = area.x
        if !message.isEmpty {
            x = grid.write(message, x: x, y: area.y, fitting: leftArea.width, ellipsis: ellipsis) + 2
        }
        for hint in hints {
            let w = TextWidth.of(hint.key) + 1 + TextWidth.of(hint.label)
            if x + w > leftArea.maxX { break }
            x = grid.write(
                hint.key, x: x, y: area.y, style: Style(.statusKey, bold: true, reverse: true), clip: leftArea)
            x = grid.write(" " + hint.label, x: x, y: area.y, style: Style(.statusBar), clip: leftArea) + 2
        }
        if rightWidth > 0 {
            let t = TextWidth.truncate(right, width: rightWidth - 2, ellipsis: ellipsis)
            grid.write(t, x: area.maxX - TextWidth.of(t), y: area.y, style: Style(.statusBar, bold: true), clip: area)
        }
    }

    /// A centred message, wrapped to the area, for "terminal too small" and empty panes.
    public static func centeredMessage(
        _ grid: inout Grid, _ area: Rect, _ text: String, style: Style = .normal,
        ellipsis: String = "…"
    ) {
        guard !area.isEmpty else { return }
        var rows = Wrap.lines(text, width: area.width, style: style)
        if rows.count > area.height {
            // The last row that fits says that more was cut.
            rows = Array(rows.prefix(area.height))
            rows[rows.count - 1] += [Span(" " + ellipsis, style)]
        }
        let top = area.y + max(0, (area.height - rows.count) / 2)
        for (i, row) in rows.enumerated() where top + i < area.maxY {
            let w = min(row.displayWidth, area.width)
            grid.write(
                row, x: area.x + max(0, (area.width - w) / 2), y: top + i, fitting: area.width, ellipsis: ellipsis)
        }
    }

    /// A progress bar of `width` cells for `done` (full) and `half` (half-filled) out of `total`.
    public static func bar(done: Int, half: Int, total: Int, width: Int, symbols: Symbols) -> Line {
        guard width > 0 else { return [] }
        // Cells for a count: rounded down, but a count above zero shows (one cell at least), and the bar is
        // full only when everything is done.
        func cells(_ n: Int) -> Int {
            guard total > 0, n > 0 else { return 0 }
            return max(1, n * width / total)
        }
        let unfinished = done + half < total ? 1 : 0
        let full = done >= total && total > 0 ? width : min(cells(done), width - 1)
        // With nothing left to do the half-filled part takes the rest (no empty cell left over by rounding).
        let mid = unfinished == 0 && half > 0 ? width - full : max(0, min(cells(half), width - full - unfinished))
        let rest = width - full - mid
        return [
            Span(String(repeating: symbols.barFull, count: full), Style(.progressDone, bold: true)),
            Span(String(repeating: symbols.barHalf, count: mid), Style(.progressDone)),
            Span(String(repeating: symbols.barEmpty, count: rest), Style(.progressTodo)),
        ].filter { !$0.text.isEmpty }
    }

    /// As many of `parts` as fit in `width`, whole, three spaces apart (a legend or a footer that drops its
    /// last parts on a narrow screen instead of cutting a word).
    public static func fittingParts(_ parts: [Line], width: Int) -> Line {
        var out: Line = []
        for part in parts {
            let next = out.isEmpty ? part : out + [Span("   ")] + part
            guard next.displayWidth <= width else { break }
            out = next
        }
        return out
    }
}
