#include "suites.h"
Suite *bench_synth_suite(void)
{
    return suite_create("synth");
}
