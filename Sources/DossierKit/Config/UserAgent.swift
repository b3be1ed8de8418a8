import Foundation

/// The User-Agent dossier sends: `dossier/<version>`, plus `(+<contact>)` when the user gave a contact,
/// so site owners can see who is fetching and how to reach them.
public enum UserAgent {
    /// The product token robots.txt groups are matched against.
    public static let productToken = "dossier"

    /// Control characters in `contact` are dropped and surrounding whitespace trimmed, so the result is
    /// always a single valid header value; an empty contact is left out.
    public static func string(contact: String?) -> String {
        let product = "\(productToken)/\(DossierVersion.current)"
        var cleaned = ""
        cleaned.unicodeScalars.append(
            contentsOf: (contact ?? "").unicodeScalars.filter { $0.properties.generalCategory != .control })
        let trimmed = cleaned.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? product : "\(product) (+\(trimmed))"
    }
}
