/* engine/call.c - one call's pipeline: samples -> dsp hops -> aligned slots ->
 * turn-taking -> cues; text -> nlp -> fusion -> cues and escalations. */
#include "engine/call.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/alloc.h"
#include "common/clock.h"
#include "dsp/convert.h"
#include "dsp/features.h"
#include "dsp/stats.h"
#include "engine/align.h"
#include "engine/cues.h"
#include "engine/turns.h"

#define MAX_HOP             160u   /* samples per 10 ms hop at 16 kHz */
#define SIGNAL_RING         16u    /* frustration signals remembered */
#define SIGNAL_WINDOW       60000u /* ms over which signals are counted */
#define VALENCE_ALPHA       0.4f   /* weight of a new customer message in the valence average */
#define VALENCE_ALPHA_WORSE 0.6f   /* ... when it is more negative than the average */
#define EXCITED_VALENCE     0.3f   /* latest text at least this positive: arousal is excitement */
#define EXCITED_MS          20000u /* ... for this long after it */
#define TREND_RING          16u
#define TREND_SPAN_MS       120000u
#define RATE_MIN_SPEECH_MS  3000u   /* agent speech before the rate window means anything */
#define PACE_WINDOW_HOPS    600u    /* agent pace: rates over the last 6 s */
#define BASE_SPEECH_HOPS    6000.0f /* agent pace baseline: average over ~60 s of speech */

/* A person asked for in a session a person already handles, naming no one above
 * them (nlp human_senior false: "can I speak to someone about a mortgage"), is
 * routed by the agent, who heard it: no escalation_intent cue ("follow the
 * escalation steps") and no supervisor escalation, unless the message is also
 * this negative ("let me talk to someone who can actually help, this is
 * useless"). */
#define ROUTED_REQUEST_MAX_NEG -0.4f

typedef struct channel {
    dsp_features *dsp; /* NULL until the first frame shows the rate */
    dsp_stats stats;
    uint32_t rate_hz;
    uint32_t hop_samples;
    uint32_t hop_fill;
    float hop[MAX_HOP];
    dsp_frame last;
    bool have_frame;
    uint32_t speech_ms; /* voice activity so far */
    uint64_t frames;    /* dsp frames taken */
    uint64_t last_speech_frame;
    float base_artic; /* the speaker's own articulation-rate baseline, syllables/s */
    uint32_t n_base;  /* speech hops in the baseline */
} channel;

typedef struct trend_point {
    uint32_t t_ms;
    float valence;
} trend_point;

struct eng_call {
    char call[PROTO_MAX_ID_BYTES + 1];
    char agent[PROTO_MAX_ID_BYTES + 1];
    char team[PROTO_MAX_ID_BYTES + 1];
    char queue[PROTO_MAX_ID_BYTES + 1];
    bool has_queue;
    proto_medium medium;
    proto_handler handler;
    proto_consent_flags consent;
    int64_t t0_us;
    bool prior_baseline; /* the agent's baseline came from earlier calls */
    eng_rules rules;
    dsp_workspace *dsp_ws; /* borrowed from the shard, or NULL: each channel owns one */
    channel ch[2];
    eng_align align;
    eng_turns turns;
    uint32_t now_ms;
    bool ended;
    uint64_t out_seq; /* seq of the last message emitted about the call */
    /* cues and prompts */
    eng_cue_state cue[PROTO_CUE_COUNT];
    uint32_t next_id;
    uint32_t n_cues;
    bool prompted;
    bool safety_steps; /* the agent has had the safety steps this call */
    uint32_t last_prompt_ms;
    uint32_t last_prompt_priority;
    /* escalations */
    uint32_t esc_count[PROTO_REASON_COUNT];
    uint32_t n_escalations;
    bool has_level;
    proto_esc_level max_level;
    /* customer text */
    uint32_t n_customer_msgs;
    uint32_t n_complaints; /* customer messages that report a problem */
    /* The customer asked the agent to wait ("hold on, let me find my card"): the
     * silence after that turn is not the agent failing to answer. Pending until
     * the turn that carried the request has ended, then the gap it ended in. */
    bool pause_pending;
    bool pause_gap_valid;
    uint32_t pause_gap; /* floor_free_since of the gap the customer asked for */
    float valence;
    float valence_start;
    float emotions[PROTO_EMO_COUNT];
    trend_point trend[TREND_RING];
    uint32_t n_trend;
    /* agent text */
    uint32_t n_agent_msgs;
    float empathy, tone_deaf;          /* decaying averages for features */
    double empathy_sum, tone_deaf_sum; /* for the summary */
    /* voice fusion, refreshed every features interval */
    float arousal, pitch_rel_st, loudness_rel_db;
    bool arousal_valid;
    /* the latest text of either party (call ms, valence; 0, 0 before any): raised
     * arousal right after clearly positive words is excitement, not tension */
    uint32_t context_ms;
    float context_valence;
    /* chat timing */
    bool chat_waiting; /* a customer message has no reply yet */
    uint32_t chat_wait_since_ms;
    uint32_t chat_unanswered;        /* customer messages since the last reply, quick lines
                                        (within chat_repeat_gap_ms) counted as one */
    uint32_t chat_last_customer_ms;  /* the customer's latest message */
    uint32_t chat_first_response_ms; /* UINT32_MAX until the agent first replies */
    uint32_t chat_responses;
    uint32_t last_input_ms;      /* call time of the last message */
    uint64_t last_input_mono_ns; /* engine clock when it arrived */
    /* signals */
    uint32_t signal_ms[SIGNAL_RING];
    uint32_t n_signals;
    uint32_t last_features_ms;
};

static const char *const reject_names[ENG_REJ_COUNT] = {"ok",   "late",    "duplicate", "too_far",
                                                        "rate", "partial", "ended",     "nomem"};

const char *eng_reject_name(eng_reject r)
{
    return (unsigned)r < ENG_REJ_COUNT ? reject_names[r] : "unknown";
}

size_t eng_call_size(void)
{
    return sizeof(eng_call);
}

static void copy_id(char *dst, proto_str s)
{
    size_t n = s.len > PROTO_MAX_ID_BYTES ? PROTO_MAX_ID_BYTES : s.len;
    if (n > 0) {
        memcpy(dst, s.ptr, n);
    }
    dst[n] = '\0';
}

int eng_call_create(const proto_call_start *start, const eng_rules *rules, eng_call **out)
{
    *out = NULL;
    if (start == NULL || rules == NULL) {
        return RP_EINVAL;
    }
    eng_call *c = rp_calloc(1, sizeof *c);
    if (c == NULL) {
        return RP_ENOMEM;
    }
    copy_id(c->call, start->call);
    copy_id(c->agent, start->agent);
    copy_id(c->team, start->team);
    c->has_queue = (start->present & PROTO_CALL_START_QUEUE) != 0;
    if (c->has_queue) {
        copy_id(c->queue, start->queue);
    }
    c->medium = start->medium;
    c->handler = (start->present & PROTO_CALL_START_HANDLER) ? start->handler : PROTO_HUMAN;
    c->consent = start->consent;
    c->consent.present = 0;
    c->t0_us = start->ts_us;
    c->rules = *rules;
    eng_align_config ac = eng_align_config_default();
    if (eng_align_init(&c->align, &ac, start->ts_us) != RP_OK ||
        eng_turns_init(&c->turns, &rules->turns) != RP_OK) {
        rp_free(c);
        return RP_EINVAL;
    }
    for (int i = 0; i < 2; i++) {
        dsp_stats_init(&c->ch[i].stats);
    }
    c->chat_first_response_ms = UINT32_MAX;
    *out = c;
    return RP_OK;
}

