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
struct RoleSet: Sendable, Hashable {
    var bits: UInt16
    static let ordered = Role.allCases.sorted()

    init(_ roles: [Role]) {
        bits = 0
        for r in roles { bits |= 1 << UInt16(Self.ordered.firstIndex(of: r)!) }
    }

    /// The roles, sorted.
    var roles: [Role] { Self.ordered.indices.filter { bits & (1 << UInt16($0)) != 0 }.map { Self.ordered[$0] } }
}

/// One taken-part cell of a `MatrixIndex` row: the column and the roles there.
struct MatrixCell: Sendable, Hashable {
    var column: Int
    var roles: RoleSet
}

/// The membership matrix kept sparse, so that a view costs what it shows: the columns and the rows' parties
/// as positions in the catalog, and for each row only the cells where its party takes part. Built once per
/// region, kinds, sort and filter (`Catalog.matrixIndex`, `narrowed`), then read by row and column: finding a
/// party's row or a process's column is a lookup, and a cell is a short scan of its row.
public final class MatrixIndex: Sendable {
    /// The catalog's processes and parties, shared (not copied) by every index of the catalog.
    private let allProcesses: [Process]
    private let allParties: [Party]
    private let processIndex: [String: Int]
    private let partyIndex: [String: Int]
    /// The catalog positions of the columns' processes and of the rows' parties, in order.
    let columnPositions: [Int]
    let rowPositions: [Int]
    /// For each row, its cells in column order.
    let rowCells: [[MatrixCell]]
    /// For each catalog position, its column or row (-1 when not in the matrix).
    private let columnOfPosition: [Int32]
    private let rowOfPosition: [Int32]

    convenience init(catalog c: Catalog, columns: [Int], rows: [Int], rowCells: [[MatrixCell]]) {
        self.init(
            processes: c.processes, parties: c.parties, processIndex: c.processIndex, partyIndex: c.partyIndex,
            columns: columns, rows: rows, rowCells: rowCells)
    }

    private init(
        processes: [Process], parties: [Party], processIndex: [String: Int], partyIndex: [String: Int],
        columns: [Int], rows: [Int], rowCells: [[MatrixCell]]
    ) {
        allProcesses = processes
        allParties = parties
        self.processIndex = processIndex
        self.partyIndex = partyIndex
        columnPositions = columns
        rowPositions = rows
        self.rowCells = rowCells
        var columnOf = [Int32](repeating: -1, count: processes.count)
        for (c, position) in columns.enumerated() { columnOf[position] = Int32(c) }
        columnOfPosition = columnOf
        var rowOf = [Int32](repeating: -1, count: parties.count)
        for (r, position) in rows.enumerated() { rowOf[position] = Int32(r) }
        rowOfPosition = rowOf
    }

    /// The processes of the columns, in order.
    public var columns: MatrixColumns { MatrixColumns(processes: allProcesses, positions: columnPositions) }
    public var columnCount: Int { columnPositions.count }
    /// The id and the short name of a column's process (without copying the process).
    public func processID(column: Int) -> String { allProcesses[columnPositions[column]].id }
    public func shortName(column: Int) -> String { allProcesses[columnPositions[column]].shortName }
    public var rowCount: Int { rowPositions.count }
    /// The party of a row.
    public func party(row: Int) -> Party { allParties[rowPositions[row]] }
    /// The parties of the rows, in order.
    public var parties: [Party] { rowPositions.map { allParties[$0] } }
    /// The number of columns in which the row's party takes part.
    public func count(row: Int) -> Int { rowCells[row].count }
    /// The roles (sorted) of a cell; empty when the party does not take part there.
    public func roles(row: Int, column: Int) -> [Role] {
        rowCells[row].first { $0.column == column }?.roles.roles ?? []
    }
    public func row(ofParty id: String) -> Int? {
        guard let p = partyIndex[id], rowOfPosition[p] >= 0 else { return nil }
        return Int(rowOfPosition[p])
    }
    public func column(ofProcess id: String) -> Int? {
        guard let p = processIndex[id], columnOfPosition[p] >= 0 else { return nil }
        return Int(columnOfPosition[p])
    }
    /// The positions in the catalog's `parties` of the rows' parties (to measure each name once per catalog).
    public var rowPartyPositions: [Int] { rowPositions }

