/* tests/engine/test_auth.c - who may connect and what each key sees: the roles
 * file and allowed-keys checks, subscription narrowing, and a CURVE engine end to
 * end with gateway, agent, supervisor, admin, unknown, role-less, plain-text and
 * PLAIN clients. Runs under ThreadSanitizer too (the engine loop is a thread). */
#include <czmq.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zmq.h>

#include "common/clock.h"
#include "engine/auth.h"
#include "engine/server.h"
#include "suites.h"

#define T0 1700000000000000LL

typedef struct keyset {
    char dir[64];     /* everything lives here */
    char allowed[96]; /* the allowed-keys directory */
    char roles[96];
    char engine[96]; /* the engine's pair: engine.key, engine.key_secret */
} keyset;

typedef struct client_key {
    char pub[41], sec[41];
} client_key;

/* Makes a key pair; its public certificate goes into the allowed directory when
 * allowed is true; its secret stays in memory (and in dir for the engine's). */
static client_key make_key(const keyset *ks, const char *name, bool allowed)
{
    zcert_t *cert = zcert_new();
    ck_assert_ptr_nonnull(cert);
    client_key k;
    snprintf(k.pub, sizeof k.pub, "%s", zcert_public_txt(cert));
    snprintf(k.sec, sizeof k.sec, "%s", zcert_secret_txt(cert));
    char path[256];
    if (allowed) {
        snprintf(path, sizeof path, "%s/%s.key", ks->allowed, name);
        ck_assert_int_eq(zcert_save_public(cert, path), 0);
    }
    zcert_destroy(&cert);
    return k;
}

