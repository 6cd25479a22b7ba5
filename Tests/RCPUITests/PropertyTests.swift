import RCPCore
import RCPTestSupport
import RCPUI
import RCPUITestSupport
import Testing

/// Random sessions against the reducer and the renderer: keys (bound and unbound, odd characters), mouse
/// presses and wheels anywhere (also off the screen), resizes from 1×1 to 300×100, and the checklist answers
/// of a backend, from random starting states (data set, theme, ASCII, mouse, size, an open checklist).
/// After every event: the state keeps its invariants (`checkInvariants`); the grid of a render is exactly the
/// size asked and well formed; now and then, a few Esc bring a copy of the state back to a sane one.
///
/// The harness is `RandomSession` of RCPUITestSupport (`rcpx-bench --fuzz N` runs millions of events with it).
/// Seeded, with a fixed seed by default, so CI and every laptop play the same sessions; the seed is printed.
/// `RCPX_PROPERTY_SEED=<number>` plays other sessions (a failure prints the line that replays it) and
/// `RCPX_PROPERTY_SEED=random` a new seed each run.
@Suite("Property: random events never break the UI")
struct RandomEventPropertyTests {
    /// Events per part; the parts run in parallel.
    static let eventsPerPart = 12_500
    static let parts = 8

    /// The default seed: any number would do; a fixed one keeps every run the same.
    static let fixedSeed: UInt64 = 20_051_130

    static let baseSeed: UInt64 = {
        let seed = propertySeed(fixed: fixedSeed)
        print("RandomEventPropertyTests: base seed \(seed)\(seed == fixedSeed ? " (the fixed default)" : "")")
        return seed
    }()

    @Test(arguments: 0..<parts)
    func randomSessions(part: Int) {
        let seed = Self.baseSeed &+ UInt64(part) &* 1_000_003
        var run = RandomSession(seed: seed)
        let outcome = run.play(events: Self.eventsPerPart)
        #expect(run.played >= Self.eventsPerPart)
        #expect(run.rendered > Self.eventsPerPart / 10, "only \(run.rendered) frames rendered")
        if let failure = outcome {
            Issue.record(
                """
                \(failure)
                seed \(seed) (part \(part) of base seed \(Self.baseSeed)); replay: RCPX_PROPERTY_SEED=\(Self.baseSeed) swift test --filter RandomEventPropertyTests
                data \(run.dataName), options \(run.optionsLabel); the last \(min(run.trail.count, 60)) of \(run.trail.count) events since the start state:
                \(run.trailReport(last: 60))
                """)
        }
    }

    @Test func escapeAlwaysReturnsToASaneState() {
        // From every overlay and typing mode, at several sizes.
        let openers: [[Key]] = [
            [.character("?")], [.character("/")], [.character("f")], [.character("/"), .character("t")],
            [.character("4"), .character("c")], [.character("4"), .character("w")],
            [.character("?"), .character("q")], [.character("f"), .character("x"), .enter],
        ]
        for (w, h) in [(1, 1), (39, 9), (40, 10), (80, 24), (132, 43), (300, 100)] {
            for keys in openers {
                var state = AppState(catalog: .bundled, options: UIOptions())
                _ = App.update(&state, .resize(width: w, height: h))
                for k in keys { _ = App.update(&state, .key(k)) }
                let problems = UIChecks.afterEscapes(state)
                #expect(problems.isEmpty, "\(w)×\(h) after \(keys): \(problems)")
            }
        }
    }
}
