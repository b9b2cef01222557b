/* common/format.c - see format.h. */
#include "common/format.h"

#include <math.h>
#include <stdio.h>

size_t rp_format_fixed3(char *out, float v)
{
    /* a float has 24 significant bits and 1000 < 2^10, so the product is exact
     * in a double, and rounding it to an integer half to even rounds the exact
     * value as glibc's printf does (its default rounding mode) */
    double x = (double)v * 1000.0;
    if (!(x > -1e15 && x < 1e15)) {
        int k = snprintf(out, RP_FORMAT_FIXED3_MAX, "%.3f", (double)v); /* large, nan, inf */
        return k > 0 ? (size_t)k : 0;
    }
    double r = nearbyint(x);
    size_t o = 0;
    if (signbit(x)) {
        out[o++] = '-';
    }
    unsigned long long m = (unsigned long long)fabs(r);
    char digits[24];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(m % 10u));
        m /= 10u;
    } while (m > 0 || nd < 4); /* at least one figure before the point */
    while (nd > 3) {
        out[o++] = digits[--nd];
    }
    out[o++] = '.';
    while (nd > 0) {
        out[o++] = digits[--nd];
    }
    out[o] = '\0';
    return o;
}
