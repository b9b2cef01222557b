/* cli/cmd_replay.c - `rapport replay`: a recorded call through the engine's call
 * pipeline, offline, printing what the agent and supervisor would have seen.
 *
 * Audio: one stereo file (channel 0 agent, channel 1 customer) or two mono files,
 * any format and rate libsndfile reads (other than 8/16 kHz resampled to 16 kHz).
 * It is cut into 20 ms frames with capture timestamps, exactly as a gateway would
 * send them, and fed to eng_call. An optional events file adds chat/transcript
 * lines, holds and frustration signals at their times.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zmq.h>

#include "cli/cli.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "dsp/resample.h"
#include "engine/call.h"
#include "engine/playbook.h"

#define FRAME_MS    20
#define READ_FRAMES 4096
#define MAX_EVENTS  4096
#define MAX_LINE    (PROTO_MAX_TEXT_BYTES + 64)
#define T0_US       1767225600000000LL /* 2026-01-01T00:00:00Z: replays start here */

typedef enum ev_kind { EV_TEXT, EV_HOLD, EV_SIGNAL } ev_kind;

typedef struct event {
    double t_s;
    ev_kind kind;
    proto_speaker speaker;
    bool on;
    proto_signal_kind signal;
    char *text;
} event;

typedef struct source {
    SNDFILE *sf;
    SF_INFO info;
    bool eof;
} source;

typedef struct replay {
    cli_format format;
    bool text_out;
    bool show_features;
    bool realtime;
    uint32_t rate;
    event *events;
    size_t n_events;
    long n_out;
    /* where the call goes: the local pipeline, or a running rapportd */
    eng_call *call;
    nlp_analyzer *an;
    eng_sink sink;
    void *push; /* non-NULL with --to */
    void *zctx;
    uint8_t *enc;   /* encoding buffer for --to */
    uint8_t *bytes; /* one frame's samples as f32le */
    float *scratch; /* the call pipeline's decode scratch */
    eng_playbook *pb;
    const char *call_id;
} replay;

/* What replay and capture share: where the call goes and how it is set up. */
typedef struct session_opts {
    const char *playbook, *queue, *to, *agent, *team;
    bool consent, bot;
} session_opts;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport replay [options] CALL.wav [CUSTOMER.wav]\n\n"
            "Plays a recorded call through the engine's call pipeline and prints the cues,\n"
            "prompts, escalations and call summary it raises, at call time.\n\n"
            "Audio: one stereo file (channel 0 agent, channel 1 customer) or two mono files\n"
            "(agent first), in any format libsndfile reads.\n\n"
            "  --events FILE    chat/transcript and call events, one per line:\n"
            "                   SECONDS<TAB>agent|customer|bot<TAB>TEXT\n"
            "                   SECONDS<TAB>hold<TAB>on|off\n"
            "                   "
            "SECONDS<TAB>signal<TAB>form_error|repeated_error|rage_click|rapid_exit\n"
            "  --playbook FILE  thresholds and prompts (docs/playbook.md); default built in\n"
            "  --queue NAME     the call's queue, for the playbook's [queue.NAME] overrides\n"
            "  --consent        the customer consented to voice and text emotion analysis\n"
            "                   (off by default: no customer emotion is inferred without it)\n"
            "  --bot            the session is handled by a bot (sensitive topics hand off)\n"
            "  --format F       text (default: a timeline) or json (one message per line)\n"
            "  --features       also print the periodic features messages\n"
            "  --realtime       pace the replay in real time instead of as fast as possible\n"
            "  --to EP          be a media gateway: send the call to a running rapportd's\n"
            "                   ingest endpoint instead of analysing it here (see rapport listen)\n"
            "  --call ID, --agent ID, --team ID\n"
            "                   the call's ids (default replay, agent, replay)\n"
            "  --help           this text\n\n"
            "exit codes: 0 ok, 1 unreadable input, 2 usage error\n");
}

/* ---- events file ---- */

