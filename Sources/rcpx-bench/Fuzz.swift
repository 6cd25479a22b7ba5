import RCPCore
import RCPUI

/// `rcpx-bench --fuzz N [--seed S]`: N random key, mouse, resize and checklist events against the UI model,
/// in runs that each start from a fresh random state (data set, options, size, a random prefix of events).
/// After every event it checks that the state keeps its invariants and that a render at the asked size
/// (and sometimes at another) gives a well-formed grid of exactly that size; at random moments, that a few
/// Esc presses bring a copy of the state back to a sane one. The first failure prints the seed, the run's
/// seed (`--fuzz-run` replays that run alone) and the event trail, and exits 1.
struct Fuzzer {
    let catalogs: [(name: String, catalog: Catalog)]

    static func catalogs(bundled: Catalog, bigger: Catalog?) -> [(name: String, catalog: Catalog)] {
        var out: [(String, Catalog)] = [("bundled", bundled), ("tiny", Catalog(FuzzData.tiny())), ("empty", Catalog(FuzzData.empty()))]
        if let bigger { out.append(("10x", bigger)) }
        return out
    }

    struct Failure: Error {
        var runSeed: UInt64
        var catalog: String
        var options: UIOptions
        var problems: [String]
        var trail: [InputEvent]
    }

    /// Runs `events` events in total from `seed`; prints progress to stderr and a summary to stdout.
    func fuzz(events total: Int, seed: UInt64) -> Int32 {
        let started = nowNanoseconds()
        var done = 0, runs = 0, renders = 0, escChecks = 0
        var nextReport = min(total, 100_000)
        while done < total {
            let runSeed = SplitMix64.derive(seed, UInt64(runs))
            let budget = min(total - done, Self.runLength(runSeed))
            let outcome = run(runSeed: runSeed, events: budget)
            switch outcome {
            case .success(let stats):
                done += budget; runs += 1; renders += stats.renders; escChecks += stats.escChecks
            case .failure(let f):
                report(f, seed: seed, run: runs)
                return 1
            }
            if done >= nextReport {
                let seconds = Double(nowNanoseconds() - started) / 1e9
                note("fuzz: \(done) / \(total) events, \(runs) runs, \(fixed(seconds, 1)) s")
                nextReport = min(total, nextReport + 100_000)
            }
        }
        let seconds = Double(nowNanoseconds() - started) / 1e9
        print("fuzz: \(done) events in \(runs) runs from seed \(seed): no crash, every grid the asked size, "
              + "every invariant held (\(renders) renders, \(escChecks) Esc checks) in \(fixed(seconds, 1)) s")
        return 0
    }

    struct Stats { var renders = 0; var escChecks = 0 }

    /// How many events a run has: 200 to 5,000.
    static func runLength(_ runSeed: UInt64) -> Int {
        var g = SplitMix64(seed: runSeed ^ 0x5EED)
        return 200 + Int(g.next() % 4800)
    }

