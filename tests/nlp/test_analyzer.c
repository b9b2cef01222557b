/* tests/nlp/test_analyzer.c - the issue's must-pass cases and hand-made cases
 * for every output of nlp_analyzer_analyze(). */
#include <string.h>

#include "nlp/analyzer.h"
#include "nlp/analyzer_ref.h"
#include "nlp/lexicon.h"
#include "suites.h"

static nlp_analyzer *an;

static void setup(void)
{
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
}

static void teardown(void)
{
    nlp_analyzer_destroy(&an);
}

static nlp_result run(const char *text, nlp_role role)
{
    nlp_result r;
    ck_assert_int_eq(nlp_analyzer_analyze(an, text, strlen(text), role, &r), RP_OK);
    return r;
}

static nlp_result cust(const char *text)
{
    return run(text, NLP_ROLE_CUSTOMER);
}

static nlp_result agent(const char *text)
{
    return run(text, NLP_ROLE_AGENT);
}

static float complaint_of(const nlp_result *r)
{
    return r->complaint;
}

static float escalation_of(const nlp_result *r)
{
    return r->escalation;
}

static float sarcasm_of(const nlp_result *r)
{
    return r->sarcasm;
}

static float anger_of(const nlp_result *r)
{
    return r->emotions[NLP_EMO_ANGER];
}

static float pause_of(const nlp_result *r)
{
    return r->pause_request;
}

static float tone_deaf_of(const nlp_result *r)
{
    return r->tone_deaf;
}

static float empathy_of(const nlp_result *r)
{
    return r->empathy;
}

/* Every text in texts, analysed in role, scores at least 0.5 on score (yes)
 * or below it (!yes). */
