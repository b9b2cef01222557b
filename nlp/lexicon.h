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
    NLP_LEX_COND = 1u << 26,     /* "if", "in case": opens a hypothetical clause */
    NLP_LEX_PAUSE = 1u << 27,    /* "one moment", "let me check": asks the other side to wait */
    NLP_LEX_EXPL = 1u << 28,     /* "damn,", "holy crap,": an opening expletive is emphasis */
    NLP_LEX_TOPIC = 1u << 29,    /* set by the generator: topic_weight > 0 */
    NLP_LEX_AFFECT = 1u << 30,   /* set by the generator: some emo[] or scores[] != 0 */
};

/* Bits of nlp_lex_slot.word_tags (all eight are taken: a new tag widens the
 * field in the slot, whose pad byte is free, and in the analyser's token). */
enum {
    NLP_WORD_TRAIL = 1,    /* "the", "and", "um": a message ending on it is unfinished */
    NLP_WORD_BLOCK = 2,    /* "old", "extra", "from": between a cancel verb and its object the
                              object is kept or only the container ("close my old account") */
    NLP_WORD_CONT = 4,     /* the word is the second or a later word of some phrase */
    NLP_WORD_EXPECT = 8,   /* "ordered", "booked": what the customer asked for ... */
    NLP_WORD_RECEIVE = 16, /* "got", "received": ... and, opening a clause, what came instead */
    NLP_WORD_PRON = 32,    /* "it", "them": after a receive word, what came was what was asked */
    NLP_WORD_RELIEF = 64,  /* "fixed", "luckily", "still": praise after it is sincere */
    NLP_WORD_THANKS = 128, /* "thanks", "grateful": a fault right after it is mock gratitude */
};

enum {
    NLP_WORD2_SECRET = 1,    /* "password", "passcode": a secret may follow (redactor's hint) */
    NLP_WORD2_CONTACT = 2,   /* "called", "emailed", "chatted": a contact made ... */
    NLP_WORD2_AGAIN = 4,     /* ... "again", "twice", "yesterday": before now (repeat contact) */
    NLP_WORD2_SHARE = 8,     /* "post", "tell", "warn": telling others ... */
    NLP_WORD2_AUDIENCE = 16, /* ... "everyone", "facebook", "the press": who hears (public) */
    NLP_WORD2_INTENT = 32,   /* "will", "gonna", "going": what the customer means to do */
    NLP_WORD2_PROMISE = 64,  /* "told", "promised": what the company said (after "was", "they") */
    NLP_WORD2_UNMET = 128,   /* "nothing", "never", "still": it did not happen (repeat contact) */
};

/* The customer's own doing ("my fault", "I lost my"): the negativity is no
 * fault of the service. Bit 31, so not in the enum (an enum constant is an int). */
#define NLP_LEX_SELF (1u << 31)

/* Bits of nlp_lex_entry.flags2 (flags has no bit left). */
enum {
    /* a phrase that means the opposite of what its words say one by one ("isn't
     * broken anymore", "no issues since"): the models, which read the
     * message's words and not their order, do not read its words */
    NLP_LEX2_HIDE = 1,
    /* a fix done ("sorted it", "all sorted", "working now"): a contact before that a
     * fix followed is no repeat contact ("I called yesterday and the lady
     * sorted it, just checking it went through"); read only then */
    NLP_LEX2_FIXED = 2,
    /* a phrase that holds a negator ("you didn't", "you couldn't even"): the
     * praise in the next NEGATION_SCOPE words is denied as after "not" ("you
     * didn't honour the discount"), a fault stays one ("you didn't fix it") */
    NLP_LEX2_DENY = 4,
    /* set by the generator: the entry carries only an agent's empathy or
     * tone-deafness; in a customer's message the phrase matcher does not take
     * its words ("i'll stay with you", "as per our policy") */
    NLP_LEX2_AGENT_ONLY = 8,
    /* a phrase that means it only where its clause ends ("I'm out.", "if it's
     * not fixed I'm switching"; not "I'm out of data", "I'm off to work"):
     * the matcher takes it only if its last word ends a clause, is followed by
     * a comma or ends the message */
    NLP_LEX2_END = 16,
};

