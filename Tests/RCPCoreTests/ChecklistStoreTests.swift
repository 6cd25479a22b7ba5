import Foundation
import RCPTestSupport
import Testing

@testable import RCPCore

#if canImport(Glibc)
    import Glibc
#endif

/// A fresh folder under /tmp, removed at the end.
final class ChecklistTempDir: @unchecked Sendable {
    let path: String

    init() {
        path = try! makeScratchDirectory("rcpx-checklist-tests")
    }

    deinit {
        chmod(path, 0o755)
        try? FileManager.default.removeItem(atPath: path)
    }

    func file(_ name: String) -> String { path + "/" + name }
    func bytes(_ name: String) -> [UInt8] {
        (FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) }) ?? []
    }
    func text(_ name: String) -> String { String(decoding: bytes(name), as: UTF8.self) }
    func write(_ name: String, _ text: String) { write(name, Array(text.utf8)) }
    func write(_ name: String, _ bytes: [UInt8]) {
        #expect(FileManager.default.createFile(atPath: file(name), contents: Data(bytes)))
    }
    /// Every name in the folder, dotfiles included, sorted.
    func names() -> [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
    func store() -> ChecklistStore { ChecklistStore(directory: path) }
}

/// Notes that exercise the file format: Unicode, quotes, backslashes, line breaks, control characters.
let checklistAwkwardNotes: [String] = [
    "plain",
    "Côte d'Ivoire — «guillemets», 日本語, emoji 🇬🇭👍🏽, combining é",
    "\"quoted\" and 'single' and `back`",
    "line one\nline two\r\nline three\n",
    "tab\there, backslash \\ and \\n literally, slash / and null-ish \u{0}\u{1}\u{7F}",
    "markdown *bold* _x_ | pipe | <b>html</b> # not a heading",
    "separators \u{2028} and \u{2029}",
    "  leading and trailing spaces  ",
]

@Suite struct ChecklistStoreBasicsTests {
    @Test func roundTripOfEveryStatusAndNote() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        let created = try store.create("Ghana 2026 workshop")
        #expect(created.revision == 1)
        #expect(created.entries.isEmpty)
        var expected: [String: (ChecklistStatus, String?)] = [:]
        for (i, status) in ChecklistStatus.allCases.enumerated() {
            for (j, note) in (checklistAwkwardNotes + [nil]).enumerated() {
                let id = "ep-\(i + 1).\(j + 1)"
                try store.update("Ghana 2026 workshop") {
                    $0.set(id, status: status)
                    $0.setNote(id, note)
                }
                if status != .notAssessed || note != nil { expected[id] = (status, note) }
            }
        }
        // A new store (as another run of rcpx would) reads back exactly what was saved.
        let loaded = try ChecklistStore(directory: dir.path).load("Ghana 2026 workshop")
        #expect(loaded.name == "Ghana 2026 workshop")
        #expect(loaded.entries.count == expected.count)
        for (id, (status, note)) in expected {
            #expect(loaded.status(of: id) == status, "\(id)")
            #expect(loaded.note(of: id) == note, "\(id)")
        }
        #expect(loaded.revision == 1 + expected.count)
        #expect(loaded.formatVersion == Checklist.currentFormatVersion)
        #expect(loaded.created == created.created)

