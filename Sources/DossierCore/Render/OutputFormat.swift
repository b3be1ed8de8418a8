import Foundation

/// A file format a build can write the dossier in; each goes to `dossier.<rawValue>`.
public enum OutputFormat: String, Sendable, CaseIterable {
    case md, html, json, txt, pdf

    /// What a build writes unless told otherwise.
    public static let defaults: [OutputFormat] = [.md, .html]

    /// The file name inside the person's folder.
    public var fileName: String { "dossier.\(rawValue)" }

    /// A format name that is not one of `OutputFormat.allCases`.
    public struct UnknownFormat: Error, Equatable, CustomStringConvertible {
        public let name: String

        public init(name: String) {
            self.name = name
        }

        public var description: String {
            "unknown format '\(name)' (choose from \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))"
        }
    }

    /// The formats named in `lists`, each a comma-separated list (`md,html`), in the
    /// canonical order of `allCases` and without repeats. Names are case-insensitive and
    /// may be padded with spaces; `markdown` and `text` are accepted for `md` and `txt`.
    public static func parse(_ lists: [String]) throws(UnknownFormat) -> [OutputFormat] {
        var chosen: Set<OutputFormat> = []
        for list in lists {
            for name in list.split(separator: ",", omittingEmptySubsequences: false) {
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                switch trimmed {
                case "markdown": chosen.insert(.md)
                case "text": chosen.insert(.txt)
                default:
                    guard let format = OutputFormat(rawValue: trimmed) else { throw UnknownFormat(name: String(name)) }
                    chosen.insert(format)
                }
            }
        }
        return allCases.filter(chosen.contains)
    }
}
