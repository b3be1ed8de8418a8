import Foundation

/// Writes the profile ("At a glance"), the heading's current role and the career timeline from
/// the merged career steps: one short, cited line per slot or step, in words the sources use.
struct CareerSections {
    let steps: [CareerKnowledge.Step]
    let documents: [SourceDocument]
    /// The company's names (the user's and discovery's), folded, to prefer its roles.
    let companyNames: [String]
    let readAt: Date

    // MARK: - The current role

    /// The role the sources give as current: not ended, at the company when one is known, the
    /// latest dated (a page's own date standing in for an undated role), the first read.
    var currentRole: CareerKnowledge.Step? {
        // A student or an intern is on the way to a role; the sources' current role is another.
        let roles = steps.filter { step in
            step.event.kind == .role && step.event.end == nil && !step.event.endedUndated
                && !["student", "intern", "trainee"].contains(step.event.detail.map(NameMatcher.fold) ?? "")
        }
        return roles.enumerated().max { a, b in
            rank(a.element, order: a.offset) < rank(b.element, order: b.offset)
        }?.element
    }

    /// Without a current role, where they work now: an affiliation or employer with no end, at
    /// the company (a registry's record or a profile says where, not as what), the latest dated.
    var currentWorkplace: CareerKnowledge.Step? {
        guard currentRole == nil else { return nil }
        return steps.filter { $0.event.kind == .joined && $0.event.end == nil && isAtCompany($0.event) }
            .enumerated().max { a, b in
                ((asOf(a.element.event)?.year ?? 0), -a.offset) < ((asOf(b.element.event)?.year ?? 0), -b.offset)
            }?.element
    }

    private func isAtCompany(_ event: CareerEvent) -> Bool {
        event.organisation.map { organisation in
            let folded = NameMatcher.fold(organisation)
            return companyNames.contains { NameMatcher.containsWords($0, in: folded) || NameMatcher.containsWords(folded, in: $0) }
        } ?? false
    }

    private func rank(_ step: CareerKnowledge.Step, order: Int) -> (Int, Int, Int, Int, Int) {
        let atCompany = isAtCompany(step.event)
        let date = asOf(step.event)
        return (atCompany ? 1 : 0, step.event.organisation == nil ? 0 : 1, Self.weight(of: step.event.detail ?? ""),
                (date?.year ?? 0) * 13 + (date?.month ?? 0), -order)
    }

    /// How much a title says about someone's work: leading an organisation, then doing its work,
    /// then owning or advising it.
    static func weight(of title: String) -> Int {
        let nouns = CareerKnowledge.roleNouns(of: title)
        if !nouns.isDisjoint(with: ["ceo", "president", "founder", "chairman", "cto", "cfo", "coo", "director", "head", "professor",
                                    "dean", "partner", "principal", "chief", "editor", "lead"]) { return 2 }
        if !nouns.isDisjoint(with: ["owner", "investor", "member", "advisor", "adviser", "fellow", "student", "intern"]) { return 0 }
        return 1
    }

    /// The event's own date, else the date of the page that says it.
    private func asOf(_ event: CareerEvent) -> EventDate? {
        // A wiki article is as of its last revision, not its creation.
        event.date ?? event.document.flatMap { (documents[$0].updated ?? documents[$0].published).flatMap(EventDate.init(iso:)) }
    }

    /// "President and CEO, Experience"; without a current role, the latest one: "former CEO, Mozilla".
    var headline: String? {
        if let current = currentRole { return roleText(current.event) }
        if let workplace = currentWorkplace?.event.organisation { return workplace }
        let ended = steps.filter { $0.event.kind == .role && $0.event.end != nil && $0.event.organisation != nil }
        return ended.max { ($0.event.end ?? EventDate(year: 0)) < ($1.event.end ?? EventDate(year: 0)) }.map { "former " + roleText($0.event) }
    }

    private func roleText(_ event: CareerEvent) -> String {
        [event.detail, event.organisation].compactMap { $0 }.joined(separator: ", ")
    }

    // MARK: - Profile

