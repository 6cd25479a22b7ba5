/// Every dated record of the data set on one time line, in lanes by region, and a layout of it for a width.
///
/// The dated records are: each process's start year (the footnote groups too, where the paper gives one),
/// each global mechanism's start year, every event of a mechanism, and each dated status change of a process
/// (`Process.datedStatus`). Each appears exactly once. Lanes follow the regions in their order; the global
/// mechanisms have their own lane (the region `global`).

/// The dated records in chronological order, with their lanes.
public struct Timeline: Sendable, Hashable {
    /// The lanes shown: regions by order, the global lane last (as in the data's region order).
    public var lanes: [Region]
    /// By year, then by month and day where known (a year alone sorts first), then by lane, then by kind
    /// (starts, events, status changes), then in data order.
    public var entries: [TimelineEntry]

    public var firstYear: Int? { entries.first?.year }
    public var lastYear: Int? { entries.last?.year }

    /// The position of a lane by its region id.
    public func laneIndex(_ regionID: String) -> Int? { lanes.firstIndex { $0.id == regionID } }

    /// The entries of one lane (nil: every lane) between two years (inclusive; nil: open), with only the lanes
    /// that are asked for.
    public func filtered(region: String? = nil, from: Int? = nil, to: Int? = nil) -> Timeline {
        Timeline(
            lanes: lanes.filter { region == nil || $0.id == region },
            entries: entries.filter { e in
                (region == nil || e.lane == region) && (from.map { e.year >= $0 } ?? true)
                    && (to.map { e.year <= $0 } ?? true)
            })
    }

    /// The entries that concern a record: a process (its start, its status changes and the events it took
    /// part in), a mechanism (its start and events), or an event. Used to mark the selection on the time line.
    public func entries(concerning recordID: String, in catalog: Catalog) -> [TimelineEntry] {
        entries.filter { concerns($0, recordID, catalog) }
    }

    /// The first of `entries(concerning:in:)`, found without copying the others.
    public func firstEntry(concerning recordID: String, in catalog: Catalog) -> TimelineEntry? {
        entries.firstIndex { concerns($0, recordID, catalog) }.map { entries[$0] }
    }

    private func concerns(_ e: TimelineEntry, _ recordID: String, _ catalog: Catalog) -> Bool {
        if e.recordID == recordID || e.process == recordID || e.mechanism == recordID { return true }
        if let id = e.event, let (_, event) = catalog.event(id: id) { return event.processes.contains(recordID) }
        return false
    }
}

