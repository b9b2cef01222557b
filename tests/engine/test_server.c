/* tests/engine/test_server.c - rapportd's loop in-process on loopback: what it
 * stores from the request socket. A supervisor's ack note is free text and is
 * redacted before it reaches the event log. Skipped under ThreadSanitizer
 * (libzmq's own threads are not instrumented). */
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zmq.h>

#include "engine/server.h"
#include "suites.h"

static int run_rc = -100;

static void *run_server(void *arg)
{
    run_rc = eng_server_run(arg);
    return NULL;
}

/* Every event-log json of type, joined with newlines, into out. */
static void logged_json(const char *path, const char *type, char *out, size_t cap)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(
        sqlite3_prepare_v2(db, "select json from events where type = ?", -1, &st, NULL), SQLITE_OK);
    sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
    size_t len = 0;
    out[0] = '\0';
    while (sqlite3_step(st) == SQLITE_ROW) {
        int n = snprintf(out + len, cap - len, "%s\n", (const char *)sqlite3_column_text(st, 0));
        ck_assert_int_gt(n, 0);
        ck_assert_uint_lt(len + (size_t)n, cap);
        len += (size_t)n;
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
}

START_TEST(an_ack_note_is_redacted_before_it_is_stored)
{
#if defined(__SANITIZE_THREAD__)
    return;
#endif
    char path[] = "/tmp/rapport-server-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    eng_server_config cfg = eng_server_config_default();
    cfg.ingest = "tcp://127.0.0.1:*";
    cfg.publish = "tcp://127.0.0.1:*";
    cfg.requests = "tcp://127.0.0.1:*";
    cfg.n_workers = 1;
    cfg.worker.max_calls = 4;
    cfg.db_path = path;
    eng_server *s = NULL;
    char err[RP_ERR_LEN];
    ck_assert_msg(eng_server_create(&cfg, &s, err) == RP_OK, "%s", err);
    pthread_t th;
    ck_assert_int_eq(pthread_create(&th, NULL, run_server, s), 0);

    static const char *const notes[] = {
        "customer read out 4111 1111 1111 1111, security code is 737; call back on +1 415 555 "
        "0199 or jane.doe@example.com",
        "all fine, no personal data here",
    };
    void *ctx = zmq_ctx_new();
    void *req = zmq_socket(ctx, ZMQ_REQ);
    int timeout_ms = 5000, linger = 0;
    zmq_setsockopt(req, ZMQ_RCVTIMEO, &timeout_ms, sizeof timeout_ms);
    zmq_setsockopt(req, ZMQ_LINGER, &linger, sizeof linger);
    ck_assert_int_eq(zmq_connect(req, eng_server_endpoint(s, ENG_EP_REQUESTS)), 0);
    for (size_t i = 0; i < sizeof notes / sizeof notes[0]; i++) {
        proto_msg m;
        memset(&m, 0, sizeof m);
        m.type = PROTO_T_ACK;
        m.u.ack.call = proto_cstr("c-ack");
        m.u.ack.alert_id = (uint32_t)i + 1;
        m.u.ack.by = proto_cstr("sup-1");
        m.u.ack.ts_us = 1767225600000000LL;
        m.u.ack.present = PROTO_ACK_NOTE;
        m.u.ack.note = proto_cstr(notes[i]);
        uint8_t buf[1024];
        size_t len = 0;
        ck_assert_int_eq(proto_encode(&m, buf, sizeof buf, &len, NULL), RP_OK);
        ck_assert_int_eq(zmq_send(req, buf, len, 0), (int)len);
        ck_assert_int_gt(zmq_recv(req, buf, sizeof buf, 0), 0); /* the echo: it was handled */
    }
    zmq_close(req);
    zmq_ctx_term(ctx);
    eng_server_stop(s);
    ck_assert_int_eq(pthread_join(th, NULL), 0);
    ck_assert_int_eq(run_rc, RP_OK);
    eng_server_destroy(&s); /* commits the log */

    char json[4096];
    logged_json(path, "ack", json, sizeof json);
    ck_assert_msg(strstr(json, "[CARD]") != NULL && strstr(json, "[CVV]") != NULL &&
                      strstr(json, "[PHONE]") != NULL && strstr(json, "[EMAIL]") != NULL,
                  "note not redacted: %s", json);
    static const char *const seeded[] = {"4111", "737", "555 0199", "jane.doe"};
    for (size_t i = 0; i < sizeof seeded / sizeof seeded[0]; i++) {
        ck_assert_msg(strstr(json, seeded[i]) == NULL, "'%s' stored: %s", seeded[i], json);
    }
    ck_assert_ptr_nonnull(strstr(json, "\"note\":\"all fine, no personal data here\""));
    char side[64];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
}
END_TEST

Suite *server_suite(void)
{
    Suite *s = suite_create("server");
    TCase *tc = tcase_create("eventlog");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, an_ack_note_is_redacted_before_it_is_stored);
    suite_add_tcase(s, tc);
    return s;
}
