import RCPCore

/// One logical line of a card: styled text that wraps to the width, optionally naming a record (a link).
public struct CardLine: Sendable, Hashable {
    public var spans: Line
    /// Columns before the first row.
    public var indent: Int
    /// Columns before the following rows.
    public var hanging: Int
    /// What Enter on this line opens.
    public var link: Subject?
    /// Items laid out side by side in as many columns as the width takes (a member list in presentation
    /// mode), running down each column; `spans` then holds them one after another for copying.
    public var flow: [Line]?

    public init(_ spans: Line, indent: Int = 0, hanging: Int? = nil, link: Subject? = nil) {
        self.spans = spans; self.indent = indent; self.hanging = hanging ?? indent; self.link = link
    }

    /// A line of items flowed into columns.
    public init(flow items: [Line], indent: Int) {
        self.init(Array(items.map { $0 + [Span("; ")] }.joined().dropLast()), indent: indent)
        flow = items
    }

    public var isBlank: Bool { spans.allSatisfy { $0.text.isEmpty } }
    public var plain: String { spans.plain }
}

/// Collects the lines of a card.
struct CardBuilder {
    let env: DisplayEnvironment
    var lines: [CardLine] = []

    init(_ env: DisplayEnvironment) { self.env = env }

    var s: Symbols { env.symbols }
    func shown(_ text: String) -> String { env.shown(text) }

    mutating func blank() { if let last = lines.last, !last.isBlank { lines.append(CardLine([])) } }

    mutating func title(_ text: String) { lines.append(CardLine([Span(shown(text), Style(.title, bold: true))])) }

    mutating func text(_ text: String, style: Style = .normal, indent: Int = 0, link: Subject? = nil) {
        guard !text.isEmpty else { return }
        lines.append(CardLine([Span(shown(text), style)], indent: indent, link: link))
    }

    /// A section heading, after a blank line: "Members — 16 of 16 (Total: 16 + Hong Kong)".
    mutating func heading(_ text: String, detail: String = "") {
        blank()
        var spans = [Span(shown(text), .heading)]
        if !detail.isEmpty { spans.append(Span(" " + shown(detail), Style(.dim))) }
        lines.append(CardLine(spans))
    }

    /// "Label: value", the value wrapping under itself.
    mutating func field(_ label: String, _ value: String, link: Subject? = nil) {
        guard !value.isEmpty else { return }
        let l = shown(label) + ": "
        lines.append(
            CardLine(
                [Span(l, Style(.dim, bold: true)), Span(shown(value))], indent: 0,
                hanging: min(TextWidth.of(l), 14), link: link))
    }

    /// An item of a list: a glyph (or bullet), a name, and a detail, indented; a link when it names a record.
    mutating func item(
        _ glyph: String, _ name: String, _ detail: String = "", link: Subject? = nil,
        glyphStyle: Style = Style(.dim), indent: Int = 2
    ) {
        var spans: Line = [
            Span(glyph + " ", glyphStyle), Span(shown(name), link == nil ? .normal : Style(.normal, bold: true)),
        ]
        if !detail.isEmpty { spans.append(Span(" — " + shown(detail), Style(.dim))) }
        if env.ascii { spans = spans.map { Span(ASCIIFold.fold($0.text), $0.style) } }
        lines.append(CardLine(spans, indent: indent, hanging: indent + TextWidth.of(glyph) + 1, link: link))
    }

    mutating func bullet(_ text: String, link: Subject? = nil) { item(s.bullet, text, link: link) }

    /// A section of events, each a link: "title — mechanism, date".
    mutating func events(_ title: String, _ list: [(mechanism: Mechanism, event: Event)]) {
        guard !list.isEmpty else { return }
        heading(title)
        for (m, e) in list {
            item(s.bullet, e.title, "\(m.shortName), \(e.date ?? String(e.year))", link: .event(e.id))
        }
    }

    mutating func source(_ provenance: String) {
        blank()
        lines.append(
            CardLine(
                [Span(shown("Source: "), Style(.dim, bold: true)), Span(shown(provenance), Style(.dim))], hanging: 8))
    }

    /// The roles of a participation in words: "member, co-chair (through SIDA)".
    func roles(_ p: Participation) -> String { roles(p.roles, note: p.note) }

