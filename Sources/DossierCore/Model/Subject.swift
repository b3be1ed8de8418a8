import Foundation

/// Who a dossier is about, as the user named them.
public struct Subject: Sendable, Equatable, Codable {
    public var name: String
    public var company: String?
    public var domain: String?
    /// Extra pages the user wants included (`--url`).
    public var extraURLs: [String]

    public init(name: String, company: String? = nil, domain: String? = nil, extraURLs: [String] = []) {
        self.name = name
        self.company = company
        self.domain = domain
        self.extraURLs = extraURLs
    }
}
