/// The exit status of every rcpx command, the lookups, `rcpx checklist …` and the explorer alike (sysexits.h
/// numbers where one fits). Docs/CLI.md, the man page and the commands' help list them, and the CLI tests pin
/// them. Thrown as an error (`throw RCPXExit.usage`): `EntryPoint` ends the process with its number. A signal
/// exit of the explorer (128 + the signal) is the only other status rcpx ends with.
enum RCPXExit: Int32, Error, CaseIterable {
    /// Done.
    case success = 0
    /// The question had no answer: nothing matched, a name was ambiguous, no such checklist (or it already
    /// exists, or its deletion was declined).
    case notFound = 1
    /// EX_USAGE: a bad option or argument (ArgumentParser's own validation errors exit with it too).
    case usage = 64
    /// EX_DATAERR: the data file, or a checklist file, cannot be read (the file is left as it is).
    case dataError = 65
    /// EX_UNAVAILABLE: the explorer cannot run on this terminal (TERM unknown, and no fallback installed).
    case unavailable = 69
    /// EX_CANTCREAT: a checklist or an output file cannot be written (read-only folder, disk full).
    case cannotWrite = 73
}
