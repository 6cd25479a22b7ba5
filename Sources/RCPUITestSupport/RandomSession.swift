import RCPCore
import RCPTestSupport
import RCPUI

/// One random session against the UI model, the harness of the property tests and of `rcpx-bench --fuzz`:
/// keys (bound and unbound, odd characters), mouse presses and wheels anywhere (also off the screen), resizes
/// from 1×1 to 300×100, and the checklist answers of a pretend backend (which sometimes fails), from random
/// starting states (data set, theme, ASCII, mouse, size, an open checklist, a random way in).
///
/// After every event it checks that the state keeps its invariants (`checkInvariants`) and that a render is
/// exactly the size asked and well formed (every frame, or with `renderEveryFrame: false` every small frame,
/// every frame after a resize and one in eight others); now and then, a render at another size, and that a
/// few Esc bring a copy of the state back to a sane one. Everything comes from the seed: the same seed plays
/// the same session. Uses RCPUI's public API only.
public struct RandomSession {
    public private(set) var state: AppState
    /// The events since the current starting state (backend answers included), for a failure report.
    public private(set) var trail: [InputEvent] = []
    /// Random events played (backend answers not counted).
    public private(set) var played = 0
    /// Grids rendered and checked.
    public private(set) var rendered = 0
    /// Esc checks made.
    public private(set) var escapeChecks = 0
    /// The data set and options of the current starting state.
    public private(set) var dataName = ""
    public private(set) var options = UIOptions()

    var rng: SplitMix64
    let datasets: [(name: String, catalog: Catalog)]
    let renderEveryFrame: Bool
    var backend = PretendChecklistBackend()
    var events: RandomEvents

    /// The data sets a session starts from: the bundled one most of the time, then the edges.
    public static let standardDatasets: [(name: String, catalog: Catalog)] = [
        ("bundled", .bundled), ("one of each", Catalog(EdgeData.oneOfEach)), ("empty", Catalog(EdgeData.nothing)),
    ]

    /// A session from `seed` over `datasets` (the first is picked 70 % of the time).
    public init(
        seed: UInt64, datasets: [(name: String, catalog: Catalog)] = standardDatasets, renderEveryFrame: Bool = false
    ) {
        rng = SplitMix64(seed: seed)
        self.datasets = datasets.isEmpty ? Self.standardDatasets : datasets
        self.renderEveryFrame = renderEveryFrame
        state = AppState(catalog: self.datasets[0].catalog, options: UIOptions())
        events = RandomEvents(catalog: self.datasets[0].catalog)
        restart()
    }

    public var optionsLabel: String {
        "theme \(options.theme.rawValue), ascii \(options.ascii), mouse \(options.mouse)"
    }

    /// A fresh random starting state.
    public mutating func restart() {
        let pick = rng.int(10)
        let index = datasets.count == 1 || pick < 7 ? 0 : 1 + (pick - 7) % (datasets.count - 1)
        let (name, catalog) = datasets[index]
        options = UIOptions(
            theme: ThemeName.allCases[rng.int(ThemeName.allCases.count)], ascii: rng.int(4) == 0,
            mouse: rng.int(5) != 0)
        dataName = name
        state = AppState(catalog: catalog, options: options)
        events = RandomEvents(catalog: catalog)
        trail = []
        let (w, h) = events.randomSize(&rng)
        apply(.resize(width: w, height: h))
        // As `--checklist NAME` does, a third of the time.
        if rng.int(3) == 0 { apply(.checklistOpened(backend.open("Workshop \(rng.int(3))"))) }
        // A random way into the session: some moves, maybe a search or a filter.
        for _ in 0..<rng.int(30) { apply(events.next(&rng, state: state)) }
    }

    /// Plays `count` more random events (with `restarts`, starting again from a new random state now and then);
    /// the first failure, described, or nil.
    public mutating func play(events count: Int, restarts: Bool = true) -> String? {
        var sinceRestart = 0
        let end = played + count
        while played < end {
            if restarts && sinceRestart > 400 && rng.int(500) == 0 { restart(); sinceRestart = 0 }
            let event = events.next(&rng, state: state)
            apply(event)
            played += 1
            sinceRestart += 1
            var problems = state.checkInvariants()
            let (w, h) = (state.width, state.height)
            let isResize: Bool = {
                if case .resize = event { return true }; return false
            }()
            // A debug build renders a 300×100 frame in tens of milliseconds; the reducer's own checks run every time.
            if renderEveryFrame || w * h <= 1_200 || isResize || rng.int(8) == 0 {
                problems += UIChecks.gridProblems(App.render(state, width: w, height: h), width: w, height: h)
                rendered += 1
            }
            if rng.int(40) == 0 {
                let (w2, h2) = (rng.int(301), rng.int(101))
                problems += UIChecks.gridProblems(App.render(state, width: w2, height: h2), width: w2, height: h2)
                rendered += 1
            }
            if rng.int(60) == 0 {
                problems += UIChecks.afterEscapes(state).map { "Esc: " + $0 }
                escapeChecks += 1
            }
            if !problems.isEmpty { return "after \(event): " + problems.joined(separator: "; ") }
        }
        return nil
    }

    /// Feeds an event, then the backend's answers to its effects (as the real loop feeds them).
    public mutating func apply(_ event: InputEvent) {
        trail.append(event)
        var pending = App.update(&state, event)
        var rounds = 0
        while !pending.isEmpty && rounds < 8 {
            var next: [Effect] = []
            for effect in pending {
                for answer in backend.answer(effect) {
                    trail.append(answer)
                    next += App.update(&state, answer)
                }
            }
            pending = next
            rounds += 1
        }
    }

    /// The last `count` events of the trail, one a line, numbered.
    public func trailReport(last count: Int) -> String {
        let shown = trail.suffix(count)
        let first = trail.count - shown.count
        return shown.enumerated().map { "  \(first + $0.offset): \($0.element)" }.joined(separator: "\n")
    }
}
