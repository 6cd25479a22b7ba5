import RCPCore
import Synchronization

/// A card laid out for a width: its logical lines wrapped into display rows. How many rows each line takes is
/// counted at once (on widths only); the rows themselves are made when they are first read (drawing reads the visible ones), so a
/// card of thousands of lines costs what the screen shows of it.
public struct CardLayout: Sendable {
    public var lines: [CardLine]
    /// Display rows, each with the index of its logical line (nil for a gap row).
    public var rows: CardRows
    /// For each logical line, its first and last display row.
    public var spans: [ClosedRange<Int>]

    init(_ lines: [CardLine], width: Int, env: DisplayEnvironment) {
        self.lines = lines
        var spans: [ClosedRange<Int>] = []
        var made: [Int: [Line]] = [:]
        var count = 0
        for (i, l) in lines.enumerated() {
            let n: Int
            if let items = l.flow {
                let rows = Self.columns(items, width: width, indent: l.indent)
                made[i] = rows
                n = rows.count
            } else {
                n = Wrap.rowCount(l.spans, width: width, firstIndent: l.indent, hangingIndent: l.hanging)
            }
            spans.append(count...(count + max(1, n) - 1))
            count += max(1, n)
            // Presentation: a gap after every line that has text.
            if env.presentation && !l.isBlank && i + 1 < lines.count && !lines[i + 1].isBlank { count += 1 }
        }
        self.spans = spans
        rows = CardRows(lines: lines, spans: spans, count: count, width: width, made: made)
    }

    /// Items in as many columns as fit in `width` after `indent`, running down each column; an item too wide
    /// for its column is cut with "…" only when one column is all there is.
    static func columns(_ items: [Line], width: Int, indent: Int) -> [Line] {
        guard !items.isEmpty else { return [] }
        let gap = 3
        let widths = items.map { TextWidth.of($0.plain) }
        let room = max(1, width - indent)
        // The most columns whose widest items fit side by side.
        func columnWidths(_ count: Int) -> [Int] {
            let perColumn = (items.count + count - 1) / count
            return stride(from: 0, to: items.count, by: perColumn).map {
                widths[$0..<min(items.count, $0 + perColumn)].max() ?? 0
            }
        }
        let count =
            (1...min(items.count, max(1, room / 4))).reversed().first { k in
                let w = columnWidths(k)
                return w.reduce(0, +) + gap * (w.count - 1) <= room
            } ?? 1
        let perColumn = (items.count + count - 1) / count
        let columns = columnWidths(count)
        return (0..<perColumn).map { r in
            var row: Line = [Span(String(repeating: " ", count: indent))]
            for c in 0..<columns.count {
                let i = c * perColumn + r
                guard i < items.count else { break }
                row +=
                    count == 1
                    ? Wrap.lines(items[i], width: room, firstIndent: 0, hangingIndent: 0).first ?? [] : items[i]
                if c < columns.count - 1 && (c + 1) * perColumn + r < items.count {
                    row.append(Span(String(repeating: " ", count: max(0, columns[c] + gap - widths[i]))))
                }
            }
            return row
        }
    }

    /// Whether the cursor may rest on a line.
    func selectable(_ i: Int) -> Bool { i >= 0 && i < lines.count && !lines[i].isBlank }
}

/// The display rows of a `CardLayout`, made on first reading and kept.
public struct CardRows: RandomAccessCollection, Sendable {
    private let store: Store
    public let count: Int

    final class Store: Sendable {
        let lines: [CardLine]
        let spans: [ClosedRange<Int>]
        let width: Int
        let made: Mutex<[Int: [Line]]>
        init(lines: [CardLine], spans: [ClosedRange<Int>], width: Int, made: [Int: [Line]]) {
            self.lines = lines; self.spans = spans; self.width = width; self.made = Mutex(made)
        }
    }

    init(lines: [CardLine], spans: [ClosedRange<Int>], count: Int, width: Int, made: [Int: [Line]]) {
        store = Store(lines: lines, spans: spans, width: width, made: made)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }
    /// How many logical lines have their rows made (for tests: drawing makes only what shows).
    var linesMade: Int { store.made.withLock { $0.count } }

