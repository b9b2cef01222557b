/* tests/bench/test_capacity.c - the capacity search without timing: step verdicts,
 * the ramp and bisection driven by a fake step runner, the CSV format. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/capacity.h"
#include "common/status.h"
#include "suites.h"

/* A step that kept up comfortably: every figure inside the default limits. */
static bench_step good_step(uint32_t calls)
{
    bench_step s;
    memset(&s, 0, sizeof s);
    s.calls = calls;
    s.duration_s = 10;
    s.workers = 2;
    s.ticks = 500;
    s.frames_sent = 1000;
    s.frames_processed = 1000;
    s.latency_p50_us = 200;
    s.latency_p99_us = 900;
    s.latency_p999_us = 1500;
    s.processing_p99_us = 63;
    s.max_lag_ms = 4;
    s.engine_cpu_s = 3.0;
    s.engine_rss0_kib = 7000;
    s.engine_rss_kib = 17000;
    s.generator_cpu_s = 1.0;
    s.generator_busy = 0.2;
    s.others_cpu_s = 0.5;
    s.cpu_pressure = 0.1;
    s.complete = true;
    return s;
}

START_TEST(judge_kept_up_within_limits)
{
    bench_limits lim = bench_limits_default();
    bench_step s = good_step(100);
    char why[160];
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_KEPT_UP);
    ck_assert_str_eq(why, "");
    ck_assert_str_eq(bench_verdict_name(BENCH_KEPT_UP), "kept up");
}
END_TEST

START_TEST(judge_engine_behind_on_each_criterion)
{
    bench_limits lim = bench_limits_default();
    char why[160];
    bench_step s = good_step(100);
    s.dropped = 1;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_ENGINE_BEHIND);
    ck_assert_ptr_nonnull(strstr(why, "1 frames dropped"));
    s = good_step(100);
    s.refused = 2;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_ENGINE_BEHIND);
    s = good_step(100);
    s.latency_p99_us = 100001;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_ENGINE_BEHIND);
    ck_assert_ptr_nonnull(strstr(why, "p99 100.0 ms"));
    s.latency_p99_us = 100000; /* at the limit is still kept up */
    ck_assert_int_eq(bench_step_judge(&s, &lim, NULL, 0), BENCH_KEPT_UP);
    s = good_step(100);
    s.max_lag_ms = 150;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_ENGINE_BEHIND);
    ck_assert_ptr_nonnull(strstr(why, "backlog"));
    s = good_step(100);
    s.frames_processed = 999;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_ENGINE_BEHIND);
    ck_assert_str_eq(why, "999 of 1000 frames processed");
    lim.max_p99_ms = 0.5; /* the limit is the caller's */
    s = good_step(100);
    ck_assert_int_eq(bench_step_judge(&s, &lim, NULL, 0), BENCH_ENGINE_BEHIND);
}
END_TEST

START_TEST(judge_generator_behind_before_latency)
{
    bench_limits lim = bench_limits_default();
    char why[160];
    bench_step s = good_step(100);
    s.late_ticks = 5; /* 1 % of 500: allowed */
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_KEPT_UP);
    s.late_ticks = 6;
    s.latency_p99_us = 500000; /* a late sender makes the engine look late too */
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_GENERATOR_BEHIND);
    ck_assert_ptr_nonnull(strstr(why, "generator"));
    s = good_step(100);
    s.generator_busy = 0.96;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_GENERATOR_BEHIND);
    /* drops are the engine's whatever the generator did */
    s.dropped = 3;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_ENGINE_BEHIND);
    s = good_step(100);
    s.complete = false;
    ck_assert_int_eq(bench_step_judge(&s, &lim, why, sizeof why), BENCH_STEP_FAILED);
}
END_TEST

START_TEST(derived_figures)
{
    bench_step s = good_step(100);
    ck_assert_double_eq_tol(bench_step_engine_cores(&s), 0.3, 1e-12);
    /* 100 calls x 10 s = 16.67 call-minutes; 3 CPU s over them */
    ck_assert_double_eq_tol(bench_step_cpu_per_call_min(&s), 0.18, 1e-12);
    ck_assert_double_eq_tol(bench_step_kib_per_call(&s), 100.0, 1e-12);
    memset(&s, 0, sizeof s);
    ck_assert_double_eq(bench_step_engine_cores(&s), 0.0);
    ck_assert_double_eq(bench_step_cpu_per_call_min(&s), 0.0);
    ck_assert_double_eq(bench_step_kib_per_call(&s), 0.0);
}
END_TEST

/* The fake engine: keeps up to `limit` calls; from `gen_from` on (0 = never) the
 * generator falls behind; at `fail_at` the step does not run. */
typedef struct fake {
    uint32_t limit, gen_from, fail_at;
    uint32_t seen[64];
    uint32_t n;
} fake;

