/* tests/testutil.c - seeded PRNG, data path and suite runner for the Check suites. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

uint64_t rp_test_seed(void)
{
    const char *s = getenv("RP_TEST_SEED");
    uint64_t seed = 0x5eedu;
    if (s != NULL && *s != '\0') {
        seed = strtoull(s, NULL, 0);
    }
    return seed == 0 ? 0x5eedu : seed;
}

uint64_t rp_test_rand(uint64_t *state)
{
    uint64_t x = *state;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *state = x;
    return x * 0x2545F4914F6CDD1DULL;
}

float rp_test_randf(uint64_t *state)
{
    return (float)((double)(rp_test_rand(state) >> 40) / (double)(1ULL << 24) * 2.0 - 1.0);
}

const char *rp_test_data_path(void)
{
    const char *p = getenv("RP_DATA_PATH");
    struct stat st;
    if (p == NULL || *p == '\0' || stat(p, &st) != 0 || !S_ISDIR(st.st_mode)) {
        return NULL;
    }
    return p;
}

int rp_test_run(const char *name, const rp_suite_fn *suites, int n_suites)
{
    printf("%s: RP_TEST_SEED=0x%llx (set it to replay)\n", name,
           (unsigned long long)rp_test_seed());
    SRunner *sr = srunner_create(NULL);
    for (int i = 0; i < n_suites; i++) {
        srunner_add_suite(sr, suites[i]());
    }
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
