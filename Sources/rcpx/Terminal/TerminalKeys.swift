import CNcurses
import RCPUI

/// One thing `wget_wch` returned, already told apart.
enum TerminalInput: Equatable {
    case event(InputEvent)
    /// KEY_MOUSE: call `getmouse` for the details.
    case mouse
    /// KEY_RESIZE: `LINES`/`COLS` already hold the new size.
    case resize
    /// Ctrl-C as a key (raw mode turns off the terminal's own SIGINT): leave like SIGINT.
    case interrupt
    /// Ctrl-Z as a key: suspend.
    case suspend
    /// Ctrl-L: repaint the whole screen (something else wrote over it).
    case repaint
    /// Nothing we use (Ctrl-\, an unknown function key, a stray byte).
    case ignored
}

/// Turns what `wget_wch` returns into input for the reducer. Pure: tested without a terminal.
enum TerminalKeys {
    /// - Parameters:
    ///   - status: the return value of `wget_wch` (`OK` or `KEY_CODE_YES`).
    ///   - code: the character or key code it stored.
    ///   - utf8: whether the locale decodes UTF-8 (otherwise bytes ≥ 0x80 are not characters).
    static func decode(status: Int32, code: UInt32, utf8: Bool = true) -> TerminalInput {
        if status == KEY_CODE_YES { return decodeKeyCode(Int32(bitPattern: code)) }
        guard status == OK else { return .ignored }
        return decodeCharacter(code, utf8: utf8)
    }

    static func decodeCharacter(_ code: UInt32, utf8: Bool) -> TerminalInput {
        switch code {
        case 3: return .interrupt
        case 26: return .suspend
        case 12: return .repaint
        case 8, 127: return .event(.key(.backspace))
        case 9: return .event(.key(.tab))
        case 10, 13: return .event(.key(.enter))
        case 27: return .event(.key(.escape))
        case 1...26:
            // Ctrl-A … Ctrl-Z (minus the ones above, which the terminal sends for named keys).
            let letter = Character(Unicode.Scalar(UInt8(code) + 0x60))
            return .event(.key(.ctrl(letter)))
        case 0, 28...31: return .ignored  // Ctrl-@, Ctrl-\ … Ctrl-_
        case 0x80...0x9F: return .ignored  // C1 controls
        case 0x20..<0x7F:
            return .event(.key(.character(Character(Unicode.Scalar(UInt8(code))))))
        default:
            guard utf8, let scalar = Unicode.Scalar(code) else { return .ignored }
            return .event(.key(.character(Character(scalar))))
        }
    }

    static func decodeKeyCode(_ key: Int32) -> TerminalInput {
        switch key {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case KEY_UP: return .event(.key(.up))
        case KEY_DOWN: return .event(.key(.down))
        case KEY_LEFT: return .event(.key(.left))
        case KEY_RIGHT: return .event(.key(.right))
        case KEY_HOME, KEY_FIND, KEY_A1: return .event(.key(.home))
        case KEY_END, KEY_SELECT, KEY_C1, KEY_LL: return .event(.key(.end))
        case KEY_PPAGE, KEY_A3: return .event(.key(.pageUp))
        case KEY_NPAGE, KEY_C3: return .event(.key(.pageDown))
        case KEY_BTAB: return .event(.key(.backTab))
        case KEY_BACKSPACE: return .event(.key(.backspace))
        case KEY_DC: return .event(.key(.delete))
        case KEY_ENTER: return .event(.key(.enter))
        default:
            let f0 = rcpx_key_f(0)
            if key > f0 && key <= f0 + 24 { return .event(.key(.function(Int(key - f0)))) }
            return .ignored
        }
    }

    /// The reducer's mouse events for one `getmouse` report (a report may carry several button changes).
    ///
    /// `buttonDown` tracks the left button between reports: when a press and its release arrive in one
    /// read (a quick click over a slow link, or a test writing both at once), ncurses reports only the
    /// release — the press is put back in front of it.
    static func mouseEvents(buttonState: UInt, x: Int32, y: Int32, buttonDown: inout Bool) -> [InputEvent] {
        let x = Int(x), y = Int(y)
        var events: [InputEvent] = []
        let state = mmask_t(buttonState)
        if state & rcpx_button1_pressed() != 0 {
            events.append(.mouse(.press, x: x, y: y))
            buttonDown = true
        }
        if state & rcpx_button1_clicked() != 0 {
            events.append(.mouse(.press, x: x, y: y))
            events.append(.mouse(.release, x: x, y: y))
            buttonDown = false
        }
        if state & rcpx_button1_released() != 0 {
            if !buttonDown { events.append(.mouse(.press, x: x, y: y)) }
            events.append(.mouse(.release, x: x, y: y))
            buttonDown = false
        }
        if state & rcpx_button4_pressed() != 0 { events.append(.mouse(.wheelUp, x: x, y: y)) }
        if state & rcpx_button5_pressed() != 0 { events.append(.mouse(.wheelDown, x: x, y: y)) }
        return events
    }
}
