/* engine/server.c - the loop thread: ingest, routing, publishing, snapshots, log, stats. */
#include "engine/server.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>
#include <zmq.h>

#include "common/alloc.h"
#include "common/clock.h"
#include "common/log.h"
#include "engine/auth.h"
#include "engine/eventlog.h"
#include "engine/idmap.h"
#include "net/curve.h"
#include "nlp/pii.h"

#define MAX_PLAYBOOKS    64
#define REG_MAX_CUES     PROTO_MAX_OPEN_CUES
#define OUT_BUF          (64u << 10)
#define ARENA_BYTES      (256u << 10)
#define BATCH            1024 /* messages handled per socket per loop turn */
#define INGEST_BATCH     64   /* inbound per turn: outputs are drained between batches */
#define LAT_BINS         400  /* 0-1 ms in 10 us, then 1-300 ms in 1 ms */
#define LAT_WINDOW_S     10   /* the recent latency: the last 10 s (whole seconds) */
#define LAT_SECONDS      (LAT_WINDOW_S + 1) /* one histogram per second, the current one too */
#define LOG_FLUSH_NS     100000000ull
#define IDLE_WAIT_MS     10 /* longest sleep of an idle loop */
#define REJECT_LOG_FIRST 10u
#define REG_ENDED_NS     10000000000ull /* an ended call without a summary leaves the cache */

enum rejection {
    REJ_MALFORMED,
    REJ_WRONG_TYPE,
    REJ_MULTIPART,
    REJ_REQUEST,
    REJ_UNAUTHORISED,
    REJ_COUNT
};
static const char *const rejection_names[REJ_COUNT] = {"malformed", "wrong_type", "multipart",
                                                       "bad_request", "unauthorised"};

/* What the snapshot service knows about a live call, kept from the messages it
 * routes and publishes: the state as of the last published seq. */
typedef struct reg_call {
    char call[PROTO_MAX_ID_BYTES + 1], agent[PROTO_MAX_ID_BYTES + 1], team[PROTO_MAX_ID_BYTES + 1];
    char queue[PROTO_MAX_ID_BYTES + 1];
    bool has_queue;
    proto_medium medium;
    proto_handler handler;
    proto_consent_flags consent;
    uint32_t t_ms;
    bool has_level;
    proto_esc_level level;
    bool has_sentiment;
    float sentiment;
    proto_open_cue cues[REG_MAX_CUES];
    uint32_t n_cues;
    uint64_t seq; /* the call's last published seq */
    bool has_prompt;
    uint32_t prompt_id, prompt_until_ms;
    char prompt[PROTO_MAX_SHORT_TEXT + 1];
    uint64_t ended_ns; /* call_end seen (the summary removes it; a sweep if none comes) */
    struct reg_call *next_free;
} reg_call;

struct eng_server {
    eng_server_config cfg;
    void *zctx, *ingest, *pub, *req;
    char ep[3][256];
    eng_worker **workers;
    uint32_t n_workers;
    eng_playbook *playbooks[MAX_PLAYBOOKS];
    uint32_t n_playbooks;
    eng_eventlog *log;
    eng_auth *auth; /* NULL: plain text, everyone may do everything */
    void *zap;
    uint64_t subs_narrowed, subs_denied;
    atomic_bool stop, reload;
    /* the loop sleeps in zmq_poll; workers wake it through this eventfd */
    atomic_int sleeping;
    int wake_fd;
    uint64_t seq;
    /* snapshot cache */
    eng_idmap reg;
    reg_call *pool, *free_list;
    /* counters */
    uint64_t msgs_in, frames_in, texts_in, published, requests, snapshots;
    uint64_t rejected[REJ_COUNT], inbox_full, log_errors, reloads, reload_errors;
    uint64_t malformed_reported;             /* shards' rejection reports received (for the log) */
    uint64_t lat_hist[LAT_BINS], lat_n;      /* since start */
    uint64_t lat_sec[LAT_SECONDS][LAT_BINS]; /* per second of the clock, ring */
    uint64_t lat_sec_epoch[LAT_SECONDS];     /* which second (mono s + 1) each row holds */
    uint64_t started_ns, last_stats_ns, last_flush_ns;
    /* buffers */
    unsigned char *arena_mem;
    char topic[256];
    uint8_t *msg, *out;
    char *json;
    proto_call_state *rows;
    proto_open_cue *row_cues;
    uint8_t *snap;
};

static const char *const ep_names[3] = {"ingest", "publish", "requests"};

eng_server_config eng_server_config_default(void)
{
    eng_server_config c = {
        .ingest = ENG_DEFAULT_INGEST,
        .publish = ENG_DEFAULT_PUBLISH,
        .requests = ENG_DEFAULT_REQUESTS,
        .n_workers = 0,
        .worker = eng_worker_config_default(),
        .playbook_path = NULL,
        .db_path = NULL,
        .stats_interval_ms = 1000,
        .purge_interval_ms = ENG_EVENTLOG_PURGE_INTERVAL_MS,
    };
    return c;
}

const char *eng_server_endpoint(const eng_server *s, eng_endpoint which)
{
    return s->ep[which];
}

void eng_server_stop(eng_server *s)
{
    atomic_store(&s->stop, true);
}

void eng_server_reload(eng_server *s)
{
    atomic_store(&s->reload, true);
}

/* ---- setup ---- */

