import Foundation
import RCPTestSupport
import Testing

/// The lookups answer with the paper's facts, in text and JSON.
@Suite struct CLILookupTests {
    // MARK: state

    /// The text line of a process in `rcpx state` output.
    func line(_ text: String, _ process: String) -> String? {
        text.split(separator: "\n").first { $0.contains(process) }.map(String.init)
    }

    @Test func turkeyText() throws {
        let r = try runRcpx(["state", "turkey"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Turkey\n"))
        #expect(r.stdout.contains("state · ISO3 TUR"))
        #expect(r.stdout.contains("Processes — in 3 of the 13 matrix processes"))
        let budapest = try #require(line(r.stdout, "Budapest"))
        #expect(budapest.contains("member, vice-chair"))
        #expect(budapest.hasPrefix("  2"))
        let cis = try #require(line(r.stdout, "CIS"))
        #expect(cis.contains("interested state"))
        let bali = try #require(line(r.stdout, "Bali"))
        #expect(bali.hasSuffix("member"))
    }

    @Test func turkeyJSON() throws {
        let r = try runRcpx(["state", "turkey", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        let party = try #require(object["party"] as? [String: Any])
        #expect(party["id"] as? String == "turkey")
        #expect(party["name"] as? String == "Turkey")
        #expect(party["kind"] as? String == "state")
        #expect(party["iso3"] as? String == "TUR")
        #expect(party["aliases"] is [String])
        let participations = try #require(object["participations"] as? [[String: Any]])
        var roles: [String: [String]] = [:]
        for p in participations {
            #expect(p["processName"] is String)
            roles[p["process"] as? String ?? ""] = p["roles"] as? [String]
        }
        #expect(roles["budapest"] == ["member", "vice-chair"])
        #expect(roles["cis"] == ["interested-state"])
        #expect(roles["bali"] == ["member"])
        #expect(roles.count == 3)
        // Keys in a stable, documented order.
        #expect(r.stdout.range(of: "\"party\"")!.lowerBound < r.stdout.range(of: "\"participations\"")!.lowerBound)
    }

    @Test(arguments: [
        ("UK", "united-kingdom"), ("Viet Nam", "viet-nam"), ("cote d'ivoire", "cote-d-ivoire"),
        ("Côte d’Ivoire", "cote-d-ivoire"), ("IOM", "iom"), ("TUR", "turkey"), ("the uk", "united-kingdom"),
    ])
    func partiesResolve(query: String, id: String) throws {
        let r = try runRcpx(["state", query, "--format", "json"])
        #expect(r.status == 0, "\(query): \(r.stderr)")
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect((object["party"] as? [String: Any])?["id"] as? String == id)
        #expect(!((object["participations"] as? [Any]) ?? []).isEmpty)
    }

    @Test func iomIsAnOrganizationInMechanismsAndEvents() throws {
        let text = try runRcpx(["state", "IOM"]).stdout
        #expect(text.contains("organization"))
        #expect(text.contains("Global mechanisms"))
        #expect(text.contains("Events"))
        let json = try #require(
            try parseJSON(try runRcpx(["state", "IOM", "--format", "json"]).stdout) as? [String: Any])
        #expect(((json["party"] as? [String: Any])?["iso3"]) is NSNull)
        #expect(!((json["mechanisms"] as? [Any]) ?? []).isEmpty)
    }

    // MARK: show

    @Test func baliCard() throws {
        let r = try runRcpx(["show", "bali"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("12. Bali Process\n"))
        #expect(r.stdout.contains("Co-chairs: Australia, Indonesia"))
        #expect(r.stdout.contains("Members (40)"))
        #expect(r.stdout.contains("Printed total: 40"))
        for section in [
            "Participants", "Secretariat", "Main areas of discussion", "Current priorities", "IOM's role",
            "Source: Annex A, row 12",
        ] {
            #expect(r.stdout.contains(section), "\(section)")
        }
        #expect(r.stdout.contains("  1) "), "numbered priorities")
        #expect(r.stdout.contains("[6]"), "topics carry their IAMM heading numbers")
    }

    @Test func baliJSON() throws {
        let r = try runRcpx(["show", "bali", "--format", "json"])
        #expect(r.status == 0)
        let p = try #require(try parseJSON(r.stdout) as? [String: Any])
        for key in [
            "id", "number", "name", "aliases", "region", "year", "participants", "statedTotal", "secretariat",
            "topics", "priorities", "source",
        ] {
            #expect(p[key] != nil, "show JSON has \(key)")
        }
        #expect(p["id"] as? String == "bali")
        #expect(p["number"] as? Int == 12)
        #expect(p["year"] as? Int == 2002)
        #expect(p["region"] as? String == "asia-oceania")
        let participants = try #require(p["participants"] as? [[String: Any]])
        let coChairs = participants.filter { ($0["roles"] as? [String])?.contains("co-chair") == true }
            .compactMap { $0["name"] as? String }
        #expect(Set(coChairs) == ["Australia", "Indonesia"])
        let turkey = try #require(participants.first { $0["party"] as? String == "turkey" })
        #expect(turkey["roles"] as? [String] == ["member"])
        #expect((p["statedTotal"] as? [String: Any])?["members"] as? Int == 40)
        #expect(((p["topics"] as? [[String: Any]])?.first?["practices"]) is [Int])
    }

    @Test func numberAndNameGiveTheSameCard() throws {
        let byNumber = try runRcpx(["show", "12"])
        let byName = try runRcpx(["show", "bali"])
        #expect(byNumber.status == 0)
        #expect(byNumber.stdout == byName.stdout)
        #expect(
            try runRcpx(["show", "Bali Process", "--format", "json"]).stdout
                == (try runRcpx(["show", "12", "--format", "json"])).stdout)
    }

    @Test(arguments: [
        ("soderkoping", "soderkoping"), ("Söderköping", "soderkoping"), ("RCM", "puebla"),
        ("puebla process", "puebla"), ("5+5", "five-plus-five"), ("1", "igc"), ("CBCP", "soderkoping"),
    ])
    func processesResolve(query: String, id: String) throws {
        let r = try runRcpx(["show", query, "--format", "json"])
        #expect(r.status == 0, "\(query): \(r.stderr)")
        let p = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect(p["id"] as? String == id)
    }

    @Test func footnoteGroupHasNullNumber() throws {
        let r = try runRcpx(["show", "pidc", "--format", "json"])
        let p = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect(p["number"] is NSNull)
        #expect(p["inMatrix"] as? Bool == false)
        #expect(try runRcpx(["show", "pidc"]).stdout.contains("outside the Annex A matrix"))
    }

    @Test func cisCountsInterestedStatesAgainstThePrintedTotal() throws {
        let text = try runRcpx(["show", "cis"]).stdout
        #expect(text.contains("Interested states (36)"), "\(text)")
    }

    @Test func globalMechanismCard() throws {
        let r = try runRcpx(["show", "idm"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("global mechanism"))
        let json = try #require(
            try parseJSON(try runRcpx(["show", "idm", "--format", "json"]).stdout) as? [String: Any])
        #expect(json["kind"] as? String == "mechanism")
        #expect(!((json["events"] as? [Any]) ?? []).isEmpty)
    }

    // MARK: overlap

    @Test func manilaAndAPC() throws {
        let r = try runRcpx(["overlap", "manila", "apc"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("In both (18)"))
        #expect(r.stdout.contains("Only in Manila (0)"))
        for name in ["Australia", "China", "Viet Nam", "Republic of Korea", "Hong Kong"] {
            #expect(line(r.stdout, name) != nil, "\(name) in common")
        }
        let json = try #require(
            try parseJSON(try runRcpx(["overlap", "manila", "apc", "--format", "json"]).stdout)
                as? [String: Any])
        let common = try #require(json["common"] as? [[String: Any]])
        let ids = Set(common.compactMap { $0["party"] as? String })
        #expect(ids.contains("australia"))
        #expect(ids.contains("thailand"))
        #expect(common.count == 18)
        let china = try #require(common.first { $0["party"] as? String == "china" })
        #expect((china["rolesInB"] as? [String])?.contains("chair") == true)
        #expect((json["onlyA"] as? [Any])?.isEmpty == true)
        #expect((json["onlyB"] as? [Any])?.count == 18)
        #expect((json["a"] as? [String: Any])?["id"] as? String == "manila")
    }

    // MARK: list, search, matrix, practices, understandings

    @Test func listByRegion() throws {
        let asia = try runRcpx(["list", "--region", "asia"])
        #expect(asia.status == 0)
        #expect(asia.stdout.contains("Asia and Oceania"))
        #expect(asia.stdout.contains("Bali"))
        #expect(!asia.stdout.contains("Budapest"))
        for region in ["africa", "americas", "europe", "EUROPE", "Western Med"] {
            #expect(try runRcpx(["list", "--region", region]).status == 0, "\(region)")
        }
        let json = try #require(
            try parseJSON(try runRcpx(["list", "--region", "africa", "--format", "json"]).stdout)
                as? [[String: Any]])
        #expect(json.map { $0["id"] as? String } == ["midsa", "midwa"])
        #expect(json.first?["number"] as? Int == 8)
        #expect(json.first?["members"] as? Int == 15)
    }

    /// A list cut by `--limit` says on stderr how many hits there are in all (stdout stays the hits alone).
    @Test func aCutSearchSaysHowManyHitsThereAre() throws {
        let all = try #require(
            try parseJSON(try runRcpx(["search", "trafficking", "--limit", "1000", "--format", "json"]).stdout)
                as? [[String: Any]])
        #expect(all.count > 20)
        let cut = try runRcpx(["search", "trafficking"])
        #expect(cut.status == 0)
        #expect(cut.stderr.contains("showing the best 20 of \(all.count) hits; --limit \(all.count) shows them all."))
        let json = try runRcpx(["search", "trafficking", "--limit", "5", "--format", "json"])
        #expect((try parseJSON(json.stdout) as? [[String: Any]])?.count == 5)
        #expect(json.stderr.contains("showing the best 5 of \(all.count) hits"))
        #expect(try runRcpx(["search", "trafficking", "--limit", "\(all.count)"]).stderr.isEmpty)
    }

    @Test func searchRanksAndLabelsKinds() throws {
        let r = try runRcpx(["search", "bali", "--format", "json"])
        #expect(r.status == 0)
        let hits = try #require(try parseJSON(r.stdout) as? [[String: Any]])
        #expect(hits.first?["kind"] as? String == "process")
        #expect(hits.first?["id"] as? String == "bali")
        for hit in hits { for key in ["kind", "id", "title", "score"] { #expect(hit[key] != nil, "\(key)") } }
        let scores = hits.compactMap { $0["score"] as? Int }
        #expect(scores == scores.sorted(by: >), "best first")

        let text = try runRcpx(["search", "trafficking", "--limit", "3"])
        #expect(text.stdout.split(separator: "\n").count == 2 + 3 || text.stdout.split(separator: "\n").count > 3)
        let items = try #require(
            try parseJSON(
                try runRcpx([
                    "search", "trafficking", "--kind", "practice-item",
                    "--format", "json",
                ]).stdout) as? [[String: Any]])
        #expect(!items.isEmpty)
        #expect(items.allSatisfy { $0["kind"] as? String == "practice-item" })
        let limited = try #require(
            try parseJSON(
                try runRcpx(["search", "migration", "--limit", "2", "--format", "json"])
                    .stdout) as? [Any])
        #expect(limited.count == 2)
        let words = try runRcpx(["search", "people", "smuggling"])
        #expect(words.status == 0)
    }

    @Test func matrixMarksRoles() throws {
        let json = try #require(try parseJSON(try runRcpx(["matrix", "--format", "json"]).stdout) as? [String: Any])
        let columns = try #require(json["columns"] as? [[String: Any]])
        #expect(columns.count == 18)
        let rows = try #require(json["rows"] as? [[String: Any]])
        let turkey = try #require(rows.first { $0["party"] as? String == "turkey" })
        let roles = try #require(turkey["roles"] as? [String: [String]])
        #expect(roles["budapest"] == ["member", "vice-chair"])
        #expect(roles["cis"] == ["interested-state"])
        #expect(turkey["count"] as? Int == 3)
        #expect(!rows.contains { $0["party"] as? String == "iom" }, "organizations are not rows by default")

        let annexOnly = try #require(
            try parseJSON(try runRcpx(["matrix", "--no-footnotes", "--format", "json"]).stdout)
                as? [String: Any])
        #expect((annexOnly["columns"] as? [Any])?.count == 13)

        let orgs = try runRcpx(["matrix", "--kind", "organizations", "--sort", "count"])
        #expect(orgs.status == 0)
        let firstRow = orgs.stdout.split(separator: "\n")[2]
        #expect(firstRow.hasPrefix("International Organization for"), "IOM takes part in the most processes")

        let africa = try runRcpx(["matrix", "--region", "africa"])
        #expect(africa.stdout.contains("8 MIDSA"))
        #expect(africa.stdout.contains("● member"))
        #expect(!africa.stdout.contains("Turkey"))
    }

