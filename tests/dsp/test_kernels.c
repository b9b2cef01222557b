/* tests/dsp/test_kernels.c - every SIMD kernel table against the scalar reference
 * over every length 0..1027 on input misaligned by one element. The data come
 * from RP_TEST_SEED (printed), so a failure replays. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <kiss_fftr.h>

#include "common/cpu.h"
#include "dsp/kernels.h"
#include "suites.h"
#include "testutil.h"

#define MAX_LEN 1027u

static double reduction_tol(double abs_sum)
{
    return DSP_KERNEL_REL_TOL * abs_sum + 1e-30;
}

static void fill(float *x, size_t n, uint64_t *state, int nonneg)
{
    for (size_t i = 0; i < n; i++) {
        float v = rp_test_randf(state);
        x[i] = nonneg ? fabsf(v) : v;
    }
}

/* One assertion per call, not per element: Check's passing asserts are not free. */
static void check_elementwise(const char *isa, const char *kernel, const float *o, const float *r,
                              size_t n, uint64_t seed)
{
    for (size_t i = 0; i < n; i++) {
        if (!(fabsf(o[i] - r[i]) <= (float)DSP_KERNEL_REL_TOL * fabsf(r[i]) + 1e-30f)) {
            ck_abort_msg("%s %s n=%zu i=%zu: %g vs scalar %g, RP_TEST_SEED=0x%llx", isa, kernel, n,
                         i, (double)o[i], (double)r[i], (unsigned long long)seed);
        }
    }
}

static void check_reduction(const char *isa, const char *kernel, float got, float want,
                            double abs_sum, size_t n, uint64_t seed)
{
    if (!(fabs((double)got - (double)want) <= reduction_tol(abs_sum))) {
        ck_abort_msg("%s %s n=%zu: %.9g vs scalar %.9g, RP_TEST_SEED=0x%llx", isa, kernel, n,
                     (double)got, (double)want, (unsigned long long)seed);
    }
}

