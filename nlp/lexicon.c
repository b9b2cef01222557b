/* nlp/lexicon.c - lookups in the compiled lexicon tables. */
#include "nlp/lexicon.h"

#include <string.h>

int32_t nlp_lex_find(const nlp_lexicon *lex, const char *word, size_t n)
{
    return nlp_lex_find_hashed(lex, word, n, nlp_lex_hash(word, n));
}
