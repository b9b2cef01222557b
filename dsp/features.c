/* dsp/features.c - the per-channel feature pipeline: decimation to 8 kHz, one
 * windowed FFT per hop giving the spectrum and (through a second transform of the
 * power spectrum) the autocorrelation, pitch candidates, a fixed-lag Viterbi, then
 * VAD and syllable nuclei on the frames as they leave the lookahead. */
#include "dsp/features.h"

#include <kiss_fft.h>
#include <math.h>
#include <string.h>

#include "common/alloc.h"
#include "common/cpu.h"
#include "common/status.h"
#include "dsp/kernels.h"
#include "dsp/rate.h"
#include "dsp/vad.h"

#define ANALYSIS_RATE_HZ 8000u
#define HOP_A            80u /* analysis samples per hop at 8 kHz */
/* The frame of hop a is analysed when hop a + WINDOW_DELAY_HOPS arrives: the
 * 50 ms window needs 25 ms after the hop's centre, plus the decimator's 1 ms. */
#define WINDOW_DELAY_HOPS 3u
#define FIR_TAPS          33u    /* 16 -> 8 kHz low-pass, delay 16 samples (1 ms) */
#define FIR_DELAY_A       8u     /* the decimator's delay in 8 kHz samples */
#define FIR_CUTOFF_HZ     4000.0 /* half band: every other tap is 0 */
#define SAMPLE_CLIP       64.0f
#define LEVEL_FLOOR_DB    (-120.0f)
#define N_STATES          (DSP_PITCH_MAX_CANDIDATES + 1u) /* state 0 = unvoiced */
#define ENERGY_RING       8u
#define DHIST_SLACK_HOPS  8u /* hops of room for the history to slide before a copy */
#define FLUX_POOL         4u /* the pooling loop below assumes 4 */
/* Running global peak for the silence test: -6 dB per 5 s (0.012 dB per hop). */
#define PEAK_DECAY 0.998619f
/* The local peak (silence test) is taken over the central hop of the window. */
#define PEAK_SPAN_A HOP_A
/* Longest lag at the lowest f0 allowed (50 Hz at 8 kHz), plus the one after. */
#define MAX_LAG  (ANALYSIS_RATE_HZ / 50u + 2u)
#define MAGIC    0x44535046u /* "DSPF" */
#define WS_MAGIC 0x44535057u /* "DSPW" */
#define DSP_PI   3.14159265358979323846

typedef struct frame_slot {
    float energy_db;
    float band_db;
    float centroid_hz;
    float flux;
    float tilt_db;
    float best_r;
    uint32_t n_states;
    float f0[N_STATES];  /* f0[0] = 0: unvoiced */
    float lf0[N_STATES]; /* log2 f0 (voiced states), for transition costs */
    float r[N_STATES];
    float delta[N_STATES]; /* best path score ending in each state */
    uint8_t back[N_STATES];
} frame_slot;

/* What every channel analysed at 8 kHz with the same f0 range and window shares:
 * read-only tables, the FFT plans and the per-hop scratch (see dsp_workspace_create). */
struct dsp_workspace {
    uint32_t magic;
    float f0_min_hz, f0_max_hz, window_periods; /* the geometry it was made for */
    uint32_t win, nfft, lag_min, lag_max;
    uint32_t k60, k300, k1000, k3400, k4000; /* band edges in bins */
    float win_energy;                        /* sum of w^2 */
    size_t alloc_bytes;
    float *fir_taps;    /* FIR_TAPS: the 16 -> 8 kHz half-band low-pass, then its
                           FIR_TAPS / 2 odd taps again, contiguous */
    float *window;      /* win: Hann */
    float *win_acf_inv; /* lag_max + 2: 1 / normalised autocorrelation of the window */
    float *dct_sin;     /* nfft / 2: sin(pi j / (nfft / 2)) */
    float *dct_cos;     /* nfft / 2: cos(pi j / (nfft / 2)) */
    float *split_re;    /* nfft / 2: exp(-i pi ((j + 1) / (nfft / 2) + 1 / 2)), the real */
    float *split_im;    /*   FFT's split twiddles (split_power), real and imaginary parts */
    float *split2_re;   /* nfft / 8: the same for the cosine transform's nfft / 2 points */
    float *split2_im;
    float *fftbuf;      /* scratch: nfft reals */
    kiss_fft_cpx *spec; /* scratch: nfft / 2 + 1 */
    float *acf;         /* scratch: lag_max + 2, autocorrelation of the current frame */
    kiss_fft_cfg fft;   /* nfft / 2 complex points: the spectrum (with split_power) */
    kiss_fft_cfg fft2;  /* nfft / 4 complex points: the autocorrelation's cosine
                           transform (with split_cpx) */
};

struct dsp_features {
    uint32_t magic;
    dsp_features_config cfg;
    const dsp_kernels *k;
    dsp_workspace *ws; /* borrowed, or owned when own_ws */
    bool own_ws;
    uint32_t hop;       /* input samples per hop */
    uint32_t decim;     /* 1 (8 kHz) or 2 (16 kHz) */
    uint32_t dhist_len; /* decimated history kept */
    uint32_t peak_span; /* samples around the centre for the local peak */
    float skip_above;   /* unvoiced strength above which no voiced path can win */
    float lf0_min;      /* log2 f0_min_hz */
    size_t alloc_bytes; /* the per-channel state, without the workspace */
    /* State. */
    uint64_t n_in;  /* hops fed by the caller */
    uint64_t n_fed; /* hops fed including flush padding */
    uint64_t n_out; /* frames returned */
    float global_peak;
    uint32_t quiet_run;  /* consecutive hops too silent to be voiced */
    float prev_mag_norm; /* L2 norm of the previous magnitude spectrum */
    float hop_energy[ENERGY_RING];
    dsp_vad vad;
    dsp_rate rate;
    /* Buffers (one block). */
    float *fir_hist;   /* FIR_TAPS - 1 + hop (16 kHz only) */
    float *dbuf;       /* dhist_len + DHIST_SLACK_HOPS hops: the history slides along it */
    float *dhist;      /* dhist_len samples at 8 kHz, the newest last: dbuf + some offset */
    float *prev_mag;   /* n_pool: pooled magnitude spectrum of the previous frame */
    frame_slot *slots; /* lookahead_hops + 1 */
};

