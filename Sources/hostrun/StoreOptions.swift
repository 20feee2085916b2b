import ArgumentParser
import HostAPI
import PostgresStore
import Store

/// `--db`, shared by every subcommand that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("The store: an SQLite file or postgres://user@host/db (default: $HOSTRUN_DB, else ./hostrun.db).",
                               valueName: "file-or-url"))
    var db: String?

    /// Where the store is: `--db`, else `HOSTRUN_DB`, else `hostrun.db` here.
    var location: StoreLocation { StoreLocation.resolve(flag: db) }

    /// The store at ``location`` for scripts and plugins, opened on first use by the factory that
    /// knows every backend, so each command works the same on SQLite and PostgreSQL; seen as
    /// `centre`'s when one is given (`--centre`).
    func access(clock: HostClock, mode: StoreAccess.Mode = .mustExist, centre: String? = nil) -> StoreAccess {
        StoreAccess(location: location, mode: mode, clock: clock, centre: centre,
                    opener: { try StoreFactory.open($0, clock: $1) })
    }
}