    /// One line per slot the sources fill: role, before, education, founded, known for,
    /// recognition, based, roots; then what they do not give, to ask.
    func profile(cite: (CareerEvent) -> Int?, personalAnswers: [(question: String, sentence: PoolSentence)] = [],
                 citeSentence: (PoolSentence) -> Int) -> [ProfileLine] {
        var lines: [ProfileLine] = []
        let current = currentRole
        if let current {
            var text = roleText(current.event)
            // Promoted from within: when they joined the organisation, if before the role.
            let joined = steps.first { step in
                step.event.kind == .joined && step.event.organisation == current.event.organisation && step.event.date != nil
                    && (asOf(current.event).map { step.event.date! < $0 } ?? true)
            }?.event.date
            let joinedText = joined.map { "; joined \($0.text)" } ?? ""
            if let date = current.event.date {
                text += " (since \(date.text)\(joinedText))"
            } else if let date = asOf(current.event) {
                text += " (as of \(date.text)\(joinedText))"
            }
            lines.append(ProfileLine(label: "Role", text: text, source: cite(current.event)))
        }
        let workplace = currentWorkplace
        if let workplace, let organisation = workplace.event.organisation {
            let since = workplace.event.date.map { " (since \($0.text))" } ?? ""
            lines.append(ProfileLine(label: "Works at", text: organisation + since, source: cite(workplace.event)))
        }
        let currentOrganisation = (current ?? workplace)?.event.organisation.map(NameMatcher.fold)
        let earlier = steps.filter { step in
            guard [.role, .joined, .left].contains(step.event.kind) else { return false }
            if let current, step.event == current.event { return false }
            let organisation = step.event.organisation.map(NameMatcher.fold)
            return organisation == nil || organisation != currentOrganisation || step.event.kind == .role
        }
        .sorted { (asOf($0.event) ?? EventDate(year: 0)) < (asOf($1.event) ?? EventDate(year: 0)) }
        // Posts said in the present ("is also the lead developer of …") are held beside the role, not before it.
        let also = earlier.filter { $0.event.kind == .role && $0.event.present && $0.event.end == nil && !$0.event.endedUndated }
        let before = earlier.filter { step in !also.contains { $0.event == step.event } }
        if !before.isEmpty {
            lines += joined("Before", before.prefix(4).map(\.event), cite: cite, text: experienceText)
        }
        if !also.isEmpty {
            lines += joined("Also", also.prefix(3).map(\.event), cite: cite, text: experienceText)
        }
        for (kind, label) in [(CareerEvent.Kind.education, "Education"), (.founded, "Founded"), (.led, "Led"), (.knownFor, "Known for"),
                              (.award, "Recognition"), (.metrics, "Cited"), (.field, "Works on"), (.acquired, "Acquired"), (.based, "Based"), (.roots, "Roots")] {
            var found = steps.filter { $0.event.kind == kind }.map(\.event)
            guard !found.isEmpty else { continue }
            // Degrees before schooling: a field of study first, then a university, then the rest.
            if kind == .education {
                found = found.enumerated().sorted { Self.educationRank($0) > Self.educationRank($1) }.map(\.element)
                // A school before university ("Waterkloof House Preparatory School") is childhood, once there is a university.
                let early = ["preparatory", "primary", "elementary", "high school", "secondary", "grammar school", "middle school"]
                let isEarly = { (event: CareerEvent) in early.contains { (event.organisation ?? "").lowercased().contains($0) } }
                if found.contains(where: { !isEarly($0) }) { found.removeAll(where: isEarly) }
            }
            // What they are known for best comes first: the work the sources name most often ("Hacker News"
            // over "the Summer Founders Program"), first found first among equals.
            if kind == .knownFor {
                let mentions = found.map { Self.mentions(of: $0.detail ?? $0.organisation ?? "", in: documents) }
                found = found.indices.sorted { (mentions[$0], -$0) > (mentions[$1], -$1) }.map { found[$0] }
            }
            // Where they are based now comes first: the latest dated place, then the undated ones.
            if kind == .based {
                found = found.enumerated().sorted { ($0.element.date?.year ?? 0, -$0.offset) > ($1.element.date?.year ?? 0, -$1.offset) }.map(\.element)
            }
            var shown = Array(found.prefix(kind == .education ? 4 : kind == .field ? 5 : [.award, .knownFor].contains(kind) ? 3 : 2))
            // Short names leave room for a fourth work on the line ("Arc; On Lisp (1993); …; Hacker News").
            if kind == .knownFor, found.count > 3, (shown + [found[3]]).map(slotText).joined(separator: "; ").count <= 90 {
                shown.append(found[3])
            }
            lines += joined(label, shown, cite: cite, text: slotText)
        }
        // Small talk they offered: favourite books and hobbies, never family or health.
        let interests = personalAnswers
            .filter { !Sensitivity.touches($0.sentence.text) && $0.sentence.wordCount <= 20 && Self.interestRank($0.question) >= 2 }
            .sorted { Self.interestRank($0.question) > Self.interestRank($1.question) }
            .prefix(1)
        if !interests.isEmpty {
            let text = interests.map { Self.topic(of: $0.question) + ": " + $0.sentence.text }.joined(separator: " ")
            lines.append(ProfileLine(label: "Outside work", text: text, source: interests.first.map { citeSentence($0.sentence) }))
        }
        let missing = [("education", CareerEvent.Kind.education), ("earlier roles", .role), ("where they are based", .based)]
            .filter { _, kind in
                kind == .role ? earlier.isEmpty : !steps.contains { $0.event.kind == kind }
            }
            .map(\.0)
            // Earlier employers the page only describes ("a digital agency") are theirs to name.
            + (earlier.contains { step in
                (step.event.organisation ?? "").split(separator: " ").first.map { ["a", "an"].contains($0.lowercased()) } == true
            } ? ["the names of earlier employers"] : [])
        if !missing.isEmpty {
            lines.append(ProfileLine(label: "Not in the sources, so ask", text: missing.joined(separator: ", "), source: nil))
        }
        return lines
    }

