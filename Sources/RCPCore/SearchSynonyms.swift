/// One line of the data file's `searchSynonyms` table (docs/DATA.md): a word people type ("intl", "idp",
/// "labor") and what it stands for in the data ("international", "internally displaced persons", "labour").
/// A query word equal to `word` also matches each of `means`. One way only: list both directions for a
/// spelling variant.
public struct SearchSynonym: Sendable, Hashable {
    /// One word, compared after folding (case, accents).
    public var word: String
    /// Words or phrases the word stands for.
    public var means: [String]

    public init(word: String, means: [String]) { self.word = word; self.means = means }
}

extension DatasetDecoder {
    /// The optional top-level `searchSynonyms` array (absent: no synonyms).
    func searchSynonyms(_ top: inout ObjectReader) -> [SearchSynonym] {
        top.array("searchSynonyms", required: false).enumerated().compactMap { index, value in
            var label = "searchSynonyms[\(index)]"
            if case .string(let word)? = value["word"], !word.isEmpty {
                label = recordLabel("synonym", plural: "searchSynonyms", id: word, index: index)
            }
            guard var r = ObjectReader(value, log: log, record: label, field: nil) else { return nil }
            let synonym = SearchSynonym(word: r.string("word"), means: r.strings("means", required: true))
            r.finish()
            return synonym
        }
    }
}

/// The checks of the synonym table: a word is one word of letters or digits, not listed twice; `means` is not
/// empty, and each meaning is a non-empty phrase other than the word itself.
func searchSynonymProblems(_ dataset: Dataset, file: String) -> [LoadProblem] {
    var problems: [LoadProblem] = []
    var seen = Set<FoldedKey>()
    for (i, s) in dataset.searchSynonyms.enumerated() {
        let record = recordLabel("synonym", plural: "searchSynonyms", id: s.word, index: i)
        func add(_ field: String, _ message: String) {
            problems.append(LoadProblem(file: file, record: record, field: field, message: message))
        }
        let key = searchKey(s.word)
        if hasControlCharacters(s.word) {
            add("word", "contains a control character")
        } else if key.isEmpty {
            add("word", "empty (a word of letters or digits is expected)")
        } else if key.contains(space) {
            add("word", "\(quoted(s.word)) is more than one word")
        } else if s.word.count > 40 {
            add("word", "longer than 40 characters")
        } else if !seen.insert(FoldedKey(key)).inserted {
            add("word", "\(quoted(s.word)) is listed twice")
        }
        if s.means.isEmpty { add("means", "empty (give at least one word or phrase)") }
        for (j, m) in s.means.enumerated() {
            if hasControlCharacters(m) {
                add("means[\(j)]", "contains a control character")
            } else if searchKey(m).isEmpty {
                add("means[\(j)]", "empty")
            } else if m.count > 200 {
                add("means[\(j)]", "longer than 200 characters")
            } else if searchKey(m) == key {
                add("means[\(j)]", "the same as the word")
            }
        }
    }
    return problems
}

private func hasControlCharacters(_ s: String) -> Bool {
    s.unicodeScalars.contains { $0.value < 0x20 || ($0.value >= 0x7F && $0.value < 0xA0) }
}
