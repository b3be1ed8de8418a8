import Foundation

/// Folder names for people: lowercase letters and digits of any script, words joined by
/// hyphens. No separator, dot or control character survives, so a slug can never leave
/// the output folder (`../../etc` becomes `etc`).
public enum Slug {
    public static func make(_ name: String) -> String {
        var slug = ""
        var pendingHyphen = false
        // Scalar by scalar: a Character's letter test looks at its first scalar only, so a
        // letter with a "/" joined to it would pass.
        for scalar in name.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
            if slug.unicodeScalars.count >= 80 { break }
        }
        if slug.isEmpty {
            slug = "person-" + FNV1a.hex(name)
        }
        return slug
    }
}
