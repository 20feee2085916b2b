import ArgumentParser
import LuaBridge

/// A size flag value: `64MiB`, `512K`, `1G`, `1048576`.
struct SizeArgument: ExpressibleByArgument {
    let bytes: Int

    init?(argument: String) {
        guard let bytes = ByteCount.parse(argument), bytes > 0 else { return nil }
        self.bytes = bytes
    }
}
