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
    let exe =
        n > 0 ? String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    var dir = parentDirectory(exe)
    if dir.hasSuffix(".xctest") { dir = parentDirectory(dir) }
    return dir
}

/// The folder a path is in.
public func parentDirectory(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

/// The locks being waited for, from /proc/locks: for each waiting request (a "N: -> FLOCK …" line), the pid
/// of the waiting process and the inode of the file. Lets a test act at a known point: once a program waits
/// for a lock the test holds. Empty where /proc/locks is missing.
public func lockWaiters() -> [(pid: Int32, inode: UInt64)] {
    guard let f = fopen("/proc/locks", "r") else { return [] }
    defer { fclose(f) }
    var out: [(pid: Int32, inode: UInt64)] = []
    var line = [CChar](repeating: 0, count: 512)
    while fgets(&line, Int32(line.count), f) != nil {
        let s = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        // "2: -> FLOCK  ADVISORY  WRITE 1234 fe:00:16220273 0 EOF"
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\n" })
        guard words.count > 6, words[1] == "->", let pid = Int32(words[5]),
            let inode = words[6].split(separator: ":").last.flatMap({ UInt64($0) })
        else { continue }
        out.append((pid, inode))
    }
    return out
}

/// The inode of the file at `path` (nil when there is none).
public func inode(of path: String) -> UInt64? {
    var st = stat()
    guard stat(path, &st) == 0 else { return nil }
    return UInt64(st.st_ino)
}
