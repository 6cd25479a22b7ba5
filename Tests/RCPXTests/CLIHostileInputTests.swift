import Foundation
import RCPTestSupport
import Testing

@testable import rcpx

/// Issue 10: right answers for names that may mean two states, and odd or hostile input on the command line
/// (very long, with control characters, not UTF-8).
@Suite struct CLIHostileInputTests {
    // MARK: Item 4: ambiguous state names

    @Test(arguments: [["state", "korea"], ["state", "Korea"], ["state", "korea", "--format", "json"]])
    func koreaListsBothKoreasAndExits1(_ args: [String]) throws {
        try expectCandidates(args, ["could be any of 2", "  dpr-korea ", "  republic-of-korea "])
    }

    @Test func congoIsNotTakenForTheDemocraticRepublic() throws {
        let r = try runRcpx(["state", "Congo"])
        #expect(r.status == 1, "\(r.stdout)")
        #expect(r.stdout.isEmpty)
        // The Republic of the Congo, in no process of the paper, is the other candidate.
        #expect(r.stderr.contains("\"Congo\" could be any of 2 parties"), "\(r.stderr)")
        #expect(r.stderr.contains("  COG       Congo Republic (state, in no process)"), "\(r.stderr)")
        #expect(r.stderr.contains("  dr-congo  Democratic Republic of the Congo"), "\(r.stderr)")
        let full = try runRcpx(["state", "Democratic Republic of the Congo"])
        #expect(full.status == 0)
        #expect(full.stdout.hasPrefix("Democratic Republic of the Congo\n"))
    }

    // MARK: Item 8: very long input

    static let longName = String(repeating: "a", count: 100_000)

    @Test(arguments: [["state"], ["show"], ["list", "--region"], ["search"], ["practices"]])
    func aHugeArgumentIsEchoedAsAShortMarkedExcerpt(_ command: [String]) throws {
        let r = try runRcpx(command + [Self.longName])
        #expect(r.status == 1, "\(command): \(r.status) \(r.stderr.prefix(300))")
        #expect(r.stdout.isEmpty)
        // One line, the name cut with "…" and its length said (the whole argument was 100 KB).
        #expect(r.stderr.utf8.count < 400, "\(command): \(r.stderr.utf8.count) bytes on stderr")
        #expect(r.stderr.contains("a… (100000 characters)"), "\(command): \(r.stderr)")
    }

