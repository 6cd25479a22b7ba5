#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an import stored nothing. `description` is a complete message for people.
public enum ChecklistImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Files that are not checklists this rcpx can read, each with the reason. Nothing was imported.
    case refused([ChecklistFileProblem])
    /// Checklists of these names exist already (name, the existing file, the file being imported); `--as`
    /// or `--replace` is needed. Nothing was imported.
    case nameTaken([ChecklistNameClash])
    /// `as` was given with several files.
    case renameNeedsOneFile(count: Int)
    /// The store failed (cannot create the folder, disk full); nothing was imported.
    case store(ChecklistError)

    public var description: String {
        switch self {
        case .refused(let problems):
            return problems.map { "cannot import \($0.path): \($0.reason)" }.joined(separator: "\n")
                + "\nnothing was imported"
        case .nameTaken(let clashes):
            return clashes.map {
                "\($0.file) holds checklist \"\($0.name)\", which exists already (\($0.existing)); "
                    + "import it under another name with --as NAME, or --replace it"
            }.joined(separator: "\n") + "\nnothing was imported"
        case .renameNeedsOneFile(let n):
            return "--as names one checklist, but \(n) files were given; import them one by one"
        case .store(let e):
            return e.description + "; nothing was imported"
        }
    }
}

public struct ChecklistNameClash: Sendable, Hashable {
    public var name: String
    public var existing: String
    public var file: String
}

/// One checklist an import stored.
public struct ChecklistImported: Sendable, Hashable {
    /// The file it came from.
    public var file: String
    public var checklist: Checklist
    /// Where it is stored now.
    public var path: String
    /// True when it replaced a checklist of the same name.
    public var replaced: Bool
}

extension ChecklistStore {
    // MARK: Subject

    /// The checklists whose subject is the record `id` (a party or a process of the data), by name. Files that
    /// cannot be read are left out (`list()` names them).
    public func checklists(about id: String) -> [ChecklistSummary] {
        list().checklists.filter { $0.checklist.meta.subject?.id == id }
    }

    // MARK: Import

    /// Stores checklists brought from elsewhere (checklist files or JSON exports, see `ChecklistImportFormat`),
    /// all or nothing: every file is read and checked first, and every name, before anything is written;
    /// then all are written to temporary files and synced, and only then put in place. A crash while they
    /// are put in place can leave the first ones imported, each file whole.
    ///
    /// `newName` gives the one imported checklist another name. A name already in the store is refused
    /// unless `replace`, which writes the imported one over it (with a revision above the old one's, so an
    /// explorer editing the old one sees a conflict instead of overwriting it).
    public func importChecklists(
        from files: [String], as newName: String? = nil,
        replace: Bool = false
    ) throws(ChecklistImportError) -> [ChecklistImported] {
        if newName != nil && files.count != 1 { throw .renameNeedsOneFile(count: files.count) }
        var problems: [ChecklistFileProblem] = []
        var incoming: [(file: String, checklist: Checklist)] = []
        for file in files {
            let bytes: [UInt8]
            do { bytes = try ChecklistFS.readFile(file) } catch {
                let reason: String
                switch error.code {
                case ENOENT: reason = "no such file"
                case EISDIR: reason = "it is a folder, not a file"
                case EFBIG: reason = "it is too large to be a checklist"
                default: reason = error.reason
                }
                problems.append(.init(path: file, reason: reason))
                continue
            }
            switch ChecklistImportFormat.decode(bytes) {
            case .failure(let refusal): problems.append(.init(path: file, reason: refusal.reason))
            case .success(var c):
                if let newName { c.name = newName }
                do { c.name = try Self.validateName(c.name) } catch {
                    problems.append(.init(path: file, reason: error.description))
                    continue
                }
                incoming.append((file, c))
            }
        }
        var seen: [String: String] = [:]
        for (file, c) in incoming {
            if let other = seen[Self.nameKey(c.name)] {
                problems.append(
                    .init(
                        path: file,
                        reason: "holds checklist \"\(c.name)\" as \(other) does; import "
                            + "them one at a time, one with --as NAME"))
            }
            seen[Self.nameKey(c.name)] = file
        }
        if !problems.isEmpty { throw .refused(problems) }

        do { try ChecklistFS.makeDirectories(directory) } catch { throw .store(saveError("import", error)) }
        let dirLock: ChecklistLock
        do { dirLock = try lock(directoryLockPath, for: "import") } catch { throw .store(error) }
        defer { dirLock.release() }

        var clashes: [ChecklistNameClash] = []
        var plans: [(file: String, checklist: Checklist, path: String, replaced: Bool)] = []
        var locks: [ChecklistLock] = []
        defer { locks.forEach { $0.release() } }
        var claimed = Set<String>()
        for (file, c) in incoming {
            let found: (name: String, path: String)?
            do { found = try existing(c.name) } catch { throw .store(error) }
            if let found {
                guard replace else {
                    clashes.append(.init(name: found.name, existing: found.path, file: file)); continue
                }
                do { locks.append(try lock(lockPath(forFile: found.path), for: c.name)) } catch { throw .store(error) }
                var next = c
                var oldRevision = 0
                if case .ok(let old) = read(found.path) { oldRevision = old.revision }
                next.revision = max(oldRevision, c.revision) + 1
                for id in next.entries.keys { next.entries[id]!.revision = next.revision }
                next.updated = clock()
                plans.append((file, next, found.path, true))
                claimed.insert(found.path)
            } else {
                let slug = Self.slug(c.name)
                var n = 1, path = ""
                repeat {
                    path = filePath(n == 1 ? slug + ".json" : "\(slug)-\(n).json")
                    n += 1
                } while ChecklistFS.info(path) != nil || claimed.contains(path)
                claimed.insert(path)
                var next = c
                next.revision = max(c.revision, 1)
                plans.append((file, next, path, false))
            }
        }
        if !clashes.isEmpty { throw .nameTaken(clashes) }

        var staged: [String] = []
        do {
            for plan in plans {
                staged.append(try ChecklistFS.stage(ChecklistFileFormat.encode(plan.checklist), for: plan.path))
            }
            if let crash = simulatedCrash, crash == .beforeRename { throw ChecklistSimulatedCrash() }
            for (i, plan) in plans.enumerated() {
                try ChecklistFS.commitStaged(staged[i], to: plan.path, replace: plan.replaced)
                staged[i] = ""
            }
            try? ChecklistFS.syncDirectory(directory)
        } catch let e as ChecklistFSError {
            for tmp in staged where !tmp.isEmpty { unlink(tmp) }
            throw .store(saveError("import", e))
        } catch {
            // A simulated crash (tests): leave the temporary files as a killed process would.
            throw .store(.cannotSave("import", reason: "stopped (simulated crash)"))
        }
        return plans.map {
            ChecklistImported(file: $0.file, checklist: $0.checklist, path: $0.path, replaced: $0.replaced)
        }
    }

