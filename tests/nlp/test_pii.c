/* tests/nlp/test_pii.c - PII redaction: each kind, Luhn, CVV context, and the
 * recall/precision floor on the generated corpus of bench/nlp/pii_corpus.c. */
#include <limits.h>
#include <string.h>

#include "../../bench/nlp/pii_corpus.h"
#include "nlp/analyzer.h"
#include "nlp/pii.h"
#include "nlp/pii_hinted.h"
#include "suites.h"

static char out[4096];

static const char *redact(const char *text, int *n_spans)
{
    int n = nlp_pii_redact(text, strlen(text), out, sizeof out, NULL, NULL);
    ck_assert_int_ge(n, 0);
    if (n_spans != NULL) {
        *n_spans = n;
    }
    return out;
}

/* A case of a table: the text and what redaction makes of it (NULL: the same). */
typedef struct redact_case {
    const char *in, *out;
} redact_case;

static void expect_redacted(const redact_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *want = cases[i].out != NULL ? cases[i].out : cases[i].in;
        ck_assert_msg(strcmp(redact(cases[i].in, NULL), want) == 0, "%s -> %s", cases[i].in, out);
    }
}

/* The redactor's word lists are in the order its searches need, and its table
 * of the names read in words agrees with them (thirtieth session). */
START_TEST(word_lists_in_order)
{
    ck_assert(nlp_pii_self_check());
}
END_TEST

START_TEST(luhn_check)
{
    ck_assert(nlp_pii_luhn_ok("4111111111111111", 16));
    ck_assert(!nlp_pii_luhn_ok("4111111111111112", 16));
    ck_assert(nlp_pii_luhn_ok("378282246310005", 15));
    ck_assert(!nlp_pii_luhn_ok("", 0));
    ck_assert(!nlp_pii_luhn_ok("41x1", 4));
}
END_TEST

START_TEST(cards_luhn_valid_only)
{
    int n = 0;
    ck_assert_str_eq(redact("card 4111111111111111 thanks", &n), "card [CARD] thanks");
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(redact("4111 1111 1111 1111", NULL), "[CARD]");
    ck_assert_str_eq(redact("amex 3782-822463-10005.", NULL), "amex [CARD].");
    ck_assert_str_eq(redact("mc 5555-5555-5555-4444 exp 12/27", NULL), "mc [CARD] exp 12/27");
    /* Luhn-invalid and unknown issuer ranges stay */
    ck_assert_str_eq(redact("card 4111 1111 1111 1112", &n), "card 4111 1111 1111 1112");
    ck_assert_int_eq(n, 0);
    ck_assert_str_eq(redact("order 1234567812345670", NULL), "order 1234567812345670");
    /* glued to letters or longer digit runs: not a card */
    ck_assert_str_eq(redact("x4111111111111111", NULL), "x4111111111111111");
    ck_assert_str_eq(redact("41111111111111110000000", NULL), "41111111111111110000000");
    /* groups joined by dots or by two spaces throughout (twenty-ninth session),
     * but not mixed, nor in groups no card has, nor longer than a card */
    static const redact_case grouped[] = {
        {"my card is 4539.1488.0343.6467 thanks", "my card is [CARD] thanks"},
        {"4539  1488  0343  6467", "[CARD]"},
        {"card 4539.1488.0343.6467 789", "card [CARD] [CVV]"},
        {"amex 3782.822463.10005", "amex [CARD]"},
        {"4539.1488.0343 6467", NULL},
        {"45391488.03436467", NULL},
        {"4539.1488.0343.6467.1234.5678.99", NULL},
        {"ip 10.0.0.1 v1.2.3.4", NULL},
    };
    expect_redacted(grouped, sizeof grouped / sizeof grouped[0]);
}
END_TEST

START_TEST(cvv_only_in_context)
{
    int n = 0;
    ck_assert_str_eq(redact("the cvv is 123", &n), "the cvv is [CVV]");
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(redact("security code: 9876", NULL), "security code: [CVV]");
    ck_assert_str_eq(redact("CVC 042 please", NULL), "CVC [CVV] please");
    ck_assert_str_eq(redact("123 is the cvv", NULL), "[CVV] is the cvv");
    ck_assert_str_eq(redact("room 123 at 10:30", &n), "room 123 at 10:30");
    ck_assert_int_eq(n, 0);
    ck_assert_str_eq(redact("I paid 150 dollars", NULL), "I paid 150 dollars");
    /* a date near the word is not a security code */
    ck_assert_str_eq(redact("expiry 12/2027 cvv 321", NULL), "expiry 12/2027 cvv [CVV]");
}
END_TEST

START_TEST(email_phone_ids)
{
    int n = 0;
    ck_assert_str_eq(redact("mail jo.smith+x@mail.example.co.uk.", &n), "mail [EMAIL].");
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(redact("not an email: a@b or @user", NULL), "not an email: a@b or @user");
    ck_assert_str_eq(redact("call +44 20 7946 0958 now", NULL), "call [PHONE] now");
    ck_assert_str_eq(redact("call (555) 123-4567", NULL), "call [PHONE]");
    ck_assert_str_eq(redact("555.123.4567", NULL), "[PHONE]");
    ck_assert_str_eq(redact("order 55512345 of 3 items", NULL), "order 55512345 of 3 items");
    ck_assert_str_eq(redact("ssn 123-45-6789", NULL), "ssn [ID]");
    ck_assert_str_eq(redact("ssn 000-45-6789", NULL), "ssn 000-45-6789");
    ck_assert_str_eq(redact("NI QQ123456C", NULL), "NI QQ123456C"); /* QQ is never issued */
    ck_assert_str_eq(redact("NI AB 12 34 56 C ok", NULL), "NI [ID] ok");
    /* lower case, as typed in chat or transcribed, after the number's name */
    ck_assert_str_eq(redact("ni number jg 10 37 59 a thanks", NULL), "ni number [ID] thanks");
    ck_assert_str_eq(redact("my national insurance is ab 12 34 56 C", NULL),
                     "my national insurance is [ID]");
    ck_assert_str_eq(redact("it was on 12 34 56 a", NULL), "it was on 12 34 56 a");
    /* ... and typed as one word (twenty-seventh session) */
    ck_assert_str_eq(redact("my ni number is ab123456c", NULL), "my ni number is [ID]");
    ck_assert_str_eq(redact("ni: jg103759a thanks", NULL), "ni: [ID] thanks");
    ck_assert_str_eq(redact("my order ref is ab123456c", NULL), "my order ref is ab123456c");
    ck_assert_str_eq(redact("ni number qq123456c", NULL), "ni number qq123456c");
    ck_assert_str_eq(redact("ni number qq 12 34 56 c", NULL), "ni number qq 12 34 56 c");
    /* no id there: the letters before the number stay ("ab" is no card) */
    ck_assert_str_eq(redact("ni number ab 4111 1111 1111 1111", NULL), "ni number ab [CARD]");
    /* an e-mail address read out, as a speech recogniser writes it */
    ck_assert_str_eq(redact("my email is jane dot doe at gmail dot com", &n),
                     "my email is [EMAIL]");
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(redact("it's john underscore smith at yahoo dot co dot uk ok", NULL),
                     "it's [EMAIL] ok");
    ck_assert_str_eq(redact("my e-mail is jane at gmail dot com", NULL), "my e-mail is [EMAIL]");
    ck_assert_str_eq(redact("look at amazon dot com", NULL), "look at amazon dot com");
    ck_assert_str_eq(redact("quill dot doe at the shop dot", NULL),
                     "quill dot doe at the shop dot");
}
END_TEST

