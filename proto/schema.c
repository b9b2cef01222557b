/* proto/schema.c - field tables of every message and object (see docs/protocol.md). */
#include "proto/schema.h"

#include <float.h>
#include <stdio.h>

/* clang-format off */
/* Descriptor builders: T = struct, K = wire key, M = member, B = presence bit (0 = required). */
#define F_BOOL(T, K, M, B)          {K, PF_BOOL, B, offsetof(T, M), 0, 0, 0, 0, 0, NULL, 0, NULL}
#define F_U32(T, K, M, B, LO, HI)   {K, PF_U32, B, offsetof(T, M), 0, HI, LO, 0, 0, NULL, 0, NULL}
#define F_U64(T, K, M, B)           {K, PF_U64, B, offsetof(T, M), 0, UINT64_MAX, 0, 0, 0, NULL, 0, NULL}
#define F_I64(T, K, M, B, LO, HI)   {K, PF_I64, B, offsetof(T, M), 0, HI, LO, 0, 0, NULL, 0, NULL}
#define F_F32(T, K, M, B, LO, HI)   {K, PF_F32, B, offsetof(T, M), 0, 0, 0, LO, HI, NULL, 0, NULL}
#define F_F64(T, K, M, B, LO, HI)   {K, PF_F64, B, offsetof(T, M), 0, 0, 0, LO, HI, NULL, 0, NULL}
#define F_STR(T, K, M, B, MAX)      {K, PF_STR, B, offsetof(T, M), 0, MAX, 0, 0, 0, NULL, 0, NULL}
#define F_ID(T, K, M, B)            {K, PF_ID, B, offsetof(T, M), 0, PROTO_MAX_ID_BYTES, 0, 0, 0, NULL, 0, NULL}
#define F_ENUM(T, K, M, B, N)       {K, PF_ENUM, B, offsetof(T, M), 0, 0, 0, 0, 0, N, RP_ARRAY_LEN(N), NULL}
#define F_BIN(T, K, M, B, MAX)      {K, PF_BIN, B, offsetof(T, M), 0, MAX, 0, 0, 0, NULL, 0, NULL}
#define F_OBJ(T, K, M, B, S)        {K, PF_OBJ, B, offsetof(T, M), 0, 0, 0, 0, 0, NULL, 0, &S}
#define F_ARR(T, K, M, C, B, MAX, S) {K, PF_ARR, B, offsetof(T, M), offsetof(T, C), MAX, 0, 0, 0, NULL, 0, &S}
#define F_STRS(T, K, M, C, B, MAX)  {K, PF_STRS, B, offsetof(T, M), offsetof(T, C), MAX, 0, 0, 0, NULL, 0, NULL}
#define SCHEMA(NAME, T, FIELDS, PRESENT, CHECK) \
    {NAME, FIELDS, RP_ARRAY_LEN(FIELDS), sizeof(T), PRESENT, CHECK}

#define TS_MAX ((int64_t)1 << 62)
#define CALL_MS_MAX UINT32_MAX

/* ---- enum names: the order is the C enum's ---- */
static const char *const party_names[] = {"agent", "customer"};
static const char *const speaker_names[] = {"agent", "customer", "bot"};
static const char *const who_names[] = {"agent", "customer", "both"};
static const char *const medium_names[] = {"voice", "chat"};
static const char *const handler_names[] = {"human", "bot"};
static const char *const encoding_names[] = {"pcm16le", "mulaw", "alaw", "f32le"};
static const char *const source_names[] = {"chat", "transcript"};
static const char *const signal_names[] = {"form_error", "repeated_error", "rage_click", "rapid_exit"};
static const char *const cue_names[] = {
    "speaking_fast", "speaking_slow", "continuous_speaking", "extended_silence",
    "slow_response", "interruption", "customer_tension", "negative_sentiment",
    "escalation_intent", "sensitive_topic", "sarcasm", "digital_frustration"};
