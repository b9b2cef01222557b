/* tests/dsp/test_features.c - the per-channel feature pipeline on synthesized
 * signals: pitch of sines and harmonic complexes across 60-500 Hz at 8 and 16 kHz,
 * silence, noise, energy, latency and flush, kernel levels, hostile input, and the
 * create/destroy/allocation contract. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/cpu.h"
#include "common/status.h"
#include "dsp/features.h"
#include "suites.h"
#include "testutil.h"

#define PI 3.14159265358979323846

/* Runs a whole signal through a new object; returns the frames (malloc'ed). */
static dsp_frame *run_signal(const dsp_features_config *cfg, uint32_t cpu_flags, const float *x,
                             size_t n, size_t *n_frames)
{
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create_with_flags(cfg, cpu_flags, &f), RP_OK);
    uint32_t hop = dsp_features_hop_samples(cfg);
    size_t n_hops = n / hop;
    dsp_frame *frames = calloc(n_hops + 1u, sizeof *frames);
    ck_assert_ptr_nonnull(frames);
    size_t got = 0;
    for (size_t h = 0; h < n_hops; h++) {
        int rc = dsp_features_process(f, x + h * hop, &frames[got]);
        ck_assert_int_ge(rc, 0);
        got += (size_t)rc;
    }
    while (dsp_features_flush(f, &frames[got]) == 1) {
        got++;
    }
    ck_assert_uint_eq(got, n_hops);
    for (size_t i = 0; i < got; i++) {
        ck_assert_uint_eq(frames[i].index, i);
    }
    dsp_features_destroy(&f);
    ck_assert_ptr_null(f);
    *n_frames = got;
    return frames;
}

/* Harmonic complex: n_harm harmonics of f0 with 1/k amplitudes, peak about amp. */
static float *make_tone(uint32_t rate, double f0, double seconds, double amp, int n_harm, size_t *n)
{
    *n = (size_t)(seconds * rate);
    float *x = malloc(*n * sizeof(float));
    ck_assert_ptr_nonnull(x);
    for (size_t i = 0; i < *n; i++) {
        double t = (double)i / rate, v = 0.0;
        for (int k = 1; k <= n_harm && k * f0 < 0.45 * rate; k++) {
            v += sin(2.0 * PI * k * f0 * t) / k;
        }
        x[i] = (float)(amp * v / (n_harm > 1 ? 1.6 : 1.0));
    }
    return x;
}

static const double sweep_f0[] = {60.0, 75.0, 100.0, 140.0, 200.0, 280.0, 400.0, 500.0};
static const uint32_t sweep_rate[] = {8000, 16000};

/* loop index i: f0 = sweep_f0[i / 4 % 8], rate = sweep_rate[i / 2 % 2], harmonics
 * 1 (pure sine) or 8 (i % 2). */
START_TEST(pitch_tracks_known_f0_across_60_to_500_hz)
{
    double f0 = sweep_f0[(_i / 4) % 8];
    uint32_t rate = sweep_rate[(_i / 2) % 2];
    int n_harm = (_i % 2) ? 8 : 1;
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = rate;
    size_t n, n_frames;
    float *x = make_tone(rate, f0, 1.0, 0.5, n_harm, &n);
    dsp_frame *fr = run_signal(&cfg, rp_cpu_flags(), x, n, &n_frames);
    size_t voiced = 0, total = 0, gross = 0;
    double worst = 0.0;
    /* Skip 100 ms at both ends, where the window holds the signal's edges. */
    for (size_t i = 10; i + 10 < n_frames; i++) {
        total++;
        if (!fr[i].voiced) {
            continue;
        }
        voiced++;
        double err = fabs(fr[i].f0_hz - f0) / f0;
        worst = err > worst ? err : worst;
        gross += err > 0.2;
        ck_assert(fr[i].voicing > 0.8f);
    }
    ck_assert_msg(voiced == total, "f0 %.0f Hz at %u Hz, %d harmonics: %zu of %zu voiced", f0, rate,
                  n_harm, voiced, total);
    ck_assert_msg(gross == 0 && worst < 0.01, "f0 %.0f Hz at %u Hz: worst relative error %.4f", f0,
                  rate, worst);
    free(fr);
    free(x);
}
END_TEST

