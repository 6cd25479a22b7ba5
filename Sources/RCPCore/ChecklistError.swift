/// Why a checklist operation failed. `description` is a complete message for people, naming the checklist or
/// file and the reason.
public enum ChecklistError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name cannot be used (empty, control characters, too long).
    case invalidName(String, reason: String)
    /// No checklist has this name in `directory`.
    case notFound(String, directory: String)
    /// A checklist with this name (compared without regard to case) exists.
    case alreadyExists(String, path: String)
    /// Several files claim this name (edited by hand); the paths.
    case ambiguous(String, paths: [String])
    /// A file (or the folder) cannot be read: permissions, corrupt JSON, a folder where a file should be. The
    /// file is left untouched.
    case unreadable(path: String, reason: String)
    /// The file was written by a newer rcpx; it is left untouched.
    case newerFormat(path: String, version: Int)
    /// The checklist was renamed or deleted by another rcpx while this one was about to change it.
    case removedMeanwhile(String, path: String)
    /// Saving failed (read-only folder, no permission, disk full); nothing on disk changed.
    case cannotSave(String, reason: String)
    /// Deleting failed; the file is still there.
    case cannotDelete(String, reason: String)

    public var description: String {
        switch self {
        case let .invalidName(name, reason):
            return "invalid checklist name \(Self.quoted(name)): \(reason)"
        case let .notFound(name, directory):
            return "no checklist named \(Self.quoted(name)) in \(directory)"
        case let .alreadyExists(name, path):
            return "a checklist named \(Self.quoted(name)) already exists (\(path))"
        case let .ambiguous(name, paths):
            return "several checklist files are named \(Self.quoted(name)): \(paths.joined(separator: ", "))"
                + "; rename or remove all but one"
        case let .unreadable(path, reason):
            return "cannot read checklist file \(path): \(reason); the file is left as it is"
        case let .newerFormat(path, version):
            return "cannot read checklist file \(path): it was written by a newer rcpx (format \(version); "
                + "this rcpx reads format \(Checklist.currentFormatVersion) and older); the file is left as it is"
        case let .removedMeanwhile(name, path):
            return "checklist \(Self.quoted(name)) was renamed or deleted by another rcpx meanwhile (\(path))"
        case let .cannotSave(name, reason):
            return "cannot save checklist \(Self.quoted(name)): \(reason)"
        case let .cannotDelete(name, reason):
            return "cannot delete checklist \(Self.quoted(name)): \(reason)"
        }
    }

    /// The file the error is about, when there is one.
    public var path: String? {
        switch self {
        case .alreadyExists(_, let p), .unreadable(let p, _), .newerFormat(let p, _), .removedMeanwhile(_, let p):
            return p
        default: return nil
        }
    }

    static func quoted(_ s: String) -> String { "\"" + s + "\"" }
}
