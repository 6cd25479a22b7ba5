import Testing

@testable import RCPCore

/// Comparisons and rankings of the bundled data, checked against sets computed here from the participants.
@Suite("Comparison and rankings")
struct ComparisonTests {
    let catalog = Catalog.bundled

    func participants(_ id: String) -> Set<String> {
        Set(catalog.dataset.processes.first { $0.id == id }!.participants.map(\.party))
    }

    func members(_ id: String) -> Set<String> {
        Set(
            catalog.dataset.processes.first { $0.id == id }!.participants.filter { $0.roles.contains(.member) }.map(
                \.party))
    }

    func processes(_ ids: [String]) throws -> ProcessComparison {
        guard case .processes(let c) = try catalog.compare(ids.map { .process($0) }) else {
            Issue.record("not a process comparison")
            throw ComparisonError.count(0)
        }
        return c
    }

    @Test func manilaAndAPCShareWhatTheMatrixSays() throws {
        let c = try processes(["manila", "apc"])
        let manila = participants("manila"), apc = participants("apc")
        #expect(Set(c.inAll.map(\.party.id)) == manila.intersection(apc))
        #expect(Set(c.membersInAll.map(\.party.id)) == members("manila").intersection(members("apc")))
        #expect(Set(c.onlyOne.map(\.party.id)) == manila.symmetricDifference(apc))
        #expect(c.inSome.isEmpty)
        // The paper: Manila's members all belong to APC.
        #expect(members("manila").isSubset(of: members("apc")))
        #expect(c.membersInAll.count == members("manila").count)
        // Each row carries the roles of each process.
        let china = try #require(c.inAll.first { $0.party.id == "china" })
        #expect(china.roles[1]?.contains(.chair) == true)
        #expect(china.roles[0] == [.member])
    }

    @Test func baliAPCAndColomboDivideTheirParticipants() throws {
        let c = try processes(["bali", "apc", "colombo"])
        let sets = ["bali", "apc", "colombo"].map(participants)
        let all = sets[0].intersection(sets[1]).intersection(sets[2])
        let union = sets[0].union(sets[1]).union(sets[2])
        let counts = Dictionary(union.map { id in (id, sets.filter { $0.contains(id) }.count) }, uniquingKeysWith: +)
        #expect(Set(c.inAll.map(\.party.id)) == all)
        #expect(Set(c.inSome.map(\.party.id)) == Set(counts.filter { $0.value == 2 }.map(\.key)))
        #expect(Set(c.onlyOne.map(\.party.id)) == Set(counts.filter { $0.value == 1 }.map(\.key)))
        #expect(c.inAll.count + c.inSome.count + c.onlyOne.count == union.count)
        let memberSets = ["bali", "apc", "colombo"].map(members)
        #expect(
            Set(c.membersInAll.map(\.party.id))
                == memberSets[0].intersection(memberSets[1]).intersection(memberSets[2]))
        // Roles line up with the processes as asked: nil exactly where a party takes no part.
        for row in c.inSome + c.onlyOne {
            for (k, set) in sets.enumerated() { #expect((row.roles[k] != nil) == set.contains(row.party.id)) }
        }
    }

    // MARK: Region totals

    /// The continent of a party, read here from the world map's sub-region of its code (not through `area(of:)`).
    func continent(_ party: Party) -> String {
        if party.kind == .organization { return "organizations" }
        let world = WorldMap.bundled
        guard let iso = party.iso3, let f = world.features.first(where: { $0.iso3 == iso }),
            let sub = f.subregion, let c = unContinent(of: sub)
        else { return "other" }
        return c
    }

