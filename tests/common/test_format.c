/* tests/common/test_format.c - rp_format_fixed3() against printf("%.3f"). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "common/format.h"
#include "suites.h"

static void expect_printf(float v)
{
    char want[64];
    char got[RP_FORMAT_FIXED3_MAX];
    snprintf(want, sizeof want, "%.3f", (double)v);
    size_t n = rp_format_fixed3(got, v);
    ck_assert_msg(strcmp(got, want) == 0, "%a: '%s', printf '%s'", (double)v, got, want);
    ck_assert_uint_eq(n, strlen(want));
}

START_TEST(known_values)
{
    char b[RP_FORMAT_FIXED3_MAX];
    ck_assert_uint_eq(rp_format_fixed3(b, 0.0f), 5);
    ck_assert_str_eq(b, "0.000");
    rp_format_fixed3(b, 1.0f);
    ck_assert_str_eq(b, "1.000");
    rp_format_fixed3(b, -0.25f);
    ck_assert_str_eq(b, "-0.250");
    rp_format_fixed3(b, 0.9996f);
    ck_assert_str_eq(b, "1.000");
    rp_format_fixed3(b, -0.0001f); /* a negative value that rounds to zero keeps its sign */
    ck_assert_str_eq(b, "-0.000");
    rp_format_fixed3(b, 0.0625f); /* exactly half way: to even */
    ck_assert_str_eq(b, "0.062");
    rp_format_fixed3(b, 0.1875f);
    ck_assert_str_eq(b, "0.188");
    rp_format_fixed3(b, 12345.678f);
    ck_assert_str_eq(b, "12345.678");
}
END_TEST

/* Every kind of float: ties, signed zeros, the largest, not-a-number, and a
 * sweep over the bit patterns of [-4, 4] and of everything. */
START_TEST(same_as_printf)
{
    static const float special[] = {
        0.0f,      -0.0f,  0.0005f, -0.0005f,     0.0015f,     0.0625f,    -0.0625f,       0.5f,
        2.5f,      1e-30f, -1e-30f, 1e15f,        -1e15f,      3e38f,      -3.4028235e38f, INFINITY,
        -INFINITY, NAN,    1e14f,   999999.9995f, 0.99949998f, 0.99950004f};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        expect_printf(special[i]);
    }
    for (int k = -4096; k <= 4096; k++) {
        expect_printf((float)k / 1024.0f); /* many exact ties at three decimals */
    }
    for (uint32_t bits = 0; bits < 0x40800000u; bits += 9973u) { /* [0, 4] */
        float v;
        memcpy(&v, &bits, sizeof v);
        expect_printf(v);
        expect_printf(-v);
    }
    for (uint64_t bits = 0; bits <= 0xFFFFFFFFu; bits += 262139u) { /* everything */
        uint32_t b32 = (uint32_t)bits;
        float v;
        memcpy(&v, &b32, sizeof v);
        expect_printf(v);
    }
}
END_TEST

Suite *format_suite(void)
{
    Suite *s = suite_create("format");
    TCase *tc = tcase_create("fixed3");
    tcase_add_test(tc, known_values);
    tcase_add_test(tc, same_as_printf);
    suite_add_tcase(s, tc);
    return s;
}