    /// The matrix limited to `keep` columns (positions, ascending; all when nil), with the rows that `keepRow`
    /// keeps and, when `orTakingPart`, those taking part in one of the kept columns.
    public func narrowed(
        columns keep: [Int]? = nil, keepingRow keepRow: (Party) -> Bool, orTakingPart: Bool = true
    ) -> MatrixIndex {
        var newColumn = Array(repeating: -1, count: columnPositions.count)
        for (n, c) in (keep ?? Array(columnPositions.indices)).enumerated() { newColumn[c] = n }
        var rows: [Int] = [], cells: [[MatrixCell]] = []
        for (r, row) in rowCells.enumerated() {
            let kept =
                keep == nil
                ? row
                : row.compactMap { cell in
                    newColumn[cell.column] < 0 ? nil : MatrixCell(column: newColumn[cell.column], roles: cell.roles)
                }
            if (orTakingPart && !kept.isEmpty) || keepRow(allParties[rowPositions[r]]) {
                rows.append(rowPositions[r])
                cells.append(kept)
            }
        }
        return MatrixIndex(
            processes: allProcesses, parties: allParties, processIndex: processIndex, partyIndex: partyIndex,
            columns: keep.map { $0.map { columnPositions[$0] } } ?? columnPositions, rows: rows, rowCells: cells)
    }

    /// The dense matrix, one entry per row and column.
    public var dense: MembershipMatrix {
        MembershipMatrix(
            columns: Array(columns),
            rows: rowPositions.indices.map { r in
                var cells = Array(repeating: [Role](), count: columnCount)
                for cell in rowCells[r] { cells[cell.column] = cell.roles.roles }
                return MatrixRow(party: party(row: r), cells: cells, count: rowCells[r].count)
            })
    }
}

/// The processes of a matrix's columns, read from the catalog's list by position (nothing copied).
public struct MatrixColumns: RandomAccessCollection, Sendable {
    let processes: [Process]
    let positions: [Int]
    public var startIndex: Int { 0 }
    public var endIndex: Int { positions.count }
    public subscript(i: Int) -> Process { processes[positions[i]] }
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

    /// The membership matrix kept sparse (see `matrix`); the last few built are remembered with the catalog.
    public func matrixIndex(
        region: String? = nil, kinds: Set<PartyKind> = [.state, .territory], sort: MatrixSort = .name,
        includeOutsideMatrix: Bool = true
    ) -> MatrixIndex {
        let key = MatrixKey(region: region, kinds: kinds, sort: sort, includeOutsideMatrix: includeOutsideMatrix)
        return derived.value(key, keep: 8) { buildMatrix(key) }
    }

    private func buildMatrix(_ key: MatrixKey) -> MatrixIndex {
        let columnPositions = processes.indices.filter { i in
            (key.region == nil || processes[i].region == key.region)
                && (key.includeOutsideMatrix || processes[i].inMatrix)
        }
        var columnOf = Array(repeating: -1, count: processes.count)
        for (column, position) in columnPositions.enumerated() { columnOf[position] = column }
        var rows: [(position: Int, cells: [MatrixCell])] = []
        for (position, party) in parties.enumerated() where key.kinds.contains(party.kind) {
            var cells: [MatrixCell] = []
            for at in partyProcesses[position] where columnOf[at.outer] >= 0 {
                cells.append(
                    MatrixCell(
                        column: columnOf[at.outer], roles: RoleSet(processes[at.outer].participants[at.inner].roles)))
            }
            if !cells.isEmpty { rows.append((position, cells.sorted { $0.column < $1.column })) }
        }
        // Rows are already by name; a stable sort on the count keeps that order within equal counts.
        if key.sort == .count {
            rows = rows.enumerated().sorted {
                ($0.element.cells.count, -$0.offset) > ($1.element.cells.count, -$1.offset)
            }.map(\.element)
        }
        return MatrixIndex(
            catalog: self, columns: columnPositions, rows: rows.map(\.position), rowCells: rows.map(\.cells))
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
