#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// rcpx's state folder (`$RCPX_DATA_HOME/state`, else `$XDG_STATE_HOME/rcpx`, else `~/.local/state/rcpx`):
/// small things worth keeping between runs that are not the user's documents — the last checklist opened,
/// cards written with `Y`.
public struct StateFolder: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The folder for an environment (the process's, or a test's).
    public init(environment: [String: String]) {
        if let home = environment["RCPX_DATA_HOME"], !home.isEmpty {
            path = ChecklistFS.join(home, "state")
        } else if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            path = ChecklistFS.join(xdg, "rcpx")
        } else {
            var home = environment["HOME"] ?? ""
            if home.isEmpty, let pw = getpwuid(getuid()), let dir = pw.pointee.pw_dir { home = String(cString: dir) }
            path = ChecklistFS.join(home.isEmpty ? "." : home, ".local/state/rcpx")
        }
    }

    /// Writes `text` to `name` inside the folder (created when missing), atomically; returns the file's path.
    @discardableResult
    public func write(_ name: String, _ text: String) throws -> String {
        let file = ChecklistFS.join(path, name)
        let dir = file.lastIndex(of: "/").map { String(file[..<$0]) } ?? path
        try ChecklistFS.makeDirectories(dir)
        try ChecklistFS.writeAtomically(Array(text.utf8), to: file, replace: true)
        return file
    }

    /// The text of `name`, or nil when it is missing or unreadable (state is a convenience, never an error).
    public func read(_ name: String) -> String? {
        guard let bytes = try? ChecklistFS.readFile(ChecklistFS.join(path, name), limit: 1 << 20) else { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The checklist last opened from the checklist folder `directory`, if any (a folder's own: a test's or
    /// another user's folder never reopens this one's).
    public func lastChecklist(in directory: String) -> String? {
        guard let text = read("last-checklist") else { return nil }
        let parts = text.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0] == directory[...] else { return nil }
        let name = parts[1].hasSuffix("\n") ? String(parts[1].dropLast()) : String(parts[1])
        return name.isEmpty ? nil : name
    }

    /// Remembers `name` as the checklist last opened from `directory` (nil forgets it).
    public func rememberChecklist(_ name: String?, in directory: String) {
        _ = try? write("last-checklist", name.map { "\(directory)\t\($0)\n" } ?? "")
    }
}
