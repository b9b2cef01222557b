/* tests/bench/test_synth.c - speech synthesis for scenarios: G.711 encoding,
 * placement of turns on their channel, gain, rates, the cache. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/scenario.h"
#include "bench/synth.h"
#include "common/status.h"
#include "dsp/convert.h"
#include "suites.h"

START_TEST(mulaw_round_trip)
{
    ck_assert_uint_eq(bench_mulaw_encode(0), 0xFF);
    ck_assert_int_eq(dsp_mulaw_decode(bench_mulaw_encode(0)), 0);
    ck_assert_uint_eq(bench_mulaw_encode(32767), 0x80);
    ck_assert_uint_eq(bench_mulaw_encode(-32768), 0x00);
    int prev = -40000;
    for (int x = -32768; x <= 32767; x++) {
        int y = dsp_mulaw_decode(bench_mulaw_encode((int16_t)x));
        int err = abs(y - x);
        int bound = (x > 32124 || x < -32124) ? 700 : abs(x) / 16 + 16;
        ck_assert_msg(err <= bound, "x=%d decoded %d", x, y);
        ck_assert_msg(y >= prev, "not monotonic at %d", x);
        prev = y;
        /* every code decodes and re-encodes to itself (except the two zeros) */
    }
    for (int c = 0; c < 256; c++) {
        int16_t v = dsp_mulaw_decode((uint8_t)c);
        uint8_t back = bench_mulaw_encode(v);
        if (c != 0x7F) {
            ck_assert_msg(back == c, "code %#x -> %d -> %#x", c, v, back);
        }
    }
}
END_TEST

static bench_scenario *parse(const char *text)
{
    char err[RP_ERR_LEN];
    bench_scenario *sc = NULL;
    ck_assert_msg(bench_scenario_parse("s.yaml", text, strlen(text), &sc, err) == RP_OK, "%s", err);
    return sc;
}

static double rms(const float *x, size_t from, size_t to)
{
    double s = 0.0;
    for (size_t i = from; i < to; i++) {
        s += (double)x[i] * x[i];
    }
    return to > from ? sqrt(s / (double)(to - from)) : 0.0;
}

static const char *const k_two =
    "id: two\nline: {noise_db: -70}\n"
    "voices: {customer: {voice: en-us+m3, wpm: 165, pitch: 45}}\n"
    "turns:\n"
    "  - {who: agent, at: 0.5, text: \"Hello, how can I help you today?\"}\n"
    "  - {who: customer, gap: 1.0, text: \"Hello, how can I help you today?\", gain_db: 6}\n";

START_TEST(turns_on_their_channel)
{
    bench_scenario *sc = parse(k_two);
    bench_audio au;
    char err[RP_ERR_LEN];
    ck_assert_msg(bench_synth(sc, NULL, &au, err) == RP_OK, "%s", err);
    ck_assert_uint_eq(au.rate_hz, 16000);
    ck_assert(!au.from_cache);
    const bench_turn *a = &sc->turns[0], *c = &sc->turns[1];
    ck_assert(a->end_s - a->start_s > 1.0 && a->end_s - a->start_s < 4.0);
    ck_assert_double_eq_tol(c->start_s, a->end_s + 1.0, 1e-9);
    ck_assert_uint_eq(au.n, (size_t)ceil(sc->duration_s * 16000.0));
    size_t a0 = (size_t)(a->start_s * 16000), a1 = (size_t)(a->end_s * 16000);
    size_t c0 = (size_t)(c->start_s * 16000), c1 = (size_t)(c->end_s * 16000);
    /* speech where the turn is, the line floor elsewhere */
    double agent_speech = rms(au.ch[0], a0, a1), customer_speech = rms(au.ch[1], c0, c1);
    ck_assert(agent_speech > 0.02);
    ck_assert(rms(au.ch[0], c0, c1) < 0.001);
    ck_assert(rms(au.ch[1], a0, a1) < 0.001);
    ck_assert(rms(au.ch[0], 0, 4000) < 0.001);
    /* the same words 6 dB louder: twice the amplitude */
    double ratio = customer_speech / agent_speech;
    ck_assert_msg(fabs(ratio - 2.0) < 0.1, "ratio %.3f", ratio);
    for (size_t i = 0; i < au.n; i++) {
        ck_assert(au.ch[0][i] >= -1.0f && au.ch[0][i] <= 1.0f);
    }
    bench_audio_free(&au);
    ck_assert_ptr_null(au.ch[0]);
    bench_scenario_free(&sc);
}
END_TEST

