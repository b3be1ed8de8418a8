import Foundation

/// Reads career events out of sentences whose subject is the person: "She joined Axios in April
/// of 2019", "I was introduced to programming in high school before going on to study computer
/// science at James Madison University", "Microsoft CEO Satya Nadella", "Experience is thrilled to
/// have Junior Gaspard … as our new President and CEO".
///
/// Patterns are general English: a trigger (a verb or a role noun) with the person as its
/// subject, then the organisation (capitalised words, a domain name, or "the company" for the
/// page's own organisation), a title containing a role noun, a place, a date. Nothing is
/// guessed: every event keeps the words that say it.
struct EventReader {
    /// Lowercased words that name the person: their names and, in their own words, "I".
    let subjectWords: Set<String>
    /// What "the company", "the site", "our" refer to on the page, when known.
    let pageOrganisation: String?
    /// The page's date, for "six years since I joined".
    let pageDate: EventDate?
    /// The page's host without "www." ("phoronix.com"), for "the site" on a page that is not
    /// known to be the company's.
    var pageSite: String? = nil

    /// The events of one sentence. `ownWords` is true for a sentence the person says (first person).
    func events(in sentence: String, ownWords: Bool, document: Int) -> [CareerEvent] {
        let words = Words(sentence)
        var events: [CareerEvent] = []
        // A post called new ("our new President and CEO") begins about the page's own date, when the
        // sentence gives none.
        var lastAdded: Int?
        func datedByPage() {
            guard let last = lastAdded, events[last].kind == .role, events[last].date == nil, let pageDate else { return }
            events[last].date = pageDate
        }
        func add(_ kind: CareerEvent.Kind, organisation: String?, detail: String?, at index: Int, window: Int = 12,
                 context: String? = nil) {
            lastAdded = nil
            // Leaving may name nothing ("stepped down on April 3, 2014"): the organisation is found later.
            guard organisation != nil || detail != nil || kind == .left else { return }
            var event = CareerEvent(kind: kind, organisation: organisation, detail: detail,
                                    date: self.date(in: words, near: index, window: window), evidence: sentence, document: document)
            event.context = context
            if !events.contains(where: { $0.kind == event.kind && $0.key == event.key }) {
                events.append(event)
                lastAdded = events.count - 1
            }
        }
        var index = 0
        while index < words.count {
            defer { index += 1 }
            // Verbs whose subject is the person.
            for trigger in Self.verbTriggers where words.matches(trigger.phrase, at: index) {
                // In their own words, what "we" started they started too ("We started a new company we called Viaweb").
                guard hasSubject(words, before: index, ownWords: ownWords, allowingWe: [.founded, .based].contains(trigger.kind),
                                 fromOpening: true)
                else { continue }
                let after = index + trigger.phrase.count
                switch trigger.kind {
                case .joined, .founded, .left:
                    let role = trigger.kind == .left ? title(words, from: skipping(["as"], words, after)) : nil
                    let place = role.map { skipping(["of", "at", "from"], words, $0.end) } ?? after
                    if let found = organisation(words, from: place) {
                        let partners = trigger.kind == .founded ? partnersPhrase(words, trigger: index, after: found.end) : nil
                        add(trigger.kind, organisation: found.name, detail: role?.text ?? asTitle(words, from: found.end), at: index,
                            context: partners)
                    } else if let role {
                        add(trigger.kind, organisation: nil, detail: role.text, at: index)
                    } else if trigger.kind == .left, date(in: words, near: index, window: 8) != nil {
                        add(.left, organisation: nil, detail: nil, at: index, window: 8)
                    }
                case .education:
                    // "studied physics at X" names a field; "graduated from X", "matriculated at X" the place.
                    let field = ["at", "to", "from", "of"].contains(trigger.phrase.last ?? "") ? nil : studyField(words, from: after)
                    let place = skipping(["at", "in", "from", "the"], words, field?.end ?? after)
                    // Attending or transferring to a place is study only when the place is a school.
                    let needsSchool = ["attended", "transferred", "matriculated"].contains(trigger.phrase.first ?? "")
                    if let found = organisation(words, from: place), Self.isSchool(found.name) || !needsSchool {
                        // "… and received bachelor's degrees in economics and physics": the field later on.
                        add(.education, organisation: found.name, detail: field?.text ?? degreeField(words, from: found.end), at: index)
                    }
                case .award:
                    if let award = awardName(words, from: after) { add(.award, organisation: nil, detail: award, at: index) }
                case .based, .roots:
                    if let place = placeName(words, from: after) { add(trigger.kind, organisation: nil, detail: place, at: index) }
                case .role:
                    let start = skipping(["the", "a", "an", "our", "its", "their", "his", "her", "new", "first", "also", "now",
                                          "currently", "still", "later", "then"], words, after)
                    if let role = title(words, from: start) {
                        // "an early investor in Tesla Motors": an investor is in what they invest in.
                        let investor = words[role.end - 1].lower.hasPrefix("investor")
                        let org = organisation(words, from: skipping(investor ? ["of", "at", "for", "with", "in"] : ["of", "at", "for", "with"],
                                                                     words, role.end))
                        // "founded SpaceX … and became the company's CEO": the organisation just founded
                        // or joined, before the page's own; "our CEO", "its CEO": the page's.
                        let possessive = words[start].lower.hasSuffix("'s") || words[start].lower.hasSuffix("’s")
                        let named = events.last(where: { [.founded, .joined, .role].contains($0.kind) && $0.organisation != nil })?.organisation
                        let own = possessive ? named ?? pageOrganisation : pageOrganisation
                        // "the lead developer of the Phoronix Test Suite, Phoromatic, and OpenBenchmarking.org": the whole list.
                        let name = org.map { organisationList(words, first: $0) }
                        add(.role, organisation: name ?? (role.ownOrganisation ? own : nil), detail: role.text, at: index)
                        if role.isNew { datedByPage() }
                        // "is", "serves as", "is also": a post held now, beside any other.
                        if ["is", "serves as", "works as", "am", "i'm", "has been"].contains(trigger.phrase.joined(separator: " ")),
                           let last = events.indices.last, events[last].kind == .role {
                            events[last].present = true
                        }
                    }
                case .led:
                    // "Together, they led …": a change they led with others, not alone.
                    let shared = (max(0, index - 4)..<index).contains { ["together", "jointly"].contains(words[$0].lower) }
                    if let unit = unitPhrase(words, from: after) {
                        add(.led, organisation: nil, detail: unit, at: index, context: shared ? "with others" : nil)
                    }
                case .acquired:
                    // "acquired Twitter for $44 billion": a company by its name, and the price when given.
                    if let found = organisation(words, from: after), found.name.first?.isUppercase == true {
                        var price: String?
                        if found.end + 1 < words.count, words[found.end].lower == "for", words[found.end + 1].written.hasPrefix("$") {
                            var end = found.end + 2
                            if end < words.count, ["million", "billion"].contains(words[end].bare.lowercased()) { end += 1 }
                            price = "for " + words.text((found.end + 1)..<end).trimmingCharacters(in: CharacterSet(charactersIn: ",.;"))
                        }
                        add(.acquired, organisation: found.name, detail: nil, at: index, context: price)
                    }
                case .field, .metrics:
                    break
                case .knownFor:
                    // A work has a name: "a new site" is not one.
                    if let work = organisation(words, from: after) ?? (ownWords ? nil : objectPhrase(words, from: after)),
                       !work.name.hasPrefix("a "), !work.name.hasPrefix("an ") {
                        add(.knownFor, organisation: nil, detail: work.name, at: index)
                    }
                }
            }
            // In their own words, a work they name: "The book, On Lisp, wasn't published till 1993", "my
            // novel Tidewater", "this new dialect of Lisp, which I called Arc".
            if ownWords, ["book", "novel", "paper", "album", "film", "game", "app", "language", "dialect", "podcast", "newsletter"]
                .contains(words[index].lower.trimmingCharacters(in: .punctuationCharacters)), index >= 1,
               ["the", "my", "our", "first"].contains(words[index - 1].lower) {
                // A title may open with a small word ("On Lisp"): the capitalised words up to the phrase's end.
                var end = index + 1
                while end < words.count, end - index <= 6, words[end].isCapitalised || (end > index + 1 && Self.connectors.contains(words[end].lower)) {
                    end += 1
                    if words[end - 1].endsPhrase { break }
                }
                if end > index + 1, words[end - 1].isCapitalised, !words.all[(index + 1)..<end].contains(where: { $0.bare == "I" }) {
                    add(.knownFor, organisation: nil, detail: (index + 1..<end).map { words[$0].bare }.joined(separator: " "), at: index, window: 10)
                }
            }
            // "… which I called Arc", "we cooked up something we called the Summer Founders Program".
            if ownWords, words[index].lower == "called", index >= 2, ["i", "we"].contains(words[index - 1].lower),
               ["which", "that", "something", "what"].contains(words[index - 2].lower), let work = organisation(words, from: index + 1) {
                add(.knownFor, organisation: nil, detail: work.name, at: index, window: 8)
            }
            // "a program at Cornell", "art classes at Harvard", "a job at Interleaf": studies or work at a place.
            if words[index].lower == "at", index >= 1, hasSubject(words, before: index, ownWords: ownWords),
               let found = organisation(words, from: index + 1) {
                let noun = words[index - 1].lower
                if Self.studyNouns.contains(noun) {
                    add(.education, organisation: found.name, detail: nil, at: index, window: 6)
                } else if ["job", "position", "internship", "work", "career", "stint"].contains(noun),
                          !words.all[max(0, index - 5)..<index].contains(where: { ["applying", "applied", "apply", "seeking", "sought"].contains($0.lower) }) {
                    add(.joined, organisation: found.name, detail: nil, at: index, window: 6)
                }
            }
            // "I have done full-stack development at a Fortune 500 company": work done at an organisation.
            if words[index].lower == "at", let verb = workVerb(words, before: index),
               hasSubject(words, before: verb, ownWords: ownWords), let found = organisation(words, from: index + 1) {
                let start = ["done", "did"].contains(words[verb].lower) ? verb + 1 : verb
                add(.joined, organisation: found.name, detail: words.text(start..<index), at: index, window: 6)
            }
            // "SpiderMonkey is the original JavaScript engine developed by Brendan Eich": what the
            // sentence opens with was made by them.
            // "… developed by Laurens van der Maaten and Geoffrey Hinton": co-authors may come first.
            if subjectName(words, at: index) != nil, let by = (max(0, index - 7)..<index).last(where: { words[$0].lower == "by" }),
               by >= 1, (by + 1..<index).allSatisfy({ words[$0].isCapitalised || ["and", "van", "der", "de", "von"].contains(words[$0].lower) }),
               ["developed", "created", "invented", "written", "designed", "founded", "built", "started", "co-founded"].contains(words[by - 1].lower),
               let work = organisation(words, from: 0), work.end <= by - 1, !subjectWords.contains(words[0].lower) {
                let kind: CareerEvent.Kind = ["founded", "started", "co-founded"].contains(words[by - 1].lower) ? .founded : .knownFor
                add(kind, organisation: kind == .founded ? work.name : nil, detail: kind == .founded ? nil : work.name, at: by - 1)
            }
            // "… when he invented JavaScript in 1995 as a developer at Netscape": a post named with its organisation.
            if words[index].lower == "as", index >= 1, index + 2 < words.count, ["a", "an"].contains(words[index + 1].lower),
               hasSubject(words, before: index, ownWords: ownWords),
               let role = title(words, from: index + 2), role.end < words.count, ["at", "for"].contains(words[role.end].lower),
               let org = organisation(words, from: role.end + 1) {
                add(.role, organisation: org.name, detail: role.text, at: index, window: 8)
            }
            // "Steve Ballmer stepped down as CEO of Microsoft and was succeeded by Satya Nadella".
            if subjectName(words, at: index) != nil, index >= 2, words[index - 1].lower == "by", words[index - 2].lower == "succeeded",
               let taken = succession(words, before: index - 2) {
                // The date is the leaving's, at the start of the sentence.
                add(.role, organisation: taken.organisation, detail: taken.title, at: 0, window: index,
                    context: taken.predecessor.map { "succeeding " + $0 })
            }
            // "Nadella succeeded Steve Ballmer as CEO", "she replaced Jan Berg as chief executive of Lumen Grid".
            if ["succeeded", "succeeding", "replaced", "replacing"].contains(words[index].lower), index >= 1,
               words[index - 1].lower != "was", hasSubject(words, before: index, ownWords: ownWords),
               let predecessor = personName(words, from: index + 1), predecessor.end < words.count, words[predecessor.end].lower == "as",
               let role = title(words, from: skipping(["the"], words, predecessor.end + 1)) {
                let org = organisation(words, from: skipping(["of", "at"], words, role.end))
                add(.role, organisation: org?.name ?? (role.ownOrganisation ? pageOrganisation : nil), detail: role.text, at: index,
                    context: "succeeding " + predecessor.name)
            }
            // "Members of the board of directors as of December 2023 are Satya Nadella, Reid Hoffman, …".
            if subjectName(words, at: index) != nil, index >= 1,
               words[index - 1].written.hasSuffix(",") || ["are", "include", "includes", "and"].contains(words[index - 1].lower),
               words.all[..<index].contains(where: { $0.lower == "board" }),
               words.all[..<index].contains(where: { ["members", "member", "directors"].contains($0.lower) }) {
                add(.role, organisation: pageOrganisation, detail: "member of the board of directors", at: index, window: 20)
                if let last = events.indices.last, events[last].kind == .role { events[last].present = true }
            }
            // "Mozilla promoted Brendan Eich to the role of CEO", "named her its chief executive".
            if let name = subjectName(words, at: index), index >= 1,
               ["promoted", "appointed", "named", "made", "hired", "elected", "picked", "chose", "tapped"].contains(words[index - 1].lower) {
                let start = skipping(["to", "the", "role", "position", "post", "of", "as", "its", "their", "a", "an", "new"], words, name)
                if let role = title(words, from: start) {
                    var organisation: String?
                    if index >= 2, words[index - 2].isCapitalised, !subjectWords.contains(words[index - 2].lower) {
                        // The whole name before the verb: "Lumen Grid named …", not "Grid".
                        var first = index - 2
                        while first > 0, index - 1 - first < 4, words[first - 1].isCapitalised, !words[first - 1].endsPhrase,
                              !subjectWords.contains(words[first - 1].lower),
                              !["The", "In", "On", "At", "After", "When", "Then", "Today", "Now"].contains(words[first - 1].bare) {
                            first -= 1
                        }
                        organisation = Self.possessiveStripped(words.text(first..<(index - 1)))
                    }
                    add(.role, organisation: organisation, detail: role.text, at: index)
                    if role.isNew { datedByPage() }
                }
            }
            // "Microsoft CEO Satya Nadella", "Mozilla's CTO, Brendan Eich": a title before the name.
            if let name = subjectName(words, at: index), index >= 1 {
                if let role = titleBefore(words, endingAt: index - 1) {
                    add(.role, organisation: role.organisation ?? pageOrganisation, detail: role.text, at: index)
                }
                // "Satya Nadella, chief executive of Microsoft,", "Geoffrey Hinton: Emeritus Prof. …":
                // an apposition after the name.
                if words[name - 1].endsPhrase, words[name - 1].written.hasSuffix(",") || words[name - 1].written.hasSuffix(":") {
                    let start = skipping(["the", "a", "an"], words, name)
                    if let role = title(words, from: start) {
                        var text = role.text
                        var org = organisation(words, from: skipping(["of", "at", "for"], words, role.end))
                        // "Emeritus Prof. Computer Science, University of Toronto": a field, then the organisation.
                        if let field = org, Self.isField(field.name), field.end < words.count, words[field.end - 1].written.hasSuffix(",") {
                            text += " of " + field.name
                            org = organisation(words, from: field.end)
                        }
                        add(.role, organisation: org?.name, detail: text, at: index)
                    }
                }
            }
        }
        return events
    }

