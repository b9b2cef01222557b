/* engine/auth.c - the ZAP handler, the allowed keys and the roles (see auth.h). */
#include "engine/auth.h"

#include <dirent.h>
#include <errno.h>
#include <ini.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <zmq.h>

#include "common/alloc.h"
#include "engine/idmap.h"
#include "net/curve.h"

#define ZAP_ENDPOINT "inproc://zeromq.zap.01"

const eng_grant eng_grant_all = {ENG_ROLE_ADMIN, "insecure-loopback", "", ""};
static const eng_grant no_rights = {ENG_ROLE_NONE, "", "", ""};

typedef struct role_entry {
    eng_grant g;
    char key[RP_CURVE_KEY_TXT];
    int line; /* where its section starts, for messages */
} role_entry;

struct eng_auth {
    role_entry *roles;
    size_t n_roles, cap_roles;
    char (*keys)[RP_CURVE_KEY_TXT]; /* the allowed keys */
    size_t n_keys, cap_keys;
    eng_idmap by_key; /* allowed key -> const eng_grant * */
    size_t n_granted;
    void *zap;
    uint64_t accepted, refused;
};

/* ---- the roles file ---- */

typedef struct roles_ctx {
    eng_auth *a;
    char section[PROTO_MAX_ID_BYTES + 1];
    bool in_section;
    char why[160];
} roles_ctx;

static bool set_id(char *dst, const char *value, const char *what, roles_ctx *ctx)
{
    if (!proto_id_valid(value, strlen(value))) {
        snprintf(ctx->why, sizeof ctx->why, "%s: '%.64s' is not an id (1..64 of A-Za-z0-9_.:@-)",
                 what, value);
        return false;
    }
    snprintf(dst, PROTO_MAX_ID_BYTES + 1, "%s", value);
    return true;
}

static int on_role_key(void *user, const char *section, const char *name, const char *value)
{
    roles_ctx *ctx = user;
    eng_auth *a = ctx->a;
    if (!ctx->in_section || strcmp(section, ctx->section) != 0) {
        if (a->n_roles >= ENG_AUTH_MAX_KEYS) {
            snprintf(ctx->why, sizeof ctx->why, "more than %d clients", ENG_AUTH_MAX_KEYS);
            return 0;
        }
        if (a->n_roles == a->cap_roles) {
            size_t cap = a->cap_roles ? a->cap_roles * 2 : 64;
            role_entry *grown = rp_realloc(a->roles, cap * sizeof *grown);
            if (grown == NULL) {
                snprintf(ctx->why, sizeof ctx->why, "out of memory");
                return 0;
            }
            a->roles = grown;
            a->cap_roles = cap;
        }
        role_entry *e = &a->roles[a->n_roles++];
        memset(e, 0, sizeof *e);
        if (!set_id(e->g.name, section, "section name", ctx)) {
            return 0;
        }
        snprintf(ctx->section, sizeof ctx->section, "%s", section);
        ctx->in_section = true;
    }
    role_entry *e = &a->roles[a->n_roles - 1];
    if (strcmp(name, "key") == 0) {
        if (!rp_curve_valid_txt(value)) {
            snprintf(ctx->why, sizeof ctx->why, "key: not a 40-character Z85 public key");
            return 0;
        }
        snprintf(e->key, sizeof e->key, "%s", value);
        return 1;
    }
    if (strcmp(name, "role") == 0) {
        static const char *const names[] = {"none", "agent", "supervisor", "gateway", "admin"};
        for (int r = 0; r < 5; r++) {
            if (strcmp(value, names[r]) == 0) {
                e->g.role = (eng_role)r;
                return 1;
            }
        }
        snprintf(ctx->why, sizeof ctx->why,
                 "role: '%.32s' is not agent, supervisor, gateway, admin or none", value);
        return 0;
    }
    if (strcmp(name, "agent") == 0) {
        return set_id(e->g.agent, value, "agent", ctx);
    }
    if (strcmp(name, "team") == 0) {
        return set_id(e->g.team, value, "team", ctx);
    }
    snprintf(ctx->why, sizeof ctx->why, "unknown setting '%.32s' (key, role, agent, team)", name);
    return 0;
}

