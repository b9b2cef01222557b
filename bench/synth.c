/* bench/synth.c - scenario speech with the espeak-ng library, cached as WAV. */
#include "bench/synth.h"

#include <errno.h>
#include <espeak-ng/speak_lib.h>
#include <math.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/alloc.h"
#include "common/status.h"
#include "dsp/convert.h"
#include "dsp/resample.h"

/* err (RP_ERR_LEN bytes) = the formatted text, truncated to fit. */
RP_PRINTF(2, 3) static void seterr(char *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, RP_ERR_LEN, fmt, ap);
    va_end(ap);
}

#define SYNTH_VERSION    "rapport-synth-3"
#define MAX_TURN_SAMPLES (22050u * 300u) /* 5 minutes of one turn at espeak's rate */
#define RS_BLOCK         4096u

static bool g_ready;
static bool g_shut; /* espeak-ng hangs if initialised again after espeak_Terminate() */
static int g_rate;  /* espeak-ng's output rate */

/* espeak's output for one turn, grown by the callback. */
typedef struct pcm_buf {
    short *s;
    size_t n, cap;
    bool overflow, nomem;
} pcm_buf;

static pcm_buf *g_buf; /* the turn being spoken (one synthesis at a time) */

static int on_samples(short *wav, int n, espeak_EVENT *ev)
{
    (void)ev; /* chunks without events carry no user_data: the buffer is global */
    pcm_buf *b = g_buf;
    if (b == NULL || wav == NULL || n <= 0) {
        return 0;
    }
    if (b->n + (size_t)n > MAX_TURN_SAMPLES) {
        b->overflow = true;
        return 1; /* abort this synthesis */
    }
    if (b->n + (size_t)n > b->cap) {
        size_t cap = (b->n + (size_t)n) * 2;
        short *p = rp_realloc(b->s, cap * sizeof *p);
        if (p == NULL) {
            b->nomem = true;
            return 1;
        }
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->n, wav, (size_t)n * sizeof *wav);
    b->n += (size_t)n;
    return 0;
}

static int ensure_espeak(char *err)
{
    if (g_ready) {
        return RP_OK;
    }
    if (g_shut) {
        seterr(err, "espeak-ng was shut down in this process (it cannot start again)");
        return RP_ESTATE;
    }
    g_rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
    if (g_rate <= 0) {
        seterr(err, "espeak-ng could not start (is espeak-ng-data installed?)");
        return RP_EIO;
    }
    espeak_SetSynthCallback(on_samples);
    g_ready = true;
    return RP_OK;
}

void bench_synth_shutdown(void)
{
    if (g_ready) {
        espeak_Terminate();
        g_ready = false;
        g_shut = true;
    }
}

void bench_audio_free(bench_audio *a)
{
    rp_free(a->ch[0]);
    rp_free(a->ch[1]);
    memset(a, 0, sizeof *a);
}

uint8_t bench_mulaw_encode(int16_t pcm)
{
    int x = pcm;
    int sign = 0;
    if (x < 0) {
        sign = 0x80;
        x = -x;
    }
    if (x > 32635) {
        x = 32635;
    }
    x += 0x84;
    int exponent = 7;
    for (int mask = 0x4000; (x & mask) == 0 && exponent > 0; mask >>= 1) {
        exponent--;
    }
    int mantissa = (x >> (exponent + 3)) & 0x0F;
    return (uint8_t) ~(sign | (exponent << 4) | mantissa);
}