dsp_features_config dsp_features_config_default(void)
{
    dsp_features_config c = {
        .sample_rate_hz = 16000,
        .f0_min_hz = 60.0f,
        .f0_max_hz = 500.0f,
        .window_periods = 2.5f,
        .lookahead_hops = 10,
        .voicing_threshold = 0.5f,
        .silence_threshold = 0.06f,
        .octave_cost = 0.01f,
        .octave_jump_cost = 0.35f,
        .voiced_unvoiced_cost = 0.25f,
        .vad_threshold_db = 9.0f,
        .vad_hangover_hops = 20,
        .nucleus_dip_db = 2.0f,
        .nucleus_drop_db = 25.0f,
        .rate_window_hops = 1000,
        .quiet_spectrum_hops = 2,
        .spectral_shape = true,
    };
    return c;
}

static bool config_valid(const dsp_features_config *c)
{
    return c != NULL && (c->sample_rate_hz == 8000 || c->sample_rate_hz == 16000) &&
           c->f0_min_hz >= 50.0f && c->f0_max_hz <= 600.0f && c->f0_min_hz < c->f0_max_hz &&
           c->window_periods >= 2.0f && c->window_periods <= 3.0f && c->lookahead_hops >= 1 &&
           c->lookahead_hops <= DSP_MAX_LOOKAHEAD_HOPS && c->voicing_threshold > 0.0f &&
           c->voicing_threshold < 1.0f && c->silence_threshold >= 0.0f &&
           c->silence_threshold < 1.0f && c->octave_cost >= 0.0f && c->octave_jump_cost >= 0.0f &&
           c->voiced_unvoiced_cost >= 0.0f && c->vad_threshold_db >= 0.0f &&
           c->nucleus_dip_db >= 0.0f && c->nucleus_drop_db > 0.0f && c->rate_window_hops >= 1 &&
           c->rate_window_hops <= DSP_RATE_MAX_WINDOW_HOPS && c->quiet_spectrum_hops >= 1 &&
           c->quiet_spectrum_hops <= 4;
}

uint32_t dsp_features_hop_samples(const dsp_features_config *cfg)
{
    return cfg != NULL ? cfg->sample_rate_hz / 100u : 0u;
}

uint32_t dsp_features_latency_hops(const dsp_features_config *cfg)
{
    return WINDOW_DELAY_HOPS + (cfg != NULL ? cfg->lookahead_hops : 0u);
}

static size_t carve(size_t *cursor, size_t bytes)
{
    size_t at = *cursor;
    *cursor += (bytes + 63u) & ~(size_t)63u;
    return at;
}

/* The workspace's geometry and layout, from f0 range and window only. */
typedef struct ws_layout {
    uint32_t win, nfft, lag_min, lag_max;
    size_t off_taps, off_window, off_wacf, off_sin, off_cos, off_split_re, off_split_im,
        off_split2_re, off_split2_im, off_fft, off_spec, off_acf, block_bytes, fft_bytes,
        fft2_bytes;
} ws_layout;

static void make_ws_layout(const dsp_features_config *c, ws_layout *l)
{
    /* window_periods periods of the lowest f0 (Boersma 1993 uses 3), even. */
    l->win =
        2u * (uint32_t)ceilf(0.5f * c->window_periods * (float)ANALYSIS_RATE_HZ / c->f0_min_hz);
    l->lag_min = (uint32_t)floorf((float)ANALYSIS_RATE_HZ / c->f0_max_hz);
    l->lag_max = (uint32_t)ceilf((float)ANALYSIS_RATE_HZ / c->f0_min_hz);
    /* Linear (not circular) autocorrelation up to lag_max + 1; n and n / 2 are both
     * even fast sizes (the cosine transform runs at n / 2). */
    int n = kiss_fft_next_fast_size((int)(l->win + l->lag_max + 2u));
    while ((n & 3) || kiss_fft_next_fast_size(n / 2) != n / 2) {
        n = kiss_fft_next_fast_size(n + 1);
    }
    l->nfft = (uint32_t)n;
    size_t cur = 0;
    l->off_taps = carve(&cur, (FIR_TAPS + FIR_TAPS / 2u) * sizeof(float));
    l->off_window = carve(&cur, l->win * sizeof(float));
    l->off_wacf = carve(&cur, (l->lag_max + 2u) * sizeof(float));
    l->off_sin = carve(&cur, (l->nfft / 2u) * sizeof(float));
    l->off_cos = carve(&cur, (l->nfft / 2u) * sizeof(float));
    l->off_split_re = carve(&cur, (l->nfft / 2u) * sizeof(float));
    l->off_split_im = carve(&cur, (l->nfft / 2u) * sizeof(float));
    l->off_split2_re = carve(&cur, (l->nfft / 8u) * sizeof(float));
    l->off_split2_im = carve(&cur, (l->nfft / 8u) * sizeof(float));
    l->off_fft = carve(&cur, l->nfft * sizeof(float));
    l->off_spec = carve(&cur, (l->nfft / 2u + 1u) * sizeof(kiss_fft_cpx));
    l->off_acf = carve(&cur, (l->lag_max + 2u) * sizeof(float));
    l->block_bytes = cur;
    l->fft_bytes = 0;
    (void)kiss_fft_alloc((int)(l->nfft / 2u), 0, NULL, &l->fft_bytes);
    l->fft2_bytes = 0;
    (void)kiss_fft_alloc((int)(l->nfft / 4u), 0, NULL, &l->fft2_bytes);
}