    /// How often the sources' texts name `name` as written (without a leading "the").
    static func mentions(of name: String, in documents: [SourceDocument]) -> Int {
        let needle = name.hasPrefix("the ") ? String(name.dropFirst(4)) : name
        guard needle.utf8.count >= 2 else { return 0 }
        return documents.reduce(0) { $0 + TextSearch.count(of: needle, in: $1.text) }
    }

    /// The events of a slot, one line per source that gives them ("Known for: t-SNE [2]" and
    /// "Known for: Deep learning (2015) [1]"), so every item stands beside its own citation.
    private func joined(_ label: String, _ events: [CareerEvent], cite: (CareerEvent) -> Int?,
                        text: (CareerEvent) -> String) -> [ProfileLine] {
        var groups: [(source: Int?, events: [CareerEvent])] = []
        for event in events {
            let source = cite(event)
            if let index = groups.firstIndex(where: { $0.source == source }) {
                groups[index].events.append(event)
            } else {
                groups.append((source, [event]))
            }
        }
        return groups.map { ProfileLine(label: label, text: $0.events.map(text).joined(separator: "; "), source: $0.source) }
    }

    /// "full-stack development at a Fortune 500 company", "Chief Technology Officer, Mozilla (2005)".
    private func experienceText(_ event: CareerEvent) -> String {
        var text: String
        switch event.kind {
        case .role: text = roleText(event)
        case .left: text = Self.leavingText(event, past: true)
        case .led: text = "led " + (event.detail ?? "")
        default:
            if let detail = event.detail, let organisation = event.organisation {
                // "full-stack development at a Fortune 500 company"; "engineer, Axios".
                let isTitle = !CareerKnowledge.roleNouns(of: detail).isEmpty
                text = isTitle ? detail + ", " + organisation : detail + " at " + organisation
            } else {
                text = event.organisation ?? event.detail ?? ""
            }
        }
        if let date = event.date, let end = event.end, end != date {
            text += " (\(date.text) – \(end.text))"
        } else if let date = event.date {
            text += " (\(date.text))"
        }
        return text
    }

    /// "computer science, James Madison University (2004)", "SBJ 40 Under 40 list".
    private func slotText(_ event: CareerEvent) -> String {
        var text = [event.detail, event.organisation].compactMap { $0 }.joined(separator: ", ")
        // "Zip2 (with his brother Kimbal; acquired by Compaq, February 1999)": the step's date and context.
        let notes = [event.date.flatMap { text.contains(String($0.year)) ? nil : $0.text },
                     [.founded, .role, .acquired, .led].contains(event.kind) ? event.context : nil].compactMap { $0 }
        if !notes.isEmpty { text += " (" + notes.joined(separator: "; ") + ")" }
        return text
    }

    private static func educationRank(_ item: (offset: Int, element: CareerEvent)) -> (Int, Int, Int) {
        let name = (item.element.organisation ?? "").lowercased()
        let higher = ["university", "college", "institute", "polytechnic", "hochschule", "universit"].contains { name.contains($0) }
        return (item.element.detail == nil ? 0 : 1, higher ? 1 : 0, -item.offset)
    }

    /// Books and reading first, then hobbies, then the rest.
    private static func interestRank(_ question: String) -> Int {
        let folded = NameMatcher.fold(question)
        if folded.contains("book") || folded.contains("read") { return 3 }
        if folded.contains("hobb") || folded.contains("free time") || folded.contains("spare time") { return 2 }
        return 1
    }

    /// "Favorite books?" → "Favorite books".
    private static func topic(of question: String) -> String {
        question.trimmingCharacters(in: CharacterSet(charactersIn: "?:. ")).replacingOccurrences(of: "What are your ", with: "")
            .prefix(1).uppercased() + question.trimmingCharacters(in: CharacterSet(charactersIn: "?:. "))
            .replacingOccurrences(of: "What are your ", with: "").dropFirst()
    }

    /// Verbs an experience phrase starts with ("led front-end web projects").
    static let workVerbs: Set<String> = ["done", "did", "led", "worked", "working", "spent", "managed", "ran", "built", "taught",
                                         "interned", "volunteered", "developed", "designed", "wrote", "covered", "reported"]

