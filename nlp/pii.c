/* nlp/pii.c - PII redaction: cards (Luhn), CVV in context, e-mail, phone, national ids,
 * bank details, PINs and dates of birth in context. */
#include "nlp/pii.h"
#include "nlp/pii_hinted.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "common/status.h"
#include "nlp/lexicon.h"

#define CARD_MIN_DIGITS  13
#define CARD_MAX_DIGITS  19
#define PHONE_MIN_DIGITS 10 /* national numbers without "+" (NANP, UK with leading 0) */
#define PHONE_MAX_DIGITS 15 /* ITU-T E.164 */
#define INTL_MIN_DIGITS  8
#define CVV_WINDOW       32 /* bytes searched before a 3-4 digit number */
#define CVV_AFTER        16 /* bytes searched after it ("123 is the cvv") */

#define CTX_WINDOW        40 /* bytes searched before a bank number, PIN or date for its name */
#define IBAN_MAX_CHARS    34
#define SECRET_MAX        64 /* bytes: a longer value after a password's name is not taken for one */
#define CVV_NEAR_CARD     48 /* bytes after a card number in which a 3-4 digit number is its code */
#define SPOKEN_MAX_WORDS  32 /* digits read out as words: the words of one run looked at */
#define SPOKEN_MAX_DIGITS 24 /* ... and its digits (a card and its security code fit) */
#define SPOKEN_GAP        3  /* bytes of spaces, commas or dashes between two of them */
#define DATE_LEAD         24 /* bytes: a day said before its month ("twenty-seventh of ") */
#define ADDRESS_MAX       96 /* bytes: an address typed after "address is" is no longer */

#if defined(__GNUC__) || defined(__clang__)
#define NO_INLINE __attribute__((noinline))
#else
#define NO_INLINE
#endif

static const char *const markers[NLP_PII_KIND_COUNT] = {
    "[CARD]", "[CVV]",    "[EMAIL]", "[PHONE]",   "[ID]",
    "[BANK]", "[SECRET]", "[DOB]",   "[ADDRESS]", "[NAME]"};

/* Words that put a 3-4 digit number in card-security-code context. */
#define CVV_WORD(w)                                                                                \
    {                                                                                              \
        w, sizeof(w) - 1                                                                           \
    }
static const struct cvv_word {
    const char *text;
    size_t len;
} cvv_context[] = {
    /* by first byte (cvv_words_from()) */
    CVV_WORD("3 digit"),       CVV_WORD("3-digit"),
    CVV_WORD("4 digit"),       CVV_WORD("back of the"),
    CVV_WORD("card code"),     CVV_WORD("code on the back"),
    CVV_WORD("csc"),           CVV_WORD("cv2"),
    CVV_WORD("cvc"),           CVV_WORD("cvn"),
    CVV_WORD("cvv"),           CVV_WORD("digits on the back"),
    CVV_WORD("four digit"),    CVV_WORD("numbers on the back"),
    CVV_WORD("security code"), CVV_WORD("security digits"),
    CVV_WORD("security num"),  CVV_WORD("three digit"),
    CVV_WORD("verification")};

/* The words of cvv_context that start with the byte c (lower case):
 * cvv_context[*from, return value); none for most bytes. */
static inline size_t cvv_words_from(unsigned char c, size_t *from)
{
    switch (c) {
    case '3':
        *from = 0;
        return 2;
    case '4':
        *from = 2;
        return 3;
    case 'b':
        *from = 3;
        return 4;
    case 'c':
        *from = 4;
        return 11;
    case 'd':
        *from = 11;
        return 12;
    case 'f':
        *from = 12;
        return 13;
    case 'n':
        *from = 13;
        return 14;
    case 's':
        *from = 14;
        return 17;
    case 't':
        *from = 17;
        return 18;
    case 'v':
        *from = 18;
        return 19;
    default:
        *from = 0;
        return 0;
    }
}

/* Names that put a number in context; matched whole-word, any case. */
static const struct cvv_word sort_code_context[] = {CVV_WORD("sort code"), CVV_WORD("sortcode"),
                                                    CVV_WORD("sort-code"), CVV_WORD("bsb")};
/* Names of a US bank routing (ABA) number. */
static const struct cvv_word routing_context[] = {CVV_WORD("routing"), CVV_WORD("aba"),
                                                  CVV_WORD("rtn")};
static const struct cvv_word account_context[] = {
    CVV_WORD("account"), CVV_WORD("acct"),  CVV_WORD("acc no"), CVV_WORD("acc num"),
    CVV_WORD("a/c"),     CVV_WORD("accnt"), CVV_WORD("acc")};
static const struct cvv_word pin_context[] = {CVV_WORD("pin"), CVV_WORD("passcode"),
                                              CVV_WORD("pass code"), CVV_WORD("password")};
static const struct cvv_word dob_context[] = {
    CVV_WORD("date of birth"), CVV_WORD("dob"),      CVV_WORD("d.o.b"),      CVV_WORD("born on"),
    CVV_WORD("born"),          CVV_WORD("birthday"), CVV_WORD("birth date"), CVV_WORD("birthdate")};
/* Names of a secret that may be typed as letters; whole words, any case. */
static const struct cvv_word secret_names[] = {
    CVV_WORD("password"),       CVV_WORD("passcode"),         CVV_WORD("passphrase"),
    CVV_WORD("passwd"),         CVV_WORD("memorable word"),   CVV_WORD("memorable information"),
    CVV_WORD("memorable info"), CVV_WORD("memorable answer"), CVV_WORD("memorable phrase"),
    CVV_WORD("maiden name")};

/* Words that link a secret's name to its value ("is", ':'), with adverbs
 * that may stand between them ("is now"), and words that are no secret after
 * them ("my password is wrong", "... is the same"). */
static const struct cvv_word secret_links[] = {CVV_WORD("is"), CVV_WORD("was"), CVV_WORD("be")};
static const struct cvv_word secret_fillers[] = {
    CVV_WORD("now"),       CVV_WORD("still"),    CVV_WORD("just"),
    CVV_WORD("currently"), CVV_WORD("actually"), CVV_WORD("will"),
    CVV_WORD("would"),     CVV_WORD("should"),   CVV_WORD("simply")};
static const struct cvv_word secret_non_values[] = {
    CVV_WORD("the"),       CVV_WORD("a"),          CVV_WORD("an"),       CVV_WORD("my"),
    CVV_WORD("your"),      CVV_WORD("our"),        CVV_WORD("his"),      CVV_WORD("her"),
    CVV_WORD("their"),     CVV_WORD("its"),        CVV_WORD("it"),       CVV_WORD("that"),
    CVV_WORD("this"),      CVV_WORD("same"),       CVV_WORD("not"),      CVV_WORD("no"),
    CVV_WORD("none"),      CVV_WORD("nothing"),    CVV_WORD("wrong"),    CVV_WORD("incorrect"),
    CVV_WORD("invalid"),   CVV_WORD("expired"),    CVV_WORD("expiring"), CVV_WORD("correct"),
    CVV_WORD("right"),     CVV_WORD("fine"),       CVV_WORD("ok"),       CVV_WORD("okay"),
    CVV_WORD("good"),      CVV_WORD("bad"),        CVV_WORD("weak"),     CVV_WORD("strong"),
    CVV_WORD("too"),       CVV_WORD("very"),       CVV_WORD("so"),       CVV_WORD("being"),
    CVV_WORD("been"),      CVV_WORD("locked"),     CVV_WORD("blocked"),  CVV_WORD("changed"),
    CVV_WORD("reset"),     CVV_WORD("working"),    CVV_WORD("accepted"), CVV_WORD("rejected"),
    CVV_WORD("different"), CVV_WORD("new"),        CVV_WORD("old"),      CVV_WORD("case"),
    CVV_WORD("empty"),     CVV_WORD("blank"),      CVV_WORD("missing"),  CVV_WORD("forgotten"),
    CVV_WORD("lost"),      CVV_WORD("there"),      CVV_WORD("here"),     CVV_WORD("what"),
    CVV_WORD("which"),     CVV_WORD("and"),        CVV_WORD("or"),       CVV_WORD("but"),
    CVV_WORD("for"),       CVV_WORD("to"),         CVV_WORD("of"),       CVV_WORD("in"),
    CVV_WORD("on"),        CVV_WORD("at"),         CVV_WORD("with"),     CVV_WORD("from"),
    CVV_WORD("as"),        CVV_WORD("if"),         CVV_WORD("all"),      CVV_WORD("any"),
    CVV_WORD("some"),      CVV_WORD("definitely"), CVV_WORD("already"),  CVV_WORD("always"),
    CVV_WORD("never"),     CVV_WORD("saved"),      CVV_WORD("required"), CVV_WORD("needed"),
    CVV_WORD("long"),      CVV_WORD("short"),      CVV_WORD("easy"),     CVV_WORD("hard"),
    CVV_WORD("known"),     CVV_WORD("shown"),      CVV_WORD("visible"),  CVV_WORD("sent"),
    CVV_WORD("asked")};
/* A spoken e-mail address ("jane dot doe at gmail dot com"): the words that
 * join the parts of its local part, the one before its domain, the one between
 * the domain's labels, the endings its domain may have, and the words that
 * name an address (one of them must come before a local part of one word). */
static const struct cvv_word spoken_joins[] = {CVV_WORD("dot"), CVV_WORD("underscore"),
                                               CVV_WORD("dash"), CVV_WORD("hyphen"),
                                               CVV_WORD("point")};
static const struct cvv_word spoken_at[] = {CVV_WORD("at")};
static const struct cvv_word spoken_dot[] = {CVV_WORD("dot")};
static const struct cvv_word spoken_tlds[] = {
    CVV_WORD("com"), CVV_WORD("co"), CVV_WORD("uk"),   CVV_WORD("org"), CVV_WORD("net"),
    CVV_WORD("ie"),  CVV_WORD("au"), CVV_WORD("nz"),   CVV_WORD("ca"),  CVV_WORD("in"),
    CVV_WORD("ng"),  CVV_WORD("ph"), CVV_WORD("za"),   CVV_WORD("io"),  CVV_WORD("gov"),
    CVV_WORD("edu"), CVV_WORD("de"), CVV_WORD("fr"),   CVV_WORD("es"),  CVV_WORD("it"),
    CVV_WORD("nl"),  CVV_WORD("us"), CVV_WORD("info"), CVV_WORD("biz"), CVV_WORD("me")};
static const struct cvv_word email_names[] = {CVV_WORD("email"), CVV_WORD("e-mail"),
                                              CVV_WORD("mail"), CVV_WORD("address")};
/* A number read out a digit at a time, as a speech recogniser may write it
 * ("four five three nine", "oh seven seven double oh nine"): the words of the
 * digits, and the words that say the next digit twice or three times. */
static const struct cvv_word spoken_digits[] = {
    CVV_WORD("zero"),  CVV_WORD("oh"),    CVV_WORD("o"),    CVV_WORD("nought"), CVV_WORD("one"),
    CVV_WORD("two"),   CVV_WORD("three"), CVV_WORD("four"), CVV_WORD("five"),   CVV_WORD("six"),
    CVV_WORD("seven"), CVV_WORD("eight"), CVV_WORD("nine")};
static const char spoken_digit_values[] = "0000123456789"; /* of each word above */
static const struct cvv_word spoken_double[] = {CVV_WORD("double")};
static const struct cvv_word spoken_triple[] = {CVV_WORD("triple"), CVV_WORD("treble")};
/* Names of a card that put a long number read out in its context even when
 * its check fails (a digit misheard is still a card number). */
static const struct cvv_word card_names[] = {CVV_WORD("card"), CVV_WORD("long number")};

/* Names of a UK National Insurance number, which a lower-case one must follow. */
static const struct cvv_word ni_names[] = {CVV_WORD("ni"), CVV_WORD("nino"), CVV_WORD("insurance")};
/* Abbreviations a number follows, whose '.' ends no sentence ("account no."). */
static const struct cvv_word number_abbreviations[] = {
    CVV_WORD("no"),  CVV_WORD("nos"), CVV_WORD("num"), CVV_WORD("tel"),
    CVV_WORD("ref"), CVV_WORD("acc"), CVV_WORD("mob"), CVV_WORD("nr")};
/* Names of a Canadian Social Insurance Number ("SIN", French "NAS") and of an
 * Indian Aadhaar number, which a number without its usual grouping must follow. */
static const struct cvv_word sin_names[] = {CVV_WORD("sin"), CVV_WORD("social insurance"),
                                            CVV_WORD("nas")};
/* Names of an Australian tax file number, which must precede it. */
static const struct cvv_word tfn_names[] = {CVV_WORD("tfn"), CVV_WORD("tax file")};
/* Names of an NHS number (England, Wales, Isle of Man), which must precede it. */
static const struct cvv_word nhs_names[] = {CVV_WORD("nhs"), CVV_WORD("chi")};
/* Names of an Australian Medicare card's number, which must precede it. */
static const struct cvv_word medicare_names[] = {CVV_WORD("medicare")};
/* Names of a passport and of a driving licence, whose numbers follow them. */
static const struct cvv_word passport_names[] = {CVV_WORD("passport")};
static const struct cvv_word licence_names[] = {CVV_WORD("licence"), CVV_WORD("license")};
static const struct cvv_word aadhaar_names[] = {CVV_WORD("aadhaar"), CVV_WORD("aadhar"),
                                                CVV_WORD("adhaar"), CVV_WORD("uid"),
                                                CVV_WORD("uidai")};

#undef CVV_WORD

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(unsigned char c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static bool is_alnum(unsigned char c)
{
    return is_digit(c) || is_alpha(c);
}

/* Whether the text before s[i] ends in a letter outside ASCII (a Unicode
 * letter, with any combining marks, joiners or skin tones after it), which
 * the analyser's tokeniser joins into the word at i ("שpasswd" is one word,
 * no password's name): walks back over whole, valid code points. */
static bool after_letter(const unsigned char *s, size_t i)
{
    while (i > 0 && s[i - 1] >= 0x80) {
        size_t start = i - 1;
        while (start > 0 && i - start < 4 && (s[start] & 0xC0) == 0x80) {
            start--;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s + start, (utf8proc_ssize_t)(i - start), &cp);
        if (len <= 0 || (size_t)len != i - start) {
            return false; /* invalid bytes: a separator to the tokeniser */
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        if (nlp_cp_letter(cat)) {
            return true;
        }
        if (!nlp_cp_skipped(cp, cat)) {
            return false;
        }
        i = start; /* a mark the tokeniser skips: what stands before it decides */
    }
    return i > 0 && is_alnum(s[i - 1]);
}

static bool is_upper(unsigned char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower(unsigned char c)
{
    return c >= 'a' && c <= 'z';
}

static bool is_local_char(unsigned char c)
{
    return is_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

static bool is_domain_char(unsigned char c)
{
    return is_alnum(c) || c == '.' || c == '-';
}

enum { CLS_ALNUM = 1, CLS_START = 2 };

/* CLS_ALNUM: ASCII letters and digits; CLS_START: the bytes a match can start
 * at when the text has no '@' (digits, '+', '(' and capitals). */
static const uint8_t byte_class[256] = {
    ['0'] = CLS_ALNUM | CLS_START,
    ['1'] = CLS_ALNUM | CLS_START,
    ['2'] = CLS_ALNUM | CLS_START,
    ['3'] = CLS_ALNUM | CLS_START,
    ['4'] = CLS_ALNUM | CLS_START,
    ['5'] = CLS_ALNUM | CLS_START,
    ['6'] = CLS_ALNUM | CLS_START,
    ['7'] = CLS_ALNUM | CLS_START,
    ['8'] = CLS_ALNUM | CLS_START,
    ['9'] = CLS_ALNUM | CLS_START,
    ['+'] = CLS_START,
    ['('] = CLS_START,
    ['A'] = CLS_ALNUM | CLS_START,
    ['B'] = CLS_ALNUM | CLS_START,
    ['C'] = CLS_ALNUM | CLS_START,
    ['D'] = CLS_ALNUM | CLS_START,
    ['E'] = CLS_ALNUM | CLS_START,
    ['F'] = CLS_ALNUM | CLS_START,
    ['G'] = CLS_ALNUM | CLS_START,
    ['H'] = CLS_ALNUM | CLS_START,
    ['I'] = CLS_ALNUM | CLS_START,
    ['J'] = CLS_ALNUM | CLS_START,
    ['K'] = CLS_ALNUM | CLS_START,
    ['L'] = CLS_ALNUM | CLS_START,
    ['M'] = CLS_ALNUM | CLS_START,
    ['N'] = CLS_ALNUM | CLS_START,
    ['O'] = CLS_ALNUM | CLS_START,
    ['P'] = CLS_ALNUM | CLS_START,
    ['Q'] = CLS_ALNUM | CLS_START,
    ['R'] = CLS_ALNUM | CLS_START,
    ['S'] = CLS_ALNUM | CLS_START,
    ['T'] = CLS_ALNUM | CLS_START,
    ['U'] = CLS_ALNUM | CLS_START,
    ['V'] = CLS_ALNUM | CLS_START,
    ['W'] = CLS_ALNUM | CLS_START,
    ['X'] = CLS_ALNUM | CLS_START,
    ['Y'] = CLS_ALNUM | CLS_START,
    ['Z'] = CLS_ALNUM | CLS_START,
    ['a'] = CLS_ALNUM,
    ['b'] = CLS_ALNUM,
    ['c'] = CLS_ALNUM,
    ['d'] = CLS_ALNUM,
    ['e'] = CLS_ALNUM,
    ['f'] = CLS_ALNUM,
    ['g'] = CLS_ALNUM,
    ['h'] = CLS_ALNUM,
    ['i'] = CLS_ALNUM,
    ['j'] = CLS_ALNUM,
    ['k'] = CLS_ALNUM,
    ['l'] = CLS_ALNUM,
    ['m'] = CLS_ALNUM,
    ['n'] = CLS_ALNUM,
    ['o'] = CLS_ALNUM,
    ['p'] = CLS_ALNUM,
    ['q'] = CLS_ALNUM,
    ['r'] = CLS_ALNUM,
    ['s'] = CLS_ALNUM,
    ['t'] = CLS_ALNUM,
    ['u'] = CLS_ALNUM,
    ['v'] = CLS_ALNUM,
    ['w'] = CLS_ALNUM,
    ['x'] = CLS_ALNUM,
    ['y'] = CLS_ALNUM,
    ['z'] = CLS_ALNUM,
};

int nlp_pii_luhn_ok(const char *digits, size_t n)
{
    unsigned sum = 0;
    bool dbl = false;
    for (size_t i = n; i-- > 0;) {
        unsigned d = (unsigned)(digits[i] - '0');
        if (d > 9) {
            return 0;
        }
        if (dbl) {
            d *= 2;
            if (d > 9) {
                d -= 9;
            }
        }
        sum += d;
        dbl = !dbl;
    }
    return n > 0 && sum % 10 == 0;
}

/* D5's product: rotations 0..4, reflections 5..9; the permutation p(1) =
 * (0 1 5 8 9 4 2 7)(3 6) is applied i mod 8 times for the i-th digit from the
 * right. Both worked out, not tabled. */
int nlp_pii_verhoeff_ok(const char *digits, size_t n)
{
    static const uint8_t p1[10] = {1, 5, 7, 6, 2, 8, 3, 0, 9, 4};
    unsigned c = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned x = (unsigned)(digits[n - 1 - i] - '0');
        if (x > 9) {
            return 0;
        }
        for (size_t k = 0; k < i % 8; k++) {
            x = p1[x];
        }
        if (c < 5) {
            c = x < 5 ? (c + x) % 5 : 5 + (x - 5 + c) % 5;
        } else {
            c = x < 5 ? 5 + (c - x) % 5 : (c + 5 - x) % 5;
        }
    }
    return n > 0 && c == 0;
}

/* End of the run of digit groups (joined by single spaces, dashes or dots)
 * that starts at s[i]. */
static size_t number_run_end(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n) {
        if (is_digit(s[j])) {
            j++;
        } else if ((s[j] == ' ' || s[j] == '-' || s[j] == '.') && j + 1 < n && is_digit(s[j + 1])) {
            j++;
        } else {
            break;
        }
    }
    return j;
}

/* True when the leading digits and length fit a card scheme's issuer range
 * (ISO/IEC 7812 IINs as the schemes publish them: Visa, Mastercard, Amex,
 * Discover, JCB, Diners, UnionPay, Maestro). */
static bool card_iin_ok(const char *d, size_t n)
{
    int p2 = (d[0] - '0') * 10 + (d[1] - '0');
    int p3 = p2 * 10 + (d[2] - '0');
    int p4 = p3 * 10 + (d[3] - '0');
    if (d[0] == '4') {
        return n == 13 || n == 16 || n == 19; /* Visa */
    }
    if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) {
        return n == 16; /* Mastercard */
    }
    if (p2 == 34 || p2 == 37) {
        return n == 15; /* American Express */
    }
    if (p4 == 6011 || p2 == 65 || (p3 >= 644 && p3 <= 649) || p2 == 62) {
        return n >= 16 && n <= 19; /* Discover, UnionPay */
    }
    if (p4 >= 3528 && p4 <= 3589) {
        return n >= 16 && n <= 19; /* JCB */
    }
    if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
        return n >= 14 && n <= 19; /* Diners Club */
    }
    if (p2 == 50 || (p2 >= 56 && p2 <= 69)) {
        return n >= 13 && n <= 19; /* Maestro */
    }
    return false;
}

/* Bytes of the separator between two card digit groups at s[j]: one space,
 * dash or dot, or two spaces, before a digit; 0 when there is none. */
static size_t card_sep(const unsigned char *s, size_t n, size_t j)
{
    if (j + 1 < n && (s[j] == ' ' || s[j] == '-' || s[j] == '.') && is_digit(s[j + 1])) {
        return 1;
    }
    return j + 2 < n && s[j] == ' ' && s[j + 1] == ' ' && is_digit(s[j + 2]) ? 2 : 0;
}

/* A card number starting at s[i] (a digit at a word boundary): digit groups
 * separated by one space or dash, or throughout by dots or by two spaces
 * ("4539.1488.0343.6467", a transcript's "4539  1488"), whose groups are then
 * those of a card (4 to 6 digits, the last at most 6). Returns the end of the
 * longest Luhn-valid prefix ending at a group boundary, or 0. */
static size_t match_card(const unsigned char *s, size_t n, size_t i)
{
    char digits[CARD_MAX_DIGITS];
    size_t n_digits = 0;
    size_t group_ends[CARD_MAX_DIGITS + 1];
    size_t group_digits[CARD_MAX_DIGITS + 1];
    size_t n_groups = 0;
    size_t j = i;
    size_t run_end = number_run_end(s, n, i);
    unsigned char loose = 0; /* the dots' or two spaces' separator: its first byte, or 0 */
    size_t sep = 0;
    while (j < n && n_digits < CARD_MAX_DIGITS) {
        while (j < n && is_digit(s[j]) && n_digits < CARD_MAX_DIGITS) {
            digits[n_digits++] = (char)s[j++];
        }
        if (j < n && is_digit(s[j])) {
            return 0; /* a run longer than any card */
        }
        group_ends[n_groups] = j;
        group_digits[n_groups] = n_digits;
        n_groups++;
        sep = card_sep(s, n, j);
        bool loose_sep = sep == 2 || (sep == 1 && s[j] == '.');
        if (sep == 0 || (n_groups > 1 && (loose != 0) != loose_sep) ||
            (loose != 0 && (s[j] != loose || (sep == 2) != (s[j] == ' ')))) {
            break;
        }
        if (loose_sep && n_digits >= CARD_MAX_DIGITS) {
            return 0; /* more groups than any card's */
        }
        loose = n_groups == 1 && loose_sep ? s[j] : loose;
        j += sep;
        sep = 0;
    }
    if (loose != 0) {
        /* the whole run is the card (a security code after it only after one
         * space), and its groups are a card's */
        size_t rest = sep == 1 && s[j] == ' ' ? number_run_end(s, n, j + 1) - (j + 1) : 0;
        if ((sep != 0 &&
             (rest < 3 || rest > 4 || memchr(s + j + 1, '.', rest) != NULL ||
              memchr(s + j + 1, '-', rest) != NULL || memchr(s + j + 1, ' ', rest) != NULL)) ||
            (j < n && is_alpha(s[j]))) {
            return 0;
        }
        for (size_t g = 0; g < n_groups; g++) {
            size_t size = group_digits[g] - (g > 0 ? group_digits[g - 1] : 0);
            if (size > 6 || (size < 4 && g + 1 < n_groups)) {
                return 0;
            }
        }
        return n_digits >= CARD_MIN_DIGITS && card_iin_ok(digits, n_digits) &&
                       nlp_pii_luhn_ok(digits, n_digits)
                   ? j
                   : 0;
    }
    for (size_t g = n_groups; g-- > 0;) {
        size_t end = group_ends[g];
        size_t nd = group_digits[g];
        if (nd < CARD_MIN_DIGITS) {
            break;
        }
        if (end < n && (is_alpha(s[end]) || is_digit(s[end]))) {
            continue;
        }
        /* the card must end the number run, or be followed only by one 3-4 digit
         * group (a security code typed after it) */
        if (end != run_end) {
            size_t rest = run_end - end - 1;
            if (s[end] != ' ' || rest < 3 || rest > 4 || number_run_end(s, n, end + 1) != run_end ||
                !is_digit(s[end + 1]) || !is_digit(s[run_end - 1]) ||
                memchr(s + end + 1, ' ', rest) != NULL || memchr(s + end + 1, '-', rest) != NULL ||
                memchr(s + end + 1, '.', rest) != NULL) {
                continue;
            }
        }
        if (card_iin_ok(digits, nd) && nlp_pii_luhn_ok(digits, nd)) {
            return end;
        }
    }
    return 0;
}

/* Digit count and end of a phone-number candidate are acceptable? */
static bool phone_ok(bool intl, size_t n_digits)
{
    if (intl) {
        return n_digits >= INTL_MIN_DIGITS && n_digits <= PHONE_MAX_DIGITS;
    }
    return n_digits >= PHONE_MIN_DIGITS && n_digits <= 11;
}

/* A phone number starting at s[i] ('+', '(' or a digit at a boundary): digit
 * groups joined by single separators. Returns the end of the longest prefix,
 * ending at a group end, whose digit count fits, or 0. */
