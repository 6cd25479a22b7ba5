import RCPCore
import RCPTestSupport
import RCPUI

/// The scripted session of the key-to-frame measurement: what a person does in a long sitting, in segments
/// that together visit every pane and mode. Deterministic, so two runs time the same work.
enum ScriptedSession {
    /// The search terms of the session: words that exist in the data.
    static let words = ["turkey", "trafficking", "ghana", "bali", "labour"]

    static func chars(_ s: String) -> [InputEvent] { s.map { .key(.character($0)) } }
    static func repeated(_ e: InputEvent, _ n: Int) -> [InputEvent] { Array(repeating: e, count: n) }
    static func key(_ k: Key) -> InputEvent { .key(k) }

    /// Typing `text` one character at a time, then erasing it one character at a time.
    static func typeAndErase(_ text: String) -> [InputEvent] {
        chars(text) + repeated(key(.backspace), text.count)
    }

    /// The segments, cycled until the session is long enough. `words` are search terms that exist in the data.
    static func segments(words: [String]) -> [[InputEvent]] {
        let down = key(.down), up = key(.up)
        var segments: [[InputEvent]] = []
        // Tree: walk down and up, collapse and expand, page, open.
        segments.append(
            [key(.character("1"))] + repeated(down, 25) + repeated(up, 10)
                + [
                    key(.left), key(.right), key(.enter), key(.character("1")), key(.pageDown), key(.pageDown),
                    key(.pageUp),
                    key(.end), key(.home),
                ] + chars("jjjjkkkk") + [key(.left), key(.left), key(.right)])
        // Card: scroll, follow a link, go back and forward.
        segments.append(
            [key(.character("2"))] + repeated(down, 20) + [
                key(.pageDown), key(.pageUp), key(.enter),
                key(.character("[")), key(.character("]")), key(.character("[")), key(.home), key(.end),
            ] + repeated(up, 5))
        // Matrix: move across the columns and down the rows, page, switch rows and sort, limit to a region.
        segments.append(
            [key(.character("3"))] + repeated(key(.right), 30) + repeated(down, 30)
                + [key(.pageDown), key(.pageDown), key(.pageUp)] + repeated(key(.left), 12) + repeated(up, 12)
                + chars("osos") + chars("o") + chars("rr") + [key(.end), key(.home), key(.enter), key(.character("3"))])
        // Checklist: move, expand and collapse headings.
        segments.append(
            [key(.character("4"))] + repeated(down, 15) + [key(.right), key(.down), key(.left), key(.left)]
                + repeated(up, 5) + [key(.pageDown), key(.pageUp), key(.end), key(.home)])
        // Search: type, choose hits, go, n / N, clear; then type and erase (narrowing and widening).
        for word in words {
            segments.append(
                [key(.character("/"))] + chars(word) + [down, down, up, key(.enter)]
                    + chars("nnN") + [key(.escape)])
            segments.append([key(.character("/"))] + typeAndErase(word) + [key(.escape)])
        }
        // Filter: type, keep, remove; type and erase.
        for word in words.prefix(3) {
            segments.append(
                [key(.character("f"))] + chars(word) + [key(.enter)] + repeated(down, 5)
                    + [key(.character("3"))] + repeated(down, 5) + [key(.character("1")), key(.escape)])
            segments.append([key(.character("f"))] + typeAndErase(word) + [key(.escape)])
        }
        // Help: open, narrow, scroll, close.
        segments.append(
            [key(.character("?"))] + repeated(down, 10) + [key(.pageDown), key(.pageUp)]
                + typeAndErase("search") + [key(.escape)])
        // Zoom and presentation, with moves inside.
        segments.append(
            [key(.character("z"))] + repeated(down, 10) + [key(.tab)] + repeated(down, 5)
                + [key(.character("z")), key(.character("p"))] + repeated(down, 5) + [key(.escape), key(.backTab)])
        // Focus cycling.
        segments.append(repeated(key(.tab), 8) + repeated(key(.backTab), 4))
        // Resizes, ending where the session started.
        segments.append(
            [.resize(width: 80, height: 24)] + repeated(down, 5) + [.resize(width: 132, height: 43)]
                + repeated(down, 5) + [.resize(width: 200, height: 60), .resize(width: 60, height: 20)]
                + repeated(up, 3)
                + [.resize(width: 120, height: 40)])
        // Mouse: clicks in the panes and wheel scrolls.
        segments.append([
            .mouse(.press, x: 5, y: 5), .mouse(.release, x: 5, y: 5), .mouse(.wheelDown, x: 5, y: 5),
            .mouse(.wheelDown, x: 5, y: 5), .mouse(.press, x: 60, y: 8), .mouse(.wheelDown, x: 60, y: 8),
            .mouse(.press, x: 20, y: 30), .mouse(.wheelDown, x: 20, y: 30), .mouse(.press, x: 100, y: 30),
            .mouse(.wheelUp, x: 100, y: 30),
        ])
        return segments
    }

