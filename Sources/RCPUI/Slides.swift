import RCPCore

/// One step of the prepared sequence presentation mode walks through: the landscape, a region, one of its
/// processes, where that process reaches on the map, and the checklist.
public enum Slide: Sendable, Hashable {
    case landscape
    case region(String)
    case process(String)
    case map(String)
    case checklist

    /// The words the footer uses for it: "Process: Bali Process".
    public func title(_ catalog: Catalog) -> String {
        switch self {
        case .landscape: return "The landscape"
        case .region(let id): return "Region: " + (catalog.region(id: id)?.name ?? id)
        case .process(let id): return "Process: " + (catalog.process(id: id).map(\.displayName) ?? id)
        case .map(let id): return "Map: " + (catalog.process(id: id).map(\.displayName) ?? id)
        case .checklist: return "The checklist"
        }
    }

    /// The slides about `process` (and its region), in order.
    static func sequence(about process: Process) -> [Slide] {
        [.landscape, .region(process.region), .process(process.id), .map(process.id), .checklist]
    }
}

/// Where presentation mode is in its slides: the process they are about and the slide shown (nil until the
/// first step: presentation mode starts on whatever was focused).
public struct SlideShow: Sendable, Hashable {
    public var process: String
    public var index: Int?

    public func slides(_ catalog: Catalog) -> [Slide] {
        catalog.process(id: process).map(Slide.sequence(about:)) ?? [.landscape, .checklist]
    }
}

extension AppState {
    /// The process the slides are about: the one on the card or selected in the tree, else the first of the
    /// tree's region, else the first of the matrix.
    func slideProcess() -> String? {
        if case .process(let id) = card.subject { return id }
        if case .process(let id)? = tree.selected { return id }
        if let region = tree.selectedRegion(catalog), let p = catalog.processes(inRegion: region).first { return p.id }
        return catalog.processes.first(where: \.inMatrix)?.id ?? catalog.processes.first?.id
    }

    /// Starts the slide show for presentation mode.
    mutating func startSlides() {
        slideShow = slideProcess().map { SlideShow(process: $0, index: nil) }
    }

    /// The next (or previous) slide: its pane takes the focus and the card shows its subject.
    mutating func stepSlide(forward: Bool) {
        guard var show = slideShow else { return }
        let slides = show.slides(catalog)
        let next = forward ? (show.index.map { $0 + 1 } ?? 0) : (show.index.map { $0 - 1 } ?? 0)
        guard next >= 0, next < slides.count else {
            say(
                forward
                    ? "That was the last slide: \(keys.firstKey(.cancel)) leaves presentation mode."
                    : "This is the first slide.")
            return
        }
        show.index = next
        slideShow = show
        present(slides[next])
    }

    mutating func present(_ slide: Slide) {
        switch slide {
        case .landscape:
            // Every region open, the guide and the global mechanisms closed: the landscape on one screen.
            for r in catalog.regions where r.id != TreeModel.globalID { tree.expanded.insert(.region(r.id)) }
            tree.expanded.remove(.guideRoot)
            tree.expanded.remove(.region(TreeModel.globalID))
            tree.selected =
                catalog.processes.first { $0.id == slideShow?.process }.map { .process($0.id) } ?? tree.selected
            setFocus(.tree)
        case .region(let id):
            card.open(.region(id))
            follow(.region(id))
            setFocus(.card)
        case .process(let id):
            card.open(.process(id))
            follow(.process(id))
            setFocus(.card)
        case .map(let id):
            card.open(.process(id))
            map.coverage = false
            setFocus(.map)
        case .checklist:
            setFocus(.checklist)
        }
    }

    /// The footer of presentation mode: the next slide and the keys (as many as fit `width`), or nil when
    /// there is none to show.
    func slideFooter(width: Int) -> (left: String, right: String)? {
        guard presentation, let show = slideShow else { return nil }
        let slides = show.slides(catalog)
        let at = show.index.map { "\($0 + 1)/\(slides.count)" } ?? "–/\(slides.count)"
        let nextIndex = show.index.map { $0 + 1 } ?? 0
        let next = keys.firstKey(.nextSlide, in: .presentation), back = keys.firstKey(.previousSlide, in: .presentation)
        let leave = keys.firstKey(.cancel)
        let right = "slide \(at)"
        let first = nextIndex < slides.count ? "\(next) next: \(slides[nextIndex].title(catalog))" : "Last slide."
        let parts = [first, "\(back) back", "\(leave) leaves"].map { [Span($0)] }
        return (Widgets.fittingParts(parts, width: max(0, width - TextWidth.of(right) - 2)).plain, right)
    }
}
