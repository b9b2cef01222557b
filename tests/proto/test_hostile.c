/* tests/proto/test_hostile.c - the decoder rejects every hostile or broken input
 * with RP_EPROTO and a reason, and never crashes, asserts or allocates. */
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "suites.h"
#include "testutil.h"

static uint8_t arena_mem[1 << 16];

static int decode(const uint8_t *buf, size_t n, proto_error *err)
{
    proto_arena arena;
    proto_arena_init(&arena, arena_mem, sizeof arena_mem);
    proto_msg m;
    return proto_decode(buf, n, &arena, &m, err);
}

START_TEST(every_truncation_of_every_example_is_rejected)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint64_t allocs = rp_alloc_count();
    for (size_t i = 0; i < ex.n_msgs; i++) {
        uint8_t buf[8192];
        size_t n = encode_example(&ex, i, buf, sizeof buf);
        for (size_t cut = 0; cut < n; cut++) {
            /* an exact-size copy so ASan catches any read past the end */
            uint8_t *copy = malloc(cut ? cut : 1);
            memcpy(copy, buf, cut);
            proto_error err;
            ck_assert_msg(decode(copy, cut, &err) == RP_EPROTO, "%s cut at %zu of %zu accepted",
                          proto_type_name(ex.msgs[i].type), cut, n);
            ck_assert_uint_gt(strlen(err.reason), 0);
            free(copy);
        }
    }
    ck_assert_uint_eq(rp_alloc_count(), allocs);
}
END_TEST

START_TEST(trailing_bytes_are_rejected)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t n = encode_example(&ex, example_index(&ex, PROTO_T_AUDIO, 0), buf, sizeof buf);
    buf[n] = 0xc0; /* a msgpack nil after a complete message */
    proto_error err;
    ck_assert_int_eq(decode(buf, n + 1, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "trailing bytes"));
    ck_assert_uint_eq(err.offset, n);
}
END_TEST

START_TEST(array_header_claiming_4g_items_is_rejected_without_reserving)
{
    /* {"v":1,"type":"stats","counters":[<2^32-1 items>...]} and a bare array32 */
    const uint8_t bare[] = {0xdd, 0xff, 0xff, 0xff, 0xff};
    proto_error err;
    uint64_t allocs = rp_alloc_count();
    ck_assert_int_eq(decode(bare, sizeof bare, &err), RP_EPROTO);
    const uint8_t nested[] = {0x83, 0xa1, 'v', 0x01, 0xa4, 't',  'y',  'p',  'e',  0xa5,
                              's',  't',  'a', 't',  's',  0xa8, 'c',  'o',  'u',  'n',
                              't',  'e',  'r', 's',  0xdd, 0xff, 0xff, 0xff, 0xff, 0x80};
    ck_assert_int_eq(decode(nested, sizeof nested, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "limit of 4096"));
    const uint8_t map32[] = {0xdf, 0x7f, 0xff, 0xff, 0xff};
    ck_assert_int_eq(decode(map32, sizeof map32, &err), RP_EPROTO);
    ck_assert_uint_eq(rp_alloc_count(), allocs);
}
END_TEST

START_TEST(nesting_33_deep_is_rejected)
{
    uint8_t buf[40];
    for (int i = 0; i < 33; i++) {
        buf[i] = 0x91; /* fixarray of one item */
    }
    buf[33] = 0xc0;
    proto_error err;
    ck_assert_int_eq(decode(buf, 34, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "nesting"));
    /* nine deep is already over our limit of eight */
    ck_assert_int_eq(decode(buf + 24, 10, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "nesting"));
}
END_TEST

START_TEST(str32_claiming_2gib_is_rejected)
{
    const uint8_t top[] = {0xdb, 0x80, 0x00, 0x00, 0x00, 'a', 'b'};
    proto_error err;
    ck_assert_int_eq(decode(top, sizeof top, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "exceeds the message"));
    /* as a map key inside a valid-looking header */
    const uint8_t inmap[] = {0x81, 0xdb, 0x7f, 0xff, 0xff, 0xff, 'x'};
    ck_assert_int_eq(decode(inmap, sizeof inmap, &err), RP_EPROTO);
    const uint8_t bin32[] = {0x81, 0xa1, 'v', 0xc6, 0x80, 0x00, 0x00, 0x00};
    ck_assert_int_eq(decode(bin32, sizeof bin32, &err), RP_EPROTO);
}
END_TEST

