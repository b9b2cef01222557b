/* tests/engine/test_call.c - one call end to end through eng_call: synthetic
 * two-party audio and chat in, cues, prompts, escalations, features and the
 * summary out; every message must encode; privacy and allocation rules hold. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/clock.h"
#include "engine/call.h"
#include "suites.h"
#include "testutil.h"

#define RATE    8000
#define FRAME   160 /* 20 ms */
#define T0_US   1700000000000000LL
#define MAX_LOG 4096
#define TWO_PI  6.283185307179586

typedef struct logged {
    proto_type type;
    proto_cue_kind cue;
    proto_cue_state state;
    proto_esc_reason reason;
    proto_esc_level level;
    uint32_t t_ms;
    bool agent_has_rate;
    bool customer_has_arousal;
    bool customer_has_pitch_rel;
    bool customer_has_loudness_rel;
    bool customer_has_emotions;
    bool consent_voice, consent_text; /* the consent a features message says is in force */
    uint32_t n_checklist;
    char prompt[64];       /* the start of a prompt's text */
    char checklist0[64];   /* the start of its checklist's first item */
    proto_summary summary; /* pointers not kept */
} logged;

typedef struct sink_log {
    logged items[MAX_LOG];
    int n;
    int encode_failures;
} sink_log;

static void on_emit(void *arg, const proto_msg *m)
{
    sink_log *log = arg;
    static uint8_t buf[65536];
    size_t n = 0;
    proto_error err;
    if (proto_encode(m, buf, sizeof buf, &n, &err) != RP_OK) {
        log->encode_failures++;
        fprintf(stderr, "encode failed: %s: %s\n", err.path, err.reason);
    }
    if (log->n >= MAX_LOG) {
        return;
    }
    logged *l = &log->items[log->n++];
    memset(l, 0, sizeof *l);
    l->type = m->type;
    switch (m->type) {
    case PROTO_T_CUE:
        l->cue = m->u.cue.cue;
        l->state = m->u.cue.state;
        l->t_ms = m->u.cue.t_ms;
        break;
    case PROTO_T_ESCALATION:
        l->reason = m->u.escalation.reason;
        l->level = m->u.escalation.level;
        l->t_ms = m->u.escalation.t_ms;
        break;
    case PROTO_T_PROMPT:
        l->n_checklist = m->u.prompt.n_checklist;
        snprintf(l->prompt, sizeof l->prompt, "%.*s", (int)m->u.prompt.text.len,
                 m->u.prompt.text.ptr);
        if (m->u.prompt.n_checklist > 0) {
            snprintf(l->checklist0, sizeof l->checklist0, "%.*s", (int)m->u.prompt.checklist[0].len,
                     m->u.prompt.checklist[0].ptr);
        }
        break;
    case PROTO_T_FEATURES:
        l->t_ms = m->u.features.t_ms;
        l->agent_has_rate = (m->u.features.agent.present & PROTO_BEH_RATE) != 0;
        l->customer_has_arousal = (m->u.features.customer.present & PROTO_CUST_AROUSAL) != 0;
        l->customer_has_emotions = (m->u.features.customer.present & PROTO_CUST_EMOTIONS) != 0;
        l->customer_has_pitch_rel = (m->u.features.customer.present & PROTO_CUST_PITCH_REL) != 0;
        l->customer_has_loudness_rel =
            (m->u.features.customer.present & PROTO_CUST_LOUDNESS_REL) != 0;
        l->consent_voice = m->u.features.consent.voice_emotion;
        l->consent_text = m->u.features.consent.text_emotion;
        break;
    case PROTO_T_SUMMARY:
        l->summary = m->u.summary;
        l->summary.metrics = NULL;
        break;
    default:
        break;
    }
}

/* Counts the escalations of one reason at one level in the log. */
static int count_escalation(const sink_log *log, proto_esc_reason reason, proto_esc_level level)
{
    int n = 0;
    for (int i = 0; i < log->n; i++) {
        n += log->items[i].type == PROTO_T_ESCALATION && log->items[i].reason == reason &&
             log->items[i].level == level;
    }
    return n;
}

static int count_cue(const sink_log *log, proto_cue_kind k, proto_cue_state st)
{
    int c = 0;
    for (int i = 0; i < log->n; i++) {
        c += log->items[i].type == PROTO_T_CUE && log->items[i].cue == k &&
             log->items[i].state == st;
    }
    return c;
}

static int count_type(const sink_log *log, proto_type t)
{
    int c = 0;
    for (int i = 0; i < log->n; i++) {
        c += log->items[i].type == t;
    }
    return c;
}

/* Speech-like sound: harmonics of f0 under a 4 Hz syllable envelope. */
static float voice(double t, double f0, double syllables_per_s, uint64_t *rng)
{
    double env = 0.5 + 0.5 * sin(TWO_PI * syllables_per_s * t);
    double x = 0.0;
    for (int k = 1; k <= 12; k++) {
        x += sin(TWO_PI * f0 * k * t) / k;
    }
    return (float)(0.08 * env * env * x) + 0.0005f * rp_test_randf(rng);
}

