/* tests/dsp/test_data.c - a regression guard on real speech: pitch against the
 * FDA laryngograph reference in RP_DATA_PATH/speech/fda (read at run time, never
 * copied into the repository). Skips with a message when the data are absent.
 * The full figures are printed by the rapport-eval-dsp benchmark. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/status.h"
#include "dsp/features.h"
#include "dsp/resample.h"
#include "suites.h"
#include "testutil.h"

/* Reads a 16-bit PCM mono RIFF/WAVE file; returns samples (malloc'ed) or NULL. */
static float *read_wav16(const char *path, size_t *n, uint32_t *rate)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        return NULL;
    }
    unsigned char hdr[12], ck[8];
    float *x = NULL;
    uint16_t channels = 0, bits = 0;
    if (fread(hdr, 1, 12, fp) != 12 || memcmp(hdr, "RIFF", 4) != 0 ||
        memcmp(hdr + 8, "WAVE", 4) != 0) {
        fclose(fp);
        return NULL;
    }
    while (fread(ck, 1, 8, fp) == 8) {
        uint32_t len =
            (uint32_t)ck[4] | (uint32_t)ck[5] << 8 | (uint32_t)ck[6] << 16 | (uint32_t)ck[7] << 24;
        if (memcmp(ck, "fmt ", 4) == 0 && len >= 16) {
            unsigned char fmt[16];
            if (fread(fmt, 1, 16, fp) != 16) {
                break;
            }
            channels = (uint16_t)(fmt[2] | fmt[3] << 8);
            *rate = (uint32_t)fmt[4] | (uint32_t)fmt[5] << 8 | (uint32_t)fmt[6] << 16 |
                    (uint32_t)fmt[7] << 24;
            bits = (uint16_t)(fmt[14] | fmt[15] << 8);
            fseek(fp, (long)(len - 16u + (len & 1u)), SEEK_CUR);
        } else if (memcmp(ck, "data", 4) == 0 && channels == 1 && bits == 16) {
            *n = len / 2u;
            x = malloc((*n + 1u) * sizeof(float));
            for (size_t i = 0; x != NULL && i < *n; i++) {
                unsigned char b[2];
                if (fread(b, 1, 2, fp) != 2) {
                    *n = i;
                    break;
                }
                x[i] = (float)(int16_t)(uint16_t)(b[0] | b[1] << 8) / 32768.0f;
            }
            break;
        } else {
            fseek(fp, (long)(len + (len & 1u)), SEEK_CUR);
        }
    }
    fclose(fp);
    return x;
}

static float *to_16k(float *x, size_t *n, uint32_t rate)
{
    dsp_resampler *r = NULL;
    ck_assert_int_eq(dsp_resampler_create(rate, 16000.0, 1000, &r), RP_OK);
    size_t cap = *n * 16000u / rate + 4096u, got = 0, k = 0;
    float *out = malloc(cap * sizeof(float));
    float *tmp = malloc(dsp_resampler_max_out(r) * sizeof(float));
    for (size_t i = 0; i < *n; i += 1000) {
        size_t len = *n - i < 1000 ? *n - i : 1000;
        ck_assert_int_eq(dsp_resampler_process(r, x + i, len, tmp, dsp_resampler_max_out(r), &k),
                         RP_OK);
        for (size_t j = 0; j < k && got < cap; j++) {
            out[got++] = tmp[j];
        }
    }
    do {
        ck_assert_int_eq(dsp_resampler_flush(r, tmp, dsp_resampler_max_out(r), &k), RP_OK);
        for (size_t j = 0; j < k && got < cap; j++) {
            out[got++] = tmp[j];
        }
    } while (k > 0);
    dsp_resampler_destroy(&r);
    free(tmp);
    free(x);
    *n = got;
    return out;
}

START_TEST(fda_pitch_against_the_laryngograph)
{
    const char *root = rp_test_data_path();
    if (root == NULL) {
        printf("data: RP_DATA_PATH unset or absent: skipping the FDA regression test\n");
        return;
    }
    static const char *names[] = {"rl001", "rl002", "rl003", "rl004", "rl005",
                                  "sb001", "sb002", "sb003", "sb004", "sb005"};
    unsigned long frames = 0, vde = 0, both = 0, gross = 0;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/speech/fda/%s.wav", root, names[k]);
        size_t n = 0;
        uint32_t rate = 0;
        float *x = read_wav16(path, &n, &rate);
        if (x == NULL) {
            printf("data: cannot read %s: skipping the FDA regression test\n", path);
            return;
        }
        x = to_16k(x, &n, rate);
        dsp_features_config cfg = dsp_features_config_default();
        dsp_features *f = NULL;
        ck_assert_int_eq(dsp_features_create(&cfg, &f), RP_OK);
        float *f0 = calloc(n / 160u + 1u, sizeof(float));
        size_t got = 0;
        dsp_frame fr;
        for (size_t h = 0; h + 160u <= n; h += 160u) {
            if (dsp_features_process(f, x + h, &fr) == 1) {
                f0[got++] = fr.f0_hz;
            }
        }
        while (dsp_features_flush(f, &fr) == 1) {
            f0[got++] = fr.f0_hz;
        }
        dsp_features_destroy(&f);
        free(x);
        snprintf(path, sizeof path, "%s/speech/fda/%s.f0ref", root, names[k]);
        FILE *fp = fopen(path, "r");
        ck_assert_ptr_nonnull(fp);
        double ref;
        for (long i = 0; fscanf(fp, "%lf", &ref) == 1; i++) {
            /* MANIFEST.md: frame k is centred at k * 0.015 - 0.0075 s. */
            long j = lround(((double)i * 0.015 - 0.0075 - 0.005) / 0.01);
            float ours = (j >= 0 && (size_t)j < got) ? f0[j] : 0.0f;
            frames++;
            vde += (ref > 0.0) != (ours > 0.0f);
            if (ref > 0.0 && ours > 0.0f) {
                both++;
                gross += fabs((double)ours - ref) > 0.2 * ref;
            }
        }
        fclose(fp);
        free(f0);
    }
    double gpe = 100.0 * (double)gross / (double)both,
           vde_pct = 100.0 * (double)vde / (double)frames;
    printf("data: FDA GPE %.2f %%, VDE %.2f %% over %lu frames\n", gpe, vde_pct, frames);
    ck_assert_uint_gt(frames, 1000);
    /* Guards well above the measured 0.4 % / 5.2 %: they catch breakage, not noise. */
    ck_assert_double_lt(gpe, 2.0);
    ck_assert_double_lt(vde_pct, 8.0);
}
END_TEST

Suite *data_suite(void)
{
    Suite *s = suite_create("data");
    TCase *tc = tcase_create("fda");
    tcase_add_test(tc, fda_pitch_against_the_laryngograph);
    suite_add_tcase(s, tc);
    return s;
}
