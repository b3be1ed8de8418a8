/// A person's name as typed on the command line, checked before it names a dossier or a meeting.
public enum NameInput {
    /// The name with its runs of whitespace (line breaks included) made single spaces.
    public static func cleaned(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A usage error (exit 64) for an empty name, one over 200 characters, or one holding control or
    /// text-direction characters.
    public static func validate(_ name: String) throws(AppError) {
        let trimmed = cleaned(name)
        guard !trimmed.isEmpty else { throw AppError(.usage, "the name is empty") }
        guard trimmed.count <= 200 else { throw AppError(.usage, "the name is longer than 200 characters") }
        guard !trimmed.unicodeScalars.contains(where: { scalar in
            scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }) else {
            throw AppError(.usage, "the name contains control or text-direction characters")
        }
    }
}
