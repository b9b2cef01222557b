/* tests/engine/test_playbook.c - playbook loading, validation with line numbers,
 * queue overrides, and clean failure at every allocation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "engine/playbook.h"
#include "suites.h"

static eng_playbook *load_ok(const char *text)
{
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    int rc = eng_playbook_load_string(text, "test.ini", &pb, err);
    ck_assert_msg(rc == RP_OK, "load failed: %s", err);
    return pb;
}

static void load_fails(const char *text, const char *expect)
{
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load_string(text, "test.ini", &pb, err), RP_EINVAL);
    ck_assert_ptr_null(pb);
    ck_assert_msg(strstr(err, expect) != NULL, "error '%s' lacks '%s'", err, expect);
}

START_TEST(defaults_are_complete_and_consistent)
{
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load(NULL, &pb, err), RP_OK);
    eng_rules r;
    eng_playbook_rules(pb, NULL, 0, &r);
    for (int k = 0; k < PROTO_CUE_COUNT; k++) {
        ck_assert_msg(r.cue[k].enabled, "cue %d off by default", k);
        ck_assert_uint_le(r.cue[k].priority, 9);
        ck_assert_uint_gt(strlen(r.cue[k].prompt), 10);
        ck_assert_uint_gt(r.cue[k].max_per_call, 0);
    }
    ck_assert_float_eq(r.cue[PROTO_CUE_SPEAKING_FAST].open, 1.25f);
    ck_assert_float_eq(r.cue[PROTO_CUE_EXTENDED_SILENCE].open, 5000.0f);
    ck_assert_int_eq(r.esc[PROTO_REASON_LEGAL].level, PROTO_LEVEL_PRIORITY);
    ck_assert_int_eq(r.esc[PROTO_REASON_SENSITIVE_TOPIC].level, PROTO_LEVEL_HANDOFF);
    ck_assert_int_eq(r.esc[PROTO_REASON_SAFETY].level, PROTO_LEVEL_PRIORITY);
    ck_assert_uint_eq(r.n_safety_checklist, 4);
    ck_assert_uint_gt(strlen(r.safety_prompt), 10);
    ck_assert_float_eq(r.esc[PROTO_REASON_SAFETY].threshold, 0.7f);
    ck_assert_uint_eq(r.n_checklist, 4);
    ck_assert_uint_eq(r.turns.backchannel_max_ms, 1000);
    eng_playbook_destroy(&pb);
    ck_assert_ptr_null(pb);
    eng_playbook_destroy(&pb);
    eng_playbook_destroy(NULL);
}
END_TEST

START_TEST(keys_and_queue_overrides_apply)
{
    eng_playbook *pb = load_ok("; a playbook\n"
                               "[queue.billing]\n"
                               "cue.speaking_fast.open = 1.5\n"
                               "general.prompt_gap_ms = 20000\n"
                               "[general]\n"
                               "prompt_gap_ms = 12000\n"
                               "[cue.speaking_fast]\n"
                               "open = 1.3\n"
                               "prompt = Slow down, please.\n"
                               "[escalation.cancel]\n"
                               "level = priority\n"
                               "[turns]\n"
                               "backchannel_max_ms = 800\n"
                               "[checklist]\n"
                               "item = Breathe\n"
                               "item = Acknowledge\n"
                               "[cue.sensitive_topic]\n"
                               "safety_prompt = Follow procedure SG-4 now.\n"
                               "[checklist.safety]\n"
                               "item = Keep them talking\n");
    eng_rules r;
    eng_playbook_rules(pb, NULL, 0, &r);
    ck_assert_float_eq(r.cue[PROTO_CUE_SPEAKING_FAST].open, 1.3f);
    ck_assert_str_eq(r.cue[PROTO_CUE_SPEAKING_FAST].prompt, "Slow down, please.");
    ck_assert_uint_eq(r.prompt_gap_ms, 12000);
    ck_assert_int_eq(r.esc[PROTO_REASON_CANCEL].level, PROTO_LEVEL_PRIORITY);
    ck_assert_uint_eq(r.turns.backchannel_max_ms, 800);
    ck_assert_uint_eq(r.n_checklist, 2);
    ck_assert_str_eq(r.checklist[1], "Acknowledge");
    /* the safety steps and prompt (twenty-ninth session): replaced as a whole */
    ck_assert_str_eq(r.safety_prompt, "Follow procedure SG-4 now.");
    ck_assert_uint_eq(r.n_safety_checklist, 1);
    ck_assert_str_eq(r.safety_checklist[0], "Keep them talking");
    /* the billing queue: its overrides win, applied over the file's values */
    eng_playbook_rules(pb, "billing", 7, &r);
    ck_assert_float_eq(r.cue[PROTO_CUE_SPEAKING_FAST].open, 1.5f);
    ck_assert_uint_eq(r.prompt_gap_ms, 20000);
    ck_assert_str_eq(r.cue[PROTO_CUE_SPEAKING_FAST].prompt, "Slow down, please.");
    /* another queue: the file's values */
    eng_playbook_rules(pb, "sales", 5, &r);
    ck_assert_float_eq(r.cue[PROTO_CUE_SPEAKING_FAST].open, 1.3f);
    ck_assert_uint_eq(eng_playbook_n_queues(pb), 1);
    eng_playbook_destroy(&pb);
}
END_TEST