static bench_verdict fake_step(fake *f, uint32_t calls)
{
    ck_assert_uint_lt(f->n, 64);
    f->seen[f->n++] = calls;
    if (calls == f->fail_at) {
        return BENCH_STEP_FAILED;
    }
    if (f->gen_from > 0 && calls >= f->gen_from) {
        return BENCH_GENERATOR_BEHIND;
    }
    return calls <= f->limit ? BENCH_KEPT_UP : BENCH_ENGINE_BEHIND;
}

static bench_ramp run_ramp(const bench_ramp_config *cfg, fake *f)
{
    char why[RP_ERR_LEN];
    ck_assert_int_eq(bench_ramp_config_check(cfg, why), RP_OK);
    bench_ramp r;
    bench_ramp_init(&r, cfg);
    uint32_t calls = 0;
    while (bench_ramp_next(&r, &calls)) {
        bench_ramp_record(&r, fake_step(f, calls));
    }
    ck_assert_uint_eq(r.n_steps, f->n);
    return r;
}

static void assert_seen(const fake *f, const uint32_t *want, uint32_t n)
{
    ck_assert_uint_eq(f->n, n);
    for (uint32_t i = 0; i < n; i++) {
        ck_assert_msg(f->seen[i] == want[i], "step %u ran %u calls, expected %u", i + 1, f->seen[i],
                      want[i]);
    }
}

START_TEST(ramp_doubles_then_bisects_to_five_percent)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    fake f = {.limit = 740};
    bench_ramp r = run_ramp(&cfg, &f);
    /* 800 fails; bisection in [400, 800] until the gap is <= 5 % of the sustained count */
    static const uint32_t want[] = {50, 100, 200, 400, 800, 600, 700, 750, 725};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_FOUND);
    ck_assert_uint_eq(r.sustained, 725);
    ck_assert_uint_eq(r.failed, 750);
    ck_assert_str_eq(bench_ramp_end_name(r.end), "found");
}
END_TEST

START_TEST(ramp_exact_with_zero_resolution)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    cfg.resolution = 0.0;
    fake f = {.limit = 740};
    bench_ramp r = run_ramp(&cfg, &f);
    ck_assert_int_eq(r.end, BENCH_RAMP_FOUND);
    ck_assert_uint_eq(r.sustained, 740);
    ck_assert_uint_eq(r.failed, 741);
}
END_TEST

START_TEST(ramp_bisects_below_a_failed_start)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    fake f = {.limit = 10};
    bench_ramp r = run_ramp(&cfg, &f);
    static const uint32_t want[] = {50, 25, 12, 6, 9, 10, 11};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_FOUND);
    ck_assert_uint_eq(r.sustained, 10);
}
END_TEST

START_TEST(ramp_none_sustained)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    fake f = {.limit = 0};
    bench_ramp r = run_ramp(&cfg, &f);
    static const uint32_t want[] = {50, 25, 12, 6, 3, 1};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_NONE);
    ck_assert_uint_eq(r.sustained, 0);
}
END_TEST

START_TEST(ramp_stops_at_max)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    cfg.max = 300;
    fake f = {.limit = 100000};
    bench_ramp r = run_ramp(&cfg, &f);
    static const uint32_t want[] = {50, 100, 200, 300};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_AT_MAX);
    ck_assert_uint_eq(r.sustained, 300);
}
END_TEST

START_TEST(ramp_linear_steps)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    cfg.start = 100;
    cfg.step = 100;
    fake f = {.limit = 350};
    bench_ramp r = run_ramp(&cfg, &f);
    static const uint32_t want[] = {100, 200, 300, 400, 350, 375, 362};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_FOUND);
    ck_assert_uint_eq(r.sustained, 350);
    ck_assert_uint_eq(r.failed, 362);
}
END_TEST

START_TEST(ramp_small_factor_still_grows)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    cfg.start = 1;
    cfg.factor = 1.01;
    cfg.max = 4;
    fake f = {.limit = 100};
    bench_ramp r = run_ramp(&cfg, &f);
    static const uint32_t want[] = {1, 2, 3, 4};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_AT_MAX);
}
END_TEST

START_TEST(ramp_stops_when_the_generator_falls_behind)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    fake f = {.limit = 740, .gen_from = 400};
    bench_ramp r = run_ramp(&cfg, &f);
    static const uint32_t want[] = {50, 100, 200, 400};
    assert_seen(&f, want, sizeof want / sizeof want[0]);
    ck_assert_int_eq(r.end, BENCH_RAMP_GENERATOR);
    ck_assert_uint_eq(r.sustained, 200); /* a lower bound */
}
END_TEST

START_TEST(ramp_stops_on_a_failed_step_and_at_the_step_cap)
{
    bench_ramp_config cfg = bench_ramp_config_default();
    fake f = {.limit = 740, .fail_at = 200};
    bench_ramp r = run_ramp(&cfg, &f);
    ck_assert_int_eq(r.end, BENCH_RAMP_ERROR);
    ck_assert_uint_eq(r.sustained, 100);
    bench_ramp_config capped = bench_ramp_config_default();
    capped.max_steps = 3;
    fake g = {.limit = 740};
    r = run_ramp(&capped, &g);
    ck_assert_int_eq(r.end, BENCH_RAMP_STEPS);
    ck_assert_uint_eq(g.n, 3);
    /* recording after the end changes nothing */
    bench_ramp_record(&r, BENCH_KEPT_UP);
    ck_assert_uint_eq(r.n_steps, 3);
    uint32_t calls = 0;
    ck_assert(!bench_ramp_next(&r, &calls));
}
END_TEST