        // The file is readable JSON that any JSON reader agrees with, with formatVersion first.
        let text = dir.text("ghana-2026-workshop.json")
        #expect(
            text.hasPrefix(
                "{\n  \"formatVersion\": \(Checklist.currentFormatVersion),\n  \"name\": \"Ghana 2026 workshop\",\n"))
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
        let entries = parsed["entries"] as! [String: Any]
        #expect((entries["ep-3.4"] as! [String: Any])["note"] as? String == checklistAwkwardNotes[3])
        #expect((entries["ep-3.4"] as! [String: Any])["status"] as? String == "in-progress")

        // Writing the same checklist again gives the same bytes (stable key and entry order).
        #expect(ChecklistFileFormat.encode(loaded) == dir.bytes("ghana-2026-workshop.json"))
        #expect(try ChecklistFileFormat.decode(ChecklistFileFormat.encode(loaded)) == loaded)
    }

    @Test func entriesAreWrittenInNaturalIdOrder() throws {
        var c = Checklist(name: "Order", created: "2026-01-01T00:00:00Z")
        for id in ["ep-10", "ep-06.10", "ep-06.2", "ep-06"] { c.set(id, status: .inPlace, at: "x") }
        let text = String(decoding: ChecklistFileFormat.encode(c), as: UTF8.self)
        let positions = ["\"ep-06\"", "\"ep-06.2\"", "\"ep-06.10\"", "\"ep-10\""].map {
            text.range(of: $0)!.lowerBound
        }
        #expect(positions == positions.sorted())
    }

    @Test func createLoadListRenameDelete() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        #expect(store.list().checklists.isEmpty)
        try store.create("Ghana 2026 workshop")
        try store.create("Kenya")
        #expect(throws: ChecklistError.alreadyExists("Kenya", path: dir.file("kenya.json"))) {
            try store.create("Kenya")
        }
        #expect(throws: ChecklistError.alreadyExists("Kenya", path: dir.file("kenya.json"))) {
            try store.create("  KENYA ")
        }
        #expect(try store.load("kenya").name == "Kenya", "lookup ignores case")
        #expect(throws: ChecklistError.notFound("Togo", directory: dir.path)) { try store.load("Togo") }

        let listed = store.list()
        #expect(listed.problems.isEmpty)
        #expect(listed.checklists.map(\.name) == ["Ghana 2026 workshop", "Kenya"])
        #expect(listed.checklists[1].path == dir.file("kenya.json"))

        try store.update("Kenya") { $0.set("ep-01", status: .inPlace) }
        let renamed = try store.rename("Kenya", to: "Kenya national team")
        #expect(renamed.name == "Kenya national team")
        #expect(renamed.status(of: "ep-01") == .inPlace)
        #expect(!dir.names().contains("kenya.json"))
        #expect(!dir.names().contains(".kenya.json.lock"))
        #expect(dir.names().contains("kenya-national-team.json"))
        #expect(try store.load("Kenya national team").status(of: "ep-01") == .inPlace)
        #expect(throws: ChecklistError.self) { try store.load("Kenya") }
        #expect(throws: ChecklistError.alreadyExists("Ghana 2026 workshop", path: dir.file("ghana-2026-workshop.json")))
        {
            try store.rename("Kenya national team", to: "ghana 2026 WORKSHOP")
        }
        // A change of case only keeps the file.
        try store.rename("Kenya national team", to: "KENYA National Team")
        #expect(try store.load("KENYA National Team").name == "KENYA National Team")
        #expect(dir.names().contains("kenya-national-team.json"))

        try store.delete("KENYA National Team")
        #expect(store.list().checklists.map(\.name) == ["Ghana 2026 workshop"])
        #expect(dir.names().filter { $0.contains("kenya") }.isEmpty, "\(dir.names())")
        #expect(throws: ChecklistError.notFound("KENYA National Team", directory: dir.path)) {
            try store.delete("KENYA National Team")
        }
    }

    @Test func loadOrCreate() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        let a = try store.loadOrCreate("Togo")
        try store.update("Togo") { $0.set("ep-01", status: .inProgress) }
        let b = try store.loadOrCreate("Togo")
        #expect(a.revision == 1 && b.revision == 2 && b.status(of: "ep-01") == .inProgress)
    }

    @Test func creatingInAMissingFolderMakesIt() throws {
        let dir = ChecklistTempDir()
        let store = ChecklistStore(directory: dir.file("a/b/rcpx/checklists"))
        #expect(store.list().checklists.isEmpty && store.list().problems.isEmpty)
        #expect(throws: ChecklistError.notFound("X", directory: dir.file("a/b/rcpx/checklists"))) {
            try store.load("X")
        }
        try store.create("X")
        #expect(try store.load("X").name == "X")
    }

    @Test func namesThatDifferOnlyByCaseOrPunctuationAndDangerousNames() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Ghana 2026 workshop")
        try store.create("Ghana-2026 workshop!")
        try store.create("ghana / 2026 / workshop")
        #expect(
            dir.names().filter { $0.hasSuffix(".json") }
                == ["ghana-2026-workshop-2.json", "ghana-2026-workshop-3.json", "ghana-2026-workshop.json"])
        try store.update("Ghana-2026 workshop!") { $0.set("ep-02", status: .inPlace) }
        #expect(try store.load("Ghana 2026 workshop").status(of: "ep-02") == .notAssessed)
        #expect(try store.load("Ghana-2026 workshop!").status(of: "ep-02") == .inPlace)

        for name in ["../../etc/passwd", "..", "/", ".hidden", "a/../../b", "Ελλάδα", "..json"] {
            try store.create(name)
            #expect(try store.load(name).name == name)
        }
        for n in dir.names() {
            #expect(!n.contains("/") && n != ".." && n != ".")
        }
        #expect(FileManager.default.fileExists(atPath: dir.file("etc-passwd.json")))
        #expect(FileManager.default.fileExists(atPath: dir.file("checklist.json")))
        #expect(store.list().checklists.count == 3 + 7)
        // Nothing escaped the folder.
        #expect(!FileManager.default.fileExists(atPath: "/tmp/b.json"))
    }

    @Test func slugs() {
        #expect(ChecklistStore.slug("Ghana 2026 workshop") == "ghana-2026-workshop")
        #expect(ChecklistStore.slug("Côte d'Ivoire — Team") == "cote-d-ivoire-team")
        #expect(ChecklistStore.slug("../../etc/passwd") == "etc-passwd")
        #expect(ChecklistStore.slug("..") == "checklist")
        #expect(ChecklistStore.slug("日本") == "checklist")
        #expect(ChecklistStore.slug(String(repeating: "ab ", count: 50)).count <= 60)
        #expect(!ChecklistStore.slug(String(repeating: "ab ", count: 50)).hasSuffix("-"))
    }

    @Test func invalidNames() {
        let store = ChecklistStore(directory: "/nonexistent")
        for bad in ["", "   ", "two\nlines", "bell\u{7}", String(repeating: "x", count: 201)] {
            #expect(throws: ChecklistError.self) { try store.create(bad) }
        }
        do {
            try store.create("a\nb")
        } catch {
            #expect(error.description.contains("line break"))
        }
    }

    @Test func defaultDirectory() {
        #expect(
            ChecklistStore.defaultDirectory(environment: ["XDG_DATA_HOME": "/x/data", "HOME": "/home/u"])
                == "/x/data/rcpx/checklists")
        #expect(
            ChecklistStore.defaultDirectory(environment: ["HOME": "/home/u"])
                == "/home/u/.local/share/rcpx/checklists")
        #expect(
            ChecklistStore.defaultDirectory(environment: ["XDG_DATA_HOME": "relative", "HOME": "/home/u"])
                == "/home/u/.local/share/rcpx/checklists", "a relative XDG_DATA_HOME is ignored, as the spec says")
        #expect(
            ChecklistStore.defaultDirectory(environment: ["XDG_DATA_HOME": "", "HOME": "/home/u/"])
                == "/home/u/.local/share/rcpx/checklists")
        #expect(
            ChecklistStore.defaultDirectory(environment: ["RCPX_DATA_HOME": "/r", "XDG_DATA_HOME": "/x"])
                == "/r/checklists")
        #expect(ChecklistStore.defaultDirectory(environment: [:]).hasSuffix("/.local/share/rcpx/checklists"))
    }

    @Test func filePermissionsAreKept() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Private")
        chmod(dir.file("private.json"), 0o600)
        try store.update("Private") { $0.set("ep-01", status: .inPlace) }
        var st = stat()
        stat(dir.file("private.json"), &st)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func orphanedIdsAreKeptAcrossReloadsAndUpdates() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Old data")
        try store.update("Old data") {
            $0.set("ep-21.4", status: .inPlace)  // an id a newer data file no longer has
            $0.setNote("ep-21.4", "was 21.4 in the old data")
            $0.set("ep-06.2", status: .inProgress)
        }
        try store.update("Old data") { $0.set("ep-06.2", status: .inPlace) }
        let reloaded = try ChecklistStore(directory: dir.path).load("Old data")
        #expect(reloaded.status(of: "ep-21.4") == .inPlace)
        #expect(reloaded.note(of: "ep-21.4") == "was 21.4 in the old data")
        #expect(reloaded.orphanEntries(practices: ChecklistFixtures.practices) == ["ep-21.4"])
        #expect(dir.text("old-data.json").contains("\"ep-21.4\""))
    }

    @Test func updateThatChangesNothingWritesNothing() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Same")
        let before = dir.bytes("same.json")
        let result = try store.update("Same") { $0.set("ep-01", status: .notAssessed) }
        #expect(!result.saved && result.checklist.revision == 1)
        #expect(dir.bytes("same.json") == before)
        struct Refused: Error {}
        #expect(throws: Refused.self) {
            try store.update("Same") {
                $0.set("ep-01", status: .inPlace); throw Refused()
            }
        }
        #expect(dir.bytes("same.json") == before, "a throwing change writes nothing")
        // The change cannot rename or rewind the revision.
        let r = try store.update("Same") {
            $0.name = "Other"; $0.revision = 99; $0.set("ep-01", status: .inPlace)
        }
        #expect(r.checklist.name == "Same" && r.checklist.revision == 2)
    }

    @Test func updateOfMissingChecklist() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        #expect(throws: ChecklistError.notFound("Nope", directory: dir.path)) {
            try store.update("Nope") { $0.set("ep-01", status: .inPlace) }
        }
        #expect(dir.names().isEmpty, "\(dir.names())")
    }
}

