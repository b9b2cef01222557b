/* bench/dsp/speed_dsp.c - rapport-bench-dsp-speed: x-real-time of the full dsp
 * feature set beside aubio's pitch trackers, on the same 16 kHz audio in the same
 * run, on one core (thread CPU time).
 *
 * Audio: every file of SPEECH_DIR (argument, default ../shared/data/speech) in
 * fda/, arctic/, emodb/ and synth/ (16 kHz copies), resampled to 16 kHz, held in
 * memory. Prints "skipped" and exits 0 when the folder is absent. Speed is a
 * benchmark figure, never a test assertion.
 * Usage: rapport-bench-dsp-speed [--repeat N] [SPEECH_DIR]
 */
#include <aubio/aubio.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "audio.h"
#include "common/cpu.h"
#include "dsp/features.h"
#include "dsp/kernels.h"

#define RATE_HZ 16000u
#define HOP     160u

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Appends every .wav of dir (16 kHz, or resampled to it) to *all. */
static void load_dir(const char *dir, const char *only_suffix, float **all, size_t *n)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 4, ".wav") != 0) {
            continue;
        }
        if (only_suffix != NULL && strstr(e->d_name, only_suffix) == NULL) {
            continue;
        }
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) {
            continue;
        }
        bench_audio a;
        if (bench_audio_load(path, RATE_HZ, &a) != 0) {
            continue;
        }
        float *grown = realloc(*all, (*n + a.n) * sizeof(float));
        if (grown != NULL) {
            memcpy(grown + *n, a.samples, a.n * sizeof(float));
            *all = grown;
            *n += a.n;
        }
        bench_audio_free(&a);
    }
    closedir(d);
}

/* Runs the full feature set over x; returns CPU seconds; *sink defeats dead-code
 * elimination. */
static double run_rapport(const float *x, size_t n_hops, uint32_t cpu_flags, uint32_t quiet_hops,
                          double *sink)
{
    dsp_features_config cfg = dsp_features_config_default();
    cfg.quiet_spectrum_hops = quiet_hops;
    dsp_features *f = NULL;
    if (dsp_features_create_with_flags(&cfg, cpu_flags, &f) != 0) {
        return -1.0;
    }
    dsp_frame fr;
    double acc = 0.0;
    double t0 = cpu_seconds();
    for (size_t h = 0; h < n_hops; h++) {
        if (dsp_features_process(f, x + h * HOP, &fr) == 1) {
            acc += (double)fr.f0_hz + (double)fr.energy_db;
        }
    }
    while (dsp_features_flush(f, &fr) == 1) {
        acc += (double)fr.f0_hz;
    }
    double t = cpu_seconds() - t0;
    dsp_features_destroy(&f);
    *sink += acc;
    return t;
}

static double run_aubio(const char *method, uint32_t win, const float *x, size_t n_hops,
                        double *sink)
{
    aubio_pitch_t *p = new_aubio_pitch(method, win, HOP, RATE_HZ);
    fvec_t *in = new_fvec(HOP);
    fvec_t *out = new_fvec(1);
    if (p == NULL || in == NULL || out == NULL) {
        return -1.0;
    }
    aubio_pitch_set_unit(p, "Hz");
    double acc = 0.0;
    double t0 = cpu_seconds();
    for (size_t h = 0; h < n_hops; h++) {
        memcpy(in->data, x + h * HOP, HOP * sizeof(float));
        aubio_pitch_do(p, in, out);
        acc += (double)out->data[0];
    }
    double t = cpu_seconds() - t0;
    del_fvec(in);
    del_fvec(out);
    del_aubio_pitch(p);
    *sink += acc;
    return t;
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/data/speech";
    int repeat = 3;
    bool only_rapport = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--rapport-only") == 0) {
            only_rapport = true; /* e.g. under perf: the peers would dominate the profile */
        } else if (strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) {
            repeat = atoi(argv[++i]);
            repeat = repeat < 1 ? 1 : repeat;
        } else if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport-bench-dsp-speed [--repeat N] [--rapport-only] [SPEECH_DIR]\n");
            return 0;
        } else {
            dir = argv[i];
        }
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        printf("rapport-bench-dsp-speed: %s not found (no evaluation data): skipped\n", dir);
        return 0;
    }
    float *all = NULL;
    size_t n = 0;
    static const char *subdirs[] = {"fda", "arctic", "emodb", "synth"};
    for (size_t i = 0; i < sizeof subdirs / sizeof subdirs[0]; i++) {
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, subdirs[i]) >= (int)sizeof path) {
            continue;
        }
        load_dir(path, strcmp(subdirs[i], "synth") == 0 ? ".16k." : NULL, &all, &n);
    }
    if (n < RATE_HZ) {
        printf("rapport-bench-dsp-speed: no audio under %s: skipped\n", dir);
        free(all);
        return 0;
    }
    size_t n_hops = n / HOP;
    double audio_s = (double)(n_hops * HOP) / RATE_HZ;
    printf("rapport-bench-dsp-speed: %.1f s of 16 kHz speech in memory, hop 10 ms, one core, "
           "best of %d runs (thread CPU time)\n",
           audio_s, repeat);
    printf("%-62s %12s %14s\n", "engine", "x real time", "us per hop");
    double sink = 0.0;
    /* The default settings, then the spectrum on every quiet hop too, then scalar. */
    uint32_t flags[3] = {rp_cpu_flags(), rp_cpu_flags(), 0};
    uint32_t quiet[3] = {dsp_features_config_default().quiet_spectrum_hops, 1, 0};
    quiet[2] = quiet[0];
    for (int k = 0; k < (only_rapport ? 2 : 3); k++) {
        double best = 1e30;
        for (int r = 0; r < repeat; r++) {
            double t = run_rapport(all, n_hops, flags[k], quiet[k], &sink);
            best = t >= 0.0 && t < best ? t : best;
        }
        char name[128];
        snprintf(name, sizeof name, "rapport dsp_features, full set (%s%s)",
                 dsp_kernels_select(flags[k])->name,
                 quiet[k] == 1 ? ", spectrum every quiet hop" : " kernels");
        printf("%-62s %12.0f %14.2f\n", name, audio_s / best, best * 1e6 / (double)n_hops);
    }
    static const struct {
        const char *method;
        uint32_t win;
    } peers[] = {{"yinfast", 512}, {"yin", 512}};
    for (size_t k = 0; !only_rapport && k < sizeof peers / sizeof peers[0]; k++) {
        double best = 1e30;
        for (int r = 0; r < repeat; r++) {
            double t = run_aubio(peers[k].method, peers[k].win, all, n_hops, &sink);
            best = t >= 0.0 && t < best ? t : best;
        }
        char name[128];
        snprintf(name, sizeof name, "aubio %s, window %u (pitch only)", peers[k].method,
                 peers[k].win);
        printf("%-62s %12.0f %14.2f\n", name, audio_s / best, best * 1e6 / (double)n_hops);
    }
    printf("(checksum %g)\n", sink);
    free(all);
    return 0;
}