void eng_call_destroy(eng_call **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    for (int i = 0; i < 2; i++) {
        dsp_features_destroy(&(*self_p)->ch[i].dsp);
    }
    rp_free(*self_p);
    *self_p = NULL;
}

/* A prior baseline counts as this many hops of speech: new speech moves it slowly. */
#define PRIOR_BASE_HOPS 3000u

void eng_call_set_agent_baseline(eng_call *c, float artic_sps)
{
    if (!(artic_sps >= 1.0f && artic_sps <= 15.0f) || c->ch[PROTO_AGENT].n_base > 0) {
        return;
    }
    c->ch[PROTO_AGENT].base_artic = artic_sps;
    c->ch[PROTO_AGENT].n_base = PRIOR_BASE_HOPS;
    c->prior_baseline = true;
}

bool eng_call_agent_baseline(const eng_call *c, float *artic_sps)
{
    const channel *ag = &c->ch[PROTO_AGENT];
    if (ag->speech_ms < c->rules.baseline_warmup_ms || !(ag->base_artic > 0.5f)) {
        return false;
    }
    *artic_sps = ag->base_artic;
    return true;
}

const char *eng_call_id(const eng_call *c)
{
    return c->call;
}

const char *eng_call_team(const eng_call *c)
{
    return c->team;
}

const char *eng_call_agent(const eng_call *c)
{
    return c->agent;
}

bool eng_call_ended(const eng_call *c)
{
    return c->ended;
}

uint32_t eng_call_now_ms(const eng_call *c)
{
    return c->now_ms;
}

static void advance(eng_call *c, uint32_t t_ms)
{
    if (t_ms > c->now_ms) {
        c->now_ms = t_ms;
    }
}

static uint32_t call_ms_of(const eng_call *c, int64_t ts_us)
{
    if (ts_us <= c->t0_us) {
        return 0;
    }
    int64_t ms = (ts_us - c->t0_us) / 1000;
    return ms > (int64_t)UINT32_MAX ? UINT32_MAX : (uint32_t)ms;
}

/* ---- emission ---- */

/* Every message about the call leaves through here, numbered 1, 2, 3, ... (seq per
 * call: a console judges gaps call by call; one dropped later shows as a gap). */
static void emit(eng_call *c, const eng_sink *sink, proto_msg *m)
{
    (void)proto_msg_set_seq(m, ++c->out_seq);
    if (sink != NULL && sink->emit != NULL) {
        sink->emit(sink->arg, m);
    }
}

static proto_str str_of(const char *s)
{
    return proto_cstr(s);
}

/* items: a checklist of n_items (the empathy or the safety steps), NULL for none. */
static void emit_prompt(eng_call *c, const char *text, uint32_t priority, uint32_t cue_id,
                        uint32_t ttl_ms, const char (*items)[ENG_PROMPT_BYTES], uint32_t n_items,
                        const eng_sink *sink)
{
    if (text[0] == '\0') {
        return;
    }
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_PROMPT;
    proto_prompt *p = &m.u.prompt;
    p->call = str_of(c->call);
    p->t_ms = c->now_ms;
    p->id = ++c->next_id;
    p->text = str_of(text);
    p->priority = priority;
    if (cue_id != 0) {
        p->present |= PROTO_PROMPT_CUE_ID;
        p->cue_id = cue_id;
    }
    if (ttl_ms != 0) {
        p->present |= PROTO_PROMPT_TTL;
        p->ttl_ms = ttl_ms;
    }
    proto_str list[ENG_CHECKLIST_ITEMS];
    if (items != NULL && n_items > 0) {
        for (uint32_t i = 0; i < n_items && i < ENG_CHECKLIST_ITEMS; i++) {
            list[i] = str_of(items[i]);
        }
        p->present |= PROTO_PROMPT_CHECKLIST;
        p->checklist = list;
        p->n_checklist = n_items < ENG_CHECKLIST_ITEMS ? n_items : ENG_CHECKLIST_ITEMS;
    }
    c->prompted = true;
    c->last_prompt_ms = c->now_ms;
    c->last_prompt_priority = priority;
    emit(c, sink, &m);
}

/* Emits an opened or closed cue with its evidence; on opening, maybe a prompt:
 * the rule's, or `prompt` instead when not NULL and not empty; a sensitive
 * topic's for a person comes with the empathy checklist, or with the safety
 * steps when `safety` (a customer at risk). */
static void emit_cue_prompt(eng_call *c, proto_cue_kind kind, eng_cue_action action,
                            proto_who party, const proto_kv *evidence, uint32_t n_evidence,
                            const char *quote, const char *prompt, bool safety,
                            const eng_sink *sink)
{
    if (action == ENG_CUE_NONE) {
        return;
    }
    eng_cue_state *s = &c->cue[kind];
    const eng_cue_rule *r = &c->rules.cue[kind];
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CUE;
    proto_cue *q = &m.u.cue;
    if (action == ENG_CUE_OPENED) {
        s->id = ++c->next_id;
        c->n_cues++;
    }
    q->call = str_of(c->call);
    q->t_ms = c->now_ms;
    q->id = s->id;
    q->cue = kind;
    q->state = action == ENG_CUE_OPENED ? PROTO_OPEN : PROTO_CLOSED;
    q->party = party;
    q->priority = r->priority;
    q->start_ms = s->start_ms;
    if (action == ENG_CUE_CLOSED) {
        q->present |= PROTO_CUE_END_MS;
        q->end_ms = c->now_ms;
    }
    if (n_evidence > 0) {
        q->present |= PROTO_CUE_EVIDENCE;
        q->evidence = evidence;
        q->n_evidence = n_evidence;
    }
    if (quote != NULL && quote[0] != '\0') {
        q->present |= PROTO_CUE_QUOTE;
        q->quote = str_of(quote);
    }
    emit(c, sink, &m);
    if (action == ENG_CUE_OPENED) {
        bool gap_ok = !c->prompted || c->now_ms - c->last_prompt_ms >= c->rules.prompt_gap_ms ||
                      r->priority < c->last_prompt_priority;
        if (gap_ok) {
            bool listed = kind == PROTO_CUE_SENSITIVE_TOPIC && c->handler == PROTO_HUMAN;
            const eng_rules *R = &c->rules;
            emit_prompt(c, prompt != NULL && prompt[0] != '\0' ? prompt : r->prompt, r->priority,
                        s->id, r->prompt_ttl_ms,
                        !listed  ? NULL
                        : safety ? R->safety_checklist
                                 : R->checklist,
                        safety ? R->n_safety_checklist : R->n_checklist, sink);
        }
    }
}

static void emit_cue(eng_call *c, proto_cue_kind kind, eng_cue_action action, proto_who party,
                     const proto_kv *evidence, uint32_t n_evidence, const char *quote,
                     const eng_sink *sink)
{
    emit_cue_prompt(c, kind, action, party, evidence, n_evidence, quote, NULL, false, sink);
}

static bool budget_ok(const eng_call *c)
{
    return c->n_cues < c->rules.max_cues_per_call;
}

