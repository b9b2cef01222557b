/* agents-ui/nav.h - what the console's keys do: which call the agent console
 * shows; on the supervisor wall, the selected call or alert, the drill-down into
 * the selected call's timeline and its scrolling.
 *
 * Pure: ui_nav_key() reads a ui_state and changes a ui_nav; the driver does what
 * it answers (quit, send an ack). The wall selects the top row (the riskiest
 * call) until a key moves the selection; from then on it follows that call by
 * its id, so it stays on it while the ranking reorders the rows. Key codes
 * are characters or ncurses' KEY_* values. Not thread-safe: the console's loop.
 */
#ifndef AGENTS_UI_NAV_H
#define AGENTS_UI_NAV_H

#include <stdbool.h>
#include <stdint.h>

#include "agents-ui/state.h"

#define UI_NAV_NONE_SELECTED UINT32_MAX

typedef enum ui_nav_action {
    UI_NAV_NONE = 0,
    UI_NAV_QUIT = 1,
    UI_NAV_ACK = 2, /* acknowledge the alert whose index ui_nav_key wrote */
} ui_nav_action;

typedef enum ui_focus {
    UI_FOCUS_CALLS = 0, /* up/down move among the ranked calls */
    UI_FOCUS_ALERTS = 1,
} ui_focus;

typedef struct ui_nav {
    ui_role role;
    uint32_t agent_call; /* agent console: index of the call shown (tab: the next) */
    ui_focus focus;      /* wall: the list up/down move in */
    bool chosen;         /* wall: a key chose the call; until then the top row is selected */
    char call[PROTO_MAX_ID_BYTES + 1]; /* wall: the selected call ("" until there is one) */
    uint32_t row;                      /* wall: its row when last seen (if it disappears) */
    uint32_t alert;                    /* wall: the selected alert, 0 = newest */
    bool detail;                       /* wall: the selected call's timeline is open */
    bool open_when_seen;               /* wall: open call's timeline once it is known */
    uint32_t scroll;                   /* timeline: entries hidden below, 0 = newest shown */
    uint32_t page;                     /* timeline: entries that fit on screen (ui_nav_settle) */
} ui_nav;

void ui_nav_init(ui_nav *nav, ui_role role);

/* Selects call and opens its timeline, at once or, when the console does not
 * know the call yet, as soon as it does (unless a key comes first). */
void ui_nav_open(ui_nav *nav, const char *call);

/* Applies one key: q quits (or, in the timeline, returns to the wall, as do Esc
 * and Backspace); up/down or k/j move the selection or scroll the timeline; tab
 * switches between calls and alerts (the agent's next call); Enter opens the
 * selected call's timeline (or the selected alert's call); a acknowledges. For
 * UI_NAV_ACK, *ack_index is the alert to acknowledge. */
ui_nav_action ui_nav_key(ui_nav *nav, const ui_state *s, int key, uint32_t *ack_index);

/* Keeps the selection valid after the state changed (calls came, moved or were
 * dropped) and sets the timeline's page (entries that fit); call before drawing. */
void ui_nav_settle(ui_nav *nav, const ui_state *s, uint32_t page);

/* The wall's selected row in ui_state_ranked() order, or UI_NAV_NONE_SELECTED. */
uint32_t ui_nav_row(const ui_nav *nav, const ui_state *s);

/* The call whose timeline is open, or NULL on the wall and the agent console. */
const ui_call *ui_nav_detail(const ui_nav *nav, const ui_state *s);

/* The alert 'a' acknowledges now, or UI_NAV_NONE_SELECTED: the selected alert
 * when the alerts have the focus, otherwise the selected (or open) call's newest
 * unacknowledged alert. */
uint32_t ui_nav_ack_target(const ui_nav *nav, const ui_state *s);

#endif /* AGENTS_UI_NAV_H */