static void expect_scores(const char *const *texts, size_t n, nlp_role role,
                          float (*score)(const nlp_result *), const char *name, bool yes)
{
    for (size_t i = 0; i < n; i++) {
        nlp_result r = run(texts[i], role);
        float v = score(&r);
        ck_assert_msg((v >= 0.5f) == yes, "%s: %s %f", texts[i], name, (double)v);
    }
}
#define EXPECT(texts, score, yes)                                                                  \
    expect_scores(texts, sizeof texts / sizeof texts[0], NLP_ROLE_CUSTOMER, score, #score, yes)
#define EXPECT_AGENT(texts, score, yes)                                                            \
    expect_scores(texts, sizeof texts / sizeof texts[0], NLP_ROLE_AGENT, score, #score, yes)

/* Every customer text in texts escalates (>= 0.5) as type. */
static void expect_escalation_type(const char *const *texts, size_t n, nlp_escalation_type type)
{
    for (size_t i = 0; i < n; i++) {
        nlp_result r = cust(texts[i]);
        ck_assert_msg(r.escalation >= 0.5f && r.escalation_type == type, "%s: %f as %d, want %d",
                      texts[i], (double)r.escalation, (int)r.escalation_type, (int)type);
    }
}
#define EXPECT_TYPE(texts, type) expect_escalation_type(texts, sizeof texts / sizeof texts[0], type)

/* Every text in texts, analysed in role, is one the rules leave below 0.5 on
 * score (model's input rule_in, the rules' own score, kept for the trainer)
 * and the model lifts to 0.5 or more (adds), or one the rules score 0.5 or
 * more and the model takes back below 0.5 (!adds). */
static void expect_model_moves(const char *const *texts, size_t n, nlp_role role, int model,
                               int rule_in, float (*score)(const nlp_result *), bool adds)
{
    nlp_analyzer_keep_model_inputs(an, true);
    for (size_t i = 0; i < n; i++) {
        nlp_result r = run(texts[i], role);
        int32_t ids[64];
        size_t n_ids = 0;
        const float *in = nlp_analyzer_model_inputs(an, model, ids, 64, &n_ids);
        ck_assert_msg((in[rule_in] < 0.5f) == adds && (score(&r) >= 0.5f) == adds,
                      "%s: rules %f, with the model %f", texts[i], (double)in[rule_in],
                      (double)score(&r));
    }
    nlp_analyzer_keep_model_inputs(an, false);
}
#define EXPECT_MODEL_ADDS(texts, role, model, rule_in, score)                                      \
    expect_model_moves(texts, sizeof texts / sizeof texts[0], role, model, rule_in, score, true)
#define EXPECT_MODEL_TAKES_BACK(texts, role, model, rule_in, score)                                \
    expect_model_moves(texts, sizeof texts / sizeof texts[0], role, model, rule_in, score, false)

/* A customer text whose valence lies strictly between lo and hi. */
typedef struct valence_case {
    const char *text;
    float lo, hi;
} valence_case;

static void expect_valence(const valence_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        float v = cust(cases[i].text).valence;
        ck_assert_msg(v > cases[i].lo && v < cases[i].hi, "%s: valence %f, want (%f, %f)",
                      cases[i].text, (double)v, (double)cases[i].lo, (double)cases[i].hi);
    }
}
#define EXPECT_VALENCE(cases) expect_valence(cases, sizeof cases / sizeof cases[0])

/* Sarcastic texts are sarcasm (>= 0.5) and never praise (valence <= 0); sincere
 * ones are no sarcasm and read as praise (valence > 0.2). */
static void expect_sarcasm(const char *const *texts, size_t n, bool sarcastic)
{
    for (size_t i = 0; i < n; i++) {
        nlp_result r = cust(texts[i]);
        bool ok = sarcastic ? r.sarcasm >= 0.5f && r.valence <= 0.0f
                            : r.sarcasm < 0.5f && r.valence > 0.2f;
        ck_assert_msg(ok, "%s: sarcasm %f valence %f", texts[i], (double)r.sarcasm,
                      (double)r.valence);
    }
}
#define EXPECT_SARCASM(texts, yes) expect_sarcasm(texts, sizeof texts / sizeof texts[0], yes)

/* ---- the issue's first paragraph ---- */

START_TEST(sarcastic_thanks_is_not_praise)
{
    nlp_result r = cust("Oh great, thanks a lot.");
    ck_assert_float_le(r.valence, 0.0f);
    ck_assert_float_ge(r.sarcasm, 0.5f);
    ck_assert_float_lt(r.emotions[NLP_EMO_GRATITUDE], 0.5f);
    /* thanks for nothing is never sincere: clearly negative (was -0.05;
     * twenty-seventh session) */
    static const char *const nothing[] = {"Thanks for nothing", "Cheers for nothing mate",
                                          "thank you for absolutely nothing"};
    for (size_t i = 0; i < sizeof nothing / sizeof nothing[0]; i++) {
        r = cust(nothing[i]);
        ck_assert_msg(r.sarcasm >= 0.7f && r.valence < -0.1f, "%s: sarcasm %f valence %f",
                      nothing[i], (double)r.sarcasm, (double)r.valence);
    }
}
END_TEST

START_TEST(manager_now_is_negative_human_request)
{
    nlp_result r = cust("I want to speak to your manager NOW!!!");
    ck_assert_float_lt(r.valence, -0.2f);
    ck_assert_float_ge(r.escalation, 0.5f);
    ck_assert_int_eq(r.escalation_type, NLP_ESC_HUMAN_REQUEST);
}
END_TEST

START_TEST(agent_acknowledging_frustration_is_empathy)
{
    nlp_result r = agent("I understand how frustrating this must be.");
    ck_assert_float_ge(r.empathy, 0.7f);
    ck_assert_float_ge(r.valence, 0.0f);
    ck_assert_float_lt(r.tone_deaf, 0.5f);
}
END_TEST

/* ---- valence and its rules ---- */

START_TEST(valence_sign_and_range)
{
    nlp_result pos = cust("The agent was wonderful and really helpful.");
    nlp_result neg = cust("This is the worst, most useless app ever.");
    nlp_result neu = cust("My order number is on the invoice.");
    ck_assert_float_gt(pos.valence, 0.5f);
    ck_assert_float_lt(neg.valence, -0.5f);
    ck_assert_float_lt(neu.valence, 0.25f);
    ck_assert_float_gt(neu.valence, -0.25f);
    ck_assert_float_le(pos.valence, 1.0f);
    ck_assert_float_ge(neg.valence, -1.0f);
}
END_TEST

START_TEST(negation_flips_and_softens)
{
    ck_assert_float_lt(cust("The service was not good.").valence, 0.0f);
    ck_assert_float_gt(cust("The service was not bad.").valence, 0.0f);
    ck_assert_float_lt(cust("It isn't helpful at all").valence, 0.0f);
    /* negation does not cross a sentence end, nor a comma */
    ck_assert_float_gt(cust("I did not call. The fix was great.").valence, 0.3f);
    ck_assert_float_gt(cust("No, it's great.").valence, 0.3f);
    /* a "no" that answers, then a clause, negates nothing in it (ninth session) */
    ck_assert_float_gt(cust("No this is great, thanks").valence, 0.3f);
    ck_assert_float_ge(cust("no the app is still broken").complaint, 0.5f);
    ck_assert_float_ge(cust("no no no that's not what i asked for").complaint, 0.5f);
    ck_assert_float_lt(cust("no refund yet").valence, 0.0f);
    /* a bare "no" answers; it is no grievance */
    ck_assert_float_eq(cust("No.").valence, 0.0f);
    ck_assert_float_lt(cust("no").complaint, 0.5f);
    /* "still not" goes on negating: "still not happy" was positive */
    ck_assert_float_lt(cust("I appreciate your help but I'm still not happy").valence, 0.0f);
    ck_assert_float_ge(cust("I appreciate your help but I'm still not happy").complaint, 0.5f);
    ck_assert_float_gt(cust("It was not cheap, the fit is great").valence, 0.2f);
    /* nor a person starting a new clause after the negated word, as speech
     * transcripts run on without commas; before it, the person is inside */
    ck_assert_float_gt(cust("not bad i love it").valence, 0.3f);
    ck_assert_float_lt(cust("i dont think i like it").valence, 0.0f);
    /* a negated "stop" asserts what follows */
    ck_assert_float_gt(cust("I can't stop smiling").valence, 0.2f);
    /* disbelief is emphasis: the words after it keep their sign */
    ck_assert_float_lt(cust("I can't believe how rude your staff were").valence, -0.3f);
    ck_assert_float_ge(cust("I cannot believe you charged me twice").complaint, 0.5f);
    ck_assert_float_gt(cust("I can't believe how helpful you've been").valence, 0.3f);
    ck_assert_float_lt(cust("The app won't stop crashing").valence, -0.2f);
    /* a sentence that only denies the one before negates its praise
     * (seventeenth session); one that says more does not */
    ck_assert_float_lt(cust("The film wants to be funny. It isn't.").valence, 0.0f);
    ck_assert_float_lt(cust("It got fixed. It still hasn't").valence, 0.0f);
    ck_assert_float_gt(cust("It works great. It isn't broken.").valence, 0.2f);
    static const valence_case more[] = {
        /* an absence ("no", "never", "zero") ends at "and" once it has negated
         * a word; "not" reaches on */
        {"no leaks and great flavour", 0.3f, 1.0f},
        {"zero leaks and great flavour", 0.3f, 1.0f},
        {"never late and always friendly", 0.1f, 1.0f},
        {"zero help from support", -1.0f, -0.1f},
        {"not fast and reliable", -1.0f, 0.0f},
        /* "least" denies its word; "at least" concedes */
        {"my least favorite", -1.0f, 0.0f},
        {"at least it works", 0.1f, 1.0f},
        /* nobody and nothing negate what they do */
        {"nobody helped me", -1.0f, 0.0f},
        {"no one loves me", -1.0f, -0.1f},
        {"no one was hurt", 0.0f, 1.0f},
        {"nothing bad happened", 0.0f, 1.0f},
        {"nothing works", -1.0f, 0.0f},
        /* "no longer" negates what follows; reassurance is praise */
        {"it no longer works", -1.0f, 0.0f},
        {"practise until it no longer scares you", 0.0f, 1.0f},
        {"No worries.", 0.1f, 1.0f},
        {"no matter what happens", -0.1f, 0.1f},
    };
    EXPECT_VALENCE(more);
    /* ... and none of these is a complaint; "nothing but" is only */
    static const char *const no_complaint[] = {
        "no leaks and great flavour",
        "no one was hurt",
        "Nothing to complain about, do you ship to Norway?",
        /* a ticket named by its number */
        "I'm calling about issue number 4521, just an update please",
    };
    EXPECT(no_complaint, complaint_of, false);
    static const char *const complaint[] = {
        "nothing but excuses from @virgin",
        "nobody's called me back in a month",
    };
    EXPECT(complaint, complaint_of, true);
    /* fifth session (bench/nlp/dev/complaints3_dev.tsv): plain faults, and
     * the customer's own doing or a how-to question */
    static const char *const faults[] = {
        "@StayWellHotels room 214 had hair in the shower and a used cup on the side",
        "found a piece of metal in my wrap @KwikBurgerUK",
        "@BrightEnergyUK direct debit up from £90 to £155 with 2 days notice",
        "router's been flashing orange since Sunday @FibreNetHelp",
    };
    EXPECT(faults, complaint_of, true);
    static const char *const not_faults[] = {
        "I typed my postcode wrong at checkout @SwiftParcelUK can you redirect it?",
        "rain AGAIN in Leeds. not your fault @NorthernRailz, just needed to tell someone",
        "Hi @HalstonBank, how do I set up a standing order in the app?",
        "@UrbanThreadsHQ where's my nearest store to Guildford?",
        "@TalkwaveUK is there a way to block spam calls?",
        "thank you @HalstonBank for spotting that dodgy transaction before I did! all sorted",
        "@HalstonBank will the app be down for maintenance this weekend?",
    };
    EXPECT(not_faults, complaint_of, false);
    ck_assert_float_ge(cust("@KLM paid for seat selection and you moved me anyway").complaint,
                       0.5f);
    ck_assert_float_lt(
        cust("thank you @HalstonBank for spotting that dodgy transaction before I did! all sorted")
            .sarcasm,
        0.5f);
    /* idioms that read the wrong way round word by word */
    static const char *const idioms[] = {
        "I can't see anything wrong with this message",
        "This is the day we've been waiting for!",
        "i died laughing",
        "can't fault the service",
        "it doesn't get any better than this",
        "can't recommend it enough",
        "this film should not be missed",
        "canon never fails to amaze",
        "you can't go wrong",
    };
    for (size_t i = 0; i < sizeof idioms / sizeof idioms[0]; i++) {
        nlp_result r = cust(idioms[i]);
        ck_assert_msg(r.valence > 0.2f && r.complaint < 0.5f, "%s: valence %f complaint %f",
                      idioms[i], (double)r.valence, (double)r.complaint);
    }
    ck_assert_float_ge(cust("I've been waiting for this parcel for 3 weeks").complaint, 0.5f);
    ck_assert_float_lt(cust("not good enough").valence, -0.2f);
    ck_assert_float_lt(cust("i'd recommend against this unit").valence, -0.2f);
    /* an outcome avoided is good news; a warning to avoid is not */
    ck_assert_float_gt(cust("Thankfully avoided the chaos downtown").valence, 0.2f);
    ck_assert_float_lt(cust("avoided the traffic").complaint, 0.5f);
    ck_assert_float_ge(cust("avoided the traffic").valence, 0.0f);
    ck_assert_float_lt(cust("avoid this terrible company").valence, -0.3f);
    ck_assert_float_gt(cust("fewer whales will die").valence, 0.0f);
    ck_assert_float_gt(cust("the new rules would save lives").valence, 0.3f);
    ck_assert_float_gt(cust("Glee is the shit").valence, 0.3f);
}
END_TEST

START_TEST(long_sums_are_damped)
{
    /* one strong word is about as strong as before the length rule ... */
    ck_assert_float_gt(cust("Excellent.").valence, 0.5f);
    /* ... many mild words together do not make a message extreme */
    float many = cust("nice, fine, pleasant, good, cool, sweet, decent, neat").valence;
    ck_assert_float_gt(many, 0.5f);
    ck_assert_float_lt(many, 0.9f);
}
END_TEST

START_TEST(weak_sarcasm_is_not_praise)
{
    /* one weak frame (praise beside a bad situation): sarcasm; the praise
     * stops counting, so the rest of the message decides, never above 0 */
    nlp_result r = cust("Great, stuck in traffic again!");
    ck_assert_float_ge(r.sarcasm, 0.5f);
    ck_assert_float_lt(r.valence, 0.0f);
    ck_assert_float_ge(cust("great, monday again").sarcasm, 0.5f);
    ck_assert_float_ge(cust("wonderful, my ice cream fell on the pavement").sarcasm, 0.5f);
    /* sincere praise is not made sarcastic by "still" (a complaint word, no
     * fault), by "!" beside a bad situation, by a cheering opener, or by a
     * frame in an earlier sentence */
    static const char *const sincere[] = {
        "I'm also happy you're still here!!",
        "Your cat is the best thing I've read all day!",
        "Excellent! Maybe mine will come Monday",
    };
    EXPECT_SARCASM(sincere, false);
    ck_assert_float_lt(
        cust("Of course you can. Wear a racist T-shirt and see what happens.").sarcasm, 0.5f);
    /* the sincere forms of mocking cues, and warm closers after hard words */
    static const char *const warm[] = {
        "Just what I needed to hear today! Thanks!",
        "Thank you! Much appreciated, as promised.",
        "This helped me when I was in my worst mental state. I'm glad",
        "Feeling this so hard right now. Virtual hug.",
    };
    EXPECT(warm, sarcasm_of, false);
    ck_assert_float_gt(cust("Just what I needed to hear today! Thanks!").valence, 0.3f);
    ck_assert_float_gt(cust("Thank you! Much appreciated, as promised.").valence, 0.3f);
    ck_assert_float_ge(cust("Just what I needed, another delayed flight").sarcasm, 0.5f);
    ck_assert_float_gt(cust("I'm also happy you're still here!!").valence, 0.3f);
}
END_TEST

START_TEST(mocking_closers_and_everyday_faults)
{
    /* a closer that mocks on its own, praise after a plain fault, a frame
     * before a situation nobody enjoys */
    static const char *const mocking[] = {
        "sunday night dread hitting right on schedule, love that for me",
        "they raised the price again and added ads. what a bargain",
        "I simply adore stepping on lego at 2am",
        "3 hours on hold and then they hung up. best customer service ever",
        "cool cool cool, the landlord is raising rent again and still won't fix the mould",
        "can't wait to spend another lunch break on hold",
        "really appreciate the 10 minute unskippable ad before a 30 second video",
        "great, the one day I wear white it's spaghetti for lunch",
        /* sarcasm3_dev: mock applause and mocking cues without the stock templates */
        "Round of applause for the bank that blocked my card abroad straight after I told them "
        "I was travelling.",
        "Sure, I'll just wait in all day again. It's not like I have a job or anything.",
        "Fabulous to see my loyalty rewarded with a price rise letter on Christmas Eve.",
    };
    EXPECT_SARCASM(mocking, true);
    static const char *const sincere[] = {
        "great value, what a bargain",
        "I simply adore my new sofa, thank you",
        "can't wait to see you all on friday",
        "I really appreciate the hard work you guys do",
        "A round of applause for the nurses who looked after my dad, they were wonderful.",
    };
    EXPECT_SARCASM(sincere, false);
    /* the same faults told plainly are complaints */
    ck_assert_float_ge(cust("my tea was lukewarm").complaint, 0.5f);
    ck_assert_float_ge(cust("they raised the price again").complaint, 0.5f);
    ck_assert_float_ge(cust("the call dropped twice").complaint, 0.5f);
    ck_assert_float_ge(cust("there is black mould in the bathroom").complaint, 0.5f);
}
END_TEST

START_TEST(intensifier_dampener_caps_exclamation_elongation)
{
    /* a word with a valence of its own that intensifies a word of the other
     * sign is only emphasis; alone it keeps its own */
    ck_assert_float_lt(cust("super dumb").valence, -0.3f);
    ck_assert_float_gt(cust("damn good").valence, 0.3f);
    ck_assert_float_gt(cust("crazy good").valence, 0.3f);
    ck_assert_float_gt(cust("fucking amazing").valence, 0.5f);
    ck_assert_float_lt(cust("fucking amazing").emotions[NLP_EMO_ANGER], 0.3f);
    ck_assert_float_gt(cust("super").valence, 0.3f);
    ck_assert_float_gt(cust("fucking awful").emotions[NLP_EMO_ANGER], 0.5f);
    float base = cust("the delivery was good").valence;
    ck_assert_float_gt(cust("the delivery was very good").valence, base);
    ck_assert_float_lt(cust("the delivery was kind of good").valence, base);
    ck_assert_float_gt(cust("the delivery was GOOD").valence, base);
    ck_assert_float_gt(cust("the delivery was good!!!").valence, base);
    ck_assert_float_gt(cust("the delivery was goooood").valence, base);
    ck_assert_float_gt(cust("the delivery was sooo good").valence, base);
}
END_TEST

START_TEST(contrast_weights_the_second_clause)
{
    ck_assert_float_lt(cust("The staff were nice but the app is terrible.").valence, -0.2f);
    ck_assert_float_gt(cust("The app is terrible but the staff were wonderful.").valence, 0.2f);
    ck_assert_float_gt(cust("Although the wait was annoying, the fix was excellent.").valence,
                       0.2f);
}
END_TEST

START_TEST(contractions_emoji_and_emoticons)
{
    ck_assert_float_lt(cust("I don't like it").valence, 0.0f);
    ck_assert_float_lt(cust("I don\xE2\x80\x99t like it").valence, 0.0f);
    ck_assert_float_gt(cust("got it \xF0\x9F\x98\x8D").valence, 0.3f);
    ck_assert_float_lt(cust("got it \xF0\x9F\x98\xA1").valence, -0.3f);
    ck_assert_float_gt(cust("thanks :)").valence, 0.3f);
    ck_assert_float_lt(cust("no reply :(").valence, -0.3f);
    /* case folding beyond ASCII: full-width and accented letters */
    ck_assert_float_gt(cust("\xEF\xBC\xA7\xEF\xBC\xAF\xEF\xBC\xAF\xEF\xBC\xA4").valence, 0.2f);
    /* "ill" typed for "I'll" opening a clause is no sickness, and says what the
     * customer will do; "ill" after a verb or before "health" is */
    ck_assert_float_eq(cust("ill be there at 5").valence, 0.0f);
    ck_assert_float_eq(cust("cancel it and ill reorder").valence, 0.0f);
    ck_assert_float_lt(cust("the kids are ill").valence, -0.1f);
    ck_assert_float_lt(cust("Ill health forced me to move").valence, -0.1f);
    nlp_result r = cust("ill be telling everyone how you treat people");
    ck_assert_msg(r.escalation >= 0.5f && r.escalation_type == NLP_ESC_PUBLIC, "%f %s",
                  (double)r.escalation, nlp_escalation_type_name(r.escalation_type));
}
END_TEST

START_TEST(excess_too_names_a_fault)
{
    /* "too" + a word that is not praise is an excess */
    ck_assert_float_lt(cust("The film was too long.").valence, -0.1f);
    ck_assert_float_lt(cust("the box is too small for the cable").valence, -0.1f);
    /* "not too long" is mildly good; praise stays praise; "me too" is no excess */
    ck_assert_float_gt(cust("The queue was not too long.").valence, 0.0f);
    ck_assert_float_gt(cust("This is too cute").valence, 0.3f);
    ck_assert_float_eq(cust("me too.").valence, 0.0f);
    ck_assert_float_lt(cust("the wait was too bad").valence, cust("the wait was bad").valence);
}
END_TEST

START_TEST(counterfactual_praise_is_not_praise)
{
    /* what could or should have been good was not */
    ck_assert_float_lt(cust("It could have been great.").valence, 0.0f);
    ck_assert_float_lt(cust("the update should've been better").valence, 0.0f);
    ck_assert_float_gt(cust("It has been great.").valence, 0.3f);
}
END_TEST

START_TEST(repeated_emoticon_mouth_is_stronger)
{
    ck_assert_float_gt(cust("thanks :)))").valence, cust("thanks :)").valence);
    ck_assert_float_lt(cust("no reply =(((").valence, cust("no reply =(").valence);
    ck_assert_float_gt(cust("done :DDD").valence, 0.3f);
    /* a phrase written "thats ..." also matches "that's ..." */
    ck_assert_float_gt(cust("That's the spirit!").valence, 0.3f);
    ck_assert_float_gt(cust("Where's my parcel?").complaint, 0.5f);
    /* an HTML-escaped heart, as tweets often arrive */
    ck_assert_float_gt(cust("see you soon &lt;3").valence, 0.3f);
}
END_TEST

START_TEST(question_is_weaker_than_statement)
{
    ck_assert_float_lt(cust("Is the new plan good?").valence,
                       cust("The new plan is good.").valence);
}
END_TEST

/* ---- emotions ---- */

START_TEST(each_emotion_fires_on_its_own_case)
{
    static const struct {
        const char *text;
        nlp_emotion e;
    } cases[] = {
        {"I am absolutely furious, this is outrageous!", NLP_EMO_ANGER},
        {"Ugh, so annoying, I'm fed up with this.", NLP_EMO_ANNOYANCE},
        {"I'm really worried my payment won't go through, I'm scared.", NLP_EMO_ANXIETY},
        {"I'm confused, I don't understand what this charge is?", NLP_EMO_CONFUSION},
        {"I'm heartbroken, my dog died and I feel so sad.", NLP_EMO_SADNESS},
        {"Thank you so much, I really appreciate your help!", NLP_EMO_GRATITUDE},
        {"Yay, I'm so happy and excited, this is wonderful!", NLP_EMO_JOY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nlp_result r = cust(cases[i].text);
        ck_assert_msg(r.emotions[cases[i].e] >= 0.5f, "%s: %s = %f", cases[i].text,
                      nlp_emotion_name(cases[i].e), (double)r.emotions[cases[i].e]);
        for (int k = 0; k < NLP_EMO_COUNT; k++) {
            ck_assert_float_ge(r.emotions[k], 0.0f);
            ck_assert_float_le(r.emotions[k], 1.0f);
        }
    }
    nlp_result calm = cust("Please send the invoice to my address.");
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        ck_assert_float_lt(calm.emotions[k], 0.5f);
    }
}
END_TEST

/* A phrase that holds a negator ("you didn't", "you couldn't even") denies
 * the praise after it, as the negator alone would; a fault after it stays a
 * fault, and the thanks it denies are none (twenty-fifth session). */
START_TEST(a_phrase_negator_denies_praise)
{
    nlp_result honour = cust("You didn't honour the discount.");
    ck_assert_float_lt(honour.valence, 0.0f);
    ck_assert_float_ge(honour.complaint, 0.5f);
    ck_assert(honour.why & NLP_WHY_NEGATION);
    ck_assert_float_lt(cust("You did not approve my refund.").valence, 0.0f);
    ck_assert_float_lt(cust("You couldn't even send the right size.").valence, 0.0f);
    nlp_result fix = cust("You didn't fix it.");
    ck_assert_float_lt(fix.valence, 0.0f);
    ck_assert_float_ge(fix.complaint, 0.5f);
    nlp_result thanks = cust("You didn't even say thank you.");
    ck_assert_float_lt(thanks.valence, 0.0f);
    ck_assert_float_lt(thanks.emotions[NLP_EMO_GRATITUDE], 0.5f);
    /* the denial ends with its clause */
    ck_assert_float_gt(cust("You didn't charge me twice, thanks for checking.").valence, 0.0f);
}
END_TEST

/* An agent's warm words are the agent's (twenty-sixth session): in a
 * customer's message they read as the customer means them, not as +0.4 of
 * warmth ("that's not on at all" was praise, "a rough time" no sadness), and
 * help or a fix that did not come is a fault. */
START_TEST(agents_warm_words_in_a_customers_mouth)
{
    ck_assert_float_lt(cust("how disappointing this is").valence, 0.0f);
    ck_assert_float_le(cust("that's not on at all").valence, 0.0f);
    nlp_result rough = cust("I'm going through a really rough time");
    ck_assert_float_lt(rough.valence, 0.0f);
    ck_assert_float_ge(rough.emotions[NLP_EMO_SADNESS], 0.5f);
    static const char *const faults[] = {"I've been more than patient",
                                         "this is not the experience I expected",
                                         "that didn't help",
                                         "they didn't solve anything",
                                         "You did not resolve anything",
                                         "nobody has fixed it"};
    EXPECT(faults, complaint_of, true);
    for (size_t i = 0; i < sizeof faults / sizeof faults[0]; i++) {
        ck_assert_msg(cust(faults[i]).valence < -0.1f, "%s", faults[i]);
    }
    /* a polite hedge is no hatred, the customer's own slip no fault */
    ck_assert_float_lt(cust("I'd hate to have to cancel").emotions[NLP_EMO_ANGER], 0.5f);
    ck_assert_float_lt(cust("sorry, our mistake, we booked the wrong date").complaint, 0.5f);
    /* and to the agent they are still empathy */
    static const char *const warm[] = {
        "that sounds like a rough time", "how disappointing this is",
        "I'm sorry you had to chase this", "that's not on at all, I'll sort it",
        /* staying with the customer until it is done */
        "I'm going to stay on the line until it's fixed", "I won't hang up until it's sorted",
        "you're in good hands, I'll take it from here"};
    EXPECT_AGENT(warm, empathy_of, true);
}
END_TEST

/* Leaving said in a few words counts only where its clause ends (lexicon tag
 * `end`): "I'm out of data" and "I'll be with you in a sec" were cancels of
 * 0.85 (twenty-sixth session); escalation asked in the passive, what was said
 * to a colleague before, and not being cared about. */
START_TEST(short_leaving_at_a_clause_end_and_more_escalations)
{
    static const char *const leaving[] = {
        "that's it, I'm out.", "if this isn't sorted today I'm switching", "I'm switching, goodbye",
        "I'm switching to another provider", "next month we'll be with someone else",
        "I'm leaving at the end of the month", "I'm off to Octopus, they've been brilliant",
        "honestly im just going to leave.",
        /* twenty-eighth session */
        "im out this is the last straw", "I'm out of here", "I'm done with this company",
        "honestly done with you lot"};
    EXPECT_TYPE(leaving, NLP_ESC_CANCEL);
    static const char *const staying[] = {"I'm out of data already",
                                          "I'm out of the country next week",
                                          "I'm off to work now, can you text me",
                                          "I'll be with you in a second",
                                          "I'm switching to direct debit",
                                          "I'll be with my daughter on Friday",
                                          "I'm going to leave it there, thanks",
                                          "I'm done with this form, what next?",
                                          "im out this weekend so deliver monday"};
    EXPECT(staying, escalation_of, false);
    static const char *const escalate[] = {"I want this escalated", "can this be escalated please",
                                           "this needs escalating",
                                           "I'd like my complaint escalated"};
    EXPECT_TYPE(escalate, NLP_ESC_HUMAN_REQUEST);
    ck_assert_int_eq(
        cust("as I said to your colleague last week the router is faulty").escalation_type,
        NLP_ESC_REPEAT_CONTACT);
    ck_assert_float_lt(cust("I said to the engineer it was fine").escalation, 0.5f);
    /* moving somewhere is mostly a move of house; with anger it is leaving, as
     * a review is going public */
    static const char *const moving[] = {
        "We're moving to Cardiff next month.",
        "um yeah im moving to another town is there a branch there",
        "the food was lovely, I'll leave a review"};
    EXPECT(moving, escalation_of, false);
    ck_assert_int_eq(cust("fed up, I'm moving to Sky").escalation_type, NLP_ESC_CANCEL);
    ck_assert_int_eq(cust("moving to EE, what's my account number for the port").escalation_type,
                     NLP_ESC_CANCEL);
    ck_assert_float_lt(cust("I'm not moving provider, I'm moving house, can the broadband come "
                            "with me?")
                           .escalation,
                       0.5f);
    ck_assert_int_eq(cust("this is disgusting, I'll leave a review").escalation_type,
                     NLP_ESC_PUBLIC);
    static const char *const uncared[] = {"you don't care about your customers",
                                          "your company doesn't care about its customers",
                                          "you couldn't care less"};
    EXPECT(uncared, complaint_of, true);
}
END_TEST

/* The emotion models (twenty-fifth session) read feelings told in words the
 * lexicon has no emotion for (each of these was under 0.5 before them), and
 * add nothing to a routine request. */
START_TEST(emotion_models_read_what_the_rules_miss)
{
    static const struct {
        const char *text;
        nlp_emotion e;
    } cases[] = {
        {"The surgery is on Monday and the hospital still hasn't had the insurance letter.",
         NLP_EMO_ANXIETY},
        {"My son is on the school trip abroad and his card has stopped working, he has no other "
         "money.",
         NLP_EMO_ANXIETY},
        {"We had to put our old dog down on Sunday, so please stop the pet insurance.",
         NLP_EMO_SADNESS},
        {"Nobody from my family could make it to the wedding in the end.", NLP_EMO_SADNESS},
        {"We just got the keys to our first home!!", NLP_EMO_JOY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nlp_result r = cust(cases[i].text);
        ck_assert_msg(r.emotions[cases[i].e] >= 0.5f && r.emotions[cases[i].e] <= 1.0f,
                      "%s: %s = %f", cases[i].text, nlp_emotion_name(cases[i].e),
                      (double)r.emotions[cases[i].e]);
        ck_assert(r.why & NLP_WHY_EMOTION_MODEL); /* the explanation says so */
    }
    static const char *const routine[] = {
        "Can you tell me your opening hours on Saturday?",
        "I'd like to update my address please.",
        "What's the balance on my account?",
    };
    for (size_t i = 0; i < sizeof routine / sizeof routine[0]; i++) {
        nlp_result r = cust(routine[i]);
        for (int k = 0; k < NLP_EMO_COUNT; k++) {
            ck_assert_msg(r.emotions[k] < 0.5f, "%s: %s = %f", routine[i],
                          nlp_emotion_name((nlp_emotion)k), (double)r.emotions[k]);
        }
        ck_assert(!(r.why & NLP_WHY_EMOTION_MODEL));
    }
    /* an agent's words are never read for emotion, whatever they say */
    nlp_result reply = agent("We had to put our old dog down on Sunday.");
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        ck_assert_float_eq(reply.emotions[k], 0.0f);
    }
}
END_TEST

/* The feelings customers show support (emotions_cc_dev): worry about a
 * consequence, doubt between two answers, loss told plainly; a death told
 * by a customer is sad whatever the words. */
START_TEST(customer_worry_doubt_and_loss)
{
    static const struct {
        const char *text;
        nlp_emotion e;
    } cases[] = {
        {"please tell me the payment went through, the deadline is midnight", NLP_EMO_ANXIETY},
        {"am I going to lose my deposit if I cancel now? i can't sleep", NLP_EMO_ANXIETY},
        {"her insulin is in that parcel and she runs out tomorrow", NLP_EMO_ANXIETY},
        {"her insulin is in that parcel and it still hasn't arrived", NLP_EMO_ANXIETY},
        {"is there any chance my claim gets rejected because I reported it late?", NLP_EMO_ANXIETY},
        {"the letter says 14 march and the app says 21 march, which one is it?", NLP_EMO_CONFUSION},
        {"I'm lost, two of your staff told me different things", NLP_EMO_CONFUSION},
        {"does the new tariff start from today or from my next bill?", NLP_EMO_CONFUSION},
        {"the engineer told me it's outside and the helpline told me it's inside",
         NLP_EMO_CONFUSION},
        {"I paid for seat 14A and my boarding pass says 22C, is that right?", NLP_EMO_CONFUSION},
        {"I was so looking forward to this and now nothing seems to work out", NLP_EMO_SADNESS},
        {"my husband passed last month and his name is still on the bill", NLP_EMO_SADNESS},
        {"it's the first christmas without her and the card came back", NLP_EMO_SADNESS},
        {"three transactions I didn't make on my card, is my money still there?", NLP_EMO_ANXIETY},
        {"the adoption match isn't going ahead, we'd already painted the bedroom", NLP_EMO_SADNESS},
        {"I didn't get the promotion. fifteen years with the company.", NLP_EMO_SADNESS},
        {"please cancel the vet plan for Milo, we had to say goodbye to him last night",
         NLP_EMO_SADNESS},
        {"Could you remove my wife's name from the energy bill please. I still set the table for "
         "two "
         "sometimes.",
         NLP_EMO_SADNESS},
        {"honestly you've saved me, i wouldn't have known what to do", NLP_EMO_GRATITUDE},
        {"oh that's so kind of you, ta", NLP_EMO_GRATITUDE},
        /* twenty-eighth session */
        {"Honestly you've been a star", NLP_EMO_GRATITUDE},
        {"thanks so much, I owe you one", NLP_EMO_GRATITUDE},
        {"you're an absolute diamond", NLP_EMO_GRATITUDE},
        {"my grandad is on oxygen at home and the power's just gone, how long is it going to be "
         "off",
         NLP_EMO_ANXIETY},
        {"got a text saying my account will be closed in 24 hrs unless I verify. is this real?",
         NLP_EMO_ANXIETY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nlp_result r = cust(cases[i].text);
        ck_assert_msg(r.emotions[cases[i].e] >= 0.5f, "%s: %s %f", cases[i].text,
                      nlp_emotion_name(cases[i].e), (double)r.emotions[cases[i].e]);
    }
    /* a passed test is no death; a question about terms is doubt without
     * displeasure; hope is no worry */
    ck_assert_float_lt(cust("my son passed his driving test yesterday").emotions[NLP_EMO_SADNESS],
                       0.5f);
    ck_assert_float_ge(cust("is the tracking number the same as the order number?").valence, 0.0f);
    ck_assert_float_ge(cust("funny and sad at the same time").valence,
                       cust("funny and sad").valence - 0.01f);
    ck_assert_float_lt(cust("hoping this works out okay").emotions[NLP_EMO_ANXIETY], 0.5f);
    /* a debt owed is no thanks (twenty-ninth session: "I owe you" was +2.2) */
    ck_assert_float_lt(cust("I owe you 3,400 and I can't pay it").emotions[NLP_EMO_GRATITUDE],
                       0.5f);
    ck_assert_float_lt(cust("I owe you 3,400 and I can't pay it").valence, 0.0f);
    ck_assert_float_le(cust("how much do I owe you?").valence, 0.05f);
    ck_assert_float_lt(cust("can you confirm my address please?").emotions[NLP_EMO_CONFUSION],
                       0.5f);
    ck_assert_float_lt(cust("she said she would call me back").emotions[NLP_EMO_CONFUSION], 0.5f);
    /* a fault reported is some irritation even in flat words; a request is none */
    ck_assert_float_ge(cust("the engineer never turned up").emotions[NLP_EMO_ANNOYANCE], 0.5f);
    ck_assert_float_lt(cust("please send me the invoice").emotions[NLP_EMO_ANNOYANCE], 0.5f);
    /* ... but a fault that frightens or saddens is worry, not irritation */
    nlp_result worried = cust("I'm so worried, my card was declined at the pharmacy and I need my "
                              "medication today");
    ck_assert_float_ge(worried.emotions[NLP_EMO_ANXIETY], 0.5f);
    ck_assert_float_lt(worried.emotions[NLP_EMO_ANNOYANCE], 0.5f);
    ck_assert_float_ge(worried.complaint, 0.5f);
    /* delight in plain words, and a clearly glad message has some joy without one */
    ck_assert_float_ge(
        cust("Booked my first holiday abroad at 67. Over the moon.").emotions[NLP_EMO_JOY], 0.5f);
    ck_assert_float_ge(cust("the claim's approved, such a weight off").emotions[NLP_EMO_JOY], 0.5f);
    ck_assert_float_gt(cust("The garden furniture looks even better than the pictures, gorgeous")
                           .emotions[NLP_EMO_JOY],
                       0.4f);
}
END_TEST

/* ---- complaint ---- */

START_TEST(hostility_and_strong_irritation_read_as_anger)
{
    /* commands to go away, "the hell" questions, anger words */
    ck_assert_float_ge(cust("Get out. And take your facts with you.").emotions[NLP_EMO_ANGER],
                       0.5f);
    ck_assert_float_ge(cust("who the hell does that").emotions[NLP_EMO_ANGER], 0.5f);
    ck_assert_float_ge(cust("I want revenge for this").emotions[NLP_EMO_ANGER], 0.5f);
    /* scornful questions put to the agent (ninth session) */
    ck_assert_float_ge(cust("can you not read").emotions[NLP_EMO_ANNOYANCE], 0.5f);
    ck_assert_float_ge(cust("are you even listening").emotions[NLP_EMO_ANNOYANCE], 0.5f);
    ck_assert_float_ge(cust("i literally just told you that").emotions[NLP_EMO_ANNOYANCE], 0.5f);
    /* a message all in capitals is shouted: its capitals weigh (ninth session) */
    ck_assert_float_gt(cust("I AM SO ANGRY RIGHT NOW").emotions[NLP_EMO_ANGER],
                       cust("i am so angry right now").emotions[NLP_EMO_ANGER]);
    /* strong irritation in a clearly negative message is anger as well */
    ck_assert_float_ge(cust("I am so annoyed and irritated with this").emotions[NLP_EMO_ANGER],
                       0.5f);
    /* mild irritation, sorrow and fear are not */
    ck_assert_float_lt(cust("a bit annoying but fine").emotions[NLP_EMO_ANGER], 0.5f);
    ck_assert_float_lt(cust("I miss my dad so much, I cried all day").emotions[NLP_EMO_ANGER],
                       0.5f);
    ck_assert_float_lt(cust("I'm scared of the exam").emotions[NLP_EMO_ANGER], 0.5f);
    /* sadness at least as strong as the hostility: hurt, not anger */
    ck_assert_float_lt(cust("damn, it just makes me sad thinking about what could have been")
                           .emotions[NLP_EMO_ANGER],
                       0.5f);
    /* anger told in idioms, threats in jest, wishes that someone be punished */
    static const char *const idioms[] = {
        "i swear i lost my temper with the printer today",
        "my neighbour has the nerve to complain about MY noise",
        "whoever designed this junction should be arrested",
        "i'm so done with people who push in at the bus stop",
        "one more reply-all and i'm going to snap",
        /* a customer's fury in plain words */
        "are you having a laugh, five days for next day delivery",
        "you can stick your reconnection fee",
        "i'm not calming down, you cut off the gas with a newborn in the house",
    };
    EXPECT(idioms, anger_of, true);
    ck_assert_float_gt(cust("nothing makes me happier than pancakes").valence, 0.2f);
    /* emphasis, weariness and resolve are not anger */
    static const char *const calm[] = {
        "i swear to god this puppy could cure anything",
        "feeling like a burden to everyone lately",
        "terrible start to the season but we'll be back",
        /* a thing that snapped is broken, a fee is a nuisance (twenty-seventh session) */
        "the handle snapped after a week",
        "my bill went up",
    };
    EXPECT(calm, anger_of, false);
    ck_assert_float_ge(cust("the handle snapped after a week").complaint, 0.5f);
    ck_assert_float_ge(
        cust("your agent snapped at me when I asked a question").emotions[NLP_EMO_ANGER], 0.5f);
    /* pity for a person is no judgement of quality */
    ck_assert_float_lt(cust("I snapped at the poor guy on the phone, sorry").complaint, 0.5f);
    ck_assert_float_gt(cust("terrible start to the season but we'll be back").valence, 0.0f);
    /* "thought-provoking" is praise, not provocation */
    ck_assert_float_gt(cust("a thought-provoking film").valence, 0.2f);
    /* words hammered out one at a time are anger, unless the message is glad */
    ck_assert_float_ge(cust("every single day he parks across my driveway. every. single. day.")
                           .emotions[NLP_EMO_ANGER],
                       0.5f);
    ck_assert_float_lt(cust("best. day. ever.").emotions[NLP_EMO_ANGER], 0.5f);
    ck_assert_float_lt(
        cust("Please send the invoice to accounts@example.co.uk.").emotions[NLP_EMO_ANGER], 0.5f);
}
END_TEST

START_TEST(problem_reports_and_pointed_questions_are_complaints)
{
    ck_assert_float_ge(cust("Why can't I log in to my account?").complaint, 0.5f);
    ck_assert_float_ge(cust("Where is my order? I paid for it last week").complaint, 0.5f);
    ck_assert_float_ge(cust("been trying to get through for days").complaint, 0.5f);
    ck_assert_float_ge(cust("The app is not loading since yesterday").complaint, 0.5f);
    ck_assert_float_ge(cust("Would not recommend, never coming back.").complaint, 0.5f);
    /* sixteenth session: the words of a fault report mistyped (nlp/lexicon/spelling.txt) */
    ck_assert_float_ge(cust("i was chargd twice").complaint, 0.5f);
    ck_assert_float_ge(cust("my order never arived").complaint, 0.5f);
    /* twenty-sixth session: a service gone, a wait that drags, nobody bothered */
    ck_assert_float_ge(cust("thanks for trying but I'm still without internet").complaint, 0.5f);
    ck_assert_float_ge(cust("i don't wanna be rude but this is taking ages").complaint, 0.5f);
    nlp_result bothered = cust("so basically nobody's bothered to ring me back");
    ck_assert_float_ge(bothered.complaint, 0.5f);
    ck_assert_float_lt(bothered.valence, 0.0f);
    ck_assert_float_lt(cust("can I pay without a card").complaint, 0.5f);
    /* a formal letter's request words are no praise */
    ck_assert_float_lt(cust("Please treat this as a final notice before I refer the matter to "
                            "the Financial Ombudsman.")
                           .valence,
                       -0.2f);
    ck_assert_float_lt(cust("Kindly confirm receipt of this email.").valence, 0.2f);
    /* scorn for the agent's competence; a promise heard before */
    ck_assert_float_ge(cust("do you even know what you're doing").complaint, 0.5f);
    /* twenty-eighth session: whether anyone will act, money gone missing, a
     * grievance opened with "I'm not being funny but" */
    ck_assert_float_ge(cust("are you actually going to do anything about it").complaint, 0.5f);
    ck_assert_float_ge(cust("I just want to know where my money is").complaint, 0.5f);
    nlp_result funny = cust("I'm not being funny but this is ridiculous");
    ck_assert_float_ge(funny.complaint, 0.5f);
    ck_assert_float_lt(funny.valence, -0.2f);
    ck_assert_float_lt(cust("are you going to be open on Sunday?").complaint, 0.5f);
    ck_assert_float_lt(cust("do you know what time the shop opens").complaint, 0.5f);
    ck_assert_int_eq(cust("I've heard that before").escalation_type, NLP_ESC_REPEAT_CONTACT);
    /* a delivery that found nobody in is no leaving; a card left while the
     * customer was in, a day of waiting in, are faults */
    ck_assert_float_lt(cust("the courier keeps coming when I'm out.").escalation, 0.5f);
    ck_assert_float_ge(cust("your driver left a card saying I was out, I was in!").complaint, 0.5f);
    nlp_result wait_in = cust("the delivery slot is 7am to 7pm, I can't wait in all day");
    ck_assert_float_ge(wait_in.complaint, 0.5f);
    ck_assert_float_lt(wait_in.sarcasm, 0.5f);
    /* what has not come, in Indian English */
    ck_assert_float_ge(cust("sir my money is not came till now").complaint, 0.5f);
    ck_assert_float_ge(cust("payment not reflected in my account").complaint, 0.5f);
    /* an ordinary question or report is not */
    ck_assert_float_lt(cust("My order arrived today").complaint, 0.5f);
    ck_assert_float_lt(cust("My order arived today").complaint, 0.5f);
    ck_assert_float_lt(cust("How do I change my password?").complaint, 0.5f);
    /* a negated "like" is dislike */
    ck_assert_float_lt(cust("I did not like it at all.").valence, -0.2f);
    /* sixth session (bench/nlp/dev/complaints4_dev.tsv): faults told as facts,
     * in second-language English and as a speech recogniser writes them ... */
    static const char *const complaints[] = {
        "my direct debit went out twice this month",
        "My contract is finish but you continue to take money every month",
        "hey your self checkouts have been out of action for a month now",
        /* complaints5_dev: faults told as plain facts */
        "the kettle trips the fuse every single time I switch it on, bought it Tuesday",
        "The microwave door doesn't latch, it pops open halfway through.",
        /* the time now against the time promised, in figures or in words (ninth session) */
        "um yeah so the the engineer said he'd come between eight and twelve and it's now two",
        "the delivery slot was 8 to 12. it's now 3pm",
        "they said it would be here by ten and it's now half eleven",
        /* a help question ends at a comma before a statement (ninth session) */
        "how do I reset my router, it keeps dropping",
        "Can you send me a new router please, mine's broken",
        "Please stop calling me",
        "I ordered two and only one came",
        "We moved in last week and there's no broadband yet",
        "I don't want to speak to a manager, I just want this fixed",
        "yeah so um basically the the box keeps flashing orange and nothing works",
        "@SkyHelp box has been rebooting all night",
        "I got someone else's order",
        "The item was described as new but it's clearly used",
        "I was sold a contract I didn't need",
        "The phone line crackles",
        "my connecting flight left without us",
        /* Indian English in support chats (ninth session) */
        "my money is deducted but recharge is not done",
        "since 3 days internet is not coming",
        "delivery boy is not picking my call",
        "the delivery driver swore at me",
        "I was spoken to like a child",
    };
    EXPECT(complaints, complaint_of, true);
    /* ... and questions about procedures, hypotheticals without a question
     * mark, the customer's own lateness or weather, which are not */
    static const char *const not_complaints[] = {
        "hi how do i report a fault on my line?",
        "hi um yeah so what happens if uh if the engineer can't get access like if i'm not in",
        "how long does a refund normally take?",
        "i'm going to be late for my appointment, will it still be ok?",
        /* opening hours that only sound late, "too" meaning "also" */
        "Do you have any branches open late on Thursday?",
        "Hey, is the sale on in-store too or online only?",
        /* a polite no, a plea to keep an account (ninth session) */
        "No that's fine thanks",
        "no it's ok",
        "Please don't close my account, I just want to update my address",
        "I can't get to the store this week",
        "can you explain the charges please, I'm on a fixed income",
        /* a charge feared, the customer's own card, the end of a chat (ninth session) */
        "I'm worried I'll be charged twice",
        "my card expired, how do I update it",
        "no, nothing else thanks",
        "can I get a copy of my last bill, I've lost it",
        "sorry I'm a bit slow with technology",
        "never mind, I'll try again later",
        /* a check asked for, with or without "?" */
        "can you check if there's an outage in my area",
        "I'm calling to check if my refund has gone through",
    };
    EXPECT(not_complaints, complaint_of, false);
    ck_assert_float_gt(cust("No that's fine thanks").valence, 0.0f);
    /* ... while a door that does not close is a fault */
    ck_assert_float_ge(cust("the fridge door doesn't close properly").complaint, 0.5f);
    ck_assert_float_ge(cust("I can't get into my account").complaint, 0.5f);
    /* a report about a person is still a formal complaint */
    ck_assert_int_eq(cust("How do I report misconduct by one of your employees?").escalation_type,
                     NLP_ESC_LEGAL);
}
END_TEST

START_TEST(complaint_vs_ordinary_message)
{
    ck_assert_float_ge(cust("I was charged twice and my internet is still not working.").complaint,
                       0.5f);
    ck_assert_float_ge(cust("My parcel never arrived and nobody replied to my emails").complaint,
                       0.5f);
    ck_assert_float_lt(cust("Can I change my delivery address please?").complaint, 0.5f);
    ck_assert_float_lt(cust("Thanks, the refund arrived today, great service!").complaint, 0.5f);
}
END_TEST

START_TEST(chat_turns_that_report_nothing_are_no_complaint)
{
    /* live chat turns: a person asked for with no fault named, a cancel with a
     * plain reason, a question about a fee or an outage, the customer's own
     * slip, an answer that declines */
    static const char *const no[] = {
        "can i speak to someone about upgrading my plan",
        "representative please",
        "i'm going onto my partner's plan so i want to cancel mine",
        "what's the late payment fee just so i know",
        "is the refund automatic or do i need to fill in something",
        "is there an outage in the sw1 area at the moment",
        "sorry i gave you the wrong order number it's 55901 not 55910",
        "i dropped the router and the aerial snapped how much is a replacement",
        "never mind i found it",
        "not today thanks",
        "nope no other questions",
        /* a question about an "if" without its "?" */
        "if the sync fails overnight will it retry automatically",
        "will i lose my watchlist if i change plan",
        "sorry i can't find the number hang on",
        "i didn't get charged, i just wanted to check before i ordered",
        "i'm worried i've sent money to the wrong account i typed one digit wrong",
        "my wallet was stolen last night i need to block everything",
        /* a fee asked about or a waiver asked for (twenty-seventh session) */
        "Hi, I'd like to ask about the admin fee on my bill",
        "Could you waive the late fee this once please?",
        /* ... or to be taken off (twenty-eighth session) */
        "Please can you remove my late payment fee, I was in hospital",
        "can you refund the late fee please",
        /* asking whether a message is a scam is a worry */
        "I keep getting texts saying my parcel is held at customs, is this a scam?",
        "Is this email really from you? It asks for my bank details",
    };
    EXPECT(no, complaint_of, false);
    EXPECT(no, anger_of, false);
    ck_assert_float_ge(cust("your pricing is a scam").complaint, 0.5f);
    /* "in charge" is no charge: a person asked for is no complaint */
    ck_assert_float_lt(cust("I want to speak to someone in charge").complaint, 0.5f);
    /* the same kinds of turn with a fault or bad treatment named */
    static const char *const yes[] = {
        "uh yeah could i speak to somebody higher up the rental car had a flat tyre when we "
        "picked it up",
        "after how you've treated me i want to close all my accounts with you",
        "is there an outage in SE15 or is it just my router, nothing works since 7am",
        "I've been put through to four different departments and each one says it's someone "
        "else's job.",
        "i dropped it off at the depot and you never logged it",
        /* a request is whole at its person or its "please": what follows is told */
        "ok i'm done can i please talk to an actual human the app logs me out every two minutes",
        "um can i get a real person please the bot keeps sending me round in circles",
        "the tablets in the box don't match what's on the label",
        "the app just shows a white screen after i log in",
        "@GrubRunUK rider messaged asking where i live. it's in the app mate. he never found it",
        /* a fee the customer was wrongly charged, and a fault after a fee's
         * phrase and a comma: "... the late fee, I paid" */
        "you've added a late payment fee for no reason",
        "can you remove the late fee, I paid on time and you still charged me",
        "I want to ask about the late fee, I paid on time and you still charged me",
    };
    EXPECT(yes, complaint_of, true);
    /* a fee asked about is no cancel: "is there a charge for cancelling ..." */
    ck_assert_float_lt(cust("is there a charge for cancelling a subscription plan").escalation,
                       0.5f);
    ck_assert_int_eq(cust("representative please").escalation_type, NLP_ESC_HUMAN_REQUEST);
}
END_TEST

START_TEST(worry_without_a_fault_is_no_complaint)
{
    /* sorrow or worry about the customer's own life, no fault, no service noun */
    ck_assert_float_lt(cust("I'm a little nervous about tomorrow").complaint, 0.5f);
    ck_assert_float_lt(cust("kind of anxious about the move").complaint, 0.5f);
    ck_assert_float_lt(cust("feeling a bit down today").complaint, 0.5f);
    /* the same feelings about an order, a bill or a fault stay complaints */
    ck_assert_float_ge(cust("I'm worried about my order").complaint, 0.5f);
    ck_assert_float_ge(cust("I'm a little worried about my bill").complaint, 0.5f);
    ck_assert_float_ge(cust("I'm upset, my phone is broken again").complaint, 0.5f);
    ck_assert_float_ge(cust("the engineer never showed up and I'm upset").complaint, 0.5f);
}
END_TEST

START_TEST(life_events_and_what_ifs_are_no_complaint)
{
    /* a death or hardship with no fault named explains the negativity; so does a
     * question about what happens if something goes wrong */
    ck_assert_float_lt(cust("I'm so sad my grandma passed away").valence, -0.3f);
    static const char *const no[] = {
        "I'm so sad my grandma passed away",
        "lost my job today, feeling awful",
        "my dad passed away last week, I need to close his account",
        "If my order is late, can I get a refund?",
        "if my order is late can I get a refund?",
        "What if my parcel is lost?",
        "What happens if my payment fails?",
        /* a yes/no question asks about its "if" clause wherever it stands */
        "will I be charged if my payment is a day late?",
    };
    EXPECT(no, complaint_of, false);
    /* a fault told beside it, a real fault, a statement, or a rhetorical "why ... if"
     * still complains */
    static const char *const yes[] = {
        "my husband died and you still charged his card twice",
        "I lost my job and now you have cut off my internet",
        "My parcel is late. What if it never arrives?",
        "My order is late, can I get a refund?",
        "if it does not arrive tomorrow I want a refund",
        "why do they give us phones if they just kill our data?",
        "why does it keep crashing if I paid for premium?",
        "why do they charge us if the service is down?",
    };
    EXPECT(yes, complaint_of, true);
}
END_TEST

START_TEST(misspellings_and_review_verdicts)
{
    /* other spellings take their term's values (nlp/lexicon/spelling.txt) */
    ck_assert_float_eq_tol(cust("so dissapointed").valence, cust("so disappointed").valence, 1e-6f);
    ck_assert_float_eq_tol(cust("I'm super pissd").valence, cust("I'm super pissed").valence,
                           1e-6f);
    ck_assert_float_gt(cust("the food was excelent").valence, 0.3f);
    /* verdicts and failures as reviews tell them */
    static const char *const bad[] = {
        "Cumbersome design.",
        "The spaghetti is nothing special whatsoever.",
        "Battery lasts only a few hours.",
        "The plastic breaks really easy on this clip.",
        "Improper description.... I had to return it.",
        "Not loud enough and doesn't turn on like it should.",
        "Won't ever go here again.",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        nlp_result r = cust(bad[i]);
        ck_assert_msg(r.valence < 0.0f && r.complaint >= 0.5f, "%s: valence %.3f complaint %.3f",
                      bad[i], (double)r.valence, (double)r.complaint);
    }
}
END_TEST

START_TEST(moved_by_an_advert_is_no_complaint)
{
    static const char *const no[] = {
        "@user your christmas ad made me cry again \xf0\x9f\x98\xad",
        "@user crying at your christmas ad again this year. every year \xf0\x9f\x98\xad",
        "@user the advert with the dog and the snowman gets me every time",
    };
    EXPECT(no, complaint_of, false);
    ck_assert_float_ge(cust("@user your customer service made me cry").complaint, 0.5f);
}
END_TEST

START_TEST(prices_told_to_a_company)
{
    /* a currency sign before a number is a word of its own; a price and what it
     * bought (or what it must be paid to do) is a price complained of ... */
    static const char *const yes[] = {
        "@user $65 for a carry on?? you're a bus with wings",
        "\xc2\xa3"
        "3.80 for a tea @user. a teabag in hot water",
        "@user driver took the longest route possible, $38 for a 10 min ride",
        "@user \xe2\x82\xac"
        "45 to print a boarding pass",
    };
    EXPECT(yes, complaint_of, true);
    ck_assert_float_ge(cust("@user \xc2\xa3"
                            "3.20 for a latte that tasted like warm milk")
                           .complaint,
                       0.5f);
    ck_assert_float_gt(cust("this coffee tastes like heaven!").valence, 0.0f);
    /* ... unless praise says it was worth it; a decimal point ends no sentence */
    static const char *const no[] = {
        "\xc2\xa3"
        "5 for a meal deal, bargain!",
        "@user 65 for a carry on",
    };
    EXPECT(no, complaint_of, false);
    /* a promise reported, then the time since, is a fault told as a fact; what
     * the description "said it would" do, done, is praise */
    ck_assert_float_ge(
        cust("@user your rep said it would be sorted in 24hrs. it's been 6 days").complaint, 0.5f);
    ck_assert_float_ge(cust("the insurance said they'd send an assessor within five days and it's "
                            "been like three weeks")
                           .complaint,
                       0.5f);
    ck_assert_float_lt(cust("It does everything the description said it would.").complaint, 0.5f);
    /* a figure reported and numbers in two clauses: what was stated and what is */
    static const char *const figures[] = {
        "The jeans are marked 32 waist. They measure 29.",
        "@user quoted 2 days for the clutch. we're on day 11.",
        "the tailoring charge was 800 but the bill shows 1800",
        "box had 2 items in it. i ordered 3",
        "ordered dinner at 7. it's 9:15. the tracker has said driver nearby since 8.",
    };
    EXPECT(figures, complaint_of, true);
    /* a fault dated from a repair or a visit */
    ck_assert_float_ge(
        cust("The hearing aid whistles constantly since the last adjustment.").complaint, 0.5f);
    ck_assert_float_ge(
        cust("Wind noise from the driver's door since the new window was put in.").complaint, 0.5f);
    static const char *const one_clause[] = {
        "the tracking shows 2 of 3 boxes on the van today",
        "the sign says open 9 to 5",
        "@user if I order breakfast at 10:59 do I get breakfast? asking seriously",
    };
    EXPECT(one_clause, complaint_of, false);
    /* a phrase with a number also matches the number with its sign */
    ck_assert_float_ge(cust("@user waited 45 mins for my food").complaint, 0.5f);
    ck_assert_float_ge(cust("@user pump took my \xc2\xa3"
                            "20 and didn't dispense any fuel")
                           .complaint,
                       0.5f);
}
END_TEST

START_TEST(help_questions_are_no_complaint)
{
    /* a question asking how to do something, or whether the company offers it,
     * takes its negativity from the customer's situation ... */
    static const char *const no[] = {
        "@user my phone's been stolen. how do I block the sim?",
        "@user woke up with a horrible cold. can I add lemsip to my grocery order?",
        "@user gutted i missed the pre-sale, do you know if there'll be more tickets?",
        "ugh Monday. anyway do you have a branch in Hove?",
        "@user what's your policy on refunds for tickets bought through third parties?",
        "@user are there charges for closing an isa early?",
        "@user how late is the customer service line open?",
        "@user any news on when the switch version is coming out?",
    };
    EXPECT(no, complaint_of, false);
    /* ... but a fault reported in its own sentence still complains, and a person
     * asked for this way is still asked for */
    static const char *const yes[] = {
        "the charger melted. how do I get a replacement?",
        "is there any reason my direct debit came out twice this month?",
    };
    EXPECT(yes, complaint_of, true);
    ck_assert_int_eq(cust("how can i speak to an actual agent").escalation_type,
                     NLP_ESC_HUMAN_REQUEST);
    ck_assert_int_eq(cust("how can I get hold of somebody at customer support?").escalation_type,
                     NLP_ESC_HUMAN_REQUEST);
}
END_TEST

START_TEST(fans_slang_is_praise)
{
    /* words that are negative alone are praise in these phrases */
    static const char *const praise[] = {
        "That Hamilton Mixtape is fire",
        "Kendrick killed it at the Grammys",
        "Hillary just crushed that debate",
        "Mad respect for him standing up for what he believes",
        "Can't believe how good the new Twin Peaks is",
        "The Last Jedi trailer gave me chills",
        "Dodgers in the World Series!!! LETS GOOOO",
    };
    for (size_t i = 0; i < sizeof praise / sizeof praise[0]; i++) {
        float v = cust(praise[i]).valence;
        ck_assert_msg(v > 0.2f, "%s: valence %f", praise[i], (double)v);
    }
    /* a name's words count less: "Dangerous Woman" is a tour, "Super Bowl" a game;
     * a sentence's first word, and messages written In Title Case, are not names */
    float tour = cust("Ariana Grande Dangerous Woman tour starts February 3rd in Phoenix").valence;
    float danger = cust("this neighbourhood is a dangerous place for a woman").valence;
    ck_assert_float_gt(tour, danger + 0.1f);
    ck_assert_float_gt(cust("Happy Birthday To You").valence, 0.3f);
    /* and the words keep their meaning outside them */
    ck_assert_float_lt(cust("the house caught fire last night").valence, 0.0f);
    ck_assert_float_lt(cust("he was killed in the crash").valence, -0.2f);
}
END_TEST

START_TEST(numbers_mismatches_and_own_doing)
{
    /* a number is the lexicon word <num> unless it is a word itself ("3" of
     * "called 3 times"), and phrases with <num> match both */
    static const char *const waits[] = {
        "waited 45 mins for a table we had booked",
        "waited 3 hours on the phone",
        "day 5 without broadband",
        "45 mins in the live chat queue",
        "the train was 40 minutes late",
    };
    EXPECT(waits, complaint_of, true);
    ck_assert_int_eq(cust("I have called 7 times about this").escalation_type,
                     NLP_ESC_REPEAT_CONTACT);
    /* what came is not what was asked for; what was asked came */
    static const char *const mismatch[] = {
        "ordered a large, got a small",
        "booked a sea view, got a view of the car park",
        "ordered 2 chicken burgers. got 2 veggie burgers",
        "ordered a large fries and got half a bag",
        "asked for oat milk but got regular",
    };
    EXPECT(mismatch, complaint_of, true);
    static const char *const matched[] = {
        "ordered on monday, got it today",
        "I ordered a pizza and got it in 20 mins",
        "booked a table for 8, got there at 8",
        "ordered on monday and got it today",
        "ordered a pizza and got free garlic bread!",
    };
    EXPECT(matched, complaint_of, false);
    /* the customer's own doing is no fault of the service; the same loss
     * caused by the service is */
    static const char *const own[] = {
        "lost my card on a night out, how do I order a new one?",
        "dropped my phone in the bath, how do I claim on the insurance?",
        "overslept and missed my flight, totally on me",
        "my fault, I typed the wrong address. can you change it?",
        /* a break-in or a stolen car told to an insurer is bad news, no fault of
         * the service */
        "Our house was broken into on Saturday night and they took my laptop.",
        "my car was stolen from outside my house last night",
    };
    EXPECT(own, complaint_of, false);
    ck_assert_float_lt(cust("my car was stolen from outside my house last night").valence, -0.2f);
    /* "the storm" does not leave "damage" to be read alone */
    ck_assert_float_ge(cust("my claim for the storm damage to our roof").valence, 0.0f);
    static const char *const theirs[] = {
        "you've lost my passport",
        "you lost my card",
        "the courier dropped my parcel in a puddle",
        "I lost my job and now you have cut off my internet",
        "lost my bag on a direct flight. how does that even happen",
    };
    EXPECT(theirs, complaint_of, true);
    /* notices, speed and fondness are no complaints; faults told plainly are */
    static const char *const calm[] = {
        "storm warning for tonight, stay safe everyone",
        "claim paid within a week, honestly painless",
        "done, sent you a DM with the details",
        "I'm addicted to your garlic bread",
    };
    EXPECT(calm, complaint_of, false);
    static const char *const plain[] = {
        "the booking I made on your website doesn't exist according to reception",
        "room wasn't cleaned once in 3 days",
        "left my parcel in the green bin",
        "login code texts just aren't arriving",
        "your claims portal keeps timing out",
    };
    EXPECT(plain, complaint_of, true);
    /* prices, queues and faults as tweets to brands put them (complaints2_dev.tsv) */
    static const char *const tweets[] = {
        "@Dominos_UK since when is a large pizza 22 quid??",
        "@CVS 40 min line at the pharmacy with one person working",
        "@RockstarGames gta online kicking me from every session",
        "@megabus double booked seats and i had to stand",
        "@audible_com a book i paid a credit for has vanished from my library",
        "@FedEx driver left a slip without knocking",
    };
    EXPECT(tweets, complaint_of, true);
    static const char *const not_faults[] = {
        "@EE can i keep my number if i switch to you?",
        "@AmazonHelp done, check your DMs",
    };
    EXPECT(not_faults, complaint_of, false);
}
END_TEST

START_TEST(lexicon_alternatives_with_spaces)
{
    /* "still_not/not_yet arrived" in the lexicon: the words of an alternative; and
     * the contact-centre phrases added with them */
    static const char *const yes[] = {
        "my parcel still not arrived",
        "the refund has not yet arrived",
        "my broadband hasn't been fixed",
        "the box was soaking wet when it arrived",
        "the lift at the station is out of order again",
        "when will the service be back?",
        "someone please respond",
        "this needs fixing",
        "your driver was on his phone the whole time",
    };
    EXPECT(yes, complaint_of, true);
    /* not "never been" or "never heard" as faults, nor "be back" without a service */
    static const char *const no[] = {
        "good news, the internet is back up and running",
        "I will be back tomorrow",
        "I've never been so happy with a phone",
        "never heard of that band, sounds great",
    };
    EXPECT(no, complaint_of, false);
    ck_assert_float_gt(cust("I've never been so happy with a phone").valence, 0.3f);
}
END_TEST

START_TEST(an_opening_expletive_is_emphasis)
{
    /* set off at the start of a message that is otherwise positive: no anger */
    static const char *const pleased[] = {"damn, you guys are good",
                                          "holy crap, that was fast, thanks!",
                                          "Damn. That is a great idea."};
    for (size_t i = 0; i < sizeof pleased / sizeof pleased[0]; i++) {
        nlp_result r = cust(pleased[i]);
        ck_assert_msg(r.valence > 0.2f && r.emotions[NLP_EMO_ANGER] < 0.3f, "%s: %f %f", pleased[i],
                      (double)r.valence, (double)r.emotions[NLP_EMO_ANGER]);
    }
    /* before a fault it stays what it was; "damn you" (no comma) is an insult, and a
     * phrase does not reach across a comma */
    ck_assert_float_lt(cust("damn, this is broken again").valence, -0.3f);
    ck_assert_float_lt(cust("jeez, that took forever").valence, -0.3f);
    nlp_result insult = cust("damn you");
    ck_assert_float_lt(insult.valence, -0.3f);
    ck_assert_float_ge(insult.emotions[NLP_EMO_ANGER], 0.5f);
}
END_TEST

START_TEST(faces_that_start_with_a_letter)
{
    nlp_result sad = cust("my order is late D:");
    nlp_result plain = cust("my order is late");
    ck_assert_float_lt(sad.valence, plain.valence);
    ck_assert_float_gt(sad.emotions[NLP_EMO_SADNESS], 0.3f);
    ck_assert_float_lt(cust("T_T").valence, -0.2f);
    ck_assert_float_gt(cust("what o_O").emotions[NLP_EMO_CONFUSION], 0.3f);
    /* a letter, a colon and a word is a label, and a face needs its own word */
    nlp_result label = cust("Plan D: call us tomorrow");
    ck_assert_float_eq(label.valence, 0.0f);
    ck_assert_float_eq(label.emotions[NLP_EMO_SADNESS], 0.0f);
    ck_assert_float_eq(cust("AND: then").valence, 0.0f);
    /* "soo" with two o's intensifies like "so" */
    ck_assert_float_gt(cust("soo good").valence, cust("good").valence);
}
END_TEST

START_TEST(asking_the_other_side_to_wait)
{
    static const char *const asks[] = {
        "Hold on, let me find my card.",
        "one moment please",
        "Okay, that is in now. Let me switch it on.",
        "bear with me while I look for the letter",
        "give me a second",
    };
    EXPECT(asks, pause_of, true);
    ck_assert_float_ge(agent("Let me check that for you.").pause_request, 0.5f);
    /* an agent's "let me check" keeps the ownership its "let me" had */
    ck_assert_float_ge(agent("Let me check that for you.").empathy,
                       agent("Let me do that for you.").empathy);
    static const char *const not_asks[] = {
        "I have been on hold for an hour",
        "don't hang on the line, we will call you back",
        "my order has not arrived",
        "I need to get out of here",
    };
    EXPECT(not_asks, pause_of, false);
    /* a transcript that stops mid-sentence: the speaker has not yielded the turn */
    static const char *const unfinished[] = {
        "That would have been", "my account number is, um", "I ordered a pair of", "and then the",
        "I'm calling about",    "can I speak to",           "the thing is that"};
    EXPECT(unfinished, pause_of, true);
    /* a preposition whose object a wh-word took, or that completes its verb, ends a
     * finished sentence (ninth session) */
    static const char *const finished[] = {
        "Yes it is.",        "I think so",           "What are you looking for?",
        "That is the end.",  "my order is late",     "that's not what I asked for",
        "who do I speak to", "I can't log in",       "i literally just told you that",
        "I tried that",      "who should I talk to."};
    EXPECT(finished, pause_of, false);
    /* the words that mark it change nothing else: "the" and "and" are no lexicon words */
    nlp_result a = cust("the service was good and fast");
    ck_assert_float_gt(a.valence, 0.3f);
    ck_assert_float_eq(a.pause_request, 0.0f);
}
END_TEST

START_TEST(words_beside_a_link_count_less)
{
    float bare = cust("what a great article").valence;
    float link = cust("what a great article http://example.com/x").valence;
    ck_assert_float_gt(link, 0.0f);
    ck_assert_float_lt(link, bare);
    float bad = cust("check out this awful story").valence;
    float bad_link = cust("check out this awful story https://t.co/abc").valence;
    ck_assert_float_lt(bad_link, 0.0f);
    ck_assert_float_gt(bad_link, bad);
    /* the flag is per message: the next message without a link is unchanged */
    ck_assert_float_eq(cust("what a great article").valence, bare);
}
END_TEST

START_TEST(contact_centre_complaints_vs_resolved_and_polite)
{
    /* how customers report a problem to a brand (service.txt) */
    static const char *const complaints[] = {
        "my parcel never arrived",
        "the tracking hasn't updated in 5 days",
        "item says delivered but i never got it",
        "box arrived crushed and the glass was smashed",
        "you sent me the wrong size again",
        "half my order was missing",
        "been on hold for 45 minutes, is anyone there?",
        "nobody has got back to me in a week",
        "I keep being passed from pillar to post",
        "you took the money twice",
        "still no refund, it has been three weeks",
        "my subscription renewed without my permission",
        "the app keeps crashing since the update",
        "my account has been locked and I can't log in",
        "no hot water for four days",
        "your driver was so rude to me",
        "this is the fourth time I've had to contact you",
        "how is this acceptable?",
        "still not fixed after two engineer visits",
        "the lights on the charger don't work",
        "thanks for nothing",
        "thanks a lot for nothing",
        "thank you for absolutely nothing",
        "nobody could help me",
        "not once has anyone called me back",
        "your service couldn't be worse",
        "you never fail to disappoint",
        "it doesn't even turn on",
        "the heating won't come on",
    };
    EXPECT(complaints, complaint_of, true);
    /* a fault put right, a negated fault, thanks and polite requests are not */
    static const char *const fine[] = {
        "my parcel arrived early, thanks",
        "the refund came through today, thank you",
        "my internet is working again, cheers",
        "no problems at all with my order",
        "sorry to bother you, where do I find my account number?",
        "can I change my delivery address please?",
        "all sorted now, thanks for your help",
        "love the new app update, no more crashes!",
    };
    EXPECT(fine, complaint_of, false);
    EXPECT(fine, sarcasm_of, false);
}
END_TEST

/* Faults told as plain facts (wear, things left out, credits not applied, the
 * same question answered three ways), and a bad day beside praise for the
 * company, which is no complaint (CONSOLE_POS). */
START_TEST(faults_as_facts_and_a_bad_day_beside_praise)
{
    static const char *const complaints[] = {
        "the logo peeled off after one wash",
        "my pizza came without the toppings I paid for",
        "the loyalty points from last month have not been added",
        "three different answers from three different people about my claim",
        "new customers get a better deal than me after ten years",
        "got to the hotel at 9pm and there was nobody at reception",
        "the connection drops every evening",
        "@user would love to know why my premium account went back to free",
        "@user is your app down?",
        "reported a leak in the road a month ago and it's still running",
        "my renewal quote went up 30 percent and I haven't claimed",
        "the new lids are impossible to open",
        "the app takes 40 seconds to load now",
        "found a slug in my salad",
        "this is my third replacement kettle",
        "is there any reason my parcel went to glasgow",
        "12 days since my order shipped",
        "@user you've lost my parcel again",
        "@user laptop fan sounds like a jet engine and its 3 months old",
        "@user why does my bill say i have premium channels i never ordered",
        "@user the clerk refused to honor the price on your own shelf tag",
        /* thanks for a fault of the service is mockery and a complaint at once */
        "@user thanks for charging me twice for the same pizza. really appreciate it",
    };
    EXPECT(complaints, complaint_of, true);
    static const char *const fine[] = {
        "@user worst week at work ever, at least your coffee is amazing",
        "@user the weather is awful today, your soup is saving me",
        "@user horrible day, your lasagne is the best thing about it",
        "what time does the desk open on Sunday?",
        "the new season drops on friday @user, so excited",
        "@user is the app compatible with older android phones?",
        "@user morning! is the 8:15 still running from platform 4?",
        "@user yes!! been waiting for this all year",
        /* the writer's team, a purchase not yet made, the writer's own slip */
        "my team lost again. @user i need a bucket of chicken to cope",
        "@user does the warranty cover a broken screen if i drop it? asking before i buy",
        "@user shipped my return to the wrong warehouse because i cant read. what now?",
        "@user my puppy is 3 months old, which food do you recommend?",
    };
    EXPECT(fine, complaint_of, false);
    /* a "but" keeps the complaint: the fault follows the praise */
    ck_assert_float_ge(cust("@user love your coffee but the new cups are awful").complaint, 0.5f);
}
END_TEST

/* ---- escalation ---- */

START_TEST(each_escalation_type)
{
    static const struct {
        const char *text;
        nlp_escalation_type t;
    } cases[] = {
        {"Get me a real person, I am done with this bot", NLP_ESC_HUMAN_REQUEST},
        /* from the development set's families (bench/nlp/dev/escalation_dev.tsv) */
        {"put me through to your escalations team", NLP_ESC_HUMAN_REQUEST},
        {"operator operator OPERATOR", NLP_ESC_HUMAN_REQUEST},
        {"Is there anyone more senior I can talk to about the refund?", NLP_ESC_HUMAN_REQUEST},
        {"don't renew me", NLP_ESC_CANCEL},
        {"I want out of this contract", NLP_ESC_CANCEL},
        {"how do i leave? i want to port my number to a different network", NLP_ESC_CANCEL},
        {"If this isn't refunded by Friday I'll do a chargeback", NLP_ESC_LEGAL},
        {"please treat this as a formal complaint", NLP_ESC_LEGAL},
        {"you've left me no choice but legal action", NLP_ESC_LEGAL},
        {"I have no choice but to leave", NLP_ESC_CANCEL},
        {"don't make me ask for your manager", NLP_ESC_HUMAN_REQUEST},
        {"the local paper will hear about this", NLP_ESC_PUBLIC},
        {"i'll name and shame you online", NLP_ESC_PUBLIC},
        {"I'll be writing a very honest review of this hotel", NLP_ESC_PUBLIC},
        {"I was promised a callback that never came", NLP_ESC_REPEAT_CONTACT},
        {"how many more times do I have to explain this", NLP_ESC_REPEAT_CONTACT},
        {"um yeah so I rang last week and nobody's done anything", NLP_ESC_REPEAT_CONTACT},
        /* chat-bot requests (bench/nlp/dev/support_dev.tsv) */
        {"representative", NLP_ESC_HUMAN_REQUEST},
        {"gimme an agent", NLP_ESC_HUMAN_REQUEST},
        {"Please have an agent contact me", NLP_ESC_HUMAN_REQUEST},
        {"Are there any agents available right now?", NLP_ESC_HUMAN_REQUEST},
        {"pls close my acct", NLP_ESC_CANCEL},
        {"I'd like my account to be closed", NLP_ESC_CANCEL},
        {"Where can I send a complaint?", NLP_ESC_LEGAL},
        /* a claim is a formal complaint in retail support, and against anyone
         * even beside an insured loss */
        {"i want to file a claim", NLP_ESC_LEGAL},
        {"I'm going to make a claim against your insurer for the flood damage", NLP_ESC_LEGAL},
        {"im switching to a cheaper plan with another company", NLP_ESC_CANCEL},
        {"I want to cancel the whole contract not just the add on", NLP_ESC_CANCEL},
        {"I want to cancel my meal kit subscription for good, not just pause it.", NLP_ESC_CANCEL},
        {"i want to cancel my membership, the classes keep getting cut and ive found somewhere "
         "better",
         NLP_ESC_CANCEL},
        {"I'm not going to keep paying 60 a month for a phone that doesn't work, end it",
         NLP_ESC_CANCEL},
        {"I don't want the TV package any more, just keep the phone line, actually no, get rid of "
         "both",
         NLP_ESC_CANCEL},
        /* leaving for a rival from the new home is still leaving */
        {"close the account here and open one at the new address with another bank",
         NLP_ESC_CANCEL},
        {"where can I report my dissatisfaction with the service", NLP_ESC_LEGAL},
        {"could I please be transferred to a member of your staff?", NLP_ESC_HUMAN_REQUEST},
        {"how can i get rid of my account", NLP_ESC_CANCEL},
        {"i dont want this account anymore", NLP_ESC_CANCEL},
        {"third time lucky i guess?? still no refund", NLP_ESC_REPEAT_CONTACT},
        /* escalations without the stock words (escalation6_dev) */
        {"Please arrange for a member of management to phone me this evening.",
         NLP_ESC_HUMAN_REQUEST},
        {"get me off your books", NLP_ESC_CANCEL},
        {"Moneyclaim online it is, then.", NLP_ESC_LEGAL},
        {"i'm gonna tiktok this whole experience", NLP_ESC_PUBLIC},
        {"I need to report bad service", NLP_ESC_LEGAL},
        /* calls and chats (bench/nlp/dev/escalation2_dev.tsv) */
        {"yeah i'm going to the papers with this", NLP_ESC_PUBLIC},
        {"I'll be leaving a one-star review on Google.", NLP_ESC_PUBLIC},
        {"i'm gonna dispute the charge with my card company", NLP_ESC_LEGAL},
        {"um so yeah i've rung about this like five times this month", NLP_ESC_REPEAT_CONTACT},
        {"yeah it's me again about the boiler repair claim", NLP_ESC_REPEAT_CONTACT},
        {"honestly just put me through to whoever's above you", NLP_ESC_HUMAN_REQUEST},
        /* fifth session: "I'm" before a threat (an agent phrase starts there),
         * more ways of going public and of repeat contact */
        {"I'm contacting the local newspaper.", NLP_ESC_PUBLIC},
        {"I'm contacting the ombudsman", NLP_ESC_LEGAL},
        {"My review on Tripadvisor will reflect how this was handled", NLP_ESC_PUBLIC},
        {"I've reported the broken meter four times now", NLP_ESC_REPEAT_CONTACT},
        {"I was told someone would call me back. That was ten days ago.", NLP_ESC_REPEAT_CONTACT},
        {"i'm disputing this charge with my bank", NLP_ESC_LEGAL},
        /* chat-bot requests (bench/nlp/dev/support2_dev.tsv, its first half) */
        {"Could I please be connected to a live representative?", NLP_ESC_HUMAN_REQUEST},
        {"put me in touch with a real agent right now", NLP_ESC_HUMAN_REQUEST},
        {"i'd like to report terrible service", NLP_ESC_LEGAL},
        {"complaint", NLP_ESC_LEGAL},
        {"erase my personal information", NLP_ESC_CANCEL},
        {"delete me from your site", NLP_ESC_CANCEL},
        {"I will not be renewing my car insurance policy with you this year.", NLP_ESC_CANCEL},
        {"can I talk to a human agent please", NLP_ESC_HUMAN_REQUEST},
        {"I want to cancel my subscription today", NLP_ESC_CANCEL},
        {"Close my account, I'm switching to another provider", NLP_ESC_CANCEL},
        {"I will be contacting my lawyer about this", NLP_ESC_LEGAL},
        {"I'm reporting you to the ombudsman", NLP_ESC_LEGAL},
        {"I'm going to post this on twitter so everyone knows", NLP_ESC_PUBLIC},
        {"expect a one star review everywhere", NLP_ESC_PUBLIC},
        {"This is the third time I've called about this", NLP_ESC_REPEAT_CONTACT},
        {"I already called twice and it's still not fixed", NLP_ESC_REPEAT_CONTACT},
        {"is there someone I can talk to", NLP_ESC_HUMAN_REQUEST},
        {"operator please", NLP_ESC_HUMAN_REQUEST},
        {"I have a complaint", NLP_ESC_LEGAL},
        {"I'd like to complain about the engineer", NLP_ESC_LEGAL},
        {"can you help me get rid of my account", NLP_ESC_CANCEL},
        {"erase my profile please", NLP_ESC_CANCEL},
        {"I want to close all my accounts", NLP_ESC_CANCEL},
        {"cancel my account, the other company is cheaper", NLP_ESC_CANCEL},
        {"I'll tell everyone on facebook how bad you are", NLP_ESC_PUBLIC},
        {"I will leave a one star review on trustpilot", NLP_ESC_PUBLIC},
        {"I will review you on trustpilot!!", NLP_ESC_PUBLIC},
        {"This is the third time I am calling about this", NLP_ESC_REPEAT_CONTACT},
        {"my lawyer will be in touch", NLP_ESC_LEGAL},
        {"get me your supervisor", NLP_ESC_HUMAN_REQUEST},
        {"put me through to someone senior", NLP_ESC_HUMAN_REQUEST},
        /* sixth session (bench/nlp/dev/escalation3_dev.tsv): transcribed speech
         * with repeated words, second-language English, e-mails */
        {"i i want to cancel my contract", NLP_ESC_CANCEL},
        {"uh yeah i've already started the the dispute process with my bank", NLP_ESC_LEGAL},
        {"expect to hear from the bbb", NLP_ESC_LEGAL},
        {"hello, i want finish my contract with you", NLP_ESC_CANCEL},
        {"if this isnt sorted by friday im taking my business elsewhere", NLP_ESC_CANCEL},
        {"can u get ur boss for me", NLP_ESC_HUMAN_REQUEST},
        {"um sorry is this a recording or is there somebody there i can actually speak to",
         NLP_ESC_HUMAN_REQUEST},
        {"I am considering my legal options regarding the unauthorised transactions",
         NLP_ESC_LEGAL},
        {"Frankly I think your other customers deserve to know about this", NLP_ESC_PUBLIC},
        {"I will put video on facebook so all people see how bad is your delivery", NLP_ESC_PUBLIC},
        {"I write already three times for this problem and nobody answer me",
         NLP_ESC_REPEAT_CONTACT},
        {"ok so for the umpteenth time the box is not working", NLP_ESC_REPEAT_CONTACT},
        {"this is i think my seventh call", NLP_ESC_REPEAT_CONTACT},
        /* contacts counted are repeat contacts; a fault counted is not */
        {"I've rung you 3 times this week", NLP_ESC_REPEAT_CONTACT},
        {"I've been on the phone to you five times this month.", NLP_ESC_REPEAT_CONTACT},
        {"this is the third time this week", NLP_ESC_REPEAT_CONTACT},
        /* escalation4_dev: idioms and regional English, no stock phrases */
        {"kindly connect me to your senior, this executive is not understanding my issue",
         NLP_ESC_HUMAN_REQUEST},
        {"pls do the needful and close my connection from this month", NLP_ESC_CANCEL},
        {"i want out. what do i need to do?", NLP_ESC_CANCEL},
        {"I will file case in consumer court, this is cheating only.", NLP_ESC_LEGAL},
        {"I'm sending this to Rip Off Britain.", NLP_ESC_PUBLIC},
        {"Another day another chat about the same missing refund.", NLP_ESC_REPEAT_CONTACT},
        /* escalation5_dev: escalations buried in talk */
        {"look I've been a customer for nine years and if this is how you treat people I'll "
         "take my money somewhere that wants it",
         NLP_ESC_CANCEL},
        {"eh can ye get yer gaffer for me", NLP_ESC_HUMAN_REQUEST},
        {"i've spoken to a no win no fee firm about the fall in your store", NLP_ESC_LEGAL},
        {"the residents' WhatsApp has 400 people and you're about to be the main topic",
         NLP_ESC_PUBLIC},
        {"it's the same lad on the phone every time and every time he says Thursday",
         NLP_ESC_REPEAT_CONTACT},
        /* eighth session (escalation4/5/6_dev misses) */
        {"Respectfully, I'd like this escalated to someone with the authority to approve a credit.",
         NLP_ESC_HUMAN_REQUEST},
        {"who makes the decisions there? that's who I want", NLP_ESC_HUMAN_REQUEST},
        {"same refund, still not received, I've asked three times", NLP_ESC_REPEAT_CONTACT},
        {"it's been escalated twice and I'm still waiting", NLP_ESC_REPEAT_CONTACT},
        {"you said you'd send a replacement two weeks ago", NLP_ESC_REPEAT_CONTACT},
        {"Don't think I won't go to the BBC with this.", NLP_ESC_PUBLIC},
        {"if that money isn't back in my account I'm calling the bank and reversing it",
         NLP_ESC_LEGAL},
        {"Kindly terminate my postpaid connection and send the final bill to my email.",
         NLP_ESC_CANCEL},
        {"agent. agent. AGENT.", NLP_ESC_HUMAN_REQUEST},
        {"this is going nowhere, just get me a supervisor", NLP_ESC_HUMAN_REQUEST},
        {"i don't want to talk to you no more just get me a supervisor", NLP_ESC_HUMAN_REQUEST},
        {"the other lot are twelve quid less, so unless you can match it I'm switching",
         NLP_ESC_CANCEL},
        {"uh i'll be putting it on youtube i've recorded this whole call", NLP_ESC_PUBLIC},
        /* ninth session: the head of the company asked for */
        {"I'm going to write to the CEO", NLP_ESC_HUMAN_REQUEST},
        {"I'll be emailing your CEO about this", NLP_ESC_HUMAN_REQUEST},
        {"I'm contacting your manager", NLP_ESC_HUMAN_REQUEST},
        {"I'll be sharing this experience on Trustpilot", NLP_ESC_PUBLIC},
        /* ... and a bare cancel, the object left unsaid */
        {"I want to cancel. Now.", NLP_ESC_CANCEL},
        /* chat_turns2_dev (tenth session): regulators elsewhere, stories to be told to many,
         * contacts that came to nothing, a team asked for by name */
        {"i'm reporting the airline to the caa for refusing the compensation", NLP_ESC_LEGAL},
        {"everyone on my street is going to hear about how you left us without power",
         NLP_ESC_PUBLIC},
        {"i've sent three emails and not one reply", NLP_ESC_REPEAT_CONTACT},
        {"could you transfer me to the mortgage team please", NLP_ESC_HUMAN_REQUEST},
        /* the repeat-contact and public pairs: any words between, one sentence */
        {"we spoke on Monday and nothing has happened", NLP_ESC_REPEAT_CONTACT},
        {"I've emailed your billing people about it twice", NLP_ESC_REPEAT_CONTACT},
        {"I'm going to warn everyone about you", NLP_ESC_PUBLIC},
        {"i will be sharing my experience with all my followers", NLP_ESC_PUBLIC},
        /* ... the audience named before the telling word (seventeenth session) */
        {"I run a car forum with 20k members and I'll be sharing how you treated me.",
         NLP_ESC_PUBLIC},
        {"I will inform all my colleagues at the hospital not to take insurance with you.",
         NLP_ESC_PUBLIC},
        {"Warning others about you is my new hobby.", NLP_ESC_PUBLIC},
        {"The cycling club has 80 members and they'll be hearing from me about this.",
         NLP_ESC_PUBLIC},
        /* ... and anywhere in a negative message (seventeenth session) */
        {"My colleagues were about to book the team offsite through you. I'll be letting them "
         "know how badly that went for me first.",
         NLP_ESC_PUBLIC},
        {"I'm a hairdresser and I talk to 30 people a day, guess what I'll be talking about for "
         "the next month.",
         NLP_ESC_PUBLIC},
        {"Last time I was told to wait 5 working days. I waited. Nothing.", NLP_ESC_REPEAT_CONTACT},
        {"i was told it would be fixed and it still is not", NLP_ESC_REPEAT_CONTACT},
        /* the promise denied in a sentence of its own, a promise by the
         * company's people (seventeenth session) */
        {"I was told it was fixed. It still isn't.", NLP_ESC_REPEAT_CONTACT},
        {"Your engineer said it was repaired. It wasn't.", NLP_ESC_REPEAT_CONTACT},
        {"Look, I rang on the 6th, the 9th and the 13th.", NLP_ESC_REPEAT_CONTACT},
        {"For the record, I've now spoken to six people about this.", NLP_ESC_REPEAT_CONTACT},
        {"Your rep visited, took photos, said an assessor would follow. The assessor never "
         "followed.",
         NLP_ESC_REPEAT_CONTACT},
        {"I'd like to cancel please", NLP_ESC_CANCEL},
        {"I'm going to cancel", NLP_ESC_CANCEL},
        {"I want to cancel, can you help?", NLP_ESC_CANCEL},
        {"honestly I'll just cancel", NLP_ESC_CANCEL},
        {"I'm thinking about cancelling", NLP_ESC_CANCEL},
        {"You're the fifth person I've spoken to today", NLP_ESC_REPEAT_CONTACT},
        {"I'm fed up of being passed around", NLP_ESC_REPEAT_CONTACT},
        {"very bad service, i will never use again", NLP_ESC_CANCEL},
        {"I don't want my account anymore", NLP_ESC_CANCEL},
        {"where do I speak to an assistant", NLP_ESC_HUMAN_REQUEST},
        {"i have to voice a complaint", NLP_ESC_LEGAL},
        {"how can i unsubscribe from your platform completely", NLP_ESC_CANCEL},
        {"I've been a customer for 15 years and I'm seriously considering leaving.",
         NLP_ESC_CANCEL},
        {"I'm thinking about switching to another bank", NLP_ESC_CANCEL},
        /* praise beside a public phrase that is not about the service, or with a fault */
        {"your rivals will love the review I'm about to write", NLP_ESC_PUBLIC},
        {"the staff were lovely but I'll be telling everyone about the hidden fees",
         NLP_ESC_PUBLIC},
        {"excellent service as always, will be warning everyone to avoid the new app though",
         NLP_ESC_PUBLIC},
        /* escalations in other words (eleventh session): a person, then a call
         * back asked for; a transfer; the bot refused; regulators and courts of
         * other places, charge-backs, the police; an audience of one's own;
         * leaving in other words */
        {"can the store manager give me a ring about the sofa", NLP_ESC_HUMAN_REQUEST},
        {"could someone from the claims team ring me back this afternoon", NLP_ESC_HUMAN_REQUEST},
        {"please get the duty manager to email me about the refund", NLP_ESC_HUMAN_REQUEST},
        {"transfer me to billing", NLP_ESC_HUMAN_REQUEST},
        {"please refer me to a senior advisor", NLP_ESC_HUMAN_REQUEST},
        {"please no more bots", NLP_ESC_HUMAN_REQUEST},
        {"the bot keeps sending me the same link, useless", NLP_ESC_HUMAN_REQUEST},
        {"this auto reply is not answering my question", NLP_ESC_HUMAN_REQUEST},
        {"I'll be lodging it with the TIO", NLP_ESC_LEGAL},
        {"I'm reporting this to the GDC", NLP_ESC_LEGAL},
        {"I'm going to charge it back", NLP_ESC_LEGAL},
        {"I've opened a dispute with paypal", NLP_ESC_LEGAL},
        {"I'm reporting your company to the police", NLP_ESC_LEGAL},
        {"see you in the county court", NLP_ESC_LEGAL},
        /* "I'm going to" is no phrase of its own (an agent's ownership needs
         * its verb): the threat after it is read */
        {"I'm going to court over this if it isn't sorted", NLP_ESC_LEGAL},
        {"I am going to court", NLP_ESC_LEGAL},
        /* an agent's phrase ("I've spoken" to my manager: ownership) takes no
         * words of a customer's */
        {"I've spoken to three advisers and none can say why", NLP_ESC_REPEAT_CONTACT},
        {"I'm making a video about this for my channel", NLP_ESC_PUBLIC},
        {"my tiktok followers will hear about this", NLP_ESC_PUBLIC},
        {"pull the plug on my premium plan please", NLP_ESC_CANCEL},
        {"I want to get out of my contract", NLP_ESC_CANCEL},
        {"please take this as my notice to leave", NLP_ESC_CANCEL},
        {"please release my number, I'm moving to another network", NLP_ESC_CANCEL},
        {"we won't be renewing the storage unit after this month", NLP_ESC_CANCEL},
        {"I'm not going to keep paying for cover I never use", NLP_ESC_CANCEL},
        {"we need someone from the enterprise team to call us back", NLP_ESC_HUMAN_REQUEST},
        {"if you don't refund me I will go to PROFECO", NLP_ESC_LEGAL},
        {"I will tell all my officemates not to order from your shop", NLP_ESC_PUBLIC},
        /* a call back promised, not asked for, is the repeat contact it tells */
        {"I was told someone would ring me back on tuesday and no one did", NLP_ESC_REPEAT_CONTACT},
        /* a contact that came to nothing, a contact far from its day, the same
         * matter raised over and over; the audience told it will know */
        {"i told you about the first one and nothing happened", NLP_ESC_REPEAT_CONTACT},
        {"I messaged about this on your Facebook page last week and got no answer",
         NLP_ESC_REPEAT_CONTACT},
        {"I've been passed from pillar to post", NLP_ESC_REPEAT_CONTACT},
        {"still waiting on that callback from Friday", NLP_ESC_REPEAT_CONTACT},
        {"i've had this conversation with you before", NLP_ESC_REPEAT_CONTACT},
        {"I have thousands of followers and they'll all see how you've handled this",
         NLP_ESC_PUBLIC},
        {"I go tell everybody for my church", NLP_ESC_PUBLIC},
        /* a promise told in other words, by the person who made it */
        {"the lady say will send technician on Monday, Monday nobody come", NLP_ESC_REPEAT_CONTACT},
        /* fifteenth session: formal letters, chat and non-native English
         * (bench/nlp/dev/escalation7_dev.tsv, escalation8_dev.tsv) */
        {"I'm writing for the third time about the refund for my cancelled flight",
         NLP_ESC_REPEAT_CONTACT},
        {"I already email you last Friday about this, until now no reply", NLP_ESC_REPEAT_CONTACT},
        {"I've called your office on four occasions since June", NLP_ESC_REPEAT_CONTACT},
        {"Every time I ring I get told something different", NLP_ESC_REPEAT_CONTACT},
        {"Who do I go over your head to?", NLP_ESC_HUMAN_REQUEST},
        {"I'd like to bypass the bot and chat to your sales team", NLP_ESC_HUMAN_REQUEST},
        {"I'll be moving the mortgage to another lender when the fix ends", NLP_ESC_CANCEL},
        {"please do not take any more payments, i'm finished with the software", NLP_ESC_CANCEL},
        {"TripAdvisor is going to get the full story of this hotel", NLP_ESC_PUBLIC},
        {"im going to warn them all about your broadband", NLP_ESC_PUBLIC},
        {"last week I call and they give me a case number, but nobody call me back like they "
         "promise",
         NLP_ESC_REPEAT_CONTACT},
        {"Please could someone senior in the claims department telephone me before Friday",
         NLP_ESC_HUMAN_REQUEST},
        {"I'd rather not go round in circles, I need somebody rather than the virtual assistant",
         NLP_ESC_HUMAN_REQUEST},
        {"My bank has started an indemnity claim for the three payments you took", NLP_ESC_LEGAL},
        /* sixteenth session: chat-bot requests as typed (bench/nlp/dev/support4_dev.tsv):
         * typing errors of the words a request turns on, keywords beside a
         * "please", other word forms, a lead-in phrase that once hid the request */
        {"i wanna delete my acount", NLP_ESC_CANCEL},
        {"cancle my acct", NLP_ESC_CANCEL},
        {"how can i delte my profle", NLP_ESC_CANCEL},
        {"i wanna speak wiht a humna", NLP_ESC_HUMAN_REQUEST},
        {"tallk to a persn", NLP_ESC_HUMAN_REQUEST},
        {"i need a customer service reprasentative", NLP_ESC_HUMAN_REQUEST},
        {"agents pls", NLP_ESC_HUMAN_REQUEST},
        {"customer rep asap", NLP_ESC_HUMAN_REQUEST},
        {"I dont wanna chat with a machine", NLP_ESC_HUMAN_REQUEST},
        {"complaint please", NLP_ESC_LEGAL},
        {"i wanna complain", NLP_ESC_LEGAL},
        {"wanna make a compliant", NLP_ESC_LEGAL},
        {"complaint regarding refund delay", NLP_ESC_LEGAL},
        {"account removal request", NLP_ESC_CANCEL},
        {"my acount shud be deleted", NLP_ESC_CANCEL},
        {"im switching to a monzo account", NLP_ESC_CANCEL}, /* a name we do not know */
        {"ur delivery sucks, complaint", NLP_ESC_LEGAL},
        {"I want to leave a complaint, not a review", NLP_ESC_LEGAL},
        {"i am complaining about the service", NLP_ESC_LEGAL},
        {"i would like my {{Account Type}} account to be terminated", NLP_ESC_CANCEL},
        /* sixteenth session, third pass (bench/nlp/dev/escalation9_dev.tsv) */
        {"I have been through this with four of your colleagues now", NLP_ESC_REPEAT_CONTACT},
        {"like i explained yesterday the meter was swapped in june", NLP_ESC_REPEAT_CONTACT},
        {"this is going on my channel tonight", NLP_ESC_PUBLIC},
        {"I'll make sure my neighbours know to steer well clear", NLP_ESC_PUBLIC},
        {"can I get someone above you please", NLP_ESC_HUMAN_REQUEST},
        {"think we're jumping ship, the other lot are cheaper", NLP_ESC_CANCEL},
        {"just so you know, papers are being drawn up", NLP_ESC_LEGAL},
    };
    /* an acknowledgement opening a call turn is no praise that outweighs a
     * repeat contact */
    ck_assert_int_eq(cust("yeah so i've rung you twice").escalation_type, NLP_ESC_REPEAT_CONTACT);
    ck_assert_int_eq(cust("ok i've emailed you three times").escalation_type,
                     NLP_ESC_REPEAT_CONTACT);
    /* a fault counted is no contact counted */
    ck_assert_float_lt(cust("the app crashed 4 times today").escalation, 0.5f);
    ck_assert_float_lt(cust("ma'am the emi got deducted two times this month").escalation, 0.5f);
    ck_assert_float_lt(cust("watched it 3 times this week").escalation, 0.5f);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nlp_result r = cust(cases[i].text);
        ck_assert_msg(r.escalation >= 0.5f && r.escalation_type == cases[i].t,
                      "%s: %f %s (want %s)", cases[i].text, (double)r.escalation,
                      nlp_escalation_type_name(r.escalation_type),
                      nlp_escalation_type_name(cases[i].t));
    }
    static const char *const calm[] = {
        "how can I cancel purchase 1234?",
        /* a bare cancel asked about, of an order named, negated or not the customer's */
        "can I cancel?",
        "do I need to cancel?",
        "I want to cancel my order",
        "my order is late, I want to cancel",
        "I don't want to cancel",
        "if I wanted to cancel, would there be a fee?",
        "the flight will cancel",
        "I'm considering cancelling my order and would like to find out if any fees apply",
        "so um i'm thinking about switching to you from my current supplier",
        "about to leave for work, can you call me later",
        /* a contact before that ended well, thanked for */
        "I called last week to upgrade and it's all done, thanks",
        /* the head of the company named, not asked for */
        "our new CEO announced the results today",
        /* a manager named in anger is still not asked for */
        "the manager was dismissive",
        "my lawyer friend said I should ask about this",
        "the virtual assistant is useless",
        "I need to switch to another account",
        "I wanted to share my experience, your staff were wonderful",
        "I'd like to change my order",
        "what are your customer service hours?",
        "I do not want to cancel my account, just update it",
        "Thanks, that's sorted now",
        "I hate to complain but the soup was cold",
        "I don't want to complain, it was fine",
        "please get rid of the old router",
        /* housekeeping: one of several, the one being replaced, or only the container */
        "please cancel the old plan when the new one starts",
        "I'd like to close my old savings account and move it into the new one",
        "can you remove the extra line from my account",
        "delete the old card from my profile please",
        /* a platform, a review site or a solicitor named without a threat; loyalty */
        "I saw your post on twitter about the outage",
        "I left you a five star review on trustpilot",
        "I read the reviews on yelp before buying",
        "the solicitor handling my mother's estate needs a copy of the last bill",
        "this is the third time I have ordered from you and I love it",
        /* a manager mentioned, not asked for */
        "I spoke to a manager last week and he sorted it, thank you",
        "I am the manager of the account",
        /* housekeeping and talk about leaving are no wish to leave; a solicitor
         * asking for papers is no threat; counting tries is no repeat contact */
        "I have two accounts by mistake, can you close the duplicate one",
        "just curious, what's the cancellation policy on this plan?",
        "We'd like to switch to the green tariff, is it the same price?",
        "Can you confirm my contract end date?",
        "my divorce solicitor asked for twelve months of statements",
        "I want to dispute this charge on my card",
        "Yes, twice already.",
        "thanks agent",
        "are there any fees for cancelling a subscription plan",
        "what are your customer service hours?",
        "how do I switch to a business account",
        "Can you call me back later? I'm driving right now.",
        "i watched a thing on the news about energy prices going up",
        "my solicitor's asked for a letter confirming the mortgage balance",
        "thank you for sharing this with us",
        /* a lawyer by profession, the cost of leaving, a feature switched off,
         * a callback booked for a convenient time */
        "im a lawyer so i travel a lot, does my policy cover me in the us",
        "how much would it cost me to to end the contract early, just asking",
        "Could you cancel the paper statements on my account? I'm happy with online ones.",
        "um could I book a callback for Thursday afternoon please",
        "how do i leave a review?",
        "I deserve to know why my bill went up",
        "I watched a video about how to reset the router",
        "How do I port my number in from Telstra to you?",
        "Are you regulated by the FCA? Just checking before I open an ISA.",
        "the legal department at my company needs a copy of our contract",
        "can you help me with a sign-up issue",
        "I'll tell all my friends about the referral code, how many times can they use it",
        /* chat-bot requests (support3_dev): the cost of cancelling, another
         * account, a placeholder that names a person */
        "how much do u charge to cancel a contract",
        "is there a fee if I cancel after my plan changes",
        "switch to my old account",
        "I'd like to unsubscribe {{Person Name}} from your newsletters.",
        "permanently delete my photos from the album",
        /* the press, social media and a joint account named harmlessly */
        "I'm a journalist and I'd like to subscribe to the digital edition.",
        "I'm a journalist writing about green energy tariffs, do you have a press office contact?",
        "All my friends use your app and I'll be sharing the referral code with them.",
        "We're writing a piece for the parish newsletter about the new bus route, could you "
        "confirm the timetable?",
        "I'm writing from the council's communications team regarding the event sponsorship "
        "invoice.",
        "Can I order the same as last time please?",
        "We're a club with 60 members, can we get a group discount?",
        "Is there a public escalations address I can reference? I'm writing a university "
        "assignment on how telecoms firms handle complaints.",
        "I saw a post on Facebook about a discount code, does it still work?",
        "close the joint account please, we've moved everything into my main account with you",
        "we went a bit viral on TikTok with your face paint lol",
        "I'm writing a piece for a tech magazine and would like a press sample",
        "I'd like to leave feedback for the manager about how helpful Tom was",
        "Hi, I am writing an article for a local newspaper and wondered whether someone could "
        "comment on your new broadband rollout.",
        "my agent sorted it",
        /* the pairs: another's contact, a contact never made, no intent to tell */
        "you called me twice yesterday about a sale",
        "i never called before",
        "my friends told me about your app",
        "I told my family how kind your staff were",
        /* telling others of praise for the service (one public phrase, nothing
         * negative besides it) */
        "I'll tell all my friends how brilliant your staff were",
        "will definitely tell everyone about you guys, great service",
        "amazing service from Priya today, will be telling all my friends",
        "I'm going to tell everyone how great you are!",
        "Thanks for the quick fix, I'll tell my friends how good you are!",
        /* anyone asked to call back; the bot, a journalist, a trial, a notice
         * and the police named harmlessly */
        "could someone give me a ring tomorrow morning",
        "I love your chatbot, it's so helpful",
        "the chatbot says my order shipped",
        "my wife is a journalist and needs to change her email",
        "I forgot to cancel my free trial, can I get a refund",
        "they said they'd give notice if the payment failed",
        "i reported it to the police and they gave me a crime number",
        "I'll let you know if it works",
        "I will see if my friends can help",
        "the local news said the roads are closed",
        "i need the letting agents' sort code again",
        "my solicitors asked for a redemption statement on the mortgage",
        "They said they'd give notice if it didn't go through",
        "Hi, I'm a solicitor acting for my client in the purchase of 14 Harbour View",
        "how do I start a claim on my policy?",
        /* a claim beside an insured loss is a claims line's business */
        "I need to make a claim. A storm brought a tree down onto our garage last night.",
        "i'd like to make a claim my phone fell in the bath",
        "how do i make a claim on the travel insurance",
        "I want to file a claim, I was in a car accident this morning",
        "I need to make a claim. Our house was broken into while we were away.",
        /* a service moved to a new home; a theft reported to the police */
        "We are moving out on Friday, so I need to close the account at the old address and "
        "open one at the new address.",
        "we're moving house next month, can you close the account here and set one up at the "
        "new place?",
        "my phone was stolen, ive reported it to police, can you block the sim",
        /* a switch made with us: a plan, a way of paying, a home */
        "I'd like to switch to paperless billing please.",
        "Can I switch to the pet health plan that includes dental?",
        "we're moving to a bigger house next year",
        /* something cancelled while the customer stays: replaced, a part, a mistake */
        "Can I cancel the direct debit from my old account and set up a new one? I've changed "
        "banks.",
        "can you cancel the direct debit from next month i'll pay by card instead",
        "Please cancel the boiler cover add-on. Keep the electricity and gas as they are.",
        "Please cancel the policy I just bought, I clicked annual instead of monthly by mistake.",
        /* a solicitor for a house purchase, a court attended as a witness */
        "My solicitor for the house purchase needs proof of buildings insurance.",
        "I need to be at the magistrates' court as a witness that morning. Any afternoon slots?",
        /* stopped for a while, or only the paper, or renewed by hand */
        "Our office is closed over Christmas so please stop the water cooler deliveries "
        "temporarily.",
        "Please stop the paper catalogue being sent, I use the app now.",
        "Can I stop the auto-renewal on my antivirus? I'll renew manually when it's due.",
        /* leaving a job or for a posting; a payment kept from a new account */
        "I'm leaving for a work posting in Singapore for six months. Can I put my phone line on "
        "hold and keep the number?",
        "i need to stop the direct debit on the old account because ive closed it but i want to "
        "keep paying you just from the new one",
        /* a balance brought over from a rival */
        "I want to move a balance over from another provider.",
        /* a contact before that ended well, with joy rather than thanks */
        "I'm calling to follow up on my complaint. I got your letter and I'm happy with the "
        "outcome.",
        "Does your travel policy cover trip cancellation if my flight is cancelled?",
        "is it possible to freeze the membership rather than cancelling?",
        "Are your tariffs covered by the Ofgem price cap?",
        "I told them it was still not right",
        /* fifteenth session: what the new phrases must leave alone */
        "the writing is big enough for people to see",
        "Could I be transferred back to Leanne? My battery died.",
        "i forgot to cancel the free trial can you refund it",
        "We'd like to end the lease on the photocopier when the term finishes in March",
        "we went a bit viral on TikTok with your face paint lol",
        "Yes you should tell them and report him to the police",
        "A cautionary tale about a student who thought he could not fall",
        /* sixteenth session: what the typing errors and keyword requests must leave alone */
        "our systems are fully compliant with GDPR",
        "can you help me manage my account",
        "I can't complain, the service was fine",
        "which support agent helped me yesterday? she was great",
        "please erase the typo in my address",
        "i want my login details reset",
        "I want to switch to the premium account",
        "switching to a pro account",
        "cancel my subscription to your newsletter",
        "thanks, agent",
        "my car was hit, claim",
        "can we book the function room for 20 people on the 18th?",
        "I've brought two colleagues along to sign up, the staff were lovely",
        "do you translate legal documents such as birth certificates?",
        "The Department of Transportation proposes a new bus lane",
    };
    for (size_t i = 0; i < sizeof calm / sizeof calm[0]; i++) {
        nlp_result r = cust(calm[i]);
        ck_assert_msg(r.escalation < 0.5f && r.escalation_type == NLP_ESC_NONE, "%s: %f %s",
                      calm[i], (double)r.escalation, nlp_escalation_type_name(r.escalation_type));
    }
}
END_TEST

/* A person asked for: someone above the agent, or a topic an agent can route */
START_TEST(a_request_for_a_person_says_whether_it_names_someone_senior)
{
    static const struct {
        const char *text;
        bool senior;
    } cases[] = {
        {"I want to speak to your manager", true},
        {"Is there a supervisor available?", true},
        {"I'd like to speak to someone senior about this", true},
        {"get me a real person", true},
        {"can I speak to someone about a mortgage", false},
        {"can you put me through to the mortgage team", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nlp_result r = cust(cases[i].text);
        ck_assert_msg(r.escalation_type == NLP_ESC_HUMAN_REQUEST, "%s", cases[i].text);
        ck_assert_msg(r.human_senior == cases[i].senior, "%s", cases[i].text);
    }
    /* no request, no seniority: "my manager at work said ..." */
    ck_assert(!cust("my manager at work said I should ask about the discount").human_senior);
}
END_TEST

/* ---- sarcasm ---- */

START_TEST(closing_praise_after_a_fault_mocks_it)
{
    /* a short last sentence of praise after a fault or clear negativity */
    static const char *const sarcastic[] = {
        "the fire alarm went off again at 3am. very reassuring",
        "my hot meal arrived cold and 2 hours late. excellent work",
        "paid 70 quid for a game that crashes every 10 minutes. worth every penny",
        "the app crashed and deleted my notes. stunning",
        "windows update restarted my pc in the middle of a client presentation. thanks a lot",
        "parcel arrived smashed. great \xF0\x9F\x91\x8D", /* a thumbs-up is no warmth here */
        /* delight words close a named fault as mockery too */
        "so the washing machine drum has come loose after 8 months. brilliant",
        "my parcel was left in the rain and the box fell apart. amazing",
    };
    EXPECT_SARCASM(sarcastic, true);
    /* praise with thanks, joy, a face, "!", relief or a concession is sincere;
     * so is praise that is a whole sentence of content, or a wish */
    static const char *const sincere[] = {
        "my flight was cancelled. the staff rebooked me within ten minutes, amazing service",
        "the app crashed yesterday. fixed now, great",
        "fixed in 10 minutes after the outage. great \xF0\x9F\x91\x8D",
        "the train was late. lovely staff though",
        "terrible week. feeling better now, great",
        "the parcel was late. thank you for the refund, brilliant",
        "it was stuck at the depot for days. finally here and it is gorgeous",
        "the engineer fixed the drum in ten minutes. brilliant",
        "the new kettle arrived today. amazing",
        "freezing out there today brrr. glad the heating's on @user",
    };
    EXPECT(sincere, sarcasm_of, false);
    ck_assert_float_lt(cust("sorry you had a bad day. good luck").sarcasm, 0.5f);
    /* thanks for a fault, in the same clause, with no praise after it */
    static const char *const mock_thanks[] = {
        "thanks for the 3 hour delay",
        "so grateful for the cancelled flight",
        "thanks for losing my parcel",
        "thanks @united for losing my bag",
        "wow thanks @comcast for cutting the internet during the finale",
    };
    EXPECT_SARCASM(mock_thanks, true);
    static const char *const real_thanks[] = {
        /* sixteenth session: thanks for a fault put right (PUT_RIGHT_WORDS) */
        "Thank you for fixing the leak in my flat so promptly.",
        "thanks for replacing my cracked screen, no fuss at all",
        "thanks for the refund for the missing items",
        "thanks for the quick fix to the outage",
        "thanks for the warning :)",
        "thanks for the update on my delayed parcel, I appreciate it",
        "thank god the outage is over, great job",
    };
    EXPECT(real_thanks, sarcasm_of, false);
    /* scare quotes around a claim beside a fault mock it; a quoted error is no claim */
    static const char *const scare[] = {
        "my \"hot\" meal arrived cold and 2 hours late",
        "the \xe2\x80\x9cquiet room\xe2\x80\x9d is next to the lift and it is broken",
        "\"next day delivery\" and it still hasn't arrived after 8 days",
    };
    EXPECT(scare, sarcasm_of, true);
    static const char *const quoted[] = {
        "it keeps saying \"payment failed\" and the app crashed",
        "I picked the \"express\" option and it came in a day, thank you",
        "the app crashed, then \"a very long quotation that goes on and on for well over forty "
        "bytes\" appeared",
    };
    EXPECT(quoted, sarcasm_of, false);
    /* thanking someone for sharing is no public threat; saying you will share is */
    ck_assert_int_eq(cust("thank you for sharing this with us").escalation_type, NLP_ESC_NONE);
    ck_assert_int_eq(cust("I'll post this everywhere").escalation_type, NLP_ESC_PUBLIC);
    ck_assert_float_lt(cust("the train was late. we made it though! :D").sarcasm, 0.5f);
}
END_TEST

START_TEST(frames_over_a_fault_and_put_right)
{
    /* gladness or enjoyment whose object is a fault; a contact left
     * unanswered is a fault; "right" before a time is no praise */
    static const char *const sarcastic[] = {
        "So glad I pay for broadband that doesn't work",
        "So happy my order got cancelled without a word",
        "Really enjoying being charged twice for the same thing",
        "Best customer service ever, nobody has called me back in a week",
        "I love that you never answer the phone",
        "I just love it when you don't reply to my emails",
        "Wonderful, the router died again right before my meeting",
        "What a pleasure it is to explain this for the fifth time",
        /* a long wait called short (seventeenth session) */
        "Thanks for the speedy refund, it only took six weeks.",
    };
    EXPECT_SARCASM(sarcastic, true);
    /* a frame whose fault is put right in its sentence, or whose praise is
     * conceded with "but", is meant */
    static const char *const sincere[] = {
        "love that they fixed the outage so quickly",    "love how fast you sorted the leak",
        "love how quickly the outage was fixed",         "so glad you sorted the leak the same day",
        "The repair only took two days, thanks so much",
    };
    EXPECT_SARCASM(sincere, false);
    ck_assert_float_lt(cust("love how the new app looks, but it keeps crashing").sarcasm, 0.5f);
    ck_assert_float_ge(cust("love how my internet drops every evening").sarcasm, 0.5f);
    /* unanswered contacts told with their subject are complaints; the
     * customer's own habit and a no-reply footer are not */
    ck_assert_float_ge(cust("You don't reply to my emails.").complaint, 0.5f);
    ck_assert_float_ge(cust("they never pick up the phone").complaint, 0.5f);
    ck_assert_float_lt(cust("Please don't reply to this email.").complaint, 0.5f);
    ck_assert_float_lt(cust("I never answer unknown numbers").complaint, 0.5f);
}
END_TEST

START_TEST(sarcasm_model_reads_mock_praise)
{
    /* mock praise with no frame the rules know: the sarcasm model
     * (nlp/lexicon/sarcasm_model.txt) reads it, and the praise is no praise */
    static const char *const sarcastic[] = {
        "Exceptional service as ever, my claim has been with the assessor for eleven weeks",
        "Superb communication from your team, not a single email in three weeks",
    };
    EXPECT_SARCASM(sarcastic, true);
    /* sincere praise of the service stays praise; so do the marks of sincere
     * praise the model leaves alone: "!", closing thanks, a fault put right */
    static const char *const sincere[] = {
        "The new app is lovely and quick",
        "Your engineer was brilliant, the boiler works perfectly",
        "Great service from Amy today",
    };
    EXPECT_SARCASM(sincere, false);
    static const char *const marked[] = {
        "thanks for the update on my delayed parcel, I appreciate it",
        "my flight was cancelled. the staff rebooked me within ten minutes, amazing service",
        "Exceptional service, my claim was paid within a week!",
    };
    EXPECT(marked, sarcasm_of, false);
}
END_TEST

START_TEST(sarcastic_openers_and_mocking_frames)
{
    /* a praise word set off at the start, then only a fault; mocking frames
     * and cues (sarcasm.txt) */
    static const char *const sarcastic[] = {
        "great, another outage",
        "brilliant, the app crashed again",
        "perfect. locked out of my account again",
        "love being put on hold for an hour",
        "thanks for making me wait all day",
        "what could possibly go wrong",
        "gee thanks",
        "love waking up at 5am",
        "i love having to do paperwork on my day off",
    };
    EXPECT_SARCASM(sarcastic, true);
    /* the same openers and frames with a good outcome stay praise */
    static const char *const sincere[] = {
        "great, thanks for sorting it so quickly!",
        "brilliant, the app works perfectly now",
        "lovely, the parcel came early",
        "good to know, thanks",
        "fun times with the family at the beach",
        "best birthday ever, thank you all",
    };
    EXPECT_SARCASM(sincere, false);
    /* a fault that is over: no sarcasm, if not quite praise */
    ck_assert_float_lt(cust("great, the outage is fixed now").sarcasm, 0.5f);
    /* a frame's fault put right in its sentence is relief, not mockery, and no complaint */
    static const char *const put_right[] = {
        "love that the outage is fixed",
        "love how the broken boiler got sorted so fast",
    };
    EXPECT_SARCASM(put_right, false);
    ck_assert_float_gt(cust("love that the outage is fixed").valence, 0.1f);
    ck_assert_float_lt(cust("love that the outage is fixed").complaint, 0.5f);
    /* a loving face says the frame is meant */
    ck_assert_float_lt(
        cust("I love how many penguins stopped and waited for him \xF0\x9F\x98\x8D").sarcasm, 0.5f);
    ck_assert_float_ge(cust("love how the outage is back again").sarcasm, 0.5f);
}
END_TEST

START_TEST(sarcasm_vs_sincere_praise)
{
    static const char *const sarcastic[] = {
        "Oh great, thanks a lot.",
        "Love how my internet drops every single evening",
        "Just what I needed, another delayed flight #not",
        "Yeah right, like that's ever going to happen \xF0\x9F\x99\x84",
        /* praise taken back by a last "not" (ninth session) */
        "so helpful, not",
        "So much time saved. Not.",
    };
    EXPECT_SARCASM(sarcastic, true);
    static const char *const sincere[] = {
        "Thanks a lot for your help today, it works now!",
        "Great news, the engineer fixed it.",
        "I love this phone.",
        "that's exactly what i needed, thanks a million",
        /* a mocking opener beside relief and nothing bad (ninth session) */
        "oh great, it works now!",
        /* ... or before two sincere praises (twenty-sixth session) */
        "oh brilliant that's great thanks so much",
        "Oh great, the replacement arrived and it works perfectly. Thank you!",
    };
    EXPECT_SARCASM(sincere, false);
    ck_assert_float_gt(cust("oh brilliant that's great thanks so much").valence, 0.3f);
    /* "or not" is no taking back */
    ck_assert_float_lt(cust("I don't really know if I like her or not.").sarcasm, 0.5f);
}
END_TEST

/* ---- agent side ---- */

START_TEST(empathy_model_reads_care_in_plain_words)
{
    /* care told without the phrases the lexicon knows: the empathy model
     * (nlp/lexicon/empathy_model.txt) reads it; plain procedure stays plain */
    static const char *const caring[] = {
        "that's a horrible thing to come home to, let's get you sorted tonight",
        "oh no, with a newborn in the house too, right, I'm booking the engineer for first "
        "thing tomorrow",
        "I can hear how worn out you are, so I'll do the paperwork on our side",
    };
    EXPECT_AGENT(caring, empathy_of, true);
    ck_assert_float_lt(agent("Your account number please.").empathy, 0.5f);
    ck_assert_float_lt(agent("The engineer will arrive between 8 and 12.").empathy, 0.5f);
    /* the customer's side never gets it */
    ck_assert_float_eq(cust("that's a horrible thing to come home to").empathy, 0.0f);
}
END_TEST

START_TEST(complaint_model_adds_what_the_rules_miss)
{
    /* faults told in words the lexicon has no fault for: the rules leave them
     * below 0.5 (the model's first input, kept for the trainer) and the
     * complaint model (nlp/lexicon/complaint_model.txt) lifts them */
    static const char *const missed[] = {
        "they closed our local branch so now it's a 40 minute drive to pay in a cheque",
        "the engineer came, looked at it for two minutes and left",
        "the so called express lane took 45 minutes",
    };
    EXPECT_MODEL_ADDS(missed, NLP_ROLE_CUSTOMER, NLP_MODEL_COMPLAINT, 0, complaint_of);
    /* it only adds: what the rules explain or read as praise stays as it was,
     * and so do plain reports it is unsure of */
    static const char *const not_complaints[] = {
        "love the new app update, no more crashes!",
        "Our house was broken into on Saturday night and they took my laptop.",
        "the sign says open 9 to 5",
        "the engineer is booked for 9am",
        "overslept and missed my flight, totally on me",
    };
    EXPECT(not_complaints, complaint_of, false);
    /* the agent's side never gets a complaint */
    ck_assert_float_eq(agent("the engineer came, looked at it for two minutes and left").complaint,
                       0.0f);
    /* sixteenth session: it takes back a complaint the rules read from
     * negativity alone, with no fault, complaint or service named, when it is
     * fairly sure (below 0.27) ... */
    static const char *const unaimed[] = {
        "hate mondays",
        "ugh my head is killing me today",
    };
    EXPECT_MODEL_TAKES_BACK(unaimed, NLP_ROLE_CUSTOMER, NLP_MODEL_COMPLAINT, 0, complaint_of);
    /* ... and leaves what names the company, the product or a fault */
    static const char *const aimed[] = {
        "you guys are a joke",        "not happy at all",
        "I'm worried about my order", "love your coffee but the new cups are awful",
        "Cumbersome design.",
    };
    EXPECT(aimed, complaint_of, true);
}
END_TEST

static float legal_of(const nlp_result *r)
{
    return r->escalation_type == NLP_ESC_LEGAL ? r->escalation : 0.0f;
}

START_TEST(legal_threats_and_the_law_named_in_passing)
{
    /* legal threats in other words: a court named after "I'm taking" (which
     * also opens an agent's phrase), being sued, a regulator or consumer body
     * by name, a complaint to one filed */
    static const char *const legal[] = {
        "I'm taking you to court over this.",
        "You lot are going to get sued.",
        "Consumer Affairs has been informed. Expect contact from them.",
        "I have reported you to the Central Bank.",
        "PUC complaint filed. Stop threatening to shut off my gas.",
        /* the formal route is the customer's to take, and a threat said as
         * one ("I will get my lawyer"): never taken back */
        "where can I file a complaint",
        "I need to lodge a claim against your business",
        "I will get my lawyer on this, my card was charged twice, call me on 0141 496 0000",
        /* "I'm taking" and "I'm putting" open an agent's phrase of ownership
         * only when it goes on as one ("I'm taking care of it") */
        "I'm taking this further",
        "I'm putting in a complaint",
    };
    EXPECT(legal, legal_of, true);
    ck_assert_int_eq(cust("I'm taking this to social media").escalation_type, NLP_ESC_PUBLIC);
    ck_assert_float_ge(agent("I'm taking care of this for you now").empathy, 0.5f);
    /* a regulator or the law named without a threat: the rules call a
     * regulator a legal threat, the escalation models (legal_model.txt and
     * the others, all below LEGAL_TAKE_BACK_LOGIT) take it back */
    static const char *const taken_back[] = {
        "I work at the financial regulator, can I get a statement of my account?",
        "What does the regulator say about how long a switch should take?",
    };
    /* (below 0.5 the type is none) */
    EXPECT_MODEL_TAKES_BACK(taken_back, NLP_ROLE_CUSTOMER, NLP_MODEL_LEGAL, 3, escalation_of);
    static const char *const not_legal[] = {
        "I'm a lawyer, so please only call me after 6pm.",
        "Is it a legal requirement to have a TV licence to stream your channels?",
        "I'm not going to sue anyone, I just want my refund.",
        "I am taking ownership of this",
    };
    EXPECT(not_legal, escalation_of, false);
}
END_TEST

START_TEST(escalation_models_read_threats_in_plain_words)
{
    /* public threats, repeat contacts, requests for a person and cancelling
     * told without the lexicon's phrases: the rules leave them below 0.5 (the
     * models' fourth input, kept for the trainer) and the escalation models
     * (nlp/lexicon/public_model.txt, repeat_model.txt, human_model.txt,
     * cancel_model.txt) lift them, each as its type */
    static const struct {
        const char *text;
        int type;
    } missed[] = {
        {"Wait till the parents at the school gate hear about this.", NLP_ESC_PUBLIC},
        {"Guess what the whole allotment society will be talking about on Sunday.", NLP_ESC_PUBLIC},
        {"Emailed in March, chased in April, phoned in May. Still no refund.",
         NLP_ESC_REPEAT_CONTACT},
        {"Your man said Tuesday. Then Thursday. Now it's Monday.", NLP_ESC_REPEAT_CONTACT},
        {"The ticket was opened in January and it's still open.", NLP_ESC_REPEAT_CONTACT},
        {"Could a senior member of the team pick this up please?", NLP_ESC_HUMAN_REQUEST},
        {"I'd rather deal with someone who has the authority to waive this.",
         NLP_ESC_HUMAN_REQUEST},
        {"I'll wait for whoever runs the team.", NLP_ESC_HUMAN_REQUEST},
        {"I'm done, cancel it.", NLP_ESC_CANCEL},
        {"Cancel it. I'm not paying another penny.", NLP_ESC_CANCEL},
        {"please can you cancel it for me i dont want it anymore", NLP_ESC_CANCEL},
    };
    nlp_analyzer_keep_model_inputs(an, true);
    for (size_t i = 0; i < sizeof missed / sizeof missed[0]; i++) {
        nlp_result r = cust(missed[i].text);
        int32_t ids[64];
        size_t n_ids = 0;
        const float *in = nlp_analyzer_model_inputs(an, NLP_MODEL_PUBLIC, ids, 64, &n_ids);
        ck_assert_msg(in[3] < 0.5f && r.escalation >= 0.5f &&
                          (int)r.escalation_type == missed[i].type,
                      "%s: rules %f, with the models %f (%d)", missed[i].text, (double)in[3],
                      (double)r.escalation, (int)r.escalation_type);
    }
    /* a message the models do not read (no word of ESC_MODEL_TAGS, or praise
     * above its negative words) keeps zero inputs */
    static const char *const unread[] = {"Do you sell gift cards?",
                                         "I left you a five star review on trustpilot"};
    for (size_t i = 0; i < sizeof unread / sizeof unread[0]; i++) {
        (void)cust(unread[i]);
        int32_t ids[64];
        size_t n_ids = 0;
        const float *in = nlp_analyzer_model_inputs(an, NLP_MODEL_REPEAT, ids, 64, &n_ids);
        for (int k = 0; k < NLP_MODEL_DENSE; k++) {
            ck_assert_msg(in[k] == 0.0f, "%s: input %d is %f", unread[i], k, (double)in[k]);
        }
    }
    nlp_analyzer_keep_model_inputs(an, false);
    /* the same words harmlessly: praise shared, a contact that went well, a
     * follow-up that only sends what was asked for, a first contact about a
     * delay, the customer's own attempts counted, reviews read, a manager or
     * a boss named in passing, an order cancelled, the bot praised, a number
     * ported in, the customer's own team leader, a good review left */
    static const char *const not_escalations[] = {
        "I told my friends about your sale and they loved it",
        "Hello, I'd like to leave a review for the engineer, he was great.",
        "I left you a five star review on trustpilot",
        "I called yesterday to update my address, all done now, thanks",
        "Following up with the photo you asked for yesterday.",
        "I ordered a new phone two weeks ago and nobody has told me when it will ship.",
        "I have already restarted it three times.",
        "I read the reviews on yelp before buying",
        "The manager at the branch was lovely.",
        "My boss needs a copy of the invoice.",
        "Please cancel my order, I bought the wrong size.",
        "I'm leaving the house at ten, can the engineer come before then?",
        "Your chatbot was brilliant, it fixed my login without any hassle.",
        "I'm porting my number in from Vodafone, what do you need from me?",
        "My team leader asked me to order ten more headsets.",
        "Great job by the fitter today, I'll be leaving a five-star review.",
    };
    EXPECT(not_escalations, escalation_of, false);
    /* the agent's side never escalates: an offer to cancel or to name the
     * ombudsman is the agent's (twenty-eighth session) */
    ck_assert_float_eq(
        agent("Emailed in March, chased in April, phoned in May. Still no refund.").escalation,
        0.0f);
    static const char *const offers[] = {"I can cancel your account for you today",
                                         "You can complain to the ombudsman if you like",
                                         "I'll put you through to my manager now"};
    for (size_t i = 0; i < sizeof offers / sizeof offers[0]; i++) {
        nlp_result a = agent(offers[i]);
        ck_assert_msg(a.escalation == 0.0f && a.escalation_type == NLP_ESC_NONE, "%s: %f",
                      offers[i], (double)a.escalation);
    }
    ck_assert_int_eq(cust("I want to cancel my account today").escalation_type, NLP_ESC_CANCEL);
}
END_TEST

START_TEST(tonedeaf_model_reads_coldness_in_plain_words)
{
    /* coldness without the lexicon's phrases: the rules leave these below
     * 0.5 (the model's tenth input, kept for the trainer) and the
     * tone-deafness model (nlp/lexicon/tonedeaf_model.txt) adds them */
    static const char *const cold[] = {
        "your hospital stay changes nothing, the payment was late",
        "your redundancy is your business, the arrears stand",
    };
    EXPECT_MODEL_ADDS(cold, NLP_ROLE_AGENT, NLP_MODEL_TONEDEAF, 9, tone_deaf_of);
    /* the lexicon names the concern waved away (twenty-seventh session: the
     * model no longer weighs "not", "why" or "but") */
    ck_assert_float_ge(
        agent("your hospital stay is not our concern, the payment was late").tone_deaf, 0.5f);
    /* the model read this at 0.90 once agent9_dev was in its data (below
     * TONEDEAF_MODEL_ADD); the lexicon names it since the sixteenth session */
    ck_assert_float_ge(agent("whether or not you were in hospital, the payment was late").tone_deaf,
                       0.5f);
    /* plain procedure in a routine reply stays plain */
    static const char *const plain[] = {
        "I've closed the account as requested.",
        "the engineer is booked for Tuesday",
        "we need a copy of your passport to verify your identity",
        "you will receive a letter confirming the closure within 10 days",
    };
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        ck_assert_msg(agent(plain[i]).tone_deaf < 0.5f, "%s", plain[i]);
    }
    /* the customer's side never gets it */
    ck_assert_float_eq(
        cust("your hospital stay is not our concern, the payment was late").tone_deaf, 0.0f);
}
END_TEST

START_TEST(empathy_and_tone_deaf)
{
    /* the customer's situation named for what it is, then help: empathy */
    ck_assert_float_ge(agent("oh that's horrible, i'll get the card blocked for you now").empathy,
                       0.5f);
    ck_assert_float_ge(
        agent("that's really not fair, i've credited back the difference for you").empathy, 0.5f);
    ck_assert_float_lt(agent("the card will be blocked now").empathy, 0.5f);
    /* validation told with a negator is not turned round by it */
    ck_assert_float_ge(agent("I don't blame you for being upset").empathy, 0.5f);
    ck_assert_float_gt(agent("you're not wrong to be annoyed").valence, 0.0f);
    /* care in deeds and time: going slowly, owning the fault, a promise kept */
    ck_assert_float_ge(agent("go at your own pace, there's no time limit on this call").empathy,
                       0.5f);
    ck_assert_float_ge(agent("the delay was caused by us, not anything you did").empathy, 0.5f);
    ck_assert_float_ge(agent("You've done everything right here, this one's on us").empathy, 0.5f);
    ck_assert_float_ge(
        agent("Totally get it, nobody wants to be without heating in January").empathy, 0.5f);
    ck_assert_float_ge(agent("I'm just following the process.").tone_deaf, 0.5f);
    ck_assert_float_ge(agent("That's not good enough from us, and I'm sorry.").empathy, 0.5f);
    ck_assert_float_ge(cust("that's not good enough").complaint, 0.5f);
    ck_assert_float_lt(cust("i'm really sorry i've forgotten my password again").complaint, 0.5f);
    ck_assert_float_ge(agent("Okay, and what is it you want me to do about it?").tone_deaf, 0.5f);
    ck_assert_float_ge(agent("just checking in as promised: the engineer is booked for 9am, and "
                             "I'll keep you updated")
                           .empathy,
                       0.5f);
    ck_assert_float_lt(agent("the engineer is booked for 9am").empathy, 0.5f);
    /* an apology taken back by "but" with no help after it is tone-deaf; with
     * help or understanding after it, it is not */
    ck_assert_float_ge(agent("i'm sorry your mum's upset but she did sign up to the contract "
                             "herself so")
                           .tone_deaf,
                       0.5f);
    ck_assert_float_lt(agent("I'm sorry, I can't refund the fare as it was a non-refundable "
                             "ticket, but I completely understand how disappointing that is.")
                           .tone_deaf,
                       0.5f);
    /* a fee insisted on is cold in a call about a death or hardship, routine
     * elsewhere; a brush-off elsewhere and correcting the customer's words are
     * tone-deaf anywhere */
    ck_assert_float_ge(agent("I know your dad passed away, but the charges are valid.").tone_deaf,
                       0.5f);
    ck_assert_float_ge(agent("Redundancy or not, the fee stands.").tone_deaf, 0.5f);
    ck_assert_float_lt(agent("The fee stands at five pounds a month.").tone_deaf, 0.5f);
    ck_assert_float_lt(
        agent("The payment holiday would last 3 months and interest would still apply.").tone_deaf,
        0.5f);
    ck_assert_float_ge(agent("that's not us, you'll have to ring them").tone_deaf, 0.5f);
    /* formal coldness: one such phrase leans tone-deaf, two (or one on a
     * call about hardship) read as tone-deaf */
    ck_assert_float_ge(agent("We note your comments. The matter is now closed.").tone_deaf, 0.5f);
    ck_assert_float_lt(agent("Your refund will be processed in due course.").tone_deaf, 0.5f);
    ck_assert_float_ge(
        agent("Your request for a payment holiday due to chemotherapy has been declined.")
            .tone_deaf,
        0.5f);
    ck_assert_float_ge(
        agent("Lol yeah the parcel got lost, stuff happens. Reorder whenever.").tone_deaf, 0.5f);
    /* a rule stated as the system's beside an illness or hardship is cold;
     * alone, or as the procedure a death needs, it is not */
    ck_assert_float_ge(
        agent("Your wife's hospital admission doesn't change the due date.").tone_deaf, 0.5f);
    ck_assert_float_ge(
        agent("Interest will continue to be applied while your hardship application is assessed.")
            .tone_deaf,
        0.5f);
    /* the fault handed back, the warning the customer should have read */
    ck_assert_float_ge(
        agent("That said, you did enter the wrong postcode, so part of this is on you.").tone_deaf,
        0.5f);
    ck_assert_float_ge(agent("The disruption was widely reported in advance.").tone_deaf, 0.5f);
    ck_assert_float_ge(
        agent("she was just having a bad day i wouldn't take it personally").tone_deaf, 0.5f);
    ck_assert_float_ge(agent("Wow, that's a lot of questions. Account number?").tone_deaf, 0.5f);
    ck_assert_float_ge(agent("Well, it worked when it left our warehouse.").tone_deaf, 0.5f);
    ck_assert_float_lt(
        agent("Payment is due on the 1st regardless of personal circumstances.").tone_deaf, 0.5f);
    ck_assert_float_lt(agent("Payment is due on the 1st of each month.").tone_deaf, 0.5f);
    ck_assert_float_lt(
        agent("The due date is the 1st of the month, as set out in your agreement.").tone_deaf,
        0.5f);
    /* procedure after a death is no fault, bare or with the loss acknowledged */
    ck_assert_float_lt(agent("we'll need a copy of the death certificate").tone_deaf, 0.5f);
    ck_assert_float_lt(
        agent("I'm so sorry for your loss. We'll need a copy of the death certificate.").tone_deaf,
        0.5f);
    /* thanks are no cheer beside a death */
    ck_assert_float_lt(
        agent("thanks, I've received the death certificate and closed the account").tone_deaf,
        0.5f);
    /* cheer to close bad news */
    ck_assert_float_ge(
        agent("Your fire damage claim is still pending. Have a fantastic day!").tone_deaf, 0.5f);
    ck_assert_float_lt(agent("Your fire damage claim is still pending.").tone_deaf, 0.5f);
    /* a loss waved through, blame and talking down in plain words */
    ck_assert_float_ge(
        agent("okay so cancer or not the minimum term is twenty four months").tone_deaf, 0.5f);
    ck_assert_float_lt(agent("The minimum term is twenty four months.").tone_deaf, 0.5f);
    ck_assert_float_ge(
        agent("well you booked the cheapest fare so you get what you pay for").tone_deaf, 0.5f);
    ck_assert_float_ge(
        agent("I'm sorry for your loss. okay moving on, what's the meter reading").tone_deaf, 0.5f);
    ck_assert_float_ge(
        agent("just so you know it's pronounced worcester like wooster. anyway, your postcode?")
            .tone_deaf,
        0.5f);
    /* the agent channel yields no emotion, however the reply is worded */
    nlp_result hot = agent("I'm so angry and upset about this, I hate it. Thanks, great!");
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        ck_assert_float_eq(hot.emotions[k], 0.0f);
    }
    ck_assert_float_lt(hot.valence, 0.0f);
    /* minimising and deflecting in everyday words */
    ck_assert_float_ge(
        agent("These things happen with parcels. It'll turn up eventually.").tone_deaf, 0.5f);
    ck_assert_float_ge(agent("Computer says no. Anything else?").tone_deaf, 0.5f);
    /* cheer after a death or a lost job, with no word of acknowledgement, is
     * tone-deaf; plain procedure on such a call is not */
    ck_assert_float_ge(agent("okay awesome so your husband's died and the account's in his name "
                             "so you'll need to close it and reapply have a great day")
                           .tone_deaf,
                       0.5f);
    ck_assert_float_lt(agent("okay so we'll need a copy of the death certificate and um the will "
                             "and then we can release the funds")
                           .tone_deaf,
                       0.5f);
    /* bad news told with a cheer word is tone-deaf; good news with one is not */
    ck_assert_float_ge(
        agent("Super! Your claim has been declined. Thanks for chatting with us today!").tone_deaf,
        0.5f);
    ck_assert_float_lt(agent("Great news, your refund has been approved!").tone_deaf, 0.5f);
    /* an apology taken back by "unfortunately" with no help after it */
    ck_assert_float_ge(agent("I'm so sorry about your diagnosis. Unfortunately all correspondence "
                             "must now be in writing.")
                           .tone_deaf,
                       0.5f);
    ck_assert_float_lt(agent("I'm so sorry about your diagnosis. Unfortunately we can't waive it, "
                             "but I've put a 60-day hold on the account so you don't have to "
                             "worry about it.")
                           .tone_deaf,
                       0.5f);
    /* ... and by "though", "Still," opening a sentence, or "That said"
     * (seventeenth session); "even though" and a "still" inside a sentence
     * concede nothing */
    static const char *const conceded[] = {
        "I'm very sorry for the distress. That said, the appointment was cancelled because you "
        "were late.",
        "I'm so sorry for your loss. Having said that, we did ask for the certificate twice.",
        "What a horrible week you've had. Still, the late fee stands because you missed the date.",
        "Really sorry about the damage to your car. Our signs say cars are left at the owner's "
        "risk though.",
    };
    EXPECT_AGENT(conceded, tone_deaf_of, true);
    static const char *const not_conceded[] = {
        "I'm so sorry your parcel still hasn't arrived.",
        "I'm really sorry you were charged even though you paid on time.",
        "I'm so sorry for your loss. That said, please take all the time you need, I've paused "
        "the account and I'll handle the rest for you.",
    };
    EXPECT_AGENT(not_conceded, tone_deaf_of, false);
    /* an apology conceded with help offered after it stands; a demand, a
     * repetition or a condition is no help (seventeenth session) */
    static const char *const helped[] = {
        "I'm so sorry Bella is unwell. Unfortunately it's listed as pre-existing, but I'll ask "
        "the vet team to review it against her records.",
        "I'm really sorry, I know a flood is devastating. Your policy lapsed on the 1st, but I've "
        "passed your details to our claims manager.",
        "sorry, we don't price match, i know that's annoying! i can give you 10% off with a code "
        "though if that helps",
    };
    EXPECT_AGENT(helped, tone_deaf_of, false);
    static const char *const not_helped[] = {
        "I'm so sorry for your loss. Unfortunately we'll still need the final payment of £214 by "
        "the 15th to close the account.",
        "oh i'm so sorry to hear that i really am but the cancellation fee has to be paid before "
        "we can close it down",
        "I'm sorry, but I've already explained this twice.",
        "Sir, I've explained this three times now.",
        "I've told you this several times.",
    };
    EXPECT_AGENT(not_helped, tone_deaf_of, true);
    /* blame told as what would not have happened; "if you'd like" is no blame */
    static const char *const blamed_back[] = {
        "If you'd set up two-factor, this wouldn't have happened.",
        "If you had filled the form in properly the first time we wouldn't be here.",
    };
    EXPECT_AGENT(blamed_back, tone_deaf_of, true);
    static const char *const offered[] = {
        "If you'd like, I can call you back tomorrow.",
        "If you'd prefer, we can send it by post and you wouldn't need to come in.",
    };
    EXPECT_AGENT(offered, tone_deaf_of, false);
    /* ownership in other words is empathy (ninth session) */
    ck_assert_float_ge(
        agent("I've raised this with our engineers and I'll call you back by 5pm today.").empathy,
        0.5f);
    ck_assert_float_ge(agent("I've gone ahead and refunded the £15.").empathy, 0.5f);
    ck_assert_float_ge(agent("i do apologise for the wait today").empathy, 0.5f);
    /* ownership said in full, appreciation and the agent's own acknowledgement */
    static const char *const warm[] = {
        "I'll personally make sure this is resolved today.",
        "I can completely appreciate why you're upset.",
        "I want to make sure we get this right for you.",
        "That's not good at all, let me find out what happened.",
        "I'm going to look into this for you right now.",
        /* finding out and coming back (twenty-seventh session, agent12_dev) */
        "I'm not sure why that happened, but I'll find out and call you back by 5pm today.",
        "I'll find out and get back to you.",
    };
    EXPECT_AGENT(warm, empathy_of, true);
    ck_assert_float_lt(
        agent("I'm not sure why that happened, but I'll find out and call you back by 5pm today.")
            .tone_deaf,
        0.5f);
    /* dismissals in plain words; an ultimatum only where its clause ends (agent12_dev) */
    static const char *const dismissed[] = {
        "Pay the fee or leave stuff behind, your choice.",
        "The card is in your husband's name. Ask him.",
        "While I have you, can I tell you about our broadband bundle?",
        "Everyone knows to adjust for time zones.",
    };
    EXPECT_AGENT(dismissed, tone_deaf_of, true);
    static const char *const not_dismissed[] = {
        "You can pick your choice of date on the app.",
        "Could you ask him to give us a call when he's free?",
    };
    EXPECT_AGENT(not_dismissed, tone_deaf_of, false);
    /* reassurance after the customer's slip is no apology taken back by "but" */
    ck_assert_float_lt(agent("It's easy to miss, but the 0% interest period ended last month, "
                             "which is why interest has appeared on this statement.")
                           .tone_deaf,
                       0.5f);
    /* naming the customer's money worry is acknowledgement, not cheer after hardship */
    nlp_result plan = agent("I know money is tight right now, so let's find a plan that works "
                            "for you. Would £15 a month be manageable?");
    ck_assert_float_ge(plan.empathy, 0.5f);
    ck_assert_float_lt(plan.tone_deaf, 0.5f);
    /* sorry for the customer's feelings, not for what happened: no empathy */
    ck_assert_float_lt(agent("I'm sorry you feel that way.").empathy, 0.5f);
    ck_assert_float_ge(agent("I'm sorry you're going through this.").empathy, 0.5f);
    /* dismissal, blame and impatience in other words */
    static const char *const cold[] = {
        "i don't i don't really see what the problem is here",
        "Fine. Whatever you prefer.",
        "did you not think to check the tracking before calling",
        "honestly it's not that big a deal it's just a delay",
        "I appreciate this is upsetting, however the terms were clear when you booked.",
        "i do apologise um but you're the first person who's ever complained about this",
        /* ninth session: a dead end with no way on, told to wait it out */
        "I'm afraid there's nothing more I can do for you.",
        "Please be patient.",
        "Honestly it's not that bad, it'll be back up soon.",
        "I'm sorry you feel that way.",
        "um yeah so basically you'll just have to wait for the engineer",
        "look i've already explained this twice",
        "That's the system, I can't override it.",
        "I've never heard of that happening before.",
    };
    for (size_t i = 0; i < sizeof cold / sizeof cold[0]; i++) {
        ck_assert_msg(agent(cold[i]).tone_deaf >= 0.5f, "%s: %.3f", cold[i],
                      (double)agent(cold[i]).tone_deaf);
    }
    ck_assert_float_lt(agent("You must be worn out after all this back and forth. I'll keep it "
                             "simple: the refund is approved.")
                           .tone_deaf,
                       0.5f);
    ck_assert_float_lt(agent("Perfect, I've updated the address on the account.").tone_deaf, 0.5f);
    /* rushing and doubt; a considerate "I'll keep this quick" is neither */
    ck_assert_float_ge(
        agent("yeah yeah okay let's keep this quick i've got loads of calls waiting").tone_deaf,
        0.5f);
    ck_assert_float_ge(agent("Our records show otherwise.").tone_deaf, 0.5f);
    ck_assert_float_lt(
        agent("yeah i can hear the little one in the background so i'll keep this quick for you")
            .tone_deaf,
        0.5f);
    /* an apology followed by blame is both: the two are scored apart */
    nlp_result both = agent("i'm sorry about that but you really should have checked the address");
    ck_assert_float_ge(both.empathy, 0.5f);
    ck_assert_float_ge(both.tone_deaf, 0.5f);
    static const char *const dismissive[] = {
        "look you're not the only person in the queue today",
        "yeah i mean it's a phone bill it's not the end of the world",
        "Your bank must have made a mistake, it's not on our end.",
        "Ok well if you're going to be rude I'm going to end the chat.",
        "it's a three month wait that's just how it is",
    };
    for (size_t i = 0; i < sizeof dismissive / sizeof dismissive[0]; i++) {
        nlp_result r = agent(dismissive[i]);
        ck_assert_msg(r.tone_deaf >= 0.5f && r.empathy < 0.5f, "%s: empathy %f tone_deaf %f",
                      dismissive[i], (double)r.empathy, (double)r.tone_deaf);
    }
    /* facts about an end date are no refusal */
    ck_assert_float_lt(agent("Your subscription will continue until the end of the current "
                             "billing period.")
                           .tone_deaf,
                       0.5f);
    static const char *const empathic[] = {
        "I'm so sorry about this, I'll make sure it gets fixed today.",
        "That sounds really stressful, let me sort it out for you right away.",
        "You're right to be upset, that should not have happened.",
        "Thank you for your patience, I completely understand.",
        /* naming how hard it is; condolence and support on bereavement calls */
        "That must be really hard.",
        "I can only imagine how difficult this has been.",
        "I'm so sorry for your loss. Take all the time you need.",
        "You're not alone, we'll get this sorted together.",
        /* from the agent development set's families (bench/nlp/dev/agent_dev.tsv) */
        "I'd be upset too if my card was declined in front of everyone.",
        "That must have been frightening. I'm sending an engineer now.",
        "You've done nothing wrong here, the error was on our side.",
        "I can hear how worried you are, so let's look at the options right now.",
        "That's a horrible feeling, being locked out of your own account.",
        "Coming home to a flooded kitchen must be devastating.",
        "I completely get why you'd be sceptical after what happened.",
        /* sixth session (bench/nlp/dev/agent3_dev.tsv), typed and transcribed */
        "okay so i'm sorry for the confusion um you were told something different in store",
        "You shouldn't have had to explain this again. I've read the notes and I'll take it "
        "from here.",
        "yeah i totally hear you it's a lot to deal with on top of everything else",
    };
    for (size_t i = 0; i < sizeof empathic / sizeof empathic[0]; i++) {
        nlp_result r = agent(empathic[i]);
        ck_assert_msg(r.empathy >= 0.5f && r.tone_deaf < 0.5f, "%s: empathy %f tone_deaf %f",
                      empathic[i], (double)r.empathy, (double)r.tone_deaf);
    }
    static const char *const deaf[] = {
        "Please calm down.",
        "As I already said, you need to restart the router.",
        "That's our policy, there's nothing I can do.",
        "You should have read the terms and conditions.",
        "As per my previous message, the item is non-refundable.",
        "I don't make the rules, I just follow them.",
        "Maybe next time check your basket before you place the order.",
        "You're overreacting a little, it's a minor delay.",
        "if you'd measured the space properly the fridge would have fitted",
        /* fifth session: doubting, talking down, closing the door */
        "Have you tried actually reading the email we sent you?",
        "Not sure why you're calling us, that's a problem with your phone.",
        "I'll explain it again, slowly this time: the contract is 24 months.",
        "We apologise for any inconvenience, however the fault lies with the information you "
        "provided.",
    };
    for (size_t i = 0; i < sizeof deaf / sizeof deaf[0]; i++) {
        nlp_result r = agent(deaf[i]);
        ck_assert_msg(r.tone_deaf >= 0.5f && r.empathy < 0.5f, "%s: empathy %f tone_deaf %f",
                      deaf[i], (double)r.empathy, (double)r.tone_deaf);
    }
    /* procedure, facts and scripted apologies are neither */
    static const char *const plain_replies[] = {
        "Just so I understand, was it the blue one or the grey one you ordered?",
        "We apologise for any inconvenience caused.",
        "The voucher code is valid until the end of the month.",
        "If you'd like to understand how the bill is calculated, there's a breakdown on page "
        "three.",
        "Your refund was issued today and should arrive in 3-5 working days.",
    };
    for (size_t i = 0; i < sizeof plain_replies / sizeof plain_replies[0]; i++) {
        nlp_result r = agent(plain_replies[i]);
        ck_assert_msg(r.tone_deaf < 0.5f && r.empathy < 0.5f, "%s: empathy %f tone_deaf %f",
                      plain_replies[i], (double)r.empathy, (double)r.tone_deaf);
    }
    /* condolences are sad words for a customer, and empathy (not negativity) for an agent */
    ck_assert_float_lt(cust("sorry for your loss").valence, -0.2f);
    /* a customer's verdict keeps its anger beside the agent phrases */
    ck_assert_float_ge(cust("This is awful. Your service is a joke.").emotions[NLP_EMO_ANGER],
                       0.5f);
    ck_assert_float_ge(agent("sorry for your loss").valence, 0.0f);
    nlp_result neutral = agent("Your order ships on Monday.");
    ck_assert_float_lt(neutral.empathy, 0.5f);
    ck_assert_float_lt(neutral.tone_deaf, 0.5f);
    /* customers are not scored for empathy or tone-deafness */
    nlp_result c = cust("Calm down? I am sorry, I understand nothing.");
    ck_assert_float_eq(c.empathy, 0.0f);
    ck_assert_float_eq(c.tone_deaf, 0.0f);
}
END_TEST

