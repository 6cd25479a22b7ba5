import RCPCore
import Testing

@testable import RCPUI

/// The checklist pane's comparison mode: a workshop's checklists side by side, the practices as rows.
@Suite("Checklists side by side in the checklist pane")
struct ChecklistCompareTests {
    /// Three delegations' checklists that agree on 1 and differ on 6.1; Senegal has a note on 6.1.
    static func delegations() -> [Checklist] {
        var ghana = Checklist(name: "Ghana", created: "2026-12-03T09:00:00Z")
        var senegal = Checklist(name: "Senegal", created: "2026-12-03T09:00:00Z")
        var mali = Checklist(name: "Mali", created: "2026-12-03T09:00:00Z")
        ghana.set("ep-01", status: .inPlace); senegal.set("ep-01", status: .inPlace);
        mali.set("ep-01", status: .inPlace)
        ghana.set("ep-06.1", status: .inProgress); senegal.set("ep-06.1", status: .notInPlace);
        mali.set("ep-06.1", status: .inPlace)
        senegal.setNote("ep-06.1", "law drafted, not passed")
        return [ghana, senegal, mali]
    }

    /// The text rows of a pane's content.
    func paneLines(_ s: AppState, _ pane: PaneID) -> [String] {
        let grid = App.render(s, width: s.width, height: s.height)
        guard let area = s.layout.frame(of: pane)?.content else { return [] }
        return (area.y..<area.maxY).map { y in
            (area.x..<area.maxX).map { grid[$0, y] }.filter { !$0.isContinuation }.map(\.text).joined()
        }
    }

    /// Chooses the three in the picker (v, Space on each, Enter) and answers the load as the backend would.
    func comparing(_ w: Int, _ h: Int) -> AppState {
        var s = checklistState(w, h)
        let three = Self.delegations()
        _ = App.update(&s, .checklistsListed(names: three.map(\.name), problems: []))
        var effects = s.press(.character("v"))
        #expect(effects == [.listChecklists])
        guard case .picker(let p)? = s.overlay, p.purpose == .compare else {
            Issue.record("no compare picker"); return s
        }
        for _ in three { s.press(.character(" "), .down) }
        effects = s.press(.enter)
        #expect(effects == [.loadChecklists(names: ["Ghana", "Senegal", "Mali"])])
        _ = App.update(&s, .checklistsLoaded(three, problems: []))
        return s
    }

    @Test func thePickerSaysAllItsKeysAt80Columns() {
        var s = checklistState(80, 24)
        _ = App.update(&s, .checklistsListed(names: ["Ghana", "Senegal"], problems: []))
        s.press(.character("v"))
        #expect(s.screen.contains("Compare checklists — Space marks 2–8, Enter compares, Esc cancels"))
    }

