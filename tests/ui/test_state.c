/* tests/ui/test_state.c - the consoles' state machine: cue banners, prompts and
 * their TTL, checklists, snapshots, seq gaps and resync, scope, risk ranking, acks,
 * each call's timeline and the consent indicator.
 * Messages go through proto_encode and ui_state_feed/ui_state_reply, as on the wire. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agents-ui/state.h"
#include "agents-ui/view.h"
#include "common/alloc.h"
#include "suites.h"
#include "testutil.h"

#define TOPIC(type) "call/team-a/agent-7/c1/" type

static uint8_t wire[1 << 16];

static size_t encode(const proto_msg *m)
{
    size_t n = 0;
    proto_error err;
    int rc = proto_encode(m, wire, sizeof wire, &n, &err);
    ck_assert_msg(rc == RP_OK, "encode: %s: %s", err.path, err.reason);
    return n;
}

static void feed(ui_state *s, const char *topic, const proto_msg *m)
{
    size_t n = encode(m);
    ck_assert_int_eq(ui_state_feed(s, topic, wire, n), RP_OK);
}

static proto_msg cue(uint64_t seq, const char *call, uint32_t t, uint32_t id, proto_cue_kind k,
                     proto_cue_state st, uint32_t prio)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CUE;
    m.u.cue.seq = seq;
    m.u.cue.call = proto_cstr(call);
    m.u.cue.t_ms = t;
    m.u.cue.id = id;
    m.u.cue.cue = k;
    m.u.cue.state = st;
    m.u.cue.party = PROTO_WHO_CUSTOMER;
    m.u.cue.priority = prio;
    m.u.cue.start_ms = t;
    return m;
}

static proto_msg features(uint64_t seq, const char *call, uint32_t t)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_FEATURES;
    m.u.features.seq = seq;
    m.u.features.call = proto_cstr(call);
    m.u.features.t_ms = t;
    m.u.features.agent.b.talk_ratio = 0.6f;
    m.u.features.customer.b.talk_ratio = 0.4f;
    return m;
}

static proto_msg prompt(uint64_t seq, uint32_t t, uint32_t id, const char *text, uint32_t ttl)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_PROMPT;
    m.u.prompt.seq = seq;
    m.u.prompt.call = proto_cstr("c1");
    m.u.prompt.t_ms = t;
    m.u.prompt.id = id;
    m.u.prompt.text = proto_cstr(text);
    m.u.prompt.priority = 3;
    if (ttl != 0) {
        m.u.prompt.present |= PROTO_PROMPT_TTL;
        m.u.prompt.ttl_ms = ttl;
    }
    return m;
}

static proto_msg escalation(uint64_t seq, const char *call, uint32_t id, proto_esc_level level)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_ESCALATION;
    m.u.escalation.seq = seq;
    m.u.escalation.call = proto_cstr(call);
    m.u.escalation.t_ms = 1000;
    m.u.escalation.id = id;
    m.u.escalation.level = level;
    m.u.escalation.reason = PROTO_REASON_HUMAN_REQUEST;
    m.u.escalation.present = PROTO_ESC_QUOTE;
    m.u.escalation.quote = proto_cstr("I want your manager");
    return m;
}

static proto_msg stats(uint64_t seq)
{
    static const proto_kv kv = {0, {"frames_in", 9}, 1.0};
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_STATS;
    m.u.stats.seq = seq;
    m.u.stats.counters = &kv;
    m.u.stats.n_counters = 1;
    return m;
}

/* Answers the state's outstanding snapshot request with rows (may be empty). */
static void answer(ui_state *s, uint64_t seq, const proto_call_state *rows, uint32_t n)
{
    ck_assert(ui_state_need_snapshot(s));
    proto_msg req;
    ui_state_snapshot_request(s, &req);
    ck_assert(!ui_state_need_snapshot(s));
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SNAPSHOT;
    m.u.snapshot.seq = seq;
    m.u.snapshot.present = PROTO_SNAPSHOT_REQ_ID_FIELD;
    m.u.snapshot.req_id = req.u.snapshot_req.req_id;
    m.u.snapshot.calls = rows;
    m.u.snapshot.n_calls = n;
    size_t len = encode(&m);
    ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
}

/* A snapshot row; seq is the call's last published seq the row includes. */
static proto_call_state rowq(uint64_t seq, const char *call, const char *agent,
                             const proto_open_cue *cues, uint32_t n_cues)
{
    proto_call_state r;
    memset(&r, 0, sizeof r);
    r.seq = seq;
    r.call = proto_cstr(call);
    r.agent = proto_cstr(agent);
    r.team = proto_cstr("team-a");
    r.t_ms = 5000;
    r.cues = cues;
    r.n_cues = n_cues;
    return r;
}

static proto_call_state row(const char *call, const char *agent, const proto_open_cue *cues,
                            uint32_t n_cues)
{
    return rowq(0, call, agent, cues, n_cues);
}

static ui_state *live_agent(uint64_t seq)
{
    ui_state *s = ui_state_create(UI_ROLE_AGENT, NULL, "agent-7");
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_WAITING);
    answer(s, seq, NULL, 0);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    return s;
}