static int parse_events(const char *path, replay *r)
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
        event *e = &r->events[r->n_events];
        e->t_s = t;
        if (strcmp(who, "agent") == 0 || strcmp(who, "customer") == 0 || strcmp(who, "bot") == 0) {
            e->kind = EV_TEXT;
            e->speaker = who[0] == 'a' ? PROTO_SPK_AGENT
                                       : (who[0] == 'c' ? PROTO_SPK_CUSTOMER : PROTO_SPK_BOT);
            e->text = rp_strdup(what);
            if (e->text == NULL) {
                rc = -1;
                break;
            }
        } else if (strcmp(who, "hold") == 0 &&
                   (strcmp(what, "on") == 0 || strcmp(what, "off") == 0)) {
            e->kind = EV_HOLD;
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
            e->kind = EV_SIGNAL;
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

/* ---- output ---- */

static void on_emit(void *arg, const proto_msg *m)
{
    replay *r = arg;
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

/* ---- audio ---- */

static int open_source(source *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->sf = sf_open(path, SFM_READ, &s->info);
    if (s->sf == NULL) {
        cli_error("replay", "%s: %s", path, sf_strerror(NULL));
        return -1;
    }
    return 0;
}

static void close_source(source *s)
{
    if (s->sf != NULL) {
        sf_close(s->sf);
    }
    memset(s, 0, sizeof *s);
}

/* One party's audio: which source and channel it comes from, its resampler (NULL
 * at 8/16 kHz) and the samples waiting to make a frame. */
typedef struct chan {
    source *src;
    int index; /* channel within src */
    dsp_resampler *rs;
    float *rs_out;
    float *fifo;
    size_t n_fifo, cap_fifo;
} chan;

static int chan_push(chan *c, const float *x, size_t n)
{
    if (c->n_fifo + n > c->cap_fifo) {
        size_t cap = (c->n_fifo + n) * 2 + 1024;
        float *p = rp_realloc(c->fifo, cap * sizeof *p);
        if (p == NULL) {
            return -1;
        }
        c->fifo = p;
        c->cap_fifo = cap;
    }
    memcpy(c->fifo + c->n_fifo, x, n * sizeof *x);
    c->n_fifo += n;
    return 0;
}

static int chan_feed(chan *c, const float *x, size_t n)
{
    if (c->rs == NULL) {
        return chan_push(c, x, n);
    }
    size_t got = 0;
    size_t cap = dsp_resampler_max_out(c->rs);
    if (dsp_resampler_process(c->rs, x, n, c->rs_out, cap, &got) != RP_OK) {
        return -1;
    }
    return chan_push(c, c->rs_out, got);
}

static int chan_flush(chan *c)
{
    if (c->rs == NULL) {
        return 0;
    }
    size_t cap = dsp_resampler_max_out(c->rs);
    for (;;) {
        size_t got = 0;
        if (dsp_resampler_flush(c->rs, c->rs_out, cap, &got) != RP_OK) {
            return -1;
        }
        if (got == 0) {
            return 0;
        }
        if (chan_push(c, c->rs_out, got) != 0) {
            return -1;
        }
    }
}

/* Reads one block from a source into the channels that come from it. */
static int read_block(source *s, chan *chans, int n_chans, float *inter, float *mono)
{
    sf_count_t got = sf_readf_float(s->sf, inter, READ_FRAMES);
    int nch = s->info.channels;
    for (int k = 0; k < n_chans; k++) {
        if (chans[k].src != s) {
            continue;
        }
        if (got <= 0) {
            if (chan_flush(&chans[k]) != 0) {
                return -1;
            }
            continue;
        }
        for (sf_count_t i = 0; i < got; i++) {
            mono[i] = inter[i * nch + chans[k].index];
        }
        if (chan_feed(&chans[k], mono, (size_t)got) != 0) {
            return -1;
        }
    }
    if (got <= 0) {
        s->eof = true;
    }
    return 0;
}

/* True when a channel fed by src holds less than a frame. */
static bool needs_samples(const chan *chans, const source *src, size_t frame)
{
    for (int k = 0; k < 2; k++) {
        if (chans[k].src == src && chans[k].n_fifo < frame) {
            return true;
        }
    }
    return false;
}

/* Sends m to rapportd (--to). */
static void send_msg(replay *r, const proto_msg *m)
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

static void deliver_events(replay *r, size_t *next, double until_s)
{
    eng_call *call = r->call;
    nlp_analyzer *an = r->an;
    const eng_sink *sink = &r->sink;
    while (*next < r->n_events && r->events[*next].t_s <= until_s) {
        const event *e = &r->events[*next];
        int64_t ts = T0_US + (int64_t)llround(e->t_s * 1e6);
        proto_msg m;
        memset(&m, 0, sizeof m);
        if (e->kind == EV_TEXT) {
            m.type = PROTO_T_TEXT;
            m.u.text.call = proto_cstr(r->call_id);
            m.u.text.speaker = e->speaker;
            m.u.text.text = proto_cstr(e->text);
            m.u.text.ts_us = ts;
            m.u.text.final = true;
            if (r->push == NULL) {
                (void)eng_call_text(call, &m.u.text, an, sink);
            }
        } else if (e->kind == EV_HOLD) {
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
static void feed_frame(replay *r, int p, uint64_t k, const float *x, size_t n)
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
    a->ts_us = T0_US + (int64_t)(k * FRAME_MS * 1000);
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
static void end_call(replay *r, int64_t end_us)
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

static int run(replay *r, source *srcs, int n_srcs)
{
    chan chans[2];
    memset(chans, 0, sizeof chans);
    chans[0].src = &srcs[0];
    chans[0].index = 0;
    chans[1].src = n_srcs == 2 ? &srcs[1] : &srcs[0];
    chans[1].index = n_srcs == 2 ? 0 : 1;
    uint32_t in_rate = (uint32_t)srcs[0].info.samplerate;
    r->rate = (in_rate == 8000 || in_rate == 16000) ? in_rate : 16000;
    int rc = 0;
    for (int k = 0; k < 2 && rc == 0; k++) {
        uint32_t rate_k = (uint32_t)chans[k].src->info.samplerate;
        if (rate_k != r->rate) {
            rc = dsp_resampler_create(rate_k, r->rate, READ_FRAMES, &chans[k].rs);
            chans[k].rs_out =
                rc == RP_OK ? rp_malloc(dsp_resampler_max_out(chans[k].rs) * sizeof(float)) : NULL;
            rc = chans[k].rs_out == NULL ? -1 : 0;
        }
    }
    float *inter = rp_malloc(READ_FRAMES * 2 * sizeof(float));
    float *mono = rp_malloc(READ_FRAMES * sizeof(float));
    if (inter == NULL || mono == NULL) {
        rc = -1;
    }
    size_t frame = r->rate / 1000 * FRAME_MS;
    size_t next_event = 0;
    uint64_t start_ns = rp_clock_mono_ns();
    for (uint64_t k = 0; rc == 0; k++) {
        for (int s = 0; s < n_srcs && rc == 0; s++) {
            while (rc == 0 && !srcs[s].eof && needs_samples(chans, &srcs[s], frame)) {
                rc = read_block(&srcs[s], chans, 2, inter, mono);
            }
        }
        if (chans[0].n_fifo < frame && chans[1].n_fifo < frame) {
            break;
        }
        double t_s = (double)(k * FRAME_MS) / 1000.0;
        deliver_events(r, &next_event, t_s);
        if (r->realtime) {
            uint64_t due = start_ns + k * FRAME_MS * 1000000ull;
            uint64_t now = rp_clock_mono_ns();
            if (due > now) {
                rp_clock_sleep_ns(due - now);
            }
        }
        for (int p = 0; p < 2; p++) {
            chan *c = &chans[p];
            size_t n = c->n_fifo < frame ? c->n_fifo : frame;
            if (n == 0) {
                continue;
            }
            feed_frame(r, p, k, c->fifo, n);
            memmove(c->fifo, c->fifo + n, (c->n_fifo - n) * sizeof(float));
            c->n_fifo -= n;
        }
    }
    double end_s = 0.0;
    for (int s = 0; s < n_srcs; s++) {
        double d = (double)srcs[s].info.frames / srcs[s].info.samplerate;
        end_s = d > end_s ? d : end_s;
    }
    deliver_events(r, &next_event, 1e18);
    end_call(r, T0_US + (int64_t)llround(end_s * 1e6));
    for (int k = 0; k < 2; k++) {
        dsp_resampler_destroy(&chans[k].rs);
        rp_free(chans[k].rs_out);
        rp_free(chans[k].fifo);
    }
    rp_free(inter);
    rp_free(mono);
    if (rc != 0) {
        cli_error("replay", "audio could not be read or resampled");
    }
    return rc;
}

/* Parses an option replay and capture share; returns 1 when it took argv[*i]
 * (and maybe its value), 0 when it is not one of them, -1 on a bad value. */
static int common_option(int argc, char **argv, int *i, replay *r, session_opts *o, const char *cmd)
{
    const char *a = argv[*i];
    bool has = *i + 1 < argc;
    const char **slot = NULL;
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
static int session_open(replay *r, const session_opts *o, const char *cmd)
{
    r->sink.emit = on_emit;
    r->sink.arg = r;
    const char *ids[] = {o->queue, r->call_id, o->agent, o->team};
    for (int i = 0; i < 4; i++) {
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
    cs->consent.voice_emotion = o->consent;
    cs->consent.text_emotion = o->consent;
    cs->ts_us = T0_US;
    if (o->to != NULL) {
        r->zctx = zmq_ctx_new();
        r->push = r->zctx != NULL ? zmq_socket(r->zctx, ZMQ_PUSH) : NULL;
        r->enc = rp_malloc(PROTO_MAX_MSG_BYTES);
        int linger = 5000;
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

static void session_close(replay *r)
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

static void session_defaults(replay *r, session_opts *o)
{
    memset(r, 0, sizeof *r);
    memset(o, 0, sizeof *o);
    r->text_out = true;
    r->call_id = "replay";
    o->agent = "agent";
    o->team = "replay";
}

int cli_replay_main(int argc, char **argv)
{
    replay r;
    session_opts o;
    session_defaults(&r, &o);
    const char *events_path = NULL;
    const char *files[2];
    int n_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int took = common_option(argc, argv, &i, &r, &o, "replay");
        if (took < 0) {
            return CLI_EXIT_USAGE;
        } else if (took > 0) {
            continue;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--events") == 0 && i + 1 < argc) {
            events_path = argv[++i];
        } else if (strcmp(a, "--realtime") == 0) {
            r.realtime = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_error("replay", "unknown or incomplete option '%s'", a);
            usage(stderr);
            return CLI_EXIT_USAGE;
        } else if (n_files < 2) {
            files[n_files++] = a;
        } else {
            cli_error("replay", "at most two audio files");
            return CLI_EXIT_USAGE;
        }
    }
    if (n_files == 0) {
        cli_error("replay", "no audio file given");
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    int exit_code = CLI_EXIT_FAIL;
    source srcs[2];
    memset(srcs, 0, sizeof srcs);
    for (int i = 0; i < n_files; i++) {
        if (open_source(&srcs[i], files[i]) != 0) {
            goto done;
        }
    }
    if (n_files == 1 && srcs[0].info.channels != 2) {
        cli_error("replay",
                  "%s: has %d channel(s); give a stereo file (agent left, customer "
                  "right) or two mono files",
                  files[0], srcs[0].info.channels);
        goto done;
    }
    if (n_files == 2 && (srcs[0].info.channels != 1 || srcs[1].info.channels != 1)) {
        cli_error("replay", "with two files, each must be mono");
        goto done;
    }
    if (events_path != NULL && parse_events(events_path, &r) != 0) {
        goto done;
    }
    if (session_open(&r, &o, "replay") != 0) {
        goto done;
    }
    if (r.text_out && r.push == NULL) {
        printf("replaying %s%s%s (%s, customer emotion analysis %s)\n", files[0],
               n_files == 2 ? " + " : "", n_files == 2 ? files[1] : "",
               o.bot ? "bot session" : "human agent",
               o.consent ? "on (consent)" : "off (no consent)");
    }
    if (run(&r, srcs, n_files) == 0) {
        exit_code = CLI_EXIT_OK;
    }
    if (r.push != NULL) {
        fprintf(stderr, "rapport replay: call %s sent to %s\n", r.call_id, o.to);
    }
done:
    for (int i = 0; i < 2; i++) {
        close_source(&srcs[i]);
    }
    session_close(&r);
    return exit_code;
}
