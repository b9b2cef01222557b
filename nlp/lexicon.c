/* nlp/lexicon.c - lookups in the compiled lexicon tables. */
#include "nlp/lexicon.h"

#include <string.h>

int32_t nlp_lex_find(const nlp_lexicon *lex, const char *word, size_t n)
{
    return nlp_lex_find_hashed(lex, word, n, nlp_lex_hash(word, n));
}

uint32_t nlp_lex_step(const nlp_lexicon *lex, uint32_t node, int32_t word_id)
{
    if (word_id < 0 || node >= lex->n_nodes) {
        return 0;
    }
    uint32_t lo = lex->node_first[node];
    uint32_t hi = lex->node_first[node + 1];
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t w = lex->edges[mid].word_id;
        if (w == (uint32_t)word_id) {
            return lex->edges[mid].child;
        }
        if (w < (uint32_t)word_id) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return 0;
}
