#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder under /tmp named `prefix-XXXXXX`, for the files one test or bench run writes.
public func makeScratchDirectory(_ prefix: String = "rcpx-test") throws -> String {
    var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
    guard let p = mkdtemp(&template) else { throw SpawnError(path: "mkdtemp", code: errno) }
    return String(cString: p)
}

/// Removes a folder made by `makeScratchDirectory` with everything in it (nothing outside /tmp).
public func removeScratchDirectory(_ path: String) {
    guard path.hasPrefix("/tmp/"), !path.contains("/../") else { return }
    _ = try? runChild("/bin/rm", ["-rf", path])
}

/// The `rcpx` binary the tests and the bench drive: `RCPX_BINARY` when set, else the one built beside the
/// running executable (the test bundle `<build>/debug/rcpxPackageTests.xctest` or `rcpx-bench`).
public var rcpxBinaryPath: String {
    if let override = getenv("RCPX_BINARY") { return String(cString: override) }
    return executableDirectory() + "/rcpx"
}

/// The folder of the running executable (of the test bundle, on Linux, when it runs one).
public func executableDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let exe = n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    var dir = parentDirectory(exe)
    if dir.hasSuffix(".xctest") { dir = parentDirectory(dir) }
    return dir
}

/// The folder a path is in.
public func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}
