/// A party's part in one process.
public struct PartyParticipation: Sendable, Hashable {
    public var process: Process
    public var roles: [Role]
    public var note: String?

    public init(process: Process, roles: [Role], note: String? = nil) {
        self.process = process; self.roles = roles; self.note = note
    }
}

/// Where a participant stands in a participant list: leaders first, then members, interested states,
/// participants, observers, the secretariat and coordinators.
func participantGroup(_ roles: [Role]) -> Int {
    if roles.contains(where: \.isLeadership) { return 0 }
    let order: [Role] = [.member, .interestedState, .participant, .observer, .secretariat, .coordinator]
    return 1 + (order.firstIndex { roles.contains($0) } ?? order.count)
}

extension Catalog {
    /// The processes of a region: the matrix processes by number, then the footnote groups by name.
    public func processes(inRegion regionID: String) -> [Process] {
        regionProcesses[regionID] ?? []
    }

    /// Every named participant of a process: leaders (chair, co-chair, vice-chair, presidency pro tempore, in
    /// that order), members, interested states, participants, observers, secretariat; by name within a group.
    public func participants(of processID: String) -> [(party: Party, participation: Participation)] {
        guard let process = process(id: processID) else { return [] }
        return sortedParticipants(process.participants)
    }

    /// The named participants of a mechanism, in the order of `participants(of:)`.
    public func participants(ofMechanism mechanismID: String) -> [(party: Party, participation: Participation)] {
        guard let mechanism = mechanism(id: mechanismID) else { return [] }
        return sortedParticipants(mechanism.participants)
    }

    func sortedParticipants(_ list: [Participation]) -> [(party: Party, participation: Participation)] {
        let resolved = list.compactMap { p -> (key: (Int, Int, Int), party: Party, participation: Participation)? in
            guard let position = partyIndex[p.party] else { return nil }
            let leader = p.roles.filter(\.isLeadership).map(\.rank).min() ?? 0
            return ((participantGroup(p.roles), leader, position), parties[position], p)
        }
        return resolved.sorted { $0.key < $1.key }.map { ($0.party, $0.participation) }
    }

    /// The processes a party takes part in, with its roles there, in process order.
    public func participations(of partyID: String) -> [PartyParticipation] {
        guard let position = partyIndex[partyID] else { return [] }
        return partyProcesses[position].map { at in
            let participation = processes[at.outer].participants[at.inner]
            return PartyParticipation(
                process: processes[at.outer], roles: participation.roles.sorted(),
                note: participation.note)
        }
    }

    /// The global mechanisms a party takes part in, with its participation.
    public func mechanismParticipations(of partyID: String) -> [(mechanism: Mechanism, participation: Participation)] {
        guard let position = partyIndex[partyID] else { return [] }
        return partyMechanisms[position].map { (mechanisms[$0.outer], mechanisms[$0.outer].participants[$0.inner]) }
    }

    /// The events that name a party as a partner, in data order.
    public func events(withPartner partyID: String) -> [(mechanism: Mechanism, event: Event)] {
        guard let position = partyIndex[partyID] else { return [] }
        return partyEvents[position].map { (mechanisms[$0.outer], mechanisms[$0.outer].events[$0.inner]) }
    }

    /// The events a process took part in (e.g. the April 2005 GCIM–IOM workshop).
    public func events(withProcess processID: String) -> [(mechanism: Mechanism, event: Event)] {
        mechanisms.flatMap { m in m.events.filter { $0.processes.contains(processID) }.map { (m, $0) } }
    }

    /// The parties in the most processes (any role), most first, ties by name.
    public func topParties(limit: Int = 10, kinds: Set<PartyKind> = [.state, .territory]) -> [(
        party: Party, count: Int
    )] {
        let ranked = parties.indices
            .filter { kinds.contains(parties[$0].kind) && !partyProcesses[$0].isEmpty }
            .sorted { (-partyProcesses[$0].count, $0) < (-partyProcesses[$1].count, $1) }
        return ranked.prefix(max(0, limit)).map { (parties[$0], partyProcesses[$0].count) }
    }

    /// The processes with a topic under effective-practice heading `number`, with those topics, in process order.
    public func processes(forPractice number: Int) -> [(process: Process, topics: [Topic])] {
        practiceProcesses[number] ?? []
    }

    /// The practice headings a process's topics fall under, by number, each with the topics that map to it.
    public func practices(forProcess processID: String) -> [(practice: Practice, topics: [Topic])] {
        guard let process = process(id: processID) else { return [] }
        return practices.compactMap { practice in
            let topics = process.topics.filter { $0.practices.contains(practice.number) }
            return topics.isEmpty ? nil : (practice, topics)
        }
    }
}
