/* tests/dsp/test_stats.c - per-speaker statistics from synthetic frames. */
#include <math.h>
#include <string.h>

#include "dsp/stats.h"
#include "suites.h"

static dsp_frame frame(bool speech, float f0, float energy_db, bool nucleus)
{
    dsp_frame f;
    memset(&f, 0, sizeof f);
    f.speech = speech;
    f.voiced = f0 > 0.0f;
    f.f0_hz = f0;
    f.energy_db = energy_db;
    f.nucleus = nucleus;
    return f;
}

START_TEST(stats_of_a_constant_voice)
{
    dsp_stats st;
    dsp_stats_init(&st);
    for (int i = 0; i < 500; i++) {
        dsp_frame f = frame(i < 400, i < 300 ? 200.0f : 0.0f, -20.0f, i % 25 == 0);
        dsp_stats_update(&st, &f);
    }
    dsp_stats_summary s;
    dsp_stats_get(&st, &s);
    ck_assert_double_eq_tol(s.duration_s, 5.0, 1e-9);
    ck_assert_double_eq_tol(s.speech_s, 4.0, 1e-9);
    ck_assert_uint_eq(s.syllables, 20);
    ck_assert_float_eq_tol(s.speaking_rate_sps, 4.0f, 1e-4f);
    ck_assert_float_eq_tol(s.articulation_rate_sps, 5.0f, 1e-4f);
    ck_assert_float_eq_tol(s.f0_median_hz, 200.0f, 200.0f * 0.006f);
    ck_assert_float_eq_tol(s.f0_sd_semitones, 0.0f, 1e-3f);
    ck_assert_float_eq_tol(s.energy_mean_db, -20.0f, 1e-4f);
    ck_assert_float_eq_tol(s.f0_rel_semitones, 0.0f, 1e-3f);
}
END_TEST

START_TEST(stats_spread_of_two_pitches_an_octave_apart_is_6_semitones)
{
    dsp_stats st;
    dsp_stats_init(&st);
    for (int i = 0; i < 1000; i++) {
        dsp_frame f = frame(true, i % 2 ? 100.0f : 200.0f, -30.0f, false);
        dsp_stats_update(&st, &f);
    }
    dsp_stats_summary s;
    dsp_stats_get(&st, &s);
    ck_assert_float_eq_tol(s.f0_sd_semitones, 6.0f, 0.01f);
    ck_assert(s.f0_median_hz > 99.0f && s.f0_median_hz < 201.0f);
}
END_TEST

START_TEST(stats_recent_pitch_rises_above_the_baseline)
{
    dsp_stats st;
    dsp_stats_init(&st);
    for (int i = 0; i < 3000; i++) {
        dsp_frame f = frame(true, 120.0f, -30.0f, false);
        dsp_stats_update(&st, &f);
    }
    for (int i = 0; i < 600; i++) {
        dsp_frame f = frame(true, 120.0f * 1.189207f, -24.0f, false); /* +3 semitones, +6 dB */
        dsp_stats_update(&st, &f);
    }
    dsp_stats_summary s;
    dsp_stats_get(&st, &s);
    ck_assert_float_gt(s.f0_rel_semitones, 2.0f);
    ck_assert_float_lt(s.f0_rel_semitones, 3.0f);
    ck_assert_float_gt(s.loudness_rel_db, 4.0f);
}
END_TEST

START_TEST(stats_of_nothing_are_zero)
{
    dsp_stats st;
    dsp_stats_init(&st);
    dsp_stats_summary s;
    dsp_stats_get(&st, &s);
    ck_assert_double_eq(s.duration_s, 0.0);
    ck_assert_float_eq(s.f0_median_hz, 0.0f);
    ck_assert_float_eq(s.energy_mean_db, -120.0f);
    ck_assert_float_eq(s.speaking_rate_sps, 0.0f);
}
END_TEST

Suite *stats_suite(void)
{
    Suite *s = suite_create("stats");
    TCase *tc = tcase_create("summary");
    tcase_add_test(tc, stats_of_a_constant_voice);
    tcase_add_test(tc, stats_spread_of_two_pitches_an_octave_apart_is_6_semitones);
    tcase_add_test(tc, stats_recent_pitch_rises_above_the_baseline);
    tcase_add_test(tc, stats_of_nothing_are_zero);
    suite_add_tcase(s, tc);
    return s;
}
