/* bench/accuracy.c - scenarios through eng_call, scored against their script. */
#include "bench/accuracy.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/clock.h"
#include "engine/call.h"

/* err (RP_ERR_LEN bytes) = the formatted text, truncated to fit. */
RP_PRINTF(2, 3) static void seterr(char *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, RP_ERR_LEN, fmt, ap);
    va_end(ap);
}

#define FRAME_MS 20
#define TICK_MS  100
#define T0_US    1767225600000000LL /* call time 0 */
typedef struct runner {
    const bench_scenario *sc;
    bench_result *res;
    bool nomem;
} runner;

static void on_emit(void *arg, const proto_msg *m)
{
    runner *r = arg;
    bench_detection d;
    memset(&d, 0, sizeof d);
    if (m->type == PROTO_T_CUE && m->u.cue.state == PROTO_OPEN) {
        d.kind = BENCH_CHECK_CUE;
        d.type = (int)m->u.cue.cue;
        d.party = m->u.cue.party;
        d.t_s = m->u.cue.t_ms / 1000.0;
    } else if (m->type == PROTO_T_ESCALATION) {
        d.kind = BENCH_CHECK_ESCALATION;
        d.type = (int)m->u.escalation.reason;
        d.level = m->u.escalation.level;
        d.t_s = m->u.escalation.t_ms / 1000.0;
    } else {
        return;
    }
    bench_result *res = r->res;
    if (res->n_det >= BENCH_MAX_DETECTIONS) {
        r->nomem = true;
        return;
    }
    d.check = -1;
    res->det[res->n_det++] = d;
}

typedef struct feed {
    eng_call *call;
    nlp_analyzer *an;
    const eng_sink *sink;
    const char *id;
    uint64_t mono_ref; /* engine clock just after the last text */
    double t_ref;      /* its call time */
} feed;

static int64_t ts_of(double t_s)
{
    return T0_US + (int64_t)llround(t_s * 1e6);
}

static void deliver(feed *f, const bench_event *e)
{
    proto_str call = proto_cstr(f->id);
    if (e->kind == BENCH_EV_TEXT) {
        proto_text t;
        memset(&t, 0, sizeof t);
        t.call = call;
        t.speaker = e->speaker;
        t.text = proto_cstr(e->text);
        t.ts_us = ts_of(e->t_s);
        t.final = true;
        t.present = PROTO_TEXT_SOURCE;
        t.source = e->source;
        (void)eng_call_text(f->call, &t, f->an, f->sink);
        f->mono_ref = rp_clock_mono_ns();
        f->t_ref = e->t_s;
    } else if (e->kind == BENCH_EV_HOLD) {
        eng_call_hold(f->call, e->on);
    } else if (e->kind == BENCH_EV_CONSENT) {
        proto_consent c;
        memset(&c, 0, sizeof c);
        c.call = call;
        c.ts_us = ts_of(e->t_s);
        c.consent.voice_emotion = e->voice_emotion;
        c.consent.text_emotion = e->text_emotion;
        eng_call_consent(f->call, &c, f->sink);
    } else {
        proto_signal s;
        memset(&s, 0, sizeof s);
        s.call = call;
        s.kind = e->signal_kind;
        s.ts_us = ts_of(e->t_s);
        eng_call_signal(f->call, &s, f->sink);
    }
}

static bool matches(const bench_check *k, const bench_detection *d)
{
    if (k->kind != d->kind) {
        return false;
    }
    if (k->kind == BENCH_CHECK_CUE ? (int)k->cue != d->type : (int)k->reason != d->type) {
        return false;
    }
    if (k->has_party && k->party != d->party) {
        return false;
    }
    if (k->has_level && k->level != d->level) {
        return false;
    }
    /* t_ms on the wire has millisecond resolution */
    return d->t_s >= k->abs_t0_s - 0.001 && d->t_s <= k->abs_t1_s + 0.001;
}

