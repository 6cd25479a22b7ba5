#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A program on a new pseudo-terminal (its controlling terminal, in a session of its own, signals unblocked):
/// write keys, read what it draws with a timestamp for each read, resize it, wait for it to end.
public final class PtyChild {
    public let pid: pid_t
    public let master: Int32
    /// Just before the spawn.
    public let started: UInt64
    private var finished: ChildResult?

    /// Starts `path` on a new pseudo-terminal of `columns`×`rows`.
    public init(_ path: String, _ arguments: [String], environment env: [String], columns: Int, rows: Int) throws {
        let argv = CStringArray([path] + arguments), envp = CStringArray(env)
        defer { argv.free(); envp.free() }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var m: Int32 = -1, s: Int32 = -1
        var name = [CChar](repeating: 0, count: 4096)
        guard openpty(&m, &s, &name, nil, &size) == 0 else { throw SpawnError(path: "openpty", code: errno) }
        // The child opens the terminal by name after setsid, which makes it the controlling terminal.
        close(s)
        let slavePath = String(cString: name)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addclose(&actions, m)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        var child: pid_t = 0
        started = nowNanoseconds()
        let rc = withSpawnAttributes(ownGroup: false, newSession: true) { attr in
            posix_spawn(&child, path, &actions, &attr, argv.pointer, envp.pointer)
        }
        guard rc == 0 else { close(m); throw SpawnError(path: path, code: rc) }
        pid = child
        master = m
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    public func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    public func send(_ text: String) { send(Array(text.utf8)) }

    /// The child's peak resident set size so far (VmHWM of /proc/PID/status), in kilobytes: only the memory
    /// of the program after exec.
    public func peakRSSKilobytes() -> Int? { vmHWM(pid) }

    public func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// What one burst of output brought.
    public struct Burst {
        public var bytes: [UInt8]
        /// When the first and the last byte were read (0 when nothing came).
        public var firstByte: UInt64
        public var lastByte: UInt64
        /// The program closed the terminal (exited).
        public var closed: Bool
        public var timedOut: Bool
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Reads until the output has been quiet for `quietMilliseconds` after `done(bytes so far)` holds (or,
    /// without `done`, after the first byte), or until `timeoutMilliseconds` pass. With
    /// `firstByteMilliseconds`, gives up early when no output starts within that time.
    public func readBurst(
        quietMilliseconds: Int, timeoutMilliseconds: Int = 5000, firstByteMilliseconds: Int? = nil,
        done: (([UInt8]) -> Bool)? = nil
    ) -> Burst {
        var burst = Burst(bytes: [], firstByte: 0, lastByte: 0, closed: false, timedOut: false)
        let begun = nowNanoseconds()
        let deadline = begun + UInt64(timeoutMilliseconds) * 1_000_000
        let firstDeadline = firstByteMilliseconds.map { begun + UInt64($0) * 1_000_000 }
        var buffer = [UInt8](repeating: 0, count: 65536)
        var satisfied = false
        while true {
            let now = nowNanoseconds()
            if now >= deadline { burst.timedOut = true; return burst }
            var wait = Int((deadline - now) / 1_000_000) + 1
            if burst.bytes.isEmpty, let firstDeadline {
                if now >= firstDeadline { return burst }
                wait = min(wait, Int((firstDeadline - now) / 1_000_000) + 1)
            }
            if satisfied {
                let quietUntil = burst.lastByte + UInt64(quietMilliseconds) * 1_000_000
                if now >= quietUntil { return burst }
                wait = min(wait, Int((quietUntil - now) / 1_000_000) + 1)
            }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&p, 1, Int32(wait))
            if ready < 0 { if errno == EINTR { continue }; burst.closed = true; return burst }
            if ready == 0 { continue }
            let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { burst.closed = true; return burst }
            let t = nowNanoseconds()
            if burst.firstByte == 0 { burst.firstByte = t }
            burst.lastByte = t
            burst.bytes += buffer[0..<n]
            if !satisfied { satisfied = done?(burst.bytes) ?? true }
        }
    }

    /// Reads until the output contains `text` (then until it is quiet for a moment), or `timeoutMilliseconds`
    /// pass; everything read, as text.
    public func waitFor(_ text: String, timeoutMilliseconds: Int = 15_000) -> String {
        let needle = Array(text.utf8)
        return readBurst(
            quietMilliseconds: 100, timeoutMilliseconds: timeoutMilliseconds,
            done: { contains($0, needle) }
        ).text
    }

    /// Waits up to `timeoutMilliseconds` for the program to end, reading and dropping what it writes so that it
    /// never blocks on a full terminal; nil when it is still running then.
    public func waitForExit(timeoutMilliseconds: Int = 15_000) -> ChildResult? {
        if let finished { return finished }
        let deadline = nowNanoseconds() + UInt64(timeoutMilliseconds) * 1_000_000
        var status: Int32 = 0
        var usage = rusage()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            if wait4(pid, &status, WNOHANG, &usage) == pid { break }
            if nowNanoseconds() > deadline { return nil }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 10) > 0 {
                _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            }
        }
        let result = ChildResult(
            status: WaitStatus(status), wallNanoseconds: nowNanoseconds() - started,
            maxRSSKilobytes: Int(usage.ru_maxrss), output: [], errors: [])
        finished = result
        return result
    }

    /// Waits for the program to end, killing it after `timeoutMilliseconds`; reaps it.
    @discardableResult
    public func finish(timeoutMilliseconds: Int = 5000) -> ChildResult {
        if let r = waitForExit(timeoutMilliseconds: timeoutMilliseconds) { return r }
        kill(pid, SIGKILL)
        return waitForExit(timeoutMilliseconds: 60_000)!
    }
}

/// VmHWM of a running process, in kilobytes.
public func vmHWM(_ pid: pid_t) -> Int? {
    guard let f = fopen("/proc/\(pid)/status", "r") else { return nil }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if s.hasPrefix("VmHWM:") { return Int(s.dropFirst(6).filter { $0.isNumber }) }
    }
    return nil
}

/// Whether `needle` occurs in `haystack`.
public func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return needle.isEmpty }
    let first = needle[0]
    var i = 0
    let last = haystack.count - needle.count
    while i <= last {
        if haystack[i] == first {
            var j = 1
            while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
            if j == needle.count { return true }
        }
        i += 1
    }
    return false
}

/// The environment the explorer gets on a test or bench pseudo-terminal: xterm-256color, a UTF-8 locale,
/// `dataHome` as its data folder (so it reads and writes no checklists of the user), and none of the
/// variables that would change what it draws (NO_COLOR, a locale override, a size, an enclosing tmux).
public func explorerEnvironment(dataHome: String) -> [String] {
    childEnvironment(
        set: ["TERM": "xterm-256color", "LANG": "C.UTF-8", "RCPX_DATA_HOME": dataHome],
        unset: ["LC_ALL", "LC_CTYPE", "NO_COLOR", "COLUMNS", "LINES", "TMUX"])
}
