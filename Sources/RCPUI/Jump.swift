import RCPCore

/// Type to jump, as file managers do: after `'` in the tree or the matrix, the letters typed move the cursor
/// to the next row whose name starts with them (case, accents and punctuation folded). Enter keeps the place,
/// Esc goes back to where the jump started; ↓ goes to the next row with the same start.
public struct JumpState: Sendable {
    public var editor = LineEditor(limit: 60)
    /// The pane the jump moves in.
    public var pane: PaneID
    /// The view from before the jump, restored by Esc.
    var saved: AppState.ViewSnapshot
    /// How many rows start with the letters typed (for the status line).
    public var matches = 0
}

extension AppState {
    /// The names of the rows the jump can land on, in the pane's order, with what selecting one shows.
    func jumpRows(_ pane: PaneID) -> [(names: [String], select: (inout AppState) -> Void)] {
        let env = self.env
        switch pane {
        case .tree:
            return tree.rows(env).map { row in
                (TreeModel.names(row.node, catalog), { s in _ = s.tree.reveal(row.node, env) })
            }
        case .matrix:
            return matrix.view(context(.matrix, env: env)).index.parties.map { party in
                ([env.name(party), party.name] + party.aliases, { s in s.matrix.cursorParty = party.id })
            }
        default:
            return []
        }
    }

    /// The index of the current row of `pane` among `jumpRows`.
    func jumpCurrent(_ pane: PaneID) -> Int? {
        switch pane {
        case .tree: return tree.selected.flatMap { sel in tree.rows(env).firstIndex { $0.node == sel } }
        case .matrix: return matrix.rowIndex(matrix.view(context(.matrix)))
        default: return nil
        }
    }

    /// Moves to the first row at or after the current one (after it when `next`) whose name starts with `prefix`.
    mutating func jump(to prefix: String, next: Bool) -> Int {
        guard var j = jumpState, !prefix.isEmpty else { return 0 }
        let rows = jumpRows(j.pane)
        func starts(_ names: [String]) -> Bool {
            names.contains { matchRanges(of: prefix, in: $0).first?.lowerBound == 0 }
        }
        let matching = rows.indices.filter { starts(rows[$0].names) }
        j.matches = matching.count
        jumpState = j
        guard !matching.isEmpty else { return 0 }
        let current = jumpCurrent(j.pane) ?? -1
        let target = matching.first { next ? $0 > current : $0 >= current } ?? matching[0]
        rows[target].select(&self)
        return matching.count
    }

    mutating func handleJumpTyping(_ action: Action?, _ key: Key) -> [Effect] {
        guard var j = jumpState else { return [] }
        switch action {
        case .cancel:
            restore(j.saved)
            jumpState = nil
            return []
        case .commit:
            jumpState = nil
            return showJumped(j.pane)
        case .nextHit:
            _ = jump(to: j.editor.text, next: true)
            return showJumped(j.pane, keepJumping: true)
        default:
            guard Self.edit(&j.editor, action, key) else { return [] }
            jumpState = j
            restore(j.saved)
            jumpState = j
            _ = jump(to: j.editor.text, next: false)
            return showJumped(j.pane, keepJumping: true)
        }
    }

    /// Shows the row the jump is on in the card (as the pane's own move would).
    mutating func showJumped(_ pane: PaneID, keepJumping: Bool = false) -> [Effect] {
        switch pane {
        case .tree: if let n = tree.selected { card.show(n.subject) }
        case .matrix: if let subject = matrix.subject(matrix.view(context(.matrix))) { card.show(subject) }
        default: break
        }
        return []
    }
}
