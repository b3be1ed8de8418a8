import ArgumentParser

/// Placeholder until the fetcher lands.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Fetch pages.")
    func run() async throws {}
}
