/* dsp/resample.c - libsoxr behind the dsp_ create/process/destroy conventions. */
#include "dsp/resample.h"

#include <math.h>
#include <soxr.h>

#include "common/alloc.h"
#include "common/status.h"

struct dsp_resampler {
    soxr_t soxr;
    double ratio; /* out / in */
    size_t max_in;
    size_t max_out;
};

int dsp_resampler_create(double in_rate_hz, double out_rate_hz, size_t max_in, dsp_resampler **out)
{
    if (out == NULL) {
        return RP_EINVAL;
    }
    *out = NULL;
    if (!(in_rate_hz >= 1000.0 && in_rate_hz <= 384000.0) ||
        !(out_rate_hz >= 1000.0 && out_rate_hz <= 384000.0) || max_in == 0 ||
        max_in > ((size_t)1 << 24)) {
        return RP_EINVAL;
    }
    dsp_resampler *r = rp_calloc(1, sizeof *r);
    if (r == NULL) {
        return RP_ENOMEM;
    }
    r->ratio = out_rate_hz / in_rate_hz;
    r->max_in = max_in;
    r->max_out = (size_t)ceil((double)max_in * r->ratio) + 64u;
    soxr_error_t err = NULL;
    soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
    r->soxr = soxr_create(in_rate_hz, out_rate_hz, 1, &err, &io, &q, NULL);
    if (err != NULL || r->soxr == NULL) {
        soxr_delete(r->soxr);
        rp_free(r);
        return RP_ENOMEM;
    }
    *out = r;
    return RP_OK;
}

void dsp_resampler_destroy(dsp_resampler **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    soxr_delete((*self_p)->soxr);
    rp_free(*self_p);
    *self_p = NULL;
}

size_t dsp_resampler_max_out(const dsp_resampler *r)
{
    return r != NULL ? r->max_out : 0;
}

int dsp_resampler_process(dsp_resampler *r, const float *in, size_t n_in, float *out,
                          size_t out_cap, size_t *n_out)
{
    if (n_out != NULL) {
        *n_out = 0;
    }
    if (r == NULL || out == NULL || n_out == NULL || (in == NULL && n_in > 0) || n_in > r->max_in ||
        out_cap < r->max_out) {
        return RP_EINVAL;
    }
    if (n_in == 0) {
        return RP_OK;
    }
    size_t done_in = 0, done_out = 0;
    soxr_error_t err = soxr_process(r->soxr, in, n_in, &done_in, out, out_cap, &done_out);
    if (err != NULL || done_in != n_in) {
        return RP_EIO;
    }
    *n_out = done_out;
    return RP_OK;
}

int dsp_resampler_flush(dsp_resampler *r, float *out, size_t out_cap, size_t *n_out)
{
    if (n_out != NULL) {
        *n_out = 0;
    }
    if (r == NULL || out == NULL || n_out == NULL || out_cap < r->max_out) {
        return RP_EINVAL;
    }
    size_t done_out = 0;
    soxr_error_t err = soxr_process(r->soxr, NULL, 0, NULL, out, r->max_out, &done_out);
    if (err != NULL) {
        return RP_EIO;
    }
    *n_out = done_out;
    return RP_OK;
}
