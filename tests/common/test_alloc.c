/* tests/common/test_alloc.c - the allocation wrapper: counting and fault injection. */
#include <stdint.h>
#include <string.h>

#include "common/alloc.h"
#include "suites.h"

START_TEST(alloc_counts_every_allocation_call)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    uint64_t before = rp_alloc_count();
    void *a = rp_malloc(10);
    void *b = rp_calloc(3, 4);
    char *c = rp_strdup("hello");
    a = rp_realloc(a, 100);
    ck_assert_uint_eq(rp_alloc_count() - before, 4);
    ck_assert_str_eq(c, "hello");
    rp_free(a);
    rp_free(b);
    rp_free(c);
    rp_free(NULL);
    ck_assert_uint_eq(rp_alloc_count() - before, 4);
}
END_TEST

START_TEST(alloc_fails_exactly_the_nth_call_once)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    rp_alloc_fail_at(3);
    void *p1 = rp_malloc(8);
    void *p2 = rp_malloc(8);
    ck_assert(!rp_alloc_fault_fired());
    void *p3 = rp_malloc(8);
    ck_assert_ptr_null(p3);
    ck_assert(rp_alloc_fault_fired());
    void *p4 = rp_malloc(8);
    ck_assert_ptr_nonnull(p1);
    ck_assert_ptr_nonnull(p2);
    ck_assert_ptr_nonnull(p4);
    rp_free(p1);
    rp_free(p2);
    rp_free(p4);
}
END_TEST

START_TEST(alloc_fail_at_zero_cancels)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    rp_alloc_fail_at(1);
    rp_alloc_fail_at(0);
    void *p = rp_malloc(8);
    ck_assert_ptr_nonnull(p);
    ck_assert(!rp_alloc_fault_fired());
    rp_free(p);
}
END_TEST

START_TEST(alloc_injected_failure_reaches_strdup_and_calloc)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    rp_alloc_fail_at(1);
    ck_assert_ptr_null(rp_strdup("x"));
    rp_alloc_fail_at(1);
    ck_assert_ptr_null(rp_calloc(2, 2));
    rp_alloc_fail_at(1);
    void *keep = rp_malloc(4);
    ck_assert_ptr_null(keep);
}
END_TEST

START_TEST(calloc_rejects_overflowing_sizes)
{
    ck_assert_ptr_null(rp_calloc(SIZE_MAX / 2, 4));
}
END_TEST

START_TEST(strndup_copies_at_most_n_bytes)
{
    char *s = rp_strndup("abcdef", 3);
    ck_assert_str_eq(s, "abc");
    rp_free(s);
    s = rp_strndup("ab", 10);
    ck_assert_str_eq(s, "ab");
    rp_free(s);
}
END_TEST

START_TEST(realloc_to_zero_frees)
{
    void *p = rp_malloc(16);
    memset(p, 1, 16);
    ck_assert_ptr_null(rp_realloc(p, 0));
}
END_TEST

Suite *alloc_suite(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("hooks");
    tcase_add_test(tc, alloc_counts_every_allocation_call);
    tcase_add_test(tc, alloc_fails_exactly_the_nth_call_once);
    tcase_add_test(tc, alloc_fail_at_zero_cancels);
    tcase_add_test(tc, alloc_injected_failure_reaches_strdup_and_calloc);
    suite_add_tcase(s, tc);
    tc = tcase_create("semantics");
    tcase_add_test(tc, calloc_rejects_overflowing_sizes);
    tcase_add_test(tc, strndup_copies_at_most_n_bytes);
    tcase_add_test(tc, realloc_to_zero_frees);
    suite_add_tcase(s, tc);
    return s;
}
