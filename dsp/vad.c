/* dsp/vad.c - minimum-statistics noise floor, threshold and hangover. */
#include "dsp/vad.h"

#include <math.h>
#include <stddef.h>

#define LEVEL_MIN_DB (-120.0f)
#define LEVEL_MAX_DB 200.0f /* keeps sums and differences finite */
/* Voiced hops need less margin: periodicity is evidence of speech by itself. */
#define VOICED_RELIEF_DB 6.0f

dsp_vad_config dsp_vad_config_default(void)
{
    dsp_vad_config c = {9.0f, -70.0f, 20};
    return c;
}

void dsp_vad_init(dsp_vad *vad, const dsp_vad_config *cfg)
{
    vad->cfg = cfg != NULL ? *cfg : dsp_vad_config_default();
    for (size_t i = 0; i < DSP_VAD_BLOCKS; i++) {
        vad->block_min[i] = 0.0f;
    }
    vad->cur_min = 0.0f;
    vad->i_block = 0;
    vad->n_in_block = 0;
    vad->n_blocks = 0;
    vad->hang = 0;
    vad->floor_db = LEVEL_MIN_DB;
}

bool dsp_vad_update(dsp_vad *vad, float level_db, bool voiced)
{
    if (!isfinite(level_db) || level_db < LEVEL_MIN_DB) {
        level_db = LEVEL_MIN_DB;
    }
    if (level_db > LEVEL_MAX_DB) {
        level_db = LEVEL_MAX_DB;
    }
    if (vad->n_in_block == 0 || level_db < vad->cur_min) {
        vad->cur_min = level_db;
    }
    vad->n_in_block++;
    float floor_db = vad->cur_min;
    for (uint32_t i = 0; i < vad->n_blocks; i++) {
        floor_db = fminf(floor_db, vad->block_min[i]);
    }
    if (vad->n_in_block == DSP_VAD_BLOCK_HOPS) {
        vad->block_min[vad->i_block] = vad->cur_min;
        vad->i_block = (vad->i_block + 1) % DSP_VAD_BLOCKS;
        if (vad->n_blocks < DSP_VAD_BLOCKS) {
            vad->n_blocks++;
        }
        vad->n_in_block = 0;
    }
    vad->floor_db = floor_db;
    float margin = level_db - floor_db;
    float need = voiced ? vad->cfg.threshold_db - VOICED_RELIEF_DB : vad->cfg.threshold_db;
    bool raw = margin > need && level_db > vad->cfg.abs_min_db;
    if (raw) {
        vad->hang = vad->cfg.hangover_hops;
        return true;
    }
    if (vad->hang > 0) {
        vad->hang--;
        return true;
    }
    return false;
}
