import RCPTestSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Spawning, pseudo-terminals and scratch folders come from RCPTestSupport (shared with the tests); these
// wrappers end the bench with a message where a test would throw.

/// `runChild` of RCPTestSupport: standard input from /dev/null, standard output to /dev/null or (with
/// `capture`) into the result, standard error to /dev/null or (with `showErrors`) to the bench's. Ends the
/// bench when the program cannot be started.
func mustRun(
    _ path: String, _ arguments: [String], environment env: [String], capture: Bool = false,
    showErrors: Bool = false
) -> ChildResult {
    do { return try runChild(path, arguments, environment: env, capture: capture, showErrors: showErrors) } catch {
        fatal("\(error)")
    }
}

/// `path` on a new pseudo-terminal of `columns`×`rows`; ends the bench when it cannot be started.
func mustStartPty(_ path: String, _ arguments: [String], environment env: [String], columns: Int, rows: Int) -> PtyChild
{
    do { return try PtyChild(path, arguments, environment: env, columns: columns, rows: rows) } catch {
        fatal("\(error)")
    }
}

/// Peak RSS of a short-lived command, measured by GNU time (`/usr/bin/time -f %M`): a small C program that
/// forks the command, so the command's `ru_maxrss` does not include pages of the bench (a child spawned by
/// the bench itself inherits the bench's resident set size as its high-water mark before exec). Nil
/// without GNU time.
func peakRSSWithTime(_ path: String, _ arguments: [String], environment env: [String], scratch: String) -> Int? {
    let time = "/usr/bin/time"
    guard access(time, X_OK) == 0 else { return nil }
    let out = scratch + "/time-rss"
    let r = mustRun(time, ["-f", "%M", "-o", out, path] + arguments, environment: env)
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

/// How `binary` has the Swift runtime: "static" (linked in, `--static-swift-stdlib`: the binary the README has
/// people copy to laptops and servers), "shared" (from the toolchain's libraries: `swift run`), or "unknown"
/// without `ldd`. Start-up and memory differ by a few milliseconds and megabytes between the two.
func swiftRuntimeLinkage(_ binary: String) -> String {
    guard let ldd = which("ldd") else { return "unknown" }
    let r = mustRun(ldd, [binary], environment: childEnvironment(set: [:]), capture: true)
    guard r.exitedNormally else { return "unknown" }
    return r.stdout.contains("libswiftCore.so") ? "shared" : "static"
}

func fatal(_ message: String) -> Never {
    note("rcpx-bench: " + message)
    exit(2)
}
