/* tests/proto/test_schema.c - encoder validation, topics, names. */
#include <string.h>

#include "proto/schema.h"
#include "suites.h"

START_TEST(encoder_refuses_what_the_decoder_would_reject)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t n = 99;
    proto_error err;
    proto_msg m = ex.msgs[example_index(&ex, PROTO_T_CALL_START, 0)];
    m.u.call_start.agent = proto_cstr("");
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_str_eq(err.path, "call_start.agent");
    ck_assert_uint_eq(n, 0);
    m = ex.msgs[example_index(&ex, PROTO_T_CALL_START, 0)];
    m.u.call_start.medium = (proto_medium)7;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    ck_assert_str_eq(err.path, "call_start.medium");
    m = ex.msgs[example_index(&ex, PROTO_T_CALL_START, 0)];
    m.type = PROTO_T_NONE;
    ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &n, &err), RP_EINVAL);
    m = ex.msgs[example_index(&ex, PROTO_T_CALL_START, 0)];
    ck_assert_int_eq(proto_encode(&m, buf, 10, &n, &err), RP_EFULL);
    ck_assert_int_eq(proto_encode(NULL, buf, sizeof buf, &n, &err), RP_EINVAL);
}
END_TEST

START_TEST(optional_fields_are_written_only_when_flagged)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    proto_msg m = ex.msgs[example_index(&ex, PROTO_T_CALL_START, 0)];
    uint8_t full[8192], lean[8192];
    size_t nf, nl;
    ck_assert_int_eq(proto_encode(&m, full, sizeof full, &nf, NULL), RP_OK);
    m.u.call_start.present = 0;
    ck_assert_int_eq(proto_encode(&m, lean, sizeof lean, &nl, NULL), RP_OK);
    ck_assert_uint_lt(nl, nf);
    proto_msg d;
    ck_assert_int_eq(proto_decode(lean, nl, NULL, &d, NULL), RP_OK);
    ck_assert_uint_eq(d.u.call_start.present, 0);
    ck_assert_uint_eq(d.u.call_start.customer.len, 0);
    ck_assert_int_eq(d.u.call_start.handler, PROTO_HUMAN);
}
END_TEST

START_TEST(agent_features_cannot_carry_emotion)
{
    /* The agent object has no arousal/valence/emotions fields: a sender that adds
     * one is rejected, whatever its value. */
    static proto_examples ex;
    proto_examples_init(&ex);
    uint8_t buf[8192];
    size_t n = encode_example(&ex, example_index(&ex, PROTO_T_FEATURES, 0), buf, sizeof buf);
    /* rename the agent's "tone_deaf" key to "arousal.." (same length) */
    const char *needle = "tone_deaf";
    for (size_t i = 0; i + 9 <= n; i++) {
        if (memcmp(buf + i, needle, 9) == 0) {
            memcpy(buf + i, "arousal__", 9);
            break;
        }
    }
    proto_msg m;
    proto_error err;
    ck_assert_int_eq(proto_decode(buf, n, NULL, &m, &err), RP_EPROTO);
    ck_assert_str_eq(err.path, "features.agent.arousal__");
}
END_TEST

START_TEST(topics_select_agent_team_or_all)
{
    char t[256];
    ck_assert_int_eq(proto_topic(proto_cstr("team-1"), proto_cstr("agent-7"), proto_cstr("c9"),
                                 PROTO_T_CUE, t, sizeof t),
                     RP_OK);
    ck_assert_str_eq(t, "call/team-1/agent-7/c9/cue");
    ck_assert_int_eq(strncmp(t, "call/team-1/", 12), 0);
    ck_assert_int_eq(proto_topic(proto_cstr("team/1"), proto_cstr("a"), proto_cstr("c"),
                                 PROTO_T_CUE, t, sizeof t),
                     RP_EINVAL);
    ck_assert_int_eq(
        proto_topic(proto_cstr("t"), proto_cstr("a"), proto_cstr("c"), PROTO_T_CUE, t, 8),
        RP_EFULL);
}
END_TEST

