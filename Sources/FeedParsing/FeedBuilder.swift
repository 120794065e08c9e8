import Foundation

/// Turns the element events of one document into a `FeedHeader` and a stream of `FeedEntry`.
///
/// One class serves RSS 0.9x/1.0/2.0 and Atom 0.3/1.0: the formats share most of their ideas
/// (a channel, items, a title, a link, dates, people), so elements are mapped by what they mean
/// in the context they appear in, and unknown wrappers (`media:group`) are looked through.
final class FeedBuilder {
    private let options: FeedParserOptions
    /// Copies of the limits read on every element and text run: reading them through `options`
    /// would copy the whole struct, retaining its strings, each time.
    private let maxDepth: Int
    private let maxFieldBytes: Int
    /// Where finished entries go; the stream parser may hold them back while it tries a fast path.
    var onEntry: (FeedEntry) -> Void
    private var sanitizer = HTMLSanitizer()

    private(set) var format: FeedFormat?
    private(set) var header = FeedHeader()
    private(set) var entryCount = 0
    /// Set when the document must be refused; the driver stops the parser.
    private(set) var fatalError: FeedParseError?
    var warnings = WarningLog()
    /// Reports the current line of the document, for warnings.
    var currentLine: () -> Int = { 0 }

    private var frames: [Frame] = []
    private var entry: EntryDraft?
    private var person: PersonDraft?
    private var capture: Capture?
    /// The text of the field being captured; one buffer reused for every field of the document.
    private var captureBytes = SanitizerBytes(capacity: 4096)
    private var headerLinkFromText: String?
    private var headerLinkFromAtom: String?
    private var headerUpdated: (rank: Int, date: Date)?

    init(options: FeedParserOptions, onEntry: @escaping (FeedEntry) -> Void) {
        self.options = options
        maxDepth = options.maxDepth
        maxFieldBytes = options.maxFieldBytes
        self.onEntry = onEntry
        frames.reserveCapacity(32)
    }

    deinit { captureBytes.release() }

    // MARK: Events

    func startElement(_ ns: Namespace, _ name: ElementName, localName: () -> String, attributes: Attributes) {
        let parent = frames.last
        var frame = Frame(context: .ignore, role: .none, base: parent?.base, lang: parent?.lang)
        if frames.count >= maxDepth {
            fatalError = .nestingTooDeep(limit: maxDepth)
            return
        }
        if attributes.hasXMLAttributes {
            if let base = attributes.value(.xml, "base") {
                frame.base = resolveURL(base, against: frame.base)
            }
            if let lang = attributes.value(.xml, "lang").flatMap(nonEmpty) {
                frame.lang = lang
            }
        }

        if capture != nil {
            capture!.open(ns, localName(), attributes: attributes, depth: frames.count, into: &captureBytes)
            frame.context = .capture
            frames.append(frame)
            return
        }

        switch parent?.context ?? .document {
        case .document:
            startRoot(ns, name, localName: localName(), attributes: attributes, frame: &frame)
        case .root, .channel:
            startInContainer(ns, name, attributes: attributes, frame: &frame, isChannel: parent?.context == .channel)
        case .entry:
            startInEntry(ns, name, attributes: attributes, frame: &frame)
        case .person:
            if isAtom(ns), let field = personField(name) {
                beginCapture(field, kind: .text, frame: &frame)
            }
        case .source:
            startInAtomSource(ns, name, attributes: attributes, frame: &frame)
        case .ignore, .capture:
            break
        }
        frames.append(frame)
    }

    func endElement() {
        guard let frame = frames.popLast() else { return }
        if frame.context == .capture, capture != nil {
            capture!.close(depth: frames.count, into: &captureBytes)
        }
        switch frame.role {
        case .none: break
        case .capture:
            if let done = capture {
                capture = nil
                finishCapture(done, base: frame.base)
            }
        case .entry: finishEntry()
        case .person: finishPerson()
        case .source: break
        }
    }