static void score(const bench_scenario *sc, bench_result *r)
{
    for (size_t i = 0; i < r->n_checks; i++) {
        r->first_s[i] = NAN;
        r->expected += sc->checks[i].role == BENCH_EXPECT;
    }
    for (size_t j = 0; j < r->n_det; j++) {
        bench_detection *d = &r->det[j];
        int expect = -1, allow = -1, forbid = -1;
        for (size_t i = 0; i < sc->n_checks; i++) {
            const bench_check *k = &sc->checks[i];
            if (!matches(k, d)) {
                continue;
            }
            int *slot = k->role == BENCH_EXPECT  ? &expect
                        : k->role == BENCH_ALLOW ? &allow
                                                 : &forbid;
            if (*slot < 0) {
                *slot = (int)i;
            }
            if (k->role == BENCH_EXPECT && isnan(r->first_s[i])) {
                r->first_s[i] = d->t_s;
            }
        }
        if (forbid >= 0) {
            d->check = forbid;
            d->false_pos = true;
        } else if (expect >= 0) {
            d->check = expect;
        } else if (allow >= 0) {
            d->check = allow;
        } else {
            d->false_pos = true;
        }
        r->false_pos += d->false_pos;
    }
    for (size_t i = 0; i < r->n_checks; i++) {
        r->met += sc->checks[i].role == BENCH_EXPECT && !isnan(r->first_s[i]);
    }
}

int bench_run(const bench_scenario *sc, const bench_audio *au, const eng_rules *rules,
              nlp_analyzer *an, bench_result *out, char *err)
{
    memset(out, 0, sizeof *out);
    out->duration_s = sc->duration_s;
    out->calm = sc->calm;
    out->n_checks = sc->n_checks;
    out->det = rp_calloc(BENCH_MAX_DETECTIONS, sizeof *out->det);
    out->first_s = rp_calloc(sc->n_checks + 1, sizeof *out->first_s);
    bench_event *ev = rp_calloc(BENCH_MAX_TIMELINE, sizeof *ev);
    uint8_t *bytes = rp_malloc(PROTO_MAX_SAMPLES * 4);
    float *scratch = rp_malloc(PROTO_MAX_SAMPLES * sizeof *scratch);
    eng_call *call = NULL;
    proto_call_start cs;
    memset(&cs, 0, sizeof cs);
    cs.call = proto_cstr(sc->id);
    cs.agent = proto_cstr("bench-agent");
    cs.team = proto_cstr("bench");
    cs.medium = sc->medium;
    cs.present = PROTO_CALL_START_HANDLER;
    cs.handler = sc->handler;
    if (sc->queue[0] != '\0') {
        cs.present |= PROTO_CALL_START_QUEUE;
        cs.queue = proto_cstr(sc->queue);
    }
    if (sc->topic[0] != '\0') {
        cs.present |= PROTO_CALL_START_TOPIC;
        cs.topic = proto_cstr(sc->topic);
    }
    if (sc->customer[0] != '\0') {
        cs.present |= PROTO_CALL_START_CUSTOMER;
        cs.customer = proto_cstr(sc->customer);
    }
    if (sc->has_prior_contacts) {
        cs.present |= PROTO_CALL_START_CRM;
        cs.crm.present = PROTO_CRM_PRIOR_CONTACTS;
        cs.crm.prior_contacts_30d = sc->prior_contacts_30d;
    }
    cs.consent.voice_emotion = sc->voice_emotion;
    cs.consent.text_emotion = sc->text_emotion;
    cs.ts_us = T0_US;
    if (out->det == NULL || out->first_s == NULL || ev == NULL || bytes == NULL ||
        scratch == NULL || eng_call_create(&cs, rules, &call) != RP_OK) {
        rp_free(ev);
        rp_free(bytes);
        rp_free(scratch);
        bench_result_free(out);
        seterr(err, "%s: out of memory", sc->path);
        return RP_ENOMEM;
    }
    runner rn = {sc, out, false};
    eng_sink sink = {on_emit, &rn};
    size_t n_ev = bench_scenario_timeline(sc, ev);
    size_t next = 0;
    feed f = {call, an, &sink, sc->id, 0, 0.0};
    if (sc->medium == PROTO_VOICE && au->n > 0) {
        size_t frame = au->rate_hz / 1000 * FRAME_MS;
        for (uint64_t k = 0; (size_t)k * frame < au->n; k++) {
            double t_s = (double)(k * FRAME_MS) / 1000.0;
            while (next < n_ev && ev[next].t_s <= t_s) {
                deliver(&f, &ev[next++]);
            }
            size_t off = (size_t)k * frame;
            size_t n = au->n - off < frame ? au->n - off : frame;
            for (int p = 0; p < 2; p++) {
                const float *x = au->ch[p] + off;
                for (size_t i = 0; i < n; i++) {
                    uint32_t b;
                    memcpy(&b, &x[i], sizeof b);
                    for (int q = 0; q < 4; q++) {
                        bytes[4 * i + (size_t)q] = (uint8_t)(b >> (8 * q));
                    }
                }
                proto_audio a;
                memset(&a, 0, sizeof a);
                a.call = proto_cstr(sc->id);
                a.ch = (proto_party)p;
                a.seq = k;
                a.ts_us = T0_US + (int64_t)(k * FRAME_MS * 1000);
                a.rate_hz = au->rate_hz;
                a.enc = PROTO_F32LE;
                a.samples.ptr = bytes;
                a.samples.len = (uint32_t)(n * 4);
                (void)eng_call_audio(call, &a, scratch, &sink);
            }
        }
    } else {
        uint64_t steps = (uint64_t)ceil(sc->duration_s * 1000.0 / TICK_MS);
        for (uint64_t k = 0; k <= steps; k++) {
            double t_s = (double)(k * TICK_MS) / 1000.0;
            while (next < n_ev && ev[next].t_s <= t_s) {
                deliver(&f, &ev[next++]);
            }
            if (f.mono_ref != 0 && t_s > f.t_ref) {
                eng_call_tick(call, f.mono_ref + (uint64_t)llround((t_s - f.t_ref) * 1e9), &sink);
            }
        }
    }
    while (next < n_ev) {
        deliver(&f, &ev[next++]);
    }
    eng_call_end(call, ts_of(sc->duration_s), &sink);
    eng_call_destroy(&call);
    rp_free(ev);
    rp_free(bytes);
    rp_free(scratch);
    if (rn.nomem) {
        bench_result_free(out);
        seterr(err, "%s: more than %u detections", sc->path, BENCH_MAX_DETECTIONS);
        return RP_EINVAL;
    }
    score(sc, out);
    return RP_OK;
}

