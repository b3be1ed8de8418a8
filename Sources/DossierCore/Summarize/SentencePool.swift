import Foundation

/// How a sentence is tied to the person.
enum PersonAnchor: Int, Comparable {
    case none = 0
    /// A pronoun ("He", "Her") continuing a paragraph that named the person.
    case pronoun = 1
    /// The person's own words: first person ("I", "my") on their own site, or their answers in
    /// an interview.
    case firstPerson = 2
    /// The full name or the surname.
    case named = 3

    static func < (lhs: PersonAnchor, rhs: PersonAnchor) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A sentence of a source, cleaned for display, with what it is about and the features
/// the ranking uses.
struct PoolSentence {
    let id: Int
    /// The sentence as the page gave it, with reference marks (`[12]`) removed and
    /// whitespace made plain.
    let text: String
    let folded: String
    /// Content words (folded, stopwords removed) for similarity.
    let terms: [String]
    let wordCount: Int
    let document: Int
    let paragraph: Int
    /// Index of the sentence in its document.
    let position: Int
    let person: PersonAnchor
    let company: Bool
    /// Years (1900–2099) the sentence names, in order.
    let years: [Int]
    /// Who says it on the page.
    var speaker: Speaker = .narrator
    /// For an interview answer, the question it answers.
    var question: String?
    /// Whether it opens its speaker's turn: an answer's first sentence answers the question.
    var opensTurn = false
}

/// All usable sentences of the discovered documents.
struct SentencePool {
    private(set) var sentences: [PoolSentence] = []

    init(documents: [SourceDocument], person: NameMatcher, companies: [String], ownDomain: String?, personName: String) {
        let speakers = SpeakerReader(personName: personName)
        let nameParts = personName.split(separator: " ").map(String.init)
        let surname = nameParts.count > 1 ? nameParts.last : nil
        // An author box goes on by first name: "Michael Larabel is … Michael has written …".
        let firstName = nameParts.count > 1 ? nameParts.first : nil
        // A surname or a one-word company name that is also a common word ("Page", "Experience")
        // counts only with its capital letter; the full name counts however it is written.
        func namesPerson(_ text: String, _ folded: String) -> Bool {
            guard person.isNamed(inSentence: folded) else { return false }
            return person.matchesFullName(in: folded) || surname.map { Self.occursCapitalised($0, in: text) } ?? false
        }
        let companyMatchers = companies.map { (name: $0, matcher: NameMatcher($0), oneWord: !$0.contains(" ")) }
        func namesCompany(_ text: String, _ folded: String) -> Bool {
            companyMatchers.contains { company in
                company.matcher.isMentioned(in: folded) && (!company.oneWord || Self.occursCapitalised(company.name, in: text))
            }
        }
        for (documentIndex, document) in documents.enumerated() {
            // Their own site, or a page they wrote (its by-line names them): "I" is the person.
            let personal = (ownDomain.map { Self.isOnDomain(document.url, $0) } ?? false)
                || document.authors.contains { person.matchesFullName(in: NameMatcher.fold($0)) }
            var position = 0
            var question: String?
            for (paragraphIndex, turn) in speakers.turns(of: document.text, title: document.title).enumerated() {
                if turn.speaker == .question {
                    question = turn.text
                    continue
                }
                var carried = false
                var companyCarried = false
                var raws = SentenceSplitter.sentences(in: turn.text)
                // An answer of a few words ("Inspired and humbled!") is said with the sentence after it.
                if turn.speaker == .subject, raws.count > 1, raws[0].split(whereSeparator: \.isWhitespace).count < 5 {
                    raws[1] = raws[0] + " " + raws[1]
                    raws.removeFirst()
                }
                for (turnIndex, raw) in raws.enumerated() {
                    position += 1
                    let text = Self.clean(raw)
                    let words = text.split(whereSeparator: \.isWhitespace)
                    // A short answer to an interview's question may be a phrase ("A Fistful of Rice and The
                    // Hard Thing About Hard Things"): it is kept as the person's words.
                    let shortAnswer = turn.speaker == .subject && question != nil && (1...25).contains(words.count)
                        && text.first.map { $0.isLetter || $0.isNumber } == true
                    guard Self.isUsable(text, wordCount: words.count) || shortAnswer else {
                        carried = false
                        companyCarried = false
                        continue
                    }
                    let folded = NameMatcher.fold(text)
                    var anchor = PersonAnchor.none
                    switch turn.speaker {
                    case .subject:
                        // Their answers are their own words, named or not.
                        anchor = .firstPerson
                    case .other:
                        // Another speaker's words are theirs: a sentence naming the person is a
                        // mention, never the person's own.
                        anchor = namesPerson(text, folded) ? .named : .none
                    case .narrator, .question:
                        if namesPerson(text, folded) {
                            anchor = .named
                        } else if personal && Self.isFirstPerson(words) {
                            anchor = .firstPerson
                        } else if carried && (Self.startsWithPronoun(words)
                                    || firstName.map { words.first.map(String.init) == $0 } == true) {
                            anchor = .pronoun
                        }
                    }
                    carried = anchor == .named || anchor == .pronoun
                    // "The company …" or "It …" continuing a paragraph that named the company.
                    let mentionsCompany = namesCompany(text, folded) || (companyCarried && Self.startsWithCompanyReference(words))
                    companyCarried = mentionsCompany
                    sentences.append(PoolSentence(
                        id: sentences.count, text: text, folded: folded, terms: TermVector.terms(folded),
                        wordCount: words.count, document: documentIndex, paragraph: paragraphIndex,
                        position: position, person: anchor, company: mentionsCompany, years: Self.years(in: text),
                        speaker: turn.speaker, question: turn.speaker == .subject ? question : nil, opensTurn: turnIndex == 0
                    ))
                }
            }
            if let summary = document.profileSummary, let title = document.title {
                let text = Self.clean(title + ": " + summary)
                let folded = NameMatcher.fold(text)
                let wordCount = text.split(separator: " ").count
                if (4...60).contains(wordCount) {
                    sentences.append(PoolSentence(
                        id: sentences.count, text: text, folded: folded, terms: TermVector.terms(folded), wordCount: wordCount,
                        document: documentIndex, paragraph: -1, position: 0,
                        // A profile's summary is about the person; a front page's about its site.
                        person: person.matchesFullName(in: NameMatcher.fold(title)) ? .named : .none,
                        company: namesCompany(text, folded), years: Self.years(in: text)
                    ))
                }
            }
            for row in document.tableRows {
                position += 1
                guard let text = Self.line(for: row, in: document, person: person) else { continue }
                let folded = NameMatcher.fold(text)
                sentences.append(PoolSentence(
                    id: sentences.count, text: text, folded: folded, terms: TermVector.terms(folded),
                    wordCount: text.split(separator: " ").count, document: documentIndex, paragraph: -1,
                    position: position, person: .named, company: namesCompany(text, folded),
                    years: Self.years(in: text)
                ))
            }
        }
    }

