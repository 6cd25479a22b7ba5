import RCPCore
import Testing

@testable import RCPUI

/// Wrong answers found by the user trial (issue "Right answers, nothing lost"), each pinned by what a user sees.
@Suite struct FilterMatchesTopicsTests {
    /// The processes whose names, topics, priorities or status mention `word`, computed here independently of
    /// the filter from the raw data.
    func processesMentioning(_ word: String) -> Set<String> {
        Set(
            catalog.processes.filter { p in
                ([p.name, p.shortName] + p.aliases + p.topics.map(\.label) + p.priorities + p.status)
                    .contains { $0.lowercased().contains(word) }
            }.map(\.id))
    }

    @Test func traffickingKeepsEveryProcessThatDiscussesIt() {
        let expected = processesMentioning("traffick")
        #expect(expected.count >= 12, "the paper's processes discussing trafficking")
        #expect(
            expected.isSuperset(of: [
                "igc", "budapest", "lima", "midwa", "apc", "midsa", "cis", "five-plus-five", "bali", "manila",
            ]))
        var s = makeState(132, 43)
        s.press(.character("f"))
        s.type("traffick")
        let shown = Set(
            s.tree.rows(s.env).compactMap { row -> String? in
                if case .process(let id) = row.node { return id } else { return nil }
            })
        #expect(shown == expected)
        // The matrix shows the Annex A ones among them as columns.
        let view = s.matrix.view(s.context(.matrix))
        #expect(Set(view.columns.map(\.id)) == expected.filter { catalog.process(id: $0)?.inMatrix == true })
        // The filter line says what it matched on.
        let bottom = App.render(s, width: 132, height: 43).rowText(42)
        #expect(bottom.contains("topic"))
    }

    @Test func asylumIsNotOnlyIGCAndMARRI() {
        var s = makeState(132, 43)
        s.press(.character("f"))
        s.type("asylum")
        let shown = Set(
            s.tree.rows(s.env).compactMap { row -> String? in
                if case .process(let id) = row.node { return id } else { return nil }
            })
        #expect(shown == processesMentioning("asylum"))
        #expect(shown.count > 2)
    }

    @Test func matrixRowsAreTheParticipantsOfTheMatchedColumns() {
        var s = makeState(132, 43)
        s.press(.character("f"))
        s.type("traffick")
        s.press(.enter)
        let view = s.matrix.view(s.context(.matrix))
        let expected = Set(
            view.columns.flatMap { p in p.participants.map(\.party) }
                .filter { catalog.party(id: $0).map { [.state, .territory].contains($0.kind) } ?? false })
        #expect(Set(view.rows.map(\.party.id)) == expected)
    }

    @Test func aStateNameStillNarrowsTheMatrixToItsRow() {
        var s = makeState(132, 43)
        s.press(.character("f"))
        s.type("turkey")
        let view = s.matrix.view(s.context(.matrix))
        #expect(view.rows.map(\.party.id) == ["turkey"])
    }
}

@Suite struct MembershipCountTests {
    @Test func oneDefinitionOnTheCardAndInTheMatrix() {
        let count = catalog.participationCount(of: "australia")
        let all = catalog.participations(of: "australia")
        #expect(count.all == all.count)
        #expect(count.inMatrix == all.filter(\.process.inMatrix).count)
        #expect(count.inMatrix == 7 && count.all == 8)
        var s = makeState(132, 43)
        s.press(.character("/"))
        s.type("australia")
        s.press(.enter)
        #expect(s.screen.contains("in 7 of the 13 matrix processes; 8 with the footnote groups"))
        // The matrix row counts the columns shown: 7 of the Annex A processes, 8 with the footnote groups.
        var view = s.matrix.view(s.context(.matrix))
        #expect(view.rows.first { $0.party.id == "australia" }?.count == 7)
        s.press(.character("3"), .character("a"))
        view = s.matrix.view(s.context(.matrix))
        #expect(view.columns.count == catalog.processes.count)
        #expect(view.rows.first { $0.party.id == "australia" }?.count == 8)
        #expect(s.message?.text.contains("footnote groups") == true)
    }
}

