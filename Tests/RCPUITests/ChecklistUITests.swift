import RCPCore
import Testing

@testable import RCPUI

/// A state with the checklist pane focused and a checklist open (as the backend sends it at start-up).
func checklistState(_ width: Int = 80, _ height: Int = 24, name: String = "Ghana 2026 workshop") -> AppState {
    var s = makeState(width, height)
    _ = App.update(&s, .checklistOpened(Checklist(name: name, created: "2026-03-14T09:00:00Z", revision: 3)))
    _ = App.update(&s, .checklistsListed(names: [name, "Senegal pilot"], problems: []))
    s.press(.character("4"))
    return s
}

@Suite struct ChecklistUITests {
    @Test func spaceCyclesTheStatusAndAsksToSave() {
        var s = checklistState()
        #expect(s.screen.contains("Checklist: Ghana 2026 workshop"))
        let effects = s.press(.character(" "))
        #expect(s.checklist?.status(of: "ep-01") == .notInPlace)
        #expect(
            effects == [
                .saveChecklist(
                    name: "Ghana 2026 workshop", basedOn: 3,
                    changes: [.status(itemID: "ep-01", .notInPlace)])
            ])
        // Every status in the cycle order, and back.
        for expected in [ChecklistStatus.inProgress, .inPlace, .notApplicable, .notAssessed] {
            s.press(.character(" "))
            #expect(s.checklist?.status(of: "ep-01") == expected)
        }
    }

    @Test func theSavedChecklistReplacesTheCopyAndAFailureKeepsTheChanges() {
        var s = checklistState()
        s.press(.character(" "))
        var saved = s.checklist!
        saved.revision = 4
        _ = App.update(&s, .checklistSaved(saved, mergedForeignChanges: false))
        #expect(s.pendingChanges.isEmpty)
        #expect(s.checklist?.revision == 4)
        // A save fails: the message shows and the UI keeps working; the next save carries both changes.
        s.press(.character(" "))
        _ = App.update(&s, .checklistFailed("cannot save checklist \"Ghana 2026 workshop\": Read-only file system"))
        #expect(s.screen.contains("Read-only file system"))
        #expect(s.pendingChanges.count == 1)
        s.press(.down)
        let effects = s.press(.character(" "))
        #expect(
            effects == [
                .saveChecklist(
                    name: "Ghana 2026 workshop", basedOn: 4,
                    changes: [
                        .status(itemID: "ep-01", .inProgress), .status(itemID: "ep-02", .notInPlace),
                    ])
            ])
        #expect(s.screen.contains("2 unsaved"))
        // Switching away while changes are unsaved retries the save first.
        #expect(s.press(.character("w")).first == effects.first)
        #expect(s.overlay == nil)
    }

    @Test func mergedChangesAreToldAndShown() {
        var s = checklistState()
        s.press(.character(" "))
        var theirs = s.checklist!
        theirs.set("ep-03", status: .inPlace)
        theirs.revision = 5
        _ = App.update(&s, .checklistSaved(theirs, mergedForeignChanges: true))
        #expect(s.checklist?.status(of: "ep-03") == .inPlace)
        #expect(s.screen.contains("merged"))
    }

    @Test func enterEditsTheNote() {
        var s = checklistState()
        s.press(.right, .down)  // expand heading 1, to sub-heading 1.1
        #expect(s.checklistPane.selected == .item("ep-01.1"))
        s.press(.enter)
        guard case .prompt(let p)? = s.overlay else { Issue.record("no prompt"); return }
        #expect(p.purpose == .note(itemID: "ep-01.1"))
        s.type("agreed in session 2")
        let effects = s.press(.enter)
        #expect(
            effects == [
                .saveChecklist(
                    name: "Ghana 2026 workshop", basedOn: 3,
                    changes: [.note(itemID: "ep-01.1", "agreed in session 2")])
            ])
        #expect(s.checklist?.note(of: "ep-01.1") == "agreed in session 2")
        #expect(s.screen.contains("✎ agreed in"), "the note starts beside the title at 80×24")
        // The card shows the status and the note.
        let card = CardContent.lines(.practiceItem("ep-01.1"), s.env, checklist: s.checklist).map(\.plain)
        #expect(card.contains { $0.contains("agreed in session 2") })
        // Esc cancels an edit; e opens it again with the note; Ctrl-U and Enter remove it.
        s.press(.character("e"))
        s.press(.escape)
        #expect(s.checklist?.note(of: "ep-01.1") == "agreed in session 2")
        s.press(.character("e"), .ctrl("u"))
        s.press(.enter)
        #expect(s.checklist?.note(of: "ep-01.1") == nil)
    }

    @Test func aProcessLineShowsItsCard() {
        var s = checklistState()
        s.press(.right)
        let rows = s.checklistPane.rows(s.env, checklist: s.checklist)
        guard let i = rows.firstIndex(where: { if case .process = $0 { return true } else { return false } }) else {
            Issue.record("no process rows"); return
        }
        for _ in 0..<i { s.press(.down) }
        guard case .process(_, let processID)? = s.checklistPane.selected else {
            Issue.record("not on a process"); return
        }
        #expect(s.card.subject == .process(processID))
        s.press(.enter)
        #expect(s.focus == .card)
    }

    @Test func progressShowsInThePaneAndInPresentation() {
        var s = checklistState(132, 43)
        s.press(.character(" "), .character(" "), .character(" "))  // heading 1: in place
        #expect(s.screen.contains("Overall"))
        #expect(s.screen.contains("1/"))
        s.press(.character("p"))
        #expect(s.layout.kind == .presentation)
        #expect(s.screen.contains("Overall"))
        #expect(s.screen.contains("in place"))
    }

    @Test func withoutAChecklistThePaneOffersOne() {
        var s = makeState()
        s.press(.character("4"))
        #expect(s.screen.contains("No checklist open: c creates one, w opens one."))
        #expect(s.press(.character(" ")).isEmpty)
        #expect(s.screen.contains("No checklist is open"))
        s.press(.character("c"))
        s.type("Ghana 2026 workshop")
        #expect(s.press(.enter) == [.createChecklist(name: "Ghana 2026 workshop")])
        _ = App.update(&s, .checklistOpened(Checklist(name: "Ghana 2026 workshop")))
        #expect(s.screen.contains("Checklist: Ghana 2026 workshop"))
    }

    @Test func renameSwitchAndDelete() {
        var s = checklistState()
        s.press(.character("R"), .ctrl("u"))
        s.type("Ghana team")
        #expect(s.press(.enter) == [.renameChecklist(from: "Ghana 2026 workshop", to: "Ghana team")])
        #expect(s.press(.character("w")) == [.listChecklists])
        s.press(.down)
        #expect(s.press(.enter) == [.openChecklist(name: "Senegal pilot")])
        s.press(.character("D"))
        #expect(s.screen.contains("Delete the checklist “Ghana 2026 workshop”?"))
        #expect(s.press(.character("n")).isEmpty)
        #expect(s.overlay == nil)
        s.press(.character("D"))
        #expect(s.press(.character("y")) == [.deleteChecklist(name: "Ghana 2026 workshop")])
        _ = App.update(&s, .checklistDeleted(name: "Ghana 2026 workshop"))
        #expect(s.checklist == nil)
        #expect(s.checklistNames == ["Senegal pilot"])
        #expect(s.checkInvariants() == [])
    }

    @Test func unreadableFilesAreReported() {
        var s = makeState()
        _ = App.update(&s, .checklistsListed(names: [], problems: ["/x/broken.json: not valid JSON"]))
        #expect(s.screen.contains("broken.json"))
    }

    @Test func orphanEntriesAreShownNotDropped() {
        var s = checklistState()
        var c = s.checklist!
        c.entries["ep-99.1"] = ChecklistEntry(status: .inPlace, updated: "2026-01-01T00:00:00Z")
        _ = App.update(&s, .checklistOpened(c))
        s.press(.character("G"))
        #expect(s.checklistPane.selected == .orphan("ep-99.1"))
        #expect(s.screen.contains("ep-99.1 — no longer in the data"))
    }
}
