/// Two to four processes, or two to four parties, side by side.

/// What a comparison is asked for: a process or a party, by id.
public enum ComparisonSubject: Sendable, Hashable {
    case process(String)
    case party(String)
}

/// Why a comparison cannot be made.
public enum ComparisonError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Fewer than 2 or more than 4 subjects.
    case count(Int)
    /// Processes and parties mixed: the first process id and the first party id.
    case mixedKinds(process: String, party: String)
    /// The same record twice.
    case duplicate(String)
    /// An id that names nothing.
    case unknown(String)

    public var description: String {
        switch self {
        case .count(let n):
            return "a comparison takes 2 to 4 processes or 2 to 4 parties, not \(n)"
        case .mixedKinds(let process, let party):
            return "compare processes with processes or parties with parties: \"\(process)\" is a process, "
                + "\"\(party)\" is a party"
        case .duplicate(let id):
            return "\"\(id)\" is given twice"
        case .unknown(let id):
            return "no process or party has the id \"\(id)\""
        }
    }
}

/// A party's roles in each of the compared processes (nil where it takes no part).
public struct ComparedParticipant: Sendable, Hashable {
    public var party: Party
    /// The party's place in the catalog's name order (for sorting by name).
    var position: Int
    /// One entry per compared process, in the order asked.
    public var roles: [[Role]?]
    /// In how many of the compared processes the party takes part.
    public var count: Int { roles.filter { $0 != nil }.count }
}

/// A heading or a topic label, and which of the compared processes have it.
public struct ComparedTopic: Sendable, Hashable {
    /// The topic label (as the first process that has it words it), or the heading's title.
    public var label: String
    /// The effective-practice heading number, for headings; nil for topic labels.
    public var practice: Int?
    /// One flag per compared process.
    public var present: [Bool]
    public var count: Int { present.filter { $0 }.count }
}

/// The figures of one compared process.
public struct ComparedProcessFacts: Sendable, Hashable {
    public var process: Process
    public var regionName: String
    /// Participants with the role `member`.
    public var members: Int
    /// Participants with the role `observer`.
    public var observers: Int
    /// Every named participant, whatever the role.
    public var participants: Int
    /// The parties that lead (chair, co-chair, vice-chair, presidency pro tempore), with those roles.
    public var leaders: [(party: Party, roles: [Role])]

    public static func == (a: Self, b: Self) -> Bool {
        a.process == b.process && a.members == b.members && a.observers == b.observers
            && a.participants == b.participants && a.leaders.map(\.party) == b.leaders.map(\.party)
    }
    public func hash(into h: inout Hasher) { h.combine(process.id) }
}

/// Two to four processes side by side.
public struct ProcessComparison: Sendable, Hashable {
    public var processes: [Process]
    public var facts: [ComparedProcessFacts]
    /// Parties in every compared process, by name.
    public var inAll: [ComparedParticipant]
    /// Parties in more than one but not all (empty for two processes), by number of processes, then name.
    public var inSome: [ComparedParticipant]
    /// Parties in exactly one, by that process (in the order asked), then name.
    public var onlyOne: [ComparedParticipant]
    /// Topic labels (compared ignoring case, accents and punctuation), shared ones first.
    public var topics: [ComparedTopic]
    /// Effective-practice headings any of the processes' topics fall under, by number.
    public var practices: [ComparedTopic]
    /// The participants in all, in some (3 or 4 processes only) and in only one, counted by area (continent,
    /// organizations, other: see `PartyArea`).
    public var regionTotals: [RegionTotals]

    /// Every participant, ordered for the narrowed matrix: in the most of the compared processes first, then by
    /// name (the catalog's folded order).
    public var byCount: [ComparedParticipant] { inAll + inSome + onlyOne.sorted { $0.position < $1.position } }

    /// The members (role `member`) every compared process has.
    public var membersInAll: [ComparedParticipant] {
        inAll.filter { p in p.roles.allSatisfy { $0?.contains(.member) ?? false } }
    }
}

/// Two to four parties side by side.
public struct PartyComparison: Sendable, Hashable {
    public struct Row: Sendable, Hashable {
        public var process: Process
        /// One entry per compared party, in the order asked: its roles, nil where it takes no part.
        public var roles: [[Role]?]
        public var count: Int { roles.filter { $0 != nil }.count }
    }

    public var parties: [Party]
    /// Every process at least one of them is in, in process order.
    public var rows: [Row]
    /// The processes all of them are in.
    public var shared: [Row] { rows.filter { $0.count == parties.count } }
    /// For each party, the number of processes it is in (matrix processes and footnote groups).
    public var counts: [Int] { parties.indices.map { i in rows.filter { $0.roles[i] != nil }.count } }
}

