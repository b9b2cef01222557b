/* proto/proto.h - rapport's wire protocol: message types, limits, encode and decode.
 *
 * Every message is one msgpack map with the keys "v" (protocol version) and "type",
 * then the fields of its type (docs/protocol.md is the reference a third party
 * implements from). proto_decode() is strict and bounded: it validates the bytes
 * against hard limits before touching them, never allocates (arrays go into a
 * caller-supplied arena), rejects trailing bytes, unknown fields, bad enums and
 * out-of-range numbers, and reports the offending field. proto_encode() validates
 * the same rules and writes into a caller buffer with msgpack-c's packer.
 *
 * Decoded messages BORROW: strings, sample bytes and arrays point into the input
 * buffer and the arena, and are valid while both are. Strings are not
 * NUL-terminated (use len). All functions are pure, thread-safe on distinct
 * objects and real-time safe (no allocation, locks, I/O or logging); the work is
 * O(message bytes).
 */
#ifndef PROTO_PROTO_H
#define PROTO_PROTO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/status.h"

/* ---- limits (hard; anything beyond them is rejected with RP_EPROTO) ---- */
#define PROTO_VERSION            1
#define PROTO_MAX_MSG_BYTES      (1u << 20) /* one encoded message */
#define PROTO_MAX_DEPTH          8u         /* map/array nesting; the schema needs 4 */
#define PROTO_MAX_STR_BYTES      16384u     /* any str or bin */
#define PROTO_MAX_ARRAY_ITEMS    4096u      /* any array header */
#define PROTO_MAX_MAP_KEYS       64u        /* any map header */
#define PROTO_MAX_ID_BYTES       64u        /* call/agent/team/customer/queue ids */
#define PROTO_MAX_TEXT_BYTES     16384u     /* chat/transcript text */
#define PROTO_MAX_SAMPLES        3200u      /* per audio frame: 200 ms at 16 kHz */
#define PROTO_MAX_EVIDENCE       16u        /* name/value pairs on a cue or escalation */
#define PROTO_MAX_SHORT_TEXT     512u       /* prompt text, quotes, checklist items */
#define PROTO_MAX_CHECKLIST      8u         /* items in a prompt's checklist */
#define PROTO_MAX_COUNTERS       64u        /* counters in stats / metrics in a summary */
#define PROTO_MAX_SNAPSHOT_CALLS 1024u      /* calls in one snapshot reply */
#define PROTO_MAX_OPEN_CUES      16u        /* open cues per call in a snapshot */
/* Arena bytes that always suffice to decode any message within the limits above. */
#define PROTO_DECODE_ARENA_BYTES (4u << 20)

/* Maximum length of a proto_error path ("snapshot.calls[12].cues[3].cue"). */
#define PROTO_ERR_PATH_LEN   96
#define PROTO_ERR_REASON_LEN 160

/* ---- enumerations (their wire names are in docs/protocol.md) ---- */
typedef enum proto_type {
    PROTO_T_NONE = 0,
    /* inbound: gateways, chat systems, consoles -> engine */
    PROTO_T_CALL_START,
    PROTO_T_AUDIO,
    PROTO_T_TEXT,
    PROTO_T_SIGNAL,
    PROTO_T_CONSENT,
    PROTO_T_CALL_END,
    PROTO_T_SNAPSHOT_REQ,
    PROTO_T_ACK,
    PROTO_T_HOLD,
    /* outbound: engine -> consoles */
    PROTO_T_FEATURES,
    PROTO_T_CUE,
    PROTO_T_PROMPT,
    PROTO_T_ESCALATION,
    PROTO_T_SUMMARY,
    PROTO_T_STATS,
    PROTO_T_SNAPSHOT,
    PROTO_T_COUNT
} proto_type;

