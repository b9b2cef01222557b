/* bench/nlp/pii_corpus.h - a seeded generator of chat messages with known PII.
 *
 * Used by the PII recall/precision figures (bench) and by the unit tests. Each
 * message mixes real-looking PII (Luhn-valid cards from real issuer ranges,
 * security codes in context, e-mail, phone numbers, SSN / NI / SIN / Aadhaar
 * numbers, dates of birth in figures and in words) with distractors that must
 * stay (order numbers, Luhn-invalid card-like numbers, dates that are no one's
 * birth, amounts, 3-digit numbers out of context). Deterministic per seed.
 */
#ifndef BENCH_NLP_PII_CORPUS_H
#define BENCH_NLP_PII_CORPUS_H

#include <stddef.h>
#include <stdint.h>

#include "nlp/pii.h"

typedef struct bench_pii_stats {
    uint64_t expected[NLP_PII_KIND_COUNT]; /* spans planted */
    uint64_t found[NLP_PII_KIND_COUNT];    /* planted spans redacted (min per message) */
    uint64_t spurious[NLP_PII_KIND_COUNT]; /* redactions beyond the planted ones */
    uint64_t n_messages;
} bench_pii_stats;

/* Writes one message (NUL-terminated, < cap bytes; cap >= 512) and the number
 * of planted spans per kind. *state is an xorshift64* state (non-zero). */
size_t bench_pii_message(uint64_t *state, char *buf, size_t cap,
                         uint32_t planted[NLP_PII_KIND_COUNT]);

/* Generates n messages from seed, redacts them and accumulates the counts. */
void bench_pii_evaluate(uint64_t seed, size_t n, bench_pii_stats *out);

#endif /* BENCH_NLP_PII_CORPUS_H */
