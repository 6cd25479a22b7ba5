/// Reads the guide records, bases and classifications of docs/DATA.md ("Guide", "Basis").
extension DatasetDecoder {
    /// The optional top-level `guide` list.
    func guide(_ top: inout ObjectReader) -> [GuideTopic] {
        top.array("guide", required: false).enumerated().compactMap { index, value in
            guard var r = ObjectReader(value, log: log, record: "guide[\(index)]", field: nil) else { return nil }
            if case .string(let id)? = value["id"], !id.isEmpty {
                r.record = recordLabel("guide topic", plural: "guide", id: id, index: index)
            }
            let topic = GuideTopic(
                id: r.string("id"), number: r.int("number"), title: r.string("title"), summary: r.string("summary"),
                section: r.string("section"), lines: lineRange(&r, "lines"),
                points: r.array("points", required: true).enumerated().compactMap { i, v in
                    point(v, record: r.record, index: i)
                })
            r.finish()
            return topic
        }
    }

    private func point(_ value: JSONValue, record: String?, index: Int) -> GuidePoint? {
        guard var p = ObjectReader(value, log: log, record: record, field: "points[\(index)]") else { return nil }
        let point = GuidePoint(
            id: p.string("id"), label: p.optionalString("label"), text: p.string("text"), section: p.string("section"),
            lines: lineRange(&p, "lines"), processes: p.strings("processes", required: false),
            parties: p.strings("parties", required: false), mechanisms: p.strings("mechanisms", required: false),
            events: p.strings("events", required: false), searchTerms: p.strings("searchTerms", required: false))
        p.finish()
        return point
    }

    /// `[start, end]`: two line numbers.
    func lineRange(_ r: inout ObjectReader, _ key: String) -> LineRange {
        let numbers = r.ints(key, required: true)
        guard numbers.count == 2 else {
            if !log.spots.contains(ProblemLog.spot(r.record, r.name(key))) {
                r.problem(key, "expected two line numbers [start, end], found \(numbers.count)")
            }
            return LineRange(0, 0)
        }
        return LineRange(numbers[0], numbers[1])
    }

    /// The optional `bases` list of a record.
    func bases(_ r: inout ObjectReader) -> [Basis] {
        r.array("bases", required: false).enumerated().compactMap { i, v in
            guard var b = ObjectReader(v, log: log, record: r.record, field: "bases[\(i)]") else { return nil }
            let basis = Basis(
                field: b.string("field"), kind: b.enumValue("basis", "basis", BasisKind.self) ?? .stated,
                reason: b.string("reason"))
            b.finish()
            return basis
        }
    }

    /// The optional `classification` list of a process.
    func classification(_ r: inout ObjectReader) -> [Classification] {
        r.array("classification", required: false).enumerated().compactMap { i, v in
            guard var c = ObjectReader(v, log: log, record: r.record, field: "classification[\(i)]") else { return nil }
            let aspect = c.enumValue("aspect", "classification aspect", ClassificationAspect.self)
            let value = c.string("value")
            if let aspect, !value.isEmpty, !aspect.values.contains(value) {
                c.problem(
                    "value",
                    "unknown \(aspect.label) \(quoted(value)) (expected one of: \(aspect.values.joined(separator: ", ")))"
                )
            }
            let result = Classification(
                aspect: aspect ?? .focus, value: value, section: c.string("section"),
                lines: lineRange(&c, "lines"))
            c.finish()
            return aspect == nil ? nil : result
        }
    }
}