/* The word a number (ASCII digits) that is no lexicon word is read as, so that
 * phrases can hold a number: "waited <num> hours". */
#define NLP_LEX_NUM_WORD "<num>"

/* The word a currency sign ($, and any Unicode currency symbol: £, €) right
 * before a digit is read as: "£3.20 for a latte" -> "<money>" "320" (a
 * number, "<num>" when it is no lexicon word) "for" "a" "latte". */
#define NLP_LEX_MONEY_WORD "<money>"

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

/* The fields every token reads (valence, flags) come first, so that a word
 * with no emotion or cue touches one cache line of its entry. */
typedef struct nlp_lex_entry {
    float valence;                  /* -4..4, 0 for function words */
    uint32_t flags;                 /* NLP_LEX_* */
    float mod;                      /* intensifier boost / dampener cut */
    uint16_t esc_type;              /* nlp_escalation_type */
    uint16_t flags2;                /* NLP_LEX2_* */
    float esc_weight;               /* 0..1 */
    uint32_t topic_type;            /* nlp_topic */
    float topic_weight;             /* 0..1, evidence for topic_type */
    float emo[NLP_LEX_N_EMOTIONS];  /* weights, order of nlp_emotion */
    float scores[NLP_LEX_N_SCORES]; /* cue weights, NLP_LEX_COMPLAINT.. */
} nlp_lex_entry;

/* A word of the lexicon. What the phrase matcher needs of the word (its trie
 * child under the root, its tags) is here too, so one cache line serves the
 * whole lookup. */
typedef struct nlp_lex_slot {
    uint64_t head[2]; /* the word's first 16 bytes, little-endian, zero padded */
    /* into the string pool << 8 | the sarcasm model's weight of the word (int8,
     * times NLP_MODEL_SCALE): the tokeniser sums it as it reads the slot */
    uint32_t offset_w;
    int32_t entry;   /* single-word entry or -1 */
    int32_t word_id; /* id in the phrase trie, -1 for empty slots */
    /* trie node of the phrases that start with the word (0 = none), in the low
     * 12 bits (NLP_LEX_ROOT_NODE); NLP_LEX_ROOT_PLACE, NLP_LEX_ROOT_PERSON, NLP_LEX_ROOT_DATE_WORD
     * and NLP_LEX_ROOT_SPOKEN_DIGIT above them */
    uint16_t root;
    uint8_t word_tags;  /* NLP_WORD_* */
    uint8_t word_tags2; /* NLP_WORD2_* */
} nlp_lex_slot;

/* A slot's root field: the trie node in the low bits (the root's children
 * are numbered first: fewer than 2^12 of them, the generator checks), and four
 * tags in the top bits, the redactor's hints (nlp/pii_hinted.h), which the
 * tokeniser collects with the rest of the slot at no extra cost: the words of
 * a digit read out ("four", "oh", "double") carry NLP_LEX_ROOT_SPOKEN_DIGIT,
 * the other words of a number said ("fifth", "nineteen") NLP_LEX_ROOT_DATE_WORD
 * and the names of the months ("march", "sept": a date said in words holds
 * one) both; the words a person's name may follow ("my husband David", "your
 * agent Sarah", "a lady called Sarah": nlp/pii.c, NAME_KIN, ...)
 * NLP_LEX_ROOT_PERSON; the words of a place staff work at, which a name and
 * "from", "at", "in" or "on" may stand before ("Priya at the Leeds branch":
 * nlp/pii.c, NAME_PLACE) NLP_LEX_ROOT_PLACE. */