    // MARK: - Timeline

    /// The dated steps in order, one short line each; a date reckoned from the page says how.
    func timeline(cite: (CareerEvent) -> Int?) -> [TimelineItem] {
        // An undated role or award stands at the date of the page that gives it: "by Apr 2018".
        let placed: [(date: EventDate, by: Bool, step: CareerKnowledge.Step)] = steps.compactMap { step in
            guard step.event.kind != .roots, step.event.kind != .based || step.event.date != nil else { return nil }
            if let date = step.event.date { return (date, false, step) }
            guard [.role, .award].contains(step.event.kind), let date = asOf(step.event) else { return nil }
            return (date, true, step)
        }
        // On one date, the post before what came with it ("President and CEO" before an award of that spring).
        func order(_ kind: CareerEvent.Kind) -> Int { CareerEvent.Kind.allCases.firstIndex(of: kind) ?? 0 }
        var dated = placed.sorted { ($0.date, order($0.step.event.kind)) < ($1.date, order($1.step.event.kind)) }
        // At most twelve: places go first (the profile has them), then the oldest steps; the latest stay.
        while dated.count > 12 {
            dated.remove(at: dated.firstIndex { $0.step.event.kind == .based } ?? 0)
        }
        return dated.compactMap { placed in
            let event = placed.step.event
            guard let source = cite(event) else { return nil }
            var text = Self.stepText(event)
            if event.date?.approximate == true { text += "; year reckoned from “" + Self.reckoningClause(event.evidence) + "”" }
            let others = placed.step.otherDates.compactMap { other in cite(other.event).map { CitedDate(date: other.date.text, source: $0) } }
            return TimelineItem(when: (placed.by ? "by " : "") + placed.date.text, text: text, verbatim: false, source: source,
                                otherDates: others, evidence: event.document == nil ? nil : event.evidence)
        }
    }

    /// The step in a few words: "Joins Axios", "President and CEO, Experience", "Studies
    /// computer science at James Madison University".
    static func stepText(_ event: CareerEvent) -> String {
        [baseStepText(event), event.context].compactMap { $0 }.joined(separator: ", ")
    }

    /// Leaving, in the source's own verb: "Steps down as CEO, Mozilla" on the timeline, "stepped
    /// down from Mozilla" in the profile; "Resigns", "Retires", else "Leaves".
    static func leavingText(_ event: CareerEvent, past: Bool) -> String {
        let evidence = event.evidence.lowercased()
        let verbs = evidence.contains("stepped down") || evidence.contains("steps down") ? ("Steps down", "stepped down")
            : evidence.contains("resign") ? ("Resigns", "resigned") : evidence.contains("retire") ? ("Retires", "retired")
            : ("Leaves", "left")
        let verb = past ? verbs.1 : verbs.0
        let what = [event.detail, event.organisation].compactMap { $0 }.joined(separator: ", ")
        return what.isEmpty ? verb : verb + (verbs.1 == "left" ? " " : (event.detail == nil ? " from " : " as ")) + what
    }

    private static func baseStepText(_ event: CareerEvent) -> String {
        let organisation = event.organisation
        let detail = event.detail
        switch event.kind {
        case .role: return [detail, organisation].compactMap { $0 }.joined(separator: ", ")
        case .joined:
            if let detail, let organisation { return capitalisedFirst(detail) + " at " + organisation }
            return "Joins " + (organisation ?? detail ?? "")
        case .education:
            if let detail, let organisation { return "Studies \(detail) at \(organisation)" }
            return "Studies at " + (organisation ?? detail ?? "")
        case .founded: return "Founds " + (organisation ?? detail ?? "")
        case .award: return detail ?? organisation ?? ""
        case .left: return leavingText(event, past: false)
        case .based: return "Based in " + (detail ?? "")
        case .roots: return "Grew up in " + (detail ?? "")
        case .knownFor: return detail ?? organisation ?? ""
        case .led: return "Leads " + (detail ?? "")
        case .field: return "Works on " + (detail ?? "")
        case .acquired: return "Acquires " + (organisation ?? detail ?? "")
        case .metrics: return detail ?? ""
        }
    }

    private static func capitalisedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }

    /// The words around "years" in the sentence that gave a reckoned date, at most twelve.
    static func reckoningClause(_ sentence: String) -> String {
        let words = sentence.split(separator: " ")
        guard let index = words.firstIndex(where: { $0.lowercased().hasPrefix("year") }) else { return String(sentence.prefix(80)) }
        let start = max(0, index - 4)
        let end = min(words.count, index + 7)
        let clause = words[start..<end].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!? "))
        return (start > 0 ? "…" : "") + clause + (end < words.count ? "…" : "")
    }
}
