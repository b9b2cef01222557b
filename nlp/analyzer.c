/* nlp/analyzer.c - tokeniser, phrase matching and the scoring rules. */
#include "nlp/analyzer.h"

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>
#include <utf8proc.h>
#if defined(__SSE2__) && defined(__x86_64__) /* _mm_cvtsi128_si64 is 64-bit only */
#include <emmintrin.h>
#define NLP_HAVE_SSE2 1 /* x86-64 baseline: the tokeniser reads 16 bytes at a time */
#endif

#include "common/alloc.h"
#include "common/cpu.h"
#include "nlp/analyzer_ref.h"
#include "nlp/lexicon.h"
#include "nlp/pii.h"
#include "nlp/pii_hinted.h"

/* The tokeniser's per-word helpers are small and hot; inlining them into the
 * byte loop removes a call per word. */
#if defined(__GNUC__) || defined(__clang__)
#define FORCE_INLINE inline __attribute__((always_inline))
#define NO_INLINE    __attribute__((noinline))
#define RARE         __attribute__((cold, noinline)) /* a rule few messages reach */
#define UNLIKELY(x)  __builtin_expect(!!(x), 0)
#else
#define FORCE_INLINE inline
#define NO_INLINE
#define RARE
#define UNLIKELY(x) (x)
#endif

#define NLP_ANALYZER_TAG  0x4e4c5041u /* "NLPA" */
#define NLP_DEFAULT_MAX   8192u
#define NLP_MIN_MAX       64u
#define NLP_MAX_MAX       (1u << 20)
#define WORD_MAX          64 /* longer tokens are kept but never match */
#define MAX_PHRASE_TOKENS 8  /* as in gen_lexicon.py */
#define NEGATION_SCOPE    3  /* content tokens a negator reaches */
#define PII_MIN_DIGITS    3  /* the fewest digits of any PII kind but e-mail: a CVV */
#define TOK_PAD           16 /* zero bytes after the copy of a message (16-byte reads) */
/* praise (valence mass) beside which a phrase telling others is no threat */
#define PRAISE_PUBLIC_MIN 1.0f
/* praise words (valence >= PRAISE_MIN_V) within PRAISE_REACH tokens of a
 * service word praise the service ("great service", "staff were brilliant") */
#define PRAISE_MIN_V 0.5f
#define PRAISE_REACH 3
/* positive words below this valence ("yeah", "ok", "right", "well", "sure")
 * acknowledge rather than praise: in calls they open most turns */
#define ACK_MAX_V 0.7f
/* ... with no negative valence mass besides the phrase's but this much, and no
 * complaint cue but one that names the company ("your staff") */
#define PRAISE_PUBLIC_NEG     0.25f
#define PRAISE_PUBLIC_ADDRESS 0.35f
#define PAIR_WINDOW           6     /* tokens between an escalation verb and its object */
#define HOSTILE_TO_ANGER      0.35f /* chosen on goemotions: anger|annoyance|disgust F1 */
/* strong irritation in a clearly negative message reads as anger; chosen on
 * goemotions (anger|annoyance|disgust F1, and the same against sadness/joy) */
#define ANNOYANCE_TO_ANGER 0.6f
/* the anger evidence that counts when the sadness evidence is at least as
 * large (hurt, loss, loneliness beside a hostile word: "i hate that i still
 * miss you", "let down by the one person i trusted"); chosen on goemotions,
 * anger|annoyance|disgust against sadness|grief|disappointment|remorse|joy|
 * optimism|excitement|love|amusement|gratitude: F1 0.661 -> 0.664 (0.664 at
 * 0.6, 0.665 at 0.4). The evidence itself is kept for the complaint rules. */
#define SAD_OVER_ANGER 0.5f
/* anger evidence of a message, not positive, with three words in a row that
 * each end a sentence ("every. single. time.", "Stop. Calling. Me."); "best.
 * day. ever." stays joy (positive) */
#define STACCATO_ANGER 0.7f
/* sadness evidence of a customer message whose bereavement topic is at least
 * 0.5; chosen on emotions_cc_dev (sadness recall; the messages labelled
 * gratitude after a death keep their gratitude) */
#define BEREAVEMENT_SADNESS 0.6f
/* the most hostility a message telling of a death and asking to cancel holds
 * and still closes an account rather than airing a grievance: a cancel
 * phrase's own ("close my account" -1.5) */
#define BEREAVED_HOSTILE_MAX 1.5f
/* ... and the most complaint cue: one request's or cancel phrase's ("can you
 * help" 0.4, "close my account" 0.5) */
#define BEREAVED_CUE_MAX 0.5f
/* anxiety evidence added to a customer's worry when the message also reports
 * a fault or asks about the service: chosen on emotions_cc_dev (anxiety F1
 * 0.647 -> 0.733); it costs goemotions fear|nervousness 0.493 -> 0.486 (any
 * question there: 0.476) */
#define WORRY_OPEN 0.15f
/* confusion evidence of a question that offers a choice ("does it start today
 * or from my next bill?", "per claim or per item?"); with the 0.1 of its
 * question mark it reaches 0.5. goemotions confusion F1 0.281 -> 0.315,
 * emotions_cc_dev 0.535 -> 0.591 (0.3 and 0.5 stay below 0.5 alone) */
#define OR_QUESTION 0.6f
/* annoyance evidence per unit of complaint, for a message that is a complaint
 * (>= 0.5): a fault reported is some irritation even in flat words ("the
 * delivery slot was 8 to 12. it's now 3pm"). goemotions annoyance|disapproval|
 * anger|disgust F1 0.315 -> 0.386 (0.444 at 0.5, where plain reports labelled
 * neutral on emotions_cc_dev start to read as annoyed: 85 -> 81 of 90). Not
 * when worry and sadness outweigh annoyance and anger: a fault that frightens
 * is no irritation ("I'm so worried, my card was declined at the pharmacy";
 * twelfth session: goemotions 0.389 -> 0.390, emotions_cc_dev / cc2 / cc4
 * annoyance +0.009 to +0.011, held out cc / cc2 0.341 -> 0.358, 0.353 -> 0.372) */
#define ANNOYANCE_FROM_COMPLAINT 0.3f
/* complaint_model()'s rule features: the rules' complaint score first, then
 * valence, its negative part, escalation, sarcasm, anger, annoyance, gratitude,
 * anxiety + sadness, the complaint and problem cues, a closing question and the
 * length (tokens / 20, at most 2); train_models.py names them alike */
#define COMPLAINT_IN_RULES 0
/* the complaint model adds a complaint from this probability (0.5 added
 * "the sign says open 9 to 5": the model's word weights are learnt from our
 * sets, where such reports open complaints); its logit */
#define COMPLAINT_MODEL_ADD       0.6f
#define COMPLAINT_MODEL_MIN_LOGIT 0.4054651f /* ln(0.6 / 0.4) */
/* ... and takes back a complaint the rules read from negativity alone (no
 * fault, complaint or service named: "hate mondays", "ugh my head is killing
 * me today") below this probability, about 0.27 (chosen before any set was
 * scored; with the service condition and the product's parts as service
 * words every hand-made complaint of the unit tests stands); its logit */
#define COMPLAINT_MODEL_DROP_LOGIT -1.0f
/* the escalation models add an escalation from this probability (eighteenth
 * session). In a 5-fold cross-validation over their training sets the F1 of
 * escalation (the rules and the models) is best at 0.5 (0.894: 505
 * escalations added in the folds, 80 of them wrong) and 0.883 here (373, 30);
 * at 0.7 (0.889; 429, 41) the unit tests' "I read the reviews on yelp before
 * buying" is a public threat. Its logit */
#define ESC_MODEL_ADD       0.8f
#define ESC_MODEL_MIN_LOGIT 1.3862944f /* ln(0.8 / 0.2) */
/* A legal threat of the rules' (a legal word or phrase: "solicitor",
 * "ombudsman", "the FCA") is taken back when every escalation model reads the
 * message below this probability: the law named without a threat, as a job,
 * a house sale, a power of attorney, a regulator's rules asked about or an
 * ombudsman's decision accepted */
#define LEGAL_TAKE_BACK_LOGIT -1.3862944f /* ln(0.2 / 0.8) */
/* the escalation models read only messages with a word of a contact, of
 * before now, of telling, of an audience, of a promise or of what did not
 * happen (the repeat-contact and public pairs' words, escalation.txt): the
 * others are all but never theirs, and most messages skip them */
#define ESC_MODEL_TAGS                                                                             \
    (NLP_WORD2_CONTACT | NLP_WORD2_AGAIN | NLP_WORD2_SHARE | NLP_WORD2_AUDIENCE |                  \
     NLP_WORD2_PROMISE | NLP_WORD2_UNMET)
/* ... or a word of the person and cancel pairs (these flags; escalation.txt:
 * "speak", "someone", "manager", "cancel", "account", ...); the automated
 * service named ("bot": bot_named) and a legal word (legal_named, LEGAL_CUE_W)
 * open the door too */
#define ESC_MODEL_FLAGS                                                                            \
    (NLP_LEX_HREQ_VERB | NLP_LEX_HREQ_OBJ | NLP_LEX_HREQ_STRONG | NLP_LEX_CANCEL_VERB |            \
     NLP_LEX_CANCEL_OBJ)
/* the tone-deafness model adds from this probability: below it, it read plain
 * procedure as coldness ("Your fire damage claim is still pending.", 0.96,
 * and "I'm so sorry for your loss. We'll need a copy of the death
 * certificate.", 0.94, since it learns from every agent reply blind to the
 * rules' features: 0.93 before the seventeenth session, 0.9 before the
 * fifteenth; the lowest round threshold at which the unit tests pass) */
#define TONEDEAF_MODEL_ADD       0.97f
#define TONEDEAF_MODEL_MIN_LOGIT 3.4760987f /* ln(0.97 / 0.03) */
/* joy evidence per unit of valence above 0.3: a clearly glad message is joy
 * even without a joy word ("the new phone arrived a day early and it's
 * gorgeous"). Chosen on goemotions (joy|amusement|excitement|love|relief|
 * pride|optimism: F1 0.494 -> 0.569; 0.558 at 0.5, 0.549 at 0.8) */
#define JOY_FROM_VALENCE 0.3f
/* weight of negative valence in the complaint evidence; chosen on the negative
 * reviews of uci_sentences (amazon, yelp) and vader_amazon (rating <= -1);
 * 6 since the valence squash became wider (alpha 26, spread) */
#define NEG_TO_COMPLAINT 6.0f
/* the same weight when the negativity is sorrow or worry (sadness + anxiety
 * evidence above annoyance + anger) and no fault or complaint cue is present;
 * chosen on goemotions (sadness|grief|fear|nervousness|remorse|embarrassment|
 * caring comments against annoyance|disappointment|disapproval|anger|disgust
 * ones) with the review negatives above as the recall check */
#define SORROW_TO_COMPLAINT 3.0f
/* the same weight when the negativity is explained by something that is not a
 * fault and no fault is named: a death or hardship (sensitive topic >= 0.5), or
 * a question about what happens if something goes wrong. Negativity alone then
 * never makes a complaint (1.0 x valence >= -1 stays at or below 0.5). Chosen
 * on hand-written contact-centre messages (tests/nlp/test_analyzer.c). */
#define EXPLAINED_TO_COMPLAINT 1.0f
/* the share of the complaint and fault cues that counts when the customer says
 * the trouble is their own doing ("my fault", "I lost my card"): a fault named
 * beside it is most likely the customer's own; chosen on hand-written messages */
#define SELF_FAULT 0.3f
/* A message that speaks to the company, praises something (at least this much
 * positive valence) and names no fault, with no "but", sarcasm or escalation,
 * takes its negativity from the customer's day: "having the worst day at work,
 * thank god for your nuggets", "I hate the gym. at least your protein bars
 * taste nice". The negativity then weighs as EXPLAINED_TO_COMPLAINT. Chosen on
 * complaints6_dev (0.764 -> 0.778); without the "you" word it also took
 * negative reviews with one kind word (uci_sentences negatives 72.7 % -> 71.6 %
 * called complaints; 72.4 % with it). */
#define CONSOLE_POS 1.0f
/* tone-deaf evidence added when the agent's reply already has some and the
 * call is about a death or hardship (topic >= 0.5): a fee insisted on ("the
 * charges stand", tone-deaf 0.35 alone) is cold there, routine elsewhere
 * ("interest would still apply"). Chosen on agent5_dev. */
#define HARDSHIP_TONEDEAF 0.4f
/* "ordered a large, got a small": an expect word (ordered, booked) and, opening
 * a later clause within this many tokens, a receive word (got, received) whose
 * object is not "it" or "them" ... */
#define MISMATCH_WINDOW 14
/* ... adds this much to the complaint and the fault cue (complaint 0.8 on its own) */
#define MISMATCH_CUE 0.7f
/* A figure reported ("says", "marked", "quoted", "weighed") or a transaction
 * ("ordered", "booked", "delivered") and numbers in two clauses are what was
 * stated and what is: "the jeans are marked 32 waist. they measure 29", "quoted
 * 2 days for the clutch. we're on day 11", "box had 2 items in it. i ordered
 * 3". It adds MISMATCH_CUE like a mismatch. Of the 97 messages of the
 * complaint development sets with numbers in two clauses, such a word and
 * valence <= 0.3, 96 are complaints (22 of them were missed; the other one is
 * a question with "if", which the rule skips). */
#define FIGURE_WORDS                                                                               \
    "says", "said", "reads", "marked", "labelled", "labeled", "listed", "shows", "showed",         \
        "quoted", "advertised", "measure", "measures", "measured", "weighed", "weighs",            \
        "promised", "claims", "states", "stated", "ordered", "booked", "paid", "bought",           \
        "purchased", "charged", "delivered", "arrived", "came"
#define N_FIGURE_WORDS 29
/* A question that opens with one of these words asks about the "if" clause in
 * it wherever the "if" stands (see asks_yes_no) */
#define YES_NO_WORDS   "can", "could", "do", "does", "will", "would", "should", "am", "is", "are"
#define N_YES_NO_WORDS 10
/* Words with which an agent takes back the apology before them (see concedes) */
#define CONCESSION_WORDS                                                                           \
    "however", "unfortunately", "anyway", "nevertheless", "nonetheless", "regardless",             \
        "regrettably", "sadly", "though", "although"
#define N_CONCESSION_WORDS 10
/* Help an agent offers after taking an apology back (see offers_help): "I"
 * or "we", an auxiliary, and not one of NOT_HELP after it */
#define HELP_AUX   "ll", "will", "ve", "have", "can", "could", "m"
#define N_HELP_AUX 7
#define NOT_HELP                                                                                   \
    "been", "already", "afraid", "not", "told", "explained", "said", "have", "only", "no",         \
        "nothing", "just", "sorry", "still", "need", "be", "got", "require", "charge"
#define N_NOT_HELP 19
/* ... and not in a clause of time or condition before a refusal ("the fee has
 * to be paid before we can close it") */
#define HELP_DEFERRED   "before", "until", "unless", "till", "once", "while"
#define N_HELP_DEFERRED 6
/* Words of an audience, a telling or an intent that the message-wide public
 * test leaves out: customers write to the company, "public" is often an
 * adjective ("a public escalations address"), and "I'm" and "you're" are no
 * intent alone ("people i talk to are shocked that i'm even using it") */
#define TOLD_NOT   "write", "writing", "written", "wrote", "public", "m", "re"
#define N_TOLD_NOT 7
/* Blame in an agent's counterfactual (see blames_back): "if" + BLAME_IF[0],
 * then BLAME_IF[1] or [2] ("if you'd", "if you had"), not followed by one of
 * BLAME_NOT ("if you'd like", "if you had any trouble"), and in that sentence
 * a word of BLAME_THEN ("this wouldn't have happened") */
#define BLAME_IF   "you", "d", "had"
#define N_BLAME_IF 3
#define BLAME_NOT                                                                                  \
    "like", "prefer", "any", "a", "an", "the", "some", "your", "no", "to", "rather", "been"
#define N_BLAME_NOT  12
#define BLAME_THEN   "wouldnt", "wouldn"
#define N_BLAME_THEN 2
/* A sentence that only denies what the one before it said (see denies()):
 * one of DENIAL_AUX among DENIAL_FILL words ("It isn't.", "It still hasn't.",
 * "You didn't.", "but it wasn't") */
#define DENIAL_AUX                                                                                 \
    "isnt", "wasnt", "hasnt", "havent", "hadnt", "didnt", "doesnt", "wont", "arent", "werent",     \
        "aint"
#define N_DENIAL_AUX 11
#define DENIAL_FILL                                                                                \
    "it", "this", "that", "they", "he", "she", "you", "we", "i", "still", "yet", "no", "and",      \
        "but", "which", "well", "of", "course", "surprise", "obviously", "either", "nope", "sadly"
#define N_DENIAL_FILL 23
/* A cancel verb with no object is a wish to leave when a want word ("want",
 * "need") or one of these, one or two words after "i" or "we", stands at most
 * BARE_CANCEL_REACH tokens before it ("I'm going to cancel", "I'll cancel", "I
 * wish to cancel", "I'd like to cancel"; not "the flight will cancel") ... */
#define BARE_CANCEL_LEAD                                                                           \
    "going", "gonna", "wish", "will", "ll", "shall", "like", "considering", "thinking", "tempted", \
        "about", "ready"
#define N_BARE_CANCEL_LEAD 12
#define BARE_CANCEL_REACH  3
/* ... and only these words follow it in its clause ("I want to cancel please",
 * "I need to cancel today"; "I want to cancel my order" names what goes) */
#define BARE_CANCEL_TAIL                                                                           \
    "please", "pls", "plz", "now", "today", "asap", "immediately", "thanks", "thx", "then"
#define N_BARE_CANCEL_TAIL 10
/* A message of at most KEYWORD_WORDS words (phrases count as one) that names
 * only people to reach or a complaint, beside these words, is a keyword
 * request (keyword_request(): "agents pls", "need a rep asap", "complaint
 * please", "new complaint"; not "thanks agent") */
#define KEYWORD_FILLERS                                                                            \
    "please", "pls", "plz", "asap", "now", "urgently", "urgent", "immediately", "a", "an", "the",  \
        "any", "need", "want", "wanna", "new", "another", "one", "anyone", "anybody"
#define N_KEYWORD_FILLERS 20
#define KEYWORD_WORDS     5
/* A message may end on one of these prepositions, finished, when a word of
 * STRANDERS earlier in its last sentence took the object ("that's not what I
 * asked for", "what is this for", "who do I speak to") or the verb it
 * completes stands there ("I can't log in"); without one it stops
 * mid-sentence ("I'm calling about", "can I speak to") */
#define STRANDED_PREPS   "for", "to", "in", "on", "at", "with", "from", "about", "into", "of"
#define N_STRANDED_PREPS 10
#define STRANDERS                                                                                  \
    "what", "who", "whom", "which", "where", "that", "log", "logged", "sign", "signed", "check",   \
        "checked", "turn", "turned", "switch", "switched", "plug", "plugged"
#define N_STRANDERS 18
/* A message may end on "that" as the object of its verb ("I literally just
 * told you that", "I tried that"), unless one of these comes before it and
 * "that" opens a clause the speaker has not said yet ("the thing is that",
 * "I think that") */
#define THAT_OPENERS                                                                               \
    "is", "was", "think", "thought", "said", "say", "says", "mean", "hope", "guess", "believe",    \
        "feel", "sure", "so", "and", "but", "because", "than", "such", "fact"
#define N_THAT_OPENERS 20
/* "no" opening a sentence (or after another "no") and followed by one of
 * these answers what was said and negates nothing in the clause after it: "no
 * the app is still broken", "no no that's not what I asked for", "no it
 * doesn't"; "no refund", "no one called" keep their negation */
#define ANSWER_NO_NEXT                                                                             \
    "no", "the", "that", "this", "it", "i", "my", "you", "your", "we", "our", "they", "he", "she", \
        "there", "thats", "its", "im", "ive", "sorry", "thanks", "thank"
#define N_ANSWER_NO_NEXT 22
/* After a comma, these open a statement that a hypothetical or a help
 * question before it does not reach ("how do I reset my router, it keeps
 * dropping", "can you send me a new one, mine's broken") */
#define CLAUSE_SUBJECTS                                                                            \
    "it", "its", "mine", "my", "the", "this", "i", "we", "they", "there", "our", "ive", "im",      \
        "nothing", "everything"
#define N_CLAUSE_SUBJECTS 15
/* A message all in capitals with at least this many words of two letters or
 * more is shouted, and its capitals weigh as in a mixed-case message */
#define SHOUT_MIN_WORDS 3
/* its weight (an ambiguous wish: the order may be what goes, so it stays below
 * the 0.85 of a cancel verb with its object) */
#define BARE_CANCEL_ESC 0.7f
/* A message whose last sentence (at most this many tokens) is only praise (at
 * least this much valence; no thanks, joy, face, "!", relief or concession
 * word) ... (a last clause after a comma was tried: it read the contrast of
 * reviews, "while puerile men dominate the story, the women shine", as
 * mockery, vader_movie r -0.003) */
#define CLOSER_WORDS 5
/* Word tags read by the per-token rules (the others are read elsewhere) */
#define RULE_TAGS (NLP_WORD_BLOCK | NLP_WORD_THANKS | NLP_WORD_EXPECT | NLP_WORD_RECEIVE)
#define PAIR2_TAGS                                                                                 \
    (NLP_WORD2_CONTACT | NLP_WORD2_AGAIN | NLP_WORD2_SHARE | NLP_WORD2_AUDIENCE |                  \
     NLP_WORD2_INTENT | NLP_WORD2_PROMISE | NLP_WORD2_UNMET)
/* the word before a promise word that makes it the company's: "I was told",
 * "we were promised", "they said they'd" ... */
#define PROMISERS                                                                                  \
    "was", "were", "been", "being", "they", "he", "she", "you", "yous", "u", "lady", "man", "guy", \
        "agent", "colleague", "gentleman", "advisor", "adviser", "rep", "someone", "person",       \
        "engineer", "technician", "driver", "manager", "staff", "team", "chap", "woman",           \
        "supervisor", "representative", "colleagues", "agents"
#define N_PROMISERS 33
/* tokens from a promiser to its promise word, one clause ("the guy on the
 * phone last week said") */
#define PROMISER_REACH 6
/* a person named who could be anyone: asking that one to call back is no
 * request for a human ("could someone give me a ring tomorrow morning") */
#define ANYONE   "someone", "somebody", "anyone", "anybody", "person"
#define N_ANYONE 5
/* the word before a call back that tells of one promised, not asked for
 * ("someone would ring me back", "an agent will call me") */
#define REPORTING   "would", "will", "d", "ll", "was", "were", "should"
#define N_REPORTING 7
#define PROMISE_REACH                                                                              \
    10 /* tokens from "I was told" to the "nothing" that says it did not happen                    \
        */
#define CONTACT_SUBJECT_REACH                                                                      \
    3 /* tokens from "I"/"we" to its contact verb ("I have already called") */
/* tokens between a contact and its word for before now, one sentence ("I
 * messaged about this on your Facebook page last week") */
#define CONTACT_AGAIN_REACH 10
#define INTENT_REACH        5 /* tokens from "will"/"gonna" to its share verb ("I'll be posting") */
#define PAIR2_ESC           0.75f /* a repeat-contact or public pair's escalation */
#define CALLBACK_ESC        0.8f  /* a person named, then a call back to the customer asked for */
/* the escalation weight that marks a word for the automated service (bot, IVR,
 * auto reply: escalation.txt), and a request for a person it makes beside
 * displeasure */
#define BOT_CUE_W       0.3f
#define BOT_REFUSED_ESC 0.75f
/* the escalation weight that marks a word of the legal and regulatory world
 * that is no threat by itself ("commission", "authority", "proceedings",
 * "barrister": escalation.txt): it adds nothing, but opens the escalation
 * models' door, as every legal word does, negated or not */
#define LEGAL_CUE_W 0.01f
/* the escalation weight that marks a phrase denying an escalation ("no need to
 * escalate", "this isn't a formal complaint": escalation.txt): it adds
 * nothing, and the escalation models, which read the words and not their
 * denial, do not read the message */
#define ESC_DENIED_W 0.02f

/* A capitalised word next to another one, not opening its sentence, in a
 * message whose words are mostly not capitalised, is part of a name ("the
 * Super Bowl", "her Dangerous Woman tour"): its valence counts this much */
#define NAME_GAIN 0.5f
/* escalation of a message that is one word naming a person to reach ("agent") */
#define LONE_REQUEST 0.85f
/* A claim filed beside a word of an insured loss is an insurance claim, the
 * routine business of a claims line, not a grievance: "i want to make a claim,
 * a tree came down in the storm", "how do i make a claim on the travel
 * insurance" (a formal verb with "claim" is otherwise a formal complaint, as
 * "file a claim" is in retail support). "Against" after the claim keeps it one:
 * "i'll make a claim against your insurer". */
#define INSURED_LOSS                                                                               \
    "insurance", "insurer", "insurers", "insured", "policyholder", "underwriter", "adjuster",      \
        "assessor", "storm", "flood", "flooded", "flooding", "hail", "hailstorm", "lightning",     \
        "subsidence", "burst", "leak", "leaking", "accident", "collision", "crash", "crashed",     \
        "burgled", "burglary", "burglar", "burglars", "robbed", "stolen", "theft", "fire",         \
        "windscreen", "windshield", "luggage", "baggage", "vet", "hospital", "whiplash", "roof",   \
        "ceiling", "tree", "fell", "rear", "reversed", "dented"
#define N_INSURED_LOSS 45
#define AGAINST_REACH  4 /* tokens from "claim" to an "against" that makes it a grievance */
/* A service closed at one address and opened at the next is kept, not left:
 * "we are moving out on Friday, so close the account at the old address and
 * open one at the new address". A keep verb at most KEEP_REACH tokens before
 * "new" + a home word, and no rival named ("another", "different" supplier),
 * take back the cancel evidence. "Move" is no keep verb ("we move to our new
 * house next week, please cancel the gas" leaves). */
#define KEEP_VERBS                                                                                 \
    "open", "opening", "set", "setting", "transfer", "transferring", "connect", "connecting",      \
        "reconnect", "start", "starting", "continue"
#define N_KEEP_VERBS  12
#define HOME_WORDS    "address", "place", "house", "flat", "home", "property", "apartment"
#define N_HOME_WORDS  7
#define RIVAL_WORDS   "another", "different", "other", "elsewhere", "switching", "competitor"
#define N_RIVAL_WORDS 6
#define KEEP_REACH    5
/* "switch to", "moving to", "change to" (a leaving phrase, esc=cancel) with a
 * plan, a way of paying or being billed, or a home at most KEPT_REACH tokens
 * after it, in a message that names no provider, is a change made with us:
 * "switch to paperless billing", "can i switch to the pet health plan that
 * includes dental", "we're moving to a bigger house" (not "switching to
 * another provider", "moving to a cheaper supplier"); the phrase is read as
 * no term at all. */
#define MOVE_WORDS   "switch", "switching", "moving", "move", "change", "changing"
#define N_MOVE_WORDS 6
#define KEPT_OBJECTS                                                                               \
    "plan", "plans", "tariff", "package", "deal", "bundle", "billing", "paperless", "ebilling",    \
        "bills", "statements", "monthly", "annual", "quarterly", "debit", "app", "sim"
#define N_KEPT_OBJECTS 17 /* ... or a home (HOME_WORDS) */
/* ... or another of our accounts, when every word before it is a lexicon word
 * ("switch to the premium account", "switching to a pro account", "change to
 * a joint account"; a name the lexicon does not know is another company's:
 * "im switching to a monzo account") */
#define KEPT_ACCOUNTS   "account", "accounts", "membership", "tier", "profile"
#define N_KEPT_ACCOUNTS 5
#define PROVIDER_WORDS                                                                             \
    "provider", "providers", "supplier", "suppliers", "network", "company", "competitor",          \
        "competitors", "elsewhere", "someone", "somewhere", "insurer", "lender", "carrier"
#define N_PROVIDER_WORDS 14
/* A praise frame whose fault is put right in its sentence is sincere praise of
 * the fix: "love that they fixed the outage so quickly", "love how fast you
 * sorted the leak" (a fault after a frame otherwise mocks it); so are thanks:
 * "thanks for fixing the leak", "thanks for the refund for the missing items" */
#define PUT_RIGHT_WORDS                                                                            \
    "fixed", "fixing", "sorted", "sorting", "resolved", "resolving", "solved", "restored",         \
        "refunded", "replaced", "replacing", "rebooked", "repaired", "repairing", "reconnected",   \
        "unblocked", "unlocked", "recovered", "refund", "replacement"
#define N_PUT_RIGHT_WORDS 20
#define KEPT_REACH        5
/* A thing cancelled while the customer stays: made by mistake ("please cancel
 * the policy I just bought, I clicked annual by mistake"), a part dropped and
 * the rest kept ("cancel the boiler cover add-on, keep the electricity"), or
 * replaced ("cancel the direct debit and set up a new one from my new bank",
 * "cancel that and pay by card instead"); a message that names a provider
 * (PROVIDER_WORDS) is leaving after all. Read only when a cancel verb meets
 * its object (the pair). */
#define MISTAKE_WORDS   "mistake", "accidentally", "accident", "wrongly", "duplicate"
#define N_MISTAKE_WORDS 5
#define PART_WORDS      "addon", "add", "bolt", "replacement", "replace"
#define N_PART_WORDS    5
/* ... or only for a while ("stop the deliveries temporarily", "until January";
 * not "pause": "not just pause it, cancel it"), or only the paper and the
 * marketing ("stop the paper catalogue being sent"), or done by hand from now
 * on ("stop the auto-renewal, I'll renew manually") */
#define PAUSE_WORDS                                                                                \
    "temporarily", "temporary", "until", "catalogue", "catalogues", "brochure", "brochures",       \
        "mailings", "leaflets", "marketing", "manually"
#define N_PAUSE_WORDS 11
#define KEEP_WORDS    "keep", "keeping" /* "keep the internet", not "keep getting cut" */
#define N_KEEP_WORDS  2
#define KEPT_WHAT     "the", "my", "our", "everything", "it", "that", "this", "paying", "using"
#define N_KEPT_WHAT   9
#define REDO_WORDS    "new", "one", "it", "again"
#define N_REDO_WORDS  4
#define PAY_WORDS     "card", "account", "bank", "pay", "payment"
#define N_PAY_WORDS   5
#define REDO_REACH    3 /* tokens from a keep verb to what it sets up again */
/* A request for a person that names someone above whoever answers, or insists
 * on a human (nlp_result.human_senior): any of these words in the message */
#define SENIOR_WORDS                                                                               \
    "manager", "managers", "supervisor", "supervisors", "boss", "senior", "superior", "charge",    \
        "leader", "head", "higher", "director", "above", "clout", "authority", "power", "human",   \
        "humans", "real", "escalations", "complaints"
#define N_SENIOR_WORDS 21
/* Laughter in a message tells a safety phrase said in jest ("I'll kill myself
 * if I hear that hold music again lol"): the topic stays, at SAFETY_JOKE, an
 * agent's cue without a supervisor's alert */
#define LAUGH_WORDS                                                                                \
    "lol", "lmao", "lmfao", "haha", "hahaha", "rofl", "jk", "\U0001F602", "\U0001F923"
#define N_LAUGH_WORDS 9
/* The words the redactor reads a person's name or a secret after (nlp/pii.c:
 * person_names, title_names, signoff_names, secret_names, spoken_dot): of the words of its
 * hint (NLP_WORD2_SECRET) the only ones it reads anything after in a message
 * without a figure (an address or a postcode holds one) */
#define WORDS_NO_FIGURE                                                                            \
    "name", "surname", "forename", "mr", "mrs", "ms", "mx", "regards", "sincerely", "faithfully",  \
        "wishes", "password", "passcode", "passphrase", "passwd", "maiden", "memorable", "dot"
#define N_WORDS_NO_FIGURE 18
/* The first words of a text that opens with a person's name greeted or
 * introduced ("Thank you Tom", "Good morning Mrs Okafor", "this is Sam from
 * billing", "it's Jo here"; nlp/pii.c, greetings and introductions,
 * opening_name()), and those the lexicon may not hold, which, when it does
 * not, the tokens tell only as a word outside it ("Hi Priya,"); a name before
 * "speaking" ("Tom speaking") is told by the second word */
#define OPENING_WORDS                                                                              \
    "dear", "thanks", "thank", "good", "morning", "afternoon", "evening", "bye", "goodbye",        \
        "cheers", "this", "it", "its"
#define OPENING_H_WORDS "hi", "hiya", "hello", "hey"
/* A risk told as long past, with nothing said of it since ("I self-harmed as
 * a teenager, it was over 15 years ago", "two years ago I left an abusive
 * relationship, I'm safe and settled now"): the topic stays, at SAFETY_PAST,
 * an agent's cue (a vulnerable customer) without a supervisor's alert, unless
 * a word says it is back or goes on ("again", "still", "last night") */
#define PAST_WORDS        "ago", "teenager", "child", "kid", "teens", "childhood", "younger", "past"
#define N_PAST_WORDS      8
#define PAST_LEADS        "as", "a", "my", "in", "was", "were", "the"
#define N_PAST_LEADS      7
#define PAST_BEFORE_AGO   "years", "year", "decades", "decade", "long"
#define N_PAST_BEFORE_AGO 5
#define RECENT_WORDS                                                                               \
    "again", "still", "started", "starting", "restarted", "recently", "lately", "currently",       \
        "tonight", "today", "yesterday", "anymore", "relapsed", "relapse", "last", "week",         \
        "weeks", "month", "months", "days"
