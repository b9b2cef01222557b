/* agents-ui/state.c - the consoles' state machine (see state.h). */
#include "agents-ui/state.h"

#include <string.h>

#include "agents-ui/timeline.h"
#include "common/alloc.h"

typedef struct held_frame {
    uint32_t topic_off, topic_len, msg_off, msg_len;
} held_frame;

struct ui_state {
    ui_role role;
    char team[PROTO_MAX_ID_BYTES + 1];
    char agent[PROTO_MAX_ID_BYTES + 1];
    ui_observer observer;
    void *observer_arg;
    /* stream: calls are numbered each on their own (ui_call.seq); this is engine/stats */
    ui_sync sync;
    bool has_seq;
    uint64_t last_seq;
    uint64_t gaps, snapshots;
    bool request_out; /* a snapshot_req is outstanding */
    bool replaying;   /* applying held frames after a snapshot */
    uint64_t req_id;
    /* frames held while waiting for a snapshot */
    uint8_t *hold;
    uint32_t hold_used;
    held_frame frames[UI_HOLD_FRAMES];
    uint32_t n_frames;
    /* decoding */
    unsigned char *arena_mem;
    /* view */
    ui_call *calls;
    uint32_t n_calls;
    uint64_t n_dropped_calls;
    ui_alert alerts[UI_MAX_ALERTS]; /* newest first */
    uint32_t n_alerts;
};

/* Arena for one decoded message; snapshot replies are the largest. */
#define UI_ARENA_BYTES PROTO_DECODE_ARENA_BYTES

static void copy_str(char *dst, size_t cap, proto_str s)
{
    size_t n = s.len < cap - 1 ? s.len : cap - 1;
    /* keep truncated text valid UTF-8: do not end inside a multi-byte sequence */
    if (n < s.len) {
        while (n > 0 && ((unsigned char)s.ptr[n] & 0xC0u) == 0x80u) {
            n--;
        }
    }
    if (n > 0) {
        memcpy(dst, s.ptr, n);
    }
    dst[n] = '\0';
}

static void copy_cstr(char *dst, size_t cap, const char *src)
{
    size_t n = src != NULL ? strlen(src) : 0;
    n = n < cap - 1 ? n : cap - 1;
    if (n > 0) {
        memcpy(dst, src, n);
    }
    dst[n] = '\0';
}

ui_state *ui_state_create(ui_role role, const char *team, const char *agent)
{
    ui_state *s = rp_calloc(1, sizeof *s);
    if (s == NULL) {
        return NULL;
    }
    s->hold = rp_malloc(UI_HOLD_BYTES);
    s->arena_mem = rp_malloc(UI_ARENA_BYTES);
    s->calls = rp_calloc(UI_MAX_CALLS, sizeof *s->calls);
    if (s->hold == NULL || s->arena_mem == NULL || s->calls == NULL) {
        ui_state_destroy(s);
        return NULL;
    }
    s->role = role;
    copy_cstr(s->team, sizeof s->team, team);
    copy_cstr(s->agent, sizeof s->agent, agent);
    s->sync = UI_SYNC_WAITING;
    return s;
}

void ui_state_destroy(ui_state *s)
{
    if (s == NULL) {
        return;
    }
    rp_free(s->hold);
    rp_free(s->arena_mem);
    rp_free(s->calls);
    rp_free(s);
}

void ui_state_set_observer(ui_state *s, ui_observer fn, void *arg)
{
    s->observer = fn;
    s->observer_arg = arg;
}

static void notify(ui_state *s, const ui_change *ch, const proto_msg *m)
{
    if (s->observer != NULL && ch->kind != UI_CH_NONE && ch->kind != UI_CH_HELD) {
        s->observer(s->observer_arg, ch, m);
    }
}

/* ---- topics and scope ---- */

typedef struct topic_ids {
    bool is_call;
    proto_str team, agent, call;
} topic_ids;

