import RCPCore

/// Restyling character ranges of a line.
public enum Highlight {
    /// `line` with the Characters at `ranges` (offsets into `line.plain`) in the match style.
    public static func apply(_ ranges: [Range<Int>], to line: Line, style: Style = .match) -> Line {
        guard !ranges.isEmpty else { return line }
        var out: Line = []
        var offset = 0
        for span in line {
            var current = ""
            var currentIsMatch = false
            func flush() {
                guard !current.isEmpty else { return }
                out.append(
                    Span(current, currentIsMatch ? Widgets.merge(style, into: span.style).with(.match) : span.style))
                current = ""
            }
            for ch in span.text {
                let isMatch = ranges.contains { $0.contains(offset) }
                if isMatch != currentIsMatch { flush(); currentIsMatch = isMatch }
                current.append(ch)
                offset += 1
            }
            flush()
        }
        return out
    }
}