START_TEST(cue_banners_open_and_close)
{
    ui_state *s = live_agent(10);
    proto_msg m = cue(1, "c1", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, TOPIC("cue"), &m);
    m = cue(2, "c1", 1200, 2, PROTO_CUE_CUSTOMER_TENSION, PROTO_OPEN, 2);
    feed(s, TOPIC("cue"), &m);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(c->n_cues, 2);
    ck_assert_str_eq(c->agent, "agent-7");
    ck_assert_str_eq(c->team, "team-a");
    m = cue(3, "c1", 3000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_CLOSED, 4);
    feed(s, TOPIC("cue"), &m);
    ck_assert_uint_eq(c->n_cues, 1);
    ck_assert_uint_eq(c->cues[0].id, 2);
    ck_assert_int_eq(c->cues[0].cue, PROTO_CUE_CUSTOMER_TENSION);
    /* closing a cue never seen open changes nothing on screen */
    m = cue(4, "c1", 3100, 9, PROTO_CUE_SARCASM, PROTO_CLOSED, 6);
    feed(s, TOPIC("cue"), &m);
    ck_assert_uint_eq(c->n_cues, 1);
    m = cue(5, "c1", 3200, 2, PROTO_CUE_CUSTOMER_TENSION, PROTO_CLOSED, 2);
    feed(s, TOPIC("cue"), &m);
    ck_assert_uint_eq(c->n_cues, 0);
    ck_assert_uint_eq(c->seq, 5); /* seq is per call */
    ck_assert_uint_eq(ui_state_last_seq(s), 10);
    ck_assert_uint_eq(ui_state_gaps(s), 0);
    ui_state_destroy(s);
}
END_TEST

START_TEST(prompt_replaced_and_expires)
{
    ui_state *s = live_agent(0);
    proto_msg m = prompt(1, 1000, 1, "Slow down a little.", 10000);
    feed(s, TOPIC("prompt"), &m);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert(c->prompt.active);
    ck_assert_str_eq(c->prompt.text, "Slow down a little.");
    m = features(2, "c1", 6000);
    feed(s, TOPIC("features"), &m);
    ck_assert(c->prompt.active);
    m = prompt(3, 6000, 2, "The customer is waiting for your answer.", 10000);
    feed(s, TOPIC("prompt"), &m);
    ck_assert_str_eq(c->prompt.text, "The customer is waiting for your answer.");
    m = features(4, "c1", 15999);
    feed(s, TOPIC("features"), &m);
    ck_assert(c->prompt.active); /* the replacement's TTL counts from 6000 */
    m = features(5, "c1", 16000);
    feed(s, TOPIC("features"), &m);
    ck_assert(!c->prompt.active);
    /* without a TTL it stays until replaced */
    m = prompt(6, 17000, 3, "Check in with the customer.", 0);
    feed(s, TOPIC("prompt"), &m);
    m = features(7, "c1", 90000);
    feed(s, TOPIC("features"), &m);
    ck_assert(c->prompt.active);
    ui_state_destroy(s);
}
END_TEST

START_TEST(checklist_stays_while_its_cue_is_open)
{
    ui_state *s = live_agent(0);
    proto_msg m = cue(1, "c1", 1000, 3, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN, 1);
    feed(s, TOPIC("cue"), &m);
    static const proto_str items[2] = {{"Acknowledge the feeling", 23}, {"Apologise", 9}};
    m = prompt(2, 1000, 1, "Sensitive topic", 8000);
    m.u.prompt.present |= PROTO_PROMPT_CUE_ID | PROTO_PROMPT_CHECKLIST;
    m.u.prompt.cue_id = 3;
    m.u.prompt.checklist = items;
    m.u.prompt.n_checklist = 2;
    feed(s, TOPIC("prompt"), &m);
    const ui_call *c = ui_state_find(s, "c1");
    const ui_checklist *k = ui_call_checklist(c);
    ck_assert_ptr_nonnull(k);
    ck_assert_uint_eq(k->n, 2);
    ck_assert_str_eq(k->items[0], "Acknowledge the feeling");
    /* a later prompt replaces the text, not the checklist of the open cue */
    m = prompt(3, 2000, 2, "The customer asked for a manager.", 8000);
    feed(s, TOPIC("prompt"), &m);
    ck_assert_ptr_nonnull(ui_call_checklist(c));
    m = cue(4, "c1", 5000, 3, PROTO_CUE_SENSITIVE_TOPIC, PROTO_CLOSED, 1);
    feed(s, TOPIC("cue"), &m);
    ck_assert_ptr_null(ui_call_checklist(c));
    ui_state_destroy(s);
}
END_TEST

START_TEST(held_until_the_first_snapshot)
{
    ui_state *s = ui_state_create(UI_ROLE_AGENT, NULL, "agent-7");
    ck_assert(ui_state_need_snapshot(s));
    /* c1's seq 3 is included in the snapshot (its row has seq 4), 5 comes after it;
     * engine/stats 6 comes after the snapshot's stats seq 5 */
    proto_msg m = cue(3, "c1", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, TOPIC("cue"), &m);
    m = cue(5, "c1", 2000, 2, PROTO_CUE_INTERRUPTION, PROTO_OPEN, 3);
    feed(s, TOPIC("cue"), &m);
    m = stats(6);
    feed(s, "engine/stats", &m);
    ck_assert_uint_eq(ui_state_n_calls(s), 0); /* nothing applied before the snapshot */
    /* the snapshot says cue 1 is already closed again and cue 7 is open */
    proto_open_cue open = {0, 7, PROTO_CUE_SENSITIVE_TOPIC, PROTO_WHO_CUSTOMER, 500, 1};
    proto_call_state r = rowq(4, "c1", "agent-7", &open, 1);
    answer(s, 5, &r, 1);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_ptr_nonnull(c);
    ck_assert_uint_eq(c->n_cues, 2); /* 7 from the snapshot, 2 from held seq 5; not 1 */
    ck_assert_uint_eq(c->cues[0].id, 7);
    ck_assert_uint_eq(c->cues[1].id, 2);
    ck_assert_uint_eq(c->seq, 5);
    ck_assert_uint_eq(ui_state_last_seq(s), 6);
    ck_assert_uint_eq(ui_state_gaps(s), 0);
    ui_state_destroy(s);
}
END_TEST