static int check_entry(const role_entry *e, const char *path, char *err)
{
    const eng_grant *g = &e->g;
    bool scoped = g->role == ENG_ROLE_AGENT || g->role == ENG_ROLE_SUPERVISOR;
    const char *missing = NULL;
    if (e->key[0] == '\0') {
        missing = "key";
    } else if (g->role == ENG_ROLE_AGENT && g->agent[0] == '\0') {
        missing = "agent";
    } else if (scoped && g->team[0] == '\0') {
        missing = "team";
    }
    if (missing != NULL) {
        snprintf(err, RP_ERR_LEN, "roles %.100s: [%.64s] has no %s", path, g->name, missing);
        return RP_EINVAL;
    }
    if (!scoped && (g->agent[0] != '\0' || g->team[0] != '\0')) {
        snprintf(err, RP_ERR_LEN, "roles %.100s: [%.64s]: only agents and supervisors have a scope",
                 path, g->name);
        return RP_EINVAL;
    }
    if (g->role == ENG_ROLE_SUPERVISOR && g->agent[0] != '\0') {
        snprintf(err, RP_ERR_LEN, "roles %.100s: [%.64s]: a supervisor's scope is a team", path,
                 g->name);
        return RP_EINVAL;
    }
    return RP_OK;
}

static int load_roles(eng_auth *a, const char *path, char *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, RP_ERR_LEN, "roles %.200s: %s", path, strerror(errno));
        return RP_EIO;
    }
    if (!S_ISREG(st.st_mode) || (st.st_mode & S_IWOTH) != 0) {
        snprintf(err, RP_ERR_LEN, "roles %.200s: must be a regular file, not world-writable", path);
        return RP_EINVAL;
    }
    roles_ctx ctx = {.a = a};
    int line = ini_parse(path, on_role_key, &ctx);
    if (line < 0) {
        snprintf(err, RP_ERR_LEN, "roles %.200s: cannot read it", path);
        return RP_EIO;
    }
    if (line > 0) {
        snprintf(err, RP_ERR_LEN, "roles %.80s:%d: %.140s", path, line,
                 ctx.why[0] ? ctx.why : "expected [client] or key = value");
        return RP_EINVAL;
    }
    for (size_t i = 0; i < a->n_roles; i++) {
        int rc = check_entry(&a->roles[i], path, err);
        if (rc != RP_OK) {
            return rc;
        }
    }
    return RP_OK;
}

/* ---- the allowed-keys directory ---- */

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int add_key(eng_auth *a, const char *txt, char *err)
{
    if (a->n_keys >= ENG_AUTH_MAX_KEYS) {
        snprintf(err, RP_ERR_LEN, "more than %d allowed keys", ENG_AUTH_MAX_KEYS);
        return RP_EINVAL;
    }
    if (a->n_keys == a->cap_keys) {
        size_t cap = a->cap_keys ? a->cap_keys * 2 : 64;
        void *grown = rp_realloc(a->keys, cap * sizeof a->keys[0]);
        if (grown == NULL) {
            snprintf(err, RP_ERR_LEN, "out of memory");
            return RP_ENOMEM;
        }
        a->keys = grown;
        a->cap_keys = cap;
    }
    snprintf(a->keys[a->n_keys++], RP_CURVE_KEY_TXT, "%s", txt);
    return RP_OK;
}

static int load_dir(eng_auth *a, const char *dir, char *err)
{
    DIR *d = opendir(dir);
    if (d == NULL) {
        snprintf(err, RP_ERR_LEN, "allowed keys %.200s: %s", dir, strerror(errno));
        return RP_EIO;
    }
    int rc = RP_OK;
    struct dirent *ent;
    /* first pass: a secret key here is a mistake worth stopping for */
    while (rc == RP_OK && (ent = readdir(d)) != NULL) {
        if (ent->d_name[0] != '.' && ends_with(ent->d_name, "_secret")) {
            snprintf(err, RP_ERR_LEN,
                     "allowed keys: %.60s/%.60s is a secret key; only public certificates "
                     "belong there",
                     dir, ent->d_name);
            rc = RP_EINVAL;
        }
    }
    rewinddir(d);
    while (rc == RP_OK && (ent = readdir(d)) != NULL) {
        const char *f = ent->d_name;
        if (f[0] == '.') {
            continue;
        }
        char path[4096];
        if (snprintf(path, sizeof path, "%s/%s", dir, f) >= (int)sizeof path) {
            continue;
        }
        if (ends_with(f, ".key")) {
            rp_curve_key k;
            char why[RP_ERR_LEN];
            rc = rp_curve_load_public(path, &k, why);
            if (rc != RP_OK) {
                snprintf(err, RP_ERR_LEN, "allowed keys: %.200s", why);
            } else {
                rc = add_key(a, k.public_txt, err);
            }
        }
    }
    closedir(d);
    return rc;
}

