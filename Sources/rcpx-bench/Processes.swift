#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A NULL-terminated array of C strings that lives until `free()`; built before a fork so that the child
/// only calls async-signal-safe functions.
struct CStringArray {
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    let count: Int

    init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { pointer[i] = strdup(s) }
        pointer[strings.count] = nil
    }

    func free() {
        for i in 0..<count { Glibc.free(pointer[i]) }
        pointer.deallocate()
    }
}

/// The environment of this process with `set` applied and `unset` removed, as `KEY=value` strings.
func childEnvironment(set: [String: String], unset: [String] = []) -> [String] {
    var out: [String] = []
    var p = environ
    while let entry = p.pointee {
        let s = String(cString: entry)
        let key = String(s.prefix { $0 != "=" })
        if set[key] == nil && !unset.contains(key) { out.append(s) }
        p += 1
    }
    for (k, v) in set.sorted(by: { $0.key < $1.key }) { out.append("\(k)=\(v)") }
    return out
}

/// The outcome of a finished child: its exit status, wall time, peak RSS and (when captured) its output.
struct ChildResult {
    var status: Int32
    var wallNanoseconds: UInt64
    var maxRSSKilobytes: Int
    var output: [UInt8]

    var exitedNormally: Bool { (status & 0x7f) == 0 }
    var exitCode: Int32 { (status >> 8) & 0xff }
    var signal: Int32 { status & 0x7f }
    var statusDescription: String { exitedNormally ? "exit \(exitCode)" : "signal \(signal)" }
}

/// Runs `path` with `arguments`, standard input from /dev/null, standard error to /dev/null (or, with
/// `showErrors`, to the bench's), standard output to /dev/null or (with `capture`) read into the result.
/// Times it from just before the spawn to the reap.
func runChild(_ path: String, _ arguments: [String], environment env: [String], capture: Bool = false,
              showErrors: Bool = false) -> ChildResult {
    let argv = CStringArray([path] + arguments)
    let envp = CStringArray(env)
    defer { argv.free(); envp.free() }

    var pipeFDs: [Int32] = [-1, -1]
    if capture { precondition(pipe(&pipeFDs) == 0, "pipe failed") }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if capture {
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
        posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    if !showErrors { posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0) }

    var pid: pid_t = 0
    let start = nowNanoseconds()
    let rc = posix_spawn(&pid, path, &actions, nil, argv.pointer, envp.pointer)
    guard rc == 0 else {
        fatal("cannot run \(path): \(String(cString: strerror(rc)))")
    }
    var output: [UInt8] = []
    if capture {
        close(pipeFDs[1])
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output += buffer[0..<n]
        }
        close(pipeFDs[0])
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let end = nowNanoseconds()
    return ChildResult(status: status, wallNanoseconds: end - start, maxRSSKilobytes: Int(usage.ru_maxrss),
                       output: output)
}

/// A program running on a pseudo-terminal: write keys, read what it draws, with a timestamp for each read.
final class PtyChild {
    let pid: pid_t
    let master: Int32
    /// Just before the fork.
    let started: UInt64
    private var finished: ChildResult?

    /// Starts `path` on a new pseudo-terminal of `columns`×`rows` (its controlling terminal).
    init(_ path: String, _ arguments: [String], environment env: [String], columns: Int, rows: Int) {
        let argv = CStringArray([path] + arguments)
        let envp = CStringArray(env)
        defer { argv.free(); envp.free() }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var fd: Int32 = -1
        started = nowNanoseconds()
        let child = forkpty(&fd, nil, nil, &size)
        if child == 0 {
            // The child: only async-signal-safe calls until exec.
            execve(argv.pointer[0]!, argv.pointer, envp.pointer)
            _exit(127)
        }
        guard child > 0 else { fatal("forkpty failed: \(String(cString: strerror(errno)))") }
        pid = child
        master = fd
    }