@Suite struct RoleGlyphTests {
    @Test func aViceChairHasItsOwnGlyphAndLegend() {
        #expect(RoleMark.strongest([.viceChair, .member]) == .viceChair)
        #expect(RoleMark.strongest([.chair, .member]) == .leadership)
        #expect(RoleMark.viceChair.glyph != RoleMark.leadership.glyph)
        #expect(!RoleMark.leadership.label.contains("vice"))
        let glyphs = RoleMark.allCases.map(\.glyph), ascii = RoleMark.allCases.map(\.asciiGlyph)
        #expect(Set(glyphs).count == glyphs.count && Set(ascii).count == ascii.count)
        let legend = MatrixPane.legend(width: 200, symbols: Symbols(ascii: false)).map(\.plain).joined()
        #expect(legend.contains("☆ vice-chair"))
    }
}

/// Typed work is never lost without the user being told.
@Suite struct TypedWorkKeptTests {
    /// A state with a checklist open and the note editor of the first practice open, holding `typed`.
    func editingNote(_ typed: String) -> AppState {
        var s = makeState(132, 43)
        _ = App.update(&s, .checklistOpened(Checklist(name: "Ghana 2026")))
        s.press(.character("4"))
        s.press(.enter)
        guard case .prompt = s.overlay else {
            Issue.record("no note editor: \(String(describing: s.overlay))"); return s
        }
        s.type(typed)
        return s
    }

    @Test func ctrlCInTheNoteEditorAsksInsteadOfQuitting() {
        var s = editingNote("visa waiver")
        let effects = s.press(.ctrl("c"))
        #expect(!effects.contains(.quit) && !effects.contains(.interrupt))
        guard case .confirm(let c) = s.overlay, case .discardTyping = c.purpose else {
            Issue.record("expected the discard question, got \(String(describing: s.overlay))"); return
        }
        // n goes back to the editor with the text as typed.
        s.press(.character("n"))
        guard case .prompt(let p) = s.overlay else { Issue.record("not back in the editor"); return }
        #expect(p.editor.text == "visa waiver")
        s.press(.enter)
        #expect(s.checklist?.note(of: s.checklistPane.selected?.itemID ?? "") == "visa waiver")
    }

    @Test func escOnceKeepsTheTextEscTwiceDropsIt() {
        var s = editingNote("x")
        s.press(.escape)
        if case .confirm = s.overlay {} else { Issue.record("one Esc must ask, not drop the note") }
        s.press(.escape)
        #expect(s.overlay == nil)
        #expect(s.pendingChanges.isEmpty)
    }

    @Test func ctrlCWithNothingTypedCancelsAndOutsideQuitsAsAnInterrupt() {
        var s = editingNote("")
        s.press(.ctrl("c"))
        #expect(s.overlay == nil)
        #expect(s.press(.ctrl("c")) == [.interrupt])
        #expect(s.press(.character("q")) == [.quit])
    }

    @Test func ctrlCInTheSearchBoxCancelsTheSearch() {
        var s = makeState()
        s.press(.character("/"))
        s.type("bali")
        #expect(s.press(.ctrl("c")).isEmpty)
        #expect(s.search == nil)
    }

    @Test func newChecklistWithAnExistingNameOffersToOpenIt() {
        var s = makeState(132, 43)
        _ = App.update(&s, .checklistsListed(names: ["Ghana 2026"], problems: []))
        s.press(.character("4"), .character("c"))
        s.type("ghana 2026")
        s.press(.enter)
        guard case .confirm(let c) = s.overlay, case .openExisting("Ghana 2026") = c.purpose else {
            Issue.record("expected an offer to open it, got \(String(describing: s.overlay))"); return
        }
        #expect(s.press(.character("y")) == [.openChecklist(name: "Ghana 2026")])
    }
}