    /// The sentence just before `sentence` in its paragraph, when there is one.
    /// The sentence right after `sentence` in its paragraph, if any.
    func after(_ sentence: PoolSentence) -> PoolSentence? {
        guard sentence.id + 1 < sentences.count else { return nil }
        let next = sentences[sentence.id + 1]
        return next.document == sentence.document && next.paragraph == sentence.paragraph
            && next.position == sentence.position + 1 ? next : nil
    }

    func before(_ sentence: PoolSentence) -> PoolSentence? {
        guard sentence.id > 0 else { return nil }
        let previous = sentences[sentence.id - 1]
        return previous.document == sentence.document && previous.paragraph == sentence.paragraph
            && previous.position == sentence.position - 1 ? previous : nil
    }

    /// A table row naming the person (any row, on a page titled with their name) as one
    /// line: the page title, the row's first cell, and each cell naming the person with its
    /// column heading ("List of Nobel laureates:
    /// 2024 · Physics: John Hopfield, Geoffrey Hinton"). Cells are verbatim.
    static func line(for row: SourceDocument.TableRow, in document: SourceDocument, person: NameMatcher) -> String? {
        func labelled(_ index: Int) -> String {
            let cell = row.cells[index].count > 160 ? String(row.cells[index].prefix(160)) + "…" : row.cells[index]
            // Headings are short; a long one is a widget (sort buttons), not a label.
            return row.headings[index].flatMap { $0.count <= 40 ? "\($0): \(cell)" : nil } ?? cell
        }
        // A long cell naming the person is a list (a navigation box of names), not a fact.
        let naming = row.cells.indices.filter { row.cells[$0].count <= 160 && person.isNamed(inSentence: NameMatcher.fold(row.cells[$0])) }
        let profile = document.title.map { person.matchesFullName(in: NameMatcher.fold($0)) } ?? false
        guard !naming.isEmpty || profile else { return nil }
        // A navigation box's "v t e" (view, talk, edit) marks a list of links, not a fact.
        if row.cells.contains(where: { NameMatcher.fold($0).hasPrefix("v t e") || $0.hasPrefix("v · t · e") }) { return nil }
        let chosen = row.cells.count <= 4 ? Array(row.cells.indices) : ([0] + naming.filter { $0 != 0 })
        let cells = chosen.map(labelled).filter { !$0.isEmpty }
        let line = (document.title.map { [$0] } ?? []) + [cells.joined(separator: " · ")]
        let text = clean(line.joined(separator: ": "))
        let wordCount = text.split(separator: " ").count
        return (3...60).contains(wordCount) ? text : nil
    }

