import RCPTestSupport
import RCPUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real `rcpx` on a pseudo-terminal: start-up to the first frame, bytes per navigation key, key latency
/// and peak memory of the explorer.
struct TerminalBench {
    let rcpx: String
    /// A scratch data home, so the explorer reads and writes no checklists of the user.
    let dataHome: String
    let columns = 120
    let rows = 40
    /// Output quiet for this long after a frame began means the frame is complete.
    let quietMilliseconds: Int

    /// What the first frame must contain, whatever the data: the top bar's program name (first line) and the
    /// quit hint of the bottom line (ncurses sends a frame top to bottom).
    static let markers: [[UInt8]] = [Array("rcpx".utf8), Array("quit".utf8)]

    var environment: [String] { explorerEnvironment(dataHome: dataHome) }

    func start() -> PtyChild {
        mustStartPty(rcpx, [], environment: environment, columns: columns, rows: rows)
    }

    static func isFirstFrame(_ bytes: [UInt8]) -> Bool { markers.allSatisfy { contains(bytes, $0) } }

    // MARK: Start-up

    struct StartupResult {
        var milliseconds: Summary
        var firstFrameBytes: Int
        var maxRSSKilobytes: Int
    }

    /// Exec to the last byte of the first frame, `runs` times; each run then quits with `q`.
    func startup(runs: Int) -> StartupResult {
        var times: [Double] = []
        var frameBytes = 0
        var rss = 0
        for run in 0..<runs {
            let child = start()
            let burst = child.readBurst(
                quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 10_000,
                done: Self.isFirstFrame)
            guard !burst.timedOut, Self.isFirstFrame(burst.bytes) else {
                fatal(
                    "run \(run): no first frame from \(rcpx) within 10 s (\(burst.bytes.count) bytes: "
                        + "\(String(decoding: burst.bytes.prefix(200), as: UTF8.self)))")
            }
            times.append(milliseconds(burst.lastByte - child.started))
            frameBytes = burst.bytes.count
            rss = max(rss, child.peakRSSKilobytes() ?? 0)
            child.send("q")
            let result = child.finish()
            if !(result.exitedNormally && result.exitCode == 0) {
                note("warning: run \(run): rcpx ended with \(result.statusDescription) after q")
            }
        }
        return StartupResult(milliseconds: Summary(times), firstFrameBytes: frameBytes, maxRSSKilobytes: rss)
    }

    // MARK: Bytes on the wire

    struct WireResult {
        var keys: Int
        var bytesPerKey: Summary
        var latency: Summary
        var firstFrameBytes: Int
        var repaintBytes: Int
        var maxRSSKilobytes: Int
        var silentKeys: Int
        var silentNames: [String]
        var perKind: [(name: String, mean: Double)]
        /// The byte floor of each key counted in `bytesPerKey` (same order), from the same session in process.
        var floors: [Double]
        var firstFrameFloor: Int
        /// Keys where the pty and the in-process session disagree on whether the screen changed.
        var modelDisagreements: [String]
        /// Bytes of one resize, 120×40 to 132×43 (the whole screen once, at the new size).
        var resizeBytes: Int
        var resizeFloor: Int
    }

    /// The navigation keys of the session, as xterm sends them with the keypad in application mode.
    static func navigationScript() -> [(name: String, bytes: String)] {
        let down = ("Down", "\u{1B}OB"), up = ("Up", "\u{1B}OA"), right = ("Right", "\u{1B}OC"),
            left = ("Left", "\u{1B}OD")
        let j = ("j", "j"), k = ("k", "k"), tab = ("Tab", "\t"), pgdn = ("PgDn", "\u{1B}[6~"),
            pgup = ("PgUp", "\u{1B}[5~")
        var script: [(String, String)] = []
        // Tree.
        script +=
            Array(repeating: j, count: 12) + Array(repeating: k, count: 6) + Array(repeating: down, count: 6)
            + Array(repeating: up, count: 4) + [pgdn, pgup]
        // Card.
        script += [tab] + Array(repeating: j, count: 10) + [pgdn, pgup] + Array(repeating: k, count: 4)
        // Matrix.
        script +=
            [tab] + Array(repeating: right, count: 10) + Array(repeating: down, count: 12)
            + Array(repeating: left, count: 5) + Array(repeating: ("l", "l"), count: 3)
            + Array(repeating: ("h", "h"), count: 3)
            + Array(repeating: up, count: 6) + [pgdn, pgup]
        // Checklist.
        script += [tab] + Array(repeating: j, count: 10) + Array(repeating: k, count: 5) + [pgdn, pgup]
        // Back to the tree, and down it again.
        script += [tab] + Array(repeating: down, count: 8)
        return script
    }

