/// The data model of rcpx: every fact of the source paper, typed and linked by id.
///
/// Records refer to each other by string ids (`Participation.party` names a `Party.id`,
/// `Process.region` a `Region.id`, …). `Dataset` holds the raw records as loaded;
/// `Catalog` (built from a validated dataset) adds the indexes the queries use.

/// A role a party plays in a process or mechanism. The vocabulary is closed.
public enum Role: String, CaseIterable, Sendable, Hashable, Comparable {
    case member
    case interestedState = "interested-state"
    case observer
    case participant
    case chair
    case coChair = "co-chair"
    case viceChair = "vice-chair"
    case presidencyProTempore = "presidency-pro-tempore"
    case secretariat
    case coordinator

    /// Words for people ("presidency pro tempore", "interested state").
    public var label: String {
        switch self {
        case .member: return "member"
        case .interestedState: return "interested state"
        case .observer: return "observer"
        case .participant: return "participant"
        case .chair: return "chair"
        case .coChair: return "co-chair"
        case .viceChair: return "vice-chair"
        case .presidencyProTempore: return "presidency pro tempore"
        case .secretariat: return "secretariat"
        case .coordinator: return "coordinator"
        }
    }

    /// Roles that lead a process (shown with the same glyph in the matrix).
    public var isLeadership: Bool {
        switch self {
        case .chair, .coChair, .viceChair, .presidencyProTempore: return true
        default: return false
        }
    }

    /// Ordering used for sorting and for picking the "strongest" role of a party.
    public var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (a: Role, b: Role) -> Bool { a.rank < b.rank }
}

/// What kind of entity a party is.
public enum PartyKind: String, CaseIterable, Sendable, Hashable {
    case state
    case territory
    case organization
}

/// Where a record comes from in the paper, e.g. "Annex A, row 12; as of 19 May 2005".
public typealias Provenance = String

/// A region of Annex A, or the group for the global mechanisms (`id == "global"`).
public struct Region: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    /// A shorter name for narrow panes ("Europe and FSU"); nil when the name is short already. At most
    /// `shortNameLimit` characters.
    public var shortName: String?
    public static let shortNameLimit = 22
    /// Display order in the tree (1…).
    public var order: Int
    public var note: String?
    public var source: Provenance

    public init(id: String, name: String, shortName: String? = nil, order: Int, note: String? = nil, source: Provenance)
    {
        self.id = id; self.name = name; self.shortName = shortName; self.order = order; self.note = note;
        self.source = source
    }
}

/// A state, territory or organization, listed once under its canonical name.
public struct Party: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var kind: PartyKind
    /// ISO 3166-1 alpha-3 code (of the time, for entities such as Serbia and Montenegro), or nil.
    public var iso3: String?
    /// Every other spelling the paper uses, plus common short forms ("UK", "Viet Nam").
    public var aliases: [String]
    /// ASCII transliteration for terminals without UTF-8 ("Cote d'Ivoire"); nil when `name` is ASCII.
    public var asciiName: String?
    public var note: String?
    public var source: Provenance
    /// Which fields are rcpx's inference rather than the paper's word (`note` for background facts).
    public var bases: [Basis]

    public init(
        id: String, name: String, kind: PartyKind, iso3: String? = nil, aliases: [String] = [],
        asciiName: String? = nil, note: String? = nil, source: Provenance, bases: [Basis] = []
    ) {
        self.id = id; self.name = name; self.kind = kind; self.iso3 = iso3; self.aliases = aliases
        self.asciiName = asciiName; self.note = note; self.source = source; self.bases = bases
    }
}

/// One party's part in a process or mechanism.
public struct Participation: Sendable, Hashable {
    public var party: String
    public var roles: [Role]
    /// A qualifier the paper gives, e.g. "through SIDA".
    public var note: String?

    public init(party: String, roles: [Role], note: String? = nil) {
        self.party = party; self.roles = roles; self.note = note
    }
}

/// The total as printed in the matrix, and the counts it states.
public struct StatedTotal: Sendable, Hashable {
    /// As printed, e.g. "Total: 16 + Hong Kong".
    public var text: String
    /// Number of governments with the `member` role the total counts.
    public var members: Int
    /// Number of interested states (CIS Conference: 36), else 0.
    public var interested: Int
    /// Party ids printed outside the number ("+ Hong Kong").
    public var plus: [String]

    public init(text: String, members: Int, interested: Int = 0, plus: [String] = []) {
        self.text = text; self.members = members; self.interested = interested; self.plus = plus
    }
}

