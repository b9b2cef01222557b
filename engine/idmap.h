/* engine/idmap.h - a fixed-capacity map from ids (call ids) to pointers.
 *
 * Open addressing with linear probing and backward-shift deletion over a table
 * allocated once at init (twice the capacity, a power of two), so lookups,
 * inserts and removals never allocate: real-time safe, O(1) expected. Keys are
 * copied (at most PROTO_MAX_ID_BYTES). One thread at a time.
 */
#ifndef ENGINE_IDMAP_H
#define ENGINE_IDMAP_H

#include <stddef.h>
#include <stdint.h>

#include "common/status.h"
#include "proto/proto.h"

typedef struct eng_idmap_slot {
    uint64_t hash;
    void *value; /* NULL = empty */
    uint8_t len;
    char key[PROTO_MAX_ID_BYTES];
} eng_idmap_slot;

typedef struct eng_idmap {
    eng_idmap_slot *slots;
    size_t size;     /* power of two */
    size_t capacity; /* most entries */
    size_t n;
} eng_idmap;

/* FNV-1a of an id: also how the engine shards calls over workers. */
uint64_t eng_id_hash(const char *id, size_t len);

RP_NODISCARD int eng_idmap_init(eng_idmap *m, size_t capacity);
void eng_idmap_deinit(eng_idmap *m);

/* The value stored for id, or NULL. */
void *eng_idmap_get(const eng_idmap *m, proto_str id);

/* Stores value (non-NULL) for a new id. RP_EFULL at capacity, RP_ESTATE when the
 * id is present, RP_EINVAL for an invalid id. */
RP_NODISCARD int eng_idmap_put(eng_idmap *m, proto_str id, void *value);

/* Removes id; returns its value or NULL when absent. */
void *eng_idmap_remove(eng_idmap *m, proto_str id);

/* Visits every value (in table order). The visitor must not modify the map. */
void eng_idmap_each(const eng_idmap *m, void (*fn)(void *arg, void *value), void *arg);

#endif /* ENGINE_IDMAP_H */
