/* tests/nlp/test_tokenize.c - tokeniser details that only show in the tokens
 * (through n_tokens and the scores they carry), and the word-at-a-time path
 * against the byte-at-a-time reference (nlp/analyzer_ref.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/analyzer.h"
#include "nlp/analyzer_ref.h"
#include "nlp/lexicon.h"
#include "suites.h"
#include "testutil.h"

static nlp_result analyze(nlp_analyzer *an, const char *text)
{
    nlp_result r;
    ck_assert_int_eq(nlp_analyzer_analyze(an, text, strlen(text), NLP_ROLE_CUSTOMER, &r), RP_OK);
    return r;
}

/* Every word the rules read by id is a lexicon word (a typo or a word no term
 * has would never match, silently). */
START_TEST(every_rule_word_has_a_word_id)
{
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    ck_assert_uint_eq(nlp_analyzer_missing_words(an), 0);
    nlp_analyzer_destroy(&an);
}
END_TEST

/* The word id of a word of the built-in lexicon, -1 when it has none. */
static int32_t word_id_of(const char *w)
{
    int32_t slot = nlp_lex_find(&nlp_lexicon_builtin, w, strlen(w));
    return slot >= 0 ? nlp_lexicon_builtin.slots[slot].word_id : -1;
}

/* A typing error of a "~" word (nlp/lexicon/spelling.txt) is the word itself,
 * in its phrases too: the same word id and entry. A variant that is another
 * word keeps its own meaning, and one no error makes is no word. */
START_TEST(typing_errors_are_the_word)
{
    static const char *const same[][2] = {
        {"acount", "account"},
        {"delte", "delete"},
        {"cancle", "cancel"},
        {"humna", "human"},
        {"complaitn", "complaint"},
        {"reprasentative", "representative"},
        {"cancelation", "cancellation"},
        {"chargd", "charged"},
        {"complainr", "complaint"},
        {"persom", "person"},
    };
    for (size_t i = 0; i < sizeof same / sizeof same[0]; i++) {
        int32_t a = word_id_of(same[i][0]), b = word_id_of(same[i][1]);
        ck_assert_msg(b >= 0 && a == b, "%s: %d, %s: %d", same[i][0], a, same[i][1], b);
        int32_t sa = nlp_lex_find(&nlp_lexicon_builtin, same[i][0], strlen(same[i][0]));
        int32_t sb = nlp_lex_find(&nlp_lexicon_builtin, same[i][1], strlen(same[i][1]));
        ck_assert_int_eq(nlp_lexicon_builtin.slots[sa].entry, nlp_lexicon_builtin.slots[sb].entry);
    }
    /* other words: "compliant", "manage" and "complain" are no "complaint", "manager" */
    ck_assert_int_ne(word_id_of("compliant"), word_id_of("complaint"));
    ck_assert_int_ne(word_id_of("manage"), word_id_of("manager"));
    ck_assert_int_ne(word_id_of("woking"), word_id_of("working")); /* a town */
    ck_assert_int_ne(word_id_of("waiter"), word_id_of("waited"));  /* a key away, a word */
    ck_assert_int_ne(word_id_of("complain"), word_id_of("complaint"));
    /* ... and they mean what the word means */
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    float typed = analyze(an, "thnaks so much, very helpfull").valence;
    ck_assert_float_eq(typed, analyze(an, "thanks so much, very helpful").valence);
    typed = analyze(an, "the sevrice is terirble").valence;
    ck_assert_float_eq(typed, analyze(an, "the service is terrible").valence);
    ck_assert_float_lt(typed, -0.3f);
    nlp_analyzer_destroy(&an);
    ck_assert_int_eq(word_id_of("acnout"), -1); /* two errors */
    ck_assert_int_eq(word_id_of("ccount"), -1); /* the first letter */
}
END_TEST

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

/* The redactor's markers are no words: a transcript redacted before and read
 * again ("[NAME]" would be the word "name", the redactor's hint for a name);
 * other text in brackets is (thirtieth session). */
START_TEST(redaction_markers_are_no_words)
{
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    ck_assert_uint_eq(analyze(an, "thanks [NAME] for the help").n_tokens, 4);
    ck_assert_uint_eq(analyze(an, "card [CARD] code [CVV] at [ADDRESS]").n_tokens, 3);
    ck_assert_uint_eq(analyze(an, "[NAMES] [Name] [NAME [IT]").n_tokens, 4);
    nlp_analyzer_destroy(&an);
}
END_TEST