START_TEST(energy_of_a_sine_is_its_mean_square_in_dbfs)
{
    dsp_features_config cfg = dsp_features_config_default();
    size_t n, n_frames;
    float *x = make_tone(16000, 250.0, 0.5, 0.5, 1, &n);
    dsp_frame *fr = run_signal(&cfg, rp_cpu_flags(), x, n, &n_frames);
    double want = 20.0 * log10(0.5 / sqrt(2.0)); /* -9.03 dBFS */
    for (size_t i = 5; i + 5 < n_frames; i++) {
        ck_assert_double_eq_tol(fr[i].energy_db, want, 0.1);
    }
    free(fr);
    free(x);
}
END_TEST

START_TEST(silence_is_unvoiced_non_speech_at_the_floor)
{
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = 8000;
    size_t n = 8000, n_frames;
    float *x = calloc(n, sizeof(float));
    dsp_frame *fr = run_signal(&cfg, rp_cpu_flags(), x, n, &n_frames);
    for (size_t i = 0; i < n_frames; i++) {
        ck_assert(!fr[i].voiced);
        ck_assert(!fr[i].speech);
        ck_assert(!fr[i].nucleus);
        ck_assert_float_eq(fr[i].f0_hz, 0.0f);
        ck_assert_float_eq(fr[i].energy_db, -120.0f);
        ck_assert_float_eq(fr[i].centroid_hz, 0.0f);
    }
    free(fr);
    free(x);
}
END_TEST

START_TEST(white_noise_is_mostly_unvoiced_with_a_high_centroid)
{
    dsp_features_config cfg = dsp_features_config_default();
    size_t n = 32000, n_frames;
    float *x = malloc(n * sizeof(float));
    uint64_t st = rp_test_seed();
    for (size_t i = 0; i < n; i++) {
        x[i] = 0.1f * rp_test_randf(&st);
    }
    dsp_frame *fr = run_signal(&cfg, rp_cpu_flags(), x, n, &n_frames);
    size_t voiced = 0;
    double centroid = 0.0;
    for (size_t i = 0; i < n_frames; i++) {
        voiced += fr[i].voiced;
        centroid += fr[i].centroid_hz;
    }
    ck_assert_msg(voiced * 20 <= n_frames, "%zu of %zu noise hops voiced", voiced, n_frames);
    /* White noise low-passed at 3.5 kHz: centroid near the middle of 60-4000 Hz. */
    ck_assert_double_gt(centroid / (double)n_frames, 1500.0);
    free(fr);
    free(x);
}
END_TEST

START_TEST(spectral_centroid_follows_a_pure_tone)
{
    dsp_features_config cfg = dsp_features_config_default();
    size_t n, n_frames;
    float *x = make_tone(16000, 700.0, 0.5, 0.5, 1, &n);
    dsp_frame *fr = run_signal(&cfg, rp_cpu_flags(), x, n, &n_frames);
    for (size_t i = 10; i + 10 < n_frames; i++) {
        ck_assert_double_eq_tol(fr[i].centroid_hz, 700.0, 30.0);
        ck_assert_float_lt(fr[i].flux, 0.01f);     /* steady spectrum */
        ck_assert_float_lt(fr[i].tilt_db, -20.0f); /* all energy in the 300-1000 Hz band */
    }
    free(fr);
    free(x);
}
END_TEST

