import RCPData
import Testing

@testable import RCPCore

/// Queries and search on the data set compiled into rcpx, against facts of the paper.
@Suite("Catalog on the bundled data")
struct BundledCatalogTests {
    let catalog = Catalog.bundled

    @Test func theBundledFileHasNoProblems() {
        var problems: [String] = []
        do { _ = try DataLoader.load(bytes: BundledData.json, file: BundledData.fileName) } catch {
            problems = error.problems.map(\.description)
        }
        #expect(problems == [])
    }

    @Test func turkeysParticipations() {
        let roles = Dictionary(
            uniqueKeysWithValues: catalog.participations(of: "turkey").map { ($0.process.id, $0.roles) })
        #expect(roles["budapest"] == [.member, .viceChair])
        #expect(roles["cis"] == [.interestedState])
        #expect(roles["bali"] == [.member])
    }

    @Test func baliIsCoChairedByAustraliaAndIndonesia() {
        let leaders = catalog.participants(of: "bali").prefix { $0.participation.roles.contains(where: \.isLeadership) }
        #expect(leaders.map(\.party.id) == ["australia", "indonesia"])
        #expect(leaders.allSatisfy { $0.participation.roles == [.member, .coChair] })
    }

    @Test func everyManilaMemberIsAnAPCMember() throws {
        let overlap = try #require(catalog.overlap("manila", "apc"))
        let manilaMembers = catalog.participants(of: "manila").filter { $0.participation.roles.contains(.member) }
        #expect(manilaMembers.count == 17)  // 16 + Hong Kong
        let common = Set(
            overlap.common.filter { $0.rolesInA.contains(.member) && $0.rolesInB.contains(.member) }.map(\.party.id))
        #expect(Set(manilaMembers.map(\.party.id)).isSubset(of: common))
        #expect(overlap.onlyA.allSatisfy { p in !manilaMembers.contains { $0.party.id == p.id } })
    }

    @Test func theAfricaMatrixHasMIDSAAndMIDWA() {
        let africa = catalog.matrix(region: "africa")
        #expect(africa.columns.filter(\.inMatrix).map(\.shortName) == ["MIDSA", "MIDWA"])
        #expect(africa.columns.allSatisfy { $0.region == "africa" })
        let members = africa.rows.filter { $0.cells.contains { $0.contains(.member) } }
        #expect(members.count >= 15)
        #expect(africa.rows.allSatisfy { $0.party.kind != .organization })
    }

    @Test func searchFindsAliasesAndAcronymsFirst() {
        #expect(catalog.search("UK").first?.ref == .party("united-kingdom"))
        #expect(catalog.search("RCM").first?.ref == .process("puebla"))
        #expect(catalog.search("MIDSA").first?.ref == .process("midsa"))
        #expect(catalog.search("Dakar").first?.ref == .process("midwa"))
        #expect(catalog.search("soderkoping").first?.ref == .process("soderkoping"))
        #expect(catalog.search("cote d ivoire").first?.ref == .party("cote-d-ivoire"))
        let trafficking = catalog.search("trafficking")
        #expect(trafficking.contains { $0.kind == .topic })
        #expect(trafficking.contains { $0.ref == .practiceItem("ep-06.1") })
    }

    @Test func namesResolveLikeAPersonTypesThem() {
        func process(_ q: String) -> String? {
            if case .found(let p) = catalog.resolveProcess(q) { return p.id }; return nil
        }
        func party(_ q: String) -> String? {
            if case .found(let p) = catalog.resolveParty(q) { return p.id }; return nil
        }
        #expect(process("soderkoping") == "soderkoping")
        #expect(process("12") == "bali")
        #expect(process("rcm") == "puebla")
        #expect(process("5+5") == "five-plus-five")
        #expect(party("cote d'ivoire") == "cote-d-ivoire")
        #expect(party("COTE D IVOIRE") == "cote-d-ivoire")
        #expect(party("uk") == "united-kingdom")
        #expect(party("viet nam") == "viet-nam")
        #expect(party("vietnam") == "viet-nam")
        guard case .notFound(let suggestions) = catalog.resolveParty("turky") else { Issue.record("found"); return }
        #expect(suggestions.first == "Turkey")
    }
}