static const char *const state_names[] = {"open", "closed"};
static const char *const level_names[] = {"supervisor", "handoff", "priority"};
static const char *const reason_names[] = {
    "human_request", "cancel", "legal", "public", "repeat_contact", "sensitive_topic",
    "customer_tension", "negative_trend", "digital_frustration", "safety"};
static const char *const type_names[] = {
    "", "call_start", "audio", "text", "signal", "consent", "call_end", "snapshot_req", "ack", "hold",
    "features", "cue", "prompt", "escalation", "summary", "stats", "snapshot"};

_Static_assert(RP_ARRAY_LEN(party_names) == PROTO_PARTY_COUNT, "party names");
_Static_assert(RP_ARRAY_LEN(speaker_names) == PROTO_SPK_COUNT, "speaker names");
_Static_assert(RP_ARRAY_LEN(who_names) == PROTO_WHO_COUNT, "who names");
_Static_assert(RP_ARRAY_LEN(medium_names) == PROTO_MEDIUM_COUNT, "medium names");
_Static_assert(RP_ARRAY_LEN(handler_names) == PROTO_HANDLER_COUNT, "handler names");
_Static_assert(RP_ARRAY_LEN(encoding_names) == PROTO_ENCODING_COUNT, "encoding names");
_Static_assert(RP_ARRAY_LEN(source_names) == PROTO_SRC_COUNT, "source names");
_Static_assert(RP_ARRAY_LEN(signal_names) == PROTO_SIG_COUNT, "signal names");
_Static_assert(RP_ARRAY_LEN(cue_names) == PROTO_CUE_COUNT, "cue names");
_Static_assert(RP_ARRAY_LEN(state_names) == PROTO_CUE_STATE_COUNT, "state names");
_Static_assert(RP_ARRAY_LEN(level_names) == PROTO_LEVEL_COUNT, "level names");
_Static_assert(RP_ARRAY_LEN(reason_names) == PROTO_REASON_COUNT, "reason names");
_Static_assert(RP_ARRAY_LEN(type_names) == PROTO_T_COUNT, "type names");
_Static_assert(sizeof(proto_party) == sizeof(int) && sizeof(proto_cue_kind) == sizeof(int),
               "enums are stored as int");

/* ---- shared objects ---- */
static const proto_field kv_fields[] = {
    F_ID(proto_kv, "name", name, 0),
    F_F64(proto_kv, "value", value, 0, -DBL_MAX, DBL_MAX),
};
static const proto_schema kv_schema = SCHEMA("kv", proto_kv, kv_fields, 1, NULL);

static const proto_field consent_fields[] = {
    F_BOOL(proto_consent_flags, "voice_emotion", voice_emotion, 0),
    F_BOOL(proto_consent_flags, "text_emotion", text_emotion, 0),
};
static const proto_schema consent_schema =
    SCHEMA("consent", proto_consent_flags, consent_fields, 1, NULL);

static const proto_field crm_fields[] = {
    F_F64(proto_crm, "value", value, PROTO_CRM_VALUE, -1e15, 1e15),
    F_U32(proto_crm, "tenure_days", tenure_days, PROTO_CRM_TENURE_DAYS, 0, 100000),
    F_STR(proto_crm, "tier", tier, PROTO_CRM_TIER, 64),
    F_U32(proto_crm, "prior_contacts_30d", prior_contacts_30d, PROTO_CRM_PRIOR_CONTACTS, 0, 100000),
};
static const proto_schema crm_schema = SCHEMA("crm", proto_crm, crm_fields, 1, NULL);

