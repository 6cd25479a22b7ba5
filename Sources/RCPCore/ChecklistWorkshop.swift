/// Bringing a workshop's checklists together: reading copies made elsewhere, merging two copies of one
/// assessment item by item, and comparing several side by side. Pure values; the store writes them.

// MARK: - Import: what files are accepted

/// Reads a checklist brought from another machine: a checklist file (format 1 or 2, as in the checklist
/// folder) or a JSON report of `rcpx checklist export --format json` (report version 1 or 2).
public enum ChecklistImportFormat {
    /// The checklist in `bytes`, or why it is refused ("not valid JSON: …", "written by a newer rcpx …",
    /// "not an rcpx checklist …").
    public static func decode(_ bytes: [UInt8]) -> Result<Checklist, ChecklistImportRefusal> {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return .failure(.init("the file is empty"))
        }
        let doc: JSONValue
        do { doc = try JSON.parse(bytes) } catch { return .failure(.init("not valid JSON (cut short?): \(error)")) }
        guard case .object = doc else { return .failure(.init("not an rcpx checklist: not a JSON object")) }
        if doc["formatVersion"] != nil && doc["entries"] == nil && doc["revision"] == nil {
            if doc["processes"] != nil || doc["parties"] != nil {
                return .failure(.init("not an rcpx checklist: it is an rcpx data file (give it to --data instead)"))
            }
            return .failure(
                .init("not an rcpx checklist: it has a \"formatVersion\" but no \"entries\" or \"revision\""))
        }
        if doc["formatVersion"] != nil {
            do { return .success(try ChecklistFileFormat.decode(bytes)) } catch {
                switch error {
                case .corrupt(let reason): return .failure(.init(reason))
                case .newerFormat(let v):
                    return .failure(
                        .init(
                            "written by a newer rcpx (format \(v); this rcpx reads format "
                                + "\(Checklist.currentFormatVersion) and older)"))
                }
            }
        }
        guard case .string(let kind)? = doc["report"] else {
            return .failure(
                .init(
                    "not an rcpx checklist: it has neither \"formatVersion\" (a checklist file) "
                        + "nor \"report\" (an export)"))
        }
        guard kind == "rcpx practice checklist" else {
            return .failure(.init("not an rcpx checklist: a report of another kind (\"\(kind)\")"))
        }
        do { return .success(try decodeReport(doc)) } catch {
            switch error {
            case .corrupt(let reason): return .failure(.init(reason))
            case .newerFormat(let v):
                return .failure(.init("written by a newer rcpx (report version \(v); this rcpx reads 1 and 2)"))
            }
        }
    }

    static let newestReportVersion = 2

    private static func decodeReport(_ doc: JSONValue) throws(ChecklistFileFormat.DecodeError) -> Checklist {
        guard let v = doc["reportVersion"].flatMap(ChecklistFileFormat.int) else {
            throw .corrupt("\"reportVersion\" is missing or not a whole number")
        }
        if v > newestReportVersion { throw .newerFormat(v) }
        if v < 1 { throw .corrupt("unknown \"reportVersion\" \(v)") }
        func text(_ key: String) throws(ChecklistFileFormat.DecodeError) -> String {
            guard case .string(let s)? = doc[key] else { throw .corrupt("\"\(key)\" is missing or not text") }
            return s
        }
        let name = try text("checklist")
        if name.allSatisfy(\.isWhitespace) { throw .corrupt("\"checklist\" (the name) is empty") }
        let created = try text("created"), updated = try text("updated")
        guard let revision = doc["revision"].flatMap(ChecklistFileFormat.int), revision >= 0 else {
            throw .corrupt("\"revision\" is missing or not a whole number")
        }
        var entries: [String: ChecklistEntry] = [:]
        func entry(_ value: JSONValue, where place: String) throws(ChecklistFileFormat.DecodeError) {
            guard case .string(let id)? = value["id"], !id.isEmpty else { throw .corrupt("\(place) has no \"id\"") }
            guard case .string(let st)? = value["status"], let status = ChecklistStatus(rawValue: st) else {
                throw .corrupt("\(id) has no valid \"status\"")
            }
            var note: String? = nil
            switch value["note"] {
            case nil, .null?: break
            case .string(let s)?: note = s
            default: throw .corrupt("the note of \(id) is not text")
            }
            let alternatives = try ChecklistFileFormat.decodeAlternatives(
                value["alternatives"], id: id,
                fallback: updated)
            // A report lists every heading; those with nothing recorded have no "updated".
            guard case .string(let stamp)? = value["updated"] else {
                if status != .notAssessed || note != nil || !alternatives.isEmpty {
                    throw .corrupt("\(id) is recorded but has no \"updated\"")
                }
                return
            }
            if entries[id] != nil { throw .corrupt("\(id) appears twice") }
            entries[id] = ChecklistEntry(status: status, note: note, updated: stamp, alternatives: alternatives)
        }
        guard case .array(let headings)? = doc["headings"] else { throw .corrupt("\"headings\" is not a list") }
        for (i, h) in headings.enumerated() {
            guard case .object = h else { throw .corrupt("heading \(i + 1) is not an object") }
            try entry(h, where: "heading \(i + 1)")
            switch h["items"] {
            case nil, .null?: break
            case .array(let items)?:
                for (j, item) in items.enumerated() {
                    guard case .object = item else {
                        throw .corrupt("item \(j + 1) of heading \(i + 1) is not an object")
                    }
                    try entry(item, where: "item \(j + 1) of heading \(i + 1)")
                }
            default: throw .corrupt("\"items\" of heading \(i + 1) is not a list")
            }
        }
        switch doc["noLongerInData"] {
        case nil, .null?: break
        case .array(let list)?:
            for (i, o) in list.enumerated() {
                guard case .object = o else { throw .corrupt("entry \(i + 1) of \"noLongerInData\" is not an object") }
                try entry(o, where: "entry \(i + 1) of \"noLongerInData\"")
            }
        default: throw .corrupt("\"noLongerInData\" is not a list")
        }
        let meta = try ChecklistFileFormat.decodeMeta(doc["meta"])
        return Checklist(
            name: ChecklistMeta.clean(name) ?? name, created: created, updated: updated,
            revision: revision, entries: entries, meta: meta)
    }
}

