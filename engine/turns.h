/* engine/turns.h - turn-taking of a two-party call from both channels' voice activity.
 *
 * Fed one joint 10 ms slot at a time (agent speech?, customer speech?), in capture
 * time order, it tracks who holds the floor and reports response latencies,
 * backchannels, interruptions (who interrupted whom), dead air (both silent; a
 * declared hold is not dead air), monologue length and talk time. Timing is in
 * slots of capture time, never arrival time. Pure: no allocation, I/O or globals;
 * eng_turns_step() is real-time safe and O(1). The struct is transparent so a call
 * can embed it; one instance per call, used by one thread at a time.
 */
#ifndef ENGINE_TURNS_H
#define ENGINE_TURNS_H

#include <stdbool.h>
#include <stdint.h>

#include "common/attr.h"

#define ENG_SLOT_MS 10 /* one slot = one dsp hop */

typedef enum eng_party { ENG_AGENT = 0, ENG_CUSTOMER = 1, ENG_NOBODY = 2 } eng_party;

typedef struct eng_turns_config {
    uint32_t pause_merge_ms;           /* silence shorter than this does not end a spurt; 200 */
    uint32_t backchannel_max_ms;       /* an overlapping spurt up to this long, with the floor
                                          holder still talking, is a backchannel; 1000 */
    uint32_t interrupt_min_overlap_ms; /* overlap needed before a floor change counts as an
                                          interruption (shorter = a smooth hand-over); 400 */
    uint32_t turn_gap_ms;              /* a holder who resumes within this keeps the same turn
                                          (monologue continues); 1500 */
} eng_turns_config;

typedef enum eng_turn_event_type {
    ENG_EV_RESPONSE,     /* party started answering: value_ms = latency (negative: overlap) */
    ENG_EV_BACKCHANNEL,  /* party made a short overlapping burst: value_ms = its length */
    ENG_EV_INTERRUPTION, /* party interrupted the other: value_ms = overlap length */
    ENG_EV_DEAD_AIR_END, /* both were silent for value_ms (>= 1 slot), not on hold */
} eng_turn_event_type;

typedef struct eng_turn_event {
    eng_turn_event_type type;
    eng_party party;
    int32_t value_ms;
    uint32_t slot; /* slot at which it was decided */
} eng_turn_event;

/* Most events one step can emit. */
#define ENG_TURNS_MAX_EVENTS 6

/* Latency histogram: 128 bins of 100 ms up to 12.8 s (turn taking), then 128 of
 * 1 s up to 140.8 s (chat replies take tens of seconds), the last open-ended. */
#define ENG_LATENCY_FINE_BINS   128
#define ENG_LATENCY_BIN_MS      100
#define ENG_LATENCY_COARSE_BINS 128
#define ENG_LATENCY_COARSE_MS   1000
#define ENG_LATENCY_BINS        (ENG_LATENCY_FINE_BINS + ENG_LATENCY_COARSE_BINS)
#define ENG_LATENCY_FINE_END_MS (ENG_LATENCY_FINE_BINS * ENG_LATENCY_BIN_MS)

typedef struct eng_turns {
    eng_turns_config cfg;
    uint32_t slot; /* slots stepped so far */
    /* per party, debounced spurts */
    bool speaking[2];
    uint32_t spurt_start[2];
    uint32_t last_speech[2]; /* last slot with raw speech */
    bool overlapped[2];      /* this spurt began while the other held the floor */
    bool counted[2];         /* ... and already counted as an interruption */
    /* floor */
    eng_party floor;
    eng_party last_holder;     /* who held the floor before it became free */
    uint32_t floor_since;      /* slot the current turn began */
    uint32_t floor_free_since; /* slot the floor became free */
    /* silence */
    bool on_hold;
    bool silent; /* both silent (debounced) */
    uint32_t silent_since;
    /* totals */
    uint32_t talk_slots[2];
    uint32_t both_slots;       /* overlap slots */
    uint32_t interruptions[2]; /* made by party */
    uint32_t backchannels[2];
    uint32_t responses[2];
    uint32_t longest_turn_slots[2];
    uint32_t dead_air_slots; /* total, not counting holds */
    uint32_t latency_hist[2][ENG_LATENCY_BINS];
    int32_t last_latency_ms[2];
} eng_turns;

/* Defaults as documented above (see docs/playbook.md for why). */
eng_turns_config eng_turns_config_default(void);

/* Starts an empty timeline. RP_EINVAL for a NULL or nonsensical config. */
RP_NODISCARD int eng_turns_init(eng_turns *t, const eng_turns_config *cfg);

/* Advances one slot with each party's voice activity; writes up to
 * ENG_TURNS_MAX_EVENTS events to ev and returns how many. */
int eng_turns_step(eng_turns *t, bool agent_speech, bool customer_speech, eng_turn_event *ev);

/* Records a response latency measured elsewhere (chat: agent reply time), so the
 * same percentiles cover it. Real-time safe. */
void eng_turns_record_response(eng_turns *t, eng_party party, int32_t latency_ms);

/* A declared hold starts or ends; dead air is not counted while on hold. */
void eng_turns_set_hold(eng_turns *t, bool on_hold);

/* Current stretch with both silent and not on hold, ms (0 when someone speaks). */
uint32_t eng_turns_dead_air_ms(const eng_turns *t);

/* Length of the current holder's turn so far, ms (0 when the floor is free). */
uint32_t eng_turns_monologue_ms(const eng_turns *t, eng_party *holder);

/* party's share of all speech so far, 0..1 (0 when nobody has spoken). */
float eng_turns_talk_ratio(const eng_turns *t, eng_party party);

/* Response latency percentile (0..100) of party's answers, ms; 0 with no answers.
 * The middle of a histogram bin: 100 ms wide below 12.8 s, 1 s wide up to 140.8 s,
 * and 140.8 s for anything longer. */
uint32_t eng_turns_latency_percentile_ms(const eng_turns *t, eng_party party, unsigned pct);

#endif /* ENGINE_TURNS_H */
