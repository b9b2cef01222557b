/* dsp/features.h - per-10-ms-hop prosody features of one mono channel.
 *
 * Feed 10 ms hops of float samples (8 or 16 kHz, full scale +-1.0) to
 * dsp_features_process(); it returns frames delayed by dsp_features_latency_hops()
 * hops, each with energy, voice activity, f0 and voicing confidence, spectral
 * centroid/flux/tilt, syllable-nucleus events and sliding-window rates. Pitch is
 * a normalised-autocorrelation tracker (through KissFFT, 42 ms Hann window at
 * 8 kHz) with a fixed-lag Viterbi over lookahead_hops hops; see docs/dsp.md.
 * Everything is allocated in dsp_features_create(); process, flush and reset are
 * real-time safe (no allocation, locking, I/O or logging; bounded work per hop).
 *
 * Memory comes in two parts: the channel's state (history, Viterbi lookahead,
 * VAD and rate; dsp_features_size()) and a workspace (the FFT plans, window and
 * transform tables, and the per-hop scratch; dsp_workspace_size()). A channel made
 * with dsp_features_create() owns a workspace of its own; one made with
 * dsp_features_create_shared() borrows a workspace that many channels share, which
 * is how an engine thread running hundreds of channels keeps only the state per
 * channel.
 *
 * Threads: one instance per channel; calls on one instance must not overlap.
 * Instances that share a workspace must not be called concurrently either (the
 * scratch is shared): give each thread its own workspace. Instances with their
 * own workspaces are independent.
 */
#ifndef DSP_FEATURES_H
#define DSP_FEATURES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/attr.h"

#define DSP_HOP_S                0.01 /* seconds per hop */
#define DSP_MAX_LOOKAHEAD_HOPS   50u
#define DSP_PITCH_MAX_CANDIDATES 5u /* voiced candidates kept per hop */

typedef struct dsp_features dsp_features;   /* opaque */
typedef struct dsp_workspace dsp_workspace; /* opaque */

typedef struct dsp_features_config {
    uint32_t sample_rate_hz;      /* 8000 or 16000 */
    float f0_min_hz;              /* 50..f0_max_hz; default 60 */
    float f0_max_hz;              /* up to 600; default 500 */
    float window_periods;         /* analysis window in periods of f0_min, 2..3; default 2.5 */
    uint32_t lookahead_hops;      /* Viterbi lookahead, 1..DSP_MAX_LOOKAHEAD_HOPS; default 10 */
    float voicing_threshold;      /* autocorrelation needed to be voiced; default 0.5 */
    float silence_threshold;      /* local/global peak ratio below which hops are silent; 0.06 */
    float octave_cost;            /* favours higher f0 per octave; default 0.01 */
    float octave_jump_cost;       /* cost per octave of f0 change between hops; default 0.35 */
    float voiced_unvoiced_cost;   /* cost of a voicing change between hops; default 0.25 */
    float vad_threshold_db;       /* see dsp/vad.h; default 9 */
    uint32_t vad_hangover_hops;   /* default 20 */
    float nucleus_dip_db;         /* see dsp/rate.h; default 2 */
    float nucleus_drop_db;        /* default 25 */
    uint32_t rate_window_hops;    /* sliding window of the rates; default 1000 (10 s) */
    uint32_t quiet_spectrum_hops; /* 1..4: in a run of hops too silent to be voiced, the
                                     spectrum (band_db, tilt, centroid, flux) is computed
                                     on every n-th hop and repeated between; f0, voicing
                                     and energy are unaffected. Default 2; 1 = every hop */
    bool spectral_shape;          /* compute centroid_hz, flux and tilt_db (default true);
                                     false leaves them 0 and saves their work per hop:
                                     band_db, f0, voicing, energy, speech and the rates
                                     are the same either way */
} dsp_features_config;

