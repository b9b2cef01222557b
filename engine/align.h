/* engine/align.h - puts one call's two audio channels on a common capture-time grid.
 *
 * Gateways send each party's frames separately; they arrive late, early, lost,
 * duplicated or reordered, and the two channels drift apart in arrival time. Each
 * frame carries its capture timestamp, so eng_align decides per frame whether it
 * continues its channel (feed it), follows a gap (feed silence first: the hops a
 * lost frame would have had), or is late/duplicated (drop it and count why).
 * Per-hop voice activity from both channels then meets in eng_align_slot_*: the
 * joint 10 ms slot J is released once both channels have produced it, or once one
 * channel leads by max_lead_ms (the other is then taken as silent for J, and its
 * hops for slots already released are dropped as late). Pure, no allocation;
 * every call is O(1) or O(hops released); one instance per call, one thread.
 */
#ifndef ENGINE_ALIGN_H
#define ENGINE_ALIGN_H

#include <stdbool.h>
#include <stdint.h>

#include "common/attr.h"

#define ENG_ALIGN_RING_SLOTS 1024u /* per channel: 10.24 s of voice activity in flight */

typedef struct eng_align_config {
    uint32_t max_lead_ms;  /* how far one channel may run ahead of the other; 400 */
    uint32_t max_fill_ms;  /* longest gap fed as silence through dsp; larger gaps jump; 2000 */
    uint32_t max_jump_ms;  /* frames further than this beyond the released slot are refused;
                              600000 (10 min): bounds the work any timestamp can cause */
    uint32_t tolerance_us; /* timestamp jitter accepted as "on time"; 2500 (quarter hop) */
} eng_align_config;

/* What to do with an arriving frame. */
typedef enum eng_frame_verdict {
    ENG_FRAME_FEED,      /* continues its channel: feed the samples */
    ENG_FRAME_GAP,       /* feed fill_hops hops of silence through dsp, then the samples */
    ENG_FRAME_JUMP,      /* a gap too long to fill: reset the channel's dsp, then feed; the
                            skipped slots count as silent */
    ENG_FRAME_LATE,      /* starts before the channel's next expected sample: drop */
    ENG_FRAME_DUPLICATE, /* repeats the previous frame (same seq or same timestamp): drop */
    ENG_FRAME_TOO_FAR,   /* timestamp beyond max_jump_ms of the call's progress: drop */
} eng_frame_verdict;

typedef struct eng_align_channel {
    bool started;
    uint64_t next_seq;  /* expected sequence number */
    int64_t next_ts_us; /* capture time of the next expected sample */
    uint32_t rate_hz;
    /* voice activity ring, indexed by slot */
    uint64_t produced; /* the next slot this channel's hops fill */
    uint64_t gap_from; /* slots [gap_from, gap_to) were skipped by a jump: silent */
    uint64_t gap_to;
    uint8_t speech[ENG_ALIGN_RING_SLOTS];
} eng_align_channel;

typedef struct eng_align {
    eng_align_config cfg;
    int64_t t0_us;     /* capture time of slot 0 (the call start) */
    uint64_t released; /* joint slots released so far */
    eng_align_channel ch[2];
    uint64_t n_late, n_duplicate, n_too_far, n_gap_hops, n_jumps, n_forced_silence;
} eng_align;

eng_align_config eng_align_config_default(void);

/* Starts the grid at t0_us (the call's start capture time). RP_EINVAL on a bad config. */
RP_NODISCARD int eng_align_init(eng_align *a, const eng_align_config *cfg, int64_t t0_us);

/* Judges a frame of channel ch (0 agent, 1 customer) with n_samples samples at
 * rate_hz. On FEED/GAP/JUMP the channel's expectation advances past the frame;
 * *fill_hops is the number of silent 10 ms hops to feed first (GAP), else 0. The
 * caller keeps the rate fixed per channel (rate checks are the caller's), feeds
 * the hops, pushes each hop's voice activity and drains eng_align_next() after
 * every frame, which keeps the unreleased slots well inside the ring. */
eng_frame_verdict eng_align_frame(eng_align *a, int ch, uint64_t seq, int64_t ts_us,
                                  uint32_t n_samples, uint32_t rate_hz, uint32_t *fill_hops);

/* Records the voice activity of the next hop produced by channel ch (in hop order,
 * fill hops included). A hop whose slot was already released (its channel was
 * taken as silent there) is dropped and counted in n_late; returns false then. */
bool eng_align_push(eng_align *a, int ch, bool speech);

/* Releases the next joint slot if ready: fills *agent and *customer and returns
 * true. Call until it returns false after every push. */
bool eng_align_next(eng_align *a, bool *agent, bool *customer);

/* Slot index (10 ms) of a capture time; negative times before t0 give 0. */
uint64_t eng_align_slot_of(const eng_align *a, int64_t ts_us);

#endif /* ENGINE_ALIGN_H */
