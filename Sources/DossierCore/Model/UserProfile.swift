import Foundation

/// The `[me]` table: the user, for the "You" section of a dossier and the common ground it
/// can prove.
///
/// `goals` and `career_goals` may be written as one string or as an array of strings.
public struct UserProfile: Sendable, Equatable {
    public var name: String?
    /// What the user wants from informational interviews in general.
    public var goals: [String]
    public var careerGoals: [String]
    /// A short summary of the user's background, for practising "tell me about yourself".
    public var background: String?
    /// Schools, employers and places of the user's own life, matched against the person's.
    public var schools: [String]
    public var employers: [String]
    public var places: [String]
    public var interests: [String]

    public init(name: String? = nil, goals: [String] = [], careerGoals: [String] = [], background: String? = nil,
                schools: [String] = [], employers: [String] = [], places: [String] = [], interests: [String] = []) {
        self.name = name
        self.goals = goals
        self.careerGoals = careerGoals
        self.background = background
        self.schools = schools
        self.employers = employers
        self.places = places
        self.interests = interests
    }
}
