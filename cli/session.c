/* cli/session.c - a call fed from an audio source: local pipeline or rapportd. */
#include "cli/session.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "common/alloc.h"

#define MAX_EVENTS 4096
#define MAX_LINE   (PROTO_MAX_TEXT_BYTES + 64)

int cli_session_events(const char *path, cli_session *r)
{
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        cli_error("replay", "%s: %s", path, strerror(errno));
        return -1;
    }
    r->events = rp_calloc(MAX_EVENTS, sizeof *r->events);
    char *line = rp_malloc(MAX_LINE);
    if (r->events == NULL || line == NULL) {
        rp_free(line);
        fclose(f);
        cli_error("replay", "out of memory");
        return -1;
    }
    int rc = 0;
    double last_t = 0.0;
    for (long no = 1; rc == 0 && fgets(line, MAX_LINE, f) != NULL; no++) {
        size_t len = strlen(line);
        if (len == MAX_LINE - 1 && line[len - 1] != '\n') {
            cli_error("replay", "%s:%ld: line longer than %d bytes", path, no, MAX_LINE - 2);
            rc = -1;
            break;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
            line[--len] = '\0';
        }
        if (len == 0 || line[0] == '#') {
            continue;
        }
        char *tab1 = strchr(line, '\t');
        char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
        char *end = NULL;
        double t = strtod(line, &end);
        if (tab1 == NULL || tab2 == NULL || end != tab1 || !isfinite(t) || t < 0.0 || t < last_t) {
            cli_error("replay", "%s:%ld: expected SECONDS<TAB>WHO<TAB>TEXT with times in order",
                      path, no);
            rc = -1;
            break;
        }
        if (r->n_events >= MAX_EVENTS) {
            cli_error("replay", "%s:%ld: more than %d events", path, no, MAX_EVENTS);
            rc = -1;
            break;
        }
        last_t = t;
        *tab1 = '\0';
        *tab2 = '\0';
        const char *who = tab1 + 1;
        const char *what = tab2 + 1;
        cli_event *e = &r->events[r->n_events];
        e->t_s = t;
        if (strcmp(who, "agent") == 0 || strcmp(who, "customer") == 0 || strcmp(who, "bot") == 0) {
            e->kind = CLI_EV_TEXT;
            e->speaker = who[0] == 'a' ? PROTO_SPK_AGENT
                                       : (who[0] == 'c' ? PROTO_SPK_CUSTOMER : PROTO_SPK_BOT);
            e->text = rp_strdup(what);
            if (e->text == NULL) {
                rc = -1;
                break;
            }
        } else if (strcmp(who, "hold") == 0 &&
                   (strcmp(what, "on") == 0 || strcmp(what, "off") == 0)) {
            e->kind = CLI_EV_HOLD;
            e->on = strcmp(what, "on") == 0;
        } else if (strcmp(who, "signal") == 0) {
            static const char *const kinds[] = {"form_error", "repeated_error", "rage_click",
                                                "rapid_exit"};
            int k = -1;
            for (int i = 0; i < 4; i++) {
                k = strcmp(what, kinds[i]) == 0 ? i : k;
            }
            if (k < 0) {
                cli_error("replay", "%s:%ld: unknown signal '%.40s'", path, no, what);
                rc = -1;
                break;
            }
            e->kind = CLI_EV_SIGNAL;
            e->signal = (proto_signal_kind)k;
        } else {
            cli_error("replay", "%s:%ld: WHO must be agent, customer, bot, hold or signal", path,
                      no);
            rc = -1;
            break;
        }
        r->n_events++;
    }
    rp_free(line);
    fclose(f);
    return rc;
}

static void on_emit(void *arg, const proto_msg *m)
{
    cli_session *r = arg;
    if (m->type == PROTO_T_FEATURES && !r->show_features) {
        return;
    }
    r->n_out++;
    if (r->text_out) {
        cli_print_event(m, stdout);
        fflush(stdout);
        return;
    }
    static char json[1 << 16];
    size_t n = 0;
    if (proto_to_json(m, json, sizeof json, &n) == RP_OK) {
        puts(json);
    }
}

/* Sends m to rapportd (--to). */
static void send_msg(cli_session *r, const proto_msg *m)
{
    size_t n = 0;
    proto_error err;
    if (proto_encode(m, r->enc, PROTO_MAX_MSG_BYTES, &n, &err) != RP_OK) {
        cli_error("replay", "cannot encode %s: %s: %s", proto_type_name(m->type), err.path,
                  err.reason);
        return;
    }
    zmq_send(r->push, r->enc, n, 0);
}

