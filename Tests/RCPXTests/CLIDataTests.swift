import Foundation
import RCPTestSupport
import Testing

/// `--data FILE` and `validate FILE`: a broken file exits 65 and names the record and field.
@Suite struct CLIDataTests {
    /// A fresh temporary directory for this test's files.
    func scratch() throws -> URL {
        let dir = URL(fileURLWithPath: try makeScratchDirectory("rcpx-cli"))
        return dir
    }

    /// The bundled data set as mutable JSON objects.
    func bundled() throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: bundledDataPath))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    func write(_ object: Any, to url: URL) throws {
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: url)
    }

    /// The bundled data with the first participant of process `processID` changed to `party`.
    func withParticipant(_ party: String, in processID: String) throws -> [String: Any] {
        var root = try bundled()
        var processes = try #require(root["processes"] as? [[String: Any]])
        let i = try #require(processes.firstIndex { $0["id"] as? String == processID })
        var participants = try #require(processes[i]["participants"] as? [[String: Any]])
        participants[0]["party"] = party
        processes[i]["participants"] = participants
        root["processes"] = processes
        return root
    }

    @Test func validateTheBundledFile() throws {
        let r = try runRcpx(["validate", bundledDataPath])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("valid"))
        let json = try #require(
            try parseJSON(try runRcpx(["validate", bundledDataPath, "--format", "json"]).stdout)
                as? [String: Any])
        #expect(json["valid"] as? Bool == true)
        #expect((json["counts"] as? [String: Any])?["processes"] as? Int == 18)
    }

    @Test func dataWithAValidCopyAnswersTheSame() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("copy.json")
        try write(try bundled(), to: copy)
        let r = try runRcpx(["state", "turkey", "--data", copy.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try runRcpx(["state", "turkey"])).stdout)
    }

    @Test func malformedJSONExits65WithThePosition() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("broken.json")
        try Data("{\n  \"formatVersion\": 1,\n  \"regions\": [ }\n".utf8).write(to: file)
        let r = try runRcpx(["list", "--data", file.path])
        #expect(r.status == 65)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("\(file.path):3:"), "line and column: \(r.stderr)")

        let v = try runRcpx(["validate", file.path])
        #expect(v.status == 65)
        #expect(v.stdout.contains("\(file.path):3:"))
    }

    @Test func unknownPartyReferenceExits65AndNamesRecordAndField() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("atlantis.json")
        try write(try withParticipant("atlantis", in: "bali"), to: file)
        for args in [
            ["show", "bali", "--data", file.path], ["state", "turkey", "--data", file.path], ["validate", file.path],
        ] {
            let r = try runRcpx(args)
            #expect(r.status == 65, "\(args)")
            let report = r.stdout + r.stderr
            #expect(report.contains("process \"bali\""), "\(args): \(report)")
            #expect(report.contains("participants[0].party"), "\(args): \(report)")
            #expect(report.contains("atlantis"), "\(args): \(report)")
        }
        let json = try #require(
            try parseJSON(try runRcpx(["validate", file.path, "--format", "json"]).stdout)
                as? [String: Any])
        #expect(json["valid"] as? Bool == false)
        let problems = try #require(json["problems"] as? [[String: Any]])
        #expect(problems.contains { $0["record"] as? String == "process \"bali\"" })
    }

    @Test func duplicateIdExits65() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var root = try bundled()
        var processes = try #require(root["processes"] as? [[String: Any]])
        processes.append(processes[0])
        root["processes"] = processes
        let file = dir.appendingPathComponent("duplicate.json")
        try write(root, to: file)
        let r = try runRcpx(["list", "--data", file.path])
        #expect(r.status == 65)
        let id = processes[0]["id"] as? String ?? ""
        #expect(r.stderr.contains("\"\(id)\""), "\(r.stderr)")
        #expect(r.stderr.lowercased().contains("duplicate"), "\(r.stderr)")
    }

    @Test func everyProblemIsListed() throws {
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var root = try withParticipant("atlantis", in: "bali")
        var processes = try #require(root["processes"] as? [[String: Any]])
        let igc = try #require(processes.firstIndex { $0["id"] as? String == "igc" })
        var participants = try #require(processes[igc]["participants"] as? [[String: Any]])
        participants[0]["party"] = "lemuria"
        processes[igc]["participants"] = participants
        root["processes"] = processes
        let file = dir.appendingPathComponent("two.json")
        try write(root, to: file)
        let r = try runRcpx(["list", "--data", file.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("atlantis"))
        #expect(r.stderr.contains("lemuria"))
    }

    @Test func asciiFoldsCellsBeforeQuoting() throws {
        // Typographic quotes fold to '"' and "│" to "|" under --ascii; CSV and Markdown must still parse.
        let dir = try scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        var root = try bundled()
        var parties = try #require(root["parties"] as? [[String: Any]])
        let i = try #require(parties.firstIndex { $0["id"] as? String == "turkey" })
        parties[i]["name"] = "Turkey “Türkiye”, Republic │ of"
        root["parties"] = parties
        let file = dir.appendingPathComponent("quotes.json")
        try write(root, to: file)
        let csv = try runRcpx(["state", "turkey", "--data", file.path, "--format", "csv", "--ascii"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = parseCSV(csv.stdout)
        #expect(Set(rows.map(\.count)) == [8])
        #expect(rows[1][0] == "Turkey \"Turkiye\", Republic | of")
        let md = try runRcpx(["state", "turkey", "--data", file.path, "--format", "markdown", "--ascii"])
        #expect(md.stdout.contains("Turkey \"Turkiye\", Republic \\| of"))
        #expect(md.stdout.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func missingFileExits65() throws {
        let r = try runRcpx(["list", "--data", "/nonexistent/rcp.json"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("/nonexistent/rcp.json"))
        #expect(r.stderr.contains("no such file"))
        #expect(try runRcpx(["validate", "/nonexistent/rcp.json"]).status == 65)
    }
}