typedef struct span {
    proto_party who;
    double from_s, to_s, f0;
    double syllables_per_s; /* 0: 4 per second */
} span;

static proto_call_start start_msg(bool consent)
{
    proto_call_start s;
    memset(&s, 0, sizeof s);
    s.call = proto_cstr("c1");
    s.agent = proto_cstr("a1");
    s.team = proto_cstr("t1");
    s.medium = PROTO_VOICE;
    s.consent.voice_emotion = consent;
    s.consent.text_emotion = consent;
    s.ts_us = T0_US;
    return s;
}

/* Feeds both channels from 0 to end_s as 20 ms PCM16 frames. */
static void play(eng_call *c, const span *spans, int n_spans, double from_s, double end_s,
                 const eng_sink *sink, uint64_t *rng)
{
    static float scratch[PROTO_MAX_SAMPLES];
    uint8_t bytes[2][FRAME * 2];
    for (long k = lround(from_s * 50); k < lround(end_s * 50); k++) {
        for (int p = 0; p < 2; p++) {
            for (int i = 0; i < FRAME; i++) {
                double t = (double)(k * FRAME + i) / RATE;
                float x = 0.0005f * rp_test_randf(rng);
                for (int s = 0; s < n_spans; s++) {
                    if ((int)spans[s].who == p && t >= spans[s].from_s && t < spans[s].to_s) {
                        double syl =
                            spans[s].syllables_per_s > 0.0 ? spans[s].syllables_per_s : 4.0;
                        x = voice(t, spans[s].f0, syl, rng);
                    }
                }
                int16_t v = (int16_t)lrintf(x * 32767.0f);
                bytes[p][2 * i] = (uint8_t)(v & 0xff);
                bytes[p][2 * i + 1] = (uint8_t)((uint16_t)v >> 8);
            }
            proto_audio a;
            memset(&a, 0, sizeof a);
            a.call = proto_cstr("c1");
            a.ch = (proto_party)p;
            a.seq = (uint64_t)k;
            a.ts_us = T0_US + k * 20000;
            a.rate_hz = RATE;
            a.enc = PROTO_PCM16LE;
            a.samples.ptr = bytes[p];
            a.samples.len = sizeof bytes[p];
            ck_assert_int_eq(eng_call_audio(c, &a, scratch, sink), ENG_OK);
        }
    }
}

static eng_call *make_call(bool consent)
{
    eng_rules rules;
    eng_rules_default(&rules);
    proto_call_start s = start_msg(consent);
    eng_call *c = NULL;
    ck_assert_int_eq(eng_call_create(&s, &rules, &c), RP_OK);
    return c;
}

static void say(eng_call *c, nlp_analyzer *an, proto_speaker who, double at_s, const char *text,
                const eng_sink *sink)
{
    proto_text t;
    memset(&t, 0, sizeof t);
    t.call = proto_cstr("c1");
    t.speaker = who;
    t.text = proto_cstr(text);
    t.ts_us = T0_US + (int64_t)(at_s * 1e6);
    t.final = true;
    ck_assert_int_eq(eng_call_text(c, &t, an, sink), ENG_OK);
}

/* Plays both channels from from_s to at_s, then delivers who's final text at at_s. */
static void play_then_say(eng_call *c, nlp_analyzer *an, const span *spans, int n_spans,
                          double from_s, double at_s, proto_speaker who, const char *text,
                          const eng_sink *sink, uint64_t *rng)
{
    play(c, spans, n_spans, from_s, at_s, sink, rng);
    say(c, an, who, at_s, text, sink);
}

START_TEST(a_call_end_to_end)
{
    static sink_log log;
    memset(&log, 0, sizeof log);
    eng_sink sink = {on_emit, &log};
    uint64_t rng = rp_test_seed();
    eng_call *c = make_call(true);
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    /* agent 0-4 s, customer answers after 0.6 s, then 7 s of dead air, agent again */
    const span spans[] = {{PROTO_AGENT, 0.5, 4.0, 130.0, 0.0},
                          {PROTO_CUSTOMER, 4.6, 8.0, 210.0, 0.0},
                          {PROTO_AGENT, 15.0, 18.0, 130.0, 0.0}};
    play(c, spans, 3, 0.0, 9.0, &sink, &rng);
    say(c, an, PROTO_SPK_CUSTOMER, 8.0, "I want to speak to your manager NOW!!!", &sink);
    play(c, spans, 3, 9.0, 19.0, &sink, &rng);
    say(c, an, PROTO_SPK_AGENT, 18.5, "I understand how frustrating this must be.", &sink);
    eng_call_end(c, T0_US + 19000000, &sink);

    ck_assert_int_eq(log.encode_failures, 0);
    ck_assert_int_ge(count_type(&log, PROTO_T_FEATURES), 30);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_EXTENDED_SILENCE, PROTO_OPEN), 1);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_EXTENDED_SILENCE, PROTO_CLOSED), 1);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_ESCALATION_INTENT, PROTO_OPEN), 1);
    ck_assert_int_eq(count_escalation(&log, PROTO_REASON_HUMAN_REQUEST, PROTO_LEVEL_SUPERVISOR), 1);
    ck_assert_int_ge(count_type(&log, PROTO_T_PROMPT), 2);
    ck_assert_int_eq(count_type(&log, PROTO_T_SUMMARY), 1);
    const proto_summary *s = &log.items[log.n - 1].summary;
    ck_assert_int_eq(log.items[log.n - 1].type, PROTO_T_SUMMARY);
    ck_assert_uint_ge(s->t_ms, 19000);
    /* the customer answered after 0.6 s; agent answered after ~7 s of dead air */
    ck_assert_uint_ge(s->dead_air_ms, 6000);
    ck_assert_uint_le(s->dead_air_ms, 8000);
    ck_assert_uint_ge(s->agent_talk_ms, 5500);
    ck_assert_uint_le(s->agent_talk_ms, 7500);
    ck_assert_uint_ge(s->customer_talk_ms, 2800);
    ck_assert_uint_le(s->customer_talk_ms, 4200);
    ck_assert_uint_eq(s->interruptions_agent, 0);
    ck_assert(s->present & PROTO_SUM_EMPATHY);
    ck_assert(s->present & PROTO_SUM_SENTIMENT_END);
    ck_assert_float_lt(s->sentiment_end, 0.0f);
    nlp_analyzer_destroy(&an);
    eng_call_destroy(&c);
    ck_assert_ptr_null(c);
}
END_TEST