@Suite struct ChecklistDamagedFileTests {
    static func error(_ body: () throws -> Checklist) -> ChecklistError? {
        do { _ = try body(); return nil } catch { return error as? ChecklistError }
    }

    @Test func corruptFileIsReportedAndLeftByteIdentical() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Good one")
        let garbage: [UInt8] = Array("{\"formatVersion\": 1, \"name\": \"Broken\", \"entries\": {".utf8) + [0xFF, 0xFE]
        dir.write("broken.json", garbage)
        dir.write("empty.json", "")
        dir.write("wrong-shape.json", "[1, 2, 3]")
        dir.write(
            "bad-status.json",
            """
            {"formatVersion": 1, "name": "Bad status", "created": "x", "updated": "x", "revision": 3,
             "entries": {"ep-01": {"status": "done", "updated": "x"}}}
            """)
        dir.write("README.txt", "not a checklist, not looked at")

        let (checklists, problems) = store.list()
        #expect(checklists.map(\.name) == ["Good one"])
        #expect(
            problems.map(\.path)
                == ["bad-status.json", "broken.json", "empty.json", "wrong-shape.json"]
                .map(dir.file))
        #expect(problems[0].reason.contains("unknown status \"done\""))
        #expect(problems[1].reason.contains("not valid JSON"))
        #expect(problems[2].reason.contains("empty"))
        #expect(problems[1].description.hasPrefix(dir.file("broken.json") + ": "))

        // Loading, updating, creating over the name: refused or diverted, never written over.
        #expect(throws: ChecklistError.self) { try store.load("Bad status") }
        let loadError = Self.error { try store.load("Broken") }
        #expect(loadError?.path == dir.file("broken.json"))
        #expect(loadError?.description.contains(dir.file("broken.json")) == true)
        #expect(loadError?.description.contains("left as it is") == true)
        #expect(throws: ChecklistError.self) { try store.update("Broken") { $0.set("ep-01", status: .inPlace) } }
        let made = try store.create("Broken")
        #expect(made.name == "Broken")
        #expect(dir.names().contains("broken-2.json"))
        #expect(try store.load("Broken").revision == 1)
        #expect(dir.bytes("broken.json") == garbage)
        #expect(dir.bytes("empty.json").isEmpty)
        #expect(dir.text("wrong-shape.json") == "[1, 2, 3]")
    }

    @Test func theDecoderSaysWhatIsWrong() {
        func reason(_ text: String) -> String {
            do {
                _ = try ChecklistFileFormat.decode(Array(text.utf8))
                return "decoded"
            } catch {
                switch error {
                case .corrupt(let why): return why
                case .newerFormat(let v): return "newer \(v)"
                }
            }
        }
        let head = "\"name\": \"N\", \"created\": \"c\", \"updated\": \"u\", \"revision\": 1"
        #expect(reason("{\"formatVersion\": true, \(head)}") == "\"formatVersion\" is not a whole number")
        #expect(reason("{\"formatVersion\": 1.5, \(head)}") == "\"formatVersion\" is not a whole number")
        #expect(reason("{\"formatVersion\": 3}") == "newer 3")
        #expect(reason("{\(head)}") == "no \"formatVersion\"")
        #expect(reason("{\"formatVersion\": 1, \"name\": \"N\"}") == "\"created\" is missing or not text")
        #expect(
            reason(
                "{\"formatVersion\": 1, \(head), \"entries\": {\"ep-01\": {\"status\": \"in-place\"}, "
                    + "\"ep-01\": {\"status\": \"not-in-place\"}}}") == "entry \"ep-01\" appears twice")
        #expect(
            reason(
                "{\"formatVersion\": 1, \(head), \"entries\": {\"ep-01\": {\"status\": \"in-place\", "
                    + "\"note\": 3}}}") == "the note of entry \"ep-01\" is not text")
        #expect(reason("{\"formatVersion\": 1,\n \"name\": }").hasPrefix("not valid JSON: 2:"))
        #expect(reason("{\"formatVersion\": 1, \(head), \"entries\": null}") == "decoded")
    }

    @Test func corruptionOfAnOpenChecklistStopsItsSaves() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Team A")
        let loaded = try store.load("Team A")
        dir.write("team-a.json", "{ \"formatVersion\": 1, \"name\": \"Team A\", trunc")
        let damaged = dir.bytes("team-a.json")
        #expect(throws: ChecklistError.self) {
            try store.update("Team A", basedOn: loaded.revision) { $0.set("ep-01", status: .inPlace) }
        }
        #expect(dir.bytes("team-a.json") == damaged)
    }

    @Test func newerFormatIsRefusedAndKept() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        let future = """
            {
              "formatVersion": 3,
              "name": "From the future",
              "created": "2030-01-01T00:00:00Z",
              "updated": "2030-01-01T00:00:00Z",
              "revision": 7,
              "entries": {"ep-01": {"status": "in-place", "confidence": 0.9}},
              "newThing": true
            }

            """
        dir.write("from-the-future.json", future)
        let (checklists, problems) = store.list()
        #expect(checklists.isEmpty)
        #expect(problems.count == 1)
        #expect(problems.first?.reason.contains("newer rcpx (format 3") == true)
        #expect(throws: ChecklistError.newerFormat(path: dir.file("from-the-future.json"), version: 3)) {
            try store.load("From the future")
        }
        #expect(throws: ChecklistError.newerFormat(path: dir.file("from-the-future.json"), version: 3)) {
            try store.update("From the future") { $0.set("ep-02", status: .inPlace) }
        }
        #expect(throws: ChecklistError.self) { try store.delete("From the future") }
        try store.create("From the future")  // goes to another file
        #expect(dir.text("from-the-future.json") == future)
        let message = ChecklistError.newerFormat(path: "/p/x.json", version: 3).description
        #expect(
            message == "cannot read checklist file /p/x.json: it was written by a newer rcpx (format 3; "
                + "this rcpx reads format 2 and older); the file is left as it is")
    }

    @Test func unreadableEntriesAreReported() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Fine")
        // A folder where a file should be: read() fails even for root (unlike a chmod 000 file).
        try FileManager.default.createDirectory(atPath: dir.file("folder.json"), withIntermediateDirectories: false)
        dir.write("locked.json", Array(ChecklistFileFormat.encode(Checklist(name: "Locked"))))
        chmod(dir.file("locked.json"), 0o000)
        let (checklists, problems) = store.list()
        #expect(problems.contains { $0.path == dir.file("folder.json") && $0.reason.contains("folder") })
        if geteuid() != 0 {
            // Only a non-root user is stopped by file permissions.
            #expect(problems.contains { $0.path == dir.file("locked.json") && $0.reason.contains("permission") })
            #expect(checklists.map(\.name) == ["Fine"])
        } else {
            #expect(checklists.map(\.name).sorted() == ["Fine", "Locked"])
        }
    }
}