/* A given name (nlp/lexicon/given_names.txt) is a slot of its own with no
 * word id, no entry or root and only the redactor's hint, so that every
 * output but the redaction is what a word outside the lexicon gives; a name
 * that is a word of the lexicon stays that word. */
START_TEST(given_names_read_as_unknown_words)
{
    static const char *const names[] = {"priya", "siobhan", "dave", "tom"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        int32_t slot = nlp_lex_find(&nlp_lexicon_builtin, names[i], strlen(names[i]));
        ck_assert_int_ge(slot, 0);
        const nlp_lex_slot *sl = &nlp_lexicon_builtin.slots[slot];
        ck_assert_int_eq(sl->word_id, -1);
        ck_assert_uint_eq(sl->root, 0);
        ck_assert_uint_eq(sl->word_tags, 0);
        ck_assert_uint_eq(sl->word_tags2, NLP_WORD2_SECRET);
        ck_assert_int_eq(sl->entry, strcmp(names[i], "tom") == 0 ? NLP_LEX_GIVEN_TITLE : -1);
        ck_assert_int_eq(nlp_lex_slot_sarcasm(sl), 0);
    }
    ck_assert_int_ge(
        nlp_lexicon_builtin.slots[nlp_lex_find(&nlp_lexicon_builtin, "thanks", 6)].word_id, 0);
    /* a name that is a word of a phrase keeps the word, with the tag and the mark */
    const nlp_lex_slot *margaret =
        &nlp_lexicon_builtin.slots[nlp_lex_find(&nlp_lexicon_builtin, "margaret", 8)];
    ck_assert_int_ge(margaret->word_id, 0);
    ck_assert_int_eq(margaret->entry, NLP_LEX_GIVEN_WORD);
    ck_assert_uint_eq(margaret->word_tags2 & NLP_WORD2_SECRET, NLP_WORD2_SECRET);
    /* every given name is in the table of first letters and lengths the redactor
     * reads before its look-up, those that are words too */
    static const char *const firsts[] = {"priya", "siobhan", "tom", "margaret", "louise"};
    for (size_t i = 0; i < sizeof firsts / sizeof firsts[0]; i++) {
        const char *w = firsts[i];
        uint32_t bits = nlp_lexicon_builtin.given_lens[(w[0] - 'a') * 26 + (w[1] - 'a')];
        ck_assert_msg((bits >> strlen(w)) & 1u, "%s: not in given_lens", w);
    }
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    static const char *const pairs[][2] = {
        {"Priya never rang back, useless", "Qzvx never rang back, useless"},
        {"dave said it would be fixed by friday", "xqwv said it would be fixed by friday"},
        {"Tom never rang back!!!", "Qzv never rang back!!!"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        nlp_result a = analyze(an, pairs[i][0]), b = analyze(an, pairs[i][1]);
        ck_assert_uint_gt(a.pii, 0);
        ck_assert_uint_eq(b.pii, 0);
        a.pii = b.pii = 0;
        ck_assert_msg(memcmp(&a, &b, sizeof a) == 0, "%s: not as an unknown word", pairs[i][0]);
        /* and the explanation the same: a given name hides nothing after it */
        char xa[512], xb[512];
        nlp_result ra = analyze(an, pairs[i][0]);
        nlp_analyzer_explain(an, &ra, xa, sizeof xa);
        nlp_result rb = analyze(an, pairs[i][1]);
        nlp_analyzer_explain(an, &rb, xb, sizeof xb);
        ck_assert_str_eq(xa, xb);
    }
    nlp_analyzer_destroy(&an);
}
END_TEST

/* Puts the edge node --word--> child (accepting entry, -1 for none) in a
 * hand-made edge table, as nlp/gen_lexicon.py does. */
static void put_edge(nlp_lex_edge_slot *slots, uint32_t bits, uint8_t *filter, uint32_t node,
                     uint32_t word, uint32_t child, int32_t entry)
{
    uint32_t key = nlp_lex_edge_key(node, word);
    uint32_t i = (key * NLP_LEX_EDGE_HASH_MUL) >> (32u - bits);
    while (slots[i].key != 0) {
        i = (i + 1u) & ((1u << bits) - 1u);
    }
    slots[i].key = key;
    slots[i].link = child | (uint32_t)(entry + 1) << NLP_LEX_NODE_BITS;
    uint32_t fb = (key * NLP_LEX_EDGE_FILTER_MUL) >> (32u - NLP_LEX_EDGE_FILTER_BITS);
    filter[fb >> 3] |= (uint8_t)(1u << (fb & 7u));
}

/* The phrase trie is not held to 16-bit ids: a step reaches and leaves nodes
 * up to the last NLP_LEX_NODE_BITS allows, along the last word id, and
 * returns the largest entry an edge can accept. */
START_TEST(trie_steps_past_sixteen_bit_nodes)
{
    static nlp_lex_edge_slot slots[16];
    static uint8_t filter[1u << (NLP_LEX_EDGE_FILTER_BITS - 3u)];
    const uint32_t last_node = (1u << NLP_LEX_NODE_BITS) - 3u; /* the generator's largest */
    const uint32_t last_word = (1u << NLP_LEX_WORD_BITS) - 1u;
    const int32_t last_entry = (int32_t)(1u << (32u - NLP_LEX_NODE_BITS)) - 2;
    put_edge(slots, 4, filter, 1, 5, 70000, 3);
    put_edge(slots, 4, filter, 70000, last_word, last_node, last_entry);
    put_edge(slots, 4, filter, last_node, 0, 2, -1);
    nlp_lexicon lex = {
        .n_nodes = last_node + 1, .edge_slots = slots, .edge_bits = 4, .edge_filter = filter};
    int32_t accept = 0;
    ck_assert_uint_eq(nlp_lex_step(&lex, 1, 5, &accept), 70000);
    ck_assert_int_eq(accept, 3);
    ck_assert_uint_eq(nlp_lex_step(&lex, 70000, (int32_t)last_word, &accept), last_node);
    ck_assert_int_eq(accept, last_entry);
    ck_assert_uint_eq(nlp_lex_step(&lex, last_node, 0, &accept), 2);
    ck_assert_int_eq(accept, -1);
    /* 70000 is 4464 in 16 bits: no edge there, nor along another word */
    ck_assert_uint_eq(nlp_lex_step(&lex, 70000 & 0xFFFFu, (int32_t)last_word, &accept), 0);
    ck_assert_uint_eq(nlp_lex_step(&lex, 1, 6, &accept), 0);
    ck_assert_int_eq(accept, -1);
    ck_assert_uint_eq(nlp_lex_step(&lex, 1, -1, &accept), 0);
}
END_TEST

/* The two analysers (word at a time, reference) on one message: every output
 * and the redacted text must be the same bit for bit. The message is copied
 * to a buffer of exactly n bytes at an odd offset, so a read past the end is a
 * sanitizer error. */
static void compare_paths(nlp_analyzer *fast, nlp_analyzer *ref, const char *text, size_t n)
{
    char *buf = malloc(n + 1);
    ck_assert_ptr_nonnull(buf);
    char *msg = buf + 1;
    if (n > 0) {
        memcpy(msg, text, n);
    }
    for (int role = 0; role < 2; role++) {
        nlp_result a, b;
        ck_assert_int_eq(nlp_analyzer_analyze(fast, msg, n, (nlp_role)role, &a), RP_OK);
        ck_assert_int_eq(nlp_analyzer_analyze(ref, msg, n, (nlp_role)role, &b), RP_OK);
        if (memcmp(&a, &b, sizeof a) != 0) {
            fprintf(stderr, "word and reference paths differ on %zu bytes: \"%.*s\"\n", n, (int)n,
                    msg);
        }
        ck_assert_uint_eq(a.n_tokens, b.n_tokens);
        ck_assert_mem_eq(&a, &b, sizeof a);
        size_t ta = 0, tb = 0;
        const void *tok_a = nlp_analyzer_tokens(fast, &ta);
        const void *tok_b = nlp_analyzer_tokens(ref, &tb);
        ck_assert_uint_eq(ta, tb);
        ck_assert_mem_eq(tok_a, tok_b, ta);
        size_t la = 0, lb = 0;
        const char *ra = nlp_analyzer_redacted(fast, &la);
        const char *rb = nlp_analyzer_redacted(ref, &lb);
        ck_assert_uint_eq(la, lb);
        ck_assert_mem_eq(ra, rb, la);
    }
    free(buf);
}

START_TEST(word_path_matches_reference_on_edge_cases)
{
    nlp_analyzer *fast = NULL, *ref = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &fast), RP_OK);
    ck_assert_int_eq(nlp_analyzer_create(NULL, &ref), RP_OK);
    nlp_analyzer_use_reference(fast, false);
    nlp_analyzer_use_reference(ref, true);
