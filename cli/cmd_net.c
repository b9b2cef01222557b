/* cli/cmd_net.c - talking to a running rapportd: send, listen, snapshot, stats. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zmq.h>

#include "cli/cli.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "common/parse.h"
#include "engine/idmap.h"

#define RECV_MAX (PROTO_MAX_MSG_BYTES + 1)

static void *connect_socket(void *ctx, int type, const char *ep, const char *cmd)
{
    void *s = zmq_socket(ctx, type);
    int linger = 2000;
    if (s == NULL) {
        cli_error(cmd, "zeromq: %s", zmq_strerror(zmq_errno()));
        return NULL;
    }
    zmq_setsockopt(s, ZMQ_LINGER, &linger, sizeof linger);
    int64_t maxmsg = (int64_t)PROTO_MAX_MSG_BYTES + 4096;
    zmq_setsockopt(s, ZMQ_MAXMSGSIZE, &maxmsg, sizeof maxmsg);
    if (cli_secure(s, cmd) != 0) {
        zmq_close(s);
        return NULL;
    }
    if (zmq_connect(s, ep) != 0) {
        cli_error(cmd, "cannot connect to %s: %s", ep, zmq_strerror(zmq_errno()));
        zmq_close(s);
        return NULL;
    }
    return s;
}

/* ---- rapport listen ---- */

/* The last seq seen per stream (a call, or engine/stats), direct-mapped: a call
 * that shares a slot with a newer one is forgotten, not misjudged. */
#define SEQ_SLOTS 4096u
typedef struct seq_slot {
    char call[PROTO_MAX_ID_BYTES + 1];
    uint64_t seq;
} seq_slot;

static void check_seq(seq_slot *slots, const proto_msg *m)
{
    uint64_t seq = 0;
    if (!proto_msg_seq(m, &seq)) {
        return;
    }
    proto_str call = proto_msg_call(m);
    if (call.ptr == NULL) {
        call = proto_cstr("engine/stats");
    }
    seq_slot *sl = &slots[eng_id_hash(call.ptr, call.len) % SEQ_SLOTS];
    if (!proto_str_eq(call, sl->call)) {
        memcpy(sl->call, call.ptr, call.len);
        sl->call[call.len] = '\0';
    } else if (seq > sl->seq + 1) {
        cli_error("listen", "gap: %llu message(s) of %s lost before seq %llu (ask for a snapshot)",
                  (unsigned long long)(seq - sl->seq - 1), sl->call, (unsigned long long)seq);
    }
    sl->seq = seq;
}

static void listen_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport listen --from EP [--topic PREFIX]... [--until TYPE] [--count N]\n"
            "                      [--timeout-ms T] [--format text|json]\n\n"
            "Subscribes to rapportd's publisher and prints what it publishes: a timeline\n"
            "(text, default) or one JSON message per line. Topics are prefixes of\n"
            "call/<team>/<agent>/<call>/<type> or engine/<type> (docs/protocol.md); none = all.\n"
            "Warns on stderr when a gap in a call's seq (or engine/stats') shows lost messages.\n\n"
            "  --until TYPE    stop after the first message of TYPE (e.g. summary)\n"
            "  --count N       stop after N messages\n"
            "  --timeout-ms T  stop after T ms without a message (exit 1 if none "
            "arrived)\n" CLI_SECURITY_USAGE);
}

