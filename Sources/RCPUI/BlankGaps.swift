extension Grid {
    /// The longest run of blanks `mergingBlankGaps` gives its neighbours' style: a longer one is cheaper to
    /// skip with a cursor move, or to erase, than to write in a look.
    static let longestMergedGap = 8

    /// The same screen with fewer changes of look to send: a short run of blanks between two cells of one style
    /// takes that style when the difference cannot show on a blank. A blank shows its background, reverse
    /// and underline, not its foreground, bold or dim; so the matrix's "·     ·" (grey dot, plain blanks,
    /// grey dot) goes out as one grey run instead of grey, plain, grey: 16 bytes less per gap. Runs that
    /// reach the edge of the row, and runs longer than `longestMergedGap`, keep their style.
    ///
    /// The backend draws this grid. ncurses writes a short gap between two changed cells rather than move over
    /// it, so the gap's look costs two attribute changes; the byte floor moves over it (keeping the look), so
    /// `rcpx-bench` measures the floor on the grid as rendered, the lower of the two.
    public func mergingBlankGaps(theme: Theme) -> Grid {
        var out = self
        var looks: [Style: CellAttributes] = [:]
        func look(_ style: Style) -> CellAttributes {
            if let l = looks[style] { return l }
            let l = theme.attributes(for: style)
            looks[style] = l
            return l
        }
        let space = Cell.blank.code
        for y in 0..<height {
            let row = y * width
            var left: Style? = nil
            var x = 0
            while x < width {
                let cell = cells[row + x]
                guard cell.code == space, cell.width == 1 else {
                    left = cell.style
                    x += 1
                    continue
                }
                let start = x
                while x < width, cells[row + x].code == space, cells[row + x].width == 1 { x += 1 }
                guard x < width, x - start <= Self.longestMergedGap, let style = left, cells[row + x].style == style
                else { continue }
                let wanted = look(style)
                guard !wanted.underline, !wanted.reverse else { continue }
                for bx in start..<x where cells[row + bx].style != style {
                    let had = look(cells[row + bx].style)
                    if !had.underline, !had.reverse, had.background == wanted.background {
                        out[bx, y].style = style
                    }
                }
            }
        }
        return out
    }
}
