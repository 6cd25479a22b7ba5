import RCPCore

/// Marks and the side-by-side comparison: `x` marks the process or party under the cursor (tree, matrix,
/// card), `C` compares the 2–4 marked ones in an overlay (`Catalog.compare`), Esc clears the marks.
extension ComparisonSubject {
    /// The id of the marked process or party.
    var id: String {
        switch self {
        case .process(let id), .party(let id): return id
        }
    }
}

public struct ComparisonState: Sendable, Hashable {
    public var subjects: [ComparisonSubject]
    public var offset = 0
}

extension AppState {
    /// The process or party the focused pane has under its cursor, for `x`.
    func markable() -> ComparisonSubject? {
        switch panes[focus].cursorSubject(context(focus)) ?? card.subject {
        case .process(let id): return .process(id)
        case .party(let id): return .party(id)
        default: return nil
        }
    }

    /// The name of a marked record.
    func markName(_ m: ComparisonSubject) -> String {
        switch m {
        case .process(let id): return catalog.process(id: id)?.shortName ?? id
        case .party(let id): return catalog.party(id: id).map(env.name) ?? id
        }
    }

    mutating func toggleMark() {
        guard let m = markable() else {
            say(
                "Nothing to mark here: \(KeyBindings.firstKey(.mark)) marks a process or a state (tree, matrix, card, map).",
                error: true)
            return
        }
        if let i = marks.firstIndex(of: m) {
            marks.remove(at: i)
        } else if marks.count >= 4 {
            say(
                "Four are marked already: \(KeyBindings.firstKey(.compare)) compares them, \(KeyBindings.firstKey(.cancel)) clears the marks.",
                error: true)
            return
        } else {
            marks.append(m)
        }
        let names = marks.map(markName).joined(separator: ", ")
        say(
            marks.isEmpty
                ? "No marks."
                : "Marked: \(names)"
                    + (marks.count >= 2
                        ? " — \(KeyBindings.firstKey(.compare)) compares them."
                        : " — mark one to three more to compare."))
    }

    mutating func openComparison() {
        do {
            _ = try catalog.compare(marks)
            overlay = .comparison(ComparisonState(subjects: marks))
        } catch {
            say(
                "Compare: \(error.description). Mark 2–4 processes, or 2–4 states, with \(KeyBindings.firstKey(.mark)).",
                error: true)
        }
    }
}

