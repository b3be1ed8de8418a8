import Foundation

// The tool behind the ImportCheck build plugin: fails the build of a module whose Swift files
// import a module that is not among its direct dependencies in Package.swift.
//
// Arguments: the file to write when all is well, the module's name, its allowed modules
// (comma-separated), then its Swift files.

/// The module an `import` declaration on `line` names, or nil when the line declares none.
/// Handles attributes (`@testable`), access levels (`internal import`) and kinds
/// (`import struct Foundation.Date`).
func importedModule(on line: Substring) -> String? {
    let words = line.split(whereSeparator: \.isWhitespace)
    guard let index = words.firstIndex(of: "import") else { return nil }
    let modifiers: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
    guard words[..<index].allSatisfy({ $0.hasPrefix("@") || modifiers.contains($0) }) else { return nil }
    let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "typealias", "func", "let", "var", "actor"]
    var rest = words[(index + 1)...]
    if let first = rest.first, kinds.contains(first) { rest = rest.dropFirst() }
    return rest.first.flatMap { $0.split(separator: ".").first }.map(String.init)
}

@main
enum CheckImports {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 4 else {
            FileHandle.standardError.write(Data("usage: check-imports OUTPUT MODULE ALLOWED[,ALLOWED...] FILE...\n".utf8))
            exit(64)
        }
        let (output, module) = (arguments[1], arguments[2])
        let allowed = Set(arguments[3].split(separator: ",").map(String.init))
        var forbidden: [String] = []
        for path in arguments.dropFirst(4) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                forbidden.append("\(path): error: cannot read this file to check its imports")
                continue
            }
            // Lines inside a multi-line string literal are text, not declarations.
            var inStringLiteral = false
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let quotes = line.ranges(of: "\"\"\"").count
                defer { if quotes % 2 == 1 { inStringLiteral.toggle() } }
                guard !inStringLiteral, quotes == 0, let name = importedModule(on: line), !allowed.contains(name) else { continue }
                forbidden.append("\(path):\(index + 1): error: \(module) imports \(name), which is not among its dependencies in Package.swift")
            }
        }
        guard forbidden.isEmpty else {
            FileHandle.standardError.write(Data((forbidden.joined(separator: "\n") + "\n").utf8))
            exit(1)
        }
        do {
            try Data("// The imports of \(module) were checked against its dependencies.\n".utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            FileHandle.standardError.write(Data("\(output): error: \(error)\n".utf8))
            exit(73)
        }
    }
}
