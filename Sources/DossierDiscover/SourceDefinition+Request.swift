import DossierFetch

extension SourceDefinition {
    /// The source's headers for `values` (`Name: value`); one whose value is unknown is left out.
    public func expandedHeaders(_ values: TemplateValues) -> [String] {
        headers.compactMap { header in header.value.expand(values).map { "\(header.name): \($0)" } }
    }

    /// The request for the source's own endpoint at `url`: its headers, its rate, and robots.txt
    /// obeyed unless the source calls an API by design.
    public func request(for url: String, headers: [String]) -> FetchRequest {
        FetchRequest(
            url: url, headers: headers, robots: robots == .api ? .api : .obey,
            minimumInterval: minimumInterval > 0 ? .milliseconds(Int(minimumInterval * 1000)) : nil
        )
    }
}
