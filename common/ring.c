/* common/ring.c - lock-free SPSC ring (free-running indices, acquire/release). */
#include "common/ring.h"

#include <string.h>

#include "common/status.h"

static int is_pow2(size_t x)
{
    return x != 0 && (x & (x - 1)) == 0;
}

size_t rp_spsc_ring_storage_size(size_t capacity, size_t item_size)
{
    if (!is_pow2(capacity) || capacity > RP_SPSC_RING_MAX_ITEMS || item_size == 0 ||
        capacity > SIZE_MAX / item_size) {
        return 0;
    }
    return capacity * item_size;
}

int rp_spsc_ring_init(rp_spsc_ring *ring, void *storage, size_t capacity, size_t item_size)
{
    if (ring == NULL || storage == NULL || rp_spsc_ring_storage_size(capacity, item_size) == 0) {
        return RP_EINVAL;
    }
    atomic_init(&ring->head, 0);
    atomic_init(&ring->tail, 0);
    atomic_init(&ring->overruns, 0);
    ring->items = storage;
    ring->capacity = capacity;
    ring->item_size = item_size;
    return RP_OK;
}

/* Copies n items between the ring at free-running index pos and flat memory,
 * splitting at the wrap point. to_ring selects the direction. */
static void copy_items(rp_spsc_ring *ring, size_t pos, void *flat, size_t n, int to_ring)
{
    size_t first = pos & (ring->capacity - 1);
    size_t n_first = ring->capacity - first;
    if (n_first > n) {
        n_first = n;
    }
    size_t sz = ring->item_size;
    unsigned char *slot = ring->items + first * sz;
    unsigned char *mem = flat;
    if (to_ring) {
        memcpy(slot, mem, n_first * sz);
        memcpy(ring->items, mem + n_first * sz, (n - n_first) * sz);
    } else {
        memcpy(mem, slot, n_first * sz);
        memcpy(mem + n_first * sz, ring->items, (n - n_first) * sz);
    }
}

size_t rp_spsc_ring_write(rp_spsc_ring *ring, const void *items, size_t n)
{
    size_t head = atomic_load_explicit(&ring->head, memory_order_relaxed);
    size_t tail = atomic_load_explicit(&ring->tail, memory_order_acquire);
    size_t space = ring->capacity - (head - tail);
    if (n > space) {
        n = space;
    }
    if (n == 0) {
        return 0;
    }
    copy_items(ring, head, (void *)(uintptr_t)items, n, 1);
    atomic_store_explicit(&ring->head, head + n, memory_order_release);
    return n;
}

int rp_spsc_ring_push(rp_spsc_ring *ring, const void *items, size_t n)
{
    size_t head = atomic_load_explicit(&ring->head, memory_order_relaxed);
    size_t tail = atomic_load_explicit(&ring->tail, memory_order_acquire);
    if (n > ring->capacity - (head - tail)) {
        atomic_fetch_add_explicit(&ring->overruns, n, memory_order_relaxed);
        return RP_EFULL;
    }
    if (n != 0) {
        copy_items(ring, head, (void *)(uintptr_t)items, n, 1);
        atomic_store_explicit(&ring->head, head + n, memory_order_release);
    }
    return RP_OK;
}

size_t rp_spsc_ring_read(rp_spsc_ring *ring, void *items, size_t n)
{
    size_t tail = atomic_load_explicit(&ring->tail, memory_order_relaxed);
    size_t head = atomic_load_explicit(&ring->head, memory_order_acquire);
    size_t avail = head - tail;
    if (n > avail) {
        n = avail;
    }
    if (n == 0) {
        return 0;
    }
    copy_items(ring, tail, items, n, 0);
    atomic_store_explicit(&ring->tail, tail + n, memory_order_release);
    return n;
}

size_t rp_spsc_ring_readable(const rp_spsc_ring *ring)
{
    size_t head = atomic_load_explicit(&ring->head, memory_order_acquire);
    size_t tail = atomic_load_explicit(&ring->tail, memory_order_acquire);
    return head - tail;
}

size_t rp_spsc_ring_writable(const rp_spsc_ring *ring)
{
    return ring->capacity - rp_spsc_ring_readable(ring);
}

uint64_t rp_spsc_ring_overruns(const rp_spsc_ring *ring)
{
    return atomic_load_explicit(&ring->overruns, memory_order_relaxed);
}