START_TEST(gap_triggers_resync)
{
    ui_state *s = live_agent(10);
    proto_msg m = cue(1, "c1", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, TOPIC("cue"), &m);
    ck_assert(!ui_state_need_snapshot(s));
    /* c1's 2 and 3 are lost: 3 closed cue 1 */
    m = features(4, "c1", 3000);
    feed(s, TOPIC("features"), &m);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    ck_assert_uint_eq(ui_state_gaps(s), 1);
    ck_assert(ui_state_need_snapshot(s));
    /* an answer to an older request is ignored */
    proto_msg req;
    ui_state_snapshot_request(s, &req);
    proto_msg old;
    memset(&old, 0, sizeof old);
    old.type = PROTO_T_SNAPSHOT;
    old.u.snapshot.present = PROTO_SNAPSHOT_REQ_ID_FIELD;
    old.u.snapshot.req_id = req.u.snapshot_req.req_id - 1;
    old.u.snapshot.seq = 100;
    size_t len = encode(&old);
    ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    ui_state_snapshot_lost(s); /* the driver's timeout: ask again */
    proto_call_state r = rowq(3, "c1", "agent-7", NULL, 0);
    answer(s, 13, &r, 1);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_uint_eq(c->n_cues, 0);
    ck_assert_uint_eq(c->t_ms, 5000); /* snapshot's t_ms; the held features at 3000 are older */
    ck_assert_uint_eq(c->seq, 4);
    ck_assert_uint_eq(ui_state_snapshots(s), 2);
    ui_state_destroy(s);
}
END_TEST

START_TEST(held_frames_after_a_gap_ask_again)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    proto_msg m = features(9, "c1", 1000);
    feed(s, TOPIC("features"), &m);
    proto_call_state r = rowq(4, "c1", "agent-7", NULL, 0);
    answer(s, 1, &r, 1); /* c1's 5..8 never arrived */
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    ck_assert_uint_eq(ui_state_gaps(s), 1);
    r.seq = 8;
    answer(s, 1, &r, 1);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    ck_assert_uint_eq(ui_state_n_calls(s), 1);
    ck_assert_uint_eq(ui_state_find(s, "c1")->seq, 9);
    ui_state_destroy(s);
}
END_TEST

START_TEST(stats_count_in_seq_and_repeats_resync)
{
    ui_state *s = live_agent(0);
    proto_msg m = stats(1);
    feed(s, "engine/stats", &m);
    m = features(1, "c1", 500);
    feed(s, TOPIC("features"), &m);
    m = stats(3); /* a lost stats message is nothing to resynchronise for */
    feed(s, "engine/stats", &m);
    m = escalation(2, "c1", 1, PROTO_LEVEL_SUPERVISOR);
    feed(s, TOPIC("escalation"), &m);
    ck_assert_uint_eq(ui_state_gaps(s), 0);
    feed(s, TOPIC("escalation"), &m); /* c1's 2 again: never from one publisher: a restart */
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    proto_call_state r = rowq(2, "c1", "agent-7", NULL, 0);
    answer(s, 4, &r, 1); /* ... whose snapshot already includes it: one alert, not two */
    ck_assert_uint_eq(ui_state_n_alerts(s), 1);
    ck_assert_uint_eq(ui_state_gaps(s), 1);
    ck_assert_uint_eq(ui_state_n_calls(s), 1);
    ck_assert_int_eq(ui_state_feed(s, "engine/stats", (const uint8_t *)"\x81\xa1v", 3), RP_EPROTO);
    ck_assert_uint_eq(ui_state_last_seq(s), 4);
    ui_state_destroy(s);
}
END_TEST

START_TEST(scope_limits_calls)
{
    ui_state *s = ui_state_create(UI_ROLE_AGENT, "team-a", "agent-7");
    proto_call_state rows[2] = {row("c1", "agent-7", NULL, 0), row("c2", "agent-8", NULL, 0)};
    answer(s, 0, rows, 2);
    ck_assert_uint_eq(ui_state_n_calls(s), 1);
    proto_msg m = cue(1, "c3", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, "call/team-a/agent-8/c3/cue", &m);
    m = cue(7, "c4", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, "call/team-b/agent-7/c4/cue", &m);
    ck_assert_uint_eq(ui_state_n_calls(s), 1);
    ck_assert_ptr_null(ui_state_find(s, "c3"));
    m = cue(1, "c5", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, "call/team-a/agent-7/c5/cue", &m);
    ck_assert_uint_eq(ui_state_n_calls(s), 2);
    ck_assert_uint_eq(ui_state_gaps(s), 0); /* out-of-scope calls are not judged for gaps */
    ui_state_destroy(s);
}
END_TEST

START_TEST(snapshot_replaces_cues_and_drops_ended_calls)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, "team-a", NULL);
    proto_open_cue open[2] = {{0, 1, PROTO_CUE_SPEAKING_FAST, PROTO_WHO_AGENT, 100, 4},
                              {0, 2, PROTO_CUE_EXTENDED_SILENCE, PROTO_WHO_BOTH, 200, 5}};
    proto_call_state rows[2] = {row("c1", "agent-7", open, 2), row("c2", "agent-8", NULL, 0)};
    rows[0].present = PROTO_CS_LEVEL | PROTO_CS_SENTIMENT;
    rows[0].level = PROTO_LEVEL_PRIORITY;
    rows[0].sentiment = -0.5f;
    answer(s, 0, rows, 2);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_uint_eq(c->n_cues, 2);
    ck_assert(c->has_level && c->level == PROTO_LEVEL_PRIORITY);
    ck_assert(c->has_sentiment);
    ck_assert_uint_eq(c->n_spark, 1);
    /* a later gap and a snapshot without c2 and with one cue on c1 */
    proto_msg m = features(5, "c1", 6000);
    feed(s, TOPIC("features"), &m);
    rows[0].n_cues = 1;
    rows[0].seq = 5;
    answer(s, 5, rows, 1);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    ck_assert_uint_eq(ui_state_n_calls(s), 1);
    c = ui_state_find(s, "c1");
    ck_assert_uint_eq(c->n_cues, 1);
    ck_assert_ptr_null(ui_state_find(s, "c2"));
    ui_state_destroy(s);
}
END_TEST

