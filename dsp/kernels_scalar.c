/* dsp/kernels_scalar.c - the reference kernels: plain C, the definition of each
 * kernel. Built with -ffp-contract=off so it stays a stable oracle. Reductions
 * accumulate in double so the reference is closer to the exact value than any
 * float-lane SIMD variant. */
#include "dsp/kernels.h"

#include <math.h>

void dsp_mul_f32_scalar(float *out, const float *x, const float *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = x[i] * w[i];
    }
}

float dsp_energy_f32_scalar(const float *x, size_t n)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) {
        acc += (double)x[i] * (double)x[i];
    }
    return (float)acc;
}

float dsp_dot_f32_scalar(const float *x, const float *y, size_t n)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) {
        acc += (double)x[i] * (double)y[i];
    }
    return (float)acc;
}

float dsp_sum_f32_scalar(const float *x, size_t n)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) {
        acc += (double)x[i];
    }
    return (float)acc;
}

float dsp_maxabs_f32_scalar(const float *x, size_t n)
{
    float m = 0.0f;
    for (size_t i = 0; i < n; i++) {
        float a = fabsf(x[i]);
        m = a > m ? a : m;
    }
    return m;
}

void dsp_power_cpx_scalar(float *out, const float *cpx, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        float re = cpx[2 * k];
        float im = cpx[2 * k + 1];
        out[k] = re * re + im * im;
    }
}

void dsp_sqrt_f32_scalar(float *out, const float *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        out[i] = sqrtf(x[i]);
    }
}

float dsp_ramp_dot_f32_scalar(const float *x, size_t n)
{
    double acc = 0.0;
    for (size_t i = 0; i < n; i++) {
        acc += (double)i * (double)x[i];
    }
    return (float)acc;
}

void dsp_axpy_f32_scalar(float *y, const float *x, float a, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        y[i] += a * x[i];
    }
}

void dsp_fir_f32_scalar(float *y, const float *x, const float *h, size_t taps, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        double acc = 0.0;
        for (size_t k = 0; k < taps; k++) {
            acc += (double)h[k] * (double)x[i + k];
        }
        y[i] = (float)acc;
    }
}

void dsp_split_power_ends(float *p, const float *z, size_t m)
{
    float z0 = z[0] + z[1], zm = z[0] - z[1];
    p[0] = z0 * z0;
    p[m] = zm * zm;
}

void dsp_split_cpx_ends(float *x, const float *z, size_t m)
{
    float z0 = z[0] + z[1], zm = z[0] - z[1];
    x[0] = z0;
    x[1] = 0.0f;
    x[2u * m] = zm;
    x[2u * m + 1u] = 0.0f;
}

/* One pair: with F1 = z_k + conj(z_{m-k}), F2 = z_k - conj(z_{m-k}) and W_k the
 * twiddle, X_k = (F1 + W_k F2) / 2 = (xr, xi) and X_{m-k} = conj(F1 - W_k F2) / 2
 * = (yr, yi). */
static void split_pair(const float *z, const float *wr, const float *wi, size_t m, size_t k,
                       float out[4])
{
    float ar = z[2u * k], ai = z[2u * k + 1u];
    float br = z[2u * (m - k)], bi = -z[2u * (m - k) + 1u];
    float f1r = ar + br, f1i = ai + bi, f2r = ar - br, f2i = ai - bi;
    float tr = f2r * wr[k - 1u] - f2i * wi[k - 1u];
    float ti = f2r * wi[k - 1u] + f2i * wr[k - 1u];
    out[0] = (f1r + tr) * 0.5f;
    out[1] = (f1i + ti) * 0.5f;
    out[2] = (f1r - tr) * 0.5f;
    out[3] = (ti - f1i) * 0.5f;
}

void dsp_split_power_pairs(float *p, const float *z, const float *wr, const float *wi, size_t m,
                           size_t k)
{
    for (; k <= m / 2u; k++) {
        float o[4];
        split_pair(z, wr, wi, m, k, o);
        p[k] = o[0] * o[0] + o[1] * o[1];
        p[m - k] = o[2] * o[2] + o[3] * o[3];
    }
}

void dsp_split_cpx_pairs(float *x, const float *z, const float *wr, const float *wi, size_t m,
                         size_t k)
{
    for (; k <= m / 2u; k++) {
        float o[4];
        split_pair(z, wr, wi, m, k, o);
        x[2u * k] = o[0];
        x[2u * k + 1u] = o[1];
        x[2u * (m - k)] = o[2];
        x[2u * (m - k) + 1u] = o[3];
    }
}

void dsp_split_power_scalar(float *p, const float *z, const float *wr, const float *wi, size_t m)
{
    dsp_split_power_ends(p, z, m);
    dsp_split_power_pairs(p, z, wr, wi, m, 1);
}

void dsp_split_cpx_scalar(float *x, const float *z, const float *wr, const float *wi, size_t m)
{
    dsp_split_cpx_ends(x, z, m);
    dsp_split_cpx_pairs(x, z, wr, wi, m, 1);
}