void cli_session_deliver(cli_session *r, size_t *next, double until_s)
{
    eng_call *call = r->call;
    nlp_analyzer *an = r->an;
    const eng_sink *sink = &r->sink;
    while (*next < r->n_events && r->events[*next].t_s <= until_s) {
        const cli_event *e = &r->events[*next];
        int64_t ts = CLI_T0_US + (int64_t)llround(e->t_s * 1e6);
        proto_msg m;
        memset(&m, 0, sizeof m);
        if (e->kind == CLI_EV_TEXT) {
            m.type = PROTO_T_TEXT;
            m.u.text.call = proto_cstr(r->call_id);
            m.u.text.speaker = e->speaker;
            m.u.text.text = proto_cstr(e->text);
            m.u.text.ts_us = ts;
            m.u.text.final = true;
            if (r->push == NULL) {
                (void)eng_call_text(call, &m.u.text, an, sink);
            }
        } else if (e->kind == CLI_EV_HOLD) {
            m.type = PROTO_T_HOLD;
            m.u.hold.call = proto_cstr(r->call_id);
            m.u.hold.ts_us = ts;
            m.u.hold.on = e->on;
            if (r->push == NULL) {
                eng_call_hold(call, e->on);
            }
        } else {
            m.type = PROTO_T_SIGNAL;
            m.u.signal.call = proto_cstr(r->call_id);
            m.u.signal.kind = e->signal;
            m.u.signal.ts_us = ts;
            if (r->push == NULL) {
                eng_call_signal(call, &m.u.signal, sink);
            }
        }
        if (r->push != NULL) {
            send_msg(r, &m);
        }
        (*next)++;
    }
}

/* One 20 ms frame of party p (frame index k, n float samples at r->rate): to the
 * local pipeline, or to rapportd as a gateway would send it. */
void cli_session_frame(cli_session *r, int p, uint64_t k, const float *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, &x[i], sizeof bits);
        for (int b = 0; b < 4; b++) {
            r->bytes[4 * i + (size_t)b] = (uint8_t)(bits >> (8 * b));
        }
    }
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_AUDIO;
    proto_audio *a = &m.u.audio;
    a->call = proto_cstr(r->call_id);
    a->ch = (proto_party)p;
    a->seq = k;
    a->ts_us = CLI_T0_US + (int64_t)(k * CLI_FRAME_MS * 1000);
    a->rate_hz = r->rate;
    a->enc = PROTO_F32LE;
    a->samples.ptr = r->bytes;
    a->samples.len = (uint32_t)(n * 4);
    if (r->push != NULL) {
        send_msg(r, &m);
    } else {
        (void)eng_call_audio(r->call, a, r->scratch, &r->sink);
    }
}

/* Ends the call at call time end_us (publishes or prints the summary). */
void cli_session_end(cli_session *r, int64_t end_us)
{
    if (r->push != NULL) {
        proto_msg m;
        memset(&m, 0, sizeof m);
        m.type = PROTO_T_CALL_END;
        m.u.call_end.call = proto_cstr(r->call_id);
        m.u.call_end.ts_us = end_us;
        send_msg(r, &m);
    } else {
        eng_call_end(r->call, end_us, &r->sink);
    }
}

int cli_session_option(int argc, char **argv, int *i, cli_session *r, session_opts *o,
                       const char *cmd)
{
    const char *a = argv[*i];
    bool has = *i + 1 < argc;
    const char **slot = NULL;
    if (cli_security_option(argc, argv, i)) {
        return 1;
    }
    if (strcmp(a, "--playbook") == 0) {
        slot = &o->playbook;
    } else if (strcmp(a, "--queue") == 0) {
        slot = &o->queue;
    } else if (strcmp(a, "--to") == 0) {
        slot = &o->to;
    } else if (strcmp(a, "--call") == 0) {
        slot = &r->call_id;
    } else if (strcmp(a, "--agent") == 0) {
        slot = &o->agent;
    } else if (strcmp(a, "--team") == 0) {
        slot = &o->team;
    } else if (strcmp(a, "--customer") == 0) {
        slot = &o->customer;
    } else if (strcmp(a, "--consent") == 0) {
        o->consent = true;
        return 1;
    } else if (strcmp(a, "--bot") == 0) {
        o->bot = true;
        return 1;
    } else if (strcmp(a, "--features") == 0) {
        r->show_features = true;
        return 1;
    } else if (strcmp(a, "--format") == 0 && has) {
        const char *f = argv[++*i];
        if (strcmp(f, "text") == 0) {
            r->text_out = true;
        } else if (cli_format_parse(f, &r->format) && r->format == CLI_FORMAT_JSON) {
            r->text_out = false;
        } else {
            cli_error(cmd, "--format takes text or json, not '%s'", f);
            return -1;
        }
        return 1;
    } else {
        return 0;
    }
    if (!has) {
        cli_error(cmd, "%s needs a value", a);
        return -1;
    }
    *slot = argv[++*i];
    return 1;
}

