/* tests/bench/test_scenario.c - the scenario format: valid files, errors that
 * name the line, hard limits, the timeline, and every shipped scenario. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench/scenario.h"
#include "common/alloc.h"
#include "common/status.h"
#include "suites.h"

static const char *const k_voice = "id: t1\n"
                                   "title: A test\n"
                                   "queue: billing\n"
                                   "consent: {voice_emotion: false, text_emotion: true}\n"
                                   "voices:\n"
                                   "  agent: {voice: en-us+m1, wpm: 170, pitch: 40}\n"
                                   "turns:\n"
                                   "  - {who: agent, at: 0.5, text: \"Hello there.\"}\n"
                                   "  - {id: q, who: customer, text: \"Hi.\", wpm: 200}\n"
                                   "  - {who: agent, overlap: 0.25, text: \"Yes?\", gain_db: -3}\n"
                                   "  - {who: customer, gap: 2, text: \"Bye.\"}\n"
                                   "holds:\n"
                                   "  - {after: q, on: 1, off: 2}\n"
                                   "expect:\n"
                                   "  - {cue: slow_response, party: agent, after: q, within: [1, "
                                   "3], moment: 2}\n"
                                   "  - {escalation: legal, level: priority, within: [0, 9]}\n"
                                   "forbid:\n"
                                   "  - {cue: interruption}\n";

static bench_scenario *parse_ok(const char *text)
{
    char err[RP_ERR_LEN];
    bench_scenario *sc = NULL;
    int rc = bench_scenario_parse("t.yaml", text, strlen(text), &sc, err);
    ck_assert_msg(rc == RP_OK, "parse failed: %s", err);
    ck_assert_ptr_nonnull(sc);
    return sc;
}

/* Parses text expecting failure; returns the error text (static). */
static const char *parse_err(const char *text)
{
    static char err[RP_ERR_LEN];
    bench_scenario *sc = NULL;
    int rc = bench_scenario_parse("t.yaml", text, strlen(text), &sc, err);
    ck_assert_int_ne(rc, RP_OK);
    ck_assert_ptr_null(sc);
    return err;
}

START_TEST(valid_voice_file)
{
    bench_scenario *sc = parse_ok(k_voice);
    ck_assert_str_eq(sc->id, "t1");
    ck_assert_str_eq(sc->title, "A test");
    ck_assert_str_eq(sc->queue, "billing");
    ck_assert_int_eq(sc->medium, PROTO_VOICE);
    ck_assert_int_eq(sc->handler, PROTO_HUMAN);
    ck_assert_uint_eq(sc->rate_hz, 16000);
    ck_assert(!sc->voice_emotion);
    ck_assert(sc->text_emotion);
    ck_assert_uint_eq(sc->n_turns, 4);
    ck_assert_str_eq(sc->turns[0].voice, "en-us+m1"); /* from voices.agent */
    ck_assert_double_eq_tol(sc->turns[0].wpm, 170.0, 1e-9);
    ck_assert_double_eq_tol(sc->turns[1].wpm, 200.0, 1e-9); /* its own */
    ck_assert_str_eq(sc->turns[1].voice, "en-us+f3");       /* default customer voice */
    ck_assert_str_eq(sc->turns[1].label, "q");
    ck_assert_int_eq(sc->turns[2].timing, BENCH_OVERLAP);
    ck_assert_double_eq_tol(sc->turns[2].gain_db, -3.0, 1e-9);
    ck_assert_int_eq(sc->turns[1].line, 9);
    ck_assert_uint_eq(sc->n_holds, 1);
    ck_assert_uint_eq(sc->n_checks, 3);
    ck_assert_int_eq(sc->checks[0].role, BENCH_EXPECT);
    ck_assert_int_eq(sc->checks[0].cue, PROTO_CUE_SLOW_RESPONSE);
    ck_assert(sc->checks[0].has_party && sc->checks[0].party == PROTO_WHO_AGENT);
    ck_assert_int_eq(sc->checks[1].kind, BENCH_CHECK_ESCALATION);
    ck_assert_int_eq(sc->checks[1].reason, PROTO_REASON_LEGAL);
    ck_assert_int_eq(sc->checks[1].level, PROTO_LEVEL_PRIORITY);
    ck_assert_int_eq(sc->checks[2].role, BENCH_FORBID);
    ck_assert(sc->checks[2].whole_call);
    ck_assert_str_eq(bench_check_name(&sc->checks[2]), "interruption");
    bench_scenario_free(&sc);
    ck_assert_ptr_null(sc);
    bench_scenario_free(&sc); /* NULL is a no-op */
}
END_TEST

