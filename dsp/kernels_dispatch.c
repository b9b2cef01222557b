/* dsp/kernels_dispatch.c - the const kernel tables and their selection from CPU
 * flags. No mutable globals: objects call dsp_kernels_select() once at _create
 * and keep the pointer. */
#include "dsp/kernels.h"

#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <string.h>

#include "common/attr.h"
#include "common/cpu.h"

#ifdef DSP_CHECK_SIMD
/* -Ddsp_check_simd=true (Opus's check-asm idea): every SIMD kernel also runs its
 * scalar twin and aborts (RP_CHECK) when they disagree beyond the tolerance of
 * dsp/kernels.h. Element-wise kernels check up to CHECK_MAX elements (stack
 * scratch, no allocation). Non-finite results must be non-finite in both. */
#define CHECK_MAX 1024u

static bool agree(double got, double want, double scale)
{
    if (!isfinite(got) || !isfinite(want)) {
        /* Float lanes may overflow where the double reference does not. */
        return !isfinite(got) == !isfinite(want) || !(scale < (double)FLT_MAX);
    }
    return fabs(got - want) <= DSP_KERNEL_REL_TOL * scale + 1e-30;
}

static double abs_sum(const float *x, const float *y, size_t n, int mode)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) {
        double t = mode == 0   ? (double)x[i] * (double)x[i]
                   : mode == 1 ? (double)x[i] * (double)y[i]
                   : mode == 2 ? (double)x[i]
                               : (double)i * (double)x[i];
        acc += fabs(t);
    }
    return acc;
}

#define DEFINE_CHECKED(isa)                                                                        \
    static void checked_mul_##isa(float *out, const float *x, const float *w, size_t n)            \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        size_t m = n < CHECK_MAX ? n : CHECK_MAX;                                                  \
        dsp_mul_f32_scalar(ref, x, w, m);                                                          \
        dsp_mul_f32_##isa(out, x, w, n);                                                           \
        for (size_t i = 0; i < m; i++) {                                                           \
            RP_CHECK(agree(out[i], ref[i], fabs((double)ref[i])));                                 \
        }                                                                                          \
    }                                                                                              \
    static float checked_energy_##isa(const float *x, size_t n)                                    \
    {                                                                                              \
        float got = dsp_energy_f32_##isa(x, n);                                                    \
        RP_CHECK(agree(got, dsp_energy_f32_scalar(x, n), abs_sum(x, x, n, 0)));                    \
        return got;                                                                                \
    }                                                                                              \
    static float checked_dot_##isa(const float *x, const float *y, size_t n)                       \
    {                                                                                              \
        float got = dsp_dot_f32_##isa(x, y, n);                                                    \
        RP_CHECK(agree(got, dsp_dot_f32_scalar(x, y, n), abs_sum(x, y, n, 1)));                    \
        return got;                                                                                \
    }                                                                                              \
    static float checked_sum_##isa(const float *x, size_t n)                                       \
    {                                                                                              \
        float got = dsp_sum_f32_##isa(x, n);                                                       \
        RP_CHECK(agree(got, dsp_sum_f32_scalar(x, n), abs_sum(x, x, n, 2)));                       \
        return got;                                                                                \
    }                                                                                              \
    static float checked_ramp_dot_##isa(const float *x, size_t n)                                  \
    {                                                                                              \
        float got = dsp_ramp_dot_f32_##isa(x, n);                                                  \
        RP_CHECK(agree(got, dsp_ramp_dot_f32_scalar(x, n), abs_sum(x, x, n, 3)));                  \
        return got;                                                                                \
    }                                                                                              \
    static float checked_maxabs_##isa(const float *x, size_t n)                                    \
    {                                                                                              \
        float got = dsp_maxabs_f32_##isa(x, n);                                                    \
        /* Exact on finite input; with NaN, max_ps and the scalar compare differ. */               \
        RP_CHECK(!isfinite(abs_sum(x, x, n, 2)) || agree(got, dsp_maxabs_f32_scalar(x, n), 0.0));  \
        return got;                                                                                \
    }                                                                                              \
    static void checked_axpy_##isa(float *y, const float *x, float a, size_t n)                    \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        size_t m = n < CHECK_MAX ? n : CHECK_MAX;                                                  \
        memcpy(ref, y, m * sizeof(float));                                                         \
        dsp_axpy_f32_scalar(ref, x, a, m);                                                         \
        float before[CHECK_MAX];                                                                   \
        memcpy(before, y, m * sizeof(float));                                                      \
        dsp_axpy_f32_##isa(y, x, a, n);                                                            \
        for (size_t i = 0; i < m; i++) {                                                           \
            RP_CHECK(                                                                              \
                agree(y[i], ref[i], fabs((double)before[i]) + fabs((double)a * (double)x[i])));    \
        }                                                                                          \
    }                                                                                              \
    static void checked_fir_##isa(float *y, const float *x, const float *h, size_t taps, size_t n) \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        size_t m = n < CHECK_MAX ? n : CHECK_MAX;                                                  \
        dsp_fir_f32_scalar(ref, x, h, taps, m);                                                    \
        dsp_fir_f32_##isa(y, x, h, taps, n);                                                       \
        for (size_t i = 0; i < m; i++) {                                                           \
            RP_CHECK(agree(y[i], ref[i], abs_sum(h, x + i, taps, 1)));                             \
        }                                                                                          \
    }                                                                                              \
    static void checked_power_##isa(float *out, const float *cpx, size_t n)                        \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        size_t m = n < CHECK_MAX ? n : CHECK_MAX;                                                  \
        dsp_power_cpx_scalar(ref, cpx, m);                                                         \
        dsp_power_cpx_##isa(out, cpx, n);                                                          \
        for (size_t i = 0; i < m; i++) {                                                           \
            RP_CHECK(agree(out[i], ref[i], fabs((double)ref[i])));                                 \
        }                                                                                          \
    }                                                                                              \
    static void checked_split_##isa(float *p, const float *z, const float *wr, const float *wi,    \
                                    size_t m)                                                      \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        dsp_split_power_##isa(p, z, wr, wi, m);                                                    \
        if (m < CHECK_MAX) {                                                                       \
            dsp_split_power_scalar(ref, z, wr, wi, m);                                             \
            RP_CHECK(memcmp(ref, p, (m + 1) * sizeof(float)) == 0); /* exact, no FMA */            \
        }                                                                                          \
    }                                                                                              \
    static void checked_split_cpx_##isa(float *x, const float *z, const float *wr,                 \
                                        const float *wi, size_t m)                                 \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        dsp_split_cpx_##isa(x, z, wr, wi, m);                                                      \
        if (2 * m + 2 <= CHECK_MAX) {                                                              \
            dsp_split_cpx_scalar(ref, z, wr, wi, m);                                               \
            RP_CHECK(memcmp(ref, x, (2 * m + 2) * sizeof(float)) == 0); /* exact, no FMA */        \
        }                                                                                          \
    }                                                                                              \
    static void checked_sqrt_##isa(float *out, const float *x, size_t n)                           \
    {                                                                                              \
        float ref[CHECK_MAX];                                                                      \
        size_t m = n < CHECK_MAX ? n : CHECK_MAX;                                                  \
        dsp_sqrt_f32_scalar(ref, x, m);                                                            \
        dsp_sqrt_f32_##isa(out, x, n);                                                             \
        for (size_t i = 0; i < m; i++) {                                                           \
            RP_CHECK(agree(out[i], ref[i], fabs((double)ref[i])) || isnan(ref[i]));                \
        }                                                                                          \
    }

