import DossierCore
import Foundation

/// Reads `Banks.d`: the shipped files beside `Sources.d`, each replaced by a file of the same name
/// in the user's `<config dir>/banks/`.
public enum BankFiles {
    /// The shipped `Banks.d` for a shipped `Sources.d` (its sibling).
    public static func shippedDirectory(besideSources sources: URL?) -> URL? {
        sources.map { $0.deletingLastPathComponent().appending(path: "Banks.d", directoryHint: .isDirectory) }
    }

    /// The banks for a shipped `Sources.d` and the user's config folder (`<config>/banks`).
    public static func load(besideSources sources: URL?, paths: DossierPaths) throws(SourceLoadError) -> SummaryBanks {
        try load(shippedDirectory: shippedDirectory(besideSources: sources),
                 userDirectory: paths.configDirectory.appending(path: "banks", directoryHint: .isDirectory))
    }

    /// Reads the banks, each from `userDirectory` when it has the file, else from
    /// `shippedDirectory`; a bank found in neither is empty. A malformed file or an unknown
    /// topic, kind or placeholder is an error naming the file and line.
    public static func load(shippedDirectory: URL?, userDirectory: URL?) throws(SourceLoadError) -> SummaryBanks {
        func file(_ name: String) -> URL? {
            [userDirectory, shippedDirectory].compactMap { $0?.appending(path: name, directoryHint: .notDirectory) }
                .first { FileManager.default.fileExists(atPath: $0.path(percentEncoded: false)) }
        }
        var banks = SummaryBanks()
        if let url = file("questions.toml") {
            let document = try SourceFile(contentsOf: url).document
            banks.avoid = try strings(document, "avoid", file: url).map(NameMatcher.fold)
            let tables = document["question"]?.arrayValue ?? []
            for (index, value) in tables.enumerated() {
                let line = document.line(at: ConfigKeyPath.root.appending("question").appending(index: index))
                guard let table = value.tableValue, let topicName = table["topic"]?.stringValue, let text = table["text"]?.stringValue else {
                    throw SourceLoadError(file: url, line: line, message: "question \(index + 1) needs a `topic` and a `text`")
                }
                guard let topic = QuestionTopic(rawValue: topicName) else {
                    throw SourceLoadError(file: url, line: line, message: "question \(index + 1): unknown topic `\(topicName)`; "
                        + "expected one of \(QuestionTopic.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", "))")
                }
                var fills: QuestionFill?
                if let name = table["fills"]?.stringValue {
                    guard let kind = QuestionFill(rawValue: name) else {
                        throw SourceLoadError(file: url, line: line, message: "question \(index + 1): unknown kind `\(name)` in `fills`")
                    }
                    fills = kind
                }
                for placeholder in SummaryBanks.placeholders(in: text) {
                    guard SummaryBanks.placeholders.contains(placeholder) else {
                        throw SourceLoadError(file: url, line: line, message: "question \(index + 1): unknown placeholder {\(placeholder)}")
                    }
                    // A slot is filled only by a value of its kind: a founding has no school.
                    guard (fills?.placeholders ?? QuestionFill.alwaysFilled).contains(placeholder) else {
                        let kind = fills.map { "a fact of kind `\($0.rawValue)`" } ?? "a generic question (no `fills`)"
                        throw SourceLoadError(file: url, line: line, message: "question \(index + 1): {\(placeholder)} is not filled by \(kind)")
                    }
                }
                banks.questions.append(QuestionTemplate(topic: topic, fills: fills, text: text))
            }
        }
        if let url = file("checklist.toml") {
            let document = try SourceFile(contentsOf: url).document
            for (index, value) in (document["step"]?.arrayValue ?? []).enumerated() {
                let line = document.line(at: ConfigKeyPath.root.appending("step").appending(index: index))
                guard let table = value.tableValue, let text = table["text"]?.stringValue else {
                    throw SourceLoadError(file: url, line: line, message: "step \(index + 1) needs a `text`")
                }
                guard let when = RoutineMoment(rawValue: table["when"]?.stringValue ?? "") else {
                    throw SourceLoadError(file: url, line: line, message: "step \(index + 1): `when` must be one of "
                        + RoutineMoment.allCases.map(\.rawValue).sorted().map { "\"\($0)\"" }.joined(separator: ", "))
                }
                for placeholder in SummaryBanks.placeholders(in: text) where placeholder != "via" {
                    throw SourceLoadError(file: url, line: line, message: "step \(index + 1): unknown placeholder {\(placeholder)}")
                }
                banks.checklist.append(RoutineStep(when: when, text: text))
            }
        }
        if let url = file("letters.toml") {
            let document = try SourceFile(contentsOf: url).document
            for kind in LetterTemplates.keys {
                guard let text = document[kind]?.stringValue else { continue }
                for placeholder in SummaryBanks.placeholders(in: text) where !SummaryBanks.letterPlaceholders.contains(placeholder) {
                    throw SourceLoadError(file: url, line: document.line(of: kind),
                                          message: "\(kind): unknown placeholder {\(placeholder)}")
                }
                banks.letters[kind] = text
            }
        }
        if let url = file("practice.toml") {
            banks.practice = try strings(SourceFile(contentsOf: url).document, "questions", file: url)
        }
        return banks
    }

    private static func strings(_ table: TOMLTable, _ key: String, file: URL) throws(SourceLoadError) -> [String] {
        guard let value = table[key] else { return [] }
        guard let array = value.arrayValue, case let strings = array.compactMap(\.stringValue), strings.count == array.count else {
            throw SourceLoadError(file: file, line: table.line(of: key), message: "`\(key)` must be an array of strings")
        }
        return strings
    }
}
