import DossierSettings
import Foundation

/// Whether a loaded source will be asked, and if not, why: shown by `dossier sources list` and
/// obeyed by discovery.
public enum SourceAvailability: Sendable, Equatable {
    case enabled
    /// The reason reads as a short phrase, e.g. `BRAVE_API_KEY is not set`.
    case disabled(reason: String)

    public var isEnabled: Bool { self == .enabled }

    /// Disabled when its file says `enabled = false`, its API key's variable is unset or empty, it
    /// needs a SearXNG instance that `search` lacks or cannot use, or its manual file is missing.
    static func of(
        _ definition: SourceDefinition, environment: [String: String], search: SearchSettings
    ) -> SourceAvailability {
        if !definition.isEnabled { return .disabled(reason: "enabled = false") }
        if let variable = definition.keyEnvironmentVariable, definition.apiKey(in: environment) == nil {
            return .disabled(reason: "\(variable) is not set")
        }
        if definition.requiredValues.contains(.searxng) {
            guard let instance = search.searxngURL else {
                return .disabled(reason: "no SearXNG instance: set [search] searxng in config.toml")
            }
            if URLTemplate.baseURL(instance) == nil {
                return .disabled(reason: "[search] searxng is not an http(s) URL with a host and no query")
            }
        }
        if case .file(let file) = definition.input, !FileManager.default.fileExists(atPath: file.path(percentEncoded: false)) {
            return .disabled(reason: "no file \(file.path(percentEncoded: false))")
        }
        return .enabled
    }
}