START_TEST(timeline_places_turns_and_checks)
{
    bench_scenario *sc = parse_ok(k_voice);
    char err[RP_ERR_LEN];
    const double lens[4] = {2.0, 1.0, 0.5, 1.5};
    ck_assert_int_eq(bench_scenario_place(sc, lens, err), RP_OK);
    /* at 0.5 -> 0.5..2.5; default gap 0.4 -> 2.9..3.9; overlap 0.25 -> 3.65..4.15;
     * gap 2 after everyone -> 6.15..7.65; duration = last + 1 */
    ck_assert_double_eq_tol(sc->turns[1].start_s, 2.9, 1e-9);
    ck_assert_double_eq_tol(sc->turns[2].start_s, 3.65, 1e-9);
    ck_assert_double_eq_tol(sc->turns[3].start_s, 6.15, 1e-9);
    ck_assert_double_eq_tol(sc->duration_s, 8.65, 1e-9);
    /* hold after q's end (3.9) */
    ck_assert_double_eq_tol(sc->holds[0].on_s, 4.9, 1e-9);
    ck_assert_double_eq_tol(sc->holds[0].off_s, 5.9, 1e-9);
    /* expect after q: [4.9, 6.9], moment 5.9 */
    ck_assert_double_eq_tol(sc->checks[0].abs_t0_s, 4.9, 1e-9);
    ck_assert_double_eq_tol(sc->checks[0].abs_t1_s, 6.9, 1e-9);
    ck_assert_double_eq_tol(sc->checks[0].abs_moment_s, 5.9, 1e-9);
    ck_assert_double_eq_tol(sc->checks[1].abs_moment_s, 0.0, 1e-9);
    ck_assert(sc->checks[2].abs_t1_s > sc->duration_s);
    bench_scenario_free(&sc);
}
END_TEST

START_TEST(valid_chat_file)
{
    bench_scenario *sc = parse_ok("id: c1\nmedium: chat\nhandler: bot\ncalm: true\n"
                                  "messages:\n"
                                  "  - {who: bot, at: 1, text: hello}\n"
                                  "  - {id: m2, who: customer, gap: 4, text: hi}\n"
                                  "signals:\n  - {after: m2, at: 2, kind: rage_click}\n"
                                  "consent_changes:\n  - {at: 3, voice_emotion: no, "
                                  "text_emotion: no}\n"
                                  "forbid:\n  - {escalation: sensitive_topic, level: handoff}\n");
    char err[RP_ERR_LEN];
    ck_assert_int_eq(sc->medium, PROTO_CHAT);
    ck_assert_int_eq(sc->handler, PROTO_BOT);
    ck_assert(sc->calm);
    ck_assert_int_eq(sc->messages[0].who, PROTO_SPK_BOT);
    ck_assert_int_eq(bench_scenario_place(sc, NULL, err), RP_OK);
    ck_assert_double_eq_tol(sc->messages[1].at_s, 5.0, 1e-9);
    ck_assert_double_eq_tol(sc->signals[0].at_s, 7.0, 1e-9);
    ck_assert_int_eq(sc->signals[0].kind, PROTO_SIG_RAGE_CLICK);
    ck_assert_double_eq_tol(sc->duration_s, 8.0, 1e-9);
    bench_scenario_free(&sc);
}
END_TEST

