#include "suites.h"
Suite *bench_scenario_suite(void)
{
    return suite_create("scenario");
}
