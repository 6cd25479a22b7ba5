import CNcurses
import RCPCore
import RCPUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Options for the interactive explorer (the command line fills them in).
struct ExplorerOptions {
    /// `--theme NAME`.
    var theme: ThemeName = .default
    /// `--ascii`: draw with ASCII only even in a UTF-8 locale.
    var ascii: Bool = false
    /// False for `--no-color`; the `NO_COLOR` environment variable and colourless terminals also turn colour off.
    var color: Bool = true
    /// False for `--no-mouse`: leave the terminal's own text selection alone.
    var mouse: Bool = true
    /// `--checklist NAME`: the checklist to open (created when it does not exist yet).
    var checklist: String? = nil
    /// The folder of the checklist files (`DataLocations.checklistDirectory`).
    var checklistDirectory: String = DataLocations.checklistDirectory(dataDir: nil)
}

/// Why the explorer cannot run here, or nil when it can: standard input and output must be a terminal,
/// and TERM must name a terminal type that terminfo knows and that can move the cursor.
func explorerCanStart() -> String? {
    explorerCanStart(
        stdinIsTerminal: isatty(0) != 0, stdoutIsTerminal: isatty(1) != 0,
        term: TerminalEnvironment.term, probe: { rcpx_probe_terminal($0, 1) != 0 })
}

/// The decision itself, with the facts passed in (for tests).
func explorerCanStart(
    stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?,
    probe: (String) -> Bool
) -> String? {
    if !stdoutIsTerminal { return "standard output is not a terminal" }
    if !stdinIsTerminal { return "standard input is not a terminal" }
    guard let term, !term.isEmpty else { return "TERM is not set" }
    if term == "dumb" { return "TERM=dumb cannot show the explorer" }
    if !probe(term) { return "TERM=\(term) is not a terminal type this system knows, or it cannot move the cursor" }
    return nil
}

/// Whether `term` is the Linux console, whose fonts carry Latin letters and lines but not the explorer's
/// glyphs (○ ◇ ★ ◆ ◦ ✓ ◐ ✎): it is drawn with the ASCII set, as for a locale that is not UTF-8.
func consoleLacksGlyphs(_ term: String) -> Bool { term == "linux" || term.hasPrefix("linux-") }

/// How the explorer opens the terminal.
enum TerminalPlan: Equatable {
    /// Start with this terminal type; `fallbackFrom`: the TERM this system does not know, replaced by `term`.
    case start(term: String, fallbackFrom: String?)
    /// Not a place for the explorer (not a terminal, TERM unset or dumb): the process list instead.
    case refuse(String)
    /// TERM names a terminal type this system does not know, and no fallback is installed either.
    case unknownTerm(String)

    /// What the status line says once when the explorer started on a fallback.
    var notice: String? {
        guard case .start(let term, let from?) = self else { return nil }
        return "TERM=\(DisplayText.excerpt(from, limit: 24)) is unknown here: drawing as \(term)."
    }
}

/// Terminal types tried, in order, when TERM names one this system does not know (a terminal's own type,
/// such as xterm-kitty, foot or alacritty, over SSH on a host without its terminfo entry): every common
/// terminal emulator understands what these describe.
let terminalFallbacks = ["xterm-256color", "xterm"]

/// The plan for the environment.
func terminalPlan() -> TerminalPlan {
    terminalPlan(
        stdinIsTerminal: isatty(0) != 0, stdoutIsTerminal: isatty(1) != 0, term: TerminalEnvironment.term,
        probe: { rcpx_probe_terminal($0, 1) != 0 })
}

/// The plan, with the facts passed in (for tests).
func terminalPlan(
    stdinIsTerminal: Bool, stdoutIsTerminal: Bool, term: String?,
    probe: (String) -> Bool
) -> TerminalPlan {
    let why = explorerCanStart(
        stdinIsTerminal: stdinIsTerminal, stdoutIsTerminal: stdoutIsTerminal, term: term,
        probe: probe)
    guard let why else { return .start(term: term ?? "", fallbackFrom: nil) }
    guard let term, !term.isEmpty, term != "dumb", stdinIsTerminal, stdoutIsTerminal else { return .refuse(why) }
    if let fallback = terminalFallbacks.first(where: probe) { return .start(term: fallback, fallbackFrom: term) }
    return .unknownTerm(term)
}

/// Runs the interactive explorer until the user quits or a signal ends it, and gives the terminal back sane
/// in every case. Returns the exit status: 0 on quit, 128 + signal for SIGINT (also Ctrl-C), SIGTERM and
/// SIGHUP, or `RCPXExit.unavailable.rawValue` (without touching the terminal) when it cannot start.
func runExplorer(catalog: Catalog, options: ExplorerOptions) -> Int32 {
    let locale = TerminalLocale.configure()
    guard case .start(let term, _) = terminalPlan() else { return RCPXExit.unavailable.rawValue }
    let notice = terminalPlan().notice

    TerminalSignals.install()
    defer { TerminalSignals.restore() }
    TerminalStderr.begin()
    defer { TerminalStderr.end() }
    let wantColor = options.color && !TerminalEnvironment.noColor
    let screen: TerminalScreen
    do {
        screen = try TerminalScreen(utf8: locale.utf8, wantColor: wantColor, term: term)
    } catch {
        return RCPXExit.unavailable.rawValue
    }

    var ui = UIOptions()
    ui.theme = screen.colorEnabled ? options.theme : .monochrome
    ui.ascii = options.ascii || !locale.utf8 || consoleLacksGlyphs(term)
    ui.mouse = options.mouse
    var state = AppState(catalog: catalog, options: ui, width: screen.size.width, height: screen.size.height)
    if options.mouse { screen.setMouse(true) }
    // The search index and the filter's texts: built in the background once the first frame is out and the
    // terminal is quiet, rather than on the first key of a search.
    var prepared = false

    let checklists = ExplorerChecklists(directory: options.checklistDirectory)
    let program = TerminalProgram(
        update: { App.update(&state, $0) },
        render: { App.render(state, width: $0, height: $1) },
        theme: { state.effectiveTheme },
        carryOut: { checklists.answers($0) },
        idle: {
            if !prepared {
                prepared = true
                Task.detached(priority: .utility) { App.prepare(catalog) }
            }
            return checklists.poll()
        }
    )
    let status = TerminalSession(screen: screen, program: program)
        // The fallback notice comes last, so it is not hidden by what the start-up events had to say.
        .run(
            startEvents: checklists.startEvents(open: options.checklist)
                + (notice.map { [.notice($0, isError: false)] } ?? []))
    screen.close()
    return status
}