/* ---- inbound ---- */
static const proto_field call_start_fields[] = {
    F_ID(proto_call_start, "call", call, 0),
    F_ID(proto_call_start, "agent", agent, 0),
    F_ID(proto_call_start, "team", team, 0),
    F_ID(proto_call_start, "customer", customer, PROTO_CALL_START_CUSTOMER),
    F_ENUM(proto_call_start, "medium", medium, 0, medium_names),
    F_ENUM(proto_call_start, "handler", handler, PROTO_CALL_START_HANDLER, handler_names),
    F_ID(proto_call_start, "queue", queue, PROTO_CALL_START_QUEUE),
    F_STR(proto_call_start, "topic", topic, PROTO_CALL_START_TOPIC, 128),
    F_OBJ(proto_call_start, "consent", consent, 0, consent_schema),
    F_OBJ(proto_call_start, "crm", crm, PROTO_CALL_START_CRM, crm_schema),
    F_I64(proto_call_start, "ts_us", ts_us, 0, 0, TS_MAX),
};

static int check_audio(const void *obj, proto_error *err);
static const proto_field audio_fields[] = {
    F_ID(proto_audio, "call", call, 0),
    F_ENUM(proto_audio, "ch", ch, 0, party_names),
    F_U64(proto_audio, "seq", seq, 0),
    F_I64(proto_audio, "ts_us", ts_us, 0, 0, TS_MAX),
    F_U32(proto_audio, "rate_hz", rate_hz, 0, 8000, 16000),
    F_ENUM(proto_audio, "enc", enc, 0, encoding_names),
    F_BIN(proto_audio, "samples", samples, 0, PROTO_MAX_SAMPLES * 4u),
};

static const proto_field text_fields[] = {
    F_ID(proto_text, "call", call, 0),
    F_ENUM(proto_text, "speaker", speaker, 0, speaker_names),
    F_STR(proto_text, "text", text, 0, PROTO_MAX_TEXT_BYTES),
    F_I64(proto_text, "ts_us", ts_us, 0, 0, TS_MAX),
    F_BOOL(proto_text, "final", final, 0),
    F_ENUM(proto_text, "source", source, PROTO_TEXT_SOURCE, source_names),
    F_U64(proto_text, "msg_id", msg_id, PROTO_TEXT_MSG_ID),
};

static const proto_field signal_fields[] = {
    F_ID(proto_signal, "call", call, 0),
    F_ENUM(proto_signal, "kind", kind, 0, signal_names),
    F_I64(proto_signal, "ts_us", ts_us, 0, 0, TS_MAX),
    F_STR(proto_signal, "detail", detail, PROTO_SIGNAL_DETAIL, 256),
    F_U32(proto_signal, "count", count, PROTO_SIGNAL_COUNT_FIELD, 0, 1000000),
};

static const proto_field consent_msg_fields[] = {
    F_ID(proto_consent, "call", call, 0),
    F_I64(proto_consent, "ts_us", ts_us, 0, 0, TS_MAX),
    F_OBJ(proto_consent, "consent", consent, 0, consent_schema),
};

static const proto_field call_end_fields[] = {
    F_ID(proto_call_end, "call", call, 0),
    F_I64(proto_call_end, "ts_us", ts_us, 0, 0, TS_MAX),
    F_STR(proto_call_end, "reason", reason, PROTO_CALL_END_REASON, 64),
};

static const proto_field snapshot_req_fields[] = {
    F_ID(proto_snapshot_req, "call", call, PROTO_SNAPSHOT_REQ_CALL),
    F_ID(proto_snapshot_req, "agent", agent, PROTO_SNAPSHOT_REQ_AGENT),
    F_ID(proto_snapshot_req, "team", team, PROTO_SNAPSHOT_REQ_TEAM),
    F_U64(proto_snapshot_req, "req_id", req_id, PROTO_SNAPSHOT_REQ_REQ_ID),
};

static const proto_field ack_fields[] = {
    F_ID(proto_ack, "call", call, 0),
    F_U32(proto_ack, "alert_id", alert_id, 0, 0, UINT32_MAX),
    F_ID(proto_ack, "by", by, 0),
    F_I64(proto_ack, "ts_us", ts_us, 0, 0, TS_MAX),
    F_STR(proto_ack, "note", note, PROTO_ACK_NOTE, 256),
};

