import Foundation
import Testing

/// The shell completions complete what each argument takes (issue 14, point 20).
@Suite("shell completions")
struct CompletionTests {
    func script(_ shell: String) throws -> String {
        let dossier = try DossierRun()
        defer { dossier.remove() }
        let result = try dossier(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.errors)")
        return result.output
    }

    /// The body of the bash function that completes `command` (`_dossier_meeting_import`).
    func bashFunction(_ command: String, in script: String) throws -> String {
        let start = try #require(script.range(of: "\(command)() {"))
        let end = script[start.upperBound...].range(of: "\n}\n")?.lowerBound ?? script.endIndex
        return String(script[start.upperBound..<end])
    }

    @Test("bash: files after meeting import (.ics) and extract, a PDF for --pdf, folders for --output, --out and --sources; the values of --backend and --format")
    func bash() throws {
        let script = try script("bash")
        #expect(try bashFunction("_dossier_meeting_import", in: script).contains("-fX '!*.@(ics)'"))
        #expect(try bashFunction("_dossier_extract", in: script).contains("__dossier_add_completions -f"))
        #expect(try bashFunction("_dossier_print", in: script).contains("-fX '!*.@(pdf)'"))
        for command in ["_dossier_build", "_dossier_demo"] {
            let function = try bashFunction(command, in: script)
            #expect(function.contains("'--output')\n        __dossier_add_completions -d"), "\(command)")
            #expect(function.contains("'md'$'\\n''html'$'\\n''json'$'\\n''txt'$'\\n''pdf'"), "\(command)")
        }
        #expect(try bashFunction("_dossier_extract", in: script).contains("'text'$'\\n''json'$'\\n''markdown'"))
        #expect(try bashFunction("_dossier_schedule_install", in: script).contains("'systemd'$'\\n''cron'$'\\n''launchd'"))
        #expect(try bashFunction("_dossier_fetch", in: script).contains("'--out')\n        __dossier_add_completions -d"))
    }

    @Test("zsh and fish know the same values")
    func zshAndFish() throws {
        for shell in ["zsh", "fish"] {
            let script = try script(shell)
            #expect(script.contains("systemd") && script.contains("launchd"), "\(shell)")
            #expect(script.contains("markdown") && script.contains("txt"), "\(shell)")
            #expect(script.contains("ics"), "\(shell)")
        }
    }
}
