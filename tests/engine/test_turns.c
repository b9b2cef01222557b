/* tests/engine/test_turns.c - turn-taking on scripted timelines with known answers. */
#include <string.h>

#include "engine/turns.h"
#include "suites.h"

/* A speech interval [from_ms, to_ms) of one party. */
typedef struct span {
    eng_party who;
    int from_ms, to_ms;
} span;

typedef struct run_result {
    eng_turn_event ev[256];
    int n_ev;
} run_result;

static bool speaking_at(const span *spans, int n, eng_party who, int ms)
{
    for (int i = 0; i < n; i++) {
        if (spans[i].who == who && ms >= spans[i].from_ms && ms < spans[i].to_ms) {
            return true;
        }
    }
    return false;
}

/* Steps the tracker from 0 to end_ms over the spans; collects every event. */
static void run(eng_turns *t, const span *spans, int n, int end_ms, run_result *r)
{
    for (int ms = 0; ms < end_ms; ms += ENG_SLOT_MS) {
        eng_turn_event ev[ENG_TURNS_MAX_EVENTS];
        int k = eng_turns_step(t, speaking_at(spans, n, ENG_AGENT, ms),
                               speaking_at(spans, n, ENG_CUSTOMER, ms), ev);
        for (int i = 0; i < k && r->n_ev < 256; i++) {
            r->ev[r->n_ev++] = ev[i];
        }
    }
}

static int count(const run_result *r, eng_turn_event_type type, eng_party who)
{
    int c = 0;
    for (int i = 0; i < r->n_ev; i++) {
        c += r->ev[i].type == type && r->ev[i].party == who;
    }
    return c;
}

static const eng_turn_event *find(const run_result *r, eng_turn_event_type type, eng_party who)
{
    for (int i = 0; i < r->n_ev; i++) {
        if (r->ev[i].type == type && r->ev[i].party == who) {
            return &r->ev[i];
        }
    }
    return NULL;
}

static eng_turns fresh(void)
{
    eng_turns t;
    eng_turns_config cfg = eng_turns_config_default();
    ck_assert_int_eq(eng_turns_init(&t, &cfg), 0);
    return t;
}

START_TEST(answer_after_half_a_second_is_a_500ms_response)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 2000}, {ENG_CUSTOMER, 2500, 4000}};
    run_result r = {0};
    run(&t, s, 2, 5000, &r);
    const eng_turn_event *e = find(&r, ENG_EV_RESPONSE, ENG_CUSTOMER);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->value_ms, 500);
    ck_assert_int_eq(count(&r, ENG_EV_INTERRUPTION, ENG_AGENT), 0);
    ck_assert_int_eq(count(&r, ENG_EV_INTERRUPTION, ENG_CUSTOMER), 0);
    ck_assert_uint_eq(eng_turns_latency_percentile_ms(&t, ENG_CUSTOMER, 50), 550);
    ck_assert_uint_eq(eng_turns_latency_percentile_ms(&t, ENG_AGENT, 50), 0);
}
END_TEST

START_TEST(short_mm_hm_during_a_turn_is_a_backchannel_not_an_interruption)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 5000}, {ENG_CUSTOMER, 1000, 1300}, {ENG_CUSTOMER, 3000, 3400}};
    run_result r = {0};
    run(&t, s, 3, 6000, &r);
    ck_assert_int_eq(count(&r, ENG_EV_BACKCHANNEL, ENG_CUSTOMER), 2);
    ck_assert_int_eq(count(&r, ENG_EV_INTERRUPTION, ENG_CUSTOMER), 0);
    ck_assert_uint_eq(t.backchannels[ENG_CUSTOMER], 2);
    ck_assert_uint_eq(t.interruptions[ENG_CUSTOMER], 0);
    const eng_turn_event *e = find(&r, ENG_EV_BACKCHANNEL, ENG_CUSTOMER);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e ? e->value_ms : -1, 300);
}
END_TEST

START_TEST(taking_the_floor_with_long_overlap_is_an_interruption_by_the_taker)
{
    eng_turns t = fresh();
    /* customer talks 0-5 s; agent starts at 3 s and goes on to 7 s */
    const span s[] = {{ENG_CUSTOMER, 0, 5000}, {ENG_AGENT, 3000, 7000}};
    run_result r = {0};
    run(&t, s, 2, 8000, &r);
    const eng_turn_event *e = find(&r, ENG_EV_INTERRUPTION, ENG_AGENT);
    ck_assert_ptr_nonnull(e);
    /* said as soon as the overlap outlasts any backchannel (1 s), not when the
     * customer gives up at 5 s; counted once */
    ck_assert_int_eq(e->value_ms, 1010);
    ck_assert_uint_eq(e->slot, 400);
    ck_assert_int_eq(count(&r, ENG_EV_INTERRUPTION, ENG_AGENT), 1);
    ck_assert_uint_eq(t.interruptions[ENG_AGENT], 1);
    ck_assert_uint_eq(t.interruptions[ENG_CUSTOMER], 0);
    ck_assert_int_eq(count(&r, ENG_EV_RESPONSE, ENG_AGENT), 0);
}
END_TEST

