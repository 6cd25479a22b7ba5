import RCPCore

// Checklist actions (issue 5). Filled in with the checklist UI.
extension AppState {
    /// Handles the checklist pane's own actions; nil when the action is for the pane's list.
    mutating func checklistAction(_ action: Action) -> [Effect]? { nil }

    mutating func commitPrompt(_ prompt: Prompt) -> [Effect] { [] }

    mutating func confirmed(_ confirmation: Confirmation) -> [Effect] { [] }

    mutating func picked(_ name: String) -> [Effect] { [] }

    mutating func handleBackendEvent(_ event: InputEvent) -> [Effect] { [] }
}