/* One hop's features. */
typedef struct dsp_frame {
    uint64_t index;              /* hop index since create/reset; centre (index + 0.5) * 10 ms */
    float energy_db;             /* dBFS, mean square over 30 ms centred on the hop (RMS 1.0 =
                                    0 dB, full-scale sine -3.01 dB); floor -120 */
    float band_db;               /* level of the 300-3400 Hz band, dBFS; floor -120 */
    bool speech;                 /* voice activity */
    bool voiced;                 /* pitch tracker's decision */
    float f0_hz;                 /* fundamental frequency, Hz; 0 when unvoiced */
    float voicing;               /* 0..1: normalised autocorrelation at the f0 lag (best lag
                                    when unvoiced; 0 in silence) */
    float centroid_hz;           /* spectral centroid of 60-4000 Hz, Hz; 0 when silent */
    float flux;                  /* 0..2: change of the normalised magnitude spectrum */
    float tilt_db;               /* level of 1000-3400 Hz minus level of 300-1000 Hz, dB */
    bool nucleus;                /* a syllable nucleus peaked at the previous hop */
    float speaking_rate_sps;     /* nuclei per second over the window, pauses included */
    float articulation_rate_sps; /* nuclei per second of speech in the window */
} dsp_frame;

/* Defaults for 16 kHz (set sample_rate_hz for 8 kHz). */
dsp_features_config dsp_features_config_default(void);

/* Samples per hop for a valid config (80 or 160). */
uint32_t dsp_features_hop_samples(const dsp_features_config *cfg);

/* Hops between feeding a hop and receiving its frame: 3 (window) + lookahead_hops.
 * At 10 ms per hop, the default config's latency is 130 ms. */
uint32_t dsp_features_latency_hops(const dsp_features_config *cfg);

/* Bytes of one channel's state for cfg (what dsp_features_create_shared()
 * allocates; dsp_features_create() adds a workspace of dsp_workspace_size()), or 0
 * when cfg is invalid. */
size_t dsp_features_size(const dsp_features_config *cfg);

/* Bytes of a workspace for cfg, or 0 when cfg is invalid. */
size_t dsp_workspace_size(const dsp_features_config *cfg);

/* Allocates a workspace for channels analysed with cfg's f0_min_hz, f0_max_hz and
 * window_periods (any sample rate and any other setting may differ between the
 * channels). RP_EINVAL, RP_ENOMEM; *out NULL on failure. The caller owns it and
 * must destroy it after every channel that borrows it. Not real-time safe. */
RP_NODISCARD int dsp_workspace_create(const dsp_features_config *cfg, dsp_workspace **out);

/* Frees *self_p and sets it to NULL; NULL or *self_p == NULL is a no-op. */
void dsp_workspace_destroy(dsp_workspace **self_p);

/* Bytes the workspace allocated. */
size_t dsp_workspace_bytes(const dsp_workspace *ws);

/* Validates cfg (RP_EINVAL) and allocates all state (RP_ENOMEM). On failure *out is
 * NULL and nothing leaks. Uses rp_cpu_flags() once to choose its kernels. */
RP_NODISCARD int dsp_features_create(const dsp_features_config *cfg, dsp_features **out);

/* Same with explicit CPU flags (RP_CPU_* bits), so tests can force a kernel level. */
RP_NODISCARD int dsp_features_create_with_flags(const dsp_features_config *cfg, uint32_t cpu_flags,
                                                dsp_features **out);

/* Same as dsp_features_create(), borrowing ws (which must outlive the channel and
 * match cfg's f0 range and window, else RP_EINVAL) instead of owning a workspace. */
RP_NODISCARD int dsp_features_create_shared(const dsp_features_config *cfg, dsp_workspace *ws,
                                            dsp_features **out);

/* Frees *self_p (and its workspace, unless borrowed) and sets it to NULL; NULL or
 * *self_p == NULL is a no-op. */
void dsp_features_destroy(dsp_features **self_p);

/* Returns to the freshly created state. Real-time safe. */
void dsp_features_reset(dsp_features *f);

/* Consumes one hop of dsp_features_hop_samples() samples (borrowed for the call).
 * Non-finite samples count as 0 and magnitudes are clipped to 64. Returns 1 and
 * fills *out when a frame is ready, 0 while the latency fills, RP_EINVAL on NULL
 * arguments, RP_ESTATE once dsp_features_flush() has started (reset first).
 * Real-time safe: at most two FFTs of a few hundred points per call. */
RP_NODISCARD int dsp_features_process(dsp_features *f, const float *hop, dsp_frame *out);

/* After the last hop: returns 1 and fills *out with the next pending frame, 0 when
 * every hop fed has had its frame. Real-time safe. */
RP_NODISCARD int dsp_features_flush(dsp_features *f, dsp_frame *out);

/* Name of the kernel table in use ("scalar", "sse2", "avx2"). */
const char *dsp_features_kernels_name(const dsp_features *f);

#endif /* DSP_FEATURES_H */