    /// Plays the navigation script after the first frame and counts the bytes each key brings.
    func wire() -> WireResult {
        let child = start()
        let first = child.readBurst(
            quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 10_000, done: Self.isFirstFrame)
        guard Self.isFirstFrame(first.bytes) else { fatal("no first frame for the wire measurement") }
        var model = ModelSession(columns: columns, rows: rows)
        let firstFloor = model.firstFrameFloor.total
        var floors: [Double] = []
        var disagreements: [String] = []

        var perKey: [Double] = []
        var latency: [Double] = []
        var silent = 0
        var silentNames: [String] = []
        var byKind: [String: (bytes: Int, keys: Int)] = [:]
        var order: [String] = []
        for (name, bytes) in Self.navigationScript() {
            let sent = nowNanoseconds()
            child.send(bytes)
            let burst = child.readBurst(quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 300)
            let floor = model.press(ModelSession.key(named: name)).floor.total
            if burst.bytes.isEmpty != (floor == 0) { disagreements.append("\(name) (\(floors.count + silent))") }
            // A key that changes nothing sends nothing; it is left out of the figures (counting its zero would
            // flatter the mean) and reported.
            if burst.bytes.isEmpty {
                silent += 1
                silentNames.append(name)
            } else {
                perKey.append(Double(burst.bytes.count))
                floors.append(Double(floor))
                latency.append(milliseconds(burst.lastByte - sent))
                if byKind[name] == nil { order.append(name) }
                byKind[name, default: (0, 0)].bytes += burst.bytes.count
                byKind[name, default: (0, 0)].keys += 1
            }
        }

        // A full repaint at the same size: away and back (the second resize repaints everything).
        child.resize(columns: columns - 1, rows: rows)
        _ = child.readBurst(quietMilliseconds: max(quietMilliseconds, 60), timeoutMilliseconds: 2000)
        child.resize(columns: columns, rows: rows)
        let repaint = child.readBurst(quietMilliseconds: max(quietMilliseconds, 60), timeoutMilliseconds: 2000)
        // One resize to a bigger screen: everything once, in the new layout.
        child.resize(columns: 132, rows: 43)
        let resized = child.readBurst(quietMilliseconds: max(quietMilliseconds, 60), timeoutMilliseconds: 2000)
        let resizeFloor = model.resize(columns: 132, rows: 43)

        let rss = child.peakRSSKilobytes() ?? 0
        child.send("q")
        child.finish()
        return WireResult(
            keys: perKey.count, bytesPerKey: Summary(perKey), latency: Summary(latency),
            firstFrameBytes: first.bytes.count, repaintBytes: repaint.bytes.count,
            maxRSSKilobytes: rss, silentKeys: silent, silentNames: silentNames,
            perKind: order.map { ($0, Double(byKind[$0]!.bytes) / Double(byKind[$0]!.keys)) },
            floors: floors, firstFrameFloor: firstFloor, modelDisagreements: disagreements,
            resizeBytes: resized.bytes.count, resizeFloor: resizeFloor.total)
    }

    // MARK: A one-line scroll

    struct ScrollResult {
        var what: String
        /// Bytes of each one-line scroll measured (one, or each step of a walk down the list).
        var bytes: [Int]
        /// The floor of the changed cells (no scrolling), per scroll.
        var floor: [Int]
        /// The floor when a scroll region may move the list first (`Grid.byteFloorScrolling`), per scroll.
        var scrollingFloor: [Int]
        var keysBefore: Int
    }

    /// Where a one-line scroll is measured: a pane zoomed to the full width (so a scroll is a scroll of whole
    /// screen lines), the keys that set it up, the key that scrolls, and how many scrolls in a row to measure.
    struct ScrollScene {
        var what: String
        var setup: [(name: String, bytes: String)]
        var step: (name: String, bytes: String)
        /// One: the first key that scrolls. More: that many scrolls in a row, each bringing in another line.
        var walk = 1