/* "call/<team>/<agent>/<call>/<type>" -> its ids; anything else is not a call topic. */
static topic_ids parse_topic(const char *topic)
{
    topic_ids t;
    memset(&t, 0, sizeof t);
    if (topic == NULL || strncmp(topic, "call/", 5) != 0) {
        return t;
    }
    proto_str parts[3];
    const char *p = topic + 5;
    for (int i = 0; i < 3; i++) {
        const char *slash = strchr(p, '/');
        if (slash == NULL || slash == p) {
            return t;
        }
        parts[i].ptr = p;
        parts[i].len = (uint32_t)(slash - p);
        p = slash + 1;
    }
    t.is_call = true;
    t.team = parts[0];
    t.agent = parts[1];
    t.call = parts[2];
    return t;
}

static bool in_scope(const ui_state *s, proto_str team, proto_str agent)
{
    return (s->team[0] == '\0' || proto_str_eq(team, s->team)) &&
           (s->agent[0] == '\0' || proto_str_eq(agent, s->agent));
}

static ui_call *find_call(ui_state *s, proto_str call)
{
    for (uint32_t i = 0; i < s->n_calls; i++) {
        if (proto_str_eq(call, s->calls[i].call)) {
            return &s->calls[i];
        }
    }
    return NULL;
}

static ui_call *add_call(ui_state *s, proto_str call, proto_str team, proto_str agent)
{
    if (s->n_calls >= UI_MAX_CALLS) {
        /* make room by forgetting the oldest ended call, if any */
        uint32_t victim = UI_MAX_CALLS;
        for (uint32_t i = 0; i < s->n_calls && victim == UI_MAX_CALLS; i++) {
            if (s->calls[i].ended) {
                victim = i;
            }
        }
        if (victim == UI_MAX_CALLS) {
            s->n_dropped_calls++;
            return NULL;
        }
        memmove(&s->calls[victim], &s->calls[victim + 1],
                (s->n_calls - victim - 1) * sizeof s->calls[0]);
        s->n_calls--;
    }
    ui_call *c = &s->calls[s->n_calls++];
    memset(c, 0, sizeof *c);
    copy_str(c->call, sizeof c->call, call);
    copy_str(c->team, sizeof c->team, team);
    copy_str(c->agent, sizeof c->agent, agent);
    return c;
}

/* ---- per-message updates ---- */

static uint32_t t_of(const proto_msg *m)
{
    switch (m->type) {
    case PROTO_T_FEATURES:
        return m->u.features.t_ms;
    case PROTO_T_CUE:
        return m->u.cue.t_ms;
    case PROTO_T_PROMPT:
        return m->u.prompt.t_ms;
    case PROTO_T_ESCALATION:
        return m->u.escalation.t_ms;
    case PROTO_T_SUMMARY:
        return m->u.summary.t_ms;
    default:
        return 0;
    }
}

static void advance_time(ui_call *c, uint32_t t_ms)
{
    if (t_ms > c->t_ms) {
        c->t_ms = t_ms;
    }
    ui_prompt *p = &c->prompt;
    if (p->active && p->ttl_ms != 0 && c->t_ms >= p->shown_ms + p->ttl_ms) {
        p->active = false;
    }
}

static void add_spark(ui_call *c, uint32_t t_ms, float v)
{
    uint32_t bucket = t_ms / UI_SPARK_STEP_MS;
    if (c->n_spark > 0 && bucket <= c->spark_bucket) {
        c->spark[c->n_spark - 1] = v;
        return;
    }
    if (c->n_spark == UI_SPARK_LEN) {
        memmove(&c->spark[0], &c->spark[1], (UI_SPARK_LEN - 1) * sizeof c->spark[0]);
        c->n_spark--;
    }
    c->spark[c->n_spark++] = v;
    c->spark_bucket = bucket;
}

/* ---- the timeline (timeline.c keeps the ring) ---- */

static void timeline_cue(ui_call *c, const proto_cue *q)
{
    ui_event *e =
        ui_timeline_add(c, q->state == PROTO_OPEN ? UI_EV_CUE_OPEN : UI_EV_CUE_CLOSE, q->t_ms);
    if (e == NULL) {
        return;
    }
    e->id = q->id;
    e->cue = q->cue;
    e->party = q->party;
    e->priority = q->priority;
    if (q->present & PROTO_CUE_QUOTE) {
        copy_str(e->text, sizeof e->text, q->quote);
    }
}

static void timeline_consent(ui_call *c, uint32_t t_ms)
{
    ui_event *e = ui_timeline_add(c, UI_EV_CONSENT, t_ms);
    if (e != NULL) {
        e->voice_emotion = c->consent.voice_emotion;
        e->text_emotion = c->consent.text_emotion;
    }
}