static size_t match_phone(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    bool intl = false;
    if (s[j] == '+') {
        intl = true;
        j++;
    }
    size_t n_digits = 0;
    size_t group = 0;
    size_t best = 0;
    while (j < n) {
        unsigned char c = s[j];
        if (is_digit(c)) {
            n_digits++;
            group++;
            j++;
            if (n_digits > PHONE_MAX_DIGITS) {
                break;
            }
            if ((j == n || !is_alnum(s[j])) && phone_ok(intl, n_digits) &&
                number_run_end(s, n, j) == j) {
                best = j; /* a phone number ends its run of digit groups */
            }
            continue;
        }
        bool sep = c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
        if (!sep || (n_digits == 0 && c != '(')) {
            break;
        }
        /* a separator must be followed by a digit or by "(" / " (" */
        size_t k = j + 1;
        if (k < n && (s[k] == ' ' || s[k] == '(' || s[k] == ')') && s[k] != c) {
            k++;
        }
        if (k >= n || !is_digit(s[k])) {
            break;
        }
        if (group == 1 && n_digits > 1 && !intl) {
            break; /* a one-digit inner group: a list of numbers, not a phone */
        }
        group = 0;
        j = k;
    }
    return best;
}

/* An e-mail address whose local part starts at s[i]. */
static size_t match_email(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_local_char(s[j])) {
        j++;
    }
    if (j == i || j >= n || s[j] != '@') {
        return 0;
    }
    j++;
    size_t dom = j;
    size_t last_dot = 0;
    while (j < n && is_domain_char(s[j])) {
        if (s[j] == '.') {
            last_dot = j;
        }
        j++;
    }
    /* strip a trailing sentence full stop or dash */
    while (j > dom && (s[j - 1] == '.' || s[j - 1] == '-')) {
        j--;
    }
    if (last_dot >= j) {
        last_dot = 0;
        for (size_t k = dom; k < j; k++) {
            if (s[k] == '.') {
                last_dot = k;
            }
        }
    }
    if (last_dot <= dom || j - last_dot - 1 < 2) {
        return 0;
    }
    for (size_t k = last_dot + 1; k < j; k++) {
        if (!is_alpha(s[k])) {
            return 0;
        }
    }
    return j;
}

static bool window_has_cvv_word(const unsigned char *s, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++) {
        size_t w;
        size_t end = cvv_words_from((unsigned char)(s[k] | 0x20), &w);
        for (; w < end; w++) {
            const char *word = cvv_context[w].text;
            size_t len = cvv_context[w].len;
            if (k + len > to) {
                continue;
            }
            size_t m = 1;
            while (m < len && (unsigned char)(s[k + m] | 0x20) == (unsigned char)word[m]) {
                m++;
            }
            if (m == len) {
                return true;
            }
        }
    }
    return false;
}

/* The length of the word list entry that s[i..n) starts with, whole word and
 * any case, or 0. */
static size_t starts_with_name(const unsigned char *s, size_t n, size_t i,
                               const struct cvv_word *names, size_t n_names)
{
    for (size_t w = 0; w < n_names; w++) {
        size_t len = names[w].len;
        if (i + len > n || (i + len < n && is_alnum(s[i + len]))) {
            continue;
        }
        size_t m = 0;
        while (m < len && (unsigned char)(s[i + m] | 0x20) == (unsigned char)names[w].text[m]) {
            m++;
        }
        if (m == len) {
            return len;
        }
    }
    return 0;
}
#define STARTS_WITH(s, n, i, names) starts_with_name(s, n, i, names, sizeof names / sizeof names[0])

/* The word that ends at the '.' at s[k - 1] is an abbreviation a number
 * follows ("account no. 12345678", "tel. 0207"): no sentence ends there. */
static bool number_abbreviation(const unsigned char *s, size_t k)
{
    size_t w = k - 1;
    while (w > 0 && is_alpha(s[w - 1])) {
        w--;
    }
    return w < k - 1 && (w == 0 || !is_alnum(s[w - 1])) &&
           STARTS_WITH(s, k - 1, w, number_abbreviations) == k - 1 - w;
}

/* Where the sentence holding s[i] starts, looking back at most `window` bytes. */
static size_t sentence_from(const unsigned char *s, size_t i, size_t window)
{
    size_t from = i > window ? i - window : 0;
    for (size_t k = i; k > from; k--) {
        unsigned char c = s[k - 1];
        if (c == '!' || c == '?' || c == '\n') {
            return k;
        }
        /* "d.o.b.", "12.03", "e.g." and "account no." are no sentence end */
        if (c == '.' && (k == i || s[k] == ' ' || s[k] == '\n') &&
            !(k >= 3 && is_alpha(s[k - 2]) && s[k - 3] == '.') && !number_abbreviation(s, k)) {
            return k;
        }
    }
    return from;
}

/* One of the n names occurs whole-word (any case) in s[from, to). */
static bool window_has_name(const unsigned char *s, size_t from, size_t to,
                            const struct cvv_word *names, size_t n)
{
    uint32_t firsts = 0; /* the names' first letters, a..z as bits 0..25 */
    for (size_t w = 0; w < n; w++) {
        firsts |= 1u << ((unsigned)(names[w].text[0] - 'a') & 31u);
    }
    for (size_t k = from; k < to; k++) {
        unsigned first = (unsigned)((s[k] | 0x20) - 'a');
        if (first >= 26 || !((firsts >> first) & 1u) || (k > from && is_alpha(s[k - 1]))) {
            continue; /* names start a word with one of their first letters */
        }
        for (size_t w = 0; w < n; w++) {
            size_t len = names[w].len;
            if (k + len > to) {
                continue;
            }
            size_t m = 0;
            while (m < len && (unsigned char)(s[k + m] | 0x20) == (unsigned char)names[w].text[m]) {
                m++;
            }
            if (m == len && (k + len == to || !is_alpha(s[k + len]))) {
                return true;
            }
        }
    }
    return false;
}

/* The name list precedes s[i] in its sentence, within CTX_WINDOW bytes. */
#define NAMED_BEFORE(s, i, names)                                                                  \
    window_has_name(s, sentence_from(s, i, CTX_WINDOW), i, names, sizeof names / sizeof names[0])

/* A run of `groups` groups of `size` digits at s[i], single spaces or dashes
 * (the same one) between them, or none: its digits to d and its end, else 0. */
static size_t digit_groups(const unsigned char *s, size_t n, size_t i, size_t groups, size_t size,
                           char *d, bool *grouped)
{
    size_t j = i, nd = 0;
    unsigned char sep = 0;
    for (size_t g = 0; g < groups; g++) {
        if (g > 0 && j < n && (s[j] == ' ' || s[j] == '-') && (sep == 0 || sep == s[j]) &&
            (g == 1 || sep != 0)) {
            sep = s[j];
            j++;
        } else if (g > 1 && sep != 0) {
            return 0;
        }
        for (size_t k = 0; k < size; k++, j++) {
            if (j >= n || !is_digit(s[j])) {
                return 0;
            }
            d[nd++] = (char)s[j];
        }
    }
    if (j < n && (is_alnum(s[j]) ||
                  (s[j] != 0 && strchr(" -/.", s[j]) != NULL && j + 1 < n && is_digit(s[j + 1])))) {
        return 0; /* a longer number ("4111 1111 1111 1111") */
    }
    *grouped = sep != 0;
    return j;
}

/* The check of an Australian tax file number's nine digits: weights 1, 4, 3,
 * 7, 5, 8, 6, 9, 10, the sum a multiple of 11. */
static bool tfn_ok(const char *d)
{
    static const unsigned weights[9] = {1, 4, 3, 7, 5, 8, 6, 9, 10};
    unsigned sum = 0;
    for (size_t k = 0; k < 9; k++) {
        sum += (unsigned)(d[k] - '0') * weights[k];
    }
    return sum % 11 == 0;
}

/* A Canadian SIN at s[i] (ddd ddd ddd, Luhn-checked, never starting with 0 or
 * 8) or an Australian tax file number (the same shape, tfn_ok()) after its
 * name, or an Aadhaar number (dddd dddd dddd, Verhoeff-checked, never starting
 * with 0 or 1), grouped or after its name. Returns the end or 0. */
static size_t match_sin_aadhaar(const unsigned char *s, size_t n, size_t i)
{
    if (i + 9 > n || !is_digit(s[i + 1]) || !is_digit(s[i + 2])) {
        return 0; /* most numbers in a message are short */
    }
    char d[12];
    bool grouped = false;
    size_t end = digit_groups(s, n, i, 3, 3, d, &grouped);
    if (end > 0 && d[0] != '0' && d[0] != '8' && nlp_pii_luhn_ok(d, 9) &&
        NAMED_BEFORE(s, i, sin_names)) {
        return end;
    }
    if (end > 0 && tfn_ok(d) && NAMED_BEFORE(s, i, tfn_names)) {
        return end;
    }
    end = digit_groups(s, n, i, 3, 4, d, &grouped);
    if (end > 0 && d[0] >= '2' && nlp_pii_verhoeff_ok(d, 12) &&
        (grouped || NAMED_BEFORE(s, i, aadhaar_names))) {
        return end;
    }
    return 0;
}

/* A number of `want` digits at s[i], with a space or a dash (the same one
 * throughout) allowed before the digits whose bits are set in `breaks` (bit k:
 * before digit k), and no longer number after it: its digits to d and its
 * end, else 0. */
static size_t grouped_number(const unsigned char *s, size_t n, size_t i, size_t want,
                             uint32_t breaks, char *d)
{
    size_t j = i, nd = 0;
    unsigned char sep = 0;
    while (nd < want) {
        if (((breaks >> nd) & 1u) && j + 1 < n && (s[j] == ' ' || s[j] == '-') &&
            (sep == 0 || sep == s[j]) && is_digit(s[j + 1])) {
            sep = s[j++];
        }
        if (j >= n || !is_digit(s[j])) {
            return 0;
        }
        d[nd++] = (char)s[j++];
    }
    if (j < n &&
        (is_alnum(s[j]) || ((s[j] == ' ' || s[j] == '-') && j + 1 < n && is_digit(s[j + 1])))) {
        return 0;
    }
    return j;
}

/* An NHS number at s[i] after its name (ddd ddd dddd, with spaces, dashes or
 * none; the modulus 11 check of the NHS: weights 10..2, the check digit 11
 * minus the remainder, 11 read as 0, 10 never issued), or an Australian
 * Medicare card number after its name (dddd ddddd d and maybe the holder's
 * digit; the first 2 to 6, the ninth the sum of the first eight weighted 1,
 * 3, 7, 9, 1, 3, 7, 9, modulo 10). Returns the end or 0. */
static size_t match_health_number(const unsigned char *s, size_t n, size_t i)
{
    char d[11];
    size_t j = grouped_number(s, n, i, 10, 1u << 3 | 1u << 6, d);
    if (j > 0) {
        unsigned sum = 0;
        for (size_t k = 0; k < 9; k++) {
            sum += (unsigned)(d[k] - '0') * (unsigned)(10 - k);
        }
        unsigned check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        if (check != 10 && check == (unsigned)(d[9] - '0') && NAMED_BEFORE(s, i, nhs_names)) {
            return j;
        }
    }
    static const unsigned medicare_weights[8] = {1, 3, 7, 9, 1, 3, 7, 9};
    for (size_t want = 11; want >= 10; want--) {
        j = grouped_number(s, n, i, want, 1u << 4 | 1u << 9 | 1u << 10, d);
        if (j > 0 && d[0] >= '2' && d[0] <= '6') {
            unsigned sum = 0;
            for (size_t k = 0; k < 8; k++) {
                sum += (unsigned)(d[k] - '0') * medicare_weights[k];
            }
            if (sum % 10 == (unsigned)(d[8] - '0') && NAMED_BEFORE(s, i, medicare_names)) {
                return j;
            }
        }
    }
    return 0;
}

/* The end of the word (ASCII letters and digits) at s[i], or i when none. */
static size_t word_end(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && is_alnum(s[i])) {
        i++;
    }
    return i;
}

/* A passport number after "passport" in its sentence (6-10 letters and
 * figures, at most two letters and at least six figures: "123456789",
 * "AB1234567"), or a UK driving licence number after "licence" (16 letters
 * and figures: five of the surname, padded with 9s, six figures, two letters
 * or 9s, a figure, two letters; "MORGA753116SM9IJ", maybe two more figures).
 * s[i] is a figure or a capital (a lower-case letter starts no match in a
 * scan that skips words). Returns the end or 0. */
static size_t match_document_id(const unsigned char *s, size_t n, size_t i)
{
    size_t e = word_end(s, n, i);
    size_t len = e - i, n_digits = 0;
    for (size_t k = i; k < e; k++) {
        n_digits += is_digit(s[k]);
    }
    if (len >= 6 && len <= 10 && n_digits >= 6 && len - n_digits <= 2 &&
        NAMED_BEFORE(s, i, passport_names)) {
        return e;
    }
    if ((len == 16 || len == 18) && is_upper(s[i]) && NAMED_BEFORE(s, i, licence_names)) {
        const unsigned char *p = s + i;
        bool ok = true;
        for (size_t k = 0; k < 16 && ok; k++) {
            bool letter_or_9 = is_alpha(p[k]) || p[k] == '9';
            ok = k < 5    ? letter_or_9
                 : k < 11 ? is_digit(p[k])
                 : k < 13 ? letter_or_9
                 : k < 14 ? is_digit(p[k])
                          : is_alpha(p[k]);
        }
        if (ok && (len == 16 || (is_digit(p[16]) && is_digit(p[17])))) {
            return e;
        }
    }
    /* another country's or a US state's licence number ("D1234567",
     * "123456789"): 5-13 letters and figures, at least five figures and at
     * most three letters */
    if (len >= 5 && len <= 13 && n_digits >= 5 && len - n_digits <= 3 &&
        NAMED_BEFORE(s, i, licence_names)) {
        return e;
    }
    return 0;
}

/* US SSN ddd-dd-dddd / ddd dd dddd with the SSA's never-issued ranges excluded
 * (an ITIN, in the ranges an SSN never has, is an id too), a UK National
 * Insurance number (AB 12 34 56 C), a Canadian SIN, an Australian tax file
 * number or an Aadhaar number (match_sin_aadhaar()), an NHS or Medicare number
 * (match_health_number()). Returns the end or 0. */
static size_t match_national_id(const unsigned char *s, size_t n, size_t i)
{
    if (is_digit(s[i])) {
        size_t end = match_sin_aadhaar(s, n, i);
        if (end == 0) {
            end = match_health_number(s, n, i);
        }
        if (end > 0) {
            return end;
        }
    }
    if (i + 11 <= n && is_digit(s[i])) {
        const unsigned char *p = s + i;
        char sep = (char)p[3];
        bool shape = (sep == '-' || sep == ' ') && p[6] == (unsigned char)sep;
        for (int k = 0; shape && k < 11; k++) {
            if (k != 3 && k != 6 && !is_digit(p[k])) {
                shape = false;
            }
        }
        if (shape && (i + 11 == n || !is_alnum(s[i + 11]))) {
            int area = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
            int group = (p[4] - '0') * 10 + (p[5] - '0');
            int serial =
                (p[7] - '0') * 1000 + (p[8] - '0') * 100 + (p[9] - '0') * 10 + (p[10] - '0');
            /* an ITIN has the SSN's shape, 9 first and a group the SSA never
             * issues (50-65, 70-88, 90-92, 94-99) */
            bool itin =
                area >= 900 && ((group >= 50 && group <= 65) || (group >= 70 && group <= 88) ||
                                (group >= 90 && group <= 92) || group >= 94);
            if ((area != 0 && area != 666 && area < 900 && group != 0 && serial != 0) || itin) {
                return i + 11;
            }
        }
    }
    if (i + 9 <= n &&
        ((is_upper(s[i]) && is_upper(s[i + 1])) || (is_lower(s[i]) && is_lower(s[i + 1])))) {
        size_t j = i + 2;
        int n_digits = 0;
        while (j < n && n_digits < 6) {
            if (s[j] == ' ' && n_digits % 2 == 0 && j + 1 < n && is_digit(s[j + 1])) {
                j++;
            }
            if (j < n && is_digit(s[j])) {
                n_digits++;
                j++;
            } else {
                break;
            }
        }
        if (n_digits == 6) {
            if (j < n && s[j] == ' ') {
                j++;
            }
            /* the suffix upper case after an upper-case prefix ("AB 12 34 56 C"),
             * either case after a lower-case one ("ab 12 34 56 c", typed or
             * transcribed) */
            unsigned char lo = is_lower(s[i]) ? 0x20 : 0;
            if (j < n && (s[j] | lo) >= ('A' | lo) && (s[j] | lo) <= ('D' | lo) &&
                (j + 1 == n || !is_alnum(s[j + 1]))) {
                /* the first letters D, F, I, Q, U, V are never issued */
                if (!strchr("DFIQUV", s[i] & ~0x20) && !strchr("DFIQUVO", s[i + 1] & ~0x20)) {
                    return j + 1;
                }
            }
        }
    }
    return 0;
}

/* IBAN lengths by country (ISO 13616 registry): an IBAN is only accepted at
 * its country's length. */
static const struct iban_country {
    char cc[3];
    uint8_t len;
} iban_countries[] = {{"AD", 24}, {"AT", 20}, {"BE", 16}, {"BG", 22}, {"CH", 21}, {"CY", 28},
                      {"CZ", 24}, {"DE", 22}, {"DK", 18}, {"EE", 20}, {"ES", 24}, {"FI", 18},
                      {"FR", 27}, {"GB", 22}, {"GI", 23}, {"GR", 27}, {"HR", 21}, {"HU", 28},
                      {"IE", 22}, {"IS", 26}, {"IT", 27}, {"LI", 21}, {"LT", 20}, {"LU", 20},
                      {"LV", 21}, {"MC", 27}, {"MT", 31}, {"NL", 18}, {"NO", 15}, {"PL", 28},
                      {"PT", 25}, {"RO", 24}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}};

/* An IBAN at s[i]: a country code, two check digits and the rest, as many
 * letters and digits as the country's IBAN has, in groups of four with single
 * spaces or none. Returns its end when the ISO 13616 mod-97 check is 1, else 0;
 * *shape_end gets the end of a well-formed IBAN whatever its check (a bad one
 * is skipped whole, so no card is read inside it). */
static size_t match_iban(const unsigned char *s, size_t n, size_t i, size_t *shape_end)
{
    *shape_end = 0;
    if (i + 4 > n || !is_alpha(s[i]) || !is_alpha(s[i + 1]) || !is_digit(s[i + 2]) ||
        !is_digit(s[i + 3])) {
        return 0;
    }
    size_t want = 0;
    for (size_t k = 0; k < sizeof iban_countries / sizeof iban_countries[0]; k++) {
        if ((s[i] & ~0x20) == iban_countries[k].cc[0] &&
            (s[i + 1] & ~0x20) == iban_countries[k].cc[1]) {
            want = iban_countries[k].len;
        }
    }
    if (want == 0) {
        return 0;
    }
    char c[IBAN_MAX_CHARS];
    size_t n_chars = 0, j = i, group = 0;
    while (j < n && n_chars < want) {
        if (is_alnum(s[j])) {
            c[n_chars++] = (char)(is_alpha(s[j]) ? (s[j] & ~0x20) : s[j]);
            group++;
            j++;
        } else if (s[j] == ' ' && group == 4 && j + 1 < n && is_alnum(s[j + 1])) {
            group = 0;
            j++;
        } else {
            break;
        }
    }
    if (n_chars != want || (j < n && is_alnum(s[j]))) {
        return 0;
    }
    bool bban_digit = false;
    for (size_t k = 4; k < n_chars; k++) {
        bban_digit = bban_digit || (c[k] >= '0' && c[k] <= '9');
    }
    if (!bban_digit) {
        /* every country's account number holds figures ("NO73inutszozoue" is
         * none), and the analyser's digit hint counts on three of them */
        return 0;
    }
    *shape_end = j;
    /* the four first characters move to the end; letters count 10..35 */
    unsigned rem = 0;
    for (size_t k = 0; k < n_chars; k++) {
        char ch = c[(k + 4) % n_chars];
        rem = ch >= 'A' ? (rem * 100 + (unsigned)(ch - 'A' + 10)) % 97
                        : (rem * 10 + (unsigned)(ch - '0')) % 97;
    }
    return rem == 1 ? j : 0;
}

/* The check of a US bank routing (ABA) number's nine digits: weights 3, 7, 1
 * repeated, the sum a multiple of 10. */
static bool aba_ok(const char *d)
{
    static const unsigned weights[3] = {3, 7, 1};
    unsigned sum = 0;
    for (size_t k = 0; k < 9; k++) {
        sum += (unsigned)(d[k] - '0') * weights[k % 3];
    }
    return sum % 10 == 0;
}

/* A bank number at s[i] after its name: a UK sort code (dd-dd-dd, dd dd dd or
 * dddddd) after "sort code", or an account number of 6-10 digits (in one run
 * or in groups of 3-4 with single spaces) after "account number". */
static size_t match_bank_number(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i, n_digits = 0, group = 0;
    bool pairs = true;   /* groups of two so far: a sort code's shape */
    bool triples = true; /* groups of three: an Australian BSB's */
    size_t n_groups = 1;
    char d[11];
    while (j < n && n_digits <= 10) {
        if (is_digit(s[j])) {
            d[n_digits++] = (char)s[j];
            group++;
            j++;
        } else if ((s[j] == ' ' || s[j] == '-') && j + 1 < n && is_digit(s[j + 1]) && group > 0) {
            pairs = pairs && group == 2;
            triples = triples && group == 3;
            group = 0;
            n_groups++;
            j++;
        } else {
            break;
        }
    }
    if (j < n &&
        (is_alpha(s[j]) || s[j] == '/' || (s[j] == '.' && j + 1 < n && is_digit(s[j + 1])))) {
        return 0;
    }
    pairs = pairs && group == 2;
    triples = triples && group == 3;
    if (n_digits == 6 &&
        (n_groups == 1 || (n_groups == 3 && pairs) || (n_groups == 2 && triples)) &&
        NAMED_BEFORE(s, i, sort_code_context)) {
        return j;
    }
    if (n_digits == 9 && n_groups == 1 && aba_ok(d) && NAMED_BEFORE(s, i, routing_context)) {
        return j;
    }
    if (n_digits >= 6 && n_digits <= 10 && NAMED_BEFORE(s, i, account_context)) {
        return j;
    }
    return 0;
}

/* A PIN or passcode at s[i]: 4-6 digits after its name in the same sentence. */
static size_t match_pin(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && is_digit(s[j]) && j - i < 7) {
        j++;
    }
    if (j - i < 4 || j - i > 6 || (j < n && (is_alnum(s[j]) || s[j] == '/' || s[j] == ':'))) {
        return 0;
    }
    return NAMED_BEFORE(s, i, pin_context) ? j : 0;
}

static const char months[12][4] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};

/* The month named by the word s[k, end) (its first three letters, any case),
 * else -1. */
static int month_word(const unsigned char *s, size_t k, size_t end)
{
    if (end < k + 3) {
        return -1;
    }
    for (int m = 0; m < 12; m++) {
        if ((s[k] | 0x20) == months[m][0] && (s[k + 1] | 0x20) == months[m][1] &&
            (s[k + 2] | 0x20) == months[m][2]) {
            return m;
        }
    }
    return -1;
}

/* A year of four digits at s[y] after an optional ',' and a space: its end,
 * else 0. */
static size_t year_after(const unsigned char *s, size_t n, size_t y)
{
    if (y < n && s[y] == ',') {
        y++;
    }
    if (y < n && s[y] == ' ') {
        y++;
    }
    size_t y0 = y;
    while (y < n && is_digit(s[y])) {
        y++;
    }
    return y - y0 == 4 ? y : 0;
}

static bool answer_alone(const unsigned char *s, size_t n, size_t from, size_t end);

/* A date at s[i] after "date of birth", "DOB", "born on", or alone in the
 * message (answer_alone(): "05/03/1982." answers the question): d/m/y with
 * '/', '.', '-' or ' ' between (two- or four-digit year), or y-m-d with '-' or
 * '/' (four-digit year: 1982-03-05), or a day, a month name and a year
 * ("3rd of March 1980"), or, from the month before it (*from), a month, a day
 * and a year ("March 3rd, 1980"). */
