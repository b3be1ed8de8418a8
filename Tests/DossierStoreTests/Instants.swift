import Foundation

/// A fixed instant with whole seconds, which survives the store's millisecond date precision.
func instant(_ secondsAfterBase: TimeInterval = 0) -> Date {
    Date(timeIntervalSince1970: 1_780_000_000 + secondsAfterBase)
}
