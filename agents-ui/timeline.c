/* agents-ui/timeline.c - each call's bounded timeline: a ring of the newest
 * UI_TIMELINE_LEN events in call-time order (see timeline.h). */
#include "agents-ui/timeline.h"

#include <string.h>

static ui_event *event_at(ui_call *c, uint32_t index)
{
    return &c->events[(c->ev_first + index) % UI_TIMELINE_LEN];
}

ui_event *ui_timeline_add(ui_call *c, ui_event_kind kind, uint32_t t_ms)
{
    if (c->n_events == UI_TIMELINE_LEN) {
        if (t_ms < event_at(c, 0)->t_ms) {
            c->n_events_dropped++;
            return NULL;
        }
        c->ev_first = (c->ev_first + 1) % UI_TIMELINE_LEN;
        c->n_events--;
        c->n_events_dropped++;
    }
    /* messages come in seq order, which is nearly always call-time order too:
     * this loop seldom moves anything */
    uint32_t at = c->n_events;
    while (at > 0 && event_at(c, at - 1)->t_ms > t_ms) {
        *event_at(c, at) = *event_at(c, at - 1);
        at--;
    }
    c->n_events++;
    ui_event *e = event_at(c, at);
    memset(e, 0, sizeof *e);
    e->kind = kind;
    e->t_ms = t_ms;
    return e;
}

uint32_t ui_call_n_events(const ui_call *c)
{
    return c->n_events;
}

const ui_event *ui_call_event(const ui_call *c, uint32_t index)
{
    return index < c->n_events ? &c->events[(c->ev_first + index) % UI_TIMELINE_LEN] : NULL;
}
