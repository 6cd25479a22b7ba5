#if canImport(Glibc)
import Glibc
private func sysWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
#elseif canImport(Darwin)
import Darwin
private func sysWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
#endif

/// The process's standard streams, without Foundation: stdout carries only the answer, stderr every message.
enum Console {
    /// Writes `text` to stdout as it is (the caller ends it with a newline). Each answer is written in one go,
    /// so there is no buffer to flush.
    static func write(_ text: String) { write(text, to: 1) }

    /// Writes one message line to stderr, prefixed with "rcpx: ".
    static func error(_ message: String) { writeError("rcpx: " + message + "\n") }

    /// Writes `text` to stderr as it is.
    static func writeError(_ text: String) { write(text, to: 2) }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { buffer in
            guard var base = buffer.baseAddress else { return }
            var left = buffer.count
            while left > 0 {
                let n = sysWrite(fd, base, left)
                if n < 0 {
                    if errno == EINTR { continue }
                    return  // EPIPE (the reader went away) or a closed stream: nothing more to say
                }
                base += n
                left -= n
            }
        }
    }

    static var stdinIsTerminal: Bool { isatty(0) == 1 }
    static var stdoutIsTerminal: Bool { isatty(1) == 1 }

    /// What a standard stream is connected to, for messages: "a pipe", "a file", "/dev/null", ….
    static func describe(_ fd: Int32) -> String {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return "closed" }
        switch info.st_mode & S_IFMT {
        case S_IFIFO: return "a pipe"
        case S_IFREG: return "a file"
        case S_IFSOCK: return "a socket"
        case S_IFCHR: return isatty(fd) == 1 ? "a terminal" : "a device"
        default: return "not a terminal"
        }
    }

    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        return String(cString: value)
    }

    /// The width of the terminal on stdout, or nil when stdout is not a terminal.
    static func terminalColumns() -> Int? {
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        #if canImport(Glibc)
        let request = UInt(TIOCGWINSZ)
        #else
        let request = TIOCGWINSZ
        #endif
        guard ioctl(1, request, &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
