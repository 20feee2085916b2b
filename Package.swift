// swift-tools-version: 6.1
//
// hostrun: a sandboxed Lua 5.4 scripting host for a public-service centre's dossiers.
//
// Dependencies point one way (see docs/architecture.md):
//   CLua ← CLuaShim ← LuaBridge ← Sandbox ──────┐
//   CivilCalendar ← Domain ← Scheduling ← Store ┼─ HostAPI ← TestHarness ← hostrun (CLI)
//   CivilCalendar ← Formats ────────────────────┘
//   Store ← PostgresStore (hostrun alone links NIO); Domain ← DemoData (harness, hostrun)
// A Domain test never starts Lua; a LuaBridge test never opens a database.
import PackageDescription

let package = Package(
    name: "hostrun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hostrun", targets: ["hostrun"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
        .library(name: "Domain", targets: ["Domain"]),
        .library(name: "Formats", targets: ["Formats"]),
        /// For the store benchmarks (Benchmarks/store), a package of their own.
        .library(name: "Store", targets: ["Store"]),
        .library(name: "DemoData", targets: ["DemoData"]),
        .library(name: "PostgresStore", targets: ["PostgresStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.21.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.0"),
    ],
    targets: [
        // MARK: Lua runtime (knows nothing of dossiers)

        /// Debian's liblua5.4-dev, found through pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        /// The C side of the bridge: Lua macros as functions, the trampoline that raises
        /// `lua_error` only after every Swift frame has returned, the counting allocator and hook.
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        /// A safe Swift API over one `lua_State`: values, conversion, errors, userdata, registry.
        .target(name: "LuaBridge", dependencies: ["CLua", "CLuaShim"]),
        /// The whole sandbox policy in one place: allow-lists, frozen tables, limits, capabilities.
        .target(name: "Sandbox", dependencies: ["LuaBridge", "CLua", "CLuaShim"]),
        /// busted and luassert in pure Lua (Lua/), run by `hostrun test`: one sandbox per spec
        /// file, in parallel, records merged into one report; each file gets the host's modules
        /// over a clock, a store and fixtures of its own (SpecWorld), and a fake HTTP server.
        .target(name: "TestHarness", dependencies: ["LuaBridge", "Sandbox", "CLua", "CLuaShim", "HostAPI", "Store", "Domain", "DemoData", "Scheduling"],
                exclude: ["bootstrap-lua5.4.lua"], resources: [.copy("Lua"), .copy("Connectors")]),

        // MARK: Dossier domain and storage (know nothing of Lua)

        /// Gregorian day arithmetic (days since 1970-01-01), shared by the domain's dates and the
        /// spreadsheet dates of Formats so that neither depends on the other.
        .target(name: "CivilCalendar"),

        /// Dossiers, the working-day calendar, period classification and indicators. Pure Swift.
        .target(name: "Domain", dependencies: ["CivilCalendar"], resources: [.copy("Resources/holidays")]),
        /// Deterministic, realistic ward datasets for demos, tests and benchmarks, and the
        /// scenario that rebuilds the seed report's figures from records.
        .target(name: "DemoData", dependencies: ["Domain"]),
        /// The store protocol and its SQLite (GRDB) implementation.
        .target(name: "Store", dependencies: [
            "Domain", "Scheduling",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, to bind the per-record statements of a batch without boxing.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        /// The PostgreSQL store (postgres-nio) and ``StoreFactory``, which opens either backend
        /// from a location. A target of its own so that SQLite-only code does not link NIO.
        .target(name: "PostgresStore", dependencies: [
            "Domain", "Store", "Scheduling",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // MARK: File formats (know nothing of Lua, dossiers or the store)

        /// Streaming readers (CSV, XLSX, JSON) for real exports and report writers (Markdown,
        /// HTML, CSV, JSON, XLSX, DOCX) over one document model. Pure Swift + Foundation.
        .target(name: "Formats", dependencies: [
            "CivilCalendar",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),

        // MARK: The host: binds the Lua runtime to the domain and the store

        /// Check results (Nagios/JSON), cron and working-day schedules, the scheduler engine,
        /// alert lifecycle and sinks. Knows nothing of Lua or the store: state goes through a protocol.
        .target(name: "Scheduling", dependencies: ["Domain"]),
        .target(name: "HostAPI", dependencies: ["LuaBridge", "Sandbox", "Domain", "Store", "Formats", "Scheduling", "CLua", "CLuaShim"]),
        .executableTarget(name: "hostrun", dependencies: [
            "HostAPI", "LuaBridge", "Sandbox", "Domain", "Store", "PostgresStore", "Formats", "TestHarness", "DemoData", "Scheduling",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        /// Writes a big batch for StoreTests' crash test, which kills it with SIGKILL mid-batch,
        /// and for the parallel-import test (several of it at once on one PostgreSQL database).
        .executableTarget(name: "store-crash-helper", dependencies: ["Store", "Domain", "PostgresStore"]),

        // MARK: Tests

        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "CLua", "CLuaShim"]),
        .testTarget(name: "SandboxTests", dependencies: ["Sandbox", "LuaBridge"]),
        .testTarget(name: "DomainTests", dependencies: [
            "Domain",
            .product(name: "PropertyBased", package: "swift-property-based"),
        ]),
        .testTarget(name: "SchedulingTests", dependencies: ["Scheduling", "Domain"]),
        .testTarget(name: "FormatsTests", dependencies: ["Formats"],
                    exclude: ["Scripts", "Snapshots", "render-check.sh"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DemoDataTests", dependencies: ["DemoData", "Domain"]),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Domain", "DemoData", "PostgresStore", "Scheduling", "store-crash-helper",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "HostAPITests", dependencies: [
            "HostAPI", "LuaBridge", "Sandbox", "Domain", "Store", "DemoData", "TestHarness",
        ], exclude: ["Snapshots"]),
        .testTarget(name: "HostrunTests", dependencies: ["HostAPI", "Domain", "Store", "Scheduling", "TestHarness", "hostrun"],
                    exclude: ["render-reports.sh"], resources: [.copy("Fixtures")]),

        // MARK: Benchmarks (run in release builds, never timed in unit tests)

        .executableTarget(name: "FormatsBenchmarks", dependencies: ["Formats"],
                          path: "Benchmarks/FormatsBenchmarks"),
        /// Writes the data of the host API benchmarks (Benchmarks/hostapi/run.sh).
        .executableTarget(name: "hostapi-benchmark-data", dependencies: ["DemoData", "Domain", "Store"],
                          path: "Benchmarks/hostapi/Generator"),
    ],
    swiftLanguageModes: [.v6]
)