static size_t match_dob(const unsigned char *s, size_t n, size_t i, size_t *from)
{
    size_t j = i;
    while (j < n && is_digit(s[j]) && j - i < 5) {
        j++;
    }
    if (j - i == 4 && j + 4 <= n && (s[j] == '-' || s[j] == '/') &&
        ((s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0'))) {
        /* year first, as a form or a system writes it: 1982-03-05, 1982/3/5 */
        size_t k = j + 1;
        while (k < n && is_digit(s[k]) && k - j - 1 < 3) {
            k++;
        }
        size_t m = k - j - 1;
        if (m >= 1 && m <= 2 && k + 1 < n && s[k] == s[j] && is_digit(s[k + 1])) {
            size_t e = k + 1;
            while (e < n && is_digit(s[e]) && e - k - 1 < 3) {
                e++;
            }
            size_t d = e - k - 1;
            if (d >= 1 && d <= 2 && !(e < n && (is_alnum(s[e]) || s[e] == s[j])) &&
                (NAMED_BEFORE(s, i, dob_context) || answer_alone(s, n, i, e))) {
                return e;
            }
        }
        return 0;
    }
    if (j - i < 1 || j - i > 2 || j >= n) {
        return 0;
    }
    size_t end = 0;
    unsigned char sep = s[j];
    if ((sep == '/' || sep == '.' || sep == '-' || sep == ' ') && j + 1 < n && is_digit(s[j + 1])) {
        size_t k = j + 1;
        while (k < n && is_digit(s[k]) && k - j - 1 < 3) {
            k++;
        }
        if (k - j - 1 <= 2 && k + 1 < n && s[k] == sep && is_digit(s[k + 1])) {
            size_t y = k + 1;
            while (y < n && is_digit(s[y])) {
                y++;
            }
            if (y - k - 1 == 2 || y - k - 1 == 4) {
                end = y;
            }
        }
    } else {
        size_t k = j;
        if (k + 1 < n && is_alpha(s[k]) && is_alpha(s[k + 1])) {
            k += 2; /* 1st, 2nd, 3rd, 12th */
        }
        size_t day_end = k;
        if (k < n && s[k] == ' ') {
            k++;
        }
        if (k + 3 < n && (s[k] | 0x20) == 'o' && (s[k + 1] | 0x20) == 'f' && s[k + 2] == ' ') {
            k += 3; /* "3rd of March" */
        }
        size_t w = k;
        while (w < n && is_alpha(s[w])) {
            w++;
        }
        if (month_word(s, k, w) >= 0) {
            end = year_after(s, n, w);
        }
        /* the month before the day ("March 3rd, 1980") */
        size_t m_end = i > 0 && s[i - 1] == ' ' ? i - 1 : i;
        size_t m = m_end;
        while (m > 0 && is_alpha(s[m - 1])) {
            m--;
        }
        if (end == 0 && m_end < i && (m == 0 || !is_alnum(s[m - 1])) &&
            month_word(s, m, m_end) >= 0) {
            end = year_after(s, n, day_end);
            if (end > 0 && !(end < n && is_alnum(s[end])) &&
                (NAMED_BEFORE(s, m, dob_context) || answer_alone(s, n, m, end))) {
                *from = m;
                return end;
            }
            end = 0;
        }
    }
    if (end == 0 || (end < n && is_alnum(s[end]))) {
        return 0;
    }
    return NAMED_BEFORE(s, i, dob_context) || answer_alone(s, n, i, end) ? end : 0;
}

static size_t skip_spaces(const unsigned char *s, size_t n, size_t i)
{
    while (i < n && s[i] == ' ') {
        i++;
    }
    return i;
}

/* A value in quotes at s[*j] ("...", '...', `...`, or typographic quotes):
 * moves *j past the opening quote and returns where the closing one starts, so
 * a passphrase of several words is taken whole (`passphrase is "correct horse
 * battery staple"`). Returns 0, with *j unchanged, when s[*j] opens no
 * quote; and 0, with *j past the quote, when no closing one follows within
 * SECRET_MAX bytes on the line (the value is then its first word). */
static size_t quoted_secret(const unsigned char *s, size_t n, size_t *j)
{
    size_t i = *j;
    size_t open_len = 1;
    const char *close = NULL;
    if (s[i] == '"' || s[i] == '\'' || s[i] == '`') {
        close = s[i] == '"' ? "\"" : s[i] == '`' ? "`" : "'";
    } else if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 &&
               (s[i + 2] == 0x9C || s[i + 2] == 0x98)) {
        open_len = 3; /* U+201C or U+2018, closed by U+201D or U+2019 */
        close = s[i + 2] == 0x9C ? "\xE2\x80\x9D" : "\xE2\x80\x99";
    } else {
        return 0;
    }
    *j = i + open_len;
    size_t close_len = strlen(close);
    for (size_t k = *j; k < n && k - *j <= SECRET_MAX && s[k] != '\n' && s[k] != '\r'; k++) {
        if (k + close_len <= n && memcmp(s + k, close, close_len) == 0) {
            size_t after = k + close_len;
            if (after < n && is_alnum(s[after])) {
                continue; /* an apostrophe inside a word: 'my dog's name' */
            }
            return k > *j ? k : 0;
        }
    }
    return 0;
}

/* s[i] is a single space, then one of names, then a single space: the index
 * after it, else 0. */
static size_t spoken_link(const unsigned char *s, size_t n, size_t i, const struct cvv_word *names,
                          size_t n_names)
{
    if (i >= n || s[i] != ' ') {
        return 0;
    }
    size_t len = starts_with_name(s, n, i + 1, names, n_names);
    if (len == 0 || i + 1 + len >= n || s[i + 1 + len] != ' ') {
        return 0;
    }
    return i + 2 + len;
}
#define SPOKEN_LINK(s, n, i, names) spoken_link(s, n, i, names, sizeof names / sizeof names[0])

/* An e-mail address read out at s[i], as a speech recogniser writes it: words
 * joined by "dot", "underscore", "dash" ("jane dot doe"), "at", a domain of
 * labels joined by "dot" that ends in a common ending ("gmail dot co dot
 * uk"). A local part of one plain word must follow "email" or "address" in
 * its sentence ("my email is jane at gmail dot com"; not "look at amazon dot
 * com"). Returns the end or 0. */
static size_t match_spoken_email(const unsigned char *s, size_t n, size_t i)
{
    size_t j = word_end(s, n, i);
    if (j == i) {
        return 0;
    }
    bool joined = false, digit = false;
    for (size_t k = i; k < j; k++) {
        digit |= is_digit(s[k]);
    }
    for (int parts = 0; parts < 8; parts++) {
        size_t next = SPOKEN_LINK(s, n, j, spoken_joins);
        size_t end = next ? word_end(s, n, next) : 0;
        if (end <= next) {
            break;
        }
        joined = true;
        j = end;
    }
    size_t at = SPOKEN_LINK(s, n, j, spoken_at);
    if (at == 0 || (!joined && !digit && !NAMED_BEFORE(s, i, email_names))) {
        return 0;
    }
    j = word_end(s, n, at);
    if (j == at) {
        return 0;
    }
    size_t best = 0;
    for (int labels = 0; labels < 4; labels++) {
        size_t next = SPOKEN_LINK(s, n, j, spoken_dot);
        size_t end = next ? word_end(s, n, next) : 0;
        if (end <= next) {
            break;
        }
        if (STARTS_WITH(s, n, next, spoken_tlds) == end - next) {
            best = end;
        }
        j = end;
    }
    return best;
}

/* A number at s[i] follows a card number that ended at card_end (0: none)
 * within CVV_NEAR_CARD bytes of the same sentence, and no expiry word stands
 * just before it: a 3-4 digit number there is the card's security code ("the
 * long number is ... and the code is 789"). */
static bool near_card(const unsigned char *s, size_t i, size_t card_end)
{
    if (card_end == 0 || i < card_end || i - card_end > CVV_NEAR_CARD ||
        sentence_from(s, i, i - card_end) != card_end) {
        return false;
    }
    size_t k = i;
    while (k > card_end && !is_alpha(s[k - 1])) {
        k--;
    }
    size_t w = k;
    while (w > card_end && is_alpha(s[w - 1])) {
        w--;
    }
    return !(k - w >= 3 && (s[w] | 0x20) == 'e' && (s[w + 1] | 0x20) == 'x' &&
             (s[w + 2] | 0x20) == 'p'); /* "expiry 0427", "exp 0427", "expires" */
}

/* A number read out starts after a space, a line's or the text's start, or an
 * opening mark ("cvv: seven eight nine"); not inside a link, a path or an
 * address ("/four-five", "x=one-two"), whose words the analyser's tokeniser
 * does not read (so its hint agrees). */
static bool spoken_start(unsigned char prev)
{
    return prev == ' ' || prev == '\n' || prev == '\t' || prev == '\r' || prev == '(' ||
           prev == '"' || prev == '\'' || prev == ':' || prev == ',' || prev == ';';
}

/* One digit read out at s[i] (a boundary): a digit word, or one digit alone
 * ("7 8 9"), or "double"/"triple" and one of those. Writes its digits to d
 * (at most cap), *nd of them, and returns its end, else 0. */
static size_t spoken_token(const unsigned char *s, size_t n, size_t i, char *d, size_t cap,
                           size_t *nd)
{
    size_t j = i;
    size_t len = STARTS_WITH(s, n, i, spoken_double);
    size_t times = len > 0 ? 2 : 1;
    if (len == 0) {
        len = STARTS_WITH(s, n, i, spoken_triple);
        times = len > 0 ? 3 : 1;
    }
    if (len > 0) {
        j = i + len;
        if (j >= n || s[j] != ' ') {
            return 0;
        }
        j++;
    }
    char digit = 0;
    size_t end = 0;
    if (j < n && is_digit(s[j]) && (j + 1 == n || !is_alnum(s[j + 1]))) {
        digit = (char)s[j];
        end = j + 1;
    } else {
        for (size_t w = 0; w < sizeof spoken_digits / sizeof spoken_digits[0]; w++) {
            if (starts_with_name(s, n, j, &spoken_digits[w], 1) > 0) {
                digit = spoken_digit_values[w];
                end = j + spoken_digits[w].len;
                break;
            }
        }
    }
    if (end == 0 || times > cap ||
        (end < n && s[end] == '\'' && end + 1 < n && is_alpha(s[end + 1]))) {
        return 0; /* "o'clock" */
    }
    memset(d, digit, times);
    *nd = times;
    return end;
}

/* After a digit read out that ends at s[i]: where the next one starts, past
 * 1..SPOKEN_GAP bytes of spaces, commas and dashes, else 0. */
static size_t spoken_gap(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && j - i < SPOKEN_GAP && (s[j] == ' ' || s[j] == ',' || s[j] == '-')) {
        j++;
    }
    return j > i && j < n && is_alnum(s[j]) ? j : 0;
}

/* The digits read out from s[i] on, word by word. */
typedef struct spoken_run {
    char digits[SPOKEN_MAX_DIGITS];
    size_t n_digits;
    size_t n_words;
    size_t end[SPOKEN_MAX_WORDS];     /* where each word ends */
    size_t through[SPOKEN_MAX_WORDS]; /* digits up to and with each word */
} spoken_run;

static void read_spoken(const unsigned char *s, size_t n, size_t i, spoken_run *r)
{
    r->n_digits = r->n_words = 0;
    size_t j = i;
    while (r->n_words < SPOKEN_MAX_WORDS) {
        size_t got = 0;
        size_t k =
            spoken_token(s, n, j, r->digits + r->n_digits, SPOKEN_MAX_DIGITS - r->n_digits, &got);
        if (k == 0) {
            break;
        }
        r->n_digits += got;
        r->end[r->n_words] = k;
        r->through[r->n_words] = r->n_digits;
        r->n_words++;
        j = spoken_gap(s, n, k);
        if (j == 0) {
            break;
        }
    }
}

/* A date said in words, as a speech recogniser writes it: the ordinals of a
 * day ("fifth", "twenty first"), the numbers of a day after its month ("March
 * five"), the names of the months, and the words of a year ("nineteen eighty
 * two", "two thousand and five", "twenty ten"). */
#define DATE_WORD(w)                                                                               \
    {                                                                                              \
        w, sizeof(w) - 1                                                                           \
    }
static const struct cvv_word day_ordinals[] = {
    DATE_WORD("first"),      DATE_WORD("second"),      DATE_WORD("third"),
    DATE_WORD("fourth"),     DATE_WORD("fifth"),       DATE_WORD("sixth"),
    DATE_WORD("seventh"),    DATE_WORD("eighth"),      DATE_WORD("ninth"),
    DATE_WORD("tenth"),      DATE_WORD("eleventh"),    DATE_WORD("twelfth"),
    DATE_WORD("thirteenth"), DATE_WORD("fourteenth"),  DATE_WORD("fifteenth"),
    DATE_WORD("sixteenth"),  DATE_WORD("seventeenth"), DATE_WORD("eighteenth"),
    DATE_WORD("nineteenth"), DATE_WORD("twentieth"),   DATE_WORD("thirtieth")};
static const uint8_t day_ordinal_values[] = {1,  2,  3,  4,  5,  6,  7,  8,  9,  10, 11,
                                             12, 13, 14, 15, 16, 17, 18, 19, 20, 30};
static const struct cvv_word small_numbers[] = {
    DATE_WORD("one"),       DATE_WORD("two"),      DATE_WORD("three"),   DATE_WORD("four"),
    DATE_WORD("five"),      DATE_WORD("six"),      DATE_WORD("seven"),   DATE_WORD("eight"),
    DATE_WORD("nine"),      DATE_WORD("ten"),      DATE_WORD("eleven"),  DATE_WORD("twelve"),
    DATE_WORD("thirteen"),  DATE_WORD("fourteen"), DATE_WORD("fifteen"), DATE_WORD("sixteen"),
    DATE_WORD("seventeen"), DATE_WORD("eighteen"), DATE_WORD("nineteen")}; /* 1..19 */
static const struct cvv_word tens_numbers[] = {
    DATE_WORD("twenty"), DATE_WORD("thirty"),  DATE_WORD("forty"),  DATE_WORD("fifty"),
    DATE_WORD("sixty"),  DATE_WORD("seventy"), DATE_WORD("eighty"), DATE_WORD("ninety")}; /* 20.. */
/* the analyser's tokeniser tags each of these (nlp/lexicon/sensitive.txt): a
 * date said in words holds one, which is the redactor's hint */
static const struct cvv_word month_names[] = {
    DATE_WORD("january"),   DATE_WORD("february"), DATE_WORD("march"),    DATE_WORD("april"),
    DATE_WORD("may"),       DATE_WORD("june"),     DATE_WORD("july"),     DATE_WORD("august"),
    DATE_WORD("september"), DATE_WORD("october"),  DATE_WORD("november"), DATE_WORD("december"),
    DATE_WORD("jan"),       DATE_WORD("feb"),      DATE_WORD("mar"),      DATE_WORD("apr"),
    DATE_WORD("jun"),       DATE_WORD("jul"),      DATE_WORD("aug"),      DATE_WORD("sep"),
    DATE_WORD("sept"),      DATE_WORD("oct"),      DATE_WORD("nov"),      DATE_WORD("dec")};
static const struct cvv_word year_joins[] = {DATE_WORD("and")};
static const struct cvv_word year_zero[] = {DATE_WORD("oh"), DATE_WORD("o"), DATE_WORD("zero")};
static const struct cvv_word year_thousand[] = {DATE_WORD("thousand")};
static const struct cvv_word year_hundred[] = {DATE_WORD("hundred")};
static const struct cvv_word day_of[] = {DATE_WORD("of"), DATE_WORD("the")};
/* words an answer to "what is your date of birth?" may start with (a word
 * before its own prefix: the first entry that fits is taken) */
static const struct cvv_word answer_openers[] = {
    DATE_WORD("yes"),  DATE_WORD("yeah"), DATE_WORD("yep"),    DATE_WORD("sure"),
    DATE_WORD("ok"),   DATE_WORD("okay"), DATE_WORD("it's"),   DATE_WORD("its"),
    DATE_WORD("it"),   DATE_WORD("is"),   DATE_WORD("that's"), DATE_WORD("thats"),
    DATE_WORD("that"), DATE_WORD("the"),  DATE_WORD("um"),     DATE_WORD("uh"),
    DATE_WORD("er"),   DATE_WORD("erm"),  DATE_WORD("so"),     DATE_WORD("mine"),
    DATE_WORD("on")};
/* ... and words it may end with */
static const struct cvv_word answer_closers[] = {DATE_WORD("thanks"), DATE_WORD("thank you"),
                                                 DATE_WORD("cheers"), DATE_WORD("please"),
                                                 DATE_WORD("ta")};
#undef DATE_WORD

/* The index of the entry of names that s[i..n) starts with (whole word, any
 * case), its end in *end; else -1. */
static int name_at(const unsigned char *s, size_t n, size_t i, const struct cvv_word *names,
                   size_t n_names, size_t *end)
{
    for (size_t w = 0; w < n_names; w++) {
        if (starts_with_name(s, n, i, &names[w], 1) > 0) {
            *end = i + names[w].len;
            return (int)w;
        }
    }
    return -1;
}
#define NAME_AT(s, n, i, names, end) name_at(s, n, i, names, sizeof names / sizeof names[0], end)

/* After a word of a date that ends at s[i]: where the next starts past a space,
 * a comma and a space, or a hyphen ("twenty-first"), else 0. */
static size_t date_gap(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    if (j < n && s[j] == ',') {
        j++;
    }
    if (j < n && (s[j] == ' ' || (j == i && s[j] == '-'))) {
        j++;
    }
    return j > i && j < n && is_alnum(s[j]) ? j : 0;
}

/* A number of 1..99 in words at s[i] ("seven", "nineteen", "eighty two",
 * "twenty-one"): its value and *end, else 0. */
static int number_words(const unsigned char *s, size_t n, size_t i, size_t *end)
{
    int w = NAME_AT(s, n, i, tens_numbers, end);
    if (w >= 0) {
        int value = 20 + 10 * w;
        size_t j = date_gap(s, n, *end);
        size_t unit_end = 0;
        int u = j > 0 ? NAME_AT(s, n, j, small_numbers, &unit_end) : -1;
        if (u >= 0 && u < 9) {
            *end = unit_end;
            value += u + 1;
        }
        return value;
    }
    w = NAME_AT(s, n, i, small_numbers, end);
    return w >= 0 ? w + 1 : 0;
}

/* A day of the month at s[i]: an ordinal in words ("fifth", "twenty first",
 * "thirty-first"), figures with or without an ordinal's ending ("5th", "5"),
 * or, when cardinal, a number in words ("March five"). Its value (1..31) and
 * *end, else 0. */
static int spoken_day(const unsigned char *s, size_t n, size_t i, bool cardinal, size_t *end)
{
    int day = 0;
    if (is_digit(s[i])) {
        size_t j = i;
        while (j < n && is_digit(s[j]) && j - i < 3) {
            day = day * 10 + (s[j] - '0');
            j++;
        }
        if (j - i > 2) {
            return 0;
        }
        if (j + 1 < n && is_alpha(s[j]) && is_alpha(s[j + 1])) {
            j += 2; /* 1st, 2nd, 3rd, 12th */
        }
        if (j < n && is_alnum(s[j])) {
            return 0;
        }
        *end = j;
    } else {
        int w = NAME_AT(s, n, i, day_ordinals, end);
        if (w >= 0) {
            day = day_ordinal_values[w];
        } else {
            int tens = NAME_AT(s, n, i, tens_numbers, end);
            size_t j = tens >= 0 && tens < 2 ? date_gap(s, n, *end) : 0;
            int u = j > 0 ? NAME_AT(s, n, j, day_ordinals, end) : -1;
            if (u >= 0 && u < 9) {
                day = 20 + 10 * tens + u + 1; /* "twenty first" */
            } else if (cardinal) {
                day = number_words(s, n, i, end);
            }
        }
    }
    return day >= 1 && day <= 31 ? day : 0;
}

/* A year at s[i]: four figures (19xx, 20xx), or words ("nineteen eighty two",
 * "nineteen oh five", "two thousand and five", "twenty ten", "eighty two"),
 * or four digits read out ("one nine eight two"). Its end, else 0. */
static size_t spoken_year(const unsigned char *s, size_t n, size_t i)
{
    size_t end = i;
    if (is_digit(s[i])) {
        while (end < n && is_digit(s[end])) {
            end++;
        }
        if (end - i != 4 || (end < n && is_alpha(s[end]))) {
            return 0;
        }
        return (s[i] == '1' && s[i + 1] == '9') || (s[i] == '2' && s[i + 1] == '0') ? end : 0;
    }
    size_t k = 0;
    int small = NAME_AT(s, n, i, small_numbers, &end);
    int tens = NAME_AT(s, n, i, tens_numbers, &end);
    size_t j = end > i ? date_gap(s, n, end) : 0;
    if (small == 1 && j > 0 && NAME_AT(s, n, j, year_thousand, &k) >= 0) {
        end = k; /* "two thousand", "two thousand and five" */
        size_t a = date_gap(s, n, k);
        if (a > 0 && NAME_AT(s, n, a, year_joins, &k) >= 0) {
            a = date_gap(s, n, k);
        }
        return a > 0 && number_words(s, n, a, &k) > 0 ? k : end;
    }
    if ((small == 18 || tens == 0) && j > 0) {      /* "nineteen", "twenty": the century */
        if (NAME_AT(s, n, j, year_zero, &k) >= 0) { /* "nineteen oh five" */
            size_t u = date_gap(s, n, k);
            int v = u > 0 ? NAME_AT(s, n, u, small_numbers, &k) : -1;
            return v >= 0 && v < 9 ? k : 0;
        }
        if (NAME_AT(s, n, j, year_hundred, &k) >= 0) {
            return k; /* "nineteen hundred" */
        }
        if (number_words(s, n, j, &k) >= 10) {
            return k; /* "nineteen eighty two", "twenty ten" */
        }
    }
    if (tens > 0) {
        number_words(s, n, i, &end); /* "eighty two" */
        return end;
    }
    spoken_run r; /* "one nine eight two" */
    read_spoken(s, n, i, &r);
    for (size_t w = 0; w < r.n_words; w++) {
        if (r.through[w] == 4) {
            const char *d = r.digits;
            return (d[0] == '1' && d[1] == '9') || (d[0] == '2' && d[1] == '0') ? r.end[w] : 0;
        }
    }
    return 0;
}

/* The text around a date s[from, end) holds nothing else: the whole message
 * answers a question about a date of birth ("It's the 5th of March, 1982.").
 * Before it only a few words that open an answer, after it only marks and
 * one word of thanks ("... 1970 thanks"). */
static bool answer_alone(const unsigned char *s, size_t n, size_t from, size_t end)
{
    bool closed = false;
    for (size_t k = end; k < n; k++) {
        size_t e = 0;
        if (!closed && k > end && NAME_AT(s, n, k, answer_closers, &e) >= 0) {
            closed = true;
            k = e - 1;
        } else if (s[k] == 0 || !strchr(" .!,\n\r\t", s[k])) {
            return false;
        }
    }
    size_t k = 0;
    for (int words = 0; words < 4; words++) {
        while (k < from && s[k] != 0 && strchr(" .!,-:\n\r\t", s[k]) != NULL) {
            k++;
        }
        size_t e = 0;
        if (k == from || NAME_AT(s, from, k, answer_openers, &e) < 0) {
            break;
        }
        k = e;
    }
    return k == from;
}

/* A byte a date said in words may start after: a space, a comma, a colon. */
static bool date_sep(unsigned char c)
{
    return c == ' ' || c == ',' || c == ':' || c == '\n' || c == '\r' || c == '\t';
}

/* A month's name at s[i] (whole word, then a space or a comma; the analyser's
 * tokeniser reads it as a word of its own): its end, else 0. */
static size_t date_month(const unsigned char *s, size_t n, size_t i)
{
    size_t end = 0;
    if (i > 0 && !date_sep(s[i - 1])) {
        return 0;
    }
    size_t w = i;
    while (w < n && is_alpha(s[w]) && w - i < 10) {
        w++;
    }
    /* a word of 3-9 letters whose first three are a month's (month_word()),
     * then the whole word is looked up */
    if (w - i < 3 || w - i > 9 || w >= n || (s[w] != ' ' && s[w] != ',') ||
        month_word(s, i, w) < 0 || NAME_AT(s, n, i, month_names, &end) < 0) {
        return 0;
    }
    return end;
}

/* The start of the first month's name at or after s[i] (date_month()), else n. */
static size_t next_month(const unsigned char *s, size_t n, size_t i)
{
    while (i < n) {
        if (!is_alpha(s[i])) {
            i++;
            continue;
        }
        if ((i == 0 || !is_alnum(s[i - 1])) && strchr("jfmasond", s[i] | 0x20) != NULL &&
            date_month(s, n, i) > 0) {
            return i;
        }
        while (i < n && is_alpha(s[i])) {
            i++; /* the rest of the word: a month starts a word */
        }
    }
    return n;
}

/* A date of birth said in words at s[i] (a word's start after a space, a
 * comma, a colon or the text's start): a day ("fifth", "5th", "twenty first"),
 * "of", a month's name and a year ("fifth of March nineteen eighty two"), or
 * a month, "the", a day and a year ("March the fifth, two thousand and one");
 * after a name of a date of birth in its sentence, or alone in the message.
 * Its end, else 0. */
static size_t match_spoken_dob(const unsigned char *s, size_t n, size_t i)
{
    size_t j = 0, k = 0;
    size_t month_end = date_month(s, n, i);
    if (month_end > 0) { /* month first */
        j = date_gap(s, n, month_end);
        if (j > 0 && NAME_AT(s, n, j, day_of, &k) == 1) {
            j = date_gap(s, n, k); /* "March the fifth" */
        }
        if (j == 0 || spoken_day(s, n, j, true, &k) == 0) {
            return 0;
        }
    } else { /* day first */
        if (spoken_day(s, n, i, false, &k) == 0) {
            return 0;
        }
        j = date_gap(s, n, k);
        if (j > 0 && NAME_AT(s, n, j, day_of, &k) == 0) {
            j = date_gap(s, n, k); /* "fifth of March" */
        }
        if (j == 0 || (k = date_month(s, n, j)) == 0) {
            return 0;
        }
    }
    j = date_gap(s, n, k);
    size_t end = j > 0 ? spoken_year(s, n, j) : 0;
    if (end == 0 || (end < n && is_alnum(s[end]))) {
        return 0;
    }
    return NAMED_BEFORE(s, i, dob_context) || answer_alone(s, n, i, end) ? end : 0;
}

/* A number read out a digit at a time from s[i] (a word boundary), as a
 * speech recogniser may write it: a card number (13-19 digits, issuer range
 * and Luhn check, or 12 or more after "card"), a sort code or account number,
 * a PIN or a security code after its name, or a phone number (10-15 digits).
 * Returns its end and sets *kind, else 0; *run_end gets the end of a run of
 * three digits or more read (the scan goes on after it: no part of a run that
 * is no number is one). */
static size_t match_spoken_number(const unsigned char *s, size_t n, size_t i, bool near_card,
                                  int *kind, size_t *run_end)
{
    spoken_run r;
    read_spoken(s, n, i, &r);
    size_t nd = r.n_digits;
    if (nd < 3) {
        return 0; /* "7" or "double one" is no number read out */
    }
    size_t end = r.end[r.n_words - 1];
    *run_end = end; /* a run that is none of these holds none either */
    for (size_t w = r.n_words; w-- > 0;) {
        size_t d = r.through[w];
        if (d >= CARD_MIN_DIGITS && d <= CARD_MAX_DIGITS && card_iin_ok(r.digits, d) &&
            nlp_pii_luhn_ok(r.digits, d)) {
            *kind = NLP_PII_CARD;
            return r.end[w];
        }
    }
    if (nd >= 12 && NAMED_BEFORE(s, i, card_names)) {
        *kind = NLP_PII_CARD;
        return end;
    }
    if ((nd == 6 && NAMED_BEFORE(s, i, sort_code_context)) ||
        (nd >= 6 && nd <= 10 && NAMED_BEFORE(s, i, account_context)) ||
        (nd == 9 && aba_ok(r.digits) && NAMED_BEFORE(s, i, routing_context))) {
        *kind = NLP_PII_BANK;
        return end;
    }
    if (nd >= 4 && nd <= 6 && NAMED_BEFORE(s, i, pin_context)) {
        *kind = NLP_PII_SECRET;
        return end;
    }
    if (nd <= 4) {
        size_t to = end + CVV_AFTER < n ? end + CVV_AFTER : n;
        for (size_t k = end; k < to; k++) {
            if (s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == '\n') {
                to = k;
                break;
            }
        }
        if (near_card || window_has_cvv_word(s, sentence_from(s, i, CVV_WINDOW), i) ||
            (nd == 3 && window_has_cvv_word(s, end, to))) {
            *kind = NLP_PII_CVV;
            return end;
        }
    }
    if (NAMED_BEFORE(s, i, dob_context)) {
        /* a date of birth read out: "oh five oh three one nine eight two",
         * or its day and month so and the year in words ("... eighty two") */
        size_t y = nd == 4 ? spoken_gap(s, n, end) : 0;
        size_t year_end = y > 0 ? spoken_year(s, n, y) : 0;
        if (nd == 6 || nd == 8 || (year_end > 0 && !(year_end < n && is_alnum(s[year_end])))) {
            *kind = NLP_PII_DOB;
            return year_end > 0 ? year_end : end;
        }
    }
    if (nd >= PHONE_MIN_DIGITS && nd <= PHONE_MAX_DIGITS) {
        *kind = NLP_PII_PHONE;
        return end;
    }
    return 0;
}