    /// One run: a fresh state from `runSeed`, then `events` random events.
    func run(runSeed: UInt64, events count: Int) -> Result<Stats, Failure> {
        var rng = SplitMix64(seed: runSeed)
        let (name, catalog) = catalogs[Self.pickCatalog(&rng, count: catalogs.count)]
        var options = UIOptions()
        options.theme = ThemeName.allCases.randomElement(using: &rng)!
        options.ascii = Int.random(in: 0..<4, using: &rng) == 0
        options.mouse = Int.random(in: 0..<5, using: &rng) != 0
        var state = AppState(catalog: catalog, options: options)
        var backend = FakeChecklistBackend()
        var trail: [InputEvent] = []
        var stats = Stats()
        let generator = EventGenerator(catalog: catalog)

        func fail(_ problems: [String]) -> Result<Stats, Failure> {
            .failure(Failure(runSeed: runSeed, catalog: name, options: options, problems: problems, trail: trail))
        }

        var first = InputEvent.resize(width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng))
        if Int.random(in: 0..<3, using: &rng) == 0, let opened = backend.startupEvent("Fuzz \(runSeed % 1000)") {
            // Start with a checklist open, as `--checklist NAME` does.
            trail.append(.resize(width: 120, height: 40))
            _ = App.update(&state, .resize(width: 120, height: 40))
            first = opened
        }
        var queue: [InputEvent] = [first]
        var produced = 0
        while produced < count {
            let event = queue.isEmpty ? generator.next(&rng, state: state) : queue.removeFirst()
            produced += 1
            trail.append(event)
            let effects = App.update(&state, event)
            // The backend's answers come back as events, as the real loop feeds them.
            for effect in effects { queue += backend.answer(effect) }

            var problems = state.checkInvariants()
            let (w, h) = (state.width, state.height)
            problems += Self.checkGrid(App.render(state, width: w, height: h), width: w, height: h)
            stats.renders += 1
            if Int.random(in: 0..<10, using: &rng) == 0 {
                let w2 = Int.random(in: 0...300, using: &rng), h2 = Int.random(in: 0...100, using: &rng)
                problems += Self.checkGrid(App.render(state, width: w2, height: h2), width: w2, height: h2)
                stats.renders += 1
            }
            if Int.random(in: 0..<25, using: &rng) == 0 {
                problems += Self.escapeReturnsToSanity(state)
                stats.escChecks += 1
            }
            if !problems.isEmpty { return fail(problems) }
        }
        return .success(stats)
    }

    /// Bundled data most of the time.
    static func pickCatalog(_ rng: inout SplitMix64, count: Int) -> Int {
        let r = Int.random(in: 0..<20, using: &rng)
        if r < 14 || count == 1 { return 0 }
        return 1 + r % (count - 1)
    }

    /// A grid of exactly `width`×`height` cells, wide cells followed by their continuation, no continuation
    /// without its wide cell, no control characters, the cursor (if any) inside.
    static func checkGrid(_ grid: Grid, width: Int, height: Int) -> [String] {
        var out: [String] = []
        let w = max(0, width), h = max(0, height)
        if grid.width != w || grid.height != h { out.append("grid \(grid.width)×\(grid.height), asked \(w)×\(h)") }
        if grid.cells.count != grid.width * grid.height {
            out.append("grid has \(grid.cells.count) cells for \(grid.width)×\(grid.height)")
            return out
        }
        for y in 0..<grid.height {
            var x = 0
            while x < grid.width {
                let c = grid[x, y]
                if c.width == 2 {
                    if x + 1 >= grid.width || !grid[x + 1, y].isContinuation {
                        out.append("wide cell \(c.text.debugDescription) at \(x),\(y) without its continuation")
                    }
                    x += 2
                    continue
                }
                if c.isContinuation { out.append("continuation cell at \(x),\(y) after a narrow cell") }
                else if c.width != 1 { out.append("cell width \(c.width) at \(x),\(y)") }
                if c.text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    out.append("control character in cell \(c.text.debugDescription) at \(x),\(y)")
                }
                x += 1
            }
            if out.count > 5 { break }
        }
        if let cursor = grid.cursor, !grid.contains(x: cursor.x, y: cursor.y) {
            out.append("cursor at \(cursor.x),\(cursor.y) outside \(grid.width)×\(grid.height)")
        }
        return out
    }

    /// A few Esc presses close every overlay and leave no search or filter being typed.
    static func escapeReturnsToSanity(_ state: AppState) -> [String] {
        var s = state
        for _ in 0..<4 { _ = App.update(&s, .key(.escape)) }
        var out: [String] = []
        if s.overlay != nil { out.append("an overlay is still open after Esc ×4: \(String(describing: s.overlay!).prefix(120))") }
        if s.search?.typing == true { out.append("the search box still takes keys after Esc ×4") }
        if s.filter?.typing == true { out.append("the filter box still takes keys after Esc ×4") }
        out += s.checkInvariants().map { "after Esc ×4: " + $0 }
        return out
    }

    func report(_ f: Failure, seed: UInt64, run: Int) {
        print("fuzz: FAILED in run \(run) (seed \(seed), run seed \(f.runSeed); replay this run alone with "
              + "`rcpx-bench --fuzz-run \(f.runSeed)`)")
        print("data: \(f.catalog); options: theme \(f.options.theme.rawValue), ascii \(f.options.ascii), mouse \(f.options.mouse)")
        for p in f.problems { print("  problem: \(p)") }
        let shown = f.trail.suffix(300)
        print("event trail (\(f.trail.count) events\(f.trail.count > shown.count ? ", the last \(shown.count)" : "")):")
        for (i, e) in shown.enumerated() { print("  \(f.trail.count - shown.count + i): \(e)") }
    }

    /// Replays one run (from the seed a failure printed) and reports like `fuzz`.
    func replay(runSeed: UInt64, events: Int?) -> Int32 {
        let count = events ?? Self.runLength(runSeed)
        switch run(runSeed: runSeed, events: count) {
        case .success: print("fuzz-run \(runSeed): \(count) events, every invariant held"); return 0
        case .failure(let f): report(f, seed: 0, run: 0); return 1
        }
    }
}

