/* tests/common/test_ring.c - SPSC ring: semantics and a two-thread stress test.
 * The stress test is also run in the ThreadSanitizer build (make test). */
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>

#include "common/ring.h"
#include "common/status.h"
#include "suites.h"
#include "testutil.h"

START_TEST(init_rejects_bad_capacity_and_sizes)
{
    rp_spsc_ring r;
    uint32_t storage[8];
    ck_assert_int_eq(rp_spsc_ring_init(&r, storage, 6, 4), RP_EINVAL);
    ck_assert_int_eq(rp_spsc_ring_init(&r, storage, 0, 4), RP_EINVAL);
    ck_assert_int_eq(rp_spsc_ring_init(&r, storage, 8, 0), RP_EINVAL);
    ck_assert_int_eq(rp_spsc_ring_init(&r, NULL, 8, 4), RP_EINVAL);
    ck_assert_int_eq(rp_spsc_ring_init(NULL, storage, 8, 4), RP_EINVAL);
    ck_assert_uint_eq(rp_spsc_ring_storage_size((size_t)1 << 31, 1), 0);
    ck_assert_uint_eq(rp_spsc_ring_storage_size((size_t)1 << 30, SIZE_MAX / 2), 0);
    ck_assert_uint_eq(rp_spsc_ring_storage_size(8, 4), 32);
    ck_assert_int_eq(rp_spsc_ring_init(&r, storage, 8, 4), RP_OK);
    ck_assert_uint_eq(rp_spsc_ring_readable(&r), 0);
    ck_assert_uint_eq(rp_spsc_ring_writable(&r), 8);
}
END_TEST

START_TEST(fifo_order_survives_wraparound)
{
    rp_spsc_ring r;
    uint32_t storage[8];
    ck_assert_int_eq(rp_spsc_ring_init(&r, storage, 8, sizeof(uint32_t)), RP_OK);
    uint32_t next_in = 0, next_out = 0;
    for (int round = 0; round < 50; round++) {
        uint32_t in[5];
        for (int i = 0; i < 5; i++) {
            in[i] = next_in++;
        }
        ck_assert_uint_eq(rp_spsc_ring_write(&r, in, 5), 5);
        uint32_t out[5];
        ck_assert_uint_eq(rp_spsc_ring_read(&r, out, 5), 5);
        for (int i = 0; i < 5; i++) {
            ck_assert_uint_eq(out[i], next_out++);
        }
    }
    ck_assert_uint_eq(rp_spsc_ring_readable(&r), 0);
}
END_TEST

START_TEST(write_is_partial_and_push_is_all_or_nothing)
{
    rp_spsc_ring r;
    uint16_t storage[4];
    ck_assert_int_eq(rp_spsc_ring_init(&r, storage, 4, sizeof(uint16_t)), RP_OK);
    uint16_t in[6] = {1, 2, 3, 4, 5, 6};
    ck_assert_uint_eq(rp_spsc_ring_write(&r, in, 3), 3);
    ck_assert_int_eq(rp_spsc_ring_push(&r, in + 3, 2), RP_EFULL);
    ck_assert_uint_eq(rp_spsc_ring_overruns(&r), 2);
    ck_assert_uint_eq(rp_spsc_ring_readable(&r), 3);
    ck_assert_int_eq(rp_spsc_ring_push(&r, in + 3, 1), RP_OK);
    ck_assert_uint_eq(rp_spsc_ring_write(&r, in + 4, 2), 0);
    ck_assert_uint_eq(rp_spsc_ring_overruns(&r), 2);
    uint16_t out[6] = {0};
    ck_assert_uint_eq(rp_spsc_ring_read(&r, out, 6), 4);
    for (int i = 0; i < 4; i++) {
        ck_assert_uint_eq(out[i], in[i]);
    }
    ck_assert_uint_eq(rp_spsc_ring_read(&r, out, 6), 0);
    ck_assert_int_eq(rp_spsc_ring_push(&r, in, 0), RP_OK);
}
END_TEST

/* Two threads, one million items, chunk sizes (1..13 and 1..11) that do not
 * divide the capacity (64), so every wrap position is exercised. */
#define STRESS_ITEMS 1000000u

typedef struct stress_ctx {
    rp_spsc_ring ring;
    uint64_t storage[64];
    uint64_t seed;
} stress_ctx;

static void *producer(void *arg)
{
    stress_ctx *ctx = arg;
    uint64_t rng = ctx->seed;
    uint64_t next = 0;
    uint64_t chunk[13];
    while (next < STRESS_ITEMS) {
        size_t n = 1 + (size_t)(rp_test_rand(&rng) % 13);
        if (n > STRESS_ITEMS - next) {
            n = (size_t)(STRESS_ITEMS - next);
        }
        for (size_t i = 0; i < n; i++) {
            chunk[i] = next + i;
        }
        size_t done = 0;
        while (done < n) {
            size_t w = rp_spsc_ring_write(&ctx->ring, chunk + done, n - done);
            if (w == 0) {
                sched_yield(); /* let the consumer run when cores are oversubscribed */
            }
            done += w;
        }
        next += n;
    }
    return NULL;
}

START_TEST(two_threads_move_a_million_items_in_order)
{
    stress_ctx *ctx = calloc(1, sizeof *ctx);
    ck_assert_ptr_nonnull(ctx);
    ctx->seed = rp_test_seed();
    ck_assert_int_eq(rp_spsc_ring_init(&ctx->ring, ctx->storage, 64, sizeof(uint64_t)), RP_OK);
    pthread_t t;
    ck_assert_int_eq(pthread_create(&t, NULL, producer, ctx), 0);
    uint64_t rng = ctx->seed ^ 0x9e3779b97f4a7c15ULL;
    uint64_t expect = 0;
    uint64_t out[11];
    while (expect < STRESS_ITEMS) {
        size_t want = 1 + (size_t)(rp_test_rand(&rng) % 11);
        size_t got = rp_spsc_ring_read(&ctx->ring, out, want);
        if (got == 0) {
            sched_yield();
        }
        for (size_t i = 0; i < got; i++) {
            ck_assert_uint_eq(out[i], expect);
            expect++;
        }
    }
    pthread_join(t, NULL);
    ck_assert_uint_eq(rp_spsc_ring_readable(&ctx->ring), 0);
    ck_assert_uint_eq(rp_spsc_ring_overruns(&ctx->ring), 0);
    free(ctx);
}
END_TEST

Suite *ring_suite(void)
{
    Suite *s = suite_create("ring");
    TCase *tc = tcase_create("semantics");
    tcase_add_test(tc, init_rejects_bad_capacity_and_sizes);
    tcase_add_test(tc, fifo_order_survives_wraparound);
    tcase_add_test(tc, write_is_partial_and_push_is_all_or_nothing);
    suite_add_tcase(s, tc);
    tc = tcase_create("stress");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, two_threads_move_a_million_items_in_order);
    suite_add_tcase(s, tc);
    return s;
}