    func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard capture != nil else { return }
        if capture!.append(bytes, limit: maxFieldBytes, into: &captureBytes) == false {
            warnings.add("line \(currentLine()): a field longer than \(maxFieldBytes) bytes was cut")
        }
    }

    /// Called at the end of the document: an entry left open by a truncated document is kept.
    func finishDocument() {
        if let done = capture {
            capture = nil
            finishCapture(done, base: frames.last?.base)
        }
        if person != nil { finishPerson() }
        if entry != nil {
            warnings.add("the document ends inside an entry; the partial entry was kept")
            finishEntry()
        }
        header.link = headerLinkFromText ?? headerLinkFromAtom
        if header.language == nil, let lang = rootLanguage { header.language = lang }
    }

    private var rootLanguage: String?

    // MARK: Root and containers

    private func startRoot(
        _ ns: Namespace, _ name: ElementName, localName: String, attributes: Attributes, frame: inout Frame
    ) {
        rootLanguage = frame.lang
        switch name {
        case .rss:
            let version = attributes.value(.none, "version")?.trimmingCharacters(in: .whitespaces) ?? ""
            format = version.hasPrefix("0.9") ? .rss09x : .rss20
            frame.context = .root
        case .rdfRoot:
            format = attributes.declaresNamespace(.rss090) ? .rss09x : .rss10
            frame.context = .root
        case .feed where ns == .atom03 || (ns != .atom10 && attributes.value(.none, "version") == "0.3"):
            format = .atom03
            frame.context = .channel
        case .feed where ns == .atom10 || ns == .none:
            format = .atom10
            frame.context = .channel
        default:
            fatalError = .notAFeed(rootElement: localName)
        }
    }

    private func startInContainer(
        _ ns: Namespace, _ name: ElementName, attributes: Attributes, frame: inout Frame, isChannel: Bool
    ) {
        switch name {
        case .channel where !isChannel && isRSS(ns):
            frame.context = .channel
            return
        case .item where isRSS(ns), .entry where isAtom(ns):
            beginEntry(attributes: attributes, frame: &frame)
            return
        case .image, .textinput, .items:
            return  // an image's or text input's own <title> and <link> are not the channel's
        default:
            break
        }
        guard isChannel || format == .rss09x else {
            frame.context = .root
            return
        }
        frame.context = .channel
        if isAtom(ns) && name == .link {
            let rel = attributes.value(.none, "rel")?.lowercased() ?? "alternate"
            if rel == "alternate", headerLinkFromAtom == nil, let href = attributes.value(.none, "href") {
                headerLinkFromAtom = resolveURL(href, against: frame.base)
            }
            return
        }
        if isAtom(ns) && (name == .author) {
            person = PersonDraft(forEntry: false)
            frame.context = .person
            frame.role = .person
            return
        }
        guard let field = headerField(ns, name) else { return }
        beginCapture(field, kind: textKind(ns, name, attributes), frame: &frame)
    }

    private func beginEntry(attributes: Attributes, frame: inout Frame) {
        if entry != nil { finishEntry() }
        var draft = EntryDraft()
        draft.rdfAbout = attributes.value(.rdf, "about")
        draft.language = frame.lang
        entry = draft
        frame.context = .entry
        frame.role = .entry
    }

    private func startInEntry(_ ns: Namespace, _ name: ElementName, attributes: Attributes, frame: inout Frame) {
        frame.context = .entry  // unknown wrappers such as media:group are looked through
        if isAtom(ns) {
            switch name {
            case .link:
                atomLink(attributes, base: frame.base)
                return
            case .author:
                person = PersonDraft(forEntry: true)
                frame.context = .person
                frame.role = .person
                return
            case .source:
                if entry != nil, entry!.source == nil { entry!.source = FeedSource() }
                frame.context = .source
                frame.role = .source
                return
            case .category:
                if let term = attributes.value(.none, "term") ?? attributes.value(.none, "label") {
                    entry?.addCategory(term)
                }
                return
            case .content where attributes.value(.none, "src") != nil:
                return  // out-of-line content: nothing to read here
            default:
                break
            }
        }
        if ns == .media {
            switch name {
            case .content:
                addEnclosure(attributes, lengthAttribute: "fileSize", base: frame.base)
                return
            case .thumbnail:
                if entry?.thumbnail == nil, let url = attributes.value(.none, "url") {
                    entry?.thumbnail = resolveURL(url, against: frame.base)
                }
                return
            default:
                break
            }
        }
        if isRSS(ns) {
            switch name {
            case .enclosure:
                addEnclosure(attributes, lengthAttribute: "length", base: frame.base)
                return
            case .guid:
                let permalink = attributes.value(.none, "isPermaLink")?.lowercased()
                entry?.guidIsPermalink = permalink != "false"
            case .source:
                if let url = attributes.value(.none, "url") {
                    entry?.source = FeedSource(title: nil, url: resolveURL(url, against: frame.base))
                }
            default:
                break
            }
        }
        guard let field = entryField(ns, name) else { return }
        beginCapture(field, kind: textKind(ns, name, attributes), frame: &frame)
    }

    /// An RSS `<enclosure>` or a `media:content`: the same facts under two names for the size.
    private func addEnclosure(_ attributes: Attributes, lengthAttribute: StaticString, base: String?) {
        guard let url = attributes.value(.none, "url") else { return }
        let length = attributes.value(.none, lengthAttribute).flatMap(nonEmpty).flatMap { Int($0) }
        entry?.addEnclosure(
            FeedEnclosure(url: resolveURL(url, against: base), type: attributes.value(.none, "type"), length: length))
    }

    private func startInAtomSource(_ ns: Namespace, _ name: ElementName, attributes: Attributes, frame: inout Frame) {
        guard isAtom(ns) else { return }
        switch name {
        case .title:
            beginCapture(.sourceTitle, kind: textKind(ns, name, attributes), frame: &frame)
        case .link:
            let rel = attributes.value(.none, "rel")?.lowercased() ?? "alternate"
            if rel == "alternate", entry?.source?.url == nil, let href = attributes.value(.none, "href") {
                entry?.source?.url = resolveURL(href, against: frame.base)
            }
        default:
            break
        }
    }

    private func atomLink(_ attributes: Attributes, base: String?) {
        guard let href = attributes.value(.none, "href") else { return }
        let url = resolveURL(href, against: base)
        switch attributes.value(.none, "rel")?.lowercased() ?? "alternate" {
        case "alternate":
            if entry?.atomLink == nil { entry?.atomLink = url }
        case "enclosure":
            entry?.addEnclosure(
                FeedEnclosure(
                    url: url, type: attributes.value(.none, "type"),
                    length: attributes.value(.none, "length").flatMap { Int($0) }))
        default:
            break
        }
    }

    // MARK: Field mapping

    private func isRSS(_ ns: Namespace) -> Bool {
        ns == .rss || ns == .rss090 || (ns == .none && format != .atom10 && format != .atom03)
    }

    private func isAtom(_ ns: Namespace) -> Bool {
        ns == .atom10 || ns == .atom03 || (ns == .none && (format == .atom10 || format == .atom03))
    }

    private func headerField(_ ns: Namespace, _ name: ElementName) -> Field? {
        if isRSS(ns) {
            switch name {
            case .title: return .feedTitle
            case .link: return .feedLink
            case .description: return .feedSubtitle
            case .language: return .feedLanguage
            case .copyright: return .feedRights
            case .lastBuildDate: return .feedUpdated(rank: 3)
            case .pubDate: return .feedUpdated(rank: 1)
            case .managingEditor: return .feedAuthorLine
            default: return nil
            }
        }
        if isAtom(ns) {
            switch name {
            case .title: return .feedTitle
            case .subtitle, .tagline: return .feedSubtitle
            case .rights, .copyright: return .feedRights
            case .updated, .modified: return .feedUpdated(rank: 3)
            default: return nil
            }
        }
        if ns == .dublinCore || ns == .dublinCoreTerms {
            switch name {
            case .title: return .feedTitle
            case .language: return .feedLanguage
            case .rights: return .feedRights
            case .date, .modified: return .feedUpdated(rank: 2)
            case .creator: return .feedCreator
            default: return nil
            }
        }
        return nil
    }

    private func entryField(_ ns: Namespace, _ name: ElementName) -> Field? {
        if isRSS(ns) {
            switch name {
            case .title: return .title
            case .link: return .link
            case .description: return .summary
            case .guid: return .guid
            case .pubDate: return .published
            case .author: return .authorLine
            case .category: return .category
            case .source: return .sourceTitle
            default: return nil
            }
        }
        if isAtom(ns) {
            switch name {
            case .title: return .title
            case .id: return .atomID
            case .summary: return .summary
            case .content: return .content
            case .published, .issued: return .published
            case .updated, .modified: return .updated
            default: return nil
            }
        }
        switch (ns, name) {
        case (.content, .encoded), (.xhtml, .body): return .content
        case (.dublinCore, .title): return .title
        case (.dublinCore, .creator): return .creator
        case (.dublinCore, .date), (.dublinCoreTerms, .created), (.dublinCoreTerms, .issued): return .published
        case (.dublinCoreTerms, .modified): return .updated
        case (.dublinCore, .subject): return .category
        case (.dublinCore, .identifier): return .dcIdentifier
        case (.dublinCore, .language): return .entryLanguage
        case (.media, .description), (.dublinCore, .description), (.itunes, .summary): return .summaryFallback
        default: return nil
        }
    }

    private func personField(_ name: ElementName) -> Field? {
        switch name {
        case .name: return .personName
        case .email: return .personEmail
        case .uri, .url: return .personURI
        default: return nil
        }
    }

    /// How to read an element's text: RSS text is HTML by custom; Atom says so in `type`
    /// (and Atom 0.3 in `mode`).
    private func textKind(_ ns: Namespace, _ name: ElementName, _ attributes: Attributes) -> TextKind {
        if ns == .xhtml { return .xhtml }
        if ns == .media {
            return attributes.value(.none, "type")?.lowercased() == "html" ? .html : .text
        }
        guard isAtom(ns) else {
            return isRSS(ns) || ns == .content ? .html : .text
        }
        let type = attributes.value(.none, "type").flatMap(nonEmpty)?.lowercased()
        if format == .atom03 || ns == .atom03 {
            let mode = attributes.value(.none, "mode")?.lowercased() ?? "xml"
            let isHTML = type.map { $0.contains("html") } ?? false
            switch mode {
            case "escaped": return isHTML ? .html : .text
            case "base64": return isHTML ? .base64HTML : .base64Text
            default: return isHTML ? .xhtml : .text
            }
        }
        switch type ?? "text" {
        case "text", "text/plain": return .text
        case "html", "text/html": return .html
        case "xhtml", "application/xhtml+xml": return .xhtml
        case let other where other.hasPrefix("text/"): return .text
        case let other where other.hasSuffix("+xml") || other.hasSuffix("/xml"): return .xhtml
        default: return .base64Text  // Atom: any other media type is base64 (decoded only if it is text)
        }
    }

    // MARK: Captures

    private func beginCapture(_ field: Field, kind: TextKind, frame: inout Frame) {
        capture = Capture(field: field, kind: kind, depth: frames.count)
        captureBytes.removeAll()
        frame.context = .capture
        frame.role = .capture
    }

    private func finishCapture(_ done: Capture, base: String?) {
        if done.kind == .html || done.kind == .xhtml, entry != nil, let slot = RichSlot(done.field) {
            // HTML goes to the sanitizer straight from the capture buffer, without a String.
            storeRichText(sanitizedCapture(base: base), in: slot)
            return
        }
        let raw = captureBytes.withBytes { String(decoding: $0, as: UTF8.self) }
        switch done.field {
        case .feedTitle:
            header.title = header.title ?? plainText(raw, kind: done.kind)
        case .feedLink:
            headerLinkFromText = headerLinkFromText ?? nonEmpty(raw).map { resolveURL($0, against: base) }
        case .feedSubtitle:
            header.subtitle = header.subtitle ?? plainText(raw, kind: done.kind)
        case .feedLanguage:
            header.language = header.language ?? nonEmpty(raw)
        case .feedRights:
            header.rights = header.rights ?? plainText(raw, kind: done.kind)
        case .feedUpdated(let rank):
            if let date = parseDate(raw, element: done.field), rank > headerUpdated?.rank ?? 0 {
                headerUpdated = (rank, date)
                header.updated = date
            }
        case .feedAuthorLine:
            if let person = FeedPerson(authorLine: raw) { header.authors.append(person) }
        case .feedCreator:
            if let name = nonEmpty(raw), !header.authors.contains(where: { $0.name == name }) {
                header.authors.append(FeedPerson(name: name))
            }
        case .personName, .personEmail, .personURI:
            let value = nonEmpty(raw)
            switch done.field {
            case .personName: person?.person.name = value.map(collapseWhitespace)
            case .personEmail: person?.person.email = value
            default: person?.person.uri = value.map { resolveURL($0, against: base) }
            }
        default:
            finishEntryCapture(done, raw: raw, base: base)
        }
    }

    private func finishEntryCapture(_ done: Capture, raw: String, base: String?) {
        guard entry != nil else { return }
        switch done.field {
        case .title:
            if entry!.title == nil { entry!.title = plainText(raw, kind: done.kind) }
        case .link:
            if entry!.textLink == nil { entry!.textLink = nonEmpty(raw).map { resolveURL($0, against: base) } }
        case .guid:
            let permalink = entry!.guidIsPermalink
            entry!.guid = entry!.guid ?? nonEmpty(raw).map { permalink ? resolveID($0, base: base) : $0 }
        case .atomID:
            entry!.atomID = entry!.atomID ?? nonEmpty(raw).map { resolveID($0, base: base) }
        case .dcIdentifier:
            entry!.dcIdentifier = entry!.dcIdentifier ?? nonEmpty(raw)
        case .summary, .summaryFallback, .content:
            storeRichText(richText(raw, kind: done.kind, base: base), in: RichSlot(done.field)!)
        case .published:
            if entry!.published == nil { entry!.published = parseDate(raw, element: done.field) }
        case .updated:
            if entry!.updated == nil { entry!.updated = parseDate(raw, element: done.field) }
        case .authorLine:
            if let person = FeedPerson(authorLine: raw) { entry!.addAuthor(person) }
        case .creator:
            if let name = nonEmpty(raw) { entry!.addAuthor(FeedPerson(name: collapseWhitespace(name))) }
        case .category:
            entry!.addCategory(raw)
        case .sourceTitle:
            let title = plainText(raw, kind: done.kind)
            if entry!.source == nil { entry!.source = FeedSource() }
            if entry!.source!.title == nil { entry!.source!.title = title }
        case .entryLanguage:
            if entry!.language == nil { entry!.language = nonEmpty(raw) }
        default:
            break
        }
    }

    /// Which of an entry's rich-text fields a captured element fills.
    private enum RichSlot {
        case summary, summaryFallback, content

        init?(_ field: Field) {
            switch field {
            case .summary: self = .summary
            case .summaryFallback: self = .summaryFallback
            case .content: self = .content
            default: return nil
            }
        }
    }

    private func storeRichText(_ value: RichText?, in slot: RichSlot) {
        guard let value, entry != nil else { return }
        switch slot {
        case .summary: entry!.summary = entry!.summary ?? value
        case .summaryFallback: entry!.summaryFallback = entry!.summaryFallback ?? value
        case .content: entry!.content = entry!.content ?? value
        }
    }

    /// Sanitizes the HTML in the capture buffer; nil when there is nothing but white space.
    private func sanitizedCapture(base: String?) -> RichText? {
        guard captureBytes.withBytes({ $0.contains(where: { !isXMLSpace($0) }) }) else { return nil }
        let baseURL = baseURL(for: base)
        let cleaned = captureBytes.withBytes { sanitizer.cleanText(utf8: $0, baseURL: baseURL) }
        guard !cleaned.html.isEmpty || !cleaned.text.isEmpty else { return nil }
        return RichText(html: cleaned.html, text: cleaned.text)
    }

    /// The URL relative links in HTML resolve against; parsed once per distinct base.
    private func baseURL(for base: String?) -> URL? {
        guard let string = base ?? options.baseURL ?? headerLinkFromText ?? headerLinkFromAtom else { return nil }
        if let cached = lastBaseURL, cached.string == string { return cached.url }
        let url = URL(string: string)
        lastBaseURL = (string, url)
        return url
    }

    private var lastBaseURL: (string: String, url: URL?)?

    private func finishPerson() {
        guard let draft = person else { return }
        person = nil
        guard !draft.person.isEmpty else { return }
        if draft.forEntry {
            entry?.addAuthor(draft.person)
        } else {
            header.authors.append(draft.person)
        }
    }

    private func finishEntry() {
        guard let draft = entry else { return }
        entry = nil
        onEntry(draft.build(feedLanguage: header.language ?? rootLanguage))
        entryCount += 1
    }

    // MARK: Text

    private func plainText(_ raw: String, kind: TextKind) -> String? {
        switch kind {
        case .text:
            return nonEmpty(collapseWhitespace(raw))
        case .base64Text, .base64HTML:
            guard let decoded = decodeBase64(raw) else { return nil }
            return plainText(decoded, kind: kind == .base64HTML ? .html : .text)
        case .html, .xhtml:
            var raw = raw
            let hasMarkup = raw.withUTF8 { $0.contains { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") } }
            guard hasMarkup else { return nonEmpty(collapseWhitespace(raw)) }
            return nonEmpty(sanitizer.text(raw))
        }
    }

    private func richText(_ raw: String, kind: TextKind, base: String?) -> RichText? {
        switch kind {
        case .text:
            guard let text = nonEmpty(raw) else { return nil }
            return RichText(html: FeedText(escapeHTML(text)), text: FeedText(collapseWhitespace(text)))
        case .base64Text, .base64HTML:
            guard let decoded = decodeBase64(raw) else { return nil }
            return richText(decoded, kind: kind == .base64HTML ? .html : .text, base: base)
        case .html, .xhtml:
            guard nonEmpty(raw) != nil else { return nil }
            let baseURL = (base ?? options.baseURL ?? headerLinkFromText ?? headerLinkFromAtom).flatMap(
                URL.init(string:))
            let cleaned = sanitizer.clean(raw, baseURL: baseURL)
            guard !cleaned.html.isEmpty || !cleaned.text.isEmpty else { return nil }
            return RichText(html: FeedText(cleaned.html), text: FeedText(cleaned.text))
        }
    }

    /// Decodes base64 content when it decodes to text; feeds that mislabel plain text as another
    /// media type keep their text.
    private func decodeBase64(_ raw: String) -> String? {
        let compact = raw.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: compact), let text = String(validating: data, as: UTF8.self),
            !text.unicodeScalars.contains(where: { $0.value < 0x20 && !isWhitespace($0) })
        else { return nonEmpty(raw) }
        return text
    }

    private func parseDate(_ raw: String, element: Field) -> Date? {
        guard let text = nonEmpty(raw) else { return nil }
        if let date = FeedDateParser.parse(text) { return date }
        let shown = text.count > 60 ? String(text.prefix(60)) + "…" : text
        warnings.add("line \(currentLine()): unparseable date \"\(shown)\" left empty")
        return nil
    }

    /// An id is resolved only against an explicit `xml:base`, as feedparser and gofeed do; a
    /// bare guid such as `12345` stays as it is.
    private func resolveID(_ id: String, base: String?) -> String {
        guard let base, !hasScheme(id) else { return id }
        return resolveURL(id, against: base)
    }

    /// Resolves a possibly relative URL against the base in force, then the caller's base,
    /// then the feed's own link.
    func resolveURL(_ raw: String, against base: String?) -> String {
        guard let ref = nonEmpty(raw) else { return "" }
        guard !hasScheme(ref) else { return ref }
        guard let baseString = base ?? options.baseURL ?? headerLinkFromText ?? headerLinkFromAtom,
            let baseURL = URL(string: baseString), hasScheme(baseString),
            let resolved = URL(string: ref, relativeTo: baseURL)
        else { return ref }
        return resolved.absoluteString
    }
}

