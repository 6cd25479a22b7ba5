import RCPCore
import Testing

@testable import RCPUI

/// The x positions of the cells of row `y` whose text is one of `glyphs`.
func glyphColumns(_ grid: Grid, y: Int, glyphs: Set<String>) -> [Int] {
    (0..<grid.width).filter { glyphs.contains(grid[$0, y].text) }
}

/// The first row of the grid (from `from`) whose text contains `text`.
func row(_ grid: Grid, containing text: String, from: Int = 0) -> Int? {
    (max(0, from)..<grid.height).first { grid.rowText($0).contains(text) }
}

/// The text of the cells styled as search matches, row by row.
func matchedText(_ grid: Grid) -> [String] {
    (0..<grid.height).compactMap { y in
        let t = (0..<grid.width).filter { grid[$0, y].style.role == .match && grid[$0, y].style.underline }
            .map { grid[$0, y].text }.joined()
        return t.isEmpty ? nil : t
    }
}

@Suite struct SearchBehaviourTests {
    @Test func soderkopingHighlightsAndEnterOpensItsCard() {
        var s = makeState(132, 43)
        s.press(.character("/"))
        s.type("soderkoping")
        #expect(s.search?.countLabel.hasPrefix("1/") == true)
        let grid = App.render(s, width: 132, height: 43)
        #expect(matchedText(grid).contains { $0.contains("Söderköping") })
        #expect(grid.rowText(42).contains("Search: soderkoping"))
        s.press(.enter)
        #expect(s.card.subject == .process("soderkoping"))
        // The search started in the tree, which shows the hit: the focus stays there, and the line says so.
        #expect(s.focus == .tree)
        #expect(s.message?.text.contains("— in the tree, the matrix, the card;") == true)
        #expect(s.search?.typing == false)
        #expect(s.tree.selected == .process("soderkoping"))
        // The highlight stays after Enter, in every pane.
        #expect(matchedText(App.render(s, width: 132, height: 43)).count >= 2)
        #expect(s.checkInvariants() == [])
    }

    @Test func turkeyLandsOnItsStateCard() {
        var s = makeState()
        s.press(.character("/"))
        s.type("turkey")
        s.press(.enter)
        #expect(s.card.subject == .party("turkey"))
        #expect(s.focus == .card)
        #expect(s.screen.contains("State: Turkey"))
        #expect(s.matrix.cursorParty == "turkey")
    }

    @Test func ukFindsTheUnitedKingdomFirst() {
        var s = makeState()
        s.press(.character("/"))
        s.type("UK")
        #expect(s.search?.hits.first?.ref == .party("united-kingdom"))
        s.press(.enter)
        #expect(s.card.subject == .party("united-kingdom"))
    }

    @Test func traffickingFindsTopicsAndPractice6() {
        var s = makeState()
        s.press(.character("/"))
        s.type("trafficking")
        let hits = s.search?.hits ?? []
        #expect(hits.contains { $0.kind == .topic })
        #expect(
            hits.contains { hit in
                switch hit.ref {
                case .practice("ep-06"): return true
                case .practiceItem(let id): return id.hasPrefix("ep-06.")
                default: return false
                }
            })
        #expect(s.screen.contains("Hits 1/\(hits.count)"))
    }

    @Test func escapeRestoresTheViewFromBeforeTheSearch() {
        var s = makeState()
        s.press(.down, .down, .character("3"), .down, .down)
        let before = (s.focus, s.card.subject, s.tree.selected, s.matrix.cursorParty)
        s.press(.character("/"))
        s.type("bali")
        #expect(s.card.subject != before.1)
        s.press(.escape)
        #expect(s.search == nil)
        #expect(s.focus == before.0)
        #expect(s.card.subject == before.1)
        #expect(s.tree.selected == before.2)
        #expect(s.matrix.cursorParty == before.3)
        #expect(matchedText(App.render(s, width: 80, height: 24)).isEmpty)
    }

    @Test func backspaceWidensAndCtrlUClears() {
        var s = makeState()
        s.press(.character("/"))
        // Changed with issue 13: "turkeyz" is now corrected to "turkey"; three wrong letters are past correcting.
        s.type("turkeyqqq")
        #expect(s.search?.hits.isEmpty == true)
        #expect(s.screen.contains("No match for “turkeyqqq”"))
        s.press(.backspace, .backspace, .backspace)
        #expect(s.search?.hits.first?.ref == .party("turkey"))
        s.press(.ctrl("u"))
        #expect(s.search?.query == "")
        #expect(s.search?.hits.isEmpty == true)
    }

    @Test func nAndNStepThroughTheHits() {
        var s = makeState()
        s.press(.character("/"))
        s.type("migration")
        s.press(.enter)
        let first = s.card.subject
        s.press(.character("n"))
        #expect(s.search?.selected == 1)
        #expect(s.card.subject != first)
        s.press(.character("N"))
        #expect(s.search?.selected == 0)
        #expect(s.card.subject == first)
        // Esc after Enter clears the highlight and keeps the view.
        s.press(.escape)
        #expect(s.search == nil)
        #expect(s.card.subject == first)
    }

    @Test func typedLettersAreNotCommands() {
        var s = makeState()
        s.press(.character("/"))
        let effects = s.type("qzp")
        #expect(effects.isEmpty)
        #expect(s.search?.query == "qzp")
        #expect(!s.zoomed && !s.presentation)
    }
}