START_TEST(bank_details_pins_and_birth_dates)
{
    int n = 0;
    /* IBANs with a valid mod-97 check, grouped or not, any case */
    ck_assert_str_eq(redact("IBAN GB82 WEST 1234 5698 7654 32 thanks", &n), "IBAN [BANK] thanks");
    ck_assert_int_eq(n, 1);
    ck_assert_str_eq(redact("iban: DE89370400440532013000.", NULL), "iban: [BANK].");
    ck_assert_str_eq(redact("GB82 WEST 1234 5698 7654 33", &n), "GB82 WEST 1234 5698 7654 33");
    ck_assert_int_eq(n, 0);
    /* a sort code or an account number after its name */
    ck_assert_str_eq(redact("my account number is 12345678 and sort code 12-34-56", NULL),
                     "my account number is [BANK] and sort code [BANK]");
    ck_assert_str_eq(redact("sort code 12 34 56, a/c 87654321", NULL),
                     "sort code [BANK], a/c [BANK]");
    ck_assert_str_eq(redact("order 55512345 arrived 12/03/2024", &n),
                     "order 55512345 arrived 12/03/2024");
    ck_assert_int_eq(n, 0);
    /* a PIN or passcode after its name, whole word */
    ck_assert_str_eq(redact("my pin is 4821", NULL), "my pin is [SECRET]");
    ck_assert_str_eq(redact("the passcode is 123456", NULL), "the passcode is [SECRET]");
    ck_assert_str_eq(redact("spin 4821 times", NULL), "spin 4821 times");
    /* a secret in words after its name and a link; a common word is none */
    ck_assert_str_eq(redact("my password is Sunflower88", NULL), "my password is [SECRET]");
    ck_assert_str_eq(redact("Password: hunter2!", NULL), "Password: [SECRET]!");
    ck_assert_str_eq(redact("my memorable word is giraffe.", NULL),
                     "my memorable word is [SECRET].");
    ck_assert_str_eq(redact("mother's maiden name is Okafor", NULL),
                     "mother's maiden name is [SECRET]");
    ck_assert_str_eq(redact("the passcode is now \"tulip\" ok", NULL),
                     "the passcode is now \"[SECRET]\" ok");
    ck_assert_str_eq(redact("my password is wrong", NULL), "my password is wrong");
    /* a value in quotes is taken whole, several words and typographic quotes too */
    ck_assert_str_eq(redact("my passphrase is \"correct horse battery staple\" ok", NULL),
                     "my passphrase is \"[SECRET]\" ok");
    ck_assert_str_eq(redact("password is \xE2\x80\x9Cpurple monkey dishwasher\xE2\x80\x9D.", NULL),
                     "password is \xE2\x80\x9C[SECRET]\xE2\x80\x9D.");
    ck_assert_str_eq(redact("the memorable answer is 'Auntie Flo's cat' I think", NULL),
                     "the memorable answer is '[SECRET]' I think");
    ck_assert_str_eq(redact("my password is \"hunter2 and it fails", NULL),
                     "my password is \"[SECRET] and it fails");
    ck_assert_str_eq(redact("my password is \"wrong\" apparently", NULL),
                     "my password is \"wrong\" apparently");
    ck_assert_str_eq(redact("password is the same as before", NULL),
                     "password is the same as before");
    ck_assert_str_eq(redact("the password reset link never came", NULL),
                     "the password reset link never came");
    ck_assert_str_eq(redact("i forgot my password", NULL), "i forgot my password");
    ck_assert_str_eq(redact("a memorable day, password is", NULL), "a memorable day, password is");
    /* a date of birth after its name, in figures or with a month */
    ck_assert_str_eq(redact("my date of birth is 12/03/1985", NULL), "my date of birth is [DOB]");
    ck_assert_str_eq(redact("DOB 1st March 1985", NULL), "DOB [DOB]");
    ck_assert_str_eq(redact("d.o.b. 12/03/85 ok", NULL), "d.o.b. [DOB] ok");
    /* as said: "the 3rd of March", the month first */
    ck_assert_str_eq(redact("my date of birth is the 3rd of March 1980", NULL),
                     "my date of birth is the [DOB]");
    ck_assert_str_eq(redact("date of birth is March 3, 1980", NULL), "date of birth is [DOB]");
    ck_assert_str_eq(redact("DOB march 3rd 1980.", NULL), "DOB [DOB].");
    ck_assert_str_eq(redact("born in March 2020 the shop opened 3 of 5 tills", NULL),
                     "born in March 2020 the shop opened 3 of 5 tills");
    ck_assert_str_eq(redact("it cost $129.99 on 12/03/2024", NULL),
                     "it cost $129.99 on 12/03/2024");
}
END_TEST

/* A date of birth said, as a speech recogniser writes it, or typed alone as
 * the answer to the agent's question (twenty-eighth session). */
