/* tests/ui/test_nav.c - what the console's keys do (agents-ui/nav): the wall's
 * selection follows a call through re-ranking, Enter opens its timeline and Esc,
 * q or Backspace return, scrolling is bounded, 'a' targets the right alert. */
#include <check.h>
#include <curses.h>
#include <string.h>

#include "agents-ui/nav.h"
#include "suites.h"

static uint8_t wire[1 << 14];

/* A supervisor state (every call in scope), live after an empty snapshot. */
static ui_state *live_state(void)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    ck_assert_ptr_nonnull(s);
    proto_msg req;
    ui_state_snapshot_request(s, &req);
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SNAPSHOT;
    m.u.snapshot.present = PROTO_SNAPSHOT_REQ_ID_FIELD;
    m.u.snapshot.req_id = req.u.snapshot_req.req_id;
    size_t n = 0;
    ck_assert_int_eq(proto_encode(&m, wire, sizeof wire, &n, NULL), RP_OK);
    ck_assert_int_eq(ui_state_reply(s, wire, n), RP_OK);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    return s;
}

static void apply(ui_state *s, const proto_msg *m, const char *call)
{
    char topic[128];
    snprintf(topic, sizeof topic, "call/team-a/agent-7/%s/x", call);
    ui_change ch = ui_state_apply(s, topic, m);
    ck_assert_int_ne(ch.kind, UI_CH_HELD);
}

static void cue_open(ui_state *s, const char *call, uint64_t seq, uint32_t t, uint32_t prio)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CUE;
    m.u.cue.seq = seq;
    m.u.cue.call = proto_cstr(call);
    m.u.cue.t_ms = t;
    m.u.cue.id = (uint32_t)seq;
    m.u.cue.cue = PROTO_CUE_CUSTOMER_TENSION;
    m.u.cue.state = PROTO_OPEN;
    m.u.cue.priority = prio;
    apply(s, &m, call);
}

static void escalate(ui_state *s, const char *call, uint64_t seq, uint32_t id,
                     proto_esc_level level)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_ESCALATION;
    m.u.escalation.seq = seq;
    m.u.escalation.call = proto_cstr(call);
    m.u.escalation.t_ms = 1000;
    m.u.escalation.id = id;
    m.u.escalation.level = level;
    m.u.escalation.reason = PROTO_REASON_CANCEL;
    apply(s, &m, call);
}

static const char *row_call(const ui_state *s, uint32_t row)
{
    uint32_t ranked[UI_MAX_CALLS];
    uint32_t n = ui_state_ranked(s, ranked, UI_MAX_CALLS);
    ck_assert_uint_lt(row, n);
    return ui_state_call(s, ranked[row])->call;
}

static ui_nav_action key(ui_nav *nav, const ui_state *s, int k)
{
    uint32_t ack = 0;
    ui_nav_action a = ui_nav_key(nav, s, k, &ack);
    ui_nav_settle(nav, s, 10);
    return a;
}

START_TEST(wall_selection_follows_the_call_through_reranking)
{
    ui_state *s = live_state();
    ui_nav nav;
    ui_nav_init(&nav, UI_ROLE_SUPERVISOR);
    ui_nav_settle(&nav, s, 10);
    ck_assert_uint_eq(ui_nav_row(&nav, s), UI_NAV_NONE_SELECTED);
    escalate(s, "hot", 1, 1, PROTO_LEVEL_PRIORITY);
    cue_open(s, "warm", 1, 500, 2);
    cue_open(s, "calm", 1, 500, 8);
    ui_nav_settle(&nav, s, 10);
    ck_assert_str_eq(row_call(s, 0), "hot");
    ck_assert_str_eq(row_call(s, 1), "warm");
    /* before any key the top row is selected, whichever call is on it */
    ck_assert_uint_eq(ui_nav_row(&nav, s), 0);
    ck_assert_str_eq(nav.call, "hot");
    ck_assert_int_eq(key(&nav, s, 'j'), UI_NAV_NONE);
    ck_assert_str_eq(nav.call, "warm");
    ck_assert_int_eq(key(&nav, s, KEY_DOWN), UI_NAV_NONE);
    ck_assert_str_eq(nav.call, "calm");
    key(&nav, s, 'j'); /* the last row: stays */
    ck_assert_str_eq(nav.call, "calm");
    key(&nav, s, KEY_UP);
    ck_assert_str_eq(nav.call, "warm");
    ck_assert_uint_eq(ui_nav_row(&nav, s), 1);
    /* calm escalates above everything: the selection stays on warm, now row 2 */
    escalate(s, "calm", 2, 1, PROTO_LEVEL_PRIORITY);
    cue_open(s, "calm", 3, 900, 0);
    ui_nav_settle(&nav, s, 10);
    ck_assert_str_eq(row_call(s, 0), "calm");
    ck_assert_str_eq(nav.call, "warm");
    ck_assert_uint_eq(ui_nav_row(&nav, s), 2);
    key(&nav, s, 'k');
    ck_assert_str_eq(nav.call, "hot");
    ui_state_destroy(s);
}
END_TEST