START_TEST(latency_is_window_plus_lookahead_and_flush_drains_every_hop)
{
    dsp_features_config cfg = dsp_features_config_default();
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
    uint32_t lat = dsp_features_latency_hops(&cfg);
    ck_assert_uint_eq(lat, 3u + cfg.lookahead_hops);
    float hop[160] = {0};
    dsp_frame fr;
    for (uint32_t i = 0; i < lat; i++) {
        ck_assert_int_eq(dsp_features_process(f, hop, &fr), 0);
    }
    ck_assert_int_eq(dsp_features_process(f, hop, &fr), 1);
    ck_assert_uint_eq(fr.index, 0);
    uint64_t next = 1;
    while (dsp_features_flush(f, &fr) == 1) {
        ck_assert_uint_eq(fr.index, next);
        next++;
    }
    ck_assert_uint_eq(next, lat + 1u);
    /* After flushing, process is refused until reset. */
    ck_assert_int_eq(dsp_features_process(f, hop, &fr), RP_ESTATE);
    dsp_features_reset(f);
    ck_assert_int_eq(dsp_features_process(f, hop, &fr), 0);
    ck_assert_int_eq(dsp_features_flush(f, &fr), 1);
    ck_assert_uint_eq(fr.index, 0);
    ck_assert_int_eq(dsp_features_flush(f, &fr), 0);
    dsp_features_destroy(&f);
}
END_TEST

START_TEST(reset_reproduces_the_same_frames)
{
    dsp_features_config cfg = dsp_features_config_default();
    size_t n;
    float *x = make_tone(16000, 180.0, 0.4, 0.3, 8, &n);
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
    dsp_frame a[64], b[64];
    memset(a, 0, sizeof a); /* padding bytes compare equal too */
    memset(b, 0, sizeof b);
    size_t na = 0, nb = 0;
    for (size_t h = 0; h + 160 <= n; h += 160) {
        na += (size_t)dsp_features_process(f, x + h, &a[na]);
    }
    dsp_features_reset(f);
    for (size_t h = 0; h + 160 <= n; h += 160) {
        nb += (size_t)dsp_features_process(f, x + h, &b[nb]);
    }
    ck_assert_uint_eq(na, nb);
    ck_assert_uint_gt(na, 0);
    ck_assert_int_eq(memcmp(a, b, na * sizeof a[0]), 0);
    dsp_features_destroy(&f);
    free(x);
}
END_TEST

START_TEST(every_kernel_level_gives_the_same_pitch)
{
    dsp_features_config cfg = dsp_features_config_default();
    size_t n, n0, n1;
    float *x = make_tone(16000, 130.0, 0.8, 0.4, 8, &n);
    dsp_frame *ref = run_signal(&cfg, 0, x, n, &n0);
    dsp_frame *fast = run_signal(&cfg, rp_cpu_detect(), x, n, &n1);
    ck_assert_uint_eq(n0, n1);
    for (size_t i = 0; i < n0; i++) {
        ck_assert_int_eq(ref[i].voiced, fast[i].voiced);
        ck_assert_double_eq_tol(ref[i].f0_hz, fast[i].f0_hz, 0.05);
        ck_assert_double_eq_tol(ref[i].energy_db, fast[i].energy_db, 0.01);
    }
    free(ref);
    free(fast);
    free(x);
}
END_TEST

START_TEST(nan_inf_and_huge_samples_give_finite_features)
{
    dsp_features_config cfg = dsp_features_config_default();
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
    float hop[160];
    dsp_frame fr;
    for (int h = 0; h < 100; h++) {
        for (int i = 0; i < 160; i++) {
            int m = (h * 160 + i) % 5;
            hop[i] = m == 0 ? NAN : m == 1 ? INFINITY : m == 2 ? -1e30f : m == 3 ? 3e38f : 0.5f;
        }
        if (dsp_features_process(f, hop, &fr) == 1) {
            ck_assert(isfinite(fr.energy_db) && isfinite(fr.f0_hz) && isfinite(fr.voicing));
            ck_assert(isfinite(fr.centroid_hz) && isfinite(fr.flux) && isfinite(fr.tilt_db));
            ck_assert(isfinite(fr.band_db) && isfinite(fr.speaking_rate_sps));
        }
    }
    dsp_features_destroy(&f);
}
END_TEST