@Suite struct ChecklistReadOnlyFolderTests {
    /// A data folder that cannot be created: its parent is a regular file. This fails for root too (ENOTDIR).
    @Test func aFolderThatCannotBeCreatedGivesAClearErrorAndTheCallerKeepsItsCopy() throws {
        let dir = ChecklistTempDir()
        // Simulates a data folder that cannot be made: its parent is a regular file (ENOTDIR, even for root).
        dir.write("not-a-folder", "x")
        let store = ChecklistStore(directory: dir.file("not-a-folder/rcpx/checklists"))
        var caught: ChecklistError?
        do { try store.create("Ghana 2026 workshop") } catch { caught = error }
        let message = caught?.description ?? ""
        #expect(message.hasPrefix("cannot save checklist \"Ghana 2026 workshop\": "), "\(message)")
        #expect(message.contains(dir.file("not-a-folder")), "\(message)")
        #expect(message.contains("is not a folder"), "\(message)")
        #expect(store.list().checklists.isEmpty)

        // The caller keeps working in memory, and saves once the folder can be written.
        var inMemory = Checklist(name: "Ghana 2026 workshop")
        inMemory.set("ep-06.2", status: .inPlace)
        inMemory.setNote("ep-06.2", "agreed in session 2")
        unlink(dir.file("not-a-folder"))
        try store.loadOrCreate("Ghana 2026 workshop")
        let saved = try store.update("Ghana 2026 workshop") { $0.entries.merge(inMemory.entries) { _, mine in mine } }
        #expect(saved.checklist.note(of: "ep-06.2") == "agreed in session 2")
    }

