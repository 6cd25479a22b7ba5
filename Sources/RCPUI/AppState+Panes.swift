import RCPCore

// The app and its panes: actions and clicks go to a pane through the pane set, what the pane asks for is
// carried out here, and cross-pane sync is a message every pane answers.
extension AppState {
    /// Gives a pane action to `pane` and carries out what it asks for.
    mutating func paneAction(_ action: Action, in pane: PaneID) -> [Effect] {
        let outcome = panes[pane].handle(action, context(pane))
        return apply(outcome)
    }

    /// A click inside a pane's content.
    mutating func paneClick(_ pane: PaneID, x: Int, y: Int) -> [Effect] {
        let outcome = panes[pane].click(x: x, y: y, context(pane))
        return apply(outcome)
    }

    /// Carries out what a pane asked for.
    mutating func apply(_ o: PaneOutcome) -> [Effect] {
        if o.saveAgain, let retry = savePendingFirst() { return retry }
        var effects = o.effects
        if let s = o.show { card.show(s) }
        if let s = o.open {
            card.open(s)
            follow(s)
        }
        if let f = o.focus { setFocus(f) }
        if let m = o.message { say(m, error: o.messageIsError) }
        if let overlay = o.overlay { self.overlay = overlay }
        if let c = o.checklistChange { effects += change(c) }
        return effects
    }

    /// Moves every pane to `subject` (the tree, the matrix crosshair, the map, the time line, the checklist),
    /// leaving the card alone: each pane answers the message its own way.
    mutating func follow(_ subject: Subject) {
        let env = self.env, layout = self.layout
        for id in panes.ids where id != .card { panes[id].receive(.follow(subject), context(id, layout, env: env)) }
    }

    /// What `y` copies: what the focused pane has under its cursor (the whole card when it is the card).
    /// Text that leaves the screen is full Unicode without highlight.
    var copyEnv: DisplayEnvironment {
        DisplayEnvironment(
            catalog: catalog, ascii: false, highlight: nil,
            filter: filterText.map { filterCache.match($0, catalog: catalog) }, presentation: false)
    }

    func copyText() -> String { panes[focus].copyText(context(focus, env: copyEnv)) }

    /// Whether `pane` has `subject` under its cursor (after `follow`), so a search can leave the focus there.
    func shows(_ subject: Subject, in pane: PaneID) -> Bool { panes[pane].shows(subject, context(pane)) }

    /// Where a hit is shown, for the status line: "the tree, the matrix, the card".
    func whereShown(_ subject: Subject) -> String {
        let places = panes.all.compactMap { p in p.placeName.flatMap { shows(subject, in: p.id) ? $0 : nil } }
        return (places + ["card"]).map { "the " + $0 }.joined(separator: ", ")
    }
}
