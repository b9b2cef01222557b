/* nlp/lexicon.c - lookups in the compiled lexicon tables. */
#include "nlp/lexicon.h"

#include <string.h>

int32_t nlp_lex_find(const nlp_lexicon *lex, const char *word, size_t n)
{
    return nlp_lex_find_hashed(lex, word, n, nlp_lex_hash(word, n));
}

int32_t nlp_lex_find_hashed(const nlp_lexicon *lex, const char *word, size_t n, uint32_t h)
{
    uint32_t mask = lex->n_slots - 1;
    for (uint32_t probe = 0, i = h & mask; probe < lex->n_slots; probe++, i = (i + 1) & mask) {
        const nlp_lex_slot *s = &lex->slots[i];
        if (s->len == 0) {
            return -1;
        }
        if (s->hash == h && (size_t)s->len == n) {
            const char *p = lex->pool + s->offset;
            size_t k = 0;
            while (k < n && p[k] == word[k]) { /* words are short: no call to memcmp */
                k++;
            }
            if (k == n) {
                return (int32_t)i;
            }
        }
    }
    return -1;
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
