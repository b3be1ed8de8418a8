import Foundation

/// Renders a dossier as plain text: the sections of the Markdown form, no markup,
/// citations as `[N]`, every line at most `width` characters (long words and URLs are
/// broken). Control and bidirectional-override characters from the web are dropped and
/// line breaks inside a text become spaces, so a source cannot reshape the page.
public enum PlainTextRenderer {
    /// The widest line, in characters.
    public static let width = 78

    public static func render(_ dossier: Dossier) -> String {
        var out: [String] = []
        out += underlined(HeaderWording.title(dossier), with: "=")
        out += wrap("\(SectionTitle.meeting): " + HeaderWording.meetingParts(dossier.meeting)
            .map { "\($0.label) \(clean($0.value))" }.joined(separator: " · "))
        if let description = dossier.identity.description { out += wrap("Who: \(clean(description))") }
        if let identity = HeaderWording.identityLine(dossier) { out += wrap("Same person? " + clean(identity)) }
        if let note = dossier.sourceNote { out += [""] + wrap(clean(note)) }

        for section in DossierOutline(dossier).sections {
            out += heading(section.title)
            out += section.blocks.map(block).joined(separator: [""])
        }
        out += sources(dossier)
        out.append("")
        out += wrap("Built \(DateText.minute(dossier.generatedAt)) by dossier \(DossierVersion.current).")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private static func block(_ block: DossierOutline.Block) -> [String] {
        switch block {
        case let .list(style, lines):
            let numberWidth = String(lines.count).count
            return lines.enumerated().flatMap { index, line in
                let marker = switch style {
                case .bullets, .timeline: "- "
                case .numbered: String(repeating: " ", count: numberWidth - String(index + 1).count) + "\(index + 1). "
                case .checklist: "[ ] "
                }
                return wrap(self.line(line), first: marker)
            }
        case let .phrases(label, phrases):
            return wrap(clean(label) + ": " + phrases.map(clean).joined(separator: " · "))
        case let .titled(title, inner):
            return [clean(title) + ":"] + self.block(inner)
        }
    }

    private static func line(_ line: DossierOutline.Line) -> String {
        var out = switch line.lead {
        case let .when(when)?: clean(when) + " "
        case let .label(label)?: clean(label) + ": "
        case nil: ""
        }
        out += clean(line.text) + (line.source.map { " [\($0)]" } ?? "")
        if !line.otherDates.isEmpty {
            out += " (also " + line.otherDates.map { "\(clean($0.date)) [\($0.source)]" }.joined(separator: ", ") + ")"
        }
        return out
    }

    private static func sources(_ dossier: Dossier) -> [String] {
        var out = heading(SectionTitle.sources)
        let numberWidth = String(dossier.sources.map(\.number).max() ?? 0).count
        for source in dossier.sources {
            let number = String(source.number)
            let marker = String(repeating: " ", count: max(0, numberWidth - number.count)) + number + ". "
            var line = clean(source.title ?? source.url)
            if let site = source.site { line += " — " + clean(site) }
            if let dates = SourceWording.dates(source) { line += ", " + clean(dates) }
            out += wrap(line, first: marker)
            out += wrap(clean(source.url) + " (fetched \(DateText.day(source.fetchedAt)))",
                        first: String(repeating: " ", count: marker.count))
        }
        return out
    }


    private static func heading(_ title: String) -> [String] {
        [""] + underlined(title, with: "-")
    }

    /// The title wrapped and underlined as wide as its longest line.
    private static func underlined(_ title: String, with rule: Character) -> [String] {
        let lines = wrap(clean(title))
        return lines + [String(repeating: rule, count: max(1, lines.map(\.count).max() ?? 1))]
    }

    // MARK: - Text

    /// Drops control and bidirectional-override characters and turns line breaks and tabs
    /// into spaces.
    public static func clean(_ text: String) -> String {
        SafeText.map(text)
    }

    /// Word-wraps `text` to `width` characters: the first line starts with `first`, the
    /// others are indented to line up after it. Runs of spaces collapse; a word longer than
    /// a line is broken where the line ends.
    static func wrap(_ text: String, first: String = "") -> [String] {
        let indent = String(repeating: " ", count: first.count)
        let room = max(1, width - first.count)
        var lines: [String] = []
        var line = first
        var lineHasWords = false
        for word in text.split(separator: " ") {
            if lineHasWords && line.count + 1 + word.count <= width {
                line += " " + word
                continue
            }
            if lineHasWords {
                lines.append(line)
                line = indent
            }
            var rest = Substring(word)
            while rest.count > room {
                lines.append(line + rest.prefix(room))
                line = indent
                rest = rest.dropFirst(room)
            }
            line += rest
            lineHasWords = !rest.isEmpty
        }
        if lineHasWords || lines.isEmpty {
            lines.append(lineHasWords ? line : String(first.reversed().drop { $0 == " " }.reversed()))
        }
        return lines
    }
}