    @Test func aReadOnlyFolderGivesAClearErrorAndNothingIsLost() throws {
        let dir = ChecklistTempDir()
        var store = dir.store()
        try store.create("Ghana 2026 workshop")
        try store.update("Ghana 2026 workshop") { $0.set("ep-01", status: .inPlace) }
        let before = dir.bytes("ghana-2026-workshop.json")
        let namesBefore = dir.names()
        let expected: String
        chmod(dir.path, 0o555)
        defer { chmod(dir.path, 0o755) }
        let probe = dir.file("probe")
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        if fd >= 0 {
            // Running as root: permissions do not stop writes, and making a read-only mount needs privileges
            // the tests do not assume. So this SIMULATES a read-only file system: the store's file creation
            // fails with EROFS, as it would on one. (The real-permission path runs for non-root users, below;
            // the test above covers a folder that cannot be created, for root too.)
            close(fd); unlink(probe)
            store.simulatedWriteError = EROFS
            expected = "cannot save checklist \"Ghana 2026 workshop\": \(dir.path) is read-only (read-only file system)"
        } else {
            expected =
                "cannot save checklist \"Ghana 2026 workshop\": \(dir.path) is read-only (no permission to write in it)"
        }
        var caught: Error?
        do { try store.update("Ghana 2026 workshop") { $0.set("ep-02", status: .inPlace) } } catch { caught = error }
        #expect((caught as? ChecklistError)?.description == expected)
        #expect(dir.bytes("ghana-2026-workshop.json") == before, "the file is untouched")
        #expect(dir.names() == namesBefore, "no temporary file left: \(dir.names())")
        #expect(try store.load("Ghana 2026 workshop").status(of: "ep-01") == .inPlace, "reading still works")
        #expect(store.list().checklists.count == 1)
        #expect(store.list().problems.isEmpty)
        caught = nil
        do { try store.create("Second") } catch { caught = error }
        #expect((caught as? ChecklistError)?.description.hasPrefix("cannot save checklist \"Second\": ") == true)
        #expect(
            (caught as? ChecklistError)?.description.contains("is read-only") == true, "\(String(describing: caught))")
    }
}