    @Test func practicesAndUnderstandings() throws {
        let all = try #require(
            try parseJSON(try runRcpx(["practices", "--format", "json"]).stdout) as? [[String: Any]])
        #expect(all.count == 20)
        #expect(all.first?["id"] as? String == "ep-01")
        let six = try #require(
            try parseJSON(try runRcpx(["practices", "6", "--format", "json"]).stdout) as? [String: Any])
        #expect(six["number"] as? Int == 6)
        let processes = (six["processes"] as? [[String: Any]] ?? []).compactMap { $0["process"] as? String }
        #expect(processes.contains("bali"))
        #expect(try runRcpx(["practices", "ep-06"]).stdout == (try runRcpx(["practices", "6"])).stdout)
        let text = try runRcpx(["practices", "6"]).stdout
        #expect(text.hasPrefix("6. Irregular Migration"))
        #expect(text.contains("ep-06.1"))

        let understandings = try #require(
            try parseJSON(try runRcpx(["understandings", "--format", "json"]).stdout)
                as? [[String: Any]])
        #expect(understandings.count == 20)
        #expect(understandings.last?["id"] as? String == "cu-20")
        #expect(try runRcpx(["understandings"]).stdout.hasPrefix(" 1. "))
    }

    @Test func keysComeFromTheKeyTable() throws {
        let text = try runRcpx(["keys"])
        #expect(text.status == 0)
        #expect(text.stdout.contains("quit rcpx"))
        #expect(text.stdout.contains("Membership matrix"))
        let md = try runRcpx(["keys", "--format", "markdown"])
        let table = try #require(parseMarkdownTable(md.stdout))
        #expect(table[0] == ["Keys", "Where", "What it does"])
        #expect(table.contains { $0[0].contains("`q`") })
    }
}
