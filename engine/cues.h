/* engine/cues.h - the life of one cue in one call: open, hold, close, cool down.
 *
 * Alert discipline lives here: a cue opens only after its condition has held for
 * min_ms, closes with hysteresis (the measure must come back past `close`), cannot
 * reopen within cooldown_ms, opens at most max_per_call times, and respects the
 * call's overall budget. Level cues follow a measure (pace, dead air, arousal);
 * event cues are raised by one event (an interruption, an escalation phrase) and
 * stay open hold_ms. Times are call time in ms. Pure and O(1): real-time safe.
 */
#ifndef ENGINE_CUES_H
#define ENGINE_CUES_H

#include <stdbool.h>
#include <stdint.h>

#include "engine/playbook.h"

typedef enum eng_cue_action { ENG_CUE_NONE, ENG_CUE_OPENED, ENG_CUE_CLOSED } eng_cue_action;

typedef struct eng_cue_state {
    bool open;
    bool holding; /* the condition holds, waiting for min_ms */
    bool ever_closed;
    uint32_t cond_since_ms;
    uint32_t opened_ms;
    uint32_t closed_ms;
    uint32_t start_ms; /* when the evidence began (reported as start_ms) */
    uint32_t n_opened;
    uint32_t id; /* id of the current/last opening (set by the caller) */
    float peak;  /* most extreme measure while open */
} eng_cue_state;

/* A level cue. direction +1: opens when value >= rule->open, closes when value <=
 * rule->close; -1: the mirror. valid = false (no measure now) never opens and
 * closes an open cue. may_open = false (the call's budget or prompt discipline)
 * holds back an opening without forgetting how long the condition has held. */
eng_cue_action eng_cue_level(eng_cue_state *s, const eng_cue_rule *rule, int direction,
                             uint32_t now_ms, bool valid, float value, bool may_open);

/* An event cue: fire with the event's score; it opens when score >= rule->open and
 * closes hold_ms after the last firing. Call with fire = false to let time pass. */
eng_cue_action eng_cue_event(eng_cue_state *s, const eng_cue_rule *rule, uint32_t now_ms, bool fire,
                             float score, bool may_open);

#endif /* ENGINE_CUES_H */
