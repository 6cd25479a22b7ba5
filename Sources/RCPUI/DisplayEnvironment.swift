import RCPCore

/// What panes read while handling actions and rendering: the data and the display settings in force.
public struct DisplayEnvironment: Sendable {
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

    init(
        catalog: Catalog, ascii: Bool, highlight: String?, filter: FilterMatch?, presentation: Bool,
        marked: Set<String> = []
    ) {
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
    public func shown(_ s: String) -> String {
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
