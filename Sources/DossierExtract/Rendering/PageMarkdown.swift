/// Renders an extracted page as Markdown: the title as a heading, a line of metadata, then the
/// main text with its headings, lists, quotes and preformatted blocks.
public enum PageMarkdown {
    public static func render(_ page: ExtractedPage) -> String {
        var lines: [String] = []
        if let title = page.metadata.title {
            lines.append("# " + escape(title))
            lines.append("")
        }
        let facts = [
            page.metadata.authors.isEmpty ? nil : page.metadata.authors.joined(separator: ", "),
            page.metadata.published,
            page.metadata.siteName,
            page.metadata.canonicalURL ?? page.url,
        ].compactMap { $0 }
        if !facts.isEmpty {
            lines.append("*" + facts.map(escape).joined(separator: " · ") + "*")
            lines.append("")
        }
        var previous: TextBlock.Kind?
        for block in page.blocks {
            let isListItem: Bool = if case .listItem = block.kind { true } else { false }
            let wasListItem: Bool = if case .listItem = previous { true } else { false }
            if !lines.isEmpty && !(isListItem && wasListItem) { lines.append("") }
            switch block.kind {
            case .heading(let level):
                lines.append(String(repeating: "#", count: min(6, level + 1)) + " " + escape(block.text))
            case .listItem(let ordered):
                lines.append((ordered ? "1. " : "- ") + escape(block.text).replacingNewlines(with: "  \n   "))
            case .quote:
                lines.append("> " + escape(block.text).replacingNewlines(with: "\n> "))
            case .preformatted:
                lines.append("```\n" + block.text + "\n```")
            case .paragraph, .tableRow:
                lines.append(escape(block.text).replacingNewlines(with: "  \n"))
            }
            previous = block.kind
        }
        return lines.joined(separator: "\n")
    }

    /// Escapes the characters that would start Markdown syntax inside running text.
    private static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}

extension String {
    func replacingNewlines(with replacement: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
