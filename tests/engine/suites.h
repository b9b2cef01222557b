/* tests/engine/suites.h - the Check suites of engine/. */
#ifndef TESTS_ENGINE_SUITES_H
#define TESTS_ENGINE_SUITES_H

#include <check.h>

Suite *turns_suite(void);
Suite *align_suite(void);
Suite *playbook_suite(void);
Suite *cues_suite(void);
Suite *call_suite(void);
Suite *worker_suite(void);
Suite *idmap_suite(void);
Suite *eventlog_suite(void);
Suite *auth_suite(void);
Suite *server_suite(void);

#endif