/* Returns true when the consent in force became known or changed. */
static bool apply_consent(ui_call *c, const proto_consent_flags *k)
{
    bool changed = !c->has_consent || c->consent.voice_emotion != k->voice_emotion ||
                   c->consent.text_emotion != k->text_emotion;
    c->has_consent = true;
    c->consent = *k;
    return changed;
}

static void apply_features(ui_call *c, const proto_features *f)
{
    c->has_features = true;
    if (f->agent.present & PROTO_BEH_RATE_REL) {
        c->has_rate_rel = true;
        c->rate_rel = f->agent.b.rate_rel;
    }
    if (f->agent.present & PROTO_BEH_ARTIC) {
        c->has_artic = true;
        c->artic_sps = f->agent.b.artic_sps;
    }
    c->talk_ratio = f->agent.b.talk_ratio;
    if (f->customer.b.speaking) {
        c->customer_spoke = true;
        c->customer_last_ms = f->t_ms;
    }
    c->dead_air_ms = f->dead_air_ms;
    c->on_hold = f->on_hold;
    if (f->customer.present & PROTO_CUST_VALENCE) {
        c->has_sentiment = true;
        c->sentiment = f->customer.valence;
        add_spark(c, f->t_ms, f->customer.valence);
    }
    if (f->customer.present & PROTO_CUST_TREND) {
        c->trend = f->customer.valence_trend;
    }
}

static bool apply_cue(ui_call *c, const proto_cue *q)
{
    for (uint32_t i = 0; i < c->n_cues; i++) {
        if (c->cues[i].id != q->id) {
            continue;
        }
        if (q->state == PROTO_CLOSED) {
            memmove(&c->cues[i], &c->cues[i + 1], (c->n_cues - i - 1) * sizeof c->cues[0]);
            c->n_cues--;
            return true;
        }
        return false; /* opened twice: already shown */
    }
    if (q->state == PROTO_CLOSED) {
        return true; /* closing a cue we never saw open: nothing on screen, still an event */
    }
    if (c->n_cues == UI_MAX_CUES) {
        /* keep the most urgent: replace the least urgent if the new one beats it */
        uint32_t worst = 0;
        for (uint32_t i = 1; i < c->n_cues; i++) {
            if (c->cues[i].priority > c->cues[worst].priority) {
                worst = i;
            }
        }
        if (c->cues[worst].priority <= q->priority) {
            return true;
        }
        memmove(&c->cues[worst], &c->cues[worst + 1], (c->n_cues - worst - 1) * sizeof c->cues[0]);
        c->n_cues--;
    }
    ui_cue *u = &c->cues[c->n_cues++];
    memset(u, 0, sizeof *u);
    u->id = q->id;
    u->cue = q->cue;
    u->party = q->party;
    u->priority = q->priority;
    u->since_ms = q->start_ms;
    if (q->present & PROTO_CUE_QUOTE) {
        copy_str(u->quote, sizeof u->quote, q->quote);
    }
    return true;
}

static void apply_prompt(ui_call *c, const proto_prompt *p)
{
    ui_event *e = ui_timeline_add(c, UI_EV_PROMPT, p->t_ms);
    if (e != NULL) {
        e->id = p->id;
        e->priority = p->priority;
        copy_str(e->text, sizeof e->text, p->text);
    }
    ui_prompt *u = &c->prompt;
    memset(u, 0, sizeof *u);
    u->active = true;
    u->id = p->id;
    u->priority = p->priority;
    u->shown_ms = p->t_ms;
    u->ttl_ms = (p->present & PROTO_PROMPT_TTL) ? p->ttl_ms : 0;
    copy_str(u->text, sizeof u->text, p->text);
    if (p->n_checklist == 0) {
        return;
    }
    ui_checklist *k = &c->checklist;
    memset(k, 0, sizeof *k);
    k->has = true;
    k->has_cue = (p->present & PROTO_PROMPT_CUE_ID) != 0;
    k->cue_id = p->cue_id;
    k->prompt_id = p->id;
    for (uint32_t i = 0; i < p->n_checklist && i < PROTO_MAX_CHECKLIST; i++) {
        copy_str(k->items[i], sizeof k->items[i], p->checklist[i]);
        k->n++;
    }
}

