/* bench/dsp/eval_dsp.c - rapport-eval-dsp: the accuracy figures of issue 3.
 *
 * Runs dsp_features over the evaluation speech folder (argument, default
 * ../shared/data/speech) and prints each figure beside the peers' figures from
 * the folder's MANIFEST.md: f0 gross pitch error (GPE) and voicing decision error
 * (VDE) against the FDA laryngograph, GPE against Praat tracks, GPE on the FDA
 * band-limited to 300-3400 Hz at 8 kHz, speaking rate on the espeak-ng files and
 * syllable counts on real speech with transcripts. Exits 0 with "skipped" when
 * the folder is absent. Usage: rapport-eval-dsp [--verbose] [SPEECH_DIR]
 */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "audio.h"
#include "common/alloc.h"
#include "dsp/features.h"

#define MAX_FRAMES 200000u

typedef struct track {
    float *f0; /* per 10 ms hop, 0 = unvoiced */
    size_t n;
    unsigned syllables;
    double duration_s;
} track;

typedef struct counts {
    unsigned long frames, vde_errors, both_voiced, gross;
} counts;

static int verbose;
static uint64_t g_allocs, g_hops; /* allocations seen during process/flush */

static int run_features(const bench_audio *a, track *t)
{
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = a->rate_hz;
    dsp_features *f = NULL;
    if (dsp_features_create(&cfg, &f) != 0) {
        return -1;
    }
    uint32_t hop = dsp_features_hop_samples(&cfg);
    size_t n_hops = a->n / hop;
    t->f0 = calloc(n_hops + 1u, sizeof(float));
    t->n = 0;
    t->syllables = 0;
    t->duration_s = (double)a->n / a->rate_hz;
    dsp_frame fr;
    uint64_t allocs0 = rp_alloc_count();
    for (size_t h = 0; h < n_hops; h++) {
        if (dsp_features_process(f, a->samples + h * hop, &fr) == 1) {
            t->f0[t->n++] = fr.f0_hz;
            t->syllables += fr.nucleus;
        }
    }
    while (dsp_features_flush(f, &fr) == 1) {
        t->f0[t->n++] = fr.f0_hz;
        t->syllables += fr.nucleus;
    }
    g_allocs += rp_alloc_count() - allocs0;
    g_hops += n_hops;
    dsp_features_destroy(&f);
    return 0;
}

/* Our f0 at time t (s): the hop whose centre is nearest. */
static float f0_at(const track *t, double time_s)
{
    long i = lround((time_s - 0.005) / 0.01);
    if (i < 0 || (size_t)i >= t->n) {
        return 0.0f;
    }
    return t->f0[i];
}

static void compare(counts *c, float ref, float ours)
{
    c->frames++;
    if ((ref > 0.0f) != (ours > 0.0f)) {
        c->vde_errors++;
    }
    if (ref > 0.0f && ours > 0.0f) {
        c->both_voiced++;
        if (fabsf(ours - ref) > 0.2f * ref) {
            c->gross++;
        }
    }
}

static double pct(unsigned long a, unsigned long b)
{
    return b ? 100.0 * (double)a / (double)b : 0.0;
}

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* FDA: laryngograph reference on a 15 ms grid; as MANIFEST.md states, frame k (the
 * k-th line, counted from 0) is centred at k*0.015 - 0.0075 s. */
static int eval_fda(const char *dir, uint32_t rate, int telephone, counts *c)
{
    static const char *names[] = {"rl001", "rl002", "rl003", "rl004", "rl005",
                                  "sb001", "sb002", "sb003", "sb004", "sb005"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        char wav[4096], ref[4096];
        snprintf(wav, sizeof wav, "%s/fda/%s.wav", dir, names[k]);
        snprintf(ref, sizeof ref, "%s/fda/%s.f0ref", dir, names[k]);
        bench_audio a;
        if (bench_audio_load(wav, rate, &a) != 0) {
            return -1;
        }
        if (telephone) {
            bench_audio_telephone_band(&a);
        }
        track t;
        run_features(&a, &t);
        bench_audio_free(&a);
        FILE *fp = fopen(ref, "r");
        if (fp == NULL) {
            free(t.f0);
            return -1;
        }
        counts one = {0, 0, 0, 0};
        double v;
        for (size_t i = 0; fscanf(fp, "%lf", &v) == 1; i++) {
            double time = (double)i * 0.015 - 0.0075;
            float ours = f0_at(&t, time);
            compare(c, (float)v, ours);
            compare(&one, (float)v, ours);
        }
        fclose(fp);
        if (verbose) {
            printf("  %s %s: GPE %.2f %% VDE %.2f %% (%lu frames)\n", names[k],
                   telephone ? "8k-tel" : "16k", pct(one.gross, one.both_voiced),
                   pct(one.vde_errors, one.frames), one.frames);
        }
        free(t.f0);
    }
    return 0;
}

