import RCPCore

// Drawing the matrix: column labels, cells, the readout under the cursor and the legend.
extension MatrixPane {
    /// Column header labels (the short names as drawn) of at most `width` columns, for a pane too small for whole labels
    /// (`MatrixGeometry.abbreviated`): the first word of each short name, cut ("Bali", "Pue"); where two would read alike, the letter that tells them apart replaces the last one
    /// ("MIS", "MIW" for MIDSA and MIDWA).
    static func abbreviations(_ labels: [String], width: Int) -> [String] {
        guard width > 0 else { return labels.map { _ in "" } }
        let words = labels.map { short -> [Character] in
            if TextWidth.of(short) <= width { return Array(short) }
            return Array(short.split(separator: " ").first.map(String.init) ?? short)
        }
        var out = words.map { TextWidth.prefix(String($0), width: width) }
        var groups: [String: [Int]] = [:]
        for (i, a) in out.enumerated() { groups[a, default: []].append(i) }
        for group in groups.values.sorted(by: { $0[0] < $1[0] }) where group.count > 1 {
            let i = group[0]
            let common =
                (0..<(words[i].count)).first { k in
                    group.contains { k >= words[$0].count || words[$0][k] != words[i][k] }
                } ?? 0
            for j in group where common < words[j].count {
                out[j] =
                    TextWidth.prefix(String(words[j].prefix(max(0, width - 1))), width: width - 1)
                    + String(words[j][common])
            }
        }
        return out
    }

    func cellText(_ roles: [Role], env: DisplayEnvironment) -> (String, Style) {
        guard let mark = RoleMark.strongest(roles) else { return (env.symbols.emptyCell, Style(.dim)) }
        return (env.symbols.glyph(mark), Style(mark.styleRole, bold: true))
    }

    /// The words under the cursor: "Turkey × 5 Bali Process: member, chair".
    func readout(_ view: MatrixView, env: DisplayEnvironment, width: Int = .max) -> String {
        guard let ci = columnIndex(view) else { return "" }
        let p = view.columns[ci]
        let column = (p.number.map { "\($0) " } ?? "") + p.shortName
        guard let ri = rowIndex(view) else {
            let members = p.memberCount
            return "\(column) — \(p.name == p.shortName ? "" : p.name + ", ")\(members) members"
        }
        let party = view.party(ri)
        let roles = view.index.roles(row: ri, column: ci)
        let name = env.name(party)
        let x = env.ascii ? "x" : "×"
        var cell = roles.isEmpty ? "not taking part" : roles.sorted().map(\.label).joined(separator: ", ")
        if !roles.isEmpty, p.bases.editorial("participants." + party.id) != nil {
            cell += " (\(env.editorialMark) editorial: the paper does not state this role)"
        }
        let text = "\(name) \(x) \(column): \(cell)"
        let count = " — in " + env.catalog.participationCount(of: party.id).short
        return TextWidth.of(text + count) <= width ? text + count : text
    }

