/// A one-line text editor: the value and a caret between grapheme clusters. The reducer maps keys to its
/// operations through the key table (scope `.input`); printable characters not bound there are inserted.
public struct LineEditor: Sendable, Hashable {
    public private(set) var text: String
    /// The caret as a count of Characters before it, 0…text.count.
    public private(set) var caret: Int
    /// The longest value accepted, in Characters.
    public var limit: Int

    public init(_ text: String = "", limit: Int = 500) {
        self.limit = limit
        self.text = String(text.prefix(limit))
        self.caret = self.text.count
    }

    private func index(_ n: Int) -> String.Index { text.index(text.startIndex, offsetBy: n) }

    public mutating func insert(_ c: Character) {
        guard text.count < limit, TextWidth.of(c) > 0 else { return }
        text.insert(c, at: index(caret))
        caret += 1
    }

    public mutating func left() { caret = max(0, caret - 1) }
    public mutating func right() { caret = min(text.count, caret + 1) }
    public mutating func home() { caret = 0 }
    public mutating func end() { caret = text.count }

    public mutating func deleteBackward() {
        guard caret > 0 else { return }
        text.remove(at: index(caret - 1))
        caret -= 1
    }

    public mutating func deleteForward() {
        guard caret < text.count else { return }
        text.remove(at: index(caret))
    }

    /// Ctrl-U: everything before the caret.
    public mutating func clearToStart() {
        text.removeSubrange(text.startIndex..<index(caret))
        caret = 0
    }

    /// Ctrl-W: the word before the caret (and the spaces after it).
    public mutating func deleteWord() {
        let chars = Array(text)
        var start = caret
        while start > 0 && chars[start - 1] == " " { start -= 1 }
        while start > 0 && chars[start - 1] != " " { start -= 1 }
        text.removeSubrange(index(start)..<index(caret))
        caret = start
    }

    public mutating func set(_ value: String) {
        text = String(value.prefix(limit))
        caret = text.count
    }

    /// Draws `prompt` and the value on one row, scrolled so the caret shows; returns the caret's column.
    @discardableResult
    public func render(
        _ grid: inout Grid, _ area: Rect, prompt: String, style: Style = .normal,
        placeholder: String = ""
    ) -> Int? {
        guard !area.isEmpty else { return nil }
        grid.fill(area, style: style)
        var x = grid.write(prompt, x: area.x, y: area.y, style: style.bolded, clip: area)
        let room = area.maxX - x - 1
        guard room > 0 else { return nil }
        if text.isEmpty && !placeholder.isEmpty {
            grid.write(placeholder, x: x + 1, y: area.y, style: Style(.dim), clip: area)
            return x
        }
        let chars = Array(text)
        let shown = grid.asciiOnly ? chars.map { ASCIIFold.fold($0) } : chars.map { String($0) }
        // Scroll: the first Character shown, so that the caret stays inside the room.
        var first = 0
        var widthBefore = shown[0..<caret].reduce(0) { $0 + TextWidth.of($1) }
        while widthBefore >= room && first < caret { widthBefore -= TextWidth.of(shown[first]); first += 1 }
        var caretX = x
        for i in first..<shown.count {
            if i == caret { caretX = x }
            if x + TextWidth.of(shown[i]) > area.maxX { break }
            x = grid.write(shown[i], x: x, y: area.y, style: style, clip: area)
        }
        if caret >= shown.count { caretX = x }
        return min(caretX, area.maxX - 1)
    }
}
