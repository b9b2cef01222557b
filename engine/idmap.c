/* engine/idmap.c - open-addressing id map with backward-shift deletion. */
#include "engine/idmap.h"

#include <string.h>

#include "common/alloc.h"

uint64_t eng_id_hash(const char *id, size_t len)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)id[i];
        h *= 1099511628211ull;
    }
    return h;
}

int eng_idmap_init(eng_idmap *m, size_t capacity)
{
    memset(m, 0, sizeof *m);
    if (capacity == 0 || capacity > ((size_t)1 << 24)) {
        return RP_EINVAL;
    }
    size_t size = 1;
    while (size < capacity * 2) {
        size <<= 1;
    }
    m->slots = rp_calloc(size, sizeof *m->slots);
    if (m->slots == NULL) {
        return RP_ENOMEM;
    }
    m->size = size;
    m->capacity = capacity;
    return RP_OK;
}

void eng_idmap_deinit(eng_idmap *m)
{
    rp_free(m->slots);
    memset(m, 0, sizeof *m);
}

/* The slot holding id, or the empty slot where it would go. */
static size_t probe(const eng_idmap *m, proto_str id, uint64_t h)
{
    size_t mask = m->size - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        const eng_idmap_slot *s = &m->slots[i];
        if (s->value == NULL ||
            (s->hash == h && s->len == id.len && memcmp(s->key, id.ptr, id.len) == 0)) {
            return i;
        }
    }
}

void *eng_idmap_get(const eng_idmap *m, proto_str id)
{
    if (id.len == 0 || id.len > PROTO_MAX_ID_BYTES) {
        return NULL;
    }
    return m->slots[probe(m, id, eng_id_hash(id.ptr, id.len))].value;
}

int eng_idmap_put(eng_idmap *m, proto_str id, void *value)
{
    if (id.len == 0 || id.len > PROTO_MAX_ID_BYTES || value == NULL) {
        return RP_EINVAL;
    }
    uint64_t h = eng_id_hash(id.ptr, id.len);
    size_t i = probe(m, id, h);
    if (m->slots[i].value != NULL) {
        return RP_ESTATE;
    }
    if (m->n >= m->capacity) {
        return RP_EFULL;
    }
    eng_idmap_slot *s = &m->slots[i];
    s->hash = h;
    s->value = value;
    s->len = (uint8_t)id.len;
    memcpy(s->key, id.ptr, id.len);
    m->n++;
    return RP_OK;
}

void *eng_idmap_remove(eng_idmap *m, proto_str id)
{
    if (id.len == 0 || id.len > PROTO_MAX_ID_BYTES) {
        return NULL;
    }
    size_t i = probe(m, id, eng_id_hash(id.ptr, id.len));
    void *value = m->slots[i].value;
    if (value == NULL) {
        return NULL;
    }
    size_t mask = m->size - 1;
    m->slots[i].value = NULL;
    for (size_t j = (i + 1) & mask; m->slots[j].value != NULL; j = (j + 1) & mask) {
        size_t home = m->slots[j].hash & mask;
        /* move j back into the hole at i when i lies cyclically in [home, j) */
        bool move = (j > i) ? (home <= i || home > j) : (home <= i && home > j);
        if (move) {
            m->slots[i] = m->slots[j];
            m->slots[j].value = NULL;
            i = j;
        }
    }
    m->n--;
    return value;
}

void eng_idmap_each(const eng_idmap *m, void (*fn)(void *arg, void *value), void *arg)
{
    for (size_t i = 0; i < m->size; i++) {
        if (m->slots[i].value != NULL) {
            fn(arg, m->slots[i].value);
        }
    }
}