/* The channel's state layout. */
typedef struct layout {
    uint32_t hop, decim, dhist_len, fir_hist_len;
    size_t off_fir, off_dhist, off_mag, off_slots, block_bytes;
} layout;

static void make_layout(const dsp_features_config *c, const ws_layout *w, layout *l)
{
    l->hop = c->sample_rate_hz / 100u;
    l->decim = c->sample_rate_hz / ANALYSIS_RATE_HZ;
    uint32_t delay = l->decim == 2 ? FIR_DELAY_A : 0u;
    /* Window of frame a starts at 8 kHz index 80a + 40 - win/2 + delay; after hop
     * a + 3 the newest index is 80(a + 4) - 1: keep exactly what the window needs. */
    l->dhist_len = HOP_A * (WINDOW_DELAY_HOPS + 1u) - HOP_A / 2u + w->win / 2u - delay;
    l->fir_hist_len = l->decim == 2 ? FIR_TAPS - 1u + HOP_A : 0u;
    size_t cur = 0;
    l->off_fir = carve(&cur, l->fir_hist_len * sizeof(float));
    l->off_dhist = carve(&cur, (l->dhist_len + DHIST_SLACK_HOPS * HOP_A) * sizeof(float));
    l->off_mag = carve(&cur, ((w->nfft / 2u + 1u) / FLUX_POOL) * sizeof(float));
    l->off_slots = carve(&cur, (c->lookahead_hops + 1u) * sizeof(frame_slot));
    l->block_bytes = cur;
}

size_t dsp_workspace_size(const dsp_features_config *cfg)
{
    if (!config_valid(cfg)) {
        return 0;
    }
    ws_layout w;
    make_ws_layout(cfg, &w);
    return sizeof(dsp_workspace) + w.block_bytes + w.fft_bytes + w.fft2_bytes;
}

size_t dsp_features_size(const dsp_features_config *cfg)
{
    if (!config_valid(cfg)) {
        return 0;
    }
    ws_layout w;
    make_ws_layout(cfg, &w);
    layout l;
    make_layout(cfg, &w, &l);
    return sizeof(dsp_features) + l.block_bytes;
}

static void init_ws_tables(dsp_workspace *ws)
{
    /* Hamming-windowed sinc at a quarter of 16 kHz (a half band), unity DC gain. */
    double sum = 0.0;
    double fc = FIR_CUTOFF_HZ / 16000.0;
    double mid = (FIR_TAPS - 1u) / 2.0;
    for (uint32_t i = 0; i < FIR_TAPS; i++) {
        double t = (double)i - mid;
        double s = t == 0.0 ? 2.0 * fc : sin(2.0 * DSP_PI * fc * t) / (DSP_PI * t);
        if (t != 0.0 && fmod(t, 2.0) == 0.0) {
            s = 0.0; /* exact zeros of the half-band sinc, skipped in push_hop() */
        }
        double w = 0.54 - 0.46 * cos(2.0 * DSP_PI * (double)i / (FIR_TAPS - 1u));
        ws->fir_taps[i] = (float)(s * w);
        sum += s * w;
    }
    for (uint32_t i = 0; i < FIR_TAPS; i++) {
        ws->fir_taps[i] = (float)((double)ws->fir_taps[i] / sum);
    }
    /* The odd phase, contiguous for the fir kernel. */
    for (uint32_t m = 0; m < FIR_TAPS / 2u; m++) {
        ws->fir_taps[FIR_TAPS + m] = ws->fir_taps[2u * m + 1u];
    }
    double e = 0.0;
    for (uint32_t i = 0; i < ws->win; i++) {
        double w = 0.5 - 0.5 * cos(2.0 * DSP_PI * ((double)i + 0.5) / (double)ws->win);
        ws->window[i] = (float)w;
        e += w * w;
    }
    ws->win_energy = (float)e;
    for (uint32_t lag = 0; lag < ws->lag_max + 2u; lag++) {
        double acc = 0.0;
        for (uint32_t i = 0; i + lag < ws->win; i++) {
            acc += (double)ws->window[i] * (double)ws->window[i + lag];
        }
        ws->win_acf_inv[lag] = (float)(e / acc);
    }
    uint32_t half = ws->nfft / 2u;
    for (uint32_t j = 0; j < half; j++) {
        ws->dct_sin[j] = (float)sin(DSP_PI * (double)j / (double)half);
        ws->dct_cos[j] = (float)cos(DSP_PI * (double)j / (double)half);
        double phase = -DSP_PI * ((double)(j + 1u) / (double)half + 0.5);
        ws->split_re[j] = (float)cos(phase);
        ws->split_im[j] = (float)sin(phase);
    }
    for (uint32_t j = 0; j < half / 4u; j++) {
        double phase = -DSP_PI * ((double)(j + 1u) / (double)(half / 2u) + 0.5);
        ws->split2_re[j] = (float)cos(phase);
        ws->split2_im[j] = (float)sin(phase);
    }
    float bin_hz = (float)ANALYSIS_RATE_HZ / (float)ws->nfft;
    ws->k60 = (uint32_t)ceilf(60.0f / bin_hz);
    ws->k300 = (uint32_t)ceilf(300.0f / bin_hz);
    ws->k1000 = (uint32_t)ceilf(1000.0f / bin_hz);
    ws->k3400 = (uint32_t)ceilf(3400.0f / bin_hz);
    ws->k4000 = half + 1u;
}

