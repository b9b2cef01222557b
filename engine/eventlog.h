/* engine/eventlog.h - the engine's durable record: calls and what happened in them.
 *
 * SQLite in WAL mode (synchronous=NORMAL: a committed event survives kill -9;
 * use synchronous=FULL to survive power loss). Tables `calls` (one row per call:
 * ids, customer id, queue, medium, start, end), `events` (cues, prompts,
 * escalations, summaries, consent changes, supervisor acks: one row each with call
 * time, type and the message as JSON) and `audit` (purges and erasures: counts and
 * times only, no personal data). Only outbound messages and metadata are logged:
 * no audio, no unredacted text (quotes are redacted before they leave a call).
 * Every row carries `purge_after` (Unix seconds): a call's rows share the deadline
 * set at its start from the playbook's [retention] days, and a purge deletes them
 * once it has passed. secure_delete is on: deleted content is overwritten.
 * Writes are batched: a transaction is committed by eng_eventlog_flush(), which
 * the loop thread calls every 100 ms. One thread only (the loop). Not real-time
 * safe (disk I/O): never called from workers. docs/privacy.md has the policy.
 */
#ifndef ENGINE_EVENTLOG_H
#define ENGINE_EVENTLOG_H

#include <stdbool.h>
#include <stdint.h>

#include "common/status.h"
#include "engine/playbook.h"
#include "proto/proto.h"

#define ENG_EVENTLOG_PURGE_INTERVAL_MS 60000u /* default time between two purges */
#define ENG_EVENTLOG_PURGE_BATCH       10000  /* rows per table per purge; more: again soon */

typedef struct eng_eventlog eng_eventlog;

/* Rows removed by a purge or an erasure, or found by an export. */
typedef struct eng_eventlog_counts {
    uint64_t calls;  /* rows of `calls` */
    uint64_t events; /* rows of `events` */
    uint64_t audit;  /* rows of `audit` (purges only: audit rows past their own deadline) */
    uint64_t live;   /* erase/export: calls among them with no end recorded */
} eng_eventlog_counts;

/* Opens or creates the database at path for the engine (creates and upgrades the
 * schema). RP_EIO with a message in err. */
RP_NODISCARD int eng_eventlog_open(const char *path, eng_eventlog **out, char *err);

/* Opens an existing database from another process while rapportd may be writing
 * to it (busy timeout; rapport erase / export). read_only: no schema upgrade and
 * no writes. RP_EIO with a message in err (missing file, not an event log). */
RP_NODISCARD int eng_eventlog_open_existing(const char *path, bool read_only, eng_eventlog **out,
                                            char *err);

/* Commits what is pending and closes. NULL-safe. */
void eng_eventlog_close(eng_eventlog **self_p);

/* Records a call's start with its retention deadline: now + the [retention] days
 * of its queue in pb (NULL: ENG_RETENTION_DEFAULT_DAYS). The call's events get
 * the same deadline. */
RP_NODISCARD int eng_eventlog_call_start(eng_eventlog *log, const proto_call_start *cs,
                                         const eng_playbook *pb);
/* Records a call's end. */
RP_NODISCARD int eng_eventlog_call_end(eng_eventlog *log, proto_str call, int64_t ts_us);

/* Records one message about a call (cue, prompt, escalation, summary, consent,
 * ack) with its JSON form (built by the caller with proto_to_json). */
RP_NODISCARD int eng_eventlog_event(eng_eventlog *log, proto_str call, uint32_t t_ms,
                                    const char *type, const char *json);

/* Commits the open transaction, if any. */
RP_NODISCARD int eng_eventlog_flush(eng_eventlog *log);

/* Time between two purges run by eng_eventlog_maintain(); 0 = never. */
void eng_eventlog_set_purge_interval(eng_eventlog *log, uint32_t interval_ms);

/* Purges when one is due (the first call always is): now_ns is rp_clock_mono_ns().
 * Commits the open batch first. The loop calls it beside eng_eventlog_flush(). */
RP_NODISCARD int eng_eventlog_maintain(eng_eventlog *log, uint64_t now_ns);

/* Deletes every row whose purge_after <= now_s (at most ENG_EVENTLOG_PURGE_BATCH
 * per table; the next eng_eventlog_maintain() goes on at once), and when it
 * removed something adds an audit row (action "purge", counts, time). Commits the
 * open batch first. removed may be NULL. */
RP_NODISCARD int eng_eventlog_purge(eng_eventlog *log, int64_t now_s, eng_eventlog_counts *removed);

/* Erasure (GDPR art. 17): deletes the customer's calls and every event of those
 * calls, adds an audit row (action "erase", counts and time only), then
 * checkpoints the WAL (TRUNCATE) and VACUUMs so that no free page or WAL frame
 * keeps a copy. customer is an id (proto_id_valid). A call with no recorded end
 * may still be live (its later events would no longer be linked to the customer):
 * unless include_open, such calls make it erase nothing and return RP_ESTATE with
 * removed->live set. RP_EINVAL for a bad id, RP_EIO with err on a database error or
 * when the WAL could not be truncated (busy). */
RP_NODISCARD int eng_eventlog_erase_customer(eng_eventlog *log, const char *customer,
                                             bool include_open, eng_eventlog_counts *removed,
                                             char *err);

/* Receives one JSON object (NUL-terminated, no newline); non-zero stops the export. */
typedef int (*eng_eventlog_line_fn)(const char *json, void *arg);

/* Access request (GDPR art. 15): every call of the customer, then every event of
 * those calls, each as one JSON object: {"record":"call",...} with the call's
 * columns, {"record":"event",...,"message":{...}} with the logged message. */
RP_NODISCARD int eng_eventlog_export_customer(eng_eventlog *log, const char *customer,
                                              eng_eventlog_line_fn fn, void *arg,
                                              eng_eventlog_counts *found, char *err);

/* Rows written since open (for stats). */
uint64_t eng_eventlog_rows(const eng_eventlog *log);

#endif /* ENGINE_EVENTLOG_H */
