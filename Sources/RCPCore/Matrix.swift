/// How the rows of a membership matrix are ordered.
public enum MatrixSort: String, CaseIterable, Sendable, Hashable {
    /// By party name.
    case name
    /// By number of processes, most first; ties by name.
    case count
}

/// Parties × processes, like Annex A.
public struct MembershipMatrix: Sendable, Hashable {
    /// The processes shown, by region order, then matrix number, then the footnote groups by name.
    public var columns: [Process]
    public var rows: [MatrixRow]
}

/// The arguments of `Catalog.matrix`, for remembering the last one built.
struct MatrixKey: Sendable, Hashable {
    var region: String?
    var kinds: Set<PartyKind>
    var sort: MatrixSort
    var includeOutsideMatrix: Bool
}

/// One party's line of a `MembershipMatrix`.
public struct MatrixRow: Sendable, Hashable {
    public var party: Party
    /// One entry per column: the party's roles there (sorted), empty when it does not take part.
    public var cells: [[Role]]
    /// The number of columns in which the party takes part.
    public var count: Int
}

/// The parties of two processes side by side.
public struct Overlap: Sendable {
    public var a: Process
    public var b: Process
    /// Parties in both, by name, with their roles in each.
    public var common: [(party: Party, rolesInA: [Role], rolesInB: [Role])]
    /// Parties only in `a`, by name.
    public var onlyA: [Party]
    /// Parties only in `b`, by name.
    public var onlyB: [Party]
}

extension Catalog {
    /// The membership matrix: the processes of `region` (all regions when nil; footnote groups only with
    /// `includeOutsideMatrix`) as columns, and as rows every party of one of `kinds` that takes part in at
    /// least one of them.
    public func matrix(
        region: String? = nil, kinds: Set<PartyKind> = [.state, .territory], sort: MatrixSort = .name,
        includeOutsideMatrix: Bool = true
    ) -> MembershipMatrix {
        let key = MatrixKey(region: region, kinds: kinds, sort: sort, includeOutsideMatrix: includeOutsideMatrix)
        if let hit = lastMatrix.withLock({ last in last.flatMap { $0.key == key ? $0.matrix : nil } }) { return hit }
        let built = buildMatrix(region: region, kinds: kinds, sort: sort, includeOutsideMatrix: includeOutsideMatrix)
        lastMatrix.withLock { $0 = (key, built) }
        return built
    }

    private func buildMatrix(
        region: String?, kinds: Set<PartyKind>, sort: MatrixSort,
        includeOutsideMatrix: Bool
    ) -> MembershipMatrix {
        let columnPositions = processes.indices.filter { i in
            (region == nil || processes[i].region == region) && (includeOutsideMatrix || processes[i].inMatrix)
        }
        let columnOf = Dictionary(uniqueKeysWithValues: columnPositions.enumerated().map { ($1, $0) })
        var rows: [MatrixRow] = []
        for (position, party) in parties.enumerated() where kinds.contains(party.kind) {
            var cells = Array(repeating: [Role](), count: columnPositions.count)
            var count = 0
            for at in partyProcesses[position] {
                guard let column = columnOf[at.outer] else { continue }
                cells[column] = processes[at.outer].participants[at.inner].roles.sorted()
                count += 1
            }
            if count > 0 { rows.append(MatrixRow(party: party, cells: cells, count: count)) }
        }
        // Rows are already by name; a stable sort on the count keeps that order within equal counts.
        if sort == .count {
            rows = rows.enumerated().sorted { ($0.element.count, -$0.offset) > ($1.element.count, -$1.offset) }.map(
                \.element)
        }
        return MembershipMatrix(columns: columnPositions.map { processes[$0] }, rows: rows)
    }

    /// The participants (any role) two processes share and those only one has; nil for an unknown id.
    public func overlap(_ a: String, _ b: String) -> Overlap? {
        guard let pa = processIndex[a], let pb = processIndex[b] else { return nil }
        func rolesByParty(_ p: Int) -> [Int: [Role]] {
            var roles: [Int: [Role]] = [:]
            for participation in processes[p].participants {
                if let party = partyIndex[participation.party] { roles[party] = participation.roles.sorted() }
            }
            return roles
        }
        let inA = rolesByParty(pa), inB = rolesByParty(pb)
        let common = inA.keys.filter { inB[$0] != nil }.sorted().map { (parties[$0], inA[$0]!, inB[$0]!) }
        return Overlap(
            a: processes[pa], b: processes[pb], common: common,
            onlyA: inA.keys.filter { inB[$0] == nil }.sorted().map { parties[$0] },
            onlyB: inB.keys.filter { inA[$0] == nil }.sorted().map { parties[$0] })
    }
}
