/* cli/cmd_decode.c - `rapport decode`: wire-protocol messages to JSON lines.
 *
 * Input is a stream of length-prefixed frames (4-byte big-endian length, then that
 * many bytes of one msgpack message: the format `rapport example` writes and
 * docs/protocol.md describes), or with --raw one message per file. Memory is
 * bounded whatever the input: one frame buffer of PROTO_MAX_MSG_BYTES, one decode
 * arena and one JSON buffer, allocated once (about 13 MiB in all).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "common/alloc.h"
#include "proto/proto.h"

/* JSON can be several times larger than msgpack (escapes, number text). */
#define JSON_BYTES (8u << 20)

typedef struct decode_ctx {
    uint8_t *frame;
    unsigned char *arena_mem;
    char *json;
    bool keep_going;
    long n_ok;
    long n_bad;
} decode_ctx;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport decode [--raw] [--keep-going] [FILE...]\n\n"
            "Prints each rapport wire-protocol message as one line of JSON on stdout, or\n"
            "says which field is wrong and why on stderr.\n\n"
            "Input: length-prefixed frames (a 4-byte big-endian length, then one msgpack\n"
            "message), as written by 'rapport example'; FILE '-' or none reads stdin.\n\n"
            "  --raw          each FILE holds exactly one message, with no length prefix\n"
            "  --keep-going   report a bad message and continue with the next one\n"
            "  --help         this text\n\n"
            "Limits: a message is at most %u bytes; see docs/protocol.md for the rest.\n"
            "Exit: 0 every message decoded, 1 a message or file was bad, 2 usage error.\n",
            PROTO_MAX_MSG_BYTES);
}

/* Decodes one message and prints it; returns false when it was rejected. */
static bool decode_one(decode_ctx *c, const char *name, long index, size_t offset, size_t len)
{
    proto_arena arena;
    proto_arena_init(&arena, c->arena_mem, PROTO_DECODE_ARENA_BYTES);
    proto_msg msg;
    proto_error err;
    int rc = proto_decode(c->frame, len, &arena, &msg, &err);
    if (rc != RP_OK) {
        cli_error("decode", "%s: message %ld (byte %zu): %s%s%s", name, index, offset + err.offset,
                  err.path, err.path[0] ? ": " : "", err.reason);
        c->n_bad++;
        return false;
    }
    size_t n = 0;
    if (proto_to_json(&msg, c->json, JSON_BYTES, &n) != RP_OK) {
        cli_error("decode", "%s: message %ld: JSON form larger than %u bytes", name, index,
                  JSON_BYTES);
        c->n_bad++;
        return false;
    }
    fwrite(c->json, 1, n, stdout);
    fputc('\n', stdout);
    c->n_ok++;
    return true;
}

/* Reads exactly n bytes; returns how many were read before EOF. */
static size_t read_full(FILE *f, uint8_t *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        size_t r = fread(buf + got, 1, n - got, f);
        if (r == 0) {
            break;
        }
        got += r;
    }
    return got;
}

/* Returns false on a fatal framing error (stop this file). */
static bool decode_frames(decode_ctx *c, FILE *f, const char *name)
{
    size_t offset = 0;
    for (long index = 1;; index++) {
        uint8_t head[4];
        size_t got = read_full(f, head, 4);
        if (got == 0) {
            return true;
        }
        if (got < 4) {
            cli_error("decode",
                      "%s: message %ld (byte %zu): truncated length prefix (%zu of 4 bytes)", name,
                      index, offset, got);
            c->n_bad++;
            return false;
        }
        uint32_t len =
            (uint32_t)head[0] << 24 | (uint32_t)head[1] << 16 | (uint32_t)head[2] << 8 | head[3];
        offset += 4;
        if (len == 0 || len > PROTO_MAX_MSG_BYTES) {
            cli_error("decode",
                      "%s: message %ld (byte %zu): frame length %u is outside 1..%u; "
                      "is this a length-prefixed file? (try --raw)",
                      name, index, offset - 4, len, PROTO_MAX_MSG_BYTES);
            c->n_bad++;
            return false;
        }
        got = read_full(f, c->frame, len);
        if (got < len) {
            cli_error("decode", "%s: message %ld (byte %zu): truncated frame (%zu of %u bytes)",
                      name, index, offset, got, len);
            c->n_bad++;
            return false;
        }
        if (!decode_one(c, name, index, offset, len) && !c->keep_going) {
            return false;
        }
        offset += len;
    }
}

static bool decode_raw(decode_ctx *c, FILE *f, const char *name)
{
    size_t n = read_full(f, c->frame, PROTO_MAX_MSG_BYTES);
    if (n == PROTO_MAX_MSG_BYTES && fgetc(f) != EOF) {
        cli_error("decode", "%s: larger than the message limit of %u bytes", name,
                  PROTO_MAX_MSG_BYTES);
        c->n_bad++;
        return false;
    }
    return decode_one(c, name, 1, 0, n);
}

int cli_decode_main(int argc, char **argv)
{
    bool raw = false;
    decode_ctx c = {0};
    int first = 1;
    for (; first < argc; first++) {
        const char *a = argv[first];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--raw") == 0) {
            raw = true;
        } else if (strcmp(a, "--keep-going") == 0) {
            c.keep_going = true;
        } else if (strcmp(a, "--") == 0) {
            first++;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_error("decode", "unknown option '%s'", a);
            usage(stderr);
            return CLI_EXIT_USAGE;
        } else {
            break;
        }
    }
    c.frame = rp_malloc(PROTO_MAX_MSG_BYTES);
    c.arena_mem = rp_malloc(PROTO_DECODE_ARENA_BYTES);
    c.json = rp_malloc(JSON_BYTES);
    if (c.frame == NULL || c.arena_mem == NULL || c.json == NULL) {
        cli_error("decode", "out of memory");
        rp_free(c.frame);
        rp_free(c.arena_mem);
        rp_free(c.json);
        return CLI_EXIT_FAIL;
    }
    static const char *const stdin_only[] = {"-"};
    const char *const *files = first < argc ? (const char *const *)argv + first : stdin_only;
    int n_files = first < argc ? argc - first : 1;
    bool stop = false;
    for (int i = 0; i < n_files && !stop; i++) {
        bool is_stdin = strcmp(files[i], "-") == 0;
        const char *name = is_stdin ? "<stdin>" : files[i];
        FILE *f = is_stdin ? stdin : fopen(files[i], "rb");
        if (f == NULL) {
            cli_error("decode", "%s: %s", name, strerror(errno));
            c.n_bad++;
            stop = !c.keep_going;
            continue;
        }
        bool ok = raw ? decode_raw(&c, f, name) : decode_frames(&c, f, name);
        if (!is_stdin) {
            fclose(f);
        }
        stop = !ok && !c.keep_going;
    }
    fflush(stdout);
    rp_free(c.frame);
    rp_free(c.arena_mem);
    rp_free(c.json);
    return c.n_bad == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}
