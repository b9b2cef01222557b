/* tests/proto/main.c - runs every proto/ suite. */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    static const rp_suite_fn suites[] = {roundtrip_suite, hostile_suite, schema_suite, doc_suite};
    return rp_test_run("test_proto", suites, (int)(sizeof suites / sizeof suites[0]));
}