typedef enum proto_party { PROTO_AGENT = 0, PROTO_CUSTOMER = 1, PROTO_PARTY_COUNT } proto_party;
typedef enum proto_speaker {
    PROTO_SPK_AGENT = 0,
    PROTO_SPK_CUSTOMER = 1,
    PROTO_SPK_BOT = 2,
    PROTO_SPK_COUNT
} proto_speaker;
typedef enum proto_who {
    PROTO_WHO_AGENT = 0,
    PROTO_WHO_CUSTOMER = 1,
    PROTO_WHO_BOTH = 2,
    PROTO_WHO_COUNT
} proto_who;
typedef enum proto_medium { PROTO_VOICE = 0, PROTO_CHAT = 1, PROTO_MEDIUM_COUNT } proto_medium;
typedef enum proto_handler { PROTO_HUMAN = 0, PROTO_BOT = 1, PROTO_HANDLER_COUNT } proto_handler;
typedef enum proto_encoding {
    PROTO_PCM16LE = 0, /* 2 bytes/sample, signed little-endian */
    PROTO_MULAW = 1,   /* 1 byte/sample, G.711 mu-law */
    PROTO_ALAW = 2,    /* 1 byte/sample, G.711 A-law */
    PROTO_F32LE = 3,   /* 4 bytes/sample, IEEE float little-endian, full scale +-1.0 */
    PROTO_ENCODING_COUNT
} proto_encoding;
typedef enum proto_text_source {
    PROTO_SRC_CHAT = 0,
    PROTO_SRC_TRANSCRIPT = 1,
    PROTO_SRC_COUNT
} proto_text_source;
typedef enum proto_signal_kind {
    PROTO_SIG_FORM_ERROR = 0,
    PROTO_SIG_REPEATED_ERROR,
    PROTO_SIG_RAGE_CLICK,
    PROTO_SIG_RAPID_EXIT,
    PROTO_SIG_COUNT
} proto_signal_kind;
typedef enum proto_cue_kind {
    PROTO_CUE_SPEAKING_FAST = 0,
    PROTO_CUE_SPEAKING_SLOW,
    PROTO_CUE_CONTINUOUS_SPEAKING,
    PROTO_CUE_EXTENDED_SILENCE,
    PROTO_CUE_SLOW_RESPONSE,
    PROTO_CUE_INTERRUPTION,
    PROTO_CUE_CUSTOMER_TENSION,
    PROTO_CUE_NEGATIVE_SENTIMENT,
    PROTO_CUE_ESCALATION_INTENT,
    PROTO_CUE_SENSITIVE_TOPIC,
    PROTO_CUE_SARCASM,
    PROTO_CUE_DIGITAL_FRUSTRATION,
    PROTO_CUE_COUNT
} proto_cue_kind;
typedef enum proto_cue_state {
    PROTO_OPEN = 0,
    PROTO_CLOSED = 1,
    PROTO_CUE_STATE_COUNT
} proto_cue_state;
typedef enum proto_esc_level {
    PROTO_LEVEL_SUPERVISOR = 0, /* supervisor attention */
    PROTO_LEVEL_HANDOFF = 1,    /* a bot session must hand off to a human now */
    PROTO_LEVEL_PRIORITY = 2,   /* priority/crisis: legal or public threat */
    PROTO_LEVEL_COUNT
} proto_esc_level;
typedef enum proto_esc_reason {
    PROTO_REASON_HUMAN_REQUEST = 0,
    PROTO_REASON_CANCEL,
    PROTO_REASON_LEGAL,
    PROTO_REASON_PUBLIC,
    PROTO_REASON_REPEAT_CONTACT,
    PROTO_REASON_SENSITIVE_TOPIC,
    PROTO_REASON_CUSTOMER_TENSION,
    PROTO_REASON_NEGATIVE_TREND,
    PROTO_REASON_DIGITAL_FRUSTRATION,
    PROTO_REASON_SAFETY, /* the customer may be at risk (nlp topic safety) */
    PROTO_REASON_COUNT
} proto_esc_reason;
/* Customer emotions, in this order wherever an array of them appears. */
typedef enum proto_emotion {
    PROTO_EMO_ANGER = 0,
    PROTO_EMO_ANNOYANCE,
    PROTO_EMO_ANXIETY,
    PROTO_EMO_CONFUSION,
    PROTO_EMO_SADNESS,
    PROTO_EMO_GRATITUDE,
    PROTO_EMO_JOY,
    PROTO_EMO_COUNT
} proto_emotion;

