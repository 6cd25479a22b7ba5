/// Everything the search looks at, folded once when the catalog is built: one entry per thing a hit can lead
/// to, each with the texts it can be found by (name, short name, aliases, codes, …).
struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var kind: SearchKind
        var ref: SearchRef
        var title: String
        var detail: String?
        /// Positions in `texts`.
        var texts: Range<Int>
        /// Union of the texts' character masks.
        var mask: UInt64
        /// Position of the title in alphabetical order (ties of score are broken by it).
        var titleRank: Int32
    }

    struct Text: Sendable {
        var original: String
        var folded: FoldedText
        var mask: UInt64
    }

    private(set) var entries: [Entry] = []
    private(set) var texts: [Text] = []

    init(regions: [Region], processes: [Process], parties: [Party], partyProcessCounts: [Int],
         mechanisms: [Mechanism], practices: [Practice], understandings: [Understanding]) {
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
                    detail: "under \(p.number). \(p.title)", texts: [item.title])
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
        // Alphabetical rank of the titles, for ties of score.
        let keys = entries.map { searchKey($0.title) }
        let order = entries.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        for (rank, e) in order.enumerated() { entries[e].titleRank = Int32(rank) }
    }

    private mutating func add(_ kind: SearchKind, _ ref: SearchRef, title: String, detail: String?, texts list: [String]) {
        let start = texts.count
        var mask: UInt64 = 0
        var seen = Set<[UInt32]>()
        for original in list {
            let folded = FoldedText(original)
            // The same text twice ("Bali Process" as name and alias) would only be matched twice.
            guard !folded.codes.isEmpty, seen.insert(folded.codes).inserted else { continue }
            let textMask = characterMask(folded.codes)
            mask |= textMask
            texts.append(Text(original: original, folded: folded, mask: textMask))
        }
        entries.append(Entry(kind: kind, ref: ref, title: title, detail: detail, texts: start..<texts.count, mask: mask,
                             titleRank: 0))
    }
}
