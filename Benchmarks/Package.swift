// swift-tools-version: 6.1
//
// Runtime benchmarks, kept out of the main package so `swift test` never builds them.
// Run everything with `Benchmarks/run.sh` (see Benchmarks/README.md).
import PackageDescription

let package = Package(
    name: "hostrun-benchmarks",
    dependencies: [
        .package(name: "hostrun", path: ".."),
    ],
    targets: [
        /// Lua's headers and library, for the C baseline.
        .systemLibrary(name: "LuaSystem", pkgConfig: "lua5.4", providers: [.apt(["liblua5.4-dev"])]),
        /// The plain C `lua_CFunction` the Swift host function is measured against.
        .target(name: "BaselineC", dependencies: ["LuaSystem"]),
        /// Swift function called from Lua against the C baseline, in the same run.
        .executableTarget(name: "bridge-benchmark", dependencies: [
            "BaselineC",
            .product(name: "LuaBridge", package: "hostrun"),
        ], linkerSettings: [.linkedLibrary("m")]),
    ],
    swiftLanguageModes: [.v6]
)
