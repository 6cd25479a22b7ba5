import RCPCore
import RCPUI

struct FakeChecklistBackend {
    mutating func startupEvent(_ name: String) -> InputEvent? { nil }
    mutating func answer(_ effect: Effect) -> [InputEvent] { [] }
}
