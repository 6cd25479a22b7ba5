import RCPTestSupport
import Testing

@testable import RCPCore

@Suite("Incremental search")
struct SearchSessionTests {
    @Test func typingRefinesOnlyThePreviousCandidates() {
        let catalog = Fixture.catalog
        let session = SearchSession(catalog: catalog)
        let total = catalog.searchIndex.entryCount
        session.update("s")
        #expect(session.lastScanCount == total)
        let index = catalog.searchIndex
        let withS = (0..<total).filter { e in
            (Int(index.entryTextBounds[e])..<Int(index.entryTextBounds[e + 1])).contains {
                index.codes(ofText: $0).contains(0x73)
            }
        }.count
        let afterS = withS
        session.update("so")
        // Only the records with an "s" were looked at again (changed with issue 13: every record holding the
        // letters is kept, not only the hits, since words inside words now show only when nothing starts so).
        #expect(session.lastScanCount < total)
        #expect(session.lastScanCount == afterS)
        let afterSo = session.lastScanCount
        session.update("sod")
        #expect(session.lastScanCount <= afterSo)
        #expect(session.hits.first?.ref == .process("soderkoping"))
    }

    @Test func deletingReturnsTheEarlierResultWithoutScanning() {
        let catalog = Fixture.catalog
        let session = SearchSession(catalog: catalog)
        let so = session.update("so")
        session.update("sod")
        #expect(session.update("so") == so)
        #expect(session.lastScanCount == 0)
        // The same query again, or with a trailing space, costs nothing either.
        session.update("so ")
        #expect(session.lastScanCount == 0)
        #expect(session.hits == so)
        // A different query starts over.
        session.update("bali")
        #expect(session.lastScanCount == catalog.searchIndex.entryCount)
        #expect(session.update("").isEmpty)
        #expect(session.hits.isEmpty)
    }

    /// A query typed again after another search (the same first letters) is answered without a scan, and then
    /// refines as if it had been typed the first time.
    @Test func aQueryTypedAgainIsRemembered() {
        let catalog = Fixture.catalog
        let session = SearchSession(catalog: catalog)
        let s = session.update("s")
        session.update("so")
        session.update("bali")
        #expect(session.update("") == [])
        #expect(session.update("s") == s)
        #expect(session.lastScanCount == 0)
        let fresh = SearchSession(catalog: catalog)
        fresh.update("s")
        #expect(session.update("so") == fresh.update("so"))
        #expect(session.update("sod") == fresh.update("sod"))
        #expect(session.lastScanCount == fresh.lastScanCount)
    }

    @Test func anotherWordRefinesAndASynonymStartsOver() throws {
        let catalog = Catalog.bundled
        let session = SearchSession(catalog: catalog)
        session.update("traffick")
        let afterWord = session.lastScanCount
        #expect(afterWord == catalog.searchIndex.entryCount)
        session.update("traffick b")
        #expect(session.lastScanCount > 0 && session.lastScanCount < afterWord)
        session.update("traffick bud")
        let first = try #require(session.hits.first)
        #expect(first.kind == .topic && first.detail == "topic of Budapest" && first.title.contains("trafficking"))
        // "intl" stands for "international", which need not hold its letters: a full scan.
        session.update("int")
        session.update("intl")
        #expect(session.lastScanCount == catalog.searchIndex.entryCount)
        #expect(
            session.hits.first?.title == "International Centre for Migration Policy Development"
                || session.hits.first?.title.hasPrefix("International") == true)
        // A filter or a negation is applied to the candidates of the words.
        session.update("intl kind:state")
        #expect(session.hits.allSatisfy { $0.kind == .party })
        #expect(session.result.correctedQuery == nil)
    }

    @Test func aTypoIsCorrectedAsYouType() {
        let session = SearchSession(catalog: Catalog.bundled)
        session.update("budap")
        #expect(session.result.correctedQuery == nil)
        session.update("budaps")
        #expect(session.result.correctedQuery == "budapest")
        session.update("budapset")
        #expect(session.result.correctedQuery == "budapest")
        #expect(session.hits.first?.ref == .process("budapest"))
        #expect(session.hits.first?.quality == .corrected)
    }

    @Test(arguments: [nil, 5] as [Int?])
    func randomTypingWithOperatorsGivesWhatAFreshSearchGives(limit: Int?) {
        let catalog = Catalog.bundled
        var rng = SplitMix64(seed: limit.map(UInt64.init) ?? 7)
        let letters = Array("aeioubdgklmnprstuvyz ’-ô'^!:".map { String($0) })
        let words = [
            "intl ", "org", "budapset", "west africa", "kind:st", "region:afr", "!bud", "'bali", "^mig",
            "idp", "cote", "traffick bud",
        ]
        for _ in 0..<40 {
            let session = SearchSession(catalog: catalog, limit: limit)
            var query = ""
            for _ in 0..<20 {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0, 1: query += words.randomElement(using: &rng)!
                case 2: if !query.isEmpty { query.removeLast() }
                default: query += letters.randomElement(using: &rng)!
                }
                let incremental = session.update(query)
                let fresh = catalog.searchResult(query, limit: limit)
                #expect(incremental == fresh.hits, "query \"\(query)\"")
                #expect(session.result == fresh, "query \"\(query)\"")
            }
        }
    }

    @Test(arguments: [nil, 5] as [Int?])
    func randomTypingGivesWhatAFreshSearchGives(limit: Int?) {
        let catalog = Fixture.catalog
        var rng = SplitMix64(seed: limit.map(UInt64.init) ?? 99)
        let letters = Array("aeioubdgklmnprstuvyz ’-öÉ".map { String($0) })
        let words = ["bali", "UK", "cote d", "söder", "traffick", "dakar", "korea", "process", "9"]
        for _ in 0..<60 {
            let session = SearchSession(catalog: catalog, limit: limit)
            var query = ""
            for _ in 0..<25 {
                switch Int.random(in: 0..<10, using: &rng) {
                case 0: query = words.randomElement(using: &rng)!
                case 1: if !query.isEmpty { query.removeLast() }
                default: query += letters.randomElement(using: &rng)!
                }
                let incremental = session.update(query)
                let fresh = catalog.search(query, limit: limit)
                #expect(incremental == fresh, "query \"\(query)\"")
            }
        }
    }
}
