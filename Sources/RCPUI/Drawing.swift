/// A rectangle of cells. Empty when `width` or `height` is not positive.
public struct Rect: Sendable, Hashable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var description: String { "\(width)x\(height)@\(x),\(y)" }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && py >= y && px < maxX && py < maxY }

    /// Shrunk by `dx` columns on each side and `dy` rows on top and bottom.
    public func inset(dx: Int, dy: Int) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }

    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        return Rect(x: x0, y: y0, width: min(maxX, other.maxX) - x0, height: min(maxY, other.maxY) - y0)
    }

    /// The first `n` rows, and the rest.
    public func splitTop(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n))
    }

    /// The first `n` columns, and the rest.
    public func splitLeft(_ n: Int) -> (Rect, Rect) {
        let n = min(max(0, n), width)
        return (Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height))
    }

    /// The last `n` rows, and the rest above them.
    public func splitBottom(_ n: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, n), height)
        return (Rect(x: x, y: y, width: width, height: height - n), Rect(x: x, y: maxY - n, width: width, height: n))
    }

    /// One row of the rectangle (relative index).
    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: (i >= 0 && i < height) ? 1 : 0) }

    /// A rectangle of at most `w`×`h` centred in this one.
    public func centered(width w: Int, height h: Int) -> Rect {
        let w = min(w, width), h = min(h, height)
        return Rect(x: x + (width - w) / 2, y: y + (height - h) / 2, width: w, height: h)
    }
}

/// A run of text in one style.
public struct Span: Sendable, Hashable {
    public var text: String
    public var style: Style
    public init(_ text: String, _ style: Style = .normal) { self.text = text; self.style = style }
}

/// A line of styled text.
public typealias Line = [Span]

extension Array where Element == Span {
    /// The line without styles.
    public var plain: String { map(\.text).joined() }
    /// Its width in columns.
    public var displayWidth: Int { reduce(0) { $0 + TextWidth.of($1.text) } }
}

extension Style {
    /// The same style with another role.
    public func with(_ role: StyleRole) -> Style { var s = self; s.role = role; return s }
    public var bolded: Style { var s = self; s.bold = true; return s }
    public var underlined: Style { var s = self; s.underline = true; return s }
    public var reversed: Style { var s = self; s.reverse = true; return s }

    public static let dim = Style(.dim)
    public static let heading = Style(.heading, bold: true)
    public static let title = Style(.title, bold: true)
    /// A search match: the theme's match colour, and underlined so it survives monochrome.
    public static let match = Style(.match, bold: true, underline: true)
    public static let warning = Style(.warning, bold: true)
}