#define CASE(text)                                                                                 \
    {                                                                                              \
        text, sizeof(text) - 1                                                                     \
    }
    static const struct {
        const char *text;
        size_t len; /* NUL bytes included */
    } cases[] = {
        CASE("I'll never buy this, don't bother. It's GREAT!!! sooo goood"),
        CASE("BAD service,TERRIBLE.Awful;ok:fine?yes!no"),
        CASE("abcdefghijklmno abcdefghijklmnop abcdefghijklmnopq "
             "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"),
        CASE("aaa bbbb ccccc 000 1000 a1a1a1 AAA Aaa aAA zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"),
        CASE("http://x.co/a https://y.org/1 htt://z http:x https/ ftp://q HTTP://Z"),
        CASE("thanks [NAME] for [CARD][CVV] at [ADDRESS], [NAMES] [Name] [NAME [ID]x"),
        CASE("caf\xc3\xa9 na\xc3\xafve cafe\xcc\x81 don\xe2\x80\x99t I\xe2\x80\x99m "
             "\xef\xbc\xa7\xef\xbc\xaf"),
        CASE("#hashtag #NotGood @user mail me at a@b.co or +44 20 7946 0958, card "
             "4111111111111111"),
        CASE("good\x80"
             "bad\xff ok\xc3 fine\0nice \t\r\n end."),
        CASE(":) :-( word:) word:( <3 &lt;3 xD :DDD =((( ;)"),
        CASE("\xc2\xa3"
             "3.20 for a latte, $65 for a bag; \xe2\x82\xac"
             "1,000.50 or 3. 4,x .5 $ $a 1.2.3."),
        CASE("D: T_T o_O O.o x( X_X D=  Plan D: call aD: D:x T_Tx T.T. so D:) ok T_T_T D:: 8)"),
        CASE("n't 't ' 'a a' don't won't can'T DON'T o'clock rock'n'roll"),
        CASE("a"),
        CASE("ab"),
        CASE("abc"),
        CASE("I"),
        CASE("ok"),
        CASE("!"),
        CASE(""),
        CASE(" "),
        CASE("  a  "),
        CASE("a."),
        CASE(".a"),
        CASE("a'"),
        CASE("'a"),
    };