/// Why a file cannot be imported, in words.
public struct ChecklistImportRefusal: Error, Sendable, Hashable {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
}

// MARK: - Merge

/// What a merge did with one item.
public struct ChecklistMergeItem: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// Both copies say the same.
        case same
        /// Recorded in one copy only (0 = the first, 1 = the second); taken from it.
        case onlyIn(Int)
        /// Both changed it differently: the later change (copy `taken`) is current, the other is kept beside it.
        case bothChanged(taken: Int)
    }
    public var itemID: String
    public var outcome: Outcome
}

/// A merged checklist and what happened to each item.
public struct ChecklistMergeResult: Sendable, Hashable {
    public var checklist: Checklist
    /// Every item recorded in either copy, in id order.
    public var items: [ChecklistMergeItem]
    /// Workshop facts (subject, date, facilitator, participants) that differed: (field, value kept, other value).
    public var metaDifferences: [(field: String, kept: String, other: String)]

    public static func == (a: Self, b: Self) -> Bool {
        a.checklist == b.checklist && a.items == b.items
            && a.metaDifferences.map { [$0.field, $0.kept, $0.other] }
                == b.metaDifferences.map { [$0.field, $0.kept, $0.other] }
    }
    public func hash(into h: inout Hasher) { h.combine(checklist); h.combine(items) }

    public var bothChangedCount: Int {
        items.filter {
            if case .bothChanged = $0.outcome { return true }; return false
        }.count
    }
}

