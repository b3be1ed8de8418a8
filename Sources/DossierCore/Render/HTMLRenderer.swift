import Foundation

/// Renders a dossier as one self-contained, printable HTML file.
///
/// Guarantees: no external assets and no scripts (inline CSS only, under a
/// Content-Security-Policy that forbids scripts, remote loads, forms and base changes);
/// everything that came from the web is escaped for text and attribute context, with
/// bidirectional overrides and control characters dropped; links only for http(s) URLs.
/// Citations are superscript links to the `#s<N>` anchors of the Sources list.
///
/// Printed (A4 or Letter), the whole dossier, Sources included, fits two pages: the body, as
/// many ruled note lines as fit (`NoteSpace`), then the Sources list in small type. Failed and
/// skipped sources, and each timeline line's source sentence, are shown on screen only.
public enum HTMLRenderer {
    /// A page this renderer wrote, its `@page` size set to `paper` (to print it on other paper).
    public static func resized(_ html: String, to paper: PaperSize) -> String {
        guard let size = html.firstRange(of: /@page\{size:[A-Za-z0-9]+;/) else { return html }
        return html.replacingCharacters(in: size, with: "@page{size:\(paper.css);")
    }

    /// The page, sized for `paper` when given (else the printer's choice).
    public static func render(_ dossier: Dossier, paper: PaperSize? = nil) -> String {
        var body = header(dossier)
        for section in DossierOutline(dossier).sections {
            body += self.section(section.title, section.blocks.map(block).joined(separator: "\n"))
        }
        body += notes(lines: NoteSpace.lines(for: dossier))
        body += sources(dossier)
        body += "<footer>Built \(DateText.minute(dossier.generatedAt)) by dossier \(escape(DossierVersion.current)).</footer>\n"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>\(escape(dossier.subject.name)) — dossier</title>
        <style>
        \(style.replacingOccurrences(of: "@page{size:auto;", with: "@page{size:\(paper?.css ?? "auto");"))
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        </body>
        </html>

        """
    }

    // MARK: - Sections

    private static func header(_ dossier: Dossier) -> String {
        var facts: [String] = []
        facts.append("<b>\(SectionTitle.meeting):</b> " + HeaderWording.meetingParts(dossier.meeting)
            .map { "\($0.label) \(escape($0.value))" }.joined(separator: " · "))
        if let description = dossier.identity.description { facts.append("<b>Who:</b> \(escape(description))") }
        if let identity = HeaderWording.identityLine(dossier) { facts.append("<b>Same person?</b> " + escape(identity)) }
        var html = "<header>\n<h1>\(escape(HeaderWording.title(dossier)))</h1>\n<p class=\"meta\">"
            + facts.joined(separator: "<br>\n") + "</p>\n"
        if let note = dossier.sourceNote { html += "<p class=\"note\">\(escape(note))</p>\n" }
        return html + "</header>\n"
    }

    private static func block(_ block: DossierOutline.Block) -> String {
        switch block {
        case let .list(style, lines):
            let (open, close) = switch style {
            case .bullets: ("<ul>", "</ul>")
            case .timeline: ("<ul class=\"timeline\">", "</ul>")
            case .numbered: ("<ol class=\"questions\">", "</ol>")
            case .checklist: ("<ul class=\"checklist\">", "</ul>")
            }
            return open + "\n" + lines.map { "<li>" + line($0) + "</li>" }.joined(separator: "\n") + "\n" + close
        case let .phrases(label, phrases):
            return "<p class=\"phrases\"><b>\(escape(label)):</b> " + phrases.map(escape).joined(separator: " · ") + "</p>"
        case let .titled(title, inner):
            return "<h3>\(escape(title))</h3>\n" + self.block(inner)
        }
    }

    private static func line(_ line: DossierOutline.Line) -> String {
        var out = switch line.lead {
        case let .when(when)?: "<b class=\"when\">\(escape(when))</b> "
        case let .label(label)?: "<b>\(escape(label)):</b> "
        case nil: ""
        }
        out += escape(line.text) + (line.source.map(cite) ?? "")
        if !line.otherDates.isEmpty {
            let others = line.otherDates.map { escape($0.date) + cite($0.source) }
            out += " <span class=\"also\">(also \(others.joined(separator: ", ")))</span>"
        }
        if let screenNote = line.screenNote { out += "<span class=\"evidence\">\(escape(screenNote))</span>" }
        return out
    }

    /// Ruled lines for notes; none when the dossier proper leaves no room for them.
    private static func notes(lines: Int) -> String {
        guard lines > 0 else { return "" }
        return "<section class=\"notes\">\n<h2>Notes</h2>\n"
            + String(repeating: "<div class=\"rule\"></div>", count: lines) + "\n</section>\n"
    }

    private static func sources(_ dossier: Dossier) -> String {
        var html = "<section class=\"sources\">\n<h2>\(SectionTitle.sources)</h2>\n<ol>\n"
        for source in dossier.sources {
            var line = "<li id=\"s\(source.number)\" value=\"\(source.number)\">"
            line += link(source.url, text: source.title ?? source.url)
            if let site = source.site { line += " — \(escape(site))" }
            if let dates = SourceWording.dates(source) { line += ", \(escape(dates))" }
            line += " <span class=\"url\">\(escape(source.url))</span>"
            line += " <span class=\"fetched\">(fetched \(DateText.day(source.fetchedAt)))</span></li>\n"
            html += line
        }
        html += "</ol>\n"
        // On screen only: what failed or was left out is the build report's, not the printout's.
        let report = outcomes("Failed sources", dossier.failed) + outcomes("Skipped", dossier.skipped)
        if !report.isEmpty { html += "<div class=\"screen-only\">\n" + report + "</div>\n" }
        return html + "</section>\n"
    }

    private static func outcomes(_ title: String, _ outcomes: [SourceOutcome]) -> String {
        guard !outcomes.isEmpty else { return "" }
        var html = "<h3>\(escape(title))</h3>\n<ul class=\"outcomes\">\n"
        for outcome in outcomes {
            var line = "<li>\(escape(outcome.sourceName))"
            if let url = outcome.url { line += " <span class=\"url\">\(escape(url))</span>" }
            let reason = [outcome.category?.rawValue, outcome.message].compactMap { $0 }.joined(separator: ": ")
            if !reason.isEmpty { line += " — \(escape(reason))" }
            html += line + "</li>\n"
        }
        return html + "</ul>\n"
    }

    private static func section(_ title: String, _ content: String) -> String {
        "<section>\n<h2>\(escape(title))</h2>\n\(content)\n</section>\n"
    }

    private static func cite(_ number: Int) -> String {
        "<sup class=\"cite\"><a href=\"#s\(number)\">[\(number)]</a></sup>"
    }

    // MARK: - Escaping

    /// A link when `url` is http(s); escaped text otherwise (no javascript:, data: …).
    static func link(_ url: String, text: String) -> String {
        guard let href = hrefValue(url) else { return escape(text) }
        return "<a href=\"\(href)\" rel=\"noreferrer noopener\">\(escape(text))</a>"
    }

    /// The attribute value for an http(s) URL, or nil for any other scheme. The scheme is
    /// checked on the raw text (so `java\tscript:` or a leading space is not a link), and
    /// every byte outside printable ASCII is percent-encoded, the markup characters too.
    static func hrefValue(_ url: String) -> String? {
        let lowered = url.prefix(8).lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") else { return nil }
        var out = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += "&amp;"
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "`"):
                out += String(format: "%%%02X", byte)
            case 0x21..<0x7F: out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Escapes the five characters that matter in HTML text and attribute values, and drops
    /// bidirectional overrides and other control characters that could disguise text.
    static func escape(_ text: String) -> String {
        SafeText.map(text) { scalar in
            switch scalar {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    // MARK: - Style

    /// Screen: one readable column. Print: compact 9.5pt type, page margins that suit
    /// both A4 and Letter, Sources on a new page, no break inside an item or after a heading.
    private static let style = """
    :root{color-scheme:light}
    body{margin:0;background:#f4f4f2;color:#161616;font:10.5pt/1.45 Charter,"Bitstream Charter","Iowan Old Style",Georgia,"DejaVu Serif Condensed",serif;overflow-wrap:anywhere}
    main{max-width:46em;margin:1.5em auto;padding:1.5em 2em;background:#fff;box-shadow:0 0 .4em rgba(0,0,0,.12)}
    header{border-bottom:2px solid #222;padding-bottom:.3em;margin-bottom:.4em}
    h1{font-size:18pt;line-height:1.15;margin:0 0 .15em}
    h2{font-size:11.5pt;margin:.75em 0 .2em;padding-bottom:.05em;border-bottom:1px solid #999;break-after:avoid}
    h3{font-size:10pt;margin:.5em 0 .15em;break-after:avoid}
    p{margin:.2em 0}.meta{margin:.1em 0;color:#333}
    ul,ol{margin:.15em 0;padding-left:1.4em}li{margin:.1em 0;break-inside:avoid}
    ol.questions{padding-left:2em}
    .when{font-variant-numeric:tabular-nums}.also{color:#555}
    sup.cite{font-size:.72em;line-height:0;margin-left:.12em}sup.cite a{color:#1a4d8f;text-decoration:none}
    ul.checklist{list-style:none;padding-left:.2em}
    ul.checklist li::before{content:"";display:inline-block;width:.75em;height:.75em;border:1px solid #333;margin-right:.5em;vertical-align:-.08em}
    .notes{break-inside:avoid}.rule{height:1.9em;border-bottom:1px solid #bbb}
    .sources{font-size:.88em;line-height:1.35}.sources h2{margin-top:1.2em}
    .sources ol{padding-left:2.2em}.sources li{margin:.15em 0}.url{color:#555;word-break:break-all;font-size:.95em}.fetched{color:#555}
    .outcomes li{color:#333}
    footer{font-size:.8em;color:#666;margin-top:1em}
    a{color:#1a4d8f}
    @page{size:auto;margin:14mm 14mm 13mm}
    @page{@bottom-right{content:counter(page) " / " counter(pages);font:8pt sans-serif;color:#777}}
    .note{font-style:italic;color:#333;margin:.25em 0 0}.evidence{display:block;color:#555;font-size:.9em}
    @media print{
    body{background:none;font-size:9pt;line-height:1.25}
    main{max-width:none;margin:0;padding:0;box-shadow:none}
    h1{font-size:14pt}h2{font-size:10pt;margin:.45em 0 .1em}h3{margin:.35em 0 .1em}
    li{margin:.04em 0}
    a,sup.cite a{color:inherit;text-decoration:none}
    .sources{font-size:7pt;line-height:1.2}.sources h2{margin-top:.5em;font-size:8.5pt}.sources li{margin:0}.fetched{display:none}
    .screen-only,.evidence{display:none}
    .rule{height:6.5mm;box-sizing:border-box}
    }
    """
}