    /// Reference marks (`[12]`, `[a]`, `[citation needed]`) removed; every run of
    /// whitespace, non-breaking spaces included, made one space.
    static func clean(_ sentence: String) -> String {
        if isClean(sentence) { return sentence }
        var out = ""
        var index = sentence.startIndex
        while index < sentence.endIndex {
            let character = sentence[index]
            if character == "[" || (character == "\\" && sentence[sentence.index(after: index)...].first == "[") {
                let open = character == "[" ? index : sentence.index(after: index)
                if let close = sentence[open...].firstIndex(of: "]"), sentence.distance(from: open, to: close) <= 24 {
                    let inside = sentence[sentence.index(after: open)..<close]
                    if Self.isReferenceMark(inside) {
                        index = sentence.index(after: close)
                        continue
                    }
                }
            }
            out.append(character.isWhitespace ? " " : character)
            index = sentence.index(after: index)
        }
        // One space between words, none before a comma or period (where a mark stood).
        var result = ""
        for word in out.split(separator: " ", omittingEmptySubsequences: true) {
            if !result.isEmpty && !(word.first == "," || word.first == ".") { result.append(" ") }
            result += word
        }
        return result
    }

    /// Nothing for `clean` to do: no brackets or backslashes, no whitespace but single
    /// spaces, no space before a comma or period.
    private static func isClean(_ sentence: String) -> Bool {
        var previous: UInt8 = 0
        for byte in sentence.utf8 {
            switch byte {
            case UInt8(ascii: "["), UInt8(ascii: "\\"), 0x09...0x0D, 0xC2, 0xE2, 0xE3: return false  // 0xC2/0xE2/0xE3 lead Unicode spaces
            case UInt8(ascii: " ") where previous == UInt8(ascii: " "): return false
            case UInt8(ascii: ","), UInt8(ascii: "."): if previous == UInt8(ascii: " ") { return false }
            default: break
            }
            previous = byte
        }
        return true
    }

    private static func isReferenceMark(_ inside: Substring) -> Bool {
        let text = inside.hasSuffix("\\") ? inside.dropLast() : inside
        if !text.isEmpty, text.allSatisfy({ $0.isNumber }) { return true }
        if text.count == 1, text.first?.isLetter == true { return true }
        let lowered = text.lowercased()
        return ["citation needed", "clarification needed", "when?", "who?", "according to whom?", "update"].contains(lowered)
            || lowered.hasPrefix("note ") || lowered.hasPrefix("nb ")
    }

