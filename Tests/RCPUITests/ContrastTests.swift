import Foundation
import Testing

@testable import RCPUI

/// The WCAG 2 contrast rule, computed: every theme in every palette keeps text at 4.5:1 or more on a black
/// and on a white terminal background.
///
/// The colours are xterm's: its sixteen ANSI defaults, the 6×6×6 cube (levels 0, 95, 135, 175, 215, 255)
/// and the grey ramp (8 + 10·n). How a cell is seen:
/// - bold may brighten a foreground of colours 0…7 (xterm's `boldColors`, the Linux console), so both are
///   checked;
/// - reverse swaps foreground and background first;
/// - a colour facing the terminal's default (its foreground or background, light or dark, unknown) must pass
///   against black and against white; two defaults are the terminal's own pair and pass.
@Suite struct ContrastTests {
    static let minimum = 4.5

    /// xterm's RGB for a palette index (0…255).
    static func rgb(_ index: Int) -> (Int, Int, Int) {
        let ansi: [(Int, Int, Int)] = [
            (0x00, 0x00, 0x00), (0xcd, 0x00, 0x00), (0x00, 0xcd, 0x00), (0xcd, 0xcd, 0x00),
            (0x00, 0x00, 0xee), (0xcd, 0x00, 0xcd), (0x00, 0xcd, 0xcd), (0xe5, 0xe5, 0xe5),
            (0x7f, 0x7f, 0x7f), (0xff, 0x00, 0x00), (0x00, 0xff, 0x00), (0xff, 0xff, 0x00),
            (0x5c, 0x5c, 0xff), (0xff, 0x00, 0xff), (0x00, 0xff, 0xff), (0xff, 0xff, 0xff),
        ]
        if index < 16 { return ansi[index] }
        if index < 232 {
            let n = index - 16
            let level = { (i: Int) in i == 0 ? 0 : 55 + 40 * i }
            return (level(n / 36), level(n / 6 % 6), level(n % 6))
        }
        let v = 8 + 10 * (index - 232)
        return (v, v, v)
    }