int dsp_workspace_create(const dsp_features_config *cfg, dsp_workspace **out)
{
    if (out == NULL) {
        return RP_EINVAL;
    }
    *out = NULL;
    if (!config_valid(cfg)) {
        return RP_EINVAL;
    }
    ws_layout l;
    make_ws_layout(cfg, &l);
    dsp_workspace *ws = rp_calloc(1, sizeof *ws);
    unsigned char *block = rp_calloc(1, l.block_bytes);
    void *fft_mem = rp_malloc(l.fft_bytes);
    void *fft2_mem = rp_malloc(l.fft2_bytes);
    size_t fft_len = l.fft_bytes, fft2_len = l.fft2_bytes;
    kiss_fft_cfg fft = fft_mem ? kiss_fft_alloc((int)(l.nfft / 2u), 0, fft_mem, &fft_len) : NULL;
    kiss_fft_cfg fft2 =
        fft2_mem ? kiss_fft_alloc((int)(l.nfft / 4u), 0, fft2_mem, &fft2_len) : NULL;
    if (ws == NULL || block == NULL || fft == NULL || fft2 == NULL) {
        rp_free(ws);
        rp_free(block);
        rp_free(fft_mem);
        rp_free(fft2_mem);
        return RP_ENOMEM;
    }
    ws->magic = WS_MAGIC;
    ws->f0_min_hz = cfg->f0_min_hz;
    ws->f0_max_hz = cfg->f0_max_hz;
    ws->window_periods = cfg->window_periods;
    ws->win = l.win;
    ws->nfft = l.nfft;
    ws->lag_min = l.lag_min;
    ws->lag_max = l.lag_max;
    ws->alloc_bytes = sizeof *ws + l.block_bytes + l.fft_bytes + l.fft2_bytes;
    /* Every offset is a multiple of 64 into a malloc'ed block that starts at fir_taps. */
    ws->fir_taps = (float *)(void *)(block + l.off_taps);
    ws->window = (float *)(void *)(block + l.off_window);
    ws->win_acf_inv = (float *)(void *)(block + l.off_wacf);
    ws->dct_sin = (float *)(void *)(block + l.off_sin);
    ws->dct_cos = (float *)(void *)(block + l.off_cos);
    ws->split_re = (float *)(void *)(block + l.off_split_re);
    ws->split_im = (float *)(void *)(block + l.off_split_im);
    ws->split2_re = (float *)(void *)(block + l.off_split2_re);
    ws->split2_im = (float *)(void *)(block + l.off_split2_im);
    ws->fftbuf = (float *)(void *)(block + l.off_fft);
    ws->spec = (kiss_fft_cpx *)(void *)(block + l.off_spec);
    ws->acf = (float *)(void *)(block + l.off_acf);
    ws->fft = fft;
    ws->fft2 = fft2;
    init_ws_tables(ws);
    *out = ws;
    return RP_OK;
}

void dsp_workspace_destroy(dsp_workspace **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    dsp_workspace *ws = *self_p;
    assert(ws->magic == WS_MAGIC);
    ws->magic = 0;
    rp_free(ws->fft);
    rp_free(ws->fft2);
    rp_free(ws->fir_taps); /* the block */
    rp_free(ws);
    *self_p = NULL;
}

size_t dsp_workspace_bytes(const dsp_workspace *ws)
{
    return ws != NULL ? ws->alloc_bytes : 0u;
}

void dsp_features_reset(dsp_features *f)
{
    if (f == NULL) {
        return;
    }
    f->n_in = 0;
    f->n_fed = 0;
    f->n_out = 0;
    f->global_peak = 0.0f;
    f->quiet_run = 0;
    f->prev_mag_norm = 0.0f;
    for (uint32_t i = 0; i < ENERGY_RING; i++) {
        f->hop_energy[i] = 0.0f;
    }
    if (f->decim == 2) {
        memset(f->fir_hist, 0, (FIR_TAPS - 1u + HOP_A) * sizeof(float));
    }
    memset(f->dbuf, 0, (f->dhist_len + DHIST_SLACK_HOPS * HOP_A) * sizeof(float));
    f->dhist = f->dbuf;
    memset(f->prev_mag, 0, ((f->ws->nfft / 2u + 1u) / FLUX_POOL) * sizeof(float));
    dsp_vad_config vc = dsp_vad_config_default();
    vc.threshold_db = f->cfg.vad_threshold_db;
    vc.hangover_hops = f->cfg.vad_hangover_hops;
    dsp_vad_init(&f->vad, &vc);
    dsp_rate_config rc = dsp_rate_config_default();
    rc.dip_db = f->cfg.nucleus_dip_db;
    rc.peak_drop_db = f->cfg.nucleus_drop_db;
    rc.window_hops = f->cfg.rate_window_hops;
    dsp_rate_init(&f->rate, &rc);
}

static int create(const dsp_features_config *cfg, uint32_t cpu_flags, dsp_workspace *shared,
                  dsp_features **out)
{
    if (out == NULL) {
        return RP_EINVAL;
    }
    *out = NULL;
    if (!config_valid(cfg)) {
        return RP_EINVAL;
    }
    if (shared != NULL &&
        (shared->magic != WS_MAGIC || shared->f0_min_hz != cfg->f0_min_hz ||
         shared->f0_max_hz != cfg->f0_max_hz || shared->window_periods != cfg->window_periods)) {
        return RP_EINVAL;
    }
    ws_layout w;
    make_ws_layout(cfg, &w);
    layout l;
    make_layout(cfg, &w, &l);
    dsp_features *f = rp_calloc(1, sizeof *f);
    unsigned char *block = rp_calloc(1, l.block_bytes);
    dsp_workspace *ws = shared;
    int rc = ws == NULL ? dsp_workspace_create(cfg, &ws) : RP_OK;
    if (f == NULL || block == NULL || rc != RP_OK) {
        if (shared == NULL) {
            dsp_workspace_destroy(&ws);
        }
        rp_free(block);
        rp_free(f);
        return RP_ENOMEM;
    }
    f->magic = MAGIC;
    f->cfg = *cfg;
    f->k = dsp_kernels_select(cpu_flags);
    f->own_ws = shared == NULL;
    f->hop = l.hop;
    f->decim = l.decim;
    f->dhist_len = l.dhist_len;
    f->alloc_bytes = sizeof *f + l.block_bytes;
    /* Every offset is a multiple of 64 into a malloc'ed block that starts at fir_hist. */
    f->fir_hist = (float *)(void *)(block + l.off_fir);
    f->dbuf = (float *)(void *)(block + l.off_dhist);
    f->dhist = f->dbuf;
    f->prev_mag = (float *)(void *)(block + l.off_mag);
    f->slots = (frame_slot *)(void *)(block + l.off_slots);
    f->ws = ws;
    f->peak_span = PEAK_SPAN_A;
    /* A voiced candidate is worth at most 1 + octave_cost * log2(range) (with the 3 %
     * slack of the range test); choosing it instead of unvoiced saves at most two
     * voiced/unvoiced transitions. Above this, unvoiced wins on every path. */
    f->lf0_min = log2f(cfg->f0_min_hz);
    f->skip_above = 1.0f +
                    cfg->octave_cost * log2f(1.03f * cfg->f0_max_hz / (0.97f * cfg->f0_min_hz)) +
                    2.0f * cfg->voiced_unvoiced_cost + 0.01f;
    dsp_features_reset(f);
    *out = f;
    return RP_OK;
}

