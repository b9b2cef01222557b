/* bench/nlp/pii_corpus.c - seeded PII corpus generator and scorer. */
#include "pii_corpus.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static uint64_t next(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    *s = x;
    return x * 0x2545F4914F6CDD1Dull;
}

static unsigned pick(uint64_t *s, unsigned n)
{
    return (unsigned)(next(s) % n);
}

/* Fills d[0..n) with digits after prefix whose last one makes check() give
 * want (1: a valid number, 0: an invalid one). */
static void make_checked_digits(uint64_t *s, const char *prefix, size_t n,
                                int (*check)(const char *, size_t), int want, char *d)
{
    size_t p = strlen(prefix);
    memcpy(d, prefix, p);
    for (size_t i = p; i + 1 < n; i++) {
        d[i] = (char)('0' + pick(s, 10));
    }
    for (int last = 0; last < 10; last++) {
        d[n - 1] = (char)('0' + last);
        if (check(d, n) == want) {
            return;
        }
    }
}

/* The check digit of an Australian Medicare number (its ninth): the first
 * eight weighted 1, 3, 7, 9, 1, 3, 7, 9, summed, modulo 10. */
static int medicare_ok(const char *d, size_t n)
{
    static const int weights[8] = {1, 3, 7, 9, 1, 3, 7, 9};
    int sum = 0;
    for (size_t k = 0; k < 8 && n == 9; k++) {
        sum += (d[k] - '0') * weights[k];
    }
    return n == 9 && sum % 10 == d[8] - '0';
}

/* The check of a US routing (ABA) number: weights 3, 7, 1, the sum a multiple of 10. */
static int aba_ok(const char *d, size_t n)
{
    int sum = 0;
    for (size_t k = 0; k < n; k++) {
        sum += (d[k] - '0') * (k % 3 == 0 ? 3 : k % 3 == 1 ? 7 : 1);
    }
    return n == 9 && sum % 10 == 0;
}

/* The check of an Australian tax file number: weights 1, 4, 3, 7, 5, 8, 6, 9, 10,
 * the sum a multiple of 11. */
static int tfn_ok(const char *d, size_t n)
{
    static const int weights[9] = {1, 4, 3, 7, 5, 8, 6, 9, 10};
    int sum = 0;
    for (size_t k = 0; k < 9 && n == 9; k++) {
        sum += (d[k] - '0') * weights[k];
    }
    return n == 9 && sum % 11 == 0;
}

#define CARD_TEXT_MAX 160 /* a card's text, read out in words at most */

/* Formats digits as a card: plain, in fours (Amex 4-6-5) with spaces, dashes,
 * dots or two spaces. */
static size_t format_card(uint64_t *s, const char *d, size_t n, char *out)
{
    static const char *const seps[] = {"", " ", "-", ".", "  "};
    const char *sep = seps[pick(s, 5)];
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        int group_end = n == 15 ? (i == 4 || i == 10) : (i > 0 && i % 4 == 0);
        for (size_t k = 0; group_end && sep[k] != '\0'; k++) {
            out[o++] = sep[k];
        }
        out[o++] = d[i];
    }
    out[o] = '\0';
    return o;
}

/* Writes the n digits d as a speech recogniser may write them read out: a
 * word per digit ("four five three nine"), "double" for a digit said twice,
 * zero as "oh" or "zero", a comma after some groups of four. Returns the length. */
static size_t read_out(uint64_t *s, const char *d, size_t n, char *out, size_t cap)
{
    static const char *const words[] = {"zero", "one", "two",   "three", "four",
                                        "five", "six", "seven", "eight", "nine"};
    bool commas = pick(s, 2) == 0;
    size_t o = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n && o + 16 < cap; i++) {
        const char *sep = i == 0 ? "" : (commas && i % 4 == 0 ? ", " : " ");
        unsigned v = (unsigned)(d[i] - '0');
        const char *w = v == 0 && pick(s, 2) == 0 ? "oh" : words[v];
        if (i + 1 < n && d[i + 1] == d[i] && (i + 1) % 4 != 0 && pick(s, 2) == 0) {
            o += (size_t)snprintf(out + o, cap - o, "%sdouble %s", sep, w);
            i++;
            continue;
        }
        o += (size_t)snprintf(out + o, cap - o, "%s%s", sep, w);
    }
    return o;
}

