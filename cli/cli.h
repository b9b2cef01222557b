/* cli/cli.h - shared pieces of the `rapport` command-line client.
 *
 * Each subcommand is a function with main()'s signature, registered in the table
 * in cli/main.c. Exit codes mean the same everywhere: 0 success, 1 the input was
 * bad or an operation failed, 2 usage error (unknown option, missing argument).
 * Not thread-safe (a program's main thread only).
 */
#ifndef CLI_CLI_H
#define CLI_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "proto/proto.h"

enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAIL = 1,  /* bad input or a failed operation */
    CLI_EXIT_USAGE = 2, /* bad command line */
};

/* Output formats shared by the subcommands that have --format. */
typedef enum cli_format {
    CLI_FORMAT_JSON,
    CLI_FORMAT_CSV,
    CLI_FORMAT_TSV,
} cli_format;

/* Parses "json", "csv" or "tsv"; false for anything else. */
bool cli_format_parse(const char *text, cli_format *out);

/* Prints a published message as a timeline line ("00:12.3  OPEN  speaking_fast ..."). */
void cli_print_event(const proto_msg *m, FILE *out);

/* Prints "rapport <cmd>: <message>" to stderr (printf-style). */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* CURVE for every command that connects to rapportd: --key FILE (the client's key
 * pair, FILE and FILE_secret from rapport keygen) and --server-key FILE (the
 * engine's public certificate); by default from $RAPPORT_KEY / $RAPPORT_SERVER_KEY.
 * Neither: plain text, for an engine started with --insecure-loopback. */
#define CLI_SECURITY_USAGE                                                                         \
    "  --key FILE         this client's key pair (rapport keygen; default $RAPPORT_KEY)\n"         \
    "  --server-key FILE  the engine's public key (default $RAPPORT_SERVER_KEY)\n"

/* Takes --key/--server-key at argv[*i] (advancing *i); false for other options. */
bool cli_security_option(int argc, char **argv, int *i);
/* The configured paths, or NULL. */
const char *cli_key_path(void);
const char *cli_server_key_path(void);
/* Applies the configured keys to sock (before connect); prints why and returns -1
 * when they cannot be used (missing, unsafe or malformed). */
int cli_secure(void *sock, const char *cmd);

int cli_decode_main(int argc, char **argv);
int cli_example_main(int argc, char **argv);
/* `rapport text`: one message per stdin line in, one analysis per line out. */
int cli_text_main(int argc, char **argv);
/* `rapport features`: prosody features of recordings (cli/cmd_features.c). */
int cli_features_main(int argc, char **argv);
/* `rapport replay`: a recorded call through the call pipeline (cli/cmd_replay.c). */
int cli_replay_main(int argc, char **argv);
/* `rapport keygen`: a CURVE key pair (cli/cmd_keygen.c). */
int cli_keygen_main(int argc, char **argv);
/* `rapport capture`: a live call from a sound card (cli/cmd_capture.c). */
int cli_capture_main(int argc, char **argv);
/* Talking to a running rapportd (cli/cmd_net.c). */
int cli_listen_main(int argc, char **argv);
int cli_send_main(int argc, char **argv);
int cli_snapshot_main(int argc, char **argv);
int cli_stats_main(int argc, char **argv);
/* Erasure and access requests on the event log (cli/cmd_privacy.c). */
int cli_erase_main(int argc, char **argv);
int cli_export_main(int argc, char **argv);
/* `rapport console`: agent console and supervisor wall (cli/cmd_console.c, agents-ui/). */
int cli_console_main(int argc, char **argv);

#endif /* CLI_CLI_H */