const ui_checklist *ui_call_checklist(const ui_call *c)
{
    const ui_checklist *k = &c->checklist;
    if (!k->has || c->ended) {
        return NULL;
    }
    if (!k->has_cue) {
        return c->prompt.active && c->prompt.id == k->prompt_id ? k : NULL;
    }
    for (uint32_t i = 0; i < c->n_cues; i++) {
        if (c->cues[i].id == k->cue_id) {
            return k;
        }
    }
    return NULL;
}

static void apply_escalation(ui_state *s, ui_call *c, const proto_escalation *e)
{
    if (!c->has_level || e->level > c->level) {
        c->has_level = true;
        c->level = e->level;
    }
    c->has_escalation = true;
    c->esc_level = e->level;
    c->esc_reason = e->reason;
    c->esc_quote[0] = '\0';
    if (e->present & PROTO_ESC_QUOTE) {
        copy_str(c->esc_quote, sizeof c->esc_quote, e->quote);
    }
    c->unacked++;
    if (s->n_alerts == UI_MAX_ALERTS) {
        s->n_alerts--;
    }
    memmove(&s->alerts[1], &s->alerts[0], s->n_alerts * sizeof s->alerts[0]);
    s->n_alerts++;
    ui_alert *a = &s->alerts[0];
    memset(a, 0, sizeof *a);
    copy_cstr(a->call, sizeof a->call, c->call);
    copy_cstr(a->agent, sizeof a->agent, c->agent);
    a->id = e->id;
    a->t_ms = e->t_ms;
    a->level = e->level;
    a->reason = e->reason;
    copy_cstr(a->quote, sizeof a->quote, c->esc_quote);
    ui_event *ev = ui_timeline_add(c, UI_EV_ESCALATION, e->t_ms);
    if (ev != NULL) {
        ev->id = e->id;
        ev->level = e->level;
        ev->reason = e->reason;
        copy_cstr(ev->text, sizeof ev->text, c->esc_quote);
    }
}

static void end_call(ui_call *c, const proto_summary *sum)
{
    ui_event *e = ui_timeline_add(c, UI_EV_SUMMARY, sum->t_ms);
    if (e != NULL) {
        e->n_cues = sum->n_cues;
        e->n_escalations = sum->n_escalations;
    }
    c->ended = true;
    c->n_cues = 0;
    c->prompt.active = false;
    c->checklist.has = false;
    c->dead_air_ms = 0;
}

/* Marks the stream out of sync: the message waits for a snapshot. */
static ui_change lost_sync(ui_state *s, ui_change_kind why, uint64_t lost)
{
    ui_change ch = {why, s, NULL, lost, 0};
    s->gaps++;
    s->sync = UI_SYNC_RESYNC;
    s->request_out = false;
    notify(s, &ch, NULL);
    ch.kind = UI_CH_HELD;
    ch.lost = 0;
    return ch;
}