/* ---- value types ---- */
typedef struct proto_str {
    const char *ptr; /* borrowed; not NUL-terminated; valid UTF-8 after decode */
    uint32_t len;    /* bytes */
} proto_str;

typedef struct proto_bytes {
    const uint8_t *ptr; /* borrowed */
    uint32_t len;       /* bytes */
} proto_bytes;

/* Every object struct starts with `present`, a bitmask of its optional fields
 * (the PROTO_<OBJECT>_<FIELD> constants). Decode sets the bits of the optional
 * fields it found; encode writes an optional field only when its bit is set.
 * Required fields have no bit and are always written and required on decode. */

/* A named measurement: evidence of a cue, a stats counter, a summary metric. */
typedef struct proto_kv {
    uint64_t present;
    proto_str name; /* 1..64 bytes of [A-Za-z0-9_.:@-] */
    double value;   /* finite */
} proto_kv;

typedef struct proto_consent_flags {
    uint64_t present;
    bool voice_emotion; /* customer voice emotion/arousal analysis allowed */
    bool text_emotion;  /* customer text emotion may be stored and published */
} proto_consent_flags;

enum {
    PROTO_CRM_VALUE = 1u << 0,
    PROTO_CRM_TENURE_DAYS = 1u << 1,
    PROTO_CRM_TIER = 1u << 2,
    PROTO_CRM_PRIOR_CONTACTS = 1u << 3,
};
typedef struct proto_crm {
    uint64_t present;
    double value;                /* customer value, account currency units */
    uint32_t tenure_days;        /* days as a customer */
    proto_str tier;              /* free text, <= 64 bytes, e.g. "gold" */
    uint32_t prior_contacts_30d; /* contacts in the last 30 days before this one */
} proto_crm;

/* ---- inbound messages ---- */
enum {
    PROTO_CALL_START_CUSTOMER = 1u << 0,
    PROTO_CALL_START_HANDLER = 1u << 1,
    PROTO_CALL_START_QUEUE = 1u << 2,
    PROTO_CALL_START_TOPIC = 1u << 3,
    PROTO_CALL_START_CRM = 1u << 4,
};
typedef struct proto_call_start {
    uint64_t present;
    proto_str call;     /* id */
    proto_str agent;    /* id */
    proto_str team;     /* id */
    proto_str customer; /* id, optional */
    proto_medium medium;
    proto_handler handler;       /* optional; human when absent */
    proto_str queue;             /* id, optional */
    proto_str topic;             /* free text <= 128 bytes, optional */
    proto_consent_flags consent; /* required */
    proto_crm crm;               /* optional */
    int64_t ts_us;               /* capture time of the call start, us since the Unix epoch */
} proto_call_start;

typedef struct proto_audio {
    uint64_t present;
    proto_str call;
    proto_party ch;
    uint64_t seq;     /* per call and channel, +1 per frame */
    int64_t ts_us;    /* capture time of the first sample, us, gateway clock */
    uint32_t rate_hz; /* 8000 or 16000 */
    proto_encoding enc;
    proto_bytes samples; /* 1..PROTO_MAX_SAMPLES samples of enc; len a multiple of its size */
} proto_audio;

enum { PROTO_TEXT_SOURCE = 1u << 0, PROTO_TEXT_MSG_ID = 1u << 1 };
typedef struct proto_text {
    uint64_t present;
    proto_str call;
    proto_speaker speaker;
    proto_str text; /* <= PROTO_MAX_TEXT_BYTES; may contain PII until redacted */
    int64_t ts_us;
    bool final;               /* false: a partial transcript that may still change */
    proto_text_source source; /* optional; chat when absent */
    uint64_t msg_id;          /* optional; partials and their final share it */
} proto_text;

