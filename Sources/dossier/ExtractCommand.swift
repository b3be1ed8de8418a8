import ArgumentParser

/// Placeholder until the extraction stage lands.
struct ExtractCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "extract", abstract: "Extract main text and metadata from pages.")
    func run() async throws {}
}
