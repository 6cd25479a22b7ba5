import Testing

@testable import RCPUI

/// The hardware cursor keeps its place for magnifiers and screen readers, but the terminal shows it only as
/// the caret of a text field: never over a letter of the selection or in the highlight bar.
@Suite struct CursorTests {
    static func grid(_ s: AppState) -> Grid { App.render(s, width: s.width, height: s.height) }

    /// The text of row `y` left of column `x` (one cell per column; the rows checked here are ASCII).
    /// Typing `keys` opens a text field with its caret after `text`; Esc closes it and hides the cursor again.
    static func expectCaretUntilEscape(
        _ s: inout AppState, typing keys: String, after text: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        s.type(keys)
        expectCaret(s, after: text, sourceLocation: sourceLocation)
        s.press(.escape)
        #expect(!grid(s).cursorIsCaret, "a hidden cursor after Esc", sourceLocation: sourceLocation)
    }

    /// The cursor is a visible caret right after `text` (a text field's insertion point).
    static func expectCaret(_ s: AppState, after text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let g = grid(s)
        #expect(g.cursorIsCaret, "no caret after “\(text)”", sourceLocation: sourceLocation)
        #expect(
            g.cursor.map { textBefore(g, x: $0.x, y: $0.y).hasSuffix(text) } == true,
            "the caret is not after “\(text)”", sourceLocation: sourceLocation)
    }

    static func textBefore(_ g: Grid, x: Int, y: Int) -> String {
        (0..<x).map { g[$0, y].text }.joined()
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func onTheSelectionTheCursorIsAPositionOnly(_ size: (Int, Int)) {
        var s = makeState(size.0, size.1)
        let g = Self.grid(s)
        let c = try! #require(g.cursor)
        #expect(!g.cursorIsCaret)
        #expect(
            g[c.x, c.y].style.role == .selection || g[c.x, c.y].style.reverse,
            "cursor off the selection:\n\(g.styleMap())")
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
        Self.expectCaret(s, after: "Filter: asyl")
        s.press(.enter)
        #expect(!Self.grid(s).cursorIsCaret, "filter kept: back to the panes")
        s.press(.escape)
        Self.expectCaretUntilEscape(&s, typing: "'bu", after: "Jump: bu")
    }

    @Test func helpNarrowingAndPromptsShowTheCaret() {
        var s = makeState(100, 30)
        Self.expectCaretUntilEscape(&s, typing: "?zoom", after: "Narrow: zoom")
        s.overlay = .prompt(Prompt(purpose: .newChecklist, title: "New checklist", editor: LineEditor(limit: 120)))
        s.type("Ghana")
        Self.expectCaret(s, after: "> Ghana")
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