#define CHECKED_TABLE(isa)                                                                         \
    {                                                                                              \
#isa, checked_mul_##isa, checked_energy_##isa, checked_dot_##isa, checked_sum_##isa,       \
            checked_ramp_dot_##isa, checked_maxabs_##isa, checked_axpy_##isa, checked_fir_##isa,   \
            checked_power_##isa, checked_sqrt_##isa, checked_split_##isa, checked_split_cpx_##isa  \
    }
#endif /* DSP_CHECK_SIMD */

static const dsp_kernels table_scalar = {
    "scalar",
    dsp_mul_f32_scalar,
    dsp_energy_f32_scalar,
    dsp_dot_f32_scalar,
    dsp_sum_f32_scalar,
    dsp_ramp_dot_f32_scalar,
    dsp_maxabs_f32_scalar,
    dsp_axpy_f32_scalar,
    dsp_fir_f32_scalar,
    dsp_power_cpx_scalar,
    dsp_sqrt_f32_scalar,
    dsp_split_power_scalar,
    dsp_split_cpx_scalar,
};

#if defined(DSP_HAVE_SSE2) && defined(DSP_CHECK_SIMD)
DEFINE_CHECKED(sse2)
static const dsp_kernels table_sse2 = CHECKED_TABLE(sse2);
#elif defined(DSP_HAVE_SSE2)
static const dsp_kernels table_sse2 = {
    "sse2",
    dsp_mul_f32_sse2,
    dsp_energy_f32_sse2,
    dsp_dot_f32_sse2,
    dsp_sum_f32_sse2,
    dsp_ramp_dot_f32_sse2,
    dsp_maxabs_f32_sse2,
    dsp_axpy_f32_sse2,
    dsp_fir_f32_sse2,
    dsp_power_cpx_sse2,
    dsp_sqrt_f32_sse2,
    dsp_split_power_sse2,
    dsp_split_cpx_sse2,
};
#endif

#if defined(DSP_HAVE_AVX2) && defined(DSP_CHECK_SIMD)
DEFINE_CHECKED(avx2)
static const dsp_kernels table_avx2 = CHECKED_TABLE(avx2);
#elif defined(DSP_HAVE_AVX2)
static const dsp_kernels table_avx2 = {
    "avx2",
    dsp_mul_f32_avx2,
    dsp_energy_f32_avx2,
    dsp_dot_f32_avx2,
    dsp_sum_f32_avx2,
    dsp_ramp_dot_f32_avx2,
    dsp_maxabs_f32_avx2,
    dsp_axpy_f32_avx2,
    dsp_fir_f32_avx2,
    dsp_power_cpx_avx2,
    dsp_sqrt_f32_avx2,
    dsp_split_power_avx2,
    dsp_split_cpx_avx2,
};
#endif

const dsp_kernels *dsp_kernels_scalar(void)
{
    return &table_scalar;
}

size_t dsp_kernels_available(uint32_t cpu_flags, const dsp_kernels **out, size_t max_out)
{
    size_t n = 0;
    (void)cpu_flags;
#ifdef DSP_HAVE_AVX2
    if ((cpu_flags & RP_CPU_AVX2) && (cpu_flags & RP_CPU_FMA) && n < max_out) {
        out[n++] = &table_avx2;
    }
#endif
#ifdef DSP_HAVE_SSE2
    if ((cpu_flags & RP_CPU_SSE2) && n < max_out) {
        out[n++] = &table_sse2;
    }
#endif
    if (n < max_out) {
        out[n++] = &table_scalar;
    }
    return n;
}

const dsp_kernels *dsp_kernels_select(uint32_t cpu_flags)
{
    const dsp_kernels *best[1] = {&table_scalar};
    (void)dsp_kernels_available(cpu_flags, best, 1);
    return best[0];
}
