/* dsp/rate.c - online syllable-nucleus picking and sliding-window rates. */
#include "dsp/rate.h"

#include <math.h>
#include <stddef.h>

#define LEVEL_MIN_DB (-120.0f)
#define LEVEL_MAX_DB 200.0f /* keeps sums and differences finite */
#define HOP_S        0.01f

dsp_rate_config dsp_rate_config_default(void)
{
    dsp_rate_config c = {2.0f, 25.0f, 0.5f, 1000, 3};
    return c;
}

void dsp_rate_init(dsp_rate *rate, const dsp_rate_config *cfg)
{
    rate->cfg = cfg != NULL ? *cfg : dsp_rate_config_default();
    if (rate->cfg.window_hops == 0) {
        rate->cfg.window_hops = 1;
    }
    if (rate->cfg.window_hops > DSP_RATE_MAX_WINDOW_HOPS) {
        rate->cfg.window_hops = DSP_RATE_MAX_WINDOW_HOPS;
    }
    if (rate->cfg.smooth_hops == 0) {
        rate->cfg.smooth_hops = 1;
    }
    if (rate->cfg.smooth_hops > DSP_RATE_MAX_SMOOTH) {
        rate->cfg.smooth_hops = DSP_RATE_MAX_SMOOTH;
    }
    for (size_t i = 0; i < DSP_RATE_MAX_SMOOTH; i++) {
        rate->ring_pow[i] = 0.0f;
        rate->ring_voiced[i] = false;
        rate->ring_speech[i] = false;
    }
    rate->i_ring = 0;
    rate->peak_level_db = LEVEL_MIN_DB;
    rate->prev_db = LEVEL_MIN_DB;
    rate->prev_voiced = false;
    rate->rising = false;
    rate->min_since_peak = LEVEL_MIN_DB;
    rate->n_hops = 0;
    rate->i_slot = 0;
    rate->n_window = 0;
    rate->nuclei_in_window = 0;
    rate->speech_in_window = 0;
    for (size_t i = 0; i < sizeof rate->nucleus_bits; i++) {
        rate->nucleus_bits[i] = 0;
        rate->speech_bits[i] = 0;
    }
}

static bool bit_get(const uint8_t *bits, uint32_t i)
{
    return (bits[i >> 3] >> (i & 7u)) & 1u;
}

static void bit_put(uint8_t *bits, uint32_t i, bool v)
{
    uint8_t m = (uint8_t)(1u << (i & 7u));
    bits[i >> 3] = v ? (uint8_t)(bits[i >> 3] | m) : (uint8_t)(bits[i >> 3] & ~m);
}

static void window_push(dsp_rate *rate, bool nucleus, bool speech)
{
    uint32_t i = rate->i_slot;
    if (rate->n_window == rate->cfg.window_hops) {
        rate->nuclei_in_window -= bit_get(rate->nucleus_bits, i);
        rate->speech_in_window -= bit_get(rate->speech_bits, i);
    } else {
        rate->n_window++;
    }
    bit_put(rate->nucleus_bits, i, nucleus);
    bit_put(rate->speech_bits, i, speech);
    rate->nuclei_in_window += nucleus;
    rate->speech_in_window += speech;
    rate->i_slot = (i + 1) % rate->cfg.window_hops;
}

bool dsp_rate_update(dsp_rate *rate, float intensity_db, bool voiced, bool speech)
{
    if (!isfinite(intensity_db) || intensity_db < LEVEL_MIN_DB) {
        intensity_db = LEVEL_MIN_DB;
    }
    if (intensity_db > LEVEL_MAX_DB) {
        intensity_db = LEVEL_MAX_DB;
    }
    /* Moving average in the power domain; the voicing that goes with it is the
     * voicing of the hop at the middle of the average. */
    uint32_t span = rate->cfg.smooth_hops;
    rate->ring_pow[rate->i_ring] = powf(10.0f, 0.1f * intensity_db);
    rate->ring_voiced[rate->i_ring] = voiced;
    rate->ring_speech[rate->i_ring] = speech;
    rate->i_ring = (rate->i_ring + 1u) % span;
    float acc = 0.0f;
    for (uint32_t i = 0; i < span; i++) {
        acc += rate->ring_pow[i];
    }
    uint32_t mid = (rate->i_ring + span / 2u) % span;
    voiced = rate->ring_voiced[mid] && rate->ring_speech[mid];
    intensity_db = 10.0f * log10f(acc / (float)span + 1e-12f);
    /* Running peak level: jumps up, decays slowly (stands in for the 0.99 quantile
     * of a whole file, which an online tracker cannot know). */
    float decayed = rate->peak_level_db - rate->cfg.peak_decay_db_s * HOP_S;
    rate->peak_level_db = intensity_db > decayed ? intensity_db : decayed;

    bool nucleus = false;
    float prev = rate->prev_db;
    bool is_max = rate->rising && intensity_db <= prev;
    if (is_max) {
        float threshold = rate->peak_level_db - rate->cfg.peak_drop_db;
        if (prev > threshold) {
            if (prev - rate->min_since_peak >= rate->cfg.dip_db && rate->prev_voiced) {
                nucleus = true;
            }
            rate->min_since_peak = prev;
        }
    }
    if (intensity_db < rate->min_since_peak) {
        rate->min_since_peak = intensity_db;
    }
    if (intensity_db > prev) {
        rate->rising = true;
    } else if (intensity_db < prev) {
        rate->rising = false;
    }
    rate->prev_db = intensity_db;
    rate->prev_voiced = voiced;
    rate->n_hops++;
    window_push(rate, nucleus, speech);
    return nucleus;
}

float dsp_rate_speaking_sps(const dsp_rate *rate)
{
    if (rate->n_window == 0) {
        return 0.0f;
    }
    return (float)rate->nuclei_in_window / ((float)rate->n_window * HOP_S);
}

float dsp_rate_articulation_sps(const dsp_rate *rate)
{
    if (rate->speech_in_window < 20) {
        return 0.0f;
    }
    return (float)rate->nuclei_in_window / ((float)rate->speech_in_window * HOP_S);
}