@Suite struct ChecklistCrashTests {
    @Test(arguments: [ChecklistWriteStage.halfWritten, .beforeRename])
    func aCrashDuringAWriteLeavesTheOldFile(stage: ChecklistWriteStage) throws {
        let dir = ChecklistTempDir()
        var store = dir.store()
        try store.create("Crashy")
        try store.update("Crashy") {
            $0.set("ep-01", status: .inProgress); $0.setNote("ep-01", "before the crash")
        }
        let before = dir.bytes("crashy.json")

        store.simulatedCrash = stage
        #expect(throws: ChecklistSimulatedCrash.self) {
            try store.update("Crashy") {
                $0.set("ep-01", status: .inPlace); $0.setNote("ep-01", "lost")
            }
        }
        // The killed write left its temporary file, as kill -9 would.
        let temps = dir.names().filter { $0.hasPrefix(".crashy.json.tmp-") }
        #expect(temps.count == 1)
        #expect(dir.bytes("crashy.json") == before)

        let fresh = dir.store()
        let (checklists, problems) = fresh.list()
        #expect(problems.isEmpty, "temporary files are not checklists")
        #expect(checklists.map(\.name) == ["Crashy"])
        let loaded = try fresh.load("Crashy")
        #expect(loaded.status(of: "ep-01") == .inProgress && loaded.note(of: "ep-01") == "before the crash")

