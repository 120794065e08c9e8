import CLibXML2
import Foundation

/// Parses HTML with libxml2's HTML parser (no network, no entities loaded) and lists what must
/// never be in a report: script, iframe, object, embed, base or form elements, event-handler
/// attributes, and links or sources with a scheme other than http, https, mailto or a fragment.
public enum HTMLInspection {
    public static func problems(in html: String) -> [String] {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard
            let document = html.withCString({ htmlReadMemory($0, Int32(strlen($0)), "report.html", "UTF-8", options) })
        else { return ["the report does not parse as HTML"] }
        defer { xmlFreeDoc(document) }
        var problems: [String] = []
        var stack: [xmlNodePtr] = []
        if let root = xmlDocGetRootElement(document) { stack.append(root) }
        while let node = stack.popLast() {
            var child = node.pointee.children
            while let current = child {
                stack.append(current)
                child = current.pointee.next
            }
            guard node.pointee.type == XML_ELEMENT_NODE else { continue }
            let name = String(cString: node.pointee.name).lowercased()
            if ["script", "iframe", "object", "embed", "frame", "base", "form"].contains(name) {
                problems.append("<\(name)> element")
            }
            var attribute = node.pointee.properties
            while let current = attribute {
                let key = String(cString: current.pointee.name).lowercased()
                var value = ""
                if let raw = xmlNodeGetContent(current.pointee.children) {
                    value = String(cString: raw)
                    free(raw)  // libxml2 allocates with malloc unless told otherwise
                }
                if key.hasPrefix("on") { problems.append("\(key)= on <\(name)>") }
                if ["href", "src", "action", "formaction", "xlink:href"].contains(key) {
                    let lowered = value.trimmingCharacters(in: .whitespaces).lowercased()
                    let allowed = ["http://", "https://", "#", "mailto:"].contains { lowered.hasPrefix($0) }
                    if !allowed { problems.append("\(key)=\"\(value)\" on <\(name)>") }
                }
                attribute = current.pointee.next
            }
        }
        return problems
    }

    /// The text content of every element named `name`, in document order.
    public static func texts(of name: String, in html: String) -> [String] {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        guard
            let document = html.withCString({ htmlReadMemory($0, Int32(strlen($0)), "report.html", "UTF-8", options) })
        else { return [] }
        defer { xmlFreeDoc(document) }
        var found: [String] = []
        func visit(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                if node.pointee.type == XML_ELEMENT_NODE, String(cString: node.pointee.name) == name,
                    let raw = xmlNodeGetContent(node)
                {
                    found.append(String(cString: raw))
                    free(raw)  // libxml2 allocates with malloc unless told otherwise
                }
                visit(node.pointee.children)
                current = node.pointee.next
            }
        }
        visit(xmlDocGetRootElement(document))
        return found
    }
}
