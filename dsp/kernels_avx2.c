/* dsp/kernels_avx2.c - AVX2+FMA kernels. Built alone with -mavx2 -mfma
 * -DDSP_HAVE_AVX2; called only through a table chosen when the CPU has both.
 * Eight float lanes, unaligned loads; each tail is the scalar reference formula. */
#include "dsp/kernels.h"

#include <immintrin.h>
#include <math.h>

static float hsum256(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

void dsp_mul_f32_avx2(float *out, const float *x, const float *w, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_ps(out + i, _mm256_mul_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(w + i)));
    }
    for (; i < n; i++) {
        out[i] = x[i] * w[i];
    }
}

float dsp_energy_f32_avx2(const float *x, size_t n)
{
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 v0 = _mm256_loadu_ps(x + i), v1 = _mm256_loadu_ps(x + i + 8);
        a0 = _mm256_fmadd_ps(v0, v0, a0);
        a1 = _mm256_fmadd_ps(v1, v1, a1);
    }
    if (i + 8 <= n) {
        __m256 v0 = _mm256_loadu_ps(x + i);
        a0 = _mm256_fmadd_ps(v0, v0, a0);
        i += 8;
    }
    float acc = hsum256(_mm256_add_ps(a0, a1));
    for (; i < n; i++) {
        acc += x[i] * x[i];
    }
    return acc;
}

float dsp_dot_f32_avx2(const float *x, const float *y, size_t n)
{
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), a0);
        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i + 8), _mm256_loadu_ps(y + i + 8), a1);
    }
    if (i + 8 <= n) {
        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i), a0);
        i += 8;
    }
    float acc = hsum256(_mm256_add_ps(a0, a1));
    for (; i < n; i++) {
        acc += x[i] * y[i];
    }
    return acc;
}

float dsp_sum_f32_avx2(const float *x, size_t n)
{
    __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        a0 = _mm256_add_ps(a0, _mm256_loadu_ps(x + i));
        a1 = _mm256_add_ps(a1, _mm256_loadu_ps(x + i + 8));
    }
    if (i + 8 <= n) {
        a0 = _mm256_add_ps(a0, _mm256_loadu_ps(x + i));
        i += 8;
    }
    float acc = hsum256(_mm256_add_ps(a0, a1));
    for (; i < n; i++) {
        acc += x[i];
    }
    return acc;
}

float dsp_maxabs_f32_avx2(const float *x, size_t n)
{
    const __m256 absmask = _mm256_castsi256_ps(_mm256_set1_epi32(0x7fffffff));
    __m256 m = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        m = _mm256_max_ps(m, _mm256_and_ps(_mm256_loadu_ps(x + i), absmask));
    }
    __m128 s = _mm_max_ps(_mm256_castps256_ps128(m), _mm256_extractf128_ps(m, 1));
    s = _mm_max_ps(s, _mm_movehl_ps(s, s));
    s = _mm_max_ss(s, _mm_shuffle_ps(s, s, 1));
    float r = _mm_cvtss_f32(s);
    for (; i < n; i++) {
        float a = fabsf(x[i]);
        r = a > r ? a : r;
    }
    return r;
}

void dsp_power_cpx_avx2(float *out, const float *cpx, size_t n)
{
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        __m256 a = _mm256_loadu_ps(cpx + 2 * k);     /* r0 i0 r1 i1 | r2 i2 r3 i3 */
        __m256 b = _mm256_loadu_ps(cpx + 2 * k + 8); /* r4 i4 r5 i5 | r6 i6 r7 i7 */
        a = _mm256_mul_ps(a, a);
        b = _mm256_mul_ps(b, b);
        /* per 128-bit lane: hadd gives (a0+a1, a2+a3, b0+b1, b2+b3) */
        __m256 h = _mm256_hadd_ps(a, b); /* p0 p1 p4 p5 | p2 p3 p6 p7 */
        h = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(h), _MM_SHUFFLE(3, 1, 2, 0)));
        _mm256_storeu_ps(out + k, h);
    }
    for (; k < n; k++) {
        float re = cpx[2 * k];
        float im = cpx[2 * k + 1];
        out[k] = re * re + im * im;
    }
}