/* A run of two or more digits read out as words somewhere in s (the hint
 * nlp_pii_redact() gives itself; the analyser reads it off its tokens). */
static bool has_spoken_run(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!is_alpha(s[i]) || !spoken_start(i > 0 ? s[i - 1] : ' ')) {
            continue;
        }
        spoken_run r;
        read_spoken(s, n, i, &r);
        if (r.n_digits >= 2) {
            return true;
        }
    }
    return false;
}

/* A secret typed in words at s[i]: its name ("password", "memorable word"),
 * a link (':', '=', "is", "was", "would be", "is now") and one word, its value
 * ("my password is Sunflower88"); returns the value's end and sets *from to
 * its start, else 0. A value that is a common word is no secret ("my password
 * is wrong", "the passcode is the same"); of a value of several words only
 * the first is found, unless it is in quotes. */
/* The link after a name at s[j] (its end): ':' or '=', "is", "was", "would
 * be", "is now", "is: "; returns where the value starts and sets *linked when
 * a link was there (else j past spaces). */
static size_t after_link(const unsigned char *s, size_t n, size_t j, bool *linked)
{
    j = skip_spaces(s, n, j);
    *linked = false;
    if (j < n && (s[j] == ':' || s[j] == '=')) {
        *linked = true;
        j = skip_spaces(s, n, j + 1);
    }
    for (int words = 0; words < 3 && j < n; words++) {
        size_t len = STARTS_WITH(s, n, j, secret_links);
        if (len > 0) {
            *linked = true;
        } else {
            len = STARTS_WITH(s, n, j, secret_fillers);
        }
        if (len == 0) {
            break;
        }
        j = skip_spaces(s, n, j + len);
        if (j < n && s[j] == ':') {
            j = skip_spaces(s, n, j + 1); /* "is: ..." */
        }
    }
    return j;
}

static size_t match_secret(const unsigned char *s, size_t n, size_t i, size_t *from)
{
    size_t j = STARTS_WITH(s, n, i, secret_names);
    if (j == 0) {
        return 0;
    }
    bool linked;
    j = after_link(s, n, i + j, &linked);
    if (!linked || j >= n) {
        return 0;
    }
    size_t end = quoted_secret(s, n, &j);
    if (end == 0) {
        end = j;
        while (end < n && s[end] != ' ' && s[end] != '\n' && s[end] != '\t' && s[end] != '\r' &&
               end - j <= SECRET_MAX) {
            end++;
        }
        while (end > j && strchr(".,;:!?)\"'`", s[end - 1]) != NULL) {
            end--; /* the sentence's mark, or a closing quote */
        }
    }
    spoken_run r;
    read_spoken(s, n, j, &r);
    if (r.n_words >= 2) {
        end = r.end[r.n_words - 1]; /* "my password is seven eight nine nine" */
    }
    if (end == j || end - j > SECRET_MAX || !is_alnum(s[j]) ||
        starts_with_name(s, end, j, secret_non_values,
                         sizeof secret_non_values / sizeof secret_non_values[0]) == end - j) {
        return 0;
    }
    *from = j;
    return end;
}

/* ---- addresses and names, read after the words that name them ----
 *
 * The analyser's hint for them is one of these words among its tokens (the
 * secret_name tag of nlp/lexicon/sensitive.txt, which must list every word
 * that starts an entry of postcode_names, street_leads, address_names,
 * person_names, title_names, signoff_names and named_street_types), as for a password's
 * name. A match starts at such a word as the tokeniser reads words
 * (name_start()), or at a house number whose street type is one. */

#define NAME_WORD(w)                                                                               \
    {                                                                                              \
        w, sizeof(w) - 1                                                                           \
    }
/* Names of a postcode or ZIP code, which its value follows. */
static const struct cvv_word postcode_names[] = {NAME_WORD("postcode"), NAME_WORD("postal code"),
                                                 NAME_WORD("zip code"), NAME_WORD("zipcode"),
                                                 NAME_WORD("zip"),      NAME_WORD("eircode")};
/* Words a street address follows without a link ("I live at 4 Mill Lane"). */
static const struct cvv_word street_leads[] = {
    NAME_WORD("live at"),         NAME_WORD("living at"),       NAME_WORD("lives at"),
    NAME_WORD("moved to"),        NAME_WORD("moving to"),       NAME_WORD("deliver to"),
    NAME_WORD("deliver it to"),   NAME_WORD("deliver them to"), NAME_WORD("delivered to"),
    NAME_WORD("delivered it to"), NAME_WORD("ship to"),         NAME_WORD("ship it to"),
    NAME_WORD("shipped to")};
/* The name of an address, which a link and its value follow ("my address is
 * 12 ...", "address: Flat 3, ..."). */
static const struct cvv_word address_names[] = {NAME_WORD("address")};
/* Street types that are tagged words (a house number before one is read
 * anywhere) and the others (read after a name of an address only). */
static const struct cvv_word named_street_types[] = {
    NAME_WORD("street"),   NAME_WORD("st"),      NAME_WORD("road"),      NAME_WORD("rd"),
    NAME_WORD("avenue"),   NAME_WORD("ave"),     NAME_WORD("lane"),      NAME_WORD("ln"),
    NAME_WORD("crescent"), NAME_WORD("terrace"), NAME_WORD("boulevard"), NAME_WORD("blvd"),
    NAME_WORD("grove"),    NAME_WORD("gardens"), NAME_WORD("mews"),      NAME_WORD("parade")};
static const struct cvv_word other_street_types[] = {
    NAME_WORD("close"),   NAME_WORD("drive"), NAME_WORD("dr"),    NAME_WORD("way"),
    NAME_WORD("court"),   NAME_WORD("ct"),    NAME_WORD("place"), NAME_WORD("pl"),
    NAME_WORD("square"),  NAME_WORD("row"),   NAME_WORD("walk"),  NAME_WORD("rise"),
    NAME_WORD("hill"),    NAME_WORD("park"),  NAME_WORD("view"),  NAME_WORD("green"),
    NAME_WORD("highway"), NAME_WORD("hwy"),   NAME_WORD("circle")};
/* A flat's or unit's number before a house number ("Flat 3, 12 ..."). */
static const struct cvv_word unit_names[] = {NAME_WORD("flat"), NAME_WORD("apartment"),
                                             NAME_WORD("apt"), NAME_WORD("unit"),
                                             NAME_WORD("suite")};
/* The word just before a house number that makes a street in lower case an
 * address ("i'm at 12 baker street"; else the street must be in Title Case). */
static const struct cvv_word street_context[] = {NAME_WORD("at"), NAME_WORD("to"), NAME_WORD("is"),
                                                 NAME_WORD("from"), NAME_WORD("address")};
/* Words that end an address typed after its name, or a street's name (in
 * order: word_in_sorted()). */
static const struct cvv_word address_stops[] = {
    NAME_WORD("a"),       NAME_WORD("an"),       NAME_WORD("and"),    NAME_WORD("at"),
    NAME_WORD("because"), NAME_WORD("but"),      NAME_WORD("by"),     NAME_WORD("can"),
    NAME_WORD("could"),   NAME_WORD("days"),     NAME_WORD("down"),   NAME_WORD("email"),
    NAME_WORD("for"),     NAME_WORD("from"),     NAME_WORD("hours"),  NAME_WORD("i"),
    NAME_WORD("if"),      NAME_WORD("im"),       NAME_WORD("in"),     NAME_WORD("is"),
    NAME_WORD("it"),      NAME_WORD("mile"),     NAME_WORD("miles"),  NAME_WORD("minutes"),
    NAME_WORD("mobile"),  NAME_WORD("months"),   NAME_WORD("my"),     NAME_WORD("near"),
    NAME_WORD("not"),     NAME_WORD("now"),      NAME_WORD("number"), NAME_WORD("of"),
    NAME_WORD("off"),     NAME_WORD("on"),       NAME_WORD("or"),     NAME_WORD("phone"),
    NAME_WORD("please"),  NAME_WORD("postcode"), NAME_WORD("since"),  NAME_WORD("so"),
    NAME_WORD("tel"),     NAME_WORD("thank"),    NAME_WORD("thanks"), NAME_WORD("that"),
    NAME_WORD("the"),     NAME_WORD("then"),     NAME_WORD("this"),   NAME_WORD("times"),
    NAME_WORD("to"),      NAME_WORD("up"),       NAME_WORD("was"),    NAME_WORD("weeks"),
    NAME_WORD("when"),    NAME_WORD("where"),    NAME_WORD("which"),  NAME_WORD("will"),
    NAME_WORD("with"),    NAME_WORD("would"),    NAME_WORD("years"),  NAME_WORD("zip")};
/* A person's name after its name ("my name is", "surname:") and titles. */
static const struct cvv_word person_names[] = {NAME_WORD("name"), NAME_WORD("surname"),
                                               NAME_WORD("forename")};
/* A letter's or an e-mail's closing, which the writer's name follows at its end
 * ("Kind regards, Joanna Wells", "Yours sincerely,\nFiona Campbell"). */
static const struct cvv_word signoff_names[] = {NAME_WORD("regards"), NAME_WORD("sincerely"),
                                                NAME_WORD("faithfully"), NAME_WORD("wishes")};
/* Words between a role's ("Head of Sales", "Care and Support Team"). */
static const struct cvv_word role_joiners[] = {NAME_WORD("and"), NAME_WORD("of"), NAME_WORD("the")};
/* What a writer's role or team says of them ("Customer Support Executive",
 * "Online Orders Team", "Bookings"); in order (word_in_sorted()). */
static const struct cvv_word role_words[] = {NAME_WORD("accounts"),    NAME_WORD("adviser"),
                                             NAME_WORD("advisor"),     NAME_WORD("agent"),
                                             NAME_WORD("assistant"),   NAME_WORD("billing"),
                                             NAME_WORD("bookings"),    NAME_WORD("care"),
                                             NAME_WORD("complaints"),  NAME_WORD("consultant"),
                                             NAME_WORD("coordinator"), NAME_WORD("customer"),
                                             NAME_WORD("department"),  NAME_WORD("desk"),
                                             NAME_WORD("executive"),   NAME_WORD("helpdesk"),
                                             NAME_WORD("manager"),     NAME_WORD("officer"),
                                             NAME_WORD("operations"),  NAME_WORD("orders"),
                                             NAME_WORD("relations"),   NAME_WORD("representative"),
                                             NAME_WORD("sales"),       NAME_WORD("service"),
                                             NAME_WORD("services"),    NAME_WORD("specialist"),
                                             NAME_WORD("support"),     NAME_WORD("team")};

static const struct cvv_word title_names[] = {NAME_WORD("mrs"), NAME_WORD("mr"), NAME_WORD("ms"),
                                              NAME_WORD("mx")};
static const struct cvv_word value_titles[] = {
    NAME_WORD("mrs"),  NAME_WORD("mr"), NAME_WORD("ms"),   NAME_WORD("mx"),
    NAME_WORD("miss"), NAME_WORD("dr"), NAME_WORD("prof"), NAME_WORD("rev")};
/* The word before "name" whose name follows ("my name is", "first name:"). */
static const struct cvv_word name_owners[] = {
    NAME_WORD("my"),    NAME_WORD("his"),    NAME_WORD("her"),      NAME_WORD("their"),
    NAME_WORD("our"),   NAME_WORD("your"),   NAME_WORD("full"),     NAME_WORD("first"),
    NAME_WORD("last"),  NAME_WORD("middle"), NAME_WORD("given"),    NAME_WORD("family"),
    NAME_WORD("legal"), NAME_WORD("real"),   NAME_WORD("christian")};
/* "in the name of", "under the name", "by the name of" */
static const struct cvv_word name_holders[] = {NAME_WORD("in the"), NAME_WORD("under the"),
                                               NAME_WORD("by the")};
/* What the name of an account's holder is said on ("the name on the card is"). */
static const struct cvv_word name_on[] = {
    NAME_WORD("on the account is"),     NAME_WORD("on the card is"),
    NAME_WORD("on the booking is"),     NAME_WORD("on the policy is"),
    NAME_WORD("on the bill is"),        NAME_WORD("on the order is"),
    NAME_WORD("on the reservation is"), NAME_WORD("on the ticket is")};
/* Products and offices a title's word names, not a person ("MS Teams", "ms
 * word", "Mr President"). */
static const struct cvv_word title_products[] = {
    NAME_WORD("word"),      NAME_WORD("teams"),    NAME_WORD("office"),   NAME_WORD("excel"),
    NAME_WORD("outlook"),   NAME_WORD("access"),   NAME_WORD("edge"),     NAME_WORD("windows"),
    NAME_WORD("paint"),     NAME_WORD("project"),  NAME_WORD("dynamics"), NAME_WORD("store"),
    NAME_WORD("dos"),       NAME_WORD("sql"),      NAME_WORD("money"),    NAME_WORD("president"),
    NAME_WORD("speaker"),   NAME_WORD("chairman"), NAME_WORD("mayor"),    NAME_WORD("ambassador"),
    NAME_WORD("secretary"), NAME_WORD("prime"),    NAME_WORD("minister"), NAME_WORD("governor"),
    NAME_WORD("right"),     NAME_WORD("vice"),     NAME_WORD("deputy"),   NAME_WORD("chair")};
/* Causes "in the name of" names more often than people. */
static const struct cvv_word held_causes[] = {
    NAME_WORD("god"),      NAME_WORD("jesus"),    NAME_WORD("christ"),  NAME_WORD("allah"),
    NAME_WORD("lord"),     NAME_WORD("love"),     NAME_WORD("science"), NAME_WORD("freedom"),
    NAME_WORD("liberty"),  NAME_WORD("justice"),  NAME_WORD("peace"),   NAME_WORD("democracy"),
    NAME_WORD("progress"), NAME_WORD("security"), NAME_WORD("safety"),  NAME_WORD("religion"),
    NAME_WORD("america"),  NAME_WORD("the")};
static const struct cvv_word the_word[] = {NAME_WORD("the")};
static const struct cvv_word of_word[] = {NAME_WORD("of")};
/* Words that are no person's name where one may follow ("my name is wrong on
 * the bill", "my name is on the account", "under the name I gave"; in order:
 * word_in_sorted()). */
static const struct cvv_word non_names[] = {
    NAME_WORD("a"),         NAME_WORD("above"),     NAME_WORD("actually"),  NAME_WORD("added"),
    NAME_WORD("again"),     NAME_WORD("already"),   NAME_WORD("also"),      NAME_WORD("an"),
    NAME_WORD("and"),       NAME_WORD("are"),       NAME_WORD("as"),        NAME_WORD("at"),
    NAME_WORD("attached"),  NAME_WORD("be"),        NAME_WORD("because"),   NAME_WORD("been"),
    NAME_WORD("being"),     NAME_WORD("below"),     NAME_WORD("blank"),     NAME_WORD("but"),
    NAME_WORD("by"),        NAME_WORD("call"),      NAME_WORD("called"),    NAME_WORD("calling"),
    NAME_WORD("can"),       NAME_WORD("changed"),   NAME_WORD("correct"),   NAME_WORD("could"),
    NAME_WORD("did"),       NAME_WORD("different"), NAME_WORD("do"),        NAME_WORD("does"),
    NAME_WORD("empty"),     NAME_WORD("fine"),      NAME_WORD("for"),       NAME_WORD("from"),
    NAME_WORD("get"),       NAME_WORD("given"),     NAME_WORD("got"),       NAME_WORD("had"),
    NAME_WORD("has"),       NAME_WORD("have"),      NAME_WORD("he"),        NAME_WORD("hello"),
    NAME_WORD("her"),       NAME_WORD("here"),      NAME_WORD("hers"),      NAME_WORD("hi"),
    NAME_WORD("his"),       NAME_WORD("how"),       NAME_WORD("i"),         NAME_WORD("if"),
    NAME_WORD("im"),        NAME_WORD("in"),        NAME_WORD("incorrect"), NAME_WORD("is"),
    NAME_WORD("it"),        NAME_WORD("its"),       NAME_WORD("just"),      NAME_WORD("linked"),
    NAME_WORD("listed"),    NAME_WORD("long"),      NAME_WORD("madam"),     NAME_WORD("me"),
    NAME_WORD("mentioned"), NAME_WORD("mine"),      NAME_WORD("missing"),   NAME_WORD("misspelled"),
    NAME_WORD("misspelt"),  NAME_WORD("my"),        NAME_WORD("need"),      NAME_WORD("new"),
    NAME_WORD("no"),        NAME_WORD("none"),      NAME_WORD("not"),       NAME_WORD("nothing"),
    NAME_WORD("now"),       NAME_WORD("of"),        NAME_WORD("ok"),        NAME_WORD("okay"),
    NAME_WORD("old"),       NAME_WORD("on"),        NAME_WORD("or"),        NAME_WORD("our"),
    NAME_WORD("please"),    NAME_WORD("printed"),   NAME_WORD("really"),    NAME_WORD("registered"),
    NAME_WORD("removed"),   NAME_WORD("right"),     NAME_WORD("same"),      NAME_WORD("she"),
    NAME_WORD("short"),     NAME_WORD("should"),    NAME_WORD("showing"),   NAME_WORD("shown"),
    NAME_WORD("sir"),       NAME_WORD("so"),        NAME_WORD("spelled"),   NAME_WORD("spelling"),
    NAME_WORD("spelt"),     NAME_WORD("still"),     NAME_WORD("taken"),     NAME_WORD("thank"),
    NAME_WORD("thanks"),    NAME_WORD("that"),      NAME_WORD("the"),       NAME_WORD("their"),
    NAME_WORD("theirs"),    NAME_WORD("there"),     NAME_WORD("they"),      NAME_WORD("this"),
    NAME_WORD("to"),        NAME_WORD("too"),       NAME_WORD("under"),     NAME_WORD("unknown"),
    NAME_WORD("used"),      NAME_WORD("very"),      NAME_WORD("want"),      NAME_WORD("was"),
    NAME_WORD("we"),        NAME_WORD("what"),      NAME_WORD("when"),      NAME_WORD("where"),
    NAME_WORD("which"),     NAME_WORD("who"),       NAME_WORD("why"),       NAME_WORD("will"),
    NAME_WORD("with"),      NAME_WORD("would"),     NAME_WORD("written"),   NAME_WORD("wrong"),
    NAME_WORD("yeah"),      NAME_WORD("yes"),       NAME_WORD("you"),       NAME_WORD("your")};

/* Greetings that may open a text and greet a person by name ("Hi Priya,",
 * "Dear Sarah", "Thanks Tom!", "Good morning Mrs Okafor"; the analyser reads
 * the text's first word for them: analyzer.c, OPENING_WORDS). */
static const struct cvv_word greetings[] = {
    NAME_WORD("afternoon"),    NAME_WORD("bye"),          NAME_WORD("cheers"),
    NAME_WORD("dear"),         NAME_WORD("evening"),      NAME_WORD("good afternoon"),
    NAME_WORD("good evening"), NAME_WORD("good morning"), NAME_WORD("goodbye"),
    NAME_WORD("hello"),        NAME_WORD("hey"),          NAME_WORD("hi"),
    NAME_WORD("hiya"),         NAME_WORD("morning"),      NAME_WORD("thank you"),
    NAME_WORD("thanks")};
/* What a greeting may greet before an introduction ("Hi there, this is Sam"). */
static const struct cvv_word greeted_all[] = {NAME_WORD("there"), NAME_WORD("all"),
                                              NAME_WORD("everyone")};
/* How a person says who is writing or speaking at the text's start, which
 * their name follows ("this is Sam from billing", "it's Tom speaking"). */
static const struct cvv_word introductions[] = {NAME_WORD("this is"), NAME_WORD("it is"),
                                                NAME_WORD("it's"), NAME_WORD("its")};

/* What follows the name of an introduction ("this is Sam from billing",
 * "... Tom speaking", "... Ana calling", "... Jo here", "Hi it's Tom again"). */
static const struct cvv_word introduced_by[] = {NAME_WORD("from"), NAME_WORD("speaking"),
                                                NAME_WORD("calling"), NAME_WORD("here"),
                                                NAME_WORD("again")};
static const struct cvv_word speaking_word[] = {NAME_WORD("speaking")};
/* Thanks to a person named anywhere in the text ("ok thanks Sarah",
 * "Brilliant, thank you Tom!"; nlp/lexicon/sarcasm.txt's thanks_frame words,
 * the analyser's hint, hold their first words). */
static const struct cvv_word thanks_names[] = {NAME_WORD("thank you"), NAME_WORD("thanks"),
                                               NAME_WORD("cheers")};
/* A person a customer spoke to, named after it ("I spoke to Sarah on
 * Monday", "I was transferred to Dave", "I talked to Tom"; nlp/lexicon/
 * escalation.txt's contact words, the analyser's hint, hold their first
 * words, but "talked", which sensitive.txt tags person_before). */
static const struct cvv_word spoken_to[] = {
    NAME_WORD("spoke to"),    NAME_WORD("spoke with"),  NAME_WORD("spoken to"),
    NAME_WORD("spoken with"), NAME_WORD("chatted to"),  NAME_WORD("chatted with"),
    NAME_WORD("talked to"),   NAME_WORD("talked with"), NAME_WORD("transferred to")};
static const struct cvv_word called_words[] = {NAME_WORD("called"), NAME_WORD("named")};
static const struct cvv_word staff_preps[] = {NAME_WORD("from"), NAME_WORD("at"), NAME_WORD("in"),
                                              NAME_WORD("on")};
static const struct cvv_word staff_determiners[] = {NAME_WORD("the"), NAME_WORD("your"),
                                                    NAME_WORD("our")};
/* Whom a greeting greets that is no person's name, beside non_names ("Hi
 * Team", "Thanks Everyone", "Dear Valued Customer", "Hey Siri", "Dear Acme
 * support"), a word of the name or one of the two after it (greeted_name());
 * in order: word_in_sorted(). */
static const struct cvv_word greeted_non_names[] = {
    NAME_WORD("accounts"),     NAME_WORD("admin"),      NAME_WORD("admins"),
    NAME_WORD("admissions"),   NAME_WORD("agent"),      NAME_WORD("agents"),
    NAME_WORD("ah"),           NAME_WORD("airline"),    NAME_WORD("airlines"),
    NAME_WORD("airways"),      NAME_WORD("alexa"),      NAME_WORD("all"),
    NAME_WORD("alot"),         NAME_WORD("anybody"),    NAME_WORD("anyone"),
    NAME_WORD("august"),       NAME_WORD("babe"),       NAME_WORD("bank"),
    NAME_WORD("billing"),      NAME_WORD("board"),      NAME_WORD("boys"),
    NAME_WORD("bro"),          NAME_WORD("broadband"),  NAME_WORD("buddy"),
    NAME_WORD("bursar"),       NAME_WORD("bye"),        NAME_WORD("captain"),
    NAME_WORD("care"),         NAME_WORD("center"),     NAME_WORD("centre"),
    NAME_WORD("check"),        NAME_WORD("christmas"),  NAME_WORD("citizens"),
    NAME_WORD("clinic"),       NAME_WORD("club"),       NAME_WORD("coach"),
    NAME_WORD("colleagues"),   NAME_WORD("college"),    NAME_WORD("committee"),
    NAME_WORD("community"),    NAME_WORD("company"),    NAME_WORD("conservatives"),
    NAME_WORD("corp"),         NAME_WORD("cortana"),    NAME_WORD("council"),
    NAME_WORD("credit"),       NAME_WORD("crew"),       NAME_WORD("customer"),
    NAME_WORD("customers"),    NAME_WORD("dad"),        NAME_WORD("darling"),
    NAME_WORD("december"),     NAME_WORD("democrats"),  NAME_WORD("dental"),
    NAME_WORD("department"),   NAME_WORD("desk"),       NAME_WORD("diary"),
    NAME_WORD("direct"),       NAME_WORD("director"),   NAME_WORD("doctor"),
    NAME_WORD("dude"),         NAME_WORD("earth"),      NAME_WORD("eats"),
    NAME_WORD("editor"),       NAME_WORD("eh"),         NAME_WORD("electric"),
    NAME_WORD("electricity"),  NAME_WORD("energy"),     NAME_WORD("everybody"),
    NAME_WORD("everyone"),     NAME_WORD("express"),    NAME_WORD("family"),
    NAME_WORD("fan"),          NAME_WORD("fans"),       NAME_WORD("february"),
    NAME_WORD("fiber"),        NAME_WORD("fibre"),      NAME_WORD("finance"),
    NAME_WORD("fitness"),      NAME_WORD("folks"),      NAME_WORD("followers"),
    NAME_WORD("friday"),       NAME_WORD("friend"),     NAME_WORD("friends"),
    NAME_WORD("gas"),          NAME_WORD("gentleman"),  NAME_WORD("gentlemen"),
    NAME_WORD("gents"),        NAME_WORD("girl"),       NAME_WORD("girls"),
    NAME_WORD("god"),          NAME_WORD("goodness"),   NAME_WORD("google"),
    NAME_WORD("gov"),          NAME_WORD("group"),      NAME_WORD("guess"),
    NAME_WORD("guys"),         NAME_WORD("gym"),        NAME_WORD("haha"),
    NAME_WORD("happy"),        NAME_WORD("health"),     NAME_WORD("heaven"),
    NAME_WORD("heavens"),      NAME_WORD("help"),       NAME_WORD("helpdesk"),
    NAME_WORD("hey"),          NAME_WORD("holidays"),   NAME_WORD("homes"),
    NAME_WORD("hotel"),        NAME_WORD("housing"),    NAME_WORD("hr"),
    NAME_WORD("hun"),          NAME_WORD("idk"),        NAME_WORD("inc"),
    NAME_WORD("insurance"),    NAME_WORD("insurer"),    NAME_WORD("internet"),
    NAME_WORD("isp"),          NAME_WORD("ive"),        NAME_WORD("january"),
    NAME_WORD("jesus"),        NAME_WORD("july"),       NAME_WORD("kids"),
    NAME_WORD("ladies"),       NAME_WORD("lady"),       NAME_WORD("landlord"),
    NAME_WORD("liberal"),      NAME_WORD("liberals"),   NAME_WORD("limited"),
    NAME_WORD("listen"),       NAME_WORD("lmao"),       NAME_WORD("loans"),
    NAME_WORD("lol"),          NAME_WORD("look"),       NAME_WORD("lord"),
    NAME_WORD("lot"),          NAME_WORD("love"),       NAME_WORD("ltd"),
    NAME_WORD("maam"),         NAME_WORD("madame"),     NAME_WORD("man"),
    NAME_WORD("manager"),      NAME_WORD("managers"),   NAME_WORD("march"),
    NAME_WORD("mate"),         NAME_WORD("media"),      NAME_WORD("member"),
    NAME_WORD("members"),      NAME_WORD("mobile"),     NAME_WORD("moderators"),
    NAME_WORD("mods"),         NAME_WORD("mom"),        NAME_WORD("monday"),
    NAME_WORD("motors"),       NAME_WORD("mum"),        NAME_WORD("nature"),
    NAME_WORD("neighbors"),    NAME_WORD("neighbours"), NAME_WORD("network"),
    NAME_WORD("networks"),     NAME_WORD("nobody"),     NAME_WORD("november"),
    NAME_WORD("nurse"),        NAME_WORD("october"),    NAME_WORD("office"),
    NAME_WORD("officer"),      NAME_WORD("oh"),         NAME_WORD("omg"),
    NAME_WORD("online"),       NAME_WORD("op"),         NAME_WORD("owner"),
    NAME_WORD("owners"),       NAME_WORD("party"),      NAME_WORD("people"),
    NAME_WORD("pharmacy"),     NAME_WORD("plc"),        NAME_WORD("power"),
    NAME_WORD("practice"),     NAME_WORD("president"),  NAME_WORD("principal"),
    NAME_WORD("public"),       NAME_WORD("quick"),      NAME_WORD("rail"),
    NAME_WORD("railway"),      NAME_WORD("reddit"),     NAME_WORD("republicans"),
    NAME_WORD("reservations"), NAME_WORD("residents"),  NAME_WORD("restaurant"),
    NAME_WORD("russia"),       NAME_WORD("sales"),      NAME_WORD("salon"),
    NAME_WORD("saturday"),     NAME_WORD("savings"),    NAME_WORD("school"),
    NAME_WORD("secretary"),    NAME_WORD("september"),  NAME_WORD("service"),
    NAME_WORD("services"),     NAME_WORD("shop"),       NAME_WORD("siri"),
    NAME_WORD("sirs"),         NAME_WORD("society"),    NAME_WORD("somebody"),
    NAME_WORD("someone"),      NAME_WORD("staff"),      NAME_WORD("stop"),
    NAME_WORD("store"),        NAME_WORD("studio"),     NAME_WORD("sunday"),
    NAME_WORD("support"),      NAME_WORD("surgery"),    NAME_WORD("teacher"),
    NAME_WORD("team"),         NAME_WORD("telco"),      NAME_WORD("telecom"),
    NAME_WORD("thursday"),     NAME_WORD("tours"),      NAME_WORD("trains"),
    NAME_WORD("travel"),       NAME_WORD("tuesday"),    NAME_WORD("twitter"),
    NAME_WORD("twitterverse"), NAME_WORD("uh"),         NAME_WORD("um"),
    NAME_WORD("university"),   NAME_WORD("utilities"),  NAME_WORD("valued"),
    NAME_WORD("vets"),         NAME_WORD("voters"),     NAME_WORD("wait"),
    NAME_WORD("water"),        NAME_WORD("wednesday"),  NAME_WORD("welcome"),
    NAME_WORD("wireless"),     NAME_WORD("world"),      NAME_WORD("wow"),
    NAME_WORD("yay")};

