/// Why the store could not do what was asked. Every case names the store, so the one error line
/// the CLI prints says which file (or database) is at fault and what to do.
public enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another process holds the write lock and did not release it in time.
    case busy(store: String)
    case diskFull(store: String)
    case readOnly(store: String)
    case cannotOpen(store: String, reason: String)
    /// The file is not a Corroborate store, or it is damaged.
    case corrupt(store: String, reason: String)
    /// Written by a newer Corroborate: its schema has migrations this one does not know.
    case newerSchema(store: String)
    /// Another writer stored some of the batch's items first; reading again and retrying resolves it.
    case conflict(store: String)
    case failed(store: String, reason: String)

    public var description: String {
        switch self {
        case .busy(let store):
            return "\(store): another process is writing to the store; try again when it finishes"
        case .diskFull(let store): return "\(store): the disk is full; nothing of the current batch was written"
        case .readOnly(let store): return "\(store): the store is read-only; check the file's permissions"
        case .cannotOpen(let store, let reason): return "\(store): cannot open the store: \(reason)"
        case .corrupt(let store, let reason): return "\(store): not a Corroborate store, or damaged: \(reason)"
        case .newerSchema(let store):
            return "\(store): written by a newer version of Corroborate; upgrade to use it"
        case .conflict(let store):
            return "\(store): another process stored the same items at the same time; run the ingest again"
        case .failed(let store, let reason): return "\(store): \(reason)"
        }
    }
}
