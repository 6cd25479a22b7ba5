import RCPCore
import Testing

@testable import RCPUI

/// Ctrl-E, Ctrl-Y and the wheel scroll the view a line and leave the selection where it is while it shows (as
/// in vi and a desktop list), so reading down a long list neither changes the card nor moves the bar.
@Suite struct ViewScrollTests {
    /// The zoomed checklist at 120×40 with every heading open, the selection on the 31st row.
    func longChecklist() -> AppState {
        var s = makeState(120, 40)
        s.press(.character("4"), .character("z"), .character("G"))
        for _ in 0..<20 { s.press(.character("l"), .character("k")) }
        s.press(.character("g"))
        for _ in 0..<30 { s.press(.character("j")) }
        return s
    }

    /// The screen's lines without the right-hand column (where the scroll bar's thumb moves).
    func lines(_ grid: Grid) -> [String] {
        grid.plainText().split(separator: "\n", omittingEmptySubsequences: false).map { String($0.dropLast()) }
    }

    @Test func ctrlEMovesTheViewALineAndTheSelectionStays() {
        var s = longChecklist()
        let selected = s.checklistPane.selected, subject = s.card.subject
        let before = App.render(s, width: 120, height: 40)
        let offset = s.checklistPane.offset
        #expect(s.press(.ctrl("e")).isEmpty)
        let after = App.render(s, width: 120, height: 40)
        #expect(s.checklistPane.selected == selected)
        #expect(s.card.subject == subject)
        #expect(s.checklistPane.offset == offset + 1)
        // The list's rows (below the tab bar, the border and the progress line; above the bottom border and
        // the key line) show what the row below them showed; the selection bar went up with its row.
        let a = lines(before), b = lines(after)
        for y in 3..<(40 - 3) { #expect(b[y] == a[y + 1], "row \(y)") }
        #expect(b[38 - 1] != a[38 - 1], "a new line came in at the bottom")
        #expect(after.cursor!.y == before.cursor!.y - 1, "the cursor stays on the selection, a row higher")
        // Ctrl-Y takes it back.
        s.press(.ctrl("y"))
        #expect(lines(App.render(s, width: 120, height: 40)) == a)
        #expect(s.checkInvariants() == [])
    }

    @Test func aOneLineScrollLeavesOneLineToWrite() {
        // What makes hardware scrolling pay: after the terminal scrolls the list's rows by one, only the line that
        // came in (and the scroll bar's column) differs from the new frame.
        var s = longChecklist()
        let before = App.render(s, width: 120, height: 40)
        s.press(.ctrl("e"))
        let after = App.render(s, width: 120, height: 40)
        let a = lines(before), b = lines(after)
        let scrolled = Array(a[0..<3]) + Array(a[4..<38]) + ["(the blank row scrolled in)"] + Array(a[38...])
        let differing = (0..<40).filter { scrolled[$0] != b[$0] }
        #expect(differing == [37])
        let theme = Theme.named(.default, palette: .xterm256)
        #expect(
            after.byteFloorScrolling(since: before, theme: theme).total * 5
                < after.byteFloor(since: before, theme: theme).total)
    }

    @Test func theSelectionIsTakenAlongWhenItWouldLeaveTheScreen() {
        var s = makeState(120, 40)
        s.press(.character("4"), .character("z"), .character("G"))
        for _ in 0..<20 { s.press(.character("l"), .character("k")) }
        s.press(.character("g"))
        // The selection on the first row: the view moves and the selection goes to the new first row.
        let first = s.checklistPane.selected
        s.press(.ctrl("e"))
        #expect(s.checklistPane.selected != first)
        #expect(s.checklistPane.offset == 1)
        #expect(s.checkInvariants() == [])
        // At the top, Ctrl-Y changes nothing.
        s.press(.ctrl("y"))
        let top = App.render(s, width: 120, height: 40).plainText()
        s.press(.ctrl("y"))
        #expect(App.render(s, width: 120, height: 40).plainText() == top)
    }

    @Test func theMatrixScrollsUnderItsCrosshair() {
        var s = makeState(120, 40)
        s.press(.character("3"), .character("z"))
        for _ in 0..<30 { s.press(.down) }
        let party = s.matrix.cursorParty, offset = s.matrix.rowOffset
        #expect(s.press(.ctrl("e")).isEmpty)
        #expect(s.matrix.cursorParty == party)
        #expect(s.matrix.rowOffset == offset + 1)
        #expect(s.checkInvariants() == [])
    }

    @Test func theWheelScrollsTheViewThreeLines() {
        var s = makeState(132, 43)
        let frame = s.layout.frame(of: .matrix)!
        _ = App.update(&s, .mouse(.press, x: frame.content.maxX - 6, y: frame.content.y + 8))
        let party = s.matrix.cursorParty
        #expect(party != nil)
        _ = App.update(&s, .mouse(.wheelDown, x: frame.content.x + 3, y: frame.content.y + 4))
        #expect(s.matrix.cursorParty == party, "the crosshair stays while it shows")
        #expect(s.matrix.rowOffset == 3)
        _ = App.update(&s, .mouse(.wheelUp, x: frame.content.x + 3, y: frame.content.y + 4))
        #expect(s.matrix.rowOffset == 0)
        #expect(s.checkInvariants() == [])
    }

    @Test func aLongCardScrollsALineAtATime() {
        var s = makeState(120, 40)
        s.press(.character("/"))
        s.type("budapest process")
        s.press(.enter, .character("2"), .character("z"))
        let before = lines(App.render(s, width: 120, height: 40))
        s.press(.ctrl("e"))
        let after = lines(App.render(s, width: 120, height: 40))
        #expect(before != after)
        // Rows inside the card moved up by one.
        let moved = (3..<30).filter { after[$0] == before[$0 + 1] }.count
        #expect(moved > 20)
        #expect(s.checkInvariants() == [])
    }
}
