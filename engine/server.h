/* engine/server.h - rapportd's loop: sockets, routing to shards, publishing,
 * snapshots, the event log and statistics.
 *
 * One loop thread owns every ZeroMQ socket (docs/protocol.md section 5):
 *   PULL  ingest   - gateways and chat systems push inbound messages;
 *   XPUB  publish  - topic frame + message; seq per call; slow subscribers lose
 *                    messages (never block the engine) and resynchronise; each
 *                    subscription is narrowed to what the client's key may see;
 *   ROUTER requests - snapshot_req -> snapshot, ack -> recorded and echoed.
 * Each inbound message is validated (proto_decode), counted, and routed by call
 * id to one worker shard (engine/worker.h) through its lock-free inbox; what the
 * shards conclude comes back through their outboxes (numbered per call), is
 * published, updates the snapshot cache (the state as of the last published
 * seq) and is written to the event log. Statistics go out on "engine/stats".
 */
#ifndef ENGINE_SERVER_H
#define ENGINE_SERVER_H

#include <stdint.h>

#include "common/status.h"
#include "engine/worker.h"

#define ENG_DEFAULT_INGEST   "tcp://127.0.0.1:7501"
#define ENG_DEFAULT_PUBLISH  "tcp://127.0.0.1:7502"
#define ENG_DEFAULT_REQUESTS "tcp://127.0.0.1:7503"

typedef struct eng_server_config {
    const char *ingest; /* endpoint to bind; "tcp://127.0.0.1:*" picks a free port */
    const char *publish;
    const char *requests;
    uint32_t n_workers; /* 0 = one per online core */
    eng_worker_config worker;
    const char *playbook_path; /* NULL = built-in defaults */
    const char *db_path;       /* NULL = no event log */
    uint32_t stats_interval_ms;
    /* Security (docs/operations.md "Security"). With curve_key, every socket is a
     * CURVE server with that key pair (path and path_secret) and both allowed_keys
     * (a directory of public certificates) and roles (the roles file) are required;
     * eng_server_create refuses any other combination. Without them the engine is
     * plain text and every client may do everything (--insecure-loopback). */
    const char *curve_key;
    const char *allowed_keys;
    const char *roles;
    uint32_t purge_interval_ms; /* event log: time between retention purges; 0 = never */
} eng_server_config;

typedef enum eng_endpoint { ENG_EP_INGEST, ENG_EP_PUBLISH, ENG_EP_REQUESTS } eng_endpoint;

typedef struct eng_server eng_server;

eng_server_config eng_server_config_default(void);

/* Loads the playbook, opens the event log, starts the shards and binds the
 * sockets. On failure returns RP_EINVAL/RP_EIO/RP_ENOMEM with err filled
 * (RP_ERR_LEN bytes) and *out NULL. */
RP_NODISCARD int eng_server_create(const eng_server_config *cfg, eng_server **out, char *err);

/* Runs the loop until eng_server_stop(). Returns RP_OK after a clean stop. */
RP_NODISCARD int eng_server_run(eng_server *s);

/* Async-signal-safe: ask the loop to stop / to reload the playbook. */
void eng_server_stop(eng_server *s);
void eng_server_reload(eng_server *s);

/* Ends the shards (their calls' summaries are published and logged), closes the
 * sockets and the log, frees everything. NULL-safe. */
void eng_server_destroy(eng_server **self_p);

/* The endpoint actually bound (with the port chosen for "*"). */
const char *eng_server_endpoint(const eng_server *s, eng_endpoint which);

#endif /* ENGINE_SERVER_H */