/* ---- sensitive topics ---- */

typedef struct topic_case {
    const char *text;
    nlp_topic t;
} topic_case;

/* A hand-made sanity set: for each topic, plain and indirect mentions; then
 * unrelated uses of the same words, negations and neutral messages (NONE). */
static const topic_case topic_cases[] = {
    {"I want to dispute this charge on my card", NLP_TOPIC_BILLING_DISPUTE},
    {"There's a charge on my statement I don't recognise", NLP_TOPIC_BILLING_DISPUTE},
    {"I didn't authorise this payment", NLP_TOPIC_BILLING_DISPUTE},
    {"my direct debit went out twice", NLP_TOPIC_BILLING_DISPUTE},
    {"I paid in full but you say I owe money", NLP_TOPIC_BILLING_DISPUTE},
    {"That is not my transaction", NLP_TOPIC_BILLING_DISPUTE},
    {"I was charged twice for the same thing", NLP_TOPIC_BILLING_DISPUTE},
    {"you overcharged me again", NLP_TOPIC_BILLING_DISPUTE},
    {"there are two unauthorised transactions on my account", NLP_TOPIC_BILLING_DISPUTE},
    {"I'm going to ask my bank for a chargeback", NLP_TOPIC_BILLING_DISPUTE},
    {"my bill is wrong, it's double what it should be", NLP_TOPIC_BILLING_DISPUTE},
    {"you refused to refund me even though it arrived broken", NLP_TOPIC_BILLING_DISPUTE},
    {"I want to cancel my subscription", NLP_TOPIC_CANCELLATION},
    {"Please close my account", NLP_TOPIC_CANCELLATION},
    {"I'd like to terminate my contract", NLP_TOPIC_CANCELLATION},
    {"how much is the early termination fee?", NLP_TOPIC_CANCELLATION},
    {"can you send me my PAC code", NLP_TOPIC_CANCELLATION},
    {"I'm switching to another provider", NLP_TOPIC_CANCELLATION},
    {"My husband passed away last month", NLP_TOPIC_BEREAVEMENT},
    {"my mother died on Sunday", NLP_TOPIC_BEREAVEMENT},
    {"I lost my dad in March and the bills are in his name", NLP_TOPIC_BEREAVEMENT},
    {"I need to send you a copy of the death certificate", NLP_TOPIC_BEREAVEMENT},
    {"I'm the executor of my father's estate", NLP_TOPIC_BEREAVEMENT},
    {"the account holder died in June", NLP_TOPIC_BEREAVEMENT},
    {"I'm calling about my late wife's account", NLP_TOPIC_BEREAVEMENT},
    {"we need to pay for the funeral of my brother", NLP_TOPIC_BEREAVEMENT},
    {"I lost my job and I can't afford the payments", NLP_TOPIC_HARDSHIP},
    {"I'm struggling to pay my bills at the moment", NLP_TOPIC_HARDSHIP},
    {"I'm in arrears and the bailiffs keep calling", NLP_TOPIC_HARDSHIP},
    {"we've just had a baby and money is tight", NLP_TOPIC_HARDSHIP},
    {"My husband is the account holder but he's in a care home", NLP_TOPIC_HARDSHIP},
    {"I'm going through a divorce, can you take his name off the account", NLP_TOPIC_HARDSHIP},
    {"I'm on universal credit", NLP_TOPIC_HARDSHIP},
    {"I was made redundant last week", NLP_TOPIC_HARDSHIP},
    {"I've been in hospital with cancer", NLP_TOPIC_HARDSHIP},
    {"we are facing eviction", NLP_TOPIC_HARDSHIP},
    {"I have a disability and can't use the app", NLP_TOPIC_HARDSHIP},
    {"I'm having a tough time with money at the moment", NLP_TOPIC_HARDSHIP},
    {"money's been tight since Christmas", NLP_TOPIC_HARDSHIP},
    {"we're separating and I need to take my name off the joint account", NLP_TOPIC_HARDSHIP},
    {"I'm 82 and not very good with computers", NLP_TOPIC_HARDSHIP},
    {"I've just lost my job and can't pay this month", NLP_TOPIC_HARDSHIP},
    {"I've been feeling really low lately and the bills are piling up", NLP_TOPIC_HARDSHIP},
    {"I won't be able to pay until the 15th", NLP_TOPIC_HARDSHIP},
    /* a customer at risk (twenty-ninth session; abuse at home was hardship) */
    {"my partner is abusive, I have fled to a refuge", NLP_TOPIC_SAFETY},
    {"honestly I just want to end it all", NLP_TOPIC_SAFETY},
    {"I've been having suicidal thoughts since I lost my job", NLP_TOPIC_SAFETY},
    {"I don't want to be here anymore", NLP_TOPIC_SAFETY},
    {"my husband hits me and he takes all my money", NLP_TOPIC_SAFETY},
    {"I took some pills earlier", NLP_TOPIC_SAFETY},
    {"I can't cope anymore with these debts", NLP_TOPIC_SAFETY},
    /* unrelated uses of topic words, negations, neutral messages */
    {"the funeral scene in the movie was great", NLP_TOPIC_NONE},
    {"My phone died again", NLP_TOPIC_NONE},
    {"my dad's phone died", NLP_TOPIC_NONE},
    {"I lost my dad's card", NLP_TOPIC_NONE},
    {"I died laughing at your advert", NLP_TOPIC_NONE},
    {"The estate agent will call you tomorrow", NLP_TOPIC_NONE},
    {"My husband will call tomorrow", NLP_TOPIC_NONE},
    {"What are the benefits of the premium plan?", NLP_TOPIC_NONE},
    {"how can I cancel purchase 1234?", NLP_TOPIC_NONE},
    {"I'm not cancelling, I just want to update my card", NLP_TOPIC_NONE},
    {"I do not want to cancel my account, just update it", NLP_TOPIC_NONE},
    {"I'm not in debt, I just want to pay early", NLP_TOPIC_NONE},
    {"I don't have any unauthorised charges", NLP_TOPIC_NONE},
    {"I can pay the bill today", NLP_TOPIC_NONE},
    {"Can I change my delivery address please?", NLP_TOPIC_NONE},
    {"Thanks, that's sorted now", NLP_TOPIC_NONE},
    {"My order number is on the invoice.", NLP_TOPIC_NONE},
    {"I love this phone.", NLP_TOPIC_NONE},
    {"we're not separating the bills", NLP_TOPIC_NONE},
    {"this bill is killing me", NLP_TOPIC_NONE},
    {"I'm not suicidal, just fed up with you", NLP_TOPIC_NONE},
    {"the pills you sent were the wrong ones", NLP_TOPIC_NONE},
    {"I'll kill him when he gets home, he ordered three sofas", NLP_TOPIC_NONE},
    {"I'm writing an essay on domestic violence, do you have figures?", NLP_TOPIC_NONE},
    {"Can you post the new card to my work address instead of home?", NLP_TOPIC_NONE},
};

