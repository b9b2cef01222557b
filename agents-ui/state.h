/* agents-ui/state.h - what the agent console and the supervisor wall show, as a
 * pure state machine fed with rapportd's published messages and snapshot replies.
 *
 * The console's network loop hands every published frame (topic + msgpack bytes)
 * to ui_state_feed() and every reply from the request socket to ui_state_reply();
 * the renderers only read the state. Nothing here does I/O, reads a clock or
 * logs: time is call time (t_ms) from the messages, so the module is
 * deterministic and unit-tested (tests/ui/).
 *
 * Consistency (the "last value cache" pattern, docs/protocol.md sections 4-5):
 * - Until the first snapshot arrives, and after a gap in the publishing stream's
 *   seq, the state is "resyncing": published frames are copied into a bounded
 *   hold buffer, not applied, and ui_state_need_snapshot() is true until the
 *   driver sends a snapshot_req and calls ui_state_snapshot_sent().
 * - seq is per call (and one more stream for engine/stats). A snapshot reply
 *   (with the awaited req_id) gives each call's seq S with its open cues, level,
 *   sentiment, consent and prompt; calls it does not list are dropped; then the
 *   held frames are replayed, each call's from S+1 on. A held frame that does not
 *   follow on is a gap again, and the cycle repeats.
 * - seq going backwards on a live stream means rapportd restarted: that is
 *   resynchronised the same way (counted with the gaps).
 * - Each call keeps a bounded timeline of what was seen happen (the drill-down);
 *   a snapshot that folds in unseen messages adds a "resynchronised" note to it.
 *
 * Units: t_ms and *_ms are call time in milliseconds (since the call's start).
 * Ownership: ui_state_create() allocates everything once (rp_malloc); nothing is
 * allocated afterwards; strings are copied in, so decoded messages may be freed
 * after each call. Thread-safety: none; one thread owns a ui_state.
 */
#ifndef AGENTS_UI_STATE_H
#define AGENTS_UI_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/proto.h"

#define UI_MAX_CALLS      128u       /* live calls kept; more are counted in n_dropped_calls */
#define UI_MAX_CUES       16u        /* open cues per call (PROTO_MAX_OPEN_CUES) */
#define UI_MAX_ALERTS     32u        /* escalations kept in the supervisor's alert feed */
#define UI_SPARK_LEN      40u        /* sentiment sparkline samples per call */
#define UI_SPARK_STEP_MS  2000u      /* one sparkline sample per 2 s of call time */
#define UI_TEXT_BYTES     160u       /* prompt text, quotes and checklist items kept (truncated) */
#define UI_HOLD_BYTES     (1u << 20) /* published frames held while resyncing */
#define UI_HOLD_FRAMES    512u
#define UI_DEAD_AIR_ALERT 5000u /* dead air that adds to a call's risk */
#define UI_TIMELINE_LEN   64u   /* events kept per call for the drill-down (the newest) */

typedef enum ui_role { UI_ROLE_AGENT = 0, UI_ROLE_SUPERVISOR = 1 } ui_role;

/* The connection as far as messages tell: no snapshot yet, in step, or resyncing
 * after a gap. (Whether frames arrive at all is the driver's business.) */
typedef enum ui_sync {
    UI_SYNC_WAITING = 0, /* no snapshot yet */
    UI_SYNC_LIVE = 1,    /* snapshot applied, no gap since */
    UI_SYNC_RESYNC = 2,  /* a gap was seen; waiting for a fresh snapshot */
} ui_sync;

typedef struct ui_cue {
    uint32_t id;
    proto_cue_kind cue;
    proto_who party;
    uint32_t priority; /* 0 most urgent */
    uint32_t since_ms; /* call time the evidence started */
    char quote[UI_TEXT_BYTES];
} ui_cue;

typedef struct ui_prompt {
    bool active; /* false once replaced by nothing, expired or the call ended */
    uint32_t id;
    uint32_t priority;
    uint32_t shown_ms; /* call time it arrived */
    uint32_t ttl_ms;   /* 0: until replaced */
    char text[UI_TEXT_BYTES];
} ui_prompt;

/* The latest checklist a prompt carried (e.g. the empathy checklist of a
 * sensitive topic). It outlives its prompt: it stays while the cue that caused
 * it is open, or, without a cue, while its prompt is the current one. */
typedef struct ui_checklist {
    bool has;
    bool has_cue;
    uint32_t cue_id;
    uint32_t prompt_id;
    char items[PROTO_MAX_CHECKLIST][UI_TEXT_BYTES];
    uint32_t n;
} ui_checklist;

/* One entry of a call's timeline (the supervisor's drill-down). Only what the
 * console saw happen: after a snapshot it notes UI_EV_RESYNC instead of
 * inventing the events the snapshot folded in. */
