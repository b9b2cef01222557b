/* fuzz/proto_decode_fuzzer.c - arbitrary bytes into the wire decoder.
 *
 * Every input must give RP_OK or RP_EPROTO, never a crash, sanitizer report or
 * allocation; whatever decodes must re-encode and render as JSON (the encoder
 * enforces the same rules, so a disagreement aborts here). proto_peek (how rapportd
 * routes audio) reads the same bytes: whatever decodes must peek to the same type
 * and call. */
#include <stdint.h>
#include <stdlib.h>

#include "common/alloc.h"
#include "proto/proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unsigned char arena_mem[PROTO_DECODE_ARENA_BYTES];
    static uint8_t out[PROTO_MAX_MSG_BYTES];
    static char json[8u << 20];
    proto_arena arena;
    proto_arena_init(&arena, arena_mem, sizeof arena_mem);
    proto_msg msg;
    proto_error err;
    uint64_t allocs = rp_alloc_count();
    proto_type type;
    proto_str call;
    int peeked = proto_peek(data, size, &type, &call, &err);
    if (peeked != RP_OK && peeked != RP_EPROTO) {
        abort();
    }
    int rc = proto_decode(data, size, &arena, &msg, &err);
    if (rc != RP_OK && rc != RP_EPROTO) {
        abort();
    }
    if (rc == RP_OK) {
        proto_str want = proto_msg_call(&msg);
        if (peeked != RP_OK || type != msg.type ||
            (want.len > 0 && (call.ptr != want.ptr || call.len != want.len))) {
            abort(); /* the router would send it elsewhere than the decoder reads */
        }
    }
    if (rc == RP_OK) {
        size_t n = 0;
        if (proto_encode(&msg, out, sizeof out, &n, &err) != RP_OK) {
            abort(); /* decoder accepted what the encoder refuses */
        }
        if (proto_to_json(&msg, json, sizeof json, &n) != RP_OK) {
            abort();
        }
    }
    if (rp_alloc_count() != allocs) {
        abort();
    }
    return 0;
}
