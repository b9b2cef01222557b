/* tests/engine/test_cues.c - cue discipline: minimum duration, hysteresis, hold,
 * cooldown, per-call maximum and budget. */
#include <string.h>

#include "engine/cues.h"
#include "suites.h"

static eng_cue_rule rule(float open, float close, uint32_t min_ms, uint32_t hold_ms,
                         uint32_t cooldown_ms, uint32_t max)
{
    eng_cue_rule r;
    memset(&r, 0, sizeof r);
    r.enabled = true;
    r.open = open;
    r.close = close;
    r.min_ms = min_ms;
    r.hold_ms = hold_ms;
    r.cooldown_ms = cooldown_ms;
    r.max_per_call = max;
    return r;
}

START_TEST(level_cue_waits_for_min_duration_and_closes_with_hysteresis)
{
    eng_cue_rule r = rule(1.25f, 1.10f, 5000, 0, 0, 10);
    eng_cue_state s;
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 1000, true, 1.3f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 5999, true, 1.4f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 6000, true, 1.3f, true), ENG_CUE_OPENED);
    ck_assert_uint_eq(s.start_ms, 1000);
    /* between close and open: stays open */
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 7000, true, 1.15f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 7500, true, 1.6f, true), ENG_CUE_NONE);
    ck_assert_float_eq(s.peak, 1.6f);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 8000, true, 1.05f, true), ENG_CUE_CLOSED);
    /* a dip resets the minimum-duration clock */
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 9000, true, 1.3f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 10000, true, 1.2f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 14500, true, 1.3f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 19500, true, 1.3f, true), ENG_CUE_OPENED);
}
END_TEST

START_TEST(falling_measures_open_below_and_close_above)
{
    eng_cue_rule r = rule(-0.4f, -0.15f, 0, 0, 0, 10);
    eng_cue_state s;
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(eng_cue_level(&s, &r, -1, 0, true, -0.3f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, -1, 10, true, -0.5f, true), ENG_CUE_OPENED);
    ck_assert_int_eq(eng_cue_level(&s, &r, -1, 20, true, -0.2f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, -1, 30, true, -0.1f, true), ENG_CUE_CLOSED);
    /* losing the measure closes an open cue */
    ck_assert_int_eq(eng_cue_level(&s, &r, -1, 40, true, -0.9f, true), ENG_CUE_OPENED);
    ck_assert_int_eq(eng_cue_level(&s, &r, -1, 50, false, 0.0f, true), ENG_CUE_CLOSED);
}
END_TEST

START_TEST(cooldown_and_per_call_maximum_hold_back_reopening)
{
    eng_cue_rule r = rule(1.0f, 0.0f, 0, 0, 30000, 2);
    eng_cue_state s;
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 0, true, 1.0f, true), ENG_CUE_OPENED);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 1000, true, 0.0f, true), ENG_CUE_CLOSED);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 20000, true, 2.0f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 31000, true, 2.0f, true), ENG_CUE_OPENED);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 32000, true, 0.0f, true), ENG_CUE_CLOSED);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 90000, true, 2.0f, true), ENG_CUE_NONE);
    ck_assert_uint_eq(s.n_opened, 2);
}
END_TEST

START_TEST(budget_holds_back_without_forgetting_the_condition)
{
    eng_cue_rule r = rule(1.0f, 0.0f, 2000, 0, 0, 5);
    eng_cue_state s;
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 0, true, 1.0f, false), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 3000, true, 1.0f, false), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 3010, true, 1.0f, true), ENG_CUE_OPENED);
    ck_assert_uint_eq(s.start_ms, 0);
    r.enabled = false;
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 3020, true, 1.0f, true), ENG_CUE_CLOSED);
    ck_assert_int_eq(eng_cue_level(&s, &r, 1, 9000, true, 1.0f, true), ENG_CUE_NONE);
}
END_TEST

START_TEST(event_cue_holds_and_refreshes)
{
    eng_cue_rule r = rule(0.5f, 0.0f, 0, 10000, 5000, 3);
    eng_cue_state s;
    memset(&s, 0, sizeof s);
    ck_assert_int_eq(eng_cue_event(&s, &r, 0, true, 0.4f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_event(&s, &r, 100, true, 0.8f, true), ENG_CUE_OPENED);
    ck_assert_int_eq(eng_cue_event(&s, &r, 8000, true, 0.9f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_event(&s, &r, 17000, false, 0.0f, true), ENG_CUE_NONE);
    ck_assert_int_eq(eng_cue_event(&s, &r, 18000, false, 0.0f, true), ENG_CUE_CLOSED);
    ck_assert_float_eq(s.peak, 0.9f);
    ck_assert_int_eq(eng_cue_event(&s, &r, 20000, true, 0.9f, true), ENG_CUE_NONE); /* cooling */
    ck_assert_int_eq(eng_cue_event(&s, &r, 23000, true, 0.9f, true), ENG_CUE_OPENED);
}
END_TEST

Suite *cues_suite(void)
{
    Suite *s = suite_create("cues");
    TCase *tc = tcase_create("discipline");
    tcase_add_test(tc, level_cue_waits_for_min_duration_and_closes_with_hysteresis);
    tcase_add_test(tc, falling_measures_open_below_and_close_above);
    tcase_add_test(tc, cooldown_and_per_call_maximum_hold_back_reopening);
    tcase_add_test(tc, budget_holds_back_without_forgetting_the_condition);
    tcase_add_test(tc, event_cue_holds_and_refreshes);
    suite_add_tcase(s, tc);
    return s;
}