    // MARK: - Triggers

    private struct Trigger {
        let phrase: [String]
        let kind: CareerEvent.Kind
    }

    private static func triggers(_ kind: CareerEvent.Kind, _ phrases: [String]) -> [Trigger] {
        phrases.map { Trigger(phrase: $0.split(separator: " ").map(String.init), kind: kind) }
    }

    /// Longer phrases first, so "stepped down as" wins over "as".
    private static let verbTriggers: [Trigger] = (
        triggers(.joined, ["joined", "joining", "joins", "rejoined", "was hired by", "went to work at", "went to work for",
                           "got a job at", "took a job at", "landed a job at", "got one at", "took one at",
                           "worked at", "worked for", "working at", "working for", "work at", "work for", "moved to work at"])
        + triggers(.founded, ["founded", "co-founded", "cofounded", "co-founder of", "cofounder of", "founder of",
                              "started", "launched", "established", "set up", "founding"])
        + triggers(.left, ["left", "resigned from", "resigned as", "stepped down as", "stepped down from", "stepped down", "resigned", "departed",
                           "retired from", "retired as"])
        + triggers(.education, ["studied", "study", "studying", "graduated from", "graduating from", "a graduate of",
                                "degree from", "degree at", "phd from", "phd at", "doctorate from", "attended",
                                "enrolled at", "enrolled in", "alumnus of", "alumna of", "went to college at", "matriculated at",
                                "transferred to"])
        + triggers(.award, ["won", "received", "was awarded", "awarded", "named to", "was named to", "honored to be on",
                            "honoured to be on", "inducted into", "recipient of", "winner of", "is on", "was on", "was selected as",
                            "was chosen as"])
        + triggers(.roots, ["grew up in", "grew up on", "was raised in", "born in", "born on", "was born in", "hails from"])
        + triggers(.based, ["based in", "lives in", "living in", "moved to", "moved back to", "relocated to", "working out of",
                            "works out of", "work out of", "is from"])
        + triggers(.role, ["is", "was", "became", "becomes", "has been", "had been", "serves as", "served as",
                           "serving as", "works as", "worked as", "work as", "was named", "was appointed",
                           "appointed", "was promoted to", "promoted to", "took over as", "taking over as", "assuming the position of",
                           "assumed the position of", "assumed the role of", "assuming the role of", "joined as", "as our new",
                           "as its new", "as the new", "made him", "made her", "named him", "named her", "i'm", "am",
                           "in my role as", "my role as", "role as"])
        + triggers(.acquired, ["acquired", "bought", "purchased"])
        + triggers(.led, ["led", "leads", "leading", "ran", "runs", "running", "heads", "headed", "heading", "oversaw", "oversees",
                          "managed", "manages", "built up"])
        + triggers(.knownFor, ["invented", "created", "wrote", "has written", "have written", "developed", "designed", "is the author of",
                               "is the creator of", "best known for", "known for"])
    ).sorted { $0.phrase.count > $1.phrase.count }

