import Foundation

/// The paper a dossier is printed on. The layout fits two pages of either; the choice sets the
/// HTML's page size, so a browser or Chromium prints on it without asking.
public enum PaperSize: String, Sendable, CaseIterable, Codable {
    case a4
    case letter

    /// The CSS `@page` size.
    var css: String {
        switch self {
        case .a4: "A4"
        case .letter: "letter"
        }
    }

    /// Letter where the locale's paper is Letter (the United States, Canada, Mexico, the
    /// Philippines and a few others), A4 elsewhere; read from `LC_ALL`, then `LC_PAPER`, then `LANG`,
    /// the order POSIX gives them.
    public static func fromLocale(_ environment: [String: String]) -> PaperSize {
        let locale = ["LC_ALL", "LC_PAPER", "LANG"].compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let region = locale.split(separator: ".").first?.split(separator: "_").dropFirst().first.map(String.init) ?? ""
        return ["US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "SV", "CR", "PA"].contains(region.uppercased()) ? .letter : .a4
    }
}
