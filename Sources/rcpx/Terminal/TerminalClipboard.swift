#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Copies text to the clipboard of the terminal the user sits at, with OSC 52 — which travels over SSH.
///
/// Inside tmux the plain sequence reaches tmux, which keeps it as a paste buffer and passes it on to the
/// outer terminal when `set-clipboard` is on; the same sequence is also sent wrapped in tmux's DCS
/// passthrough, which reaches the outer terminal directly when `allow-passthrough` is on. Either alone
/// suffices; tmux drops what it is not configured to accept.
enum TerminalClipboard {
    /// Terminals cap OSC 52 payloads (xterm: about 100 kB of base64); longer text is cut at a character.
    static let maxBytes = 74_000

    static func sequences(for text: String, insideTmux: Bool) -> [String] {
        var bytes = Array(text.utf8)
        if bytes.count > maxBytes {
            // Cut at a character boundary.
            var end = maxBytes
            while end > 0 && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
            bytes = Array(bytes[..<end])
        }
        let osc = "\u{1B}]52;c;" + base64(bytes) + "\u{1B}\\"
        guard insideTmux else { return [osc] }
        // tmux passthrough: ESC P tmux; <sequence with every ESC doubled> ESC \
        let wrapped = "\u{1B}Ptmux;" + osc.replacingEscapes() + "\u{1B}\\"
        return [osc, wrapped]
    }

    /// Writes the sequences to the terminal (standard output, which the explorer has checked is one).
    static func copy(_ text: String) {
        let insideTmux = (getenv("TMUX").map { String(cString: $0) } ?? "").isEmpty == false
        for seq in sequences(for: text, insideTmux: insideTmux) {
            writeAll(1, Array(seq.utf8))
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n > 0 { offset += n } else if n < 0 && errno == EINTR { continue } else { return }
        }
    }

    static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], table[Int(n & 63)]]
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            out += [table[Int(n >> 18 & 63)], table[Int(n >> 12 & 63)], table[Int(n >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: out, as: UTF8.self)
    }
}

private extension String {
    func replacingEscapes() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for ch in unicodeScalars {
            if ch == "\u{1B}" { out += "\u{1B}\u{1B}" } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