static void raise_escalation(eng_call *c, proto_esc_reason reason, float score, const char *quote,
                             const eng_sink *sink)
{
    const eng_escalation_rule *r = &c->rules.esc[reason];
    if (!r->enabled || c->esc_count[reason] >= r->max_per_call) {
        return;
    }
    if (reason == PROTO_REASON_SENSITIVE_TOPIC && c->handler == PROTO_HUMAN) {
        return; /* a person is already there: the cue's checklist prompt is the response */
    }
    c->esc_count[reason]++;
    c->n_escalations++;
    proto_esc_level level = r->level;
    if (!c->has_level || level > c->max_level) {
        c->max_level = level;
        c->has_level = true;
    }
    proto_kv ev[1] = {{0, str_of("score"), (double)score}};
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_ESCALATION;
    proto_escalation *e = &m.u.escalation;
    e->call = str_of(c->call);
    e->t_ms = c->now_ms;
    e->id = ++c->next_id;
    e->level = level;
    e->reason = reason;
    e->present = PROTO_ESC_EVIDENCE;
    e->evidence = ev;
    e->n_evidence = 1;
    if (quote != NULL && quote[0] != '\0') {
        e->present |= PROTO_ESC_QUOTE;
        e->quote = str_of(quote);
    }
    emit(c, sink, &m);
    emit_prompt(c, r->prompt, 0, 0, 15000, NULL, 0, sink);
}

/* ---- voice ---- */

static void refresh_voice_fusion(eng_call *c)
{
    channel *cu = &c->ch[PROTO_CUSTOMER];
    c->arousal_valid = false;
    if (!c->consent.voice_emotion || cu->speech_ms < 10000) {
        return; /* no consent, or no baseline yet */
    }
    dsp_stats_summary s;
    dsp_stats_get(&cu->stats, &s);
    c->pitch_rel_st = s.f0_rel_semitones;
    c->loudness_rel_db = s.loudness_rel_db;
    /* Raised pitch (3 semitones) and loudness (6 dB) over the customer's own baseline
     * each count as one unit of arousal; a logistic maps the sum to 0..1 with
     * 0.5 at half a unit. */
    float z = s.f0_rel_semitones / 3.0f + s.loudness_rel_db / 6.0f;
    c->arousal = 1.0f / (1.0f + expf(-2.0f * (z - 0.5f)));
    c->arousal_valid = true;
}

/* Agent pace relative to the agent's own baseline, folded with the absolute limit
 * onto the `open` scale of the cue (see docs/playbook.md). */
static bool agent_pace(const eng_call *c, const eng_cue_rule *r, bool fast, float *value,
                       float *rate)
{
    const channel *ag = &c->ch[PROTO_AGENT];
    /* judged while the agent talks, through pauses shorter than a turn gap */
    uint64_t quiet_frames = ag->frames - ag->last_speech_frame;
    if (!ag->have_frame || ag->speech_ms < RATE_MIN_SPEECH_MS ||
        quiet_frames * ENG_SLOT_MS > c->rules.turns.turn_gap_ms) {
        return false;
    }
    *rate = ag->last.articulation_rate_sps;
    float abs_scaled = r->abs_limit > 0.0f ? *rate * r->open / r->abs_limit : (fast ? 0.0f : 1e9f);
    float rel = fast ? 0.0f : 1e9f;
    if ((ag->speech_ms >= c->rules.baseline_warmup_ms || c->prior_baseline) &&
        ag->base_artic > 0.5f) {
        rel = *rate / ag->base_artic;
    }
    *value = fast ? fmaxf(rel, abs_scaled) : fminf(rel, abs_scaled);
    return *value < 1e8f;
}

static void evaluate_voice_cues(eng_call *c, const eng_sink *sink)
{
    uint32_t now = c->now_ms;
    const eng_rules *R = &c->rules;
    float v = 0.0f, rate = 0.0f;
    eng_party holder;
    /* pace */
    bool ok = agent_pace(c, &R->cue[PROTO_CUE_SPEAKING_FAST], true, &v, &rate);
    eng_cue_action a = eng_cue_level(&c->cue[PROTO_CUE_SPEAKING_FAST],
                                     &R->cue[PROTO_CUE_SPEAKING_FAST], 1, now, ok, v, budget_ok(c));
    proto_kv ev[3] = {{0, str_of("artic_sps"), (double)rate},
                      {0, str_of("baseline_sps"), (double)c->ch[PROTO_AGENT].base_artic},
                      {0, str_of("pace_score"), (double)v}};
    emit_cue(c, PROTO_CUE_SPEAKING_FAST, a, PROTO_WHO_AGENT, ev, 3, NULL, sink);
    ok = agent_pace(c, &R->cue[PROTO_CUE_SPEAKING_SLOW], false, &v, &rate);
    a = eng_cue_level(&c->cue[PROTO_CUE_SPEAKING_SLOW], &R->cue[PROTO_CUE_SPEAKING_SLOW], -1, now,
                      ok, v, budget_ok(c));
    ev[0].value = (double)rate;
    ev[2].value = (double)v;
    emit_cue(c, PROTO_CUE_SPEAKING_SLOW, a, PROTO_WHO_AGENT, ev, 3, NULL, sink);
    /* monologue */
    uint32_t mono = eng_turns_monologue_ms(&c->turns, &holder);
    a = eng_cue_level(&c->cue[PROTO_CUE_CONTINUOUS_SPEAKING],
                      &R->cue[PROTO_CUE_CONTINUOUS_SPEAKING], 1, now, true,
                      holder == ENG_AGENT ? (float)mono : 0.0f, budget_ok(c));
    proto_kv mv[1] = {{0, str_of("monologue_ms"), (double)mono}};
    emit_cue(c, PROTO_CUE_CONTINUOUS_SPEAKING, a, PROTO_WHO_AGENT, mv, 1, NULL, sink);
    /* dead air */
    uint32_t dead = eng_turns_dead_air_ms(&c->turns);
    a = eng_cue_level(&c->cue[PROTO_CUE_EXTENDED_SILENCE], &R->cue[PROTO_CUE_EXTENDED_SILENCE], 1,
                      now, true, (float)dead, budget_ok(c));
    proto_kv dv[1] = {{0, str_of("dead_air_ms"), (double)dead}};
    emit_cue(c, PROTO_CUE_EXTENDED_SILENCE, a, PROTO_WHO_BOTH, dv, 1, NULL, sink);
    /* waiting for the agent's answer, unless the customer asked for the pause */
    const eng_turns *t = &c->turns;
    float wait = 0.0f;
    if (t->floor == ENG_AGENT) {
        c->pause_pending = false; /* the agent answered: the request is spent */
    }
    if (t->floor == ENG_NOBODY && t->last_holder == ENG_CUSTOMER && !t->on_hold) {
        if (c->pause_pending) {
            c->pause_pending = false;
            c->pause_gap_valid = true;
            c->pause_gap = t->floor_free_since;
        }
        if (!c->pause_gap_valid || c->pause_gap != t->floor_free_since) {
            wait = (float)((t->slot - t->floor_free_since) * ENG_SLOT_MS);
        }
    }
    a = eng_cue_level(&c->cue[PROTO_CUE_SLOW_RESPONSE], &R->cue[PROTO_CUE_SLOW_RESPONSE], 1, now,
                      true, wait, budget_ok(c));
    proto_kv wv[1] = {{0, str_of("waiting_ms"), (double)wait}};
    emit_cue(c, PROTO_CUE_SLOW_RESPONSE, a, PROTO_WHO_AGENT, wv, 1, NULL, sink);
    /* customer tension (consent only); it does not open while the latest words of the
     * call are clearly positive ("the claim was approved" - "oh, that is wonderful!"):
     * voice arousal is the same for delight and anger, the words tell them apart. An
     * open cue stays open (an agent's kind words do not calm the customer). */
    bool excited = c->context_valence >= EXCITED_VALENCE && now - c->context_ms <= EXCITED_MS;
    bool tension_valid = c->arousal_valid && (c->cue[PROTO_CUE_CUSTOMER_TENSION].open || !excited);
    a = eng_cue_level(&c->cue[PROTO_CUE_CUSTOMER_TENSION], &R->cue[PROTO_CUE_CUSTOMER_TENSION], 1,
                      now, tension_valid, c->arousal, budget_ok(c));
    proto_kv tv[3] = {{0, str_of("arousal"), (double)c->arousal},
                      {0, str_of("pitch_rel_st"), (double)c->pitch_rel_st},
                      {0, str_of("loudness_rel_db"), (double)c->loudness_rel_db}};
    emit_cue(c, PROTO_CUE_CUSTOMER_TENSION, a, PROTO_WHO_CUSTOMER, tv, 3, NULL, sink);
    if (c->cue[PROTO_CUE_CUSTOMER_TENSION].open && c->arousal_valid &&
        c->arousal >= R->esc[PROTO_REASON_CUSTOMER_TENSION].threshold) {
        raise_escalation(c, PROTO_REASON_CUSTOMER_TENSION, c->arousal, NULL, sink);
    }
    /* event cues age even without new events */
    static const proto_cue_kind events[] = {PROTO_CUE_INTERRUPTION, PROTO_CUE_ESCALATION_INTENT,
                                            PROTO_CUE_SENSITIVE_TOPIC, PROTO_CUE_SARCASM,
                                            PROTO_CUE_DIGITAL_FRUSTRATION};
    for (size_t i = 0; i < sizeof events / sizeof events[0]; i++) {
        a = eng_cue_event(&c->cue[events[i]], &R->cue[events[i]], now, false, 0.0f, true);
        emit_cue(c, events[i], a,
                 events[i] == PROTO_CUE_INTERRUPTION ? PROTO_WHO_AGENT : PROTO_WHO_CUSTOMER, NULL,
                 0, NULL, sink);
    }
}

