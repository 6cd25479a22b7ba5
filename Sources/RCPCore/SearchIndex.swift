/// Everything the search looks at, folded once when the catalog is built: one entry per thing a hit can lead
/// to, each with the texts it can be found by (name, short name, aliases, codes, …) and perhaps a context entry
/// whose texts help a query match but cannot make a hit alone (a topic's process, an event's mechanism, a
/// sub-heading's heading: "trafficking budapest"). The context is shared, not copied.
///
/// The scan reads only the plain arrays (masks, bounds, ranks, codes), so it runs without reference counting;
/// titles, refs and original texts are read only for the hits shown.
struct SearchIndex: Sendable {
    struct Entry: Sendable {
        var kind: SearchKind
        var ref: SearchRef
        var title: String
        var detail: String?
        var partyKind: PartyKind?
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
    /// Per entry: the ranking class (0 process, party, mechanism, region; 1 topic; 2 the rest).
    private(set) var entryClasses: [Int32] = []
    /// Per entry: position of its title in alphabetical order (ties of score are broken by it).
    private(set) var entryTitleRanks: [Int32] = []
    /// Entry `e`'s texts are `entryTextBounds[e] ..< entryTextBounds[e + 1]` (the first its title, when the
    /// title is searched).
    private(set) var entryTextBounds: [Int32] = [0]
    /// Per entry: its kind and party kind (for `kind:` filters, read without touching the strings of `entries`).
    private(set) var entryKinds: [SearchKind] = []
    private(set) var entryPartyKinds: [PartyKind?] = []
    /// Per entry: the entry whose texts are its context, or -1.
    private(set) var entryContexts: [Int32] = []
    /// Entry `e`'s regions (positions in the catalog's regions) are `regionList[regionBounds[e] ..< regionBounds[e + 1]]`.
    private(set) var regionBounds: [Int32] = [0]
    private(set) var regionList: [Int32] = []
    /// Per text: its character mask.
    private(set) var textMasks: [UInt64] = []
    /// Text `t`'s folded codes are `codes[textBounds[t] ..< textBounds[t + 1]]`.
    private(set) var textBounds: [Int32] = [0]
    /// The folded codes of every text, one after the other.
    private(set) var codes: [UInt32] = []

    /// Every distinct folded word of every text, sorted, with the number of texts holding it (typo correction).
    private(set) var vocabulary: [[UInt32]] = []
    private(set) var vocabularyCounts: [Int32] = []
    /// Folded synonym word → the folded phrases it stands for.
    private(set) var synonyms: [FoldedKey: [[UInt32]]] = [:]

    var entryCount: Int { entries.count }

    func codes(ofText t: Int) -> ArraySlice<UInt32> { codes[Int(textBounds[t])..<Int(textBounds[t + 1])] }

    /// The original `Character` range of the folded range `r` (not empty) of text `t`.
    func originalRange(text t: Int, _ r: Range<Int>) -> Range<Int> {
        guard let offsets = texts[t].offsets else { return r }
        return Int(offsets[r.lowerBound])..<Int(offsets[r.upperBound - 1]) + 1
    }

    func regions(ofEntry e: Int) -> ArraySlice<Int32> { regionList[Int(regionBounds[e])..<Int(regionBounds[e + 1])] }

