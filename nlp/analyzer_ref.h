/* nlp/analyzer_ref.h - internal: the tokeniser's reference path, for tests.
 *
 * The tokeniser reads runs of ASCII letters and digits 8 bytes at a time; its
 * byte-at-a-time loop is the reference that defines the result. Both give the
 * same tokens, so every output is the same bit for bit; the word-vs-reference
 * tests and the fuzz target compare them. The reference also sums the emotion
 * models' logits one at a time (their SSE2 twin, eight at once, gives the same
 * floats). RP_CPU_MASK=0 (common/cpu.h) also selects the reference at
 * nlp_analyzer_create().
 */
#ifndef NLP_ANALYZER_REF_H
#define NLP_ANALYZER_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nlp/analyzer.h"

/* on: byte at a time from the next call on; off: word at a time (the default).
 * NULL is a no-op. Must not overlap other calls on the same analyser. */
void nlp_analyzer_use_reference(nlp_analyzer *an, bool on);

/* The tokens of the last analysed message (after phrase matching) as bytes, so
 * a test can compare two analysers token by token; *n_bytes gets their size.
 * Borrowed: valid until the next analyse or destroy. */
const void *nlp_analyzer_tokens(const nlp_analyzer *an, size_t *n_bytes);

/* on: keep the models' inputs of every message from the next call on (off,
 * the default, saves the copy). Must not overlap other calls. */
void nlp_analyzer_keep_model_inputs(nlp_analyzer *an, bool on);

/* The inputs of model (NLP_MODEL_*, nlp/lexicon.h) for the last analysed
 * message, kept since nlp_analyzer_keep_model_inputs(an, true): its
 * NLP_MODEL_DENSE rule features (returned, borrowed until the next analyse;
 * the agent models' are filled for NLP_ROLE_AGENT only, the complaint,
 * escalation and emotion models' for NLP_ROLE_CUSTOMER only; the escalation models' are
 * all zero for a message they do not read, analyzer.c) and the word ids of
 * its first max_ids tokens (-1: no lexicon word) in word_ids, *n_ids of them.
 * For bench/nlp/train_models.py. */
const float *nlp_analyzer_model_inputs(const nlp_analyzer *an, int model, int32_t *word_ids,
                                       size_t max_ids, size_t *n_ids);

/* How many words the rules read by id (word lists and single words, analyzer.c) the
 * lexicon has no word id for: such a word never matches, so a test asserts 0.
 * NULL gives 0. */
size_t nlp_analyzer_missing_words(const nlp_analyzer *an);

#endif /* NLP_ANALYZER_REF_H */
