import Testing
@testable import RCPCore

/// What facilitators and officials type into the search, and what must come of it (issue 13): for each query
/// the hit that must come first, and hits that must not be among the first five. A hit is named
/// "kind:id" ("process:bali", "topic:budapest" for any topic of Budapest, "party:iom"), optionally with
/// "~words" that its title must contain ("topic:budapest~trafficking"); "title~Committee" names any hit whose
/// title contains "Committee".
struct SearchCase: CustomTestStringConvertible, Sendable {
    var query: String
    var first: String
    var notInTop5: [String] = []
    /// The "showing results for …" the query must give (nil: none).
    var corrected: String?

    var testDescription: String { "“\(query)”" }
}

let searchCorpus: [SearchCase] = [
    // Several words, in any order, across a record and its context.
    SearchCase(query: "trafficking budapest", first: "topic:budapest~trafficking", notInTop5: ["process:budapest", "topic:lima"]),
    SearchCase(query: "budapest trafficking", first: "topic:budapest~trafficking", notInTop5: ["process:bali"]),
    SearchCase(query: "west africa", first: "process:midwa", notInTop5: ["region:africa", "process:midsa"]),
    SearchCase(query: "africa west", first: "process:midwa", notInTop5: ["process:midsa"]),
    SearchCase(query: "migration dialogue southern", first: "process:midsa", notInTop5: ["process:midwa"]),
    SearchCase(query: "regional conference migration", first: "process:puebla"),
    SearchCase(query: "migration regional conference", first: "process:puebla"),
    SearchCase(query: "western mediterranean dialogue", first: "process:five-plus-five"),
    SearchCase(query: "colombo labour", first: "process:colombo", notInTop5: ["process:igc"]),
    SearchCase(query: "igc asylum", first: "process:igc", notInTop5: ["topic:budapest"]),
    SearchCase(query: "asylum igc", first: "process:igc", notInTop5: ["topic:marri"]),
    SearchCase(query: "process bali", first: "process:bali", notInTop5: ["process:budapest"]),
    SearchCase(query: "smuggling people", first: "process:bali"),
    SearchCase(query: "joint bali budapest", first: "event:bali-budapest-perth-2004", notInTop5: ["process:bali", "process:budapest"]),
    SearchCase(query: "economic community west", first: "party:ecowas"),
    SearchCase(query: "refugees high commissioner", first: "party:unhcr"),
    SearchCase(query: "korea republic", first: "party:republic-of-korea"),
    SearchCase(query: "pacific immigration", first: "process:pidc"),
    SearchCase(query: "cross border cooperation", first: "process:soderkoping"),
    SearchCase(query: "directors migration", first: "process:ocam"),
    SearchCase(query: "un coordination", first: "mechanism:un-coordination"),
    SearchCase(query: "international agenda", first: "mechanism:berne"),
    SearchCase(query: "cis conference", first: "process:cis"),
    // Abbreviations and synonyms (the data's searchSynonyms).
    SearchCase(query: "intl org", first: "party:iom", notInTop5: ["party:icmpd", "party:icrc"]),
    SearchCase(query: "international organization", first: "party:iom"),
    SearchCase(query: "int org", first: "party:iom"),
    SearchCase(query: "idp", first: "process:apc", notInTop5: ["title~Dialogue"]),
    SearchCase(query: "idps", first: "process:apc"),
    SearchCase(query: "uam", first: "topic:igc~unaccompanied"),
    SearchCase(query: "govt", first: "process:igc"),
    SearchCase(query: "migr dialogue", first: "process:midwa", notInTop5: ["region:africa"]),
    SearchCase(query: "labor migration", first: "process:colombo"),
    SearchCase(query: "intl migration", first: "party:gcim"),
    SearchCase(query: "coop rcps", first: "mechanism:rcp-cooperation"),
    SearchCase(query: "illegal migration", first: "process:manila"),
    // Typos: corrected, and said so.
    SearchCase(query: "budapset", first: "process:budapest", notInTop5: ["process:bali"], corrected: "budapest"),
    SearchCase(query: "budapets", first: "process:budapest", corrected: "budapest"),
    SearchCase(query: "sodrkoping", first: "process:soderkoping"),
    SearchCase(query: "turky", first: "party:turkey", corrected: "turkey"),
    SearchCase(query: "kyrgystan", first: "party:kyrgyzstan", corrected: "kyrgyzstan"),
    SearchCase(query: "swizerland", first: "party:switzerland", corrected: "switzerland"),
    SearchCase(query: "traficking", first: "process:manila", corrected: "trafficking"),
    SearchCase(query: "managment", first: "mechanism:berne", corrected: "management"),
    SearchCase(query: "goverment", first: "title~overnment", corrected: "government"),
    SearchCase(query: "migratoin dialogue", first: "process:midwa", corrected: "migration dialogue"),
    SearchCase(query: "trafficking budapset", first: "topic:budapest~trafficking", corrected: "trafficking budapest"),
    // Accents missing, punctuation.
    SearchCase(query: "cote", first: "party:cote-d-ivoire", notInTop5: ["title~Committee", "title~countries", "title~context"]),
    SearchCase(query: "cote divoire", first: "party:cote-d-ivoire", corrected: "cote ivoire"),
    SearchCase(query: "cote d'ivoire", first: "party:cote-d-ivoire"),
    SearchCase(query: "soderkoping", first: "process:soderkoping"),
    SearchCase(query: "comision centroamericana", first: "process:ocam"),
    SearchCase(query: "migracion", first: "process:ocam"),
    SearchCase(query: "union economique", first: "party:uemoa"),
    SearchCase(query: "5+5", first: "process:five-plus-five"),
    SearchCase(query: "asia-pacific consultations", first: "process:apc"),
    // Acronyms and short names.
    SearchCase(query: "bali", first: "process:bali", notInTop5: ["title~globaliz"]),
    SearchCase(query: "rcm", first: "process:puebla"),
    SearchCase(query: "iom", first: "party:iom", notInTop5: ["title~Kingdom"]),
    SearchCase(query: "ilo", first: "party:ilo"),
    SearchCase(query: "unhcr", first: "party:unhcr"),
    SearchCase(query: "uk", first: "party:united-kingdom"),
    SearchCase(query: "usa", first: "party:united-states"),
    SearchCase(query: "iamm", first: "mechanism:berne"),
    SearchCase(query: "idm", first: "mechanism:idm", notInTop5: ["title~Kingdom"]),
    SearchCase(query: "cbcp", first: "process:soderkoping"),
    SearchCase(query: "ecowas", first: "party:ecowas"),
    SearchCase(query: "au", first: "party:au"),
    SearchCase(query: "pidc", first: "process:pidc"),
    // Partial words.
    SearchCase(query: "south amer", first: "process:lima"),
    SearchCase(query: "kyrg", first: "party:kyrgyzstan"),
    SearchCase(query: "remit", first: "topic:midwa~remittances"),
    SearchCase(query: "russia", first: "party:russian-federation"),
    SearchCase(query: "viet", first: "party:viet-nam"),
    SearchCase(query: "vietnam", first: "party:viet-nam"),
    SearchCase(query: "medit", first: "region:western-mediterranean"),
    SearchCase(query: "dakar", first: "process:midwa"),
    // Operators and filters.
    SearchCase(query: "trafficking !budapest", first: "process:manila", notInTop5: ["topic:budapest"]),
    SearchCase(query: "kind:state senegal", first: "party:senegal"),
    SearchCase(query: "kind:process africa", first: "process:midwa", notInTop5: ["region:africa", "party:au"]),
    SearchCase(query: "region:asia trafficking", first: "process:manila", notInTop5: ["topic:budapest", "topic:lima"]),
    SearchCase(query: "kind:topic asylum", first: "topic:igc~asylum", notInTop5: ["process:igc"]),
    SearchCase(query: "'return", first: "topic:igc~return", notInTop5: ["process:cis"]),
    SearchCase(query: "^mig", first: "process:midwa", notInTop5: ["process:igc"]),
]

