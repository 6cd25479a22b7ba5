import RCPCore
import Testing

@testable import RCPUI

/// The byte floor of a diff: the least bytes a terminal needs for exactly the changed cells (`ByteFloor`).
/// Monochrome keeps the looks simple: normal is plain, a selection bold and reversed.
@Suite("Byte floor: the least bytes a frame needs")
struct ByteFloorTests {
    let mono = Theme.named(.monochrome, palette: .none)
    let selection = Style(.selection)

    func grid(_ rows: [String], width: Int? = nil, cursor: (Int, Int)? = nil) -> Grid {
        var g = Grid(width: width ?? rows.map(\.count).max() ?? 0, height: rows.count)
        for (y, row) in rows.enumerated() { _ = g.write(row, x: 0, y: y, style: .normal) }
        g.cursor = cursor.map { (x: $0.0, y: $0.1) }
        return g
    }

    /// A list that moved on by a line: with a scroll region the terminal writes only the new last row.
    /// Scroll: ESC[1;4r ESC[S ESC[r (12 bytes, the cursor home); down three lines (3 LF); "eeee" (4) = 19,
    /// against 25 for writing the four rows again (ESC[H, then each row and CR LF between them).
    @Test func aListScrolledByALineCostsItsNewRow() {
        let a = grid(["aaaa", "bbbb", "cccc", "dddd"])
        let b = grid(["bbbb", "cccc", "dddd", "eeee"])
        #expect(b.byteFloor(since: a, theme: mono).total == 25)
        #expect(b.byteFloorScrolling(since: a, theme: mono).total == 19)
        // Scrolled back: ESC[1;4r ESC[T ESC[r, then "aaaa" where the cursor is.
        #expect(a.byteFloorScrolling(since: b, theme: mono).total == 12 + 4)
        // Nothing moved: scrolling buys nothing.
        let c = grid(["aaaa", "bbbb", "cccx", "dddd"])
        #expect(c.byteFloorScrolling(since: a, theme: mono) == c.byteFloor(since: a, theme: mono))
    }

    @Test func nothingChangedCostsNothing() {
        let a = grid(["hello", "world"], cursor: (1, 1))
        #expect(a.byteFloor(since: a, theme: mono).total == 0)
    }

    @Test func oneCellIsAMoveAndItsByte() {
        let a = grid(["..........", "..........", ".........."])
        var b = a
        _ = b.write("x", x: 5, y: 2, style: .normal)
        // Where the cursor is, nobody knows: ESC[3;6H, then "x".
        let f = b.byteFloor(since: a, theme: mono)
        #expect(f == ByteFloor(text: 1, moves: 6))
    }

    @Test func aShortGapIsWrittenOverALongOneIsJumped() {
        let a = grid(["0123456789"], cursor: (0, 0))
        var near = a
        _ = near.write("a", x: 0, y: 0, style: .normal)
        _ = near.write("b", x: 3, y: 0, style: .normal)
        // "a", then "12" again (2 bytes, cheaper than ESC[2C), "b"; then CR back to the cursor.
        #expect(near.byteFloor(since: a, theme: mono) == ByteFloor(text: 4, moves: 1))
        var far = a
        _ = far.write("a", x: 0, y: 0, style: .normal)
        _ = far.write("b", x: 6, y: 0, style: .normal)
        // "a", ESC[5C, "b", CR.
        #expect(far.byteFloor(since: a, theme: mono) == ByteFloor(text: 2, moves: 5))
    }

    @Test func aSelectionCostsItsAttributesAndTheResetAfter() {
        let a = grid(["abcdef", "ghijkl"], cursor: (0, 1))
        var b = a
        _ = b.write("ghijkl", x: 0, y: 1, style: selection)
        // ESC[1;7m, "ghijkl", ESC[m; the cursor is where it was (CR after the run, on the last column).
        let f = b.byteFloor(since: a, theme: mono)
        #expect(f == ByteFloor(text: 6, moves: 1, attributes: 6 + 3))
    }

    @Test func aLineOfTheSameCharacterIsRepeated() {
        let a = grid([String(repeating: " ", count: 30)], cursor: (0, 0))
        var b = a
        _ = b.write(String(repeating: "─", count: 20), x: 0, y: 0, style: .normal)
        // "─" (3 bytes) and ESC[19b; then CR.
        #expect(b.byteFloor(since: a, theme: mono) == ByteFloor(text: 3 + 5, moves: 1))
    }

