import Foundation
import RCPTestSupport
import Testing

/// `docs/CLI.md` shows real output: every ```console block that starts with `$ rcpx` is run again and must
/// print what the page shows. A block ending with a line `…` is compared on its first lines only; a command
/// ending in `; echo "exit $?"` shows stdout and stderr and then the exit status.
@Suite struct CLIDocsTests {
    struct Sample: CustomStringConvertible {
        var command: String
        var expected: [String]
        var description: String { command }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func samples() throws -> [Sample] {
        let text = try String(contentsOf: repository.appendingPathComponent("docs/CLI.md"), encoding: .utf8)
        var samples: [Sample] = []
        var current: [String]? = nil
        for line in text.components(separatedBy: "\n") {
            if current == nil {
                if line == "```console" { current = [] }
            } else if line == "```" {
                if let block = current, let first = block.first, first.hasPrefix("$ rcpx") {
                    samples.append(Sample(command: String(first.dropFirst(2)), expected: Array(block.dropFirst())))
                }
                current = nil
            } else {
                current?.append(line)
            }
        }
        return samples
    }

    /// Words of a shell command line: spaces separate, single and double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var word = ""
        var quote: Character? = nil
        var inWord = false
        for c in line {
            if let q = quote {
                if c == q { quote = nil } else { word.append(c) }
            } else if c == "'" || c == "\"" {
                quote = c; inWord = true
            } else if c == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else {
                word.append(c); inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// A directory like the one the samples were made in: `Resources` of this checkout, and the broken files.
    static func sampleDirectory() throws -> URL {
        let dir = URL(fileURLWithPath: try makeScratchDirectory("rcpx-docs"))
        let fm = FileManager.default
        try fm.createSymbolicLink(
            at: dir.appendingPathComponent("Resources"),
            withDestinationURL: repository.appendingPathComponent("Resources"))
        let data = try Data(contentsOf: repository.appendingPathComponent("Resources/rcp-data.json"))
        var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        var processes = try #require(root["processes"] as? [[String: Any]])
        let bali = try #require(processes.firstIndex { $0["id"] as? String == "bali" })
        var participants = try #require(processes[bali]["participants"] as? [[String: Any]])
        participants[0]["party"] = "atlantis"
        processes[bali]["participants"] = participants
        processes.append(processes[0])
        root["processes"] = processes
        try JSONSerialization.data(withJSONObject: root).write(to: dir.appendingPathComponent("broken.json"))
        try Data("{\n  \"formatVersion\": 1,\n  \"regions\": [ }\n".utf8)
            .write(to: dir.appendingPathComponent("broken-syntax.json"))
        return dir
    }

    /// Runs rcpx in `directory`; stdout goes to `stdout.txt` there when `stdoutToFile` (the result's stdout
    /// is then empty).
    static func run(_ arguments: [String], in directory: URL, stdoutToFile: Bool) throws -> RunResult {
        let script = #"cd "$1" || exit 125; shift; exec "$@""# + (stdoutToFile ? " > stdout.txt" : "")
        return try runProgram("/bin/sh", ["-c", script, "sh", directory.path, rcpxBinaryPath] + arguments)
    }

    @Test func thePageHasSamplesOfEveryCommand() throws {
        let commands = Set(try Self.samples().compactMap { Self.words($0.command).dropFirst().first })
        for command in [
            "list", "show", "state", "search", "matrix", "overlap", "practices", "understandings",
            "validate", "keys", "map", "gaps",
        ] {
            #expect(commands.contains(command), "docs/CLI.md shows `rcpx \(command)`")
        }
        let jsonSamples = try Self.samples().filter { $0.command.contains("--format json") }.count
        #expect(jsonSamples >= 6)
    }

    @Test func everySampleIsTheRealOutput() throws {
        let dir = try Self.sampleDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let samples = try Self.samples()
        #expect(samples.count > 20)
        for sample in samples {
            var command = sample.command
            let showsStatus = command.hasSuffix("; echo \"exit $?\"")
            if showsStatus { command = String(command.dropLast("; echo \"exit $?\"".count)) }
            let toFile = command.hasSuffix(" > list.txt")
            if toFile { command = String(command.dropLast(" > list.txt".count)) }
            let arguments = Array(Self.words(command).dropFirst())
            let r = try Self.run(arguments, in: dir, stdoutToFile: toFile)
            var actual = showsStatus ? (r.stdout + r.stderr) : r.stdout
            if actual.hasSuffix("\n") { actual.removeLast() }
            var lines = actual.components(separatedBy: "\n")
            if showsStatus {
                lines.append("exit \(r.status)")
            } else {
                #expect(r.status == 0, "\(sample): \(r.stderr)")
            }
            var expected = sample.expected
            if expected.last == "…" {
                expected.removeLast()
                lines = Array(lines.prefix(expected.count))
            }
            if lines != expected {
                let n = zip(lines, expected).prefix { $0 == $1 }.count
                let got = n < lines.count ? lines[n] : "(end of output)"
                let want = n < expected.count ? expected[n] : "(end of sample)"
                Issue.record(
                    """
                    docs/CLI.md is out of date for `\(sample.command)` (run scripts/update-cli-doc.py): \
                    line \(n + 1) is now "\(got)", the page shows "\(want)"
                    """)
            }
        }
    }
}
