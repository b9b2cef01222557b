/* tests/engine/test_eventlog.c - the SQLite event log: rows written, committed on
 * flush, readable by another connection; clear errors for bad paths; retention
 * deadlines and purges; erasure (no byte of the customer left in the files) and
 * export by customer; the upgrade of a log written before retention existed. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/clock.h"
#include "engine/eventlog.h"
#include "suites.h"

#define DAY_S 86400

static int count_rows(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    int n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

START_TEST(events_are_visible_to_readers_after_flush)
{
    char path[] = "/tmp/rapport-eventlog-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    eng_eventlog *log = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_eventlog_open(path, &log, err), RP_OK);
    proto_call_start cs;
    memset(&cs, 0, sizeof cs);
    cs.call = proto_cstr("c1");
    cs.agent = proto_cstr("a1");
    cs.team = proto_cstr("t1");
    cs.ts_us = 5;
    ck_assert_int_eq(eng_eventlog_call_start(log, &cs, NULL), RP_OK);
    ck_assert_int_eq(eng_eventlog_event(log, cs.call, 1200, "cue", "{\"v\":1}"), RP_OK);
    ck_assert_int_eq(eng_eventlog_event(log, cs.call, 1300, "prompt", "{\"v\":1}"), RP_OK);
    /* not yet committed: another connection sees nothing */
    ck_assert_int_eq(count_rows(path, "select count(*) from events"), 0);
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    ck_assert_int_eq(count_rows(path, "select count(*) from events"), 2);
    ck_assert_int_eq(eng_eventlog_call_end(log, cs.call, 99), RP_OK);
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    ck_assert_int_eq(count_rows(path, "select count(*) from calls where ended_us = 99"), 1);
    ck_assert_uint_eq(eng_eventlog_rows(log), 4);
    eng_eventlog_close(&log);
    ck_assert_ptr_null(log);
    eng_eventlog_close(&log);
    /* reopening keeps what was there */
    ck_assert_int_eq(eng_eventlog_open(path, &log, err), RP_OK);
    eng_eventlog_close(&log);
    ck_assert_int_eq(count_rows(path, "select count(*) from events where type = 'cue'"), 1);
    char wal[64], shm[64];
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(shm, sizeof shm, "%s-shm", path);
    unlink(path);
    unlink(wal);
    unlink(shm);
}
END_TEST

START_TEST(a_bad_path_is_a_clear_error)
{
    eng_eventlog *log = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_eventlog_open("/nonexistent-dir/x/events.db", &log, err), RP_EIO);
    ck_assert_ptr_null(log);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent-dir/x/events.db"));
}
END_TEST

/* ---- retention, erasure, export ---- */

typedef struct tmpdb {
    char path[64], wal[72], shm[72];
} tmpdb;

static void tmpdb_make(tmpdb *t)
{
    snprintf(t->path, sizeof t->path, "/tmp/rapport-eventlog-XXXXXX");
    int fd = mkstemp(t->path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    snprintf(t->wal, sizeof t->wal, "%s-wal", t->path);
    snprintf(t->shm, sizeof t->shm, "%s-shm", t->path);
}

static void tmpdb_remove(const tmpdb *t)
{
    unlink(t->path);
    unlink(t->wal);
    unlink(t->shm);
}

static int64_t query_i64(const char *path, const char *sql)
{
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
    sqlite3_stmt *st = NULL;
    ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
                  sqlite3_errmsg(db));
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    int64_t v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return v;
}

/* Occurrences of needle in the bytes of file path (0 when the file is absent). */
static int count_in_file(const char *path, const char *needle)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        return 0;
    }
    size_t n_needle = strlen(needle), cap = 1u << 20, n = 0, got;
    char *buf = malloc(cap);
    ck_assert_ptr_nonnull(buf);
    while ((got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap);
            ck_assert_ptr_nonnull(buf);
        }
    }
    fclose(f);
    int hits = 0;
    for (size_t i = 0; i + n_needle <= n; i++) {
        hits += memcmp(buf + i, needle, n_needle) == 0;
    }
    free(buf);
    return hits;
}

