/* bench/load.h - one load step of rapport-bench (`load`, and each step of
 * `capacity`): a fresh rapportd on loopback, N concurrent calls driven into it
 * over ZeroMQ at real-time pace for S seconds, the engine's figures read back.
 *
 * The calls come from a call set: the synthetic two-party pattern (20 s of
 * speech-like sound with turns, overlaps and silences, looped; the cheapest to
 * generate) or role-play scenarios (synthesised speech with transcripts, holds,
 * consent changes and signals; each call plays one scenario, then its slot hangs
 * up and starts the next scenario as a new call).
 *
 * Single-threaded callers only (espeak-ng and the step's sockets).
 */
#ifndef BENCH_LOAD_H
#define BENCH_LOAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "bench/capacity.h"
#include "common/attr.h"

typedef struct bench_load_set bench_load_set; /* opaque */

/* The synthetic pattern at rate_hz (8000 or 16000). RP_OK or RP_ENOMEM. */
RP_NODISCARD int bench_load_set_pattern(uint32_t rate_hz, bench_load_set **out);

/* The voice scenarios of path (one .yaml file, or every .yaml in a folder, sorted),
 * synthesised or read from cache_dir (NULL = no cache). Chat sessions are skipped.
 * RP_OK; RP_EINVAL/RP_EIO/RP_ENOMEM with err (RP_ERR_LEN) filled, also when no
 * voice scenario is left. */
RP_NODISCARD int bench_load_set_scenarios(const char *path, const char *cache_dir,
                                          bench_load_set **out, char *err);

/* Frees *set_p and sets it to NULL; NULL is a no-op. */
void bench_load_set_free(bench_load_set **set_p);

/* "synthetic pattern" or "31 voice scenarios from DIR"; valid while the set lives. */
const char *bench_load_set_describe(const bench_load_set *set);

typedef struct bench_load_config {
    uint32_t calls;      /* concurrent calls, >= 1 */
    uint32_t duration_s; /* seconds of real time, >= 1 */
    uint32_t workers;    /* rapportd --workers; 0 = its default (one per core) */
    uint32_t realtime;   /* rapportd --realtime PRIO (SCHED_FIFO); 0 = normal scheduling */
    const char *engine;  /* path of rapportd */
    const bench_load_set *set;
    const char *progress; /* prefix of the progress line on stderr; NULL = none */
} bench_load_config;

/* Runs one step and fills *out (out->complete false when it could not run: the
 * reason is printed on stderr). Every process it starts is stopped before it
 * returns, also after SIGINT/SIGTERM (which end the step early and return
 * RP_ESTATE). RP_OK, RP_EIO (rapportd or sockets), RP_ENOMEM, RP_ESTATE. */
RP_NODISCARD int bench_load_step(const bench_load_config *cfg, bench_step *out);

/* rapportd beside this program (build/bench/../engine/rapportd); "" when unknown. */
const char *bench_default_engine(void);

/* Writes s as the body of a JSON string; quotes, backslashes and control
 * characters are left out (they never occur in what is written this way). */
void bench_json_text(FILE *f, const char *s);

/* True once SIGINT or SIGTERM arrived during a step (capacity stops its ramp). */
bool bench_load_interrupted(void);

#endif /* BENCH_LOAD_H */
