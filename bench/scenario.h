/* bench/scenario.h - role-play scenarios: a declarative YAML file describing one
 * call or chat (who says what, when, how fast, how loud; holds, consent changes,
 * frustration signals) and the cues and escalations a correct engine must raise,
 * with time windows. docs/bench.md is the format's reference.
 *
 * Parsing uses libyaml's document loader; every error names the file's line.
 * Hard limits (BENCH_MAX_*) are checked while parsing, before anything is kept.
 *
 * Times are seconds of call time (0 = call_start). A turn starts at `at`, or
 * `gap` seconds after every earlier turn has ended (the silence before it;
 * default 0.4 s), or `overlap` seconds before the previous turn in the list ends.
 * A message comes `at` a time or `gap` seconds after the previous message. Turn lengths come from
 * synthesis, so bench_scenario_place() resolves the timeline once the lengths are known.
 *
 * Ownership: bench_scenario_load() returns one heap object that owns all its
 * strings; bench_scenario_free() releases it. Not thread-safe per object; distinct
 * objects are independent.
 */
#ifndef BENCH_SCENARIO_H
#define BENCH_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/attr.h"
#include "proto/proto.h"

#define BENCH_MAX_FILE_BYTES (256u * 1024u) /* a scenario file */
#define BENCH_MAX_TURNS      256u           /* spoken turns */
#define BENCH_MAX_MESSAGES   512u           /* chat messages */
#define BENCH_MAX_EVENTS     128u           /* holds, consent changes, signals (each) */
#define BENCH_MAX_CHECKS     64u            /* expect + allow + forbid entries */
#define BENCH_MAX_TEXT       2048u          /* bytes of a turn's or message's text, notes */
#define BENCH_MAX_NAME       64u            /* ids, labels, voice names, queue, topic */
#define BENCH_MAX_TITLE      256u           /* title */
#define BENCH_MAX_DURATION_S 3600.0         /* one scenario */
#define BENCH_MAX_DEPTH      6u             /* YAML nesting */

typedef enum bench_role { BENCH_ROLE_AGENT = 0, BENCH_ROLE_CUSTOMER = 1 } bench_role;

/* How a time is given: absolute, after the previous item ends, or overlapping it. */
typedef enum bench_timing { BENCH_AT = 0, BENCH_GAP, BENCH_OVERLAP } bench_timing;

typedef struct bench_turn {
    char label[BENCH_MAX_NAME]; /* optional `id`, for expectation anchors ("" = none) */
    bench_role who;
    char *text;          /* owned; UTF-8; also the transcript line */
    bench_timing timing; /* with time_s: at / gap / overlap seconds */
    double time_s;
    double wpm;                 /* espeak rate, 80..450 words/min */
    double pitch;               /* espeak pitch, 0..99 */
    double gain_db;             /* loudness relative to the voice's level, -40..+20 dB */
    char voice[BENCH_MAX_NAME]; /* espeak voice name, e.g. en-us+f3 */
    bool transcript;            /* deliver the text as a final transcript at turn end */
    int line;
    double start_s, end_s; /* filled by bench_scenario_place() */
} bench_turn;

typedef struct bench_message {
    char label[BENCH_MAX_NAME];
    proto_speaker who; /* agent, customer or bot */
    char *text;        /* owned */
    bench_timing timing;
    double time_s;
    int line;
    double at_s; /* filled by bench_scenario_place() */
} bench_message;

/* Holds, consent changes and signals: times as written (rel_*), relative to the
 * end of the turn or message named by anchor ("" = call time); the absolute
 * times are filled by bench_scenario_place(). */
typedef struct bench_hold {
    double rel_on_s, rel_off_s;
    char anchor[BENCH_MAX_NAME];
    int line;
    double on_s, off_s; /* declared hold from on_s to off_s */
} bench_hold;

typedef struct bench_consent_change {
    double rel_at_s;
    char anchor[BENCH_MAX_NAME];
    int line;
    bool voice_emotion, text_emotion;
    double at_s;
} bench_consent_change;

typedef struct bench_signal {
    double rel_at_s;
    char anchor[BENCH_MAX_NAME];
    int line;
    proto_signal_kind kind;
    double at_s;
} bench_signal;

/* What a check is about: a cue opening, or an escalation. */
typedef enum bench_check_kind { BENCH_CHECK_CUE = 0, BENCH_CHECK_ESCALATION } bench_check_kind;

typedef enum bench_check_role {
    BENCH_EXPECT = 0, /* must be raised in the window (recall, delay) */
    BENCH_ALLOW,      /* may be raised in the window: neither required nor false */
    BENCH_FORBID      /* must not be raised in the window (a false alert if it is) */
} bench_check_role;