static void card_text(uint64_t *s, int valid, char *out)
{
    static const struct {
        const char *prefix;
        size_t len;
    } schemes[] = {{"4", 16},    {"4", 13},  {"51", 16}, {"55", 16},   {"2221", 16},
                   {"2720", 16}, {"34", 15}, {"37", 15}, {"6011", 16}, {"65", 16},
                   {"3530", 16}, {"36", 14}, {"62", 17}, {"4", 19},    {"6759", 18}};
    unsigned k = pick(s, (unsigned)(sizeof schemes / sizeof schemes[0]));
    char d[20];
    make_checked_digits(s, schemes[k].prefix, schemes[k].len, nlp_pii_luhn_ok, valid != 0, d);
    if (valid && pick(s, 5) == 0) {
        read_out(s, d, schemes[k].len, out, CARD_TEXT_MAX); /* as transcribed from speech */
        return;
    }
    format_card(s, d, schemes[k].len, out);
}

/* A GB IBAN (bank code WEST, a random sort code and account) with valid
 * check digits, or invalid ones when valid == 0; in groups of four or not. */
static void iban_text(uint64_t *s, int valid, char *out)
{
    char bban[19];
    snprintf(bban, sizeof bban, "WEST%06u%08u", pick(s, 1000000), pick(s, 100000000));
    /* ISO 13616: BBAN, then the country code and "00", as digits, mod 97 */
    char rearranged[32];
    snprintf(rearranged, sizeof rearranged, "%sGB00", bban);
    unsigned rem = 0;
    for (const char *c = rearranged; *c != '\0'; c++) {
        rem = *c >= 'A' ? (rem * 100 + (unsigned)(*c - 'A' + 10)) % 97
                        : (rem * 10 + (unsigned)(*c - '0')) % 97;
    }
    unsigned check = 98 - rem;
    if (!valid) {
        check = check == 98 ? 97 : check + 1;
    }
    char flat[24];
    snprintf(flat, sizeof flat, "GB%02u%s", check, bban);
    size_t o = 0;
    bool grouped = pick(s, 2) == 0;
    for (size_t i = 0; flat[i] != '\0'; i++) {
        if (grouped && i > 0 && i % 4 == 0) {
            out[o++] = ' ';
        }
        out[o++] = flat[i];
    }
    out[o] = '\0';
}

/* A year said in words: "nineteen eighty two", "nineteen oh five", "two
 * thousand and six". */