typedef enum ui_event_kind {
    UI_EV_CUE_OPEN = 0,
    UI_EV_CUE_CLOSE,
    UI_EV_PROMPT,
    UI_EV_ESCALATION,
    UI_EV_ACK,     /* an escalation acknowledged (the engine's echo) */
    UI_EV_CONSENT, /* the consent in force became known or changed */
    UI_EV_SUMMARY, /* the call ended */
    UI_EV_RESYNC,  /* state taken from a snapshot; events before may be missing */
} ui_event_kind;

typedef struct ui_event {
    ui_event_kind kind;
    uint32_t t_ms; /* call time; an ack, which has none, takes the call's latest */
    uint32_t id;   /* cue, prompt or escalation id; the acknowledged escalation's id */
    /* UI_EV_CUE_*: */
    proto_cue_kind cue;
    proto_who party;
    uint32_t priority; /* also prompts */
    /* UI_EV_ESCALATION: */
    proto_esc_level level;
    proto_esc_reason reason;
    /* UI_EV_CONSENT: */
    bool voice_emotion, text_emotion;
    /* UI_EV_SUMMARY: */
    uint32_t n_cues, n_escalations;
    /* UI_EV_RESYNC: true for a call first seen in a snapshot (joined mid-call) */
    bool joined;
    /* quote (cue, escalation), prompt text, or who acknowledged */
    char text[UI_TEXT_BYTES];
} ui_event;

typedef struct ui_call {
    char call[PROTO_MAX_ID_BYTES + 1];
    char agent[PROTO_MAX_ID_BYTES + 1];
    char team[PROTO_MAX_ID_BYTES + 1];
    /* from snapshot rows only (call_start is not published): "" / false until then */
    char queue[PROTO_MAX_ID_BYTES + 1];
    bool has_medium;
    proto_medium medium;
    uint32_t t_ms; /* latest call time seen */
    bool ended;    /* its summary arrived */
    uint64_t seq;  /* the call's last applied seq (seq is per call) */
    ui_cue cues[UI_MAX_CUES];
    uint32_t n_cues; /* open now */
    ui_prompt prompt;
    ui_checklist checklist;
    /* from features */
    bool has_features;
    bool has_rate_rel; /* sticky: the baseline was learnt */
    float rate_rel;    /* agent pace / own baseline (1 = usual), latest known */
    bool has_artic;
    float artic_sps;           /* agent articulation rate, syllables/s */
    float talk_ratio;          /* agent share of speech, 0..1 */
    bool customer_spoke;       /* customer voice activity seen at least once */
    uint32_t customer_last_ms; /* call time the customer was last heard speaking */
    uint32_t dead_air_ms;
    bool on_hold;
    /* customer sentiment (text valence, -1..1) */
    bool has_sentiment;
    float sentiment;
    float trend;               /* per minute, when known */
    float spark[UI_SPARK_LEN]; /* oldest first */
    uint32_t n_spark;
    uint32_t spark_bucket; /* t_ms / UI_SPARK_STEP_MS of the newest sample */
    /* escalations */
    bool has_level;
    proto_esc_level level; /* highest raised so far */
    bool has_escalation;   /* the latest one, for the agent's banner */
    proto_esc_level esc_level;
    proto_esc_reason esc_reason;
    char esc_quote[UI_TEXT_BYTES];
    uint32_t unacked; /* escalations not acknowledged yet */
    /* the consent in force, from features.consent or a snapshot row */
    bool has_consent;
    proto_consent_flags consent;
    /* timeline: a ring of the newest UI_TIMELINE_LEN events in call-time order;
     * read it with ui_call_n_events() / ui_call_event() */
    ui_event events[UI_TIMELINE_LEN];
    uint32_t ev_first, n_events;
    uint64_t n_events_dropped; /* older events no longer kept */
} ui_call;

typedef struct ui_alert {
    char call[PROTO_MAX_ID_BYTES + 1];
    char agent[PROTO_MAX_ID_BYTES + 1];
    uint32_t id; /* the escalation's id (per call) */
    uint32_t t_ms;
    proto_esc_level level;
    proto_esc_reason reason;
    char quote[UI_TEXT_BYTES];
    bool acked;
    char acked_by[PROTO_MAX_ID_BYTES + 1];
} ui_alert;

typedef struct ui_state ui_state;

/* What one applied message changed, for one-line-per-event output. */
typedef enum ui_change_kind {
    UI_CH_NONE = 0, /* nothing visible (features, stats, out of scope, stale) */
    UI_CH_HELD,     /* held until the snapshot arrives */
    UI_CH_GAP,      /* a gap was detected; resyncing (lost = messages missed) */
    UI_CH_SNAPSHOT, /* a snapshot was applied (n = calls in scope) */
    UI_CH_CALL_NEW, /* first message of a call not in the last snapshot */
    UI_CH_CUE_OPEN,
    UI_CH_CUE_CLOSE,
    UI_CH_PROMPT,
    UI_CH_ESCALATION,
    UI_CH_ACK,
    UI_CH_SUMMARY,
    UI_CH_RESTART, /* a seq went backwards: rapportd restarted; resyncing */
    UI_CH_CONSENT, /* a call's consent became known or changed (features) */
} ui_change_kind;

