/* tests/dsp/test_rate.c - syllable nuclei and rates: the detector alone on an
 * envelope, and through dsp_features on amplitude-modulated harmonic complexes
 * (syllable-like: one loudness peak per syllable, voiced). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/status.h"
#include "dsp/features.h"
#include "dsp/rate.h"
#include "suites.h"
#include "testutil.h"

#define PI 3.14159265358979323846

START_TEST(rate_counts_peaks_with_enough_dip_and_voicing)
{
    dsp_rate r;
    dsp_rate_init(&r, NULL);
    int found = 0;
    /* 10 peaks of 12 dB over a 25-hop cycle, voiced. */
    for (int i = 0; i < 250; i++) {
        float db = -40.0f + 12.0f * (float)(0.5 - 0.5 * cos(2.0 * PI * i / 25.0));
        found += dsp_rate_update(&r, db, true, true);
    }
    ck_assert_int_eq(found, 10);
    ck_assert_float_eq_tol(dsp_rate_speaking_sps(&r), 4.0f, 0.01f);
    ck_assert_float_eq_tol(dsp_rate_articulation_sps(&r), 4.0f, 0.01f);
    /* The same peaks unvoiced are not nuclei; ripples under 2 dB are not either. */
    dsp_rate_init(&r, NULL);
    found = 0;
    for (int i = 0; i < 250; i++) {
        float db = -40.0f + 12.0f * (float)(0.5 - 0.5 * cos(2.0 * PI * i / 25.0));
        found += dsp_rate_update(&r, db, false, true);
    }
    ck_assert_int_eq(found, 0);
    dsp_rate_init(&r, NULL);
    found = 0;
    for (int i = 0; i < 250; i++) {
        float db = -30.0f + 1.5f * (float)(0.5 - 0.5 * cos(2.0 * PI * i / 25.0));
        found += dsp_rate_update(&r, db, true, true);
    }
    ck_assert_int_le(found, 1);
}
END_TEST

START_TEST(rate_window_slides)
{
    dsp_rate_config c = dsp_rate_config_default();
    c.window_hops = 100;
    dsp_rate r;
    dsp_rate_init(&r, &c);
    for (int i = 0; i < 200; i++) {
        float db = -40.0f + 12.0f * (float)(0.5 - 0.5 * cos(2.0 * PI * i / 25.0));
        (void)dsp_rate_update(&r, db, true, true);
    }
    ck_assert_uint_eq(r.n_window, 100);
    ck_assert_float_eq_tol(dsp_rate_speaking_sps(&r), 4.0f, 1.01f);
    for (int i = 0; i < 100; i++) {
        (void)dsp_rate_update(&r, -120.0f, false, false);
    }
    ck_assert_float_eq(dsp_rate_speaking_sps(&r), 0.0f);
    ck_assert_float_eq(dsp_rate_articulation_sps(&r), 0.0f);
}
END_TEST

/* Syllable-like signal: a 120-220 Hz harmonic complex whose loudness rises and
 * falls once per syllable (raised cosine), syllables at rate_sps, with a 600 ms
 * pause every 6 syllables. */
static float *make_syllables(uint32_t rate, double rate_sps, int n_syl, size_t *n)
{
    double syl = 1.0 / rate_sps, pause = 0.6;
    int groups = (n_syl + 5) / 6;
    double seconds = 0.5 + n_syl * syl + groups * pause;
    *n = (size_t)(seconds * rate);
    float *x = calloc(*n, sizeof(float));
    ck_assert_ptr_nonnull(x);
    double t0 = 0.3;
    for (int s = 0; s < n_syl; s++) {
        if (s > 0 && s % 6 == 0) {
            t0 += pause;
        }
        double f0 = 120.0 + 100.0 * (s % 5) / 4.0;
        size_t a = (size_t)(t0 * rate), b = (size_t)((t0 + syl) * rate);
        for (size_t i = a; i < b && i < *n; i++) {
            double t = (double)(i - a) / rate, env = 0.5 - 0.5 * cos(2.0 * PI * t / syl);
            double v = 0.0;
            for (int k = 1; k <= 12; k++) {
                v += sin(2.0 * PI * k * f0 * t) / k;
            }
            x[i] = (float)(0.2 * env * env * v);
        }
        t0 += syl;
    }
    return x;
}

/* loop: rates 3, 4, 5, 6 syllables/s at 8 and 16 kHz */
START_TEST(features_count_syllables_of_am_signals)
{
    static const double rates[] = {3.0, 4.0, 5.0, 6.0};
    double sps = rates[_i % 4];
    uint32_t rate = _i < 4 ? 8000 : 16000;
    int n_syl = 30;
    size_t n;
    float *x = make_syllables(rate, sps, n_syl, &n);
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = rate;
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
    uint32_t hop = rate / 100u;
    int found = 0;
    float artic = 0.0f;
    dsp_frame fr;
    for (size_t h = 0; h + hop <= n; h += hop) {
        if (dsp_features_process(f, x + h, &fr) == 1) {
            found += fr.nucleus;
            artic = fr.articulation_rate_sps;
        }
    }
    while (dsp_features_flush(f, &fr) == 1) {
        found += fr.nucleus;
    }
    dsp_features_destroy(&f);
    free(x);
    ck_assert_msg(abs(found - n_syl) <= 1, "%.0f syl/s at %u Hz: %d nuclei for %d syllables", sps,
                  rate, found, n_syl);
    ck_assert_float_gt(artic, 0.0f);
}
END_TEST

Suite *rate_suite(void)
{
    Suite *s = suite_create("rate");
    TCase *tc = tcase_create("nuclei");
    tcase_add_test(tc, rate_counts_peaks_with_enough_dip_and_voicing);
    tcase_add_test(tc, rate_window_slides);
    tcase_add_loop_test(tc, features_count_syllables_of_am_signals, 0, 8);
    suite_add_tcase(s, tc);
    return s;
}