/* Builds {"v":<v>,"type":<type>} followed by the given extra pairs. */
static size_t header(uint8_t *buf, uint8_t n_pairs, uint8_t v, const char *type)
{
    size_t n = 0;
    buf[n++] = (uint8_t)(0x80 | n_pairs);
    buf[n++] = 0xa1;
    buf[n++] = 'v';
    buf[n++] = v;
    buf[n++] = 0xa4;
    memcpy(buf + n, "type", 4);
    n += 4;
    size_t tl = strlen(type);
    buf[n++] = (uint8_t)(0xa0 | tl);
    memcpy(buf + n, type, tl);
    return n + tl;
}

START_TEST(unknown_types_and_versions_are_rejected)
{
    uint8_t buf[64];
    proto_error err;
    size_t n = header(buf, 2, 1, "telepathy");
    ck_assert_int_eq(decode(buf, n, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "type");
    ck_assert_str_eq(err.reason, "unknown message type");
    n = header(buf, 2, 2, "call_end");
    ck_assert_int_eq(decode(buf, n, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "v");
    ck_assert_ptr_nonnull(strstr(err.reason, "unsupported protocol version 2"));
    n = header(buf, 2, 0, "call_end");
    ck_assert_int_eq(decode(buf, n, &err), RP_EPROTO);
    /* no version at all */
    const uint8_t nov[] = {0x81, 0xa4, 't', 'y', 'p', 'e', 0xa8, 'c',
                           'a',  'l',  'l', '_', 'e', 'n', 'd'};
    ck_assert_int_eq(decode(nov, sizeof nov, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "'v'"));
    /* not a map */
    const uint8_t arr[] = {0x90};
    ck_assert_int_eq(decode(arr, sizeof arr, &err), RP_EPROTO);
    ck_assert_int_eq(decode(arr, 0, &err), RP_EPROTO);
    /* ext types and the reserved byte */
    const uint8_t ext[] = {0xd4, 0x01, 0x02};
    ck_assert_int_eq(decode(ext, sizeof ext, &err), RP_EPROTO);
    const uint8_t c1[] = {0xc1};
    ck_assert_int_eq(decode(c1, sizeof c1, &err), RP_EPROTO);
}
END_TEST

/* Re-encodes example i after mutate() and checks the decoder's verdict on bytes
 * produced by patching the encoded message. */
static void expect_field_error(uint8_t *buf, size_t n, const char *path, const char *reason_part)
{
    proto_error err;
    ck_assert_int_eq(decode(buf, n, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, path);
    ck_assert_msg(strstr(err.reason, reason_part) != NULL, "reason '%s' lacks '%s'", err.reason,
                  reason_part);
}

/* Finds needle in buf and overwrites it with repl (len bytes each). */
static void patch_bytes(uint8_t *buf, size_t n, const void *needle, const void *repl, size_t len)
{
    for (size_t i = 0; i + len <= n; i++) {
        if (memcmp(buf + i, needle, len) == 0) {
            memcpy(buf + i, repl, len);
            return;
        }
    }
    ck_abort_msg("patch target not found");
}

/* Finds the string needle in buf and overwrites it with repl (same length). */
static void patch(uint8_t *buf, size_t n, const char *needle, const char *repl)
{
    size_t len = strlen(needle);
    ck_assert_uint_eq(len, strlen(repl));
    for (size_t i = 0; i + len <= n; i++) {
        if (memcmp(buf + i, needle, len) == 0) {
            memcpy(buf + i, repl, len);
            return;
        }
    }
    ck_abort_msg("'%s' not found", needle);
}

START_TEST(bad_fields_are_named_in_the_error)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t n = encode_example(&ex, example_index(&ex, PROTO_T_AUDIO, 0), buf, sizeof buf);
    patch(buf, n, "pcm16le", "pcm24le");
    expect_field_error(buf, n, "audio.enc", "allowed: pcm16le mulaw alaw f32le");

    n = encode_example(&ex, example_index(&ex, PROTO_T_AUDIO, 0), buf, sizeof buf);
    patch(buf, n, "rate_hz", "rate_Hz");
    expect_field_error(buf, n, "audio.rate_Hz", "unknown field");

    n = encode_example(&ex, example_index(&ex, PROTO_T_AUDIO, 0), buf, sizeof buf);
    patch(buf, n, "call-2026", "call/2026");
    expect_field_error(buf, n, "audio.call", "not a valid id");

    n = encode_example(&ex, example_index(&ex, PROTO_T_AUDIO, 0), buf, sizeof buf);
    patch(buf, n, "seq", "ch\xa0"); /* a second "ch" key (fixstr 2 + pad key) */
    proto_error err;
    ck_assert_int_eq(decode(buf, n, &err), RP_EPROTO);

    n = encode_example(&ex, example_index(&ex, PROTO_T_TEXT, 0), buf, sizeof buf);
    patch(buf, n, "third",
          "th\xff\xfe"
          "d");
    expect_field_error(buf, n, "text.text", "UTF-8");

    n = encode_example(&ex, example_index(&ex, PROTO_T_CUE, 0), buf, sizeof buf);
    patch(buf, n, "baseline_sps", "baseline sps");
    expect_field_error(buf, n, "cue.evidence[1].name", "not a valid id");
}
END_TEST

START_TEST(audio_rules_are_enforced)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    proto_msg m = ex.msgs[example_index(&ex, PROTO_T_AUDIO, 0)];
    uint8_t buf[65536];
    size_t n;
    proto_error err;
    m.u.audio.rate_hz = 11025;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_str_eq(err.path, "audio");
    ck_assert_ptr_nonnull(strstr(err.reason, "8000 and 16000"));
    m.u.audio.rate_hz = 44100;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_str_eq(err.path, "audio.rate_hz");
    m = ex.msgs[example_index(&ex, PROTO_T_AUDIO, 0)];
    m.u.audio.samples.len = 319; /* odd bytes of pcm16 */
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.reason, "multiple of 2"));
    static uint8_t big[PROTO_MAX_SAMPLES * 4 + 4];
    m.u.audio.samples.ptr = big;
    m.u.audio.samples.len = (PROTO_MAX_SAMPLES + 1) * 2;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.reason, "exceed the limit of 3200"));
    m.u.audio.samples.len = PROTO_MAX_SAMPLES * 2;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_OK);
    ck_assert_int_eq(decode(buf, n, &err), RP_OK);
    m.u.audio.samples.len = 0;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
}
END_TEST

