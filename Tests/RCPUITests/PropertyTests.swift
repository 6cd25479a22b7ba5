import Foundation
import Testing
import RCPCore
@testable import RCPUI

/// Random sessions against the reducer and the renderer: keys (bound and unbound, odd characters), mouse
/// presses and wheels anywhere (also off the screen), resizes from 1×1 to 300×100, and the checklist answers
/// of a backend, from random starting states (data set, theme, ASCII, mouse, size, an open checklist).
/// After every event: the state keeps its invariants (`checkInvariants`); the grid of a render is exactly the
/// size asked and well formed; now and then, a few Esc bring a copy of the state back to a sane one.
///
/// Seeded: a failure prints the seed and the event trail, and `RCPX_PROPERTY_SEED=<seed>` replays it. Every
/// run draws a new seed, so the runs explore more over time. `rcpx-bench --fuzz N` runs millions.
@Suite("Property: random events never break the UI")
struct RandomEventPropertyTests {
    /// Events per part; the parts run in parallel.
    static let eventsPerPart = 12_500
    static let parts = 8

    static let baseSeed: UInt64 = {
        if let s = ProcessInfo.processInfo.environment["RCPX_PROPERTY_SEED"], let n = UInt64(s) { return n }
        return UInt64.random(in: 1...UInt64(UInt32.max))
    }()

    @Test(arguments: 0..<parts)
    func randomSessions(part: Int) {
        let seed = Self.baseSeed &+ UInt64(part) &* 1_000_003
        var run = RandomRun(seed: seed)
        let outcome = run.play(events: Self.eventsPerPart)
        #expect(run.played >= Self.eventsPerPart)
        #expect(run.rendered > Self.eventsPerPart / 10, "only \(run.rendered) frames rendered")
        if let failure = outcome {
            Issue.record("""
                \(failure)
                seed \(seed) (part \(part) of base seed \(Self.baseSeed)); replay: RCPX_PROPERTY_SEED=\(Self.baseSeed) swift test --filter RandomEventPropertyTests
                data \(run.dataName), options \(run.optionsLabel); the last \(min(run.trail.count, 60)) of \(run.trail.count) events since the start state:
                \(run.trail.suffix(60).map { "  \($0)" }.joined(separator: "\n"))
                """)
        }
    }

    @Test func escapeAlwaysReturnsToASaneState() {
        // From every overlay and typing mode, at several sizes.
        let openers: [[Key]] = [[.character("?")], [.character("/")], [.character("f")], [.character("/"), .character("t")],
                                [.character("4"), .character("c")], [.character("4"), .character("w")],
                                [.character("?"), .character("q")], [.character("f"), .character("x"), .enter]]
        for (w, h) in [(1, 1), (39, 9), (40, 10), (80, 24), (132, 43), (300, 100)] {
            for keys in openers {
                var state = AppState(catalog: .bundled, options: UIOptions())
                _ = App.update(&state, .resize(width: w, height: h))
                for k in keys { _ = App.update(&state, .key(k)) }
                let problems = Self.afterEscapes(state)
                #expect(problems.isEmpty, "\(w)×\(h) after \(keys): \(problems)")
            }
        }
    }

    // MARK: Checks

    /// Problems with a grid rendered at `width`×`height`.
    static func gridProblems(_ grid: Grid, width: Int, height: Int) -> [String] {
        var out: [String] = []
        if grid.width != max(0, width) || grid.height != max(0, height) {
            out.append("rendered \(grid.width)×\(grid.height) when \(width)×\(height) was asked")
        }
        guard grid.cells.count == grid.width * grid.height else {
            return out + ["\(grid.cells.count) cells in a \(grid.width)×\(grid.height) grid"]
        }
        rows: for y in 0..<grid.height {
            var wideOpen = false
            for x in 0..<grid.width {
                let cell = grid[x, y]
                switch cell.width {
                case 0 where !wideOpen: out.append("continuation without a wide cell at (\(x), \(y))"); break rows
                case 0: wideOpen = false
                case 1 where wideOpen, 2 where wideOpen: out.append("wide cell cut at (\(x - 1), \(y))"); break rows
                case 1: break
                case 2: wideOpen = true
                default: out.append("cell of width \(cell.width) at (\(x), \(y))"); break rows
                }
                if cell.width != 0, cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
                    out.append("control character \(cell.text.debugDescription) at (\(x), \(y))")
                    break rows
                }
            }
            if wideOpen { out.append("wide cell at the end of row \(y)"); break }
        }
        if let c = grid.cursor, !grid.contains(x: c.x, y: c.y) {
            out.append("cursor (\(c.x), \(c.y)) off a \(grid.width)×\(grid.height) grid")
        }
        return out
    }

    /// What is left wrong after four Esc on a copy of `state`.
    static func afterEscapes(_ state: AppState) -> [String] {
        var s = state
        for _ in 0..<4 { _ = App.update(&s, .key(.escape)) }
        var out = s.checkInvariants()
        if let o = s.overlay { out.append("still open after Esc: \(o)") }
        if s.search?.typing == true { out.append("still typing a search after Esc") }
        if s.filter?.typing == true { out.append("still typing a filter after Esc") }
        return out
    }
}

