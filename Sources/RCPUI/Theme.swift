/// A terminal colour: the eight ANSI colours, their bright variants, a colour of the xterm 256-colour palette
/// (the 6×6×6 cube and the grey ramp, 16…255), or the terminal's own default.
public enum TermColor: Sendable, Hashable, CaseIterable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite
    /// A colour of the 256-colour palette by its index (16…255; 0…15 are the named cases).
    case indexed(UInt8)

    /// The default and the sixteen named colours (the indexed ones are left out).
    public static let allCases: [TermColor] = [
        .default, .black, .red, .green, .yellow, .blue, .magenta, .cyan, .white,
        .brightBlack, .brightRed, .brightGreen, .brightYellow, .brightBlue, .brightMagenta, .brightCyan, .brightWhite,
    ]

    /// The palette index (0…15 for the named colours, 16…255 for the indexed ones), or nil for the default.
    public var ansiIndex: Int? {
        switch self {
        case .default: return nil
        case .black: return 0
        case .red: return 1
        case .green: return 2
        case .yellow: return 3
        case .blue: return 4
        case .magenta: return 5
        case .cyan: return 6
        case .white: return 7
        case .brightBlack: return 8
        case .brightRed: return 9
        case .brightGreen: return 10
        case .brightYellow: return 11
        case .brightBlue: return 12
        case .brightMagenta: return 13
        case .brightCyan: return 14
        case .brightWhite: return 15
        case .indexed(let n): return Int(n)
        }
    }

    /// One of the eight bright ANSI colours (8…15).
    public var isBright: Bool { (8..<16).contains(ansiIndex ?? 0) }

    /// The non-bright colour of the same hue (for terminals with only eight colours).
    public var base: TermColor {
        switch self {
        case .brightBlack: return .black
        case .brightRed: return .red
        case .brightGreen: return .green
        case .brightYellow: return .yellow
        case .brightBlue: return .blue
        case .brightMagenta: return .magenta
        case .brightCyan: return .cyan
        case .brightWhite: return .white
        default: return self
        }
    }

    /// The bright variant of a colour 0…7: what a terminal that shows bold as bright (xterm's `boldColors`,
    /// the Linux console) draws for bold text in it. Other colours are their own.
    public var brightened: TermColor {
        switch self {
        case .black: return .brightBlack
        case .red: return .brightRed
        case .green: return .brightGreen
        case .yellow: return .brightYellow
        case .blue: return .brightBlue
        case .magenta: return .brightMagenta
        case .cyan: return .brightCyan
        case .white: return .brightWhite
        default: return self
        }
    }
}

/// How many colours the terminal can show, as far as the themes care: none (NO_COLOR, `--no-color`, a
/// monochrome terminal), the eight ANSI colours (`TERM=xterm`, `screen`, `linux`), sixteen, or 256.
public enum ColorPalette: String, CaseIterable, Sendable, Hashable {
    case none
    case eight
    case sixteen
    case xterm256 = "256"

    /// The palette of a terminal that reports `colors` colours (terminfo `colors`), or `.none` when colour
    /// is off.
    public init(colors: Int, enabled: Bool = true) {
        switch colors {
        case _ where !enabled: self = .none
        case ..<8: self = .none
        case ..<16: self = .eight
        case ..<256: self = .sixteen
        default: self = .xterm256
        }
    }

    /// The number of colours a theme may use in this palette.
    public var colorCount: Int {
        switch self {
        case .none: return 0
        case .eight: return 8
        case .sixteen: return 16
        case .xterm256: return 256
        }
    }
}

/// What a terminal is asked to draw for one cell: colours plus the attributes that hold without colour.
public struct CellAttributes: Sendable, Hashable {
    public var foreground: TermColor
    public var background: TermColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        foreground: TermColor = .default, background: TermColor = .default,
        bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false
    ) {
        self.foreground = foreground; self.background = background
        self.bold = bold; self.underline = underline; self.reverse = reverse; self.dim = dim
    }

    public static let plain = CellAttributes()

    /// The attributes without the colours: what a monochrome terminal (or a colour-blind reader) still sees.
    public var shape: Shape { Shape(bold: bold, underline: underline, reverse: reverse, dim: dim) }

    public struct Shape: Sendable, Hashable {
        public var bold: Bool
        public var underline: Bool
        public var reverse: Bool
        public var dim: Bool
    }

    /// Whether any colour (other than the terminal default) is asked for.
    public var usesColor: Bool { foreground != .default || background != .default }
}

/// Maps the semantic roles of cells to colours and attributes, for one theme in one palette.
///
/// Every theme keeps meaning in the attributes as well as the colours: selection is reverse and bold,
/// a search match bold, underlined and reversed, the matrix crosshair underlined — so monochrome loses
/// nothing and nothing rests on colour alone.
///
/// The colours are chosen per palette (`ThemeTables.swift`) so that text stays readable on a black *and*
/// on a white terminal background: a colour drawn on the terminal's own background passes the WCAG AA
/// contrast ratio (4.5:1) against both, or the role uses the terminal's default foreground with an attribute
/// instead. The backend only applies what it is given: it never swaps or brightens a colour.
public struct Theme: Sendable, Hashable {
    /// The theme in force; `.monochrome` whenever the palette has no colours.
    public let name: ThemeName
    public let palette: ColorPalette
    let table: [StyleRole: CellAttributes]

    init(name: ThemeName, palette: ColorPalette, table: [StyleRole: CellAttributes]) {
        self.name = name
        self.palette = palette
        self.table = table
    }

    /// The theme `name` as drawn with `palette`. Without colours every theme is the monochrome one.
    public static func named(_ name: ThemeName, palette: ColorPalette) -> Theme {
        ThemeTables.all[ThemeTables.Key(name: palette == .none ? .monochrome : name, palette: palette)]!
    }

    /// The attributes of a role, before the style's own flags are added.
    public func attributes(forRole role: StyleRole) -> CellAttributes {
        table[role] ?? table[.normal] ?? .plain
    }

    /// The attributes of a cell's style: the role's attributes, plus the bold / underline / reverse the
    /// style asks for itself.
    public func attributes(for style: Style) -> CellAttributes {
        var a = attributes(forRole: style.role)
        if style.bold { a.bold = true }
        if style.underline { a.underline = true }
        if style.reverse { a.reverse = true }
        return a
    }

    /// Whether any role uses a colour.
    public var usesColor: Bool { table.values.contains { $0.usesColor } }
}