// MARK: - Supporting types

/// What the children of an element are read as.
enum Context: UInt8 {
    case document, root, channel, entry, person, source, ignore, capture
}

struct Frame {
    var context: Context
    var role: Role
    var base: String?
    var lang: String?

    enum Role: UInt8 { case none, capture, entry, person, source }
}

enum TextKind {
    case text, html, xhtml, base64Text, base64HTML
}

enum Field {
    case feedTitle, feedLink, feedSubtitle, feedLanguage, feedRights, feedAuthorLine, feedCreator
    case feedUpdated(rank: Int)
    case title, link, guid, atomID, dcIdentifier, summary, summaryFallback, content, published, updated
    case authorLine, creator, category, sourceTitle, entryLanguage
    case personName, personEmail, personURI
}

struct RichText {
    var html: FeedText
    var text: FeedText
}

/// The state of one element whose text is being read; child elements are kept as markup for
/// HTML fields. The bytes live in the builder's reusable buffer, passed in by the caller.
struct Capture {
    let field: Field
    let kind: TextKind
    let depth: Int
    private var truncated = false
    /// Atom's xhtml content is wrapped in one `<div>` that is not part of the content.
    private var wrapperDepth: Int?
    private var openNames: [String] = []

    init(field: Field, kind: TextKind, depth: Int) {
        self.field = field
        self.kind = kind
        self.depth = depth
    }

