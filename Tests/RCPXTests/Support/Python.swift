import RCPTestSupport

/// Runs `python3 -c script args…` (the tests' independent XML and HTML checks); returns its exit status, its
/// standard output and its standard error. python3 is on every machine of this project (see docs).
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let r = try runProgram("/usr/bin/env", ["python3", "-c", script] + arguments)
    return (r.status, r.stdout, r.stderr)
}
