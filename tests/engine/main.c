/* tests/engine/main.c - runs every engine/ suite. */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    static const rp_suite_fn suites[] = {turns_suite, align_suite,  playbook_suite, cues_suite,
                                         call_suite,  worker_suite, idmap_suite,    eventlog_suite,
                                         auth_suite,  server_suite};
    return rp_test_run("test_engine", suites, (int)(sizeof suites / sizeof suites[0]));
}
