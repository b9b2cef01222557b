/* tests/common/suites.h - the Check suites of common/. */
#ifndef TESTS_COMMON_SUITES_H
#define TESTS_COMMON_SUITES_H

#include <check.h>

Suite *status_suite(void);
Suite *alloc_suite(void);
Suite *cpu_suite(void);
Suite *ring_suite(void);
Suite *clock_suite(void);
Suite *parse_suite(void);
Suite *format_suite(void);

#endif