START_TEST(invalid_configs_and_arguments_are_rejected)
{
    dsp_features *f = (dsp_features *)(void *)&f;
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = 44100;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_EINVAL);
    ck_assert_ptr_null(f);
    cfg = dsp_features_config_default();
    cfg.f0_min_hz = 40.0f;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_EINVAL);
    cfg = dsp_features_config_default();
    cfg.lookahead_hops = 0;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_EINVAL);
    cfg = dsp_features_config_default();
    cfg.quiet_spectrum_hops = 0;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_EINVAL);
    cfg.quiet_spectrum_hops = 5;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_EINVAL);
    cfg = dsp_features_config_default();
    cfg.voicing_threshold = NAN;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_EINVAL);
    ck_assert_int_eq(dsp_features_create(NULL, &f), RP_EINVAL);
    ck_assert_int_eq(dsp_features_create(&cfg, NULL), RP_EINVAL);
    ck_assert_uint_eq(dsp_features_size(&cfg), 0);
    dsp_frame fr;
    float hop[160] = {0};
    ck_assert_int_eq(dsp_features_process(NULL, hop, &fr), RP_EINVAL);
    ck_assert_int_eq(dsp_features_flush(NULL, &fr), RP_EINVAL);
}
END_TEST

START_TEST(destroy_accepts_null)
{
    dsp_features_destroy(NULL);
    dsp_features *f = NULL;
    dsp_features_destroy(&f);
    ck_assert_ptr_null(f);
}
END_TEST

START_TEST(create_cleans_up_when_any_allocation_fails)
{
    if (!rp_alloc_hooks_enabled()) {
        printf("alloc hooks disabled: skipping allocation-failure test\n");
        return;
    }
    for (uint32_t rate = 8000; rate <= 16000; rate += 8000) {
        dsp_features_config cfg = dsp_features_config_default();
        cfg.sample_rate_hz = rate;
        for (uint64_t n = 1;; n++) {
            dsp_features *f = NULL;
            rp_alloc_fail_at(n);
            int rc = dsp_features_create(&cfg, &f);
            bool fired = rp_alloc_fault_fired();
            rp_alloc_fail_at(0);
            if (!fired) {
                ck_assert_int_eq(rc, RP_OK);
                ck_assert_ptr_nonnull(f);
                dsp_features_destroy(&f);
                ck_assert_uint_ge(n, 2); /* at least one failure was exercised */
                break;
            }
            ck_assert_int_eq(rc, RP_ENOMEM);
            ck_assert_ptr_null(f);
        }
    }
}
END_TEST

START_TEST(process_never_allocates_over_10000_hops)
{
    if (!rp_alloc_hooks_enabled()) {
        printf("alloc hooks disabled: skipping zero-allocation test\n");
        return;
    }
    dsp_features_config cfg = dsp_features_config_default();
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
    size_t n;
    float *x = make_tone(16000, 150.0, 1.0, 0.3, 8, &n);
    uint64_t st = rp_test_seed();
    for (size_t i = 0; i < n; i++) {
        x[i] += 0.01f * rp_test_randf(&st);
    }
    dsp_frame fr;
    uint64_t before = rp_alloc_count();
    for (int h = 0; h < 10000; h++) {
        /* Alternate tone and silence so voiced and unvoiced paths both run. */
        const float *hop = x + (size_t)(h % 100) * 160u;
        int rc = dsp_features_process(f, (h / 100) % 2 ? hop : x, &fr);
        ck_assert_int_ge(rc, 0);
    }
    while (dsp_features_flush(f, &fr) == 1) {
    }
    dsp_features_reset(f);
    ck_assert_uint_eq(rp_alloc_count() - before, 0);
    dsp_features_destroy(&f);
    free(x);
}
END_TEST