int cli_listen_main(int argc, char **argv)
{
    const char *from = NULL, *until = NULL;
    const char *topics[16];
    int n_topics = 0;
    uint32_t count = 0, timeout_ms = 0;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0) {
            listen_usage(stdout);
            return CLI_EXIT_OK;
        } else if (cli_security_option(argc, argv, &i)) {
        } else if (strcmp(a, "--from") == 0 && has) {
            from = argv[++i];
        } else if (strcmp(a, "--topic") == 0 && has && n_topics < 16) {
            topics[n_topics++] = argv[++i];
        } else if (strcmp(a, "--until") == 0 && has) {
            until = argv[++i];
        } else if (strcmp(a, "--count") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 0, 86400000, &count)) {
            i++;
        } else if (strcmp(a, "--timeout-ms") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 0, 86400000, &timeout_ms)) {
            i++;
        } else if (strcmp(a, "--format") == 0 && has &&
                   (strcmp(argv[i + 1], "json") == 0 || strcmp(argv[i + 1], "text") == 0)) {
            json = strcmp(argv[++i], "json") == 0;
        } else {
            cli_error("listen", "unknown or incomplete option '%s'", a);
            listen_usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    if (from == NULL) {
        cli_error("listen", "--from ENDPOINT is required");
        return CLI_EXIT_USAGE;
    }
    void *ctx = zmq_ctx_new();
    void *sub = connect_socket(ctx, ZMQ_SUB, from, "listen");
    if (sub == NULL) {
        zmq_ctx_term(ctx);
        return CLI_EXIT_FAIL;
    }
    if (n_topics == 0) {
        zmq_setsockopt(sub, ZMQ_SUBSCRIBE, "", 0);
    }
    for (int i = 0; i < n_topics; i++) {
        zmq_setsockopt(sub, ZMQ_SUBSCRIBE, topics[i], strlen(topics[i]));
    }
    uint8_t *buf = rp_malloc(RECV_MAX);
    unsigned char *arena_mem = rp_malloc(PROTO_DECODE_ARENA_BYTES);
    char *line = rp_malloc(8u << 20);
    int rc = CLI_EXIT_OK;
    uint32_t got = 0;
    seq_slot *seqs = rp_calloc(SEQ_SLOTS, sizeof *seqs);
    bool done = buf == NULL || arena_mem == NULL || line == NULL || seqs == NULL;
    while (!done) {
        zmq_pollitem_t item = {sub, 0, ZMQ_POLLIN, 0};
        int r = zmq_poll(&item, 1, timeout_ms ? (long)timeout_ms : -1);
        if (r <= 0) {
            rc = got > 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
            if (r == 0 && got == 0) {
                cli_error("listen", "nothing received within %u ms", timeout_ms);
            }
            break;
        }
        char topic[256];
        int tn = zmq_recv(sub, topic, sizeof topic - 1, 0);
        if (tn < 0) {
            break;
        }
        topic[tn < (int)sizeof topic ? tn : (int)sizeof topic - 1] = '\0';
        int more = 0;
        size_t more_len = sizeof more;
        zmq_getsockopt(sub, ZMQ_RCVMORE, &more, &more_len);
        if (!more) {
            continue;
        }
        int n = zmq_recv(sub, buf, RECV_MAX, 0);
        if (n < 0) {
            break;
        }
        proto_arena arena;
        proto_arena_init(&arena, arena_mem, PROTO_DECODE_ARENA_BYTES);
        proto_msg m;
        proto_error err;
        if (proto_decode(buf, (size_t)n, &arena, &m, &err) != RP_OK) {
            cli_error("listen", "undecodable message on %s: %s: %s", topic, err.path, err.reason);
            continue;
        }
        check_seq(seqs, &m);
        got++;
        if (json) {
            size_t len = 0;
            if (proto_to_json(&m, line, 8u << 20, &len) == RP_OK) {
                printf("%s\n", line);
            }
        } else if (m.type == PROTO_T_STATS) {
            printf("stats: uptime %llu ms, calls %u\n", (unsigned long long)m.u.stats.uptime_ms,
                   m.u.stats.calls_active);
            for (uint32_t i = 0; i < m.u.stats.n_counters; i++) {
                printf("  %-32.*s %g\n", (int)m.u.stats.counters[i].name.len,
                       m.u.stats.counters[i].name.ptr, m.u.stats.counters[i].value);
            }
        } else {
            printf("%-40s ", topic);
            cli_print_event(&m, stdout);
        }
        fflush(stdout);
        if ((until != NULL && strcmp(proto_type_name(m.type), until) == 0) ||
            (count != 0 && got >= count)) {
            done = true;
        }
    }
    rp_free(buf);
    rp_free(arena_mem);
    rp_free(line);
    rp_free(seqs);
    zmq_close(sub);
    zmq_ctx_term(ctx);
    return rc;
}

/* ---- rapport stats ---- */

