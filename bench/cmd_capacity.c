/* bench/cmd_capacity.c - `rapport-bench capacity`: load steps at a rising call count
 * (geometric or linear, then bisection) until the engine falls behind; prints the
 * highest count sustained and the calls per engine core, and writes one CSV row
 * per step. Each step runs a fresh rapportd (docs/bench.md says why). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/bench.h"
#include "bench/capacity.h"
#include "bench/load.h"
#include "bench/synth.h"
#include "common/parse.h"
#include "common/status.h"

#ifndef RP_BENCH_CACHE
#define RP_BENCH_CACHE "bench-cache"
#endif

#define MAX_STEPS 64 /* steps kept for the report; the ramp's own cap is lower */

typedef struct cap_opts {
    bench_ramp_config ramp;
    bench_limits lim;
    bench_load_config load;
    uint32_t rate;
    const char *csv, *scenario, *cache;
    bool json;
} cap_opts;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport-bench capacity [--start N] [--step N | --factor F] [--max N]\n"
            "                              [--duration S] [--workers W] [--csv FILE]\n"
            "                              [--format text|json] [--max-p99-ms MS]\n"
            "                              [--scenario FILE|DIR] [--cache DIR | --no-cache]\n"
            "                              [--rate 8000|16000] [--engine PATH]\n\n"
            "Runs `load` steps, each against a fresh rapportd, at a rising number of\n"
            "concurrent calls (x F, or + N with --step) until the engine falls behind, then\n"
            "bisects between the last count sustained and the first that failed (to 5%%).\n"
            "Prints the highest count sustained, the engine's cores (workers and measured\n"
            "CPU) and calls per engine core; writes a CSV with one row per step.\n\n"
            "Fell behind: frames dropped or calls refused, latency p99 (frame arrival to\n"
            "output published) or the backlog of unprocessed audio above --max-p99-ms, or\n"
            "frames still unprocessed 5 s after the calls. The generator shares the machine:\n"
            "when more than 1%% of its 20 ms ticks start late or it is busy more than 95%% of\n"
            "the time, the step is \"generator behind\" and the ramp stops there (the count\n"
            "sustained is then a lower bound).\n\n"
            "  --start N        first step (default 50)\n"
            "  --factor F       geometric ramp factor, 1 < F <= 100 (default 2)\n"
            "  --step N         linear ramp instead: + N calls per step\n"
            "  --max N          never more calls (default 100000)\n"
            "  --duration S     seconds per step (default 10)\n"
            "  --workers W      rapportd --workers (default: rapportd's, one per core)\n"
            "  --max-p99-ms MS  latency and backlog limit (default 100)\n"
            "  --csv FILE       the steps as CSV (docs/bench.md lists the columns)\n"
            "  --scenario, --cache, --no-cache, --rate, --engine: as for `load`\n"
            "Exit 0 when some count was sustained, 3 when none, 1 error, 2 usage.\n");
}

static bool parse_double(const char *s, double lo, double hi, double *out)
{
    if (s == NULL || *s == '\0') {
        return false;
    }
    char *end = NULL;
    errno = 0;
    double v = strtod(s, &end);
    if (errno != 0 || end == NULL || *end != '\0' || !(v >= lo && v <= hi)) {
        return false;
    }
    *out = v;
    return true;
}

