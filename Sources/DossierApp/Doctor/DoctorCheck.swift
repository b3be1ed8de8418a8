
/// One finding of `dossier doctor`: what was checked, how it stands, and how to fix it.
public struct DoctorCheck: Sendable, Equatable {
    /// How a check stands. Only ``broken`` makes `dossier doctor` fail.
    public enum Status: String, Sendable, Equatable {
        /// Works as it should.
        case ok
        /// Works, but something is missing or old (no PDF renderer, a stale refresh).
        case warning
        /// Stops a command the user needs (a config file that does not load, no CA bundle).
        case broken
    }

    /// A stable snake_case name, e.g. `libcurl` or `config`.
    public let name: String
    public let status: Status
    /// What was found, on one line.
    public let detail: String
    /// What to do about it; nil when the status is ``Status/ok``.
    public let fix: String?

    public init(name: String, status: Status, detail: String, fix: String? = nil) {
        self.name = name
        self.status = status
        self.detail = detail
        self.fix = fix
    }
}