    public subscript(r: Int) -> (line: Line, index: Int?) {
        let spans = store.spans
        // The last line starting at or before r.
        var lo = 0, hi = spans.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if spans[mid].lowerBound <= r { lo = mid } else { hi = mid - 1 }
        }
        guard !spans.isEmpty, spans[lo].contains(r) else { return ([], nil) }  // a gap row
        let rows =
            store.made.withLock { $0[lo] }
            ?? {
                let l = store.lines[lo]
                let rows = Wrap.lines(l.spans, width: store.width, firstIndent: l.indent, hangingIndent: l.hanging)
                store.made.withLock { $0[lo] = rows }
                return rows
            }()
        let k = r - spans[lo].lowerBound
        return (k < rows.count ? rows[k] : [], lo)
    }
}

/// Everything a card layout depends on.
private struct CardLayoutKey: Hashable, Sendable {
    var subject: Subject
    var width: Int
    var ascii, presentation: Bool
    var checklist: Checklist?
    var about: [String]
}

/// The detail card pane: the subject, a cursor on one of its lines, the scroll offset in display rows,
/// and the back/forward stacks of navigation.
public struct CardPane: Pane, Hashable {
    public private(set) var subject: Subject = .overview
    /// Index of the logical line under the cursor.
    public var cursor: Int = 0
    /// First display row shown.
    public var offset: Int = 0
    public private(set) var history: [Subject] = []
    public private(set) var future: [Subject] = []
    /// Lines to keep in the back stack.
    static let historyLimit = 100

    public init() {}

    public var id: PaneID { .card }
    public var tabTitle: String { "Card" }
    public var shortTabTitle: String { "Card" }
    public var scope: KeyScope { .card }

    public func title(_ context: PaneContext) -> (title: String, note: String) {
        let env = context.env
        let back = history.isEmpty ? "" : "\(KeyBindings.firstKey(.back, ascii: env.ascii)) back"
        let marked: String
        switch subject {
        case .process(let id), .party(let id): marked = env.markPrefix(id)
        default: marked = ""
        }
        return (marked + subject.title(env), back)
    }

    public func cursorSubject(_ context: PaneContext) -> Subject? { subject }

    /// What `y` copies from the card: all of it as text.
    public func copyText(_ context: PaneContext) -> String {
        CardContent.plainText(
            CardContent.lines(
                subject, context.env, checklist: context.checklist,
                checklistsAbout: checklistsAbout(context)))
    }

    /// The stored checklists whose subject the card's record is, by name.
    func checklistsAbout(_ context: PaneContext) -> [String] {
        guard let id = subject.recordID, !context.checklistSubjects.isEmpty else { return [] }
        return context.checklistSubjects.filter { $0.value == id }.map(\.key).sorted()
    }

    /// The card laid out for the context's width (less the pointer gutter).
    func layout(_ context: PaneContext) -> CardLayout {
        let env = context.env, width = max(1, context.area.width - 1)
        let about = checklistsAbout(context)
        let key = CardLayoutKey(
            subject: subject, width: width, ascii: env.ascii,
            presentation: env.presentation, checklist: context.checklist,
            about: about)
        return env.catalog.derived.value(key, keep: 16) {
            CardLayout(
                CardContent.lines(subject, env, checklist: context.checklist, checklistsAbout: about),
                width: width, env: env)
        }
    }

    /// Shows `subject` without a step in the history (the selection of another pane moved).
    public mutating func show(_ subject: Subject) {
        guard subject != self.subject else { return }
        self.subject = subject
        cursor = 0
        offset = 0
    }

    /// Opens `subject` as a step of navigation: Back returns here.
    public mutating func open(_ subject: Subject) {
        guard subject != self.subject else { return }
        history.append(self.subject)
        if history.count > Self.historyLimit { history.removeFirst(history.count - Self.historyLimit) }
        future.removeAll()
        show(subject)
    }

    /// Back one step; false when there is nothing to go back to.
    public mutating func back() -> Bool {
        guard let previous = history.popLast() else { return false }
        future.append(subject)
        show(previous)
        return true
    }

    public mutating func forward() -> Bool {
        guard let next = future.popLast() else { return false }
        history.append(subject)
        show(next)
        return true
    }

