import Testing

@testable import RCPCore

/// The bundled data set against the figures printed in the paper's Annex A (as of 19 May 2005).
@Suite("Data set against the paper")
struct DataSetTests {
    let catalog = Catalog.bundled

    func ids(_ process: String, _ role: Role) -> Set<String> {
        Set(catalog.participants(of: process).filter { $0.participation.roles.contains(role) }.map(\.party.id))
    }

    /// (matrix number, governments counted in the printed total, interested states, printed extras)
    static let printedTotals: [(id: String, number: Int, members: Int, interested: Int, plus: [String])] = [
        ("igc", 1, 16, 0, []), ("budapest", 2, 50, 0, []), ("soderkoping", 3, 10, 0, []), ("cis", 4, 12, 36, []),
        ("puebla", 5, 11, 0, []), ("lima", 6, 12, 0, []), ("five-plus-five", 7, 10, 0, []), ("midsa", 8, 15, 0, []),
        ("midwa", 9, 13, 0, []), ("manila", 10, 16, 0, ["hong-kong"]), ("apc", 11, 32, 0, ["hong-kong"]),
        ("bali", 12, 40, 0, []), ("colombo", 13, 10, 0, []),
    ]

    @Test(arguments: printedTotals)
    func governmentsMatchThePrintedTotal(
        _ row: (id: String, number: Int, members: Int, interested: Int, plus: [String])
    ) throws {
        let process = try #require(catalog.process(id: row.id))
        #expect(process.number == row.number)
        #expect(process.inMatrix)
        let members = ids(row.id, .member)
        #expect(members.subtracting(row.plus).count == row.members)
        #expect(Set(row.plus).isSubset(of: members))
        #expect(ids(row.id, .interestedState).count == row.interested)
        let total = try #require(process.statedTotal)
        #expect(total.members == row.members && total.interested == row.interested && total.plus == row.plus)
    }

    @Test func thirteenMatrixProcessesInFiveRegionsAndFiveFootnoteGroups() {
        #expect(catalog.processes.filter(\.inMatrix).count == 13)
        let outside = catalog.processes.filter { !$0.inMatrix }
        #expect(Set(outside.map(\.id)) == ["cluster", "marri", "ocam", "pidc", "jcm"])
        #expect(outside.allSatisfy { $0.number == nil && $0.source.contains("footnote") })
        let regionsOfMatrix = Set(catalog.processes.filter(\.inMatrix).map(\.region))
        #expect(regionsOfMatrix == ["europe-fsu", "americas", "western-mediterranean", "africa", "asia-oceania"])
        #expect(catalog.dataset.source.matrixDate == "2005-05-19")
    }

    @Test func yearsOfStart() {
        let years = Dictionary(uniqueKeysWithValues: catalog.processes.map { ($0.id, $0.year) })
        #expect(years["igc"] == 1985 && years["budapest"] == 1991 && years["soderkoping"] == 2001)
        #expect(years["cis"] == 1996 && years["puebla"] == 1996 && years["lima"] == 1999)
        #expect(years["five-plus-five"] == 2002 && years["midsa"] == 2000 && years["midwa"] == 2001)
        #expect(years["manila"] == 1996 && years["apc"] == 1996 && years["bali"] == 2002 && years["colombo"] == 2003)
        #expect(catalog.process(id: "five-plus-five")?.yearNote?.contains("Tunis") == true)
    }

    @Test func leadershipAsThePaperStatesIt() {
        #expect(ids("igc", .chair) == ["canada"])
        #expect(ids("budapest", .chair) == ["hungary"])
        #expect(ids("budapest", .viceChair) == ["turkey"])
        #expect(ids("puebla", .presidencyProTempore) == ["canada"])
        #expect(ids("lima", .presidencyProTempore) == ["bolivia"])
        #expect(ids("five-plus-five", .chair) == ["algeria"])
        #expect(ids("apc", .chair) == ["china"])
        #expect(ids("apc", .coordinator) == ["china"])
        #expect(ids("bali", .coChair) == ["australia", "indonesia"])
        #expect(ids("bali", .participant) == ["iom", "unhcr"])
        #expect(ids("colombo", .chair) == ["indonesia"])
        #expect(ids("budapest", .secretariat) == ["icmpd"])
    }

