import CFreedMemory

/// Gives memory that a finished stage freed back to the system.
///
/// glibc keeps freed memory in its arenas for reuse, and after a stage that allocated much on
/// several threads most of it stays resident though nothing uses it: after the 1,000-feed
/// ingest, 80 MB of the process's 140 MB were free blocks, which the claim and story stages then
/// added to. Called where a stage ends (an ingest, the claim pass, a story chunk), not in loops:
/// a trim walks every arena.
public enum FreedMemory {
    static func giveBack() {
        _ = corroborate_give_back_freed_memory()
    }

    /// Grows the heap 16 MB at a time instead of 128 KB, for a process about to run the stages
    /// once. A 50-item poll into a store of a million items grew and shrank it thousands of
    /// times, and the fresh pages the kernel zeroed each time were a sixth of the run (0.41 ->
    /// 0.36 s); a large ingest is unchanged, and the stages still give memory back when they end.
    public static func padHeapGrowth() {
        corroborate_pad_heap_growth(16 << 20)
    }
}
