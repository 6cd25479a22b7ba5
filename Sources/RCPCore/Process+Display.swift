extension Process {
    /// How many participants are members (the figure beside a process in the tree, the matrix and the CLI).
    public var memberCount: Int { participants.count { $0.roles.contains(.member) } }

    /// A name for sentences and titles: the full name when it is short, else the first alias of two words
    /// or more that is ("Bali Process"), else the short name.
    public var displayName: String { name(fitting: 40) }

    /// The name if it fits `width` characters, else the first alias of two words or more that fits, else the
    /// short name.
    public func name(fitting width: Int) -> String {
        if name.count <= width { return name }
        if let alias = aliases.first(where: { $0.count <= width && $0.contains(" ") }) { return alias }
        return shortName
    }
}
