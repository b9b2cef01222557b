/* tests/engine/test_worker.c - a shard thread end to end: messages in through the
 * inbox, cues and the summary out through the outbox with their topics; unknown
 * calls and duplicate starts are counted. Runs under ThreadSanitizer too. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/clock.h"
#include "engine/worker.h"
#include "suites.h"

#define T0 1700000000000000LL

static void post(eng_worker *w, const proto_msg *m)
{
    static uint8_t buf[65536];
    size_t n = 0;
    ck_assert_int_eq(proto_encode(m, buf, sizeof buf, &n, NULL), RP_OK);
    ck_assert_int_eq(eng_worker_post(w, buf, n, rp_clock_mono_ns()), RP_OK);
}

static proto_msg call_start(const char *id)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CALL_START;
    m.u.call_start.call = proto_cstr(id);
    m.u.call_start.agent = proto_cstr("a7");
    m.u.call_start.team = proto_cstr("t3");
    m.u.call_start.medium = PROTO_VOICE;
    m.u.call_start.ts_us = T0;
    return m;
}

START_TEST(a_shard_runs_calls_and_publishes_with_topics)
{
    const eng_playbook *pbc = NULL;
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load(NULL, &pb, err), RP_OK);
    pbc = pb;
    eng_worker_config cfg = eng_worker_config_default();
    cfg.max_calls = 2;
    eng_worker *w = NULL;
    ck_assert_int_eq(eng_worker_create(&cfg, pbc, &w), RP_OK);
    ck_assert_int_eq(eng_worker_start(w), RP_OK);

    proto_msg m = call_start("c1");
    post(w, &m);
    post(w, &m); /* duplicate start */
    /* 8 s of silence on both channels: dead air opens at 5 s */
    static uint8_t pcm[320];
    for (int k = 0; k < 400; k++) {
        for (int ch = 0; ch < 2; ch++) {
            proto_msg a;
            memset(&a, 0, sizeof a);
            a.type = PROTO_T_AUDIO;
            a.u.audio.call = proto_cstr("c1");
            a.u.audio.ch = (proto_party)ch;
            a.u.audio.seq = (uint64_t)k;
            a.u.audio.ts_us = T0 + k * 20000;
            a.u.audio.rate_hz = 8000;
            a.u.audio.enc = PROTO_PCM16LE;
            a.u.audio.samples.ptr = pcm;
            a.u.audio.samples.len = sizeof pcm;
            post(w, &a);
        }
    }
    proto_msg t;
    memset(&t, 0, sizeof t);
    t.type = PROTO_T_TEXT;
    t.u.text.call = proto_cstr("c1");
    t.u.text.speaker = PROTO_SPK_CUSTOMER;
    t.u.text.text = proto_cstr("I will sue you, my lawyer will hear about this");
    t.u.text.ts_us = T0 + 8000000;
    t.u.text.final = true;
    post(w, &t);
    t.u.text.call = proto_cstr("nobody");
    post(w, &t);
    proto_msg e;
    memset(&e, 0, sizeof e);
    e.type = PROTO_T_CALL_END;
    e.u.call_end.call = proto_cstr("c1");
    e.u.call_end.ts_us = T0 + 8500000;
    post(w, &e);

    int n_dead = 0, n_legal = 0, n_summary = 0, n_features = 0;
    uint64_t last_seq = 0;
    uint64_t deadline = rp_clock_mono_ns() + 10000000000ull;
    while (n_summary == 0 && rp_clock_mono_ns() < deadline) {
        char topic[256];
        static uint8_t msg[65536];
        size_t len = 0;
        uint64_t arrival = 0;
        if (eng_worker_take(w, topic, sizeof topic, msg, sizeof msg, &len, &arrival) == 0) {
            rp_clock_sleep_ns(1000000);
            continue;
        }
        ck_assert_int_eq(strncmp(topic, "call/t3/a7/c1/", 14), 0);
        ck_assert_uint_gt(arrival, 0);
        proto_msg out;
        static unsigned char arena[1 << 16];
        proto_arena ar;
        proto_arena_init(&ar, arena, sizeof arena);
        ck_assert_int_eq(proto_decode(msg, len, &ar, &out, NULL), RP_OK);
        ck_assert_str_eq(topic + 14, proto_type_name(out.type));
        uint64_t seq = 0;
        ck_assert(proto_msg_seq(&out, &seq));
        ck_assert_uint_eq(seq, ++last_seq); /* numbered per call, without a gap */
        n_features += out.type == PROTO_T_FEATURES;
        n_dead += out.type == PROTO_T_CUE && out.u.cue.cue == PROTO_CUE_EXTENDED_SILENCE &&
                  out.u.cue.state == PROTO_OPEN;
        n_legal += out.type == PROTO_T_ESCALATION &&
                   out.u.escalation.reason == PROTO_REASON_LEGAL &&
                   out.u.escalation.level == PROTO_LEVEL_PRIORITY;
        n_summary += out.type == PROTO_T_SUMMARY;
    }
    ck_assert_int_eq(n_summary, 1);
    ck_assert_int_eq(n_dead, 1);
    ck_assert_int_eq(n_legal, 1);
    ck_assert_int_ge(n_features, 10);
    const eng_worker_stats *st = eng_worker_stats_of(w);
    ck_assert_uint_eq(atomic_load(&st->frames), 800);
    ck_assert_uint_eq(atomic_load(&st->duplicate_start), 1);
    ck_assert_uint_eq(atomic_load(&st->unknown_call), 1);
    /* the summary goes out before the call leaves the shard's map: the count follows shortly */
    deadline = rp_clock_mono_ns() + 5000000000ull;
    while (atomic_load(&st->calls_active) != 0 && rp_clock_mono_ns() < deadline) {
        rp_clock_sleep_ns(1000000);
    }
    ck_assert_uint_eq(atomic_load(&st->calls_active), 0);
    ck_assert_uint_eq(atomic_load(&st->calls_total), 1);
    eng_worker_destroy(&w);
    ck_assert_ptr_null(w);
    eng_playbook_destroy(&pb);
}
END_TEST

