#include "suites.h"
Suite *bench_accuracy_suite(void)
{
    return suite_create("accuracy");
}