/// The answer of `Catalog.compare`.
public enum Comparison: Sendable, Hashable {
    case processes(ProcessComparison)
    case parties(PartyComparison)
}

extension Catalog {
    /// Compares 2–4 processes or 2–4 parties; throws for a wrong number, a mix of kinds, a repeat or an unknown id.
    /// `world` gives the states their continents for the region totals.
    public func compare(_ subjects: [ComparisonSubject], world: WorldMap = .bundled) throws(ComparisonError)
        -> Comparison
    {
        guard (2...4).contains(subjects.count) else { throw .count(subjects.count) }
        var processIDs: [String] = [], partyIDs: [String] = []
        for s in subjects {
            switch s {
            case .process(let id): processIDs.append(id)
            case .party(let id): partyIDs.append(id)
            }
        }
        if let p = processIDs.first, let q = partyIDs.first { throw .mixedKinds(process: p, party: q) }
        let ids = processIDs + partyIDs
        for (i, id) in ids.enumerated() where ids[..<i].contains(id) { throw .duplicate(id) }
        if !processIDs.isEmpty {
            let list = try processIDs.map { id throws(ComparisonError) -> Process in
                guard let p = process(id: id) else { throw .unknown(id) }
                return p
            }
            return .processes(compareProcesses(list, world: world))
        }
        let list = try partyIDs.map { id throws(ComparisonError) -> Party in
            guard let p = party(id: id) else { throw .unknown(id) }
            return p
        }
        return .parties(compareParties(list))
    }

    func compareProcesses(_ list: [Process], world: WorldMap) -> ProcessComparison {
        // Roles by party position, per process.
        let roleMaps: [[Int: [Role]]] = list.map { p in
            var map: [Int: [Role]] = [:]
            for part in p.participants {
                if let i = partyIndex[part.party] { map[i] = (map[i] ?? []) + part.roles }
            }
            return map.mapValues { Array(Set($0)).sorted() }
        }
        let everyone = Set(roleMaps.flatMap(\.keys)).sorted()
        let rows = everyone.map { i in
            ComparedParticipant(party: parties[i], position: i, roles: roleMaps.map { $0[i] })
        }
        let n = list.count
        let inAll = rows.filter { $0.count == n }
        let inSome = rows.filter { $0.count > 1 && $0.count < n }
            .enumerated().sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }.map(\.element)
        let onlyOne = rows.filter { $0.count == 1 }
            .enumerated().sorted { a, b in
                let pa = a.element.roles.firstIndex { $0 != nil }!, pb = b.element.roles.firstIndex { $0 != nil }!
                return (pa, a.offset) < (pb, b.offset)
            }.map(\.element)

        // Topics by folded label, in order of first appearance; shared ones first.
        var topicOrder: [String] = []
        var topicLabel: [String: String] = [:]
        var topicPresent: [String: [Bool]] = [:]
        for (k, p) in list.enumerated() {
            for t in p.topics {
                let key = normalizeForSearch(t.label)
                if topicLabel[key] == nil { topicOrder.append(key); topicLabel[key] = t.label }
                topicPresent[key, default: Array(repeating: false, count: n)][k] = true
            }
        }
        let topics = topicOrder.enumerated()
            .map {
                (
                    offset: $0.offset,
                    topic: ComparedTopic(
                        label: topicLabel[$0.element]!, practice: nil,
                        present: topicPresent[$0.element]!)
                )
            }
            .sorted { ($1.topic.count, $0.offset) < ($0.topic.count, $1.offset) }
            .map(\.topic)
        let practices = self.practices.compactMap { practice -> ComparedTopic? in
            let present = list.map { p in p.topics.contains { $0.practices.contains(practice.number) } }
            return present.contains(true)
                ? ComparedTopic(label: practice.title, practice: practice.number, present: present) : nil
        }

        let facts = list.map { p -> ComparedProcessFacts in
            let leaders = sortedParticipants(p.participants)
                .filter { $0.participation.roles.contains(where: \.isLeadership) }
                .map { ($0.party, $0.participation.roles.filter(\.isLeadership).sorted()) }
            return ComparedProcessFacts(
                process: p, regionName: region(id: p.region)?.name ?? p.region,
                members: p.memberCount,
                observers: p.participants.filter { $0.roles.contains(.observer) }.count,
                participants: Set(p.participants.map(\.party)).count, leaders: leaders)
        }
        var totals = [regionTotals(.all, inAll, processes: n, world: world)]
        if n > 2 { totals.append(regionTotals(.some, inSome, processes: n, world: world)) }
        totals.append(regionTotals(.one, onlyOne, processes: n, world: world))
        return ProcessComparison(
            processes: list, facts: facts, inAll: inAll, inSome: inSome, onlyOne: onlyOne,
            topics: topics, practices: practices, regionTotals: totals)
    }

    func compareParties(_ list: [Party]) -> PartyComparison {
        let byParty = list.map { party in
            Dictionary(
                participations(of: party.id).map { ($0.process.id, $0.roles) },
                uniquingKeysWith: { a, b in
                    Array(Set(a + b)).sorted()
                })
        }
        let rows = processes.compactMap { p -> PartyComparison.Row? in
            let roles = byParty.map { $0[p.id] }
            return roles.contains { $0 != nil } ? PartyComparison.Row(process: p, roles: roles) : nil
        }
        return PartyComparison(parties: list, rows: rows)
    }
}

