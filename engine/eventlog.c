/* engine/eventlog.c - SQLite WAL event log with batched commits. */
#include "engine/eventlog.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "common/alloc.h"
#include "common/clock.h"

struct eng_eventlog {
    sqlite3 *db;
    sqlite3_stmt *ins_call, *end_call, *ins_event;
    bool in_tx;
    uint64_t rows;
};

static const char *const schema =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS calls ("
    " call TEXT PRIMARY KEY, agent TEXT NOT NULL, team TEXT NOT NULL, queue TEXT,"
    " medium TEXT NOT NULL, handler TEXT NOT NULL, started_us INTEGER NOT NULL,"
    " ended_us INTEGER, logged_ms INTEGER NOT NULL);"
    "CREATE TABLE IF NOT EXISTS events ("
    " id INTEGER PRIMARY KEY, call TEXT NOT NULL, t_ms INTEGER NOT NULL, type TEXT NOT NULL,"
    " json TEXT NOT NULL, logged_ms INTEGER NOT NULL);"
    "CREATE INDEX IF NOT EXISTS events_call ON events(call);";

int eng_eventlog_open(const char *path, eng_eventlog **out, char *err)
{
    *out = NULL;
    eng_eventlog *log = rp_calloc(1, sizeof *log);
    if (log == NULL) {
        snprintf(err, RP_ERR_LEN, "out of memory");
        return RP_ENOMEM;
    }
    char *msg = NULL;
    if (sqlite3_open_v2(path, &log->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) !=
            SQLITE_OK ||
        sqlite3_exec(log->db, schema, NULL, NULL, &msg) != SQLITE_OK ||
        sqlite3_prepare_v2(log->db,
                           "INSERT OR REPLACE INTO calls(call,agent,team,queue,medium,handler,"
                           "started_us,logged_ms) VALUES(?,?,?,?,?,?,?,?)",
                           -1, &log->ins_call, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(log->db, "UPDATE calls SET ended_us=? WHERE call=?", -1, &log->end_call,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(log->db,
                           "INSERT INTO events(call,t_ms,type,json,logged_ms) VALUES(?,?,?,?,?)",
                           -1, &log->ins_event, NULL) != SQLITE_OK) {
        snprintf(err, RP_ERR_LEN, "%s: %s", path,
                 msg != NULL ? msg : (log->db ? sqlite3_errmsg(log->db) : "cannot open"));
        sqlite3_free(msg);
        eng_eventlog_close(&log);
        return RP_EIO;
    }
    *out = log;
    return RP_OK;
}

void eng_eventlog_close(eng_eventlog **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    eng_eventlog *log = *self_p;
    if (log->in_tx && eng_eventlog_flush(log) != RP_OK) {
        /* closing anyway: SQLite rolls the open transaction back */
    }
    sqlite3_finalize(log->ins_call);
    sqlite3_finalize(log->end_call);
    sqlite3_finalize(log->ins_event);
    sqlite3_close(log->db);
    rp_free(log);
    *self_p = NULL;
}

static int begin(eng_eventlog *log)
{
    if (!log->in_tx) {
        if (sqlite3_exec(log->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
            return RP_EIO;
        }
        log->in_tx = true;
    }
    return RP_OK;
}

static int step(eng_eventlog *log, sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE) {
        return RP_EIO;
    }
    log->rows++;
    return RP_OK;
}

static void bind_str(sqlite3_stmt *st, int i, proto_str s)
{
    sqlite3_bind_text(st, i, s.ptr, (int)s.len, SQLITE_TRANSIENT);
}

int eng_eventlog_call_start(eng_eventlog *log, const proto_call_start *cs)
{
    static const char *const mediums[] = {"voice", "chat"};
    static const char *const handlers[] = {"human", "bot"};
    if (begin(log) != RP_OK) {
        return RP_EIO;
    }
    sqlite3_stmt *st = log->ins_call;
    bind_str(st, 1, cs->call);
    bind_str(st, 2, cs->agent);
    bind_str(st, 3, cs->team);
    if (cs->present & PROTO_CALL_START_QUEUE) {
        bind_str(st, 4, cs->queue);
    }
    sqlite3_bind_text(st, 5, mediums[cs->medium], -1, SQLITE_STATIC);
    sqlite3_bind_text(
        st, 6, handlers[(cs->present & PROTO_CALL_START_HANDLER) ? cs->handler : PROTO_HUMAN], -1,
        SQLITE_STATIC);
    sqlite3_bind_int64(st, 7, cs->ts_us);
    sqlite3_bind_int64(st, 8, rp_clock_wall_ms());
    return step(log, st);
}

int eng_eventlog_call_end(eng_eventlog *log, proto_str call, int64_t ts_us)
{
    if (begin(log) != RP_OK) {
        return RP_EIO;
    }
    sqlite3_bind_int64(log->end_call, 1, ts_us);
    bind_str(log->end_call, 2, call);
    return step(log, log->end_call);
}

int eng_eventlog_event(eng_eventlog *log, proto_str call, uint32_t t_ms, const char *type,
                       const char *json)
{
    if (begin(log) != RP_OK) {
        return RP_EIO;
    }
    sqlite3_stmt *st = log->ins_event;
    bind_str(st, 1, call);
    sqlite3_bind_int64(st, 2, t_ms);
    sqlite3_bind_text(st, 3, type, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, json, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 5, rp_clock_wall_ms());
    return step(log, st);
}

int eng_eventlog_flush(eng_eventlog *log)
{
    if (!log->in_tx) {
        return RP_OK;
    }
    log->in_tx = false;
    return sqlite3_exec(log->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK ? RP_OK : RP_EIO;
}

uint64_t eng_eventlog_rows(const eng_eventlog *log)
{
    return log->rows;
}
