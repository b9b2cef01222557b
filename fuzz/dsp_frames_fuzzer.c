/* fuzz/dsp_frames_fuzzer.c - arbitrary bytes into dsp/: never a crash, always
 * finite features.
 *
 * Byte 0 picks the sample rate (bit 0), one of the kernel tables this CPU allows
 * (bits 1-2, so every SIMD path meets fuzzed data) and the Viterbi lookahead
 * (bits 3-7). The rest is reinterpreted as float samples (NaN, Inf, denormals and
 * huge values included), fed hop by hop, then flushed; the same bytes also go
 * through the G.711 decoders, the VAD and syllable detector, and every kernel of
 * the chosen table beside the scalar reference.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common/cpu.h"
#include "dsp/convert.h"
#include "dsp/features.h"
#include "dsp/kernels.h"
#include "dsp/rate.h"
#include "dsp/stats.h"
#include "dsp/vad.h"

#define MAX_BYTES (1u << 20)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_frame(const dsp_frame *f)
{
    if (!isfinite(f->energy_db) || !isfinite(f->f0_hz) || !isfinite(f->voicing) ||
        !isfinite(f->centroid_hz) || !isfinite(f->flux) || !isfinite(f->tilt_db) ||
        !isfinite(f->band_db) || !isfinite(f->speaking_rate_sps) ||
        !isfinite(f->articulation_rate_sps) || f->f0_hz < 0.0f || (f->voiced && f->f0_hz <= 0.0f)) {
        abort();
    }
}

static void run_kernels(const dsp_kernels *k, const float *x, size_t n)
{
    const dsp_kernels *ref = dsp_kernels_scalar();
    float *o = malloc((n + 1u) * sizeof(float));
    if (o == NULL) {
        return;
    }
    volatile float sink = k->energy_f32(x, n) + k->dot_f32(x, x, n) + k->sum_f32(x, n) +
                          k->ramp_dot_f32(x, n) + ref->energy_f32(x, n);
    (void)sink;
    /* maxabs is exact on finite input in every variant. */
    bool finite = true;
    for (size_t i = 0; i < n; i++) {
        finite = finite && isfinite(x[i]);
    }
    if (finite && k->maxabs_f32(x, n) != ref->maxabs_f32(x, n)) {
        abort();
    }
    k->mul_f32(o, x, x, n);
    k->power_cpx(o, x, n / 2u);
    k->sqrt_f32(o, x, n);
    memset(o, 0, n * sizeof(float));
    k->axpy_f32(o, x, 0.5f, n);
    free(o);
    /* The split kernels do the scalar kernel's operations in every variant: equal bit
     * for bit on finite input (x as m complex values and as the twiddles). */
    size_t m = n / 2u;
    float *a = malloc((2u * m + 2u) * sizeof(float));
    float *b = malloc((2u * m + 2u) * sizeof(float));
    if (finite && m >= 1 && a != NULL && b != NULL) {
        k->split_cpx(a, x, x, x + m / 2u, m);
        ref->split_cpx(b, x, x, x + m / 2u, m);
        if (memcmp(a, b, (2u * m + 2u) * sizeof(float)) != 0) {
            abort();
        }
        k->split_power(a, x, x, x + m / 2u, m);
        ref->split_power(b, x, x, x + m / 2u, m);
        if (memcmp(a, b, (m + 1u) * sizeof(float)) != 0) {
            abort();
        }
    }
    free(a);
    free(b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > MAX_BYTES) {
        return 0;
    }
    uint8_t ctl = data[0];
    size_t n = (size - 1u) / sizeof(float);
    float *x = malloc((n + 1u) * sizeof(float));
    if (x == NULL) {
        return 0;
    }
    memcpy(x, data + 1, n * sizeof(float)); /* no alignment assumption */

    const dsp_kernels *tables[4];
    size_t n_tables = dsp_kernels_available(rp_cpu_flags(), tables, 4);
    const dsp_kernels *k = tables[((ctl >> 1) & 3u) % n_tables];
    run_kernels(k, x, n);

    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = (ctl & 1u) ? 16000u : 8000u;
    cfg.lookahead_hops = 1u + ((uint32_t)ctl >> 3) % DSP_MAX_LOOKAHEAD_HOPS;
    uint32_t cpu = 0;
    if (strcmp(k->name, "avx2") == 0) {
        cpu = rp_cpu_flags();
    } else if (strcmp(k->name, "sse2") == 0) {
        cpu = RP_CPU_SSE2;
    }
    dsp_features *f = NULL;
    if (dsp_features_create_with_flags(&cfg, cpu, &f) != 0) {
        free(x);
        abort();
    }
    uint32_t hop = dsp_features_hop_samples(&cfg);
    float *buf = calloc(hop, sizeof(float));
    dsp_stats st;
    dsp_stats_init(&st);
    dsp_frame fr;
    uint64_t fed = 0, got = 0;
    for (size_t i = 0; buf != NULL && i < n; i += hop) {
        size_t take = n - i < hop ? n - i : hop;
        memset(buf, 0, hop * sizeof(float));
        memcpy(buf, x + i, take * sizeof(float));
        int rc = dsp_features_process(f, buf, &fr);
        fed++;
        if (rc < 0) {
            abort();
        }
        if (rc == 1) {
            check_frame(&fr);
            dsp_stats_update(&st, &fr);
            got++;
        }
    }
    while (dsp_features_flush(f, &fr) == 1) {
        check_frame(&fr);
        dsp_stats_update(&st, &fr);
        got++;
    }
    if (got != fed) {
        abort();
    }
    dsp_stats_summary sum;
    dsp_stats_get(&st, &sum);
    dsp_features_destroy(&f);
    free(buf);

    /* The same values as levels, straight into the VAD and the nucleus picker. */
    dsp_vad vad;
    dsp_vad_init(&vad, NULL);
    dsp_rate rate;
    dsp_rate_init(&rate, NULL);
    for (size_t i = 0; i < n && i < 4096u; i++) {
        bool speech = dsp_vad_update(&vad, x[i], i % 3u == 0);
        (void)dsp_rate_update(&rate, x[i], i % 2u == 0, speech);
    }
    if (!isfinite(dsp_rate_speaking_sps(&rate)) || !isfinite(dsp_rate_articulation_sps(&rate))) {
        abort();
    }

    /* G.711 and PCM16 decoding of the raw bytes. */
    float *y = malloc((size + 1u) * sizeof(float));
    if (y != NULL) {
        dsp_mulaw_to_f32(y, data, size);
        dsp_alaw_to_f32(y, data, size);
        int16_t *pcm = malloc((size / 2u + 1u) * sizeof(int16_t));
        if (pcm != NULL) {
            memcpy(pcm, data, (size / 2u) * sizeof(int16_t));
            dsp_pcm16_to_f32(y, pcm, size / 2u);
            free(pcm);
        }
        (void)dsp_f32_sanitise(y, x, n < size ? n : size, 1.0f);
        free(y);
    }
    free(x);
    return 0;
}
