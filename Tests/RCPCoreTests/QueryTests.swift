import Testing

@testable import RCPCore

@Suite("Catalog queries (fixture)")
struct QueryTests {
    let catalog = Fixture.catalog

    @Test func listsComeInDisplayOrder() {
        #expect(catalog.regions.map(\.id) == ["europe", "africa", "asia", "global"])
        #expect(catalog.processes.map(\.id) == ["budapest", "soderkoping", "cluster", "midwa", "manila", "bali"])
        #expect(catalog.parties.prefix(4).map(\.id) == ["australia", "cote-d-ivoire", "dpr-korea", "hong-kong"])
        #expect(catalog.processes(inRegion: "europe").map(\.id) == ["budapest", "soderkoping", "cluster"])
        #expect(catalog.processes(inRegion: "global").isEmpty)
    }

    @Test func looksRecordsUpById() {
        #expect(catalog.process(id: "bali")?.shortName == "Bali Process")
        #expect(catalog.party(id: "cote-d-ivoire")?.asciiName == "Cote d'Ivoire")
        #expect(catalog.region(id: "africa")?.name == "Africa")
        #expect(catalog.mechanism(id: "idm")?.shortName == "IDM")
        #expect(catalog.practice(id: "ep-09")?.title == "Return")
        #expect(catalog.practice(number: 6)?.id == "ep-06")
        #expect(catalog.understanding(id: "cu-01")?.number == 1)
        #expect(
            catalog.practiceItem(id: "ep-06.2").map { ($0.0.id, $0.1.title) } ?? ("", "") == (
                "ep-06", "Smuggling of migrants"
            ))
        #expect(
            catalog.event(id: "idm-2004-trade").map { ($0.0.id, $0.1.title) } ?? ("", "") == (
                "idm", "Trade and Migration"
            ))
        #expect(catalog.process(id: "atlantis") == nil)
        #expect(catalog.practiceItem(id: "ep-99.1") == nil)
    }

    @Test func participantsComeLeadersFirstThenByRoleAndName() {
        #expect(
            catalog.participants(of: "bali").map(\.party.id) == [
                "australia", "indonesia", "dpr-korea", "hong-kong", "republic-of-korea", "turkey", "viet-nam", "iom",
            ])
        #expect(
            catalog.participants(of: "budapest").map(\.party.id) == [
                "turkey", "ukraine", "united-kingdom", "iom", "unhcr",
            ])
        #expect(catalog.participants(of: "budapest").first?.participation.roles == [.member, .viceChair])
        #expect(catalog.participants(of: "nowhere").isEmpty)
    }

    @Test func aPartysParticipationsCarryRolesAndNotes() {
        let turkey = catalog.participations(of: "turkey")
        #expect(turkey.map(\.process.id) == ["budapest", "cluster", "bali"])
        #expect(turkey.map(\.roles) == [[.member, .viceChair], [.participant], [.member]])
        let uk = catalog.participations(of: "united-kingdom")
        #expect(uk.map(\.process.id) == ["budapest", "soderkoping"])
        #expect(uk[1].roles == [.observer])
        #expect(uk[1].note == "through a project")
        #expect(
            catalog.mechanismParticipations(of: "iom").map { ($0.mechanism.id, $0.participation.roles) }.first! == (
                "idm", [.coordinator]
            ))
        #expect(catalog.events(withPartner: "unhcr").map(\.event.id) == ["idm-2004-trade"])
        #expect(catalog.events(withProcess: "bali").map(\.event.id) == ["idm-2004-trade"])
        #expect(catalog.events(withPartner: "turkey").isEmpty)
    }

    @Test func theMatrixHasStatesAndTerritoriesInAtLeastOneColumn() {
        let matrix = catalog.matrix()
        #expect(matrix.columns.map(\.id) == ["budapest", "soderkoping", "cluster", "midwa", "manila", "bali"])
        #expect(
            matrix.rows.map(\.party.id) == [
                "australia", "cote-d-ivoire", "dpr-korea", "hong-kong", "indonesia", "republic-of-korea", "senegal",
                "turkey", "ukraine", "united-kingdom", "viet-nam",
            ])
        let turkey = matrix.rows.first { $0.party.id == "turkey" }
        #expect(turkey?.cells == [[.member, .viceChair], [], [.participant], [], [], [.member]])
        #expect(turkey?.count == 3)
    }

    @Test func theMatrixFiltersByRegionKindAndFootnote() {
        let africa = catalog.matrix(region: "africa")
        #expect(africa.columns.map(\.id) == ["midwa"])
        #expect(africa.rows.map(\.party.id) == ["cote-d-ivoire", "senegal"])
        #expect(africa.rows.map(\.cells) == [[[.member]], [[.member, .chair]]])
        let europe = catalog.matrix(region: "europe", includeOutsideMatrix: false)
        #expect(europe.columns.map(\.id) == ["budapest", "soderkoping"])
        #expect(europe.rows.first { $0.party.id == "turkey" }?.count == 1)
        let organizations = catalog.matrix(kinds: [.organization])
        #expect(organizations.rows.map(\.party.id) == ["iom", "unhcr"])
        #expect(catalog.matrix(region: "global").columns.isEmpty)
        #expect(catalog.matrix(region: "global").rows.isEmpty)
    }

    @Test func theMatrixSortsByCountThenName() {
        let rows = catalog.matrix(sort: .count).rows
        #expect(rows.prefix(5).map(\.party.id) == ["turkey", "australia", "hong-kong", "ukraine", "united-kingdom"])
        #expect(rows.map(\.count) == rows.map(\.count).sorted(by: >))
    }

    @Test func overlapSplitsParticipantsAndKeepsRoles() throws {
        let overlap = try #require(catalog.overlap("manila", "bali"))
        #expect(overlap.a.id == "manila" && overlap.b.id == "bali")
        #expect(overlap.common.map(\.party.id) == ["australia", "hong-kong"])
        #expect(overlap.common[0].rolesInA == [.member])
        #expect(overlap.common[0].rolesInB == [.member, .coChair])
        #expect(overlap.onlyA.isEmpty)
        #expect(
            overlap.onlyB.map(\.id) == ["dpr-korea", "indonesia", "iom", "republic-of-korea", "turkey", "viet-nam"])
        #expect(catalog.overlap("manila", "atlantis") == nil)
    }

    @Test func topPartiesCountProcessesInAnyRole() {
        let top = catalog.topParties(limit: 3)
        #expect(top.map(\.party.id) == ["turkey", "australia", "hong-kong"])
        #expect(top.map(\.count) == [3, 2, 2])
        #expect(catalog.topParties(limit: 1, kinds: [.organization]).map(\.party.id) == ["iom"])
    }

    @Test func practicesAndProcessesMeetThroughTopics() {
        let six = catalog.processes(forPractice: 6)
        #expect(six.map(\.process.id) == ["budapest", "midwa", "bali"])
        #expect(six[2].topics.map(\.label) == ["people smuggling", "return and readmission"])
        let bali = catalog.practices(forProcess: "bali")
        #expect(bali.map(\.practice.id) == ["ep-06", "ep-09"])
        #expect(bali[1].topics.map(\.label) == ["return and readmission"])
        #expect(catalog.processes(forPractice: 20).isEmpty)
    }
}