START_TEST(ranking_by_risk)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    answer(s, 0, NULL, 0);
    proto_msg m = features(1, "calm", 1000);
    feed(s, "call/t/a1/calm/features", &m);
    m = features(1, "sad", 1000);
    m.u.features.customer.present = PROTO_CUST_VALENCE | PROTO_CUST_TREND;
    m.u.features.customer.valence = -0.6f;
    m.u.features.customer.valence_trend = -0.5f;
    feed(s, "call/t/a2/sad/features", &m);
    m = escalation(1, "hot", 1, PROTO_LEVEL_PRIORITY);
    feed(s, "call/t/a3/hot/escalation", &m);
    m = features(1, "quiet", 1000);
    m.u.features.dead_air_ms = 8000;
    feed(s, "call/t/a4/quiet/features", &m);
    m = escalation(1, "done", 1, PROTO_LEVEL_PRIORITY);
    feed(s, "call/t/a5/done/escalation", &m);
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SUMMARY;
    m.u.summary.seq = 2;
    m.u.summary.call = proto_cstr("done");
    m.u.summary.t_ms = 2000;
    m.u.summary.latency_p50_ms = 1;
    m.u.summary.latency_p90_ms = 2;
    feed(s, "call/t/a5/done/summary", &m);
    uint32_t order[8];
    uint32_t n = ui_state_ranked(s, order, 8);
    ck_assert_uint_eq(n, 5);
    const char *want[5] = {"hot", "sad", "quiet", "calm", "done"};
    for (uint32_t i = 0; i < n; i++) {
        ck_assert_str_eq(ui_state_call(s, order[i])->call, want[i]);
    }
    ck_assert(ui_state_call(s, order[4])->ended);
    ck_assert(ui_call_risk(ui_state_find(s, "hot")) > ui_call_risk(ui_state_find(s, "sad")));
    ui_state_destroy(s);
}
END_TEST

START_TEST(escalation_alert_and_ack)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    answer(s, 0, NULL, 0);
    proto_msg m = escalation(1, "c1", 4, PROTO_LEVEL_SUPERVISOR);
    feed(s, TOPIC("escalation"), &m);
    m = escalation(2, "c1", 6, PROTO_LEVEL_PRIORITY);
    feed(s, TOPIC("escalation"), &m);
    ck_assert_uint_eq(ui_state_n_alerts(s), 2);
    ck_assert_uint_eq(ui_state_alert(s, 0)->id, 6); /* newest first */
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_uint_eq(c->unacked, 2);
    ck_assert_int_eq(c->level, PROTO_LEVEL_PRIORITY);
    float before = ui_call_risk(c);
    proto_msg ack;
    ck_assert_int_eq(ui_state_ack_msg(s, 1, "sup-1", 1700000000000000, &ack), RP_OK);
    ck_assert_uint_eq(ack.u.ack.alert_id, 4);
    ck_assert_int_eq(ui_state_ack_msg(s, 1, "not valid", 1, &ack), RP_EINVAL);
    ck_assert_int_eq(ui_state_ack_msg(s, 7, "sup-1", 1, &ack), RP_EINVAL);
    ck_assert_int_eq(ui_state_ack_msg(s, 1, "sup-1", 1700000000000000, &ack), RP_OK);
    size_t len = encode(&ack); /* the engine echoes the ack back */
    ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
    ck_assert(ui_state_alert(s, 1)->acked);
    ck_assert_str_eq(ui_state_alert(s, 1)->acked_by, "sup-1");
    ck_assert(!ui_state_alert(s, 0)->acked);
    ck_assert_uint_eq(c->unacked, 1);
    ck_assert(ui_call_risk(c) <= before);
    ui_state_destroy(s);
}
END_TEST

START_TEST(features_measures_and_sparkline)
{
    ui_state *s = live_agent(0);
    uint64_t seq = 0;
    for (uint32_t t = 0; t < 100000; t += 500) {
        proto_msg m = features(++seq, "c1", t);
        m.u.features.customer.b.speaking = t < 20000;
        m.u.features.customer.present = PROTO_CUST_VALENCE;
        m.u.features.customer.valence = -(float)t / 100000.0f;
        if (t >= 30000) {
            m.u.features.agent.present = PROTO_BEH_RATE_REL | PROTO_BEH_ARTIC;
            m.u.features.agent.b.rate_rel = 1.4f;
            m.u.features.agent.b.artic_sps = 7.0f;
        }
        if (t == 99500) {
            m.u.features.agent.present = 0; /* a message without it keeps the last value */
        }
        feed(s, TOPIC("features"), &m);
    }
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert(c->customer_spoke);
    ck_assert_uint_eq(c->customer_last_ms, 19500);
    ck_assert(c->has_rate_rel);
    ck_assert_float_eq_tol(c->rate_rel, 1.4f, 1e-6f);
    ck_assert_uint_eq(c->n_spark, UI_SPARK_LEN); /* 50 buckets of 2 s, the last 40 kept */
    ck_assert(c->spark[0] > c->spark[UI_SPARK_LEN - 1]);
    ck_assert_float_eq_tol(c->spark[UI_SPARK_LEN - 1], -0.995f, 1e-4f);
    ui_state_destroy(s);
}
END_TEST

