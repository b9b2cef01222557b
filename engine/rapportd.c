/* engine/rapportd.c - the engine daemon: binds its sockets, runs the shards. */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/log.h"
#include "common/parse.h"
#include "engine/server.h"

static eng_server *g_server; /* for the signal handlers only */

static void on_stop(int sig)
{
    (void)sig;
    if (g_server != NULL) {
        eng_server_stop(g_server);
    }
}

static void on_hup(int sig)
{
    (void)sig;
    if (g_server != NULL) {
        eng_server_reload(g_server);
    }
}

static void usage(FILE *out)
{
    fprintf(
        out,
        "usage: rapportd --curve-key FILE --allowed-keys DIR --roles FILE [options]\n"
        "       rapportd --insecure-loopback [options]\n\n"
        "The rapport engine: takes calls' audio and chat over ZeroMQ, publishes cues,\n"
        "prompts, escalations, features and summaries, answers snapshot requests.\n\n"
        "  --ingest EP       PULL endpoint for gateways (default %s)\n"
        "  --publish EP      XPUB endpoint for consoles (default %s)\n"
        "  --requests EP     ROUTER endpoint for snapshots and acks (default %s)\n"
        "                    \"tcp://127.0.0.1:*\" picks a free port; the bound endpoints are\n"
        "                    printed on stdout as 'rapportd: ingest=... publish=... requests=...'\n"
        "  --workers N       shard threads (default: one per core)\n"
        "  --max-calls N     calls per shard (default 4096)\n"
        "  --playbook FILE   thresholds and prompts (docs/playbook.md); SIGHUP reloads it\n"
        "  --db FILE         SQLite event log (WAL); default: none\n"
        "  --stats-ms N      stats publishing interval (default 1000)\n"
        "  --purge-interval-ms N\n"
        "                    how often the event log deletes rows past their retention\n"
        "                    (playbook [retention] days; default 60000, 0 = never)\n"
        "  --log-level L     error, warn, info (default) or debug\n"
        "  --realtime PRIO   run every engine thread (loop, shards, ZeroMQ I/O) under\n"
        "                    SCHED_FIFO at priority PRIO (1..99), as media servers do, so\n"
        "                    a busy host cannot delay a frame behind other work (needs\n"
        "                    CAP_SYS_NICE or an rtprio limit; without it rapportd warns\n"
        "                    and runs with normal scheduling). Default: normal scheduling\n"
        "  --curve-key FILE  the engine's key pair (FILE and FILE_secret, from rapport keygen;\n"
        "                    the secret must be mode 0600): every socket is a CURVE server\n"
        "  --allowed-keys DIR\n"
        "                    the public certificates (*.key) of the clients that may connect\n"
        "  --roles FILE      each client key's role and scope: agent (own calls), supervisor\n"
        "                    (a team), gateway (may only send), admin (docs/operations.md)\n"
        "  --insecure-loopback\n"
        "                    development only: no encryption, no authentication, every client\n"
        "                    may do everything; only loopback, ipc:// and inproc:// endpoints\n"
        "  --help            this text\n\n"
        "Signals: SIGINT/SIGTERM stop cleanly (open calls get their summaries), SIGHUP\n"
        "reloads the playbook. Exit codes: 0 clean stop, 1 failed to start, 2 usage.\n",
        ENG_DEFAULT_INGEST, ENG_DEFAULT_PUBLISH, ENG_DEFAULT_REQUESTS);
}

/* SCHED_FIFO for this thread before any other starts: the shards and ZeroMQ's I/O
 * threads inherit it (threads are created with PTHREAD_INHERIT_SCHED). Every
 * engine thread sleeps when it has no work, and the kernel keeps 5 % of each
 * second for other tasks (sched_rt_runtime_us). Refused: a warning, normal
 * scheduling. */
static void use_realtime(uint32_t priority)
{
    struct sched_param sp;
    memset(&sp, 0, sizeof sp);
    sp.sched_priority = (int)priority;
    int rc = pthread_setschedparam(pthread_self(), SCHED_FIFO, &sp);
    if (rc != 0) {
        rp_log(RP_LOG_WARN, "rapportd",
               "--realtime %u refused (%s): running with normal scheduling; grant "
               "CAP_SYS_NICE or an rtprio limit (docs/operations.md)",
               priority, strerror(rc));
        return;
    }
    rp_log(RP_LOG_INFO, "rapportd", "real-time scheduling: SCHED_FIFO priority %u", priority);
}

static bool loopback_only(const char *ep)
{
    return strncmp(ep, "tcp://127.", 10) == 0 || strncmp(ep, "tcp://localhost:", 16) == 0 ||
           strncmp(ep, "tcp://[::1]:", 12) == 0 || strncmp(ep, "ipc://", 6) == 0 ||
           strncmp(ep, "inproc://", 9) == 0;
}

