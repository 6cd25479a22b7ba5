import RCPCore
import Testing

@testable import RCPUI

/// The search box's hit list (issue 13): as wide as the screen less a margin, kind, highlighted title and
/// where the hit lives, cut with "…" at 80×24, and "showing results for …" after a corrected typo.
@Suite struct SearchHitListTests {
    static let scenarios: [SnapshotTests.Scenario] = [
        SnapshotTests.Scenario(name: "search-hits") { s in
            s.press(.character("/")); s.type("trafficking")
        },
        SnapshotTests.Scenario(name: "search-hits-corrected") { s in
            s.press(.character("/")); s.type("budapset")
        },
        SnapshotTests.Scenario(name: "search-hits-words") { s in
            s.press(.character("/")); s.type("idp")
        },
    ]

    @Test(arguments: scenarios, [(80, 24), (200, 60)])
    func hitList(_ scenario: SnapshotTests.Scenario, _ size: (Int, Int)) {
        var s = makeState(size.0, size.1)
        scenario.steps(&s)
        let grid = App.render(s, width: size.0, height: size.1)
        #expect(s.checkInvariants() == [])
        assertSnapshot(grid.plainText(), named: "\(scenario.name)-\(size.0)x\(size.1)")
    }

    @Test func theListUsesTheWidthAndShowsWhereEachHitLives() {
        var s = makeState(200, 60)
        s.press(.character("/"))
        s.type("trafficking")
        let lines = s.screen.split(separator: "\n").map(String.init)
        let hitRows = lines.filter { $0.contains("topic of") }
        #expect(!hitRows.isEmpty)
        // The box spans the screen less a margin of one column on each side.
        let border = lines.first { $0.contains("Hits ") }!
        #expect(border.hasPrefix(" ┏") && border.hasSuffix("┓ ") && TextWidth.of(border) == 200)
        #expect(hitRows.allSatisfy { !$0.contains("…") }, "nothing is cut at 200 columns")
        // At 80 columns the long titles are cut with "…" and the rows still fit.
        var small = makeState(80, 24)
        small.press(.character("/"))
        small.type("trafficking")
        #expect(small.screen.contains("…"))
        #expect(small.screen.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 80 })
    }

    @Test func theMatchedWordsOfTheTitleAreHighlighted() throws {
        var s = makeState(120, 40)
        s.press(.character("/"))
        s.type("dialogue west")
        let grid = App.render(s, width: 120, height: 40)
        let lines = grid.plainText().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let y = try #require(
            lines.firstIndex { $0.contains("Migration Dialogue for West Africa") && $0.contains("process") })
        let row = Array(lines[y])
        let start = try #require((0..<row.count).first { String(row[$0..<min(row.count, $0 + 8)]) == "Dialogue" })
        #expect((start..<start + 8).allSatisfy { grid[$0, y].style.role == .match }, "“Dialogue” highlighted")
        let migration = try #require((0..<row.count).first { String(row[$0..<min(row.count, $0 + 9)]) == "Migration" })
        #expect(grid[migration, y].style.role != .match, "“Migration” is not a word of the query")
    }

    @Test func theExplorerAndTheCommandLineGiveTheSameOrder() {
        // `rcpx search` calls Catalog.searchResult; the explorer's box types into a SearchSession.
        for query in ["trafficking budapest", "west africa", "intl org", "budapset", "cote", "bali", "kind:state sen"] {
            var s = makeState(120, 40)
            s.press(.character("/"))
            s.type(query)
            let expected = catalog.searchResult(query, limit: 200)
            #expect(s.search?.hits == expected.hits, "\(query)")
            #expect(s.search?.correctedQuery == expected.correctedQuery, "\(query)")
        }
    }

    @Test func aCorrectionIsShownAndAFilterProblemExplained() {
        var s = makeState(80, 24)
        s.press(.character("/"))
        s.type("budapset")
        #expect(s.screen.contains("showing results for “budapest”"))
        var t = makeState(80, 24)
        t.press(.character("/"))
        t.type("bali kind:planet")
        #expect(t.screen.contains("No kind “planet”"))
    }
}
