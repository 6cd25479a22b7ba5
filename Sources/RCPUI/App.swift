import RCPCore

/// The whole UI state: a value. `App.update` changes it, `App.render` draws it.
public struct AppState: Sendable {
    public let catalog: Catalog
    public var options: UIOptions
    /// The terminal size, from `.resize` events.
    public var width: Int = 80
    public var height: Int = 24
    public var focus: PaneID = .tree
    /// The pane beside the tree in the compact layout (the last of card, matrix, checklist focused).
    public var second: PaneID = .card
    public var zoomed = false
    public var presentation = false
    public var mouseCapture: Bool
    public var tree: TreePane
    public var card = CardPane()
    public var matrix = MatrixPane()
    public var checklistPane: ChecklistPane
    public var map = MapPane()
    public var timeline = TimelinePane()
    /// The pane in the wide layout's lower left: the matrix, or the map (the last of them focused).
    public var lowerLeft: PaneID = .matrix
    /// The active checklist, as the backend last loaded or saved it; nil when none is active.
    public var checklist: Checklist?
    /// The names of the stored checklists (for switching).
    public var checklistNames: [String] = []
    /// Changes made to `checklist` that are not saved yet, oldest first. They go with every save until one
    /// succeeds, so a failed save loses nothing.
    public var pendingChanges: [ChecklistChange] = []
    public var search: SearchState?
    public var filter: FilterState?
    /// Processes or parties marked for comparison (`x`), in marking order; `C` compares them.
    public var marks: [ComparisonSubject] = []
    /// Type to jump (after `'` in the tree or the matrix); nil when not jumping.
    public var jumpState: JumpState?
    public var overlay: Overlay?
    public var message: StatusMessage?
    let searchCache: SearchCache
    let filterCache = FilterCache()

    public init(catalog: Catalog, options: UIOptions) {
        self.catalog = catalog
        self.options = options
        self.mouseCapture = options.mouse
        self.tree = TreePane(catalog: catalog)
        self.checklistPane = ChecklistPane(catalog: catalog)
        self.searchCache = SearchCache(catalog: catalog)
        matrix.cursorParty = catalog.matrix(includeOutsideMatrix: false).rows.first?.party.id
        settle()
    }

    /// The explorer over the bundled data set (prefer `init(catalog:options:)`).
    public init(options: UIOptions) {
        self.init(catalog: .bundled, options: options)
    }

    /// The theme in force: presentation mode switches to high contrast (unless colour is off altogether).
    public var effectiveTheme: ThemeName {
        presentation && options.theme != .monochrome ? .highContrast : options.theme
    }

    /// The search query whose matches are highlighted, if any.
    public var highlightQuery: String? {
        guard let q = search?.query, !q.isEmpty else { return nil }
        return q
    }

    /// The filter in force, if any.
    public var filterText: String? {
        guard let f = filter?.text, !f.isEmpty else { return nil }
        return f
    }

    var env: PaneEnv {
        PaneEnv(catalog: catalog, ascii: options.ascii, highlight: highlightQuery,
                filter: filterText.map { filterCache.match($0, catalog: catalog) }, presentation: presentation,
                marked: Set(marks.map { m -> String in if case .process(let id) = m { return id }; if case .party(let id) = m { return id }; return "" }))
    }

    public var layout: Layout {
        Layout.compute(width: width, height: height, focus: focus, second: second, zoomed: zoomed,
                       presentation: presentation, lowerLeft: lowerLeft)
    }

    /// What a pane works with: its content area (where it is, or would be were it shown), the data, the
    /// checklist and the tree's region.
    func context(_ pane: PaneID, _ layout: Layout? = nil, env: PaneEnv? = nil) -> PaneContext {
        let layout = layout ?? self.layout
        return PaneContext(env: env ?? self.env, area: layout.contentArea(for: pane, focus: focus), checklist: checklist,
                           region: tree.selectedRegion(catalog), selection: card.subject)
    }

