// swift-tools-version: 6.1
//
// hostrun: a sandboxed Lua 5.4 scripting host for a public-service centre's dossiers.
//
// Dependencies point one way (see docs/architecture.md):
//   CLua ← CLuaShim ← LuaBridge ← Sandbox ─┐
//   Domain ← Store ─────────────────────────┴─ HostAPI ← hostrun (CLI)
// A Domain test never starts Lua; a LuaBridge test never opens a database.
import PackageDescription

let package = Package(
    name: "hostrun",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hostrun", targets: ["hostrun"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
        .library(name: "Domain", targets: ["Domain"]),
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

        // MARK: Dossier domain and storage (know nothing of Lua)

        /// Dossiers, the working-day calendar, period classification and indicators. Pure Swift.
        .target(name: "Domain", resources: [.copy("Resources/holidays")]),
        /// Deterministic, realistic ward datasets for demos, tests and benchmarks, and the
        /// scenario that rebuilds the seed report's figures from records.
        .target(name: "DemoData", dependencies: ["Domain"]),
        /// The store protocol and its SQLite (GRDB) implementation.
        .target(name: "Store", dependencies: [
            "Domain",
            .product(name: "GRDB", package: "GRDB.swift"),
            // SQLite's C API, to bind the per-record statements of a batch without boxing.
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        /// The PostgreSQL store (postgres-nio) and ``StoreFactory``, which opens either backend
        /// from a location. A target of its own so that SQLite-only code does not link NIO.
        .target(name: "PostgresStore", dependencies: [
            "Domain", "Store",
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),

        // MARK: The host: binds the Lua runtime to the domain and the store

        .target(name: "HostAPI", dependencies: ["LuaBridge", "Sandbox", "Domain", "Store"]),
        .executableTarget(name: "hostrun", dependencies: [
            "HostAPI", "LuaBridge", "Sandbox", "Domain", "Store", "PostgresStore",
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
        .testTarget(name: "DemoDataTests", dependencies: ["DemoData", "Domain"]),
        .testTarget(name: "StoreTests", dependencies: [
            "Store", "Domain", "DemoData", "PostgresStore", "store-crash-helper",
            .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        .testTarget(name: "HostrunTests", dependencies: ["HostAPI", "Domain", "Store", "hostrun"],
                    resources: [.copy("Fixtures")]),
    ],
    swiftLanguageModes: [.v6]
)
