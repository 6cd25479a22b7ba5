/// Which category each feature has, and a key for caching pictures drawn with it.
public struct MapStyle: Sendable, Hashable {
    public var key: String
    /// Per feature of the world map.
    public var categories: [MapCategory]

    public init(key: String, categories: [MapCategory]) { self.key = key; self.categories = categories }
}