/* Applies a call message, checking the call's own seq. */
static ui_change apply_call_msg(ui_state *s, const char *topic, const proto_msg *m, uint64_t seq)
{
    ui_change ch = {UI_CH_NONE, s, NULL, 0, 0};
    topic_ids t = parse_topic(topic);
    proto_str call = proto_msg_call(m);
    ui_call *c = find_call(s, call);
    if (c != NULL && seq <= c->seq) {
        if (s->replaying) {
            return ch; /* held before the snapshot and already included in it */
        }
        /* one publisher never repeats or reorders a call's seq: rapportd restarted */
        return lost_sync(s, UI_CH_RESTART, 0);
    }
    if (c != NULL && seq > c->seq + 1) {
        return lost_sync(s, UI_CH_GAP, seq - c->seq - 1);
    }
    if (c == NULL) {
        if (t.is_call ? !in_scope(s, t.team, t.agent)
                      : (s->team[0] != '\0' || s->agent[0] != '\0')) {
            return ch;
        }
        if (m->type == PROTO_T_SUMMARY) {
            return ch; /* the end of a call we never saw: nothing to show */
        }
        if (seq > 1) {
            if (s->replaying) {
                return ch; /* a call that ended before the snapshot was taken */
            }
            return lost_sync(s, UI_CH_GAP, seq - 1); /* we missed its start */
        }
        c = add_call(s, call, t.team, t.agent);
        if (c == NULL) {
            return ch;
        }
        ch.kind = UI_CH_CALL_NEW;
        ch.call = c;
        notify(s, &ch, m);
    }
    ch.call = c;
    ch.kind = UI_CH_NONE;
    c->seq = seq;
    advance_time(c, t_of(m));
    switch (m->type) {
    case PROTO_T_FEATURES:
        apply_features(c, &m->u.features);
        if ((m->u.features.present & PROTO_FEATURES_CONSENT) &&
            apply_consent(c, &m->u.features.consent)) {
            timeline_consent(c, m->u.features.t_ms);
            ch.kind = UI_CH_CONSENT;
        }
        break;
    case PROTO_T_CUE:
        if (apply_cue(c, &m->u.cue)) {
            timeline_cue(c, &m->u.cue);
            ch.kind = m->u.cue.state == PROTO_OPEN ? UI_CH_CUE_OPEN : UI_CH_CUE_CLOSE;
        }
        break;
    case PROTO_T_PROMPT:
        apply_prompt(c, &m->u.prompt);
        ch.kind = UI_CH_PROMPT;
        break;
    case PROTO_T_ESCALATION:
        apply_escalation(s, c, &m->u.escalation);
        ch.kind = UI_CH_ESCALATION;
        break;
    case PROTO_T_SUMMARY:
        end_call(c, &m->u.summary);
        ch.kind = UI_CH_SUMMARY;
        break;
    default:
        break;
    }
    notify(s, &ch, m);
    return ch;
}

ui_change ui_state_apply(ui_state *s, const char *topic, const proto_msg *m)
{
    ui_change ch = {UI_CH_NONE, s, NULL, 0, 0};
    uint64_t seq = 0;
    bool has_seq = proto_msg_seq(m, &seq);
    if (!has_seq) {
        return ch; /* not a published message */
    }
    if (s->sync != UI_SYNC_LIVE) {
        ch.kind = UI_CH_HELD;
        return ch;
    }
    if (m->type != PROTO_T_STATS) {
        return apply_call_msg(s, topic, m, seq);
    }
    /* engine/stats: its own stream. Gaps there lose nothing that is shown; a seq
     * that goes back means rapportd restarted, and its state is new too. */
    if (s->has_seq && seq <= s->last_seq) {
        if (s->replaying) {
            return ch;
        }
        return lost_sync(s, UI_CH_RESTART, 0);
    }
    s->has_seq = true;
    s->last_seq = seq;
    return ch;
}

/* ---- the hold buffer ---- */

static void hold_clear(ui_state *s)
{
    s->hold_used = 0;
    s->n_frames = 0;
}

static void hold_frame(ui_state *s, const char *topic, const uint8_t *buf, size_t len)
{
    size_t tlen = topic != NULL ? strlen(topic) + 1 : 0;
    if (s->n_frames == UI_HOLD_FRAMES || tlen + len > UI_HOLD_BYTES - s->hold_used) {
        /* too much to hold: drop it all; the replay after the snapshot then
         * starts with a gap, which asks for another snapshot */
        hold_clear(s);
        if (tlen + len > UI_HOLD_BYTES) {
            return;
        }
    }
    held_frame *f = &s->frames[s->n_frames++];
    f->topic_off = s->hold_used;
    f->topic_len = (uint32_t)tlen;
    if (tlen > 0) {
        memcpy(s->hold + s->hold_used, topic, tlen);
    }
    s->hold_used += (uint32_t)tlen;
    f->msg_off = s->hold_used;
    f->msg_len = (uint32_t)len;
    memcpy(s->hold + s->hold_used, buf, len);
    s->hold_used += (uint32_t)len;
}

static bool is_outbound_published(proto_type t)
{
    return t == PROTO_T_FEATURES || t == PROTO_T_CUE || t == PROTO_T_PROMPT ||
           t == PROTO_T_ESCALATION || t == PROTO_T_SUMMARY || t == PROTO_T_STATS;
}