START_TEST(narrowband_g711)
{
    bench_scenario *sc = parse("id: nb\nrate_hz: 8000\nline: {noise_db: -50, g711: mulaw}\n"
                               "turns:\n  - {who: agent, at: 0.2, text: \"Good morning.\"}\n");
    bench_audio au;
    char err[RP_ERR_LEN];
    ck_assert_msg(bench_synth(sc, NULL, &au, err) == RP_OK, "%s", err);
    ck_assert_uint_eq(au.rate_hz, 8000);
    ck_assert_uint_eq(au.n, (size_t)ceil(sc->duration_s * 8000.0));
    /* every sample is a mu-law value */
    for (size_t i = 0; i < au.n; i += 7) {
        float v = au.ch[1][i];
        int16_t q = (int16_t)lroundf(v * 32768.0f);
        ck_assert_int_eq(dsp_mulaw_decode(bench_mulaw_encode(q)), q);
    }
    /* -50 dBFS of noise on the silent channel */
    double r = rms(au.ch[1], 0, au.n);
    ck_assert_msg(r > 0.0025 && r < 0.0040, "noise rms %.5f", r);
    bench_audio_free(&au);
    bench_scenario_free(&sc);
}
END_TEST

START_TEST(cache_reads_back)
{
    char dir[] = "/tmp/rp-bench-cache-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    bench_scenario *sc = parse(k_two);
    bench_audio a1, a2;
    char err[RP_ERR_LEN];
    ck_assert_msg(bench_synth(sc, dir, &a1, err) == RP_OK, "%s", err);
    ck_assert(!a1.from_cache);
    double end1 = sc->turns[1].end_s;
    bench_scenario_free(&sc);
    sc = parse(k_two);
    ck_assert_msg(bench_synth(sc, dir, &a2, err) == RP_OK, "%s", err);
    ck_assert(a2.from_cache);
    ck_assert_double_eq_tol(sc->turns[1].end_s, end1, 1e-5);
    ck_assert_uint_eq(a1.n, a2.n);
    ck_assert_int_eq(memcmp(a1.ch[0], a2.ch[0], a1.n * sizeof(float)), 0);
    ck_assert_int_eq(memcmp(a1.ch[1], a2.ch[1], a1.n * sizeof(float)), 0);
    bench_audio_free(&a2);
    bench_scenario_free(&sc);
    /* a changed file is a new key */
    char changed[512];
    snprintf(changed, sizeof changed, "%s# edited\n", k_two);
    sc = parse(changed);
    ck_assert_msg(bench_synth(sc, dir, &a2, err) == RP_OK, "%s", err);
    ck_assert(!a2.from_cache);
    bench_audio_free(&a2);
    bench_audio_free(&a1);
    bench_scenario_free(&sc);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}
END_TEST

START_TEST(unknown_voice_names_the_line)
{
    bench_scenario *sc = parse("id: v\nturns:\n  - {who: agent, text: hi}\n"
                               "  - {who: agent, voice: xx-nonexistent, text: hi}\n");
    bench_audio au;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(bench_synth(sc, NULL, &au, err), RP_EINVAL);
    ck_assert_str_eq(err, "s.yaml:4: espeak-ng has no voice 'xx-nonexistent'");
    ck_assert_ptr_null(au.ch[0]);
    bench_scenario_free(&sc);
}
END_TEST

START_TEST(chat_has_no_audio)
{
    bench_scenario *sc = parse("id: c\nmedium: chat\nmessages:\n  - {who: customer, at: 2, "
                               "text: hi}\n");
    bench_audio au;
    char err[RP_ERR_LEN];
    ck_assert_int_eq(bench_synth(sc, NULL, &au, err), RP_OK);
    ck_assert_uint_eq(au.n, 0);
    ck_assert_double_eq_tol(sc->duration_s, 3.0, 1e-9);
    bench_audio_free(&au);
    bench_scenario_free(&sc);
}
END_TEST

Suite *bench_synth_suite(void)
{
    Suite *s = suite_create("bench_synth");
    TCase *tc = tcase_create("synth");
    tcase_add_test(tc, mulaw_round_trip);
    tcase_add_test(tc, turns_on_their_channel);
    tcase_add_test(tc, narrowband_g711);
    tcase_add_test(tc, cache_reads_back);
    tcase_add_test(tc, unknown_voice_names_the_line);
    tcase_add_test(tc, chat_has_no_audio);
    suite_add_tcase(s, tc);
    return s;
}
