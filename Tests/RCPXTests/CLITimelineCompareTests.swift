import Foundation
import RCPCore
import RCPTestSupport
import Testing

/// `rcpx timeline`, `rcpx compare` and `rcpx rank` through the built binary.
@Suite struct CLITimelineCompareTests {
    func fitsEightyColumns(_ text: String, _ what: String) {
        for line in text.split(separator: "\n") {
            #expect(columns(line) <= 80, "\(what): \(columns(line)) columns: \(line)")
        }
    }

    // MARK: timeline

    @Test func timelineTextListsEveryRecordWithTheYearInTheMargin() throws {
        let r = try runRcpx(["timeline"])
        #expect(r.status == 0, "\(r.stderr)")
        fitsEightyColumns(r.stdout, "timeline")
        let json = try runRcpx(["timeline", "--format", "json"])
        let object = try #require(try parseJSON(json.stdout) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        #expect(
            r.stdout.hasPrefix(
                "Timeline \(object["firstYear"] as? Int ?? 0)–\(object["lastYear"] as? Int ?? 0): "
                    + "\(entries.count) dated records\n"))
        // Each year once in the margin, in order.
        let years = r.stdout.split(separator: "\n").compactMap { line -> Int? in
            line.count >= 4 ? Int(line.prefix(4)) : nil
        }
        #expect(years == Array(Set(entries.compactMap { $0["year"] as? Int })).sorted())
        #expect(r.stdout.contains("IGC starts"))
        #expect(r.stdout.contains("CIS Conf.: Formally ends"))
    }

    @Test func timelineJSONHoldsTheDataSetsDatedRecords() throws {
        let r = try runRcpx(["timeline", "--format", "json"])
        #expect(r.status == 0)
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        let entries = try #require(object["entries"] as? [[String: Any]])
        let d = Catalog.bundled.dataset
        let expected =
            d.processes.filter { $0.year != nil }.count + d.processes.map(\.datedStatus.count).reduce(0, +)
            + d.mechanisms.filter { $0.year != nil }.count + d.mechanisms.map(\.events.count).reduce(0, +)
        #expect(entries.count == expected)
        let ids = entries.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == ids.count)
        let years = entries.compactMap { $0["year"] as? Int }
        #expect(years == years.sorted())
        let lanes = try #require(object["lanes"] as? [[String: Any]])
        #expect(lanes.compactMap { $0["id"] as? String }.last == "global")
    }

    @Test func timelineFilters() throws {
        let r = try runRcpx(["timeline", "--region", "africa", "--from", "2001", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = parseCSV(r.stdout)
        #expect(rows.first == ["year", "date", "lane", "kind", "id", "record", "label", "planned", "yearNote"])
        #expect(rows.count > 1)
        for row in rows.dropFirst() {
            #expect(row[2] == "africa")
            #expect((Int(row[0]) ?? 0) >= 2001)
        }
        #expect(rows.contains { $0[4] == "process:midwa" })
        #expect(!rows.contains { $0[4] == "process:midsa" })  // 2000
    }

    @Test func timelineBadInput() throws {
        let backwards = try runRcpx(["timeline", "--from", "2005", "--to", "2001"])
        #expect(backwards.status == 64)
        #expect(backwards.stderr.contains("--from 2005 is after --to 2001"))
        let nothing = try runRcpx(["timeline", "--from", "2090"])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no dated record"))
        let region = try runRcpx(["timeline", "--region", "atlantis"])
        #expect(region.status == 1)
        #expect(region.stderr.contains("no region matches"))
        let format = try runRcpx(["timeline", "--format", "pdf"])
        #expect(format.status == 64)
        let year = try runRcpx(["timeline", "--to", "99999"])
        #expect(year.status == 64)
        // svg is the timeline's own: other commands refuse it.
        let list = try runRcpx(["list", "--format", "svg"])
        #expect(list.status == 64)
    }

    @Test func timelineSVGParsesWithOneTitledElementPerRecord() throws {
        let r = try runRcpx(["timeline", "--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<?xml"))
        let json = try runRcpx(["timeline", "--format", "json"])
        let object = try #require(try parseJSON(json.stdout) as? [String: Any])
        let ids = try #require(object["entries"] as? [[String: Any]]).compactMap { $0["id"] as? String }
        // Parsed by another XML reader than ours: python3's.
        let dir = URL(fileURLWithPath: try makeScratchDirectory("rcpx-svg"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("timeline.svg")
        try r.stdout.write(to: file, atomically: true, encoding: .utf8)
        let script = """
            import sys, xml.etree.ElementTree as E
            ns = '{http://www.w3.org/2000/svg}'
            root = E.parse(sys.argv[1]).getroot()
            for g in root.iter(ns + 'g'):
                if g.get('id') and g.find(ns + 'title') is not None:
                    print(g.get('id'))
            """
        let python = try runPython(script, [file.path])
        #expect(python.status == 0, "python3: \(python.stderr)")
        let found = python.stdout.split(separator: "\n").map(String.init)
        let expected = ids.map { id in
            String(id.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "." ? $0 : "-" })
        }
        #expect(found.sorted() == expected.sorted())
    }

    // MARK: compare

    @Test func compareTwoProcessesAgreesWithOverlap() throws {
        let r = try runRcpx(["compare", "manila", "apc", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try parseJSON(r.stdout) as? [String: Any])
        #expect(object["kind"] as? String == "processes")
        let inAll = try #require(object["inAll"] as? [[String: Any]]).compactMap { $0["party"] as? String }
        let onlyOne = try #require(object["onlyOne"] as? [[String: Any]]).compactMap { $0["party"] as? String }
        let overlap = try #require(
            try parseJSON(try runRcpx(["overlap", "manila", "apc", "--format", "json"]).stdout)
                as? [String: Any])
        let common = try #require(overlap["common"] as? [[String: Any]]).compactMap { $0["party"] as? String }
        let onlyA = try #require(overlap["onlyA"] as? [[String: Any]]).compactMap { $0["party"] as? String }
        let onlyB = try #require(overlap["onlyB"] as? [[String: Any]]).compactMap { $0["party"] as? String }
        #expect(Set(inAll) == Set(common))
        #expect(Set(onlyOne) == Set(onlyA + onlyB))
    }

    @Test func compareBaliAPCColomboByNumbersAndNames() throws {
        let r = try runRcpx(["compare", "12", "Asia-Pacific Consultations", "colombo"])
        #expect(r.status == 0, "\(r.stderr)")
        fitsEightyColumns(r.stdout, "compare")
        #expect(r.stdout.hasPrefix("12. Bali Process, 11. Asia-Pacific Consultations, 13. Colombo Process\n"))
        // The count line agrees with the participants of the three, counted here from `rcpx show`.
        var sets: [Set<String>] = []
        for id in ["bali", "apc", "colombo"] {
            let show = try #require(
                try parseJSON(try runRcpx(["show", id, "--format", "json"]).stdout) as? [String: Any])
            let list = try #require(show["participants"] as? [[String: Any]])
            sets.append(Set(list.compactMap { $0["party"] as? String }))
        }
        let all = sets[0].intersection(sets[1]).intersection(sets[2])
        #expect(r.stdout.contains("\(all.count) participants in all 3,"))
        let md = try runRcpx(["compare", "bali", "apc", "colombo", "--format", "markdown"])
        #expect(md.status == 0)
        #expect(md.stdout.hasPrefix("| Section | Key | Name | In | Bali | APC | Colombo |"))
    }

    @Test func compareParties() throws {
        let r = try runRcpx(["compare", "australia", "NZL", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = parseCSV(r.stdout)
        #expect(rows.first == ["number", "process", "name", "shared", "australia", "new-zealand"])
        let bali = try #require(rows.first { $0.count > 1 && $0[1] == "bali" })
        #expect(bali[3] == "yes")
        #expect(bali[4].contains("co-chair"))
        let text = try runRcpx(["compare", "australia", "new zealand", "japan", "turkey"])
        #expect(text.status == 0)
        fitsEightyColumns(text.stdout, "compare parties")
    }

    @Test func compareRefusesMixedKindsAndWrongCounts() throws {
        let mixed = try runRcpx(["compare", "bali", "australia"])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("\"bali\" is a process and \"australia\" a party"))
        #expect(mixed.stdout.isEmpty)
        #expect(try runRcpx(["compare", "bali"]).status == 64)
        #expect(try runRcpx(["compare", "igc", "bali", "apc", "colombo", "manila"]).status == 64)
        let twice = try runRcpx(["compare", "12", "bali"])
        #expect(twice.status == 64)
        #expect(twice.stderr.contains("both name"))
        let unknown = try runRcpx(["compare", "bali", "balli-x"])
        #expect(unknown.status == 1)
        let control = try runRcpx(["compare", "bali", "\u{1B}[31mred"])
        #expect(!control.stderr.contains("\u{1B}"))
        #expect(control.status != 0)
    }

    // MARK: rank

    @Test func rankStatesExplainsTies() throws {
        let r = try runRcpx(["rank", "states", "--limit", "0", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try #require(try parseJSON(r.stdout) as? [[String: Any]])
        let counts = list.compactMap { $0["matrixProcesses"] as? Int }
        #expect(counts == counts.sorted(by: >))
        for entry in list {
            let count = entry["matrixProcesses"] as? Int ?? -1
            #expect(entry["rank"] as? Int == 1 + counts.filter { $0 > count }.count)
            #expect(entry["tied"] as? Int == counts.filter { $0 == count }.count)
        }
        let text = try runRcpx(["rank", "states"])
        #expect(text.status == 0)
        fitsEightyColumns(text.stdout, "rank states")
        #expect(text.stdout.contains("ties are listed alphabetically"))
        // The default limit keeps whole ties: the last rank shown is complete.
        let shownRows = text.stdout.split(separator: "\n").filter {
            $0.range(of: #"^ *\d+=?  \S"#, options: .regularExpression) != nil
        }
        let lastCount = try #require(shownRows.last.flatMap { Int($0.split(separator: " ").dropLast().last ?? "") })
        #expect(shownRows.count == counts.filter { $0 >= lastCount }.count)
    }

    @Test func rankProcessesByMembersAgreesWithList() throws {
        let r = try runRcpx(["rank", "processes", "--by", "members", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let ranked = try #require(try parseJSON(r.stdout) as? [[String: Any]])
        let list = try #require(try parseJSON(try runRcpx(["list", "--format", "json"]).stdout) as? [[String: Any]])
        var members: [String: Int] = [:]
        for p in list where p["inMatrix"] as? Bool == true { members[p["id"] as? String ?? ""] = p["members"] as? Int }
        #expect(ranked.count == members.count)
        for entry in ranked {
            #expect(entry["members"] as? Int == members[entry["id"] as? String ?? ""])
        }
        let bad = try runRcpx(["rank", "processes", "--by", "size"])
        #expect(bad.status == 64)
        let text = try runRcpx(["rank", "processes", "--by", "topics", "--with-groups"])
        #expect(text.status == 0)
        fitsEightyColumns(text.stdout, "rank processes")
    }
}
