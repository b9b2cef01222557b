/* agents-ui/console.c - the console's loop (see console.h). */
#include "agents-ui/console.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <zmq.h>

#include "agents-ui/view.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "net/curve.h"

#define RECV_MAX          (PROTO_MAX_MSG_BYTES + 1)
#define SNAPSHOT_RETRY_MS 2000u /* resend a snapshot_req not answered within this */
#define SNAPSHOT_PACE_MS  250u  /* at most one snapshot_req per this (gap storms) */
#define NO_DATA_MS        3000u /* rapportd publishes stats every second by default */
#define POLL_MS           100

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig)
{
    (void)sig;
    stop_flag = 1;
}

static void *open_socket(void *ctx, int type, const char *ep, const ui_console_config *cfg)
{
    void *s = zmq_socket(ctx, type);
    if (s == NULL) {
        fprintf(stderr, "rapport console: zeromq: %s\n", zmq_strerror(zmq_errno()));
        return NULL;
    }
    char err[RP_ERR_LEN];
    if (rp_curve_client_files(s, cfg->key, cfg->server_key, err) != RP_OK) {
        fprintf(stderr, "rapport console: %s\n", err);
        zmq_close(s);
        return NULL;
    }
    int linger = 0, ivl = 100, ivl_max = 5000, one = 1;
    int64_t maxmsg = (int64_t)PROTO_MAX_MSG_BYTES + 4096;
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(s, ZMQ_RECONNECT_IVL, &ivl, sizeof ivl);
    zmq_setsockopt(s, ZMQ_RECONNECT_IVL_MAX, &ivl_max, sizeof ivl_max);
    zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &maxmsg, sizeof maxmsg);
    if (type == ZMQ_DEALER) {
        /* queue requests only to a connected engine, so a resend goes to a live one */
        zmq_setsockopt(s, ZMQ_IMMEDIATE, &one, sizeof one);
    }
    if (zmq_connect(s, ep) != 0) {
        fprintf(stderr, "rapport console: cannot connect to %s: %s\n", ep,
                zmq_strerror(zmq_errno()));
        zmq_close(s);
        return NULL;
    }
    return s;
}

static uint64_t now_ms(void)
{
    return rp_clock_mono_ns() / 1000000u;
}

typedef struct console {
    const ui_console_config *cfg;
    ui_state *state;
    void *sub, *dealer;
    uint8_t *buf;
    uint64_t last_frame_ms, last_req_ms, started_ms;
    bool any_frame;
    ui_nav nav;
    ui_view view;
    char status[128];
} console;

static bool send_msg(console *c, const proto_msg *m)
{
    uint8_t out[2048];
    size_t n = 0;
    if (proto_encode(m, out, sizeof out, &n, NULL) != RP_OK) {
        return false;
    }
    return zmq_send(c->dealer, out, n, ZMQ_DONTWAIT) >= 0;
}

static void maybe_request_snapshot(console *c, uint64_t now)
{
    ui_sync sync = ui_state_sync(c->state);
    if (sync != UI_SYNC_LIVE && !ui_state_need_snapshot(c->state) &&
        now - c->last_req_ms >= SNAPSHOT_RETRY_MS) {
        ui_state_snapshot_lost(c->state); /* no answer: ask again */
    }
    if (!ui_state_need_snapshot(c->state) || now - c->last_req_ms < SNAPSHOT_PACE_MS) {
        return;
    }
    proto_msg req;
    ui_state_snapshot_request(c->state, &req);
    c->last_req_ms = now;
    if (!send_msg(c, &req)) {
        ui_state_snapshot_lost(c->state); /* not connected yet: try again shortly */
    }
}

static void drain_sub(console *c)
{
    for (int i = 0; i < 1000; i++) {
        char topic[256];
        int tn = zmq_recv(c->sub, topic, sizeof topic - 1, ZMQ_DONTWAIT);
        if (tn < 0) {
            return;
        }
        topic[tn < (int)sizeof topic - 1 ? tn : (int)sizeof topic - 1] = '\0';
        int more = 0;
        size_t more_len = sizeof more;
        zmq_getsockopt(c->sub, ZMQ_RCVMORE, &more, &more_len);
        if (!more) {
            continue;
        }
        int n = zmq_recv(c->sub, c->buf, RECV_MAX, 0);
        if (n < 0) {
            return;
        }
        c->any_frame = true;
        c->last_frame_ms = now_ms();
        if (ui_state_feed(c->state, topic, c->buf, (size_t)n) != RP_OK) {
            fprintf(stderr, "rapport console: undecodable message on %s\n", topic);
        }
    }
}

static void drain_dealer(console *c)
{
    for (int i = 0; i < 100; i++) {
        int n = zmq_recv(c->dealer, c->buf, RECV_MAX, ZMQ_DONTWAIT);
        if (n < 0) {
            return;
        }
        if (ui_state_reply(c->state, c->buf, (size_t)n) != RP_OK) {
            fprintf(stderr, "rapport console: bad reply on the request socket\n");
        }
    }
}

static const char *conn_word(const console *c, uint64_t now)
{
    switch (ui_state_sync(c->state)) {
    case UI_SYNC_WAITING:
        return "CONNECTING";
    case UI_SYNC_RESYNC:
        return "RESYNC";
    default:
        return now - c->last_frame_ms > NO_DATA_MS ? "NO DATA" : "LIVE";
    }
}

