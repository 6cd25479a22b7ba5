import Testing

@testable import RCPCore

@Suite("Search (fixture)")
struct SearchTests {
    let catalog = Fixture.catalog

    @Test func anAliasMatchedExactlyComesFirst() throws {
        let hits = catalog.search("UK")
        let first = try #require(hits.first)
        #expect(first.ref == .party("united-kingdom"))
        #expect(first.quality == .exact)
        #expect(first.matched == "UK")
        #expect(first.ranges == [0..<2])
        #expect(hits[1].ref == .party("ukraine"))
        #expect(hits[1].quality == .prefix)
    }

    @Test func foldsDiacriticsAndPunctuation() throws {
        let soderkoping = try #require(catalog.search("soderkoping").first)
        #expect(soderkoping.ref == .process("soderkoping"))
        #expect(soderkoping.quality == .exact)
        #expect(soderkoping.matched == "Söderköping")
        let cote = try #require(catalog.search("cote d ivoire").first)
        #expect(cote.ref == .party("cote-d-ivoire"))
        #expect(cote.title == "Côte d’Ivoire")
        #expect(cote.quality == .exact)
        #expect(cote.ranges == [0..<13])
    }

    @Test func findsAProcessByAnAliasWord() throws {
        let dakar = try #require(catalog.search("Dakar").first)
        #expect(dakar.ref == .process("midwa"))
        #expect(dakar.matched == "Dakar Follow-up")
        #expect(dakar.quality == .prefix)
        #expect(dakar.ranges == [0..<5])
        #expect(dakar.detail == "Africa · since 2001")
    }

    // Changed with issue 13: the class of record (process, topic, the rest) now ranks above the match quality.
    @Test func ranksProcessesAboveTopicsAboveItemsThenByMatch() {
        let hits = catalog.search("trafficking")
        #expect(
            hits.map(\.ref) == [
                .process("bali"),  // "…People Smuggling, Trafficking in Persons…": a name
                .topic(processID: "midwa", index: 0),  // "trafficking in persons": a topic, at its start
                .topic(processID: "budapest", index: 0),  // "smuggling and trafficking": a topic, a later word
                .practiceItem("ep-06.1"),  // "Trafficking in persons": a sub-heading comes last
            ])
        #expect(hits.map(\.quality) == [.word, .prefix, .word, .prefix])
        #expect(hits[3].detail == "under 6. Irregular migration")
        #expect(hits[1].detail == "topic of MIDWA")
        // Inside a word only when nothing matches at the start of a word.
        let ranges = catalog.search("rafficking").map(\.quality)
        #expect(Set(ranges) == [.substring])
    }

    @Test func fuzzyMatchesAreCompactAndOnlyForThreeCharacters() throws {
        let budapest = try #require(catalog.search("bdpst").first)
        #expect(budapest.ref == .process("budapest"))
        #expect(budapest.quality == .fuzzy)
        #expect(budapest.ranges == [0..<1, 2..<3, 4..<5, 6..<8])
        #expect(catalog.search("sdrkpng").first?.ref == .process("soderkoping"))
        // Two letters never match fuzzily; scattered letters of a long text do not either ("Bali Ministerial
        // Conference on People Smuggling, Trafficking" has b…m…c…t), nor letters inside a word ("kingdom").
        #expect(catalog.search("bp").isEmpty)
        #expect(catalog.search("bmct").isEmpty)
        #expect(catalog.search("kdm").isEmpty)
        #expect(catalog.search("ngdm").isEmpty)
    }

    @Test func oneHitPerRecordWithItsBestText() {
        // Bali matches "bali" in its name, short name and alias: one hit, the exact-ish best.
        let hits = catalog.search("bali")
        #expect(hits.filter { $0.ref == .process("bali") }.count == 1)
        #expect(hits.first?.matched == "Bali Process")
        #expect(Set(hits.map(\.ref)).count == hits.count)
    }

    @Test func numbersFindMatrixRowsAndPracticeHeadings() {
        let hits = catalog.search("9")
        #expect(hits.prefix(2).map(\.ref) == [.process("midwa"), .practice("ep-09")])
        #expect(hits.prefix(2).map(\.quality) == [.exact, .exact])
    }

    @Test func searchesEveryKind() {
        #expect(catalog.search("geneva").first?.ref == .event(mechanismID: "idm", eventID: "idm-2004-trade"))
        #expect(catalog.search("dialogue on").first?.ref == .mechanism("idm"))
        #expect(catalog.search("asia and").first?.ref == .region("asia"))
        #expect(catalog.search("touches").first?.ref == .understanding("cu-01"))
        #expect(catalog.search("irregular").first?.ref == .practice("ep-06"))
        #expect(catalog.search("TUR").first?.ref == .party("turkey"))
        #expect(catalog.search("asylum").first?.ref == .topic(processID: "soderkoping", index: 0))
    }

    @Test func emptyAndPunctuationOnlyQueriesFindNothing() {
        #expect(catalog.search("").isEmpty)
        #expect(catalog.search("  ’ – ").isEmpty)
    }

    @Test func aLimitKeepsTheBestHitsInOrder() {
        let all = catalog.search("a")
        #expect(all.count > 10)
        #expect(catalog.search("a", limit: 5) == Array(all.prefix(5)))
        #expect(catalog.search("a", limit: 0).isEmpty)
        #expect(all.map(\.score) == all.map(\.score).sorted(by: >))
    }

    @Test func highlightRangesPointAtTheMatchedCharacters() {
        for query in ["ivoire", "kong", "smug", "bdpst", "cote d iv", "republic of"] {
            for hit in catalog.search(query) {
                let chars = Array(hit.matched)
                let highlighted = hit.ranges.map { String(chars[$0]) }.joined()
                #expect(
                    searchKey(highlighted).filter { $0 != space } == searchKey(query).filter { $0 != space },
                    "\(query) in \(hit.matched)")
            }
        }
    }
}
