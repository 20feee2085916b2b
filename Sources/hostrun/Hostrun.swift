import ArgumentParser

@main
struct Hostrun: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hostrun", version: "0.1.0")
}