@Suite struct SmallerDefectsTests {
    @Test func escLeavesPresentationModeFirstAsItsFooterSays() {
        var s = makeState(132, 43)
        s.press(.character("/"))
        s.type("bali")
        s.press(.enter, .character("p"))
        #expect(s.presentation)
        s.press(.escape)
        #expect(!s.presentation)
        #expect(s.search != nil, "the highlight stays until the next Esc")
    }

    @Test func helpClosesWithQAndScrollsWhileNarrowed() {
        var s = makeState(80, 24)
        s.press(.character("?"))
        s.press(.character("q"))
        #expect(s.overlay == nil)
        s.press(.character("?"))
        s.type("e")
        s.press(.down, .down)
        guard case .help(let h) = s.overlay else { Issue.record("help closed"); return }
        #expect(h.editor.text == "e")
        #expect(h.offset == 2)
        s.press(.character("q"))
        guard case .help(let h2) = s.overlay else { Issue.record("q closed a narrowed help"); return }
        #expect(h2.editor.text == "eq")
        s.type("zzz")
        #expect(s.screen.contains("No key matches"))
    }

    @Test func enterOnAHitKeepsTheMatrixWhenItShowsTheHit() {
        var s = makeState(132, 43)
        s.press(.character("3"), .character("/"))
        s.type("turkey")
        s.press(.enter)
        #expect(s.focus == .matrix)
        #expect(s.matrix.cursorParty == "turkey")
        #expect(s.message?.text.contains("in the matrix") == true)
    }

    @Test func copySaysWhereItWentAndBigYWritesAFile() {
        var s = makeState(132, 43)
        s.press(.character("2"))
        let effects = s.press(.character("y"))
        #expect(effects.count == 1)
        #expect(s.message?.text.contains("OSC 52") == true)
        #expect(s.message?.text.contains("Copied") == false)
        let saved = s.press(.character("Y"))
        guard case .saveCardToFile(let name, let text)? = saved.first else { Issue.record("no file effect"); return }
        #expect(name == "cards/overview-rcpx.txt")
        #expect(text.contains("Regional consultative processes"))
        _ = App.update(&s, .notice("Card written to /tmp/x/cards/overview-rcpx.txt.", isError: false))
        #expect(s.screen.contains("Card written to"))
    }

    @Test func pluralsFollowOneRule() throws {
        #expect(DisplayText.count(1, "process", "processes") == "1 process")
        #expect(DisplayText.count(2, "process", "processes") == "2 processes")
        #expect(DisplayText.count(0, "line") == "0 lines")
        // A practice discussed by one process says so in the singular.
        let one = try #require(catalog.practices.first { p in catalog.processes(forPractice: p.number).count == 1 })
        var s = makeState(132, 43)
        s.press(.character("/"))
        s.type(one.title)
        s.press(.enter)
        #expect(s.screen.contains("(1 process"))
        #expect(!s.screen.contains("1 processes"))
    }
}

@Suite struct CutTextTests {
    @Test(arguments: [(80, 24), (132, 43)])
    func aLongMessageEndsWithAnEllipsisAndLeavesTheSearchIndicatorWhole(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("/"))
        s.type("bali")
        s.press(.enter)
        _ = App.update(
            &s,
            .notice(
                "Card written to /home/someone/.local/state/rcpx/cards/" + String(repeating: "long-name-", count: 20)
                    + ".txt.", isError: false))
        let bottom = App.render(s, width: width, height: height).rowText(height - 1)
        #expect(bottom.contains("…"), "\(bottom)")
        #expect(bottom.contains("“bali”"), "the search indicator keeps its room: \(bottom)")
    }

    @Test(arguments: [(40, 10), (120, 30)])
    func theEmptyChecklistLineIsNeverCutSilently(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("4"), .character("z"))
        let screen = App.render(s, width: width, height: height)
        let line = (0..<height).map { screen.rowText($0) }.first { $0.contains("No checklist") }
        #expect(line != nil)
        if let line, !line.contains("opens one.") { #expect(line.contains("…"), "\(line)") }
    }
}