void bench_result_free(bench_result *r)
{
    rp_free(r->det);
    rp_free(r->first_s);
    memset(r, 0, sizeof *r);
}

size_t bench_type_row(bench_check_kind kind, int type)
{
    return kind == BENCH_CHECK_CUE ? (size_t)type : (size_t)PROTO_CUE_COUNT + (size_t)type;
}

const char *bench_type_name(size_t row)
{
    const char *n = row < PROTO_CUE_COUNT
                        ? proto_cue_name((proto_cue_kind)row)
                        : proto_reason_name((proto_esc_reason)(row - PROTO_CUE_COUNT));
    return n != NULL ? n : "?";
}

void bench_tally_add(bench_tally *t, const bench_scenario *sc, const bench_result *r)
{
    t->scenarios++;
    t->passed += r->met == r->expected && r->false_pos == 0;
    t->total_s += r->duration_s;
    if (r->calm) {
        t->calm_s += r->duration_s;
    }
    for (size_t j = 0; j < r->n_det; j++) {
        const bench_detection *d = &r->det[j];
        bench_row *row = &t->row[bench_type_row(d->kind, d->type)];
        if (d->false_pos) {
            row->fp++;
        } else if (d->check >= 0 && sc->checks[d->check].role == BENCH_EXPECT) {
            row->tp++;
        }
        if (r->calm && (d->check < 0 || sc->checks[d->check].role != BENCH_ALLOW)) {
            t->calm_alerts++;
        }
    }
    for (size_t i = 0; i < sc->n_checks; i++) {
        const bench_check *k = &sc->checks[i];
        if (k->role != BENCH_EXPECT) {
            continue;
        }
        bench_row *row = &t->row[bench_type_row(
            k->kind, k->kind == BENCH_CHECK_CUE ? (int)k->cue : (int)k->reason)];
        row->expected++;
        if (!isnan(r->first_s[i])) {
            row->met++;
            if (row->n_delays < BENCH_ROW_DELAYS) {
                /* on the wire's millisecond grid: call time is truncated to ms */
                double det_ms = round(r->first_s[i] * 1000.0);
                double moment_ms = floor(k->abs_moment_s * 1000.0 + 1e-6);
                row->delays_s[row->n_delays++] = (det_ms - moment_ms) / 1000.0;
            }
        }
    }
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : (x > y);
}

double bench_row_delay(const bench_row *row, double q)
{
    if (row->n_delays == 0) {
        return NAN;
    }
    double v[BENCH_ROW_DELAYS];
    memcpy(v, row->delays_s, row->n_delays * sizeof *v);
    qsort(v, row->n_delays, sizeof *v, cmp_double);
    size_t rank = (size_t)ceil(q * (double)row->n_delays);
    rank = rank == 0 ? 1 : rank;
    return v[rank - 1];
}