/// The lines of the comparison overlay.
enum ComparisonLines {
    static func lines(_ state: ComparisonState, catalog c: Catalog, env: DisplayEnvironment, width: Int) -> [Line] {
        guard let comparison = try? c.compare(state.subjects) else { return [] }
        var out: [Line] = []
        func heading(_ text: String) {
            if !out.isEmpty { out.append([]) }; out.append([Span(env.shown(text), .heading)])
        }
        func text(_ t: String, _ style: Style = .normal) {
            for l in Wrap.lines(env.shown(t), width: max(10, width), style: style) { out.append(l) }
        }
        func roles(_ r: [Role]?) -> String { r.map { $0.sorted().map(\.label).joined(separator: ", ") } ?? "—" }
        switch comparison {
        case .processes(let p):
            let names = p.processes.map(\.shortName)
            let colWidth = max(10, (width - 2) / max(1, names.count))
            func row(_ cells: [String], _ style: Style = .normal) {
                var line: Line = []
                for cell in cells {
                    line.append(
                        Span(
                            TextWidth.pad(env.shown(cell), width: colWidth - 1, ellipsis: env.symbols.ellipsis) + " ",
                            style))
                }
                out.append(line)
            }
            row(names, Style(.title, bold: true))
            row(p.facts.map { "\($0.regionName)" }, Style(.dim))
            row(p.facts.map { "since " + ($0.process.year.map(String.init) ?? "—") })
            row(p.facts.map { "\($0.members) members, \($0.observers) observers" })
            row(
                p.facts.map { f in
                    "led by: " + (f.leaders.map { env.name($0.party) }.joined(separator: ", ").nilIfEmpty ?? "—")
                })
            row(p.facts.map { "secretariat: " + $0.process.secretariat })
            row(p.facts.map { "IOM: " + ($0.process.iomRole ?? "—") })
            func byRegion(_ group: ComparedGroup) {
                guard let t = p.regionTotals.first(where: { $0.group == group }), t.total > 0 else { return }
                text("by region (UN continent): " + Self.regionWords(t), Style(.dim))
            }
            heading("In all \(names.count) (\(p.inAll.count))")
            byRegion(.all)
            text(p.inAll.map { env.name($0.party) }.joined(separator: ", ").nilIfEmpty ?? "none")
            heading("In some (\(p.inSome.count))")
            byRegion(.some)
            for e in p.inSome {
                let inWhich = zip(names, e.roles).compactMap { n, r in r.map { "\(n) (\(roles($0)))" } }.joined(
                    separator: ", ")
                text("\(env.name(e.party)) — \(inWhich)")
            }
            heading("In only one (\(p.onlyOne.count))")
            byRegion(.one)
            for (i, name) in names.enumerated() {
                let only = p.onlyOne.filter { $0.roles.indices.contains(i) && $0.roles[i] != nil }
                text(
                    "\(name) (\(only.count)): "
                        + (only.map { env.name($0.party) }.joined(separator: ", ").nilIfEmpty ?? "none"))
            }
            heading("The matrix narrowed to them (\(p.byCount.count); most processes first)")
            out += narrowedMatrix(p, env: env, width: width)
            let sharedHeadings = p.practices.filter { $0.count == names.count }
            heading("IAMM headings discussed by all (\(sharedHeadings.count); \(env.editorialMark) editorial links)")
            text(sharedHeadings.map(\.label).joined(separator: "; ").nilIfEmpty ?? "none")
            let notShared = p.practices.filter { $0.count < names.count }
            heading("IAMM headings discussed by some only (\(notShared.count))")
            for h in notShared {
                text("\(h.label) — " + zip(names, h.present).compactMap { $1 ? $0 : nil }.joined(separator: ", "))
            }
            let sharedTopics = p.topics.filter { $0.count > 1 }
            heading("Topics in more than one (\(sharedTopics.count))")
            for t in sharedTopics {
                text("\(t.label) — " + zip(names, t.present).compactMap { $1 ? $0 : nil }.joined(separator: ", "))
            }
        case .parties(let p):
            let names = p.parties.map(env.name)
            heading("Processes of " + names.joined(separator: ", "))
            for (i, n) in names.enumerated() {
                text("\(n): " + c.participationCount(of: p.parties[i].id).sentence)
            }
            heading("Shared by all (\(p.shared.count))")
            text(p.shared.map(\.process.shortName).joined(separator: ", ").nilIfEmpty ?? "none")
            heading("Process by process")
            for r in p.rows {
                text(
                    r.process.shortName + ": "
                        + zip(names, r.roles).map { "\($0) \(roles($1))" }.joined(separator: "; "))
            }
        }
        return out
    }
}

extension ComparisonLines {
    /// "Asia 10, Oceania 2, organizations 3".
    static func regionWords(_ t: RegionTotals) -> String {
        t.areas.map { "\($0.area.label) \($0.count)" }.joined(separator: ", ")
    }