START_TEST(enter_opens_the_timeline_and_esc_q_backspace_return)
{
    ui_state *s = live_state();
    ui_nav nav;
    ui_nav_init(&nav, UI_ROLE_SUPERVISOR);
    escalate(s, "hot", 1, 1, PROTO_LEVEL_SUPERVISOR);
    cue_open(s, "calm", 1, 500, 8);
    ui_nav_settle(&nav, s, 10);
    ck_assert_ptr_null(ui_nav_detail(&nav, s));
    key(&nav, s, 'j');
    static const int opens[] = {'\n', '\r', KEY_ENTER};
    static const int closes[] = {27, 'q', KEY_BACKSPACE, 127};
    for (size_t i = 0; i < sizeof closes / sizeof closes[0]; i++) {
        ck_assert_int_eq(key(&nav, s, opens[i % 3]), UI_NAV_NONE);
        const ui_call *c = ui_nav_detail(&nav, s);
        ck_assert_ptr_nonnull(c);
        ck_assert_str_eq(c->call, "calm");
        ck_assert_int_eq(key(&nav, s, closes[i]), UI_NAV_NONE); /* q: back, not quit */
        ck_assert_ptr_null(ui_nav_detail(&nav, s));
        ck_assert_str_eq(nav.call, "calm"); /* the selection is kept */
    }
    ck_assert_int_eq(key(&nav, s, 'q'), UI_NAV_QUIT); /* on the wall q quits */
    ui_state_destroy(s);
}
END_TEST

START_TEST(timeline_scrolling_is_bounded)
{
    ui_state *s = live_state();
    ui_nav nav;
    ui_nav_init(&nav, UI_ROLE_SUPERVISOR);
    for (uint32_t i = 1; i <= 30; i++) {
        cue_open(s, "c1", i, 100 * i, 5);
    }
    ui_nav_settle(&nav, s, 10);
    key(&nav, s, '\n');
    ck_assert_ptr_nonnull(ui_nav_detail(&nav, s));
    ck_assert_uint_eq(nav.scroll, 0);
    for (int i = 0; i < 100; i++) {
        key(&nav, s, 'k');
    }
    ck_assert_uint_eq(nav.scroll, 30 - 10); /* the oldest entry on the top line */
    key(&nav, s, 'j');
    ck_assert_uint_eq(nav.scroll, 19);
    key(&nav, s, KEY_NPAGE);
    ck_assert_uint_eq(nav.scroll, 9);
    key(&nav, s, KEY_PPAGE);
    ck_assert_uint_eq(nav.scroll, 19);
    ui_nav_settle(&nav, s, 25); /* a taller screen shows more: less to scroll */
    ck_assert_uint_eq(nav.scroll, 5);
    key(&nav, s, 27);
    ck_assert_uint_eq(nav.scroll, 0);
    ui_state_destroy(s);
}
END_TEST

