/* bench/cmd_accuracy.c - `rapport-bench accuracy`: every role-play scenario through
 * the engine's call pipeline in-process, scored per cue and escalation type. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/accuracy.h"
#include "bench/bench.h"
#include "bench/scenario.h"
#include "bench/synth.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "engine/playbook.h"

#ifndef RP_BENCH_SCENARIOS
#define RP_BENCH_SCENARIOS "bench/scenarios"
#endif
#ifndef RP_BENCH_CACHE
#define RP_BENCH_CACHE "bench-cache"
#endif

#define MAX_FILES 1024

typedef struct acc_opts {
    const char *dir, *cache, *playbook, *only;
    bool json, verbose, strict;
} acc_opts;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport-bench accuracy [--format text|json] [--scenarios DIR] [--cache DIR]\n"
            "                              [--no-cache] [--playbook FILE] [--only ID[,ID...]]\n"
            "                              [--verbose] [--strict]\n\n"
            "Synthesises every role-play scenario (DIR/*.yaml, docs/bench.md) with espeak-ng,\n"
            "runs it through the engine's call pipeline in-process (fast, deterministic) and\n"
            "prints, per cue and escalation type: precision, recall, detection delay p50/p95\n"
            "from the scripted moment; and false alerts per call-hour on the calm controls.\n\n"
            "  --scenarios DIR  default %s\n"
            "  --cache DIR      synthesised audio, keyed by each file's hash; default\n"
            "                   %s\n"
            "  --playbook FILE  thresholds (docs/playbook.md); default built in\n"
            "  --only IDS       just these scenarios (by id)\n"
            "  --verbose        every detection of every scenario\n"
            "  --strict         exit 1 when any scenario misses an expectation or raises a\n"
            "                   false alert\n",
            RP_BENCH_SCENARIOS, RP_BENCH_CACHE);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario files of dir, sorted; NULL on error (reported). */
static char **list_files(const char *dir, size_t *n)
{
    *n = 0;
    DIR *d = opendir(dir);
    if (d == NULL) {
        fprintf(stderr, "rapport-bench accuracy: cannot open %s\n", dir);
        return NULL;
    }
    char **files = rp_calloc(MAX_FILES, sizeof *files);
    struct dirent *e;
    while (files != NULL && (e = readdir(d)) != NULL && *n < MAX_FILES) {
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.' || len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0) {
            continue;
        }
        size_t cap = strlen(dir) + len + 2;
        files[*n] = rp_malloc(cap);
        if (files[*n] == NULL) {
            break;
        }
        snprintf(files[*n], cap, "%s/%s", dir, e->d_name);
        (*n)++;
    }
    closedir(d);
    if (files != NULL) {
        qsort(files, *n, sizeof *files, cmp_str);
    }
    return files;
}

static bool wanted(const char *only, const char *id)
{
    if (only == NULL) {
        return true;
    }
    size_t len = strlen(id);
    for (const char *p = only; *p;) {
        const char *comma = strchr(p, ',');
        size_t l = comma != NULL ? (size_t)(comma - p) : strlen(p);
        if (l == len && strncmp(p, id, l) == 0) {
            return true;
        }
        p += l + (comma != NULL);
    }
    return false;
}

static const char *kind_name(bench_check_kind k)
{
    return k == BENCH_CHECK_CUE ? "cue" : "escalation";
}

static void json_num(double v)
{
    if (isnan(v)) {
        fputs("null", stdout);
    } else {
        printf("%.4g", v);
    }
}

