/* tests/bench/test_accuracy.c - scenarios through the engine's call pipeline:
 * scoring rules on small inline scripts, and a few shipped scenarios whose
 * expected cues and escalations must fire (so regressions show in make test). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/accuracy.h"
#include "bench/scenario.h"
#include "bench/synth.h"
#include "common/status.h"
#include "engine/playbook.h"
#include "suites.h"

static eng_playbook *g_pb;
static nlp_analyzer *g_an;

static void setup(void)
{
    char err[RP_ERR_LEN];
    ck_assert_msg(eng_playbook_load(NULL, &g_pb, err) == RP_OK, "%s", err);
    ck_assert_int_eq(nlp_analyzer_create(NULL, &g_an), RP_OK);
}

static void teardown(void)
{
    nlp_analyzer_destroy(&g_an);
    eng_playbook_destroy(&g_pb);
}

/* Synthesises and runs sc; fills r. */
static void run(bench_scenario *sc, bench_result *r)
{
    char err[RP_ERR_LEN];
    bench_audio au;
    ck_assert_msg(bench_synth(sc, NULL, &au, err) == RP_OK, "%s", err);
    eng_rules rules;
    eng_playbook_rules(g_pb, sc->queue[0] ? sc->queue : NULL, strlen(sc->queue), &rules);
    ck_assert_msg(bench_run(sc, &au, &rules, g_an, r, err) == RP_OK, "%s", err);
    bench_audio_free(&au);
}

static bench_scenario *parse(const char *text)
{
    char err[RP_ERR_LEN];
    bench_scenario *sc = NULL;
    ck_assert_msg(bench_scenario_parse("a.yaml", text, strlen(text), &sc, err) == RP_OK, "%s", err);
    return sc;
}

START_TEST(scoring_rules)
{
    /* a chat: the manager request is expected (right window), the legal threat
     * is expected in a window that is too early (missed, and its detection is
     * false), negative sentiment is allowed, and escalation_intent is forbidden
     * after the last message (the engine raises nothing then: no false alert). */
    bench_scenario *sc =
        parse("id: s\nmedium: chat\nmessages:\n"
              "  - {id: ask, who: customer, at: 2, text: \"I want to speak to your manager.\"}\n"
              "  - {id: law, who: customer, gap: 40, text: \"My lawyer will hear about this, "
              "I will take you to court.\"}\n"
              "expect:\n"
              "  - {escalation: human_request, level: supervisor, after: ask, within: [0, 1]}\n"
              "  - {escalation: legal, after: law, within: [-5, -1]}\n"
              "allow:\n  - {cue: negative_sentiment}\n"
              "  - {cue: escalation_intent, after: ask, within: [0, 1]}\n"
              "  - {cue: escalation_intent, after: law, within: [0, 1]}\n"
              "forbid:\n  - {cue: escalation_intent, after: law, within: [2, 60]}\n");
    bench_result r;
    run(sc, &r);
    ck_assert_uint_eq(r.expected, 2);
    ck_assert_uint_eq(r.met, 1);
    ck_assert_uint_eq(r.false_pos, 1); /* the legal escalation, outside its window */
    ck_assert_double_eq_tol(r.first_s[0], 2.0, 0.002);
    ck_assert(isnan(r.first_s[1]));
    bench_tally t;
    memset(&t, 0, sizeof t);
    bench_tally_add(&t, sc, &r);
    const bench_row *hr =
        &t.row[bench_type_row(BENCH_CHECK_ESCALATION, PROTO_REASON_HUMAN_REQUEST)];
    ck_assert_uint_eq(hr->tp, 1);
    ck_assert_uint_eq(hr->met, 1);
    ck_assert_double_eq_tol(bench_row_delay(hr, 0.5), 0.0, 0.002);
    const bench_row *lr = &t.row[bench_type_row(BENCH_CHECK_ESCALATION, PROTO_REASON_LEGAL)];
    ck_assert_uint_eq(lr->fp, 1);
    ck_assert_uint_eq(lr->expected, 1);
    ck_assert_uint_eq(lr->met, 0);
    ck_assert_uint_eq(t.passed, 0);
    ck_assert_str_eq(bench_type_name(bench_type_row(BENCH_CHECK_CUE, PROTO_CUE_SARCASM)),
                     "sarcasm");
    ck_assert_str_eq(bench_type_name(bench_type_row(BENCH_CHECK_ESCALATION, PROTO_REASON_PUBLIC)),
                     "public");
    bench_result_free(&r);
    bench_scenario_free(&sc);
}
END_TEST

