import RCPCore

/// How the command line shows a value that is rcpx's inference, not the paper's word: a marker ("†", or "^"
/// with --ascii) and the word "editorial" with the one-line reason (docs/DATA.md, "Basis").
enum Editorial {
    static func mark(_ look: Look) -> String { look.ascii ? "^" : "\u{2020}" }

    /// "† editorial: REASON".
    static func note(_ basis: Basis, _ look: Look) -> String { mark(look) + " editorial: " + look.text(basis.reason) }

    /// One basis entry as JSON: `{"field", "basis", "reason"}`.
    static func json(_ basis: Basis) -> JSONOut {
        .object([
            ("field", .string(basis.field)), ("basis", .string(basis.kind.rawValue)),
            ("reason", .string(basis.reason)),
        ])
    }

    static func json(_ bases: [Basis]) -> JSONOut { .array(bases.map { json($0) }) }

    /// `{"basis": "editorial", "reason": …}` for an editorial value, JSON null for a stated one.
    static func valueJSON(_ basis: Basis?) -> JSONOut {
        guard let basis, basis.kind == .editorial else { return .null }
        return .object([("basis", .string("editorial")), ("reason", .string(basis.reason))])
    }

    /// The guide points that cite a record, as JSON.
    static func guideJSON(_ points: [(topic: GuideTopic, point: GuidePoint)]) -> JSONOut {
        .array(
            points.map { t, p in
                .object([
                    ("id", .string(p.id)), ("topic", .string(t.id)), ("topicTitle", .string(t.title)),
                    ("text", .string(p.text)), ("section", .string(p.section)),
                    ("lines", .array([.int(p.lines.start), .int(p.lines.end)])),
                ])
            })
    }
}

extension Process {
    /// The editorial basis of one participant's part in this process, if rcpx infers it.
    func editorialBasis(participant partyID: String) -> Basis? { bases.editorial("participants." + partyID) }
}
