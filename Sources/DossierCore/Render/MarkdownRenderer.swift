import Foundation

/// Renders a dossier as Markdown, each citation `[n]` right after what it cites (as in
/// print). Text from the web is escaped so it cannot add
/// structure (headings, links, HTML) to the document.
public enum MarkdownRenderer {
    public static func render(_ dossier: Dossier) -> String {
        var out = "# \(escape(dossier.subject.name))\n\n"
        if let company = dossier.company.name { out += "**Company:** \(escape(company))  \n" }
        if let description = dossier.identity.description { out += "**Who:** \(escape(description))  \n" }
        out += "**Same person?** \(Int((dossier.identity.confidence * 100).rounded())) % — \(escape(dossier.identity.evidence.joined(separator: "; ")))"
        if let id = dossier.identity.wikidataID { out += " (Wikidata \(escape(id)))" }
        out += "\n\n"
        if let changes = dossier.changes, !changes.isEmpty {
            section(SectionTitle.changes(changes.since), ChangeWording.lines(changes), into: &out)
        }
        section(SectionTitle.atAGlance, dossier.atAGlance, into: &out)
        if !dossier.timeline.isEmpty {
            out += "## \(SectionTitle.timeline)\n\n"
            for item in dossier.timeline {
                out += "- " + (item.when.map { "**\(escape($0))** " } ?? "") + "\(escape(item.text))[\(item.source)]"
                if !item.otherDates.isEmpty {
                    out += " (also " + item.otherDates.map { "\(escape($0.date)) [\($0.source)]" }.joined(separator: ", ") + ")"
                }
                out += "\n"
            }
            out += "\n"
        }
        section(SectionTitle.ownWords, dossier.ownWords, into: &out)
        section(SectionTitle.mentions(dossier.subject.name), dossier.mentions, into: &out)
        let company = dossier.companyProfile
        if !company.isEmpty {
            out += "## \(escape(SectionTitle.company(dossier.company.name)))\n\n"
            for fact in company.facts { out += "- \(timelineLine(fact))[\(fact.source)]\n" }
            for sentence in company.sentences { out += "- \(escape(sentence.text))[\(sentence.source)]\n" }
            if !company.news.isEmpty {
                out += "\n### \(SectionTitle.news)\n\n"
                for item in company.news {
                    out += "- **\(escape(item.date))** \(escape(item.title))"
                    if let sentence = item.sentence { out += ": \(escape(sentence))" }
                    out += "[\(item.source)]\n"
                }
            }
            out += "\n"
        }
        if !dossier.industry.isEmpty {
            out += "## \(SectionTitle.industry)\n\n"
            if !dossier.industry.keyPhrases.isEmpty {
                out += "Key phrases: " + dossier.industry.keyPhrases.map(escape).joined(separator: " · ") + "\n\n"
            }
            for sentence in dossier.industry.trends { out += "- \(escape(sentence.text))[\(sentence.source)]\n" }
            if !dossier.industry.trends.isEmpty { out += "\n" }
        }
        if !dossier.questions.isEmpty {
            out += "## \(SectionTitle.questions)\n\n"
            for (index, question) in dossier.questions.enumerated() {
                out += "\(index + 1). \(escape(question.text))" + (question.source.map { "[\($0)]" } ?? "") + "\n"
            }
            out += "\n"
        }
        let you = dossier.preparation
        if you != PreparationNotes() {
            out += "## \(SectionTitle.you)\n\n"
            if !you.meetingGoals.isEmpty { out += "- Goals for this meeting: \(escape(you.meetingGoals.joined(separator: "; ")))\n" }
            if !you.careerGoals.isEmpty { out += "- Career goals: \(escape(you.careerGoals.joined(separator: "; ")))\n" }
            if let background = you.background { out += "- Background: \(escape(background))\n" }
            if !you.practiceQuestions.isEmpty {
                out += "- They may ask you: " + you.practiceQuestions.map(escape).joined(separator: " / ") + "\n"
            }
            out += "\n"
        }
        if !dossier.checklist.isEmpty {
            out += "## \(SectionTitle.checklist)\n\n"
            for item in dossier.checklist {
                out += "- [ ] " + (item.due.map { "**\(escape($0))** " } ?? "") + escape(item.text) + "\n"
            }
            out += "\n"
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
        if !dossier.failed.isEmpty {
            out += "\n### Failed sources\n\n"
            for outcome in dossier.failed { out += "- \(outcomeLine(outcome))\n" }
        }
        if !dossier.skipped.isEmpty {
            out += "\n### Skipped\n\n"
            for outcome in dossier.skipped { out += "- \(outcomeLine(outcome))\n" }
        }
        out += "\n_Built \(DateText.minute(dossier.generatedAt)) by dossier \(DossierVersion.current)._\n"
        return out
    }

    private static func section(_ title: String, _ sentences: [CitedSentence], into out: inout String) {
        guard !sentences.isEmpty else { return }
        out += "## \(escape(title))\n\n"
        for sentence in sentences { out += "- \(escape(sentence.text))[\(sentence.source)]\n" }
        out += "\n"
    }

    static func timelineLine(_ entry: TimelineEntry) -> String {
        escape(TimelineWording.line(entry))
    }

    static func outcomeLine(_ outcome: SourceOutcome) -> String {
        var line = escape(outcome.sourceName)
        if let url = outcome.url { line += " \(escapeURL(url))" }
        let reason = [outcome.category?.rawValue, outcome.message].compactMap { $0 }.joined(separator: ": ")
        if !reason.isEmpty { line += " — \(escape(reason))" }
        return line
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
            case "\\", "`", "*", "_", "[", "]", "#", "|", "!": "\\" + String(scalar)
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
