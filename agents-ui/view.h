/* agents-ui/view.h - drawing the consoles: one line per event (plain) or the
 * ncurses screens of the agent console, the supervisor wall and one call's
 * timeline (tui).
 *
 * Both only read a ui_state. Plain output goes to a FILE; the tui functions draw
 * on ncurses' stdscr, which the caller has initialised (ui_tui_begin) and owns.
 * Not thread-safe: one thread, the console's loop.
 */
#ifndef AGENTS_UI_VIEW_H
#define AGENTS_UI_VIEW_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "agents-ui/nav.h"
#include "agents-ui/state.h"

/* Prints one line for a visible change (ui_observer-compatible when arg is a FILE *). */
void ui_plain_event(void *out_file, const ui_change *change, const proto_msg *m);

/* One call's lines only: its timeline (and the snapshot, gap and restart lines). */
typedef struct ui_plain_filter {
    FILE *out;
    const char *call; /* borrowed; must outlive the observer */
} ui_plain_filter;
/* ui_plain_event for filter->call only (ui_observer-compatible, arg a ui_plain_filter *). */
void ui_plain_call_event(void *filter, const ui_change *change, const proto_msg *m);

/* What the screen shows beyond the state: the connection and the selection. */
typedef struct ui_view {
    ui_role role;
    const char *who;    /* agent id, or team ("all teams" when NULL) */
    const char *conn;   /* connection state word: "LIVE", "CONNECTING", "RESYNC", "NO DATA" */
    const ui_nav *nav;  /* the selection, the open timeline and its scrolling */
    const char *status; /* last action, e.g. "ack sent", or NULL */
} ui_view;

/* Starts ncurses (colours unless NO_COLOR is set or the terminal has none). */
void ui_tui_begin(void);
void ui_tui_end(void);
/* Draws the whole screen for view: the agent console, the supervisor wall, or
 * the timeline of the call view->nav has open. */
void ui_tui_draw(const ui_state *s, const ui_view *view);
/* Timeline entries that fit on the drill-down screen now (for ui_nav_settle). */
uint32_t ui_tui_timeline_rows(void);

#endif /* AGENTS_UI_VIEW_H */