static int count_in_db_files(const tmpdb *t, const char *needle)
{
    return count_in_file(t->path, needle) + count_in_file(t->wal, needle) +
           count_in_file(t->shm, needle);
}

/* A call of customer (NULL: none) on queue (NULL: none) with n_events events quoting quote. */
static void add_call(eng_eventlog *log, const eng_playbook *pb, const char *call,
                     const char *customer, const char *queue, int n_events, const char *quote)
{
    proto_call_start cs;
    memset(&cs, 0, sizeof cs);
    cs.call = proto_cstr(call);
    cs.agent = proto_cstr("agent-1");
    cs.team = proto_cstr("team-1");
    if (customer != NULL) {
        cs.present |= PROTO_CALL_START_CUSTOMER;
        cs.customer = proto_cstr(customer);
    }
    if (queue != NULL) {
        cs.present |= PROTO_CALL_START_QUEUE;
        cs.queue = proto_cstr(queue);
    }
    cs.ts_us = 1000;
    ck_assert_int_eq(eng_eventlog_call_start(log, &cs, pb), RP_OK);
    char json[256];
    snprintf(json, sizeof json, "{\"type\":\"escalation\",\"call\":\"%s\",\"quote\":\"%s\"}", call,
             quote);
    for (int i = 0; i < n_events; i++) {
        ck_assert_int_eq(eng_eventlog_event(log, cs.call, (uint32_t)(100 * i), "escalation", json),
                         RP_OK);
    }
    ck_assert_int_eq(eng_eventlog_call_end(log, cs.call, 2000), RP_OK);
}

START_TEST(every_row_gets_the_deadline_of_its_queue)
{
    tmpdb t;
    tmpdb_make(&t);
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load_string("[retention]\ndays = 7\n[queue.vip]\n"
                                              "retention.days = 365\n",
                                              "t", &pb, err),
                     RP_OK);
    eng_eventlog *log = NULL;
    ck_assert_int_eq(eng_eventlog_open(t.path, &log, err), RP_OK);
    int64_t before = rp_clock_wall_ms() / 1000;
    add_call(log, pb, "c-plain", "cust-1", NULL, 2, "hello");
    add_call(log, pb, "c-vip", "cust-2", "vip", 3, "hello");
    add_call(log, NULL, "c-nopb", NULL, NULL, 1, "hello");
    /* an event of a call with no calls row gets the file's default */
    ck_assert_int_eq(eng_eventlog_event(log, proto_cstr("c-orphan"), 5, "consent", "{}"), RP_OK);
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    int64_t after = rp_clock_wall_ms() / 1000;
    eng_eventlog_close(&log);
    int64_t plain = query_i64(t.path, "select purge_after from calls where call='c-plain'");
    int64_t vip = query_i64(t.path, "select purge_after from calls where call='c-vip'");
    int64_t nopb = query_i64(t.path, "select purge_after from calls where call='c-nopb'");
    int64_t orphan = query_i64(t.path, "select purge_after from events where call='c-orphan'");
    ck_assert_int_ge(plain, before + 7 * DAY_S);
    ck_assert_int_le(plain, after + 7 * DAY_S);
    ck_assert_int_ge(vip, before + 365 * DAY_S);
    ck_assert_int_le(vip, after + 365 * DAY_S);
    ck_assert_int_ge(nopb, before + ENG_RETENTION_DEFAULT_DAYS * DAY_S);
    ck_assert_int_le(nopb, after + ENG_RETENTION_DEFAULT_DAYS * DAY_S);
    ck_assert_int_ge(orphan, before + 7 * DAY_S);
    ck_assert_int_le(orphan, after + 7 * DAY_S);
    /* a call's events share its deadline */
    ck_assert_int_eq(query_i64(t.path, "select count(*) from events e join calls c on "
                                       "c.call = e.call where e.purge_after != c.purge_after"),
                     0);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from events where call='c-vip'"), 3);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls where customer='cust-2'"), 1);
    eng_playbook_destroy(&pb);
    tmpdb_remove(&t);
}
END_TEST