void dsp_sqrt_f32_avx2(float *out, const float *x, size_t n)
{
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_ps(out + i, _mm256_sqrt_ps(_mm256_loadu_ps(x + i)));
    }
    for (; i < n; i++) {
        out[i] = sqrtf(x[i]);
    }
}

float dsp_ramp_dot_f32_avx2(const float *x, size_t n)
{
    __m256 idx = _mm256_setr_ps(0.0f, 1.0f, 2.0f, 3.0f, 4.0f, 5.0f, 6.0f, 7.0f);
    const __m256 step = _mm256_set1_ps(8.0f);
    __m256 a = _mm256_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        a = _mm256_fmadd_ps(idx, _mm256_loadu_ps(x + i), a);
        idx = _mm256_add_ps(idx, step);
    }
    float acc = hsum256(a);
    for (; i < n; i++) {
        acc += (float)i * x[i];
    }
    return acc;
}

void dsp_axpy_f32_avx2(float *y, const float *x, float a, size_t n)
{
    const __m256 va = _mm256_set1_ps(a);
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        _mm256_storeu_ps(y + i,
                         _mm256_fmadd_ps(va, _mm256_loadu_ps(x + i), _mm256_loadu_ps(y + i)));
    }
    for (; i < n; i++) {
        y[i] += a * x[i];
    }
}

/* Sixteen outputs per step in two accumulators (eight while fewer remain): each tap
 * adds h[k] times consecutive inputs with one FMA per eight outputs. */
void dsp_fir_f32_avx2(float *y, const float *x, const float *h, size_t taps, size_t n)
{
    size_t i = 0;
    for (; i + 16 <= n; i += 16) {
        __m256 a0 = _mm256_setzero_ps(), a1 = _mm256_setzero_ps();
        for (size_t k = 0; k < taps; k++) {
            __m256 hk = _mm256_set1_ps(h[k]);
            a0 = _mm256_fmadd_ps(hk, _mm256_loadu_ps(x + i + k), a0);
            a1 = _mm256_fmadd_ps(hk, _mm256_loadu_ps(x + i + k + 8), a1);
        }
        _mm256_storeu_ps(y + i, a0);
        _mm256_storeu_ps(y + i + 8, a1);
    }
    for (; i + 8 <= n; i += 8) {
        __m256 a0 = _mm256_setzero_ps();
        for (size_t k = 0; k < taps; k++) {
            a0 = _mm256_fmadd_ps(_mm256_set1_ps(h[k]), _mm256_loadu_ps(x + i + k), a0);
        }
        _mm256_storeu_ps(y + i, a0);
    }
    for (; i < n; i++) {
        float acc = 0.0f;
        for (size_t k = 0; k < taps; k++) {
            acc += h[k] * x[i + k];
        }
        y[i] = acc;
    }
}

/* Re and im of eight interleaved complex values at c. */
static void deinterleave_avx2(const float *c, __m256 *re, __m256 *im)
{
    __m256 a = _mm256_loadu_ps(c), b = _mm256_loadu_ps(c + 8);
    /* per 128-bit lane: (a0 a2 b0 b2 | a4 a6 b4 b6), then the 64-bit quarters in order */
    __m256 r = _mm256_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0));
    __m256 i = _mm256_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1));
    *re = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(r), _MM_SHUFFLE(3, 1, 2, 0)));
    *im = _mm256_castpd_ps(_mm256_permute4x64_pd(_mm256_castps_pd(i), _MM_SHUFFLE(3, 1, 2, 0)));
}

static __m256 reverse_avx2(__m256 x)
{
    return _mm256_permutevar8x32_ps(x, _mm256_setr_epi32(7, 6, 5, 4, 3, 2, 1, 0));
}

