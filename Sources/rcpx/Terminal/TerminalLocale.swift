import CNcurses

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Chooses the locale the explorer draws in, before curses starts.
///
/// - The user's locale (`setlocale(LC_ALL, "")`) when its codeset is UTF-8.
/// - Otherwise `C.UTF-8` for the character type, when the user asked for nothing (no `LC_ALL`, `LC_CTYPE` or
///   `LANG` — typical of containers and of tmux sessions started without `LANG`), or asked for a UTF-8 locale
///   that is not installed here.
/// - Otherwise (an explicit non-UTF-8 locale such as `LANG=C` or `en_US.ISO-8859-1`, whose terminal cannot be
///   trusted to decode UTF-8; or no UTF-8 locale at all) ASCII mode: lines, glyphs and names in ASCII.
enum TerminalLocale {
    struct Decision: Equatable {
        /// Whether text may be drawn as UTF-8.
        var utf8: Bool
        /// The LC_CTYPE locale in force afterwards (for messages and tests).
        var ctype: String
    }

    /// Sets the process locale; returns whether UTF-8 can be drawn.
    static func configure() -> Decision {
        let loaded = setlocale(LC_ALL, "") != nil
        if codesetIsUTF8() { return Decision(utf8: true, ctype: currentCType()) }
        let requested = requestedLocale()
        if shouldTryCUTF8(requested: requested) {
            for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
                if codesetIsUTF8() { return Decision(utf8: true, ctype: currentCType()) }
            }
            // Nothing UTF-8: put the character type back to what the user had.
            _ = setlocale(LC_CTYPE, loaded ? "" : "C")
        }
        return Decision(utf8: false, ctype: currentCType())
    }

    /// The locale name the environment asks for character types: LC_ALL, then LC_CTYPE, then LANG.
    static func requestedLocale(_ getenv: (String) -> String? = environmentValue) -> String? {
        for key in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let v = getenv(key), !v.isEmpty { return v }
        }
        return nil
    }

    /// Whether to fall back to C.UTF-8 after the user's locale turned out not to be UTF-8.
    static func shouldTryCUTF8(requested: String?) -> Bool {
        guard let requested else { return true }  // nothing asked for
        return claimsUTF8(requested)  // asked for UTF-8 but did not get it
    }

    static func claimsUTF8(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8")
    }

    static func codesetIsUTF8() -> Bool {
        guard let cs = rcpx_codeset() else { return false }
        return claimsUTF8(String(cString: cs))
    }

    static func currentCType() -> String {
        guard let s = setlocale(LC_CTYPE, nil) else { return "C" }
        return String(cString: s)
    }

    static func environmentValue(_ key: String) -> String? {
        guard let v = getenv(key) else { return nil }
        return String(cString: v)
    }
}