/* A customer who asks the agent to wait ("hold on, let me find my card") is not
 * waiting for an answer in the silence that follows; the same silence after an
 * ordinary question is a slow response. The request covers only its own gap. */
START_TEST(a_customer_who_asks_for_time_is_not_kept_waiting)
{
    static sink_log log;
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    /* agent 0.5-3 s; customer 3.4-5 s; 4 s of silence; customer again 9-11 s;
     * 4 s of silence; agent 15-17 s */
    const span spans[] = {{PROTO_AGENT, 0.5, 3.0, 130.0, 0.0},
                          {PROTO_CUSTOMER, 3.4, 5.0, 210.0, 0.0},
                          {PROTO_CUSTOMER, 9.0, 11.0, 210.0, 0.0},
                          {PROTO_AGENT, 15.0, 17.0, 130.0, 0.0}};
    static const char *const first[] = {"Hold on, let me find my card.",
                                        "What is the balance on my account?"};
    for (int asked = 0; asked < 2; asked++) {
        memset(&log, 0, sizeof log);
        eng_sink sink = {on_emit, &log};
        uint64_t rng = rp_test_seed();
        eng_call *c = make_call(false);
        /* the transcript arrives as the turn ends (the floor may still be held) */
        play_then_say(c, an, spans, 4, 0.0, 5.0, PROTO_SPK_CUSTOMER, first[asked], &sink, &rng);
        play(c, spans, 4, 5.0, 11.0, &sink, &rng);
        int after_first = count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN);
        say(c, an, PROTO_SPK_CUSTOMER, 11.0, "Found it, it ends in four four one.", &sink);
        play(c, spans, 4, 11.0, 17.0, &sink, &rng);
        eng_call_end(c, T0_US + 17000000, &sink);
        /* asked == 0: the first silence was the customer's; asked == 1: it was not */
        ck_assert_int_eq(after_first, asked == 0 ? 0 : 1);
        /* the second silence follows an ordinary statement: the agent is slow (asked == 1:
         * the cue is already open or cooling down from the first) */
        ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN), 1);
        eng_call_destroy(&c);
    }
    nlp_analyzer_destroy(&an);
}
END_TEST

/* Raised pitch right after clearly positive words is delight, not tension (no
 * cue, no escalation): the same voice after neutral words opens customer_tension. */
START_TEST(excitement_after_good_news_is_not_tension)
{
    static sink_log log;
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    /* 12 s of the customer's own voice (the baseline), then 7 semitones higher */
    const span spans[] = {{PROTO_CUSTOMER, 0.0, 12.0, 200.0, 0.0},
                          {PROTO_AGENT, 12.2, 13.6, 130.0, 0.0},
                          {PROTO_CUSTOMER, 14.0, 22.0, 300.0, 0.0}};
    static const char *const news[] = {"Good news, your claim is approved and paid in full!",
                                       "Your balance is eighty dollars."};
    for (int good = 0; good < 2; good++) {
        memset(&log, 0, sizeof log);
        eng_sink sink = {on_emit, &log};
        uint64_t rng = rp_test_seed();
        eng_call *c = make_call(true);
        play_then_say(c, an, spans, 3, 0.0, 13.6, PROTO_SPK_AGENT, news[good], &sink, &rng);
        play(c, spans, 3, 13.6, 22.0, &sink, &rng);
        int opened = count_cue(&log, PROTO_CUE_CUSTOMER_TENSION, PROTO_OPEN);
        int escalated = 0;
        for (int i = 0; i < log.n; i++) {
            escalated += log.items[i].type == PROTO_T_ESCALATION &&
                         log.items[i].reason == PROTO_REASON_CUSTOMER_TENSION;
        }
        ck_assert_int_eq(opened, good == 0 ? 0 : 1);
        if (good == 0) {
            ck_assert_int_eq(escalated, 0);
        }
        eng_call_destroy(&c);
    }
    nlp_analyzer_destroy(&an);
}
END_TEST