int ui_state_feed(ui_state *s, const char *topic, const uint8_t *buf, size_t len)
{
    proto_arena arena;
    proto_arena_init(&arena, s->arena_mem, UI_ARENA_BYTES);
    proto_msg m;
    if (proto_decode(buf, len, &arena, &m, NULL) != RP_OK || !is_outbound_published(m.type)) {
        return RP_EPROTO;
    }
    ui_change ch = ui_state_apply(s, topic, &m);
    if (ch.kind == UI_CH_HELD) {
        hold_frame(s, topic, buf, len);
    }
    return RP_OK;
}

/* Replays the held frames after a snapshot; stops at a new gap, keeping the rest. */
static void replay_held(ui_state *s)
{
    uint32_t i = 0;
    s->replaying = true;
    for (; i < s->n_frames && s->sync == UI_SYNC_LIVE; i++) {
        const held_frame *f = &s->frames[i];
        const char *topic = f->topic_len > 0 ? (const char *)(s->hold + f->topic_off) : NULL;
        proto_arena arena;
        proto_arena_init(&arena, s->arena_mem, UI_ARENA_BYTES);
        proto_msg m;
        if (proto_decode(s->hold + f->msg_off, f->msg_len, &arena, &m, NULL) != RP_OK) {
            continue;
        }
        ui_change ch = ui_state_apply(s, topic, &m);
        if (ch.kind == UI_CH_HELD) {
            break; /* a gap: this frame and the rest wait for the next snapshot */
        }
    }
    s->replaying = false;
    if (i >= s->n_frames) {
        hold_clear(s);
        return;
    }
    /* keep frames i.. at the front */
    uint32_t base = s->frames[i].topic_off;
    memmove(s->hold, s->hold + base, s->hold_used - base);
    s->hold_used -= base;
    uint32_t n = s->n_frames - i;
    memmove(&s->frames[0], &s->frames[i], n * sizeof s->frames[0]);
    s->n_frames = n;
    for (uint32_t k = 0; k < n; k++) {
        s->frames[k].topic_off -= base;
        s->frames[k].msg_off -= base;
    }
}

/* ---- snapshots and acks ---- */

static void apply_snapshot(ui_state *s, const proto_snapshot *snap)
{
    /* calls not listed are over: forget them */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < s->n_calls; i++) {
        bool listed = false;
        for (uint32_t k = 0; k < snap->n_calls && !listed; k++) {
            listed = proto_str_eq(snap->calls[k].call, s->calls[i].call);
        }
        if (listed) {
            if (kept != i) {
                s->calls[kept] = s->calls[i];
            }
            kept++;
        }
    }
    s->n_calls = kept;
    uint32_t n_scope = 0;
    for (uint32_t k = 0; k < snap->n_calls; k++) {
        const proto_call_state *r = &snap->calls[k];
        if (!in_scope(s, r->team, r->agent)) {
            continue;
        }
        n_scope++;
        ui_call *c = find_call(s, r->call);
        bool joined = c == NULL;
        if (c == NULL && (c = add_call(s, r->call, r->team, r->agent)) == NULL) {
            continue;
        }
        if (joined ? r->seq > 0 : r->seq != c->seq) {
            /* the snapshot folds in messages this console did not see (or rapportd
             * restarted): say so rather than inventing their events */
            ui_event *e = ui_timeline_add(c, UI_EV_RESYNC, r->t_ms > c->t_ms ? r->t_ms : c->t_ms);
            if (e != NULL) {
                e->joined = joined;
            }
        }
        if (r->present & PROTO_CS_QUEUE) {
            copy_str(c->queue, sizeof c->queue, r->queue);
        }
        c->has_medium = true;
        c->medium = r->medium;
        (void)apply_consent(c, &r->consent);
        c->ended = false;
        c->seq = r->seq;
        advance_time(c, r->t_ms);
        if ((r->present & PROTO_CS_PROMPT) && c->prompt.id != r->prompt_id) {
            memset(&c->prompt, 0, sizeof c->prompt);
            c->prompt.active = true;
            c->prompt.id = r->prompt_id;
            c->prompt.shown_ms = r->t_ms;
            copy_str(c->prompt.text, sizeof c->prompt.text, r->prompt);
        }
        /* open cues: the snapshot's list is the truth; keep quotes we already had */
        ui_cue cues[UI_MAX_CUES];
        uint32_t n = 0;
        for (uint32_t i = 0; i < r->n_cues && n < UI_MAX_CUES; i++) {
            ui_cue *u = &cues[n++];
            memset(u, 0, sizeof *u);
            u->id = r->cues[i].id;
            u->cue = r->cues[i].cue;
            u->party = r->cues[i].party;
            u->priority = r->cues[i].priority;
            u->since_ms = r->cues[i].since_ms;
            for (uint32_t j = 0; j < c->n_cues; j++) {
                if (c->cues[j].id == u->id) {
                    memcpy(u->quote, c->cues[j].quote, sizeof u->quote);
                }
            }
        }
        memcpy(c->cues, cues, n * sizeof cues[0]);
        c->n_cues = n;
        c->has_level = (r->present & PROTO_CS_LEVEL) != 0;
        c->level = r->level;
        if (r->present & PROTO_CS_SENTIMENT) {
            c->has_sentiment = true;
            c->sentiment = r->sentiment;
            add_spark(c, r->t_ms, r->sentiment);
        }
    }
    s->snapshots++;
    s->has_seq = true;
    s->last_seq = snap->seq;
    s->sync = UI_SYNC_LIVE;
    s->request_out = false;
    ui_change ch = {UI_CH_SNAPSHOT, s, NULL, 0, n_scope};
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SNAPSHOT;
    m.u.snapshot = *snap;
    notify(s, &ch, &m);
}

