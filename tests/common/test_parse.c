/* tests/common/test_parse.c - strict whole-number parsing. */
#include "common/parse.h"
#include "suites.h"

START_TEST(whole_numbers_in_range_parse)
{
    uint32_t v = 0;
    ck_assert(rp_parse_u32("0", 0, 10, &v));
    ck_assert_uint_eq(v, 0);
    ck_assert(rp_parse_u32("4096", 1, 4096, &v));
    ck_assert_uint_eq(v, 4096);
    ck_assert(rp_parse_u32("4294967295", 0, UINT32_MAX, &v));
    ck_assert_uint_eq(v, UINT32_MAX);
}
END_TEST

START_TEST(anything_else_is_refused_and_leaves_the_output)
{
    uint32_t v = 7;
    const char *bad[] = {"", "-1", "+1", " 1", "1 ", "1x", "0x10", "4097", "99999999999999999999"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(!rp_parse_u32(bad[i], 0, 4096, &v), "'%s' accepted", bad[i]);
    }
    ck_assert(!rp_parse_u32(NULL, 0, 10, &v));
    ck_assert(!rp_parse_u32("3", 5, 10, &v));
    ck_assert_uint_eq(v, 7);
}
END_TEST

Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("u32");
    tcase_add_test(tc, whole_numbers_in_range_parse);
    tcase_add_test(tc, anything_else_is_refused_and_leaves_the_output);
    suite_add_tcase(s, tc);
    return s;
}
