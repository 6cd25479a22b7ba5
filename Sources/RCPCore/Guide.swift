/// The paper's analysis (its body, not its tables) as guide records, and the "stated or editorial" basis of
/// the values rcpx infers. See docs/DATA.md, "Guide" and "Basis".

/// Whether a value is the paper's word or rcpx's inference.
public enum BasisKind: String, CaseIterable, Sendable, Hashable {
    /// The paper states it (a basis entry says where, or why it may look inferred).
    case stated
    /// rcpx infers or adds it; the reason says on what ground.
    case editorial
}

/// The basis of one field of a record: `field` names it ("year", "region", "topics.practices",
/// "participants.seecp", "note"); fields without an entry are stated by the paper.
public struct Basis: Sendable, Hashable {
    public var field: String
    public var kind: BasisKind
    /// One line: why the value is editorial, or where the paper states it.
    public var reason: String
    public init(field: String, kind: BasisKind, reason: String) {
        self.field = field; self.kind = kind; self.reason = reason
    }
}

extension Array where Element == Basis {
    /// The editorial entry for `field`, if the value is marked editorial.
    public func editorial(_ field: String) -> Basis? { first { $0.field == field && $0.kind == .editorial } }
    /// Every entry for `field` (a contradiction in the paper may give two stated entries).
    public func entries(_ field: String) -> [Basis] { filter { $0.field == field } }
}

/// The aspects under which the paper sorts RCPs (section B.1), each with its closed set of values.
public enum ClassificationAspect: String, CaseIterable, Sendable, Hashable {
    /// How wide the agenda is: "wide" or "narrow" (B.1.c).
    case focus
    /// What holds the members together: "geographic", "thematic" or "like-minded" (B.1.a, endnote 6).
    case grouping
    /// "permanent" or "rotating" chair (B.1.e).
    case chair
    /// "fixed", "rotating" or "none" (B.1.e).
    case secretariat
    /// "ministerial", "deputy-ministerial" or "senior-officials" (B.1.f).
    case meetingLevel = "meeting-level"

    public var values: [String] {
        switch self {
        case .focus: return ["wide", "narrow"]
        case .grouping: return ["geographic", "thematic", "like-minded"]
        case .chair: return ["permanent", "rotating"]
        case .secretariat: return ["fixed", "rotating", "none"]
        case .meetingLevel: return ["ministerial", "deputy-ministerial", "senior-officials"]
        }
    }

    public var label: String {
        switch self {
        case .focus: return "focus"
        case .grouping: return "grouping"
        case .chair: return "chair"
        case .secretariat: return "secretariat"
        case .meetingLevel: return "meeting level"
        }
    }
}

/// Where the paper puts a process in one of its classes, with the lines that say so.
public struct Classification: Sendable, Hashable {
    public var aspect: ClassificationAspect
    /// One of `aspect.values`.
    public var value: String
    /// The paper's section ("B.1.c", "Annex A, row 6").
    public var section: String
    public var lines: LineRange
    public init(aspect: ClassificationAspect, value: String, section: String, lines: LineRange) {
        self.aspect = aspect; self.value = value; self.section = section; self.lines = lines
    }
}

/// Lines `start...end` of the paper's text file (1-based).
public struct LineRange: Sendable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int
    public init(_ start: Int, _ end: Int) { self.start = start; self.end = end }
    /// "182–199", or "614" for one line.
    public var description: String { start == end ? String(start) : "\(start)–\(end)" }
}

/// One point the paper makes, in rcpx's words, with where it says it and the records it names.
public struct GuidePoint: Sendable, Hashable, Identifiable {
    /// "emergence.2": the topic's id, a dot, the point's position.
    public var id: String
    /// A short name for points of a structured list ("States-owned" for a characteristic); nil otherwise.
    public var label: String?
    public var text: String
    public var section: String
    public var lines: LineRange
    public var processes: [String]
    public var parties: [String]
    public var mechanisms: [String]
    public var events: [String]
    /// Other spellings to find this point by (the paper's own, e.g. a typo), not shown.
    public var searchTerms: [String]
    public init(
        id: String, label: String? = nil, text: String, section: String, lines: LineRange,
        processes: [String] = [], parties: [String] = [], mechanisms: [String] = [], events: [String] = [],
        searchTerms: [String] = []
    ) {
        self.id = id; self.label = label; self.text = text; self.section = section; self.lines = lines
        self.processes = processes; self.parties = parties; self.mechanisms = mechanisms; self.events = events
        self.searchTerms = searchTerms
    }

