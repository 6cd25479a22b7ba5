import Foundation
import RCPCore
import RCPTestSupport
import Testing

/// `rcpx map` and `rcpx gaps` through the built binary.
@Suite struct MapCommandTests {
    let world = WorldMap.bundled
    let catalog = Catalog.bundled

    @Test func aProcessMapHasItsTitleMapLegendAndSources() throws {
        let r = try runRcpx(["map", "bali"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        #expect(lines[0] == "12. Bali Process: participants by role")
        // The legend names every category with its pattern and count, as the core counts them.
        let layer = catalog.mapLayer(.process("bali"), world: world)
        for entry in layer.legend where entry.category != .context {
            #expect(
                r.stdout.contains("\(entry.category.label) (\(entry.count)), \(entry.category.shade.rawValue)"),
                "legend misses \(entry.category.label)")
        }
        #expect(r.stdout.contains("member or participant (38), solid"))
        #expect(r.stdout.contains("Natural Earth 1:110m"))
        // Braille dots in the map rows, nothing else but spaces.
        let mapRows = lines[1...20]
        #expect(
            mapRows.allSatisfy { row in
                row.unicodeScalars.allSatisfy { $0 == " " || (0x2800...0x28FF).contains($0.value) }
            })
        #expect(mapRows.contains { $0.contains("\u{28FF}") }, "no solid cells")
    }

