import Foundation

/// Runs `python3 -c script args…` (the tests' independent XML and HTML checks); returns its exit status, its
/// standard output and its standard error. python3 is on every machine of this project (see docs).
func runPython(_ script: String, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let python = Process()
    python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    python.arguments = ["python3", "-c", script] + arguments
    let out = Pipe(), err = Pipe()
    python.standardOutput = out
    python.standardError = err
    try python.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    let errors = err.fileHandleForReading.readDataToEndOfFile()
    python.waitUntilExit()
    return (python.terminationStatus, String(decoding: data, as: UTF8.self), String(decoding: errors, as: UTF8.self))
}
