/// Everything the search looks at, folded once when the catalog is built: one entry per thing a hit can lead
/// to, each with the texts it can be found by (name, short name, aliases, codes, …).
///
/// The scan reads only the plain arrays (masks, bounds, ranks, codes), so it runs without reference counting;
/// titles, refs and original texts are read only for the hits shown.
struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var kind: SearchKind
        var ref: SearchRef
        var title: String
        var detail: String?
    }

    struct Text: Sendable {
        var original: String
        /// Original `Character` offset of each folded code; nil for the identity.
        var offsets: [Int32]?
    }

    private(set) var entries: [Entry] = []
    private(set) var texts: [Text] = []

    /// Per entry: union of its texts' character masks.
    private(set) var entryMasks: [UInt64] = []
    /// Per entry: the kind's rank (`SearchKind.rank`).
    private(set) var entryKindRanks: [Int32] = []
    /// Per entry: position of its title in alphabetical order (ties of score are broken by it).
    private(set) var entryTitleRanks: [Int32] = []
    /// Entry `e`'s texts are `entryTextBounds[e] ..< entryTextBounds[e + 1]`.
    private(set) var entryTextBounds: [Int32] = [0]
    /// Per text: its character mask.
    private(set) var textMasks: [UInt64] = []
    /// Text `t`'s folded codes are `codes[textBounds[t] ..< textBounds[t + 1]]`.
    private(set) var textBounds: [Int32] = [0]
    /// The folded codes of every text, one after the other.
    private(set) var codes: [UInt32] = []

    var entryCount: Int { entries.count }

    func codes(ofText t: Int) -> ArraySlice<UInt32> { codes[Int(textBounds[t])..<Int(textBounds[t + 1])] }

    /// The original `Character` range of the folded range `r` (not empty) of text `t`.
    func originalRange(text t: Int, _ r: Range<Int>) -> Range<Int> {
        guard let offsets = texts[t].offsets else { return r }
        return Int(offsets[r.lowerBound])..<Int(offsets[r.upperBound - 1]) + 1
    }

    init(regions: [Region], processes: [Process], parties: [Party], partyProcessCounts: [Int],
         mechanisms: [Mechanism], practices: [Practice], understandings: [Understanding], guide: [GuideTopic] = []) {
        let regionNames = Dictionary(regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        for p in processes {
            var detail = regionNames[p.region] ?? p.region
            if let year = p.year { detail += " · since \(year)" }
            if !p.inMatrix { detail += " · outside the matrix" }
            add(.process, .process(p.id), title: p.name, detail: detail,
                texts: [p.name, p.shortName] + p.aliases + (p.number.map { [String($0)] } ?? []))
        }
        for (i, p) in parties.enumerated() {
            let count = partyProcessCounts[i]
            let detail = "\(p.kind.rawValue) · \(count) process\(count == 1 ? "" : "es")"
            add(.party, .party(p.id), title: p.name, detail: detail,
                texts: [p.name] + p.aliases + [p.iso3, p.asciiName].compactMap { $0 })
        }
        for r in regions {
            let count = processes.filter { $0.region == r.id }.count
            add(.region, .region(r.id), title: r.name, detail: "region · \(count) process\(count == 1 ? "" : "es")",
                texts: [r.name])
        }
        for m in mechanisms {
            add(.mechanism, .mechanism(m.id), title: m.name, detail: "global mechanism", texts: [m.name, m.shortName] + m.aliases)
        }
        for p in practices {
            add(.practice, .practice(p.id), title: p.title, detail: "effective practice \(p.number)",
                texts: [p.title, String(p.number), p.id])
            for item in p.items {
                add(.practiceItem, .practiceItem(item.id), title: item.title,
                    detail: "under \(p.number). \(p.title)", texts: [item.title] + (item.paperTitle.map { [$0] } ?? []))
            }
        }
        for u in understandings {
            add(.understanding, .understanding(u.id), title: "Common understanding \(u.number)", detail: u.summary,
                texts: [u.summary])
        }
        for m in mechanisms {
            for e in m.events {
                add(.event, .event(mechanismID: m.id, eventID: e.id), title: e.title,
                    detail: "\(m.shortName) \(e.kind.label) · " + (e.date ?? String(e.year)) + (e.place.map { " · " + $0 } ?? ""),
                    texts: [e.title] + (e.place.map { [$0] } ?? []))
            }
        }
        for p in processes {
            for (i, topic) in p.topics.enumerated() {
                add(.topic, .topic(processID: p.id, index: i), title: topic.label, detail: "topic of \(p.shortName)",
                    texts: [topic.label])
            }
        }
        for t in guide {
            for p in t.points {
                add(.guidePoint, .guidePoint(topicID: t.id, pointID: p.id), title: p.label.map { $0 + ": " + p.text } ?? p.text,
                    detail: "guide \(t.number). \(t.title) · \(p.section), lines \(p.lines)",
                    texts: [p.text] + (p.label.map { [$0] } ?? []) + p.searchTerms + [t.title])
            }
        }
        // Alphabetical rank of the titles, for ties of score.
        let keys = entries.map { searchKey($0.title) }
        let order = entries.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        for (rank, e) in order.enumerated() { entryTitleRanks[e] = Int32(rank) }
    }

    private mutating func add(_ kind: SearchKind, _ ref: SearchRef, title: String, detail: String?, texts list: [String]) {
        var mask: UInt64 = 0
        var seen = Set<FoldedKey>()
        for original in list {
            let folded = FoldedText(original)
            // The same text twice ("Bali Process" as name and alias) would only be matched twice.
            guard !folded.codes.isEmpty, seen.insert(FoldedKey(folded.codes)).inserted else { continue }
            let textMask = characterMask(folded.codes)
            mask |= textMask
            texts.append(Text(original: original, offsets: folded.offsets))
            textMasks.append(textMask)
            codes.append(contentsOf: folded.codes)
            textBounds.append(Int32(codes.count))
        }
        entries.append(Entry(kind: kind, ref: ref, title: title, detail: detail))
        entryMasks.append(mask)
        entryKindRanks.append(Int32(kind.rank))
        entryTitleRanks.append(0)
        entryTextBounds.append(Int32(texts.count))
    }
}