START_TEST(a_long_overlap_that_stops_first_is_one_interruption)
{
    eng_turns t = fresh();
    /* customer talks 0-6 s; agent talks over them 2-3.5 s, then gives way */
    const span s[] = {{ENG_CUSTOMER, 0, 6000}, {ENG_AGENT, 2000, 3500}};
    run_result r = {0};
    run(&t, s, 2, 7000, &r);
    ck_assert_int_eq(count(&r, ENG_EV_INTERRUPTION, ENG_AGENT), 1);
    ck_assert_int_eq(count(&r, ENG_EV_BACKCHANNEL, ENG_AGENT), 0);
    const eng_turn_event *e = find(&r, ENG_EV_INTERRUPTION, ENG_AGENT);
    ck_assert_ptr_nonnull(e);
    ck_assert_uint_eq(e->slot, 300);
    ck_assert_uint_eq(t.interruptions[ENG_AGENT], 1);
    ck_assert_uint_eq(t.interruptions[ENG_CUSTOMER], 0);
}
END_TEST

START_TEST(slight_overlap_at_a_handover_is_a_response)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 2000}, {ENG_CUSTOMER, 1900, 4000}};
    run_result r = {0};
    run(&t, s, 2, 5000, &r);
    const eng_turn_event *e = find(&r, ENG_EV_RESPONSE, ENG_CUSTOMER);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->value_ms, -100);
    ck_assert_uint_eq(t.interruptions[ENG_CUSTOMER], 0);
}
END_TEST

START_TEST(long_talk_over_without_taking_the_floor_counts_as_interruption)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_CUSTOMER, 0, 10000}, {ENG_AGENT, 2000, 4000}};
    run_result r = {0};
    run(&t, s, 2, 11000, &r);
    ck_assert_int_eq(count(&r, ENG_EV_INTERRUPTION, ENG_AGENT), 1);
    ck_assert_int_eq(count(&r, ENG_EV_BACKCHANNEL, ENG_AGENT), 0);
}
END_TEST

START_TEST(dead_air_is_measured_and_a_hold_is_not_dead_air)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 1000}, {ENG_CUSTOMER, 5000, 6000}};
    run_result r = {0};
    run(&t, s, 2, 4000, &r);
    ck_assert_uint_eq(eng_turns_dead_air_ms(&t), 3000);
    run(&t, s, 2, 0, &r);
    /* finish the timeline from 4 s */
    for (int ms = 4000; ms < 7000; ms += ENG_SLOT_MS) {
        eng_turn_event ev[ENG_TURNS_MAX_EVENTS];
        int k = eng_turns_step(&t, speaking_at(s, 2, ENG_AGENT, ms),
                               speaking_at(s, 2, ENG_CUSTOMER, ms), ev);
        for (int i = 0; i < k; i++) {
            r.ev[r.n_ev++] = ev[i];
        }
    }
    const eng_turn_event *e = find(&r, ENG_EV_DEAD_AIR_END, ENG_NOBODY);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->value_ms, 4000);
    ck_assert_uint_eq(t.dead_air_slots * ENG_SLOT_MS, 4000);

    /* the same with a declared hold during the silence */
    eng_turns h = fresh();
    run_result r2 = {0};
    run(&h, s, 2, 1500, &r2);
    eng_turns_set_hold(&h, true);
    for (int ms = 1500; ms < 4500; ms += ENG_SLOT_MS) {
        eng_turn_event ev[ENG_TURNS_MAX_EVENTS];
        (void)eng_turns_step(&h, false, false, ev);
        ck_assert_uint_eq(eng_turns_dead_air_ms(&h), 0);
    }
    eng_turns_set_hold(&h, false);
    for (int ms = 4500; ms < 5000; ms += ENG_SLOT_MS) {
        eng_turn_event ev[ENG_TURNS_MAX_EVENTS];
        (void)eng_turns_step(&h, false, false, ev);
    }
    ck_assert_uint_eq(eng_turns_dead_air_ms(&h), 500);
}
END_TEST

