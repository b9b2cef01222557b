/* tests/proto/suites.h - the Check suites of proto/. */
#ifndef TESTS_PROTO_SUITES_H
#define TESTS_PROTO_SUITES_H

#include <check.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/examples.h"

Suite *roundtrip_suite(void);
Suite *hostile_suite(void);
Suite *schema_suite(void);
Suite *doc_suite(void);

/* Encodes example i of a fresh proto_examples into buf; returns its length. */
size_t encode_example(proto_examples *ex, size_t i, uint8_t *buf, size_t cap);

/* Index of the nth (0-based) example of a type; aborts the test when absent. */
size_t example_index(const proto_examples *ex, proto_type type, int nth);

#endif