START_TEST(voice_emotion_needs_consent_and_stops_when_withdrawn)
{
    static sink_log log;
    memset(&log, 0, sizeof log);
    eng_sink sink = {on_emit, &log};
    uint64_t rng = rp_test_seed();
    const span spans[] = {{PROTO_CUSTOMER, 0.0, 30.0, 200.0, 0.0}};
    /* without consent: never arousal, never text emotions */
    eng_call *c = make_call(false);
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    play(c, spans, 1, 0.0, 14.0, &sink, &rng);
    say(c, an, PROTO_SPK_CUSTOMER, 14.0, "This is ridiculous, I am so angry.", &sink);
    play(c, spans, 1, 14.0, 16.0, &sink, &rng);
    for (int i = 0; i < log.n; i++) {
        ck_assert(!log.items[i].customer_has_arousal);
        ck_assert(!log.items[i].customer_has_emotions);
    }
    eng_call_destroy(&c);
    /* with consent: arousal appears once there is a baseline; withdrawn: it stops
     * from the next features message on */
    memset(&log, 0, sizeof log);
    c = make_call(true);
    play(c, spans, 1, 0.0, 14.0, &sink, &rng);
    int with = 0;
    for (int i = 0; i < log.n; i++) {
        with += log.items[i].customer_has_arousal;
    }
    ck_assert_int_gt(with, 0);
    proto_consent off;
    memset(&off, 0, sizeof off);
    off.call = proto_cstr("c1");
    off.ts_us = T0_US + 14000000;
    eng_call_consent(c, &off, &sink);
    int mark = log.n;
    play(c, spans, 1, 14.0, 16.0, &sink, &rng);
    for (int i = mark; i < log.n; i++) {
        ck_assert(!log.items[i].customer_has_arousal);
    }
    ck_assert_int_eq(log.encode_failures, 0);
    nlp_analyzer_destroy(&an);
    eng_call_destroy(&c);
}
END_TEST

/* The first features message at or after index from; -1 when there is none. */
static int next_features(const sink_log *log, int from)
{
    for (int i = from; i < log->n; i++) {
        if (log->items[i].type == PROTO_T_FEATURES) {
            return i;
        }
    }
    return -1;
}

static bool has_voice_emotion(const logged *l)
{
    return l->customer_has_arousal || l->customer_has_pitch_rel || l->customer_has_loudness_rel;
}

static void withdraw(eng_call *c, double at_s, bool voice, bool text, const eng_sink *sink)
{
    proto_consent m;
    memset(&m, 0, sizeof m);
    m.call = proto_cstr("c1");
    m.ts_us = T0_US + (int64_t)(at_s * 1e6);
    m.consent.voice_emotion = voice;
    m.consent.text_emotion = text;
    eng_call_consent(c, &m, sink);
}

START_TEST(a_withdrawal_shows_in_the_very_next_features_and_every_later_one)
{
    static sink_log log;
    memset(&log, 0, sizeof log);
    eng_sink sink = {on_emit, &log};
    uint64_t rng = rp_test_seed();
    const span spans[] = {{PROTO_CUSTOMER, 0.0, 40.0, 200.0, 0.0}};
    eng_call *c = make_call(true);
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    play(c, spans, 1, 0.0, 14.0, &sink, &rng);
    say(c, an, PROTO_SPK_CUSTOMER, 14.0, "This is ridiculous, I am so angry.", &sink);
    play(c, spans, 1, 14.0, 15.0, &sink, &rng);
    int voiced = 0, texted = 0;
    for (int i = 0; i < log.n; i++) {
        voiced += log.items[i].type == PROTO_T_FEATURES && log.items[i].customer_has_arousal &&
                  log.items[i].customer_has_pitch_rel && log.items[i].customer_has_loudness_rel;
        texted += log.items[i].customer_has_emotions;
    }
    ck_assert_int_gt(voiced, 0); /* consent on: the fields are there to be withdrawn */
    ck_assert_int_gt(texted, 0);

    /* voice emotion withdrawn at 15.0 s: the features published by the consent
     * itself, before any more audio, already says so and carries none of it */
    int mark = log.n;
    withdraw(c, 15.0, false, true, &sink);
    int f = next_features(&log, mark);
    ck_assert_int_ge(f, 0);
    ck_assert_uint_ge(log.items[f].t_ms, 15000 - 100);
    ck_assert_uint_le(log.items[f].t_ms, 15000 + 100);
    ck_assert(!log.items[f].consent_voice);
    ck_assert(log.items[f].consent_text);
    ck_assert(!has_voice_emotion(&log.items[f]));
    play(c, spans, 1, 15.0, 22.0, &sink, &rng);
    say(c, an, PROTO_SPK_CUSTOMER, 22.0, "I am furious, this is a disgrace.", &sink);
    play(c, spans, 1, 22.0, 23.0, &sink, &rng);
    int later = 0, text_still = 0;
    for (int i = mark; i < log.n; i++) {
        if (log.items[i].type == PROTO_T_FEATURES) {
            later++;
            ck_assert(!log.items[i].consent_voice);
            ck_assert(!has_voice_emotion(&log.items[i]));
            text_still += log.items[i].customer_has_emotions;
        }
    }
    ck_assert_int_ge(later, 10);
    ck_assert_int_gt(text_still, 0); /* text emotion consent still holds */

    /* text emotion withdrawn too: emotions go from the very next features on */
    mark = log.n;
    withdraw(c, 23.0, false, false, &sink);
    f = next_features(&log, mark);
    ck_assert_int_ge(f, 0);
    ck_assert_uint_ge(log.items[f].t_ms, 23000 - 100);
    ck_assert_uint_le(log.items[f].t_ms, 23000 + 100);
    ck_assert(!log.items[f].consent_text);
    ck_assert(!log.items[f].customer_has_emotions);
    play(c, spans, 1, 23.0, 25.0, &sink, &rng);
    say(c, an, PROTO_SPK_CUSTOMER, 25.0, "Absolutely furious and so upset, I hate this.", &sink);
    play(c, spans, 1, 25.0, 28.0, &sink, &rng);
    later = 0;
    for (int i = mark; i < log.n; i++) {
        if (log.items[i].type == PROTO_T_FEATURES) {
            later++;
            ck_assert(!log.items[i].consent_text);
            ck_assert(!log.items[i].customer_has_emotions);
            ck_assert(!has_voice_emotion(&log.items[i]));
        }
    }
    ck_assert_int_ge(later, 5);
    ck_assert_int_eq(log.encode_failures, 0);
    nlp_analyzer_destroy(&an);
    eng_call_destroy(&c);
}
END_TEST