static void *bind_socket(eng_server *s, int type, const char *endpoint, int which,
                         const rp_curve_key *key, char *err)
{
    void *sock = zmq_socket(s->zctx, type);
    if (sock == NULL) {
        snprintf(err, RP_ERR_LEN, "%s socket: %s", ep_names[which], zmq_strerror(zmq_errno()));
        return NULL;
    }
    char why[RP_ERR_LEN];
    if (key != NULL && rp_curve_server(sock, key, why) != RP_OK) {
        snprintf(err, RP_ERR_LEN, "%s: %.200s", ep_names[which], why);
        zmq_close(sock);
        return NULL;
    }
    /* the publisher lingers so the last summaries reach consoles at shutdown */
    int linger = type == ZMQ_XPUB ? 2000 : 0, hwm = 100000, ivl = 1000, timeout = 3000;
    zmq_setsockopt(sock, ZMQ_LINGER, &linger, sizeof linger);
    if (type == ZMQ_XPUB) {
        /* subscriptions reach us and take effect only as we set them: narrowed to
         * what each client's key may see (drain_subscriptions) */
        int sndhwm = 10000, manual = 1;
        zmq_setsockopt(sock, ZMQ_SNDHWM, &sndhwm, sizeof sndhwm);
        zmq_setsockopt(sock, ZMQ_XPUB_MANUAL, &manual, sizeof manual);
    } else {
        zmq_setsockopt(sock, ZMQ_RCVHWM, &hwm, sizeof hwm);
    }
    int maxmsg = (int)PROTO_MAX_MSG_BYTES + 4096;
    int64_t maxmsg64 = maxmsg;
    zmq_setsockopt(sock, ZMQ_MAXMSGSIZE, &maxmsg64, sizeof maxmsg64);
    zmq_setsockopt(sock, ZMQ_HEARTBEAT_IVL, &ivl, sizeof ivl);
    zmq_setsockopt(sock, ZMQ_HEARTBEAT_TIMEOUT, &timeout, sizeof timeout);
    if (zmq_bind(sock, endpoint) != 0) {
        snprintf(err, RP_ERR_LEN, "%s: cannot bind %.100s: %s", ep_names[which], endpoint,
                 zmq_strerror(zmq_errno()));
        zmq_close(sock);
        return NULL;
    }
    size_t len = sizeof s->ep[which];
    if (zmq_getsockopt(sock, ZMQ_LAST_ENDPOINT, s->ep[which], &len) != 0) {
        snprintf(s->ep[which], sizeof s->ep[which], "%s", endpoint);
    }
    return sock;
}

