/* tests/proto/test_roundtrip.c - encode -> decode -> encode for every message type,
 * cross-checked against msgpack-c's own unpacker. */
#include <msgpack.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "suites.h"

static uint8_t arena_mem[1 << 16];

size_t encode_example(proto_examples *ex, size_t i, uint8_t *buf, size_t cap)
{
    size_t n = 0;
    proto_error err;
    int rc = proto_encode(&ex->msgs[i], buf, cap, &n, &err);
    ck_assert_msg(rc == RP_OK, "example %zu (%s): %s: %s", i, proto_type_name(ex->msgs[i].type),
                  err.path, err.reason);
    return n;
}

size_t example_index(const proto_examples *ex, proto_type type, int nth)
{
    for (size_t i = 0; i < ex->n_msgs; i++) {
        if (ex->msgs[i].type == type && nth-- == 0) {
            return i;
        }
    }
    ck_abort_msg("no example of %s", proto_type_name(type));
    return 0;
}

START_TEST(every_type_has_an_example)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    int seen[PROTO_T_COUNT] = {0};
    for (size_t i = 0; i < ex.n_msgs; i++) {
        seen[ex.msgs[i].type]++;
    }
    for (int t = PROTO_T_NONE + 1; t < PROTO_T_COUNT; t++) {
        ck_assert_msg(seen[t] > 0, "no example of %s", proto_type_name((proto_type)t));
    }
}
END_TEST

START_TEST(every_example_round_trips_byte_for_byte)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    for (size_t i = 0; i < ex.n_msgs; i++) {
        uint8_t a[8192], b[8192];
        size_t na = encode_example(&ex, i, a, sizeof a);
        proto_arena arena;
        proto_arena_init(&arena, arena_mem, sizeof arena_mem);
        proto_msg m;
        proto_error err;
        int rc = proto_decode(a, na, &arena, &m, &err);
        ck_assert_msg(rc == RP_OK, "example %zu: %s: %s", i, err.path, err.reason);
        ck_assert_int_eq(m.type, ex.msgs[i].type);
        size_t nb = 0;
        ck_assert_int_eq(proto_encode(&m, b, sizeof b, &nb, &err), RP_OK);
        ck_assert_uint_eq(na, nb);
        ck_assert_mem_eq(a, b, na);
        char ja[16384], jb[16384];
        size_t nja, njb;
        ck_assert_int_eq(proto_to_json(&ex.msgs[i], ja, sizeof ja, &nja), RP_OK);
        ck_assert_int_eq(proto_to_json(&m, jb, sizeof jb, &njb), RP_OK);
        ck_assert_str_eq(ja, jb);
    }
}
END_TEST

START_TEST(decoded_fields_carry_the_values_sent)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t n = encode_example(&ex, example_index(&ex, PROTO_T_AUDIO, 1), buf, sizeof buf);
    proto_msg m;
    ck_assert_int_eq(proto_decode(buf, n, NULL, &m, NULL), RP_OK);
    ck_assert_int_eq(m.type, PROTO_T_AUDIO);
    ck_assert(proto_str_eq(m.u.audio.call, "call-20261125-0001"));
    ck_assert_int_eq(m.u.audio.ch, PROTO_CUSTOMER);
    ck_assert_uint_eq(m.u.audio.rate_hz, 8000);
    ck_assert_int_eq(m.u.audio.enc, PROTO_MULAW);
    ck_assert_uint_eq(m.u.audio.samples.len, PROTO_EXAMPLE_SAMPLES);
    ck_assert_mem_eq(m.u.audio.samples.ptr, ex.mulaw, PROTO_EXAMPLE_SAMPLES);
    /* borrowed, not copied: the samples point into the input buffer */
    ck_assert(m.u.audio.samples.ptr >= buf && m.u.audio.samples.ptr < buf + n);

    n = encode_example(&ex, example_index(&ex, PROTO_T_CALL_START, 0), buf, sizeof buf);
    ck_assert_int_eq(proto_decode(buf, n, NULL, &m, NULL), RP_OK);
    ck_assert(m.u.call_start.present & PROTO_CALL_START_CRM);
    ck_assert(m.u.call_start.crm.present & PROTO_CRM_TIER);
    ck_assert(proto_str_eq(m.u.call_start.crm.tier, "gold"));
    ck_assert_uint_eq(m.u.call_start.crm.tenure_days, 1290);
    ck_assert(m.u.call_start.consent.voice_emotion);
    ck_assert_int_eq(m.u.call_start.ts_us, 1764072000000000LL);
}
END_TEST

START_TEST(msgpack_c_reads_what_we_write)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    for (size_t i = 0; i < ex.n_msgs; i++) {
        uint8_t buf[8192];
        size_t n = encode_example(&ex, i, buf, sizeof buf);
        msgpack_unpacked up;
        msgpack_unpacked_init(&up);
        size_t off = 0;
        msgpack_unpack_return r = msgpack_unpack_next(&up, (const char *)buf, n, &off);
        ck_assert_int_eq(r, MSGPACK_UNPACK_SUCCESS);
        ck_assert_uint_eq(off, n);
        ck_assert_int_eq(up.data.type, MSGPACK_OBJECT_MAP);
        /* the first key is "v" = 1 */
        msgpack_object_kv *kv0 = &up.data.via.map.ptr[0];
        ck_assert_int_eq(kv0->key.type, MSGPACK_OBJECT_STR);
        ck_assert_uint_eq(kv0->key.via.str.size, 1);
        ck_assert_uint_eq(kv0->val.via.u64, PROTO_VERSION);
        msgpack_unpacked_destroy(&up);
    }
}
END_TEST

