/* agents-ui/nav.c - the console's keys (see nav.h). */
#include "agents-ui/nav.h"

#include <curses.h>
#include <string.h>

#define KEY_ESCAPE 27
#define KEY_DEL    127 /* what most terminals send for Backspace */
#define KEY_CTRL_H 8

static void select_call(ui_nav *nav, const ui_call *c, uint32_t row)
{
    size_t n = strlen(c->call);
    memcpy(nav->call, c->call, n + 1);
    nav->row = row;
}

uint32_t ui_nav_row(const ui_nav *nav, const ui_state *s)
{
    uint32_t ranked[UI_MAX_CALLS];
    uint32_t n = ui_state_ranked(s, ranked, UI_MAX_CALLS);
    if (n == 0) {
        return UI_NAV_NONE_SELECTED;
    }
    for (uint32_t i = 0; i < n && nav->chosen; i++) {
        if (strcmp(ui_state_call(s, ranked[i])->call, nav->call) == 0) {
            return i;
        }
    }
    if (!nav->chosen) {
        return 0;
    }
    /* gone: the row it was on, or the last one */
    return nav->row < n ? nav->row : n - 1;
}

const ui_call *ui_nav_detail(const ui_nav *nav, const ui_state *s)
{
    if (nav->role != UI_ROLE_SUPERVISOR || !nav->detail) {
        return NULL;
    }
    return ui_state_find(s, nav->call);
}

void ui_nav_init(ui_nav *nav, ui_role role)
{
    memset(nav, 0, sizeof *nav);
    nav->role = role;
    nav->page = 1;
}

void ui_nav_open(ui_nav *nav, const char *call)
{
    size_t n = strlen(call);
    n = n < sizeof nav->call - 1 ? n : sizeof nav->call - 1;
    memcpy(nav->call, call, n);
    nav->call[n] = '\0';
    nav->chosen = true;
    nav->open_when_seen = true;
    nav->scroll = 0;
}

void ui_nav_settle(ui_nav *nav, const ui_state *s, uint32_t page)
{
    nav->page = page > 0 ? page : 1;
    uint32_t n_calls = ui_state_n_calls(s);
    if (nav->role == UI_ROLE_AGENT) {
        if (n_calls > 0 && nav->agent_call >= n_calls) {
            nav->agent_call = n_calls - 1;
        }
        return;
    }
    uint32_t n_alerts = ui_state_n_alerts(s);
    if (n_alerts > 0 && nav->alert >= n_alerts) {
        nav->alert = n_alerts - 1;
    }
    if (nav->open_when_seen) {
        if (nav->role != UI_ROLE_SUPERVISOR || ui_state_find(s, nav->call) == NULL) {
            return; /* keep the wanted call's id until it shows up */
        }
        nav->open_when_seen = false;
        nav->detail = true;
    }
    if (nav->detail) {
        const ui_call *c = ui_state_find(s, nav->call);
        if (c == NULL) {
            nav->detail = false; /* the call was dropped: back to the wall */
        } else {
            uint32_t n = ui_call_n_events(c);
            uint32_t max = n > nav->page ? n - nav->page : 0;
            if (nav->scroll > max) {
                nav->scroll = max;
            }
            return;
        }
    }
    uint32_t row = ui_nav_row(nav, s);
    if (row == UI_NAV_NONE_SELECTED) {
        nav->call[0] = '\0';
        nav->row = 0;
        return;
    }
    uint32_t ranked[UI_MAX_CALLS];
    (void)ui_state_ranked(s, ranked, UI_MAX_CALLS);
    select_call(nav, ui_state_call(s, ranked[row]), row);
}

uint32_t ui_nav_ack_target(const ui_nav *nav, const ui_state *s)
{
    uint32_t n_alerts = ui_state_n_alerts(s);
    if (nav->role != UI_ROLE_SUPERVISOR || n_alerts == 0) {
        return UI_NAV_NONE_SELECTED;
    }
    if (nav->focus == UI_FOCUS_ALERTS && !nav->detail) {
        return nav->alert < n_alerts ? nav->alert : UI_NAV_NONE_SELECTED;
    }
    for (uint32_t i = 0; i < n_alerts; i++) { /* newest first */
        const ui_alert *a = ui_state_alert(s, i);
        if (!a->acked && strcmp(a->call, nav->call) == 0) {
            return i;
        }
    }
    return UI_NAV_NONE_SELECTED;
}

