import RCPCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where a run of rcpx reads and keeps things, decided in one place for the lookups, `rcpx checklist …` and
/// the explorer:
/// - the data set: `--data FILE`, else the one compiled into the binary;
/// - the checklist folder: `--data-dir DIR` (DIR/checklists), else `$RCPX_DATA_HOME/checklists`, else
///   `$XDG_DATA_HOME/rcpx/checklists`, else `~/.local/share/rcpx/checklists` (`ChecklistStore.defaultDirectory`);
/// - the state folder (last checklist opened, cards written with `Y`): `StateFolder(environment:)`.
enum DataLocations {
    /// The environment variables the folders depend on, as the process has them.
    static func environment() -> [String: String] {
        var values: [String: String] = [:]
        for key in ["RCPX_DATA_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "HOME"] {
            if let value = getenv(key) { values[key] = String(cString: value) }
        }
        return values
    }

    /// The checklist folder for `--data-dir` (nil or empty: not given).
    static func checklistDirectory(dataDir: String?) -> String {
        if let dataDir, !dataDir.isEmpty { return ChecklistStore.directory(dataHome: dataDir) }
        return ChecklistStore.defaultDirectory(environment: environment())
    }

    /// The checklist store for `--data-dir`.
    static func checklistStore(dataDir: String?) -> ChecklistStore {
        ChecklistStore(directory: checklistDirectory(dataDir: dataDir))
    }

    /// rcpx's state folder for this process's environment.
    static func stateFolder() -> StateFolder { StateFolder(environment: environment()) }

    /// The bundled catalog, or the one in `dataFile` (`--data`) with the bundled world's states (those it does
    /// not name are in no process, as `rcpx gaps` counts them); a file with problems prints every problem on
    /// stderr and exits 65.
    static func catalog(dataFile: String?) throws -> Catalog {
        guard let dataFile else { return Catalog.bundled }
        do {
            return Catalog(try DataLoader.load(path: dataFile), world: { WorldMap.bundled })
        } catch {
            Console.writeError(problemReport(error))
            throw RCPXExit.dataError
        }
    }

    /// "rcpx: cannot load FILE: N problems" and one line per problem.
    static func problemReport(_ error: LoadError) -> String {
        "rcpx: cannot load \(error.file): \(DisplayText.count(error.problems.count, "problem"))\n"
            + error.problems.map { "  \($0)\n" }.joined()
    }
}
