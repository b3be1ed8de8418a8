import Foundation
import LoopbackServer

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments == ["--help"] || arguments == ["-h"] {
    print(Options.usage)
    exit(0)
}
let options: Options
do {
    options = try Options(arguments: arguments)
} catch {
    FileHandle.standardError.write(Data("dossier-testserver: \(error.message)\n\n\(Options.usage)\n".utf8))
    exit(64)
}

let site = BenchmarkSite(pages: options.pages, pageSize: options.pageSize)
let server: LoopbackServer
do {
    server = try LoopbackServer(port: options.port, recordsRequests: false) { site.respond(to: $0) }
} catch {
    FileHandle.standardError.write(Data("dossier-testserver: \(error)\n".utf8))
    exit(1)
}

FileHandle.standardOutput.write(Data("listening on \(server.baseURL)\n".utf8))
waitForShutdownRequest()
server.stop()
exit(0)