static void year_in_words(unsigned y, char *out, size_t cap)
{
    static const char *const small[] = {"",        "one",     "two",       "three",    "four",
                                        "five",    "six",     "seven",     "eight",    "nine",
                                        "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                        "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
    static const char *const tens[] = {"",      "",      "twenty",  "thirty", "forty",
                                       "fifty", "sixty", "seventy", "eighty", "ninety"};
    unsigned r = y % 100;
    char part[32];
    if (r < 10) {
        snprintf(part, sizeof part, "%s%s", y >= 2000 ? "and " : "oh ", small[r]);
    } else if (r < 20) {
        snprintf(part, sizeof part, "%s", small[r]);
    } else {
        snprintf(part, sizeof part, "%s%s%s", tens[r / 10], r % 10 ? " " : "", small[r % 10]);
    }
    if (y >= 2000) {
        snprintf(out, cap, "two thousand%s%s", r > 0 ? " " : "", r > 0 ? part : "");
    } else {
        snprintf(out, cap, "nineteen %s", part);
    }
}

/* A security code: three digits, one time in four read out in words. */
static void cvv_text(uint64_t *s, char *out, size_t cap)
{
    char d[4];
    snprintf(d, sizeof d, "%03u", pick(s, 1000));
    if (pick(s, 4) == 0) {
        read_out(s, d, 3, out, cap);
    } else {
        snprintf(out, cap, "%s", d);
    }
}

size_t bench_pii_message(uint64_t *s, char *buf, size_t cap, uint32_t planted[NLP_PII_KIND_COUNT])
{
    static const char *const names[] = {"jane", "li.wei", "m_ahmed", "o.brien+shop", "k.nguyen"};
    static const char *const domains[] = {"example.com", "mail.co.uk", "corp.example.org",
                                          "uni.edu"};
    static const char *const cvv_words[] = {"cvv", "CVV",  "security code",
                                            "cvc", "CVV2", "the 3 digit code on the back is"};
    static const char *const fillers[] = {"hi, i need help with my bill",
                                          "my order 55512345 still has not arrived",
                                          "it cost $129.99 on 12/03/2024",
                                          "room 404 at 10:30 please",
                                          "i called 3 times this week",
                                          "reference 2024-118-77 was closed",
                                          "tracking 1Z999AA10123456784 is wrong",
                                          "the fee went up by 150 last month",
                                          "the postcode checker is down",
                                          "my name is on the account",
                                          "my address is wrong on the bill",
                                          "thanks everyone for the help",
                                          "dear sir or madam, thank you All",
                                          "cheers for that, Monday then",
                                          "3 main road closures today",
                                          "i drove 20 miles down the road",
                                          "is the 5G plan cheaper",
                                          "born in 1985 and a customer since 2010",
                                          "my account was charged twice in March",
                                          "the pin pad showed 12 errors",
                                          "my password is wrong again",
                                          "the password reset link never came",
                                          "my passcode is the same as before",
                                          "one or two of them arrived broken",
                                          "i waited two three days for a reply",
                                          "my order number is five five one two three",
                                          "it came at five o'clock, oh well",
                                          "we spoke on the fifth of March, no reply since",
                                          "the meeting is on the 3rd of May 2024",
                                          "ticket 6580 7302 1579 is still open",
                                          "sin 130 692 545 was mistyped",
                                          "it may be the fifth"};
    memset(planted, 0, sizeof(uint32_t) * NLP_PII_KIND_COUNT);
    char card[CARD_TEXT_MAX];
    char code[CARD_TEXT_MAX];
    size_t o = 0;
    int parts = 1 + (int)pick(s, 3);
    for (int p = 0; p < parts && o + 160 < cap; p++) {
        const char *sep = o > 0 ? ". " : "";
        int w = 0;
        switch (pick(s, 13)) {
        case 0:
        case 1:
            card_text(s, 1, card);
            w = snprintf(buf + o, cap - o, "%smy card number is %s", sep, card);
            planted[NLP_PII_CARD]++;
            if (pick(s, 2) == 0) {
                o += (size_t)(w > 0 ? w : 0);
                cvv_text(s, code, sizeof code);
                w = snprintf(buf + o, cap - o, " and the %s %s",
                             cvv_words[pick(s, (unsigned)(sizeof cvv_words / sizeof cvv_words[0]))],
                             code);
                planted[NLP_PII_CVV]++;
            }
            break;
        case 2:
            cvv_text(s, code, sizeof code);
            w = snprintf(buf + o, cap - o, "%s%s is %s", sep,
                         cvv_words[pick(s, (unsigned)(sizeof cvv_words / sizeof cvv_words[0]))],
                         code);
            planted[NLP_PII_CVV]++;
            break;
        case 3:
            w = snprintf(buf + o, cap - o, "%semail me at %s@%s", sep, names[pick(s, 5)],
                         domains[pick(s, 4)]);
            planted[NLP_PII_EMAIL]++;
            break;
        case 4: {
            unsigned a = 200 + pick(s, 700), b = 200 + pick(s, 800), c = pick(s, 10000);
            switch (pick(s, 5)) {
            case 0:
                w = snprintf(buf + o, cap - o, "%scall me on (%03u) %03u-%04u", sep, a, b, c);
                break;
            case 1:
                w = snprintf(buf + o, cap - o, "%smy number is +44 7%03u %03u%03u", sep, a % 1000,
                             b, c % 1000);
                break;
            case 2:
                w = snprintf(buf + o, cap - o, "%sring 0%03u %03u %04u", sep, a, b, c);
                break;
            case 3: {
                char d[12];
                snprintf(d, sizeof d, "07%03u%06u", a % 1000, (b * 1000 + c) % 1000000);
                read_out(s, d, 11, code, sizeof code); /* a UK mobile read out */
                w = snprintf(buf + o, cap - o, "%syou can reach me on %s", sep, code);
                break;
            }
            default:
                w = snprintf(buf + o, cap - o, "%sphone %03u.%03u.%04u", sep, a, b, c);
                break;
            }
            planted[NLP_PII_PHONE]++;
            break;
        }
        case 5:
            switch (pick(s, 9)) {
            case 0:
                w = snprintf(buf + o, cap - o, "%smy ssn is %03u-%02u-%04u", sep,
                             100 + pick(s, 500), 10 + pick(s, 89), 1000 + pick(s, 8999));
                break;
            case 1:
                w = snprintf(buf + o, cap - o, "%sNI number AB %02u %02u %02u C", sep, pick(s, 100),
                             pick(s, 100), pick(s, 100));
                break;
            case 2: /* typed or transcribed in lower case */
                w = snprintf(buf + o, cap - o, "%sni number jg %02u %02u %02u a", sep, pick(s, 100),
                             pick(s, 100), pick(s, 100));
                break;
            case 3: { /* a Canadian SIN after its name, Luhn-valid */
                static const char *const sin_names[] = {"my SIN is", "social insurance number",
                                                        "sin:"};
                static const char *const firsts[] = {"1", "2", "4", "5", "7", "9"};
                char d[10];
                make_checked_digits(s, firsts[pick(s, 6)], 9, nlp_pii_luhn_ok, 1, d);
                const char *g = pick(s, 2) == 0 ? " " : "-";
                w = snprintf(buf + o, cap - o, "%s%s %.3s%s%.3s%s%.3s", sep, sin_names[pick(s, 3)],
                             d, g, d + 3, g, d + 6);
                break;
            }
            case 5: { /* an Australian tax file number after its name, checked */
                char d[10];
                do {
                    make_checked_digits(s, "", 9, tfn_ok, 1, d);
                } while (!tfn_ok(d, 9)); /* no last figure checks for some firsts */
                w = snprintf(buf + o, cap - o, "%smy TFN is %.3s %.3s %.3s", sep, d, d + 3, d + 6);
                break;
            }
            case 6: /* a US ITIN: the SSN's shape, 9 first, a group never an SSN's */
                w = snprintf(buf + o, cap - o, "%sITIN 9%02u-%02u-%04u", sep, pick(s, 100),
                             70 + pick(s, 19), pick(s, 10000));
                break;
            case 7: /* a US state's driving licence after its name */
                w = snprintf(buf + o, cap - o, "%smy driver's license is %c%07u", sep,
                             'A' + (int)pick(s, 26), pick(s, 10000000));
                break;
            case 4: { /* an Australian Medicare number after its name, checked */
                char d[10];
                make_checked_digits(s, pick(s, 2) == 0 ? "2" : "5", 9, medicare_ok, 1, d);
                w = snprintf(buf + o, cap - o, "%smedicare number %.4s %.5s %u", sep, d, d + 4,
                             1 + pick(s, 9));
                break;
            }
            default: { /* an Aadhaar number, Verhoeff-valid, grouped or after its name */
                static const char *const firsts[] = {"2", "3", "5", "6", "8", "9"};
                char d[13];
                make_checked_digits(s, firsts[pick(s, 6)], 12, nlp_pii_verhoeff_ok, 1, d);
                d[12] = '\0';
                if (pick(s, 2) == 0) {
                    w = snprintf(buf + o, cap - o, "%saadhaar number %s", sep, d);
                } else {
                    w = snprintf(buf + o, cap - o, "%smy id is %.4s %.4s %.4s", sep, d, d + 4,
                                 d + 8);
                }
                break;
            }
            }
            planted[NLP_PII_NATIONAL_ID]++;
            break;
        case 6:
            if (pick(s, 2) == 0) {
                card_text(s, 0, card); /* Luhn-invalid: must stay */
            } else {
                iban_text(s, 0, card); /* a bad IBAN check: must stay */
            }
            w = snprintf(buf + o, cap - o, "%sreference %s", sep, card);
            break;
        case 7:
            switch (pick(s, 4)) {
            case 0:
                iban_text(s, 1, card);
                w = snprintf(buf + o, cap - o, "%smy IBAN is %s", sep, card);
                break;
            case 1:
                w = snprintf(buf + o, cap - o, "%ssort code %02u-%02u-%02u", sep, pick(s, 100),
                             pick(s, 100), pick(s, 100));
                break;
            case 2: { /* a US routing number after its name, checked */
                char d[10];
                make_checked_digits(s, "0", 9, aba_ok, 1, d);
                w = snprintf(buf + o, cap - o, "%srouting number %.9s", sep, d);
                break;
            }
            default:
                w = snprintf(buf + o, cap - o, "%saccount number %08u", sep, pick(s, 100000000));
                break;
            }
            planted[NLP_PII_BANK]++;
            break;
        case 8: {
            static const char *const secret_names[] = {
                "my password is", "Password:", "the passcode was", "my memorable word is",
                "mother's maiden name is"};
            static const char *const secret_words[] = {"Sunflower", "purple-monkey", "tulip",
                                                       "Qwerty",    "dragon",        "Okafor"};
            static const char *const passphrases[] = {
                "\"correct horse battery staple\"", "'blue whale 77'",
                "\xE2\x80\x9Cpurple monkey dishwasher\xE2\x80\x9D"};
            switch (pick(s, 5)) {
            case 0:
                w = snprintf(buf + o, cap - o, "%smy pin is %04u", sep, pick(s, 10000));
                break;
            case 1:
                w = snprintf(buf + o, cap - o, "%spasscode %06u", sep, pick(s, 1000000));
                break;
            case 2: /* a passphrase of several words, in quotes */
                w = snprintf(buf + o, cap - o, "%s%s %s", sep, secret_names[pick(s, 5)],
                             passphrases[pick(s, 3)]);
                break;
            default: /* a secret in words, with digits or not */
                w = snprintf(buf + o, cap - o, "%s%s %s%.*u", sep, secret_names[pick(s, 5)],
                             secret_words[pick(s, 6)], (int)pick(s, 3), pick(s, 100));
                break;
            }
            planted[NLP_PII_SECRET]++;
            break;
        }
        case 9: {
            static const char *const month[] = {"January", "March", "July", "October"};
            static const char *const ordinals[] = {
                "first",        "second",        "third",        "fourth",       "fifth",
                "sixth",        "seventh",       "eighth",       "ninth",        "tenth",
                "eleventh",     "twelfth",       "thirteenth",   "fourteenth",   "fifteenth",
                "sixteenth",    "seventeenth",   "eighteenth",   "nineteenth",   "twentieth",
                "twenty first", "twenty-second", "twenty third", "twenty fourth"};
            unsigned d = 1 + pick(s, 28), m = 1 + pick(s, 12), y = 1940 + pick(s, 65);
            char year[48];
            year_in_words(y, year, sizeof year);
            const char *ord = ordinals[pick(s, 24)];
            if (parts == 1 && pick(s, 4) == 0) { /* the answer to "your date of birth?" */
                w = pick(s, 2) == 0 ? snprintf(buf + o, cap - o, "It's the %s of %s, %s.", ord,
                                               month[pick(s, 4)], year)
                                    : snprintf(buf + o, cap - o, "%02u/%02u/%04u", d, m, y);
                planted[NLP_PII_DOB]++;
                break;
            }
            switch (pick(s, 5)) {
            case 3: /* said, as a speech recogniser writes it */
                w = snprintf(buf + o, cap - o, "%smy date of birth is the %s of %s %s", sep, ord,
                             month[pick(s, 4)], year);
                break;
            case 4:
                w = snprintf(buf + o, cap - o, "%sdob %s the %s, %s", sep, month[pick(s, 4)], ord,
                             year);
                break;
            case 0:
                w = snprintf(buf + o, cap - o, "%smy date of birth is %02u/%02u/%04u", sep, d, m,
                             y);
                break;
            case 1:
                w = snprintf(buf + o, cap - o, "%sDOB %u %s %u", sep, d, month[pick(s, 4)], y);
                break;
            default:
                w = snprintf(buf + o, cap - o, "%sborn on %02u.%02u.%02u", sep, d, m, y % 100);
                break;
            }
            planted[NLP_PII_DOB]++;
            break;
        }
        case 10: {
            static const char *const streets[] = {"Acacia",  "Mill",     "St John's", "Church",
                                                  "Station", "Oak Tree", "Baker"};
            static const char *const types[] = {"Avenue", "Lane", "Road", "Street", "St", "Rd"};
            static const char *const towns[] = {"", ", Leeds", ", Milton Keynes", " Bristol"};
            unsigned house = 1 + pick(s, 250);
            const char *street = streets[pick(s, 7)], *type = types[pick(s, 6)];
            char postcode[16];
            snprintf(postcode, sizeof postcode, "%c%c%u %u%c%c", 'A' + (int)pick(s, 26),
                     'A' + (int)pick(s, 26), 1 + pick(s, 20), pick(s, 10), 'A' + (int)pick(s, 26),
                     'A' + (int)pick(s, 26));
            switch (pick(s, 6)) {
            case 5: { /* a whole UK postcode with nothing to name it (thirty-second session) */
                static const char *const areas[] = {"SE", "LS", "M", "EH", "B", "G", "CF", "N"};
                /* an inward code's letters; the second never D, H or T (no ordinal: "3RD") */
                static const char inward[] = "ABDEFGHJLNPQRSTUWXYZ", second[] = "ABEFGJLPQUWXYZ";
                w = snprintf(buf + o, cap - o, "%sdo you deliver to %s%u %u%c%c?", sep,
                             areas[pick(s, 8)], 1 + pick(s, 20), pick(s, 10), inward[pick(s, 20)],
                             second[pick(s, 14)]);
                break;
            }
            case 0:
                w = snprintf(buf + o, cap - o, "%smy address is %u %s %s%s %s", sep, house, street,
                             type, towns[pick(s, 4)], postcode);
                break;
            case 1: /* typed in lower case after "live at" */
                w = snprintf(buf + o, cap - o, "%si live at %u mill view", sep, house);
                break;
            case 2:
                w = snprintf(buf + o, cap - o, "%splease deliver to %u %s %s", sep, house, street,
                             type);
                break;
            case 3:
                w = snprintf(buf + o, cap - o, "%smy postcode is %s", sep, postcode);
                break;
            default:
                w = snprintf(buf + o, cap - o, "%szip code %05u", sep, pick(s, 100000));
                break;
            }
            planted[NLP_PII_ADDRESS]++;
            break;
        }
        case 11: {
            static const char *const firsts[] = {"Sarah", "Priya", "Wei", "Chidi", "Ana", "José"};
            static const char *const lasts[] = {"Jones",  "Okafor", "O'Brien",
                                                "Nguyen", "Patel",  "Smith-Kowalski"};
            const char *first = firsts[pick(s, 6)], *last = lasts[pick(s, 6)];
            switch (pick(s, 10)) {
            case 9: { /* after a word for the person (thirty-second session) */
                static const char *const before[] = {"my husband", "your colleague",
                                                     "a lady called", "i talked to"};
                unsigned b = pick(s, 5);
                w = b < 4 ? snprintf(buf + o, cap - o, "%s%s %s said so", sep, before[b], first)
                          : snprintf(buf + o, cap - o, "%sthanks to %s at the leeds branch", sep,
                                     first); /* at the place staff work at */
                break;
            }
            case 0:
                w = snprintf(buf + o, cap - o, "%smy name is %s %s", sep, first, last);
                break;
            case 1:
                w = snprintf(buf + o, cap - o, "%sName: %s", sep, last);
                break;
            case 2:
                w = snprintf(buf + o, cap - o, "%sthe account is in the name of %s %s", sep, first,
                             last);
                break;
            case 3:
                w = snprintf(buf + o, cap - o, "%sthanks Mrs %s", sep, last);
                break;
            case 4: /* in lower case */
                w = snprintf(buf + o, cap - o, "%smy name's %s", sep, "sarah");
                break;
            case 5: /* thanked, anywhere (thirty-first session) */
                w = snprintf(buf + o, cap - o, "%s%s %s", sep,
                             pick(s, 2) == 0 ? "ok thanks" : "thank you", first);
                break;
            case 6: /* greeted or introduced at the text's start, else thanked */
                w = o == 0 ? snprintf(buf + o, cap - o, "%s %s, quick question",
                                      pick(s, 2) == 0 ? "Hi" : "Hi, this is", first)
                           : snprintf(buf + o, cap - o, "%scheers %s", sep, first);
                break;
            case 7: /* spoken to */
                w = snprintf(buf + o, cap - o, "%si spoke to %s on monday", sep, first);
                break;
            default: /* addressed at the text's end (ASCII letters), else named */
                w = p == parts - 1 ? snprintf(buf + o, cap - o, "%ssorry for the wait, %s", sep,
                                              firsts[pick(s, 5)])
                                   : snprintf(buf + o, cap - o, "%smy name is %s", sep, first);
                break;
            }
            planted[NLP_PII_NAME]++;
            break;
        }
        default:
            w = snprintf(buf + o, cap - o, "%s%s", sep,
                         fillers[pick(s, (unsigned)(sizeof fillers / sizeof fillers[0]))]);
            break;
        }
        o += (size_t)(w > 0 ? w : 0);
        if (o >= cap) {
            o = cap - 1;
        }
    }
    buf[o] = '\0';
    return o;
}

void bench_pii_evaluate(uint64_t seed, size_t n, bench_pii_stats *out)
{
    memset(out, 0, sizeof *out);
    uint64_t state = seed != 0 ? seed : 0x9E3779B97F4A7C15ull;
    char msg[1024];
    char red[4 * 1024 + 8];
    for (size_t i = 0; i < n; i++) {
        uint32_t planted[NLP_PII_KIND_COUNT];
        uint32_t got[NLP_PII_KIND_COUNT];
        size_t len = bench_pii_message(&state, msg, sizeof msg, planted);
        if (nlp_pii_redact(msg, len, red, sizeof red, NULL, got) < 0) {
            continue;
        }
        for (int k = 0; k < NLP_PII_KIND_COUNT; k++) {
            out->expected[k] += planted[k];
            out->found[k] += got[k] < planted[k] ? got[k] : planted[k];
            out->spurious[k] += got[k] > planted[k] ? got[k] - planted[k] : 0;
        }
        out->n_messages++;
    }
}