@Suite struct FilterBehaviourTests {
    @Test func aStateKeepsItsRow() {
        var s = makeState(132, 43)
        s.press(.character("f"))
        s.type("turkey")
        let view = s.matrix.view(s.context(.matrix))
        #expect(view.rows.map(\.party.id) == ["turkey"])
        #expect(view.columns.count == 13)
        // The tree keeps the regions of Turkey's processes.
        let processes = s.tree.rows(s.env).compactMap { row -> String? in
            if case .process(let id) = row.node { return id } else { return nil }
        }
        #expect(Set(processes) == Set(catalog.participations(of: "turkey").map(\.process.id)))
        s.press(.enter)
        #expect(s.filter?.typing == false)
        #expect(s.screen.contains("filter “turkey”"))
        s.press(.escape)
        #expect(s.filter == nil)
        #expect(s.matrix.view(s.context(.matrix)).rows.count > 100)
    }

    @Test func aProcessKeepsItsColumn() {
        var s = makeState(132, 43)
        s.press(.character("f"))
        s.type("bali")
        let view = s.matrix.view(s.context(.matrix))
        // Bali by its name, and Budapest because its status notes the joint workshop with the Bali Process.
        #expect(view.columns.map(\.id) == ["budapest", "bali"])
        #expect(view.rows.allSatisfy { row in row.cells.contains { !$0.isEmpty } })
        #expect(s.tree.rows(s.env).contains { $0.node == .process("bali") })
        #expect(s.checkInvariants() == [])
    }

    @Test func nothingMatchingSaysSo() {
        var s = makeState()
        s.press(.character("f"))
        s.type("zzzz")
        #expect(s.screen.contains("Nothing in the tree"))
        #expect(s.screen.contains("0 in tree, 0×0 matrix"))
        #expect(s.checkInvariants() == [])
    }
}

@Suite struct HelpBehaviourTests {
    @Test func helpListsEveryBindingOfTheTable() {
        // Tall enough for the whole list at once (it grows with the key table).
        let height = HelpView.lines("", ascii: false, width: 86).count + 12
        var s = makeState(200, height)
        s.press(.character("?"))
        // The text inside the help box, rows joined, runs of spaces collapsed (descriptions wrap).
        let grid = App.render(s, width: 200, height: height)
        let box = HelpView.box(s.layout.screen).inset(dx: 1, dy: 1)
        let text = (box.y..<box.maxY).map { y in
            (box.x..<box.maxX).filter { !grid[$0, y].isContinuation }.map { grid[$0, y].text }.joined()
        }.joined(separator: " ")
        let screen = text.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        for b in KeyBindings.table {
            #expect(screen.contains(b.description), "help lacks: \(b.description)")
            #expect(screen.contains(KeyBindings.keyLabel(b)), "help lacks keys \(KeyBindings.keyLabel(b))")
        }
    }

    @Test func typingNarrowsTheHelp() {
        var s = makeState()
        s.press(.character("?"))
        s.type("zoom")
        let screen = s.screen
        #expect(screen.contains("zoom: the focused pane full screen"))
        #expect(!screen.contains("quit rcpx"))
        s.press(.escape)
        #expect(s.overlay == nil)
    }

