/// A problem a command found after parsing its arguments (a missing rule, an unreadable
/// configuration), reported as `hostrun NAME: message` on standard error.
struct CommandProblem: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
