#ifndef KEHU_CNCURSESW_SHIM_H
#define KEHU_CNCURSESW_SHIM_H
/* Wide-character ncurses needs these before any system header, or cchar_t,
   get_wch and add_wch stay hidden. */
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#include <langinfo.h>
#include <signal.h>
#include <termios.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <ncursesw/curses.h>

/* Macros and globals that Swift cannot import as they are. */
static inline WINDOW *kehu_stdscr(void) { return stdscr; }
static inline int kehu_colors(void) { return COLORS; }
static inline void kehu_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

/* stdin/stdout are C globals Swift 6 treats as unsafe shared state. */
static inline SCREEN *kehu_newterm(const char *type) { return newterm(type, stdout, stdin); }
/* The terminal's name as the session gives it; "" when unset. Only compared, never a path. */
static inline const char *kehu_term_name(void) { const char *t = getenv("TERM"); return t ? t : ""; }
/* terminfo's cursor address for row y, column x, or NULL when the terminal has none. */
static inline const char *kehu_cursor_address(int y, int x) {
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) return NULL;
    return tiparm(cup, y, x);
}
static inline const char *kehu_codeset(void) { return nl_langinfo(CODESET); }

/* Restoring the terminal after a crash: the modes and the "leave full screen" sequence
   are saved at start, and a fatal-signal handler puts them back with async-signal-safe
   calls only (tcsetattr, write), then lets the signal end the process as usual. */
struct kehu_crash_state {
    struct termios modes;
    int modes_valid;
    char leave[1024];   /* modes off, the usual tab stops back (~330 bytes), rmcup, cnorm, sgr0 */
    int leave_length;
    int real_stderr;     /* the terminal's stderr, kept aside while the screen is up */
    int held_stderr;     /* an in-memory file that takes what is written to stderr meanwhile */
};

/* One instance, behind a function: Swift gives header-level statics no storage. */
static inline struct kehu_crash_state *kehu_crash(void) {
    static struct kehu_crash_state state;
    return &state;
}

static inline void kehu_save_terminal(void) {
    if (tcgetattr(STDIN_FILENO, &kehu_crash()->modes) == 0) kehu_crash()->modes_valid = 1;
}

static inline void kehu_set_leave_sequence(const char *text) {
    size_t n = strlen(text);
    if (n >= sizeof kehu_crash()->leave) n = sizeof kehu_crash()->leave - 1;
    memcpy(kehu_crash()->leave, text, n);
    kehu_crash()->leave_length = (int)n;
}

/* While the screen is up, what is written to stderr (the Swift runtime's "Fatal error"
   report, a library's warning) would be drawn over the screen and lost when it is
   redrawn. It goes into an in-memory file instead, and is written out once the terminal
   is back: after the screen ends, before another program is given the terminal, or after
   a crash has restored it. */
static inline void kehu_hold_stderr(void) {
    struct kehu_crash_state *state = kehu_crash();
    if (state->held_stderr > 0) return;
    int held = (int)syscall(SYS_memfd_create, "kehu-stderr", 1u /* MFD_CLOEXEC */);
    if (held < 0) return;
    int real = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (real < 0 || dup2(held, STDERR_FILENO) < 0) { close(held); if (real >= 0) close(real); return; }
    state->real_stderr = real;
    state->held_stderr = held;
}

/* Async-signal-safe: dup2, lseek, read, write and close only. */
static inline void kehu_release_stderr(void) {
    struct kehu_crash_state *state = kehu_crash();
    if (state->held_stderr <= 0) return;
    dup2(state->real_stderr, STDERR_FILENO);
    lseek(state->held_stderr, 0, SEEK_SET);
    char chunk[4096];
    ssize_t n;
    while ((n = read(state->held_stderr, chunk, sizeof chunk)) > 0) {
        ssize_t ignored = write(STDERR_FILENO, chunk, (size_t)n); (void)ignored;
    }
    close(state->held_stderr);
    close(state->real_stderr);
    state->held_stderr = 0;
    state->real_stderr = 0;
}

static void kehu_fatal_signal(int sig) {
    struct kehu_crash_state *state = kehu_crash();
    if (state->leave_length > 0) { ssize_t ignored = write(STDOUT_FILENO, state->leave, (size_t)state->leave_length); (void)ignored; }
    if (state->modes_valid) tcsetattr(STDIN_FILENO, TCSANOW, &state->modes);
    kehu_release_stderr();
    signal(sig, SIG_DFL);
    raise(sig);
}

static inline void kehu_install_fatal_handlers(void) {
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], kehu_fatal_signal);
}

static inline void kehu_remove_fatal_handlers(void) {
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], SIG_DFL);
}

static inline const char *kehu_capability(const char *name) {
    char *value = tigetstr((char *)name);
    return (value == NULL || value == (char *)-1) ? "" : value;
}

#endif