/// Random events, biased towards what people press: bound keys most, then any character, mouse and resizes.
struct EventGenerator {
    let boundKeys: [Key]
    let words: [String]

    init(catalog: Catalog) {
        var keys: [Key] = []
        for b in KeyBindings.table { for k in b.keys where !keys.contains(k) { keys.append(k) } }
        // Quitting would end the session: the fuzzer sees the effect but keeps going, as a test would.
        boundKeys = keys
        words = catalog.parties.prefix(30).map(\.name) + catalog.processes.prefix(10).map(\.shortName)
            + ["trafficking", "ghana", "zzzz", "é", "  ", "中国", "🙂", "e\u{301}", "a\u{200B}b"]
    }

    static let oddCharacters: [Character] = ["é", "ß", "中", "語", "🙂", "👍🏽", "e\u{301}", "\u{200B}", "\u{FEFF}", "ﬁ",
                                             "\u{0301}", "\t", "\u{7F}", "\u{1B}", "\u{0}", "\u{85}", "\u{2028}", "Ω", "ǅ"]
    static let printable: [Character] = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.,;:'\"!?/\\()[]{}<>@#$%^&*+=|~`")

    func next(_ rng: inout SplitMix64, state: AppState) -> InputEvent {
        let r = Int.random(in: 0..<100, using: &rng)
        switch r {
        case 0..<55:
            return .key(boundKeys.randomElement(using: &rng)!)
        case 55..<72:
            return .key(.character(Self.printable.randomElement(using: &rng)!))
        case 72..<75:
            return .key(.character(Self.oddCharacters.randomElement(using: &rng)!))
        case 75..<78:
            let c = Character(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &rng)))
            return .key(Bool.random(using: &rng) ? .ctrl(c) : .function(Int.random(in: 0...24, using: &rng)))
        case 78..<80:
            // A letter of a real name (so searches and filters keep finding something).
            let word = words.randomElement(using: &rng)!
            return .key(.character(word.randomElement(using: &rng) ?? "a"))
        case 80..<93:
            let actions: [MouseAction] = [.press, .release, .wheelUp, .wheelDown]
            return .mouse(actions.randomElement(using: &rng)!, x: Int.random(in: -2...(state.width + 2), using: &rng),
                          y: Int.random(in: -2...(state.height + 2), using: &rng))
        case 93..<97:
            // Small changes (a drag of the window edge) and jumps.
            if Bool.random(using: &rng) {
                return .resize(width: max(1, state.width + Int.random(in: -3...3, using: &rng)),
                               height: max(1, state.height + Int.random(in: -2...2, using: &rng)))
            }
            return .resize(width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng))
        default:
            let sizes = [(1, 1), (40, 10), (39, 9), (60, 20), (80, 24), (120, 30), (119, 29), (132, 43), (300, 100), (0, 0)]
            let (w, h) = sizes.randomElement(using: &rng)!
            return .resize(width: w, height: h)
        }
    }
}

/// Data sets at the edges: one of everything, and nothing at all.
enum FuzzData {
    static let source = SourceInfo(title: "Fuzz", publisher: "rcpx-bench", year: 2005, matrixDate: "2005-05-19")

    static func tiny() -> Dataset {
        let party = Party(id: "a", name: "Ängland 中国 with a very long name that will not fit anywhere at all", kind: .state,
                          iso3: "ANG", aliases: ["A"], source: "fuzz")
        let org = Party(id: "o", name: "O", kind: .organization, source: "fuzz")
        let process = Process(id: "p", number: 1, name: "P", shortName: "P", aliases: [], region: "r", year: 2000,
                              inMatrix: true, summary: "", participants: [Participation(party: "a", roles: [.member, .chair]),
                                                                          Participation(party: "o", roles: [.observer])],
                              statedTotal: nil, secretariat: "", topics: [Topic(label: "t", practices: [1])],
                              priorities: [], source: "fuzz")
        let practice = Practice(id: "ep-01", number: 1, title: "One", items: [PracticeItem(id: "ep-01.1", title: "One.1")],
                                source: "fuzz")
        return Dataset(source: source, regions: [Region(id: "r", name: "R", order: 1, source: "fuzz")], parties: [party, org],
                       processes: [process], mechanisms: [], practices: [practice],
                       understandings: [Understanding(id: "cu-01", number: 1, summary: "U", source: "fuzz")])
    }

    static func empty() -> Dataset {
        Dataset(source: source, regions: [], parties: [], processes: [], mechanisms: [], practices: [], understandings: [])
    }
}
