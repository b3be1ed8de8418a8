import CHTMLShim

/// The version of the libxml2 loaded at run time.
public enum LibXMLVersion {
    /// Dotted, e.g. `2.9.14`.
    public static var loaded: String { dotted(String(cString: dossier_libxml_version())) }

    /// libxml2's `MMmmpp` number (`20914`) written as `2.9.14`; other text is returned as it is.
    static func dotted(_ number: String) -> String {
        let digits = number.prefix { $0.isASCII && $0.isNumber }
        guard let value = Int(digits), value > 0 else { return number }
        return "\(value / 10_000).\(value / 100 % 100).\(value % 100)"
    }
}
