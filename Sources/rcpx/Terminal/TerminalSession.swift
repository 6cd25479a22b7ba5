import CNcurses
import RCPUI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the terminal loop drives: the reducer and the view, behind closures so the loop knows nothing of
/// the UI state's shape.
struct TerminalProgram {
    /// Feeds one event to the reducer; returns the effects to carry out.
    var update: (InputEvent) -> [Effect]
    /// Renders a frame of the given size.
    var render: (_ width: Int, _ height: Int) -> Grid
    /// The theme the UI wants now (presentation mode may switch it).
    var theme: () -> ThemeName
    /// Carries out an effect the terminal does not handle itself (the checklist store); returns the events
    /// that answer it, fed back to the reducer.
    var carryOut: (Effect) -> [InputEvent] = { _ in [] }
    /// Called about once a second while no key arrives (another rcpx's checklist saves); its events go to
    /// the reducer.
    var idle: () -> [InputEvent] = { [] }
}

/// The interactive loop: read input, update, draw; signals, resizes, suspends and effects.
final class TerminalSession {
    /// Longest wait in `wget_wch` before the loop looks at the signal flags again.
    static let pollMilliseconds: Int32 = 100
    /// After a KEY_RESIZE, how long to wait for another before drawing at the final size.
    static let resizeSettleMilliseconds: Int32 = 15
    /// At most this many queued events are handled before a frame is drawn.
    static let maxEventsPerFrame = 64
    /// How often, while idle, the program is asked whether something changed outside (`TerminalProgram.idle`).
    static let idleMilliseconds: Int64 = 1000
    private var lastIdle: Int64 = 0

    private let screen: TerminalScreen
    private let program: TerminalProgram
    /// A key read while settling a resize, handled after it.
    private var stash: (status: Int32, code: UInt32)?
    private var quickErrors = 0
    /// Whether the left mouse button is down (see `TerminalKeys.mouseEvents`).
    private var buttonDown = false
    /// Reads escape sequences terminfo does not know whole (see `EscapeSequenceParser`).
    private var keys: EscapeSequenceParser

    init(screen: TerminalScreen, program: TerminalProgram) {
        self.screen = screen
        self.program = program
        self.keys = EscapeSequenceParser(utf8: screen.utf8)
    }

    /// Runs until quit, a terminating signal, or the terminal going away; returns the exit status.
    /// `startEvents` go to the reducer after the first `.resize`, before the first frame.
    func run(startEvents: [InputEvent] = []) -> Int32 {
        // The reducer learns the size first.
        let size = screen.size
        var status: Int32? = handle(
            [.input(.resize(width: size.width, height: size.height))]
                + startEvents.map { .input($0) })
        var dirty = true
        while status == nil {
            switch TerminalSignals.poll() {
            case .terminate(let sig): status = 128 + sig; continue
            case .suspend: suspend(); dirty = true
            case .resumed:
                // Continued after someone else's SIGSTOP. In the background (`kill -CONT` without `fg`) the
                // shell owns the terminal: leave it alone; `fg` sends SIGCONT again.
                if tcgetpgrp(0) == getpgrp() { screen.reenter(); dirty = true }
            case .none: break
            }
            if dirty {
                draw()
                dirty = false
            }
            let events = readEvents()
            guard let events else {
                // The terminal is gone (read errors without waiting, stdin no longer a terminal).
                status = 128 + SIGHUP
                break
            }
            if events.isEmpty {
                let now = monotonicMilliseconds()
                if now - lastIdle >= Self.idleMilliseconds {
                    lastIdle = now
                    let found = program.idle()
                    if !found.isEmpty { status = handle(found.map { .input($0) }); dirty = true }
                }
                continue
            }
            status = handle(events)
            dirty = true
        }
        return status ?? 0
    }

    // MARK: - Input

    private enum Read {
        case input(RawInput)
        case timeout
        case gone
    }

    private func readOne(timeout: Int32) -> Read {
        let raw: (status: Int32, code: UInt32)
        if let s = stash {
            stash = nil
            raw = s
        } else {
            screen.setTimeout(timeout)
            let started = monotonicMilliseconds()
            raw = screen.read()
            if raw.status == ERR {
                // A timeout waits; a dead terminal answers at once, again and again.
                if timeout > 0 && monotonicMilliseconds() - started < Int64(timeout) / 2 && isatty(0) == 0 {
                    return .gone
                }
                if timeout > 0 && monotonicMilliseconds() - started < 2 {
                    quickErrors += 1
                    if quickErrors > 200 { return .gone }
                } else {
                    quickErrors = 0
                }
                return .timeout
            }
        }
        quickErrors = 0
        guard let input = RawInput(status: raw.status, code: raw.code) else { return .timeout }
        return .input(input)
    }

