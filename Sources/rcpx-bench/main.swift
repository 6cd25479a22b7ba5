import RCPCore
import RCPTestSupport
import RCPUI
import RCPUITestSupport

// rcpx-bench: measures start-up, lookups, key-to-frame time, bytes on the wire and memory of rcpx, and
// fuzzes the UI model on demand. `swift run -c release rcpx-bench --help` lists the options.
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Main

let options = Options(Array(CommandLine.arguments.dropFirst()))
let root = packageRoot()
guard let dataFile = options.dataFile ?? root.map({ $0 + "/Resources/rcp-data.json" }) else {
    fatal("cannot find Resources/rcp-data.json (run from the package, or pass --data-file)")
}
let dataBytes = readBytes(dataFile)

if let path = options.writeBig {
    let big = bigData(from: dataBytes, processCopies: options.scale, partyCopies: max(1, options.scale * 7 / 10))
    writeBytes(big.bytes, to: path)
    print(
        "wrote \(path): \(big.catalog.processes.count) processes, \(big.catalog.parties.count) parties, \(big.bytes.count) bytes"
    )
    exit(0)
}

if let count = options.replaySession { InstructionCount.replay(count: count, dataFile: options.dataFile) }

if options.fuzz != nil || options.fuzzRun != nil {
    let small = bigData(from: dataBytes, processCopies: 10, partyCopies: 10).catalog
    let fuzzer = Fuzzer(catalogs: Fuzzer.catalogs(bigger: small))
    if let runSeed = options.fuzzRun { exit(fuzzer.replay(runSeed: runSeed)) }
    let seed = options.seed ?? UInt64(nowNanoseconds() % 1_000_000_007)
    note("fuzz: seed \(seed)")
    exit(fuzzer.fuzz(events: options.fuzz!, seed: seed))
}

let rcpx = options.rcpx ?? executableDirectory() + "/rcpx"
if !options.only.isSubset(of: ["keys"]) && !fileExists(rcpx) {
    // `swift run -c release rcpx-bench` builds the bench alone: build rcpx beside it, with the same scratch path.
    if options.rcpx == nil, let root {
        let binDirectory = parentDirectory(rcpx)  // …/<scratch>/<triple>/release
        let scratchPath = parentDirectory(parentDirectory(binDirectory))  // …/<scratch>
        let configuration = binDirectory.hasSuffix("/debug") ? "debug" : "release"
        // As the README builds a binary to copy elsewhere: the Swift runtime linked in.
        note(
            "rcpx-bench: no rcpx beside the bench; building it (swift build -c \(configuration) --static-swift-stdlib --product rcpx) …"
        )
        let script =
            "cd '\(root)' && swift build -c \(configuration) --static-swift-stdlib --product rcpx --scratch-path '\(scratchPath)' >&2"
        let built = mustRun("/bin/sh", ["-c", script], environment: childEnvironment(set: [:]), showErrors: true)
        if !(built.exitedNormally && built.exitCode == 0) || !fileExists(rcpx) {
            fatal("could not build rcpx (\(built.statusDescription)); run swift build -c release, or pass --rcpx PATH")
        }
    } else {
        fatal("no rcpx at \(rcpx): build it first (swift build -c release --product rcpx), or pass --rcpx PATH")
    }
}

var figures = Figures()
var table: [TableRow] = []
let scratch = makeTemporaryDirectory()

