import Testing

@testable import NearDuplicates

/// Hashes, shingles, signatures and band keys are stored: these values must never change
/// silently. A failure here means stored signatures no longer match new ones.
struct HashingTests {
    @Test(
        arguments: [
            ("", 0x29F9_3E32_FF81_4F97),
            ("a", 0x7E67_10EC_048C_9193),
            ("reuters", 0x26E2_821E_9038_AB7F),
            ("минобороны", 0x4946_BDDE_A1E4_13D2),
            ("sixteen-byte-str", 0x28E9_46B6_8719_2535),
            ("a string longer than thirty-two bytes", 0xD2EA_9DA6_D761_F54D),
        ] as [(String, UInt64)])
    func byteHashIsPinned(text: String, expected: UInt64) {
        #expect(StableHash.hash(text) == expected)
    }

    @Test func shingleHashesArePinned() {
        let hashes = Shingler(size: 5).hashes(of: "The quick brown fox jumps over the lazy dog")
        #expect(
            hashes == [
                0xE5DA_33A7_FB17_0F0F, 0xC777_CEC6_AB3F_431F, 0x3FD5_350B_F028_A4E1, 0x3947_A527_195B_835A,
                0x9B52_0B06_C899_3855,
            ])
        #expect(Shingler(size: 5).hashes(of: "Two words") == [0x642E_26B2_0DD7_30A1])
    }

    @Test func signatureAndBandKeysArePinned() {
        let configuration = NearDuplicateConfiguration.standard
        let signature = configuration.signature(of: "The quick brown fox jumps over the lazy dog")
        // Five shingles in 128 bins: most values are borrowed by densification, hence the repeats.
        #expect(
            Array(signature.values.prefix(6)) == [
                0xAAF8_03B0, 0x4B95_740B, 0x0312_C6F1, 0xAAF8_03B0, 0x0312_C6F1, 0xAAF8_03B0,
            ])
        #expect(
            Array(configuration.bandKeys(of: signature).prefix(3)) == [
                0xB00D_C125_55D3_FCFC, 0xE653_FF2F_6B2B_E1F9, 0x3670_F29A_1493_D7C2,
            ])
    }

    /// The tail of a word is read as one masked word when the scanner guarantees slack, and byte
    /// by byte otherwise; both must give the same value for every length.
    @Test func slackAndSafeTailsAgree() {
        let bytes: [UInt8] = (0..<80).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        bytes.withUnsafeBytes { raw in
            for count in 0...64 {
                let safe = StableHash.hash(base: raw.baseAddress!, count: count, seed: 7, slack: false)
                let fast = StableHash.hash(base: raw.baseAddress!, count: count, seed: 7, slack: true)
                #expect(safe == fast, "length \(count)")
            }
        }
    }

    @Test func distinctWordsDoNotCollide() {
        var seen = Set<UInt64>()
        for index in 0..<200_000 { seen.insert(StableHash.hash("w\(index)")) }
        // A prefix of another string, and strings differing only in trailing zero bytes.
        seen.insert(StableHash.hash("w"))
        seen.insert(StableHash.hash(UnsafeRawBufferPointer(start: nil, count: 0)))
        let zeros: [UInt8] = [0, 0, 0]
        seen.insert(zeros.withUnsafeBytes { StableHash.hash(UnsafeRawBufferPointer(rebasing: $0[0..<1])) })
        seen.insert(zeros.withUnsafeBytes { StableHash.hash($0) })
        #expect(seen.count == 200_000 + 4)
    }

    /// Word order matters inside a shingle; the same shingle anywhere has the same hash.
    @Test func shinglesAreOrderedWindows() {
        let shingler = Shingler(size: 3)
        let forward = shingler.hashes(of: "alpha beta gamma")
        let backward = shingler.hashes(of: "gamma beta alpha")
        #expect(forward.count == 1 && backward.count == 1)
        #expect(forward != backward)
        let longer = shingler.hashes(of: "x y alpha beta gamma z")
        #expect(longer.count == 4)
        #expect(longer[2] == forward[0])
        #expect(shingler.hashes(of: "ALPHA, Beta; gamma!") == forward)
    }

    @Test(
        arguments: [
            ("", 0),
            ("one", 1),
            ("one two three four", 1),
            ("one two three four five", 1),
            ("one two three four five six", 2),
        ] as [(String, Int)])
    func shortTextsHaveOneShingleAndEmptyOnesNone(text: String, count: Int) {
        #expect(Shingler(size: 5).hashes(of: text).count == count)
    }

    @Test func shorterTextsDifferFromTheirPrefixWindows() {
        let shingler = Shingler(size: 5)
        #expect(shingler.hashes(of: "one two") != shingler.hashes(of: "one two three"))
        #expect(shingler.hashes(of: "one") != shingler.hashes(of: "one one"))
    }
}
