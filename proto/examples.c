/* proto/examples.c - the example call used by docs, tests, fuzz seeds and `rapport example`. */
#include "proto/examples.h"

#include <math.h>
#include <string.h>

#define CALL_ID "call-20261125-0001"
#define T0_US   1764072000000000LL /* 2025-11-25T12:00:00Z */

/* A 200 Hz tone, amplitude 0.25 full scale, at the given rate. */
static float tone(uint32_t i, double rate_hz)
{
    return (float)(0.25 * sin(2.0 * 3.14159265358979323846 * 200.0 * (double)i / rate_hz));
}

/* G.711 mu-law of a 16-bit sample (ITU-T G.711, segment/bias form). */
static uint8_t to_mulaw(int16_t pcm)
{
    const int bias = 0x84;
    int sign = pcm < 0 ? 0x80 : 0;
    int mag = pcm < 0 ? -(int)pcm : pcm;
    if (mag > 32635) {
        mag = 32635;
    }
    mag += bias;
    int seg = 7;
    for (int mask = 0x4000; (mag & mask) == 0 && seg > 0; mask >>= 1) {
        seg--;
    }
    int mant = (mag >> (seg + 3)) & 0x0f;
    return (uint8_t) ~(sign | (seg << 4) | mant);
}

/* G.711 A-law of a 16-bit sample. */
static uint8_t to_alaw(int16_t pcm)
{
    int sign = pcm >= 0 ? 0x80 : 0;
    int mag = pcm >= 0 ? pcm : -(int)pcm - 1;
    mag >>= 3; /* 13-bit magnitude */
    int seg = 0;
    while (seg < 7 && mag >= (32 << seg)) {
        seg++;
    }
    int mant = seg == 0 ? (mag >> 1) & 0x0f : (mag >> seg) & 0x0f;
    return (uint8_t)((sign | (seg << 4) | mant) ^ 0x55);
}

static proto_kv kv(const char *name, double value)
{
    proto_kv k = {0, proto_cstr(name), value};
    return k;
}

static proto_msg *add(proto_examples *ex, proto_type type)
{
    proto_msg *m = &ex->msgs[ex->n_msgs++];
    memset(m, 0, sizeof *m);
    m->type = type;
    return m;
}

static void add_audio(proto_examples *ex, proto_party ch, uint64_t seq, uint32_t rate,
                      proto_encoding enc, const uint8_t *bytes, uint32_t n_bytes)
{
    proto_audio *a = &add(ex, PROTO_T_AUDIO)->u.audio;
    a->call = proto_cstr(CALL_ID);
    a->ch = ch;
    a->seq = seq;
    a->ts_us = T0_US + (int64_t)seq * 20000;
    a->rate_hz = rate;
    a->enc = enc;
    a->samples.ptr = bytes;
    a->samples.len = n_bytes;
}

static void fill_samples(proto_examples *ex)
{
    for (uint32_t i = 0; i < PROTO_EXAMPLE_SAMPLES; i++) {
        float x8 = tone(i, 8000.0);
        int16_t s = (int16_t)lrintf(x8 * 32767.0f);
        ex->pcm16[2 * i] = (uint8_t)(s & 0xff);
        ex->pcm16[2 * i + 1] = (uint8_t)(((uint16_t)s >> 8) & 0xff);
        ex->mulaw[i] = to_mulaw(s);
        ex->alaw[i] = to_alaw(s);
        float x16 = tone(i, 16000.0);
        uint32_t bits;
        memcpy(&bits, &x16, sizeof bits);
        for (int b = 0; b < 4; b++) {
            ex->f32[4 * i + (uint32_t)b] = (uint8_t)(bits >> (8 * b));
        }
    }
}

