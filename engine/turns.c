/* engine/turns.c - the floor-holding state machine behind response latency,
 * backchannels, interruptions, dead air and monologues. */
#include "engine/turns.h"

#include <string.h>

#include "common/status.h"

eng_turns_config eng_turns_config_default(void)
{
    eng_turns_config c = {
        .pause_merge_ms = 200,
        .backchannel_max_ms = 1000,
        .interrupt_min_overlap_ms = 400,
        .turn_gap_ms = 1500,
    };
    return c;
}

int eng_turns_init(eng_turns *t, const eng_turns_config *cfg)
{
    if (t == NULL || cfg == NULL || cfg->pause_merge_ms > 5000 || cfg->backchannel_max_ms == 0 ||
        cfg->backchannel_max_ms > 10000 || cfg->interrupt_min_overlap_ms > 10000 ||
        cfg->turn_gap_ms > 60000) {
        return RP_EINVAL;
    }
    memset(t, 0, sizeof *t);
    t->cfg = *cfg;
    t->floor = ENG_NOBODY;
    t->last_holder = ENG_NOBODY;
    t->silent = true;
    return RP_OK;
}

static uint32_t ms_to_slots(uint32_t ms)
{
    return (ms + ENG_SLOT_MS - 1) / ENG_SLOT_MS;
}

static int32_t slots_to_ms(int64_t slots)
{
    return (int32_t)(slots * ENG_SLOT_MS);
}

static eng_party other(eng_party p)
{
    return p == ENG_AGENT ? ENG_CUSTOMER : ENG_AGENT;
}

static void add_event(eng_turn_event *ev, int *n, eng_turn_event_type type, eng_party party,
                      int32_t value_ms, uint32_t slot)
{
    if (*n < ENG_TURNS_MAX_EVENTS) {
        ev[*n] = (eng_turn_event){type, party, value_ms, slot};
        (*n)++;
    }
}

/* The latency histogram's bin of ms (the last bin is open-ended) ... */
static uint32_t latency_bin(int32_t ms)
{
    uint32_t u = ms <= 0 ? 0u : (uint32_t)ms;
    uint32_t bin =
        u < ENG_LATENCY_FINE_END_MS
            ? u / ENG_LATENCY_BIN_MS
            : ENG_LATENCY_FINE_BINS + (u - ENG_LATENCY_FINE_END_MS) / ENG_LATENCY_COARSE_MS;
    return bin < ENG_LATENCY_BINS ? bin : ENG_LATENCY_BINS - 1;
}

/* ... and the middle of bin b, ms. */
static uint32_t latency_bin_mid_ms(uint32_t b)
{
    return b < ENG_LATENCY_FINE_BINS
               ? b * ENG_LATENCY_BIN_MS + ENG_LATENCY_BIN_MS / 2
               : ENG_LATENCY_FINE_END_MS + (b - ENG_LATENCY_FINE_BINS) * ENG_LATENCY_COARSE_MS +
                     ENG_LATENCY_COARSE_MS / 2;
}

static void record_latency(eng_turns *t, eng_party p, int32_t ms)
{
    t->responses[p]++;
    t->last_latency_ms[p] = ms;
    t->latency_hist[p][latency_bin(ms)]++;
}

static void end_turn_length(eng_turns *t, eng_party p, uint32_t end_slot)
{
    uint32_t len = end_slot - t->floor_since;
    if (len > t->longest_turn_slots[p]) {
        t->longest_turn_slots[p] = len;
    }
}

/* p's spurt began at slot s. */
static void spurt_start(eng_turns *t, eng_party p, uint32_t s, eng_turn_event *ev, int *n)
{
    eng_party q = other(p);
    t->speaking[p] = true;
    t->spurt_start[p] = s;
    t->overlapped[p] = false;
    t->counted[p] = false;
    if (t->floor == ENG_NOBODY) {
        if (t->last_holder == q) {
            int32_t latency = slots_to_ms((int64_t)s - t->floor_free_since);
            record_latency(t, p, latency);
            add_event(ev, n, ENG_EV_RESPONSE, p, latency, s);
            t->floor_since = s;
        } else if (t->last_holder == p &&
                   s - t->floor_free_since <= ms_to_slots(t->cfg.turn_gap_ms)) {
            /* the same party resumes after a short pause: the same turn goes on */
        } else {
            t->floor_since = s;
        }
        t->floor = p;
    } else if (t->floor == q) {
        t->overlapped[p] = true; /* decided when one of the two stops */
    }
}

/* p's spurt ended; e is the first silent slot. */
static void spurt_end(eng_turns *t, eng_party p, uint32_t e, eng_turn_event *ev, int *n)
{
    eng_party q = other(p);
    t->speaking[p] = false;
    uint32_t len = e - t->spurt_start[p];
    if (t->floor == q && t->overlapped[p]) {
        /* p spoke over q and stopped while q kept talking */
        if (t->counted[p]) {
            /* counted as an interruption while it went on (eng_turns_step) */
        } else if (len <= ms_to_slots(t->cfg.backchannel_max_ms)) {
            t->backchannels[p]++;
            add_event(ev, n, ENG_EV_BACKCHANNEL, p, slots_to_ms(len), e);
        } else {
            t->interruptions[p]++;
            add_event(ev, n, ENG_EV_INTERRUPTION, p, slots_to_ms(len), e);
        }
        t->overlapped[p] = false;
        t->counted[p] = false;
        return;
    }
    if (t->floor != p) {
        return;
    }
    if (t->speaking[q]) {
        /* q started over p and is still talking: q takes the floor */
        uint32_t overlap = e - t->spurt_start[q];
        end_turn_length(t, p, e);
        if (t->counted[q]) {
            /* already counted while both were talking */
        } else if (overlap >= ms_to_slots(t->cfg.interrupt_min_overlap_ms)) {
            t->interruptions[q]++;
            add_event(ev, n, ENG_EV_INTERRUPTION, q, slots_to_ms(overlap), e);
        } else {
            record_latency(t, q, -slots_to_ms(overlap));
            add_event(ev, n, ENG_EV_RESPONSE, q, -slots_to_ms(overlap), e);
        }
        t->overlapped[q] = false;
        t->counted[q] = false;
        t->floor = q;
        t->floor_since = t->spurt_start[q];
        return;
    }
    end_turn_length(t, p, e);
    t->floor = ENG_NOBODY;
    t->last_holder = p;
    t->floor_free_since = e;
}

