import RCPCore

/// The content of the detail card for each kind of subject.
public enum CardContent {
    /// The card of `subject`; `checklistsAbout` names the stored checklists whose subject it is (a workshop's
    /// self-assessment of a state), listed at the end.
    public static func lines(
        _ subject: Subject, _ env: DisplayEnvironment, checklist: Checklist? = nil,
        checklistsAbout: [String] = []
    ) -> [CardLine] {
        var b = CardBuilder(env)
        let c = env.catalog
        switch subject {
        case .overview: overview(&b, c)
        case .region(let id): region(&b, id, c)
        case .process(let id): if let p = c.process(id: id) { process(&b, p, c) } else { missing(&b, id) }
        case .party(let id):
            if let p = c.party(id: id) {
                party(&b, p, c)
            } else if let s = c.stateInNoProcess(id: id) {
                stateInNoProcess(&b, s)
            } else {
                missing(&b, id)
            }
        case .mechanism(let id): if let m = c.mechanism(id: id) { mechanism(&b, m, c) } else { missing(&b, id) }
        case .event(let id): if let (m, e) = c.event(id: id) { event(&b, e, m, c) } else { missing(&b, id) }
        case .practice(let id):
            if let p = c.practice(id: id) { practice(&b, p, item: nil, c, checklist) } else { missing(&b, id) }
        case .practiceItem(let id):
            if let (p, item) = c.practiceItem(id: id) {
                practice(&b, p, item: item, c, checklist)
            } else {
                missing(&b, id)
            }
        case .understanding(let id):
            if let u = c.understanding(id: id) { understanding(&b, u, c) } else { missing(&b, id) }
        case .guide(let id): if let t = c.guideTopic(id: id) { guide(&b, t, c) } else { missing(&b, id) }
        }
        if !checklistsAbout.isEmpty {
            b.heading("Checklists about it", detail: "(\(checklistsAbout.count))")
            for name in checklistsAbout { b.bullet(name) }
            b.text(
                "\(KeyBindings.firstKey(.switchChecklist, in: .checklist)) in the checklist pane opens one.",
                style: Style(.dim),
                indent: 2)
        }
        while b.lines.last?.isBlank == true { b.lines.removeLast() }
        return b.lines
    }

    static func missing(_ b: inout CardBuilder, _ id: String) {
        b.title("Not in the data")
        b.text("“\(id)” is not in this data set.", style: Style(.dim))
    }

    static func overview(_ b: inout CardBuilder, _ c: Catalog) {
        let src = c.dataset.source
        b.title("Regional consultative processes on migration")
        b.text("\(src.title) — \(src.publisher), \(src.year). Membership as of \(src.matrixDate).", style: Style(.dim))
        b.blank()
        let inMatrix = c.processes.filter(\.inMatrix).count
        let outside = c.processes.count - inMatrix
        let states = c.parties.filter { $0.kind == .state }.count
        let territories = c.parties.filter { $0.kind == .territory }.count
        let orgs = c.parties.filter { $0.kind == .organization }.count
        b.text(
            "\(inMatrix) processes in the matrix and \(outside) groups outside it (footnotes), in \(c.regions.filter { $0.id != TreeModel.globalID }.count) regions; \(states) states, \(territories) territories and \(orgs) organizations; \(c.mechanisms.count) global mechanisms; the \(c.practices.count) IAMM effective-practice headings."
        )
        // The regions first: the landscape is what the first screen is for.
        b.heading("Regions")
        for r in c.regions {
            let matrix = c.processes(inRegion: r.id).filter(\.inMatrix).count
            let groups = c.processes(inRegion: r.id).count - matrix
            var detail = [
                matrix > 0 ? DisplayText.count(matrix, "process", "processes") : nil,
                groups > 0 ? DisplayText.count(groups, "footnote group") : nil,
            ]
            .compactMap { $0 }.joined(separator: ", ")
            if r.id == TreeModel.globalID { detail = DisplayText.count(c.mechanisms.count, "mechanism") }
            b.item(b.s.bullet, r.name, detail, link: .region(r.id))
        }
        if c.region(id: TreeModel.globalID) == nil && !c.mechanisms.isEmpty {
            b.item(
                b.s.bullet, TreeModel.globalName, DisplayText.count(c.mechanisms.count, "mechanism"),
                link: .region(TreeModel.globalID))
        }
        b.heading("Getting about")
        let ascii = b.env.ascii
        let k = { (a: Action, scope: KeyScope) in KeyBindings.firstKey(a, in: scope, ascii: ascii) }
        let paneKeys = KeyBindings.table.filter { $0.action == .focusPane }.compactMap {
            $0.keys.first?.label(ascii: ascii)
        }
        let paneRange = paneKeys.count > 1 ? "\(paneKeys[0])–\(paneKeys[paneKeys.count - 1])" : paneKeys.first ?? ""
        b.bullet(
            "\(k(.down, .navigation)) \(k(.up, .navigation)) move; \(k(.activate, .tree)) opens; \(k(.focusNext, .global)) or \(paneRange) change pane"
        )
        b.bullet(
            "\(k(.search, .global)) searches everything as you type; \(k(.filter, .global)) narrows the tree and the matrix"
        )
        b.bullet("\(k(.help, .global)) lists every key; \(k(.quit, .global)) quits")
        if !c.guideTopics.isEmpty {
            b.heading("Guide to the paper", detail: "(\(c.guideTopics.count) topics)")
            for t in c.guideTopics {
                b.item(TextWidth.padLeft(String(t.number), width: 2), t.title, link: .guide(t.id))
            }
        }
    }