static void report_scenario(const acc_opts *o, const bench_scenario *sc, const bench_result *r,
                            bool first)
{
    bool ok = r->met == r->expected && r->false_pos == 0;
    if (o->json) {
        printf("%s{\"id\":\"%s\",\"duration_s\":%.2f,\"calm\":%s,\"expected\":%zu,\"met\":%zu,"
               "\"false_alerts\":%zu,\"passed\":%s,\"missed\":[",
               first ? "" : ",", sc->id, r->duration_s, r->calm ? "true" : "false", r->expected,
               r->met, r->false_pos, ok ? "true" : "false");
        bool f = true;
        for (size_t i = 0; i < sc->n_checks; i++) {
            const bench_check *k = &sc->checks[i];
            if (k->role == BENCH_EXPECT && isnan(r->first_s[i])) {
                printf("%s{\"%s\":\"%s\",\"line\":%d,\"within\":[%.2f,%.2f]}", f ? "" : ",",
                       kind_name(k->kind), bench_check_name(k), k->line, k->abs_t0_s, k->abs_t1_s);
                f = false;
            }
        }
        fputs("],\"detections\":[", stdout);
        for (size_t j = 0; j < r->n_det; j++) {
            const bench_detection *d = &r->det[j];
            printf("%s{\"%s\":\"%s\",\"t_s\":%.3f,\"false\":%s}", j ? "," : "", kind_name(d->kind),
                   bench_type_name(bench_type_row(d->kind, d->type)), d->t_s,
                   d->false_pos ? "true" : "false");
        }
        fputs("]}", stdout);
        return;
    }
    printf("%-28s %6.1f s  %s  expected %zu, met %zu, false %zu%s\n", sc->id, r->duration_s,
           ok ? "ok  " : "FAIL", r->expected, r->met, r->false_pos, r->calm ? "  (calm)" : "");
    for (size_t i = 0; i < sc->n_checks; i++) {
        const bench_check *k = &sc->checks[i];
        if (k->role == BENCH_EXPECT && isnan(r->first_s[i])) {
            printf("    missed  %s %s (line %d) in %.1f..%.1f s\n", kind_name(k->kind),
                   bench_check_name(k), k->line, k->abs_t0_s, k->abs_t1_s);
        }
    }
    for (size_t j = 0; j < r->n_det; j++) {
        const bench_detection *d = &r->det[j];
        if (d->false_pos || o->verbose) {
            printf("    %s %s %s at %.2f s\n", d->false_pos ? "false " : "raised",
                   kind_name(d->kind), bench_type_name(bench_type_row(d->kind, d->type)), d->t_s);
        }
    }
}

static void report_rows(const acc_opts *o, const bench_tally *t)
{
    if (!o->json) {
        printf("\n%-22s %-10s %9s %7s %4s %4s %8s %10s %10s\n", "type", "kind", "precision",
               "recall", "tp", "fp", "expected", "delay p50", "delay p95");
    }
    bool first = true;
    for (size_t i = 0; i < BENCH_N_TYPES; i++) {
        const bench_row *w = &t->row[i];
        double prec = w->tp + w->fp > 0 ? (double)w->tp / (double)(w->tp + w->fp) : NAN;
        double rec = w->expected > 0 ? (double)w->met / (double)w->expected : NAN;
        double p50 = bench_row_delay(w, 0.5), p95 = bench_row_delay(w, 0.95);
        const char *kind = i < PROTO_CUE_COUNT ? "cue" : "escalation";
        if (o->json) {
            printf("%s{\"type\":\"%s\",\"kind\":\"%s\",\"precision\":", first ? "" : ",",
                   bench_type_name(i), kind);
            json_num(prec);
            fputs(",\"recall\":", stdout);
            json_num(rec);
            printf(",\"tp\":%u,\"fp\":%u,\"expected\":%u,\"met\":%u,\"delay_p50_ms\":", w->tp,
                   w->fp, w->expected, w->met);
            json_num(p50 * 1000.0);
            fputs(",\"delay_p95_ms\":", stdout);
            json_num(p95 * 1000.0);
            fputs("}", stdout);
            first = false;
            continue;
        }
        char ps[16] = "-", rs[16] = "-", d50[16] = "-", d95[16] = "-";
        if (!isnan(prec)) {
            snprintf(ps, sizeof ps, "%.2f", prec);
        }
        if (!isnan(rec)) {
            snprintf(rs, sizeof rs, "%.2f", rec);
        }
        if (!isnan(p50)) {
            snprintf(d50, sizeof d50, "%.0f ms", p50 * 1000.0);
            snprintf(d95, sizeof d95, "%.0f ms", p95 * 1000.0);
        }
        printf("%-22s %-10s %9s %7s %4u %4u %8u %10s %10s\n", bench_type_name(i), kind, ps, rs,
               w->tp, w->fp, w->expected, d50, d95);
    }
}

