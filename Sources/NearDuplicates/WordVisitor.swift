extension WordTokenizer {
    /// Calls `body` with the lowercased UTF-8 bytes of each word of the UTF-8 `parts`, in order,
    /// the parts read as one text with a separator between them.
    ///
    /// Why this exists beside `tokens(inUTF8:)`: a caller that only looks words up (story
    /// clustering maps each word to a term number through a hash table) pays for a `String` and an
    /// array per word otherwise; here it gets the scanner's own buffer. The bytes are valid only
    /// during the call.
    public func forEachWord(
        inUTF8 parts: [UnsafeBufferPointer<UInt8>], _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let capacity = WordScanner.scratchCapacity(forBytes: parts.map(\.count).max() ?? 0)
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { scratch in
            let base = scratch.baseAddress!
            base.initialize(repeating: 0, count: capacity)
            for part in parts {
                WordScanner.scan(part, scratch: base) { length in
                    body(UnsafeBufferPointer(start: base, count: length))
                }
            }
        }
    }
}
