import Testing

@testable import RCPCore

/// The data file's `searchSynonyms` table: read, checked, and used by the search.
@Suite struct SearchSynonymTests {
    /// The fixture with `table` as its searchSynonyms.
    static func withSynonyms(_ table: String) -> [UInt8] {
        var text = Fixture.json
        let end = text.range(of: "}", options: .backwards)!
        text.replaceSubrange(end, with: ", \"searchSynonyms\": \(table)}")
        return Array(text.utf8)
    }

    @Test func aTableIsReadAndUsed() throws {
        let dataset = try DataLoader.load(
            bytes: Self.withSynonyms(#"[{"word": "Intl", "means": ["international"]}]"#),
            file: "s.json")
        #expect(dataset.searchSynonyms == [SearchSynonym(word: "Intl", means: ["international"])])
        let catalog = Catalog(dataset)
        let result = catalog.searchResult("intl org")
        #expect(result.hits.first?.ref == .party("iom"))
        #expect(result.hits.first?.quality == .prefix)
        #expect(result.correctedQuery == nil)
        // Without the table the abbreviation is taken for a typo.
        #expect(Fixture.catalog.searchResult("intl org").correctedQuery != nil)
    }

    @Test func badEntriesAreNamedByRecordAndField() {
        let table = #"""
            [{"word": "intl", "means": ["international"]},
             {"word": "two words", "means": ["x"]},
             {"word": "INTL", "means": ["international"]},
             {"word": "govt", "means": []},
             {"word": "org", "means": ["ORG", "  "]},
             {"word": "", "means": ["x"]},
             {"word": "idp", "means": ["internally displaced"], "colour": "red"}]
            """#
        do {
            _ = try DataLoader.load(bytes: Self.withSynonyms(table), file: "s.json")
            Issue.record("loaded")
        } catch {
            let lines = error.problems.map(\.description)
            #expect(lines.contains(#"s.json: synonym "idp": colour: unknown key"#), "\(lines)")
            #expect(
                lines.contains(#"s.json: synonym "two words": word: "two words" is more than one word"#), "\(lines)")
            #expect(lines.contains(#"s.json: synonym "INTL": word: "INTL" is listed twice"#), "\(lines)")
            #expect(
                lines.contains(#"s.json: synonym "govt": means: empty (give at least one word or phrase)"#), "\(lines)")
            #expect(lines.contains(#"s.json: synonym "org": means[0]: the same as the word"#), "\(lines)")
            #expect(lines.contains(#"s.json: synonym "org": means[1]: empty"#), "\(lines)")
            #expect(lines.contains { $0.contains("searchSynonyms[5]") && $0.contains("word: empty") }, "\(lines)")
        }
    }

    @Test func aTableOfTheWrongTypeIsRefused() {
        #expect(throws: LoadError.self) {
            try DataLoader.load(bytes: Self.withSynonyms(#"{"intl": "international"}"#), file: "s.json")
        }
        #expect(throws: LoadError.self) {
            try DataLoader.load(
                bytes: Self.withSynonyms(#"[{"word": "intl", "means": "international"}]"#), file: "s.json")
        }
    }

    @Test func theBundledTableHasTheIssuesAbbreviations() {
        let words = Set(Catalog.bundled.dataset.searchSynonyms.map(\.word))
        for w in ["intl", "org", "govt", "migr", "idp", "uam"] { #expect(words.contains(w), "\(w)") }
        #expect(validate(Catalog.bundled.dataset, file: "bundled").isEmpty)
    }
}
