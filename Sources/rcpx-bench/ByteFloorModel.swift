import RCPCore
import RCPUI

/// The explorer's session as the bench drives it on the pty, played again in process: the same catalog, the
/// same start-up events (an empty checklist folder), the same size and keys. Each key's frame is diffed
/// against the one before, and the diff's byte floor (`Grid.byteFloor`) is what the wire is measured against.
struct ModelSession {
    private(set) var state: AppState
    private(set) var grid: Grid
    let theme: Theme
    private(set) var columns: Int
    private(set) var rows: Int

    /// The explorer as it starts on `TERM=xterm-256color` in a UTF-8 locale.
    init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
        state = AppState(catalog: .bundled, options: UIOptions())
        _ = App.update(&state, .resize(width: columns, height: rows))
        _ = App.update(&state, .checklistsListed(names: [], problems: []))
        theme = Theme.named(state.effectiveTheme, palette: .xterm256)
        grid = App.render(state, width: columns, height: rows)
    }

    /// The first frame's floor: a clear screen and every cell that is not blank.
    var firstFrameFloor: ByteFloor { grid.byteFloor(since: nil, theme: theme) }

    /// Presses `key`; returns the floor of the frame it brings, the floor when a scroll region may move a band
    /// of rows first, and the number of rows it changed.
    mutating func press(_ key: Key) -> (floor: ByteFloor, scrolling: ByteFloor, rowsChanged: Int) {
        _ = App.update(&state, .key(key))
        let theme = Theme.named(state.effectiveTheme, palette: .xterm256)
        let next = App.render(state, width: columns, height: rows)
        let floor = next.byteFloor(since: grid, theme: theme)
        let scrolling = next.byteFloorScrolling(since: grid, theme: theme)
        let rowsChanged = Set(next.changes(since: grid).map(\.y)).count
        grid = next
        return (floor, scrolling, rowsChanged)
    }

    /// A resize: the frame at the new size, whose floor is a clear screen and every cell that is not blank.
    mutating func resize(columns: Int, rows: Int) -> ByteFloor {
        self.columns = columns
        self.rows = rows
        _ = App.update(&state, .resize(width: columns, height: rows))
        grid = App.render(state, width: columns, height: rows)
        return grid.byteFloor(since: nil, theme: theme)
    }

    /// The key the explorer reads from what `TerminalBench.navigationScript` sends.
    static func key(named name: String) -> Key {
        switch name {
        case "Down": return .down
        case "Up": return .up
        case "Right": return .right
        case "Left": return .left
        case "Tab": return .tab
        case "PgDn": return .pageDown
        case "PgUp": return .pageUp
        case "Esc": return .escape
        case "Enter": return .enter
        case "Ctrl-E": return .ctrl("e")
        case "Ctrl-Y": return .ctrl("y")
        default:
            guard name.count == 1, let c = name.first else { fatal("no key for \(name)") }
            return .character(c)
        }
    }
}