enum { PROTO_SIGNAL_DETAIL = 1u << 0, PROTO_SIGNAL_COUNT_FIELD = 1u << 1 };
typedef struct proto_signal {
    uint64_t present;
    proto_str call;
    proto_signal_kind kind;
    int64_t ts_us;
    proto_str detail; /* optional, <= 256 bytes, e.g. the form field name */
    uint32_t count;   /* optional, e.g. clicks in the burst */
} proto_signal;

typedef struct proto_consent {
    uint64_t present;
    proto_str call;
    int64_t ts_us;
    proto_consent_flags consent;
} proto_consent;

enum { PROTO_CALL_END_REASON = 1u << 0 };
typedef struct proto_call_end {
    uint64_t present;
    proto_str call;
    int64_t ts_us;
    proto_str reason; /* optional, <= 64 bytes: "hangup", "transfer", ... */
} proto_call_end;

enum {
    PROTO_SNAPSHOT_REQ_CALL = 1u << 0,
    PROTO_SNAPSHOT_REQ_AGENT = 1u << 1,
    PROTO_SNAPSHOT_REQ_TEAM = 1u << 2,
    PROTO_SNAPSHOT_REQ_REQ_ID = 1u << 3,
};
typedef struct proto_snapshot_req {
    uint64_t present;
    proto_str call; /* optional filters; the engine also applies the client's scope */
    proto_str agent;
    proto_str team;
    uint64_t req_id; /* optional, echoed in the reply */
} proto_snapshot_req;

enum { PROTO_ACK_NOTE = 1u << 0 };
typedef struct proto_ack {
    uint64_t present;
    proto_str call;
    uint32_t alert_id; /* the escalation's id */
    proto_str by;      /* supervisor id */
    int64_t ts_us;
    proto_str note; /* optional, <= 256 bytes */
} proto_ack;

typedef struct proto_hold {
    uint64_t present;
    proto_str call;
    int64_t ts_us;
    bool on; /* a declared hold starts (true) or ends (false); holds are not dead air */
} proto_hold;

/* ---- outbound messages (all carry seq: per call, +1 per message published about the call;
 * engine/stats has a stream of its own) ---- */
/* Behavioural measures of one party over the feature window. Agent and customer alike. */
enum {
    PROTO_BEH_RATE = 1u << 0,
    PROTO_BEH_ARTIC = 1u << 1,
    PROTO_BEH_RATE_REL = 1u << 2,
    PROTO_BEH_LATENCY = 1u << 3,
};
typedef struct proto_behaviour {
    bool speaking;          /* voice activity at t_ms */
    float rate_sps;         /* optional: speaking rate, syllables/s including pauses */
    float artic_sps;        /* optional: articulation rate, syllables/s of speech */
    float rate_rel;         /* optional: rate / the speaker's own baseline rate */
    float talk_ratio;       /* share of the call's speech time, 0..1 */
    uint32_t monologue_ms;  /* current uninterrupted turn */
    uint32_t latency_ms;    /* optional: last response latency */
    uint32_t interruptions; /* interruptions this party made */
    uint32_t backchannels;  /* short overlaps that did not count as interruptions */
} proto_behaviour;

/* The agent: behaviour and text phrasing only. There is deliberately no field for
 * emotion or arousal: the agent's emotions are never inferred (EU AI Act 5(1)(f)). */
enum { PROTO_AGENT_EMPATHY = 1u << 4, PROTO_AGENT_TONE_DEAF = 1u << 5 };
typedef struct proto_agent_features {
    uint64_t present; /* PROTO_BEH_* | PROTO_AGENT_* */
    proto_behaviour b;
    float empathy;   /* optional, 0..1, from the agent's recent text */
    float tone_deaf; /* optional, 0..1 */
} proto_agent_features;

