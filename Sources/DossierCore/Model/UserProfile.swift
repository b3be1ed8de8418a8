import Foundation

/// The `[me]` table: the user, for the "You" section of a dossier.
///
/// `goals` and `career_goals` may be written as one string or as an array of strings.
public struct UserProfile: Sendable, Equatable {
    public var name: String?
    /// What the user wants from informational interviews in general.
    public var goals: [String]
    public var careerGoals: [String]
    /// A short summary of the user's background, for practising "tell me about yourself".
    public var background: String?

    public init(name: String? = nil, goals: [String] = [], careerGoals: [String] = [], background: String? = nil) {
        self.name = name
        self.goals = goals
        self.careerGoals = careerGoals
        self.background = background
    }
}