    /// Moves the cursor to the first line that has a match of `query`, if any.
    public mutating func revealMatch(of query: String, layout: CardLayout, visible: Int) {
        guard
            let i = layout.lines.indices.first(where: {
                !searchHighlightRanges(of: query, in: layout.lines[$0].plain).isEmpty
            })
        else { return }
        cursor = i
        offset = 0
        settle(layout, visible: visible)
    }

    /// Puts the cursor where a search hit is on the card: the line of the hit's topic, else the first line
    /// with a match of the query.
    public mutating func reveal(_ hit: SearchHit, query: String, _ context: PaneContext) {
        let cl = layout(context)
        revealMatch(of: query, layout: cl, visible: context.area.height)
        guard case .topic(let processID, let index) = hit.ref, let p = context.env.catalog.process(id: processID),
            index < p.topics.count
        else { return }
        let label = context.env.shown(p.topics[index].label)
        if let i = cl.lines.firstIndex(where: { $0.plain.contains(label) }) {
            cursor = i
            settle(cl, visible: context.area.height)
        }
    }

    public mutating func handle(_ action: Action, _ context: PaneContext) -> PaneOutcome {
        let layout = layout(context), visible = context.area.height
        let n = layout.lines.count
        guard n > 0, visible > 0 else { return .none }
        let maxOffset = max(0, layout.rows.count - visible)
        let span = layout.spans[min(cursor, n - 1)]
        switch action {
        case .down:
            if span.upperBound >= offset + visible { offset = min(maxOffset, offset + 1); return .none }
            if let j = ((cursor + 1)..<n).first(where: layout.selectable) {
                cursor = j
                let s = layout.spans[j]
                if s.upperBound >= offset + visible {
                    offset = min(maxOffset, max(offset + 1, min(s.lowerBound, s.upperBound - visible + 1)))
                }
            } else {
                offset = maxOffset
            }
        case .up:
            if span.lowerBound < offset { offset = max(0, offset - 1); return .none }
            if let j = (0..<cursor).reversed().first(where: layout.selectable) {
                cursor = j
                let s = layout.spans[j]
                if s.lowerBound < offset {
                    offset = max(
                        0, s.upperBound - visible + 1 > s.lowerBound ? s.upperBound - visible + 1 : s.lowerBound)
                }
            } else {
                offset = 0
            }
        case .scrollUp, .scrollDown:
            offset =
                Scroll.scrolled(
                    offset, by: Scroll.lines(action)!, selected: nil, count: layout.rows.count, visible: visible
                )
                .offset
            // The cursor stays on its line while any of it shows, else goes to the nearest line that shows.
            if span.upperBound < offset {
                cursor = firstSelectable(from: offset, layout) ?? cursor
            } else if span.lowerBound >= offset + visible {
                cursor = lastSelectable(through: offset + visible - 1, layout) ?? cursor
            }
        case .pageDown:
            offset = min(maxOffset, offset + max(1, visible - 1))
            cursor = firstSelectable(from: offset, layout) ?? cursor
        case .pageUp:
            offset = max(0, offset - max(1, visible - 1))
            cursor = firstSelectable(from: offset, layout) ?? cursor
        case .top:
            offset = 0
            cursor = (0..<n).first(where: layout.selectable) ?? 0
        case .bottom:
            offset = maxOffset
            cursor = (0..<n).reversed().first(where: layout.selectable) ?? 0
        case .activate:
            if let link = layout.lines[min(cursor, n - 1)].link { return PaneOutcome(open: link) }
        default:
            break
        }
        settle(layout, visible: visible)
        return .none
    }

    func firstSelectable(from row: Int, _ layout: CardLayout) -> Int? {
        guard row >= 0, row < layout.rows.count else { return nil }
        for r in row..<layout.rows.count {
            if let i = layout.rows[r].index, layout.selectable(i) { return i }
        }
        return nil
    }

    /// The last line with text on a display row up to `row`.
    func lastSelectable(through row: Int, _ layout: CardLayout) -> Int? {
        for r in stride(from: min(row, layout.rows.count - 1), through: 0, by: -1) {
            if let i = layout.rows[r].index, layout.selectable(i) { return i }
        }
        return nil
    }

    public mutating func settle(_ context: PaneContext) { settle(layout(context), visible: context.area.height) }

