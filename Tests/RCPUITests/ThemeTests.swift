import Testing

@testable import RCPUI

@Suite struct ThemeTests {
    /// Every style a cell can have: each role, with every combination of the style's own flags.
    static var allStyles: [Style] {
        var styles: [Style] = []
        for role in StyleRole.allCases {
            for bits in 0..<8 {
                styles.append(Style(role, bold: bits & 1 != 0, underline: bits & 2 != 0, reverse: bits & 4 != 0))
            }
        }
        return styles
    }

    /// Every theme in every palette that has colours (without colours, see `ContrastTests`).
    static var coloured: [(ThemeName, ColorPalette)] {
        ThemeName.allCases.flatMap { n in [ColorPalette.eight, .sixteen, .xterm256].map { (n, $0) } }
    }

    @Test func namedReturnsTheThemeAsked() {
        for (name, palette) in Self.coloured {
            #expect(Theme.named(name, palette: palette).name == name)
            #expect(Theme.named(name, palette: palette).palette == palette)
        }
    }

    @Test func monochromeUsesNoColour() {
        let theme = Theme.named(.monochrome, palette: .xterm256)
        #expect(!theme.usesColor)
        for style in Self.allStyles {
            let a = theme.attributes(for: style)
            #expect(a.foreground == .default, "\(style)")
            #expect(a.background == .default, "\(style)")
        }
    }

    @Test func colourThemesUseColour() {
        for palette in [ColorPalette.eight, .sixteen, .xterm256] {
            #expect(Theme.named(.default, palette: palette).usesColor)
            #expect(Theme.named(.highContrast, palette: palette).usesColor)
        }
    }

    /// Selection, search match and the matrix crosshair must differ from plain text and from each other
    /// by bold / underline / reverse / dim alone, in every theme: nothing rests on colour.
    @Test(arguments: ThemeName.allCases, ColorPalette.allCases)
    func keyRolesAreDistinguishableWithoutColour(_ name: ThemeName, _ palette: ColorPalette) {
        let theme = Theme.named(name, palette: palette)
        let roles: [StyleRole] = [.normal, .selection, .selectionUnfocused, .match, .crosshair]
        let shapes = roles.map { theme.attributes(forRole: $0).shape }
        for i in roles.indices {
            for j in roles.indices where j > i {
                #expect(shapes[i] != shapes[j], "\(name): \(roles[i]) and \(roles[j]) look alike without colour")
            }
        }
    }

    /// The status bar stands out from the text around it without colour, in every theme that is mono.
    /// (Secondary text, `.dim`, is plain: faint text has no known contrast.)
    @Test func monochromeStatusBarAndFocusStandOut() {
        let theme = Theme.named(.monochrome, palette: .none)
        let normal = theme.attributes(forRole: .normal).shape
        for role in [StyleRole.statusBar, .borderFocused, .tabActive, .title, .warning, .roleLeader] {
            #expect(theme.attributes(forRole: role).shape != normal, "\(role)")
        }
        #expect(theme.attributes(forRole: .tab).shape != theme.attributes(forRole: .tabActive).shape)
        #expect(theme.attributes(forRole: .border).shape != theme.attributes(forRole: .borderFocused).shape)
    }

    @Test(arguments: [ColorPalette.eight, .sixteen, .xterm256])
    func highContrastIsBrightOnBlackWithABoldReverseSelection(_ palette: ColorPalette) {
        let theme = Theme.named(.highContrast, palette: palette)
        let normal = theme.attributes(forRole: .normal)
        #expect(normal.background == .black)
        #expect(normal.foreground == (palette == .eight ? .white : .brightWhite))
        let selection = theme.attributes(forRole: .selection)
        #expect(selection.reverse && selection.bold)
    }

    @Test func styleFlagsAddToTheRole() {
        for (name, palette) in Self.coloured {
            let theme = Theme.named(name, palette: palette)
            let a = theme.attributes(for: Style(.normal, bold: true, underline: true, reverse: true))
            #expect(a.bold && a.underline && a.reverse)
            // A reverse style on an already reversed role stays reversed.
            #expect(theme.attributes(for: Style(.selection, reverse: true)).reverse)
        }
    }

    @Test func everyRoleHasAnEntryInEveryTheme() {
        // A role missing from a table would silently fall back to plain text.
        for name in ThemeName.allCases {
            for palette in ColorPalette.allCases {
                #expect(
                    Set(Theme.named(name, palette: palette).table.keys) == Set(StyleRole.allCases), "\(name) \(palette)"
                )
            }
        }
    }

    @Test func brightColoursKnowTheirBase() {
        #expect(TermColor.brightRed.base == .red)
        #expect(TermColor.red.base == .red)
        #expect(TermColor.default.ansiIndex == nil)
        #expect(TermColor.brightWhite.ansiIndex == 15)
        #expect(TermColor.allCases.compactMap(\.ansiIndex) == Array(0...15))
        #expect(TermColor.red.brightened == .brightRed)
        #expect(TermColor.indexed(243).ansiIndex == 243)
        #expect(!TermColor.indexed(243).isBright && TermColor.indexed(243).base == .indexed(243))
    }
}