#define N_RECENT_WORDS 20
#define SAFETY_PAST    0.6f
#define SAFETY_JOKE    0.6f
#define SAFETY_PLAIN   0.7f /* a plain statement's evidence: hard times (and the engine's alert) */
/* ... but the whole of it is leaving: "cancel the whole contract not just the
 * add on", "stop the deliveries altogether" */
#define WHOLE_WORDS   "whole", "everything", "altogether", "entirely", "completely", "all", "both"
#define N_WHOLE_WORDS 7
/* "another bank", "a different supplier": a rival (RIVAL_WORDS before one of these) */
#define RIVAL_NOUNS                                                                                \
    "bank", "provider", "supplier", "network", "company", "insurer", "lender", "carrier", "firm",  \
        "operator"
#define N_RIVAL_NOUNS 10
/* a keep said not to be wanted: "i'm not going to keep paying", "no longer wish to keep" */
#define NO_KEEP_WORDS   "not", "no", "longer", "never", "nt", "dont", "wont", "cant"
#define N_NO_KEEP_WORDS 8
#define NO_KEEP_REACH   4
/* Scare quotes: a quoted span of at most this many words and bytes, with no
 * negative word in it, in a message that reports a fault, mocks a claim ("my
 * \"hot\" meal arrived cold", "the \"quiet room\" next to the lift") */
#define SCARE_MAX_WORDS 4
#define SCARE_MAX_BYTES 40
/* Thanks for a fault: a fault, a bad situation or a clearly negative word at
 * most this many tokens after "thanks" / "grateful" followed by a function
 * word ("for", "to"), in the same clause, with no praise between or after it
 * in its sentence, is mock gratitude ("thanks for the 3 hour delay"; not
 * "thanks for the quick fix to the outage", "thanks for the warning :)", nor
 * "thanks for the update on my delayed parcel", where the fault is 6 tokens on) */
#define THANKS_REACH 5
/* joy weight from which a word is delight rather than evaluation ("yay",
 * "happy", "love", "amazing" vs "great", "perfect", "excellent") ... */
#define CLOSER_WARM_JOY 0.7f
/* ... and from which it is delight after a named fault: "amazing" and
 * "brilliant" (0.7) then mock it ("the drum has come loose after 8 months.
 * brilliant"); "yay", "so happy" and faces (":D") stay warm. Sarcasm dev sets +3 true
 * positives; goemotions positives called sarcastic 85 -> 87 */
#define CLOSER_WARM_JOY_FAULT 0.75f
/* a face at least this joyful (a smile, hearts; not tears of laughter, 0.7)
 * says the praise frames and praise beside a fault in its message are meant */
#define WARM_FACE_JOY     0.8f
#define CLOSER_MIN_PRAISE 1.5f
/* ... after a fault, a bad situation or this much negative valence, in words
 * that are negative on balance (positive mass at most half the negative),
 * mocks what went before ("... 2 hours late. excellent work") */
#define CLOSER_MIN_NEG 1.2f
/* a sarcastic opener ("great, ...") needs, after it, a fault, a bad situation
 * or at least this much negative valence ("wonderful, my umbrella fell apart") */
#define OPENER_MIN_NEG 0.5f
/* the rule-adjusted sum of a message holding a link counts 70 %: the words
 * beside a link often describe the linked page (a headline) rather than the
 * writer's feeling; chosen on vader_tweets (r flat from 0.6 to 0.8) */
#define URL_DAMP 0.7f
#define ESC_PAIR_FLAGS                                                                             \
    (NLP_LEX_HREQ_VERB | NLP_LEX_HREQ_OBJ | NLP_LEX_HREQ_STRONG | NLP_LEX_WANT |                   \
     NLP_LEX_CANCEL_VERB | NLP_LEX_CANCEL_OBJ | NLP_LEX_ORDER_OBJ | NLP_LEX_FORMAL_VERB |          \
     NLP_LEX_FORMAL_OBJ)
#define VALENCE_ALPHA 26.0f
/* A sum of many valenced words says less than its size: raters judge a
 * message by its gist, not by its word count. The sum is scaled by
 * (1 + VALENCE_SPREAD) / n^VALENCE_SPREAD for n valenced words (one word
 * keeps about the scale it had with alpha 15). Chosen with VALENCE_ALPHA and
 * the weights below on vader_tweets / amazon / movie / nyt. */
#define VALENCE_SPREAD 0.3f
#define BUT_BEFORE     0.5f  /* "X but Y": X counts half ... */
#define BUT_AFTER      1.0f  /* ... and Y in full */
#define EXCL_POS       0.4f  /* per '!' (up to 4) on a positive sum */
#define EXCL_NEG       0.15f /* on a negative one: '!' is more often cheer */
#define QUESTION_POS   0.6f  /* a positive sum ending in a question asserts less */
/* Sarcasm at or above this turns the praise against the message; between 0.5
 * and it (one weak frame: "love how ... drops", praise beside a bad situation)
 * the praise only stops counting and the valence is at most 0: such frames are
 * often sincere, and a wrong flip costs more than a missed one. */
#define SARCASM_CLEAR 0.55f
/* The sarcasm model (lexicon.h, bench/nlp/train_models.py) decides the
 * messages with praise that the rules leave sincere: from this probability
 * they are sarcastic, and from SARC_MODEL_CLEAR the praise turns against the
 * message (below it the praise only stops counting, as for one weak frame;
 * chosen on vader_nyt / amazon, where a flip costs most) */
#define SARC_MODEL_MIN       0.5f
#define SARC_MODEL_MIN_LOGIT 0.0f /* log(SARC_MODEL_MIN / (1 - SARC_MODEL_MIN)) */
#define SARC_MODEL_CLEAR     0.9f
/* ... and only messages with this much praise (a word such as "great",
 * "love", "thanks"; not "yes", "right", "ok", beside which numbers and names
 * read as a deadpan list: "yes it is four seven two nine one eight") */
#define SARC_MODEL_PRAISE 1.0f
#define SARC_THANKS_TAIL  3     /* thanks this near the end close the message */
#define EXCESS_VALENCE    -1.0f /* "too" + a word that is not praise ("too long") */
#define EXCESS_MAX_PRAISE 0.5f  /* above this the word is praise: "too good", "too cute" */
#define PAUSE_REQUEST     0.9f  /* pause_request of a message that asks the other side to wait */
#define UNFINISHED        0.7f /* ... and of one that stops mid-sentence ("that would have been") */
#define FIX_UNMET_REACH   4    /* tokens after a fix that may say it did not hold ("it hasn't") */
#define TOPIC_WINDOW      5    /* tokens between the two words of a topic pair */
#define TOPIC_PAIR        0.9f /* kin + death word: bereavement */
#define TOPIC_BILL        0.85f /* dispute word + charge/transaction: billing dispute */
#define TOPIC_AGENT       0.6f  /* an agent or bot naming a topic matters less */
#define TOPIC_FLAGS                                                                                \
    (NLP_LEX_TOPIC | NLP_LEX_KIN | NLP_LEX_DEATH | NLP_LEX_BILL_OBJ | NLP_LEX_BILL_MOD)

enum {
    TOK_CAPS = 1u << 0,  /* all upper case, two letters or more */
    TOK_ELONG = 1u << 1, /* a letter repeated three times or more */
    TOK_HASHTAG = 1u << 2,
    TOK_CLAUSE_END = 1u << 3, /* . ! ? ; or a line break follows */
    TOK_CONSUMED = 1u << 4,   /* inside a matched phrase */
    TOK_EMOJI = 1u << 5,
    TOK_HAS_LOWER = 1u << 6,
    TOK_COMMA = 1u << 7,
    TOK_TITLE = 1u << 8,  /* an upper-case letter, then some lower case ("Woman") */
    TOK_HIDDEN = 1u << 9, /* in a phrase whose words the models do not read (NLP_LEX2_HIDE) */
};

typedef struct token {
    int32_t entry;   /* lexicon entry or -1 */
    int32_t word_id; /* phrase-trie word id or -1 */
    uint16_t flags;
    uint8_t excl;      /* '!' right after */
    uint8_t quest;     /* '?' right after */
    uint16_t root;     /* trie node of the phrases the word starts, 0 = none */
    uint8_t word_tags; /* NLP_WORD_* of the word */
    uint8_t
        word_tags2; /* NLP_WORD2_* of the word; no padding, so token arrays compare with memcmp */
} token;

/* The root tags the tokeniser collects (nlp_analyzer.saw_root). */
#define SAW_ROOT_TAGS                                                                              \
    (NLP_LEX_ROOT_SPOKEN_DIGIT | NLP_LEX_ROOT_DATE_WORD | NLP_LEX_ROOT_PERSON | NLP_LEX_ROOT_PLACE)

/* The word id a model reads of token t: none (-1) inside a phrase that hides
 * its words (a select, not a branch). */
static inline int32_t model_word_id(const token *t)
{
    return (t->flags & TOK_HIDDEN) ? -1 : t->word_id;
}

/* A token for the word in lexicon slot s. */
static inline token word_token(const nlp_lex_slot *s, uint16_t flags)
{
    return (token){.entry = s->entry,
                   .word_id = s->word_id,
                   .flags = flags,
                   .root = s->root,
                   .word_tags = s->word_tags,
                   .word_tags2 = s->word_tags2};
}

#ifdef NLP_HAVE_SSE2
/* The token's two halves as word_token() makes them (little-endian; the SSE2
 * tokeniser's store): the slot's entry and word id, then the flags, no marks,
 * the root and the two tag bytes, which lie in the slot as in the token, so
 * that the token stays in two registers (built field by field, it went
 * through the stack and cost the tokeniser a tenth of its instructions). */
typedef struct token_halves {
    uint64_t ids, rest;
} token_halves;

static inline token_halves word_token_halves(const nlp_lex_slot *s, uint16_t flags)
{
    _Static_assert(sizeof(token) == 16 && offsetof(token, word_id) == 4 &&
                       offsetof(token, flags) == 8 && offsetof(token, root) == 12 &&
                       offsetof(token, word_tags) == 14 && offsetof(token, word_tags2) == 15 &&
                       offsetof(nlp_lex_slot, word_id) == offsetof(nlp_lex_slot, entry) + 4 &&
                       offsetof(nlp_lex_slot, word_tags) == offsetof(nlp_lex_slot, root) + 2 &&
                       offsetof(nlp_lex_slot, word_tags2) == offsetof(nlp_lex_slot, root) + 3,
                   "word_token_halves() copies two runs of fields");
    token_halves h;
    uint32_t root_tags;
    memcpy(&h.ids, &s->entry, 8);
    memcpy(&root_tags, &s->root, 4);
    h.rest = flags | (uint64_t)root_tags << 32;
    return h;
}
#endif

/* A set of phrase-trie word ids, a bit each (they are below
 * 2^NLP_LEX_WORD_BITS): one load tells whether a token's word is in a list. */
typedef uint8_t word_set[1u << (NLP_LEX_WORD_BITS - 3)];

static void word_set_add(uint8_t *set, int32_t w)
{
    if (w >= 0 && w < (int32_t)(1u << NLP_LEX_WORD_BITS)) {
        set[w >> 3] |= (uint8_t)(1u << (w & 7));
    }
}

/* w is in the set (-1, no lexicon word, never is). */
static inline bool word_set_has(const uint8_t *set, int32_t w)
{
    uint32_t u = (uint32_t)w;
    return u < (1u << NLP_LEX_WORD_BITS) && ((set[u >> 3] >> (u & 7u)) & 1u) != 0;
}

struct nlp_analyzer {
    uint32_t tag;
    size_t max_bytes;
    token *tokens;
    size_t max_tokens;
    size_t n_tokens; /* of the last message */
    char *redacted;  /* the redactor's output */
    size_t redacted_cap;
    /* the last message's redacted text: redacted, or padded when the redactor
     * had nothing to look for (the same bytes, NUL after them: no copy) */
    const char *redacted_out;
    unsigned char *padded; /* max_bytes + TOK_PAD: the message being tokenised, then zeros */
    size_t redacted_len;
    uint32_t emoticon_first[256]; /* 1 + first emoticon starting with the byte, or 0 */
    uint8_t face_second[256];     /* 1: the second byte of a face that starts with a letter */
    uint8_t after_word[256];      /* fast_words(): the static after_word table | AW_FACE */
    const nlp_lexicon *lex;
    int32_t num_slot;   /* slot of NLP_LEX_NUM_WORD, or -1 */
    int32_t sarc_sum;   /* the sarcasm model's word weights of the message's tokens (tokeniser) */
    int32_t money_slot; /* slot of NLP_LEX_MONEY_WORD, or -1 */
    int32_t and_word;   /* word id of "and" (ends a negation that has found its word), or -1 */
    int32_t or_word;    /* word id of "or" (carries a negation on to the next word), or -1 */
    int32_t yes_no_words[N_YES_NO_WORDS];         /* word ids of YES_NO_WORDS, or -1 */
    int32_t concession_words[N_CONCESSION_WORDS]; /* word ids of CONCESSION_WORDS, or -1 */
    int32_t bare_cancel_lead[N_BARE_CANCEL_LEAD]; /* word ids of BARE_CANCEL_LEAD, or -1 */
    int32_t bare_cancel_tail[N_BARE_CANCEL_TAIL]; /* word ids of BARE_CANCEL_TAIL, or -1 */
    int32_t keyword_fillers[N_KEYWORD_FILLERS];   /* word ids of KEYWORD_FILLERS, or -1 */
    int32_t first_person[2];                      /* word ids of "i" and "we", or -1 */
    int32_t please_words[3];                      /* "please", "pls", "plz", or -1 */
    int32_t promisers[N_PROMISERS];               /* word ids of PROMISERS, or -1 */
    int32_t stranded_preps[N_STRANDED_PREPS];     /* word ids of STRANDED_PREPS, or -1 */
    int32_t stranders[N_STRANDERS];               /* word ids of STRANDERS, or -1 */
    int32_t that_openers[N_THAT_OPENERS];         /* word ids of THAT_OPENERS, or -1 */
    int32_t that_word;                            /* word id of "that", or -1 */
    int32_t me_word;                              /* word id of "me", or -1 */
    int32_t us_word;                              /* word id of "us", or -1 */
    int32_t still_word;                           /* word id of "still", or -1 */
    int32_t told_not[N_TOLD_NOT];                 /* word ids of TOLD_NOT, or -1 */
    int32_t if_word;                              /* word id of "if", or -1 */
    int32_t anyone[N_ANYONE];                     /* word ids of ANYONE, or -1 */
    int32_t reporting[N_REPORTING];               /* word ids of REPORTING, or -1 */
    int32_t answer_no_next[N_ANSWER_NO_NEXT];     /* word ids of ANSWER_NO_NEXT, or -1 */
    int32_t no_word;                              /* word id of "no", or -1 */
    int32_t your_word;                            /* word id of "your", or -1 */
    int32_t hope_word;                            /* word id of "hope", or -1 */
    int32_t not_word;                             /* word id of "not", or -1 */
    int32_t clause_subjects[N_CLAUSE_SUBJECTS];   /* word ids of CLAUSE_SUBJECTS, or -1 */
    bool saw_digit; /* the tokeniser saw an ASCII digit / '@' (PII pre-check) */
    bool saw_at;
    /* the words' tags it found, NLP_WORD_* | NLP_WORD2_* << 8 (the PII
     * pre-check, the escalation models' gate) */
    uint16_t saw_tags;
    /* the root tags of the words it found (SAW_ROOT_TAGS: a word of a digit
     * read out, NLP_LEX_ROOT_SPOKEN_DIGIT; of a date, a month's name, an
     * ordinal, NLP_LEX_ROOT_DATE_WORD; a person's name may follow,
     * "husband", NLP_LEX_ROOT_PERSON; a place staff work at, "branch",
     * NLP_LEX_ROOT_PLACE) */
    uint16_t saw_root;
    bool saw_url;          /* the message holds a link */
    bool url_pass;         /* ... and maybe a password's name in it (url_secret_start()) */
    bool bytewise;         /* the tokeniser's byte-at-a-time reference path, and the emotion
                            * models' scalar one (tests, RP_CPU_MASK=0) */
    word_set figure_words; /* one of FIGURE_WORDS */
    size_t missing_words;  /* rule words (LOAD_WORD_IDS) the lexicon has no id for */
    /* word ids read only by the rare rules (out of the hot fields' way) */
    int32_t said_word;                          /* word id of "said", or -1 */
    int32_t though_word;                        /* word id of "though", or -1 */
    int32_t having_word;                        /* word id of "having", or -1 */
    int32_t help_aux[N_HELP_AUX];               /* word ids of HELP_AUX, or -1 */
    int32_t not_help[N_NOT_HELP];               /* word ids of NOT_HELP, or -1 */
    int32_t help_deferred[N_HELP_DEFERRED];     /* word ids of HELP_DEFERRED, or -1 */
    int32_t denial_aux[N_DENIAL_AUX];           /* word ids of DENIAL_AUX, or -1 */
    int32_t denial_fill[N_DENIAL_FILL];         /* word ids of DENIAL_FILL, or -1 */
    int32_t blame_if[N_BLAME_IF];               /* word ids of BLAME_IF, or -1 */
    int32_t blame_not[N_BLAME_NOT];             /* word ids of BLAME_NOT, or -1 */
    int32_t blame_then[N_BLAME_THEN];           /* word ids of BLAME_THEN, or -1 */
    int32_t insured_loss[N_INSURED_LOSS];       /* word ids of INSURED_LOSS, or -1 */
    int32_t claim_words[2];                     /* word ids of "claim", "claims", or -1 */
    int32_t against_word;                       /* word id of "against", or -1 */
    int32_t keep_verbs[N_KEEP_VERBS];           /* word ids of KEEP_VERBS, or -1 */
    int32_t home_words[N_HOME_WORDS];           /* word ids of HOME_WORDS, or -1 */
    int32_t rival_words[N_RIVAL_WORDS];         /* word ids of RIVAL_WORDS, or -1 */
    int32_t new_word;                           /* word id of "new", or -1 */
    int32_t move_words[N_MOVE_WORDS];           /* word ids of MOVE_WORDS, or -1 */
    int32_t kept_objects[N_KEPT_OBJECTS];       /* word ids of KEPT_OBJECTS, or -1 */
    int32_t kept_accounts[N_KEPT_ACCOUNTS];     /* word ids of KEPT_ACCOUNTS, or -1 */
    int32_t provider_words[N_PROVIDER_WORDS];   /* word ids of PROVIDER_WORDS, or -1 */
    int32_t mistake_words[N_MISTAKE_WORDS];     /* word ids of MISTAKE_WORDS, or -1 */
    int32_t part_words[N_PART_WORDS];           /* word ids of PART_WORDS, or -1 */
    int32_t pause_words[N_PAUSE_WORDS];         /* word ids of PAUSE_WORDS, or -1 */
    int32_t redo_words[N_REDO_WORDS];           /* word ids of REDO_WORDS, or -1 */
    int32_t pay_words[N_PAY_WORDS];             /* word ids of PAY_WORDS, or -1 */
    int32_t instead_word;                       /* word id of "instead", or -1 */
    int32_t whole_words[N_WHOLE_WORDS];         /* word ids of WHOLE_WORDS, or -1 */
    int32_t keep_words[N_KEEP_WORDS];           /* word ids of KEEP_WORDS, or -1 */
    int32_t senior_words[N_SENIOR_WORDS];       /* word ids of SENIOR_WORDS, or -1 */
    int32_t laugh_words[N_LAUGH_WORDS];         /* word ids of LAUGH_WORDS, or -1 */
    int32_t words_no_figure[N_WORDS_NO_FIGURE]; /* word ids of WORDS_NO_FIGURE, or -1 */
    word_set opening_words;                     /* one of OPENING_WORDS, OPENING_H_WORDS */
    int32_t speaking_word;                      /* word id of "speaking", or -1 */
    int32_t person_links[4];          /* word ids of "called", "named", "to", "with", or -1 */
    int32_t staff_preps[4];           /* word ids of "from", "at", "in", "on", or -1 */
    int32_t is_words[3];              /* word ids of "is", "s", "its", or -1 */
    int32_t you_word;                 /* word id of "you", or -1 */
    int32_t to_with[2];               /* word ids of "to", "with", or -1 */
    int32_t past_words[N_PAST_WORDS]; /* word ids of PAST_WORDS, or -1 */
    int32_t past_before_ago[N_PAST_BEFORE_AGO]; /* word ids of PAST_BEFORE_AGO, or -1 */
    int32_t past_leads[N_PAST_LEADS];           /* word ids of PAST_LEADS, or -1 */
    int32_t recent_words[N_RECENT_WORDS];       /* word ids of RECENT_WORDS, or -1 */
    int32_t kept_what[N_KEPT_WHAT];             /* word ids of KEPT_WHAT, or -1 */
    int32_t no_keep_words[N_NO_KEEP_WORDS];     /* word ids of NO_KEEP_WORDS, or -1 */
    int32_t rival_nouns[N_RIVAL_NOUNS];         /* word ids of RIVAL_NOUNS, or -1 */
    int32_t put_right[N_PUT_RIGHT_WORDS];       /* word ids of PUT_RIGHT_WORDS, or -1 */
    nlp_role role;                              /* of the last message (nlp_analyzer_explain()) */
    bool keep_inputs; /* nlp_analyzer_keep_model_inputs(): keep them in model_in */
    float model_in[NLP_MODEL_COUNT][NLP_MODEL_DENSE]; /* each model's rule features, last message */
    /* the emotion models' biases (row 0) and rule-feature weights (row 1 + k),
     * model m in column m (column 7: 0): emotion_models() sums all seven
     * logits at once */
    float emo_w[1 + NLP_MODEL_DENSE][NLP_MODEL_EMO_STRIDE];
};

/* State of the word being built (word_buf.flags); W_ELONG and W_LOWER are the
 * token flags they become. */
enum {
    W_ELONG = TOK_ELONG,     /* a repeated letter was dropped */
    W_LOWER = TOK_HAS_LOWER, /* some lower-case letter */
    W_UPPER = 1u << 8,       /* some upper-case letter */
    W_TOO_LONG = 1u << 9,    /* more than WORD_MAX bytes: kept, never matches */
    W_TITLE = 1u << 10,      /* the first letter is upper case */
};

/* Word being built by the tokeniser. */
typedef struct word_buf {
    char text[WORD_MAX + 8]; /* 8 spare bytes: the lookup reads 8 bytes at a time */
    size_t len;
    uint32_t flags; /* W_* */
    int n_letters;
} word_buf;

nlp_analyzer_config nlp_analyzer_config_default(void)
{
    nlp_analyzer_config cfg = {.max_message_bytes = NLP_DEFAULT_MAX};
    return cfg;
}