START_TEST(engine_restart_resyncs)
{
    ui_state *s = live_agent(500);
    proto_msg m = cue(1, "c1", 9000, 4, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, TOPIC("cue"), &m);
    m = stats(501);
    feed(s, "engine/stats", &m);
    /* rapportd restarts: its stats stream begins again at 1, and c1 is gone */
    m = stats(1);
    feed(s, "engine/stats", &m);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    ck_assert(ui_state_need_snapshot(s));
    m = cue(1, "c9", 500, 1, PROTO_CUE_EXTENDED_SILENCE, PROTO_OPEN, 5);
    feed(s, "call/team-a/agent-7/c9/cue", &m);
    m = stats(2);
    feed(s, "engine/stats", &m);
    proto_call_state r = row("c9", "agent-7", NULL, 0);
    answer(s, 1, &r, 1);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    ck_assert_ptr_null(ui_state_find(s, "c1"));
    ck_assert_uint_eq(ui_state_find(s, "c9")->n_cues, 1);
    ck_assert_uint_eq(ui_state_last_seq(s), 2);
    ui_state_destroy(s);
}
END_TEST

START_TEST(a_call_first_seen_past_its_start_resyncs)
{
    ui_state *s = live_agent(3);
    /* c2's first message here is its seq 4: 1..3 were missed, so ask for the truth */
    proto_msg m = cue(4, "c2", 2000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, "call/team-a/agent-7/c2/cue", &m);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    /* the snapshot has c2 with a prompt on screen; a call that ended meanwhile (c3,
     * not in the snapshot) has its held messages dropped rather than asking again */
    m = features(6, "c3", 2000);
    feed(s, "call/team-a/agent-7/c3/features", &m);
    proto_call_state r = rowq(3, "c2", "agent-7", NULL, 0);
    r.present |= PROTO_CS_PROMPT;
    r.prompt_id = 5;
    r.prompt = proto_cstr("Acknowledge, then offer the callback.");
    answer(s, 3, &r, 1);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    const ui_call *c = ui_state_find(s, "c2");
    ck_assert_uint_eq(c->n_cues, 1);
    ck_assert_uint_eq(c->seq, 4);
    ck_assert(c->prompt.active);
    ck_assert_uint_eq(c->prompt.id, 5);
    ck_assert_str_eq(c->prompt.text, "Acknowledge, then offer the callback.");
    ck_assert_ptr_null(ui_state_find(s, "c3"));
    ck_assert_uint_eq(ui_state_gaps(s), 1);
    ui_state_destroy(s);
}
END_TEST

/* ---- the per-call timeline (drill-down) and the consent indicator ---- */

static proto_msg summary(uint64_t seq, const char *call, uint32_t t)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SUMMARY;
    m.u.summary.seq = seq;
    m.u.summary.call = proto_cstr(call);
    m.u.summary.t_ms = t;
    m.u.summary.latency_p50_ms = 100;
    m.u.summary.latency_p90_ms = 200;
    m.u.summary.n_cues = 3;
    m.u.summary.n_escalations = 1;
    return m;
}

static proto_msg consent_features(uint64_t seq, const char *call, uint32_t t, bool voice, bool text)
{
    proto_msg m = features(seq, call, t);
    m.u.features.present |= PROTO_FEATURES_CONSENT;
    m.u.features.consent.voice_emotion = voice;
    m.u.features.consent.text_emotion = text;
    return m;
}

START_TEST(timeline_keeps_the_newest_events_in_call_time_order)
{
    ui_state *s = live_agent(0);
    /* 100 cue events, 100 ms apart: only the newest UI_TIMELINE_LEN stay */
    uint64_t seq = 0;
    for (uint32_t i = 0; i < 100; i++) {
        proto_msg m = cue(++seq, "c1", 1000 + 100 * i, 1 + i / 2, PROTO_CUE_SPEAKING_FAST,
                          i % 2 == 0 ? PROTO_OPEN : PROTO_CLOSED, 4);
        feed(s, TOPIC("cue"), &m);
    }
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_uint_eq(ui_call_n_events(c), UI_TIMELINE_LEN);
    ck_assert_uint_eq(c->n_events_dropped, 100 - UI_TIMELINE_LEN);
    ck_assert_uint_eq(ui_call_event(c, 0)->t_ms, 1000 + 100 * (100 - UI_TIMELINE_LEN));
    ck_assert_uint_eq(ui_call_event(c, UI_TIMELINE_LEN - 1)->t_ms, 1000 + 100 * 99);
    ck_assert_int_eq(ui_call_event(c, UI_TIMELINE_LEN - 1)->kind, UI_EV_CUE_CLOSE);
    ck_assert_uint_eq(ui_call_event(c, UI_TIMELINE_LEN - 1)->id, 50);
    ck_assert_ptr_null(ui_call_event(c, UI_TIMELINE_LEN));
    /* an escalation published after a cue but dated before it goes before it */
    proto_msg m = escalation(++seq, "c1", 3, PROTO_LEVEL_SUPERVISOR);
    m.u.escalation.t_ms = 1000 + 100 * 99 - 50;
    feed(s, TOPIC("escalation"), &m);
    ck_assert_uint_eq(ui_call_n_events(c), UI_TIMELINE_LEN);
    ck_assert_int_eq(ui_call_event(c, UI_TIMELINE_LEN - 2)->kind, UI_EV_ESCALATION);
    ck_assert_int_eq(ui_call_event(c, UI_TIMELINE_LEN - 1)->kind, UI_EV_CUE_CLOSE);
    for (uint32_t i = 1; i < ui_call_n_events(c); i++) {
        ck_assert_uint_le(ui_call_event(c, i - 1)->t_ms, ui_call_event(c, i)->t_ms);
    }
    /* older than everything kept in a full timeline: not kept, counted */
    m = prompt(++seq, 10, 9, "Too old to keep.", 0);
    feed(s, TOPIC("prompt"), &m);
    ck_assert_uint_eq(ui_call_n_events(c), UI_TIMELINE_LEN);
    ck_assert_uint_eq(c->n_events_dropped, 100 - UI_TIMELINE_LEN + 2);
    ck_assert_int_ne(ui_call_event(c, 0)->kind, UI_EV_PROMPT);
    ui_state_destroy(s);
}
END_TEST

