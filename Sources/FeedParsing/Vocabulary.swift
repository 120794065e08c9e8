/// The namespaces whose elements the parser understands.
enum Namespace: UInt8 {
    case none, rss, atom10, atom03, rdf, rss090, content, dublinCore, dublinCoreTerms, media, xhtml, xml, itunes, other

    /// Maps a namespace URI to what it means for feeds. Tolerates the mistakes publishers make:
    /// TASS declares Atom as `https://www.w3.org/2005/Atom`, some add a trailing slash.
    init(uri: String) {
        var key = uri
        if key.hasSuffix("/") && key.count > 8 && !key.hasSuffix("ns#/") { key.removeLast() }
        if key.hasPrefix("https://") { key = "http://" + key.dropFirst(8) }
        switch key {
        case "": self = .none
        case "http://www.w3.org/2005/Atom": self = .atom10
        case "http://purl.org/atom/ns#", "http://purl.org/atom/ns": self = .atom03
        case "http://www.w3.org/1999/02/22-rdf-syntax-ns#": self = .rdf
        case "http://my.netscape.com/rdf/simple/0.9": self = .rss090
        case "http://purl.org/rss/1.0", "http://backend.userland.com/rss2", "http://backend.userland.com/rss",
            "http://blogs.law.harvard.edu/tech/rss", "http://purl.org/net/rss1.1#":
            self = .rss
        case "http://purl.org/rss/1.0/modules/content": self = .content
        case "http://purl.org/dc/elements/1.1": self = .dublinCore
        case "http://purl.org/dc/terms": self = .dublinCoreTerms
        case "http://search.yahoo.com/mrss", "http://video.search.yahoo.com/mrss", "http://tools.search.yahoo.com/mrss":
            self = .media
        case "http://www.w3.org/1999/xhtml": self = .xhtml
        case "http://www.w3.org/XML/1998/namespace": self = .xml
        case "http://www.itunes.com/dtds/podcast-1.0.dtd": self = .itunes
        default: self = .other
        }
    }
}

extension Namespace {
    /// The namespace a prefix conventionally stands for, for elements whose prefix was never
    /// declared (`<content:encoded>` in a feed without `xmlns:content`).
    init(conventionalPrefix prefix: String) {
        switch prefix {
        case "content": self = .content
        case "dc": self = .dublinCore
        case "dcterms": self = .dublinCoreTerms
        case "media": self = .media
        case "atom", "atom10": self = .atom10
        case "rdf": self = .rdf
        case "xhtml": self = .xhtml
        case "itunes": self = .itunes
        default: self = .other
        }
    }
}

/// The local names the parser acts on; everything else is `.other`.
enum ElementName: UInt8 {
    case rss, rdfRoot, feed, channel, item, entry
    case title, link, description, subtitle, tagline, language, copyright, rights
    case lastBuildDate, pubDate, managingEditor, author, creator, date, subject, modified, issued
    case published, updated, created, id, guid, summary, content, encoded, category, source, enclosure
    case name, email, uri, url, image, textinput, items, thumbnail, body, div, identifier
    case other

    init(_ name: String) {
        switch name {
        case "rss": self = .rss
        case "RDF": self = .rdfRoot
        case "feed": self = .feed
        case "channel": self = .channel
        case "item": self = .item
        case "entry": self = .entry
        case "title": self = .title
        case "link": self = .link
        case "description": self = .description
        case "subtitle": self = .subtitle
        case "tagline": self = .tagline
        case "language": self = .language
        case "copyright": self = .copyright
        case "rights": self = .rights
        case "lastBuildDate": self = .lastBuildDate
        case "pubDate": self = .pubDate
        case "managingEditor": self = .managingEditor
        case "author": self = .author
        case "creator": self = .creator
        case "date": self = .date
        case "subject": self = .subject
        case "modified": self = .modified
        case "issued": self = .issued
        case "published": self = .published
        case "updated": self = .updated
        case "created": self = .created
        case "id": self = .id
        case "guid": self = .guid
        case "summary": self = .summary
        case "content": self = .content
        case "encoded": self = .encoded
        case "category": self = .category
        case "source": self = .source
        case "enclosure": self = .enclosure
        case "name": self = .name
        case "email": self = .email
        case "uri", "url": self = name == "uri" ? .uri : .url
        case "image": self = .image
        case "textinput", "textInput": self = .textinput
        case "items": self = .items
        case "thumbnail": self = .thumbnail
        case "body": self = .body
        case "div": self = .div
        case "identifier": self = .identifier
        default: self = .other
        }
    }
}