/* Moves the wall's call selection by delta rows (clamped). */
static void move_call(ui_nav *nav, const ui_state *s, int delta)
{
    uint32_t ranked[UI_MAX_CALLS];
    uint32_t n = ui_state_ranked(s, ranked, UI_MAX_CALLS);
    uint32_t row = ui_nav_row(nav, s);
    if (row == UI_NAV_NONE_SELECTED) {
        return;
    }
    nav->chosen = true;
    if (delta < 0 && row > 0) {
        row--;
    } else if (delta > 0 && row + 1 < n) {
        row++;
    }
    select_call(nav, ui_state_call(s, ranked[row]), row);
}

static ui_nav_action timeline_key(ui_nav *nav, const ui_state *s, int key, uint32_t *ack_index)
{
    const ui_call *c = ui_nav_detail(nav, s);
    uint32_t n = c != NULL ? ui_call_n_events(c) : 0;
    uint32_t max = n > nav->page ? n - nav->page : 0;
    switch (key) {
    case 'q':
    case 'Q':
    case KEY_ESCAPE:
    case KEY_BACKSPACE:
    case KEY_DEL:
    case KEY_CTRL_H:
    case KEY_LEFT:
        nav->detail = false;
        nav->scroll = 0;
        break;
    case KEY_UP:
    case 'k':
        nav->scroll += nav->scroll < max ? 1 : 0;
        break;
    case KEY_DOWN:
    case 'j':
        nav->scroll -= nav->scroll > 0 ? 1 : 0;
        break;
    case KEY_PPAGE:
        nav->scroll = nav->scroll + nav->page < max ? nav->scroll + nav->page : max;
        break;
    case KEY_NPAGE:
        nav->scroll = nav->scroll > nav->page ? nav->scroll - nav->page : 0;
        break;
    case 'a':
    case 'A':
        *ack_index = ui_nav_ack_target(nav, s);
        return UI_NAV_ACK;
    default:
        break;
    }
    return UI_NAV_NONE;
}

ui_nav_action ui_nav_key(ui_nav *nav, const ui_state *s, int key, uint32_t *ack_index)
{
    *ack_index = UI_NAV_NONE_SELECTED;
    if (nav->role == UI_ROLE_AGENT) {
        uint32_t n = ui_state_n_calls(s);
        if (key == 'q' || key == 'Q') {
            return UI_NAV_QUIT;
        }
        if (key == '\t' && n > 0) {
            nav->agent_call = (nav->agent_call + 1) % n;
        }
        return UI_NAV_NONE;
    }
    if (nav->open_when_seen) {
        /* a key before the wanted call showed up: the supervisor took over */
        nav->open_when_seen = false;
        nav->chosen = false;
    }
    if (nav->detail) {
        return timeline_key(nav, s, key, ack_index);
    }
    uint32_t n_alerts = ui_state_n_alerts(s);
    switch (key) {
    case 'q':
    case 'Q':
        return UI_NAV_QUIT;
    case '\t':
        nav->focus = nav->focus == UI_FOCUS_CALLS ? UI_FOCUS_ALERTS : UI_FOCUS_CALLS;
        break;
    case KEY_UP:
    case 'k':
        if (nav->focus == UI_FOCUS_CALLS) {
            move_call(nav, s, -1);
        } else if (nav->alert > 0) {
            nav->alert--;
        }
        break;
    case KEY_DOWN:
    case 'j':
        if (nav->focus == UI_FOCUS_CALLS) {
            move_call(nav, s, +1);
        } else if (nav->alert + 1 < n_alerts) {
            nav->alert++;
        }
        break;
    case '\n':
    case '\r':
    case KEY_ENTER:
    case KEY_RIGHT:
        if (nav->focus == UI_FOCUS_ALERTS && nav->alert < n_alerts) {
            const ui_call *c = ui_state_find(s, ui_state_alert(s, nav->alert)->call);
            if (c == NULL) {
                break; /* the alert's call is no longer kept */
            }
            select_call(nav, c, nav->row);
            nav->chosen = true;
        } else if (ui_nav_row(nav, s) == UI_NAV_NONE_SELECTED) {
            break;
        } else {
            move_call(nav, s, 0); /* the selection as shown, even before any key */
        }
        nav->detail = true;
        nav->scroll = 0;
        break;
    case 'a':
    case 'A':
        *ack_index = ui_nav_ack_target(nav, s);
        return UI_NAV_ACK;
    default:
        break;
    }
    return UI_NAV_NONE;
}