// MARK: - Rankings

/// A party's place in `Catalog.rankParties`.
public struct RankedParty: Sendable, Hashable {
    public var party: Party
    /// Shared by every party with the same count (1, 2, 2, 4 …).
    public var rank: Int
    /// In how many of the Annex A matrix processes the party takes part (any role).
    public var matrixCount: Int
    /// The same, counting the groups outside the matrix (the footnote groups) too.
    public var allCount: Int
    /// How many parties share this rank (1 when alone).
    public var tied: Int
}

/// What processes are ranked by.
public enum ProcessRankKey: String, CaseIterable, Sendable, Hashable {
    /// Participants with the role `member`.
    case members
    /// Participants with the role `observer`.
    case observers
    /// Main areas of discussion (topics).
    case topics
}

/// A process's place in `Catalog.rankProcesses`.
public struct RankedProcess: Sendable, Hashable {
    public var process: Process
    public var rank: Int
    public var value: Int
    public var tied: Int
}

extension Catalog {
    /// Parties of `kinds` in at least one process, by the number of processes they are in, most first. The count
    /// is over the Annex A matrix processes, or over every process (footnote groups too) with `includeGroups`;
    /// both figures are given either way. Parties with the same count share a rank and are listed by name.
    public func rankParties(kinds: Set<PartyKind> = [.state, .territory], includeGroups: Bool = false) -> [RankedParty]
    {
        var list: [(position: Int, matrix: Int, all: Int)] = []
        for (i, party) in parties.enumerated() where kinds.contains(party.kind) {
            let at = partyProcesses[i]
            let matrix = at.filter { processes[$0.outer].inMatrix }.count
            if at.isEmpty || (!includeGroups && matrix == 0) { continue }
            list.append((i, matrix, at.count))
        }
        let key = { (e: (position: Int, matrix: Int, all: Int)) in includeGroups ? e.all : e.matrix }
        list.sort { (key($1), $0.position) < (key($0), $1.position) }
        return Self.ranks(list.map(key)).enumerated().map { n, r in
            RankedParty(
                party: parties[list[n].position], rank: r.rank, matrixCount: list[n].matrix,
                allCount: list[n].all, tied: r.tied)
        }
    }

    /// Processes by `key`, most first; the Annex A processes, or every process with `includeGroups`. Processes
    /// with the same value share a rank and keep the process order (region, then matrix number).
    public func rankProcesses(by key: ProcessRankKey, includeGroups: Bool = false) -> [RankedProcess] {
        func value(_ p: Process) -> Int {
            switch key {
            case .members: return Set(p.participants.filter { $0.roles.contains(.member) }.map(\.party)).count
            case .observers: return Set(p.participants.filter { $0.roles.contains(.observer) }.map(\.party)).count
            case .topics: return p.topics.count
            }
        }
        let list = processes.enumerated().filter { includeGroups || $0.element.inMatrix }
            .map { (offset: $0.offset, process: $0.element, value: value($0.element)) }
            .sorted { ($1.value, $0.offset) < ($0.value, $1.offset) }
        return Self.ranks(list.map(\.value)).enumerated().map { n, r in
            RankedProcess(process: list[n].process, rank: r.rank, value: list[n].value, tied: r.tied)
        }
    }

    /// Competition ranks (1, 2, 2, 4) of values sorted most first, with the size of each tie.
    static func ranks(_ values: [Int]) -> [(rank: Int, tied: Int)] {
        var out: [(Int, Int)] = []
        var i = 0
        while i < values.count {
            var j = i
            while j < values.count && values[j] == values[i] { j += 1 }
            for _ in i..<j { out.append((i + 1, j - i)) }
            i = j
        }
        return out
    }
}

/// How a rank is written, in the explorer and on the command line alike: "3", or "3=" when others share it.
public func rankLabel(_ rank: Int, tied: Int) -> String { "\(rank)" + (tied > 1 ? "=" : "") }