/* Eight pairs; see split_core_sse2. Multiplies and adds are separate (no FMA), as
 * in the scalar kernel. */
static void split_core_avx2(const float *z, const float *wr, const float *wi, size_t m, size_t k,
                            __m256 *xr, __m256 *xi, __m256 *yr, __m256 *yi)
{
    const __m256 half = _mm256_set1_ps(0.5f);
    size_t j = m - k - 7u; /* z[j..j+7] pair with k+7..k */
    __m256 ar, ai, br, bi;
    deinterleave_avx2(z + 2u * k, &ar, &ai);
    deinterleave_avx2(z + 2u * j, &br, &bi);
    br = reverse_avx2(br);
    bi = _mm256_xor_ps(reverse_avx2(bi), _mm256_set1_ps(-0.0f));
    __m256 f1r = _mm256_add_ps(ar, br), f1i = _mm256_add_ps(ai, bi);
    __m256 f2r = _mm256_sub_ps(ar, br), f2i = _mm256_sub_ps(ai, bi);
    __m256 w_r = _mm256_loadu_ps(wr + k - 1u), w_i = _mm256_loadu_ps(wi + k - 1u);
    __m256 tr = _mm256_sub_ps(_mm256_mul_ps(f2r, w_r), _mm256_mul_ps(f2i, w_i));
    __m256 ti = _mm256_add_ps(_mm256_mul_ps(f2r, w_i), _mm256_mul_ps(f2i, w_r));
    *xr = _mm256_mul_ps(_mm256_add_ps(f1r, tr), half);
    *xi = _mm256_mul_ps(_mm256_add_ps(f1i, ti), half);
    *yr = _mm256_mul_ps(_mm256_sub_ps(f1r, tr), half);
    *yi = _mm256_mul_ps(_mm256_sub_ps(ti, f1i), half);
}

/* Eight re and eight im values as sixteen interleaved floats at c. */
static void interleave_avx2(float *c, __m256 re, __m256 im)
{
    __m256 lo = _mm256_unpacklo_ps(re, im); /* r0 i0 r1 i1 | r4 i4 r5 i5 */
    __m256 hi = _mm256_unpackhi_ps(re, im); /* r2 i2 r3 i3 | r6 i6 r7 i7 */
    _mm256_storeu_ps(c, _mm256_permute2f128_ps(lo, hi, 0x20));
    _mm256_storeu_ps(c + 8, _mm256_permute2f128_ps(lo, hi, 0x31));
}

void dsp_split_power_avx2(float *p, const float *z, const float *wr, const float *wi, size_t m)
{
    dsp_split_power_ends(p, z, m);
    size_t k = 1;
    for (; k + 7 <= m / 2u; k += 8) {
        __m256 xr, xi, yr, yi;
        split_core_avx2(z, wr, wi, m, k, &xr, &xi, &yr, &yi);
        _mm256_storeu_ps(p + k, _mm256_add_ps(_mm256_mul_ps(xr, xr), _mm256_mul_ps(xi, xi)));
        _mm256_storeu_ps(p + m - k - 7u,
                         reverse_avx2(_mm256_add_ps(_mm256_mul_ps(yr, yr), _mm256_mul_ps(yi, yi))));
    }
    dsp_split_power_pairs(p, z, wr, wi, m, k);
}

void dsp_split_cpx_avx2(float *x, const float *z, const float *wr, const float *wi, size_t m)
{
    dsp_split_cpx_ends(x, z, m);
    size_t k = 1;
    for (; k + 7 <= m / 2u; k += 8) {
        __m256 xr, xi, yr, yi;
        split_core_avx2(z, wr, wi, m, k, &xr, &xi, &yr, &yi);
        interleave_avx2(x + 2u * k, xr, xi);
        interleave_avx2(x + 2u * (m - k - 7u), reverse_avx2(yr), reverse_avx2(yi));
    }
    dsp_split_cpx_pairs(x, z, wr, wi, m, k);
}
