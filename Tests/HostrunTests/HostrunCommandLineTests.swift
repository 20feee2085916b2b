import Foundation
import Testing

/// `hostrun` as a user runs it: arguments like lua5.4, errors like lua5.4, documented exit codes.
@Suite("The hostrun command line")
struct HostrunCommandLineTests {

    @Test func runsAScriptWithArguments() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("hostrun-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("job.lua").path
        try "#!/usr/bin/env hostrun\nlocal util = require('util')\nprint(arg[0] == ..., select('#', ...), util.twice(arg[1]))\n"
            .write(toFile: script, atomically: true, encoding: .utf8)
        try "return { twice = function(s) return s .. s end }".write(
            toFile: folder.appendingPathComponent("util.lua").path, atomically: true, encoding: .utf8)
        let result = try HostrunBinary.run([script, "ab", "--not-a-flag"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "false\t2\tabab\n")
    }

    @Test func runsCodeAndStandardInput() throws {
        #expect(try HostrunBinary.run(["-e", "print(1 + 1)"]).stdout == "2\n")
        #expect(try HostrunBinary.run(["-", "x"], standardInput: "print(..., arg[0])").stdout == "x\t-\n")
    }

    @Test func errorsReadLikeLua() throws {
        let result = try HostrunBinary.run(["-e", "local function f() error('boom') end\nf()"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            hostrun: (command line):1: boom
            stack traceback:
            \t[C]: in function 'error'
            \t(command line):1: in local 'f'
            \t(command line):2: in main chunk

            """)
    }

    @Test func syntaxErrorsAndMissingFiles() throws {
        let syntax = try HostrunBinary.run(["-e", "x = = 1"])
        #expect(syntax.status == 1)
        #expect(syntax.stderr.hasPrefix("hostrun: (command line):1: unexpected symbol near '='"))
        let missing = try HostrunBinary.run(["/nonexistent/script.lua"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "hostrun: cannot open /nonexistent/script.lua\n")
    }

    @Test func limitBreachesHaveTheirOwnExitCodes() throws {
        let cases: [([String], Int32, String)] = [
            (["--max-memory", "4MiB", "-e", "local t = {} for i = 1, 1e8 do t[i] = i end"], 3, "memory limit exceeded (4 MiB)"),
            (["--max-instructions", "100000", "-e", "while true do end"], 4, "instruction limit exceeded (100000 instructions)"),
            (["--max-time", "0.2", "-e", "while true do end"], 5, "time limit exceeded"),
            (["--max-output", "1KiB", "-e", "while true do print('x') end"], 6, "output limit exceeded (1 KiB)"),
            (["--max-cpu", "0.2", "-e", "while true do end"], 7, "CPU time limit exceeded"),
        ]
        for (arguments, status, message) in cases {
            let result = try HostrunBinary.run(arguments)
            #expect(result.status == status, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
    }

    @Test func usageErrorsExitTwo() throws {
        for arguments in [[], ["--max-memory", "lots", "-e", "x=1"], ["--max-time", "-1", "-e", "x=1"], ["--max-cpu", "0", "-e", "x=1"]] {
            let result = try HostrunBinary.run(arguments)
            #expect(result.status == 2, "\(arguments): \(result.stderr)")
        }
    }

    @Test func helpShowsExamplesAndExitCodes() throws {
        let help = try HostrunBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("hostrun Scripts/hello.lua Lan"))
        #expect(help.stdout.contains("4  the instruction limit was exceeded (--max-instructions)"))
        #expect(help.stdout.contains("7  the CPU-time limit was exceeded (--max-cpu)"))
        let version = try HostrunBinary.run(["--version"])
        #expect(version.stdout.hasPrefix("0."))
    }

    @Test func grantsComeFromFlags() throws {
        let env = try HostrunBinary.run(["--allow-env", "HOME", "-e", "print(os.getenv('HOME') ~= nil)"])
        #expect(env.stdout == "true\n")
        let folder = FileManager.default.temporaryDirectory.path
        let files = try HostrunBinary.run(["--allow-read", folder, "-e", "print(fs.exists('\(folder)'))"])
        #expect(files.stdout == "true\n", "\(files.stderr)")
        let net = try HostrunBinary.run(["--allow-net", "API.example.vn:8443", "-e", "print(http ~= nil)"])
        #expect(net.stdout == "true\n", "\(net.stderr)")
    }

    @Test func aHostGrantThatCouldMatchNoURLIsAUsageError() throws {
        // A URL or a path would never equal a URL's host: refused instead of granting nothing.
        for grant in ["https://api.example.vn", "api.example.vn/hoso", "api.example.vn:0", ""] {
            let result = try HostrunBinary.run(["--allow-net", grant, "-e", "x = 1"])
            #expect(result.status == 2, "\(grant): \(result.stderr)")
            #expect(result.stderr.contains("--allow-net: '\(grant)' must be a host name such as dichvucong.gov.vn, or host:port"),
                    "\(grant): \(result.stderr)")
        }
    }
}
