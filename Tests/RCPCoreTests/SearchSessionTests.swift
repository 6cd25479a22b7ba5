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
        let afterS = catalog.search("s").count
        session.update("so")
        // Only the records with an "s" were looked at again.
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