    @Test func blanksToTheEndOfTheRowAreErased() {
        let a = grid(["abcdefghij", "0123456789"], cursor: (0, 0))
        var b = a
        _ = b.write("        ", x: 2, y: 1, style: .normal)
        // LF, ESC[2C, ESC[K (cheaper than " " ESC[7b); the cursor stays at column 2: ESC M and CR back home.
        let f = b.byteFloor(since: a, theme: mono)
        #expect(f == ByteFloor(text: 3, moves: 1 + 4 + 2 + 1))
    }

    @Test func theCaretShownOrHiddenCostsItsSequence() {
        let a = grid(["abc"], cursor: (0, 0))
        var b = a
        b.cursor = (x: 2, y: 0)
        b.cursorIsCaret = true
        // ESC[2C and ESC[?25h.
        #expect(b.byteFloor(since: a, theme: mono) == ByteFloor(moves: 4, control: 6))
        // CR and ESC[?25l.
        #expect(a.byteFloor(since: b, theme: mono) == ByteFloor(moves: 1, control: 6))
    }

    @Test func aWideCharacterIsWrittenOnce() {
        let a = grid(["abcd"], cursor: (0, 0))
        var b = a
        _ = b.write("世", x: 2, y: 0, style: .normal)
        // "ab" again (2 bytes, cheaper than ESC[2C), the three bytes of 世, CR.
        #expect(b.byteFloor(since: a, theme: mono) == ByteFloor(text: 2 + 3, moves: 1))
    }

    @Test func noPreviousFrameClearsTheScreenFirst() {
        let b = grid(["ab  ", "    "])
        // ESC[H ESC[2J, then "ab" at the home position (the blanks are already there), and ESC[?25l: whether
        // the cursor shows is not known before the first frame.
        #expect(b.byteFloor(since: nil, theme: mono) == ByteFloor(text: 2, control: 7 + 6))
    }

    @Test func colourParametersAreTheShortestForm() {
        let plain = CellAttributes.plain
        #expect(TerminalCost.attributes(from: plain, to: CellAttributes(foreground: .indexed(208))) == 11)
        #expect(TerminalCost.attributes(from: plain, to: CellAttributes(foreground: .brightWhite)) == 5)
        #expect(TerminalCost.attributes(from: plain, to: CellAttributes(background: .blue, bold: true)) == 7)
        // Bold and reverse off, to a colour: ESC[;31m (reset) beats ESC[22;27;31m.
        let boldReverse = CellAttributes(bold: true, reverse: true)
        #expect(TerminalCost.attributes(from: boldReverse, to: CellAttributes(foreground: .red)) == 6)
        // Only reverse off: ESC[27m.
        #expect(TerminalCost.attributes(from: boldReverse, to: CellAttributes(bold: true)) == 5)
    }

    @Test func movesTakeTheCheapestForm() {
        #expect(TerminalCost.move(from: (10, 5), to: (0, 6)) == 2)  // CR LF
        #expect(TerminalCost.move(from: (10, 5), to: (12, 5)) == 4)  // ESC[2C
        #expect(TerminalCost.move(from: (10, 5), to: (9, 5)) == 1)  // BS
        #expect(TerminalCost.move(from: (50, 5), to: (3, 30)) == 7)  // ESC[31;4H
        #expect(TerminalCost.move(from: nil, to: (0, 0)) == 3)  // ESC[H
        #expect(TerminalCost.move(from: (7, 9), to: (7, 8)) == 2)  // ESC M
    }

    /// A step down in the tree at 120×40: the floor counts the new card and the two tree rows, far less than a
    /// repaint and more than the changed cells' characters alone.
    @Test func aNavigationKeyCostsLessThanARepaint() {
        var s = makeState(120, 40)
        let theme = Theme.named(.default, palette: .xterm256)
        let before = App.render(s, width: 120, height: 40)
        s.press(.down)
        let after = App.render(s, width: 120, height: 40)
        let key = after.byteFloor(since: before, theme: theme)
        let repaint = after.byteFloor(since: nil, theme: theme)
        #expect(key.total > 0 && key.total < repaint.total / 3, "\(key) against \(repaint)")
        #expect(key.text <= after.changes(since: before).reduce(0) { $0 + $1.cells.count * 3 })
    }
}
