/* cli/session.h - one call fed from an audio source, for `rapport replay` and
 * `rapport capture`: either through the engine's call pipeline here (printing what
 * it raises) or, with --to, to a running rapportd as a media gateway would send it.
 * One thread; not real-time safe (it prints and sends). Internal to cli/.
 */
#ifndef CLI_SESSION_H
#define CLI_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"
#include "engine/call.h"
#include "engine/playbook.h"

#define CLI_FRAME_MS 20
#define CLI_T0_US    1767225600000000LL /* call time 0 of replays and captures */

typedef enum cli_event_kind { CLI_EV_TEXT, CLI_EV_HOLD, CLI_EV_SIGNAL } cli_event_kind;

typedef struct cli_event {
    double t_s;
    cli_event_kind kind;
    proto_speaker speaker;
    bool on;
    proto_signal_kind signal;
    char *text;
} cli_event;

typedef struct cli_session {
    cli_format format;
    bool text_out;
    bool show_features;
    bool realtime;
    uint32_t rate;
    cli_event *events;
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
} cli_session;

/* What replay and capture share: where the call goes and how it is set up. */
typedef struct session_opts {
    const char *playbook, *queue, *to, *agent, *team;
    const char *customer; /* call_start.customer; NULL: none */
    bool consent, bot;
} session_opts;

/* Fills defaults: text output, ids replay/agent/replay. */
void cli_session_defaults(cli_session *r, session_opts *o);

/* Parses an option both commands share (--playbook --queue --to --call --agent
 * --team --customer --consent --bot --features --format). Returns 1 when it took argv[*i]
 * (and maybe its value), 0 when it is not one of them, -1 on a bad value. */
int cli_session_option(int argc, char **argv, int *i, cli_session *r, session_opts *o,
                       const char *cmd);

/* Reads an events file (SECONDS<TAB>WHO<TAB>TEXT lines). Returns 0 or -1 (reported). */
int cli_session_events(const char *path, cli_session *r);

/* Loads the playbook and starts the call (locally, or sends call_start to --to). */
int cli_session_open(cli_session *r, const session_opts *o, const char *cmd);

/* Delivers the events due up to call time until_s; *next is the cursor. */
void cli_session_deliver(cli_session *r, size_t *next, double until_s);

/* One 20 ms frame of party p (index k, n samples at r->rate, full scale +-1). */
void cli_session_frame(cli_session *r, int p, uint64_t k, const float *x, size_t n);

/* Ends the call at call time end_us. */
void cli_session_end(cli_session *r, int64_t end_us);

/* Frees everything. */
void cli_session_close(cli_session *r);

#endif /* CLI_SESSION_H */