    @Test func theDifferencesAreMarkedAndTheNoteUnderTheCursorShows() {
        var s = comparing(132, 43)
        #expect(s.comparedChecklists.map(\.name) == ["Ghana", "Senegal", "Mali"])
        let screen = s.screen
        #expect(screen.contains("Checklists side by side: 3"))
        for name in ["Ghana", "Senegal", "Mali"] { #expect(screen.contains(name)) }
        // Heading 1: all three in place, no difference mark; 6.1 differs.
        let lines = paneLines(s, .checklist)
        let one = lines.first { $0.contains(" 1 International Cooperation") } ?? ""
        #expect(!one.contains("≠") && one.filter { $0 == "✓" }.count == 3, "row 1: \(one)")
        // Down to 6.1, right to Senegal: the row is marked as differing, and Senegal's note shows below.
        let target = ChecklistComparison(s.comparedChecklists, practices: catalog.practices).rows.firstIndex {
            $0.itemID == "ep-06.1"
        }!
        for _ in 0..<target { s.press(.down) }
        s.press(.right)
        let six = paneLines(s, .checklist).first { $0.contains("6.1 Traff") } ?? ""
        #expect(six.contains("≠") && six.contains("◐") && six.contains("✗") && six.contains("✓"), "row 6.1: \(six)")
        #expect(s.checklistPane.compareList.selected == "ep-06.1" && s.checklistPane.compareColumn == 1)
        #expect(s.screen.contains("Senegal — 6.1") && s.screen.contains("law drafted, not passed"))
        #expect(s.checkInvariants() == [])
        // Esc returns to the checklist.
        s.press(.escape)
        #expect(s.comparedChecklists.isEmpty && s.screen.contains("Checklist: Ghana 2026 workshop"))
    }

    /// At 80×24 eight checklists do not fit side by side: the columns scroll with the cursor, all rules kept.
    @Test func eightColumnsScrollAt80x24AndInPresentation() {
        var s = checklistState(80, 24)
        let eight = (1...8).map { i -> Checklist in
            var c = Checklist(name: "Delegation \(i)", created: "2026-12-03T09:00:00Z")
            c.set("ep-01", status: i % 2 == 0 ? .inPlace : .notInPlace)
            return c
        }
        _ = App.update(&s, .checklistsLoaded(eight, problems: []))
        #expect(s.screen.contains("more"), "it says columns are hidden")
        for _ in 0..<7 { s.press(.right) }
        #expect(s.checklistPane.compareColumn == 7)
        #expect(s.screen.contains("Delegation 8"))
        #expect(s.checkInvariants() == [])
        s.press(.character("p"))
        #expect(s.screen.contains("Delegation 8") && s.checkInvariants() == [])
    }

    @Test func thePickerNeedsTwoAndSaysSo() {
        var s = checklistState(80, 24)
        _ = App.update(&s, .checklistsListed(names: ["Ghana", "Senegal"], problems: []))
        s.press(.character("v"), .character(" "))
        let effects = s.press(.enter)
        #expect(effects.isEmpty)
        #expect(s.message?.isError == true && s.message?.text.contains("Mark 2 to 8") == true)
    }
}

/// A checklist about a state (its subject) is listed on the state's card.
@Suite("Checklists about a state, on its card")
struct ChecklistsAboutTests {
    @Test func aStatesCardListsTheChecklistsAboutIt() {
        var s = makeState(132, 43)
        _ = App.update(
            &s,
            .checklistsListed(
                names: ["Senegal 2026 workshop", "Senegal 2027", "Turkey pilot"], problems: [],
                subjects: [
                    "Senegal 2026 workshop": "senegal", "Senegal 2027": "senegal",
                    "Turkey pilot": "turkey",
                ]))
        s.press(.character("/")); s.type("senegal"); s.press(.enter)
        #expect(s.card.subject == .party("senegal"))
        let card = CardContent.lines(
            .party("senegal"), s.env, checklistsAbout: s.card.checklistsAbout(s.context(.card))
        )
        .map(\.plain)
        #expect(card.contains { $0.contains("Checklists about it (2)") })
        #expect(card.contains { $0.contains("Senegal 2026 workshop") } && card.contains { $0.contains("Senegal 2027") })
        #expect(!card.contains { $0.contains("Turkey pilot") })
        #expect(s.card.copyText(s.context(.card)).contains("Senegal 2027"))
    }
}

/// `M` records whose assessment a checklist is and when, one prompt after another.
@Suite("Workshop facts edited in the explorer")
struct ChecklistMetaUITests {
    @Test func fourPromptsRecordTheFactsAndABadDateAsksAgain() {
        var s = checklistState(80, 24)
        s.press(.character("M"))
        guard case .prompt(let first)? = s.overlay, case .meta(.subject, _) = first.purpose else {
            Issue.record("no subject prompt"); return
        }
        s.type("senegal"); s.press(.enter)
        s.type("2026-13-40"); s.press(.enter)
        // Still the date prompt, with what was typed, and a message saying why.
        guard case .prompt(let again)? = s.overlay, case .meta(.date, _) = again.purpose else {
            Issue.record("no date prompt"); return
        }
        #expect(again.editor.text == "2026-13-40" && s.message?.isError == true)
        s.press(.ctrl("u")); s.type("2026-12-03"); s.press(.enter)
        s.type("A. Mensah"); s.press(.enter)
        s.type("Ministry of Interior; Immigration Service")
        let effects = s.press(.enter)
        let meta = s.checklist?.meta
        #expect(meta?.subject?.id == "senegal" && meta?.subject?.kind == .party)
        #expect(meta?.date == "2026-12-03" && meta?.facilitator == "A. Mensah")
        #expect(meta?.participants == "Ministry of Interior; Immigration Service")
        guard case .saveChecklist(_, _, let changes)? = effects.first else {
            Issue.record("not saved: \(effects)"); return
        }
        #expect(changes == [.meta(meta!)])
        #expect(s.overlay == nil)
    }

    @Test func escapeMidwayChangesNothing() {
        var s = checklistState(80, 24)
        s.press(.character("M"))
        s.type("turkey"); s.press(.enter)
        s.press(.escape)
        #expect(s.checklist?.meta.subject == nil)
    }
}