    // MARK: - The subject

    /// The person (one of `subjectWords`) is the subject of the verb at `index`: named within
    /// the ten words before it in the same sentence, with no other subject pronoun between,
    /// and not as a possessive ("Quill's friend joined …").
    private func hasSubject(_ words: Words, before index: Int, ownWords: Bool, allowingWe: Bool = false,
                            fromOpening: Bool = false) -> Bool {
        let otherSubjects: Set<String> = ownWords ? ["he", "she", "they", "we", "you", "it"] : ["i", "we", "you", "they", "it"]
        var position = index - 1
        // In their own words "I" governs the whole sentence; elsewhere the name stands close,
        // or opens the sentence with no other subject after it ("He moved to California …, but
        // dropped out … and, with his brother Kimbal, co-founded …").
        let reach = ownWords ? index : 10
        // "… stating that Errol was a part owner": a name right before the verb is its subject.
        if index >= 2, words[index - 1].isCapitalised, !words[index - 1].endsPhrase, !subjectWords.contains(words[index - 1].lower),
           !Self.notNames.contains(words[index - 1].bare), !words[index - 2].isCapitalised,
           !["of", "at", "for", "in", "the", "a", "an", "from", "with", "and"].contains(words[index - 2].lower) {
            return false
        }
        while position >= max(0, index - reach) {
            let word = words[position]
            // "I'd applied", "I've done": a pronoun with its verb is the subject too.
            let contracted = word.lower.split(whereSeparator: { $0 == "'" || $0 == "’" }).first.map(String.init) ?? word.lower
            let subject = ["i", "we"].contains(contracted) ? contracted : word.lower
            if subjectWords.contains(subject) || (ownWords && allowingWe && subject == "we") {
                return !(word.written.hasSuffix("'s") || word.written.hasSuffix("’s"))
            }
            if otherSubjects.contains(word.lower) { return false }
            position -= 1
        }
        // … unless another subject joins it ("Marissa Halpert, a front end engineer …, and Rick Terrill, leading …").
        if fromOpening, !ownWords, index > reach, index <= 30, subjectWords.contains(words[0].lower),
           !words.all[1..<index].contains(where: { otherSubjects.contains($0.lower) || $0.written.hasSuffix(".") }),
           !(1..<index - 1).contains(where: { ["and", "or"].contains(words[$0].lower) && words[$0 + 1].isCapitalised
                                               && !EventDate.monthNames.contains(words[$0 + 1].lower) }) {
            return true
        }
        return false
    }

