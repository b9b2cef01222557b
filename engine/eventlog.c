/* engine/eventlog.c - SQLite WAL event log: batched commits, retention purges,
 * erasure and export by customer. */
#include "engine/eventlog.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "common/alloc.h"
#include "common/clock.h"
#include "common/log.h"

#define SCHEMA_VERSION 2 /* 1: no customer, purge_after or audit; 2: this file */
#define DAY_S          86400
/* rapportd waits this long for a lock held by `rapport erase` (a VACUUM) before a
 * write fails and is counted; the loop thread stalls meanwhile, so keep it short. */
#define ENGINE_BUSY_MS 250
/* rapport erase / export wait this long for rapportd's open batch (<= 100 ms). */
#define TOOL_BUSY_MS 10000
/* audit rows hold no personal data and are kept as long as anything may be */
#define AUDIT_KEEP_S ((int64_t)ENG_RETENTION_MAX_DAYS * DAY_S)

struct eng_eventlog {
    sqlite3 *db;
    sqlite3_stmt *ins_call, *end_call, *ins_event;
    bool in_tx;
    bool purge_again; /* the last purge hit its batch limit */
    uint64_t rows;
    uint64_t purge_interval_ns, last_purge_ns;
    uint32_t default_days; /* for events of a call that has no calls row */
};

static const char *const schema =
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "CREATE TABLE IF NOT EXISTS calls ("
    " call TEXT PRIMARY KEY, agent TEXT NOT NULL, team TEXT NOT NULL, queue TEXT,"
    " medium TEXT NOT NULL, handler TEXT NOT NULL, started_us INTEGER NOT NULL,"
    " ended_us INTEGER, logged_ms INTEGER NOT NULL, customer TEXT,"
    " purge_after INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS events ("
    " id INTEGER PRIMARY KEY, call TEXT NOT NULL, t_ms INTEGER NOT NULL, type TEXT NOT NULL,"
    " json TEXT NOT NULL, logged_ms INTEGER NOT NULL, purge_after INTEGER NOT NULL DEFAULT 0);"
    "CREATE TABLE IF NOT EXISTS audit ("
    " id INTEGER PRIMARY KEY, at_s INTEGER NOT NULL, action TEXT NOT NULL,"
    " calls INTEGER NOT NULL, events INTEGER NOT NULL, purge_after INTEGER NOT NULL);";

/* Columns added by schema version 2 to a version 1 database. */
static const struct {
    const char *table, *column, *decl;
} added_columns[] = {
    {"calls", "customer", "TEXT"},
    {"calls", "purge_after", "INTEGER NOT NULL DEFAULT 0"},
    {"events", "purge_after", "INTEGER NOT NULL DEFAULT 0"},
};

static const char *const indexes = "CREATE INDEX IF NOT EXISTS events_call ON events(call);"
                                   "CREATE INDEX IF NOT EXISTS events_purge ON events(purge_after);"
                                   "CREATE INDEX IF NOT EXISTS calls_purge ON calls(purge_after);"
                                   "CREATE INDEX IF NOT EXISTS calls_customer ON calls(customer);"
                                   "CREATE INDEX IF NOT EXISTS audit_purge ON audit(purge_after);";

static int64_t now_s(void)
{
    return rp_clock_wall_ms() / 1000;
}

