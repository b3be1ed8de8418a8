@testable import dossier
import Testing

@Suite("terminal output")
struct TerminalTests {
    @Test("progress is redrawn in place only on a terminal, and never with NO_COLOR set or a dumb terminal")
    func redraw() {
        #expect(StandardError.redrawsInPlace(isTerminal: true, environment: ["TERM": "xterm"]))
        #expect(!StandardError.redrawsInPlace(isTerminal: false, environment: ["TERM": "xterm"]))
        #expect(!StandardError.redrawsInPlace(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": "1"]))
        #expect(StandardError.redrawsInPlace(isTerminal: true, environment: ["TERM": "xterm", "NO_COLOR": ""]))
        #expect(!StandardError.redrawsInPlace(isTerminal: true, environment: ["TERM": "dumb"]))
    }
}
