/* tests/ui/main.c - runs the agents-ui suites (state machine, keys). */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    const rp_suite_fn suites[] = {state_suite, nav_suite};
    return rp_test_run("ui", suites, 2);
}