    public func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing {
        let area = context.area, env = context.env
        guard !area.isEmpty else { return PaneDrawing() }
        let view = view(context)
        let s = env.symbols
        if view.columns.isEmpty || view.rowCount == 0 {
            let why =
                env.filter.map { "Nothing in the matrix matches “\(env.shown($0))”." }
                ?? "No \(rowKind.label) take part in these processes."
            Widgets.centeredMessage(&grid, area, why, style: Style(.dim), ellipsis: env.symbols.ellipsis)
            return PaneDrawing()
        }
        let g = MatrixGeometry(area: area, view: view, env: env)
        var copy = self
        copy.settle(view, g)
        let ri = copy.rowIndex(view), ci = copy.columnIndex(view)
        let cols = copy.columnOffset..<min(view.columns.count, copy.columnOffset + g.visibleColumns)
        let rows = copy.rowOffset..<min(view.rowCount, copy.rowOffset + g.visibleRows)
        let cross = Style(.crosshair, underline: true)
        let cursorStyle = Style(.selection, bold: true, reverse: focused)
        func columnX(_ c: Int) -> Int { g.columnX(c, offset: copy.columnOffset) }

        // Number row: the count heading, the scroll arrows, the column numbers (◦ for a footnote group).
        let numberY = g.numberRowY
        if g.countWidth > 0 {
            grid.write(
                TextWidth.padLeft("n", width: g.countWidth - 1), x: area.x + g.labelWidth, y: numberY,
                style: Style(.dim), clip: area)
        }
        if cols.lowerBound > 0 {
            grid.write(s.moreLeft, x: g.cellsX - 1, y: numberY, style: Style(.dim, bold: true), clip: area)
        }
        if cols.upperBound < view.columns.count {
            grid.write(s.moreRight, x: area.maxX - 1, y: numberY, style: Style(.dim, bold: true), clip: area)
        }
        func headerStyle(_ c: Int, _ plain: Style) -> Style {
            c == ci ? (ri == nil ? cursorStyle : cross.bolded) : plain
        }
        for c in cols {
            let p = view.columns[c]
            let x = columnX(c)
            let number = env.highlighted([
                Span(p.number.map(String.init) ?? s.footnote, headerStyle(c, Style(.heading, bold: true)))
            ])
            grid.write(
                number, x: x + max(0, (g.columnWidth - number.displayWidth) / 2), y: numberY,
                clip: Rect(x: x, y: numberY, width: g.columnWidth, height: 1))
        }
        // Label rows: each column's short name, whole, stacked with ticks down to the number row when the names
        // do not fit on one row.
        if g.abbreviated {
            let abbreviations = view.abbreviations(width: g.columnWidth - 1, window: cols)
            let first = view.labelTexts.count <= MatrixGeometry.columnsForEveryOffset ? 0 : cols.lowerBound
            for c in cols {
                let x = columnX(c)
                let abbr = env.highlighted([Span(abbreviations[c - first], headerStyle(c, Style(.heading)))])
                grid.write(
                    abbr, x: x + max(0, (g.columnWidth - abbr.displayWidth) / 2), y: area.y,
                    clip: Rect(x: x, y: area.y, width: g.columnWidth, height: 1))
            }
        } else if g.labelRows > 0, let header = g.header(offset: copy.columnOffset) {
            let top = area.y + g.labelRows - header.rows
            for label in header.labels {
                let y = top + label.row
                for tickY in (y + 1)..<numberY {
                    grid.write(
                        s.vertical, x: label.tickX, y: tickY, style: headerStyle(label.column, Style(.dim)), clip: area)
                }
                let text = env.highlighted([Span(label.text, headerStyle(label.column, Style(.heading)))])
                grid.write(text, x: label.x, y: y, clip: area)
            }
        }
        // Body.
        for r in rows {
            let party = view.party(r)
            let y = g.bodyTop + (r - copy.rowOffset)
            let isCursorRow = r == ri
            let labelArea = Rect(x: area.x, y: y, width: g.labelWidth - 1, height: 1)
            let pointer = isCursorRow ? s.pointer : " "
            let nameStyle = isCursorRow ? cross.bolded : Style.normal
            let name = TextWidth.truncate(
                env.markPrefix(party.id) + env.name(party), width: g.labelWidth - 2, ellipsis: s.ellipsis)
            grid.write(pointer, x: area.x, y: y, style: Style(.borderFocused, bold: true), clip: labelArea)
            grid.write(env.highlighted([Span(name, nameStyle)]), x: area.x + 1, y: y, clip: labelArea)
            if g.countWidth > 0 {
                grid.write(
                    TextWidth.padLeft(String(view.index.count(row: r)), width: g.countWidth - 1),
                    x: area.x + g.labelWidth, y: y,
                    style: Style(.dim), clip: area)
            }
            for c in cols {
                var (text, style) = cellText(view.index.roles(row: r, column: c), env: env)
                if r == ri && c == ci {
                    style = cursorStyle
                } else if r == ri || c == ci {
                    style = Widgets.merge(style, into: cross).with(style.role == .dim ? .crosshair : style.role)
                }
                let x = columnX(c)
                if r == ri || c == ci {
                    grid.fill(
                        Rect(x: x, y: y, width: g.columnWidth, height: 1),
                        style: r == ri && c == ci ? cursorStyle : cross)
                }
                grid.write(
                    text, x: x + (g.columnWidth - TextWidth.of(text)) / 2, y: y, style: style,
                    clip: Rect(x: x, y: y, width: g.columnWidth, height: 1))
            }
        }
        // Footer: the readout under the cursor, then the legend.
        if g.footerRows > 0 {
            let y = area.maxY - g.footerRows
            grid.write(
                TextWidth.truncate(readout(view, env: env, width: area.width), width: area.width, ellipsis: s.ellipsis),
                x: area.x, y: y,
                style: Style(.normal, bold: true), clip: area)
        }
        if g.footerRows > 1 {
            for (i, line) in Self.legend(width: area.width, symbols: s).prefix(g.footerRows - 1).enumerated() {
                grid.write(line, x: area.x, y: area.maxY - g.footerRows + 1 + i, clip: area)
            }
        }
        // The hardware cursor: on the cursor cell, or on the header of the cursor column.
        let scroll = ScrollPosition(total: view.rowCount, offset: copy.rowOffset, visible: g.visibleRows)
        guard let c = ci, cols.contains(c) else { return PaneDrawing(scroll: scroll) }
        let x = g.columnCenter(c, offset: copy.columnOffset)
        if let r = ri {
            return PaneDrawing(cursor: rows.contains(r) ? (x, g.bodyTop + r - copy.rowOffset) : nil, scroll: scroll)
        }
        return PaneDrawing(cursor: (x, g.numberRowY), scroll: scroll)
    }

    /// The legend, "● member  ○ interested  …", in as many lines as `width` needs (items are never cut).
    static func legend(width: Int, symbols s: Symbols) -> [Line] {
        // The same few lines every frame: made once per width and symbols.
        legends.value(LegendKey(width: width, symbols: s)) { makeLegend(width: width, symbols: s) }
    }

    private static let legends = RecentValues<LegendKey, [Line]>(capacity: 32)

    private static func makeLegend(width: Int, symbols s: Symbols) -> [Line] {
        func lines(gap: Int) -> [Line] {
            var lines: [Line] = [[]]
            var used = 0
            var pieces: [Line] = RoleMark.legendOrder.map { mark in
                [Span(s.glyph(mark), Style(mark.styleRole, bold: true)), Span(" " + mark.label, Style(.dim))]
            }
            pieces.append([Span("n", Style(.normal, bold: true)), Span(" = processes in the columns", Style(.dim))])
            for piece in pieces {
                let w = piece.displayWidth
                if used > 0 && used + gap + w > width { lines.append([]); used = 0 }
                if used > 0 { lines[lines.count - 1].append(Span(String(repeating: " ", count: gap))); used += gap }
                lines[lines.count - 1] += piece
                used += w
            }
            return lines
        }
        let roomy = lines(gap: 2), tight = lines(gap: 1)
        return tight.count < roomy.count ? tight : roomy
    }
}

/// What the matrix legend's lines depend on.
private struct LegendKey: Hashable, Sendable {
    var width: Int
    var symbols: Symbols
}
