/* bench/nlp/model_dump.c - a model's inputs, one line per message.
 *
 * usage: bench_nlp_model_dump [MODEL] < MESSAGES
 *        MODEL: sarcasm (the default), empathy, complaint, tonedeaf, public, repeat, human, cancel,
 *        legal, anger, annoyance, anxiety, confusion, sadness, gratitude, joy
 *
 * Reads one message per line on stdin (customer messages for sarcasm, complaint
 * and the escalation and emotion models, agent replies for empathy and tonedeaf) and writes, for
 * each, the model's NLP_MODEL_DENSE rule features (tab-separated), a tab, and its lexicon words
 * separated by spaces (words with no lexicon id are left out). The training script
 * (train_models.py) reads this; it is no part of rapport itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/analyzer.h"
#include "nlp/analyzer_ref.h"
#include "nlp/lexicon.h"

#define LINE_MAX_BYTES 65536
#define MAX_IDS        4096

int main(int argc, char **argv)
{
    static const char *const names[NLP_MODEL_COUNT] = {
        "sarcasm",   "empathy", "complaint", "tonedeaf", "public",    "repeat",
        "human",     "cancel",  "legal",     "anger",    "annoyance", "anxiety",
        "confusion", "sadness", "gratitude", "joy"};
    int model = argc > 1 ? -1 : NLP_MODEL_SARCASM;
    for (int m = 0; m < NLP_MODEL_COUNT && argc > 1; m++) {
        model = strcmp(argv[1], names[m]) == 0 ? m : model;
    }
    if (model < 0 || argc > 2) {
        fprintf(stderr,
                "usage: %s [sarcasm|empathy|complaint|tonedeaf|public|repeat|human|cancel|legal|"
                "anger|annoyance|anxiety|confusion|sadness|gratitude|joy] < MESSAGES\n",
                argv[0]);
        return 2;
    }
    nlp_role role = model == NLP_MODEL_EMPATHY || model == NLP_MODEL_TONEDEAF ? NLP_ROLE_AGENT
                                                                              : NLP_ROLE_CUSTOMER;
    const nlp_lexicon *lex = &nlp_lexicon_builtin;
    /* word id -> its text, from the word table's slots */
    const char **text = calloc(lex->n_words + 1u, sizeof *text);
    int *len = calloc(lex->n_words + 1u, sizeof *len);
    char *line = malloc(LINE_MAX_BYTES);
    int32_t *ids = malloc(MAX_IDS * sizeof *ids);
    nlp_analyzer *an = NULL;
    if (text == NULL || len == NULL || line == NULL || ids == NULL ||
        nlp_analyzer_create(NULL, &an) != RP_OK) {
        fprintf(stderr, "bench_nlp_model_dump: out of memory\n");
        return 1;
    }
    nlp_analyzer_keep_model_inputs(an, true);
    /* other spellings of a word (nlp/lexicon/spelling.txt) share its id; the
     * word's own spelling is the first in the pool */
    for (uint32_t k = 0; k < lex->n_slots; k++) {
        int32_t w = lex->slots[k].word_id;
        const char *at = lex->pool + (lex->slots[k].offset_w >> 8);
        if (w >= 0 && (uint32_t)w < lex->n_words && (text[w] == NULL || at < text[w])) {
            text[w] = at;
            len[w] = lex->tags[k] & 63;
        }
    }
    while (fgets(line, LINE_MAX_BYTES, stdin) != NULL) {
        size_t n = strcspn(line, "\r\n");
        nlp_result r;
        if (nlp_analyzer_analyze(an, line, n, role, &r) != RP_OK) {
            fprintf(stderr, "bench_nlp_model_dump: analyse failed\n");
            return 1;
        }
        size_t n_ids = 0;
        const float *in = nlp_analyzer_model_inputs(an, model, ids, MAX_IDS, &n_ids);
        for (int k = 0; k < NLP_MODEL_DENSE; k++) {
            printf("%s%.4f", k > 0 ? "\t" : "", (double)in[k]);
        }
        putchar('\t');
        for (size_t i = 0, out = 0; i < n_ids; i++) {
            if (ids[i] >= 0 && (uint32_t)ids[i] < lex->n_words && text[ids[i]] != NULL) {
                printf("%s%.*s", out++ > 0 ? " " : "", len[ids[i]], text[ids[i]]);
            }
        }
        putchar('\n');
    }
    nlp_analyzer_destroy(&an);
    free(ids);
    free(line);
    free(len);
    free(text);
    return 0;
}
