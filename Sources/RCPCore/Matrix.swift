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

/// The arguments of `Catalog.matrixIndex`, for remembering the last ones built.
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

/// The roles of one matrix cell as a set of bits, in `Role` order (so reading them back gives them sorted).
public struct RoleSet: Sendable, Hashable {
    var bits: UInt16
    static let ordered = Role.allCases.sorted()

    init(_ roles: [Role]) {
        bits = 0
        for r in roles { bits |= 1 << UInt16(Self.ordered.firstIndex(of: r)!) }
    }

    /// The roles, sorted.
    public var roles: [Role] { Self.ordered.indices.filter { bits & (1 << UInt16($0)) != 0 }.map { Self.ordered[$0] } }
}

/// One taken-part cell of a `MatrixIndex` row: the column and the roles there.
public struct MatrixCell: Sendable, Hashable {
    public var column: Int
    public var roles: RoleSet
}

/// The membership matrix kept sparse, so that a view costs what it shows: the columns, the rows' parties in
/// order, and for each row only the cells where its party takes part. Built once per region, kinds, sort and
/// filter (`Catalog.matrixIndex`, `narrowed`), then read by row and column: finding a party's row or a
/// process's column is a dictionary lookup, and a cell is a short scan of its row.
public final class MatrixIndex: Sendable {
    public let columns: [Process]
    /// The parties of the rows, in order.
    public let parties: [Party]
    /// For each row, its cells in column order.
    let rowCells: [[MatrixCell]]
    private let rowOfParty: [String: Int]
    private let columnOfProcess: [String: Int]

    init(columns: [Process], parties: [Party], rowCells: [[MatrixCell]]) {
        self.columns = columns
        self.parties = parties
        self.rowCells = rowCells
        rowOfParty = Dictionary(parties.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        columnOfProcess = Dictionary(columns.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public var rowCount: Int { parties.count }
    /// The number of columns in which the row's party takes part.
    public func count(row: Int) -> Int { rowCells[row].count }
    /// The roles (sorted) of a cell; empty when the party does not take part there.
    public func roles(row: Int, column: Int) -> [Role] {
        rowCells[row].first { $0.column == column }?.roles.roles ?? []
    }
    public func row(ofParty id: String) -> Int? { rowOfParty[id] }
    public func column(ofProcess id: String) -> Int? { columnOfProcess[id] }

    /// The matrix limited to `keep` columns (positions, ascending; all when nil), with the rows that `keepRow`
    /// keeps and, when `orTakingPart`, those taking part in one of the kept columns.
    public func narrowed(
        columns keep: [Int]? = nil, keepingRow keepRow: (Party) -> Bool, orTakingPart: Bool = true
    ) -> MatrixIndex {
        var newColumn = Array(repeating: -1, count: columns.count)
        for (n, c) in (keep ?? Array(columns.indices)).enumerated() { newColumn[c] = n }
        var parties: [Party] = [], cells: [[MatrixCell]] = []
        for (r, row) in rowCells.enumerated() {
            let kept = row.compactMap { cell in
                newColumn[cell.column] < 0 ? nil : MatrixCell(column: newColumn[cell.column], roles: cell.roles)
            }
            if (orTakingPart && !kept.isEmpty) || keepRow(self.parties[r]) {
                parties.append(self.parties[r])
                cells.append(kept)
            }
        }
        return MatrixIndex(columns: keep.map { $0.map { columns[$0] } } ?? columns, parties: parties, rowCells: cells)
    }

    /// The dense matrix, one entry per row and column.
    public var dense: MembershipMatrix {
        MembershipMatrix(
            columns: columns,
            rows: parties.indices.map { r in
                var cells = Array(repeating: [Role](), count: columns.count)
                for cell in rowCells[r] { cells[cell.column] = cell.roles.roles }
                return MatrixRow(party: parties[r], cells: cells, count: rowCells[r].count)
            })
    }
}

extension Catalog {
    /// The membership matrix: the processes of `region` (all regions when nil; footnote groups only with
    /// `includeOutsideMatrix`) as columns, and as rows every party of one of `kinds` that takes part in at
    /// least one of them.
    public func matrix(
        region: String? = nil, kinds: Set<PartyKind> = [.state, .territory], sort: MatrixSort = .name,
        includeOutsideMatrix: Bool = true
    ) -> MembershipMatrix {
        matrixIndex(region: region, kinds: kinds, sort: sort, includeOutsideMatrix: includeOutsideMatrix).dense
    }

    /// The membership matrix kept sparse (see `matrix`); the last few built are remembered.
    public func matrixIndex(
        region: String? = nil, kinds: Set<PartyKind> = [.state, .territory], sort: MatrixSort = .name,
        includeOutsideMatrix: Bool = true
    ) -> MatrixIndex {
        let key = MatrixKey(region: region, kinds: kinds, sort: sort, includeOutsideMatrix: includeOutsideMatrix)
        if let hit = recentMatrices.withLock({ $0.first { $0.key == key }?.index }) { return hit }
        let built = buildMatrix(key)
        recentMatrices.withLock { recent in
            recent.insert((key, built), at: 0)
            if recent.count > 4 { recent.removeLast() }
        }
        return built
    }

    private func buildMatrix(_ key: MatrixKey) -> MatrixIndex {
        let columnPositions = processes.indices.filter { i in
            (key.region == nil || processes[i].region == key.region)
                && (key.includeOutsideMatrix || processes[i].inMatrix)
        }
        var columnOf = Array(repeating: -1, count: processes.count)
        for (column, position) in columnPositions.enumerated() { columnOf[position] = column }
        var rows: [(party: Party, cells: [MatrixCell])] = []
        for (position, party) in parties.enumerated() where key.kinds.contains(party.kind) {
            var cells: [MatrixCell] = []
            for at in partyProcesses[position] where columnOf[at.outer] >= 0 {
                cells.append(
                    MatrixCell(
                        column: columnOf[at.outer], roles: RoleSet(processes[at.outer].participants[at.inner].roles)))
            }
            if !cells.isEmpty { rows.append((party, cells.sorted { $0.column < $1.column })) }
        }
        // Rows are already by name; a stable sort on the count keeps that order within equal counts.
        if key.sort == .count {
            rows = rows.enumerated().sorted {
                ($0.element.cells.count, -$0.offset) > ($1.element.cells.count, -$1.offset)
            }.map(\.element)
        }
        return MatrixIndex(
            columns: columnPositions.map { processes[$0] }, parties: rows.map(\.party), rowCells: rows.map(\.cells))
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