/// "kind:id" of a hit: a topic by its process, an event by its own id.
func hitName(_ hit: SearchHit) -> String {
    let id: String
    switch hit.ref {
    case .process(let x), .party(let x), .practice(let x), .practiceItem(let x), .understanding(let x),
         .mechanism(let x), .region(let x): id = x
    case .topic(let p, _): id = p
    case .event(_, let e): id = e
    case .guidePoint(_, let point): id = point
    }
    let kind = hit.kind == .practiceItem ? "practice-item" : hit.kind.rawValue
    return kind + ":" + id
}

func matches(_ hit: SearchHit, _ pattern: String) -> Bool {
    if pattern.hasPrefix("title~") { return hit.title.lowercased().contains(pattern.dropFirst(6).lowercased()) }
    let parts = pattern.split(separator: "~", maxSplits: 1).map(String.init)
    guard hitName(hit) == parts[0] else { return false }
    return parts.count == 1 || hit.title.lowercased().contains(parts[1].lowercased())
}

@Suite("Search corpus (bundled data)")
struct SearchCorpusTests {
    @Test func theCorpusIsLargeAndCoversTheIssuesExamples() {
        #expect(searchCorpus.count >= 60)
        for q in ["trafficking budapest", "west africa", "intl org", "budapset", "cote", "bali"] {
            #expect(searchCorpus.contains { $0.query == q }, "\(q)")
        }
    }

