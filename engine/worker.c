/* engine/worker.c - a shard thread: inbox -> calls -> outbox. */
#include "engine/worker.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#if defined(__SSE__) || defined(__x86_64__)
#include <xmmintrin.h>
#endif

#include "common/alloc.h"
#include "common/clock.h"
#include "common/ring.h"
#include "engine/idmap.h"

#define IN_HEAD      12u /* u32 len, u64 arrival */
#define OUT_HEAD     16u /* u32 topic len, u32 msg len, u64 arrival */
#define TOPIC_MAX    256u
#define OUT_MSG_MAX  (64u << 10)
#define IDLE_WAIT_NS 10000000L  /* longest idle sleep: ticks and stop are seen within 10 ms */
#define TICK_NS      100000000u /* chat sessions are ticked every 100 ms */

/* What earlier calls showed of one agent's pace. */
typedef struct agent_base {
    float artic_sps; /* average articulation rate over the agent's recent calls */
    uint32_t calls;
} agent_base;

struct eng_worker {
    eng_worker_config cfg;
    _Atomic(const eng_playbook *) playbook;
    rp_spsc_ring inbox, outbox;
    unsigned char *inbox_mem, *outbox_mem;
    unsigned char *in_stage;  /* producer (loop) staging for post */
    unsigned char *in_buf;    /* consumer (worker) copy of the current message */
    unsigned char *out_stage; /* producer (worker) staging for outbound records */
    eng_idmap calls;
    /* agents' pace baselines learnt from their earlier calls on this shard */
    eng_idmap agents;
    struct agent_base *agent_pool;
    size_t n_agent_pool;
    nlp_analyzer *an;
    float *scratch;
    /* FFT plans, tables and scratch of every channel on this shard (one thread) */
    dsp_workspace *dsp_ws;
    uint64_t current_arrival;
    pthread_t thread;
    bool started;
    atomic_bool stop;
    /* idle waiting without spinning: the worker sleeps on `wake` with `sleeping`
     * set; the loop posts it only when it finds the flag set */
    sem_t wake;
    bool wake_init;
    atomic_int sleeping;
    atomic_int *loop_sleeping; /* the loop's flag and eventfd (may be NULL) */
    int loop_wake_fd;
    eng_worker_stats stats;
};

static void count(atomic_uint_fast64_t *c)
{
    atomic_fetch_add_explicit(c, 1, memory_order_relaxed);
}

uint64_t eng_call_hash(const char *id, size_t len)
{
    return eng_id_hash(id, len);
}

eng_worker_config eng_worker_config_default(void)
{
    eng_worker_config c = {.max_calls = 4096, .inbox_bytes = 8u << 20, .outbox_bytes = 4u << 20};
    return c;
}

const eng_worker_stats *eng_worker_stats_of(const eng_worker *w)
{
    return &w->stats;
}

bool eng_worker_has_output(const eng_worker *w)
{
    return rp_spsc_ring_readable(&w->outbox) > 0;
}

void eng_worker_set_playbook(eng_worker *w, const eng_playbook *pb)
{
    atomic_store_explicit(&w->playbook, pb, memory_order_release);
}

