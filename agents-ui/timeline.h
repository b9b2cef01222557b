/* agents-ui/timeline.h - each call's bounded timeline, for the supervisor's
 * drill-down: the newest UI_TIMELINE_LEN events of a ui_call in call-time order,
 * in the call's own fixed array (no allocation). state.c adds entries; readers
 * use ui_call_n_events() / ui_call_event() from state.h. Not thread-safe.
 */
#ifndef AGENTS_UI_TIMELINE_H
#define AGENTS_UI_TIMELINE_H

#include <stdint.h>

#include "agents-ui/state.h"

/* A cleared entry of kind at call time t_ms, placed in call-time order (after
 * the entries with the same time), or NULL when the timeline is full and t_ms is
 * older than everything kept (counted in n_events_dropped). When full, the
 * oldest entry makes room (counted too). The caller fills in the rest. */
ui_event *ui_timeline_add(ui_call *c, ui_event_kind kind, uint32_t t_ms);

#endif /* AGENTS_UI_TIMELINE_H */
