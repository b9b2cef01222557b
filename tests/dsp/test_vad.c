/* tests/dsp/test_vad.c - the VAD alone, and through dsp_features on stationary
 * noise with tone bursts (the adaptive floor must learn the noise). */
#include <math.h>
#include <stdlib.h>

#include "common/status.h"
#include "dsp/features.h"
#include "dsp/vad.h"
#include "suites.h"
#include "testutil.h"

#define PI 3.14159265358979323846

START_TEST(vad_learns_a_stationary_floor_and_hears_speech_above_it)
{
    dsp_vad v;
    dsp_vad_init(&v, NULL);
    /* 3 s of noise at -50 dB: after the floor has settled, nothing is speech. */
    int speech = 0;
    for (int i = 0; i < 300; i++) {
        bool s = dsp_vad_update(&v, -50.0f + (i % 3 == 0 ? 1.0f : 0.0f), false);
        if (i >= 100) {
            speech += s;
        }
    }
    ck_assert_int_eq(speech, 0);
    ck_assert_float_eq_tol(v.floor_db, -50.0f, 0.5f);
    /* 20 dB above the floor is speech at once. */
    ck_assert(dsp_vad_update(&v, -30.0f, false));
    ck_assert_float_eq_tol(v.floor_db, -50.0f, 0.5f);
}
END_TEST

START_TEST(vad_hangover_holds_then_releases)
{
    dsp_vad_config c = dsp_vad_config_default();
    c.hangover_hops = 5;
    dsp_vad v;
    dsp_vad_init(&v, &c);
    for (int i = 0; i < 50; i++) {
        (void)dsp_vad_update(&v, -60.0f, false);
    }
    ck_assert(dsp_vad_update(&v, -20.0f, false));
    for (int i = 0; i < 5; i++) {
        ck_assert(dsp_vad_update(&v, -60.0f, false));
    }
    ck_assert(!dsp_vad_update(&v, -60.0f, false));
}
END_TEST

START_TEST(vad_floor_rises_to_louder_noise_within_3_s)
{
    dsp_vad v;
    dsp_vad_init(&v, NULL);
    for (int i = 0; i < 300; i++) {
        (void)dsp_vad_update(&v, -70.0f, false);
    }
    int late_speech = 0;
    for (int i = 0; i < 600; i++) {
        bool s = dsp_vad_update(&v, -40.0f, false);
        if (i >= 350) {
            late_speech += s;
        }
    }
    ck_assert_int_eq(late_speech, 0);
    ck_assert_float_eq_tol(v.floor_db, -40.0f, 0.01f);
}
END_TEST

START_TEST(vad_ignores_levels_below_the_absolute_minimum_and_non_finite)
{
    dsp_vad v;
    dsp_vad_init(&v, NULL);
    for (int i = 0; i < 100; i++) {
        ck_assert(!dsp_vad_update(&v, i % 2 ? -119.0f : -80.0f, true));
        ck_assert(!dsp_vad_update(&v, NAN, false));
    }
}
END_TEST

/* White noise at about -46 dBFS throughout; harmonic bursts at -20 dBFS for
 * 0.5 s every 1.5 s after the first 4 s. */
START_TEST(features_vad_on_noise_with_bursts)
{
    uint32_t rate = (_i == 0) ? 8000 : 16000;
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = rate;
    size_t n = (size_t)rate * 10u;
    float *x = malloc(n * sizeof(float));
    ck_assert_ptr_nonnull(x);
    uint64_t st = rp_test_seed();
    for (size_t i = 0; i < n; i++) {
        double t = (double)i / rate;
        double v = 0.005 * sqrt(3.0) * rp_test_randf(&st) * 1.0;
        bool burst = t >= 4.0 && fmod(t - 4.0, 1.5) < 0.5;
        if (burst) {
            for (int k = 1; k <= 10; k++) {
                v += 0.06 / k * sin(2.0 * PI * 140.0 * k * t);
            }
        }
        x[i] = (float)v;
    }
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
    uint32_t hop = rate / 100u;
    int in_burst = 0, burst_speech = 0, quiet = 0, quiet_speech = 0;
    dsp_frame fr;
    for (size_t h = 0; h + hop <= n; h += hop) {
        int rc = dsp_features_process(f, x + h, &fr);
        if (rc != 1) {
            continue;
        }
        double t = ((double)fr.index + 0.5) * 0.01;
        if (t < 3.0) {
            continue; /* the floor is learning */
        }
        double phase = fmod(t - 4.0, 1.5);
        if (t >= 4.0 && phase > 0.05 && phase < 0.45) {
            in_burst++;
            burst_speech += fr.speech;
        } else if (t < 4.0 || (phase > 0.8 && phase < 1.45)) {
            quiet++;
            quiet_speech += fr.speech;
        }
    }
    dsp_features_destroy(&f);
    free(x);
    ck_assert_int_gt(in_burst, 100);
    ck_assert_int_eq(burst_speech, in_burst);
    ck_assert_msg(quiet_speech * 20 <= quiet, "%d of %d noise hops called speech", quiet_speech,
                  quiet);
}
END_TEST

Suite *vad_suite(void)
{
    Suite *s = suite_create("vad");
    TCase *tc = tcase_create("floor");
    tcase_add_test(tc, vad_learns_a_stationary_floor_and_hears_speech_above_it);
    tcase_add_test(tc, vad_hangover_holds_then_releases);
    tcase_add_test(tc, vad_floor_rises_to_louder_noise_within_3_s);
    tcase_add_test(tc, vad_ignores_levels_below_the_absolute_minimum_and_non_finite);
    suite_add_tcase(s, tc);
    tc = tcase_create("noise");
    tcase_add_loop_test(tc, features_vad_on_noise_with_bursts, 0, 2);
    suite_add_tcase(s, tc);
    return s;
}