/* Praat tracks: praat_f0/<set>__<name>.praat.csv for each real recording. */
static int eval_praat(const char *dir, counts *c)
{
    char pdir[4096];
    snprintf(pdir, sizeof pdir, "%s/praat_f0", dir);
    DIR *d = opendir(pdir);
    if (d == NULL) {
        return -1;
    }
    struct dirent *e;
    int files = 0;
    while ((e = readdir(d)) != NULL) {
        const char *sep = strstr(e->d_name, "__");
        const char *ext = strstr(e->d_name, ".praat.csv");
        if (sep == NULL || ext == NULL) {
            continue;
        }
        char set[256], name[256];
        snprintf(set, sizeof set, "%.*s", (int)(sep - e->d_name), e->d_name);
        snprintf(name, sizeof name, "%.*s", (int)(ext - sep - 2), sep + 2);
        if (strcmp(set, "fda_ue") == 0) {
            snprintf(set, sizeof set, "fda");
        }
        if (strcmp(set, "cmu_arctic") == 0) {
            snprintf(set, sizeof set, "arctic");
        }
        char wav[4096], csv[8192];
        snprintf(wav, sizeof wav, "%s/%s/%s.wav", dir, set, name);
        snprintf(csv, sizeof csv, "%s/%s", pdir, e->d_name);
        if (!file_exists(wav)) {
            fprintf(stderr, "no audio for %s\n", e->d_name);
            continue;
        }
        bench_audio a;
        if (bench_audio_load(wav, 0, &a) != 0) {
            continue;
        }
        track t;
        run_features(&a, &t);
        bench_audio_free(&a);
        FILE *fp = fopen(csv, "r");
        char line[256];
        counts one = {0, 0, 0, 0};
        while (fp != NULL && fgets(line, sizeof line, fp) != NULL) {
            double time, f0;
            if (sscanf(line, "%lf,%lf", &time, &f0) == 2) {
                float ours = f0_at(&t, time);
                compare(c, (float)f0, ours);
                compare(&one, (float)f0, ours);
            }
        }
        if (fp != NULL) {
            fclose(fp);
        }
        if (verbose) {
            printf("  %s/%s: GPE vs Praat %.2f %% (%lu both voiced), VDE vs Praat %.2f %%\n", set,
                   name, pct(one.gross, one.both_voiced), one.both_voiced,
                   pct(one.vde_errors, one.frames));
        }
        free(t.f0);
        files++;
    }
    closedir(d);
    return files > 0 ? 0 : -1;
}

typedef struct syl_file {
    const char *path;
    unsigned truth;
} syl_file;

