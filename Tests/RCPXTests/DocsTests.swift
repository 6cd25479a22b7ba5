import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
    import RCPTestSupport
#endif

/// The user documentation stays true: the README's keys table is the program's, its samples are real output,
/// its links lead somewhere, `docs/DATA.md`'s how-to works on a copy of the data, the man page knows every
/// command, and `scripts/screenshots.sh` still drives the explorer and gets the screens it expects.
@Suite struct DocsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func read(_ path: String) throws -> String {
        try String(contentsOf: repository.appendingPathComponent(path), encoding: .utf8)
    }

    static func temporaryDirectory(_ tag: String) throws -> URL {
        URL(fileURLWithPath: try makeScratchDirectory("rcpx-\(tag)"))
    }

    // MARK: README

    @Test func readmeBeginsWithWhatItIsTheTwoCommandsAndThePrerequisite() throws {
        let readme = try Self.read("README.md")
        let lines = readme.components(separatedBy: "\n")
        #expect(lines.first == "# rcpx")
        let fence = try #require(lines.firstIndex(of: "```sh"), "the README opens with a ```sh block")
        #expect(fence < 12, "the two commands come first")
        #expect(lines[fence + 1].hasPrefix("swift run rcpx"))
        #expect(lines[fence + 2].hasPrefix("swift test"))
        let prerequisite = try #require(lines.firstIndex { $0.hasPrefix("Prerequisite:") })
        #expect(prerequisite > fence && prerequisite < fence + 6)
    }

    /// The table between `<!-- keys:begin -->` and `<!-- keys:end -->` is exactly `rcpx keys --format markdown`,
    /// which prints the explorer's own key-binding table. Fix with `scripts/update-readme-keys.sh`.
    @Test func readmeKeysTableIsTheProgramsTable() throws {
        let readme = try Self.read("README.md")
        let begin = try #require(readme.range(of: "<!-- keys:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- keys:end -->", range: begin.upperBound..<readme.endIndex))
        let table = String(readme[begin.upperBound..<end.lowerBound])
        let program = try runRcpx(["keys", "--format", "markdown"])
        #expect(program.status == 0)
        #expect(program.stdout.contains("| `?` `F1` |"))
        #expect(
            table == program.stdout,
            "README.md's keys table differs from `rcpx keys --format markdown`: run scripts/update-readme-keys.sh")
    }

    /// Every ```console block of the README that is one `$ rcpx …` command prints what the README shows.
    @Test func readmeSamplesAreRealOutput() throws {
        let readme = try Self.read("README.md")
        var samples: [(command: String, expected: String)] = []
        var block: [String]? = nil
        for line in readme.components(separatedBy: "\n") {
            if block == nil {
                if line == "```console" { block = [] }
            } else if line == "```" {
                // One command and its output (a block of several commands on a user's machine is illustration).
                if let b = block, let first = b.first, first.hasPrefix("$ rcpx "),
                    b.filter({ $0.hasPrefix("$ ") }).count == 1
                {
                    samples.append((String(first.dropFirst(2)), b.dropFirst().joined(separator: "\n") + "\n"))
                }
                block = nil
            } else {
                block?.append(line)
            }
        }
        #expect(samples.count >= 2)
        for sample in samples {
            let words = sample.command.split(separator: " ").map(String.init).dropFirst()
            let result = try runRcpx(Array(words))
            #expect(result.status == 0, "\(sample.command)")
            #expect(result.stdout == sample.expected, "README sample `\(sample.command)` is not what rcpx prints")
        }
    }

    /// Relative links and images in the README and the docs lead to files of the repository.
    @Test(arguments: ["README.md", "docs/DATA.md", "screenshots/README.md"])
    func linksLeadToFiles(_ document: String) throws {
        let text = try Self.read(document)
        let base = URL(fileURLWithPath: document).deletingLastPathComponent().relativePath
        let pattern = try NSRegularExpression(pattern: #"\]\(([^)#\s]+)(#[^)\s]*)?\)"#)
        let matches = pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
        if document == "README.md" { #expect(matches.count >= 10) }
        for match in matches {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            let target = String(text[range])
            if target.contains("://") || target.hasPrefix("mailto:") { continue }
            let path = base == "." ? target : base + "/" + target
            #expect(
                FileManager.default.fileExists(atPath: Self.repository.appendingPathComponent(path).path),
                "\(document) links to \(target), which does not exist")
        }
        // Links to a heading of the same page: `(#slug)`, as GitHub makes slugs.
        let headings = Set(
            text.components(separatedBy: "\n").filter { $0.hasPrefix("#") }.map { line in
                let title = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces).lowercased()
                return String(
                    title.compactMap { c -> Character? in
                        if c == " " { return "-" }
                        return c.isLetter || c.isNumber || c == "-" || c == "_" ? c : nil
                    })
            })
        let anchors = try NSRegularExpression(pattern: #"\]\(#([^)\s]+)\)"#)
        for match in anchors.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            guard let range = Range(match.range(at: 1), in: text) else { continue }
            #expect(headings.contains(String(text[range])), "\(document) links to #\(text[range]), which is no heading")
        }
    }

    // MARK: docs/DATA.md

    /// The JSON block that follows `<!-- example: NAME -->` in docs/DATA.md.
    static func dataExample(_ name: String) throws -> String {
        let doc = try read("docs/DATA.md")
        let marker = try #require(
            doc.range(of: "<!-- example: \(name) -->\n```json\n"), "docs/DATA.md has the \(name) example")
        let end = try #require(doc.range(of: "```", range: marker.upperBound..<doc.endIndex))
        return String(doc[marker.upperBound..<end.lowerBound])
    }

    /// "Paste it as the first element right after the line `"KEY": [`, followed by a comma" — as a maintainer
    /// would in an editor.
    static func paste(_ snippet: String, after key: String, into text: String) throws -> String {
        let anchor = try #require(text.range(of: "\"\(key)\": [\n"))
        var out = text
        out.insert(contentsOf: snippet.trimmingCharacters(in: .newlines) + ",\n", at: anchor.upperBound)
        return out
    }

    /// docs/DATA.md, "Add a process", done as written on a copy of the bundled data: the copy validates, and
    /// `show`, `state`, `list` and the matrix see the new process.
    @Test func dataDocAddAProcessWorksAsWritten() throws {
        let dir = try Self.temporaryDirectory("data-howto")
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try Self.read("Resources/rcp-data.json")
        text = try Self.paste(try Self.dataExample("new-party"), after: "parties", into: text)
        text = try Self.paste(try Self.dataExample("new-process"), after: "processes", into: text)
        let copy = dir.appendingPathComponent("new.json").path
        try text.write(toFile: copy, atomically: true, encoding: .utf8)

        let validate = try runRcpx(["validate", copy])
        #expect(validate.status == 0, "\(validate.stdout)")
        let said = validate.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(said.hasSuffix("valid: 19 processes, 216 parties, 5 mechanisms, 20 practices, 20 understandings"))

        let show = try runRcpx(["show", "abu-dhabi", "--data", copy])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.hasPrefix("14. Abu Dhabi Dialogue\n"))
        #expect(show.stdout.contains("Members (4): United Arab Emirates, India, Philippines, Sri Lanka"))
        #expect(try runRcpx(["show", "ADD", "--data", copy]).stdout == show.stdout)

        let state = try runRcpx(["state", "uae", "--data", copy])
        #expect(state.status == 0)
        #expect(state.stdout.contains("14  Abu Dhabi  Asia and Oceania  member, chair"))

        let list = try runRcpx(["list", "--region", "asia", "--data", copy, "--format", "csv"])
        let rows = list.stdout.components(separatedBy: "\n")
        let colombo = try #require(rows.firstIndex { $0.contains("colombo") })
        let abuDhabi = try #require(rows.firstIndex { $0.contains("abu-dhabi") })
        #expect(abuDhabi == colombo + 1, "the new process is listed after 13 Colombo: \(list.stdout)")

        let matrix = try runRcpx(["matrix", "--region", "asia", "--data", copy, "--format", "csv"])
        #expect(matrix.stdout.contains("abu-dhabi") || matrix.stdout.contains("Abu Dhabi"))
    }

    /// docs/DATA.md, "Rename a state": the record given replaces the old one; the new name and the old one
    /// (now an alias) both find it.
    @Test func dataDocRenameAStateWorksAsWritten() throws {
        let dir = try Self.temporaryDirectory("data-rename")
        defer { try? FileManager.default.removeItem(at: dir) }
        let doc = try Self.read("docs/DATA.md")
        let heading = try #require(doc.range(of: "### Rename a state"))
        let start = try #require(doc.range(of: "```json\n", range: heading.upperBound..<doc.endIndex))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        let record = String(doc[start.upperBound..<end.lowerBound]).trimmingCharacters(in: .newlines)

        var text = try Self.read("Resources/rcp-data.json")
        let id = try #require(text.range(of: "\"id\": \"swaziland\""))
        let open = try #require(text.range(of: "    {\n", options: .backwards, range: text.startIndex..<id.lowerBound))
        let close = try #require(text.range(of: "\n    }", range: id.upperBound..<text.endIndex))
        text.replaceSubrange(open.lowerBound..<close.upperBound, with: record)
        let copy = dir.appendingPathComponent("renamed.json").path
        try text.write(toFile: copy, atomically: true, encoding: .utf8)

        #expect(try runRcpx(["validate", copy]).status == 0)
        for name in ["eswatini", "swaziland", "SWZ"] {
            let state = try runRcpx(["state", name, "--data", copy])
            #expect(state.status == 0, "\(name): \(state.stderr)")
            #expect(state.stdout.hasPrefix("Eswatini\n"), "\(name): \(state.stdout)")
        }
    }

    // MARK: Man page

    /// docs/rcpx.1 documents every command `rcpx --help` lists (regenerate with scripts/update-man-page.sh).
    @Test func manPageKnowsEveryCommand() throws {
        let page = try Self.read("docs/rcpx.1")
        #expect(page.hasPrefix(".\\\" \"Generated by swift-argument-parser\""))
        for section in [".Sh NAME", ".Sh SYNOPSIS", ".Sh KEYS", ".Sh ENVIRONMENT", ".Sh FILES", ".Sh \"EXIT STATUS\""] {
            #expect(page.contains(section + "\n"), "\(section)")
        }
        let help = try runRcpx(["--help"]).stdout
        let subcommands = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        var names: [String] = []
        for line in subcommands.components(separatedBy: "\n").dropFirst() {
            if line.isEmpty { break }  // the list ends at the first blank line
            if line.hasPrefix("  ") && !line.hasPrefix("   "), let word = line.split(separator: " ").first {
                names.append(String(word))
            }
        }
        #expect(names.contains("state") && names.contains("checklist"))
        for name in names {
            #expect(page.contains(".It Em \(name)\n"), "docs/rcpx.1 lacks `\(name)`: run scripts/update-man-page.sh")
        }
        #expect(!page.contains("instead of     ."), "characters dropped by the plugin are put back")
    }

    // MARK: Screenshots

    /// What each screen must show (the script's names, without the extension).
    static let expectedScreens: [String: [String]] = [
        "overview-132x43": ["Regions", "Matrix", "Checklist", "Afghanistan"],
        "layout-80x24": ["Budapest Process", "Regions"],
        "tree-bali-132x43": ["Bali Ministerial Conference", "12 Bali"],
        "state-australia-132x43": ["State: Australia", "co-chair"],
        "matrix-132x43": ["Australia × 12", "member"],
        "search-traff-132x43": ["traff", "Trafficking"],
        "help-132x43": ["type to narrow", "quit rcpx"],
        "checklist-132x43": ["Irregular Migration", "6.1"],
        "presentation-132x43": ["Irregular Migration"],
        "no-color-132x43": ["State: Turkey", "Budapest"],
        "ascii-80x24": ["Regions", "Soderkoping", "o Cluster"],
        "map-bali-132x43": ["Map: Bali", "member or participant"],
        "timeline-132x43": ["Time line", "2002"],
        "compare-132x43": ["Compare: Bali · APC · Colombo", "In all 3"],
        "slide-1-landscape-132x43": [
            "Budapest Process", "Annex A row", "next: Region: Asia and Oceania",
        ],
        "slide-2-region-132x43": ["Region: Asia and Oceania", "next: Process: Bali Process"],
        "slide-3-process-132x43": ["Members", "Afghanistan", "member", "next: Map: Bali Process"],
        "slide-4-map-132x43": ["Map: Bali", "member or participant", "next: The checklist"],
        "slide-5-checklist-132x43": ["Overall", "in place", "Last slide"],
    ]

    static var screenshotScript: String { repository.appendingPathComponent("scripts/screenshots.sh").path }

    /// The screens the script makes are the ones expected here, and `screenshots/` holds a PNG of each.
    @Test func screenshotScriptMakesEveryExpectedScreen() throws {
        let list = try runProgram("/usr/bin/env", ["bash", Self.screenshotScript, "--list"])
        #expect(list.status == 0, "scripts/screenshots.sh --list failed:\n\(list.stderr)")
        let names = list.stdout.split(separator: "\n").map(String.init)
        #expect(names.count == Set(names).count, "a screen is made twice: \(names)")
        #expect(Set(names) == Set(Self.expectedScreens.keys), "the script makes \(names.sorted())")
        for name in Self.expectedScreens.keys.sorted() {
            let png = Self.repository.appendingPathComponent("screenshots/\(name).png").path
            #expect(
                FileManager.default.fileExists(atPath: png),
                "screenshots/\(name).png is missing: run scripts/screenshots.sh")
        }
    }

    /// The screens `screenshotScriptStillCaptures` makes: three by default (a few seconds; the whole script
    /// takes about 5 minutes), every one with `RCPX_SCREENSHOTS=all`.
    static var screensToCapture: [String] {
        if ProcessInfo.processInfo.environment["RCPX_SCREENSHOTS"] == "all" { return expectedScreens.keys.sorted() }
        return ["overview-132x43", "search-traff-132x43", "ascii-80x24"]
    }

    /// `scripts/screenshots.sh --text-only --only …` still drives the real binary in tmux and captures what each
    /// screen should show. Every screen: `RCPX_SCREENSHOTS=all swift test --filter screenshotScriptStillCaptures`
    /// (see README, Development).
    @Test(arguments: [screensToCapture])
    func screenshotScriptStillCaptures(_ screens: [String]) throws {
        try #require(
            TmuxSession.isAvailable, "tmux is needed to make screenshots (apt-get install tmux; .ci/run installs it)")
        let dir = try Self.temporaryDirectory("screenshots")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let run = try runProgram(
            "/usr/bin/env",
            [
                "SCREENSHOTS_TIMEOUT=40", "bash", Self.screenshotScript, "--text-only",
                "--out", out.path, "--binary", rcpxBinaryPath,
                "--only", screens.joined(separator: ","),
            ])
        #expect(run.status == 0, "scripts/screenshots.sh failed:\n\(run.stderr)")
        let made = Set(
            ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? [])
                .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) })
        #expect(made == Set(screens), "screens made: \(made.sorted())")
        for name in screens where made.contains(name) {
            let screen = try String(contentsOf: out.appendingPathComponent(name + ".txt"), encoding: .utf8)
            let texts = try #require(Self.expectedScreens[name], "\(name) is not an expected screen")
            for text in texts {
                #expect(screen.contains(text), "\(name) should show \"\(text)\":\n\(screen)")
            }
            if name.hasPrefix("ascii") {
                let asciiOnly = screen.unicodeScalars.allSatisfy { $0.isASCII }
                #expect(asciiOnly, "\(name) is ASCII only")
            }
        }
    }
}