/* A given name of nlp/lexicon/given_names.txt ("priya", "dave") is a slot of
 * the word table of its own: no word id (-1), no root, only the tag
 * NLP_WORD2_SECRET (the redactor's hint, as a password's name), so that the
 * analyser reads it as a word outside the lexicon; its entry is -1, or
 * NLP_LEX_GIVEN_TITLE for a name read only in Title Case ("Tom": "tom" is a
 * word), which the analyser, reading entries >= 0 only, also passes over. */
#define NLP_LEX_GIVEN_TITLE (-2)
/* A given name that is also a word of the lexicon's phrases with no entry of
 * its own ("margaret" of "it's margaret again") keeps its word and slot,
 * which carries NLP_WORD2_SECRET and this entry (it starts no phrase, so no
 * match writes another entry over a token of it). */
#define NLP_LEX_GIVEN_WORD (-3)

#define NLP_LEX_ROOT_NODE         0x0FFFu
#define NLP_LEX_ROOT_PLACE        0x1000u
#define NLP_LEX_ROOT_PERSON       0x2000u
#define NLP_LEX_ROOT_DATE_WORD    0x4000u
#define NLP_LEX_ROOT_SPOKEN_DIGIT 0x8000u

/* The sarcasm model's weight of the word in slot s (lexicon.h, nlp_lex_model). */
static inline int32_t nlp_lex_slot_sarcasm(const nlp_lex_slot *s)
{
    return (int8_t)(s->offset_w & 0xFFu);
}

/* Word ids and trie nodes in an edge key: up to 16,384 words and 262,142
 * nodes (the generator checks both). The trie is numbered breadth first, so
 * the root's children (at most one per word, and fewer than 2^12 of them, the
 * generator checks) fit the 12 bits of a slot's root (NLP_LEX_ROOT_NODE). */
#define NLP_LEX_WORD_BITS       14u
#define NLP_LEX_NODE_BITS       18u
#define NLP_LEX_EDGE_CHILD_MASK ((1u << NLP_LEX_NODE_BITS) - 1u)

/* The key of the trie edge from node along word_id: never 0 (an empty slot). */
static inline uint32_t nlp_lex_edge_key(uint32_t node, uint32_t word_id)
{
    return ((node << NLP_LEX_WORD_BITS) | word_id) + 1u;
}

/* A trie edge in the hash on (node, word id), key nlp_lex_edge_key(), 0 for an
 * empty slot; link holds the child node (the low NLP_LEX_NODE_BITS bits) and
 * the entry of the phrase that ends there + 1 (0 = none) above it, so a step
 * reads one 8-byte slot. */
typedef struct nlp_lex_edge_slot {
    uint32_t key;
    uint32_t link;
} nlp_lex_edge_slot;

typedef struct nlp_lex_emoticon {
    const char *text;
    int32_t len;
    int32_t entry;
} nlp_lex_emoticon;

/* A model: a logistic score over the message's lexicon words (a weight per
 * word id, counted per token) and NLP_MODEL_DENSE rule features. */
enum {
    NLP_MODEL_SARCASM,
    NLP_MODEL_EMPATHY,
    NLP_MODEL_COMPLAINT,
    NLP_MODEL_TONEDEAF,
    NLP_MODEL_PUBLIC, /* the escalation models: going public, ... */
    NLP_MODEL_REPEAT, /* ... a repeat contact, ... */
    NLP_MODEL_HUMAN,  /* ... a person asked for ... */
    NLP_MODEL_CANCEL, /* ... leaving ... */
    NLP_MODEL_LEGAL,  /* ... and legal action or a regulator */
    NLP_MODEL_ANGER,  /* the emotion models, in nlp_emotion order: anger, ... */
    NLP_MODEL_ANNOYANCE,
    NLP_MODEL_ANXIETY,
    NLP_MODEL_CONFUSION,
    NLP_MODEL_SADNESS,
    NLP_MODEL_GRATITUDE,
    NLP_MODEL_JOY, /* ... joy */
    NLP_MODEL_COUNT
};
/* rule features of each model (analyzer.c: sarc_in, complaint_model(),
 * agent_models(): the two agent models share theirs, and the escalation
 * models the complaint model's) */
