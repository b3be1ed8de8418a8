/// What a calendar or a user writes around a person's name that is not the name: honorifics and
/// titles ("Dr.", "Prof.", "Mme"), which must not become the name a dossier searches for, its
/// folder, or the first name a letter greets.
public enum PersonNames {
    /// Titles written before a name, lower-cased and without their full stop.
    private static let honorifics: Set<String> = [
        "dr", "prof", "professor", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "rev", "herr", "frau", "hr", "fr",
        "sr", "sra", "srta", "mme", "mlle", "dott", "dott.ssa", "ing", "mag", "doc", "dra",
    ]

    /// Whether `word` is an honorific ("Dr.", "prof", "Mme").
    public static func isHonorific(_ word: some StringProtocol) -> Bool {
        var word = word.lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        return honorifics.contains(word)
    }

    /// `name` without the honorifics it starts with ("Dr. María-José Ferreira" → "María-José
    /// Ferreira", "Prof. Dr. Jo Roe" → "Jo Roe"); a name that is only honorifics stays as it is.
    public static func withoutHonorifics(_ name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        guard let first = words.firstIndex(where: { !isHonorific($0) }), first > 0 else { return name }
        return words[first...].joined(separator: " ")
    }

    /// The first name to greet: the first word that is not an honorific.
    public static func firstName(of name: String) -> String {
        let words = name.split(whereSeparator: \.isWhitespace)
        return words.first { !isHonorific($0) }.map(String.init) ?? name
    }
}
