/* tests/nlp/test_robust.c - invalid UTF-8, huge and random input, allocation
 * failure at every step of create, and no allocation while analysing or
 * explaining. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "nlp/analyzer.h"
#include "suites.h"
#include "testutil.h"

static void check_ranges(const nlp_result *r)
{
    ck_assert(r->valence >= -1.0f && r->valence <= 1.0f);
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        ck_assert(r->emotions[k] >= 0.0f && r->emotions[k] <= 1.0f);
    }
    ck_assert(r->complaint >= 0.0f && r->complaint <= 1.0f);
    ck_assert(r->escalation >= 0.0f && r->escalation <= 1.0f);
    ck_assert((unsigned)r->escalation_type < NLP_ESC_COUNT);
    ck_assert(r->sarcasm >= 0.0f && r->sarcasm <= 1.0f);
    ck_assert(r->empathy >= 0.0f && r->empathy <= 1.0f);
    ck_assert(r->tone_deaf >= 0.0f && r->tone_deaf <= 1.0f);
    ck_assert(r->sensitive >= 0.0f && r->sensitive <= 1.0f);
    ck_assert((unsigned)r->sensitive_topic < NLP_TOPIC_COUNT);
    ck_assert(r->sensitive_topic == NLP_TOPIC_NONE || r->sensitive >= 0.5f);
}

START_TEST(invalid_utf8_never_crashes)
{
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    static const char *const bad[] = {
        "\xC3",                           /* truncated 2-byte sequence */
        "bad \xE2\x82 word",              /* truncated 3-byte */
        "\xF0\x9F\x98",                   /* truncated emoji */
        "\xC0\xAF overlong slash",        /* overlong */
        "\xED\xA0\x80 surrogate",         /* UTF-16 surrogate */
        "\xF4\x90\x80\x80 beyond 10FFFF", /* out of range */
        "\xFF\xFE\xFD great \x80\x81",
        "it's \xE2\x80", /* cut typographic apostrophe */
        "#\xFF @\xFE :\xF0",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nlp_result r;
        ck_assert_int_eq(nlp_analyzer_analyze(an, bad[i], strlen(bad[i]), NLP_ROLE_AGENT, &r),
                         RP_OK);
        check_ranges(&r);
    }
    /* embedded NUL bytes are data, not terminators */
    nlp_result r;
    ck_assert_int_eq(nlp_analyzer_analyze(an, "bad\0good good", 13, NLP_ROLE_CUSTOMER, &r), RP_OK);
    ck_assert_float_gt(r.valence, 0.0f);
    nlp_analyzer_destroy(&an);
    ck_assert_ptr_null(an);
}
END_TEST

START_TEST(huge_and_random_input)
{
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    size_t n = 1u << 20;
    char *big = malloc(n);
    ck_assert_ptr_nonnull(big);
    /* one huge word, one huge run of punctuation, one of emoji, one of digits */
    static const char *const fills[] = {"a", "!", "\xF0\x9F\x98\xA1", "4", "\xE2\x80\x99", ":)"};
    for (size_t f = 0; f < sizeof fills / sizeof fills[0]; f++) {
        size_t len = strlen(fills[f]);
        for (size_t i = 0; i + len <= n; i += len) {
            memcpy(big + i, fills[f], len);
        }
        nlp_result r;
        ck_assert_int_eq(nlp_analyzer_analyze(an, big, n, NLP_ROLE_CUSTOMER, &r), RP_OK);
        ck_assert(r.truncated);
        check_ranges(&r);
        size_t red_len = 0;
        nlp_analyzer_redacted(an, &red_len);
        ck_assert_uint_le(red_len, nlp_analyzer_config_default().max_message_bytes * 4);
    }
    uint64_t st = rp_test_seed() | 1;
    for (int iter = 0; iter < 3000; iter++) {
        size_t len = (size_t)(rp_test_rand(&st) % 600);
        for (size_t i = 0; i < len; i++) {
            uint64_t x = rp_test_rand(&st);
            /* mix raw bytes with characters that drive the tokeniser's branches */
            static const char alphabet[] = "aZ'#@:;()!?., -4\n\t\xE2\x80\x99\xF0\x9F";
            big[i] = (x & 1) ? (char)(x >> 8) : alphabet[(x >> 8) % (sizeof alphabet - 1)];
        }
        nlp_result r;
        ck_assert_int_eq(
            nlp_analyzer_analyze(an, big, len, (iter & 1) ? NLP_ROLE_AGENT : NLP_ROLE_CUSTOMER, &r),
            RP_OK);
        check_ranges(&r);
    }
    free(big);
    nlp_analyzer_destroy(&an);
}
END_TEST

