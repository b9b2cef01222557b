/* common/parse.h - strict parsing of numbers from command lines and config files.
 *
 * Pure and thread-safe; no allocation. */
#ifndef COMMON_PARSE_H
#define COMMON_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* Parses a whole decimal number in lo..hi: digits only (no sign, no spaces, no
 * trailing characters). Returns false, leaving *out alone, for anything else. */
bool rp_parse_u32(const char *text, uint32_t lo, uint32_t hi, uint32_t *out);

#endif /* COMMON_PARSE_H */