    @Test func escapeNeverQuits() {
        var s = makeState()
        for _ in 0..<5 { #expect(s.press(.escape).isEmpty) }
        s.press(.character("?"))
        #expect(s.press(.escape).isEmpty)
        #expect(s.press(.character("q")) == [.quit])
    }
}

@Suite struct NavigationBehaviourTests {
    @Test func tabAndNumbersMoveTheFocus() {
        var s = makeState()
        #expect(s.focus == .tree)
        s.press(.tab); #expect(s.focus == .card)
        s.press(.tab); #expect(s.focus == .matrix)
        s.press(.backTab); #expect(s.focus == .card)
        s.press(.character("4")); #expect(s.focus == .checklist)
        s.press(.character("1")); #expect(s.focus == .tree)
        // At 80×24 the tree shares the screen with the last other pane.
        #expect(s.layout.panes.map(\.pane) == [.tree, .checklist])
    }

    @Test func treeMovesTheCardAndCollapses() {
        var s = makeState()
        s.press(.down)
        #expect(s.tree.selected == .process("igc"))
        #expect(s.card.subject == .process("igc"))
        s.press(.left)  // to the parent
        #expect(s.tree.selected == .region("europe-fsu"))
        s.press(.left)  // collapse
        #expect(!s.tree.expanded.contains(.region("europe-fsu")))
        s.press(.down)
        #expect(s.tree.selected == .region("americas"))
        s.press(.character("G"))
        #expect(s.tree.selected == s.tree.rows(s.env).last?.node)
        s.press(.enter)  // the global group's last mechanism or event: expand or open
        #expect(s.checkInvariants() == [])
    }

    @Test func cardLinksOpenAndBackReturns() {
        var s = makeState()
        s.press(.down, .down)  // Budapest
        s.press(.character("2"))
        let card = s.card.layout(s.context(.card))
        guard let turkeyLine = card.lines.firstIndex(where: { $0.link == .party("turkey") }) else {
            Issue.record("no Turkey line"); return
        }
        for _ in 0..<100 where s.card.cursor != turkeyLine { s.press(.down) }
        #expect(s.card.cursor == turkeyLine)
        s.press(.enter)
        #expect(s.card.subject == .party("turkey"))
        s.press(.backspace)
        #expect(s.card.subject == .process("budapest"))
        s.press(.character("]"))
        #expect(s.card.subject == .party("turkey"))
    }

    @Test func matrixCursorUpdatesTheCard() {
        var s = makeState(132, 43)
        s.press(.character("3"))
        s.press(.down)
        #expect(s.card.subject == .party(s.matrix.cursorParty!))
        s.press(.character("g"), .up)  // onto the header row
        #expect(s.matrix.cursorParty == nil)
        #expect(s.card.subject == .process("igc"))
        s.press(.right)
        #expect(s.card.subject == .process("budapest"))
        s.press(.character("s"))
        #expect(s.matrix.sort == .count)
        s.press(.down)
        #expect(s.matrix.cursorParty == s.matrix.view(s.context(.matrix)).rows.first?.party.id)
        s.press(.character("o"))
        #expect(s.matrix.rowKind == .organizations)
        #expect(s.matrix.view(s.context(.matrix)).rows.allSatisfy { $0.party.kind == .organization })
    }

    @Test func regionLimitFollowsTheTree() {
        var s = makeState(132, 43)
        s.press(.character("G"))
        s.press(.character("1"))
        // Select the Africa region in the tree.
        for _ in 0..<60 where s.tree.selected != .region("africa") { s.press(.up) }
        s.press(.character("3"), .character("r"))
        let view = s.matrix.view(s.context(.matrix))
        #expect(view.columns.map(\.id) == ["midsa", "midwa"])
        #expect(s.screen.contains("Africa"))
    }

    @Test func zoomPresentationAndTheTheme() {
        var s = makeState()
        s.press(.character("z"))
        #expect(s.layout.kind == .zoomed)
        s.press(.character("p"))
        #expect(s.layout.kind == .presentation)
        #expect(s.effectiveTheme == .highContrast)
        s.press(.escape)
        #expect(s.layout.kind == .zoomed)
        s.press(.escape)
        #expect(s.layout.kind == .compact)
        var mono = makeState(theme: .monochrome)
        mono.press(.character("p"))
        #expect(mono.effectiveTheme == .monochrome)
    }

