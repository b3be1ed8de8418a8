#if canImport(Glibc)
import Glibc
#endif

/// Why the server could not start: a failed system call and its `errno`.
public enum LoopbackServerError: Error, Equatable, CustomStringConvertible {
    case system(operation: String, errno: Int32)

    public var description: String {
        switch self {
        case .system(let operation, let code): "\(operation) failed: \(String(cString: strerror(code)))"
        }
    }
}