/* A customer at risk: a plain statement of suicide, self-harm or abuse at home
 * scores 0.95 (the engine alerts a supervisor from 0.7); one that often means
 * something milder, or said laughing, opens the topic at 0.6, below the alert,
 * and the score is the safety evidence even when another topic scores more
 * (twenty-ninth session); so does one told as long past and over, unless a
 * word says it is back or goes on (thirtieth session). */
START_TEST(a_customer_at_risk)
{
    /* each message's safety score lies in [lo, hi): 0.9 up a plain statement,
     * [0.5, 0.7) the cue without the alert */
    static const struct {
        const char *text;
        float lo, hi;
    } cases[] = {
        {"I want to kill myself", 0.9f, 1.01f},
        {"I'm thinking about ending my life", 0.9f, 1.01f},
        {"I'd be better off dead, nobody would care", 0.9f, 1.01f},
        {"my ex threatened to kill me if I leave", 0.9f, 1.01f},
        {"I'm scared for my life, he gets angry when the bills come", 0.9f, 1.01f},
        {"I've been self harming again", 0.9f, 1.01f},
        {"I keep thinking that I don't want to be alive", 0.9f, 1.01f},
        {"been thinking of unaliving myself tbh", 0.9f, 1.01f},
        /* told indirectly: a plan, a goodbye, what happens at home */
        {"I've written goodbye letters to my kids", 0.9f, 1.01f},
        {"I took a handful of pills before ringing you", 0.9f, 1.01f},
        {"he grabbed me by the throat when I asked about the mortgage", 0.9f, 1.01f},
        {"My partner controls all the money and I'm not allowed my own card", 0.9f, 1.01f},
        {"everyone would be better off without me", 0.9f, 1.01f},
        /* milder words, laughter, one sign of a contact kept secret */
        {"I can't go on like this with no internet", 0.5f, 0.7f},
        {"I'm going to kill myself if I hear that hold music again lol", 0.5f, 0.7f},
        {"I want to die, I sent it to the wrong address", 0.5f, 0.7f},
        {"I'm scared he'll find out I called", 0.5f, 0.7f},
        {"he checks my phone every night", 0.5f, 0.7f},
        /* told as long past and over (thirtieth session): the cue, no alert ... */
        {"I self-harmed as a teenager, does that affect my life insurance? It was 15 years ago",
         0.5f, 0.7f},
        {"Two years ago I left an abusive relationship. I'm safe and settled now", 0.5f, 0.7f},
        {"I tried to take my own life in my teens", 0.5f, 0.7f},
        /* ... unless it is back or goes on */
        {"I self-harmed as a teenager and I've started again", 0.9f, 1.01f},
        {"I tried to kill myself two years ago and I feel like that again", 0.9f, 1.01f},
        {"I attempted suicide years ago and I'm still struggling", 0.9f, 1.01f},
        {"as a child I was abused and last night he hit me", 0.9f, 1.01f},
        {"I attempted suicide as a teenager and I'm currently in a bad place", 0.9f, 1.01f},
        {"my partner hits me in front of my child", 0.9f, 1.01f},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nlp_result r = cust(cases[i].text);
        ck_assert_msg(r.sensitive_topic == NLP_TOPIC_SAFETY && r.sensitive >= cases[i].lo &&
                          r.sensitive < cases[i].hi,
                      "%s: %s %.3f", cases[i].text, nlp_topic_name(r.sensitive_topic),
                      (double)r.sensitive);
    }
    /* ... and explains no complaint away, as a plain statement would */
    nlp_result k = cust("I can't go on like this, this app is so bad");
    ck_assert_int_eq(k.sensitive_topic, NLP_TOPIC_SAFETY);
    ck_assert_float_lt(k.sensitive, 0.7f);
    ck_assert_float_ge(k.complaint, 0.5f);
    /* two signs of a contact kept secret raise the alert together */
    k = cust("I'm calling from a friend's phone so he doesn't see");
    ck_assert_int_eq(k.sensitive_topic, NLP_TOPIC_SAFETY);
    ck_assert_float_ge(k.sensitive, 0.7f);
    ck_assert_int_ne(cust("Please don't renew my policy, I won't be needing it.").sensitive_topic,
                     NLP_TOPIC_SAFETY);
    /* safety wins a tie with a stronger topic, with its own evidence */
    nlp_result r = cust("I lost my job and I can't go on like this");
    ck_assert_int_eq(r.sensitive_topic, NLP_TOPIC_SAFETY);
    ck_assert_float_lt(r.sensitive, 0.7f);
    /* an agent naming it is no customer at risk: below the topic */
    r = agent("If you're having thoughts of suicide, please call the Samaritans on 116 123");
    ck_assert_float_lt(r.sensitive, 0.9f);
}
END_TEST