static void fill_behaviour(const eng_call *c, eng_party p, proto_behaviour *b, uint64_t *present)
{
    const channel *ch = &c->ch[p];
    const eng_turns *t = &c->turns;
    eng_party holder;
    uint32_t mono = eng_turns_monologue_ms(t, &holder);
    b->speaking = t->speaking[p];
    b->talk_ratio = eng_turns_talk_ratio(t, p);
    b->monologue_ms = holder == p ? mono : 0;
    b->interruptions = t->interruptions[p];
    b->backchannels = t->backchannels[p];
    if (ch->have_frame && ch->speech_ms >= RATE_MIN_SPEECH_MS) {
        b->rate_sps = fminf(ch->last.speaking_rate_sps, 50.0f);
        b->artic_sps = fminf(ch->last.articulation_rate_sps, 50.0f);
        *present |= PROTO_BEH_RATE | PROTO_BEH_ARTIC;
        bool warm =
            ch->speech_ms >= c->rules.baseline_warmup_ms || (p == ENG_AGENT && c->prior_baseline);
        if (warm && ch->base_artic > 0.5f) {
            b->rate_rel = fminf(ch->last.articulation_rate_sps / ch->base_artic, 100.0f);
            *present |= PROTO_BEH_RATE_REL;
        }
    }
    if (t->responses[p] > 0) {
        b->latency_ms = t->last_latency_ms[p] > 0 ? (uint32_t)t->last_latency_ms[p] : 0;
        *present |= PROTO_BEH_LATENCY;
    }
}

static float trend_per_minute(const eng_call *c)
{
    if (c->n_trend < 2) {
        return 0.0f;
    }
    const trend_point *last = &c->trend[(c->n_trend - 1) % TREND_RING];
    uint32_t first_i = c->n_trend > TREND_RING ? c->n_trend - TREND_RING : 0;
    for (uint32_t i = first_i; i < c->n_trend - 1; i++) {
        const trend_point *p = &c->trend[i % TREND_RING];
        if (last->t_ms - p->t_ms <= TREND_SPAN_MS && last->t_ms > p->t_ms) {
            float per_min = (last->valence - p->valence) * 60000.0f / (float)(last->t_ms - p->t_ms);
            return fmaxf(-100.0f, fminf(100.0f, per_min));
        }
    }
    return 0.0f;
}

static void publish_features(eng_call *c, const eng_sink *sink)
{
    refresh_voice_fusion(c);
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_FEATURES;
    proto_features *f = &m.u.features;
    f->call = str_of(c->call);
    f->t_ms = c->now_ms;
    f->dead_air_ms = eng_turns_dead_air_ms(&c->turns);
    f->on_hold = c->turns.on_hold;
    fill_behaviour(c, ENG_AGENT, &f->agent.b, &f->agent.present);
    if (c->n_agent_msgs > 0) {
        f->agent.present |= PROTO_AGENT_EMPATHY | PROTO_AGENT_TONE_DEAF;
        f->agent.empathy = c->empathy;
        f->agent.tone_deaf = c->tone_deaf;
    }
    fill_behaviour(c, ENG_CUSTOMER, &f->customer.b, &f->customer.present);
    f->present |= PROTO_FEATURES_CONSENT;
    f->consent.voice_emotion = c->consent.voice_emotion;
    f->consent.text_emotion = c->consent.text_emotion;
    if (c->arousal_valid) { /* implies consent.voice_emotion */
        f->customer.present |= PROTO_CUST_AROUSAL | PROTO_CUST_PITCH_REL | PROTO_CUST_LOUDNESS_REL;
        f->customer.arousal = c->arousal;
        f->customer.pitch_rel_st = fmaxf(-48.0f, fminf(48.0f, c->pitch_rel_st));
        f->customer.loudness_rel_db = fmaxf(-120.0f, fminf(120.0f, c->loudness_rel_db));
    }
    if (c->n_customer_msgs > 0) {
        f->customer.present |= PROTO_CUST_VALENCE | PROTO_CUST_TREND;
        f->customer.valence = c->valence;
        f->customer.valence_trend = trend_per_minute(c);
        if (c->consent.text_emotion) {
            f->customer.present |= PROTO_CUST_EMOTIONS;
            memcpy(f->customer.emotions, c->emotions, sizeof c->emotions);
        }
    }
    c->last_features_ms = c->now_ms;
    emit(c, sink, &m);
}

