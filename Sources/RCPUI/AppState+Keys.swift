import RCPCore

// Keys: the scopes of the current mode, the key table lookup, and the actions of no one pane.
extension AppState {
    /// The scopes keys are looked up in, most specific first, for the current mode.
    public var keyScopes: [KeyScope] {
        switch overlay {
        case .help: return [.help, .input]
        case .comparison, .ranking: return [.list]
        case .prompt: return [.input]
        case .confirm: return [.confirm]
        case .picker: return [.picker, .navigation, .input]
        case nil: break
        }
        if search?.typing == true { return [.search, .input] }
        if filter?.typing == true { return [.filter, .input] }
        if jumpState != nil { return [.jump, .input] }
        if presentation { return [.presentation, panes[focus].scope, .navigation, .global] }
        return [panes[focus].scope, .navigation, .global]
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
        let binding = keys.binding(for: key, in: keyScopes)
        let action = binding?.action
        if let overlay { return handleOverlay(overlay, action, key) }
        if search?.typing == true { return handleSearchTyping(action, key) }
        if filter?.typing == true { return handleFilterTyping(action, key) }
        if jumpState != nil { return handleJumpTyping(action, key) }
        if let pane = binding?.pane, action == .focusPane { setFocus(pane); return [] }
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
            let all = panes.ids
            let i = all.firstIndex(of: focus) ?? 0
            setFocus(all[(i + (action == .focusNext ? 1 : all.count - 1)) % all.count])
        case .focusPane: break
        case .nextSlide: stepSlide(forward: true)
        case .previousSlide: stepSlide(forward: false)
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
            let hit = s.hits[s.selected]
            say("Hit \(s.countLabel): \(hit.kind.label) \(hit.title) — in \(whereShown(Subject(hit.ref)))")
        case .back:
            if !card.back() { say("Nothing to go back to.") } else { follow(card.subject) }
        case .forward:
            if !card.forward() { say("Nothing to go forward to.") } else { follow(card.subject) }
        case .copy:
            let text = copyText()
            guard !text.isEmpty else { return [] }
            let first = text.split(separator: "\n").first.map(String.init) ?? text
            let more =
                text.contains("\n")
                ? " and \(DisplayText.count(text.split(separator: "\n").count - 1, "more line"))" : ""
            say(
                "Sent “\(TextWidth.truncate(first, width: 24))”\(more) to the clipboard (OSC 52); not there? \(KeyBindings.firstKey(.saveCard)) writes a file."
            )
            return [.copyToClipboard(text)]
        case .saveCard:
            let text = card.copyText(context(.card, env: copyEnv))
            return [.saveCardToFile(name: card.subject.fileName, text: text)]
        case .zoom:
            zoomed.toggle()
            if zoomed { presentation = false }
        case .presentation:
            presentation.toggle()
            if presentation { startSlides() } else { slideShow = nil }
            say(
                presentation
                    ? "Presentation mode: \(keys.firstKey(.nextSlide, in: .presentation)) steps through the slides; \(keys.firstKey(.presentation)) or \(keys.firstKey(.cancel)) leaves."
                    : "Presentation mode off.")
        case .toggleMouse:
            mouseCapture.toggle()
            say(mouseCapture ? "Mouse on: click to select, wheel to scroll." : "Mouse off: the terminal selects text.")
            return [.setMouseCapture(mouseCapture)]
        case .cancel:
            // Presentation mode first: its footer promises that Esc leaves it.
            if presentation {
                presentation = false; slideShow = nil; say("Presentation mode off.")
            } else if search != nil {
                search = nil; say("Search cleared.")
            } else if filter != nil {
                filter = nil; say("Filter removed.")
            } else if zoomed {
                zoomed = false
            } else if !comparedChecklists.isEmpty {
                comparedChecklists = []; say("Comparison closed.")
            } else if !marks.isEmpty {
                marks = []; say("Marks cleared.")
            } else {
                say("Press \(KeyBindings.firstKey(.quit)) to quit, \(KeyBindings.firstKey(.help)) for help.")
            }
        default:
            return paneAction(action, in: focus)
        }
        return []
    }

}
