#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// While curses owns the screen, anything written to standard error (a library warning, Swift's
// "Fatal error: …" before a crash) would land in the middle of the drawing and then vanish with the
// alternate screen. So standard error goes to an unlinked temporary file while the explorer runs, and
// is copied to the real standard error once the terminal is given back — by `end()`, or by the crash
// handler, which is why the replay uses only async-signal-safe calls and a buffer allocated beforehand.

/// The temporary file standard error goes to (-1: not capturing).
nonisolated(unsafe) private var captureFD: Int32 = -1
/// A duplicate of the real standard error.
nonisolated(unsafe) private var originalFD: Int32 = -1
nonisolated(unsafe) private var replayBuffer: UnsafeMutableRawPointer?
private let replayBufferSize = 4096

/// Puts the real standard error back and copies what was captured to it. Async-signal-safe; idempotent.
func stderrRestoreAndReplay() {
    let capture = captureFD, original = originalFD
    guard capture >= 0, original >= 0, let buffer = replayBuffer else { return }
    captureFD = -1
    originalFD = -1
    dup2(original, 2)
    close(original)
    lseek(capture, 0, SEEK_SET)
    while true {
        let n = read(capture, buffer, replayBufferSize)
        if n <= 0 { break }
        var off = 0
        while off < n {
            let w = write(2, buffer + off, n - off)
            if w <= 0 { break }
            off += w
        }
    }
    close(capture)
}

enum TerminalStderr {
    /// Starts capturing standard error. Does nothing when no temporary file can be made.
    static func begin() {
        guard captureFD < 0 else { return }
        if replayBuffer == nil {
            replayBuffer = UnsafeMutableRawPointer.allocate(byteCount: replayBufferSize, alignment: 16)
        }
        let dir = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((dir + "/rcpx-stderr-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        fflush(nil)
        let original = dup(2)
        guard original >= 0 else { close(fd); return }
        _ = fcntl(original, F_SETFD, FD_CLOEXEC)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        guard dup2(fd, 2) >= 0 else { close(fd); close(original); return }
        originalFD = original
        captureFD = fd
    }

    /// Stops capturing and prints what was captured.
    static func end() {
        fflush(nil)
        stderrRestoreAndReplay()
    }
}