static bool ascii_alpha(unsigned char c)
{
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

static bool ascii_digit(unsigned char c)
{
    return (unsigned char)(c - '0') < 10;
}

static bool ascii_alnum(unsigned char c)
{
    return ascii_alpha(c) || ascii_digit(c);
}

static bool ascii_upper(unsigned char c)
{
    return (unsigned char)(c - 'A') < 26;
}

#ifdef NLP_HAVE_SSE2
static void init_after_word(nlp_analyzer *an);
#endif

/* The phrase-trie word id of a lexicon word (NUL-terminated), or -1. */
static int32_t lex_word_id(const nlp_lexicon *lex, const char *word)
{
    int32_t slot = nlp_lex_find(lex, word, strlen(word));
    return slot >= 0 ? lex->slots[slot].word_id : -1;
}

/* ids[k] = the word id of words[k], for k < n; returns how many have none */
static size_t lex_word_ids(const nlp_lexicon *lex, const char *const *words, size_t n, int32_t *ids)
{
    size_t missing = 0;
    for (size_t k = 0; k < n; k++) {
        ids[k] = lex_word_id(lex, words[k]);
        missing += ids[k] < 0;
    }
    return missing;
}

/* The word id of one word a rule reads (counted in missing_words when none). */
static int32_t rule_word_id(nlp_analyzer *an, const char *word)
{
    int32_t id = lex_word_id(an->lex, word);
    an->missing_words += id < 0;
    return id;
}

/* Fills the array field of an analyzer with the word ids of a word list macro
 * (the list and the field must have the same length). */
#define LOAD_WORD_IDS(an, field, ...)                                                              \
    do {                                                                                           \
        static const char *const words_[] = {__VA_ARGS__};                                         \
        _Static_assert(sizeof words_ / sizeof words_[0] ==                                         \
                           sizeof(an)->field / sizeof(an)->field[0],                               \
                       "word list and id array differ in length");                                 \
        (an)->missing_words +=                                                                     \
            lex_word_ids((an)->lex, words_, sizeof words_ / sizeof words_[0], (an)->field);        \
    } while (0)

int nlp_analyzer_create(const nlp_analyzer_config *cfg, nlp_analyzer **out)
{
    if (out == NULL) {
        return RP_EINVAL;
    }
    *out = NULL;
    nlp_analyzer_config c = cfg != NULL ? *cfg : nlp_analyzer_config_default();
    if (c.max_message_bytes < NLP_MIN_MAX || c.max_message_bytes > NLP_MAX_MAX) {
        return RP_EINVAL;
    }
    nlp_analyzer *an = rp_calloc(1, sizeof *an);
    if (an == NULL) {
        return RP_ENOMEM;
    }
    an->tag = NLP_ANALYZER_TAG;
    an->lex = &nlp_lexicon_builtin;
    for (int m = 0; m < NLP_MODEL_EMO_N; m++) {
        const nlp_lex_model *model = &an->lex->models[NLP_MODEL_ANGER + m];
        an->emo_w[0][m] = model->bias;
        for (int k = 0; k < NLP_MODEL_DENSE; k++) {
            an->emo_w[1 + k][m] = model->dense[k];
        }
    }
    an->num_slot = nlp_lex_find(an->lex, NLP_LEX_NUM_WORD, sizeof NLP_LEX_NUM_WORD - 1);
    an->money_slot = nlp_lex_find(an->lex, NLP_LEX_MONEY_WORD, sizeof NLP_LEX_MONEY_WORD - 1);
    an->and_word = rule_word_id(an, "and");
    an->or_word = rule_word_id(an, "or");
    LOAD_WORD_IDS(an, concession_words, CONCESSION_WORDS);
    LOAD_WORD_IDS(an, bare_cancel_lead, BARE_CANCEL_LEAD);
    LOAD_WORD_IDS(an, bare_cancel_tail, BARE_CANCEL_TAIL);
    LOAD_WORD_IDS(an, keyword_fillers, KEYWORD_FILLERS);
    LOAD_WORD_IDS(an, stranded_preps, STRANDED_PREPS);
    LOAD_WORD_IDS(an, stranders, STRANDERS);
    LOAD_WORD_IDS(an, answer_no_next, ANSWER_NO_NEXT);
    LOAD_WORD_IDS(an, clause_subjects, CLAUSE_SUBJECTS);
    LOAD_WORD_IDS(an, insured_loss, INSURED_LOSS);
    LOAD_WORD_IDS(an, claim_words, "claim", "claims");
    an->against_word = rule_word_id(an, "against");
    LOAD_WORD_IDS(an, keep_verbs, KEEP_VERBS);
    LOAD_WORD_IDS(an, home_words, HOME_WORDS);
    LOAD_WORD_IDS(an, rival_words, RIVAL_WORDS);
    an->new_word = rule_word_id(an, "new");
    LOAD_WORD_IDS(an, move_words, MOVE_WORDS);
    LOAD_WORD_IDS(an, kept_objects, KEPT_OBJECTS);
    LOAD_WORD_IDS(an, kept_accounts, KEPT_ACCOUNTS);
    LOAD_WORD_IDS(an, provider_words, PROVIDER_WORDS);
    LOAD_WORD_IDS(an, mistake_words, MISTAKE_WORDS);
    LOAD_WORD_IDS(an, part_words, PART_WORDS);
    LOAD_WORD_IDS(an, pause_words, PAUSE_WORDS);
    LOAD_WORD_IDS(an, redo_words, REDO_WORDS);
    LOAD_WORD_IDS(an, pay_words, PAY_WORDS);
    an->instead_word = rule_word_id(an, "instead");
    LOAD_WORD_IDS(an, whole_words, WHOLE_WORDS);
    LOAD_WORD_IDS(an, keep_words, KEEP_WORDS);
    LOAD_WORD_IDS(an, senior_words, SENIOR_WORDS);
    LOAD_WORD_IDS(an, laugh_words, LAUGH_WORDS);
    LOAD_WORD_IDS(an, words_no_figure, WORDS_NO_FIGURE);
    static const char *const opening_words[] = {OPENING_WORDS}, *const h_words[] = {
                                                                    OPENING_H_WORDS};
    for (size_t k = 0; k < sizeof opening_words / sizeof opening_words[0]; k++) {
        word_set_add(an->opening_words, rule_word_id(an, opening_words[k]));
    }
    for (size_t k = 0; k < sizeof h_words / sizeof h_words[0]; k++) {
        /* maybe not in the lexicon: the hint then reads a word outside it */
        word_set_add(an->opening_words, lex_word_id(an->lex, h_words[k]));
    }
    an->speaking_word = rule_word_id(an, "speaking");
    LOAD_WORD_IDS(an, person_links, "called", "named", "to", "with");
    LOAD_WORD_IDS(an, staff_preps, "from", "at", "in", "on");
    LOAD_WORD_IDS(an, is_words, "is", "s", "its");
    an->you_word = rule_word_id(an, "you");
    LOAD_WORD_IDS(an, to_with, "to", "with");
    LOAD_WORD_IDS(an, past_words, PAST_WORDS);
    LOAD_WORD_IDS(an, past_before_ago, PAST_BEFORE_AGO);
    LOAD_WORD_IDS(an, past_leads, PAST_LEADS);
    LOAD_WORD_IDS(an, recent_words, RECENT_WORDS);
    LOAD_WORD_IDS(an, kept_what, KEPT_WHAT);
    LOAD_WORD_IDS(an, no_keep_words, NO_KEEP_WORDS);
    LOAD_WORD_IDS(an, rival_nouns, RIVAL_NOUNS);
    LOAD_WORD_IDS(an, put_right, PUT_RIGHT_WORDS);
    LOAD_WORD_IDS(an, that_openers, THAT_OPENERS);
    LOAD_WORD_IDS(an, first_person, "i", "we");
    LOAD_WORD_IDS(an, please_words, "please", "pls", "plz");
    LOAD_WORD_IDS(an, promisers, PROMISERS);
    LOAD_WORD_IDS(an, yes_no_words, YES_NO_WORDS);
    an->no_word = rule_word_id(an, "no");
    an->your_word = rule_word_id(an, "your");
    an->hope_word = rule_word_id(an, "hope");
    an->not_word = rule_word_id(an, "not");
    an->that_word = rule_word_id(an, "that");
    an->me_word = rule_word_id(an, "me");
    an->us_word = rule_word_id(an, "us");
    an->still_word = rule_word_id(an, "still");
    an->said_word = rule_word_id(an, "said");
    an->though_word = rule_word_id(an, "though");
    LOAD_WORD_IDS(an, help_aux, HELP_AUX);
    LOAD_WORD_IDS(an, not_help, NOT_HELP);
    LOAD_WORD_IDS(an, help_deferred, HELP_DEFERRED);
    LOAD_WORD_IDS(an, told_not, TOLD_NOT);
    LOAD_WORD_IDS(an, denial_aux, DENIAL_AUX);
    LOAD_WORD_IDS(an, denial_fill, DENIAL_FILL);
    LOAD_WORD_IDS(an, blame_if, BLAME_IF);
    LOAD_WORD_IDS(an, blame_not, BLAME_NOT);
    LOAD_WORD_IDS(an, blame_then, BLAME_THEN);
    an->having_word = rule_word_id(an, "having");
    an->if_word = rule_word_id(an, "if");
    LOAD_WORD_IDS(an, anyone, ANYONE);
    LOAD_WORD_IDS(an, reporting, REPORTING);
    static const char *const figure_words[N_FIGURE_WORDS] = {FIGURE_WORDS};
    for (int k = 0; k < N_FIGURE_WORDS; k++) {
        word_set_add(an->figure_words, rule_word_id(an, figure_words[k]));
    }
    /* without SSE2 (or with RP_CPU_MASK=0) the tokeniser runs its reference loop */
    an->bytewise = (rp_cpu_flags() & RP_CPU_SSE2) == 0;
    an->max_bytes = c.max_message_bytes;
    an->max_tokens = c.max_message_bytes + 1; /* a token needs at least one byte */
    an->tokens = rp_calloc(an->max_tokens, sizeof *an->tokens);
    an->redacted_cap = nlp_pii_redacted_cap(c.max_message_bytes);
    an->redacted = rp_malloc(an->redacted_cap);
    an->padded = rp_calloc(c.max_message_bytes + TOK_PAD, 1);
    if (an->tokens == NULL || an->redacted == NULL || an->padded == NULL) {
        goto fail;
    }
    an->redacted[0] = '\0';
    an->redacted_out = an->redacted;
    const nlp_lexicon *lex = an->lex;
    for (uint32_t k = lex->n_emoticons; k-- > 0;) {
        const unsigned char *em = (const unsigned char *)lex->emoticons[k].text;
        an->emoticon_first[em[0]] = k + 1;
        if (lex->emoticons[k].len > 1 && ascii_alpha(em[0]) && !ascii_alnum(em[1]) &&
            em[1] != ' ') {
            an->face_second[em[1]] = 1; /* "D:", "T_T": a letter, then a mark */
        }
    }
#ifdef NLP_HAVE_SSE2
    init_after_word(an);
#endif
    *out = an;
    return RP_OK;
fail:
    nlp_analyzer_destroy(&an);
    return RP_ENOMEM;
}

void nlp_analyzer_destroy(nlp_analyzer **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    nlp_analyzer *an = *self_p;
    assert(an->tag == NLP_ANALYZER_TAG);
    an->tag = 0xdeadbeefu;
    rp_free(an->tokens);
    rp_free(an->redacted);
    rp_free(an->padded);
    rp_free(an);
    *self_p = NULL;
}

void nlp_analyzer_use_reference(nlp_analyzer *an, bool on)
{
    if (an != NULL) {
        an->bytewise = on;
    }
}

size_t nlp_analyzer_missing_words(const nlp_analyzer *an)
{
    return an != NULL ? an->missing_words : 0;
}

void nlp_analyzer_keep_model_inputs(nlp_analyzer *an, bool on)
{
    an->keep_inputs = on;
}

const float *nlp_analyzer_model_inputs(const nlp_analyzer *an, int model, int32_t *word_ids,
                                       size_t max_ids, size_t *n_ids)
{
    size_t n = an->n_tokens < max_ids ? an->n_tokens : max_ids;
    for (size_t i = 0; i < n; i++) {
        word_ids[i] = model_word_id(&an->tokens[i]);
    }
    *n_ids = n;
    return an->model_in[model >= 0 && model < NLP_MODEL_COUNT ? model : 0];
}

const void *nlp_analyzer_tokens(const nlp_analyzer *an, size_t *n_bytes)
{
    *n_bytes = an->n_tokens * sizeof *an->tokens;
    return an->tokens;
}

const char *nlp_analyzer_redacted(const nlp_analyzer *an, size_t *n_bytes)
{
    if (an == NULL) {
        if (n_bytes != NULL) {
            *n_bytes = 0;
        }
        return "";
    }
    if (n_bytes != NULL) {
        *n_bytes = an->redacted_len;
    }
    return an->redacted_out;
}

const char *nlp_emotion_name(nlp_emotion e)
{
    static const char *const names[NLP_EMO_COUNT] = {"anger",   "annoyance", "anxiety", "confusion",
                                                     "sadness", "gratitude", "joy"};
    return (unsigned)e < NLP_EMO_COUNT ? names[e] : "?";
}

const char *nlp_escalation_type_name(nlp_escalation_type t)
{
    static const char *const names[NLP_ESC_COUNT] = {"none",  "human_request", "cancel",
                                                     "legal", "public",        "repeat_contact"};
    return (unsigned)t < NLP_ESC_COUNT ? names[t] : "?";
}

const char *nlp_topic_name(nlp_topic t)
{
    static const char *const names[NLP_TOPIC_COUNT] = {
        "none", "billing_dispute", "cancellation", "bereavement", "hardship", "safety"};
    return (unsigned)t < NLP_TOPIC_COUNT ? names[t] : "?";
}

const char *nlp_why_name(uint32_t bit)
{
    static const char *const names[NLP_WHY_COUNT] = {"negation",
                                                     "contrast",
                                                     "praise denied",
                                                     "mocking phrase",
                                                     "praise then not",
                                                     "praise frame for a fault",
                                                     "praise for a bad situation",
                                                     "bare praise then a fault",
                                                     "scare quotes",
                                                     "thanks for a fault",
                                                     "closing mock praise",
                                                     "sarcasm model",
                                                     "verb and object",
                                                     "keyword request",
                                                     "bot refused",
                                                     "contact before, nothing came of it",
                                                     "telling others",
                                                     "escalation model",
                                                     "law named, no threat",
                                                     "telling others of praise",
                                                     "complaint model",
                                                     "not what was ordered",
                                                     "emotion model"};
    if (bit == 0 || (bit & (bit - 1)) != 0 || bit >= (1u << NLP_WHY_COUNT)) {
        return "?";
    }
    return names[__builtin_ctz(bit)];
}

/* The explanation being written: buf[0, len), NUL after it; full once an item
 * did not fit. */
typedef struct explain_text {
    char *buf;
    size_t cap, len;
    bool full;
} explain_text;

/* Appends item[0, n) (one whole item, or nothing and "..." when it does not fit). */
static void explain_put(explain_text *x, const char *item, size_t n)
{
    if (x->full) {
        return;
    }
    if (x->len + n + 1 > x->cap) {
        x->full = true;
        if (x->len + 4 <= x->cap) {
            memcpy(x->buf + x->len, "...", 3);
            x->len += 3;
        }
    } else {
        memcpy(x->buf + x->len, item, n);
        x->len += n;
    }
    x->buf[x->len] = '\0';
}

/* An item being written: text[0, n), at most sizeof text - 1 bytes (longer
 * writes are cut). */
typedef struct explain_item {
    char text[1024];
    size_t n;
} explain_item;

static void item_put(explain_item *it, const char *s, size_t len)
{
    size_t room = sizeof it->text - 1 - it->n;
    len = len < room ? len : room;
    memcpy(it->text + it->n, s, len);
    it->n += len;
}

static void item_str(explain_item *it, const char *s)
{
    item_put(it, s, strlen(s));
}

/* v with `decimals` digits after the point (1 or 2), a sign first when
 * `sign` or v < 0; |v| < 1000 (lexicon weights are). No libc formatting: no
 * locale, no allocation. */
static void item_fixed(explain_item *it, float v, int decimals, bool sign)
{
    char d[16];
    size_t k = sizeof d;
    int scale = decimals == 1 ? 10 : 100;
    float a = v < 0.0f ? -v : v;
    long q = lroundf((a < 999.0f ? a : 999.0f) * (float)scale);
    for (int j = 0; j < decimals; j++) {
        d[--k] = (char)('0' + q % 10);
        q /= 10;
    }
    d[--k] = '.';
    do {
        d[--k] = (char)('0' + q % 10);
        q /= 10;
    } while (q > 0);
    if (v < 0.0f) {
        d[--k] = '-';
    } else if (sign) {
        d[--k] = '+';
    }
    item_put(it, d + k, sizeof d - k);
}

/* Appends the word of token t: the lexicon's spelling of it. */
static void item_word(explain_item *it, const nlp_lexicon *lex, const token *t)
{
    if (t->word_id >= 0 && (uint32_t)t->word_id < lex->n_words) {
        uint32_t w = lex->word_text[t->word_id];
        item_put(it, lex->pool + (w >> 6), w & 63u);
    } else {
        item_str(it, (t->flags & TOK_EMOJI) ? "[face]" : "[word]");
    }
}

/* Appends what entry e carries, ", "-separated; false when nothing. */
static bool item_values(explain_item *it, const nlp_lex_entry *e, bool agent)
{
    size_t start = it->n;
    if (e->valence != 0.0f) {
        item_fixed(it, e->valence, 1, true);
    }
    if (e->esc_type != NLP_ESC_NONE && e->esc_type < NLP_ESC_COUNT && e->esc_weight > 0.0f &&
        e->esc_weight != LEGAL_CUE_W) {
        item_str(it, it->n > start ? ", " : "");
        if (e->esc_weight == ESC_DENIED_W) {
            item_str(it, "no ");
            item_str(it, nlp_escalation_type_name((nlp_escalation_type)e->esc_type));
        } else if (e->esc_type == NLP_ESC_HUMAN_REQUEST && e->esc_weight == BOT_CUE_W) {
            item_str(it, "bot");
        } else {
            item_str(it, nlp_escalation_type_name((nlp_escalation_type)e->esc_type));
            item_str(it, " ");
            item_fixed(it, e->esc_weight, 2, false);
        }
    }
    static const char *const cue_names[NLP_LEX_N_SCORES] = {
        [NLP_LEX_COMPLAINT] = "complaint", [NLP_LEX_SARCASM] = "mocking",
        [NLP_LEX_EMPATHY] = "empathy",     [NLP_LEX_TONEDEAF] = "tone-deaf",
        [NLP_LEX_SERVICE] = "service",     [NLP_LEX_PROBLEM] = "fault"};
    const char *names[NLP_LEX_N_SCORES + 2 + 10];
    size_t n_names = 0;
    for (int k = 0; k < NLP_LEX_N_SCORES; k++) {
        /* empathy and tone-deafness are scored for agents only */
        bool read = agent || (k != NLP_LEX_EMPATHY && k != NLP_LEX_TONEDEAF);
        if (e->scores[k] > 0.0f && read) {
            names[n_names++] = cue_names[k];
        }
    }
    if (e->topic_type != NLP_TOPIC_NONE && e->topic_type < NLP_TOPIC_COUNT &&
        e->topic_weight > 0.0f) {
        names[n_names++] = nlp_topic_name((nlp_topic)e->topic_type);
    }
    int best = -1; /* the strongest emotion; none for an agent (no emotion on that channel) */
    for (int k = 0; k < NLP_EMO_COUNT && !agent; k++) {
        if (e->emo[k] > 0.0f && (best < 0 || e->emo[k] > e->emo[best])) {
            best = k;
        }
    }
    if (best >= 0) {
        names[n_names++] = nlp_emotion_name((nlp_emotion)best);
    }
    static const struct {
        uint32_t flag;
        const char *name;
    } roles[] = {{NLP_LEX_NEG, "negator"},
                 {NLP_LEX_INT, "intensifier"},
                 {NLP_LEX_DAMP, "softener"},
                 {NLP_LEX_BUT, "contrast"},
                 {NLP_LEX_HREQ_VERB, "request verb"},
                 {NLP_LEX_HREQ_OBJ, "person asked for"},
                 {NLP_LEX_CANCEL_VERB, "cancel verb"},
                 {NLP_LEX_CANCEL_OBJ, "what is cancelled"},
                 {NLP_LEX_FORMAL_VERB, "formal verb"},
                 {NLP_LEX_FORMAL_OBJ, "formal route"}};
    for (size_t k = 0; k < sizeof roles / sizeof roles[0]; k++) {
        if (e->flags & roles[k].flag) {
            names[n_names++] = roles[k].name;
        }
    }
    for (size_t k = 0; k < n_names; k++) {
        item_str(it, it->n > start ? ", " : "");
        item_str(it, names[k]);
    }
    return it->n > start;
}

/* The first token after token i's word or phrase (the rest of a phrase is
 * TOK_CONSUMED); n_tok at most. Pure. */
static inline size_t after_phrase(const nlp_analyzer *an, size_t i, size_t n_tok)
{
    size_t k = i + 1;
    while (k < n_tok && (an->tokens[k].flags & TOK_CONSUMED)) {
        k++;
    }
    return k;
}

#define WHY_SARCASM                                                                                \
    (NLP_WHY_SARC_PHRASE | NLP_WHY_SARC_LAST_NOT | NLP_WHY_SARC_FRAME | NLP_WHY_SARC_PRAISE_BAD |  \
     NLP_WHY_SARC_OPENER | NLP_WHY_SARC_QUOTES | NLP_WHY_SARC_THANKS | NLP_WHY_SARC_CLOSER |       \
     NLP_WHY_SARC_MODEL)
#define WHY_ESCALATION                                                                             \
    (NLP_WHY_ESC_PAIR | NLP_WHY_ESC_KEYWORD | NLP_WHY_ESC_BOT | NLP_WHY_ESC_REPEAT |               \
     NLP_WHY_ESC_PUBLIC | NLP_WHY_ESC_MODEL)

size_t nlp_analyzer_explain(const nlp_analyzer *an, const nlp_result *r, char *buf, size_t cap)
{
    if (buf == NULL || cap == 0) {
        return 0;
    }
    explain_text x = {.buf = buf, .cap = cap};
    buf[0] = '\0';
    if (an == NULL || r == NULL) {
        return 0;
    }
    const nlp_lexicon *lex = an->lex;
    bool agent = an->role == NLP_ROLE_AGENT;
    bool secret = false; /* after "password" and the like, to the clause's end: nothing shown */
    explain_item it;
    for (size_t i = 0; i < an->n_tokens; i++) {
        const token *t = &an->tokens[i];
        size_t end = after_phrase(an, i, an->n_tokens); /* past the phrase's last word */
        /* a given name (no word id) is a name itself: nothing after it is a secret */
        secret = secret || ((t->word_tags2 & NLP_WORD2_SECRET) && t->word_id >= 0 &&
                            t->entry != NLP_LEX_GIVEN_WORD);
        if (!secret && t->entry >= 0 && (uint32_t)t->entry < lex->n_entries) {
            it.n = 0;
            item_str(&it, x.len > 0 ? " " : "");
            for (size_t k = i; k < end; k++) {
                item_str(&it, k > i ? " " : "");
                item_word(&it, lex, &an->tokens[k]);
            }
            item_str(&it, "(");
            if (item_values(&it, &lex->entries[t->entry], agent)) {
                item_str(&it, ")");
                explain_put(&x, it.text, it.n);
            }
        }
        for (size_t k = i; k < end; k++) {
            secret = secret && !(an->tokens[k].flags & (TOK_CLAUSE_END | TOK_COMMA));
        }
        i = end - 1;
    }
    uint32_t why = r->why;
    why &= r->sarcasm >= 0.5f ? ~0u : ~(uint32_t)WHY_SARCASM;
    why &= r->escalation >= 0.5f ? ~0u : ~(uint32_t)WHY_ESCALATION;
    const char *lead = x.len > 0 ? " | rules: " : "rules: ";
    for (; why != 0; why &= why - 1) {
        it.n = 0;
        item_str(&it, lead);
        item_str(&it, nlp_why_name(why & -why));
        explain_put(&x, it.text, it.n);
        lead = ", ";
    }
    return x.len;
}

/* ---- tokeniser ---------------------------------------------------------- */

enum { CLS_UPPER = 1, CLS_LOWER = 2, CLS_DIGIT = 4 };

/* ASCII letters and digits; 0 for every other byte. */
static const uint8_t byte_class[256] = {
    ['0'] = CLS_DIGIT, ['1'] = CLS_DIGIT, ['2'] = CLS_DIGIT, ['3'] = CLS_DIGIT, ['4'] = CLS_DIGIT,
    ['5'] = CLS_DIGIT, ['6'] = CLS_DIGIT, ['7'] = CLS_DIGIT, ['8'] = CLS_DIGIT, ['9'] = CLS_DIGIT,
    ['A'] = CLS_UPPER, ['B'] = CLS_UPPER, ['C'] = CLS_UPPER, ['D'] = CLS_UPPER, ['E'] = CLS_UPPER,
    ['F'] = CLS_UPPER, ['G'] = CLS_UPPER, ['H'] = CLS_UPPER, ['I'] = CLS_UPPER, ['J'] = CLS_UPPER,
    ['K'] = CLS_UPPER, ['L'] = CLS_UPPER, ['M'] = CLS_UPPER, ['N'] = CLS_UPPER, ['O'] = CLS_UPPER,
    ['P'] = CLS_UPPER, ['Q'] = CLS_UPPER, ['R'] = CLS_UPPER, ['S'] = CLS_UPPER, ['T'] = CLS_UPPER,
    ['U'] = CLS_UPPER, ['V'] = CLS_UPPER, ['W'] = CLS_UPPER, ['X'] = CLS_UPPER, ['Y'] = CLS_UPPER,
    ['Z'] = CLS_UPPER, ['a'] = CLS_LOWER, ['b'] = CLS_LOWER, ['c'] = CLS_LOWER, ['d'] = CLS_LOWER,
    ['e'] = CLS_LOWER, ['f'] = CLS_LOWER, ['g'] = CLS_LOWER, ['h'] = CLS_LOWER, ['i'] = CLS_LOWER,
    ['j'] = CLS_LOWER, ['k'] = CLS_LOWER, ['l'] = CLS_LOWER, ['m'] = CLS_LOWER, ['n'] = CLS_LOWER,
    ['o'] = CLS_LOWER, ['p'] = CLS_LOWER, ['q'] = CLS_LOWER, ['r'] = CLS_LOWER, ['s'] = CLS_LOWER,
    ['t'] = CLS_LOWER, ['u'] = CLS_LOWER, ['v'] = CLS_LOWER, ['w'] = CLS_LOWER, ['x'] = CLS_LOWER,
    ['y'] = CLS_LOWER, ['z'] = CLS_LOWER,
};
/* Lower-case form of ASCII letters and digits; 0 for every other byte. */
static const char ascii_lower[256] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd',
    ['E'] = 'e', ['F'] = 'f', ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k',
    ['L'] = 'l', ['M'] = 'm', ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r',
    ['S'] = 's', ['T'] = 't', ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y',
    ['Z'] = 'z', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd', ['e'] = 'e', ['f'] = 'f',
    ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k', ['l'] = 'l', ['m'] = 'm',
    ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r', ['s'] = 's', ['t'] = 't',
    ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y', ['z'] = 'z',
};

static void word_push(word_buf *w, const char *bytes, size_t n)
{
    if (w->len + n > WORD_MAX) {
        w->flags |= W_TOO_LONG;
        return;
    }
    char *text = w->text;
    /* elongation: keep at most two of a repeated ASCII letter ("sooo" -> "soo") */
    if (n == 1 && w->len >= 2 && text[w->len - 1] == bytes[0] && text[w->len - 2] == bytes[0] &&
        ascii_alpha((unsigned char)bytes[0])) {
        w->flags |= W_ELONG;
        return;
    }
    memcpy(text + w->len, bytes, n);
    w->len += n;
}

/* Looks a finished word up; fills the token from the word's slot (all but its
 * flags when the word is not in the lexicon). */
static FORCE_INLINE void lookup_word(nlp_analyzer *an, const word_buf *w, token *t)
{
    *t = (token){.entry = -1, .word_id = -1, .flags = t->flags};
    if ((w->flags & W_TOO_LONG) || w->len == 0) {
        return;
    }
    const nlp_lexicon *lex = an->lex;
    const char *text = w->text;
    int32_t slot = -1;
    if (t->flags & TOK_HASHTAG) {
        char tagged[WORD_MAX + 9] = {0}; /* zero tail: the lookup reads 8 bytes at a time */
        tagged[0] = '#';
        memcpy(tagged + 1, text, w->len);
        slot = nlp_lex_find_padded(lex, tagged, w->len + 1);
    }
    if (slot < 0) {
        slot = nlp_lex_find_padded(lex, text, w->len);
    }
    if (slot < 0 && (w->flags & W_ELONG)) {
        /* "loove" -> "love": collapse doubled letters */
        char single[WORD_MAX + 8] = {0}; /* zero tail: the lookup reads 8 bytes at a time */
        size_t n = 0;
        for (size_t i = 0; i < w->len; i++) {
            if (n == 0 || single[n - 1] != text[i] || !ascii_alpha((unsigned char)text[i])) {
                single[n++] = text[i];
            }
        }
        slot = nlp_lex_find_padded(lex, single, n);
    }
    if (slot < 0 && an->num_slot >= 0) {
        bool number = true;
        for (size_t i = 0; i < w->len && number; i++) {
            number = text[i] >= '0' && text[i] <= '9';
        }
        slot = number ? an->num_slot : -1; /* "45" in "waited 45 mins" */
    }
    if (slot >= 0) {
        *t = word_token(&lex->slots[slot], t->flags);
        an->sarc_sum += nlp_lex_slot_sarcasm(&lex->slots[slot]);
    }
}

static FORCE_INLINE token *emit(nlp_analyzer *an, size_t *n_tok)
{
    if (*n_tok >= an->max_tokens) {
        return NULL;
    }
    token *t = &an->tokens[(*n_tok)++];
    *t = (token){.entry = -1, .word_id = -1};
    return t;
}

/* Whether a password's name may start at the byte c followed by next[0..2],
 * inside a link, whose words are no tokens (the redactor's names, nlp/pii.c:
 * "password", "passcode", "passphrase", "passwd", "memorable ...", "maiden
 * name"; a name with a space in it starts in the link and ends after it). */
static inline bool url_secret_start(unsigned char c, const unsigned char *next)
{
    char a = (char)(next[0] | 0x20), b = (char)(next[1] | 0x20), d = (char)(next[2] | 0x20);
    switch (c | 0x20) {
    case 'p':
        return a == 'a' && b == 's' && d == 's';
    case 'm':
        return (a == 'e' && b == 'm' && d == 'o') || (a == 'a' && b == 'i' && d == 'd');
    default:
        return false;
    }
}

/* A UK postcode's inward code in capitals at s[k] (a figure) after a space
 * and before no ASCII letter or figure (" 7PB"), s[k + 3] readable. */
static bool inward_code_at(const unsigned char *s, size_t k, size_t n)
{
    return k > 0 && k + 3 <= n && s[k - 1] == ' ' && ascii_upper(s[k + 1]) &&
           ascii_upper(s[k + 2]) && !ascii_alnum(s[k + 3]);
}

/* True when s[0, n) holds at least k ASCII digits, or fewer and a UK
 * postcode's inward code (inward_code_at()), which a whole postcode with
 * nothing to name it holds ("deliver to SE1 7PB", two figures: nlp/pii.c,
 * bare_postcode()); s is followed by TOK_PAD zero bytes (an->padded), so it is
 * read 16 bytes at a time where SSE2 is, then the bytes around each figure. */
static bool has_digits(const unsigned char *s, size_t n, int k)
{
#ifdef NLP_HAVE_SSE2
    for (size_t i = 0; i < n; i += 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                                       _mm_set1_epi8((char)(0x80 + 10)));
        /* clear one set bit per digit (no popcnt in the x86-64 baseline) */
        for (unsigned m = (unsigned)_mm_movemask_epi8(digit); m != 0; m &= m - 1) {
            if (--k <= 0 || inward_code_at(s, i + (size_t)__builtin_ctz(m), n)) {
                return true;
            }
        }
    }
#else
    for (size_t i = 0; i < n; i++) {
        if (ascii_digit(s[i]) && (--k <= 0 || inward_code_at(s, i, n))) {
            return true;
        }
    }
#endif
    return false;
}

/* Adds the token a currency sign before a number is read as (NLP_LEX_MONEY_WORD). */
static void emit_money(nlp_analyzer *an, size_t *n_tok)
{
    token *t = emit(an, n_tok);
    if (t != NULL && an->money_slot >= 0) {
        *t = word_token(&an->lex->slots[an->money_slot], 0);
        an->sarc_sum += nlp_lex_slot_sarcasm(&an->lex->slots[an->money_slot]);
    }
}

static FORCE_INLINE void finish_word(nlp_analyzer *an, word_buf *w, bool hashtag, size_t *n_tok)
{
    if (w->len == 0 && !(w->flags & W_TOO_LONG)) {
        return;
    }
    if (*n_tok < an->max_tokens) {
        token *t = &an->tokens[(*n_tok)++];
        uint32_t f = w->flags;
        uint32_t tf = (f & (W_ELONG | W_LOWER)) | (hashtag ? TOK_HASHTAG : 0u);
        if ((f & (W_UPPER | W_LOWER)) == W_UPPER && w->n_letters >= 2) {
            tf |= TOK_CAPS;
        }
        if ((f & (W_TITLE | W_LOWER)) == (W_TITLE | W_LOWER)) {
            tf |= TOK_TITLE;
        }
        t->flags = (uint16_t)tf;
        t->excl = 0;
        t->quest = 0;
        lookup_word(an, w, t);
        an->saw_tags |= (uint16_t)(t->word_tags | t->word_tags2 << 8);
        an->saw_root |= (uint16_t)(t->root & SAW_ROOT_TAGS);
    }
    w->len = 0;
    w->flags = 0;
    w->n_letters = 0;
}

/* True when the mark at s[i] is a decimal point or a thousands separator
 * ("£3.20", "1,000"): a digit on both sides. It ends no clause: the number
 * is one token without it. */
static inline bool in_number(const unsigned char *s, size_t n, size_t i)
{
    return (s[i] == '.' || s[i] == ',') && i > 0 && i + 1 < n && ascii_digit(s[i - 1]) &&
           ascii_digit(s[i + 1]);
}

/* What a punctuation mark after a token adds to its flags. */
static const uint8_t punct_flags[256] = {
    ['!'] = TOK_CLAUSE_END, ['?'] = TOK_CLAUSE_END,  ['.'] = TOK_CLAUSE_END,
    [';'] = TOK_CLAUSE_END, ['\n'] = TOK_CLAUSE_END, ['\r'] = TOK_CLAUSE_END,
    [','] = TOK_COMMA,      [':'] = TOK_COMMA,
};

/* Marks the last token with a punctuation mark (without a branch on the
 * mark: which one it is was a mispredicted branch in three). */
static void punct(nlp_analyzer *an, size_t n_tok, unsigned char c)
{
    if (n_tok == 0) {
        return;
    }
    token *t = &an->tokens[n_tok - 1];
    t->excl = (uint8_t)(t->excl + ((c == '!') & (t->excl < 255)));
    t->quest = (uint8_t)(t->quest + ((c == '?') & (t->quest < 255)));
    t->flags |= punct_flags[c];
}

/* The length of a redactor's marker at s[i] ('['), "[CARD]" to "[NAME]"
 * (nlp/pii.c), else 0: text redacted before (a stored transcript read
 * again) holds them, and they are no words ("[NAME]" would be the word
 * "name", a name's word for the redactor's hint). */
static RARE size_t redaction_marker(const unsigned char *s, size_t n, size_t i)
{
    static const char marks[][8] = {"CARD", "CVV",    "EMAIL", "PHONE",   "ID",
                                    "BANK", "SECRET", "DOB",   "ADDRESS", "NAME"};
    size_t k = i + 1;
    while (k < n && k - i <= 7 && s[k] >= 'A' && s[k] <= 'Z') {
        k++;
    }
    size_t len = k - i - 1; /* at most 7: each mark fits its row with a NUL after it */
    if (k >= n || s[k] != ']' || len == 0 || len > 7) {
        return 0;
    }
    for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
        size_t c = 0;
        while (c < len && marks[m][c] == (char)s[i + 1 + c]) {
            c++;
        }
        if (c == len && marks[m][len] == 0) {
            return k + 1 - i;
        }
    }
    return 0;
}

/* Tries the emoticon table at s[i]; returns the bytes matched or 0. */
static size_t match_emoticon(nlp_analyzer *an, const unsigned char *s, size_t n, size_t i,
                             size_t *n_tok)
{
    if (!an->emoticon_first[s[i]] || (i > 0 && ascii_alnum(s[i - 1]))) {
        return 0;
    }
    const nlp_lexicon *lex = an->lex;
    /* the emoticons starting with s[i] are one group, longest first */
    for (uint32_t k = an->emoticon_first[s[i]] - 1u;
         k < lex->n_emoticons && (unsigned char)lex->emoticons[k].text[0] == s[i]; k++) {
        size_t len = (size_t)lex->emoticons[k].len;
        const char *em = lex->emoticons[k].text;
        /* the second byte inline: most candidates fail there without a call */
        if (i + len > n || (len > 1 && (unsigned char)em[1] != s[i + 1]) ||
            memcmp(s + i, em, len) != 0) {
            continue;
        }
        /* a repeated mouth (":)))", "=(((", ":DDD") is a stronger face, like
         * an elongated word */
        size_t rep = 0;
        unsigned char mouth = s[i + len - 1];
        if (mouth == ')' || mouth == '(' || mouth == 'D' || mouth == ']' || mouth == '[') {
            while (i + len + rep < n && s[i + len + rep] == mouth) {
                rep++;
            }
        }
        if (i + len + rep == n || !ascii_alnum(s[i + len + rep])) {
            token *t = emit(an, n_tok);
            if (t != NULL) {
                t->entry = lex->emoticons[k].entry;
                t->flags |= TOK_EMOJI | (rep > 0 ? TOK_ELONG : 0u);
            }
            for (size_t d = i; d < i + len + rep; d++) {
                /* the redactor's digit hint sees a face's digits too: "<333 cvv" */
                an->saw_digit |= ascii_digit(s[d]);
            }
            return len + rep;
        }
    }
    return 0;
}

static bool is_emoji_cp(int32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2B00 && cp <= 0x2BFF) || cp == 0x2764 || cp == 0x263A;
}

/* Appends the run of ASCII letters and digits at s[*pos] (s[*pos] is one) to
 * the word, a byte at a time: lower-cased, a letter repeated a third time
 * dropped (W_ELONG), bytes past WORD_MAX dropped (W_TOO_LONG). This is the
 * reference for fast_words(). */
static FORCE_INLINE void push_run(nlp_analyzer *an, word_buf *w, const unsigned char *s, size_t n,
                                  size_t *pos)
{
    char *text = w->text;
    size_t i = *pos;
    size_t len = w->len;
    uint32_t f = len == 0 && w->n_letters == 0 && (byte_class[s[i]] & CLS_UPPER) ? W_TITLE : 0u;
    bool saw_digit = false;
    while (i < n && byte_class[s[i]] != 0) { /* 0 for every byte >= 0x80 */
        unsigned char c = s[i];
        uint8_t k = byte_class[c];
        f |= (k & CLS_UPPER ? W_UPPER : 0u) | (k & CLS_LOWER ? W_LOWER : 0u);
        saw_digit |= (k & CLS_DIGIT) != 0;
        char lc = ascii_lower[c];
        if (len >= 2 && text[len - 1] == lc && text[len - 2] == lc && (k & CLS_DIGIT) == 0) {
            f |= W_ELONG;
        } else if (len < WORD_MAX) {
            text[len++] = lc;
        } else {
            f |= W_TOO_LONG;
        }
        i++;
    }
    w->len = len;
    w->flags |= f;
    w->n_letters += (int)len; /* letters and digits: enough for the caps test */
    an->saw_digit |= saw_digit;
    *pos = i;
}

#ifdef NLP_HAVE_SSE2
/* The message as the word-at-a-time loop reads it: 16 bytes from any
 * position before n, the last ones from a zero-padded copy (zero ends a run
 * like any other separator). */
typedef struct tok_input {
    const unsigned char *s; /* the message, then at least TOK_PAD zero bytes */
    size_t n;
} tok_input;

/* 16 readable bytes holding s[i, min(i + 16, n)), then zeros; i < n. */
static FORCE_INLINE const unsigned char *tok_input_at(const tok_input *in, size_t i)
{
    return in->s + i;
}

/* 16 bytes of 0xFF, then 16 zero bytes: loaded at 16 - r, keeps r bytes. */
static const uint8_t keep_bytes[32] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
                                       0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};

/* What the byte right after a word means to fast_words(). */
enum {
    AW_CHECK = 1, /* >= 0x80, apostrophe, ':' or '/': the word may go on */
    AW_MARK = 2,  /* . , ! ? ; : (punct() marks the word's token) */
    AW_FACE = 4,  /* the second byte of a face that starts with a letter ("D:", "T_T") */
};
static const uint8_t after_word[256] = {
    ['.'] = AW_MARK,    [','] = AW_MARK,    ['!'] = AW_MARK,
    ['?'] = AW_MARK,    [';'] = AW_MARK,    [':'] = AW_MARK | AW_CHECK,
    ['/'] = AW_CHECK,   ['\''] = AW_CHECK,
#define AW_HIGH16                                                                                  \
    AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK,      \
        AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK, AW_CHECK
    [0x80] = AW_HIGH16, [0x90] = AW_HIGH16, [0xA0] = AW_HIGH16,
    [0xB0] = AW_HIGH16, [0xC0] = AW_HIGH16, [0xD0] = AW_HIGH16,
    [0xE0] = AW_HIGH16, [0xF0] = AW_HIGH16,
#undef AW_HIGH16
};

static void init_after_word(nlp_analyzer *an)
{
    for (int b = 0; b < 256; b++) {
        an->after_word[b] = (uint8_t)(after_word[b] | (an->face_second[b] ? AW_FACE : 0));
    }
}

/* The common case, 16 bytes at a time: from s[i] (an ASCII letter or digit
 * starting a word; no word pending, no hashtag) a stretch of plain words
 * (1-15 ASCII letters and digits, no letter repeated three times) separated
 * by a space and/or one of . , ! ? ; : right after a word. Emits the tokens
 * exactly as push_run(), finish_word() and punct() would (an apostrophe that
 * splits a clitic off, "I'll" -> "i" "ll", is skipped like the reference
 * does) and returns the position where the reference loop goes on: at a
 * word start when the word is not plain (the caller pushes it byte by byte),
 * else at the first byte it does not handle. Out of line: its few live
 * values stay in registers. */
