/* dsp/resample.h - sample-rate conversion of mono float audio through libsoxr.
 *
 * For files and streams at rates other than 8/16 kHz (e.g. 20, 44.1, 48 kHz).
 * dsp_resampler_create() allocates (our wrapper through rp_malloc, libsoxr's own
 * state through malloc); process and flush do not allocate in our code and are
 * bounded by max_in. Threads: one instance per stream; calls must not overlap.
 */
#ifndef DSP_RESAMPLE_H
#define DSP_RESAMPLE_H

#include <stddef.h>

#include "common/attr.h"

typedef struct dsp_resampler dsp_resampler; /* opaque */

/* in_rate_hz and out_rate_hz in 1000..384000 Hz; max_in (>= 1) is the largest
 * n_in a process call may pass. RP_EINVAL on bad arguments, RP_ENOMEM. */
RP_NODISCARD int dsp_resampler_create(double in_rate_hz, double out_rate_hz, size_t max_in,
                                      dsp_resampler **out);

/* Frees *self_p and sets it to NULL; NULL or *self_p == NULL is a no-op. */
void dsp_resampler_destroy(dsp_resampler **self_p);

/* Largest number of output samples one process or flush call can give. */
size_t dsp_resampler_max_out(const dsp_resampler *r);

/* Converts n_in (<= max_in) samples into out (capacity out_cap >=
 * dsp_resampler_max_out()); *n_out gets the count written. The converter has a
 * delay: output lags input and the end comes out through flush. RP_EINVAL on bad
 * arguments, RP_EIO when libsoxr reports an error. */
RP_NODISCARD int dsp_resampler_process(dsp_resampler *r, const float *in, size_t n_in, float *out,
                                       size_t out_cap, size_t *n_out);

/* After the last input: drains the delayed tail, a block at a time; *n_out is 0
 * when everything has come out. */
RP_NODISCARD int dsp_resampler_flush(dsp_resampler *r, float *out, size_t out_cap, size_t *n_out);

#endif /* DSP_RESAMPLE_H */