    /// Whole sentences of prose: not a reference-list entry, a heading, a table row or a link.
    static func isUsable(_ text: String, wordCount: Int) -> Bool {
        guard (6...60).contains(wordCount), let last = text.last else { return false }
        guard ".!?\"”’)".contains(last) else { return false }
        guard let first = text.first, first.isLetter || first.isNumber || "\"“‘'(".contains(first) else { return false }
        // A sentence that opens with a quoted title closed by a period is a reference-list
        // entry ("Musk's dream almost killed Tesla". The Times.).
        if "\"“".contains(first), let closing = text.dropFirst().firstIndex(where: { "\"”".contains($0) }) {
            let before = text[text.index(before: closing)]
            let after = text[text.index(after: closing)...].first
            if before == "." || after == "." || after == nil { return false }
        }
        let lowered = text.lowercased()
        let noise = ["retrieved ", "archived from", "isbn", "doi:", "(pdf)", "http://", "https://", "www.", " | ",
                     "cookie", "subscribe", "sign up", "enable javascript", "all rights reserved", "click here",
                     "appeared first on"]
        if noise.contains(where: { TextSearch.occurs($0, in: lowered) }) { return false }
        // A page reference glued to the text ("… as Altair BASIC.: 108, 112–114 Gates and Allen …").
        if text.contains(":"),
           text.range(of: #"[.,]: ?[0-9]{1,4}(, ?[0-9]{1,4}([–-][0-9]{1,4})?)* "#, options: .regularExpression) != nil { return false }
        var letters = 0, scalars = 0
        for scalar in text.unicodeScalars {
            scalars += 1
            if scalar.isASCII ? (scalar.value | 0x20 >= 0x61 && scalar.value | 0x20 <= 0x7A) : CharacterSet.letters.contains(scalar) {
                letters += 1
            }
        }
        return Double(letters) / Double(scalars) > 0.6
    }

    private static func isFirstPerson(_ words: [Substring]) -> Bool {
        words.contains { word in
            let bare = word.trimmingCharacters(in: .punctuationCharacters)
            return bare == "I" || bare == "I'm" || bare == "I’m" || bare == "I've" || bare == "I’ve" || bare == "I'd"
                || ["my", "me", "we", "our", "us"].contains(bare.lowercased())
        }
    }

    private static func startsWithPronoun(_ words: [Substring]) -> Bool {
        guard let first = words.first else { return false }
        let bare = first.trimmingCharacters(in: .punctuationCharacters)
        if ["He", "She", "His", "Her", "They", "Their"].contains(bare) { return true }
        // "In 2014, he …", "After that she …", "Together, they led …" (they: the person and who the
        // paragraph named with them).
        return words.prefix(5).dropFirst().contains { ["he", "she", "they"].contains($0.trimmingCharacters(in: .punctuationCharacters)) }
    }

    private static func startsWithCompanyReference(_ words: [Substring]) -> Bool {
        guard let first = words.first?.trimmingCharacters(in: .punctuationCharacters) else { return false }
        let second = words.dropFirst().first?.lowercased().trimmingCharacters(in: .punctuationCharacters)
        if first == "It" || first == "Its" || (first == "The" && ["company", "firm", "startup", "group"].contains(second ?? "")) { return true }
        // "Since the 1990s, it has diversified …": "it" after an opening phrase.
        guard let it = words.prefix(5).dropFirst().firstIndex(where: { $0 == "it" || $0 == "its" }) else { return false }
        // … and not a dummy subject ("In 2020, it was reported …", "However, it remains unclear …").
        let next = it + 1 < words.count ? words[it + 1].lowercased() : ""
        return words[..<it].contains { $0.hasSuffix(",") }
            && !["was", "is", "remains", "seems", "appears"].contains(next)
    }

    static func years(in text: String) -> [Int] {
        var years: [Int] = []
        var digits = ""
        var previous: Character = " "
        var boundaryBefore = true
        for character in text + " " {
            if character.isASCII && character.isNumber {
                if digits.isEmpty { boundaryBefore = !(previous.isLetter || previous.isNumber) }
                digits.append(character)
            } else {
                if digits.count == 4, boundaryBefore, !character.isLetter, let year = Int(digits), (1900...2099).contains(year) {
                    years.append(year)
                }
                digits = ""
            }
            previous = character
        }
        return years
    }

    /// Whether `word` occurs in `text` as a whole word starting with a capital letter.
    static func occursCapitalised(_ word: String, in text: String) -> Bool {
        let target = NameMatcher.fold(word)
        var rest = text[...]
        while let found = rest.range(of: word, options: [.caseInsensitive, .diacriticInsensitive]) {
            let before = found.lowerBound == text.startIndex ? nil : text[text.index(before: found.lowerBound)]
            let after = found.upperBound == text.endIndex ? nil : text[found.upperBound]
            let bounded = !(before?.isLetter ?? false) && !(after?.isLetter ?? false)
            if bounded, text[found].first?.isUppercase == true, NameMatcher.fold(String(text[found])) == target { return true }
            rest = text[found.upperBound...]
        }
        return false
    }

    static func isOnDomain(_ url: String, _ domain: String) -> Bool {
        guard let host = URLComponents(string: url)?.host?.lowercased() else { return false }
        let bare = domain.lowercased().hasPrefix("www.") ? String(domain.lowercased().dropFirst(4)) : domain.lowercased()
        return host == bare || host.hasSuffix("." + bare)
    }
}