    /// Brings every selection and scroll offset into bounds for the current size and content.
    mutating func settle() {
        width = max(0, width)
        height = max(0, height)
        let env = self.env, layout = self.layout
        if !card.subject.exists(in: catalog) { card.show(.overview) }
        tree.settle(context(.tree, layout, env: env))
        card.settle(context(.card, layout, env: env))
        matrix.settle(context(.matrix, layout, env: env))
        checklistPane.settle(context(.checklist, layout, env: env))
        map.settle(context(.map, layout, env: env))
        timeline.settle(context(.timeline, layout, env: env))
        if var s = search {
            s.selected = s.hits.isEmpty ? 0 : min(max(0, s.selected), s.hits.count - 1)
            search = s
        }
        if case .help(var h) = overlay {
            let body = HelpView.body(layout.screen)
            let count = HelpView.shownLines(h.editor.text, ascii: options.ascii, width: body.width).count
            h.offset = min(max(0, h.offset), max(0, count - body.height))
            overlay = .help(h)
        }
        if case .picker(var p) = overlay {
            p.selected = p.names.isEmpty ? 0 : min(max(0, p.selected), p.names.count - 1)
            overlay = .picker(p)
        }
    }

    /// Every broken rule of the state (empty when all is well): selections on existing rows and visible,
    /// offsets in bounds, the focused pane shown. For property tests.
    public func checkInvariants() -> [String] {
        var out: [String] = []
        let env = self.env, layout = self.layout
        if width < 0 || height < 0 { out.append("negative size \(width)x\(height)") }
        out += tree.invariants(context(.tree, layout, env: env))
        out += card.invariants(context(.card, layout, env: env))
        out += matrix.invariants(context(.matrix, layout, env: env))
        out += checklistPane.invariants(context(.checklist, layout, env: env))
        out += map.invariants(context(.map, layout, env: env))
        out += timeline.invariants(context(.timeline, layout, env: env))
        if layout.kind != .tooSmall && layout.frame(of: focus) == nil { out.append("focused pane \(focus) not shown") }
        if second == .tree { out.append("the second pane is the tree") }
        if let s = search, !s.hits.isEmpty, s.selected < 0 || s.selected >= s.hits.count {
            out.append("search: hit \(s.selected) of \(s.hits.count)")
        }
        if case .help(let h) = overlay, h.offset < 0 { out.append("help: offset \(h.offset)") }
        if case .picker(let p) = overlay, !p.names.isEmpty, p.selected < 0 || p.selected >= p.names.count {
            out.append("picker: \(p.selected) of \(p.names.count)")
        }
        return out
    }

    func snapshot() -> ViewSnapshot {
        ViewSnapshot(focus: focus, second: second, tree: tree, card: card, matrix: matrix, checklistPane: checklistPane,
                     map: map, timeline: timeline)
    }

    mutating func restore(_ s: ViewSnapshot) {
        focus = s.focus; second = s.second; tree = s.tree; card = s.card; matrix = s.matrix
        checklistPane = s.checklistPane
        map = s.map
        timeline = s.timeline
    }

    mutating func setFocus(_ pane: PaneID) {
        focus = pane
        if pane != .tree { second = pane }
        if pane == .matrix || pane == .map || pane == .timeline { lowerLeft = pane }
    }

    /// Puts a message on the status line (control characters in quoted names or paths made visible).
    mutating func say(_ text: String, error: Bool = false) {
        message = StatusMessage(text: DisplayText.safe(text), isError: error)
    }
}

/// The reducer and the view.
public enum App {
    /// state + event → state, and the effects the backend must carry out.
    public static func update(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .resize(let w, let h):
            state.width = max(0, w)
            state.height = max(0, h)
        case .key(let key):
            state.message = nil
            effects = state.handleKey(key)
        case .mouse(let action, let x, let y):
            effects = state.handleMouse(action, x: x, y: y)
        default:
            effects = state.handleBackendEvent(event)
        }
        state.settle()
        return effects
    }

    /// state + size → a grid of exactly `width`×`height` cells.
    public static func render(_ state: AppState, width: Int, height: Int) -> Grid {
        var s = state
        s.width = max(0, width)
        s.height = max(0, height)
        s.settle()
        var renderer = Renderer(state: s)
        return renderer.draw()
    }
}

// MARK: - Keys

extension AppState {
    /// The scopes keys are looked up in, most specific first, for the current mode.
    public var keyScopes: [KeyScope] {
        switch overlay {
        case .help: return [.help, .input]
        case .comparison, .ranking: return [.list]
        case .prompt: return [.input]
        case .confirm: return [.confirm]
        case .picker: return [.navigation, .input]
        case nil: break
        }
        if search?.typing == true { return [.search, .input] }
        if filter?.typing == true { return [.filter, .input] }
        if jumpState != nil { return [.jump, .input] }
        return [focus.scope, .navigation, .global]
    }