static NO_INLINE size_t fast_words(nlp_analyzer *an, const tok_input *in, size_t i,
                                   size_t *n_tok_io)
{
    const unsigned char *s = in->s;
    size_t n = in->n;
    const nlp_lexicon *lex = an->lex;
    const uint16_t *tags = lex->tags; /* the lookup's tables, in registers */
    const nlp_lex_slot *slots = lex->slots;
    uint32_t slot_mask = lex->n_slots - 1;
    token *tokens = an->tokens;
    size_t n_tok = *n_tok_io;
    size_t max_tokens = an->max_tokens;
    unsigned digits = 0;
    uint64_t seen = 0; /* the tokens' second halves ORed: NLP_WORD2_* and the root's tag */
    int32_t sarc = 0;  /* their sarcasm weights (an->sarc_sum) */
    const __m128i bit20 = _mm_set1_epi8(0x20);
    for (;;) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)tok_input_at(in, i));
        /* range tests: adding 0x80 - lo maps [lo, hi] onto [-128, -128 + hi - lo]
         * (signed), and only that range, so one signed compare is enough */
        __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                                       _mm_set1_epi8((char)(0x80 + 10)));
        __m128i folded = _mm_or_si128(x, bit20); /* A-Z onto a-z */
        __m128i alpha = _mm_cmplt_epi8(_mm_add_epi8(folded, _mm_set1_epi8((char)(0x80 - 'a'))),
                                       _mm_set1_epi8((char)(0x80 + 26)));
        unsigned alnum = (unsigned)_mm_movemask_epi8(_mm_or_si128(alpha, digit));
        unsigned r = (unsigned)__builtin_ctz(~alnum); /* run length; 16 when it goes on */
        if (r >= 16) {
            break;
        }
        unsigned run = (1u << r) - 1u;
        __m128i upper = _mm_andnot_si128(_mm_cmpeq_epi8(x, folded), alpha);
        __m128i lowered = _mm_or_si128(x, _mm_and_si128(upper, bit20));
        unsigned letters = (unsigned)_mm_movemask_epi8(alpha) & run;
        /* bit j: byte j equals byte j - 1; a letter equal to the two before it
         * is an elongation, the reference's job */
        unsigned same =
            (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(lowered, _mm_slli_si128(lowered, 1)));
        if (same & (same << 1) & letters) {
            break;
        }
        size_t e = i + r;
        unsigned char d = e < n ? s[e] : 0; /* 0: a plain separator, as NUL is */
        uint8_t dk = an->after_word[d];
        if ((dk & AW_FACE) && r == 1 && an->emoticon_first[s[i]] && ascii_alpha(s[i])) {
            break; /* a letter then a mark may be a face ("D:", "T_T"): the reference's job */
        }
        size_t next = e; /* where the word's tokens end */
        __m128i word = _mm_and_si128(
            lowered, _mm_loadu_si128((const __m128i *)(const void *)(keep_bytes + 16 - r)));
        uint64_t lo = (uint64_t)_mm_cvtsi128_si64(word);
        uint64_t hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(word, word));
        if (dk & AW_CHECK) {
            if (d >= 0x80) {
                break; /* a UTF-8 letter or mark may continue the word */
            }
            if (d == '\'') {
                if (e + 1 < n && ascii_alpha(s[e + 1])) {
                    /* the word's last byte is byte r - 1 of lo:hi */
                    unsigned last =
                        (unsigned)((r <= 8 ? lo >> (8 * (r - 1)) : hi >> (8 * (r - 9))) & 0xFFu);
                    if ((s[e + 1] | 0x20) == 't' && last == 'n') {
                        break; /* n't joins: "don't" -> "dont" */
                    }
                    next = e + 1; /* other clitics split ("I'll" -> "i" "ll"): skip it */
                }
            } else if (r == 4 || r == 5) {
                break; /* ':' or '/' after 4-5 bytes: maybe a URL scheme */
            }
        }
        unsigned uppers = (unsigned)_mm_movemask_epi8(upper) & run;
        unsigned word_digits = alnum & ~letters & run;
        if (word_digits != 0 && (dk & AW_MARK) && (d == '.' || d == ',') && e + 1 < n &&
            ascii_digit(s[e + 1])) {
            break; /* "3.20", "1,000": one number, the reference's job */
        }
        digits |= word_digits;
        uint16_t flags =
            (uint16_t)((letters & ~uppers) != 0 ? TOK_HAS_LOWER | ((uppers & 1u) ? TOK_TITLE : 0u)
                                                : (uppers != 0 && r >= 2 ? TOK_CAPS : 0u));
        if (n_tok < max_tokens) {
            /* nlp_lex_lookup() for a word of at most 16 bytes */
            uint32_t h = nlp_lex_hash16(lo, hi, r);
            uint16_t tag = NLP_LEX_TAG(h, r);
            token_halves tk_out = {.ids = UINT64_MAX, .rest = flags}; /* no entry, no word id */
            for (uint32_t k = h & slot_mask;; k = (k + 1) & slot_mask) {
                uint16_t tk = tags[k];
                if (tk == tag && slots[k].head[0] == lo && slots[k].head[1] == hi) {
                    tk_out = word_token_halves(&slots[k], flags);
                    sarc += nlp_lex_slot_sarcasm(&slots[k]);
                    break;
                }
                if (tk == 0) {
                    if (letters == 0 && an->num_slot >= 0) {
                        tk_out = word_token_halves(&slots[an->num_slot], flags); /* "45 mins" */
                        sarc += nlp_lex_slot_sarcasm(&slots[an->num_slot]);
                    }
                    break;
                }
            }
            seen |= tk_out.rest;
            memcpy(&tokens[n_tok], &tk_out.ids, 8);
            memcpy((char *)&tokens[n_tok] + 8, &tk_out.rest, 8);
            n_tok++;
        }
        i = next;
        if (i >= n) {
            break;
        }
        if (i == e) {
            /* one mark right after the word: no emoticon starts after a letter or digit */
            if (dk & AW_MARK) {
                punct(an, n_tok, d);
                if (++i >= n) {
                    break;
                }
                d = s[i];
            }
            if (d == ' ') {
                if (++i >= n) {
                    break;
                }
            }
        }
        if (byte_class[s[i]] == 0) {
            break;
        }
    }
    an->saw_digit |= digits != 0;
    an->saw_tags |= (uint16_t)(seen >> 48);
    an->saw_root |= (uint16_t)((seen >> 32) & SAW_ROOT_TAGS);
    an->sarc_sum += sarc;
    *n_tok_io = n_tok;
    return i;
}
#endif

/* Splits text into tokens; returns the token count. Linear in n. s[n] and
 * the TOK_PAD - 1 bytes after it are readable zeros (an->padded). */
static FORCE_INLINE size_t tokenize(nlp_analyzer *an, const unsigned char *s, size_t n)
{
#ifdef NLP_HAVE_SSE2
    tok_input in = {.s = s, .n = n};
#endif
    size_t n_tok = 0;
    static const word_buf empty_word; /* copied: vector moves, not "rep stos" */
    word_buf w = empty_word;
    bool hashtag = false;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c == ' ') {
            if (w.len > 0 || (w.flags & W_TOO_LONG)) {
                finish_word(an, &w, hashtag, &n_tok);
            }
            hashtag = false;
            i++;
            continue;
        }
        if (c < 0x80) {
            if (byte_class[c] != 0) {
                bool word_start = !hashtag && (w.len | w.flags | (size_t)w.n_letters) == 0;
                if (word_start && i + 1 < n && an->face_second[s[i + 1]] && an->emoticon_first[c] &&
                    ascii_alpha(c) &&
                    !(s[i + 1] == ':' && i + 3 < n && s[i + 2] == ' ' && ascii_alpha(s[i + 3]))) {
                    /* a letter then a mark may be a face: "D:", "T_T", "o_O"; a
                     * letter, a colon and a word is a label ("plan D: call us") */
                    size_t em = match_emoticon(an, s, n, i, &n_tok);
                    if (em > 0) {
                        i += em;
                        continue;
                    }
                    push_run(an, &w, s, n, &i);
                    continue;
                }
#ifdef NLP_HAVE_SSE2
                if (!an->bytewise && word_start) {
                    size_t at = i;
                    i = fast_words(an, &in, i, &n_tok);
                    if (i >= n || byte_class[s[i]] == 0 ||
                        (i != at && an->emoticon_first[s[i]] && ascii_alpha(s[i]))) {
                        continue; /* the loop's top sees a face that may start at s[i] */
                    }
                    /* a word it left to the reference */
                }
#endif
                push_run(an, &w, s, n, &i);
                continue;
            }
            if (c == '\'' && w.len > 0 && i + 1 < n && ascii_alpha(s[i + 1])) {
                /* n't joins ("don't" -> "dont"); other clitics split ("I'll" -> "i" "ll") */
                if (!((s[i + 1] | 0x20) == 't' && w.text[w.len - 1] == 'n')) {
                    finish_word(an, &w, hashtag, &n_tok);
                    hashtag = false;
                }
                i++;
                continue;
            }
            if (w.len >= 4 && (c == ':' || c == '/') && i + 2 < n && s[i + 1] == '/' &&
                w.len <= 5 && memcmp(w.text, "http", 4) == 0) {
                w.len = 0; /* drop the scheme and skip the URL */
                an->saw_url = true;
                w.flags = 0;
                w.n_letters = 0;
                /* skip the URL up to and including the next white space; the
                 * redactor still gets to see its digits and '@', and a
                 * password's name that starts in it (url_secret_start()) */
                while (i < n) {
                    unsigned char u = s[i++];
                    an->saw_digit |= (unsigned char)(u - '0') < 10;
                    an->saw_at |= u == '@';
                    an->url_pass |= i + 3 < n && url_secret_start(u, s + i);
                    if (u == ' ' || u == '\t' || u == '\n' || u == '\r') {
                        break;
                    }
                }
                continue;
            }
            if (w.len > 0 && in_number(s, n, i)) {
                i++; /* "3.20", "1,000": one number, read as "320", "1000" */
                continue;
            }
            finish_word(an, &w, hashtag, &n_tok);
            hashtag = false;
            if (c == '#' && i + 1 < n && (ascii_alnum(s[i + 1]) || s[i + 1] >= 0x80)) {
                hashtag = true;
                i++;
                continue;
            }
            /* an e-mail '@' follows a local-part character; "@user" does not */
            an->saw_at |=
                c == '@' && i > 0 && (ascii_alnum(s[i - 1]) || strchr("._%+-", s[i - 1]) != NULL);
            if (c == '@' && i + 1 < n && ascii_alnum(s[i + 1])) {
                /* a mention: skip the handle; the redactor still gets to see
                 * its digits, as a link's ("@x_07700900123": it reads a number
                 * after the '_') */
                i++;
                while (i < n && (ascii_alnum(s[i]) || s[i] == '_')) {
                    an->saw_digit |= ascii_digit(s[i]);
                    i++;
                }
                continue;
            }
            size_t mark = c == '[' ? redaction_marker(s, n, i) : 0;
            if (mark > 0) {
                i += mark; /* "[NAME]": a span redacted before, no word */
                continue;
            }
            size_t em = match_emoticon(an, s, n, i, &n_tok);
            if (em > 0) {
                i += em;
                continue;
            }
            if (c == '$' && i + 1 < n && ascii_digit(s[i + 1])) {
                emit_money(an, &n_tok); /* "$65 for a carry on" */
            } else {
                punct(an, n_tok, c);
            }
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0) {
            finish_word(an, &w, hashtag, &n_tok); /* invalid byte: a separator */
            hashtag = false;
            i++;
            continue;
        }
        size_t ulen = (size_t)len;
        if (cp == 0x2019 || cp == 0x2018) { /* typographic apostrophe */
            if (w.len > 0 && i + ulen < n && ascii_alpha(s[i + ulen])) {
                if (!((s[i + ulen] | 0x20) == 't' && w.text[w.len - 1] == 'n')) {
                    finish_word(an, &w, hashtag, &n_tok);
                    hashtag = false;
                }
            } else {
                finish_word(an, &w, hashtag, &n_tok);
                hashtag = false;
            }
            i += ulen;
            continue;
        }
        utf8proc_category_t cat = utf8proc_category(cp);
        if (nlp_cp_skipped(cp, cat)) {
            i += ulen; /* combining marks, ZWJ, variation selectors, skin tones */
            continue;
        }
        if (nlp_cp_letter(cat)) {
            /* normalise: compatibility decomposition, case fold, strip accents */
            utf8proc_int32_t buf[8];
            utf8proc_ssize_t nd = nlp_cp_fold(cp, buf);
            if (cat == UTF8PROC_CATEGORY_LU) {
                w.flags |= W_UPPER | (w.len == 0 && w.n_letters == 0 ? W_TITLE : 0u);
            } else {
                w.flags |= W_LOWER;
            }
            w.n_letters++;
            for (utf8proc_ssize_t k = 0; k < nd && k < 8; k++) {
                utf8proc_uint8_t enc[4];
                utf8proc_ssize_t el = utf8proc_encode_char(buf[k], enc);
                if (el > 0) {
                    word_push(&w, (const char *)enc, (size_t)el);
                }
            }
            i += ulen;
            continue;
        }
        finish_word(an, &w, hashtag, &n_tok);
        hashtag = false;
        if (cat == UTF8PROC_CATEGORY_SC && i + ulen < n && ascii_digit(s[i + ulen])) {
            emit_money(an, &n_tok); /* "£3.20", "€15" */
        } else if (is_emoji_cp(cp) || cat == UTF8PROC_CATEGORY_SO) {
            token *t = emit(an, &n_tok);
            if (t != NULL) {
                t->flags |= TOK_EMOJI;
                int32_t slot = nlp_lex_find(an->lex, (const char *)s + i, ulen);
                t->entry = slot >= 0 ? an->lex->slots[slot].entry : -1;
            }
        } else if (cp == 0x2026 || cp == 0x3002) {
            punct(an, n_tok, '.');
        } else if (cp == 0xFF01) {
            punct(an, n_tok, '!');
        } else if (cp == 0xFF1F) {
            punct(an, n_tok, '?');
        }
        i += ulen;
    }
    finish_word(an, &w, hashtag, &n_tok);
    return n_tok;
}

/* Hides the words of the n tokens from token i from the models: the
 * sarcasm model's weights, which the tokeniser summed, are taken back. */
static NO_INLINE void hide_words(nlp_analyzer *an, size_t i, size_t n)
{
    const int8_t *sarc = an->lex->models[NLP_MODEL_SARCASM].word;
    for (size_t m = i; m < i + n; m++) {
        an->sarc_sum -= sarc[model_word_id(&an->tokens[m])];
        an->tokens[m].flags |= TOK_HIDDEN;
    }
}

/* Whether phrase entry e, ending at token k, may be taken: in a customer's
 * message (agent false) a phrase that carries only an agent's cues
 * (NLP_LEX2_AGENT_ONLY) is none, and a phrase that means it only at its
 * clause's end (NLP_LEX2_END) is none elsewhere. */
static FORCE_INLINE bool phrase_fits(const nlp_analyzer *an, const nlp_lex_entry *e, size_t k,
                                     size_t n_tok, bool agent)
{
    if (!UNLIKELY(e->flags2 & (NLP_LEX2_AGENT_ONLY | NLP_LEX2_END))) {
        return true;
    }
    if ((e->flags2 & NLP_LEX2_AGENT_ONLY) && !agent) {
        return false;
    }
    return !(e->flags2 & NLP_LEX2_END) || k + 1 >= n_tok ||
           (an->tokens[k].flags & (TOK_CLAUSE_END | TOK_COMMA));
}

/* The longest lexicon phrase that starts at token i, if any, replaces its
 * tokens by one entry; returns how many tokens it took (0: none). A phrase
 * that does not fit (phrase_fits()) is none: its words are read as they are. */
static FORCE_INLINE size_t match_phrase_at(nlp_analyzer *an, size_t i, size_t n_tok, bool agent)
{
    const nlp_lexicon *lex = an->lex;
    token *t = &an->tokens[i];
    /* no phrase is one word long, so the first accept is one step down */
    uint32_t node = t->root & NLP_LEX_ROOT_NODE;
    int32_t best = -1;
    size_t best_len = 0;
    for (size_t k = i;;) {
        if (an->tokens[k].flags & (TOK_CLAUSE_END | TOK_COMMA) || k + 1 >= n_tok ||
            k + 1 - i >= MAX_PHRASE_TOKENS) {
            break;
        }
        const token *next = &an->tokens[k + 1];
        if (next->word_id == an->tokens[k].word_id && (next->word_tags & NLP_WORD_TRAIL)) {
            k++; /* a spoken repeat ("disputing the the payment", "i i want"): read past it */
            continue;
        }
        if (!(next->word_tags & NLP_WORD_CONT)) {
            break; /* the next word is in no phrase past its first word */
        }
        int32_t accept;
        node = nlp_lex_step(lex, node, next->word_id, &accept);
        if (node == 0) {
            break;
        }
        k++;
        if (accept >= 0 && phrase_fits(an, &lex->entries[accept], k, n_tok, agent)) {
            best = accept;
            best_len = k - i + 1;
        }
    }
    if (best < 0) {
        return 0;
    }
    token *last = &an->tokens[i + best_len - 1];
    t->entry = best;
    for (size_t m = i + 1; m < i + best_len; m++) {
        t->flags |= an->tokens[m].flags & (TOK_CAPS | TOK_ELONG);
        t->word_tags |= an->tokens[m].word_tags & NLP_WORD_RELIEF; /* "good luck" */
        an->tokens[m].flags |= TOK_CONSUMED;
    }
    if (UNLIKELY(lex->entries[best].flags2 & NLP_LEX2_HIDE)) {
        hide_words(an, i, best_len);
    }
    t->flags |= last->flags & (TOK_CLAUSE_END | TOK_COMMA);
    t->excl = last->excl;
    t->quest = last->quest;
    return best_len;
}

/* Replaces the longest lexicon phrase starting at each token by one entry,
 * left to right. Most tokens start none: a first pass without branches marks,
 * 64 tokens at a time, those that start a phrase of the lexicon and are
 * followed by a word that continues one (or repeats them: "i i want"), which
 * is match_phrase_at()'s own first test, and whose first step passes the edge
 * filter (read for every token: one load each), and only those are tried;
 * the branches saved are most of the phrase matcher's mispredictions (the
 * filter's own test was a third of them: 4 % of the throughput). */
static void match_phrases(nlp_analyzer *an, size_t n_tok, bool agent)
{
    const token *tokens = an->tokens;
    const uint8_t *filter = an->lex->edge_filter;
    const nlp_lex_edge_slot *edges = an->lex->edge_slots;
    uint32_t edge_shift = 32u - an->lex->edge_bits;
    size_t free_from = 0; /* tokens before it are in a phrase already matched */
    for (size_t base = 0; base + 1 < n_tok; base += 64) {
        size_t end = n_tok - 1 - base < 64 ? n_tok - 1 : base + 64; /* the last token starts none */
        uint64_t starts = 0;
        for (size_t i = base; i < end; i++) {
            const token *t = &tokens[i], *next = &tokens[i + 1];
            /* the first step's filter bit (nlp_lex_step()): most of the
             * phrases a word starts do not go on with the next one */
            uint32_t root = t->root & NLP_LEX_ROOT_NODE;
            uint32_t key = nlp_lex_edge_key(root, (uint32_t)next->word_id);
            uint32_t fb = (key * NLP_LEX_EDGE_FILTER_MUL) >> (32u - NLP_LEX_EDGE_FILTER_BITS);
            fb &= -(uint32_t)(root != 0); /* a word that starts no phrase reads byte 0 */
            unsigned edge = (unsigned)(filter[fb >> 3] >> (fb & 7u)) & 1u;
            unsigned may = (unsigned)(root != 0) &
                           (unsigned)((t->flags & (TOK_CLAUSE_END | TOK_COMMA)) == 0) &
                           (((unsigned)((next->word_tags & NLP_WORD_CONT) != 0) & edge) |
                            ((unsigned)(next->word_id == t->word_id) &
                             (unsigned)((next->word_tags & NLP_WORD_TRAIL) != 0)));
            starts |= (uint64_t)may << (i - base);
            /* the first step's edge slot, fetched now for a candidate (slot 0,
             * always cached, for the others: no branch) */
            uint32_t slot = ((key * NLP_LEX_EDGE_HASH_MUL) >> edge_shift) & -(uint32_t)may;
            __builtin_prefetch(&edges[slot]);
        }
        for (; starts != 0; starts &= starts - 1) {
            size_t i = base + (size_t)__builtin_ctzll(starts);
            if (i >= free_from) {
                size_t len = match_phrase_at(an, i, n_tok, agent);
                if (len > 0) {
                    free_from = i + len;
                }
            }
        }
    }
}

/* ---- scoring ------------------------------------------------------------ */

/* The message's valence in (-1, 1) from the sum of its words' (and an
 * escalation's) valence: exclamation marks strengthen it, a question asserts
 * praise less, words beside a link weigh less. */
static float finish_valence(float total, int n_excl, bool asserts_less, bool has_url)
{
    if (total != 0.0f && n_excl > 0) {
        float e = (float)(n_excl > 4 ? 4 : n_excl);
        total += total > 0.0f ? EXCL_POS * e : -EXCL_NEG * e;
    }
    if (asserts_less && total > 0.0f) {
        total *= QUESTION_POS; /* a question asserts less */
    }
    if (has_url) {
        total *= URL_DAMP; /* words beside a link often describe the linked page */
    }
    return total / sqrtf(total * total + VALENCE_ALPHA);
}

static float squash(float x)
{
    return x <= 0.0f ? 0.0f : 1.0f - expf(-x);
}

/* The hostility a word of valence v (as counted) adds: its negativity, when it
 * is not sorrow, fear or doubt (those words carry sadness, anxiety or
 * confusion); 0 for praise. */
static inline float hostile_share(const nlp_lex_entry *e, float v)
{
    return v < 0.0f && e->emo[NLP_EMO_SADNESS] == 0.0f && e->emo[NLP_EMO_ANXIETY] == 0.0f &&
                   e->emo[NLP_EMO_CONFUSION] == 0.0f
               ? -v
               : 0.0f;
}

/* fmaxf / fminf for operands that are never NaN (every score here is a finite
 * sum of lexicon weights): inline compares instead of libm calls. */
static float max_f(float a, float b)
{
    return a > b ? a : b;
}

static float min_f(float a, float b)
{
    return a < b ? a : b;
}

static float clamp01(float x)
{
    return x < 0.0f ? 0.0f : (x > 1.0f ? 1.0f : x);
}

/* The least cue of leaving or going public that anger makes one (lexicon
 * weights 0.4 "moving to", 0.45 "leave a review"). */
#define WEAK_ESC_MIN      0.4f
#define WEAK_ESC_ANGER    0.3f  /* the rules' anger sum ("disgusting" 0.3, "fed up" 0.5) */
#define LEAVING_NAMED_ESC 0.75f /* a weak cue of leaving with the leaving process named */

/* The escalation of the strongest type in esc[] (0..1, each type's score),
 * raised by 0.1 when the message shouts (`emphatic`: "!" or capitals) or, at
 * 0.5 or more, when its words are angry; sets out->escalation and its type,
 * *best (an nlp_escalation_type) and *esc_valence, the dissatisfaction it
 * carries for the valence. Pure. */
static float pick_escalation(const float esc[NLP_ESC_COUNT], bool emphatic, float anger,
                             nlp_role role, int *best, float *esc_valence, nlp_result *out)
{
    int best_esc = NLP_ESC_NONE;
    float esc_max = 0.0f;
    for (int k = 1; k < NLP_ESC_COUNT; k++) {
        if (esc[k] > esc_max) {
            esc_max = esc[k];
            best_esc = k;
        }
    }
    /* a weak cue of leaving or of going public ("moving to", "leave a
     * review": 0.4 and 0.45) is one with anger beside it ("fed up, I'm
     * moving to Sky"); a weak request for a person is not ("the manager was
     * dismissive") */
    bool weak_angry = esc_max >= WEAK_ESC_MIN && anger >= WEAK_ESC_ANGER &&
                      (best_esc == NLP_ESC_CANCEL || best_esc == NLP_ESC_PUBLIC);
    if (esc_max > 0.0f && (emphatic || (esc_max >= 0.5f && anger > 0.5f) || weak_angry)) {
        /* "!" and shouting strengthen any escalation cue ("I will review you on
         * trustpilot!!"); anger in words only one that is there already ("the
         * manager was dismissive" was a human request of 0.55) */
        esc_max = min_f(1.0f, esc_max + 0.1f);
    }
    *esc_valence = 0.0f;
    if (role == NLP_ROLE_CUSTOMER || role == NLP_ROLE_AGENT) {
        /* asking for a manager, to leave or to sue means dissatisfaction */
        static const float esc_val[NLP_ESC_COUNT] = {0.0f, -1.6f, -0.8f, -1.0f, -0.8f, 0.0f};
        *esc_valence = esc_val[best_esc] * esc_max;
    }
    out->escalation = clamp01(esc_max);
    out->escalation_type = out->escalation >= 0.5f ? (nlp_escalation_type)best_esc : NLP_ESC_NONE;
    *best = best_esc;
    return esc_max;
}

static float sigmoid(float x)
{
    return 1.0f / (1.0f + expf(-x));
}

/* (1 + VALENCE_SPREAD) / n^VALENCE_SPREAD: a table for the usual counts, powf
 * beyond it. */
static float valence_spread_gain(int n_valenced)
{
    static const float table[9] = {1.30000f, 1.30000f, 1.05593f, 0.93499f, 0.85768f,
                                   0.80214f, 0.75945f, 0.72513f, 0.69665f};
    if (n_valenced < 9) {
        return table[n_valenced < 0 ? 0 : n_valenced];
    }
    return (1.0f + VALENCE_SPREAD) / powf((float)n_valenced, VALENCE_SPREAD);
}

/* Length of the quote mark at s[i] (a straight '"', or U+201C / U+201D), or 0. */
static size_t quote_at(const unsigned char *s, size_t n, size_t i)
{
    if (s[i] == '"') {
        return 1;
    }
    if (s[i] == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && (s[i + 2] == 0x9C || s[i + 2] == 0x9D)) {
        return 3;
    }
    return 0;
}

/* True when the text holds scare quotes: a short quoted span (1 to
 * SCARE_MAX_WORDS words, at most SCARE_MAX_BYTES bytes) with no negative
 * lexicon word in it, so that it quotes a claim ("quiet room", "superfast",
 * "next day delivery") rather than an error ("payment failed"). Reads the text
 * once; looks words up in the lexicon only inside such a span. */
static bool scare_quoted(const nlp_analyzer *an, const unsigned char *s, size_t n)
{
    if (memchr(s, '"', n) == NULL && memchr(s, 0xE2, n) == NULL) {
        return false; /* most texts: two vector scans */
    }
    for (size_t i = 0; i < n; i++) {
        size_t q = quote_at(s, n, i);
        if (q == 0) {
            continue;
        }
        size_t start = i + q, end = start;
        while (end < n && end - start <= SCARE_MAX_BYTES && quote_at(s, n, end) == 0) {
            end++;
        }
        if (end >= n) {
            return false; /* no closing mark */
        }
        if (end - start > SCARE_MAX_BYTES) {
            i = end - 1; /* a long quotation: go on from where the scan stopped */
            continue;
        }
        int words = 0;
        bool negative = false;
        for (size_t k = start; k < end && !negative;) {
            if (!ascii_alnum(s[k])) {
                k++;
                continue;
            }
            char w[SCARE_MAX_BYTES + 1];
            size_t len = 0;
            while (k < end && (ascii_alnum(s[k]) || s[k] == '\'') && len < SCARE_MAX_BYTES) {
                if (s[k] != '\'') {
                    w[len++] = (char)(s[k] | (ascii_alpha(s[k]) ? 0x20 : 0));
                }
                k++;
            }
            words++;
            int32_t slot = nlp_lex_find(an->lex, w, len);
            int32_t e = slot >= 0 ? an->lex->slots[slot].entry : -1;
            negative = e >= 0 && an->lex->entries[e].valence < 0.0f;
        }
        if (words >= 1 && words <= SCARE_MAX_WORDS && !negative) {
            return true;
        }
        i = end + quote_at(s, n, end) - 1; /* on past the closing mark */
    }
    return false;
}

/* True when names stand out in the tokens: the message is not written In Title
 * Case ("Super Bowl" in a sentence, not "Happy Birthday To You"): at most 3
 * in 4 words with lower case start with a capital. */
static bool names_stand_out_in(const token *tokens, size_t n_tok)
{
    size_t n_title = 0, n_lower = 0;
    for (size_t i = 0; i < n_tok; i++) {
        n_lower += (tokens[i].flags & TOK_HAS_LOWER) != 0;
        n_title += (tokens[i].flags & TOK_TITLE) != 0;
    }
    return 4 * n_title <= 3 * n_lower;
}

/* True when some token of the message is the word with id word_id (>= 0).
 * Out of the per-token loop: it runs for the few messages a rule needs it for. */
static bool has_word(const nlp_analyzer *an, size_t n_tok, int32_t word_id)
{
    for (size_t i = 0; i < n_tok && word_id >= 0; i++) {
        if (an->tokens[i].word_id == word_id) {
            return true;
        }
    }
    return false;
}

/* True when a figure word (FIGURE_WORDS) stands in the message and two
 * different numbers stand in two clauses of its text (a stop, a comma, a colon
 * or "but" between them): "marked 32 waist. they measure 29", but not "booked a
 * table for 8, got there at 8". A number is a run of digits, with "." "," ":"
 * between digits ("3.20", "8:55"), not inside a word ("b4"); letters after it
 * are its unit ("2kg", "3rd"). Called only for messages with a digit. */
static bool figures_disagree(const nlp_analyzer *an, const unsigned char *s, size_t n, size_t n_tok)
{
    bool figure = false;
    for (size_t k = 0; k < n_tok && !figure; k++) {
        figure = word_set_has(an->figure_words, an->tokens[k].word_id);
    }
    if (!figure) {
        return false;
    }
    size_t first = 0, first_len = 0;
    long first_clause = -1, clause = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (ascii_digit(c) && (i == 0 || !ascii_alnum(s[i - 1]))) {
            size_t j = i;
            while (j < n && (ascii_digit(s[j]) || ((s[j] == '.' || s[j] == ',' || s[j] == ':') &&
                                                   j + 1 < n && ascii_digit(s[j + 1])))) {
                j++;
            }
            if (first_clause < 0) {
                first = i;
                first_len = j - i;
                first_clause = clause;
            } else if (clause != first_clause &&
                       (j - i != first_len || memcmp(s + i, s + first, first_len) != 0)) {
                return true;
            }
            i = j;
            continue;
        }
        if (c == '.' || c == '!' || c == '?' || c == ';' || c == ',' || c == ':' || c == '\n') {
            clause++;
        } else if ((c | 0x20) == 'b' && i + 3 <= n && (i == 0 || !ascii_alnum(s[i - 1])) &&
                   (s[i + 1] | 0x20) == 'u' && (s[i + 2] | 0x20) == 't' &&
                   (i + 3 == n || !ascii_alnum(s[i + 3]))) {
            clause++; /* "the charge was 800 but the bill shows 1800" */
        }
        i++;
    }
    return false;
}

/* True when the token before a word ends a clause there: a comma or a stop
 * after it, or it is "and" or "but" ("ordered a large and got a small"). */
static bool opens_clause(const nlp_analyzer *an, const token *prev)
{
    if (prev->flags & (TOK_CLAUSE_END | TOK_COMMA)) {
        return true;
    }
    if (prev->word_id >= 0 && prev->word_id == an->and_word) {
        return true;
    }
    return prev->entry >= 0 && (an->lex->entries[prev->entry].flags & NLP_LEX_BUT);
}

/* True when what a receive word (token i) names is what was asked for ("got it
 * today") or a bonus ("got free garlic bread", "got an upgrade"): its next
 * word is a pronoun or praise. */
static bool receives_what_was_asked(const nlp_analyzer *an, size_t i, size_t n_tok)
{
    if (i + 1 >= n_tok) {
        return false;
    }
    const token *next = &an->tokens[i + 1];
    if (next->word_tags & NLP_WORD_PRON) {
        return true;
    }
    return next->entry >= 0 && an->lex->entries[next->entry].valence > 0.0f;
}

/* True when a pair_block word ("old", "duplicate") follows token i within 3
 * tokens of its clause: a cancel verb after its object names which one goes
 * ("two accounts by mistake, can you close the duplicate one"). */
static bool block_ahead(const nlp_analyzer *an, size_t i, size_t n_tok)
{
    for (size_t k = i; k < n_tok && k <= i + 3; k++) {
        const token *t = &an->tokens[k];
        if (k > i && (t->word_tags & NLP_WORD_BLOCK)) {
            return true;
        }
        if (t->flags & (TOK_CLAUSE_END | TOK_COMMA)) {
            return false;
        }
    }
    return false;
}

/* Where a sentence starts, for the closing-praise rule: a short praise that
 * ends a message after a fault ("the fire alarm went off again at 3am. very
 * reassuring") mocks it. */
typedef struct sent_mark {
    size_t start;   /* its first token */
    float pos, neg; /* the message's positive and negative mass before it */
    int faults;     /* faults and bad situations before it */
} sent_mark;

/* The open sentence, and the last closed one with the masses at its end. Set
 * only at sentence ends, so the rule costs nothing per token. */
typedef struct closer_marks {
    sent_mark open;
    sent_mark last;
    size_t last_end; /* one past its last token */
    float last_pos, last_neg;
} closer_marks;

/* A sentence ends before token `end`; pos, neg and faults are the message's so far. */
static inline void closer_sentence_end(closer_marks *c, size_t end, float pos, float neg,
                                       int faults)
{
    c->last = c->open;
    c->last_end = end;
    c->last_pos = pos;
    c->last_neg = neg;
    c->open = (sent_mark){.start = end, .pos = pos, .neg = neg, .faults = faults};
}

/* True when the message's last sentence (the open one, or the last closed one
 * when the message ends on punctuation) is a short praise after a fault or
 * clear negativity in words negative on balance: "... again at 3am. very
 * reassuring". pos_mass and neg_mass are the whole message's; expl_neg the
 * negative mass of an opening expletive, which is emphasis, not a grievance. */
static bool closer_mocks(const nlp_analyzer *an, const closer_marks *c, size_t n_tok,
                         float pos_mass, float neg_mass, float expl_neg)
{
    const sent_mark *m = &c->open;
    size_t end = n_tok;
    float pos = pos_mass, neg = neg_mass;
    if (c->open.start >= n_tok) {
        m = &c->last;
        end = c->last_end;
        pos = c->last_pos;
        neg = c->last_neg;
    }
    float before_neg = m->neg - expl_neg;
    if (end - m->start == 0 || end - m->start > CLOSER_WORDS || pos - m->pos < CLOSER_MIN_PRAISE ||
        neg > m->neg || m->pos > 0.5f * before_neg ||
        (m->faults == 0 && before_neg < CLOSER_MIN_NEG)) {
        return false;
    }
    /* thanks, delight, a warm face, an exclamation or relief: a sincere closer
     * ("... but we made it! :D", "fixed now, great"); a cool face is not
     * warmth ("... to buffer every 30 seconds. great value 👏") */
    for (size_t i = m->start; i < end; i++) {
        const token *t = &an->tokens[i];
        if (t->excl > 0 || (t->word_tags & NLP_WORD_RELIEF) ||
            ((t->flags & TOK_EMOJI) && t->entry < 0)) {
            return false; /* a face we do not know is taken as warmth */
        }
        if (t->entry >= 0 && !(t->flags & TOK_CONSUMED)) {
            const nlp_lex_entry *e = &an->lex->entries[t->entry];
            /* a frame's thanks ("thanks a lot", "thanks a bunch") is the classic
             * closer of a mocked fault, not warmth */
            if ((e->flags & NLP_LEX_AFFECT) && !(e->flags & NLP_LEX_POS_FRAME) &&
                (e->emo[NLP_EMO_GRATITUDE] > 0.0f ||
                 e->emo[NLP_EMO_JOY] >= (m->faults > 0 && (t->flags & TOK_HAS_LOWER)
                                             ? CLOSER_WARM_JOY_FAULT
                                             : CLOSER_WARM_JOY))) {
                return false;
            }
        }
    }
    return true;
}

