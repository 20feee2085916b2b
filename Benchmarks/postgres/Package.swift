// swift-tools-version: 6.1
//
// The PostgreSQL store benchmarks: a small executable driven by run.sh, against psql.
// A package of its own so that `swift build` of hostrun never builds it.
import PackageDescription

let package = Package(
    name: "pg-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "hostrun", path: "../..")],
    targets: [
        .executableTarget(name: "pg-bench", dependencies: [
            .product(name: "Store", package: "hostrun"),
            .product(name: "PostgresStore", package: "hostrun"),
            .product(name: "Domain", package: "hostrun"),
            .product(name: "DemoData", package: "hostrun"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