enum {
    PROTO_CUST_AROUSAL = 1u << 4,      /* only with consent.voice_emotion */
    PROTO_CUST_PITCH_REL = 1u << 5,    /* only with consent.voice_emotion */
    PROTO_CUST_LOUDNESS_REL = 1u << 6, /* only with consent.voice_emotion */
    PROTO_CUST_VALENCE = 1u << 7,
    PROTO_CUST_TREND = 1u << 8,
    PROTO_CUST_EMOTIONS = 1u << 9, /* only with consent.text_emotion */
};
typedef struct proto_customer_features {
    uint64_t present; /* PROTO_BEH_* | PROTO_CUST_* */
    proto_behaviour b;
    float arousal;                   /* 0..1 relative to the customer's own baseline */
    float pitch_rel_st;              /* f0 median minus baseline, semitones */
    float loudness_rel_db;           /* loudness minus baseline, dB */
    float valence;                   /* -1..1, decaying average of text valence */
    float valence_trend;             /* change of valence per minute */
    float emotions[PROTO_EMO_COUNT]; /* 0..1 each, proto_emotion order */
} proto_customer_features;

enum { PROTO_FEATURES_CONSENT = 1u << 0 };
typedef struct proto_features {
    uint64_t present;
    uint64_t seq;
    proto_str call;
    uint32_t t_ms;        /* call time: ms since call start */
    uint32_t dead_air_ms; /* current stretch with both parties silent (0 when not) */
    bool on_hold;         /* a declared hold is in progress (not dead air) */
    proto_agent_features agent;
    proto_customer_features customer;
    proto_consent_flags consent; /* optional: the consent in force (what the console shows) */
} proto_features;

enum {
    PROTO_CUE_END_MS = 1u << 0,
    PROTO_CUE_EVIDENCE = 1u << 1,
    PROTO_CUE_QUOTE = 1u << 2,
};
typedef struct proto_cue {
    uint64_t present;
    uint64_t seq;
    proto_str call;
    uint32_t t_ms;
    uint32_t id; /* per call; the closing message repeats the opening id */
    proto_cue_kind cue;
    proto_cue_state state;
    proto_who party;   /* whom the cue is about */
    uint32_t priority; /* 0 (highest) .. 9 */
    uint32_t start_ms; /* call time the evidence starts */
    uint32_t end_ms;   /* optional: call time it ended (closed cues) */
    const proto_kv *evidence;
    uint32_t n_evidence; /* <= PROTO_MAX_EVIDENCE */
    proto_str quote;     /* optional, redacted text <= PROTO_MAX_SHORT_TEXT */
} proto_cue;

enum {
    PROTO_PROMPT_CUE_ID = 1u << 0,
    PROTO_PROMPT_TTL = 1u << 1,
    PROTO_PROMPT_CHECKLIST = 1u << 2
};
typedef struct proto_prompt {
    uint64_t present;
    uint64_t seq;
    proto_str call;
    uint32_t t_ms;
    uint32_t id;
    uint32_t cue_id;            /* optional: the cue that caused it */
    proto_str text;             /* <= PROTO_MAX_SHORT_TEXT, from the playbook */
    uint32_t priority;          /* 0 (highest) .. 9 */
    uint32_t ttl_ms;            /* optional: hide after this long */
    const proto_str *checklist; /* optional, e.g. the empathy checklist */
    uint32_t n_checklist;       /* <= PROTO_MAX_CHECKLIST */
} proto_prompt;

enum { PROTO_ESC_EVIDENCE = 1u << 0, PROTO_ESC_QUOTE = 1u << 1 };
typedef struct proto_escalation {
    uint64_t present;
    uint64_t seq;
    proto_str call;
    uint32_t t_ms;
    uint32_t id;
    proto_esc_level level;
    proto_esc_reason reason;
    const proto_kv *evidence;
    uint32_t n_evidence;
    proto_str quote; /* optional, redacted */
} proto_escalation;