int eng_worker_create(const eng_worker_config *cfg, const eng_playbook *pb, eng_worker **out)
{
    *out = NULL;
    if (cfg == NULL || pb == NULL || cfg->max_calls == 0 || cfg->max_calls > (1u << 20) ||
        rp_spsc_ring_storage_size(cfg->inbox_bytes, 1) == 0 ||
        rp_spsc_ring_storage_size(cfg->outbox_bytes, 1) == 0 ||
        cfg->inbox_bytes < PROTO_MAX_MSG_BYTES + IN_HEAD ||
        cfg->outbox_bytes < OUT_MSG_MAX + OUT_HEAD + TOPIC_MAX) {
        return RP_EINVAL;
    }
    eng_worker *w = rp_calloc(1, sizeof *w);
    if (w == NULL) {
        return RP_ENOMEM;
    }
    w->cfg = *cfg;
    atomic_init(&w->playbook, pb);
    atomic_init(&w->stop, false);
    atomic_init(&w->sleeping, 0);
    w->loop_wake_fd = -1;
    if (sem_init(&w->wake, 0, 0) != 0) {
        rp_free(w);
        return RP_ENOMEM;
    }
    w->wake_init = true;
    w->inbox_mem = rp_malloc(cfg->inbox_bytes);
    w->outbox_mem = rp_malloc(cfg->outbox_bytes);
    w->in_stage = rp_malloc(PROTO_MAX_MSG_BYTES + IN_HEAD);
    w->in_buf = rp_malloc(PROTO_MAX_MSG_BYTES);
    w->out_stage = rp_malloc(OUT_HEAD + TOPIC_MAX + OUT_MSG_MAX);
    w->scratch = rp_malloc(PROTO_MAX_SAMPLES * sizeof(float));
    dsp_features_config dsp_cfg = eng_call_dsp_config(16000);
    if (w->inbox_mem == NULL || w->outbox_mem == NULL || w->in_stage == NULL || w->in_buf == NULL ||
        w->out_stage == NULL || w->scratch == NULL ||
        eng_idmap_init(&w->calls, cfg->max_calls) != RP_OK ||
        eng_idmap_init(&w->agents, cfg->max_calls) != RP_OK ||
        (w->agent_pool = rp_calloc(cfg->max_calls, sizeof *w->agent_pool)) == NULL ||
        nlp_analyzer_create(NULL, &w->an) != RP_OK ||
        dsp_workspace_create(&dsp_cfg, &w->dsp_ws) != RP_OK ||
        rp_spsc_ring_init(&w->inbox, w->inbox_mem, cfg->inbox_bytes, 1) != RP_OK ||
        rp_spsc_ring_init(&w->outbox, w->outbox_mem, cfg->outbox_bytes, 1) != RP_OK) {
        eng_worker_destroy(&w);
        return RP_ENOMEM;
    }
    /* Fault the rings and staging buffers in now: their pages would otherwise be
     * first touched on the per-frame path as the rings wrap (a page fault each). */
    memset(w->inbox_mem, 0, cfg->inbox_bytes);
    memset(w->outbox_mem, 0, cfg->outbox_bytes);
    memset(w->in_stage, 0, PROTO_MAX_MSG_BYTES + IN_HEAD);
    memset(w->in_buf, 0, PROTO_MAX_MSG_BYTES);
    memset(w->out_stage, 0, OUT_HEAD + TOPIC_MAX + OUT_MSG_MAX);
    *out = w;
    return RP_OK;
}

/* ---- outbound ---- */

/* Pushes one outbound record and wakes the loop if it sleeps; a full outbox drops
 * the record and counts it. */
static void push_out(eng_worker *w, const unsigned char *rec, size_t len)
{
    if (rp_spsc_ring_push(&w->outbox, rec, len) != RP_OK) {
        count(&w->stats.out_dropped);
    } else if (w->loop_sleeping != NULL && atomic_exchange(w->loop_sleeping, 0) != 0) {
        uint64_t one = 1;
        ssize_t n = write(w->loop_wake_fd, &one, sizeof one); /* a syscall only when asleep */
        (void)n;
    }
}

static void emit_out(void *arg, const proto_msg *m)
{
    eng_worker *w = arg;
    proto_str call_id = proto_msg_call(m);
    const eng_call *call = eng_idmap_get(&w->calls, call_id);
    if (call == NULL) {
        return;
    }
    unsigned char *st = w->out_stage;
    char *topic = (char *)st + OUT_HEAD;
    if (proto_topic(proto_cstr(eng_call_team(call)), proto_cstr(eng_call_agent(call)), call_id,
                    m->type, topic, TOPIC_MAX) != RP_OK) {
        return;
    }
    uint32_t topic_len = (uint32_t)strlen(topic);
    size_t msg_len = 0;
    if (proto_encode(m, st + OUT_HEAD + topic_len, OUT_MSG_MAX, &msg_len, NULL) != RP_OK) {
        count(&w->stats.out_dropped);
        return;
    }
    uint32_t ml = (uint32_t)msg_len;
    memcpy(st, &topic_len, 4);
    memcpy(st + 4, &ml, 4);
    memcpy(st + 8, &w->current_arrival, 8);
    push_out(w, st, OUT_HEAD + topic_len + msg_len);
}

/* ---- inbound ---- */