int dsp_features_create_with_flags(const dsp_features_config *cfg, uint32_t cpu_flags,
                                   dsp_features **out)
{
    return create(cfg, cpu_flags, NULL, out);
}

int dsp_features_create(const dsp_features_config *cfg, dsp_features **out)
{
    return create(cfg, rp_cpu_flags(), NULL, out);
}

int dsp_features_create_shared(const dsp_features_config *cfg, dsp_workspace *ws,
                               dsp_features **out)
{
    if (ws == NULL) {
        if (out != NULL) {
            *out = NULL;
        }
        return RP_EINVAL;
    }
    return create(cfg, rp_cpu_flags(), ws, out);
}

void dsp_features_destroy(dsp_features **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    dsp_features *f = *self_p;
    assert(f->magic == MAGIC);
    f->magic = 0;
    if (f->own_ws) {
        dsp_workspace_destroy(&f->ws);
    }
    rp_free(f->fir_hist); /* the block */
    rp_free(f);
    *self_p = NULL;
}

const char *dsp_features_kernels_name(const dsp_features *f)
{
    return f != NULL ? f->k->name : "none";
}

static float to_db(float mean_square)
{
    if (!(mean_square > 1e-12f)) {
        return LEVEL_FLOOR_DB;
    }
    float db = 10.0f * log10f(mean_square);
    return db < LEVEL_FLOOR_DB ? LEVEL_FLOOR_DB : db;
}

/* Copies one hop, zeroing non-finite samples and clipping magnitudes; src NULL
 * writes zeros. */
static void sanitise(float *restrict dst, const float *restrict src, uint32_t n)
{
    if (src == NULL) {
        memset(dst, 0, n * sizeof(float));
        return;
    }
    for (uint32_t i = 0; i < n; i++) {
        float x = src[i];
        x = x - x == 0.0f ? x : 0.0f; /* x - x is NaN for NaN and +-inf; branch-free */
        x = x > SAMPLE_CLIP ? SAMPLE_CLIP : x;
        x = x < -SAMPLE_CLIP ? -SAMPLE_CLIP : x;
        dst[i] = x;
    }
}

/* Appends one hop to the 8 kHz history (decimating 16 kHz input in two halves so
 * the FIR history stays short); returns the hop's sum of squares. NULL hop = zeros. */
static float push_hop(dsp_features *f, const float *x)
{
    const dsp_workspace *ws = f->ws;
    /* The history slides one hop along dbuf; only when it reaches the end is it
     * copied back to the start (once per DHIST_SLACK_HOPS + 1 hops, not every hop:
     * with hundreds of channels the history is cold in cache). */
    float *d = f->dhist + HOP_A;
    if (d > f->dbuf + DHIST_SLACK_HOPS * HOP_A) { /* its end would pass dbuf's */
        memmove(f->dbuf, d, (f->dhist_len - HOP_A) * sizeof(float));
        d = f->dbuf;
    }
    f->dhist = d;
    float *tail = d + f->dhist_len - HOP_A;
    if (f->decim == 1) {
        sanitise(tail, x, HOP_A);
        return f->k->energy_f32(tail, HOP_A);
    }
    float *h = f->fir_hist;
    float *even = ws->fftbuf; /* scratch: the FFT buffer is free until analyse() */
    float *odd = even + (FIR_TAPS - 1u + HOP_A) / 2u;
    float energy = 0.0f;
    for (uint32_t part = 0; part < 2u; part++) {
        float *in = h + FIR_TAPS - 1u;
        sanitise(in, x != NULL ? x + part * HOP_A : NULL, HOP_A);
        energy += f->k->energy_f32(in, HOP_A);
        /* y_i = sum_k h[k] x[2i + k]. Split x into even and odd samples: a half
         * band's even taps are all 0 but the centre one, so y is the odd phase
         * through the fir kernel plus one scaled run of the even samples. */
        for (uint32_t i = 0; i < (FIR_TAPS - 1u + HOP_A) / 2u; i++) {
            even[i] = h[2u * i];
            odd[i] = h[2u * i + 1u];
        }
        float *y = tail + part * (HOP_A / 2u);
        f->k->fir_f32(y, odd, ws->fir_taps + FIR_TAPS, FIR_TAPS / 2u, HOP_A / 2u);
        f->k->axpy_f32(y, even + FIR_TAPS / 4u, ws->fir_taps[FIR_TAPS / 2u], HOP_A / 2u);
        memmove(h, h + HOP_A, (FIR_TAPS - 1u) * sizeof(float));
    }
    return energy;
}