    /// The membership matrix cut down to the compared processes: one row per participant (in the most of them
    /// first, then by name), one column per process with the membership matrix's role glyph, the number of the
    /// compared processes the party is in, and a legend of the glyphs used.
    static func narrowedMatrix(_ p: ProcessComparison, env: DisplayEnvironment, width: Int) -> [Line] {
        let s = env.symbols
        let rows = p.byCount
        let n = p.processes.count
        let colWidth = min(10, max(4, p.processes.map { TextWidth.of(env.shown($0.shortName)) }.max() ?? 4)) + 1
        let countWidth = 3
        let longest = rows.map { TextWidth.of(env.name($0.party)) }.max() ?? 10
        let nameWidth = max(8, min(longest + 1, 44, width - n * colWidth - countWidth))
        var out: [Line] = []
        var header: Line = [Span(String(repeating: " ", count: nameWidth))]
        for process in p.processes {
            header.append(
                Span(
                    TextWidth.pad(env.shown(process.shortName), width: colWidth - 1, ellipsis: s.ellipsis) + " ",
                    Style(.title, bold: true)))
        }
        header.append(Span(TextWidth.padLeft("n", width: countWidth), Style(.dim, bold: true)))
        out.append(header)
        var used = Set<RoleMark>()
        for row in rows {
            var line: Line = [
                Span(TextWidth.pad(env.name(row.party), width: nameWidth - 1, ellipsis: s.ellipsis) + " ")
            ]
            for roles in row.roles {
                let cell: Span
                if let roles, let mark = RoleMark.strongest(roles) {
                    used.insert(mark)
                    cell = Span(s.glyph(mark), Style(mark.styleRole, bold: true))
                } else {
                    cell = Span(s.emptyCell, Style(.dim))
                }
                line.append(cell)
                line.append(Span(String(repeating: " ", count: colWidth - 1)))
            }
            line.append(Span(TextWidth.padLeft(String(row.count), width: countWidth), Style(.dim)))
            out.append(line)
        }
        // The legend of the glyphs used, wrapped to the width (an item is never cut).
        var pieces: [Line] = RoleMark.legendOrder.filter(used.contains).map { mark in
            [Span(s.glyph(mark), Style(mark.styleRole, bold: true)), Span(" " + mark.label, Style(.dim))]
        }
        pieces.append([Span(s.emptyCell, Style(.dim)), Span(" takes no part", Style(.dim))])
        pieces.append([Span("n", Style(.dim, bold: true)), Span(" = of the \(n) compared", Style(.dim))])
        var legend: Line = []
        for piece in pieces {
            if !legend.isEmpty && legend.displayWidth + 2 + piece.displayWidth > width {
                out.append(legend); legend = []
            }
            if !legend.isEmpty { legend.append(Span("  ")) }
            legend += piece
        }
        out.append(legend)
        return out
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

/// The rankings a facilitator asks for ("who is in the most processes?"), as a list to scroll: states by the
/// number of Annex A processes (ties share a rank), or processes by members, observers or topics. `s` cycles.
public struct RankingState: Sendable, Hashable {
    /// nil: states; otherwise processes by this key.
    public var processesBy: ProcessRankKey?
    public var offset = 0

    /// The next order of `s`: states, then processes by each key, then states again.
    mutating func cycle() {
        let keys = ProcessRankKey.allCases
        if let k = processesBy, let i = keys.firstIndex(of: k) {
            processesBy = i + 1 < keys.count ? keys[i + 1] : nil
        } else {
            processesBy = keys.first
        }
        offset = 0
    }

    var title: String {
        processesBy.map { "Processes by \($0.rawValue)" } ?? "States by number of Annex A processes"
    }

    func lines(_ c: Catalog, env: DisplayEnvironment) -> [Line] {
        if let key = processesBy {
            return c.rankProcesses(by: key).map { r in
                let rank = TextWidth.padLeft(rankLabel(r.rank, tied: r.tied), width: 4)
                return [
                    Span(rank + "  ", Style(.dim, bold: true)),
                    Span(TextWidth.padLeft(String(r.value), width: 3) + "  ", .normal),
                    Span(env.shown(r.process.shortName), Style(.normal, bold: true)),
                    Span("  " + env.shown(r.process.name), Style(.dim)),
                ]
            }
        }
        return c.rankParties().map { r in
            let rank = TextWidth.padLeft(rankLabel(r.rank, tied: r.tied), width: 4)
            let extra = r.allCount != r.matrixCount ? "  (\(r.allCount) with the footnote groups)" : ""
            return [
                Span(rank + "  ", Style(.dim, bold: true)),
                Span(TextWidth.padLeft(String(r.matrixCount), width: 3) + "  ", .normal),
                Span(env.markPrefix(r.party.id) + env.name(r.party), Style(.normal, bold: true)),
                Span(extra, Style(.dim)),
            ]
        }
    }
}
