import DossierCore
@testable import DossierSettings
import DossierTestSupport
import Foundation
import Testing

@Suite("summary banks")
struct SummaryBanksTests {
    private let shipped = SharedWorkspace.repository.appendingPathComponent("Banks.d", isDirectory: true)

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("banks-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test("the shipped banks load: questions on every topic, generic backups, the routine and practice questions")
    func shippedBanks() throws {
        let banks = try BankFiles.load(shippedDirectory: shipped, userDirectory: nil)
        let topics = Set(banks.questions.map(\.topic))
        #expect(topics == Set(QuestionTopic.allCases))
        #expect(banks.questions.filter { $0.fills == nil }.count >= 6)
        // Every slot of every template is one its kind of fact fills.
        for question in banks.questions {
            let allowed = question.fills.map(\.placeholders) ?? QuestionFill.alwaysFilled
            #expect(Set(SummaryBanks.placeholders(in: question.text)).isSubset(of: allowed), "\(question.text)")
        }
        #expect(banks.avoid.contains("salary"))
        #expect(banks.checklist.count == 7)
        #expect(!banks.practice.isEmpty)
    }

    @Test("a file in the user's banks folder replaces the shipped one of the same name")
    func userOverride() throws {
        let user = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user) }
        try "questions = [\"Why this field?\"]\n".write(to: user.appendingPathComponent("practice.toml"), atomically: true, encoding: .utf8)
        let banks = try BankFiles.load(shippedDirectory: shipped, userDirectory: user)
        #expect(banks.practice == ["Why this field?"])
        #expect(banks.checklist.count == 7)
    }

    @Test("an unknown placeholder, kind or topic is an error naming the file and line")
    func unknownPlaceholder() throws {
        let user = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user) }
        let file = user.appendingPathComponent("questions.toml")
        try """
        [[question]]
        topic = "career"
        text = "Fine?"

        [[question]]
        topic = "career"
        fills = "joined"
        text = "How was {employer}?"
        """.write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try BankFiles.load(shippedDirectory: nil, userDirectory: user)
        } throws: { error in
            let error = error as? SourceLoadError
            return error?.line == 5 && error?.message.contains("{employer}") == true && error?.file == file
        }
        try "[[question]]\ntopic = \"career\"\nfills = \"salary\"\ntext = \"x\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect(throws: SourceLoadError.self) { try BankFiles.load(shippedDirectory: nil, userDirectory: user) }
        // A slot its kind of fact does not fill: a school in a question about a founding.
        try "[[question]]\ntopic = \"career\"\nfills = \"founded\"\ntext = \"How was {school}?\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try BankFiles.load(shippedDirectory: nil, userDirectory: user)
        } throws: { error in
            (error as? SourceLoadError)?.message.contains("{school} is not filled by a fact of kind `founded`") == true
        }
        try "[[question]]\ntopic = \"gossip\"\ntext = \"x\"\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try BankFiles.load(shippedDirectory: nil, userDirectory: user)
        } throws: { error in
            (error as? SourceLoadError)?.message.contains("unknown topic `gossip`; expected one of \"opening\"") == true
        }
    }

    @Test("malformed TOML is an error with its line; a missing folder gives empty banks")
    func malformed() throws {
        let user = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: user) }
        try "questions = [\n\"unclosed\"\n".write(to: user.appendingPathComponent("practice.toml"), atomically: true, encoding: .utf8)
        #expect(throws: SourceLoadError.self) { try BankFiles.load(shippedDirectory: nil, userDirectory: user) }
        let empty = try BankFiles.load(shippedDirectory: user.appendingPathComponent("missing"), userDirectory: nil)
        #expect(empty == SummaryBanks())
    }
}