/* Parses argv into o. 0 ok, 1 --help printed, 2 usage error (reported). */
static int parse_args(int argc, char **argv, cap_opts *o)
{
    o->ramp = bench_ramp_config_default();
    o->lim = bench_limits_default();
    memset(&o->load, 0, sizeof o->load);
    o->load.duration_s = 10;
    o->load.engine = bench_default_engine();
    o->rate = 16000;
    o->csv = NULL;
    o->scenario = NULL;
    o->cache = RP_BENCH_CACHE;
    o->json = false;
    bool step_given = false, factor_given = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        bool ok = v != NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 1;
        } else if (strcmp(a, "--start") == 0) {
            ok = ok && rp_parse_u32(v, 1, 100000, &o->ramp.start);
        } else if (strcmp(a, "--step") == 0) {
            ok = ok && rp_parse_u32(v, 1, 100000, &o->ramp.step);
            step_given = true;
        } else if (strcmp(a, "--factor") == 0) {
            ok = ok && parse_double(v, 1.0001, 100.0, &o->ramp.factor);
            factor_given = true;
        } else if (strcmp(a, "--max") == 0) {
            ok = ok && rp_parse_u32(v, 1, 100000, &o->ramp.max);
        } else if (strcmp(a, "--duration") == 0) {
            ok = ok && rp_parse_u32(v, 1, 3600, &o->load.duration_s);
        } else if (strcmp(a, "--workers") == 0) {
            ok = ok && rp_parse_u32(v, 1, 256, &o->load.workers);
        } else if (strcmp(a, "--max-p99-ms") == 0) {
            ok = ok && parse_double(v, 1.0, 60000.0, &o->lim.max_p99_ms);
        } else if (strcmp(a, "--rate") == 0) {
            ok = ok && rp_parse_u32(v, 8000, 16000, &o->rate) &&
                 (o->rate == 8000 || o->rate == 16000);
        } else if (strcmp(a, "--format") == 0) {
            ok = ok && (strcmp(v, "json") == 0 || strcmp(v, "text") == 0);
            o->json = ok && strcmp(v, "json") == 0;
        } else if (strcmp(a, "--csv") == 0) {
            o->csv = v;
        } else if (strcmp(a, "--scenario") == 0) {
            o->scenario = v;
        } else if (strcmp(a, "--cache") == 0) {
            o->cache = v;
        } else if (strcmp(a, "--engine") == 0) {
            o->load.engine = ok ? v : o->load.engine;
        } else if (strcmp(a, "--no-cache") == 0) {
            o->cache = NULL;
            continue;
        } else {
            ok = false;
        }
        if (!ok) {
            fprintf(stderr,
                    "rapport-bench capacity: unknown, incomplete or out-of-range option '%s'\n", a);
            usage(stderr);
            return 2;
        }
        i++;
    }
    char why[RP_ERR_LEN];
    if (step_given && factor_given) {
        fprintf(stderr, "rapport-bench capacity: --step and --factor exclude each other\n");
        return 2;
    }
    if (bench_ramp_config_check(&o->ramp, why) != RP_OK) {
        fprintf(stderr, "rapport-bench capacity: %s\n", why);
        return 2;
    }
    return 0;
}

static void print_header(const cap_opts *o, const bench_load_set *set)
{
    printf("capacity: %s; %u s steps, rapportd workers %s%u, fell behind = drops, refusals, "
           "or p99/backlog > %.0f ms\n",
           bench_load_set_describe(set), o->load.duration_s, o->load.workers ? "" : "default ",
           o->load.workers ? o->load.workers : (uint32_t)sysconf(_SC_NPROCESSORS_ONLN),
           o->lim.max_p99_ms);
    printf("%4s %6s %-16s %7s %7s %7s %7s %7s %9s %8s %8s %7s %7s %7s  %s\n", "step", "calls",
           "verdict", "p50 ms", "p99 ms", "lag ms", "cores", "thread", "s/callmin", "KiB/call",
           "gen cpu", "gen %", "others", "wait %", "why");
}

static void print_row(uint32_t i, const bench_step *s, bench_verdict v, const char *why)
{
    printf("%4u %6u %-16s %7.2f %7.2f %7.1f %7.2f %7.2f %9.4f %8.1f %8.2f %7.0f %7.2f %7.0f  %s\n",
           i, s->calls, bench_verdict_name(v), s->latency_p50_us / 1000.0,
           s->latency_p99_us / 1000.0, s->max_lag_ms, bench_step_engine_cores(s),
           s->busiest_thread_cores, bench_step_cpu_per_call_min(s), bench_step_kib_per_call(s),
           s->generator_cpu_s, s->generator_busy * 100.0, s->others_cpu_s / s->duration_s,
           s->cpu_pressure * 100.0, why);
    fflush(stdout);
}

typedef struct outcome {
    const bench_step *best;  /* the sustained step; NULL when none */
    const bench_step *worst; /* the lowest count that fell behind; NULL when none */
    double worst_cpu_cores;  /* engine + generator + other processes' cores in that step */
    double cores, per_core, per_worker, machine_cores;
} outcome;

static outcome summarise(const bench_ramp *r, const bench_step *steps, uint32_t n)
{
    outcome out = {NULL, NULL, 0, 0, 0, 0, (double)sysconf(_SC_NPROCESSORS_ONLN)};
    for (uint32_t i = 0; i < n; i++) {
        if (steps[i].calls == r->sustained && r->sustained > 0) {
            out.best = &steps[i];
        }
        if (steps[i].calls == r->failed && r->failed > 0) {
            out.worst = &steps[i];
            double d = steps[i].duration_s > 0 ? steps[i].duration_s : 1.0;
            out.worst_cpu_cores = bench_step_engine_cores(&steps[i]) +
                                  (steps[i].generator_cpu_s + steps[i].others_cpu_s) / d;
        }
    }
    if (out.best != NULL) {
        out.cores = bench_step_engine_cores(out.best);
        out.per_core = out.cores > 0 ? out.best->calls / out.cores : 0;
        out.per_worker = out.best->workers > 0 ? (double)out.best->calls / out.best->workers : 0;
    }
    return out;
}