    /// An event for the reducer, or a key the loop handles itself.
    private enum LoopEvent: Equatable {
        case input(InputEvent)
        /// Ctrl-Z (a key in raw mode): suspend.
        case suspend
        /// Ctrl-L: repaint everything.
        case repaint
    }

    /// The events waiting now: blocks up to the poll interval for the first, then takes what is queued.
    /// A burst of resizes becomes one `.resize` at the final size. Nil when the terminal is gone.
    private func readEvents() -> [LoopEvent]? {
        var events: [LoopEvent] = []
        var timeout = Self.pollMilliseconds
        while events.count < Self.maxEventsPerFrame {
            let decoded: [TerminalInput]
            switch readOne(timeout: keys.pendingWait ?? timeout) {
            case .gone:
                return events.isEmpty ? nil : events
            case .timeout:
                // An open escape sequence ends here (a lone Esc becomes Esc); otherwise nothing more is queued.
                guard keys.isPending else { return events }
                decoded = keys.feed(.timeout)
            case .input(let raw):
                decoded = keys.feed(raw)
            }
            for input in decoded {
                switch input {
                case .event(let e): events.append(.input(e))
                case .mouse:
                    if let m = screen.mouseReport() {
                        events += TerminalKeys.mouseEvents(
                            buttonState: m.state, x: m.x, y: m.y,
                            buttonDown: &buttonDown
                        ).map { .input($0) }
                    }
                case .resize:
                    settleResize()
                    screen.invalidate()
                    let size = screen.size
                    events.append(.input(.resize(width: size.width, height: size.height)))
                // Ctrl-C goes to the reducer: it cancels a text box, and outside one it asks to leave.
                case .interrupt: events.append(.input(.key(.ctrl("c"))))
                case .suspend: events.append(.suspend)
                case .repaint: events.append(.repaint)
                case .ignored: break
                }
            }
            // After the first, take only what is already queued.
            timeout = 0
        }
        return events
    }

    /// Waits out a burst of KEY_RESIZE; a different key read meanwhile is kept for later.
    private func settleResize() {
        let deadline = monotonicMilliseconds() + 500
        while monotonicMilliseconds() < deadline {
            screen.setTimeout(Self.resizeSettleMilliseconds)
            let raw = screen.read()
            if raw.status == ERR { return }
            if raw.status == KEY_CODE_YES && Int32(bitPattern: raw.code) == KEY_RESIZE { continue }
            stash = raw
            return
        }
    }

    // MARK: - Events and effects

    /// Feeds events to the reducer and carries out the effects; returns an exit status to stop.
    private func handle(_ events: [LoopEvent]) -> Int32? {
        for event in events {
            // A signal stops the queue between two events — never inside one, so a save always completes.
            if let sig = TerminalSignals.terminationRequested { return 128 + sig }
            switch event {
            case .suspend:
                if !TerminalSignals.suspendIgnored { suspend() }
            case .repaint:
                // Whatever wrote over the screen (a `wall` message, a stray process): everything is sent again.
                screen.invalidate()
            case .input(let input):
                for effect in program.update(input) {
                    if let status = perform(effect) { return status }
                }
            }
        }
        return nil
    }

    private func perform(_ effect: Effect, depth: Int = 0) -> Int32? {
        switch effect {
        case .quit:
            return 0
        case .interrupt:
            return 128 + SIGINT
        case .copyToClipboard(let text):
            TerminalClipboard.copy(text)
        case .setMouseCapture(let on):
            screen.setMouse(on)
        default:
            // The store's effects: the answer goes back to the reducer, whose own effects follow (bounded,
            // in case an answer kept asking for more).
            guard depth < 8 else { break }
            for answer in program.carryOut(effect) {
                for next in program.update(answer) {
                    if let status = perform(next, depth: depth + 1) { return status }
                }
            }
        }
        return nil
    }

    // MARK: - Drawing and suspending

    private func draw() {
        let (w, h) = screen.size
        // The palette picks the colours (monochrome when colour is off); the screen only applies them.
        screen.draw(program.render(w, h), theme: Theme.named(program.theme(), palette: screen.palette))
    }

    /// Ctrl-Z: give the terminal back, stop, and on `fg` repaint everything.
    private func suspend() {
        endwin()
        TerminalSignals.setCursesActive(false)
        TerminalSignals.stopUntilContinued()
        // Changes the user made to the terminal modes while we were stopped stick for when we leave.
        def_shell_mode()
        TerminalSignals.setCursesActive(true)
        screen.reenter()
        // (A resize while we were stopped arrives as KEY_RESIZE on the next read.)
        let size = screen.size
        _ = handle([.input(.resize(width: size.width, height: size.height))])
    }
}

func monotonicMilliseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
}
