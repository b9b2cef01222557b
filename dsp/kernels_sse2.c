/* dsp/kernels_sse2.c - SSE2 kernels (x86-64 baseline, no extra flags). Four float
 * lanes, unaligned loads; each tail is the scalar reference formula. */
#include "dsp/kernels.h"

#ifdef DSP_HAVE_SSE2
#include <emmintrin.h>
#include <math.h>

static float hsum(__m128 v)
{
    __m128 s = _mm_add_ps(v, _mm_movehl_ps(v, v));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

void dsp_mul_f32_sse2(float *out, const float *x, const float *w, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        _mm_storeu_ps(out + i, _mm_mul_ps(_mm_loadu_ps(x + i), _mm_loadu_ps(w + i)));
    }
    for (; i < n; i++) {
        out[i] = x[i] * w[i];
    }
}

float dsp_energy_f32_sse2(const float *x, size_t n)
{
    __m128 a0 = _mm_setzero_ps(), a1 = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m128 v0 = _mm_loadu_ps(x + i), v1 = _mm_loadu_ps(x + i + 4);
        a0 = _mm_add_ps(a0, _mm_mul_ps(v0, v0));
        a1 = _mm_add_ps(a1, _mm_mul_ps(v1, v1));
    }
    float acc = hsum(_mm_add_ps(a0, a1));
    for (; i < n; i++) {
        acc += x[i] * x[i];
    }
    return acc;
}

float dsp_dot_f32_sse2(const float *x, const float *y, size_t n)
{
    __m128 a0 = _mm_setzero_ps(), a1 = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        a0 = _mm_add_ps(a0, _mm_mul_ps(_mm_loadu_ps(x + i), _mm_loadu_ps(y + i)));
        a1 = _mm_add_ps(a1, _mm_mul_ps(_mm_loadu_ps(x + i + 4), _mm_loadu_ps(y + i + 4)));
    }
    float acc = hsum(_mm_add_ps(a0, a1));
    for (; i < n; i++) {
        acc += x[i] * y[i];
    }
    return acc;
}

float dsp_sum_f32_sse2(const float *x, size_t n)
{
    __m128 a0 = _mm_setzero_ps(), a1 = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        a0 = _mm_add_ps(a0, _mm_loadu_ps(x + i));
        a1 = _mm_add_ps(a1, _mm_loadu_ps(x + i + 4));
    }
    float acc = hsum(_mm_add_ps(a0, a1));
    for (; i < n; i++) {
        acc += x[i];
    }
    return acc;
}

float dsp_maxabs_f32_sse2(const float *x, size_t n)
{
    const __m128 absmask = _mm_castsi128_ps(_mm_set1_epi32(0x7fffffff));
    __m128 m = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        m = _mm_max_ps(m, _mm_and_ps(_mm_loadu_ps(x + i), absmask));
    }
    m = _mm_max_ps(m, _mm_movehl_ps(m, m));
    m = _mm_max_ss(m, _mm_shuffle_ps(m, m, 1));
    float r = _mm_cvtss_f32(m);
    for (; i < n; i++) {
        float a = fabsf(x[i]);
        r = a > r ? a : r;
    }
    return r;
}

void dsp_power_cpx_sse2(float *out, const float *cpx, size_t n)
{
    size_t k = 0;
    for (; k + 4 <= n; k += 4) {
        __m128 a = _mm_loadu_ps(cpx + 2 * k);     /* r0 i0 r1 i1 */
        __m128 b = _mm_loadu_ps(cpx + 2 * k + 4); /* r2 i2 r3 i3 */
        a = _mm_mul_ps(a, a);
        b = _mm_mul_ps(b, b);
        __m128 re = _mm_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0));
        __m128 im = _mm_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1));
        _mm_storeu_ps(out + k, _mm_add_ps(re, im));
    }
    for (; k < n; k++) {
        float re = cpx[2 * k];
        float im = cpx[2 * k + 1];
        out[k] = re * re + im * im;
    }
}

void dsp_sqrt_f32_sse2(float *out, const float *x, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        _mm_storeu_ps(out + i, _mm_sqrt_ps(_mm_loadu_ps(x + i)));
    }
    for (; i < n; i++) {
        out[i] = sqrtf(x[i]);
    }
}

float dsp_ramp_dot_f32_sse2(const float *x, size_t n)
{
    __m128 idx = _mm_setr_ps(0.0f, 1.0f, 2.0f, 3.0f);
    const __m128 step = _mm_set1_ps(4.0f);
    __m128 a = _mm_setzero_ps();
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        a = _mm_add_ps(a, _mm_mul_ps(idx, _mm_loadu_ps(x + i)));
        idx = _mm_add_ps(idx, step);
    }
    float acc = hsum(a);
    for (; i < n; i++) {
        acc += (float)i * x[i];
    }
    return acc;
}

void dsp_axpy_f32_sse2(float *y, const float *x, float a, size_t n)
{
    const __m128 va = _mm_set1_ps(a);
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        _mm_storeu_ps(y + i, _mm_add_ps(_mm_loadu_ps(y + i), _mm_mul_ps(va, _mm_loadu_ps(x + i))));
    }
    for (; i < n; i++) {
        y[i] += a * x[i];
    }
}

