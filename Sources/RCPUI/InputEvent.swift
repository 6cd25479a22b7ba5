/// A key, independent of any terminal library.
public enum Key: Sendable, Hashable {
    case character(Character)
    case ctrl(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case function(Int)
}

/// A mouse action at a cell.
public enum MouseAction: Sendable, Hashable {
    case press, release, wheelUp, wheelDown
}

/// Everything the reducer reacts to.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case mouse(MouseAction, x: Int, y: Int)
    case resize(width: Int, height: Int)
}

/// What the reducer asks the outside world to do; the backend carries these out.
public enum Effect: Sendable, Hashable {
    case quit
    /// Put text on the clipboard (OSC 52).
    case copyToClipboard(String)
    case setMouseCapture(Bool)
}
