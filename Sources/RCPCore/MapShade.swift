/// How a category fills its countries, so a map reads the same without colour: a braille dot pattern (each
/// cell is 2 × 4 dots), a glyph for a country smaller than a cell, and an ASCII character.
public enum MapShade: String, CaseIterable, Sendable, Hashable {
    case solid, dense, checked, sparse, striped, outline
    /// A state marked for comparison: two bars across each cell (top and bottom dot rows), like no other shade.
    case marked

    /// The dots of a cell kept for land of this shade (bit layout of U+2800…U+28FF).
    public var mask: UInt8 {
        switch self {
        case .solid: return 0xFF
        case .dense: return 0xAF
        case .checked: return 0x95
        case .sparse: return 0x21
        case .striped: return 0x2D
        case .outline: return 0xFF  // the outline dots themselves
        case .marked: return 0xC9
        }
    }

    /// The dots drawn for a country smaller than a cell (and for a point): one small mark per shade.
    public var pointDots: UInt8 {
        switch self {
        case .solid: return 0x36
        case .dense: return 0x26
        case .checked: return 0x22
        case .sparse: return 0x06
        case .striped: return 0x24
        case .outline: return 0x02
        case .marked: return 0x09
        }
    }

    /// The character for a cell of this shade with `--ascii` (and `LANG=C`).
    public var ascii: Character {
        switch self {
        case .solid: return "#"
        case .dense: return "%"
        case .checked: return "+"
        case .sparse: return ":"
        case .striped: return "="
        case .outline: return "."
        case .marked: return "@"
        }
    }

    /// The braille character of a full cell of this shade, for legends.
    public var sample: Character { MapShade.braille(self == .outline ? 0x47 : mask) }
    /// The braille character of a country smaller than a cell.
    public var pointSample: Character { MapShade.braille(pointDots) }

    static func braille(_ dots: UInt8) -> Character { Character(Unicode.Scalar(0x2800 + UInt32(dots))!) }
}
