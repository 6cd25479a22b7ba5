import Synchronization

/// What a cell means; a `Theme` turns it into colours and attributes. Meaning never rests on colour alone:
/// every role that matters also has a shape (glyph, bracket, reverse video, bold or underline).
public enum StyleRole: String, CaseIterable, Sendable, Hashable {
    case normal
    case dim
    case title
    case heading
    case border
    case borderFocused
    case selection
    case selectionUnfocused
    case crosshair
    case match
    case statusBar
    case statusKey
    case tab
    case tabActive
    case warning
    case roleMember
    case roleInterested
    case roleObserver
    case roleLeader
    case progressDone
    case progressTodo
}

/// The look of one cell: a semantic role plus attributes that hold even without colour.
public struct Style: Sendable, Hashable {
    public var role: StyleRole
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ role: StyleRole = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role; self.bold = bold; self.underline = underline; self.reverse = reverse
    }

    public static let normal = Style()
}

/// One terminal cell. A wide grapheme occupies its cell (`width == 2`) and the next one,
/// which holds an empty `text` and `width == 0` as a continuation.
///
/// The text is kept as a number, not a `String`: a frame writes thousands of cells, and a number is copied
/// and compared without reference counting. One scalar is its own value; a cluster of several (a letter with
/// a combining mark, an emoji sequence) is numbered in a table shared by every grid.
public struct Cell: Sendable, Hashable {
    var code: UInt32
    public var width: UInt8
    public var style: Style

    public init(_ text: String = " ", width: UInt8 = 1, style: Style = .normal) {
        self.code = Cell.code(of: text); self.width = width; self.style = style
    }

    /// A cell of one scalar.
    init(scalar: Unicode.Scalar, width: UInt8 = 1, style: Style = .normal) {
        self.code = scalar.value; self.width = width; self.style = style
    }

    /// The grapheme cluster drawn in the cell ("" for the continuation of a wide one).
    public var text: String {
        get { Cell.text(of: code) }
        set { code = Cell.code(of: newValue) }
    }

    public static let blank = Cell()
    public var isContinuation: Bool { width == 0 }

    /// The code of "", and the first code of the cluster table (above every scalar value).
    static let emptyCode: UInt32 = 0x11_0000
    static let firstClusterCode: UInt32 = 0x11_0001

    /// The clusters of more than one scalar met so far, numbered from `firstClusterCode`.
    private static let clusters = Mutex<(codes: [String: UInt32], texts: [String])>(([:], []))

    static func code(of text: String) -> UInt32 {
        var scalars = text.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return emptyCode }
        if scalars.next() == nil { return first.value }
        return clusters.withLock { table in
            if let code = table.codes[text] { return code }
            let code = firstClusterCode + UInt32(table.texts.count)
            table.codes[text] = code
            table.texts.append(text)
            return code
        }
    }

    static func text(of code: UInt32) -> String {
        if code < emptyCode { return Unicode.Scalar(code).map { String(Character($0)) } ?? "" }
        if code == emptyCode { return "" }
        return clusters.withLock { $0.texts[Int(code - firstClusterCode)] }
    }
}

/// A rectangle of cells: what a frame renders into, what the backend blits and what snapshots compare.
public struct Grid: Sendable, Hashable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor rests, if anywhere: the selected item (magnifiers and screen readers follow
    /// it), or the insertion point of the text field being typed in (see `cursorIsCaret`).
    public var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0; if newValue == nil { cursorIsCaret = false } }
    }
    /// Whether the cursor is a text field's caret, which the terminal shows; otherwise it is only a position,
    /// kept for assistive tools but invisible, so it never hides a letter or makes a hole in a highlight bar.
    public var cursorIsCaret: Bool = false
    private var cursorX: Int?
    private var cursorY: Int = 0
    /// When set, `write` transliterates every character to ASCII (`--ascii`, or no UTF-8 locale).
    public var asciiOnly: Bool = false

    public init(width: Int, height: Int, fill: Cell = .blank, asciiOnly: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.asciiOnly = asciiOnly
        self.cells = Array(repeating: fill, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { cells[y * width + x] = newValue }
    }

    public func contains(x: Int, y: Int) -> Bool { x >= 0 && y >= 0 && x < width && y < height }

    /// Sets the cells at `indices` (into `cells`, row by row) to `cell`, without the care `put` takes of wide
    /// characters: for runs whose ends were put.
    mutating func setCells(_ indices: Range<Int>, to cell: Cell) {
        cells.withUnsafeMutableBufferPointer { b in for i in indices { b[i] = cell } }
    }

    /// The grid as plain text, one line per row, trailing blanks kept; continuation cells add nothing.
    public func plainText() -> String {
        var out = ""
        out.reserveCapacity((width + 1) * height)
        for y in 0..<height {
            for x in 0..<width {
                let c = cells[y * width + x]
                if !c.isContinuation { out += c.text }
            }
            if y < height - 1 { out += "\n" }
        }
        return out
    }
}

/// The colour themes. Every theme keeps meaning in shapes and attributes, so monochrome loses nothing.
public enum ThemeName: String, CaseIterable, Sendable, Hashable {
    case `default`
    case highContrast = "high-contrast"
    case monochrome
}

/// How the explorer was asked to look and behave.
public struct UIOptions: Sendable, Hashable {
    public var theme: ThemeName
    /// Draw with ASCII only (lines, glyphs and transliterated names).
    public var ascii: Bool
    /// Capture the mouse (off leaves the terminal's own text selection alone).
    public var mouse: Bool

    public init(theme: ThemeName = .default, ascii: Bool = false, mouse: Bool = true) {
        self.theme = theme; self.ascii = ascii; self.mouse = mouse
    }
}