int cli_stats_main(int argc, char **argv)
{
    char *from = NULL;
    char text_fmt[] = "text";
    char *fmt = text_fmt;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            printf("usage: rapport stats --from EP [--format text|json]\n\n"
                   "Waits (up to 5 s) for rapportd's next statistics message and prints it:\n"
                   "messages in, rejections per reason, drops, latency percentiles, "
                   "calls.\n\n" CLI_SECURITY_USAGE);
            return CLI_EXIT_OK;
        } else if (cli_security_option(argc, argv, &i)) {
        } else if (strcmp(argv[i], "--from") == 0 && i + 1 < argc) {
            from = argv[++i];
        } else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
            fmt = argv[++i];
        } else {
            cli_error("stats", "unknown or incomplete option '%s'", argv[i]);
            return CLI_EXIT_USAGE;
        }
    }
    if (from == NULL || (strcmp(fmt, "text") != 0 && strcmp(fmt, "json") != 0)) {
        cli_error("stats", "usage: rapport stats --from EP [--format text|json]");
        return CLI_EXIT_USAGE;
    }
    char a0[] = "listen", a1[] = "--from", a3[] = "--topic", a4[] = "engine/stats";
    char a5[] = "--count", a6[] = "1", a7[] = "--timeout-ms", a8[] = "5000", a9[] = "--format";
    char *args[] = {a0, a1, from, a3, a4, a5, a6, a7, a8, a9, fmt};
    return cli_listen_main((int)(sizeof args / sizeof args[0]), args);
}

/* ---- rapport snapshot ---- */

int cli_snapshot_main(int argc, char **argv)
{
    const char *from = NULL;
    proto_msg req;
    memset(&req, 0, sizeof req);
    req.type = PROTO_T_SNAPSHOT_REQ;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0) {
            printf("usage: rapport snapshot --from EP [--team T] [--agent A] [--call C]\n\n"
                   "Asks rapportd's request socket for the current state of every live call\n"
                   "(in the given team/agent/call) and prints the snapshot as JSON; the\n"
                   "engine answers only with the calls this client's key may "
                   "see.\n\n" CLI_SECURITY_USAGE);
            return CLI_EXIT_OK;
        } else if (cli_security_option(argc, argv, &i)) {
        } else if (strcmp(a, "--from") == 0 && has) {
            from = argv[++i];
        } else if (strcmp(a, "--team") == 0 && has) {
            req.u.snapshot_req.present |= PROTO_SNAPSHOT_REQ_TEAM;
            req.u.snapshot_req.team = proto_cstr(argv[++i]);
        } else if (strcmp(a, "--agent") == 0 && has) {
            req.u.snapshot_req.present |= PROTO_SNAPSHOT_REQ_AGENT;
            req.u.snapshot_req.agent = proto_cstr(argv[++i]);
        } else if (strcmp(a, "--call") == 0 && has) {
            req.u.snapshot_req.present |= PROTO_SNAPSHOT_REQ_CALL;
            req.u.snapshot_req.call = proto_cstr(argv[++i]);
        } else {
            cli_error("snapshot", "unknown or incomplete option '%s'", a);
            return CLI_EXIT_USAGE;
        }
    }
    if (from == NULL) {
        cli_error("snapshot", "--from ENDPOINT is required");
        return CLI_EXIT_USAGE;
    }
    uint8_t out[1024];
    size_t n = 0;
    proto_error err;
    req.u.snapshot_req.present |= PROTO_SNAPSHOT_REQ_REQ_ID;
    req.u.snapshot_req.req_id = 1;
    if (proto_encode(&req, out, sizeof out, &n, &err) != RP_OK) {
        cli_error("snapshot", "%s: %s", err.path, err.reason);
        return CLI_EXIT_USAGE;
    }
    void *ctx = zmq_ctx_new();
    void *s = connect_socket(ctx, ZMQ_DEALER, from, "snapshot");
    if (s == NULL) {
        zmq_ctx_term(ctx);
        return CLI_EXIT_FAIL;
    }
    int rc = CLI_EXIT_FAIL;
    uint8_t *buf = rp_malloc(RECV_MAX);
    unsigned char *arena_mem = rp_malloc(PROTO_DECODE_ARENA_BYTES);
    char *json = rp_malloc(8u << 20);
    zmq_pollitem_t item = {s, 0, ZMQ_POLLIN, 0};
    if (buf != NULL && arena_mem != NULL && json != NULL && zmq_send(s, out, n, 0) >= 0 &&
        zmq_poll(&item, 1, 5000) == 1) {
        int got = zmq_recv(s, buf, RECV_MAX, 0);
        proto_arena arena;
        proto_arena_init(&arena, arena_mem, PROTO_DECODE_ARENA_BYTES);
        proto_msg m;
        size_t len = 0;
        if (got > 0 && proto_decode(buf, (size_t)got, &arena, &m, &err) == RP_OK &&
            proto_to_json(&m, json, 8u << 20, &len) == RP_OK) {
            printf("%s\n", json);
            rc = CLI_EXIT_OK;
        } else {
            cli_error("snapshot", "bad reply from %s", from);
        }
    } else {
        cli_error("snapshot", "no reply from %s within 5 s", from);
    }
    rp_free(buf);
    rp_free(arena_mem);
    rp_free(json);
    zmq_close(s);
    zmq_ctx_term(ctx);
    return rc;
}

