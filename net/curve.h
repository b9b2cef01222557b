/* net/curve.h - CURVE keys for rapport's ZeroMQ sockets (RFC 26), from the
 * certificate files `rapport keygen` writes (CZMQ's ZPL format): NAME.key holds
 * the public key, NAME.key_secret the public and the secret key.
 *
 * Every function here is for setup time only (file I/O, CZMQ allocations): never
 * on a hot path. All are thread-compatible (no shared state).
 */
#ifndef NET_CURVE_H
#define NET_CURVE_H

#include <stdbool.h>

#include "common/status.h"

#define RP_CURVE_KEY_TXT 41 /* Z85 text of a 32-byte key, plus NUL */

typedef struct rp_curve_key {
    char public_txt[RP_CURVE_KEY_TXT]; /* Z85, 40 characters */
    char secret_txt[RP_CURVE_KEY_TXT]; /* Z85; "" when only the public part was loaded */
    char name[65];                     /* the certificate's "name" metadata, or "" */
} rp_curve_key;

/* Loads a key pair: path is the public certificate, path + "_secret" the secret one.
 * Refuses (RP_EINVAL, err says why) a secret file that is group- or world-readable
 * or not a regular file, a certificate that does not parse, or a key that is not
 * 40 Z85 characters decoding to 32 bytes. RP_EIO when a file cannot be read. */
RP_NODISCARD int rp_curve_load_pair(const char *path, rp_curve_key *out, char *err);

/* Loads a public certificate only (e.g. the engine's, for a client; a peer's, for
 * the engine's allowed-keys directory). Same checks, no secret. */
RP_NODISCARD int rp_curve_load_public(const char *path, rp_curve_key *out, char *err);

/* True when txt is 40 Z85 characters that decode to a 32-byte key. */
bool rp_curve_valid_txt(const char *txt);

/* Makes sock a CURVE server with the engine's key pair, in ZAP domain "rapport"
 * (the engine's ZAP handler then authenticates every client). Before bind. */
RP_NODISCARD int rp_curve_server(void *sock, const rp_curve_key *server, char *err);

/* Makes sock a CURVE client: its own key pair, and the engine's public key.
 * Before connect. */
RP_NODISCARD int rp_curve_client(void *sock, const rp_curve_key *own, const rp_curve_key *server,
                                 char *err);

/* For the command-line clients: when key_path and server_key_path are both set,
 * loads them and makes sock a CURVE client; when both are NULL, leaves sock as it
 * is (plain text, for an engine started with --insecure-loopback). One without
 * the other is RP_EINVAL. */
RP_NODISCARD int rp_curve_client_files(void *sock, const char *key_path,
                                       const char *server_key_path, char *err);

#endif /* NET_CURVE_H */
