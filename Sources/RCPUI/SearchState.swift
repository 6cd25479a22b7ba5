import RCPCore
import Synchronization

/// The search box and its hits.
public struct SearchState: Sendable {
    public var editor = LineEditor()
    public var hits: [SearchHit] = []
    /// The corrected query the hits are for ("budapest" for "budapset"), shown as "showing results for …".
    public var correctedQuery: String?
    /// Why the query has no hits (a filter that names nothing), shown in the hit list.
    public var problem: String?
    /// The chosen hit, by index (Enter goes there; n / N move it).
    public var hitList = ListState<Int>(selected: 0)
    public var selected: Int {
        get { hitList.selected ?? 0 }
        set { hitList.selected = newValue }
    }
    /// True while the query is being typed; false once Enter kept it (the highlight stays).
    public var typing = true
    /// The view from before the search, restored by Esc while typing.
    var saved: AppState.ViewSnapshot

    public var query: String { editor.text }
    /// "3/17", or "0/0".
    public var countLabel: String { hits.isEmpty ? "0/0" : "\(selected + 1)/\(hits.count)" }
}

/// The filter box.
public struct FilterState: Sendable, Hashable {
    public var editor = LineEditor()
    public var typing = true
    public var text: String { editor.text }
}

/// Keeps one `SearchSession` (which refines the previous query's candidates as you type) behind a lock, so
/// that the state stays a Sendable value. The session gives the same hits as `Catalog.search` for any query,
/// so sharing it between copies of the state changes nothing but speed.
final class SearchCache: @unchecked Sendable {
    private let lock = Mutex(())
    private let session: SearchSession

    init(catalog: Catalog) { session = SearchSession(catalog: catalog, limit: 200) }

    func result(_ query: String) -> SearchResult {
        lock.withLock { _ in
            session.update(query)
            return session.result
        }
    }
}