    @Test func copyAndMouseEffects() {
        var s = makeState()
        s.press(.character("/")); s.type("turkey"); s.press(.enter)
        let copied = s.press(.character("y"))
        guard case .copyToClipboard(let text)? = copied.first else { Issue.record("no copy"); return }
        #expect(text.hasPrefix("Turkey\n"))
        #expect(text.contains("Budapest"))
        // In the tree, y copies the name of the selected row.
        s.press(.character("1"))
        let row = try? #require(s.tree.selected)
        let name = row.map { TreeModel.names($0, catalog).first ?? "" } ?? ""
        #expect(!name.isEmpty)
        #expect(s.press(.character("y")) == [.copyToClipboard(name)])
        #expect(s.press(.character("m")) == [.setMouseCapture(false)])
        #expect(s.press(.character("m")) == [.setMouseCapture(true)])
    }

    @Test func mouseClicksSelectAndTheWheelScrolls() {
        var s = makeState(132, 43)
        let grid = App.render(s, width: 132, height: 43)
        guard let y = row(grid, containing: "Söderköping") else { Issue.record("no Söderköping"); return }
        _ = App.update(&s, .mouse(.press, x: 10, y: y))
        #expect(s.tree.selected == .process("soderkoping"))
        let frame = s.layout.frame(of: .matrix)!
        _ = App.update(&s, .mouse(.press, x: frame.content.maxX - 6, y: frame.content.y + 4))
        #expect(s.focus == .matrix)
        #expect(s.matrix.cursorParty != nil)
        let before = s.matrix.cursorParty
        _ = App.update(&s, .mouse(.wheelDown, x: frame.content.x + 3, y: frame.content.y + 4))
        #expect(s.matrix.cursorParty != before)
        _ = App.update(&s, .mouse(.press, x: s.tabRanges(s.layout)[3].lowerBound + 1, y: 0))
        #expect(s.focus == .checklist)
        #expect(s.checkInvariants() == [])
    }

    @Test func theHardwareCursorRestsOnTheSelection() {
        var s = makeState()
        s.press(.down, .down)
        let grid = App.render(s, width: 80, height: 24)
        guard let y = row(grid, containing: "2 Budapest") else { Issue.record("no Budapest"); return }
        #expect(grid.cursor?.y == y)
        s.press(.character("/"))
        let g2 = App.render(s, width: 80, height: 24)
        #expect(g2.cursor?.y == 23)
    }
}

@Suite struct AlignmentTests {
    @Test func wideAndCombinedNamesAlignTheMatrixColumns() {
        var s = makeState(132, 43)
        s.press(.character("3"))
        // Bring Côte d'Ivoire into view by moving down to it.
        for _ in 0..<200 where s.matrix.cursorParty != "cote-d-ivoire" { s.press(.down) }
        let grid = App.render(s, width: 132, height: 43)
        let glyphs: Set<String> = ["·", "●", "○", "◇", "★", "◆", "■"]
        let top = s.layout.frame(of: .matrix)!.frame.y
        guard let cote = row(grid, containing: "Côte d'Ivoire", from: top),
            let reference = row(grid, containing: "Costa Rica", from: top)
        else {
            Issue.record("rows not on screen:\n\(grid.plainText())")
            return
        }
        #expect(glyphColumns(grid, y: cote, glyphs: glyphs) == glyphColumns(grid, y: reference, glyphs: glyphs))
        #expect(glyphColumns(grid, y: cote, glyphs: glyphs).count == 13)
    }

    @Test func soderkopingAlignsInTheTree() {
        let grid = App.render(makeState(132, 43), width: 132, height: 43)
        guard let ya = row(grid, containing: "Söderköping"), let yb = row(grid, containing: "1 IGC") else {
            Issue.record("rows not on screen"); return
        }
        let a = grid.rowText(ya), b = grid.rowText(yb)
        // The member counts end in the same column.
        func endOfCount(_ line: String) -> Int {
            let head = line.prefix { $0 != "│" && $0 != "┃" || line.first == $0 }
            _ = head
            let chars = Array(line)
            var i = 1
            while i < chars.count, chars[i] != "│" && chars[i] != "┃" && chars[i] != "█" { i += 1 }
            return TextWidth.of(String(chars[0..<i]))
        }
        #expect(endOfCount(a) == endOfCount(b))
        #expect(TextWidth.of(a) == 132)
    }
}

@Suite struct SizeTests {
    @Test func everySmallSizeRendersAnExactGrid() {
        var s = makeState()
        for w in 0...20 {
            for h in 0...10 {
                _ = App.update(&s, .resize(width: w, height: h))
                let grid = App.render(s, width: w, height: h)
                #expect(grid.width == w && grid.height == h && grid.cells.count == w * h)
                #expect(s.checkInvariants() == [], "\(w)x\(h)")
            }
        }
    }

