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