public enum ChecklistMerge {
    /// Merges two copies of one assessment item by item into a checklist named `name`. Where both recorded
    /// an item differently, the later change (by the item's `updated`; on a tie the second copy) is current
    /// and the other is kept beside it as an alternative ("from “A” (…)"), never lost; versions already kept
    /// in either copy stay. Workshop facts: one copy's value where only it has one; where both differ, the
    /// later-changed copy's (reported in `metaDifferences`).
    public static func merge(_ a: Checklist, _ b: Checklist, name: String) -> ChecklistMergeResult {
        let copies = [a, b]
        var entries: [String: ChecklistEntry] = [:]
        var items: [ChecklistMergeItem] = []
        let ids = Set(a.entries.keys).union(b.entries.keys).sorted(by: ChecklistItemID.precedes)
        for id in ids {
            let ea = a.entries[id], eb = b.entries[id]
            switch (ea, eb) {
            case let (x?, nil):
                entries[id] = stripped(x); items.append(.init(itemID: id, outcome: .onlyIn(0)))
            case let (nil, y?):
                entries[id] = stripped(y); items.append(.init(itemID: id, outcome: .onlyIn(1)))
            case let (x?, y?):
                let takeSecond = y.updated >= x.updated
                var winner = stripped(takeSecond ? y : x)
                let loser = takeSecond ? x : y
                var kept = x.alternatives
                for alt in y.alternatives where !kept.contains(alt) { kept.append(alt) }
                if x.sameContent(y) {
                    items.append(.init(itemID: id, outcome: .same))
                } else {
                    let other = copies[takeSecond ? 0 : 1]
                    let alt = ChecklistAlternative(loser, source: "from “\(other.name)”")
                    if !kept.contains(alt) { kept.append(alt) }
                    items.append(.init(itemID: id, outcome: .bothChanged(taken: takeSecond ? 1 : 0)))
                }
                winner.alternatives = kept
                entries[id] = winner
            case (nil, nil): break
            }
        }
        // Workshop facts.
        let laterFirst = b.updated >= a.updated ? [b, a] : [a, b]
        var meta = ChecklistMeta()
        var differences: [(String, String, String)] = []
        func pick(_ field: String, _ get: (ChecklistMeta) -> String?) -> String? {
            let x = get(laterFirst[0].meta), y = get(laterFirst[1].meta)
            if let x, let y, x != y { differences.append((field, x, y)) }
            return x ?? y
        }
        meta.date = pick("date") { $0.date }
        meta.facilitator = pick("facilitator") { $0.facilitator }
        meta.participants = pick("participants") { $0.participants }
        let sx = laterFirst[0].meta.subject, sy = laterFirst[1].meta.subject
        if let sx, let sy, sx != sy { differences.append(("subject", sx.name, sy.name)) }
        meta.subject = sx ?? sy
        let created = min(a.created, b.created)
        let checklist = Checklist(
            name: name, created: created, updated: max(a.updated, b.updated), revision: 1,
            entries: entries, meta: meta)
        return ChecklistMergeResult(
            checklist: checklist, items: items,
            metaDifferences: differences.map { (field: $0.0, kept: $0.1, other: $0.2) })
    }

    /// The entry without its per-file bookkeeping (the revision belongs to the copy's own file).
    private static func stripped(_ e: ChecklistEntry) -> ChecklistEntry {
        var e = e
        e.revision = 0
        return e
    }
}

// MARK: - Comparison

/// Several checklists side by side: the practices as rows, the checklists as columns. A pure value for the
/// command line's table and the explorer's pane.
public struct ChecklistComparison: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        /// "ep-06" or "ep-06.2".
        public var itemID: String
        /// "6" or "6.2".
        public var number: String
        public var title: String
        /// True for a heading, false for a sub-heading.
        public var isHeading: Bool
        /// The heading this row belongs to (its own id for a heading).
        public var headingID: String
        /// One per checklist, in column order.
        public var statuses: [ChecklistStatus]
        /// One per checklist; nil where there is no note.
        public var notes: [String?]
        /// True when the checklists do not all agree on the status (notes aside).
        public var differs: Bool { Set(statuses).count > 1 }
        /// True when some checklist keeps other versions of this item (a conflict or a merge to look at).
        public var hasKeptVersions: [Bool]
    }

    /// The checklists' names, in column order.
    public var names: [String]
    public var rows: [Row]
    /// Per heading id, one progress per checklist.
    public var headingProgress: [String: [ChecklistProgress]]
    /// One overall progress per checklist.
    public var overall: [ChecklistProgress]
    /// The practice headings, in order (for grouping the rows).
    public var headingIDs: [String]

    /// The most checklists a comparison shows side by side.
    public static let maxColumns = 8

    public init(_ checklists: [Checklist], practices: [Practice]) {
        names = checklists.map(\.name)
        var rows: [Row] = []
        var progress: [String: [ChecklistProgress]] = [:]
        func row(_ id: String, _ number: String, _ title: String, heading: String) -> Row {
            Row(
                itemID: id, number: number, title: title, isHeading: id == heading, headingID: heading,
                statuses: checklists.map { $0.status(of: id) }, notes: checklists.map { $0.note(of: id) },
                hasKeptVersions: checklists.map { !($0.entries[id]?.alternatives.isEmpty ?? true) })
        }
        for p in practices {
            rows.append(row(p.id, String(p.number), p.title, heading: p.id))
            for item in p.items {
                rows.append(row(item.id, ChecklistItemID.displayNumber(item.id) ?? item.id, item.title, heading: p.id))
            }
            progress[p.id] = checklists.map { $0.progress(for: p) }
        }
        self.rows = rows
        headingProgress = progress
        overall = checklists.map { $0.progress(overall: practices) }
        headingIDs = practices.map(\.id)
    }

    /// The rows where the checklists disagree on the status.
    public var differingRows: [Row] { rows.filter(\.differs) }
}