    /// Who they founded it with, in the source's words: "with his brother Kimbal" just before the
    /// verb (ending at a comma) or "with Robert Morris" just after the organisation.
    private func partnersPhrase(_ words: Words, trigger: Int, after end: Int) -> String? {
        func phrase(from start: Int, limit: Int) -> String? {
            guard start < words.count, words[start].lower == "with" else { return nil }
            // Up to the phrase's end, a preposition or a number: "with Tomas Berg in 2001".
            var stop = start + 1
            while stop < min(words.count, start + 1 + limit), !["in", "on", "at", "for", "to", "from", "after", "before"].contains(words[stop].lower) {
                stop += 1
                if words[stop - 1].endsPhrase { break }
            }
            let range = (start + 1)..<stop
            // Someone named: a capitalised word, and no amount ("with $12 million").
            guard !range.isEmpty, range.contains(where: { words[$0].isCapitalised && !subjectWords.contains(words[$0].lower) }),
                  !range.contains(where: { words[$0].bare.first?.isNumber == true || words[$0].written.contains("$") }) else { return nil }
            return "with " + words.text(range).trimmingCharacters(in: CharacterSet(charactersIn: ",;:."))
        }
        if let before = (max(0, trigger - 6)..<trigger).first(where: { words[$0].lower == "with" }),
           words[trigger - 1].written.hasSuffix(",") {
            return phrase(from: before, limit: trigger - before - 1)
        }
        return phrase(from: end, limit: 4)
    }

    /// An organisation and the ones listed after it ("X, Y, and Z"), as one name.
    private func organisationList(_ words: Words, first: (name: String, end: Int)) -> String {
        var names = [first.name]
        var end = first.end
        while names.count < 4, end < words.count, words[end - 1].written.hasSuffix(",") {
            let start = skipping(["and"], words, end)
            // "Tesla Motors, Inc.": a company's legal suffix, not another organisation.
            guard let next = organisation(words, from: start),
                  !["inc", "ltd", "llc", "corp", "co", "gmbh", "ag", "sa", "plc", "bv", "nv"].contains(next.name.lowercased().trimmingCharacters(in: .punctuationCharacters))
            else { break }
            names.append(next.name)
            end = next.end
            if start > 0, words[start - 1].lower == "and" { break }
        }
        guard names.count > 1 else { return first.name }
        return names.dropLast().joined(separator: ", ") + " and " + names.last!
    }

    /// A person's name of two or three capitalised words from `start` ("Steve Ballmer").
    private func personName(_ words: Words, from start: Int) -> (name: String, end: Int)? {
        var end = start
        while end < words.count, end - start < 3, words[end].isCapitalised, words[end].bare.first?.isLetter == true,
              !Self.notNames.contains(words[end].bare) {
            end += 1
            if words[end - 1].endsPhrase { break }
        }
        guard end - start >= 2 else { return nil }
        return ((start..<end).map { words[$0].bare }.joined(separator: " "), end)
    }

    /// The title and organisation a successor took, and who left them: "Steve Ballmer stepped
    /// down as CEO of Microsoft and" before "succeeded by".
    private func succession(_ words: Words, before index: Int) -> (title: String, organisation: String?, predecessor: String?)? {
        guard let asIndex = (0..<index).last(where: { words[$0].lower == "as" }),
              let role = title(words, from: skipping(["the"], words, asIndex + 1)) else { return nil }
        let org = organisation(words, from: skipping(["of", "at"], words, role.end))
        // The one who left: the name just before the verb ("Steve Ballmer stepped down as").
        var position = asIndex - 1
        while position > 0, !words[position].isCapitalised, asIndex - position <= 3 { position -= 1 }
        var start = position
        while start > 0, position - start < 2, words[start - 1].isCapitalised, !words[start - 1].endsPhrase,
              !Self.notNames.contains(words[start - 1].bare) {
            start -= 1
        }
        let predecessor = position > start ? personName(words, from: start).map(\.name) : nil
        return (role.text, org?.name ?? (role.ownOrganisation ? pageOrganisation : nil), predecessor)
    }

