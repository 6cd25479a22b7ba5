/// A terminal colour: the eight ANSI colours, their bright variants, or the terminal's own default.
public enum TermColor: Sendable, Hashable, CaseIterable {
    case `default`
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    /// The ANSI palette index (0…15), or nil for the terminal's default colour.
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
        }
    }

    public var isBright: Bool { (ansiIndex ?? 0) >= 8 }

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
}

/// What a terminal is asked to draw for one cell: colours plus the attributes that hold without colour.
public struct CellAttributes: Sendable, Hashable {
    public var foreground: TermColor
    public var background: TermColor
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(foreground: TermColor = .default, background: TermColor = .default,
                bold: Bool = false, underline: Bool = false, reverse: Bool = false, dim: Bool = false) {
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

/// Maps the semantic roles of cells to colours and attributes.
///
/// Every theme keeps meaning in the attributes as well as the colours: selection is reverse and bold,
/// a search match bold and underlined, the matrix crosshair underlined — so monochrome loses nothing and
/// nothing rests on colour alone.
public struct Theme: Sendable, Hashable {
    public let name: ThemeName
    let table: [StyleRole: CellAttributes]

    private init(name: ThemeName, table: [StyleRole: CellAttributes]) {
        self.name = name
        self.table = table
    }

    public static func named(_ name: ThemeName) -> Theme {
        switch name {
        case .default: return .standard
        case .highContrast: return .highContrast
        case .monochrome: return .monochrome
        }
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

    // MARK: - The themes

    /// Calm and readable on dark and light terminals: the terminal's own colours for text, a few accents.
    static let standard: Theme = {
        typealias A = CellAttributes
        var t: [StyleRole: CellAttributes] = [:]
        t[.normal] = A()
        t[.dim] = A(foreground: .brightBlack)
        t[.title] = A(foreground: .cyan, bold: true)
        t[.heading] = A(bold: true)
        t[.border] = A(foreground: .brightBlack)
        t[.borderFocused] = A(foreground: .cyan, bold: true)
        t[.selection] = A(foreground: .cyan, bold: true, reverse: true)
        t[.selectionUnfocused] = A(foreground: .brightBlack, reverse: true)
        t[.crosshair] = A(foreground: .cyan, underline: true)
        t[.match] = A(foreground: .black, background: .yellow, bold: true, underline: true)
        t[.statusBar] = A(foreground: .white, background: .blue)
        t[.statusKey] = A(foreground: .brightYellow, background: .blue, bold: true)
        t[.tab] = A(foreground: .brightBlack)
        t[.tabActive] = A(foreground: .cyan, bold: true, underline: true)
        t[.warning] = A(foreground: .red, bold: true)
        t[.roleMember] = A(foreground: .green)
        t[.roleInterested] = A(foreground: .yellow)
        t[.roleObserver] = A(foreground: .blue)
        t[.roleLeader] = A(foreground: .magenta, bold: true)
        t[.progressDone] = A(foreground: .green, bold: true)
        t[.progressTodo] = A(foreground: .brightBlack)
        return Theme(name: .default, table: t)
    }()

    /// For projectors: bright text on black, bold everywhere it helps, a strong reverse-video cursor.
    static let highContrast: Theme = {
        typealias A = CellAttributes
        let bg = TermColor.black
        var t: [StyleRole: CellAttributes] = [:]
        t[.normal] = A(foreground: .brightWhite, background: bg)
        t[.dim] = A(foreground: .white, background: bg)
        t[.title] = A(foreground: .brightYellow, background: bg, bold: true)
        t[.heading] = A(foreground: .brightWhite, background: bg, bold: true)
        t[.border] = A(foreground: .white, background: bg)
        t[.borderFocused] = A(foreground: .brightYellow, background: bg, bold: true)
        // Reverse video: black text on bright white, bold.
        t[.selection] = A(foreground: .brightWhite, background: bg, bold: true, reverse: true)
        t[.selectionUnfocused] = A(foreground: .white, background: bg, reverse: true)
        t[.crosshair] = A(foreground: .brightCyan, background: bg, underline: true)
        t[.match] = A(foreground: .black, background: .brightYellow, bold: true, underline: true)
        t[.statusBar] = A(foreground: .black, background: .brightWhite)
        t[.statusKey] = A(foreground: .black, background: .brightYellow, bold: true)
        t[.tab] = A(foreground: .white, background: bg)
        t[.tabActive] = A(foreground: .brightYellow, background: bg, bold: true, underline: true)
        t[.warning] = A(foreground: .brightRed, background: bg, bold: true)
        t[.roleMember] = A(foreground: .brightGreen, background: bg, bold: true)
        t[.roleInterested] = A(foreground: .brightYellow, background: bg, bold: true)
        t[.roleObserver] = A(foreground: .brightCyan, background: bg, bold: true)
        t[.roleLeader] = A(foreground: .brightMagenta, background: bg, bold: true)
        t[.progressDone] = A(foreground: .brightGreen, background: bg, bold: true)
        t[.progressTodo] = A(foreground: .white, background: bg)
        return Theme(name: .highContrast, table: t)
    }()

    /// No colour at all: only bold, underline, reverse and dim.
    static let monochrome: Theme = {
        typealias A = CellAttributes
        var t: [StyleRole: CellAttributes] = [:]
        t[.normal] = A()
        t[.dim] = A(dim: true)
        t[.title] = A(bold: true)
        t[.heading] = A(bold: true)
        t[.border] = A()
        t[.borderFocused] = A(bold: true)
        t[.selection] = A(bold: true, reverse: true)
        t[.selectionUnfocused] = A(reverse: true)
        t[.crosshair] = A(underline: true)
        t[.match] = A(bold: true, underline: true)
        t[.statusBar] = A(reverse: true)
        t[.statusKey] = A(bold: true, reverse: true)
        t[.tab] = A(dim: true)
        t[.tabActive] = A(bold: true, underline: true)
        t[.warning] = A(bold: true)
        t[.roleMember] = A()
        t[.roleInterested] = A()
        t[.roleObserver] = A(dim: true)
        t[.roleLeader] = A(bold: true)
        t[.progressDone] = A(bold: true)
        t[.progressTodo] = A(dim: true)
        return Theme(name: .monochrome, table: t)
    }()
}
