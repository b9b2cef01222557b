/* engine/worker.h - a shard: one thread that owns a set of calls.
 *
 * The loop thread posts inbound wire messages into the worker's inbox (decoded
 * there, or for audio only peeked at to find the call); the worker decodes them
 * strictly (counting and reporting what fails), runs each call's pipeline and writes
 * what the calls conclude (encoded messages with their publishing topic) into its
 * outbox, which the loop thread drains. Inbox and outbox are lock-free SPSC rings
 * of length-prefixed records: the loop thread is their only producer/consumer on
 * one side and the worker on the other. Nothing blocks: a full ring refuses the
 * record and the refusal is counted. The worker allocates only when a call starts
 * (its eng_call and, at its first frame, each channel's dsp state); frames, text
 * and publishing allocate nothing.
 */
#ifndef ENGINE_WORKER_H
#define ENGINE_WORKER_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "common/status.h"
#include "engine/call.h"
#include "engine/playbook.h"

typedef struct eng_worker_config {
    uint32_t max_calls;  /* calls this shard holds at once; more are refused */
    size_t inbox_bytes;  /* power of two */
    size_t outbox_bytes; /* power of two */
} eng_worker_config;

/* Stage latency histograms: bin b counts durations in [2^b - 1, 2^(b+1) - 1) us. */
#define ENG_STAGE_BINS 24

/* Counters the loop thread reads for stats (relaxed atomics). */
typedef struct eng_worker_stats {
    atomic_uint_fast64_t frames;
    atomic_uint_fast64_t texts;
    atomic_uint_fast64_t rejected[ENG_REJ_COUNT];
    atomic_uint_fast64_t unknown_call; /* messages for a call that was never started */
    atomic_uint_fast64_t malformed;    /* audio the loop routed by its envelope only
                                          (proto_peek) that failed proto_decode here */
    atomic_uint_fast64_t duplicate_start;
    atomic_uint_fast64_t calls_refused; /* max_calls reached, or out of memory */
    atomic_uint_fast64_t out_dropped;   /* outbox full */
    atomic_uint_fast64_t calls_active;
    atomic_uint_fast64_t calls_total;
    atomic_uint_fast64_t queue_us[ENG_STAGE_BINS];   /* arrival at the loop -> worker starts */
    atomic_uint_fast64_t process_us[ENG_STAGE_BINS]; /* worker starts -> worker done */
} eng_worker_stats;

typedef struct eng_worker eng_worker;

eng_worker_config eng_worker_config_default(void);

/* Allocates the shard (rings, call table, nlp analyser, scratch). The playbook is
 * borrowed and must outlive the worker or be replaced with eng_worker_set_playbook. */
RP_NODISCARD int eng_worker_create(const eng_worker_config *cfg, const eng_playbook *pb,
                                   eng_worker **out);

/* Starts the thread. */
RP_NODISCARD int eng_worker_start(eng_worker *w);

/* Asks the thread to finish what is in the inbox, end its calls (their summaries
 * go to the outbox, which stays readable), and joins it. Idempotent. */
void eng_worker_stop(eng_worker *w);

/* Stops the worker if it runs, then frees everything. NULL-safe. */
void eng_worker_destroy(eng_worker **self_p);

/* Loop thread, before eng_worker_start: when the worker puts a record into its
 * outbox and *loop_sleeping is set, it clears the flag and writes 1 to the
 * eventfd wake_fd, so a sleeping loop wakes at once. Both must outlive the worker. */
void eng_worker_set_wakeup(eng_worker *w, atomic_int *loop_sleeping, int wake_fd);

/* Loop thread: the playbook for calls that start from now on. */
void eng_worker_set_playbook(eng_worker *w, const eng_playbook *pb);

/* Loop thread: queues one wire message with its arrival time, and wakes the worker
 * if it sleeps. The message was decoded by the loop, or (audio, the bulk of the
 * traffic) only peeked at with proto_peek to find its call: the worker decodes
 * every message strictly and counts and reports the ones that fail. RP_EFULL when the inbox has no
 * room (the caller counts the drop). */
RP_NODISCARD int eng_worker_post(eng_worker *w, const uint8_t *msg, size_t len,
                                 uint64_t arrival_ns);

/* Loop thread: takes the next outbound record. Returns 1 and fills the topic
 * (NUL-terminated, up to topic_cap), the message bytes (up to msg_cap) and the
 * arrival time of the inbound message that caused it; 0 when the outbox is empty.
 * An empty topic marks a rejection report instead: the bytes are a proto_error
 * saying why a message posted unread failed to decode (already counted in
 * stats.malformed), for the loop to log. */
int eng_worker_take(eng_worker *w, char *topic, size_t topic_cap, uint8_t *msg, size_t msg_cap,
                    size_t *msg_len, uint64_t *arrival_ns);

const eng_worker_stats *eng_worker_stats_of(const eng_worker *w);

/* Loop thread: true when the outbox holds a record. */
bool eng_worker_has_output(const eng_worker *w);

/* FNV-1a hash of a call id: the loop shards calls by it, workers index by it. */
uint64_t eng_call_hash(const char *id, size_t len);

#endif /* ENGINE_WORKER_H */
