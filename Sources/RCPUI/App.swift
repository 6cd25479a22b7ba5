import RCPCore

/// The reducer and the view.
public enum App {
    /// state + event → state, and the effects the backend must carry out.
    public static func update(_ state: inout AppState, _ event: InputEvent) -> [Effect] {
        var effects: [Effect] = []
        switch event {
        case .resize(let w, let h):
            state.width = max(0, w)
            state.height = max(0, h)
        case .key(let key):
            state.message = nil
            effects = state.handleKey(key)
        case .mouse(let action, let x, let y):
            effects = state.handleMouse(action, x: x, y: y)
        default:
            effects = state.handleBackendEvent(event)
        }
        state.settle()
        return effects
    }

    /// state + size → a grid of exactly `width`×`height` cells.
    public static func render(_ state: AppState, width: Int, height: Int) -> Grid {
        var s = state
        s.width = max(0, width)
        s.height = max(0, height)
        s.settle()
        var renderer = Renderer(state: s)
        return renderer.draw()
    }
}

extension App {
    /// Builds what a first search or filter would otherwise build on the key path (the search index, the
    /// filter's folded texts): the explorer calls it off the main thread after start-up, so that the first
    /// keystroke of a search answers as fast as the next ones.
    public static func prepare(_ catalog: Catalog) {
        catalog.prepareSearchIndex()
        _ = FilterCorpus.of(catalog)
    }
}
