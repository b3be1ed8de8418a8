import DossierTestSupport
import Foundation
import Testing

/// The README stays whole as it is edited (issue 14, point 19): no section printed twice, no
/// list that lost its heading, no link to a file or section that is not there.
@Suite("README")
struct ReadmeTests {
    /// A line of a Markdown file outside fenced code blocks (a `# comment` in a TOML block is no
    /// heading); the fences themselves are kept, as lines that are neither text nor list.
    struct Line {
        var number: Int
        var text: String
    }

    static func prose(of path: String) throws -> [Line] {
        try prose(of: SharedWorkspace.repository.appendingPathComponent(path))
    }

    static func prose(of file: URL) throws -> [Line] {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines: [Line] = []
        var inFence = false
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                inFence.toggle()
                lines.append(Line(number: index + 1, text: "```"))
                continue
            }
            if !inFence { lines.append(Line(number: index + 1, text: line)) }
        }
        return lines
    }

    /// The level-2 and level-3 headings of a file.
    static func headings(of path: String) throws -> [Line] {
        try prose(of: path).compactMap { line in
            for marks in ["## ", "### "] where line.text.hasPrefix(marks) {
                return Line(number: line.number, text: String(line.text.dropFirst(marks.count)))
            }
            return nil
        }
    }

    /// The anchors of every heading of a file, whatever its level.
    static func anchors(of file: URL) throws -> Set<String> {
        Set(try prose(of: file).compactMap { line in
            let marks = line.text.prefix(while: { $0 == "#" })
            guard (1...6).contains(marks.count), line.text.dropFirst(marks.count).hasPrefix(" ") else { return nil }
            return anchor(of: String(line.text.dropFirst(marks.count + 1)))
        })
    }

    /// The anchor a heading gets where the file is shown: lowercased, punctuation dropped, spaces
    /// made hyphens ("Sources.d" is `#sourcesd`).
    static func anchor(of heading: String) -> String {
        String(heading.lowercased().compactMap { character -> Character? in
            if character == " " { return "-" }
            return character.isLetter || character.isNumber || character == "-" || character == "_" ? character : nil
        })
    }

    /// The targets of the inline links of a line: `[text](target)`.
    static func links(in line: String) -> [String] {
        var targets: [String] = []
        var rest = line[...]
        while let open = rest.range(of: "](") {
            let after = rest[open.upperBound...]
            guard let close = after.firstIndex(of: ")") else { break }
            targets.append(String(after[..<close]))
            rest = after[close...]
        }
        return targets
    }

    /// A bullet, a numbered item, or an indented line that continues one.
    static func isInList(_ line: String) -> Bool {
        if line.hasPrefix("- ") || line.hasPrefix("* ") || line.hasPrefix(" ") { return true }
        let digits = line.prefix(while: \.isNumber)
        return !digits.isEmpty && line.dropFirst(digits.count).hasPrefix(". ")
    }

    static let markdownFiles: [String] = {
        let folder = SharedWorkspace.repository.appendingPathComponent("docs")
        let docs = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return ["README.md"] + docs.filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    }()

    @Test("no level-2 or level-3 heading occurs twice")
    func headingsOnce() throws {
        var seen: [String: Int] = [:]
        for heading in try Self.headings(of: "README.md") {
            if let first = seen[heading.text] {
                Issue.record("README.md:\(heading.number): \"\(heading.text)\" is already the heading of line \(first)")
            }
            seen[heading.text] = seen[heading.text] ?? heading.number
        }
        #expect(seen.count >= 10)
    }

    /// Markdown joins two lists with only blank lines between them into one, so the second reads
    /// as more of the first: it has lost its heading.
    @Test("no list starts right after another list's end without a heading or text between")
    func listsHaveHeadings() throws {
        var previous: Line?
        var blankBefore = false
        for line in try Self.prose(of: "README.md") {
            if line.text.trimmingCharacters(in: .whitespaces).isEmpty {
                blankBefore = true
                continue
            }
            if line.text.hasPrefix("- ") || line.text.hasPrefix("* "), blankBefore, let previous {
                #expect(!Self.isInList(previous.text),
                        "README.md:\(line.number): a list right after the list ending on line \(previous.number), with no heading")
            }
            previous = line
            blankBefore = false
        }
    }

    @Test("every relative link points to a file that exists, and every anchor to a heading", arguments: markdownFiles)
    func linksResolve(file: String) throws {
        let folder = SharedWorkspace.repository.appendingPathComponent(file).deletingLastPathComponent()
        var checked = 0
        for line in try Self.prose(of: file) {
            for link in Self.links(in: line.text) {
                // http(s):, mailto: and the like are not this repository's.
                if let colon = link.firstIndex(of: ":"), link[..<colon].allSatisfy(\.isLetter) { continue }
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? SharedWorkspace.repository.appendingPathComponent(file)
                    : folder.appendingPathComponent(parts[0]).standardizedFileURL
                checked += 1
                guard FileManager.default.fileExists(atPath: target.path) else {
                    Issue.record("\(file):\(line.number): \(link) points to \(target.path), which does not exist")
                    continue
                }
                if parts.count == 2, target.pathExtension == "md" {
                    #expect(try Self.anchors(of: target).contains(parts[1]),
                            "\(file):\(line.number): \(link): no heading of \(target.lastPathComponent) has the anchor #\(parts[1])")
                }
            }
        }
        if file == "README.md" {
            #expect(checked >= 5, "README.md: links to docs/ and Sources.d/README.md expected")
        }
    }
}
