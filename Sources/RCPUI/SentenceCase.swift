extension String {
    /// The text with its first letter in upper case ("interested state" → "Interested state"),
    /// without Foundation (which would add milliseconds to every start of rcpx).
    var sentenceCased: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
