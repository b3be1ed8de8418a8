/// Short paragraphs that are boilerplate by what they say, whatever markup carries them: server
/// error messages, cookie consent, calls to subscribe, follow or share, advertising labels, affiliate notes, copyright
/// lines, picture credits, post metadata and navigation words. Phrases are those of web publishing in the
/// languages most pages are written in; a paragraph is judged only when it is short (its length
/// limit comes with each phrase family), so an article that discusses newsletters keeps its text.
enum BoilerplateText {
    private struct Family {
        /// The longest paragraph (in characters) the family can condemn.
        let maximumLength: Int
        /// Phrases found in the lower-cased text at the start of a word.
        let phrases: [StaticString]
        /// Words the text (lower-cased, leading punctuation and spaces dropped) starts with.
        let openings: [[UInt8]]
        /// True when an opening must stand alone: followed by the end of the text or, after
        /// spaces, by punctuation ("Anzeige", "ANZEIGE - ..."; not "Anzeige erstattet ...").
        let openingIsLabel: Bool

        init(maximumLength: Int, phrases: [StaticString], openings: [String] = [], openingIsLabel: Bool = false) {
            self.maximumLength = maximumLength
            self.phrases = phrases
            self.openings = openings.map { Array($0.utf8) }
            self.openingIsLabel = openingIsLabel
        }

        /// True when `text` (lower-cased, leading punctuation dropped) opens with one of the
        /// openings as a whole word (as a label, when the family asks for one).
        func opens(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            openings.contains { opening in
                guard text.starts(with: opening) else { return false }
                var next = opening.count
                // A whole word: no letter goes on after it ("tags:" ends in its own punctuation).
                if next < text.count, BoilerplateText.isWordByte(opening[opening.count - 1]),
                   BoilerplateText.isWordByte(text[next]) {
                    return false
                }
                guard openingIsLabel else { return true }
                while next < text.count, text[next] == 0x20 { next += 1 }
                return next == text.count || !BoilerplateText.isWordByte(text[next])
            }
        }
    }

    private static let families: [Family] = [
        // Subscriptions and newsletters.
        Family(maximumLength: 200, phrases: [
            "newsletter", "subscribe", "sign up for our", "sign up to our", "abonnieren", "abonniere", "abonnez",
            "suscríbete", "suscribirte", "iscriviti", "inscreva-se", "registrieren sie sich", "jetzt registrieren",
        ]),
        // Following the site elsewhere.
        Family(maximumLength: 200, phrases: [
            "follow us", "folgen sie uns", "folge uns", "síguenos", "siguenos", "suivez-nous", "seguici",
            "obserwuj nas", "unser kanal", "unseren kanal", "nuestro canal", "notre chaîne", "our channel",
        ]),
        // Sharing.
        Family(maximumLength: 60, phrases: [
            "teilen", "share this", "share on", "compartir", "partager", "condividi", "udostępnij",
        ]),
        // Advertising labels.
        Family(maximumLength: 80, phrases: ["- anzeige -", "-anzeige-", "- anzeige-"], openings: [
            "anzeige", "werbung", "advertisement", "advert", "advertising", "ad", "ads", "sponsored", "gesponsert",
            "publicidad", "publicité", "pubblicità", "reklama",
        ], openingIsLabel: true),
        // Affiliate and advertising disclosures.
        Family(maximumLength: 300, phrases: [
            "affiliate link", "affiliate-link", "affiliatelink", "affiliate partner", "affiliate-partner",
            "affiliate commission", "eine provision", "provisionslink", "werbelink", "partnerlink",
            "enthält werbung", "advertising disclosure", "earn a commission", "earn commission",
        ]),
        // Copyright lines.
        Family(maximumLength: 200, phrases: [
            "©", "all rights reserved", "alle rechte vorbehalten", "todos los derechos reservados",
            "tous droits réservés", "tutti i diritti riservati", "vervielfältigung nur mit",
        ]),
        // Picture credits.
        Family(maximumLength: 100, phrases: [
            "foto:", "fotos:", "photo:", "photos:", "bild:", "bilder:", "bildquelle", "image:", "credit:",
            "titelbild", "beitragsbild", "getty images", "shutterstock", "istock", "picture alliance",
        ]),
        // Post metadata.
        Family(maximumLength: 80, phrases: [], openings: [
            "kategorie", "kategorien", "category", "categories", "schlagwörter", "schlagworte", "tags:", "posted in",
            "filed under", "veröffentlicht am", "erstellt am", "release date", "zuletzt aktualisiert",
            "last updated", "aktualisiert am",
        ]),
        // Navigation and page actions.
        Family(maximumLength: 40, phrases: [
            "weiterlesen", "read more", "mehr lesen", "drucken", "back to top", "nach oben",
            "zum seitenanfang", "bild anzeigen", "alle anzeigen", "show all", "load more", "mehr laden",
        ], openings: ["print", "zurück", "więcej", "drukuj", "lire la suite", "leer más", "continue reading"]),
        // Pages that want scripts.
        Family(maximumLength: 200, phrases: [
            "enable javascript", "javascript is disabled", "javascript aktivieren", "javascript deaktiviert",
            "activer javascript", "activa javascript", "habilitar javascript", "attiva javascript",
        ]),
        // Ratings.
        Family(maximumLength: 60, phrases: ["noch keine bewertung", "no ratings yet", "rate this"]),
    ]