static void fill_inbound(proto_examples *ex)
{
    proto_call_start *cs = &add(ex, PROTO_T_CALL_START)->u.call_start;
    cs->present = PROTO_CALL_START_CUSTOMER | PROTO_CALL_START_HANDLER | PROTO_CALL_START_QUEUE |
                  PROTO_CALL_START_TOPIC | PROTO_CALL_START_CRM;
    cs->call = proto_cstr(CALL_ID);
    cs->agent = proto_cstr("agent-042");
    cs->team = proto_cstr("billing-east");
    cs->customer = proto_cstr("cust-77813");
    cs->medium = PROTO_VOICE;
    cs->handler = PROTO_HUMAN;
    cs->queue = proto_cstr("billing");
    cs->topic = proto_cstr("disputed charge");
    cs->consent.voice_emotion = true;
    cs->consent.text_emotion = true;
    cs->crm.present =
        PROTO_CRM_VALUE | PROTO_CRM_TENURE_DAYS | PROTO_CRM_TIER | PROTO_CRM_PRIOR_CONTACTS;
    cs->crm.value = 1840.5;
    cs->crm.tenure_days = 1290;
    cs->crm.tier = proto_cstr("gold");
    cs->crm.prior_contacts_30d = 2;
    cs->ts_us = T0_US;

    add_audio(ex, PROTO_AGENT, 0, 8000, PROTO_PCM16LE, ex->pcm16, sizeof ex->pcm16);
    add_audio(ex, PROTO_CUSTOMER, 0, 8000, PROTO_MULAW, ex->mulaw, sizeof ex->mulaw);
    add_audio(ex, PROTO_CUSTOMER, 1, 8000, PROTO_ALAW, ex->alaw, sizeof ex->alaw);
    add_audio(ex, PROTO_AGENT, 1, 16000, PROTO_F32LE, ex->f32, sizeof ex->f32);

    proto_text *t = &add(ex, PROTO_T_TEXT)->u.text;
    t->present = PROTO_TEXT_SOURCE | PROTO_TEXT_MSG_ID;
    t->call = proto_cstr(CALL_ID);
    t->speaker = PROTO_SPK_CUSTOMER;
    t->text = proto_cstr("This is the third time I call about the double charge \xe2\x80\x94 "
                         "I want to speak to a manager.");
    t->ts_us = T0_US + 4200000;
    t->final = true;
    t->source = PROTO_SRC_TRANSCRIPT;
    t->msg_id = 7;

    t = &add(ex, PROTO_T_TEXT)->u.text;
    t->call = proto_cstr(CALL_ID);
    t->speaker = PROTO_SPK_AGENT;
    t->text = proto_cstr("I understand how frustrating this must be.");
    t->ts_us = T0_US + 6100000;
    t->final = false;

    proto_signal *sg = &add(ex, PROTO_T_SIGNAL)->u.signal;
    sg->present = PROTO_SIGNAL_DETAIL | PROTO_SIGNAL_COUNT_FIELD;
    sg->call = proto_cstr(CALL_ID);
    sg->kind = PROTO_SIG_RAGE_CLICK;
    sg->ts_us = T0_US + 1500000;
    sg->detail = proto_cstr("pay-now button");
    sg->count = 9;

    proto_consent *c = &add(ex, PROTO_T_CONSENT)->u.consent;
    c->call = proto_cstr(CALL_ID);
    c->ts_us = T0_US + 9000000;
    c->consent.voice_emotion = false;
    c->consent.text_emotion = true;

    proto_hold *h = &add(ex, PROTO_T_HOLD)->u.hold;
    h->call = proto_cstr(CALL_ID);
    h->ts_us = T0_US + 12000000;
    h->on = true;

    proto_snapshot_req *sr = &add(ex, PROTO_T_SNAPSHOT_REQ)->u.snapshot_req;
    sr->present = PROTO_SNAPSHOT_REQ_TEAM | PROTO_SNAPSHOT_REQ_REQ_ID;
    sr->team = proto_cstr("billing-east");
    sr->req_id = 1;
}

static void fill_features(proto_examples *ex)
{
    proto_features *f = &add(ex, PROTO_T_FEATURES)->u.features;
    f->present = PROTO_FEATURES_CONSENT;
    f->seq = 101;
    f->call = proto_cstr(CALL_ID);
    f->t_ms = 10000;
    f->dead_air_ms = 0;
    f->on_hold = false;
    f->consent.voice_emotion = false;
    f->consent.text_emotion = true;
    f->agent.present = PROTO_BEH_RATE | PROTO_BEH_ARTIC | PROTO_BEH_RATE_REL | PROTO_BEH_LATENCY |
                       PROTO_AGENT_EMPATHY | PROTO_AGENT_TONE_DEAF;
    f->agent.b.speaking = true;
    f->agent.b.rate_sps = 5.5f;
    f->agent.b.artic_sps = 6.25f;
    f->agent.b.rate_rel = 1.375f;
    f->agent.b.talk_ratio = 0.625f;
    f->agent.b.monologue_ms = 14000;
    f->agent.b.latency_ms = 450;
    f->agent.b.interruptions = 2;
    f->agent.b.backchannels = 1;
    f->agent.empathy = 0.75f;
    f->agent.tone_deaf = 0.0f;
    f->customer.present = PROTO_BEH_RATE | PROTO_CUST_AROUSAL | PROTO_CUST_PITCH_REL |
                          PROTO_CUST_LOUDNESS_REL | PROTO_CUST_VALENCE | PROTO_CUST_TREND |
                          PROTO_CUST_EMOTIONS;
    f->customer.b.rate_sps = 4.0f;
    f->customer.b.talk_ratio = 0.375f;
    f->customer.b.backchannels = 3;
    f->customer.arousal = 0.8125f;
    f->customer.pitch_rel_st = 2.5f;
    f->customer.loudness_rel_db = 6.0f;
    f->customer.valence = -0.5f;
    f->customer.valence_trend = -0.25f;
    const float emo[PROTO_EMO_COUNT] = {0.75f, 0.5f, 0.125f, 0.0f, 0.0f, 0.0f, 0.0f};
    memcpy(f->customer.emotions, emo, sizeof emo);
}