/* Parabolic interpolation through (-1, a), (0, b), (1, c): offset and peak value. */
static void parabola(float a, float b, float c, float *offset, float *peak)
{
    float den = a - 2.0f * b + c;
    if (den >= 0.0f) { /* not a maximum: keep the sample */
        *offset = 0.0f;
        *peak = b;
        return;
    }
    float d = 0.5f * (a - c) / den;
    d = d > 0.5f ? 0.5f : (d < -0.5f ? -0.5f : d);
    *offset = d;
    *peak = b - 0.25f * (a - c) * d;
}

/* Autocorrelation for lags 0..lag_max + 1 into the workspace's acf from the power spectrum p
 * (half + 1 bins, half = nfft / 2; p[0..half - 1] is overwritten). The linear
 * autocorrelation is the nfft-point DFT of the even extension of p, a type-I
 * cosine transform:
 *   r(k) = p0 + (-1)^k p_half + 2 sum_{j=1}^{half-1} p_j cos(pi j k / half).
 * It is computed with one real FFT of half points: with
 *   y_j = (p_j + p_{half-j}) / 2 - sin(pi j / half) (p_j - p_{half-j}),
 * the transform Y_k gives the even lags, r(2k) = 2 Re Y_k, and its imaginary
 * parts step the odd ones, O(2k+1) = O(2k-1) - Im Y_k, where O(m) is the sum
 * above for k = m and O(1) is summed directly. Returns r(0). */
static float autocorrelation(dsp_features *f, float *p)
{
    const dsp_workspace *ws = f->ws;
    uint32_t half = ws->nfft / 2u, n_out = ws->lag_max + 2u;
    float p0 = p[0], ph = p[half];
    double odd = (double)f->k->dot_f32(p + 1, ws->dct_cos + 1, half - 1u);
    float *y = (float *)(void *)ws->spec; /* half reals; spec is free again */
    y[0] = 0.5f * (p0 + ph);
    for (uint32_t j = 1; j < half; j++) {
        float a = p[j], b = p[half - j];
        y[j] = 0.5f * (a + b) - ws->dct_sin[j] * (a - b);
    }
    /* y's real transform: half / 2 complex pairs through one complex FFT into the
     * scratch after y, then the split into half / 2 + 1 bins over p */
    kiss_fft_cpx *t = (kiss_fft_cpx *)(void *)(y + half);
    kiss_fft(ws->fft2, (const kiss_fft_cpx *)(const void *)y, t);
    kiss_fft_cpx *z = (kiss_fft_cpx *)(void *)p;
    f->k->split_cpx((float *)(void *)z, (const float *)(const void *)t, ws->split2_re,
                    ws->split2_im, half / 2u);
    float *r = ws->acf;
    for (uint32_t k = 0; 2u * k < n_out; k++) {
        r[2u * k] = 2.0f * z[k].r;
        if (k > 0) {
            odd -= (double)z[k].i;
        }
        if (2u * k + 1u < n_out) {
            r[2u * k + 1u] = (float)((double)(p0 - ph) + 2.0 * odd);
        }
    }
    return r[0];
}

static frame_slot *slot_of(const dsp_features *f, uint64_t frame)
{
    return &f->slots[frame % (f->cfg.lookahead_hops + 1u)];
}

/* Adds the autocorrelation peak at lag (rn normalised, a local maximum above the
 * floor) to s's candidates if it is in range and among the strongest. */
static void consider_peak(const dsp_features *f, frame_slot *s, float *strengths, const float *rn,
                          uint32_t lag)
{
    const dsp_features_config *c = &f->cfg;
    float before = rn[lag - 1u], cur = rn[lag], next = rn[lag + 1u];
    float off, peak;
    parabola(before, cur, next, &off, &peak);
    peak = peak > 1.0f ? 1.0f : peak;
    float f0 = (float)ANALYSIS_RATE_HZ / ((float)lag + off);
    /* The refined peak may sit a hair outside the range its lag was in. */
    if (f0 < 0.97f * c->f0_min_hz || f0 > 1.03f * c->f0_max_hz) {
        return;
    }
    float lf0 = log2f(f0);
    float strength = peak + c->octave_cost * (lf0 - f->lf0_min);
    if (peak > s->best_r) {
        s->best_r = peak;
    }
    /* Keep the DSP_PITCH_MAX_CANDIDATES strongest. */
    uint32_t slot = s->n_states;
    if (slot == N_STATES) {
        uint32_t weakest = 1;
        for (uint32_t j = 2; j < N_STATES; j++) {
            if (strengths[j] < strengths[weakest]) {
                weakest = j;
            }
        }
        if (strengths[weakest] >= strength) {
            return;
        }
        slot = weakest;
    } else {
        s->n_states++;
    }
    s->f0[slot] = f0;
    s->lf0[slot] = lf0;
    s->r[slot] = peak;
    strengths[slot] = strength;
}

/* Analyses the frame whose window is in dhist; fills slot's features and pitch
 * candidates (not the Viterbi fields). */
/* Tilt, centroid and flux of a hop from its power spectrum p and its band sums
 * (p is kept: the autocorrelation is computed from it next). */
