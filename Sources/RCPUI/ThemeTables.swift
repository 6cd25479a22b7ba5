/// The colours and attributes of every theme in every palette.
///
/// The rule behind the choices: text must keep a WCAG contrast ratio of at least 4.5:1 whatever the terminal's
/// background, black or white. A colour drawn on the terminal's own background must therefore pass against
/// both, which leaves a relative luminance between 0.175 and 0.183:
///
/// - none of the sixteen ANSI colours qualifies (grey `90` is 4.0:1 on white, blue 2.2:1 on black), and with
///   eight colours "bright black" is bold black, invisible on a dark background. In the 8- and 16-colour
///   palettes the default theme draws text in the terminal's own foreground, with bold, underline or reverse
///   for emphasis, and keeps colour for the bars that set their own background (status line, search match,
///   warnings);
/// - the 256-colour palette has six that qualify, and the default theme uses them: grey 243 `#767676` for
///   secondary text, borders and tabs, blue 63 `#5f5fff` for the accent and the observer glyph, green 29
///   `#00875f`, red-brown 131 `#af5f5f` and magenta 163 `#d700af` for the other role glyphs.
///
/// The high-contrast theme paints its own black background, so its colours need only pass against black;
/// it uses no grey for content. Terminals that show bold text in bright colours (xterm's `boldColors`, the
/// Linux console) turn bold black into grey: no role pairs bold with black text, and reverse video puts black
/// text on a coloured bar instead. No theme uses the faint attribute, which no terminal draws at a known
/// contrast. `ThemeTests` checks all of it by computing the ratios.
enum ThemeTables {
    struct Key: Hashable {
        var name: ThemeName
        var palette: ColorPalette
    }

    static let all: [Key: Theme] = {
        var out: [Key: Theme] = [:]
        for palette in ColorPalette.allCases {
            for name in ThemeName.allCases {
                let table: [StyleRole: CellAttributes]
                switch (name, palette) {
                case (.monochrome, _), (_, .none): table = monochrome
                case (.default, .xterm256): table = standard256
                case (.default, _): table = standardANSI(bright: palette == .sixteen)
                case (.highContrast, .eight): table = highContrastEight
                case (.highContrast, _): table = highContrast
                }
                let drawn: ThemeName = palette == .none ? .monochrome : name
                out[Key(name: name, palette: palette)] = Theme(name: drawn, palette: palette, table: table)
            }
        }
        return out
    }()

    private typealias A = CellAttributes

    // MARK: - Default

    /// The default theme with eight or sixteen colours: the terminal's own colours for text, colour only
    /// on bars with their own background.
    private static func standardANSI(bright: Bool) -> [StyleRole: CellAttributes] {
        let white: TermColor = bright ? .brightWhite : .white
        let yellow: TermColor = bright ? .brightYellow : .yellow
        var t = attributesOnly
        // Reversed: black text on a yellow bar (bold never greys black text this way).
        t[.match] = A(foreground: yellow, background: .black, bold: true, underline: true, reverse: true)
        t[.statusBar] = A(foreground: white, background: .blue)
        t[.statusKey] = A(foreground: yellow, background: .blue, bold: true)
        t[.warning] = A(foreground: white, background: .red, bold: true)
        return t
    }

    /// The default theme with 256 colours: the six colours of the cube and grey ramp that pass on black and
    /// on white, and fixed colours (not the terminal's remappable sixteen) for the bars.
    private static let standard256: [StyleRole: CellAttributes] = {
        let grey = TermColor.indexed(243)  // #767676
        let accent = TermColor.indexed(63)  // #5f5fff
        let green = TermColor.indexed(29)  // #00875f
        let brown = TermColor.indexed(131)  // #af5f5f
        let magenta = TermColor.indexed(163)  // #d700af
        let black = TermColor.indexed(16), white = TermColor.indexed(231), yellow = TermColor.indexed(226)
        let barBlue = TermColor.indexed(25)  // #005faf
        let barRed = TermColor.indexed(124)  // #af0000
        var t: [StyleRole: CellAttributes] = [:]
        t[.normal] = A()
        t[.dim] = A(foreground: grey)
        t[.title] = A(foreground: accent, bold: true)
        t[.heading] = A(bold: true)
        t[.border] = A(foreground: grey)
        t[.borderFocused] = A(foreground: accent, bold: true)
        t[.selection] = A(foreground: accent, bold: true, reverse: true)
        t[.selectionUnfocused] = A(foreground: grey, reverse: true)
        t[.crosshair] = A(foreground: accent, underline: true)
        t[.match] = A(foreground: yellow, background: black, bold: true, underline: true, reverse: true)
        t[.statusBar] = A(foreground: white, background: barBlue)
        t[.statusKey] = A(foreground: yellow, background: barBlue, bold: true)
        t[.tab] = A(foreground: grey)
        t[.tabActive] = A(foreground: accent, bold: true, underline: true)
        t[.warning] = A(foreground: white, background: barRed, bold: true)
        t[.roleMember] = A(foreground: green)
        t[.roleInterested] = A(foreground: brown)
        t[.roleObserver] = A(foreground: accent)
        t[.roleLeader] = A(foreground: magenta, bold: true)
        t[.progressDone] = A(foreground: green, bold: true)
        t[.progressTodo] = A(foreground: grey)
        return t
    }()

