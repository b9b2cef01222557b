/* tests/dsp/test_resample.c - the libsoxr wrapper: rates, length, frequency,
 * argument checks and allocation failure in create. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "common/alloc.h"
#include "common/status.h"
#include "dsp/resample.h"
#include "suites.h"

#define PI 3.14159265358979323846

/* Converts 1 s of a 1 kHz sine from in_hz to out_hz in 441-sample blocks. */
static void convert_sine(double in_hz, double out_hz)
{
    dsp_resampler *r = NULL;
    ck_assert_int_eq(dsp_resampler_create(in_hz, out_hz, 441, &r), RP_OK);
    size_t n_in = (size_t)in_hz, cap = (size_t)out_hz + 4096u, got = 0;
    float *in = malloc(n_in * sizeof(float));
    float *out = malloc(cap * sizeof(float));
    float *tmp = malloc(dsp_resampler_max_out(r) * sizeof(float));
    for (size_t i = 0; i < n_in; i++) {
        in[i] = (float)(0.5 * sin(2.0 * PI * 1000.0 * (double)i / in_hz));
    }
    for (size_t i = 0; i < n_in; i += 441) {
        size_t n = n_in - i < 441 ? n_in - i : 441, k = 0;
        ck_assert_int_eq(dsp_resampler_process(r, in + i, n, tmp, dsp_resampler_max_out(r), &k),
                         RP_OK);
        ck_assert_uint_le(got + k, cap);
        for (size_t j = 0; j < k; j++) {
            out[got++] = tmp[j];
        }
    }
    for (size_t k = 1; k > 0;) {
        ck_assert_int_eq(dsp_resampler_flush(r, tmp, dsp_resampler_max_out(r), &k), RP_OK);
        for (size_t j = 0; j < k && got < cap; j++) {
            out[got++] = tmp[j];
        }
    }
    ck_assert_uint_ge(got, (size_t)out_hz - 2u);
    ck_assert_uint_le(got, (size_t)out_hz + 2u);
    /* 1 kHz: 2000 sign changes per second, and the amplitude is kept. */
    int crossings = 0;
    float peak = 0.0f;
    for (size_t i = 1000; i + 1000 < got; i++) {
        crossings += (out[i] >= 0.0f) != (out[i - 1] >= 0.0f);
        peak = fabsf(out[i]) > peak ? fabsf(out[i]) : peak;
    }
    double seconds = (double)(got - 2000u) / out_hz;
    ck_assert_double_eq_tol(crossings / seconds, 2000.0, 20.0);
    ck_assert_float_eq_tol(peak, 0.5f, 0.01f);
    dsp_resampler_destroy(&r);
    ck_assert_ptr_null(r);
    free(in);
    free(out);
    free(tmp);
}

START_TEST(resampler_converts_44100_and_48000_to_16000_and_8000)
{
    convert_sine(44100.0, 16000.0);
    convert_sine(48000.0, 8000.0);
    convert_sine(20000.0, 16000.0);
}
END_TEST

START_TEST(resampler_rejects_bad_arguments)
{
    dsp_resampler *r = NULL;
    ck_assert_int_eq(dsp_resampler_create(0.0, 16000.0, 100, &r), RP_EINVAL);
    ck_assert_int_eq(dsp_resampler_create(48000.0, NAN, 100, &r), RP_EINVAL);
    ck_assert_int_eq(dsp_resampler_create(48000.0, 16000.0, 0, &r), RP_EINVAL);
    ck_assert_int_eq(dsp_resampler_create(48000.0, 16000.0, 100, NULL), RP_EINVAL);
    ck_assert_ptr_null(r);
    ck_assert_int_eq(dsp_resampler_create(48000.0, 16000.0, 100, &r), RP_OK);
    float in[200] = {0}, out[200];
    size_t n = 99;
    ck_assert_int_eq(dsp_resampler_process(r, in, 101, out, 200, &n), RP_EINVAL);
    ck_assert_uint_eq(n, 0);
    ck_assert_int_eq(dsp_resampler_process(r, in, 10, out, 1, &n), RP_EINVAL);
    ck_assert_int_eq(dsp_resampler_process(r, NULL, 10, out, 200, &n), RP_EINVAL);
    ck_assert_int_eq(dsp_resampler_process(r, in, 0, out, 200, &n), RP_OK);
    dsp_resampler_destroy(&r);
    dsp_resampler_destroy(&r);
    dsp_resampler_destroy(NULL);
}
END_TEST

START_TEST(resampler_create_cleans_up_when_allocation_fails)
{
    if (!rp_alloc_hooks_enabled()) {
        printf("alloc hooks disabled: skipping allocation-failure test\n");
        return;
    }
    for (uint64_t n = 1;; n++) {
        dsp_resampler *r = NULL;
        rp_alloc_fail_at(n);
        int rc = dsp_resampler_create(44100.0, 16000.0, 441, &r);
        bool fired = rp_alloc_fault_fired();
        rp_alloc_fail_at(0);
        if (!fired) {
            ck_assert_int_eq(rc, RP_OK);
            dsp_resampler_destroy(&r);
            ck_assert_uint_ge(n, 2);
            break;
        }
        ck_assert_int_eq(rc, RP_ENOMEM);
        ck_assert_ptr_null(r);
    }
}
END_TEST

Suite *resample_suite(void)
{
    Suite *s = suite_create("resample");
    TCase *tc = tcase_create("soxr");
    tcase_add_test(tc, resampler_converts_44100_and_48000_to_16000_and_8000);
    tcase_add_test(tc, resampler_rejects_bad_arguments);
    tcase_add_test(tc, resampler_create_cleans_up_when_allocation_fails);
    suite_add_tcase(s, tc);
    return s;
}