START_TEST(a_purge_deletes_expired_rows_and_audits_counts_only)
{
    tmpdb t;
    tmpdb_make(&t);
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(eng_playbook_load_string("[queue.short]\nretention.days = 1\n", "t", &pb, err),
                     RP_OK);
    eng_eventlog *log = NULL;
    ck_assert_int_eq(eng_eventlog_open(t.path, &log, err), RP_OK);
    add_call(log, pb, "c-short", "cust-1", "short", 4, "quote");
    add_call(log, pb, "c-long", "cust-2", NULL, 2, "quote");
    int64_t now = rp_clock_wall_ms() / 1000;
    eng_eventlog_counts removed;
    /* nothing has expired yet: no rows removed, no audit row */
    ck_assert_int_eq(eng_eventlog_purge(log, now, &removed), RP_OK);
    ck_assert_uint_eq(removed.calls + removed.events + removed.audit, 0);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from audit"), 0);
    /* two days on, the 1-day queue's call has expired, the 30-day one has not */
    ck_assert_int_eq(eng_eventlog_purge(log, now + 2 * DAY_S, &removed), RP_OK);
    ck_assert_uint_eq(removed.calls, 1);
    ck_assert_uint_eq(removed.events, 4);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls where call='c-short'"), 0);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from events where call='c-short'"), 0);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from events where call='c-long'"), 2);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from audit where action='purge' and "
                                       "calls=1 and events=4"),
                     1);
    ck_assert_int_eq(query_i64(t.path, "select at_s from audit"), now + 2 * DAY_S);
    /* the audit row names no call, agent or customer */
    ck_assert_int_eq(query_i64(t.path, "select count(*) from pragma_table_info('audit') where "
                                       "name in ('call','agent','customer','team','json')"),
                     0);
    /* a purge that removes nothing adds no audit row */
    ck_assert_int_eq(eng_eventlog_purge(log, now + 2 * DAY_S, &removed), RP_OK);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from audit"), 1);
    /* after the longest retention even the audit rows go */
    ck_assert_int_eq(eng_eventlog_purge(log, now + 4000LL * DAY_S, &removed), RP_OK);
    ck_assert_uint_eq(removed.calls, 1);
    ck_assert_uint_eq(removed.audit, 1);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls"), 0);
    eng_eventlog_close(&log);
    eng_playbook_destroy(&pb);
    tmpdb_remove(&t);
}
END_TEST

START_TEST(maintain_purges_at_once_then_once_per_interval)
{
    tmpdb t;
    tmpdb_make(&t);
    eng_playbook *pb = NULL;
    char err[RP_ERR_LEN];
    /* 0 days: a call's rows expire at once */
    ck_assert_int_eq(eng_playbook_load_string("[retention]\ndays = 0\n", "t", &pb, err), RP_OK);
    eng_eventlog *log = NULL;
    ck_assert_int_eq(eng_eventlog_open(t.path, &log, err), RP_OK);
    eng_eventlog_set_purge_interval(log, 1000);
    add_call(log, pb, "c-1", "cust-1", NULL, 2, "q");
    uint64_t t0 = 5000000000ull;
    ck_assert_int_eq(eng_eventlog_maintain(log, t0), RP_OK); /* the first one runs */
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls"), 0);
    add_call(log, pb, "c-2", "cust-1", NULL, 2, "q");
    ck_assert_int_eq(eng_eventlog_maintain(log, t0 + 999000000ull), RP_OK); /* not due */
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls"), 1);
    ck_assert_int_eq(eng_eventlog_maintain(log, t0 + 1000000000ull), RP_OK); /* due */
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls"), 0);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from audit where action='purge'"), 2);
    /* interval 0: never */
    eng_eventlog_set_purge_interval(log, 0);
    add_call(log, pb, "c-3", "cust-1", NULL, 1, "q");
    ck_assert_int_eq(eng_eventlog_maintain(log, t0 + 100000000000ull), RP_OK);
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls"), 1);
    eng_eventlog_close(&log);
    eng_playbook_destroy(&pb);
    tmpdb_remove(&t);
}
END_TEST