extension Catalog {
    /// The time line of every dated record (see `Timeline`).
    public func timeline() -> Timeline {
        var entries: [(key: [Int], entry: TimelineEntry)] = []
        let laneOrder = Dictionary(regions.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        func add(_ entry: TimelineEntry, kindOrder: Int) {
            let (month, day) = Self.monthDay(entry.date, year: entry.year)
            let key = [entry.year, month, day, laneOrder[entry.lane] ?? regions.count, kindOrder, entries.count]
            entries.append((key, entry))
        }
        for p in processes {
            if let year = p.year {
                add(
                    TimelineEntry(
                        id: "process:\(p.id)", kind: .processStart, year: year, date: nil, lane: p.region,
                        label: "\(p.shortName) starts", short: p.shortName, process: p.id, mechanism: nil,
                        event: nil, yearNote: p.yearNote, outsideMatrix: !p.inMatrix, planned: false,
                        source: p.source), kindOrder: 0)
            }
            for (i, s) in p.datedStatus.enumerated() {
                add(
                    TimelineEntry(
                        id: "status:\(p.id):\(i)", kind: .status, year: s.year, date: s.date, lane: p.region,
                        label: "\(p.shortName): \(s.text)", short: p.shortName,
                        process: p.id, mechanism: nil, event: nil, yearNote: nil,
                        outsideMatrix: !p.inMatrix, planned: s.planned, source: s.source), kindOrder: 2)
            }
        }
        let globalLane = regions.first { $0.id == "global" }?.id ?? "global"
        for m in mechanisms {
            if let year = m.year {
                add(
                    TimelineEntry(
                        id: "mechanism:\(m.id)", kind: .mechanismStart, year: year, date: nil,
                        lane: globalLane, label: "\(m.shortName) starts", short: m.shortName, process: nil,
                        mechanism: m.id, event: nil, yearNote: nil, outsideMatrix: false, planned: false,
                        source: m.source), kindOrder: 0)
            }
            for e in m.events {
                add(
                    TimelineEntry(
                        id: "event:\(e.id)", kind: .event, year: e.year, date: e.date, lane: globalLane,
                        label: "\(m.shortName): \(e.title)", short: Self.shortLabel(e, m), process: nil,
                        mechanism: m.id, event: e.id, yearNote: nil, outsideMatrix: false,
                        planned: isPlanned(e), source: e.source), kindOrder: 1)
            }
        }
        let sorted = entries.sorted { $0.key.lexicographicallyPrecedes($1.key) }.map(\.entry)
        let used = Set(sorted.map(\.lane))
        var lanes = regions.filter { used.contains($0.id) || $0.id != globalLane }
        // A data file without the global region still gets a lane for its mechanisms.
        if used.contains(globalLane) && !lanes.contains(where: { $0.id == globalLane }) {
            lanes.append(
                Region(
                    id: globalLane, name: "Global mechanisms", order: (lanes.map(\.order).max() ?? 0) + 1,
                    source: ""))
        }
        return Timeline(lanes: lanes, entries: sorted)
    }

    /// Month and day of a date "2004", "2004-12", "2004-12-16/17" (0 where not given).
    static func monthDay(_ date: String?, year: Int) -> (Int, Int) {
        guard let date else { return (0, 0) }
        let parts = date.split(separator: "-", omittingEmptySubsequences: false)
        func number(_ i: Int) -> Int {
            guard i < parts.count else { return 0 }
            return Int(parts[i].prefix { $0.isASCII && $0.isNumber }) ?? 0
        }
        return (number(1), number(2))
    }

    /// A label of a few words for an event: a name in parentheses or at the start of the title ("Berne I",
    /// "Berne II"), else the mechanism and what kind of event it is ("IDM ws").
    static func shortLabel(_ e: Event, _ m: Mechanism) -> String {
        if e.title.hasSuffix(")"), let open = e.title.lastIndex(of: "(") {
            let inner = e.title[e.title.index(after: open)..<e.title.index(before: e.title.endIndex)]
            if !inner.isEmpty && inner.count <= 12 { return String(inner) }
        }
        let words = e.title.split(separator: " ")
        if words.count >= 2, words[0] == m.shortName, words[1].allSatisfy({ $0 == "I" || $0 == "V" || $0 == "X" }) {
            return "\(words[0]) \(words[1])"
        }
        let kind: String
        switch e.kind {
        case .annualTheme: kind = "session"
        case .sessionWorkshop, .intersessionalWorkshop, .workshop: kind = "ws"
        case .panel: kind = "panel"
        case .conference: kind = "conf."
        case .consultation: kind = "consult."
        case .meeting: kind = "meeting"
        case .publication: kind = "study"
        }
        return "\(m.shortName) \(kind)"
    }

    /// An event still to come when the matrix was dated: its title or summary says it is proposed, planned or
    /// under consideration, or its date (to the month) is after the matrix date.
    func isPlanned(_ e: Event) -> Bool {
        let words = normalizeForSearch(e.title + " " + (e.summary ?? "")).split(separator: " ").map(String.init)
        if words.contains(where: { ["proposed", "planned", "consideration"].contains($0) }) { return true }
        let (month, _) = Self.monthDay(e.date, year: e.year)
        let (matrixMonth, _) = Self.monthDay(dataset.source.matrixDate, year: 0)
        guard let matrixYear = Int(dataset.source.matrixDate.prefix(4)) else { return false }
        return e.year > matrixYear || (e.year == matrixYear && month > 0 && matrixMonth > 0 && month > matrixMonth)
    }
}

// MARK: - Words for the time line

extension Region {
    /// The region's name for a lane heading: without a leading "The" and cut before " and " ("Europe",
    /// "Americas", "Western Mediterranean", "Asia"); "Global" for the global mechanisms.
    public var laneName: String {
        if id == "global" { return "Global" }
        var name = name
        if name.hasPrefix("The ") { name.removeFirst(4) }
        var words: [Substring] = []
        for word in name.split(separator: " ") {
            if word == "and" && !words.isEmpty { break }
            words.append(word)
        }
        return words.joined(separator: " ")
    }
}