/* Whether word id w is one of the n ids in ids. */
static bool word_in(int32_t w, const int32_t *ids, int n)
{
    if (w < 0) {
        return false; /* no lexicon word: in no list (a list's missing words are -1) */
    }
    int k = 0;
#ifdef NLP_HAVE_SSE2
    /* four ids at a time: the lists run to 40 words and most words are in
     * none, so a scan usually reads them all */
    const __m128i key = _mm_set1_epi32(w);
    for (; k + 4 <= n; k += 4) {
        __m128i four = _mm_loadu_si128((const __m128i *)(const void *)(ids + k));
        if (_mm_movemask_epi8(_mm_cmpeq_epi32(four, key)) != 0) {
            return true;
        }
    }
#endif
    for (; k < n; k++) {
        if (w == ids[k]) {
            return true;
        }
    }
    return false;
}

/* Thanks the model leaves sincere: among the last SARC_THANKS_TAIL tokens
 * ("..., I appreciate it") or a sentence of their own ("Thanks. Also I need
 * to cancel my dentist appointment"). */
static RARE bool thanks_meant(const nlp_analyzer *an, size_t n_tok)
{
    for (size_t i = 0; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        if ((t->word_tags & NLP_WORD_THANKS) &&
            (i + SARC_THANKS_TAIL >= n_tok || (t->flags & TOK_CLAUSE_END))) {
            return true;
        }
    }
    return false;
}

/* Whether a token of the message is one of the n word ids in ids. */
static RARE bool any_token_in(const nlp_analyzer *an, size_t n_tok, const int32_t *ids, int n)
{
    for (size_t i = 0; i < n_tok; i++) {
        if (word_in(an->tokens[i].word_id, ids, n)) {
            return true;
        }
    }
    return false;
}

/* Whether a risk is told as long past (SAFETY_PAST): "... years ago", "as a
 * teenager", "as a child", "in my teens", "in my childhood", "when I was
 * younger", "in the past", and no word that it is back or goes on
 * (RECENT_WORDS: "again", "still", "last night", "anymore", ...). */
static RARE bool told_as_past(const nlp_analyzer *an, size_t n_tok)
{
    const int32_t *lead = an->past_leads; /* as, a, my, in, was, were, the */
    bool past = false;
    for (size_t i = 0; i < n_tok; i++) {
        int32_t w = an->tokens[i].word_id;
        if (word_in(w, an->recent_words, N_RECENT_WORDS)) {
            return false;
        }
        int32_t b1 = i > 0 ? an->tokens[i - 1].word_id : -1;
        int32_t b2 = i > 1 ? an->tokens[i - 2].word_id : -1;
        if (w < 0) {
            continue;
        }
        if (w == an->past_words[0]) { /* "two years ago", "15 years ago", "a long time ago" */
            past = past || word_in(b1, an->past_before_ago, N_PAST_BEFORE_AGO) ||
                   word_in(b2, an->past_before_ago, N_PAST_BEFORE_AGO);
        } else if (w == an->past_words[1] || w == an->past_words[2] || w == an->past_words[3]) {
            past = past || (b1 == lead[1] && b2 == lead[0]); /* "as a teenager" */
        } else if (w == an->past_words[4] || w == an->past_words[5]) {
            past = past || (b2 == lead[3] && (b1 == lead[2] || b1 == lead[6])); /* "in my teens" */
        } else if (w == an->past_words[6]) {
            past = past || b1 == lead[4] || b1 == lead[5]; /* "when I was younger" */
        } else if (w == an->past_words[7]) {
            past = past || (b1 == lead[6] && b2 == lead[3]); /* "in the past" */
        }
    }
    return past;
}

/* Whether a word of the message puts a fault right (PUT_RIGHT_WORDS): the
 * praise beside it is meant. */
static bool puts_right(const nlp_analyzer *an, size_t n_tok)
{
    return any_token_in(an, n_tok, an->put_right, N_PUT_RIGHT_WORDS);
}

/* The sum of a model's word weights (lexicon.h) over the message's tokens (the
 * sarcasm model's are summed by the tokeniser instead, sarc_sum; the
 * escalation models' by escalation_models()). */
static int32_t model_words(const nlp_analyzer *an, int model, size_t n_tok)
{
    const int8_t *weight = an->lex->models[model].word;
    int32_t sum = 0;
    for (size_t i = 0; i < n_tok; i++) {
        sum += weight[model_word_id(&an->tokens[i])]; /* -1, no word id: the 0 before the first */
    }
    return sum;
}

/* Keeps a model's rule features for nlp_analyzer_model_inputs(). Out of line,
 * so that the caller's array need not live in memory. */
static NO_INLINE void keep_inputs(nlp_analyzer *an, int model, const float *in)
{
    memcpy(an->model_in[model], in, NLP_MODEL_DENSE * sizeof *in);
}

/* A model's logit (lexicon.h) from its rule features in and the sum of its
 * word weights. */
static FORCE_INLINE float model_logit(const nlp_lex_model *m, const float *in, int32_t words)
{
    _Static_assert(NLP_MODEL_DENSE == 13, "model_logit() sums 12 features by 4, then the last");
    /* four partial sums: one chain of 13 multiply-adds waits on each add */
    const float *w = m->dense;
    float z0 = m->bias + (float)words / NLP_MODEL_SCALE + w[12] * in[12];
    float z1 = 0.0f, z2 = 0.0f, z3 = 0.0f;
    for (int k = 0; k < 12; k += 4) {
        z0 += w[k] * in[k];
        z1 += w[k + 1] * in[k + 1];
        z2 += w[k + 2] * in[k + 2];
        z3 += w[k + 3] * in[k + 3];
    }
    return (z0 + z1) + (z2 + z3);
}

/* The agent models (lexicon.h, bench/nlp/train_models.py) read what the
 * rules could not, as the sarcasm model does, from a reply's words and the rule
 * features in, and only add. The empathy model: empathy told without the
 * phrases the lexicon knows ("that's a horrible thing to come home to, let's
 * get you sorted tonight"); a reply the rules leave below 0.5 is empathic from
 * probability 0.5. The tone-deafness model: coldness told without the
 * lexicon's phrases ("Your grief is noted. Please find attached the final
 * invoice."); a reply the rules leave below 0.5 is tone-deaf from probability
 * TONEDEAF_MODEL_ADD. Each score is then the probability. Agent replies
 * only. */
static NO_INLINE void agent_models(nlp_analyzer *an, nlp_result *out, size_t n_tok, const float *in)
{
    if (UNLIKELY(an->keep_inputs)) {
        keep_inputs(an, NLP_MODEL_EMPATHY, in);
        keep_inputs(an, NLP_MODEL_TONEDEAF, in);
    }
    if (out->empathy < 0.5f) {
        float z = model_logit(&an->lex->models[NLP_MODEL_EMPATHY], in,
                              model_words(an, NLP_MODEL_EMPATHY, n_tok));
        out->empathy = z >= 0.0f ? sigmoid(z) : out->empathy;
    }
    if (out->tone_deaf < 0.5f) {
        float z = model_logit(&an->lex->models[NLP_MODEL_TONEDEAF], in,
                              model_words(an, NLP_MODEL_TONEDEAF, n_tok));
        out->tone_deaf = z >= TONEDEAF_MODEL_MIN_LOGIT ? sigmoid(z) : out->tone_deaf;
    }
}

/* The complaint model (lexicon.h, bench/nlp/train_models.py) reads the
 * complaints the rules miss, told in words the lexicon has no fault for ("the
 * engineer came, looked at it for two minutes and left"). It weighs a
 * customer message's words and the rule features in (COMPLAINT_IN_*: the
 * rules' own score among them): a message the rules leave below 0.5 is a
 * complaint from probability COMPLAINT_MODEL_ADD (the score is the
 * probability); a complaint the rules read from negativity alone (unaimed:
 * no fault, complaint or service named) stands unless the model puts it below
 * COMPLAINT_MODEL_DROP_LOGIT (then the score is the model's probability); the
 * rules' other complaints stand, and so do the messages whose negativity the
 * rules explain or that praise (explained). (Applied to every message it also
 * rejected some of the rules' complaints with a fault named: right on our
 * sets, wrong on real tweets to brands, whose faults are told less plainly;
 * docs/nlp.md.) Returns the complaint score. */
static NO_INLINE float complaint_model(nlp_analyzer *an, size_t n_tok, bool explained, bool unaimed,
                                       const float *in)
{
    const nlp_lex_model *m = &an->lex->models[NLP_MODEL_COMPLAINT];
    if (UNLIKELY(an->keep_inputs)) {
        keep_inputs(an, NLP_MODEL_COMPLAINT, in);
    }
    float rules = in[COMPLAINT_IN_RULES];
    /* an absent model (its bias far below) neither adds nor takes back */
    if (explained || (rules >= 0.5f && (!unaimed || m->bias <= NLP_MODEL_ABSENT))) {
        return rules;
    }
    float z = model_logit(m, in, model_words(an, NLP_MODEL_COMPLAINT, n_tok));
    if (rules >= 0.5f) {
        return z >= COMPLAINT_MODEL_DROP_LOGIT ? rules : sigmoid(z);
    }
    return z >= COMPLAINT_MODEL_MIN_LOGIT ? sigmoid(z) : rules;
}

/* The escalation models (lexicon.h, bench/nlp/train_models.py) read the public
 * threats, repeat contacts, requests for a person and cancellations the rules
 * miss, told without the lexicon's phrases ("Wait till the parents at the
 * school gate hear about this.", "Back in January you promised me a new meter.
 * It is now May.", "Is there anyone above you?", "Consider this my notice."),
 * from a customer message's words and the complaint model's rule features in
 * (the rules' escalation among them). A message the rules leave below 0.5
 * escalates from probability ESC_MODEL_ADD, as the type whose model reads it
 * likeliest; the score is the probability. read: the message is one the models
 * read (the caller's escalation_read); legal: the rules made it a legal threat
 * (the caller's legal_check), which stands unless every model reads it below
 * LEGAL_TAKE_BACK_LOGIT; both false only when the inputs are kept. */
static NO_INLINE void escalation_models(nlp_analyzer *an, nlp_result *out, size_t n_tok, bool read,
                                        bool legal, const float *in)
{
    if (UNLIKELY(an->keep_inputs)) {
        /* a message the models do not read keeps zero inputs (a message they
         * read has a length feature above 0) */
        static const float none[NLP_MODEL_DENSE];
        for (int m = 0; m < NLP_MODEL_ESC_N; m++) {
            keep_inputs(an, NLP_MODEL_PUBLIC + m, read || legal ? in : none);
        }
        if (!read && !legal) {
            return;
        }
    }
    _Static_assert(NLP_MODEL_ESC_N == 5 && NLP_MODEL_LEGAL == NLP_MODEL_PUBLIC + 4,
                   "escalation_models() reads five interleaved models");
    static const nlp_escalation_type type[NLP_MODEL_ESC_N] = {
        NLP_ESC_PUBLIC, NLP_ESC_REPEAT_CONTACT, NLP_ESC_HUMAN_REQUEST, NLP_ESC_CANCEL,
        NLP_ESC_LEGAL};
    /* the models' word weights interleave (lexicon.h): one pass */
    const int8_t *weight = an->lex->models[NLP_MODEL_PUBLIC].word;
    int32_t sum[NLP_MODEL_ESC_N] = {0};
    for (size_t i = 0; i < n_tok; i++) {
        /* -1: the zeros before the first word */
        const int8_t *w = weight + NLP_MODEL_ESC_N * (ptrdiff_t)model_word_id(&an->tokens[i]);
        sum[0] += w[0];
        sum[1] += w[1];
        sum[2] += w[2];
        sum[3] += w[3];
        sum[4] += w[4];
    }
    float z = -INFINITY;
    int best = 0;
    for (int m = 0; m < NLP_MODEL_ESC_N; m++) {
        float zm = model_logit(&an->lex->models[NLP_MODEL_PUBLIC + m], in, sum[m]);
        best = zm > z ? m : best;
        z = zm > z ? zm : z;
    }
    if (legal) {
        if (z < LEGAL_TAKE_BACK_LOGIT) {
            /* "What does the regulator say about how long a switch should
             * take?", "I accepted the ombudsman's decision. When will the
             * refund come?" */
            out->escalation = sigmoid(z);
            out->escalation_type = NLP_ESC_NONE;
        }
    } else if (z >= ESC_MODEL_MIN_LOGIT) {
        out->escalation = sigmoid(z);
        out->escalation_type = type[best];
    }
}

/* A bit per emotion (nlp_emotion) the entry carries. */
static unsigned emo_bits(const nlp_lex_entry *e)
{
    unsigned bits = 0;
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        bits |= e->emo[k] > 0.0f ? 1u << k : 0u;
    }
    return bits;
}

/* The emotion models' logits (z[m] for NLP_MODEL_ANGER + m; z[7] is the
 * padding's): each bias, plus the sum of its word weights over the message's
 * tokens / NLP_MODEL_SCALE, plus its rule-feature weights times in, in this
 * order (model_logit() sums the same terms in another order). The weights
 * interleave eight to a word (lexicon.h). This is the reference; the SSE2
 * twin gives the same floats bit for bit (same operations in the same order;
 * the word-vs-reference tests and the fuzz target compare them). */
static void emotion_logits_scalar(const nlp_analyzer *an, size_t n_tok, const float *in, float *z)
{
    const int8_t *weight = an->lex->models[NLP_MODEL_ANGER].word;
    int32_t sum[NLP_MODEL_EMO_STRIDE] = {0};
    for (size_t i = 0; i < n_tok; i++) {
        /* -1: the zeros before the first word */
        const int8_t *w = weight + NLP_MODEL_EMO_STRIDE * (ptrdiff_t)model_word_id(&an->tokens[i]);
        for (int m = 0; m < NLP_MODEL_EMO_STRIDE; m++) {
            sum[m] += w[m];
        }
    }
    for (int m = 0; m < NLP_MODEL_EMO_STRIDE; m++) {
        z[m] = an->emo_w[0][m] + (float)sum[m] * (1.0f / NLP_MODEL_SCALE);
    }
    for (int k = 0; k < NLP_MODEL_DENSE; k++) {
        for (int m = 0; m < NLP_MODEL_EMO_STRIDE; m++) {
            z[m] += an->emo_w[1 + k][m] * in[k];
        }
    }
}

#ifdef NLP_HAVE_SSE2
/* emotion_logits_scalar(), eight lanes at once: each word's eight weights in
 * one 8-byte load, widened to 16 bits and added (256 tokens of at most 127
 * cannot overflow), the 16-bit sums widened to 32 every 256 tokens. */
static void emotion_logits_sse2(const nlp_analyzer *an, size_t n_tok, const float *in, float *z)
{
    _Static_assert(NLP_MODEL_EMO_STRIDE == 8, "emotion_logits_sse2() reads 8 weights a word");
    const int8_t *weight = an->lex->models[NLP_MODEL_ANGER].word;
    const __m128i zero = _mm_setzero_si128();
    __m128i sum_lo = zero, sum_hi = zero;
    for (size_t from = 0; from < n_tok; from += 256) {
        size_t to = n_tok - from > 256 ? from + 256 : n_tok;
        __m128i acc = zero;
        for (size_t i = from; i < to; i++) {
            const int8_t *w =
                weight + NLP_MODEL_EMO_STRIDE * (ptrdiff_t)model_word_id(&an->tokens[i]);
            __m128i x = _mm_loadl_epi64((const __m128i *)(const void *)w);
            acc = _mm_add_epi16(acc, _mm_unpacklo_epi8(x, _mm_cmpgt_epi8(zero, x)));
        }
        __m128i sign = _mm_srai_epi16(acc, 15);
        sum_lo = _mm_add_epi32(sum_lo, _mm_unpacklo_epi16(acc, sign));
        sum_hi = _mm_add_epi32(sum_hi, _mm_unpackhi_epi16(acc, sign));
    }
    const __m128 scale = _mm_set1_ps(1.0f / NLP_MODEL_SCALE);
    __m128 z_lo =
        _mm_add_ps(_mm_loadu_ps(an->emo_w[0]), _mm_mul_ps(_mm_cvtepi32_ps(sum_lo), scale));
    __m128 z_hi =
        _mm_add_ps(_mm_loadu_ps(an->emo_w[0] + 4), _mm_mul_ps(_mm_cvtepi32_ps(sum_hi), scale));
    for (int k = 0; k < NLP_MODEL_DENSE; k++) {
        __m128 v = _mm_set1_ps(in[k]);
        z_lo = _mm_add_ps(z_lo, _mm_mul_ps(_mm_loadu_ps(an->emo_w[1 + k]), v));
        z_hi = _mm_add_ps(z_hi, _mm_mul_ps(_mm_loadu_ps(an->emo_w[1 + k] + 4), v));
    }
    _mm_storeu_ps(z, z_lo);
    _mm_storeu_ps(z + 4, z_hi);
}
#endif

/* The emotion models (lexicon.h, bench/nlp/train_models.py) read the feelings
 * the rules miss, told without the lexicon's words ("We never got to use the
 * tickets. Grandad went into hospital the day before.", "If the payment
 * doesn't clear by five will the house sale fall through"): one per emotion,
 * each from a customer message's words and the rule features in (the rules'
 * seven emotion scores in nlp_emotion order, valence and its negative part,
 * complaint, escalation, a closing question, the length: tokens / 20, at most
 * 2; train_models.py names them alike). An emotion the rules
 * leave below 0.5 is the model's probability when that is 0.5 or more; the
 * others stay as the rules have them (the models only add: on our sets,
 * cross-validated, letting them also take an emotion away was worse for every
 * emotion, and for anger on tweets far worse; docs/nlp.md); a sarcastic
 * message gains no gratitude or joy, and no message an emotion whose words a
 * phrase's denial turned round (denied_emo, bit per nlp_emotion: "you didn't
 * even say thank you"). Customer messages only (an agent's
 * emotions are never read). Returns whether a model added an emotion. */
static NO_INLINE bool emotion_models(nlp_analyzer *an, nlp_result *out, size_t n_tok,
                                     const float *in, unsigned denied_emo)
{
    if (UNLIKELY(an->keep_inputs)) {
        for (int m = 0; m < NLP_MODEL_EMO_N; m++) {
            keep_inputs(an, NLP_MODEL_ANGER + m, in);
        }
    }
    _Static_assert(NLP_MODEL_EMO_N == 7 && NLP_MODEL_JOY == NLP_MODEL_ANGER + 6 &&
                       NLP_EMO_COUNT == 7 && NLP_EMO_ANGER == 0 && NLP_EMO_JOY == 6,
                   "emotion_models() reads seven interleaved models in nlp_emotion order");
    float z[NLP_MODEL_EMO_STRIDE];
#ifdef NLP_HAVE_SSE2
    if (!an->bytewise) {
        emotion_logits_sse2(an, n_tok, in, z);
    } else
#endif
    {
        emotion_logits_scalar(an, n_tok, in, z);
    }
    /* thanks or delight said in sarcasm ("Oh great, thanks a lot.") is
     * neither: the rules turned them down, and the models read the words only */
    bool sincere = out->sarcasm < 0.5f;
    bool added = false;
    for (int m = 0; m < NLP_MODEL_EMO_N; m++) {
        if (z[m] >= 0.0f && out->emotions[m] < 0.5f && !(denied_emo & (1u << m)) &&
            (sincere || (m != NLP_EMO_GRATITUDE && m != NLP_EMO_JOY))) {
            out->emotions[m] = sigmoid(z[m]);
            added = true;
        }
    }
    return added;
}

/* Whether the sentence of the praise frame or the thanks at token `from` puts a
 * fault right (PUT_RIGHT_WORDS after it, up to the sentence's end). */
static RARE bool put_right_after(const nlp_analyzer *an, long from, size_t n_tok)
{
    for (size_t k = (size_t)from + 1; k < n_tok; k++) {
        if (word_in(an->tokens[k].word_id, an->put_right, N_PUT_RIGHT_WORDS)) {
            return true;
        }
        if (an->tokens[k].flags & TOK_CLAUSE_END) {
            break;
        }
    }
    return false;
}

/* The leaving phrase at token i is a change made with us (MOVE_WORDS). */
static RARE bool kept_move(const nlp_analyzer *an, size_t i, size_t n_tok)
{
    if (!word_in(an->tokens[i].word_id, an->move_words, N_MOVE_WORDS)) {
        return false;
    }
    bool kept = false, named = false; /* named: a word the lexicon does not know so far */
    for (size_t k = i + 1; k < n_tok && k <= i + 1 + KEPT_REACH; k++) {
        int32_t w = an->tokens[k].word_id;
        kept = kept || word_in(w, an->kept_objects, N_KEPT_OBJECTS) ||
               word_in(w, an->home_words, N_HOME_WORDS) ||
               (!named && word_in(w, an->kept_accounts, N_KEPT_ACCOUNTS));
        named = named || w < 0;
    }
    for (size_t k = 0; k < n_tok && kept; k++) {
        kept = !word_in(an->tokens[k].word_id, an->provider_words, N_PROVIDER_WORDS);
    }
    return kept;
}

/* The message names someone above whoever answers (SENIOR_WORDS). */
static bool names_senior(const nlp_analyzer *an, size_t n_tok)
{
    return any_token_in(an, n_tok, an->senior_words, N_SENIOR_WORDS);
}

/* One of ids[0..n) among the reach tokens before token k, in its clause. */
static bool words_before(const nlp_analyzer *an, size_t k, size_t reach, const int32_t *ids, int n)
{
    for (size_t j = k; j > 0 && k - j < reach;) {
        j--;
        if (an->tokens[j].flags & TOK_CLAUSE_END) {
            return false;
        }
        if (word_in(an->tokens[j].word_id, ids, n)) {
            return true;
        }
    }
    return false;
}

/* Something is cancelled while the customer stays (MISTAKE_WORDS). */
static RARE bool cancel_kept(const nlp_analyzer *an, size_t n_tok)
{
    bool mistake = false, part = false, redo = false, instead = false, pay = false;
    for (size_t k = 0; k < n_tok; k++) {
        int32_t w = an->tokens[k].word_id;
        if (w < 0) {
            continue;
        }
        if (word_in(w, an->provider_words, N_PROVIDER_WORDS) ||
            word_in(w, an->whole_words, N_WHOLE_WORDS) ||
            (word_in(w, an->rival_words, N_RIVAL_WORDS) && k + 1 < n_tok &&
             word_in(an->tokens[k + 1].word_id, an->rival_nouns, N_RIVAL_NOUNS))) {
            return false;
        }
        mistake = mistake || word_in(w, an->mistake_words, N_MISTAKE_WORDS);
        part = part || word_in(w, an->part_words, N_PART_WORDS) ||
               word_in(w, an->pause_words, N_PAUSE_WORDS) ||
               (word_in(w, an->keep_words, N_KEEP_WORDS) && k + 1 < n_tok &&
                word_in(an->tokens[k + 1].word_id, an->kept_what, N_KEPT_WHAT) &&
                !words_before(an, k, NO_KEEP_REACH, an->no_keep_words, N_NO_KEEP_WORDS));
        instead = instead || w == an->instead_word;
        pay = pay || word_in(w, an->pay_words, N_PAY_WORDS);
        if (!redo && word_in(w, an->keep_verbs, N_KEEP_VERBS)) {
            for (size_t j = k + 1; j < n_tok && j <= k + REDO_REACH && !redo; j++) {
                redo = word_in(an->tokens[j].word_id, an->redo_words, N_REDO_WORDS);
            }
        }
    }
    return mistake || part || redo || (instead && pay);
}

/* A praise word within PRAISE_REACH tokens of "you" (not "your", not "hope
 * you"), with no intent word between: "I'm going to tell everyone how great
 * you are!", "you guys are amazing" (the service praised as its people); not
 * "your rivals will love the review", "you'll love what I post", "hope you
 * enjoy being a meme". */
static RARE bool praises_you(const nlp_analyzer *an, size_t n_tok)
{
    long last_you = -100, last_praise = -100;
    for (size_t k = 0; k < n_tok; k++) {
        const token *t = &an->tokens[k];
        if (t->word_tags2 & NLP_WORD2_INTENT) {
            last_you = last_praise = -100;
        }
        if ((t->flags & TOK_CONSUMED) || t->entry < 0) {
            continue;
        }
        const nlp_lex_entry *e = &an->lex->entries[t->entry];
        long pos = (long)k;
        if ((e->flags & NLP_LEX_YOU) && t->word_id != an->your_word &&
            (k == 0 || an->tokens[k - 1].word_id != an->hope_word)) {
            last_you = pos;
        }
        if (e->valence >= PRAISE_MIN_V) {
            last_praise = pos;
        }
        if (last_you >= 0 && last_praise >= 0 && labs(last_you - last_praise) <= PRAISE_REACH) {
            return true;
        }
    }
    return false;
}

/* The message tells of a fix done ("sorted it", "working now":
 * NLP_LEX2_FIXED) as the customer's own news: no promise word before it ("I
 * was told it had been sorted") and no word after it saying it did not hold
 * ("..., it hasn't", "still"). */
static RARE bool tells_fix(const nlp_analyzer *an, size_t n_tok)
{
    size_t end = n_tok; /* after the fix: FIX_UNMET_REACH tokens */
    bool fixed = false;
    for (size_t k = 0; k < end; k++) {
        const token *t = &an->tokens[k];
        if (t->word_tags2 & (fixed ? NLP_WORD2_UNMET : NLP_WORD2_PROMISE)) {
            return false;
        }
        if (!fixed && !(t->flags & TOK_CONSUMED) && t->entry >= 0 &&
            (an->lex->entries[t->entry].flags2 & NLP_LEX2_FIXED)) {
            fixed = true;
            end = k + 1 + FIX_UNMET_REACH < n_tok ? k + 1 + FIX_UNMET_REACH : n_tok;
        }
    }
    return fixed;
}

/* The message opens the service at a new home and names no rival (KEEP_VERBS). */
static RARE bool moving_home(const nlp_analyzer *an, size_t n_tok)
{
    bool kept = false;
    for (size_t k = 0; k < n_tok; k++) {
        int32_t w = an->tokens[k].word_id;
        if (word_in(w, an->rival_words, N_RIVAL_WORDS)) {
            return false;
        }
        if (kept || w != an->new_word || w < 0 || k + 1 >= n_tok ||
            !word_in(an->tokens[k + 1].word_id, an->home_words, N_HOME_WORDS)) {
            continue;
        }
        for (size_t j = k > KEEP_REACH ? k - KEEP_REACH : 0; j < k && !kept; j++) {
            kept = word_in(an->tokens[j].word_id, an->keep_verbs, N_KEEP_VERBS);
        }
    }
    return kept;
}

/* A claim filed at token claim_tok (its object or its verb, whichever comes
 * second) is an insurance claim: the message names an insured loss
 * (INSURED_LOSS, or a term flagged `self`: weather, a break-in, the customer's
 * own mishap) and no "against" follows the claim. */
static RARE bool insurance_claim(const nlp_analyzer *an, size_t n_tok, size_t claim_tok)
{
    bool loss = false;
    for (size_t k = 0; k < n_tok; k++) {
        const token *t = &an->tokens[k];
        int32_t w = t->word_id;
        if (k > claim_tok && k <= claim_tok + AGAINST_REACH && w == an->against_word && w >= 0) {
            return false;
        }
        loss = loss || word_in(w, an->insured_loss, N_INSURED_LOSS) ||
               (t->entry >= 0 && (an->lex->entries[t->entry].flags & NLP_LEX_SELF));
    }
    return loss;
}

/* Whether "if" stands one or two tokens before token i: a word saying
 * something did not happen there is a condition ("they'd give notice if it
 * didn't"), not a promise broken. */
static bool after_if(const nlp_analyzer *an, size_t i)
{
    return an->if_word >= 0 && ((i >= 1 && an->tokens[i - 1].word_id == an->if_word) ||
                                (i >= 2 && an->tokens[i - 2].word_id == an->if_word));
}

/* Whether the request phrase of tokens [i, end] asks for a call or a message
 * back to the customer: it names "me" or "us" ("ring me back", "give me a
 * call", "email me", "call us"; the request phrases are all present forms,
 * so "the manager called me" is none). */
static bool asks_back(const nlp_analyzer *an, size_t i, size_t end)
{
    if (i > 0 && word_in(an->tokens[i - 1].word_id, an->reporting, N_REPORTING)) {
        return false; /* a promise told: "I was told someone would ring me back" */
    }
    for (size_t k = i; k <= end; k++) {
        int32_t w = an->tokens[k].word_id;
        if (w >= 0 && (w == an->me_word || w == an->us_word)) {
            return true;
        }
    }
    return false;
}

/* True when a yes/no question word followed by its subject ("can I", "will
 * it", "is there") stands after token i before the end of its sentence: a
 * question asked without its "?" ("if I'm not happy with the mattress can I
 * send it back"). */
static bool question_ahead(const nlp_analyzer *an, size_t i, size_t n_tok)
{
    for (size_t k = i + 1; k + 1 < n_tok; k++) {
        const token *t = &an->tokens[k];
        if (word_in(t->word_id, an->yes_no_words, N_YES_NO_WORDS)) {
            const token *next = &an->tokens[k + 1];
            if (word_in(next->word_id, an->clause_subjects, N_CLAUSE_SUBJECTS) ||
                (next->entry >= 0 && (an->lex->entries[next->entry].flags & NLP_LEX_YOU))) {
                return true;
            }
        }
        if (t->flags & TOK_CLAUSE_END) {
            break;
        }
    }
    return false;
}

/* True when the sentence starting at token `start` (before `pos`) opens with
 * a yes/no question word: "can I get a refund if I don't use the return
 * half?", "do I still pay if it's late?" (a "why ... if" stays rhetoric). */
static bool asks_yes_no(const nlp_analyzer *an, long start, long pos)
{
    if (start < 0 || start >= pos) {
        return false;
    }
    return word_in(an->tokens[start].word_id, an->yes_no_words, N_YES_NO_WORDS);
}

/* What the tokens [from, n_tok) typed as keywords ask for: NLP_ESC_HUMAN_REQUEST
 * when their words name only people to reach ("agent", "operator. agent.
 * representative.", "agents pls", "customer rep asap"), NLP_ESC_LEGAL when they
 * name only a complaint ("complaint", "complaint pls", "new complaint");
 * KEYWORD_FILLERS words may stand beside them, phrases count as one word.
 * NLP_ESC_NONE for anything else. */
static RARE nlp_escalation_type keyword_request(const nlp_analyzer *an, size_t from, size_t n_tok)
{
    int people = 0, complaints = 0;
    for (size_t i = from; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        if ((t->flags & TOK_CONSUMED) ||
            word_in(t->word_id, an->keyword_fillers, N_KEYWORD_FILLERS)) {
            continue;
        }
        uint32_t f = t->entry >= 0 ? an->lex->entries[t->entry].flags : 0u;
        if (f & (NLP_LEX_HREQ_OBJ | NLP_LEX_HREQ_STRONG)) {
            people++;
        } else if (f & NLP_LEX_FORMAL_OBJ) {
            complaints++;
        } else {
            return NLP_ESC_NONE;
        }
    }
    return people > 0 && complaints == 0   ? NLP_ESC_HUMAN_REQUEST
           : complaints > 0 && people == 0 ? NLP_ESC_LEGAL
                                           : NLP_ESC_NONE;
}

/* True when three words in a row each end a sentence with a full stop ("every.
 * single. time.", "GET. THIS. FIXED."): words hammered out one at a time. Read
 * from the text: a stop must be followed by a space or the end ("co.uk" is no
 * sentence). */
static bool staccato(const unsigned char *s, size_t n)
{
    int run = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ') {
            i++;
        }
        size_t start = i;
        while (i < n && (ascii_alnum(s[i]) || s[i] == '\'')) {
            i++;
        }
        bool word_stop = i > start && i < n && s[i] == '.' && (i + 1 == n || s[i + 1] == ' ');
        run = word_stop ? run + 1 : 0;
        if (run >= 3) {
            return true;
        }
        if (word_stop) {
            i++;
            continue;
        }
        while (i < n && s[i] != ' ') { /* the rest of this word or mark */
            i++;
        }
    }
    return false;
}

/* The cancel verb at token i stands bare, as a wish to leave: a want word
 * (want_before) or a BARE_CANCEL_LEAD word shortly before it, and nothing but
 * BARE_CANCEL_TAIL words after it to the end of its clause, which is no
 * question ("I want to cancel.", "I'm going to cancel please"; not "can I
 * cancel?", "do I need to cancel?", "I want to cancel my order"). */
static bool bare_cancel(const nlp_analyzer *an, size_t i, size_t n_tok, bool want_before)
{
    bool lead = want_before;
    for (size_t k = i > BARE_CANCEL_REACH ? i - BARE_CANCEL_REACH : 0; k < i && !lead; k++) {
        lead = word_in(an->tokens[k].word_id, an->bare_cancel_lead, N_BARE_CANCEL_LEAD) &&
               ((k >= 1 && word_in(an->tokens[k - 1].word_id, an->first_person, 2)) ||
                (k >= 2 && word_in(an->tokens[k - 2].word_id, an->first_person, 2)));
    }
    if (!lead) {
        return false;
    }
    for (size_t k = i; k < n_tok; k++) {
        const token *t = &an->tokens[k];
        if (k > i && !(t->flags & TOK_CONSUMED) &&
            !word_in(t->word_id, an->bare_cancel_tail, N_BARE_CANCEL_TAIL)) {
            return false;
        }
        if (t->flags & (TOK_CLAUSE_END | TOK_COMMA)) {
            return t->quest == 0;
        }
    }
    return true;
}

