/* common/format.h - exact, fast formatting of numbers for line-oriented output.
 *
 * Pure and thread-safe; no allocation, no locale. */
#ifndef COMMON_FORMAT_H
#define COMMON_FORMAT_H

#include <stddef.h>

/* Bytes rp_format_fixed3() may write, its terminating NUL included: the
 * largest float ("340282346638528859811704183484516925440.000") with a sign. */
#define RP_FORMAT_FIXED3_MAX 48u

/* Writes v with three decimals, exactly as printf("%.3f", (double)v) in the C
 * locale writes it (glibc: the exact value rounded half to even; "-0.000" for
 * a negative value that rounds to zero; "nan", "inf"), NUL-terminated, to out
 * (RP_FORMAT_FIXED3_MAX bytes). Returns the length without the NUL. About ten
 * times faster than printf for scores in [-1, 1]. Real-time safe. */
size_t rp_format_fixed3(char *out, float v);

#endif /* COMMON_FORMAT_H */
