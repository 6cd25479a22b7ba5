import Testing
import Foundation

/// What the explorer's own end-to-end tests (`ExplorerTmuxTests`) leave out: checklist files under
/// `rcpx checklist set` killed at random moments by every signal (SIGKILL too), the explorer killed at random
/// moments of its start-up, a signal while it is stopped (Ctrl-Z), the terminal going away under it,
/// terminals that exist but can do little (vt100, linux), other non-UTF-8 locales (`LC_ALL=C`, `LC_CTYPE=POSIX`,
/// an ISO-8859-1 locale) and a UTF-8 locale that is not installed, standard output to a file and standard
/// input from /dev/null.
///
/// tmux is required: without it the tests fail, saying so.
@Suite(.serialized) struct RobustnessTests {
    typealias E = ExplorerTmuxTests
    static let binary = RcpxBinary.path

    // MARK: - Checklist files under fire

    /// Starts `argv` (standard streams to /dev/null, signals unblocked) in a process group of its own, so that
    /// a signal to the group reaches a shell loop and the rcpx it runs at the moment.
    static func spawnGroup(_ argv: [String]) -> pid_t {
        var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
        defer { cargs.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setpgroup(&attr, 0)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP))
        var pid: pid_t = 0
        guard posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ) == 0 else { return -1 }
        return pid
    }

    /// Waits for `pid`; its raw wait status.
    @discardableResult
    static func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return status
    }

    static func killedBySignal(_ status: Int32) -> Bool { (status & 0x7f) != 0 && (status & 0x7f) != 0x7f }

    /// Every checklist file of the folder reads back: `show` works for each name, `list` names no damaged
    /// file, each JSON parses. (A write killed midway may leave its temporary file: hidden, never read as a
    /// checklist, cleared by a later `list` once stale.)
    static func checkFolderIsWhole(_ home: URL, names: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let folder = home.appendingPathComponent("checklists")
        for name in names {
            let show = try runRcpx(["checklist", "show", name, "--data-dir", home.path])
            #expect(show.status == 0, "checklist show \(name): \(show.stderr)", sourceLocation: sourceLocation)
        }
        let list = try runRcpx(["checklist", "list", "--data-dir", home.path])
        #expect(list.status == 0 && list.stderr.isEmpty, "checklist list: \(list.status) \(list.stderr)", sourceLocation: sourceLocation)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        let checklists = files.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
        #expect(checklists.count == names.count, "checklist files: \(files)", sourceLocation: sourceLocation)
        for file in checklists {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil,
                    "\(file) is not JSON:\n\(String(decoding: data, as: UTF8.self).prefix(300))", sourceLocation: sourceLocation)
        }
        let visible = files.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".json") }
        #expect(visible.isEmpty, "unexpected files in the checklist folder: \(visible)", sourceLocation: sourceLocation)
    }

    @Test func checklistSetKilledAtRandomMomentsLeavesWholeFiles() throws {
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("data")
        try #require(try runRcpx(["checklist", "new", "Workshop", "--data-dir", home.path]).status == 0)
        let statuses = ["in-progress", "in-place", "not-in-place", "not-applicable", "not-assessed"]
        let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGKILL]
        var rng = SystemRandomNumberGenerator()
        var killed = 0, finished = 0
        // `checklist set` takes some milliseconds: kills land before, during and after the write.
        for round in 0..<60 {
            let note = String(repeating: "note \(round) ", count: Int.random(in: 1...400, using: &rng))
            let item = "\(Int.random(in: 1...20, using: &rng))"
            let pid = Self.spawnGroup([Self.binary, "checklist", "set", "Workshop", item, statuses[round % statuses.count],
                                       "--note", note, "--data-dir", home.path])
            try #require(pid > 0)
            usleep(UInt32.random(in: 0...25_000, using: &rng))
            kill(pid, signals[round % signals.count])
            let status = Self.reap(pid)
            if Self.killedBySignal(status) { killed += 1 } else { finished += 1 }
        }
        #expect(killed > 10, "no kill landed while rcpx ran (\(killed) killed, \(finished) finished)")
        try Self.checkFolderIsWhole(home, names: ["Workshop"])
        // The lock is free again and the next change lands.
        let set = try runRcpx(["checklist", "set", "Workshop", "6.2", "in-place", "--note", "after", "--data-dir", home.path])
        #expect(set.status == 0, "\(set.stderr)")
        let show = try runRcpx(["checklist", "show", "Workshop", "--data-dir", home.path])
        #expect(show.stdout.contains("after"), "\(show.stdout)")
    }

    @Test func twoHammeringLoopsKilledByEverySignal() throws {
        // Two shells each change the same checklist in a loop; both are killed (with their current rcpx) at a
        // random moment, round after round.
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("data")
        try #require(try runRcpx(["checklist", "new", "Hammer", "--data-dir", home.path]).status == 0)
        try #require(try runRcpx(["checklist", "new", "Other", "--data-dir", home.path]).status == 0)
        let rcpx = E.shellQuote(Self.binary), data = E.shellQuote(home.path)
        let loop = """
            i=0; while [ $i -lt 200 ]; do \
            \(rcpx) checklist set Hammer $((i % 20 + 1)) in-progress --note "loop $$ $i" --data-dir \(data); \
            \(rcpx) checklist set Other 6.2 in-place --data-dir \(data); \
            \(rcpx) checklist set Hammer $((i % 20 + 1)) in-place --data-dir \(data); i=$((i+1)); done
            """
        var rng = SystemRandomNumberGenerator()
        for round in 0..<8 {
            let shells = (0..<2).map { _ in Self.spawnGroup(["/bin/sh", "-c", loop]) }
            usleep(UInt32.random(in: 20_000...400_000, using: &rng))
            let sig = [SIGINT, SIGTERM, SIGHUP, SIGKILL][round % 4]
            for pid in shells where pid > 0 { kill(-pid, sig) }
            for pid in shells where pid > 0 { Self.reap(pid) }
            try Self.checkFolderIsWhole(home, names: ["Hammer", "Other"])
        }
    }

    // MARK: - The explorer under fire

    @Test func killedAtRandomMomentsOfItsStartTheTerminalStaysSane() throws {
        try E.requireTmux()
        var rng = SystemRandomNumberGenerator()
        let signals: [(String, Int32)] = [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP)]
        for round in 0..<9 {
            let dir = try E.scratchDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            let (name, sig) = signals[round % 3]
            // The shell records the explorer's pid, so the kill needs no polling for it.
            let pidFile = E.shellQuote(dir.appendingPathComponent("pid").path)
            let command = "\(E.binary) & echo $! > \(pidFile); wait $!"
            let session = try TmuxSession(command: E.wrapped("sh -c " + E.shellQuote(command), in: dir), width: 100, height: 30)
            let pidText = E.waitForFile(dir.appendingPathComponent("pid"))
            let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
            usleep(UInt32.random(in: 0...120_000, using: &rng))
            kill(pid, sig)
            let status = E.waitForFile(dir.appendingPathComponent("status"))
            #expect(!status.isEmpty, "round \(round): the explorer did not end on SIG\(name)")
            let stty = E.waitForFile(dir.appendingPathComponent("stty"))
            #expect(E.isSane(stty), "round \(round): stty -a after SIG\(name):\n\(stty)")
            #expect(try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on}"]).hasPrefix("0"),
                    "round \(round): the alternate screen was not left after SIG\(name)")
        }
    }

    @Test func aSignalWhileStoppedEndsItCleanlyOnFg() throws {
        // `kill %1` on a stopped explorer: the signal waits while it is stopped (it has a handler); `fg`
        // continues it, and it ends at once with 128 + 15, giving the terminal back.
        try E.requireTmux()
        let session = try TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i", width: 100, height: 30)
        _ = try session.waitFor(timeout: E.patience) { $0.contains("$") }
        try session.send(E.binary, "Enter")
        try #require(E.showsFirstScreen(try session.waitFor(timeout: E.patience) { E.showsFirstScreen($0) && !$0.contains("$ ") }))
        try session.send("C-z")
        try #require(try session.waitFor(timeout: E.patience) { $0.contains("Stopped") }.contains("Stopped"))
        try session.send("kill -TERM %1", "Enter")
        // One line: bash runs the rest only once fg has returned, so no key reaches the explorer.
        try session.send("fg; echo \"after=$?\"; stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo"
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
        -> (screen: String, escaped: String, status: String, stty: String) {
        try E.requireTmux()
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: E.wrapped(command.replacingOccurrences(of: "BINARY", with: E.binary), in: dir),
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
        #expect(r.screen.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" }, "TERM=\(term): control characters on screen")
    }

    @Test(arguments: ["env -u LANG LC_ALL=C BINARY", "env -u LC_ALL LANG=C.UTF-8 LC_CTYPE=POSIX BINARY",
                      "env -u LC_ALL -u LC_CTYPE LANG=en_US.ISO-8859-1 BINARY", "env LC_ALL=C BINARY --theme high-contrast"])
    func nonUTF8LocalesDrawASCIIOnly(_ command: String) throws {
        let r = try Self.runExplorer(command)
        #expect(E.showsFirstScreen(r.screen), "\(command): no first screen:\n\(r.screen)")
        #expect(r.screen.utf8.allSatisfy { $0 < 0x80 }, "\(command): bytes ≥ 0x80 on screen:\n\(r.screen)")
        #expect(r.status == "0" && E.isSane(r.stty), "\(command): exit \(r.status)")
    }

    @Test func anUninstalledUTF8LocaleStillDrawsUnicode() throws {
        let r = try Self.runExplorer("env -u LC_ALL -u LC_CTYPE LANG=xx_YY.UTF-8 BINARY")
        #expect(E.showsFirstScreen(r.screen), "no first screen:\n\(r.screen)")
        #expect(r.screen.unicodeScalars.contains { $0.value >= 0x2500 && $0.value < 0x2580 }, "no box drawing:\n\(r.screen)")
        #expect(r.status == "0")
    }

    @Test func stdoutToAFileWritesThePlainList() throws {
        try E.requireTmux()
        let dir = try E.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.txt")
        let r = try E.runRefused("\(E.binary) > \(E.shellQuote(out.path))")
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
