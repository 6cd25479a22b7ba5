#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The outcome of one run of a program: its status as a shell reports it (the exit code, or 128 + the signal)
/// and its output.
public struct RunResult {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Runs `path` with `arguments`, `stdin` as its standard input (else /dev/null), this process's environment
/// without NO_COLOR and the `removing` variables, plus `environment`; waits for it and returns its output.
@discardableResult
public func runProgram(
    _ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    removing: [String] = []
) throws -> RunResult {
    let env = childEnvironment(set: environment, unset: ["NO_COLOR"] + removing)
    let r = try runChild(
        path, arguments, environment: env, input: stdin.map { Array($0.utf8) }, capture: true,
        captureErrors: true)
    return RunResult(status: r.status.shellStatus, stdout: r.stdout, stderr: r.stderr)
}

/// Runs the built `rcpx` (see `rcpxBinaryPath`) like `runProgram`.
@discardableResult
public func runRcpx(
    _ arguments: [String], stdin: String? = nil, environment: [String: String] = [:],
    removing: [String] = []
) throws -> RunResult {
    try runProgram(rcpxBinaryPath, arguments, stdin: stdin, environment: environment, removing: removing)
}
