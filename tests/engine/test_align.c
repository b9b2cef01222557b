/* tests/engine/test_align.c - capture-time alignment: gaps, duplicates, late and
 * far-future frames, one-sided calls, and network delay that must not change
 * the measured response latency. */
#include <string.h>

#include "engine/align.h"
#include "engine/turns.h"
#include "suites.h"

#define T0 1000000000LL /* call start, us */

static eng_align fresh(void)
{
    eng_align a;
    eng_align_config c = eng_align_config_default();
    ck_assert_int_eq(eng_align_init(&a, &c, T0), 0);
    return a;
}

/* Feeds a 20 ms frame (160 samples at 8 kHz = 2 hops) with the given speech. */
static eng_frame_verdict feed(eng_align *a, int ch, uint64_t seq, int64_t ts, bool speech)
{
    uint32_t fill = 0;
    eng_frame_verdict v = eng_align_frame(a, ch, seq, ts, 160, 8000, &fill);
    if (v == ENG_FRAME_FEED || v == ENG_FRAME_GAP || v == ENG_FRAME_JUMP) {
        for (uint32_t i = 0; i < fill; i++) {
            (void)eng_align_push(a, ch, false);
        }
        (void)eng_align_push(a, ch, speech);
        (void)eng_align_push(a, ch, speech);
    }
    return v;
}

START_TEST(frames_in_order_release_slots_in_lockstep)
{
    eng_align a = fresh();
    bool ag, cu;
    for (int k = 0; k < 10; k++) {
        ck_assert_int_eq(feed(&a, 0, (uint64_t)k, T0 + k * 20000, k < 5), ENG_FRAME_FEED);
        ck_assert_int_eq(feed(&a, 1, (uint64_t)k, T0 + k * 20000, k >= 5), ENG_FRAME_FEED);
    }
    for (int j = 0; j < 20; j++) {
        ck_assert(eng_align_next(&a, &ag, &cu));
        ck_assert_int_eq(ag, j < 10);
        ck_assert_int_eq(cu, j >= 10);
    }
    ck_assert(!eng_align_next(&a, &ag, &cu));
    ck_assert_uint_eq(a.n_forced_silence, 0);
}
END_TEST

START_TEST(a_lost_frame_becomes_two_silent_hops)
{
    eng_align a = fresh();
    uint32_t fill = 99;
    ck_assert_int_eq(eng_align_frame(&a, 0, 0, T0, 160, 8000, &fill), ENG_FRAME_FEED);
    ck_assert_uint_eq(fill, 0);
    ck_assert_int_eq(eng_align_frame(&a, 0, 2, T0 + 40000, 160, 8000, &fill), ENG_FRAME_GAP);
    ck_assert_uint_eq(fill, 2);
    ck_assert_uint_eq(a.n_gap_hops, 2);
    /* jitter within the tolerance is on time */
    ck_assert_int_eq(eng_align_frame(&a, 0, 3, T0 + 60000 + 2000, 160, 8000, &fill),
                     ENG_FRAME_FEED);
}
END_TEST

START_TEST(duplicates_and_late_frames_are_dropped_and_counted)
{
    eng_align a = fresh();
    ck_assert_int_eq(feed(&a, 0, 0, T0, true), ENG_FRAME_FEED);
    ck_assert_int_eq(feed(&a, 0, 1, T0 + 20000, true), ENG_FRAME_FEED);
    ck_assert_int_eq(feed(&a, 0, 1, T0 + 20000, true), ENG_FRAME_DUPLICATE);
    ck_assert_int_eq(feed(&a, 0, 3, T0 + 60000, true), ENG_FRAME_GAP);
    ck_assert_int_eq(feed(&a, 0, 2, T0 + 40000, true), ENG_FRAME_LATE); /* reordered */
    ck_assert_uint_eq(a.n_duplicate, 1);
    ck_assert_uint_eq(a.n_late, 1);
    ck_assert_uint_eq(a.ch[0].produced, 8);
}
END_TEST

