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

#endif