static void make_keyset(keyset *ks)
{
    snprintf(ks->dir, sizeof ks->dir, "/tmp/rapport-auth-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(ks->dir));
    snprintf(ks->allowed, sizeof ks->allowed, "%s/allowed", ks->dir);
    snprintf(ks->roles, sizeof ks->roles, "%s/roles.ini", ks->dir);
    snprintf(ks->engine, sizeof ks->engine, "%s/engine.key", ks->dir);
    ck_assert_int_eq(mkdir(ks->allowed, 0755), 0);
    zcert_t *cert = zcert_new();
    char secret[128];
    snprintf(secret, sizeof secret, "%s_secret", ks->engine);
    ck_assert_int_eq(zcert_save(cert, ks->engine), 0);
    ck_assert_int_eq(chmod(secret, 0600), 0);
    zcert_destroy(&cert);
}

static void remove_keyset(const keyset *ks)
{
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", ks->dir);
    ck_assert_int_eq(system(cmd), 0);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

/* ---- narrowing ---- */

START_TEST(subscriptions_are_narrowed_to_the_scope)
{
    eng_grant agent = {ENG_ROLE_AGENT, "a7", "a7", "t1"};
    eng_grant sup = {ENG_ROLE_SUPERVISOR, "s1", "", "t1"};
    eng_grant gw = {ENG_ROLE_GATEWAY, "g", "", ""};
    char out[ENG_AUTH_MAX_PREFS][256];
    ck_assert_int_eq(eng_grant_narrow(&agent, "", 0, out), 2);
    ck_assert_str_eq(out[0], "call/t1/a7/");
    ck_assert_str_eq(out[1], "engine/");
    ck_assert_int_eq(eng_grant_narrow(&agent, "call/", 5, out), 1);
    ck_assert_str_eq(out[0], "call/t1/a7/");
    ck_assert_int_eq(eng_grant_narrow(&agent, "call/t1/", 8, out), 1);
    ck_assert_str_eq(out[0], "call/t1/a7/");
    ck_assert_int_eq(eng_grant_narrow(&agent, "call/t1/a7/c1/cue", 17, out), 1);
    ck_assert_str_eq(out[0], "call/t1/a7/c1/cue");
    ck_assert_int_eq(eng_grant_narrow(&agent, "call/t1/a8/", 11, out), 0);
    ck_assert_int_eq(eng_grant_narrow(&agent, "call/t1/a77/", 12, out), 0);
    ck_assert_int_eq(eng_grant_narrow(&agent, "call/t2/", 8, out), 0);
    ck_assert_int_eq(eng_grant_narrow(&agent, "engine/stats", 12, out), 1);
    ck_assert_str_eq(out[0], "engine/stats");
    ck_assert_int_eq(eng_grant_narrow(&sup, "call/", 5, out), 1);
    ck_assert_str_eq(out[0], "call/t1/");
    ck_assert_int_eq(eng_grant_narrow(&sup, "call/t1/a8/", 11, out), 1);
    ck_assert_str_eq(out[0], "call/t1/a8/");
    ck_assert_int_eq(eng_grant_narrow(&sup, "call/t10/", 9, out), 0);
    ck_assert_int_eq(eng_grant_narrow(&gw, "", 0, out), 0);
    ck_assert_int_eq(eng_grant_narrow(&eng_grant_all, "call/t9/", 8, out), 1);
    ck_assert_str_eq(out[0], "call/t9/");
    ck_assert(eng_grant_sees(&agent, proto_cstr("t1"), proto_cstr("a7")));
    ck_assert(!eng_grant_sees(&agent, proto_cstr("t1"), proto_cstr("a8")));
    ck_assert(!eng_grant_sees(&agent, proto_cstr("t2"), proto_cstr("a7")));
    ck_assert(eng_grant_sees(&sup, proto_cstr("t1"), proto_cstr("a8")));
    ck_assert(!eng_grant_sees(&sup, proto_cstr("t2"), proto_cstr("a8")));
    ck_assert(!eng_grant_sees(&gw, proto_cstr("t1"), proto_cstr("a7")));
}
END_TEST

/* ---- loading ---- */

static int load(const keyset *ks, const char *roles, char *err)
{
    write_file(ks->roles, roles);
    eng_auth *a = NULL;
    int rc = eng_auth_load(ks->allowed, ks->roles, &a, err);
    eng_auth_destroy(&a);
    return rc;
}

START_TEST(bad_roles_and_keys_are_refused)
{
    keyset ks;
    make_keyset(&ks);
    client_key k = make_key(&ks, "a7", true);
    char text[1024], err[RP_ERR_LEN];
    snprintf(text, sizeof text, "[a7]\nkey = %s\nrole = agent\nagent = a7\nteam = t1\n", k.pub);
    eng_auth *a = NULL;
    write_file(ks.roles, text);
    ck_assert_int_eq(eng_auth_load(ks.allowed, ks.roles, &a, err), RP_OK);
    ck_assert_uint_eq(eng_auth_keys(a), 1);
    ck_assert_uint_eq(eng_auth_roles(a), 1);
    const eng_grant *g = eng_auth_grant(a, k.pub);
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(g->role, ENG_ROLE_AGENT);
    ck_assert_str_eq(g->team, "t1");
    ck_assert_ptr_null(eng_auth_grant(a, "0000000000000000000000000000000000000000"));
    ck_assert_ptr_null(eng_auth_grant(a, NULL));
    eng_auth_destroy(&a);

    snprintf(text, sizeof text, "[a7]\nkey = %s\nrole = boss\n", k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "boss"));
    snprintf(text, sizeof text, "[a7]\nkey = %s\nrole = agent\nteam = t1\n", k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "has no agent"));
    snprintf(text, sizeof text, "[s]\nkey = %s\nrole = supervisor\n", k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "has no team"));
    ck_assert_int_eq(load(&ks, "[a7]\nkey = tooshort\nrole = admin\n", err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "Z85"));
    ck_assert_int_eq(load(&ks, "[a7]\nrole = admin\n", err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "has no key"));
    snprintf(text, sizeof text, "[a]\nkey = %s\nrole = admin\n[b]\nkey = %s\nrole = gateway\n",
             k.pub, k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "repeats"));
    snprintf(text, sizeof text, "[g]\nkey = %s\nrole = gateway\nteam = t1\n", k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    snprintf(text, sizeof text, "[a/b]\nkey = %s\nrole = admin\n", k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    snprintf(text, sizeof text, "[x]\nkey = %s\nrole = admin\ncolour = red\n", k.pub);
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, ":4:"));

    /* the directory: a malformed certificate, then a secret key in it */
    snprintf(text, sizeof text, "[a7]\nkey = %s\nrole = admin\n", k.pub);
    char path[256];
    snprintf(path, sizeof path, "%s/broken.key", ks.allowed);
    write_file(path, "metadata\ncurve\n    public-key = \"not a key\"\n");
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "broken.key"));
    unlink(path);
    snprintf(path, sizeof path, "%s/a7.key_secret", ks.allowed);
    write_file(path, "x");
    ck_assert_int_eq(load(&ks, text, err), RP_EINVAL);
    ck_assert_msg(strstr(err, "secret") != NULL, "%s", err);
    unlink(path);
    ck_assert_int_eq(load(&ks, text, err), RP_OK);
    ck_assert_int_eq(eng_auth_load("/nonexistent/dir", ks.roles, &a, err), RP_EIO);
    ck_assert_int_eq(eng_auth_load(ks.allowed, NULL, &a, err), RP_EINVAL);
    ck_assert_ptr_null(a);
    remove_keyset(&ks);
}
END_TEST

