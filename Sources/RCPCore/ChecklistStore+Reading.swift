#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ChecklistStore {
    // MARK: Reading

    enum ReadOutcome {
        case ok(Checklist)
        case missing
        case failed(ChecklistError, reason: String)
    }

    func read(_ path: String) -> ReadOutcome {
        let bytes: [UInt8]
        do {
            bytes = try ChecklistFS.readFile(path)
        } catch {
            if error.code == ENOENT { return .missing }
            let reason: String
            switch error.code {
            case EISDIR: reason = "it is a folder, not a file"
            case EINVAL: reason = "it is not a regular file"
            case EFBIG: reason = "it is too large to be a checklist"
            case EACCES, EPERM: reason = "no permission to read it (\(error.reason))"
            default: reason = error.reason
            }
            return .failed(.unreadable(path: path, reason: reason), reason: reason)
        }
        do {
            return .ok(try ChecklistFileFormat.decode(bytes))
        } catch {
            switch error {
            case .corrupt(let why):
                let reason = "the file is damaged or not a checklist (\(why))"
                return .failed(.unreadable(path: path, reason: reason), reason: reason)
            case .newerFormat(let v):
                let reason =
                    "written by a newer rcpx (format \(v); this rcpx reads format "
                    + "\(Checklist.currentFormatVersion))"
                return .failed(.newerFormat(path: path, version: v), reason: reason)
            }
        }
    }

    /// Every checklist of the folder, by name, and the files that could not be opened. Also removes temporary
    /// files that crashed writes left behind, once they are `staleTemporaryAge` seconds old.
    public func list() -> (checklists: [ChecklistSummary], problems: [ChecklistFileProblem]) {
        let names: [String]
        do {
            names = try ChecklistFS.list(directory)
        } catch {
            if error.code == ENOENT { return ([], []) }
            return ([], [ChecklistFileProblem(path: directory, reason: "cannot open the folder: \(error.reason)")])
        }
        removeStaleTemporaryFiles(names)
        var found: [ChecklistSummary] = []
        var problems: [ChecklistFileProblem] = []
        for n in names where Self.isChecklistFileName(n) {
            let path = filePath(n)
            switch read(path) {
            case .ok(let c): found.append(ChecklistSummary(checklist: c, path: path))
            case .missing: break  // deleted meanwhile
            case .failed(_, let reason): problems.append(ChecklistFileProblem(path: path, reason: reason))
            }
        }
        found.sort {
            let a = Self.nameKey($0.name), b = Self.nameKey($1.name)
            return a != b ? a < b : $0.path < $1.path
        }
        problems.sort { $0.path < $1.path }
        return (found, problems)
    }

    private func removeStaleTemporaryFiles(_ names: [String]) {
        // The fine clock, as file times may be (`time()` reads a coarse one, which can lag a file written just
        // before by a second).
        var clock = timespec()
        clock_gettime(CLOCK_REALTIME, &clock)
        let now = Int(clock.tv_sec)
        for n in names where Self.isTemporaryFileName(n) {
            let path = filePath(n)
            if let info = ChecklistFS.info(path), info.mode & S_IFMT == S_IFREG,
                now - info.mtime >= staleTemporaryAge
            {
                unlink(path)
            }
        }
    }

    /// Finds the file of `name`: the exact name, else the one name equal to it without regard to case.
    func locate(_ name: String) throws(ChecklistError) -> (path: String, checklist: Checklist) {
        let wanted = try Self.validateName(name)
        let slug = Self.slug(wanted)
        // Fast path: the file named after the slug, holding exactly this name.
        let first = filePath(slug + ".json")
        if case .ok(let c) = read(first), c.name == wanted { return (first, c) }

        let names: [String]
        do {
            names = try ChecklistFS.list(directory)
        } catch {
            if error.code == ENOENT { throw .notFound(wanted, directory: directory) }
            throw .unreadable(path: directory, reason: "cannot open the folder: \(error.reason)")
        }
        var exact: [(String, Checklist)] = [], folded: [(String, Checklist)] = []
        var related: [ChecklistError] = []
        let key = Self.nameKey(wanted)
        for n in names.sorted() where Self.isChecklistFileName(n) {
            let path = filePath(n)
            switch read(path) {
            case .ok(let c):
                if c.name == wanted {
                    exact.append((path, c))
                } else if Self.nameKey(c.name) == key {
                    folded.append((path, c))
                }
            case .missing: break
            case .failed(let error, _):
                // A damaged file whose name fits the slug may well be the one asked for: say so.
                let stem = String(n.dropLast(5))
                if stem == slug || (stem.hasPrefix(slug + "-") && Int(stem.dropFirst(slug.count + 1)) != nil) {
                    related.append(error)
                }
            }
        }
        for group in [exact, folded] where !group.isEmpty {
            if group.count == 1 { return (group[0].0, group[0].1) }
            throw .ambiguous(wanted, paths: group.map(\.0))
        }
        if let e = related.first { throw e }
        throw .notFound(wanted, directory: directory)
    }

    /// The checklist that already has `name` (without regard to case), if any. A damaged file is not an
    /// owner of a name: a new checklist then gets another file, and the damaged one is kept.
    func existing(_ name: String) throws(ChecklistError) -> (name: String, path: String)? {
        do {
            let found = try locate(name)
            return (found.checklist.name, found.path)
        } catch {
            switch error {
            case .notFound, .unreadable, .newerFormat: return nil
            case .ambiguous(_, let paths): return (name, paths.first ?? directory)
            default: throw error
            }
        }
    }

    /// The checklist named `name` (exactly, or without regard to case).
    public func load(_ name: String) throws(ChecklistError) -> Checklist { try locate(name).checklist }
}