/* A third-party sender: keys in another order, "type" before "v", signed ints
 * for unsigned fields, float64 for floats, an extension key. */
START_TEST(we_read_what_another_msgpack_writer_produces)
{
    msgpack_sbuffer sb;
    msgpack_sbuffer_init(&sb);
    msgpack_packer pk;
    msgpack_packer_init(&pk, &sb, msgpack_sbuffer_write);
    msgpack_pack_map(&pk, 9);
#define KEY(s) (msgpack_pack_str(&pk, strlen(s)), msgpack_pack_str_body(&pk, s, strlen(s)))
    KEY("samples");
    const uint8_t pcm[4] = {0x00, 0x10, 0x00, 0xf0};
    msgpack_pack_bin(&pk, 4);
    msgpack_pack_bin_body(&pk, pcm, 4);
    KEY("type");
    KEY("audio");
    KEY("x-gateway");
    KEY("sbc-3");
    KEY("rate_hz");
    msgpack_pack_int32(&pk, 16000);
    KEY("v");
    msgpack_pack_int8(&pk, 1);
    KEY("enc");
    KEY("pcm16le");
    KEY("ch");
    KEY("agent");
    KEY("call");
    KEY("c1");
    KEY("seq");
    msgpack_pack_int64(&pk, 42);
#undef KEY
    proto_msg m;
    proto_error err;
    /* ts_us is missing: rejected, naming the field */
    ck_assert_int_eq(proto_decode((const uint8_t *)sb.data, sb.size, NULL, &m, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "audio.ts_us");
    ck_assert_str_eq(err.reason, "required field is missing");
    /* add it: patch the map header from 9 to 10 pairs and append */
    ck_assert_uint_eq((uint8_t)sb.data[0], 0x89);
    sb.data[0] = (char)0x8a;
    msgpack_pack_str(&pk, 5);
    msgpack_pack_str_body(&pk, "ts_us", 5);
    msgpack_pack_double(&pk, 1.0); /* a float where an integer belongs */
    ck_assert_int_eq(proto_decode((const uint8_t *)sb.data, sb.size, NULL, &m, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "audio.ts_us");
    sb.size -= 9;
    msgpack_pack_int64(&pk, 1000);
    int rc = proto_decode((const uint8_t *)sb.data, sb.size, NULL, &m, &err);
    ck_assert_msg(rc == RP_OK, "%s: %s", err.path, err.reason);
    ck_assert_uint_eq(m.u.audio.seq, 42);
    ck_assert_uint_eq(m.u.audio.samples.len, 4);
    ck_assert_int_eq(m.u.audio.ts_us, 1000);
    msgpack_sbuffer_destroy(&sb);
}
END_TEST

START_TEST(json_of_a_known_message_is_exact)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    char j[4096];
    size_t n;
    ck_assert_int_eq(proto_to_json(&ex.msgs[example_index(&ex, PROTO_T_AUDIO, 0)], j, sizeof j, &n),
                     RP_OK);
    ck_assert_str_eq(j, "{\"v\":1,\"type\":\"audio\",\"call\":\"call-20261125-0001\",\"ch\":"
                        "\"agent\",\"seq\":0,\"ts_us\":1764072000000000,\"rate_hz\":8000,"
                        "\"enc\":\"pcm16le\",\"samples\":{\"n_samples\":160,\"bytes\":320}}");
    ck_assert_uint_eq(n, strlen(j));
    ck_assert_int_eq(proto_to_json(&ex.msgs[example_index(&ex, PROTO_T_AUDIO, 0)], j, 20, &n),
                     RP_EFULL);
    /* escaping: quotes, backslash, newline, control characters */
    proto_msg m = ex.msgs[example_index(&ex, PROTO_T_TEXT, 1)];
    m.u.text.text = proto_cstr("a\"b\\c\nd\x01");
    ck_assert_int_eq(proto_to_json(&m, j, sizeof j, &n), RP_OK);
    ck_assert_ptr_nonnull(strstr(j, "\"text\":\"a\\\"b\\\\c\\nd\\u0001\""));
}
END_TEST

START_TEST(codec_never_allocates)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint64_t before = rp_alloc_count();
    for (int rep = 0; rep < 500; rep++) {
        for (size_t i = 0; i < ex.n_msgs; i++) {
            uint8_t buf[8192];
            size_t n = 0;
            ck_assert_int_eq(proto_encode(&ex.msgs[i], buf, sizeof buf, &n, NULL), RP_OK);
            proto_arena arena;
            proto_arena_init(&arena, arena_mem, sizeof arena_mem);
            proto_msg m;
            ck_assert_int_eq(proto_decode(buf, n, &arena, &m, NULL), RP_OK);
            char j[8192];
            ck_assert_int_eq(proto_to_json(&m, j, sizeof j, &n), RP_OK);
        }
    }
    ck_assert_uint_eq(rp_alloc_count(), before);
}
END_TEST

Suite *roundtrip_suite(void)
{
    Suite *s = suite_create("roundtrip");
    TCase *tc = tcase_create("roundtrip");
    tcase_add_test(tc, every_type_has_an_example);
    tcase_add_test(tc, every_example_round_trips_byte_for_byte);
    tcase_add_test(tc, decoded_fields_carry_the_values_sent);
    tcase_add_test(tc, msgpack_c_reads_what_we_write);
    tcase_add_test(tc, we_read_what_another_msgpack_writer_produces);
    tcase_add_test(tc, json_of_a_known_message_is_exact);
    tcase_add_test(tc, codec_never_allocates);
    suite_add_tcase(s, tc);
    return s;
}
