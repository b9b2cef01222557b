/* bench/dsp/audio.c - libsndfile + dsp_resampler loading, telephone band filter. */
#include "audio.h"

#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dsp/resample.h"

#define BLOCK 4096u

static int resample(bench_audio *a, uint32_t to_hz)
{
    dsp_resampler *r = NULL;
    if (dsp_resampler_create((double)a->rate_hz, (double)to_hz, BLOCK, &r) != 0) {
        return -1;
    }
    size_t cap = (size_t)((double)a->n * to_hz / a->rate_hz) + 2u * dsp_resampler_max_out(r) + 16u;
    float *out = malloc(cap * sizeof(float));
    float *tmp = malloc(dsp_resampler_max_out(r) * sizeof(float));
    size_t n_out = 0;
    int rc = out != NULL && tmp != NULL ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < a->n; i += BLOCK) {
        size_t n_in = a->n - i < BLOCK ? a->n - i : BLOCK;
        size_t got = 0;
        rc = dsp_resampler_process(r, a->samples + i, n_in, tmp, dsp_resampler_max_out(r), &got);
        if (rc == 0 && n_out + got <= cap) {
            memcpy(out + n_out, tmp, got * sizeof(float));
            n_out += got;
        }
    }
    for (;;) {
        size_t got = 0;
        if (rc != 0 || dsp_resampler_flush(r, tmp, dsp_resampler_max_out(r), &got) != 0 ||
            got == 0) {
            break;
        }
        size_t room = cap - n_out;
        got = got < room ? got : room;
        memcpy(out + n_out, tmp, got * sizeof(float));
        n_out += got;
    }
    dsp_resampler_destroy(&r);
    free(tmp);
    if (rc != 0) {
        free(out);
        return -1;
    }
    /* The converter delays nothing visible here: soxr output is aligned to input. */
    size_t want = (size_t)llround((double)a->n * to_hz / a->rate_hz);
    free(a->samples);
    a->samples = out;
    a->n = n_out < want ? n_out : want;
    a->rate_hz = to_hz;
    return 0;
}

int bench_audio_load(const char *path, uint32_t want_rate_hz, bench_audio *out)
{
    memset(out, 0, sizeof *out);
    SF_INFO info;
    memset(&info, 0, sizeof info);
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (sf == NULL) {
        fprintf(stderr, "cannot read %s: %s\n", path, sf_strerror(NULL));
        return -1;
    }
    size_t frames = (size_t)info.frames;
    float *inter = malloc((frames ? frames : 1) * (size_t)info.channels * sizeof(float));
    float *mono = malloc((frames ? frames : 1) * sizeof(float));
    if (inter == NULL || mono == NULL) {
        free(inter);
        free(mono);
        sf_close(sf);
        return -1;
    }
    sf_count_t got = sf_readf_float(sf, inter, (sf_count_t)frames);
    sf_close(sf);
    for (sf_count_t i = 0; i < got; i++) {
        mono[i] = inter[i * info.channels];
    }
    free(inter);
    out->samples = mono;
    out->n = (size_t)got;
    out->rate_hz = (uint32_t)info.samplerate;
    uint32_t target = want_rate_hz;
    if (target == 0) {
        target = (out->rate_hz == 8000 || out->rate_hz == 16000) ? out->rate_hz : 16000;
    }
    if (target != out->rate_hz && resample(out, target) != 0) {
        fprintf(stderr, "cannot resample %s\n", path);
        bench_audio_free(out);
        return -1;
    }
    return 0;
}

void bench_audio_free(bench_audio *a)
{
    free(a->samples);
    a->samples = NULL;
    a->n = 0;
}

typedef struct biquad {
    double b0, b1, b2, a1, a2, z1, z2;
} biquad;

static void biquad_design(biquad *q, double fs, double f0, double qual, int highpass)
{
    double w = 2.0 * 3.14159265358979323846 * f0 / fs;
    double alpha = sin(w) / (2.0 * qual), c = cos(w), a0 = 1.0 + alpha;
    if (highpass) {
        q->b0 = (1.0 + c) / 2.0 / a0;
        q->b1 = -(1.0 + c) / a0;
    } else {
        q->b0 = (1.0 - c) / 2.0 / a0;
        q->b1 = (1.0 - c) / a0;
    }
    q->b2 = q->b0;
    q->a1 = -2.0 * c / a0;
    q->a2 = (1.0 - alpha) / a0;
    q->z1 = q->z2 = 0.0;
}

static double biquad_run(biquad *q, double x)
{
    double y = q->b0 * x + q->z1;
    q->z1 = q->b1 * x - q->a1 * y + q->z2;
    q->z2 = q->b2 * x - q->a2 * y;
    return y;
}

void bench_audio_telephone_band(bench_audio *a)
{
    /* 4th-order Butterworth = two biquads with Q 0.5412 and 1.3066. */
    biquad q[4];
    biquad_design(&q[0], a->rate_hz, 300.0, 0.5412, 1);
    biquad_design(&q[1], a->rate_hz, 300.0, 1.3066, 1);
    biquad_design(&q[2], a->rate_hz, 3400.0, 0.5412, 0);
    biquad_design(&q[3], a->rate_hz, 3400.0, 1.3066, 0);
    for (size_t i = 0; i < a->n; i++) {
        double x = a->samples[i];
        for (int k = 0; k < 4; k++) {
            x = biquad_run(&q[k], x);
        }
        a->samples[i] = (float)x;
    }
}