/* One joint 10 ms slot of both parties' voice activity. */
static void slot_step(eng_call *c, bool agent, bool customer, const eng_sink *sink)
{
    eng_turn_event ev[ENG_TURNS_MAX_EVENTS];
    int n = eng_turns_step(&c->turns, agent, customer, ev);
    advance(c, c->turns.slot * ENG_SLOT_MS);
    for (int i = 0; i < n; i++) {
        if (ev[i].type == ENG_EV_INTERRUPTION && ev[i].party == ENG_AGENT) {
            eng_cue_action a = eng_cue_event(
                &c->cue[PROTO_CUE_INTERRUPTION], &c->rules.cue[PROTO_CUE_INTERRUPTION], c->now_ms,
                true, (float)c->turns.interruptions[ENG_AGENT], budget_ok(c));
            proto_kv iv[2] = {
                {0, str_of("overlap_ms"), (double)ev[i].value_ms},
                {0, str_of("interruptions"), (double)c->turns.interruptions[ENG_AGENT]}};
            emit_cue(c, PROTO_CUE_INTERRUPTION, a, PROTO_WHO_AGENT, iv, 2, NULL, sink);
        }
    }
    /* cues every 100 ms, features every interval */
    if (c->turns.slot % 10 == 0) {
        evaluate_voice_cues(c, sink);
    }
    if (c->now_ms - c->last_features_ms >= c->rules.features_interval_ms) {
        publish_features(c, sink);
    }
}

static void drain_slots(eng_call *c, const eng_sink *sink)
{
    bool a, u;
    while (eng_align_next(&c->align, &a, &u)) {
        slot_step(c, a, u, sink);
    }
}

/* A dsp frame of channel p came out: statistics, baseline, voice activity. */
static void take_frame(eng_call *c, int p, const dsp_frame *fr)
{
    channel *ch = &c->ch[p];
    ch->last = *fr;
    ch->have_frame = true;
    dsp_stats_update(&ch->stats, fr);
    ch->frames++;
    if (fr->speech) {
        ch->last_speech_frame = ch->frames;
        ch->speech_ms += ENG_SLOT_MS;
        if (ch->speech_ms >= RATE_MIN_SPEECH_MS && fr->articulation_rate_sps > 0.0f) {
            ch->n_base++;
            float w = ch->n_base < (uint32_t)BASE_SPEECH_HOPS ? 1.0f / (float)ch->n_base
                                                              : 1.0f / BASE_SPEECH_HOPS;
            ch->base_artic += w * (fr->articulation_rate_sps - ch->base_artic);
        }
    }
    (void)eng_align_push(&c->align, p, fr->speech);
}

static void feed_hop(eng_call *c, int p, const float *hop)
{
    dsp_frame fr;
    if (dsp_features_process(c->ch[p].dsp, hop, &fr) == 1) {
        take_frame(c, p, &fr);
    }
}

/* Splits samples into hops (carrying a partial hop to the next frame). */
static void feed_samples(eng_call *c, int p, const float *x, uint32_t n)
{
    channel *ch = &c->ch[p];
    uint32_t i = 0;
    while (i < n) {
        uint32_t take = ch->hop_samples - ch->hop_fill;
        if (take > n - i) {
            take = n - i;
        }
        memcpy(ch->hop + ch->hop_fill, x + i, take * sizeof *x);
        ch->hop_fill += take;
        i += take;
        if (ch->hop_fill == ch->hop_samples) {
            feed_hop(c, p, ch->hop);
            ch->hop_fill = 0;
        }
    }
}

static uint32_t decode_samples(const proto_audio *a, float *out)
{
    uint32_t width = proto_encoding_bytes(a->enc);
    uint32_t n = a->samples.len / width;
    const uint8_t *b = a->samples.ptr;
    switch (a->enc) {
    case PROTO_PCM16LE:
        dsp_pcm16le_to_f32(out, b, n);
        break;
    case PROTO_MULAW:
        dsp_mulaw_to_f32(out, b, n);
        break;
    case PROTO_ALAW:
        dsp_alaw_to_f32(out, b, n);
        break;
    case PROTO_F32LE:
        dsp_f32le_to_f32(out, b, n);
        break;
    default:
        return 0;
    }
    return n;
}

dsp_features_config eng_call_dsp_config(uint32_t rate_hz)
{
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = rate_hz;
    cfg.vad_hangover_hops = 5; /* turn ends within 50 ms; turns.c bridges short pauses */
    /* Pace over the last 6 s, not dsp's 10 s: a change of pace shows within about 1 s
     * of speaking_fast/slow's min_ms instead of 3-5 s (docs/bench.md). */
    cfg.rate_window_hops = PACE_WINDOW_HOPS;
    /* No cue reads tilt, centroid or flux (and the agent's voice must never feed
     * an emotion estimate): their work per hop is saved. */
    cfg.spectral_shape = false;
    return cfg;
}

void eng_call_set_workspace(eng_call *c, dsp_workspace *ws)
{
    c->dsp_ws = ws;
}

static int open_channel(channel *ch, uint32_t rate_hz, dsp_workspace *ws)
{
    dsp_features_config cfg = eng_call_dsp_config(rate_hz);
    int rc = ws != NULL ? dsp_features_create_shared(&cfg, ws, &ch->dsp)
                        : dsp_features_create(&cfg, &ch->dsp);
    if (rc != RP_OK) {
        return rc;
    }
    ch->rate_hz = rate_hz;
    ch->hop_samples = dsp_features_hop_samples(&cfg);
    ch->hop_fill = 0;
    return RP_OK;
}

eng_reject eng_call_audio(eng_call *c, const proto_audio *a, float *scratch, const eng_sink *sink)
{
    if (c->ended) {
        return ENG_REJ_ENDED;
    }
    int p = a->ch == PROTO_AGENT ? 0 : 1;
    channel *ch = &c->ch[p];
    if (ch->dsp != NULL && a->rate_hz != ch->rate_hz) {
        return ENG_REJ_RATE;
    }
    uint32_t width = proto_encoding_bytes(a->enc);
    uint32_t n = width ? a->samples.len / width : 0;
    uint32_t fill = 0;
    eng_frame_verdict v = eng_align_frame(&c->align, p, a->seq, a->ts_us, n, a->rate_hz, &fill);
    switch (v) {
    case ENG_FRAME_LATE:
        return ENG_REJ_LATE;
    case ENG_FRAME_DUPLICATE:
        return ENG_REJ_DUPLICATE;
    case ENG_FRAME_TOO_FAR:
        return ENG_REJ_TOO_FAR;
    default:
        break;
    }
    if (ch->dsp == NULL && open_channel(ch, a->rate_hz, c->dsp_ws) != RP_OK) {
        return ENG_REJ_NOMEM;
    }
    if (v == ENG_FRAME_JUMP) {
        dsp_features_reset(ch->dsp);
        ch->hop_fill = 0;
    }
    static const float silence[MAX_HOP];
    for (uint32_t i = 0; i < fill; i++) {
        feed_hop(c, p, silence);
        if (i % 32 == 31) {
            drain_slots(c, sink);
        }
    }
    n = decode_samples(a, scratch);
    feed_samples(c, p, scratch, n);
    drain_slots(c, sink);
    return ENG_OK;
}

/* ---- text ---- */

static proto_esc_reason reason_of(nlp_escalation_type t)
{
    switch (t) {
    case NLP_ESC_HUMAN_REQUEST:
        return PROTO_REASON_HUMAN_REQUEST;
    case NLP_ESC_CANCEL:
        return PROTO_REASON_CANCEL;
    case NLP_ESC_LEGAL:
        return PROTO_REASON_LEGAL;
    case NLP_ESC_PUBLIC:
        return PROTO_REASON_PUBLIC;
    default:
        return PROTO_REASON_REPEAT_CONTACT;
    }
}

