import RCPTestSupport
import Testing

/// `rcpx search` with the query syntax of issue 13: several words, operators, filters, typos.
@Suite struct CLISearchTests {
    @Test func aTypoIsCorrectedSaidOnStderrAndExits0() throws {
        let r = try runRcpx(["search", "budapset", "--format", "csv"])
        #expect(r.status == 0)
        #expect(r.stderr == "rcpx: showing results for \"budapest\".\n")
        let first = r.stdout.split(separator: "\n").dropFirst().first.map(String.init) ?? ""
        #expect(first.hasPrefix("process,budapest,Budapest Process,"))
        let json = try runRcpx(["search", "budapset", "--format", "json", "--limit", "1"])
        #expect(json.stdout.contains("\"quality\": \"corrected\""))
        // A query that matches as typed says nothing on stderr.
        let plain = try runRcpx(["search", "budapest"])
        #expect(plain.status == 0 && plain.stderr.isEmpty)
    }

    @Test func severalWordsInAnyOrderAndAbbreviations() throws {
        for args in [["trafficking", "budapest"], ["budapest trafficking"]] {
            let r = try runRcpx(["search"] + args + ["--format", "csv", "--limit", "1"])
            #expect(r.status == 0)
            #expect(r.stdout.contains("topic,budapest,trafficking and smuggling"), "\(args)")
        }
        let iom = try runRcpx(["search", "intl", "org", "--format", "csv", "--limit", "1"])
        #expect(iom.stdout.contains("party,iom,International Organization for Migration"))
        let west = try runRcpx(["search", "west africa", "--format", "csv", "--limit", "1"])
        #expect(west.stdout.contains("process,midwa,"))
    }

    @Test func operatorsAndFilters() throws {
        let states = try runRcpx(["search", "kind:state", "region:africa", "--format", "csv"])
        #expect(states.status == 0)
        let rows = states.stdout.split(separator: "\n").dropFirst()
        #expect(!rows.isEmpty && rows.allSatisfy { $0.hasPrefix("party,") && $0.contains(",state ·") })
        let not = try runRcpx(["search", "trafficking", "!budapest", "--format", "csv"])
        #expect(!not.stdout.contains("topic,budapest,"))
        #expect(not.stdout.contains("topic,lima,"))
    }

    @Test func aFilterThatNamesNothingIsAUsageError() throws {
        for (args, message) in [
            (["bali", "kind:planet"], "No kind “planet”"), (["x", "region:mars"], "No region “mars”"),
            (["bali", "kind:p"], "could be process, party"),
        ] {
            let r = try runRcpx(["search"] + args)
            #expect(r.status == 64, "\(args)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
        }
    }

    @Test func nothingToCorrectStillExits1() throws {
        let r = try runRcpx(["search", "qqqqzzzz"])
        #expect(r.status == 1)
        #expect(!r.stderr.contains("showing results"))
    }

    @Test func helpExplainsTheQuerySyntax() throws {
        let r = try runRcpx(["search", "--help"])
        for piece in ["'word", "^word", "!word", "kind:process", "region:africa", "showing results for"] {
            #expect(r.stdout.contains(piece), "\(piece)")
        }
    }
}