START_TEST(bad_frames_are_refused_with_a_reason)
{
    eng_call *c = make_call(true);
    static float scratch[PROTO_MAX_SAMPLES];
    uint8_t bytes[FRAME * 2] = {0};
    proto_audio a;
    memset(&a, 0, sizeof a);
    a.call = proto_cstr("c1");
    a.ch = PROTO_AGENT;
    a.ts_us = T0_US;
    a.rate_hz = RATE;
    a.enc = PROTO_PCM16LE;
    a.samples.ptr = bytes;
    a.samples.len = sizeof bytes;
    ck_assert_int_eq(eng_call_audio(c, &a, scratch, NULL), ENG_OK);
    ck_assert_int_eq(eng_call_audio(c, &a, scratch, NULL), ENG_REJ_DUPLICATE);
    a.seq = 1;
    a.ts_us += 20000;
    a.rate_hz = 16000;
    ck_assert_int_eq(eng_call_audio(c, &a, scratch, NULL), ENG_REJ_RATE);
    a.rate_hz = RATE;
    a.ts_us = T0_US + 3600000000LL;
    ck_assert_int_eq(eng_call_audio(c, &a, scratch, NULL), ENG_REJ_TOO_FAR);
    proto_text t;
    memset(&t, 0, sizeof t);
    t.call = proto_cstr("c1");
    t.text = proto_cstr("my card is 4111 1111 1111 1111");
    t.final = false;
    ck_assert_int_eq(eng_call_text(c, &t, NULL, NULL), ENG_REJ_PARTIAL);
    eng_call_end(c, T0_US + 1000000, NULL);
    a.ts_us = T0_US + 40000;
    ck_assert_int_eq(eng_call_audio(c, &a, scratch, NULL), ENG_REJ_ENDED);
    ck_assert_str_eq(eng_reject_name(ENG_REJ_TOO_FAR), "too_far");
    eng_call_destroy(&c);
}
END_TEST

START_TEST(steady_state_allocates_nothing)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    static sink_log log;
    memset(&log, 0, sizeof log);
    eng_sink sink = {on_emit, &log};
    uint64_t rng = rp_test_seed();
    eng_call *c = make_call(true);
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    const span spans[] = {{PROTO_AGENT, 0.0, 5.0, 120.0, 0.0},
                          {PROTO_CUSTOMER, 5.5, 12.0, 220.0, 0.0}};
    play(c, spans, 2, 0.0, 1.0, &sink, &rng); /* first frames create the channels */
    uint64_t before = rp_alloc_count();
    play(c, spans, 2, 1.0, 12.0, &sink, &rng);
    say(c, an, PROTO_SPK_CUSTOMER, 12.0, "cancel my account, I'll call my lawyer", &sink);
    eng_call_end(c, T0_US + 12500000, &sink);
    ck_assert_uint_eq(rp_alloc_count(), before);
    nlp_analyzer_destroy(&an);
    eng_call_destroy(&c);
    ck_assert_uint_le(eng_call_size(), 64 * 1024);
}
END_TEST

