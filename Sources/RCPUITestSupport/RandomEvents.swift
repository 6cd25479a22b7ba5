import RCPCore
import RCPTestSupport
import RCPUI

/// Random events, biased towards what people press: bound keys most, then typed characters (odd ones too),
/// control and function keys, the mouse, small and large resizes.
struct RandomEvents {
    static let boundKeys: [Key] = {
        var keys: [Key] = []
        for binding in KeyBindings.table { keys += binding.keys.filter { !keys.contains($0) } }
        return keys
    }()

    static let typed: [Character] =
        Array("abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-'.,/?[]()&\"") + [
            "é", "ü", "ô", "ß", "Ω", "中", "文", "🙂", "👍🏽", "👨‍👩‍👧", "e\u{301}", "\u{200B}", "\u{FEFF}", "ﬁ", "ǅ",
            "\u{2028}", "\u{85}", "\u{7F}", "\u{1B}", "\t", "\u{0}", "\u{9B}",
        ]

    /// Letters of the data set's names, so that searches and filters keep finding something.
    let nameLetters: [Character]

    init(catalog: Catalog) {
        let names = catalog.parties.prefix(30).map(\.name) + catalog.processes.prefix(10).map(\.shortName)
        nameLetters = Array(names.joined().lowercased().filter { $0.isLetter })
    }

    func next(_ rng: inout SplitMix64, state: AppState) -> InputEvent {
        let w = state.width, h = state.height
        // A box or an overlay that takes the keys is left now and then, as people do (else a session spends
        // most of its events typing into the help's narrowing line).
        if state.overlay != nil || state.search?.typing == true || state.filter?.typing == true, rng.int(12) == 0 {
            return .key(rng.int(3) == 0 ? .enter : .escape)
        }
        switch rng.int(100) {
        case 0..<58: return .key(Self.boundKeys[rng.int(Self.boundKeys.count)])
        case 58..<75: return .key(.character(Self.typed[rng.int(Self.typed.count)]))
        case 75..<78 where !nameLetters.isEmpty: return .key(.character(nameLetters[rng.int(nameLetters.count)]))
        case 75..<81:
            return .key(
                rng.int(2) == 0 ? .ctrl(Character(Unicode.Scalar(UInt8(97 + rng.int(26))))) : .function(rng.int(25)))
        case 81..<93:
            let actions: [MouseAction] = [.press, .release, .wheelUp, .wheelDown]
            return .mouse(actions[rng.int(4)], x: rng.int(w + 4) - 2, y: rng.int(h + 4) - 2)
        case 93..<97:
            // A drag of the window's edge.
            return .resize(width: max(1, w + rng.int(7) - 3), height: max(1, h + rng.int(5) - 2))
        default:
            let (w2, h2) = randomSize(&rng)
            return .resize(width: w2, height: h2)
        }
    }

    /// A size from 1×1 to 300×100: a third anywhere in the range, a third around the sizes terminals have
    /// (80×24 to 132×43), a third small (below the 40×10 minimum and just above it).
    func randomSize(_ rng: inout SplitMix64) -> (Int, Int) {
        switch rng.int(3) {
        case 0: return (1 + rng.int(300), 1 + rng.int(100))
        case 1: return (80 + rng.int(53), 24 + rng.int(20))
        default: return (1 + rng.int(70), 1 + rng.int(22))
        }
    }
}
