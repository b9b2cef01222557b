/* bench/accuracy.h - runs a scenario through the engine's call pipeline
 * (eng_call, in-process, as `rapport replay` does locally) and scores what it
 * raises against the scenario's expectations.
 *
 * Feeding: voice calls go in 20 ms frames (f32le) with capture timestamps from
 * call time 0; each spoken turn's text arrives as a final transcript at the
 * turn's end, chat messages at their time, holds, consent changes and signals at
 * theirs (all delivered before the first frame at or after their time). Chat
 * sessions advance by eng_call_tick() every 100 ms of simulated time. The run is
 * as fast as the engine and deterministic (chat ticks map simulated time onto
 * the engine's monotonic clock, so they may land up to a millisecond late).
 *
 * Scoring (docs/bench.md): a detection is a cue opening or an escalation. It is a
 * true positive when it falls in the window of an `expect` of its type (and
 * party/level when given); ignored when it falls in an `allow`; otherwise a false
 * positive (always when it falls in a `forbid`). Recall counts expectations met;
 * the delay of a met expectation is its first matching detection minus its
 * scripted moment. Every detection not allowed in a calm control is a false alert.
 *
 * Ownership: results own their arrays (bench_result_free). Not thread-safe per
 * object; one call at a time per nlp analyser (as the engine).
 */
#ifndef BENCH_ACCURACY_H
#define BENCH_ACCURACY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "bench/scenario.h"
#include "bench/synth.h"
#include "common/attr.h"
#include "engine/playbook.h"
#include "nlp/analyzer.h"

#define BENCH_MAX_DETECTIONS 4096u
/* Rows of the report: the cue kinds, then the escalation reasons. */
#define BENCH_N_TYPES ((size_t)PROTO_CUE_COUNT + (size_t)PROTO_REASON_COUNT)

typedef struct bench_detection {
    bench_check_kind kind;
    int type; /* proto_cue_kind or proto_esc_reason */
    proto_who party;
    proto_esc_level level;
    double t_s;     /* call time it was raised */
    int check;      /* index of the check it matched, -1 = none */
    bool false_pos; /* unexpected (or forbidden) */
} bench_detection;

typedef struct bench_result {
    bench_detection *det;
    size_t n_det;
    double *first_s; /* per check: first matching detection's time, NAN = none */
    size_t n_checks;
    size_t met, expected, false_pos;
    double duration_s;
    bool calm;
} bench_result;

/* Runs sc (placed, with its audio from bench_synth) through a fresh eng_call with
 * rules, using the analyser an. RP_OK or RP_ENOMEM/RP_EINVAL (err filled). */
RP_NODISCARD int bench_run(const bench_scenario *sc, const bench_audio *au, const eng_rules *rules,
                           nlp_analyzer *an, bench_result *out, char *err);

void bench_result_free(bench_result *r);

/* Row index of a detection or check type, 0..BENCH_N_TYPES-1; and its name. */
size_t bench_type_row(bench_check_kind kind, int type);
const char *bench_type_name(size_t row);

#define BENCH_ROW_DELAYS 256u /* delays kept per row */

/* Totals over many scenarios, per row. */
typedef struct bench_row {
    uint32_t tp, fp;        /* detections */
    uint32_t expected, met; /* expectations */
    uint32_t n_delays;
    double delays_s[BENCH_ROW_DELAYS]; /* the first BENCH_ROW_DELAYS delays, seconds */
} bench_row;

typedef struct bench_tally {
    bench_row row[BENCH_N_TYPES];
    uint32_t scenarios, passed;
    uint32_t calm_alerts;
    double calm_s, total_s;
} bench_tally;

/* Adds one scenario's result. */
void bench_tally_add(bench_tally *t, const bench_scenario *sc, const bench_result *r);

/* q-quantile (0..1, nearest rank) of a row's delays in seconds; NAN when none. */
double bench_row_delay(const bench_row *row, double q);

#endif /* BENCH_ACCURACY_H */
