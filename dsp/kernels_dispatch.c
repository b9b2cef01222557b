/* dsp/kernels_dispatch.c - the const kernel tables and their selection from CPU
 * flags. No mutable globals: objects call dsp_kernels_select() once at _create
 * and keep the pointer. */
#include "dsp/kernels.h"

#include "common/cpu.h"

static const dsp_kernels table_scalar = {
    "scalar",
    dsp_mul_f32_scalar,
    dsp_energy_f32_scalar,
    dsp_dot_f32_scalar,
    dsp_sum_f32_scalar,
    dsp_ramp_dot_f32_scalar,
    dsp_maxabs_f32_scalar,
    dsp_axpy_f32_scalar,
    dsp_power_cpx_scalar,
    dsp_sqrt_f32_scalar,
};

#ifdef DSP_HAVE_SSE2
static const dsp_kernels table_sse2 = {
    "sse2",
    dsp_mul_f32_sse2,
    dsp_energy_f32_sse2,
    dsp_dot_f32_sse2,
    dsp_sum_f32_sse2,
    dsp_ramp_dot_f32_sse2,
    dsp_maxabs_f32_sse2,
    dsp_axpy_f32_sse2,
    dsp_power_cpx_sse2,
    dsp_sqrt_f32_sse2,
};
#endif

#ifdef DSP_HAVE_AVX2
static const dsp_kernels table_avx2 = {
    "avx2",
    dsp_mul_f32_avx2,
    dsp_energy_f32_avx2,
    dsp_dot_f32_avx2,
    dsp_sum_f32_avx2,
    dsp_ramp_dot_f32_avx2,
    dsp_maxabs_f32_avx2,
    dsp_axpy_f32_avx2,
    dsp_power_cpx_avx2,
    dsp_sqrt_f32_avx2,
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
