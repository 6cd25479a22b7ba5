import Testing

@testable import RCPCore

/// `RecentValues` makes a value once per key, and again (the same) after it forgot everything when full.
@Suite struct RecentValuesTests {
    @Test func aValueIsMadeOncePerKeyUntilTheMemoIsFull() {
        let memo = RecentValues<Int, String>(capacity: 3)
        var made = 0
        func value(_ k: Int) -> String {
            memo.value(k) {
                made += 1; return "v\(k)"
            }
        }
        #expect([value(1), value(2), value(1), value(2)] == ["v1", "v2", "v1", "v2"])
        #expect(made == 2)
        _ = value(3)
        #expect(made == 3)
        // Full: the fourth key empties it, so 1 is made again, with the same value.
        _ = value(4)
        #expect(value(1) == "v1")
        #expect(made == 5)
    }
}
