import RCPCore
import RCPTestSupport
import RCPUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Instructions per key: the scripted session replayed under `valgrind --tool=callgrind`, counting only the
/// replay (`--toggle-collect` on `callgrindReplayedSession`), divided by its events. Instructions, unlike
/// milliseconds, do not depend on what else the machine is doing: the same binary and session give the same
/// count.
enum InstructionCount {
    /// Counts the replay of `events` events of the session on the bundled data (`dataFile` nil) or on a data
    /// file; nil (with a note) without valgrind.
    static func perKey(bench: String, events: Int, dataFile: String?, scratch: String) -> Double? {
        guard let valgrind = which("valgrind") else {
            note("instructions: no valgrind (apt-get install -y valgrind); left out")
            return nil
        }
        let out = scratch + "/callgrind.out"
        unlink(out)
        var arguments = [
            "--tool=callgrind", "--callgrind-out-file=" + out, "--toggle-collect=*callgrindReplayedSession*", bench,
            "--replay-session", String(events),
        ]
        if let dataFile { arguments += ["--data-file", dataFile] }
        let r = mustRun(valgrind, arguments, environment: childEnvironment(set: [:]))
        guard r.exitedNormally && r.exitCode == 0, let total = totalInstructions(out) else {
            note("instructions: callgrind did not finish (\(r.statusDescription)); left out")
            return nil
        }
        return Double(total) / Double(events)
    }

    /// The "totals:" (or "summary:") figure of a callgrind output file: instructions counted.
    static func totalInstructions(_ path: String) -> Int? {
        let text = String(decoding: readBytes(path), as: UTF8.self)
        for line in text.split(separator: "\n") where line.hasPrefix("totals:") || line.hasPrefix("summary:") {
            if let n = Int(line.split(separator: " ").last ?? "") { return n }
        }
        return nil
    }

    /// The child's side (`--replay-session N`): loads the catalog, warms up as the timed run does, then replays
    /// the first `count` events of the session in `callgrindReplayedSession`.
    static func replay(count: Int, dataFile: String?) -> Never {
        let catalog: Catalog
        if let dataFile {
            do { catalog = Catalog(try DataLoader.load(bytes: readBytes(dataFile), file: dataFile)) } catch {
                fatal("cannot load \(dataFile): \(error)")
            }
        } else {
            catalog = .bundled
        }
        let events = ScriptedSession.events(count: count, words: ScriptedSession.words)
        var state = AppState(catalog: catalog, options: UIOptions())
        _ = KeyToFrame.play(&state, events.prefix(100))
        state = AppState(catalog: catalog, options: UIOptions())
        let checksum = callgrindReplayedSession(&state, events)
        if checksum == 42 { note("") }
        exit(0)
    }
}

/// The counted part of `InstructionCount.replay`: update and render for every event.
@inline(never)
func callgrindReplayedSession(_ state: inout AppState, _ events: [InputEvent]) -> Int {
    KeyToFrame.play(&state, events[...])
}