static const proto_field hold_fields[] = {
    F_ID(proto_hold, "call", call, 0),
    F_I64(proto_hold, "ts_us", ts_us, 0, 0, TS_MAX),
    F_BOOL(proto_hold, "on", on, 0),
};

/* ---- outbound ---- */
/* The behaviour fields, flattened into the agent and customer maps. */
#define BEHAVIOUR_FIELDS(T) \
    F_BOOL(T, "speaking", b.speaking, 0), \
    F_F32(T, "rate_sps", b.rate_sps, PROTO_BEH_RATE, 0.0, 50.0), \
    F_F32(T, "artic_sps", b.artic_sps, PROTO_BEH_ARTIC, 0.0, 50.0), \
    F_F32(T, "rate_rel", b.rate_rel, PROTO_BEH_RATE_REL, 0.0, 100.0), \
    F_F32(T, "talk_ratio", b.talk_ratio, 0, 0.0, 1.0), \
    F_U32(T, "monologue_ms", b.monologue_ms, 0, 0, CALL_MS_MAX), \
    F_U32(T, "latency_ms", b.latency_ms, PROTO_BEH_LATENCY, 0, CALL_MS_MAX), \
    F_U32(T, "interruptions", b.interruptions, 0, 0, UINT32_MAX), \
    F_U32(T, "backchannels", b.backchannels, 0, 0, UINT32_MAX)

static const proto_field agent_fields[] = {
    BEHAVIOUR_FIELDS(proto_agent_features),
    F_F32(proto_agent_features, "empathy", empathy, PROTO_AGENT_EMPATHY, 0.0, 1.0),
    F_F32(proto_agent_features, "tone_deaf", tone_deaf, PROTO_AGENT_TONE_DEAF, 0.0, 1.0),
};
static const proto_schema agent_schema =
    SCHEMA("agent", proto_agent_features, agent_fields, 1, NULL);

typedef struct emotions_obj {
    float v[PROTO_EMO_COUNT];
} emotions_obj;
static const proto_field emotion_fields[] = {
    F_F32(emotions_obj, "anger", v[PROTO_EMO_ANGER], 0, 0.0, 1.0),
    F_F32(emotions_obj, "annoyance", v[PROTO_EMO_ANNOYANCE], 0, 0.0, 1.0),
    F_F32(emotions_obj, "anxiety", v[PROTO_EMO_ANXIETY], 0, 0.0, 1.0),
    F_F32(emotions_obj, "confusion", v[PROTO_EMO_CONFUSION], 0, 0.0, 1.0),
    F_F32(emotions_obj, "sadness", v[PROTO_EMO_SADNESS], 0, 0.0, 1.0),
    F_F32(emotions_obj, "gratitude", v[PROTO_EMO_GRATITUDE], 0, 0.0, 1.0),
    F_F32(emotions_obj, "joy", v[PROTO_EMO_JOY], 0, 0.0, 1.0),
};
static const proto_schema emotions_schema =
    SCHEMA("emotions", emotions_obj, emotion_fields, 0, NULL);

static const proto_field customer_fields[] = {
    BEHAVIOUR_FIELDS(proto_customer_features),
    F_F32(proto_customer_features, "arousal", arousal, PROTO_CUST_AROUSAL, 0.0, 1.0),
    F_F32(proto_customer_features, "pitch_rel_st", pitch_rel_st, PROTO_CUST_PITCH_REL, -48.0, 48.0),
    F_F32(proto_customer_features, "loudness_rel_db", loudness_rel_db, PROTO_CUST_LOUDNESS_REL,
          -120.0, 120.0),
    F_F32(proto_customer_features, "valence", valence, PROTO_CUST_VALENCE, -1.0, 1.0),
    F_F32(proto_customer_features, "valence_trend", valence_trend, PROTO_CUST_TREND, -100.0, 100.0),
    F_OBJ(proto_customer_features, "emotions", emotions, PROTO_CUST_EMOTIONS, emotions_schema),
};
static const proto_schema customer_schema =
    SCHEMA("customer", proto_customer_features, customer_fields, 1, NULL);