/* Loads the playbook and starts the call: locally, or by connecting to rapportd
 * and sending call_start. Returns 0 or -1 (reported). */
int cli_session_open(cli_session *r, const session_opts *o, const char *cmd)
{
    r->sink.emit = on_emit;
    r->sink.arg = r;
    const char *ids[] = {o->queue, r->call_id, o->agent, o->team, o->customer};
    for (int i = 0; i < 5; i++) {
        if (ids[i] != NULL && !proto_id_valid(ids[i], strlen(ids[i]))) {
            cli_error(cmd, "'%s' is not a valid id (1..64 of A-Z a-z 0-9 _ . : @ -)", ids[i]);
            return -1;
        }
    }
    char err[RP_ERR_LEN];
    r->bytes = rp_malloc(PROTO_MAX_SAMPLES * 4);
    r->scratch = rp_malloc(PROTO_MAX_SAMPLES * sizeof(float));
    if (r->bytes == NULL || r->scratch == NULL) {
        cli_error(cmd, "out of memory");
        return -1;
    }
    if (eng_playbook_load(o->playbook, &r->pb, err) != RP_OK) {
        cli_error(cmd, "%s", err);
        return -1;
    }
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CALL_START;
    proto_call_start *cs = &m.u.call_start;
    cs->call = proto_cstr(r->call_id);
    cs->agent = proto_cstr(o->agent);
    cs->team = proto_cstr(o->team);
    cs->medium = PROTO_VOICE;
    cs->present = PROTO_CALL_START_HANDLER;
    cs->handler = o->bot ? PROTO_BOT : PROTO_HUMAN;
    if (o->queue != NULL) {
        cs->present |= PROTO_CALL_START_QUEUE;
        cs->queue = proto_cstr(o->queue);
    }
    if (o->customer != NULL) {
        cs->present |= PROTO_CALL_START_CUSTOMER;
        cs->customer = proto_cstr(o->customer);
    }
    cs->consent.voice_emotion = o->consent;
    cs->consent.text_emotion = o->consent;
    cs->ts_us = CLI_T0_US;
    if (o->to != NULL) {
        r->zctx = zmq_ctx_new();
        r->push = r->zctx != NULL ? zmq_socket(r->zctx, ZMQ_PUSH) : NULL;
        r->enc = rp_malloc(PROTO_MAX_MSG_BYTES);
        int linger = 5000;
        if (r->push != NULL && cli_secure(r->push, cmd) != 0) {
            return -1;
        }
        if (r->push == NULL || r->enc == NULL ||
            zmq_setsockopt(r->push, ZMQ_LINGER, &linger, sizeof linger) != 0 ||
            zmq_connect(r->push, o->to) != 0) {
            cli_error(cmd, "cannot connect to %s: %s", o->to, zmq_strerror(zmq_errno()));
            return -1;
        }
        send_msg(r, &m);
        return 0;
    }
    eng_rules rules;
    eng_playbook_rules(r->pb, o->queue, o->queue ? strlen(o->queue) : 0, &rules);
    if (eng_call_create(cs, &rules, &r->call) != RP_OK ||
        nlp_analyzer_create(NULL, &r->an) != RP_OK) {
        cli_error(cmd, "out of memory");
        return -1;
    }
    return 0;
}

void cli_session_close(cli_session *r)
{
    for (size_t i = 0; i < r->n_events; i++) {
        rp_free(r->events[i].text);
    }
    rp_free(r->events);
    eng_call_destroy(&r->call);
    nlp_analyzer_destroy(&r->an);
    if (r->push != NULL) {
        zmq_close(r->push);
    }
    if (r->zctx != NULL) {
        zmq_ctx_term(r->zctx);
    }
    rp_free(r->enc);
    rp_free(r->bytes);
    rp_free(r->scratch);
    eng_playbook_destroy(&r->pb);
}

void cli_session_defaults(cli_session *r, session_opts *o)
{
    memset(r, 0, sizeof *r);
    memset(o, 0, sizeof *o);
    r->text_out = true;
    r->call_id = "replay";
    o->agent = "agent";
    o->team = "replay";
}
