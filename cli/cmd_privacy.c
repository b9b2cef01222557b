/* cli/cmd_privacy.c - `rapport erase` and `rapport export`: a customer's erasure
 * and access requests against rapportd's event log (docs/privacy.md). Both work
 * while rapportd is writing to the same file (SQLite WAL, busy timeout). */
#include <string.h>

#include "cli/cli.h"
#include "engine/eventlog.h"

static void erase_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport erase --db PATH --customer ID [--include-open]\n\n"
            "Erasure request (GDPR art. 17, CCPA deletion): deletes every call of the customer\n"
            "(call_start.customer = ID) and every event of those calls from rapportd's event log,\n"
            "with secure_delete, then checkpoints the WAL (TRUNCATE) and VACUUMs the file so no\n"
            "free page or WAL frame keeps a copy. Writes an audit row with the counts only (no\n"
            "id). Works while rapportd is running. Prints what it removed.\n\n"
            "  --db PATH        the event log (rapportd --db)\n"
            "  --customer ID    the customer id as the gateway sent it in call_start\n"
            "  --include-open   also erase calls with no recorded end (live, or cut off by a\n"
            "                   crash); without it such calls make erase refuse (exit 1)\n");
}

static void export_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport export --db PATH --customer ID [--format json]\n\n"
            "Access request (GDPR art. 15, CCPA right to know): prints everything the event log\n"
            "holds about the customer, one JSON object per line: first each call\n"
            "({\"record\":\"call\",...}: ids, queue, medium, times, retention deadline), then\n"
            "each event of those calls ({\"record\":\"event\",...,\"message\":{...}}: cues,\n"
            "prompts, escalations with their redacted quotes, consent changes, summaries).\n"
            "Opens the file read-only; works while rapportd is running.\n\n"
            "  --db PATH        the event log (rapportd --db)\n"
            "  --customer ID    the customer id as the gateway sent it in call_start\n"
            "  --format json    JSON lines (the only format)\n");
}

typedef struct privacy_args {
    const char *db, *customer;
    bool include_open;
} privacy_args;

/* Parses the shared options; returns -1 to go on, else an exit code. */
static int parse_args(const char *cmd, int argc, char **argv, bool is_erase, privacy_args *a)
{
    void (*usage)(FILE *) = is_erase ? erase_usage : export_usage;
    memset(a, 0, sizeof *a);
    for (int i = 1; i < argc; i++) {
        bool has = i + 1 < argc;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(argv[i], "--db") == 0 && has) {
            a->db = argv[++i];
        } else if (strcmp(argv[i], "--customer") == 0 && has) {
            a->customer = argv[++i];
        } else if (is_erase && strcmp(argv[i], "--include-open") == 0) {
            a->include_open = true;
        } else if (!is_erase && strcmp(argv[i], "--format") == 0 && has) {
            if (strcmp(argv[++i], "json") != 0) {
                cli_error(cmd, "--format takes json (JSON lines), got '%s'", argv[i]);
                return CLI_EXIT_USAGE;
            }
        } else {
            cli_error(cmd, "unknown or incomplete option '%s'", argv[i]);
            usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    if (a->db == NULL || a->customer == NULL) {
        cli_error(cmd, "--db and --customer are required");
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (!proto_id_valid(a->customer, strlen(a->customer))) {
        cli_error(cmd, "--customer: not a valid id (1..64 bytes of A-Z a-z 0-9 _ . : @ -)");
        return CLI_EXIT_USAGE;
    }
    return -1;
}

int cli_erase_main(int argc, char **argv)
{
    privacy_args a;
    int rc = parse_args("erase", argc, argv, true, &a);
    if (rc >= 0) {
        return rc;
    }
    char err[RP_ERR_LEN];
    eng_eventlog *log = NULL;
    if (eng_eventlog_open_existing(a.db, false, &log, err) != RP_OK) {
        cli_error("erase", "%s", err);
        return CLI_EXIT_FAIL;
    }
    eng_eventlog_counts removed;
    rc = eng_eventlog_erase_customer(log, a.customer, a.include_open, &removed, err);
    eng_eventlog_close(&log);
    if (rc == RP_ESTATE) {
        cli_error("erase", "%s; erase after the call ends, or pass --include-open", err);
        return CLI_EXIT_FAIL;
    }
    if (rc != RP_OK && removed.calls + removed.events == 0) {
        cli_error("erase", "%s: %s", a.db, err);
        return CLI_EXIT_FAIL;
    }
    printf("erased %llu calls and %llu events\n", (unsigned long long)removed.calls,
           (unsigned long long)removed.events);
    if (rc != RP_OK) {
        /* the rows are gone, but a WAL frame may still hold a copy */
        cli_error("erase", "%s: rows deleted, but %s; run erase again", a.db, err);
        return CLI_EXIT_FAIL;
    }
    if (removed.live > 0) {
        fprintf(stderr,
                "rapport erase: %llu of the calls had no recorded end; events rapportd logs for "
                "them from now on are kept only until the playbook's retention purges them\n",
                (unsigned long long)removed.live);
    }
    return CLI_EXIT_OK;
}

static int print_line(const char *json, void *arg)
{
    FILE *out = arg;
    fputs(json, out);
    fputc('\n', out);
    return ferror(out) ? 1 : 0;
}

int cli_export_main(int argc, char **argv)
{
    privacy_args a;
    int rc = parse_args("export", argc, argv, false, &a);
    if (rc >= 0) {
        return rc;
    }
    char err[RP_ERR_LEN];
    eng_eventlog *log = NULL;
    if (eng_eventlog_open_existing(a.db, true, &log, err) != RP_OK) {
        cli_error("export", "%s", err);
        return CLI_EXIT_FAIL;
    }
    eng_eventlog_counts found;
    rc = eng_eventlog_export_customer(log, a.customer, print_line, stdout, &found, err);
    eng_eventlog_close(&log);
    if (rc != RP_OK) {
        cli_error("export", "%s: %s", a.db, err);
        return CLI_EXIT_FAIL;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("export", "cannot write the output");
        return CLI_EXIT_FAIL;
    }
    fprintf(stderr, "rapport export: %llu calls, %llu events\n", (unsigned long long)found.calls,
            (unsigned long long)found.events);
    return CLI_EXIT_OK;
}
