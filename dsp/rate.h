/* dsp/rate.h - syllable nuclei and speaking rate from the intensity envelope.
 *
 * The idea of de Jong & Wempe (2009), implemented here from their description:
 * a syllable nucleus is a local maximum of intensity that is (1) above a
 * threshold set peak_drop_db below the speaker's running peak level, (2) at
 * least dip_db above the lowest intensity since the previous peak, and (3)
 * voiced and inside speech (VAD). Intensity is first averaged over smooth_hops hops (power domain),
 * which merges the ripples of one vowel. The event is reported one hop after the
 * smoothed peak (when the maximum is confirmed). Speaking rate = nuclei / window time (pauses
 * included); articulation rate = nuclei / speech time in the window. Window up to
 * DSP_RATE_MAX_WINDOW_HOPS hops, kept as bitsets: the state is a caller-owned
 * value, every call is real-time safe and O(1). One per stream; not thread-safe.
 */
#ifndef DSP_RATE_H
#define DSP_RATE_H

#include <stdbool.h>
#include <stdint.h>

#define DSP_RATE_MAX_WINDOW_HOPS 2000u /* 20 s of 10 ms hops */
#define DSP_RATE_MAX_SMOOTH      9u
#define DSP_RATE_MAX_SMOOTH      9u

typedef struct dsp_rate_config {
    float dip_db;          /* minimum dip before a peak; default 2 */
    float peak_drop_db;    /* threshold below the running peak level; default 25 */
    float peak_decay_db_s; /* decay of the running peak level, dB/s; default 0.5 */
    uint32_t window_hops;  /* sliding window, 1..DSP_RATE_MAX_WINDOW_HOPS; default 1000 */
    uint32_t smooth_hops;  /* moving average of intensity (power), 1..DSP_RATE_MAX_SMOOTH; 3 */
} dsp_rate_config;

/* Written only by dsp_rate_* functions; fields are readable. */
typedef struct dsp_rate {
    dsp_rate_config cfg;
    float peak_level_db;                 /* running peak of intensity, decaying */
    float ring_pow[DSP_RATE_MAX_SMOOTH]; /* last smooth_hops intensities, power */
    bool ring_voiced[DSP_RATE_MAX_SMOOTH];
    bool ring_speech[DSP_RATE_MAX_SMOOTH];
    uint32_t i_ring;
    float prev_db;        /* smoothed intensity of the previous hop */
    bool prev_voiced;     /* voicing of the previous hop */
    bool rising;          /* intensity rose into the previous hop */
    float min_since_peak; /* lowest intensity since the last local maximum */
    uint64_t n_hops;      /* hops seen */
    uint32_t i_slot;      /* next bit of the window bitsets */
    uint32_t n_window;    /* hops in the window (<= cfg.window_hops) */
    uint32_t nuclei_in_window;
    uint32_t speech_in_window;
    uint8_t nucleus_bits[DSP_RATE_MAX_WINDOW_HOPS / 8];
    uint8_t speech_bits[DSP_RATE_MAX_WINDOW_HOPS / 8];
} dsp_rate;

/* Defaults (dip 2 dB, 25 dB below peak, 10 s window, 3-hop smoothing). */
dsp_rate_config dsp_rate_config_default(void);

/* Initialises *rate (caller memory); cfg NULL means defaults; a window_hops of 0
 * or above the maximum is clamped into range. */
void dsp_rate_init(dsp_rate *rate, const dsp_rate_config *cfg);

/* Feeds one hop: intensity (dB; non-finite counts as -120), voicing and speech
 * (VAD). Returns true when a nucleus is confirmed at this hop (its peak was the
 * previous hop). Real-time safe. */
bool dsp_rate_update(dsp_rate *rate, float intensity_db, bool voiced, bool speech);

/* Syllables per second over the window, pauses included (0 before any hop). */
float dsp_rate_speaking_sps(const dsp_rate *rate);

/* Syllables per second of speech time in the window (0 with under 0.2 s of speech). */
float dsp_rate_articulation_sps(const dsp_rate *rate);

#endif /* DSP_RATE_H */
