import RCPCore
import Testing

@testable import RCPUI

/// The matrix header as a facilitator reads it off the wall: every column's label is its process's short name,
/// whole, above its column; row names are not cut while there is room.
@Suite struct MatrixLabelTests {
    static let sizes = [(80, 24), (100, 30), (132, 43), (200, 60)]
    let glyphs: Set<String> = ["·", "●", "○", "◇", "★", "☆", "◆", "■"]

    /// The text of row `y` from `x0` to `x1` (exclusive), a cell at a time.
    func text(_ grid: Grid, y: Int, from x0: Int, to x1: Int) -> [String] {
        (x0..<x1).map { grid[$0, y].text }
    }

    /// Finds the label of the column whose cells are at `x`: the rows above the number row are searched for the
    /// whole `name` (not part of a longer word) over `x`, with a tick (│) from under it down to the number row.
    /// Returns the row it is on, or nil.
    func labelRow(_ grid: Grid, name: String, x: Int, area: Rect, numberRow: Int) -> Int? {
        let letters = name.map(String.init)
        for y in area.y..<numberRow {
            let row = text(grid, y: y, from: area.x, to: area.maxX)
            for start in 0...max(0, row.count - letters.count)
            where Array(row[start..<(start + letters.count)]) == letters {
                let x0 = area.x + start, x1 = x0 + letters.count
                guard (x0..<x1).contains(x) else { continue }
                let before = start > 0 ? row[start - 1] : " ",
                    after = start + letters.count < row.count ? row[start + letters.count] : " "
                guard before == " ", after == " " || after == "┃" || after == "█" else { continue }
                if ((y + 1)..<numberRow).allSatisfy({ grid[x, $0].text == "│" }) { return y }
            }
        }
        return nil
    }

