import Foundation
import GRDB

/// A build with everything its sources gave it, in the order they were recorded.
public struct BuildReport: Sendable, Equatable {
    public var build: BuildRecord
    public var outcomes: [SourceOutcomeRecord]
}

/// Builds and their per-source outcomes.
extension DossierStore {
    /// Records that a build for `personID` started at `date`; returns it with its id and `running` status.
    public func startBuild(personID: Int64, optionsJSON: String = "{}", at date: Date) throws -> BuildRecord {
        try write("start a build for person \(personID)") { db in
            var build = BuildRecord(personID: personID, startedAt: date, optionsJSON: optionsJSON)
            try build.insert(db)
            return build
        }
    }

    /// Records, in one transaction, that build `id` ended at `date` with `status` and, when
    /// given, the dossier it wrote: either both are stored or neither.
    public func finishBuild(id: Int64, status: BuildRecord.Status, at date: Date, dossier: DossierVersionRecord? = nil) throws {
        try write("finish build \(id)") { db in
            guard var build = try BuildRecord.fetchOne(db, key: id) else {
                throw StoreError.database(operation: "finish build \(id)", path: path, reason: "no such build")
            }
            build.status = status
            build.finishedAt = date
            try build.update(db)
            try dossier?.save(db)
        }
    }

    /// Appends what the sources gave a build, in one transaction.
    public func recordOutcomes(_ outcomes: [SourceOutcomeRecord]) throws {
        try write("record \(outcomes.count) outcomes") { db in
            for var outcome in outcomes { try outcome.insert(db) }
        }
    }

    /// Appends what one source gave a build; returns it with its id.
    public func recordOutcome(_ outcome: SourceOutcomeRecord) throws -> SourceOutcomeRecord {
        try write("record outcome of \(outcome.sourceName) for build \(outcome.buildID)") { db in
            var outcome = outcome
            try outcome.insert(db)
            return outcome
        }
    }

    /// The most recently started build of a person, with its outcomes; `nil` if it was never built.
    public func latestBuild(ofPerson personID: Int64) throws -> BuildReport? {
        try read("load latest build of person \(personID)") { db in
            guard let build = try BuildRecord
                .filter(Column("personID") == personID)
                .order(Column("startedAt").desc, Column("id").desc)
                .fetchOne(db),
                let buildID = build.id
            else { return nil }
            let outcomes = try SourceOutcomeRecord
                .filter(Column("buildID") == buildID)
                .order(Column("id"))
                .fetchAll(db)
            return BuildReport(build: build, outcomes: outcomes)
        }
    }
}
