/* bench/capacity.h - the capacity search of `rapport-bench capacity`: what one
 * load step measured, whether the engine kept up in it, the ramp of call counts
 * (geometric or linear, then bisection between the last sustained and the first
 * failed count) and the plot-ready CSV of the steps.
 *
 * Pure: no I/O except the CSV writer's FILE, no clock, no allocation, so the
 * search is unit-tested with a fake step runner. docs/bench.md defines every
 * figure. Not thread-safe per object; distinct objects are independent.
 */
#ifndef BENCH_CAPACITY_H
#define BENCH_CAPACITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "common/attr.h"

/* What one load step measured (bench/load.c fills it). Latencies are the
 * engine's cumulative histograms over the step (frame arrival to output
 * published), read from its last stats message before the calls end. */
typedef struct bench_step {
    uint32_t calls;             /* concurrent calls */
    uint32_t duration_s;        /* real-time seconds of audio sent */
    uint32_t workers;           /* rapportd --workers (0 = its default, one per core) */
    uint32_t fifo_priority;     /* the engine's SCHED_FIFO priority from its stats; 0 normal */
    uint64_t ticks, late_ticks; /* 20 ms sender ticks; ticks started > 20 ms late */
    uint64_t frames_sent;       /* audio frames the generator sent */
    double frames_processed;    /* the engine's frames_processed after the drain */
    double dropped;             /* dropped.inbox_full + dropped.outbox_full */
    double refused;             /* calls_refused */
    double latency_p50_us, latency_p99_us, latency_p999_us; /* the last 10 s of sending */
    double latency_all_p99_us;   /* since rapportd started, with the moment every call starts */
    double processing_p99_us;    /* stage.process_p99_us: a shard's work on one message */
    double queue_p99_us;         /* stage.queue_p99_us: arrival to a shard starting on it */
    double max_lag_ms;           /* largest backlog seen, in ms of audio (sent - processed) */
    double engine_cpu_s;         /* rapportd utime + stime during the sending */
    double busiest_thread_cores; /* the busiest rapportd thread's CPU / duration_s */
    char busiest_thread[16];     /* "loop" (the main thread), "worker", or ZeroMQ's name */
    long engine_rss0_kib;        /* rapportd RSS before the calls started */
    long engine_rss_kib;         /* peak RSS sampled during the step */
    double generator_cpu_s;      /* this process's CPU during the sending */
    double generator_busy;       /* share of the sending time the generator was not asleep, 0..1 */
    double others_cpu_s;         /* CPU the rest of the machine used meanwhile (/proc/stat) */
    double cpu_pressure; /* share of the time some task waited for a CPU (PSI); -1 unknown */
    uint64_t cues, escalations, summaries, calls_started;
    bool complete; /* the step ran (rapportd started, stats arrived) */
} bench_step;

/* What "kept up" means (docs/bench.md). */
typedef struct bench_limits {
    double max_p99_ms;     /* latency p99 and backlog above this: fell behind */
    double max_late_share; /* late sender ticks above this share: generator behind */
    double max_gen_busy;   /* generator busier than this share of the time: generator behind */
} bench_limits;

bench_limits bench_limits_default(void);

typedef enum bench_verdict {
    BENCH_KEPT_UP = 0,      /* every frame processed in time, nothing dropped or refused */
    BENCH_ENGINE_BEHIND,    /* the engine dropped, refused, or lagged beyond max_p99_ms */
    BENCH_GENERATOR_BEHIND, /* the generator could not send at real-time pace */
    BENCH_STEP_FAILED       /* the step did not run (rapportd did not start, no stats) */
} bench_verdict;

/* The verdict on s. The generator is judged first: when it could not keep its own
 * pace, the engine's figures say nothing about the engine. why (may be NULL, cap
 * bytes) gets a short reason ("p99 142.0 ms > 100 ms"). */
bench_verdict bench_step_judge(const bench_step *s, const bench_limits *lim, char *why, size_t cap);

/* "kept up", "engine behind", "generator behind", "failed". */
const char *bench_verdict_name(bench_verdict v);

/* Derived figures: engine cores used (engine_cpu_s / duration), engine CPU seconds
 * per call-minute, RSS growth per call (KiB). 0 when undefined. */
double bench_step_engine_cores(const bench_step *s);
double bench_step_cpu_per_call_min(const bench_step *s);
double bench_step_kib_per_call(const bench_step *s);

/* ---- the ramp ---- */

typedef struct bench_ramp_config {
    uint32_t start;     /* first call count, >= 1 */
    uint32_t max;       /* never more calls than this, >= start */
    uint32_t step;      /* linear ramp: + step each time; 0 = geometric */
    double factor;      /* geometric ramp: x factor each time (> 1); used when step is 0 */
    double resolution;  /* bisection ends when fail - sustained <= max(1, sustained * this) */
    uint32_t max_steps; /* hard cap on the number of steps */
} bench_ramp_config;

/* start 50, max 100000, geometric x2, resolution 0.05, at most 24 steps. */
bench_ramp_config bench_ramp_config_default(void);

/* RP_OK, or RP_EINVAL when cfg is inconsistent (why filled, RP_ERR_LEN bytes). */
RP_NODISCARD int bench_ramp_config_check(const bench_ramp_config *cfg, char *why);

typedef enum bench_ramp_end {
    BENCH_RAMP_RUNNING = 0,
    BENCH_RAMP_FOUND,     /* bisection closed between sustained and failed */
    BENCH_RAMP_AT_MAX,    /* max was sustained: the capacity is at least max */
    BENCH_RAMP_NONE,      /* the first step failed: nothing sustained */
    BENCH_RAMP_GENERATOR, /* the generator fell behind: sustained is a lower bound */
    BENCH_RAMP_ERROR,     /* a step did not run */
    BENCH_RAMP_STEPS      /* max_steps reached before the bisection closed */
} bench_ramp_end;

typedef struct bench_ramp {
    bench_ramp_config cfg;
    uint32_t sustained; /* highest count kept up (0 = none yet) */
    uint32_t failed;    /* lowest count the engine fell behind at (0 = none yet) */
    uint32_t next;      /* the count to run next (when end is RUNNING) */
    uint32_t n_steps;
    bool bisecting;
    bench_ramp_end end;
} bench_ramp;

/* Starts a search; cfg must pass bench_ramp_config_check. */
void bench_ramp_init(bench_ramp *r, const bench_ramp_config *cfg);

/* The next call count to run, or false when the search is over (see r->end). */
bool bench_ramp_next(const bench_ramp *r, uint32_t *calls);

/* Records the verdict of the step just run at r->next and picks the next count. */
void bench_ramp_record(bench_ramp *r, bench_verdict v);

/* "found", "at max", "none sustained", "generator bound", "step failed", "step cap". */
const char *bench_ramp_end_name(bench_ramp_end e);

/* ---- the CSV (one row per step; header names in docs/bench.md) ---- */

/* Writes the header line. RP_OK or RP_EIO. */
RP_NODISCARD int bench_capacity_csv_header(FILE *f);

/* Writes one row for step number i_step (1-based) judged v. RP_OK or RP_EIO. */
RP_NODISCARD int bench_capacity_csv_row(FILE *f, uint32_t i_step, const bench_step *s,
                                        bench_verdict v);

#endif /* BENCH_CAPACITY_H */
