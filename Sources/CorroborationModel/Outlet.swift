/// A news outlet as the registry in `feeds/` describes it: who it is, who owns it, where its feeds
/// are, and how other outlets credit its copy. Syndication detection reads `credits`; polling
/// reads `feeds`; reports show `name` and `ownership` beside every claim an outlet carries.
public struct Outlet: Sendable, Hashable, Codable, Identifiable {
    /// Lower case, `a-z`, `0-9` and `-`: the name used in corpora, the store and the CLI.
    public var id: String
    public var name: String
    public var homepage: String
    /// ISO 3166-1 alpha-2 code of the head office.
    public var country: String
    /// ISO 639-1 codes of the languages it publishes in.
    public var languages: [String]
    /// A news agency that sells copy to other outlets.
    public var wire: Bool
    public var ownership: Ownership
    public var parent: String?
    public var feeds: [OutletFeed]
    /// Why `feeds` is short or empty (Reuters has had no public feed since 2020).
    public var feedsNote: String?
    public var credits: [CreditPattern]

    public init(
        id: String, name: String, homepage: String, country: String, languages: [String], wire: Bool,
        ownership: Ownership, parent: String? = nil, feeds: [OutletFeed] = [], feedsNote: String? = nil,
        credits: [CreditPattern] = []
    ) {
        self.id = id
        self.name = name
        self.homepage = homepage
        self.country = country
        self.languages = languages
        self.wire = wire
        self.ownership = ownership
        self.parent = parent
        self.feeds = feeds
        self.feedsNote = feedsNote
        self.credits = credits
    }
}

/// Who owns an outlet, and the one line of fact that says so.
public struct Ownership: Sendable, Hashable, Codable {
    public var kind: OwnershipClass
    public var basis: String

    public init(kind: OwnershipClass, basis: String) {
        self.kind = kind
        self.basis = basis
    }

    enum CodingKeys: String, CodingKey {
        case kind = "class"
        case basis
    }
}

/// The ownership classes analysts weigh differently: a state agency relaying its government's
/// statement is not an independent confirmation of it.
public enum OwnershipClass: String, Sendable, Hashable, Codable, CaseIterable {
    case state
    case publicService = "public-service"
    case `private`
    case cooperative
}

/// One public feed of an outlet.
public struct OutletFeed: Sendable, Hashable, Codable {
    public var url: String
    public var language: String?
    /// `rss2.0`, `rss1.0`, `rss0.9x` or `atom1.0`, as the parser reports it.
    public var format: String?
    /// A known quirk of the feed, in a sentence.
    public var note: String?

    public init(url: String, language: String? = nil, format: String? = nil, note: String? = nil) {
        self.url = url
        self.language = language
        self.format = format
        self.note = note
    }
}

/// A regular expression that finds an outlet's copy credited inside other outlets' text.
public struct CreditPattern: Sendable, Hashable, Codable {
    /// ICU regular expression syntax (as `NSRegularExpression` reads it).
    public var pattern: String
    public var kind: CreditKind
    /// A line the pattern must match: documentation and a test at once.
    public var example: String

    public init(pattern: String, kind: CreditKind, example: String) {
        self.pattern = pattern
        self.kind = kind
        self.example = example
    }
}

/// Where a credit sits in a story.
public enum CreditKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Opens the story: "MOSCOW, Sept 17 (Reuters) -".
    case dateline
    /// Closes or heads it: "- AFP", "With reporting by Reuters".
    case creditLine = "credit-line"
    /// In the running text: "Interfax reported", "according to TASS".
    case attribution
    /// The author line.
    case byline
    /// The RSS `<source>` element: the reprint names where the item came from.
    case source
}