    /// Text inside child elements, and all text of xhtml content, is XML text: escape it as HTML.
    private var escapesText: Bool { kind == .xhtml || !openNames.isEmpty }

    /// Appends character data; false when the field just reached the size limit.
    mutating func append(_ chunk: UnsafeBufferPointer<UInt8>, limit: Int, into bytes: inout SanitizerBytes) -> Bool {
        guard !truncated, let start = chunk.baseAddress else { return true }
        if bytes.count + chunk.count > limit {
            truncated = true
            return false
        }
        if escapesText && (kind == .html || kind == .xhtml) {
            bytes.appendEscaped(start, chunk.count)
        } else {
            bytes.append(start, chunk.count)
        }
        return true
    }

    mutating func open(
        _ ns: Namespace, _ name: String, attributes: Attributes, depth elementDepth: Int,
        into bytes: inout SanitizerBytes
    ) {
        guard kind == .html || kind == .xhtml else { return }
        if kind == .xhtml && openNames.isEmpty && wrapperDepth == nil && bytes.withBytes({ $0.allSatisfy(isXMLSpace) })
            && name == "div" && ns == .xhtml
        {
            wrapperDepth = elementDepth
            return
        }
        bytes.append(byte: UInt8(ascii: "<"))
        bytes.append(string: name)
        for (attrName, value) in attributes.all() {
            bytes.append(byte: UInt8(ascii: " "))
            bytes.append(string: attrName)
            bytes.append(literal: "=\"")
            var value = value
            value.withUTF8 { bytes.appendEscaped($0.baseAddress!, $0.count) }
            bytes.append(byte: UInt8(ascii: "\""))
        }
        bytes.append(byte: UInt8(ascii: ">"))
        openNames.append(name)
    }