START_TEST(erase_removes_one_customer_down_to_the_file_bytes)
{
    tmpdb t;
    tmpdb_make(&t);
    char err[RP_ERR_LEN];
    eng_eventlog *log = NULL;
    ck_assert_int_eq(eng_eventlog_open(t.path, &log, err), RP_OK);
    add_call(log, NULL, "call-erase-me-1", "cust-erase-9931", NULL, 20, "zebra crossing quote");
    add_call(log, NULL, "call-erase-me-2", "cust-erase-9931", NULL, 5, "zebra crossing quote");
    add_call(log, NULL, "call-keep-me-1", "cust-keep-4417", NULL, 7, "walrus harbour quote");
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    /* the engine keeps its connection open while the erasure runs */
    eng_eventlog *tool = NULL;
    ck_assert_int_eq(eng_eventlog_open_existing(t.path, false, &tool, err), RP_OK);
    eng_eventlog_counts removed;
    int rc = eng_eventlog_erase_customer(tool, "cust-erase-9931", false, &removed, err);
    ck_assert_msg(rc == RP_OK, "%s", err);
    ck_assert_uint_eq(removed.calls, 2);
    ck_assert_uint_eq(removed.events, 25);
    ck_assert_uint_eq(removed.live, 0);
    /* erasing an unknown customer removes nothing, and says so */
    ck_assert_int_eq(eng_eventlog_erase_customer(tool, "nobody", false, &removed, err), RP_OK);
    ck_assert_uint_eq(removed.calls + removed.events, 0);
    eng_eventlog_close(&tool);
    const char *gone[] = {"cust-erase-9931", "call-erase-me-1", "call-erase-me-2",
                          "zebra crossing"};
    for (size_t i = 0; i < sizeof gone / sizeof gone[0]; i++) {
        ck_assert_msg(count_in_db_files(&t, gone[i]) == 0, "'%s' is still in the files", gone[i]);
    }
    ck_assert_int_gt(count_in_db_files(&t, "cust-keep-4417"), 0);
    ck_assert_int_gt(count_in_db_files(&t, "walrus harbour"), 0);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from events where call='call-keep-me-1'"),
                     7);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from audit where action='erase' and "
                                       "calls=2 and events=25"),
                     1);
    /* an open call (no end recorded) is erased only when asked to */
    proto_call_start cs;
    memset(&cs, 0, sizeof cs);
    cs.call = proto_cstr("call-open");
    cs.agent = proto_cstr("agent-1");
    cs.team = proto_cstr("team-1");
    cs.present = PROTO_CALL_START_CUSTOMER;
    cs.customer = proto_cstr("cust-open");
    ck_assert_int_eq(eng_eventlog_call_start(log, &cs, NULL), RP_OK);
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    ck_assert_int_eq(eng_eventlog_open_existing(t.path, false, &tool, err), RP_OK);
    ck_assert_int_eq(eng_eventlog_erase_customer(tool, "cust-open", false, &removed, err),
                     RP_ESTATE);
    ck_assert_uint_eq(removed.live, 1);
    ck_assert_uint_eq(removed.calls, 0);
    ck_assert_ptr_nonnull(strstr(err, "no recorded end"));
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls where call='call-open'"), 1);
    ck_assert_int_eq(eng_eventlog_erase_customer(tool, "cust-open", true, &removed, err), RP_OK);
    ck_assert_uint_eq(removed.calls, 1);
    ck_assert_uint_eq(removed.live, 1);
    ck_assert_int_eq(eng_eventlog_erase_customer(tool, "bad id", true, &removed, err), RP_EINVAL);
    eng_eventlog_close(&tool);
    /* the engine goes on writing after the erasure */
    add_call(log, NULL, "call-after", "cust-keep-4417", NULL, 1, "later");
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls"), 2);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from audit where action='erase'"), 3);
    eng_eventlog_close(&log);
    tmpdb_remove(&t);
}
END_TEST