@Suite struct HostileTextTests {
    @Test func aNoteWithAnEscapeSequenceIsShownNotObeyed() {
        var s = makeState(132, 43)
        var c = Checklist(name: "x\u{1b}]52;c;AAAA\u{07}")
        c.setNote("ep-01", "\u{1b}[31mred\u{1b}[0m")
        _ = App.update(&s, .checklistOpened(c))
        _ = s.apply(PaneOutcome(open: .practice("ep-01")))
        let grid = App.render(s, width: 132, height: 43)
        let all = (0..<43).map { grid.rowText($0) }.joined(separator: "\n")
        #expect(!all.unicodeScalars.contains { DisplayText.isControl($0) && $0 != "\n" })
        #expect(all.contains("\\e[31mred"), "the note's escape shows as text")
    }
}

@Suite struct ChecklistReachableTests {
    @Test(arguments: [(100, 30), (80, 24), (132, 43)])
    func theChecklistPaneIsReachable(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("4"))
        #expect(s.focus == .checklist)
        #expect(s.layout.frame(of: .checklist) != nil)
        #expect(s.screen.contains("International Cooperation"))
    }
}

@Suite struct TypeToJumpTests {
    @Test func inTheTreeLettersAfterTheQuoteJumpToARow() {
        var s = makeState(132, 43)
        s.press(.character("'"))
        s.type("bal")
        #expect(s.tree.selected == .process("bali"))
        #expect(s.card.subject == .process("bali"))
        #expect(App.render(s, width: 132, height: 43).rowText(42).contains("Jump: bal"))
        s.press(.enter)
        #expect(s.jumpState == nil)
        // Single-letter keys work again: q quits.
        #expect(s.press(.character("q")) == [.quit])
    }

    @Test func inTheMatrixItJumpsToAStateAndEscGoesBack() {
        var s = makeState(132, 43)
        s.press(.character("3"))
        let before = s.matrix.cursorParty
        s.press(.character("'"))
        s.type("tur")
        #expect(s.matrix.cursorParty == "turkey")
        s.press(.escape)
        #expect(s.matrix.cursorParty == before)
        #expect(s.jumpState == nil)
    }

    @Test func downGoesToTheNextRowWithTheSameStart() {
        var s = makeState(132, 43)
        s.press(.character("3"), .character("'"))
        s.type("mal")
        let first = s.matrix.cursorParty
        s.press(.down)
        #expect(s.matrix.cursorParty != first)
        #expect(s.matrix.cursorParty?.hasPrefix("ma") == true)
    }
}

