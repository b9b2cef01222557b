/* nlp/pii.h - redaction of personal data in free text.
 *
 * Payment card numbers (13-19 digits, Luhn-checked, spaces or dashes allowed),
 * card security codes (3-4 digits near "cvv", "security code", ...), e-mail
 * addresses, phone numbers (international "+..." or 10-11 digits, grouped or
 * not), national ids (US SSN, UK National Insurance number, Canadian SIN after
 * its name, Luhn-checked; Indian Aadhaar, Verhoeff-checked, grouped 4-4-4 or
 * after its name; an NHS number, modulus 11 checked, a passport or UK driving
 * licence number, each after its name),
 * bank details
 * (IBANs with a valid mod-97 check; a UK sort code or an account number of 6-10
 * digits after its name), PINs and passcodes (4-6 digits after their name), a
 * password or security answer typed in words after its name and a link ("my
 * password is Sunflower88", "maiden name: Okafor"; a common word there is none)
 * a date of birth after its name or alone in the message (an answer), in
 * figures or in words ("the fifth of March nineteen eighty two"), a street
 * address ("12 Acacia Avenue, Leeds LS1 4AP": anywhere in Title Case, in any
 * case after "at", "address is", "I live at", ...), a postcode after its
 * name or a whole UK, Canadian or Irish postcode in capitals ("deliver to SE1 7PB"), and a person's
 * name after "my name is", "surname:", "in the name of",
 * ..., a title ("Mrs Okafor"), a letter's closing at its end ("Kind
 * regards, Joanna Wells"), a greeting or an introduction the text opens
 * with ("Hi Priya,", "Dear Sarah", "this is Sam from billing", "Tom
 * speaking"), thanks ("ok thanks Sarah"), a contact ("I spoke to Sarah"), a
 * word for the person ("my husband David", "your colleague Tom", "a lady
 * called Sarah"), the place staff work at ("Priya at the Leeds branch") or a comma before the
 * text's end ("Thanks for waiting, John."), and a given name of nlp/lexicon/given_names.txt
 * alone ("Priya was really helpful"; in lower case only in a text in lower case, "dave said").
 * Numbers read out a digit at a time, in words or single figures ("four five three nine ...", "oh
 * seven seven double oh nine", "the cvv is 7 8 9"), are read as their digits and taken as the same
 * kinds (a card, a code in context, a bank number or PIN after its name, else 10-15 digits as a
 * phone number). Pure function: no allocation, no state, thread-safe, real-time safe, O(n_bytes).
 */
#ifndef NLP_PII_H
#define NLP_PII_H

#include <stddef.h>
#include <stdint.h>

#include "common/attr.h"
#include "common/status.h"

typedef enum nlp_pii_kind {
    NLP_PII_CARD = 0,
    NLP_PII_CVV,
    NLP_PII_EMAIL,
    NLP_PII_PHONE,
    NLP_PII_NATIONAL_ID,
    NLP_PII_BANK,    /* IBAN (mod-97 checked); sort code or account number after its name */
    NLP_PII_SECRET,  /* a PIN or passcode of 4-6 digits after its name; a password in words */
    NLP_PII_DOB,     /* a date after "date of birth", "DOB", "born on", or alone in the message */
    NLP_PII_ADDRESS, /* a street address (a house number, a street's name and type: anywhere in
                      * Title Case, after "at", "address is", "I live at" in any case), a
                      * postcode or ZIP code after its name or a street, a whole UK,
                      * Canadian or Irish postcode in capitals anywhere ("SE1 7PB") */
    NLP_PII_NAME,    /* a person's name after "my name is", "surname:", "in the name of", ...,
                      * a title ("Mrs Okafor"), a letter's closing ("Kind regards, Ana") or
                      * a greeting or introduction opening the text ("Hi Priya,", "this is
                      * Sam from billing"), thanks ("ok thanks Sarah"), a word for the person
                      * ("my husband David", "an agent called Mike") or a comma before the
                      * text's end ("Thanks for waiting, John."); a given name alone
                      * (nlp/lexicon/given_names.txt: "Priya was really helpful") */
    NLP_PII_KIND_COUNT
} nlp_pii_kind;

/* Output capacity that always suffices for nlp_pii_redact() on n_bytes of input
 * (no marker is more than 3.5 times as long as the span it replaces). */
static inline size_t nlp_pii_redacted_cap(size_t n_bytes)
{
    return 4 * n_bytes + 8;
}

/* Copies text (borrowed, n_bytes of any bytes) to out (caller-owned) with every
 * PII span replaced by its marker and NUL-terminates it. Real-time safe. out_cap must be >=
 * nlp_pii_redacted_cap(n_bytes), else RP_EINVAL. Counts per kind go to counts[NLP_PII_KIND_COUNT]
 * when not NULL. Returns the number of spans (>= 0) or RP_EINVAL. *out_len gets the length when not
 * NULL. */
RP_NODISCARD int nlp_pii_redact(const char *text, size_t n_bytes, char *out, size_t out_cap,
                                size_t *out_len, uint32_t counts[NLP_PII_KIND_COUNT]);

/* 1 when the n ASCII digits pass the Luhn (mod 10) check, else 0 (also for
 * n == 0 or a non-digit). Pure; thread-safe, real-time safe. */
int nlp_pii_luhn_ok(const char *digits, size_t n);

/* 1 when the n ASCII digits, check digit last, pass the Verhoeff check (the
 * dihedral group D5; an Aadhaar number's), else 0 (also for n == 0 or a
 * non-digit). Pure; thread-safe, real-time safe. */
int nlp_pii_verhoeff_ok(const char *digits, size_t n);

#endif /* NLP_PII_H */
