/// The User-Agent dossier sends, in the form Wikimedia's User-Agent policy asks of API clients
/// (and the other services accept): `dossier/<version> (<contact>) libcurl/<version>`. The contact
/// is the user's `[network] contact` (an e-mail address or a URL where they can be reached); without
/// one it is left out, never invented, and the first build and `dossier doctor` say how to add it.
public enum UserAgent {
    /// The product token robots.txt groups are matched against.
    public static let productToken = "dossier"

    /// Where the contact goes and why, for the hint shown when none is set.
    public static let contactAdvice = """
        no contact in the User-Agent. Wikimedia (Wikipedia, Wikidata) asks every API client to name \
        one and may block clients without; other services use it to reach you instead of blocking. \
        Add it to config.toml:
          [network]
          contact = "you@example.org"   # or a URL where you can be reached
        """

    /// The libcurl this process uses, named as the library the policy asks for.
    private static let library = "libcurl/\(CurlLibrary.loaded().version)"

    /// Control characters in `contact` are dropped, surrounding whitespace trimmed, and a
    /// `mailto:` or `+` prefix taken off (the policy asks for the address itself), so the result is
    /// always a single valid header value; an empty contact is left out.
    public static func string(version: String, contact: String?) -> String {
        let product = "\(productToken)/\(version)"
        guard let cleaned = cleanedContact(contact) else { return "\(product) \(library)" }
        return "\(product) (\(cleaned)) \(library)"
    }

    /// The contact as it is sent, or nil when there is none.
    public static func cleanedContact(_ contact: String?) -> String? {
        var cleaned = ""
        cleaned.unicodeScalars.append(
            contentsOf: (contact ?? "").unicodeScalars.filter { $0.properties.generalCategory != .control })
        var trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        for prefix in ["+", "mailto:"] where trimmed.lowercased().hasPrefix(prefix) {
            trimmed = String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
        }
        // Parentheses would end the comment the contact stands in.
        trimmed = trimmed.replacingOccurrences(of: "(", with: "").replacingOccurrences(of: ")", with: "")
        return trimmed.isEmpty ? nil : trimmed
    }
}