#undef CASE
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        size_t len = cases[c].len;
        /* every prefix and suffix: words cut at the end of the text */
        for (size_t k = 0; k <= len; k++) {
            compare_paths(fast, ref, cases[c].text, k);
            compare_paths(fast, ref, cases[c].text + k, len - k);
        }
    }
    nlp_analyzer_destroy(&fast);
    nlp_analyzer_destroy(&ref);
}
END_TEST

/* The emotion models' SSE2 sums add 16-bit lanes for 256 tokens at a time:
 * around and past that, with words of the largest weights ("sad" and "thanks"
 * weigh 127 / 32 in two models), the word path must give the reference's
 * floats bit for bit. */
START_TEST(emotion_sums_past_256_tokens)
{
    nlp_analyzer *fast = NULL, *ref = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &fast), RP_OK);
    ck_assert_int_eq(nlp_analyzer_create(NULL, &ref), RP_OK);
    nlp_analyzer_use_reference(fast, false);
    nlp_analyzer_use_reference(ref, true);
    static const size_t counts[] = {1, 255, 256, 257, 511, 512, 513, 1300};
    static const char *const words[] = {"sad ", "thanks ", "please ", "x "};
    char *buf = malloc(8192);
    ck_assert_ptr_nonnull(buf);
    for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
        for (size_t c = 0; c < sizeof counts / sizeof counts[0]; c++) {
            size_t len = 0, n = strlen(words[w]);
            for (size_t k = 0; k < counts[c] && len + n <= 8192; k++) {
                memcpy(buf + len, words[w], n);
                len += n;
            }
            compare_paths(fast, ref, buf, len);
        }
    }
    free(buf);
    nlp_analyzer_destroy(&fast);
    nlp_analyzer_destroy(&ref);
}
END_TEST