    /// Keeps the cursor on a line with text and that line (at least partly) on screen.
    mutating func settle(_ layout: CardLayout, visible: Int) {
        let n = layout.lines.count
        guard n > 0 else { cursor = 0; offset = 0; return }
        cursor = min(max(0, cursor), n - 1)
        if !layout.selectable(cursor) {
            cursor =
                ((cursor + 1)..<n).first(where: layout.selectable) ?? (0..<cursor).reversed().first(
                    where: layout.selectable) ?? cursor
        }
        let maxOffset = max(0, layout.rows.count - max(1, visible))
        offset = min(max(0, offset), maxOffset)
        guard visible > 0 else { return }
        let s = layout.spans[cursor]
        if s.upperBound < offset { offset = max(0, s.upperBound - visible + 1) }
        if s.lowerBound >= offset + visible { offset = min(maxOffset, s.lowerBound) }
    }

    public func invariants(_ context: PaneContext) -> [String] {
        let layout = layout(context), visible = context.area.height
        let n = layout.lines.count
        guard n > 0 else { return cursor == 0 && offset == 0 ? [] : ["card: cursor/offset set on an empty card"] }
        var out: [String] = []
        if cursor < 0 || cursor >= n { return ["card: cursor \(cursor) out of 0..<\(n)"] }
        let maxOffset = max(0, layout.rows.count - max(1, visible))
        if offset < 0 || offset > maxOffset { out.append("card: offset \(offset) out of 0...\(maxOffset)") }
        if visible > 0 {
            let s = layout.spans[cursor]
            if s.upperBound < offset || s.lowerBound >= offset + visible {
                out.append("card: cursor line \(cursor) off screen")
            }
        }
        return out
    }

    /// Draws the visible rows; the cursor line is marked (reversed when focused). Returns the cursor position.
    public func render(into grid: inout Grid, context: PaneContext, focused: Bool) -> PaneDrawing {
        let area = context.area, env = context.env
        guard !area.isEmpty else { return PaneDrawing() }
        let layout = layout(context)
        let maxOffset = max(0, layout.rows.count - area.height)
        var copy = self
        copy.settle(layout, visible: area.height)
        let off = min(copy.offset, maxOffset)
        var cursorAt: (x: Int, y: Int)?
        for r in 0..<area.height {
            let i = off + r
            guard i < layout.rows.count else { break }
            let (line, index) = layout.rows[i]
            let y = area.y + r
            let rowArea = area.row(r)
            let isCursor = index == copy.cursor && layout.selectable(copy.cursor)
            let x = area.x + 1
            // Search matches are marked on the rows drawn only: the layout does not depend on the query.
            grid.write(env.highlighted(line), x: x, y: y, clip: rowArea)
            if isCursor {
                let style = focused ? Style(.selection, bold: true, reverse: true) : Style(.selectionUnfocused)
                // Mark only the text of the line, so the selection reads as "this line".
                let indent = line.first.map { $0.text.allSatisfy { $0 == " " } ? TextWidth.of($0.text) : 0 } ?? 0
                let w = max(1, line.displayWidth - indent)
                grid.restyle(Rect(x: x + indent, y: y, width: min(w, area.maxX - x - indent), height: 1)) { s in
                    s = Widgets.merge(s, into: style)
                }
                if cursorAt == nil {
                    grid.write(
                        focused ? env.symbols.pointer : env.symbols.unfocusedPointer, x: area.x, y: y,
                        style: Style(.borderFocused, bold: true), clip: rowArea)
                    cursorAt = (x + indent, y)
                }
            }
        }
        return PaneDrawing(
            cursor: cursorAt, scroll: ScrollPosition(total: layout.rows.count, offset: off, visible: area.height))
    }

    /// Puts the cursor on the line under a screen row.
    public mutating func click(x: Int, y: Int, _ context: PaneContext) -> PaneOutcome {
        click(y: y, area: context.area, layout: layout(context))
        return .none
    }

    mutating func click(y: Int, area: Rect, layout: CardLayout) {
        var copy = self
        copy.settle(layout, visible: area.height)
        let r = copy.offset + (y - area.y)
        guard r >= 0, r < layout.rows.count, let i = layout.rows[r].index, layout.selectable(i) else { return }
        cursor = i
    }
}
