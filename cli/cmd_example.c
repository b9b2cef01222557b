/* cli/cmd_example.c - `rapport example`: the example call as wire-protocol messages. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "proto/examples.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: rapport example [--dir DIR] [--out FILE]\n\n"
                 "Writes one example of every wire-protocol message (a short call: call_start,\n"
                 "audio in every encoding, chat, signal, consent, features, cues, prompt,\n"
                 "escalation, ack, stats, snapshot, summary, call_end) as length-prefixed frames\n"
                 "(4-byte big-endian length + msgpack), the input format of 'rapport decode'.\n\n"
                 "  --out FILE   write the frames to FILE instead of stdout\n"
                 "  --dir DIR    instead, write each message alone to DIR/NN-TYPE.msgpack\n"
                 "  --help       this text\n\n"
                 "Try: rapport example | rapport decode\n");
}

int cli_example_main(int argc, char **argv)
{
    const char *out_path = NULL;
    const char *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(argv[i], "--out") == 0 && i + 1 < argc) {
            out_path = argv[++i];
        } else if (strcmp(argv[i], "--dir") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else {
            cli_error("example", "unknown or incomplete option '%s'", argv[i]);
            usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    if (out_path == NULL && dir == NULL && isatty(STDOUT_FILENO)) {
        cli_error("example", "refusing to write binary frames to a terminal; "
                             "pipe into 'rapport decode' or use --out FILE");
        return CLI_EXIT_USAGE;
    }
    static proto_examples ex;
    proto_examples_init(&ex);
    FILE *out = stdout;
    if (out_path != NULL && (out = fopen(out_path, "wb")) == NULL) {
        cli_error("example", "%s: %s", out_path, strerror(errno));
        return CLI_EXIT_FAIL;
    }
    int rc = CLI_EXIT_OK;
    for (size_t i = 0; i < ex.n_msgs && rc == CLI_EXIT_OK; i++) {
        static uint8_t buf[PROTO_MAX_MSG_BYTES];
        size_t n = 0;
        proto_error err;
        if (proto_encode(&ex.msgs[i], buf, sizeof buf, &n, &err) != RP_OK) {
            cli_error("example", "message %zu: %s: %s", i, err.path, err.reason);
            rc = CLI_EXIT_FAIL;
            break;
        }
        if (dir != NULL) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%02zu-%s.msgpack", dir, i,
                     proto_type_name(ex.msgs[i].type));
            FILE *f = fopen(path, "wb");
            if (f == NULL || fwrite(buf, 1, n, f) != n) {
                cli_error("example", "%s: %s", path, strerror(errno));
                rc = CLI_EXIT_FAIL;
            }
            if (f != NULL && fclose(f) != 0) {
                rc = CLI_EXIT_FAIL;
            }
            continue;
        }
        uint8_t head[4] = {(uint8_t)(n >> 24), (uint8_t)(n >> 16), (uint8_t)(n >> 8), (uint8_t)n};
        if (fwrite(head, 1, 4, out) != 4 || fwrite(buf, 1, n, out) != n) {
            cli_error("example", "write failed: %s", strerror(errno));
            rc = CLI_EXIT_FAIL;
        }
    }
    if (out != stdout && fclose(out) != 0) {
        cli_error("example", "%s: %s", out_path, strerror(errno));
        rc = CLI_EXIT_FAIL;
    }
    if (out == stdout && fflush(stdout) != 0) {
        rc = CLI_EXIT_FAIL;
    }
    return rc;
}
