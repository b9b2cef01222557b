/* dsp/stats.c - totals, f0 histogram median, semitone spread, baselines. */
#include "dsp/stats.h"

#include <math.h>
#include <string.h>

#define BINS_PER_ST 10.0f
/* Exponential averages per hop: 60 s baseline, 2 s recent. */
#define BASE_ALPHA   (1.0f / 6000.0f)
#define RECENT_ALPHA (1.0f / 200.0f)

void dsp_stats_init(dsp_stats *st)
{
    memset(st, 0, sizeof *st);
}

/* Weight of the nth sample in an exponential average with warm-up: the plain
 * mean of what there is until n reaches 1/alpha, so an early onset or a quiet
 * first syllable does not hold the 60 s baseline down for a minute. */
static float weight(uint64_t n, float alpha)
{
    float w = 1.0f / (float)n;
    return w > alpha ? w : alpha;
}

static float semitones(float hz)
{
    return 12.0f * log2f(hz);
}

void dsp_stats_update(dsp_stats *st, const dsp_frame *frame)
{
    st->n_hops++;
    st->n_syllables += frame->nucleus;
    if (frame->speech) {
        float db = frame->energy_db;
        st->n_speech++;
        st->sum_speech_db += (double)db;
        st->base_db += weight(st->n_speech, BASE_ALPHA) * (db - st->base_db);
        st->recent_db += weight(st->n_speech, RECENT_ALPHA) * (db - st->recent_db);
    }
    if (frame->voiced && frame->f0_hz > 0.0f && isfinite(frame->f0_hz)) {
        float s = semitones(frame->f0_hz);
        st->n_voiced++;
        st->sum_st += (double)s;
        st->sum_st2 += (double)s * (double)s;
        st->base_st += weight(st->n_voiced, BASE_ALPHA) * (s - st->base_st);
        st->recent_st += weight(st->n_voiced, RECENT_ALPHA) * (s - st->recent_st);
        float bin = (s - semitones(DSP_STATS_F0_LO_HZ)) * BINS_PER_ST;
        bin = bin < 0.0f ? 0.0f : bin;
        uint32_t i = bin >= (float)(DSP_STATS_BINS - 1u) ? DSP_STATS_BINS - 1u : (uint32_t)bin;
        st->hist[i]++;
    }
}

void dsp_stats_get(const dsp_stats *st, dsp_stats_summary *out)
{
    memset(out, 0, sizeof *out);
    out->duration_s = (double)st->n_hops * DSP_HOP_S;
    out->speech_s = (double)st->n_speech * DSP_HOP_S;
    out->syllables = st->n_syllables;
    if (out->duration_s > 0.0) {
        out->speaking_rate_sps = (float)((double)st->n_syllables / out->duration_s);
    }
    if (out->speech_s > 0.0) {
        out->articulation_rate_sps = (float)((double)st->n_syllables / out->speech_s);
    }
    out->energy_mean_db =
        st->n_speech > 0 ? (float)(st->sum_speech_db / (double)st->n_speech) : -120.0f;
    if (st->n_voiced > 0) {
        double n = (double)st->n_voiced;
        double mean = st->sum_st / n;
        double var = st->sum_st2 / n - mean * mean;
        out->f0_sd_semitones = (float)sqrt(var > 0.0 ? var : 0.0);
        /* Median: the bin holding the middle hop, interpolated inside it. */
        uint64_t half = (st->n_voiced + 1u) / 2u, seen = 0;
        for (uint32_t i = 0; i < DSP_STATS_BINS; i++) {
            if (seen + st->hist[i] >= half) {
                float frac = ((float)(half - seen) - 0.5f) / (float)st->hist[i];
                float s = semitones(DSP_STATS_F0_LO_HZ) + ((float)i + frac) / BINS_PER_ST;
                out->f0_median_hz = exp2f(s / 12.0f);
                break;
            }
            seen += st->hist[i];
        }
        out->f0_rel_semitones = st->recent_st - st->base_st;
    }
    if (st->n_speech > 0) {
        out->loudness_rel_db = st->recent_db - st->base_db;
    }
}