    static func region(_ b: inout CardBuilder, _ id: String, _ c: Catalog) {
        let r = c.region(id: id)
        b.title(r?.name ?? (id == TreeModel.globalID ? TreeModel.globalName : id))
        b.text(id == TreeModel.globalID ? "Global consultation mechanisms" : "Region of Annex A", style: Style(.dim))
        if let note = r?.note { b.blank(); b.text(note) }
        let processes = c.processes(inRegion: id)
        if !processes.isEmpty {
            b.heading("Processes", detail: "(\(processes.count))")
            for p in processes {
                let members = p.participants.filter { $0.roles.contains(.member) }.count
                let number = p.number.map { String($0) } ?? b.s.footnote
                var parts: [String] = []
                if let year = p.year { parts.append("since \(year)") }
                if members > 0 { parts.append("\(members) members") }
                var detail = parts.joined(separator: ", ")
                if !p.inMatrix { detail += detail.isEmpty ? "outside the matrix" : ", outside the matrix" }
                b.item(TextWidth.padLeft(number, width: 2), p.shortName, detail, link: .process(p.id))
            }
        }
        if id == TreeModel.globalID {
            b.heading("Mechanisms", detail: "(\(c.mechanisms.count))")
            for m in c.mechanisms {
                b.item(b.s.bullet, m.shortName, m.name == m.shortName ? "" : m.name, link: .mechanism(m.id))
            }
        }
        if let r { b.source(r.source) }
    }

    /// "Also: …" — the other names, without repeats (after transliteration in ASCII mode) or the name itself.
    static func names(_ b: inout CardBuilder, name: String, aliases: [String]) {
        var seen: Set<String> = [b.shown(name)]
        var list: [String] = []
        for alias in aliases where seen.insert(b.shown(alias)).inserted { list.append(alias) }
        if !list.isEmpty { b.field("Also", list.joined(separator: "; ")) }
    }

    static func process(_ b: inout CardBuilder, _ p: Process, _ c: Catalog) {
        b.title(p.shortName)
        if p.name != p.shortName { b.text(p.name, style: Style(.normal, bold: true)) }
        names(&b, name: p.name, aliases: p.aliases.filter { $0 != p.shortName && $0 != p.name })
        b.blank()
        if let n = p.number {
            b.field("Matrix", "row \(n) of Annex A")
        } else {
            b.field("Matrix", "outside the matrix (a footnote group)")
        }
        b.field(
            "Region",
            (c.region(id: p.region)?.name ?? p.region)
                + (p.bases.editorial("region") == nil ? "" : " \(b.env.editorialMark) editorial"),
            link: .region(p.region))
        let year = p.year.map(String.init) ?? "not given"
        b.field("Since", p.yearNote.map { "\(year) — \($0)" } ?? year)
        b.blank()
        b.text(p.summary)
        b.participants(c.participants(of: p.id), total: p.statedTotal, bases: p.bases)
        if !p.otherParticipants.isEmpty {
            b.heading("Other participants")
            p.otherParticipants.forEach { b.bullet($0) }
        }
        b.heading("Secretariat")
        b.text(p.secretariat, indent: 2)
        if !p.topics.isEmpty {
            b.heading(
                "Topics",
                detail: "(IAMM effective-practice headings"
                    + (p.bases.editorial("topics.practices") == nil
                        ? ")" : "; \(b.env.editorialMark) editorial mapping)"))
            for topic in p.topics {
                let headings = topic.practices.compactMap { c.practice(number: $0) }
                    .map { "\($0.number) \($0.title)" }.joined(separator: "; ")
                b.item(
                    b.s.bullet, topic.label, headings,
                    link: topic.practices.first.flatMap { c.practice(number: $0) }.map { .practice($0.id) })
            }
        }
        if !p.priorities.isEmpty {
            b.heading("Current priorities")
            for (i, text) in p.priorities.enumerated() { b.item("\(i + 1).", text) }
        }
        if !p.status.isEmpty {
            b.heading("Status")
            p.status.forEach { b.bullet($0) }
        }
        if let iom = p.iomRole {
            b.heading("IOM's role")
            b.text(iom, indent: 2)
        }
        b.events("Took part in", c.events(withProcess: p.id))
        basisSections(&b, p)
        saidOf(&b, "process", c.guidePoints(citingProcess: p.id))
        b.source(p.source)
    }

