/* bench/capacity.c - step verdicts, the call-count ramp and the CSV of a capacity run. */
#include "bench/capacity.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "common/status.h"

bench_limits bench_limits_default(void)
{
    /* 100 ms: a cue later than that behind its frame is late for a live console; 1 % of
     * late ticks allows the odd scheduling hiccup on a shared machine; 95 % busy leaves
     * the sender no slack to catch up */
    return (bench_limits){.max_p99_ms = 100.0, .max_late_share = 0.01, .max_gen_busy = 0.95};
}

RP_PRINTF(3, 4) static void say(char *why, size_t cap, const char *fmt, ...)
{
    if (why != NULL && cap > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(why, cap, fmt, ap);
        va_end(ap);
    }
}

bench_verdict bench_step_judge(const bench_step *s, const bench_limits *lim, char *why, size_t cap)
{
    say(why, cap, "%s", "");
    if (!s->complete) {
        say(why, cap, "the step did not run");
        return BENCH_STEP_FAILED;
    }
    /* drops and refusals are the engine's whatever the generator did */
    if (s->dropped > 0 || s->refused > 0) {
        say(why, cap, "%.0f frames dropped, %.0f calls refused", s->dropped, s->refused);
        return BENCH_ENGINE_BEHIND;
    }
    double late = s->ticks > 0 ? (double)s->late_ticks / (double)s->ticks : 0.0;
    if (late > lim->max_late_share) {
        say(why, cap, "generator: %.1f%% of ticks late (limit %.1f%%)", late * 100.0,
            lim->max_late_share * 100.0);
        return BENCH_GENERATOR_BEHIND;
    }
    if (s->generator_busy > lim->max_gen_busy) {
        say(why, cap, "generator busy %.0f%% of the time (limit %.0f%%)", s->generator_busy * 100.0,
            lim->max_gen_busy * 100.0);
        return BENCH_GENERATOR_BEHIND;
    }
    if (s->latency_p99_us > lim->max_p99_ms * 1000.0) {
        say(why, cap, "latency p99 %.1f ms > %.0f ms", s->latency_p99_us / 1000.0, lim->max_p99_ms);
        return BENCH_ENGINE_BEHIND;
    }
    if (s->max_lag_ms > lim->max_p99_ms) {
        say(why, cap, "backlog reached %.0f ms of audio (limit %.0f ms)", s->max_lag_ms,
            lim->max_p99_ms);
        return BENCH_ENGINE_BEHIND;
    }
    if (s->frames_processed < (double)s->frames_sent) {
        say(why, cap, "%.0f of %.0f frames processed", s->frames_processed, (double)s->frames_sent);
        return BENCH_ENGINE_BEHIND;
    }
    return BENCH_KEPT_UP;
}

const char *bench_verdict_name(bench_verdict v)
{
    switch (v) {
    case BENCH_KEPT_UP:
        return "kept up";
    case BENCH_ENGINE_BEHIND:
        return "engine behind";
    case BENCH_GENERATOR_BEHIND:
        return "generator behind";
    case BENCH_STEP_FAILED:
        break;
    }
    return "failed";
}

static const char *verdict_word(bench_verdict v)
{
    switch (v) {
    case BENCH_KEPT_UP:
        return "kept_up";
    case BENCH_ENGINE_BEHIND:
        return "engine_behind";
    case BENCH_GENERATOR_BEHIND:
        return "generator_behind";
    case BENCH_STEP_FAILED:
        break;
    }
    return "failed";
}

double bench_step_engine_cores(const bench_step *s)
{
    return s->duration_s > 0 ? s->engine_cpu_s / s->duration_s : 0.0;
}

double bench_step_cpu_per_call_min(const bench_step *s)
{
    double call_minutes = (double)s->calls * s->duration_s / 60.0;
    return call_minutes > 0 ? s->engine_cpu_s / call_minutes : 0.0;
}

double bench_step_kib_per_call(const bench_step *s)
{
    return s->calls > 0 ? (double)(s->engine_rss_kib - s->engine_rss0_kib) / s->calls : 0.0;
}

/* ---- the ramp ---- */

bench_ramp_config bench_ramp_config_default(void)
{
    return (bench_ramp_config){
        .start = 50, .max = 100000, .step = 0, .factor = 2.0, .resolution = 0.05, .max_steps = 24};
}

int bench_ramp_config_check(const bench_ramp_config *cfg, char *why)
{
    const char *bad = NULL;
    if (cfg->start < 1) {
        bad = "--start must be at least 1";
    } else if (cfg->max < cfg->start) {
        bad = "--max must be at least --start";
    } else if (cfg->step == 0 && !(cfg->factor > 1.0 && cfg->factor <= 100.0)) {
        bad = "--factor must be above 1 (and at most 100)";
    } else if (!(cfg->resolution >= 0.0 && cfg->resolution < 1.0)) {
        bad = "resolution must be in 0..1";
    } else if (cfg->max_steps < 1) {
        bad = "at least one step";
    }
    if (bad != NULL) {
        snprintf(why, RP_ERR_LEN, "%s", bad);
        return RP_EINVAL;
    }
    return RP_OK;
}

