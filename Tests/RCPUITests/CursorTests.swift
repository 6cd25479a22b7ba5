import Testing
@testable import RCPUI

/// The hardware cursor keeps its place for magnifiers and screen readers, but the terminal shows it only as
/// the caret of a text field: never over a letter of the selection or in the highlight bar.
@Suite struct CursorTests {
    static func grid(_ s: AppState) -> Grid { App.render(s, width: s.width, height: s.height) }

    /// The text of row `y` left of column `x` (one cell per column; the rows checked here are ASCII).
    static func textBefore(_ g: Grid, x: Int, y: Int) -> String {
        (0..<x).map { g[$0, y].text }.joined()
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func onTheSelectionTheCursorIsAPositionOnly(_ size: (Int, Int)) {
        var s = makeState(size.0, size.1)
        let g = Self.grid(s)
        let c = try! #require(g.cursor)
        #expect(!g.cursorIsCaret)
        #expect(g[c.x, c.y].style.role == .selection || g[c.x, c.y].style.reverse, "cursor off the selection:\n\(g.styleMap())")
        s.press(.down)
        let moved = Self.grid(s)
        #expect(moved.cursor?.y == c.y + 1)
        #expect(!moved.cursorIsCaret)
    }

    @Test func presentationModeHidesTheCursor() {
        var s = makeState(132, 43)
        s.type("p")
        #expect(s.presentation)
        let g = Self.grid(s)
        #expect(g.cursor != nil)
        #expect(!g.cursorIsCaret)
    }

    @Test func searchShowsTheCaretAfterTheTypedText() {
        var s = makeState(100, 30)
        s.type("/bali")
        let g = Self.grid(s)
        let c = try! #require(g.cursor)
        #expect(g.cursorIsCaret)
        #expect(c.y == g.height - 1)
        #expect(Self.textBefore(g, x: c.x, y: c.y).hasSuffix("Search: bali"), "\(Self.textBefore(g, x: c.x, y: c.y))")
        s.press(.escape)
        #expect(!Self.grid(s).cursorIsCaret)
    }

    @Test func filterAndJumpShowTheCaret() {
        var s = makeState(100, 30)
        s.type("fasyl")
        var g = Self.grid(s)
        #expect(g.cursorIsCaret)
        #expect(g.cursor.map { Self.textBefore(g, x: $0.x, y: $0.y).hasSuffix("Filter: asyl") } == true)
        s.press(.enter)
        #expect(!Self.grid(s).cursorIsCaret, "filter kept: back to the panes")
        s.press(.escape)
        s.type("'bu")
        g = Self.grid(s)
        #expect(g.cursorIsCaret)
        #expect(g.cursor.map { Self.textBefore(g, x: $0.x, y: $0.y).hasSuffix("Jump: bu") } == true)
        s.press(.escape)
        #expect(!Self.grid(s).cursorIsCaret)
    }

    @Test func helpNarrowingAndPromptsShowTheCaret() {
        var s = makeState(100, 30)
        s.type("?zoom")
        var g = Self.grid(s)
        #expect(g.cursorIsCaret)
        #expect(g.cursor.map { Self.textBefore(g, x: $0.x, y: $0.y).hasSuffix("Narrow: zoom") } == true)
        s.press(.escape)
        #expect(!Self.grid(s).cursorIsCaret)
        s.overlay = .prompt(Prompt(purpose: .newChecklist, title: "New checklist", editor: LineEditor(limit: 120)))
        s.type("Ghana")
        g = Self.grid(s)
        #expect(g.cursorIsCaret)
        #expect(g.cursor.map { Self.textBefore(g, x: $0.x, y: $0.y).hasSuffix("> Ghana") } == true)
    }

    @Test func clearingTheCursorClearsTheCaret() {
        var g = Grid(width: 4, height: 2)
        g.cursor = (1, 1)
        g.cursorIsCaret = true
        g.cursor = nil
        #expect(!g.cursorIsCaret)
        #expect(g.styleMap().hasSuffix("cursor hidden"))
        g.cursor = (2, 0)
        #expect(g.styleMap().hasSuffix("cursor 2,0"))
        g.cursorIsCaret = true
        #expect(g.styleMap().hasSuffix("caret 2,0"))
    }
}
