import Foundation
import RCPTestSupport
import Testing

/// End-to-end tests of the explorer: the real binary in tmux (send-keys, capture-pane), its terminal
/// handling, signals, suspend, and the terminals it must refuse.
///
/// Every test polls (`waitFor`, `waitForFile`) instead of sleeping a fixed time, and kills only the tmux
/// session it created. Without tmux the tests fail with a message saying so (`.ci/run` installs it).
@Suite(.serialized) struct ExplorerTmuxTests {
    /// What the first screen of the explorer shows.
    enum FirstScreen {
        /// A region name in the tree.
        static let region = "Europe"
        /// A process name in the tree.
        static let process = "Budapest"
    }

    // MARK: - Helpers

    /// How long to wait for something expected (only a failing test waits this long; CI runs the suites in
    /// parallel on two cores).
    static let patience = 15.0

    static func requireTmux() throws {
        try #require(
            TmuxSession.isAvailable,
            "tmux is not installed or does not run: the explorer's end-to-end tests need it (apt-get install tmux; .ci/run installs it)"
        )
        try #require(TmuxSession.ensureServer() == 0, "could not start a tmux server")
    }

    static var binary: String { shellQuote(rcpxBinaryPath) }

    /// A fresh directory for files a test's shell writes.
    static func scratchDirectory() throws -> URL { URL(fileURLWithPath: try makeScratchDirectory("rcpx-tmux")) }

    /// Polls until the file exists and is not empty; returns its contents (empty on timeout).
    @discardableResult
    static func waitForFile(_ url: URL, timeout: Double = patience) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = try? String(contentsOf: url, encoding: .utf8), !s.isEmpty { return s }
            usleep(50_000)
        }
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Whether `stty -a` output shows a terminal in its normal (cooked) state.
    static func isSane(_ stty: String) -> Bool {
        let words = Set(stty.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
        return words.contains("icanon") && words.contains("echo") && words.contains("isig")
            && !words.contains("-icanon") && !words.contains("-echo")
    }

    /// The pid of the single child of `parent` (the explorer under the pane's shell).
    static func childPid(of parent: Int32, timeout: Double = patience) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            for entry in entries {
                guard let pid = Int32(entry),
                    let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    let close = stat.lastIndex(of: ")")
                else { continue }
                // pid (comm) state ppid …
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                if fields.count > 1, Int32(fields[1]) == parent { return pid }
            }
            usleep(50_000)
        }
        return nil
    }

    /// Waits until the pane's program has exited (the pane stays: remain-on-exit).
    static func waitUntilDead(_ session: TmuxSession, timeout: Double = patience) throws -> (dead: Bool, status: Int32?)
    {
        let deadline = Date().addingTimeInterval(timeout)
        var info = try session.paneInfo()
        while !info.dead && Date() < deadline {
            usleep(50_000)
            info = try session.paneInfo()
        }
        return (info.dead, info.status)
    }

    /// Polls until the pane's foreground command is `name`.
    static func waitForForeground(_ session: TmuxSession, _ name: String, timeout: Double = patience) throws -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let current = try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{pane_current_command}"])
            if current.trimmingCharacters(in: .whitespacesAndNewlines) == name { return true }
            usleep(50_000)
        }
        return false
    }

    /// The SGR parameters that set a colour (30–37, 38;…, 40–47, 48;…, 90–97, 100–107) in a `capture-pane -e`;
    /// 39 and 49 (back to the default colour) do not count.
    static func colourParameters(in escaped: String) -> [String] {
        var found: [String] = []
        var rest = escaped[...]
        while let start = rest.range(of: "\u{1B}[") {
            let after = rest[start.upperBound...]
            guard let end = after.firstIndex(where: { !($0.isNumber || $0 == ";") }) else { break }
            if after[end] == "m" {
                for p in after[..<end].split(separator: ";", omittingEmptySubsequences: false) {
                    guard let n = Int(p) else { continue }
                    if (30...38).contains(n) || (40...48).contains(n) || (90...97).contains(n)
                        || (100...107).contains(n)
                    {
                        found.append(String(after[..<end]))
                        break
                    }
                }
            }
            rest = after[end...]
        }
        return found
    }

    static func showsFirstScreen(_ screen: String) -> Bool {
        screen.contains(FirstScreen.region) && screen.contains(FirstScreen.process)
    }

    /// The explorer in a shell that records its exit status and the terminal state after it, then waits.
    static func wrapped(_ command: String, in dir: URL) -> String {
        let stty = shellQuote(dir.appendingPathComponent("stty").path)
        let status = shellQuote(dir.appendingPathComponent("status").path)
        return "sh -c " + shellQuote("\(command); s=$?; stty -a > \(stty); echo $s > \(status); exec sleep 600")
    }

    // MARK: - Start-up at the two reference sizes

    @Test(arguments: [(80, 24), (132, 43)])
    func startsAndShowsTheTree(width: Int, height: Int) throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: "exec \(Self.binary)", width: width, height: height)
        let screen = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }
        #expect(Self.showsFirstScreen(screen), "at \(width)×\(height):\n\(screen)")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= height - 1)
        #expect(try !session.paneInfo().dead)
        // Names with diacritics arrive whole, and every bordered line is exactly the width of the window
        // (one column per character here): nothing shifted by a mis-measured character.
        #expect(screen.contains("Söderköping"), "\(screen)")
        let borders: Set<Character> = ["│", "┃", "┐", "┓", "┘", "┛", "█"]
        for (i, line) in lines.enumerated() where line.last.map(borders.contains) == true {
            #expect(line.count == width, "line \(i) is \(line.count) columns at \(width)×\(height): \(line)")
        }
    }

    /// The hardware cursor: (x, y, visible).
    static func cursor(_ session: TmuxSession) throws -> (x: Int, y: Int, visible: Bool) {
        let s = try TmuxSession.tmux([
            "display-message", "-p", "-t", session.name, "#{cursor_x} #{cursor_y} #{cursor_flag}",
        ])
        let p = s.split(separator: " ").map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        return (p[0], p[1], p.count > 2 && p[2] == 1)
    }

    /// Polls the cursor until `predicate` holds.
    static func waitForCursor(
        _ session: TmuxSession, timeout: Double = patience,
        _ predicate: ((x: Int, y: Int, visible: Bool)) -> Bool
    ) throws -> (x: Int, y: Int, visible: Bool) {
        let deadline = Date().addingTimeInterval(timeout)
        var c = try cursor(session)
        while !predicate(c) && Date() < deadline {
            usleep(50_000)
            c = try cursor(session)
        }
        return c
    }

    @Test func navigationKeysMoveTheSelectionAndTheCursor() throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: "exec \(Self.binary)", width: 80, height: 24)
        let first = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }
        try #require(Self.showsFirstScreen(first), "did not start:\n\(first)")
        // The hardware cursor rests on the selected row (for magnifiers and screen readers), hidden: it would
        // cover a letter and make a hole in the highlight bar.
        let start = try Self.cursor(session)
        #expect(!start.visible, "the cursor shows over the selection")
        let rows = first.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(
            start.y < rows.count && rows[start.y].contains(FirstScreen.region), "cursor not on the selection:\n\(first)"
        )
        try session.send("Down")
        try session.send("Down")
        let moved = try Self.waitForCursor(session) { $0.y == start.y + 2 }
        #expect(moved.y == start.y + 2, "Down twice: cursor at \(moved), was \(start)")
        let screen = try session.capture()
        #expect(screen != first, "Down twice changed nothing on screen")
        let movedRows = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(movedRows[moved.y].contains(FirstScreen.process), "cursor row after Down Down:\n\(screen)")
        try session.send("Up")
        try session.send("Up")
        let back = try Self.waitForCursor(session) { $0.y == start.y }
        #expect(back.y == start.y, "Up twice did not come back")
        try session.send("End")
        let end = try Self.waitForCursor(session) { $0.y != start.y }
        #expect(end.y > start.y, "End did not move down")
        // Home goes to the first row: the Guide branch, just above the first region.
        try session.send("Home")
        let top = try Self.waitForCursor(session) { $0.y < start.y }
        #expect(top.y == start.y - 1, "Home did not go to the top")
        let topRows = try session.capture().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(top.y < topRows.count && topRows[top.y].contains("Guide"), "the first row is the Guide")
    }

    /// Typed text reaches the UI through the wide-character API: a search with accents, Enter, the card.
    @Test func typedSearchWithAccentsOpensTheCard() throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: "exec \(Self.binary)", width: 100, height: 30)
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        try session.send("/")
        try session.send("söder", literal: true)
        let typing = try session.waitFor(timeout: Self.patience) { $0.contains("söder") }
        #expect(typing.contains("söder"), "the search box did not get the typed text:\n\(typing)")
        // Typing, the cursor shows: the caret after "söder" on the bottom line.
        let caret = try Self.waitForCursor(session) { $0.visible }
        #expect(caret.visible && caret.y == 29, "no caret in the search box: \(caret)")
        let line = typing.split(separator: "\n", omittingEmptySubsequences: false)[29]
        #expect(String(line.prefix(caret.x)).hasSuffix("Search: söder"), "caret at \(caret.x) in \(line)")
        try session.send("Enter")
        let card = try session.waitFor(timeout: Self.patience) { $0.contains("Process: Söderköping") }
        #expect(card.contains("Process: Söderköping"), "Enter did not open the card:\n\(card)")
        // Esc arrives alone, and ? opens the help. (Sent within the escape delay, the two would be Alt-?, which
        // is ignored: so ? goes once the Esc has cleared the search's hit count.)
        try session.send("Escape")
        let cleared = try session.waitFor(timeout: Self.patience) { !$0.contains("1/2") }
        #expect(!cleared.contains("1/2"), "Esc did not clear the search:\n\(cleared)")
        #expect(!(try Self.cursor(session)).visible, "the caret stayed after the search box closed")
        try session.send("?")
        let help = try session.waitFor(timeout: Self.patience) { $0.contains("Keys") && $0.contains("quit") }
        #expect(help.contains("Keys"), "no help overlay:\n\(help)")
    }

    // MARK: - Leaving

    @Test func quitLeavesASaneTerminal() throws {
        try Self.requireTmux()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: Self.wrapped(Self.binary, in: dir))
        let screen = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }
        try #require(Self.showsFirstScreen(screen), "did not start:\n\(screen)")
        #expect(
            try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on}"])
                .hasPrefix("1"), "the explorer should draw on the alternate screen")
        try session.send("q")
        let status = Self.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
        let stty = Self.waitForFile(dir.appendingPathComponent("stty"))
        #expect(Self.isSane(stty), "stty -a after q:\n\(stty)")
        #expect(
            try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on}"])
                .hasPrefix("0"), "the alternate screen was not left")
    }

    @Test func ctrlCKeyQuitsLikeSIGINT() throws {
        try Self.requireTmux()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: Self.wrapped(Self.binary, in: dir))
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        try session.send("C-c")
        let status = Self.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "130")
        #expect(Self.isSane(Self.waitForFile(dir.appendingPathComponent("stty"))))
    }

    @Test(arguments: [("INT", SIGINT), ("TERM", SIGTERM), ("HUP", SIGHUP)])
    func signalEndsItWithASaneTerminal(name: String, number: Int32) throws {
        try Self.requireTmux()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: Self.wrapped(Self.binary, in: dir))
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        let shell = try session.paneInfo().pid
        let pid = try #require(Self.childPid(of: shell), "no explorer process under the pane's shell \(shell)")
        #expect(kill(pid, number) == 0)
        let status = Self.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "\(128 + number)", "SIG\(name)")
        let stty = Self.waitForFile(dir.appendingPathComponent("stty"))
        #expect(Self.isSane(stty), "stty -a after SIG\(name):\n\(stty)")
        #expect(
            try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{alternate_on}"])
                .hasPrefix("0"), "the alternate screen was not left after SIG\(name)")
    }

    /// A signal arriving while the explorer saves a checklist (every Space saves) leaves a readable file.
    @Test(arguments: [("TERM", SIGTERM), ("HUP", SIGHUP), ("INT", SIGINT)])
    func signalDuringChecklistSavesLeavesTheFileWhole(name: String, number: Int32) throws {
        try Self.requireTmux()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("data")
        let command = "env RCPX_DATA_HOME=\(shellQuote(home.path)) \(Self.binary) --checklist workshop"
        let session = try TmuxSession(command: Self.wrapped(command, in: dir), width: 120, height: 40)
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        try session.send("4")
        _ = try session.waitFor(timeout: Self.patience) { $0.contains("Checklist: workshop") }
        let shell = try session.paneInfo().pid
        let pid = try #require(Self.childPid(of: shell))
        // A burst of status changes, each one a save, and the signal in the middle of them.
        try session.send(String(repeating: " ", count: 300), literal: true)
        #expect(kill(pid, number) == 0)
        let status = Self.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "\(128 + number)", "SIG\(name)")
        #expect(Self.isSane(Self.waitForFile(dir.appendingPathComponent("stty"))))
        // The file reads back (the store's own reader, through the command line).
        let show = try runRcpx(["checklist", "show", "workshop", "--data-dir", home.path])
        #expect(show.status == 0, "checklist unreadable after SIG\(name): \(show.stderr)")
        #expect(show.stdout.contains("workshop"))
        // No temporary file left behind.
        let files =
            (try? FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("checklists").path)) ?? []
        #expect(files.filter { !$0.hasSuffix(".lock") } == ["workshop.json"], "\(files)")
    }

    @Test func sigtermToTheExecedPaneProcess() throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: "exec \(Self.binary)")
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        let pid = try session.paneInfo().pid
        #expect(kill(pid, SIGTERM) == 0)
        // (tmux 3.3a does not report the status of a dead pane reliably; the wrapped tests check it.)
        #expect(try Self.waitUntilDead(session).dead, "SIGTERM did not end the explorer")
    }

    // MARK: - Resizes and suspend

    @Test func rapidResizesAreSurvivedAndRedrawnAtTheFinalSize() throws {
        try Self.requireTmux()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: Self.wrapped(Self.binary, in: dir), width: 80, height: 24)
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        for (w, h) in [(100, 30), (60, 20), (132, 43), (20, 5), (1, 1), (200, 60), (90, 25), (120, 40)] {
            try session.resize(width: w, height: h)
        }
        // Redrawn at 120×40: the top line spans the width (the title "rcpx" ends it), and the four-pane
        // layout (from 120 columns) shows the matrix legend.
        func drawnAt120x40(_ screen: String) -> Bool {
            let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
            return Self.showsFirstScreen(screen) && lines.count >= 40 && lines[0].hasSuffix("rcpx")
                && lines[0].count == 120 && screen.contains("Matrix")
        }
        let screen = try session.waitFor(timeout: Self.patience) { drawnAt120x40($0) }
        #expect(
            !FileManager.default.fileExists(atPath: dir.appendingPathComponent("status").path),
            "the explorer died during resizes")
        #expect(drawnAt120x40(screen), "not redrawn at 120×40 after resizes:\n\(screen)")
        let size = try TmuxSession.tmux(["display-message", "-p", "-t", session.name, "#{pane_width}x#{pane_height}"])
        #expect(size.hasPrefix("120x40"))
        // Still answering keys.
        try session.send("q")
        let status = Self.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func ctrlZThenFgRedraws() throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: "env PS1='$ ' bash --norc --noprofile -i")
        _ = try session.waitFor(timeout: Self.patience) { $0.contains("$") }
        try session.send(Self.binary, "Enter")
        let first = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) && !$0.contains("$") }
        try #require(Self.showsFirstScreen(first) && !first.contains("$"), "did not start:\n\(first)")
        try session.send("C-z")
        let stopped = try session.waitFor(timeout: Self.patience) { $0.contains("Stopped") }
        #expect(stopped.contains("Stopped"), "Ctrl-Z did not suspend:\n\(stopped)")
        // While stopped the shell has a cooked terminal.
        try session.send("stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon", "Enter")
        func modeLines(_ screen: String) -> [String] {
            screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { $0 == "icanon" || $0 == "-icanon" }
        }
        let modes = try session.waitFor(timeout: Self.patience) { !modeLines($0).isEmpty }
        #expect(modeLines(modes) == ["icanon"], "terminal not sane while stopped:\n\(modes)")
        // Something run while stopped leaves the line-drawing set on (SO, as a stray `cat` of a binary file
        // might); the explorer resets it when it comes back, or its letters would be drawn as lines.
        try session.send("printf '\\016'", "Enter")
        try session.send("fg", "Enter")
        let back = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) && !$0.contains("Stopped") }
        #expect(Self.showsFirstScreen(back) && !back.contains("Stopped"), "fg did not redraw the full screen:\n\(back)")
        let drawn = try session.capture(escapes: true)
        #expect(!drawn.contains("\u{0E}"), "drawn in the line-drawing set after fg:\n\(drawn)")
        try session.send("q")
        #expect(try Self.waitForForeground(session, "bash"), "the explorer did not exit after fg and q")
        try session.send("echo \"exit=$?\"", "Enter")
        let done = try session.waitFor(timeout: Self.patience) { $0.contains("exit=0") }
        #expect(done.contains("exit=0"), "no clean exit after fg:\n\(done)")
    }

    // MARK: - Terminals it must not start in

    /// Runs `command` in a UTF-8 tmux pane; returns the screen (plain and with escapes) once `status=N` is
    /// printed (by the shell after the command, unless the command prints it itself).
    static func runRefused(_ command: String, printsStatus: Bool = false) throws
        -> (screen: String, escaped: String, status: String)
    {
        let line = printsStatus ? command : "\(command); echo status=$?"
        let session = try TmuxSession(command: "sh -c " + shellQuote("\(line); exec sleep 600"))
        let screen = try session.waitFor(timeout: Self.patience) { $0.contains("status=") }
        let escaped = try session.capture(escapes: true)
        let status =
            screen.components(separatedBy: "status=").last?
            .prefix { $0.isNumber }.description ?? ""
        return (screen, escaped, status)
    }

    // (An unknown TERM such as vt-nonesuch-42 is drawn as xterm-256color: ExplorerTerminalTypeTests.)
    @Test(arguments: ["TERM=dumb", "-u TERM", "TERM="])
    func unusableTermIsRefusedCleanly(_ env: String) throws {
        try Self.requireTmux()
        let r = try Self.runRefused("env \(env) \(Self.binary)")
        #expect(!r.status.isEmpty, "no status:\n\(r.screen)")
        #expect((Int(r.status) ?? 255) < 128, "crashed (\(r.status)) with \(env):\n\(r.screen)")
        #expect(r.screen.contains("TERM"), "no message naming TERM with \(env):\n\(r.screen)")
        #expect(!r.escaped.contains("\u{1B}["), "escape codes with \(env):\n\(r.escaped)")
        #expect(r.screen.unicodeScalars.allSatisfy { $0.value >= 0x20 || $0 == "\n" || $0 == "\t" })
    }

    @Test func stdoutToAPipePrintsPlainText() throws {
        try Self.requireTmux()
        let r = try Self.runRefused("{ \(Self.binary); echo status=$?; } | cat", printsStatus: true)
        #expect(r.status == "0", "\(r.screen)")
        #expect(!r.escaped.contains("\u{1B}["), "escape codes through a pipe:\n\(r.escaped)")
        #expect(r.screen.trimmingCharacters(in: .whitespacesAndNewlines).count > "status=0".count)
    }

    @Test func noTerminalAtAll() throws {
        let r = try runRcpx([])
        #expect(r.status < 128)
        #expect(!(r.stdout + r.stderr).isEmpty)
        #expect(!(r.stdout + r.stderr).contains("\u{1B}"), "escape codes without a terminal")
    }

    // MARK: - Locale and colour

    @Test func cLocaleDrawsASCIIOnly() throws {
        try Self.requireTmux()
        let dir = try Self.scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try TmuxSession(command: Self.wrapped("env -u LC_ALL -u LC_CTYPE LANG=C \(Self.binary)", in: dir))
        let screen = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }
        #expect(Self.showsFirstScreen(screen), "ASCII mode did not draw:\n\(screen)")
        let high = screen.utf8.filter { $0 >= 0x80 }
        #expect(high.isEmpty, "bytes ≥ 0x80 on screen in the C locale:\n\(screen)")
        try session.send("q")
        let status = Self.waitForFile(dir.appendingPathComponent("status"))
        #expect(status.trimmingCharacters(in: .whitespacesAndNewlines) == "0")
    }

    @Test func utf8LocaleFallsBackFromUnsetLocale() throws {
        // No LANG/LC_*: the explorer switches to C.UTF-8 rather than ASCII (the tree draws normally).
        try Self.requireTmux()
        let session = try TmuxSession(command: "env -u LC_ALL -u LC_CTYPE -u LANG \(Self.binary)")
        let screen = try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }
        #expect(Self.showsFirstScreen(screen), "\(screen)")
    }

    @Test(arguments: [
        "env NO_COLOR=1 BINARY", "env -u NO_COLOR BINARY --no-color",
        "env -u NO_COLOR BINARY --theme monochrome",
    ])
    func noColourMeansNoColours(_ command: String) throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: command.replacingOccurrences(of: "BINARY", with: Self.binary))
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        let escaped = try session.capture(escapes: true)
        #expect(Self.colourParameters(in: escaped).isEmpty, "colour escapes with \(command):\n\(escaped)")
        // Selection still stands out: reverse video.
        #expect(
            escaped.contains("\u{1B}[7m") || escaped.contains(";7m") || escaped.contains("[7;"),
            "no reverse video for the selection:\n\(escaped)")
    }

    // (`env -u NO_COLOR`: the tmux server's environment comes from whoever started it.)
    @Test(arguments: ["env -u NO_COLOR BINARY", "env -u NO_COLOR BINARY --theme high-contrast"])
    func colourThemesUseColour(_ command: String) throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: command.replacingOccurrences(of: "BINARY", with: Self.binary))
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        let escaped = try session.capture(escapes: true)
        #expect(!Self.colourParameters(in: escaped).isEmpty, "no colour with \(command)")
    }

    /// With eight colours no ANSI colour reads on both a black and a white background, and grey is bold black:
    /// text is in the terminal's own colour, and colour only on bars with a background of their own (white or
    /// yellow on the blue status line). Before, counts, tabs and borders were bold black and vanished on black.
    @Test(arguments: ["xterm", "screen"])
    func eightColourTerminalsDrawNoGreyBlackOrBlueText(_ term: String) throws {
        try Self.requireTmux()
        let session = try TmuxSession(command: "env -u NO_COLOR TERM=\(term) \(Self.binary)", width: 132, height: 43)
        try #require(Self.showsFirstScreen(try session.waitFor(timeout: Self.patience) { Self.showsFirstScreen($0) }))
        let foregrounds = Set(
            Self.colourParameters(in: try session.capture(escapes: true))
                .flatMap { $0.split(separator: ";").compactMap { Int($0) } }
                .filter { (30...38).contains($0) || (90...97).contains($0) })
        #expect(foregrounds.isSubset(of: [33, 37]), "TERM=\(term): text colours \(foregrounds.sorted())")
        #expect(!(try Self.cursor(session)).visible, "TERM=\(term): the cursor shows over the selection")
    }
}
