import Foundation
import RCPCore
import RCPTestSupport
import Testing

/// `rcpx show NAME --format markdown` (a card for a handout) and `--format csv` (its participants); the
/// lookups in ASCII when the locale is not UTF-8 (issue 10, items 15 and 20).
@Suite struct CLIShowFormatsTests {
    @Test func showWritesTheCardAsMarkdown() throws {
        let r = try runRcpx(["show", "bali", "--format", "markdown"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines.first == "# 12. Bali Process")
        #expect(lines.contains("- **Id:** `bali`"))
        #expect(lines.contains("- **Co-chairs:** Australia, Indonesia"))
        for heading in [
            "## Participants", "## Secretariat", "## Main areas of discussion", "## Current priorities",
            "## Status", "## IOM's role", "## Events",
        ] {
            #expect(lines.contains(heading), "no \(heading)")
        }
        #expect(lines.contains { $0.hasPrefix("- **Members (40):** Australia, Indonesia, Afghanistan") })
        #expect(lines.contains("1. Practical operational cooperation where it adds most value"))
        #expect(lines.contains { $0.hasPrefix("_Source: Annex A, row 12") })
        #expect(!r.stdout.contains("\u{1B}"))
    }

    @Test func markdownOfAMechanismAndAFootnoteGroup() throws {
        let idm = try runRcpx(["show", "idm", "--format", "markdown"])
        #expect(idm.status == 0)
        #expect(idm.stdout.hasPrefix("# IDM (global mechanism)\n"))
        let events = try #require(Catalog.bundled.mechanism(id: "idm")).events.count
        #expect(idm.stdout.contains("\n## Events (\(events))\n"))
        let footnote = try runRcpx(["show", "cluster", "--format", "markdown"])
        #expect(footnote.status == 0, "\(footnote.stderr)")
        #expect(footnote.stdout.contains("- **Matrix:** outside the Annex A matrix"), "\(footnote.stdout.prefix(500))")
    }

    @Test func markdownKeepsTheDataPlain() throws {
        // Names with characters Markdown would read as syntax are escaped: "5+5" stays literal text.
        let r = try runRcpx(["show", "5+5", "--format", "markdown"])
        #expect(r.status == 0)
        #expect(!r.stdout.contains("\n+"), "a line starting with + would be a list")
    }

    @Test func showWritesItsParticipantsAsCSV() throws {
        let r = try runRcpx(["show", "bali", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        #expect(rows.first == "process,shortName,party,name,kind,iso3,roles,note")
        #expect(rows.contains("bali,Bali,australia,Australia,state,AUS,member;co-chair,"))
        #expect(
            rows.contains {
                $0.hasPrefix("bali,Bali,iom,International Organization for Migration,organization,,participant,")
            })
        // One row per participant named on the card: 40 members, 2 participants, 32 observers.
        #expect(rows.count == 1 + 40 + 2 + 32)
        let idm = try runRcpx(["show", "idm", "--format", "csv"])
        #expect(idm.stdout.hasPrefix("mechanism,shortName,party,"))
    }

    @Test(arguments: [
        ["LANG": "C"], ["LC_ALL": "C", "LANG": "C.UTF-8"], ["LC_ALL": "POSIX"],
        ["LC_CTYPE": "en_US.ISO-8859-1", "LANG": "C.UTF-8"],
    ])
    func aNonUTF8LocaleGetsASCII(_ env: [String: String]) throws {
        for args in [
            ["show", "soderkoping"], ["state", "turkey"], ["matrix", "--region", "europe"],
            ["show", "soderkoping", "--format", "csv"], ["state", "cote d'ivoire", "--format", "markdown"],
        ] {
            let r = try runRcpx(args, environment: env, removing: ["LC_ALL", "LC_CTYPE", "LANG"])
            #expect(r.status == 0, "\(args) \(env): \(r.stderr)")
            #expect(r.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(args) \(env): \(r.stdout.prefix(300))")
        }
        let r = try runRcpx(["show", "soderkoping"], environment: env, removing: ["LC_ALL", "LC_CTYPE", "LANG"])
        #expect(r.stdout.hasPrefix("3. Soderkoping Process\n"))
    }

    @Test(arguments: [["LANG": "C.UTF-8"], ["LC_ALL": "en_US.UTF-8"], [:]])
    func aUTF8LocaleOrNoneKeepsUTF8(_ env: [String: String]) throws {
        let r = try runRcpx(["show", "soderkoping"], environment: env, removing: ["LC_ALL", "LC_CTYPE", "LANG"])
        #expect(r.stdout.hasPrefix("3. Söderköping Process\n"), "\(env)")
    }
}
