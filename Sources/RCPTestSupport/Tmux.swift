#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A tmux command that failed.
public struct TmuxError: Error, CustomStringConvertible {
    public var arguments: [String]
    public var status: String
    public var stderr: String
    public var description: String { "tmux \(arguments.joined(separator: " ")) failed (\(status)): \(stderr)" }
}

/// A tmux session running a command at a fixed size, for end-to-end tests of the explorer: send keys, capture
/// the screen, poll until it shows something. Killed when it goes away.
public final class TmuxSession {
    public let name: String

    /// Starts `command` in a new detached session of `width`×`height` with a UTF-8 locale; the pane stays
    /// after the command ends (`remain-on-exit`), so its exit status can be read.
    public init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        var g = SystemRandomNumberGenerator()
        name = "rcpx-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max, using: &g))"
        _ = Self.ensureServer()
        var args = ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "-e", "LANG=C.UTF-8"]
        for (k, v) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        try Self.tmux(args)
        _ = try? Self.tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    /// Runs `tmux ARGS`; its standard output. Throws when tmux fails (or is not installed).
    @discardableResult
    public static func tmux(_ args: [String]) throws -> String {
        let r = try runChild("/usr/bin/env", ["tmux"] + args, capture: true, captureErrors: true)
        guard r.exitedNormally && r.exitCode == 0 else {
            throw TmuxError(arguments: args, status: r.statusDescription, stderr: r.stderr)
        }
        return r.stdout
    }

    /// Whether tmux is installed and runs.
    public static var isAvailable: Bool { (try? tmux(["-V"])) != nil }

    /// Makes sure a tmux server is running, with a session that ends by itself (`sleep 120`; made again when
    /// gone), so that the server does not exit between two tests' sessions. The server is started through
    /// `sh` by `runChild`, with an empty signal mask, and waited for with a blocking `waitpid`: a server
    /// started from a test thread would otherwise inherit its blocked signals (and every pane with it).
    /// Returns the shell's exit status (0: a server runs).
    @discardableResult
    public static func ensureServer() -> Int32 {
        // One name for every test process; a process that loses the race to create it finds it made.
        let keepalive = "rcpx-test-keepalive"
        let has = "tmux has-session -t '=\(keepalive)' 2>/dev/null"
        let script = "\(has) || tmux new-session -d -s '\(keepalive)' 'sleep 120' || \(has)"
        guard let r = try? runChild("/bin/sh", ["-c", script + " >/dev/null 2>&1"]) else { return -1 }
        return r.exitedNormally ? r.exitCode : -1
    }

    /// Sends tmux key names ("Down", "Enter", "C-c") or literal text with `literal: true`.
    public func send(_ keys: String..., literal: Bool = false) throws {
        try Self.tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as plain text (with `escapes`, colours and attributes as escape sequences).
    public func capture(escapes: Bool = false) throws -> String {
        try Self.tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// Polls the screen every 50 ms until `predicate` holds or `timeout` seconds pass; returns the last capture.
    @discardableResult
    public func waitFor(timeout: Double = 5, _ predicate: (String) -> Bool) throws -> String {
        let deadline = nowNanoseconds() + UInt64(timeout * 1e9)
        var screen = try capture()
        while !predicate(screen) && nowNanoseconds() < deadline {
            usleep(50_000)
            screen = try capture()
        }
        return screen
    }

    /// Polls until the screen shows `text`; returns the last capture.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 5) throws -> String {
        try waitFor(timeout: timeout) { $0.contains(text) }
    }

    public func resize(width: Int, height: Int) throws {
        try Self.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// A tmux format (`#{pane_current_command}`, `#{alternate_on}`) for this session, trimmed.
    public func display(_ format: String) throws -> String {
        String(try Self.tmux(["display-message", "-p", "-t", name, format]).filter { $0 != "\n" })
    }

    /// The pid of the program in the pane, and whether it has exited (`remain-on-exit` keeps the pane).
    public func paneInfo() throws -> (pid: Int32, dead: Bool, status: Int32?) {
        let parts = try display("#{pane_pid} #{pane_dead} #{pane_dead_status}").split(separator: " ").map(String.init)
        let pid = Int32(parts.first ?? "") ?? 0
        let dead = parts.count > 1 && parts[1].hasPrefix("1")
        let status = parts.count > 2 ? Int32(parts[2]) : nil
        return (pid, dead, status)
    }

    public func kill() { _ = try? Self.tmux(["kill-session", "-t", name]) }
}
