import Testing

@testable import RCPCore

private func found<T>(_ r: Resolution<T>) -> T? {
    if case .found(let t) = r { return t }
    return nil
}

@Suite("Name resolution")
struct ResolutionTests {
    let catalog = Fixture.catalog

    @Test(arguments: [
        ("bali", "bali"), ("13", "bali"), ("Bali Process", "bali"), ("bali conference", "bali"),
        ("BALI PROCES", "bali"), ("soderkoping", "soderkoping"), ("SÖDERKÖPING process", "soderkoping"),
        ("cbcp", "soderkoping"), ("cross border co operation process", "soderkoping"), ("dakar", "midwa"),
        ("midwa", "midwa"), ("9", "midwa"), ("cluster", "cluster"), ("west africa", "midwa"),
    ])
    func resolvesAProcessByAnyName(query: String, id: String) {
        #expect(found(catalog.resolveProcess(query))?.id == id)
    }

    @Test(arguments: [
        ("uk", "united-kingdom"), ("UK", "united-kingdom"), ("the uk", "united-kingdom"), ("GBR", "united-kingdom"),
        ("united-kingdom", "united-kingdom"), ("cote d'ivoire", "cote-d-ivoire"), ("COTE D IVOIRE", "cote-d-ivoire"),
        ("côte d’ ivoire", "cote-d-ivoire"), ("viet nam", "viet-nam"), ("vietnam", "viet-nam"), ("turkiye", "turkey"),
        ("hong kong", "hong-kong"), ("dpr korea", "dpr-korea"), ("ukr", "ukraine"), ("iom", "iom"),
    ])
    func resolvesAPartyByAnyName(query: String, id: String) {
        #expect(found(catalog.resolveParty(query))?.id == id)
    }

    @Test func anExactNameWinsOverLongerNamesItStarts() {
        // "UK" is exactly an alias of the United Kingdom and also the start of "Ukraine".
        #expect(found(catalog.resolveParty("uk"))?.id == "united-kingdom")
    }

    @Test func severalWordMatchesAreAmbiguousNeverAGuess() {
        guard case .ambiguous(let parties) = catalog.resolveParty("korea") else {
            Issue.record("not ambiguous"); return
        }
        #expect(parties.map(\.id) == ["dpr-korea", "republic-of-korea"])
        guard case .ambiguous(let processes) = catalog.resolveProcess("process") else {
            Issue.record("not ambiguous"); return
        }
        #expect(processes.map(\.id) == ["budapest", "soderkoping", "cluster", "manila", "bali"])
    }

    @Test(arguments: [
        ("korea republic", "republic-of-korea"), ("Korea, Republic of", "republic-of-korea"),
        ("cote divoire", "cote-d-ivoire"), ("COTE DIVOIRE", "cote-d-ivoire"), ("cotedivoire", "cote-d-ivoire"),
        ("kingdom united", "united-kingdom"), ("korea democratic", "dpr-korea"), ("nam viet", "viet-nam"),
    ])
    func wordsInAnyOrderOrRunTogetherResolveAsTheSearchFindsThem(query: String, id: String) {
        // The search finds these (every word in any order; an apostrophe dropped); the lookups did not.
        #expect(found(catalog.resolveParty(query))?.id == id, "\(query)")
    }

    @Test func wordsInAnyOrderPickTheOneNameThatHasThemAll() {
        // Both Koreas' names hold "republic" and "korea": the name of exactly those words is taken, and a word
        // only one name has settles it.
        #expect(found(catalog.resolveParty("korea republic"))?.id == "republic-of-korea")
        #expect(found(catalog.resolveParty("republic korea people"))?.id == "dpr-korea")
    }

    @Test func aSuggestionHasEveryWordOfTheQueryOrAWordNearIt() {
        // "republic of korae" was also near "Republic of Palau", letter for letter; "korae" is no misspelt "palau".
        #expect(Catalog.bundled.resolveParty("republic of korae") == .notFound(suggestions: ["Republic of Korea"]))
    }

    @Test func unknownNamesGetTheClosestSuggestions() {
        #expect(catalog.resolveParty("turky") == .notFound(suggestions: ["Turkey"]))
        #expect(catalog.resolveParty("Idonesia") == .notFound(suggestions: ["Indonesia"]))
        #expect(catalog.resolveProcess("bali procss") == .notFound(suggestions: ["Bali Process"]))
        #expect(catalog.resolveProcess("manilla") == .notFound(suggestions: ["Manila"]))
        #expect(catalog.resolveParty("atlantis") == .notFound(suggestions: []))
        #expect(catalog.resolveParty("  ") == .notFound(suggestions: []))
    }
}
