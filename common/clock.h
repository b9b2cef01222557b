/* common/clock.h - monotonic and wall clocks in integer nanoseconds.
 *
 * rp_clock_mono_ns() never goes backwards and is what every interval, timeout and
 * latency measurement uses. rp_clock_wall_ms() is Unix time for records people
 * read (event log, summaries). Both are thread-safe and real-time safe (vDSO
 * clock_gettime, no allocation).
 */
#ifndef COMMON_CLOCK_H
#define COMMON_CLOCK_H

#include <stdint.h>

/* Nanoseconds on CLOCK_MONOTONIC since an arbitrary origin. */
uint64_t rp_clock_mono_ns(void);

/* Milliseconds since the Unix epoch (CLOCK_REALTIME). */
int64_t rp_clock_wall_ms(void);

/* Sleeps for ns nanoseconds (restarting after signals). Not real-time safe. */
void rp_clock_sleep_ns(uint64_t ns);

#endif /* COMMON_CLOCK_H */