@Suite struct MapPaneTests {
    @Test(arguments: [(132, 43), (80, 24)])
    func fiveShowsWhereTheSelectedProcessReaches(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("/"))
        s.type("bali process")
        s.press(.enter, .character("5"))
        #expect(s.focus == .map)
        #expect(s.layout.frame(of: .map) != nil)
        let screen = s.screen
        #expect(screen.contains("Map: Bali"))
        // The legend names every category drawn, so the map reads without colour.
        #expect(screen.contains("member or participant"))
        #expect(screen.contains("observer"))
        // Braille dots are drawn.
        #expect(screen.unicodeScalars.contains { $0.value >= 0x2801 && $0.value <= 0x28FF })
    }

    @Test func inTheWideLayoutTheMapTakesTheMatrixPlace() {
        var s = makeState(132, 43)
        s.press(.character("5"))
        #expect(s.layout.frame(of: .map) != nil && s.layout.frame(of: .matrix) == nil)
        s.press(.character("3"))
        #expect(s.layout.frame(of: .matrix) != nil && s.layout.frame(of: .map) == nil)
    }

    @Test func coverageTheCursorAndEnter() {
        var s = makeState(132, 43)
        s.press(.character("5"), .character("v"))
        #expect(s.screen.contains("Map: coverage"))
        #expect(s.screen.contains("in no process"))
        s.press(.right)
        let cursor = s.map.cursor
        #expect(cursor != nil)
        #expect(s.message != nil, "the status line names the country under the cursor")
        s.press(.right)
        #expect(s.map.cursor != cursor)
        // Enter opens the card of a country the data set knows, after walking to one.
        for _ in 0..<40 where s.map.cursorParty(s.context(.map)) == nil { s.press(.right) }
        let party = s.map.cursorParty(s.context(.map))
        #expect(party != nil)
        s.press(.enter)
        #expect(s.card.subject == .party(party?.id ?? ""))
        #expect(s.checkInvariants() == [])
    }

    @Test func aClickOnAustraliaSelectsIt() throws {
        var s = makeState(132, 43)
        s.press(.character("5"), .character("v"))
        let ctx = s.context(.map)
        let drawn = try #require(s.map.drawn(ctx))
        let au = try #require(MapPane.world.features.firstIndex { $0.iso3 == "AUS" })
        let at = try #require(drawn.picture.position(of: au))
        _ = App.update(&s, .mouse(.press, x: drawn.mapArea.x + at.column, y: drawn.mapArea.y + at.row))
        #expect(s.map.cursor == au)
        #expect(s.card.subject == .party("australia"))
    }
}

@Suite struct TimelinePaneTests {
    @Test(arguments: [(132, 43), (80, 24)])
    func sixShowsTheYearsAndTheLanes(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("6"))
        #expect(s.focus == .timeline)
        let screen = s.screen
        #expect(screen.contains("1985"))
        #expect(screen.contains("Time line"))
        #expect(s.checkInvariants() == [])
    }

    @Test func openingBaliMarks2002AndTheArrowsWalkTheLane() {
        var s = makeState(132, 43)
        s.press(.character("/"))
        s.type("bali process")
        s.press(.enter)
        let e = catalog.timeline().entries.first { $0.id == s.timeline.selected }
        #expect(e?.year == 2002)
        #expect(e?.process == "bali")
        s.press(.character("6"), .right)
        #expect(s.timeline.selected != e?.id)
        #expect(s.message?.text.contains("·") == true, "the status line describes the record")
        s.press(.left, .enter)
        #expect(s.card.subject == .process("bali"))
    }
}

@Suite struct GuideBranchTests {
    @Test func theGuideIsTheFirstBranchAndOpensItsTopics() throws {
        var s = makeState(132, 43)
        let rows = s.tree.rows(s.env)
        #expect(rows.first?.node == .guideRoot)
        #expect(s.screen.contains("Guide: what the paper says"))
        // The first screen still selects the first region; the guide is one key up.
        s.press(.character("1"), .up)
        #expect(s.tree.selected == .guideRoot)
        s.press(.right, .down)
        let first = try #require(catalog.guideTopics.first)
        #expect(s.tree.selected == .guideTopic(first.id))
        #expect(s.card.subject == .guide(first.id))
        #expect(s.screen.contains(first.title))
        #expect(s.checkInvariants() == [])
    }

    @Test func openingAGuideCardRevealsItsTopicInTheTree() throws {
        var s = makeState(132, 43)
        let topic = try #require(catalog.guideTopics.last)
        _ = s.apply(PaneOutcome(open: .guide(topic.id)))
        #expect(s.tree.selected == .guideTopic(topic.id))
        #expect(s.card.subject == .guide(topic.id))
    }
}

@Suite struct CompareTests {
    /// The members of a process, computed from its participants.
    func members(_ id: String) -> Set<String> {
        Set(catalog.process(id: id)!.participants.filter { $0.roles.contains(.member) }.map(\.party))
    }