    mutating func close(depth elementDepth: Int, into bytes: inout SanitizerBytes) {
        if wrapperDepth == elementDepth {
            wrapperDepth = nil
            return
        }
        guard let name = openNames.popLast() else { return }
        guard !voidElements.contains(name) else { return }
        bytes.append(literal: "</")
        bytes.append(string: name)
        bytes.append(byte: UInt8(ascii: ">"))
    }
}

private let voidElements: Set<String> = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
]

struct PersonDraft {
    var forEntry: Bool
    var person = FeedPerson()
}

/// An entry while its elements are still being read.
struct EntryDraft {
    var guid: String?
    var guidIsPermalink = true
    var atomID: String?
    var dcIdentifier: String?
    var rdfAbout: String?
    var textLink: String?
    var atomLink: String?
    var title: String?
    var summary: RichText?
    var summaryFallback: RichText?
    var content: RichText?
    var published: Date?
    var updated: Date?
    var authors: [FeedPerson] = []
    var categories: [String] = []
    var source: FeedSource?
    var enclosures: [FeedEnclosure] = []
    var thumbnail: String?
    var language: String?

    mutating func addCategory(_ raw: String) {
        let value = collapseWhitespace(raw)
        guard !value.isEmpty, !categories.contains(value) else { return }
        categories.append(value)
    }