    @Test func aLongNameNearADataNameStillGetsASuggestion() throws {
        // The bound on fuzzy matching still lets a long, slightly misspelt name through.
        let r = try runRcpx(["state", "United Kingdom of Great Britain and Northern Irelnd"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Did you mean: United Kingdom?"), "\(r.stderr)")
    }

    // MARK: Item 9: control characters never reach the terminal

    static let hostile = ["\u{1B}[31mred", "\u{1B}]52;c;aGk=\u{07}", "a\u{9B}2J", "x\u{7F}\u{08}y", "two\nlines\r"]

    @Test(arguments: [
        ["state"], ["show"], ["list", "--region"], ["search"], ["practices"], ["overlap", "bali"],
        ["checklist", "set", "missing-checklist", "6"],
    ])
    func controlCharactersInArgumentsAreShownEscaped(_ command: [String]) throws {
        for input in Self.hostile {
            let r = try runRcpx(command + [input])
            #expect(r.status != 0)
            for (name, stream) in [("stdout", r.stdout), ("stderr", r.stderr)] {
                let raw = stream.unicodeScalars.filter {
                    $0.value < 0x20 && $0 != "\n" || (0x7F..<0xA0).contains($0.value)
                }
                #expect(
                    raw.isEmpty,
                    "\(command) \(input.debugDescription): raw \(raw.map(\.value)) on \(name): \(stream.debugDescription)"
                )
            }
        }
        let r = try runRcpx(command + ["\u{1B}[31mred"])
        #expect(r.stderr.contains("\\e[31mred"), "\(command): \(r.stderr.debugDescription)")
    }

    @Test func argumentParserMessagesAreEscapedToo() throws {
        let r = try runRcpx(["list", "--format", "\u{1B}[31m"])
        #expect(r.status == 64)
        #expect(!r.stderr.contains("\u{1B}"), "\(r.stderr.debugDescription)")
        #expect(r.stderr.contains("\\e[31m"), "\(r.stderr.debugDescription)")
    }

    @Test func aDataFileCannotDriveTheTerminal() throws {
        // A data file whose prose carries escape sequences: every text answer shows them escaped.
        let bundled = try String(
            contentsOf: CLIDocsTests.repository.appendingPathComponent("Resources/rcp-data.json"),
            encoding: .utf8)
        // The summaries of processes and mechanisms are prose, which may hold any character (the
        // understandings' summaries come after them and are checked like names).
        let cut = try #require(bundled.range(of: #""understandings""#)).lowerBound
        let hostile =
            bundled[..<cut].replacingOccurrences(
                of: #""summary": ""#, with: #""summary": "\u001b]0;pwned\u0007\u001b[2J\u009b1m "#) + bundled[cut...]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rcpx-hostile-\(getpid()).json")
        try hostile.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        for format in ["text", "markdown", "csv", "json"] {
            for command in [["show", "igc"], ["show", "idm"], ["show", "bali"]] {
                let r = try runRcpx(command + ["--data", file.path, "--format", format])
                if r.status == 64 { continue }  // a format the command does not write
                #expect(r.status == 0, "\(command) \(format): \(r.stderr)")
                if format != "csv" { #expect(r.stdout.contains("pwned"), "\(command) \(format)") }
                #expect(
                    !r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B },
                    "\(command) \(format): \(r.stdout.prefix(400).debugDescription)")
            }
        }
    }

    @Test func visibleKeepsLineBreaksAndOnlyLooksStyles() {
        #expect(Console.visible("a\u{1B}[1mb\u{1B}[0m\n", styles: true) == "a\u{1B}[1mb\u{1B}[0m\n")
        #expect(Console.visible("a\u{1B}[1mb\n", styles: false) == "a\\e[1mb\n")
        #expect(Console.visible("\u{1B}]0;t\u{07}", styles: true) == "\\e]0;t\\u{7}")
        #expect(Console.visible("x,y\r\nz\r", styles: false) == "x,y\r\nz\\r")
        #expect(Console.visible("tab\there", styles: false) == "tab\there")
    }

    // MARK: Item 10: arguments that are not UTF-8

    /// Runs `rcpx` through `sh`, whose `printf` makes the raw bytes Foundation cannot pass.
    func runWithBytes(_ script: String) throws -> RunResult {
        try runProgram("/bin/sh", ["-c", script, rcpxBinaryPath])
    }

    @Test func anArgumentThatIsNotUTF8IsSaidToBeSo() throws {
        let r = try runWithBytes(#"exec "$0" state "$(printf '\377\376\200')""#)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr == "rcpx: argument 2 is not valid UTF-8: \"\\xFF\\xFE\\x80\". Give names in UTF-8.\n",
            "\(r.stderr)")
        // The valid part is shown as text, controls escaped.
        let mixed = try runWithBytes(#"exec "$0" show "$(printf 'bal\351\033i')""#)
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("\"bal\\xE9\\ei\""), "\(mixed.stderr)")
        // Latin-1 "Söderköping" is not taken for something else either.
        let latin1 = try runWithBytes(#"exec "$0" show "$(printf 'S\366derk\366ping')""#)
        #expect(latin1.status == 64)
        #expect(latin1.stderr.contains("not valid UTF-8"))
    }

    // MARK: Item 15: mistyped commands

    @Test(arguments: [
        (["shwo", "bali"], "show"), (["stat", "turkey"], "state"), (["serch", "x"], "search"),
        (["--ascii", "lsit"], "list"), (["--format", "json", "matirx"], "matrix"),
    ])
    func aMistypedCommandGetsTheNearestOne(_ args: [String], _ meant: String) throws {
        let r = try runRcpx(args)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(
            r.stderr.hasPrefix(
                "rcpx: unknown command \"\(args.last == "bali" || args.last == "turkey" || args.last == "x" ? args[0] : args.last!)\"."
            ), "\(r.stderr)")
        #expect(r.stderr.contains("Did you mean `rcpx \(meant)`?"), "\(r.stderr)")
        #expect(r.stderr.contains("Commands: explore, list, show, state"), "\(r.stderr)")
        #expect(!r.stderr.contains("USAGE") && !r.stderr.contains("Usage: rcpx explore"), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func aWordThatIsNoCommandListsTheCommands() throws {
        let r = try runRcpx(["zzzz"])
        #expect(r.status == 64)
        #expect(r.stderr.hasPrefix("rcpx: unknown command \"zzzz\".\nCommands: "), "\(r.stderr)")
    }

    @Test func commandsAndOptionsStillParse() throws {
        #expect(try runRcpx(["help", "show"]).status == 0)
        #expect(try runRcpx(["--format", "json", "show", "bali"]).status == 0)
        #expect(try runRcpx(["--generate-completion-script", "bash"]).status == 0)
    }
}
