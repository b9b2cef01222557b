/* engine/align.c - capture-time alignment of a call's two channels. */
#include "engine/align.h"

#include <string.h>

#include "common/status.h"
#include "engine/turns.h"

#define HOP_US ((int64_t)ENG_SLOT_MS * 1000)

eng_align_config eng_align_config_default(void)
{
    eng_align_config c = {
        .max_lead_ms = 400, .max_fill_ms = 2000, .max_jump_ms = 600000, .tolerance_us = 2500};
    return c;
}

int eng_align_init(eng_align *a, const eng_align_config *cfg, int64_t t0_us)
{
    /* lead + a 200 ms frame + a full fill + dsp latency must fit the ring */
    if (a == NULL || cfg == NULL || cfg->max_lead_ms < ENG_SLOT_MS ||
        (cfg->max_lead_ms + cfg->max_fill_ms + 200) / ENG_SLOT_MS + 64 > ENG_ALIGN_RING_SLOTS ||
        cfg->tolerance_us >= HOP_US / 2 || cfg->max_jump_ms < cfg->max_fill_ms ||
        cfg->max_jump_ms > 3600000) {
        return RP_EINVAL;
    }
    memset(a, 0, sizeof *a);
    a->cfg = *cfg;
    a->t0_us = t0_us;
    return RP_OK;
}

uint64_t eng_align_slot_of(const eng_align *a, int64_t ts_us)
{
    if (ts_us <= a->t0_us) {
        return 0;
    }
    return (uint64_t)((ts_us - a->t0_us) / HOP_US);
}

/* The channel's hops continue at slot (skipped slots read as silent). */
static void jump_to(eng_align_channel *c, uint64_t slot)
{
    if (slot > c->produced) {
        c->gap_from = c->produced;
        c->gap_to = slot;
        c->produced = slot;
    }
}

eng_frame_verdict eng_align_frame(eng_align *a, int ch, uint64_t seq, int64_t ts_us,
                                  uint32_t n_samples, uint32_t rate_hz, uint32_t *fill_hops)
{
    eng_align_channel *c = &a->ch[ch];
    *fill_hops = 0;
    int64_t dur_us = rate_hz ? (int64_t)n_samples * 1000000 / rate_hz : 0;
    uint64_t slot = eng_align_slot_of(a, ts_us);
    if (slot > a->released + a->cfg.max_jump_ms / ENG_SLOT_MS) {
        a->n_too_far++;
        return ENG_FRAME_TOO_FAR;
    }
    if (!c->started) {
        c->started = true;
        c->rate_hz = rate_hz;
        c->next_seq = seq + 1;
        c->next_ts_us = ts_us + dur_us;
        /* the channel's first hop lands on the slot of its first sample */
        jump_to(c, slot > a->released ? slot : a->released);
        return ENG_FRAME_FEED;
    }
    int64_t tol = (int64_t)a->cfg.tolerance_us;
    if (ts_us < c->next_ts_us - tol) {
        /* a repeat of the last frame, or an older one */
        bool repeat = seq + 1 == c->next_seq || ts_us + dur_us == c->next_ts_us;
        if (repeat) {
            a->n_duplicate++;
            return ENG_FRAME_DUPLICATE;
        }
        a->n_late++;
        return ENG_FRAME_LATE;
    }
    eng_frame_verdict v = ENG_FRAME_FEED;
    int64_t gap_us = ts_us - c->next_ts_us;
    if (gap_us > tol) {
        int64_t hops = (gap_us + HOP_US / 2) / HOP_US;
        if (hops * ENG_SLOT_MS > (int64_t)a->cfg.max_fill_ms) {
            a->n_jumps++;
            v = ENG_FRAME_JUMP;
            jump_to(c, slot);
        } else if (hops > 0) {
            *fill_hops = (uint32_t)hops;
            a->n_gap_hops += (uint64_t)hops;
            v = ENG_FRAME_GAP;
        }
    }
    c->next_seq = seq + 1;
    c->next_ts_us = ts_us + dur_us;
    return v;
}

bool eng_align_push(eng_align *a, int ch, bool speech)
{
    eng_align_channel *c = &a->ch[ch];
    if (c->produced < a->released) {
        c->produced++;
        a->n_late++;
        return false;
    }
    c->speech[c->produced % ENG_ALIGN_RING_SLOTS] = speech;
    c->produced++;
    return true;
}

static bool speech_at(const eng_align_channel *c, uint64_t j)
{
    if (j >= c->gap_from && j < c->gap_to) {
        return false;
    }
    return c->speech[j % ENG_ALIGN_RING_SLOTS] != 0;
}

bool eng_align_next(eng_align *a, bool *agent, bool *customer)
{
    uint64_t j = a->released;
    bool have[2];
    for (int i = 0; i < 2; i++) {
        have[i] = a->ch[i].produced > j;
    }
    if (!have[0] && !have[1]) {
        return false;
    }
    if (!have[0] || !have[1]) {
        /* one channel is behind: wait until the other leads by more than max_lead */
        int ahead = have[0] ? 0 : 1;
        if (a->ch[ahead].produced - j <= a->cfg.max_lead_ms / ENG_SLOT_MS) {
            return false;
        }
        a->n_forced_silence++;
    }
    *agent = have[0] && speech_at(&a->ch[0], j);
    *customer = have[1] && speech_at(&a->ch[1], j);
    a->released = j + 1;
    return true;
}