START_TEST(a_full_shard_refuses_calls_and_stop_ends_open_calls)
{
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load(NULL, &pb, err), RP_OK);
    eng_worker_config cfg = eng_worker_config_default();
    cfg.max_calls = 2;
    eng_worker *w = NULL;
    ck_assert_int_eq(eng_worker_create(&cfg, pb, &w), RP_OK);
    ck_assert_int_eq(eng_worker_start(w), RP_OK);
    const char *ids[] = {"x1", "x2", "x3"};
    for (int i = 0; i < 3; i++) {
        proto_msg m = call_start(ids[i]);
        post(w, &m);
    }
    uint64_t deadline = rp_clock_mono_ns() + 5000000000ull;
    const eng_worker_stats *st = eng_worker_stats_of(w);
    while (atomic_load(&st->calls_refused) == 0 && rp_clock_mono_ns() < deadline) {
        rp_clock_sleep_ns(1000000);
    }
    ck_assert_uint_eq(atomic_load(&st->calls_refused), 1);
    ck_assert_uint_eq(atomic_load(&st->calls_active), 2);
    eng_worker_destroy(&w); /* ends x1 and x2: their summaries were written */
    eng_playbook_destroy(&pb);
    eng_worker_config bad = eng_worker_config_default();
    bad.inbox_bytes = 1000;
    ck_assert_int_eq(eng_worker_create(&bad, pb, &w), RP_EINVAL);
}
END_TEST

/* The loop routes audio by its envelope only (proto_peek): a frame that fails the
 * full decode is the shard's to count and to report, and the call goes on. */
START_TEST(a_malformed_frame_is_counted_and_reported_by_the_shard)
{
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load(NULL, &pb, err), RP_OK);
    eng_worker_config cfg = eng_worker_config_default();
    eng_worker *w = NULL;
    ck_assert_int_eq(eng_worker_create(&cfg, pb, &w), RP_OK);
    ck_assert_int_eq(eng_worker_start(w), RP_OK);
    proto_msg m = call_start("m1");
    post(w, &m);
    static uint8_t pcm[320];
    proto_msg a;
    memset(&a, 0, sizeof a);
    a.type = PROTO_T_AUDIO;
    a.u.audio.call = proto_cstr("m1");
    a.u.audio.ts_us = T0;
    a.u.audio.rate_hz = 8000;
    a.u.audio.enc = PROTO_PCM16LE;
    a.u.audio.samples.ptr = pcm;
    a.u.audio.samples.len = sizeof pcm;
    static uint8_t buf[4096];
    size_t n = 0;
    ck_assert_int_eq(proto_encode(&a, buf, sizeof buf, &n, NULL), RP_OK);
    /* its envelope still reads (type and call) but its encoding is unknown */
    uint8_t *enc = NULL;
    for (size_t i = 0; i + 7 <= n && enc == NULL; i++) {
        enc = memcmp(buf + i, "pcm16le", 7) == 0 ? buf + i : NULL;
    }
    ck_assert_ptr_nonnull(enc);
    memcpy(enc, "pcm99le", 7);
    proto_type type;
    proto_str call;
    ck_assert_int_eq(proto_peek(buf, n, &type, &call, NULL), RP_OK);
    ck_assert_int_eq(type, PROTO_T_AUDIO);
    ck_assert_int_eq(eng_worker_post(w, buf, n, rp_clock_mono_ns()), RP_OK);
    memcpy(enc, "pcm16le", 7);
    ck_assert_int_eq(eng_worker_post(w, buf, n, rp_clock_mono_ns()), RP_OK); /* a good one */

    const eng_worker_stats *st = eng_worker_stats_of(w);
    uint64_t deadline = rp_clock_mono_ns() + 5000000000ull;
    int reports = 0;
    while ((reports == 0 || atomic_load(&st->frames) == 0) && rp_clock_mono_ns() < deadline) {
        char topic[256];
        static uint8_t msg[65536];
        size_t len = 0;
        uint64_t arrival = 0;
        if (eng_worker_take(w, topic, sizeof topic, msg, sizeof msg, &len, &arrival) == 0) {
            rp_clock_sleep_ns(1000000);
            continue;
        }
        if (topic[0] == '\0') {
            proto_error e;
            ck_assert_uint_eq(len, sizeof e);
            memcpy(&e, msg, sizeof e);
            ck_assert_uint_gt(strlen(e.reason), 0);
            reports++;
        }
    }
    ck_assert_int_eq(reports, 1);
    ck_assert_uint_eq(atomic_load(&st->malformed), 1);
    ck_assert_uint_eq(atomic_load(&st->frames), 1); /* only the good one reached the call */
    eng_worker_destroy(&w);
    eng_playbook_destroy(&pb);
}
END_TEST

Suite *worker_suite(void)
{
    Suite *s = suite_create("worker");
    TCase *tc = tcase_create("shard");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_shard_runs_calls_and_publishes_with_topics);
    tcase_add_test(tc, a_full_shard_refuses_calls_and_stop_ends_open_calls);
    tcase_add_test(tc, a_malformed_frame_is_counted_and_reported_by_the_shard);
    suite_add_tcase(s, tc);
    return s;
}