void bench_ramp_init(bench_ramp *r, const bench_ramp_config *cfg)
{
    memset(r, 0, sizeof *r);
    r->cfg = *cfg;
    r->next = cfg->start;
    r->end = BENCH_RAMP_RUNNING;
}

bool bench_ramp_next(const bench_ramp *r, uint32_t *calls)
{
    if (r->end != BENCH_RAMP_RUNNING) {
        return false;
    }
    *calls = r->next;
    return true;
}

/* The count after n on the way up, at most max. */
static uint32_t grow(const bench_ramp_config *cfg, uint32_t n)
{
    double next = cfg->step > 0 ? (double)n + cfg->step : ceil((double)n * cfg->factor);
    if (next < (double)n + 1.0) {
        next = (double)n + 1.0;
    }
    return next >= (double)cfg->max ? cfg->max : (uint32_t)next;
}

void bench_ramp_record(bench_ramp *r, bench_verdict v)
{
    if (r->end != BENCH_RAMP_RUNNING) {
        return;
    }
    uint32_t n = r->next;
    r->n_steps++;
    if (v == BENCH_STEP_FAILED) {
        r->end = BENCH_RAMP_ERROR;
        return;
    }
    if (v == BENCH_GENERATOR_BEHIND) {
        r->end = BENCH_RAMP_GENERATOR;
        return;
    }
    if (v == BENCH_KEPT_UP) {
        r->sustained = n > r->sustained ? n : r->sustained;
    } else if (r->failed == 0 || n < r->failed) {
        r->failed = n;
    }
    if (r->failed == 0) {
        if (n >= r->cfg.max) {
            r->end = BENCH_RAMP_AT_MAX;
            return;
        }
        r->next = grow(&r->cfg, n);
    } else {
        r->bisecting = true;
        double gap = floor((double)r->sustained * r->cfg.resolution);
        if ((double)(r->failed - r->sustained) <= (gap > 1.0 ? gap : 1.0)) {
            r->end = r->sustained > 0 ? BENCH_RAMP_FOUND : BENCH_RAMP_NONE;
            return;
        }
        r->next = r->sustained + (r->failed - r->sustained) / 2;
    }
    if (r->n_steps >= r->cfg.max_steps) {
        r->end = BENCH_RAMP_STEPS;
    }
}

const char *bench_ramp_end_name(bench_ramp_end e)
{
    switch (e) {
    case BENCH_RAMP_RUNNING:
        return "running";
    case BENCH_RAMP_FOUND:
        return "found";
    case BENCH_RAMP_AT_MAX:
        return "at max";
    case BENCH_RAMP_NONE:
        return "none sustained";
    case BENCH_RAMP_GENERATOR:
        return "generator bound";
    case BENCH_RAMP_ERROR:
        return "step failed";
    case BENCH_RAMP_STEPS:
        break;
    }
    return "step cap";
}

/* ---- CSV ---- */

int bench_capacity_csv_header(FILE *f)
{
    int n = fputs("step,calls,duration_s,workers,kept_up,verdict,frames_sent,frames_processed,"
                  "dropped,refused,late_ticks,latency_p50_us,latency_p99_us,latency_p999_us,"
                  "processing_p99_us,max_lag_ms,engine_cpu_s,engine_cores,cpu_s_per_call_min,"
                  "engine_rss_kib,kib_per_call,generator_cpu_s,generator_busy,cues,escalations,"
                  "busiest_thread,busiest_thread_cores,others_cpu_s,cpu_pressure\n",
                  f);
    return n < 0 ? RP_EIO : RP_OK;
}

int bench_capacity_csv_row(FILE *f, uint32_t i_step, const bench_step *s, bench_verdict v)
{
    int n = fprintf(
        f,
        "%u,%u,%u,%u,%d,%s,%llu,%.0f,%.0f,%.0f,%llu,%.0f,%.0f,%.0f,%.0f,%.1f,%.3f,%.3f,"
        "%.5f,%ld,%.1f,%.3f,%.3f,%llu,%llu,%s,%.3f,%.3f,%.3f\n",
        i_step, s->calls, s->duration_s, s->workers, v == BENCH_KEPT_UP, verdict_word(v),
        (unsigned long long)s->frames_sent, s->frames_processed, s->dropped, s->refused,
        (unsigned long long)s->late_ticks, s->latency_p50_us, s->latency_p99_us, s->latency_p999_us,
        s->processing_p99_us, s->max_lag_ms, s->engine_cpu_s, bench_step_engine_cores(s),
        bench_step_cpu_per_call_min(s), s->engine_rss_kib, bench_step_kib_per_call(s),
        s->generator_cpu_s, s->generator_busy, (unsigned long long)s->cues,
        (unsigned long long)s->escalations, s->busiest_thread[0] != '\0' ? s->busiest_thread : "-",
        s->busiest_thread_cores, s->others_cpu_s, s->cpu_pressure);
    return n < 0 ? RP_EIO : RP_OK;
}