START_TEST(non_finite_and_out_of_range_numbers_are_rejected)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t n;
    proto_error err;
    size_t i_feat = example_index(&ex, PROTO_T_FEATURES, 0);
    proto_msg m = ex.msgs[i_feat];
    ck_assert_int_eq(m.type, PROTO_T_FEATURES);
    m.u.features.customer.valence = 0.0f / 0.0f;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_str_eq(err.path, "features.customer.valence");
    m.u.features.customer.valence = 1.5f;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err.reason, "outside -1..1"));
    /* patch a float32 on the wire to NaN: valence -0.5 is bf000000 */
    n = encode_example(&ex, i_feat, buf, sizeof buf);
    const uint8_t minus_half[] = {0xca, 0xbf, 0x00, 0x00, 0x00};
    const uint8_t quiet_nan[] = {0xca, 0x7f, 0xc0, 0x00, 0x00};
    patch_bytes(buf, n, minus_half, quiet_nan, sizeof minus_half);
    expect_field_error(buf, n, "features.customer.valence", "finite");
}
END_TEST

START_TEST(extension_keys_are_ignored_and_duplicates_rejected)
{
    /* {"v":1,"type":"call_end","x-trace":[1,{"a":2}],"call":"c","ts_us":5} */
    uint8_t buf[128];
    size_t n = header(buf, 5, 1, "call_end");
    const uint8_t tail[] = {0xa7, 'x',  '-', 't',  'r',  'a', 'c', 'e', 0x92, 0x01,
                            0x81, 0xa1, 'a', 0x02, 0xa4, 'c', 'a', 'l', 'l',  0xa1,
                            'c',  0xa5, 't', 's',  '_',  'u', 's', 0x05};
    memcpy(buf + n, tail, sizeof tail);
    proto_error err;
    ck_assert_int_eq(decode(buf, n + sizeof tail, &err), RP_OK);
    /* the same with "call" twice */
    n = header(buf, 5, 1, "call_end");
    const uint8_t dup[] = {0xa4, 'c',  'a', 'l',  'l', 0xa1, 'd', 0xa4, 'c', 'a', 'l',
                           'l',  0xa1, 'c', 0xa5, 't', 's',  '_', 'u',  's', 0x05};
    memcpy(buf + n, dup, sizeof dup);
    ck_assert_int_eq(decode(buf, n + sizeof dup, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "call_end.call");
    ck_assert_str_eq(err.reason, "field appears twice");
    /* "type" twice, the second naming another type: rejected, whichever the reader
     * of the envelope (which stops at the first) would route by */
    n = header(buf, 4, 1, "call_end");
    const uint8_t dup_type[] = {0xa4, 'c', 'a', 'l',  'l', 0xa1, 'c', 0xa4, 't',
                                'y',  'p', 'e', 0xa4, 't', 'e',  'x', 't'};
    memcpy(buf + n, dup_type, sizeof dup_type);
    ck_assert_int_eq(decode(buf, n + sizeof dup_type, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "call_end.type");
    ck_assert_str_eq(err.reason, "field appears twice");
    proto_type type;
    proto_str call;
    ck_assert_int_eq(proto_peek(buf, n + sizeof dup_type, &type, &call, &err), RP_OK);
    ck_assert_int_eq(type, PROTO_T_CALL_END);
}
END_TEST

START_TEST(arena_exhaustion_fails_cleanly)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t i_snap = 0;
    for (size_t i = 0; i < ex.n_msgs; i++) {
        if (ex.msgs[i].type == PROTO_T_SNAPSHOT) {
            i_snap = i;
        }
    }
    size_t n = encode_example(&ex, i_snap, buf, sizeof buf);
    proto_msg m;
    proto_error err;
    ck_assert_int_eq(proto_decode(buf, n, NULL, &m, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "arena"));
    uint8_t small[64];
    proto_arena arena;
    proto_arena_init(&arena, small, sizeof small);
    ck_assert_int_eq(proto_decode(buf, n, &arena, &m, &err), RP_EPROTO);
    proto_arena_init(&arena, arena_mem, sizeof arena_mem);
    ck_assert_int_eq(proto_decode(buf, n, &arena, &m, &err), RP_OK);
    ck_assert_uint_eq(m.u.snapshot.n_calls, 2);
    ck_assert_uint_eq(m.u.snapshot.calls[0].n_cues, 2);
    ck_assert_int_eq(m.u.snapshot.calls[0].cues[1].cue, PROTO_CUE_ESCALATION_INTENT);
}
END_TEST

/* Seeded random mutations of valid messages: every result is RP_OK or RP_EPROTO,
 * and whatever decodes re-encodes. Replay a failure with RP_TEST_SEED. */
START_TEST(random_mutations_never_crash)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint64_t rng = rp_test_seed();
    long ok = 0, rejected = 0;
    for (int round = 0; round < 20000; round++) {
        size_t i = (size_t)(rp_test_rand(&rng) % ex.n_msgs);
        uint8_t buf[8192];
        size_t n = encode_example(&ex, i, buf, sizeof buf);
        int flips = 1 + (int)(rp_test_rand(&rng) % 4);
        for (int f = 0; f < flips; f++) {
            size_t at = (size_t)(rp_test_rand(&rng) % n);
            buf[at] = (uint8_t)rp_test_rand(&rng);
        }
        uint8_t *copy = malloc(n);
        memcpy(copy, buf, n);
        proto_arena arena;
        proto_arena_init(&arena, arena_mem, sizeof arena_mem);
        proto_msg m;
        int rc = proto_decode(copy, n, &arena, &m, NULL);
        ck_assert(rc == RP_OK || rc == RP_EPROTO);
        if (rc == RP_OK) {
            uint8_t out[8192];
            size_t n2;
            ck_assert_int_eq(proto_encode(&m, out, sizeof out, &n2, NULL), RP_OK);
            char j[16384];
            ck_assert_int_eq(proto_to_json(&m, j, sizeof j, &n2), RP_OK);
            ok++;
        } else {
            rejected++;
        }
        free(copy);
    }
    ck_assert_int_gt(rejected, 0);
    ck_assert_int_gt(ok + rejected, 0);
}
END_TEST