    /// Whether keys are being typed into a text box (unbound characters are inserted).
    var isTyping: Bool {
        switch overlay {
        case .help, .prompt: return true
        case .confirm, .picker, .comparison, .ranking: return false
        case nil: return search?.typing == true || filter?.typing == true || jumpState != nil
        }
    }

    mutating func handleKey(_ key: Key) -> [Effect] {
        let action = KeyBindings.action(for: key, in: keyScopes)
        if let overlay { return handleOverlay(overlay, action, key) }
        if search?.typing == true { return handleSearchTyping(action, key) }
        if filter?.typing == true { return handleFilterTyping(action, key) }
        if jumpState != nil { return handleJumpTyping(action, key) }
        guard let action else { return [] }
        return perform(action)
    }

    /// Applies an editing action (or inserts a typed character) to `editor`; returns whether the text changed.
    static func edit(_ editor: inout LineEditor, _ action: Action?, _ key: Key) -> Bool {
        let before = editor.text
        switch action {
        case .cursorLeft: editor.left()
        case .cursorRight: editor.right()
        case .cursorHome: editor.home()
        case .cursorEnd: editor.end()
        case .deleteBackward: editor.deleteBackward()
        case .deleteForward: editor.deleteForward()
        case .clearLine: editor.clearToStart()
        case .deleteWord: editor.deleteWord()
        case nil:
            if case .character(let c) = key { editor.insert(c) }
        default: break
        }
        return editor.text != before
    }

    mutating func perform(_ action: Action) -> [Effect] {
        switch action {
        case .quit: return [.quit]
        case .interrupt: return [.interrupt]
        case .help: overlay = .help(HelpState())
        case .focusNext, .focusPrevious:
            let all = PaneID.allCases
            let i = all.firstIndex(of: focus)!
            setFocus(all[(i + (action == .focusNext ? 1 : all.count - 1)) % all.count])
        case .focusTree: setFocus(.tree)
        case .focusCard: setFocus(.card)
        case .focusMatrix: setFocus(.matrix)
        case .focusChecklist: setFocus(.checklist)
        case .focusMap: setFocus(.map)
        case .focusTimeline: setFocus(.timeline)
        case .search:
            search = SearchState(saved: snapshot())
        case .mark: toggleMark()
        case .rankings: overlay = .ranking(RankingState())
        case .compare: openComparison()
        case .jump:
            guard focus == .tree || focus == .matrix else { return [] }
            jumpState = JumpState(pane: focus, saved: snapshot())
        case .filter:
            var f = filter ?? FilterState()
            f.typing = true
            filter = f
        case .nextMatch, .previousMatch:
            guard var s = search, !s.hits.isEmpty else {
                say("No search yet — press \(KeyBindings.firstKey(.search, ascii: options.ascii)) to search.")
                return []
            }
            s.selected = (s.selected + (action == .nextMatch ? 1 : s.hits.count - 1)) % s.hits.count
            search = s
            go(to: s.hits[s.selected], query: s.query, step: true, from: focus)
            say("Hit \(s.countLabel): \(s.hits[s.selected].kind.label) \(s.hits[s.selected].title) — in \(whereShown(Subject(s.hits[s.selected].ref)))")
        case .back:
            if !card.back() { say("Nothing to go back to.") } else { follow(card.subject) }
        case .forward:
            if !card.forward() { say("Nothing to go forward to.") } else { follow(card.subject) }
        case .copy:
            let text = copyText()
            guard !text.isEmpty else { return [] }
            let first = text.split(separator: "\n").first.map(String.init) ?? text
            let more = text.contains("\n") ? " and \(DisplayText.count(text.split(separator: "\n").count - 1, "more line"))" : ""
            say("Sent “\(TextWidth.truncate(first, width: 32))”\(more) to the terminal's clipboard (OSC 52); if nothing arrived, \(KeyBindings.firstKey(.saveCard)) writes the card to a file.")
            return [.copyToClipboard(text)]
        case .saveCard:
            let text = CardContent.plainText(CardContent.lines(card.subject, copyEnv, checklist: checklist))
            return [.saveCardToFile(name: card.subject.fileName, text: text)]
        case .zoom:
            zoomed.toggle()
            if zoomed { presentation = false }
        case .presentation:
            presentation.toggle()
            say(presentation ? "Presentation mode: \(KeyBindings.firstKey(.presentation)) or Esc to leave." : "Presentation mode off.")
        case .toggleMouse:
            mouseCapture.toggle()
            say(mouseCapture ? "Mouse on: click to select, wheel to scroll." : "Mouse off: the terminal selects text.")
            return [.setMouseCapture(mouseCapture)]
        case .cancel:
            // Presentation mode first: its footer promises that Esc leaves it.
            if presentation { presentation = false; say("Presentation mode off.") }
            else if search != nil { search = nil; say("Search cleared.") }
            else if filter != nil { filter = nil; say("Filter removed.") }
            else if zoomed { zoomed = false }
            else if !marks.isEmpty { marks = []; say("Marks cleared.") }
            else { say("Press \(KeyBindings.firstKey(.quit)) to quit, \(KeyBindings.firstKey(.help)) for help.") }
        default:
            return paneAction(action, in: focus)
        }
        return []
    }

