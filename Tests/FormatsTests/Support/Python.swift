import Foundation

/// Runs the Python scripts beside these tests with an interpreter that has openpyxl (Debian's
/// python3-openpyxl, which `make deps` installs; a pyenv `python3` first on PATH may lack it).
enum Python {
    static let scriptsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scripts")

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// The first of /usr/bin/python3 and `python3` on PATH that can import openpyxl.
    static func interpreterWithOpenpyxl() throws -> [String] {
        for candidate in [["/usr/bin/python3"], ["/usr/bin/env", "python3"]] {
            if FileManager.default.isExecutableFile(atPath: candidate[0]),
               let result = try? run(candidate + ["-c", "import openpyxl"]), result.status == 0 {
                return candidate
            }
        }
        throw Failure(description: "no python3 with openpyxl: install python3-openpyxl (make deps does)")
    }

    /// Runs a script from Scripts/ and returns its standard output; a non-zero exit throws
    /// with its standard error.
    static func runScript(_ name: String, arguments: [String]) throws -> Data {
        let interpreter = try interpreterWithOpenpyxl()
        let result = try run(interpreter + [scriptsDirectory.appendingPathComponent(name).path] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "\(name) failed: " + String(decoding: result.error, as: UTF8.self))
        }
        return result.output
    }

    private static func run(_ command: [String]) throws -> (status: Int32, output: Data, error: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output, error)
    }
}
