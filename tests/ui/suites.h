/* tests/ui/suites.h - the Check suites of agents-ui, run together by main.c. */
#ifndef TESTS_UI_SUITES_H
#define TESTS_UI_SUITES_H

#include <check.h>

Suite *state_suite(void); /* test_state.c */
Suite *nav_suite(void);   /* test_nav.c */

#endif /* TESTS_UI_SUITES_H */