    /// Gives a pane action to `pane` and applies what it asks for.
    mutating func paneAction(_ action: Action, in pane: PaneID) -> [Effect] {
        if pane == .checklist, let effects = checklistAction(action) { return effects }
        let ctx = context(pane)
        let outcome: PaneOutcome
        switch pane {
        case .tree: outcome = tree.handle(action, ctx)
        case .card: outcome = card.handle(action, ctx)
        case .matrix: outcome = matrix.handle(action, ctx)
        case .checklist: outcome = checklistPane.handle(action, ctx)
        case .map: outcome = map.handle(action, ctx)
        case .timeline: outcome = timeline.handle(action, ctx)
        }
        return apply(outcome)
    }

    /// A click inside a pane's content.
    mutating func paneClick(_ pane: PaneID, x: Int, y: Int) -> [Effect] {
        let ctx = context(pane)
        let outcome: PaneOutcome
        switch pane {
        case .tree: outcome = tree.click(x: x, y: y, ctx)
        case .card: outcome = card.click(x: x, y: y, ctx)
        case .matrix: outcome = matrix.click(x: x, y: y, ctx)
        case .checklist: outcome = checklistPane.click(x: x, y: y, ctx)
        case .map: outcome = map.click(x: x, y: y, ctx)
        case .timeline: outcome = timeline.click(x: x, y: y, ctx)
        }
        return apply(outcome)
    }

    mutating func apply(_ o: PaneOutcome) -> [Effect] {
        if let s = o.show { card.show(s) }
        if let s = o.open {
            card.open(s)
            follow(s)
        }
        if let f = o.focus { setFocus(f) }
        if let m = o.message { say(m) }
        return []
    }

    /// Moves the other panes to `subject` (tree, matrix, checklist), leaving the card alone.
    mutating func follow(_ subject: Subject) {
        let env = self.env
        switch subject {
        case .region(let id): tree.reveal(.region(id), env)
        case .process(let id):
            tree.reveal(.process(id), env)
            timeline.reveal(subject, catalog: catalog)
            if catalog.process(id: id)?.inMatrix == true { matrix.cursorColumn = id; matrix.cursorParty = nil }
        case .mechanism(let id):
            tree.reveal(.mechanism(id), env)
            timeline.reveal(subject, catalog: catalog)
        case .event(let id):
            tree.reveal(.event(id), env)
            timeline.reveal(subject, catalog: catalog)
        case .party(let id):
            guard let party = catalog.party(id: id) else { return }
            map.reveal(party: id, catalog: catalog)
            if !matrix.rowKind.kinds.contains(party.kind) { matrix.rowKind = party.kind == .organization ? .organizations : .states }
            if matrix.view(context(.matrix, env: env)).rows.contains(where: { $0.party.id == id }) {
                matrix.cursorParty = id
            } else if matrix.limitToRegion {
                matrix.limitToRegion = false
                if matrix.view(context(.matrix, env: env)).rows.contains(where: { $0.party.id == id }) { matrix.cursorParty = id }
            }
            // Put the crosshair on a process the party takes part in, not on an empty cell.
            let columns = catalog.participations(of: id).map(\.process).filter(\.inMatrix).map(\.id)
            if matrix.cursorParty == id, let first = columns.first,
               !(matrix.cursorColumn.map(columns.contains) ?? false) {
                matrix.cursorColumn = first
            }
        case .practice, .practiceItem: checklistPane.reveal(subject, catalog)
        case .guide(let id): tree.reveal(.guideTopic(id), env)
        case .understanding, .overview: break
        }
    }

