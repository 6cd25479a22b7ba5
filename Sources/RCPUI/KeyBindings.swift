/// What a key does. The reducer acts on these; keys reach them only through `KeyBindings.table`.
public enum Action: String, CaseIterable, Sendable, Hashable {
    // Everywhere
    case quit, interrupt, help, focusNext, focusPrevious, focusPane
    case search, filter, nextMatch, previousMatch, back, forward, copy, saveCard, mark, compare, rankings, cycleRanking,
        zoom, presentation, toggleMouse, cancel
    // Presentation mode
    case nextSlide, previousSlide
    // Moving in a pane
    case up, down, left, right, pageUp, pageDown, top, bottom, activate
    /// The view moved a line; the selection stays where it is while it shows.
    case scrollUp, scrollDown
    // Matrix
    case toggleOrganizations, toggleSort, toggleRegionLimit, toggleFootnoteGroups
    // Tree and matrix
    case jump
    // Map
    case toggleCoverage, zoomIn, zoomOut, fitMap, panLeft, panRight, panUp, panDown
    // Checklist
    case cycleStatus, editNote, newChecklist, renameChecklist, switchChecklist, deleteChecklist, compareChecklists,
        editMeta
    // Choosing checklists
    case toggleChoice
    // Typing (search, filter, help, notes and names)
    case cursorLeft, cursorRight, cursorHome, cursorEnd, deleteBackward, deleteForward, clearLine, deleteWord
    case commit, previousHit, nextHit
    // Questions
    case confirm, decline
}

/// Where a binding applies. The reducer looks a key up in the scopes of the current mode, most specific first.
/// The help overlay lists the scopes in the order the key table first uses them.
public struct KeyScope: RawRepresentable, Hashable, Sendable {
    public let rawValue: String
    /// Words for the help overlay and the README.
    public let label: String

    public init(rawValue: String) {
        self.rawValue = rawValue
        label = KeyScope.standard.first { $0.rawValue == rawValue }?.label ?? rawValue
    }

    public init(_ rawValue: String, label: String) { self.rawValue = rawValue; self.label = label }

    public static func == (a: KeyScope, b: KeyScope) -> Bool { a.rawValue == b.rawValue }
    public func hash(into h: inout Hasher) { h.combine(rawValue) }

    public static let global = KeyScope("global", label: "Everywhere")
    public static let navigation = KeyScope("navigation", label: "Every pane")
    public static let tree = KeyScope("tree", label: "Region tree")
    public static let card = KeyScope("card", label: "Detail card")
    public static let matrix = KeyScope("matrix", label: "Membership matrix")
    public static let checklist = KeyScope("checklist", label: "Practice checklist")
    public static let map = KeyScope("map", label: "World map")
    public static let timeline = KeyScope("timeline", label: "Time line")
    public static let search = KeyScope("search", label: "Search box")
    public static let filter = KeyScope("filter", label: "Filter box")
    public static let jump = KeyScope("jump", label: "Jump (after ')")
    public static let help = KeyScope("help", label: "Help")
    public static let list = KeyScope("list", label: "Comparison and rankings")
    public static let input = KeyScope("input", label: "Typing")
    public static let confirm = KeyScope("confirm", label: "Questions")
    public static let presentation = KeyScope("presentation", label: "Presentation mode")
    public static let picker = KeyScope("picker", label: "Choosing checklists")

    /// The scopes of the built-in key table, in the order the help lists them.
    public static let standard: [KeyScope] = [
        .global, .navigation, .presentation, .tree, .card, .matrix, .checklist, .map, .timeline, .search, .filter,
        .jump,
        .help, .list, .picker, .input, .confirm,
    ]
    public static var allCases: [KeyScope] { standard }
}

/// One entry of the key table.
public struct KeyBinding: Sendable, Hashable {
    public var keys: [Key]
    public var action: Action
    public var scope: KeyScope
    /// What it does, in words (the help overlay and the README show this).
    public var description: String
    /// A word or two for the bottom line; nil keeps the binding out of it.
    public var hint: String?
    /// For `.focusPane`: the pane the key goes to (its key is the number on the pane's tab).
    public var pane: PaneID?

    public init(
        _ keys: [Key], _ action: Action, _ scope: KeyScope, _ description: String, hint: String? = nil,
        pane: PaneID? = nil
    ) {
        self.keys = keys; self.action = action; self.scope = scope; self.description = description; self.hint = hint
        self.pane = pane
    }
}

extension Key {
    /// How the key is written in help and hints: "↑", "Enter", "Ctrl-U", "Shift-Tab", "Space", "k".
    public func label(ascii: Bool = false) -> String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .up: return ascii ? "Up" : "↑"
        case .down: return ascii ? "Down" : "↓"
        case .left: return ascii ? "Left" : "←"
        case .right: return ascii ? "Right" : "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .function(let n): return "F\(n)"
        }
    }
}