    /// Checks every visible column of the matrix in `s`; returns how many columns were seen.
    @discardableResult
    func checkLabels(_ s: AppState, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let grid = App.render(s, width: s.width, height: s.height)
        let area = s.layout.frame(of: .matrix)!.content
        let view = s.matrix.view(s.context(.matrix))
        let firstName = s.matrix.cursorParty.flatMap { id in view.rows.first { $0.party.id == id } }.map {
            s.env.name($0.party)
        }
        // The first body row is the first row (below the header) with a role glyph; the number row is above it.
        guard
            let body = (area.y..<area.maxY).first(where: { y in
                !glyphColumns(grid, y: y, glyphs: glyphs).filter { $0 >= area.x && $0 < area.maxX }.isEmpty
            })
        else {
            Issue.record("\(what): no matrix body\n\(grid.plainText())", sourceLocation: sourceLocation)
            return 0
        }
        _ = firstName
        let numberRow = body - 1
        let xs = glyphColumns(grid, y: body, glyphs: glyphs).filter { $0 >= area.x && $0 < area.maxX }
        #expect(
            text(grid, y: numberRow, from: area.x, to: area.maxX).joined().contains("n"), "\(what): no number row",
            sourceLocation: sourceLocation)
        for (i, x) in xs.enumerated() {
            let process = view.columns[s.matrix.columnOffset + i]
            let name = process.shortName
            #expect(
                labelRow(grid, name: name, x: x, area: area, numberRow: numberRow) != nil,
                "\(what): column \(i + 1) has no whole label “\(name)” above it\n\(grid.plainText())",
                sourceLocation: sourceLocation)
        }
        return xs.count
    }

    @Test(arguments: sizes)
    func everyVisibleColumnIsLabelledWithItsWholeShortName(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("3"))
        let annex = checkLabels(s, "\(width)×\(height)")
        #expect(annex >= 9, "\(width)×\(height): only \(annex) columns")
        if width >= 100 { #expect(annex == 13, "\(width)×\(height): \(annex) of the 13 columns") }
        // Scrolled to the last column.
        for _ in 0..<20 { s.press(.right) }
        checkLabels(s, "\(width)×\(height), last column")
        // With the footnote groups.
        s.press(.character("a"), .character("g"))
        for _ in 0..<20 { s.press(.left) }
        let groups = checkLabels(s, "\(width)×\(height) with a")
        #expect(groups >= 9)
        for _ in 0..<20 { s.press(.right) }
        checkLabels(s, "\(width)×\(height) with a, last column")
        // Zoomed.
        s.press(.character("z"))
        checkLabels(s, "\(width)×\(height) zoomed, with a")
    }

    @Test func theCrosshairMarksTheCursorColumnsLabel() {
        var s = makeState(132, 43)
        s.press(.character("3"), .character("g"))
        for _ in 0..<2 { s.press(.right) }
        #expect(s.matrix.cursorColumn == "soderkoping")
        let grid = App.render(s, width: 132, height: 43)
        let area = s.layout.frame(of: .matrix)!.content
        guard let (x, y) = labelPosition("Söderköping", grid, area) else {
            Issue.record("no Söderköping label\n\(grid.plainText())"); return
        }
        #expect((x..<(x + 11)).allSatisfy { grid[$0, y].style.role == .crosshair })
        // Another column's label is not marked.
        let budapest = (area.y..<area.maxY).first { grid.rowText($0).contains("Budapest") }!
        let bx = text(grid, y: budapest, from: 0, to: grid.width).indices.first {
            Array(text(grid, y: budapest, from: 0, to: grid.width)[$0..<($0 + 8)]).joined() == "Budapest"
        }!
        #expect(grid[bx, budapest].style.role != .crosshair)
    }

    @Test func aClickOnAStackedLabelSelectsItsColumn() {
        var s = makeState(80, 24)
        s.press(.character("3"), .character("g"))
        #expect(s.matrix.cursorColumn == "igc")
        let grid = App.render(s, width: 80, height: 24)
        let area = s.layout.frame(of: .matrix)!.content
        // Söderköping runs over its neighbours' columns: click its last letter, which is not over its own column.
        guard let (start, y) = labelPosition("Söderköping", grid, area) else {
            Issue.record("no Söderköping label\n\(grid.plainText())"); return
        }
        _ = App.update(&s, .mouse(.press, x: start + 10, y: y))
        #expect(s.matrix.cursorColumn == "soderkoping")
        #expect(s.matrix.cursorParty == nil)
        #expect(s.card.subject == .process("soderkoping"))
        // A click on a cell below still selects the column under it.
        let body = (area.y..<area.maxY).first { grid.rowText($0).contains("Afghanistan") }!
        let cells = glyphColumns(grid, y: body, glyphs: glyphs).filter { $0 >= area.x }
        _ = App.update(&s, .mouse(.press, x: cells[1], y: body))
        #expect(s.matrix.cursorColumn == "budapest")
        #expect(s.matrix.cursorParty == "afghanistan")
    }

    @Test func scrollingSidewaysKeepsTheBodyWhereItIs() {
        var s = makeState(80, 24)
        s.press(.character("3"), .character("a"))
        func firstBodyRow() -> Int? {
            let grid = App.render(s, width: 80, height: 24)
            return (0..<24).first { grid.rowText($0).contains("▶Afghanistan") }
        }
        let before = firstBodyRow()
        #expect(before != nil)
        for _ in 0..<20 { s.press(.right) }
        #expect(s.matrix.columnOffset > 0)
        #expect(firstBodyRow() == before)
    }

    @Test func longOrganizationNamesAreWholeWhenThereIsRoom() {
        var s = makeState(200, 60)
        s.press(.character("3"), .character("o"))
        #expect(s.matrix.rowKind == .organizations)
        let name = "International Organization for Migration"
        #expect(catalog.parties.contains { $0.name == name })
        // Move to it so it is on screen.
        for _ in 0..<200 where s.matrix.cursorParty.flatMap({ catalog.party(id: $0)?.name }) != name { s.press(.down) }
        // The cursor row (▶) shows it whole, with the count and the cells to its right.
        let row = s.screen.split(separator: "\n").first { $0.contains("▶International") }.map(String.init) ?? ""
        #expect(row.contains("▶" + name + " "), "\(name) cut: \(row)")
        // At 80×24 there is no room: it is cut, with an ellipsis.
        var small = makeState(80, 24)
        small.press(.character("3"), .character("o"))
        for _ in 0..<200 where small.matrix.cursorParty.flatMap({ catalog.party(id: $0)?.name }) != name {
            small.press(.down)
        }
        let cut = small.screen.split(separator: "\n").first { $0.contains("▶International") }.map(String.init) ?? ""
        #expect(cut.contains("▶International Org") && cut.contains("…") && !cut.contains(name), "\(cut)")
    }

    /// Where `label` starts in the matrix header (the first row of `area` that holds it whole).
    func labelPosition(_ label: String, _ grid: Grid, _ area: Rect) -> (x: Int, y: Int)? {
        guard let y = (area.y..<area.maxY).first(where: { grid.rowText($0).contains(label) }) else { return nil }
        let row = text(grid, y: y, from: 0, to: grid.width), n = label.count
        return row.indices.first { Array(row[$0..<min(row.count, $0 + n)]).joined() == label }.map { ($0, y) }
    }
}