typedef struct lines {
    char buf[8192];
    size_t len;
    int n;
} lines;

static int collect(const char *json, void *arg)
{
    lines *l = arg;
    int w = snprintf(l->buf + l->len, sizeof l->buf - l->len, "%s\n", json);
    ck_assert_int_gt(w, 0);
    ck_assert_uint_lt(l->len + (size_t)w, sizeof l->buf);
    l->len += (size_t)w;
    l->n++;
    return 0;
}

START_TEST(export_gives_the_customers_calls_and_events_only)
{
    tmpdb t;
    tmpdb_make(&t);
    char err[RP_ERR_LEN];
    eng_eventlog *log = NULL;
    ck_assert_int_eq(eng_eventlog_open(t.path, &log, err), RP_OK);
    add_call(log, NULL, "c-a", "cust-a", "billing", 2, "alpha words");
    add_call(log, NULL, "c-b", "cust-b", NULL, 3, "beta words");
    ck_assert_int_eq(eng_eventlog_flush(log), RP_OK);
    eng_eventlog *tool = NULL;
    ck_assert_int_eq(eng_eventlog_open_existing(t.path, true, &tool, err), RP_OK);
    lines out = {.len = 0};
    eng_eventlog_counts found;
    ck_assert_int_eq(eng_eventlog_export_customer(tool, "cust-a", collect, &out, &found, err),
                     RP_OK);
    ck_assert_uint_eq(found.calls, 1);
    ck_assert_uint_eq(found.events, 2);
    ck_assert_int_eq(out.n, 3);
    ck_assert_ptr_nonnull(strstr(out.buf, "{\"record\":\"call\",\"call\":\"c-a\","
                                          "\"customer\":\"cust-a\",\"agent\":\"agent-1\""));
    ck_assert_ptr_nonnull(strstr(out.buf, "\"queue\":\"billing\""));
    ck_assert_ptr_nonnull(strstr(out.buf, "{\"record\":\"event\",\"call\":\"c-a\",\"t_ms\":100,"
                                          "\"type\":\"escalation\""));
    ck_assert_ptr_nonnull(strstr(out.buf, "\"message\":{\"type\":\"escalation\",\"call\":\"c-a\","
                                          "\"quote\":\"alpha words\"}"));
    ck_assert_ptr_null(strstr(out.buf, "beta"));
    ck_assert_ptr_null(strstr(out.buf, "c-b"));
    /* an unknown customer: nothing, and no error */
    out.len = 0;
    out.n = 0;
    ck_assert_int_eq(eng_eventlog_export_customer(tool, "cust-z", collect, &out, &found, err),
                     RP_OK);
    ck_assert_int_eq(out.n, 0);
    ck_assert_int_eq(eng_eventlog_export_customer(tool, "bad id!", collect, &out, &found, err),
                     RP_EINVAL);
    ck_assert_ptr_nonnull(strstr(err, "not a valid customer id"));
    eng_eventlog_close(&tool);
    eng_eventlog_close(&log);
    tmpdb_remove(&t);
}
END_TEST

