extension Process {
    /// How many participants are members (the figure beside a process in the tree, the matrix and the CLI).
    public var memberCount: Int { participants.filter { $0.roles.contains(.member) }.count }
}
