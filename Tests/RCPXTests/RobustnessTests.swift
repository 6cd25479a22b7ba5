import Foundation
import RCPTestSupport
import Testing

/// What the explorer's own end-to-end tests (`ExplorerTmuxTests`) leave out: checklist files under
/// `rcpx checklist set` killed by every signal (SIGKILL too) at a known point (waiting for the lock) and at a
/// fixed spread of moments, the explorer signalled at known moments (first frame, typing a search, help), a
/// signal while it is stopped (Ctrl-Z), the terminal going away under it, terminals that exist but can do
/// little (vt100, linux), other non-UTF-8 locales (`LC_ALL=C`, `LC_CTYPE=POSIX`, an ISO-8859-1 locale) and a
/// UTF-8 locale that is not installed, standard output to a file and standard input from /dev/null.
///
/// tmux is required: without it the tests fail, saying so.
@Suite(.serialized) struct RobustnessTests {
    typealias E = ExplorerTmuxTests
    static let binary = rcpxBinaryPath

    // MARK: - Checklist files under fire

    static func killedBySignal(_ status: WaitStatus) -> Bool { status.signal != 0 }

    /// Takes an exclusive `flock` on every lock file of `folder` (each checklist's and the folder's), as
    /// another rcpx in the middle of a change would; returns the open descriptors (closing one releases it).
    static func holdLocks(in folder: URL) throws -> [Int32] {
        let locks = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".lock") }
        try #require(!locks.isEmpty, "no lock files in \(folder.path)")
        return locks.map { name in
            let fd = open(folder.appendingPathComponent(name).path, O_RDWR)
            flock(fd, LOCK_EX)
            return fd
        }
    }

    /// Polls /proc/locks until `pid` waits for a lock: a known point in the middle of a change, after the
    /// arguments are read and before anything is written.
    static func waitUntilBlockedOnALock(_ pid: pid_t, timeout: Double = E.patience) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if lockWaiters().contains(where: { $0.pid == pid }) { return true }
            usleep(10_000)
        }
        return false
    }

    /// Every checklist file of the folder reads back: `show` works for each name, `list` names no damaged
    /// file, each JSON parses. (A write killed midway may leave its temporary file: hidden, never read as a
    /// checklist, cleared by a later `list` once stale.)
    static func checkFolderIsWhole(_ home: URL, names: [String], sourceLocation: SourceLocation = #_sourceLocation)
        throws
    {
        let folder = home.appendingPathComponent("checklists")
        for name in names {
            let show = try runRcpx(["checklist", "show", name, "--data-dir", home.path])
            #expect(show.status == 0, "checklist show \(name): \(show.stderr)", sourceLocation: sourceLocation)
        }
        let list = try runRcpx(["checklist", "list", "--data-dir", home.path])
        #expect(
            list.status == 0 && list.stderr.isEmpty, "checklist list: \(list.status) \(list.stderr)",
            sourceLocation: sourceLocation)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let checklists = files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        #expect(checklists.count == names.count, "checklist files: \(files)", sourceLocation: sourceLocation)
        for file in checklists {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect(
                (try? JSONSerialization.jsonObject(with: data)) != nil,
                "\(file) is not JSON:\n\(String(decoding: data, as: UTF8.self).prefix(300))",
                sourceLocation: sourceLocation)
        }
        let visible = files.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }
        #expect(visible.isEmpty, "unexpected files in the checklist folder: \(visible)", sourceLocation: sourceLocation)
    }

    @Test func checklistSetKilledAtManyMomentsLeavesWholeFiles() throws {
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("data")
        let folder = home.appendingPathComponent("checklists")
        try #require(try runRcpx(["checklist", "new", "Workshop", "--data-dir", home.path]).status == 0)
        let statuses = ["in-progress", "in-place", "not-in-place", "not-applicable", "not-assessed"]
        let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGKILL]
        func set(_ round: Int) throws -> pid_t {
            // Notes of different lengths (up to 400 × 9 bytes), so that writes take different times.
            let note = String(repeating: "note \(round) ", count: 1 + (round * 37) % 400)
            return try startChild(
                rcpxBinaryPath,
                [
                    "checklist", "set", "Workshop", "\(1 + (round * 7) % 20)",
                    statuses[round % statuses.count], "--note", note,
                    "--data-dir", home.path,
                ], ownGroup: true)
        }
        // A first change makes the checklist's own lock file (`new` makes only the folder's).
        try #require(
            try runRcpx(["checklist", "set", "Workshop", "1", "in-progress", "--data-dir", home.path]).status == 0)
        // A known point: each signal while rcpx waits for the checklist's lock, which this test holds (as a
        // second rcpx in the middle of a write would). `checklist set` keeps the default actions, so each signal
        // ends it there; the files stay whole and the lock is not left taken.
        for (i, sig) in signals.enumerated() {
            let fds = try Self.holdLocks(in: folder)
            defer { fds.forEach { close($0) } }
            let pid = try set(i)
            let blocked = Self.waitUntilBlockedOnALock(pid)
            kill(pid, sig)
            let status = waitFor(pid: pid)
            #expect(blocked, "rcpx \(pid) never waited for the lock")
            #expect(status.signal == sig, "signal \(sig) at the lock: rcpx ended with \(status)")
            try Self.checkFolderIsWhole(home, names: ["Workshop"])
        }
        // Many more moments, from the spawn to well after the write (a fixed spread of delays, 0 to 24 ms):
        // how many of these kills land while rcpx still runs depends on the machine, and is not asserted.
        for round in 0..<48 {
            let pid = try set(round)
            usleep(UInt32(round % 25) * 1_000)
            kill(pid, signals[round % signals.count])
            waitFor(pid: pid)
        }
        try Self.checkFolderIsWhole(home, names: ["Workshop"])
        // The lock is free again and the next change lands.
        let set = try runRcpx([
            "checklist", "set", "Workshop", "6.2", "in-place", "--note", "after", "--data-dir", home.path,
        ])
        #expect(set.status == 0, "\(set.stderr)")
        let show = try runRcpx(["checklist", "show", "Workshop", "--data-dir", home.path])
        #expect(show.stdout.contains("after"), "\(show.stdout)")
    }

    @Test func twoHammeringLoopsKilledByEverySignal() throws {
        // Two shells each change the same checklist in a loop; both are killed (with their current rcpx) at a
        // moment of the loops, round after round.
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("data")
        try #require(try runRcpx(["checklist", "new", "Hammer", "--data-dir", home.path]).status == 0)
        try #require(try runRcpx(["checklist", "new", "Other", "--data-dir", home.path]).status == 0)
        let rcpx = shellQuote(Self.binary), data = shellQuote(home.path)
        let loop = """
            i=0; while [ $i -lt 200 ]; do \
            \(rcpx) checklist set Hammer $((i % 20 + 1)) in-progress --note "loop $$ $i" --data-dir \(data); \
            \(rcpx) checklist set Other 6.2 in-place --data-dir \(data); \
            \(rcpx) checklist set Hammer $((i % 20 + 1)) in-place --data-dir \(data); i=$((i+1)); done
            """
        for round in 0..<8 {
            let shells = try (0..<2).map { _ in try startChild("/bin/sh", ["-c", loop], ownGroup: true) }
            // A fixed spread of moments, 20 to 370 ms into the loops.
            usleep(UInt32(20_000 + round * 50_000))
            let sig = [SIGINT, SIGTERM, SIGHUP, SIGKILL][round % 4]
            for pid in shells { kill(-pid, sig) }
            for pid in shells { waitFor(pid: pid) }
            try Self.checkFolderIsWhole(home, names: ["Hammer", "Other"])
        }
    }

    // MARK: - The explorer under fire

    /// Known moments of a session at which a signal arrives: the keys that lead there, and what the screen
    /// shows once it is there.
    static let moments: [(name: String, keys: [String], shows: String)] = [
        ("the first frame", [], ExplorerTmuxTests.FirstScreen.process),
        ("a search being typed", ["/", "traff"], "traff"),
        ("the help overlay", ["?"], "type to narrow"),
    ]

    @Test(arguments: [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP)])
    func aSignalAtKnownMomentsGivesTheTerminalBack(_ signalName: String, _ sig: Int32) throws {
        try E.requireTmux()
        for moment in Self.moments {
            let dir = try E.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            // The shell records its pid and becomes the explorer (exec), so the kill needs no polling for it.
            let pidFile = shellQuote(dir.appendingPathComponent("pid").path)
            let command = "echo $$ > \(pidFile); exec \(E.binary)"
            let session = try TmuxSession(
                command: E.wrapped("sh -c " + shellQuote(command), in: dir), width: 100, height: 30)
            let pidText = E.waitForFile(dir.appendingPathComponent("pid"))
            let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
            // Signal only once the screen shows the moment: the explorer has the terminal in its own modes.
            try #require(
                E.showsFirstScreen(try session.waitFor(timeout: E.patience) { E.showsFirstScreen($0) }),
                "\(moment.name): no first screen")
            for keys in moment.keys { try session.send(keys, literal: true) }
            let screen = try session.waitFor(moment.shows, timeout: E.patience)
            try #require(
                screen.contains(moment.shows),
                "\(moment.name): the screen does not show \"\(moment.shows)\":\n\(screen)")
            kill(pid, sig)
            let status = E.waitForFile(dir.appendingPathComponent("status")).trimmingCharacters(
                in: .whitespacesAndNewlines)
            #expect(status == "\(128 + sig)", "SIG\(signalName) at \(moment.name): exit status \(status)")
            let stty = E.waitForFile(dir.appendingPathComponent("stty"))
            #expect(E.isSane(stty), "SIG\(signalName) at \(moment.name): stty -a after:\n\(stty)")
            #expect(
                try session.display("#{alternate_on}") == "0",
                "SIG\(signalName) at \(moment.name): the alternate screen was not left")
        }
    }

    @Test func aSignalWhileStoppedEndsItCleanlyOnFg() throws {
        // `kill %1` on a stopped explorer: the signal waits while it is stopped (it has a handler); `fg`
        // continues it, and it ends at once with 128 + 15, giving the terminal back.
        try E.requireTmux()
        let session = try TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i", width: 100, height: 30)
        _ = try session.waitFor(timeout: E.patience) { $0.contains("$") }
        try session.send(E.binary, "Enter")
        try #require(
            E.showsFirstScreen(
                try session.waitFor(timeout: E.patience) { E.showsFirstScreen($0) && !$0.contains("$ ") }))
        try session.send("C-z")
        try #require(try session.waitFor(timeout: E.patience) { $0.contains("Stopped") }.contains("Stopped"))
        try session.send("kill -TERM %1", "Enter")
        // One line: bash runs the rest only once fg has returned, so no key reaches the explorer.
        try session.send(
            "fg; echo \"after=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo"
                + " | sed 's/^/mode=/'; echo \"done=$((40 + 2))\"", "Enter")
        // (The typed command line shows neither "done=42" nor a line that starts with "mode=".)
        let screen = try session.waitFor(timeout: E.patience) { $0.contains("done=42") }
        #expect(try E.waitForForeground(session, "bash"), "the explorer did not end after kill -TERM and fg")
        #expect(screen.contains("after=143"), "status after kill -TERM and fg:\n\(screen)")
        let modes = screen.split(separator: "\n").filter { $0.hasPrefix("mode=") }.map { $0.dropFirst(5) }
        #expect(modes.sorted() == ["echo", "icanon"], "terminal not sane after SIGTERM while stopped:\n\(screen)")
        // Nothing drawn over the shell's lines: the prompt and the stopped job's line are still there in order.
        let lines = screen.split(separator: "\n").map(String.init)
        let stopped = lines.firstIndex { $0.contains("Stopped") }, after = lines.firstIndex { $0.hasPrefix("after=") }
        #expect(stopped != nil && after != nil && stopped! < after!, "the shell's lines were overwritten:\n\(screen)")
        #expect(try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on}"]).hasPrefix("0"))
    }

    @Test func theTerminalGoingAwayEndsIt() throws {
        try E.requireTmux()
        let session = try TmuxSession(command: "exec \(E.binary)", width: 100, height: 30)
        try #require(E.showsFirstScreen(try session.waitFor(timeout: E.patience) { E.showsFirstScreen($0) }))
        let pid = try session.paneInfo().pid
        try #require(pid > 0)
        // Closing the pane closes the terminal: SIGHUP, then reads that fail. It must end, not spin.
        session.kill()
        let deadline = Date().addingTimeInterval(E.patience)
        var alive = true
        while Date() < deadline {
            // Still ours and not a zombie?
            let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
            alive = !stat.isEmpty && !stat.contains(") Z ")
            if !alive { break }
            usleep(50_000)
        }
        #expect(!alive, "rcpx still runs \(E.patience) s after its terminal went away")
    }

    // MARK: - Terminals and locales

    /// Starts `command` (BINARY stands for rcpx) in a wrapped tmux pane, waits for the first screen, quits with
    /// q; returns the screen, its escapes, the exit status and the terminal modes after.
    static func runExplorer(_ command: String, width: Int = 100, height: Int = 30) throws
        -> (screen: String, escaped: String, status: String, stty: String)
    {
        try E.requireTmux()
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(
            command: E.wrapped(command.replacingOccurrences(of: "BINARY", with: E.binary), in: dir),
            width: width, height: height)
        let screen = try session.waitFor(timeout: E.patience) { E.showsFirstScreen($0) }
        let escaped = try session.capture(escapes: true)
        try session.send("q")
        let status = E.waitForFile(dir.appendingPathComponent("status")).trimmingCharacters(in: .whitespacesAndNewlines)
        let stty = E.waitForFile(dir.appendingPathComponent("stty"))
        return (screen, escaped, status, stty)
    }

    @Test(arguments: ["vt100", "linux", "xterm", "screen", "ansi"])
    func limitedTerminalsDrawAndQuit(_ term: String) throws {
        let r = try Self.runExplorer("env TERM=\(term) BINARY")
        #expect(E.showsFirstScreen(r.screen), "TERM=\(term): no first screen:\n\(r.screen)")
        #expect(r.status == "0", "TERM=\(term): exit \(r.status)")
        #expect(E.isSane(r.stty), "TERM=\(term): stty -a after q:\n\(r.stty)")
        #expect(
            r.screen.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" },
            "TERM=\(term): control characters on screen")
    }

    @Test(arguments: [
        "env -u LANG LC_ALL=C BINARY", "env -u LC_ALL LANG=C.UTF-8 LC_CTYPE=POSIX BINARY",
        "env -u LC_ALL -u LC_CTYPE LANG=en_US.ISO-8859-1 BINARY", "env LC_ALL=C BINARY --theme high-contrast",
    ])
    func nonUTF8LocalesDrawASCIIOnly(_ command: String) throws {
        let r = try Self.runExplorer(command)
        #expect(E.showsFirstScreen(r.screen), "\(command): no first screen:\n\(r.screen)")
        #expect(r.screen.utf8.allSatisfy { $0 < 0x80 }, "\(command): bytes ≥ 0x80 on screen:\n\(r.screen)")
        #expect(r.status == "0" && E.isSane(r.stty), "\(command): exit \(r.status)")
    }

    @Test func anUninstalledUTF8LocaleStillDrawsUnicode() throws {
        let r = try Self.runExplorer("env -u LC_ALL -u LC_CTYPE LANG=xx_YY.UTF-8 BINARY")
        #expect(E.showsFirstScreen(r.screen), "no first screen:\n\(r.screen)")
        #expect(
            r.screen.unicodeScalars.contains { $0.value >= 0x2500 && $0.value < 0x2580 }, "no box drawing:\n\(r.screen)"
        )
        #expect(r.status == "0")
    }

    @Test func stdoutToAFileWritesThePlainList() throws {
        try E.requireTmux()
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.txt")
        let r = try E.runRefused("\(E.binary) > \(shellQuote(out.path))")
        #expect(r.status == "0", "\(r.screen)")
        let text = try String(contentsOf: out, encoding: .utf8)
        #expect(text.contains("Budapest") && !text.contains("\u{1B}"), "the file:\n\(text)")
        #expect(!r.escaped.contains("\u{1B}[?1049h"), "the alternate screen was entered:\n\(r.escaped)")
        #expect(r.screen.contains("not a terminal"), "no word on stderr about why:\n\(r.screen)")
    }

    @Test func stdinFromNullPrintsTheListAndSaysWhy() throws {
        try E.requireTmux()
        let r = try E.runRefused("\(E.binary) < /dev/null")
        #expect(r.status == "0", "\(r.screen)")
        // The end of the list (its start has scrolled off the 24 lines).
        #expect(r.screen.contains("Colombo"), "no process list:\n\(r.screen)")
        #expect(r.screen.contains("stdin"), "no word about standard input:\n\(r.screen)")
        #expect(!r.escaped.contains("\u{1B}[?1049h"), "the alternate screen was entered:\n\(r.escaped)")
    }
}