    static func party(_ b: inout CardBuilder, _ p: Party, _ c: Catalog) {
        b.title(b.env.name(p))
        var kind = p.kind.rawValue.sentenceCased
        if let iso = p.iso3 { kind += " · ISO \(iso)" }
        b.text(kind, style: Style(.dim))
        names(&b, name: b.env.name(p), aliases: p.aliases + (b.env.ascii ? [p.name] : []))
        if let note = p.note {
            b.blank()
            b.text(note + (p.bases.editorial("note").map { " (\(b.env.editorialMark) editorial: \($0.reason))" } ?? ""))
        }
        let list = c.participations(of: p.id)
        b.heading("Processes", detail: list.isEmpty ? "(none)" : "— " + c.participationCount(of: p.id).sentence)
        for pp in list {
            let (g, st) = b.mark(pp.roles)
            let number = pp.process.number.map { "\($0) " } ?? ""
            var detail = b.roles(pp.roles, note: pp.note)
            if !pp.process.inMatrix { detail += "; outside the matrix" }
            if pp.process.bases.editorial("participants." + p.id) != nil {
                detail += "; \(b.env.editorialMark) editorial"
            }
            b.item(g, number + pp.process.shortName, detail, link: .process(pp.process.id), glyphStyle: st)
        }
        let mechanisms = c.mechanismParticipations(of: p.id)
        if !mechanisms.isEmpty {
            b.heading("Global mechanisms")
            for (m, part) in mechanisms {
                let (g, st) = b.mark(part.roles)
                b.item(g, m.shortName, b.roles(part), link: .mechanism(m.id), glyphStyle: st)
            }
        }
        b.events("Events", c.events(withPartner: p.id))
        saidOf(&b, "party", c.guidePoints(citingParty: p.id))
        b.source(p.source)
    }

    /// A UN member state of 2005 that the paper names in no process (a search hit for "egypt"): its name, that
    /// it is in no process, its UN sub-region (from the world map).
    static func stateInNoProcess(_ b: inout CardBuilder, _ s: CoverageGap) {
        b.title(s.name)
        b.text("State · ISO \(s.iso3)", style: Style(.dim))
        b.blank()
        b.text("In no process of the paper (\(s.standing)).")
        b.blank()
        b.field("Region", s.subregion + " (UN sub-region)")
    }

    static func mechanism(_ b: inout CardBuilder, _ m: Mechanism, _ c: Catalog) {
        b.title(m.shortName)
        if m.name != m.shortName { b.text(m.name, style: Style(.normal, bold: true)) }
        names(&b, name: m.name, aliases: m.aliases.filter { $0 != m.shortName && $0 != m.name })
        b.text("Global mechanism" + (m.year.map { " · since \($0)" } ?? ""), style: Style(.dim))
        b.blank()
        b.text(m.summary)
        b.participants(c.participants(ofMechanism: m.id), total: nil)
        if !m.otherParticipants.isEmpty {
            b.heading("Other participants")
            m.otherParticipants.forEach { b.bullet($0) }
        }
        let years = Array(Set(m.events.map(\.year))).sorted()
        if !years.isEmpty {
            b.heading("Events", detail: "(\(m.events.count))")
            for year in years {
                b.text(String(year), style: Style(.normal, bold: true), indent: 2)
                for e in m.events where e.year == year {
                    b.item(b.s.bullet, e.title, e.kind.label, link: .event(e.id), indent: 4)
                }
            }
        }
        let isIAMM = ([m.name, m.shortName] + m.aliases).contains { !matchRanges(of: "IAMM", in: $0).isEmpty }
        if isIAMM {
            if !c.understandings.isEmpty {
                b.heading("Common understandings", detail: "(\(c.understandings.count))")
                for u in c.understandings {
                    b.item(TextWidth.padLeft(String(u.number), width: 2), u.summary, link: .understanding(u.id))
                }
            }
            if !c.practices.isEmpty {
                b.heading("Effective-practice headings", detail: "(\(c.practices.count))")
                for p in c.practices {
                    b.item(TextWidth.padLeft(String(p.number), width: 2), p.title, link: .practice(p.id))
                }
            }
        }
        saidOf(&b, "mechanism", c.guidePoints(citingMechanism: m.id))
        b.source(m.source)
    }