    /// The region totals of a comparison checked against the membership matrix (all kinds of party, footnote
    /// groups included): which columns each party has a role in decides its group, and each process's count is
    /// the number of filled cells in that process's column.
    func checkRegionTotalsAgainstTheMatrix(_ ids: [String]) throws {
        let c = try processes(ids)
        let matrix = catalog.matrix(kinds: [.state, .territory, .organization])
        let columns = try ids.map { id in try #require(matrix.columns.firstIndex { $0.id == id }) }
        let inAny = matrix.rows.filter { row in columns.contains { !row.cells[$0].isEmpty } }
        func group(_ row: MatrixRow) -> ComparedGroup {
            let n = columns.filter { !row.cells[$0].isEmpty }.count
            return n == ids.count ? .all : n == 1 ? .one : .some
        }
        let expectedGroups: [ComparedGroup] = ids.count == 2 ? [.all, .one] : [.all, .some, .one]
        #expect(c.regionTotals.map(\.group) == expectedGroups)
        for totals in c.regionTotals {
            let rows = inAny.filter { group($0) == totals.group }
            #expect(totals.total == rows.count, "\(ids) \(totals.group)")
            #expect(totals.areas.map(\.count).reduce(0, +) == totals.total)
            let expected = Dictionary(grouping: rows) { continent($0.party) }
            #expect(
                Dictionary(uniqueKeysWithValues: totals.areas.map { ($0.area.label, $0.count) })
                    == expected.mapValues(\.count), "\(ids) \(totals.group)")
            for (i, a) in totals.areas.enumerated() {
                let ofArea = expected[a.area.label] ?? []
                for (k, column) in columns.enumerated() {
                    #expect(
                        totals.perProcess[k][i] == ofArea.filter { !$0.cells[column].isEmpty }.count,
                        "\(ids) \(totals.group) \(a.area.label) in \(ids[k])")
                }
            }
        }
    }

    @Test func regionTotalsOfManilaAndAPCMatchTheMatrix() throws {
        try checkRegionTotalsAgainstTheMatrix(["manila", "apc"])
        // Both are Asian processes: most of the participants in both are in Asia.
        let all = try #require(try processes(["manila", "apc"]).regionTotals.first)
        let asia = try #require(all.areas.first { $0.area.label == "Asia" })
        #expect(asia.count * 2 > all.total)
    }

    @Test func regionTotalsOfBaliAPCAndColomboMatchTheMatrix() throws {
        try checkRegionTotalsAgainstTheMatrix(["bali", "apc", "colombo"])
        // Bali's European observers are only in Bali.
        let one = try #require(try processes(["bali", "apc", "colombo"]).regionTotals.last)
        let europe = try #require(one.areas.first { $0.area.label == "Europe" })
        #expect(europe.count > 0 && one.perProcess[0][one.areas.firstIndex(of: europe)!] == europe.count)
    }

    @Test func regionTotalsAcrossRegionsMatchTheMatrix() throws {
        try checkRegionTotalsAgainstTheMatrix(["igc", "budapest", "puebla", "midwa"])
    }

    @Test func areasListContinentsThenOrganizations() throws {
        #expect(catalog.area(of: try #require(catalog.party(id: "turkey"))).label == "Asia")  // UN M49: Western Asia
        #expect(catalog.area(of: try #require(catalog.party(id: "russian-federation"))).label == "Europe")
        let iom = try #require(catalog.parties.first { $0.name == "International Organization for Migration" })
        #expect(catalog.area(of: iom) == .organizations)
        let totals = try processes(["igc", "budapest", "puebla", "midwa"]).regionTotals
        for t in totals { #expect(t.areas.map(\.area) == t.areas.map(\.area).sorted()) }
    }

    @Test func theNarrowedMatrixOrderIsByCountThenName() throws {
        let c = try processes(["bali", "apc", "colombo"])
        let rows = c.byCount
        #expect(rows.count == c.inAll.count + c.inSome.count + c.onlyOne.count)
        for (a, b) in zip(rows, rows.dropFirst()) {
            #expect(a.count >= b.count)
            if a.count == b.count {
                expectCatalogOrder(a.party, b.party)
            }
        }
    }

    @Test func topicsAndHeadingsSharedAndNot() throws {
        let c = try processes(["bali", "apc", "colombo"])
        let ps = ["bali", "apc", "colombo"].map { id in catalog.dataset.processes.first { $0.id == id }! }
        let headingSets = ps.map { Set($0.topics.flatMap(\.practices)) }
        let sharedHeadings = headingSets[0].intersection(headingSets[1]).intersection(headingSets[2])
        #expect(Set(c.practices.filter { $0.count == 3 }.compactMap(\.practice)) == sharedHeadings)
        #expect(Set(c.practices.compactMap(\.practice)) == headingSets[0].union(headingSets[1]).union(headingSets[2]))
        let labelSets = ps.map { Set($0.topics.map { normalizeForSearch($0.label) }) }
        let sharedLabels = labelSets[0].intersection(labelSets[1]).intersection(labelSets[2])
        #expect(Set(c.topics.filter { $0.count == 3 }.map { normalizeForSearch($0.label) }) == sharedLabels)
        // Shared topics come first.
        let counts = c.topics.map(\.count)
        #expect(counts == counts.sorted(by: >))
    }

    @Test func factsSideBySide() throws {
        let c = try processes(["bali", "colombo"])
        #expect(c.facts.map(\.process.id) == ["bali", "colombo"])
        let bali = catalog.dataset.processes.first { $0.id == "bali" }!
        #expect(c.facts[0].members == members("bali").count)
        #expect(
            c.facts[0].leaders.map(\.party.id).sorted()
                == bali.participants.filter { $0.roles.contains(where: \.isLeadership) }.map(\.party).sorted())
        #expect(c.facts[0].process.secretariat == bali.secretariat)
        #expect(c.facts[1].process.iomRole == catalog.process(id: "colombo")?.iomRole)
    }

    @Test func partiesShareTheProcessesTheyAreAllIn() throws {
        guard case .parties(let c) = try catalog.compare([.party("australia"), .party("new-zealand"), .party("japan")])
        else { Issue.record("not a party comparison"); return }
        let expected = catalog.dataset.processes.filter { p in
            ["australia", "new-zealand", "japan"].allSatisfy { id in p.participants.contains { $0.party == id } }
        }.map(\.id)
        #expect(Set(c.shared.map(\.process.id)) == Set(expected))
        let australia = catalog.dataset.processes.filter { $0.participants.contains { $0.party == "australia" } }
        #expect(c.counts[0] == australia.count)
        let bali = try #require(c.rows.first { $0.process.id == "bali" })
        #expect(bali.roles[0]?.contains(.coChair) == true)
    }

    @Test func wrongRequestsAreClearErrors() {
        #expect(throws: ComparisonError.mixedKinds(process: "bali", party: "australia")) {
            try catalog.compare([.process("bali"), .party("australia")])
        }
        #expect(throws: ComparisonError.count(1)) { try catalog.compare([.process("bali")]) }
        #expect(throws: ComparisonError.count(5)) {
            try catalog.compare(["igc", "bali", "apc", "colombo", "manila"].map { .process($0) })
        }
        #expect(throws: ComparisonError.duplicate("bali")) {
            try catalog.compare([.process("bali"), .process("bali")])
        }
        #expect(throws: ComparisonError.unknown("atlantis")) {
            try catalog.compare([.process("bali"), .process("atlantis")])
        }
        #expect(
            ComparisonError.mixedKinds(process: "bali", party: "australia").description.contains(
                "\"australia\" is a party"))
    }

    // MARK: Rankings

    @Test func partiesRankByMatrixProcessesWithTiesTogetherAlphabetically() {
        let ranked = catalog.rankParties()
        let matrix = catalog.dataset.processes.filter(\.inMatrix)
        func count(_ id: String, _ list: [Process]) -> Int {
            list.filter { p in p.participants.contains { $0.party == id } }.count
        }
        for r in ranked {
            #expect(r.matrixCount == count(r.party.id, matrix), "\(r.party.id)")
            #expect(r.allCount == count(r.party.id, catalog.dataset.processes), "\(r.party.id)")
            // Competition rank: one more than the number of parties with a higher count.
            #expect(r.rank == 1 + ranked.filter { $0.matrixCount > r.matrixCount }.count)
            #expect(r.tied == ranked.filter { $0.matrixCount == r.matrixCount }.count)
            #expect(r.party.kind != .organization)
        }
        for (a, b) in zip(ranked, ranked.dropFirst()) {
            #expect(a.matrixCount >= b.matrixCount)
            if a.matrixCount == b.matrixCount {
                // Alphabetical: the catalog keeps parties by folded name.
                expectCatalogOrder(a.party, b.party)
                #expect(a.rank == b.rank)
            }
        }
        // There are ties at the top of this data set (a check that the tie case is exercised).
        #expect(ranked.contains { $0.tied > 1 })
    }

    @Test func withTheGroupsTheOtherFigureRanks() {
        let ranked = catalog.rankParties(includeGroups: true)
        for (a, b) in zip(ranked, ranked.dropFirst()) { #expect(a.allCount >= b.allCount) }
        for r in ranked { #expect(r.rank == 1 + ranked.filter { $0.allCount > r.allCount }.count) }
        // Parties only in footnote groups appear only with the groups counted.
        let onlyGroups = ranked.filter { $0.matrixCount == 0 }
        #expect(!onlyGroups.isEmpty)
        #expect(catalog.rankParties().allSatisfy { $0.matrixCount > 0 })
    }

    @Test(arguments: ProcessRankKey.allCases)
    func processesRank(by key: ProcessRankKey) {
        let ranked = catalog.rankProcesses(by: key)
        #expect(ranked.count == 13)
        for r in ranked {
            let p = r.process
            let expected: Int
            switch key {
            case .members: expected = Set(p.participants.filter { $0.roles.contains(.member) }.map(\.party)).count
            case .observers: expected = Set(p.participants.filter { $0.roles.contains(.observer) }.map(\.party)).count
            case .topics: expected = p.topics.count
            }
            #expect(r.value == expected, "\(p.id)")
            #expect(r.rank == 1 + ranked.filter { $0.value > r.value }.count)
        }
        for (a, b) in zip(ranked, ranked.dropFirst()) { #expect(a.value >= b.value) }
        #expect(catalog.rankProcesses(by: key, includeGroups: true).count == catalog.processes.count)
    }
}

/// `a` comes before `b` in the catalog's order of parties (by folded name): how ties are broken.
func expectCatalogOrder(_ a: Party, _ b: Party, sourceLocation: SourceLocation = #_sourceLocation) {
    let parties = Catalog.bundled.parties
    let pa = parties.firstIndex { $0.id == a.id }, pb = parties.firstIndex { $0.id == b.id }
    #expect(pa != nil && pb != nil && pa! < pb!, "\(a.name) before \(b.name)", sourceLocation: sourceLocation)
}