typedef struct ui_change {
    ui_change_kind kind;
    const ui_state *state; /* the state after the change */
    const ui_call *call;   /* the call concerned, or NULL */
    uint64_t lost;         /* UI_CH_GAP: messages missed */
    uint32_t n;            /* UI_CH_SNAPSHOT: calls in scope */
} ui_change;

/* Called for each visible change; m is the message that caused it (NULL for a
 * gap found in held frames); valid only during the call. */
typedef void (*ui_observer)(void *arg, const ui_change *change, const proto_msg *m);

/* A state for role, limited to team and/or agent (NULL or "" = any). An agent
 * console should name its agent. NULL when out of memory. */
ui_state *ui_state_create(ui_role role, const char *team, const char *agent);
void ui_state_destroy(ui_state *s);

/* Observer for visible changes (NULL: none). */
void ui_state_set_observer(ui_state *s, ui_observer fn, void *arg);

/* One published frame: topic (NUL-terminated) and the msgpack message. Decodes,
 * holds it while resyncing, or applies it. RP_OK, or RP_EPROTO when the bytes
 * are not a valid outbound message (the state is then unchanged). */
RP_NODISCARD int ui_state_feed(ui_state *s, const char *topic, const uint8_t *buf, size_t len);

/* One reply from the request socket (snapshot or the echo of an ack). RP_OK, or
 * RP_EPROTO for an invalid or unexpected message. A snapshot whose req_id is not
 * the one last sent is stale and ignored. */
RP_NODISCARD int ui_state_reply(ui_state *s, const uint8_t *buf, size_t len);

/* Applies one decoded published message (topic as above; NULL for none) with
 * seq checks, exactly as ui_state_feed would when not resyncing. Returns what
 * changed. For tests and callers that decode themselves. */
ui_change ui_state_apply(ui_state *s, const char *topic, const proto_msg *m);

/* True when the driver must send a snapshot_req now. */
bool ui_state_need_snapshot(const ui_state *s);
/* Fills req (snapshot_req within the state's scope) with a fresh req_id and
 * records that it was sent; the driver encodes and sends it. */
void ui_state_snapshot_request(ui_state *s, proto_msg *req);
/* Forgets the outstanding request so that need_snapshot() is true again (the
 * driver's reply timeout). */
void ui_state_snapshot_lost(ui_state *s);

ui_sync ui_state_sync(const ui_state *s);
/* The engine/stats stream's last seq (calls carry their own, ui_call.seq). */
uint64_t ui_state_last_seq(const ui_state *s);
uint64_t ui_state_gaps(const ui_state *s);      /* gaps detected so far */
uint64_t ui_state_snapshots(const ui_state *s); /* snapshots applied so far */

/* Calls in view (in scope), in arrival order; index < ui_state_n_calls(). */
uint32_t ui_state_n_calls(const ui_state *s);
const ui_call *ui_state_call(const ui_state *s, uint32_t index);
const ui_call *ui_state_find(const ui_state *s, const char *call);

/* Call indices ordered by risk, highest first (ended calls last); writes up to
 * cap indices into out, returns how many. */
uint32_t ui_state_ranked(const ui_state *s, uint32_t *out, uint32_t cap);

/* Risk 0..1 of a call for the supervisor wall: escalation level, open cues by
 * priority, negative sentiment and a falling trend, long dead air. */
float ui_call_risk(const ui_call *c);

/* Alert feed, newest first; index < ui_state_n_alerts(). */
uint32_t ui_state_n_alerts(const ui_state *s);
const ui_alert *ui_state_alert(const ui_state *s, uint32_t index);

/* Fills an ack message (borrowing the alert's strings and by) for alert index. */
RP_NODISCARD int ui_state_ack_msg(const ui_state *s, uint32_t index, const char *by, int64_t ts_us,
                                  proto_msg *out);

/* The checklist to show now, or NULL (see ui_checklist). */
const ui_checklist *ui_call_checklist(const ui_call *c);

/* Sentiment label for a trend: "falling", "rising" or "steady". */
const char *ui_trend_word(const ui_call *c);

/* The call's timeline, oldest first (call-time order); index < ui_call_n_events(). */
uint32_t ui_call_n_events(const ui_call *c);
const ui_event *ui_call_event(const ui_call *c, uint32_t index);

/* Whether customer emotion analysis (voice or text) is on: consent is known
 * and at least one of its flags is set. */
bool ui_call_emotion_on(const ui_call *c);
/* The consent indicator's words for flags: "ON (voice+text, customer informed)",
 * "ON (voice, ...)", "ON (text, ...)" or "off"; known false gives "not known yet".
 * The customer-notice duty of the EU AI Act art. 50(3): the agent and the
 * supervisor see whether the customer's emotions are being analysed. */
const char *ui_consent_words(bool known, const proto_consent_flags *flags);

#endif /* AGENTS_UI_STATE_H */
