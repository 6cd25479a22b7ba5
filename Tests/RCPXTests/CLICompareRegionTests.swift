import Foundation
import RCPCore
import RCPTestSupport
import Testing

/// The region totals of `rcpx compare`, in every format, through the built binary.
@Suite struct CLICompareRegionTests {
    /// The JSON of `rcpx compare bali apc colombo`.
    func baliJSON() throws -> [String: Any] {
        let r = try runRcpx(["compare", "bali", "apc", "colombo", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try parseJSON(r.stdout) as? [String: Any])
    }

    @Test func jsonKeepsItsKeysAndAddsRegionTotalsThatAddUp() throws {
        let object = try baliJSON()
        for key in ["kind", "processes", "inAll", "inSome", "onlyOne", "topics", "practices", "regionTotals"] {
            #expect(object[key] != nil, "key \(key)")
        }
        let totals = try #require(object["regionTotals"] as? [[String: Any]])
        #expect(totals.compactMap { $0["group"] as? String } == ["all", "some", "one"])
        for (group, key) in zip(["all", "some", "one"], ["inAll", "inSome", "onlyOne"]) {
            let participants = try #require(object[key] as? [[String: Any]])
            let t = try #require(totals.first { $0["group"] as? String == group })
            #expect(t["total"] as? Int == participants.count)
            // Each region's count is the number of the group's participants that carry that region.
            let regions = try #require(t["regions"] as? [[String: Any]])
            for region in regions {
                let id = try #require(region["region"] as? String)
                let ofRegion = participants.filter { $0["region"] as? String == id }
                #expect(region["count"] as? Int == ofRegion.count, "\(group) \(id)")
                // And per process, the number of them with a role in it.
                let perProcess = try #require(region["perProcess"] as? [Int])
                for k in 0..<3 {
                    let taking = ofRegion.filter { (($0["roles"] as? [Any])?[k] is NSNull) == false }
                    #expect(perProcess[k] == taking.count, "\(group) \(id) process \(k)")
                }
            }
            #expect(regions.compactMap { $0["count"] as? Int }.reduce(0, +) == participants.count)
        }
    }

    @Test func textSaysTheRegionTotalsUnderTheCounts() throws {
        let object = try baliJSON()
        let totals = try #require(object["regionTotals"] as? [[String: Any]])
        let r = try runRcpx(["compare", "bali", "apc", "colombo"])
        #expect(r.status == 0)
        for line in r.stdout.split(separator: "\n") { #expect(columns(line) <= 80, "\(line)") }
        // The line for "in all 3", rebuilt from the JSON.
        let all = try #require(totals.first)
        let words = try #require(all["regions"] as? [[String: Any]]).map {
            "\($0["name"] as? String ?? "") \($0["count"] as? Int ?? -1)"
        }
        #expect(
            r.stdout.contains("\n  In all 3 (\(all["total"] as? Int ?? -1)): " + words.joined(separator: ", ") + "\n"),
            "\(r.stdout.prefix(600))")
        #expect(r.stdout.contains("By region (states and territories by UN continent; organizations apart):"))
        // Two processes: "in both", and no "in some".
        let two = try runRcpx(["compare", "manila", "apc"])
        #expect(two.stdout.contains("\n  In both ("))
        #expect(!two.stdout.contains("\n  In some ("))
    }

    @Test func csvAndMarkdownHaveARowPerGroupAndRegion() throws {
        let object = try baliJSON()
        let totals = try #require(object["regionTotals"] as? [[String: Any]])
        let csv = try runRcpx(["compare", "bali", "apc", "colombo", "--format", "csv"])
        #expect(csv.status == 0)
        let rows = parseCSV(csv.stdout)
        #expect(rows.first == ["section", "key", "name", "in", "bali", "apc", "colombo"])
        let regionRows = rows.filter { $0.first == "region" }
        var expected: [[String]] = []
        for t in totals {
            for region in t["regions"] as? [[String: Any]] ?? [] {
                expected.append(
                    [
                        "region", t["group"] as? String ?? "", region["name"] as? String ?? "",
                        String(region["count"] as? Int ?? -1),
                    ]
                        + (region["perProcess"] as? [Int] ?? []).map(String.init))
            }
        }
        #expect(!expected.isEmpty)
        #expect(regionRows == expected)
        // In all three: every process column equals the count.
        for row in regionRows where row[1] == "all" { #expect(Set(row[4...]) == [row[3]]) }
        let md = try runRcpx(["compare", "bali", "apc", "colombo", "--format", "markdown"])
        #expect(md.stdout.hasPrefix("| Section | Key | Name | In | Bali | APC | Colombo |"))
        let first = expected[0]
        #expect(md.stdout.contains("| " + first.joined(separator: " | ") + " |"), "\(md.stdout.prefix(400))")
    }
}