int bench_accuracy_main(int argc, char **argv)
{
    acc_opts o = {RP_BENCH_SCENARIOS, RP_BENCH_CACHE, NULL, NULL, false, false, false};
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--format") == 0 && has &&
                   (strcmp(argv[i + 1], "json") == 0 || strcmp(argv[i + 1], "text") == 0)) {
            o.json = strcmp(argv[++i], "json") == 0;
        } else if (strcmp(a, "--scenarios") == 0 && has) {
            o.dir = argv[++i];
        } else if (strcmp(a, "--cache") == 0 && has) {
            o.cache = argv[++i];
        } else if (strcmp(a, "--no-cache") == 0) {
            o.cache = NULL;
        } else if (strcmp(a, "--playbook") == 0 && has) {
            o.playbook = argv[++i];
        } else if (strcmp(a, "--only") == 0 && has) {
            o.only = argv[++i];
        } else if (strcmp(a, "--verbose") == 0) {
            o.verbose = true;
        } else if (strcmp(a, "--strict") == 0) {
            o.strict = true;
        } else {
            fprintf(stderr, "rapport-bench accuracy: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    char err[RP_ERR_LEN];
    eng_playbook *pb = NULL;
    if (eng_playbook_load(o.playbook, &pb, err) != RP_OK) {
        fprintf(stderr, "rapport-bench accuracy: %s\n", err);
        return 1;
    }
    nlp_analyzer *an = NULL;
    size_t n_files = 0;
    char **files = list_files(o.dir, &n_files);
    bench_tally *t = rp_calloc(1, sizeof *t);
    int rc = 0;
    if (files == NULL || t == NULL || nlp_analyzer_create(NULL, &an) != RP_OK) {
        rc = 1;
    }
    if (rc == 0 && n_files == 0) {
        fprintf(stderr, "rapport-bench accuracy: no *.yaml scenarios in %s\n", o.dir);
        rc = 1;
    }
    if (rc == 0 && o.json) {
        printf("{\"scenarios\":[");
    }
    uint64_t t_start = rp_clock_mono_ns();
    double synth_s = 0.0, run_s = 0.0;
    for (size_t f = 0; rc == 0 && f < n_files; f++) {
        bench_scenario *sc = NULL;
        if (bench_scenario_load(files[f], &sc, err) != RP_OK) {
            fprintf(stderr, "rapport-bench accuracy: %s\n", err);
            rc = 1;
            break;
        }
        if (!wanted(o.only, sc->id)) {
            bench_scenario_free(&sc);
            continue;
        }
        bench_audio au;
        uint64_t t0 = rp_clock_mono_ns();
        if (bench_synth(sc, o.cache, &au, err) != RP_OK) {
            fprintf(stderr, "rapport-bench accuracy: %s\n", err);
            bench_audio_free(&au);
            bench_scenario_free(&sc);
            rc = 1;
            break;
        }
        uint64_t t1 = rp_clock_mono_ns();
        eng_rules rules;
        eng_playbook_rules(pb, sc->queue[0] ? sc->queue : NULL, strlen(sc->queue), &rules);
        bench_result r;
        if (bench_run(sc, &au, &rules, an, &r, err) != RP_OK) {
            fprintf(stderr, "rapport-bench accuracy: %s\n", err);
            rc = 1;
        } else {
            run_s += (double)(rp_clock_mono_ns() - t1) / 1e9;
            synth_s += (double)(t1 - t0) / 1e9;
            report_scenario(&o, sc, &r, t->scenarios == 0);
            bench_tally_add(t, sc, &r);
            bench_result_free(&r);
        }
        bench_audio_free(&au);
        bench_scenario_free(&sc);
    }
    if (rc == 0 && t->scenarios == 0) {
        fprintf(stderr, "rapport-bench accuracy: no scenario in %s matched --only %s\n", o.dir,
                o.only != NULL ? o.only : "");
        rc = 1;
    }
    if (rc == 0) {
        double per_hour = t->calm_s > 0.0 ? t->calm_alerts / (t->calm_s / 3600.0) : NAN;
        if (o.json) {
            printf("],\"types\":[");
            report_rows(&o, t);
            printf("],\"calm\":{\"alerts\":%u,\"call_s\":%.1f,\"per_call_hour\":", t->calm_alerts,
                   t->calm_s);
            json_num(per_hour);
            printf("},\"scenarios_run\":%u,\"passed\":%u,\"call_s\":%.1f,\"synth_s\":%.2f,"
                   "\"engine_s\":%.2f}\n",
                   t->scenarios, t->passed, t->total_s, synth_s, run_s);
        } else {
            report_rows(&o, t);
            printf("\ncalm controls: %u false alerts in %.1f call-minutes = %.1f per call-hour\n",
                   t->calm_alerts, t->calm_s / 60.0, per_hour);
            printf("scenarios: %u of %u passed; %.1f call-minutes in %.2f s (synthesis or cache "
                   "%.2f s, engine %.2f s)\n",
                   t->passed, t->scenarios, t->total_s / 60.0,
                   (double)(rp_clock_mono_ns() - t_start) / 1e9, synth_s, run_s);
        }
        if (o.strict && t->passed != t->scenarios) {
            rc = 1;
        }
    }
    for (size_t f = 0; files != NULL && f < n_files; f++) {
        rp_free(files[f]);
    }
    rp_free(files);
    rp_free(t);
    nlp_analyzer_destroy(&an);
    eng_playbook_destroy(&pb);
    bench_synth_shutdown();
    return rc;
}