static void check_table(const dsp_kernels *k, uint64_t seed)
{
    const dsp_kernels *ref = dsp_kernels_scalar();
    /* +1: every pointer handed to a kernel is misaligned by one float. */
    float *xa = malloc((2u * MAX_LEN + 1u) * sizeof(float));
    float *ya = malloc((2u * MAX_LEN + 1u) * sizeof(float));
    float *oa = malloc((2u * MAX_LEN + 1u) * sizeof(float));
    float *ra = malloc((2u * MAX_LEN + 1u) * sizeof(float));
    ck_assert_ptr_nonnull(xa);
    ck_assert_ptr_nonnull(ya);
    ck_assert_ptr_nonnull(oa);
    ck_assert_ptr_nonnull(ra);
    float *x = xa + 1, *y = ya + 1, *o = oa + 1, *r = ra + 1;
    uint64_t state = seed;
    for (size_t n = 0; n <= MAX_LEN; n++) {
        fill(x, 2u * n, &state, 0);
        fill(y, n, &state, 0);
        double abs_xx = 0.0, abs_xy = 0.0, abs_x = 0.0, abs_ix = 0.0;
        for (size_t i = 0; i < n; i++) {
            abs_xx += (double)x[i] * (double)x[i];
            abs_xy += fabs((double)x[i] * (double)y[i]);
            abs_x += fabs((double)x[i]);
            abs_ix += (double)i * fabs((double)x[i]);
        }
        check_reduction(k->name, "energy_f32", k->energy_f32(x, n), ref->energy_f32(x, n), abs_xx,
                        n, seed);
        check_reduction(k->name, "dot_f32", k->dot_f32(x, y, n), ref->dot_f32(x, y, n), abs_xy, n,
                        seed);
        check_reduction(k->name, "sum_f32", k->sum_f32(x, n), ref->sum_f32(x, n), abs_x, n, seed);
        check_reduction(k->name, "ramp_dot_f32", k->ramp_dot_f32(x, n), ref->ramp_dot_f32(x, n),
                        abs_ix, n, seed);
        check_reduction(k->name, "maxabs_f32", k->maxabs_f32(x, n), ref->maxabs_f32(x, n), 0.0, n,
                        seed); /* tolerance 1e-30: exact */

        k->mul_f32(o, x, y, n);
        ref->mul_f32(r, x, y, n);
        check_elementwise(k->name, "mul_f32", o, r, n, seed);
        k->power_cpx(o, x, n);
        ref->power_cpx(r, x, n);
        check_elementwise(k->name, "power_cpx", o, r, n, seed);
        /* axpy: o = r = y, then += a x; tolerance on |y| + |a x| (FMA may be used). */
        float a = rp_test_randf(&state);
        for (size_t i = 0; i < n; i++) {
            o[i] = r[i] = y[i];
        }
        k->axpy_f32(o, x, a, n);
        ref->axpy_f32(r, x, a, n);
        for (size_t i = 0; i < n; i++) {
            float scale = fabsf(y[i]) + fabsf(a * x[i]);
            if (!(fabsf(o[i] - r[i]) <= (float)DSP_KERNEL_REL_TOL * scale + 1e-30f)) {
                ck_abort_msg("%s axpy_f32 n=%zu i=%zu: %g vs scalar %g, RP_TEST_SEED=0x%llx",
                             k->name, n, i, (double)o[i], (double)r[i], (unsigned long long)seed);
            }
        }
        /* fir: taps 1..33 over x[0 .. n + taps - 2] (x holds 2 n values; short n
         * take fewer taps). */
        size_t taps = 1u + (n * 7u) % 33u;
        taps = taps > n + 1u ? n + 1u : taps;
        float h[33];
        fill(h, taps, &state, 0);
        k->fir_f32(o, x, h, taps, n);
        ref->fir_f32(r, x, h, taps, n);
        for (size_t i = 0; i < n; i++) {
            double abs_hx = 0.0;
            for (size_t j = 0; j < taps; j++) {
                abs_hx += fabs((double)h[j] * (double)x[i + j]);
            }
            if (!(fabs((double)o[i] - (double)r[i]) <= reduction_tol(abs_hx))) {
                ck_abort_msg("%s fir_f32 n=%zu taps=%zu i=%zu: %g vs scalar %g, "
                             "RP_TEST_SEED=0x%llx",
                             k->name, n, taps, i, (double)o[i], (double)r[i],
                             (unsigned long long)seed);
            }
        }
        /* split_power: x as n complex values, y as n / 2 twiddles (re, im halves);
         * every variant does the scalar one's operations: equal bit for bit. */
        if (n >= 1) {
            k->split_power(o, x, y, y + n / 2u, n);
            ref->split_power(r, x, y, y + n / 2u, n);
            for (size_t i = 0; i <= n; i++) {
                if (o[i] != r[i]) {
                    ck_abort_msg("%s split_power m=%zu i=%zu: %.9g vs scalar %.9g, "
                                 "RP_TEST_SEED=0x%llx",
                                 k->name, n, i, (double)o[i], (double)r[i],
                                 (unsigned long long)seed);
                }
            }
        }
        /* split_cpx: the same, 2 n + 2 outputs (o and r hold 2 MAX_LEN + 1 floats) */
        if (n >= 1 && 2u * n + 2u <= 2u * MAX_LEN) {
            k->split_cpx(o, x, y, y + n / 2u, n);
            ref->split_cpx(r, x, y, y + n / 2u, n);
            for (size_t i = 0; i < 2u * n + 2u; i++) {
                if (o[i] != r[i]) {
                    ck_abort_msg("%s split_cpx m=%zu i=%zu: %.9g vs scalar %.9g, "
                                 "RP_TEST_SEED=0x%llx",
                                 k->name, n, i, (double)o[i], (double)r[i],
                                 (unsigned long long)seed);
                }
            }
        }
        fill(y, n, &state, 1);
        k->sqrt_f32(o, y, n);
        ref->sqrt_f32(r, y, n);
        check_elementwise(k->name, "sqrt_f32", o, r, n, seed);
    }
    free(xa);
    free(ya);
    free(oa);
    free(ra);
}

START_TEST(every_supported_table_matches_scalar_for_lengths_0_to_1027)
{
    uint64_t seed = rp_test_seed();
    const dsp_kernels *tables[4];
    size_t n = dsp_kernels_available(rp_cpu_detect(), tables, 4);
    ck_assert_uint_ge(n, 1);
    for (size_t i = 0; i < n; i++) {
        printf("kernels: comparing %s with scalar, RP_TEST_SEED=0x%llx\n", tables[i]->name,
               (unsigned long long)seed);
        check_table(tables[i], seed);
    }
}
END_TEST

START_TEST(scalar_reference_computes_known_values)
{
    const dsp_kernels *k = dsp_kernels_scalar();
    const float x[5] = {1.0f, -2.0f, 3.0f, -4.0f, 0.5f};
    const float y[5] = {2.0f, 2.0f, 2.0f, 2.0f, 2.0f};
    ck_assert_float_eq_tol(k->energy_f32(x, 5), 30.25f, 1e-6f);
    ck_assert_float_eq_tol(k->dot_f32(x, y, 5), -3.0f, 1e-6f);
    ck_assert_float_eq_tol(k->sum_f32(x, 5), -1.5f, 1e-6f);
    ck_assert_float_eq_tol(k->ramp_dot_f32(x, 5), -2.0f + 6.0f - 12.0f + 2.0f, 1e-6f);
    ck_assert_float_eq(k->maxabs_f32(x, 5), 4.0f);
    ck_assert_float_eq(k->maxabs_f32(x, 0), 0.0f);
    float acc[2] = {1.0f, 1.0f};
    k->axpy_f32(acc, x, 2.0f, 2);
    ck_assert_float_eq(acc[0], 3.0f);
    ck_assert_float_eq(acc[1], -3.0f);
    float fy[3];
    const float h[3] = {1.0f, 0.5f, 0.25f};
    k->fir_f32(fy, x, h, 3, 3); /* x[i] + x[i+1] / 2 + x[i+2] / 4 */
    ck_assert_float_eq(fy[0], 1.0f - 1.0f + 0.75f);
    ck_assert_float_eq(fy[1], -2.0f + 1.5f - 1.0f);
    ck_assert_float_eq(fy[2], 3.0f - 2.0f + 0.125f);
    float p[2];
    k->power_cpx(p, x, 2); /* (1,-2) (3,-4) */
    ck_assert_float_eq(p[0], 5.0f);
    ck_assert_float_eq(p[1], 25.0f);
}
END_TEST

