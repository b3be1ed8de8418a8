import Foundation

/// Renders a dossier as one self-contained, printable HTML file: no external assets,
/// a Content-Security-Policy that forbids scripts and remote loads, everything from the
/// web escaped, and links only to http(s) URLs.
public enum HTMLRenderer {
    public static func render(_ dossier: Dossier) -> String {
        var body = "<header><h1>\(escape(dossier.subject.name))</h1>"
        var facts: [String] = []
        if let company = dossier.company.name { facts.append("<b>Company:</b> \(escape(company))") }
        if let description = dossier.identity.description { facts.append("<b>Who:</b> \(escape(description))") }
        let confidence = Int((dossier.identity.confidence * 100).rounded())
        facts.append("<b>Same person?</b> \(confidence) % — \(escape(dossier.identity.evidence.joined(separator: "; ")))")
        body += "<p class=\"meta\">" + facts.joined(separator: "<br>") + "</p></header>\n"
        body += list("At a glance", dossier.atAGlance)
        if !dossier.timeline.isEmpty {
            body += "<section><h2>Career timeline</h2><ul>"
            for item in dossier.timeline {
                body += "<li>\(escape(item.when ?? "")) \(escape(item.text)) \(cite(item.source))</li>"
            }
            body += "</ul></section>\n"
        }
        body += list("More about \(dossier.subject.name)", dossier.mentions)
        if !dossier.companyProfile.isEmpty {
            body += "<section><h2>Company</h2><ul>"
            for fact in dossier.companyProfile.facts { body += "<li>\(escape(TimelineWording.line(fact))) \(cite(fact.source))</li>" }
            for sentence in dossier.companyProfile.sentences { body += "<li>\(escape(sentence.text)) \(cite(sentence.source))</li>" }
            body += "</ul></section>\n"
        }
        body += "<section class=\"sources\"><h2>Sources</h2><ol>"
        for source in dossier.sources {
            var line = "<li id=\"s\(source.number)\">\(link(source.url, text: source.title ?? source.url))"
            if let site = source.site { line += " — \(escape(site))" }
            if let published = source.published { line += ", \(escape(published))" }
            line += " <span class=\"url\">\(escape(source.url))</span> (fetched \(DateText.day(source.fetchedAt)))</li>"
            body += line
        }
        body += "</ol>"
        body += outcomes("Failed sources", dossier.failed)
        body += outcomes("Skipped", dossier.skipped)
        body += "</section>\n<footer>Built \(DateText.minute(dossier.generatedAt)) by dossier \(DossierVersion.current).</footer>"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(dossier.subject.name)) — dossier</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    private static let style = """
    body{font:10.5pt/1.4 Georgia,serif;max-width:46em;margin:1.5em auto;padding:0 1em;color:#111}
    h1{font-size:18pt;margin:0 0 .2em}h2{font-size:12pt;margin:1em 0 .3em;border-bottom:1px solid #999}
    .meta{margin:.2em 0}ul,ol{margin:.2em 0;padding-left:1.3em}li{margin:.15em 0}
    sup a{text-decoration:none}.sources{font-size:9pt}.url{color:#555;word-break:break-all}
    footer{font-size:8pt;color:#666;margin-top:1em}
    @page{margin:15mm}@media print{body{margin:0;max-width:none}.sources{break-before:page}a{color:inherit}}
    """

    private static func list(_ title: String, _ sentences: [CitedSentence]) -> String {
        guard !sentences.isEmpty else { return "" }
        var html = "<section><h2>\(escape(title))</h2><ul>"
        for sentence in sentences { html += "<li>\(escape(sentence.text)) \(cite(sentence.source))</li>" }
        return html + "</ul></section>\n"
    }

    private static func outcomes(_ title: String, _ outcomes: [SourceOutcome]) -> String {
        guard !outcomes.isEmpty else { return "" }
        var html = "<h3>\(escape(title))</h3><ul>"
        for outcome in outcomes {
            var line = "<li>\(escape(outcome.sourceName))"
            if let url = outcome.url { line += " <span class=\"url\">\(escape(url))</span>" }
            let reason = [outcome.category, outcome.message].compactMap { $0 }.joined(separator: ": ")
            if !reason.isEmpty { line += " — \(escape(reason))" }
            html += line + "</li>"
        }
        return html + "</ul>"
    }

    private static func cite(_ number: Int) -> String {
        "<sup><a href=\"#s\(number)\">[\(number)]</a></sup>"
    }

    /// A link when `url` is http(s); plain text otherwise (no javascript:, data: …).
    static func link(_ url: String, text: String) -> String {
        let scheme = URLComponents(string: url)?.scheme?.lowercased()
        guard scheme == "http" || scheme == "https" else { return escape(text) }
        return "<a href=\"\(escape(url))\" rel=\"noreferrer noopener\">\(escape(text))</a>"
    }

    /// Escapes the five characters that matter in HTML text and attribute values, and drops
    /// bidirectional overrides and other control characters that could disguise text.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": continue
            case "\n", "\t": out += " "
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