/// The one key table: the reducer maps keys through it, and the help overlay, the bottom line and the
/// README's keys table are generated from it.
public enum KeyBindings {
    private static func c(_ s: String) -> [Key] { s.map { Key.character($0) } }

    public static let table: [KeyBinding] = [
        // Everywhere (when no text is being typed)
        KeyBinding(c("q"), .quit, .global, "quit rcpx (Esc never quits)", hint: "quit"),
        KeyBinding(
            [.ctrl("c")], .interrupt, .global,
            "quit at once, as an interrupt (exit status 130); in a text box it cancels the typing instead"),
        KeyBinding(c("?") + [.function(1)], .help, .global, "help: every key; type to narrow the list", hint: "help"),
        KeyBinding([.tab], .focusNext, .global, "focus the next pane"),
        KeyBinding([.backTab], .focusPrevious, .global, "focus the previous pane"),
        KeyBinding(c("1"), .focusPane, .global, "go to the region tree", pane: .tree),
        KeyBinding(c("2"), .focusPane, .global, "go to the detail card", pane: .card),
        KeyBinding(c("3"), .focusPane, .global, "go to the membership matrix", pane: .matrix),
        KeyBinding(c("4"), .focusPane, .global, "go to the practice checklist", pane: .checklist),
        KeyBinding(
            c("5"), .focusPane, .global, "go to the world map (in the wide layout it takes the matrix's place)",
            pane: .map),
        KeyBinding(
            c("6"), .focusPane, .global, "go to the time line (in the wide layout it takes the matrix's place)",
            pane: .timeline),
        KeyBinding(
            c("/"), .search, .global,
            "search names, topics, practices, events and the guide: words in any order; 'word exact, "
                + "^word at a start, !word leaves out, kind:process kind:state region:africa narrow it",
            hint: "search"),
        KeyBinding(c("f"), .filter, .global, "filter: narrow the tree and the matrix to what matches", hint: "filter"),
        KeyBinding(c("n"), .nextMatch, .global, "go to the next search hit"),
        KeyBinding(c("N"), .previousMatch, .global, "go to the previous search hit"),
        KeyBinding([.backspace] + c("["), .back, .global, "back to the previous card"),
        KeyBinding(c("]"), .forward, .global, "forward again (after going back)"),
        KeyBinding(
            c("y"), .copy, .global,
            "copy the card as text, or the name under the cursor, with OSC 52 (xterm: allowWindowOps or "
                + "disallowedWindowOps without SetSelection; tmux: set -g set-clipboard on)"),
        KeyBinding(
            c("Y"), .saveCard, .global,
            "write the card to a text file in rcpx's state folder and show its path (always works)"),
        KeyBinding(
            c("x"), .mark, .global,
            "mark (or unmark) the process or state under the cursor for comparison; Esc clears the marks"),
        KeyBinding(c("C"), .compare, .global, "compare the 2–4 marked processes or states side by side", hint: nil),
        KeyBinding(
            c("#"), .rankings, .global,
            "rankings: the states in the most processes (ties share a rank), or processes by members, observers, topics"
        ),
        KeyBinding(c("z"), .zoom, .global, "zoom: the focused pane full screen, and back"),
        KeyBinding(
            c("p"), .presentation, .global,
            "presentation mode: focused pane full screen, large spacing, high contrast"),
        KeyBinding(c("m"), .toggleMouse, .global, "mouse on or off (off leaves text selection to the terminal)"),
        KeyBinding([.escape], .cancel, .global, "close the overlay, clear the search highlight or remove the filter"),

        // Presentation mode (before the pane's own keys: a presenter's remote sends PgDn and PgUp)
        KeyBinding(
            [.pageDown] + c(".>"), .nextSlide, .presentation,
            "next slide: the landscape, a region, a process, its map, the checklist", hint: "next slide"),
        KeyBinding([.pageUp] + c(",<"), .previousSlide, .presentation, "previous slide", hint: "back"),

        // Moving in any pane
        KeyBinding([.up] + c("k"), .up, .navigation, "move up"),
        KeyBinding([.down] + c("j"), .down, .navigation, "move down", hint: "move"),
        KeyBinding([.pageUp, .ctrl("b")], .pageUp, .navigation, "page up"),
        KeyBinding([.pageDown, .ctrl("f")], .pageDown, .navigation, "page down"),
        KeyBinding([.home] + c("g"), .top, .navigation, "go to the first line"),
        KeyBinding([.end] + c("G"), .bottom, .navigation, "go to the last line"),
        KeyBinding(
            [.ctrl("e")], .scrollDown, .navigation,
            "scroll the view down a line; the selection stays while it shows (the mouse wheel scrolls three lines; in the map and the time line both move the cursor)"
        ),
        KeyBinding([.ctrl("y")], .scrollUp, .navigation, "scroll the view up a line"),

        // Region tree
        KeyBinding([.left] + c("h"), .left, .tree, "collapse, or go to the parent"),
        KeyBinding([.right] + c("l"), .right, .tree, "expand, or go to the first child"),
        KeyBinding([.enter], .activate, .tree, "expand or collapse; the card shows the selection", hint: "open"),
        KeyBinding(
            c("'"), .jump, .tree, "type to jump: the next row whose name starts with the letters typed",
            hint: "jump"),

        // Detail card
        KeyBinding(
            [.enter], .activate, .card, "open what the line names (process, state, event, practice)",
            hint: "open link"),

        // Membership matrix
        KeyBinding([.left] + c("h"), .left, .matrix, "previous column"),
        KeyBinding([.right] + c("l"), .right, .matrix, "next column"),
        KeyBinding(
            [.enter], .activate, .matrix, "open the card of the row's party (a process on the header)",
            hint: "card"),
        KeyBinding(c("'"), .jump, .matrix, "type to jump: the next row whose name starts with the letters typed"),
        KeyBinding(
            c("o"), .toggleOrganizations, .matrix, "rows: states, organizations, or all parties",
            hint: "orgs"),
        KeyBinding(c("s"), .toggleSort, .matrix, "sort rows by name or by number of processes", hint: "sort"),
        KeyBinding(
            c("a"), .toggleFootnoteGroups, .matrix,
            "columns: the 13 Annex A processes, or with the footnote groups too (n counts the columns shown)",
            hint: "groups"),
        KeyBinding(
            c("r"), .toggleRegionLimit, .matrix, "limit the columns to the region selected in the tree",
            hint: "region"),

        // World map
        KeyBinding([.left] + c("h"), .left, .map, "cursor to the nearest country on the left"),
        KeyBinding([.right] + c("l"), .right, .map, "cursor to the nearest country on the right"),
        KeyBinding([.enter], .activate, .map, "open the card of the country under the cursor", hint: "card"),
        KeyBinding(
            c("v"), .toggleCoverage, .map,
            "coverage: every state by number of Annex A processes, and the states in none (v again: the selection)",
            hint: "coverage"),
        KeyBinding(c("+="), .zoomIn, .map, "zoom in", hint: "zoom"),
        KeyBinding(c("-"), .zoomOut, .map, "zoom out"),
        KeyBinding(c("0"), .fitMap, .map, "fit: back to the whole selection (or the world)"),
        KeyBinding(c("H"), .panLeft, .map, "pan west"),
        KeyBinding(c("L"), .panRight, .map, "pan east"),
        KeyBinding(c("K"), .panUp, .map, "pan north"),
        KeyBinding(c("J"), .panDown, .map, "pan south"),

        // Time line
        KeyBinding([.left] + c("h"), .left, .timeline, "the previous record of the lane"),
        KeyBinding([.right] + c("l"), .right, .timeline, "the next record of the lane"),
        KeyBinding([.enter], .activate, .timeline, "open the record's card", hint: "card"),

        // Practice checklist
        KeyBinding([.left] + c("h"), .left, .checklist, "collapse a heading, or go to it"),
        KeyBinding([.right] + c("l"), .right, .checklist, "expand a heading"),
        KeyBinding(
            [.character(" ")], .cycleStatus, .checklist,
            "next status: not assessed, not in place, in progress, in place, not applicable", hint: "status"),
        KeyBinding(
            [.enter] + c("e"), .editNote, .checklist, "edit the note (a process line: show its card)",
            hint: "note"),
        KeyBinding(c("c"), .newChecklist, .checklist, "new checklist", hint: "new"),
        KeyBinding(c("R"), .renameChecklist, .checklist, "rename the checklist"),
        KeyBinding(c("w"), .switchChecklist, .checklist, "switch to another checklist", hint: "switch"),
        KeyBinding(c("D"), .deleteChecklist, .checklist, "delete the checklist (asks first)"),
        KeyBinding(
            c("M"), .editMeta, .checklist,
            "whose assessment and when: subject (a state, a process or text), date, facilitator, participants"),
        KeyBinding(
            c("v"), .compareChecklists, .checklist,
            "compare checklists side by side: choose 2–8 (one per delegation); Esc returns", hint: "compare"),

        // Choosing checklists (to compare)
        KeyBinding([.character(" ")], .toggleChoice, .picker, "mark or unmark the checklist", hint: "mark"),
        KeyBinding(
            [.enter], .commit, .picker, "compare the marked checklists (open: the one under the cursor)",
            hint: "go"),
        KeyBinding([.escape], .cancel, .picker, "close without choosing", hint: "cancel"),

        // Search box
        KeyBinding([.up, .ctrl("p")], .previousHit, .search, "choose the previous hit"),
        KeyBinding([.down, .ctrl("n")], .nextHit, .search, "choose the next hit", hint: "choose"),
        KeyBinding([.enter], .commit, .search, "go to the chosen hit and keep the highlight", hint: "go"),
        KeyBinding([.escape], .cancel, .search, "cancel: back to the view from before the search", hint: "cancel"),

        // Filter box
        KeyBinding([.enter], .commit, .filter, "keep the filter and go back to the panes", hint: "keep"),
        KeyBinding([.escape], .cancel, .filter, "remove the filter", hint: "remove"),

        // Jump
        KeyBinding(
            [.down, .ctrl("n")], .nextHit, .jump, "the next row that starts with the same letters", hint: "next"),
        KeyBinding([.enter], .commit, .jump, "stay on this row", hint: "stay"),
        KeyBinding([.escape], .cancel, .jump, "go back to where the jump started", hint: "back"),

        // Help
        KeyBinding([.up], .up, .help, "scroll up (type letters to narrow the list)"),
        KeyBinding([.down], .down, .help, "scroll down"),
        KeyBinding([.pageUp], .pageUp, .help, "page up"),
        KeyBinding([.pageDown], .pageDown, .help, "page down"),
        KeyBinding([.escape, .enter, .function(1)], .cancel, .help, "close the help", hint: "close"),

        // Comparison and rankings
        KeyBinding([.up, .character("k")], .up, .list, "scroll up"),
        KeyBinding([.down, .character("j")], .down, .list, "scroll down", hint: "scroll"),
        KeyBinding([.pageUp], .pageUp, .list, "page up"),
        KeyBinding([.pageDown, .character(" ")], .pageDown, .list, "page down"),
        KeyBinding(
            c("s"), .cycleRanking, .list, "rankings: the next order (states, processes by members, observers, topics)",
            hint: "order"),
        KeyBinding([.escape, .enter, .character("q")], .cancel, .list, "close", hint: "close"),

        // Typing
        KeyBinding([.left], .cursorLeft, .input, "caret left"),
        KeyBinding([.right], .cursorRight, .input, "caret right"),
        KeyBinding([.home, .ctrl("a")], .cursorHome, .input, "caret to the start"),
        KeyBinding([.end, .ctrl("e")], .cursorEnd, .input, "caret to the end"),
        KeyBinding([.backspace], .deleteBackward, .input, "delete before the caret (a search widens)"),
        KeyBinding([.delete], .deleteForward, .input, "delete after the caret"),
        KeyBinding([.ctrl("u")], .clearLine, .input, "clear to the start of the line", hint: "clear"),
        KeyBinding([.ctrl("w")], .deleteWord, .input, "delete the word before the caret"),
        KeyBinding([.enter], .commit, .input, "accept", hint: "accept"),
        KeyBinding(
            [.escape, .ctrl("c")], .cancel, .input, "cancel (asks first when it would drop a typed note)",
            hint: "cancel"),

        // Questions
        KeyBinding(c("yY"), .confirm, .confirm, "yes", hint: "yes"),
        KeyBinding(c("nN") + [.escape], .decline, .confirm, "no", hint: "no"),
    ]