/* The split step turns a half-size complex FFT into a real one: kiss_fft over 240
 * pairs through split_power (split_cpx) gives the power (the transform) of
 * kiss_fftr over 480 reals, which dsp_features used before. */
START_TEST(split_power_of_a_half_size_fft_is_the_real_fft_power)
{
    enum { N = 480, M = N / 2 };
    static float x[N], p[M + 1], wr[M / 2], wi[M / 2];
    static kiss_fft_cpx z[M], X[M + 1];
    uint64_t state = rp_test_seed();
    fill(x, N, &state, 0);
    for (size_t j = 0; j < M / 2; j++) {
        double phase = -3.14159265358979323846 * ((double)(j + 1) / M + 0.5);
        wr[j] = (float)cos(phase);
        wi[j] = (float)sin(phase);
    }
    kiss_fft_cfg c = kiss_fft_alloc(M, 0, NULL, NULL);
    kiss_fftr_cfg rc = kiss_fftr_alloc(N, 0, NULL, NULL);
    ck_assert_ptr_nonnull(c);
    ck_assert_ptr_nonnull(rc);
    kiss_fft(c, (const kiss_fft_cpx *)(const void *)x, z);
    kiss_fftr(rc, x, X);
    static float xc[2 * M + 2];
    const dsp_kernels *table[4];
    size_t n_tables = dsp_kernels_available(rp_cpu_flags(), table, 4);
    for (size_t t = 0; t < n_tables; t++) {
        table[t]->split_power(p, (const float *)z, wr, wi, M);
        double peak = 0.0;
        for (size_t k = 0; k <= M; k++) {
            peak = fmax(peak, (double)X[k].r * X[k].r + (double)X[k].i * X[k].i);
        }
        for (size_t k = 0; k <= M; k++) {
            double want = (double)X[k].r * X[k].r + (double)X[k].i * X[k].i;
            ck_assert_msg(fabs((double)p[k] - want) <= 1e-6 * peak, "%s bin %zu: %g vs %g",
                          table[t]->name, k, (double)p[k], want);
        }
        table[t]->split_cpx(xc, (const float *)z, wr, wi, M);
        for (size_t k = 0; k <= M; k++) {
            ck_assert_msg(fabs((double)xc[2 * k] - X[k].r) <= 1e-6 * sqrt(peak) &&
                              fabs((double)xc[2 * k + 1] - X[k].i) <= 1e-6 * sqrt(peak),
                          "%s split_cpx bin %zu: %g%+gi vs %g%+gi", table[t]->name, k,
                          (double)xc[2 * k], (double)xc[2 * k + 1], (double)X[k].r, (double)X[k].i);
        }
    }
    kiss_fft_free(c);
    kiss_fftr_free(rc);
}
END_TEST

START_TEST(select_honours_cpu_flags)
{
    ck_assert_str_eq(dsp_kernels_select(0)->name, "scalar");
    const dsp_kernels *best = dsp_kernels_select(rp_cpu_detect());
    ck_assert_ptr_nonnull(best);
    if ((rp_cpu_detect() & RP_CPU_AVX2) && (rp_cpu_detect() & RP_CPU_FMA)) {
#ifdef DSP_HAVE_AVX2
        ck_assert_str_eq(best->name, "avx2");
#endif
    }
    /* AVX2 without FMA must not pick the AVX2+FMA table. */
    ck_assert_str_ne(dsp_kernels_select(RP_CPU_AVX2 | RP_CPU_SSE2)->name, "avx2");
}
END_TEST

Suite *kernels_suite(void)
{
    Suite *s = suite_create("kernels");
    TCase *tc = tcase_create("simd-vs-scalar");
    tcase_add_test(tc, every_supported_table_matches_scalar_for_lengths_0_to_1027);
    tcase_add_test(tc, scalar_reference_computes_known_values);
    tcase_add_test(tc, select_honours_cpu_flags);
    tcase_add_test(tc, split_power_of_a_half_size_fft_is_the_real_fft_power);
    suite_add_tcase(s, tc);
    return s;
}
