import NearDuplicates
import Testing

@testable import Corroboration

struct ShingleFingerprintingTests {
    let fingerprinting = ShingleFingerprinting()
    let wire = """
        Kurdish-led fighters east of the Euphrates said on Saturday that Russian aircraft and \
        artillery struck their positions near the Conoco gas field in Deir al-Zor province, \
        wounding six fighters, and that the coalition had warned Moscow of their presence there \
        the day before. Moscow denied striking the group and said its aircraft hit only Islamic \
        State targets on the western bank.
        """

    /// The storage form before values were cut to 16 bits: whole values, four bytes each.
    func thirtyTwoBitSignature(of text: String) -> [UInt8] {
        let full = fingerprinting.configuration.signature(of: text)
        let lead = fingerprinting.leadConfiguration.signature(
            of: ShingleFingerprinting.lead(of: text, words: fingerprinting.leadWords))
        return full.bytes + lead.bytes
    }

    @Test func signaturesKeepTwoBytesPerValue() {
        let signature = fingerprinting.signature(of: wire)
        #expect(signature.count == (128 + 64) * 2)
        #expect(fingerprinting.signature(of: "") == [])
        #expect(fingerprinting.bandKeys(of: []) == [])
        #expect(fingerprinting.nearDuplicateSimilarity(signature, []) == nil)
    }

    /// A store written before keeps working: its signatures meet new ones under the same band
    /// keys, and compare as the same text.
    @Test func signaturesStoredWithWholeValuesStillMatch() {
        let stored = thirtyTwoBitSignature(of: wire)
        let new = fingerprinting.signature(of: wire)
        #expect(stored.count == 2 * new.count)
        #expect(fingerprinting.bandKeys(of: stored) == fingerprinting.bandKeys(of: new))
        #expect(!fingerprinting.bandKeys(of: new).isEmpty)
        #expect(fingerprinting.nearDuplicateSimilarity(stored, new) == 1)
        #expect(fingerprinting.nearDuplicateSimilarity(new, stored) == 1)
    }

    /// A reprint with a credit line and a changed sentence is a near-duplicate in either form;
    /// a different report of the same event is not.
    @Test func nearDuplicatesAreFoundAndIndependentReportsAreNot() throws {
        let reprint =
            "(Reuters) - "
            + wire.replacingOccurrences(of: "the day before", with: "on Friday")
        let independent = """
            Russia's Defence Ministry rejected accusations from the Syrian Democratic Forces on \
            Sunday, saying its jets had bombed only militants of the Islamic State group west of \
            the river and that no Kurdish units were anywhere near the targets.
            """
        let original = fingerprinting.signature(of: wire)
        let similarity = try #require(
            fingerprinting.nearDuplicateSimilarity(original, fingerprinting.signature(of: reprint)))
        #expect(similarity > 0.6)
        let legacySimilarity = fingerprinting.nearDuplicateSimilarity(thirtyTwoBitSignature(of: reprint), original)
        #expect(legacySimilarity == similarity)
        #expect(fingerprinting.nearDuplicateSimilarity(original, fingerprinting.signature(of: independent)) == nil)
        let shared = Set(fingerprinting.bandKeys(of: original)).intersection(
            fingerprinting.bandKeys(of: fingerprinting.signature(of: reprint)))
        #expect(!shared.isEmpty)
    }
}