START_TEST(errors_name_the_file_line_and_key)
{
    load_fails("[cue.speaking_fast]\nopen = fast\n",
               "test.ini:2: [cue.speaking_fast] open: expected a number");
    load_fails("[general]\n\nprompt_gap_ms = -5\n", "test.ini:3: [general] prompt_gap_ms");
    load_fails("[cue.shouting]\nopen = 1\n",
               "test.ini:2: [cue.shouting] open: unknown cue 'shouting'");
    load_fails("[cue.sarcasm]\nloudness = 1\n", "test.ini:2: [cue.sarcasm] loudness: unknown key");
    load_fails("[weather]\nsunny = yes\n", "unknown section [weather]");
    load_fails("[escalation.legal]\nlevel = panic\n", "expected supervisor, handoff or priority");
    load_fails("[cue.sarcasm]\npriority = 10\n", "0..9");
    load_fails("[general]\nthis line has no equals sign\n", "test.ini:2:");
    load_fails("[queue.billing]\nspeaking_fast = 2\n", "SECTION.KEY");
    load_fails("[queue.billing]\ncue.speaking_fast.open = x\n", "test.ini:2:");
    load_fails("[queue.bad queue]\ncue.speaking_fast.open = 1\n", "not a valid id");
    load_fails("[chat]\nrepeat_gap_ms = 3600001\n", "test.ini:2: [chat] repeat_gap_ms");
    load_fails("[queue.billing]\nchecklist.safety.item = x\n", "cannot be overridden per queue");
    load_fails("[checklist.safety]\nitem = 1\nitem = 2\nitem = 3\nitem = 4\nitem = 5\n",
               "at most 4 checklist items");
}
END_TEST

START_TEST(chat_keys)
{
    eng_rules r;
    eng_playbook *pb = load_ok("[chat]\nresponse_ms = 45000\nrepeat_messages = 4\n"
                               "repeat_gap_ms = 5000\n");
    eng_playbook_rules(pb, NULL, 0, &r);
    ck_assert_uint_eq(r.chat_response_ms, 45000);
    ck_assert_uint_eq(r.chat_repeat_messages, 4);
    ck_assert_uint_eq(r.chat_repeat_gap_ms, 5000);
    eng_playbook_destroy(&pb);
    pb = load_ok("");
    eng_playbook_rules(pb, NULL, 0, &r);
    ck_assert_uint_eq(r.chat_repeat_gap_ms, 10000);
    eng_playbook_destroy(&pb);
}
END_TEST

START_TEST(hysteresis_in_the_wrong_direction_is_refused)
{
    load_fails("[cue.speaking_fast]\nopen = 1.2\nclose = 1.4\n",
               "cue.speaking_fast: close (1.4) must be at or below open (1.2)");
    load_fails("[cue.negative_sentiment]\nopen = -0.2\nclose = -0.5\n", "at or above");
    /* a queue override can break it too */
    load_fails("[queue.vip]\ncue.customer_tension.close = 0.9\n",
               "[queue.vip] cue.customer_tension");
    /* disabled cues are not checked */
    eng_playbook *pb = load_ok("[cue.speaking_fast]\nenabled = false\nopen = 1.2\nclose = 1.4\n");
    eng_playbook_destroy(&pb);
}
END_TEST

START_TEST(long_lines_and_missing_files_get_clear_errors)
{
    char text[512];
    int n = snprintf(text, sizeof text, "[cue.sarcasm]\nprompt = ");
    memset(text + n, 'x', 300);
    text[n + 300] = '\n';
    text[n + 301] = '\0';
    load_fails(text, "test.ini:2: line longer than 199 bytes");
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load("/nonexistent/playbook.ini", &pb, err), RP_EIO);
    ck_assert_ptr_nonnull(strstr(err, "No such file"));
}
END_TEST

