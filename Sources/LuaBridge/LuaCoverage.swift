import CLuaShim

/// Line coverage of Lua code: states count the lines they run (a line hook sharing the hook
/// with the limits, which still apply), and their counts join one process-wide table when they
/// close. `hostrun test --coverage` turns it on for every state it creates.
///
/// ```swift
/// LuaCoverage.recordsNewStates = true
/// // ... create states, run code, close them ...
/// let hits = LuaCoverage.hits()        // ["report.lua": [3: 1, 4: 12]]
/// ```
public enum LuaCoverage {
    /// Whether states created from now on record coverage.
    public static var recordsNewStates: Bool {
        get { hr_coverage_default() != 0 }
        set { hr_coverage_set_default(newValue ? 1 : 0) }
    }

    /// Makes `state` record coverage from now on.
    public static func record(_ state: LuaState) {
        hr_coverage_enable(state.pointer)
    }

    /// The lines run by the states closed so far, by file (chunk names without the `@`): how
    /// many times each line ran.
    public static func hits() -> [String: [Int: UInt64]] {
        final class Collected { var files: [String: [Int: UInt64]] = [:] }
        let collected = Collected()
        _ = hr_coverage_copy({ context, name, hits, size in
            let collected = Unmanaged<Collected>.fromOpaque(context!).takeUnretainedValue()
            var lines: [Int: UInt64] = [:]
            for line in 0..<size where hits![line] != 0 { lines[line] = hits![line] }
            collected.files[String(String(cString: name!).dropFirst())] = lines
        }, Unmanaged.passUnretained(collected).toOpaque())
        return collected.files
    }

    /// Forgets every count.
    public static func clear() {
        hr_coverage_clear()
    }

    /// The lines of a chunk that a line hook can report (those of its instructions, as
    /// `debug.getinfo(f, "L")` gives them, for every function in it), and the lines that only a
    /// function's implicit `return` at its `end` is on, which run only when the function falls
    /// through to its end. Nil when the chunk does not compile.
    public static func executableLines(in source: [UInt8], chunkName: String) -> (lines: Set<Int>, ends: Set<Int>)? {
        final class Collected { var lines = Set<Int>(); var ends = Set<Int>() }
        let collected = Collected()
        let ok = source.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                hr_coverage_executable_lines(chars.baseAddress, chars.count, chunkName, { context, line, isLast in
                    let collected = Unmanaged<Collected>.fromOpaque(context!).takeUnretainedValue()
                    if isLast != 0 { collected.ends.insert(Int(line)) } else { collected.lines.insert(Int(line)) }
                }, Unmanaged.passUnretained(collected).toOpaque())
            }
        }
        guard ok != 0 else { return nil }
        return (collected.lines, collected.ends.subtracting(collected.lines))
    }
}