    /// WCAG relative luminance of an sRGB colour.
    static func luminance(_ c: (Int, Int, Int)) -> Double {
        func channel(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }

    static func ratio(_ a: Double, _ b: Double) -> Double {
        (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    static let black = 0.0, white = 1.0

    /// The luminance of a colour, or nil for the terminal's default.
    static func luminance(_ c: TermColor) -> Double? {
        c.ansiIndex.map { luminance(rgb($0)) }
    }

    /// The lowest contrast a cell with these attributes can show, over the ways terminals draw it.
    static func worstContrast(_ a: CellAttributes) -> Double {
        let foregrounds = a.bold ? [a.foreground, a.foreground.brightened] : [a.foreground]
        var worst = Double.infinity
        for fg in foregrounds {
            let (text, back) = a.reverse ? (a.background, fg) : (fg, a.background)
            switch (luminance(text), luminance(back)) {
            case (nil, nil): continue
            case let (t?, b?): worst = min(worst, ratio(t, b))
            case let (c?, nil), let (nil, c?): worst = min(worst, ratio(c, black), ratio(c, white))
            }
        }
        return worst
    }

    /// Every style a cell can have: each role, with every combination of the style's own flags.
    static var allStyles: [Style] { ThemeTests.allStyles }

    // MARK: - The arithmetic

    @Test func luminanceAndRatioMatchWCAG() {
        #expect(Self.luminance((0, 0, 0)) == 0)
        #expect(abs(Self.luminance((255, 255, 255)) - 1) < 1e-9)
        #expect(abs(Self.ratio(0, 1) - 21) < 1e-9)
        // #767676, the classic lightest grey that passes on white: 4.54:1.
        #expect(abs(Self.ratio(Self.luminance((0x76, 0x76, 0x76)), 1) - 4.54) < 0.01)
        // xterm's grey 90 fails on white (the default theme's old dim text): about 4.0:1.
        #expect(Self.ratio(Self.luminance(Self.rgb(8)), 1) < 4.5)
        // Blue fails on black: about 2.2:1.
        #expect(Self.ratio(Self.luminance(Self.rgb(4)), 0) < 2.5)
    }

    @Test func xtermPaletteFormulas() {
        #expect(Self.rgb(16) == (0, 0, 0))
        #expect(Self.rgb(63) == (0x5f, 0x5f, 0xff))
        #expect(Self.rgb(231) == (255, 255, 255))
        #expect(Self.rgb(232) == (8, 8, 8))
        #expect(Self.rgb(243) == (0x76, 0x76, 0x76))
        #expect(Self.rgb(255) == (238, 238, 238))
    }

    /// The model of the terminal catches what users saw: grey (bold black with eight colours) and blue on
    /// a dark background, cyan on a light one.
    @Test func theOldColoursFailTheRule() {
        #expect(Self.worstContrast(CellAttributes(foreground: .brightBlack)) < 4.5)
        #expect(Self.worstContrast(CellAttributes(foreground: .black, bold: true)) < 4.5)
        #expect(Self.worstContrast(CellAttributes(foreground: .blue)) < 4.5)
        #expect(Self.worstContrast(CellAttributes(foreground: .cyan, bold: true, reverse: true)) < 4.5)
        #expect(Self.worstContrast(CellAttributes(foreground: .black, background: .yellow, bold: true)) < 4.5)
        #expect(Self.worstContrast(CellAttributes()) == .infinity)
    }

    // MARK: - The themes

    @Test(arguments: ThemeName.allCases, ColorPalette.allCases)
    func everyStyleKeepsTheContrastRule(_ name: ThemeName, _ palette: ColorPalette) {
        let theme = Theme.named(name, palette: palette)
        for style in Self.allStyles {
            let a = theme.attributes(for: style)
            let worst = Self.worstContrast(a)
            #expect(
                worst >= Self.minimum,
                "\(name) \(palette.rawValue): \(style.label) is \(worst):1 (\(a.foreground) on \(a.background))")
        }
    }

    @Test(arguments: ThemeName.allCases, ColorPalette.allCases)
    func coloursStayInThePalette(_ name: ThemeName, _ palette: ColorPalette) {
        let theme = Theme.named(name, palette: palette)
        for role in StyleRole.allCases {
            let a = theme.attributes(forRole: role)
            for c in [a.foreground, a.background] {
                #expect((c.ansiIndex ?? 0) < max(1, palette.colorCount), "\(name) \(palette.rawValue) \(role): \(c)")
            }
            if palette == .none { #expect(!a.usesColor, "\(name) without colour: \(role)") }
        }
    }

    /// Faint text has no known contrast (each terminal dims its own way): no theme uses it.
    @Test(arguments: ThemeName.allCases, ColorPalette.allCases)
    func noRoleIsFaint(_ name: ThemeName, _ palette: ColorPalette) {
        let theme = Theme.named(name, palette: palette)
        for role in StyleRole.allCases {
            #expect(!theme.attributes(forRole: role).dim, "\(name) \(palette.rawValue): \(role)")
        }
    }

    /// The projector theme shows content in white and bright colours: no grey (ANSI 8, the grey ramp) and
    /// nothing faint, in any palette with colour.
    @Test(arguments: [ColorPalette.eight, .sixteen, .xterm256])
    func highContrastUsesNoGreyForContent(_ palette: ColorPalette) {
        let theme = Theme.named(.highContrast, palette: palette)
        let content: [StyleRole] = [
            .normal, .dim, .title, .heading, .tab, .tabActive, .warning, .crosshair,
            .roleMember, .roleInterested, .roleObserver, .roleLeader, .progressDone, .progressTodo,
        ]
        for role in content {
            let a = theme.attributes(forRole: role)
            let grey = a.foreground == .brightBlack || (a.foreground.ansiIndex ?? 0) >= 232
            #expect(!grey && !a.dim, "\(palette.rawValue) \(role): \(a.foreground)")
            #expect(a.background != .default, "\(palette.rawValue) \(role) paints its own background")
        }
    }

    /// With 256 colours the default theme still tells the roles apart by colour (where the rule allows it).
    @Test func twoHundredFiftySixColoursKeepColouredRolesAndGreyText() {
        let theme = Theme.named(.default, palette: .xterm256)
        let glyphs = [StyleRole.roleMember, .roleInterested, .roleObserver, .roleLeader].map {
            theme.attributes(forRole: $0).foreground
        }
        #expect(Set(glyphs).count == 4 && !glyphs.contains(.default), "\(glyphs)")
        #expect(theme.attributes(forRole: .dim).foreground == .indexed(243))
    }

    @Test func paletteFollowsTheTerminalsColourCount() {
        #expect(ColorPalette(colors: 0) == .none)
        #expect(ColorPalette(colors: 8) == .eight)
        #expect(ColorPalette(colors: 16) == .sixteen)
        #expect(ColorPalette(colors: 88) == .sixteen)
        #expect(ColorPalette(colors: 256) == .xterm256)
        #expect(ColorPalette(colors: 16_777_216) == .xterm256)
        #expect(ColorPalette(colors: 256, enabled: false) == .none)
    }

    @Test(arguments: ThemeName.allCases)
    func withoutColourEveryThemeIsMonochrome(_ name: ThemeName) {
        let theme = Theme.named(name, palette: .none)
        #expect(theme.name == .monochrome)
        #expect(!theme.usesColor)
    }
}
