import Foundation
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

/// The corpus, from search-corpus.txt beside this file (one case a line; see its header). Empty when the
/// file cannot be read, which `theCorpusIsLargeAndCoversTheIssuesExamples` reports.
let searchCorpus: [SearchCase] = {
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("search-corpus.txt")
    guard let text = try? String(contentsOf: file, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
        guard !line.hasPrefix("#") else { return nil }
        let fields = line.components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
        guard fields.count >= 2 else { return nil }
        let notInTop5 =
            fields.count > 2 ? fields[2].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } : []
        let corrected = fields.count > 3 && !fields[3].isEmpty ? fields[3] : nil
        return SearchCase(query: fields[0], first: fields[1], notInTop5: notInTop5, corrected: corrected)
    }
}()

/// "kind:id" of a hit: a topic by its process, an event by its own id.
func hitName(_ hit: SearchHit) -> String {
    let id: String
    switch hit.ref {
    case .process(let x), .party(let x), .practice(let x), .practiceItem(let x), .understanding(let x),
        .mechanism(let x), .region(let x):
        id = x
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
        #expect(
            states.allSatisfy {
                $0.kind == .party && Catalog.bundled.party(id: String(hitName($0).dropFirst(6)))?.kind == .state
            })
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
