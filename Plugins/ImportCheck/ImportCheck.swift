import Foundation
import PackagePlugin

/// Makes Package.swift the map of the code: a module's Swift files may import only the modules
/// it lists as dependencies (and the toolchain's), so a forbidden import fails the build.
/// SwiftPM lets a module import any module built before it, its dependencies' dependencies too.
///
/// The check is a build command whose inputs are the module's Swift files, so it runs again
/// whenever one of them changes; its output is an empty Swift file compiled into the module.
@main
struct ImportCheck: BuildToolPlugin {
    /// Modules of the toolchain every module may import.
    static let toolchainModules: Set<String> = [
        "Foundation", "FoundationEssentials", "FoundationNetworking", "Glibc", "Dispatch", "Synchronization",
        "_Concurrency", "_StringProcessing", "RegexBuilder", "Testing", "XCTest",
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target as? SourceModuleTarget else { return [] }
        let files = module.sourceFiles(withSuffix: "swift").map(\.url)
        guard !files.isEmpty else { return [] }
        var allowed = Self.toolchainModules
        allowed.insert(module.name)
        for dependency in module.dependencies {
            switch dependency {
            case .target(let target): allowed.insert(target.name)
            case .product(let product): allowed.formUnion(product.targets.map(\.name))
            @unknown default: break
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "ImportsChecked.swift")
        return [.buildCommand(
            displayName: "Checking the imports of \(module.name)",
            executable: try context.tool(named: "check-imports").url,
            arguments: [output.path(percentEncoded: false), module.name, allowed.sorted().joined(separator: ",")]
                + files.map { $0.path(percentEncoded: false) },
            inputFiles: files, outputFiles: [output]
        )]
    }
}