    mutating func addAuthor(_ person: FeedPerson) {
        guard !authors.contains(person) else { return }
        authors.append(person)
    }

    mutating func addEnclosure(_ enclosure: FeedEnclosure) {
        guard !enclosure.url.isEmpty, !enclosures.contains(where: { $0.url == enclosure.url }) else { return }
        enclosures.append(enclosure)
    }

    func build(feedLanguage: String?) -> FeedEntry {
        let permalink = guidIsPermalink ? guid.flatMap { hasWebScheme($0) ? $0 : nil } : nil
        let link = textLink ?? atomLink ?? permalink ?? rdfAbout.flatMap { hasWebScheme($0) ? $0 : nil }
        let id =
            guid ?? atomID ?? dcIdentifier ?? link
            ?? StableID.make(title: title, date: published ?? updated, text: (content ?? summary)?.text.string)
        var entry = FeedEntry(id: id)
        entry.title = title
        entry.link = link
        let summary = summary ?? summaryFallback
        entry.summary = summary?.html
        entry.summaryText = summary?.text
        entry.content = content?.html
        entry.contentText = content?.text
        entry.published = published
        entry.updated = updated
        entry.authors = authors
        entry.categories = categories
        entry.source = source.flatMap { $0.title == nil && $0.url == nil ? nil : $0 }
        entry.enclosures = enclosures
        entry.thumbnail = thumbnail
        entry.language = language ?? feedLanguage
        return entry
    }
}

