/* tests/engine/test_eventlog.c - the SQLite event log: rows written, committed on
 * flush, readable by another connection; clear errors for bad paths. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine/eventlog.h"
#include "suites.h"

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
    ck_assert_int_eq(eng_eventlog_call_start(log, &cs), RP_OK);
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

Suite *eventlog_suite(void)
{
    Suite *s = suite_create("eventlog");
    TCase *tc = tcase_create("eventlog");
    tcase_add_test(tc, events_are_visible_to_readers_after_flush);
    tcase_add_test(tc, a_bad_path_is_a_clear_error);
    suite_add_tcase(s, tc);
    return s;
}