START_TEST(timeline_records_each_kind)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    answer(s, 0, NULL, 0);
    proto_msg m = consent_features(1, "c1", 500, false, false);
    feed(s, TOPIC("features"), &m);
    m = cue(2, "c1", 8200, 1, PROTO_CUE_SENSITIVE_TOPIC, PROTO_OPEN, 1);
    m.u.cue.present |= PROTO_CUE_QUOTE;
    m.u.cue.quote = proto_cstr("charged twice");
    feed(s, TOPIC("cue"), &m);
    m = prompt(3, 8200, 1, "Go through the empathy checklist.", 0);
    feed(s, TOPIC("prompt"), &m);
    m = escalation(4, "c1", 11, PROTO_LEVEL_SUPERVISOR);
    m.u.escalation.t_ms = 8300;
    feed(s, TOPIC("escalation"), &m);
    m = consent_features(5, "c1", 9000, false, false); /* unchanged: no entry */
    feed(s, TOPIC("features"), &m);
    m = consent_features(6, "c1", 9500, true, true);
    feed(s, TOPIC("features"), &m);
    proto_msg ack;
    ck_assert_int_eq(ui_state_ack_msg(s, 0, "sup-1", 1, &ack), RP_OK);
    size_t len = encode(&ack);
    ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
    m = cue(7, "c1", 12000, 1, PROTO_CUE_SENSITIVE_TOPIC, PROTO_CLOSED, 1);
    feed(s, TOPIC("cue"), &m);
    m = summary(8, "c1", 19000);
    feed(s, TOPIC("summary"), &m);

    const ui_call *c = ui_state_find(s, "c1");
    static const ui_event_kind want[] = {UI_EV_CONSENT,    UI_EV_CUE_OPEN, UI_EV_PROMPT,
                                         UI_EV_ESCALATION, UI_EV_CONSENT,  UI_EV_ACK,
                                         UI_EV_CUE_CLOSE,  UI_EV_SUMMARY};
    ck_assert_uint_eq(ui_call_n_events(c), sizeof want / sizeof want[0]);
    for (uint32_t i = 0; i < ui_call_n_events(c); i++) {
        ck_assert_int_eq(ui_call_event(c, i)->kind, want[i]);
    }
    const ui_event *e = ui_call_event(c, 0);
    ck_assert(!e->voice_emotion && !e->text_emotion);
    e = ui_call_event(c, 1);
    ck_assert_int_eq(e->cue, PROTO_CUE_SENSITIVE_TOPIC);
    ck_assert_uint_eq(e->t_ms, 8200);
    ck_assert_str_eq(e->text, "charged twice");
    ck_assert_str_eq(ui_call_event(c, 2)->text, "Go through the empathy checklist.");
    e = ui_call_event(c, 3);
    ck_assert_uint_eq(e->id, 11);
    ck_assert_int_eq(e->level, PROTO_LEVEL_SUPERVISOR);
    ck_assert_int_eq(e->reason, PROTO_REASON_HUMAN_REQUEST);
    ck_assert_str_eq(e->text, "I want your manager");
    ck_assert(ui_call_event(c, 4)->voice_emotion && ui_call_event(c, 4)->text_emotion);
    e = ui_call_event(c, 5);
    ck_assert_uint_eq(e->id, 11);
    ck_assert_str_eq(e->text, "sup-1");
    ck_assert_uint_eq(e->t_ms, 9500); /* an ack takes the call's latest time */
    e = ui_call_event(c, 7);
    ck_assert_uint_eq(e->t_ms, 19000);
    ck_assert_uint_eq(e->n_cues, 3);
    ck_assert_uint_eq(e->n_escalations, 1);
    ui_state_destroy(s);
}
END_TEST

