/* common/parse.c - strict number parsing. */
#include "common/parse.h"

#include <errno.h>
#include <stdlib.h>

bool rp_parse_u32(const char *text, uint32_t lo, uint32_t hi, uint32_t *out)
{
    if (text == NULL || *text < '0' || *text > '9') {
        return false;
    }
    char *end = NULL;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || *end != '\0' || v < lo || v > hi) {
        return false;
    }
    *out = (uint32_t)v;
    return true;
}
