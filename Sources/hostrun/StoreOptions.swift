import ArgumentParser
import Store

/// `--db`, shared by every subcommand that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("db"),
            help: ArgumentHelp("The store: an SQLite file or postgres://user@host/db (default: $HOSTRUN_DB, else ./hostrun.db).",
                               valueName: "file-or-url"))
    var db: String?

    /// Where the store is: `--db`, else `HOSTRUN_DB`, else `hostrun.db` here.
    var location: StoreLocation { StoreLocation.resolve(flag: db) }
}