    @Test func markTwoProcessesInTheTreeAndCompareThem() throws {
        var s = makeState(132, 43)
        s.press(.character("'")); s.type("manila"); s.press(.enter)
        s.press(.character("x"))
        // Four at the most: one marked, one to three more.
        #expect(s.message?.text.contains("mark one to three more to compare") == true, "\(s.message?.text ?? "")")
        s.press(.character("'")); s.type("apc"); s.press(.enter)
        s.press(.character("x"))
        #expect(s.marks == [.process("manila"), .process("apc")])
        #expect(s.screen.contains("▪ Manila"))
        s.press(.character("C"))
        guard case .comparison = s.overlay else { Issue.record("no comparison"); return }
        let screen = s.screen
        #expect(screen.contains("Compare: Manila · APC"))
        // "In all 2 (N)": N is every party in both, computed here from the data.
        let both = Set(catalog.process(id: "manila")!.participants.map(\.party))
            .intersection(catalog.process(id: "apc")!.participants.map(\.party))
        #expect(screen.contains("In all 2 (\(both.count))"), "\(screen)")
        // Marks survive a resize and a pane switch; Esc closes, a second Esc clears the marks.
        _ = App.update(&s, .resize(width: 80, height: 24))
        s.press(.escape)
        s.press(.character("3"))
        #expect(s.marks.count == 2)
        s.press(.escape)
        #expect(s.marks.isEmpty)
    }

    @Test func oneMarkIsNotEnoughAndSaysSo() {
        var s = makeState(132, 43)
        s.press(.character("x"), .character("C"))
        #expect(s.overlay == nil)
        #expect(s.message?.isError == true)
    }
}

@Suite struct RankingsTests {
    /// A shared rank is written "2=" in the explorer, as `rcpx rank` writes it (a trial found "=2" here).
    @Test func aSharedRankIsWrittenAsTheCommandLineWritesIt() throws {
        var s = makeState(132, 43)
        s.press(.character("#"))
        let tied = try #require(catalog.rankParties().first { $0.tied > 1 }, "the data has ties")
        let line = try #require(
            s.screen.split(separator: "\n").first {
                $0.contains(" \(tied.party.name) ") || $0.hasSuffix(tied.party.name)
            },
            "\(tied.party.name) on the first screen of the ranking")
        #expect(line.contains("\(tied.rank)=") && !line.contains("=\(tied.rank)"), "\(line)")
    }

    @Test func statesInTheMostProcessesComeFirstAndSCyclesTheOrder() throws {
        var s = makeState(132, 43)
        s.press(.character("#"))
        guard case .ranking = s.overlay else { Issue.record("no rankings"); return }
        // The top count equals the largest Annex A count in the matrix, computed from it.
        let top = catalog.matrix(includeOutsideMatrix: false).rows.map(\.count).max() ?? 0
        let first = catalog.rankParties().first
        #expect(first?.matrixCount == top)
        #expect(s.screen.contains("States by number of Annex A processes"))
        s.press(.character("s"))
        #expect(s.screen.contains("Processes by members"))
        s.press(.character("q"))
        #expect(s.overlay == nil)
        // Help narrowing still takes an s.
        s.press(.character("?")); s.type("s")
        guard case .help(let h) = s.overlay else { Issue.record("help closed"); return }
        #expect(h.editor.text == "s")
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func comparisonSnapshot(width: Int, height: Int) {
        var s = makeState(width, height)
        s.press(.character("'")); s.type("bali"); s.press(.enter, .character("x"))
        s.press(.character("'")); s.type("apc"); s.press(.enter, .character("x"))
        s.press(.character("'")); s.type("colombo"); s.press(.enter, .character("x"), .character("C"))
        assertSnapshot(
            App.render(s, width: width, height: height).plainText(),
            named: "compare-bali-apc-colombo-\(width)x\(height)")
    }
}

@Suite struct MarksShowTests {
    @Test func aMarkedProcessIsMarkedOnItsCardToo() {
        var s = makeState(132, 43)
        s.press(.character("'")); s.type("bali"); s.press(.enter, .character("x"))
        #expect(s.screen.contains("2 ▪ Process: Bali"))
    }

