import RCPCore

/// What the detail card shows.
public enum Subject: Sendable, Hashable {
    /// The welcome card: the source, the counts, how to start.
    case overview
    case region(String)
    case process(String)
    case party(String)
    case mechanism(String)
    case event(String)
    case practice(String)
    case practiceItem(String)
    case understanding(String)
    /// A guide topic: the paper's analysis of one area (its id).
    case guide(String)

    /// The file `Y` writes the card to, inside the state folder: "cards/process-bali.txt".
    public var fileName: String {
        let (kind, id): (String, String)
        switch self {
        case .overview: (kind, id) = ("overview", "rcpx")
        case .region(let i): (kind, id) = ("region", i)
        case .process(let i): (kind, id) = ("process", i)
        case .party(let i): (kind, id) = ("party", i)
        case .mechanism(let i): (kind, id) = ("mechanism", i)
        case .event(let i): (kind, id) = ("event", i)
        case .practice(let i): (kind, id) = ("practice", i)
        case .practiceItem(let i): (kind, id) = ("practice-item", i)
        case .understanding(let i): (kind, id) = ("understanding", i)
        case .guide(let i): (kind, id) = ("guide", i)
        }
        let safe = String(id.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") ? $0 : "-" })
        return "cards/\(kind)-\(safe.hasPrefix(".") ? "-" + safe : safe).txt"
    }

    /// Where a search hit leads.
    public init(_ ref: SearchRef) {
        switch ref {
        case .process(let id): self = .process(id)
        case .party(let id): self = .party(id)
        case .topic(let processID, _): self = .process(processID)
        case .practice(let id): self = .practice(id)
        case .practiceItem(let id): self = .practiceItem(id)
        case .understanding(let id): self = .understanding(id)
        case .event(_, let eventID): self = .event(eventID)
        case .mechanism(let id): self = .mechanism(id)
        case .region(let id): self = .region(id)
        case .guidePoint(let topicID, _): self = .guide(topicID)
        }
    }

    /// The card's title for the subject: "Process: Bali", "State: Ghana".
    public func title(_ env: PaneEnv) -> String {
        let c = env.catalog
        switch self {
        case .overview: return "Overview"
        case .region(let id): return "Region: " + (c.region(id: id)?.name ?? TreeModel.globalName)
        case .process(let id): return "Process: " + (c.process(id: id)?.shortName ?? id)
        case .party(let id):
            guard let p = c.party(id: id) else { return id }
            return (p.kind == .organization ? "Organization: " : p.kind == .territory ? "Territory: " : "State: ") + env.name(p)
        case .mechanism(let id): return "Mechanism: " + (c.mechanism(id: id)?.shortName ?? id)
        case .event(let id): return "Event: " + (c.event(id: id)?.1.title ?? id)
        case .practice(let id): return "Practice " + (c.practice(id: id).map { String($0.number) } ?? id)
        case .practiceItem(let id): return "Practice " + (ChecklistItemID.displayNumber(id) ?? id)
        case .understanding(let id): return "Understanding " + (c.understanding(id: id).map { String($0.number) } ?? id)
        case .guide(let id): return "Guide: " + (c.guideTopic(id: id)?.title ?? id)
        }
    }

    /// The id of the record (nil for the overview).
    public var recordID: String? {
        switch self {
        case .process(let id), .party(let id), .region(let id), .mechanism(let id), .event(let id),
             .practice(let id), .practiceItem(let id), .understanding(let id), .guide(let id): return id
        case .overview: return nil
        }
    }

    /// Whether the catalog has the record (the overview always exists).
    func exists(in catalog: Catalog) -> Bool {
        switch self {
        case .overview: return true
        case .region(let id): return catalog.region(id: id) != nil || id == TreeModel.globalID
        case .process(let id): return catalog.process(id: id) != nil
        case .party(let id): return catalog.party(id: id) != nil
        case .mechanism(let id): return catalog.mechanism(id: id) != nil
        case .event(let id): return catalog.event(id: id) != nil
        case .practice(let id): return catalog.practice(id: id) != nil
        case .practiceItem(let id): return catalog.practiceItem(id: id) != nil
        case .understanding(let id): return catalog.understanding(id: id) != nil
        case .guide(let id): return catalog.guideTopic(id: id) != nil
        }
    }
}

/// What panes read while handling actions and rendering: the data and the display settings in force.
public struct PaneEnv: Sendable {
    public let catalog: Catalog
    public let ascii: Bool
    public let symbols: Symbols
    /// The search query whose matches are highlighted, if any.
    public let highlight: String?
    /// What the filter narrowing the tree and the matrix matches, if a filter is in force.
    public let filterMatch: FilterMatch?
    public let presentation: Bool
    /// Ids of the processes and parties marked for comparison (`x`): shown with a mark wherever listed.
    public var marked: Set<String> = []

    init(catalog: Catalog, ascii: Bool, highlight: String?, filter: FilterMatch?, presentation: Bool,
         marked: Set<String> = []) {
        self.catalog = catalog; self.ascii = ascii; self.symbols = Symbols(ascii: ascii)
        self.highlight = highlight; self.filterMatch = filter; self.presentation = presentation
        self.marked = marked
    }

    /// The mark before a marked record's name ("▪ ", or "x " in ASCII), or nothing.
    public func markPrefix(_ id: String) -> String { marked.contains(id) ? (ascii ? "x " : "▪ ") : "" }

    /// The filter text in force, if any.
    public var filter: String? { filterMatch?.text }

    /// Text as it will be drawn (control characters made visible, transliterated in ASCII mode), so that
    /// measuring it measures what is drawn and no string from a file or a user can drive the terminal.
    public func t(_ s: String) -> String {
        let shown = DisplayText.safe(s)
        return ascii ? ASCIIFold.fold(shown) : shown
    }

    /// A party's name as drawn: its own ASCII transliteration in ASCII mode.
    public func name(_ party: Party) -> String { ascii ? (party.asciiName ?? ASCIIFold.fold(party.name)) : party.name }

    /// The name of a party by id (the id itself when unknown).
    public func partyName(_ id: String) -> String { catalog.party(id: id).map(name) ?? id }

    /// Rows between items: 2 in presentation mode (a gap), else 1.
    public var rowHeight: Int { presentation ? 2 : 1 }

    /// `line` with every match of the search query restyled as a match (bold, underlined).
    public func highlighted(_ line: Line) -> Line {
        guard let q = highlight, !q.isEmpty else { return line }
        return Highlight.apply(searchHighlightRanges(of: q, in: line.plain), to: line)
    }

    /// Whether a party passes the filter (true when there is none).
    public func partyPasses(_ id: String) -> Bool { filterMatch?.parties.contains(id) ?? true }
}

/// Restyling character ranges of a line.
public enum Highlight {
    /// `line` with the Characters at `ranges` (offsets into `line.plain`) in the match style.
    public static func apply(_ ranges: [Range<Int>], to line: Line, style: Style = .match) -> Line {
        guard !ranges.isEmpty else { return line }
        var out: Line = []
        var offset = 0
        for span in line {
            var current = ""
            var currentIsMatch = false
            func flush() {
                guard !current.isEmpty else { return }
                out.append(Span(current, currentIsMatch ? Widgets.merge(style, into: span.style).with(.match) : span.style))
                current = ""
            }
            for ch in span.text {
                let isMatch = ranges.contains { $0.contains(offset) }
                if isMatch != currentIsMatch { flush(); currentIsMatch = isMatch }
                current.append(ch)
                offset += 1
            }
            flush()
        }
        return out
    }
}