static const proto_field features_fields[] = {
    F_U64(proto_features, "seq", seq, 0),
    F_ID(proto_features, "call", call, 0),
    F_U32(proto_features, "t_ms", t_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_features, "dead_air_ms", dead_air_ms, 0, 0, CALL_MS_MAX),
    F_BOOL(proto_features, "on_hold", on_hold, 0),
    F_OBJ(proto_features, "agent", agent, 0, agent_schema),
    F_OBJ(proto_features, "customer", customer, 0, customer_schema),
    F_OBJ(proto_features, "consent", consent, PROTO_FEATURES_CONSENT, consent_schema),
};

static const proto_field cue_fields[] = {
    F_U64(proto_cue, "seq", seq, 0),
    F_ID(proto_cue, "call", call, 0),
    F_U32(proto_cue, "t_ms", t_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_cue, "id", id, 0, 0, UINT32_MAX),
    F_ENUM(proto_cue, "cue", cue, 0, cue_names),
    F_ENUM(proto_cue, "state", state, 0, state_names),
    F_ENUM(proto_cue, "party", party, 0, who_names),
    F_U32(proto_cue, "priority", priority, 0, 0, 9),
    F_U32(proto_cue, "start_ms", start_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_cue, "end_ms", end_ms, PROTO_CUE_END_MS, 0, CALL_MS_MAX),
    F_ARR(proto_cue, "evidence", evidence, n_evidence, PROTO_CUE_EVIDENCE, PROTO_MAX_EVIDENCE,
          kv_schema),
    F_STR(proto_cue, "quote", quote, PROTO_CUE_QUOTE, PROTO_MAX_SHORT_TEXT),
};

static const proto_field prompt_fields[] = {
    F_U64(proto_prompt, "seq", seq, 0),
    F_ID(proto_prompt, "call", call, 0),
    F_U32(proto_prompt, "t_ms", t_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_prompt, "id", id, 0, 0, UINT32_MAX),
    F_U32(proto_prompt, "cue_id", cue_id, PROTO_PROMPT_CUE_ID, 0, UINT32_MAX),
    F_STR(proto_prompt, "text", text, 0, PROTO_MAX_SHORT_TEXT),
    F_U32(proto_prompt, "priority", priority, 0, 0, 9),
    F_U32(proto_prompt, "ttl_ms", ttl_ms, PROTO_PROMPT_TTL, 0, CALL_MS_MAX),
    F_STRS(proto_prompt, "checklist", checklist, n_checklist, PROTO_PROMPT_CHECKLIST,
           PROTO_MAX_CHECKLIST),
};

static const proto_field escalation_fields[] = {
    F_U64(proto_escalation, "seq", seq, 0),
    F_ID(proto_escalation, "call", call, 0),
    F_U32(proto_escalation, "t_ms", t_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_escalation, "id", id, 0, 0, UINT32_MAX),
    F_ENUM(proto_escalation, "level", level, 0, level_names),
    F_ENUM(proto_escalation, "reason", reason, 0, reason_names),
    F_ARR(proto_escalation, "evidence", evidence, n_evidence, PROTO_ESC_EVIDENCE,
          PROTO_MAX_EVIDENCE, kv_schema),
    F_STR(proto_escalation, "quote", quote, PROTO_ESC_QUOTE, PROTO_MAX_SHORT_TEXT),
};