static void start_call(eng_worker *w, const proto_call_start *cs, const eng_sink *sink)
{
    (void)sink;
    if (eng_idmap_get(&w->calls, cs->call) != NULL) {
        count(&w->stats.duplicate_start);
        return;
    }
    if (w->calls.n >= w->cfg.max_calls) {
        count(&w->stats.calls_refused);
        return;
    }
    eng_rules rules;
    const eng_playbook *pb = atomic_load_explicit(&w->playbook, memory_order_acquire);
    eng_playbook_rules(pb, (cs->present & PROTO_CALL_START_QUEUE) ? cs->queue.ptr : NULL,
                       (cs->present & PROTO_CALL_START_QUEUE) ? cs->queue.len : 0, &rules);
    eng_call *call = NULL;
    if (eng_call_create(cs, &rules, &call) != RP_OK) {
        count(&w->stats.calls_refused);
        return;
    }
    eng_call_set_workspace(call, w->dsp_ws);
    const agent_base *ab = eng_idmap_get(&w->agents, cs->agent);
    if (ab != NULL) {
        eng_call_set_agent_baseline(call, ab->artic_sps);
    }
    if (eng_idmap_put(&w->calls, cs->call, call) != RP_OK) {
        eng_call_destroy(&call);
        count(&w->stats.calls_refused);
        return;
    }
    atomic_store_explicit(&w->stats.calls_active, w->calls.n, memory_order_relaxed);
    count(&w->stats.calls_total);
}

static eng_call *lookup(eng_worker *w, proto_str id)
{
    eng_call *c = eng_idmap_get(&w->calls, id);
    if (c == NULL) {
        count(&w->stats.unknown_call);
    }
    return c;
}

/* Remembers the agent's pace from a finished call, for the agent's next call. */
static void learn_agent(eng_worker *w, const eng_call *c)
{
    float sps;
    if (!eng_call_agent_baseline(c, &sps)) {
        return;
    }
    proto_str agent = proto_cstr(eng_call_agent(c));
    agent_base *ab = eng_idmap_get(&w->agents, agent);
    if (ab == NULL) {
        if (w->n_agent_pool >= w->cfg.max_calls) {
            return; /* full: the agent is judged within each call only */
        }
        ab = &w->agent_pool[w->n_agent_pool];
        if (eng_idmap_put(&w->agents, agent, ab) != RP_OK) {
            return;
        }
        w->n_agent_pool++;
        ab->artic_sps = sps;
        ab->calls = 1;
        return;
    }
    /* a running mean over about the last ten calls */
    ab->calls = ab->calls < 10 ? ab->calls + 1 : 10;
    ab->artic_sps += (sps - ab->artic_sps) / (float)ab->calls;
}

/* Ends a call: its summary goes out while it is still in the map (for its topic). */
static void end_call(eng_worker *w, eng_call *c, int64_t ts_us, const eng_sink *sink)
{
    eng_call_end(c, ts_us, sink);
    learn_agent(w, c);
    (void)eng_idmap_remove(&w->calls, proto_cstr(eng_call_id(c)));
    eng_call_destroy(&c);
    atomic_store_explicit(&w->stats.calls_active, w->calls.n, memory_order_relaxed);
}

/* A message the loop routed unread failed to decode: counted here, and the reason
 * goes to the loop (an outbox record with an empty topic), which logs it. */
static void report_malformed(eng_worker *w, const proto_error *err)
{
    count(&w->stats.malformed);
    unsigned char *st = w->out_stage;
    uint32_t tl = 0, ml = (uint32_t)sizeof *err;
    memcpy(st, &tl, 4);
    memcpy(st + 4, &ml, 4);
    memcpy(st + 8, &w->current_arrival, 8);
    memcpy(st + OUT_HEAD, err, sizeof *err);
    push_out(w, st, OUT_HEAD + sizeof *err);
}

