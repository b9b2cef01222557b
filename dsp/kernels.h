/* dsp/kernels.h - the SIMD kernel tables of dsp/, with a scalar reference.
 *
 * Every kernel has a scalar twin in kernels_scalar.c that defines what it means;
 * SSE2 and AVX2+FMA variants must agree with it within the tolerance stated below.
 * dsp_kernels_select() returns a const table chosen from CPU flags (pass
 * rp_cpu_flags(), which honours RP_CPU_MASK=0 to force scalar). All kernels are
 * pure, real-time safe and thread-safe; pointers may be unaligned; n may be 0.
 *
 * Tolerance of float reductions (energy, dot, sum): |simd - scalar| <=
 * DSP_KERNEL_REL_TOL * sum(|term_i|) + 1e-30, where term_i is the i-th product or
 * element; element-wise kernels (mul, power_cpx, sqrt) agree within
 * DSP_KERNEL_REL_TOL * |scalar| + 1e-30 (each is one or two rounded operations).
 */
#ifndef DSP_KERNELS_H
#define DSP_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#define DSP_KERNEL_REL_TOL 2e-5

typedef struct dsp_kernels {
    const char *name; /* "scalar", "sse2" or "avx2" */
    /* out[i] = x[i] * w[i] (windowing). out may equal x. */
    void (*mul_f32)(float *out, const float *x, const float *w, size_t n);
    /* sum of x[i]^2 (frame energy). */
    float (*energy_f32)(const float *x, size_t n);
    /* sum of x[i] * y[i] (FIR taps, spectral moments, flux). */
    float (*dot_f32)(const float *x, const float *y, size_t n);
    /* sum of x[i] (DC, band sums). */
    float (*sum_f32)(const float *x, size_t n);
    /* sum of i * x[i] for i = 0..n-1 (first spectral moment, for the centroid). */
    float (*ramp_dot_f32)(const float *x, size_t n);
    /* max of |x[i]|; 0 for n == 0 (local peak). Exact in every variant. */
    float (*maxabs_f32)(const float *x, size_t n);
    /* y[i] += a * x[i] (FIR filtering as a sum of scaled shifted inputs). May use FMA:
     * agrees within DSP_KERNEL_REL_TOL * (|y[i]| + |a * x[i]|). */
    void (*axpy_f32)(float *y, const float *x, float a, size_t n);
    /* y[i] = sum_{k < taps} h[k] * x[i + k] for i < n; x holds n + taps - 1 values
     * (one phase of a decimating FIR). Each y[i] is a reduction over its taps terms:
     * agrees within DSP_KERNEL_REL_TOL * sum_k |h[k] x[i + k]| + 1e-30. y must not
     * overlap x or h. */
    void (*fir_f32)(float *y, const float *x, const float *h, size_t taps, size_t n);
    /* out[k] = re[k]^2 + im[k]^2 for n interleaved complex values (power spectrum). */
    void (*power_cpx)(float *out, const float *cpx, size_t n);
    /* out[i] = sqrt(x[i]) for x[i] >= 0 (magnitude spectrum). */
    void (*sqrt_f32)(float *out, const float *x, size_t n);
    /* The power spectrum p[0..m] (m + 1 values) of a real frame of 2m samples from
     * z, the m-point complex FFT of the frame read as pairs (m interleaved complex
     * values; m >= 1), and the split twiddles wr, wi at k - 1 for k = 1..m/2
     * (exp(-i pi (k / m + 1/2))): the step that turns a half-size complex FFT into a
     * real one (dsp/features.c), with |X_k|^2 fused in. Every variant does the
     * scalar one's operations without FMA, so all agree exactly. p must not overlap
     * the inputs. */
    void (*split_power)(float *p, const float *z, const float *wr, const float *wi, size_t m);
    /* The same split keeping the complex transform: x[0..m] (2m + 2 floats,
     * interleaved) is the real FFT of the 2m samples, as kiss_fftr gives it. */
    void (*split_cpx)(float *x, const float *z, const float *wr, const float *wi, size_t m);
} dsp_kernels;

/* The reference table; always available. */
const dsp_kernels *dsp_kernels_scalar(void);