/// An area of discussion of a process, mapped to the IAMM effective-practice headings it falls under.
public struct Topic: Sendable, Hashable {
    /// The words of the record the mapping rests on, e.g. "smuggling and trafficking".
    public var label: String
    /// Effective-practice heading numbers (1…20).
    public var practices: [Int]

    public init(label: String, practices: [Int]) { self.label = label; self.practices = practices }
}

/// A regional consultative process: one of the 13 of Annex A, or one of the footnote groups.
public struct Process: Sendable, Hashable, Identifiable {
    public var id: String
    /// Row number in the Annex A matrix; nil for groups outside the matrix.
    public var number: Int?
    public var name: String
    /// Short label for tree rows and matrix columns, e.g. "Bali Process", "5+5".
    public var shortName: String
    public var aliases: [String]
    public var region: String
    /// Year of start; nil where the paper gives none (some footnote groups).
    public var year: Int?
    /// E.g. "first ministerial conference held in Tunis".
    public var yearNote: String?
    public var inMatrix: Bool
    /// A short description in rcpx's own words.
    public var summary: String
    public var participants: [Participation]
    /// Participants the paper describes without naming ("numerous NGO partners").
    public var otherParticipants: [String]
    public var statedTotal: StatedTotal?
    /// The secretariat arrangement, in a few words.
    public var secretariat: String
    public var topics: [Topic]
    public var priorities: [String]
    /// Status notes, e.g. "formally ends in 2005; work continues".
    public var status: [String]
    /// What IOM does for this process.
    public var iomRole: String?
    /// Status changes with a date (CIS formally ending in 2005, MIDWA's planned revival), for the time line.
    public var datedStatus: [DatedStatus]
    public var source: Provenance
    /// Which fields are rcpx's inference ("region", "year", "topics.practices", "participants.PARTY", …), or
    /// stated in two ways by the paper.
    public var bases: [Basis]
    /// Where the paper itself puts the process in its classes (B.1); empty where it is silent.
    public var classification: [Classification]

    public init(
        id: String, number: Int?, name: String, shortName: String, aliases: [String], region: String,
        year: Int?, yearNote: String? = nil, inMatrix: Bool, summary: String, participants: [Participation],
        otherParticipants: [String] = [], statedTotal: StatedTotal?, secretariat: String, topics: [Topic],
        priorities: [String], status: [String] = [], iomRole: String? = nil,
        datedStatus: [DatedStatus] = [], source: Provenance, bases: [Basis] = [],
        classification: [Classification] = []
    ) {
        self.bases = bases; self.classification = classification
        self.id = id; self.number = number; self.name = name; self.shortName = shortName; self.aliases = aliases
        self.region = region; self.year = year; self.yearNote = yearNote; self.inMatrix = inMatrix
        self.summary = summary; self.participants = participants; self.otherParticipants = otherParticipants
        self.statedTotal = statedTotal; self.secretariat = secretariat; self.topics = topics
        self.priorities = priorities; self.status = status; self.iomRole = iomRole; self.datedStatus = datedStatus
        self.source = source
    }
}

/// A change of a process's status that the paper dates: an ending, a planned revival, a milestone.
public struct DatedStatus: Sendable, Hashable {
    public var year: Int
    /// As precise as the paper gives: "2005", "2005-09".
    public var date: String?
    /// What changes, in rcpx's own words ("formally ends; the work goes on").
    public var text: String
    /// True for something the paper expects rather than reports.
    public var planned: Bool
    public var source: Provenance
    public init(year: Int, date: String? = nil, text: String, planned: Bool = false, source: Provenance) {
        self.year = year; self.date = date; self.text = text; self.planned = planned; self.source = source
    }
}

/// A sub-heading of an effective-practice heading; `id` is stable ("ep-06.2") so checklists survive data updates.
public struct PracticeItem: Sendable, Hashable, Identifiable {
    public var id: String
    public var title: String
    /// The heading as the paper prints it, when `title` corrects it ("Internally Displacement"); searchable.
    public var paperTitle: String?
    public init(id: String, title: String, paperTitle: String? = nil) {
        self.id = id; self.title = title; self.paperTitle = paperTitle
    }
}

/// One of the 20 headings of the IAMM effective practices (Annex D).
public struct Practice: Sendable, Hashable, Identifiable {
    /// Stable id, "ep-01" … "ep-20".
    public var id: String
    public var number: Int
    public var title: String
    public var items: [PracticeItem]
    public var source: Provenance
    public init(id: String, number: Int, title: String, items: [PracticeItem], source: Provenance) {
        self.id = id; self.number = number; self.title = title; self.items = items; self.source = source
    }
}