typedef struct bench_check {
    bench_check_role role;
    bench_check_kind kind;
    proto_cue_kind cue;      /* BENCH_CHECK_CUE */
    proto_esc_reason reason; /* BENCH_CHECK_ESCALATION */
    bool has_party;          /* cue: party given */
    proto_who party;
    bool has_level; /* escalation: level given */
    proto_esc_level level;
    bool whole_call;   /* no window: the whole call */
    double t0_s, t1_s; /* window, relative to the anchor */
    bool has_moment;
    double moment_s;             /* the scripted moment delays are measured from (default t0) */
    char anchor[BENCH_MAX_NAME]; /* turn or message label; "" = call time */
    bool anchor_end;             /* `after` (anchor's end) rather than `from` (its start) */
    int line;
    double abs_t0_s, abs_t1_s, abs_moment_s; /* filled by bench_scenario_place() */
} bench_check;

typedef struct bench_scenario {
    char path[512];
    char id[BENCH_MAX_NAME];
    char title[BENCH_MAX_TITLE];
    proto_medium medium;
    proto_handler handler;
    uint32_t rate_hz;              /* 8000 or 16000 */
    char queue[BENCH_MAX_NAME];    /* "" = none */
    char topic[BENCH_MAX_NAME];    /* "" = none */
    char customer[BENCH_MAX_NAME]; /* "" = none */
    bool has_prior_contacts;
    uint32_t prior_contacts_30d;
    bool voice_emotion, text_emotion; /* consent at call start */
    double noise_db;                  /* line noise level, dBFS RMS; <= -120 means none */
    bool g711;                        /* mu-law round trip of both channels */
    double duration_s;                /* 0 = last item + 1 s (resolved by place) */
    bool calm;                        /* a control: nothing may fire */
    char agent_voice[BENCH_MAX_NAME], customer_voice[BENCH_MAX_NAME];
    double agent_wpm, customer_wpm, agent_pitch, customer_pitch;
    bench_turn *turns;
    size_t n_turns;
    bench_message *messages;
    size_t n_messages;
    bench_hold *holds;
    size_t n_holds;
    bench_consent_change *consent;
    size_t n_consent;
    bench_signal *signals;
    size_t n_signals;
    bench_check *checks;
    size_t n_checks;
    uint64_t hash; /* FNV-1a 64 of the file's bytes (cache key) */
} bench_scenario;

/* Parses the file at path. On success *out owns the scenario and RP_OK is
 * returned. On failure *out is NULL, err (RP_ERR_LEN bytes) holds
 * "FILE:LINE: what is wrong", and RP_EINVAL (bad content, limits), RP_EIO
 * (unreadable) or RP_ENOMEM is returned. */
RP_NODISCARD int bench_scenario_load(const char *path, bench_scenario **out, char *err);

/* The same from bytes in memory; name is used in errors (and kept as path). */
RP_NODISCARD int bench_scenario_parse(const char *name, const char *bytes, size_t len,
                                      bench_scenario **out, char *err);

/* Frees *sc_p and sets it to NULL; NULL is a no-op. */
void bench_scenario_free(bench_scenario **sc_p);

/* Resolves the timeline from each turn's length in seconds (turn_len_s[i], n_turns
 * entries; may be NULL when there are no turns): turn and message times, the
 * duration when not given, and every check's absolute window. RP_EINVAL (err
 * filled) when a time comes out negative, beyond the duration, or an anchor names
 * no turn or message. */
RP_NODISCARD int bench_scenario_place(bench_scenario *sc, const double *turn_len_s, char *err);

/* One timed input of a placed scenario besides its audio: a final transcript at
 * the end of a spoken turn or a chat message (text), a declared hold starting or
 * ending, a consent change, a web signal. Strings are borrowed from the scenario. */
typedef enum bench_event_kind {
    BENCH_EV_TEXT = 0,
    BENCH_EV_HOLD,
    BENCH_EV_CONSENT,
    BENCH_EV_SIGNAL
} bench_event_kind;

typedef struct bench_event {
    double t_s; /* call time */
    bench_event_kind kind;
    proto_speaker speaker;            /* text */
    proto_text_source source;         /* text: transcript (turns) or chat (messages) */
    const char *text;                 /* text; borrowed */
    bool on;                          /* hold: starts (true) or ends */
    bool voice_emotion, text_emotion; /* consent */
    proto_signal_kind signal_kind;    /* signal */
    size_t order;                     /* position before sorting (ties keep it) */
} bench_event;

/* Events a scenario can have at most. */
#define BENCH_MAX_TIMELINE (BENCH_MAX_TURNS + BENCH_MAX_MESSAGES + 4u * BENCH_MAX_EVENTS)

/* Fills ev (room for BENCH_MAX_TIMELINE) with the placed scenario's timed inputs,
 * sorted by time (ties in the order turns, messages, holds, consent changes,
 * signals), and returns how many. A turn with `transcript: false` has none; the
 * speaker of an agent turn is the bot when the handler is a bot. */
size_t bench_scenario_timeline(const bench_scenario *sc, bench_event *ev);

/* "speaking_fast" / "legal" etc. for a check; never NULL. */
const char *bench_check_name(const bench_check *c);

#endif /* BENCH_SCENARIO_H */
