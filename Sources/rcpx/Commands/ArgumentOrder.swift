/// Lets the global options stand before the command: `rcpx --data copy.json show bali`.
///
/// ArgumentParser reads a subcommand's options only after the subcommand's name, and every command declares the
/// global options itself (`GlobalOptions`), so options that lead the command line are moved to its end, where
/// every command (and nested ones such as `checklist set`) reads them.
enum ArgumentOrder {
    /// Global options that take a value.
    static let valued: Set<String> = ["--data", "--format"]
    /// Global flags.
    static let flags: Set<String> = ["--ascii", "--no-color"]

    /// `arguments` (without the program name) with leading global options moved after the command's own words;
    /// unchanged when nothing needs moving, when no known command follows, or when `--` is used.
    static func globalOptionsLast(_ arguments: [String], commands: Set<String>) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = String(word.prefix { $0 != "=" })
            if flags.contains(word) {
                leading.append(word)
                index += 1
            } else if valued.contains(name) {
                if word.contains("=") {
                    leading.append(word)
                    index += 1
                } else if index + 1 < arguments.count {
                    leading += [word, arguments[index + 1]]
                    index += 2
                } else {
                    return arguments
                }
            } else {
                break
            }
        }
        guard !leading.isEmpty, index < arguments.count, commands.contains(arguments[index]),
            !arguments.contains("--")
        else { return arguments }
        return Array(arguments[index...]) + leading
    }
}
