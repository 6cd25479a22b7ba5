import Foundation
import RCPTestSupport
import Testing

/// Names from a user trial: a state in no process answers so (never another state), and the lookups take the
/// names the search takes.
@Suite struct CLINameTests {
    @Test func dominicaIsInNoProcessNotTheDominicanRepublic() throws {
        let r = try runRcpx(["state", "dominica"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Dominica\n"))
        #expect(r.stdout.contains("state · ISO3 DMA · Caribbean"))
        #expect(r.stdout.contains("Dominica takes part in none of the processes of the paper"))
        #expect(!r.stdout.contains("Dominican"))
    }

    @Test(arguments: [("egypt", "Egypt"), ("equatorial guinea", "Equatorial Guinea"), ("GNQ", "Equatorial Guinea")])
    func aStateInNoProcessIsAnAnswerNotAnError(query: String, name: String) throws {
        let r = try runRcpx(["state", query])
        #expect(r.status == 0, "\(query): \(r.stderr)")
        #expect(r.stdout.hasPrefix(name + "\n"))
        let words = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")  // as wrapped at any width
        #expect(
            words.contains("\(name) takes part in none of the processes of the paper (a UN member state in 2005)."),
            "\(r.stdout)")
    }

    @Test func aStateInNoProcessInJSONHasThePartyShapeWithNoProcesses() throws {
        let r = try runRcpx(["state", "egypt", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        let party = try #require(object["party"] as? [String: Any])
        #expect(party["name"] as? String == "Egypt")
        #expect(party["kind"] as? String == "state")
        #expect(party["iso3"] as? String == "EGY")
        #expect(object["namedInPaper"] as? Bool == false)
        #expect(object["subregion"] as? String == "Northern Africa")
        let count = try #require(object["processCount"] as? [String: Any])
        #expect(count["all"] as? Int == 0 && count["inMatrix"] as? Int == 0)
        #expect((object["participations"] as? [Any])?.isEmpty == true)
        // A party of the data says it is named.
        let turkey = try #require(
            try parseJSON(try runRcpx(["state", "turkey", "--format", "json"]).stdout) as? [String: Any])
        #expect(turkey["namedInPaper"] as? Bool == true)
    }

    @Test(arguments: [
        ("cote divoire", "Côte d'Ivoire"), ("korea republic", "Republic of Korea"),
        ("kingdom united", "United Kingdom"),
    ])
    func namesTheSearchFindsResolve(query: String, name: String) throws {
        let r = try runRcpx(["state", query])
        #expect(r.status == 0, "\(query): \(r.stderr)")
        #expect(r.stdout.hasPrefix(name + "\n"), "\(query): \(r.stdout)")
        #expect(!r.stderr.contains("Did you mean"))
    }

    @Test func aStartOfTwoStatesNamesListsBoth() throws {
        try expectCandidates(
            ["state", "domin"],
            [
                "could be any of 2 parties", "DMA                 Dominica (state, in no process)",
                "dominican-republic  Dominican Republic (state)",
            ])
    }

    @Test func showPointsAStateInNoProcessToState() throws {
        let r = try runRcpx(["show", "egypt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Egypt is a state in no process of the paper: try `rcpx state EGY`."), "\(r.stderr)")
    }

    @Test func compareAndMapSayAStateIsInNoProcessRatherThanTakeAnother() throws {
        // "dominica" once compared the Dominican Republic.
        let compare = try runRcpx(["compare", "dominica", "turkey"])
        #expect(compare.status == 1)
        #expect(compare.stdout.isEmpty)
        #expect(
            compare.stderr.contains("Dominica takes part in none of the processes of the paper"), "\(compare.stderr)")
        let map = try runRcpx(["map", "egypt"])
        #expect(map.status == 1)
        #expect(map.stderr.contains("Egypt takes part in none of the processes of the paper"), "\(map.stderr)")
    }

    @Test func theSearchFindsAStateInNoProcess() throws {
        let r = try runRcpx(["search", "egypt", "--format", "csv"])
        #expect(r.status == 0)
        let first = r.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(first.hasPrefix("party,EGY,Egypt,"), "\(r.stdout)")
        #expect(first.contains("in no process"))
    }
}

/// `args` names several records: exit 1, nothing on stdout, and each of `lines` on stderr.
func expectCandidates(_ args: [String], _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
    let r = try runRcpx(args)
    #expect(r.status == 1, "\(r.stdout)", sourceLocation: sourceLocation)
    #expect(r.stdout.isEmpty, sourceLocation: sourceLocation)
    for line in lines { #expect(r.stderr.contains(line), "\(r.stderr)", sourceLocation: sourceLocation) }
}
