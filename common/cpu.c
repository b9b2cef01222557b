/* common/cpu.c - CPU feature detection with the RP_CPU_MASK override. */
#include "common/cpu.h"

#include <errno.h>
#include <stdatomic.h>
#include <stdlib.h>

#include "common/status.h"

uint32_t rp_cpu_detect(void)
{
    uint32_t flags = 0;
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("sse2")) {
        flags |= RP_CPU_SSE2;
    }
    /* __builtin_cpu_supports("avx2") also checks that the OS saves YMM state. */
    if (__builtin_cpu_supports("avx2")) {
        flags |= RP_CPU_AVX2;
    }
    if (__builtin_cpu_supports("fma")) {
        flags |= RP_CPU_FMA;
    }
#elif defined(__aarch64__)
    flags |= RP_CPU_NEON;
#endif
    return flags;
}

int rp_cpu_mask_parse(const char *text, uint32_t *mask)
{
    if (text == NULL || *text == '\0' || *text == '-' || *text == '+') {
        return RP_EINVAL;
    }
    char *end = NULL;
    errno = 0;
    unsigned long v = strtoul(text, &end, 0);
    if (errno != 0 || end == text || *end != '\0' || v > UINT32_MAX) {
        return RP_EINVAL;
    }
    *mask = (uint32_t)v;
    return RP_OK;
}

/* Bit 31 marks the cache as filled; real flags never use it. */
#define CACHED_BIT (1u << 31)
static atomic_uint cached;

uint32_t rp_cpu_flags(void)
{
    unsigned v = atomic_load_explicit(&cached, memory_order_acquire);
    if (v & CACHED_BIT) {
        return (uint32_t)(v & ~CACHED_BIT);
    }
    uint32_t flags = rp_cpu_detect();
    uint32_t mask = 0;
    if (rp_cpu_mask_parse(getenv("RP_CPU_MASK"), &mask) == RP_OK) {
        flags &= mask;
    }
    flags &= ~CACHED_BIT;
    /* Racing first callers compute the same value; whichever store lands is right. */
    atomic_store_explicit(&cached, flags | CACHED_BIT, memory_order_release);
    return flags;
}

const char *rp_cpu_flags_str(uint32_t flags)
{
    static const char *const names[16] = {
        "scalar",   "sse2",          "avx2",          "sse2 avx2",
        "fma",      "sse2 fma",      "avx2 fma",      "sse2 avx2 fma",
        "neon",     "sse2 neon",     "avx2 neon",     "sse2 avx2 neon",
        "fma neon", "sse2 fma neon", "avx2 fma neon", "sse2 avx2 fma neon",
    };
    return names[flags & 15u];
}
