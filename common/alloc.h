/* common/alloc.h - the one door to the heap, with counting and fault injection.
 *
 * Every heap allocation in rapport goes through rp_malloc/rp_calloc/rp_realloc/
 * rp_free (the Redis zmalloc idea). When built with alloc hooks (meson option
 * alloc_hooks, on by default) the wrapper counts allocation calls and can be told
 * to fail the Nth one from now (the SQLite OOM-injection idea), which gives two
 * tests every module has: "zero allocations in _process" and "every _create
 * cleans up when allocation N fails". The counters are C11 atomics: any thread
 * may allocate. None of these functions is real-time safe except the counters.
 */
#ifndef COMMON_ALLOC_H
#define COMMON_ALLOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/attr.h"

/* Like malloc/calloc/realloc/free. rp_malloc(0) returns a unique pointer or NULL.
 * rp_calloc checks n * size for overflow and returns NULL on it. */
void *rp_malloc(size_t size);
void *rp_calloc(size_t n, size_t size);
void *rp_realloc(void *ptr, size_t size);
void rp_free(void *ptr);

/* Copies a NUL-terminated string / at most n bytes of it into a new allocation. */
char *rp_strdup(const char *s);
char *rp_strndup(const char *s, size_t n);

/* True when the hooks below are compiled in. When false, the count stays 0 and
 * fault injection does nothing; tests that need them skip. */
bool rp_alloc_hooks_enabled(void);

/* Number of allocation calls (malloc, calloc, realloc with size > 0, strdup)
 * since process start, successful or failed. Thread-safe, real-time safe. */
uint64_t rp_alloc_count(void);

/* Makes the nth allocation call from now (n >= 1) fail with NULL, once.
 * n == 0 cancels a pending injection. Thread-safe. */
void rp_alloc_fail_at(uint64_t n);

/* True when the injection armed by rp_alloc_fail_at() has fired. */
bool rp_alloc_fault_fired(void);

#endif /* COMMON_ALLOC_H */