START_TEST(sensitive_topics_sanity_set)
{
    size_t n = sizeof topic_cases / sizeof topic_cases[0];
    size_t hits[NLP_TOPIC_COUNT] = {0}, cases[NLP_TOPIC_COUNT] = {0};
    for (size_t i = 0; i < n; i++) {
        nlp_result r = cust(topic_cases[i].text);
        nlp_topic want = topic_cases[i].t;
        ck_assert_msg(r.sensitive_topic == want, "%s: %s %.3f (want %s)", topic_cases[i].text,
                      nlp_topic_name(r.sensitive_topic), (double)r.sensitive, nlp_topic_name(want));
        ck_assert_msg(want == NLP_TOPIC_NONE ? r.sensitive < 0.5f : r.sensitive >= 0.5f, "%s: %.3f",
                      topic_cases[i].text, (double)r.sensitive);
        ck_assert(r.sensitive >= 0.0f && r.sensitive <= 1.0f);
        cases[want]++;
        hits[want] += r.sensitive_topic == want;
    }
    for (int k = 0; k < NLP_TOPIC_COUNT; k++) {
        ck_assert_uint_ge(cases[k], 5); /* every topic and NONE has cases */
        ck_assert_uint_eq(hits[k], cases[k]);
    }
}
END_TEST

