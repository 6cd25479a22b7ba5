import ArgumentParser
import RCPCore
import RCPText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The command line on its way to ArgumentParser and back: arguments that are not UTF-8 and mistyped command
/// names are answered here, and every message ArgumentParser writes goes through `Console` (control
/// characters of the arguments it quotes made visible).
enum EntryPoint {
    /// Parses and runs `root` with the process's arguments; exits.
    static func main<Root: ParsableCommand>(_ root: Root.Type, commands: [String]) -> Never {
        let raw = rawArguments()
        if let (position, bytes) = raw.enumerated().lazy.compactMap({ i, a in isUTF8(a) ? nil : (i + 1, a) }).first {
            // "\xFF" for each byte that is not UTF-8; the encoding of the terminal or script is to be checked.
            Console.error("argument \(position) is not valid UTF-8: \"\(showBytes(bytes))\". Give names in UTF-8.")
            exit(RCPXExit.usage.rawValue)
        }
        let arguments = raw.map { String(decoding: $0, as: UTF8.self) }
        if let word = unknownCommand(arguments, commands: Set(commands)) {
            Console.error(unknownCommandMessage(word, commands: commands))
            exit(RCPXExit.usage.rawValue)
        }
        let ordered = ArgumentOrder.globalOptionsLast(arguments, commands: Set(commands))
        do {
            var command = try root.parseAsRoot(ordered)
            try command.run()
            exit(0)
        } catch let status as RCPXExit {
            exit(status.rawValue)  // the command has said why on stderr
        } catch {
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { Console.write(message + "\n") } else { Console.writeError(message + "\n") }
            }
            exit(code.rawValue)
        }
    }

    /// The arguments as the kernel passed them (without the program name): Swift's `CommandLine.arguments`
    /// has already repaired invalid UTF-8 with U+FFFD, so a mangled name would be looked up as something else.
    static func rawArguments() -> [[UInt8]] {
        (1..<Int(CommandLine.argc)).map { i in
            guard let p = CommandLine.unsafeArgv[i] else { return [] }
            return Array(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self),
                    count: strlen(p)))
        }
    }

    static func isUTF8(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// The bytes as text where they are UTF-8, `\xFF` where not; controls made visible; cut when long.
    static func showBytes(_ bytes: [UInt8]) -> String {
        var out = ""
        var i = 0
        while i < bytes.count && out.count < 60 {
            let b = bytes[i]
            let length =
                b < 0x80
                ? 1
                : (0xC2...0xDF).contains(b)
                    ? 2
                    : (0xE0...0xEF).contains(b)
                        ? 3
                        : (0xF0...0xF4).contains(b) ? 4 : 0
            if length > 0, i + length <= bytes.count,
                let s = String(validating: bytes[i..<(i + length)], as: UTF8.self)
            {
                out += DisplayText.safe(s)
                i += length
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                i += 1
            }
        }
        if i < bytes.count { out += Console.utf8Output ? "…" : "~" }
        return out
    }

    /// The first word of the command line when it should name a command and names none ("shwo"): the default
    /// command (`explore`) takes no words, so any word in front is meant as a command. Nil when the words
    /// start with a command, an option, or there are none.
    static func unknownCommand(_ arguments: [String], commands: Set<String>) -> String? {
        var i = 0
        while i < arguments.count {
            let word = arguments[i]
            if word == "--" { return nil }
            if word.hasPrefix("-") {
                // Only the global options may stand before the command; after any other option the words
                // are ArgumentParser's to judge (`--theme high-contrast`).
                let name = String(word.prefix { $0 != "=" })
                if ArgumentOrder.flags.contains(word) { i += 1; continue }
                if ArgumentOrder.valued.contains(name) { i += word.contains("=") ? 1 : 2; continue }
                return nil
            }
            return commands.contains(word) || word == "help" ? nil : word
        }
        return nil
    }

    /// "unknown command "shwo". Did you mean `rcpx show`?" and the list of commands.
    static func unknownCommandMessage(_ word: String, commands: [String]) -> String {
        var text = "unknown command \"\(echo(word))\"."
        let close = closeCommands(word, commands)
        if !close.isEmpty { text += " Did you mean " + close.map { "`rcpx \($0)`" }.joined(separator: " or ") + "?" }
        let list = "Commands: " + commands.joined(separator: ", ") + ". `rcpx --help` explains each."
        for row in TextWrap.lines(list, width: 80, hangingIndent: 2) { text += "\n" + row }
        return text
    }

    /// The commands within a small edit distance of `word` (or that it starts), closest first.
    static func closeCommands(_ word: String, _ commands: [String]) -> [String] {
        let typed = Array(word.lowercased().unicodeScalars)
        guard !typed.isEmpty, typed.count <= 40 else { return [] }
        let limit = typed.count <= 4 ? 1 : 2
        let scored = commands.compactMap { name -> (Int, String)? in
            let d = distance(typed, Array(name.unicodeScalars))
            if d <= limit { return (d, name) }
            if typed.count >= 2 && name.hasPrefix(word.lowercased()) { return (limit + 1, name) }
            return nil
        }
        return scored.sorted { $0 < $1 }.prefix(2).map(\.1)
    }

    /// Edit distance with transpositions of neighbours ("shwo" → "show" is 1).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var rows = [Array(0...b.count), Array(0...b.count), Array(0...b.count)]  // two back, previous, current
        for i in 1...a.count {
            rows[2][0] = i
            for j in 1...b.count {
                var d = min(rows[1][j] + 1, rows[2][j - 1] + 1, rows[1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d = min(d, rows[0][j - 2] + 1) }
                rows[2][j] = d
            }
            rows = [rows[1], rows[2], rows[0]]
        }
        return rows[1][b.count]
    }
}
