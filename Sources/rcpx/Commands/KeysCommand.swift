import ArgumentParser
import RCPCore
import RCPUI

/// `rcpx keys`: the explorer's key bindings, from the one table the explorer itself uses.
struct KeysCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Print the explorer's key bindings.",
        discussion:
            "The same table drives the explorer and its help overlay; `--format markdown` is README-ready.\n\nFormats: \(formatList)."
    )

    static let formats: [OutputFormat] = [.text, .json, .csv, .markdown]

    @OptionGroup var global: GlobalOptions

    func validate() throws { try validateFormat() }

    func run() throws {
        // No catalog needed: keys come from RCPUI.
        let look = Look.forOutput(noColor: global.noColor || global.format != .text, ascii: global.asciiOutput)
        let ascii = global.asciiOutput
        func keys(_ b: KeyBinding) -> String { KeyBindings.keyLabel(b, ascii: ascii) }
        var out = ""
        switch global.format {
        case .text:
            var doc = TextDocument(look)
            for scope in KeyScope.allCases {
                let bindings = KeyBindings.bindings(in: scope)
                if bindings.isEmpty { continue }
                doc.heading(scope.label)
                var table = TextTable([
                    TextColumn(title: "Keys", wraps: true, style: look.accent),
                    TextColumn(title: "What it does", wraps: true),
                ])
                table.showsHeader = false
                table.indent = 2
                for b in bindings { table.add([keys(b), look.text(b.description)]) }
                doc.table(table)
            }
            out = doc.text
        case .json:
            out = JSONOut.array(
                KeyBindings.table.map { b in
                    .object([
                        ("keys", .strings(b.keys.map { $0.label(ascii: ascii) })), ("scope", .string(b.scope.rawValue)),
                        ("action", .string(b.action.rawValue)), ("description", .string(b.description)),
                        ("hint", .string(b.hint)),
                    ])
                }
            ).rendered(asciiOnly: ascii)
        case .csv, .markdown:
            var table = DataTable(header: ["keys", "scope", "action", "description"])
            for b in KeyBindings.table {
                table.rows.append([keys(b), b.scope.rawValue, b.action.rawValue, b.description])
            }
            if global.format == .markdown {
                table = DataTable(
                    header: ["Keys", "Where", "What it does"],
                    rows: KeyBindings.table.map { b in
                        [
                            b.keys.map { "`\($0.label(ascii: ascii))`" }.joined(separator: " "),
                            b.scope.label.lowercased(), b.description,
                        ]
                    })
                out = table.markdown()
            } else {
                out = table.csv()
            }
        }
        Console.write(global.format == .json ? out : look.finish(out), styled: look.color)
    }
}