    /// - Parameter statesInNoProcess: the UN member states of 2005 the data does not name (`Catalog.statesInNoProcess`),
    ///   found as parties of kind state, by name and ISO code, leading to `.party(state.id)`.
    init(
        regions: [Region], processes: [Process], parties: [Party], partyProcessCounts: [Int],
        statesInNoProcess: [CoverageGap] = [], mechanisms: [Mechanism], practices: [Practice],
        understandings: [Understanding], guide: [GuideTopic] = [],
        synonyms list: [SearchSynonym] = []
    ) {
        let regionNames = Dictionary(regions.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let regionPositions = Dictionary(
            regions.enumerated().map { ($1.id, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        let global = regionPositions["global"].map { [$0] } ?? []
        // The regions of the processes (and mechanisms) each party takes part in.
        var partyRegions: [String: Set<Int32>] = [:]
        for p in processes {
            guard let r = regionPositions[p.region] else { continue }
            for part in p.participants { partyRegions[part.party, default: []].insert(r) }
        }
        for m in mechanisms { for part in m.participants { partyRegions[part.party, default: []].formUnion(global) } }
        var words: [FoldedKey: Int32] = [:]
        var processEntries: [String: Int32] = [:]
        var mechanismEntries: [String: Int32] = [:]

        for p in processes {
            processEntries[p.id] = Int32(entries.count)
            var detail = regionNames[p.region] ?? p.region
            if let year = p.year { detail += " · since \(year)" }
            if !p.inMatrix { detail += " · outside the matrix" }
            add(
                .process, .process(p.id), title: p.name, detail: detail,
                texts: [p.name, p.shortName] + p.aliases + (p.number.map { [String($0)] } ?? []),
                regions: regionPositions[p.region].map { [$0] } ?? [], words: &words)
        }
        for (i, p) in parties.enumerated() {
            let count = partyProcessCounts[i]
            let detail = "\(p.kind.rawValue) · \(count) process\(count == 1 ? "" : "es")"
            add(
                .party, .party(p.id), title: p.name, detail: detail,
                texts: [p.name] + p.aliases + [p.iso3, p.asciiName].compactMap { $0 },
                regions: (partyRegions[p.id] ?? []).sorted(), partyKind: p.kind, words: &words)
        }
        for s in statesInNoProcess {
            add(
                .party, .party(s.id), title: s.name, detail: "state · in no process", texts: [s.name, s.iso3],
                partyKind: .state, words: &words)
        }
        for (i, r) in regions.enumerated() {
            let count = processes.filter { $0.region == r.id }.count
            add(
                .region, .region(r.id), title: r.name, detail: "region · \(count) process\(count == 1 ? "" : "es")",
                texts: [r.name], regions: [Int32(i)], words: &words)
        }
        for m in mechanisms {
            mechanismEntries[m.id] = Int32(entries.count)
            add(
                .mechanism, .mechanism(m.id), title: m.name, detail: "global mechanism",
                texts: [m.name, m.shortName] + m.aliases,
                regions: global, words: &words)
        }
        for p in practices {
            let practiceEntry = Int32(entries.count)
            add(
                .practice, .practice(p.id), title: p.title, detail: "effective practice \(p.number)",
                texts: [p.title, String(p.number), p.id], words: &words)
            for item in p.items {
                add(
                    .practiceItem, .practiceItem(item.id), title: item.title,
                    detail: "under \(p.number). \(p.title)", texts: [item.title] + (item.paperTitle.map { [$0] } ?? []),
                    context: practiceEntry, words: &words)
            }
        }
        for u in understandings {
            add(
                .understanding, .understanding(u.id), title: "Common understanding \(u.number)", detail: u.summary,
                texts: [u.summary], words: &words)
        }
        for m in mechanisms {
            for e in m.events {
                add(
                    .event, .event(mechanismID: m.id, eventID: e.id), title: e.title,
                    detail: "\(m.shortName) \(e.kind.label) · " + (e.date ?? String(e.year))
                        + (e.place.map { " · " + $0 } ?? ""),
                    texts: [e.title] + (e.place.map { [$0] } ?? []), context: mechanismEntries[m.id] ?? -1,
                    regions: global, words: &words)
            }
        }
        for p in processes {
            let region = regionPositions[p.region].map { [$0] } ?? []
            for (i, topic) in p.topics.enumerated() {
                add(
                    .topic, .topic(processID: p.id, index: i), title: topic.label, detail: "topic of \(p.shortName)",
                    texts: [topic.label], context: processEntries[p.id] ?? -1, regions: region, words: &words)
            }
        }
        for t in guide {
            for p in t.points {
                add(
                    .guidePoint, .guidePoint(topicID: t.id, pointID: p.id),
                    title: p.label.map { $0 + ": " + p.text } ?? p.text,
                    detail: "guide \(t.number). \(t.title) · \(p.section), lines \(p.lines)",
                    texts: [p.text] + (p.label.map { [$0] } ?? []) + p.searchTerms + [t.title], words: &words)
            }
        }
        // Alphabetical rank of the titles, for ties of score.
        let keys = entries.map { searchKey($0.title) }
        let order = entries.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        for (rank, e) in order.enumerated() { entryTitleRanks[e] = Int32(rank) }

        let sortedWords = words.sorted { $0.key.codes.lexicographicallyPrecedes($1.key.codes) }
        vocabulary = sortedWords.map(\.key.codes)
        vocabularyCounts = sortedWords.map(\.value)
        for s in list {
            let key = searchKey(s.word)
            guard !key.isEmpty else { continue }
            let means = s.means.map(searchKey).filter { !$0.isEmpty && $0 != key }
            synonyms[FoldedKey(key), default: []] += means
        }
    }

    private mutating func add(
        _ kind: SearchKind, _ ref: SearchRef, title: String, detail: String?, texts list: [String],
        context: Int32 = -1, regions: [Int32] = [], partyKind: PartyKind? = nil,
        words: inout [FoldedKey: Int32]
    ) {
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
            for word in folded.codes.split(separator: space) { words[FoldedKey(Array(word)), default: 0] += 1 }
        }
        if context >= 0 { mask |= entryMasks[Int(context)] }
        entries.append(Entry(kind: kind, ref: ref, title: title, detail: detail, partyKind: partyKind))
        entryMasks.append(mask)
        switch kind {
        case .process, .party, .mechanism, .region: entryClasses.append(0)
        case .topic: entryClasses.append(1)
        default: entryClasses.append(2)
        }
        entryTitleRanks.append(0)
        entryTextBounds.append(Int32(texts.count))
        entryContexts.append(context)
        entryKinds.append(kind)
        entryPartyKinds.append(partyKind)
        regionList.append(contentsOf: regions)
        regionBounds.append(Int32(regionList.count))
    }
}
