/* nlp/lexicon.h - the compiled lexicon: word hash table, entries, phrase trie.
 *
 * Internal to nlp/. The tables are generated at build time by nlp/gen_lexicon.py
 * from the hand-written files in nlp/lexicon/ and are read-only constants, so any
 * number of threads may read them at once. Lookups allocate nothing.
 */
#ifndef NLP_LEXICON_H
#define NLP_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum {
    NLP_LEX_NEG = 1u << 0,
    NLP_LEX_INT = 1u << 1,
    NLP_LEX_DAMP = 1u << 2,
    NLP_LEX_BUT = 1u << 3,
    NLP_LEX_ALTHOUGH = 1u << 4,
    NLP_LEX_HREQ_VERB = 1u << 5,
    NLP_LEX_HREQ_OBJ = 1u << 6,
    NLP_LEX_CANCEL_VERB = 1u << 7,
    NLP_LEX_CANCEL_OBJ = 1u << 8,
    NLP_LEX_FORMAL_VERB = 1u << 9,
    NLP_LEX_FORMAL_OBJ = 1u << 10,
    NLP_LEX_FIRST_PERSON = 1u << 11,
    NLP_LEX_YOU = 1u << 12,
    NLP_LEX_ACKN = 1u << 13,
    NLP_LEX_POS_FRAME = 1u << 14,
    NLP_LEX_NEG_SITUATION = 1u << 15,
    NLP_LEX_ORDER_OBJ = 1u << 16,
    NLP_LEX_WANT = 1u << 17,
    NLP_LEX_HREQ_STRONG = 1u << 18,
    NLP_LEX_REVERSER = 1u << 19,
    NLP_LEX_KIN = 1u << 20,      /* relative / account holder: bereavement pair */
    NLP_LEX_DEATH = 1u << 21,    /* died, funeral, estate: bereavement pair */
    NLP_LEX_BILL_OBJ = 1u << 22, /* charge, transaction, bill: billing-dispute pair */
    NLP_LEX_BILL_MOD = 1u << 23, /* unauthorised, unrecognised, wrong: billing-dispute pair */
    NLP_LEX_EXCESS = 1u << 24,   /* "too": the next word names an excess */
    NLP_LEX_INTERJ = 1u << 25,   /* "great", "perfect": praise that can open a sarcastic aside */
    NLP_LEX_TOPIC = 1u << 29,    /* set by the generator: topic_weight > 0 */
    NLP_LEX_AFFECT = 1u << 30,   /* set by the generator: some emo[] or scores[] != 0 */
};

/* Indices into nlp_lex_entry.scores. */
enum {
    NLP_LEX_COMPLAINT,
    NLP_LEX_SARCASM,
    NLP_LEX_EMPATHY,
    NLP_LEX_TONEDEAF,
    NLP_LEX_SERVICE,
    NLP_LEX_PROBLEM,
    NLP_LEX_N_SCORES
};

#define NLP_LEX_N_EMOTIONS 7

typedef struct nlp_lex_entry {
    float valence;                  /* -4..4, 0 for function words */
    float emo[NLP_LEX_N_EMOTIONS];  /* weights, order of nlp_emotion */
    float scores[NLP_LEX_N_SCORES]; /* cue weights, NLP_LEX_COMPLAINT.. */
    float esc_weight;               /* 0..1 */
    float mod;                      /* intensifier boost / dampener cut */
    float topic_weight;             /* 0..1, evidence for topic_type */
    uint32_t flags;                 /* NLP_LEX_* */
    uint32_t esc_type;              /* nlp_escalation_type */
    uint32_t topic_type;            /* nlp_topic */
} nlp_lex_entry;

typedef struct nlp_lex_slot {
    uint32_t hash;   /* FNV-1a of the word bytes */
    int32_t offset;  /* into the string pool */
    int32_t len;     /* 0 = empty slot */
    int32_t entry;   /* single-word entry or -1 */
    int32_t word_id; /* id in the phrase trie, -1 for empty slots */
} nlp_lex_slot;

typedef struct nlp_lex_edge {
    uint32_t word_id;
    uint32_t child;
} nlp_lex_edge;

/* A trie edge in the hash on (node, word id): key = (node << 16 | word id) + 1,
 * 0 for an empty slot. */
typedef struct nlp_lex_edge_slot {
    uint32_t key;
    uint32_t child;
} nlp_lex_edge_slot;

typedef struct nlp_lex_emoticon {
    const char *text;
    int32_t len;
    int32_t entry;
} nlp_lex_emoticon;

typedef struct nlp_lexicon {
    const char *pool;     /* word bytes, then NLP_LEX_POOL_PAD zero bytes */
    const uint32_t *tags; /* per slot: hash | 1, or 0 when empty */
    const nlp_lex_slot *slots;
    uint32_t n_slots; /* power of two */
    const nlp_lex_entry *entries;
    uint32_t n_entries;
    const uint32_t *node_first; /* n_nodes + 1: edges of node i are [first[i], first[i+1]) */
    const int32_t *node_accept; /* entry accepted at node i, or -1 */
    const nlp_lex_edge *edges;
    uint32_t n_nodes;
    const nlp_lex_emoticon *emoticons; /* by first byte, then longest first */
    uint32_t n_emoticons;
    uint32_t n_words;
    const nlp_lex_edge_slot *edge_slots; /* 1 << edge_bits slots, at most half full */
    uint32_t edge_bits;
} nlp_lexicon;

