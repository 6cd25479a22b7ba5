import RCPCore

extension DisplayEnvironment {
    /// Marks a value that is rcpx's inference rather than the paper's word (docs/DATA.md, "Basis").
    var editorialMark: String { ascii ? "^" : "\u{2020}" }
}

extension CardContent {
    /// A guide topic: the paper's analysis of one area, point by point, each with its provenance and links.
    static func guide(_ b: inout CardBuilder, _ t: GuideTopic, _ c: Catalog) {
        b.title(t.title)
        b.text(
            "Guide \(t.number) of \(c.guideTopics.count) · the paper's \(t.section), lines \(t.lines)",
            style: Style(.dim))
        b.blank()
        b.text(t.summary)
        b.heading("What the paper says", detail: "(\(t.points.count))")
        for p in t.points {
            let text = (p.label.map { $0 + ": " } ?? "") + p.text
            b.item(b.s.bullet, text, "\(p.section), lines \(p.lines)")
            links(&b, p, c)
        }
        b.source("\(t.section), lines \(t.lines) (points: their own lines)")
    }

    /// The records a point names, each a link, under the point.
    static func links(_ b: inout CardBuilder, _ p: GuidePoint, _ c: Catalog) {
        for id in p.processes {
            b.item(b.s.link, c.process(id: id)?.shortName ?? id, "process", link: .process(id), indent: 4)
        }
        for id in p.parties { b.item(b.s.link, b.env.partyName(id), "party", link: .party(id), indent: 4) }
        for id in p.mechanisms {
            b.item(b.s.link, c.mechanism(id: id)?.shortName ?? id, "mechanism", link: .mechanism(id), indent: 4)
        }
        for id in p.events { b.item(b.s.link, c.event(id: id)?.1.title ?? id, "event", link: .event(id), indent: 4) }
    }

    /// "The paper says of this …": the guide points naming a record, each linking to its topic.
    static func saidOf(_ b: inout CardBuilder, _ what: String, _ points: [(topic: GuideTopic, point: GuidePoint)]) {
        guard !points.isEmpty else { return }
        b.heading("The paper says of this \(what)", detail: "(\(points.count))")
        for (t, p) in points {
            b.item(b.s.bullet, p.text, "\(t.title); \(p.section), lines \(p.lines)", link: .guide(t.id))
        }
    }

    /// The paper's classification of a process, and every editorial value with its reason.
    static func basisSections(_ b: inout CardBuilder, _ p: Process) {
        if !p.classification.isEmpty {
            b.heading("The paper's classification")
            for k in p.classification {
                b.item(b.s.bullet, k.aspect.label.sentenceCased + ": " + k.value, "\(k.section), lines \(k.lines)")
            }
        }
        let stated = p.bases.filter { $0.kind == .stated }
        if !stated.isEmpty {
            b.heading("The paper's own words differ")
            for s in stated { b.item(b.s.bullet, s.field, s.reason) }
        }
        let editorial = p.bases.filter { $0.kind == .editorial }
        if !editorial.isEmpty {
            b.heading("\(b.env.editorialMark) Editorial", detail: "(rcpx's inference, not the paper's word)")
            for e in editorial { b.item(b.env.editorialMark, e.field, "editorial: " + e.reason) }
        }
    }
}