/* A given name before one of these in Title Case names a place, not a person
 * ("Patrick Street", "Victoria Station", "St John Ambulance"; in any case
 * after a name in lower case, "miranda place", and "line": "Elizabeth
 * line"), and so does one after one of given_place_leads ("St Patrick's
 * Day", "San Jose", "Lake Louise"). Sorted (nlp_pii_self_check()). */
static const struct cvv_word given_places[] = {
    NAME_WORD("academy"),  NAME_WORD("ambulance"),  NAME_WORD("arena"),     NAME_WORD("ave"),
    NAME_WORD("avenue"),   NAME_WORD("blvd"),       NAME_WORD("boulevard"), NAME_WORD("bridge"),
    NAME_WORD("building"), NAME_WORD("center"),     NAME_WORD("centre"),    NAME_WORD("church"),
    NAME_WORD("circle"),   NAME_WORD("close"),      NAME_WORD("college"),   NAME_WORD("court"),
    NAME_WORD("crescent"), NAME_WORD("drive"),      NAME_WORD("gardens"),   NAME_WORD("green"),
    NAME_WORD("grove"),    NAME_WORD("hall"),       NAME_WORD("highway"),   NAME_WORD("hill"),
    NAME_WORD("hospital"), NAME_WORD("house"),      NAME_WORD("infirmary"), NAME_WORD("lane"),
    NAME_WORD("line"),     NAME_WORD("mews"),       NAME_WORD("museum"),    NAME_WORD("parade"),
    NAME_WORD("park"),     NAME_WORD("place"),      NAME_WORD("rd"),        NAME_WORD("road"),
    NAME_WORD("school"),   NAME_WORD("square"),     NAME_WORD("st"),        NAME_WORD("stadium"),
    NAME_WORD("station"),  NAME_WORD("street"),     NAME_WORD("terrace"),   NAME_WORD("tower"),
    NAME_WORD("trust"),    NAME_WORD("university"), NAME_WORD("way")};
static const struct cvv_word line_word[] = {NAME_WORD("line")};
static const struct cvv_word given_place_leads[] = {
    NAME_WORD("cape"),  NAME_WORD("fort"),  NAME_WORD("glen"),  NAME_WORD("king"),
    NAME_WORD("lake"),  NAME_WORD("mount"), NAME_WORD("port"),  NAME_WORD("queen"),
    NAME_WORD("saint"), NAME_WORD("san"),   NAME_WORD("santa"), NAME_WORD("st")};
/* Brands named after a person, the given name and the next word in lower
 * case ("Ted Baker", "Calvin Klein", "John Lewis"): shops, labels and goods a
 * customer writes about, no person's name. Sorted. */
static const struct cvv_word given_brands[] = {
    NAME_WORD("alexander mcqueen"), NAME_WORD("ben sherman"),     NAME_WORD("calvin klein"),
    NAME_WORD("charles tyrwhitt"),  NAME_WORD("elizabeth arden"), NAME_WORD("estee lauder"),
    NAME_WORD("harvey nichols"),    NAME_WORD("hugo boss"),       NAME_WORD("jack daniel's"),
    NAME_WORD("jack daniels"),      NAME_WORD("jack wills"),      NAME_WORD("jimmy choo"),
    NAME_WORD("john lewis"),        NAME_WORD("karen millen"),    NAME_WORD("kate spade"),
    NAME_WORD("laura ashley"),      NAME_WORD("marc jacobs"),     NAME_WORD("michael kors"),
    NAME_WORD("paul smith"),        NAME_WORD("ralph lauren"),    NAME_WORD("stella mccartney"),
    NAME_WORD("ted baker"),         NAME_WORD("tim horton's"),    NAME_WORD("tim hortons"),
    NAME_WORD("tommy hilfiger"),    NAME_WORD("tory burch"),      NAME_WORD("victoria beckham"),
    NAME_WORD("vivienne westwood")};

#undef NAME_WORD

/* Whether a word the tokeniser reads can start at s[i], outside a link, a
 * mention or a hashtag, whose words it reads otherwise: the byte before is
 * white space, an opening mark or a sentence's mark (not '[': "[NAME]" is a
 * placeholder), and the run of bytes
 * back to white space (at most 256) holds no '@', "//", ":/" or '#'. A
 * refusal only costs a match (the same text gets the same answer whatever
 * the hints), so this may refuse more than the tokeniser skips. */
static bool name_start(const unsigned char *s, size_t i)
{
    if (i > 0) {
        switch (s[i - 1]) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
        case '(':
        case '"':
        case '\'':
        case ',':
        case '.':
        case ';':
        case '!':
        case '?':
        case '*':
            break;
        default:
            return false;
        }
    }
    for (size_t k = i; k > 0; k--) {
        unsigned char c = s[k - 1];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        if (c == '@' || c == '#' || (c == '/' && k >= 2 && (s[k - 2] == '/' || s[k - 2] == ':')) ||
            i - k >= 256) {
            return false;
        }
    }
    return true;
}

/* The end of a word of a name at s[i] (letters, bytes outside ASCII, inner
 * apostrophes and hyphens: "O'Brien", "Smith-Jones", "Zoë"), else i. */
static size_t name_word_end(const unsigned char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && (is_alpha(s[j]) || s[j] >= 0x80 ||
                     ((s[j] == '\'' || s[j] == '-') && j > i && j + 1 < n && is_alpha(s[j + 1])))) {
        j++;
    }
    return j;
}

/* The word at s[i, e) is one of names, whole (any case). */
#define WORD_IS(s, i, e, names) (STARTS_WITH(s, e, i, names) == (e) - (i))

/* The word at s[i, e) (any case) is one of the n names, which are in lower
 * case and in strictly ascending order (nlp_pii_self_check()): a binary search. */
static bool word_in_sorted(const unsigned char *s, size_t i, size_t e, const struct cvv_word *names,
                           size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const unsigned char *t = (const unsigned char *)names[mid].text;
        size_t len = names[mid].len, m = 0;
        int cmp = 0;
        while (cmp == 0 && m < len && i + m < e) {
            unsigned char c = s[i + m];
            c = c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
            cmp = (int)c - (int)t[m];
            m++;
        }
        if (cmp == 0) {
            cmp = i + m < e ? 1 : m < len ? -1 : 0;
        }
        if (cmp == 0) {
            return true;
        }
        if (cmp < 0) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return false;
}
#define WORD_IN_SORTED(s, i, e, names)                                                             \
    word_in_sorted(s, i, e, names, sizeof names / sizeof names[0])

/* A UK postcode at s[i]: an outward code (a letter or two, a figure, maybe a
 * figure or a letter: "M1", "SW1A", "B33"), one space or none, an inward
 * code (a figure, two letters), any case; a Canadian postal code (A1A 1A1); or
 * a US ZIP code (five figures, maybe a dash and four more). Returns the end
 * or 0. */
static size_t postcode_at(const unsigned char *s, size_t n, size_t i)
{
    size_t e = word_end(s, n, i);
    if (e == i || (e < n && s[e] >= 0x80)) {
        return 0;
    }
    size_t letters = 0;
    while (i + letters < e && letters < 3 && is_alpha(s[i + letters])) {
        letters++;
    }
    if (letters == 0) {
        char d[9];
        size_t j = grouped_number(s, n, i, 9, 1u << 5, d);
        if (j > 0 && s[i + 5] == '-') {
            return j;
        }
        return e - i == 5 ? e : 0;
    }
    /* the inward code: the last three of the word, or the next word */
    size_t out_end = e, in = e;
    if (e + 4 <= n && s[e] == ' ' && (e + 4 == n || !is_alnum(s[e + 4]))) {
        in = e + 1;
    } else if (e - i >= 5) {
        out_end = in = e - 3;
    } else {
        return 0;
    }
    if (is_digit(s[in]) && is_alpha(s[in + 1]) && is_digit(s[in + 2]) && out_end - i == 3 &&
        is_alpha(s[i]) && is_digit(s[i + 1]) && is_alpha(s[i + 2])) {
        return in + 3; /* Canada: A1A 1A1 */
    }
    if (!is_digit(s[in]) || !is_alpha(s[in + 1]) || !is_alpha(s[in + 2]) || letters > 2 ||
        !is_digit(s[i + letters])) {
        return 0;
    }
    size_t k = i + letters + 1;
    if (k < out_end && is_alnum(s[k])) {
        k++;
    }
    return k == out_end ? in + 3 : 0;
}

/* The UK's postcode areas, the letters a postcode opens with ("LS", "SW",
 * "B"): bit c - 'A' of uk_areas_two[a - 'A'] for a two-letter area "ac", bit
 * a - 'A' of UK_AREAS_ONE for a one-letter one. */
#define BIT(c) (1u << ((c) - 'A'))
#define UK_AREAS_ONE                                                                               \
    (BIT('B') | BIT('E') | BIT('G') | BIT('L') | BIT('M') | BIT('N') | BIT('S') | BIT('W'))
static const uint32_t uk_areas_two[26] = {
    ['A' - 'A'] = BIT('B') | BIT('L'),
    ['B' - 'A'] = BIT('A') | BIT('B') | BIT('D') | BIT('H') | BIT('L') | BIT('N') | BIT('R') |
                  BIT('S') | BIT('T'),
    ['C' - 'A'] = BIT('A') | BIT('B') | BIT('F') | BIT('H') | BIT('M') | BIT('O') | BIT('R') |
                  BIT('T') | BIT('V') | BIT('W'),
    ['D' - 'A'] = BIT('A') | BIT('D') | BIT('E') | BIT('G') | BIT('H') | BIT('L') | BIT('N') |
                  BIT('T') | BIT('Y'),
    ['E' - 'A'] = BIT('C') | BIT('H') | BIT('N') | BIT('X'),
    ['F' - 'A'] = BIT('K') | BIT('Y'),
    ['G' - 'A'] = BIT('L') | BIT('U') | BIT('Y'),
    ['H' - 'A'] =
        BIT('A') | BIT('D') | BIT('G') | BIT('P') | BIT('R') | BIT('S') | BIT('U') | BIT('X'),
    ['I' - 'A'] = BIT('G') | BIT('M') | BIT('P') | BIT('V'),
    ['J' - 'A'] = BIT('E'),
    ['K' - 'A'] = BIT('A') | BIT('T') | BIT('W') | BIT('Y'),
    ['L' - 'A'] = BIT('A') | BIT('D') | BIT('E') | BIT('L') | BIT('N') | BIT('S') | BIT('U'),
    ['M' - 'A'] = BIT('E') | BIT('K') | BIT('L'),
    ['N' - 'A'] = BIT('E') | BIT('G') | BIT('N') | BIT('P') | BIT('R') | BIT('W'),
    ['O' - 'A'] = BIT('L') | BIT('X'),
    ['P' - 'A'] = BIT('A') | BIT('E') | BIT('H') | BIT('L') | BIT('O') | BIT('R'),
    ['R' - 'A'] = BIT('G') | BIT('H') | BIT('M'),
    ['S' - 'A'] = BIT('A') | BIT('E') | BIT('G') | BIT('K') | BIT('L') | BIT('M') | BIT('N') |
                  BIT('O') | BIT('P') | BIT('R') | BIT('S') | BIT('T') | BIT('W') | BIT('Y'),
    ['T' - 'A'] =
        BIT('A') | BIT('D') | BIT('F') | BIT('N') | BIT('Q') | BIT('R') | BIT('S') | BIT('W'),
    ['U' - 'A'] = BIT('B'),
    ['W' - 'A'] =
        BIT('A') | BIT('C') | BIT('D') | BIT('F') | BIT('N') | BIT('R') | BIT('S') | BIT('V'),
    ['Y' - 'A'] = BIT('O'),
    ['Z' - 'A'] = BIT('E')};
/* The letters of a postcode's inward code ("7PB": never C, I, K, M, O, V). */
#define UK_INWARD_LETTERS                                                                          \
    (0x3FFFFFFu & ~(BIT('C') | BIT('I') | BIT('K') | BIT('M') | BIT('O') | BIT('V')))

/* The letters of a Canadian postal code (not D, F, I, O, Q, U; W and Z never
 * first) and of an Irish Eircode (its routing key's first letter, and its
 * unique identifier's). */
#define CA_LETTERS (0x3FFFFFFu & ~(BIT('D') | BIT('F') | BIT('I') | BIT('O') | BIT('Q') | BIT('U')))
#define CA_FIRST   (CA_LETTERS & ~(BIT('W') | BIT('Z')))
#define EIRE_LETTERS                                                                               \
    (BIT('A') | BIT('C') | BIT('D') | BIT('E') | BIT('F') | BIT('H') | BIT('K') | BIT('N') |       \
     BIT('P') | BIT('R') | BIT('T') | BIT('V') | BIT('W') | BIT('X') | BIT('Y'))

/* s[k] is an upper-case letter of the set `letters` (bit c - 'A'). */
static bool upper_in(const unsigned char *s, size_t k, uint32_t letters)
{
    return is_upper(s[k]) && (letters & BIT(s[k])) != 0;
}

/* A whole Canadian postal code ("T2P 1J9") or Irish Eircode ("D04 X2F6": a
 * letter and two figures, then four figures and letters, each among them) in
 * capitals at s[i], one space inside and no letter or figure after it;
 * returns the end or 0. Each holds three figures or more (an Eircode's
 * identifier a figure and a letter): the analyser's digit hint sees it. */
static size_t bare_postcode_abroad(const unsigned char *s, size_t n, size_t i)
{
    if (i + 7 > n || s[i + 3] != ' ') {
        return 0;
    }
    if (upper_in(s, i, CA_FIRST) && is_digit(s[i + 1]) && upper_in(s, i + 2, CA_LETTERS) &&
        is_digit(s[i + 4]) && upper_in(s, i + 5, CA_LETTERS) && is_digit(s[i + 6]) &&
        (i + 7 == n || !is_alnum(s[i + 7]))) {
        return i + 7;
    }
    if (i + 8 > n || !upper_in(s, i, EIRE_LETTERS) || !is_digit(s[i + 1]) || !is_digit(s[i + 2]) ||
        (i + 8 < n && is_alnum(s[i + 8]))) {
        return 0;
    }
    bool letter = false, digit = false;
    for (size_t k = i + 4; k < i + 8; k++) {
        if (!is_digit(s[k]) && !upper_in(s, k, EIRE_LETTERS)) {
            return 0;
        }
        letter = letter || is_upper(s[k]);
        digit = digit || is_digit(s[k]);
    }
    return letter && digit ? i + 8 : 0;
}

/* A whole UK postcode in capitals at s[i] with nothing to name it ("deliver to
 * SE1 7PB", "near EH1 1YZ?"): a postcode area (uk_areas_two, UK_AREAS_ONE), a
 * district (a figure, maybe a figure or a letter: "SW1A", "M14"), one space,
 * an inward code (a figure and two of UK_INWARD_LETTERS) and no letter or
 * figure after it; "PS5 2TB" (no area) and "CO2 3RD" (an ordinal) are none.
 * Or a Canadian or Irish one (bare_postcode_abroad()). The analyser's digit
 * hint reads the inward code (analyzer.c, has_digits()). Returns the end or
 * 0. */
static size_t bare_postcode(const unsigned char *s, size_t n, size_t i)
{
    size_t other = bare_postcode_abroad(s, n, i);
    if (other > 0) {
        return other;
    }
    unsigned a = (unsigned)(s[i] - 'A');
    size_t k = i + 1;
    if (k < n && is_upper(s[k]) && (uk_areas_two[a] & BIT(s[k]))) {
        k++;
    } else if (!(UK_AREAS_ONE & (1u << a))) {
        return 0;
    }
    if (k >= n || !is_digit(s[k])) {
        return 0;
    }
    k++;
    if (k < n && (is_digit(s[k]) || is_upper(s[k]))) {
        k++;
    }
    if (k + 4 > n || s[k] != ' ' || !is_digit(s[k + 1]) || !is_upper(s[k + 2]) ||
        !is_upper(s[k + 3]) || !(UK_INWARD_LETTERS & BIT(s[k + 2])) ||
        !(UK_INWARD_LETTERS & BIT(s[k + 3])) || (k + 4 < n && is_alnum(s[k + 4]))) {
        return 0;
    }
    static const char ordinals[][3] = {"ST", "ND", "RD", "TH"};
    for (size_t o = 0; o < sizeof ordinals / sizeof ordinals[0]; o++) {
        if (s[k + 2] == ordinals[o][0] && s[k + 3] == ordinals[o][1]) {
            return 0; /* "CO2 3RD": an ordinal */
        }
    }
    return k + 4;
}
#undef BIT

/* After a street's type ending at s[e]: ", Town" (up to three words, a
 * province in capitals, "ON", and "Co." among them) and a postcode (a UK,
 * Canadian or US one in any case, an Eircode in capitals), whose end is then
 * the address's; else e. */
static size_t street_tail(const unsigned char *s, size_t n, size_t e)
{
    size_t j = e;
    for (int words = 0; words < 4 && j < n; words++) {
        if (s[j] == ',') {
            j++;
        }
        if (j + 1 >= n || s[j] != ' ' || !is_alnum(s[j + 1])) {
            return e;
        }
        j++;
        size_t p = postcode_at(s, n, j);
        if (p == 0 && is_upper(s[j])) {
            p = bare_postcode(s, n, j); /* an Eircode: "Galway H91 X5KE" */
        }
        if (p > 0) {
            return p;
        }
        size_t w = name_word_end(s, n, j);
        bool province = w - j == 2 && is_upper(s[j]) && is_upper(s[j + 1]); /* "ON", not "on" */
        if (w == j || (!province && WORD_IN_SORTED(s, j, w, address_stops))) {
            return e;
        }
        j = w < n && s[w] == '.' && w - j <= 3 ? w + 1 : w; /* "Co. Wicklow", "St. Albans" */
    }
    return e;
}

/* A street address at s[i] (its house number's first figure): 1-4 figures and
 * maybe a letter ("221b"), then one to three words of the street's name and
 * a street type (named_street_types, or any type when any_type), then maybe a
 * town and a postcode. In Title Case unless lower_ok ("12 Baker Street";
 * "12 baker street" after "at", "address is", ...). Returns the end or 0. */
static size_t street_at(const unsigned char *s, size_t n, size_t i, bool any_type, bool lower_ok)
{
    size_t j = i;
    while (j < n && is_digit(s[j]) && j - i < 5) {
        j++;
    }
    if (j - i > 4 || j == i) {
        return 0;
    }
    if (j < n && is_alpha(s[j]) && (j + 1 == n || s[j + 1] == ' ' || s[j + 1] == ',')) {
        j++; /* "221b" */
    }
    if (j < n && s[j] == ',') {
        j++; /* "12, Baker Street" */
    }
    for (int words = 0; words < 4; words++) {
        if (j + 1 >= n || s[j] != ' ' || !is_alpha(s[j + 1]) ||
            (!lower_ok && !is_upper(s[j + 1]))) {
            return 0;
        }
        size_t w = j + 1;
        size_t e = name_word_end(s, n, w);
        bool plain = e < n ? s[e] < 0x80 && !is_alnum(s[e]) : true;
        if (words > 0 && plain &&
            (WORD_IS(s, w, e, named_street_types) ||
             (any_type && WORD_IS(s, w, e, other_street_types)))) {
            return street_tail(s, n, e);
        }
        if (e == w || WORD_IN_SORTED(s, w, e, address_stops)) {
            return 0;
        }
        j = e;
        if (j < n && s[j] == '.') {
            j++; /* "St. John's" */
        }
    }
    return 0;
}

/* "Flat 3, " at s[i]: the index after it (where the house number starts), else i. */
static size_t after_unit(const unsigned char *s, size_t n, size_t i)
{
    size_t len = STARTS_WITH(s, n, i, unit_names);
    if (len == 0 || i + len + 1 >= n || s[i + len] != ' ' || !is_alnum(s[i + len + 1])) {
        return i;
    }
    size_t j = word_end(s, n, i + len + 1);
    if (j - (i + len + 1) > 4) {
        return i;
    }
    if (j < n && s[j] == ',') {
        j++;
    }
    return j + 1 < n && s[j] == ' ' && is_digit(s[j + 1]) ? j + 1 : i;
}

/* An address typed after "address" and a link: a street (any type, any case)
 * or, failing one, a house number and the words after it up to a stop word or
 * the sentence's end (at most 8 words). Returns the end or 0. */
static size_t address_value(const unsigned char *s, size_t n, size_t j)
{
    size_t start = j;
    j = after_unit(s, n, j);
    if (j >= n || !is_digit(s[j])) {
        return 0;
    }
    size_t e = street_at(s, n, j, true, true);
    if (e > 0) {
        return e;
    }
    e = word_end(s, n, j);
    if (e - j > 5) {
        return 0; /* a long number is another kind's */
    }
    size_t end = 0;
    bool named = false; /* a word of letters: a street's or a town's name, not a phone number */
    for (int words = 0; words < 8; words++) {
        size_t k = e;
        if (k < n && s[k] == ',') {
            k++;
        }
        if (k + 1 >= n || s[k] != ' ' || !is_alnum(s[k + 1])) {
            break;
        }
        size_t w = k + 1;
        size_t p = named ? postcode_at(s, n, w) : 0;
        if (p > 0) {
            return p;
        }
        size_t we = is_digit(s[w]) ? word_end(s, n, w) : name_word_end(s, n, w);
        if (we == w || WORD_IN_SORTED(s, w, we, address_stops) || we - start > ADDRESS_MAX) {
            break;
        }
        named = named || !is_digit(s[w]);
        e = end = we;
    }
    return named ? end : 0;
}

/* An address after its name at s[i] (name_start()): a postcode after
 * "postcode" and maybe a link, a street after "live at", "moved to", ..., an
 * address after "address" and a link. Returns the value's end and sets *from
 * to its start, else 0. */
static size_t match_address(const unsigned char *s, size_t n, size_t i, size_t *from)
{
    bool linked;
    size_t len = STARTS_WITH(s, n, i, postcode_names);
    if (len > 0) {
        size_t j = after_link(s, n, i + len, &linked);
        size_t e = j < n ? postcode_at(s, n, j) : 0;
        *from = j;
        return e;
    }
    len = STARTS_WITH(s, n, i, street_leads);
    if (len > 0) {
        size_t j = after_unit(s, n, skip_spaces(s, n, i + len));
        size_t e = j < n && is_digit(s[j]) ? street_at(s, n, j, true, true) : 0;
        *from = skip_spaces(s, n, i + len);
        return e;
    }
    len = STARTS_WITH(s, n, i, address_names);
    if (len > 0) {
        size_t j = after_link(s, n, i + len, &linked);
        size_t e = linked && j < n ? address_value(s, n, j) : 0;
        *from = j;
        return e;
    }
    return 0;
}

/* The word before s[i] (spaces back), as [*w, end): false when none. */
static bool word_before(const unsigned char *s, size_t i, size_t *w, size_t *end)
{
    size_t k = i;
    while (k > 0 && s[k - 1] == ' ') {
        k--;
    }
    *end = k;
    while (k > 0 && (is_alpha(s[k - 1]) || s[k - 1] == '\'')) {
        k--;
    }
    *w = k;
    return k < *end && (k == 0 || !is_alnum(s[k - 1]));
}

/* A person's name at s[j] after its name: maybe a title ("Mrs", "Dr."), then
 * one to three words; in Title Case (or capitals) each, or in lower case
 * none a common word ("my name is sarah jones and ..."); a first word that is
 * one (non_names) is no name. Returns the end or 0. */