/* proto_peek reads what proto_decode would (type, call) from every valid message,
 * and on any cut or mutation returns RP_OK or RP_EPROTO within the bytes (ASan). */
START_TEST(peek_reads_the_envelope_and_survives_hostile_bytes)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint64_t allocs = rp_alloc_count();
    for (size_t i = 0; i < ex.n_msgs; i++) {
        uint8_t buf[8192];
        size_t n = encode_example(&ex, i, buf, sizeof buf);
        proto_type type;
        proto_str call;
        ck_assert_int_eq(proto_peek(buf, n, &type, &call, NULL), RP_OK);
        ck_assert_int_eq(type, ex.msgs[i].type);
        proto_str want = proto_msg_call(&ex.msgs[i]);
        ck_assert_uint_eq(call.len, want.len);
        ck_assert(want.len == 0 || memcmp(call.ptr, want.ptr, want.len) == 0);
        for (size_t cut = 0; cut < n; cut++) {
            uint8_t *copy = malloc(cut ? cut : 1);
            memcpy(copy, buf, cut);
            proto_error err;
            int rc = proto_peek(copy, cut, &type, &call, &err);
            ck_assert(rc == RP_OK || rc == RP_EPROTO);
            ck_assert(rc == RP_OK || strlen(err.reason) > 0);
            ck_assert(call.len == 0 || (const uint8_t *)call.ptr + call.len <= copy + cut);
            free(copy);
        }
    }
    uint64_t rng = rp_test_seed();
    for (int round = 0; round < 20000; round++) {
        size_t i = (size_t)(rp_test_rand(&rng) % ex.n_msgs);
        uint8_t buf[8192];
        size_t n = encode_example(&ex, i, buf, sizeof buf);
        for (int f = 0; f < 3; f++) {
            buf[rp_test_rand(&rng) % n] = (uint8_t)rp_test_rand(&rng);
        }
        uint8_t *copy = malloc(n);
        memcpy(copy, buf, n);
        proto_type type;
        proto_str call;
        int rc = proto_peek(copy, n, &type, &call, NULL);
        ck_assert(rc == RP_OK || rc == RP_EPROTO);
        free(copy);
    }
    /* no version, a call that is not a string */
    const uint8_t no_v[] = {0x81, 0xa4, 't', 'y', 'p', 'e', 0xa5, 'a', 'u', 'd', 'i', 'o'};
    const uint8_t bad_call[] = {0x83, 0xa1, 'v', 0x01, 0xa4, 't', 'y', 'p', 'e', 0xa5, 'a',
                                'u',  'd',  'i', 'o',  0xa4, 'c', 'a', 'l', 'l', 0x91, 0x01};
    proto_type type;
    proto_str call;
    proto_error err;
    ck_assert_int_eq(proto_peek(no_v, sizeof no_v, &type, &call, &err), RP_EPROTO);
    ck_assert_ptr_nonnull(strstr(err.reason, "'v'"));
    ck_assert_int_eq(proto_peek(bad_call, sizeof bad_call, &type, &call, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "call");
    ck_assert_int_eq(proto_peek(NULL, 0, &type, &call, &err), RP_EPROTO);
    ck_assert_uint_eq(rp_alloc_count(), allocs);
}
END_TEST

Suite *hostile_suite(void)
{
    Suite *s = suite_create("hostile");
    TCase *tc = tcase_create("limits");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_truncation_of_every_example_is_rejected);
    tcase_add_test(tc, trailing_bytes_are_rejected);
    tcase_add_test(tc, array_header_claiming_4g_items_is_rejected_without_reserving);
    tcase_add_test(tc, nesting_33_deep_is_rejected);
    tcase_add_test(tc, str32_claiming_2gib_is_rejected);
    tcase_add_test(tc, unknown_types_and_versions_are_rejected);
    tcase_add_test(tc, arena_exhaustion_fails_cleanly);
    tcase_add_test(tc, random_mutations_never_crash);
    tcase_add_test(tc, peek_reads_the_envelope_and_survives_hostile_bytes);
    suite_add_tcase(s, tc);
    tc = tcase_create("fields");
    tcase_add_test(tc, bad_fields_are_named_in_the_error);
    tcase_add_test(tc, audio_rules_are_enforced);
    tcase_add_test(tc, non_finite_and_out_of_range_numbers_are_rejected);
    tcase_add_test(tc, extension_keys_are_ignored_and_duplicates_rejected);
    suite_add_tcase(s, tc);
    return s;
}
