/// Folds text for matching: lower case, no diacritics, and every character that is not a letter or a digit
/// (spaces, punctuation, typographic quotes and dashes) becomes a space — so "Côte d’Ivoire", "cote d'ivoire"
/// and "COTE D IVOIRE" all read "cote d ivoire".
///
/// The result has exactly one `Character` per `Character` of `s`, so an offset found in the folded text is
/// the offset of the same character in `s` (for highlighting). Latin-1 Supplement and Latin Extended-A are
/// folded by a table (plus the Romanian comma letters); letters of other scripts are only lower-cased.
public func normalizeForSearch(_ s: String) -> String {
    var out = ""
    out.unicodeScalars.reserveCapacity(s.utf8.count)
    for c in s { out.append(foldCharacter(c)) }
    return out
}

/// The folded form of `s` as one code per `Character`: the folded character's scalar value, or a value
/// above U+10FFFF for the rare folded characters made of several scalars. Comparing codes is comparing
/// folded characters.
func searchCodes(_ s: String) -> [UInt32] {
    var codes: [UInt32] = []
    codes.reserveCapacity(s.utf8.count)
    // Fast path: ASCII without "\r" has one Character per byte.
    if s.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
        for b in s.utf8 { codes.append(foldASCII(b)) }
        return codes
    }
    for c in s { codes.append(code(of: foldCharacter(c))) }
    return codes
}

/// Folded codes with leading and trailing spaces removed and runs of spaces collapsed: the form of a query,
/// and the key under which names are compared exactly.
func searchKey(_ s: String) -> [UInt32] { FoldedText(s).codes }

let space: UInt32 = 0x20

@inline(__always) func foldASCII(_ b: UInt8) -> UInt32 {
    switch b {
    case UInt8(ascii: "A")...UInt8(ascii: "Z"): return UInt32(b) + 32
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(b)
    default: return space
    }
}

func code(of c: Character) -> UInt32 {
    let scalars = c.unicodeScalars
    if scalars.count == 1 { return scalars.first!.value }
    var h: UInt32 = 2_166_136_261  // FNV-1a, moved above the Unicode range
    for s in scalars { h = (h ^ s.value) &* 16_777_619 }
    return 0x11_0000 | (h & 0x7FFF_FFFF)
}

func foldCharacter(_ c: Character) -> Character {
    let first = c.unicodeScalars.first!
    let v = first.value
    if v < 0x80 { return Character(Unicode.Scalar(UInt8(foldASCII(UInt8(v))))) }
    if v >= 0xC0 && v < 0x180 { return Character(Unicode.Scalar(latinFolds[Int(v - 0xC0)])) }
    switch v {
    case 0x218, 0x219: return "s"
    case 0x21A, 0x21B: return "t"
    default: break
    }
    guard c.isLetter || c.isNumber else { return " " }
    let lower = c.lowercased()
    return lower.count == 1 ? Character(lower) : c
}

/// ASCII folds of U+00C0…U+017F (a space for × and ÷).
private let latinFolds: [UInt8] = Array(
    ("aaaaaaaceeeeiiii" + "dnooooo ouuuuyts" + "aaaaaaaceeeeiiii" + "dnooooo ouuuuyty"  // U+00C0…U+00FF
        + "aaaaaaccccccccdd" + "ddeeeeeeeeeegggg" + "gggghhhhiiiiiiii" + "iiiijjkkklllllll"  // U+0100…U+013F
        + "lllnnnnnnnnnoooo" + "oooorrrrrrssssss" + "ssttttttuuuuuuuu" + "uuuuwwyyyzzzzzzs"  // U+0140…U+017F
        ).utf8)