    @Test(arguments: searchCorpus)
    func theRightHitComesFirst(_ c: SearchCase) throws {
        let result = Catalog.bundled.searchResult(c.query, limit: 5)
        let first = try #require(result.hits.first, "no hit for \(c.query)")
        #expect(matches(first, c.first), "first hit \(hitName(first)) “\(first.title)”")
        for bad in c.notInTop5 {
            let found = result.hits.filter { matches($0, bad) }.map(hitName)
            #expect(found.isEmpty, "\(bad) in the top 5: \(found)")
        }
        if let corrected = c.corrected {
            #expect(result.correctedQuery == corrected)
            #expect(first.quality == .corrected)
        }
    }

    @Test func realMatchesNeverShowACorrection() {
        for c in searchCorpus where c.corrected == nil && !["sodrkoping"].contains(c.query) {
            #expect(Catalog.bundled.searchResult(c.query).correctedQuery == nil, "\(c.query)")
        }
    }

    @Test func theExplorersSessionGivesTheSameOrderAsTheCommandLine() {
        // The explorer types a query a character at a time into a SearchSession; `rcpx search` calls
        // Catalog.searchResult. Both must give the same hits in the same order at every step.
        for c in searchCorpus {
            let session = SearchSession(catalog: Catalog.bundled, limit: 20)
            var typed = ""
            for ch in c.query {
                typed.append(ch)
                session.update(typed)
                #expect(session.result == Catalog.bundled.searchResult(typed, limit: 20), "“\(typed)”")
            }
        }
    }

    @Test func wordsInsideWordsAndLettersInOrderOnlyWhenNothingBetterExists() {
        // "bali" is inside "globalizing" and "cote" has its letters in "Committee": neither is shown while a
        // word starts with the query.
        for q in ["bali", "cote", "iom", "west"] {
            let hits = Catalog.bundled.search(q)
            #expect(!hits.isEmpty)
            #expect(hits.allSatisfy { $0.quality != .substring && $0.quality != .fuzzy }, "\(q)")
        }
        // With no word starting so, words inside words are found.
        let inside = Catalog.bundled.search("rafficking")
        #expect(!inside.isEmpty && inside.allSatisfy { $0.quality == .substring })
    }

    @Test func filtersAloneListTheirRecords() {
        let hits = Catalog.bundled.search("kind:process region:africa")
        #expect(Set(hits.map(hitName)) == ["process:midwa", "process:midsa"])
        let states = Catalog.bundled.search("kind:states region:western")
        #expect(!states.isEmpty)
        #expect(states.allSatisfy { $0.kind == .party && Catalog.bundled.party(id: String(hitName($0).dropFirst(6)))?.kind == .state })
    }

    @Test func filtersThatNameNothingSaySo() {
        #expect(Catalog.bundled.searchResult("bali kind:planet").problem?.contains("no kind “planet”") == true)
        #expect(Catalog.bundled.searchResult("bali kind:p").problem?.contains("could be process, party") == true)
        #expect(Catalog.bundled.searchResult("x region:mars").problem?.contains("no region “mars”") == true)
        #expect(Catalog.bundled.searchResult("bali kind:planet").hits.isEmpty)
    }

    @Test func theTitleHighlightsTheMatchedWords() throws {
        let hit = try #require(Catalog.bundled.search("dialogue west").first)
        let title = Array(hit.title)
        #expect(hit.titleRanges.map { String(title[$0]) } == ["Dialogue", "West"])
        let iom = try #require(Catalog.bundled.search("intl org").first)
        #expect(iom.titleRanges.map { String(Array(iom.title)[$0]) } == ["International Organization"])
    }
}
