/// `dossier-testserver` arguments: `--pages N --page-size N [--port N]`.
struct Options {
    static let usage = """
        usage: dossier-testserver --pages N --page-size BYTES [--port PORT]

        Serves GET /page/1 … /page/N on 127.0.0.1 (any Host), each a deterministic HTML page of
        BYTES bytes (text/html; charset=utf-8); everything else, /robots.txt included, is a 404.
        Prints "listening on http://127.0.0.1:PORT" and serves until SIGTERM, SIGINT or end of stdin.
        PORT 0 or no --port: the kernel picks one.
        """

    struct Invalid: Error {
        let message: String
    }

    var pages: Int
    var pageSize: Int
    var port: UInt16 = 0

    init(arguments: [String]) throws(Invalid) {
        var values: [String: String] = [:]
        var remaining = arguments[...]
        while let name = remaining.popFirst() {
            guard ["--pages", "--page-size", "--port"].contains(name) else { throw Invalid(message: "unknown argument \(name)") }
            guard let value = remaining.popFirst() else { throw Invalid(message: "\(name) needs a value") }
            values[name] = value
        }
        guard let pages = values["--pages"].flatMap({ Int($0) }), pages > 0 else {
            throw Invalid(message: "--pages needs a positive integer")
        }
        guard let pageSize = values["--page-size"].flatMap({ Int($0) }), pageSize > 0 else {
            throw Invalid(message: "--page-size needs a positive integer")
        }
        self.pages = pages
        self.pageSize = pageSize
        if let port = values["--port"] {
            guard let number = UInt16(port) else { throw Invalid(message: "--port needs a number in 0...65535") }
            self.port = number
        }
    }
}
