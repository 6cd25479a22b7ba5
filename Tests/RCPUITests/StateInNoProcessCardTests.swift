import RCPCore
import Testing

@testable import RCPUI

/// A state in no process of the paper is a search hit in the explorer and has a card saying so (user trial:
/// "/egypt" said "No match" while the world map knew Egypt).
@Suite struct StateInNoProcessCardTests {
    @Test func slashEgyptFindsEgyptInNoProcess() {
        var s = makeState(120, 40)
        s.press(.character("/"))
        s.type("egypt")
        let screen = s.screen
        #expect(!screen.contains("No match"), "\(screen)")
        #expect(screen.contains("Egypt"))
        #expect(screen.contains("state · in no process"), "\(screen)")
    }

    @Test func enterOpensACardThatSaysSo() {
        var s = makeState(132, 43)
        s.press(.character("/"))
        s.type("equatorial guinea")
        s.press(.enter)
        #expect(s.card.subject == .party("GNQ"))
        let lines = CardContent.lines(s.card.subject, s.env).map(\.plain)
        #expect(lines.first == "Equatorial Guinea")
        #expect(lines.contains("In no process of the paper (a UN member state in 2005)."), "\(lines)")
        #expect(lines.contains { $0.contains("Middle Africa (UN sub-region)") }, "\(lines)")
        #expect(!lines.contains { $0.contains("Not in the data") })
        #expect(s.card.subject.title(s.env) == "State: Equatorial Guinea")
    }
}
