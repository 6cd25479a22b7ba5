import Foundation
import Testing

@testable import RCPCore

/// Workshop checklists: conflicts between two explorers on one item, picking up another process's saves,
/// format 1 → 2 migration, workshop facts, import, merge and comparison.
@Suite struct ChecklistWorkshopTests {
    let practices = Catalog.bundled.practices

    // MARK: Conflicts: two explorers change the same item

    @Test func twoEditorsOnTheSameItemKeepBothVersionsAndNameTheItem() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        let base = try store.create("Ghana")
        // Explorer 1 and explorer 2 both opened revision 1.
        let first = try store.update("Ghana", basedOn: base.revision) {
            $0.set("ep-06.2", status: .inPlace); $0.setNote("ep-06.2", "MoU signed")
        }
        #expect(first.conflicts.isEmpty)
        let second = try store.update("Ghana", basedOn: base.revision) {
            $0.set("ep-06.2", status: .notInPlace); $0.setNote("ep-06.2", "no MoU yet")
        }
        #expect(second.conflicts == ["ep-06.2"])
        #expect(second.conflictSummary?.hasPrefix("6.2 was also changed by another rcpx") == true)
        #expect(first.conflictSummary == nil)
        let saved = try store.load("Ghana")
        let e = try #require(saved.entries["ep-06.2"])
        #expect(e.status == .notInPlace && e.note == "no MoU yet")
        #expect(e.alternatives.count == 1)
        #expect(e.alternatives.first?.status == .inPlace && e.alternatives.first?.note == "MoU signed")
        #expect(e.alternatives.first?.source.contains("another rcpx") == true)
        #expect(saved.conflictedItems == ["ep-06.2"])
    }

    @Test func differentItemsMergeWithoutConflict() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        let base = try store.create("Ghana")
        try store.update("Ghana", basedOn: base.revision) { $0.set("ep-01", status: .inPlace) }
        let second = try store.update("Ghana", basedOn: base.revision) { $0.set("ep-02", status: .inProgress) }
        #expect(second.conflicts.isEmpty)
        #expect(second.mergedForeignChanges)
        #expect(second.checklist.status(of: "ep-01") == .inPlace && second.checklist.status(of: "ep-02") == .inProgress)
    }

    @Test func anEditorThatSawTheOtherSaveHasNoConflict() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        _ = try store.create("Ghana")
        let first = try store.update("Ghana", basedOn: 1) { $0.set("ep-06.2", status: .inPlace) }
        let second = try store.update("Ghana", basedOn: first.checklist.revision) {
            $0.set("ep-06.2", status: .notInPlace)
        }
        #expect(second.conflicts.isEmpty)
        #expect(second.checklist.entries["ep-06.2"]?.alternatives.isEmpty == true)
    }

    @Test func resolvingTakesAKeptVersionOrKeepsTheCurrentOne() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        _ = try store.create("Ghana")
        try store.update("Ghana", basedOn: 1) { $0.setNote("ep-03", "theirs") }
        try store.update("Ghana", basedOn: 1) { $0.setNote("ep-03", "mine") }
        var c = try store.load("Ghana")
        let took = c.resolve("ep-03", takingAlternative: 0)
        #expect(took)
        #expect(c.note(of: "ep-03") == "theirs" && c.conflictedItems.isEmpty)
        let again = c.resolve("ep-03")
        #expect(!again)  // nothing kept any more
    }

    @Test func reloadPicksUpAnotherProcessSaveAndIsCheapOtherwise() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        _ = try store.create("Ghana")
        let (_, stamp) = try store.loadStamped("Ghana")
        #expect(try store.reload("Ghana", ifChangedSince: stamp) == nil)
        let other = ChecklistStore(directory: dir.path)  // another rcpx
        try other.update("Ghana") { $0.set("ep-05", status: .inPlace) }
        let again = try #require(try store.reload("Ghana", ifChangedSince: stamp))
        #expect(again.checklist.status(of: "ep-05") == .inPlace)
        #expect(try store.reload("Ghana", ifChangedSince: again.stamp) == nil)
        // A save's result carries the stamp of what it wrote: no reload of one's own save.
        let saved = try store.update("Ghana") { $0.set("ep-05", status: .inProgress) }
        #expect(try store.reload("Ghana", ifChangedSince: saved.stamp) == nil)
    }

    // MARK: Format 1 → 2 and workshop facts

    static let formatOne = """
        {"formatVersion": 1, "name": "Old one", "created": "2025-01-02T03:04:05Z", "updated": "2025-01-02T03:04:05Z",
         "revision": 4, "entries": {"ep-06.2": {"status": "in-progress", "note": "kept", "updated": "2025-01-02T03:04:05Z"}}}
        """

    @Test func formatOneFilesLoadAndAreWrittenBackAsTwo() throws {
        let dir = ChecklistTempDir()
        dir.write("old-one.json", Self.formatOne)
        let store = dir.store()
        let c = try store.load("Old one")
        #expect(c.formatVersion == 1 && c.revision == 4 && c.meta.isEmpty)
        #expect(c.note(of: "ep-06.2") == "kept" && c.entries["ep-06.2"]?.revision == 0)
        try store.update("Old one") { $0.meta.facilitator = "A. Mensah" }
        #expect(dir.text("old-one.json").contains("\"formatVersion\": 2"))
        let back = try store.load("Old one")
        #expect(back.formatVersion == 2 && back.note(of: "ep-06.2") == "kept" && back.meta.facilitator == "A. Mensah")
    }

    @Test func futureFormatIsRefusedAndLeftAlone() throws {
        let dir = ChecklistTempDir()
        let text = Self.formatOne.replacingOccurrences(of: "\"formatVersion\": 1", with: "\"formatVersion\": 3")
        dir.write("old-one.json", text)
        #expect(throws: ChecklistError.self) { try dir.store().load("Old one") }
        #expect(dir.text("old-one.json") == text)
    }

    @Test func metaRoundTripsAndSubjectsResolveThroughTheCatalog() throws {
        let catalog = Catalog.bundled
        let resolved = catalog.resolveSubject("senegal")
        guard case .record(let ghana) = resolved else { Issue.record("senegal: \(resolved)"); return }
        #expect(ghana.kind == .party && ghana.id != nil)
        guard case .record(let bali) = catalog.resolveSubject("Bali") else { Issue.record("bali"); return }
        #expect(bali.kind == .process)
        // Ghana is not in the 2005 paper's data: free text.
        #expect(catalog.resolveSubject(" Ghana ") == .freeText(.text("Ghana")))

        let dir = ChecklistTempDir()
        let store = dir.store()
        _ = try store.create("Ghana 2026")
        _ = try store.create("Other")
        let meta = ChecklistMeta(
            subject: ghana, date: "2026-12-03", facilitator: "A. Mensah",
            participants: "GIS; <b>Ministry</b> \u{1B}[31m")
        try store.update("Ghana 2026") { $0.meta = meta }
        #expect(try store.load("Ghana 2026").meta == meta)
        #expect(store.checklists(about: ghana.id!).map(\.name) == ["Ghana 2026"])
        #expect(ChecklistMeta.dateProblem("2026-12-03") == nil)
        #expect(ChecklistMeta.dateProblem("3 Dec") != nil && ChecklistMeta.dateProblem("2026-13-01") != nil)
    }

    // MARK: Import

    @Test func importReadsExportsAndFilesAllOrNothing() throws {
        let source = ChecklistTempDir(), target = ChecklistTempDir(), files = ChecklistTempDir()
        let s = source.store()
        _ = try s.create("Senegal")
        try s.update("Senegal") {
            $0.set("ep-06.2", status: .inPlace); $0.setNote("ep-06.2", "line one\nline <two> & \"three\"")
            $0.meta.facilitator = "F"
        }
        let exported = ChecklistExport.json(try s.load("Senegal"), practices: practices, date: "2026-12-03")
        files.write("senegal.json", exported)
        files.write("broken.json", String(exported.prefix(exported.count / 2)))
        files.write("foreign.json", "{\"hello\": 1}")
        files.write("mali.json", Self.formatOne.replacingOccurrences(of: "Old one", with: "Mali"))

        let t = target.store()
        // One bad file: nothing is imported, and each bad file is named with its reason.
        do {
            _ = try t.importChecklists(from: [
                files.file("senegal.json"), files.file("broken.json"), files.file("foreign.json"),
            ])
            Issue.record("imported a broken file")
        } catch {
            let text = error.description
            #expect(text.contains("broken.json") && text.contains("not valid JSON"))
            #expect(text.contains("foreign.json") && text.contains("not an rcpx checklist"))
            #expect(!text.contains("senegal.json"))
        }
        #expect(t.list().checklists.isEmpty)

        let done = try t.importChecklists(from: [files.file("senegal.json"), files.file("mali.json")])
        #expect(done.map(\.checklist.name) == ["Senegal", "Mali"])
        let senegal = try t.load("Senegal")
        #expect(senegal.note(of: "ep-06.2") == "line one\nline <two> & \"three\"" && senegal.meta.facilitator == "F")
        #expect(try t.load("Mali").note(of: "ep-06.2") == "kept")

        // A name clash needs --as or --replace.
        #expect(throws: ChecklistImportError.self) { try t.importChecklists(from: [files.file("senegal.json")]) }
        _ = try t.importChecklists(from: [files.file("senegal.json")], as: "Senegal copy")
        let replaced = try t.importChecklists(from: [files.file("senegal.json")], replace: true)
        #expect(replaced.first?.replaced == true)
        #expect(t.list().checklists.map(\.name).sorted() == ["Mali", "Senegal", "Senegal copy"])
    }

    // MARK: Merge

    @Test func mergeKeepsTheLaterChangeAndTheOtherNoteBesideIt() throws {
        var a = Checklist(name: "A", created: "2026-01-01T00:00:00Z")
        var b = Checklist(name: "B", created: "2026-01-01T00:00:00Z")
        a.set("ep-01", status: .inPlace, at: "2026-01-01T10:00:00Z")
        b.set("ep-01", status: .inPlace, at: "2026-01-01T11:00:00Z")
        a.set("ep-02", status: .inProgress, at: "2026-01-01T10:00:00Z");
        a.setNote("ep-02", "A's note", at: "2026-01-01T10:00:00Z")
        b.set("ep-02", status: .notInPlace, at: "2026-01-01T12:00:00Z");
        b.setNote("ep-02", "B's note", at: "2026-01-01T12:00:00Z")
        a.set("ep-03", status: .inPlace, at: "2026-01-01T13:00:00Z")
        b.setNote("ep-04", "only B", at: "2026-01-01T09:00:00Z")
        let r = ChecklistMerge.merge(a, b, name: "C")
        let c = r.checklist
        #expect(c.status(of: "ep-02") == .notInPlace && c.note(of: "ep-02") == "B's note")
        #expect(c.entries["ep-02"]?.alternatives.map(\.note) == ["A's note"])
        #expect(c.status(of: "ep-03") == .inPlace && c.note(of: "ep-04") == "only B")
        let outcomes = Dictionary(uniqueKeysWithValues: r.items.map { ($0.itemID, $0.outcome) })
        #expect(outcomes["ep-01"] == .same && outcomes["ep-02"] == .bothChanged(taken: 1))
        #expect(outcomes["ep-03"] == .onlyIn(0) && outcomes["ep-04"] == .onlyIn(1))
    }

    @Test func storeMergeIntoANewChecklistOrIntoOneOfTheCopies() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        _ = try store.create("Copy 1"); _ = try store.create("Copy 2")
        try store.update("Copy 1") { $0.setNote("ep-06", "from one") }
        try store.update("Copy 2") { $0.setNote("ep-06", "from two") }
        let merged = try store.merge("Copy 1", "Copy 2", into: "Merged")
        #expect(merged.bothChangedCount == 1)
        let m = try store.load("Merged")
        #expect(
            Set([m.note(of: "ep-06")] + (m.entries["ep-06"]?.alternatives.map(\.note) ?? [])) == [
                "from one", "from two",
            ])
        #expect(throws: ChecklistError.self) { try store.merge("Copy 1", "Copy 2", into: "Merged") }
        let before = try store.load("Copy 1").revision
        try store.merge("Copy 1", "Copy 2", into: "Copy 1")
        let one = try store.load("Copy 1")
        #expect(one.revision == before + 1 && one.entries["ep-06"]?.alternatives.count == 1)
    }

    // MARK: Comparison

    @Test func comparisonMarksDifferencesAndCountsPerHeading() {
        var a = Checklist(name: "A"), b = Checklist(name: "B")
        a.set("ep-06", status: .inPlace); b.set("ep-06", status: .inPlace)
        a.set("ep-06.2", status: .inProgress); b.set("ep-06.2", status: .notInPlace); b.setNote("ep-06.2", "why")
        let cmp = ChecklistComparison([a, b], practices: practices)
        #expect(cmp.names == ["A", "B"])
        #expect(cmp.differingRows.map(\.itemID) == ["ep-06.2"])
        let row = cmp.rows.first { $0.itemID == "ep-06.2" }!
        #expect(row.notes == [nil, "why"] && !row.isHeading && row.headingID == "ep-06")
        #expect(cmp.headingProgress["ep-06"]?.map(\.inPlace) == [1, 1])
        #expect(cmp.rows.count == practices.count + practices.reduce(0) { $0 + $1.items.count })
    }
}