/// One random session: its generator, state, trail and the answers of a pretend backend.
struct RandomRun {
    var rng: TestRandom
    var state: AppState
    var trail: [InputEvent] = []
    var played = 0
    var rendered = 0
    var dataName = ""
    var optionsLabel = ""
    /// Stored checklists of the pretend backend.
    var stored: [String: Checklist] = [:]
    var storeCalls = 0

    static let datasets: [(String, Catalog)] = [
        ("bundled", .bundled), ("one of each", Catalog(EdgeData.oneOfEach)), ("empty", Catalog(EdgeData.nothing)),
    ]

    init(seed: UInt64) {
        rng = TestRandom(seed)
        state = AppState(catalog: .bundled, options: UIOptions())
        restart()
    }

    /// A fresh random starting state.
    mutating func restart() {
        let pick = rng.int(10)
        let (name, catalog) = Self.datasets[pick < 7 ? 0 : pick < 9 ? 1 : 2]
        let options = UIOptions(theme: ThemeName.allCases[rng.int(3)], ascii: rng.int(4) == 0, mouse: rng.int(5) != 0)
        dataName = name
        optionsLabel = "theme \(options.theme.rawValue), ascii \(options.ascii), mouse \(options.mouse)"
        state = AppState(catalog: catalog, options: options)
        trail = []
        let (w, h) = randomSize()
        apply(.resize(width: w, height: h))
        if rng.int(3) == 0 { apply(.checklistOpened(storedChecklist("Workshop \(rng.int(3))"))) }
        // A random way into the session: some moves, maybe a search or a filter.
        for _ in 0..<rng.int(30) { apply(randomEvent()) }
    }

    mutating func storedChecklist(_ name: String) -> Checklist {
        if let c = stored[name] { return c }
        let c = Checklist(name: name, created: "2026-01-01T00:00:00Z")
        stored[name] = c
        return c
    }

    /// Plays `events` events (restarting from a new random state now and then); the first failure, if any.
    mutating func play(events: Int) -> String? {
        var sinceRestart = 0
        while played < events {
            if sinceRestart > 400 && rng.int(500) == 0 { restart(); sinceRestart = 0 }
            let event = randomEvent()
            apply(event)
            played += 1
            sinceRestart += 1
            var problems = state.checkInvariants()
            // Every small frame and every frame after a resize is rendered, other frames one in eight (a debug
            // build renders a 300×100 frame in tens of milliseconds; the reducer's own checks run every time).
            let (w, h) = (state.width, state.height)
            if w * h <= 1_200 || rng.int(8) == 0 || { if case .resize = event { return true }; return false }() {
                problems += RandomEventPropertyTests.gridProblems(App.render(state, width: w, height: h), width: w, height: h)
                rendered += 1
            }
            if rng.int(40) == 0 {
                let (w2, h2) = (rng.int(301), rng.int(101))
                problems += RandomEventPropertyTests.gridProblems(App.render(state, width: w2, height: h2), width: w2, height: h2)
            }
            if rng.int(60) == 0 { problems += RandomEventPropertyTests.afterEscapes(state).map { "Esc: " + $0 } }
            if !problems.isEmpty { return "after \(event): " + problems.joined(separator: "; ") }
        }
        return nil
    }

    /// Feeds an event and the backend's answers to its effects.
    mutating func apply(_ event: InputEvent) {
        trail.append(event)
        var pending = App.update(&state, event)
        var rounds = 0
        while !pending.isEmpty && rounds < 8 {
            var next: [Effect] = []
            for effect in pending {
                for answer in answers(effect) {
                    trail.append(answer)
                    next += App.update(&state, answer)
                }
            }
            pending = next
            rounds += 1
        }
    }