static void apply_ack(ui_state *s, const proto_msg *m)
{
    const proto_ack *a = &m->u.ack;
    for (uint32_t i = 0; i < s->n_alerts; i++) {
        ui_alert *al = &s->alerts[i];
        if (al->id != a->alert_id || !proto_str_eq(a->call, al->call) || al->acked) {
            continue;
        }
        al->acked = true;
        copy_str(al->acked_by, sizeof al->acked_by, a->by);
        ui_call *c = find_call(s, a->call);
        if (c != NULL && c->unacked > 0) {
            c->unacked--;
        }
        ui_event *e = c != NULL ? ui_timeline_add(c, UI_EV_ACK, c->t_ms) : NULL;
        if (e != NULL) {
            e->id = a->alert_id;
            copy_str(e->text, sizeof e->text, a->by);
        }
        ui_change ch = {UI_CH_ACK, s, c, 0, 0};
        notify(s, &ch, m);
        return;
    }
}

int ui_state_reply(ui_state *s, const uint8_t *buf, size_t len)
{
    proto_arena arena;
    proto_arena_init(&arena, s->arena_mem, UI_ARENA_BYTES);
    proto_msg m;
    if (proto_decode(buf, len, &arena, &m, NULL) != RP_OK) {
        return RP_EPROTO;
    }
    if (m.type == PROTO_T_ACK) {
        apply_ack(s, &m);
        return RP_OK;
    }
    if (m.type != PROTO_T_SNAPSHOT) {
        return RP_EPROTO;
    }
    if (s->sync == UI_SYNC_LIVE || !(m.u.snapshot.present & PROTO_SNAPSHOT_REQ_ID_FIELD) ||
        m.u.snapshot.req_id != s->req_id) {
        return RP_OK; /* an answer to an earlier request: stale */
    }
    apply_snapshot(s, &m.u.snapshot);
    /* held frames were decoded from our own copy; apply_snapshot is done with m */
    replay_held(s);
    return RP_OK;
}

bool ui_state_need_snapshot(const ui_state *s)
{
    return s->sync != UI_SYNC_LIVE && !s->request_out;
}

void ui_state_snapshot_request(ui_state *s, proto_msg *req)
{
    memset(req, 0, sizeof *req);
    req->type = PROTO_T_SNAPSHOT_REQ;
    proto_snapshot_req *q = &req->u.snapshot_req;
    if (s->team[0] != '\0') {
        q->present |= PROTO_SNAPSHOT_REQ_TEAM;
        q->team = proto_cstr(s->team);
    }
    if (s->agent[0] != '\0') {
        q->present |= PROTO_SNAPSHOT_REQ_AGENT;
        q->agent = proto_cstr(s->agent);
    }
    q->present |= PROTO_SNAPSHOT_REQ_REQ_ID;
    q->req_id = ++s->req_id;
    s->request_out = true;
}

void ui_state_snapshot_lost(ui_state *s)
{
    s->request_out = false;
}