    /// The length above which no family applies.
    private static let longest = families.map(\.maximumLength).max() ?? 0

    /// Social networks: one named beside a verb of following (a whole word), in a short
    /// paragraph, is a call to follow ("Follow the Gazette on Twitter"); naming networks is not
    /// ("Apple is going after Facebook", "she joined LinkedIn", "Twitter followers").
    private static let followVerbs = PatternSet([
        "follow", "folge", "folgen", "folgt", "únete", "suivez", "seguici", "síguenos", "siguenos", "obserwuj",
        "find us", "like us",
    ])
    private static let networks: [StaticString] = [
        "facebook", "twitter", "instagram", "telegram", "youtube", "whatsapp", "linkedin", "tiktok",
        "pinterest", "xing",
    ]

    /// Every family's phrases and then the networks, searched in one pass; `limits` holds the
    /// maximum length that goes with each family phrase.
    private static let allPhrases = PatternSet(families.flatMap(\.phrases) + networks)
    private static let limits = families.flatMap { family in family.phrases.map { _ in family.maximumLength } }

    /// Cookie consent: "cookie" beside a word of the consent vocabulary, in a paragraph of up to
    /// `consentLength` characters (consent texts are long). "Bake the cookies" has no such word,
    /// nor has an article on browsers that mentions cookies and privacy.
    private static let consentLength = 1000
    private static let cookie = PatternSet(["cookie"])
    private static let consentWords = PatternSet([
        "consent", "zustimm", "einwillig", "akzeptier", "accept", "datenschutz", "privacidad", "confidentialité",
        "statisti", "marketing", "notwendig", "necessary", "essential", "essenziell", "we use", "this site uses",
        "this website uses", "verwenden", "nutzen", "benutzt", "utilise", "utiliza", "settings", "einstellungen",
        "policy", "richtlinie",
    ])

    /// Server error messages printed into the page ("Warning: ... in /var/www/x.php on line 12").
    private static let serverErrorLength = 3000
    private static let scriptFile = PatternSet([".php"])
    private static let lineNumber = PatternSet([" on line "])

    /// True when the paragraph (`characters` long, not counting spaces) is boilerplate by its words.
    static func isBoilerplate(_ text: [UInt8], characters: Int) -> Bool {
        guard characters <= serverErrorLength else { return false }
        let lower = lowercased(text)
        return lower.withUnsafeBufferPointer { lower in
            if scriptFile.occurs(in: lower), lineNumber.occurs(in: lower) { return true }
            guard characters <= consentLength else { return false }
            if cookie.occurs(in: lower, accepting: { text, start, _ in startsWord(text, start) }),
               consentWords.occurs(in: lower, accepting: { text, start, _ in startsWord(text, start) }) {
                return true
            }
            guard characters <= longest else { return false }
            var start = 0
            while start < lower.count, !isWordByte(lower[start]) { start += 1 }
            let opening = UnsafeBufferPointer(rebasing: lower[start...])
            for family in families where characters <= family.maximumLength {
                if family.opens(opening) { return true }
            }
            return allPhrases.firstMatch(in: lower) { start, _, position in
                guard startsWord(lower, start) else { return false }
                guard position < limits.count else {
                    return characters <= 200 && followVerbs.occurs(in: lower) { text, start, end in
                        startsWord(text, start) && (end == text.count || !isWordByte(text[end]))
                    }
                }
                return characters <= limits[position]
            }
        }
    }