/* Four outputs per step: each tap adds h[k] times four consecutive inputs. */
void dsp_fir_f32_sse2(float *y, const float *x, const float *h, size_t taps, size_t n)
{
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        __m128 acc = _mm_setzero_ps();
        for (size_t k = 0; k < taps; k++) {
            acc = _mm_add_ps(acc, _mm_mul_ps(_mm_set1_ps(h[k]), _mm_loadu_ps(x + i + k)));
        }
        _mm_storeu_ps(y + i, acc);
    }
    for (; i < n; i++) {
        float acc = 0.0f;
        for (size_t k = 0; k < taps; k++) {
            acc += h[k] * x[i + k];
        }
        y[i] = acc;
    }
}
#endif /* DSP_HAVE_SSE2 */

/* Lanes in reverse order. */
static __m128 reverse_sse2(__m128 x)
{
    return _mm_shuffle_ps(x, x, _MM_SHUFFLE(0, 1, 2, 3));
}

/* Four pairs: bins k..k+3 (xr, xi, in order) and m-k-3..m-k (yr, yi, lane i for
 * bin m-k-i), the scalar kernel's operations lane by lane. */
static void split_core_sse2(const float *z, const float *wr, const float *wi, size_t m, size_t k,
                            __m128 *xr, __m128 *xi, __m128 *yr, __m128 *yi)
{
    const __m128 half = _mm_set1_ps(0.5f);
    size_t j = m - k - 3u; /* z[j..j+3] pair with k+3..k */
    __m128 a0 = _mm_loadu_ps(z + 2u * k), a1 = _mm_loadu_ps(z + 2u * k + 4u);
    __m128 b0 = _mm_loadu_ps(z + 2u * j), b1 = _mm_loadu_ps(z + 2u * j + 4u);
    __m128 ar = _mm_shuffle_ps(a0, a1, _MM_SHUFFLE(2, 0, 2, 0));
    __m128 ai = _mm_shuffle_ps(a0, a1, _MM_SHUFFLE(3, 1, 3, 1));
    __m128 br = reverse_sse2(_mm_shuffle_ps(b0, b1, _MM_SHUFFLE(2, 0, 2, 0)));
    __m128 bi = _mm_xor_ps(reverse_sse2(_mm_shuffle_ps(b0, b1, _MM_SHUFFLE(3, 1, 3, 1))),
                           _mm_set1_ps(-0.0f));
    __m128 f1r = _mm_add_ps(ar, br), f1i = _mm_add_ps(ai, bi);
    __m128 f2r = _mm_sub_ps(ar, br), f2i = _mm_sub_ps(ai, bi);
    __m128 w_r = _mm_loadu_ps(wr + k - 1u), w_i = _mm_loadu_ps(wi + k - 1u);
    __m128 tr = _mm_sub_ps(_mm_mul_ps(f2r, w_r), _mm_mul_ps(f2i, w_i));
    __m128 ti = _mm_add_ps(_mm_mul_ps(f2r, w_i), _mm_mul_ps(f2i, w_r));
    *xr = _mm_mul_ps(_mm_add_ps(f1r, tr), half);
    *xi = _mm_mul_ps(_mm_add_ps(f1i, ti), half);
    *yr = _mm_mul_ps(_mm_sub_ps(f1r, tr), half);
    *yi = _mm_mul_ps(_mm_sub_ps(ti, f1i), half);
}

/* Blocks of four pairs up to the one at m/2, whose bin both halves write: the
 * backward store comes second, as the scalar kernel's second write does. The rest
 * as in the scalar kernel. */
void dsp_split_power_sse2(float *p, const float *z, const float *wr, const float *wi, size_t m)
{
    dsp_split_power_ends(p, z, m);
    size_t k = 1;
    for (; k + 3 <= m / 2u; k += 4) {
        __m128 xr, xi, yr, yi;
        split_core_sse2(z, wr, wi, m, k, &xr, &xi, &yr, &yi);
        _mm_storeu_ps(p + k, _mm_add_ps(_mm_mul_ps(xr, xr), _mm_mul_ps(xi, xi)));
        _mm_storeu_ps(p + m - k - 3u,
                      reverse_sse2(_mm_add_ps(_mm_mul_ps(yr, yr), _mm_mul_ps(yi, yi))));
    }
    dsp_split_power_pairs(p, z, wr, wi, m, k);
}

/* Four re and four im values as eight interleaved floats at c. */
static void interleave_sse2(float *c, __m128 re, __m128 im)
{
    _mm_storeu_ps(c, _mm_unpacklo_ps(re, im));
    _mm_storeu_ps(c + 4, _mm_unpackhi_ps(re, im));
}

void dsp_split_cpx_sse2(float *x, const float *z, const float *wr, const float *wi, size_t m)
{
    dsp_split_cpx_ends(x, z, m);
    size_t k = 1;
    for (; k + 3 <= m / 2u; k += 4) {
        __m128 xr, xi, yr, yi;
        split_core_sse2(z, wr, wi, m, k, &xr, &xi, &yr, &yi);
        interleave_sse2(x + 2u * k, xr, xi);
        /* reversed, lane i is bin m-k-3+i */
        interleave_sse2(x + 2u * (m - k - 3u), reverse_sse2(yr), reverse_sse2(yi));
    }
    dsp_split_cpx_pairs(x, z, wr, wi, m, k);
}
