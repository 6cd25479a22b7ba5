extension Style {
    /// "heading bold", "selection reverse": the role and the attributes that are on.
    public var label: String {
        ([role.rawValue]
            + [bold ? "bold" : nil, underline ? "underline" : nil, reverse ? "reverse" : nil].compactMap { $0 })
            .joined(separator: " ")
    }
}

extension Grid {
    /// The styles of the grid in a form a person can read and a diff can show: a legend giving each style
    /// on the screen a letter (in order of first appearance), then one line per row with the letter of every
    /// cell ("." for plain `normal` cells), then the hardware cursor ("caret x,y" when a text field shows it,
    /// "cursor x,y" when it is only a position). Snapshots keep it beside `plainText()`,
    /// so focus, selection, crosshair, highlight and theme roles are pinned as well as the words.
    public func styleMap() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var code: [Style: Character] = [Style.normal: "."]
        var legend: [String] = []
        var rows: [String] = []
        for y in 0..<height {
            var row = ""
            for x in 0..<width {
                let style = self[x, y].style
                if code[style] == nil {
                    let letter = code.count - 1 < letters.count ? letters[code.count - 1] : "?"
                    code[style] = letter
                    legend.append("\(letter) \(style.label)")
                }
                row.append(code[style]!)
            }
            rows.append(row)
        }
        let cursorLine = cursor.map { "\(cursorIsCaret ? "caret" : "cursor") \($0.x),\($0.y)" } ?? "cursor hidden"
        return (["styles (. normal):"] + legend.map { "  " + $0 } + [""] + rows + ["", cursorLine]).joined(
            separator: "\n")
    }
}