static bool all_ended(const ui_state *s, const char *only)
{
    if (only != NULL) {
        const ui_call *c = ui_state_find(s, only);
        return c != NULL && c->ended;
    }
    uint32_t n = ui_state_n_calls(s);
    for (uint32_t i = 0; i < n; i++) {
        if (!ui_state_call(s, i)->ended) {
            return false;
        }
    }
    return n > 0;
}

static void on_key(console *c, int key)
{
    uint32_t index = UI_NAV_NONE_SELECTED;
    switch (ui_nav_key(&c->nav, c->state, key, &index)) {
    case UI_NAV_QUIT:
        stop_flag = 1;
        break;
    case UI_NAV_ACK: {
        proto_msg ack;
        if (index != UI_NAV_NONE_SELECTED &&
            ui_state_ack_msg(c->state, index, c->cfg->by, rp_clock_wall_ms() * 1000, &ack) ==
                RP_OK &&
            send_msg(c, &ack)) {
            snprintf(c->status, sizeof c->status, "ack sent for alert %u on %s", ack.u.ack.alert_id,
                     ui_state_alert(c->state, index)->call);
        } else {
            snprintf(c->status, sizeof c->status, "nothing to acknowledge");
        }
        break;
    }
    default:
        break;
    }
}

int ui_console_run(const ui_console_config *cfg)
{
    console c;
    memset(&c, 0, sizeof c);
    c.cfg = cfg;
    const char *agent = cfg->role == UI_ROLE_AGENT ? cfg->agent : NULL;
    c.state = ui_state_create(cfg->role, cfg->team, agent);
    c.buf = rp_malloc(RECV_MAX);
    void *ctx = zmq_ctx_new();
    int rc = 1;
    if (c.state == NULL || c.buf == NULL || ctx == NULL) {
        fprintf(stderr, "rapport console: out of memory\n");
        goto out;
    }
    c.sub = open_socket(ctx, ZMQ_SUB, cfg->from, cfg);
    c.dealer = open_socket(ctx, ZMQ_DEALER, cfg->requests, cfg);
    if (c.sub == NULL || c.dealer == NULL) {
        goto out;
    }
    /* everything we may see: the engine narrows it to what our key is authorised for */
    zmq_setsockopt(c.sub, ZMQ_SUBSCRIBE, "", 0);

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    stop_flag = 0;

    ui_plain_filter only = {stdout, cfg->call};
    if (cfg->plain && cfg->call != NULL) {
        ui_state_set_observer(c.state, ui_plain_call_event, &only);
    } else if (cfg->plain) {
        ui_state_set_observer(c.state, ui_plain_event, stdout);
    } else {
        ui_tui_begin();
    }
    ui_nav_init(&c.nav, cfg->role);
    if (cfg->call != NULL) {
        ui_nav_open(&c.nav, cfg->call);
    }
    c.view.nav = &c.nav;
    c.view.role = cfg->role;
    c.view.who = cfg->role == UI_ROLE_AGENT ? cfg->agent : cfg->team;
    c.started_ms = now_ms();
    c.last_frame_ms = c.started_ms;
    c.last_req_ms = 0;
    rc = 0;
    uint64_t last_draw = 0;
    while (!stop_flag) {
        uint64_t now = now_ms();
        maybe_request_snapshot(&c, now);
        zmq_pollitem_t items[3] = {
            {c.sub, 0, ZMQ_POLLIN, 0}, {c.dealer, 0, ZMQ_POLLIN, 0}, {NULL, 0, ZMQ_POLLIN, 0}};
        int n_items = cfg->plain ? 2 : 3;
        int r = zmq_poll(items, n_items, POLL_MS);
        if (r < 0 && zmq_errno() != EINTR) {
            fprintf(stderr, "rapport console: poll: %s\n", zmq_strerror(zmq_errno()));
            rc = 1;
            break;
        }
        drain_sub(&c);
        drain_dealer(&c);
        now = now_ms();
        if (!cfg->plain) {
            int key;
            while ((key = getch()) != ERR) {
                on_key(&c, key);
            }
            if (now - last_draw >= 200) {
                c.view.conn = conn_word(&c, now);
                c.view.status = c.status[0] ? c.status : NULL;
                ui_nav_settle(&c.nav, c.state, ui_tui_timeline_rows());
                ui_tui_draw(c.state, &c.view);
                last_draw = now;
            }
        }
        if (cfg->exit_at_end && all_ended(c.state, cfg->call)) {
            break;
        }
        if (cfg->timeout_ms != 0 && now - c.last_frame_ms > cfg->timeout_ms) {
            fprintf(stderr, "rapport console: nothing received for %u ms\n", cfg->timeout_ms);
            rc = 1;
            break;
        }
    }
    if (!cfg->plain) {
        ui_tui_end();
    }
out:
    if (c.sub != NULL) {
        zmq_close(c.sub);
    }
    if (c.dealer != NULL) {
        zmq_close(c.dealer);
    }
    if (ctx != NULL) {
        zmq_ctx_term(ctx);
    }
    rp_free(c.buf);
    ui_state_destroy(c.state);
    return rc;
}
