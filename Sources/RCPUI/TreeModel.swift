import RCPCore

/// Builds the rows of the tree from the catalog: regions → processes (matrix processes, then the footnote
/// groups), and the global group → mechanisms → events.
public enum TreeModel {
    /// The id of the group of global mechanisms (a region of the data, or made up when the data has none).
    public static let globalID = "global"
    public static let globalName = "Global mechanisms"

    struct Branch {
        var node: TreeNode
        var children: [Branch]
    }

    /// The label of the guide branch.
    public static let guideName = "Guide: what the paper says"

    /// What the branches and the rows are made from (with the catalog: see `Catalog.derived`).
    private struct BranchesKey: Hashable, Sendable {}

    private struct RowsKey: Hashable, Sendable {
        var expanded: Set<TreeNode>
        var filter: String?
    }

    static func branches(_ catalog: Catalog) -> [Branch] {
        catalog.derived.value(BranchesKey(), keep: 1) { makeBranches(catalog) }
    }

    private static func makeBranches(_ catalog: Catalog) -> [Branch] {
        var out: [Branch] = []
        let topics = catalog.guideTopics
        if !topics.isEmpty {
            out.append(
                Branch(node: .guideRoot, children: topics.map { Branch(node: .guideTopic($0.id), children: []) }))
        }
        var sawGlobal = false
        func mechanisms() -> [Branch] {
            catalog.mechanisms.map { m in
                Branch(node: .mechanism(m.id), children: m.events.map { Branch(node: .event($0.id), children: []) })
            }
        }
        for region in catalog.regions {
            var children = catalog.processes(inRegion: region.id).map { Branch(node: .process($0.id), children: []) }
            if region.id == globalID { children += mechanisms(); sawGlobal = true }
            out.append(Branch(node: .region(region.id), children: children))
        }
        if !sawGlobal && !catalog.mechanisms.isEmpty {
            out.append(Branch(node: .region(globalID), children: mechanisms()))
        }
        return out
    }

    /// The texts a node is known by (for the filter).
    static func names(_ node: TreeNode, _ catalog: Catalog) -> [String] {
        switch node {
        case .region(let id):
            return [catalog.region(id: id)?.name ?? (id == globalID ? globalName : id)]
        case .process(let id):
            guard let p = catalog.process(id: id) else { return [] }
            return [p.name, p.shortName] + p.aliases
        case .mechanism(let id):
            guard let m = catalog.mechanism(id: id) else { return [] }
            return [m.name, m.shortName] + m.aliases
        case .event(let id):
            guard let (_, e) = catalog.event(id: id) else { return [] }
            return [e.title]
        case .guideRoot: return [guideName, "Guide"]
        case .guideTopic(let id): return catalog.guideTopic(id: id).map { [$0.title] } ?? []
        }
    }

    /// Whether one of the node's named participants passes the filter.
    static func hasMatchingParticipant(_ node: TreeNode, _ env: DisplayEnvironment) -> Bool {
        let list: [Participation]
        switch node {
        case .process(let id): list = env.catalog.participants(ofProcess: id)
        case .mechanism(let id): list = env.catalog.mechanism(id: id)?.participants ?? []
        case .event(let id): return (env.catalog.event(id: id)?.1.partners ?? []).contains { env.partyPasses($0) }
        case .region, .guideRoot, .guideTopic: return false
        }
        return list.contains { env.partyPasses($0.party) }
    }

    /// The visible rows. With a filter, only matching nodes (and their ancestors) show, all expanded: a node
    /// matches by its own names; when no node does, nodes with a matching participant (a state's processes).
    /// Made once for their inputs (the catalog, the open branches, the filter) and remembered with the last few.
    public static func rows(_ env: DisplayEnvironment, expanded: Set<TreeNode>) -> [TreeRow] {
        let key = RowsKey(expanded: env.filterMatch == nil ? expanded : [], filter: env.filter)
        return env.catalog.derived.value(key, keep: 4) { makeRows(env, expanded: expanded) }
    }

    private static func makeRows(_ env: DisplayEnvironment, expanded: Set<TreeNode>) -> [TreeRow] {
        let all = branches(env.catalog)
        guard let match = env.filterMatch else {
            return flatten(all, depth: 0, parent: nil, expanded: expanded, keep: nil)
        }
        var keep = Set<TreeNode>()
        func mark(_ b: Branch, by test: (TreeNode) -> Bool) -> Bool {
            if test(b.node) {
                // A matching node keeps its whole subtree.
                func all(_ b: Branch) { keep.insert(b.node); b.children.forEach(all) }
                all(b)
                return true
            }
            var any = false
            for c in b.children where mark(c, by: test) { any = true }
            if any { keep.insert(b.node) }
            return any
        }
        for b in all { _ = mark(b, by: { match.matches($0) }) }
        if keep.isEmpty {
            for b in all { _ = mark(b, by: { hasMatchingParticipant($0, env) }) }
        }
        return flatten(all, depth: 0, parent: nil, expanded: nil, keep: keep)
    }

    private static func flatten(
        _ branches: [Branch], depth: Int, parent: TreeNode?, expanded: Set<TreeNode>?,
        keep: Set<TreeNode>?
    ) -> [TreeRow] {
        var rows: [TreeRow] = []
        for b in branches where keep?.contains(b.node) ?? true {
            let children = keep.map { k in b.children.filter { k.contains($0.node) } } ?? b.children
            let open = expanded?.contains(b.node) ?? true
            rows.append(
                TreeRow(
                    node: b.node, depth: depth, parent: parent, childCount: children.count,
                    expanded: open && !children.isEmpty))
            if open { rows += flatten(children, depth: depth + 1, parent: b.node, expanded: expanded, keep: keep) }
        }
        return rows
    }
}