static int count_syllables(const char *dir, const syl_file *files, size_t n, unsigned *found,
                           unsigned *truth)
{
    *found = 0;
    *truth = 0;
    for (size_t i = 0; i < n; i++) {
        char wav[4096];
        snprintf(wav, sizeof wav, "%s/%s", dir, files[i].path);
        bench_audio a;
        if (bench_audio_load(wav, 0, &a) != 0) {
            return -1;
        }
        track t;
        run_features(&a, &t);
        bench_audio_free(&a);
        if (verbose) {
            printf("  %s: %u syllables found, %u true\n", files[i].path, t.syllables,
                   files[i].truth);
        }
        *found += t.syllables;
        *truth += files[i].truth;
        free(t.f0);
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/data/speech";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) {
            verbose = 1;
        } else if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport-eval-dsp [--verbose] [SPEECH_DIR]\n"
                   "Prints the dsp/ accuracy figures of issue 3 beside the peers'.\n"
                   "SPEECH_DIR defaults to ../shared/data/speech.\n");
            return 0;
        } else {
            dir = argv[i];
        }
    }
    char manifest[4096];
    snprintf(manifest, sizeof manifest, "%s/MANIFEST.md", dir);
    if (!file_exists(manifest)) {
        printf("rapport-eval-dsp: %s not found (no evaluation data): skipped\n", dir);
        return 0;
    }
    printf("rapport-eval-dsp over %s (hop 10 ms; GPE = frames voiced in both with f0 off by "
           "> 20 %%)\n\n",
           dir);
    printf("%-58s %-28s %-10s %s\n", "measure", "peer (MANIFEST)", "target", "rapport");
    int bad = 0;

    counts c16 = {0, 0, 0, 0};
    if (eval_fda(dir, 16000, 0, &c16) == 0) {
        printf("%-58s %-28s %-10s %.2f %%\n", "f0 gross pitch error vs laryngograph (fda/, 16k)",
               "Praat 0.53 %, aubio 1.82 %", "<= 0.5 %", pct(c16.gross, c16.both_voiced));
        printf("%-58s %-28s %-10s %.2f %%\n", "voicing decision error vs laryngograph (fda/)",
               "Praat 5.55 %, aubio 14.6 %", "<= 5.5 %", pct(c16.vde_errors, c16.frames));
    } else {
        bad = 1;
    }
    counts cp = {0, 0, 0, 0};
    if (eval_praat(dir, &cp) == 0) {
        printf("%-58s %-28s %-10s %.2f %%\n",
               "f0 gross error vs Praat tracks, every real recording", "aubio 2.45 %", "<= 1.5 %",
               pct(cp.gross, cp.both_voiced));
    } else {
        bad = 1;
    }
    counts c8 = {0, 0, 0, 0};
    if (eval_fda(dir, 8000, 1, &c8) == 0) {
        printf("%-58s %-28s %-10s %.2f %% (VDE %.2f %%)\n",
               "f0 gross error vs laryngograph, fda/ 300-3400 Hz at 8 kHz", "-", "<= 2 %",
               pct(c8.gross, c8.both_voiced), pct(c8.vde_errors, c8.frames));
    } else {
        bad = 1;
    }

    static const char *synth[] = {"en-us_s120_p50.16k", "en-us_s120_p50.8k", "en-us_s160_p30.16k",
                                  "en-us_s160_p50.16k", "en-us_s160_p50.8k", "en-us_s160_p70.16k",
                                  "en-us_s200_p50.16k", "en-us_s200_p50.8k", "en-us_s240_p50.16k",
                                  "en-us_s240_p50.8k"};
    double worst = 0.0;
    for (size_t i = 0; i < sizeof synth / sizeof synth[0]; i++) {
        char wav[4096];
        snprintf(wav, sizeof wav, "%s/synth/%s.wav", dir, synth[i]);
        bench_audio a;
        if (bench_audio_load(wav, 0, &a) != 0) {
            bad = 1;
            continue;
        }
        track t;
        run_features(&a, &t);
        bench_audio_free(&a);
        double truth = 53.0 / t.duration_s, ours = t.syllables / t.duration_s;
        double err = 100.0 * (ours - truth) / truth;
        if (fabs(err) > fabs(worst)) {
            worst = err;
        }
        if (verbose) {
            printf("  synth/%s: %u syllables, %.2f syl/s (truth %.2f), error %+.1f %%\n", synth[i],
                   t.syllables, ours, truth, err);
        }
        free(t.f0);
    }
    printf("%-58s %-28s %-10s worst %+.1f %%\n",
           "speaking rate on synth/ (truth 53 syll / duration)", "Praat nuclei: a few %",
           "5 % each", worst);

    static const syl_file arctic[] = {
        {"arctic/cmu_arctic_us_aew_a0001.wav", 14}, {"arctic/cmu_arctic_us_aew_a0002.wav", 16},
        {"arctic/cmu_arctic_us_aew_a0003.wav", 14}, {"arctic/cmu_arctic_us_axb_a0004.wav", 10},
        {"arctic/cmu_arctic_us_axb_a0005.wav", 7},  {"arctic/cmu_arctic_us_axb_a0006.wav", 14}};
    static const syl_file osr[] = {{"osr8k/OSR_us_000_0034_8k.wav", 83}};
    unsigned found, truth;
    if (count_syllables(dir, arctic, sizeof arctic / sizeof arctic[0], &found, &truth) == 0) {
        printf("%-58s %-28s %-10s %u / %u = %+.1f %%\n", "syllable count, arctic/",
               "Praat nuclei: -5 to -24 %", "10 %", found, truth,
               100.0 * ((double)found - truth) / truth);
    } else {
        bad = 1;
    }
    if (count_syllables(dir, osr, 1, &found, &truth) == 0) {
        printf("%-58s %-28s %-10s %u / %u = %+.1f %%\n", "syllable count, osr8k/ (8 kHz telephone)",
               "Praat nuclei: -5 to -24 %", "10 %", found, truth,
               100.0 * ((double)found - truth) / truth);
    } else {
        bad = 1;
    }
    dsp_features_config cfg = dsp_features_config_default();
    printf("%-58s %-28s %-10s %zu bytes (16 kHz)\n", "memory per channel state", "-", "<= 16 KiB",
           dsp_features_size(&cfg));
    cfg.sample_rate_hz = 8000;
    printf("%-58s %-28s %-10s %zu bytes (8 kHz)\n", "", "", "", dsp_features_size(&cfg));
    printf("%-58s %-28s %-10s %zu bytes (one per thread, shared by its channels)\n",
           "  + workspace: FFT plans, tables, per-hop scratch", "-", "-", dsp_workspace_size(&cfg));
    printf("%-58s %-28s %-10s %u ms\n", "pitch/feature latency (window + Viterbi lookahead)", "-",
           "-", 10u * dsp_features_latency_hops(&cfg));
    if (rp_alloc_hooks_enabled()) {
        printf("%-58s %-28s %-10s %llu in %llu hops\n", "allocations after create (counted)", "-",
               "0", (unsigned long long)g_allocs, (unsigned long long)g_hops);
    }
    printf("\nspeed: see rapport-bench-dsp-speed (measured beside aubio in one run)\n");
    return bad ? 1 : 0;
}