static void fill_cues(proto_examples *ex)
{
    ex->evidence[0] = kv("rate_sps", 5.5);
    ex->evidence[1] = kv("baseline_sps", 4.0);
    ex->evidence[2] = kv("threshold_rel", 1.25);
    ex->evidence[3] = kv("window_ms", 10000);

    proto_cue *c = &add(ex, PROTO_T_CUE)->u.cue;
    c->present = PROTO_CUE_EVIDENCE;
    c->seq = 102;
    c->call = proto_cstr(CALL_ID);
    c->t_ms = 10000;
    c->id = 1;
    c->cue = PROTO_CUE_SPEAKING_FAST;
    c->state = PROTO_OPEN;
    c->party = PROTO_WHO_AGENT;
    c->priority = 4;
    c->start_ms = 0;
    c->evidence = ex->evidence;
    c->n_evidence = 4;

    ex->checklist[0] = proto_cstr("Acknowledge the feeling");
    ex->checklist[1] = proto_cstr("Apologise for the double charge");
    ex->checklist[2] = proto_cstr("Say what you will do next");
    proto_prompt *p = &add(ex, PROTO_T_PROMPT)->u.prompt;
    p->present = PROTO_PROMPT_CUE_ID | PROTO_PROMPT_TTL | PROTO_PROMPT_CHECKLIST;
    p->seq = 103;
    p->call = proto_cstr(CALL_ID);
    p->t_ms = 10000;
    p->id = 1;
    p->cue_id = 1;
    p->text = proto_cstr("You are speaking faster than usual \xe2\x80\x94 slow down.");
    p->priority = 4;
    p->ttl_ms = 8000;
    p->checklist = ex->checklist;
    p->n_checklist = 3;

    proto_escalation *e = &add(ex, PROTO_T_ESCALATION)->u.escalation;
    e->present = PROTO_ESC_EVIDENCE | PROTO_ESC_QUOTE;
    e->seq = 104;
    e->call = proto_cstr(CALL_ID);
    e->t_ms = 4300;
    e->id = 2;
    e->level = PROTO_LEVEL_SUPERVISOR;
    e->reason = PROTO_REASON_HUMAN_REQUEST;
    ex->esc_evidence[0] = kv("escalation_score", 0.97);
    ex->esc_evidence[1] = kv("valence", -0.6);
    e->evidence = ex->esc_evidence;
    e->n_evidence = 2;
    e->quote = proto_cstr("I want to speak to a manager.");

    proto_ack *a = &add(ex, PROTO_T_ACK)->u.ack;
    a->present = PROTO_ACK_NOTE;
    a->call = proto_cstr(CALL_ID);
    a->alert_id = 2;
    a->by = proto_cstr("sup-007");
    a->ts_us = T0_US + 5000000;
    a->note = proto_cstr("joining the call");

    c = &add(ex, PROTO_T_CUE)->u.cue;
    c->present = PROTO_CUE_END_MS | PROTO_CUE_QUOTE;
    c->seq = 105;
    c->call = proto_cstr(CALL_ID);
    c->t_ms = 16000;
    c->id = 1;
    c->cue = PROTO_CUE_SPEAKING_FAST;
    c->state = PROTO_CLOSED;
    c->party = PROTO_WHO_AGENT;
    c->priority = 4;
    c->start_ms = 0;
    c->end_ms = 16000;
    c->quote = proto_cstr("card [CARD] was charged twice");
}

