import CFreedMemory

/// Gives the memory freed during a poll cycle back to the system, so that a `poll --every`
/// sleeps between cycles with what it holds, not with its peak.
///
/// Once a cycle, not per stage: within a run the stages reuse what the one before freed, and
/// pages given back are pages the next stage faults in again. A one-shot `ingest` ends instead.
public enum FreedMemory {
    static func giveBack() {
        _ = corroborate_give_back_freed_memory()
    }
}
