import Foundation

/// Folder names for people: lowercase letters and digits of any script, words joined by
/// hyphens. No separator, dot or control character survives, so a slug can never leave
/// the output folder (`../../etc` becomes `etc`).
public enum Slug {
    public static func make(_ name: String) -> String {
        var slug = ""
        var pendingHyphen = false
        for character in name.folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil).lowercased() {
            if character.isLetter || character.isNumber {
                if pendingHyphen && !slug.isEmpty { slug.append("-") }
                slug.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
            if slug.count >= 80 { break }
        }
        if slug.isEmpty {
            var hash: UInt32 = 2_166_136_261
            for byte in name.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            slug = "person-" + String(hash, radix: 16)
        }
        return slug
    }
}