START_TEST(a_log_from_before_retention_is_upgraded)
{
    tmpdb t;
    tmpdb_make(&t);
    sqlite3 *db = NULL;
    ck_assert_int_eq(sqlite3_open(t.path, &db), SQLITE_OK);
    /* the schema rapportd wrote before this change (user_version 0) */
    ck_assert_int_eq(
        sqlite3_exec(db,
                     "PRAGMA journal_mode=WAL;"
                     "CREATE TABLE calls (call TEXT PRIMARY KEY, agent TEXT NOT NULL,"
                     " team TEXT NOT NULL, queue TEXT, medium TEXT NOT NULL, handler TEXT NOT NULL,"
                     " started_us INTEGER NOT NULL, ended_us INTEGER, logged_ms INTEGER NOT NULL);"
                     "CREATE TABLE events (id INTEGER PRIMARY KEY, call TEXT NOT NULL,"
                     " t_ms INTEGER NOT NULL, type TEXT NOT NULL, json TEXT NOT NULL,"
                     " logged_ms INTEGER NOT NULL);"
                     "INSERT INTO calls VALUES('old','a','t',NULL,'voice','human',1,2,1000000);"
                     "INSERT INTO events(call,t_ms,type,json,logged_ms) "
                     "VALUES('old',1,'cue','{}',1000000);",
                     NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(db);
    char err[RP_ERR_LEN];
    eng_eventlog *tool = NULL;
    /* read-only access cannot upgrade it: a clear error */
    ck_assert_int_eq(eng_eventlog_open_existing(t.path, true, &tool, err), RP_EIO);
    ck_assert_ptr_nonnull(strstr(err, "older rapportd"));
    eng_eventlog *log = NULL;
    ck_assert_int_eq(eng_eventlog_open(t.path, &log, err), RP_OK);
    eng_eventlog_close(&log);
    ck_assert_int_eq(query_i64(t.path, "pragma user_version"), 2);
    ck_assert_int_eq(query_i64(t.path, "select purge_after from calls"),
                     1000 + ENG_RETENTION_DEFAULT_DAYS * DAY_S);
    ck_assert_int_eq(query_i64(t.path, "select purge_after from events"),
                     1000 + ENG_RETENTION_DEFAULT_DAYS * DAY_S);
    ck_assert_int_eq(query_i64(t.path, "select count(*) from calls where customer is null"), 1);
    tmpdb_remove(&t);
}
END_TEST

START_TEST(tools_refuse_missing_files_and_other_databases)
{
    char err[RP_ERR_LEN];
    eng_eventlog *tool = NULL;
    ck_assert_int_eq(eng_eventlog_open_existing("/nonexistent/events.db", false, &tool, err),
                     RP_EIO);
    ck_assert_ptr_null(tool);
    ck_assert_ptr_nonnull(strstr(err, "/nonexistent/events.db: No such file"));
    tmpdb t;
    tmpdb_make(&t); /* an empty file: a valid, empty SQLite database */
    ck_assert_int_eq(eng_eventlog_open_existing(t.path, false, &tool, err), RP_EIO);
    ck_assert_ptr_nonnull(strstr(err, "not a rapport event log"));
    tmpdb_remove(&t);
}
END_TEST

Suite *eventlog_suite(void)
{
    Suite *s = suite_create("eventlog");
    TCase *tc = tcase_create("eventlog");
    tcase_add_test(tc, events_are_visible_to_readers_after_flush);
    tcase_add_test(tc, a_bad_path_is_a_clear_error);
    suite_add_tcase(s, tc);
    tc = tcase_create("privacy");
    tcase_add_test(tc, every_row_gets_the_deadline_of_its_queue);
    tcase_add_test(tc, a_purge_deletes_expired_rows_and_audits_counts_only);
    tcase_add_test(tc, maintain_purges_at_once_then_once_per_interval);
    tcase_add_test(tc, erase_removes_one_customer_down_to_the_file_bytes);
    tcase_add_test(tc, export_gives_the_customers_calls_and_events_only);
    tcase_add_test(tc, a_log_from_before_retention_is_upgraded);
    tcase_add_test(tc, tools_refuse_missing_files_and_other_databases);
    suite_add_tcase(s, tc);
    return s;
}
