import ArgumentParser
import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `corroborate` command line. Subcommands stay thin: they parse arguments, call the
/// libraries and print; everything they print for machines follows the contract in DESIGN.md.
@main
struct Corroborate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corroborate",
        abstract: "Compare how several news wires report one event, claim by claim.",
        discussion: """
            Corroborate reads RSS, RDF and Atom feeds from wires and broadcasters, groups reports \
            of one event, and says for every claim who corroborates it, who contradicts it, and \
            who only relays somebody else's word.
            """,
        version: "0.1.0",
        subcommands: [
            Demo.self, Parse.self, Ingest.self, Poll.self, Feeds.self, Claims.self, Stories.self, ReportCommand.self,
            Diff.self, Compare.self,
        ]
    )

    /// Exit status 2 on a usage error (not ArgumentParser's 64), 1 on a runtime failure, with one
    /// line on stderr naming what was wrong.
    static func main() async {
        do {
            var command = try parseAsRoot(Self.movingGlobalOptions(Array(CommandLine.arguments.dropFirst())))
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as RuntimeFailure {
            printError(failure.message)
            Glibc.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "usage error"
                let cleaned = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
                printError("\(cleaned) (see 'corroborate --help')")
                Glibc.exit(2)
            }
            Self.exit(withError: error)
        }
    }
}

extension Corroborate {
    /// Options every store command takes, which the contract also allows before the command
    /// name (`corroborate --db PATH ingest ...`).
    static let globalOptions: Set<String> = ["--db", "--registry"]

    /// Moves global options written before the subcommand to just after it, where the
    /// subcommand's own parser reads them.
    static func movingGlobalOptions(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            let name = String(argument.split(separator: "=", maxSplits: 1).first ?? "")
            guard globalOptions.contains(name) else { break }
            leading.append(argument)
            if !argument.contains("="), index + 1 < arguments.count {
                leading.append(arguments[index + 1])
                index += 1
            }
            index += 1
        }
        guard !leading.isEmpty, index < arguments.count else { return arguments }
        // A command group (`feeds add`) takes them after its subcommand's name.
        var names = [arguments[index]]
        if arguments[index] == "feeds", index + 1 < arguments.count,
            Feeds.configuration.subcommands.contains(where: { $0._commandName == arguments[index + 1] })
        {
            names.append(arguments[index + 1])
            index += 1
        } else if arguments[index] == "feeds" {
            names.append("list")
        }
        return names + leading + arguments[(index + 1)...]
    }
}

/// A failure at run time whose message is already the one line the user should read.
struct RuntimeFailure: Error {
    var message: String
}

/// Writes `corroborate: MESSAGE` to standard error.
func printError(_ message: String) {
    var line = "corroborate: " + message + "\n"
    line.withUTF8 { bytes in
        _ = write(2, bytes.baseAddress, bytes.count)
    }
}
