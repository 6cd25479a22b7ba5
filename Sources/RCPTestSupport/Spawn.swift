#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A NULL-terminated array of C strings that lives until `free()`; built before a spawn so that nothing is
/// allocated between fork and exec.
public struct CStringArray {
    public let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    public let count: Int

    public init(_ strings: [String]) {
        count = strings.count
        pointer = .allocate(capacity: strings.count + 1)
        for (i, s) in strings.enumerated() { pointer[i] = strdup(s) }
        pointer[strings.count] = nil
    }

    public func free() {
        for i in 0..<count { Glibc.free(pointer[i]) }
        pointer.deallocate()
    }
}

/// The environment of this process with `set` applied and `unset` removed, as `KEY=value` strings.
public func childEnvironment(set: [String: String] = [:], unset: [String] = []) -> [String] {
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

/// A program that could not be started.
public struct SpawnError: Error, CustomStringConvertible {
    public var path: String
    public var code: Int32
    public var description: String { "cannot run \(path): \(String(cString: strerror(code)))" }
}

/// A raw wait status, read.
public struct WaitStatus: Equatable, CustomStringConvertible {
    public var raw: Int32
    public init(_ raw: Int32) { self.raw = raw }

    public var exitedNormally: Bool { (raw & 0x7f) == 0 }
    public var exitCode: Int32 { (raw >> 8) & 0xff }
    /// The signal that ended the program (0 when it exited).
    public var signal: Int32 { exitedNormally ? 0 : raw & 0x7f }
    /// As a shell reports it: the exit code, or 128 + the signal.
    public var shellStatus: Int32 { exitedNormally ? exitCode : 128 + signal }
    public var description: String { exitedNormally ? "exit \(exitCode)" : "signal \(signal)" }
}

/// The outcome of a finished child: its exit status, wall time, peak RSS and (when captured) its output.
public struct ChildResult {
    public var status: WaitStatus
    public var wallNanoseconds: UInt64
    public var maxRSSKilobytes: Int
    public var output: [UInt8]
    public var errors: [UInt8]

    public var exitedNormally: Bool { status.exitedNormally }
    public var exitCode: Int32 { status.exitCode }
    public var signal: Int32 { status.signal }
    public var statusDescription: String { status.description }
    /// Standard output and standard error as text (invalid UTF-8 repaired).
    public var stdout: String { String(decoding: output, as: UTF8.self) }
    public var stderr: String { String(decoding: errors, as: UTF8.self) }
}

/// Spawn attributes every child gets: an empty signal mask and default handlers, whatever the spawning
/// thread blocks. (A test thread blocks signals; a tmux server or explorer that inherited that mask would
/// ignore the very signals the tests send.) With `ownGroup`, a process group of its own; with `newSession`,
/// a session of its own (so that opening a terminal makes it the controlling one).
func withSpawnAttributes<R>(ownGroup: Bool, newSession: Bool, _ body: (inout posix_spawnattr_t) throws -> R) rethrows
    -> R
{
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attr, &none)
    var flags = Int32(POSIX_SPAWN_SETSIGMASK)
    if ownGroup {
        posix_spawnattr_setpgroup(&attr, 0)
        flags |= Int32(POSIX_SPAWN_SETPGROUP)
    }
    // glibc's POSIX_SPAWN_SETSID, declared only under _GNU_SOURCE.
    if newSession { flags |= 0x80 }
    posix_spawnattr_setflags(&attr, Int16(flags))
    return try body(&attr)
}

/// Starts `path` with standard input, output and error on /dev/null (with `ownGroup`, in a process group of
/// its own, so that a signal to the group reaches a shell and what it runs); returns its pid. Reap it with
/// `waitFor(pid:)`.
public func startChild(
    _ path: String, _ arguments: [String], environment env: [String] = childEnvironment(),
    ownGroup: Bool = false
) throws -> pid_t {
    let argv = CStringArray([path] + arguments), envp = CStringArray(env)
    defer { argv.free(); envp.free() }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] {
        posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
    }
    var pid: pid_t = 0
    let rc = withSpawnAttributes(ownGroup: ownGroup, newSession: false) { attr in
        posix_spawn(&pid, path, &actions, &attr, argv.pointer, envp.pointer)
    }
    guard rc == 0 else { throw SpawnError(path: path, code: rc) }
    return pid
}