    deinit {
        if finished == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    func send(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// The child's peak resident set size so far (VmHWM of /proc/PID/status), in kilobytes. Unlike the
    /// `ru_maxrss` of `wait4`, it counts only the memory of the program after exec: the pages a forked child
    /// shares with the bench before exec are not its own.
    func peakRSSKilobytes() -> Int? { vmHWM(pid) }

    func resize(columns: Int, rows: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// What one burst of output brought.
    struct Burst {
        var bytes: [UInt8]
        /// When the first and the last byte were read (0 when nothing came).
        var firstByte: UInt64
        var lastByte: UInt64
        /// The program closed the terminal (exited).
        var closed: Bool
        var timedOut: Bool
    }

    /// Reads until the output has been quiet for `quietMilliseconds` after `done(bytes so far)` holds (or,
    /// without `done`, after the first byte), or until `timeoutMilliseconds` pass.
    func readBurst(quietMilliseconds: Int, timeoutMilliseconds: Int = 5000,
                   done: (([UInt8]) -> Bool)? = nil) -> Burst {
        var burst = Burst(bytes: [], firstByte: 0, lastByte: 0, closed: false, timedOut: false)
        let deadline = nowNanoseconds() + UInt64(timeoutMilliseconds) * 1_000_000
        var buffer = [UInt8](repeating: 0, count: 65536)
        var satisfied = false
        while true {
            let now = nowNanoseconds()
            if now >= deadline { burst.timedOut = true; return burst }
            var wait = Int((deadline - now) / 1_000_000) + 1
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

    /// Reads and drops output until the program closes the terminal, then reaps it (killing it after
    /// `timeoutMilliseconds`).
    @discardableResult
    func finish(timeoutMilliseconds: Int = 5000) -> ChildResult {
        if let finished { return finished }
        let deadline = nowNanoseconds() + UInt64(timeoutMilliseconds) * 1_000_000
        var status: Int32 = 0
        var usage = rusage()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let r = wait4(pid, &status, WNOHANG, &usage)
            if r == pid { break }
            if nowNanoseconds() > deadline { kill(pid, SIGKILL) }
            var p = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&p, 1, 10) > 0 {
                // Drain so the child never blocks on a full terminal.
                _ = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
            }
        }
        let result = ChildResult(status: status, wallNanoseconds: nowNanoseconds() - started,
                                 maxRSSKilobytes: Int(usage.ru_maxrss), output: [])
        finished = result
        return result
    }
}

/// VmHWM of a running process, in kilobytes.
func vmHWM(_ pid: pid_t) -> Int? {
    guard let f = fopen("/proc/\(pid)/status", "r") else { return nil }
    defer { fclose(f) }
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if s.hasPrefix("VmHWM:") { return Int(s.dropFirst(6).filter { $0.isNumber }) }
    }
    return nil
}

/// Peak RSS of a short-lived command, measured by GNU time (`/usr/bin/time -f %M`): a small C program that
/// forks the command, so the command's `ru_maxrss` does not include pages of the bench (a child spawned by
/// the bench itself inherits the bench's resident set size as its high-water mark before exec). Nil
/// without GNU time.
func peakRSSWithTime(_ path: String, _ arguments: [String], environment env: [String], scratch: String) -> Int? {
    let time = "/usr/bin/time"
    guard access(time, X_OK) == 0 else { return nil }
    let out = scratch + "/time-rss"
    let r = runChild(time, ["-f", "%M", "-o", out, path] + arguments, environment: env)
    guard r.exitedNormally && r.exitCode == 0, let f = fopen(out, "r") else { return nil }
    defer { fclose(f); unlink(out) }
    var line = [CChar](repeating: 0, count: 128)
    var value: Int?
    while fgets(&line, Int32(line.count), f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if let n = Int(s.filter { $0.isNumber }), !s.isEmpty { value = n }
    }
    return value
}

/// Whether `needle` occurs in `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
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

func fatal(_ message: String) -> Never {
    note("rcpx-bench: " + message)
    exit(2)
}
