/* dsp/vad.h - voice activity decision per 10 ms hop, with an adaptive noise floor.
 *
 * Input is a band level in dB (dsp_features gives the 300-3400 Hz level, so the
 * decision is the same on telephone band-limited audio) and the pitch tracker's
 * voicing. The noise floor is the minimum of the level over the last
 * DSP_VAD_BLOCKS blocks of DSP_VAD_BLOCK_HOPS hops (minimum statistics): it falls
 * at once and rises to a new stationary noise within about 3 s. A hop is speech
 * when the level is threshold_db above the floor (or threshold_db - 6 when voiced)
 * and above abs_min_db; a hangover keeps speech on after the last such hop.
 * The state is a caller-owned value: no allocation; every call is real-time safe
 * and O(DSP_VAD_BLOCKS). One instance per stream; not thread-safe.
 */
#ifndef DSP_VAD_H
#define DSP_VAD_H

#include <stdbool.h>
#include <stdint.h>

#define DSP_VAD_BLOCKS     12
#define DSP_VAD_BLOCK_HOPS 25

typedef struct dsp_vad_config {
    float threshold_db;     /* level above the noise floor that is speech; default 9 */
    float abs_min_db;       /* levels below this (dBFS) are never speech; default -70 */
    uint32_t hangover_hops; /* hops kept as speech after the last speech hop; default 20 */
} dsp_vad_config;

/* Written only by dsp_vad_* functions; fields are readable. */
typedef struct dsp_vad {
    dsp_vad_config cfg;
    float block_min[DSP_VAD_BLOCKS]; /* minimum level of each finished block, dB */
    float cur_min;                   /* minimum of the block in progress, dB */
    uint32_t i_block;                /* next slot of block_min to write */
    uint32_t n_in_block;             /* hops in the block in progress */
    uint32_t n_blocks;               /* finished blocks, saturating at DSP_VAD_BLOCKS */
    uint32_t hang;                   /* hangover hops left */
    float floor_db;                  /* current noise floor estimate, dB */
} dsp_vad;

/* Defaults for 8 and 16 kHz speech. */
dsp_vad_config dsp_vad_config_default(void);

/* Initialises *vad (caller memory) from cfg; cfg NULL means defaults. */
void dsp_vad_init(dsp_vad *vad, const dsp_vad_config *cfg);

/* Feeds one hop's band level (dB; non-finite values count as -120) and voicing;
 * returns true when the hop is speech. Real-time safe. */
bool dsp_vad_update(dsp_vad *vad, float level_db, bool voiced);

#endif /* DSP_VAD_H */
