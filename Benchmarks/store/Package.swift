// swift-tools-version: 6.1
//
// The store benchmarks: a small executable driven by run.sh, against the sqlite3 shell.
// A package of its own so that `swift build` of hostrun never builds it.
import PackageDescription

let package = Package(
    name: "store-bench",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "hostrun", path: "../..")],
    targets: [
        .executableTarget(name: "store-bench", dependencies: [
            .product(name: "Store", package: "hostrun"),
            .product(name: "Domain", package: "hostrun"),
            .product(name: "DemoData", package: "hostrun"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
