/* agents-ui/console.h - the console program's loop: sockets, keys, screen.
 *
 * Connects a SUB socket to rapportd's publisher (subscribed to the whole stream,
 * so that seq gaps are exact; scope is applied in ui_state) and a DEALER socket
 * to its request endpoint (snapshot_req on connect and after a gap, ack from the
 * supervisor). ZeroMQ reconnects by itself with backoff (100 ms doubling to 5 s).
 * Runs until q, Ctrl-C (SIGINT) or SIGTERM, or with exit_at_end until every call
 * seen (or the one call asked for) has ended. Owns its sockets, the terminal (tui) and a ui_state
 * for the duration of the call. Not reentrant: one console per process (signal flag).
 */
#ifndef AGENTS_UI_CONSOLE_H
#define AGENTS_UI_CONSOLE_H

#include <stdbool.h>
#include <stdint.h>

#include "agents-ui/state.h"

typedef struct ui_console_config {
    ui_role role;
    const char *agent;      /* agent console: the agent id (required) */
    const char *team;       /* optional scope */
    const char *from;       /* publisher endpoint (SUB connects) */
    const char *requests;   /* request endpoint (DEALER connects) */
    const char *by;         /* supervisor id written into acks */
    bool plain;             /* one line per event on stdout instead of the screen */
    const char *call;       /* optional: plain prints only this call's lines; the wall opens
                               its timeline; exit_at_end waits for this call only */
    bool exit_at_end;       /* stop once calls were seen and all have ended */
    uint32_t timeout_ms;    /* stop (exit 1) when nothing arrives for this long; 0 = never */
    const char *key;        /* CURVE: this console's key pair (NULL with server_key NULL:
                               plain text, for rapportd --insecure-loopback) */
    const char *server_key; /* CURVE: the engine's public certificate */
} ui_console_config;

/* Runs the console; returns 0 on a clean stop, 1 when a socket could not be set
 * up or timeout_ms passed without a message. Errors are printed to stderr. */
int ui_console_run(const ui_console_config *cfg);

#endif /* AGENTS_UI_CONSOLE_H */