#define NLP_MODEL_DENSE      13
#define NLP_MODEL_ESC_N      5     /* the escalation models, NLP_MODEL_PUBLIC and on: interleaved */
#define NLP_MODEL_EMO_N      7     /* the emotion models, NLP_MODEL_ANGER and on: interleaved */
#define NLP_MODEL_EMO_STRIDE 8     /* ... a word's seven weights and a 0: one 8-byte load */
#define NLP_MODEL_SCALE      32.0f /* word weights are stored as int8 at this scale */
#define NLP_MODEL_ABSENT     -100.0f /* the bias of a model whose file is absent */
typedef struct nlp_lex_model {
    /* per word id: the weight times NLP_MODEL_SCALE, rounded; the five
     * escalation models' interleave (word id w's at word[NLP_MODEL_ESC_N * w],
     * read in one pass by analyzer.c), and so do the seven emotion models'
     * (word[NLP_MODEL_EMO_STRIDE * w], then a 0); the others' are
     * consecutive. The word id -1 (no word of the lexicon) reads a 0 before
     * the first (word[-1]; the interleaved tables' word[-5] to word[-1] and
     * word[-8] to word[-1]), so a sum needs no test */
    const int8_t *word;
    const float *dense; /* NLP_MODEL_DENSE weights */
    float bias;         /* NLP_MODEL_ABSENT when the model file is absent: it never fires */
} nlp_lex_model;

typedef struct nlp_lexicon {
    const char *pool;     /* word bytes, then NLP_LEX_POOL_PAD zero bytes */
    const uint16_t *tags; /* per slot: NLP_LEX_TAG(hash, len), or 0 when empty */
    const nlp_lex_slot *slots;
    uint32_t n_slots;             /* power of two */
    const nlp_lex_entry *entries; /* distinct rows: words and phrases of equal values share one */
    uint32_t n_entries;
    uint32_t n_nodes;                  /* of the phrase trie (NLP_LEX_NODE_BITS); 0 is the root */
    const nlp_lex_emoticon *emoticons; /* by first byte, then longest first */
    uint32_t n_emoticons;
    uint32_t n_words;
    const nlp_lex_edge_slot *edge_slots; /* 1 << edge_bits slots, at most 3/4 full */
    uint32_t edge_bits;
    /* 1 << NLP_LEX_EDGE_FILTER_BITS bits: bit (key * NLP_LEX_EDGE_FILTER_MUL) >>
     * (32 - NLP_LEX_EDGE_FILTER_BITS) is set for every edge key; a clear bit
     * means no such edge (a set one is checked in the table) */
    const uint8_t *edge_filter;
    /* per word id: where its own spelling lies in the pool, offset << 6 |
     * length (nlp_analyzer_explain(); no per-message path reads it) */
    const uint32_t *word_text;
    /* the given names (NLP_LEX_GIVEN_TITLE, NLP_LEX_GIVEN_WORD) by their first
     * two letters, (a - 'a') * 26 + (b - 'a'): bit L set when one of L letters
     * starts with them, so that most words need no look-up (nlp/pii.c) */
    const uint32_t *given_lens;
    /* The models (nlp/lexicon/NAME_model.txt, trained by bench/nlp/train_models.py),
     * by NLP_MODEL_*; analyzer.c says what each decides. */
    nlp_lex_model models[NLP_MODEL_COUNT];
} nlp_lexicon;

/* The lexicon compiled into the binary. Read-only. */
extern const nlp_lexicon nlp_lexicon_builtin;

