import Foundation
import RCPTestSupport
import Testing

/// The second, independent check of the data against the paper (`scripts/check-data.py --paper`), run as part
/// of `swift test`: every Annex A cell and footnote group against the participants by role, every Annex D heading
/// and sub-heading, every event date, every guide point's lines and links, and no 8-word copy of the paper.
///
/// The paper is `../shared/sources/000_ff92d326d034ca55.txt` beside the repository (CI clones `shared/` there);
/// `RCPX_PAPER` names another path. A missing paper or python3 fails the test with a message, it does not skip.
@Suite("Data against the paper, by a second program")
struct PaperCheckTests {
    static let repository = DocsTests.repository

    static var paper: URL {
        if let path = ProcessInfo.processInfo.environment["RCPX_PAPER"] { return URL(fileURLWithPath: path) }
        return repository.deletingLastPathComponent()
            .appendingPathComponent("shared/sources/000_ff92d326d034ca55.txt").standardizedFileURL
    }

    /// Runs the script on `data` with the paper; fails (with how to fix it) when the paper or python3 is missing.
    static func check(_ data: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        try #require(
            FileManager.default.fileExists(atPath: paper.path),
            "the paper is missing at \(paper.path): clone shared/ beside the repository or set RCPX_PAPER")
        let python = try runProgram("/usr/bin/env", ["python3", "--version"])
        try #require(python.status == 0, "python3 is needed for scripts/check-data.py: \(python.stderr)")
        let script = repository.appendingPathComponent("scripts/check-data.py").path
        let run = try runProgram("/usr/bin/env", ["python3", script, data.path, "--paper", paper.path])
        return (run.status, run.stdout, run.stderr)
    }

    @Test func theBundledDataAgreesWithThePaper() throws {
        let run = try Self.check(Self.repository.appendingPathComponent("Resources/rcp-data.json"))
        #expect(run.status == 0, "scripts/check-data.py --paper found problems:\n\(run.stderr)")
        #expect(run.stdout.contains("paper check: 0 prose field(s) share 8+ consecutive words with the paper"))
        // The comparison really compared: every Annex A row, Annex D, the events and the guide.
        let line = run.stdout.split(separator: "\n").first { $0.hasPrefix("paper comparison:") } ?? ""
        let compared = line.split(separator: " ").dropFirst(2).first.flatMap { Int($0) } ?? 0
        #expect(compared > 1000, "too few facts compared: \(line)")
        // The one known disagreement is explained by its editorial basis (the IGC observing Budapest).
        #expect(run.stdout.contains("explained: Annex A row 2: igc-secretariat"))
    }

    @Test func aWrongDateOrSubHeadingOrMemberIsFound() throws {
        let dir = try DocsTests.temporaryDirectory("paper-check-wrong")
        defer { try? FileManager.default.removeItem(at: dir) }
        var json = try String(
            contentsOf: Self.repository.appendingPathComponent("Resources/rcp-data.json"), encoding: .utf8)
        for (from, to) in [
            ("\"date\": \"2004-12-16/17\"", "\"date\": \"2004-11-16/17\""),
            ("\"paperTitle\": \"Internally Displacement\"", "\"paperTitle\": \"Internal Displacement\""),
            (
                "\"party\": \"sweden\",\n          \"roles\": [\n            \"member\"\n          ]\n        },\n        {\n          \"party\": \"switzerland\"",
                "\"party\": \"finland\",\n          \"roles\": [\n            \"observer\"\n          ]\n        },\n        {\n          \"party\": \"switzerland\""
            ),
        ] {
            #expect(json.contains(from), "the fixture text \(from.prefix(40)) is no longer in the data")
            json = json.replacingOccurrences(of: from, with: to)
        }
        let file = dir.appendingPathComponent("wrong.json")
        try json.write(to: file, atomically: true, encoding: .utf8)
        let run = try Self.check(file)
        #expect(run.status == 1)
        #expect(run.stderr.contains("event berne-ii: date 2004-11-16/17"))
        #expect(run.stderr.contains("Annex D 7: sub-headings"))
        #expect(run.stderr.contains("sweden is listed in the paper, not in the data"))
    }
}