extension FeedPerson {
    /// Reads RSS's `<author>`/`<managingEditor>` forms: `jane@example.com (Jane Doe)`,
    /// `Jane Doe <jane@example.com>`, a bare address or a bare name.
    init?(authorLine raw: String) {
        let line = collapseWhitespace(raw)
        guard !line.isEmpty else { return nil }
        self.init()
        let bytes = Array(line.utf8)
        let at = UInt8(ascii: "@")
        guard bytes.contains(at) else {
            name = line
            return
        }
        func text(_ range: Range<Int>) -> String? {
            nonEmpty(String(decoding: bytes[range], as: UTF8.self))
        }
        if bytes.last == UInt8(ascii: ")"), let open = bytes.firstIndex(of: UInt8(ascii: "(")) {
            let before = text(0..<open)
            let inside = text((open + 1)..<(bytes.count - 1))
            if bytes[..<open].contains(at) {  // jane@example.com (Jane Doe)
                email = before
                name = inside
                return
            }
            if bytes[open...].contains(at) {  // Jane Doe (jane@example.com)
                email = inside
                name = before
                return
            }
        }
        if bytes.last == UInt8(ascii: ">"), let open = bytes.firstIndex(of: UInt8(ascii: "<")),
            bytes[open...].contains(at)
        {
            email = text((open + 1)..<(bytes.count - 1))
            name = text(0..<open)
            return
        }
        if bytes.contains(UInt8(ascii: " ")) {
            name = line
        } else {
            email = line
        }
    }
}

/// An id for entries that carry neither guid nor link: the same title and date give the same id
/// on every poll, so the store recognizes the entry again.
enum StableID {
    static func make(title: String?, date: Date?, text: String?) -> String {
        var material = title ?? ""
        material += "\u{1F}"
        if let date { material += FeedDateParser.rfc3339(date) }
        if title == nil && date == nil { material += text ?? "" }
        var h1: UInt64 = 0xcbf2_9ce4_8422_2325
        var h2: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in material.utf8 {
            h1 = (h1 ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            h2 = (h2 &+ UInt64(byte)) &* 0x9E37_79B9_7F4A_7C15
            h2 ^= h2 >> 29
        }
        return "urn:corroborate:hash:" + hex64(h1) + hex64(h2)
    }

    private static func hex64(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

// MARK: - Small text helpers

func nonEmpty(_ raw: String) -> String? {
    // Most values start and end with a byte that cannot belong to white space: nothing to trim.
    var raw = raw
    let (head, tail) = raw.withUTF8 { ($0.first, $0.last) }
    guard let head, let tail else { return nil }
    if cannotStartWhitespace(head) && cannotEndWhitespace(tail) { return raw }
    let scalars = raw.unicodeScalars
    guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return nil }
    let last = scalars.lastIndex(where: { !isWhitespace($0) })!
    if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return raw }
    return String(scalars[first...last])
}

/// False for the first byte of any white-space character (ASCII or the C2/E1/E2/E3 leads).
@inline(__always) private func cannotStartWhitespace(_ byte: UInt8) -> Bool {
    byte > 0x20 && byte != 0xC2 && byte != 0xE1 && byte != 0xE2 && byte != 0xE3
}

/// False for the last byte of any white-space character: ASCII space and controls, and the
/// continuation bytes that end U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F,
/// U+205F and U+3000.
@inline(__always) private func cannotEndWhitespace(_ byte: UInt8) -> Bool {
    if byte < 0x80 { return byte > 0x20 }
    return byte > 0x8A && byte != 0x9F && byte != 0xA0 && byte != 0xA8 && byte != 0xA9 && byte != 0xAF
}

/// White space as Unicode defines it, with a fast answer for ASCII.
@inline(__always) func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.value < 0x80 { return scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value) }
    return scalar.properties.isWhitespace
}