START_TEST(names_and_ids)
{
    ck_assert_str_eq(proto_type_name(PROTO_T_SNAPSHOT_REQ), "snapshot_req");
    ck_assert_ptr_null(proto_type_name(PROTO_T_COUNT));
    ck_assert_ptr_null(proto_type_name(PROTO_T_NONE));
    ck_assert_str_eq(proto_cue_name(PROTO_CUE_SARCASM), "sarcasm");
    ck_assert_str_eq(proto_reason_name(PROTO_REASON_LEGAL), "legal");
    ck_assert_str_eq(proto_level_name(PROTO_LEVEL_HANDOFF), "handoff");
    ck_assert_uint_eq(proto_encoding_bytes(PROTO_F32LE), 4);
    ck_assert_uint_eq(proto_encoding_bytes((proto_encoding)9), 0);
    ck_assert(proto_id_valid("agent-1@acme.com:7", 18));
    ck_assert(!proto_id_valid("a b", 3));
    ck_assert(!proto_id_valid("", 0));
    char long_id[70];
    memset(long_id, 'a', sizeof long_id);
    ck_assert(proto_id_valid(long_id, 64));
    ck_assert(!proto_id_valid(long_id, 65));
}
END_TEST

START_TEST(published_messages_carry_a_seq)
{
    static proto_examples ex;
    proto_examples_init(&ex);
    int with = 0;
    for (size_t i = 0; i < ex.n_msgs; i++) {
        proto_msg m = ex.msgs[i];
        uint64_t seq = 0;
        bool has = proto_msg_seq(&m, &seq);
        bool published = m.type == PROTO_T_FEATURES || m.type == PROTO_T_CUE ||
                         m.type == PROTO_T_PROMPT || m.type == PROTO_T_ESCALATION ||
                         m.type == PROTO_T_SUMMARY || m.type == PROTO_T_STATS;
        ck_assert_int_eq(has, published);
        ck_assert_int_eq(proto_msg_set_seq(&m, 4242), published);
        if (published) {
            ck_assert(proto_msg_seq(&m, &seq));
            ck_assert_uint_eq(seq, 4242);
            with++;
        }
    }
    ck_assert_int_eq(with, 7);
}
END_TEST

START_TEST(error_paths_name_keys_and_indices_and_truncate)
{
    proto_path p;
    proto_path_init(&p, "");
    size_t m0 = proto_path_push_key(&p, "snapshot");
    (void)proto_path_push_key(&p, "calls");
    size_t m2 = proto_path_push_index(&p, 0);
    ck_assert_str_eq(p.buf, "snapshot.calls[0]");
    proto_path_restore(&p, m2);
    (void)proto_path_push_index(&p, 4294967295u);
    (void)proto_path_push_key(&p, "cues");
    ck_assert_str_eq(p.buf, "snapshot.calls[4294967295].cues");
    proto_path_restore(&p, m0);
    ck_assert_str_eq(p.buf, "");
    /* far too long: cut at the buffer, still terminated, restorable */
    for (int i = 0; i < 200; i++) {
        (void)proto_path_push_key(&p, "abcdefgh");
    }
    ck_assert_uint_eq(strlen(p.buf), sizeof p.buf - 1u);
    ck_assert_uint_eq(p.len, sizeof p.buf - 1u);
    proto_path_restore(&p, 0);
    (void)proto_path_push_index(&p, 12);
    ck_assert_str_eq(p.buf, "[12]");
}
END_TEST

Suite *schema_suite(void)
{
    Suite *s = suite_create("schema");
    TCase *tc = tcase_create("schema");
    tcase_add_test(tc, encoder_refuses_what_the_decoder_would_reject);
    tcase_add_test(tc, optional_fields_are_written_only_when_flagged);
    tcase_add_test(tc, agent_features_cannot_carry_emotion);
    tcase_add_test(tc, topics_select_agent_team_or_all);
    tcase_add_test(tc, names_and_ids);
    tcase_add_test(tc, published_messages_carry_a_seq);
    tcase_add_test(tc, error_paths_name_keys_and_indices_and_truncate);
    suite_add_tcase(s, tc);
    return s;
}