    func roles(_ roles: [Role], note: String?) -> String {
        var text = roles.sorted().map(\.label).joined(separator: ", ")
        if let note, !note.isEmpty { text += " (\(note))" }
        return text
    }

    func mark(_ roles: [Role]) -> (String, Style) {
        guard let m = RoleMark.strongest(roles) else { return (s.bullet, Style(.dim)) }
        return (s.glyph(m), Style(m.styleRole, bold: true))
    }

    /// Participants grouped by role, each group with its count (against the printed total for members and
    /// interested states).
    mutating func participants(
        _ list: [(party: Party, participation: Participation)], total: StatedTotal?,
        bases: [Basis] = []
    ) {
        let plus = Set(total?.plus ?? [])
        let leaders = list.filter { $0.participation.roles.contains(where: \.isLeadership) }
        let groups: [(String, (Role) -> Bool)] = [
            ("Members", { $0 == .member }),
            ("Interested states", { $0 == .interestedState }),
            ("Participants", { $0 == .participant }),
            ("Observers", { $0 == .observer }),
            ("Secretariat and coordination", { $0 == .secretariat || $0 == .coordinator }),
        ]
        // Presentation: what the glyphs mean, before the lists that use them.
        if env.presentation { roleLegend(list.flatMap(\.participation.roles)) }
        if !leaders.isEmpty {
            heading("Chair and presidency", detail: "(\(leaders.count))")
            for (party, p) in leaders {
                let (g, st) = mark(p.roles)
                item(
                    g, env.name(party), roles(p.roles.filter(\.isLeadership), note: p.note), link: .party(party.id),
                    glyphStyle: st)
            }
        }
        var placed = Set<String>()
        for (name, test) in groups {
            let members = list.filter { e in e.participation.roles.contains(where: test) && !placed.contains(e.party.id)
            }
            guard !members.isEmpty else { continue }
            members.forEach { placed.insert($0.party.id) }
            var detail = "(\(members.count))"
            if name == "Members", let total {
                let counted = members.filter { !plus.contains($0.party.id) }.count
                detail = "— \(counted) of \(total.members) (\(total.text))"
            } else if name == "Interested states", let total, total.interested > 0 {
                detail = "— \(members.count) of \(total.interested)"
            }
            heading(name, detail: detail)
            // Presentation: a long list in columns, glyph and name only (the legend says what glyphs mean).
            if env.presentation && members.count > 6 {
                let items = members.map { (party, p) -> Line in
                    let (g, st) = mark(p.roles)
                    return [Span(g + " ", st), Span(shown(env.name(party)), Style(.normal, bold: true))]
                }
                lines.append(
                    CardLine(
                        flow: env.ascii ? items.map { $0.map { Span(ASCIIFold.fold($0.text), $0.style) } } : items,
                        indent: 2))
                continue
            }
            for (party, p) in members {
                let (g, st) = mark(p.roles)
                var words: [String] = []
                let extra = p.roles.filter { !test($0) && !$0.isLeadership && $0 != .member }
                if !extra.isEmpty { words.append(extra.sorted().map(\.label).joined(separator: ", ")) }
                if p.roles.contains(where: \.isLeadership) {
                    words.append(p.roles.filter(\.isLeadership).map(\.label).joined(separator: ", "))
                }
                if plus.contains(party.id) { words.append("outside the printed number") }
                if party.kind != .state { words.append(party.kind.rawValue) }
                // A leader's note is already shown under "Chair and presidency".
                if let note = p.note, !note.isEmpty, !p.roles.contains(where: \.isLeadership) { words.append(note) }
                if bases.editorial("participants." + party.id) != nil { words.append(env.editorialMark + " editorial") }
                item(g, env.name(party), words.joined(separator: "; "), link: .party(party.id), glyphStyle: st)
            }
        }
    }

    /// What the role glyphs on the card mean (presentation mode: a room cannot ask).
    mutating func roleLegend(_ roles: [Role]) {
        let shown = RoleMark.legendOrder.filter { m in roles.contains { RoleMark.strongest([$0]) == m } }
        guard !shown.isEmpty else { return }
        blank()
        var spans: Line = []
        for m in shown {
            if !spans.isEmpty { spans.append(Span("   ")) }
            spans.append(Span(s.glyph(m) + " ", Style(m.styleRole, bold: true)))
            spans.append(Span(m.label))
        }
        lines.append(CardLine(spans, indent: 2))
    }
}