START_TEST(calm_control_counts_false_alerts)
{
    bench_scenario *sc = parse("id: calm\nmedium: chat\ncalm: true\nmessages:\n"
                               "  - {who: customer, at: 1, text: \"Hello, a quick question.\"}\n"
                               "  - {who: agent, gap: 5, text: \"Sure, go ahead.\"}\n"
                               "  - {who: customer, gap: 5, text: \"I want to speak to your "
                               "manager.\"}\n");
    bench_result r;
    run(sc, &r);
    bench_tally t;
    memset(&t, 0, sizeof t);
    bench_tally_add(&t, sc, &r);
    ck_assert_uint_ge(t.calm_alerts, 2); /* escalation_intent and human_request at least */
    ck_assert_uint_eq(t.calm_alerts, r.false_pos);
    ck_assert_double_eq_tol(t.calm_s, sc->duration_s, 1e-9);
    bench_result_free(&r);
    bench_scenario_free(&sc);
}
END_TEST

START_TEST(delay_quantiles)
{
    bench_row row;
    memset(&row, 0, sizeof row);
    ck_assert(isnan(bench_row_delay(&row, 0.5)));
    for (int i = 0; i < 20; i++) {
        row.delays_s[row.n_delays++] = (double)(19 - i) * 0.1; /* 0.0 .. 1.9 */
    }
    ck_assert_double_eq_tol(bench_row_delay(&row, 0.5), 0.9, 1e-9);
    ck_assert_double_eq_tol(bench_row_delay(&row, 0.95), 1.8, 1e-9);
    ck_assert_double_eq_tol(bench_row_delay(&row, 1.0), 1.9, 1e-9);
    ck_assert_double_eq_tol(bench_row_delay(&row, 0.0), 0.0, 1e-9);
}
END_TEST

/* Shipped scenarios whose expectations the engine meets today: a voice call
 * with text escalations, a voice-only pace cue, and a chat with a slow reply. */
static const char *const k_regress[] = {"manager-request", "agent-too-fast", "chat-slow-reply",
                                        "dead-air-lookup"};

START_TEST(shipped_scenarios_fire)
{
    const char *dir = getenv("RP_BENCH_SCENARIOS");
    ck_assert_ptr_nonnull(dir);
    char path[1024], err[RP_ERR_LEN];
    snprintf(path, sizeof path, "%s/%s.yaml", dir, k_regress[_i]);
    bench_scenario *sc = NULL;
    ck_assert_msg(bench_scenario_load(path, &sc, err) == RP_OK, "%s", err);
    bench_result r;
    run(sc, &r);
    for (size_t i = 0; i < sc->n_checks; i++) {
        const bench_check *k = &sc->checks[i];
        ck_assert_msg(k->role != BENCH_EXPECT || !isnan(r.first_s[i]),
                      "%s: expected %s (line %d) in %.2f..%.2f s did not fire", sc->id,
                      bench_check_name(k), k->line, k->abs_t0_s, k->abs_t1_s);
    }
    for (size_t j = 0; j < r.n_det; j++) {
        ck_assert_msg(!r.det[j].false_pos, "%s: false %s at %.2f s", sc->id,
                      bench_type_name(bench_type_row(r.det[j].kind, r.det[j].type)), r.det[j].t_s);
    }
    ck_assert_uint_gt(r.expected, 0);
    bench_result_free(&r);
    bench_scenario_free(&sc);
}
END_TEST

Suite *bench_accuracy_suite(void)
{
    Suite *s = suite_create("bench_accuracy");
    TCase *tc = tcase_create("accuracy");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, scoring_rules);
    tcase_add_test(tc, calm_control_counts_false_alerts);
    tcase_add_test(tc, delay_quantiles);
    tcase_add_loop_test(tc, shipped_scenarios_fire, 0,
                        (int)(sizeof k_regress / sizeof k_regress[0]));
    suite_add_tcase(s, tc);
    return s;
}