static int exec(eng_eventlog *log, const char *sql, char *err)
{
    char *msg = NULL;
    if (sqlite3_exec(log->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        if (err != NULL) {
            snprintf(err, RP_ERR_LEN, "%s", msg != NULL ? msg : sqlite3_errmsg(log->db));
        }
        sqlite3_free(msg);
        return RP_EIO;
    }
    return RP_OK;
}

static int64_t query_int(eng_eventlog *log, const char *sql, int64_t fallback)
{
    sqlite3_stmt *st = NULL;
    int64_t v = fallback;
    if (sqlite3_prepare_v2(log->db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW) {
        v = sqlite3_column_int64(st, 0);
    }
    sqlite3_finalize(st);
    return v;
}

static bool has_column(eng_eventlog *log, const char *table, const char *column)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT %s FROM %s LIMIT 0", column, table);
    sqlite3_stmt *st = NULL;
    bool ok = sqlite3_prepare_v2(log->db, sql, -1, &st, NULL) == SQLITE_OK;
    sqlite3_finalize(st);
    return ok;
}

/* Creates the tables or brings a version 1 database to version 2. Rows written
 * before retention existed get the default deadline counted from when they were
 * logged. In one IMMEDIATE transaction: two processes may open the file at once. */
static int upgrade_schema(eng_eventlog *log, char *err)
{
    if (exec(log, schema, err) != RP_OK || exec(log, "BEGIN IMMEDIATE", err) != RP_OK) {
        return RP_EIO;
    }
    int rc = RP_OK;
    for (size_t i = 0; i < sizeof added_columns / sizeof added_columns[0] && rc == RP_OK; i++) {
        if (!has_column(log, added_columns[i].table, added_columns[i].column)) {
            char sql[160];
            snprintf(sql, sizeof sql, "ALTER TABLE %s ADD COLUMN %s %s", added_columns[i].table,
                     added_columns[i].column, added_columns[i].decl);
            rc = exec(log, sql, err);
        }
    }
    if (rc == RP_OK && query_int(log, "PRAGMA user_version", 0) < SCHEMA_VERSION) {
        char sql[320];
        snprintf(sql, sizeof sql,
                 "UPDATE calls SET purge_after = logged_ms / 1000 + %d WHERE purge_after = 0;"
                 "UPDATE events SET purge_after = logged_ms / 1000 + %d WHERE purge_after = 0;"
                 "PRAGMA user_version = %d;",
                 ENG_RETENTION_DEFAULT_DAYS * DAY_S, ENG_RETENTION_DEFAULT_DAYS * DAY_S,
                 SCHEMA_VERSION);
        rc = exec(log, sql, err);
    }
    if (rc == RP_OK) {
        rc = exec(log, indexes, err);
    }
    if (rc == RP_OK) {
        return exec(log, "COMMIT", err);
    }
    (void)exec(log, "ROLLBACK", NULL);
    return rc;
}

static int open_db(const char *path, int flags, eng_eventlog **out, char *err)
{
    *out = NULL;
    eng_eventlog *log = rp_calloc(1, sizeof *log);
    if (log == NULL) {
        snprintf(err, RP_ERR_LEN, "out of memory");
        return RP_ENOMEM;
    }
    log->default_days = ENG_RETENTION_DEFAULT_DAYS;
    log->purge_interval_ns = (uint64_t)ENG_EVENTLOG_PURGE_INTERVAL_MS * 1000000u;
    if (sqlite3_open_v2(path, &log->db, flags, NULL) != SQLITE_OK) {
        snprintf(err, RP_ERR_LEN, "%s: %s", path,
                 log->db != NULL ? sqlite3_errmsg(log->db) : "cannot open");
        eng_eventlog_close(&log);
        return RP_EIO;
    }
    *out = log;
    return RP_OK;
}

int eng_eventlog_open(const char *path, eng_eventlog **out, char *err)
{
    eng_eventlog *log = NULL;
    int rc = open_db(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &log, err);
    if (rc != RP_OK) {
        return rc;
    }
    char why[RP_ERR_LEN] = "";
    sqlite3_busy_timeout(log->db, ENGINE_BUSY_MS);
    if (exec(log, "PRAGMA secure_delete=ON", why) != RP_OK || upgrade_schema(log, why) != RP_OK ||
        sqlite3_prepare_v2(log->db,
                           "INSERT OR REPLACE INTO calls(call,agent,team,queue,medium,handler,"
                           "started_us,logged_ms,customer,purge_after) VALUES(?,?,?,?,?,?,?,?,?,?)",
                           -1, &log->ins_call, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(log->db, "UPDATE calls SET ended_us=? WHERE call=?", -1, &log->end_call,
                           NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(log->db,
                           "INSERT INTO events(call,t_ms,type,json,logged_ms,purge_after) "
                           "VALUES(?1,?2,?3,?4,?5,"
                           "COALESCE((SELECT purge_after FROM calls WHERE call=?1),?6))",
                           -1, &log->ins_event, NULL) != SQLITE_OK) {
        snprintf(err, RP_ERR_LEN, "%s: %s", path, why[0] ? why : sqlite3_errmsg(log->db));
        eng_eventlog_close(&log);
        return RP_EIO;
    }
    *out = log;
    return RP_OK;
}

int eng_eventlog_open_existing(const char *path, bool read_only, eng_eventlog **out, char *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, RP_ERR_LEN, "%s: %s", path, strerror(errno));
        return RP_EIO;
    }
    eng_eventlog *log = NULL;
    int rc = open_db(path, read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE, &log, err);
    if (rc != RP_OK) {
        return rc;
    }
    sqlite3_busy_timeout(log->db, TOOL_BUSY_MS);
    char why[RP_ERR_LEN] = "";
    if (!has_column(log, "calls", "call") || !has_column(log, "events", "json")) {
        snprintf(why, sizeof why, "not a rapport event log (no calls and events tables)");
    } else if (read_only && query_int(log, "PRAGMA user_version", 0) < SCHEMA_VERSION) {
        snprintf(why, sizeof why,
                 "written by an older rapportd (schema %d, no customer ids); open it once "
                 "without read-only access to upgrade it",
                 (int)query_int(log, "PRAGMA user_version", 0));
    } else if (!read_only && (exec(log, "PRAGMA secure_delete=ON", why) != RP_OK ||
                              exec(log, "PRAGMA temp_store=MEMORY", why) != RP_OK ||
                              upgrade_schema(log, why) != RP_OK)) {
        /* why is filled */
    }
    if (why[0] != '\0') {
        snprintf(err, RP_ERR_LEN, "%s: %s", path, why);
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

int eng_eventlog_call_start(eng_eventlog *log, const proto_call_start *cs, const eng_playbook *pb)
{
    static const char *const mediums[] = {"voice", "chat"};
    static const char *const handlers[] = {"human", "bot"};
    if (begin(log) != RP_OK) {
        return RP_EIO;
    }
    uint32_t days = ENG_RETENTION_DEFAULT_DAYS;
    if (pb != NULL) {
        log->default_days = eng_playbook_retention_days(pb, NULL, 0);
        bool queued = (cs->present & PROTO_CALL_START_QUEUE) != 0;
        days = eng_playbook_retention_days(pb, queued ? cs->queue.ptr : NULL,
                                           queued ? cs->queue.len : 0);
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
    int64_t wall_ms = rp_clock_wall_ms();
    sqlite3_bind_int64(st, 8, wall_ms);
    if (cs->present & PROTO_CALL_START_CUSTOMER) {
        bind_str(st, 9, cs->customer);
    }
    sqlite3_bind_int64(st, 10, wall_ms / 1000 + (int64_t)days * DAY_S);
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
    int64_t wall_ms = rp_clock_wall_ms();
    sqlite3_bind_int64(st, 5, wall_ms);
    sqlite3_bind_int64(st, 6, wall_ms / 1000 + (int64_t)log->default_days * DAY_S);
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

/* ---- retention ---- */

void eng_eventlog_set_purge_interval(eng_eventlog *log, uint32_t interval_ms)
{
    log->purge_interval_ns = (uint64_t)interval_ms * 1000000u;
}

int eng_eventlog_maintain(eng_eventlog *log, uint64_t now_ns)
{
    if (log->purge_interval_ns == 0 || (log->last_purge_ns != 0 && !log->purge_again &&
                                        now_ns - log->last_purge_ns < log->purge_interval_ns)) {
        return RP_OK;
    }
    log->last_purge_ns = now_ns != 0 ? now_ns : 1;
    eng_eventlog_counts removed;
    int rc = eng_eventlog_purge(log, now_s(), &removed);
    if (rc != RP_OK) {
        rp_log(RP_LOG_ERROR, "eventlog", "purge failed: %s", sqlite3_errmsg(log->db));
    } else if (removed.calls + removed.events + removed.audit > 0) {
        rp_log(RP_LOG_INFO, "eventlog",
               "purged %llu calls, %llu events, %llu audit rows past their retention",
               (unsigned long long)removed.calls, (unsigned long long)removed.events,
               (unsigned long long)removed.audit);
    }
    return rc;
}

/* Runs sql with ?1 = an integer and ?2 = another; *changes = rows it changed. */
static int run2(eng_eventlog *log, const char *sql, int64_t a, int64_t b, uint64_t *changes)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(log->db, sql, -1, &st, NULL) != SQLITE_OK) {
        return RP_EIO;
    }
    sqlite3_bind_int64(st, 1, a);
    sqlite3_bind_int64(st, 2, b);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        return RP_EIO;
    }
    if (changes != NULL) {
        *changes = (uint64_t)sqlite3_changes64(log->db);
    }
    return RP_OK;
}

static int add_audit(eng_eventlog *log, const char *action, int64_t at_s,
                     const eng_eventlog_counts *c)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(log->db,
                           "INSERT INTO audit(at_s,action,calls,events,purge_after) "
                           "VALUES(?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK) {
        return RP_EIO;
    }
    sqlite3_bind_int64(st, 1, at_s);
    sqlite3_bind_text(st, 2, action, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 3, (int64_t)c->calls);
    sqlite3_bind_int64(st, 4, (int64_t)c->events);
    sqlite3_bind_int64(st, 5, at_s + AUDIT_KEEP_S);
    int rc = sqlite3_step(st);
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RP_OK : RP_EIO;
}

int eng_eventlog_purge(eng_eventlog *log, int64_t at_s, eng_eventlog_counts *removed)
{
    eng_eventlog_counts c = {0};
    if (removed != NULL) {
        *removed = c;
    }
    if (eng_eventlog_flush(log) != RP_OK || begin(log) != RP_OK) {
        return RP_EIO;
    }
    int rc = run2(log,
                  "DELETE FROM events WHERE id IN "
                  "(SELECT id FROM events WHERE purge_after <= ?1 LIMIT ?2)",
                  at_s, ENG_EVENTLOG_PURGE_BATCH, &c.events);
    if (rc == RP_OK) {
        rc = run2(log,
                  "DELETE FROM calls WHERE rowid IN "
                  "(SELECT rowid FROM calls WHERE purge_after <= ?1 LIMIT ?2)",
                  at_s, ENG_EVENTLOG_PURGE_BATCH, &c.calls);
    }
    if (rc == RP_OK) {
        rc = run2(log,
                  "DELETE FROM audit WHERE id IN "
                  "(SELECT id FROM audit WHERE purge_after <= ?1 LIMIT ?2)",
                  at_s, ENG_EVENTLOG_PURGE_BATCH, &c.audit);
    }
    if (rc == RP_OK && c.calls + c.events + c.audit > 0) {
        rc = add_audit(log, "purge", at_s, &c);
    }
    if (rc != RP_OK) {
        (void)exec(log, "ROLLBACK", NULL);
        log->in_tx = false;
        return rc;
    }
    log->purge_again = c.calls >= ENG_EVENTLOG_PURGE_BATCH ||
                       c.events >= ENG_EVENTLOG_PURGE_BATCH || c.audit >= ENG_EVENTLOG_PURGE_BATCH;
    log->rows += (c.calls + c.events + c.audit > 0) ? 1 : 0; /* the audit row */
    if (eng_eventlog_flush(log) != RP_OK) {
        return RP_EIO;
    }
    if (removed != NULL) {
        *removed = c;
    }
    return RP_OK;
}

/* ---- erasure and access ---- */

/* Prepares sql and binds the customer id to ?1. */
static int prepare_customer(eng_eventlog *log, const char *sql, const char *customer,
                            sqlite3_stmt **st)
{
    if (sqlite3_prepare_v2(log->db, sql, -1, st, NULL) != SQLITE_OK) {
        return RP_EIO;
    }
    sqlite3_bind_text(*st, 1, customer, -1, SQLITE_STATIC);
    return RP_OK;
}

static int count_customer(eng_eventlog *log, const char *sql, const char *customer, uint64_t *n)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare_customer(log, sql, customer, &st);
    if (rc == RP_OK) {
        rc = sqlite3_step(st) == SQLITE_ROW ? RP_OK : RP_EIO;
        *n = rc == RP_OK ? (uint64_t)sqlite3_column_int64(st, 0) : 0;
    }
    sqlite3_finalize(st);
    return rc;
}