START_TEST(create_cleans_up_when_any_allocation_fails)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    eng_rules rules;
    eng_rules_default(&rules);
    proto_call_start s = start_msg(true);
    int failures = 0;
    for (uint64_t n = 1; n < 20; n++) {
        eng_call *c = NULL;
        rp_alloc_fail_at(n);
        int rc = eng_call_create(&s, &rules, &c);
        bool fired = rp_alloc_fault_fired();
        rp_alloc_fail_at(0);
        if (!fired) {
            ck_assert_int_eq(rc, RP_OK);
            eng_call_destroy(&c);
            break;
        }
        ck_assert_int_eq(rc, RP_ENOMEM);
        ck_assert_ptr_null(c);
        failures++;
    }
    ck_assert_int_ge(failures, 1);
    /* a channel whose dsp state cannot be allocated refuses its frames, cleanly */
    eng_call *c = NULL;
    ck_assert_int_eq(eng_call_create(&s, &rules, &c), RP_OK);
    static float scratch[PROTO_MAX_SAMPLES];
    uint8_t bytes[FRAME * 2] = {0};
    proto_audio a;
    memset(&a, 0, sizeof a);
    a.call = proto_cstr("c1");
    a.ts_us = T0_US;
    a.rate_hz = RATE;
    a.enc = PROTO_PCM16LE;
    a.samples.ptr = bytes;
    a.samples.len = sizeof bytes;
    rp_alloc_fail_at(1);
    ck_assert_int_eq(eng_call_audio(c, &a, scratch, NULL), ENG_REJ_NOMEM);
    rp_alloc_fail_at(0);
    eng_call_destroy(&c);
    eng_call_destroy(NULL);
}
END_TEST

START_TEST(chat_response_times_and_waiting_customers)
{
    static sink_log log;
    memset(&log, 0, sizeof log);
    eng_sink sink = {on_emit, &log};
    eng_rules rules;
    eng_rules_default(&rules);
    proto_call_start s = start_msg(false);
    s.medium = PROTO_CHAT;
    eng_call *c = NULL;
    ck_assert_int_eq(eng_call_create(&s, &rules, &c), RP_OK);
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    /* one request typed as quick lines is one message: no repetition */
    say(c, an, PROTO_SPK_CUSTOMER, 1.0, "hello", &sink);
    say(c, an, PROTO_SPK_CUSTOMER, 3.0, "is anyone there?", &sink);
    say(c, an, PROTO_SPK_CUSTOMER, 5.0, "I need help with my bill", &sink);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN), 0);
    /* nudges after silences (repeat_gap_ms, 10 s): the third unanswered message opens it */
    say(c, an, PROTO_SPK_CUSTOMER, 16.0, "hello??", &sink);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN), 0);
    say(c, an, PROTO_SPK_CUSTOMER, 27.0, "I have been waiting", &sink);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN), 1);
    /* the reply closes it; its response time counts from the first unanswered message */
    say(c, an, PROTO_SPK_AGENT, 30.0, "Sorry for the wait, I am here to help.", &sink);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_CLOSED), 1);
    /* a single message left waiting: time passes on the engine's clock */
    say(c, an, PROTO_SPK_CUSTOMER, 200.0, "one more question about my bill", &sink);
    uint64_t mono = rp_clock_mono_ns();
    eng_call_tick(c, mono + 30000000000ull, &sink);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN), 1);
    eng_call_tick(c, mono + 61000000000ull, &sink);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SLOW_RESPONSE, PROTO_OPEN), 2);
    ck_assert_int_ge(count_type(&log, PROTO_T_FEATURES), 1);
    eng_call_end(c, T0_US + 300000000, &sink);
    const logged *last = &log.items[log.n - 1];
    ck_assert_int_eq(last->type, PROTO_T_SUMMARY);
    /* 29.0 s: the middle of its 1 s bin (12.8 s + 16 s .. 17 s); it was capped at 12.75 s */
    ck_assert_uint_eq(last->summary.latency_p50_ms, 29300);
    ck_assert_int_eq(log.encode_failures, 0);
    nlp_analyzer_destroy(&an);
    eng_call_destroy(&c);
}
END_TEST

/* One chat session (a bot's or a person's, default rules) in which the
 * customer sends the n texts, 3 s apart from 2 s on; what the engine emits
 * goes to *log (cleared first). */
static void customer_chats(bool bot, const char *const *texts, int n, sink_log *log)
{
    memset(log, 0, sizeof *log);
    eng_sink sink = {on_emit, log};
    eng_rules rules;
    eng_rules_default(&rules);
    proto_call_start s = start_msg(false);
    s.medium = PROTO_CHAT;
    s.present |= PROTO_CALL_START_HANDLER;
    s.handler = bot ? PROTO_BOT : PROTO_HUMAN;
    eng_call *c = NULL;
    ck_assert_int_eq(eng_call_create(&s, &rules, &c), RP_OK);
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    for (int i = 0; i < n; i++) {
        say(c, an, PROTO_SPK_CUSTOMER, 2.0 + 3.0 * i, texts[i], &sink);
    }
    nlp_analyzer_destroy(&an);
    eng_call_destroy(&c);
}

/* One customer message in such a session, 2 s in. */
static void customer_says_in_chat(bool bot, const char *text, sink_log *log)
{
    customer_chats(bot, &text, 1, log);
}

/* A sensitive topic: a bot hands the session to a person at once; a human agent
 * gets the empathy checklist instead of an escalation. */
