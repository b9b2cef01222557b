/* tests/nlp/suites.h - the Check suites of nlp/. */
#ifndef TESTS_NLP_SUITES_H
#define TESTS_NLP_SUITES_H

#include <check.h>

Suite *nlp_analyzer_suite(void);
Suite *nlp_pii_suite(void);
Suite *nlp_robust_suite(void);
Suite *nlp_tokenize_suite(void);
Suite *nlp_data_suite(void);

#endif
