/* cli/cmd_keygen.c - `rapport keygen`: a CURVE key pair for an engine, console or
 * gateway, as CZMQ certificate files (ZPL text): NAME.key (public, 0644) and
 * NAME.key_secret (secret, 0600, created without ever being readable by others). */
#include <czmq.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: rapport keygen [--name TEXT] [--force] PATH\n\n"
                 "Creates a CURVE key pair: PATH (the public certificate, shared with peers) and\n"
                 "PATH_secret (the secret one: mode 0600, never group- or world-readable).\n"
                 "Engines, consoles and gateways each have their own pair; the engine lists the\n"
                 "public certificates it accepts in its --allowed-keys directory and gives each\n"
                 "key a role in its --roles file (docs/operations.md, Security).\n\n"
                 "  --name TEXT   a label stored in the certificate (e.g. the agent id)\n"
                 "  --force       overwrite existing files\n");
}

int cli_keygen_main(int argc, char **argv)
{
    const char *path = NULL, *name = NULL;
    bool force = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc) {
            name = argv[++i];
        } else if (strcmp(argv[i], "--force") == 0) {
            force = true;
        } else if (argv[i][0] == '-' || path != NULL) {
            cli_error("keygen", "unexpected argument '%s'", argv[i]);
            usage(stderr);
            return CLI_EXIT_USAGE;
        } else {
            path = argv[i];
        }
    }
    if (path == NULL || strlen(path) > 4000) {
        cli_error("keygen", "a PATH is required");
        return CLI_EXIT_USAGE;
    }
    char secret_path[4096];
    snprintf(secret_path, sizeof secret_path, "%s_secret", path);
    struct stat st;
    if (!force && (stat(path, &st) == 0 || stat(secret_path, &st) == 0)) {
        cli_error("keygen", "%s or its _secret exists (use --force to replace)", path);
        return CLI_EXIT_FAIL;
    }
    zcert_t *cert = zcert_new();
    if (cert == NULL) {
        cli_error("keygen", "cannot create a key pair (is libsodium working?)");
        return CLI_EXIT_FAIL;
    }
    if (name != NULL) {
        zcert_set_meta(cert, "name", "%s", name);
    }
    /* Create the secret file 0600 before CZMQ writes into it, so it is never
     * readable by anyone else, even for a moment. */
    unlink(secret_path);
    int fd = open(secret_path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    int rc = CLI_EXIT_FAIL;
    if (fd < 0) {
        cli_error("keygen", "%s: %s", secret_path, strerror(errno));
    } else if (close(fd) != 0 || zcert_save_secret(cert, secret_path) != 0 ||
               chmod(secret_path, 0600) != 0) {
        cli_error("keygen", "%s: cannot write the secret certificate", secret_path);
    } else if (zcert_save_public(cert, path) != 0) {
        cli_error("keygen", "%s: cannot write the public certificate", path);
    } else {
        printf("%s\n", zcert_public_txt(cert));
        rc = CLI_EXIT_OK;
    }
    zcert_destroy(&cert);
    return rc;
}