START_TEST(the_engine_refuses_unsafe_configurations)
{
    keyset ks;
    make_keyset(&ks);
    client_key k = make_key(&ks, "ops", true);
    char text[256], err[RP_ERR_LEN];
    snprintf(text, sizeof text, "[ops]\nkey = %s\nrole = admin\n", k.pub);
    write_file(ks.roles, text);
    eng_server_config cfg = eng_server_config_default();
    cfg.n_workers = 1;
    cfg.worker.max_calls = 4;
    cfg.ingest = "tcp://127.0.0.1:*";
    cfg.publish = "tcp://127.0.0.1:*";
    cfg.requests = "tcp://127.0.0.1:*";
    eng_server *s = NULL;
    /* CURVE without an authenticator */
    cfg.curve_key = ks.engine;
    ck_assert_int_eq(eng_server_create(&cfg, &s, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "authenticator"));
    cfg.allowed_keys = ks.allowed;
    ck_assert_int_eq(eng_server_create(&cfg, &s, err), RP_EINVAL);
    /* an authenticator without CURVE */
    cfg.roles = ks.roles;
    cfg.curve_key = NULL;
    ck_assert_int_eq(eng_server_create(&cfg, &s, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "need CURVE"));
    /* a secret key others can read */
    cfg.curve_key = ks.engine;
    char secret[128];
    snprintf(secret, sizeof secret, "%s_secret", ks.engine);
    ck_assert_int_eq(chmod(secret, 0640), 0);
    ck_assert_int_eq(eng_server_create(&cfg, &s, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "group- or world"));
    ck_assert_int_eq(chmod(secret, 0604), 0);
    ck_assert_msg(eng_server_create(&cfg, &s, err) == RP_EINVAL, "0604 accepted");
    /* a public certificate that is not the secret's, then a malformed secret key */
    ck_assert_int_eq(chmod(secret, 0600), 0);
    zcert_t *other = zcert_new();
    ck_assert_int_eq(zcert_save_public(other, ks.engine), 0);
    zcert_destroy(&other);
    ck_assert_int_eq(eng_server_create(&cfg, &s, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "not the public half"));
    write_file(secret, "curve\n    public-key = \"short\"\n    secret-key = \"short\"\n");
    ck_assert_int_eq(eng_server_create(&cfg, &s, err), RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "malformed"));
    ck_assert_ptr_null(s);
    remove_keyset(&ks);
}
END_TEST

/* ---- end to end ---- */

static void *run_server(void *arg)
{
    int rc = eng_server_run(arg);
    return rc == RP_OK ? arg : NULL;
}

static void *client(void *ctx, int type, const char *ep, const client_key *own,
                    const char *server_pub)
{
    void *s = zmq_socket(ctx, type);
    int linger = 0;
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    if (own != NULL) {
        zmq_setsockopt(s, ZMQ_CURVE_SERVERKEY, server_pub, 40);
        zmq_setsockopt(s, ZMQ_CURVE_PUBLICKEY, own->pub, 40);
        zmq_setsockopt(s, ZMQ_CURVE_SECRETKEY, own->sec, 40);
    }
    ck_assert_int_eq(zmq_connect(s, ep), 0);
    return s;
}