/* ---- rapport send ---- */

static int send_frame(void *push, const uint8_t *data, size_t len)
{
    return zmq_send(push, data, len, 0) < 0 ? -1 : 0;
}

int cli_send_main(int argc, char **argv)
{
    const char *to = NULL;
    bool raw = false;
    int first = 1;
    for (; first < argc; first++) {
        const char *a = argv[first];
        if (strcmp(a, "--help") == 0) {
            printf("usage: rapport send --to EP [--raw] [FILE...]\n\n"
                   "Pushes wire-protocol messages to rapportd's ingest endpoint, as a gateway\n"
                   "would: length-prefixed frames (the format of 'rapport example'), or with\n"
                   "--raw one message per file. Messages are sent as they are, unchecked, so\n"
                   "this also tests how the engine handles bad input. FILE '-' or none: "
                   "stdin.\n\n" CLI_SECURITY_USAGE);
            return CLI_EXIT_OK;
        } else if (cli_security_option(argc, argv, &first)) {
        } else if (strcmp(a, "--to") == 0 && first + 1 < argc) {
            to = argv[++first];
        } else if (strcmp(a, "--raw") == 0) {
            raw = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_error("send", "unknown or incomplete option '%s'", a);
            return CLI_EXIT_USAGE;
        } else {
            break;
        }
    }
    if (to == NULL) {
        cli_error("send", "--to ENDPOINT is required");
        return CLI_EXIT_USAGE;
    }
    void *ctx = zmq_ctx_new();
    void *push = connect_socket(ctx, ZMQ_PUSH, to, "send");
    if (push == NULL) {
        zmq_ctx_term(ctx);
        return CLI_EXIT_FAIL;
    }
    uint8_t *buf = rp_malloc(RECV_MAX);
    int rc = buf == NULL ? CLI_EXIT_FAIL : CLI_EXIT_OK;
    long sent = 0;
    int n_files = first < argc ? argc - first : 1;
    for (int i = 0; i < n_files && rc == CLI_EXIT_OK; i++) {
        const char *path = first < argc ? argv[first + i] : "-";
        FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
        if (f == NULL) {
            cli_error("send", "%s: %s", path, strerror(errno));
            rc = CLI_EXIT_FAIL;
            break;
        }
        if (raw) {
            size_t n = fread(buf, 1, RECV_MAX, f);
            if (n > PROTO_MAX_MSG_BYTES) {
                cli_error("send", "%s: larger than %u bytes", path, PROTO_MAX_MSG_BYTES);
                rc = CLI_EXIT_FAIL;
            } else if (send_frame(push, buf, n) == 0) {
                sent++;
            }
        } else {
            uint8_t head[4];
            while (fread(head, 1, 4, f) == 4) {
                uint32_t len = (uint32_t)head[0] << 24 | (uint32_t)head[1] << 16 |
                               (uint32_t)head[2] << 8 | head[3];
                if (len > PROTO_MAX_MSG_BYTES || fread(buf, 1, len, f) != len) {
                    cli_error("send", "%s: bad frame after %ld messages", path, sent);
                    rc = CLI_EXIT_FAIL;
                    break;
                }
                if (send_frame(push, buf, len) == 0) {
                    sent++;
                }
            }
        }
        if (f != stdin) {
            fclose(f);
        }
    }
    fprintf(stderr, "rapport send: %ld message(s) sent to %s\n", sent, to);
    rp_free(buf);
    zmq_close(push);
    zmq_ctx_term(ctx);
    return rc;
}