START_TEST(sensitive_topic_rules)
{
    /* a bill the customer cannot pay is hardship, not a fault of the service;
     * paying online that fails stays one (twenty-sixth session) */
    ck_assert_float_lt(cust("I've just lost my job and can't pay this month").complaint, 0.5f);
    ck_assert_float_ge(cust("I can't pay online, the page crashes").complaint, 0.5f);
    /* neutral text scores nothing at all */
    nlp_result r = cust("Please send the invoice to my address.");
    ck_assert_float_eq(r.sensitive, 0.0f);
    ck_assert_int_eq(r.sensitive_topic, NLP_TOPIC_NONE);
    /* an ambiguous word on its own stays below 0.5, with support it counts */
    ck_assert_float_gt(cust("the funeral was lovely").sensitive, 0.0f);
    ck_assert_float_lt(cust("the funeral was lovely").sensitive, 0.5f);
    ck_assert_int_eq(cust("I can't pay my bill this month, I lost my job").sensitive_topic,
                     NLP_TOPIC_HARDSHIP);
    ck_assert_int_eq(cust("I can't pay my bill online, the website keeps crashing").sensitive_topic,
                     NLP_TOPIC_NONE);
    /* the cancel escalation is the cancellation topic */
    r = cust("Cancel my account now or I'm going elsewhere!");
    ck_assert_int_eq(r.escalation_type, NLP_ESC_CANCEL);
    ck_assert_int_eq(r.sensitive_topic, NLP_TOPIC_CANCELLATION);
    /* negation: "not" before the topic word removes its evidence */
    ck_assert_float_lt(cust("I am not struggling to pay").sensitive, 0.5f);
    /* a pair does not reach across a sentence end */
    ck_assert_int_eq(cust("My dad is visiting. The battery died.").sensitive_topic, NLP_TOPIC_NONE);
    /* several topics: the more vulnerable one is named */
    ck_assert_int_eq(cust("My husband died and I want to cancel his contract").sensitive_topic,
                     NLP_TOPIC_BEREAVEMENT);
    ck_assert_int_eq(cust("I lost my job so I need to cancel my contract").sensitive_topic,
                     NLP_TOPIC_HARDSHIP);
    /* a death told beside closing an account is bereavement and a cancel
     * (the engine holds back its retention steps), and no complaint unless a
     * fault or hostility is named (twenty-seventh session) */
    static const char *const estate[] = {
        "My wife passed away and I need to close my account",
        "My dad has passed and I want to cancel his subscription please",
        "my mother has passed. i need to close her account",
    };
    for (size_t i = 0; i < sizeof estate / sizeof estate[0]; i++) {
        r = cust(estate[i]);
        ck_assert_msg(r.sensitive_topic == NLP_TOPIC_BEREAVEMENT &&
                          r.escalation_type == NLP_ESC_CANCEL && r.complaint < 0.5f,
                      "%s: topic %d, escalation %d, complaint %f", estate[i],
                      (int)r.sensitive_topic, (int)r.escalation_type, (double)r.complaint);
    }
    /* a help asked for after a death is a request, not a grievance, and a
     * spouse or a parent who "passed" at a clause's end or before "and" or
     * "in" has died (twenty-eighth session) */
    static const char *const estate_help[] = {
        "Need help, my husband passed away and I don't know how to access his account",
        "my husband died, can you help me with his account please",
        "can you help me, my dad passed and i want to cancel his phone contract",
        "my mum passed.",
        "My dad passed in hospital last night",
    };
    for (size_t i = 0; i < sizeof estate_help / sizeof estate_help[0]; i++) {
        r = cust(estate_help[i]);
        ck_assert_msg(r.sensitive_topic == NLP_TOPIC_BEREAVEMENT && r.complaint < 0.5f,
                      "%s: topic %d, complaint %f", estate_help[i], (int)r.sensitive_topic,
                      (double)r.complaint);
    }
    ck_assert_int_eq(cust("my son passed and he's chuffed").sensitive_topic, NLP_TOPIC_NONE);
    ck_assert_int_eq(cust("my mum passed her driving test").sensitive_topic, NLP_TOPIC_NONE);
    ck_assert_float_gt(cust("I need help, the app keeps crashing").complaint, 0.5f);
    static const char *const estate_grievance[] = {
        "My husband died, you are useless, close his account",
        "My mother passed away in March and you've charged her account twice since",
        "my husband died and you're still sending him letters",
    };
    EXPECT(estate_grievance, complaint_of, true);
    ck_assert_int_eq(
        cust("My son has passed his driving test, can I add him to my insurance?").sensitive_topic,
        NLP_TOPIC_NONE);
    /* agent role: the same evidence scaled by 0.6 */
    nlp_result c = cust("I see you want to cancel your subscription");
    nlp_result a = agent("I see you want to cancel your subscription");
    ck_assert_float_gt(c.sensitive, 0.0f);
    ck_assert_float_eq_tol(a.sensitive, 0.6f * c.sensitive, 1e-6f);
    ck_assert_int_eq(agent("Our cancellation fee is 20 pounds").sensitive_topic, NLP_TOPIC_NONE);
    ck_assert_int_eq(agent("I'm so sorry, I see your husband passed away and there is a death "
                           "certificate on file")
                         .sensitive_topic,
                     NLP_TOPIC_BEREAVEMENT);
    ck_assert_int_eq(agent("I'm not authorised to discuss the account").sensitive_topic,
                     NLP_TOPIC_NONE);
    /* names */
    ck_assert_str_eq(nlp_topic_name(NLP_TOPIC_NONE), "none");
    ck_assert_str_eq(nlp_topic_name(NLP_TOPIC_BILLING_DISPUTE), "billing_dispute");
    ck_assert_str_eq(nlp_topic_name(NLP_TOPIC_CANCELLATION), "cancellation");
    ck_assert_str_eq(nlp_topic_name(NLP_TOPIC_BEREAVEMENT), "bereavement");
    ck_assert_str_eq(nlp_topic_name(NLP_TOPIC_HARDSHIP), "hardship");
    ck_assert_str_eq(nlp_topic_name(NLP_TOPIC_COUNT), "?");
}
END_TEST

