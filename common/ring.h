/* common/ring.h - lock-free single-producer single-consumer ring of fixed-size items.
 *
 * The hand-off between an audio callback or ingest thread (producer) and a worker
 * (consumer). C11 atomics with acquire/release on free-running indices; capacity
 * is a power of two. Exactly one thread may produce and one may consume at a time;
 * every call is real-time safe (no allocation, locks, syscalls or logging) and
 * bounded (O(n) copying). The producer never waits: on overflow rp_spsc_ring_push
 * drops the items and counts them in overruns, which the engine exports.
 * The struct is transparent so callers can embed it; storage is the caller's.
 */
#ifndef COMMON_RING_H
#define COMMON_RING_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "common/attr.h"

/* Largest capacity accepted by rp_spsc_ring_init, in items. */
#define RP_SPSC_RING_MAX_ITEMS ((size_t)1 << 30)

typedef struct rp_spsc_ring {
    /* Written only by the producer; own cache line so the consumer's writes do not
     * bounce it. */
    _Alignas(64) atomic_size_t head;
    /* Written only by the consumer. */
    _Alignas(64) atomic_size_t tail;
    /* Items refused by rp_spsc_ring_push since init (producer writes, anyone reads). */
    _Alignas(64) atomic_uint_fast64_t overruns;
    unsigned char *items; /* borrowed storage: capacity * item_size bytes */
    size_t capacity;      /* items; a power of two */
    size_t item_size;     /* bytes per item */
} rp_spsc_ring;

/* Bytes of storage a ring of capacity items of item_size bytes needs, or 0 when
 * the arguments are invalid (capacity not a power of two in 1..RP_SPSC_RING_MAX_ITEMS,
 * item_size 0, or overflow). */
size_t rp_spsc_ring_storage_size(size_t capacity, size_t item_size);

/* Prepares ring over caller storage of rp_spsc_ring_storage_size() bytes, which
 * must outlive the ring. Not thread-safe: call before either side starts.
 * Returns RP_EINVAL for bad arguments. */
RP_NODISCARD int rp_spsc_ring_init(rp_spsc_ring *ring, void *storage, size_t capacity,
                                   size_t item_size);

/* Producer: copies up to n items in, returns how many fit (0..n). Does not count overruns. */
size_t rp_spsc_ring_write(rp_spsc_ring *ring, const void *items, size_t n);

/* Producer: copies all n items in, or none: then returns RP_EFULL and adds n to overruns. */
RP_NODISCARD int rp_spsc_ring_push(rp_spsc_ring *ring, const void *items, size_t n);

/* Consumer: copies up to n items out in FIFO order, returns how many (0..n). */
size_t rp_spsc_ring_read(rp_spsc_ring *ring, void *items, size_t n);

/* Items ready for the consumer / free for the producer. Exact when called by the
 * side that the answer matters to; a lower bound (readable) or upper bound seen
 * from the other side. */
size_t rp_spsc_ring_readable(const rp_spsc_ring *ring);
size_t rp_spsc_ring_writable(const rp_spsc_ring *ring);

/* Items dropped by rp_spsc_ring_push since init. Any thread. */
uint64_t rp_spsc_ring_overruns(const rp_spsc_ring *ring);

#endif /* COMMON_RING_H */
