/* common/log.h - a small logger for programs (rapportd, rapport, rapport-bench).
 *
 * Libraries never log: dsp/, nlp/ and proto/ return statuses and error text, and
 * do not link this (it lives in its own meson dependency, rp_log_dep). Lines go to
 * stderr as "<ISO time> <level> <component>: <message>". The level comes from
 * rp_log_set_level() or the RAPPORT_LOG environment variable (error, warn, info,
 * debug). Thread-safe (one fprintf per line); NOT real-time safe: never call it
 * from an audio callback or a per-frame path.
 */
#ifndef COMMON_LOG_H
#define COMMON_LOG_H

#include <stdbool.h>

#include "common/attr.h"

typedef enum rp_log_level {
    RP_LOG_ERROR = 0,
    RP_LOG_WARN = 1,
    RP_LOG_INFO = 2,
    RP_LOG_DEBUG = 3,
} rp_log_level;

/* Sets the threshold; messages above it are discarded. Default: info, or RAPPORT_LOG. */
void rp_log_set_level(rp_log_level level);

/* Parses "error", "warn", "info" or "debug". Returns false for anything else. */
bool rp_log_level_parse(const char *text, rp_log_level *level);

/* Logs one line for component (e.g. "rapportd") if level passes the threshold. */
void rp_log(rp_log_level level, const char *component, const char *fmt, ...) RP_PRINTF(3, 4);

#endif /* COMMON_LOG_H */