START_TEST(channels_sharing_a_workspace_match_channels_with_their_own)
{
    /* Two channels (8 and 16 kHz, different voices) interleaved hop by hop on one
     * workspace give exactly the frames each gives alone. */
    dsp_features_config c8 = dsp_features_config_default(), c16 = c8;
    c8.sample_rate_hz = 8000;
    c16.lookahead_hops = 4; /* settings other than the f0 range and window may differ */
    size_t n8, n16, na, nb;
    float *x8 = make_tone(8000, 110.0, 0.6, 0.2, 8, &n8);
    float *x16 = make_tone(16000, 230.0, 0.6, 0.4, 6, &n16);
    dsp_frame *alone8 = run_signal(&c8, rp_cpu_flags(), x8, n8, &na);
    dsp_frame *alone16 = run_signal(&c16, rp_cpu_flags(), x16, n16, &nb);
    dsp_workspace *ws = NULL;
    ck_assert_int_eq(dsp_workspace_create(&c16, &ws), RP_OK);
    ck_assert_uint_eq(dsp_workspace_bytes(ws), dsp_workspace_size(&c16));
    dsp_features *f8 = NULL, *f16 = NULL;
    ck_assert_int_eq(dsp_features_create_shared(&c8, ws, &f8), RP_OK);
    ck_assert_int_eq(dsp_features_create_shared(&c16, ws, &f16), RP_OK);
    dsp_frame *got8 = calloc(na + 1u, sizeof *got8), *got16 = calloc(nb + 1u, sizeof *got16);
    ck_assert_ptr_nonnull(got8);
    ck_assert_ptr_nonnull(got16);
    size_t g8 = 0, g16 = 0;
    for (size_t h = 0; h < n8 / 80u; h++) {
        g8 += (size_t)dsp_features_process(f8, x8 + h * 80u, &got8[g8]);
        g16 += (size_t)dsp_features_process(f16, x16 + h * 160u, &got16[g16]);
    }
    while (dsp_features_flush(f8, &got8[g8]) == 1) {
        g8++;
    }
    while (dsp_features_flush(f16, &got16[g16]) == 1) {
        g16++;
    }
    ck_assert_uint_eq(g8, na);
    ck_assert_uint_eq(g16, nb);
    for (size_t i = 0; i < na; i++) {
        ck_assert_float_eq(got8[i].f0_hz, alone8[i].f0_hz);
        ck_assert_float_eq(got8[i].flux, alone8[i].flux);
        ck_assert_int_eq(got8[i].voiced, alone8[i].voiced);
    }
    for (size_t i = 0; i < nb; i++) {
        ck_assert_float_eq(got16[i].f0_hz, alone16[i].f0_hz);
        ck_assert_float_eq(got16[i].centroid_hz, alone16[i].centroid_hz);
        ck_assert_int_eq(got16[i].voiced, alone16[i].voiced);
    }
    ck_assert_float_gt(got16[nb / 2u].f0_hz, 225.0f);
    ck_assert_float_lt(got16[nb / 2u].f0_hz, 235.0f);
    /* A channel whose f0 range or window differs from the workspace's is refused. */
    dsp_features_config other = c16;
    other.f0_min_hz = 75.0f;
    dsp_features *bad = NULL;
    ck_assert_int_eq(dsp_features_create_shared(&other, ws, &bad), RP_EINVAL);
    ck_assert_ptr_null(bad);
    ck_assert_int_eq(dsp_features_create_shared(&c16, NULL, &bad), RP_EINVAL);
    dsp_features_destroy(&f8); /* a borrowed workspace survives its channels */
    dsp_features_destroy(&f16);
    dsp_workspace_destroy(&ws);
    ck_assert_ptr_null(ws);
    dsp_workspace_destroy(&ws);
    free(got8);
    free(got16);
    free(alone8);
    free(alone16);
    free(x8);
    free(x16);
}
END_TEST