START_TEST(dates_of_birth_said_and_answered)
{
    static const redact_case cases[] = {
        {"my date of birth is fifth of march nineteen eighty two", "my date of birth is [DOB]"},
        {"born on the thirty-first of December nineteen ninety nine.", "born on the [DOB]."},
        {"dob: march the twenty first, two thousand and one", "dob: [DOB]"},
        {"DOB March fifth nineteen oh five please", "DOB [DOB] please"},
        {"date of birth is the 5th of March nineteen eighty two", "date of birth is the [DOB]"},
        {"my birthday is the second of jan two thousand", "my birthday is the [DOB]"},
        {"date of birth twelfth sept one nine seven one", "date of birth [DOB]"},
        /* read out digit by digit, or with the year in words; figures with spaces */
        {"my date of birth is zero five zero three one nine eight two",
         "my date of birth is [DOB]"},
        {"date of birth oh five oh three eighty two", "date of birth [DOB]"},
        {"date of birth is 04 07 1985", "date of birth is [DOB]"},
        /* year first, as a form or a system writes it */
        {"date of birth 1982-03-05", "date of birth [DOB]"},
        {"dob: 1982/3/5.", "dob: [DOB]."},
        {"1982-03-05", "[DOB]"},
        {"we opened 2019-05-01 and never looked back", NULL},
        {"dob 1982-03/05", NULL},
        /* alone in the message: the answer to "what's your date of birth?" */
        {"Yeah it's the 5th of March, 1982.", "Yeah it's the [DOB]."},
        {"05/03/1982", "[DOB]"},
        {"the fifth of march nineteen eighty two", "the [DOB]"},
        {"It's 14 Feb 1975!", "It's [DOB]!"},
        {"Yeah, fifth of March eighty two", "Yeah, [DOB]"},
        {"sure it's 23rd June 1970 thanks", "sure it's [DOB] thanks"},
        {"23rd June 1970, thank you!", "[DOB], thank you!"},
        {"it was the 5th of March, 1982 please refund", NULL},
        /* a date that is no one's birth */
        {"The meeting is on the fifth of March twenty twenty five, see you then", NULL},
        {"I've been with you since the fifth of march two thousand and five", NULL},
        {"we spoke on the fifth of March", NULL},
        {"it's the fifth of may", NULL},
        {"my birthday is May 5th", NULL},
        {"on March 5 I called", NULL},
        {"I have 3 12 year olds", NULL},
        {"it may be the fifth of the month, maybe the sixth", NULL},
        {"it was the 5th of March, 1982 when I opened it", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* A Canadian SIN (Luhn) after its name; an Aadhaar number (Verhoeff) grouped
 * 4-4-4 or after its name; a passport or driving licence number after its
 * name (twenty-eighth session); a Medicare number, a tax file number, an ITIN,
 * a licence of another country, a routing number and a BSB (twenty-ninth). */
START_TEST(more_national_ids_and_documents)
{
    /* the textbook Verhoeff example: 236 has the check digit 3 */
    ck_assert_int_eq(nlp_pii_verhoeff_ok("2363", 4), 1);
    ck_assert_int_eq(nlp_pii_verhoeff_ok("2364", 4), 0);
    ck_assert_int_eq(nlp_pii_verhoeff_ok("", 0), 0);
    ck_assert_int_eq(nlp_pii_verhoeff_ok("23a3", 4), 0);
    static const redact_case cases[] = {
        {"my social insurance number is 130 692 544", "my social insurance number is [ID]"},
        {"SIN: 527-418-636 thanks", "SIN: [ID] thanks"},
        {"sin 719302754", "sin [ID]"},
        {"my SIN is 130 692 545", NULL}, /* Luhn fails */
        {"order 130 692 544", NULL},     /* no name */
        {"sin 130 692 544 000", NULL},   /* a longer number */
        {"aadhaar 6580 7302 1578", "aadhaar [ID]"},
        {"my aadhaar number is 658073021578", "my aadhaar number is [ID]"},
        {"6580 7302 1578", "[ID]"},
        {"8212 9972 2003 and 5681-9303-6428", "[ID] and [ID]"},
        {"6580 7302 1579", NULL},   /* Verhoeff fails */
        {"ref 658073021578", NULL}, /* ungrouped, no name */
        {"6580 7302-1578", NULL},   /* mixed separators */
        {"card 4111 1111 1111 1111", "card [CARD]"},
        /* an NHS number after its name, modulus 11 checked (it was a phone
         * number before; a bad check still is one) */
        {"my NHS number is 943 476 5919", "my NHS number is [ID]"},
        {"nhs no. 9434765919", "nhs no. [ID]"},
        {"my NHS number is 943 476 5918", "my NHS number is [PHONE]"},
        {"call 943 476 5919", "call [PHONE]"},
        /* an Australian Medicare number after its name, checked the same way
         * (twenty-ninth session; it was a phone number) */
        {"my medicare number is 2123 45670 1", "my medicare number is [ID]"},
        {"Medicare no. 2123 45670 1 2 thanks", "Medicare no. [ID] thanks"},
        {"medicare 2123456701", "medicare [ID]"},
        {"medicare 2123 45671 1", "medicare [PHONE]"}, /* the check fails */
        {"medicare 7123 45670 1", "medicare [PHONE]"}, /* no card starts with 7 */
        /* an Australian tax file number after its name, a US ITIN, another
         * country's driving licence after its name (twenty-ninth session) */
        {"tax file number 123 456 782", "tax file number [ID]"},
        {"my TFN is 123456782", "my TFN is [ID]"},
        {"my TFN is 123456789", NULL}, /* the check fails */
        {"ITIN 912-70-1234", "ITIN [ID]"},
        {"912-45-1234", NULL}, /* 9 first, a group no ITIN has */
        {"my driver's license is D1234567", "my driver's license is [ID]"},
        {"license plate AB12 CDE", NULL},
        {"my licence expired in 2019", NULL},
        /* US routing and Australian BSB numbers after their names */
        {"my routing number is 021000021", "my routing number is [BANK]"},
        {"routing 021000022", NULL}, /* the check fails */
        {"routing number zero two one zero zero zero zero two one", "routing number [BANK]"},
        {"BSB 062-000 account 12345678", "BSB [BANK] account [BANK]"},
        {"order 021000021", NULL},
        /* a passport or a UK driving licence after its name */
        {"my passport number is 123456789", "my passport number is [ID]"},
        {"passport: AB1234567 thanks", "passport: [ID] thanks"},
        {"passport no. 987654321.", "passport no. [ID]."},
        {"driving licence MORGA753116SM9IJ", "driving licence [ID]"},
        {"licence number MORGA753116SM9IJ35", "licence number [ID]"},
        {"my passport expired in 2019", NULL},
        {"passport 12345", NULL},
        {"I ordered 123456789 items", NULL},
        {"licence MORGA75311SM9IJ", NULL}, /* a figure short */
        /* a number after "no." and its name: one sentence */
        {"my account no. is 12345678", "my account no. is [BANK]"},
        {"sort code: 20-00-00 acc: 12345678", "sort code: [BANK] acc: [BANK]"},
        {"I said no. 12345678 is my order", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* Where a customer lives and what they are called (thirtieth session): a
 * street address (a house number, a street's name and type) in Title Case
 * anywhere or after "at", "address is", "I live at" in any case, with the
 * town and postcode after it; a postcode or ZIP code after its name; a name
 * after "my name is", "surname:", "in the name of", ... or a title. */
START_TEST(addresses_and_names)
{
    static const redact_case cases[] = {
        {"my postcode is SW1A 1AA thanks", "my postcode is [ADDRESS] thanks"},
        {"postcode sw1a 1aa", "postcode [ADDRESS]"},
        {"postcode: ls61aa", "postcode: [ADDRESS]"},
        {"zip code 90210", "zip code [ADDRESS]"},
        {"zip 90210-1234", "zip [ADDRESS]"},
        {"postal code is K1A 0B1", "postal code is [ADDRESS]"},
        {"my address is 12 Acacia Avenue, Leeds LS1 4AP", "my address is [ADDRESS]"},
        {"I live at 221b Baker Street", "I live at [ADDRESS]"},
        {"I live at 7 acacia drive, leeds ls1 4ap and I want to cancel",
         "I live at [ADDRESS] and I want to cancel"},
        {"Flat 3, 14 High Road", "Flat 3, [ADDRESS]"},
        {"please send it to 4 St John's Road", "please send it to [ADDRESS]"},
        {"i'm at 12 baker street", "i'm at [ADDRESS]"},
        {"my address is 45 Old Mill, Church Way, Leeds", "my address is [ADDRESS]"},
        {"address: flat 2, 9 mill view", "address: [ADDRESS]"},
        {"Delivered to 10 Downing Street, London SW1A 2AA yesterday",
         "Delivered to [ADDRESS] yesterday"},
        {"my name is Sarah Jones and I want to cancel", "my name is [NAME] and I want to cancel"},
        {"my name is sarah jones and i want to cancel", "my name is [NAME] and i want to cancel"},
        {"Hi, my name is John, calling about my bill",
         "Hi, my name is [NAME], calling about my bill"},
        {"Name: John Smith, DOB 12/03/1985", "Name: [NAME], DOB [DOB]"},
        {"the name on the card is Mr J. Smith", "the name on the card is [NAME]"},
        {"the account is in the name of Ahmed Khan", "the account is in the name of [NAME]"},
        {"the booking is under the name Okafor", "the booking is under the name [NAME]"},
        {"Thank you Mrs Okafor, I'll sort that now", "Thank you [NAME], I'll sort that now"},
        {"my husband's name is David", "my husband's name is [NAME]"},
        {"my name's Priya", "my name's [NAME]"},
        {"surname is O'Brien-Smith", "surname is [NAME]"},
        {"my name is Jos\xc3\xa9 Garc\xc3\xad"
         "a",
         "my name is [NAME]"},
        {"The boiler has failed again. Kind regards, Joanna Wells",
         "The boiler has failed again. Kind regards, [NAME]"},
        {"Please close the account.\nYours sincerely,\nFiona Campbell\n",
         "Please close the account.\nYours sincerely,\n[NAME]\n"},
        {"We will leave on Friday. Regards, Sam and Eliza Morton",
         "We will leave on Friday. Regards, [NAME]"},
        /* no address, no name */
        {"sw1a 1aa", NULL},
        {"order 90210 is late", NULL},
        {"postcode is wrong on order 30291", NULL},
        {"3 main road closures today", NULL},
        {"I drove 20 miles down the road", NULL},
        {"we lived in the house for 40 years. Please close the account", NULL},
        {"my address is wrong on the bill", NULL},
        {"my address is 07700 900123", "my address is [PHONE]"},
        {"my address is 12, I think", NULL},
        {"my name is on the account", NULL},
        {"my name is spelled wrong on the bill", NULL},
        {"my name is misspelled", NULL},
        {"what name is on the account?", NULL},
        {"Name is wrong", NULL},
        {"the account is in the name of my late husband", NULL},
        {"in the name of God", NULL},
        {"the product name is Galaxy", NULL},
        {"MS Teams keeps crashing", NULL},
        {"ms word won't open", NULL},
        {"We love you Mr President!", NULL},
        {"Kind regards, the Accounts Team", NULL},
        {"regards, Quill. PS my order is late", NULL},
        {"with kind regards, quill", NULL},
        /* inside a link or a mention, whose words the tokeniser does not read */
        {"@bob_name is Quill", NULL},
        {"@x_password is Sunflower", NULL},
        {"@x_password is Sunflower, my password is Tulip",
         "@x_password is Sunflower, my password is [SECRET]"},
        {"http://x.co/a?name=John", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* Names said without a word that names them (thirty-first session): greeted
 * or introduced at the text's start, thanked, spoken to, addressed at its end
 * - what an agent and a customer write first and last in a chat */
START_TEST(greeted_and_introduced_names)
{
    static const redact_case cases[] = {
        {"Hi Priya, thanks for waiting", "Hi [NAME], thanks for waiting"},
        {"Hi, Priya", "Hi, [NAME]"},
        {"hey Tom - quick one", "hey [NAME] - quick one"},
        {"Dear Sarah Jones,", "Dear [NAME],"},
        {"Thanks Tom!", "Thanks [NAME]!"},
        {"Thank you Ahmed, I've raised a ticket", "Thank you [NAME], I've raised a ticket"},
        {"Good morning Mrs Okafor", "Good morning [NAME]"},
        {"Dear Dr. Patel, I apologise", "Dear [NAME], I apologise"},
        {"Hi Sarah I need help", "Hi [NAME] I need help"},
        {"Hi Sam from billing", "Hi [NAME] from billing"},
        {"this is Sarah from billing", "this is [NAME] from billing"},
        {"Hi, this is Tom.", "Hi, this is [NAME]."},
        {"Hi there, this is Sam from Acme", "Hi there, this is [NAME] from Acme"},
        {"Good morning everyone, it\xe2\x80\x99s Sam here",
         "Good morning everyone, it\xe2\x80\x99s [NAME] here"},
        {"it's Jo speaking", "it's [NAME] speaking"},
        {"It is Ana Lopez calling about my bill", "It is [NAME] calling about my bill"},
        {"Hi it's Tom again, sorry", "Hi it's [NAME] again, sorry"},
        {"Tom speaking, how can I help?", "[NAME] speaking, how can I help?"},
        {"Hi Priya, my card is 4111 1111 1111 1111", "Hi [NAME], my card is [CARD]"},
        /* thanks to a person named anywhere */
        {"ok thanks Sarah", "ok thanks [NAME]"},
        {"Brilliant, thank you Tom!", "Brilliant, thank you [NAME]!"},
        {"sorted in 10 mins, cheers Dave!", "sorted in 10 mins, cheers [NAME]!"},
        {"Can you send the deeds? Thanks, Aoife", "Can you send the deeds? Thanks, [NAME]"},
        {"Please remove it. Many thanks, Jenny Ashcroft", "Please remove it. Many thanks, [NAME]"},
        {"my card 4111 1111 1111 1111 thanks Sarah", "my card [CARD] thanks [NAME]"},
        /* a person spoken to, named after it */
        {"I spoke to Sarah on Monday", "I spoke to [NAME] on Monday"},
        {"I was transferred to Dave and he hung up", "I was transferred to [NAME] and he hung up"},
        {"Chatted with Ben Ashby last week", "Chatted with [NAME] last week"},
        /* a name the text ends with, addressed after a comma */
        {"Thanks for waiting, John.", "Thanks for waiting, [NAME]."},
        {"Anything else I can help with, Sarah Jones?", "Anything else I can help with, [NAME]?"},
        {"I'm sorry to hear that, Sarah", "I'm sorry to hear that, [NAME]"},
        {"sorry about that, Mrs Jones.", "sorry about that, [NAME]."},
        /* no name: a group, a role, a brand's form, a new sentence, a text in
         * Title Case, lower case, not at the start */
        {"Hi Team, quick one", NULL},
        {"Hi All", NULL},
        {"Thanks Everyone!", NULL},
        {"Dear Sir or Madam", NULL},
        {"Dear Sirs,", NULL},
        {"Dear Valued Customer", NULL},
        {"Dear Hotel Manager, our room", NULL},
        {"Dear Acme support, thanks", NULL},
        {"Hi Billing Team", NULL},
        {"Dear BrightVolt, you overcharged me", NULL},
        {"Thanks Orbit Broadband, the outage", NULL},
        {"Hey Google set a timer", NULL},
        {"Thank God", NULL},
        {"Thanks! Sometimes it works", NULL},
        {"Hey! How are you", NULL},
        {"Thank you. English is not my first language", NULL},
        {"Hey Look At This", NULL},
        {"Thanks For Nothing", NULL},
        {"HI SARAH", NULL},
        {"Dear MSM, stop", NULL},
        {"hi quill", NULL},
        {"I said hi Quill", NULL},
        {"This is Ridiculous", NULL},
        {"This is Verizon at its worst", NULL},
        {"It's Girl Scout season", NULL},
        {"Frankly speaking, no", NULL},
        {"Public speaking is hard", NULL},
        {"Good Morning Tuesday!", NULL},
        {"Eh, thanks, Sometimes it works", NULL},
        {"thanks To everyone", NULL},
        {"thank you Jesus", NULL},
        {"ok thanks quill", NULL},
        {"I spoke to Acme support", NULL},
        {"I spoke to someone in billing", NULL},
        {"spoken to Citizens Advice", NULL},
        {"I moved to Leeds, Yorkshire.", NULL},
        {"ok, Seriously.", NULL},
        {"it arrived on time, Monday.", NULL},
        {"is that ok, Quill :)", NULL},
        {"ok thanks,Quill", NULL},
        {"what I said, I mean, Oh!", NULL},
        {"Thanks Again", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(names_at_their_workplace)
{
    static const redact_case cases[] = {
        {"Huge thanks to Priya at the Leeds branch", "Huge thanks to [NAME] at the Leeds branch"},
        {"Chen Wei from our Singapore office will join",
         "[NAME] from our Singapore office will join"},
        {"Hannah from the complaints team will call", "[NAME] from the complaints team will call"},
        {"Conor on the night shift said so", "[NAME] on the night shift said so"},
        {"Ji-woo at the airport desk rebooked us", "[NAME] at the airport desk rebooked us"},
        {"I spoke to Mr. Ahmed from your billing team", "I spoke to [NAME] from your billing team"},
        /* no name: a group, a plural opening a sentence, a contraction, lower case */
        {"Nobody from the branch will call", NULL},
        {"Someone from your team said", NULL},
        {"Staff on the desk said", NULL},
        {"Radiators in the office are cold", NULL},
        {"We're on the same team!", NULL},
        {"quill at the leeds branch", NULL},
        {"Quill at the Leeds", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(bare_postcodes)
{
    static const redact_case cases[] = {
        {"Do you deliver to SE1 7PB on Sundays?", "Do you deliver to [ADDRESS] on Sundays?"},
        {"delivery to G12 8QQ failed twice", "delivery to [ADDRESS] failed twice"},
        {"Is there a branch near EH1 1YZ?", "Is there a branch near [ADDRESS]?"},
        {"SW1A 1AA", "[ADDRESS]"},
        {"it's N1 9GU not N1 9GD.", "it's [ADDRESS] not [ADDRESS]."},
        /* a Canadian postal code, an Irish Eircode */
        {"Is fibre available at T2P 1J9?", "Is fibre available at [ADDRESS]?"},
        {"Our Eircode is V94 T9PX if that helps", "Our Eircode is [ADDRESS] if that helps"},
        {"send it to D04 X2F6.", "send it to [ADDRESS]."},
        /* ... ending a street's address, after a province or "Co." */
        {"I live at 9 Maple Road, Kingston, ON K7L 3N6 now", "I live at [ADDRESS] now"},
        {"it's at 4 Quay Street, Westport, Co. Mayo F28 H2W5.", "it's at [ADDRESS]."},
        {"it's at 4 Quay Street, Cork T12 X7K8.", "it's at [ADDRESS]."},
        /* no postcode: no UK area, an ordinal, lower case, joined, a letter after */
        {"I want a PS5 2TB", NULL},
        {"CO2 3RD level", NULL},
        {"deliver to se1 7pb", NULL},
        {"deliver to SE17PB", NULL},
        {"deliver to SE1 7PBX", NULL},
        {"A1 1AA", NULL},
        {"model T2P 1J9X", NULL},
        {"D02 XKPY", NULL},
        {"A12 3456", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(signoffs_with_a_role)
{
    static const redact_case cases[] = {
        {"Regards, Meera, Customer Support Executive",
         "Regards, [NAME], Customer Support Executive"},
        {"Kind regards, Dr Anil Mehta, Practice Manager", "Kind regards, [NAME], Practice Manager"},
        {"Done. Thanks, Emma (Support Team)", "Done. Thanks, [NAME] (Support Team)"},
        {"Many thanks, Joanne (Accounts)", "Many thanks, [NAME] (Accounts)"},
        {"Best wishes, Rosie - Online Orders Team", "Best wishes, [NAME] - Online Orders Team"},
        {"Best wishes, Catriona MacLeod", "Best wishes, [NAME]"},
        {"Thanks, Jamie \xe2\x80\x94 you've been a star.",
         "Thanks, [NAME] \xe2\x80\x94 you've been a star."},
        /* no name: a new sentence after thanks and a comma, words after the
         * closing that are no role, a role in lower case */
        {"Thanks, Sometimes it works", NULL},
        {"Regards, Quill, and thanks again", NULL},
        {"Regards, Quill, Some Other Words", NULL},
        {"Thanks, Quill (support team)", NULL},
        {"with best wishes to all", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(names_after_person_words)
{
    static const redact_case cases[] = {
        /* kin and others close to the customer, then the name */
        {"my husband David is the account holder", "my husband [NAME] is the account holder"},
        {"it's for my daughter Aisha Khan", "it's for my daughter [NAME]"},
        {"my neighbour Steve took the parcel in", "my neighbour [NAME] took the parcel in"},
        {"my mum Margaret O'Sullivan is 82", "my mum [NAME] is 82"},
        /* people at work, then the name or "called"/"named" and it */
        {"your colleague Tom said it would be fixed",
         "your colleague [NAME] said it would be fixed"},
        {"an agent called Mike helped me", "an agent called [NAME] helped me"},
        {"the engineer Dave was brilliant", "the engineer [NAME] was brilliant"},
        /* anyone, only called or named */
        {"a lady called Sarah Jones answered", "a lady called [NAME] answered"},
        {"someone named Jo rang me", "someone named [NAME] rang me"},
        /* a person spoken to */
        {"I talked to Tom yesterday", "I talked to [NAME] yesterday"},
        /* no name: a capital word or the person's word, a word in lower case,
         * a brand, a group, a text in Title Case, "called" after kin */
        {"my Brother printer broke", NULL},
        {"Mother Nature wins", NULL},
        {"disrespecting mother Russia.", NULL},
        {"my son quill", NULL},
        {"my friend Google said no", NULL},
        {"the man City signed", NULL},
        {"someone Told me", NULL},
        {"my dog Max ate it", NULL},
        {"your agent Customer Services", NULL},
        {"My Husband Loves This Product", NULL},
        {"my brother called Sky", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* A given name of nlp/lexicon/given_names.txt alone: in Title Case anywhere,
 * in lower case in a text in lower case, with a surname in Title Case. */
START_TEST(given_names_alone)
{
    static const redact_case cases[] = {
        {"Priya was really helpful on the phone", "[NAME] was really helpful on the phone"},
        {"Khalid said he'd email me the form", "[NAME] said he'd email me the form"},
        {"Jenny Ashcroft is the policyholder", "[NAME] is the policyholder"},
        {"Rahul and Anjali both need adding", "[NAME] and [NAME] both need adding"},
        {"Sarah's parcel never came", "[NAME]'s parcel never came"},
        {"Sarah\xe2\x80\x99s parcel never came", "[NAME]\xe2\x80\x99s parcel never came"},
        {"Priya Thanks a lot", "[NAME] Thanks a lot"},
        {"Tom said it would be fixed", "[NAME] said it would be fixed"},
        {"dave said to message on here", "[NAME] said to message on here"},
        {"me and my husband graham ellis", "me and my husband [NAME]"},
        {"ok i'll ask siobhan", "ok i'll ask [NAME]"},
        /* a name that is a word of a phrase too ("it's margaret again") */
        {"Margaret was lovely", "[NAME] was lovely"},
        {"hi it's margaret again", "hi it's [NAME] again"},
        /* letters outside ASCII folded as the tokeniser folds them */
        {"Sin\xc3\xa9\x61\x64, I've attached the photos", "[NAME], I've attached the photos"},
        {"Jos\xc3\xa9 Garc\xc3\xad\x61 here", "[NAME] here"},
        {"Zo\xc3\xab's order", "[NAME]'s order"},
        {"Sarah\xf0\x9f\x91\x8d thanks", "[NAME]\xf0\x9f\x91\x8d thanks"},
        /* no name: a name read in Title Case only, a lower-case name in a text
         * with capitals, capitals, a link, an address, a hashtag, a handle, a
         * figure after it, a place's or a brand's name */
        {"tom said it would be fixed", NULL},
        {"I told dave on Monday", NULL},
        {"SARAH IS RUDE", NULL},
        {"see www.priya.com now", NULL},
        {"#priya rocks", NULL},
        {"@Dave hi", NULL},
        {"Priya2 is my username", NULL},
        {"mail sarah.jones@example.com", "mail [EMAIL]"},
        {"The Ted Baker bag I returned", NULL},
        {"I love Jack Daniel's", NULL},
        {"Happy St Patrick's Day", NULL},
        {"St. John's wort", NULL},
        {"Patrick Street branch", NULL},
        {"Will the Elizabeth line strikes affect me?", NULL},
        {"Ethan't", NULL},
        {"Sin\xc3\x89\x61\x64 x", NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

START_TEST(bad_arguments_and_counts)
{
    char small[4];
    ck_assert_int_eq(nlp_pii_redact("abc", 3, small, sizeof small, NULL, NULL), RP_EINVAL);
    ck_assert_int_eq(nlp_pii_redact(NULL, 3, out, sizeof out, NULL, NULL), RP_EINVAL);
    ck_assert_int_eq(nlp_pii_redact("x", 1, NULL, 100, NULL, NULL), RP_EINVAL);
    uint32_t counts[NLP_PII_KIND_COUNT];
    size_t len = 0;
    const char *t = "4111111111111111 cvv 123, a@b.io, +1 212 555 0100, 123-45-6789, "
                    "sort code 12-34-56, pin 4821, date of birth 12/03/1985, postcode LS1 4AP, "
                    "my name is Ana";
    ck_assert_int_eq(nlp_pii_redact(t, strlen(t), out, sizeof out, &len, counts), 10);
    for (int k = 0; k < NLP_PII_KIND_COUNT; k++) {
        ck_assert_uint_eq(counts[k], 1);
    }
    ck_assert_uint_eq(len, strlen(out));
}
END_TEST

/* A number read out a digit at a time, as a speech recogniser may write it:
 * the same kinds as in figures, and no number out of a sentence's words. */
START_TEST(digits_read_out)
{
    static const redact_case cases[] = {
        /* 4539 1488 0343 6467: Visa, Luhn-valid */
        {"my card number is four five three nine one four eight eight zero three four three six "
         "four six seven",
         "my card number is [CARD]"},
        {"Four Five Three Nine, One Four Eight Eight, Zero Three Four Three, Six Four Six Seven.",
         "[CARD]."},
        {"the long number is four five three nine one four eight eight zero three four three six "
         "four six seven and the code is seven eight nine",
         "the long number is [CARD] and the code is [CVV]"},
        /* a digit misheard: after "card" it is still taken */
        {"card number four five three nine one four eight eight zero three four three six four "
         "six eight",
         "card number [CARD]"},
        {"the security code is seven eight nine", "the security code is [CVV]"},
        {"security code triple seven", "security code [CVV]"},
        {"cvv treble four", "cvv [CVV]"}, /* British English (twenty-eighth session) */
        {"call me on oh one six one treble four five six seven eight nine", "call me on [PHONE]"},
        {"the three digit code is 7 8 9", "the three digit code is [CVV]"},
        {"seven eight nine is the cvv", "[CVV] is the cvv"},
        {"call me on oh seven seven double oh nine double oh one two three", "call me on [PHONE]"},
        {"phone 0 7 7 0 0 9 0 0 1 2 3", "phone [PHONE]"},
        {"sort code two oh four five seven seven", "sort code [BANK]"},
        {"account number four one two three four five six seven", "account number [BANK]"},
        {"my pin is one two three four", "my pin is [SECRET]"},
        {"my password is seven eight nine nine", "my password is [SECRET]"},
        {"card 4539148803436467 code 789", "card [CARD] code [CVV]"},
        {"card 4539148803436467 expiry 0427", "card [CARD] expiry 0427"},
        /* words of numbers that are no number read out */
        {"I'll be there at one, two at the latest", NULL},
        {"one two three go!", NULL},
        {"I have two three year olds and a baby", NULL},
        {"it's five o'clock", NULL},
        {"oh no, oh no", NULL},
        {"can I get two or three of them", NULL},
        {"the security code is one", NULL},
        {"four five three nine one four eight eight zero three four three six four six eight",
         NULL},
    };
    expect_redacted(cases, sizeof cases / sizeof cases[0]);
}
END_TEST

/* The secret and read-out hints only spare the redactor its reading of a
 * message without a password's name or a number read out: set when they need
 * not be, they find the same spans (fuzzing found a lower-case IBAN shape read
 * only when they were set, hiding a security code after a card). */
START_TEST(hints_change_no_span)
{
    static const char *const texts[] = {
        "card 4111 1111 1111 1111 mail a.e, si11 1110 1111 c6vA 123",
        "gb82 west 1234 5698 7654 32 and 4111111111111111 code 789",
        "call +44 20 7946 0958 or 0207 946 0958, sort code 12-34-56",
        /* a scan from every word's first letter skipped a number joined to
         * letters (twenty-eighth session) */
        "my password is Tulip. my ni number is ab123456c"};
    static char exact[4096];
    for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
        size_t n = strlen(texts[t]), len0 = 0, len = 0;
        int spans0 = nlp_pii_redact(texts[t], n, exact, sizeof exact, &len0, NULL);
        int spans = nlp_pii_redact_hinted(texts[t], n, out, sizeof out, &len, NULL, true,
                                          memchr(texts[t], '@', n) != NULL, true, UINT_MAX, true,
                                          true, true, true);
        ck_assert_int_eq(spans, spans0);
        ck_assert_str_eq(out, exact);
    }
}
END_TEST

START_TEST(generated_corpus_recall_and_precision)
{
    bench_pii_stats st;
    bench_pii_evaluate(0x5eed, 20000, &st);
    uint64_t found = 0, spurious = 0;
    for (int k = 0; k < NLP_PII_KIND_COUNT; k++) {
        ck_assert_uint_gt(st.expected[k], 100);
        found += st.found[k];
        spurious += st.spurious[k];
    }
    double card_recall = (double)st.found[NLP_PII_CARD] / (double)st.expected[NLP_PII_CARD];
    double cvv_recall = (double)st.found[NLP_PII_CVV] / (double)st.expected[NLP_PII_CVV];
    double precision = (double)found / (double)(found + spurious);
    ck_assert_msg(card_recall >= 0.995, "card recall %f", card_recall);
    ck_assert_msg(cvv_recall >= 1.0, "cvv recall %f", cvv_recall);
    ck_assert_msg(precision >= 0.95, "precision %f", precision);
}
END_TEST

START_TEST(analyser_redaction_matches_pii_redact)
{
    /* the analyser passes its tokeniser's digit/'@'/password hints to the redactor: the
     * result must be byte-identical to the stand-alone function */
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    uint64_t state = 0x5eed;
    char msg[1024];
    static const char *const extra[] = {
        "@user mail me a.b@x.io", "x@y.co @z", "me @ home 4111111111111111",
        "http://a.b/4111111111111111 cvv 123", "+44 (20) 7946-0958", "PASSWORD IS Qwerty",
        "my passwd = tulip", "the supercalifragilistic passphrase: x1",
        /* digits read out: the tokeniser's hint must see what the bytes hold */
        "four-five-three-nine-one-four-eight-eight-zero-three-four-three-six-four-six-seven",
        "cvv: seven,eight,nine", "PIN ONE TWO THREE FOUR", "cvv four 5 six", "cvv treble four",
        "it's five o'clock, security code one",
        "call oh seven seven double oh nine double oh one two three",
        /* digits inside a face ("<333") count for the digit hint */
        "<333 cvv",
        /* a password's name inside a link, which is one token (fuzzer, twenty-fifth session) */
        "http:/passwd:o", "see http://x.com/login?user=jo&password=hunter2 thanks",
        "http://x.co/memorable word: tulip", "http://x.co/MAIDEN name is Smith",
        /* a letter outside ASCII, or a joiner after a letter, joins the name
         * into a longer word, as the tokeniser reads it (fuzzer) */
        "\xd7\xa9passwd is 9", "x\xe2\x80\x8dpassword is hunter2", "\xd7\xa9 passwd is 9",
        /* a date said in words: the month's name is the tokeniser's hint */
        "the fifth of March nineteen eighty two", "fifth of march-nineteen eighty two",
        "dob fifth of \xd7\xa9march nineteen eighty two", "dob fifth of march\xd7\xa9 1982",
        "dob fifth-march 1982", "date of birth: MARCH 5TH, 1982", "dob:march the fifth, 1982",
        "my password is Tulip. my ni number is ab123456c", "four five: my ni number is ab123456c",
        "fifth of march, ni number ab123456c", "password x. passport ab1234567 AB1234567",
        "my account no. is 12345678",
        /* a password's name, an address's or a name's in a mention's handle */
        "@x_password is Sunflower", "@jo_name is Ann", "@x_street 12 Baker Street",
        /* a number after a handle's '_': the digit hint sees a handle's
         * figures (fuzzer, thirty-third session) */
        "@x55p5_5555555555", "@jo_07700900123 call me", "see https://x.co/address is 4 Mill Lane",
        "#name is Ann", "name\xd7\xa9 is Ann", "\xd7\xa9name is Ann", "12 Baker \xd7\xa9Street",
        "12 Baker Street\xd7\xa9", "my name's Ann", "my name\xe2\x80\x99s Ann",
        "I live at 4 mill view",
        /* a given name as the tokeniser reads the word: a joiner, a mark or a
         * letter outside ASCII goes on with it, "n't" joins it, a link, a
         * handle and a hashtag hide it, an elongation is read back */
        "Sarah\xe2\x80\x8bx said hi", "Sarah\xcc\x81 said hi", "Sarah\xd7\xa9 said", "Ethan't",
        "Ethan\xe2\x80\x99t go", "Saraaah said", "#Sarah said", "@x_Sarah said",
        "www.sarah.com said", "sarah.jones@x.com", "priya", "Priya's 12 cards",
        "Priya\xe2\x80\x94ok", "my name is Priya Sharma", "Dear Priya, thanks",
        "graham ellis 4111111111111111",
        /* without a figure only a person's name or a secret is read after its
         * name, and the analyser looks only then: each such name */
        "my passcode is tulip", "passphrase: tulip", "passwd is tulip", "maiden name is Okafor",
        "memorable word is tulip", "forename: Ana", "surname is Okafor", "Mx Okafor", "Mr Okafor",
        "Regards, Ana", "yours faithfully\nAna Okafor", "sincerely, ANA", "MRS OKAFOR", "Ms Okafor",
        "jo dot doe at gmail dot com", "my address is Mill Lane", "I live at Mill Lane",
        "postcode is SW one", "Baker Street",
        /* a name an opening greets or introduces: the analyser tells it from
         * its first tokens (opening_hint()), the longest reach and the words
         * outside its lexicon among them */
        "Hi Ana", "Hiya Ana", "Hello Ana", "Hey Ana", "hey ANA,", "  hey Ana,", "@x Hi Ana",
        "Hi\nAna", "Hi,Ana", "thanks, Ana", "Thank you Ana", "Thanksgiving Ana", "Good morning Ana",
        "Good evening Mrs Okafor", "Cheers Ana", "Bye Ana", "Goodbye Ana", "Morning Ana",
        "Afternoon Ana", "Dear Ana", "Hi O'Ana", "Hi Ana-Mae", "its Ana here", "It is Ana from IT",
        "Good morning everyone, it's Ana from billing",
        "Good morning everyone, it\xe2\x80\x99s Mrs Okafor here",
        "Good afternoon all, this is Ana Lopez calling", "Hello there! This is Ana.",
        "Ana speaking", "Ana speaking.", "Ana speaking please", "Ana  speaking",
        "Zo\xc3\xab speaking", "Frankly speaking.", "Ana Lopez speaking", "Hi Ana speaking",
        /* thanks to a name anywhere: a word of thanks, then the name or "you" and it */
        "ok thanks Ana", "ok thank you Ana", "ok thank you, Ana.", "ok thankyou Ana", "ok thx Ana",
        "ok cheers Ana", "ok thanks\nAna", "ok thanks,Ana", "ok thanks  Ana",
        "ok thanks, Ana Lopez", "ok thanks, Ana lopez", "@x_thanks Ana", "#thanks Ana",
        "ok thanks O'Ana", "ok thanks Zo\xc3\xab",
        /* a name at the end after a comma: its last token or two in Title Case
         * after one with a comma */
        "ok, Ana", "ok, Ana.", "ok, Ana Lopez!?", "ok, Ana\n", "ok,Ana", "ok , Ana", "ok,  Ana",
        "ok, Ana lopez", "ok, ana Lopez", "it's, Ana", "x.com, Ana", "#ok, Ana", "OK, Ana",
        "ok, AnA", "ok, Ana :)", "ok, Zo\xc3\xab", "ok, O'Ana", "ok, Ana-Mae", "sooo, Ana",
        "ok\n, Ana",
        /* a person spoken to: a contact word, "to" or "with", a word in Title Case */
        "I spoke to Ana", "I spoke  to Ana", "I spoke to  Ana", "I spoke to\nAna",
        "spoke with Ana.", "I spoken to Mrs Okafor", "chatted with Zo\xc3\xab",
        "transferred to O'Ana", "spoke to ana", "I spoke, to Ana", "@spoke to Ana", "#spoke to Ana",
        "I SPOKE TO Ana", "we spoke on Ana", "I talked to Ana", "I talked with Ana",
        /* a person's word and a name right after it or one further: the
         * tokeniser's tag on the word (person_hint()) */
        "my husband Ana", "my husband  Ana", "my husband\nAna", "my husband, Ana", "my HUSBAND Ana",
        "my Husband Ana", "#husband Ana", "@husband Ana", "ex-husband Ana", "husbands Ana",
        "my husband's Ana", "a lady called Ana", "a lady  called Ana", "a lady called  Ana",
        "a lady named O'Ana", "an agent called Ana", "an agent Ana", "my son called Ana",
        "someone Ana", "a guy called\nAna", "the rep Zo\xc3\xab",
        /* a closing, then a name and maybe a role */
        "Best wishes, Ana", "wishes. Ana", "Regards, Ana, Customer Care", "thanks, Ana (Care Team)",
        "thanks, Ana \xe2\x80\x94 hi",
        /* a postcode with two figures: its inward code after a space, before
         * no letter or figure (has_digits(), inward_code_at()) */
        "to SE1 7PB", "SE1 7PB!", "SE1 7PB\n", "SE1 7PB\xc3\xa9", "SE1 7PBx", "SE1  7PB",
        "SE1\n7PB", "@SE1 7PB", "#SE1 7PB", "SE1 7PB 1", "x 1AB N1 9GU", "0123456789abcdef N1 9GU",
        "to D02 XKPY", "to D02 XK1Y", "T2P 1J9", "t2p 1J9",
        /* an IBAN's shape with no figure past its check digits (fuzzer,
         * thirty-second session): none, as the digit hint counts on */
        ":NO73inutszozoue)", "NO73 inut szoz oue",
        /* a name at the place staff work at: the preposition two to four
         * tokens before the place, a capital among the three before it */
        "Ana at the desk", "Ana at the front desk", "Ana at the big front desk",
        "Ana at the very big front desk", "Ana-maria at the desk", "Ana-maria-jo at the desk",
        "O'Ana at the desk", "We're at the desk", "ANA at the desk", "Ana Lopez-diaz in your team",
        "Mr. Ana at the desk", "Zo\xc3\xab at the desk", "Ana  at  the  desk", "Ana at the\ndesk",
        "@Ana at the desk", "Ana, at the desk", "Ana at the desks"};
    size_t n_extra = sizeof extra / sizeof extra[0];
    for (size_t i = 0; i < 3000; i++) {
        uint32_t planted[NLP_PII_KIND_COUNT];
        size_t len;
        if (i < n_extra) {
            len = strlen(extra[i]);
            memcpy(msg, extra[i], len + 1);
        } else {
            len = bench_pii_message(&state, msg, sizeof msg, planted);
        }
        nlp_result r;
        ck_assert_int_eq(nlp_analyzer_analyze(an, msg, len, NLP_ROLE_CUSTOMER, &r), RP_OK);
        int n = nlp_pii_redact(msg, len, out, sizeof out, NULL, NULL);
        ck_assert_int_eq((int)r.pii, n);
        ck_assert_str_eq(nlp_analyzer_redacted(an, NULL), out);
    }
    nlp_analyzer_destroy(&an);
}
END_TEST

Suite *nlp_pii_suite(void)
{
    Suite *s = suite_create("nlp_pii");
    TCase *tc = tcase_create("redact");
    tcase_add_test(tc, word_lists_in_order);
    tcase_add_test(tc, luhn_check);
    tcase_add_test(tc, cards_luhn_valid_only);
    tcase_add_test(tc, cvv_only_in_context);
    tcase_add_test(tc, email_phone_ids);
    tcase_add_test(tc, bank_details_pins_and_birth_dates);
    tcase_add_test(tc, dates_of_birth_said_and_answered);
    tcase_add_test(tc, more_national_ids_and_documents);
    tcase_add_test(tc, addresses_and_names);
    tcase_add_test(tc, greeted_and_introduced_names);
    tcase_add_test(tc, names_after_person_words);
    tcase_add_test(tc, given_names_alone);
    tcase_add_test(tc, signoffs_with_a_role);
    tcase_add_test(tc, bare_postcodes);
    tcase_add_test(tc, names_at_their_workplace);
    tcase_add_test(tc, bad_arguments_and_counts);
    tcase_add_test(tc, digits_read_out);
    tcase_add_test(tc, hints_change_no_span);
    tcase_add_test(tc, generated_corpus_recall_and_precision);
    tcase_add_test(tc, analyser_redaction_matches_pii_redact);
    suite_add_tcase(s, tc);
    return s;
}
