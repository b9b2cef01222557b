/* common/attr.h - compiler attributes and the three kinds of assertion.
 *
 * assert() guards internal invariants and is compiled out in release builds.
 * RP_ALWAYS(x)/RP_NEVER(x) are defensive checks that stay in release builds and
 * abort in debug builds, so a "cannot happen" branch is heard of in testing but
 * handled gracefully in production. RP_CHECK(x) aborts in every build and is for
 * places where continuing would corrupt memory. Never put side effects in assert().
 */
#ifndef COMMON_ATTR_H
#define COMMON_ATTR_H

#include <assert.h>

#if defined(__GNUC__) || defined(__clang__)
#define RP_NODISCARD    __attribute__((warn_unused_result))
#define RP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define RP_NORETURN     __attribute__((noreturn))
#define RP_LIKELY(x)    __builtin_expect(!!(x), 1)
#define RP_UNLIKELY(x)  __builtin_expect(!!(x), 0)
#else
#define RP_NODISCARD
#define RP_PRINTF(f, a)
#define RP_NORETURN
#define RP_LIKELY(x)   (x)
#define RP_UNLIKELY(x) (x)
#endif

/* Reports file and line on stderr and aborts. Used by RP_CHECK and, in debug
 * builds, by RP_ALWAYS/RP_NEVER. Not real-time safe (it is the end of the process). */
RP_NORETURN void rp_check_failed(const char *expr, const char *file, int line);

#define RP_CHECK(x) (RP_LIKELY(x) ? (void)0 : rp_check_failed(#x, __FILE__, __LINE__))

#ifdef NDEBUG
#define RP_ALWAYS(x) (!!(x))
#define RP_NEVER(x)  (!!(x))
#else
#define RP_ALWAYS(x) ((x) ? 1 : (rp_check_failed(#x, __FILE__, __LINE__), 0))
#define RP_NEVER(x)  ((x) ? (rp_check_failed(#x, __FILE__, __LINE__), 1) : 0)
#endif

#define RP_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#endif /* COMMON_ATTR_H */