        // Work goes on; the next list() past the age limit removes the stray temporary file.
        try fresh.update("Crashy") { $0.set("ep-02", status: .inPlace) }
        #expect(dir.names().filter { $0.hasPrefix(".crashy.json.tmp-") }.count == 1, "young temp files are kept")
        var sweeping = fresh
        sweeping.staleTemporaryAge = 0
        _ = sweeping.list()
        #expect(dir.names().filter { $0.contains(".tmp-") }.isEmpty, "\(dir.names())")
        #expect(try fresh.load("Crashy").status(of: "ep-02") == .inPlace)
    }

    @Test func strayTemporaryFilesFromACrashAreIgnored() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Kept")
        try store.update("Kept") { $0.set("ep-06.2", status: .inPlace) }
        let before = dir.bytes("kept.json")
        // What a crash leaves: a complete new version not yet renamed, and a half-written one.
        var newer = try store.load("Kept")
        newer.set("ep-06.2", status: .notInPlace)
        dir.write(".kept.json.tmp-4242-1", ChecklistFileFormat.encode(newer))
        dir.write(".kept.json.tmp-4242-2", Array(ChecklistFileFormat.encode(newer).prefix(40)))
        dir.write(".unrelated-dotfile", "keep me")
        let (checklists, problems) = store.list()
        #expect(problems.isEmpty)
        #expect(checklists.map(\.name) == ["Kept"])
        #expect(try store.load("Kept").status(of: "ep-06.2") == .inPlace)
        #expect(dir.bytes("kept.json") == before)
        var sweeping = store
        sweeping.staleTemporaryAge = 0
        _ = sweeping.list()
        #expect(dir.names() == [".kept.json.lock", ".rcpx-checklists.lock", ".unrelated-dotfile", "kept.json"])
    }
}

@Suite struct ChecklistConcurrencyTests {
    @Test func twoThreadsWithTheirOwnStoresEach200UpdatesAllKept() throws {
        let dir = ChecklistTempDir()
        try dir.store().create("Shared")
        let writers = 2, updates = 200
        let failures = ChecklistFailureBox()
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            let store = ChecklistStore(directory: dir.path)  // its own store; every update opens its own fd
            var revision = 1
            for i in 0..<updates {
                do {
                    let r = try store.update("Shared", basedOn: revision) {
                        $0.set("w\(w)-\(i)", status: ChecklistStatus.allCases[1 + i % 4])
                    }
                    revision = r.checklist.revision
                    if r.mergedForeignChanges { failures.merged(w) }
                } catch {
                    failures.add("\(w)/\(i): \(error)")
                }
            }
        }
        #expect(failures.errors.isEmpty, "\(failures.errors.prefix(3))")
        let final = try dir.store().load("Shared")
        #expect(final.entries.count == writers * updates)
        #expect(final.revision == 1 + writers * updates)
        for w in 0..<writers {
            for i in 0..<updates { #expect(final.status(of: "w\(w)-\(i)") == ChecklistStatus.allCases[1 + i % 4]) }
        }
        #expect(dir.names().filter { $0.contains(".tmp-") }.isEmpty)
    }

    @Test func fourThreadsCyclingTheSameItemLoseNoStep() throws {
        let dir = ChecklistTempDir()
        try dir.store().create("Cycle")
        let failures = ChecklistFailureBox()
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let store = ChecklistStore(directory: dir.path)
            for _ in 0..<25 {
                do { try store.update("Cycle") { $0.set("ep-01", status: $0.status(of: "ep-01").next) } } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.errors.isEmpty)
        let final = try dir.store().load("Cycle")
        // 100 cycle steps in total, each applied to the latest state: 100 mod 5 = 0 → back to the start.
        #expect(final.revision == 101)
        #expect(final.status(of: "ep-01") == .notAssessed)
    }