static void spectral_shape(dsp_features *f, frame_slot *s, const float *p, float low, float high)
{
    const dsp_workspace *ws = f->ws;
    const dsp_kernels *k = f->k;
    uint32_t half = ws->nfft / 2u;
    float scale = 2.0f / ((float)ws->nfft * ws->win_energy);
    float bin_hz = (float)ANALYSIS_RATE_HZ / (float)ws->nfft;
    s->tilt_db = to_db(high * scale) - to_db(low * scale);
    uint32_t n_c = ws->k4000 - ws->k60;
    float total = k->sum_f32(p + ws->k60, n_c);
    if (total > 1e-20f) {
        float moment = k->ramp_dot_f32(p + ws->k60, n_c) + (float)ws->k60 * total;
        s->centroid_hz = bin_hz * moment / total;
    } else {
        s->centroid_hz = 0.0f;
    }
    /* Flux: 2 - 2 cos(angle) between successive magnitude spectra, pooled over
     * FLUX_POOL bins (67 Hz) to keep the state small. */
    float *mag = (float *)(void *)ws->spec; /* spec is no longer needed */
    k->sqrt_f32(mag, p, half + 1u);
    uint32_t n_pool = (half + 1u) / FLUX_POOL;
    float *pooled = mag + half + 1u; /* spec holds nfft + 2 floats */
    for (uint32_t j = 0; j < n_pool; j++) {
        const float *m4 = mag + j * FLUX_POOL;
        pooled[j] = (m4[0] + m4[1]) + (m4[2] + m4[3]);
    }
    float norm = sqrtf(k->energy_f32(pooled, n_pool));
    float flux = 0.0f;
    if (norm > 1e-10f && f->prev_mag_norm > 1e-10f) {
        flux = 2.0f - 2.0f * k->dot_f32(pooled, f->prev_mag, n_pool) / (norm * f->prev_mag_norm);
        flux = flux < 0.0f ? 0.0f : (flux > 2.0f ? 2.0f : flux);
    } else if ((norm > 1e-10f) != (f->prev_mag_norm > 1e-10f)) {
        flux = 2.0f;
    }
    s->flux = flux;
    memcpy(f->prev_mag, pooled, n_pool * sizeof(float));
    f->prev_mag_norm = norm;
}

static void analyse(dsp_features *f, frame_slot *s, uint64_t a)
{
    const dsp_workspace *ws = f->ws;
    const dsp_kernels *k = f->k;
    uint32_t win = ws->win, nfft = ws->nfft, half = nfft / 2u;
    /* dhist_len was chosen so the window of frame a starts at dhist[0]. */
    const float *x = f->dhist;
    /* Energy over hops a-1..a+1 at the input rate (30 ms rectangle). */
    float e3 = f->hop_energy[(a + ENERGY_RING - 1u) % ENERGY_RING] +
               f->hop_energy[a % ENERGY_RING] + f->hop_energy[(a + 1u) % ENERGY_RING];
    s->energy_db = to_db(e3 / (3.0f * (float)f->hop));

    /* Window after removing the local mean. */
    float mean = k->sum_f32(x, win) / (float)win;
    float *buf = ws->fftbuf;
    for (uint32_t i = 0; i < win; i++) {
        buf[i] = x[i] - mean;
    }
    /* Local peak of the central part only, so a frame whose centre is silent reads
     * as silent even while the window's edge still holds the neighbouring vowel. */
    uint32_t centre = f->peak_span < win ? f->peak_span : win;
    float local_peak = k->maxabs_f32(buf + (win - centre) / 2u, centre);

    /* The unvoiced candidate's strength needs only the peaks (time domain). */
    f->global_peak = fmaxf(local_peak, f->global_peak * PEAK_DECAY);
    const dsp_features_config *c = &f->cfg;
    float vt = c->voicing_threshold;
    s->n_states = 1;
    s->f0[0] = 0.0f;
    s->lf0[0] = 0.0f;
    s->r[0] = 0.0f;
    s->best_r = 0.0f;
    float unvoiced = vt;
    if (f->global_peak > 0.0f && c->silence_threshold > 0.0f) {
        float rel = local_peak / f->global_peak / (c->silence_threshold / (1.0f + vt));
        unvoiced += fmaxf(0.0f, 2.0f - rel);
    }
    s->delta[0] = unvoiced; /* delta holds strengths until viterbi_step() */
    /* A hop this silent cannot end on a voiced path whatever its autocorrelation
     * (see skip_above): the second transform is not needed, and within a run of
     * such hops the spectrum is refreshed every quiet_spectrum_hops hops only. */
    bool silent = !(local_peak > 0.0f) || unvoiced > f->skip_above;
    f->quiet_run = silent ? f->quiet_run + 1u : 0u;
    if (silent && (f->quiet_run - 1u) % c->quiet_spectrum_hops != 0u) {
        const frame_slot *prev = slot_of(f, a - 1u); /* a >= 1: the run's first hop is analysed */
        s->band_db = prev->band_db;
        s->tilt_db = prev->tilt_db;
        s->centroid_hz = prev->centroid_hz;
        s->flux = prev->flux;
        return;
    }
    k->mul_f32(buf, buf, ws->window, win);
    memset(buf + win, 0, (nfft - win) * sizeof(float));
    /* The frame's samples as half complex pairs through one complex FFT, then the
     * power spectrum into buf[0..half]; spectral features from it. */
    kiss_fft(ws->fft, (const kiss_fft_cpx *)(const void *)buf, ws->spec);
    float *p = buf;
    k->split_power(p, (const float *)(const void *)ws->spec, ws->split_re, ws->split_im, half);
    float scale = 2.0f / ((float)nfft * ws->win_energy);
    float low = k->sum_f32(p + ws->k300, ws->k1000 - ws->k300);
    float high = k->sum_f32(p + ws->k1000, ws->k3400 - ws->k1000);
    s->band_db = to_db((low + high) * scale);
    if (c->spectral_shape) {
        spectral_shape(f, s, p, low, high);
    } else {
        s->tilt_db = s->centroid_hz = s->flux = 0.0f;
    }
    if (silent) {
        return;
    }

    float r0 = autocorrelation(f, p);
    if (!(r0 > 1e-20f)) {
        return;
    }
    /* Normalised autocorrelation rn(lag) = r(lag) / (r(0) w(lag)), in place (a loop
     * the compiler vectorises); then its local maxima above half the threshold. */
    float inv_r0 = 1.0f / r0;
    const float *wi = ws->win_acf_inv;
    float *rn = ws->acf;
    for (uint32_t lag = ws->lag_min - 1u; lag <= ws->lag_max + 1u; lag++) {
        rn[lag] = rn[lag] * inv_r0 * wi[lag];
    }
    float strengths[N_STATES];
    strengths[0] = unvoiced;
    /* Flag the peaks without a branch per lag (the compiler vectorises this), then
     * visit the flagged lags eight at a time in increasing order. */
    float floor_r = 0.5f * vt;
    uint8_t is_peak[MAX_LAG + 8u];
    uint32_t lag_end = ws->lag_max + 1u;
    for (uint32_t lag = ws->lag_min; lag < lag_end; lag++) {
        float cur = rn[lag];
        is_peak[lag] = (uint8_t)((cur > floor_r) & (cur > rn[lag - 1u]) & (cur >= rn[lag + 1u]));
    }
    memset(is_peak + lag_end, 0, 8u);
    for (uint32_t base = ws->lag_min; base < lag_end; base += 8u) {
        uint64_t word;
        memcpy(&word, is_peak + base, sizeof word);
        while (word != 0) {
            uint32_t bit = (uint32_t)__builtin_ctzll(word);
            word &= word - 1u;              /* each flag is one bit: bit 0 of its byte */
            uint32_t lag = base + bit / 8u; /* < lag_end: the bytes after it are 0 */
            consider_peak(f, s, strengths, rn, lag);
        }
    }
    /* Store strengths for the Viterbi step in delta (overwritten there). */
    for (uint32_t j = 0; j < s->n_states; j++) {
        s->delta[j] = strengths[j];
    }
}