/// One of the IAMM's 20 common understandings (Annex C), summarised in rcpx's own words.
public struct Understanding: Sendable, Hashable, Identifiable {
    /// Stable id, "cu-01" … "cu-20".
    public var id: String
    public var number: Int
    public var summary: String
    public var source: Provenance
    public init(id: String, number: Int, summary: String, source: Provenance) {
        self.id = id; self.number = number; self.summary = summary; self.source = source
    }
}

/// What kind of event an `Event` is.
public enum EventKind: String, CaseIterable, Sendable, Hashable {
    case annualTheme = "annual-theme"
    case sessionWorkshop = "session-workshop"
    case intersessionalWorkshop = "intersessional-workshop"
    case panel
    case conference
    case consultation
    case workshop
    case meeting
    case publication

    public var label: String {
        switch self {
        case .annualTheme: return "annual session theme"
        case .sessionWorkshop: return "workshop at the annual session"
        case .intersessionalWorkshop: return "intersessional workshop"
        case .panel: return "panel"
        case .conference: return "conference"
        case .consultation: return "consultation"
        case .workshop: return "workshop"
        case .meeting: return "meeting"
        case .publication: return "publication"
        }
    }
}

/// A dated event of a global mechanism: an IDM theme or workshop, a Berne consultation, a joint workshop.
public struct Event: Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: EventKind
    public var year: Int
    /// ISO-style date as precise as the paper gives: "2004", "2004-12", "2004-12-16/17".
    public var date: String?
    public var title: String
    public var place: String?
    /// Party ids of partners or participants named for the event.
    public var partners: [String]
    /// Process ids that took part (e.g. the April 2005 GCIM–IOM workshop).
    public var processes: [String]
    public var summary: String?
    public var source: Provenance
    public init(
        id: String, kind: EventKind, year: Int, date: String? = nil, title: String, place: String? = nil,
        partners: [String] = [], processes: [String] = [], summary: String? = nil, source: Provenance
    ) {
        self.id = id; self.kind = kind; self.year = year; self.date = date; self.title = title; self.place = place
        self.partners = partners; self.processes = processes; self.summary = summary; self.source = source
    }
}

/// A global consultation mechanism: IDM, Berne Initiative (with the IAMM), GMG, UN coordination meetings.
public struct Mechanism: Sendable, Hashable, Identifiable {
    public var id: String
    public var name: String
    public var shortName: String
    public var aliases: [String]
    /// Start year, where the paper gives one.
    public var year: Int?
    public var summary: String
    public var participants: [Participation]
    public var otherParticipants: [String]
    public var events: [Event]
    public var source: Provenance
    public init(
        id: String, name: String, shortName: String, aliases: [String], year: Int?, summary: String,
        participants: [Participation], otherParticipants: [String] = [], events: [Event], source: Provenance
    ) {
        self.id = id; self.name = name; self.shortName = shortName; self.aliases = aliases; self.year = year
        self.summary = summary; self.participants = participants; self.otherParticipants = otherParticipants
        self.events = events; self.source = source
    }
}

/// The paper the data comes from.
public struct SourceInfo: Sendable, Hashable {
    public var title: String
    public var publisher: String
    public var year: Int
    /// The date of the Annex A matrix, "2005-05-19".
    public var matrixDate: String
    public init(title: String, publisher: String, year: Int, matrixDate: String) {
        self.title = title; self.publisher = publisher; self.year = year; self.matrixDate = matrixDate
    }
}

/// Everything in one data file.
public struct Dataset: Sendable, Hashable {
    public static let currentFormatVersion = 1
    public var formatVersion: Int
    public var source: SourceInfo
    public var regions: [Region]
    public var parties: [Party]
    public var processes: [Process]
    public var mechanisms: [Mechanism]
    public var practices: [Practice]
    public var understandings: [Understanding]
    /// The paper's analysis, topic by topic (docs/DATA.md, "Guide").
    public var guide: [GuideTopic]
    /// Words people type and what they stand for, for the search (`searchSynonyms`; may be empty).
    public var searchSynonyms: [SearchSynonym] = []

    public init(
        formatVersion: Int = Dataset.currentFormatVersion, source: SourceInfo, regions: [Region],
        parties: [Party], processes: [Process], mechanisms: [Mechanism], practices: [Practice],
        understandings: [Understanding], guide: [GuideTopic] = []
    ) {
        self.guide = guide
        self.formatVersion = formatVersion; self.source = source; self.regions = regions; self.parties = parties
        self.processes = processes; self.mechanisms = mechanisms; self.practices = practices
        self.understandings = understandings
    }
}
