/* tests/bench/main.c - runs every bench/ suite. */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    static const rp_suite_fn suites[] = {bench_scenario_suite, bench_synth_suite,
                                         bench_accuracy_suite, bench_capacity_suite};
    return rp_test_run("test_bench", suites, (int)(sizeof suites / sizeof suites[0]));
}
