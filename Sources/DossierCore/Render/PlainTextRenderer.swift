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
        out += underlined(dossier.subject.name, with: "=")
        if let company = dossier.company.name { out += wrap("Company: \(clean(company))") }
        if let description = dossier.identity.description { out += wrap("Who: \(clean(description))") }
        var identity = "Same person? \(Int((dossier.identity.confidence * 100).rounded())) %"
        let evidence = dossier.identity.evidence.joined(separator: "; ")
        if !evidence.isEmpty { identity += " — \(clean(evidence))" }
        if let id = dossier.identity.wikidataID { identity += " (Wikidata \(clean(id)))" }
        out += wrap(identity)

        if let changes = dossier.changes, !changes.isEmpty {
            out += bullets(SectionTitle.changes(changes.since), ChangeWording.lines(changes).map(cited))
        }
        out += bullets(SectionTitle.atAGlance, dossier.atAGlance.map(cited))
        out += bullets(SectionTitle.timeline, dossier.timeline.map { item in
            var line = (item.when.map { clean($0) + " " } ?? "") + clean(item.text) + " [\(item.source)]"
            if !item.otherDates.isEmpty {
                line += " (also " + item.otherDates.map { "\(clean($0.date)) [\($0.source)]" }.joined(separator: ", ") + ")"
            }
            return line
        })
        out += bullets(SectionTitle.ownWords, dossier.ownWords.map(cited))
        out += bullets(SectionTitle.mentions(dossier.subject.name), dossier.mentions.map(cited))
        out += company(dossier.companyProfile, name: dossier.company.name)
        out += industry(dossier.industry)
        if !dossier.questions.isEmpty {
            out += heading(SectionTitle.questions)
            let numberWidth = String(dossier.questions.count).count
            for (index, question) in dossier.questions.enumerated() {
                let number = String(index + 1)
                let marker = String(repeating: " ", count: numberWidth - number.count) + number + ". "
                out += wrap(clean(question.text) + (question.source.map { " [\($0)]" } ?? ""), first: marker)
            }
        }
        out += preparation(dossier.preparation)
        if !dossier.checklist.isEmpty {
            out += heading(SectionTitle.checklist)
            for item in dossier.checklist {
                out += wrap((item.due.map { clean($0) + " " } ?? "") + clean(item.text), first: "[ ] ")
            }
        }
        out += sources(dossier)
        out.append("")
        out += wrap("Built \(DateText.minute(dossier.generatedAt)) by dossier \(DossierVersion.current).")
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: - Sections

    private static func company(_ profile: CompanyProfile, name: String?) -> [String] {
        guard !profile.isEmpty else { return [] }
        var out = heading(SectionTitle.company(name))
        for fact in profile.facts { out += wrap(clean(TimelineWording.line(fact)) + " [\(fact.source)]", first: "- ") }
        for sentence in profile.sentences { out += wrap(cited(sentence), first: "- ") }
        if !profile.news.isEmpty {
            out += ["", clean(SectionTitle.news) + ":"]
            for item in profile.news {
                var line = clean(item.date) + " " + clean(item.title)
                if let sentence = item.sentence { line += ": " + clean(sentence) }
                out += wrap(line + " [\(item.source)]", first: "- ")
            }
        }
        return out
    }

    private static func industry(_ industry: IndustryContext) -> [String] {
        guard !industry.isEmpty else { return [] }
        var out = heading(SectionTitle.industry)
        if !industry.keyPhrases.isEmpty {
            out += wrap("Key phrases: " + industry.keyPhrases.map(clean).joined(separator: " · "))
            if !industry.trends.isEmpty { out.append("") }
        }
        for sentence in industry.trends { out += wrap(cited(sentence), first: "- ") }
        return out
    }

    private static func preparation(_ you: PreparationNotes) -> [String] {
        guard you != PreparationNotes() else { return [] }
        var lines: [String] = []
        if !you.meetingGoals.isEmpty { lines.append("Goals for this meeting: " + clean(you.meetingGoals.joined(separator: "; "))) }
        if !you.careerGoals.isEmpty { lines.append("Career goals: " + clean(you.careerGoals.joined(separator: "; "))) }
        if let background = you.background { lines.append("Background: " + clean(background)) }
        if !you.practiceQuestions.isEmpty {
            lines.append("They may ask you: " + you.practiceQuestions.map(clean).joined(separator: " / "))
        }
        return bullets(SectionTitle.you, lines)
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
        if !dossier.failed.isEmpty {
            out += ["", "Failed sources:"]
            for outcome in dossier.failed { out += wrap(outcomeLine(outcome), first: "- ") }
        }
        if !dossier.skipped.isEmpty {
            out += ["", "Skipped:"]
            for outcome in dossier.skipped { out += wrap(outcomeLine(outcome), first: "- ") }
        }
        return out
    }

    private static func outcomeLine(_ outcome: SourceOutcome) -> String {
        var line = clean(outcome.sourceName)
        if let url = outcome.url { line += " " + clean(url) }
        let reason = [outcome.category?.rawValue, outcome.message].compactMap { $0 }.joined(separator: ": ")
        if !reason.isEmpty { line += " — " + clean(reason) }
        return line
    }

    private static func heading(_ title: String) -> [String] {
        [""] + underlined(title, with: "-")
    }

    /// The title wrapped and underlined as wide as its longest line.
    private static func underlined(_ title: String, with rule: Character) -> [String] {
        let lines = wrap(clean(title))
        return lines + [String(repeating: rule, count: max(1, lines.map(\.count).max() ?? 1))]
    }

    private static func bullets(_ title: String, _ lines: [String]) -> [String] {
        guard !lines.isEmpty else { return [] }
        return heading(title) + lines.flatMap { wrap($0, first: "- ") }
    }

    private static func cited(_ sentence: CitedSentence) -> String {
        clean(sentence.text) + " [\(sentence.source)]"
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