int main(int argc, char **argv)
{
    eng_server_config cfg = eng_server_config_default();
    bool insecure = false;
    bool curve_given = false;
    uint32_t rt_priority = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--insecure-loopback") == 0) {
            insecure = true;
        } else if (strcmp(a, "--curve-key") == 0 && has) {
            cfg.curve_key = argv[++i];
            curve_given = true;
        } else if (strcmp(a, "--allowed-keys") == 0 && has) {
            cfg.allowed_keys = argv[++i];
            curve_given = true;
        } else if (strcmp(a, "--roles") == 0 && has) {
            cfg.roles = argv[++i];
            curve_given = true;
        } else if (strcmp(a, "--ingest") == 0 && has) {
            cfg.ingest = argv[++i];
        } else if (strcmp(a, "--publish") == 0 && has) {
            cfg.publish = argv[++i];
        } else if (strcmp(a, "--requests") == 0 && has) {
            cfg.requests = argv[++i];
        } else if (strcmp(a, "--playbook") == 0 && has) {
            cfg.playbook_path = argv[++i];
        } else if (strcmp(a, "--db") == 0 && has) {
            cfg.db_path = argv[++i];
        } else if (strcmp(a, "--workers") == 0 && has) {
            if (!rp_parse_u32(argv[++i], 1, 256, &cfg.n_workers)) {
                fprintf(stderr, "rapportd: --workers takes 1..256\n");
                return 2;
            }
        } else if (strcmp(a, "--max-calls") == 0 && has) {
            if (!rp_parse_u32(argv[++i], 1, 1000000, &cfg.worker.max_calls)) {
                fprintf(stderr, "rapportd: --max-calls takes 1..1000000\n");
                return 2;
            }
        } else if (strcmp(a, "--stats-ms") == 0 && has) {
            if (!rp_parse_u32(argv[++i], 100, 3600000, &cfg.stats_interval_ms)) {
                fprintf(stderr, "rapportd: --stats-ms takes 100..3600000\n");
                return 2;
            }
        } else if (strcmp(a, "--purge-interval-ms") == 0 && has) {
            if (!rp_parse_u32(argv[++i], 0, 86400000, &cfg.purge_interval_ms)) {
                fprintf(stderr, "rapportd: --purge-interval-ms takes 0..86400000\n");
                return 2;
            }
        } else if (strcmp(a, "--realtime") == 0 && has) {
            if (!rp_parse_u32(argv[++i], 1, 99, &rt_priority)) {
                fprintf(stderr, "rapportd: --realtime takes a priority 1..99\n");
                return 2;
            }
        } else if (strcmp(a, "--log-level") == 0 && has) {
            rp_log_level level;
            if (!rp_log_level_parse(argv[++i], &level)) {
                fprintf(stderr, "rapportd: --log-level takes error, warn, info or debug\n");
                return 2;
            }
            rp_log_set_level(level);
        } else {
            fprintf(stderr, "rapportd: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (insecure && curve_given) {
        fprintf(stderr, "rapportd: --insecure-loopback cannot be combined with CURVE options\n");
        return 2;
    }
    if (!insecure && (cfg.curve_key == NULL || cfg.allowed_keys == NULL || cfg.roles == NULL)) {
        fprintf(stderr, "rapportd: CURVE needs --curve-key, --allowed-keys and --roles (the "
                        "authenticator); for development only, --insecure-loopback\n");
        return 2;
    }
    const char *eps[3] = {cfg.ingest, cfg.publish, cfg.requests};
    for (int i = 0; insecure && i < 3; i++) {
        if (!loopback_only(eps[i])) {
            fprintf(stderr, "rapportd: --insecure-loopback refuses the non-loopback endpoint %s\n",
                    eps[i]);
            return 2;
        }
    }
    if (insecure) {
        rp_log(RP_LOG_WARN, "rapportd",
               "*** INSECURE *** no encryption, no authentication, every client may do "
               "everything (--insecure-loopback): development only, never with real calls");
    }
    if (rt_priority > 0) {
        use_realtime(rt_priority);
    }
    char err[RP_ERR_LEN];
    eng_server *s = NULL;
    if (eng_server_create(&cfg, &s, err) != RP_OK) {
        rp_log(RP_LOG_ERROR, "rapportd", "cannot start: %s", err);
        return 1;
    }
    g_server = s;
    if (!insecure) {
        rp_log(RP_LOG_INFO, "rapportd",
               "CURVE on every socket; allowed keys from %s, roles from %s", cfg.allowed_keys,
               cfg.roles);
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sa.sa_handler = on_hup;
    sigaction(SIGHUP, &sa, NULL);
    printf("rapportd: ingest=%s publish=%s requests=%s\n", eng_server_endpoint(s, ENG_EP_INGEST),
           eng_server_endpoint(s, ENG_EP_PUBLISH), eng_server_endpoint(s, ENG_EP_REQUESTS));
    fflush(stdout);
    rp_log(RP_LOG_INFO, "rapportd", "running: ingest %s, publish %s, requests %s",
           eng_server_endpoint(s, ENG_EP_INGEST), eng_server_endpoint(s, ENG_EP_PUBLISH),
           eng_server_endpoint(s, ENG_EP_REQUESTS));
    int rc = eng_server_run(s);
    rp_log(RP_LOG_INFO, "rapportd", "stopping: ending open calls");
    g_server = NULL;
    eng_server_destroy(&s);
    rp_log(RP_LOG_INFO, "rapportd", "stopped");
    return rc == RP_OK ? 0 : 1;
}
