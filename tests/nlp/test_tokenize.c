/* tests/nlp/test_tokenize.c - tokeniser details that only show in the tokens
 * (through n_tokens and the scores they carry). */
#include <string.h>

#include "nlp/analyzer.h"
#include "suites.h"

static nlp_result analyze(nlp_analyzer *an, const char *text)
{
    nlp_result r;
    ck_assert_int_eq(nlp_analyzer_analyze(an, text, strlen(text), NLP_ROLE_CUSTOMER, &r), RP_OK);
    return r;
}

START_TEST(url_scheme_is_the_words_own_bytes)
{
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    /* "http" and "https" before "://" start a URL, which is skipped */
    ck_assert_uint_eq(analyze(an, "see http://example.com/awful ok").n_tokens, 2);
    ck_assert_uint_eq(analyze(an, "see HTTPS://example.com/awful ok").n_tokens, 2);
    /* a shorter word is no scheme, whatever an earlier word left in the buffer
     * ("http" then "a" once read as "http" for "ht") */
    nlp_result r = analyze(an, "http a ht://awful");
    ck_assert_uint_eq(r.n_tokens, 4);
    ck_assert_float_lt(r.valence, 0.0f);
    nlp_analyzer_destroy(&an);
}
END_TEST

Suite *nlp_tokenize_suite(void)
{
    Suite *s = suite_create("nlp_tokenize");
    TCase *tc = tcase_create("tokens");
    tcase_add_test(tc, url_scheme_is_the_words_own_bytes);
    suite_add_tcase(s, tc);
    return s;
}
