import CorroborationModel
import Foundation
import Synchronization
import Yams

/// The outlets Corroborate knows, read from the YAML files of a registry folder (`feeds/` in the
/// repository, one file per outlet). Loading checks every file, so a typo is reported with the
/// file it is in rather than surfacing later as a missed credit or an unpolled feed.
public struct OutletRegistry: Sendable {
    /// Outlets in id order.
    public let outlets: [Outlet]
    private let byID: [String: Outlet]

    public init(outlets: [Outlet]) {
        self.outlets = outlets.sorted { $0.id < $1.id }
        byID = Dictionary(outlets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public subscript(id: String) -> Outlet? { byID[id] }

    /// Reads every `*.yaml` file in `folder`. Throws on the first file that cannot be read or
    /// decoded; `problems` lists what is wrong with files that decode but break the rules.
    public static func load(folder: URL) throws(RegistryError) -> OutletRegistry {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yaml") }.sorted()
        } catch {
            throw .unreadable(path: folder.path, reason: error.localizedDescription)
        }
        guard !names.isEmpty else { throw .empty(path: folder.path) }
        // Decoded side by side: YAML decoding is most of a short run's start-up (about 30 ms for
        // the bundled registry), and the files are independent.
        let decoded = Mutex([Result<Outlet, RegistryError>?](repeating: nil, count: names.count))
        DispatchQueue.concurrentPerform(iterations: names.count) { position in
            let result = Result { () throws(RegistryError) in try decode(folder.appendingPathComponent(names[position]))
            }
            decoded.withLock { $0[position] = result }
        }
        var outlets: [Outlet] = []
        var files: [String: String] = [:]
        for (name, result) in zip(names, decoded.withLock { $0 }) {
            let outlet = try result!.get()
            if let earlier = files[outlet.id] {
                throw .duplicateID(outlet.id, files: [earlier, name])
            }
            files[outlet.id] = name
            outlets.append(outlet)
        }
        return OutletRegistry(outlets: outlets)
    }

    private static func decode(_ url: URL) throws(RegistryError) -> Outlet {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        do {
            return try YAMLDecoder().decode(Outlet.self, from: text)
        } catch {
            throw .invalid(path: url.path, reason: Self.describe(error))
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case DecodingError.dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
    }

    /// What is wrong with the outlets beyond their shape: ids, codes, URLs, credit patterns that
    /// do not compile or do not match their own example. Empty when all is well.
    public func problems() -> [String] {
        var found: [String] = []
        for outlet in outlets {
            let at = "\(outlet.id):"
            if outlet.id.isEmpty
                || !outlet.id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            {
                found.append("\(at) id must be lower case a-z, 0-9 and '-'")
            }
            if outlet.name.trimmingCharacters(in: .whitespaces).isEmpty { found.append("\(at) empty name") }
            if !isWebURL(outlet.homepage) { found.append("\(at) homepage is not an http(s) URL") }
            if outlet.country.count != 2 || !outlet.country.allSatisfy({ $0.isASCII && $0.isUppercase }) {
                found.append("\(at) country must be an ISO 3166-1 alpha-2 code")
            }
            if outlet.languages.isEmpty { found.append("\(at) no languages") }
            for language in outlet.languages where language.count != 2 {
                found.append("\(at) language \(language) is not an ISO 639-1 code")
            }
            if outlet.ownership.basis.trimmingCharacters(in: .whitespaces).isEmpty {
                found.append("\(at) ownership has no basis")
            }
            for feed in outlet.feeds where !isWebURL(feed.url) {
                found.append("\(at) feed \(feed.url) is not an http(s) URL")
            }
            if outlet.feeds.isEmpty && (outlet.feedsNote ?? "").isEmpty {
                found.append("\(at) no feeds and no feedsNote saying why")
            }
            for credit in outlet.credits {
                switch CreditMatcher.compile(credit.pattern) {
                case .failure(let reason):
                    found.append("\(at) credit pattern \(credit.pattern) does not compile: \(reason)")
                case .success(let regex):
                    if !CreditMatcher.matches(regex, credit.example) {
                        found.append("\(at) credit pattern \(credit.pattern) does not match its example")
                    }
                }
            }
        }
        return found
    }

    private func isWebURL(_ string: String) -> Bool {
        guard let url = URL(string: string), let scheme = url.scheme?.lowercased() else { return false }
        return (scheme == "http" || scheme == "https") && url.host != nil
    }
}

/// Why the registry could not be read. Each case names the file at fault.
public enum RegistryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case invalid(path: String, reason: String)
    case duplicateID(String, files: [String])
    case empty(path: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot read the outlet registry: \(reason)"
        case .invalid(let path, let reason): return "\(path): not a valid outlet entry: \(reason)"
        case .duplicateID(let id, let files):
            return "outlet id '\(id)' is used by more than one file: \(files.joined(separator: ", "))"
        case .empty(let path): return "\(path): no outlet files (*.yaml) in the registry folder"
        }
    }
}

/// Compiling and matching a credit pattern the way credit detection does (`NSRegularExpression`,
/// ICU syntax), for the registry's own checks.
enum CreditMatcher {
    static func compile(_ pattern: String) -> Result<NSRegularExpression, RegexCompileFailure> {
        do {
            return .success(try NSRegularExpression(pattern: pattern))
        } catch {
            return .failure(RegexCompileFailure(description: "\(error)"))
        }
    }

    static func matches(_ regex: NSRegularExpression, _ text: String) -> Bool {
        regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }
}

struct RegexCompileFailure: Error, CustomStringConvertible {
    let description: String
}
