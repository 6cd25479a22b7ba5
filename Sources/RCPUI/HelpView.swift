import RCPCore
import Synchronization

/// The help overlay, generated from the key table.
enum HelpView {
    enum Row: Hashable { case heading(String), binding(keys: String, description: String) }

    /// Every binding (or those matching `narrow` in its keys, description or scope), grouped by scope.
    static func rows(_ narrow: String, keys: KeyTable, ascii: Bool) -> [Row] {
        // Settling and drawing ask for the same rows; matching four texts of every binding is not free.
        let key = "\(keys.signature) \(ascii ? 1 : 0)\(narrow)"
        if let hit = recentRows.withLock({ recent in recent.first { $0.key == key }?.rows }) { return hit }
        let rows = matchingRows(narrow, keys: keys, ascii: ascii)
        recentRows.withLock { recent in
            recent.insert((key, rows), at: 0)
            if recent.count > 8 { recent.removeLast() }
        }
        return rows
    }

    private static let recentRows = Mutex<[(key: String, rows: [Row])]>([])

    private static func matchingRows(_ narrow: String, keys: KeyTable, ascii: Bool) -> [Row] {
        var rows: [Row] = []
        for scope in keys.scopes {
            let matching = keys.bindings(in: scope).filter { b in
                narrow.isEmpty
                    || [b.description, KeyBindings.keyLabel(b, ascii: ascii), scope.label, b.action.rawValue]
                        .contains { !matchRanges(of: narrow, in: $0).isEmpty }
            }
            guard !matching.isEmpty else { continue }
            rows.append(.heading(scope.label))
            rows += matching.map { .binding(keys: KeyBindings.keyLabel($0, ascii: ascii), description: $0.description) }
        }
        return rows
    }

    /// The box on a screen.
    static func box(_ screen: Rect) -> Rect {
        screen.centered(width: screen.width < 100 ? screen.width : 88, height: screen.height - 2)
    }

    /// The list area inside the box (below the narrowing line and a gap).
    static func body(_ screen: Rect) -> Rect {
        let inner = box(screen).inset(dx: 1, dy: 1)
        return Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    }

    static func keysWidth(_ width: Int) -> Int { min(24, max(12, width / 3)) }

    /// The lines the overlay shows for `narrow`, its matches highlighted. Settling and drawing a frame with the
    /// help open both ask for them (and arrows only scroll them): the last few texts and widths are remembered.
    static func shownLines(_ narrow: String, keys: KeyTable, ascii: Bool, width: Int) -> [Line] {
        let key = "\(keys.signature) \(ascii ? 1 : 0) \(width) \(narrow)"
        if let hit = recentLines.withLock({ recent in recent.first { $0.key == key }?.lines }) { return hit }
        let shown = lines(narrow, keys: keys, ascii: ascii, width: width) { line in
            narrow.isEmpty ? line : Highlight.apply(matchRanges(of: narrow, in: line.plain), to: line)
        }
        recentLines.withLock { recent in
            recent.insert((key, shown), at: 0)
            if recent.count > 8 { recent.removeLast() }
        }
        return shown
    }

    private static let recentLines = Mutex<[(key: String, lines: [Line])]>([])

    /// The rows as display lines for `width` columns: descriptions wrap under themselves.
    static func lines(
        _ narrow: String, keys: KeyTable = KeyBindings.standard, ascii: Bool, width: Int,
        highlight: (Line) -> Line = { $0 }
    ) -> [Line] {
        guard width > 0 else { return [] }
        let kw = keysWidth(width)
        var out: [Line] = []
        for row in rows(narrow, keys: keys, ascii: ascii) {
            switch row {
            case .heading(let text):
                if !out.isEmpty { out.append([]) }
                out.append([Span(text, .heading)])
            case .binding(let keys, let description):
                let keyText = "  " + TextWidth.pad(keys, width: kw - 2)
                let wrapped = Wrap.lines(
                    highlight([Span(description)]), width: width, firstIndent: kw + 1, hangingIndent: kw + 1)
                for (i, l) in wrapped.enumerated() {
                    var line = l
                    if i == 0 {
                        line =
                            highlight([Span(keyText, Style(.statusKey, bold: true))]) + [Span(" ")]
                            + Array(l.dropFirst())
                    }
                    out.append(line)
                }
            }
        }
        return out
    }
}