static int delete_customer(eng_eventlog *log, const char *sql, const char *customer, uint64_t *n)
{
    sqlite3_stmt *st = NULL;
    int rc = prepare_customer(log, sql, customer, &st);
    if (rc == RP_OK) {
        rc = sqlite3_step(st) == SQLITE_DONE ? RP_OK : RP_EIO;
        *n = (uint64_t)sqlite3_changes64(log->db);
    }
    sqlite3_finalize(st);
    return rc;
}

/* wal_checkpoint(TRUNCATE): every WAL frame copied into the database file and the
 * WAL cut to zero bytes. SQLITE_BUSY (a reader or writer in the way after the busy
 * timeout) is an error: copies of deleted pages would stay in the WAL. */
static int checkpoint_truncate(eng_eventlog *log, char *err)
{
    int n_log = -1, n_ckpt = -1;
    int rc = sqlite3_wal_checkpoint_v2(log->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, &n_log, &n_ckpt);
    if (rc != SQLITE_OK) {
        snprintf(err, RP_ERR_LEN, "WAL checkpoint (TRUNCATE) failed: %s (%d of %d frames copied)",
                 rc == SQLITE_BUSY ? "the database stayed busy" : sqlite3_errmsg(log->db), n_ckpt,
                 n_log);
        return RP_EIO;
    }
    return RP_OK;
}

