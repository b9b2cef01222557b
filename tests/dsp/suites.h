/* tests/dsp/suites.h - the Check suites of dsp/. */
#ifndef TESTS_DSP_SUITES_H
#define TESTS_DSP_SUITES_H

#include <check.h>

Suite *kernels_suite(void);
Suite *features_suite(void);
Suite *vad_suite(void);
Suite *rate_suite(void);
Suite *convert_suite(void);
Suite *resample_suite(void);
Suite *stats_suite(void);
Suite *data_suite(void);

#endif