    @Test func observersAndPartnersMatchThePaper() {
        #expect(ids("igc", .observer) == ["iom", "unhcr", "ec"])
        #expect(
            ids("puebla", .observer).isSuperset(of: [
                "argentina", "colombia", "ecuador", "jamaica", "peru", "iom", "unhcr",
            ]))
        #expect(
            ids("lima", .observer).isSuperset(of: ["france", "italy", "spain", "united-states", "ilo", "iom", "unhcr"]))
        #expect(ids("colombo", .observer).isSuperset(of: ["afghanistan", "iom", "ilo"]))
        let baliStates = ids("bali", .observer).filter { catalog.party(id: $0)?.kind == .state }
        #expect(baliStates.count == 18)
        #expect(ids("budapest", .observer).count == 12)
        #expect(ids("midsa", .observer).contains("sweden"))
        #expect(
            catalog.participants(of: "midsa").first { $0.party.id == "sweden" }?.participation.note?.contains("SIDA")
                == true)
    }

    @Test func statusNotes() {
        #expect(catalog.process(id: "cis")?.status.joined().contains("2005") == true)
        #expect(catalog.process(id: "midwa")?.status.joined().lowercased().contains("dormant") == true)
    }

    @Test func everyAliasResolvesToExactlyOneParty() {
        var owner: [String: String] = [:]
        for party in catalog.parties {
            for name in [party.name] + party.aliases {
                let key = normalizeForSearch(name)
                if let other = owner[key], other != party.id {
                    Issue.record("\"\(name)\" names both \(other) and \(party.id)")
                }
                owner[key] = party.id
                guard case .found(let found) = catalog.resolveParty(name) else {
                    Issue.record("\"\(name)\" does not resolve"); continue
                }
                #expect(found.id == party.id, "\"\(name)\"")
            }
        }
    }

    @Test func spellingsOfThePaperResolve() {
        let spellings = [
            "the UK": "united-kingdom", "Viet Nam": "viet-nam", "Vietnam": "viet-nam",
            "Republic of Moldova": "moldova", "Iran (Islamic Republic of)": "iran", "Surinam": "suriname",
            "Laos": "laos", "DPR Korea": "dpr-korea", "Côte d’ Ivoire": "cote-d-ivoire",
            "Hong Kong (SAR of China)": "hong-kong", "New Caledonia (France)": "new-caledonia",
            "France (New Caledonia)": "new-caledonia", "Macedonia (FYR)": "macedonia",
            "The Czech Republic": "czech-republic", "Swaziland": "swaziland",
            "Serbia and Montenegro": "serbia-and-montenegro",
        ]
        for (spelling, id) in spellings {
            guard case .found(let party) = catalog.resolveParty(spelling) else {
                Issue.record("\"\(spelling)\" does not resolve"); continue
            }
            #expect(party.id == id, "\"\(spelling)\"")
        }
        #expect(catalog.party(id: "serbia-and-montenegro")?.iso3 == "SCG")
        #expect(catalog.party(id: "hong-kong")?.kind == .territory)
    }

    @Test func processAliasesOfThePaperResolve() {
        let names = [
            "Bali Process": "bali", "Bali Conference": "bali", "RCM": "puebla", "Puebla Process": "puebla",
            "Lima Declaration Process": "lima",
            "South American Meeting on Migration, Integration and Development": "lima",
            "MIDWA": "midwa", "Dakar Follow-up": "midwa", "CBCP": "soderkoping", "12": "bali",
        ]
        for (name, id) in names {
            guard case .found(let process) = catalog.resolveProcess(name) else {
                Issue.record("\"\(name)\" does not resolve"); continue
            }
            #expect(process.id == id, "\"\(name)\"")
        }
    }

    @Test func theIAMMListsAndGlobalMechanisms() throws {
        #expect(catalog.practices.count == 20 && catalog.understandings.count == 20)
        #expect(catalog.practices.map(\.number) == Array(1...20))
        #expect(catalog.practice(number: 6)?.items.count == 2)
        #expect(catalog.practice(number: 4)?.items.count == 6)
        let gmg = try #require(catalog.mechanism(id: "gmg"))
        #expect(Set(gmg.participants.map(\.party)) == ["iom", "ilo", "unhcr", "ohchr", "unodc", "unctad"])
        let workshop = try #require(catalog.mechanisms.flatMap(\.events).first { $0.date == "2005-04-14/15" })
        #expect(
            Set(workshop.processes) == [
                "igc", "budapest", "puebla", "lima", "five-plus-five", "midsa", "bali", "colombo", "apc",
            ])
        let berne = try #require(catalog.mechanism(id: "berne"))
        let places = Set(berne.events.filter { $0.year == 2004 }.compactMap(\.place))
        #expect(places.isSuperset(of: ["Addis Ababa", "Budapest", "Guilin", "Santiago de Chile"]))
        #expect(berne.events.contains { $0.date == "2004-12-16/17" })
    }

    @Test func topicsMapToPracticeHeadings() {
        let trafficking = catalog.processes(forPractice: 6).map(\.process.id)
        #expect(trafficking.contains("bali") && trafficking.contains("budapest"))
        #expect(catalog.processes.allSatisfy { p in p.topics.allSatisfy { !$0.practices.isEmpty } })
    }
}