    /// What `y` copies: the card as text, or the name under the cursor of the focused pane.
    /// The pane environment for text that leaves the screen (clipboard, files): full Unicode, no highlight.
    var copyEnv: PaneEnv {
        PaneEnv(catalog: catalog, ascii: false, highlight: nil,
                filter: filterText.map { filterCache.match($0, catalog: catalog) }, presentation: false)
    }

    func copyText() -> String {
        let env = copyEnv
        switch focus {
        case .card:
            return CardContent.plainText(CardContent.lines(card.subject, env, checklist: checklist))
        case .tree:
            return tree.selected.map { TreeModel.names($0, catalog).first ?? "" } ?? ""
        case .matrix:
            let view = matrix.view(context(.matrix, env: env))
            if let p = matrix.cursorParty, let party = catalog.party(id: p), matrix.rowIndex(view) != nil { return party.name }
            return matrix.cursorColumn.flatMap { catalog.process(id: $0)?.name } ?? ""
        case .map:
            return map.copyText(context(.map, env: env))
        case .timeline:
            return timeline.copyText(context(.timeline, env: env))
        case .checklist:
            switch checklistPane.selected {
            case .heading(let id)?: return catalog.practice(id: id).map { "\($0.number) \($0.title)" } ?? id
            case .item(let id)?: return catalog.practiceItem(id: id).map { "\(ChecklistItemID.displayNumber(id) ?? id) \($0.1.title)" } ?? id
            case .process(_, let id)?: return catalog.process(id: id)?.name ?? id
            case .orphan(let id)?: return id
            case nil: return ""
            }
        }
    }