static size_t person_value(const unsigned char *s, size_t n, size_t j)
{
    size_t t = STARTS_WITH(s, n, j, value_titles);
    if (t > 0) {
        size_t k = j + t;
        if (k < n && s[k] == '.') {
            k++;
        }
        if (k + 1 < n && s[k] == ' ') {
            j = k + 1;
        }
    }
    size_t end = 0;
    bool title_case = false;
    for (int words = 0; words < 3 && j < n; words++) {
        if ((!is_alpha(s[j]) && s[j] < 0x80) || (s[j] == 0xE2 && j + 1 < n && s[j + 1] == 0x80)) {
            break; /* no letter: a mark, a dash or a quote ("Jamie — you've been a star") */
        }
        size_t e = name_word_end(s, n, j);
        bool upper = is_upper(s[j]) || s[j] >= 0x80;
        if (words == 0) {
            title_case = upper;
        } else if (upper != title_case) {
            break;
        }
        if (WORD_IN_SORTED(s, j, e, non_names) ||
            (!title_case && e - j > 4 && s[e - 3] == 'i' && s[e - 2] == 'n' && s[e - 1] == 'g')) {
            break;
        }
        if (e - j == 1) { /* an initial: "J. Smith" */
            if (e + 2 >= n || s[e] != '.' || s[e + 1] != ' ') {
                break;
            }
            e++;
        }
        end = e;
        if (e + 1 >= n || s[e] != ' ') {
            break;
        }
        j = e + 1;
    }
    return end > 0 && s[end - 1] != '.' ? end : 0;
}

/* The word s[i, e) has a capital inside it, not after "Mc", "Mac", an
 * apostrophe or a hyphen: a brand's or a user's name ("BrightVolt",
 * "CloudLedger"), not a person's ("McDonald", "O'Brien", "Smith-Jones"). */
static bool camel_case(const unsigned char *s, size_t i, size_t e)
{
    for (size_t k = i + 1; k < e; k++) {
        if (is_upper(s[k]) && s[k - 1] != '\'' && s[k - 1] != '-' &&
            !(k - i == 2 && (s[i] | 0x20) == 'm' && s[i + 1] == 'c') &&
            !(k - i == 3 && (s[i] | 0x20) == 'm' && s[i + 1] == 'a' && s[i + 2] == 'c')) {
            return true;
        }
    }
    return false;
}

/* A name a greeting or an introduction names at s[j] (person_value()), its
 * first word in Title Case (a capital, then a lower-case letter: "Hi SKS",
 * "Dear MSM" name groups as often as people); none when a word of it or one
 * of the `reach` words after it (GREETED_REACH; one after "spoke to": "I
 * spoke to Sarah on Monday") is one greeted_non_names lists ("Hi Billing
 * Team", "Dear Acme support", "Dear Hotel Manager") or two words in Title
 * Case follow (a text in Title Case: "Hey Look At This"). Returns the end or
 * 0. */
#define GREETED_REACH 2
static size_t greeted_name(const unsigned char *s, size_t n, size_t j, int reach)
{
    if (j + 1 >= n || !is_upper(s[j]) || !is_lower(s[j + 1])) {
        return 0; /* "Priya"; "O'Brien" is two words to the analyser's tokens */
    }
    size_t end = person_value(s, n, j);
    for (size_t k = j; k < end;) {
        size_t e = name_word_end(s, n, k);
        if (WORD_IN_SORTED(s, k, e, greeted_non_names) || camel_case(s, k, e)) {
            return 0;
        }
        k = e;
        while (k < end && !is_alpha(s[k])) {
            k++;
        }
    }
    size_t k = end;
    for (int after = 0; after < reach && k > 0 && k + 1 < n && s[k] == ' ' && is_alpha(s[k + 1]);
         after++) {
        size_t e = name_word_end(s, n, k + 1);
        if (STARTS_WITH(s, e, k + 1, introduced_by) == e - k - 1) {
            break; /* "Sam from billing", "Jo here" */
        }
        if (WORD_IN_SORTED(s, k + 1, e, greeted_non_names) ||
            (after == 0 && is_upper(s[k + 1]) && e + 1 < n && s[e] == ' ' && is_upper(s[e + 1]))) {
            return 0;
        }
        k = e;
    }
    return end;
}

/* Past a mark after a greeting or an introduction (one of marks, or none)
 * and the spaces after it ("Hi, Sarah", "Dear Sarah"): where the next word
 * starts, or 0 when no space follows. */
static size_t after_greeting(const unsigned char *s, size_t n, size_t k, const char *marks)
{
    if (k < n && s[k] != 0 && strchr(marks, s[k]) != NULL) {
        k++;
    }
    return k < n && s[k] == ' ' ? skip_spaces(s, n, k) : 0;
}

/* The length of a dash at s[k]: '-', an en or an em dash (UTF-8); else 0. */
static size_t dash_at(const unsigned char *s, size_t n, size_t k)
{
    if (k < n && s[k] == '-') {
        return 1;
    }
    return k + 2 < n && s[k] == 0xE2 && s[k + 1] == 0x80 && (s[k + 2] == 0x93 || s[k + 2] == 0x94)
               ? 3
               : 0;
}

/* The rest of the text from s[end] (right after a name) is the writer's role
 * or team and nothing else: a comma, a dash or a bracket, then words in Title
 * Case or capitals (and "&", "and", "of", "the"), one of them a role_words,
 * then only marks and white space ("Regards, Meera, Customer Support
 * Executive", "Thanks, Emma (Support Team)", "Rosie - Online Orders Team"). */
static bool role_tail(const unsigned char *s, size_t n, size_t end)
{
    size_t k = skip_spaces(s, n, end);
    size_t d = dash_at(s, n, k);
    if (d > 0) {
        k += d;
    } else if (k < n && (s[k] == ',' || s[k] == '(' || s[k] == '|')) {
        k++;
    } else {
        return false;
    }
    bool role = false;
    int words = 0;
    for (;;) {
        while (k < n && (s[k] == ' ' || s[k] == ',' || s[k] == '&')) {
            k++;
        }
        if (k >= n || !is_alpha(s[k])) {
            break;
        }
        size_t e = k;
        while (e < n && is_alpha(s[e])) {
            e++;
        }
        if (!is_upper(s[k]) && !WORD_IS(s, k, e, role_joiners)) {
            return false;
        }
        role = role || WORD_IN_SORTED(s, k, e, role_words);
        k = e;
        if (++words > 6) {
            return false;
        }
    }
    while (k < n && (s[k] == ')' || s[k] == '.' || s[k] == '!' || s[k] == ' ' || s[k] == '\n' ||
                     s[k] == '\r' || s[k] == '\t')) {
        k++;
    }
    return role && k == n;
}

/* A name thanked after a comma that ends at s[end] ends its sentence ("Thanks,
 * Aoife.") or the writer's role follows it (role_tail(): "Thanks, Emma
 * (Support Team)") or a dash after a space ("Thanks, Jamie — you've been a
 * star"); else the word was a new sentence's ("Thanks, Sometimes it works"). */
static bool ends_thanked(const unsigned char *s, size_t n, size_t end)
{
    if (end >= n || (s[end] != 0 && strchr(".!?,;:\n\"", s[end]) != NULL)) {
        return true;
    }
    size_t k = skip_spaces(s, n, end);
    return (k > end && dash_at(s, n, k) > 0) || role_tail(s, n, end); /* "Jamie - you've" */
}

/* A person's name the text opens with: greeted ("Hi Priya,", "Dear Sarah
 * Jones", "Thanks Tom!", "Good morning Mrs Okafor"), introduced after a
 * greeting or none ("this is Sam from billing", "Hi there, it's Jo here",
 * "Hello, this is Ana."), or one word before "speaking" ("Tom speaking, how
 * can I help?"). Its span in [*from, end); returns the end or 0. The
 * analyser asks only when the text's first word is a greeting, "this", "it"
 * or "its", or its second "speaking" (analyzer.c, opening_hint()), one of
 * which every match here starts with. */
static size_t opening_name(const unsigned char *s, size_t n, size_t *from)
{
    size_t e = 0; /* the first word's ASCII letters */
    while (e < n && is_alpha(s[e])) {
        e++;
    }
    if (e < 2) {
        return 0;
    }
    /* "Tom speaking": one word of ASCII letters (the analyser's first token,
     * then "speaking" its second), no adverb ("Frankly speaking") */
    if (e + 9 <= n && s[e] == ' ' && STARTS_WITH(s, n, e + 1, speaking_word) > 0 &&
        (e + 9 == n || (s[e + 9] != 0 && strchr(",.!-\n", s[e + 9]) != NULL)) &&
        !((s[e - 2] | 0x20) == 'l' && (s[e - 1] | 0x20) == 'y') &&
        greeted_name(s, e, 0, GREETED_REACH) == e) {
        *from = 0;
        return e;
    }
    /* the first two letters of a greeting or an introduction: most texts
     * start with none */
    switch ((s[0] | 0x20) << 8 | (s[1] | 0x20)) {
    case 'a' << 8 | 'f': /* afternoon */
    case 'b' << 8 | 'y': /* bye */
    case 'c' << 8 | 'h': /* cheers */
    case 'd' << 8 | 'e': /* dear */
    case 'e' << 8 | 'v': /* evening */
    case 'g' << 8 | 'o': /* good ..., goodbye */
    case 'h' << 8 | 'e': /* hello, hey */
    case 'h' << 8 | 'i': /* hi, hiya */
    case 'm' << 8 | 'o': /* morning */
    case 't' << 8 | 'h': /* thank you, thanks, this is */
    case 'i' << 8 | 't': /* it is, it's, its */
        break;
    default:
        return 0;
    }
    size_t g = STARTS_WITH(s, n, 0, greetings);
    size_t k = 0;
    if (g > 0) {
        /* a name after a comma or none ("Hi Priya", "Hi, Priya"); after a
         * stop a new sentence ("Thanks! Sometimes ...", "Hey! How's it going") */
        k = after_greeting(s, n, g, ",:-");
        size_t end = k > 0 ? greeted_name(s, n, k, GREETED_REACH) : 0;
        if (end > 0 && s[g] == ',' && STARTS_WITH(s, n, 0, thanks_names) == g &&
            !ends_thanked(s, n, end)) {
            end = 0; /* "Thanks, Sometimes it works": a new sentence */
        }
        if (end > 0) {
            *from = k;
            return end;
        }
        k = after_greeting(s, n, g, ",.!:-");
        size_t all = k > 0 ? STARTS_WITH(s, n, k, greeted_all) : 0; /* "Hi there, this is" */
        if (all > 0) {
            k = after_greeting(s, n, k + all, ",.!:-");
        }
        if (k == 0) {
            return 0;
        }
    }
    size_t intro = STARTS_WITH(s, n, k, introductions);
    if (intro == 0 && k + 5 < n && (s[k] | 0x20) == 'i' && (s[k + 1] | 0x20) == 't' &&
        s[k + 2] == 0xE2 && s[k + 3] == 0x80 && s[k + 4] == 0x99 && (s[k + 5] | 0x20) == 's' &&
        (k + 6 == n || !is_alnum(s[k + 6]))) {
        intro = 6; /* "it’s", a typographic apostrophe */
    }
    if (intro == 0) {
        return 0;
    }
    size_t j = k + intro;
    if (j + 1 >= n || s[j] != ' ') {
        return 0;
    }
    j = skip_spaces(s, n, j);
    size_t end = greeted_name(s, n, j, GREETED_REACH);
    if (end == 0) {
        return 0;
    }
    /* after a greeting the name may end the sentence ("Hi, this is Sam.");
     * else what follows says it is one ("this is Sam from billing") */
    bool told = end + 1 < n && s[end] == ' ' && STARTS_WITH(s, n, end + 1, introduced_by) > 0;
    bool ends = end == n || (s[end] != 0 && strchr(",.!?-\n", s[end]) != NULL);
    if (!told && !(g > 0 && ends)) {
        return 0;
    }
    *from = j;
    return end;
}

/* s[i, e) is a word of ASCII letters in Title Case ("Sarah"). */
static bool title_word(const unsigned char *s, size_t i, size_t e)
{
    if (e < i + 2 || !is_upper(s[i])) {
        return false;
    }
    for (size_t k = i + 1; k < e; k++) {
        if (!is_lower(s[k])) {
            return false;
        }
    }
    return true;
}

/* A person's name the text ends with, addressed after a comma ("Thanks for
 * waiting, John.", "Anything else I can help with, Sarah Jones?"): a word in
 * lower case after white space (or the text's start) and a comma, spaces, one
 * or two words of ASCII letters in Title Case (greeted_name(), no adverb:
 * "..., Seriously."), then only marks . ! ? and white space. Its span in
 * [*from, end); returns the end or 0. The analyser asks when its last token
 * or two are in Title Case after one with a comma (analyzer.c,
 * closing_hint()): "Paris, France" (a word in Title Case before the comma)
 * is none. */