ui_sync ui_state_sync(const ui_state *s)
{
    return s->sync;
}

uint64_t ui_state_last_seq(const ui_state *s)
{
    return s->last_seq;
}

uint64_t ui_state_gaps(const ui_state *s)
{
    return s->gaps;
}

uint64_t ui_state_snapshots(const ui_state *s)
{
    return s->snapshots;
}

uint32_t ui_state_n_calls(const ui_state *s)
{
    return s->n_calls;
}

const ui_call *ui_state_call(const ui_state *s, uint32_t index)
{
    return index < s->n_calls ? &s->calls[index] : NULL;
}

const ui_call *ui_state_find(const ui_state *s, const char *call)
{
    for (uint32_t i = 0; i < s->n_calls; i++) {
        if (strcmp(s->calls[i].call, call) == 0) {
            return &s->calls[i];
        }
    }
    return NULL;
}

float ui_call_risk(const ui_call *c)
{
    if (c->ended) {
        return 0.0f;
    }
    float risk = 0.0f;
    if (c->has_level) {
        risk += 0.3f + 0.2f * (float)c->level;
    }
    if (c->unacked > 0) {
        risk += 0.1f;
    }
    for (uint32_t i = 0; i < c->n_cues; i++) {
        uint32_t p = c->cues[i].priority < 9 ? c->cues[i].priority : 9;
        risk += 0.1f * (float)(10 - p) / 10.0f;
    }
    if (c->has_sentiment && c->sentiment < 0.0f) {
        risk += -0.3f * c->sentiment;
    }
    if (c->trend < 0.0f) {
        float t = -0.1f * c->trend;
        risk += t < 0.15f ? t : 0.15f;
    }
    if (c->dead_air_ms >= UI_DEAD_AIR_ALERT) {
        risk += 0.1f;
    }
    return risk > 1.0f ? 1.0f : risk;
}

uint32_t ui_state_ranked(const ui_state *s, uint32_t *out, uint32_t cap)
{
    uint32_t n = 0;
    for (uint32_t i = 0; i < s->n_calls && n < cap; i++) {
        /* insertion sort: ended last, then risk high to low, then arrival order */
        const ui_call *c = &s->calls[i];
        float r = ui_call_risk(c);
        uint32_t at = n;
        while (at > 0) {
            const ui_call *p = &s->calls[out[at - 1]];
            bool before = (!c->ended && p->ended) || (c->ended == p->ended && r > ui_call_risk(p));
            if (!before) {
                break;
            }
            out[at] = out[at - 1];
            at--;
        }
        out[at] = i;
        n++;
    }
    return n;
}

uint32_t ui_state_n_alerts(const ui_state *s)
{
    return s->n_alerts;
}

const ui_alert *ui_state_alert(const ui_state *s, uint32_t index)
{
    return index < s->n_alerts ? &s->alerts[index] : NULL;
}

int ui_state_ack_msg(const ui_state *s, uint32_t index, const char *by, int64_t ts_us,
                     proto_msg *out)
{
    if (index >= s->n_alerts || by == NULL || !proto_id_valid(by, strlen(by))) {
        return RP_EINVAL;
    }
    const ui_alert *a = &s->alerts[index];
    memset(out, 0, sizeof *out);
    out->type = PROTO_T_ACK;
    out->u.ack.call = proto_cstr(a->call);
    out->u.ack.alert_id = a->id;
    out->u.ack.by = proto_cstr(by);
    out->u.ack.ts_us = ts_us;
    return RP_OK;
}

const char *ui_trend_word(const ui_call *c)
{
    if (c->trend <= -0.05f) {
        return "falling";
    }
    if (c->trend >= 0.05f) {
        return "rising";
    }
    return "steady";
}

bool ui_call_emotion_on(const ui_call *c)
{
    return c->has_consent && (c->consent.voice_emotion || c->consent.text_emotion);
}

const char *ui_consent_words(bool known, const proto_consent_flags *flags)
{
    if (!known) {
        return "not known yet";
    }
    if (flags->voice_emotion && flags->text_emotion) {
        return "ON (voice+text, customer informed)";
    }
    if (flags->voice_emotion) {
        return "ON (voice, customer informed)";
    }
    if (flags->text_emotion) {
        return "ON (text, customer informed)";
    }
    return "off";
}