int eng_server_create(const eng_server_config *cfg, eng_server **out, char *err)
{
    *out = NULL;
    err[0] = '\0';
    eng_server *s = rp_calloc(1, sizeof *s);
    if (s == NULL) {
        snprintf(err, RP_ERR_LEN, "out of memory");
        return RP_ENOMEM;
    }
    s->cfg = *cfg;
    atomic_init(&s->stop, false);
    atomic_init(&s->reload, false);
    atomic_init(&s->sleeping, 0);
    s->wake_fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    if (s->wake_fd < 0) {
        snprintf(err, RP_ERR_LEN, "eventfd: %s", strerror(errno));
        rp_free(s);
        return RP_EIO;
    }
    int rc = eng_playbook_load(cfg->playbook_path, &s->playbooks[0], err);
    if (rc != RP_OK) {
        eng_server_destroy(&s);
        return rc;
    }
    s->n_playbooks = 1;
    if (cfg->db_path != NULL && (rc = eng_eventlog_open(cfg->db_path, &s->log, err)) != RP_OK) {
        eng_server_destroy(&s);
        return rc;
    }
    if (s->log != NULL) {
        eng_eventlog_set_purge_interval(s->log, cfg->purge_interval_ms);
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    s->n_workers = cfg->n_workers != 0 ? cfg->n_workers : (uint32_t)(cores > 0 ? cores : 1);
    if (s->n_workers > 256) {
        snprintf(err, RP_ERR_LEN, "at most 256 workers");
        eng_server_destroy(&s);
        return RP_EINVAL;
    }
    size_t max_live = (size_t)s->n_workers * cfg->worker.max_calls;
    s->workers = rp_calloc(s->n_workers, sizeof *s->workers);
    s->pool = rp_calloc(max_live, sizeof *s->pool);
    s->arena_mem = rp_malloc(ARENA_BYTES);
    s->msg = rp_malloc(OUT_BUF);
    s->out = rp_malloc(OUT_BUF);
    s->json = rp_malloc(4 * OUT_BUF);
    s->rows = rp_calloc(PROTO_MAX_SNAPSHOT_CALLS, sizeof *s->rows);
    s->row_cues = rp_calloc((size_t)PROTO_MAX_SNAPSHOT_CALLS * REG_MAX_CUES, sizeof *s->row_cues);
    s->snap = rp_malloc(PROTO_MAX_MSG_BYTES);
    if (s->workers == NULL || s->pool == NULL || s->arena_mem == NULL || s->msg == NULL ||
        s->out == NULL || s->json == NULL || s->rows == NULL || s->row_cues == NULL ||
        s->snap == NULL || eng_idmap_init(&s->reg, max_live) != RP_OK) {
        snprintf(err, RP_ERR_LEN, "out of memory");
        eng_server_destroy(&s);
        return RP_ENOMEM;
    }
    for (size_t i = 0; i < max_live; i++) {
        s->pool[i].next_free = s->free_list;
        s->free_list = &s->pool[i];
    }
    for (uint32_t i = 0; i < s->n_workers; i++) {
        rc = eng_worker_create(&cfg->worker, s->playbooks[0], &s->workers[i]);
        if (rc == RP_OK) {
            eng_worker_set_wakeup(s->workers[i], &s->sleeping, s->wake_fd);
            rc = eng_worker_start(s->workers[i]);
        }
        if (rc != RP_OK) {
            snprintf(err, RP_ERR_LEN, "worker %u: %s", i, rp_status_str(rc));
            eng_server_destroy(&s);
            return rc;
        }
    }
    s->zctx = zmq_ctx_new();
    rp_curve_key key;
    const rp_curve_key *kp = NULL;
    if (s->zctx != NULL && cfg->curve_key != NULL) {
        /* the authenticator is bound before any CURVE socket can take a client */
        char why[RP_ERR_LEN];
        if ((rc = rp_curve_load_pair(cfg->curve_key, &key, why)) != RP_OK) {
            snprintf(err, RP_ERR_LEN, "engine key: %.230s", why);
        } else if ((rc = eng_auth_load(cfg->allowed_keys, cfg->roles, &s->auth, err)) == RP_OK &&
                   (s->zap = eng_auth_zap_bind(s->auth, s->zctx, err)) == NULL) {
            rc = RP_EIO;
        }
        if (rc != RP_OK) {
            eng_server_destroy(&s);
            return rc;
        }
        kp = &key;
    } else if (cfg->allowed_keys != NULL || cfg->roles != NULL) {
        snprintf(err, RP_ERR_LEN, "allowed keys and roles need CURVE: give the engine's key pair");
        eng_server_destroy(&s);
        return RP_EINVAL;
    }
    if (s->zctx == NULL ||
        (s->ingest = bind_socket(s, ZMQ_PULL, cfg->ingest, ENG_EP_INGEST, kp, err)) == NULL ||
        (s->pub = bind_socket(s, ZMQ_XPUB, cfg->publish, ENG_EP_PUBLISH, kp, err)) == NULL ||
        (s->req = bind_socket(s, ZMQ_ROUTER, cfg->requests, ENG_EP_REQUESTS, kp, err)) == NULL) {
        if (err[0] == '\0') {
            snprintf(err, RP_ERR_LEN, "zeromq: %s", zmq_strerror(zmq_errno()));
        }
        eng_server_destroy(&s);
        return RP_EIO;
    }
    memset(&key, 0, sizeof key);
    s->started_ns = rp_clock_mono_ns();
    s->last_stats_ns = s->started_ns;
    s->last_flush_ns = s->started_ns;
    *out = s;
    return RP_OK;
}

/* ---- who sent it ---- */

/* The grant of the client a received message came from. */
static const eng_grant *grant_of(const eng_server *s, zmq_msg_t *msg)
{
    if (s->auth == NULL) {
        return &eng_grant_all;
    }
    return eng_auth_grant(s->auth, zmq_msg_gets(msg, "User-Id"));
}

/* ---- the snapshot cache ---- */

static void copy_id(char *dst, proto_str id)
{
    size_t n = id.len > PROTO_MAX_ID_BYTES ? PROTO_MAX_ID_BYTES : id.len;
    memcpy(dst, id.ptr, n);
    dst[n] = '\0';
}

static void reg_start(eng_server *s, const proto_call_start *cs)
{
    if (eng_idmap_get(&s->reg, cs->call) != NULL || s->free_list == NULL) {
        return;
    }
    reg_call *r = s->free_list;
    s->free_list = r->next_free;
    memset(r, 0, sizeof *r);
    copy_id(r->call, cs->call);
    copy_id(r->agent, cs->agent);
    copy_id(r->team, cs->team);
    r->has_queue = (cs->present & PROTO_CALL_START_QUEUE) != 0;
    if (r->has_queue) {
        copy_id(r->queue, cs->queue);
    }
    r->medium = cs->medium;
    r->handler = (cs->present & PROTO_CALL_START_HANDLER) ? cs->handler : PROTO_HUMAN;
    r->consent.voice_emotion = cs->consent.voice_emotion;
    r->consent.text_emotion = cs->consent.text_emotion;
    if (eng_idmap_put(&s->reg, cs->call, r) != RP_OK) {
        r->next_free = s->free_list;
        s->free_list = r;
    }
}

static void reg_end(eng_server *s, proto_str call)
{
    reg_call *r = eng_idmap_remove(&s->reg, call);
    if (r != NULL) {
        r->next_free = s->free_list;
        s->free_list = r;
    }
}

typedef struct sweep_ctx {
    uint64_t now;
    const reg_call *gone[64];
    unsigned n;
} sweep_ctx;

static void find_stale(void *arg, void *value)
{
    sweep_ctx *ctx = arg;
    const reg_call *r = value;
    if (r->ended_ns != 0 && ctx->now - r->ended_ns > REG_ENDED_NS && ctx->n < 64) {
        ctx->gone[ctx->n++] = r;
    }
}

/* Drops ended calls whose summary never came (a shard refused them); at most 64
 * per stats interval. */
static void reg_sweep(eng_server *s, uint64_t now)
{
    sweep_ctx ctx = {.now = now, .n = 0};
    eng_idmap_each(&s->reg, find_stale, &ctx);
    for (unsigned i = 0; i < ctx.n; i++) {
        reg_end(s, proto_cstr(ctx.gone[i]->call));
    }
}

static void reg_published(eng_server *s, const proto_msg *m)
{
    uint64_t seq = 0;
    reg_call *r = eng_idmap_get(&s->reg, proto_msg_call(m));
    if (r == NULL || !proto_msg_seq(m, &seq)) {
        return; /* not a call we list (or not a published message) */
    }
    r->seq = seq;
    switch (m->type) {
    case PROTO_T_CUE: {
        const proto_cue *c = &m->u.cue;
        r->t_ms = c->t_ms;
        if (c->state == PROTO_OPEN && r->n_cues < REG_MAX_CUES) {
            r->cues[r->n_cues++] =
                (proto_open_cue){0, c->id, c->cue, c->party, c->start_ms, c->priority};
        } else if (c->state == PROTO_CLOSED) {
            for (uint32_t i = 0; i < r->n_cues; i++) {
                if (r->cues[i].id == c->id) {
                    r->cues[i] = r->cues[--r->n_cues];
                    break;
                }
            }
        }
        return;
    }
    case PROTO_T_ESCALATION:
        if (!r->has_level || m->u.escalation.level > r->level) {
            r->has_level = true;
            r->level = m->u.escalation.level;
        }
        return;
    case PROTO_T_FEATURES:
        r->t_ms = m->u.features.t_ms;
        if (m->u.features.customer.present & PROTO_CUST_VALENCE) {
            r->has_sentiment = true;
            r->sentiment = m->u.features.customer.valence;
        }
        if (m->u.features.present & PROTO_FEATURES_CONSENT) {
            r->consent.voice_emotion = m->u.features.consent.voice_emotion;
            r->consent.text_emotion = m->u.features.consent.text_emotion;
        }
        return;
    case PROTO_T_PROMPT: {
        const proto_prompt *p = &m->u.prompt;
        r->has_prompt = true;
        r->prompt_id = p->id;
        r->prompt_until_ms = (p->present & PROTO_PROMPT_TTL) ? p->t_ms + p->ttl_ms : UINT32_MAX;
        size_t n = p->text.len > PROTO_MAX_SHORT_TEXT ? PROTO_MAX_SHORT_TEXT : p->text.len;
        memcpy(r->prompt, p->text.ptr, n);
        r->prompt[n] = '\0';
        return;
    }
    case PROTO_T_SUMMARY:
        reg_end(s, m->u.summary.call);
        return;
    default:
        return;
    }
}

typedef struct snap_ctx {
    eng_server *s;
    const proto_snapshot_req *q;
    const eng_grant *g;
    uint32_t n;
} snap_ctx;

static bool matches(proto_str want, bool have, const char *id)
{
    return !have || proto_str_eq(want, id);
}

static void add_row(void *arg, void *value)
{
    snap_ctx *ctx = arg;
    const reg_call *r = value;
    const proto_snapshot_req *q = ctx->q;
    if (ctx->n >= PROTO_MAX_SNAPSHOT_CALLS ||
        !eng_grant_sees(ctx->g, proto_cstr(r->team), proto_cstr(r->agent)) ||
        !matches(q->call, q->present & PROTO_SNAPSHOT_REQ_CALL, r->call) ||
        !matches(q->agent, q->present & PROTO_SNAPSHOT_REQ_AGENT, r->agent) ||
        !matches(q->team, q->present & PROTO_SNAPSHOT_REQ_TEAM, r->team)) {
        return;
    }
    proto_call_state *row = &ctx->s->rows[ctx->n];
    proto_open_cue *cues = &ctx->s->row_cues[(size_t)ctx->n * REG_MAX_CUES];
    memset(row, 0, sizeof *row);
    row->seq = r->seq;
    row->call = proto_cstr(r->call);
    row->agent = proto_cstr(r->agent);
    row->team = proto_cstr(r->team);
    if (r->has_queue) {
        row->present |= PROTO_CS_QUEUE;
        row->queue = proto_cstr(r->queue);
    }
    row->medium = r->medium;
    row->handler = r->handler;
    row->t_ms = r->t_ms;
    row->consent = r->consent;
    row->consent.present = 0;
    float risk = 0.0f;
    for (uint32_t i = 0; i < r->n_cues; i++) {
        cues[i] = r->cues[i];
        risk += 0.05f * (float)(10 - r->cues[i].priority) / 10.0f * 2.0f;
    }
    if (r->has_level) {
        row->present |= PROTO_CS_LEVEL;
        row->level = r->level;
        risk += 0.3f + 0.2f * (float)r->level;
    }
    if (r->has_sentiment) {
        row->present |= PROTO_CS_SENTIMENT;
        row->sentiment = r->sentiment;
        risk += r->sentiment < 0.0f ? -0.3f * r->sentiment : 0.0f;
    }
    row->risk = risk > 1.0f ? 1.0f : risk;
    row->cues = cues;
    row->n_cues = r->n_cues;
    if (r->has_prompt && r->t_ms < r->prompt_until_ms) {
        row->present |= PROTO_CS_PROMPT;
        row->prompt_id = r->prompt_id;
        row->prompt = proto_cstr(r->prompt);
    }
    ctx->n++;
}

/* Encodes the snapshot for q, limited to what g may see, into s->snap; returns its
 * length (0 on failure). */
static size_t build_snapshot(eng_server *s, const proto_snapshot_req *q, const eng_grant *g)
{
    snap_ctx ctx = {s, q, g, 0};
    eng_idmap_each(&s->reg, add_row, &ctx);
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SNAPSHOT;
    m.u.snapshot.seq = s->seq;
    if (q->present & PROTO_SNAPSHOT_REQ_REQ_ID) {
        m.u.snapshot.present = PROTO_SNAPSHOT_REQ_ID_FIELD;
        m.u.snapshot.req_id = q->req_id;
    }
    m.u.snapshot.calls = s->rows;
    /* the largest snapshots may not fit one message: send as many rows as fit */
    for (uint32_t n = ctx.n;; n /= 2) {
        m.u.snapshot.n_calls = n;
        size_t len = 0;
        if (proto_encode(&m, s->snap, PROTO_MAX_MSG_BYTES, &len, NULL) == RP_OK) {
            return len;
        }
        if (n == 0) {
            return 0;
        }
    }
}

/* ---- per-message work ---- */

/* Logs the nth rejection of its kind: the first few, then one in 10,000. */
static void log_rejection(enum rejection why, uint64_t n, const proto_error *err)
{
    if (n <= REJECT_LOG_FIRST || n % 10000 == 0) {
        rp_log(RP_LOG_WARN, "rapportd", "rejected (%s, %llu so far)%s%s%s%s", rejection_names[why],
               (unsigned long long)n, err ? ": " : "", err ? err->path : "",
               err && err->path[0] ? ": " : "", err ? err->reason : "");
    }
}

static void reject(eng_server *s, enum rejection why, const proto_error *err)
{
    uint64_t n = ++s->rejected[why];
    log_rejection(why, n + (why == REJ_MALFORMED ? s->malformed_reported : 0), err);
}

/* What a gateway may send: the inbound types of the protocol. */
static bool ingest_type(proto_type t)
{
    return t == PROTO_T_CALL_START || t == PROTO_T_AUDIO || t == PROTO_T_TEXT ||
           t == PROTO_T_SIGNAL || t == PROTO_T_CONSENT || t == PROTO_T_CALL_END ||
           t == PROTO_T_HOLD;
}

#define ACK_NOTE_BYTES 256u /* proto: ack.note <= 256 bytes */

/* A supervisor's ack note is free text typed mid-call: it may quote a card number
 * or a phone number, so it is redacted like a customer's quote before it is stored.
 * Returns m, or *copy holding the redacted note in buf. */
static const proto_msg *redact_ack_note(const proto_msg *m, proto_msg *copy, char *buf, size_t cap)
{
    if (m->type != PROTO_T_ACK || !(m->u.ack.present & PROTO_ACK_NOTE)) {
        return m;
    }
    *copy = *m;
    size_t n = 0;
    if (m->u.ack.note.len > ACK_NOTE_BYTES ||
        nlp_pii_redact(m->u.ack.note.ptr, m->u.ack.note.len, buf, cap, &n, NULL) < 0) {
        copy->u.ack.present &= ~(uint64_t)PROTO_ACK_NOTE; /* cannot redact: drop it */
        return copy;
    }
    while (n > ACK_NOTE_BYTES || (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80)) {
        n--; /* markers may lengthen it: cut at a UTF-8 boundary within the limit */
    }
    copy->u.ack.note = (proto_str){buf, (uint32_t)n};
    return copy;
}

static void log_event(eng_server *s, proto_str call, uint32_t t_ms, const proto_msg *m)
{
    size_t n = 0;
    if (s->log == NULL) {
        return;
    }
    proto_msg copy;
    char note[4 * ACK_NOTE_BYTES + 8]; /* nlp_pii_redacted_cap(ACK_NOTE_BYTES) */
    m = redact_ack_note(m, &copy, note, sizeof note);
    if (proto_to_json(m, s->json, 4 * OUT_BUF, &n) != RP_OK ||
        eng_eventlog_event(s->log, call, t_ms, proto_type_name(m->type), s->json) != RP_OK) {
        s->log_errors++;
    }
}

/* Queues a message for its call's shard (the drop is counted when the inbox is full). */
static void post(eng_server *s, proto_str call, const uint8_t *data, size_t size, uint64_t now)
{
    eng_worker *w = s->workers[eng_call_hash(call.ptr, call.len) % s->n_workers];
    if (eng_worker_post(w, data, size, now) != RP_OK) {
        s->inbox_full++;
    }
}

static void ingest_one(eng_server *s, const uint8_t *data, size_t size, uint64_t now)
{
    proto_msg m;
    proto_error err;
    proto_type type;
    proto_str call;
    /* Audio is nearly all the traffic and concerns only its call's shard: it is
     * routed by its envelope and decoded once, by the shard, which counts and
     * reports what fails (drain_workers logs it). The rest is decoded here. */
    if (proto_peek(data, size, &type, &call, &err) != RP_OK) {
        reject(s, REJ_MALFORMED, &err);
        return;
    }
    if (type == PROTO_T_AUDIO) {
        s->msgs_in++;
        s->frames_in++;
        post(s, call, data, size, now);
        return;
    }
    proto_arena arena;
    proto_arena_init(&arena, s->arena_mem, ARENA_BYTES);
    if (proto_decode(data, size, &arena, &m, &err) != RP_OK) {
        reject(s, REJ_MALFORMED, &err);
        return;
    }
    call = proto_msg_call(&m);
    if (!ingest_type(m.type)) {
        reject(s, REJ_WRONG_TYPE, NULL);
        return;
    }
    s->msgs_in++;
    s->texts_in += m.type == PROTO_T_TEXT;
    if (m.type == PROTO_T_CALL_START) {
        reg_start(s, &m.u.call_start);
        if (s->log != NULL && eng_eventlog_call_start(s->log, &m.u.call_start,
                                                      s->playbooks[s->n_playbooks - 1]) != RP_OK) {
            s->log_errors++;
        }
    } else if (m.type == PROTO_T_CONSENT) {
        reg_call *r = eng_idmap_get(&s->reg, call);
        if (r != NULL) {
            r->consent.voice_emotion = m.u.consent.consent.voice_emotion;
            r->consent.text_emotion = m.u.consent.consent.text_emotion;
        }
        log_event(s, call, 0, &m);
    } else if (m.type == PROTO_T_CALL_END) {
        reg_call *r = eng_idmap_get(&s->reg, call);
        if (r != NULL && r->ended_ns == 0) {
            r->ended_ns = now;
        }
        if (s->log != NULL && eng_eventlog_call_end(s->log, call, m.u.call_end.ts_us) != RP_OK) {
            s->log_errors++;
        }
    }
    post(s, call, data, size, now);
}

static int drain_ingest(eng_server *s)
{
    int n = 0;
    for (; n < INGEST_BATCH; n++) {
        zmq_msg_t part;
        zmq_msg_init(&part);
        if (zmq_msg_recv(&part, s->ingest, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&part);
            break;
        }
        uint64_t now = rp_clock_mono_ns();
        if (zmq_msg_more(&part)) {
            /* one message per frame: drop the whole multipart message */
            do {
                zmq_msg_close(&part);
                zmq_msg_init(&part);
            } while (zmq_msg_recv(&part, s->ingest, ZMQ_DONTWAIT) >= 0 && zmq_msg_more(&part));
            zmq_msg_close(&part);
            reject(s, REJ_MULTIPART, NULL);
            continue;
        }
        const eng_grant *g = grant_of(s, &part);
        if (g == NULL || (g->role != ENG_ROLE_GATEWAY && g->role != ENG_ROLE_ADMIN)) {
            reject(s, REJ_UNAUTHORISED, NULL); /* only gateways send calls */
        } else {
            ingest_one(s, zmq_msg_data(&part), zmq_msg_size(&part), now);
        }
        zmq_msg_close(&part);
    }
    return n;
}

static void record_latency(eng_server *s, uint64_t ns, uint64_t now_ns)
{
    uint64_t us = ns / 1000;
    size_t bin = us < 1000 ? (size_t)(us / 10) : 100 + (size_t)((us - 1000) / 1000);
    bin = bin < LAT_BINS ? bin : LAT_BINS - 1;
    s->lat_hist[bin]++;
    s->lat_n++;
    uint64_t sec = now_ns / 1000000000u + 1u; /* 0 marks an unused row */
    uint64_t *row = s->lat_sec[sec % LAT_SECONDS];
    if (s->lat_sec_epoch[sec % LAT_SECONDS] != sec) {
        memset(row, 0, sizeof s->lat_sec[0]);
        s->lat_sec_epoch[sec % LAT_SECONDS] = sec;
    }
    row[bin]++;
}

/* Percentile of hist (n samples), as the upper edge of its bin; 0 when n is 0. */
static double hist_percentile_us(const uint64_t *hist, uint64_t n, double pct)
{
    if (n == 0) {
        return 0.0;
    }
    uint64_t need = (uint64_t)((double)n * pct / 100.0);
    uint64_t seen = 0;
    for (size_t b = 0; b < LAT_BINS; b++) {
        seen += hist[b];
        if (seen > need || b == LAT_BINS - 1) {
            return b < 100 ? (double)b * 10.0 + 10.0 : 1000.0 + (double)(b - 99) * 1000.0;
        }
    }
    return 0.0;
}

/* The last LAT_WINDOW_S whole seconds before now plus the current one, into hist;
 * returns the number of samples. */
static uint64_t recent_latency(const eng_server *s, uint64_t now_ns, uint64_t hist[LAT_BINS])
{
    uint64_t sec = now_ns / 1000000000u + 1u, n = 0;
    memset(hist, 0, LAT_BINS * sizeof hist[0]);
    for (size_t r = 0; r < LAT_SECONDS; r++) {
        uint64_t e = s->lat_sec_epoch[r];
        if (e == 0 || e > sec || sec - e > LAT_WINDOW_S) {
            continue;
        }
        for (size_t b = 0; b < LAT_BINS; b++) {
            hist[b] += s->lat_sec[r][b];
            n += s->lat_sec[r][b];
        }
    }
    return n;
}

/* Publishes an encoded message on topic. */
static void publish_raw(eng_server *s, const char *topic, const uint8_t *msg, size_t len)
{
    zmq_send(s->pub, topic, strlen(topic), ZMQ_SNDMORE | ZMQ_DONTWAIT);
    zmq_send(s->pub, msg, len, ZMQ_DONTWAIT);
    s->published++;
}

/* Publishes an engine message (not about a call) with the engine stream's next seq. */
static void publish(eng_server *s, const char *topic, proto_msg *m)
{
    (void)proto_msg_set_seq(m, ++s->seq);
    size_t len = 0;
    if (proto_encode(m, s->out, OUT_BUF, &len, NULL) != RP_OK) {
        s->seq--;
        return;
    }
    publish_raw(s, topic, s->out, len);
}

static int drain_workers(eng_server *s)
{
    int total = 0;
    for (uint32_t i = 0; i < s->n_workers; i++) {
        for (int n = 0; n < BATCH; n++) {
            size_t len = 0;
            uint64_t arrival = 0;
            if (eng_worker_take(s->workers[i], s->topic, sizeof s->topic, s->msg, OUT_BUF, &len,
                                &arrival) == 0) {
                break;
            }
            total++;
            if (s->topic[0] == '\0') { /* a shard's rejection report (eng_worker_take) */
                proto_error err;
                if (len == sizeof err) {
                    memcpy(&err, s->msg, sizeof err);
                    err.path[sizeof err.path - 1] = '\0';
                    err.reason[sizeof err.reason - 1] = '\0';
                    s->malformed_reported++;
                    log_rejection(REJ_MALFORMED, s->rejected[REJ_MALFORMED] + s->malformed_reported,
                                  &err);
                }
                continue;
            }
            proto_msg m;
            proto_arena arena;
            proto_arena_init(&arena, s->arena_mem, ARENA_BYTES);
            if (proto_decode(s->msg, len, &arena, &m, NULL) != RP_OK) {
                continue;
            }
            /* the shard numbered it (seq per call): send its bytes as they are */
            publish_raw(s, s->topic, s->msg, len);
            uint64_t published_ns = rp_clock_mono_ns();
            record_latency(s, published_ns - arrival, published_ns);
            reg_published(s, &m);
            switch (m.type) {
            case PROTO_T_CUE:
                log_event(s, m.u.cue.call, m.u.cue.t_ms, &m);
                break;
            case PROTO_T_PROMPT:
                log_event(s, m.u.prompt.call, m.u.prompt.t_ms, &m);
                break;
            case PROTO_T_ESCALATION:
                log_event(s, m.u.escalation.call, m.u.escalation.t_ms, &m);
                break;
            case PROTO_T_SUMMARY:
                log_event(s, m.u.summary.call, m.u.summary.t_ms, &m);
                break;
            default:
                break;
            }
        }
    }
    return total;
}

/* Supervisors acknowledge their team's alerts; admins any. */
static bool may_ack(const eng_server *s, const eng_grant *g, proto_str call)
{
    if (g->role == ENG_ROLE_ADMIN) {
        return true;
    }
    const reg_call *r = eng_idmap_get(&s->reg, call);
    return g->role == ENG_ROLE_SUPERVISOR && r != NULL &&
           eng_grant_sees(g, proto_cstr(r->team), proto_cstr(r->agent));
}

static int drain_requests(eng_server *s)
{
    int handled = 0;
    for (; handled < BATCH; handled++) {
        zmq_msg_t parts[4];
        int n = 0;
        bool more = true;
        while (more) {
            zmq_msg_t part;
            zmq_msg_init(&part);
            if (zmq_msg_recv(&part, s->req, ZMQ_DONTWAIT) < 0) {
                zmq_msg_close(&part);
                break;
            }
            more = zmq_msg_more(&part);
            if (n < 4) {
                parts[n++] = part;
            } else {
                zmq_msg_close(&part);
            }
        }
        if (n == 0) {
            break;
        }
        s->requests++;
        /* [identity] [empty delimiter from REQ]? [message] */
        int body = n >= 3 && zmq_msg_size(&parts[1]) == 0 ? 2 : 1;
        proto_msg m;
        proto_error err;
        proto_arena arena;
        proto_arena_init(&arena, s->arena_mem, ARENA_BYTES);
        bool ok =
            n == body + 1 && proto_decode(zmq_msg_data(&parts[body]), zmq_msg_size(&parts[body]),
                                          &arena, &m, &err) == RP_OK;
        const void *reply = NULL;
        size_t reply_len = 0;
        const eng_grant *g = n == body + 1 ? grant_of(s, &parts[body]) : NULL;
        if (g == NULL) {
            g = &(const eng_grant){ENG_ROLE_NONE, "", "", ""};
        }
        if (ok && m.type == PROTO_T_SNAPSHOT_REQ &&
            (g->role == ENG_ROLE_GATEWAY || g->role == ENG_ROLE_NONE)) {
            reject(s, REJ_UNAUTHORISED, NULL);
        } else if (ok && m.type == PROTO_T_SNAPSHOT_REQ) {
            reply_len = build_snapshot(s, &m.u.snapshot_req, g);
            reply = s->snap;
            s->snapshots++;
        } else if (ok && m.type == PROTO_T_ACK && !may_ack(s, g, m.u.ack.call)) {
            reject(s, REJ_UNAUTHORISED, NULL);
        } else if (ok && m.type == PROTO_T_ACK) {
            log_event(s, m.u.ack.call, 0, &m);
            reply = zmq_msg_data(&parts[body]);
            reply_len = zmq_msg_size(&parts[body]);
        } else {
            reject(s, REJ_REQUEST, ok ? NULL : &err);
        }
        if (reply != NULL && reply_len > 0) {
            for (int i = 0; i < body; i++) {
                zmq_send(s->req, zmq_msg_data(&parts[i]), zmq_msg_size(&parts[i]),
                         ZMQ_SNDMORE | ZMQ_DONTWAIT);
            }
            zmq_send(s->req, reply, reply_len, ZMQ_DONTWAIT);
        }
        for (int i = 0; i < n; i++) {
            zmq_msg_close(&parts[i]);
        }
    }
    return handled;
}

/* XPUB (manual) hands us each subscribe (1, prefix) and unsubscribe (0, prefix);
 * what we set right after applies to the pipe of the client that sent it. A
 * subscription wider than the client's scope is narrowed to it; one outside it is
 * not set at all, so that client receives none of those messages. */
static void drain_subscriptions(eng_server *s)
{
    for (int i = 0; i < BATCH; i++) {
        zmq_msg_t msg;
        zmq_msg_init(&msg);
        if (zmq_msg_recv(&msg, s->pub, ZMQ_DONTWAIT) < 0) {
            zmq_msg_close(&msg);
            break;
        }
        const char *d = zmq_msg_data(&msg);
        size_t len = zmq_msg_size(&msg);
        const eng_grant *g = grant_of(s, &msg);
        if (len >= 1 && (d[0] == 0 || d[0] == 1) && g != NULL) {
            char prefs[ENG_AUTH_MAX_PREFS][256];
            int n = eng_grant_narrow(g, d + 1, len - 1, prefs);
            for (int k = 0; k < n; k++) {
                zmq_setsockopt(s->pub, d[0] == 1 ? ZMQ_SUBSCRIBE : ZMQ_UNSUBSCRIBE, prefs[k],
                               strlen(prefs[k]));
                s->subs_narrowed += strlen(prefs[k]) != len - 1;
            }
            s->subs_denied += n == 0 && d[0] == 1;
        } else if (len >= 1 && d[0] == 1) {
            s->subs_denied++;
        }
        zmq_msg_close(&msg);
    }
}

/* ---- stats ---- */

/* Percentile (0..100) of the summed stage histograms, as the bin's upper bound, us. */
static double stage_percentile_us(eng_server *s, bool process, double pct)
{
    uint64_t hist[ENG_STAGE_BINS] = {0}, total = 0;
    for (uint32_t i = 0; i < s->n_workers; i++) {
        const eng_worker_stats *w = eng_worker_stats_of(s->workers[i]);
        for (unsigned b = 0; b < ENG_STAGE_BINS; b++) {
            uint64_t v = atomic_load_explicit(process ? &w->process_us[b] : &w->queue_us[b],
                                              memory_order_relaxed);
            hist[b] += v;
            total += v;
        }
    }
    uint64_t need = (uint64_t)((double)total * pct / 100.0), seen = 0;
    for (unsigned b = 0; b < ENG_STAGE_BINS && total > 0; b++) {
        seen += hist[b];
        if (seen > need) {
            return (double)((1ull << (b + 1)) - 1);
        }
    }
    return 0.0;
}

/* The loop thread's SCHED_FIFO priority (rapportd --realtime; its shards and
 * ZeroMQ's threads inherit it), 0 under normal scheduling. */
static int fifo_priority(void)
{
    int policy = 0;
    struct sched_param sp;
    if (pthread_getschedparam(pthread_self(), &policy, &sp) != 0 || policy != SCHED_FIFO) {
        return 0;
    }
    return sp.sched_priority;
}

static void publish_stats(eng_server *s, uint64_t now)
{
    static const char *const reject_keys[ENG_REJ_COUNT] = {
        "rejected.ok",      "rejected.late",     "rejected.duplicate",
        "rejected.too_far", "rejected.bad_rate", "rejected.partial_transcript",
        "rejected.ended",   "rejected.nomem"};
    proto_kv kv[PROTO_MAX_COUNTERS];
    uint32_t n = 0;
#define KV(name, v) (kv[n++] = (proto_kv){0, proto_cstr(name), (double)(v)})
    uint64_t frames = 0, unknown = 0, dup = 0, refused = 0, out_dropped = 0, active = 0;
    uint64_t malformed = 0; /* audio the loop routed unread that the shards rejected */
    uint64_t rej[ENG_REJ_COUNT] = {0};
    for (uint32_t i = 0; i < s->n_workers; i++) {
        const eng_worker_stats *w = eng_worker_stats_of(s->workers[i]);
        frames += atomic_load_explicit(&w->frames, memory_order_relaxed);
        unknown += atomic_load_explicit(&w->unknown_call, memory_order_relaxed);
        malformed += atomic_load_explicit(&w->malformed, memory_order_relaxed);
        dup += atomic_load_explicit(&w->duplicate_start, memory_order_relaxed);
        refused += atomic_load_explicit(&w->calls_refused, memory_order_relaxed);
        out_dropped += atomic_load_explicit(&w->out_dropped, memory_order_relaxed);
        active += atomic_load_explicit(&w->calls_active, memory_order_relaxed);
        for (int r = 1; r < ENG_REJ_COUNT; r++) {
            rej[r] += atomic_load_explicit(&w->rejected[r], memory_order_relaxed);
        }
    }
    KV("messages_in", s->msgs_in - malformed);
    KV("sched_fifo_priority", fifo_priority());
    KV("frames_in", s->frames_in - malformed);
    KV("texts_in", s->texts_in);
    KV("frames_processed", frames);
    KV("published", s->published);
    KV("requests", s->requests);
    KV("snapshots", s->snapshots);
    for (int r = 0; r < REJ_COUNT; r++) {
        static const char *const keys[REJ_COUNT] = {"rejected.malformed", "rejected.wrong_type",
                                                    "rejected.multipart", "rejected.bad_request",
                                                    "rejected.unauthorised"};
        uint64_t v = s->rejected[r] + (r == REJ_MALFORMED ? malformed : 0);
        kv[n++] = (proto_kv){0, proto_cstr(keys[r]), (double)v};
    }
    for (int r = 1; r < ENG_REJ_COUNT; r++) {
        KV(reject_keys[r], rej[r]);
    }
    KV("rejected.unknown_call", unknown);
    KV("rejected.duplicate_start", dup);
    KV("calls_refused", refused);
    KV("dropped.inbox_full", s->inbox_full);
    KV("dropped.outbox_full", out_dropped);
    KV("latency_p50_us", hist_percentile_us(s->lat_hist, s->lat_n, 50.0));
    KV("latency_p99_us", hist_percentile_us(s->lat_hist, s->lat_n, 99.0));
    KV("latency_p999_us", hist_percentile_us(s->lat_hist, s->lat_n, 99.9));
    KV("latency_samples", s->lat_n);
    uint64_t recent[LAT_BINS];
    uint64_t n_recent = recent_latency(s, now, recent);
    KV("latency_10s_p50_us", hist_percentile_us(recent, n_recent, 50.0));
    KV("latency_10s_p99_us", hist_percentile_us(recent, n_recent, 99.0));
    KV("latency_10s_p999_us", hist_percentile_us(recent, n_recent, 99.9));
    KV("latency_10s_samples", n_recent);
    KV("stage.queue_p50_us", stage_percentile_us(s, false, 50.0));
    KV("stage.queue_p99_us", stage_percentile_us(s, false, 99.0));
    KV("stage.process_p50_us", stage_percentile_us(s, true, 50.0));
    KV("stage.process_p99_us", stage_percentile_us(s, true, 99.0));
    KV("eventlog_rows", s->log ? eng_eventlog_rows(s->log) : 0);
    KV("eventlog_errors", s->log_errors);
    KV("playbook_reloads", s->reloads);
    KV("playbook_reload_errors", s->reload_errors);
    KV("workers", s->n_workers);
    KV("auth.accepted", s->auth ? eng_auth_accepted(s->auth) : 0);
    KV("auth.refused", s->auth ? eng_auth_refused(s->auth) : 0);
    KV("subscriptions.narrowed", s->subs_narrowed);
    KV("subscriptions.denied", s->subs_denied);
#undef KV
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_STATS;
    m.u.stats.uptime_ms = (now - s->started_ns) / 1000000;
    m.u.stats.calls_active = (uint32_t)active;
    m.u.stats.counters = kv;
    m.u.stats.n_counters = n;
    publish(s, "engine/stats", &m);
}

static void do_reload(eng_server *s)
{
    if (s->n_playbooks >= MAX_PLAYBOOKS) {
        s->reload_errors++;
        rp_log(RP_LOG_ERROR, "rapportd", "playbook: too many reloads; restart to reload again");
        return;
    }
    char err[RP_ERR_LEN];
    eng_playbook *pb = NULL;
    if (eng_playbook_load(s->cfg.playbook_path, &pb, err) != RP_OK) {
        s->reload_errors++;
        rp_log(RP_LOG_ERROR, "rapportd", "playbook not reloaded, keeping the old one: %s", err);
        return;
    }
    /* old playbooks stay alive: workers may be reading them for a call start */
    s->playbooks[s->n_playbooks++] = pb;
    for (uint32_t i = 0; i < s->n_workers; i++) {
        eng_worker_set_playbook(s->workers[i], pb);
    }
    s->reloads++;
    rp_log(RP_LOG_INFO, "rapportd", "playbook reloaded (%s); new calls use it",
           s->cfg.playbook_path ? s->cfg.playbook_path : "built-in defaults");
}

static bool outboxes_empty(eng_server *s)
{
    for (uint32_t i = 0; i < s->n_workers; i++) {
        if (eng_worker_has_output(s->workers[i])) {
            return false;
        }
    }
    return true;
}

/* Sleeps until a socket has input, a worker has output, or IDLE_WAIT_MS passes
 * (stats, log flushes and signals are handled within that). */
static void idle_wait(eng_server *s)
{
    atomic_store(&s->sleeping, 1);
    if (!outboxes_empty(s) || atomic_load(&s->stop) || atomic_load(&s->reload)) {
        atomic_store(&s->sleeping, 0);
        return;
    }
    zmq_pollitem_t items[5] = {{s->ingest, 0, ZMQ_POLLIN, 0},
                               {s->req, 0, ZMQ_POLLIN, 0},
                               {s->pub, 0, ZMQ_POLLIN, 0},
                               {NULL, s->wake_fd, ZMQ_POLLIN, 0},
                               {s->zap, 0, ZMQ_POLLIN, 0}};
    (void)zmq_poll(items, s->zap != NULL ? 5 : 4, IDLE_WAIT_MS);
    atomic_store(&s->sleeping, 0);
    uint64_t v;
    while (read(s->wake_fd, &v, sizeof v) > 0) {
    }
}

int eng_server_run(eng_server *s)
{
    while (!atomic_load(&s->stop)) {
        if (atomic_exchange(&s->reload, false)) {
            do_reload(s);
        }
        int work = s->auth != NULL ? eng_auth_zap_serve(s->auth, 64) : 0;
        work += drain_ingest(s);
        work += drain_workers(s);
        work += drain_requests(s);
        drain_subscriptions(s);
        uint64_t now = rp_clock_mono_ns();
        if (now - s->last_stats_ns >= (uint64_t)s->cfg.stats_interval_ms * 1000000u) {
            s->last_stats_ns = now;
            publish_stats(s, now);
            reg_sweep(s, now);
        }
        if (s->log != NULL && now - s->last_flush_ns >= LOG_FLUSH_NS) {
            s->last_flush_ns = now;
            if (eng_eventlog_flush(s->log) != RP_OK) {
                s->log_errors++;
            }
            if (eng_eventlog_maintain(s->log, now) != RP_OK) { /* retention purge when due */
                s->log_errors++;
            }
        }
        if (work == 0) {
            idle_wait(s);
        }
    }
    return RP_OK;
}

void eng_server_destroy(eng_server **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    eng_server *s = *self_p;
    /* stop the shards: they end their calls; publish and log those summaries */
    bool all_workers = s->workers != NULL;
    for (uint32_t i = 0; s->workers != NULL && i < s->n_workers; i++) {
        if (s->workers[i] != NULL) {
            eng_worker_stop(s->workers[i]);
        } else {
            all_workers = false;
        }
    }
    if (all_workers && s->pub != NULL) {
        while (drain_workers(s) > 0) {
        }
    }
    for (uint32_t i = 0; s->workers != NULL && i < s->n_workers; i++) {
        eng_worker_destroy(&s->workers[i]);
    }
    if (s->log != NULL && eng_eventlog_flush(s->log) != RP_OK) {
        s->log_errors++;
    }
    if (s->ingest != NULL) {
        zmq_close(s->ingest);
    }
    if (s->pub != NULL) {
        zmq_close(s->pub);
    }
    if (s->req != NULL) {
        zmq_close(s->req);
    }
    if (s->auth != NULL) {
        eng_auth_zap_close(s->auth);
    }
    if (s->zctx != NULL) {
        zmq_ctx_term(s->zctx);
    }
    if (s->wake_fd >= 0) {
        close(s->wake_fd);
    }
    eng_eventlog_close(&s->log);
    eng_auth_destroy(&s->auth);
    for (uint32_t i = 0; i < s->n_playbooks; i++) {
        eng_playbook_destroy(&s->playbooks[i]);
    }
    eng_idmap_deinit(&s->reg);
    rp_free(s->workers);
    rp_free(s->pool);
    rp_free(s->arena_mem);
    rp_free(s->msg);
    rp_free(s->out);
    rp_free(s->json);
    rp_free(s->rows);
    rp_free(s->row_cues);
    rp_free(s->snap);
    rp_free(s);
    *self_p = NULL;
}