static void push(void *sock, const proto_msg *m)
{
    uint8_t buf[4096];
    size_t n = 0;
    ck_assert_int_eq(proto_encode(m, buf, sizeof buf, &n, NULL), RP_OK);
    ck_assert_int_eq(zmq_send(sock, buf, n, 0), (int)n);
}

static void start_chat(void *gw, const char *call, const char *team, const char *agent)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CALL_START;
    m.u.call_start.call = proto_cstr(call);
    m.u.call_start.agent = proto_cstr(agent);
    m.u.call_start.team = proto_cstr(team);
    m.u.call_start.medium = PROTO_CHAT;
    m.u.call_start.ts_us = T0;
    push(gw, &m);
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_TEXT;
    m.u.text.call = proto_cstr(call);
    m.u.text.speaker = PROTO_SPK_CUSTOMER;
    m.u.text.text = proto_cstr("This is useless, I want to speak to your manager right now");
    m.u.text.ts_us = T0 + 1000000;
    m.u.text.final = true;
    push(gw, &m);
}

static void end_call(void *gw, const char *call)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CALL_END;
    m.u.call_end.call = proto_cstr(call);
    m.u.call_end.ts_us = T0 + 2000000;
    push(gw, &m);
}

enum { N_SUBS = 10 };
typedef struct tally {
    unsigned total, per_call[4]; /* c1 (t1/a7), c2 (t1/a8), c3 (t2/a9), c9 (sent by an agent) */
} tally;

static void count_topic(tally *t, const char *topic)
{
    static const char *const calls[4] = {"call/t1/a7/c1/", "call/t1/a8/c2/", "call/t2/a9/c3/",
                                         "call/t1/a7/c9/"};
    t->total++;
    for (int i = 0; i < 4; i++) {
        t->per_call[i] += strncmp(topic, calls[i], strlen(calls[i])) == 0;
    }
}

static void drain(void *subs[N_SUBS], tally t[N_SUBS], uint64_t for_ms)
{
    uint64_t until = rp_clock_mono_ns() + for_ms * 1000000u;
    while (rp_clock_mono_ns() < until) {
        zmq_pollitem_t items[N_SUBS];
        for (int i = 0; i < N_SUBS; i++) {
            items[i] = (zmq_pollitem_t){subs[i], 0, ZMQ_POLLIN, 0};
        }
        if (zmq_poll(items, N_SUBS, 50) <= 0) {
            continue;
        }
        for (int i = 0; i < N_SUBS; i++) {
            char topic[256];
            int n;
            while ((n = zmq_recv(subs[i], topic, sizeof topic - 1, ZMQ_DONTWAIT)) >= 0) {
                topic[n < 255 ? n : 255] = '\0';
                int more = 0;
                size_t ml = sizeof more;
                zmq_getsockopt(subs[i], ZMQ_RCVMORE, &more, &ml);
                while (more) {
                    uint8_t body[65536];
                    (void)zmq_recv(subs[i], body, sizeof body, 0);
                    zmq_getsockopt(subs[i], ZMQ_RCVMORE, &more, &ml);
                }
                count_topic(&t[i], topic);
            }
        }
    }
}

/* Asks for a snapshot; returns its number of calls, or -1 without an answer. */
static int snapshot_calls(void *dealer, const char *team)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_SNAPSHOT_REQ;
    if (team != NULL) {
        m.u.snapshot_req.present = PROTO_SNAPSHOT_REQ_TEAM;
        m.u.snapshot_req.team = proto_cstr(team);
    }
    push(dealer, &m);
    zmq_pollitem_t item = {dealer, 0, ZMQ_POLLIN, 0};
    if (zmq_poll(&item, 1, 2000) <= 0) {
        return -1;
    }
    static uint8_t buf[1 << 20];
    static unsigned char arena[PROTO_DECODE_ARENA_BYTES];
    int n = zmq_recv(dealer, buf, sizeof buf, 0);
    ck_assert_int_gt(n, 0);
    proto_arena ar;
    proto_arena_init(&ar, arena, sizeof arena);
    proto_msg out;
    ck_assert_int_eq(proto_decode(buf, (size_t)n, &ar, &out, NULL), RP_OK);
    ck_assert_int_eq(out.type, PROTO_T_SNAPSHOT);
    return (int)out.u.snapshot.n_calls;
}

