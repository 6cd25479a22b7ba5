import Foundation
import RCPTestSupport
import Testing

/// The command line, end to end: the real `rcpx` binary, its stdout, stderr and exit status.
/// Values asserted come from the 2005 IOM paper (Annex A as of 19 May 2005).
@Suite struct CLITests {
    // MARK: The root command

    @Test func rootWithStdoutAPipePrintsTheProcessListAndAHint() throws {
        let r = try runRcpx([])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == (try runRcpx(["list"])).stdout)
        #expect(r.stdout.contains("Bali"))
        #expect(r.stderr.hasPrefix("rcpx: not a terminal ("), "\(r.stderr)")
        #expect(r.stderr.contains("showing the process list. Try `rcpx --help`."))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test func rootPassesFormatAndAsciiToTheList() throws {
        let r = try runRcpx(["--format", "json"])
        #expect(r.status == 0)
        let list = try #require(try parseJSON(r.stdout) as? [[String: Any]])
        #expect(list.count == 18)
        #expect(r.stderr.isEmpty, "an explicit format needs no hint: \(r.stderr)")
        let ascii = try runRcpx(["--ascii"])
        #expect(ascii.stdout.contains("Soderkoping"))
        #expect(ascii.stdout.utf8.allSatisfy { $0 < 0x80 })
    }

    @Test func versionAndHelp() throws {
        let version = try runRcpx(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("rcpx "))
        let help = try runRcpx(["--help"])
        #expect(help.status == 0)
        for command in [
            "list", "show", "state", "search", "matrix", "overlap", "practices", "understandings",
            "validate", "keys",
        ] {
            #expect(help.stdout.contains("  \(command) "), "help lists \(command)")
        }
        #expect(help.stdout.contains("Exit codes"))
    }

    @Test func bashCompletionScript() throws {
        let r = try runRcpx(["--generate-completion-script", "bash"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("#!/bin/bash"))
        #expect(r.stdout.contains("complete -o filenames -F") || r.stdout.contains("complete -F"))
        #expect(r.stdout.contains("--region"))
        #expect(r.stdout.contains("'text'$'\\n''json'$'\\n''csv'$'\\n''markdown'"), "--format values complete")
        for shell in ["zsh", "fish"] {
            #expect(try runRcpx(["--generate-completion-script", shell]).status == 0)
        }
    }

    @Test func regionCompletionAsksTheBinary() throws {
        // The custom completion for --region runs rcpx itself; it answers with the region ids.
        let r = try runRcpx(["---completion", "list", "--", "--region", "3", "0", "rcpx", "list", "--region", ""])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("africa"))
        #expect(r.stdout.contains("europe-fsu"))
        #expect(!r.stdout.contains("global"), "a region without processes is not offered")
    }

    // MARK: Exit codes and messages

    @Test func misspeltProcessGetsASuggestionAndExits1() throws {
        let r = try runRcpx(["show", "balli"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "rcpx: no process matches \"balli\". Did you mean: Bali Process?\n")
    }

    @Test func misspeltPartyGetsASuggestionAndExits1() throws {
        let r = try runRcpx(["state", "turky"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("no state, territory or organization matches \"turky\""))
        #expect(r.stderr.contains("Did you mean: Turkey"))
    }

    @Test func unknownNameWithoutSuggestionsPointsToListAndSearch() throws {
        let r = try runRcpx(["show", "qqqqqqqq"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("rcpx list"))
    }

    @Test func ambiguousNameListsTheCandidatesAndExits1() throws {
        let r = try runRcpx(["show", "asia"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("could be any of"))
        for id in ["manila", "apc", "colombo"] { #expect(r.stderr.contains("  \(id) "), "candidate \(id)") }
    }

    @Test func partyGivenToShowPointsToState() throws {
        let r = try runRcpx(["show", "turkey"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("rcpx state turkey"), "\(r.stderr)")
    }

    @Test func usageErrorsExit64() throws {
        let cases: [[String]] = [
            ["list", "--bogus"], ["--bogus"], ["show"], ["validate", "Resources/rcp-data.json", "--format", "csv"],
            ["list", "--format", "yaml"], ["search", "--limit", "0", "bali"], ["search", "bali", "--kind", "planet"],
            ["matrix", "--kind", "planets"], ["matrix", "--sort", "size"], ["overlap", "bali"],
            ["nonsense-command", "x"],
            ["validate"], ["explore", "--theme", "neon"], ["state", ""], ["show", "  "], ["overlap", "bali", "--"],
        ]
        for args in cases {
            let r = try runRcpx(args)
            #expect(r.status == 64, "\(args) → \(r.status): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(!r.stderr.isEmpty, "\(args)")
        }
    }

    @Test func unknownRegionExits1AndNamesTheRegions() throws {
        let r = try runRcpx(["list", "--region", "antarctica"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("africa"))
    }

    @Test func searchWithoutHitsExits1() throws {
        let r = try runRcpx(["search", "zzzzqqqq"])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("nothing matches"))
    }

    @Test func unknownPracticeHeadingExits1() throws {
        let r = try runRcpx(["practices", "42"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("1-20"))
    }
}

// MARK: - Helpers shared by the CLI tests

func parseJSON(_ text: String) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
}

/// Terminal columns of a line: wide East Asian characters count 2, combining marks 0, escapes are not allowed.
func columns(_ line: Substring) -> Int {
    var width = 0
    for c in line {
        let v = c.unicodeScalars.first!.value
        if c.unicodeScalars.allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) { continue }
        if (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1FAFF).contains(v)
        {
            width += 2
        } else {
            width += 1
        }
    }
    return width
}

/// RFC 4180 parsing: quoted fields with doubled quotes, commas and line breaks inside quotes.
func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var chars = Array(text)
    var i = 0
    if chars.last != "\n" { chars.append("\n") }
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count && chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else {
                field.append(c)
            }
        } else {
            switch c {
            case "\"": quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(c)
            }
        }
        i += 1
    }
    return rows
}

/// The rows of a Markdown table as cells (without the separator row); nil when the text is not a table
/// with a header separator row.
func parseMarkdownTable(_ text: String) -> [[String]]? {
    let lines = text.split(separator: "\n").filter { $0.hasPrefix("|") }
    guard lines.count >= 2 else { return nil }
    let separator = lines[1]
    let isSeparator = separator.split(separator: "|").allSatisfy {
        let cell = $0.trimmingCharacters(in: .whitespaces)
        return cell.count >= 3 && cell.allSatisfy { $0 == "-" || $0 == ":" }
    }
    guard isSeparator else { return nil }
    return ([lines[0]] + lines.dropFirst(2)).map { line in
        line.dropFirst().dropLast().components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
    }
}

/// Every command with arguments that answers (exit 0), for checks that apply to all output.
let everyAnsweringCommand: [[String]] = [
    ["list"], ["list", "--region", "europe"], ["show", "bali"], ["show", "cis"], ["show", "igc"], ["show", "idm"],
    ["show", "pidc"], ["state", "turkey"], ["state", "iom"], ["state", "cote d'ivoire"], ["search", "trafficking"],
    ["matrix"], ["matrix", "--kind", "all", "--sort", "count"], ["overlap", "manila", "apc"], ["practices"],
    ["practices", "6"], ["understandings"], ["validate", bundledDataPath], ["keys"],
    ["map"], ["map", "bali"], ["map", "turkey"], ["map", "africa"], ["gaps"], ["gaps", "--all-groups"],
]

/// Commands and the formats each writes besides text.
let formatsByCommand: [([String], [String])] = [
    (["list"], ["json", "csv", "markdown"]),
    (["show", "bali"], ["json"]),
    (["state", "turkey"], ["json", "csv", "markdown"]),
    (["search", "bali"], ["json", "csv", "markdown"]),
    (["matrix", "--region", "africa"], ["json", "csv", "markdown"]),
    (["overlap", "manila", "apc"], ["json", "csv", "markdown"]),
    (["practices"], ["json", "csv", "markdown"]),
    (["practices", "6"], ["json", "csv", "markdown"]),
    (["understandings"], ["json", "csv", "markdown"]),
    (["validate", bundledDataPath], ["json"]),
    (["keys"], ["json", "csv", "markdown"]),
    (["gaps"], ["json", "csv", "markdown"]),
]

/// `Resources/rcp-data.json` of this checkout.
let bundledDataPath: String = {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Resources/rcp-data.json").path
}()
