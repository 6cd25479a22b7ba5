import RCPCore

// Keys while an overlay is open: help, prompts, questions, the checklist picker, comparison and rankings.
extension AppState {
    mutating func handleOverlay(_ overlay: Overlay, _ action: Action?, _ key: Key) -> [Effect] {
        switch overlay {
        case .help(var h):
            switch action {
            case .cancel: self.overlay = nil
            case nil where keys.binding(for: key, in: [.global])?.action == .quit && h.editor.text.isEmpty:
                self.overlay = nil
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
                    self.overlay = .confirm(
                        Confirmation(
                            purpose: .discardTyping(p),
                            question:
                                "Discard what you typed here (“\(TextWidth.truncate(p.editor.text, width: 30))”)? \(KeyBindings.firstKey(.confirm, in: .confirm)) or \(Key.escape.label()) discards it, \(KeyBindings.firstKey(.decline, in: .confirm)) goes back to it."
                        ))
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
                    say(
                        "Still typing: \(KeyBindings.firstKey(.commit, in: .input)) keeps it, \(KeyBindings.firstKey(.cancel, in: .input)) cancels."
                    )
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
            case .commit where p.purpose == .compare:
                let names = p.chosen.isEmpty ? [] : p.chosen
                guard (2...ChecklistComparison.maxColumns).contains(names.count) else {
                    say(
                        "Mark 2 to \(ChecklistComparison.maxColumns) checklists with \(keys.firstKey(.toggleChoice, in: .picker)), then \(keys.firstKey(.commit, in: .picker)).",
                        error: true)
                    return []
                }
                self.overlay = nil
                return [.loadChecklists(names: names)]
            case .commit:
                self.overlay = nil
                if let name = p.list.selected, p.names.contains(name) { return picked(name) }
            case .toggleChoice where p.purpose == .compare:
                guard let name = p.list.selected else { return [] }
                if let i = p.chosen.firstIndex(of: name) {
                    p.chosen.remove(at: i)
                } else if p.chosen.count < ChecklistComparison.maxColumns {
                    p.chosen.append(name)
                } else {
                    say("\(ChecklistComparison.maxColumns) are marked already, the most side by side.", error: true)
                }
                self.overlay = .picker(p)
            case .up, .down, .pageUp, .pageDown, .top, .bottom:
                p.list.selected = p.list.moved(action!, in: p.names, visible: 5) ?? p.names.first
                self.overlay = .picker(p)
            default: break
            }
            return []
        }
    }
}