START_TEST(sensitive_topics_hand_bots_off_and_give_people_the_checklist)
{
    static sink_log log;
    for (int bot = 0; bot < 2; bot++) {
        customer_says_in_chat(
            bot, "My husband passed away last month and the account is in his name.", &log);
        ck_assert_int_eq(count_cue(&log, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN), 1);
        int checklist = 0;
        for (int i = 0; i < log.n; i++) {
            checklist += log.items[i].type == PROTO_T_PROMPT && log.items[i].n_checklist > 0 &&
                         strcmp(log.items[i].checklist0, "Acknowledge the feeling") == 0;
        }
        ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SENSITIVE_TOPIC, PROTO_LEVEL_HANDOFF),
                         bot ? 1 : 0);
        ck_assert_int_eq(checklist, bot ? 0 : 1);
        ck_assert_int_eq(count_type(&log, PROTO_T_ESCALATION), bot ? 1 : 0);
        ck_assert_int_eq(log.encode_failures, 0);
    }
}
END_TEST

/* A customer's loss that no one at the company caused opens negative_sentiment
 * with a prompt to acknowledge it; a fault of the service with the prompt to
 * apologise. */
START_TEST(a_loss_is_acknowledged_and_a_fault_apologised_for)
{
    static sink_log log;
    static const struct {
        const char *text;
        const char *prompt; /* how the prompt starts */
    } cases[] = {
        {"We were burgled on Saturday, they took my mum's jewellery, I'm heartbroken.",
         "The customer has had bad news"},
        {"Your engineer damaged our roof and nobody has called back, this is awful.",
         "The customer is getting more negative"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        customer_says_in_chat(false, cases[k].text, &log);
        ck_assert_int_eq(count_cue(&log, PROTO_CUE_NEGATIVE_SENTIMENT, PROTO_OPEN), 1);
        int prompts = 0;
        for (int i = 0; i < log.n; i++) {
            if (log.items[i].type == PROTO_T_PROMPT) {
                prompts++;
                ck_assert_msg(
                    strncmp(log.items[i].prompt, cases[k].prompt, strlen(cases[k].prompt)) == 0,
                    "%s: %s", cases[k].text, log.items[i].prompt);
            }
        }
        ck_assert_int_eq(prompts, 1);
    }
}
END_TEST

/* A person asked for about a topic, in a session a person already handles, is
 * routed by the agent: no escalation_intent cue, no supervisor; a bot must
 * still hand it over, and a manager asked for, or a person asked for in anger,
 * still reaches the supervisor. */
START_TEST(a_person_asked_for_a_topic_is_routed_by_the_agent)
{
    static sink_log log;
    static const struct {
        const char *text;
        int human, bot; /* escalations raised with a human agent, with a bot */
    } cases[] = {
        {"Could I speak to someone about a mortgage please?", 0, 1},
        {"I want to speak to your manager.", 1, 1},
        {"This is useless, let me talk to someone who can actually help!", 1, 1},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        for (int bot = 0; bot < 2; bot++) {
            customer_says_in_chat(bot, cases[k].text, &log);
            int raised = bot ? cases[k].bot : cases[k].human;
            ck_assert_msg(count_cue(&log, PROTO_CUE_ESCALATION_INTENT, PROTO_OPEN) == raised, "%s",
                          cases[k].text);
            ck_assert_msg(count_type(&log, PROTO_T_ESCALATION) == raised, "%s (bot %d)",
                          cases[k].text, bot);
        }
    }
}
END_TEST

/* A customer at risk: a supervisor is alerted (priority) whoever handles the
 * session, a person included; words that often mean something milder open the
 * agent's cue without the alert (twenty-ninth session). */
START_TEST(a_customer_at_risk_alerts_a_supervisor)
{
    static sink_log log;
    for (int bot = 0; bot < 2; bot++) {
        customer_says_in_chat(
            bot, "I've been thinking about ending my life, I can't see a way out.", &log);
        ck_assert_int_eq(count_cue(&log, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN), 1);
        ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SAFETY, PROTO_LEVEL_PRIORITY), 1);
        ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SENSITIVE_TOPIC, PROTO_LEVEL_HANDOFF),
                         bot ? 1 : 0);
        /* a person gets the safety steps with the cue, not the empathy checklist */
        int steps = 0;
        for (int i = 0; i < log.n; i++) {
            steps += log.items[i].type == PROTO_T_PROMPT && log.items[i].n_checklist == 4 &&
                     strncmp(log.items[i].checklist0, "Stay with the customer", 22) == 0 &&
                     strncmp(log.items[i].prompt, "The customer may be at risk", 27) == 0;
        }
        ck_assert_int_eq(steps, bot ? 0 : 1);
        customer_says_in_chat(bot, "My partner hits me and he takes all my money.", &log);
        ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SAFETY, PROTO_LEVEL_PRIORITY), 1);
        customer_says_in_chat(bot, "I can't go on like this, the internet has been down all week.",
                              &log);
        ck_assert_int_eq(count_cue(&log, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN), 1);
        ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SAFETY, PROTO_LEVEL_PRIORITY), 0);
        customer_says_in_chat(
            bot, "My husband passed away last month and the account is in his name.", &log);
        ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SAFETY, PROTO_LEVEL_PRIORITY), 0);
    }
}
END_TEST