    /// A filter that hides the matrix row the card showed moves the cursor to a row it keeps; the card shows
    /// that row's party, not the hidden one (the trial saw Algeria on the card beside Turkey's crosshair).
    @Test func theCardFollowsTheMatrixCursorAFilterMoved() {
        var s = makeState(132, 43)
        s.press(.character("3"))
        s.matrix.cursorParty = "algeria"
        s.press(.down)
        s.press(.up)
        #expect(s.card.subject == .party("algeria"))
        s.press(.character("f"))
        for c in "turk" { s.press(.character(c)) }
        s.press(.enter)
        #expect(s.matrix.cursorParty == "turkey")
        #expect(s.card.subject == .party("turkey"))
    }
}

/// The map's line under the picture names the country under the cursor only while that country is on the map:
/// after the tree moves to a process whose map shows another part of the world, it does not name it.
@Suite struct MapReadoutTests {
    @Test func theReadoutNeverNamesACountryTheMapDoesNotShow() throws {
        var s = makeState(132, 43)
        s.press(.character("5"), .character("1"))
        s.press(.character("'")); s.type("puebla"); s.press(.enter)
        s.press(.character("5"), .right)
        let f = try #require(s.map.cursor)
        let name = MapPane.world.features[f].name
        #expect(s.screen.contains("\(name): "), "the readout names the country under the cursor")
        s.press(.character("1"))
        s.press(.character("'")); s.type("5+5"); s.press(.enter)
        let screen = s.screen
        #expect(screen.contains("Map: 5+5"))
        #expect(!screen.contains("\(name): "), "\(name) is not on the 5+5 map")
        #expect(screen.contains("Arrows move a cursor over the countries"))
    }
}

/// A progress bar shows any progress (one cell at least) and is full only when everything is done.
@Suite struct ProgressBarTests {
    func cells(_ done: Int, _ half: Int, of total: Int, width: Int = 18) -> (full: Int, half: Int, empty: Int) {
        let s = Symbols(ascii: false)
        let line = Widgets.bar(done: done, half: half, total: total, width: width, symbols: s)
        func count(_ glyph: String) -> Int { line.filter { $0.text.hasPrefix(glyph) }.map(\.text.count).reduce(0, +) }
        return (count(s.barFull), count(s.barHalf), count(s.barEmpty))
    }

    @Test func smallProgressShowsAndOnlyAllDoneIsFull() {
        #expect(cells(1, 0, of: 51) == (1, 0, 17))
        #expect(cells(1, 1, of: 51) == (1, 1, 16))
        #expect(cells(0, 0, of: 51) == (0, 0, 18))
        #expect(cells(50, 0, of: 51) == (17, 0, 1))
        #expect(cells(51, 0, of: 51) == (18, 0, 0))
        #expect(cells(25, 26, of: 51) == (8, 10, 0))
        #expect(cells(3, 0, of: 3, width: 6) == (6, 0, 0))
        #expect(cells(0, 0, of: 0) == (0, 0, 18))
    }
}

/// The time line's footer explains every mark it draws, at any width a facilitator may have (the narrow pane
/// used to drop "▲ status change" and "◌ year inferred").
@Suite struct TimelineLegendTests {
    @Test(arguments: [(80, 24), (100, 30), (120, 40), (132, 43), (200, 60)])
    func everyMarkIsExplained(_ size: (Int, Int)) {
        for zoomed in [false, true] {
            var s = makeState(size.0, size.1)
            s.press(.character("6"))
            if zoomed { s.press(.character("z")) }
            let screen = s.screen
            for mark in ["● ", "◆ ", "▲ ", "◌ "] {
                let legend = screen.split(separator: "\n").last { $0.contains("◆ event") } ?? ""
                #expect(legend.contains(mark), "\(size) zoomed \(zoomed): \(mark) not in \(legend)")
            }
        }
    }
}
