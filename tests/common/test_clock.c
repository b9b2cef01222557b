/* tests/common/test_clock.c - monotonic and wall clocks. */
#include "common/clock.h"
#include "suites.h"

START_TEST(monotonic_clock_advances_across_a_sleep)
{
    uint64_t a = rp_clock_mono_ns();
    rp_clock_sleep_ns(2000000); /* 2 ms */
    uint64_t b = rp_clock_mono_ns();
    ck_assert_uint_ge(b - a, 2000000);
    ck_assert_uint_lt(b - a, 2000000000u);
}
END_TEST

START_TEST(wall_clock_is_after_2024)
{
    ck_assert_int_gt(rp_clock_wall_ms(), 1704067200000LL); /* 2024-01-01T00:00:00Z */
}
END_TEST

Suite *clock_suite(void)
{
    Suite *s = suite_create("clock");
    TCase *tc = tcase_create("clock");
    tcase_add_test(tc, monotonic_clock_advances_across_a_sleep);
    tcase_add_test(tc, wall_clock_is_after_2024);
    suite_add_tcase(s, tc);
    return s;
}
