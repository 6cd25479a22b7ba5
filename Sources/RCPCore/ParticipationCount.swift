/// How many processes a party takes part in (any role), counted one way everywhere: among the Annex A matrix
/// processes, and among all processes including the footnote groups. The explorer's cards, tree and matrix
/// and every command-line lookup show these figures and say which one they show.
public struct ParticipationCount: Sendable, Hashable {
    /// Annex A matrix processes the party takes part in.
    public var inMatrix: Int
    /// All processes it takes part in, the footnote groups included.
    public var all: Int
    /// How many processes the matrix has (13 in the bundled data).
    public var matrixProcesses: Int

    /// The footnote groups it takes part in.
    public var inFootnoteGroups: Int { all - inMatrix }

    /// "in 7 of the 13 matrix processes; 8 with the footnote groups" (the second part only when it differs).
    public var sentence: String {
        var out =
            "in \(inMatrix) of the \(matrixProcesses) matrix \(DisplayText.noun(matrixProcesses, "process", "processes"))"
        if all != inMatrix { out += "; \(all) with the footnote groups" }
        return out
    }

    /// "7 of 13; 8 with footnote groups": for narrow places.
    public var short: String {
        "\(inMatrix) of \(matrixProcesses)" + (all != inMatrix ? "; \(all) with footnote groups" : "")
    }
}

extension Catalog {
    /// The processes `partyID` takes part in, counted as `ParticipationCount` says.
    public func participationCount(of partyID: String) -> ParticipationCount {
        let list = participations(of: partyID)
        return ParticipationCount(
            inMatrix: list.filter(\.process.inMatrix).count, all: list.count,
            matrixProcesses: matrixProcessCount)
    }
}