START_TEST(monologue_survives_backchannels_and_short_pauses)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 10000},
                      {ENG_AGENT, 11000, 30000},
                      {ENG_CUSTOMER, 5000, 5300},
                      {ENG_CUSTOMER, 15000, 15400},
                      {ENG_CUSTOMER, 25000, 25200}};
    run_result r = {0};
    run(&t, s, 5, 29000, &r);
    eng_party holder;
    uint32_t mono = eng_turns_monologue_ms(&t, &holder);
    ck_assert_int_eq(holder, ENG_AGENT);
    ck_assert_uint_eq(mono, 29000);
    ck_assert_uint_eq(t.backchannels[ENG_CUSTOMER], 3);
    /* a pause longer than turn_gap_ms starts a new turn */
    eng_turns u = fresh();
    const span s2[] = {{ENG_AGENT, 0, 5000}, {ENG_AGENT, 8000, 9000}};
    run_result r2 = {0};
    run(&u, s2, 2, 9000, &r2);
    ck_assert_uint_eq(eng_turns_monologue_ms(&u, &holder), 1000);
}
END_TEST

START_TEST(pauses_shorter_than_the_merge_do_not_split_a_spurt)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 1000}, {ENG_AGENT, 1150, 2000}, {ENG_CUSTOMER, 2600, 3000}};
    run_result r = {0};
    run(&t, s, 3, 3500, &r);
    const eng_turn_event *e = find(&r, ENG_EV_RESPONSE, ENG_CUSTOMER);
    ck_assert_ptr_nonnull(e);
    ck_assert_int_eq(e->value_ms, 600);
    ck_assert_int_eq(count(&r, ENG_EV_DEAD_AIR_END, ENG_NOBODY), 1);
}
END_TEST

START_TEST(talk_ratio_and_latency_percentiles)
{
    eng_turns t = fresh();
    const span s[] = {{ENG_AGENT, 0, 3000},
                      {ENG_CUSTOMER, 3300, 4300},
                      {ENG_AGENT, 4500, 5500},
                      {ENG_CUSTOMER, 7500, 8500},
                      {ENG_AGENT, 9500, 10500}};
    run_result r = {0};
    run(&t, s, 5, 11000, &r);
    ck_assert_float_eq_tol(eng_turns_talk_ratio(&t, ENG_AGENT), 5.0f / 7.0f, 0.01f);
    ck_assert_float_eq_tol(eng_turns_talk_ratio(&t, ENG_CUSTOMER), 2.0f / 7.0f, 0.01f);
    ck_assert_uint_eq(t.responses[ENG_AGENT], 2); /* 200 ms and 1000 ms */
    ck_assert_uint_eq(eng_turns_latency_percentile_ms(&t, ENG_AGENT, 50), 250);
    ck_assert_uint_eq(eng_turns_latency_percentile_ms(&t, ENG_AGENT, 90), 1050);
    ck_assert_uint_eq(t.longest_turn_slots[ENG_AGENT] * ENG_SLOT_MS, 3000);
}
END_TEST

START_TEST(init_rejects_bad_configs)
{
    eng_turns t;
    eng_turns_config c = eng_turns_config_default();
    c.backchannel_max_ms = 0;
    ck_assert_int_lt(eng_turns_init(&t, &c), 0);
    ck_assert_int_lt(eng_turns_init(&t, NULL), 0);
    c = eng_turns_config_default();
    ck_assert_int_eq(eng_turns_init(&t, &c), 0);
    ck_assert_float_eq(eng_turns_talk_ratio(&t, ENG_AGENT), 0.0f);
    ck_assert_uint_eq(eng_turns_dead_air_ms(&t), 0);
}
END_TEST

Suite *turns_suite(void)
{
    Suite *s = suite_create("turns");
    TCase *tc = tcase_create("timelines");
    tcase_add_test(tc, answer_after_half_a_second_is_a_500ms_response);
    tcase_add_test(tc, short_mm_hm_during_a_turn_is_a_backchannel_not_an_interruption);
    tcase_add_test(tc, taking_the_floor_with_long_overlap_is_an_interruption_by_the_taker);
    tcase_add_test(tc, a_long_overlap_that_stops_first_is_one_interruption);
    tcase_add_test(tc, slight_overlap_at_a_handover_is_a_response);
    tcase_add_test(tc, long_talk_over_without_taking_the_floor_counts_as_interruption);
    tcase_add_test(tc, dead_air_is_measured_and_a_hold_is_not_dead_air);
    tcase_add_test(tc, monologue_survives_backchannels_and_short_pauses);
    tcase_add_test(tc, pauses_shorter_than_the_merge_do_not_split_a_spurt);
    tcase_add_test(tc, talk_ratio_and_latency_percentiles);
    tcase_add_test(tc, init_rejects_bad_configs);
    suite_add_tcase(s, tc);
    return s;
}
