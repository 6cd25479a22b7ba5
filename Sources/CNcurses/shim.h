#ifndef RCPX_CNCURSES_SHIM_H
#define RCPX_CNCURSES_SHIM_H

// SwiftPM drops -D_XOPEN_SOURCE from pkg-config, so turn the wide-character API on here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Globals Swift 6 refuses to touch directly, and macros Swift cannot import.
static inline WINDOW *rcpx_stdscr(void) { return stdscr; }
static inline int rcpx_lines(void) { return LINES; }
static inline int rcpx_cols(void) { return COLS; }
static inline attr_t rcpx_a_bold(void) { return A_BOLD; }
static inline attr_t rcpx_a_reverse(void) { return A_REVERSE; }
static inline attr_t rcpx_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rcpx_a_dim(void) { return A_DIM; }
static inline attr_t rcpx_a_italic(void) { return A_ITALIC; }
static inline int rcpx_key_f(int n) { return KEY_F(n); }
static inline mmask_t rcpx_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t rcpx_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t rcpx_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t rcpx_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t rcpx_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t rcpx_button5_pressed(void) { return BUTTON5_PRESSED; }
int wcwidth(wchar_t c);

// Locale: the codeset of LC_CTYPE ("UTF-8", "ANSI_X3.4-1968", ...).
static inline const char *rcpx_codeset(void) { return nl_langinfo(CODESET); }

// Standard streams for newterm (glibc's `stdin`/`stdout` are mutable globals Swift 6 will not touch).
static inline FILE *rcpx_stdin(void) { return stdin; }
static inline FILE *rcpx_stdout(void) { return stdout; }
static inline WINDOW *rcpx_curscr(void) { return curscr; }
static inline int rcpx_colors(void) { return COLORS; }
static inline int rcpx_color_pairs(void) { return COLOR_PAIRS; }

// Writes a terminfo string straight to standard output (its padding expanded by tputs), a byte at a time, ahead
// of whatever ncurses holds in its own buffer: putp's bytes were lost when written between endwin and the next
// refresh. For the few bytes sent at start and after a suspend.
static inline int rcpx_write_byte(int c) {
    char b = (char)c;
    (void)!write(STDOUT_FILENO, &b, 1);
    return c;
}
static inline void rcpx_write_capability(const char *s) { tputs(s, 1, rcpx_write_byte); }

// The terminal's reset of the character set (terminfo `rmacs`: `ESC ( B` for xterm, SI for screen and tmux) rides
// on every attribute reset in `sgr0` and `sgr`, in case the alternate character set was on. rcpx never turns it on
// (its lines are Unicode or ASCII, never A_ALTCHARSET), so the reset is sent once here and taken out of those
// strings in the loaded entry: a few bytes less for each change of look. Returns how many strings changed.
static inline int rcpx_send_charset_reset_once(void) {
    const char *rmacs = tigetstr("rmacs");
    if (rmacs == NULL || rmacs == (char *)-1 || rmacs[0] == '\0') return 0;
    size_t n = strlen(rmacs);
    int changed = 0;
    char *sgr0 = tigetstr("sgr0");
    if (sgr0 != NULL && sgr0 != (char *)-1) {
        char *at = strstr(sgr0, rmacs);
        if (at != NULL) { memmove(at, at + n, strlen(at + n) + 1); changed++; }
    }
    char *sgr = tigetstr("sgr");
    if (sgr != NULL && sgr != (char *)-1) {
        // "%e<rmacs>%;": the else-branch of "%?%p9%t<smacs>%e<rmacs>%;" (p9 is A_ALTCHARSET).
        for (char *at = strstr(sgr, "%e"); at != NULL; at = strstr(at + 2, "%e")) {
            if (strncmp(at + 2, rmacs, n) == 0 && strncmp(at + 2 + n, "%;", 2) == 0) {
                memmove(at, at + 2 + n, strlen(at + 2 + n) + 1);
                changed++;
                break;
            }
        }
    }
    if (changed > 0) rcpx_write_capability(rmacs);
    return changed;
}

// Sends the terminal's reset of the character set again (back from a suspend: the shell may have left the
// alternate set on).
static inline void rcpx_send_charset_reset(void) {
    const char *rmacs = tigetstr("rmacs");
    if (rmacs != NULL && rmacs != (char *)-1) rcpx_write_capability(rmacs);
}

// From <term.h>, which is not included: its capability macros (`lines`, `columns`, `bell`, …) would leak.
struct term;
int setupterm(const char *term, int fd, int *errret);
struct term *set_curterm(struct term *term);
int del_curterm(struct term *term);

// Probes TERM without starting curses: 1 when the terminal is known and can address the cursor.
// Frees the terminfo entry again (newterm loads its own).
static inline int rcpx_probe_terminal(const char *term, int fd) {
    int err = 0;
    if (setupterm(term, fd, &err) != OK) return 0;
    char *cup = tigetstr("cup");
    int ok = cup != NULL && cup != (char *)-1;
    struct term *t = set_curterm(NULL);
    if (t != NULL) del_curterm(t);
    return ok;
}

// For tests that drive the explorer in a pseudo-terminal. The pty calls are hidden behind _XOPEN_SOURCE
// in <stdlib.h>, and ioctl is variadic: declared and wrapped here.
#include <sys/ioctl.h>
#include <fcntl.h>
int posix_openpt(int flags);
int grantpt(int fd);
int unlockpt(int fd);
char *ptsname(int fd);
/// Opens a new pseudo-terminal of `rows`×`cols`; returns the master (or -1) and the slave's path in `name`.
static inline int rcpx_open_pty(int rows, int cols, char *name, size_t size) {
    int m = posix_openpt(O_RDWR | O_NOCTTY);
    if (m < 0) return -1;
    const char *slave = (grantpt(m) == 0 && unlockpt(m) == 0) ? ptsname(m) : NULL;
    if (slave == NULL || strlen(slave) + 1 > size) { close(m); return -1; }
    strcpy(name, slave);
    struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
    ioctl(m, TIOCSWINSZ, &ws);
    return m;
}
/// glibc's POSIX_SPAWN_SETSID (declared only under _GNU_SOURCE).
static inline short rcpx_posix_spawn_setsid(void) { return 0x80; }

// Mouse masks (macros in curses.h).
static inline mmask_t rcpx_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t rcpx_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t rcpx_button3_pressed(void) { return BUTTON3_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t rcpx_wheel_mask(void) { return BUTTON4_PRESSED | BUTTON5_PRESSED; }
#else
static inline mmask_t rcpx_wheel_mask(void) { return BUTTON4_PRESSED; }
#endif
static inline mmask_t rcpx_explorer_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}

#endif