    @Test func aForeignChangeIsMergedAndReported() throws {
        let dir = ChecklistTempDir()
        let mine = dir.store(), theirs = dir.store()
        let start = try mine.create("Two screens")
        let a = try mine.update("Two screens", basedOn: start.revision) { $0.set("ep-01", status: .inPlace) }
        #expect(!a.mergedForeignChanges && a.saved)
        // Another rcpx changes another item and the note of the same item.
        try theirs.update("Two screens") {
            $0.set("ep-02", status: .notInPlace); $0.setNote("ep-01", "theirs")
        }
        let b = try mine.update("Two screens", basedOn: a.checklist.revision) { $0.set("ep-03", status: .inProgress) }
        #expect(b.mergedForeignChanges)
        #expect(b.checklist.status(of: "ep-01") == .inPlace)
        #expect(b.checklist.status(of: "ep-02") == .notInPlace)
        #expect(b.checklist.note(of: "ep-01") == "theirs")
        #expect(b.checklist.status(of: "ep-03") == .inProgress)
        #expect(b.checklist.revision == 4)
        let c = try mine.update("Two screens", basedOn: b.checklist.revision) { $0.set("ep-04", status: .inPlace) }
        #expect(!c.mergedForeignChanges)
    }

    /// Another holder of the checklist's lock (an open of the lock file of its own, as another rcpx has: flock
    /// locks belong to the open file, so the store's open waits for it) replaces the file while holding the
    /// lock. The update must wait for it, then apply the change on top of the other version and say so. The
    /// file is replaced only once the update is seen waiting (in /proc/locks), so its merge proves the wait.
    @Test func anotherHolderOfTheLockIsWaitedForAndMerged() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        let start = try store.create("Locked")
        var theirs = start
        theirs.set("ep-05", status: .inPlace, at: "2026-01-01T00:00:00Z")
        theirs.revision = 2

        let lockFile = dir.file(".locked.json.lock")
        let fd = open(lockFile, O_RDWR | O_CREAT, 0o644)
        try #require(fd >= 0, "cannot open \(lockFile)")
        defer { close(fd) }
        try #require(flock(fd, LOCK_EX) == 0)
        let lockInode = try #require(inode(of: lockFile))

        final class Outcome: @unchecked Sendable { var result: Result<ChecklistStore.UpdateResult, Error>? }
        let outcome = Outcome()
        let finished = DispatchSemaphore(value: 0)
        let writer = dir.store()
        DispatchQueue.global().async {
            outcome.result = Result {
                try writer.update("Locked", basedOn: start.revision) { $0.set("ep-06", status: .inProgress) }
            }
            finished.signal()
        }
        let deadline = Date().addingTimeInterval(15)
        var waiting = false
        while !waiting && Date() < deadline {
            waiting = lockWaiters().contains { $0.inode == lockInode }
            if !waiting { usleep(10_000) }
        }
        #expect(waiting, "the update did not wait for the lock")
        dir.write("locked.json", ChecklistFileFormat.encode(theirs))
        flock(fd, LOCK_UN)
        finished.wait()

        let r = try #require(try outcome.result?.get())
        #expect(r.mergedForeignChanges)
        #expect(r.checklist.revision == 3)
        #expect(r.checklist.status(of: "ep-05") == .inPlace, "their change is kept")
        #expect(r.checklist.status(of: "ep-06") == .inProgress)
        #expect(try store.load("Locked") == r.checklist)
    }

    @Test func aChecklistDeletedByAnotherProcessMeanwhile() throws {
        let dir = ChecklistTempDir()
        let store = dir.store()
        try store.create("Gone")
        try dir.store().delete("Gone")
        #expect(throws: ChecklistError.self) { try store.update("Gone") { $0.set("ep-01", status: .inPlace) } }
        #expect(dir.names().filter { $0.hasSuffix(".json") }.isEmpty)
    }
}

/// Collects failures from concurrent writers.
final class ChecklistFailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var errors: [String] = []
    private(set) var mergedCount: [Int: Int] = [:]
    func add(_ s: String) { lock.lock(); errors.append(s); lock.unlock() }
    func merged(_ w: Int) { lock.lock(); mergedCount[w, default: 0] += 1; lock.unlock() }
}