    /// The built-in table as a `KeyTable` (what the explorer uses unless given another).
    public static let standard = KeyTable(table)

    /// The action `key` has in the first of `scopes` that binds it.
    public static func action(for key: Key, in scopes: [KeyScope]) -> Action? {
        standard.binding(for: key, in: scopes)?.action
    }

    /// The bindings of `scope`, in table order.
    public static func bindings(in scope: KeyScope) -> [KeyBinding] { standard.bindings(in: scope) }

    /// The keys of a binding as people write them: "↑ k".
    public static func keyLabel(_ binding: KeyBinding, ascii: Bool = false) -> String {
        binding.keys.map { $0.label(ascii: ascii) }.joined(separator: " ")
    }

    /// The first key bound to `action` in `scope`, as written ("?"), for messages such as "press ? for help".
    public static func firstKey(_ action: Action, in scope: KeyScope = .global, ascii: Bool = false) -> String {
        standard.firstKey(action, in: scope, ascii: ascii)
    }

    /// The bottom-line hints for the scopes, most specific first (see `KeyTable.hints`).
    public static func hints(for scopes: [KeyScope], ascii: Bool = false) -> [(key: String, label: String)] {
        standard.hints(for: scopes, ascii: ascii)
    }

    /// The README's keys table, in Markdown.
    public static func markdownTable() -> String {
        var out = "| Keys | Where | What it does |\n| --- | --- | --- |\n"
        for b in table {
            let keys = b.keys.map { "`\($0.label())`" }.joined(separator: " ")
            out += "| \(keys) | \(b.scope.label.lowercased()) | \(b.description) |\n"
        }
        return out
    }
}