int eng_turns_step(eng_turns *t, bool agent_speech, bool customer_speech, eng_turn_event *ev)
{
    int n = 0;
    uint32_t s = t->slot;
    const bool raw[2] = {agent_speech, customer_speech};
    uint32_t merge = ms_to_slots(t->cfg.pause_merge_ms);
    /* ends first (they happened earlier), then starts */
    for (int i = 0; i < 2; i++) {
        eng_party p = (eng_party)i;
        if (t->speaking[p] && !raw[p] && s - t->last_speech[p] > merge) {
            spurt_end(t, p, t->last_speech[p] + 1, ev, &n);
        }
    }
    for (int i = 0; i < 2; i++) {
        eng_party p = (eng_party)i;
        if (raw[p]) {
            if (!t->speaking[p]) {
                spurt_start(t, p, s, ev, &n);
            }
            t->last_speech[p] = s;
        }
    }
    /* talking over the floor holder for longer than any backchannel is an
     * interruption already: say so now rather than when one of them stops */
    for (int i = 0; i < 2; i++) {
        eng_party p = (eng_party)i;
        eng_party q = other(p);
        uint32_t len = s + 1 - t->spurt_start[p];
        if (t->speaking[p] && t->overlapped[p] && !t->counted[p] && t->floor == q &&
            t->speaking[q] && len > ms_to_slots(t->cfg.backchannel_max_ms)) {
            t->counted[p] = true;
            t->interruptions[p]++;
            add_event(ev, &n, ENG_EV_INTERRUPTION, p, slots_to_ms(len), s);
        }
    }
    /* talk time counts raw voice activity, not the debounced spurts */
    for (int i = 0; i < 2; i++) {
        t->talk_slots[i] += raw[i];
    }
    t->both_slots += raw[0] && raw[1];
    /* dead air: both silent (debounced) */
    bool silent_now = !t->speaking[0] && !t->speaking[1];
    if (silent_now && !t->silent) {
        t->silent = true;
        uint32_t since =
            t->last_speech[0] > t->last_speech[1] ? t->last_speech[0] + 1 : t->last_speech[1] + 1;
        t->silent_since = since;
    } else if (!silent_now && t->silent) {
        uint32_t len = s > t->silent_since ? s - t->silent_since : 0;
        if (!t->on_hold && len > 0 && t->slot > 0) {
            t->dead_air_slots += len;
            add_event(ev, &n, ENG_EV_DEAD_AIR_END, ENG_NOBODY, slots_to_ms(len), s);
        }
        t->silent = false;
    }
    t->slot = s + 1;
    return n;
}

void eng_turns_record_response(eng_turns *t, eng_party party, int32_t latency_ms)
{
    if (party != ENG_NOBODY) {
        record_latency(t, party, latency_ms);
    }
}

void eng_turns_set_hold(eng_turns *t, bool on_hold)
{
    if (t->on_hold && !on_hold && t->silent) {
        t->silent_since = t->slot; /* silence after a hold starts counting now */
    }
    t->on_hold = on_hold;
}

uint32_t eng_turns_dead_air_ms(const eng_turns *t)
{
    if (!t->silent || t->on_hold || t->slot <= t->silent_since) {
        return 0;
    }
    return (uint32_t)slots_to_ms(t->slot - t->silent_since);
}

uint32_t eng_turns_monologue_ms(const eng_turns *t, eng_party *holder)
{
    if (holder != NULL) {
        *holder = t->floor;
    }
    if (t->floor == ENG_NOBODY || t->slot <= t->floor_since) {
        return 0;
    }
    return (uint32_t)slots_to_ms(t->slot - t->floor_since);
}

float eng_turns_talk_ratio(const eng_turns *t, eng_party party)
{
    uint32_t total = t->talk_slots[0] + t->talk_slots[1];
    if (total == 0 || party == ENG_NOBODY) {
        return 0.0f;
    }
    return (float)t->talk_slots[party] / (float)total;
}

uint32_t eng_turns_latency_percentile_ms(const eng_turns *t, eng_party party, unsigned pct)
{
    if (party == ENG_NOBODY || t->responses[party] == 0) {
        return 0;
    }
    if (pct > 100) {
        pct = 100;
    }
    /* the smallest bin whose cumulative count reaches pct% of answers */
    uint64_t need = ((uint64_t)t->responses[party] * pct + 99) / 100;
    if (need == 0) {
        need = 1;
    }
    uint64_t seen = 0;
    for (uint32_t b = 0; b < ENG_LATENCY_BINS; b++) {
        seen += t->latency_hist[party][b];
        if (seen >= need) {
            return latency_bin_mid_ms(b);
        }
    }
    return ENG_LATENCY_FINE_END_MS + ENG_LATENCY_COARSE_BINS * ENG_LATENCY_COARSE_MS;
}
