import DossierCore
import DossierStore
import Foundation

/// Everything a dossier is made from, as one hash: what discovery found (without fetch times
/// and timings), the subject, the meeting, the user's profile, the banks, the year (recency
/// counts years) and the build of dossier that summarizes. The summarizer is deterministic, so
/// equal hashes mean an equal dossier, and a refresh can skip summarizing and rendering.
public enum SummaryInputs {
    public static func fingerprint(discovery: DiscoveryResult, subject: Subject, meeting: MeetingContext?, profile: UserProfile,
                                   banks: SummaryBanks, at date: Date, program: String = programBuild) -> String {
        var discovery = discovery
        for index in discovery.documents.indices { discovery.documents[index].fetchedAt = Date(timeIntervalSince1970: 0) }
        // Only failures and skips reach the dossier; whether a page came fresh or as "not
        // modified" does not.
        discovery.outcomes = discovery.outcomes.filter { $0.kind == .failed || $0.kind == .skipped }
        for index in discovery.outcomes.indices { discovery.outcomes[index].seconds = 0 }
        let inputs = Inputs(
            discovery: discovery, subject: subject,
            meeting: meeting.map { [String($0.startsAt.timeIntervalSince1970), $0.timeZone.identifier, $0.via ?? "", $0.goal ?? "",
                                    $0.callBy ?? "", $0.held ? "held" : ""] },
            profile: [profile.name ?? ""] + profile.goals + ["|"] + profile.careerGoals + ["|", profile.background ?? ""],
            questions: banks.questions.map { [$0.topic.rawValue, $0.fills?.rawValue ?? "", $0.text] }, avoid: banks.avoid,
            checklist: banks.checklist.map { [$0.when.rawValue, $0.text] }, practice: banks.practice,
            year: Calendar(identifier: .gregorian).component(.year, from: date), version: DossierVersion.current,
            program: program
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .secondsSince1970
        return SHA256.hexDigest(of: (try? encoder.encode(inputs)) ?? Data())
    }

    private struct Inputs: Encodable {
        let discovery: DiscoveryResult
        let subject: Subject
        let meeting: [String]?
        let profile: [String]
        let questions: [[String]]
        let avoid: [String]
        let checklist: [[String]]
        let practice: [String]
        let year: Int
        let version: String
        let program: String
    }

    /// The build of the running program: its version, and the size and modification time of its
    /// executable. A rebuilt dossier with a changed summarizer keeps its version number until a
    /// release, so the version alone would let it reuse a summary an older build made.
    public static let programBuild: String = {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let path = FileManager.default.fileExists(atPath: executable.path) ? executable.path : (Bundle.main.executablePath ?? "")
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return DossierVersion.current }
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? 0
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(DossierVersion.current) \(size) \(Int64(modified))"
    }()
}
