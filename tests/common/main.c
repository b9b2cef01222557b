/* tests/common/main.c - runs every common/ suite. */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    static const rp_suite_fn suites[] = {status_suite, alloc_suite, cpu_suite,   ring_suite,
                                         clock_suite,  parse_suite, format_suite};
    return rp_test_run("test_common", suites, (int)(sizeof suites / sizeof suites[0]));
}