/* ---- PII through the analyser ---- */

START_TEST(analyser_redacts_and_counts)
{
    nlp_result r = cust("card 4111 1111 1111 1111 cvv 123, mail a.b@example.org");
    ck_assert_uint_eq(r.pii, 3);
    size_t n = 0;
    const char *red = nlp_analyzer_redacted(an, &n);
    ck_assert_str_eq(red, "card [CARD] cvv [CVV], mail [EMAIL]");
    ck_assert_uint_eq(n, strlen(red));
    r = cust("nothing to hide");
    ck_assert_uint_eq(r.pii, 0);
    ck_assert_str_eq(nlp_analyzer_redacted(an, NULL), "nothing to hide");
}
END_TEST

START_TEST(bad_arguments)
{
    nlp_result r;
    ck_assert_int_eq(nlp_analyzer_analyze(NULL, "x", 1, NLP_ROLE_CUSTOMER, &r), RP_EINVAL);
    ck_assert_int_eq(nlp_analyzer_analyze(an, "x", 1, NLP_ROLE_CUSTOMER, NULL), RP_EINVAL);
    ck_assert_int_eq(nlp_analyzer_analyze(an, NULL, 1, NLP_ROLE_CUSTOMER, &r), RP_EINVAL);
    ck_assert_int_eq(nlp_analyzer_analyze(an, NULL, 0, NLP_ROLE_CUSTOMER, &r), RP_OK);
    ck_assert_float_eq(r.valence, 0.0f);
    nlp_analyzer_config cfg = nlp_analyzer_config_default();
    cfg.max_message_bytes = 1;
    nlp_analyzer *other = NULL;
    ck_assert_int_eq(nlp_analyzer_create(&cfg, &other), RP_EINVAL);
    ck_assert_ptr_null(other);
    ck_assert_int_eq(nlp_analyzer_create(NULL, NULL), RP_EINVAL);
    nlp_analyzer_destroy(NULL);
    nlp_analyzer *none = NULL;
    nlp_analyzer_destroy(&none);
    ck_assert_str_eq(nlp_escalation_type_name(NLP_ESC_COUNT), "?");
    ck_assert_str_eq(nlp_emotion_name(NLP_EMO_JOY), "joy");
}
END_TEST

/* The explanation of a score: the lexicon's words and phrases with what they
 * carry, then the rules (nlp_result.why); never other text of the message. */
static const char *explain_of(const nlp_result *r, char *buf, size_t cap)
{
    size_t n = nlp_analyzer_explain(an, r, buf, cap);
    ck_assert_uint_eq(n, strlen(buf));
    return buf;
}

/* negation that tells good news, denies an escalation or deflects blame
 * (complaints11_dev, escalation23_dev, agent11_dev) */
START_TEST(negation_that_reverses_the_reading)
{
    static const char *const faults[] = {"The upgrade has made no difference whatsoever",
                                         "the chicken wasn't cooked through"};
    EXPECT(faults, complaint_of, true);
    static const char *const fine[] = {
        "No sign of any damage on the sofa, the delivery lads were very careful",
        "not to worry, I found the reference in my spam folder"};
    EXPECT(fine, complaint_of, false);
    static const char *const denied[] = {
        "no need to escalate, the agent already explained it to me",
        "This isn't a formal complaint, just feedback on the website",
        "Nothing has changed with my circumstances, so I assume the renewal is the same price?"};
    EXPECT(denied, escalation_of, false);
    ck_assert_float_gt(cust("I can't recommend you highly enough").valence, 0.3f);
    ck_assert_float_ge(agent("It isn't our fault the courier couldn't find you").tone_deaf, 0.5f);
    ck_assert_float_lt(agent("It isn't our fault the courier couldn't find you").empathy, 0.5f);
    ck_assert_float_ge(agent("I'm not going to repeat myself again.").tone_deaf, 0.5f);
}
END_TEST