/// Collapses runs of white space to one space and trims the ends. Works on bytes: ASCII white
/// space and the multi-byte Unicode spaces (no-break space, the U+2000 block, ideographic space...)
/// are recognized by their UTF-8 sequences; a string that needs nothing done is returned as is.
func collapseWhitespace(_ raw: String) -> String {
    var raw = raw
    return raw.withUTF8 { bytes -> String? in
        let n = bytes.count
        // Most strings need nothing: single ASCII spaces between words, none at the ends.
        var clean = true
        var previousWasSpace = true
        var i = 0
        while i < n && clean {
            let width = whitespaceWidth(bytes, at: i)
            if width == 0 {
                previousWasSpace = false
                i += 1
            } else {
                clean = width == 1 && bytes[i] == 0x20 && !previousWasSpace
                previousWasSpace = true
                i += width
            }
        }
        if clean && !previousWasSpace { return nil }
        if clean && n == 0 { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(n)
        var pendingSpace = false
        i = 0
        while i < n {
            let width = whitespaceWidth(bytes, at: i)
            if width > 0 {
                pendingSpace = !out.isEmpty
                i += width
                continue
            }
            if pendingSpace {
                out.append(0x20)
                pendingSpace = false
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    } ?? raw
}

/// The length of the white-space character at `i`, or 0.
@inline(__always)
private func whitespaceWidth(_ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
    let c = b[i]
    if c == 0x20 || (c >= 0x09 && c <= 0x0D) { return 1 }
    guard c >= 0xC2, c <= 0xE3 else { return 0 }
    let n = b.count
    switch c {
    case 0xC2:  // U+0085, U+00A0
        return i + 1 < n && (b[i + 1] == 0x85 || b[i + 1] == 0xA0) ? 2 : 0
    case 0xE1:  // U+1680
        return i + 2 < n && b[i + 1] == 0x9A && b[i + 2] == 0x80 ? 3 : 0
    case 0xE2:  // U+2000...U+200A, U+2028, U+2029, U+202F, U+205F
        guard i + 2 < n else { return 0 }
        let c1 = b[i + 1]
        let c2 = b[i + 2]
        if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return 3 }
        return c1 == 0x81 && c2 == 0x9F ? 3 : 0
    case 0xE3:  // U+3000
        return i + 2 < n && b[i + 1] == 0x80 && b[i + 2] == 0x80 ? 3 : 0
    default:
        return 0
    }
}

/// Escapes text so that it can stand in HTML, in content or in a quoted attribute.
func escapeHTML(_ text: String) -> String {
    var text = text
    var bytes = SanitizerBytes(capacity: text.utf8.count * 6 + 16)
    defer { bytes.release() }
    text.withUTF8 { if let start = $0.baseAddress { bytes.appendEscaped(start, $0.count) } }
    return bytes.string()
}

/// True when `s` starts with a URL scheme (`http:`, `mailto:`, `urn:`...).
func hasScheme(_ s: String) -> Bool {
    var sawLetter = false
    for c in s.utf8 {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            sawLetter = true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if !sawLetter { return false }
        case UInt8(ascii: ":"):
            return sawLetter
        default:
            return false
        }
    }
    return false
}

func hasWebScheme(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { b in
        guard b.count >= 7, b[0] | 0x20 == UInt8(ascii: "h"), b[1] | 0x20 == UInt8(ascii: "t"),
            b[2] | 0x20 == UInt8(ascii: "t"), b[3] | 0x20 == UInt8(ascii: "p")
        else { return false }
        let rest = b[4] | 0x20 == UInt8(ascii: "s") ? 5 : 4
        return b.count > rest + 2 && b[rest] == UInt8(ascii: ":") && b[rest + 1] == UInt8(ascii: "/")
            && b[rest + 2] == UInt8(ascii: "/")
    }
}
