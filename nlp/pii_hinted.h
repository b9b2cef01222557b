/* nlp/pii_hinted.h - internal: redaction when the caller already knows whether
 * the text has an ASCII digit, an '@' or the name of a password, an address or
 * a person (the analyser's tokeniser does), which saves a pass over the bytes. Same contract as
 * nlp_pii_redact(); the hints must be exact (false only when the text really
 * has no digit / no '@' / no secret's name such as "password" or "maiden name",
 * no word "dot", which a spoken e-mail address holds, no name of an address,
 * a postcode or a person ("address", "live", "postcode", "name", "Mrs"), no
 * word for a person a name may follow ("husband", "agent", "talked") and no
 * street type ("Street", "Rd"): nlp/lexicon/sensitive.txt's secret_name words /
 * `given`: at least as many as the text holds of the given names of
 * nlp/lexicon/given_names.txt, as the tokeniser reads its words ("Priya"; 0:
 * none, UINT_MAX: not counted; the redactor stops looking at the last) / no two digits read
 * out as words one after the other, "four five" / no month's name, "March",
 * "sept", or else neither a digit nor two more words of a number, "fifth",
 * "nineteen", "two": a date said in words holds a month and a year, in
 * figures or in two words or more / no name the text opens with,
 * nlp_pii_opens_named() / no name it ends with, nlp_pii_ends_named()). */
#ifndef NLP_PII_HINTED_H
#define NLP_PII_HINTED_H

#include <stdbool.h>
#include <utf8proc.h>

#include "nlp/pii.h"

/* How the analyser's tokeniser reads a code point outside ASCII of category
 * cat, which the redactor must read alike (a secret's name starts where a
 * word starts): a letter joins the word, a combining mark, a format character
 * (a joiner) or a skin tone is skipped within it, anything else ends it. */
static inline bool nlp_cp_letter(utf8proc_category_t cat)
{
    return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}
static inline bool nlp_cp_skipped(utf8proc_int32_t cp, utf8proc_category_t cat)
{
    return cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_ME ||
           cat == UTF8PROC_CATEGORY_CF || (cp >= 0x1F3FB && cp <= 0x1F3FF);
}
/* A letter outside ASCII as the word's key holds it: compatibility
 * decomposition, case fold, accents stripped ("é" -> "e", "ß" -> "ss"); the
 * code points to out (at most 8) and their count, <= 0 on an error. */
static inline utf8proc_ssize_t nlp_cp_fold(utf8proc_int32_t cp, utf8proc_int32_t out[8])
{
    int last_bound = 0;
    return utf8proc_decompose_char(
        cp, out, 8, UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE,
        &last_bound);
}

/* Whether the text holds a name the redactor reads in words with what it
 * names: a secret's name ("password"), "dot" (a spoken e-mail address), a
 * street type and a figure, or the name of an address or a person with its
 * value ("my name is Ana", "I live at 4 Mill Lane"). When false,
 * nlp_pii_redact_hinted() finds the same with has_secret false: the analyser,
 * whose tokens only say that such a word is there, asks this before it sends
 * a message without other hints to the redactor. Pure, real-time safe, O(n). */
bool nlp_pii_named(const char *text, size_t n_bytes);

/* Whether the text opens with a person's name that a greeting or an
 * introduction names ("Hi Priya,", "Dear Sarah", "Thanks Tom!", "this is Sam
 * from billing", "Tom speaking."), the hint has_opening of
 * nlp_pii_redact_hinted() (nlp_pii_named() does not look for it): the
 * analyser asks this when the text's first word is a greeting, "this", "it"
 * or "its", or its second "speaking", one of which every such text starts
 * with. Pure, real-time safe, O(1): the first words only. */
bool nlp_pii_opens_named(const char *text, size_t n_bytes);

/* Whether the text ends with a person's name addressed after a comma
 * ("Thanks for waiting, John.", "Anything else, Sarah Jones?"), the hint
 * has_closing of nlp_pii_redact_hinted(): the analyser asks this when its
 * last token or two are in Title Case after one a comma follows. Pure,
 * real-time safe, O(1): the last words only. */
bool nlp_pii_ends_named(const char *text, size_t n_bytes);

/* True when the redactor's word lists are in the order its searches need
 * and its table of the names read in words agrees with its lists (for the
 * tests). Pure. */
bool nlp_pii_self_check(void);

int nlp_pii_redact_hinted(const char *text, size_t n_bytes, char *out, size_t out_cap,
                          size_t *out_len, uint32_t counts[NLP_PII_KIND_COUNT], bool has_digit,
                          bool has_at, bool has_secret, unsigned given, bool has_opening,
                          bool has_closing, bool has_spoken, bool has_date);

#endif /* NLP_PII_HINTED_H */