/* Speaks one turn into out (rate: the scenario's), *n_out samples, owned. */
static int speak(const bench_scenario *sc, const bench_turn *t, float **out, size_t *n_out,
                 char *err)
{
    *out = NULL;
    *n_out = 0;
    if (espeak_SetVoiceByName(t->voice) != EE_OK) {
        seterr(err, "%s:%d: espeak-ng has no voice '%s'", sc->path, t->line, t->voice);
        return RP_EINVAL;
    }
    espeak_SetParameter(espeakRATE, (int)lround(t->wpm), 0);
    espeak_SetParameter(espeakPITCH, (int)lround(t->pitch), 0);
    espeak_SetParameter(espeakVOLUME, 100, 0);
    espeak_SetParameter(espeakRANGE, 50, 0);
    espeak_SetParameter(espeakWORDGAP, 0, 0);
    espeak_SetParameter(espeakPUNCTUATION, espeakPUNCT_NONE, 0);
    espeak_SetParameter(espeakCAPITALS, 0, 0);
    pcm_buf b = {0};
    g_buf = &b;
    espeak_ERROR e = espeak_Synth(t->text, strlen(t->text) + 1, 0, POS_CHARACTER, 0,
                                  espeakCHARS_UTF8, NULL, NULL);
    g_buf = NULL;
    if (e != EE_OK || b.overflow || b.nomem) {
        rp_free(b.s);
        seterr(err, "%s:%d: %s", sc->path, t->line,
               b.nomem      ? "out of memory"
               : b.overflow ? "the turn is longer than 5 minutes"
                            : "espeak-ng could not speak it");
        return b.nomem ? RP_ENOMEM : RP_EINVAL;
    }
    dsp_resampler *rs = NULL;
    float *in = rp_malloc(RS_BLOCK * sizeof *in);
    int rc =
        in == NULL ? RP_ENOMEM : dsp_resampler_create((double)g_rate, sc->rate_hz, RS_BLOCK, &rs);
    size_t cap_out = rc == RP_OK ? dsp_resampler_max_out(rs) : 0;
    size_t total_cap = (size_t)((double)b.n * sc->rate_hz / g_rate) + 2 * cap_out + 16;
    float *y = rc == RP_OK ? rp_malloc(total_cap * sizeof *y) : NULL;
    rc = rc == RP_OK && y == NULL ? RP_ENOMEM : rc;
    size_t ny = 0;
    for (size_t i = 0; rc == RP_OK && i < b.n; i += RS_BLOCK) {
        size_t m = b.n - i < RS_BLOCK ? b.n - i : RS_BLOCK;
        for (size_t j = 0; j < m; j++) {
            in[j] = (float)b.s[i + j] / 32768.0f;
        }
        size_t got = 0;
        if (ny + cap_out > total_cap) {
            float *p = rp_realloc(y, (total_cap + cap_out) * sizeof *p);
            if (p == NULL) {
                rc = RP_ENOMEM;
                break;
            }
            y = p;
            total_cap += cap_out;
        }
        rc = dsp_resampler_process(rs, in, m, y + ny, cap_out, &got);
        ny += got;
    }
    for (size_t got = 1; rc == RP_OK && got > 0;) {
        if (ny + cap_out > total_cap) {
            float *p = rp_realloc(y, (total_cap + cap_out) * sizeof *p);
            if (p == NULL) {
                rc = RP_ENOMEM;
                break;
            }
            y = p;
            total_cap += cap_out;
        }
        rc = dsp_resampler_flush(rs, y + ny, cap_out, &got);
        ny += got;
    }
    dsp_resampler_destroy(&rs);
    rp_free(in);
    rp_free(b.s);
    if (rc != RP_OK) {
        rp_free(y);
        seterr(err, "%s:%d: resampling failed (%s)", sc->path, t->line, rp_status_str(rc));
        return rc;
    }
    *out = y;
    *n_out = ny;
    return RP_OK;
}

/* xorshift64* noise: uniform in [-1, 1). */
static float noise(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    uint64_t r = *s * 2685821657736338717ull;
    return (float)((double)(r >> 11) / 4503599627370496.0 - 1.0);
}

static void finish_line(const bench_scenario *sc, bench_audio *a)
{
    /* uniform noise in [-A, A) has RMS A / sqrt(3) */
    float amp = sc->noise_db > -120.0 ? (float)(pow(10.0, sc->noise_db / 20.0) * sqrt(3.0)) : 0.0f;
    /* seeded from the id, so editing a comment does not change the noise */
    uint64_t seed = 1469598103934665603ull;
    for (const char *c = sc->id; *c; c++) {
        seed = (seed ^ (uint8_t)*c) * 1099511628211ull;
    }
    for (int p = 0; p < 2; p++) {
        uint64_t s = seed ^ (0x9e3779b97f4a7c15ull * (uint64_t)(p + 1));
        s = s == 0 ? 1 : s;
        float *x = a->ch[p];
        for (size_t i = 0; i < a->n; i++) {
            float v = x[i] + amp * noise(&s);
            v = v > 1.0f ? 1.0f : (v < -1.0f ? -1.0f : v);
            if (sc->g711) {
                long q = lroundf(v * 32767.0f);
                uint8_t code = bench_mulaw_encode((int16_t)q);
                v = (float)dsp_mulaw_decode(code) / 32768.0f;
            }
            x[i] = v;
        }
    }
}