figures.set("machine_cores", Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
figures.set("rcpx", rcpx)
let linkage = swiftRuntimeLinkage(rcpx)
figures.set("rcpx_swift_runtime", linkage)
/// Said beside the figures that depend on how the binary links the Swift runtime.
let runtimeNote = linkage == "static" ? "runtime linked in" : linkage == "shared" ? "shared runtime" : ""
figures.set("data_file", dataFile)
figures.set("runs", options.runs)

let terminal = TerminalBench(rcpx: rcpx, dataHome: scratch, quietMilliseconds: options.quietMilliseconds)
var rssExplorer = 0, rssLookup = 0

// Start-up.
if options.only.contains("startup") {
    note("start-up: \(options.runs) runs of rcpx on a 120×40 pseudo-terminal …")
    let s = terminal.startup(runs: options.runs)
    figures.set("startup_ms_median", s.milliseconds.median)
    figures.set("startup_ms_p99", s.milliseconds.p99)
    figures.set("startup_ms_max", s.milliseconds.max)
    figures.set("first_frame_bytes", s.firstFrameBytes)
    rssExplorer = max(rssExplorer, s.maxRSSKilobytes)
    table.append(
        TableRow(
            measure: "start-up to first frame (ms)", median: fixed(s.milliseconds.median, 2),
            p99: fixed(s.milliseconds.p99, 2), extra: "\(options.runs) runs, 120×40 pty, \(runtimeNote)",
            target: "≤ 15 ms median", met: s.milliseconds.median <= 15))
}

// Lookups.
if options.only.contains("lookups") {
    guard let jq = options.jq ?? which("jq") else {
        fatal(
            "jq is not installed: apt-get install -y jq (or scripts/bench.sh, which installs it), or pass --only without lookups"
        )
    }
    note("lookups: \(options.runs) runs each of rcpx and jq …")
    let env = childEnvironment(set: ["LANG": "C.UTF-8", "RCPX_DATA_HOME": scratch], unset: ["NO_COLOR"])
    let results = LookupBench(rcpx: rcpx, jq: jq, dataFile: dataFile, environment: env, scratch: scratch).run(
        runs: options.runs)
    var worst = 0.0, worstData = 0.0
    for r in results {
        figures.set("lookup_\(r.name)_ms_median", r.rcpx.median)
        figures.set("lookup_\(r.name)_ms_p99", r.rcpx.p99)
        figures.set("lookup_\(r.name)_data_file_ms_median", r.rcpxDataFile.median)
        figures.set("lookup_\(r.name)_jq_ms_median", r.jq.median)
        figures.set("lookup_\(r.name)_jq_ms_p99", r.jq.p99)
        figures.set("lookup_\(r.name)_ratio_vs_jq", r.ratio)
        figures.set("lookup_\(r.name)_data_file_ratio_vs_jq", r.ratioDataFile)
        if let k = r.jqMaxRSSKilobytes { figures.set("jq_peak_rss_mb", Double(k) / 1024, digits: 1) }
        worst = max(worst, r.ratio)
        worstData = max(worstData, r.ratioDataFile)
        if let k = r.maxRSSKilobytes {
            rssLookup = max(rssLookup, k)
        } else {
            note(
                "warning: no GNU time (/usr/bin/time; apt-get install -y time): the lookup's peak RSS is wait4's "
                    + "ru_maxrss, an upper bound that includes the bench's own pages")
            rssLookup = max(rssLookup, r.spawnMaxRSSKilobytes)
        }
        let cmd = r.name == "state" ? "rcpx state turkey --format json" : "rcpx show bali"
        table.append(
            TableRow(
                measure: "\(cmd) (ms)", median: fixed(r.rcpx.median, 2), p99: fixed(r.rcpx.p99, 2),
                extra: "with --data FILE: \(fixed(r.rcpxDataFile.median, 2))", target: "", met: nil))
        table.append(
            TableRow(
                measure: "  jq, same question (ms)", median: fixed(r.jq.median, 2), p99: fixed(r.jq.p99, 2),
                extra: "", target: "", met: nil))
        table.append(
            TableRow(
                measure: "  ratio rcpx / jq", median: fixed(r.ratio, 2), p99: "",
                extra: "with --data FILE: \(fixed(r.ratioDataFile, 2))", target: "≤ 1.0", met: r.ratio <= 1.0))
    }
    figures.set("lookup_ratio_vs_jq", worst)
    figures.set("lookup_ratio_vs_jq_data_file", worstData)
    figures.set("peak_rss_mb_lookup", Double(rssLookup) / 1024, digits: 1)
}

// Key to frame.
if options.only.contains("keys") {
    let events = ScriptedSession.events(count: options.events, words: ScriptedSession.words, only: options.segments)
    note("key to frame: \(events.count) events on the bundled data …")
    var measured: [(label: String, title: String, result: KeyToFrame.Result, target: Double?)] = []
    measured.append(("bundled", "bundled data", KeyToFrame.measure(catalog: .bundled, events: events), 1.0))
    var big: (bytes: [UInt8], catalog: Catalog, loadMilliseconds: Double)?
    if options.scale > 0 {
        note("key to frame: generating the \(options.scale)× data set …")
        let b = bigData(from: dataBytes, processCopies: options.scale, partyCopies: max(1, options.scale * 7 / 10))
        big = b
        note(
            "key to frame: \(events.count) events on \(b.catalog.processes.count) processes, \(b.catalog.parties.count) parties …"
        )
        measured.append(
            (
                "\(options.scale)x", "\(options.scale)× data", KeyToFrame.measure(catalog: b.catalog, events: events),
                options.scale == 100 ? 8.0 : nil
            ))
        figures.set("data_\(options.scale)x_processes", b.catalog.processes.count)
        figures.set("data_\(options.scale)x_parties", b.catalog.parties.count)
        figures.set("data_\(options.scale)x_bytes", b.bytes.count)
        figures.set("data_\(options.scale)x_load_ms", b.loadMilliseconds)
    }
    figures.set("key_events", events.count)
    for (label, title, r, target) in measured {
        figures.set("key_median_ms_\(label)", r.perEvent.median, digits: 4)
        figures.set("key_p99_ms_\(label)", r.perEvent.p99, digits: 4)
        figures.set("key_max_ms_\(label)", r.perEvent.max, digits: 4)
        figures.set("key_update_p99_ms_\(label)", r.update.p99, digits: 4)
        figures.set("key_render_p99_ms_\(label)", r.render.p99, digits: 4)
        table.append(
            TableRow(
                measure: "key to frame, \(title) (ms)",
                median: fixed(r.perEvent.median, 3), p99: fixed(r.perEvent.p99, 3),
                extra:
                    "max \(fixed(r.perEvent.max, 2)); update p99 \(fixed(r.update.p99, 3)), render p99 \(fixed(r.render.p99, 3))",
                target: target.map { "p99 ≤ \(Int($0)) ms" } ?? "", met: target.map { r.perEvent.p99 <= $0 }))
        note(
            "  slowest (\(label)): "
                + r.slowest.map { "\($0.event) \(fixed($0.milliseconds, 2)) ms" }.joined(separator: "; "))
        let over = r.overOneMillisecond.prefix(8).map {
            "\($0.what) \($0.count)× (\(fixed($0.share * 100, 2)) %, median \(fixed($0.median, 2)) ms)"
        }
        note("  events over 1 ms (\(label)): " + (over.isEmpty ? "none" : over.joined(separator: "; ")))
    }

    if let big, options.only.contains("memory") {
        let path = scratch + "/big.json"
        writeBytes(big.bytes, to: path)
        note("memory: the explorer on the \(options.scale)× data set …")
        if let r = terminal.explorerRSS(dataFile: path) {
            figures.set("peak_rss_mb_explorer_\(options.scale)x", Double(r.kilobytes) / 1024, digits: 1)
            figures.set("startup_ms_\(options.scale)x", r.startupMilliseconds)
            table.append(
                TableRow(
                    measure: "explorer on the \(options.scale)× data (ms, MB)", median: fixed(r.startupMilliseconds, 1),
                    p99: "", extra: "start-up (1 run); peak RSS \(fixed(Double(r.kilobytes) / 1024, 1)) MB",
                    target: "", met: nil))
        } else {
            note("warning: the explorer did not show a first frame on the \(options.scale)× data set within 20 s")
        }
    }
}

// Instructions per key.
if options.only.contains("instructions") {
    let bench = executableDirectory() + "/rcpx-bench"
    let n = options.instructionEvents
    note("instructions: \(n) events of the session under callgrind, bundled data …")
    var sets: [(label: String, title: String, file: String?)] = [("bundled", "bundled data", nil)]
    if options.scale > 0 {
        let path = scratch + "/big-instructions.json"
        if !fileExists(path) {
            let b = bigData(from: dataBytes, processCopies: options.scale, partyCopies: max(1, options.scale * 7 / 10))
            writeBytes(b.bytes, to: path)
        }
        sets.append(("\(options.scale)x", "\(options.scale)× data", path))
    }
    for set in sets {
        if set.file != nil { note("instructions: the same under callgrind, \(set.title) …") }
        guard let perKey = InstructionCount.perKey(bench: bench, events: n, dataFile: set.file, scratch: scratch) else {
            break
        }
        figures.set("instructions_per_key_\(set.label)", perKey, digits: 0)
        table.append(
            TableRow(
                measure: "instructions per key, \(set.title)", median: String(Int(perKey.rounded())), p99: "",
                extra: "callgrind, \(n) events of the session (same for any machine load)", target: "", met: nil))
    }
}

// Bytes on the wire.
if options.only.contains("wire") {
    note("bytes on the wire: navigation keys on a 120×40 pseudo-terminal …")
    let w = terminal.wire()
    let repaint = min(w.firstFrameBytes, w.repaintBytes > 0 ? w.repaintBytes : w.firstFrameBytes)
    let ratio = w.bytesPerKey.mean / Double(repaint)
    figures.set("wire_keys", w.keys)
    figures.set("bytes_per_key_mean", w.bytesPerKey.mean, digits: 1)
    figures.set("bytes_per_key_median", w.bytesPerKey.median, digits: 1)
    figures.set("bytes_per_key_p99", w.bytesPerKey.p99, digits: 1)
    figures.set("bytes_per_key_max", w.bytesPerKey.max, digits: 0)
    figures.set("bytes_first_frame", w.firstFrameBytes)
    figures.set("bytes_full_repaint", w.repaintBytes)
    figures.set("bytes_per_key_ratio", ratio, digits: 4)
    figures.set("key_latency_pty_ms_median", w.latency.median)
    figures.set("key_latency_pty_ms_p99", w.latency.p99)
    figures.set("wire_silent_keys", w.silentKeys)
    if !w.silentNames.isEmpty {
        note(
            "  keys that changed nothing on the screen (left out of the figures): "
                + w.silentNames.joined(separator: " "))
    }
    for (name, mean) in w.perKind { figures.set("bytes_per_key_\(name.lowercased())", mean, digits: 1) }
    rssExplorer = max(rssExplorer, w.maxRSSKilobytes)
    table.append(
        TableRow(
            measure: "bytes per navigation key", median: fixed(w.bytesPerKey.median, 0),
            p99: fixed(w.bytesPerKey.p99, 0),
            extra: "mean \(fixed(w.bytesPerKey.mean, 1)) of a \(repaint)-byte repaint = \(fixed(ratio * 100, 2)) %",
            // The first bench's 5 % of a repaint counted the new card a move must draw as waste; since #18 the
            // target is the byte floor of the changed cells (next row).
            target: "", met: nil))
    // Bytes sent against the least the changed cells need (the same session in process; `ByteFloor`).
    let floorMean = w.floors.reduce(0, +) / Double(max(1, w.floors.count))
    let vsFloor = w.bytesPerKey.mean / max(1, floorMean)
    figures.set("bytes_per_key_floor_mean", floorMean, digits: 1)
    figures.set("bytes_per_key_vs_floor", vsFloor, digits: 3)
    figures.set("bytes_first_frame_floor", w.firstFrameFloor)
    figures.set("wire_model_disagreements", w.modelDisagreements.count)
    if !w.modelDisagreements.isEmpty {
        note(
            "  warning: keys where the pty and the in-process session disagree on a change: "
                + w.modelDisagreements.joined(separator: " "))
    }
    table.append(
        TableRow(
            measure: "bytes per key / byte floor", median: fixed(vsFloor, 2), p99: "",
            extra:
                "mean \(fixed(w.bytesPerKey.mean, 1)) sent, floor mean \(fixed(floorMean, 1)) (\(w.floors.count) keys)",
            target: "≤ 1.3 × floor (mean)", met: vsFloor <= 1.3))
    figures.set("bytes_per_resize", w.resizeBytes)
    figures.set("bytes_per_resize_floor", w.resizeFloor)
    table.append(
        TableRow(
            measure: "bytes per resize, 120×40 → 132×43", median: "\(w.resizeBytes)", p99: "",
            extra: "floor \(w.resizeFloor) (clear and every cell that is not blank)", target: "", met: nil))
    note("bytes on the wire: one-line scrolls of the zoomed checklist and the zoomed matrix …")
    // Ctrl-E (and the wheel) scroll the view a line and leave the selection: the one-line scroll of #18, walked
    // 25 lines down a long list. A selection moved past the last row scrolls too, but it also moves the
    // selection bar, whose old and new rows are written whole. Each is reported against its floor with a
    // scroll region (`Grid.byteFloorScrolling`).
    let scenes: [(TerminalBench.ScrollScene, String, viewScroll: Bool)] = [
        (.checklistView, "_view", true), (.matrixView, "_matrix_view", true),
        (.checklist, "", false), (.matrix, "_matrix", false),
    ]
    for (scene, suffix, viewScroll) in scenes {
        let scroll = terminal.oneLineScroll(scene)
        let bytes = Summary(scroll.bytes.map(Double.init))
        let floor = Summary(scroll.floor.map(Double.init))
        let scrolling = Summary(scroll.scrollingFloor.map(Double.init))
        let vsFloor = bytes.mean / max(1, scrolling.mean)
        // One scroll: its figures as they were; a walk: medians, and the worst.
        figures.set("bytes_one_line_scroll\(suffix)", bytes.median, digits: 1)
        figures.set("bytes_one_line_scroll\(suffix)_floor", floor.median, digits: 1)
        figures.set("bytes_one_line_scroll\(suffix)_floor_scrolling", scrolling.median, digits: 1)
        if scroll.bytes.count > 1 {
            figures.set("bytes_one_line_scroll\(suffix)_max", bytes.max, digits: 0)
            figures.set("bytes_one_line_scroll\(suffix)_vs_floor", vsFloor, digits: 3)
        }
        let walked = scroll.bytes.count > 1 ? "median of \(scroll.bytes.count), max \(Int(bytes.max)); " : ""
        table.append(
            TableRow(
                measure: viewScroll ? "bytes of a one-line scroll" : "bytes of a selection move that scrolls",
                median: fixed(bytes.median, 0), p99: "",
                extra:
                    "\(scroll.what) (after \(scroll.keysBefore)); \(walked)floor \(fixed(scrolling.median, 0)) with a scroll region (sent \(fixed(vsFloor, 2)) × floor), \(fixed(floor.median, 0)) without",
                target: viewScroll && suffix == "_view" ? "< 200 bytes" : "",
                met: viewScroll && suffix == "_view" ? bytes.median < 200 : nil))
    }
    table.append(
        TableRow(
            measure: "key to last byte on the pty (ms)", median: fixed(w.latency.median, 2),
            p99: fixed(w.latency.p99, 2), extra: "\(w.keys) keys that changed the screen, whole round trip", target: "",
            met: nil))
}

// The world map (in process).
if options.only.contains("map") {
    note("map: \(options.runs) runs of the world map at 200×60 …")
    let m = mapBench(runs: options.runs)
    figures.set("map_first_frame_ms_median", m.first.median)
    figures.set("map_cached_frame_ms_median", m.cached.median)
    figures.set("map_new_view_ms_median", m.newView.median)
    figures.set("map_new_style_ms_median", m.newStyle.median)
    table.append(
        TableRow(
            measure: "map, first frame 200×60 (ms)", median: fixed(m.first.median, 2),
            p99: fixed(m.first.p99, 2), extra: "decode, project, raster", target: "≤ 20 ms",
            met: m.first.median <= 20))
    table.append(
        TableRow(
            measure: "map, a frame after the first (ms)", median: fixed(m.cached.median, 3),
            p99: fixed(m.cached.p99, 3), extra: "same size and view: cached", target: "≤ 2 ms",
            met: m.cached.median <= 2))
    table.append(
        TableRow(
            measure: "map, after a pan or zoom (ms)", median: fixed(m.newView.median, 2),
            p99: fixed(m.newView.p99, 2),
            extra: "new raster; new selection: \(fixed(m.newStyle.median, 2)) median", target: "≤ 2 ms",
            met: m.newView.median <= 2 && m.newStyle.median <= 2))
}

// Memory.
if options.only.contains("memory") {
    if rssExplorer == 0 {
        let child = terminal.start()
        _ = child.readBurst(
            quietMilliseconds: options.quietMilliseconds, timeoutMilliseconds: 10_000, done: TerminalBench.isFirstFrame)
        rssExplorer = child.peakRSSKilobytes() ?? 0
        child.send("q")
        child.finish()
    }
    if rssLookup == 0 {
        let env = childEnvironment(set: ["LANG": "C.UTF-8", "RCPX_DATA_HOME": scratch], unset: ["NO_COLOR"])
        rssLookup =
            peakRSSWithTime(rcpx, ["show", "bali"], environment: env, scratch: scratch)
            ?? mustRun(rcpx, ["show", "bali"], environment: env).maxRSSKilobytes
    }
    let peak = Double(max(rssExplorer, rssLookup)) / 1024
    figures.set("peak_rss_mb_explorer", Double(rssExplorer) / 1024, digits: 1)
    figures.set("peak_rss_mb_lookup", Double(rssLookup) / 1024, digits: 1)
    figures.set("peak_rss_mb", peak, digits: 1)
    table.append(
        TableRow(
            measure: "peak RSS, explorer / lookup (MB)", median: fixed(Double(rssExplorer) / 1024, 1),
            p99: fixed(Double(rssLookup) / 1024, 1), extra: "VmHWM in the pty / GNU time %M, \(runtimeNote)",
            target: "≤ 20 MB", met: peak <= 20))
}

let missed = table.filter { $0.met == false }.count
let judged = table.filter { $0.met != nil }.count
figures.set("targets_met", judged - missed)
figures.set("targets_judged", judged)

print("")
printTable(table)
removeScratchDirectory(scratch)
print("")
print(figures.json())