static int check_summary(const void *obj, proto_error *err);
static const proto_field summary_fields[] = {
    F_U64(proto_summary, "seq", seq, 0),
    F_ID(proto_summary, "call", call, 0),
    F_U32(proto_summary, "t_ms", t_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_summary, "agent_talk_ms", agent_talk_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_summary, "customer_talk_ms", customer_talk_ms, 0, 0, CALL_MS_MAX),
    F_F32(proto_summary, "talk_ratio", talk_ratio, 0, 0.0, 1.0),
    F_U32(proto_summary, "latency_p50_ms", latency_p50_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_summary, "latency_p90_ms", latency_p90_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_summary, "interruptions_agent", interruptions_agent, 0, 0, UINT32_MAX),
    F_U32(proto_summary, "interruptions_customer", interruptions_customer, 0, 0, UINT32_MAX),
    F_U32(proto_summary, "backchannels", backchannels, 0, 0, UINT32_MAX),
    F_U32(proto_summary, "dead_air_ms", dead_air_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_summary, "longest_monologue_ms", longest_monologue_ms, 0, 0, CALL_MS_MAX),
    F_F32(proto_summary, "agent_rate_sps", agent_rate_sps, 0, 0.0, 50.0),
    F_U32(proto_summary, "n_cues", n_cues, 0, 0, UINT32_MAX),
    F_U32(proto_summary, "n_escalations", n_escalations, 0, 0, UINT32_MAX),
    F_F32(proto_summary, "sentiment_start", sentiment_start, PROTO_SUM_SENTIMENT_START, -1.0, 1.0),
    F_F32(proto_summary, "sentiment_end", sentiment_end, PROTO_SUM_SENTIMENT_END, -1.0, 1.0),
    F_F32(proto_summary, "sentiment_trend", sentiment_trend, PROTO_SUM_SENTIMENT_TREND, -100.0, 100.0),
    F_F32(proto_summary, "empathy", empathy, PROTO_SUM_EMPATHY, 0.0, 1.0),
    F_ARR(proto_summary, "metrics", metrics, n_metrics, PROTO_SUM_METRICS, PROTO_MAX_COUNTERS,
          kv_schema),
};

static const proto_field stats_fields[] = {
    F_U64(proto_stats, "seq", seq, 0),
    F_U64(proto_stats, "uptime_ms", uptime_ms, 0),
    F_U32(proto_stats, "calls_active", calls_active, 0, 0, UINT32_MAX),
    F_ARR(proto_stats, "counters", counters, n_counters, 0, PROTO_MAX_COUNTERS, kv_schema),
};

static const proto_field open_cue_fields[] = {
    F_U32(proto_open_cue, "id", id, 0, 0, UINT32_MAX),
    F_ENUM(proto_open_cue, "cue", cue, 0, cue_names),
    F_ENUM(proto_open_cue, "party", party, 0, who_names),
    F_U32(proto_open_cue, "since_ms", since_ms, 0, 0, CALL_MS_MAX),
    F_U32(proto_open_cue, "priority", priority, 0, 0, 9),
};
static const proto_schema open_cue_schema =
    SCHEMA("cue", proto_open_cue, open_cue_fields, 1, NULL);

static const proto_field call_state_fields[] = {
    F_U64(proto_call_state, "seq", seq, 0),
    F_ID(proto_call_state, "call", call, 0),
    F_ID(proto_call_state, "agent", agent, 0),
    F_ID(proto_call_state, "team", team, 0),
    F_ID(proto_call_state, "queue", queue, PROTO_CS_QUEUE),
    F_ENUM(proto_call_state, "medium", medium, 0, medium_names),
    F_ENUM(proto_call_state, "handler", handler, 0, handler_names),
    F_U32(proto_call_state, "t_ms", t_ms, 0, 0, CALL_MS_MAX),
    F_F32(proto_call_state, "risk", risk, 0, 0.0, 1.0),
    F_ENUM(proto_call_state, "level", level, PROTO_CS_LEVEL, level_names),
    F_F32(proto_call_state, "sentiment", sentiment, PROTO_CS_SENTIMENT, -1.0, 1.0),
    F_OBJ(proto_call_state, "consent", consent, 0, consent_schema),
    F_ARR(proto_call_state, "cues", cues, n_cues, 0, PROTO_MAX_OPEN_CUES, open_cue_schema),
    F_U32(proto_call_state, "prompt_id", prompt_id, PROTO_CS_PROMPT, 0, UINT32_MAX),
    F_STR(proto_call_state, "prompt", prompt, PROTO_CS_PROMPT, PROTO_MAX_SHORT_TEXT),
};
static const proto_schema call_state_schema =
    SCHEMA("call", proto_call_state, call_state_fields, 1, NULL);