static void print_json(const cap_opts *o, const bench_load_set *set, const bench_ramp *r,
                       const bench_step *steps, const bench_verdict *verdicts, uint32_t n,
                       const outcome *oc)
{
    fputs("{\"source\":\"", stdout);
    bench_json_text(stdout, bench_load_set_describe(set));
    printf("\",\"duration_s\":%u,\"max_p99_ms\":%.1f,\"end\":\"%s\",\"sustained_calls\":%u,"
           "\"failed_calls\":%u,",
           o->load.duration_s, o->lim.max_p99_ms, bench_ramp_end_name(r->end), r->sustained,
           r->failed);
    if (oc->best != NULL) {
        printf("\"workers\":%u,\"engine_cores\":%.3f,\"calls_per_engine_core\":%.1f,"
               "\"calls_per_worker\":%.1f,\"cpu_s_per_call_min\":%.5f,\"kib_per_call\":%.1f,"
               "\"latency_p99_us\":%.0f,\"generator_cpu_cores\":%.3f,",
               oc->best->workers, oc->cores, oc->per_core, oc->per_worker,
               bench_step_cpu_per_call_min(oc->best), bench_step_kib_per_call(oc->best),
               oc->best->latency_p99_us, oc->best->generator_cpu_s / oc->best->duration_s);
    }
    printf("\"machine_cores\":%.0f,\"machine_cores_used_at_failed\":%.3f,\"steps\":[",
           oc->machine_cores, oc->worst_cpu_cores);
    for (uint32_t i = 0; i < n; i++) {
        const bench_step *s = &steps[i];
        printf("%s{\"calls\":%u,\"verdict\":\"%s\",\"latency_p50_us\":%.0f,"
               "\"latency_p99_us\":%.0f,\"latency_p999_us\":%.0f,\"processing_p99_us\":%.0f,"
               "\"max_lag_ms\":%.1f,\"dropped\":%.0f,\"frames_sent\":%llu,"
               "\"frames_processed\":%.0f,\"engine_cores\":%.3f,\"cpu_s_per_call_min\":%.5f,"
               "\"kib_per_call\":%.1f,\"generator_cpu_s\":%.3f,\"generator_busy\":%.3f,"
               "\"busiest_thread\":\"%s\",\"busiest_thread_cores\":%.3f,\"others_cpu_s\":%.3f,"
               "\"cpu_pressure\":%.3f}",
               i ? "," : "", s->calls, bench_verdict_name(verdicts[i]), s->latency_p50_us,
               s->latency_p99_us, s->latency_p999_us, s->processing_p99_us, s->max_lag_ms,
               s->dropped, (unsigned long long)s->frames_sent, s->frames_processed,
               bench_step_engine_cores(s), bench_step_cpu_per_call_min(s),
               bench_step_kib_per_call(s), s->generator_cpu_s, s->generator_busy, s->busiest_thread,
               s->busiest_thread_cores, s->others_cpu_s, s->cpu_pressure);
    }
    puts("]}");
}

static void print_summary(const bench_ramp *r, const outcome *oc)
{
    const bench_step *b = oc->best;
    switch (r->end) {
    case BENCH_RAMP_FOUND:
        printf("bisection closed: %u calls kept up, %u fell behind\n", r->sustained, r->failed);
        break;
    case BENCH_RAMP_AT_MAX:
        printf("--max reached: the engine kept up at %u calls; its capacity is higher\n",
               r->sustained);
        break;
    case BENCH_RAMP_GENERATOR:
        printf("the load generator fell behind before the engine did: %u calls is a lower "
               "bound (the generator shares the cores; see docs/bench.md)\n",
               r->sustained);
        break;
    case BENCH_RAMP_STEPS:
        printf("step cap reached before the bisection closed (%u kept up, %u fell behind)\n",
               r->sustained, r->failed);
        break;
    case BENCH_RAMP_ERROR:
        printf("%s\n",
               bench_load_interrupted() ? "interrupted; stopped" : "a step did not run; stopped");
        break;
    case BENCH_RAMP_NONE:
    case BENCH_RAMP_RUNNING:
        break;
    }
    if (oc->worst != NULL && oc->worst_cpu_cores >= 0.85 * oc->machine_cores) {
        printf("at %u calls the engine, the generator and other processes used %.2f of the "
               "machine's %.0f cores: the machine was full, not only the engine\n",
               oc->worst->calls, oc->worst_cpu_cores, oc->machine_cores);
    }
    if (oc->worst != NULL && oc->worst->others_cpu_s / oc->worst->duration_s > 0.25) {
        printf("other processes used %.2f cores during the failed step (tasks waited for a CPU "
               "%.0f%% of the time): on a quiet machine the engine would carry more\n",
               oc->worst->others_cpu_s / oc->worst->duration_s, oc->worst->cpu_pressure * 100.0);
    }
    if (b != NULL) {
        printf("at %u calls: engine %.2f cores of CPU (workers %u; busiest thread %s %.2f), "
               "%.4f CPU s per call-minute, %.1f KiB per call, latency p99 %.1f ms; generator "
               "%.2f cores; machine %.0f cores\n",
               b->calls, oc->cores, b->workers, b->busiest_thread, b->busiest_thread_cores,
               bench_step_cpu_per_call_min(b), bench_step_kib_per_call(b),
               b->latency_p99_us / 1000.0, b->generator_cpu_s / b->duration_s, oc->machine_cores);
        printf("capacity: %u calls sustained (%.0f per engine core measured, %.0f per worker)\n",
               r->sustained, oc->per_core, oc->per_worker);
    } else {
        printf("capacity: 0 calls sustained (%s)\n", bench_ramp_end_name(r->end));
    }
}