int eng_eventlog_erase_customer(eng_eventlog *log, const char *customer, bool include_open,
                                eng_eventlog_counts *removed, char *err)
{
    eng_eventlog_counts c = {0};
    *removed = c;
    if (customer == NULL || !proto_id_valid(customer, strlen(customer))) {
        snprintf(err, RP_ERR_LEN, "not a valid customer id (1..64 bytes of A-Z a-z 0-9 _ . : @ -)");
        return RP_EINVAL;
    }
    if (eng_eventlog_flush(log) != RP_OK || exec(log, "BEGIN IMMEDIATE", err) != RP_OK) {
        return RP_EIO;
    }
    int rc =
        count_customer(log, "SELECT count(*) FROM calls WHERE customer = ?1 AND ended_us IS NULL",
                       customer, &c.live);
    if (rc == RP_OK && c.live > 0 && !include_open) {
        (void)exec(log, "ROLLBACK", NULL);
        removed->live = c.live;
        snprintf(err, RP_ERR_LEN,
                 "%llu call(s) of this customer have no recorded end (live, or cut off by a "
                 "crash); nothing erased",
                 (unsigned long long)c.live);
        return RP_ESTATE;
    }
    if (rc == RP_OK) {
        rc = delete_customer(
            log, "DELETE FROM events WHERE call IN (SELECT call FROM calls WHERE customer = ?1)",
            customer, &c.events);
    }
    if (rc == RP_OK) {
        rc = delete_customer(log, "DELETE FROM calls WHERE customer = ?1", customer, &c.calls);
    }
    if (rc == RP_OK) {
        rc = add_audit(log, "erase", now_s(), &c);
    }
    if (rc != RP_OK) {
        snprintf(err, RP_ERR_LEN, "erase failed: %s", sqlite3_errmsg(log->db));
        (void)exec(log, "ROLLBACK", NULL);
        return RP_EIO;
    }
    if (exec(log, "COMMIT", err) != RP_OK) {
        (void)exec(log, "ROLLBACK", NULL);
        return RP_EIO;
    }
    *removed = c;
    /* The rows are gone and secure_delete zeroed their cells, but older versions
     * of those pages stay in WAL frames until a checkpoint, and VACUUM rebuilds the
     * file without free pages; the last checkpoint empties the WAL VACUUM wrote. */
    if (checkpoint_truncate(log, err) != RP_OK) {
        return RP_EIO;
    }
    if (exec(log, "VACUUM", err) != RP_OK) {
        return RP_EIO;
    }
    return checkpoint_truncate(log, err);
}