int eng_auth_load(const char *keys_dir, const char *roles_path, eng_auth **out, char *err)
{
    *out = NULL;
    err[0] = '\0';
    if (keys_dir == NULL || roles_path == NULL) {
        snprintf(err, RP_ERR_LEN,
                 "CURVE needs an authenticator: an allowed-keys directory and a "
                 "roles file");
        return RP_EINVAL;
    }
    eng_auth *a = rp_calloc(1, sizeof *a);
    if (a == NULL) {
        snprintf(err, RP_ERR_LEN, "out of memory");
        return RP_ENOMEM;
    }
    int rc = load_roles(a, roles_path, err);
    if (rc == RP_OK) {
        rc = load_dir(a, keys_dir, err);
    }
    eng_idmap roles_by_key = {0};
    if (rc == RP_OK && (eng_idmap_init(&roles_by_key, a->n_roles + 1) != RP_OK ||
                        eng_idmap_init(&a->by_key, a->n_keys + 1) != RP_OK)) {
        snprintf(err, RP_ERR_LEN, "out of memory");
        rc = RP_ENOMEM;
    }
    for (size_t i = 0; rc == RP_OK && i < a->n_roles; i++) {
        if (eng_idmap_put(&roles_by_key, proto_cstr(a->roles[i].key), &a->roles[i]) != RP_OK) {
            snprintf(err, RP_ERR_LEN, "roles %.100s: [%.64s] repeats another client's key",
                     roles_path, a->roles[i].g.name);
            rc = RP_EINVAL;
        }
    }
    for (size_t i = 0; rc == RP_OK && i < a->n_keys; i++) {
        const role_entry *e = eng_idmap_get(&roles_by_key, proto_cstr(a->keys[i]));
        const eng_grant *g = e != NULL ? &e->g : &no_rights;
        a->n_granted += e != NULL && e->g.role != ENG_ROLE_NONE;
        int put = eng_idmap_put(&a->by_key, proto_cstr(a->keys[i]), (void *)(uintptr_t)g);
        if (put != RP_OK && put != RP_ESTATE) { /* the same certificate twice is harmless */
            snprintf(err, RP_ERR_LEN, "allowed keys: out of room");
            rc = RP_EINVAL;
        }
    }
    eng_idmap_deinit(&roles_by_key);
    if (rc != RP_OK) {
        eng_auth_destroy(&a);
        return rc;
    }
    *out = a;
    return RP_OK;
}

void eng_auth_destroy(eng_auth **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    eng_auth *a = *self_p;
    eng_auth_zap_close(a);
    eng_idmap_deinit(&a->by_key);
    rp_free(a->roles);
    rp_free(a->keys);
    rp_free(a);
    *self_p = NULL;
}

size_t eng_auth_keys(const eng_auth *a)
{
    return a->n_keys;
}

size_t eng_auth_roles(const eng_auth *a)
{
    return a->n_granted;
}

const eng_grant *eng_auth_grant(const eng_auth *a, const char *user_id)
{
    if (user_id == NULL || strlen(user_id) != 40) {
        return NULL;
    }
    return eng_idmap_get(&a->by_key, proto_cstr(user_id));
}

/* ---- ZAP (RFC 27) ---- */

void *eng_auth_zap_bind(eng_auth *a, void *zctx, char *err)
{
    a->zap = zmq_socket(zctx, ZMQ_REP);
    int linger = 0;
    if (a->zap == NULL || zmq_setsockopt(a->zap, ZMQ_LINGER, &linger, sizeof linger) != 0 ||
        zmq_bind(a->zap, ZAP_ENDPOINT) != 0) {
        snprintf(err, RP_ERR_LEN, "ZAP handler: %s", zmq_strerror(zmq_errno()));
        eng_auth_zap_close(a);
        return NULL;
    }
    return a->zap;
}

void eng_auth_zap_close(eng_auth *a)
{
    if (a->zap != NULL) {
        zmq_close(a->zap);
        a->zap = NULL;
    }
}