START_TEST(load_cleans_up_when_any_allocation_fails)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    const char *text = "[queue.billing]\ncue.sarcasm.open = 0.6\n[general]\nprompt_gap_ms = 1\n";
    int failures = 0;
    for (uint64_t n = 1; n < 50; n++) {
        eng_playbook *pb = NULL;
        char err[RP_ERR_LEN];
        rp_alloc_fail_at(n);
        int rc = eng_playbook_load_string(text, "t", &pb, err);
        bool fired = rp_alloc_fault_fired();
        rp_alloc_fail_at(0);
        if (!fired) {
            ck_assert_int_eq(rc, RP_OK);
            eng_playbook_destroy(&pb);
            break;
        }
        ck_assert_int_eq(rc, RP_ENOMEM);
        ck_assert_ptr_null(pb);
        failures++;
    }
    ck_assert_int_ge(failures, 2);
}
END_TEST

START_TEST(the_sample_playbook_in_docs_loads)
{
    const char *root = getenv("RP_SOURCE_ROOT");
    ck_assert_ptr_nonnull(root);
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/playbook.sample.ini", root);
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    int rc = eng_playbook_load(path, &pb, err);
    ck_assert_msg(rc == RP_OK, "%s", err);
    eng_rules def, file;
    eng_rules_default(&def);
    eng_playbook_rules(pb, NULL, 0, &file);
    /* the sample shows the defaults: loading it changes nothing */
    ck_assert_mem_eq(&def.cue, &file.cue, sizeof def.cue);
    ck_assert_mem_eq(&def.esc, &file.esc, sizeof def.esc);
    ck_assert_str_eq(def.loss_prompt, file.loss_prompt);
    ck_assert_uint_eq(def.prompt_gap_ms, file.prompt_gap_ms);
    ck_assert_uint_eq(def.chat_repeat_gap_ms, file.chat_repeat_gap_ms);
    eng_playbook_rules(pb, "collections", 11, &file);
    ck_assert_float_eq(file.cue[PROTO_CUE_SPEAKING_FAST].open, 1.15f);
    ck_assert_uint_eq(file.retention_days, 90);
    ck_assert_uint_eq(eng_playbook_retention_days(pb, NULL, 0), def.retention_days);
    eng_playbook_destroy(&pb);
}
END_TEST

START_TEST(retention_days_default_bounds_and_queue_overrides)
{
    eng_playbook *pb = load_ok("");
    ck_assert_uint_eq(eng_playbook_retention_days(pb, NULL, 0), ENG_RETENTION_DEFAULT_DAYS);
    ck_assert_uint_eq(eng_playbook_retention_days(pb, "any", 3), ENG_RETENTION_DEFAULT_DAYS);
    eng_playbook_destroy(&pb);
    pb = load_ok("[retention]\ndays = 7\n[queue.vip]\nretention.days = 365\n"
                 "cue.sarcasm.open = 0.7\n[queue.sales]\ncue.sarcasm.open = 0.8\n");
    ck_assert_uint_eq(eng_playbook_retention_days(pb, NULL, 0), 7);
    ck_assert_uint_eq(eng_playbook_retention_days(pb, "vip", 3), 365);
    ck_assert_uint_eq(eng_playbook_retention_days(pb, "sales", 5), 7);
    ck_assert_uint_eq(eng_playbook_retention_days(pb, "vi", 2), 7);
    eng_rules r;
    eng_playbook_rules(pb, "vip", 3, &r);
    ck_assert_uint_eq(r.retention_days, 365);
    eng_playbook_destroy(&pb);
    pb = load_ok("[retention]\ndays = 0\n");
    ck_assert_uint_eq(eng_playbook_retention_days(pb, NULL, 0), 0);
    eng_playbook_destroy(&pb);
    load_fails("[retention]\ndays = 3651\n", "test.ini:2: [retention] days: expected a whole "
                                             "number 0..3650");
    load_fails("[queue.vip]\nretention.days = -1\n", "test.ini:2:");
    load_fails("[retention]\nweeks = 2\n", "unknown key");
}
END_TEST

Suite *playbook_suite(void)
{
    Suite *s = suite_create("playbook");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, defaults_are_complete_and_consistent);
    tcase_add_test(tc, keys_and_queue_overrides_apply);
    tcase_add_test(tc, errors_name_the_file_line_and_key);
    tcase_add_test(tc, chat_keys);
    tcase_add_test(tc, hysteresis_in_the_wrong_direction_is_refused);
    tcase_add_test(tc, long_lines_and_missing_files_get_clear_errors);
    tcase_add_test(tc, load_cleans_up_when_any_allocation_fails);
    tcase_add_test(tc, the_sample_playbook_in_docs_loads);
    tcase_add_test(tc, retention_days_default_bounds_and_queue_overrides);
    suite_add_tcase(s, tc);
    return s;
}
