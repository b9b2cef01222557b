/* proto/examples.h - one example message of every type, as a short call.
 *
 * For integrators (`rapport example`), the protocol tests and the fuzz seed
 * corpus. The messages borrow from the proto_examples struct itself (samples,
 * evidence, checklist, snapshot rows), so it must stay alive and unmoved while
 * they are used. Pure, no allocation, deterministic.
 */
#ifndef PROTO_EXAMPLES_H
#define PROTO_EXAMPLES_H

#include <stddef.h>
#include <stdint.h>

#include "proto/proto.h"

#define PROTO_EXAMPLES_MAX    24
#define PROTO_EXAMPLE_SAMPLES 160 /* 20 ms at 8 kHz, 10 ms at 16 kHz */

typedef struct proto_examples {
    proto_msg msgs[PROTO_EXAMPLES_MAX];
    size_t n_msgs;
    /* storage the messages point into */
    uint8_t pcm16[PROTO_EXAMPLE_SAMPLES * 2];
    uint8_t mulaw[PROTO_EXAMPLE_SAMPLES];
    uint8_t alaw[PROTO_EXAMPLE_SAMPLES];
    uint8_t f32[PROTO_EXAMPLE_SAMPLES * 4];
    proto_kv evidence[4];
    proto_kv esc_evidence[2];
    proto_kv counters[4];
    proto_kv metrics[3];
    proto_str checklist[3];
    proto_open_cue open_cues[2];
    proto_call_state calls[2];
} proto_examples;

/* Fills ex with the example call: call_start, audio in all four encodings, chat
 * and transcript text, a frustration signal, a consent change, a snapshot
 * request, features, cue open and close, prompt, escalation, alert ack,
 * summary, stats, snapshot, call_end. Every optional field appears at least once. */
void proto_examples_init(proto_examples *ex);

#endif /* PROTO_EXAMPLES_H */
