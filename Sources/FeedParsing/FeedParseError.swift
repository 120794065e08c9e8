/// Why a document could not be read as a feed. Each case names the attack or the defect, so the
/// one-line message the CLI prints tells the user what to do.
public enum FeedParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The document declares an external entity; reading it could disclose local files.
    case externalEntityRefused(name: String, systemID: String)
    /// Internal entities expand past the budget ("billion laughs", quadratic blow-up).
    case entityExpansionRefused(entity: String, reason: String)
    /// Elements nest deeper than the limit.
    case nestingTooDeep(limit: Int)
    /// The document is larger than the configured limit.
    case documentTooLarge(bytes: Int, limit: Int)
    /// The DOCTYPE never closes.
    case malformedDoctype
    /// The root element is not one of RSS, RDF or Atom's.
    case notAFeed(rootElement: String)
    /// Nothing in the bytes could be read as XML at all.
    case noFeedFound(reason: String)

    public var description: String {
        switch self {
        case .externalEntityRefused(let name, let systemID):
            return "external entity refused: &\(name); points to \"\(systemID)\" (feeds never need one; "
                + "this is the shape of an XXE attack)"
        case .entityExpansionRefused(let entity, let reason):
            return "entity expansion refused: &\(entity); \(reason) (billion laughs or quadratic blow-up)"
        case .nestingTooDeep(let limit):
            return "nesting deeper than \(limit) elements refused"
        case .documentTooLarge(let bytes, let limit):
            return "document of \(bytes) bytes is larger than the \(limit)-byte limit (raise it with --max-bytes)"
        case .malformedDoctype:
            return "malformed DOCTYPE: it never closes"
        case .notAFeed(let root):
            return "not a feed: the root element is <\(root)>, not <rss>, <rdf:RDF> or <feed>"
        case .noFeedFound(let reason):
            return "no feed found: \(reason)"
        }
    }
}

/// Limits and context for one parse.
public struct FeedParserOptions: Sendable {
    /// Documents larger than this are refused before they are read. Default 32 MiB.
    public var maxDocumentBytes: Int = 32 << 20
    /// Deeper element nesting is refused. Feeds nest a dozen levels; default 128.
    public var maxDepth: Int = 128
    /// Bytes that internal entities may expand to in one document. Default 1 MiB.
    public var maxEntityExpansionBytes: Int = 1 << 20
    /// One field's text (a `content:encoded`) is cut beyond this, with a warning. Default 8 MiB.
    public var maxFieldBytes: Int = 8 << 20
    /// The charset the transport declared (an HTTP `Content-Type` charset); it overrides the
    /// document's own declaration.
    public var charset: String?
    /// Where the document came from, to resolve relative links when the feed has no `xml:base`.
    public var baseURL: String?

    public init() {}
}
