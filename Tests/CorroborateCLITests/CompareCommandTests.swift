import Foundation
import TestSupport
import Testing

/// `corroborate compare`: two files, and the `--pairs` stream scripts and evaluations use.
@Suite struct CompareCommandTests {
    @Test func pairsGiveOneLinePerPairInOrderWithTheirIDs() throws {
        let input = """
            {"id": 7, "a": "Six fighters were wounded in the strike.", "b": "Eight fighters were wounded in the strike."}
            {"id": "p2", "a": "A plane is taking off.", "b": "An air plane is taking off."}
            not json
            {"id": "p3", "a": "Russian jets struck the town.", "b": "The central bank held rates."}

            """
        let run = try CLI.run(["compare", "--pairs", "-"], stdin: Data(input.utf8))
        #expect(run.status == 1, "a malformed line fails the run at the end")
        #expect(run.stderr.contains("-:3:"), "the bad line is named: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
        }
        #expect(lines.count == 3)
        #expect(lines.map { "\($0["id"] ?? "")" } == ["7", "p2", "p3"])
        #expect(lines[0]["relation"] as? String == "contradicts")
        #expect(Set(lines[1].keys) == ["id", "relation", "similarity", "alignments"])
        #expect(lines[2]["relation"] as? String == "unrelated")
        let similarity = try #require(lines[1]["similarity"] as? Double)
        #expect((0...1).contains(similarity))
    }

    @Test func twoFilesGiveAReadableAlignment() throws {
        let folder = try TemporaryFolder()
        let a = folder.path("a.txt")
        let b = folder.path("b.txt")
        try "The SDF said six of its fighters were wounded.".write(toFile: a, atomically: true, encoding: .utf8)
        try "Other reports said eight fighters were wounded.".write(toFile: b, atomically: true, encoding: .utf8)
        let run = try CLI.run(["compare", a, b])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("contradicts"))
        #expect(run.stdout.contains("A: The SDF said six"))
        let missing = try CLI.run(["compare", a, folder.path("absent.txt")])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("absent.txt"))
        let usage = try CLI.run(["compare", a])
        #expect(usage.status == 2)
    }
}
