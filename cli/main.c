/* cli/main.c - `rapport`, the command-line client: dispatches to subcommands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"

typedef struct cli_command {
    const char *name;
    int (*main)(int argc, char **argv);
    const char *summary;
} cli_command;

static int version_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    printf("rapport %s\n", RAPPORT_VERSION);
    return CLI_EXIT_OK;
}

static const cli_command commands[] = {
    {"capture", cli_capture_main, "a live call from a sound card through the engine"},
    {"console", cli_console_main, "the agent console or the supervisor wall, live from rapportd"},
    {"decode", cli_decode_main, "print wire-protocol messages as JSON, or say what is wrong"},
    {"erase", cli_erase_main, "erase a customer's calls and events from the event log"},
    {"example", cli_example_main, "write one example of every wire-protocol message"},
    {"export", cli_export_main, "print everything the event log holds about a customer"},
    {"features", cli_features_main, "prosody features of recordings (pitch, energy, rate)"},
    {"keygen", cli_keygen_main, "create a CURVE key pair with safe file permissions"},
    {"listen", cli_listen_main, "print what a running rapportd publishes"},
    {"replay", cli_replay_main, "play a recorded call through the engine; print its cues"},
    {"send", cli_send_main, "push wire-protocol messages to a running rapportd"},
    {"snapshot", cli_snapshot_main, "the current state of live calls, from rapportd"},
    {"stats", cli_stats_main, "rapportd's counters: messages, rejections, latency"},
    {"text", cli_text_main, "analyse text messages, one per stdin line"},
    {"version", version_main, "print the version"},
};

bool cli_format_parse(const char *text, cli_format *out)
{
    if (strcmp(text, "json") == 0) {
        *out = CLI_FORMAT_JSON;
    } else if (strcmp(text, "csv") == 0) {
        *out = CLI_FORMAT_CSV;
    } else if (strcmp(text, "tsv") == 0) {
        *out = CLI_FORMAT_TSV;
    } else {
        return false;
    }
    return true;
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "rapport %s: ", cmd);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static void usage(FILE *out)
{
    fprintf(out, "usage: rapport <command> [options]\n\n"
                 "rapport is the command-line client of the rapport agent-assist engine.\n\n"
                 "commands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\n'rapport <command> --help' describes each command.\n"
                 "exit codes: 0 ok, 1 bad input or failure, 2 usage error\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return CLI_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("rapport %s\n", RAPPORT_VERSION);
        return CLI_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            return commands[i].main(argc - 1, argv + 1);
        }
    }
    fprintf(stderr, "rapport: unknown command '%s'\n\n", argv[1]);
    usage(stderr);
    return CLI_EXIT_USAGE;
}
