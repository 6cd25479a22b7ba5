import RCPCore

// The search box and the filter box.
extension AppState {
    mutating func handleSearchTyping(_ action: Action?, _ key: Key) -> [Effect] {
        guard var s = search else { return [] }
        switch action {
        case .cancel:
            restore(s.saved)
            search = nil
            return []
        case .commit:
            guard !s.hits.isEmpty else {
                restore(s.saved)
                search = nil
                say(s.query.isEmpty ? "Search cancelled." : "Nothing matches “\(s.query)”.", error: !s.query.isEmpty)
                return []
            }
            s.typing = false
            search = s
            restore(s.saved)
            let hit = s.hits[s.selected]
            go(to: hit, query: s.query, step: true, from: s.saved.focus)
            say(
                "\(hit.kind.label.sentenceCased): \(hit.title) — in \(whereShown(Subject(hit.ref))); hit \(s.countLabel); \(KeyBindings.firstKey(.nextMatch)) / \(KeyBindings.firstKey(.previousMatch)) for the others."
            )
            return []
        case .previousHit, .nextHit:
            guard !s.hits.isEmpty else { return [] }
            s.selected = (s.selected + (action == .nextHit ? 1 : s.hits.count - 1)) % s.hits.count
            search = s
            restore(s.saved)
            go(to: s.hits[s.selected], query: s.query, step: false)
            return []
        default:
            guard Self.edit(&s.editor, action, key) else { search = s; return [] }
            let result = searchCache.result(s.query)
            s.hits = result.hits
            s.correctedQuery = result.correctedQuery
            s.problem = result.problem
            s.selected = 0
            search = s
            restore(s.saved)
            if let best = s.hits.first { go(to: best, query: s.query, step: false) }
            return []
        }
    }

    /// Shows a hit: the card shows its record (as a navigation step when `step`), the tree, matrix and checklist
    /// move to it, and the card's cursor goes to the first line with a match.
    mutating func go(to hit: SearchHit, query: String, step: Bool, from origin: PaneID? = nil) {
        let subject = Subject(hit.ref)
        if step { card.open(subject) } else { card.show(subject) }
        follow(subject)
        if let origin, origin != .card, shows(subject, in: origin) { setFocus(origin) } else { setFocus(.card) }
        let ctx = context(.card)
        card.reveal(hit, query: query, ctx)
    }

    mutating func handleFilterTyping(_ action: Action?, _ key: Key) -> [Effect] {
        guard var f = filter else { return [] }
        switch action {
        case .cancel:
            filter = nil
            say("Filter removed.")
        case .commit:
            f.typing = false
            filter = f.text.isEmpty ? nil : f
            // The filter may have hidden the row the card showed: the card follows the cursor it moved to.
            settle()
            if focus != .card, let subject = panes[focus].cursorSubject(context(focus)), subject != card.subject {
                card.show(subject)
            }
        default:
            _ = Self.edit(&f.editor, action, key)
            filter = f
        }
        return []
    }
}