START_TEST(timeline_notes_a_resync_instead_of_inventing_events)
{
    ui_state *s = live_agent(0);
    proto_msg m = cue(1, "c1", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, TOPIC("cue"), &m);
    /* c1's 2..4 are lost (they opened two cues); 5 shows the gap */
    m = features(5, "c1", 6000);
    feed(s, TOPIC("features"), &m);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    proto_open_cue open[2] = {{0, 1, PROTO_CUE_SPEAKING_FAST, PROTO_WHO_AGENT, 1000, 4},
                              {0, 2, PROTO_CUE_CUSTOMER_TENSION, PROTO_WHO_CUSTOMER, 4000, 2}};
    proto_call_state rows[2] = {rowq(4, "c1", "agent-7", open, 2),
                                rowq(7, "c2", "agent-7", NULL, 0)};
    answer(s, 0, rows, 2);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_uint_eq(c->n_cues, 2);
    ck_assert_uint_eq(ui_call_n_events(c), 2); /* the cue seen open, then the note */
    ck_assert_int_eq(ui_call_event(c, 0)->kind, UI_EV_CUE_OPEN);
    const ui_event *e = ui_call_event(c, 1);
    ck_assert_int_eq(e->kind, UI_EV_RESYNC);
    ck_assert(!e->joined);
    ck_assert_uint_eq(e->t_ms, 5000);
    /* a call first seen in a snapshot starts with a "joined" note */
    const ui_call *c2 = ui_state_find(s, "c2");
    ck_assert_uint_eq(ui_call_n_events(c2), 1);
    ck_assert_int_eq(ui_call_event(c2, 0)->kind, UI_EV_RESYNC);
    ck_assert(ui_call_event(c2, 0)->joined);
    /* a later snapshot (a gap in c2) that includes nothing new for c1: no note on c1 */
    m = features(9, "c2", 6000);
    feed(s, "call/team-a/agent-7/c2/features", &m);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_RESYNC);
    rows[0].seq = 5;
    rows[1].seq = 8;
    answer(s, 0, rows, 2);
    ck_assert_int_eq(ui_state_sync(s), UI_SYNC_LIVE);
    ck_assert_uint_eq(ui_call_n_events(c), 2);
    ck_assert_uint_eq(ui_call_n_events(c2), 2);
    ck_assert_int_eq(ui_call_event(c2, 1)->kind, UI_EV_RESYNC);
    ck_assert(!ui_call_event(c2, 1)->joined);
    ui_state_destroy(s);
    /* a call listed before it published anything (seq 0): nothing was missed */
    s = live_agent(0);
    proto_call_state fresh = rowq(0, "c3", "agent-7", NULL, 0);
    m = features(1, "c3", 100);
    feed(s, "call/team-a/agent-7/c3/features", &m);
    m = features(3, "c3", 600); /* c3's 2 is lost */
    feed(s, "call/team-a/agent-7/c3/features", &m);
    fresh.seq = 2;
    answer(s, 0, &fresh, 1);
    ck_assert_uint_eq(ui_call_n_events(ui_state_find(s, "c3")), 1); /* the resync only */
    ui_state_destroy(s);
    s = ui_state_create(UI_ROLE_AGENT, NULL, "agent-7");
    fresh.seq = 0;
    answer(s, 0, &fresh, 1);
    ck_assert_uint_eq(ui_call_n_events(ui_state_find(s, "c3")), 0);
    ui_state_destroy(s);
}
END_TEST

START_TEST(timelines_allocate_nothing_per_message)
{
    if (!rp_alloc_hooks_enabled()) {
        return; /* built without the allocation counter */
    }
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    answer(s, 0, NULL, 0);
    uint64_t before = rp_alloc_count();
    uint64_t seq = 0;
    for (uint32_t i = 0; i < 300; i++) { /* far past UI_TIMELINE_LEN */
        proto_msg m = cue(++seq, "c1", 100 * i, 1 + i / 2, PROTO_CUE_SPEAKING_FAST,
                          i % 2 == 0 ? PROTO_OPEN : PROTO_CLOSED, 4);
        feed(s, TOPIC("cue"), &m);
        m = consent_features(++seq, "c1", 100 * i + 50, i % 3 == 0, false);
        feed(s, TOPIC("features"), &m);
        if (i % 10 == 0) {
            m = escalation(++seq, "c1", i, PROTO_LEVEL_SUPERVISOR);
            feed(s, TOPIC("escalation"), &m);
            proto_msg ack;
            ck_assert_int_eq(ui_state_ack_msg(s, 0, "sup-1", 1, &ack), RP_OK);
            size_t len = encode(&ack);
            ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
        }
    }
    /* a gap and its snapshot: the resync note takes no allocation either */
    proto_msg m = features(seq + 5, "c1", 40000);
    feed(s, TOPIC("features"), &m);
    proto_call_state r = rowq(seq + 4, "c1", "agent-7", NULL, 0);
    answer(s, 0, &r, 1);
    ck_assert_uint_eq(rp_alloc_count(), before);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert_uint_eq(ui_call_n_events(c), UI_TIMELINE_LEN);
    ck_assert_int_eq(ui_call_event(c, UI_TIMELINE_LEN - 1)->kind, UI_EV_RESYNC);
    ui_state_destroy(s);
}
END_TEST

typedef struct seen_kinds {
    ui_change_kind kinds[16];
    uint32_t n;
} seen_kinds;

static void record_kind(void *arg, const ui_change *ch, const proto_msg *m)
{
    (void)m;
    seen_kinds *k = arg;
    if (k->n < 16) {
        k->kinds[k->n++] = ch->kind;
    }
}

START_TEST(consent_indicator_from_snapshot_and_features)
{
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    proto_call_state r = rowq(2, "c1", "agent-7", NULL, 0);
    r.consent.voice_emotion = true;
    r.present |= PROTO_CS_QUEUE;
    r.queue = proto_cstr("billing");
    r.medium = PROTO_CHAT;
    answer(s, 0, &r, 1);
    const ui_call *c = ui_state_find(s, "c1");
    ck_assert(c->has_consent);
    ck_assert(ui_call_emotion_on(c));
    ck_assert_str_eq(ui_consent_words(c->has_consent, &c->consent),
                     "ON (voice, customer informed)");
    ck_assert_str_eq(c->queue, "billing");
    ck_assert(c->has_medium);
    ck_assert_int_eq(c->medium, PROTO_CHAT);

    seen_kinds seen;
    memset(&seen, 0, sizeof seen);
    ui_state_set_observer(s, record_kind, &seen);
    proto_msg m = features(3, "c1", 6000); /* without consent: the indicator stays */
    feed(s, TOPIC("features"), &m);
    ck_assert(ui_call_emotion_on(c));
    m = consent_features(4, "c1", 6500, true, false); /* the same flags: no change */
    feed(s, TOPIC("features"), &m);
    ck_assert_uint_eq(seen.n, 0);
    m = consent_features(5, "c1", 7000, false, false); /* the customer withdrew */
    feed(s, TOPIC("features"), &m);
    ck_assert_uint_eq(seen.n, 1);
    ck_assert_int_eq(seen.kinds[0], UI_CH_CONSENT);
    ck_assert(!ui_call_emotion_on(c));
    ck_assert_str_eq(ui_consent_words(c->has_consent, &c->consent), "off");

    /* a call first seen live: unknown until its first features with consent */
    m = cue(1, "c2", 100, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, "call/team-a/agent-7/c2/cue", &m);
    const ui_call *c2 = ui_state_find(s, "c2");
    ck_assert(!c2->has_consent);
    ck_assert(!ui_call_emotion_on(c2));
    ck_assert_str_eq(ui_consent_words(c2->has_consent, &c2->consent), "not known yet");
    ck_assert(!c2->has_medium);
    m = consent_features(2, "c2", 500, false, true);
    feed(s, "call/team-a/agent-7/c2/features", &m);
    ck_assert(ui_call_emotion_on(c2));
    ck_assert_str_eq(ui_consent_words(c2->has_consent, &c2->consent),
                     "ON (text, customer informed)");
    ui_state_destroy(s);
}
END_TEST

