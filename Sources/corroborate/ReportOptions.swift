import ArgumentParser
import Foundation
import Reports

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How `report` and `demo` render a corroboration report: the format, where it goes, and the
/// terminal's color and width.
struct ReportOptions: ParsableArguments {
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, md, html, json
    }

    @Option(help: "Output format: text, md (Markdown), html (one self-contained file) or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var out: String?

    @Option(help: "Color the text report: auto (on a terminal, unless NO_COLOR is set), always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "List every claim and every report behind it (the text and Markdown reports otherwise summarize).")
    var full = false

    /// Renders `report` in the chosen format and writes it out.
    func emit(_ report: CorroborationReport) throws {
        let document: String
        switch format {
        case .json: document = ReportJSON.render(report) + "\n"
        case .md: document = ReportMarkdownRenderer(full: full).render(report)
        case .html: document = ReportHTMLRenderer().render(report)
        case .text:
            let style = out == nil ? TerminalStyle.forStandardOutput(color) : .plain
            document = ReportTextRenderer(
                style: style, claimLimit: full ? nil : 10, evidenceLimit: full ? nil : 3
            ).render(report)
        }
        try write(document)
    }

    /// Writes `document` to `--out` (atomically: a failed write leaves no half file) or stdout.
    func write(_ document: String) throws {
        guard let out else {
            let output = StandardOutput()
            output.write(document)
            output.flush()
            return
        }
        do {
            try Data(document.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? error.localizedDescription
            throw RuntimeFailure(message: "\(out): cannot write the report: \(reason)")
        }
    }
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

extension TerminalStyle {
    /// Color on a terminal unless `NO_COLOR` is set (or `--color` says otherwise); the terminal's
    /// width, else `$COLUMNS`, else 100.
    static func forStandardOutput(_ choice: ColorChoice) -> TerminalStyle {
        let environment = ProcessInfo.processInfo.environment
        let isTerminal = isatty(1) == 1
        let color: Bool
        switch choice {
        case .always: color = true
        case .never: color = false
        case .auto: color = isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        }
        var width = 100
        var size = winsize()
        if isTerminal, ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            width = Int(size.ws_col)
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        }
        return TerminalStyle(color: color, width: min(width, 160))
    }
}