static void handle(eng_worker *w, const uint8_t *buf, size_t len)
{
    proto_msg m;
    proto_error err;
    if (proto_decode(buf, len, NULL, &m, &err) != RP_OK) {
        report_malformed(w, &err);
        return;
    }
    eng_sink sink = {emit_out, w};
    eng_call *c = NULL;
    eng_reject r = ENG_OK;
    switch (m.type) {
    case PROTO_T_CALL_START:
        start_call(w, &m.u.call_start, &sink);
        return;
    case PROTO_T_AUDIO:
        count(&w->stats.frames);
        if ((c = lookup(w, m.u.audio.call)) != NULL) {
            r = eng_call_audio(c, &m.u.audio, w->scratch, &sink);
        }
        break;
    case PROTO_T_TEXT:
        count(&w->stats.texts);
        if ((c = lookup(w, m.u.text.call)) != NULL) {
            r = eng_call_text(c, &m.u.text, w->an, &sink);
        }
        break;
    case PROTO_T_SIGNAL:
        if ((c = lookup(w, m.u.signal.call)) != NULL) {
            eng_call_signal(c, &m.u.signal, &sink);
        }
        break;
    case PROTO_T_CONSENT:
        if ((c = lookup(w, m.u.consent.call)) != NULL) {
            eng_call_consent(c, &m.u.consent, &sink);
        }
        break;
    case PROTO_T_HOLD:
        if ((c = lookup(w, m.u.hold.call)) != NULL) {
            eng_call_hold(c, m.u.hold.on);
        }
        break;
    case PROTO_T_CALL_END:
        if ((c = lookup(w, m.u.call_end.call)) != NULL) {
            end_call(w, c, m.u.call_end.ts_us, &sink);
        }
        break;
    default:
        break;
    }
    if (r != ENG_OK) {
        count(&w->stats.rejected[r]);
    }
}

static void stage_count(atomic_uint_fast64_t *hist, uint64_t ns)
{
    uint64_t us = ns / 1000 + 1;
    unsigned b = 0;
    while (us > 1 && b < ENG_STAGE_BINS - 1) {
        us >>= 1;
        b++;
    }
    atomic_fetch_add_explicit(&hist[b], 1, memory_order_relaxed);
}

static bool take_inbound(eng_worker *w, size_t *len)
{
    unsigned char head[IN_HEAD];
    if (rp_spsc_ring_readable(&w->inbox) < IN_HEAD) {
        return false;
    }
    (void)rp_spsc_ring_read(&w->inbox, head, IN_HEAD);
    uint32_t n;
    memcpy(&n, head, 4);
    memcpy(&w->current_arrival, head + 4, 8);
    /* the producer pushed the record whole: the payload is there */
    *len = rp_spsc_ring_read(&w->inbox, w->in_buf, n);
    return true;
}

typedef struct tick_ctx {
    eng_worker *w;
    uint64_t now_ns;
} tick_ctx;

static void tick_one(void *arg, void *value)
{
    tick_ctx *t = arg;
    eng_sink sink = {emit_out, t->w};
    eng_call_tick(value, t->now_ns, &sink);
}

/* Chat sessions advance with the engine's clock between messages. */
static void tick_calls(eng_worker *w, uint64_t now, uint64_t *last_tick_ns)
{
    if (now - *last_tick_ns < TICK_NS) {
        return;
    }
    *last_tick_ns = now;
    w->current_arrival = now;
    tick_ctx t = {w, now};
    eng_idmap_each(&w->calls, tick_one, &t);
}

