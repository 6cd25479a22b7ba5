import Foundation
import RCPCore
import RCPTestSupport
import Testing

/// `rcpx checklist …` end to end: the real binary, with XDG_DATA_HOME pointed at a fresh folder.
@Suite struct ChecklistCommandTests {
    /// A fresh XDG_DATA_HOME; checklists land in `<home>/rcpx/checklists`.
    final class DataHome {
        let path: String
        var checklists: String { path + "/rcpx/checklists" }
        init() {
            path = try! makeScratchDirectory("rcpx-checklist-cli")
        }
        deinit { removeScratchDirectory(path) }

        /// Runs `rcpx checklist ARGS` with this data home.
        @discardableResult
        func run(_ args: String..., stdin: String? = nil) throws -> RunResult {
            try runRcpx(
                ["checklist"] + args, stdin: stdin, environment: ["XDG_DATA_HOME": path, "LANG": "C.UTF-8"],
                removing: ["RCPX_DATA_HOME"])
        }

        func file(_ name: String) -> String { checklists + "/" + name }
        func bytes(_ name: String) -> Data? { FileManager.default.contents(atPath: file(name)) }
    }

    @Test func createSetShowAndDelete() throws {
        let home = DataHome()
        var r = try home.run("new", "Ghana 2026 workshop")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("created checklist \"Ghana 2026 workshop\""))
        #expect(FileManager.default.fileExists(atPath: home.file("ghana-2026-workshop.json")))

        r = try home.run("new", "ghana 2026 WORKSHOP")
        #expect(r.status == 1)
        #expect(r.stderr.contains("already exists"))

