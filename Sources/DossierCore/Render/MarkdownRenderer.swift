import Foundation

/// Renders a dossier as Markdown, each citation `[n]` right after what it cites (as in
/// print). Text from the web is escaped so it cannot add
/// structure (headings, links, HTML) to the document.
public enum MarkdownRenderer {
    public static func render(_ dossier: Dossier) -> String {
        var out = "# \(escape(HeaderWording.title(dossier)))\n\n"
        out += "**\(SectionTitle.meeting):** " + HeaderWording.meetingParts(dossier.meeting)
            .map { "\($0.label) \(escape($0.value))" }.joined(separator: " · ") + "  \n"
        if let description = dossier.identity.description { out += "**Who:** \(escape(description))  \n" }
        if let identity = HeaderWording.identityLine(dossier) { out += "**Same person?** \(escape(identity))  \n" }
        out += "\n"
        if let note = dossier.sourceNote { out += "_\(escape(note))_\n\n" }
        for section in DossierOutline(dossier).sections {
            out += "## \(escape(section.title))\n\n" + section.blocks.map(block).joined(separator: "\n") + "\n"
        }
        out += "## \(SectionTitle.sources)\n\n"
        for source in dossier.sources {
            var line = "\(source.number). "
            line += escape(source.title ?? source.url)
            if let site = source.site { line += " — \(escape(site))" }
            if let dates = SourceWording.dates(source) { line += ", \(escape(dates))" }
            line += " \(escapeURL(source.url)) (fetched \(DateText.day(source.fetchedAt)))"
            out += line + "\n"
        }
        out += "\n_Built \(DateText.minute(dossier.generatedAt)) by dossier \(DossierVersion.current)._\n"
        return out
    }

    private static func block(_ block: DossierOutline.Block) -> String {
        switch block {
        case let .list(style, lines):
            lines.enumerated().map { index, line in
                let marker = switch style {
                case .bullets, .timeline: "- "
                case .numbered: "\(index + 1). "
                case .checklist: "- [ ] "
                }
                return marker + self.line(line) + "\n"
            }.joined()
        case let .phrases(label, phrases):
            "\(escape(label)): " + phrases.map(escape).joined(separator: " · ") + "\n"
        case let .titled(title, inner):
            "### \(escape(title))\n\n" + self.block(inner)
        }
    }

    /// A citation follows its text directly (`text[3]`); another source's date is set apart
    /// (`(also 1994 [4])`).
    private static func line(_ line: DossierOutline.Line) -> String {
        var out = switch line.lead {
        case let .when(when)?: "**\(escape(when))** "
        case let .label(label)?: "\(escape(label)): "
        case nil: ""
        }
        out += escape(line.text) + (line.source.map { "[\($0)]" } ?? "")
        if !line.otherDates.isEmpty {
            out += " (also " + line.otherDates.map { "\(escape($0.date)) [\($0.source)]" }.joined(separator: ", ") + ")"
        }
        return out
    }


    /// Backslash-escapes Markdown punctuation, replaces angle brackets and ampersands with
    /// entities, turns line breaks into spaces and drops control and bidirectional-override
    /// characters; works on Unicode scalars, so a combining mark cannot hide a bracket.
    static func escape(_ text: String) -> String {
        SafeText.map(text) { scalar in
            switch scalar {
            case "<": "&lt;"
            case ">": "&gt;"
            case "&": "&amp;"
            case "\\", "`", "*", "_", "[", "]", "#", "|": "\\" + String(scalar)
            default: nil
            }
        }
    }

    /// A URL for an autolink, or escaped text when it is not http(s); everything outside
    /// printable ASCII (spaces, brackets, line breaks, non-ASCII) is percent-encoded.
    static func escapeURL(_ url: String) -> String {
        let scheme = URLComponents(string: url)?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else { return escape(url) }
        var out = ""
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return "<" + out + ">"
    }
}

/// Dates as dossiers print them (UTC, so the same build prints the same text anywhere).
enum DateText {
    static func day(_ date: Date) -> String { format(date, "yyyy-MM-dd") }
    static func minute(_ date: Date) -> String { format(date, "yyyy-MM-dd HH:mm 'UTC'") }

    private static func format(_ date: Date, _ pattern: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = pattern
        return formatter.string(from: date)
    }
}