        /// The checklist zoomed (`4`, `z`), the first heading expanded (`l`): `j` down its practices and notes
        /// until the list scrolls.
        static let checklist = ScrollScene(
            what: "zoomed checklist, j past the last row", setup: [("4", "4"), ("z", "z"), ("l", "l")],
            step: ("j", "j"))
        /// The matrix zoomed (`3`, `z`): Down the 148 states until the list scrolls.
        static let matrix = ScrollScene(
            what: "zoomed matrix, Down past the last row", setup: [("3", "3"), ("z", "z")],
            step: ("Down", "\u{1B}OB"))
        /// The long list: the zoomed checklist with every heading open (`G`, then `l k` twenty times: about 330
        /// rows of headings, practices and process notes), the selection on the 31st row, then `Ctrl-E` 25
        /// times: each scroll moves the view a line and leaves the selection where it is.
        static let checklistView = ScrollScene(
            what: "zoomed checklist, all open, Ctrl-E ×25 (view moves, selection stays)",
            setup: [("4", "4"), ("z", "z"), ("G", "G")]
                + Array(repeating: [("l", "l"), ("k", "k")], count: 20).flatMap { $0 } + [("g", "g")]
                + Array(repeating: ("j", "j"), count: 30),
            step: ("Ctrl-E", "\u{05}"), walk: 25)
        /// The zoomed matrix with the crosshair 30 states down, scrolled by `Ctrl-E` 25 times.
        static let matrixView = ScrollScene(
            what: "zoomed matrix, Ctrl-E ×25 (view moves, crosshair stays)",
            setup: [("3", "3"), ("z", "z")] + Array(repeating: ("Down", "\u{1B}OB"), count: 30),
            step: ("Ctrl-E", "\u{05}"), walk: 25)
    }

    /// The scene's key pressed until the list scrolls by one line (then `walk - 1` more scrolls): the bytes of
    /// each scroll, and the floors of its changed cells without and with a scroll region.
    func oneLineScroll(_ scene: ScrollScene) -> ScrollResult {
        let child = start()
        let first = child.readBurst(
            quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 10_000, done: Self.isFirstFrame)
        guard Self.isFirstFrame(first.bytes) else { fatal("no first frame for the scroll measurement") }
        var model = ModelSession(columns: columns, rows: rows)
        func press(_ name: String, _ bytes: String) -> (bytes: Int, floor: Int, scrolling: Int, rows: Int) {
            child.send(bytes)
            let burst = child.readBurst(quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 300)
            let step = model.press(ModelSession.key(named: name))
            return (burst.bytes.count, step.floor.total, step.scrolling.total, step.rowsChanged)
        }
        for (name, bytes) in scene.setup { _ = press(name, bytes) }
        var result = ScrollResult(what: scene.what, bytes: [], floor: [], scrollingFloor: [], keysBefore: 0)
        var keys = 0
        while keys < 200 + scene.walk {
            let step = press(scene.step.name, scene.step.bytes)
            keys += 1
            // A move within the page changes the rows of the old and the new selection and the lines about it;
            // a scroll moves every row of the list.
            if step.rows > 6 {
                if result.bytes.isEmpty { result.keysBefore = keys - 1 }
                result.bytes.append(step.bytes)
                result.floor.append(step.floor)
                result.scrollingFloor.append(step.scrolling)
                if result.bytes.count == scene.walk { break }
            } else if !result.bytes.isEmpty {
                fatal("\(scene.what): key \(keys) did not scroll the list")
            }
        }
        child.send("q")
        child.finish()
        guard result.bytes.count == scene.walk else {
            fatal("\(scene.what): \(result.bytes.count) scrolls, not \(scene.walk)")
        }
        return result
    }

    /// Peak RSS of the explorer over a big data file (`--data`), after a few keys.
    func explorerRSS(dataFile: String) -> (kilobytes: Int, startupMilliseconds: Double)? {
        let child = mustStartPty(rcpx, ["--data", dataFile], environment: environment, columns: columns, rows: rows)
        let first = child.readBurst(
            quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 20_000, done: Self.isFirstFrame)
        guard Self.isFirstFrame(first.bytes) else { return nil }
        for keys in ["jjjj", "\t", "llll", "\t", "jjjj", "/", "ghana", "\u{1B}"] {
            child.send(keys)
            _ = child.readBurst(quietMilliseconds: quietMilliseconds, timeoutMilliseconds: 2000)
        }
        let rss = child.peakRSSKilobytes() ?? 0
        child.send("q")
        child.finish()
        return (rss, milliseconds(first.lastByte - child.started))
    }
}