START_TEST(long_gaps_jump_and_far_future_timestamps_are_refused)
{
    eng_align a = fresh();
    bool ag, cu;
    ck_assert_int_eq(feed(&a, 0, 0, T0, true), ENG_FRAME_FEED);
    ck_assert_int_eq(feed(&a, 1, 0, T0, true), ENG_FRAME_FEED);
    /* agent resumes 5 s later: too long to fill (2 s), so it jumps */
    ck_assert_int_eq(feed(&a, 0, 1, T0 + 5000000, true), ENG_FRAME_JUMP);
    ck_assert_uint_eq(a.ch[0].produced, 502);
    /* a timestamp an hour ahead cannot make the engine step an hour of slots */
    ck_assert_int_eq(feed(&a, 1, 1, T0 + 3600000000LL, true), ENG_FRAME_TOO_FAR);
    ck_assert_uint_eq(a.n_too_far, 1);
    /* the skipped agent slots are silent; the customer is taken as silent once the
     * agent leads by more than 400 ms */
    int released = 0, agent_speech = 0;
    while (eng_align_next(&a, &ag, &cu)) {
        released++;
        agent_speech += ag;
    }
    ck_assert_int_eq(released, 502 - 40);
    ck_assert_int_eq(agent_speech, 2);
}
END_TEST

START_TEST(a_silent_channel_is_waited_for_only_max_lead)
{
    eng_align a = fresh();
    bool ag, cu;
    int released = 0;
    for (int k = 0; k < 50; k++) {
        feed(&a, 0, (uint64_t)k, T0 + k * 20000, true);
        while (eng_align_next(&a, &ag, &cu)) {
            ck_assert(ag);
            ck_assert(!cu);
            released++;
        }
    }
    /* 100 hops produced, the last 40 (400 ms) held back for the customer */
    ck_assert_int_eq(released, 60);
    ck_assert_uint_eq(a.n_forced_silence, 60);
}
END_TEST

/* The customer's frames reach the engine 300 ms after the agent's (a slow mobile
 * leg). Capture timestamps, not arrival, decide: the measured response latency is
 * the scripted 600 ms, not 900 ms or 300 ms. */
START_TEST(network_delay_does_not_change_response_latency)
{
    eng_align a = fresh();
    eng_turns t;
    eng_turns_config tc = eng_turns_config_default();
    ck_assert_int_eq(eng_turns_init(&t, &tc), 0);
    const int n_frames = 200;    /* 4 s of 20 ms frames */
    const int delay_frames = 15; /* 300 ms */
    int32_t latency = -999;
    for (int step = 0; step < n_frames + delay_frames; step++) {
        int ka = step, kc = step - delay_frames;
        if (ka < n_frames) {
            bool speech = ka * 20 < 1500; /* agent talks 0-1.5 s */
            feed(&a, 0, (uint64_t)ka, T0 + ka * 20000, speech);
        }
        if (kc >= 0) {
            bool speech = kc * 20 >= 2100 && kc * 20 < 3500; /* customer answers at 2.1 s */
            feed(&a, 1, (uint64_t)kc, T0 + kc * 20000, speech);
        }
        bool ag, cu;
        while (eng_align_next(&a, &ag, &cu)) {
            eng_turn_event ev[ENG_TURNS_MAX_EVENTS];
            int n = eng_turns_step(&t, ag, cu, ev);
            for (int i = 0; i < n; i++) {
                if (ev[i].type == ENG_EV_RESPONSE && ev[i].party == ENG_CUSTOMER) {
                    latency = ev[i].value_ms;
                }
            }
        }
    }
    ck_assert_int_eq(latency, 600);
    ck_assert_uint_eq(a.n_forced_silence, 0);
    ck_assert_uint_eq(t.interruptions[0] + t.interruptions[1], 0);
}
END_TEST

START_TEST(align_rejects_bad_configs)
{
    eng_align a;
    eng_align_config c = eng_align_config_default();
    c.max_fill_ms = 20000; /* would not fit the ring */
    ck_assert_int_lt(eng_align_init(&a, &c, 0), 0);
    c = eng_align_config_default();
    c.tolerance_us = 6000;
    ck_assert_int_lt(eng_align_init(&a, &c, 0), 0);
    ck_assert_int_lt(eng_align_init(NULL, &c, 0), 0);
}
END_TEST

Suite *align_suite(void)
{
    Suite *s = suite_create("align");
    TCase *tc = tcase_create("align");
    tcase_add_test(tc, frames_in_order_release_slots_in_lockstep);
    tcase_add_test(tc, a_lost_frame_becomes_two_silent_hops);
    tcase_add_test(tc, duplicates_and_late_frames_are_dropped_and_counted);
    tcase_add_test(tc, long_gaps_jump_and_far_future_timestamps_are_refused);
    tcase_add_test(tc, a_silent_channel_is_waited_for_only_max_lead);
    tcase_add_test(tc, network_delay_does_not_change_response_latency);
    tcase_add_test(tc, align_rejects_bad_configs);
    suite_add_tcase(s, tc);
    return s;
}