    // MARK: Merge

    /// Merges checklists `a` and `b` (two copies of one assessment) into `target`, item by item (see
    /// `ChecklistMerge.merge`). `target` may be a new name, `a` or `b` itself (that file is changed under
    /// its lock, as `update` does), or with `replace` any existing checklist. `alreadyExists` otherwise. One
    /// atomic write: a crash leaves the target as it was or merged.
    @discardableResult
    public func merge(
        _ a: String, _ b: String, into target: String,
        replace: Bool = false
    ) throws(ChecklistError) -> ChecklistMergeResult {
        let wanted = try Self.validateName(target)
        do { try ChecklistFS.makeDirectories(directory) } catch { throw saveError(wanted, error) }
        let dirLock = try lock(directoryLockPath, for: wanted)
        defer { dirLock.release() }
        let first = try locate(a), second = try locate(b)
        if let found = try existing(wanted) {
            guard replace || found.path == first.path || found.path == second.path else {
                throw .alreadyExists(found.name, path: found.path)
            }
            let fileLock = try lock(lockPath(forFile: found.path), for: wanted)
            defer { fileLock.release() }
            // Read again under the lock: the copy being merged into may have changed meanwhile.
            func fresh(_ x: (path: String, checklist: Checklist)) throws(ChecklistError) -> Checklist {
                guard x.path == found.path else { return x.checklist }
                switch read(x.path) {
                case .ok(let c): return c
                case .missing: throw .removedMeanwhile(x.checklist.name, path: x.path)
                case .failed(let e, _): throw e
                }
            }
            let ca = try fresh(first), cb = try fresh(second)
            let current: Checklist
            switch read(found.path) {
            case .ok(let c): current = c
            case .missing: throw .removedMeanwhile(found.name, path: found.path)
            case .failed(let e, _): throw e
            }
            var result = ChecklistMerge.merge(ca, cb, name: current.name)
            var next = result.checklist
            next.created = current.created
            next.revision = current.revision + 1
            next.updated = clock()
            for (id, e) in next.entries {
                if let old = current.entries[id], old.sameContent(e), old.alternatives == e.alternatives {
                    next.entries[id]!.revision = old.revision
                } else {
                    next.entries[id]!.revision = next.revision  // changed by the merge: newer than any base
                }
            }
            // Items only the target had (not in a or b, when it is neither) stay.
            for (id, e) in current.entries where next.entries[id] == nil { next.entries[id] = e }
            let mode = ChecklistFS.info(found.path).map { $0.mode & 0o7777 } ?? 0o644
            do { try write(next, to: found.path, replace: true, mode: mode) } catch let e as ChecklistFSError {
                throw saveError(current.name, e)
            } catch { throw .cannotSave(current.name, reason: "\(error)") }
            result.checklist = next
            return result
        }
        var result = ChecklistMerge.merge(first.checklist, second.checklist, name: wanted)
        result.checklist.updated = clock()
        try writeNew(result.checklist)
        return result
    }
}