    /// The index just after the person's name when a name of theirs starts at `index`.
    private func subjectName(_ words: Words, at index: Int) -> Int? {
        guard words[index].isCapitalised, subjectWords.contains(words[index].lower), words[index].lower != "i" else { return nil }
        var end = index + 1
        while end < words.count, subjectWords.contains(words[end].lower), words[end].isCapitalised, !words[end - 1].endsPhrase { end += 1 }
        return end
    }

    /// A verb of work among the five words before `index` ("led front-end web projects at"),
    /// with no phrase break between.
    private func workVerb(_ words: Words, before index: Int) -> Int? {
        var position = index - 1
        while position >= max(0, index - 5) {
            if words[position].endsPhrase || words[position].lower == "at" { return nil }
            if CareerSections.workVerbs.contains(words[position].lower) { return position }
            position -= 1
        }
        return nil
    }

    private func skipping(_ lowercased: Set<String>, _ words: Words, _ index: Int) -> Int {
        var index = index
        while index < words.count, lowercased.contains(words[index].lower) { index += 1 }
        return index
    }

    // MARK: - Phrases

    /// Nouns a title is made of.
    static let roleNouns: Set<String> = [
        "ceo", "cto", "cfo", "coo", "cmo", "cio", "president", "chairman", "chairwoman", "chair", "founder", "co-founder",
        "cofounder", "director", "manager", "engineer", "developer", "designer", "scientist", "researcher", "professor",
        "lecturer", "author", "editor", "writer", "journalist", "reporter", "partner", "principal", "lead", "head",
        "officer", "executive", "vp", "analyst", "consultant", "architect", "programmer", "owner", "advisor", "adviser",
        "fellow", "dean", "chancellor", "strategist", "producer", "evangelist", "advocate", "maintainer", "investor",
        "entrepreneur", "chief", "leader", "coordinator", "specialist", "administrator", "associate", "teacher",
        "instructor", "librarian", "curator", "attorney", "lawyer", "physician", "economist", "historian", "mathematician",
        "physicist", "chemist", "biologist", "statistician", "student", "intern", "postdoc", "member", "prof",
    ]
    /// Words that end an organisation or title.
    private static let stops: Set<String> = [
        "in", "on", "at", "for", "with", "from", "since", "when", "where", "who", "which", "that", "and", "but", "to",
        "after", "before", "during", "until", "as", "by", "while", "because", "where", "than", "then",
    ]

    /// A title from `start`: up to seven words, ending at a stop word or punctuation, with a
    /// role noun in it ("President and CEO", "front end engineer", "principal author",
    /// "Emeritus Professor of Computer Science"). `ownOrganisation` is set for "our new …".
    private func title(_ words: Words, from start: Int) -> (text: String, end: Int, ownOrganisation: Bool, isNew: Bool)? {
        guard start < words.count else { return nil }
        var end = start
        var hasRoleNoun = false
        while end < words.count, end - start < 7 {
            let word = words[end]
            // "President and CEO": "and" joins two titles.
            if word.lower == "and", hasRoleNoun, end + 1 < words.count, Self.roleNouns.contains(words[end + 1].lower) {
                end += 1
                continue
            }
            // "Professor of Computer Science at …": "of" and a field, when an organisation follows.
            if word.lower == "of", hasRoleNoun, fieldThenOrganisation(words, from: end + 1) { end += 1; continue }
            if Self.stops.contains(word.lower) || ["of", "the", "a", "an"].contains(word.lower) && end > start { break }
            if Self.roleNouns.contains(word.lower) || Self.roleNouns.contains(word.lower.replacingOccurrences(of: "-", with: "")) {
                hasRoleNoun = true
            }
            end += 1
            if word.endsPhrase { break }
        }
        guard hasRoleNoun, end > start else { return nil }
        // A title ends with its role noun or a field after "of" ("front end engineer", not "engineer working").
        while end > start + 1, !Self.roleNouns.contains(words[end - 1].lower), !words[end - 1].isCapitalised { end -= 1 }
        var first = start
        // "the company's CEO": the organisation's, not part of the title.
        let possessed = Self.organisationNouns.contains { words[start].lower == $0 + "'s" || words[start].lower == $0 + "’s" }
        if possessed { first += 1 }
        // "new CEO", "longest-tenured CEO", "youngest partner": how they stood, not what the post is called.
        while first < end - 1, ["new", "newly", "first", "former"].contains(words[first].lower)
                || (!words[first].isCapitalised && words[first].lower.split(separator: "-").first.map { $0.count > 4 && $0.hasSuffix("est") } == true) {
            first += 1
        }
        guard first < end else { return nil }
        // "our new President and CEO": the post begins about when the page says so.
        let isNew = (max(0, start - 1)..<first).contains { ["new", "newly"].contains(words[$0].lower) }
        let text = words.text(first..<end)
        guard text.split(separator: " ").count <= 8, Self.isTitle(words, first..<end) else { return nil }
        let own = possessed || start > 0 && ["our", "its"].contains(words[max(0, start - 2)].lower) || (start > 0 && words[start - 1].lower == "new"
            && start > 1 && ["our", "its"].contains(words[start - 2].lower))
        return (text, end, own, isNew)
    }

    /// Words a title may hold besides role nouns: "Chief Executive", "Senior Vice President",
    /// "front end engineer". A capitalised word outside them ("South African engineer") makes a
    /// description, not a title, unless it names the field after "of".
    static let titleWords: Set<String> = [
        "chief", "executive", "senior", "vice", "principal", "lead", "emeritus", "distinguished", "associate", "assistant",
        "managing", "general", "founding", "deputy", "head", "staff", "junior", "interim", "acting", "global", "regional",
        "technical", "technology", "product", "software", "front", "end", "back", "full-stack", "front-end", "back-end", "data",
        "research", "marketing", "sales", "operating", "financial", "information", "creative", "editorial", "content",
        "communications", "engineering", "design", "business", "development", "program", "project", "account", "customer",
        "success", "community", "developer", "relations", "human", "resources", "people", "board", "co", "and", "&", "of",
        "prof.", "web", "mobile", "security", "platform", "systems", "site", "reliability", "machine", "learning", "ai", "ux", "ui",
    ]

