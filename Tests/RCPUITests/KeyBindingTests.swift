import Testing

@testable import RCPUI

@Suite struct KeyBindingTests {
    @Test func noKeyIsBoundTwiceInAScope() {
        for scope in KeyScope.allCases {
            var seen: [Key: Action] = [:]
            for b in KeyBindings.bindings(in: scope) {
                for k in b.keys {
                    #expect(seen[k] == nil, "\(k) bound twice in \(scope)")
                    seen[k] = b.action
                }
            }
        }
    }

    @Test func everyBindingHasWordsAndKeys() {
        for b in KeyBindings.table {
            #expect(!b.keys.isEmpty)
            #expect(!b.description.isEmpty)
        }
    }

    @Test func lookupTakesTheMostSpecificScope() {
        #expect(KeyBindings.action(for: .enter, in: [.tree, .navigation, .global]) == .activate)
        #expect(KeyBindings.action(for: .enter, in: [.checklist, .navigation, .global]) == .editNote)
        #expect(KeyBindings.action(for: .character("j"), in: [.matrix, .navigation, .global]) == .down)
        #expect(KeyBindings.action(for: .character("q"), in: [.search, .input]) == nil)  // typed, not quit
        #expect(KeyBindings.action(for: .escape, in: [.tree, .navigation, .global]) == .cancel)
    }

    @Test func markdownTableHasARowPerBinding() {
        let md = KeyBindings.markdownTable()
        let rows = md.split(separator: "\n")
        #expect(rows.count == KeyBindings.table.count + 2)
        #expect(rows[0] == "| Keys | Where | What it does |")
        #expect(md.contains("| `z` | everywhere | zoom: the focused pane full screen, and back |"))
    }

    @Test func hintsComeFromTheTable() {
        let hints = KeyBindings.hints(for: [.matrix, .navigation, .global])
        #expect(hints.contains { $0.key == "s" && $0.label == "sort" })
        #expect(hints.contains { $0.key == "q" && $0.label == "quit" })
        // Enter is "go" in the search box, not "accept".
        let search = KeyBindings.hints(for: [.search, .input])
        #expect(search.contains { $0.key == "Enter" && $0.label == "go" })
        #expect(!search.contains { $0.label == "accept" })
    }
}