/* Sleeps until the loop posts a record (or IDLE_WAIT_NS passes, for ticks and stop). */
static void idle_wait(eng_worker *w)
{
    atomic_store(&w->sleeping, 1);
    if (rp_spsc_ring_readable(&w->inbox) > 0 || atomic_load(&w->stop)) {
        atomic_store(&w->sleeping, 0);
        return;
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += IDLE_WAIT_NS;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    while (sem_timedwait(&w->wake, &until) != 0 && errno == EINTR) {
    }
    atomic_store(&w->sleeping, 0);
}

static void *run(void *arg)
{
    eng_worker *w = arg;
    uint64_t last_tick_ns = rp_clock_mono_ns();
#if defined(__SSE__) || defined(__x86_64__)
    /* flush denormals to zero in this thread (docs/threading.md) */
    _mm_setcsr(_mm_getcsr() | 0x8040);
#endif
    /* One clock read per message: the end of one is the start of the next. */
    uint64_t now = last_tick_ns;
    for (;;) {
        size_t len = 0;
        tick_calls(w, now, &last_tick_ns);
        if (take_inbound(w, &len)) {
            uint64_t start = now > w->current_arrival ? now : rp_clock_mono_ns();
            handle(w, w->in_buf, len);
            now = rp_clock_mono_ns();
            stage_count(w->stats.queue_us, start - w->current_arrival);
            stage_count(w->stats.process_us, now - start);
            continue;
        }
        if (atomic_load_explicit(&w->stop, memory_order_acquire)) {
            break;
        }
        idle_wait(w);
        now = rp_clock_mono_ns();
    }
    /* end every call still open: their summaries go out */
    eng_sink sink = {emit_out, w};
    for (size_t i = 0; i < w->calls.size; i++) {
        while (w->calls.slots[i].value != NULL) {
            end_call(w, w->calls.slots[i].value, 0, &sink);
        }
    }
    return NULL;
}

int eng_worker_start(eng_worker *w)
{
    if (w->started) {
        return RP_ESTATE;
    }
    if (pthread_create(&w->thread, NULL, run, w) != 0) {
        return RP_EIO;
    }
    w->started = true;
    return RP_OK;
}

void eng_worker_set_wakeup(eng_worker *w, atomic_int *loop_sleeping, int wake_fd)
{
    w->loop_sleeping = loop_sleeping;
    w->loop_wake_fd = wake_fd;
}

void eng_worker_stop(eng_worker *w)
{
    if (w->started) {
        atomic_store_explicit(&w->stop, true, memory_order_release);
        sem_post(&w->wake);
        pthread_join(w->thread, NULL);
        w->started = false;
    }
}

void eng_worker_destroy(eng_worker **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    eng_worker *w = *self_p;
    eng_worker_stop(w);
    for (size_t i = 0; w->calls.slots != NULL && i < w->calls.size; i++) {
        eng_call *c = w->calls.slots[i].value;
        eng_call_destroy(&c);
    }
    eng_idmap_deinit(&w->calls);
    eng_idmap_deinit(&w->agents);
    rp_free(w->agent_pool);
    nlp_analyzer_destroy(&w->an);
    dsp_workspace_destroy(&w->dsp_ws); /* after every call that borrowed it */
    rp_free(w->inbox_mem);
    rp_free(w->outbox_mem);
    rp_free(w->in_stage);
    rp_free(w->in_buf);
    rp_free(w->out_stage);
    rp_free(w->scratch);
    if (w->wake_init) {
        sem_destroy(&w->wake);
    }
    rp_free(w);
    *self_p = NULL;
}

int eng_worker_post(eng_worker *w, const uint8_t *msg, size_t len, uint64_t arrival_ns)
{
    if (len > PROTO_MAX_MSG_BYTES) {
        return RP_EINVAL;
    }
    uint32_t n = (uint32_t)len;
    memcpy(w->in_stage, &n, 4);
    memcpy(w->in_stage + 4, &arrival_ns, 8);
    memcpy(w->in_stage + IN_HEAD, msg, len);
    int rc = rp_spsc_ring_push(&w->inbox, w->in_stage, IN_HEAD + len);
    if (rc == RP_OK && atomic_exchange(&w->sleeping, 0) != 0) {
        sem_post(&w->wake);
    }
    return rc;
}

int eng_worker_take(eng_worker *w, char *topic, size_t topic_cap, uint8_t *msg, size_t msg_cap,
                    size_t *msg_len, uint64_t *arrival_ns)
{
    unsigned char head[OUT_HEAD];
    if (rp_spsc_ring_readable(&w->outbox) < OUT_HEAD) {
        return 0;
    }
    (void)rp_spsc_ring_read(&w->outbox, head, OUT_HEAD);
    uint32_t tl, ml;
    memcpy(&tl, head, 4);
    memcpy(&ml, head + 4, 4);
    memcpy(arrival_ns, head + 8, 8);
    /* records are bounded at creation: tl < TOPIC_MAX, ml <= OUT_MSG_MAX */
    if (tl >= topic_cap || ml > msg_cap) {
        unsigned char sink[256];
        for (size_t left = (size_t)tl + ml; left > 0;) {
            left -= rp_spsc_ring_read(&w->outbox, sink, left < sizeof sink ? left : sizeof sink);
        }
        *msg_len = 0;
        return 0;
    }
    (void)rp_spsc_ring_read(&w->outbox, topic, tl);
    topic[tl] = '\0';
    *msg_len = rp_spsc_ring_read(&w->outbox, msg, ml);
    return 1;
}
