import Foundation
import RCPCore
import RCPTestSupport
import RCPUI
import Testing

@testable import rcpx

/// Two explorers on one checklist (issue "Right answers, nothing lost", item 6), through the backend's real
/// store calls and the reducer: the same item changed by both is kept twice and named; the other explorer
/// picks up a save.
@Suite struct TwoExplorersTests {
    func scratch() throws -> String {
        let dir = URL(fileURLWithPath: try makeScratchDirectory("rcpx-two"))
        return dir.path
    }

    /// A UI state over the bundled data with the checklist `name` opened through `backend`.
    func explorer(_ backend: ExplorerChecklists, _ name: String) -> AppState {
        var s = AppState(catalog: .bundled, options: UIOptions())
        _ = App.update(&s, .resize(width: 132, height: 43))
        for e in backend.startEvents(open: name) { _ = App.update(&s, e) }
        return s
    }

    /// Feeds effects to the backend and its answers back to the reducer, as the terminal loop does.
    func run(_ effects: [Effect], _ s: inout AppState, _ backend: ExplorerChecklists) {
        for effect in effects {
            for answer in backend.answers(effect) { run(App.update(&s, answer), &s, backend) }
        }
    }

    @Test func sameItemChangedByBothIsKeptAndNamed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = ExplorerChecklists(directory: dir), b = ExplorerChecklists(directory: dir)
        var sa = explorer(a, "Ghana"), sb = explorer(b, "Ghana")
        #expect(sa.checklist != nil && sb.checklist != nil)
        // Both go to the first practice and change its status.
        for _ in 0..<2 {
            run(App.update(&sa, .key(.character("4"))), &sa, a)
            run(App.update(&sb, .key(.character("4"))), &sb, b)
        }
        let item = try #require(sa.checklistPane.selected?.itemID)
        // Both write a note on it, B without having seen A's.
        run(App.update(&sa, .key(.character("e"))), &sa, a)
        run(App.update(&sb, .key(.character("e"))), &sb, b)
        for ch in "from A" { run(App.update(&sa, .key(.character(ch))), &sa, a) }
        run(App.update(&sa, .key(.enter)), &sa, a)
        for ch in "from B" { run(App.update(&sb, .key(.character(ch))), &sb, b) }
        run(App.update(&sb, .key(.enter)), &sb, b)
        // The second saver is told which item conflicted and how to choose.
        let said = sb.message?.text ?? ""
        #expect(said.contains(ChecklistItemID.displayNumber(item) ?? item), "\(said)")
        #expect(said.contains("both versions are kept"), "\(said)")
        let aSaid = sa.message?.text ?? ""
        #expect(aSaid.contains("merged in") == false, "\(aSaid)")
        // Nothing is lost: the file holds B's version and keeps A's beside it.
        let onDisk = try ChecklistStore(directory: dir).load("Ghana")
        #expect(onDisk.conflictedItems == [item])
        #expect(onDisk.note(of: item) == "from B")
        #expect(onDisk.entries[item]?.alternatives.contains { $0.note == "from A" } == true)
        // A picks up B's save without a key.
        let picked = a.poll()
        #expect(picked.count == 1)
        for e in picked { run(App.update(&sa, e), &sa, a) }
        #expect(sa.checklist?.note(of: item) == "from B")
        #expect(a.poll().isEmpty, "nothing new: one stat, no event")
    }

    @Test func unsavedChangesGoOnTopOfAPickedUpSaveAgainstTheirOwnRevision() throws {
        var s = AppState(catalog: .bundled, options: UIOptions())
        var c = Checklist(name: "W")
        c.revision = 3
        _ = App.update(&s, .checklistOpened(c))
        s.pendingChanges = [.note(itemID: "ep-02", "mine")]
        var theirs = c
        theirs.revision = 5
        theirs.setNote("ep-01", "theirs")
        let effects = App.update(&s, .checklistChangedOnDisk(theirs))
        #expect(effects == [.saveChecklist(name: "W", basedOn: 3, changes: [.note(itemID: "ep-02", "mine")])])
        #expect(s.checklist?.note(of: "ep-01") == "theirs")
        #expect(s.checklist?.note(of: "ep-02") == "mine")
    }
}
