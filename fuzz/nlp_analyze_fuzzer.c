/* fuzz/nlp_analyze_fuzzer.c - arbitrary bytes (invalid UTF-8 included) through
 * nlp_analyzer_analyze() for both roles and nlp_pii_redact(): never a crash,
 * every score in range, the redacted text within its documented bound and the
 * same as nlp_pii_redact()'s (the analyser's hints skip no span), and the
 * tokeniser's word-at-a-time path giving the same tokens, outputs and
 * explanation (nlp_analyzer_explain(), into a buffer of any size) as its
 * byte-at-a-time reference. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/analyzer.h"
#include "nlp/analyzer_ref.h"
#include "nlp/pii.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const nlp_result *r)
{
    int ok = r->valence >= -1.0f && r->valence <= 1.0f && r->complaint >= 0.0f &&
             r->complaint <= 1.0f && r->escalation >= 0.0f && r->escalation <= 1.0f &&
             (unsigned)r->escalation_type < NLP_ESC_COUNT && r->sarcasm >= 0.0f &&
             r->sarcasm <= 1.0f && r->empathy >= 0.0f && r->empathy <= 1.0f &&
             r->tone_deaf >= 0.0f && r->tone_deaf <= 1.0f && r->sensitive >= 0.0f &&
             r->sensitive <= 1.0f && (unsigned)r->sensitive_topic < NLP_TOPIC_COUNT &&
             (r->sensitive_topic == NLP_TOPIC_NONE || r->sensitive >= 0.5f);
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        ok = ok && r->emotions[k] >= 0.0f && r->emotions[k] <= 1.0f;
    }
    if (!ok) {
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    nlp_analyzer_config cfg = nlp_analyzer_config_default();
    cfg.max_message_bytes = 4096; /* small enough that fuzzers also reach truncation */
    nlp_analyzer *an = NULL, *ref = NULL;
    if (nlp_analyzer_create(&cfg, &an) != RP_OK) {
        return 0;
    }
    if (nlp_analyzer_create(&cfg, &ref) != RP_OK) {
        nlp_analyzer_destroy(&an);
        return 0;
    }
    nlp_analyzer_use_reference(an, false);
    nlp_analyzer_use_reference(ref, true);
    const char *text = (const char *)data;
    nlp_result r, r_ref;
    for (int role = 0; role < 2; role++) {
        if (nlp_analyzer_analyze(an, text, size, (nlp_role)role, &r) != RP_OK ||
            nlp_analyzer_analyze(ref, text, size, (nlp_role)role, &r_ref) != RP_OK) {
            abort();
        }
        check(&r);
        size_t n_red = 0, n_red_ref = 0, n_tok = 0, n_tok_ref = 0;
        const char *red = nlp_analyzer_redacted(an, &n_red);
        const char *red_ref = nlp_analyzer_redacted(ref, &n_red_ref);
        if (n_red > nlp_pii_redacted_cap(cfg.max_message_bytes)) {
            abort();
        }
        const void *tok = nlp_analyzer_tokens(an, &n_tok);
        const void *tok_ref = nlp_analyzer_tokens(ref, &n_tok_ref);
        if (memcmp(&r, &r_ref, sizeof r) != 0 || n_red != n_red_ref ||
            memcmp(red, red_ref, n_red) != 0 || n_tok != n_tok_ref ||
            memcmp(tok, tok_ref, n_tok) != 0) {
            abort(); /* the word-at-a-time tokeniser differs from its reference */
        }
        /* the explanation: within any buffer, NUL-terminated, the same from both paths */
        char why[512], why_ref[512];
        size_t cap = size > 0 ? 1 + data[0] % sizeof why : sizeof why;
        size_t n_why = nlp_analyzer_explain(an, &r, why, cap);
        size_t n_why_ref = nlp_analyzer_explain(ref, &r_ref, why_ref, cap);
        if (n_why >= cap || strlen(why) != n_why || n_why != n_why_ref ||
            memcmp(why, why_ref, n_why) != 0) {
            abort();
        }
    }
    size_t cap = nlp_pii_redacted_cap(size);
    char *out = malloc(cap);
    if (out != NULL) {
        size_t len = 0;
        int n_spans = nlp_pii_redact(text, size, out, cap, &len, NULL);
        if (n_spans < 0 || len >= cap) {
            abort();
        }
        /* the analyser's hints (a digit, an '@', a password's name, digits read
         * out) spare it the redactor's reading, never a span: the same text */
        size_t n_red = 0;
        const char *red = nlp_analyzer_redacted(an, &n_red);
        if (size <= cfg.max_message_bytes &&
            ((uint32_t)n_spans != r.pii || n_red != len || memcmp(red, out, len) != 0)) {
            abort();
        }
        free(out);
    }
    nlp_analyzer_destroy(&an);
    nlp_analyzer_destroy(&ref);
    return 0;
}