START_TEST(word_path_matches_reference_on_random_text)
{
    uint64_t state = rp_test_seed();
    nlp_analyzer_config cfg = nlp_analyzer_config_default();
    cfg.max_message_bytes = 512; /* also reaches truncation and the token limit */
    nlp_analyzer *fast = NULL, *ref = NULL;
    ck_assert_int_eq(nlp_analyzer_create(&cfg, &fast), RP_OK);
    ck_assert_int_eq(nlp_analyzer_create(&cfg, &ref), RP_OK);
    nlp_analyzer_use_reference(fast, false);
    nlp_analyzer_use_reference(ref, true);
    static const char *const parts[] = {"a",
                                        "A",
                                        "o",
                                        "O",
                                        "s",
                                        "n",
                                        "t",
                                        "e",
                                        "E",
                                        "x",
                                        "D",
                                        "T",
                                        "1",
                                        "0",
                                        "9",
                                        " ",
                                        " ",
                                        " ",
                                        "  ",
                                        "'",
                                        "\xe2\x80\x99",
                                        "!",
                                        "?",
                                        ".",
                                        ",",
                                        ":",
                                        ";",
                                        "/",
                                        "#",
                                        "@",
                                        "(",
                                        ")",
                                        "-",
                                        "_",
                                        "\n",
                                        "\t",
                                        "\0",
                                        "\xc3\xa9",
                                        "\xc3\x89",
                                        "\xcc\x81",
                                        "\xf0\x9f\x98\x80",
                                        "\xff",
                                        "\x80",
                                        "http",
                                        "://",
                                        "good",
                                        "NOT",
                                        "bad",
                                        "don",
                                        "ll",
                                        "sooo",
                                        "LOVE",
                                        "manager",
                                        "cancel",
                                        "4111 1111 1111 1111",
                                        "cvv",
                                        "123",
                                        "a@b.com",
                                        ":)",
                                        "&lt;3"};
    char buf[600];
    for (int m = 0; m < 20000; m++) {
        size_t len = 0;
        size_t target = (size_t)(rp_test_rand(&state) % (m % 50 == 0 ? 590 : 120));
        while (len < target) {
            const char *p = parts[rp_test_rand(&state) % (sizeof parts / sizeof parts[0])];
            size_t pl = p[0] == '\0' ? 1 : strlen(p);
            if (len + pl > sizeof buf) {
                break;
            }
            memcpy(buf + len, p, pl);
            len += pl;
        }
        compare_paths(fast, ref, buf, len);
    }
    /* runs of one letter (elongations at every position of a 16-byte chunk) */
    for (size_t a = 0; a < 40; a++) {
        for (size_t b = 0; b < 6; b++) {
            size_t len = 0;
            for (size_t k = 0; k < a; k++) {
                buf[len++] = (char)('a' + k % 7);
            }
            for (size_t k = 0; k < b; k++) {
                buf[len++] = 'z';
            }
            buf[len++] = ' ';
            memcpy(buf + len, "word", 4);
            len += 4;
            compare_paths(fast, ref, buf, len);
        }
    }
    nlp_analyzer_destroy(&fast);
    nlp_analyzer_destroy(&ref);
}
END_TEST

Suite *nlp_tokenize_suite(void)
{
    Suite *s = suite_create("nlp_tokenize");
    TCase *tc = tcase_create("tokens");
    tcase_add_test(tc, every_rule_word_has_a_word_id);
    tcase_add_test(tc, typing_errors_are_the_word);
    tcase_add_test(tc, url_scheme_is_the_words_own_bytes);
    tcase_add_test(tc, given_names_read_as_unknown_words);
    tcase_add_test(tc, redaction_markers_are_no_words);
    tcase_add_test(tc, trie_steps_past_sixteen_bit_nodes);
    suite_add_tcase(s, tc);
    tc = tcase_create("word-vs-reference");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, word_path_matches_reference_on_edge_cases);
    tcase_add_test(tc, word_path_matches_reference_on_random_text);
    tcase_add_test(tc, emotion_sums_past_256_tokens);
    suite_add_tcase(s, tc);
    return s;
}
