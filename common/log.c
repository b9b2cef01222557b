/* common/log.c - stderr logger for programs. */
#include "common/log.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* -1 = not yet initialised from the environment. */
static atomic_int threshold = -1;

bool rp_log_level_parse(const char *text, rp_log_level *level)
{
    static const char *const names[] = {"error", "warn", "info", "debug"};
    if (text == NULL) {
        return false;
    }
    for (int i = 0; i < 4; i++) {
        if (strcmp(text, names[i]) == 0) {
            *level = (rp_log_level)i;
            return true;
        }
    }
    return false;
}

void rp_log_set_level(rp_log_level level)
{
    atomic_store(&threshold, (int)level);
}

static int current_threshold(void)
{
    int t = atomic_load(&threshold);
    if (t < 0) {
        rp_log_level level = RP_LOG_INFO;
        (void)rp_log_level_parse(getenv("RAPPORT_LOG"), &level);
        t = (int)level;
        atomic_store(&threshold, t);
    }
    return t;
}

void rp_log(rp_log_level level, const char *component, const char *fmt, ...)
{
    static const char *const tags[] = {"ERROR", "WARN", "INFO", "DEBUG"};
    if ((int)level > current_threshold()) {
        return;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);

    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    char when[32];
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
    fprintf(stderr, "%s.%03ldZ %s %s: %s\n", when, ts.tv_nsec / 1000000, tags[level], component,
            msg);
}
