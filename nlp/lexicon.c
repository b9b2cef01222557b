/* nlp/lexicon.c - lookups in the compiled lexicon tables. */
#include "nlp/lexicon.h"

#include <string.h>

int32_t nlp_lex_find(const nlp_lexicon *lex, const char *word, size_t n)
{
    if (n == 0 || n > NLP_LEX_WORD_MAX) {
        return -1; /* no lexicon word has that length */
    }
    char padded[NLP_LEX_WORD_MAX + 1] = {0}; /* 64 bytes: 8-byte reads stay inside */
    memcpy(padded, word, n);
    return nlp_lex_find_padded(lex, padded, n);
}
