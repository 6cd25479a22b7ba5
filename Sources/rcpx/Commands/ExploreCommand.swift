import ArgumentParser
import RCPCore
import RCPUI

/// `rcpx` / `rcpx explore`: the interactive explorer on a terminal; the process list anywhere else.
struct ExploreCommand: LookupCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Open the explorer (the default); prints the process list when not in a terminal.",
        discussion: """
            The explorer needs stdin and stdout to be a terminal. Otherwise (a pipe, a file, a script) rcpx \
            prints the process list, as `rcpx list` does, and a one-line hint on stderr.

            Formats: the formats of `list` (when it prints the list).
            """
    )

    static let formats: [OutputFormat] = ListCommand.formats

    @OptionGroup var global: GlobalOptions

    @Option(
        name: .long, help: ArgumentHelp("Colour theme: default, high-contrast or monochrome.", valueName: "theme"),
        completion: .list(ThemeName.allCases.map(\.rawValue)))
    var theme: ThemeName = .default

    @Flag(name: .customLong("no-mouse"), help: "Leave the mouse to the terminal (text selection).")
    var noMouse = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Open this practice checklist (created when it does not exist).",
            valueName: "name"))
    var checklist: String?

    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "rcpx's data folder; checklists are kept in DIR/checklists (as for `rcpx checklist`).",
            valueName: "dir"),
        completion: .directory)
    var dataDir: String?

    func validate() throws { try validateFormat() }

    func run() throws {
        var hint: String? = nil
        if global.format == .text {
            let plan = terminalPlan()
            if case .unknownTerm(let term) = plan {
                Console.error(
                    "TERM=\(echo(term)) is unknown here, and so are "
                        + terminalFallbacks.joined(separator: " and ") + ".")
                Console.error(
                    "install the terminal's terminfo entry, or run `TERM=xterm-256color rcpx` on a host "
                        + "with it.")
                throw RCPXExit.unavailable
            }
            if case .refuse(let why) = plan {
                hint =
                    why.hasSuffix("is not a terminal")
                    ? "not a terminal (\(Console.stdoutIsTerminal ? "stdin" : "stdout") is "
                        + "\(Console.describe(Console.stdoutIsTerminal ? 0 : 1)))"
                    : "the explorer cannot start (\(why))"
            } else {
                let catalog = try DataLocations.catalog(dataFile: global.data)
                var options = ExplorerOptions()
                options.theme = theme
                options.ascii = global.ascii
                options.color = !global.noColor
                options.mouse = !noMouse
                options.checklist = checklist
                options.checklistDirectory = DataLocations.checklistDirectory(dataDir: dataDir)
                let status = runExplorer(catalog: catalog, options: options)
                if status != RCPXExit.unavailable.rawValue {
                    if status != RCPXExit.success.rawValue { throw ExitCode(status) }  // 128 + a signal
                    return
                }
                hint = "the explorer could not start on this terminal"
            }
        }
        let session = try Session(global)
        try ListCommand.answer(session, region: nil)
        if let hint { Console.error("\(hint); showing the process list. Try `rcpx --help`.") }
    }
}

extension ThemeName: ExpressibleByArgument {}
