/* common/status.c - status strings and the RP_CHECK failure path. */
#include "common/status.h"

#include <stdio.h>
#include <stdlib.h>

const char *rp_status_str(int status)
{
    switch (status) {
    case RP_OK:
        return "ok";
    case RP_EINVAL:
        return "invalid argument";
    case RP_ENOMEM:
        return "out of memory";
    case RP_EPROTO:
        return "malformed or unsupported message";
    case RP_EFULL:
        return "full";
    case RP_EIO:
        return "input/output error";
    case RP_ESTATE:
        return "invalid state";
    default:
        return "unknown status";
    }
}

void rp_check_failed(const char *expr, const char *file, int line)
{
    fprintf(stderr, "rapport: check failed: %s at %s:%d\n", expr, file, line);
    abort();
}