START_TEST(plain_prints_a_line_when_consent_changes)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(out);
    ui_state *s = live_agent(0);
    ui_state_set_observer(s, ui_plain_event, out);
    proto_msg m = consent_features(1, "c1", 500, true, true);
    feed(s, TOPIC("features"), &m);
    m = consent_features(2, "c1", 1000, true, true);
    feed(s, TOPIC("features"), &m);
    m = consent_features(3, "c1", 1500, false, false);
    feed(s, TOPIC("features"), &m);
    ui_state_destroy(s);
    fclose(out);
    ck_assert_str_eq(text, "--:--.-  c1  CALL agent=agent-7 team=team-a\n"
                           "00:00.5  c1  CONSENT emotion analysis ON (voice+text, customer "
                           "informed)\n"
                           "00:01.5  c1  CONSENT emotion analysis off\n");
    free(text);
}
END_TEST

START_TEST(plain_call_filter_prints_one_calls_timeline)
{
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    ck_assert_ptr_nonnull(out);
    ui_state *s = ui_state_create(UI_ROLE_SUPERVISOR, NULL, NULL);
    ui_plain_filter only = {out, "c2"};
    ui_state_set_observer(s, ui_plain_call_event, &only);
    proto_call_state rows[2] = {rowq(0, "c1", "agent-7", NULL, 0),
                                rowq(0, "c2", "agent-8", NULL, 0)};
    answer(s, 0, rows, 2);
    proto_msg m = cue(1, "c1", 1000, 1, PROTO_CUE_SPEAKING_FAST, PROTO_OPEN, 4);
    feed(s, TOPIC("cue"), &m);
    m = escalation(1, "c2", 3, PROTO_LEVEL_SUPERVISOR);
    feed(s, "call/team-a/agent-8/c2/escalation", &m);
    m = escalation(2, "c1", 4, PROTO_LEVEL_SUPERVISOR);
    feed(s, TOPIC("escalation"), &m);
    proto_msg ack;
    ck_assert_int_eq(ui_state_ack_msg(s, 0, "sup-1", 1, &ack), RP_OK); /* c1's */
    size_t len = encode(&ack);
    ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
    ck_assert_int_eq(ui_state_ack_msg(s, 1, "sup-1", 1, &ack), RP_OK); /* c2's */
    len = encode(&ack);
    ck_assert_int_eq(ui_state_reply(s, wire, len), RP_OK);
    ui_state_destroy(s);
    fclose(out);
    ck_assert_str_eq(text, "--:--.-  SNAPSHOT seq=0 calls=2\n"
                           "00:05.0  c2  STATE agent=agent-8 level=- sentiment=- emotion=off "
                           "cues=-\n"
                           "00:01.0  c2  ESCALATE supervisor human_request alert=3 \"I want your "
                           "manager\"\n"
                           "--:--.-  c2  ACK alert=3 by=sup-1\n");
    free(text);
}
END_TEST

Suite *state_suite(void)
{
    Suite *s = suite_create("ui_state");
    TCase *tc = tcase_create("state");
    tcase_add_test(tc, cue_banners_open_and_close);
    tcase_add_test(tc, a_call_first_seen_past_its_start_resyncs);
    tcase_add_test(tc, prompt_replaced_and_expires);
    tcase_add_test(tc, checklist_stays_while_its_cue_is_open);
    tcase_add_test(tc, held_until_the_first_snapshot);
    tcase_add_test(tc, gap_triggers_resync);
    tcase_add_test(tc, held_frames_after_a_gap_ask_again);
    tcase_add_test(tc, stats_count_in_seq_and_repeats_resync);
    tcase_add_test(tc, scope_limits_calls);
    tcase_add_test(tc, snapshot_replaces_cues_and_drops_ended_calls);
    tcase_add_test(tc, ranking_by_risk);
    tcase_add_test(tc, escalation_alert_and_ack);
    tcase_add_test(tc, features_measures_and_sparkline);
    tcase_add_test(tc, engine_restart_resyncs);
    suite_add_tcase(s, tc);
    tc = tcase_create("timeline");
    tcase_add_test(tc, timeline_keeps_the_newest_events_in_call_time_order);
    tcase_add_test(tc, timeline_records_each_kind);
    tcase_add_test(tc, timeline_notes_a_resync_instead_of_inventing_events);
    tcase_add_test(tc, timelines_allocate_nothing_per_message);
    suite_add_tcase(s, tc);
    tc = tcase_create("consent");
    tcase_add_test(tc, consent_indicator_from_snapshot_and_features);
    tcase_add_test(tc, plain_prints_a_line_when_consent_changes);
    tcase_add_test(tc, plain_call_filter_prints_one_calls_timeline);
    suite_add_tcase(s, tc);
    return s;
}