    @Test func everySizeUpToWideKeepsTheRules() {
        var s = makeState()
        s.press(.character("3"), .down, .down)
        for (w, h) in [
            (39, 10), (40, 9), (40, 10), (59, 24), (60, 24), (80, 24), (119, 40), (120, 29), (120, 30), (132, 43),
            (250, 80),
        ] {
            _ = App.update(&s, .resize(width: w, height: h))
            let grid = App.render(s, width: w, height: h)
            #expect(grid.width == w && grid.height == h)
            #expect(s.checkInvariants() == [], "\(w)x\(h)")
            if w >= 40 && h >= 10 { #expect(!grid.plainText().contains("too small")) }
            // No row is wider than the screen (display width per cell is consistent).
            for y in 0..<h { #expect(TextWidth.of(grid.rowText(y)) == w, "row \(y) at \(w)x\(h)") }
        }
    }

    @Test func narrowTabBarsUseShortWordsThenNumbers() {
        let wide = App.render(makeState(80, 24), width: 80, height: 24).rowText(0)
        #expect(wide.hasPrefix("[1 Regions]  2 Card   3 Matrix   4 Checklist   5 Map   6 Time line"))
        let mid = App.render(makeState(60, 20), width: 60, height: 20).rowText(0)
        #expect(mid.hasPrefix("[1 Tree]  2 Card   3 Matrix   4 List   5 Map   6 Time"))
        // Every pane keeps a tab, whatever the width.
        let narrow = App.render(makeState(40, 10), width: 40, height: 10).rowText(0)
        #expect(narrow.hasPrefix("[1]  2   3   4   5   6"))
    }

    @Test func tooSmallSaysWhatIsNeeded() {
        let s = makeState(39, 12)
        #expect(s.screen.contains("need 40×10, have 39×12"))
    }

    @Test func asciiModeDrawsOnlyASCII() {
        var s = makeState(132, 43, ascii: true)
        #expect(s.screen.allSatisfy { $0.isASCII })
        s.press(.character("/")); s.type("cote")
        #expect(s.screen.allSatisfy { $0.isASCII })
        s.press(.enter)
        #expect(s.screen.contains("Cote d'Ivoire"))
        s.press(.character("?"))
        #expect(s.screen.allSatisfy { $0.isASCII })
    }
}

@Suite struct PropertyTests {
    /// A few thousand random events: the rules hold after each, and every frame has the exact size.
    @Test func randomEventsKeepTheInvariants() {
        var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            return Int((rng >> 33) % UInt64(n))
        }
        let keys: [Key] =
            [
                .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape, .tab, .backTab,
                .backspace, .delete, .ctrl("u"), .ctrl("w"), .character(" "),
            ]
            + "jkhlgG1234/fnNyzpmosr?[]eqcRwDtu".map { Key.character($0) }
        var s = makeState()
        let checklist = Checklist(name: "Fuzz", created: "2026-01-01T00:00:00Z")
        _ = App.update(&s, .checklistOpened(checklist))
        for i in 0..<3000 {
            let event: InputEvent
            switch next(24) {
            case 0: event = .resize(width: next(160), height: next(60))
            case 1: event = .mouse([.press, .wheelUp, .wheelDown, .release][next(4)], x: next(160), y: next(60))
            case 2:
                event =
                    [
                        .checklistOpened(checklist), .checklistFailed("disk full"), .checklistDeleted(name: "Fuzz"),
                        .checklistsListed(names: ["Fuzz", "Other"], problems: []),
                    ][next(4)]
            case 3: event = .checklistSaved(s.checklist ?? checklist, mergedForeignChanges: next(2) == 0)
            default: event = .key(keys[next(keys.count)])
            }
            _ = App.update(&s, event)
            let broken = s.checkInvariants()
            #expect(broken.isEmpty, "after event \(i) \(event): \(broken)")
            if !broken.isEmpty { break }
            if i % 25 == 0 {
                let grid = App.render(s, width: s.width, height: s.height)
                #expect(grid.cells.count == s.width * s.height)
            }
        }
    }
}
