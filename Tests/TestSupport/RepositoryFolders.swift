import Foundation

/// The repository's own folders, found from this file's place in it (Tests/TestSupport/).
public enum RepositoryFolders {
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// The outlet registry.
    public static let feeds = root.appendingPathComponent("feeds")
    public static let corpora = root.appendingPathComponent("corpora")
}