    /// What a backend answers; every ninth store call fails.
    mutating func answers(_ effect: Effect) -> [InputEvent] {
        storeCalls += 1
        let fails = storeCalls % 9 == 0
        switch effect {
        case .quit, .interrupt, .copyToClipboard, .setMouseCapture: return []
        case .saveCardToFile(let name, _): return [.notice("Card written to \(name).", isError: fails)]
        case .listChecklists:
            return [.checklistsListed(names: stored.keys.sorted(), problems: fails ? ["broken.json: not JSON"] : [])]
        case _ where fails:
            return [.checklistFailed("cannot write in the checklist folder (read-only file system)")]
        case .saveChecklist(let name, _, let changes):
            guard var c = stored[name] else { return [.checklistFailed("no checklist \"\(name)\"")] }
            changes.forEach { $0.apply(to: &c) }
            c.revision += 1
            stored[name] = c
            return [.checklistSaved(c, mergedForeignChanges: storeCalls % 5 == 0)]
        case .openChecklist(let name), .createChecklist(let name):
            return [.checklistOpened(storedChecklist(name))]
        case .renameChecklist(let from, let to):
            var c = stored.removeValue(forKey: from) ?? storedChecklist(from)
            c.name = to
            stored[to] = c
            return [.checklistOpened(c)]
        case .deleteChecklist(let name):
            stored[name] = nil
            return [.checklistDeleted(name: name)]
        }
    }

    static let boundKeys: [Key] = {
        var keys: [Key] = []
        for binding in KeyBindings.table { keys += binding.keys.filter { !keys.contains($0) } }
        return keys
    }()

    static let typed: [Character] = Array("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-'.,/?[]()&\"") +
        ["é", "ü", "ô", "ß", "Ω", "中", "文", "🙂", "👨‍👩‍👧", "e\u{301}", "\u{200B}", "\u{FEFF}", "\u{7F}", "\u{1B}", "\t", "\u{0}", "\u{9B}"]

    mutating func randomEvent() -> InputEvent {
        let w = state.width, h = state.height
        // A box or an overlay that takes the keys is left now and then, as people do (else a session spends
        // most of its events typing into the help's narrowing line).
        if state.overlay != nil || state.search?.typing == true || state.filter?.typing == true, rng.int(12) == 0 {
            return .key(rng.int(3) == 0 ? .enter : .escape)
        }
        switch rng.int(100) {
        case 0..<58: return .key(Self.boundKeys[rng.int(Self.boundKeys.count)])
        case 58..<78: return .key(.character(Self.typed[rng.int(Self.typed.count)]))
        case 78..<81: return .key(rng.int(2) == 0 ? .ctrl(Character(Unicode.Scalar(UInt8(97 + rng.int(26))))) : .function(rng.int(25)))
        case 81..<93:
            let actions: [MouseAction] = [.press, .release, .wheelUp, .wheelDown]
            return .mouse(actions[rng.int(4)], x: rng.int(w + 4) - 2, y: rng.int(h + 4) - 2)
        case 93..<97:
            return .resize(width: max(1, w + rng.int(7) - 3), height: max(1, h + rng.int(5) - 2))
        default:
            let (w2, h2) = randomSize()
            return .resize(width: w2, height: h2)
        }
    }

    /// A size from 1×1 to 300×100: a third anywhere in the range, a third around the sizes terminals have
    /// (80×24 to 132×43), a third small (below the 40×10 minimum and just above it).
    mutating func randomSize() -> (Int, Int) {
        switch rng.int(3) {
        case 0: return (1 + rng.int(300), 1 + rng.int(100))
        case 1: return (80 + rng.int(53), 24 + rng.int(20))
        default: return (1 + rng.int(70), 1 + rng.int(22))
        }
    }
}

/// SplitMix64: small, fast, the same numbers everywhere for a seed.
struct TestRandom {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// 0..<n.
    mutating func int(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Data sets at the edges of what a valid file can hold.
enum EdgeData {
    static let source = SourceInfo(title: "Edge", publisher: "test", year: 2005, matrixDate: "2005-05-19")

    /// One region, process, state, organization, practice and understanding; a name too long for any pane.
    static let oneOfEach = Dataset(
        source: source,
        regions: [Region(id: "r", name: "Région", order: 1, source: "t")],
        parties: [Party(id: "s", name: "Ünïcödé 語 State with a name much longer than any pane is wide, and then some more",
                        kind: .state, iso3: "UNI", aliases: ["U"], source: "t"),
                  Party(id: "o", name: "Org", kind: .organization, source: "t")],
        processes: [Process(id: "p", number: 1, name: "Process", shortName: "P", aliases: [], region: "r", year: 2001,
                            inMatrix: true, summary: "", participants: [Participation(party: "s", roles: [.member, .coChair]),
                                                                        Participation(party: "o", roles: [.observer])],
                            statedTotal: nil, secretariat: "", topics: [Topic(label: "t", practices: [1])], priorities: [],
                            source: "t")],
        mechanisms: [],
        practices: [Practice(id: "ep-01", number: 1, title: "One", items: [PracticeItem(id: "ep-01.1", title: "Sub")], source: "t")],
        understandings: [Understanding(id: "cu-01", number: 1, summary: "U", source: "t")])

    static let nothing = Dataset(source: source, regions: [], parties: [], processes: [], mechanisms: [], practices: [],
                                 understandings: [])
}
