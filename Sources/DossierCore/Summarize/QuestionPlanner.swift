import Foundation

/// Plans the suggested questions: every template of the bank filled with every typed value
/// the career gives (over-generation), then picked for an interview's flow (opening, path,
/// motivation, lessons, company, advice, referral), for variety (each fact once, each template
/// once) and for grounding; generic questions fill the rest. A slot takes only a value of its
/// kind (an organisation, a title, a year, a quote), never a headline or a duration.
struct QuestionPlanner {
    /// A typed value a template can use, with where it came from.
    struct Slot {
        var fill: QuestionFill
        var values: [String: String]
        /// What the question is about, folded, so no fact is asked about twice.
        var subject: String
        var source: Int?
        var weight: Double
    }

    let banks: SummaryBanks
    let companyName: String?
    /// The reader's goal for the meeting (or their career goal), when known.
    let goal: String?
    /// How many questions, and how many of each topic at most.
    var count = 10
    var quotas: [QuestionTopic: Int] = [
        .opening: 1, .career: 3, .motivation: 2, .lessons: 2, .company: 1, .industry: 1, .advice: 2, .referral: 1,
    ]

    func questions(from slots: [Slot]) -> [SuggestedQuestion] {
        struct Candidate {
            var template: Int
            var slot: Slot?
            var text: String
            var score: Double
        }
        var candidates: [Candidate] = []
        for (index, template) in banks.questions.enumerated() {
            if let fill = template.fills {
                for slot in slots where slot.fill == fill {
                    guard let text = filled(template.text, with: slot.values) else { continue }
                    candidates.append(Candidate(template: index, slot: slot, text: text, score: 1 + slot.weight))
                }
            } else if let text = filled(template.text, with: [:]) {
                candidates.append(Candidate(template: index, slot: nil, text: text, score: 0))
            }
        }
        // Grounded first, then by weight; the bank's order breaks ties.
        candidates.sort { ($1.score, $0.template) < ($0.score, $1.template) }
        var chosen: [(topic: QuestionTopic, candidate: Candidate)] = []
        var perTopic: [QuestionTopic: Int] = [:]
        var usedTemplates = Set<Int>()
        // The topics each fact was asked under: a fact is asked about once, or, when the career
        // gives few facts, once more under another topic ("What problem made you start X?", then
        // "What was the hardest early decision at X?").
        var usedSubjects: [String: Set<QuestionTopic>] = [:]
        func take(_ candidate: Candidate, reusing: Bool = false, readBacks: Int = 1, limit: (QuestionTopic) -> Int) -> Bool {
            let topic = banks.questions[candidate.template].topic
            guard chosen.count < count, perTopic[topic, default: 0] < limit(topic), !usedTemplates.contains(candidate.template),
                  !chosen.contains(where: { $0.candidate.text == candidate.text }) else { return false }
            if let slot = candidate.slot, slot.fill != .goal, let topics = usedSubjects[slot.subject] {
                guard reusing, topics.count == 1, !topics.contains(topic) else { return false }
            }
            // One question reads their words back to them (two when facts are few); more sound like a recital.
            // Their way of working, said back for the advice they would give, is a question of its own kind.
            let readsBack: Set<QuestionFill> = [.quote, .lesson, .decision]
            if let fill = candidate.slot?.fill, readsBack.contains(fill),
               chosen.filter({ $0.candidate.slot.map { readsBack.contains($0.fill) } == true }).count >= readBacks {
                return false
            }
            perTopic[topic, default: 0] += 1
            usedTemplates.insert(candidate.template)
            if let slot = candidate.slot { usedSubjects[slot.subject, default: []].insert(topic) }
            chosen.append((topic, candidate))
            return true
        }
        // The referral closes every conversation; then grounded questions within the quotas,
        // then generic ones where a topic has none, then anything up to the count.
        for candidate in candidates where banks.questions[candidate.template].topic == .referral {
            if take(candidate, limit: { _ in 1 }) { break }
        }
        for candidate in candidates where candidate.slot != nil { _ = take(candidate) { quotas[$0] ?? 1 } }
        // Fewer than six grounded: other words of theirs may be said back once more, then a fact asked
        // once may be asked again under another topic, leaving room for three generic questions and
        // the referral.
        func grounded() -> Int { chosen.filter { $0.candidate.slot != nil }.count }
        for candidate in candidates where candidate.slot != nil && grounded() < 6 {
            _ = take(candidate, readBacks: 2) { quotas[$0] ?? 1 }
        }
        for candidate in candidates where candidate.slot != nil && grounded() < 6 {
            _ = take(candidate, reusing: true) { quotas[$0] ?? 1 }
        }
        for candidate in candidates where candidate.slot == nil {
            let topic = banks.questions[candidate.template].topic
            if perTopic[topic, default: 0] == 0 { _ = take(candidate) { quotas[$0] ?? 1 } }
        }
        // Still short: more of a kind, but one opening and one referral only.
        for candidate in candidates { _ = take(candidate) { [.opening, .referral].contains($0) ? 1 : (quotas[$0] ?? 1) + 1 } }
        return chosen.enumerated()
            // Within a topic, the path in the order it was walked: where they grew up, school, earlier posts, then the move.
            .sorted { (($0.element.topic, Self.pathOrder($0.element.candidate.slot?.fill), $0.offset)
                       < ($1.element.topic, Self.pathOrder($1.element.candidate.slot?.fill), $1.offset)) }
            .map { SuggestedQuestion(topic: $0.element.topic, text: $0.element.candidate.text, source: $0.element.candidate.slot?.source) }
    }

