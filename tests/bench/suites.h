/* tests/bench/suites.h - the Check suites of bench/. */
#ifndef TESTS_BENCH_SUITES_H
#define TESTS_BENCH_SUITES_H

#include <check.h>

Suite *bench_scenario_suite(void);
Suite *bench_synth_suite(void);
Suite *bench_accuracy_suite(void);
Suite *bench_capacity_suite(void);

#endif