enum {
    PROTO_SUM_SENTIMENT_START = 1u << 0,
    PROTO_SUM_SENTIMENT_END = 1u << 1,
    PROTO_SUM_SENTIMENT_TREND = 1u << 2,
    PROTO_SUM_EMPATHY = 1u << 3,
    PROTO_SUM_METRICS = 1u << 4,
};
typedef struct proto_summary {
    uint64_t present;
    uint64_t seq;
    proto_str call;
    uint32_t t_ms; /* call duration */
    uint32_t agent_talk_ms;
    uint32_t customer_talk_ms;
    float talk_ratio; /* agent share of speech, 0..1 */
    uint32_t latency_p50_ms;
    uint32_t latency_p90_ms;
    uint32_t interruptions_agent;
    uint32_t interruptions_customer;
    uint32_t backchannels;
    uint32_t dead_air_ms;
    uint32_t longest_monologue_ms;
    float agent_rate_sps;
    uint32_t n_cues;
    uint32_t n_escalations;
    float sentiment_start; /* -1..1 */
    float sentiment_end;
    float sentiment_trend;
    float empathy;           /* 0..1 */
    const proto_kv *metrics; /* empathy components and further measures */
    uint32_t n_metrics;      /* <= PROTO_MAX_COUNTERS */
} proto_summary;

typedef struct proto_stats {
    uint64_t present;
    uint64_t seq;
    uint64_t uptime_ms;
    uint32_t calls_active;
    const proto_kv *counters; /* e.g. frames_in, rejected.bad_rate, latency_p99_us */
    uint32_t n_counters;      /* <= PROTO_MAX_COUNTERS */
} proto_stats;

typedef struct proto_open_cue {
    uint64_t present;
    uint32_t id;
    proto_cue_kind cue;
    proto_who party;
    uint32_t since_ms;
    uint32_t priority;
} proto_open_cue;

enum {
    PROTO_CS_QUEUE = 1u << 0,
    PROTO_CS_LEVEL = 1u << 1, /* highest escalation level raised so far */
    PROTO_CS_SENTIMENT = 1u << 2,
    PROTO_CS_PROMPT = 1u << 3,
};
typedef struct proto_call_state {
    uint64_t present;
    uint64_t seq; /* the call's last published seq that this state includes */
    proto_str call;
    proto_str agent;
    proto_str team;
    proto_str queue;
    proto_medium medium;
    proto_handler handler;
    uint32_t t_ms; /* call time now */
    float risk;    /* 0..1, the supervisor wall's ranking */
    proto_esc_level level;
    float sentiment;
    proto_consent_flags consent;
    const proto_open_cue *cues;
    uint32_t n_cues;    /* <= PROTO_MAX_OPEN_CUES */
    uint32_t prompt_id; /* optional (PROTO_CS_PROMPT): the coaching prompt shown now */
    proto_str prompt;   /* optional (PROTO_CS_PROMPT), <= PROTO_MAX_SHORT_TEXT */
} proto_call_state;

enum { PROTO_SNAPSHOT_REQ_ID_FIELD = 1u << 0 };
typedef struct proto_snapshot {
    uint64_t present;
    uint64_t seq; /* the engine/stats stream's last seq (calls carry their own) */
    uint64_t req_id;
    const proto_call_state *calls;
    uint32_t n_calls; /* <= PROTO_MAX_SNAPSHOT_CALLS */
} proto_snapshot;

/* One message of any type. */
typedef struct proto_msg {
    proto_type type;
    union {
        proto_call_start call_start;
        proto_audio audio;
        proto_text text;
        proto_signal signal;
        proto_consent consent;
        proto_call_end call_end;
        proto_snapshot_req snapshot_req;
        proto_ack ack;
        proto_hold hold;
        proto_features features;
        proto_cue cue;
        proto_prompt prompt;
        proto_escalation escalation;
        proto_summary summary;
        proto_stats stats;
        proto_snapshot snapshot;
    } u;
} proto_msg;

/* What went wrong, for people: path names the field ("audio.rate_hz",
 * "snapshot.calls[3].cues[0].cue"; empty for the message as a whole), offset is
 * the byte offset in the input where it was noticed. */
typedef struct proto_error {
    char path[PROTO_ERR_PATH_LEN];
    char reason[PROTO_ERR_REASON_LEN];
    size_t offset;
} proto_error;

/* Caller-owned memory that decoded arrays are carved from (no allocation). */
typedef struct proto_arena {
    unsigned char *mem;
    size_t size;
    size_t used;
} proto_arena;