/* Token i is a "no" that answers (see ANSWER_NO_NEXT): it opens the sentence
 * that starts at token `sentence`, or follows another "no", and one of
 * ANSWER_NO_NEXT comes next. */
static bool answer_no(const nlp_analyzer *an, size_t i, size_t n_tok, long sentence)
{
    const token *t = &an->tokens[i];
    if (t->word_id < 0 || t->word_id != an->no_word || i + 1 >= n_tok ||
        (t->flags & (TOK_CLAUSE_END | TOK_COMMA))) {
        return false;
    }
    if ((long)i != sentence && an->tokens[i - 1].word_id != an->no_word) {
        return false;
    }
    return word_in(an->tokens[i + 1].word_id, an->answer_no_next, N_ANSWER_NO_NEXT);
}

/* Whether token i concedes (see read_concession): a concession word
 * (CONCESSION_WORDS: "however", "unfortunately", "though"; not inside a phrase,
 * "even though"), "still," opening a sentence, or "that said" / "having said
 * that" ("I'm so sorry for your loss. That said, we did ask for the certificate
 * twice"). */
static bool concedes(const nlp_analyzer *an, size_t i)
{
    const token *t = &an->tokens[i];
    if (t->flags & TOK_CONSUMED) {
        return false;
    }
    bool opens = i == 0 || (an->tokens[i - 1].flags & TOK_CLAUSE_END);
    if (t->word_id == an->still_word) {
        return opens && (t->flags & TOK_COMMA);
    }
    if (t->word_id == an->said_word) { /* "that said" */
        return i > 0 && an->tokens[i - 1].word_id == an->that_word &&
               (i == 1 || (an->tokens[i - 2].flags & TOK_CLAUSE_END));
    }
    if (t->word_id == an->that_word) { /* "having said that" */
        return i > 1 && an->tokens[i - 1].word_id == an->said_word &&
               an->tokens[i - 2].word_id == an->having_word;
    }
    return word_in(t->word_id, an->concession_words, N_CONCESSION_WORDS);
}

/* Whether the agent offers help from token i: "I"/"we" then "'ll", "will",
 * "'ve", "have", "can", "could" or "'m", not followed by a word that refuses,
 * repeats or demands ("I've already explained", "we can only", "I'm afraid",
 * "I'll have to", "we'll still need") nor after "before", "until", ...
 * (HELP_DEFERRED): "..., but I'll ask the vet team to review it", "..., but
 * I've waived it". */
static bool offers_help(const nlp_analyzer *an, size_t i, size_t n_tok)
{
    return i + 2 < n_tok && word_in(an->tokens[i].word_id, an->first_person, 2) &&
           !(i > 0 && word_in(an->tokens[i - 1].word_id, an->help_deferred, N_HELP_DEFERRED)) &&
           word_in(an->tokens[i + 1].word_id, an->help_aux, N_HELP_AUX) &&
           !word_in(an->tokens[i + 2].word_id, an->not_help, N_NOT_HELP) &&
           !(an->tokens[i + 1].flags & (TOK_CLAUSE_END | TOK_COMMA));
}

/* What follows an agent's apology: the first concession (concedes()) or
 * "but"/"however" after empathy cues of 0.5 or more. */
typedef struct concession {
    bool found;   /* there is one */
    bool by_word; /* it is a concession of concedes(), not "but" */
    bool helped;  /* help is offered from it on (offers_help()) */
    float after;  /* the empathy cues from it on; for "though", from the start
                   * of its clause, which is what it sets against the apology
                   * ("..., i can give you 10% off with a code though") */
} concession;

static RARE concession read_concession(const nlp_analyzer *an, size_t n_tok)
{
    concession c = {false, false, false, 0.0f};
    float before = 0.0f, at_clause = 0.0f; /* empathy before; at the clause's start */
    size_t from = 0, clause_from = 0;
    for (size_t i = 0; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        const nlp_lex_entry *e =
            t->entry >= 0 && !(t->flags & TOK_CONSUMED) ? &an->lex->entries[t->entry] : NULL;
        if (!c.found && before >= 0.5f) {
            c.by_word = concedes(an, i);
            c.found = c.by_word || (e != NULL && (e->flags & NLP_LEX_BUT));
            from = i;
            if (c.found && t->word_id == an->though_word && clause_from < i) {
                c.after = before - at_clause;
                before = at_clause;
                from = clause_from;
            }
        }
        float emp = e != NULL ? e->scores[NLP_LEX_EMPATHY] : 0.0f;
        *(c.found ? &c.after : &before) += emp;
        if (t->flags & (TOK_CLAUSE_END | TOK_COMMA)) {
            at_clause = before;
            clause_from = i + 1;
        }
    }
    for (size_t i = from; c.found && !c.helped && i < n_tok; i++) {
        c.helped = offers_help(an, i, n_tok);
    }
    return c;
}

/* The praise p of a sentence that the next one denies, counted as negated
 * praise is ("not fixed": x -0.6). */
static void deny_praise(float p, float *sum, float *pos_mass, float *neg_mass)
{
    *sum -= 1.6f * p;
    *pos_mass -= p;
    *neg_mass += 0.6f * p;
}

/* Whether tokens from..to (a sentence of at most 5) only deny what the
 * sentence before said: one DENIAL_AUX word among DENIAL_FILL words ("I was
 * told it was fixed. It still isn't.", "You said you'd call back. You
 * didn't."). */
static RARE bool denies(const nlp_analyzer *an, long from, long to)
{
    if (to - from >= 5) {
        return false;
    }
    int aux = 0;
    for (long k = from; k <= to; k++) {
        int32_t w = an->tokens[k].word_id;
        if (word_in(w, an->denial_aux, N_DENIAL_AUX)) {
            aux++;
        } else if (!word_in(w, an->denial_fill, N_DENIAL_FILL)) {
            return false;
        }
    }
    return aux == 1;
}

/* Agent replies: blame told as what would not have happened ("If you'd set
 * up two-factor, this wouldn't have happened", "if you had filled the form in
 * properly we wouldn't be here"; BLAME_IF, BLAME_NOT, BLAME_THEN). */
static RARE bool blames_back(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    for (size_t i = 0; i + 3 < n_tok; i++) {
        if (t[i].word_id != an->if_word || t[i + 1].word_id != an->blame_if[0] ||
            !word_in(t[i + 2].word_id, an->blame_if + 1, 2) ||
            word_in(t[i + 3].word_id, an->blame_not, N_BLAME_NOT) ||
            (t[i + 1].flags & (TOK_CLAUSE_END | TOK_COMMA))) {
            continue;
        }
        for (size_t k = i + 3; k < n_tok; k++) {
            if (word_in(t[k].word_id, an->blame_then, N_BLAME_THEN)) {
                return true;
            }
            if (t[k].flags & TOK_CLAUSE_END) {
                break;
            }
        }
    }
    return false;
}

/* Agent replies: *cheer when a cheer word ("great", "lovely", "super", "yay":
 * the interjection tag) with positive valence and no gratitude stands in the
 * reply, *death when a death word ("passed away", "funeral") does; *thanks
 * gets the valence of its words of thanks (politeness, not cheer: "thanks,
 * I've received the death certificate and closed the account"). */
static void agent_cheer(const nlp_analyzer *an, size_t n_tok, bool *cheer, bool *death,
                        float *thanks)
{
    for (size_t i = 0; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        if (t->entry < 0 || (t->flags & TOK_CONSUMED)) {
            continue;
        }
        const nlp_lex_entry *e = &an->lex->entries[t->entry];
        bool grateful = e->emo[NLP_EMO_GRATITUDE] > 0.0f;
        *cheer |= (e->flags & NLP_LEX_INTERJ) && e->valence > 0.0f && !grateful;
        *death |= (e->flags & NLP_LEX_DEATH) != 0;
        *thanks += grateful && e->valence > 0.0f ? e->valence : 0.0f;
    }
}

/* What the phrases of one kind added to a message's sums, kept so that the
 * message can take it back once the rest of it is known (a public phrase
 * beside praise of the service). Per message, on the caller's stack. */
typedef struct phrase_share {
    float pos, neg;              /* valence added: positive, and negative as a mass (>= 0) */
    float hostile;               /* hostility added */
    float emo[NLP_EMO_COUNT];    /* emotions added (after their gains) */
    float cue[NLP_LEX_N_SCORES]; /* cue scores added (after their gains) */
    int n_valenced;              /* tokens among them that added valence */
    int n;                       /* phrases of the kind (escalations not negated) */
} phrase_share;

/* Takes back from the message's sums all that the phrases of *ps added. */
static void take_back(const phrase_share *ps, float *sum, float *pos_mass, float *neg_mass,
                      float *hostile_mass, float emo[NLP_EMO_COUNT], float cue[NLP_LEX_N_SCORES],
                      int *n_valenced)
{
    *sum -= ps->pos - ps->neg;
    *pos_mass -= ps->pos;
    *neg_mass -= ps->neg;
    *hostile_mass -= ps->hostile;
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        emo[k] -= ps->emo[k];
    }
    for (int k = 0; k < NLP_LEX_N_SCORES; k++) {
        cue[k] -= ps->cue[k];
    }
    *n_valenced -= ps->n_valenced;
}

/* Sensitive-topic evidence of one message. Positions are token indices; a
 * position before `sentence` (the first token of the current sentence) is stale. */
typedef struct topic_state {
    float topic[NLP_TOPIC_COUNT];
    long sentence;
    long kin, death, bill_obj, bill_mod;
    long object; /* product or service noun: "my dad's phone died" is no loss */
} topic_state;

/* Token pos names the service or what it sells (ts->object); a praise word
 * (at last_praise) within PRAISE_REACH tokens praises it: *praise_service. */
static inline void name_object(topic_state *ts, long pos, long last_praise, bool *praise_service)
{
    ts->object = pos;
    *praise_service = *praise_service || pos - last_praise <= PRAISE_REACH;
}

/* A token with a topic weight or a topic-pair flag: own evidence, then the
 * kin + death and dispute + charge pairs within one sentence; a negated word
 * gives no evidence. Rare, so kept out of line (the main loop's registers). */
static NO_INLINE void topic_token(topic_state *ts, const nlp_lex_entry *e, long pos, bool negated)
{
    uint32_t f = e->flags;
    if ((f & NLP_LEX_TOPIC) && !negated && e->topic_type < NLP_TOPIC_COUNT) {
        float *slot = &ts->topic[e->topic_type];
        *slot = *slot + e->topic_weight * (1.0f - *slot);
    }
    if (f & NLP_LEX_KIN) {
        ts->kin = pos;
    }
    if ((f & NLP_LEX_DEATH) && !negated) {
        ts->death = pos;
    }
    if (f & NLP_LEX_BILL_OBJ) {
        ts->bill_obj = pos;
    }
    if ((f & NLP_LEX_BILL_MOD) && !negated) {
        ts->bill_mod = pos;
    }
    long lo = ts->kin < ts->death ? ts->kin : ts->death;
    if ((f & (NLP_LEX_KIN | NLP_LEX_DEATH)) && lo >= ts->sentence &&
        labs(ts->kin - ts->death) <= TOPIC_WINDOW && !(ts->object > lo && ts->object < pos)) {
        ts->topic[NLP_TOPIC_BEREAVEMENT] = max_f(ts->topic[NLP_TOPIC_BEREAVEMENT], TOPIC_PAIR);
    }
    lo = ts->bill_obj < ts->bill_mod ? ts->bill_obj : ts->bill_mod;
    if ((f & (NLP_LEX_BILL_OBJ | NLP_LEX_BILL_MOD)) && lo >= ts->sentence &&
        labs(ts->bill_obj - ts->bill_mod) <= TOPIC_WINDOW) {
        ts->topic[NLP_TOPIC_BILLING_DISPUTE] =
            max_f(ts->topic[NLP_TOPIC_BILLING_DISPUTE], TOPIC_BILL);
    }
}

/* True when two tokens in a row are digits read out as words or numbers
 * ("four five", "double oh", "seven 8"): the redactor's hint for a number read
 * out (nlp/pii_hinted.h). Called only when the tokeniser saw such a word. */
static bool spoken_run(const nlp_analyzer *an, size_t n_tok)
{
    unsigned run = 0;
    for (size_t i = 0; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        /* a word of a digit (not a month's name, which carries the date tag
         * too), or a token with no letter (a number: "four 5 six"; more is
         * only a hint that was not needed) */
        unsigned tags = t->root & (NLP_LEX_ROOT_SPOKEN_DIGIT | NLP_LEX_ROOT_DATE_WORD);
        bool digit = tags == NLP_LEX_ROOT_SPOKEN_DIGIT ||
                     !(t->flags & (TOK_HAS_LOWER | TOK_CAPS | TOK_TITLE | TOK_EMOJI));
        run = digit ? run + 1 : 0;
        if (run >= 2) {
            return true;
        }
    }
    return false;
}

/* Whether a message with a month's name (NLP_LEX_ROOT_DATE_WORD and
 * NLP_LEX_ROOT_SPOKEN_DIGIT both) may hold a date said in words, the
 * redactor's hint (nlp/pii_hinted.h): a figure, or two more words of a number
 * (the date tag alone: "fifth", "nineteen", "thousand"; the digit tag alone:
 * "two", "oh"). A date the redactor takes holds a month and a year, in figures
 * or in two words or more ("nineteen eighty two", "two thousand"), so "May I
 * ask" and "since March" are none. Called only when the tokeniser saw both
 * tags. */
static NO_INLINE bool date_hint(const nlp_analyzer *an, size_t n_tok)
{
    const unsigned both = NLP_LEX_ROOT_DATE_WORD | NLP_LEX_ROOT_SPOKEN_DIGIT;
    unsigned months = 0, numbers = 0;
    for (size_t i = 0; i < n_tok; i++) {
        unsigned tags = an->tokens[i].root & both;
        months += tags == both;
        numbers += tags != 0 && tags != both;
    }
    return months > 0 && (an->saw_digit || numbers >= 2);
}

/* What the words of the redactor's hint (NLP_WORD2_SECRET) among the tokens
 * are: NAMED_WORD, a name the redactor reads something after (a password's,
 * an address's, a person's: "password", "live", "name"), NAMED_NO_FIGURE
 * when one is read after without a figure too (WORDS_NO_FIGURE); and, added
 * to *n_given, how many are given names (nlp/lexicon/given_names.txt: the tag
 * alone, no word id, or NLP_LEX_GIVEN_WORD), each the name itself. Called only
 * when the tokeniser saw the tag. */
enum { NAMED_WORD = 1, NAMED_NO_FIGURE = 2 };
static NO_INLINE int named_words(const nlp_analyzer *an, size_t n_tok, unsigned *n_given)
{
    int named = 0;
    for (size_t i = 0; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        if (t->word_tags2 & NLP_WORD2_SECRET) {
            bool given = t->word_id < 0 || t->entry == NLP_LEX_GIVEN_WORD;
            *n_given += given;
            named |= given ? 0
                     : word_in(t->word_id, an->words_no_figure, N_WORDS_NO_FIGURE)
                         ? NAMED_WORD | NAMED_NO_FIGURE
                         : NAMED_WORD;
        }
    }
    return named;
}

/* Whether the text may open with a person's name greeted or introduced, the
 * redactor's hint (nlp_pii_opens_named()): its second word is "speaking", or
 * its first is one of OPENING_WORDS ("Dear", "this"), of OPENING_H_WORDS
 * ("Hi") or a word outside the lexicon that starts with an 'h' (they, when the
 * lexicon holds none of them), and the name in Title Case follows: second or
 * third ("Hi Sam", "Thank you Sam", "this is Sam", "Good morning Mrs Okafor"),
 * or up to the OPENING_REACH-th after "is" or "it's" ("Good morning all, it's
 * Sam from billing": sixth). A few instructions: a bit of a table of the
 * word ids tells the first word. */
#define OPENING_REACH 6
static inline bool opening_hint(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    if (n_tok < 2) {
        return false; /* a name is a token after them */
    }
    if (t[1].word_id == an->speaking_word) {
        return true;
    }
    int32_t w = t[0].word_id;
    bool first = w < 0 ? (an->padded[0] | 0x20) == 'h' : word_set_has(an->opening_words, w);
    if (!first) {
        return false;
    }
    if ((t[1].flags & TOK_TITLE) || (n_tok > 2 && (t[2].flags & TOK_TITLE))) {
        return true;
    }
    size_t to = n_tok < OPENING_REACH ? n_tok : OPENING_REACH;
    for (size_t k = 3; k < to; k++) {
        if ((t[k].flags & TOK_TITLE) && word_in(t[k - 1].word_id, an->is_words, 3)) {
            return true;
        }
    }
    return false;
}

/* Whether a person may be thanked by name in the text, the redactor's hint
 * ("ok thanks Sarah", "thank you, Tom!": nlp/pii.c, thanks_names): a word of
 * thanks (NLP_WORD_THANKS), then a word in Title Case or "you" and one.
 * Called only when the tokeniser saw such a word. */
static NO_INLINE bool thanks_hint(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    for (size_t k = 0; k + 1 < n_tok; k++) {
        if ((t[k].word_tags & NLP_WORD_THANKS) &&
            ((t[k + 1].flags & TOK_TITLE) ||
             (k + 2 < n_tok && t[k + 1].word_id == an->you_word && (t[k + 2].flags & TOK_TITLE)))) {
            return true;
        }
    }
    return false;
}

/* Whether a person the customer spoke to may be named in the text, the
 * redactor's hint ("I spoke to Sarah on Monday", "transferred to Dave":
 * nlp/pii.c, spoken_to): a word of a contact made (NLP_WORD2_CONTACT), "to"
 * or "with", then a word in Title Case. Called only when the tokeniser saw
 * such a word. */
static NO_INLINE bool contact_hint(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    for (size_t k = 0; k + 2 < n_tok; k++) {
        if ((t[k].word_tags2 & NLP_WORD2_CONTACT) && (t[k + 2].flags & TOK_TITLE) &&
            word_in(t[k + 1].word_id, an->to_with, 2)) {
            return true;
        }
    }
    return false;
}

/* Whether a person may be named after a word for them, the redactor's hint
 * ("my husband David", "an agent called Mike", "I talked to Tom": nlp/pii.c,
 * NAME_KIN, NAME_STAFF, NAME_ANYONE, spoken_to): such a word
 * (NLP_LEX_ROOT_PERSON), then a word in Title Case right after it or after
 * "called", "named", "to" or "with" after it. Called only when the tokeniser
 * saw such a word. */
static NO_INLINE bool person_hint(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    for (size_t k = 0; k + 1 < n_tok; k++) {
        if ((t[k].root & NLP_LEX_ROOT_PERSON) &&
            ((t[k + 1].flags & TOK_TITLE) || (k + 2 < n_tok && (t[k + 2].flags & TOK_TITLE) &&
                                              word_in(t[k + 1].word_id, an->person_links, 4)))) {
            return true;
        }
    }
    return false;
}

/* Whether a person may be named at the place they work, the redactor's hint
 * ("Priya at the Leeds branch", "Hannah from the complaints team": nlp/pii.c,
 * NAME_PLACE): a word of such a place (NLP_LEX_ROOT_PLACE), and two to four
 * tokens before it "from", "at", "in" or "on" with a word in Title Case or
 * capitals among the three before it (the parts of "Ji-woo", "O'Brien").
 * Called only when the tokeniser saw such a word. */
static NO_INLINE bool place_hint(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    for (size_t k = 3; k < n_tok; k++) {
        if (!(t[k].root & NLP_LEX_ROOT_PLACE)) {
            continue;
        }
        for (size_t j = k - 2; j + 5 > k && j >= 1; j--) {
            if (word_in(t[j].word_id, an->staff_preps, 4) &&
                ((t[j - 1].flags | (j >= 2 ? t[j - 2].flags : 0u) |
                  (j >= 3 ? t[j - 3].flags : 0u)) &
                 (TOK_TITLE | TOK_CAPS))) {
                return true;
            }
        }
    }
    return false;
}

/* Whether the text may end with a person's name addressed after a comma
 * ("Thanks for waiting, John.", "..., Sarah Jones?"), the redactor's hint
 * (nlp_pii_ends_named()): its last token, or its last two, in Title Case
 * after one a comma follows. */
static inline bool closing_hint(const nlp_analyzer *an, size_t n_tok)
{
    const token *t = an->tokens;
    if (n_tok < 2 || !(t[n_tok - 1].flags & TOK_TITLE)) {
        return false;
    }
    unsigned before = t[n_tok - 2].flags;
    return (before & TOK_COMMA) ||
           ((before & TOK_TITLE) && n_tok > 2 && (t[n_tok - 3].flags & TOK_COMMA));
}

/* Redacts the message into an->redacted_out; returns the number of PII spans.
 * The tokeniser's hints spare the redactor its reading of most messages: a
 * digit, an '@', a password's name among the tokens (every word is one: a
 * token takes a byte and there are max_message_bytes + 1 of them). */
static FORCE_INLINE uint32_t redact(nlp_analyzer *an, const char *text, size_t n_bytes,
                                    size_t n_tok)
{
    /* every kind of PII but an e-mail address, a secret in words and a UK
     * postcode with nothing to name it holds PII_MIN_DIGITS digits or more, so
     * fewer is no digit to the redactor, unless a postcode's inward code is
     * there */
    bool digits = an->saw_digit && has_digits(an->padded, n_bytes, PII_MIN_DIGITS);
    /* a link is one token, and the words inside it are no tokens: the
     * redactor reads a link that may hold a password's name itself
     * ("?password=...") */
    /* a person named beside a word the tokens show: thanked, spoken to, by a
     * word for them or at their workplace */
    bool named = ((an->saw_tags & NLP_WORD_THANKS) && thanks_hint(an, n_tok)) ||
                 ((an->saw_tags & NLP_WORD2_CONTACT << 8) && contact_hint(an, n_tok)) ||
                 ((an->saw_root & NLP_LEX_ROOT_PERSON) && person_hint(an, n_tok)) ||
                 ((an->saw_root & NLP_LEX_ROOT_PLACE) && place_hint(an, n_tok));
    unsigned given = 0; /* given names among the tokens */
    int words = (an->saw_tags & NLP_WORD2_SECRET << 8) ? named_words(an, n_tok, &given) : 0;
    bool secret = (words & NAMED_WORD) || an->url_pass || named;
    bool spoken = (an->saw_root & NLP_LEX_ROOT_SPOKEN_DIGIT) && spoken_run(an, n_tok);
    /* both tags seen (a month carries both) */
    const unsigned both = NLP_LEX_ROOT_DATE_WORD | NLP_LEX_ROOT_SPOKEN_DIGIT;
    bool date = (an->saw_root & both) == both && date_hint(an, n_tok);
    if (secret && !digits && !an->saw_at && !spoken && !date) {
        /* a name's word alone ("what's your name?", "live music", "change my
         * address"): the redactor's short look for what it would read after
         * one, which without a figure is a person's name or a secret */
        secret = (an->saw_digit || an->url_pass || named || (words & NAMED_NO_FIGURE)) &&
                 nlp_pii_named(text, n_bytes);
    }
    /* a name the text opens with ("Hi Priya,"), which nlp_pii_named() leaves */
    bool opening = opening_hint(an, n_tok) && nlp_pii_opens_named(text, n_bytes);
    bool closing = closing_hint(an, n_tok) && nlp_pii_ends_named(text, n_bytes);
    /* a given name is the name itself: the redactor finds where it is */
    if (!digits && !an->saw_at && !secret && given == 0 && !spoken && !date && !opening &&
        !closing) {
        /* nothing to redact: the padded copy is the text (zeros after it) */
        an->padded[n_bytes] = 0; /* n_bytes == 0: nothing was copied */
        an->redacted_out = (const char *)an->padded;
        an->redacted_len = n_bytes;
        return 0;
    }
    an->redacted_out = an->redacted;
    int n = nlp_pii_redact_hinted(text, n_bytes, an->redacted, an->redacted_cap, &an->redacted_len,
                                  NULL, digits, an->saw_at, secret, given, opening, closing, spoken,
                                  date);
    return n > 0 ? (uint32_t)n : 0u;
}

/* What the agent rules read of a reply (nlp_analyzer_analyze()). */
typedef struct agent_facts {
    float pos_mass, neg_mass; /* praise and negativity counted */
    float empathy_cue, tonedeaf_cue;
    float emp_at_but; /* empathy cues before the last "but" */
    int n_you, n_excl;
    bool have_but, hard_times, ends_question;
} agent_facts;

/* The agent side of a reply: empathy and tone-deafness (rules, then the
 * agent models); no emotion. Out of line: one message in many is an agent's. */
static NO_INLINE void agent_side(nlp_analyzer *an, nlp_result *out, size_t n_tok,
                                 const agent_facts *f)
{
    /* the agent channel yields no emotion (privacy: no inference of an
     * employee's feelings at work); the evidence above still served the
     * agent rules, and tone-deafness and empathy describe the wording */
    memset(out->emotions, 0, sizeof out->emotions);
    out->empathy = squash(1.1f * f->empathy_cue);
    float td = f->tonedeaf_cue;
    if (f->n_you > 0 && td > 0.0f) {
        td += 0.2f;
    }
    bool cheer = false, death = false;
    float thanks = 0.0f;
    if (f->empathy_cue < 0.5f) { /* agent replies only: out of the customer's path */
        agent_cheer(an, n_tok, &cheer, &death, &thanks);
    }
    if (f->empathy_cue < 0.5f &&
        ((f->pos_mass - thanks >= 1.3f && f->hard_times) || (cheer && (death || td > 0.0f)))) {
        /* a death, a lost job or debt answered with cheer and no word of
         * acknowledgement: "okay awesome so your husband's died ... have a
         * great day", "he's passed away um lovely", and bad news told
         * cheerfully: "Super! Your claim has been declined" (plain
         * procedure there is no fault: "we'll need a copy of the death
         * certificate") */
        td += 0.8f;
    }
    if (blames_back(an, n_tok)) {
        td += 0.8f; /* "if you'd set up two-factor, this wouldn't have happened" */
    }
    if (td > 0.0f && f->hard_times) {
        /* coldness weighs more in a call about a death or hardship: "losing
         * your dad is awful. that said, the charges are valid" */
        td += HARDSHIP_TONEDEAF;
    }
    bool but_back = f->have_but && f->emp_at_but >= 0.5f && f->empathy_cue - f->emp_at_but < 0.3f;
    if (but_back || f->empathy_cue >= 0.5f) {
        /* an apology taken back: "I'm sorry, but ..." or "I'm sorry you've
         * been ill. Unfortunately ..." with no empathy and no help after
         * ("..., but I've passed your details to our claims manager") */
        concession c = read_concession(an, n_tok);
        if (!c.helped && (but_back || (c.by_word && c.after < 0.3f))) {
            td += 0.6f;
        }
    }
    /* empathy and tone-deafness are scored apart: an apology followed by
     * blame has both ("sorry about that, but you should have checked the
     * address"), and halving empathy there lost the apology */
    out->tone_deaf = squash(1.2f * td);
    agent_models(an, out, n_tok,
                 (const float[NLP_MODEL_DENSE]){
                     f->pos_mass,
                     f->neg_mass,
                     f->empathy_cue,
                     f->tonedeaf_cue,
                     f->have_but ? 1.0f : 0.0f,
                     f->n_excl > 0 ? 1.0f : 0.0f,
                     f->ends_question ? 1.0f : 0.0f,
                     (float)(n_tok < 40 ? n_tok : 40) / 20.0f,
                     out->empathy,
                     out->tone_deaf,
                     f->n_you > 0 ? 1.0f : 0.0f,
                     f->hard_times ? 1.0f : 0.0f,
                     cheer ? 1.0f : 0.0f,
                 });
}