START_TEST(ramp_config_rejects_nonsense)
{
    char why[RP_ERR_LEN];
    bench_ramp_config c = bench_ramp_config_default();
    c.start = 0;
    ck_assert_int_eq(bench_ramp_config_check(&c, why), RP_EINVAL);
    c = bench_ramp_config_default();
    c.max = 10;
    ck_assert_int_eq(bench_ramp_config_check(&c, why), RP_EINVAL);
    ck_assert_str_eq(why, "--max must be at least --start");
    c = bench_ramp_config_default();
    c.factor = 1.0;
    ck_assert_int_eq(bench_ramp_config_check(&c, why), RP_EINVAL);
    c.step = 5; /* the factor does not matter in a linear ramp */
    ck_assert_int_eq(bench_ramp_config_check(&c, why), RP_OK);
    c = bench_ramp_config_default();
    c.resolution = 1.0;
    ck_assert_int_eq(bench_ramp_config_check(&c, why), RP_EINVAL);
    c = bench_ramp_config_default();
    c.max_steps = 0;
    ck_assert_int_eq(bench_ramp_config_check(&c, why), RP_EINVAL);
}
END_TEST

START_TEST(csv_header_and_row)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    bench_step s = good_step(100);
    ck_assert_int_eq(bench_capacity_csv_header(f), RP_OK);
    ck_assert_int_eq(bench_capacity_csv_row(f, 1, &s, BENCH_KEPT_UP), RP_OK);
    s.dropped = 7;
    s.busiest_thread_cores = 0.95;
    snprintf(s.busiest_thread, sizeof s.busiest_thread, "loop");
    ck_assert_int_eq(bench_capacity_csv_row(f, 2, &s, BENCH_ENGINE_BEHIND), RP_OK);
    ck_assert_int_eq(fclose(f), 0);
    const char *want =
        "step,calls,duration_s,workers,kept_up,verdict,frames_sent,frames_processed,dropped,"
        "refused,late_ticks,latency_p50_us,latency_p99_us,latency_p999_us,processing_p99_us,"
        "max_lag_ms,engine_cpu_s,engine_cores,cpu_s_per_call_min,engine_rss_kib,kib_per_call,"
        "generator_cpu_s,generator_busy,cues,escalations,busiest_thread,busiest_thread_cores,"
        "others_cpu_s,cpu_pressure\n"
        "1,100,10,2,1,kept_up,1000,1000,0,0,0,200,900,1500,63,4.0,3.000,0.300,0.18000,17000,"
        "100.0,1.000,0.200,0,0,-,0.000,0.500,0.100\n"
        "2,100,10,2,0,engine_behind,1000,1000,7,0,0,200,900,1500,63,4.0,3.000,0.300,0.18000,"
        "17000,100.0,1.000,0.200,0,0,loop,0.950,0.500,0.100\n";
    ck_assert_str_eq(text, want);
    /* as many fields in every row as in the header */
    int fields[3] = {1, 1, 1}, line = 0;
    for (const char *p = text; *p && line < 3; p++) {
        if (*p == ',') {
            fields[line]++;
        } else if (*p == '\n') {
            line++;
        }
    }
    ck_assert_int_eq(fields[0], 29);
    ck_assert_int_eq(fields[1], fields[0]);
    ck_assert_int_eq(fields[2], fields[0]);
    free(text);
}
END_TEST

Suite *bench_capacity_suite(void)
{
    Suite *s = suite_create("capacity");
    TCase *t = tcase_create("verdict");
    tcase_add_test(t, judge_kept_up_within_limits);
    tcase_add_test(t, judge_engine_behind_on_each_criterion);
    tcase_add_test(t, judge_generator_behind_before_latency);
    tcase_add_test(t, derived_figures);
    suite_add_tcase(s, t);
    t = tcase_create("ramp");
    tcase_add_test(t, ramp_doubles_then_bisects_to_five_percent);
    tcase_add_test(t, ramp_exact_with_zero_resolution);
    tcase_add_test(t, ramp_bisects_below_a_failed_start);
    tcase_add_test(t, ramp_none_sustained);
    tcase_add_test(t, ramp_stops_at_max);
    tcase_add_test(t, ramp_linear_steps);
    tcase_add_test(t, ramp_small_factor_still_grows);
    tcase_add_test(t, ramp_stops_when_the_generator_falls_behind);
    tcase_add_test(t, ramp_stops_on_a_failed_step_and_at_the_step_cap);
    tcase_add_test(t, ramp_config_rejects_nonsense);
    suite_add_tcase(s, t);
    t = tcase_create("csv");
    tcase_add_test(t, csv_header_and_row);
    suite_add_tcase(s, t);
    return s;
}
