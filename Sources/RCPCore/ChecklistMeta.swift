/// Whose assessment a checklist is and when, and the versions of an item that a conflict or a merge kept
/// beside the current one.

/// What a checklist assesses: a state or territory of the data set, a process of it, or free text.
public struct ChecklistSubject: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A party of the data set (a state or territory): `id` is its id ("ghana").
        case party
        /// A process of the data set: `id` is its id ("bali-process").
        case process
        /// Free text that names no record of the data ("ECOWAS labour ministries").
        case text
    }

    public var kind: Kind
    /// The record's id for `.party` and `.process`; nil for `.text`.
    public var id: String?
    /// The name as shown (the record's name when it was chosen, or the free text), kept so that the
    /// checklist reads well without the data set.
    public var name: String

    public init(kind: Kind, id: String? = nil, name: String) {
        self.kind = kind; self.id = kind == .text ? nil : id; self.name = name
    }

    public static func party(_ p: Party) -> ChecklistSubject { ChecklistSubject(kind: .party, id: p.id, name: p.name) }
    public static func process(_ p: Process) -> ChecklistSubject {
        ChecklistSubject(kind: .process, id: p.id, name: p.name)
    }
    public static func text(_ s: String) -> ChecklistSubject { ChecklistSubject(kind: .text, name: s) }

    /// "Ghana (state or territory of the data)", "Bali Process (process of the data)", "ECOWAS (free text)".
    public var described: String {
        switch kind {
        case .party: return "\(name) (state or territory of the data)"
        case .process: return "\(name) (process of the data)"
        case .text: return name
        }
    }
}

/// How a typed subject was understood (see `Catalog.resolveSubject`).
public enum ChecklistSubjectResolution: Sendable, Hashable {
    /// A party or process of the data.
    case record(ChecklistSubject)
    /// Several records fit; the names of the candidates (the caller asks, never guesses).
    case ambiguous([String])
    /// Nothing in the data fits: kept as free text.
    case freeText(ChecklistSubject)
}

extension Catalog {
    /// Resolves what a person typed as a checklist subject: a state or territory (like `rcpx state`), else a
    /// process (like `rcpx show`), else free text. A name that fits several parties (or, when no party fits,
    /// several processes) is ambiguous. A name that fits one party and one process ("Bali"?) prefers the party.
    public func resolveSubject(_ text: String) -> ChecklistSubjectResolution {
        let trimmed = ChecklistMeta.clean(text) ?? ""
        guard !trimmed.isEmpty else { return .freeText(.text(trimmed)) }
        switch resolveParty(trimmed) {
        case .found(let p): return .record(.party(p))
        case .ambiguous(let list): return .ambiguous(list.map(\.name))
        case .notFound: break
        }
        switch resolveProcess(trimmed) {
        case .found(let p): return .record(.process(p))
        case .ambiguous(let list): return .ambiguous(list.map(\.name))
        case .notFound: return .freeText(.text(trimmed))
        }
    }
}

/// The workshop facts of a checklist. Every field is optional free text except `subject`.
public struct ChecklistMeta: Sendable, Hashable {
    public var subject: ChecklistSubject?
    /// The workshop date as typed, usually ISO ("2026-12-03").
    public var date: String?
    public var facilitator: String?
    /// The participants, as one free text ("Ministry of Interior; Ghana Immigration Service").
    public var participants: String?

    public init(
        subject: ChecklistSubject? = nil, date: String? = nil, facilitator: String? = nil,
        participants: String? = nil
    ) {
        self.subject = subject; self.date = date; self.facilitator = facilitator; self.participants = participants
    }

    public var isEmpty: Bool { subject == nil && date == nil && facilitator == nil && participants == nil }

    /// Text with surrounding white space removed; nil when nothing is left.
    public static func clean(_ s: String?) -> String? {
        guard let s else { return nil }
        let t = String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        return t.isEmpty ? nil : t
    }

    /// Checks a date: empty, or YYYY-MM-DD with a real month and day. Returns nil when it is fine, else why not.
    public static func dateProblem(_ s: String) -> String? {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), (1...31).contains(d)
        else {
            return "a date is written YYYY-MM-DD, e.g. 2026-12-03"
        }
        return nil
    }
}

/// A version of an item that is not the current one: kept by a conflicting save or a merge.
public struct ChecklistAlternative: Sendable, Hashable {
    public var status: ChecklistStatus
    public var note: String?
    /// When that version was made.
    public var updated: String
    /// Where it comes from, in words: "saved meanwhile by another rcpx (revision 7)", "from “Ghana copy 2”".
    public var source: String

    public init(status: ChecklistStatus, note: String?, updated: String, source: String) {
        self.status = status; self.note = note; self.updated = updated; self.source = source
    }

    init(_ e: ChecklistEntry, source: String) {
        self.init(status: e.status, note: e.note, updated: e.updated, source: source)
    }
}

extension Checklist {
    /// Items that hold kept versions beside the current one (a conflict or a merge to look at), in id order.
    public var conflictedItems: [String] {
        entries.filter { !$0.value.alternatives.isEmpty }.keys.sorted(by: ChecklistItemID.precedes)
    }

    /// Chooses between the current version of an item and its kept ones: `alternative` nil keeps the current
    /// status and note, a number (0-based, as in `entries[id].alternatives`) makes that version current. Either
    /// way the kept versions are cleared. False when the item has no such kept version.
    @discardableResult
    public mutating func resolve(
        _ itemID: String, takingAlternative alternative: Int? = nil,
        at time: String = ChecklistClock.now()
    ) -> Bool {
        guard var e = entries[itemID], !e.alternatives.isEmpty else { return false }
        if let i = alternative {
            guard e.alternatives.indices.contains(i) else { return false }
            let a = e.alternatives[i]
            e.status = a.status; e.note = a.note
        }
        e.alternatives = []
        e.updated = time
        entries[itemID] = e
        return true
    }
}
