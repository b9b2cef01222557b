/* engine/eventlog.h - the engine's durable record: calls and what happened in them.
 *
 * SQLite in WAL mode (synchronous=NORMAL: a committed event survives kill -9;
 * use synchronous=FULL to survive power loss). Tables `calls` (one row per call:
 * ids, queue, medium, start, end) and `events` (cues, prompts, escalations,
 * summaries, consent changes, supervisor acks: one row each with call time, type
 * and the message as JSON). Only outbound messages and metadata are logged: no
 * audio, no unredacted text (quotes are redacted before they leave a call).
 * Writes are batched: a transaction is committed by eng_eventlog_flush(), which
 * the loop thread calls every 100 ms. One thread only (the loop). Not real-time
 * safe (disk I/O): never called from workers.
 */
#ifndef ENGINE_EVENTLOG_H
#define ENGINE_EVENTLOG_H

#include <stdint.h>

#include "common/status.h"
#include "proto/proto.h"

typedef struct eng_eventlog eng_eventlog;

/* Opens or creates the database at path. RP_EIO with a message in err. */
RP_NODISCARD int eng_eventlog_open(const char *path, eng_eventlog **out, char *err);

/* Commits what is pending and closes. NULL-safe. */
void eng_eventlog_close(eng_eventlog **self_p);

/* Records a call's start / end. */
RP_NODISCARD int eng_eventlog_call_start(eng_eventlog *log, const proto_call_start *cs);
RP_NODISCARD int eng_eventlog_call_end(eng_eventlog *log, proto_str call, int64_t ts_us);

/* Records one message about a call (cue, prompt, escalation, summary, consent,
 * ack) with its JSON form (built by the caller with proto_to_json). */
RP_NODISCARD int eng_eventlog_event(eng_eventlog *log, proto_str call, uint32_t t_ms,
                                    const char *type, const char *json);

/* Commits the open transaction, if any. */
RP_NODISCARD int eng_eventlog_flush(eng_eventlog *log);

/* Rows written since open (for stats). */
uint64_t eng_eventlog_rows(const eng_eventlog *log);

#endif /* ENGINE_EVENTLOG_H */
