/* proto/mp.h - a bounded msgpack reader (internal to proto/).
 *
 * mp_validate() walks a whole buffer once, without recursion or allocation, and
 * proves it is exactly one msgpack object within the PROTO_MAX_* limits: every
 * length and count fits in the bytes that remain, nesting is at most
 * PROTO_MAX_DEPTH, no ext types, no reserved byte 0xc1, nothing trailing. Only
 * then does the typed decoder read it with mp_next()/mp_skip(), which are also
 * bounds-checked on their own.
 */
#ifndef PROTO_MP_H
#define PROTO_MP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/proto.h"

typedef enum mp_type {
    MP_NIL,
    MP_BOOL,
    MP_UINT, /* any non-negative integer, whatever its encoding */
    MP_INT,  /* a negative integer */
    MP_FLOAT,
    MP_STR,
    MP_BIN,
    MP_ARRAY,
    MP_MAP,
} mp_type;

typedef struct mp_item {
    mp_type type;
    bool b;
    uint64_t u;
    int64_t i;
    double f;
    const uint8_t *ptr; /* STR/BIN payload */
    uint32_t len;       /* STR/BIN bytes; ARRAY items; MAP pairs */
} mp_item;

typedef struct mp_reader {
    const uint8_t *start;
    const uint8_t *p;
    const uint8_t *end;
} mp_reader;

void mp_reader_init(mp_reader *r, const uint8_t *buf, size_t len);

/* Reads one item header (and a STR/BIN payload). Returns false with a reason in
 * err->reason when the bytes are truncated, reserved, an ext type, or a length
 * exceeds what remains. Containers' children are read by further calls. */
bool mp_next(mp_reader *r, mp_item *it, proto_error *err);

/* Skips one complete object (a container with all its children). Iterative;
 * bounded by the remaining bytes. */
bool mp_skip(mp_reader *r, proto_error *err);

/* The structural pre-check described above. */
bool mp_validate(const uint8_t *buf, size_t len, proto_error *err);

/* True when buf[0..len) is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF). */
bool mp_utf8_valid(const uint8_t *buf, size_t len);

#endif /* PROTO_MP_H */