static const proto_field snapshot_fields[] = {
    F_U64(proto_snapshot, "seq", seq, 0),
    F_U64(proto_snapshot, "req_id", req_id, PROTO_SNAPSHOT_REQ_ID_FIELD),
    F_ARR(proto_snapshot, "calls", calls, n_calls, 0, PROTO_MAX_SNAPSHOT_CALLS, call_state_schema),
};

static const proto_schema message_schemas[PROTO_T_COUNT] = {
    [PROTO_T_CALL_START] = SCHEMA("call_start", proto_call_start, call_start_fields, 1, NULL),
    [PROTO_T_AUDIO] = SCHEMA("audio", proto_audio, audio_fields, 1, check_audio),
    [PROTO_T_TEXT] = SCHEMA("text", proto_text, text_fields, 1, NULL),
    [PROTO_T_SIGNAL] = SCHEMA("signal", proto_signal, signal_fields, 1, NULL),
    [PROTO_T_CONSENT] = SCHEMA("consent", proto_consent, consent_msg_fields, 1, NULL),
    [PROTO_T_CALL_END] = SCHEMA("call_end", proto_call_end, call_end_fields, 1, NULL),
    [PROTO_T_SNAPSHOT_REQ] = SCHEMA("snapshot_req", proto_snapshot_req, snapshot_req_fields, 1, NULL),
    [PROTO_T_ACK] = SCHEMA("ack", proto_ack, ack_fields, 1, NULL),
    [PROTO_T_HOLD] = SCHEMA("hold", proto_hold, hold_fields, 1, NULL),
    [PROTO_T_FEATURES] = SCHEMA("features", proto_features, features_fields, 1, NULL),
    [PROTO_T_CUE] = SCHEMA("cue", proto_cue, cue_fields, 1, NULL),
    [PROTO_T_PROMPT] = SCHEMA("prompt", proto_prompt, prompt_fields, 1, NULL),
    [PROTO_T_ESCALATION] = SCHEMA("escalation", proto_escalation, escalation_fields, 1, NULL),
    [PROTO_T_SUMMARY] = SCHEMA("summary", proto_summary, summary_fields, 1, check_summary),
    [PROTO_T_STATS] = SCHEMA("stats", proto_stats, stats_fields, 1, NULL),
    [PROTO_T_SNAPSHOT] = SCHEMA("snapshot", proto_snapshot, snapshot_fields, 1, NULL),
};
/* clang-format on */

static int check_audio(const void *obj, proto_error *err)
{
    const proto_audio *a = obj;
    if (a->rate_hz != 8000 && a->rate_hz != 16000) {
        snprintf(err->reason, sizeof err->reason, "rate_hz %u: only 8000 and 16000 are accepted",
                 a->rate_hz);
        return RP_EPROTO;
    }
    uint32_t width = proto_encoding_bytes(a->enc);
    if (a->samples.len == 0 || a->samples.len % width != 0) {
        snprintf(err->reason, sizeof err->reason,
                 "samples: %u bytes is not a positive multiple of %u (the size of a %s sample)",
                 a->samples.len, width, encoding_names[a->enc]);
        return RP_EPROTO;
    }
    if (a->samples.len / width > PROTO_MAX_SAMPLES) {
        snprintf(err->reason, sizeof err->reason, "samples: %u samples exceed the limit of %u",
                 a->samples.len / width, PROTO_MAX_SAMPLES);
        return RP_EPROTO;
    }
    return RP_OK;
}

