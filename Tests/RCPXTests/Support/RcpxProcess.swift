import Foundation

/// The `rcpx` binary built beside this test bundle.
enum RcpxBinary {
    static var path: String {
        if let override = ProcessInfo.processInfo.environment["RCPX_BINARY"] { return override }
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
        // On Linux the test runner is `<build>/debug/rcpxPackageTests.xctest`; the binary sits beside it.
        if dir.lastPathComponent.hasSuffix(".xctest") { dir = dir.deletingLastPathComponent() }
        return dir.appendingPathComponent("rcpx").path
    }
}

/// The outcome of one run of `rcpx`.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `rcpx` with arguments, optional standard input and extra environment; waits for it to exit.
@discardableResult
func runRcpx(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
             removing: [String] = []) throws -> RunResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: RcpxBinary.path)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = nil
    for key in removing { env[key] = nil }
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe(), err = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    // Read both pipes before waiting so a large output cannot block the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.wait()
    process.waitUntilExit()
    return RunResult(status: process.terminationStatus,
                     stdout: String(decoding: outData, as: UTF8.self),
                     stderr: String(decoding: errData, as: UTF8.self))
}

/// A tmux session running a command at a fixed size, for end-to-end tests of the explorer.
final class TmuxSession {
    let name: String

    /// Starts `command` in a new detached session of `width`×`height` with a UTF-8 locale.
    init(command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        name = "rcpx-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        // Start the server with a clear signal mask first (see `ExplorerTmuxTests.ensureServer`).
        _ = ExplorerTmuxTests.ensureServer()
        var args = ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "-e", "LANG=C.UTF-8"]
        for (k, v) in environment { args += ["-e", "\(k)=\(v)"] }
        args.append(command)
        try TmuxSession.tmux(args)
        try? TmuxSession.tmux(["set-option", "-t", name, "remain-on-exit", "on"])
    }

    deinit { kill() }

    @discardableResult
    static func tmux(_ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["tmux"] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw NSError(domain: "tmux", code: Int(p.terminationStatus),
                          userInfo: [NSLocalizedDescriptionKey: "tmux \(args.joined(separator: " ")) failed"])
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// Sends tmux key names ("Down", "Enter", "C-c") or literal text with `literal: true`.
    func send(_ keys: String..., literal: Bool = false) throws {
        try TmuxSession.tmux(["send-keys", "-t", name] + (literal ? ["-l"] : []) + keys)
    }

    /// The visible screen as plain text (with `escapes`, colours and attributes as escape sequences).
    func capture(escapes: Bool = false) throws -> String {
        try TmuxSession.tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last capture.
    @discardableResult
    func waitFor(timeout: Double = 5, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = try capture()
        while !predicate(screen) && Date() < deadline {
            usleep(50_000)
            screen = try capture()
        }
        return screen
    }

    func resize(width: Int, height: Int) throws {
        try TmuxSession.tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the program in the pane, and whether it has exited (`remain-on-exit` keeps the pane).
    func paneInfo() throws -> (pid: Int32, dead: Bool, status: Int32?) {
        let s = try TmuxSession.tmux(["display-message", "-p", "-t", name,
                                      "#{pane_pid} #{pane_dead} #{pane_dead_status}"])
        let parts = s.split(separator: " ").map(String.init)
        let pid = Int32(parts.first ?? "") ?? 0
        let dead = parts.count > 1 && parts[1].hasPrefix("1")
        let status = parts.count > 2 ? Int32(parts[2].trimmingCharacters(in: .whitespacesAndNewlines)) : nil
        return (pid, dead, status)
    }

    func kill() { _ = try? TmuxSession.tmux(["kill-session", "-t", name]) }
}