static void send_part(void *s, const void *p, size_t n, bool more)
{
    (void)zmq_send(s, p, n, more ? ZMQ_SNDMORE : 0);
}

int eng_auth_zap_serve(eng_auth *a, int max)
{
    int served = 0;
    for (; a->zap != NULL && served < max; served++) {
        /* version, request id, domain, address, routing id, mechanism, credentials... */
        zmq_msg_t part[8];
        int n = 0;
        bool more = true;
        while (more) {
            zmq_msg_t m;
            zmq_msg_init(&m);
            if (zmq_msg_recv(&m, a->zap, n == 0 ? ZMQ_DONTWAIT : 0) < 0) {
                zmq_msg_close(&m);
                break;
            }
            more = zmq_msg_more(&m);
            if (n < 8) {
                part[n++] = m;
            } else {
                zmq_msg_close(&m);
            }
        }
        if (n == 0) {
            break;
        }
        const char *status = "400", *text = "not allowed";
        char user[RP_CURVE_KEY_TXT] = "";
        bool v1 =
            n >= 6 && zmq_msg_size(&part[0]) == 3 && memcmp(zmq_msg_data(&part[0]), "1.0", 3) == 0;
        if (v1 && n == 7 && zmq_msg_size(&part[5]) == 5 &&
            memcmp(zmq_msg_data(&part[5]), "CURVE", 5) == 0 && zmq_msg_size(&part[6]) == 32 &&
            zmq_z85_encode(user, zmq_msg_data(&part[6]), 32) != NULL &&
            eng_idmap_get(&a->by_key, proto_cstr(user)) != NULL) {
            status = "200";
            text = "OK";
            a->accepted++;
        } else {
            user[0] = '\0';
            a->refused++;
        }
        if (n >= 2) {
            send_part(a->zap, "1.0", 3, true);
            send_part(a->zap, zmq_msg_data(&part[1]), zmq_msg_size(&part[1]), true);
            send_part(a->zap, status, 3, true);
            send_part(a->zap, text, strlen(text), true);
            send_part(a->zap, user, strlen(user), true);
            send_part(a->zap, "", 0, false);
        }
        for (int i = 0; i < n; i++) {
            zmq_msg_close(&part[i]);
        }
    }
    return served;
}

uint64_t eng_auth_accepted(const eng_auth *a)
{
    return a->accepted;
}

uint64_t eng_auth_refused(const eng_auth *a)
{
    return a->refused;
}

/* ---- scope ---- */

static int narrow_to(const char *want, size_t len, const char *allowed, char *out)
{
    size_t alen = strlen(allowed);
    if (len <= alen && memcmp(want, allowed, len) == 0) {
        memcpy(out, allowed, alen + 1); /* wider than allowed: narrowed */
        return 1;
    }
    if (len > alen && len < 256 && memcmp(want, allowed, alen) == 0) {
        memcpy(out, want, len); /* inside what is allowed: as asked */
        out[len] = '\0';
        return 1;
    }
    return 0;
}

int eng_grant_narrow(const eng_grant *g, const char *want, size_t len,
                     char out[ENG_AUTH_MAX_PREFS][256])
{
    char scope[256];
    switch (g->role) {
    case ENG_ROLE_ADMIN:
        if (len >= 256) {
            return 0;
        }
        memcpy(out[0], want, len);
        out[0][len] = '\0';
        return 1;
    case ENG_ROLE_AGENT:
        snprintf(scope, sizeof scope, "call/%s/%s/", g->team, g->agent);
        break;
    case ENG_ROLE_SUPERVISOR:
        snprintf(scope, sizeof scope, "call/%s/", g->team);
        break;
    default:
        return 0; /* gateways and keys without a role receive nothing */
    }
    int n = narrow_to(want, len, scope, out[0]);
    return n + narrow_to(want, len, "engine/", out[n]);
}

bool eng_grant_sees(const eng_grant *g, proto_str team, proto_str agent)
{
    switch (g->role) {
    case ENG_ROLE_ADMIN:
        return true;
    case ENG_ROLE_AGENT:
        return proto_str_eq(team, g->team) && proto_str_eq(agent, g->agent);
    case ENG_ROLE_SUPERVISOR:
        return proto_str_eq(team, g->team);
    default:
        return false;
    }
}