    /// Where a fact stands on the path they walked: roots, education, earlier posts, joining or moving,
    /// the years there; anything else keeps its place after them.
    static func pathOrder(_ fill: QuestionFill?) -> Int {
        switch fill {
        case .roots: 0
        case .education: 1
        case .pastRole, .left: 2
        case .move, .joined: 3
        case .tenure: 4
        default: 5
        }
    }

    /// The template with its placeholders filled, or nil when one has no value.
    private func filled(_ template: String, with values: [String: String]) -> String? {
        var text = template
        for placeholder in SummaryBanks.placeholders(in: template) {
            let value: String?
            switch placeholder {
            case "in year": value = values["year"].map { " in " + $0 } ?? ""
            case "field of": value = values["field"].map { " " + $0 + " at" } ?? " at"
            case "company": value = companyName ?? "your company"
            case "goal": value = values["goal"] ?? goal ?? "this kind of work"
            default: value = values[placeholder]
            }
            guard let value else { return nil }
            text = text.replacingOccurrences(of: "{\(placeholder)}", with: value)
        }
        return text
    }

    // MARK: - Slots from the career

    /// The typed values the career gives: the current role, a move from an earlier
    /// organisation, joining, tenure, education, founding, awards, roots, work, short quotes,
    /// the reader's goal.
    /// The industry a sentence names in lower-case words ("the live entertainment and ticketing
    /// industry"), never a figure of speech for something else ("the stock market", "the same sector").
    static func industry(in text: String) -> String? {
        guard let found = text.range(of: #"\bthe ([a-z]+(?:[- ][a-z]+){0,5}) (industry|sector)\b"#, options: .regularExpression) else { return nil }
        let phrase = String(text[found])
        let words = phrase.split(separator: " ")
        let notFields: Set<Substring> = ["same", "whole", "entire", "overall", "stock", "job", "labor", "labour", "housing", "private",
                                         "public", "wider", "broader", "global", "local", "this", "that", "our", "their", "its"]
        guard words.count >= 3, !notFields.contains(words[1]) else { return nil }
        return phrase
    }

    /// A product, plan or programme named in their own words: a name after "called" or "named"
    /// that follows a word for such a thing ("our direct to consumer offering called INWEGO"), or
    /// right after "launched", "introduced" or "unveiled" ("we launched Lumen Cloud"). A name is one to
    /// four capitalised words; the company's own names and sentence openers are none.
    static func offering(in text: String, excluding names: [String]) -> String? {
        let words = text.split(separator: " ").map(String.init)
        let kinds: Set<String> = ["offering", "product", "service", "platform", "app", "application", "program", "programme",
                                  "initiative", "plan", "tool", "feature", "brand", "subscription", "membership", "project",
                                  "newsletter", "podcast", "series", "campaign", "fund", "network"]
        let bare = { (word: String) in word.trimmingCharacters(in: CharacterSet(charactersIn: ",.;:!?()“”\"'’")) }
        for (index, word) in words.enumerated() {
            let lower = bare(word).lowercased()
            let start: Int
            if ["called", "named"].contains(lower), (max(0, index - 3)..<index).contains(where: { kinds.contains(bare(words[$0]).lowercased()) }) {
                start = index + 1
            } else if ["launched", "introduced", "unveiled", "launching", "introducing"].contains(lower) {
                start = index + 1
            } else {
                continue
            }
            var name: [String] = []
            for next in words.dropFirst(start).prefix(4) {
                let cleaned = bare(next)
                guard let first = cleaned.first, first.isUppercase || first.isNumber && !name.isEmpty else { break }
                name.append(cleaned)
                if cleaned.count < next.count { break }
            }
            let found = name.joined(separator: " ")
            guard !name.isEmpty, !["The", "A", "An", "Our", "We", "It", "In", "On", "This"].contains(name[0]),
                  !names.contains(where: { NameMatcher.fold($0) == NameMatcher.fold(found) || NameMatcher.containsWords(NameMatcher.fold($0), in: NameMatcher.fold(found)) })
            else { continue }
            return found
        }
        return nil
    }

    /// Their words as reported speech said back to them, for "You have said that …": "Being AMP-first
    /// means constantly flexing your creative muscles." is "being AMP-first means constantly flexing your
    /// creative muscles"; "We chose Next.js 9.1 because of … our team’s existing React knowledge." is "you
    /// chose Next.js 9.1 because of … your team’s existing React knowledge". Nil for words that would not
    /// read right so: a question, a quotation inside, an exclamation.
    static func reported(_ quote: String) -> String? {
        var text = quote.hasPrefix("…") ? String(quote.dropFirst()) : quote
        while let last = text.last, ".!".contains(last) || last == " " { text.removeLast() }
        guard !text.isEmpty, !text.contains(where: { "?!\"“”".contains($0) }) else { return nil }
        let persons: [String: String] = [
            "i": "you", "i'm": "you're", "i’m": "you’re", "i've": "you've", "i’ve": "you’ve", "i'd": "you'd", "i’d": "you’d",
            "i'll": "you'll", "i’ll": "you’ll", "me": "you", "my": "your", "mine": "yours", "myself": "yourself", "we": "you",
            "we're": "you're", "we’re": "you’re", "we've": "you've", "we’ve": "you’ve", "we'd": "you'd", "we’d": "you’d",
            "we'll": "you'll", "we’ll": "you’ll", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
        ]
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        var afterI = false
        for index in words.indices {
            let word = words[index]
            let core = word.trimmingCharacters(in: CharacterSet(charactersIn: ",;:()–—"))
            let lower = core.lowercased()
            if afterI, lower == "am" || lower == "was" {
                words[index] = word.replacingOccurrences(of: core, with: lower == "am" ? "are" : "were")
            } else if let replacement = persons[lower] {
                words[index] = word.replacingOccurrences(of: core, with: replacement)
            } else if index == 0, let first = core.first, first.isUppercase,
                      core.dropFirst().allSatisfy({ $0.isLowercase || $0 == "-" || $0 == "'" || $0 == "’" }) {
                // The opening word starts a clause now ("Being …" is "being …"); a name ("Next.js") stays.
                words[index] = word.replacingOccurrences(of: core, with: core.lowercased())
            }
            afterI = lower == "i" || lower == "we"
        }
        return words.joined(separator: " ")
    }

    /// Their words without the phrase that led into them in conversation ("I would also add being
    /// comfortable …" is "…being comfortable …"), so that said back to them they are the point.
    static func withoutLeadIn(_ quote: String) -> String {
        let leadIns = ["I would also add that ", "I would also add ", "I'd also add that ", "I’d also add that ", "I'd also add ",
                       "I’d also add ", "I would add that ", "I would add ", "I think that ", "I think ", "Also, ", "And ", "But ", "So "]
        guard let leadIn = leadIns.first(where: { quote.hasPrefix($0) }) else { return quote }
        let rest = quote.dropFirst(leadIn.count)
        // "I think about failure every day": there "think" is the point.
        if leadIn.hasPrefix("I think"), let next = rest.split(separator: " ").first, ["about", "of", "back", "so"].contains(next) { return quote }
        return rest.split(separator: " ").count >= 4 ? "…" + rest : quote
    }

    static func slots(steps: [CareerKnowledge.Step], current: CareerKnowledge.Step?, quotes: [(label: String?, text: String, source: Int, shown: Bool)],
                      views: [(text: String, source: Int)], industry: (text: String, source: Int)? = nil,
                      offerings: [(name: String, year: Int?, source: Int)] = [],
                      goal: String?, latestYear: Int?, cite: (CareerEvent) -> Int?) -> [Slot] {
        var slots: [Slot] = []
        func add(_ fill: QuestionFill, _ values: [String: String], subject: String, event: CareerEvent?, weight: Double, source: Int? = nil) {
            let combined = values.values.joined(separator: " ")
            // Never a question built on a sentence that touches a sensitive topic.
            guard !Sensitivity.touches(combined), !Sensitivity.touches(event?.evidence ?? ""), !values.values.contains(where: isDuration)
            else { return }
            slots.append(Slot(fill: fill, values: values, subject: NameMatcher.fold(subject),
                              source: source ?? event.flatMap(cite), weight: weight))
        }
        let currentOrganisation = current?.event.organisation
        if let current, let title = current.event.detail, let organisation = current.event.organisation {
            var values = ["title": Self.withArticle(title), "organisation": organisation]
            if let year = current.event.date, !year.approximate { values["year"] = String(year.year) }
            add(.role, values, subject: title + " " + organisation, event: current.event, weight: 1.2)
            // The year it began makes the opening theirs: "You became President and CEO at Experience in 2018."
            if values["year"] != nil {
                add(.roleSince, values, subject: title + " " + organisation, event: current.event, weight: 1.25)
            }
            // "succeeding Steve Ballmer": taking a post over from someone.
            if let context = current.event.context, context.hasPrefix("succeeding ") {
                values["predecessor"] = String(context.dropFirst("succeeding ".count))
                add(.succession, values, subject: "succession " + organisation, event: current.event, weight: 1.1)
            }
        }
        for step in steps {
            let event = step.event
            // A reckoned year is said as such ("in about 2012").
            let year = event.date.map { $0.approximate ? "about \($0.year)" : String($0.year) }
            switch event.kind {
            case .joined:
                guard let organisation = event.organisation, isProperName(organisation) else { continue }
                var values = ["organisation": organisation]
                if let year { values["year"] = year }
                add(.joined, values, subject: organisation, event: event, weight: 1)
                if let date = event.date, let latestYear, latestYear - date.year >= 3, organisation == currentOrganisation {
                    // Counted to the newest page, and said as of its year: a page of 2018 does not
                    // know whether they are still there.
                    // The same fact as joining: asked about once, by one question or the other.
                    add(.tenure, ["organisation": organisation, "years": String(latestYear - date.year), "year": String(latestYear)], subject: organisation,
                        event: event, weight: 0.9)
                }
            case .education:
                guard let school = event.organisation, EventReader.isSchool(school) else { continue }
                var values = ["school": school]
                if let field = event.detail { values["field"] = field }
                add(.education, values, subject: school, event: event, weight: 0.9)
            case .founded:
                guard let organisation = event.organisation ?? event.detail, isProperName(organisation) else { continue }
                var values = ["organisation": organisation]
                if let year { values["year"] = year }
                add(.founded, values, subject: organisation, event: event, weight: 1.1)
            case .award:
                guard let award = event.detail else { continue }
                add(.award, ["award": (award.lowercased().hasPrefix("the ") ? "" : "the ") + award], subject: award, event: event, weight: 0.8)
            case .roots:
                guard let place = event.detail else { continue }
                add(.roots, ["place": place], subject: place, event: event, weight: 0.7)
            case .knownFor:
                guard let work = event.detail, isProperName(work) else { continue }
                add(.knownFor, ["work": work], subject: work, event: event, weight: 0.8)
            case .led:
                guard let unit = event.detail, isProperName(unit) || unit.split(separator: " ").count >= 2 else { continue }
                add(.led, ["unit": unit], subject: unit, event: event, weight: 0.9)
            case .left:
                guard let organisation = event.organisation, isProperName(organisation) else { continue }
                var values = ["organisation": organisation]
                if let year { values["year"] = year }
                add(.left, values, subject: "left " + organisation, event: event, weight: 0.8)
            case .role:
                guard step.event != current?.event, let title = event.detail, let organisation = event.organisation,
                      isProperName(organisation) else { continue }
                // A post held beside the current one: how the two fit together.
                if event.present, event.end == nil, !event.endedUndated {
                    if let currentOrganisation, currentOrganisation != organisation {
                        add(.alsoRole, ["title": Self.withArticle(title), "organisation": organisation, "current": currentOrganisation],
                            subject: title + " " + organisation, event: event, weight: 0.9)
                    }
                    continue
                }
                // An earlier role: what it taught them.
                add(.pastRole, ["title": Self.withArticle(title), "organisation": organisation], subject: title + " " + organisation, event: event, weight: 0.8)
            case .field:
                guard let area = event.detail, area.split(separator: " ").count <= 5 else { continue }
                add(.field, ["area": area], subject: area, event: event, weight: 0.7)
            case .based, .acquired, .metrics:
                continue
            }
        }
        // A move: the latest earlier organisation, then the current one.
        if let currentOrganisation {
            // An earlier organisation may be one the page only describes ("a digital agency").
            let earlier = steps.filter { step in
                [.joined, .role].contains(step.event.kind) && !step.event.present
                    && step.event.organisation.map { (isProperName($0) || isDescribed($0)) && $0 != currentOrganisation } == true
            }
            if let from = earlier.last?.event.organisation {
                var values = ["from": from, "organisation": currentOrganisation]
                let joined = steps.first { $0.event.kind == .joined && $0.event.organisation == currentOrganisation }
                if let date = joined?.event.date, !date.approximate { values["year"] = String(date.year) }
                // Joining the current organisation is the same fact: one question asks about it.
                add(.move, values, subject: currentOrganisation, event: joined?.event ?? earlier.last?.event, weight: 1.1)
            }
        }
        for quote in quotes {
            // Only what they learned, believe or decided, short enough to say back to them: a story
            // of why they came ("I attended the Roadshow and began advocating …") is theirs to tell, and
            // a habit is small talk.
            guard let label = quote.label, label != "Motivation" else { continue }
            let words = quote.text.split(separator: " ")
            // A guide they follow takes its title's words ("Steven Covey’s The 7 Habits of Highly Effective People").
            guard (4...(label == "Habit" ? 22 : 18)).contains(words.count), !quote.text.contains("…") else { continue }
            let said = Self.withoutLeadIn(quote.text)
            let text = said.hasSuffix(".") || said.hasSuffix("!") || said.hasSuffix("?") ? said : said + "."
            // How they work is for the advice they would give, never a question of its own.
            var values = ["quote": text]
            values["said"] = Self.reported(said)
            if label == "Habit" {
                add(.habit, values, subject: quote.text, event: nil, weight: 0.8, source: quote.source)
                continue
            }
            let fill: QuestionFill = label == "On deciding" ? .decision : ["Lesson", "Surprise", "Advice"].contains(label) ? .lesson : .quote
            // Words the dossier does not already quote are the better ones to say back.
            let weight = quote.shown ? 1 : 1.1
            add(fill, values, subject: quote.text, event: nil, weight: weight, source: quote.source)
            // A lesson or a decision also fits the questions that take any words of theirs.
            if fill != .quote { add(.quote, values, subject: quote.text, event: nil, weight: weight - 0.2, source: quote.source) }
        }
        for view in views {
            add(.view, ["view": view.text], subject: view.text, event: nil, weight: 0.9, source: view.source)
        }
        if let industry {
            add(.industry, ["industry": industry.text], subject: industry.text, event: nil, weight: 0.7, source: industry.source)
        }
        for offering in offerings {
            var values = ["offering": offering.name]
            if let year = offering.year { values["year"] = String(year) }
            add(.offering, values, subject: offering.name, event: nil, weight: 0.9, source: offering.source)
        }
        if let goal, !goal.isEmpty {
            slots.append(Slot(fill: .goal, values: ["goal": goal], subject: "goal", source: nil, weight: 0.5))
        }
        return slots
    }

    /// What the person said, as a page reports it: "Nadella said that corporations need to create
    /// profitable solutions …" gives "corporations need to create profitable solutions …". Only a
    /// clause that reads the same said back to them (no "he", "his").
    static func reportedView(in sentence: String, person: NameMatcher) -> String? {
        let words = sentence.split(separator: " ").map(String.init)
        let verbs: Set<String> = ["said", "says", "argued", "argues", "believes", "believed", "told", "explained", "noted", "wrote"]
        for (index, word) in words.enumerated() where verbs.contains(word.lowercased()) {
            let before = words[max(0, index - 3)..<index].joined(separator: " ")
            guard person.isNamed(inSentence: NameMatcher.fold(before)) || ["he", "she"].contains(words[max(0, index - 1)].lowercased()) else { continue }
            guard let that = words[(index + 1)...].prefix(6).firstIndex(of: "that") else { continue }
            let clause = words[(that + 1)...].joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " ."))
            let folded = NameMatcher.fold(clause)
            let count = clause.split(separator: " ").count
            guard (5...24).contains(count), !["he", "she", "his", "her", "him", "i", "my"].contains(where: { NameMatcher.containsWords($0, in: folded) })
            else { continue }
            return clause
        }
        return nil
    }

    /// A value that names something rather than describing it: at least one capitalised word
    /// (or a domain), and not a generic phrase ("a Fortune 500 company").
    private static func isProperName(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        guard let first = words.first, !["a", "an"].contains(first.lowercased()) else { return false }
        return words.contains { $0.first?.isUppercase == true || $0.contains(".") }
    }

    /// "a digital agency", "a Fortune 500 company": an organisation the page describes without naming it.
    private static func isDescribed(_ value: String) -> Bool {
        let words = value.split(separator: " ")
        return words.count >= 2 && words.count <= 5 && ["a", "an"].contains(words[0].lowercased())
    }

    /// "a front end engineer" for a title written in lower case; "President and CEO" as it is.
    static func withArticle(_ title: String) -> String {
        guard let first = title.first, first.isLowercase else { return title }
        // By sound, not by letter: "a user researcher", "a one-person team", "an honorary professor".
        let lowered = title.lowercased()
        let vowelLetterConsonantSound = ["uni", "use", "usu", "uti", "ure", "eu", "one", "once"].contains { lowered.hasPrefix($0) }
        let silentH = ["honor", "honour", "hour", "heir"].contains { lowered.hasPrefix($0) }
        let vowelSound = ("aeiou".contains(first) && !vowelLetterConsonantSound) || silentH
        return (vowelSound ? "an " : "a ") + title
    }

    /// "six years", "two decades": a duration is never a slot's value.
    private static func isDuration(_ value: String) -> Bool {
        let folded = NameMatcher.fold(value)
        let words = folded.split(separator: " ")
        return words.count <= 3 && words.contains { ["years", "year", "months", "decades", "decade", "weeks"].contains(String($0)) }
    }
}
