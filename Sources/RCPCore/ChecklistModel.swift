/// The practice checklist: a workshop self-assessment against the IAMM effective practices.
///
/// A `Checklist` records, for effective-practice headings ("ep-06") and their sub-headings ("ep-06.2"), a status
/// and an optional note, keyed by the stable ids of the data file so that a newer data file keeps what was
/// recorded. Ids the current data no longer has stay in the checklist (`orphanEntries(known:)`); they are never
/// dropped. Storage is `ChecklistStore`; reports are `ChecklistExport`.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a heading or sub-heading stands. The raw values are the ids used in files and on the command line;
/// `allCases` is the cycle order of `next`.
public enum ChecklistStatus: String, CaseIterable, Sendable, Hashable {
    case notAssessed = "not-assessed"
    case notInPlace = "not-in-place"
    case inProgress = "in-progress"
    case inPlace = "in-place"
    case notApplicable = "not-applicable"

    /// The next status in the cycle not assessed → not in place → in progress → in place → not applicable →
    /// not assessed.
    public var next: ChecklistStatus {
        let all = ChecklistStatus.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// Words for people: "not assessed", "not in place", "in progress", "in place", "not applicable".
    public var label: String {
        switch self {
        case .notAssessed: return "not assessed"
        case .notInPlace: return "not in place"
        case .inProgress: return "in progress"
        case .inPlace: return "in place"
        case .notApplicable: return "not applicable"
        }
    }

    /// A one-column symbol that tells the statuses apart by shape alone (for projectors and colour-blind
    /// readers): an empty circle for "nothing recorded yet", a cross, a half-filled circle, a tick, a dash.
    public var glyph: String {
        switch self {
        case .notAssessed: return "○"
        case .notInPlace: return "✗"
        case .inProgress: return "◐"
        case .inPlace: return "✓"
        case .notApplicable: return "–"
        }
    }

    /// The ASCII stand-in for `glyph` on terminals without UTF-8: ".", "x", "~", "+", "-".
    public var asciiGlyph: String {
        switch self {
        case .notAssessed: return "."
        case .notInPlace: return "x"
        case .inProgress: return "~"
        case .inPlace: return "+"
        case .notApplicable: return "-"
        }
    }

    /// Parses an id ("in-place"), also leniently: any case, spaces or underscores for dashes ("In place",
    /// "in_place"), and "n/a" or "na" for not applicable.
    public init?(parsing text: String) {
        var t = ""
        for ch in text.lowercased() where !ch.isWhitespace || !t.isEmpty {
            t.append(ch == " " || ch == "_" ? "-" : ch)
        }
        while t.hasSuffix("-") { t.removeLast() }
        if let s = ChecklistStatus(rawValue: t) { self = s; return }
        switch t {
        case "n/a", "na", "n-a": self = .notApplicable
        default: return nil
        }
    }
}

/// What is recorded for one heading or sub-heading.
public struct ChecklistEntry: Sendable, Hashable {
    public var status: ChecklistStatus
    /// A free-text note; nil when none. Kept verbatim (line breaks, quotes, any Unicode).
    public var note: String?
    /// When the status or note last changed, ISO-8601 UTC ("2026-03-14T09:30:00Z").
    public var updated: String
    /// The checklist revision that last changed this item (stamped by `ChecklistStore.update`); 0 when unknown
    /// (files of format 1, imported reports). A save based on an older revision than this one conflicts.
    public var revision: Int
    /// Other versions of this item that a conflicting save or a merge did not keep as the current one, oldest
    /// first. Kept until someone chooses (`Checklist.resolve`); never dropped silently.
    public var alternatives: [ChecklistAlternative]

    public init(
        status: ChecklistStatus, note: String? = nil, updated: String, revision: Int = 0,
        alternatives: [ChecklistAlternative] = []
    ) {
        self.status = status; self.note = note; self.updated = updated
        self.revision = revision; self.alternatives = alternatives
    }

    /// True when status and note are the same (the time stamps and bookkeeping aside).
    public func sameContent(_ other: ChecklistEntry) -> Bool { status == other.status && note == other.note }
}

/// One named checklist ("Ghana 2026 workshop").
public struct Checklist: Sendable, Hashable {
    /// The format version this build writes and the newest it reads. Format 1 (no `meta`, no per-item
    /// revision or alternatives) is read and migrated: its entries get revision 0 and it is written back as 2.
    public static let currentFormatVersion = 2

    public var formatVersion: Int
    /// The display name, as typed (the file name is derived from it).
    public var name: String
    /// ISO-8601 UTC.
    public var created: String
    /// ISO-8601 UTC of the last saved change.
    public var updated: String
    /// Incremented by every saved change; lets a caller tell whether someone else saved meanwhile.
    public var revision: Int
    /// By item id ("ep-06", "ep-06.2"). May hold ids the current data no longer has (see `orphanEntries`).
    public var entries: [String: ChecklistEntry]
    /// Whose assessment it is and when: subject, date, facilitator, participants.
    public var meta: ChecklistMeta