START_TEST(ack_targets_the_selected_call_or_alert)
{
    ui_state *s = live_state();
    ui_nav nav;
    ui_nav_init(&nav, UI_ROLE_SUPERVISOR);
    escalate(s, "hot", 1, 4, PROTO_LEVEL_PRIORITY);
    escalate(s, "warm", 1, 7, PROTO_LEVEL_SUPERVISOR);
    escalate(s, "hot", 2, 5, PROTO_LEVEL_PRIORITY); /* alerts: hot/5, warm/7, hot/4 */
    ui_nav_settle(&nav, s, 10);
    uint32_t index = 0;
    /* the calls have the focus: the selected call's newest unacknowledged alert */
    ck_assert_int_eq(ui_nav_key(&nav, s, 'a', &index), UI_NAV_ACK);
    ck_assert_uint_eq(index, 0);
    key(&nav, s, 'j');
    ck_assert_str_eq(nav.call, "warm");
    ck_assert_int_eq(ui_nav_key(&nav, s, 'a', &index), UI_NAV_ACK);
    ck_assert_uint_eq(index, 1);
    /* tab: the alerts have the focus; j/k move among them */
    key(&nav, s, '\t');
    ck_assert_int_eq(nav.focus, UI_FOCUS_ALERTS);
    key(&nav, s, 'j');
    key(&nav, s, 'j');
    key(&nav, s, 'j');
    ck_assert_uint_eq(nav.alert, 2);
    ck_assert_str_eq(nav.call, "warm"); /* moving among alerts leaves the call selection */
    ck_assert_int_eq(ui_nav_key(&nav, s, 'A', &index), UI_NAV_ACK);
    ck_assert_uint_eq(index, 2);
    /* Enter on an alert opens its call's timeline; 'a' there acks that call's newest */
    key(&nav, s, KEY_ENTER);
    ck_assert_str_eq(ui_nav_detail(&nav, s)->call, "hot");
    ck_assert_int_eq(ui_nav_key(&nav, s, 'a', &index), UI_NAV_ACK);
    ck_assert_uint_eq(index, 0);
    key(&nav, s, 27);
    key(&nav, s, '\t');
    ck_assert_int_eq(nav.focus, UI_FOCUS_CALLS);
    ck_assert_str_eq(nav.call, "hot");
    /* a call without alerts: nothing to acknowledge */
    cue_open(s, "calm", 1, 100, 9);
    ui_nav_settle(&nav, s, 10);
    key(&nav, s, 'j');
    key(&nav, s, 'j');
    ck_assert_str_eq(nav.call, "calm");
    ck_assert_int_eq(ui_nav_key(&nav, s, 'a', &index), UI_NAV_ACK);
    ck_assert_uint_eq(index, UI_NAV_NONE_SELECTED);
    ui_state_destroy(s);
}
END_TEST

START_TEST(agent_keys_tab_and_quit)
{
    ui_state *s = live_state();
    ui_nav nav;
    ui_nav_init(&nav, UI_ROLE_AGENT);
    cue_open(s, "c1", 1, 100, 5);
    cue_open(s, "c2", 1, 100, 5);
    ui_nav_settle(&nav, s, 10);
    ck_assert_uint_eq(nav.agent_call, 0);
    key(&nav, s, '\t');
    ck_assert_uint_eq(nav.agent_call, 1);
    key(&nav, s, '\t');
    ck_assert_uint_eq(nav.agent_call, 0);
    ck_assert_int_eq(key(&nav, s, '\n'), UI_NAV_NONE);
    ck_assert_ptr_null(ui_nav_detail(&nav, s)); /* no drill-down on the agent console */
    ck_assert_int_eq(key(&nav, s, 'a'), UI_NAV_NONE);
    ck_assert_int_eq(key(&nav, s, 'q'), UI_NAV_QUIT);
    ui_state_destroy(s);
}
END_TEST

START_TEST(open_a_call_before_it_is_known)
{
    ui_state *s = live_state();
    ui_nav nav;
    ui_nav_init(&nav, UI_ROLE_SUPERVISOR);
    ui_nav_open(&nav, "later");
    cue_open(s, "other", 1, 100, 5);
    ui_nav_settle(&nav, s, 10);
    ck_assert_ptr_null(ui_nav_detail(&nav, s)); /* the wall until "later" shows up */
    ck_assert_str_eq(nav.call, "later");
    cue_open(s, "later", 1, 100, 5);
    ui_nav_settle(&nav, s, 10);
    ck_assert_ptr_nonnull(ui_nav_detail(&nav, s));
    ck_assert_str_eq(ui_nav_detail(&nav, s)->call, "later");
    /* a key before the call shows up cancels the wish: the top row again */
    ui_nav_init(&nav, UI_ROLE_SUPERVISOR);
    ui_nav_open(&nav, "never");
    ui_nav_settle(&nav, s, 10);
    key(&nav, s, 'x');
    ck_assert_ptr_null(ui_nav_detail(&nav, s));
    ck_assert_uint_eq(ui_nav_row(&nav, s), 0);
    ck_assert_str_eq(nav.call, row_call(s, 0));
    ui_state_destroy(s);
}
END_TEST

Suite *nav_suite(void)
{
    Suite *s = suite_create("ui_nav");
    TCase *tc = tcase_create("wall");
    tcase_add_test(tc, wall_selection_follows_the_call_through_reranking);
    tcase_add_test(tc, enter_opens_the_timeline_and_esc_q_backspace_return);
    tcase_add_test(tc, timeline_scrolling_is_bounded);
    tcase_add_test(tc, ack_targets_the_selected_call_or_alert);
    tcase_add_test(tc, open_a_call_before_it_is_known);
    suite_add_tcase(s, tc);
    tc = tcase_create("agent");
    tcase_add_test(tc, agent_keys_tab_and_quit);
    suite_add_tcase(s, tc);
    return s;
}
