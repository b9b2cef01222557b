/* tests/common/test_cpu.c - CPU flags and the RP_CPU_MASK override. */
#include <stdlib.h>

#include "common/cpu.h"
#include "common/status.h"
#include "suites.h"

START_TEST(mask_parse_accepts_decimal_and_hex)
{
    uint32_t m = 99;
    ck_assert_int_eq(rp_cpu_mask_parse("0", &m), RP_OK);
    ck_assert_uint_eq(m, 0);
    ck_assert_int_eq(rp_cpu_mask_parse("0x7", &m), RP_OK);
    ck_assert_uint_eq(m, 7);
    ck_assert_int_eq(rp_cpu_mask_parse("12", &m), RP_OK);
    ck_assert_uint_eq(m, 12);
}
END_TEST

START_TEST(mask_parse_rejects_junk)
{
    uint32_t m = 5;
    ck_assert_int_eq(rp_cpu_mask_parse("", &m), RP_EINVAL);
    ck_assert_int_eq(rp_cpu_mask_parse(NULL, &m), RP_EINVAL);
    ck_assert_int_eq(rp_cpu_mask_parse("avx2", &m), RP_EINVAL);
    ck_assert_int_eq(rp_cpu_mask_parse("3x", &m), RP_EINVAL);
    ck_assert_int_eq(rp_cpu_mask_parse("-1", &m), RP_EINVAL);
    ck_assert_int_eq(rp_cpu_mask_parse("0x100000000", &m), RP_EINVAL);
    ck_assert_uint_eq(m, 5);
}
END_TEST

/* Each test runs in its own forked process (CK_FORK), so the cached flags start empty. */
START_TEST(env_mask_zero_forces_scalar)
{
    setenv("RP_CPU_MASK", "0", 1);
    ck_assert_uint_eq(rp_cpu_flags(), 0);
    ck_assert_str_eq(rp_cpu_flags_str(rp_cpu_flags()), "scalar");
}
END_TEST

START_TEST(env_mask_only_removes_flags)
{
    setenv("RP_CPU_MASK", "0x1", 1);
    uint32_t f = rp_cpu_flags();
    ck_assert_uint_eq(f & ~(uint32_t)RP_CPU_SSE2, 0);
    ck_assert_uint_eq(f, rp_cpu_detect() & RP_CPU_SSE2);
}
END_TEST

START_TEST(invalid_env_mask_is_ignored)
{
    setenv("RP_CPU_MASK", "fast please", 1);
    ck_assert_uint_eq(rp_cpu_flags(), rp_cpu_detect());
}
END_TEST

START_TEST(detection_is_consistent)
{
    uint32_t f = rp_cpu_detect();
#if defined(__x86_64__)
    ck_assert(f & RP_CPU_SSE2);
#endif
    ck_assert_uint_eq(f, rp_cpu_detect());
    ck_assert_str_eq(rp_cpu_flags_str(RP_CPU_SSE2 | RP_CPU_AVX2 | RP_CPU_FMA), "sse2 avx2 fma");
}
END_TEST

Suite *cpu_suite(void)
{
    Suite *s = suite_create("cpu");
    TCase *tc = tcase_create("mask");
    tcase_add_test(tc, mask_parse_accepts_decimal_and_hex);
    tcase_add_test(tc, mask_parse_rejects_junk);
    tcase_add_test(tc, env_mask_zero_forces_scalar);
    tcase_add_test(tc, env_mask_only_removes_flags);
    tcase_add_test(tc, invalid_env_mask_is_ignored);
    tcase_add_test(tc, detection_is_consistent);
    suite_add_tcase(s, tc);
    return s;
}