static size_t closing_name(const unsigned char *s, size_t n, size_t *from)
{
    size_t e = n;
    while (e > 0 && (s[e - 1] == '.' || s[e - 1] == '!' || s[e - 1] == '?' || s[e - 1] == ' ' ||
                     s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == '\t')) {
        e--;
    }
    size_t j = e; /* the last word, then maybe the one before it ("Sarah Jones") */
    while (j > 0 && is_alpha(s[j - 1])) {
        j--;
    }
    if (!title_word(s, j, e) || j < 3 || s[j - 1] != ' ') {
        return 0;
    }
    if (is_lower(s[j - 2])) {
        size_t k = j - 1;
        while (k > 0 && is_alpha(s[k - 1])) {
            k--;
        }
        if (!title_word(s, k, j - 1) || k < 3 || s[k - 1] != ' ') {
            return 0;
        }
        j = k;
    }
    size_t c = j; /* back over the spaces to the comma */
    while (c > 0 && s[c - 1] == ' ') {
        c--;
    }
    if (c < 2 || s[c - 1] != ',') {
        return 0;
    }
    size_t w = c - 1; /* the word before it: lower-case letters after white space */
    while (w > 0 && is_alpha(s[w - 1])) {
        w--;
    }
    if (w == c - 1 || !is_lower(s[w]) ||
        (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\n' && s[w - 1] != '\t')) {
        return 0;
    }
    if (greeted_name(s, e, j, GREETED_REACH) != e ||
        ((s[e - 2] | 0x20) == 'l' && (s[e - 1] | 0x20) == 'y')) {
        return 0;
    }
    *from = j;
    return e;
}

/* The writer's name after a closing whose word ends at s[j] ("Kind regards,
 * Joanna Wells"): a comma or a stop, white space, then a name in Title Case
 * or capitals (person_value()) and nothing but marks and white space after
 * it to the end of the text. Returns its end and sets *from, else 0; with
 * probe, non-zero when a capital follows the closing. */
static size_t signoff(const unsigned char *s, size_t n, size_t j, size_t *from, bool probe)
{
    if (j < n && (s[j] == ',' || s[j] == '.')) {
        j++;
    }
    size_t k = j;
    while (k < n && (s[k] == ' ' || s[k] == '\n' || s[k] == '\r' || s[k] == '\t')) {
        k++;
    }
    if (k == j || k >= n || !(is_upper(s[k]) || s[k] >= 0x80)) {
        return 0;
    }
    if (probe) {
        return k + 1;
    }
    size_t end = person_value(s, n, k);
    if (end > 0 && end + 5 < n && s[end] == ' ' && (s[end + 1] | 0x20) == 'a' &&
        (s[end + 2] | 0x20) == 'n' && (s[end + 3] | 0x20) == 'd' && s[end + 4] == ' ' &&
        is_upper(s[end + 5])) {
        size_t more = person_value(s, n, end + 5); /* "Sam and Eliza Morton" */
        end = more > 0 ? more : end;
    }
    if (end == 0 || !is_upper(s[k])) {
        return 0; /* a name in lower case after a closing is no name */
    }
    for (size_t m = end; m < n; m++) {
        if ((is_alnum(s[m]) || s[m] >= 0x80) && !role_tail(s, n, end)) {
            return 0; /* the closing is not the end of the text, nor the writer's role */
        }
    }
    *from = k;
    return end;
}

/* The families of the names the redactor reads in words (name_words). */
enum {
    NAME_SECRET = 1,
    NAME_DOT,
    NAME_STREET,
    NAME_ADDRESS,
    NAME_PERSON,
    /* the words a person's name may follow (person_after()) and the places
     * staff work at (staff_at()): nlp/lexicon/sensitive.txt's person_before
     * and staff_place words, the analyser's hints (person_hint(),
     * place_hint()), which nlp_pii_self_check() checks against the lexicon */
    NAME_KIN,    /* kin and others close: "my husband David", "her son Tom" */
    NAME_STAFF,  /* people at work: "your colleague Tom", "an agent called Mike" */
    NAME_ANYONE, /* anyone, only after "called" or "named": "a lady called Sarah" */
    NAME_PLACE   /* a name and "from", "at", ... may stand before: "Priya at the Leeds branch" */
};
static int name_family(const unsigned char *s, size_t i, size_t e);

/* The name after a person's word at s[i, e) (NAME_KIN, NAME_STAFF,
 * NAME_ANYONE), as a greeting's (greeted_name(), one word after it read):
 * right after it when `direct` ("my husband David"), or after "called" or
 * "named" when `called` ("an agent called Mike"). probe: only whether a word
 * in Title Case is there. Returns the end or 0, *from the name's start. */
static size_t person_after(const unsigned char *s, size_t n, size_t i, size_t e, bool direct,
                           bool called, size_t *from, bool probe)
{
    if (e + 2 >= n || s[e] != ' ') {
        return 0;
    }
    size_t j = e + 1;
    size_t c = called ? STARTS_WITH(s, n, j, called_words) : 0;
    if (c > 0 && j + c + 2 < n && s[j + c] == ' ') {
        j += c + 1;
    } else if (!direct) {
        return 0;
    }
    if (probe) {
        return j + 1 < n && is_upper(s[j]) ? j + 1 : 0;
    }
    size_t end = greeted_name(s, n, j, 1);
    *from = end > 0 ? j : i;
    return end;
}

/* A person's name at s[i] and the place they work at after it ("Priya at the
 * Leeds branch", "Chen Wei from our Singapore office", "Conor on the night
 * shift"): a name as a greeting's (greeted_name()), "from", "at", "in" or
 * "on", "the", "your" or "our" in lower case, up to two words and a word of
 * NAME_PLACE ("branch", "team"). A plural alone opening a sentence is no name ("Radiators in
 * the office are cold"), nor a contraction ("We're on the same team").
 * Returns the name's end or 0. */
static size_t staff_at(const unsigned char *s, size_t n, size_t i)
{
    size_t end = greeted_name(s, n, i, 0);
    if (end == 0 || end + 1 >= n || s[end] != ' ') {
        return 0;
    }
    for (size_t k = i + 1; k + 1 < end; k++) {
        if (s[k] == '\'' && is_lower(s[k + 1])) {
            return 0; /* "We're on the same team": a contraction ("O'Brien" is a name) */
        }
    }
    if (s[end - 1] == 's' && name_word_end(s, n, i) == end) {
        size_t b = i;
        while (b > 0 && s[b - 1] == ' ') {
            b--;
        }
        if (b == 0 || strchr(".!?\n", s[b - 1]) != NULL) {
            return 0; /* "Radiators in the office ..." */
        }
    }
    size_t k = skip_spaces(s, n, end);
    size_t p = STARTS_WITH(s, n, k, staff_preps);
    if (p == 0 || k + p >= n || s[k + p] != ' ') {
        return 0;
    }
    k = skip_spaces(s, n, k + p);
    size_t d = is_lower(s[k]) ? STARTS_WITH(s, n, k, staff_determiners) : 0;
    if (d == 0 || k + d >= n || s[k + d] != ' ') { /* "at The Office": a title */
        return 0;
    }
    k = skip_spaces(s, n, k + d);
    for (int words = 0; words < 3 && k < n && is_alpha(s[k]); words++) {
        size_t e = k;
        while (e < n && (is_alpha(s[e]) || s[e] == '-')) {
            e++;
        }
        if (name_family(s, k, e) == NAME_PLACE) {
            return end;
        }
        if (e >= n || s[e] != ' ') {
            return 0;
        }
        k = skip_spaces(s, n, e);
    }
    return 0;
}

/* The start of the name staff_at() finds before the word of NAME_PLACE at
 * s[k] (its preposition two to four words back, then one to three words of
 * the name, the most it reads), or n when none. */
static size_t staff_name_before(const unsigned char *s, size_t n, size_t k)
{
    size_t p = k;
    for (int back = 0; back < 4; back++) {
        size_t e = p;
        while (e > 0 && s[e - 1] == ' ') {
            e--;
        }
        size_t b = e;
        while (b > 0 && (is_alpha(s[b - 1]) || s[b - 1] == '-')) {
            b--;
        }
        if (e == p || b == e) {
            return n;
        }
        if (back >= 1 && WORD_IS(s, b, e, staff_preps)) {
            size_t starts[3];
            int n_starts = 0;
            size_t q = b;
            while (n_starts < 3 && q > 0 && s[q - 1] == ' ') {
                while (q > 0 && s[q - 1] == ' ') {
                    q--;
                }
                while (q > 0 && (is_alpha(s[q - 1]) || s[q - 1] >= 0x80 || s[q - 1] == '\'' ||
                                 s[q - 1] == '-' || s[q - 1] == '.')) {
                    q--;
                }
                starts[n_starts++] = q;
            }
            for (int m = n_starts - 1; m >= 0; m--) { /* the farthest first */
                if (staff_at(s, n, starts[m]) > 0) {
                    return starts[m];
                }
            }
            return n;
        }
        p = b;
    }
    return n;
}

static bool word_start_at(const unsigned char *s, size_t i);
static bool in_handle(const unsigned char *s, size_t i);

#define GIVEN_MAX 16 /* the longest given name (gen_lexicon.py checks given_names.txt) */

/* The ASCII word s[i, e) in lower case is a word of the lexicon. */
static bool lexicon_word(const unsigned char *s, size_t i, size_t e)
{
    char low[NLP_LEX_WORD_MAX + 8]; /* zero padded: the look-up reads 8 bytes at a time */
    if (e - i > NLP_LEX_WORD_MAX) {
        return false;
    }
    memset(low, 0, 16);
    for (size_t k = i; k < e; k++) {
        if (!is_alpha(s[k])) {
            return false;
        }
        low[k - i] = (char)(s[k] | 0x20);
    }
    memset(low + (e - i), 0, 8);
    int32_t slot = nlp_lex_find_padded(&nlp_lexicon_builtin, low, e - i);
    return slot >= 0 && nlp_lexicon_builtin.slots[slot].word_id >= 0;
}

/* The word at s[i] (a letter) as the analyser's tokeniser reads it, if it
 * may be a given name: after the first, letters in lower case, those
 * outside ASCII folded as the tokeniser folds them (decomposed, case folded,
 * marks stripped: "Sinéad" is "sinead", "Zoë" "zoe"), marks and joiners
 * skipped. Writes the word in lower-case ASCII to key (GIVEN_MAX bytes at
 * most, zero padded to GIVEN_MAX + 8) and returns its end, or 0 when it is
 * no such word (a capital after the first letter, a letter that folds to
 * something else than a-z, more than GIVEN_MAX letters). */
static size_t given_word(const unsigned char *s, size_t n, size_t i, char *key, size_t *len)
{
    size_t e = i + 1, k = 1;
    memset(key, 0, GIVEN_MAX + 8);
    key[0] = (char)(s[i] | 0x20);
    while (e < n) {
        if (is_lower(s[e])) {
            if (k >= GIVEN_MAX) {
                return 0;
            }
            key[k++] = (char)s[e++];
            continue;
        }
        if (s[e] < 0x80) {
            break;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t ul = utf8proc_iterate(s + e, (utf8proc_ssize_t)(n - e), &cp);
        if (ul <= 0) {
            break; /* an invalid byte separates words */
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        if (nlp_cp_skipped(cp, cat)) {
            e += (size_t)ul;
            continue;
        }
        if (!nlp_cp_letter(cat)) {
            break; /* a mark, a quote, a dash, an emoji: the word ends */
        }
        if (cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT) {
            return 0;
        }
        utf8proc_int32_t folded[8];
        utf8proc_ssize_t nd = nlp_cp_fold(cp, folded); /* as the tokeniser folds it */
        if (nd <= 0 || nd > 8) {
            return 0;
        }
        for (utf8proc_ssize_t d = 0; d < nd; d++) {
            if (folded[d] < 'a' || folded[d] > 'z' || k >= GIVEN_MAX) {
                return 0;
            }
            key[k++] = (char)folded[d];
        }
        e += (size_t)ul;
    }
    *len = k;
    return e;
}

/* The run of bytes around the word s[i, e) up to white space is a link or an
 * e-mail address, whose words the analyser's tokeniser does not read alone:
 * an '@', "//" or ":/" back to white space (name_start() reads those), or
 * after it an '@', a '/' or a '.' before a letter or figure ("sarah.jones@",
 * "www.priya.com"). At most 256 bytes each way; a refusal only costs a
 * match. */
static bool in_address_run(const unsigned char *s, size_t n, size_t i, size_t e)
{
    if (!name_start(s, i)) {
        return true;
    }
    for (size_t k = e; k < n && k - e < 256; k++) {
        unsigned char c = s[k];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        if (c == '@' || c == '/' || (c == '.' && k + 1 < n && is_alnum(s[k + 1]))) {
            return true;
        }
    }
    return n - e >= 256;
}

/* A given name of nlp/lexicon/given_names.txt at s[i], a word of its own as
 * the analyser's tokeniser reads it (given_word(): after no letter or
 * figure, outside a link, a mention, a hashtag or an e-mail address, before
 * no figure and not joined by "n't"; an apostrophe, a quote, a dash or an
 * emoji ends it: "Sarah's"), the first letter in ASCII: in Title Case
 * ("Priya was really helpful", "Sinéad") or in lower case when `lower_ok`
 * ("dave said to message on here": the redactor reads names in lower case
 * only in a text in lower case, whose words of two letters or more hold no
 * capital, word_names.lower_text), never in capitals ("SAM" is as often an
 * acronym). The list holds no common English word, place or brand
 * (nlp/lexicon/README.md). Returns the end of the name's word or 0. */
static size_t given_name_at(const unsigned char *s, size_t n, size_t i, bool lower_ok)
{
    if (!is_alpha(s[i]) || (!is_upper(s[i]) && !lower_ok)) {
        return 0;
    }
    char key[GIVEN_MAX + 8];
    size_t len = 0;
    size_t e = given_word(s, n, i, key, &len);
    if (e == 0 || len < 3 || (e < n && is_alnum(s[e])) ||
        !((nlp_lexicon_builtin.given_lens[(key[0] - 'a') * 26 + (key[1] - 'a')] >> len) & 1u)) {
        return 0; /* no given name of its length starts with its letters: most words */
    }
    int32_t slot = nlp_lex_find_padded(&nlp_lexicon_builtin, key, len);
    const nlp_lex_slot *sl = slot >= 0 ? &nlp_lexicon_builtin.slots[slot] : NULL;
    if (sl == NULL || (sl->word_id >= 0 && sl->entry != NLP_LEX_GIVEN_WORD) ||
        !(sl->word_tags2 & NLP_WORD2_SECRET) ||
        (sl->entry == NLP_LEX_GIVEN_TITLE && !is_upper(s[i]))) {
        return 0;
    }
    size_t quote = e < n && s[e] == '\''                                                     ? 1
                   : e + 2 < n && s[e] == 0xE2 && s[e + 1] == 0x80 && (s[e + 2] | 1) == 0x99 ? 3
                                                                                             : 0;
    if (quote > 0 && key[len - 1] == 'n' && e + quote < n && (s[e + quote] | 0x20) == 't') {
        return 0; /* "n't" joins the word: "shan't" is "shant" to the tokeniser */
    }
    return word_start_at(s, i) && !in_handle(s, i) && !in_address_run(s, n, i, e) ? e : 0;
}

/* The name a given name at s[i, e) starts (given_name_at()): in Title Case
 * with up to two more words in Title Case that are no words of the lexicon
 * ("Jenny Ashcroft", "Fatima Al-Sayed"; not "Priya Thanks"); in lower case
 * the given name and a given name after it ("graham ellis"; "priya nair":
 * "nair" may be any word). None when the name is a place's or a brand's
 * (given_places, given_place_leads, given_brands: "Patrick Street", "St
 * Patrick's Day", "Ted Baker"). */
static size_t given_name_span(const unsigned char *s, size_t n, size_t i, size_t e)
{
    size_t w, w_end, k = i;
    while (k > 0 && s[k - 1] == ' ') {
        k--;
    }
    k -= k > 0 && s[k - 1] == '.'; /* "St. John's" */
    if (word_before(s, k, &w, &w_end) && WORD_IN_SORTED(s, w, w_end, given_place_leads)) {
        return 0; /* "St Patrick's Day" */
    }
    if (word_before(s, i, &w, &w_end) && w_end + 1 == i &&
        WORD_IN_SORTED(s, w, name_word_end(s, n, i), given_brands)) {
        return 0; /* "Daniel's" of "Jack Daniel's" */
    }
    if (e + 1 < n && s[e] == ' ' && is_alpha(s[e + 1])) {
        size_t next = e + 1, next_end = name_word_end(s, n, next);
        if ((WORD_IN_SORTED(s, next, next_end, given_places) &&
             (is_upper(s[next]) || !is_upper(s[i]) || WORD_IS(s, next, next_end, line_word))) ||
            WORD_IN_SORTED(s, i, next_end, given_brands)) {
            return 0; /* "Patrick Street", "Elizabeth line", "Ted Baker" */
        }
    }
    if (!is_upper(s[i])) {
        size_t next = e + 1;
        size_t g = e + 1 < n && s[e] == ' ' ? given_name_at(s, n, next, true) : 0;
        return g > 0 && !is_upper(s[next]) ? g : e;
    }
    size_t end = e;
    for (int words = 1; words < 3; words++) {
        if (end + 2 >= n || s[end] != ' ' || !is_upper(s[end + 1]) || !is_lower(s[end + 2])) {
            break;
        }
        size_t we = name_word_end(s, n, end + 1);
        if (lexicon_word(s, end + 1, we) || s[we - 1] == '\'') {
            break;
        }
        end = we;
    }
    return end;
}

/* A person's name after its name at s[i] (name_start()): "my name is ...",
 * "first name: ...", "name's ...", "the name on the card is ...", "in the
 * name of ...", "surname ...", a title and a name ("Mrs Okafor"), or a
 * person's word and a name (person_after(): "my husband David"). Returns
 * the end and sets *from to the value's start, else 0. With probe, only
 * whether one may be there: non-zero when the name and its link are, and a
 * letter after them (find_names()). */
static size_t match_person(const unsigned char *s, size_t n, size_t i, size_t *from, bool probe)
{
    size_t len = STARTS_WITH(s, n, i, signoff_names);
    if (len > 0) {
        return signoff(s, n, i + len, from, probe);
    }
    if (is_upper(s[i]) && !probe) {
        size_t end = staff_at(s, n, i); /* visited from its place's word (note_name()) */
        if (end > 0) {
            *from = i;
            return end;
        }
    }
    if (is_lower(s[i])) {
        size_t e = i + 1;
        while (e < n && is_lower(s[e])) {
            e++;
        }
        int family = name_family(s, i, e);
        if (family >= NAME_KIN && family <= NAME_ANYONE) {
            return person_after(s, n, i, e, family != NAME_ANYONE, family != NAME_KIN, from, probe);
        }
    }
    len = STARTS_WITH(s, n, i, spoken_to);
    if (len > 0) {
        /* "I spoke to Sarah on Monday": the name as a greeting's, the word
         * after it read */
        size_t j = i + len;
        if (j + 2 >= n || s[j] != ' ') {
            return 0;
        }
        j = skip_spaces(s, n, j);
        if (probe) {
            return j + 1 < n && is_upper(s[j]) ? j + 1 : 0;
        }
        size_t end = greeted_name(s, n, j, 1);
        *from = end > 0 ? j : i;
        return end;
    }
    len = STARTS_WITH(s, n, i, thanks_names);
    if (len > 0) {
        /* "thanks Sarah", "thank you, Tom": the name as a greeting's
         * (greeted_name()), a comma or none between; after a comma it ends
         * the sentence ("Thanks, Sometimes it works" starts one) */
        bool comma = i + len < n && s[i + len] == ',';
        size_t j = i + len + comma;
        if (j + 2 >= n || s[j] != ' ') {
            return 0;
        }
        j = skip_spaces(s, n, j);
        if (probe) {
            return j + 1 < n && is_upper(s[j]) ? j + 1 : 0;
        }
        size_t end = greeted_name(s, n, j, GREETED_REACH);
        if (comma && end > 0 && !ends_thanked(s, n, end)) {
            end = 0;
        }
        *from = end > 0 ? j : i;
        return end;
    }
    len = STARTS_WITH(s, n, i, title_names);
    if (len > 0) {
        if (len == 2 && is_upper(s[i]) && is_upper(s[i + 1]) && (s[i + 1] | 0x20) == 's') {
            return 0; /* "MS": Microsoft */
        }
        size_t k = i + len;
        if (k < n && s[k] == '.') {
            k++;
        }
        if (k + 1 >= n || s[k] != ' ' || !is_upper(s[k + 1])) {
            return 0;
        }
        if (probe) {
            return k + 2;
        }
        size_t e = name_word_end(s, n, k + 1);
        if (WORD_IS(s, k + 1, e, title_products) || WORD_IN_SORTED(s, k + 1, e, non_names)) {
            return 0;
        }
        *from = i;
        return person_value(s, n, k + 1);
    }
    len = STARTS_WITH(s, n, i, person_names);
    if (len == 0) {
        return 0;
    }
    bool owned = (s[i] | 0x20) != 'n'; /* "surname", "forename" need no owner */
    bool held = false;                 /* "in the name of", "under the name" */
    size_t w, w_end;
    if (!owned) {
        if (!word_before(s, i, &w, &w_end)) {
            owned = w_end == 0 || (s[w_end - 1] != 0 && strchr(".!?:\n", s[w_end - 1]) != NULL);
        } else if (WORD_IS(s, w, w_end, the_word)) {
            size_t w2, w2_end;
            held = word_before(s, w, &w2, &w2_end) &&
                   STARTS_WITH(s, w_end, w2, name_holders) == w_end - w2;
        } else {
            owned = WORD_IS(s, w, w_end, name_owners) ||
                    (w_end - w > 2 && s[w_end - 2] == '\'' && (s[w_end - 1] | 0x20) == 's');
        }
    }
    size_t j = i + len;
    bool linked = false;
    if (held) {
        j = skip_spaces(s, n, j);
        size_t of = STARTS_WITH(s, n, j, of_word);
        j = skip_spaces(s, n, j + of);
        linked = true;
    } else if (owned && j + 2 < n && s[j] == '\'' && (s[j + 1] | 0x20) == 's' && s[j + 2] == ' ') {
        linked = true; /* "my name's Sarah" */
        j += 3;
    } else if (owned && j + 4 < n && s[j] == 0xE2 && s[j + 1] == 0x80 && s[j + 2] == 0x99 &&
               (s[j + 3] | 0x20) == 's' && s[j + 4] == ' ') {
        linked = true; /* the same with a typographic apostrophe */
        j += 5;
    } else if (owned) {
        size_t on = j + 1 < n && s[j] == ' ' ? STARTS_WITH(s, n, j + 1, name_on) : 0;
        j = after_link(s, n, on > 0 ? j + 1 + on : j, &linked);
        linked = linked || on > 0;
    }
    if (!linked || j >= n) {
        return 0;
    }
    if (probe) {
        return is_alpha(s[j]) || s[j] >= 0x80 ? j + 1 : 0;
    }
    if (held && (!is_upper(s[j]) || WORD_IS(s, j, name_word_end(s, n, j), held_causes))) {
        return 0; /* "in the name of profit", "... of God": a person's is in Title Case */
    }
    *from = j;
    return person_value(s, n, j);
}

/* A 3-4 digit number at s[i] with a security-code word before it in the same
 * sentence (within CVV_WINDOW bytes) or right after it ("123 is the cvv"), or
 * near_card: a card number just before it (near_card()). */
static size_t match_cvv(const unsigned char *s, size_t n, size_t i, bool near_card)
{
    size_t j = i;
    while (j < n && is_digit(s[j]) && j - i < 5) {
        j++;
    }
    size_t len = j - i;
    if (len < 3 || len > 4 || (j < n && (is_alnum(s[j]) || s[j] == '/'))) {
        return 0;
    }
    if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
        return 0; /* 129.99, 1,500 */
    }
    if (i > 0 && s[i - 1] != 0 && strchr("/$\xA3-", s[i - 1]) != NULL) {
        return 0; /* a date such as 12/2027, money, a range */
    }
    if (near_card || window_has_cvv_word(s, sentence_from(s, i, CVV_WINDOW), i)) {
        return j;
    }
    size_t to = j + CVV_AFTER < n ? j + CVV_AFTER : n;
    for (size_t k = j; k < to; k++) {
        if (s[k] == '.' || s[k] == '!' || s[k] == '?' || s[k] == '\n') {
            to = k;
            break;
        }
    }
    return len == 3 && window_has_cvv_word(s, j, to) ? j : 0;
}

/* The first words of the names the redactor reads in words, by their first
 * letter: secret_names, spoken_dot, named_street_types, postcode_names,
 * street_leads and address_names, person_names, title_names, signoff_names
 * (the words the analyser's hint is, nlp/lexicon/sensitive.txt),
 * thanks_names (its thanks_hint(), nlp/lexicon/sarcasm.txt), spoken_to
 * (its contact_hint(), nlp/lexicon/escalation.txt), and the words for a
 * person and the places staff work at, whose own families here are their
 * list (NAME_KIN ... NAME_PLACE: sensitive.txt's person_before and
 * staff_place); nlp_pii_self_check() checks them against those lists and
 * the lexicon's tags. */
static const struct name_word {
    const char *text;
    uint8_t len, family;
} name_words[] = {{"address", 7, NAME_ADDRESS},
                  {"adviser", 7, NAME_STAFF},
                  {"advisor", 7, NAME_STAFF},
                  {"agent", 5, NAME_STAFF},
                  {"aunt", 4, NAME_KIN},
                  {"auntie", 6, NAME_KIN},
                  {"aunty", 5, NAME_KIN},
                  {"ave", 3, NAME_STREET},
                  {"avenue", 6, NAME_STREET},
                  {"bloke", 5, NAME_ANYONE},
                  {"blvd", 4, NAME_STREET},
                  {"boss", 4, NAME_STAFF},
                  {"boulevard", 9, NAME_STREET},
                  {"boyfriend", 9, NAME_KIN},
                  {"branch", 6, NAME_PLACE},
                  {"brother", 7, NAME_KIN},
                  {"carer", 5, NAME_STAFF},
                  {"chap", 4, NAME_ANYONE},
                  {"chatted", 7, NAME_PERSON},
                  {"cheers", 6, NAME_PERSON},
                  {"colleague", 9, NAME_STAFF},
                  {"counter", 7, NAME_PLACE},
                  {"cousin", 6, NAME_KIN},
                  {"crescent", 8, NAME_STREET},
                  {"dad", 3, NAME_KIN},
                  {"daughter", 8, NAME_KIN},
                  {"deliver", 7, NAME_ADDRESS},
                  {"delivered", 9, NAME_ADDRESS},
                  {"department", 10, NAME_PLACE},
                  {"depot", 5, NAME_PLACE},
                  {"desk", 4, NAME_PLACE},
                  {"dot", 3, NAME_DOT},
                  {"driver", 6, NAME_STAFF},
                  {"eircode", 7, NAME_ADDRESS},
                  {"engineer", 8, NAME_STAFF},
                  {"faithfully", 10, NAME_PERSON},
                  {"father", 6, NAME_KIN},
                  {"fella", 5, NAME_ANYONE},
                  {"fiance", 6, NAME_KIN},
                  {"fiancee", 7, NAME_KIN},
                  {"forename", 8, NAME_PERSON},
                  {"friend", 6, NAME_KIN},
                  {"gardens", 7, NAME_STREET},
                  {"gentleman", 9, NAME_ANYONE},
                  {"girl", 4, NAME_ANYONE},
                  {"girlfriend", 10, NAME_KIN},
                  {"gran", 4, NAME_KIN},
                  {"grandad", 7, NAME_KIN},
                  {"granddad", 8, NAME_KIN},
                  {"granddaughter", 13, NAME_KIN},
                  {"grandfather", 11, NAME_KIN},
                  {"grandma", 7, NAME_KIN},
                  {"grandmother", 11, NAME_KIN},
                  {"grandpa", 7, NAME_KIN},
                  {"grandson", 8, NAME_KIN},
                  {"granny", 6, NAME_KIN},
                  {"grove", 5, NAME_STREET},
                  {"guy", 3, NAME_ANYONE},
                  {"husband", 7, NAME_KIN},
                  {"lad", 3, NAME_ANYONE},
                  {"lady", 4, NAME_ANYONE},
                  {"landlord", 8, NAME_STAFF},
                  {"lane", 4, NAME_STREET},
                  {"live", 4, NAME_ADDRESS},
                  {"lives", 5, NAME_ADDRESS},
                  {"living", 6, NAME_ADDRESS},
                  {"ln", 2, NAME_STREET},
                  {"maiden", 6, NAME_SECRET},
                  {"mam", 3, NAME_KIN},
                  {"man", 3, NAME_ANYONE},
                  {"manager", 7, NAME_STAFF},
                  {"memorable", 9, NAME_SECRET},
                  {"mews", 4, NAME_STREET},
                  {"mom", 3, NAME_KIN},
                  {"mother", 6, NAME_KIN},
                  {"moved", 5, NAME_ADDRESS},
                  {"moving", 6, NAME_ADDRESS},
                  {"mr", 2, NAME_PERSON},
                  {"mrs", 3, NAME_PERSON},
                  {"ms", 2, NAME_PERSON},
                  {"mum", 3, NAME_KIN},
                  {"mx", 2, NAME_PERSON},
                  {"name", 4, NAME_PERSON},
                  {"nan", 3, NAME_KIN},
                  {"nana", 4, NAME_KIN},
                  {"nanna", 5, NAME_KIN},
                  {"neighbour", 9, NAME_STAFF},
                  {"nephew", 6, NAME_KIN},
                  {"niece", 5, NAME_KIN},
                  {"office", 6, NAME_PLACE},
                  {"parade", 6, NAME_STREET},
                  {"partner", 7, NAME_KIN},
                  {"passcode", 8, NAME_SECRET},
                  {"passphrase", 10, NAME_SECRET},
                  {"passwd", 6, NAME_SECRET},
                  {"password", 8, NAME_SECRET},
                  {"person", 6, NAME_ANYONE},
                  {"postal", 6, NAME_ADDRESS},
                  {"postcode", 8, NAME_ADDRESS},
                  {"rd", 2, NAME_STREET},
                  {"regards", 7, NAME_PERSON},
                  {"rep", 3, NAME_STAFF},
                  {"representative", 14, NAME_STAFF},
                  {"road", 4, NAME_STREET},
                  {"shift", 5, NAME_PLACE},
                  {"ship", 4, NAME_ADDRESS},
                  {"shipped", 7, NAME_ADDRESS},
                  {"shop", 4, NAME_PLACE},
                  {"sincerely", 9, NAME_PERSON},
                  {"sister", 6, NAME_KIN},
                  {"somebody", 8, NAME_ANYONE},
                  {"someone", 7, NAME_ANYONE},
                  {"son", 3, NAME_KIN},
                  {"spoke", 5, NAME_PERSON},
                  {"spoken", 6, NAME_PERSON},
                  {"spouse", 6, NAME_KIN},
                  {"st", 2, NAME_STREET},
                  {"stepdad", 7, NAME_KIN},
                  {"stepfather", 10, NAME_KIN},
                  {"stepmom", 7, NAME_KIN},
                  {"stepmother", 10, NAME_KIN},
                  {"stepmum", 7, NAME_KIN},
                  {"store", 5, NAME_PLACE},
                  {"street", 6, NAME_STREET},
                  {"supervisor", 10, NAME_STAFF},
                  {"surname", 7, NAME_PERSON},
                  {"talked", 6, NAME_PERSON},
                  {"team", 4, NAME_PLACE},
                  {"technician", 10, NAME_STAFF},
                  {"terrace", 7, NAME_STREET},
                  {"thank", 5, NAME_PERSON},
                  {"thanks", 6, NAME_PERSON},
                  {"transferred", 11, NAME_PERSON},
                  {"uncle", 5, NAME_KIN},
                  {"wife", 4, NAME_KIN},
                  {"wishes", 6, NAME_PERSON},
                  {"woman", 5, NAME_ANYONE},
                  {"zip", 3, NAME_ADDRESS},
                  {"zipcode", 7, NAME_ADDRESS}};
/* name_words[name_words_from[c - 'a'], name_words_from[c - 'a' + 1]) start with c */
static const uint8_t name_words_from[27] = {0,   9,   16,  24,  33,  35,  42,  58,  59,
                                            59,  59,  59,  67,  82,  89,  90,  99,  99,
                                            104, 126, 133, 134, 134, 137, 137, 137, 139};
/* Bit L of name_lens[(a - 'a') * 26 + b - 'a']: a name of name_words of L
 * letters starts with a, b ("for" is no "forename", "me" no "memorable"). */
static const uint32_t name_lens[26 * 26] = {[3] = 0x80 /* ad */,     [6] = 0x20 /* ag */,
                                            [20] = 0x70 /* au */,    [21] = 0x48 /* av */,
                                            [37] = 0x30 /* bl */,    [40] = 0x210 /* bo */,
                                            [43] = 0xc0 /* br */,    [52] = 0x20 /* ca */,
                                            [59] = 0xd0 /* ch */,    [66] = 0x2c0 /* co */,
                                            [69] = 0x100 /* cr */,   [78] = 0x108 /* da */,
                                            [82] = 0x6b0 /* de */,   [92] = 0x8 /* do */,
                                            [95] = 0x40 /* dr */,    [112] = 0x80 /* ei */,
                                            [117] = 0x100 /* en */,  [130] = 0x440 /* fa */,
                                            [134] = 0x20 /* fe */,   [138] = 0xc0 /* fi */,
                                            [144] = 0x100 /* fo */,  [147] = 0x40 /* fr */,
                                            [156] = 0x80 /* ga */,   [160] = 0x200 /* ge */,
                                            [164] = 0x410 /* gi */,  [173] = 0x29f0 /* gr */,
                                            [176] = 0x8 /* gu */,    [202] = 0x80 /* hu */,
                                            [286] = 0x118 /* la */,  [294] = 0x70 /* li */,
                                            [299] = 0x4 /* ln */,    [312] = 0xc8 /* ma */,
                                            [316] = 0x210 /* me */,  [326] = 0x68 /* mo */,
                                            [329] = 0xc /* mr */,    [330] = 0x4 /* ms */,
                                            [332] = 0x8 /* mu */,    [335] = 0x4 /* mx */,
                                            [338] = 0x38 /* na */,   [342] = 0x240 /* ne */,
                                            [346] = 0x20 /* ni */,   [369] = 0x40 /* of */,
                                            [390] = 0x5c0 /* pa */,  [394] = 0x40 /* pe */,
                                            [404] = 0x140 /* po */,  [445] = 0x4 /* rd */,
                                            [446] = 0x4088 /* re */, [456] = 0x10 /* ro */,
                                            [475] = 0xb0 /* sh */,   [476] = 0x240 /* si */,
                                            [482] = 0x188 /* so */,  [483] = 0x60 /* sp */,
                                            [487] = 0x4e4 /* st */,  [488] = 0x480 /* su */,
                                            [494] = 0x40 /* ta */,   [498] = 0x490 /* te */,
                                            [501] = 0x60 /* th */,   [511] = 0x800 /* tr */,
                                            [533] = 0x20 /* un */,   [580] = 0x50 /* wi */,
                                            [586] = 0x20 /* wo */,   [658] = 0x88 /* zi */};

/* The family of the word s[i, e) of lower- or upper-case letters (NAME_*), else 0. */
static int name_family(const unsigned char *s, size_t i, size_t e)
{
    unsigned c = (unsigned)((s[i] | 0x20) - 'a');
    for (unsigned k = name_words_from[c]; k < name_words_from[c + 1]; k++) {
        const struct name_word *w = &name_words[k];
        if (w->len != e - i) {
            continue;
        }
        size_t m = 1;
        while (m < w->len && i + m < e &&
               (unsigned char)(s[i + m] | 0x20) == (unsigned char)w->text[m]) {
            m++;
        }
        if (m == w->len && i + m == e) {
            return w->family;
        }
    }
    return 0;
}

#define NAMED_MAX 16 /* words that name an address or a person, read at their place */
enum {
    NAMED_PERSON,  /* a word that names a person ("name", "Mrs", "husband") or a name by a place */
    NAMED_ADDRESS, /* a word that names an address, whose value holds a figure */
    NAMED_GIVEN    /* a given name (given_name_at()) */
};

/* The names in words a text holds, found once before the scan (only when the
 * caller's hint says one may be there): a secret's, "dot", a street type, and
 * where an address or a person's name after its name starts (the scan
 * visits those words only; with more than NAMED_MAX, every word). */
typedef struct word_names {
    bool secret, dot, street, every_word;
    bool digit; /* the text holds a figure (a street needs a house number) */
    /* no word of two letters or more holds a capital ("i spoke to dave"):
     * given names in lower case are read too (given_name_at()) */
    bool lower_text;
    unsigned n_given; /* given names found */
    int n_at;
    size_t at[NAMED_MAX];
    uint8_t kind[NAMED_MAX]; /* at[k]: NAMED_PERSON, NAMED_ADDRESS or NAMED_GIVEN */
    size_t last_digit;       /* where the text's last figure is */
} word_names;

/* A word starts at s[i] as the analyser's tokeniser reads words (not after a
 * letter or digit, an '@', or a letter outside ASCII: "שpasswd" is one word). */
static bool word_start_at(const unsigned char *s, size_t i)
{
    unsigned char prev = i > 0 ? s[i - 1] : ' ';
    return !is_alnum(prev) && prev != '@' && (prev < 0x80 || !after_letter(s, i));
}

/* s[i] follows a '_' inside a mention's handle ("@x_password"), which the
 * analyser's tokeniser skips whole: no word of the handle is a name there.
 * A run of letters, figures and '_' longer than 256 bytes back counts as one
 * (a refusal only costs a match, and the look back stays bounded). */
static bool in_handle(const unsigned char *s, size_t i)
{
    if (i == 0 || s[i - 1] != '_') {
        return false;
    }
    size_t k = i;
    while (k > 0 && (is_alnum(s[k - 1]) || s[k - 1] == '_')) {
        if (i - k >= 256) {
            return true;
        }
        k--;
    }
    return k > 0 && s[k - 1] == '@' && is_alnum(s[k]);
}

/* The lengths (bit L: L letters) of the names of name_words that may start
 * at s[k] (a letter), s[k + 1] being there: none for most words. */
static inline uint32_t name_may_start(const unsigned char *s, size_t k)
{
    unsigned a = (unsigned)((s[k] | 0x20) - 'a'), b = (unsigned)((s[k + 1] | 0x20) - 'a');
    return a < 26 && b < 26 ? name_lens[a * 26 + b] : 0;
}

/* The scan visits s[at] for what `kind` (NAMED_*) says, its place among the
 * others kept in order, once; with more than NAMED_MAX, every word. */
static void note_at(word_names *w, size_t at, uint8_t kind)
{
    int m = w->n_at;
    while (m > 0 && w->at[m - 1] > at) {
        m--;
    }
    if (m > 0 && w->at[m - 1] == at) {
        return; /* already there */
    }
    if (w->n_at >= NAMED_MAX) {
        w->every_word = true;
        return;
    }
    for (int r = w->n_at++; r > m; r--) {
        w->at[r] = w->at[r - 1];
        w->kind[r] = w->kind[r - 1];
    }
    w->at[m] = at;
    w->kind[m] = kind;
}

/* A given name at s[k] (given_name_at()), which the scan visits. */
static NO_INLINE void note_given(const unsigned char *s, size_t n, size_t k, word_names *w)
{
    if (given_name_at(s, n, k, w->lower_text) > 0) {
        note_at(w, k, NAMED_GIVEN);
        w->n_given++;
    }
}

/* The word that starts at s[k] (a letter after no letter or digit, and
 * name_may_start()): what find_names() notes of it. */
static NO_INLINE void note_name(const unsigned char *s, size_t n, size_t k, word_names *w)
{
    size_t e = k + 2;
    while (e < n && is_alpha(s[e])) {
        e++;
    }
    int family = e < n && is_digit(s[e]) ? 0 : name_family(s, k, e);
    size_t from = k;
    if (family == NAME_SECRET) {
        w->secret = w->secret || !in_handle(s, k);
    } else if (family == NAME_DOT) {
        w->dot = true;
    } else if (family == NAME_STREET) {
        w->street = true;
    } else if (family == NAME_PLACE) {
        /* the name stands before the place's word: the scan visits it there */
        size_t at = word_start_at(s, k) ? staff_name_before(s, n, k) : n;
        if (at < n) {
            note_at(w, at, NAMED_PERSON);
        }
    } else if (family != 0 && word_start_at(s, k) && name_start(s, k) &&
               (family == NAME_ADDRESS || match_person(s, n, k, &from, true) > 0)) {
        /* the scan tries a match there (an address only when a figure follows:
         * find_names()) */
        note_at(w, k, family == NAME_ADDRESS ? NAMED_ADDRESS : NAMED_PERSON);
    }
}

/* The names in words of s[0, n) (word_names): with `families`, those
 * name_words starts; the given names (given_name_at()) up to `given` of them
 * (the caller's count of them, or more: the look stops at the last). Each
 * only where the caller's hint says one may be. */
static NO_INLINE void find_names(const unsigned char *s, size_t n, word_names *w, bool families,
                                 unsigned given)
{
    size_t k = 0;
    bool capital_word = false; /* word_names.lower_text's opposite */
#if defined(__SSE2__)
    /* the words' starts 16 bytes at a time: a letter after no letter or digit */
    unsigned carry = 1;         /* the byte before the block is no letter or digit */
    unsigned char last[32 + 1]; /* the last block, zeros after the text */
    for (; k < n; k += 16) {
        const unsigned char *b = s + k;
        if (k + 17 > n) {
            memset(last, 0, sizeof last);
            memcpy(last, s + k, n - k);
            b = last;
        }
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)b);
        __m128i low = _mm_or_si128(x, _mm_set1_epi8(0x20));
        __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(low, _mm_set1_epi8((char)(0x80 - 'a'))),
                                        _mm_set1_epi8((char)(0x80 + 26)));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                                       _mm_set1_epi8((char)(0x80 + 10)));
        unsigned letters = (unsigned)_mm_movemask_epi8(letter);
        unsigned digits = (unsigned)_mm_movemask_epi8(digit);
        unsigned alnum = letters | digits;
        if (digits != 0) {
            w->digit = true;
            w->last_digit = k + 31 - (size_t)__builtin_clz(digits);
        }
        unsigned starts = letters & ~((alnum << 1) | (carry ? 0u : 1u)) & 0xFFFFu;
        carry = !((alnum >> 15) & 1u);
        __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'A'))),
                                       _mm_set1_epi8((char)(0x80 + 26)));
        unsigned uppers = (unsigned)_mm_movemask_epi8(upper);
        /* a capital beside a letter: a word of two letters or more ("I" is none) */
        capital_word |= (uppers & ((letters << 1) | (letters >> 1))) != 0;
        /* a word in Title Case may be a given name (given_name_at() reads it whole) */
        for (unsigned g = w->n_given < given ? starts & uppers : 0u; g != 0; g &= g - 1) {
            note_given(s, n, k + (size_t)__builtin_ctz(g), w);
        }
        /* the starts a name may be at, without a branch on each */
        unsigned cand = 0;
        while (families && starts != 0) {
            unsigned bit = (unsigned)__builtin_ctz(starts);
            uint32_t lens = name_may_start(b, bit);
            /* the word's letters in the block; one that runs to its end may be longer */
            unsigned len = (unsigned)__builtin_ctz(~(letters >> bit) | 0x10000u);
            bool open = len >= 16 - bit;
            cand |= (unsigned)(open ? lens != 0 : ((lens >> len) & 1u) != 0) << bit;
            starts &= starts - 1;
        }
        while (cand != 0) {
            note_name(s, n, k + (size_t)__builtin_ctz(cand), w);
            cand &= cand - 1;
        }
    }