/* ---- cache ---- */

static uint64_t cache_key(const bench_scenario *sc)
{
    const char *ver = NULL;
    const char *v = espeak_Info(&ver);
    char salt[256];
    snprintf(salt, sizeof salt, "%s|%s|%016llx", SYNTH_VERSION, v != NULL ? v : "",
             (unsigned long long)sc->hash);
    uint64_t h = 1469598103934665603ull;
    for (const char *p = salt; *p; p++) {
        h = (h ^ (uint8_t)*p) * 1099511628211ull;
    }
    return h;
}

static void cache_paths(const bench_scenario *sc, const char *dir, char *wav, char *len, size_t cap)
{
    unsigned long long k = (unsigned long long)cache_key(sc);
    snprintf(wav, cap, "%s/%s-%016llx.wav", dir, sc->id, k);
    snprintf(len, cap, "%s/%s-%016llx.len", dir, sc->id, k);
}

/* Reads the cached audio and turn lengths; false when absent or unusable. */
static bool cache_read(const bench_scenario *sc, const char *dir, bench_audio *a, double *lens)
{
    char wav[1024], lenp[1024];
    cache_paths(sc, dir, wav, lenp, sizeof wav);
    FILE *f = fopen(lenp, "r");
    if (f == NULL) {
        return false;
    }
    bool ok = true;
    for (size_t i = 0; i < sc->n_turns && ok; i++) {
        ok = fscanf(f, "%lf", &lens[i]) == 1 && isfinite(lens[i]) && lens[i] >= 0.0;
    }
    fclose(f);
    SF_INFO info;
    memset(&info, 0, sizeof info);
    SNDFILE *sf = ok ? sf_open(wav, SFM_READ, &info) : NULL;
    if (sf == NULL) {
        return false;
    }
    ok = info.channels == 2 && info.samplerate == (int)sc->rate_hz && info.frames > 0 &&
         info.frames < (sf_count_t)(BENCH_MAX_DURATION_S * 16000.0 + 16000.0);
    float *inter = ok ? rp_malloc((size_t)info.frames * 2 * sizeof *inter) : NULL;
    a->n = (size_t)info.frames;
    a->ch[0] = ok ? rp_malloc(a->n * sizeof(float)) : NULL;
    a->ch[1] = ok ? rp_malloc(a->n * sizeof(float)) : NULL;
    ok = ok && inter != NULL && a->ch[0] != NULL && a->ch[1] != NULL &&
         sf_readf_float(sf, inter, info.frames) == info.frames;
    sf_close(sf);
    for (size_t i = 0; ok && i < a->n; i++) {
        a->ch[0][i] = inter[2 * i];
        a->ch[1][i] = inter[2 * i + 1];
    }
    rp_free(inter);
    if (!ok) {
        bench_audio_free(a);
        return false;
    }
    a->rate_hz = sc->rate_hz;
    a->from_cache = true;
    return true;
}

int bench_audio_write(const bench_audio *a, const char *path)
{
    SF_INFO info;
    memset(&info, 0, sizeof info);
    info.samplerate = (int)a->rate_hz;
    info.channels = 2;
    info.format = SF_FORMAT_WAV | SF_FORMAT_FLOAT;
    if (a->n == 0) {
        return RP_EINVAL;
    }
    float *inter = rp_malloc(a->n * 2 * sizeof *inter);
    if (inter == NULL) {
        return RP_ENOMEM;
    }
    SNDFILE *sf = sf_open(path, SFM_WRITE, &info);
    if (sf == NULL) {
        rp_free(inter);
        return RP_EIO;
    }
    for (size_t i = 0; i < a->n; i++) {
        inter[2 * i] = a->ch[0][i];
        inter[2 * i + 1] = a->ch[1][i];
    }
    bool ok = sf_writef_float(sf, inter, (sf_count_t)a->n) == (sf_count_t)a->n;
    ok = sf_close(sf) == 0 && ok;
    rp_free(inter);
    return ok ? RP_OK : RP_EIO;
}

