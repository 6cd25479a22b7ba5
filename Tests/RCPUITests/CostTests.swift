import RCPCore
import Testing

@testable import RCPText
@testable import RCPUI

/// The work of a frame follows the screen: shortcuts give what the general way gives, and what is made once
/// is not made again.
@Suite struct CostTests {
    /// A line that fits on one row skips glyph-by-glyph wrapping, and rows are counted without being made; the
    /// results are the same (wide and combining characters, tabs, line breaks and zero-width characters among
    /// the words).
    @Test func theOneRowShortcutWrapsAsTheGeneralWay() {
        var rng = SystemRandomNumberGenerator()
        let words = [
            "a", "Bali", "process", " ", "  ", "", "x-y", "(12)", "end ", "Söderköping", "—", "東京", "e\u{301}", "\t",
            "\n", "\u{200B}",
        ]
        let styles = [Style.normal, Style(.dim), Style(.heading, bold: true)]
        var shortcuts = 0
        for _ in 0..<3000 {
            let line: Line = (0..<Int.random(in: 0...5, using: &rng)).map { _ in
                Span(
                    (0..<Int.random(in: 0...3, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(),
                    styles.randomElement(using: &rng)!)
            }
            let width = Int.random(in: 1...40, using: &rng), indent = Int.random(in: 0...6, using: &rng)
            let general = Wrap.wrapped(line, width: width, firstIndent: indent, hangingIndent: 2)
            #expect(Wrap.rowCount(line, width: width, firstIndent: indent, hangingIndent: 2) == general.count)
            if let row = Wrap.oneRow(line, width: width, firstIndent: indent) {
                shortcuts += 1
                #expect([row] == general, "\(line) at width \(width), indent \(indent)")
            }
        }
        #expect(shortcuts > 500)
    }

    /// Moving the matrix cursor does not build the matrix again: the view is made once for its inputs. (A
    /// catalog of its own, so that no other test's views share its cache.)
    @Test func theMatrixViewIsMadeOncePerInputs() {
        var s = AppState(catalog: Catalog(DataLoader.bundled()), options: UIOptions(), width: 132, height: 43)
        s.press(.character("3"))
        let before = s.matrix.view(s.context(.matrix))
        for key in [Key.down, .down, .right, .pageDown, .up] { s.press(key) }
        _ = App.render(s, width: 132, height: 43)
        #expect(s.matrix.view(s.context(.matrix)) === before)
        s.press(.character("s"))
        #expect(s.matrix.view(s.context(.matrix)) !== before, "sorting makes a new view")
    }

    /// A cell is read from the party's own participations: the sparse matrix has one entry per participation,
    /// not one per party and process.
    @Test func theMatrixStoresOnlyParticipations() {
        let c = Catalog.bundled
        let index = c.matrixIndex(kinds: Set(PartyKind.allCases))
        let cells = (0..<index.rowCount).reduce(0) { $0 + index.count(row: $1) }
        let participations = c.processes.reduce(0) { $0 + $1.participants.count }
        #expect(cells == participations)
        #expect(cells < index.rowCount * index.columnCount / 2)
        #expect(index.dense.rows.map(\.count) == (0..<index.rowCount).map { index.count(row: $0) })
    }

    /// The same labels at the same places are laid out once; a layout given again for a pane further right,
    /// or for other column numbers (a filtered matrix), is the first one moved and renumbered.
    @Test func aHeaderLayoutIsReusedWhereverItIsDrawn() {
        let texts = ["IGC", "Budapest", "Söderköping", "CIS Conf.", "Puebla/RCM", "Lima", "5+5", "MIDSA"]
        let items = texts.enumerated().map { (column: $0.offset, text: $0.element, center: 2 + $0.offset * 4) }
        let first = MatrixHeaderLayout.make(items, minX: 0, maxX: 40, maxRows: 6)
        #expect(first != nil && first!.rows > 1)
        let moved = items.map { (column: $0.column + 3, text: $0.text, center: $0.center + 9) }
        let again = MatrixHeaderLayout.make(moved, minX: 9, maxX: 49, maxRows: 6)
        #expect(again == first?.shifted(by: 9, columns: moved.map(\.column)))
        #expect(again?.labels.map(\.column) == moved.map(\.column))
        #expect(again?.labels.first?.tickX == 11)
    }

    /// A card's rows are made when read: a card of 400 long lines, of which 20 rows are read, makes the rows of
    /// a handful of lines, and every row read is the row eager wrapping gives.
    @Test func aLongCardMakesOnlyTheRowsItShows() {
        let words = "the Bali Process — on people smuggling, trafficking in persons and related transnational crime"
        let lines = (0..<400).map { i in
            CardLine(
                [Span("\(i). ", Style(.dim)), Span(words + (i % 3 == 0 ? " and more" : ""))], indent: 2, hanging: 4)
        }
        let layout = CardLayout(lines, width: 40, env: makeState(80, 24).env)
        #expect(layout.rows.count > 800)
        #expect(layout.rows.linesMade == 0)
        let shown = (100..<120).map { layout.rows[$0] }
        #expect(layout.rows.linesMade <= 10)
        for (k, row) in shown.enumerated() {
            let i = row.index!
            let eager = Wrap.lines(lines[i].spans, width: 40, firstIndent: 2, hangingIndent: 4)
            #expect(row.line == eager[100 + k - layout.spans[i].lowerBound])
        }
        #expect(layout.spans.last!.upperBound == layout.rows.count - 1)
    }

    /// The width of a character of a common range is found without the Unicode tables, and it is the width the
    /// tables give, for every scalar of those ranges.
    @Test func commonCharactersHaveTheirTableWidths() {
        var checked = 0
        for v in UInt32(0xA0)..<0x2A00 {
            guard let fast = TextWidth.commonWidth(v), let scalar = Unicode.Scalar(v) else { continue }
            #expect(fast == max(0, TextWidth.scalarWidth(scalar)), "U+\(String(v, radix: 16))")
            checked += 1
        }
        #expect(checked > 800)
        // A text of such characters measures as its clusters do.
        for text in [
            "Söderköping — IGC • Bali ▸ ★", "é", "a\u{301}", "Tōkyō 東京", "☀️", "x\ty", "\u{AD}", "→ ↑ ┃ ■", "⣿⠁ ⡀",
        ] {
            #expect(TextWidth.of(text) == text.reduce(0) { $0 + TextWidth.of($1) }, "\(text)")
        }
    }
}

/// Lines remembered between frames (the tree's, the checklist's) are the lines the rows make, and anything that
/// changes a line (a mark, the search query, a status or a note) changes what is drawn at once.
@Suite struct RememberedLinesTests {
    func env(highlight: String? = nil, marked: Set<String> = []) -> DisplayEnvironment {
        DisplayEnvironment(
            catalog: catalog, ascii: false, highlight: highlight, filter: nil, presentation: false, marked: marked)
    }

    @Test func treeLinesFollowMarksAndTheQuery() throws {
        let rows = makeState(120, 40).tree.rows(env())
        // A process the rows show, to mark and to search for.
        let process = try #require(
            rows.lazy.compactMap { row -> RCPCore.Process? in
                if case .process(let id) = row.node { return catalog.process(id: id) }
                return nil
            }.first)
        let name = process.shortName, partOfName = String(process.shortName.prefix(3))
        for e in [env(), env(marked: [process.id]), env(highlight: name), env(highlight: partOfName), env()] {
            let remembered = TreePane.lines(rows, width: 40, env: e)
            #expect(remembered == rows.map { TreePane.line($0, width: 40, env: e) })
        }
        #expect(
            TreePane.lines(rows, width: 40, env: env(marked: [process.id])).contains { $0.plain.contains("▪ \(name)") })
        let highlighted = TreePane.lines(rows, width: 40, env: env(highlight: name))
        #expect(highlighted.contains { line in line.contains { $0.style.role == .match } })
        #expect(
            !TreePane.lines(rows, width: 40, env: env()).contains { line in line.contains { $0.style.role == .match } })
    }

    @Test func checklistLinesFollowStatusesAndNotes() {
        var state = makeState(120, 40)
        state.press(.character("4"))
        let pane = state.checklistPane
        let rows = pane.rows(env(), checklist: nil)
        var checklist = Checklist(name: "Lines")
        let id = catalog.practices[0].id
        var seen: [[Line]] = []
        for step in 0..<3 {
            if step == 1 { checklist.set(id, status: .inPlace) }
            if step == 2 { checklist.setNote(id, "agreed in the morning session") }
            let remembered = pane.lines(rows, width: 100, env: env(), checklist: checklist)
            #expect(remembered == rows.map { pane.line($0, width: 100, env: env(), checklist: checklist) })
            seen.append(remembered)
        }
        #expect(seen[0] != seen[1] && seen[1] != seen[2])
        #expect(seen[2][0].plain.contains("agreed in the morning session"))
    }
}

/// `fill` sets the cells between a rectangle's edges directly; the result is what putting each cell gives,
/// with wide characters crossing the edges (or lying inside) on random grids.
@Suite struct FillTests {
    @Test func fillingIsPuttingEveryCell() {
        var rng = SystemRandomNumberGenerator()
        let texts = ["東京", "ab", "☀️", "é", "Bali — 東", "  ", "x東y"]
        for _ in 0..<2000 {
            var grid = Grid(width: 12, height: 4)
            for _ in 0..<6 {
                grid.write(
                    texts.randomElement(using: &rng)!, x: Int.random(in: -1...11, using: &rng),
                    y: Int.random(in: 0...3, using: &rng), style: Style(.dim))
            }
            let rect = Rect(
                x: Int.random(in: -1...11, using: &rng), y: Int.random(in: -1...3, using: &rng),
                width: Int.random(in: 0...13, using: &rng), height: Int.random(in: 0...4, using: &rng))
            var expected = grid
            let cell = Cell(" ", style: Style(.heading))
            for y in rect.y..<rect.maxY { for x in rect.x..<rect.maxX { expected.put(cell, x: x, y: y) } }
            grid.fill(rect, style: Style(.heading))
            #expect(grid == expected, "\(rect)")
        }
    }
}