/* The sensitive-topic cue already open for hardship when the customer tells
 * of a risk: the safety steps come then, once (twenty-ninth session). */
START_TEST(the_safety_steps_come_when_the_cue_is_already_open)
{
    static sink_log log;
    static const char *const texts[] = {"I'm in arrears and the bailiffs keep calling.",
                                        "Honestly I've been thinking about ending my life.",
                                        "I just want it all to stop."};
    customer_chats(false, texts, 3, &log);
    int empathy = 0, steps = 0;
    for (int i = 0; i < log.n; i++) {
        if (log.items[i].type == PROTO_T_PROMPT) {
            empathy += strcmp(log.items[i].checklist0, "Acknowledge the feeling") == 0;
            steps += strncmp(log.items[i].checklist0, "Stay with the customer", 22) == 0;
        }
    }
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN), 1);
    ck_assert_int_eq(empathy, 1);
    ck_assert_int_eq(steps, 1);
    ck_assert_int_eq(count_escalation(&log, PROTO_REASON_SAFETY, PROTO_LEVEL_PRIORITY), 1);
}
END_TEST

/* Closing the account of someone who died raises the bereavement topic, not a
 * cancellation (no retention steps); leaving raises the cancellation. */
START_TEST(an_estate_closure_is_no_cancellation)
{
    static sink_log log;
    customer_says_in_chat(false, "My husband died last month, please cancel his phone contract.",
                          &log);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_ESCALATION_INTENT, PROTO_OPEN), 0);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN), 1);
    for (int i = 0; i < log.n; i++) {
        ck_assert(log.items[i].type != PROTO_T_ESCALATION ||
                  log.items[i].reason != PROTO_REASON_CANCEL);
    }
    customer_says_in_chat(false, "I want to cancel my contract, I'm moving to another provider.",
                          &log);
    ck_assert_int_eq(count_cue(&log, PROTO_CUE_ESCALATION_INTENT, PROTO_OPEN), 1);
}
END_TEST

/* Pace against the agent's usual pattern: 6.5 syllables/s of articulation is
 * under the absolute limit (7; a lively but normal pace, and what a calm agent on
 * a noisy line can read as), so a first call cannot tell it is fast; with the
 * baseline of earlier calls (4 syllables/s) it opens speaking_fast within
 * seconds. 8 syllables/s is fast for anyone and opens it on a first call too. */
START_TEST(pace_is_judged_against_the_agents_earlier_calls)
{
    static sink_log log;
    const span lively[] = {{PROTO_AGENT, 0.0, 12.0, 120.0, 6.5}};
    const span fast[] = {{PROTO_AGENT, 0.0, 12.0, 120.0, 8.0}};
    for (int prior = 0; prior < 2; prior++) {
        for (int hurried = 0; hurried < 2; hurried++) {
            memset(&log, 0, sizeof log);
            eng_sink sink = {on_emit, &log};
            uint64_t rng = rp_test_seed();
            eng_call *c = make_call(false);
            if (prior) {
                eng_call_set_agent_baseline(c, 4.0f);
            }
            play(c, hurried ? fast : lively, 1, 0.0, 12.0, &sink, &rng);
            ck_assert_int_eq(count_cue(&log, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN),
                             prior || hurried ? 1 : 0);
            float learnt = 0.0f;
            ck_assert(!eng_call_agent_baseline(c, &learnt)); /* 12 s: too little to learn from */
            eng_call_destroy(&c);
        }
    }
}
END_TEST

Suite *call_suite(void)
{
    Suite *s = suite_create("call");
    TCase *tc = tcase_create("call");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_call_end_to_end);
    tcase_add_test(tc, a_customer_who_asks_for_time_is_not_kept_waiting);
    tcase_add_test(tc, excitement_after_good_news_is_not_tension);
    tcase_add_test(tc, voice_emotion_needs_consent_and_stops_when_withdrawn);
    tcase_add_test(tc, a_withdrawal_shows_in_the_very_next_features_and_every_later_one);
    tcase_add_test(tc, bad_frames_are_refused_with_a_reason);
    tcase_add_test(tc, steady_state_allocates_nothing);
    tcase_add_test(tc, create_cleans_up_when_any_allocation_fails);
    tcase_add_test(tc, chat_response_times_and_waiting_customers);
    tcase_add_test(tc, sensitive_topics_hand_bots_off_and_give_people_the_checklist);
    tcase_add_test(tc, pace_is_judged_against_the_agents_earlier_calls);
    tcase_add_test(tc, a_person_asked_for_a_topic_is_routed_by_the_agent);
    tcase_add_test(tc, an_estate_closure_is_no_cancellation);
    tcase_add_test(tc, a_customer_at_risk_alerts_a_supervisor);
    tcase_add_test(tc, the_safety_steps_come_when_the_cue_is_already_open);
    tcase_add_test(tc, a_loss_is_acknowledged_and_a_fault_apologised_for);
    suite_add_tcase(s, tc);
    return s;
}