static void fill_state(proto_examples *ex)
{
    ex->counters[0] = kv("frames_in", 123456);
    ex->counters[1] = kv("rejected.bad_rate", 3);
    ex->counters[2] = kv("dropped.queue_full", 0);
    ex->counters[3] = kv("latency_p99_us", 412.5);
    proto_stats *st = &add(ex, PROTO_T_STATS)->u.stats;
    st->seq = 9;
    st->uptime_ms = 3600000;
    st->calls_active = 2;
    st->counters = ex->counters;
    st->n_counters = 4;

    ex->open_cues[0] =
        (proto_open_cue){0, 3, PROTO_CUE_CUSTOMER_TENSION, PROTO_WHO_CUSTOMER, 12000, 2};
    ex->open_cues[1] =
        (proto_open_cue){0, 4, PROTO_CUE_ESCALATION_INTENT, PROTO_WHO_CUSTOMER, 4300, 1};
    proto_call_state *cs = &ex->calls[0];
    memset(cs, 0, sizeof *cs);
    cs->present = PROTO_CS_QUEUE | PROTO_CS_LEVEL | PROTO_CS_SENTIMENT | PROTO_CS_PROMPT;
    cs->seq = 105;
    cs->call = proto_cstr(CALL_ID);
    cs->agent = proto_cstr("agent-042");
    cs->team = proto_cstr("billing-east");
    cs->queue = proto_cstr("billing");
    cs->medium = PROTO_VOICE;
    cs->handler = PROTO_HUMAN;
    cs->t_ms = 17000;
    cs->risk = 0.875f;
    cs->level = PROTO_LEVEL_SUPERVISOR;
    cs->sentiment = -0.5f;
    cs->consent.voice_emotion = false;
    cs->consent.text_emotion = true;
    cs->cues = ex->open_cues;
    cs->n_cues = 2;
    cs->prompt_id = 7;
    cs->prompt = proto_cstr("Acknowledge the frustration, then offer the supervisor callback.");
    cs = &ex->calls[1];
    memset(cs, 0, sizeof *cs);
    cs->seq = 133;
    cs->call = proto_cstr("chat-20261125-0042");
    cs->agent = proto_cstr("bot-1");
    cs->team = proto_cstr("billing-east");
    cs->medium = PROTO_CHAT;
    cs->handler = PROTO_BOT;
    cs->t_ms = 65000;
    cs->risk = 0.125f;
    proto_snapshot *sn = &add(ex, PROTO_T_SNAPSHOT)->u.snapshot;
    sn->present = PROTO_SNAPSHOT_REQ_ID_FIELD;
    sn->seq = 9;
    sn->req_id = 1;
    sn->calls = ex->calls;
    sn->n_calls = 2;

    ex->metrics[0] = kv("empathy.acknowledge", 1);
    ex->metrics[1] = kv("empathy.apology", 1);
    ex->metrics[2] = kv("empathy.ownership", 0.5);
    proto_summary *su = &add(ex, PROTO_T_SUMMARY)->u.summary;
    su->present = PROTO_SUM_SENTIMENT_START | PROTO_SUM_SENTIMENT_END | PROTO_SUM_SENTIMENT_TREND |
                  PROTO_SUM_EMPATHY | PROTO_SUM_METRICS;
    su->seq = 107;
    su->call = proto_cstr(CALL_ID);
    su->t_ms = 184000;
    su->agent_talk_ms = 88000;
    su->customer_talk_ms = 71000;
    su->talk_ratio = 0.5534591f;
    su->latency_p50_ms = 380;
    su->latency_p90_ms = 1450;
    su->interruptions_agent = 2;
    su->interruptions_customer = 1;
    su->backchannels = 14;
    su->dead_air_ms = 6200;
    su->longest_monologue_ms = 31000;
    su->agent_rate_sps = 4.75f;
    su->n_cues = 5;
    su->n_escalations = 1;
    su->sentiment_start = -0.25f;
    su->sentiment_end = 0.375f;
    su->sentiment_trend = 0.2f;
    su->empathy = 0.8333333f;
    su->metrics = ex->metrics;
    su->n_metrics = 3;

    proto_call_end *ce = &add(ex, PROTO_T_CALL_END)->u.call_end;
    ce->present = PROTO_CALL_END_REASON;
    ce->call = proto_cstr(CALL_ID);
    ce->ts_us = T0_US + 184000000;
    ce->reason = proto_cstr("hangup");
}

void proto_examples_init(proto_examples *ex)
{
    memset(ex, 0, sizeof *ex);
    fill_samples(ex);
    fill_inbound(ex);
    fill_features(ex);
    fill_cues(ex);
    fill_state(ex);
}