#else
    for (; k < n; k++) {
        if (is_digit(s[k])) {
            w->digit = true;
            w->last_digit = k;
        }
        if (k + 1 < n && is_alpha(s[k]) && (k == 0 || !is_alnum(s[k - 1]))) {
            if (w->n_given < given && is_upper(s[k])) {
                note_given(s, n, k, w);
            }
            if (families && name_may_start(s, k) != 0) {
                note_name(s, n, k, w);
            }
        }
    }
#endif
    for (k = 0; !capital_word && k < n; k++) {
        /* the blocks' test (SSE2) misses a capital at the end of one; the
         * byte loop's is here */
        capital_word =
            is_upper(s[k]) && ((k > 0 && is_alpha(s[k - 1])) || (k + 1 < n && is_alpha(s[k + 1])));
    }
    w->lower_text = !capital_word;
    for (k = 0; w->n_given < given && w->lower_text && k < n; k++) {
        /* a text in lower case: each word may be a given name */
        if (is_lower(s[k]) && (k == 0 || !is_alnum(s[k - 1]))) {
            note_given(s, n, k, w);
        }
    }
    w->street &= w->digit;
    /* an address's value (a postcode, a house number) holds a figure after its name */
    int kept = 0;
    for (int a = 0; a < w->n_at; a++) {
        if (w->kind[a] != NAMED_ADDRESS || (w->digit && w->last_digit > w->at[a])) {
            w->kind[kept] = w->kind[a];
            w->at[kept++] = w->at[a];
        }
    }
    w->n_at = kept;
}

/* The first i' >= i with byte_class[s[i']] & starts (n when none, or when
 * starts is 0): the next byte a match may start at. 16 bytes at a time where SSE2 is there (most of
 * a chat message is lower-case letters and spaces); the same answer as the
 * byte loop at the end. */
static size_t next_start(const unsigned char *s, size_t n, size_t i, uint8_t starts)
{
    if (starts == 0) {
        return n;
    }
#if defined(__SSE2__)
    const __m128i lower_too = _mm_set1_epi8((starts & CLS_ALNUM) ? (char)0xFF : 0);
    for (; i + 16 <= n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        /* range tests: adding 0x80 - lo maps [lo, hi] onto the lowest signed values */
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                                       _mm_set1_epi8((char)(0x80 + 10)));
        __m128i upper = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'A'))),
                                       _mm_set1_epi8((char)(0x80 + 26)));
        __m128i lower = _mm_and_si128(
            lower_too, _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - 'a'))),
                                      _mm_set1_epi8((char)(0x80 + 26))));
        __m128i marks = _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('+')),
                                     _mm_cmpeq_epi8(x, _mm_set1_epi8('(')));
        unsigned m = (unsigned)_mm_movemask_epi8(
            _mm_or_si128(_mm_or_si128(digit, upper), _mm_or_si128(lower, marks)));
        if (m != 0) {
            return i + (size_t)__builtin_ctz(m);
        }
    }
#endif
    while (i < n && !(byte_class[s[i]] & starts)) {
        i++;
    }
    return i;
}

bool nlp_pii_opens_named(const char *text, size_t n_bytes)
{
    size_t from;
    return text != NULL && opening_name((const unsigned char *)text, n_bytes, &from) > 0;
}

bool nlp_pii_ends_named(const char *text, size_t n_bytes)
{
    size_t from;
    return text != NULL && closing_name((const unsigned char *)text, n_bytes, &from) > 0;
}

bool nlp_pii_named(const char *text, size_t n_bytes)
{
    word_names names = {0};
    if (text != NULL) {
        find_names((const unsigned char *)text, n_bytes, &names, true, 0);
    }
    return names.secret || names.dot || names.street || names.n_at > 0 || names.every_word;
}

/* The names of `list` in lower case and strictly ascending order. */
static bool sorted_ok(const struct cvv_word *list, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        for (size_t m = 0; m < list[k].len; m++) {
            if (list[k].text[m] >= 'A' && list[k].text[m] <= 'Z') {
                return false;
            }
        }
        if (k > 0 && strcmp(list[k - 1].text, list[k].text) >= 0) {
            return false;
        }
    }
    return true;
}

/* The first word of every name of `list` has the family `family` in name_words. */
static bool family_ok(const struct cvv_word *list, size_t n, int family)
{
    for (size_t k = 0; k < n; k++) {
        const unsigned char *t = (const unsigned char *)list[k].text;
        size_t e = 0;
        while (e < list[k].len && is_alpha(t[e])) {
            e++;
        }
        if (name_family(t, 0, e) != family) {
            return false;
        }
    }
    return true;
}
#define FAMILY_OK(list, family) family_ok(list, sizeof list / sizeof list[0], family)

/* The analyser's tokens tell every word of NAME_KIN ... NAME_PLACE, and
 * "talked" (spoken_to), by its lexicon slot's root tag: a word without it
 * would be one the redactor reads and the analyser never sends it. */
static bool lexicon_tags_ok(void)
{
    for (size_t k = 0; k < sizeof name_words / sizeof name_words[0]; k++) {
        const struct name_word *w = &name_words[k];
        uint16_t want = w->family == NAME_PLACE ? NLP_LEX_ROOT_PLACE
                        : w->family >= NAME_KIN || strcmp(w->text, "talked") == 0
                            ? NLP_LEX_ROOT_PERSON
                            : 0;
        int32_t slot = nlp_lex_find(&nlp_lexicon_builtin, w->text, w->len);
        if (want != 0 && (slot < 0 || !(nlp_lexicon_builtin.slots[slot].root & want))) {
            return false;
        }
    }
    return true;
}

/* cvv_words_from() gives each word of cvv_context its own group. */
static bool cvv_groups_ok(void)
{
    size_t n = sizeof cvv_context / sizeof cvv_context[0], covered = 0;
    for (size_t w = 0; w < n; w++) {
        size_t from, end = cvv_words_from((unsigned char)cvv_context[w].text[0], &from);
        covered += from == w;
        if (w < from || w >= end || end > n) {
            return false;
        }
    }
    return covered == 10; /* the groups: 3 4 b c d f n s t v */
}

bool nlp_pii_self_check(void)
{
    size_t n_words = sizeof name_words / sizeof name_words[0];
    bool ok =
        name_words_from[26] == n_words &&
        sorted_ok(role_words, sizeof role_words / sizeof role_words[0]) &&
        sorted_ok(non_names, sizeof non_names / sizeof non_names[0]) &&
        sorted_ok(address_stops, sizeof address_stops / sizeof address_stops[0]) &&
        sorted_ok(greeted_non_names, sizeof greeted_non_names / sizeof greeted_non_names[0]) &&
        sorted_ok(given_places, sizeof given_places / sizeof given_places[0]) &&
        sorted_ok(given_place_leads, sizeof given_place_leads / sizeof given_place_leads[0]) &&
        sorted_ok(given_brands, sizeof given_brands / sizeof given_brands[0]);
    for (size_t k = 0; k < n_words && ok; k++) {
        unsigned c = (unsigned)(name_words[k].text[0] - 'a');
        unsigned b = (unsigned)(name_words[k].text[1] - 'a');
        ok = c < 26 && k >= name_words_from[c] && k < name_words_from[c + 1] &&
             strlen(name_words[k].text) == name_words[k].len && b < 26 && name_words[k].len < 32 &&
             ((name_lens[c * 26 + b] >> name_words[k].len) & 1u);
    }
    return ok && FAMILY_OK(secret_names, NAME_SECRET) && FAMILY_OK(spoken_dot, NAME_DOT) &&
           FAMILY_OK(named_street_types, NAME_STREET) && FAMILY_OK(postcode_names, NAME_ADDRESS) &&
           FAMILY_OK(street_leads, NAME_ADDRESS) && FAMILY_OK(address_names, NAME_ADDRESS) &&
           FAMILY_OK(person_names, NAME_PERSON) && FAMILY_OK(title_names, NAME_PERSON) &&
           FAMILY_OK(signoff_names, NAME_PERSON) && FAMILY_OK(thanks_names, NAME_PERSON) &&
           FAMILY_OK(spoken_to, NAME_PERSON) && lexicon_tags_ok() && cvv_groups_ok();
}

int nlp_pii_redact(const char *text, size_t n_bytes, char *out, size_t out_cap, size_t *out_len,
                   uint32_t counts[NLP_PII_KIND_COUNT])
{
    bool has_digit = false;
    for (size_t k = 0; k < n_bytes && text != NULL && !has_digit; k++) {
        has_digit = is_digit((unsigned char)text[k]);
    }
    bool has_at = n_bytes > 0 && text != NULL && memchr(text, '@', n_bytes) != NULL;
    /* a name the redactor reads in words starts a word: its first word is one
     * of name_words (the same table the analyser's short look reads) */
    bool has_secret = false, has_given = false;
    const unsigned char *u = (const unsigned char *)text;
    for (size_t k = 0; k < n_bytes && text != NULL && !(has_secret && has_given); k++) {
        if (!is_alpha(u[k]) || (k > 0 && is_alnum(u[k - 1]))) {
            continue;
        }
        size_t e = k + 1;
        while (e < n_bytes && is_alpha(u[e])) {
            e++;
        }
        has_secret = has_secret || name_family(u, k, e) != 0;
        has_given = has_given || given_name_at(u, n_bytes, k, true) > 0;
        k = e - 1;
    }
    bool has_opening = nlp_pii_opens_named(text, n_bytes);
    bool has_closing = nlp_pii_ends_named(text, n_bytes);
    /* a date said in words is only read from before a month's name */
    bool has_date = text != NULL && next_month((const unsigned char *)text, n_bytes, 0) < n_bytes;
    bool has_spoken = text != NULL && has_spoken_run((const unsigned char *)text, n_bytes);
    return nlp_pii_redact_hinted(text, n_bytes, out, out_cap, out_len, counts, has_digit, has_at,
                                 has_secret, has_given ? UINT_MAX : 0u, has_opening, has_closing,
                                 has_spoken, has_date);
}

/* Writes s[copied, from) and the marker of kind to out at o, counts it;
 * returns the new o. */
static size_t put_span(char *out, size_t o, const unsigned char *s, size_t copied, size_t from,
                       int kind, uint32_t counts[NLP_PII_KIND_COUNT])
{
    memcpy(out + o, s + copied, from - copied);
    o += from - copied;
    size_t mlen = strlen(markers[kind]);
    memcpy(out + o, markers[kind], mlen);
    if (counts != NULL) {
        counts[kind]++;
    }
    return o + mlen;
}

#define UPPER_DIGIT_REACH 5

/* A figure among s[i, i + reach) (and before n). */
static inline bool digit_within(const unsigned char *s, size_t n, size_t i, size_t reach)
{
    for (size_t k = i; k < n && k < i + reach; k++) {
        if (is_digit(s[k])) {
            return true;
        }
    }
    return false;
}

int nlp_pii_redact_hinted(const char *text, size_t n_bytes, char *out, size_t out_cap,
                          size_t *out_len, uint32_t counts[NLP_PII_KIND_COUNT], bool has_digit,
                          bool has_at, bool has_secret, unsigned given, bool has_opening,
                          bool has_closing, bool has_spoken, bool has_date)
{
    if ((text == NULL && n_bytes > 0) || out == NULL || out_cap < nlp_pii_redacted_cap(n_bytes)) {
        return RP_EINVAL;
    }
    if (counts != NULL) {
        memset(counts, 0, sizeof(uint32_t) * NLP_PII_KIND_COUNT);
    }
    const unsigned char *s = (const unsigned char *)text;
    /* every kind needs a digit except e-mail, which needs '@', and what is
     * said in words (a secret after its name, digits read out, a date with a
     * month's name): most chat messages have none and are copied as they are */
    word_names names = {0}; /* the names in words, where the hint says one may be */
    if ((has_secret || given > 0) && s != NULL) {
        find_names(s, n_bytes, &names, has_secret, given);
    }
    /* a name the text opens with ("Hi Priya,"), where the hint says one may be */
    size_t open_from = 0;
    size_t open_end = has_opening && s != NULL ? opening_name(s, n_bytes, &open_from) : 0;
    /* ... or ends with after a comma ("Thanks for waiting, John.") */
    size_t close_from = 0;
    size_t close_end = has_closing && s != NULL ? closing_name(s, n_bytes, &close_from) : 0;
    bool named = names.secret || names.dot || names.street || names.n_at > 0 || names.every_word ||
                 open_end > 0 || close_end > 0;
    if (!has_digit && !has_at && !named && !has_spoken && !has_date) {
        if (n_bytes > 0) {
            memcpy(out, s, n_bytes);
        }
        out[n_bytes] = '\0';
        if (out_len != NULL) {
            *out_len = n_bytes;
        }
        return 0;
    }
    /* the bytes a match can start at when the text has no '@': a secret's
     * name, a spoken e-mail address and a digit read out start with a letter
     * of either case; a name of an address or a person is visited where it is */
    uint8_t starts =
        names.secret || names.dot || names.every_word || has_spoken ? CLS_START | CLS_ALNUM
        : has_digit || names.street                                 ? CLS_START
                                    : 0; /* fewer figures than any kind in them holds */
    int next_named = 0; /* names.at[next_named]: the next name of an address or a person */
    size_t named_at = names.n_at > 0 ? names.at[0] : n_bytes;
    /* a date said in words starts at most DATE_LEAD bytes before its month's
     * name: a letter starts a match there too, in [win_lo, month_at] */
    size_t month_at = has_date ? next_month(s, n_bytes, 0) : n_bytes;
    size_t win_lo = month_at > DATE_LEAD ? month_at - DATE_LEAD : 0;
    size_t card_end = 0; /* where the last card number ended (near_card()) */
    size_t o = 0;        /* bytes written to out */
    size_t copied = 0;   /* s[copied, i) is still to be copied to out */
    int n_spans = 0;
    size_t i = 0;
    if (open_end > 0) {
        /* the greeting before it holds no other kind: the scan goes on after it */
        o = put_span(out, o, s, copied, open_from, NLP_PII_NAME, counts);
        n_spans = 1;
        i = copied = open_end;
    }
    while (i < n_bytes) {
        unsigned char c = s[i];
        uint8_t cls = byte_class[c];
        if (i > month_at) {
            month_at = next_month(s, n_bytes, i);
            win_lo = month_at > DATE_LEAD ? month_at - DATE_LEAD : 0;
        }
        while (named_at < i) {
            named_at = ++next_named < names.n_at ? names.at[next_named] : n_bytes;
        }
        bool date_window = month_at < n_bytes && i >= win_lo;
        if (!has_at && !(cls & starts) && !(date_window && (cls & CLS_ALNUM)) && i != named_at) {
            /* no match can start here: on to the next byte one may (one inside
             * a word is no boundary, so the word is skipped there), byte by
             * byte in a date's window */
            size_t limit = month_at < n_bytes ? win_lo : n_bytes;
            i = date_window ? i + 1
                            : next_start(s, limit < named_at ? limit : named_at, i + 1, starts);
            continue;
        }
        unsigned char prev = i > 0 ? s[i - 1] : ' ';
        size_t end = 0;
        size_t from = i; /* the span replaced: s[from, end) */
        int kind = -1;
        bool boundary = !is_alnum(prev) && prev != '@';
        /* a secret's name or an address read out starts a word as the
         * tokeniser reads words (its hint is the name among the tokens) */
        bool word_start = word_start_at(s, i);
        if (names.secret && word_start && is_alpha(c) && !in_handle(s, i)) {
            end = match_secret(s, n_bytes, i, &from);
            kind = NLP_PII_SECRET;
        }
        if (end == 0 && names.dot && word_start && is_alnum(c)) {
            end = match_spoken_email(s, n_bytes, i);
            kind = NLP_PII_EMAIL;
        }
        if (end == 0 && i == named_at && names.kind[next_named] == NAMED_GIVEN &&
            (close_end == 0 || i < close_from)) { /* the text's last name is the closing's */
            /* a given name alone ("Priya was really helpful"), as find_names()
             * found it (given_name_at()): its word is the name */
            char key[GIVEN_MAX + 8];
            size_t len;
            size_t e = given_word(s, n_bytes, i, key, &len);
            end = e > 0 ? given_name_span(s, n_bytes, i, e) : 0;
            kind = NLP_PII_NAME;
        }
        if (end == 0 && (i == named_at || names.every_word) && word_start && is_alpha(c) &&
            name_start(s, i)) {
            end = match_address(s, n_bytes, i, &from);
            kind = NLP_PII_ADDRESS;
            if (end == 0) {
                from = i;
                end = match_person(s, n_bytes, i, &from, false);
                kind = NLP_PII_NAME;
            }
            if (end == 0 && names.every_word && names.n_given > 0 &&
                (close_end == 0 || i < close_from)) {
                /* a given name among more names than the scan notes (find_names()) */
                from = i;
                size_t e = given_name_at(s, n_bytes, i, names.lower_text);
                end = e > 0 ? given_name_span(s, n_bytes, i, e) : 0;
            }
            if (end == 0) {
                from = i;
            }
        }
        if (end == 0 && date_window && boundary && is_alnum(c) && (i == 0 || date_sep(prev))) {
            end = match_spoken_dob(s, n_bytes, i);
            kind = NLP_PII_DOB;
        }
        size_t run_end = 0; /* a number read out that is no PII ends here */
        if (end == 0 && has_spoken && boundary && is_alpha(c) && spoken_start(prev)) {
            end = match_spoken_number(s, n_bytes, i, near_card(s, i, card_end), &kind, &run_end);
        }
        if (end == 0 && has_at && boundary && is_local_char(c) && c != '.' &&
            !(prev == '.' || prev == '-' || prev == '_' || prev == '+' || prev == '%')) {
            end = match_email(s, n_bytes, i);
            kind = NLP_PII_EMAIL;
        }
        /* a capital starts an id, a postcode or an IBAN only with a figure
         * among the next UPPER_DIGIT_REACH bytes (a UK driving licence's
         * first, at the most: "MORGA753116SM9IJ"); most capitals start words */
        bool upper_id = is_upper(c) && digit_within(s, n_bytes, i + 1, UPPER_DIGIT_REACH);
        if (end == 0 && boundary && (is_digit(c) || upper_id)) {
            end = match_national_id(s, n_bytes, i);
            if (end == 0) {
                end = match_document_id(s, n_bytes, i);
            }
            kind = NLP_PII_NATIONAL_ID;
        }
        if (end == 0 && boundary && upper_id && prev != '@') {
            end = bare_postcode(s, n_bytes, i);
            kind = NLP_PII_ADDRESS;
        }
        if (end == 0 && boundary && is_digit(c) && prev == ' ' && i >= copied + 3 &&
            is_lower(s[i - 3]) && is_lower(s[i - 2]) && (i == 3 || !is_alnum(s[i - 4])) &&
            NAMED_BEFORE(s, i - 3, ni_names)) {
            /* a National Insurance number typed or transcribed in lower case
             * after its name, met at its digits ("ni number jg 10 37 59 a"):
             * lower-case letters start no match, so that the scan skips words */
            end = match_national_id(s, n_bytes, i - 3);
            from = end > 0 ? i - 3 : i; /* no id: the letters stay for the next kinds' text */
            kind = NLP_PII_NATIONAL_ID;
        }
        if (end == 0 && is_digit(c) && is_lower(prev) && i >= copied + 2 && is_lower(s[i - 2]) &&
            (i == 2 || (!is_alnum(s[i - 3]) && s[i - 3] != '@')) &&
            NAMED_BEFORE(s, i - 2, ni_names)) {
            /* the same typed as one word ("my ni number is ab123456c") */
            end = match_national_id(s, n_bytes, i - 2);
            from = end > 0 ? i - 2 : i;
            kind = NLP_PII_NATIONAL_ID;
        }
        if (end == 0 && boundary && is_digit(c)) {
            end = match_card(s, n_bytes, i);
            kind = NLP_PII_CARD;
        }
        if (end == 0 && boundary && upper_id) {
            /* never in lower case: whether a hint has every byte read must not
             * change what is found ("si11 1110 1111" read as an IBAN's shape
             * hid a security code after a card from the other reading) */
            size_t shape_end = 0;
            end = match_iban(s, n_bytes, i, &shape_end);
            kind = NLP_PII_BANK;
            if (end == 0 && shape_end > i) {
                i = shape_end; /* an IBAN whose check fails: no PII, and no card inside */
                continue;
            }
        }
        if (end == 0 && boundary && is_digit(c)) {
            end = match_bank_number(s, n_bytes, i);
            kind = NLP_PII_BANK;
        }
        if (end == 0 && boundary && is_digit(c)) {
            end = match_dob(s, n_bytes, i, &from);
            if (from < copied) {
                end = 0; /* the month is in the span before: no date of its own */
                from = i;
            }
            kind = NLP_PII_DOB;
        }
        if (end == 0 && boundary &&
            (is_digit(c) || ((c == '+' || c == '(') && i + 1 < n_bytes && is_digit(s[i + 1])))) {
            end = match_phone(s, n_bytes, i);
            kind = NLP_PII_PHONE;
        }
        if (end == 0 && boundary && is_digit(c)) {
            end = match_cvv(s, n_bytes, i, near_card(s, i, card_end));
            kind = NLP_PII_CVV;
        }
        if (end == 0 && boundary && is_digit(c)) {
            end = match_pin(s, n_bytes, i);
            kind = NLP_PII_SECRET;
        }
        if (end == 0 && names.street && boundary && is_digit(c) && name_start(s, i)) {
            /* a street whose type is a tagged word ("12 Baker Street", "at
             * 4 mill lane") */
            size_t w, w_end;
            bool context = word_before(s, i, &w, &w_end) && WORD_IS(s, w, w_end, street_context);
            end = street_at(s, n_bytes, i, false,
                            context || (i > 0 && s[i - 1] == ':') || (i > 1 && s[i - 2] == ':'));
            kind = NLP_PII_ADDRESS;
        }
        if (end == 0 && boundary && is_digit(c) && spoken_start(prev) &&
            (i + 1 == n_bytes || !is_alnum(s[i + 1]))) {
            end = match_spoken_number(s, n_bytes, i, near_card(s, i, card_end), &kind,
                                      &run_end); /* "7 8 9" after "cvv" */
        }
        if (end > i) {
            o = put_span(out, o, s, copied, from, kind, counts);
            n_spans++;
            card_end = kind == NLP_PII_CARD ? end : card_end;
            i = end;
            copied = end;
            continue;
        }
        if (run_end > i) {
            i = run_end;
            continue;
        }
        /* skip the rest of a number or word: matches only start at boundaries
         * (and a number in groups two spaces apart is one number: no card
         * starts at its second group) */
        if (boundary && is_digit(c)) {
            i = number_run_end(s, n_bytes, i);
            while (card_sep(s, n_bytes, i) == 2) {
                i = number_run_end(s, n_bytes, i + 2);
            }
            continue;
        }
        i++;
        if (is_alpha(c)) {
            /* the letters only: a number joined to them may still be a
             * National Insurance number typed as one word ("ab123456c"),
             * which a scan that starts at letters must not skip */
            while (i < n_bytes && is_alpha(s[i])) {
                i++;
            }
        } else if (cls & CLS_ALNUM) {
            while (i < n_bytes && (byte_class[s[i]] & CLS_ALNUM)) {
                i++;
            }
        }
    }
    if (close_end > 0 && close_from >= copied) {
        /* the name the text ends with, when no span took it */
        o = put_span(out, o, s, copied, close_from, NLP_PII_NAME, counts);
        n_spans++;
        copied = close_end;
    }
    memcpy(out + o, s + copied, n_bytes - copied);
    o += n_bytes - copied;
    out[o] = '\0';
    if (out_len != NULL) {
        *out_len = o;
    }
    return n_spans;
}
