import CFreedMemory

/// Gives memory that a finished stage freed back to the system.
///
/// glibc keeps freed memory in its arenas for reuse, and after a stage that allocated much on
/// several threads most of it stays resident though nothing uses it: after the 1,000-feed
/// ingest, 80 MB of the process's 140 MB were free blocks, which the claim and story stages then
/// added to. Called where a stage ends (an ingest, the claim pass, a story chunk), not in loops:
/// a trim walks every arena.
enum FreedMemory {
    static func giveBack() {
        _ = corroborate_give_back_freed_memory()
    }
}
