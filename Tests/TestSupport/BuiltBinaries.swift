import Foundation

/// The binaries `swift build` made for this test run, found beside the test bundle.
public enum BuiltBinaries {
    /// The `corroborate` executable: the nearest folder above the test binary that holds one.
    public static var corroborate: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("corroborate").path),
            folder.path != "/"
        {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("corroborate")
    }
}
