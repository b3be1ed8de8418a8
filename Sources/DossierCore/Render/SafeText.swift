/// Text from the web made safe to print in any format: bidirectional overrides and control
/// characters dropped (they could disguise text), line breaks and tabs made spaces. Each
/// format adds its own escapes through `escape`, which returns the replacement for a scalar
/// or nil to keep it.
enum SafeText {
    static func map(_ text: String, escape: (Unicode.Scalar) -> String? = { _ in nil }) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{202A}"..."\u{202E}", "\u{2066}"..."\u{2069}": continue
            case "\n", "\r", "\t", "\u{2028}", "\u{2029}": out += " "
            default:
                if let escaped = escape(scalar) {
                    out += escaped
                } else if scalar.properties.generalCategory != .control {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