START_TEST(shared_channel_allocates_only_its_state)
{
    if (!rp_alloc_hooks_enabled()) {
        printf("alloc hooks disabled: skipping allocation-count test\n");
        return;
    }
    dsp_features_config cfg = dsp_features_config_default();
    dsp_workspace *ws = NULL;
    ck_assert_int_eq(dsp_workspace_create(&cfg, &ws), RP_OK);
    for (uint64_t n = 1;; n++) { /* every allocation failure is clean */
        dsp_features *f = NULL;
        rp_alloc_fail_at(n);
        int rc = dsp_features_create_shared(&cfg, ws, &f);
        bool fired = rp_alloc_fault_fired();
        rp_alloc_fail_at(0);
        if (!fired) {
            ck_assert_int_eq(rc, RP_OK);
            dsp_features_destroy(&f);
            ck_assert_uint_eq(n, 3); /* the object and its block: two allocations */
            break;
        }
        ck_assert_int_eq(rc, RP_ENOMEM);
        ck_assert_ptr_null(f);
    }
    dsp_workspace_destroy(&ws);
}
END_TEST

START_TEST(quiet_hops_repeat_the_spectrum_and_leave_pitch_alone)
{
    /* Tone, near-silence, tone: with the spectrum refreshed every 2nd quiet hop,
     * f0, voicing, energy and every speech hop are exactly as with every hop; in
     * the quiet run the spectral features of odd hops repeat the hop before. */
    dsp_features_config every = dsp_features_config_default(), alt = every;
    every.quiet_spectrum_hops = 1;
    ck_assert_uint_eq(alt.quiet_spectrum_hops, 2);
    size_t n;
    float *x = make_tone(16000, 150.0, 1.5, 0.3, 8, &n);
    uint64_t state = 7;
    for (size_t i = 8000; i < 16000; i++) { /* 0.5..1.0 s: faint noise */
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        x[i] = 1e-4f * ((float)(state >> 40) / 16777216.0f - 0.5f);
    }
    size_t na, nb;
    dsp_frame *a = run_signal(&every, rp_cpu_flags(), x, n, &na);
    dsp_frame *b = run_signal(&alt, rp_cpu_flags(), x, n, &nb);
    ck_assert_uint_eq(na, nb);
    size_t repeated = 0;
    for (size_t i = 0; i < na; i++) {
        ck_assert_float_eq(a[i].f0_hz, b[i].f0_hz);
        ck_assert_float_eq(a[i].voicing, b[i].voicing);
        ck_assert_float_eq(a[i].energy_db, b[i].energy_db);
        ck_assert_int_eq(a[i].voiced, b[i].voiced);
        if (a[i].band_db != b[i].band_db) {
            ck_assert_uint_ge(i, 50); /* only inside the quiet run */
            ck_assert_uint_le(i, 100);
            ck_assert_float_eq(b[i].band_db, b[i - 1].band_db);
            ck_assert_float_eq(b[i].centroid_hz, b[i - 1].centroid_hz);
            repeated++;
        }
    }
    ck_assert_uint_ge(repeated, 15); /* about every other hop of the 50 quiet ones */
    ck_assert_uint_le(repeated, 26);
    free(a);
    free(b);
    free(x);
}
END_TEST

START_TEST(without_spectral_shape_only_tilt_centroid_and_flux_change)
{
    /* Speech-like tones with a gap: every frame equals the full analysis's but for
     * the three shape features, which are 0. */
    dsp_features_config full = dsp_features_config_default(), lean = full;
    ck_assert(full.spectral_shape);
    lean.spectral_shape = false;
    size_t n;
    float *x = make_tone(16000, 180.0, 2.0, 0.3, 8, &n);
    for (size_t i = 12000; i < 20000; i++) {
        x[i] = 0.0f;
    }
    size_t na, nb;
    dsp_frame *a = run_signal(&full, rp_cpu_flags(), x, n, &na);
    dsp_frame *b = run_signal(&lean, rp_cpu_flags(), x, n, &nb);
    ck_assert_uint_eq(na, nb);
    size_t shaped = 0;
    for (size_t i = 0; i < na; i++) {
        ck_assert_float_eq(a[i].f0_hz, b[i].f0_hz);
        ck_assert_float_eq(a[i].voicing, b[i].voicing);
        ck_assert_float_eq(a[i].energy_db, b[i].energy_db);
        ck_assert_float_eq(a[i].band_db, b[i].band_db);
        ck_assert_int_eq(a[i].voiced, b[i].voiced);
        ck_assert_int_eq(a[i].speech, b[i].speech);
        ck_assert_int_eq(a[i].nucleus, b[i].nucleus);
        ck_assert_float_eq(a[i].articulation_rate_sps, b[i].articulation_rate_sps);
        ck_assert_float_eq(b[i].centroid_hz, 0.0f);
        ck_assert_float_eq(b[i].flux, 0.0f);
        ck_assert_float_eq(b[i].tilt_db, 0.0f);
        shaped += a[i].centroid_hz > 0.0f;
    }
    ck_assert_uint_gt(shaped, na / 2); /* the full analysis did compute them */
    free(a);
    free(b);
    free(x);
}
END_TEST