static int export_rows(eng_eventlog *log, const char *sql, const char *customer,
                       eng_eventlog_line_fn fn, void *arg, uint64_t *n, char *err)
{
    sqlite3_stmt *st = NULL;
    if (prepare_customer(log, sql, customer, &st) != RP_OK) {
        snprintf(err, RP_ERR_LEN, "export failed: %s", sqlite3_errmsg(log->db));
        return RP_EIO;
    }
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *json = (const char *)sqlite3_column_text(st, 0);
        if (json == NULL) {
            continue;
        }
        (*n)++;
        if (fn(json, arg) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    if (rc != SQLITE_DONE) {
        snprintf(err, RP_ERR_LEN, "export failed: %s", sqlite3_errmsg(log->db));
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? RP_OK : RP_EIO;
}

int eng_eventlog_export_customer(eng_eventlog *log, const char *customer, eng_eventlog_line_fn fn,
                                 void *arg, eng_eventlog_counts *found, char *err)
{
    eng_eventlog_counts c = {0};
    *found = c;
    if (customer == NULL || !proto_id_valid(customer, strlen(customer))) {
        snprintf(err, RP_ERR_LEN, "not a valid customer id (1..64 bytes of A-Z a-z 0-9 _ . : @ -)");
        return RP_EINVAL;
    }
    /* one read transaction: calls and events from the same snapshot */
    if (eng_eventlog_flush(log) != RP_OK || exec(log, "BEGIN", err) != RP_OK) {
        return RP_EIO;
    }
    int rc =
        count_customer(log, "SELECT count(*) FROM calls WHERE customer = ?1 AND ended_us IS NULL",
                       customer, &c.live);
    if (rc == RP_OK) {
        rc = export_rows(
            log,
            "SELECT json_object('record','call','call',call,'customer',customer,'agent',agent,"
            "'team',team,'queue',queue,'medium',medium,'handler',handler,'started_us',started_us,"
            "'ended_us',ended_us,'logged_ms',logged_ms,'purge_after',purge_after) "
            "FROM calls WHERE customer = ?1 ORDER BY started_us, call",
            customer, fn, arg, &c.calls, err);
    } else {
        snprintf(err, RP_ERR_LEN, "export failed: %s", sqlite3_errmsg(log->db));
    }
    if (rc == RP_OK) {
        rc = export_rows(log,
                         "SELECT json_object('record','event','call',e.call,'t_ms',e.t_ms,"
                         "'type',e.type,'logged_ms',e.logged_ms,'purge_after',e.purge_after,"
                         "'message',json(e.json)) "
                         "FROM events e JOIN calls c ON c.call = e.call "
                         "WHERE c.customer = ?1 ORDER BY c.started_us, e.call, e.id",
                         customer, fn, arg, &c.events, err);
    }
    (void)exec(log, "COMMIT", NULL);
    *found = c;
    return rc;
}

uint64_t eng_eventlog_rows(const eng_eventlog *log)
{
    return log->rows;
}
