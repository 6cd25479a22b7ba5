import RCPCore

/// What a person typed, as a message may quote it: control characters made visible and anything longer than
/// 60 characters cut to a marked excerpt that says how long the whole was (`DisplayText.excerpt`).
func echo(_ input: String) -> String {
    DisplayText.excerpt(input, limit: 60, ascii: !Console.utf8Output)
}