    @Test func theMapHasTheSizeAsked() throws {
        let r = try runRcpx(["map", "--coverage", "--width", "132", "--height", "43"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.components(separatedBy: "\n")
        let rows = lines[1...43]
        #expect(rows.allSatisfy { $0.count <= 132 })
        #expect(rows.contains { $0.count > 100 })
        #expect(lines[44] == "", "the legend follows the 43 map rows after a blank line")
        #expect(lines[45].contains("4 or more processes"))
    }

    @Test func asciiAndTheCLocaleDrawOneCharacterACell() throws {
        for (args, env) in [
            (["map", "bali", "--ascii"], [String: String]()), (["map", "bali"], ["LANG": "C"]),
            (["map", "bali"], ["LC_ALL": "POSIX"]),
        ] {
            let r = try runRcpx(args, environment: env, removing: ["LC_ALL", "LC_CTYPE"].filter { env[$0] == nil })
            #expect(r.status == 0)
            #expect(r.stdout.utf8.allSatisfy { $0 < 0x80 }, "\(args) \(env)")
            #expect(r.stdout.contains("##  member or participant (38), '#'"), "\(args) \(env)")
        }
    }

    @Test func aStateMapListsItsProcesses() throws {
        let r = try runRcpx(["map", "turkey"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Turkey and the states it meets in its processes\n"))
        let count = catalog.participations(of: "turkey").count
        #expect(r.stdout.contains("Processes (\(count)): "))
        #expect(r.stdout.contains("the state (1), solid"))
    }

    @Test func aRegionMapShowsTheCombinedMembership() throws {
        let r = try runRcpx(["map", "africa"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("Africa: combined membership of its processes\n"))
        #expect(r.stdout.contains("Processes: MIDSA, MIDWA"))
    }

    @Test func badArgumentsSayWhatIsWrong() throws {
        let cases: [([String], Int32, String)] = [
            (["map", "--width", "39"], 64, "--width must be between 40 and 400"),
            (["map", "--height", "500"], 64, "--height must be between 12 and 200"),
            (["map", "bali", "--coverage"], 64, "not both"),
            (["map", "--format", "json"], 64, "json"),
            (["map", "atlantis"], 1, "no process, state or region matches \"atlantis\""),
            (["map", "unhcr"], 1, "is an organization and has no place on the map"),
            (["map", "  "], 64, "Give a process, state or region"),
            (["gaps", "--region", "atlantis"], 1, "no UN sub-region or continent matches"),
            (["gaps", "--format", "svg"], 64, "svg"),
            (["map", "\u{1B}[31mred"], 1, "matches \"\\e[31mred\""),
            (["gaps", "--region", "\u{1B}]0;title\u{07}"], 1, "matches \"\\e]0;title\\u{7}\""),
        ]
        for (args, status, message) in cases {
            let r = try runRcpx(args)
            #expect(r.status == status, "\(args): \(r.status) \(r.stderr)")
            #expect(r.stderr.contains(message), "\(args): \(r.stderr)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(!r.stderr.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" }, "\(args)")
        }
    }

    // MARK: SVG

    @Test(arguments: [["bali"], ["--coverage"], ["turkey"]])
    func theSVGIsWellFormedWithOneElementPerCountry(_ args: [String]) throws {
        let r = try runRcpx(["map"] + args + ["--format", "svg"])
        #expect(r.status == 0, "\(r.stderr)")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rcpx-map-\(UUID().uuidString).svg")
        try Data(r.stdout.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        // Python's XML parser: the document parses, and lists each country element's code and title.
        let script = """
            import sys, xml.etree.ElementTree as ET
            ns = '{http://www.w3.org/2000/svg}'
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == ns + 'svg', root.tag
            for e in root.iter():
                if e.get('data-iso'):
                    t = e.find(ns + 'title')
                    print(e.tag.replace(ns, ''), e.get('data-iso'), t.text if t is not None else '')
            print('legend', len(root.find(".//*[@id='legend']")))
            print('source', ''.join(root.find(".//*[@id='source']").itertext()))
            """
        let python = try runPython(script, [file.path])
        #expect(python.status == 0, "\(python.stderr)")
        let lines = python.stdout.split(separator: "\n").map(String.init)
        let countries = lines.filter { $0.hasPrefix("path ") || $0.hasPrefix("circle ") }
        let codes = countries.map { $0.split(separator: " ")[1] }
        #expect(codes.count == world.features.count)
        #expect(Set(codes).count == codes.count, "a country drawn twice")
        #expect(Set(codes.map(String.init)) == Set(world.features.map(\.iso3)))
        #expect(
            countries.contains(
                "path AUS AUS \u{00B7} Australia: "
                    + catalog.mapLayer(
                        args == ["--coverage"] ? .coverage : args == ["bali"] ? .process("bali") : .party("turkey"),
                        world: world
                    ).style.categories[world.feature(iso3: "AUS")!].label))
        #expect(countries.contains { $0.hasPrefix("circle NRU NRU \u{00B7} Nauru: ") })
        #expect(lines.contains { $0.hasPrefix("legend ") && $0 != "legend 0" })
        #expect(lines.contains { $0.hasPrefix("source ") && $0.contains("Natural Earth") })
    }

    // MARK: Gaps

    @Test func gapsCountTheUniverseLessEveryPartyWithARole() throws {
        let r = try runRcpx(["gaps", "--format", "json"])
        #expect(r.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var withRole = Set<String>()
        for process in catalog.processes where process.inMatrix {
            for p in process.participants { if let iso = catalog.party(id: p.party)?.iso3 { withRole.insert(iso) } }
        }
        let universe = Set(world.features.filter(\.inUniverse).map(\.iso3))
        #expect(json["universe"] as? Int == 192)
        #expect(json["count"] as? Int == universe.subtracting(withRole).count)
        let groups = try #require(json["subregions"] as? [[String: Any]])
        let codes = groups.flatMap { ($0["states"] as? [[String: Any]] ?? []).compactMap { $0["iso3"] as? String } }
        #expect(Set(codes) == universe.subtracting(withRole))
    }

    @Test func caribbeanGapsAsCSV() throws {
        let r = try runRcpx(["gaps", "--region", "caribbean", "--format", "csv"])
        #expect(r.status == 0)
        let codes = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        // Every Caribbean UN member of 2005 but the Dominican Republic (Puebla member) and Jamaica (observer).
        #expect(codes == ["ATG", "BHS", "BRB", "CUB", "DMA", "GRD", "HTI", "KNA", "LCA", "VCT", "TTO"])
    }

    @Test func gapsTextGroupsBySubregionWithCounts() throws {
        let r = try runRcpx(["gaps", "--region", "western asia"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("9 states in no Annex A process in Western Asia, of 192"))
        #expect(r.stdout.contains("Western Asia (9)\n  BHR  Bahrain\n"))
        let all = try runRcpx(["gaps", "--all-groups", "--format", "csv"]).stdout
        let annexA = try runRcpx(["gaps", "--format", "csv"]).stdout
        #expect(Set(all.split(separator: "\n")).isSubset(of: Set(annexA.split(separator: "\n"))))
    }

    @Test func aCodeWithNoShapeIsNamedNotDropped() throws {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Resources/rcp-data.json")
        var root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        var parties = try #require(root["parties"] as? [[String: Any]])
        parties.append(["id": "atlantis", "name": "Atlantis", "kind": "state", "iso3": "ATL", "source": "test"])
        root["parties"] = parties
        var processes = try #require(root["processes"] as? [[String: Any]])
        let bali = try #require(processes.firstIndex { $0["id"] as? String == "bali" })
        var participants = try #require(processes[bali]["participants"] as? [[String: Any]])
        participants.append(["party": "atlantis", "roles": ["observer"]])
        processes[bali]["participants"] = participants
        root["processes"] = processes
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("rcpx-map-\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: root).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try runRcpx(["map", "bali", "--data", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Not on the map (no shape or point for the code): Atlantis (ATL)"))
        #expect(r.stdout.contains("observer (18), sparse"), "Atlantis is not counted as drawn")
    }

    @Test(arguments: [(40, 12), (41, 13), (97, 31), (400, 200)])
    func everySizeDrawsExactly(_ size: (Int, Int)) throws {
        let r = try runRcpx(["map", "pidc", "--width", "\(size.0)", "--height", "\(size.1)"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.components(separatedBy: "\n").dropFirst(size.0 < 63 ? 2 : 1).prefix(size.1)
        #expect(rows.count == size.1)
        #expect(rows.allSatisfy { $0.count <= size.0 })
    }
}
