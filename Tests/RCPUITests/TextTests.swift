import Testing

@testable import RCPUI

@Suite struct TextWidthTests {
    @Test func widthsPerGrapheme() {
        #expect(TextWidth.of("Söderköping") == 11)
        #expect(TextWidth.of("So\u{0308}derko\u{0308}ping") == 11)  // NFD: combining marks take no column
        #expect(TextWidth.of("Côte d’Ivoire") == 13)
        #expect(TextWidth.of("日本") == 4)
        #expect(TextWidth.of("👍") == 2)
        #expect(TextWidth.of("❤️") == 2)  // text-default symbol with the emoji presentation selector
        #expect(TextWidth.of("a\u{7}b") == 2)  // a control takes nothing
        #expect(TextWidth.of("") == 0)
    }

    @Test func truncatesByCharacterWithAnEllipsis() {
        #expect(TextWidth.truncate("Söderköping Process", width: 12) == "Söderköping…")
        #expect(TextWidth.truncate("Söderköping", width: 11) == "Söderköping")
        #expect(TextWidth.truncate("日本語", width: 4) == "日…")
        #expect(TextWidth.truncate("abcdef", width: 4, ellipsis: "~") == "abc~")
        #expect(TextWidth.truncate("abc", width: 0) == "")
        #expect(TextWidth.pad("Côte d’Ivoire", width: 15) == "Côte d’Ivoire  ")
        #expect(TextWidth.padLeft("7", width: 3) == "  7")
    }

    @Test func asciiFoldKeepsCase() {
        #expect(ASCIIFold.fold("Côte d’Ivoire") == "Cote d'Ivoire")
        #expect(ASCIIFold.fold("Söderköping – “Process”…") == "Soderkoping - \"Process\"...")
        #expect(ASCIIFold.fold("ŁÓDŹ Ærø") == "LODZ AEro")
        #expect(ASCIIFold.fold("日本").allSatisfy { $0.isASCII })
    }
}

@Suite struct WrapTests {
    @Test func wrapsAtSpacesWithHangingIndent() {
        let rows = Wrap.lines("the quick brown fox jumps over", width: 12, firstIndent: 0, hangingIndent: 2).map(
            \.plain)
        #expect(rows == ["the quick", "  brown fox", "  jumps over"])
    }

    @Test func cutsWordsLongerThanARow() {
        let rows = Wrap.lines("Söderköpingprocess", width: 6).map(\.plain)
        #expect(rows == ["Söderk", "öpingp", "rocess"])
        #expect(rows.allSatisfy { TextWidth.of($0) <= 6 })
    }

    @Test func keepsStylesAndBreaksLines() {
        let rows = Wrap.lines([Span("bold ", .heading), Span("plain\nnext")], width: 20)
        #expect(rows.map(\.plain) == ["bold plain", "next"])
        #expect(rows[0].first?.style == .heading)
    }

    @Test func neverEmpty() {
        #expect(Wrap.lines("", width: 5).count == 1)
        #expect(Wrap.lines("abc", width: 0).count == 1)
    }
}

@Suite struct GridWritingTests {
    @Test func writesClippedToTheArea() {
        var grid = Grid(width: 10, height: 2)
        let end = grid.write("hello world", x: 2, y: 0, clip: Rect(x: 2, y: 0, width: 5, height: 1))
        #expect(grid.rowText(0) == "  hello   ")
        #expect(end == 13)
        grid.write("x", x: 0, y: 5)  // outside: ignored
        grid.write("y", x: -3, y: 1)
        #expect(grid.plainText() == "  hello   \n          ")
    }

    @Test func wideCharactersStayWhole() {
        var grid = Grid(width: 5, height: 1)
        grid.write("日本語", x: 0, y: 0)
        #expect(grid.rowText(0) == "日本 ")  // the third would straddle the edge: a blank instead
        grid.write("a", x: 1, y: 0)  // over the second half of 日
        #expect(grid.rowText(0) == " a本 ")
        #expect(grid.cells.filter(\.isContinuation).count == 1)
    }

    @Test func asciiOnlyTransliterates() {
        var grid = Grid(width: 20, height: 1, asciiOnly: true)
        grid.write("Côte d’Ivoire ● …", x: 0, y: 0)
        #expect(grid.rowText(0).allSatisfy { $0.isASCII })
        #expect(grid.rowText(0).hasPrefix("Cote d'Ivoire M ..."))
    }
}

@Suite struct LineEditorTests {
    @Test func editsLikeAShell() {
        var e = LineEditor("Söderköping")
        e.left(); e.left()
        e.insert("X")
        #expect(e.text == "SöderköpiXng")
        e.deleteForward()
        #expect(e.text == "SöderköpiXg")
        e.home(); e.deleteBackward()
        #expect(e.text == "SöderköpiXg")
        e.end(); e.deleteBackward()
        #expect(e.text == "SöderköpiX")
        e.set("hello big world")
        e.deleteWord()
        #expect(e.text == "hello big ")
        e.left(); e.left()
        e.clearToStart()
        #expect(e.text == "g ")
        #expect(e.caret == 0)
    }

    @Test func rendersWithTheCaretInView() {
        var grid = Grid(width: 10, height: 1)
        let e = LineEditor(String(repeating: "a", count: 30))
        let caret = e.render(&grid, Rect(x: 0, y: 0, width: 10, height: 1), prompt: "/")
        #expect(caret == 8)
        #expect(grid.rowText(0) == "/aaaaaaa  ")
    }
}
