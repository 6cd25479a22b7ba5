import Foundation
import RCPTestSupport
import Testing

/// `rcpx guide`, search over guide points, and how the command line marks editorial values.
@Suite struct GuideCommandTests {
    /// Text with its wrapping undone: runs of spaces and line breaks become one space.
    func flat(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    @Test func listsTheTopicsInOrder() throws {
        let r = try runRcpx(["guide"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map(String.init)
        let first = try #require(rows.firstIndex { $0.contains("What an RCP is") })
        let second = try #require(rows.firstIndex { $0.contains("Five common characteristics") })
        #expect(first < second)
        #expect(rows.contains { $0.contains("Impact") && $0.contains("B.2.b") })
        #expect(rows.allSatisfy { $0.count <= 80 }, "a line is wider than 80 columns")
    }

    @Test func printsATopicByIdNumberOrWords() throws {
        let byWords = try runRcpx(["guide", "five", "characteristics"])
        let byNumber = try runRcpx(["guide", "2"])
        let byID = try runRcpx(["guide", "characteristics"])
        #expect(byWords.status == 0 && byNumber.status == 0 && byID.status == 0)
        #expect(byWords.stdout == byNumber.stdout && byNumber.stdout == byID.stdout)
        #expect(byID.stdout.hasPrefix("2. Five common characteristics\n"))
        for label in [
            "States-owned:", "Thematic or geographic:", "Recurring:", "Flexible focus:", "Informal and non-binding:",
        ] {
            #expect(byID.stdout.contains(label), "missing \(label)")
        }
        #expect(flat(byID.stdout).contains("(B.1.a, lines 281–282)"))
    }

    @Test func aPointShowsWhatItLinksTo() throws {
        let r = try runRcpx(["guide", "impact"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("pathfinder"))
        #expect(r.stdout.contains("→ Bali"))
        #expect(r.stdout.contains("→ Panama, Fiji"))
    }

    @Test func jsonCarriesProvenanceAndLinks() throws {
        let r = try runRcpx(["guide", "impact", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect(object["id"] as? String == "impact")
        let points = try #require(object["points"] as? [[String: Any]])
        let pathfinder = try #require(points.first { ($0["text"] as? String)?.contains("pathfinder") == true })
        #expect(pathfinder["processes"] as? [String] == ["bali"])
        #expect(pathfinder["lines"] as? [Int] == [556, 558])
        #expect(pathfinder["section"] as? String == "B.2.b")
        let list = try #require(try parseJSON(try runRcpx(["guide", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(list.count == 16)
        #expect(list.first?["id"] as? String == "what-is-an-rcp")
    }

    @Test func markdownIsAListWithProvenance() throws {
        let r = try runRcpx(["guide", "weaknesses", "--format", "markdown"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("## 9. Weaknesses\n"))
        #expect(r.stdout.contains("\n- Funding was the only concern"))
        #expect(r.stdout.contains("(B.1.h, lines 438–441)"))
        let list = try runRcpx(["guide", "--format", "markdown"])
        #expect(list.stdout.hasPrefix("| No. | Id | Topic | Section | Points |\n"))
    }

    @Test func badTopicsAreRefusedClearly() throws {
        let none = try runRcpx(["guide", "astrology"])
        #expect(none.status == 1)
        #expect(none.stderr.contains("No guide topic matches \"astrology\""))
        let several = try runRcpx(["guide", "the"])
        #expect(several.status == 1)
        #expect(several.stderr.contains("matches") && several.stderr.contains("Give one by number or id"))
        let empty = try runRcpx(["guide", " "])
        #expect(empty.status == 64)
        let csv = try runRcpx(["guide", "--format", "csv"])
        #expect(csv.status == 64)
        // A control character in the query is shown, not sent to the terminal.
        let escape = try runRcpx(["guide", "\u{1B}[31mred"])
        #expect(escape.status == 1)
        #expect(!escape.stderr.contains("\u{1B}"))
    }

    @Test func searchFindsGuidePoints() throws {
        let r = try runRcpx(["search", "pathfinder", "--format", "json"])
        #expect(r.status == 0)
        let hits = try #require(try parseJSON(r.stdout) as? [[String: Any]])
        let hit = try #require(hits.first { $0["kind"] as? String == "guide-point" })
        #expect(hit["id"] as? String == "impact.10")
        #expect(hit["guideTopic"] as? String == "impact")
        let typo = try runRcpx(["search", "Internally Displacement", "--kind", "practice-item"])
        #expect(typo.status == 0 && typo.stdout.contains("Internal Displacement"))
    }

    // MARK: Editorial values

    @Test func showMarksEditorialValuesWithTheWordAndTheReason() throws {
        let r = try runRcpx(["show", "marri"])
        #expect(r.status == 0)
        #expect(flat(r.stdout).contains("Region: Europe and the Former Soviet Union († editorial: Footnote i gives"))
        #expect(r.stdout.contains("(with IAMM effective-practice headings †)"))
        #expect(flat(r.stdout).contains("† editorial: The SEECP set up the Forum"))
        #expect(r.stdout.contains("Since: The paper gives no start year"))
        let ascii = try runRcpx(["show", "marri", "--ascii"])
        #expect(flat(ascii.stdout).contains("(^ editorial: Footnote i gives"))
        // A matrix process has no editorial region; its topic mapping is editorial all the same.
        let bali = try runRcpx(["show", "bali"])
        #expect(!bali.stdout.contains("Region: Asia and Oceania (†"))
        #expect(bali.stdout.contains("The paper's classification"))
        #expect(bali.stdout.contains("Secretariat: none (Annex A, row 12, lines 2164–2167)"))
        #expect(bali.stdout.contains("The paper says of this process"))
    }

    @Test func showJSONCarriesBasesClassificationAndGuidePoints() throws {
        let r = try runRcpx(["show", "cis", "--format", "json"])
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        let bases = try #require(object["bases"] as? [[String: Any]])
        let secretariat = bases.filter { $0["field"] as? String == "secretariat" }
        #expect(secretariat.count == 2 && secretariat.allSatisfy { $0["basis"] as? String == "stated" })
        let mapping = try #require(object["topicPracticesEditorial"] as? [String: Any])
        #expect(mapping["basis"] as? String == "editorial")
        let marri = try #require(
            try parseJSON(try runRcpx(["show", "marri", "--format", "json"]).stdout) as? [String: Any])
        let participants = try #require(marri["participants"] as? [[String: Any]])
        let seecp = try #require(participants.first { $0["party"] as? String == "seecp" })
        #expect((seecp["editorial"] as? [String: Any])?["basis"] as? String == "editorial")
        let albania = try #require(participants.first { $0["party"] as? String == "albania" })
        #expect(albania["editorial"] is NSNull)
        let colombo = try #require(
            try parseJSON(try runRcpx(["show", "colombo", "--format", "json"]).stdout) as? [String: Any])
        let classes = try #require(colombo["classification"] as? [[String: Any]])
        #expect(classes.contains { $0["aspect"] as? String == "focus" && $0["value"] as? String == "narrow" })
        let points = try #require(colombo["guidePoints"] as? [[String: Any]])
        #expect(points.contains { ($0["text"] as? String)?.contains("labour migration") == true })
    }

    @Test func stateListAndPracticesMarkEditorialValues() throws {
        let seecp = try runRcpx(["state", "seecp"])
        #expect(seecp.stdout.contains("† editorial"))
        let guam = try runRcpx(["state", "guam", "--format", "json"])
        let party = try #require((try parseJSON(guam.stdout) as? [String: Any])?["party"] as? [String: Any])
        #expect((party["noteEditorial"] as? [String: Any])?["basis"] as? String == "editorial")
        let list = try runRcpx(["list"])
        #expect(list.stdout.contains("MARRI †"))
        #expect(list.stdout.contains("† editorial: the paper gives this group no region"))
        #expect(!list.stdout.contains("Bali †"))
        let matrix = try runRcpx(["matrix", "--region", "europe", "--kind", "organizations"])
        let seecpRow = matrix.stdout.split(separator: "\n").first { $0.hasPrefix("South-East European Co-operation") }
        #expect(seecpRow?.contains("◆†") == true)
        #expect(matrix.stdout.contains("† editorial: a role the paper does not state"))
        let json = try #require(
            try parseJSON(
                try runRcpx([
                    "matrix", "--region", "europe", "--kind", "organizations",
                    "--format", "json",
                ]).stdout) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.first { $0["party"] as? String == "seecp" }?["editorial"] as? [String] == ["marri"])
        #expect(rows.first { $0["party"] as? String == "unhcr" }?["editorial"] as? [String] == [])
        let practices = try runRcpx(["practices", "6"])
        #expect(practices.stdout.contains("Processes that discuss it (15) †"))
        #expect(practices.stdout.contains("† editorial: the paper never links"))
    }
}