/* Each bad file and the start of the error it must give (file:line: ...). */
static const struct {
    const char *text, *error;
} k_bad[] = {
    {"id: x\nturns:\n  - {who: agent, text: hi, colour: red}\n", "t.yaml:3: turn: unknown key"},
    {"id: x\nturns:\n  - {who: agent, text: hi, wpm: fast}\n", "t.yaml:3: wpm: expected a number"},
    {"id: x\nturns:\n  - {who: agent, text: hi, wpm: 1000}\n", "t.yaml:3: wpm: expected a number"},
    {"id: x\nturns:\n  - {who: robot, text: hi}\n", "t.yaml:3: who: 'robot' is not one of"},
    {"id: x\nturns:\n  - {who: agent, text: hi, at: 1, gap: 2}\n", "t.yaml:3: give only one"},
    {"id: x\nturns:\n  - {who: agent}\n", "t.yaml:3: turn: needs who and text"},
    {"title: no id\nturns:\n  - {who: agent, text: hi}\n", "t.yaml:1: id: missing"},
    {"id: bad id!\n", "t.yaml:1: id: 'bad id!' is not an id"},
    {"id: x\nid: y\n", "t.yaml:2: scenario: key 'id' given twice"},
    {"id: x\nmedium: chat\nturns:\n  - {who: agent, text: hi}\n", "t.yaml:1: a chat session"},
    {"id: x\nmedium: voice\n", "t.yaml:1: a voice call needs turns"},
    {"id: x\nrate_hz: 11025\nturns:\n  - {who: agent, text: hi}\n", "t.yaml:2: rate_hz"},
    {"id: x\nturns:\n  - {who: agent, text: hi}\nexpect:\n  - {cue: shouting, within: [0, 1]}\n",
     "t.yaml:5: cue: 'shouting' is not one of"},
    {"id: x\nturns:\n  - {who: agent, text: hi}\nexpect:\n  - {cue: sarcasm}\n",
     "t.yaml:5: expect: needs within"},
    {"id: x\nturns:\n  - {who: agent, text: hi}\nexpect:\n  - {cue: sarcasm, within: [3, 1]}\n",
     "t.yaml:5: within: t1 must be after t0"},
    {"id: x\nturns:\n  - {who: agent, text: hi}\nexpect:\n  - {cue: sarcasm, level: priority, "
     "within: [0, 1]}\n",
     "t.yaml:5: expect: level belongs to escalations"},
    {"id: x\ncalm: true\nturns:\n  - {who: agent, text: hi}\nexpect:\n  - {cue: sarcasm, "
     "within: [0, 1]}\n",
     "t.yaml:1: a calm control expects nothing"},
    {"id: x\nturns:\n  - {who: agent, text: hi}\nholds:\n  - {on: 5, off: 2}\n",
     "t.yaml:5: hold: needs on and off"},
    {"id: x\nturns: [\n", "t.yaml:3: YAML:"},
    {"id: &a x\ntitle: *a\n", "t.yaml:2: aliases"},
    {"id: x\nturns:\n  - {who: agent, text: [[[[[[x]]]]]]}\n", "t.yaml:3: nested deeper"},
    {"id: x\n---\nid: y\n", "t.yaml:2: one document per file"},
    {"- just\n- a list\n", "t.yaml:1: scenario: expected a mapping"},
    {"", "t.yaml:1: empty file"},
};

START_TEST(errors_name_the_line)
{
    const char *err = parse_err(k_bad[_i].text);
    ck_assert_msg(strncmp(err, k_bad[_i].error, strlen(k_bad[_i].error)) == 0,
                  "case %d: got '%s', want '%s...'", _i, err, k_bad[_i].error);
}
END_TEST

START_TEST(placement_errors)
{
    char err[RP_ERR_LEN];
    bench_scenario *sc = parse_ok("id: x\nturns:\n  - {who: agent, text: hi}\nexpect:\n"
                                  "  - {cue: sarcasm, after: nobody, within: [0, 1]}\n");
    const double len = 1.0;
    ck_assert_int_eq(bench_scenario_place(sc, &len, err), RP_EINVAL);
    ck_assert_str_eq(err, "t.yaml:5: no turn or message has id 'nobody'");
    bench_scenario_free(&sc);
    sc = parse_ok("id: x\nturns:\n  - {who: agent, at: 1, text: hi}\n"
                  "  - {who: customer, overlap: 5, text: ho}\n");
    const double lens[2] = {1.0, 1.0};
    ck_assert_int_eq(bench_scenario_place(sc, lens, err), RP_EINVAL);
    ck_assert_str_eq(err, "t.yaml:4: the turn would start before the call");
    bench_scenario_free(&sc);
    sc = parse_ok("id: x\nduration: 2\nturns:\n  - {who: agent, at: 1.5, text: hi}\n");
    ck_assert_int_eq(bench_scenario_place(sc, lens, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "past its duration"));
    bench_scenario_free(&sc);
}
END_TEST

/* Builds "id: x\nturns:\n" plus n turns, each with text of text_len bytes. */
static char *many_turns(size_t n, size_t text_len)
{
    size_t cap = 64 + n * (text_len + 48);
    char *b = malloc(cap);
    ck_assert_ptr_nonnull(b);
    size_t used = (size_t)snprintf(b, cap, "id: x\nturns:\n");
    for (size_t i = 0; i < n; i++) {
        used += (size_t)snprintf(b + used, cap - used, "  - {who: agent, text: \"");
        memset(b + used, 'a', text_len);
        used += text_len;
        used += (size_t)snprintf(b + used, cap - used, "\"}\n");
    }
    return b;
}

