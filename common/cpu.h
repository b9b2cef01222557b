/* common/cpu.h - CPU feature detection for SIMD dispatch, with an override.
 *
 * rp_cpu_flags() detects once what the CPU and OS support and ANDs it with the
 * mask in the environment variable RP_CPU_MASK (decimal or 0x-hex), so
 * RP_CPU_MASK=0 forces every module onto its scalar reference path. Objects call
 * it once at _create and keep their kernel table; it is thread-safe, and
 * real-time safe after the first call.
 */
#ifndef COMMON_CPU_H
#define COMMON_CPU_H

#include <stdint.h>

#include "common/attr.h"

enum {
    RP_CPU_SSE2 = 1u << 0, /* x86-64 baseline */
    RP_CPU_AVX2 = 1u << 1, /* AVX2 with OS support for YMM state */
    RP_CPU_FMA = 1u << 2,  /* FMA3 */
    RP_CPU_NEON = 1u << 3, /* AArch64 Advanced SIMD */
};

/* What the CPU supports, ignoring RP_CPU_MASK. */
uint32_t rp_cpu_detect(void);

/* rp_cpu_detect() & RP_CPU_MASK (when set and valid). Cached after the first call. */
uint32_t rp_cpu_flags(void);

/* Parses an RP_CPU_MASK value ("0", "3", "0x7"). Returns RP_OK and sets *mask,
 * or RP_EINVAL for anything else (empty, trailing junk, out of range). Programs
 * use it to report a bad override; rp_cpu_flags() ignores an invalid one. */
RP_NODISCARD int rp_cpu_mask_parse(const char *text, uint32_t *mask);

/* Space-separated names of the set flags ("sse2 avx2 fma"), or "scalar". Static storage. */
const char *rp_cpu_flags_str(uint32_t flags);

#endif /* COMMON_CPU_H */