START_TEST(each_key_receives_only_its_scope)
{
    keyset ks;
    make_keyset(&ks);
    client_key gw = make_key(&ks, "gw", true), a7 = make_key(&ks, "a7", true);
    client_key sup1 = make_key(&ks, "sup1", true), sup2 = make_key(&ks, "sup2", true);
    client_key ops = make_key(&ks, "ops", true), norole = make_key(&ks, "norole", true);
    client_key stranger = make_key(&ks, "stranger", false);
    char text[2048];
    snprintf(text, sizeof text,
             "[gw]\nkey = %s\nrole = gateway\n"
             "[a7]\nkey = %s\nrole = agent\nagent = a7\nteam = t1\n"
             "[sup1]\nkey = %s\nrole = supervisor\nteam = t1\n"
             "[sup2]\nkey = %s\nrole = supervisor\nteam = t2\n"
             "[ops]\nkey = %s\nrole = admin\n",
             gw.pub, a7.pub, sup1.pub, sup2.pub, ops.pub);
    write_file(ks.roles, text);
    eng_server_config cfg = eng_server_config_default();
    cfg.n_workers = 1;
    cfg.worker.max_calls = 8;
    cfg.ingest = "tcp://127.0.0.1:*";
    cfg.publish = "tcp://127.0.0.1:*";
    cfg.requests = "tcp://127.0.0.1:*";
    cfg.stats_interval_ms = 200;
    cfg.curve_key = ks.engine;
    cfg.allowed_keys = ks.allowed;
    cfg.roles = ks.roles;
    eng_server *s = NULL;
    char err[RP_ERR_LEN];
    ck_assert_msg(eng_server_create(&cfg, &s, err) == RP_OK, "%s", err);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, run_server, s), 0);
    zcert_t *ecert = zcert_load(ks.engine);
    char epub[41];
    snprintf(epub, sizeof epub, "%s", zcert_public_txt(ecert));
    zcert_destroy(&ecert);
    const char *pub_ep = eng_server_endpoint(s, ENG_EP_PUBLISH);

    void *ctx = zmq_ctx_new();
    /* 0 a7 all, 1 a7 asks for a8, 2 a7 asks for its team, 3 sup1, 4 sup2, 5 ops,
     * 6 stranger, 7 role-less key, 8 no CURVE, 9 PLAIN credentials */
    void *subs[N_SUBS];
    const client_key *keys[N_SUBS] = {&a7,  &a7,       &a7,     &sup1, &sup2,
                                      &ops, &stranger, &norole, NULL,  NULL};
    const char *want[N_SUBS] = {"", "call/t1/a8/", "call/t1/", "", "", "", "", "", "", ""};
    for (int i = 0; i < N_SUBS; i++) {
        subs[i] = zmq_socket(ctx, ZMQ_SUB);
        int linger = 0;
        zmq_setsockopt(subs[i], ZMQ_LINGER, &linger, sizeof linger);
        if (keys[i] != NULL) {
            zmq_setsockopt(subs[i], ZMQ_CURVE_SERVERKEY, epub, 40);
            zmq_setsockopt(subs[i], ZMQ_CURVE_PUBLICKEY, keys[i]->pub, 40);
            zmq_setsockopt(subs[i], ZMQ_CURVE_SECRETKEY, keys[i]->sec, 40);
        }
        if (i == 9) {
            zmq_setsockopt(subs[i], ZMQ_PLAIN_USERNAME, "admin", 5);
            zmq_setsockopt(subs[i], ZMQ_PLAIN_PASSWORD, "admin", 5);
        }
        zmq_setsockopt(subs[i], ZMQ_SUBSCRIBE, want[i], strlen(want[i]));
        ck_assert_int_eq(zmq_connect(subs[i], pub_ep), 0);
    }
    void *gw_push = client(ctx, ZMQ_PUSH, eng_server_endpoint(s, ENG_EP_INGEST), &gw, epub);
    void *a7_push = client(ctx, ZMQ_PUSH, eng_server_endpoint(s, ENG_EP_INGEST), &a7, epub);
    const char *req_ep = eng_server_endpoint(s, ENG_EP_REQUESTS);
    void *a7_req = client(ctx, ZMQ_DEALER, req_ep, &a7, epub);
    void *sup2_req = client(ctx, ZMQ_DEALER, req_ep, &sup2, epub);
    void *gw_req = client(ctx, ZMQ_DEALER, req_ep, &gw, epub);
    void *ops_req = client(ctx, ZMQ_DEALER, req_ep, &ops, epub);
    tally t[N_SUBS];
    memset(t, 0, sizeof t);
    drain(subs, t, 700); /* handshakes and subscriptions settle */

    start_chat(gw_push, "c1", "t1", "a7");
    start_chat(gw_push, "c2", "t1", "a8");
    start_chat(gw_push, "c3", "t2", "a9");
    start_chat(a7_push, "c9", "t1", "a7"); /* an agent may not send calls */
    drain(subs, t, 1500);
    ck_assert_int_eq(snapshot_calls(ops_req, NULL), 3);
    ck_assert_int_eq(snapshot_calls(a7_req, NULL), 1);   /* its own call only */
    ck_assert_int_eq(snapshot_calls(a7_req, "t2"), 0);   /* not another team's */
    ck_assert_int_eq(snapshot_calls(sup2_req, "t1"), 0); /* not another team's */
    ck_assert_int_eq(snapshot_calls(sup2_req, NULL), 1); /* its team's */
    ck_assert_int_eq(snapshot_calls(gw_req, NULL), -1);  /* a gateway only sends */
    end_call(gw_push, "c1");
    end_call(gw_push, "c2");
    end_call(gw_push, "c3");
    drain(subs, t, 1500);

    /* admin: everything the gateway sent, nothing the agent sent */
    ck_assert_uint_gt(t[5].per_call[0], 0);
    ck_assert_uint_gt(t[5].per_call[1], 0);
    ck_assert_uint_gt(t[5].per_call[2], 0);
    ck_assert_uint_eq(t[5].per_call[3], 0);
    /* agent a7: its own call and engine stats only, whatever it asked for */
    ck_assert_uint_gt(t[0].per_call[0], 0);
    ck_assert_uint_eq(t[0].per_call[1] + t[0].per_call[2], 0);
    ck_assert_uint_gt(t[0].total, t[0].per_call[0]); /* engine/stats too */
    ck_assert_uint_eq(t[1].total, 0);
    ck_assert_uint_eq(t[2].total, t[2].per_call[0]);
    ck_assert_uint_gt(t[2].per_call[0], 0);
    /* supervisors: their team */
    ck_assert_uint_gt(t[3].per_call[0], 0);
    ck_assert_uint_gt(t[3].per_call[1], 0);
    ck_assert_uint_eq(t[3].per_call[2], 0);
    ck_assert_uint_eq(t[4].per_call[0] + t[4].per_call[1], 0);
    ck_assert_uint_gt(t[4].per_call[2], 0);
    /* unknown key, key without a role, no CURVE, PLAIN: nothing at all */
    for (int i = 6; i < N_SUBS; i++) {
        ck_assert_msg(t[i].total == 0, "subscriber %d received %u messages", i, t[i].total);
    }

    zmq_close(gw_push);
    zmq_close(a7_push);
    zmq_close(a7_req);
    zmq_close(sup2_req);
    zmq_close(gw_req);
    zmq_close(ops_req);
    for (int i = 0; i < N_SUBS; i++) {
        zmq_close(subs[i]);
    }
    zmq_ctx_term(ctx);
    eng_server_stop(s);
    pthread_join(th, NULL);
    eng_server_destroy(&s);
    remove_keyset(&ks);
}
END_TEST

Suite *auth_suite(void)
{
    Suite *s = suite_create("auth");
    TCase *tc = tcase_create("auth");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, subscriptions_are_narrowed_to_the_scope);
    tcase_add_test(tc, bad_roles_and_keys_are_refused);
    tcase_add_test(tc, the_engine_refuses_unsafe_configurations);
    tcase_add_test(tc, each_key_receives_only_its_scope);
    suite_add_tcase(s, tc);
    return s;
}