/* Points arena at size bytes of caller memory (which must outlive decoded messages). */
void proto_arena_init(proto_arena *arena, void *mem, size_t size);

/* Forgets every array carved so far; messages decoded before become invalid. */
void proto_arena_reset(proto_arena *arena);

/* Decodes exactly one message from buf[0..len). arena may be NULL when the
 * message type has no arrays (audio, text, ...); an array then fails cleanly.
 * Returns RP_OK, or RP_EPROTO with err (may be NULL) saying where and why; out is
 * then unspecified. Never crashes, asserts or allocates, whatever the bytes. */
RP_NODISCARD int proto_decode(const uint8_t *buf, size_t len, proto_arena *arena, proto_msg *out,
                              proto_error *err);

/* Encodes msg into buf[0..cap), *n_out = bytes written. RP_EINVAL with err when
 * msg breaks the schema or limits (the same rules the decoder enforces), RP_EFULL
 * when cap is too small. Output is at most PROTO_MAX_MSG_BYTES. */
RP_NODISCARD int proto_encode(const proto_msg *msg, uint8_t *buf, size_t cap, size_t *n_out,
                              proto_error *err);

/* Writes msg as one line of JSON (no newline) into buf[0..cap) with a NUL;
 * *n_out = length without the NUL. Sample bytes appear as {"n_samples":N,"bytes":B}.
 * RP_EFULL when cap is too small. msg must be valid (decoded or encodable). */
RP_NODISCARD int proto_to_json(const proto_msg *msg, char *buf, size_t cap, size_t *n_out);

/* Reads only a message's envelope: its type and its top-level "call" when that is
 * a string ({NULL, 0} otherwise; it borrows from buf). Bounded like proto_decode
 * (every length is checked against the bytes), but the other fields, their types,
 * limits and UTF-8 are not looked at: it routes a message and never replaces
 * proto_decode(). RP_OK, or RP_EPROTO with err (may be NULL) saying why. Never
 * crashes or allocates; real-time safe. */
RP_NODISCARD int proto_peek(const uint8_t *buf, size_t len, proto_type *type, proto_str *call,
                            proto_error *err);

/* Wire name of a type ("audio") / of an enum value; NULL when out of range. */
const char *proto_type_name(proto_type type);
const char *proto_cue_name(proto_cue_kind cue);
const char *proto_reason_name(proto_esc_reason reason);
const char *proto_level_name(proto_esc_level level);

/* The publishing-stream seq of a published message (features, cue, prompt,
 * escalation, summary, stats): true and *seq set; false for other types. */
bool proto_msg_seq(const proto_msg *msg, uint64_t *seq);

/* The call a message is about (inbound, ack or published), or {NULL, 0} for the
 * others (stats, snapshots, requests). Borrows from msg. */
proto_str proto_msg_call(const proto_msg *msg);

/* Sets that seq; false (nothing changed) for other types. */
bool proto_msg_set_seq(proto_msg *msg, uint64_t seq);

/* Bytes per sample of an encoding (1, 2 or 4); 0 when out of range. */
uint32_t proto_encoding_bytes(proto_encoding enc);

/* True when s is a valid id: 1..PROTO_MAX_ID_BYTES bytes of [A-Za-z0-9_.:@-]. */
bool proto_id_valid(const char *s, size_t len);

/* proto_str over a NUL-terminated C string (borrowed). */
proto_str proto_cstr(const char *s);

/* True when a proto_str equals a NUL-terminated string. */
bool proto_str_eq(proto_str a, const char *s);

/* Builds the publishing topic "call/<team>/<agent>/<call>/<type>" into buf with a
 * NUL. Prefix subscriptions select one agent ("call/<team>/<agent>/"), a team
 * ("call/<team>/") or everything ("call/"). RP_EINVAL for invalid ids, RP_EFULL
 * when cap is too small. Engine-wide messages use "engine/<type>". */
RP_NODISCARD int proto_topic(proto_str team, proto_str agent, proto_str call, proto_type type,
                             char *buf, size_t cap);

#endif /* PROTO_PROTO_H */
