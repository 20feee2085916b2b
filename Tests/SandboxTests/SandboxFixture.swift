import Foundation
import LuaBridge
import Sandbox

/// A temporary folder for a test, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let file = path + "/" + relative
        try FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }
}

/// Runs `source` in a fresh sandbox and returns what it printed.
func runSandboxed(
    _ source: String, limits: Limits = .default, capabilities: Capabilities = .none,
    modules: HostRegistry = HostRegistry(), folder: String? = nil
) throws -> String {
    let output = CapturedOutput()
    let sandbox = try Sandbox(limits: limits, capabilities: capabilities, output: output, modules: modules, moduleFolder: folder)
    try sandbox.run(source: Array(source.utf8), name: "=test", scriptName: "test")
    return output.text
}