    public init(
        name: String, created: String = ChecklistClock.now(), updated: String? = nil, revision: Int = 0,
        entries: [String: ChecklistEntry] = [:], meta: ChecklistMeta = ChecklistMeta(),
        formatVersion: Int = Checklist.currentFormatVersion
    ) {
        self.formatVersion = formatVersion; self.name = name; self.created = created
        self.updated = updated ?? created; self.revision = revision; self.entries = entries; self.meta = meta
    }

    /// The status of a heading or sub-heading; `.notAssessed` when nothing is recorded.
    public func status(of itemID: String) -> ChecklistStatus { entries[itemID]?.status ?? .notAssessed }

    /// The note of a heading or sub-heading, or nil.
    public func note(of itemID: String) -> String? { entries[itemID]?.note }

    /// Sets the status of an item; a no-op (timestamp unchanged) when it already has that status.
    /// To cycle from a fresh copy inside `ChecklistStore.update`: `$0.set(id, status: $0.status(of: id).next)`.
    public mutating func set(_ itemID: String, status: ChecklistStatus, at time: String = ChecklistClock.now()) {
        if var e = entries[itemID] {
            guard e.status != status else { return }
            e.status = status; e.updated = time
            entries[itemID] = e
        } else {
            guard status != .notAssessed else { return }
            entries[itemID] = ChecklistEntry(status: status, updated: time)
        }
    }

    /// Sets or clears (nil, empty or only white space) the note of an item; keeps its status.
    public mutating func setNote(_ itemID: String, _ note: String?, at time: String = ChecklistClock.now()) {
        let note = note.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        if var e = entries[itemID] {
            guard e.note != note else { return }
            e.note = note; e.updated = time
            entries[itemID] = e
        } else {
            guard let note else { return }
            entries[itemID] = ChecklistEntry(status: .notAssessed, note: note, updated: time)
        }
    }

    /// Progress of one heading. Counts the heading itself AND each of its sub-headings as one unit each
    /// (a heading with 3 sub-headings has 4 units): in a workshop the heading as a whole is assessed too,
    /// and a heading without sub-headings still counts once.
    public func progress(for practice: Practice) -> ChecklistProgress {
        var p = ChecklistProgress()
        p.add(status(of: practice.id))
        for item in practice.items { p.add(status(of: item.id)) }
        return p
    }

    /// Progress over all headings: the sum of `progress(for:)`. Orphan entries are not counted.
    public func progress(overall practices: [Practice]) -> ChecklistProgress {
        var p = ChecklistProgress()
        for practice in practices { p.formUnion(progress(for: practice)) }
        return p
    }

    /// The ids of every heading and sub-heading of `practices`.
    public static func knownItemIDs(_ practices: [Practice]) -> Set<String> {
        var ids = Set<String>()
        for p in practices {
            ids.insert(p.id)
            for item in p.items { ids.insert(item.id) }
        }
        return ids
    }

    /// Recorded item ids that `known` does not have (a newer data file dropped or renumbered them), in id
    /// order. They are kept in the file and shown as "no longer in the data".
    public func orphanEntries(known: Set<String>) -> [String] {
        entries.keys.filter { !known.contains($0) }.sorted(by: ChecklistItemID.precedes)
    }

    /// `orphanEntries(known:)` against the headings and sub-headings of `practices`.
    public func orphanEntries(practices: [Practice]) -> [String] {
        orphanEntries(known: Checklist.knownItemIDs(practices))
    }
}

/// Counts of statuses over a set of checklist units (headings and sub-headings).
///
/// - `assessed`: units whose status is anything but not assessed.
/// - `applicable`: units not marked not applicable (not-assessed units count as applicable).
/// - `inPlaceShare`: `inPlace / applicable` (0 when nothing is applicable).
public struct ChecklistProgress: Sendable, Hashable {
    public private(set) var counts: [ChecklistStatus: Int] = [:]
    public private(set) var total: Int = 0

    public init() {}

    public init(counts: [ChecklistStatus: Int]) {
        for (s, n) in counts where n > 0 { self.counts[s] = n; total += n }
    }

    public func count(_ status: ChecklistStatus) -> Int { counts[status] ?? 0 }
    public var assessed: Int { total - count(.notAssessed) }
    public var inPlace: Int { count(.inPlace) }
    public var applicable: Int { total - count(.notApplicable) }
    public var isComplete: Bool { total > 0 && assessed == total }

