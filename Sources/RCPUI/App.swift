

// SCAFFOLD: the minimal shape of the app so the terminal backend can be written in parallel.
// The UI engineer replaces this file's bodies with the real state, reducer and rendering.

/// The whole UI state.
public struct AppState: Sendable {
    public var options: UIOptions
    public var width: Int = 80
    public var height: Int = 24
    public init(options: UIOptions) {
        self.options = options
    }
    /// The theme in force (presentation mode switches to high contrast).
    public var effectiveTheme: ThemeName { options.theme }
}

/// The reducer and the view.
public enum App {
    /// state + event → state, and the effects the backend must carry out.
    public static func update(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        switch event {
        case .key(.character("q")): return [.quit]
        case .resize(let w, let h): state.width = w; state.height = h; return []
        default: return []
        }
    }

    /// state + size → a grid of cells.
    public static func render(_ state: AppState, width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        for (i, ch) in "rcpx".enumerated() where i < width && height > 0 { grid[i, 0] = Cell(String(ch)) }
        return grid
    }
}