    // MARK: - High contrast

    /// For projectors (16 and 256 colours): bright text on a black background the theme paints itself, bold
    /// where it helps, reverse-video bars; no grey for content.
    private static let highContrast: [StyleRole: CellAttributes] = {
        let bg = TermColor.black
        var t: [StyleRole: CellAttributes] = [:]
        t[.normal] = A(foreground: .brightWhite, background: bg)
        t[.dim] = A(foreground: .brightWhite, background: bg)
        t[.title] = A(foreground: .brightYellow, background: bg, bold: true)
        t[.heading] = A(foreground: .brightWhite, background: bg, bold: true)
        t[.border] = A(foreground: .white, background: bg)
        t[.borderFocused] = A(foreground: .brightYellow, background: bg, bold: true)
        // Reverse video: black text on bright white, bold.
        t[.selection] = A(foreground: .brightWhite, background: bg, bold: true, reverse: true)
        t[.selectionUnfocused] = A(foreground: .white, background: bg, reverse: true)
        t[.crosshair] = A(foreground: .brightCyan, background: bg, underline: true)
        t[.match] = A(foreground: .brightYellow, background: bg, bold: true, underline: true, reverse: true)
        t[.statusBar] = A(foreground: .brightWhite, background: bg, reverse: true)
        t[.statusKey] = A(foreground: .brightYellow, background: bg, bold: true, reverse: true)
        t[.tab] = A(foreground: .brightWhite, background: bg)
        t[.tabActive] = A(foreground: .brightYellow, background: bg, bold: true, underline: true)
        t[.warning] = A(foreground: .brightRed, background: bg, bold: true)
        t[.roleMember] = A(foreground: .brightGreen, background: bg, bold: true)
        t[.roleInterested] = A(foreground: .brightYellow, background: bg, bold: true)
        t[.roleObserver] = A(foreground: .brightCyan, background: bg, bold: true)
        t[.roleLeader] = A(foreground: .brightMagenta, background: bg, bold: true)
        t[.progressDone] = A(foreground: .brightGreen, background: bg, bold: true)
        t[.progressTodo] = A(foreground: .brightWhite, background: bg)
        return t
    }()

    /// High contrast with eight colours: the same in the base colours, except red and magenta (too dark on
    /// black): warnings become white on a red bar, the leader glyph bold white.
    private static let highContrastEight: [StyleRole: CellAttributes] = {
        var t = highContrast.mapValues { a -> CellAttributes in
            var b = a
            b.foreground = a.foreground.base
            b.background = a.background.base
            return b
        }
        t[.warning] = A(foreground: .white, background: .red, bold: true)
        t[.roleLeader] = A(foreground: .white, background: .black, bold: true)
        return t
    }()

    /// What every theme without colour for text shares: plain text, and bold, reverse and underline for
    /// what stands out (the base of the 8/16-colour default theme and of monochrome).
    private static let attributesOnly: [StyleRole: CellAttributes] = {
        var t: [StyleRole: CellAttributes] = [:]
        t[.normal] = A()
        t[.dim] = A()
        t[.title] = A(bold: true)
        t[.heading] = A(bold: true)
        t[.border] = A()
        t[.borderFocused] = A(bold: true)
        t[.selection] = A(bold: true, reverse: true)
        t[.selectionUnfocused] = A(reverse: true)
        t[.crosshair] = A(underline: true)
        t[.tab] = A()
        t[.tabActive] = A(bold: true, underline: true)
        t[.roleMember] = A()
        t[.roleInterested] = A()
        t[.roleObserver] = A()
        t[.roleLeader] = A(bold: true)
        t[.progressDone] = A(bold: true)
        t[.progressTodo] = A()
        return t
    }()

    // MARK: - Monochrome

    /// No colour at all: only bold, underline and reverse (NO_COLOR, `--no-color`, `--theme monochrome`).
    private static let monochrome: [StyleRole: CellAttributes] = {
        var t = attributesOnly
        t[.match] = A(bold: true, underline: true)
        t[.statusBar] = A(reverse: true)
        t[.statusKey] = A(bold: true, reverse: true)
        t[.warning] = A(bold: true)
        return t
    }()
}
