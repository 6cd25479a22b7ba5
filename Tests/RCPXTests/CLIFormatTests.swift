import Foundation
import RCPTestSupport
import Testing

/// The output contract: 80 columns, ASCII on request, no colour in pipes, parseable JSON, CSV and Markdown.
@Suite struct CLIFormatTests {
    @Test(arguments: everyAnsweringCommand)
    func textFitsEightyColumns(args: [String]) throws {
        let r = try runRcpx(args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(!r.stdout.isEmpty)
        for line in r.stdout.split(separator: "\n", omittingEmptySubsequences: false) {
            #expect(columns(line) <= 80, "\(args): \(columns(line)) columns: \(line)")
            #expect(!line.hasSuffix(" "), "\(args): trailing space: \(line)")
        }
    }

    @Test(arguments: everyAnsweringCommand)
    func noEscapeCodesInAPipe(args: [String]) throws {
        let r = try runRcpx(args)
        #expect(!r.stdout.contains("\u{1B}"), "\(args)")
        #expect(!r.stderr.contains("\u{1B}"), "\(args)")
    }

    @Test(arguments: everyAnsweringCommand)
    func asciiOutputIsASCII(args: [String]) throws {
        let r = try runRcpx(args + ["--ascii"])
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(r.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(args): \(r.stdout.filter { !$0.isASCII })")
        for line in r.stdout.split(separator: "\n") { #expect(line.utf8.count <= 80, "\(args): \(line)") }
    }

    @Test func asciiTransliteratesNames() throws {
        let state = try runRcpx(["state", "cote d'ivoire", "--ascii"]).stdout
        #expect(state.hasPrefix("Cote d'Ivoire\n"))
        let list = try runRcpx(["list", "--ascii"]).stdout
        #expect(list.contains("Soderkoping"))
        #expect(list.contains("---  "), "ASCII rules")
        let matrix = try runRcpx(["matrix", "--region", "africa", "--ascii"]).stdout
        #expect(matrix.contains("M member"))
    }

    @Test func asciiInEveryFormat() throws {
        for (args, formats) in formatsByCommand {
            for format in formats {
                let r = try runRcpx(args + ["--format", format, "--ascii"])
                #expect(r.status == 0, "\(args) \(format): \(r.stderr)")
                #expect(r.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(args) \(format)")
                if format == "csv" {
                    #expect(Set(parseCSV(r.stdout).map(\.count)).count == 1, "\(args): CSV still parses")
                }
                if format == "markdown" {
                    let table = parseMarkdownTable(r.stdout)
                    #expect(table != nil && Set(table!.map(\.count)).count == 1, "\(args): Markdown table still parses")
                }
            }
        }
        // JSON keeps the data intact: non-ASCII characters are \u escapes.
        let json = try runRcpx(["show", "soderkoping", "--format", "json", "--ascii"])
        let p = try #require(try parseJSON(json.stdout) as? [String: Any])
        #expect(p["name"] as? String == "Söderköping Process")

    }

    @Test func alignmentUsesDisplayWidth() throws {
        // "Söderköping" has more bytes than columns; the year column must still line up.
        let lines = try runRcpx(["list", "--region", "europe"]).stdout.split(separator: "\n")
        let igc = try #require(lines.first { $0.contains("IGC") })
        let soderkoping = try #require(lines.first { $0.contains("Söderköping") })
        func yearColumn(_ line: Substring) -> Int? {
            guard let range = line.range(of: #"\b(19|20)\d\d\b"#, options: .regularExpression) else { return nil }
            return columns(line[..<range.lowerBound])
        }
        #expect(yearColumn(igc) != nil)
        #expect(yearColumn(igc) == yearColumn(soderkoping))
    }

    @Test(arguments: formatsByCommand)
    func everyFormatAnswers(args: [String], formats: [String]) throws {
        for format in formats {
            let r = try runRcpx(args + ["--format", format])
            #expect(r.status == 0, "\(args) \(format): \(r.stderr)")
            #expect(!r.stdout.contains("\u{1B}"))
            switch format {
            case "json": #expect((try? parseJSON(r.stdout)) != nil, "\(args): JSON parses")
            case "csv":
                let rows = parseCSV(r.stdout)
                #expect(rows.count >= 2, "\(args)")
                #expect(Set(rows.map(\.count)).count == 1, "\(args): every CSV row has the header's columns")
            case "markdown": #expect(parseMarkdownTable(r.stdout) != nil, "\(args): a header separator row")
            default: break
            }
        }
    }

    @Test func jsonIsPrettyWithStableKeyOrder() throws {
        let out = try runRcpx(["show", "bali", "--format", "json"]).stdout
        #expect(out.hasPrefix("{\n  \"kind\": \"process\",\n  \"id\": \"bali\",\n  \"number\": 12,\n  \"name\": "))
        #expect(out.hasSuffix("}\n"))
        #expect(out == (try runRcpx(["show", "bali", "--format", "json"])).stdout, "stable")
    }

    @Test func csvParsesBackToTheRightColumns() throws {
        let list = parseCSV(try runRcpx(["list", "--format", "csv"]).stdout)
        #expect(list[0] == ["region", "number", "id", "shortName", "name", "year", "members"])
        #expect(list.count == 19)
        let bali = try #require(list.first { $0[2] == "bali" })
        #expect(bali[1] == "12")
        #expect(
            bali[4]
                == "Bali Ministerial Conference on People Smuggling, Trafficking in Persons and Related Transnational Crime",
            "a name with commas survives quoting")
        #expect(bali[5] == "2002")
        #expect(bali[6] == "40")

        let state = parseCSV(try runRcpx(["state", "turkey", "--format", "csv"]).stdout)
        #expect(state[0] == ["party", "kind", "id", "number", "shortName", "name", "region", "roles"])
        let budapest = try #require(state.first { $0[2] == "budapest" })
        #expect(budapest[7] == "member;vice-chair")
        #expect(state.first { $0[2] == "cis" }?[7] == "interested-state")

        let matrix = parseCSV(try runRcpx(["matrix", "--format", "csv"]).stdout)
        #expect(matrix[0].count == 3 + 18 + 1)
        let turkey = try #require(matrix.first { $0[0] == "turkey" })
        #expect(turkey.contains("member;vice-chair"))
        #expect(turkey.last == "3")

        let overlap = parseCSV(try runRcpx(["overlap", "manila", "apc", "--format", "csv"]).stdout)
        #expect(overlap[0] == ["party", "name", "in", "Manila", "APC"])
        #expect(overlap.filter { $0[2] == "both" }.count == 18)
        #expect(overlap.filter { $0[2] == "apc" }.count == 18)

        let practices = parseCSV(try runRcpx(["practices", "--format", "csv"]).stdout)
        #expect(practices.count == 21)
        #expect(practices[6][0] == "6")
        #expect(practices[6][4].split(separator: ";").contains("bali"))
    }

    @Test func markdownTables() throws {
        let table = try #require(parseMarkdownTable(try runRcpx(["state", "turkey", "--format", "markdown"]).stdout))
        #expect(table[0] == ["Party", "Kind", "Id", "No.", "Process", "Name", "Region", "Roles"])
        #expect(table.contains { $0.contains("member, vice-chair") })
        let list = try runRcpx(["list", "--format", "markdown"]).stdout
        #expect(list.split(separator: "\n")[1] == "| --- | ---: | --- | --- | --- | ---: | ---: |")
        #expect(
            parseMarkdownTable(try runRcpx(["matrix", "--region", "americas", "--format", "markdown"]).stdout)?
                .first?.first == "Party")
    }

    @Test func noColorWhenPipedEvenIfAsked() throws {
        let r = try runRcpx(["show", "bali"], environment: ["TERM": "xterm-256color"])
        #expect(!r.stdout.contains("\u{1B}["))
    }
}

/// Colour on a terminal, and NO_COLOR / --no-color (the real binary in tmux).
@Suite(.serialized) struct CLIColorTests {
    /// The screen after `rcpx state turkey …` ran in a terminal, with escapes. NO_COLOR is cleared unless given
    /// (a tmux server keeps the environment it was started with).
    func screen(_ arguments: String, environment: [String: String] = [:]) throws -> String {
        try ExplorerTmuxTests.requireTmux()
        // The explorer tests' way of starting the server (with a clean signal mask).
        _ = TmuxSession.ensureServer()
        let env = ["TERM": "xterm-256color", "NO_COLOR": ""].merging(environment) { $1 }
        // The shell keeps the pane open after rcpx exits, so the screen can be read at leisure.
        let session = try TmuxSession(
            command: "'\(rcpxBinaryPath)' \(arguments); sleep 30", width: 100,
            height: 40, environment: env)
        defer { session.kill() }
        try session.waitFor { $0.contains("Processes (") && $0.contains("Bali") }
        return try session.capture(escapes: true)
    }

    @Test func colourOnATerminal() throws {
        let out = try screen("state turkey")
        #expect(out.contains("Turkey"))
        #expect(out.contains("\u{1B}["), "bold or colour on a terminal")
    }

    @Test func noColorEnvironment() throws {
        let out = try screen("state turkey", environment: ["NO_COLOR": "1"])
        #expect(out.contains("Turkey"))
        #expect(!out.contains("\u{1B}["), "\(out)")
    }

    @Test func noColorFlag() throws {
        let out = try screen("state turkey --no-color")
        #expect(out.contains("Turkey"))
        #expect(!out.contains("\u{1B}["), "\(out)")
    }
}
