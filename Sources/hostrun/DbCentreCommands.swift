import ArgumentParser
import Domain
import Foundation
import HostAPI
import PostgresStore
import Store

extension DbCommand {
    /// `hostrun db centre [NAME | --clear]`: the centre the store belongs to.
    struct Centre: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set the centre (ward) the store belongs to.",
            discussion: """
                An import gives this centre to every dossier that names none, so a ward's plain \
                exports land under its name in a store it may later share with others; citizens' \
                feedback, which names no centre, counts for it under --centre. Dossiers already \
                stored keep their centre. Without NAME, prints the configured centre.

                EXAMPLES:
                  hostrun db centre "Phường Phú Thượng" --db phu-thuong.db
                  hostrun db centre --db phu-thuong.db
                  hostrun db centre --clear --db phu-thuong.db
                """
        )

        @Argument(help: ArgumentHelp("The centre's name, e.g. \"Phường Phú Thượng\".", valueName: "name"))
        var name: String?

        @Flag(help: "Forget the configured centre.")
        var clear = false

        @OptionGroup var store: StoreOptions

        func validate() throws {
            if clear && name != nil { throw ValidationError("give a NAME or --clear, not both") }
            if let name, name.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ValidationError("the centre's name is empty (--clear forgets the configured centre)")
            }
        }

        func run() throws {
            try DbCommand.reporting {
                let opened = try StoreFactory.open(store.location)
                if clear {
                    try opened.setConfiguredCentre(nil)
                    print("\(opened.location): no configured centre")
                } else if let name {
                    let normalised = VietnameseText.nfc(name.trimmingCharacters(in: .whitespaces))
                    try opened.setConfiguredCentre(normalised)
                    print("\(opened.location): centre \(normalised)")
                } else {
                    print(try opened.configuredCentre() ?? "(none: set one with hostrun db centre NAME)")
                }
            }
        }
    }

    /// `hostrun db info`: what the store is and which centres it holds.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the store's backend, its configured centre and its centres with their dossiers.",
            discussion: "The names listed are those --centre takes."
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            let location = store.location
            if case .file(let path) = location, !FileManager.default.fileExists(atPath: path) {
                writeError("hostrun db: \(StoreAccessError.noStore(location: path))\n")
                throw ExitCode.failure
            }
            try DbCommand.reporting {
                let opened = try StoreFactory.open(location)
                let backend = if case .postgres = location { "PostgreSQL" } else { "SQLite" }
                print("store: \(opened.location) (\(backend))")
                print("configured centre: \(try opened.configuredCentre() ?? "(none)")")
                let counts = Dictionary(uniqueKeysWithValues: try opened.groupCount(DossierQuery(), by: .centre)
                    .map { ($0.key, $0.count) })
                let names = try opened.centres()
                print("centres: \(names.count)")
                let shown = names.map { $0.isEmpty ? "(no centre named)" : $0 }
                let width = shown.map(\.count).max() ?? 0
                for (name, label) in zip(names, shown) {
                    let padding = String(repeating: " ", count: width - label.count + 2)
                    print("  \(label)\(padding)\(counts[name] ?? 0) dossiers")
                }
            }
        }
    }
}
