/* tests/dsp/main.c - runs every dsp/ suite. */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    static const rp_suite_fn suites[] = {kernels_suite, features_suite, vad_suite,   rate_suite,
                                         convert_suite, resample_suite, stats_suite, data_suite};
    return rp_test_run("test_dsp", suites, (int)(sizeof suites / sizeof suites[0]));
}