int nlp_analyzer_analyze(nlp_analyzer *an, const char *text, size_t n_bytes, nlp_role role,
                         nlp_result *out)
{
    if (an == NULL || out == NULL || (text == NULL && n_bytes > 0)) {
        return RP_EINVAL;
    }
    assert(an->tag == NLP_ANALYZER_TAG);
    /* a copy of a zero result: vector moves, where memset of an unknown
     * alignment became "rep stos" and its start-up cost on every message */
    static const nlp_result zero_result;
    *out = zero_result;
    if (n_bytes > an->max_bytes) {
        out->truncated = true;
        n_bytes = an->max_bytes;
        /* back up to a UTF-8 boundary */
        while (n_bytes > 0 && ((unsigned char)text[n_bytes] & 0xC0) == 0x80) {
            n_bytes--;
        }
    }
    const unsigned char *s = (const unsigned char *)text;
    an->saw_digit = an->saw_at = an->saw_url = an->url_pass = false;
    an->saw_tags = 0;
    an->saw_root = 0;
    an->sarc_sum = 0;
    size_t n_tok = 0;
    if (n_bytes > 0) {
        /* a copy with zeros after it: the tokeniser reads 16 bytes at a time */
        memcpy(an->padded, s, n_bytes);
        memset(an->padded + n_bytes, 0, TOK_PAD);
        n_tok = tokenize(an, an->padded, n_bytes);
    }
    out->pii = redact(an, text, n_bytes, n_tok);
    match_phrases(an, n_tok, role == NLP_ROLE_AGENT);
    out->n_tokens = (uint32_t)n_tok;
    an->n_tokens = n_tok;

    const nlp_lexicon *lex = an->lex;
    bool mixed_case = false;
    int n_caps = 0;
    for (size_t i = 0; i < n_tok; i++) {
        if (an->tokens[i].flags & TOK_HAS_LOWER) {
            mixed_case = true;
            break;
        }
        n_caps += (an->tokens[i].flags & TOK_CAPS) != 0;
    }
    if (!mixed_case && n_caps >= SHOUT_MIN_WORDS) {
        mixed_case = true; /* a message all in capitals is shouted: "WHY IS NOBODY ANSWERING" */
    }
    int names_stand_out = -1; /* names_stand_out(), counted when first needed */

    float sum_before = 0.0f; /* valence before the last "but" */
    float sum = 0.0f;        /* valence since then */
    float pos_mass = 0.0f, neg_mass = 0.0f, hostile_mass = 0.0f;
    float ack_mass = 0.0f; /* the part of pos_mass from acknowledgements (see ACK_MAX_V) */
    float emo[NLP_EMO_COUNT] = {0};
    float cue[NLP_LEX_N_SCORES] = {0};
    float esc[NLP_ESC_COUNT] = {0};
    float esc_valence = 0.0f;
    float ackn_neg = 0.0f; /* negative valence from named feelings ("frustrating") */
    int neg_left = 0;      /* content tokens still inside a negation */
    int deny_left = 0;     /* ... inside a phrase's denial of praise (NLP_LEX2_DENY) */
    /* the emotions (bit k: nlp_emotion k) of praise a phrase's denial turned
     * round ("you didn't even say thank you"; not those a negator turned:
     * "yeah no that's brilliant thank you", "can't thank your team enough",
     * where the emotion models rightly read thanks) */
    unsigned denied_emo = 0;
    /* the message ends in a question when its last clause end is a '?' */
    bool ends_question = false;
    for (size_t i = n_tok; i-- > 0;) {
        if (an->tokens[i].flags & TOK_CLAUSE_END) {
            ends_question = an->tokens[i].quest > 0;
            break;
        }
    }
    /* the message stops with no mark, as chat turns and transcripts do */
    bool unmarked_end = n_tok > 0 && !(an->tokens[n_tok - 1].flags & TOK_CLAUSE_END);
    /* the praise of the sentence so far and of the one before it (denies()) */
    float sent_pos = 0.0f, prev_sent_pos = 0.0f;
    long last_negator = -100; /* the last negator's token */
    /* inside the rest of a question's sentence after "if": a fault there is asked
     * about, not reported ("if my order is late can I get a refund?") */
    bool cond = false;
    bool asks_hypothetical = false;     /* some sentence of the question had such a clause */
    bool asks_pause = false;            /* "one moment", "let me check" */
    float expl_v = 0.0f;                /* valence of an expletive opening the message ... */
    const nlp_lex_entry *expl_e = NULL; /* ... its entry (shared by words of equal values) ... */
    long expl_pos = -1;                 /* ... its token ... */
    float expl_emo_gain = 0.0f;         /* ... and the gain its emotions were added with */
    /* what the phrases that tell others (public escalations) added, judged
     * once the rest of the message is known ... */
    phrase_share pub = {0};
    /* praise beside what it praises ("great service", "your staff were
     * brilliant"): the last praise word, and whether one stood within
     * PRAISE_REACH tokens of a service word (ts.object) */
    long last_praise = -100;
    bool praise_service = false;
    int rev_left = 0; /* content tokens still inside a reverser's object */
    float neg_own_v = 0.0f, rev_own_v = 0.0f;
    float boost = 0.0f;
    /* an intensifier with a valence of its own ("super", "damn", "terribly"):
     * its valence, emotions and hostility, taken back if it boosts the next
     * valenced word ("super dumb", "damn good", "terribly sorry") */
    float int_own_v = 0.0f, int_hostile = 0.0f, int_emo_gain = 0.0f;
    const nlp_lex_entry *int_e = NULL;
    long int_pos = -1;
    int boost_left = 0;
    float clause_weight = 1.0f; /* < 1 inside an "although" clause */
    bool have_but = false;
    bool excess_next = false; /* the previous token was "too" */
    long last_first = -100;   /* a first-person word ("I", "we", "my") */
    /* the repeat-contact and public pairs (NLP_WORD2_*) */
    long last_contact = -100, last_again = -100, last_share = -100, last_audience = -100;
    long last_intent = -100, last_promise = -100;
    /* the last contact was a telling ("I told them"): a "still" after it is
     * what was said ("I told them it was still not right"), not what came of
     * it ("I told you about the first one and nothing happened") */
    bool contact_told = false;
    bool repeat_pair = false, public_pair = false;
    unsigned told_anywhere = 0; /* 1: an audience, 2: a telling word, 4: an intent */
    long last_hreq_verb = -100, last_hreq_obj = -100, last_cancel_verb = -100;
    bool hreq_obj_anyone = false; /* the last person named is anyone at all (ANYONE) */
    bool bot_named = false;       /* the automated service (BOT_CUE_W) ... */
    bool legal_named = false;     /* a legal word, or one of LEGAL_CUE_W */
    bool legal_meant = false;     /* ... a legal threat just after "will", "gonna", ... */
    bool esc_denied = false;      /* a phrase of ESC_DENIED_W */
    uint32_t pair_flags = 0;      /* ESC_PAIR_FLAGS of the words read */
    bool saw_negator = false;     /* ... and a negator not answering ("not", "no more") */
    long last_cancel_obj = -100, last_formal_verb = -100, last_formal_obj = -100;
    bool formal_obj_claim = false; /* the last formal object is "claim" */
    long last_order_obj = -100, last_pos_frame = -100, last_block = -100;
    long last_expect = -100, last_you = -100;
    long last_thanks = -100;  /* "thanks", "grateful": what follows is what is thanked for */
    long thanks_fault = -100; /* a fault thanked for, until praise follows in its sentence */
    bool thanks_then_fault = false;
    bool mismatch = false, self_caused = false;
    uint32_t why = 0; /* NLP_WHY_* of the rules that added evidence */
    closer_marks closer = {{0}, {0}, 0, 0.0f, 0.0f};
    int n_content = 0;       /* tokens that are words, phrases or faces */
    long last_sentence = 0;  /* where the sentence before ts.sentence started */
    uint32_t lone_flags = 0; /* the flags of the last word with an entry */
    long last_end = -10;     /* the last token that ended a clause */
    int end_run = 0;         /* clause ends on consecutive tokens, up to last_end */
    bool end_run3 = false;   /* three of them in a row somewhere */
    bool cancel_verb_negated = false, hreq_negated = false, want_negated = false;
    long last_want = -100;
    int n_excl = 0, n_quest = 0, n_caps_neg = 0, n_bad_situation = 0;
    /* a fault after a praise frame in its sentence ("love how my internet
     * drops"), unless a word of relief follows it there ("love that the outage
     * is fixed") */
    long frame_fault = -100;
    bool pos_frame_then_neg = false;
    /* the open negation has negated a word; its negator names an absence
     * ("no", "never", "without", "zero", "don't"; not "not") */
    bool neg_found = false, neg_absence = false;
    /* a smiling or loving face (joy >= WARM_FACE_JOY): the praise beside a
     * fault is meant ("I love how many penguins stopped and waited 😍") */
    bool warm_face = false;
    /* a message that opens with bare praise set off by a comma or a stop
     * ("brilliant, the app crashed again"): the praise is sarcastic when what
     * follows, to the end of its sentence (after a comma) or of the next one
     * (after a stop: "perfect. locked out again."), is only a fault or negative */
    bool opener = false;
    int opener_left = 0; /* clause ends left in the opener's reach */
    int n_after_pos = 0;
    /* sincere praise after a mocking phrase ("oh brilliant that's great thanks
     * so much"): -1 before any mocking phrase */
    int n_pos_after_mock = -1;
    float after_neg = 0.0f;
    bool after_fault = false;
    int n_you = 0;
    float emp_at_but = 0.0f; /* empathy cues before the last "but" */
    int n_valenced = 0;      /* tokens that added valence */
    topic_state ts = {.sentence = 0,
                      .kin = -100,
                      .death = -100,
                      .bill_obj = -100,
                      .bill_mod = -100,
                      .object = -100};

    for (size_t i = 0; i < n_tok; i++) {
        const token *t = &an->tokens[i];
        n_excl += t->excl;
        n_quest += t->quest;
        long pos = (long)i;
        if (t->word_tags2 & PAIR2_TAGS) { /* few words carry one */
            /* a contact made before now ("I've emailed you twice", "we spoke on
             * Monday", "I was told ... nothing") and a story the customer means
             * to tell others ("I'll be posting this on Facebook", "I'm going to
             * warn everyone"): each a pair of words in one sentence, whatever
             * the words between. The contact words and the intent count inside
             * a phrase too ("I was told", "I will" are phrases); the telling
             * words and the audience only outside one (a phrase may say what
             * they are not: "tell all my friends about the referral code") */
            unsigned w2 = t->word_tags2;
            if (t->flags & TOK_CONSUMED) {
                w2 &= ~(unsigned)(NLP_WORD2_SHARE | NLP_WORD2_AUDIENCE);
            }
            if (w2 & NLP_WORD2_INTENT) {
                last_intent = pos;
            }
            if ((w2 & NLP_WORD2_CONTACT) && neg_left == 0 && !cond &&
                pos - last_first <= CONTACT_SUBJECT_REACH) {
                last_contact = pos; /* the customer's own: "I called", "we've emailed" */
                contact_told = (w2 & NLP_WORD2_PROMISE) != 0;
            }
            if (w2 & NLP_WORD2_AGAIN) {
                last_again = pos;
            }
            if ((w2 & NLP_WORD2_SHARE) && neg_left == 0 && !cond &&
                pos - last_intent <= INTENT_REACH) {
                last_share = pos;
            }
            if (w2 & NLP_WORD2_AUDIENCE) {
                last_audience = pos;
            }
            unsigned told = ((w2 & NLP_WORD2_AUDIENCE) ? 1u : 0u) |
                            ((w2 & NLP_WORD2_SHARE) ? 2u : 0u) |
                            ((w2 & NLP_WORD2_INTENT) ? 4u : 0u);
            if ((told & ~told_anywhere) && !word_in(t->word_id, an->told_not, N_TOLD_NOT)) {
                told_anywhere |= told; /* the list is read only for a part not yet seen */
            }
            if ((w2 & NLP_WORD2_PROMISE) && !cond && i > 0 &&
                words_before(an, i, PROMISER_REACH, an->promisers, N_PROMISERS)) {
                /* "I was told", "they promised", "the agent I had on Thursday
                 * said"; not "I told them" */
                last_promise = pos;
            }
            if ((w2 & NLP_WORD2_UNMET) && !after_if(an, i) &&
                (pos - last_promise <= PROMISE_REACH ||
                 (pos - last_contact <= PROMISE_REACH &&
                  !(contact_told && t->word_id == an->still_word)))) {
                /* a promise made on a contact before, or a contact the customer
                 * made, and nothing came of it: "I was told to wait 5 working
                 * days. I waited. Nothing.", "I emailed you and nobody replied",
                 * "I called yesterday and it's still not fixed" */
                repeat_pair = true;
            }
            repeat_pair =
                repeat_pair || (last_contact >= ts.sentence && last_again >= ts.sentence &&
                                labs(last_contact - last_again) <= CONTACT_AGAIN_REACH);
            /* the audience told after the telling word ("I'll post this on
             * Facebook") or named before it in the sentence ("I run a forum with
             * 20k members and I'll be sharing how you treated me") */
            public_pair = public_pair ||
                          (last_share >= ts.sentence && last_audience > last_share &&
                           last_audience - last_share <= PAIR_WINDOW) ||
                          (last_share == pos && last_audience >= ts.sentence &&
                           pos - last_audience <= 2 * PAIR_WINDOW);
        }
        if (t->flags & TOK_CONSUMED) {
            continue;
        }
        n_content++;
        bool end_clause = (t->flags & TOK_CLAUSE_END) != 0;
        if (t->word_tags & RULE_TAGS) { /* few words carry one */
            if (t->word_tags & NLP_WORD_BLOCK) {
                last_block = pos; /* "close my old account": the old one, not the customer's */
            }
            if (t->word_tags & NLP_WORD_THANKS) {
                /* gratitude for something: "thanks for", "thank you for", "grateful
                 * to" (the next word is a function word), not "thank god" */
                size_t k = after_phrase(an, i, n_tok);
                if (k + 1 < n_tok && an->tokens[k].word_id < 0) {
                    k++; /* one name between: "thanks @comcast for cutting the internet" */
                }
                if (k < n_tok && (an->tokens[k].word_tags & NLP_WORD_TRAIL)) {
                    last_thanks = pos;
                }
            }
            if (t->word_tags & NLP_WORD_EXPECT) {
                last_expect = pos;
            } else if ((t->word_tags & NLP_WORD_RECEIVE) && i > 0 &&
                       pos - last_expect <= MISMATCH_WINDOW &&
                       opens_clause(an, &an->tokens[i - 1]) &&
                       !receives_what_was_asked(an, i, n_tok)) {
                /* "ordered a large, got a small", "asked for oat milk and got
                 * regular": what came is not what was asked for ("ordered on
                 * monday and got it today" names what was asked) */
                mismatch = true;
                why |= NLP_WHY_MISMATCH;
            }
        }
        if (excess_next) {
            /* "too long", "too much": an excess of something that is not
             * praise is a fault ("too good" stays praise, "too bad" is
             * already negative and only intensified) */
            excess_next = false;
            float next_v = t->entry >= 0 ? lex->entries[t->entry].valence : 0.0f;
            /* a function word after "too" is no excess: "in-store too or online?" */
            if (next_v >= 0.0f && next_v <= EXCESS_MAX_PRAISE && !(t->word_tags & NLP_WORD_TRAIL)) {
                float v = EXCESS_VALENCE * clause_weight;
                if (neg_left > 0) {
                    v *= -0.35f; /* "not too long" is mildly good */
                }
                sum += v;
                neg_mass -= v < 0.0f ? v : 0.0f;
            }
        }
        if (t->entry >= 0 && UNLIKELY(lex->entries[t->entry].esc_type == NLP_ESC_CANCEL) &&
            (kept_move(an, i, n_tok) || cancel_kept(an, n_tok))) {
            an->tokens[i].entry = -1; /* see MOVE_WORDS and MISTAKE_WORDS */
        }
        if (t->entry < 0) {
            deny_left -= deny_left > 0;
            if (neg_left > 0) {
                /* "and" after the word an absence negated starts a new item: "no
                 * leaks and great flavour", "never late and always friendly" (a
                 * negator with nothing negated yet goes on, and so does "not":
                 * "not fast and reliable") */
                if (neg_found && t->word_id == an->and_word && neg_absence) {
                    neg_left = 0;
                } else if (!(neg_found && t->word_id == an->or_word)) {
                    neg_left--; /* "or" carries a negation on: "didn't get hurt or killed" */
                }
            }
            if (rev_left > 0) {
                rev_left--;
            }
            if (boost_left > 0 && --boost_left == 0) {
                boost = 0.0f;
                int_own_v = 0.0f; /* it found no word: "super!" keeps its praise */
            }
        } else {
            const nlp_lex_entry *e = &lex->entries[t->entry];
            uint32_t f = e->flags;
            lone_flags = f;
            phrase_share *share = e->esc_type == NLP_ESC_PUBLIC ? &pub : NULL;
            if (neg_found && (f & (NLP_LEX_FIRST_PERSON | NLP_LEX_YOU))) {
                /* a person after the negated word starts a new clause, which
                 * speech transcripts do without a comma: "not bad i love it",
                 * "isn't sorted by friday i'm taking my business elsewhere" */
                neg_left = 0;
            }
            bool negated = neg_left > 0;
            bool denied = deny_left > 0 && !(e->flags2 & NLP_LEX2_DENY);
            bool reversed = rev_left > 0;
            if (f & NLP_LEX_NEG) {
                last_negator = pos; /* for denies() */
            }
            if ((f & NLP_LEX_NEG) && !answer_no(an, i, n_tok, ts.sentence)) {
                saw_negator = true;
                neg_left = NEGATION_SCOPE + 1;
                neg_found = false;
                neg_absence = e->valence < 0.0f;
            }
            if (f & NLP_LEX_REVERSER) {
                rev_left = NEGATION_SCOPE + 2;
            }
            if (e->flags2 & NLP_LEX2_DENY) {
                deny_left = NEGATION_SCOPE + 1;
            }
            if ((f & NLP_LEX_INT) && e->valence == 0.0f) {
                boost += e->mod;
                boost_left = 2;
            }
            if (f & NLP_LEX_DAMP) {
                boost -= e->mod;
                boost_left = 2;
            }
            if (f & NLP_LEX_BUT) {
                sum_before += sum;
                sum = 0.0f;
                have_but = true;
                /* a frame's praise conceded is meant: "love how the new app
                 * looks, but it keeps crashing" */
                last_pos_frame = -100;
                emp_at_but = cue[NLP_LEX_EMPATHY];
            }
            if (f & NLP_LEX_ALTHOUGH) {
                clause_weight = 0.5f;
            }
            if ((f & NLP_LEX_EXCESS) && !(t->flags & (TOK_CLAUSE_END | TOK_COMMA))) {
                excess_next = true; /* "me too." and "you too, ..." name no excess */
            }
            if (f & NLP_LEX_FIRST_PERSON) {
                last_first = pos;
            }
            if (f & NLP_LEX_YOU) {
                n_you++;
                last_you = pos;
            }
            if ((f & NLP_LEX_SELF) && pos - last_you > 2) {
                self_caused = true; /* "I lost my card", not "you lost my card" */
            }
            float v = e->valence;
            float gain = 1.0f;
            if (v != 0.0f && int_own_v != 0.0f && (v > 0.0f) != (int_own_v > 0.0f)) {
                /* the valenced intensifier before this word was only emphasis
                 * (of the same sign, "fucking awful", it keeps its own anger) */
                sum -= int_own_v;
                if (int_own_v > 0.0f) {
                    pos_mass -= int_own_v;
                } else {
                    neg_mass += int_own_v;
                    hostile_mass -= int_hostile;
                }
                n_valenced--;
                for (int k = 0; k < NLP_EMO_COUNT; k++) {
                    emo[k] -= int_e->emo[k] * int_emo_gain;
                }
                int_own_v = 0.0f;
            }
            if (v != 0.0f) {
                gain += boost;
                if ((t->flags & TOK_CAPS) && mixed_case) {
                    gain += 0.35f;
                }
                if (t->flags & TOK_ELONG) {
                    gain += 0.15f;
                }
                if (gain < 0.2f) {
                    gain = 0.2f;
                }
                if ((t->flags & TOK_TITLE) && pos > ts.sentence &&
                    ((i > 0 && (an->tokens[i - 1].flags & TOK_TITLE)) ||
                     (i + 1 < n_tok && (an->tokens[i + 1].flags & TOK_TITLE)))) {
                    if (names_stand_out < 0) {
                        names_stand_out = names_stand_out_in(an->tokens, n_tok);
                    }
                    if (names_stand_out) {
                        gain *=
                            NAME_GAIN; /* a word of a name: "Super Bowl", "Dangerous Woman tour" */
                    }
                }
                v *= gain;
                if (negated) {
                    /* "not good" is bad; "not bad" is only mildly good (x-0.2,
                     * chosen on the vader sets and goemotions) */
                    v *= v > 0.0f ? -0.6f : -0.2f;
                    /* the negator's own valence ("no") was only a guess at what it negates */
                    sum -= neg_own_v;
                    neg_own_v = 0.0f;
                    neg_found = true;
                    why |= NLP_WHY_NEGATION;
                } else if (denied && v > 0.0f) {
                    /* praise a phrase's negator denies, as "not" would: "you
                     * didn't honour the discount"; a fault after it stays one
                     * ("you didn't fix it") */
                    v *= -0.6f;
                    denied_emo |= emo_bits(e);
                    why |= NLP_WHY_NEGATION;
                } else if (reversed && v < 0.0f && !(f & NLP_LEX_REVERSER)) {
                    v *= -0.4f; /* "reduce the risk of cancer", "prevent fraud" */
                    sum -= rev_own_v;
                    rev_own_v = 0.0f;
                }
                v *= clause_weight;
                if ((f & NLP_LEX_ACKN) && v < 0.0f) {
                    ackn_neg += v;
                }
                if (v > 0.0f) {
                    bool mocking = e->scores[NLP_LEX_SARCASM] > 0.0f;
                    n_pos_after_mock += n_pos_after_mock >= 0 && !mocking;
                    n_pos_after_mock = mocking && n_pos_after_mock < 0 ? 0 : n_pos_after_mock;
                }
                if (opener_left > 0) {
                    /* a mocking phrase is no sincere praise, and the opener
                     * reaches a clause further: "Great, just great. Now the
                     * app won't even open." */
                    bool mock = v > 0.0f && e->scores[NLP_LEX_SARCASM] > 0.0f;
                    n_after_pos += v > 0.0f && !mock;
                    opener_left += mock && (t->flags & TOK_CLAUSE_END) && opener_left < 2;
                    after_neg -= v < 0.0f ? v : 0.0f;
                } else if ((f & NLP_LEX_INTERJ) && !opener && n_valenced == 0 && pos <= 1 &&
                           v > 0.0f && (t->flags & (TOK_COMMA | TOK_CLAUSE_END)) && t->excl == 0) {
                    /* "great, ..." or "perfect. ..."; not "Excellent! ...", cheer */
                    opener = true;
                    opener_left = end_clause ? 2 : 1;
                }
                if ((f & NLP_LEX_EXPL) && n_valenced == 0 && pos <= 1 && v < 0.0f &&
                    (t->flags & (TOK_COMMA | TOK_CLAUSE_END))) {
                    expl_v = v; /* "damn, ...": judged once the rest of the message is known */
                    expl_e = e;
                    expl_pos = pos;
                }
                sum += v;
                n_valenced++;
                if (share != NULL) {
                    share->pos += v > 0.0f ? v : 0.0f;
                    share->neg -= v < 0.0f ? v : 0.0f;
                    share->hostile += v < 0.0f ? hostile_share(e, v) : 0.0f;
                    share->n_valenced++;
                }
                if (f & NLP_LEX_NEG) {
                    neg_own_v = v;
                }
                if (f & NLP_LEX_REVERSER) {
                    rev_own_v = v;
                }
                if (v > 0.0f) {
                    pos_mass += v;
                    sent_pos += v;
                    ack_mass += v < ACK_MAX_V ? v : 0.0f;
                    if (v >= PRAISE_MIN_V) {
                        last_praise = pos;
                        praise_service = praise_service || pos - ts.object <= PRAISE_REACH;
                    }
                    if (pos != last_thanks) {
                        last_thanks = -100;  /* "thanks for the quick fix to the outage" */
                        thanks_fault = -100; /* "thanks for the warning :)" */
                    }
                    if (t->word_tags & NLP_WORD_RELIEF) {
                        frame_fault = -100; /* put right: "love that the outage is fixed" */
                    }
                } else {
                    neg_mass -= v;
                    hostile_mass += hostile_share(e, v);
                    if (pos - last_pos_frame <= 10 && v <= -0.9f &&
                        !put_right_after(an, last_pos_frame, n_tok)) {
                        frame_fault = pos;
                    }
                    if (v <= -0.9f && pos - last_thanks <= THANKS_REACH && pos != last_thanks &&
                        !put_right_after(an, last_thanks, n_tok)) {
                        thanks_fault = pos; /* not "thanks for fixing the leak" */
                    }
                    if ((t->flags & TOK_CAPS) && mixed_case) {
                        n_caps_neg++;
                    }
                }
                boost = 0.0f;
                boost_left = 0;
                if (f & NLP_LEX_INT) {
                    boost = e->mod; /* it boosts the next valenced word ... */
                    boost_left = 2;
                    int_own_v = v; /* ... and then counts for nothing itself */
                    int_e = e;
                    int_pos = pos;
                    int_emo_gain = 0.0f;
                    int_hostile = hostile_share(e, v);
                }
            }
            if (f & NLP_LEX_AFFECT) { /* some emotion or cue weight to accumulate */
                warm_face =
                    warm_face || ((t->flags & TOK_EMOJI) && e->emo[NLP_EMO_JOY] >= WARM_FACE_JOY);
                float emo_gain = negated || (denied && e->valence > 0.0f) ? 0.15f : 1.0f;
                if ((t->flags & TOK_CAPS) && mixed_case) {
                    emo_gain *= 1.3f;
                }
                for (int k = 0; k < NLP_EMO_COUNT; k++) {
                    emo[k] += e->emo[k] * emo_gain;
                }
                if (share != NULL) {
                    for (int k = 0; k < NLP_EMO_COUNT; k++) {
                        share->emo[k] += e->emo[k] * emo_gain;
                    }
                }
                if (pos == expl_pos) {
                    expl_emo_gain = emo_gain;
                }
                if (pos == int_pos) {
                    int_emo_gain = emo_gain;
                }
                /* a negated cue counts 30 %, empathy and tone-deaf cues in full;
                 * a gain per cue keeps the loop free of branches (x 1.0f is exact) */
                float cue_gain = negated ? 0.3f : 1.0f;
                float fault_gain = cond ? 0.0f : cue_gain; /* asked about, not reported */
                const float gains[NLP_LEX_N_SCORES] = {
                    [NLP_LEX_COMPLAINT] = fault_gain, [NLP_LEX_SARCASM] = cue_gain,
                    [NLP_LEX_EMPATHY] = 1.0f,         [NLP_LEX_TONEDEAF] = 1.0f,
                    [NLP_LEX_SERVICE] = cue_gain,     [NLP_LEX_PROBLEM] = fault_gain};

                for (int k = 0; k < NLP_LEX_N_SCORES; k++) {
                    cue[k] += e->scores[k] * gains[k];
                }
                if (share != NULL) {
                    for (int k = 0; k < NLP_LEX_N_SCORES; k++) {
                        share->cue[k] += e->scores[k] * gains[k];
                    }
                }
                if (e->scores[NLP_LEX_SERVICE] > 0.0f) {
                    name_object(&ts, pos, last_praise, &praise_service);
                }
            }
            if (f & TOPIC_FLAGS) { /* sensitive topics: few words take part */
                topic_token(&ts, e, pos, negated);
            }
            /* a cue weight needs NLP_LEX_AFFECT: most words stay on their entry's first line */
            bool fault = (f & NLP_LEX_AFFECT) && e->scores[NLP_LEX_PROBLEM] > 0.0f;
            if ((f & NLP_LEX_NEG_SITUATION) && reversed && !(f & NLP_LEX_REVERSER)) {
                /* a bad situation avoided is good news, and the avoiding word's
                 * own valence was a guess: "avoided the traffic" */
                sum -= rev_own_v;
                rev_own_v = 0.0f;
            } else if (((f & NLP_LEX_NEG_SITUATION) || fault) && !negated) {
                /* a negated fault is good news: "love the update, no more crashes" */
                if (pos - last_pos_frame <= 10 && !put_right_after(an, last_pos_frame, n_tok)) {
                    frame_fault = pos;
                }
                if (pos - last_thanks <= THANKS_REACH && pos != last_thanks &&
                    !put_right_after(an, last_thanks, n_tok)) {
                    thanks_fault = pos;
                }
                after_fault = after_fault || opener_left > 0; /* a fault or a bad situation */
                n_bad_situation++;
            }
            if (f & NLP_LEX_POS_FRAME) {
                last_pos_frame = pos;
            }
            if (f & (NLP_LEX_COND | NLP_LEX_PAUSE)) { /* few words: out of the common path */
                /* "If my order is late, ...?", "What if it's lost?": the condition opens
                 * its sentence ("why give us X if you kill our data?" is rhetoric); it
                 * reaches the words after it (this word's own cues were counted above) */
                if ((f & NLP_LEX_COND) && ends_question &&
                    (pos - ts.sentence <= 1 || asks_yes_no(an, ts.sentence, pos))) {
                    cond = true;
                    asks_hypothetical = true;
                } else if ((f & NLP_LEX_COND) && unmarked_end &&
                           (pos - ts.sentence <= 1 ? question_ahead(an, i, n_tok)
                                                   : asks_yes_no(an, ts.sentence, pos))) {
                    /* the same question typed or spoken without its "?": "if the
                     * sync fails overnight will it retry automatically", "will i
                     * lose my watchlist if i change plan" (a threat asks
                     * nothing: "if you try to charge me i'll be on to trading
                     * standards") */
                    cond = true;
                    asks_hypothetical = true;
                } else if ((f & NLP_LEX_COND) && i + 1 < n_tok &&
                           (an->tokens[i + 1].flags & TOK_CONSUMED)) {
                    /* a phrase asks about a hypothetical wherever it stands and
                     * with or without a question mark, which speech transcripts
                     * lack ("hi um yeah so what happens if uh the engineer can't
                     * get in", "... asking for future reference") */
                    cond = true;
                    asks_hypothetical = true;
                }
                asks_pause |= (f & NLP_LEX_PAUSE) != 0 && !negated;
            }
            if (e->esc_type != NLP_ESC_NONE && e->esc_type < NLP_ESC_COUNT) {
                esc_denied |= e->esc_weight == ESC_DENIED_W;
                legal_named |= e->esc_type == NLP_ESC_LEGAL && e->esc_weight != ESC_DENIED_W;
                /* "I will get my lawyer on this": intended, never taken back */
                legal_meant |= e->esc_type == NLP_ESC_LEGAL && e->esc_weight >= 0.5f &&
                               pos - last_intent <= INTENT_REACH;
                if (e->esc_type == NLP_ESC_HUMAN_REQUEST && e->esc_weight == BOT_CUE_W) {
                    bot_named = true; /* negated or not: "no more bots"; no request alone */
                } else if (!negated && e->esc_weight != LEGAL_CUE_W &&
                           e->esc_weight != ESC_DENIED_W) {
                    float *slot = &esc[e->esc_type];
                    *slot = *slot + e->esc_weight * (1.0f - *slot);
                    if (share != NULL) {
                        share->n++;
                    }
                }
            }
            /* escalation pairs: a verb and its object within PAIR_WINDOW tokens */
            if (f & ESC_PAIR_FLAGS) { /* most words take no part in a pair */
                pair_flags |= f;
                if (f & NLP_LEX_HREQ_VERB) {
                    /* the window opens at the phrase's last word ("how can i
                     * speak | to an actual agent") */
                    size_t end = i;
                    while (end + 1 < n_tok && (an->tokens[end + 1].flags & TOK_CONSUMED)) {
                        end++;
                    }
                    if (!negated && !hreq_obj_anyone && pos - last_hreq_obj <= PAIR_WINDOW &&
                        last_hreq_obj >= ts.sentence && last_hreq_obj < pos &&
                        asks_back(an, i, end)) {
                        /* the person first, then the call asked for: "could
                         * someone from the fraud team ring me back", "can the
                         * store manager give me a ring" */
                        esc[NLP_ESC_HUMAN_REQUEST] =
                            max_f(esc[NLP_ESC_HUMAN_REQUEST], CALLBACK_ESC);
                        why |= NLP_WHY_ESC_PAIR;
                    }
                    last_hreq_verb = (long)end;
                    hreq_negated = negated;
                }
                if (f & NLP_LEX_HREQ_OBJ) {
                    last_hreq_obj = pos;
                    /* "someone" alone, not "someone from the fraud team" */
                    hreq_obj_anyone = word_in(t->word_id, an->anyone, N_ANYONE) &&
                                      !(i + 1 < n_tok && (an->tokens[i + 1].flags & TOK_CONSUMED));
                    if (pos - last_hreq_verb <= PAIR_WINDOW) {
                        /* the request is whole: what follows is told, not asked
                         * ("can i talk to an actual human the app logs me out") */
                        cond = false;
                    }
                }
                if (f & NLP_LEX_CANCEL_VERB) {
                    last_cancel_verb = pos;
                    cancel_verb_negated = negated;
                    /* after an order or a booking named, a bare cancel is of
                     * that ("I booked this holiday for my mum ... I'd like to
                     * cancel, please") */
                    if (!negated && !cond && last_order_obj < 0 && last_expect < 0 &&
                        bare_cancel(an, i, n_tok,
                                    pos - last_want <= BARE_CANCEL_REACH && !want_negated)) {
                        esc[NLP_ESC_CANCEL] = max_f(esc[NLP_ESC_CANCEL], BARE_CANCEL_ESC);
                        why |= NLP_WHY_ESC_PAIR;
                    }
                }
                if (f & NLP_LEX_CANCEL_OBJ) {
                    last_cancel_obj = pos;
                    name_object(&ts, pos, last_praise, &praise_service);
                }
                if (f & NLP_LEX_ORDER_OBJ) {
                    last_order_obj = pos;
                    name_object(&ts, pos, last_praise, &praise_service);
                }
                if (f & NLP_LEX_FORMAL_VERB) {
                    last_formal_verb = pos;
                }
                if (f & NLP_LEX_FORMAL_OBJ) {
                    last_formal_obj = pos;
                    formal_obj_claim = word_in(t->word_id, an->claim_words, 2);
                }
                if ((f & (NLP_LEX_HREQ_VERB | NLP_LEX_HREQ_OBJ)) && !hreq_negated &&
                    last_hreq_obj >= last_hreq_verb &&
                    last_hreq_obj - last_hreq_verb <= PAIR_WINDOW) {
                    esc[NLP_ESC_HUMAN_REQUEST] = max_f(esc[NLP_ESC_HUMAN_REQUEST], 0.9f);
                    why |= NLP_WHY_ESC_PAIR;
                }
                if (f & NLP_LEX_WANT) {
                    last_want = pos;
                    want_negated = negated;
                }
                if ((f & NLP_LEX_HREQ_STRONG) && !want_negated && pos - last_want <= 4) {
                    /* "I want a manager", "get me a human" */
                    esc[NLP_ESC_HUMAN_REQUEST] = max_f(esc[NLP_ESC_HUMAN_REQUEST], 0.85f);
                    why |= NLP_WHY_ESC_PAIR;
                }
                if ((f & (NLP_LEX_CANCEL_VERB | NLP_LEX_CANCEL_OBJ)) && !cancel_verb_negated &&
                    labs(last_cancel_obj - last_cancel_verb) <= PAIR_WINDOW &&
                    !(last_order_obj > last_cancel_verb && last_order_obj < last_cancel_obj) &&
                    !(last_block > last_cancel_verb && last_block < last_cancel_obj) &&
                    !(last_cancel_verb == pos && last_cancel_obj < pos &&
                      block_ahead(an, i, n_tok)) &&
                    !cancel_kept(an, n_tok)) {
                    esc[NLP_ESC_CANCEL] = max_f(esc[NLP_ESC_CANCEL], 0.85f);
                    why |= NLP_WHY_ESC_PAIR;
                }
                if ((f & (NLP_LEX_FORMAL_VERB | NLP_LEX_FORMAL_OBJ)) &&
                    labs(last_formal_obj - last_formal_verb) <= PAIR_WINDOW) {
                    if (!formal_obj_claim || !insurance_claim(an, n_tok, i)) {
                        esc[NLP_ESC_LEGAL] = max_f(esc[NLP_ESC_LEGAL], 0.8f);
                        why |= NLP_WHY_ESC_PAIR;
                    }
                }
            }
            if (neg_left > 0 && !(f & NLP_LEX_NEG)) {
                neg_left--;
            }
            deny_left -= deny_left > 0 && !(e->flags2 & NLP_LEX2_DENY);

            if (rev_left > 0 && !(f & NLP_LEX_REVERSER)) {
                rev_left--;
            }
        }
        if (cond && word_in(t->word_id, an->please_words, 3)) {
            /* a request ends at "please": "can i get a refund please the lid is cracked" */
            cond = false;
        }
        if (cond && (t->flags & TOK_COMMA)) {
            /* a help question's reach ends where a statement starts: "how do I
             * reset my router, it keeps dropping", and after a phrase: "I want
             * to ask about the late fee, I paid on time" */
            size_t k = after_phrase(an, i, n_tok);
            cond = !(k < n_tok &&
                     word_in(an->tokens[k].word_id, an->clause_subjects, N_CLAUSE_SUBJECTS));
        }
        /* the end of a sentence or a clause, after a word or a mark */
        if (end_clause) {
            neg_left = 0;
            rev_left = 0;
            cond = false;
            /* three tokens in a row that each end a clause: maybe staccato() */
            end_run = pos == last_end + 1 ? end_run + 1 : 1;
            last_end = pos;
            end_run3 |= end_run >= 3;
            if (int_own_v != 0.0f) { /* "super. the rest was bad": praise on its own */
                int_own_v = 0.0f;
                boost = 0.0f;
                boost_left = 0;
            }
            if (UNLIKELY(last_negator >= ts.sentence && prev_sent_pos > 0.0f) &&
                denies(an, ts.sentence, pos)) {
                deny_praise(prev_sent_pos, &sum, &pos_mass, &neg_mass);
                why |= NLP_WHY_DENIAL;
                sent_pos = 0.0f;
            }
            prev_sent_pos = sent_pos;
            sent_pos = 0.0f;
            last_pos_frame = -100;       /* a frame reaches to the end of its sentence */
            last_sentence = ts.sentence; /* the final sentence's start, if this ends it */
            ts.sentence = pos + 1;
            while ((size_t)ts.sentence < n_tok && (an->tokens[ts.sentence].flags & TOK_CONSUMED)) {
                ts.sentence++; /* past the rest of a phrase that ended the sentence */
            }
            opener_left -= opener_left > 0;
            closer_sentence_end(&closer, i + 1, pos_mass, neg_mass, n_bad_situation);
            thanks_then_fault = thanks_then_fault || thanks_fault >= 0;
            thanks_fault = -100;
            pos_frame_then_neg = pos_frame_then_neg || frame_fault >= 0;
            frame_fault = -100;
        }
        if (end_clause || (t->flags & TOK_COMMA)) {
            /* "although X, Y": the concession ends at the comma; so does a
             * negation ("not cheap, but good"; "no, it's great") */
            clause_weight = 1.0f;
            neg_left = 0;
            deny_left = 0;
            last_thanks = -100; /* "thanks for calling back, the router is still broken" */
        }
    }

    if (unmarked_end && last_negator >= ts.sentence && prev_sent_pos > 0.0f &&
        denies(an, ts.sentence, (long)n_tok - 1)) {
        deny_praise(prev_sent_pos, &sum, &pos_mass, &neg_mass); /* "... It hasn't" */
        why |= NLP_WHY_DENIAL;
    }
    /* a message that is only a person to reach ("agent", "representative",
     * "human?") or a complaint: the keyword requests of chat bots and phone
     * menus, said again, in several words or beside a "please" */
    if (n_content == 1 && (lone_flags & (NLP_LEX_HREQ_OBJ | NLP_LEX_HREQ_STRONG))) {
        esc[NLP_ESC_HUMAN_REQUEST] = max_f(esc[NLP_ESC_HUMAN_REQUEST], LONE_REQUEST);
        why |= NLP_WHY_ESC_KEYWORD;
    } else if (n_content == 1 && (lone_flags & NLP_LEX_FORMAL_OBJ)) {
        esc[NLP_ESC_LEGAL] = max_f(esc[NLP_ESC_LEGAL], LONE_REQUEST);
        why |= NLP_WHY_ESC_KEYWORD;
    } else {
        nlp_escalation_type k = n_content >= 2 && n_content <= KEYWORD_WORDS
                                    ? keyword_request(an, 0, n_tok)
                                    : NLP_ESC_NONE;
        if (k == NLP_ESC_NONE && n_tok >= 2 && (lone_flags & NLP_LEX_FORMAL_OBJ) &&
            an->tokens[n_tok - 1].entry >= 0 &&
            !word_in(an->tokens[n_tok - 1].word_id, an->claim_words, 2)) {
            /* ... a complaint also in a clause that ends the message, after
             * what it is about: "ur delivery sucks, complaint", "not a review,
             * a complaint" (not a person: "thanks, agent" names whom it thanks;
             * nor a claim: "my car was hit, claim" is an insurance claim) */
            size_t from = n_tok - 1;
            while (from > 0 && !(an->tokens[from - 1].flags & (TOK_COMMA | TOK_CLAUSE_END))) {
                from--;
            }
            k = from > 0 && keyword_request(an, from, n_tok) == NLP_ESC_LEGAL ? NLP_ESC_LEGAL
                                                                              : NLP_ESC_NONE;
        }
        if (k != NLP_ESC_NONE) {
            esc[k] = max_f(esc[k], LONE_REQUEST);
            why |= NLP_WHY_ESC_KEYWORD;
        }
    }
    if (n_content == 1 && neg_own_v < 0.0f && n_excl == 0 && n_tok > 0 &&
        an->tokens[n_tok - 1].word_id == an->no_word) {
        /* a bare "no" answers a question; what it would have negated is not
         * there, and neither is a grievance ("no" was a complaint of 0.62) */
        sum -= neg_own_v;
        neg_mass += neg_own_v;
        n_valenced--;
    }

    /* ---- escalation ---- */
    if (pub.n == 1 && !have_but && pos_mass >= PRAISE_PUBLIC_MIN &&
        neg_mass - pub.neg <= PRAISE_PUBLIC_NEG && n_bad_situation == 0 && !mismatch &&
        cue[NLP_LEX_PROBLEM] - pub.cue[NLP_LEX_PROBLEM] <= 0.0f &&
        cue[NLP_LEX_COMPLAINT] - pub.cue[NLP_LEX_COMPLAINT] <= PRAISE_PUBLIC_ADDRESS &&
        cue[NLP_LEX_SARCASM] == 0.0f && !opener &&
        (praise_service || (!ends_question && praises_you(an, n_tok)))) {
        /* telling others how good the service was is no threat: "will definitely
         * tell everyone about you guys, great service", "I'll tell all my
         * friends how brilliant your staff were" (praise and nothing negative
         * besides the phrase); the phrase and all it carried are taken back */
        esc[NLP_ESC_PUBLIC] = 0.0f;
        take_back(&pub, &sum, &pos_mass, &neg_mass, &hostile_mass, emo, cue, &n_valenced);
        why |= NLP_WHY_PUBLIC_PRAISE;
        /* the phrase was the only negative word, so any fault a frame or a
         * thanks was taken to praise was the phrase ("amazing service from
         * Priya today, will be telling all my friends") */
        frame_fault = thanks_fault = -100;
        pos_frame_then_neg = thanks_then_fault = false;
    }
    if (pos_mass - ack_mass <= neg_mass) {
        /* the pairs above and the bot cue add nothing to a message whose
         * praise outweighs its negative words (what its phrases give stays:
         * "the chatbot was brilliant, sorted without any fuss"); an
         * acknowledgement is no praise ("yeah so i've rung you twice", "ok
         * i've emailed three times") */
        if (bot_named && (saw_negator || neg_mass >= 0.5f || n_excl > 0) && !asks_hypothetical) {
            /* the automated service beside displeasure: the customer wants
             * a person ("please no more bots", "the bot keep sending same
             * link") */
            esc[NLP_ESC_HUMAN_REQUEST] = max_f(esc[NLP_ESC_HUMAN_REQUEST], BOT_REFUSED_ESC);
            why |= NLP_WHY_ESC_BOT;
        }
        if (repeat_pair) {
            esc[NLP_ESC_REPEAT_CONTACT] = max_f(esc[NLP_ESC_REPEAT_CONTACT], PAIR2_ESC);
            why |= NLP_WHY_ESC_REPEAT;
        }
        if (public_pair) {
            esc[NLP_ESC_PUBLIC] = max_f(esc[NLP_ESC_PUBLIC], PAIR2_ESC);
            why |= NLP_WHY_ESC_PUBLIC;
        }
    }
    if (told_anywhere == 7u && neg_mass > pos_mass && !ends_question) {
        esc[NLP_ESC_PUBLIC] = max_f(esc[NLP_ESC_PUBLIC], 0.7f);
        why |= NLP_WHY_ESC_PUBLIC;
    }
    if (esc[NLP_ESC_REPEAT_CONTACT] > 0.0f && pos_mass > neg_mass && cue[NLP_LEX_PROBLEM] == 0.0f &&
        n_bad_situation == 0 &&
        (emo[NLP_EMO_GRATITUDE] >= 0.5f || emo[NLP_EMO_JOY] >= 0.5f || tells_fix(an, n_tok))) {
        /* a contact before that ended well, thanked for or glad of: "I called
         * last week to upgrade and it's all done, thanks", "following up on my
         * complaint: I got your letter and I'm happy with the outcome", or
         * followed by a fix: "I called yesterday and the lady sorted it, just
         * checking it went through" */
        esc[NLP_ESC_REPEAT_CONTACT] *= 0.5f;
    }
    if (esc[NLP_ESC_CANCEL] >= WEAK_ESC_MIN && esc[NLP_ESC_CANCEL] < 0.5f &&
        ts.topic[NLP_TOPIC_CANCELLATION] >= 0.5f) {
        /* a weak cue of leaving beside a word of the leaving process:
         * "moving to EE, what's my account number for the port" */
        esc[NLP_ESC_CANCEL] = LEAVING_NAMED_ESC;
        why |= NLP_WHY_ESC_PAIR;
    }
    if (esc[NLP_ESC_CANCEL] > 0.0f && moving_home(an, n_tok)) {
        esc[NLP_ESC_CANCEL] = 0.0f; /* see KEEP_VERBS */
    }
    int best_esc = NLP_ESC_NONE;
    float esc_max = pick_escalation(esc, n_excl + n_caps_neg > 0, emo[NLP_EMO_ANGER], role,
                                    &best_esc, &esc_valence, out);

    /* ---- sensitive topic ---- */
    /* wanting to cancel or leave (the escalation rules) is the cancellation topic */
    float *topic = ts.topic;
    topic[NLP_TOPIC_CANCELLATION] = max_f(topic[NLP_TOPIC_CANCELLATION], esc[NLP_ESC_CANCEL]);
    if (topic[NLP_TOPIC_SAFETY] > SAFETY_JOKE &&
        any_token_in(an, n_tok, an->laugh_words, N_LAUGH_WORDS)) {
        topic[NLP_TOPIC_SAFETY] = SAFETY_JOKE;
    }
    if (topic[NLP_TOPIC_SAFETY] > SAFETY_PAST && told_as_past(an, n_tok)) {
        topic[NLP_TOPIC_SAFETY] = SAFETY_PAST;
    }
    {
        /* the more vulnerable topic wins a near tie: "my husband died, close his account";
         * a customer at risk wins any, and the score is then its own evidence */
        static const float bonus[NLP_TOPIC_COUNT] = {0.0f, 0.05f, 0.0f, 0.15f, 0.1f, 0.5f};
        float scale = role == NLP_ROLE_AGENT ? TOPIC_AGENT : 1.0f;
        float best = 0.0f, best_rank = 0.0f;
        int best_topic = NLP_TOPIC_NONE;
        for (int k = 1; k < NLP_TOPIC_COUNT; k++) {
            float sc = clamp01(topic[k]) * scale;
            best = max_f(best, sc);
            if (sc >= 0.5f && sc + bonus[k] > best_rank) {
                best_rank = sc + bonus[k];
                best_topic = k;
            }
        }
        out->sensitive = best_topic == NLP_TOPIC_SAFETY ? clamp01(topic[best_topic]) * scale : best;
        out->sensitive_topic = (nlp_topic)best_topic;
    }

    if (mismatch) {
        cue[NLP_LEX_PROBLEM] += MISMATCH_CUE;
        cue[NLP_LEX_COMPLAINT] += MISMATCH_CUE;
    }

    /* ---- sarcasm ---- */
    float sarc = cue[NLP_LEX_SARCASM];
    if (sarc > 0.0f && n_bad_situation == 0 && cue[NLP_LEX_COMPLAINT] == 0.0f &&
        cue[NLP_LEX_PROBLEM] == 0.0f && neg_mass == 0.0f) {
        /* a mocking phrase beside relief and nothing bad is meant: "oh great,
         * it works now!" (the mocking "oh great" alone stays sarcastic), and
         * so is one followed by two sincere praises: "oh brilliant that's
         * great thanks so much" ("oh great, thanks a lot" stays sarcastic) */
        if (n_pos_after_mock >= 2) {
            sarc = 0.0f;
        }
        for (size_t i = 0; i < n_tok && sarc > 0.0f; i++) {
            if ((an->tokens[i].word_tags & NLP_WORD_RELIEF) &&
                !(an->tokens[i].flags & TOK_CONSUMED)) {
                sarc = 0.0f;
                break;
            }
        }
    }
    if (n_tok >= 2 && an->tokens[n_tok - 1].word_id == an->not_word && an->not_word >= 0 &&
        !(an->tokens[n_tok - 1].flags & TOK_CONSUMED) && /* not "... or not" */
        (an->tokens[n_tok - 2].flags & (TOK_COMMA | TOK_CLAUSE_END)) && pos_mass > 0.0f) {
        /* praise taken back by a last "not" of its own: "so helpful, not" */
        sarc += 0.8f;
        why |= NLP_WHY_SARC_LAST_NOT;
    }
    if ((pos_frame_then_neg || frame_fault >= 0) && !warm_face) {
        sarc += 0.6f;
        why |= NLP_WHY_SARC_FRAME;
    }
    if (pos_mass > 1.5f && (n_bad_situation > 0 || cue[NLP_LEX_COMPLAINT] > 0.5f) && !have_but &&
        neg_mass < 0.5f * pos_mass && !warm_face) {
        /* strong praise for a bad situation, with nothing that says "but" or
         * gives the praise a real object: "great, stuck in traffic again" */
        bool elongated = false, relief = false;
        for (size_t i = 0; i < n_tok; i++) {
            elongated |= (an->tokens[i].flags & TOK_ELONG) != 0;
            relief |= (an->tokens[i].word_tags & NLP_WORD_RELIEF) != 0;
        }
        /* ... unless a relief word gives it one: "freezing today. glad the
         * heating's on", "stuck in traffic but luckily had snacks" */
        sarc += relief ? 0.0f : 0.45f + (elongated ? 0.15f : 0.0f);
        why |= relief ? 0u : NLP_WHY_SARC_PRAISE_BAD;
    }
    if (opener && n_after_pos == 0 && (after_fault || after_neg >= OPENER_MIN_NEG)) {
        sarc += 0.6f; /* "great, another outage"; "perfect. locked out again" */
        why |= NLP_WHY_SARC_OPENER;
    }
    if (n_bad_situation > 0 && !have_but && scare_quoted(an, s, n_bytes)) {
        /* "my \"hot\" meal arrived cold": a claim in scare quotes beside a fault */
        sarc += 0.6f;
        why |= NLP_WHY_SARC_QUOTES;
    }
    if ((thanks_then_fault || thanks_fault >= 0) && !have_but) {
        sarc += 0.6f; /* "thanks for the 3 hour delay": the thanks is for a fault */
        why |= NLP_WHY_SARC_THANKS;
    }
    /* an opening expletive is emphasis, not a grievance: "Damn. That is a great idea." */
    if (closer_mocks(an, &closer, n_tok, pos_mass, neg_mass, expl_e != NULL ? -expl_v : 0.0f) &&
        !have_but && out->sensitive < 0.5f) {
        sarc += 0.6f; /* "the fire alarm went off again at 3am. very reassuring" */
        why |= NLP_WHY_SARC_CLOSER;
    }
    why |= cue[NLP_LEX_SARCASM] > 0.0f && sarc > 0.0f ? NLP_WHY_SARC_PHRASE : 0u;
    out->sarcasm = squash(sarc * 1.2f);
    /* the model reads what the rules could not: mock praise with no frame
     * ("Exceptional service as ever. My application has been with the
     * underwriters for 11 weeks"). It decides only praise the rules leave
     * sincere, and not with the marks of sincere praise the rules also read:
     * "!" (cheer, as for openers: "bargain!"), thanks among the last
     * SARC_THANKS_TAIL tokens ("..., I appreciate it"), a word that puts a
     * fault right. On the development sets these veto 10, 5 and a few of the
     * 557 sarcastic messages it may read, and 37, 37 and many of 608 sincere.
     * Worked out for every message, without branches, then one rare branch. */
    const float sarc_in[NLP_MODEL_DENSE] = {
        pos_mass,
        neg_mass,
        (float)(n_bad_situation < 3 ? n_bad_situation : 3),
        cue[NLP_LEX_COMPLAINT],
        cue[NLP_LEX_PROBLEM],
        have_but ? 1.0f : 0.0f,
        warm_face ? 1.0f : 0.0f,
        n_excl > 0 ? 1.0f : 0.0f,
        emo[NLP_EMO_GRATITUDE],
        sarc,
        ends_question ? 1.0f : 0.0f,
        (float)(n_tok < 40 ? n_tok : 40) / 20.0f,
        /* a fault put right: it vetoes the model (below), so it is worked
         * out only for the trainer */
        UNLIKELY(an->keep_inputs) && puts_right(an, n_tok) ? 1.0f : 0.0f,
    };
    /* its word weights were summed by the tokeniser as it read the word slots
     * (nlp_lex_slot_sarcasm(): no table of their own to miss in the cache) */
    float z = model_logit(&an->lex->models[NLP_MODEL_SARCASM], sarc_in, an->sarc_sum);
    bool model_sarcasm = (pos_mass >= SARC_MODEL_PRAISE) & (out->sarcasm < 0.5f) & (n_excl == 0) &
                         (z >= SARC_MODEL_MIN_LOGIT);
    if (UNLIKELY(model_sarcasm) && !thanks_meant(an, n_tok) && !puts_right(an, n_tok)) {
        out->sarcasm = sigmoid(z);
        why |= NLP_WHY_SARC_MODEL;
    } else {
        model_sarcasm = false;
    }
    if (UNLIKELY(an->keep_inputs)) {
        keep_inputs(an, NLP_MODEL_SARCASM, sarc_in);
    }
    bool sarcastic = out->sarcasm >= 0.5f;
    bool sarcasm_clear = out->sarcasm >= (model_sarcasm ? SARC_MODEL_CLEAR : SARCASM_CLEAR);

    /* ---- valence ---- */
    bool agent = role == NLP_ROLE_AGENT;
    float empathy_cue = cue[NLP_LEX_EMPATHY];
    if (agent && empathy_cue > 0.0f) {
        /* naming the customer's feeling is empathy, not negativity */
        sum -= ackn_neg * (have_but ? 1.5f : 1.0f);
        neg_mass += ackn_neg;
        sum += 0.6f * empathy_cue;
    }
    if (expl_e != NULL && !have_but && sum - expl_v > 0.0f) {
        /* an expletive set off at the start of a message that is otherwise positive
         * is emphasis, not anger: "damn, you guys are good", "holy crap, that was fast" */
        sum -= expl_v;
        neg_mass += expl_v;
        hostile_mass += expl_v;
        n_valenced--;
        for (int k = 0; k < NLP_EMO_COUNT; k++) {
            emo[k] -= expl_e->emo[k] * expl_emo_gain;
        }
    }
    float total = have_but ? BUT_BEFORE * sum_before + BUT_AFTER * sum : sum;
    total *= valence_spread_gain(n_valenced);
    if (sarcasm_clear && pos_mass > 0.0f) {
        total -= 1.6f * pos_mass * out->sarcasm; /* praise used ironically counts against */
        total -= 0.8f;
    } else if (sarcastic && pos_mass > 0.0f) {
        total -= pos_mass * valence_spread_gain(n_valenced); /* weak: the praise stops counting */
    }
    bool asserts_less = ends_question && n_quest > 0;
    float val = finish_valence(total + esc_valence, n_excl, asserts_less, an->saw_url);
    /* the valence of the words alone, without an escalation's own (read by
     * the complaint score) */
    float words_val =
        esc_valence != 0.0f ? finish_valence(total, n_excl, asserts_less, an->saw_url) : val;
    if (sarcasm_clear && val > -0.05f) {
        val = -0.05f - 0.3f * out->sarcasm;
    } else if (sarcastic && val > 0.0f) {
        val = 0.0f; /* weak sarcasm: never praise */
    }
    out->valence = val < -1.0f ? -1.0f : (val > 1.0f ? 1.0f : val);

    /* ---- emotions ---- */
    float arousal = (float)(n_excl > 3 ? 3 : n_excl) * 0.15f + (float)n_caps_neg * 0.25f;
    if (out->valence < -0.2f) {
        emo[NLP_EMO_ANGER] += emo[NLP_EMO_ANGER] > 0.0f ? arousal : 0.0f;
        emo[NLP_EMO_ANNOYANCE] += arousal * 0.5f;
        /* plain hostility (no sorrow or fear words) reads as anger */
        emo[NLP_EMO_ANGER] += HOSTILE_TO_ANGER * hostile_mass * (-out->valence) +
                              ANNOYANCE_TO_ANGER * emo[NLP_EMO_ANNOYANCE];
        emo[NLP_EMO_ANNOYANCE] += 0.5f * HOSTILE_TO_ANGER * hostile_mass * (-out->valence);
    }
    if (emo[NLP_EMO_ANXIETY] > 0.0f && !agent &&
        (cue[NLP_LEX_PROBLEM] > 0.0f || (n_quest > 0 && cue[NLP_LEX_SERVICE] > 0.0f))) {
        /* a worry beside a fault or a question about the service: "her insulin
         * is in that parcel. has it left the depot?" */
        emo[NLP_EMO_ANXIETY] += WORRY_OPEN;
    }
    if (out->valence > 0.3f) {
        emo[NLP_EMO_JOY] += JOY_FROM_VALENCE * out->valence; /* see JOY_FROM_VALENCE */
    }
    float bereaved = 0.0f;
    if (!agent && topic[NLP_TOPIC_BEREAVEMENT] >= 0.5f) {
        /* a customer telling of a death is sad, whatever the words: "my
         * husband passed last month and his name is still on the bill" */
        bereaved = BEREAVEMENT_SADNESS;
        emo[NLP_EMO_SADNESS] += bereaved;
    }
    if (sarcastic) {
        emo[NLP_EMO_ANNOYANCE] += 0.6f * out->sarcasm;
        emo[NLP_EMO_JOY] *= 0.2f;
        emo[NLP_EMO_GRATITUDE] *= 0.2f;
    }
    if (esc_max >= 0.5f) {
        emo[NLP_EMO_ANNOYANCE] += 0.4f;
    }
    if (n_quest > 0 && cue[NLP_LEX_PROBLEM] == 0.0f) {
        /* a question that offers a choice ("... or ...?") is a doubt */
        emo[NLP_EMO_CONFUSION] += 0.1f * (float)(n_quest > 3 ? 3 : n_quest) +
                                  (has_word(an, n_tok, an->or_word) ? OR_QUESTION : 0.0f);
    }
    if (end_run3 && out->valence <= 0.0f && staccato(s, n_bytes)) {
        emo[NLP_EMO_ANGER] += STACCATO_ANGER; /* "every. single. time." */
    }
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        out->emotions[k] = squash(emo[k]);
    }
    float sad_words = emo[NLP_EMO_SADNESS] - bereaved; /* the death topic's share is no hurt word */
    if (sad_words > 0.0f && sad_words >= emo[NLP_EMO_ANGER]) {
        /* hurt more than hostility: "i hate that i still miss you" */
        out->emotions[NLP_EMO_ANGER] = squash(SAD_OVER_ANGER * emo[NLP_EMO_ANGER]);
    }

    /* ---- complaint ---- */
    float neg_v = out->valence < 0.0f ? -out->valence : 0.0f;
    /* thanks in a positive message whose praise is sincere: a fault it names
     * was put right ("thanks for replacing the damaged item so quickly") */
    bool thanks = out->emotions[NLP_EMO_GRATITUDE] >= 0.5f && out->valence > 0.1f && !sarcastic;
    /* negativity that is sorrow or worry rather than irritation, with no fault
     * or complaint cue, is about the customer's life, not the service ("so sad
     * about the news today", "I'm scared about my exam") */
    bool sorrow =
        cue[NLP_LEX_COMPLAINT] == 0.0f && cue[NLP_LEX_PROBLEM] == 0.0f &&
        cue[NLP_LEX_SERVICE] == 0.0f &&
        emo[NLP_EMO_SADNESS] + emo[NLP_EMO_ANXIETY] > emo[NLP_EMO_ANNOYANCE] + emo[NLP_EMO_ANGER];
    bool no_fault = cue[NLP_LEX_COMPLAINT] == 0.0f && cue[NLP_LEX_PROBLEM] == 0.0f;
    if (no_fault && words_val > out->valence) {
        /* the dissatisfaction an escalation carries (a person asked for, a
         * cancel, a threat) reports no problem when no fault or complaint is
         * named: "can i speak to someone about upgrading my plan", "i'm going
         * onto my partner's plan so i want to cancel mine" */
        neg_v = words_val < 0.0f ? -words_val : 0.0f;
    }
    /* a question about what happens if something goes wrong, with no fault
     * reported, is a worry, and the service it names is no complaint's object
     * ("what if my parcel is lost?"; fault cues after such an "if" were not
     * counted) */
    bool worry = asks_hypothetical && no_fault;
    /* the message tells of a death or of hardship (rules on both sides read it) */
    bool death_told = topic[NLP_TOPIC_BEREAVEMENT] >= 0.5f;
    /* a customer at risk told plainly is hard times; words that often mean
     * something milder, or said laughing ("I can't go on like this, this app is
     * so bad"), explain no complaint away */
    bool hard_times =
        death_told || topic[NLP_TOPIC_HARDSHIP] >= 0.5f || topic[NLP_TOPIC_SAFETY] >= SAFETY_PLAIN;
    /* a death told with no fault named, no other escalation than a wish to
     * cancel and no hostility but a cancel phrase's own ("close my account"
     * -1.5): the account of someone who died is being closed or sorted out,
     * and the complaint cues of its requests are no grievance ("my wife
     * passed away and I need to close my account", "my husband died, can you
     * help me with his account please" were complaints of 1.0; a help asked
     * for is a request too, "need help", "can you help", twenty-eighth
     * session; "my husband died, you are useless, close his account" stays
     * one) */
    bool bereaved_task =
        !agent && death_told &&
        (best_esc == NLP_ESC_CANCEL ||
         (best_esc == NLP_ESC_NONE && (last_hreq_verb >= 0 || last_want >= 0 || ends_question))) &&
        cue[NLP_LEX_PROBLEM] == 0.0f && cue[NLP_LEX_COMPLAINT] <= BEREAVED_CUE_MAX &&
        hostile_mass <= BEREAVED_HOSTILE_MAX;
    /* a death or hardship told with no fault named explains the negativity:
     * "my dad passed away last week", "lost my job today, feeling awful";
     * a death told beside hostility and "you" does not ("my husband died, you
     * are useless, close his account" was a complaint of 0.33; hardship beside
     * a price is often the customer's own lot: "the worst thing about your
     * store is i can't afford to buy everything in it") */
    bool life_event = (no_fault || bereaved_task) && hard_times &&
                      !(death_told && n_you > 0 && hostile_mass > BEREAVED_HOSTILE_MAX);
    /* the customer's own doing ("lost my card on a night out, how do I order a
     * new one?", "overslept and missed my flight, totally on me") explains the
     * negativity, and the faults it names are the customer's */
    /* praise for the company beside a bad day (see CONSOLE_POS) */
    bool consoled = no_fault && !sarcastic && esc_max < 0.5f && !have_but && n_you > 0 &&
                    pos_mass >= CONSOLE_POS;
    float neg_w = life_event || worry || self_caused || consoled
                      ? EXPLAINED_TO_COMPLAINT
                      : (sorrow ? SORROW_TO_COMPLAINT : NEG_TO_COMPLAINT);
    bool service_object = cue[NLP_LEX_SERVICE] > 0.0f && !worry && !life_event && !self_caused;
    float fault_w = self_caused ? SELF_FAULT : 1.0f;
    if (an->saw_digit && !worry && out->valence <= 0.3f &&
        figures_disagree(an, s, n_bytes, n_tok)) {
        cue[NLP_LEX_COMPLAINT] += MISMATCH_CUE; /* "marked 32 waist. they measure 29" */
        why |= NLP_WHY_MISMATCH;
        cue[NLP_LEX_PROBLEM] += MISMATCH_CUE;
    }
    float complaint_cue = bereaved_task ? 0.0f : cue[NLP_LEX_COMPLAINT];
    float ev = fault_w * (1.3f * complaint_cue + 0.8f * cue[NLP_LEX_PROBLEM]) +
               (service_object ? 0.4f : 0.0f) + neg_w * neg_v + (sarcastic ? 0.6f : 0.0f) +
               (life_event && best_esc == NLP_ESC_CANCEL ? 0.0f : 0.5f * esc_max) -
               (out->valence > 0.3f ? 1.5f : 0.0f) - (thanks ? 1.0f : 0.0f);
    out->complaint = agent ? 0.0f : clamp01(sigmoid(2.5f * (ev - 1.0f)) * (ev > 0.0f));
    /* what the rules read as explaining the negativity, or as praise, is left
     * to them: the model learnt from our sets that most plain reports of
     * something gone wrong are complaints, and reads "they broke into our house
     * and took my laptop" as one */
    bool explained =
        life_event || worry || self_caused || consoled || sorrow || thanks || out->valence > 0.3f;
    /* negativity alone, with no fault, complaint or service named: the model
     * may take the rules' complaint back ("hate mondays"; not "I'm a little
     * worried about my bill") */
    bool unaimed = no_fault && cue[NLP_LEX_SERVICE] == 0.0f;
    bool complaint_open =
        UNLIKELY(an->keep_inputs) || ((out->complaint < 0.5f || unaimed) && !explained);
    /* the messages the escalation models read: see ESC_MODEL_TAGS and
     * ESC_MODEL_FLAGS; and, as for the pairs above, none whose praise
     * outweighs its negative words ("I left you a five star review on
     * trustpilot") */
    bool escalation_read = out->escalation < 0.5f &&
                           ((an->saw_tags & ESC_MODEL_TAGS << 8) != 0 ||
                            (pair_flags & ESC_MODEL_FLAGS) != 0 || bot_named || legal_named) &&
                           pos_mass - ack_mass <= neg_mass && !esc_denied;
    /* a legal threat of the rules' the models may take back (LEGAL_TAKE_BACK_LOGIT);
     * not one with a complaint or a claim ("I need to lodge a claim against
     * your business": the formal route is the customer's to take) */
    bool legal_check =
        out->escalation_type == NLP_ESC_LEGAL && !(pair_flags & NLP_LEX_FORMAL_OBJ) && !legal_meant;
    bool escalation_open = UNLIKELY(an->keep_inputs) || escalation_read || legal_check;
    if (!agent && (complaint_open || escalation_open)) {
        const float in[NLP_MODEL_DENSE] = {
            [COMPLAINT_IN_RULES] = out->complaint,
            out->valence,
            neg_v,
            out->escalation,
            out->sarcasm,
            out->emotions[NLP_EMO_ANGER],
            out->emotions[NLP_EMO_ANNOYANCE],
            out->emotions[NLP_EMO_GRATITUDE],
            out->emotions[NLP_EMO_ANXIETY] + out->emotions[NLP_EMO_SADNESS],
            cue[NLP_LEX_COMPLAINT],
            cue[NLP_LEX_PROBLEM],
            ends_question ? 1.0f : 0.0f,
            (float)(n_tok < 40 ? n_tok : 40) / 20.0f,
        };
        if (complaint_open) {
            float rules = out->complaint;
            out->complaint = complaint_model(an, n_tok, explained, unaimed, in);
            why |= (out->complaint >= 0.5f) != (rules >= 0.5f) ? NLP_WHY_COMPLAINT_MODEL : 0u;
        }
        if (escalation_open) {
            nlp_escalation_type rules = out->escalation_type;
            escalation_models(an, out, n_tok, escalation_read, legal_check, in);
            why |= out->escalation_type != rules
                       ? (rules == NLP_ESC_LEGAL ? NLP_WHY_LEGAL_TAKEN_BACK : NLP_WHY_ESC_MODEL)
                       : 0u;
        }
    }
    if (out->complaint >= 0.5f && emo[NLP_EMO_ANXIETY] + emo[NLP_EMO_SADNESS] <=
                                      emo[NLP_EMO_ANNOYANCE] + emo[NLP_EMO_ANGER]) {
        /* see ANNOYANCE_FROM_COMPLAINT */
        out->emotions[NLP_EMO_ANNOYANCE] =
            squash(emo[NLP_EMO_ANNOYANCE] + ANNOYANCE_FROM_COMPLAINT * out->complaint);
    }
    if (!agent) {
        float neg = out->valence < 0.0f ? -out->valence : 0.0f;
        const float in[NLP_MODEL_DENSE] = {
            out->emotions[NLP_EMO_ANGER],
            out->emotions[NLP_EMO_ANNOYANCE],
            out->emotions[NLP_EMO_ANXIETY],
            out->emotions[NLP_EMO_CONFUSION],
            out->emotions[NLP_EMO_SADNESS],
            out->emotions[NLP_EMO_GRATITUDE],
            out->emotions[NLP_EMO_JOY],
            out->valence,
            neg,
            out->complaint,
            out->escalation,
            ends_question ? 1.0f : 0.0f,
            (float)(n_tok < 40 ? n_tok : 40) / 20.0f,
        };
        why |= emotion_models(an, out, n_tok, in, denied_emo) ? NLP_WHY_EMOTION_MODEL : 0u;
    }

    /* a message that stops on a word no finished sentence ends on ("that would
     * have been", "my number is, um") is a speaker pausing mid-sentence */
    bool unfinished = false;
    if (n_tok > 0 && !ends_question) {
        const token *last = &an->tokens[n_tok - 1];
        unfinished =
            !(last->flags & TOK_CONSUMED) && (last->word_tags & NLP_WORD_TRAIL) && last->excl == 0;
        if (unfinished && n_tok >= 2 && last->word_id == an->that_word &&
            !word_in(an->tokens[n_tok - 2].word_id, an->that_openers, N_THAT_OPENERS)) {
            unfinished = false; /* "I literally just told you that" */
        }
        if (unfinished && word_in(last->word_id, an->stranded_preps, N_STRANDED_PREPS)) {
            long from = ts.sentence < (long)n_tok ? ts.sentence : last_sentence;
            for (size_t k = from > 0 ? (size_t)from : 0; k + 1 < n_tok; k++) {
                if (word_in(an->tokens[k].word_id, an->stranders, N_STRANDERS)) {
                    unfinished = false; /* "that's not what I asked for" */
                    break;
                }
            }
        }
    }
    out->pause_request = asks_pause ? PAUSE_REQUEST : (unfinished ? UNFINISHED : 0.0f);
    out->human_senior =
        !agent && out->escalation_type == NLP_ESC_HUMAN_REQUEST && names_senior(an, n_tok);

    /* ---- agent side ---- */
    if (agent) {
        /* an escalation is the customer's (asks for a manager, wants to
         * cancel, threatens): "I can cancel your account for you today" or
         * "you can complain to the ombudsman" is an agent's offer, no
         * escalation (twenty-eighth session; the engine read only the
         * customer's anyway) */
        out->escalation = 0.0f;
        out->escalation_type = NLP_ESC_NONE;
        const agent_facts facts = {.pos_mass = pos_mass,
                                   .neg_mass = neg_mass,
                                   .empathy_cue = empathy_cue,
                                   .tonedeaf_cue = cue[NLP_LEX_TONEDEAF],
                                   .emp_at_but = emp_at_but,
                                   .n_you = n_you,
                                   .n_excl = n_excl,
                                   .have_but = have_but,
                                   .hard_times = hard_times,
                                   .ends_question = ends_question};
        agent_side(an, out, n_tok, &facts);
    }
    out->why = why | (have_but ? NLP_WHY_CONTRAST : 0u);
    an->role = role;
    return RP_OK;
}