static float transition_cost(const dsp_features_config *c, const frame_slot *prev, uint32_t i,
                             const frame_slot *cur, uint32_t j)
{
    bool v_prev = i != 0, v_cur = j != 0;
    if (v_prev && v_cur) {
        return c->octave_jump_cost * fabsf(prev->lf0[i] - cur->lf0[j]);
    }
    return v_prev != v_cur ? c->voiced_unvoiced_cost : 0.0f;
}

/* One Viterbi step: s->delta holds strengths on entry, path scores on exit. */
static void viterbi_step(const dsp_features *f, const frame_slot *prev, frame_slot *s)
{
    if (prev == NULL) {
        for (uint32_t j = 0; j < s->n_states; j++) {
            s->back[j] = 0;
        }
        return;
    }
    float best_all = -INFINITY;
    for (uint32_t j = 0; j < s->n_states; j++) {
        float best = -INFINITY;
        uint8_t arg = 0;
        for (uint32_t i = 0; i < prev->n_states; i++) {
            float v = prev->delta[i] - transition_cost(&f->cfg, prev, i, s, j);
            if (v > best) {
                best = v;
                arg = (uint8_t)i;
            }
        }
        s->delta[j] += best;
        s->back[j] = arg;
        best_all = fmaxf(best_all, s->delta[j]);
    }
    /* Keep scores near 0 so they never lose precision over long streams. */
    for (uint32_t j = 0; j < s->n_states; j++) {
        s->delta[j] -= best_all;
    }
}

/* Fills *out for frame o, deciding its state by backtracking from frame newest. */
static void emit(dsp_features *f, uint64_t o, uint64_t newest, dsp_frame *out)
{
    const frame_slot *s = slot_of(f, newest);
    uint32_t state = 0;
    for (uint32_t j = 1; j < s->n_states; j++) {
        if (s->delta[j] > s->delta[state]) {
            state = j;
        }
    }
    for (uint64_t t = newest; t > o; t--) {
        state = slot_of(f, t)->back[state];
    }
    s = slot_of(f, o);
    out->index = o;
    out->energy_db = s->energy_db;
    out->band_db = s->band_db;
    out->voiced = state != 0;
    out->f0_hz = s->f0[state];
    out->voicing = state != 0 ? s->r[state] : s->best_r;
    out->centroid_hz = s->centroid_hz;
    out->flux = s->flux;
    out->tilt_db = s->tilt_db;
    out->speech = dsp_vad_update(&f->vad, s->band_db, out->voiced);
    out->nucleus = dsp_rate_update(&f->rate, s->band_db, out->voiced, out->speech);
    out->speaking_rate_sps = dsp_rate_speaking_sps(&f->rate);
    out->articulation_rate_sps = dsp_rate_articulation_sps(&f->rate);
}

static int feed(dsp_features *f, const float *hop, dsp_frame *out)
{
    uint64_t j = f->n_fed++;
    f->hop_energy[j % ENERGY_RING] = push_hop(f, hop);
    if (j < WINDOW_DELAY_HOPS) {
        return 0;
    }
    uint64_t a = j - WINDOW_DELAY_HOPS;
    frame_slot *s = slot_of(f, a);
    analyse(f, s, a);
    viterbi_step(f, a > 0 ? slot_of(f, a - 1u) : NULL, s);
    uint32_t lookahead = f->cfg.lookahead_hops;
    if (a < lookahead) {
        return 0;
    }
    uint64_t o = a - lookahead;
    emit(f, o, a, out);
    f->n_out = o + 1u;
    return 1;
}

int dsp_features_process(dsp_features *f, const float *hop, dsp_frame *out)
{
    if (f == NULL || hop == NULL || out == NULL) {
        return RP_EINVAL;
    }
    assert(f->magic == MAGIC);
    if (f->n_fed != f->n_in) {
        return RP_ESTATE; /* flushing has started; reset first */
    }
    f->n_in++;
    return feed(f, hop, out);
}

int dsp_features_flush(dsp_features *f, dsp_frame *out)
{
    if (f == NULL || out == NULL) {
        return RP_EINVAL;
    }
    assert(f->magic == MAGIC);
    while (f->n_out < f->n_in) {
        if (feed(f, NULL, out) == 1) { /* a hop of zeros */
            return 1;
        }
    }
    return 0;
}
