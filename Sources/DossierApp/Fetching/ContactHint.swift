import DossierFetch
import DossierSettings
import Foundation

/// When to say that no contact is set for the User-Agent: at the first build of a data folder
/// without one, once (`dossier doctor` says it every time it runs).
public enum ContactHint {
    /// Where the contact goes and why, for the user.
    public static var advice: String { UserAgent.contactAdvice }

    /// The file in the data folder that records the hint was given.
    static let markerName = "contact-hint-given"

    /// True when `config` names no contact and the hint was not given for this data folder yet;
    /// records that it is given now. A folder that cannot be written gets the hint every time.
    public static func isDue(config: DossierConfig, paths: DossierPaths) -> Bool {
        guard UserAgent.cleanedContact(config.network.contact) == nil else { return false }
        let marker = paths.dataDirectory.appendingPathComponent(markerName)
        guard !FileManager.default.fileExists(atPath: marker.path) else { return false }
        try? FileManager.default.createDirectory(at: paths.dataDirectory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: marker.path, contents: Data())
        return true
    }
}