/* The redacted text, cut at a UTF-8 boundary to fit a quote. */
static void quote_of(const nlp_analyzer *an, char *out, size_t cap)
{
    size_t n = 0;
    const char *red = nlp_analyzer_redacted(an, &n);
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)red[n] & 0xc0) == 0x80) {
            n--;
        }
    }
    memcpy(out, red, n);
    out[n] = '\0';
}

/* Chat: the customer is waiting for a reply (slow_response), opened by the wait
 * or by repeated unanswered messages, closed by the agent's reply. */
static void evaluate_chat_wait(eng_call *c, const eng_sink *sink)
{
    const eng_rules *R = &c->rules;
    eng_cue_rule rule = R->cue[PROTO_CUE_SLOW_RESPONSE];
    rule.open = (float)R->chat_response_ms;
    rule.close = 0.0f;
    rule.min_ms = 0;
    float wait = c->chat_waiting ? (float)(c->now_ms - c->chat_wait_since_ms) : 0.0f;
    if (c->chat_unanswered >= R->chat_repeat_messages && wait < rule.open) {
        wait = rule.open;
    }
    eng_cue_action a = eng_cue_level(&c->cue[PROTO_CUE_SLOW_RESPONSE], &rule, 1, c->now_ms, true,
                                     wait, budget_ok(c));
    proto_kv ev[2] = {{0, str_of("waiting_ms"),
                       (double)(c->chat_waiting ? c->now_ms - c->chat_wait_since_ms : 0)},
                      {0, str_of("unanswered"), (double)c->chat_unanswered}};
    emit_cue(c, PROTO_CUE_SLOW_RESPONSE, a, PROTO_WHO_AGENT, ev, 2, NULL, sink);
}

static void chat_message(eng_call *c, bool from_agent, const eng_sink *sink)
{
    if (c->medium != PROTO_CHAT) {
        return;
    }
    if (!from_agent) {
        if (!c->chat_waiting) {
            c->chat_waiting = true;
            c->chat_wait_since_ms = c->now_ms;
            c->chat_unanswered = 1;
        } else if (c->now_ms - c->chat_last_customer_ms >= c->rules.chat_repeat_gap_ms) {
            c->chat_unanswered++; /* a nudge after a silence, not the next line of one request */
        }
        c->chat_last_customer_ms = c->now_ms;
    } else if (c->chat_waiting) {
        uint32_t rt = c->now_ms - c->chat_wait_since_ms;
        eng_turns_record_response(&c->turns, ENG_AGENT, (int32_t)rt);
        if (c->chat_first_response_ms == UINT32_MAX) {
            c->chat_first_response_ms = rt;
        }
        c->chat_responses++;
        c->chat_waiting = false;
        c->chat_unanswered = 0;
    }
    evaluate_chat_wait(c, sink);
}

static void customer_text(eng_call *c, const nlp_result *r, const char *quote, const eng_sink *sink)
{
    const eng_rules *R = &c->rules;
    c->n_customer_msgs++;
    if (c->n_customer_msgs == 1) {
        c->valence = r->valence;
        memcpy(c->emotions, r->emotions, sizeof c->emotions);
    } else {
        /* a turn for the worse counts more than a turn for the better: a customer who
         * suddenly boils over should not need two more angry messages to be noticed */
        float w = r->valence < c->valence ? VALENCE_ALPHA_WORSE : VALENCE_ALPHA;
        c->valence += w * (r->valence - c->valence);
        for (int i = 0; i < PROTO_EMO_COUNT; i++) {
            c->emotions[i] += VALENCE_ALPHA * (r->emotions[i] - c->emotions[i]);
        }
    }
    if (c->n_customer_msgs <= 2) {
        c->valence_start = c->valence;
    }
    c->trend[c->n_trend % TREND_RING] = (trend_point){c->now_ms, c->valence};
    c->n_trend++;
    proto_kv vv[2] = {{0, str_of("valence"), (double)c->valence},
                      {0, str_of("message_valence"), (double)r->valence}};
    eng_cue_action a =
        eng_cue_level(&c->cue[PROTO_CUE_NEGATIVE_SENTIMENT], &R->cue[PROTO_CUE_NEGATIVE_SENTIMENT],
                      -1, c->now_ms, true, c->valence, budget_ok(c));
    /* a loss no one at the company caused is acknowledged, not apologised for */
    bool loss = r->complaint < 0.5f && r->escalation_type == NLP_ESC_NONE && r->sarcasm < 0.5f;
    emit_cue_prompt(c, PROTO_CUE_NEGATIVE_SENTIMENT, a, PROTO_WHO_CUSTOMER, vv, 2, quote,
                    loss ? R->loss_prompt : NULL, false, sink);
    if (c->n_customer_msgs >= 2 && c->valence <= R->esc[PROTO_REASON_NEGATIVE_TREND].threshold &&
        trend_per_minute(c) < 0.0f) {
        raise_escalation(c, PROTO_REASON_NEGATIVE_TREND, c->valence, quote, sink);
    }
    proto_kv sv[1] = {{0, str_of("score"), (double)r->sarcasm}};
    a = eng_cue_event(&c->cue[PROTO_CUE_SARCASM], &R->cue[PROTO_CUE_SARCASM], c->now_ms, true,
                      r->sarcasm, budget_ok(c));
    emit_cue(c, PROTO_CUE_SARCASM, a, PROTO_WHO_CUSTOMER, sv, 1, quote, sink);
    if (r->complaint >= 0.5f) {
        c->n_complaints++;
    }
    if (r->pause_request >= 0.5f && c->medium != PROTO_CHAT) {
        /* a transcript arrives at or after the end of its turn: the gap now open
         * (or the next one, if the turn has not ended yet) is the customer's */
        const eng_turns *t = &c->turns;
        if (t->floor == ENG_NOBODY && t->last_holder == ENG_CUSTOMER) {
            c->pause_gap_valid = true;
            c->pause_gap = t->floor_free_since;
        } else {
            c->pause_pending = true;
        }
    }
    if (r->sensitive_topic != NLP_TOPIC_NONE) {
        char topic_key[40];
        snprintf(topic_key, sizeof topic_key, "topic.%s", nlp_topic_name(r->sensitive_topic));
        proto_kv tv[2] = {{0, str_of("score"), (double)r->sensitive}, {0, str_of(topic_key), 1.0}};
        a = eng_cue_event(&c->cue[PROTO_CUE_SENSITIVE_TOPIC], &R->cue[PROTO_CUE_SENSITIVE_TOPIC],
                          c->now_ms, true, r->sensitive, budget_ok(c));
        bool safety = r->sensitive_topic == NLP_TOPIC_SAFETY;
        emit_cue_prompt(c, PROTO_CUE_SENSITIVE_TOPIC, a, PROTO_WHO_CUSTOMER, tv, 2, quote,
                        safety ? R->safety_prompt : NULL, safety, sink);
        if (safety && c->handler == PROTO_HUMAN && !c->safety_steps) {
            const eng_cue_state *s = &c->cue[PROTO_CUE_SENSITIVE_TOPIC];
            if (a == ENG_CUE_NONE && s->open) {
                /* the cue was already open for another topic ("I'm in arrears",
                 * then "I can't see a way out"): the safety steps come now,
                 * once, whatever the prompt gap */
                const eng_cue_rule *cr = &R->cue[PROTO_CUE_SENSITIVE_TOPIC];
                emit_prompt(c, R->safety_prompt, cr->priority, s->id, cr->prompt_ttl_ms,
                            R->safety_checklist, R->n_safety_checklist, sink);
            }
            c->safety_steps = s->open; /* shown now, or with the cue that just opened */
        }
        if (r->sensitive >= R->esc[PROTO_REASON_SENSITIVE_TOPIC].threshold) {
            raise_escalation(c, PROTO_REASON_SENSITIVE_TOPIC, r->sensitive, quote, sink);
        }
        /* a customer at risk: a supervisor joins whoever answers, a person
         * or a bot (the topic's cue and handoff alone leave a person alone) */
        if (r->sensitive_topic == NLP_TOPIC_SAFETY &&
            r->sensitive >= R->esc[PROTO_REASON_SAFETY].threshold) {
            raise_escalation(c, PROTO_REASON_SAFETY, r->sensitive, quote, sink);
        }
    }
    bool routed = r->escalation_type == NLP_ESC_HUMAN_REQUEST && c->handler == PROTO_HUMAN &&
                  !r->human_senior && r->valence > ROUTED_REQUEST_MAX_NEG;
    /* closing the account of someone who died is no customer leaving: no
     * retention steps ("what documents do I need to close my late mother's
     * account?"); the bereavement topic's cue and handoff carry it */
    bool estate = r->escalation_type == NLP_ESC_CANCEL &&
                  r->sensitive_topic == NLP_TOPIC_BEREAVEMENT && r->sensitive >= 0.5f;
    if (r->escalation_type != NLP_ESC_NONE && !routed && !estate) {
        proto_kv ev[1] = {{0, str_of("score"), (double)r->escalation}};
        a = eng_cue_event(&c->cue[PROTO_CUE_ESCALATION_INTENT],
                          &R->cue[PROTO_CUE_ESCALATION_INTENT], c->now_ms, true, r->escalation,
                          budget_ok(c));
        emit_cue(c, PROTO_CUE_ESCALATION_INTENT, a, PROTO_WHO_CUSTOMER, ev, 1, quote, sink);
        proto_esc_reason reason = reason_of(r->escalation_type);
        if (r->escalation >= R->esc[reason].threshold) {
            raise_escalation(c, reason, r->escalation, quote, sink);
        }
    }
}

