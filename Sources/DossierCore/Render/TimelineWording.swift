import Foundation

/// Plain-text wording shared by the renderers.
enum TimelineWording {
    /// The wording of each kind of fact dossier names itself.
    static let labels: [FactKind: String] = [
        .employer: "Worked at", .position: "Position", .education: "Studied at", .inception: "Founded",
        .headquarters: "Headquarters", .address: "Address", .industry: "Industry", .ceo: "CEO", .employees: "Employees",
        .website: "Website", .foundedBy: "Founded by", .award: "Award", .birthDate: "Born",
        .birthplace: "Born in", .occupation: "Occupation", .field: "Field", .memberOf: "Member of",
        .degree: "Degree", .affiliation: "Affiliation", .notableWork: "Known for",
        .profileCompany: "Company (their profile)", .location: "Based in",
    ]

    static func line(_ entry: TimelineEntry) -> String {
        // A street address is for the map, not the page: its town says where the company is.
        if entry.kind == .address, let town = PostalAddress.town(in: entry.value) { return "Based in " + town }
        let label = labels[entry.kind] ?? entry.kindLabel.map(capitalizedFirst) ?? entry.kind.rawValue
        var line = "\(label): \(entry.value)"
        switch (entry.start, entry.end) {
        case let (start?, end?): line += " (\(start) – \(end))"
        case let (start?, nil): line += " (since \(start))"
        case let (nil, end?): line += " (until \(end))"
        default: if let moment = entry.pointInTime { line += " (\(moment))" }
        }
        return line
    }

    private static func capitalizedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}

/// How a cited source's dates read, the same in every format.
enum SourceWording {
    /// "2019-05-01", "2004-08-18, updated 2024-06-07", "updated 2024-06-07", or nil.
    static func dates(_ source: CitedSource) -> String? {
        switch (source.published, source.updated) {
        case let (published?, updated?): "\(published), updated \(updated)"
        case let (published?, nil): published
        case let (nil, updated?): "updated \(updated)"
        case (nil, nil): nil
        }
    }
}
