/* common/alloc.c - allocation wrapper with counting and fail-the-Nth injection. */
#include "common/alloc.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#ifdef RP_ALLOC_HOOKS
static atomic_uint_fast64_t n_calls;
/* Allocation call number (1-based, in n_calls terms) that must fail; 0 = none. */
static atomic_uint_fast64_t fail_call;
static atomic_bool fault_fired;

/* Counts one allocation call; returns true when this call must fail. */
static bool count_and_check(void)
{
    uint64_t call = atomic_fetch_add_explicit(&n_calls, 1, memory_order_relaxed) + 1;
    uint64_t target = atomic_load_explicit(&fail_call, memory_order_relaxed);
    if (target != 0 && call == target) {
        atomic_store_explicit(&fail_call, 0, memory_order_relaxed);
        atomic_store_explicit(&fault_fired, true, memory_order_relaxed);
        return true;
    }
    return false;
}
#else
static bool count_and_check(void)
{
    return false;
}
#endif

bool rp_alloc_hooks_enabled(void)
{
#ifdef RP_ALLOC_HOOKS
    return true;
#else
    return false;
#endif
}

uint64_t rp_alloc_count(void)
{
#ifdef RP_ALLOC_HOOKS
    return atomic_load_explicit(&n_calls, memory_order_relaxed);
#else
    return 0;
#endif
}

void rp_alloc_fail_at(uint64_t n)
{
#ifdef RP_ALLOC_HOOKS
    atomic_store_explicit(&fault_fired, false, memory_order_relaxed);
    uint64_t now = atomic_load_explicit(&n_calls, memory_order_relaxed);
    atomic_store_explicit(&fail_call, n == 0 ? 0 : now + n, memory_order_relaxed);
#else
    (void)n;
#endif
}

bool rp_alloc_fault_fired(void)
{
#ifdef RP_ALLOC_HOOKS
    return atomic_load_explicit(&fault_fired, memory_order_relaxed);
#else
    return false;
#endif
}

void *rp_malloc(size_t size)
{
    if (count_and_check()) {
        return NULL;
    }
    return malloc(size == 0 ? 1 : size);
}

void *rp_calloc(size_t n, size_t size)
{
    if (count_and_check()) {
        return NULL;
    }
    if (n == 0 || size == 0) {
        return calloc(1, 1);
    }
    if (n > SIZE_MAX / size) {
        return NULL;
    }
    return calloc(n, size);
}

void *rp_realloc(void *ptr, size_t size)
{
    if (size == 0) {
        free(ptr);
        return NULL;
    }
    if (count_and_check()) {
        return NULL;
    }
    return realloc(ptr, size);
}

void rp_free(void *ptr)
{
    free(ptr);
}

char *rp_strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = rp_malloc(len + 1);
    if (copy == NULL) {
        return NULL;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    return copy;
}

char *rp_strdup(const char *s)
{
    return rp_strndup(s, SIZE_MAX - 1);
}