eng_reject eng_call_text(eng_call *c, const proto_text *t, nlp_analyzer *an, const eng_sink *sink)
{
    if (c->ended) {
        return ENG_REJ_ENDED;
    }
    if (!t->final) {
        return ENG_REJ_PARTIAL; /* partials may hold unredacted PII and still change */
    }
    advance(c, call_ms_of(c, t->ts_us));
    c->last_input_ms = c->now_ms;
    c->last_input_mono_ns = rp_clock_mono_ns();
    bool agent_side = t->speaker != PROTO_SPK_CUSTOMER;
    chat_message(c, agent_side, sink);
    nlp_result r;
    if (nlp_analyzer_analyze(an, t->text.ptr, t->text.len,
                             agent_side ? NLP_ROLE_AGENT : NLP_ROLE_CUSTOMER, &r) != RP_OK) {
        return ENG_OK;
    }
    c->context_ms = c->now_ms;
    c->context_valence = r.valence;
    char quote[PROTO_MAX_SHORT_TEXT];
    quote_of(an, quote, sizeof quote);
    if (agent_side) {
        c->n_agent_msgs++;
        float w = c->n_agent_msgs == 1 ? 1.0f : VALENCE_ALPHA;
        c->empathy += w * (r.empathy - c->empathy);
        c->tone_deaf += w * (r.tone_deaf - c->tone_deaf);
        c->empathy_sum += (double)r.empathy;
        c->tone_deaf_sum += (double)r.tone_deaf;
    } else {
        customer_text(c, &r, quote, sink);
    }
    return ENG_OK;
}

void eng_call_signal(eng_call *c, const proto_signal *s, const eng_sink *sink)
{
    if (c->ended) {
        return;
    }
    advance(c, call_ms_of(c, s->ts_us));
    c->signal_ms[c->n_signals % SIGNAL_RING] = c->now_ms;
    c->n_signals++;
    uint32_t recent = 0;
    uint32_t n = c->n_signals < SIGNAL_RING ? c->n_signals : SIGNAL_RING;
    for (uint32_t i = 0; i < n; i++) {
        recent += c->now_ms - c->signal_ms[i] <= SIGNAL_WINDOW;
    }
    proto_kv ev[1] = {{0, str_of("signals_60s"), (double)recent}};
    eng_cue_action a = eng_cue_event(&c->cue[PROTO_CUE_DIGITAL_FRUSTRATION],
                                     &c->rules.cue[PROTO_CUE_DIGITAL_FRUSTRATION], c->now_ms, true,
                                     (float)recent, budget_ok(c));
    emit_cue(c, PROTO_CUE_DIGITAL_FRUSTRATION, a, PROTO_WHO_CUSTOMER, ev, 1, NULL, sink);
    if ((float)recent >= c->rules.esc[PROTO_REASON_DIGITAL_FRUSTRATION].threshold) {
        raise_escalation(c, PROTO_REASON_DIGITAL_FRUSTRATION, (float)recent, NULL, sink);
    }
}

void eng_call_consent(eng_call *c, const proto_consent *m, const eng_sink *sink)
{
    advance(c, call_ms_of(c, m->ts_us));
    c->consent.voice_emotion = m->consent.voice_emotion;
    c->consent.text_emotion = m->consent.text_emotion;
    if (!c->consent.voice_emotion) {
        c->arousal_valid = false; /* withdrawn: stop at once, close the cue */
        eng_cue_action a = eng_cue_level(&c->cue[PROTO_CUE_CUSTOMER_TENSION],
                                         &c->rules.cue[PROTO_CUE_CUSTOMER_TENSION], 1, c->now_ms,
                                         false, 0.0f, false);
        emit_cue(c, PROTO_CUE_CUSTOMER_TENSION, a, PROTO_WHO_CUSTOMER, NULL, 0, NULL, sink);
    }
    /* at once, not at the next interval: consoles show whether emotion analysis is on */
    publish_features(c, sink);
}

void eng_call_tick(eng_call *c, uint64_t mono_ns, const eng_sink *sink)
{
    if (c->ended || c->medium != PROTO_CHAT || c->last_input_mono_ns == 0 ||
        mono_ns <= c->last_input_mono_ns) {
        return;
    }
    uint64_t ms = c->last_input_ms + (mono_ns - c->last_input_mono_ns) / 1000000u;
    advance(c, ms > UINT32_MAX ? UINT32_MAX : (uint32_t)ms);
    evaluate_chat_wait(c, sink);
    if (c->now_ms - c->last_features_ms >= c->rules.features_interval_ms) {
        publish_features(c, sink);
    }
}

void eng_call_hold(eng_call *c, bool on_hold)
{
    eng_turns_set_hold(&c->turns, on_hold);
}