    // MARK: Search and filter

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
            say("\(hit.kind.label.sentenceCased): \(hit.title) — in \(whereShown(Subject(hit.ref))); hit \(s.countLabel); \(KeyBindings.firstKey(.nextMatch)) / \(KeyBindings.firstKey(.previousMatch)) for the others.")
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
        let cl = card.layout(ctx)
        card.revealMatch(of: query, layout: cl, visible: ctx.area.height)
        if case .topic(_, let index) = hit.ref, let p = catalog.process(id: subjectID(subject) ?? ""), index < p.topics.count {
            let label = ctx.env.t(p.topics[index].label)
            if let i = cl.lines.firstIndex(where: { $0.plain.contains(label) }) {
                card.cursor = i
                card.settle(cl, visible: ctx.area.height)
            }
        }
    }

    /// Whether `pane` has `subject` under its cursor (after `follow`), so a search can leave the focus there.
    func shows(_ subject: Subject, in pane: PaneID) -> Bool {
        switch (pane, subject) {
        case (.tree, .region(let id)): return tree.selected == .region(id)
        case (.tree, .process(let id)): return tree.selected == .process(id)
        case (.tree, .mechanism(let id)): return tree.selected == .mechanism(id)
        case (.tree, .event(let id)): return tree.selected == .event(id)
        case (.tree, .guide(let id)): return tree.selected == .guideTopic(id)
        case (.matrix, .party(let id)): return matrix.cursorParty == id
        case (.map, .party(let id)):
            return map.cursor != nil && map.cursorParty(context(.map)).map { $0.id == id } == true
        case (.matrix, .process(let id)): return matrix.cursorColumn == id && matrix.cursorParty == nil
        case (.checklist, .practice), (.checklist, .practiceItem): return true
        default: return false
        }
    }

    /// Where a hit is shown, for the status line: "in the matrix and the card".
    func whereShown(_ subject: Subject) -> String {
        let names: [PaneID: String] = [.tree: "tree", .matrix: "matrix", .checklist: "checklist", .map: "map"]
        let panes = [PaneID.tree, .matrix, .map, .checklist].filter { shows(subject, in: $0) }.compactMap { names[$0] }
        return (panes + ["card"]).map { "the " + $0 }.joined(separator: ", ")
    }

    func subjectID(_ s: Subject) -> String? {
        switch s {
        case .process(let id), .party(let id), .region(let id), .mechanism(let id), .event(let id),
             .practice(let id), .practiceItem(let id), .understanding(let id), .guide(let id): return id
        case .overview: return nil
        }
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
        default:
            _ = Self.edit(&f.editor, action, key)
            filter = f
        }
        return []
    }

    // MARK: Overlays

    mutating func handleOverlay(_ overlay: Overlay, _ action: Action?, _ key: Key) -> [Effect] {
        switch overlay {
        case .help(var h):
            switch action {
            case .cancel: self.overlay = nil
            case nil where key == .character("q") && h.editor.text.isEmpty: self.overlay = nil
            case .up: h.offset -= 1
            case .down: h.offset += 1
            case .pageUp: h.offset -= max(1, height - 8)
            case .pageDown: h.offset += max(1, height - 8)
            default: if Self.edit(&h.editor, action, key) { h.offset = 0 }
            }
            if self.overlay != nil { self.overlay = .help(h) }
            return []
        case .prompt(var p):
            switch action {
            case .cancel:
                if p.hasTypedText {
                    self.overlay = .confirm(Confirmation(purpose: .discardTyping(p),
                                                         question: "Discard what you typed here (“\(TextWidth.truncate(p.editor.text, width: 30))”)? y or Esc discards it, n goes back to it."))
                } else {
                    self.overlay = nil
                }
                return []
            case .commit:
                self.overlay = nil
                return commitPrompt(p)
            default:
                _ = Self.edit(&p.editor, action, key)
                self.overlay = .prompt(p)
                return []
            }
        case .confirm(let c):
            // Esc twice drops typed text (a single stray Esc never does); n goes back to the typing.
            if case .discardTyping = c.purpose, key == .escape {
                self.overlay = nil
                return confirmed(c)
            }
            switch action {
            case .confirm:
                self.overlay = nil
                return confirmed(c)
            case .decline, .cancel:
                if case .openExisting = c.purpose {
                    self.overlay = nil
                    say("Nothing created.")
                    return []
                }
                if case .discardTyping(let p) = c.purpose {
                    self.overlay = .prompt(p)
                    say("Still typing: Enter keeps it, \(KeyBindings.firstKey(.cancel, in: .input)) cancels.")
                    return []
                }
                self.overlay = nil
                say("Nothing deleted.")
            default: break
            }
            return []
        case .comparison(var c):
            switch action {
            case .cancel: self.overlay = nil; return []
            case .up: c.offset -= 1
            case .down: c.offset += 1
            case .pageUp: c.offset -= max(1, height - 8)
            case .pageDown: c.offset += max(1, height - 8)
            default: break
            }
            c.offset = max(0, c.offset)
            self.overlay = .comparison(c)
            return []
        case .ranking(var r):
            switch action {
            case .cancel: self.overlay = nil; return []
            case .cycleRanking: r.cycle()
            case .up: r.offset -= 1
            case .down: r.offset += 1
            case .pageUp: r.offset -= max(1, height - 8)
            case .pageDown: r.offset += max(1, height - 8)
            default: break
            }
            r.offset = max(0, r.offset)
            self.overlay = .ranking(r)
            return []
        case .picker(var p):
            switch action {
            case .cancel: self.overlay = nil
            case .commit:
                self.overlay = nil
                if p.selected < p.names.count { return picked(p.names[p.selected]) }
            case .up, .down, .pageUp, .pageDown, .top, .bottom:
                p.selected = Scroll.move(p.selected, action!, count: p.names.count, page: 5) ?? 0
                self.overlay = .picker(p)
            default: break
            }
            return []
        }
    }

    // MARK: Mouse

    mutating func handleMouse(_ action: MouseAction, x: Int, y: Int) -> [Effect] {
        let layout = self.layout
        if case .help(var h) = overlay {
            if action == .wheelUp { h.offset -= 3 } else if action == .wheelDown { h.offset += 3 }
            overlay = .help(h)
            return []
        }
        guard overlay == nil, search?.typing != true else { return [] }
        if layout.top.contains(x: x, y: y), action == .press {
            if let i = Renderer.tabRanges(layout: layout).firstIndex(where: { $0.contains(x) }) { setFocus(PaneID.allCases[i]) }
            return []
        }
        guard let frame = layout.panes.first(where: { $0.frame.contains(x: x, y: y) }) else { return [] }
        switch action {
        case .wheelUp, .wheelDown:
            var effects: [Effect] = []
            for _ in 0..<3 { effects += paneAction(action == .wheelUp ? .up : .down, in: frame.pane) }
            return effects
        case .press:
            setFocus(frame.pane)
            guard frame.content.contains(x: x, y: y) else { return [] }
            return paneClick(frame.pane, x: x, y: y)
        case .release:
            return []
        }
    }
}
