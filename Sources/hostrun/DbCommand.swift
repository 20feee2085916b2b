import ArgumentParser
import Domain
import Foundation
import PostgresStore
import Store

/// `hostrun db migrate`, `copy`, `centre` and `info`: the store's own maintenance.
struct DbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Create or upgrade a store, copy an SQLite store into PostgreSQL, set or show its centre.",
        discussion: """
            A PostgreSQL URL is postgres://user@host:port/dbname; the password comes from \
            PGPASSWORD or ~/.pgpass, never from the URL. See docs/postgresql.md.
            """,
        subcommands: [Migrate.self, Copy.self, Centre.self, Info.self]
    )

    /// Runs `body`, printing a store error as one line and exiting 1 instead of 2 (usage).
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as StoreError {
            writeError("hostrun db: \(error)\n")
            throw ExitCode.failure
        } catch let error as PostgresStoreError {
            writeError("hostrun db: \(error)\n")
            throw ExitCode.failure
        } catch let error as StoreCopier.CountMismatch {
            writeError("hostrun db: \(error)\n")
            throw ExitCode.failure
        }
    }

    struct Migrate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the store's tables, or upgrade them to this hostrun's schema.",
            discussion: """
                Run it once after creating a PostgreSQL database and after each hostrun \
                upgrade; every hostrun process refuses a database whose schema differs from \
                its own. Safe to run twice, or from two machines at once.
                """
        )

        @OptionGroup var store: StoreOptions

        func run() throws {
            try DbCommand.reporting {
                let location = store.location
                let applied = try StoreFactory.migrate(location)
                print(applied.isEmpty ? "\(location): up to date"
                      : "\(location): applied migration " + applied.joined(separator: ", "))
            }
        }
    }

    struct Copy: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy every dossier, its history and the feedback of an SQLite store into PostgreSQL.",
            discussion: """
                Streams the file in batches; each batch lands whole or not at all, and a copy \
                run again skips what is already there, so an interrupted copy is resumed by \
                running it again. Counts are checked at the end. The target is migrated first. \
                The audit trail of the file stays in the file: the copy is recorded as batches \
                of the connector `db copy`.
                """
        )

        @Option(help: ArgumentHelp("The SQLite store to copy.", valueName: "file"))
        var from: String

        @Option(help: ArgumentHelp("The PostgreSQL database to copy into.", valueName: "url"))
        var to: String

        @Option(help: ArgumentHelp("Give dossiers without a centre this one (a ward's file joining a city's database; default: the file's configured centre, see db centre).",
                                   valueName: "name"))
        var centre: String?

        @Option(help: ArgumentHelp("Dossiers per batch (default 5000).", valueName: "n"))
        var batchSize = 5000

        func validate() throws {
            guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
            guard case .postgres = StoreLocation.resolve(flag: to, environment: [:]) else {
                throw ValidationError("--to must be a postgres:// URL")
            }
            guard FileManager.default.fileExists(atPath: from) else {
                throw ValidationError("--from \(from): no such file")
            }
        }

        func run() throws {
            try DbCommand.reporting {
                let source = try SQLiteStore(path: from)
                _ = try StoreFactory.migrate(.postgres(url: to))
                let target = try PostgreSQLStore(url: to, centreTime: source.centreTime)
                let copier = StoreCopier(source: source, target: target, batchSize: batchSize,
                                         centre: try centre.map(VietnameseText.nfc) ?? source.configuredCentre(),
                                         progress: { print($0) })
                let result = try copier.run()
                print(result.summary)
            }
        }
    }
}