/* The best table allowed by cpu_flags (RP_CPU_* bits from common/cpu.h). */
const dsp_kernels *dsp_kernels_select(uint32_t cpu_flags);

/* Every table the build and cpu_flags allow, best first; returns how many were
 * written to out (at most max_out). Used by tests and benchmarks. */
size_t dsp_kernels_available(uint32_t cpu_flags, const dsp_kernels **out, size_t max_out);

/* Declarations of each variant (kernels_<isa>.c). */
void dsp_mul_f32_scalar(float *out, const float *x, const float *w, size_t n);
float dsp_energy_f32_scalar(const float *x, size_t n);
float dsp_dot_f32_scalar(const float *x, const float *y, size_t n);
float dsp_sum_f32_scalar(const float *x, size_t n);
float dsp_ramp_dot_f32_scalar(const float *x, size_t n);
float dsp_maxabs_f32_scalar(const float *x, size_t n);
void dsp_axpy_f32_scalar(float *y, const float *x, float a, size_t n);
void dsp_fir_f32_scalar(float *y, const float *x, const float *h, size_t taps, size_t n);
void dsp_power_cpx_scalar(float *out, const float *cpx, size_t n);
void dsp_sqrt_f32_scalar(float *out, const float *x, size_t n);
void dsp_split_power_scalar(float *p, const float *z, const float *wr, const float *wi, size_t m);
/* The ends (bins 0 and m), then the pairs k..m/2 of the scalar kernels: the SIMD
 * variants' ends and tails, so the pair at m/2 (written twice) comes out as in
 * the scalar one. */
void dsp_split_power_ends(float *p, const float *z, size_t m);
void dsp_split_power_pairs(float *p, const float *z, const float *wr, const float *wi, size_t m,
                           size_t k);
void dsp_split_cpx_scalar(float *x, const float *z, const float *wr, const float *wi, size_t m);
void dsp_split_cpx_ends(float *x, const float *z, size_t m);
void dsp_split_cpx_pairs(float *x, const float *z, const float *wr, const float *wi, size_t m,
                         size_t k);

#if defined(__x86_64__) || defined(__i386__)
#define DSP_HAVE_SSE2 1
void dsp_mul_f32_sse2(float *out, const float *x, const float *w, size_t n);
float dsp_energy_f32_sse2(const float *x, size_t n);
float dsp_dot_f32_sse2(const float *x, const float *y, size_t n);
float dsp_sum_f32_sse2(const float *x, size_t n);
float dsp_ramp_dot_f32_sse2(const float *x, size_t n);
float dsp_maxabs_f32_sse2(const float *x, size_t n);
void dsp_axpy_f32_sse2(float *y, const float *x, float a, size_t n);
void dsp_fir_f32_sse2(float *y, const float *x, const float *h, size_t taps, size_t n);
void dsp_power_cpx_sse2(float *out, const float *cpx, size_t n);
void dsp_sqrt_f32_sse2(float *out, const float *x, size_t n);
void dsp_split_power_sse2(float *p, const float *z, const float *wr, const float *wi, size_t m);
void dsp_split_cpx_sse2(float *x, const float *z, const float *wr, const float *wi, size_t m);
#endif

#ifdef DSP_HAVE_AVX2
void dsp_mul_f32_avx2(float *out, const float *x, const float *w, size_t n);
float dsp_energy_f32_avx2(const float *x, size_t n);
float dsp_dot_f32_avx2(const float *x, const float *y, size_t n);
float dsp_sum_f32_avx2(const float *x, size_t n);
float dsp_ramp_dot_f32_avx2(const float *x, size_t n);
float dsp_maxabs_f32_avx2(const float *x, size_t n);
void dsp_axpy_f32_avx2(float *y, const float *x, float a, size_t n);
void dsp_fir_f32_avx2(float *y, const float *x, const float *h, size_t taps, size_t n);
void dsp_power_cpx_avx2(float *out, const float *cpx, size_t n);
void dsp_sqrt_f32_avx2(float *out, const float *x, size_t n);
void dsp_split_power_avx2(float *p, const float *z, const float *wr, const float *wi, size_t m);
void dsp_split_cpx_avx2(float *x, const float *z, const float *wr, const float *wi, size_t m);
#endif

#endif /* DSP_KERNELS_H */