/* The lexicon compiled into the binary. Read-only. */
extern const nlp_lexicon nlp_lexicon_builtin;

#define NLP_LEX_HASH_SEED 0x811C9DC5u
#define NLP_LEX_POOL_PAD  8 /* the pool's zero tail: 8-byte reads stay inside it */

/* FNV-1a over n bytes (the generator uses the same function). */
static inline uint32_t nlp_lex_hash(const char *s, size_t n)
{
    uint32_t h = NLP_LEX_HASH_SEED;
    for (size_t i = 0; i < n; i++) {
        h ^= (uint8_t)s[i];
        h *= 0x01000193u;
    }
    return h;
}

/* Slot index of the word, or -1. O(1) expected; bounded by the table size. */
int32_t nlp_lex_find(const nlp_lexicon *lex, const char *word, size_t n);

/* True when a[0, n) == b[0, n), byte by byte (words are short: no call to memcmp). */
static inline bool nlp_lex_equal_bytes(const char *a, const char *b, size_t n)
{
    size_t k = 0;
    while (k < n && a[k] == b[k]) {
        k++;
    }
    return k == n;
}

/* True when a[0, n) == b[0, n); reads both in 8-byte loads, so both must be
 * readable up to n rounded up to a multiple of 8 (bytes past n are ignored). */
static inline bool nlp_lex_equal_padded(const char *a, const char *b, size_t n)
{
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t x, y;
        memcpy(&x, a + k, 8);
        memcpy(&y, b + k, 8);
        if (x != y) {
            return false;
        }
    }
    if (k == n) {
        return true;
    }
    uint64_t x, y;
    memcpy(&x, a + k, 8);
    memcpy(&y, b + k, 8);
    unsigned ignored_bits = 8u * (unsigned)(8 - (n - k)); /* 8 .. 56 */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return ((x ^ y) >> ignored_bits) == 0;
#else
    return ((x ^ y) << ignored_bits) == 0;
#endif
}

/* The probe both lookups share; padded (a constant at each call) picks the compare. */
static inline int32_t nlp_lex_probe(const nlp_lexicon *lex, const char *word, size_t n, uint32_t h,
                                    bool padded)
{
    uint32_t mask = lex->n_slots - 1;
    uint32_t tag = h | 1u;
    for (uint32_t probe = 0, i = h & mask; probe < lex->n_slots; probe++, i = (i + 1) & mask) {
        uint32_t t = lex->tags[i];
        if (t == 0) {
            return -1;
        }
        if (t != tag) {
            continue;
        }
        const nlp_lex_slot *s = &lex->slots[i];
        const char *p = lex->pool + s->offset;
        if ((size_t)s->len == n &&
            (padded ? nlp_lex_equal_padded(p, word, n) : nlp_lex_equal_bytes(p, word, n))) {
            return (int32_t)i;
        }
    }
    return -1;
}

/* The same as nlp_lex_find with the word's hash already computed (nlp_lex_hash).
 * Inline: it runs once per token. */
static inline int32_t nlp_lex_find_hashed(const nlp_lexicon *lex, const char *word, size_t n,
                                          uint32_t h)
{
    return nlp_lex_probe(lex, word, n, h, false);
}

/* nlp_lex_find_hashed() for a word in a buffer readable up to n rounded up to
 * a multiple of 8 (the analyser's word buffers): compares 8 bytes at a time. */
static inline int32_t nlp_lex_find_padded(const nlp_lexicon *lex, const char *word, size_t n,
                                          uint32_t h)
{
    return nlp_lex_probe(lex, word, n, h, true);
}

#define NLP_LEX_EDGE_HASH_MUL 0x9E3779B1u /* 2^32 / golden ratio (Knuth); as in the generator */

/* Child of trie node `node` along word_id, or 0 when there is none (0 is the
 * root, which is never a child). One hash probe expected (linear probing in a
 * table at most half full); inline: it runs for every step of a phrase. */
static inline uint32_t nlp_lex_step(const nlp_lexicon *lex, uint32_t node, int32_t word_id)
{
    if (word_id < 0 || node >= lex->n_nodes) {
        return 0;
    }
    uint32_t key = ((node << 16) | (uint32_t)word_id) + 1u;
    uint32_t mask = (1u << lex->edge_bits) - 1u;
    uint32_t i = (key * NLP_LEX_EDGE_HASH_MUL) >> (32u - lex->edge_bits);
    for (uint32_t probe = 0; probe <= mask; probe++, i = (i + 1u) & mask) {
        uint32_t k = lex->edge_slots[i].key;
        if (k == key) {
            return lex->edge_slots[i].child;
        }
        if (k == 0) {
            return 0;
        }
    }
    return 0;
}

#endif /* NLP_LEXICON_H */
