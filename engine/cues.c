/* engine/cues.c - hysteresis, minimum duration, hold, cooldown and per-call limits. */
#include "engine/cues.h"

static bool cooled_down(const eng_cue_state *s, const eng_cue_rule *r, uint32_t now_ms)
{
    return !s->ever_closed || now_ms - s->closed_ms >= r->cooldown_ms;
}

static bool allowed(const eng_cue_state *s, const eng_cue_rule *r, uint32_t now_ms, bool may_open)
{
    return r->enabled && may_open && s->n_opened < r->max_per_call && cooled_down(s, r, now_ms);
}

static eng_cue_action do_open(eng_cue_state *s, uint32_t now_ms, uint32_t start_ms, float value)
{
    s->open = true;
    s->holding = false;
    s->opened_ms = now_ms;
    s->start_ms = start_ms;
    s->n_opened++;
    s->peak = value;
    return ENG_CUE_OPENED;
}

static eng_cue_action do_close(eng_cue_state *s, uint32_t now_ms)
{
    s->open = false;
    s->ever_closed = true;
    s->closed_ms = now_ms;
    s->holding = false;
    return ENG_CUE_CLOSED;
}

eng_cue_action eng_cue_level(eng_cue_state *s, const eng_cue_rule *rule, int direction,
                             uint32_t now_ms, bool valid, float value, bool may_open)
{
    bool past_open = direction > 0 ? value >= rule->open : value <= rule->open;
    bool past_close = direction > 0 ? value <= rule->close : value >= rule->close;
    if (s->open) {
        if (valid && ((direction > 0 && value > s->peak) || (direction < 0 && value < s->peak))) {
            s->peak = value;
        }
        bool expired = rule->hold_ms > 0 && now_ms - s->opened_ms >= rule->hold_ms;
        if (!valid || past_close || expired || !rule->enabled) {
            return do_close(s, now_ms);
        }
        return ENG_CUE_NONE;
    }
    if (!valid || !past_open) {
        s->holding = false;
        return ENG_CUE_NONE;
    }
    if (!s->holding) {
        s->holding = true;
        s->cond_since_ms = now_ms;
    }
    if (now_ms - s->cond_since_ms >= rule->min_ms && allowed(s, rule, now_ms, may_open)) {
        return do_open(s, now_ms, s->cond_since_ms, value);
    }
    return ENG_CUE_NONE;
}

eng_cue_action eng_cue_event(eng_cue_state *s, const eng_cue_rule *rule, uint32_t now_ms, bool fire,
                             float score, bool may_open)
{
    bool hit = fire && score >= rule->open;
    if (s->open) {
        if (hit) {
            s->opened_ms = now_ms; /* a new firing keeps it open */
            if (score > s->peak) {
                s->peak = score;
            }
            return ENG_CUE_NONE;
        }
        if (now_ms - s->opened_ms >= rule->hold_ms || !rule->enabled) {
            return do_close(s, now_ms);
        }
        return ENG_CUE_NONE;
    }
    if (hit && allowed(s, rule, now_ms, may_open)) {
        return do_open(s, now_ms, now_ms, score);
    }
    return ENG_CUE_NONE;
}
