/* cli/cmd_console.c - `rapport console`: the agent console and the supervisor wall. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agents-ui/console.h"
#include "cli/cli.h"

static void usage(FILE *out)
{
    fprintf(
        out,
        "usage: rapport console --agent ID --from PUB_EP --requests REQ_EP [--team T] [options]\n"
        "       rapport console --supervisor [--team T] --from PUB_EP --requests REQ_EP "
        "[options]\n\n"
        "The live view of calls from a running rapportd (docs/console.md). The agent console\n"
        "shows one agent's call: open cues as banners, the current prompt and its checklist,\n"
        "pace against the agent's own baseline, talk ratio, time since the customer spoke,\n"
        "the customer's sentiment trend, and whether the customer's emotions are analysed\n"
        "(\"emotion analysis: ON (... customer informed)\" or \"off\", from their consent).\n"
        "The supervisor wall ranks the team's calls by risk (EMO: that indicator per call)\n"
        "and lists escalations; Enter opens the selected call's timeline. It takes a\n"
        "snapshot on connect and after any gap in a call's seq.\n\n"
        "Keys, agent console: q quit, tab next call (chats).\n"
        "Keys, supervisor wall: up/down or k/j select a call, Enter open its timeline\n"
        "(Esc, q or Backspace back; up/down scroll it), tab switch to the alerts and back,\n"
        "a acknowledge (the selected alert, or the selected call's newest), q quit.\n\n"
        "  --plain          one line per event on stdout (automatic when stdout is not a\n"
        "                   terminal)\n"
        "  --call ID        one call: --plain prints only its lines (its timeline); the\n"
        "                   wall opens its timeline; --exit-at-end waits for its end\n"
        "  --by ID          supervisor id written into acknowledgements (default $USER)\n"
        "  --exit-at-end    stop once the calls seen have all ended (scripts, demos)\n"
        "  --timeout-ms T   stop with exit 1 after T ms without a message\n" CLI_SECURITY_USAGE
        "The engine decides what a console receives: an agent key sees its own calls, a\n"
        "supervisor key its team's (see docs/operations.md, Security).\n");
}

int cli_console_main(int argc, char **argv)
{
    ui_console_config cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.role = UI_ROLE_AGENT;
    bool supervisor = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--agent") == 0 && has) {
            cfg.agent = argv[++i];
        } else if (strcmp(a, "--supervisor") == 0) {
            supervisor = true;
        } else if (strcmp(a, "--team") == 0 && has) {
            cfg.team = argv[++i];
        } else if (strcmp(a, "--from") == 0 && has) {
            cfg.from = argv[++i];
        } else if (strcmp(a, "--requests") == 0 && has) {
            cfg.requests = argv[++i];
        } else if (strcmp(a, "--by") == 0 && has) {
            cfg.by = argv[++i];
        } else if (cli_security_option(argc, argv, &i)) {
        } else if (strcmp(a, "--call") == 0 && has) {
            cfg.call = argv[++i];
        } else if (strcmp(a, "--plain") == 0) {
            cfg.plain = true;
        } else if (strcmp(a, "--exit-at-end") == 0) {
            cfg.exit_at_end = true;
        } else if (strcmp(a, "--timeout-ms") == 0 && has) {
            char *end = NULL;
            unsigned long v = strtoul(argv[++i], &end, 10);
            if (*argv[i] == '\0' || *end != '\0' || v == 0 || v > 86400000ul) {
                cli_error("console", "--timeout-ms wants 1..86400000");
                return CLI_EXIT_USAGE;
            }
            cfg.timeout_ms = (uint32_t)v;
        } else {
            cli_error("console", "unknown or incomplete option '%s'", a);
            usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    cfg.key = cli_key_path();
    cfg.server_key = cli_server_key_path();
    if (supervisor == (cfg.agent != NULL)) {
        cli_error("console", "give exactly one of --agent ID and --supervisor");
        return CLI_EXIT_USAGE;
    }
    if (cfg.from == NULL || cfg.requests == NULL) {
        cli_error("console", "--from PUB_EP and --requests REQ_EP are required");
        return CLI_EXIT_USAGE;
    }
    const char *ids[] = {cfg.agent, cfg.team, cfg.call};
    for (size_t i = 0; i < 3; i++) {
        if (ids[i] != NULL && !proto_id_valid(ids[i], strlen(ids[i]))) {
            cli_error("console", "'%s' is not a valid id (1-64 of A-Z a-z 0-9 _ . : @ -)", ids[i]);
            return CLI_EXIT_USAGE;
        }
    }
    if (supervisor) {
        cfg.role = UI_ROLE_SUPERVISOR;
        if (cfg.by == NULL) {
            const char *user = getenv("USER");
            cfg.by = user != NULL && proto_id_valid(user, strlen(user)) ? user : "supervisor";
        } else if (!proto_id_valid(cfg.by, strlen(cfg.by))) {
            cli_error("console", "--by '%s' is not a valid id", cfg.by);
            return CLI_EXIT_USAGE;
        }
    }
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
        cfg.plain = true;
    }
    return ui_console_run(&cfg) == 0 ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}