void eng_call_end(eng_call *c, int64_t ts_us, const eng_sink *sink)
{
    if (c->ended) {
        return;
    }
    /* flush what dsp still holds, then release every slot */
    for (int p = 0; p < 2; p++) {
        dsp_frame fr;
        while (c->ch[p].dsp != NULL && dsp_features_flush(c->ch[p].dsp, &fr) == 1) {
            take_frame(c, p, &fr);
        }
    }
    for (;;) {
        bool a, u;
        if (!eng_align_next(&c->align, &a, &u)) {
            /* one channel may lag: release what the other produced */
            uint64_t p0 = c->align.ch[0].produced, p1 = c->align.ch[1].produced;
            uint64_t hi = p0 > p1 ? p0 : p1;
            if (c->align.released >= hi) {
                break;
            }
            a = p0 > c->align.released &&
                c->align.ch[0].speech[c->align.released % ENG_ALIGN_RING_SLOTS];
            u = p1 > c->align.released &&
                c->align.ch[1].speech[c->align.released % ENG_ALIGN_RING_SLOTS];
            c->align.released++;
        }
        slot_step(c, a, u, sink);
    }
    advance(c, call_ms_of(c, ts_us));
    /* close every open cue */
    for (int k = 0; k < PROTO_CUE_COUNT; k++) {
        if (c->cue[k].open) {
            c->cue[k].open = false;
            c->cue[k].ever_closed = true;
            c->cue[k].closed_ms = c->now_ms;
            proto_who who =
                k == PROTO_CUE_EXTENDED_SILENCE
                    ? PROTO_WHO_BOTH
                    : (k <= PROTO_CUE_INTERRUPTION ? PROTO_WHO_AGENT : PROTO_WHO_CUSTOMER);
            emit_cue(c, (proto_cue_kind)k, ENG_CUE_CLOSED, who, NULL, 0, NULL, sink);
        }
    }
    const eng_turns *t = &c->turns;
    dsp_stats_summary ag;
    dsp_stats_get(&c->ch[PROTO_AGENT].stats, &ag);
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SUMMARY;
    proto_summary *s = &m.u.summary;
    s->call = str_of(c->call);
    s->t_ms = c->now_ms;
    s->agent_talk_ms = t->talk_slots[ENG_AGENT] * ENG_SLOT_MS;
    s->customer_talk_ms = t->talk_slots[ENG_CUSTOMER] * ENG_SLOT_MS;
    s->talk_ratio = eng_turns_talk_ratio(t, ENG_AGENT);
    s->latency_p50_ms = eng_turns_latency_percentile_ms(t, ENG_AGENT, 50);
    s->latency_p90_ms = eng_turns_latency_percentile_ms(t, ENG_AGENT, 90);
    s->interruptions_agent = t->interruptions[ENG_AGENT];
    s->interruptions_customer = t->interruptions[ENG_CUSTOMER];
    s->backchannels = t->backchannels[ENG_AGENT] + t->backchannels[ENG_CUSTOMER];
    s->dead_air_ms = t->dead_air_slots * ENG_SLOT_MS;
    s->longest_monologue_ms = t->longest_turn_slots[ENG_AGENT] * ENG_SLOT_MS;
    s->agent_rate_sps = fminf(ag.speaking_rate_sps, 50.0f);
    s->n_cues = c->n_cues;
    s->n_escalations = c->n_escalations;
    proto_kv metrics[8];
    uint32_t n_metrics = 0;
    if (c->n_customer_msgs > 0) {
        s->present |=
            PROTO_SUM_SENTIMENT_START | PROTO_SUM_SENTIMENT_END | PROTO_SUM_SENTIMENT_TREND;
        s->sentiment_start = c->valence_start;
        s->sentiment_end = c->valence;
        s->sentiment_trend = trend_per_minute(c);
    }
    if (c->n_agent_msgs > 0) {
        /* empathy: mean empathy of the agent's messages, less a penalty for
         * tone-deaf phrasing; components travel as metrics */
        float emp = (float)(c->empathy_sum / c->n_agent_msgs);
        float deaf = (float)(c->tone_deaf_sum / c->n_agent_msgs);
        s->present |= PROTO_SUM_EMPATHY | PROTO_SUM_METRICS;
        s->empathy =
            fmaxf(0.0f, fminf(1.0f, emp - 0.5f * deaf +
                                        0.25f * (float)(t->interruptions[ENG_AGENT] == 0)));
        metrics[n_metrics++] = (proto_kv){0, str_of("empathy.phrasing"), (double)emp};
        metrics[n_metrics++] = (proto_kv){0, str_of("empathy.tone_deaf"), (double)deaf};
        metrics[n_metrics++] = (proto_kv){0, str_of("empathy.no_interruptions"),
                                          (double)(t->interruptions[ENG_AGENT] == 0)};
    }
    if (c->n_customer_msgs > 0) {
        s->present |= PROTO_SUM_METRICS;
        metrics[n_metrics++] =
            (proto_kv){0, str_of("customer.complaints"), (double)c->n_complaints};
    }
    if (c->medium == PROTO_CHAT) {
        s->present |= PROTO_SUM_METRICS;
        metrics[n_metrics++] = (proto_kv){0, str_of("chat.responses"), (double)c->chat_responses};
        if (c->chat_first_response_ms != UINT32_MAX) {
            metrics[n_metrics++] =
                (proto_kv){0, str_of("chat.first_response_ms"), (double)c->chat_first_response_ms};
        }
    }
    s->metrics = metrics;
    s->n_metrics = n_metrics;
    emit(c, sink, &m);
    c->ended = true;
}

void eng_call_state(const eng_call *c, proto_call_state *out, proto_open_cue *cues,
                    uint32_t max_cues)
{
    memset(out, 0, sizeof *out);
    out->call = str_of(c->call);
    out->agent = str_of(c->agent);
    out->team = str_of(c->team);
    if (c->has_queue) {
        out->present |= PROTO_CS_QUEUE;
        out->queue = str_of(c->queue);
    }
    out->medium = c->medium;
    out->handler = c->handler;
    out->t_ms = c->now_ms;
    out->consent.voice_emotion = c->consent.voice_emotion;
    out->consent.text_emotion = c->consent.text_emotion;
    if (c->has_level) {
        out->present |= PROTO_CS_LEVEL;
        out->level = c->max_level;
    }
    if (c->n_customer_msgs > 0) {
        out->present |= PROTO_CS_SENTIMENT;
        out->sentiment = c->valence;
    }
    uint32_t n = 0;
    float risk = 0.0f;
    for (int k = 0; k < PROTO_CUE_COUNT && n < max_cues; k++) {
        if (!c->cue[k].open) {
            continue;
        }
        cues[n] = (proto_open_cue){
            0,
            c->cue[k].id,
            (proto_cue_kind)k,
            k == PROTO_CUE_EXTENDED_SILENCE
                ? PROTO_WHO_BOTH
                : (k <= PROTO_CUE_INTERRUPTION ? PROTO_WHO_AGENT : PROTO_WHO_CUSTOMER),
            c->cue[k].start_ms,
            c->rules.cue[k].priority};
        risk += 0.1f * (float)(10 - c->rules.cue[k].priority) / 10.0f;
        n++;
    }
    if (c->has_level) {
        risk += 0.3f + 0.2f * (float)c->max_level;
    }
    if (c->n_customer_msgs > 0 && c->valence < 0.0f) {
        risk += -0.3f * c->valence;
    }
    out->risk = fminf(1.0f, risk);
    out->cues = cues;
    out->n_cues = n;
}