START_TEST(hard_limits)
{
    char *b = many_turns(BENCH_MAX_TURNS, 4);
    bench_scenario *sc = parse_ok(b);
    ck_assert_uint_eq(sc->n_turns, BENCH_MAX_TURNS);
    bench_scenario_free(&sc);
    free(b);
    b = many_turns(BENCH_MAX_TURNS + 1, 4);
    const char *err = parse_err(b);
    ck_assert_msg(strstr(err, "turns: more than 256 items") != NULL, "%s", err);
    free(b);
    b = many_turns(1, BENCH_MAX_TEXT);
    sc = parse_ok(b);
    bench_scenario_free(&sc);
    free(b);
    b = many_turns(1, BENCH_MAX_TEXT + 1);
    err = parse_err(b);
    ck_assert_msg(strstr(err, "t.yaml:3: text: longer than 2048 bytes") != NULL, "%s", err);
    free(b);
    /* the file itself */
    size_t big = BENCH_MAX_FILE_BYTES + 1;
    b = malloc(big + 1);
    ck_assert_ptr_nonnull(b);
    memset(b, '#', big);
    b[big] = '\0';
    err = parse_err(b);
    ck_assert_msg(strstr(err, "larger than") != NULL, "%s", err);
    free(b);
}
END_TEST

START_TEST(unreadable_file)
{
    char err[RP_ERR_LEN];
    bench_scenario *sc = NULL;
    ck_assert_int_eq(bench_scenario_load("/nonexistent/x.yaml", &sc, err), RP_EIO);
    ck_assert_ptr_null(sc);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/x.yaml"));
}
END_TEST

START_TEST(allocation_failures)
{
    if (!rp_alloc_hooks_enabled()) {
        return;
    }
    char err[RP_ERR_LEN];
    int ok = 0;
    for (uint64_t n = 1; n < 200 && ok == 0; n++) {
        bench_scenario *sc = NULL;
        rp_alloc_fail_at(n);
        int rc = bench_scenario_parse("t.yaml", k_voice, strlen(k_voice), &sc, err);
        bool fired = rp_alloc_fault_fired();
        rp_alloc_fail_at(0);
        if (rc == RP_OK) {
            ck_assert(!fired);
            ok = 1;
        } else {
            ck_assert_int_eq(rc, RP_ENOMEM);
            ck_assert_ptr_null(sc);
        }
        bench_scenario_free(&sc);
    }
    ck_assert_int_eq(ok, 1);
}
END_TEST

START_TEST(shipped_scenarios_parse)
{
    const char *dir = getenv("RP_BENCH_SCENARIOS");
    ck_assert_ptr_nonnull(dir);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    int n = 0, calm = 0;
    bool seen_cue[PROTO_CUE_COUNT] = {false}, seen_esc[PROTO_REASON_COUNT] = {false};
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".yaml") != 0) {
            continue;
        }
        char path[1024], err[RP_ERR_LEN];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        bench_scenario *sc = NULL;
        ck_assert_msg(bench_scenario_load(path, &sc, err) == RP_OK, "%s", err);
        /* the id matches the file name */
        ck_assert_msg(strncmp(e->d_name, sc->id, len - 5) == 0 && sc->id[len - 5] == '\0',
                      "%s has id %s", e->d_name, sc->id);
        for (size_t i = 0; i < sc->n_checks; i++) {
            const bench_check *k = &sc->checks[i];
            if (k->role == BENCH_EXPECT && k->kind == BENCH_CHECK_CUE) {
                seen_cue[k->cue] = true;
            } else if (k->role == BENCH_EXPECT) {
                seen_esc[k->reason] = true;
            }
        }
        calm += sc->calm;
        n++;
        bench_scenario_free(&sc);
    }
    closedir(d);
    ck_assert_int_ge(n, 20);
    ck_assert_int_ge(calm, 3);
    /* every cue and every escalation reason is expected somewhere */
    for (int i = 0; i < PROTO_CUE_COUNT; i++) {
        ck_assert_msg(seen_cue[i], "no scenario expects cue %s", proto_cue_name((proto_cue_kind)i));
    }
    for (int i = 0; i < PROTO_REASON_COUNT; i++) {
        ck_assert_msg(seen_esc[i], "no scenario expects escalation %s",
                      proto_reason_name((proto_esc_reason)i));
    }
}
END_TEST

Suite *bench_scenario_suite(void)
{
    Suite *s = suite_create("bench_scenario");
    TCase *tc = tcase_create("format");
    tcase_add_test(tc, valid_voice_file);
    tcase_add_test(tc, timeline_places_turns_and_checks);
    tcase_add_test(tc, valid_chat_file);
    tcase_add_loop_test(tc, errors_name_the_line, 0, (int)(sizeof k_bad / sizeof k_bad[0]));
    tcase_add_test(tc, placement_errors);
    tcase_add_test(tc, hard_limits);
    tcase_add_test(tc, unreadable_file);
    tcase_add_test(tc, allocation_failures);
    tcase_add_test(tc, shipped_scenarios_parse);
    suite_add_tcase(s, tc);
    return s;
}