START_TEST(state_fits_16_kib_per_channel)
{
    for (uint32_t rate = 8000; rate <= 16000; rate += 8000) {
        dsp_features_config cfg = dsp_features_config_default();
        cfg.sample_rate_hz = rate;
        size_t size = dsp_features_size(&cfg), ws = dsp_workspace_size(&cfg);
        printf("dsp_features_size at %u Hz: %zu bytes (+ %zu bytes of workspace, shared "
               "or owned)\n",
               rate, size, ws);
        ck_assert_uint_gt(size, 4096);
        ck_assert_uint_le(size, 16384);
        ck_assert_uint_gt(ws, 8192);
        ck_assert_uint_le(ws, 24576);
    }
}
END_TEST

START_TEST(kernel_override_forces_scalar)
{
    dsp_features_config cfg = dsp_features_config_default();
    dsp_features *f = NULL;
    ck_assert_int_eq(dsp_features_create_with_flags(&cfg, 0, &f), RP_OK);
    ck_assert_str_eq(dsp_features_kernels_name(f), "scalar");
    dsp_features_destroy(&f);
}
END_TEST

Suite *features_suite(void)
{
    Suite *s = suite_create("features");
    TCase *tc = tcase_create("tone");
    tcase_add_loop_test(tc, pitch_tracks_known_f0_across_60_to_500_hz, 0, 32);
    tcase_add_test(tc, energy_of_a_sine_is_its_mean_square_in_dbfs);
    tcase_add_test(tc, spectral_centroid_follows_a_pure_tone);
    tcase_add_test(tc, every_kernel_level_gives_the_same_pitch);
    suite_add_tcase(s, tc);
    tc = tcase_create("silence-noise");
    tcase_add_test(tc, silence_is_unvoiced_non_speech_at_the_floor);
    tcase_add_test(tc, white_noise_is_mostly_unvoiced_with_a_high_centroid);
    tcase_add_test(tc, nan_inf_and_huge_samples_give_finite_features);
    suite_add_tcase(s, tc);
    tc = tcase_create("stream");
    tcase_add_test(tc, latency_is_window_plus_lookahead_and_flush_drains_every_hop);
    tcase_add_test(tc, reset_reproduces_the_same_frames);
    suite_add_tcase(s, tc);
    tc = tcase_create("create");
    tcase_add_test(tc, invalid_configs_and_arguments_are_rejected);
    tcase_add_test(tc, destroy_accepts_null);
    tcase_add_test(tc, create_cleans_up_when_any_allocation_fails);
    tcase_add_test(tc, process_never_allocates_over_10000_hops);
    tcase_add_test(tc, state_fits_16_kib_per_channel);
    tcase_add_test(tc, quiet_hops_repeat_the_spectrum_and_leave_pitch_alone);
    tcase_add_test(tc, without_spectral_shape_only_tilt_centroid_and_flux_change);
    tcase_add_test(tc, channels_sharing_a_workspace_match_channels_with_their_own);
    tcase_add_test(tc, shared_channel_allocates_only_its_state);
    tcase_add_test(tc, kernel_override_forces_scalar);
    suite_add_tcase(s, tc);
    return s;
}
