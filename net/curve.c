/* net/curve.c - CURVE key files and socket options (see curve.h). */
#include "net/curve.h"

#include <czmq.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zmq.h>

bool rp_curve_valid_txt(const char *txt)
{
    uint8_t bin[32];
    return txt != NULL && strlen(txt) == 40 && zmq_z85_decode(bin, txt) != NULL;
}

/* memset through a volatile pointer: not optimised away for secrets going out of scope */
static void *(*const volatile wipe)(void *, int, size_t) = memset;

static void copy_txt(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src != NULL ? src : "");
}

static int check_secret_file(const char *path, char *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, RP_ERR_LEN, "%.200s: %s", path, strerror(errno));
        return RP_EIO;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, RP_ERR_LEN, "%.200s: not a regular file", path);
        return RP_EINVAL;
    }
    if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        snprintf(err, RP_ERR_LEN,
                 "%.120s: a secret key must not be group- or world-accessible (mode %03o; "
                 "chmod 600 it)",
                 path, (unsigned)(st.st_mode & 0777));
        return RP_EINVAL;
    }
    return RP_OK;
}

/* Reads one certificate file's curve/public-key (and secret-key) with CZMQ's ZPL
 * reader; RP_OK when it parses, values copied ("" when absent). */
static int read_cert(const char *path, char pub[RP_CURVE_KEY_TXT], char sec[RP_CURVE_KEY_TXT],
                     char name[65], char *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, RP_ERR_LEN, "%.200s: %s", path, strerror(errno));
        return RP_EIO;
    }
    if (!S_ISREG(st.st_mode) || st.st_size > 64 * 1024) {
        snprintf(err, RP_ERR_LEN, "%.200s: not a certificate file", path);
        return RP_EINVAL;
    }
    zconfig_t *c = zconfig_load(path);
    if (c == NULL) {
        snprintf(err, RP_ERR_LEN, "%.150s: not a CURVE certificate (make one with rapport keygen)",
                 path);
        return RP_EINVAL;
    }
    copy_txt(pub, RP_CURVE_KEY_TXT, zconfig_get(c, "curve/public-key", ""));
    copy_txt(sec, RP_CURVE_KEY_TXT, zconfig_get(c, "curve/secret-key", ""));
    if (name != NULL) {
        copy_txt(name, 65, zconfig_get(c, "metadata/name", ""));
    }
    zconfig_destroy(&c);
    return RP_OK;
}

static bool usable(const char *txt)
{
    static const char zero_key[] = "0000000000000000000000000000000000000000";
    return rp_curve_valid_txt(txt) && strcmp(txt, zero_key) != 0;
}

static int load(const char *path, bool pair, rp_curve_key *out, char *err)
{
    memset(out, 0, sizeof *out);
    err[0] = '\0';
    if (path == NULL || strlen(path) > 3900) {
        snprintf(err, RP_ERR_LEN, "no key file given");
        return RP_EINVAL;
    }
    char secret_path[4000], unused[RP_CURVE_KEY_TXT];
    snprintf(secret_path, sizeof secret_path, "%s_secret", path);
    int rc = read_cert(path, out->public_txt, unused, out->name, err);
    if (rc == RP_OK && !usable(out->public_txt)) {
        snprintf(err, RP_ERR_LEN, "%.200s: malformed public key", path);
        rc = RP_EINVAL;
    }
    if (rc == RP_OK && pair) {
        char pub[RP_CURVE_KEY_TXT];
        rc = check_secret_file(secret_path, err);
        if (rc == RP_OK) {
            rc = read_cert(secret_path, pub, out->secret_txt, NULL, err);
        }
        if (rc == RP_OK && !usable(out->secret_txt)) {
            snprintf(err, RP_ERR_LEN, "%.150s: malformed or missing secret key", secret_path);
            rc = RP_EINVAL;
        } else if (rc == RP_OK && strcmp(pub, out->public_txt) != 0) {
            snprintf(err, RP_ERR_LEN, "%.150s: not the public half of its _secret file", path);
            rc = RP_EINVAL;
        }
    }
    if (rc != RP_OK) {
        wipe(out, 0, sizeof *out);
    }
    return rc;
}

int rp_curve_load_pair(const char *path, rp_curve_key *out, char *err)
{
    return load(path, true, out, err);
}

int rp_curve_load_public(const char *path, rp_curve_key *out, char *err)
{
    return load(path, false, out, err);
}

static int set(void *sock, int opt, const void *v, size_t len, const char *what, char *err)
{
    if (zmq_setsockopt(sock, opt, v, len) != 0) {
        snprintf(err, RP_ERR_LEN, "%s: %s", what, zmq_strerror(zmq_errno()));
        return RP_EIO;
    }
    return RP_OK;
}

int rp_curve_server(void *sock, const rp_curve_key *server, char *err)
{
    int on = 1;
    static const char domain[] = "rapport";
    if (server->secret_txt[0] == '\0') {
        snprintf(err, RP_ERR_LEN, "the engine's key has no secret part");
        return RP_EINVAL;
    }
    int rc = set(sock, ZMQ_CURVE_SERVER, &on, sizeof on, "CURVE server", err);
    if (rc == RP_OK) {
        rc = set(sock, ZMQ_CURVE_SECRETKEY, server->secret_txt, 40, "CURVE secret key", err);
    }
    if (rc == RP_OK) {
        rc = set(sock, ZMQ_ZAP_DOMAIN, domain, sizeof domain - 1, "ZAP domain", err);
    }
    return rc;
}

int rp_curve_client(void *sock, const rp_curve_key *own, const rp_curve_key *server, char *err)
{
    if (own->secret_txt[0] == '\0') {
        snprintf(err, RP_ERR_LEN, "the client's key has no secret part");
        return RP_EINVAL;
    }
    int rc = set(sock, ZMQ_CURVE_SERVERKEY, server->public_txt, 40, "CURVE server key", err);
    if (rc == RP_OK) {
        rc = set(sock, ZMQ_CURVE_PUBLICKEY, own->public_txt, 40, "CURVE public key", err);
    }
    if (rc == RP_OK) {
        rc = set(sock, ZMQ_CURVE_SECRETKEY, own->secret_txt, 40, "CURVE secret key", err);
    }
    return rc;
}

int rp_curve_client_files(void *sock, const char *key_path, const char *server_key_path, char *err)
{
    err[0] = '\0';
    if (key_path == NULL && server_key_path == NULL) {
        return RP_OK;
    }
    if (key_path == NULL || server_key_path == NULL) {
        snprintf(err, RP_ERR_LEN, "CURVE needs both --key (yours) and --server-key (the engine's)");
        return RP_EINVAL;
    }
    rp_curve_key own, server;
    char why[RP_ERR_LEN];
    int rc = rp_curve_load_pair(key_path, &own, why);
    if (rc == RP_OK) {
        rc = rp_curve_load_public(server_key_path, &server, why);
    }
    if (rc == RP_OK) {
        rc = rp_curve_client(sock, &own, &server, why);
    }
    if (rc != RP_OK) {
        snprintf(err, RP_ERR_LEN, "%s", why);
    }
    wipe(&own, 0, sizeof own); /* no copy of the secret lingers on the stack */
    return rc;
}
