/* dsp/stats.h - per-speaker prosody statistics for the engine and reports.
 *
 * Accumulates dsp_frame values of one channel: totals (duration, speech time,
 * syllables), f0 median (histogram of DSP_STATS_BINS bins of 0.1 semitone from
 * DSP_STATS_F0_LO_HZ) and spread in semitones, mean energy of speech, and a
 * running baseline (60 s exponential average, a plain mean while shorter) against
 * which the recent (2 s) pitch and loudness are expressed. A caller-owned value (about 2.5 KiB): no
 * allocation; updates are real-time safe and O(1); getting a summary is
 * O(DSP_STATS_BINS). One per speaker; not thread-safe.
 */
#ifndef DSP_STATS_H
#define DSP_STATS_H

#include <stdint.h>

#include "dsp/features.h"

#define DSP_STATS_F0_LO_HZ 40.0f
#define DSP_STATS_BINS     560u /* 56 semitones: 40 Hz .. 1010 Hz */

typedef struct dsp_stats {
    uint64_t n_hops, n_speech, n_voiced, n_syllables;
    double sum_st, sum_st2;   /* semitones re 1 Hz over voiced hops */
    double sum_speech_db;     /* energy_db over speech hops */
    float base_st, recent_st; /* baseline / recent pitch, semitones re 1 Hz */
    float base_db, recent_db; /* baseline / recent loudness of speech, dBFS */
    uint32_t hist[DSP_STATS_BINS];
} dsp_stats;

typedef struct dsp_stats_summary {
    double duration_s;           /* hops x 10 ms */
    double speech_s;             /* VAD speech time */
    uint64_t syllables;          /* nucleus events */
    float speaking_rate_sps;     /* syllables / duration */
    float articulation_rate_sps; /* syllables / speech time (0 without speech) */
    float f0_median_hz;          /* 0 without voiced hops */
    float f0_sd_semitones;       /* standard deviation of 12 log2(f0) */
    float energy_mean_db;        /* mean energy_db of speech hops; -120 without speech */
    float f0_rel_semitones;      /* recent pitch minus baseline */
    float loudness_rel_db;       /* recent loudness minus baseline */
} dsp_stats_summary;

/* Empties *st (caller memory). */
void dsp_stats_init(dsp_stats *st);

/* Adds one frame. Real-time safe. */
void dsp_stats_update(dsp_stats *st, const dsp_frame *frame);

/* Computes the summary of everything added so far. Real-time safe. */
void dsp_stats_get(const dsp_stats *st, dsp_stats_summary *out);

#endif /* DSP_STATS_H */
