import Foundation
import Testing
@testable import Formats

@Suite struct Windows1258Tests {
    /// The hand-written table agrees with Python's cp1258 codec on every byte above 0x7F.
    @Test func tableMatchesPythonsCodec() throws {
        let oracle = try String(contentsOf: Fixture.url("cp1258-table.txt"), encoding: .ascii)
        var checked = 0
        for line in oracle.split(separator: "\n") {
            let parts = line.split(separator: " ")
            let byte = Int(parts[0], radix: 16)!
            let expected: UInt32 = parts[1] == "-" ? 0 : UInt32(parts[1], radix: 16)!
            #expect(Windows1258.upperHalf[byte - 0x80] == expected, "byte \(parts[0])")
            checked += 1
        }
        #expect(checked == 128)
    }

    @Test func decodesEveryDefinedByteToItsUTF8() {
        var transcoder = UTF8Transcoder(encoding: .windows1258)
        var output: [UInt8] = []
        let bytes: [UInt8] = Array(0x80...0xFF)
        bytes.withUnsafeBufferPointer { transcoder.transcode($0, isFinal: true, into: &output) }
        var expected: [UInt8] = []
        for scalar in Windows1258.upperHalf {
            if scalar == 0 { expected.append(UTF8Transcoder.invalidByte) } else {
                expected += Array(String(Character(Unicode.Scalar(scalar)!)).utf8)
            }
        }
        #expect(output == expected)
    }
}
