import RCPCore
import Testing

@testable import RCPUI

/// `Grid.mergingBlankGaps`: short runs of blanks take their neighbours' look where the difference cannot
/// show, so the terminal is sent fewer attribute changes and the screen looks the same.
@Suite struct BlankGapsTests {
    let theme = Theme.named(.default, palette: .xterm256)
    let dim = Style(.dim), normal = Style.normal

    func grid(_ parts: [(String, Style)], width: Int = 20) -> Grid {
        var g = Grid(width: width, height: 1)
        var x = 0
        for (text, style) in parts {
            for ch in text {
                g[x, 0] = Cell(String(ch), style: style)
                x += 1
            }
        }
        return g
    }

    func styles(_ g: Grid) -> [StyleRole] { (0..<g.width).map { g[$0, 0].style.role } }

    @Test func blanksBetweenTwoDotsOfOneLookTakeIt() {
        let g = grid([("·", dim), ("     ", normal), ("·", dim), ("  ", normal), ("x", normal)])
        let merged = g.mergingBlankGaps(theme: theme)
        #expect(Array(styles(merged)[0..<7]) == Array(repeating: .dim, count: 7))
        // Between a dim dot and plain text: nothing to gain, kept.
        #expect(styles(merged)[7] == .normal)
        #expect(merged.plainText() == g.plainText())
    }

    @Test func whatShowsOnABlankIsNeverChanged() {
        // Underlined or reversed neighbours would draw a line or a bar across the gap.
        let underlined = Style(.crosshair)
        let reversed = Style(.selection)
        for style in [underlined, reversed] {
            let g = grid([("a", style), ("  ", normal), ("b", style)])
            #expect(g.mergingBlankGaps(theme: theme) == g)
        }
        // Blanks in reverse are a bar: they keep their look between plain letters.
        let bar = grid([("a", normal), ("  ", reversed), ("b", normal)])
        #expect(bar.mergingBlankGaps(theme: theme) == bar)
        // A different background shows.
        let status = Style(.statusBar)
        let g = grid([("a", dim), ("  ", status), ("b", dim)])
        #expect(g.mergingBlankGaps(theme: theme) == g)
    }

    @Test func longAndTrailingRunsKeepTheirLook() {
        // A trailing run can be erased to the end of the line only in the plain look; a long one is skipped.
        let trailing = grid([("a", dim), ("   ", normal)], width: 4)
        #expect(trailing.mergingBlankGaps(theme: theme) == trailing)
        let long = grid([("a", dim), (String(repeating: " ", count: Grid.longestMergedGap + 1), normal), ("b", dim)])
        #expect(long.mergingBlankGaps(theme: theme) == long)
        let longest = grid([("a", dim), (String(repeating: " ", count: Grid.longestMergedGap), normal), ("b", dim)])
        #expect(longest.mergingBlankGaps(theme: theme) != longest)
    }

    @Test func everyScreenLooksTheSameAndTheMatrixCostsLess() {
        // Every cell of real screens: a cell that changed is a blank whose visible look did not.
        var s = makeState(120, 40)
        var screens = [App.render(s, width: 120, height: 40)]
        for keys in [["3", "z"], ["z", "4", "z", "l"], ["z", "5"], ["6"], ["2"]] {
            for k in keys { s.press(.character(k.first!)) }
            screens.append(App.render(s, width: 120, height: 40))
        }
        for g in screens {
            let m = g.mergingBlankGaps(theme: theme)
            #expect(m.plainText() == g.plainText())
            for i in g.cells.indices where g.cells[i] != m.cells[i] {
                let a = theme.attributes(for: g.cells[i].style), b = theme.attributes(for: m.cells[i].style)
                #expect(g.cells[i].text == " ")
                #expect(a.background == b.background && a.reverse == b.reverse && a.underline == b.underline)
            }
        }
        // The zoomed matrix (screens[1]): along its rows of dots and glyphs, far fewer changes of look.
        func changesOfLook(_ g: Grid) -> Int {
            var n = 0
            for y in 0..<g.height {
                for x in 1..<g.width
                where theme.attributes(for: g[x, y].style) != theme.attributes(for: g[x - 1, y].style) {
                    n += 1
                }
            }
            return n
        }
        let matrix = screens[1]
        #expect(changesOfLook(matrix.mergingBlankGaps(theme: theme)) * 10 < changesOfLook(matrix) * 7)
    }
}