extension Grid {
    /// Puts one cell, keeping wide characters whole: overwriting either half of a wide character blanks the
    /// other half. Out-of-grid positions are ignored.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard contains(x: x, y: y) else { return }
        let old = self[x, y]
        if old.isContinuation, x > 0 { self[x - 1, y] = Cell(" ", style: self[x - 1, y].style) }
        if old.width == 2, x + 1 < width, cell.width != 2 { self[x + 1, y] = Cell(" ", style: old.style) }
        self[x, y] = cell
    }

    /// Writes `text` from (`x`, `y`) without going outside `clip` or the grid, one grapheme cluster per cell
    /// (a wide one takes two; one that would straddle the edge becomes a space). Controls and stray zero-width
    /// clusters are dropped; with `asciiOnly` every cluster is transliterated first.
    /// Returns the column after the last cell written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style = .normal, clip: Rect? = nil) -> Int {
        let area = (clip ?? Rect(x: 0, y: 0, width: width, height: height))
            .intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard y >= area.y, y < area.maxY else { return x + TextWidth.of(text) }
        var cx = x
        func emit(_ c: Character) {
            let w = TextWidth.of(c)
            guard w > 0 else { return }
            defer { cx += w }
            guard cx + w > area.x, cx < area.maxX else { return }
            if cx < area.x || cx + w > area.maxX {
                // Half of a wide character would fall outside: show a blank for the visible half.
                for i in 0..<w where cx + i >= area.x && cx + i < area.maxX {
                    put(Cell(" ", style: style), x: cx + i, y: y)
                }
                return
            }
            put(Cell(String(c), width: UInt8(w), style: style), x: cx, y: y)
            if w == 2 { put(Cell("", width: 0, style: style), x: cx + 1, y: y) }
        }
        if TextWidth.isPrintableASCII(text) {
            // Printable ASCII (most text): one cell per byte, no grapheme breaking.
            for b in text.utf8 {
                defer { cx += 1 }
                guard cx >= area.x, cx < area.maxX else { continue }
                put(Cell(scalar: Unicode.Scalar(b), style: style), x: cx, y: y)
            }
        } else if !asciiOnly && TextWidth.isSimple(text) {
            // One-column scalars, each a cluster of its own (names with accents, dashes, box drawing).
            for scalar in text.unicodeScalars {
                defer { cx += 1 }
                guard cx >= area.x, cx < area.maxX else { continue }
                put(Cell(scalar: scalar, style: style), x: cx, y: y)
            }
        } else if asciiOnly {
            for c in ASCIIFold.fold(text) { emit(c) }
        } else {
            for c in text { emit(c) }
        }
        return cx
    }

    /// Writes `line` from `x` in at most `width` columns; text that does not fit ends with `ellipsis` ("…", or
    /// "~" in ASCII), never cut silently. The one rule for text that may be too long for its place.
    @discardableResult
    public mutating func write(_ line: Line, x: Int, y: Int, fitting width: Int, ellipsis: String) -> Int {
        guard width > 0 else { return x }
        let clip = Rect(x: x, y: y, width: width, height: 1)
        guard line.displayWidth > width else { return write(line, x: x, y: y, clip: clip) }
        let room = max(0, width - TextWidth.of(ellipsis))
        var cx = x, used = 0
        var lastStyle = line.first?.style ?? .normal
        for span in line where used < room {
            let piece = TextWidth.prefix(span.text, width: room - used)
            cx = write(piece, x: cx, y: y, style: span.style, clip: clip)
            used += TextWidth.of(piece)
            lastStyle = span.style
        }
        return write(TextWidth.prefix(ellipsis, width: width - used), x: cx, y: y, style: lastStyle, clip: clip)
    }

    /// `write(_:x:y:fitting:ellipsis:)` for one style.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, style: Style, fitting width: Int, ellipsis: String)
        -> Int
    {
        write([Span(text, style)], x: x, y: y, fitting: width, ellipsis: ellipsis)
    }

    /// Writes a line of spans; returns the column after it.
    @discardableResult
    public mutating func write(_ line: Line, x: Int, y: Int, clip: Rect? = nil) -> Int {
        var cx = x
        for span in line { cx = write(span.text, x: cx, y: y, style: span.style, clip: clip) }
        return cx
    }

    /// Fills a rectangle (clipped to the grid) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .normal, with text: String = " ") {
        let r = rect.intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        let t = asciiOnly ? ASCIIFold.fold(text) : text
        let cell = Cell(TextWidth.of(t) == 1 ? t : " ", style: style)
        for y in r.y..<r.maxY {
            // The edges keep wide characters that cross them whole (`put`); between them every cell is replaced,
            // so a wide character there needs no care.
            put(cell, x: r.x, y: y)
            guard r.width > 1 else { continue }
            put(cell, x: r.maxX - 1, y: y)
            let start = y * width + r.x + 1, end = y * width + r.maxX - 1
            if start < end { setCells(start..<end, to: cell) }
        }
    }

    /// Changes the style of every cell of a rectangle (clipped to the grid).
    public mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        let r = rect.intersection(Rect(x: 0, y: 0, width: width, height: height))
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX {
                var c = self[x, y]
                change(&c.style)
                self[x, y] = c
            }
        }
    }

    /// The text of one row (for tests and hit checks).
    public func rowText(_ y: Int) -> String {
        guard y >= 0, y < height else { return "" }
        var out = ""
        for x in 0..<width where !self[x, y].isContinuation { out += self[x, y].text }
        return out
    }
}