    private static func isTitle(_ words: Words, _ range: Range<Int>) -> Bool {
        var afterOf = false
        for index in range {
            let word = words[index]
            if word.lower == "of" { afterOf = true; continue }
            if afterOf || !word.isCapitalised { continue }
            let lower = word.lower.replacingOccurrences(of: "’s", with: "").replacingOccurrences(of: "'s", with: "")
            if !(roleNouns.contains(lower) || titleWords.contains(lower)) { return false }
        }
        return true
    }

    /// Whether capitalised words from `index` are followed by "at" and an organisation.
    private func fieldThenOrganisation(_ words: Words, from index: Int) -> Bool {
        var position = index
        while position < words.count, words[position].isCapitalised, !words[position].endsPhrase, position - index < 4 { position += 1 }
        return position > index && position < words.count && words[position].lower == "at"
    }

    /// A title just before the name, with its organisation: "Microsoft CEO", "Mozilla's CTO",
    /// "chief executive officer".
    private func titleBefore(_ words: Words, endingAt last: Int) -> (text: String, organisation: String?)? {
        guard last >= 0, Self.roleNouns.contains(words[last].lower) || words[last].lower == "officer",
              !words[last].endsPhrase || words[last].written.hasSuffix(",") else { return nil }
        var start = last
        while start > 0, last - start < 4, Self.roleNouns.contains(words[start - 1].lower) || ["vice", "senior", "executive", "managing", "general", "founding"].contains(words[start - 1].lower), !words[start - 1].endsPhrase {
            start -= 1
        }
        // "CEO and President" reads the same backwards.
        let titleText = words.text(start..<(last + 1))
        guard start > 0, !words[start - 1].endsPhrase else { return (titleText, nil) }
        // The organisation before the title: capitalised words, perhaps possessive.
        var orgStart = start - 1
        guard words[orgStart].isCapitalised, !subjectWords.contains(words[orgStart].lower) else { return (titleText, nil) }
        while orgStart > 0, words[orgStart - 1].isCapitalised, !words[orgStart - 1].endsPhrase, start - orgStart < 4 { orgStart -= 1 }
        var organisation = words.text(orgStart..<start)
        if organisation.hasSuffix("'s") || organisation.hasSuffix("’s") { organisation = String(organisation.dropLast(2)) }
        let sentenceStarts: Set<String> = ["The", "A", "An", "In", "On", "At", "But", "And", "When", "As", "Former", "Then"]
        if sentenceStarts.contains(organisation) { return (titleText, nil) }
        return (titleText, organisation)
    }

    /// Nouns of studies that place a person at a school: "a program at Cornell".
    static let studyNouns: Set<String> = [
        "program", "programme", "classes", "class", "courses", "course", "degree", "phd", "school", "college",
        "foundation", "bfa", "mfa", "ba", "bs", "bsc", "msc", "mba", "dissertation", "thesis", "studies", "semester",
    ]

    /// Small words that may sit inside an organisation's name ("Bank of America").
    private static let connectors: Set<String> = ["of", "and", "&", "for", "the", "de", "la", "du", "von", "van", "der", "on", "in",
                                                  "di", "del", "della", "delle", "des", "zu", "für"]
    private static let notNames: Set<String> = [
        "I", "He", "She", "They", "We", "It", "The", "In", "On", "At", "His", "Her", "Its", "Their", "A", "An", "This", "That",
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]
    /// Generic nouns that make "a Fortune 500 company" or "a digital agency" an organisation.
    private static let organisationNouns: Set<String> = [
        "company", "agency", "firm", "startup", "start-up", "studio", "bank", "lab", "laboratory", "university", "college",
        "school", "hospital", "nonprofit", "non-profit", "organization", "organisation", "consultancy", "publisher",
        "newspaper", "magazine", "site", "website", "team", "group", "business", "brand", "institute", "foundation",
        "manufacturer", "maker", "publication", "provider",
    ]

