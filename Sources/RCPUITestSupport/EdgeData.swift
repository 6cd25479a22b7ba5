import RCPCore

/// Data sets at the edges of what a valid file can hold.
public enum EdgeData {
    static let source = SourceInfo(title: "Edge", publisher: "test", year: 2005, matrixDate: "2005-05-19")

    /// One region, process, state, organization, practice and understanding; a name too long for any pane.
    public static let oneOfEach = Dataset(
        source: source,
        regions: [Region(id: "r", name: "Région", order: 1, source: "t")],
        parties: [
            Party(
                id: "s", name: "Ünïcödé 語 State with a name much longer than any pane is wide, and then some more",
                kind: .state, iso3: "UNI", aliases: ["U"], source: "t"),
            Party(id: "o", name: "Org", kind: .organization, source: "t"),
        ],
        processes: [
            Process(
                id: "p", number: 1, name: "Process", shortName: "P", aliases: [], region: "r", year: 2001,
                inMatrix: true, summary: "",
                participants: [
                    Participation(party: "s", roles: [.member, .coChair]),
                    Participation(party: "o", roles: [.observer]),
                ],
                statedTotal: nil, secretariat: "", topics: [Topic(label: "t", practices: [1])], priorities: [],
                source: "t")
        ],
        mechanisms: [],
        practices: [
            Practice(
                id: "ep-01", number: 1, title: "One", items: [PracticeItem(id: "ep-01.1", title: "Sub")], source: "t")
        ],
        understandings: [Understanding(id: "cu-01", number: 1, summary: "U", source: "t")])

    /// Nothing at all.
    public static let nothing = Dataset(
        source: source, regions: [], parties: [], processes: [], mechanisms: [], practices: [],
        understandings: [])
}
