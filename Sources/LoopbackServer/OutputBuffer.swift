/// Gathers a response's bytes so they leave in large writes: a small page goes out, head and
/// body together, in one `send`.
struct OutputBuffer {
    static let flushThreshold = 262_144

    private var bytes: [UInt8] = []

    var isFull: Bool { bytes.count >= Self.flushThreshold }

    mutating func append(_ more: some Collection<UInt8>) {
        bytes.append(contentsOf: more)
    }

    mutating func flush(to socket: Socket) throws {
        guard !bytes.isEmpty else { return }
        try bytes.withUnsafeBytes { buffer in try socket.sendAll(buffer) }
        bytes.removeAll(keepingCapacity: true)
    }
}
