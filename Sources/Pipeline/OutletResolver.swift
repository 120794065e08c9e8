import CorroborationModel
import FeedParsing
import Foundation
import OutletRegistry
import Storage

/// Decides which outlet a document or an article belongs to.
///
/// In order: the outlet the user named (`--outlet`); the corpora's file naming
/// (`<outlet-id>[-<anything>].xml`, the longest registry id that the file name starts with); the
/// registry outlet whose feed URL or homepage host matches the feed's own link; else an
/// unregistered outlet named after the feed, so that nothing is dropped.
public struct OutletResolver: Sendable {
    public let registry: OutletRegistry
    private let byHost: [String: String]
    private let byName: [String: String]

    public init(registry: OutletRegistry) {
        self.registry = registry
        var hosts: [String: String] = [:]
        var names: [String: String] = [:]
        for outlet in registry.outlets {
            for url in [outlet.homepage] + outlet.feeds.map(\.url) {
                if let host = Self.host(of: url), hosts[host] == nil { hosts[host] = outlet.id }
            }
            names[outlet.name.lowercased()] = outlet.id
            names[outlet.id] = outlet.id
        }
        byHost = hosts
        byName = names
    }

    /// The outlet of a feed document read from `path`.
    public func outlet(forFeedAt path: String?, header: FeedHeader, override: String?) -> StoredOutlet {
        if let override { return stored(id: override, name: header.title) }
        if let path {
            let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension.lowercased()
            let matches = registry.outlets.map(\.id).filter { stem == $0 || stem.hasPrefix($0 + "-") }
            if let id = matches.max(by: { $0.count < $1.count }) { return stored(id: id, name: nil) }
        }
        if let link = header.link, let host = Self.host(of: link), let id = byHost[host] {
            return stored(id: id, name: nil)
        }
        let base = header.link.flatMap(Self.host) ?? header.title ?? path.map { ($0 as NSString).lastPathComponent }
        return unregistered(base ?? "unknown", name: header.title)
    }

    /// The outlet of an article whose JSONL `outlet` field reads `value`: a registry id or name,
    /// else an unregistered outlet of that name.
    public func outlet(named value: String?, override: String?) -> StoredOutlet {
        if let override { return stored(id: override, name: nil) }
        guard let value, !value.isEmpty else { return unregistered("unknown", name: nil) }
        if let id = byName[value.lowercased()] { return stored(id: id, name: nil) }
        return unregistered(value, name: value)
    }

    /// The registry outlet a `<source>` element names, by its URL's host or its title.
    public func outlet(ofSource source: FeedSource) -> String? {
        if let url = source.url, let host = Self.host(of: url), let id = byHost[host] { return id }
        if let title = source.title?.lowercased(), let id = byName[title] { return id }
        return nil
    }

    private func stored(id: String, name: String?) -> StoredOutlet {
        if let outlet = registry[id] { return StoredOutlet(outlet) }
        return StoredOutlet(id: id, name: name ?? id, wire: false, ownership: nil, registered: false)
    }

    private func unregistered(_ base: String, name: String?) -> StoredOutlet {
        StoredOutlet(id: Self.slug(base), name: name ?? base, wire: false, ownership: nil, registered: false)
    }

    /// Lower-case letters and digits (any script), runs of anything else as one '-'.
    static func slug(_ text: String) -> String {
        var out = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                out.append(character)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "unknown" : out
    }

    static func host(of url: String) -> String? {
        guard var host = URL(string: url)?.host?.lowercased() else { return nil }
        if host.hasPrefix("www.") { host.removeFirst(4) }
        return host
    }
}