#define NLP_LEX_HASH_SEED 0x811C9DC5u
#define NLP_LEX_HASH_MUL  0x9E3779B97F4A7C15ull /* 2^64 / golden ratio; as in the generator */
#define NLP_LEX_POOL_PAD  8  /* the pool's zero tail: 8-byte reads stay inside it */
#define NLP_LEX_WORD_MAX  63 /* longest lexicon word in bytes (the tag's 6 length bits) */

/* A slot's tag: bits 22..31 of the word's hash (the slot index uses the low
 * bits) in bits 6..15 and its length (1..63) in bits 0..5, so one compare
 * checks both; 0 marks an empty slot. 16 bits: the tags of the whole table
 * stay in a few kilobytes of cache. */
#define NLP_LEX_TAG(h, n) ((uint16_t)((((h) >> 16) & 0xFFC0u) | (uint32_t)(n)))

/* 8 bytes as a little-endian integer (the first byte in the low bits). */
static inline uint64_t nlp_lex_load64(const void *p)
{
    uint64_t x;
    memcpy(&x, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* Keeps the first n bytes (1..8) of a little-endian chunk, zeroes the rest. */
static inline uint64_t nlp_lex_keep(uint64_t x, size_t n)
{
    return x & (~0ull >> (8u * (8u - (unsigned)n)));
}

/* One round of the word hash. */
static inline uint64_t nlp_lex_mix(uint64_t h, uint64_t chunk)
{
    return (h ^ chunk) * NLP_LEX_HASH_MUL;
}

/* Hash of a word of n <= 16 bytes given as its first 16 bytes, zero padded
 * (lo = bytes 0..7, little-endian; hi = bytes 8..15): the generator's
 * word_hash(), one multiply per 8 bytes. */
static inline uint32_t nlp_lex_hash16(uint64_t lo, uint64_t hi, size_t n)
{
    uint64_t h = nlp_lex_mix((uint64_t)NLP_LEX_HASH_SEED ^ n, lo);
    if (n > 8) {
        h = nlp_lex_mix(h ^ (h >> 32), hi);
    }
    return (uint32_t)(h >> 32);
}

/* The key of a word of n bytes (1..NLP_LEX_WORD_MAX) in a buffer readable up
 * to n rounded up to a multiple of 8 (bytes past n are ignored): its first 16
 * bytes, zero padded, in *lo and *hi, and its hash (any length). */
static inline uint32_t nlp_lex_key(const char *word, size_t n, uint64_t *lo, uint64_t *hi)
{
    *lo = nlp_lex_keep(nlp_lex_load64(word), n < 8 ? n : 8);
    *hi = n > 8 ? nlp_lex_keep(nlp_lex_load64(word + 8), n < 16 ? n - 8 : 8) : 0;
    if (n <= 16) {
        return nlp_lex_hash16(*lo, *hi, n);
    }
    uint64_t h = nlp_lex_mix((uint64_t)NLP_LEX_HASH_SEED ^ n, *lo);
    h = nlp_lex_mix(h ^ (h >> 32), *hi);
    size_t k = 16;
    for (; k + 8 < n; k += 8) {
        h = nlp_lex_mix(h ^ (h >> 32), nlp_lex_load64(word + k));
    }
    h = nlp_lex_mix(h ^ (h >> 32), nlp_lex_keep(nlp_lex_load64(word + k), n - k));
    return (uint32_t)(h >> 32);
}

/* True when a[0, n) == b[0, n); reads both in 8-byte loads, so both must be
 * readable up to n rounded up to a multiple of 8 (bytes past n are ignored). */
static inline bool nlp_lex_equal_padded(const char *a, const char *b, size_t n)
{
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        if (nlp_lex_load64(a + k) != nlp_lex_load64(b + k)) {
            return false;
        }
    }
    return k == n || nlp_lex_keep(nlp_lex_load64(a + k) ^ nlp_lex_load64(b + k), n - k) == 0;
}

/* Slot of the word with key (lo, hi, h) from nlp_lex_key() (or built the same
 * way), n bytes (1..NLP_LEX_WORD_MAX), or -1. word is read only past its
 * first 16 bytes (n > 16), up to n rounded up to a multiple of 8. The table is
 * at most half full, so the probe ends at an empty slot. Inline: it runs once
 * per token. */
static inline int32_t nlp_lex_lookup(const nlp_lexicon *lex, const char *word, size_t n,
                                     uint64_t lo, uint64_t hi, uint32_t h)
{
    uint32_t mask = lex->n_slots - 1;
    uint16_t tag = NLP_LEX_TAG(h, n);
    for (uint32_t i = h & mask;; i = (i + 1) & mask) {
        uint16_t t = lex->tags[i];
        if (t == tag) {
            const nlp_lex_slot *s = &lex->slots[i];
            if (s->head[0] == lo && s->head[1] == hi &&
                (n <= 16 ||
                 nlp_lex_equal_padded(lex->pool + (s->offset_w >> 8) + 16, word + 16, n - 16))) {
                return (int32_t)i;
            }
        } else if (t == 0) {
            return -1;
        }
    }
}

/* Slot index of the word (any n bytes, no padding needed), or -1. O(1)
 * expected. */
int32_t nlp_lex_find(const nlp_lexicon *lex, const char *word, size_t n);

/* nlp_lex_find() for a word in a buffer readable up to n rounded up to a
 * multiple of 8 (bytes past n are ignored); any n. */
static inline int32_t nlp_lex_find_padded(const nlp_lexicon *lex, const char *word, size_t n)
{
    if (n == 0 || n > NLP_LEX_WORD_MAX) {
        return -1; /* no lexicon word has that length */
    }
    uint64_t lo, hi;
    uint32_t h = nlp_lex_key(word, n, &lo, &hi);
    return nlp_lex_lookup(lex, word, n, lo, hi, h);
}

#define NLP_LEX_EDGE_HASH_MUL    0x9E3779B1u /* 2^32 / golden ratio (Knuth); as in the generator */
#define NLP_LEX_EDGE_FILTER_MUL  0x85EBCA6Bu /* as in the generator */
#define NLP_LEX_EDGE_FILTER_BITS 19u         /* as in the generator: a 64 KiB filter */

/* Child of trie node `node` (not the root: its children are in the slots)
 * along word_id, or 0 when there is none; *accept is the entry of the phrase
 * that ends at the child, or -1. Most steps find no edge: a 64 KiB bit filter
 * answers those (about 1 in 15 absent keys passes it), the rest take one hash
 * or two probes expected (linear probing in a table at most 3/4 full); inline: it
 * runs for every step of a phrase. */
static inline uint32_t nlp_lex_step(const nlp_lexicon *lex, uint32_t node, int32_t word_id,
                                    int32_t *accept)
{
    *accept = -1;
    if (word_id < 0 || node >= lex->n_nodes) {
        return 0;
    }
    uint32_t key = nlp_lex_edge_key(node, (uint32_t)word_id);
    uint32_t fb = (key * NLP_LEX_EDGE_FILTER_MUL) >> (32u - NLP_LEX_EDGE_FILTER_BITS);
    if (!(lex->edge_filter[fb >> 3] & (1u << (fb & 7u)))) {
        return 0; /* most steps end here, without touching the table */
    }
    uint32_t mask = (1u << lex->edge_bits) - 1u;
    uint32_t i = (key * NLP_LEX_EDGE_HASH_MUL) >> (32u - lex->edge_bits);
    for (uint32_t probe = 0; probe <= mask; probe++, i = (i + 1u) & mask) {
        uint32_t k = lex->edge_slots[i].key;
        if (k == key) {
            uint32_t link = lex->edge_slots[i].link;
            *accept = (int32_t)(link >> NLP_LEX_NODE_BITS) - 1;
            return link & NLP_LEX_EDGE_CHILD_MASK;
        }
        if (k == 0) {
            return 0;
        }
    }
    return 0;
}

#endif /* NLP_LEXICON_H */
