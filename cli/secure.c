/* cli/secure.c - the CURVE options every connecting command shares (see cli.h). */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "net/curve.h"

static const char *g_key, *g_server_key;

bool cli_security_option(int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    if (*i + 1 >= argc) {
        return false;
    }
    if (strcmp(a, "--key") == 0) {
        g_key = argv[++*i];
        return true;
    }
    if (strcmp(a, "--server-key") == 0) {
        g_server_key = argv[++*i];
        return true;
    }
    return false;
}

const char *cli_key_path(void)
{
    return g_key != NULL ? g_key : getenv("RAPPORT_KEY");
}

const char *cli_server_key_path(void)
{
    return g_server_key != NULL ? g_server_key : getenv("RAPPORT_SERVER_KEY");
}

int cli_secure(void *sock, const char *cmd)
{
    char err[RP_ERR_LEN];
    if (rp_curve_client_files(sock, cli_key_path(), cli_server_key_path(), err) != RP_OK) {
        cli_error(cmd, "%s", err);
        return -1;
    }
    return 0;
}
