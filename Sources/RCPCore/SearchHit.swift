/// What a search hit is.
public enum SearchKind: String, CaseIterable, Sendable, Hashable, Comparable {
    // Declaration order is ranking order among hits of equal match quality.
    case process
    case party
    case region
    case mechanism
    case practice
    case practiceItem
    case understanding
    case event
    case topic
    case guidePoint = "guide-point"

    public var label: String {
        switch self {
        case .process: return "process"
        case .party: return "party"
        case .region: return "region"
        case .mechanism: return "mechanism"
        case .practice: return "practice"
        case .practiceItem: return "practice item"
        case .understanding: return "understanding"
        case .event: return "event"
        case .topic: return "topic"
        case .guidePoint: return "guide point"
        }
    }

    var rank: Int { SearchKind.allCases.firstIndex(of: self)! }
    public static func < (a: SearchKind, b: SearchKind) -> Bool { a.rank < b.rank }
}

/// Where a hit leads: the ids the UI needs to show the record.
public enum SearchRef: Sendable, Hashable {
    case process(String)
    case party(String)
    /// The `index`th topic of a process.
    case topic(processID: String, index: Int)
    case practice(String)
    case practiceItem(String)
    case understanding(String)
    case event(mechanismID: String, eventID: String)
    case mechanism(String)
    case region(String)
    /// A point of a guide topic (the paper's analysis).
    case guidePoint(topicID: String, pointID: String)
}

/// How well the query matched, best first.
public enum MatchQuality: Int, CaseIterable, Sendable, Hashable, Comparable {
    /// The whole text.
    case exact
    /// The start of the text.
    case prefix
    /// The start of a word inside the text.
    case word
    /// Anywhere inside the text.
    case substring
    /// Found with a misspelt word corrected ("budapset" → "budapest").
    case corrected
    /// The query's characters in order, close together (queries of 3 characters or more).
    case fuzzy

    public static func < (a: MatchQuality, b: MatchQuality) -> Bool { a.rawValue < b.rawValue }
}

/// One result of a search.
public struct SearchHit: Sendable, Hashable {
    public var kind: SearchKind
    public var ref: SearchRef
    /// What to show: a name or title.
    public var title: String
    /// A line of context ("Asia and the Pacific · since 2002", "topic of Bali Process").
    public var detail: String?
    /// The text that matched: the title, or an alias, code or other text of the record.
    public var matched: String
    /// The matched characters, as `Character` offsets into `matched`.
    public var ranges: [Range<Int>]
    /// Higher is better; hits are ordered by score, then by title.
    public var score: Int
    public var quality: MatchQuality
    /// The characters of `title` the query's words matched, as `Character` offsets (for highlighting).
    public var titleRanges: [Range<Int>]

    public init(
        kind: SearchKind, ref: SearchRef, title: String, detail: String?, matched: String,
        ranges: [Range<Int>], score: Int, quality: MatchQuality, titleRanges: [Range<Int>] = []
    ) {
        self.kind = kind; self.ref = ref; self.title = title; self.detail = detail; self.matched = matched
        self.ranges = ranges; self.score = score; self.quality = quality; self.titleRanges = titleRanges
    }
}
