/* bench/dsp/audio.h - loading evaluation audio for the dsp benchmarks.
 *
 * Reads any file libsndfile reads, keeps channel 0, and resamples to the rate
 * asked for with dsp_resampler. Not real-time code; not thread-safe.
 */
#ifndef BENCH_DSP_AUDIO_H
#define BENCH_DSP_AUDIO_H

#include <stddef.h>
#include <stdint.h>

typedef struct bench_audio {
    float *samples; /* malloc'ed; free with bench_audio_free */
    size_t n;
    uint32_t rate_hz;
} bench_audio;

/* Loads path as mono float. want_rate_hz 0 keeps 8 or 16 kHz files as they are and
 * resamples every other rate to 16 kHz. Returns 0, or -1 with a message on stderr. */
int bench_audio_load(const char *path, uint32_t want_rate_hz, bench_audio *out);

void bench_audio_free(bench_audio *a);

/* Telephone band: 4th-order Butterworth high-pass at 300 Hz and low-pass at
 * 3400 Hz, in place (RBJ biquad formulas). */
void bench_audio_telephone_band(bench_audio *a);

#endif