static int check_summary(const void *obj, proto_error *err)
{
    const proto_summary *s = obj;
    if (s->latency_p90_ms < s->latency_p50_ms) {
        snprintf(err->reason, sizeof err->reason, "latency_p90_ms %u is below latency_p50_ms %u",
                 s->latency_p90_ms, s->latency_p50_ms);
        return RP_EPROTO;
    }
    return RP_OK;
}

const proto_schema *proto_schema_of(proto_type type)
{
    if (type <= PROTO_T_NONE || type >= PROTO_T_COUNT) {
        return NULL;
    }
    return &message_schemas[type];
}

const char *proto_type_name(proto_type type)
{
    return type > PROTO_T_NONE && type < PROTO_T_COUNT ? type_names[type] : NULL;
}

const char *proto_cue_name(proto_cue_kind cue)
{
    return (unsigned)cue < PROTO_CUE_COUNT ? cue_names[cue] : NULL;
}

const char *proto_reason_name(proto_esc_reason reason)
{
    return (unsigned)reason < PROTO_REASON_COUNT ? reason_names[reason] : NULL;
}

const char *proto_level_name(proto_esc_level level)
{
    return (unsigned)level < PROTO_LEVEL_COUNT ? level_names[level] : NULL;
}

uint32_t proto_encoding_bytes(proto_encoding enc)
{
    switch (enc) {
    case PROTO_PCM16LE:
        return 2;
    case PROTO_MULAW:
    case PROTO_ALAW:
        return 1;
    case PROTO_F32LE:
        return 4;
    default:
        return 0;
    }
}

/* The seq field of the published types, or NULL. */
static uint64_t *seq_field(proto_msg *m)
{
    switch (m->type) {
    case PROTO_T_FEATURES:
        return &m->u.features.seq;
    case PROTO_T_CUE:
        return &m->u.cue.seq;
    case PROTO_T_PROMPT:
        return &m->u.prompt.seq;
    case PROTO_T_ESCALATION:
        return &m->u.escalation.seq;
    case PROTO_T_SUMMARY:
        return &m->u.summary.seq;
    case PROTO_T_STATS:
        return &m->u.stats.seq;
    default:
        return NULL;
    }
}

proto_str proto_msg_call(const proto_msg *m)
{
    static const proto_str none = {NULL, 0};
    switch (m->type) {
    case PROTO_T_CALL_START:
        return m->u.call_start.call;
    case PROTO_T_AUDIO:
        return m->u.audio.call;
    case PROTO_T_TEXT:
        return m->u.text.call;
    case PROTO_T_SIGNAL:
        return m->u.signal.call;
    case PROTO_T_CONSENT:
        return m->u.consent.call;
    case PROTO_T_CALL_END:
        return m->u.call_end.call;
    case PROTO_T_HOLD:
        return m->u.hold.call;
    case PROTO_T_ACK:
        return m->u.ack.call;
    case PROTO_T_FEATURES:
        return m->u.features.call;
    case PROTO_T_CUE:
        return m->u.cue.call;
    case PROTO_T_PROMPT:
        return m->u.prompt.call;
    case PROTO_T_ESCALATION:
        return m->u.escalation.call;
    case PROTO_T_SUMMARY:
        return m->u.summary.call;
    default:
        return none;
    }
}

bool proto_msg_seq(const proto_msg *msg, uint64_t *seq)
{
    const uint64_t *f = seq_field((proto_msg *)(uintptr_t)msg);
    if (f == NULL) {
        return false;
    }
    *seq = *f;
    return true;
}

bool proto_msg_set_seq(proto_msg *msg, uint64_t seq)
{
    uint64_t *f = seq_field(msg);
    if (f == NULL) {
        return false;
    }
    *f = seq;
    return true;
}