    /// An organisation from `start`: capitalised words (with connectors, "eBay", numbers after
    /// the first), a domain name ("Phoronix.com"), "the company" for the page's organisation,
    /// or a described one ("a Fortune 500 company").
    private func organisation(_ words: Words, from start: Int) -> (name: String, end: Int)? {
        guard start < words.count else { return nil }
        let first = words[start]
        // "the company", "the site": the organisation the page is about.
        if first.lower == "the", start + 1 < words.count {
            let noun = words[start + 1].lower
            if ["company", "site", "website", "blog", "firm", "startup", "organization", "organisation"].contains(noun),
               let named = pageOrganisation ?? (["site", "website", "blog"].contains(noun) ? pageSite : nil) {
                return (named, start + 2)
            }
        }
        // "a company called Interleaf", "a new company we called Viaweb": the name after "called" or "named".
        if ["a", "an"].contains(first.lower),
           let noun = (start + 1..<min(words.count, start + 5)).first(where: { Self.organisationNouns.contains(words[$0].lower) }),
           !(start + 1..<noun).contains(where: { words[$0].endsPhrase }) {
            let call = ["we", "they", "he", "she", "i"].contains(noun + 1 < words.count ? words[noun + 1].lower : "") ? noun + 2 : noun + 1
            if call + 1 < words.count, ["called", "named"].contains(words[call].lower), let named = organisation(words, from: call + 1) {
                return named
            }
        }
        // "online city guide software company Zip2", "electric vehicle manufacturer Tesla Motors": a
        // description in lower case, then the name.
        if first.bare.first?.isLowercase == true, !["the", "a", "an"].contains(first.lower),
           let noun = (start..<min(words.count - 1, start + 6)).first(where: { Self.organisationNouns.contains(words[$0].lower) }),
           !(start..<noun).contains(where: { words[$0].endsPhrase || words[$0].bare.first?.isLowercase != true || Self.stops.contains(words[$0].lower) }),
           words[noun + 1].isCapitalised {
            return organisation(words, from: noun + 1)
        }
        // "a Fortune 500 company", "a digital agency".
        if ["a", "an"].contains(first.lower) {
            var end = start + 1
            while end < words.count, end - start <= 4 {
                if Self.organisationNouns.contains(words[end].lower) { return (words.text(start..<(end + 1)), end + 1) }
                if words[end].endsPhrase || Self.stops.contains(words[end].lower) { break }
                end += 1
            }
            return nil
        }
        var index = start
        if first.lower == "the" { index += 1 }
        var parts: [String] = []
        var end = index
        while end < words.count, parts.count < 7 {
            let word = words[end]
            var bare = Self.possessiveStripped(word.bare)
            // "Queen's University", "St John's College": a possessive inside a school's name.
            if bare.count < word.bare.count, end + 1 < words.count, words[end + 1].isCapitalised,
               ["university", "college", "school", "hospital", "institute"].contains(words[end + 1].lower) {
                bare = word.bare
            }
            // "Neuralink—a brain–computer interface company": the name ends at the dash.
            let dashed = bare.firstIndex { $0 == "—" || $0 == "–" }
            if let dashed { bare = String(bare[..<dashed]) }
            guard let initial = bare.first else { break }
            let isDomain = bare.contains(".") && bare.split(separator: ".").count >= 2 && bare.split(separator: ".").allSatisfy({ !$0.isEmpty })
                && bare.last?.isLetter == true
            let capitalised = initial.isUppercase || (initial.isNumber && !parts.isEmpty)
                || (initial.isLowercase && bare.dropFirst().contains(where: \.isUppercase)) || isDomain
            if capitalised && bare != "I" && !(parts.isEmpty && (Self.notNames.contains(bare) || Self.isContraction(word.bare))) {
                parts.append(bare)
            } else if !parts.isEmpty, Self.connectors.contains(word.lower), end + 1 < words.count, words[end + 1].isCapitalised,
                      !EventDate.monthNames.contains(words[end + 1].lower) {
                parts.append(word.bare)
            } else {
                break
            }
            end += 1
            if word.endsPhrase || bare.count < word.bare.count || dashed != nil { break }
        }
        guard !parts.isEmpty else { return nil }
        let name = parts.joined(separator: " ")
        guard name.count >= 2, !subjectWords.contains(name.lowercased()) else { return nil }
        // A month or a year is a date, not an organisation.
        if EventDate.monthNames.contains(name.lowercased()) || Int(name) != nil { return nil }
        // "the Musk Foundation", "the Boring Company"; but "the OpenAI board" is OpenAI's.
        return (first.lower == "the" && parts.count > 1 ? "the " + name : name, end)
    }

    /// "We’ve", "It’s", "I’m": a pronoun with its verb, never a name.
    private static func isContraction(_ word: String) -> Bool {
        guard let apostrophe = word.firstIndex(where: { $0 == "'" || $0 == "’" }) else { return false }
        let base = word[..<apostrophe].lowercased()
        return ["i", "we", "you", "they", "he", "she", "it", "that", "there", "here", "what", "who"].contains(base)
    }

    private static func possessiveStripped(_ word: String) -> String {
        word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
    }

    /// "Computer Science", "Mechanical Engineering": a field of study, not an organisation.
    static func isField(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["science", "sciences", "engineering", "studies", "mathematics", "physics", "chemistry", "biology", "economics",
                "history", "law", "medicine", "psychology", "philosophy", "linguistics", "informatics", "humanities", "arts"]
            .contains { lowered.split(separator: " ").contains(Substring($0)) }
    }

    static func isSchool(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return ["university", "college", "school", "institute", "academy", "polytechnic", "conservatory", "accademia",
                "universität", "université", "universidad", "universidade", "hochschule", "mit", "risd", "caltech"]
            .contains { lowered.contains($0) }
    }

    /// Nouns that end the name of a unit someone leads.
    private static let unitNouns: Set<String> = [
        "division", "team", "teams", "group", "unit", "department", "business", "effort", "project", "program", "programme",
        "lab", "laboratory", "office", "organization", "organisation", "practice", "operations", "engineers", "migration",
        "rollout", "launch", "rebuild", "redesign", "initiative", "shift", "move", "transition", "overhaul",
    ]

    /// What was led: words up to a unit noun, within eight words and one phrase ("Microsoft's
    /// Cloud and Enterprise division", "the front end engineers", "Axios' shift to AMP-first").
    private func unitPhrase(_ words: Words, from start: Int) -> String? {
        var end = start
        while end < words.count, end - start < 8 {
            let word = words[end]
            end += 1
            if Self.unitNouns.contains(word.lower) {
                // "Axios' shift to AMP-first", "the migration of the site": where the change went, up to the phrase's end.
                if !word.endsPhrase, end + 1 < words.count, ["to", "of", "from"].contains(words[end].lower) {
                    var stop = end + 1
                    while stop < min(words.count, end + 5) {
                        stop += 1
                        if words[stop - 1].endsPhrase { break }
                    }
                    if words[stop - 1].endsPhrase || stop == words.count { end = stop }
                }
                return words.text(start..<end).trimmingCharacters(in: CharacterSet(charactersIn: ",.;:"))
            }
            if word.endsPhrase { break }
        }
        return nil
    }

    /// What was made, when it has no name: "more than 20,000 articles covering the state of
    /// Linux hardware support", up to ten words to the end of the phrase.
    private func objectPhrase(_ words: Words, from start: Int) -> (name: String, end: Int)? {
        var end = start
        while end < words.count, end - start < 10 {
            end += 1
            if words[end - 1].endsPhrase { break }
        }
        // A count says what it is ("more than 20,000 articles"); anything else is too vague to keep.
        guard end - start >= 2, (start..<end).contains(where: { words[$0].bare.first?.isNumber == true }) else { return nil }
        return (words.text(start..<end), end)
    }

    /// "as President": a title right after the organisation.
    private func asTitle(_ words: Words, from index: Int) -> String? {
        guard index < words.count, words[index].lower == "as" else { return nil }
        return title(words, from: skipping(["a", "an", "the", "its", "their"], words, index + 1))?.text
    }

