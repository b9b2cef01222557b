/* tests/testutil.h - helpers shared by every Check suite.
 *
 * A seeded PRNG whose seed comes from RP_TEST_SEED (printed so failures replay),
 * the evaluation data folder from RP_DATA_PATH, and a runner that turns a list of
 * suites into an exit status. Test code only; not thread-safe.
 */
#ifndef TESTS_TESTUTIL_H
#define TESTS_TESTUTIL_H

#include <check.h>
#include <stdint.h>

/* The seed for this run: RP_TEST_SEED (decimal or 0x-hex) or a fixed default. */
uint64_t rp_test_seed(void);

/* xorshift64* step; state must be non-zero. */
uint64_t rp_test_rand(uint64_t *state);

/* Uniform float in [-1, 1). */
float rp_test_randf(uint64_t *state);

/* The evaluation data folder (RP_DATA_PATH), or NULL when unset or absent. */
const char *rp_test_data_path(void);

typedef Suite *(*rp_suite_fn)(void);

/* Runs the suites in one SRunner, prints Check's summary, returns EXIT_SUCCESS
 * when nothing failed. */
int rp_test_run(const char *name, const rp_suite_fn *suites, int n_suites);

#endif /* TESTS_TESTUTIL_H */