/// Waits for `pid` to end (a blocking `waitpid`, which does not depend on SIGCHLD being delivered).
@discardableResult
public func waitFor(pid: pid_t) -> WaitStatus {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return WaitStatus(status)
}

/// Runs `path` with `arguments` to its end. Standard input is `input` (or /dev/null); standard output is read
/// into the result with `capture` (else /dev/null); standard error likewise with `captureErrors`, or goes to
/// ours with `showErrors`. Timed from just before the spawn to the reap. Input and output are moved in one
/// poll loop, so a large output cannot block the child while it is still being fed.
public func runChild(
    _ path: String, _ arguments: [String], environment env: [String] = childEnvironment(),
    input: [UInt8]? = nil, capture: Bool = false, captureErrors: Bool = false,
    showErrors: Bool = false
) throws -> ChildResult {
    let argv = CStringArray([path] + arguments), envp = CStringArray(env)
    defer { argv.free(); envp.free() }
    var inPipe: [Int32] = [-1, -1], outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
    if input != nil { guard pipe(&inPipe) == 0 else { throw SpawnError(path: path, code: errno) } }
    if capture { guard pipe(&outPipe) == 0 else { throw SpawnError(path: path, code: errno) } }
    if captureErrors { guard pipe(&errPipe) == 0 else { throw SpawnError(path: path, code: errno) } }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if input != nil {
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    } else {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    }
    if capture {
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    } else {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    if captureErrors {
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    } else if !showErrors {
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    for fd in inPipe + outPipe + errPipe where fd >= 0 { posix_spawn_file_actions_addclose(&actions, fd) }

    var pid: pid_t = 0
    let start = nowNanoseconds()
    let rc = withSpawnAttributes(ownGroup: false, newSession: false) { attr in
        posix_spawn(&pid, path, &actions, &attr, argv.pointer, envp.pointer)
    }
    // The child's ends.
    for fd in [inPipe[0], outPipe[1], errPipe[1]] where fd >= 0 { close(fd) }
    guard rc == 0 else {
        for fd in [inPipe[1], outPipe[0], errPipe[0]] where fd >= 0 { close(fd) }
        throw SpawnError(path: path, code: rc)
    }

    var output: [UInt8] = [], errors: [UInt8] = []
    var toWrite = input ?? []
    var written = 0
    var writeFD = inPipe[1], outFD = outPipe[0], errFD = errPipe[0]
    if writeFD >= 0 {
        _ = fcntl(writeFD, F_SETFL, fcntl(writeFD, F_GETFL) | O_NONBLOCK)
        if toWrite.isEmpty { close(writeFD); writeFD = -1 }
    }
    // A child that does not read its input must not make us fail on a broken pipe.
    let oldPipeHandler = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, oldPipeHandler) }
    var buffer = [UInt8](repeating: 0, count: 65536)
    while writeFD >= 0 || outFD >= 0 || errFD >= 0 {
        var fds: [pollfd] = []
        if writeFD >= 0 { fds.append(pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0)) }
        if outFD >= 0 { fds.append(pollfd(fd: outFD, events: Int16(POLLIN), revents: 0)) }
        if errFD >= 0 { fds.append(pollfd(fd: errFD, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), -1)
        if ready < 0 { if errno == EINTR { continue }; break }
        for p in fds where p.revents != 0 {
            if p.fd == writeFD {
                let n = toWrite[written...].withUnsafeBytes { write(writeFD, $0.baseAddress, min($0.count, 65536)) }
                if n > 0 { written += n }
                if (n < 0 && errno != EAGAIN && errno != EINTR) || written >= toWrite.count {
                    close(writeFD); writeFD = -1
                }
                continue
            }
            let n = buffer.withUnsafeMutableBytes { read(p.fd, $0.baseAddress, $0.count) }
            if n < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            if n <= 0 {
                close(p.fd)
                if p.fd == outFD { outFD = -1 } else { errFD = -1 }
            } else if p.fd == outFD {
                output += buffer[0..<n]
            } else {
                errors += buffer[0..<n]
            }
        }
    }
    toWrite = []
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return ChildResult(
        status: WaitStatus(status), wallNanoseconds: nowNanoseconds() - start,
        maxRSSKilobytes: Int(usage.ru_maxrss), output: output, errors: errors)
}

/// `s` quoted for a POSIX shell.
public func shellQuote(_ s: String) -> String {
    var out = "'"
    for c in s { out += c == "'" ? "'\\''" : String(c) }
    return out + "'"
}
