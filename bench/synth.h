/* bench/synth.h - a scenario's two channels of speech, synthesised with the
 * espeak-ng library.
 *
 * Each turn is spoken by espeak-ng (synchronous mode, 22050 Hz) with the turn's
 * voice, words per minute and pitch, resampled to the scenario's rate (8 or
 * 16 kHz) with dsp_resampler, scaled by its gain (0 dB = espeak-ng's output at -6 dB,
 * as scripts/demo-call does) and added to the agent's or the customer's channel at its
 * start time. Line noise (white, seeded from the scenario's id, so runs are
 * identical) goes under both channels, then an optional G.711 mu-law round trip.
 * Samples are floats, full scale +-1.
 *
 * The result is cached per scenario: CACHE/<id>-<hash>.wav (stereo float WAV via
 * libsndfile, agent left) and .len (each turn's length), where the hash covers
 * the file's bytes, this synthesiser's version and espeak-ng's. A changed file,
 * or a new espeak-ng, synthesises afresh.
 *
 * Threads: espeak-ng keeps global state, so synthesis is one thread at a time per
 * process (bench_synth is not thread-safe). bench_synth_shutdown() releases
 * espeak-ng at exit.
 *
 * Repeatability: espeak-ng keeps some state from one utterance to the next, so a
 * turn's length can differ by tens of milliseconds with the scenarios synthesised
 * before it in the same process. The same run (same scenarios, same order) gives
 * the same audio, and the cache makes later runs read back exactly that audio.
 */
#ifndef BENCH_SYNTH_H
#define BENCH_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bench/scenario.h"
#include "common/attr.h"

typedef struct bench_audio {
    uint32_t rate_hz; /* the scenario's rate */
    size_t n;         /* samples per channel (0 for chat sessions) */
    float *ch[2];     /* agent, customer; owned (rp_malloc) */
    bool from_cache;  /* true when read back from the cache */
} bench_audio;

/* Synthesises sc (or reads its cache; cache_dir NULL = no cache) and resolves its
 * timeline with bench_scenario_place(). Chat sessions get no audio (n 0) but are
 * placed too. RP_OK, or RP_EINVAL/RP_EIO/RP_ENOMEM with err (RP_ERR_LEN) filled;
 * out is always safe to bench_audio_free(). */
RP_NODISCARD int bench_synth(bench_scenario *sc, const char *cache_dir, bench_audio *out,
                             char *err);

/* Writes a's channels to path as a stereo float WAV (agent left, customer
 * right), which `rapport replay` reads. RP_EINVAL (no audio), RP_ENOMEM, RP_EIO. */
RP_NODISCARD int bench_audio_write(const bench_audio *a, const char *path);

/* Frees the channels; leaves an empty bench_audio. */
void bench_audio_free(bench_audio *a);

/* Releases espeak-ng at the end of the process. espeak-ng cannot be started
 * again afterwards (it hangs), so later bench_synth calls fail with RP_ESTATE. */
void bench_synth_shutdown(void);

/* G.711 mu-law encoding of 16-bit linear PCM (ITU-T G.711, the inverse of
 * dsp_mulaw_decode up to quantisation). Pure. */
uint8_t bench_mulaw_encode(int16_t pcm);

#endif /* BENCH_SYNTH_H */