START_TEST(create_survives_allocation_failure_at_every_step)
{
    if (!rp_alloc_hooks_enabled()) {
        printf("nlp: allocation hooks disabled; skipping fault injection\n");
        return;
    }
    nlp_analyzer_config cfgs[2] = {nlp_analyzer_config_default(), nlp_analyzer_config_default()};
    cfgs[1].max_message_bytes = 64;
    for (int c = 0; c < 2; c++) {
        int failures = 0;
        for (uint64_t n = 1;; n++) {
            nlp_analyzer *an = NULL;
            rp_alloc_fail_at(n);
            int rc = nlp_analyzer_create(&cfgs[c], &an);
            bool fired = rp_alloc_fault_fired();
            rp_alloc_fail_at(0);
            if (!fired) {
                ck_assert_int_eq(rc, RP_OK);
                ck_assert_ptr_nonnull(an);
                nlp_analyzer_destroy(&an);
                break;
            }
            ck_assert_int_eq(rc, RP_ENOMEM);
            ck_assert_ptr_null(an);
            failures++;
            ck_assert_int_lt(failures, 100);
        }
        ck_assert_int_gt(failures, 0);
    }
}
END_TEST

START_TEST(analyse_allocates_nothing)
{
    if (!rp_alloc_hooks_enabled()) {
        printf("nlp: allocation hooks disabled; skipping the allocation count\n");
        return;
    }
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    static const char *const msgs[] = {
        "Oh great, thanks a lot.",
        "I want to speak to your manager NOW!!!",
        "I understand how frustrating this must be.",
        "card 4111 1111 1111 1111 cvv 123 mail a@b.co phone +44 20 7946 0958",
        "My husband passed away and I can't afford the bill, I don't recognise this charge",
        ("\xF0\x9F\x98\xA1 caf\xC3\xA9 \xEF\xBC\xA7\xEF\xBC\xAF\xEF\xBC\xAF\xEF\xBC\xA4 \xFF :) "
         "#not"),
    };
    uint64_t before = rp_alloc_count();
    float sink = 0.0f;
    for (int i = 0; i < 10000; i++) {
        const char *m = msgs[i % (sizeof msgs / sizeof msgs[0])];
        nlp_result r;
        ck_assert_int_eq(nlp_analyzer_analyze(an, m, strlen(m), (nlp_role)(i & 1), &r), RP_OK);
        sink += r.valence;
        char why[256];
        sink += (float)nlp_analyzer_explain(an, &r, why, sizeof why);
    }
    ck_assert_uint_eq(rp_alloc_count() - before, 0);
    ck_assert(sink == sink);
    nlp_analyzer_destroy(&an);
}
END_TEST

Suite *nlp_robust_suite(void)
{
    Suite *s = suite_create("nlp_robust");
    TCase *tc = tcase_create("robust");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, invalid_utf8_never_crashes);
    tcase_add_test(tc, huge_and_random_input);
    tcase_add_test(tc, create_survives_allocation_failure_at_every_step);
    tcase_add_test(tc, analyse_allocates_nothing);
    suite_add_tcase(s, tc);
    return s;
}