/* a fix achieved is no demand for one, and one that did not happen is a fault */
START_TEST(a_fix_achieved_is_no_complaint)
{
    static const char *const fixed[] = {"the engineer came and managed to fix it",
                                        "he was able to sort it in ten minutes"};
    EXPECT(fixed, complaint_of, false);
    static const char *const demanded[] = {
        "can you fix it please", "nobody has been able to fix it", "the engineer couldn't fix it",
        "he didn't fix it and left"};
    EXPECT(demanded, complaint_of, true);
}
END_TEST

/* "not", "issue", "broken" in a message that reports no fault (the false
 * complaints RESEARCH.md quotes of other products), beside the same words in
 * a fault */
START_TEST(a_fault_denied_or_over_is_no_complaint)
{
    static const char *const fine[] = {
        "My phone isn't broken anymore after the repair.",
        "No issues since the update, everything works.",
        "the app doesn't crash anymore, thanks",
        "It didn't take long at all.",
        "Nothing is broken, I just need help setting it up.",
        "Just to confirm, there are no outstanding issues on my account?",
        "I have an outstanding balance of 40 pounds, can I pay it now?",
        "can you call me back later? I'm at work"};
    EXPECT(fine, complaint_of, false);
    ck_assert_float_ge(cust("nobody has called me back").complaint, 0.5f);
    for (size_t i = 0; i < 4; i++) {
        ck_assert_msg(cust(fine[i]).valence > 0.1f, "%s", fine[i]);
    }
    ck_assert_float_le(fabsf(cust(fine[5]).valence), 0.1f); /* no praise in "outstanding" */
    static const char *const faults[] = {
        "My phone is still broken after the repair.", "Nothing but issues since the update.",
        "It's been broken since the update.", "It took ages to get through.",
        "There's an outstanding refund you still haven't paid me."};
    EXPECT(faults, complaint_of, true);
    static const char *const over[] = {
        "The error message disappeared after I restarted, all good now.",
        "The issue was on my end, my cable was unplugged.",
        "Not a single problem since I switched to you."};
    EXPECT(over, complaint_of, false);
    static const char *const staying[] = {"I don't want to cancel, I just want to change my plan.",
                                          "I won't be cancelling, don't worry.",
                                          "I'm not leaving, I just want a better deal."};
    EXPECT(staying, escalation_of, false);
    /* an agent's ownership with "we" and reassurance with a negator */
    ck_assert_float_ge(agent("I don't want you to worry, we'll fix this.").empathy, 0.5f);
    ck_assert_float_ge(agent("Don't worry, we'll get this sorted for you today.").empathy, 0.5f);
    ck_assert_int_eq(cust("I want to cancel, I can't afford the plan.").escalation_type,
                     NLP_ESC_CANCEL);
    /* the models do not read the words of such a phrase (NLP_LEX2_HIDE) */
    nlp_analyzer_keep_model_inputs(an, true);
    (void)cust("isn't broken anymore");
    int32_t ids[8];
    size_t n_ids = 0;
    (void)nlp_analyzer_model_inputs(an, NLP_MODEL_COMPLAINT, ids, 8, &n_ids);
    ck_assert_uint_eq(n_ids, 3);
    for (size_t i = 0; i < n_ids; i++) {
        ck_assert_int_eq(ids[i], -1);
    }
    (void)cust("is broken");
    (void)nlp_analyzer_model_inputs(an, NLP_MODEL_COMPLAINT, ids, 8, &n_ids);
    ck_assert_uint_eq(n_ids, 2);
    ck_assert_int_ge(ids[1], 0);
    nlp_analyzer_keep_model_inputs(an, false);
}
END_TEST

/* A phrase the matcher takes first ("im sick", an illness) must not swallow a
 * longer one that starts inside it ("sick of"); a plea to keep a service is no
 * cancel escalation, a demand told as a condition is. */
START_TEST(fed_up_after_i_am_and_a_plea_to_stay)
{
    static const char *const fed_up[] = {"I'm sick of this", "I am sick to death of your lies",
                                         "im sick and tired of waiting"};
    EXPECT(fed_up, anger_of, true);
    EXPECT(fed_up, complaint_of, true);
    ck_assert_float_lt(cust("I'm sick, so I couldn't make the appointment").emotions[NLP_EMO_ANGER],
                       0.2f);
    nlp_result r = cust("I'm tired of this company");
    ck_assert_float_ge(r.emotions[NLP_EMO_ANNOYANCE], 0.5f);
    ck_assert_float_lt(r.emotions[NLP_EMO_SADNESS], 0.3f);
    static const char *const stay[] = {"Please don't cancel my account, I'll pay on Friday",
                                       "kindly do not cancel my policy, I paid the premium today",
                                       "don't cancel my subscription, I still use it"};
    EXPECT(stay, escalation_of, false);
    static const char *const leave[] = {
        "if you don't cancel my account today I'll dispute the charges",
        "why won't you cancel my subscription?", "I want to cancel my account"};
    EXPECT_TYPE(leave, NLP_ESC_CANCEL);
}
END_TEST

/* Praise of "you" told to others is no threat; a wish or a promise to "you"
 * of what others will see is. */
START_TEST(public_praise_of_you_and_its_mocking_twins)
{
    static const char *const threats[] = {
        "Hope you enjoy being a meme.", "your rivals will love the review I'm about to write",
        "you'll love what I post about you on twitter",
        "The alumni network is going to hear how you treat graduates who take out your loans."};
    EXPECT_TYPE(threats, NLP_ESC_PUBLIC);
}
END_TEST

/* "even" after a negated verb is emphasis, and a repeated mocking opener
 * reaches the fault in the next sentence. */
START_TEST(even_and_a_repeated_opener)
{
    nlp_result r = cust("the app won't even open");
    ck_assert_float_le(r.valence, cust("the app won't open").valence + 0.01f);
    ck_assert_float_ge(r.emotions[NLP_EMO_ANNOYANCE], 0.5f);
    static const char *const mocked[] = {"Great, just great. Now the app won't even open.",
                                         "Oh great. Just great. The parcel's gone to the wrong "
                                         "address again."};
    EXPECT_SARCASM(mocked, true);
    for (size_t i = 0; i < sizeof mocked / sizeof mocked[0]; i++) {
        ck_assert_float_lt(cust(mocked[i]).valence, 0.0f);
    }
    static const char *const sincere[] = {"Great, that's brilliant, thanks"};
    EXPECT_SARCASM(sincere, false);
}
END_TEST

/* A death told with "passed" at a clause's end, after "since", "after", "when". */
START_TEST(passed_at_a_clause_end_is_a_bereavement)
{
    nlp_result r = cust("It's been a really hard year since my wife passed");
    ck_assert_int_eq(r.sensitive_topic, NLP_TOPIC_BEREAVEMENT);
    ck_assert_float_ge(r.emotions[NLP_EMO_SADNESS], 0.5f);
    ck_assert_float_lt(r.complaint, 0.5f);
    ck_assert_int_ne(cust("my wife passed her driving test").sensitive_topic,
                     NLP_TOPIC_BEREAVEMENT);
}
END_TEST

/* A manager named to hear praise is no request for one; a request for one
 * stays one. */
START_TEST(praise_passed_to_a_manager_is_no_request)
{
    static const char *const praise[] = {
        "I'd like to speak to your manager to say how good Priya was",
        "Please let his manager know how helpful he was",
        "Can you pass my thanks on to her supervisor? She was amazing",
        "The engineer was very thorough, please tell his boss"};
    EXPECT(praise, escalation_of, false);
    for (size_t i = 0; i < sizeof praise / sizeof praise[0]; i++) {
        ck_assert_msg(cust(praise[i]).valence > 0.2f, "%s", praise[i]);
    }
    static const char *const asked[] = {"I'd like to speak to your manager about this",
                                        "could you ask a team leader to pick up this chat",
                                        "let me speak to his manager now"};
    EXPECT_TYPE(asked, NLP_ESC_HUMAN_REQUEST);
    ck_assert_float_ge(cust("she is a credit to the company").emotions[NLP_EMO_GRATITUDE], 0.3f);
    /* "leave you" with what is left is no leaving */
    static const char *const left[] = {"I'll leave you a glowing review!",
                                       "I'll leave you to it then, thanks"};
    EXPECT(left, escalation_of, false);
    ck_assert_int_eq(cust("I'll leave you a one star review").escalation_type, NLP_ESC_PUBLIC);
    ck_assert_int_eq(cust("I'm going to leave you for a cheaper provider").escalation_type,
                     NLP_ESC_CANCEL);
    /* a second call of the customer's own making, praise already spread, an
     * executor's solicitor, the customer's own cancelling: no alert */
    static const char *const no_alert[] = {
        "I'm calling again because I forgot to ask about the router",
        "I'd recommend you to anyone, I've already told my friends",
        "The lawyer who's handling my mum's estate will be in touch"};
    EXPECT(no_alert, escalation_of, false);
    ck_assert_int_eq(cust("my lawyer will be in touch").escalation_type, NLP_ESC_LEGAL);
    ck_assert_float_lt(cust("I cancelled my gym membership so I'm free on Tuesdays now").complaint,
                       0.5f);
    /* a past failure recalled as a success */
    ck_assert_float_ge(cust("Yeah because that worked so well last time").sarcasm, 0.5f);
    ck_assert_float_lt(cust("I chose you because it worked so well for my sister").sarcasm, 0.5f);
    /* leaving tried for a while, no object named; an order is no leaving */
    ck_assert_int_eq(
        cust("This is ridiculous, I've been trying to cancel for weeks").escalation_type,
        NLP_ESC_CANCEL);
    ck_assert_float_lt(cust("I've been trying to cancel my order for days").escalation, 0.5f);
}
END_TEST

/* An agent who tells the customer how to avoid it next time, shows them the
 * door, tells their feelings to stop or waves off what they said is tone-deaf;
 * the same words as help or as an offer are not. */
START_TEST(blame_for_next_time_and_a_door_shown)
{
    static const char *const cold[] = {
        "For future reference, you can avoid this by reading our FAQs before ordering.",
        "Next time verify the recipient before sending.",
        "It's sort of on you to check that before you travel.",
        "If you don't like it you're free to switch provider.",
        "Could you stop crying for a moment so I can take the details?",
        "Sending more emails won't speed things up.",
        "Please do not contact us in the meantime as this may delay your case.",
        "The funeral is not really relevant to the account.",
        "Your feedback has been noted.",
        "We've never had a complaint about that before.",
        "Can you just let me finish?",
        "I've been doing this for ten years, I know how it works.",
        "Nobody else seems to struggle with the app.",
        "We've already bent the rules for you once."};
    EXPECT_AGENT(cold, tone_deaf_of, true);
    static const char *const warm[] = {
        "For future reference, you can always reach us on live chat too.",
        "You're welcome to switch if you find a better deal, but let me check what I can do "
        "first.",
        "I'm sorry, I can't see a record of your call on Tuesday, could you tell me roughly "
        "what time it was?",
        "You should have received an email with the tracking link.",
        "Let me finish setting this up and then I'll transfer you.",
        "I know how frustrating this is.",
        "Let me be clear about what happens next: the engineer comes Monday and I'll call you "
        "after."};
    EXPECT_AGENT(warm, tone_deaf_of, false);
    /* a loss made small, a lecture announced (twenty-sixth session) */
    static const char *const small[] = {
        "It's only a few pounds.", "it's only £5", "Let me be clear, the charge is valid.",
        "I'll say it again, the refund takes five days.",
        /* exasperation, a tone policed, a shrug */
        "Are you going to let me help you or not?", "There's no need to take that tone.",
        "It is what it is.", "Ok and?", "so what?"};
    EXPECT_AGENT(small, tone_deaf_of, true);
    static const char *const next[] = {"ok so what happens next is the engineer calls",
                                       "so what's the next step?",
                                       "ok and then I'll send the form"};
    EXPECT_AGENT(next, tone_deaf_of, false);
}
END_TEST

/* One stake a customer fears for (a medicine, a deadline, what happens to
 * their money) is a worried customer, anxiety 0.5 or more. */
START_TEST(one_stake_is_a_worried_customer)
{
    static const char *const worried[] = {
        "My bag's been missing for three days and it's got my heart medication in it.",
        "My dad is on oxygen and the power has been off since six.",
        "i think i've been scammed, i gave someone my card details on the phone",
        "I sent my passport off six weeks ago and I travel in ten days. Will it come back in "
        "time?"};
    for (size_t i = 0; i < sizeof worried / sizeof worried[0]; i++) {
        ck_assert_msg(cust(worried[i]).emotions[NLP_EMO_ANXIETY] >= 0.5f, "%s", worried[i]);
    }
    ck_assert_float_lt(cust("What happens to my points when I upgrade?").emotions[NLP_EMO_ANXIETY],
                       0.5f);
}
END_TEST

/* A contact before that a fix followed is no repeat contact; a fix the company
 * claimed that did not hold is (NLP_LEX2_FIXED). */
START_TEST(a_contact_a_fix_followed_is_no_repeat)
{
    static const char *const fixed[] = {
        "I called yesterday and the lady sorted it, just checking it went through",
        "yeah hi i called last week and the engineer came today and its all sorted",
        "I called yesterday and they fixed it, thanks"};
    EXPECT(fixed, escalation_of, false);
    ck_assert_float_lt(
        cust("I called yesterday and it got sorted, just confirming the new direct debit date")
            .escalation,
        0.5f);
    /* escalation words denied or aimed at the company's own products */
    static const char *const denied[] = {
        "I don't want to make a formal complaint, just feedback that the lift is broken.",
        "the bot answered my question perfectly, didn't even need a human lol",
        "I'm switching to your fibre package from your copper one"};
    EXPECT(denied, escalation_of, false);
    ck_assert_int_eq(cust("switching to your competitor next month").escalation_type,
                     NLP_ESC_CANCEL);
    ck_assert_float_lt(
        cust("Don't worry, I won't be leaving a bad review, these things happen.").escalation,
        0.5f);
    static const struct {
        const char *text;
        nlp_escalation_type type;
    } told[] = {
        {"I'm live tweeting this terrible flight and tagging you every single time.",
         NLP_ESC_PUBLIC},
        {"I'm writing to the Times about this disgrace.", NLP_ESC_PUBLIC},
        {"Cancel the whole delivery plan, not just Tuesday, I'm going with a different shop.",
         NLP_ESC_CANCEL},
    };
    for (size_t i = 0; i < sizeof told / sizeof told[0]; i++) {
        ck_assert_msg(cust(told[i].text).escalation_type == told[i].type, "%s", told[i].text);
    }
    /* following up alone is routine; with what did not happen, a repeat */
    ck_assert_float_lt(
        cust("Following up on the quote you emailed Tuesday, I'd like to go ahead with it.")
            .escalation,
        0.5f);
    static const char *const not_fixed[] = {
        "Following up on my complaint from last month, nobody has got back to me",
        "I was told on my last call this had been sorted, it hasn't",
        "I called yesterday and they said they sorted it but it's still broken",
        "I called yesterday, they sorted it out but it still drops every evening",
        "I called yesterday and nothing has happened"};
    EXPECT_TYPE(not_fixed, NLP_ESC_REPEAT_CONTACT);
}
END_TEST

START_TEST(explain_names_the_words_and_the_rules)
{
    char buf[1024];
    nlp_result r = cust("I want to speak to your manager NOW!!!");
    ck_assert(r.why & NLP_WHY_ESC_PAIR);
    const char *x = explain_of(&r, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(x, "your manager("));
    ck_assert_ptr_nonnull(strstr(x, "human_request 0."));
    ck_assert_ptr_nonnull(strstr(x, "person asked for"));
    ck_assert_ptr_nonnull(strstr(x, " | rules: verb and object"));

    r = cust("Oh great, thanks a lot.");
    ck_assert(r.sarcasm >= 0.5f && (r.why & NLP_WHY_SARC_PHRASE));
    x = explain_of(&r, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(x, "oh great(+"));
    ck_assert_ptr_nonnull(strstr(x, "mocking"));
    ck_assert_ptr_nonnull(strstr(x, "rules: mocking phrase"));

    /* a negation; the complaint model took back the rules' complaint of
     * negativity with no fault named */
    r = cust("this is not good");
    ck_assert(r.complaint < 0.5f && (r.why & NLP_WHY_NEGATION));
    x = explain_of(&r, buf, sizeof buf);
    ck_assert_str_eq(x, "not(negator) good(+1.8, joy) | rules: negation, complaint model");
    /* the rules of an escalation below 0.5 are not shown */
    r = cust("the bot was brilliant, sorted without any fuss");
    ck_assert(r.escalation < 0.5f);
    ck_assert_ptr_null(strstr(explain_of(&r, buf, sizeof buf), "bot refused"));

    r = cust("What does the regulator say about how long a switch should take?");
    ck_assert(r.why & NLP_WHY_LEGAL_TAKEN_BACK);
    ck_assert_ptr_nonnull(strstr(explain_of(&r, buf, sizeof buf), "law named, no threat"));

    r = cust("I've called three times and nobody has called me back");
    ck_assert(r.escalation >= 0.5f && (r.why & NLP_WHY_ESC_REPEAT));
    ck_assert_ptr_nonnull(
        strstr(explain_of(&r, buf, sizeof buf), "rules: contact before, nothing came of it"));

    /* nothing the lexicon reads: nothing to show */
    r = cust("Pettway Bama 730");
    ck_assert_str_eq(explain_of(&r, buf, sizeof buf), "");
}
END_TEST

START_TEST(explain_shows_no_text_of_the_message_and_respects_the_roles)
{
    char buf[1024];
    /* numbers are <num>; a secret after "password" is never shown, even a
     * word the lexicon knows */
    nlp_result r = cust("I waited 45 minutes on hold, my password is love");
    const char *x = explain_of(&r, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(x, "<num>"));
    ck_assert_ptr_null(strstr(x, "45"));
    ck_assert_ptr_null(strstr(x, "love"));
    r = cust("my password is love, I love this app");
    ck_assert_ptr_nonnull(strstr(explain_of(&r, buf, sizeof buf), "app"));
    ck_assert_ptr_nonnull(strstr(buf, "love("));
    /* no emotion on the agent channel; empathy only there */
    r = agent("I understand how frustrating this must be.");
    x = explain_of(&r, buf, sizeof buf);
    ck_assert_ptr_nonnull(strstr(x, "empathy"));
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        ck_assert_ptr_null(strstr(x, nlp_emotion_name((nlp_emotion)k)));
    }
    r = cust("I understand how frustrating this must be.");
    ck_assert_ptr_null(strstr(explain_of(&r, buf, sizeof buf), "empathy"));
}
END_TEST

START_TEST(explain_fits_the_buffer)
{
    nlp_result r = cust("I want to speak to your manager NOW!!! This is the third time I've "
                        "called, the service is awful and I will cancel my subscription.");
    char full[1024], cut[40];
    size_t n = nlp_analyzer_explain(an, &r, full, sizeof full);
    ck_assert_uint_gt(n, sizeof cut);
    size_t m = nlp_analyzer_explain(an, &r, cut, sizeof cut);
    ck_assert_uint_eq(m, strlen(cut));
    ck_assert_uint_lt(m, sizeof cut);
    ck_assert_uint_ge(m, 3);
    ck_assert_str_eq(cut + m - 3, "...");
    ck_assert_int_eq(strncmp(cut, full, m - 3), 0); /* whole items, then "..." */
    char one[1] = {'x'};
    ck_assert_uint_eq(nlp_analyzer_explain(an, &r, one, 1), 0);
    ck_assert_int_eq(one[0], '\0');
    ck_assert_uint_eq(nlp_analyzer_explain(an, &r, NULL, 0), 0);
    ck_assert_uint_eq(nlp_analyzer_explain(NULL, &r, full, sizeof full), 0);
    ck_assert_str_eq(full, "");
    ck_assert_str_eq(nlp_why_name(NLP_WHY_NEGATION), "negation");
    ck_assert_str_eq(nlp_why_name(NLP_WHY_MISMATCH), "not what was ordered");
    ck_assert_str_eq(nlp_why_name(NLP_WHY_EMOTION_MODEL), "emotion model");
    ck_assert_str_eq(nlp_why_name(0), "?");
    ck_assert_str_eq(nlp_why_name(NLP_WHY_NEGATION | NLP_WHY_CONTRAST), "?");
    ck_assert_str_eq(nlp_why_name(1u << NLP_WHY_COUNT), "?");
}
END_TEST

Suite *nlp_analyzer_suite(void)
{
    Suite *s = suite_create("nlp_analyzer");
    TCase *tc = tcase_create("rules");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, sarcastic_thanks_is_not_praise);
    tcase_add_test(tc, manager_now_is_negative_human_request);
    tcase_add_test(tc, agent_acknowledging_frustration_is_empathy);
    tcase_add_test(tc, valence_sign_and_range);
    tcase_add_test(tc, negation_flips_and_softens);
    tcase_add_test(tc, long_sums_are_damped);
    tcase_add_test(tc, weak_sarcasm_is_not_praise);
    tcase_add_test(tc, mocking_closers_and_everyday_faults);
    tcase_add_test(tc, intensifier_dampener_caps_exclamation_elongation);
    tcase_add_test(tc, contrast_weights_the_second_clause);
    tcase_add_test(tc, contractions_emoji_and_emoticons);
    tcase_add_test(tc, question_is_weaker_than_statement);
    tcase_add_test(tc, excess_too_names_a_fault);
    tcase_add_test(tc, counterfactual_praise_is_not_praise);
    tcase_add_test(tc, repeated_emoticon_mouth_is_stronger);
    tcase_add_test(tc, each_emotion_fires_on_its_own_case);
    tcase_add_test(tc, emotion_models_read_what_the_rules_miss);
    tcase_add_test(tc, a_phrase_negator_denies_praise);
    tcase_add_test(tc, agents_warm_words_in_a_customers_mouth);
    tcase_add_test(tc, short_leaving_at_a_clause_end_and_more_escalations);
    tcase_add_test(tc, complaint_vs_ordinary_message);
    tcase_add_test(tc, chat_turns_that_report_nothing_are_no_complaint);
    tcase_add_test(tc, hostility_and_strong_irritation_read_as_anger);
    tcase_add_test(tc, customer_worry_doubt_and_loss);
    tcase_add_test(tc, problem_reports_and_pointed_questions_are_complaints);
    tcase_add_test(tc, each_escalation_type);
    tcase_add_test(tc, a_request_for_a_person_says_whether_it_names_someone_senior);
    tcase_add_test(tc, sarcasm_vs_sincere_praise);
    tcase_add_test(tc, sarcastic_openers_and_mocking_frames);
    tcase_add_test(tc, frames_over_a_fault_and_put_right);
    tcase_add_test(tc, sarcasm_model_reads_mock_praise);
    tcase_add_test(tc, closing_praise_after_a_fault_mocks_it);
    tcase_add_test(tc, contact_centre_complaints_vs_resolved_and_polite);
    tcase_add_test(tc, faults_as_facts_and_a_bad_day_beside_praise);
    tcase_add_test(tc, worry_without_a_fault_is_no_complaint);
    tcase_add_test(tc, life_events_and_what_ifs_are_no_complaint);
    tcase_add_test(tc, help_questions_are_no_complaint);
    tcase_add_test(tc, prices_told_to_a_company);
    tcase_add_test(tc, moved_by_an_advert_is_no_complaint);
    tcase_add_test(tc, misspellings_and_review_verdicts);
    tcase_add_test(tc, numbers_mismatches_and_own_doing);
    tcase_add_test(tc, fans_slang_is_praise);
    tcase_add_test(tc, lexicon_alternatives_with_spaces);
    tcase_add_test(tc, faces_that_start_with_a_letter);
    tcase_add_test(tc, an_opening_expletive_is_emphasis);
    tcase_add_test(tc, asking_the_other_side_to_wait);
    tcase_add_test(tc, words_beside_a_link_count_less);
    tcase_add_test(tc, empathy_and_tone_deaf);
    tcase_add_test(tc, empathy_model_reads_care_in_plain_words);
    tcase_add_test(tc, complaint_model_adds_what_the_rules_miss);
    tcase_add_test(tc, tonedeaf_model_reads_coldness_in_plain_words);
    tcase_add_test(tc, escalation_models_read_threats_in_plain_words);
    tcase_add_test(tc, legal_threats_and_the_law_named_in_passing);
    tcase_add_test(tc, sensitive_topics_sanity_set);
    tcase_add_test(tc, a_customer_at_risk);
    tcase_add_test(tc, sensitive_topic_rules);
    tcase_add_test(tc, analyser_redacts_and_counts);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, a_fix_achieved_is_no_complaint);
    tcase_add_test(tc, negation_that_reverses_the_reading);
    tcase_add_test(tc, a_fault_denied_or_over_is_no_complaint);
    tcase_add_test(tc, fed_up_after_i_am_and_a_plea_to_stay);
    tcase_add_test(tc, a_contact_a_fix_followed_is_no_repeat);
    tcase_add_test(tc, praise_passed_to_a_manager_is_no_request);
    tcase_add_test(tc, one_stake_is_a_worried_customer);
    tcase_add_test(tc, blame_for_next_time_and_a_door_shown);
    tcase_add_test(tc, public_praise_of_you_and_its_mocking_twins);
    tcase_add_test(tc, even_and_a_repeated_opener);
    tcase_add_test(tc, passed_at_a_clause_end_is_a_bereavement);
    tcase_add_test(tc, explain_names_the_words_and_the_rules);
    tcase_add_test(tc, explain_shows_no_text_of_the_message_and_respects_the_roles);
    tcase_add_test(tc, explain_fits_the_buffer);
    suite_add_tcase(s, tc);
    return s;
}
