import Testing

@testable import RCPCore

/// The UN member states of 2005 the paper names in no process (Egypt, Dominica, …) are found by name, and no
/// name of theirs turns into another state's (user trial: "dominica" answered the Dominican Republic).
@Suite("States in no process")
struct StatesInNoProcessTests {
    let catalog = Catalog.bundled

    func state(_ r: Resolution<PartyLookup>) -> String? {
        if case .found(.stateInNoProcess(let s)) = r { return s.iso3 }
        return nil
    }

    func party(_ r: Resolution<PartyLookup>) -> String? {
        if case .found(.party(let p)) = r { return p.id }
        return nil
    }

    func candidates(_ r: Resolution<PartyLookup>) -> [String]? {
        if case .ambiguous(let list) = r { return list.map(\.id) }
        return nil
    }

    @Test func dominicaIsDominicaNotTheDominicanRepublic() {
        #expect(state(catalog.resolvePartyOrState("dominica")) == "DMA")
        #expect(state(catalog.resolvePartyOrState("Dominica")) == "DMA")
        // The lookup of the data's parties does not take its start for another state's name either.
        #expect(catalog.resolveParty("dominica") == .notFound(suggestions: []))
        // The Dominican Republic by its full name, and the start both names share is a question.
        #expect(party(catalog.resolvePartyOrState("dominican republic")) == "dominican-republic")
        #expect(candidates(catalog.resolvePartyOrState("domin")) == ["DMA", "dominican-republic"])
    }

    @Test(arguments: [
        ("egypt", "EGY"), ("Equatorial Guinea", "GNQ"), ("EGY", "EGY"), ("equatorial guinea", "GNQ"),
        ("guinea equatorial", "GNQ"), ("republic of the congo", "COG"),
    ])
    func statesTheDataDoesNotNameAreFound(query: String, iso3: String) {
        #expect(state(catalog.resolvePartyOrState(query)) == iso3, "\(query)")
    }

    @Test func theyAreTheWorldMapsGapsThatTheDataDoesNotName() throws {
        // The one source: the coverage gaps of the bundled world map (`rcpx gaps --all-groups`), less those the
        // data names as parties.
        let gaps = catalog.gaps(world: .bundled, allGroups: true)
        let unnamed = catalog.statesInNoProcess
        #expect(!unnamed.isEmpty)
        #expect(Set(unnamed.map(\.iso3)) == Set(gaps.filter { $0.partyID == nil }.map(\.iso3)))
        #expect(unnamed.allSatisfy { catalog.party(iso3: $0.iso3) == nil })
        let egypt = try #require(unnamed.first { $0.iso3 == "EGY" })
        #expect(egypt.name == "Egypt")
        #expect(egypt.subregion == "Northern Africa")
        #expect(egypt.standing == "a UN member state in 2005")
        #expect(catalog.stateInNoProcess(id: egypt.id)?.iso3 == "EGY")
        // A catalog made without a world has none (a test's small data set).
        #expect(Fixture.catalog.statesInNoProcess.isEmpty)
    }

    @Test func noStatesNameOnTheWorldMapAnswersAnotherState() {
        // Every UN member state of 2005 by the world map's name: itself, or a question, never another state.
        var wrong: [String] = []
        for feature in WorldMap.bundled.features where feature.inUniverse {
            switch catalog.resolvePartyOrState(feature.name) {
            case .found(.party(let p)) where p.iso3 != feature.iso3: wrong.append("\(feature.name) → \(p.name)")
            case .found(.stateInNoProcess(let s)) where s.iso3 != feature.iso3:
                wrong.append("\(feature.name) → \(s.name)")
            case .notFound: wrong.append("\(feature.name) → not found")
            default: break
            }
        }
        #expect(wrong.isEmpty, "\(wrong)")
    }

    @Test func congoListsBothCongos() {
        // The Republic of the Congo is in no process; the paper's Congo is the Democratic Republic.
        #expect(candidates(catalog.resolvePartyOrState("congo")) == ["COG", "dr-congo"])
        // The lookup of the data's parties still offers only the one it has.
        if case .ambiguous(let list) = catalog.resolveParty("congo") {
            #expect(list.map(\.id) == ["dr-congo"])
        } else {
            Issue.record("not ambiguous")
        }
    }

    @Test func theSearchFindsThemAsStatesInNoProcess() throws {
        let hit = try #require(catalog.search("egypt").first)
        #expect(hit.title == "Egypt")
        #expect(hit.kind == .party)
        #expect(hit.ref == .party("EGY"))
        #expect(hit.detail == "state · in no process")
        #expect(catalog.search("kind:state equatorial").first?.title == "Equatorial Guinea")
        // "dominica" puts Dominica first, then the Dominican Republic it starts.
        #expect(catalog.search("dominica").prefix(2).map(\.title) == ["Dominica", "Dominican Republic"])
    }
}
