/* tests/dsp/test_convert.c - PCM16, float sanitising and G.711 decoding. */
#include <math.h>
#include <string.h>

#include "dsp/convert.h"
#include "suites.h"

START_TEST(pcm16_scales_to_unit_full_scale)
{
    const int16_t in[4] = {0, 16384, -32768, 32767};
    float out[4];
    dsp_pcm16_to_f32(out, in, 4);
    ck_assert_float_eq(out[0], 0.0f);
    ck_assert_float_eq(out[1], 0.5f);
    ck_assert_float_eq(out[2], -1.0f);
    ck_assert_float_eq_tol(out[3], 1.0f, 1e-4f);
}
END_TEST

START_TEST(pcm16le_bytes_at_any_alignment_match_pcm16)
{
    /* 0, 0.5, -1, 32767, -2 and 258 as little-endian pairs, after one byte of
     * padding so every pair is misaligned. */
    const uint8_t bytes[13] = {0xEE, 0x00, 0x00, 0x00, 0x40, 0x00, 0x80,
                               0xFF, 0x7F, 0xFE, 0xFF, 0x02, 0x01};
    const int16_t want[6] = {0, 16384, -32768, 32767, -2, 258};
    float out[6], ref[6];
    dsp_pcm16le_to_f32(out, bytes + 1, 6);
    dsp_pcm16_to_f32(ref, want, 6);
    for (int i = 0; i < 6; i++) {
        ck_assert_float_eq(out[i], ref[i]);
    }
    ck_assert_float_eq(out[5], 258.0f / 32768.0f);
    dsp_pcm16le_to_f32(out, bytes, 0); /* n == 0 reads nothing */
}
END_TEST

START_TEST(f32le_bytes_at_any_alignment_are_sanitised)
{
    const float vals[7] = {0.25f, -1.0f, 3.5f, -2.0f, INFINITY, -INFINITY, NAN};
    const float want[7] = {0.25f, -1.0f, 1.0f, -1.0f, 0.0f, 0.0f, 0.0f};
    uint8_t bytes[1 + 4 * 7];
    for (int i = 0; i < 7; i++) { /* little-endian, after one byte of padding */
        uint32_t bits;
        memcpy(&bits, &vals[i], sizeof bits);
        for (int b = 0; b < 4; b++) {
            bytes[1 + 4 * i + b] = (uint8_t)(bits >> (8 * b));
        }
    }
    float out[7];
    dsp_f32le_to_f32(out, bytes + 1, 7);
    for (int i = 0; i < 7; i++) {
        ck_assert_float_eq(out[i], want[i]);
    }
    dsp_f32le_to_f32(out, bytes, 0);
}
END_TEST

START_TEST(mulaw_decodes_the_g711_table_ends_and_is_monotonic)
{
    ck_assert_int_eq(dsp_mulaw_decode(0xFF), 0);
    ck_assert_int_eq(dsp_mulaw_decode(0x7F), 0);
    ck_assert_int_eq(dsp_mulaw_decode(0x80), 32124);
    ck_assert_int_eq(dsp_mulaw_decode(0x00), -32124);
    ck_assert_int_eq(dsp_mulaw_decode(0xFE), 8);
    ck_assert_int_eq(dsp_mulaw_decode(0x7E), -8);
    /* Codes 0x80..0xFF run from the largest positive value down to 0. */
    for (int c = 0x80; c < 0xFF; c++) {
        ck_assert_int_gt(dsp_mulaw_decode((uint8_t)c), dsp_mulaw_decode((uint8_t)(c + 1)));
        ck_assert_int_eq(dsp_mulaw_decode((uint8_t)c), -dsp_mulaw_decode((uint8_t)(c & 0x7F)));
    }
    uint8_t codes[2] = {0x80, 0xFF};
    float out[2];
    dsp_mulaw_to_f32(out, codes, 2);
    ck_assert_float_eq_tol(out[0], 32124.0f / 32768.0f, 1e-6f);
    ck_assert_float_eq(out[1], 0.0f);
}
END_TEST

START_TEST(alaw_decodes_the_g711_table_ends_and_is_monotonic)
{
    ck_assert_int_eq(dsp_alaw_decode(0xD5), 8);
    ck_assert_int_eq(dsp_alaw_decode(0x55), -8);
    ck_assert_int_eq(dsp_alaw_decode(0xAA), 32256);
    ck_assert_int_eq(dsp_alaw_decode(0x2A), -32256);
    /* After removing the even-bit inversion, magnitude grows with the code. */
    for (int m = 0; m < 127; m++) {
        uint8_t a = (uint8_t)((0x80 | m) ^ 0x55), b = (uint8_t)((0x80 | (m + 1)) ^ 0x55);
        ck_assert_int_lt(dsp_alaw_decode(a), dsp_alaw_decode(b));
        ck_assert_int_eq(dsp_alaw_decode(a), -dsp_alaw_decode((uint8_t)(a & 0x7F)));
    }
    uint8_t codes[1] = {0xAA};
    float out[1];
    dsp_alaw_to_f32(out, codes, 1);
    ck_assert_float_eq_tol(out[0], 32256.0f / 32768.0f, 1e-6f);
}
END_TEST

START_TEST(sanitise_zeroes_non_finite_and_clips)
{
    const float in[5] = {NAN, INFINITY, -INFINITY, 5.0f, -0.25f};
    float out[5];
    ck_assert_uint_eq(dsp_f32_sanitise(out, in, 5, 2.0f), 4);
    ck_assert_float_eq(out[0], 0.0f);
    ck_assert_float_eq(out[1], 0.0f);
    ck_assert_float_eq(out[2], 0.0f);
    ck_assert_float_eq(out[3], 2.0f);
    ck_assert_float_eq(out[4], -0.25f);
    ck_assert_uint_eq(dsp_f32_sanitise(out, in, 0, 2.0f), 0);
}
END_TEST

Suite *convert_suite(void)
{
    Suite *s = suite_create("convert");
    TCase *tc = tcase_create("formats");
    tcase_add_test(tc, pcm16_scales_to_unit_full_scale);
    tcase_add_test(tc, pcm16le_bytes_at_any_alignment_match_pcm16);
    tcase_add_test(tc, f32le_bytes_at_any_alignment_are_sanitised);
    tcase_add_test(tc, mulaw_decodes_the_g711_table_ends_and_is_monotonic);
    tcase_add_test(tc, alaw_decodes_the_g711_table_ends_and_is_monotonic);
    tcase_add_test(tc, sanitise_zeroes_non_finite_and_clips);
    suite_add_tcase(s, tc);
    return s;
}