int bench_capacity_main(int argc, char **argv)
{
    cap_opts o;
    int prc = parse_args(argc, argv, &o);
    if (prc != 0) {
        return prc == 1 ? 0 : 2;
    }
    if (access(o.load.engine, X_OK) != 0) {
        fprintf(stderr, "rapport-bench capacity: rapportd not found (use --engine PATH)\n");
        return 1;
    }
    FILE *csv = NULL;
    if (o.csv != NULL) {
        csv = fopen(o.csv, "w");
        if (csv == NULL || bench_capacity_csv_header(csv) != RP_OK) {
            fprintf(stderr, "rapport-bench capacity: cannot write %s: %s\n", o.csv,
                    strerror(errno));
            if (csv != NULL) {
                fclose(csv);
            }
            return 1;
        }
    }
    bench_load_set *set = NULL;
    char err[RP_ERR_LEN];
    int rc = o.scenario != NULL ? bench_load_set_scenarios(o.scenario, o.cache, &set, err)
                                : bench_load_set_pattern(o.rate, &set);
    bench_synth_shutdown();
    if (rc != RP_OK) {
        fprintf(stderr, "rapport-bench capacity: %s\n", o.scenario != NULL ? err : "out of memory");
        if (csv != NULL) {
            fclose(csv);
        }
        return 1;
    }
    o.load.set = set;
    bool tty = isatty(STDERR_FILENO);
    if (!o.json) {
        print_header(&o, set);
    }
    static bench_step steps[MAX_STEPS];
    static bench_verdict verdicts[MAX_STEPS];
    uint32_t n = 0, calls = 0;
    bench_ramp r;
    if (o.ramp.max_steps > MAX_STEPS) {
        o.ramp.max_steps = MAX_STEPS;
    }
    bench_ramp_init(&r, &o.ramp);
    bool io_error = false;
    while (bench_ramp_next(&r, &calls)) {
        char prefix[64], why[160];
        snprintf(prefix, sizeof prefix, "  step %u, %u calls: ", n + 1, calls);
        o.load.calls = calls;
        o.load.progress = tty ? prefix : NULL;
        bench_step *s = &steps[n];
        int src = bench_load_step(&o.load, s);
        bench_verdict v =
            src == RP_OK ? bench_step_judge(s, &o.lim, why, sizeof why) : BENCH_STEP_FAILED;
        if (src != RP_OK) {
            snprintf(why, sizeof why, "%s", bench_load_interrupted() ? "interrupted" : "error");
        }
        verdicts[n] = v;
        n++;
        if (!o.json) {
            print_row(n, s, v, why);
        }
        if (csv != NULL && (bench_capacity_csv_row(csv, n, s, v) != RP_OK || fflush(csv) != 0)) {
            io_error = true;
        }
        bench_ramp_record(&r, v);
        if (bench_load_interrupted()) {
            break;
        }
    }
    outcome oc = summarise(&r, steps, n);
    if (o.json) {
        print_json(&o, set, &r, steps, verdicts, n, &oc);
    } else {
        print_summary(&r, &oc);
    }
    if (csv != NULL && fclose(csv) != 0) {
        io_error = true;
    }
    if (io_error) {
        fprintf(stderr, "rapport-bench capacity: cannot write %s\n", o.csv);
    }
    bench_load_set_free(&set);
    if (io_error || r.end == BENCH_RAMP_ERROR || bench_load_interrupted()) {
        return 1;
    }
    return r.sustained > 0 ? 0 : 3;
}
