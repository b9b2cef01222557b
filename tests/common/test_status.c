/* tests/common/test_status.c - status strings. */
#include <string.h>

#include "common/status.h"
#include "suites.h"

START_TEST(status_strings_are_distinct_and_never_null)
{
    const int codes[] = {RP_OK, RP_EINVAL, RP_ENOMEM, RP_EPROTO, RP_EFULL, RP_EIO, RP_ESTATE};
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *a = rp_status_str(codes[i]);
        ck_assert_ptr_nonnull(a);
        ck_assert_str_ne(a, "unknown status");
        for (size_t j = i + 1; j < sizeof codes / sizeof codes[0]; j++) {
            ck_assert_str_ne(a, rp_status_str(codes[j]));
        }
    }
    ck_assert_str_eq(rp_status_str(-999), "unknown status");
    ck_assert_str_eq(rp_status_str(7), "unknown status");
}
END_TEST

START_TEST(status_codes_are_negative_errors)
{
    ck_assert_int_eq(RP_OK, 0);
    ck_assert_int_lt(RP_EINVAL, 0);
    ck_assert_int_lt(RP_ESTATE, 0);
    ck_assert_str_eq(rp_status_str(RP_EPROTO), "malformed or unsupported message");
}
END_TEST

Suite *status_suite(void)
{
    Suite *s = suite_create("status");
    TCase *tc = tcase_create("strings");
    tcase_add_test(tc, status_strings_are_distinct_and_never_null);
    tcase_add_test(tc, status_codes_are_negative_errors);
    suite_add_tcase(s, tc);
    return s;
}
