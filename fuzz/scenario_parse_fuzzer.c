/* fuzz/scenario_parse_fuzzer.c - arbitrary bytes through the scenario parser
 * (bench/scenario.h) and, when they parse, the timeline: never a crash, an error
 * always names the input and a line, a placed scenario has ordered, finite times. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "bench/scenario.h"
#include "common/alloc.h"
#include "common/status.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char err[RP_ERR_LEN];
    bench_scenario *sc = NULL;
    int rc = bench_scenario_parse("fuzz", (const char *)data, size, &sc, err);
    if (rc != RP_OK) {
        if (sc != NULL || strncmp(err, "fuzz:", 5) != 0) {
            abort();
        }
        return 0;
    }
    double *lens = rp_calloc(sc->n_turns + 1, sizeof *lens);
    if (lens == NULL) {
        bench_scenario_free(&sc);
        return 0;
    }
    for (size_t i = 0; i < sc->n_turns; i++) {
        lens[i] = 0.5 + (double)(i % 7) * 0.25;
    }
    if (bench_scenario_place(sc, lens, err) == RP_OK) {
        if (!(sc->duration_s > 0.0) || !isfinite(sc->duration_s)) {
            abort();
        }
        for (size_t i = 0; i < sc->n_turns; i++) {
            const bench_turn *t = &sc->turns[i];
            if (!(t->start_s >= 0.0) || !(t->end_s >= t->start_s) || t->end_s > sc->duration_s) {
                abort();
            }
        }
        for (size_t i = 0; i < sc->n_checks; i++) {
            const bench_check *k = &sc->checks[i];
            if (!isfinite(k->abs_t0_s) || !isfinite(k->abs_t1_s) || k->abs_t1_s < k->abs_t0_s) {
                abort();
            }
        }
    }
    rp_free(lens);
    bench_scenario_free(&sc);
    return 0;
}
