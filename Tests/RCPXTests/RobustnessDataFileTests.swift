import Foundation
import RCPData
import RCPTestSupport
import Testing

/// A sample of malformed data files through the real binary: every command that reads `--data` (and
/// `validate`) exits 65, prints nothing on stdout, and says on stderr which file is wrong and where, in
/// printable lines of reasonable length — never a crash. (`MalformedDataTests` in RCPCoreTests checks the
/// loader's messages for many more variants.)
@Suite struct RobustnessDataFileTests {
    /// The bundled file, changed.
    static func variant(_ name: String) -> [UInt8] {
        let original = BundledData.json
        let text = String(decoding: original, as: UTF8.self)
        func replacingFirst(_ old: String, _ new: String) -> [UInt8] {
            Array(text.replacing(old, with: new, maxReplacements: 1).utf8)
        }
        switch name {
        case "cut in the middle": return Array(original.prefix(original.count / 2))
        case "cut after one byte": return Array(original.prefix(1))
        case "cut before the last brace": return Array(original.dropLast(2))
        case "invalid UTF-8 in a name":
            var bytes = original
            let at = bytes.firstIndex(of: UInt8(ascii: "A"))!  // the first capital: inside a name
            bytes.insert(contentsOf: [0xC3, 0x28], at: at)
            return bytes
        case "a bell in a name": return replacingFirst("\"name\": \"", "\"name\": \"\\u0007")
        case "an escape sequence in a name": return replacingFirst("\"name\": \"", "\"name\": \"\\u001b[2J\\u009b31m")
        case "wrong type": return replacingFirst("\"order\": 1", "\"order\": \"one\"")
        case "missing field": return replacingFirst("\"kind\": \"state\",", "")
        case "unknown party": return replacingFirst("\"party\": \"", "\"party\": \"atlantis-")
        case "duplicate id":
            // The second party takes the id of the first.
            let start = text.range(of: "\"parties\"")!.upperBound
            let parts = text[start...].components(separatedBy: "\"id\": \"")
            let first = parts[1].prefix { $0 != "\"" }, second = parts[2].prefix { $0 != "\"" }
            return Array(
                (text[..<start]
                    + text[start...].replacing(
                        "\"id\": \"\(second)\"", with: "\"id\": \"\(first)\"",
                        maxReplacements: 1)).utf8)
        case "a 200,000-character name":
            return replacingFirst("\"name\": \"", "\"name\": \"" + String(repeating: "x", count: 200_000))
        case "empty": return []
        case "an array": return Array("[]".utf8)
        case "a NUL byte": return replacingFirst("\"name\": \"", "\"name\": \"\u{0}")
        case "nested 100,000 deep": return Array(String(repeating: "[", count: 100_000).utf8)
        default: fatalError(name)
        }
    }

    static let variants = [
        "cut in the middle", "cut after one byte", "cut before the last brace", "invalid UTF-8 in a name",
        "a bell in a name", "an escape sequence in a name", "wrong type", "missing field", "unknown party",
        "duplicate id", "a 200,000-character name", "empty", "an array", "a NUL byte", "nested 100,000 deep",
    ]

    /// Exit 65, and the problems named with the file: on stderr, or on stdout for `validate` (its problems
    /// are its answer, docs/CLI.md), in printable lines of reasonable length.
    static func check(_ r: RunResult, _ file: String, _ what: String, reportOnStdout: Bool = false) {
        let report = reportOnStdout ? r.stdout : r.stderr, other = reportOnStdout ? r.stderr : r.stdout
        #expect(r.status == 65, "\(what): exit \(r.status)\n\(r.stderr.prefix(500))")
        #expect(other.isEmpty, "\(what): \(reportOnStdout ? "stderr" : "stdout") \(other.prefix(200).debugDescription)")
        #expect(report.contains(file), "\(what): no problem names \(file):\n\(report.prefix(500))")
        #expect(
            report.unicodeScalars.allSatisfy {
                ($0.value >= 0x20 && $0.value != 0x7F && !(0x80..<0xA0).contains($0.value)) || $0 == "\n"
            },
            "\(what): control characters in the report: \(report.prefix(300).debugDescription)")
        #expect(report.utf8.count < 20_000, "\(what): a report of \(report.utf8.count) bytes")
    }

    @Test(arguments: variants)
    func everyCommandRefusesIt(_ name: String) throws {
        let dir = URL(fileURLWithPath: try makeScratchDirectory("rcpx-bad"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.json").path
        try Data(Self.variant(name)).write(to: URL(fileURLWithPath: file))
        for args in [
            ["--data", file, "list"], ["list", "--data", file], ["validate", file], ["--data", file],
            ["show", "bali", "--data", file], ["state", "turkey", "--format", "json", "--data", file],
        ] {
            Self.check(
                try runRcpx(args), file, "\(name): rcpx \(args.joined(separator: " "))",
                reportOnStdout: args[0] == "validate")
        }
    }

    @Test func aDirectoryAndAMissingFile() throws {
        let dir = URL(fileURLWithPath: try makeScratchDirectory("rcpx-bad"))
        defer { try? FileManager.default.removeItem(at: dir) }
        for path in [dir.path, dir.appendingPathComponent("none.json").path] {
            Self.check(try runRcpx(["--data", path, "list"]), path, "--data \(path) list")
            Self.check(try runRcpx(["validate", path]), path, "validate \(path)", reportOnStdout: true)
        }
    }
}
