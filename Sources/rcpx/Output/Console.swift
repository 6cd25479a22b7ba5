import RCPCore

#if canImport(Glibc)
    import Glibc
    private func sysWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        Glibc.write(fd, buffer, count)
    }
#elseif canImport(Darwin)
    import Darwin
    private func sysWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        Darwin.write(fd, buffer, count)
    }
#endif

/// The process's standard streams, without Foundation: stdout carries only the answer, stderr every message.
///
/// Everything written here passes `visible(_:styles:)`: a control character that reached a message or an
/// answer from an argument, a data file or a checklist is shown escaped (`\e`, `\u{9b}`, …), never sent to
/// the terminal. Only line breaks, tabs and — in styled answers — the SGR sequences of `Look` pass.
enum Console {
    /// Writes `text` to stdout (the caller ends it with a newline). Each answer is written in one go, so there
    /// is no buffer to flush. `styled`: the text carries `Look`'s colour and bold (SGR sequences), which pass.
    static func write(_ text: String, styled: Bool = false) { write(visible(text, styles: styled), to: 1) }

    /// Writes one message line to stderr, prefixed with "rcpx: ".
    static func error(_ message: String) { writeError("rcpx: " + message + "\n") }

    /// Writes `text` to stderr.
    static func writeError(_ text: String) { write(visible(text, styles: false), to: 2) }

    /// `text` with every C0/C1 control character and DEL made visible as `DisplayText.safe` does, except line
    /// feeds, tabs and a carriage return before a line feed (CSV's line ends); with `styles`, also except
    /// SGR sequences (ESC [ digits and semicolons m), which only change colour and emphasis.
    static func visible(_ text: String, styles: Bool) -> String {
        func isKept(_ s: Unicode.Scalar) -> Bool { s == "\n" || s == "\t" }
        guard text.unicodeScalars.contains(where: { DisplayText.isControl($0) && !isKept($0) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if !DisplayText.isControl(s) || isKept(s) || (s == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n")
            {
                out.append(s)
                i += 1
                continue
            }
            if styles && s == "\u{1B}", let end = sgrEnd(scalars, from: i) {
                out.append(contentsOf: scalars[i...end])
                i = end + 1
                continue
            }
            out.append(contentsOf: DisplayText.safe(String(s)).unicodeScalars)
            i += 1
        }
        return String(out)
    }

    /// The index of the "m" ending an SGR sequence that starts at `start` (ESC), or nil.
    private static func sgrEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var j = start + 1
        guard j < scalars.count, scalars[j] == "[" else { return nil }
        j += 1
        while j < scalars.count, scalars[j] == ";" || ("0"..."9").contains(scalars[j]) { j += 1 }
        return j < scalars.count && scalars[j] == "m" ? j : nil
    }

    /// Whether text written may be UTF-8: false when the environment asks for a locale that is not UTF-8
    /// (`LANG=C`, `LC_ALL=POSIX`, `LC_CTYPE=en_US.ISO-8859-1`): then answers are in ASCII, as with `--ascii`.
    /// No locale asked for at all counts as UTF-8 (as in the explorer, which then uses C.UTF-8).
    static let utf8Output: Bool = {
        guard let requested = TerminalLocale.requestedLocale() else { return true }
        return TerminalLocale.claimsUTF8(requested)
    }()

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
