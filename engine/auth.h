/* engine/auth.h - who may connect to rapportd, and what each client key may do.
 *
 * Authentication: every engine socket is a CURVE server (net/curve.h) and this
 * module is its ZAP handler (RFC 27), bound at inproc://zeromq.zap.01 in the
 * engine's ZeroMQ context. It accepts a client only when its public key is one of
 * the certificates in the allowed-keys directory, and names the client by that
 * key (the ZAP User-Id), which ZeroMQ then attaches to every message the client
 * sends (zmq_msg_gets(msg, "User-Id")).
 *
 * Authorisation: a roles file (INI, docs/operations.md "Security") maps each key
 * to a role and scope:
 *     [agent-042]                  [sup-east]            [gw-1]          [ops]
 *     key = <40-char Z85>          key = ...             key = ...       key = ...
 *     role = agent                 role = supervisor     role = gateway  role = admin
 *     agent = agent-042            team = billing-east
 *     team = billing-east
 * An agent sees only their own calls (topic call/<team>/<agent>/), a supervisor
 * their team's (call/<team>/), both also engine/ (statistics, no personal data);
 * a gateway may only send; an admin may do everything. A key in the directory
 * without a role authenticates but may do nothing.
 *
 * Threading: one thread (the engine's loop) uses an eng_auth; loading does file
 * I/O and allocates, lookups and the ZAP handling do neither (ZAP replies are
 * ZeroMQ sends).
 */
#ifndef ENGINE_AUTH_H
#define ENGINE_AUTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/status.h"
#include "proto/proto.h"

#define ENG_AUTH_MAX_KEYS  100000 /* keys in the directory, and roles entries */
#define ENG_AUTH_MAX_PREFS 2      /* topic prefixes one subscription may become */

typedef enum eng_role {
    ENG_ROLE_NONE = 0, /* authenticated, no rights */
    ENG_ROLE_AGENT,
    ENG_ROLE_SUPERVISOR,
    ENG_ROLE_GATEWAY,
    ENG_ROLE_ADMIN,
} eng_role;

typedef struct eng_grant {
    eng_role role;
    char name[PROTO_MAX_ID_BYTES + 1];  /* the roles file's section name */
    char agent[PROTO_MAX_ID_BYTES + 1]; /* ENG_ROLE_AGENT */
    char team[PROTO_MAX_ID_BYTES + 1];  /* ENG_ROLE_AGENT, ENG_ROLE_SUPERVISOR */
} eng_grant;

/* Everything allowed: what every client gets when the engine runs without CURVE
 * (--insecure-loopback). */
extern const eng_grant eng_grant_all;

typedef struct eng_auth eng_auth;

/* Loads the allowed public certificates in keys_dir (files NAME.key, as written by
 * rapport keygen) and the roles file. Refuses (RP_EINVAL, err names the file and
 * line) a malformed certificate or key, a secret key file in the directory, an
 * unknown role, a role without its scope, a duplicate key, or more than
 * ENG_AUTH_MAX_KEYS; RP_EIO when a file cannot be read. */
RP_NODISCARD int eng_auth_load(const char *keys_dir, const char *roles_path, eng_auth **out,
                               char *err);
void eng_auth_destroy(eng_auth **self_p);

/* Number of allowed keys, and of those with a role. */
size_t eng_auth_keys(const eng_auth *a);
size_t eng_auth_roles(const eng_auth *a);

/* The grant of an authenticated client (its ZAP User-Id), or NULL when unknown. */
const eng_grant *eng_auth_grant(const eng_auth *a, const char *user_id);

/* Binds the ZAP handler in zctx (before any CURVE socket binds) and returns its
 * socket for polling, or NULL with err. */
void *eng_auth_zap_bind(eng_auth *a, void *zctx, char *err);

/* Answers the ZAP requests waiting (at most max); returns how many. Counts the
 * accepted and refused handshakes. */
int eng_auth_zap_serve(eng_auth *a, int max);
uint64_t eng_auth_accepted(const eng_auth *a);
uint64_t eng_auth_refused(const eng_auth *a);

/* Closes the ZAP socket (before the context terminates). */
void eng_auth_zap_close(eng_auth *a);

/* What a subscription to the topic prefix want[0..len) becomes for grant g: the
 * prefixes it may have (written to out, each NUL-terminated, < 256 bytes), none
 * when nothing of it is allowed. An admin gets want itself; an agent asking for
 * "" or "call/" gets "call/<team>/<agent>/" (and "engine/" for ""), asking for
 * something inside that prefix gets it unchanged. */
int eng_grant_narrow(const eng_grant *g, const char *want, size_t len,
                     char out[ENG_AUTH_MAX_PREFS][256]);

/* True when g may see the call of team/agent (snapshots, acks). */
bool eng_grant_sees(const eng_grant *g, proto_str team, proto_str agent);

#endif /* ENGINE_AUTH_H */
