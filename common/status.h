/* common/status.h - the one status space shared by every rapport module.
 *
 * Fallible functions return int: RP_OK (0) on success or a negative rp_status.
 * Results come back through out-parameters. rp_status_str() is real-time safe and
 * thread-safe (it returns static strings).
 */
#ifndef COMMON_STATUS_H
#define COMMON_STATUS_H

#include "common/attr.h"

typedef enum rp_status {
    RP_OK = 0,
    RP_EINVAL = -1, /* bad argument or config (caller bug or bad input) */
    RP_ENOMEM = -2, /* allocation failed */
    RP_EPROTO = -3, /* malformed or unsupported wire message */
    RP_EFULL = -4,  /* ring/queue/buffer full; data dropped, caller decides */
    RP_EIO = -5,    /* OS or socket error; errno/zmq_errno() has detail */
    RP_ESTATE = -6, /* call not valid in the object's current state */
} rp_status;

/* Length of caller-supplied error text buffers (the Redis anet style). */
#define RP_ERR_LEN 256

/* Short English name of a status, e.g. "invalid argument". Unknown values give
 * "unknown status". Never NULL. */
const char *rp_status_str(int status);

#endif /* COMMON_STATUS_H */
