/* tests/nlp/main.c - runs every nlp/ suite. */
#include "suites.h"
#include "testutil.h"

int main(void)
{
    static const rp_suite_fn suites[] = {nlp_analyzer_suite, nlp_pii_suite, nlp_robust_suite,
                                         nlp_tokenize_suite, nlp_data_suite};
    return rp_test_run("test_nlp", suites, (int)(sizeof suites / sizeof suites[0]));
}