    /// True when the point names any record.
    public var hasLinks: Bool { !(processes.isEmpty && parties.isEmpty && mechanisms.isEmpty && events.isEmpty) }
}

/// One area of the paper's analysis: what an RCP is, their characteristics, their impact, …
public struct GuideTopic: Sendable, Hashable, Identifiable {
    public var id: String
    /// Position in the guide (1…), each once.
    public var number: Int
    public var title: String
    /// rcpx's own summary of the area.
    public var summary: String
    public var section: String
    public var lines: LineRange
    public var points: [GuidePoint]
    public init(
        id: String, number: Int, title: String, summary: String, section: String, lines: LineRange,
        points: [GuidePoint]
    ) {
        self.id = id; self.number = number; self.title = title; self.summary = summary; self.section = section
        self.lines = lines; self.points = points
    }
}

extension Catalog {
    /// The guide topics in their order (the explorer's Guide branch, `rcpx guide`).
    public var guideTopics: [GuideTopic] { dataset.guide.sorted { $0.number < $1.number } }

    public func guideTopic(id: String) -> GuideTopic? { dataset.guide.first { $0.id == id } }

    /// A guide point by its id, with its topic.
    public func guidePoint(id: String) -> (GuideTopic, GuidePoint)? {
        for topic in guideTopics { if let p = topic.points.first(where: { $0.id == id }) { return (topic, p) } }
        return nil
    }

    /// The guide points that name a process, in guide order, with their topics ("the paper says of this process").
    public func guidePoints(citingProcess id: String) -> [(topic: GuideTopic, point: GuidePoint)] {
        guideTopics.flatMap { t in t.points.filter { $0.processes.contains(id) }.map { (t, $0) } }
    }

    /// The guide points that name a party.
    public func guidePoints(citingParty id: String) -> [(topic: GuideTopic, point: GuidePoint)] {
        guideTopics.flatMap { t in t.points.filter { $0.parties.contains(id) }.map { (t, $0) } }
    }

    /// The guide points that name a mechanism (or one of its events).
    public func guidePoints(citingMechanism id: String) -> [(topic: GuideTopic, point: GuidePoint)] {
        let events = Set(mechanism(id: id)?.events.map(\.id) ?? [])
        return guideTopics.flatMap { t in
            t.points.filter { $0.mechanisms.contains(id) || $0.events.contains(where: events.contains) }.map { (t, $0) }
        }
    }

    /// A guide topic by id, number ("3") or words of its title ("impact"); nil when none or several match.
    public func resolveGuideTopic(_ query: String) -> [GuideTopic] {
        let q = query.trimmingSpaces
        if let t = guideTopic(id: q.lowercased()) { return [t] }
        if let n = Int(q) { return guideTopics.filter { $0.number == n } }
        let key = folded(q)
        if key.isEmpty { return [] }
        let exact = guideTopics.filter { folded($0.title) == key }
        if !exact.isEmpty { return exact }
        let words = key.split(separator: " ")
        return guideTopics.filter { t in
            let title = folded(t.title + " " + t.id.replacingDashes).split(separator: " ")
            return words.allSatisfy { w in title.contains { $0.hasPrefix(w) } }
        }
    }
}

/// Lower case, accents dropped, punctuation turned into single spaces.
private func folded(_ s: String) -> String {
    var out = String.UnicodeScalarView()
    for code in searchKey(s) { if let u = Unicode.Scalar(code) { out.append(u) } }
    return String(out).split(separator: " ").joined(separator: " ")
}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }
    var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }
}
