import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// Signal handling for the explorer.
//
// The handlers for SIGINT, SIGTERM, SIGHUP, SIGTSTP and SIGCONT only store a number in a flag (a plain
// Int32 store: async-signal-safe). The main loop polls the flags between reads (`wget_wch` waits at most
// 100 ms, and a signal interrupts the wait), leaves the loop, calls `endwin()` and exits with 128 + signal —
// so a checklist being saved finishes its write first. Crash signals get a handler that gives the terminal
// back (`endwin()`), prints what went to standard error meanwhile (Swift's "Fatal error: …" line; see
// `TerminalStderr`), and re-raises with the default action — or with the previous one (Swift's backtracer)
// when SWIFT_BACKTRACE is set: its interactive prompt would otherwise hold a crashed explorer for 30 s.
// SIGWINCH is left to ncurses (it installs its own handler only while ours is not there, and turns the
// signal into KEY_RESIZE).

/// The last terminating signal received (0: none).
nonisolated(unsafe) private var pendingTermination: Int32 = 0
/// Set by SIGTSTP (a `kill -TSTP`; the Ctrl-Z key arrives as a key in raw mode).
nonisolated(unsafe) private var pendingSuspend: Int32 = 0
/// Set by SIGCONT: the shell may have changed the terminal while we were stopped.
nonisolated(unsafe) private var pendingContinue: Int32 = 0
/// Whether curses owns the terminal (the crash handler calls endwin only then).
nonisolated(unsafe) private var cursesActive: Int32 = 0

private let crashSignals: [Int32] = [SIGABRT, SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE]
private let terminationSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

/// The actions in force before ours, restored when the explorer ends (and by the crash handler).
nonisolated(unsafe) private var savedActions: [sigaction] = Array(repeating: sigaction(), count: 65)
nonisolated(unsafe) private var savedMask = [Bool](repeating: false, count: 65)
/// Whether the crash handler hands over to the previous handler rather than the default action.
nonisolated(unsafe) private var keepPreviousCrashAction = false

private func terminationHandler(_ sig: Int32) {
    pendingTermination = sig
}

private func suspendHandler(_ sig: Int32) {
    pendingSuspend = 1
}

private func continueHandler(_ sig: Int32) {
    pendingContinue = 1
}

private func crashHandler(_ sig: Int32) {
    if cursesActive != 0 {
        cursesActive = 0
        endwin()
    }
    stderrRestoreAndReplay()
    // Re-raise with the default action (or the previous one): returning from a fault handler re-executes
    // the faulting instruction, which then takes that action too.
    if keepPreviousCrashAction && sig >= 0 && sig < 65 && savedMask[Int(sig)] {
        var old = savedActions[Int(sig)]
        sigaction(sig, &old, nil)
    } else {
        signal(sig, SIG_DFL)
    }
    raise(sig)
}

enum TerminalSignals {
    /// What the main loop should do after polling.
    enum Pending: Equatable {
        case none
        case terminate(Int32)
        case suspend
        case resumed
    }

    /// Whether SIGTSTP was ignored when we started (a shell without job control): then we do not suspend.
    nonisolated(unsafe) private(set) static var suspendIgnored = false

    /// Installs the handlers. Call before `newterm`, so ncurses does not install its own SIGINT/SIGTERM/SIGTSTP.
    static func install() {
        // Touch the globals first so their lazy initialization never runs inside a handler.
        pendingTermination = 0
        pendingSuspend = 0
        pendingContinue = 0
        cursesActive = 0
        savedActions[0] = sigaction()
        savedMask[0] = false
        keepPreviousCrashAction = getenv("SWIFT_BACKTRACE") != nil
        stderrRestoreAndReplay()  // (initializes the capture's globals too)

        // A parent may hand us a blocked signal mask (a tmux server started from a thread that blocks
        // signals passes it to every pane): unblock what we rely on, SIGWINCH included, or resizes and
        // SIGTERM would never arrive.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in terminationSignals + crashSignals + [SIGTSTP, SIGCONT, SIGWINCH] { sigaddset(&unblock, sig) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)

        // ncurses turns SIGWINCH into KEY_RESIZE only when it finds the default action there; a parent that
        // ignored it would leave the explorer blind to resizes.
        if currentAction(SIGWINCH) == .ignored { signal(SIGWINCH, SIG_DFL) }

        for sig in terminationSignals {
            // A signal ignored on entry (nohup, `&` in a script) stays ignored.
            if currentAction(sig) == .ignored { continue }
            set(sig, terminationHandler)
        }
        if currentAction(SIGTSTP) == .ignored {
            suspendIgnored = true
        } else {
            set(SIGTSTP, suspendHandler)
        }
        set(SIGCONT, continueHandler)
        for sig in crashSignals {
            set(sig, crashHandler, nodefer: true)
        }
    }

    /// Puts back every action we replaced.
    static func restore() {
        for sig in 1..<65 where savedMask[sig] {
            var old = savedActions[sig]
            sigaction(Int32(sig), &old, nil)
            savedMask[sig] = false
        }
    }

    static func setCursesActive(_ active: Bool) {
        cursesActive = active ? 1 : 0
    }

    /// The terminating signal received, if any (not cleared: the loop leaves on it).
    static var terminationRequested: Int32? {
        pendingTermination != 0 ? pendingTermination : nil
    }

    /// Reads and clears the flags; termination wins over the others.
    static func poll() -> Pending {
        if pendingTermination != 0 { return .terminate(pendingTermination) }
        if pendingSuspend != 0 {
            pendingSuspend = 0
            pendingContinue = 0
            return .suspend
        }
        if pendingContinue != 0 {
            pendingContinue = 0
            return .resumed
        }
        return .none
    }

    /// Stops the process (and its process group, as the terminal's Ctrl-Z would) with the default action of
    /// SIGTSTP, returning when it is continued. The caller has already given the terminal back (`endwin`).
    static func stopUntilContinued() {
        var dfl = sigaction()
        dfl.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&dfl.sa_mask)
        var ours = sigaction()
        sigaction(SIGTSTP, &dfl, &ours)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
        kill(0, SIGTSTP)
        // … stopped; a SIGCONT brings us back here.
        sigaction(SIGTSTP, &ours, nil)
        pendingSuspend = 0
        pendingContinue = 0
    }

    // MARK: - Helpers

    private enum Disposition { case ignored, other }

    private static func currentAction(_ sig: Int32) -> Disposition {
        var old = sigaction()
        sigaction(sig, nil, &old)
        // SIG_IGN is the function pointer value 1.
        if let h = old.__sigaction_handler.sa_handler,
            unsafeBitCast(h, to: Int.self) == 1
        {
            return .ignored
        }
        return .other
    }

    private static func set(
        _ sig: Int32, _ handler: @escaping @convention(c) (Int32) -> Void,
        nodefer: Bool = false
    ) {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = handler
        sigemptyset(&action.sa_mask)
        // No SA_RESTART: a signal interrupts the wait in wget_wch, so the loop sees the flag at once.
        action.sa_flags = nodefer ? Int32(SA_NODEFER) : 0
        var old = sigaction()
        if sigaction(sig, &action, &old) == 0, !savedMask[Int(sig)] {
            savedActions[Int(sig)] = old
            savedMask[Int(sig)] = true
        }
    }
}