    /// In place among applicable units, 0…1.
    public var inPlaceShare: Double { applicable == 0 ? 0 : Double(inPlace) / Double(applicable) }
    /// Assessed among all units, 0…1.
    public var assessedShare: Double { total == 0 ? 0 : Double(assessed) / Double(total) }
    /// `inPlaceShare` as a whole percentage, rounded half up.
    public var inPlacePercent: Int { applicable == 0 ? 0 : (inPlace * 200 + applicable) / (2 * applicable) }
    /// `assessedShare` as a whole percentage, rounded half up.
    public var assessedPercent: Int { total == 0 ? 0 : (assessed * 200 + total) / (2 * total) }

    /// "3 of 4 assessed, 1 in place (25% of applicable)".
    public var summary: String {
        "\(assessed) of \(total) assessed, \(inPlace) in place (\(inPlacePercent)% of applicable)"
    }

    /// A bar of `width` cells: in place filled, in progress half, the rest empty; "[####==....]" style in
    /// ASCII, "█▒░" otherwise. Shares are of applicable units.
    public func bar(width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        let full = applicable == 0 ? 0 : inPlace * width / applicable
        let half = applicable == 0 ? 0 : min(width - full, count(.inProgress) * width / applicable)
        let rest = width - full - half
        if ascii {
            return String(repeating: "#", count: full) + String(repeating: "=", count: half)
                + String(repeating: ".", count: rest)
        }
        return String(repeating: "█", count: full) + String(repeating: "▒", count: half)
            + String(repeating: "░", count: rest)
    }

    mutating func add(_ status: ChecklistStatus, _ n: Int = 1) {
        counts[status, default: 0] += n
        total += n
    }

    mutating func formUnion(_ other: ChecklistProgress) {
        for (s, n) in other.counts { add(s, n) }
    }
}

/// Helpers for checklist item ids ("ep-06", "ep-06.2").
public enum ChecklistItemID {
    /// The number people use: "ep-06.2" → "6.2", "ep-06" → "6"; nil when the id has another shape.
    public static func displayNumber(_ id: String) -> String? {
        let lower = id.lowercased()
        guard lower.hasPrefix("ep-") else { return nil }
        let parts = lower.dropFirst(3).split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 2 else { return nil }
        var out: [String] = []
        for part in parts {
            guard let n = Int(part), n >= 0, part.allSatisfy(\.isASCII) else { return nil }
            out.append(String(n))
        }
        return out.joined(separator: ".")
    }

    /// Resolves what a person types to a heading or sub-heading id of `practices`: the id itself
    /// ("ep-06.2", any case), or its number ("6.2", "06.2", "6"). Nil when nothing matches.
    public static func resolve(_ text: String, in practices: [Practice]) -> String? {
        let t = String(text.lowercased().drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !t.isEmpty else { return nil }
        let wanted = displayNumber(t.hasPrefix("ep-") ? t : "ep-" + t)
        for practice in practices {
            for id in [practice.id] + practice.items.map(\.id) {
                if id.lowercased() == t { return id }
                if let wanted, displayNumber(id) == wanted { return id }
            }
        }
        return nil
    }

    /// Natural order: "ep-06.2" before "ep-06.10", "ep-06" before "ep-06.1".
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        for (x, y) in zip(ka, kb) where x != y {
            switch (x, y) {
            case let (.number(m), .number(n)): return m < n
            case let (.text(s), .text(t)): return s < t
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
        if ka.count != kb.count { return ka.count < kb.count }
        return a < b
    }

    private enum Part: Equatable { case number(Int), text(String) }

    private static func key(_ s: String) -> [Part] {
        var parts: [Part] = []
        var digits = "", text = ""
        for ch in s {
            if ch.isASCII && ch.isNumber {
                if !text.isEmpty { parts.append(.text(text)); text = "" }
                digits.append(ch)
            } else {
                if !digits.isEmpty { parts.append(.number(Int(digits) ?? Int.max)); digits = "" }
                text.append(ch)
            }
        }
        if !digits.isEmpty { parts.append(.number(Int(digits) ?? Int.max)) }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}

/// Timestamps for checklists: ISO-8601 UTC to the second.
public enum ChecklistClock {
    /// Now, e.g. "2026-03-14T09:30:00Z".
    public static func now() -> String { format(time(nil)) }

    /// Today's date in UTC, e.g. "2026-03-14".
    public static func today() -> String { String(now().prefix(10)) }

    /// Formats seconds since the epoch as ISO-8601 UTC.
    public static func format(_ seconds: Int) -> String {
        var t = time_t(seconds)
        var tm = tm()
        gmtime_r(&t, &tm)
        func pad(_ n: Int32, _ w: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        return "\(pad(tm.tm_year + 1900, 4))-\(pad(tm.tm_mon + 1, 2))-\(pad(tm.tm_mday, 2))T"
            + "\(pad(tm.tm_hour, 2)):\(pad(tm.tm_min, 2)):\(pad(tm.tm_sec, 2))Z"
    }
}