    /// The session: the segments cycled to `count` events (only those whose names contain `only`, for
    /// profiling one mode).
    static func events(count: Int, words: [String], only: String? = nil) -> [InputEvent] {
        var segments = segments(words: words)
        if let only {
            segments = segments.filter { segment in
                guard case .key(.character(let c))? = segment.first else { return false }
                return only.contains(c)
            }
            if segments.isEmpty { fatal("no segment starts with one of \(only)") }
        }
        var out: [InputEvent] = [.resize(width: 120, height: 40)]
        var i = 0
        while out.count < count {
            out += segments[i % segments.count]
            i += 1
        }
        return out
    }
}

/// Times `App.update` + `App.render` for every event of the scripted session.
struct KeyToFrame {
    struct Result {
        var perEvent: Summary
        var update: Summary
        var render: Summary
        var slowest: [(event: InputEvent, milliseconds: Double)]
        /// Where the time over 1 ms goes: (what, events over 1 ms, their share of all events, median of those).
        var overOneMillisecond: [(what: String, count: Int, share: Double, median: Double)]
    }

    /// What an event is, in the mode the state was in: "search: typing", "tree: key", "matrix: key", …
    static func kind(_ e: InputEvent, _ state: AppState) -> String {
        let mode: String
        if case .help? = state.overlay {
            mode = "help"
        } else if state.overlay != nil {
            mode = "dialog"
        } else if state.search?.typing == true {
            mode = "search box"
        } else if state.filter?.typing == true {
            mode = "filter box"
        } else {
            mode = "\(state.focus.rawValue) pane"
        }
        switch e {
        case .key(.character(let c)) where mode.hasSuffix("box") || mode == "help":
            return "\(mode): typing" + (c == " " ? " space" : "")
        case .key(.backspace) where mode.hasSuffix("box") || mode == "help": return "\(mode): erasing"
        case .key(let k): return "\(mode): \(k)"
        case .mouse(let a, _, _): return "\(mode): mouse \(a)"
        case .resize: return "resize"
        default: return "other"
        }
    }

    /// Update and render for each event at the sizes the session sets (120×40 until a resize); a checksum of
    /// the frames, so that the work cannot be left out.
    static func play(_ state: inout AppState, _ events: ArraySlice<InputEvent>) -> Int {
        var width = 120, height = 40, checksum = 0
        for e in events {
            if case .resize(let w, let h) = e { width = w; height = h }
            checksum &+= App.update(&state, e).count
            checksum &+= App.render(state, width: width, height: height).cells.count
        }
        return checksum
    }

    static func measure(catalog: Catalog, events: [InputEvent]) -> Result {
        // As the explorer does in the background after its first frame (before a person can type).
        App.prepare(catalog)
        var state = AppState(catalog: catalog, options: UIOptions())
        var width = 120, height = 40
        var total: [Double] = [], updates: [Double] = [], renders: [Double] = []
        total.reserveCapacity(events.count)
        // A short warm-up, not timed (first-use caches, page faults of the code).
        var checksum = play(&state, events.prefix(200))
        state = AppState(catalog: catalog, options: UIOptions())
        var slowest: [(InputEvent, Double)] = []
        var slow: [String: [Double]] = [:]
        for e in events {
            let what = kind(e, state)
            if case .resize(let w, let h) = e { width = w; height = h }
            let t0 = nowNanoseconds()
            let effects = App.update(&state, e)
            let t1 = nowNanoseconds()
            let grid = App.render(state, width: width, height: height)
            let t2 = nowNanoseconds()
            checksum &+= grid.cells.count &+ effects.count
            let ms = milliseconds(t2 - t0)
            total.append(ms)
            updates.append(milliseconds(t1 - t0))
            renders.append(milliseconds(t2 - t1))
            if ms > 1 { slow[what, default: []].append(ms) }
            if slowest.count < 5 || ms > slowest[slowest.count - 1].1 {
                slowest.append((e, ms))
                slowest.sort { $0.1 > $1.1 }
                if slowest.count > 5 { slowest.removeLast() }
            }
        }
        if checksum == 42 { note("") }  // keeps the work observable
        let over = slow.map {
            (
                what: $0.key, count: $0.value.count, share: Double($0.value.count) / Double(events.count),
                median: Summary($0.value).median
            )
        }
        .sorted { $0.count > $1.count }
        return Result(
            perEvent: Summary(total), update: Summary(updates), render: Summary(renders),
            slowest: slowest.map { (event: $0.0, milliseconds: $0.1) }, overOneMillisecond: over)
    }
}
