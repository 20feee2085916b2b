import Foundation
import LuaBridge
import Sandbox
import Testing

@Suite("Files and environment only when granted")
struct CapabilityTests {
    @Test func noGrantNoFsModule() throws {
        let error = #expect(throws: LuaError.self) { try runSandboxed("return fs") }
        #expect(error?.message == "test:1: undefined global 'fs'")
    }

    @Test func readsAndWritesInsideGrantedFolders() throws {
        let data = try TemporaryFolder()
        let out = try TemporaryFolder()
        try data.write("in.csv", "code,status\nHS1,trễ\n")
        let output = try runSandboxed("""
            local text = fs.read_file("\(data.path)/in.csv")
            fs.write_file("\(out.path)/out.txt", text:upper())
            print(#text, fs.exists("\(out.path)/out.txt"), fs.exists("\(data.path)/none"), table.concat(fs.list("\(data.path)"), ","))
            """, capabilities: Capabilities(readPaths: [data.path, out.path], writePaths: [out.path]))
        #expect(output == "22\ttrue\tfalse\tin.csv\n")
        #expect(try String(contentsOfFile: out.path + "/out.txt", encoding: .utf8) == "CODE,STATUS\nHS1,TRễ\n")
    }

    @Test func pathsOutsideTheGrantAreRefused() throws {
        let data = try TemporaryFolder()
        let capabilities = Capabilities(readPaths: [data.path], writePaths: [data.path])
        for attempt in [
            "fs.read_file('/etc/hostname')",
            "fs.read_file('\(data.path)/../../etc/hostname')",
            "fs.write_file('/tmp/hostrun-escape.txt', 'x')",
            "fs.exists('/etc/hostname')",
            "fs.list('/')",
        ] {
            let error = #expect(throws: LuaError.self) { try runSandboxed(attempt, capabilities: capabilities) }
            #expect(error?.message.contains("is not granted") == true, "\(attempt): \(String(describing: error))")
        }
    }

    @Test func symlinksCannotLeadOutOfAGrant() throws {
        let outside = try TemporaryFolder()
        try outside.write("secret.txt", "secret")
        let data = try TemporaryFolder()
        try FileManager.default.createSymbolicLink(atPath: data.path + "/link.txt", withDestinationPath: outside.path + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: data.path + "/dir", withDestinationPath: outside.path)
        let capabilities = Capabilities(readPaths: [data.path], writePaths: [data.path])
        for attempt in ["fs.read_file('\(data.path)/link.txt')", "fs.write_file('\(data.path)/link.txt', 'x')",
                        "fs.write_file('\(data.path)/dir/new.txt', 'x')"] {
            let error = #expect(throws: LuaError.self) { try runSandboxed(attempt, capabilities: capabilities) }
            #expect(error?.message.contains("is not granted") == true, "\(attempt): \(String(describing: error))")
        }
        #expect(try String(contentsOfFile: outside.path + "/secret.txt", encoding: .utf8) == "secret")
        #expect(!FileManager.default.fileExists(atPath: outside.path + "/new.txt"))
    }

    @Test func environmentOnlyForGrantedNames() throws {
        setenv("HOSTRUN_TEST_GRANTED", "yes", 1)
        let output = try runSandboxed("print(os.getenv('HOSTRUN_TEST_GRANTED'), os.getenv('HOSTRUN_TEST_UNSET'))",
                                      capabilities: Capabilities(environment: ["HOSTRUN_TEST_GRANTED", "HOSTRUN_TEST_UNSET"]))
        #expect(output == "yes\tnil\n")
        let error = #expect(throws: LuaError.self) { try runSandboxed("return os.getenv('HOSTRUN_TEST_GRANTED')") }
        #expect(error?.message.contains("is not granted (use --allow-env HOSTRUN_TEST_GRANTED)") == true)
    }

    @Test func networkHostsAreCarriedForTheHttpModule() {
        let capabilities = Capabilities(networkHosts: ["api.example.gov.vn"])
        #expect(capabilities.networkHosts.contains("api.example.gov.vn"))
        #expect(!capabilities.grantsFiles)
    }
}