    /// "degrees in economics and physics" after a school: the field, at most five words, within
    /// the clause.
    private func degreeField(_ words: Words, from start: Int) -> String? {
        var index = start
        while index < words.count - 2, index - start < 8, !words[index].endsPhrase || index == start {
            let word = words[index].lower
            if ["degree", "degrees", "ba", "bs", "bsc", "ma", "ms", "msc", "phd", "doctorate"].contains(word), words[index + 1].lower == "in" {
                var end = index + 2
                while end < words.count, end - (index + 2) < 5 {
                    let next = words[end]
                    if Self.stops.contains(next.lower) && next.lower != "and" { break }
                    end += 1
                    if next.endsPhrase { break }
                }
                return end > index + 2 ? words.text((index + 2)..<end) : nil
            }
            index += 1
        }
        return nil
    }

    /// The field after "study"/"studied": up to four words before "at"/"in"/"from"
    /// ("computer science", "painting").
    private func studyField(_ words: Words, from start: Int) -> (text: String, end: Int)? {
        var end = start
        while end < words.count, end - start < 4, !["at", "in", "from", "under", "with", "and", "while"].contains(words[end].lower) {
            if words[end].endsPhrase { return nil }
            end += 1
        }
        guard end > start, end < words.count, ["at", "in", "from"].contains(words[end].lower) else { return nil }
        return (words.text(start..<end), end)
    }

    /// An award's name: capitalised words or a list ("the SBJ 40 Under 40 list", "the 2024
    /// Nobel Prize in Physics", "a Turing Award").
    private func awardName(_ words: Words, from start: Int) -> String? {
        var index = skipping(["the", "a", "an", "its", "their", "his", "her"], words, start)
        var parts: [String] = []
        while index < words.count, parts.count < 8 {
            let word = words[index]
            let isName = word.isCapitalised || word.bare.first?.isNumber == true
                || (!parts.isEmpty && ["in", "of", "for", "under", "list", "award", "prize", "medal"].contains(word.lower))
                // "Person of the Year": "the" inside a name.
                || (!parts.isEmpty && word.lower == "the" && index + 1 < words.count && words[index + 1].isCapitalised)
            guard isName else { break }
            parts.append(word.bare)
            index += 1
            if word.endsPhrase { break }
        }
        while let last = parts.last, ["in", "of", "for"].contains(last.lowercased()) { parts.removeLast() }
        let name = parts.joined(separator: " ")
        let lowered = name.lowercased()
        let awardWords = ["award", "prize", "medal", "list", "fellow", "honor", "honour", "under", "laureate", "hall of fame", "of the year"]
        guard parts.count >= 2 || awardWords.contains(where: { lowered.contains($0) }) else { return nil }
        guard awardWords.contains(where: { lowered.contains($0) }) || parts.count >= 2 && parts.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return name
    }

    /// A place: capitalised words with the commas between them ("Washington, D.C.", "St. Croix
    /// in the U.S. Virgin Islands", "Austin, Texas").
    private func placeName(_ words: Words, from start: Int) -> String? {
        let index = skipping(["the"], words, start)
        var end = index
        while end < words.count, end - index < 8 {
            let word = words[end]
            let isPart = word.isCapitalised || (end > index && ["in", "the", "of"].contains(word.lower) && end + 1 < words.count
                && (words[end + 1].isCapitalised || words[end + 1].lower == "the"))
            guard isPart else { break }
            end += 1
            // "Washington, D.C." and "Austin, Texas" carry on after a comma; a period ends it.
            if word.endsPhrase && !(word.written.hasSuffix(",") && end < words.count && words[end].isCapitalised) { break }
        }
        while end > index, ["in", "the", "of"].contains(words[end - 1].lower) { end -= 1 }
        guard end > index else { return nil }
        var place = words.text(index..<end)
        // "D.C." keeps its last period.
        let last = words[end - 1].written.trimmingCharacters(in: CharacterSet(charactersIn: ",;:"))
        if last.hasSuffix("."), last.dropLast().contains("."), !place.hasSuffix(".") { place += "." }
        guard !EventDate.monthNames.contains(place.lowercased()), Int(place) == nil else { return nil }
        return place
    }

    // MARK: - Dates

    /// The date of the step at `index`: the first year after it in the same clause ("joined
    /// Axios in April of 2019", "on February 4, 2014", "since 2014"), else one just before it
    /// ("In 2014, she joined"), else one reckoned from the page's date ("over the past six years
    /// since I joined"). A clause ends at "and", "but", "while" or a semicolon, so "is the principal
    /// author … and founded the site in 2004" gives the founding its year and the role none.
    func date(in words: Words, near index: Int, window: Int = 12) -> EventDate? {
        func dated(_ position: Int) -> EventDate? {
            guard let year = Self.year(words[position].bare) else { return nil }
            var month: Int?
            // "April of 2019", "April 2019", "February 4, 2014".
            for back in 1...3 where position - back >= 0 {
                if let found = EventDate.monthNames.firstIndex(of: words[position - back].lower) { month = found + 1; break }
            }
            return EventDate(year: year, month: month)
        }
        var position = index
        while position < min(words.count, index + window) {
            if position > index, ["and", "but", "while", "whereas"].contains(words[position].lower) { break }
            if let date = dated(position) { return date }
            if words[position].written.hasSuffix(";") || words[position].written.hasSuffix(".") { break }
            position += 1
        }
        position = index - 1
        while position >= max(0, index - 6) {
            if words[position].written.hasSuffix(";") || ["and", "but"].contains(words[position].lower) { break }
            if let date = dated(position) { return date }
            position -= 1
        }
        return reckonedDate(words)
    }

    /// "the past six years since I joined", "for ten years", "five years ago", on a dated page.
    private func reckonedDate(_ words: Words) -> EventDate? {
        guard let pageDate else { return nil }
        for index in 0..<words.count where words[index].lower == "years" || words[index].lower == "year" {
            guard index >= 1, let count = NumberWords.value(words[index - 1].lower), count <= 60 else { continue }
            let before = index >= 3 ? words[index - 3].lower + " " + words[index - 2].lower : ""
            let after = index + 1 < words.count ? words[index + 1].lower : ""
            if ["ago", "since"].contains(after) || before.hasSuffix("the past") || before.hasSuffix("the last")
                || before.hasSuffix("for the") || words[max(0, index - 2)].lower == "for" || words[max(0, index - 2)].lower == "over" {
                return EventDate(year: pageDate.year - count, approximate: true)
            }
        }
        return nil
    }

    static func year(_ word: String) -> Int? {
        guard word.count == 4, let year = Int(word), (1900...2099).contains(year) else { return nil }
        return year
    }
}