/* Writes the cache (best effort: a failure only costs a resynthesis next time). */
static void cache_write(const bench_scenario *sc, const char *dir, const bench_audio *a,
                        const double *lens)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        return;
    }
    char wav[1024], lenp[1024], tmp[1100];
    cache_paths(sc, dir, wav, lenp, sizeof wav);
    snprintf(tmp, sizeof tmp, "%s.tmp", wav);
    if (bench_audio_write(a, tmp) != RP_OK) {
        remove(tmp);
        return;
    }
    FILE *f = fopen(lenp, "w");
    if (f == NULL) {
        remove(tmp);
        return;
    }
    for (size_t i = 0; i < sc->n_turns; i++) {
        fprintf(f, "%a\n", lens[i]); /* hex float: reads back exactly */
    }
    bool ok = fclose(f) == 0;
    if (!ok || rename(tmp, wav) != 0) {
        remove(tmp);
        remove(lenp);
    }
}

/* ---- synthesis ---- */

int bench_synth(bench_scenario *sc, const char *cache_dir, bench_audio *out, char *err)
{
    memset(out, 0, sizeof *out);
    out->rate_hz = sc->rate_hz;
    if (sc->medium == PROTO_CHAT || sc->n_turns == 0) {
        return bench_scenario_place(sc, NULL, err);
    }
    double *lens = rp_calloc(sc->n_turns, sizeof *lens);
    float **speech = rp_calloc(sc->n_turns, sizeof *speech);
    if (lens == NULL || speech == NULL) {
        rp_free(lens);
        rp_free(speech);
        seterr(err, "%s: out of memory", sc->path);
        return RP_ENOMEM;
    }
    int rc = ensure_espeak(err);
    if (rc == RP_OK && cache_dir != NULL && cache_read(sc, cache_dir, out, lens)) {
        rc = bench_scenario_place(sc, lens, err);
        size_t want = (size_t)ceil(sc->duration_s * sc->rate_hz);
        if (rc != RP_OK || (out->n + 2 >= want && out->n <= want + 2)) {
            rp_free(lens);
            rp_free(speech);
            return rc;
        }
        bench_audio_free(out); /* written by another version: synthesise afresh */
        out->rate_hz = sc->rate_hz;
    }
    size_t *n_speech = rp_calloc(sc->n_turns, sizeof *n_speech);
    rc = rc == RP_OK && n_speech == NULL ? RP_ENOMEM : rc;
    for (size_t i = 0; rc == RP_OK && i < sc->n_turns; i++) {
        rc = speak(sc, &sc->turns[i], &speech[i], &n_speech[i], err);
        lens[i] = (double)n_speech[i] / sc->rate_hz;
    }
    if (rc == RP_OK) {
        rc = bench_scenario_place(sc, lens, err);
    }
    if (rc == RP_OK) {
        out->n = (size_t)ceil(sc->duration_s * sc->rate_hz);
        out->ch[0] = rp_calloc(out->n, sizeof(float));
        out->ch[1] = rp_calloc(out->n, sizeof(float));
        if (out->ch[0] == NULL || out->ch[1] == NULL) {
            rc = RP_ENOMEM;
            seterr(err, "%s: out of memory", sc->path);
        }
    }
    for (size_t i = 0; rc == RP_OK && i < sc->n_turns; i++) {
        const bench_turn *t = &sc->turns[i];
        float g = (float)(0.5 * pow(10.0, t->gain_db / 20.0));
        size_t at = (size_t)llround(t->start_s * sc->rate_hz);
        float *x = out->ch[t->who == BENCH_ROLE_AGENT ? 0 : 1];
        for (size_t j = 0; j < n_speech[i] && at + j < out->n; j++) {
            x[at + j] += g * speech[i][j];
        }
    }
    if (rc == RP_OK) {
        finish_line(sc, out);
        if (cache_dir != NULL) {
            cache_write(sc, cache_dir, out, lens);
        }
    } else {
        bench_audio_free(out);
        out->rate_hz = sc->rate_hz;
    }
    for (size_t i = 0; i < sc->n_turns; i++) {
        rp_free(speech[i]);
    }
    rp_free(speech);
    rp_free(n_speech);
    rp_free(lens);
    return rc;
}