    /// Headings that announce boilerplate: related or recommended reading, comments, the author
    /// (phrases found at the start of a word).
    private static let announcements = PatternSet([
        "related", "you may also like", "you might also like", "you may be interested", "more from", "more stories",
        "more articles", "read also", "see also", "recommended", "most read", "most popular", "about the author",
        "comments", "leave a reply", "leave a comment", "das könnte sie auch", "könnte sie auch interessieren",
        "auch interessant", "lesen sie auch", "lies auch", "mehr zum thema", "weitere artikel", "weitere beiträge",
        "ähnliche beiträge", "ähnliche artikel", "verwandte artikel", "empfehlungen", "meistgelesen",
        "beliebte beiträge", "neueste beiträge", "über den autor", "über die autorin", "kommentare",
        "schreibe einen kommentar", "hinterlasse einen kommentar", "entdecke weitere", "à lire aussi",
        "lire aussi", "sur le même sujet", "articles similaires", "commentaires", "vous aimerez aussi",
        "te puede interesar", "noticias relacionadas", "artículos relacionados", "lee también", "comentarios",
        "más noticias", "leggi anche", "potrebbe interessarti", "articoli correlati", "commenti", "zobacz także",
        "zobacz też", "czytaj także", "czytaj też", "komentarze", "podobne artykuły", "lees ook", "reacties",
    ])

    /// Labels that head contact details and source lists when they are the whole line (an
    /// optional colon aside): "Kontakt:", "Weitere Informationen", "Sources". A heading that
    /// only starts with such a word ("Contact lenses explained") heads content.
    private static let labels: Set<[UInt8]> = Set([
        "kontakt", "contact", "pressekontakt", "press contact", "media contact", "ansprechpartner",
        "ansprechpartnerin", "weitere informationen", "mehr informationen", "further information",
        "more information", "quelle", "quellen", "quellenangaben", "source", "sources", "bildquellen",
        "image sources", "credits",
    ].map { Array($0.utf8) })

    /// True when a heading (or a heading-like line), by its words, announces boilerplate.
    static func announcesBoilerplate(_ text: [UInt8]) -> Bool {
        guard text.count <= 80 else { return false }
        let lower = lowercased(text)
        var end = lower.count
        while end > 0, lower[end - 1] == 0x3A || lower[end - 1] == 0x20 { end -= 1 }
        if labels.contains(Array(lower[..<end])) { return true }
        return lower.withUnsafeBufferPointer { lower in
            announcements.firstMatch(in: lower) { start, _, _ in startsWord(lower, start) }
        }
    }

    /// ASCII and Latin-1 capitals made small, byte by byte (what the phrases need).
    private static func lowercased(_ text: [UInt8]) -> [UInt8] {
        var lower = text
        var i = 0
        while i < lower.count {
            let byte = lower[i]
            if byte >= 0x41 && byte <= 0x5A {
                lower[i] = byte | 0x20
            } else if byte == 0xC3, i + 1 < lower.count, lower[i + 1] >= 0x80, lower[i + 1] <= 0x9E, lower[i + 1] != 0x97 {
                lower[i + 1] += 0x20
                i += 1
            }
            i += 1
        }
        return lower
    }

    /// Letters and digits, ASCII or not (any byte of a multi-byte character counts).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    /// True when a match starts a word ("teilen", not "verteilen").
    private static func startsWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        start == 0 || !isWordByte(text[start - 1]) || !isWordByte(text[start])
    }
}
