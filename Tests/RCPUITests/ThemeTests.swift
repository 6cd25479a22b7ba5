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

    @Test func namedReturnsTheThemeAsked() {
        for name in ThemeName.allCases {
            #expect(Theme.named(name).name == name)
        }
    }

    @Test func monochromeUsesNoColour() {
        let theme = Theme.named(.monochrome)
        #expect(!theme.usesColor)
        for style in Self.allStyles {
            let a = theme.attributes(for: style)
            #expect(a.foreground == .default, "\(style)")
            #expect(a.background == .default, "\(style)")
        }
    }

    @Test func colourThemesUseColour() {
        #expect(Theme.named(.default).usesColor)
        #expect(Theme.named(.highContrast).usesColor)
    }

    /// Selection, search match and the matrix crosshair must differ from plain text and from each other
    /// by bold / underline / reverse / dim alone, in every theme: nothing rests on colour.
    @Test(arguments: ThemeName.allCases)
    func keyRolesAreDistinguishableWithoutColour(_ name: ThemeName) {
        let theme = Theme.named(name)
        let roles: [StyleRole] = [.normal, .selection, .selectionUnfocused, .match, .crosshair]
        let shapes = roles.map { theme.attributes(forRole: $0).shape }
        for i in roles.indices {
            for j in roles.indices where j > i {
                #expect(shapes[i] != shapes[j], "\(name): \(roles[i]) and \(roles[j]) look alike without colour")
            }
        }
    }

    /// The status bar stands out from the text around it without colour, in every theme that is mono.
    @Test func monochromeStatusBarAndFocusStandOut() {
        let theme = Theme.named(.monochrome)
        let normal = theme.attributes(forRole: .normal).shape
        for role in [StyleRole.statusBar, .borderFocused, .tabActive, .title, .warning, .dim, .roleLeader] {
            #expect(theme.attributes(forRole: role).shape != normal, "\(role)")
        }
        #expect(theme.attributes(forRole: .tab).shape != theme.attributes(forRole: .tabActive).shape)
        #expect(theme.attributes(forRole: .border).shape != theme.attributes(forRole: .borderFocused).shape)
    }

    @Test func highContrastIsBrightOnBlackWithABoldReverseSelection() {
        let theme = Theme.named(.highContrast)
        let normal = theme.attributes(forRole: .normal)
        #expect(normal.background == .black)
        #expect(normal.foreground == .brightWhite)
        let selection = theme.attributes(forRole: .selection)
        #expect(selection.reverse && selection.bold)
    }

    @Test func styleFlagsAddToTheRole() {
        for name in ThemeName.allCases {
            let theme = Theme.named(name)
            let a = theme.attributes(for: Style(.normal, bold: true, underline: true, reverse: true))
            #expect(a.bold && a.underline && a.reverse)
            // A reverse style on an already reversed role stays reversed.
            #expect(theme.attributes(for: Style(.selection, reverse: true)).reverse)
        }
    }

    @Test func everyRoleHasAnEntryInEveryTheme() {
        // A role missing from a table would silently fall back to plain text.
        for name in ThemeName.allCases {
            #expect(Set(Theme.named(name).table.keys) == Set(StyleRole.allCases), "\(name)")
        }
    }

    @Test func brightColoursKnowTheirBase() {
        #expect(TermColor.brightRed.base == .red)
        #expect(TermColor.red.base == .red)
        #expect(TermColor.default.ansiIndex == nil)
        #expect(TermColor.brightWhite.ansiIndex == 15)
        #expect(TermColor.allCases.compactMap(\.ansiIndex) == Array(0...15))
    }
}
