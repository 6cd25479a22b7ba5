import RCPCore

/// Every glyph the UI draws, in a Unicode and an ASCII set. Meaning rests on shape: no two glyphs that mean
/// different things look alike in either set.
public struct Symbols: Sendable, Hashable {
    public let ascii: Bool

    public init(ascii: Bool) { self.ascii = ascii }

    // Borders: thin for panes, heavy (or "=" / "#") for the focused pane.
    public var horizontal: String { ascii ? "-" : "─" }
    public var vertical: String { ascii ? "|" : "│" }
    public var topLeft: String { ascii ? "+" : "┌" }
    public var topRight: String { ascii ? "+" : "┐" }
    public var bottomLeft: String { ascii ? "+" : "└" }
    public var bottomRight: String { ascii ? "+" : "┘" }
    public var focusHorizontal: String { ascii ? "=" : "━" }
    public var focusVertical: String { ascii ? "|" : "┃" }
    public var focusTopLeft: String { ascii ? "#" : "┏" }
    public var focusTopRight: String { ascii ? "#" : "┓" }
    public var focusBottomLeft: String { ascii ? "#" : "┗" }
    public var focusBottomRight: String { ascii ? "#" : "┛" }

    public var ellipsis: String { ascii ? "~" : "…" }
    public var expanded: String { ascii ? "-" : "▾" }
    public var collapsed: String { ascii ? "+" : "▸" }
    public var pointer: String { ascii ? ">" : "▶" }
    public var unfocusedPointer: String { ascii ? ">" : "›" }
    public var columnPointer: String { ascii ? "v" : "▼" }
    public var bullet: String { ascii ? "*" : "•" }
    /// A chosen item in a list of choices.
    public var checkMark: String { ascii ? "x" : "✓" }
    public var link: String { ascii ? "->" : "→" }
    public var separator: String { ascii ? "|" : "│" }
    public var middleDot: String { ascii ? "." : "·" }
    public var emptyCell: String { ascii ? "." : "·" }
    /// Marks a footnote group: a process outside the Annex A matrix.
    public var footnote: String { ascii ? "o" : "◦" }
    public var scrollThumb: String { ascii ? "#" : "█" }
    public var scrollTrack: String { ascii ? "|" : "│" }
    public var barFull: String { ascii ? "#" : "█" }
    public var barHalf: String { ascii ? "=" : "▒" }
    public var barEmpty: String { ascii ? "." : "░" }
    /// More columns to the left / right.
    public var moreLeft: String { ascii ? "<" : "◂" }
    public var moreRight: String { ascii ? ">" : "▸" }
    public var up: String { ascii ? "Up" : "↑" }
    public var down: String { ascii ? "Down" : "↓" }
    public var left: String { ascii ? "Left" : "←" }
    public var right: String { ascii ? "Right" : "→" }

    /// The matrix glyph of a role class.
    public func glyph(_ mark: RoleMark) -> String { ascii ? mark.asciiGlyph : mark.glyph }

    /// The glyph of a checklist status.
    public func glyph(_ status: ChecklistStatus) -> String { ascii ? status.asciiGlyph : status.glyph }
}

/// The classes of roles the matrix tells apart, each with its own shape.
public enum RoleMark: String, CaseIterable, Sendable, Hashable {
    case leadership, viceChair, secretariat, member, interested, observer, participant

    /// The order of the legend.
    public static let legendOrder: [RoleMark] = [
        .member, .interested, .observer, .leadership, .viceChair, .participant, .secretariat,
    ]

    /// The strongest class among `roles` (leadership first), or nil for none.
    public static func strongest(_ roles: [Role]) -> RoleMark? {
        let marks = Set(roles.map(RoleMark.init(role:)))
        return RoleMark.allCases.first { marks.contains($0) }
    }

    public init(role: Role) {
        switch role {
        case .member: self = .member
        case .interestedState: self = .interested
        case .observer: self = .observer
        case .participant: self = .participant
        case .chair, .coChair, .presidencyProTempore: self = .leadership
        case .viceChair: self = .viceChair
        case .secretariat, .coordinator: self = .secretariat
        }
    }

    public var glyph: String {
        switch self {
        case .member: return "●"
        case .interested: return "○"
        case .observer: return "◇"
        case .leadership: return "★"
        case .viceChair: return "☆"
        case .participant: return "◆"
        case .secretariat: return "■"
        }
    }

    public var asciiGlyph: String {
        switch self {
        case .member: return "M"
        case .interested: return "i"
        case .observer: return "o"
        case .leadership: return "*"
        case .viceChair: return "v"
        case .participant: return "p"
        case .secretariat: return "S"
        }
    }

    /// Legend words.
    public var label: String {
        switch self {
        case .member: return "member"
        case .interested: return "interested"
        case .observer: return "observer"
        case .leadership: return "chair, co-chair, presidency"
        case .viceChair: return "vice-chair"
        case .participant: return "participant"
        case .secretariat: return "secretariat"
        }
    }

    public var styleRole: StyleRole {
        switch self {
        case .member: return .roleMember
        case .interested: return .roleInterested
        case .observer, .participant, .secretariat: return .roleObserver
        case .leadership, .viceChair: return .roleLeader
        }
    }
}