        r = try home.run(
            "set", "Ghana 2026 workshop", "6.2", "in-progress", "--note", "draft MoU, with \"Italy\"\nsecond line")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("◐ 6.2 "))
        #expect(r.stdout.contains("in progress"))
        #expect(r.stdout.contains("note: draft MoU, with \"Italy\""))
        r = try home.run("set", "Ghana 2026 workshop", "ep-01.1", "in-place")
        #expect(r.status == 0, "\(r.stderr)")
        r = try home.run("set", "ghana 2026 workshop", "6", "not-applicable")
        #expect(r.status == 0, "lookup ignores case: \(r.stderr)")
        r = try home.run("set", "Ghana 2026 workshop", "2", "In Place")
        #expect(r.status == 0, "\(r.stderr)")

        r = try home.run("show", "Ghana 2026 workshop")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Ghana 2026 workshop\n"))
        #expect(r.stdout.contains("    ✓ 1.1 "))
        #expect(r.stdout.contains("– 6. "))
        #expect(r.stdout.contains("    ◐ 6.2 "))
        #expect(r.stdout.contains("        note: draft MoU, with \"Italy\"\n              second line\n"))
        #expect(r.stdout.contains("✓ 2. "))
        #expect(r.stdout.contains("4 of "))
        #expect(r.stderr.isEmpty)
        r = try home.run("show", "Ghana 2026 workshop", "--ascii")
        #expect(r.stdout.contains("    + 1.1 ") && r.stdout.contains("    ~ 6.2 "))

        r = try home.run("list")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Ghana 2026 workshop  "))
        #expect(r.stdout.contains("4 of "))
        r = try home.run("list", "--format", "json")
        let list = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [[String: Any]]
        #expect(list.count == 1)
        #expect(list[0]["name"] as? String == "Ghana 2026 workshop")
        #expect(list[0]["assessed"] as? Int == 4)
        #expect(list[0]["revision"] as? Int == 5)

        r = try home.run("rename", "Ghana 2026 workshop", "Ghana 2026")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: home.file("ghana-2026.json")))

        // Deleting from a script needs --yes.
        r = try home.run("delete", "Ghana 2026", stdin: "y\n")
        #expect(r.status == 64)
        #expect(r.stderr.contains("--yes"))
        #expect(FileManager.default.fileExists(atPath: home.file("ghana-2026.json")))
        r = try home.run("delete", "Ghana 2026", "--yes")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: home.file("ghana-2026.json")))
        r = try home.run("delete", "Ghana 2026", "--yes")
        #expect(r.status == 1)
        #expect(r.stderr.contains("no checklist named \"Ghana 2026\""))
    }

    @Test func usageErrorsAndMissingChecklists() throws {
        let home = DataHome()
        try home.run("new", "Togo")
        let before = home.bytes("togo.json")
        var r = try home.run("set", "Togo", "6.9", "in-place")
        #expect(r.status == 64)
        #expect(r.stderr.contains("\"6.9\""))
        #expect(r.stdout.isEmpty)
        r = try home.run("set", "Togo", "6.2", "done")
        #expect(r.status == 64)
        #expect(r.stderr.contains("not-assessed, not-in-place, in-progress, in-place, not-applicable"))
        r = try home.run("export", "Togo", "--format", "pdf")
        #expect(r.status == 64)
        #expect(home.bytes("togo.json") == before, "nothing was written")

        r = try home.run("set", "Benin", "6.2", "in-place")
        #expect(r.status == 1)
        #expect(r.stderr.contains("no checklist named \"Benin\""))
        #expect(r.stderr.contains("rcpx checklist new Benin"))
        r = try home.run("set", "Benin", "6.2", "in-place", "--create")
        #expect(r.status == 0, "\(r.stderr)")
        r = try home.run("show", "Nowhere")
        #expect(r.status == 1)
    }

    @Test func exportsInEachFormat() throws {
        let home = DataHome()
        try home.run("new", "Report")
        try home.run("set", "Report", "1", "in-progress", "--note", "policy, \"draft\"")
        try home.run("set", "Report", "1.1", "in-place")
        try home.run("set", "Report", "6.2", "not-in-place")

        var r = try home.run("export", "Report", "--format", "markdown", "--date", "2026-03-14")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("# Practice checklist: Report\n"))
        #expect(r.stdout.contains("Date: 2026-03-14"))
        #expect(r.stdout.contains("## 1. "))
        #expect(r.stdout.contains("Heading: ◐ **in progress**"))
        #expect(r.stdout.contains("> Note: policy, \"draft\""))
        #expect(r.stdout.contains("- ✓ **1.1** "))
        #expect(r.stdout.contains("- ✗ **6.2** "))
        #expect(r.stdout.contains("## 20. "))

        r = try home.run("export", "Report", "--format", "csv")
        #expect(r.status == 0)
        let lines = r.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "id,heading,item,status,note,updated")
        let practices = Catalog.bundled.practices
        let units = practices.count + practices.reduce(0) { $0 + $1.items.count }
        #expect(lines.count == 1 + units + 1, "a row per heading and sub-heading, and a final line end")
        #expect(lines.contains { $0.hasPrefix("ep-01,1. ") && $0.contains(",in-progress,\"policy, \"\"draft\"\"\",") })
        #expect(lines.contains { $0.hasPrefix("ep-06.2,") && $0.contains(",not-in-place,,") })

        r = try home.run("export", "Report", "--format", "json", "--date", "2026-03-14")
        #expect(r.status == 0)
        let doc = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(doc["checklist"] as? String == "Report")
        #expect(doc["date"] as? String == "2026-03-14")
        #expect((doc["progress"] as! [String: Any])["assessed"] as? Int == 3)
        let headings = doc["headings"] as! [[String: Any]]
        #expect(headings.count == practices.count)
        #expect(headings[0]["note"] as? String == "policy, \"draft\"")
    }

    @Test func damagedFilesAreReportedAndKept() throws {
        let home = DataHome()
        try home.run("new", "Fine")
        let garbage = Data("{\"formatVersion\": 1, \"name\": \"Damaged\", ".utf8)
        FileManager.default.createFile(atPath: home.file("damaged.json"), contents: garbage)
        FileManager.default.createFile(
            atPath: home.file("future.json"),
            contents: Data(
                """
                {"formatVersion": 9, "name": "Future", "created": "x", "updated": "x", "revision": 1, "entries": {}}
                """.utf8))
        var r = try home.run("list")
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Fine  "))
        #expect(r.stderr.contains(home.file("damaged.json")))
        #expect(r.stderr.contains(home.file("future.json")) && r.stderr.contains("newer rcpx (format 9"))
        r = try home.run("set", "Damaged", "1", "in-place")
        #expect(r.status == 65)
        #expect(r.stderr.contains(home.file("damaged.json")))
        r = try home.run("show", "Future")
        #expect(r.status == 65)
        #expect(home.bytes("damaged.json") == garbage)
    }

    @Test func aFolderThatCannotBeWritten() throws {
        let home = DataHome()
        // The data home's "rcpx" is a regular file, so the checklist folder cannot be created (even as root).
        FileManager.default.createFile(atPath: home.path + "/rcpx", contents: Data("x".utf8))
        let r = try home.run("new", "Ghana 2026 workshop")
        #expect(r.status == 73)
        #expect(r.stderr.hasPrefix("rcpx: cannot save checklist \"Ghana 2026 workshop\": "))
        #expect(r.stdout.isEmpty)
        let list = try home.run("list")
        #expect(list.status == 0)
    }

    @Test func dataDirOptionAndEnvironment() throws {
        let home = DataHome()
        let other = DataHome()
        var r = try home.run("new", "Elsewhere", "--data-dir", other.path)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: other.path + "/checklists/elsewhere.json"))
        #expect(!FileManager.default.fileExists(atPath: home.file("elsewhere.json")))
        r = try runRcpx(
            ["checklist", "list"], environment: ["RCPX_DATA_HOME": other.path, "XDG_DATA_HOME": home.path])
        #expect(r.stdout.hasPrefix("Elsewhere  "))
    }

    /// `checklist list` lines the progress bars up by terminal columns: "日本" takes four, not two.
    @Test func listAlignsWideNamesByColumns() throws {
        let home = DataHome()
        try home.run("new", "日本 workshop")  // 13 columns, 11 characters
        try home.run("new", "Mali")
        let r = try home.run("list")
        #expect(r.status == 0, "\(r.stderr)")
        let names = r.stdout.split(separator: "\n").map { line in String(line.prefix { $0 != "░" }) }
        #expect(names == ["Mali" + String(repeating: " ", count: 9) + "  ", "日本 workshop  "], "\(r.stdout)")
    }

    /// Two rcpx processes at once, each setting its own items many times: every change must survive (each
    /// `set` re-reads under the lock and writes on top of the other's).
    @Test func twoProcessesSettingAtOnceLoseNothing() throws {
        let home = DataHome()
        try home.run("new", "Shared")
        let practices = Catalog.bundled.practices
        let headings = practices.map { String($0.number) }
        let items = practices.flatMap { $0.items.compactMap { ChecklistItemID.displayNumber($0.id) } }
        func loop(_ targets: [String]) -> String {
            let list = targets.joined(separator: " ")
            return "for s in in-progress in-place; do for i in \(list); do "
                + "\"$RCPX\" checklist set Shared \"$i\" \"$s\" >/dev/null || exit 1; done; done"
        }
        var shells: [pid_t] = []
        for script in [loop(headings), loop(items)] {
            let env = childEnvironment(
                set: ["XDG_DATA_HOME": home.path, "RCPX": rcpxBinaryPath], unset: ["RCPX_DATA_HOME"])
            shells.append(try startChild("/bin/sh", ["-c", script], environment: env))
        }
        for pid in shells { #expect(waitFor(pid: pid).shellStatus == 0) }
        let final = try ChecklistStore(directory: home.checklists).load("Shared")
        #expect(final.revision == 1 + 2 * (headings.count + items.count))
        for id in Checklist.knownItemIDs(practices) { #expect(final.status(of: id) == .inPlace, "\(id)") }
    }
}