    static func event(_ b: inout CardBuilder, _ e: Event, _ m: Mechanism, _ c: Catalog) {
        b.title(e.title)
        b.text(
            [e.kind.label.prefix(1).uppercased() + e.kind.label.dropFirst(), e.date ?? String(e.year), e.place]
                .compactMap { $0 }.joined(separator: " · "), style: Style(.dim))
        b.blank()
        b.field("Of", m.shortName, link: .mechanism(m.id))
        if let summary = e.summary { b.blank(); b.text(summary) }
        if !e.partners.isEmpty {
            b.heading("Partners", detail: "(\(e.partners.count))")
            for id in e.partners { b.item(b.s.bullet, b.env.partyName(id), link: .party(id)) }
        }
        if !e.processes.isEmpty {
            b.heading("Processes taking part", detail: "(\(e.processes.count))")
            for id in e.processes { b.item(b.s.bullet, c.process(id: id)?.shortName ?? id, link: .process(id)) }
        }
        b.source(e.source)
    }

    static func practice(
        _ b: inout CardBuilder, _ p: Practice, item: PracticeItem?, _ c: Catalog, _ checklist: Checklist?
    ) {
        if let item {
            b.title("\(ChecklistItemID.displayNumber(item.id) ?? item.id) \(item.title)")
            if let printed = item.paperTitle { b.field("Printed", printed) }
            b.field("Under", "\(p.number) \(p.title)", link: .practice(p.id))
        } else {
            b.title("\(p.number) \(p.title)")
            b.text("IAMM effective-practice heading \(p.number) of \(c.practices.count)", style: Style(.dim))
        }
        if let checklist {
            let id = item?.id ?? p.id
            let status = checklist.status(of: id)
            b.blank()
            b.field("Status", "\(b.s.glyph(status)) \(status.label) (checklist “\(checklist.name)”)")
            if let note = checklist.note(of: id) { b.field("Note", note) }
            if item == nil {
                let progress = checklist.progress(for: p)
                b.field("Progress", progress.summary)
            }
        }
        if item == nil && !p.items.isEmpty {
            b.heading("Sub-headings", detail: "(\(p.items.count))")
            for i in p.items {
                let number = ChecklistItemID.displayNumber(i.id) ?? i.id
                var glyph = number
                if let checklist { glyph = b.s.glyph(checklist.status(of: i.id)) + " " + number }
                b.item(glyph, i.title, link: .practiceItem(i.id))
            }
        }
        let processes = c.processes(forPractice: p.number)
        b.heading(
            "Discussed by",
            detail: processes.isEmpty
                ? "(no process of the matrix)"
                : "(\(DisplayText.count(processes.count, "process", "processes")); \(b.env.editorialMark) editorial: the paper never links topics to headings)"
        )
        for (process, topics) in processes {
            b.item(
                b.s.bullet, process.shortName, topics.map(\.label).joined(separator: "; "), link: .process(process.id))
        }
        b.source(p.source)
    }

    static func understanding(_ b: inout CardBuilder, _ u: Understanding, _ c: Catalog) {
        b.title("Common understanding \(u.number)")
        b.text("IAMM common understanding \(u.number) of \(c.understandings.count) (summarised)", style: Style(.dim))
        b.blank()
        b.text(u.summary)
        b.source(u.source)
    }

    /// The card as plain text (for the clipboard).
    public static func plainText(_ lines: [CardLine]) -> String {
        lines.map { String(repeating: " ", count: $0.indent) + $0.plain }.joined(separator: "\n")
    }
}
