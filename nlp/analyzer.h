/* nlp/analyzer.h - contact-centre text analysis: valence, emotions, complaint,
 * escalation, sarcasm, agent empathy / tone-deafness, and PII redaction.
 *
 * One nlp_analyzer holds the per-message scratch; the lexicon it reads is a
 * read-only table compiled into the binary (shared by all analysers). After
 * nlp_analyzer_create() every call is real-time safe: no allocation, locking,
 * I/O or logging, and the work per message is O(bytes) (bounded: see below).
 * Threads: one analyser per thread; calls on one analyser must not overlap.
 */
#ifndef NLP_ANALYZER_H
#define NLP_ANALYZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/attr.h"
#include "common/status.h"

typedef struct nlp_analyzer nlp_analyzer; /* opaque */

/* Who wrote the message. Empathy and tone-deafness are scored for agents only. */
typedef enum nlp_role {
    NLP_ROLE_CUSTOMER = 0,
    NLP_ROLE_AGENT = 1,
} nlp_role;

typedef enum nlp_emotion {
    NLP_EMO_ANGER = 0,
    NLP_EMO_ANNOYANCE,
    NLP_EMO_ANXIETY,
    NLP_EMO_CONFUSION,
    NLP_EMO_SADNESS,
    NLP_EMO_GRATITUDE,
    NLP_EMO_JOY,
    NLP_EMO_COUNT
} nlp_emotion;

typedef enum nlp_escalation_type {
    NLP_ESC_NONE = 0,
    NLP_ESC_HUMAN_REQUEST,  /* asks for a manager, supervisor or a human */
    NLP_ESC_CANCEL,         /* wants to cancel the account/service or leave */
    NLP_ESC_LEGAL,          /* lawyer, court, regulator, formal complaint */
    NLP_ESC_PUBLIC,         /* social media, press, bad reviews */
    NLP_ESC_REPEAT_CONTACT, /* "third time I call", "still waiting" */
    NLP_ESC_COUNT
} nlp_escalation_type;

/* Sensitive topics: a human must stay in the loop (bots hand off at once) and a
 * human agent gets an empathy checklist. */
typedef enum nlp_topic {
    NLP_TOPIC_NONE = 0,
    NLP_TOPIC_BILLING_DISPUTE, /* disputed, unauthorised, unrecognised or double charges,
                                * chargebacks, wrong bills, refused refunds */
    NLP_TOPIC_CANCELLATION,    /* cancel/close/terminate an account, contract or
                                * subscription; every NLP_ESC_CANCEL cue counts */
    NLP_TOPIC_BEREAVEMENT,     /* a relative or the account holder died: funeral,
                                * death certificate, probate, executor, "lost my dad" */
    NLP_TOPIC_HARDSHIP,        /* can't afford, job loss, debt, arrears, benefits,
                                * illness, disability, eviction */
    NLP_TOPIC_SAFETY,          /* a customer at risk: thoughts of suicide or self-harm,
                                * abuse or violence at home, fear for their safety; wins
                                * a near tie with any other topic (the engine's `safety`
                                * escalation alerts a supervisor) */
    NLP_TOPIC_COUNT
} nlp_topic;

/* Results of one message. Every score is in [0, 1] except valence in [-1, 1]. */
typedef struct nlp_result {
    float valence;                       /* -1 very negative .. +1 very positive */
    float emotions[NLP_EMO_COUNT];       /* indexed by nlp_emotion; all 0 for NLP_ROLE_AGENT */
    float complaint;                     /* reports a problem with a product/service */
    float escalation;                    /* strength of the strongest escalation cue; 0 for
                                          * NLP_ROLE_AGENT (an escalation is the customer's) */
    nlp_escalation_type escalation_type; /* NLP_ESC_NONE when escalation < 0.5 */
    float sarcasm;                       /* positive words, negative intent */
    float empathy;                       /* agent role only, else 0 */
    float tone_deaf;                     /* agent role only, else 0 */
    uint32_t pii;                        /* number of redacted spans */
    uint32_t n_tokens;                   /* tokens analysed */
    bool truncated;                      /* input longer than max_message_bytes */
    /* Sensitive topic (appended after the older fields, which keep their offsets). `sensitive`
     * is a unitless score in [0, 1], the evidence for the strongest topic, 0 when
     * none was mentioned; >= 0.5 means the message raises that topic. Negated
     * mentions ("I'm not cancelling") give no evidence. Agent role: the same
     * evidence scaled by 0.6 (an agent or bot naming a topic matters less; only
     * strong evidence still reaches 0.5). */
    float sensitive;
    nlp_topic sensitive_topic; /* NLP_TOPIC_NONE when sensitive < 0.5; when several
                                * topics reach 0.5 the scores are compared with a
                                * bonus safety > bereavement > hardship > billing >
                                * cancellation; with safety, sensitive is its own score */
    /* The writer asks the other side to wait (appended after the older fields).
     * In [0, 1]; >= 0.5 means the message asks for time: 0.9 for a request or a
     * grant ("one moment", "hold on", "let me find my card", "I will wait"), 0.7
     * for a message that stops mid-sentence on a word no finished sentence ends
     * on ("that would have been", "my number is, um"), 0 otherwise or when
     * negated ("don't hold on"). Both roles. The engine does not count the
     * silence after such a customer turn as the agent failing to answer. */
    float pause_request;
    /* The request for a person names someone above whoever answers, or insists
     * on a human (appended after the older fields): a manager, a supervisor, a
     * team leader, someone senior or in charge, a real person, an operator
     * ("I want your manager", "get me a real person"); false for a person asked
     * for a topic ("can I speak to someone about a mortgage"), which an agent
     * already on the line can route. Set for any such words not negated, read
     * with escalation_type == NLP_ESC_HUMAN_REQUEST. Customer role only. */
    bool human_senior;
    /* The rules that added evidence to this result (appended after the older
     * fields): NLP_WHY_* bits, for explanations and audits (nlp_why_name(),
     * nlp_analyzer_explain()). A bit says a rule fired, not that it decided a
     * score: read the sarcasm bits beside sarcasm >= 0.5, and so on. */
    uint32_t why;
} nlp_result;

/* The rules nlp_result.why names. */
enum {
    NLP_WHY_NEGATION = 1u << 0,          /* a negator turned a word round: "not good" */
    NLP_WHY_CONTRAST = 1u << 1,          /* "but": the clause after it weighs more */
    NLP_WHY_DENIAL = 1u << 2,            /* praise denied after it: "... It hasn't" */
    NLP_WHY_SARC_PHRASE = 1u << 3,       /* a mocking phrase: "oh great", "thanks a lot" */
    NLP_WHY_SARC_LAST_NOT = 1u << 4,     /* praise taken back by a last "not" */
    NLP_WHY_SARC_FRAME = 1u << 5,        /* a praise frame for a fault: "love how it drops" */
    NLP_WHY_SARC_PRAISE_BAD = 1u << 6,   /* strong praise for a bad situation */
    NLP_WHY_SARC_OPENER = 1u << 7,       /* bare praise, then a fault: "great, another outage" */
    NLP_WHY_SARC_QUOTES = 1u << 8,       /* a claim in scare quotes beside a fault */
    NLP_WHY_SARC_THANKS = 1u << 9,       /* thanks for a fault: "thanks for the 3 hour delay" */
    NLP_WHY_SARC_CLOSER = 1u << 10,      /* a fault, then praise to close: "very reassuring" */
    NLP_WHY_SARC_MODEL = 1u << 11,       /* the sarcasm model read praise as mock */
    NLP_WHY_ESC_PAIR = 1u << 12,         /* a verb and its object: "speak to ... a manager" */
    NLP_WHY_ESC_KEYWORD = 1u << 13,      /* a bare keyword request: "agent", "complaint" */
    NLP_WHY_ESC_BOT = 1u << 14,          /* the bot named beside displeasure */
    NLP_WHY_ESC_REPEAT = 1u << 15,       /* a contact before, and nothing came of it */
    NLP_WHY_ESC_PUBLIC = 1u << 16,       /* telling others: a telling word and an audience */
    NLP_WHY_ESC_MODEL = 1u << 17,        /* an escalation model read a threat or request */
    NLP_WHY_LEGAL_TAKEN_BACK = 1u << 18, /* the law named, no threat: the models took it back */
    NLP_WHY_PUBLIC_PRAISE = 1u << 19,    /* telling others how good it was: no threat */
    NLP_WHY_COMPLAINT_MODEL = 1u << 20, /* the complaint model added a complaint or took one back */
    NLP_WHY_MISMATCH = 1u << 21,        /* not what was ordered: "ordered a large, got a small" */
    NLP_WHY_EMOTION_MODEL = 1u << 22, /* an emotion model added a feeling the words did not name */
    NLP_WHY_COUNT = 23
};

typedef struct nlp_analyzer_config {
    /* Longest message analysed, in bytes (64 .. 1 MiB). Longer input is cut at
     * a UTF-8 boundary before this many bytes and the result is flagged. */
    size_t max_message_bytes;
} nlp_analyzer_config;

/* Defaults: max_message_bytes = 8192. Pure; thread-safe, real-time safe. */
nlp_analyzer_config nlp_analyzer_config_default(void);

/* Validates cfg (NULL = defaults; read only during the call) and allocates all
 * scratch: 21 bytes per byte of max_message_bytes plus ~10 KiB. The caller owns
 * *out. RP_EINVAL on a bad config, RP_ENOMEM; on failure *out is NULL. Not
 * real-time safe (allocates); any thread. */
RP_NODISCARD int nlp_analyzer_create(const nlp_analyzer_config *cfg, nlp_analyzer **out);

/* Frees *self_p and sets it to NULL; NULL or *self_p == NULL is a no-op. Not
 * real-time safe (frees); must not overlap other calls on the same analyser. */
void nlp_analyzer_destroy(nlp_analyzer **self_p);

/* Analyses n_bytes of text (borrowed for the call; any bytes: invalid UTF-8 is
 * skipped, NUL is a separator) written by `role`, fills *out and the redacted
 * text. Real-time safe: no allocation, locking, I/O; worst case per message
 * byte one tokeniser step, one redaction step (48 bytes of CVV context per 3-4
 * digit number), and per token one hash lookup and at most 8 phrase-trie steps.
 * RP_EINVAL when an argument is NULL (text may be NULL when n_bytes is 0). */
RP_NODISCARD int nlp_analyzer_analyze(nlp_analyzer *an, const char *text, size_t n_bytes,
                                      nlp_role role, nlp_result *out);

/* The redacted copy of the last analysed message (NUL-terminated; PII spans
 * replaced by [CARD], [CVV], [EMAIL], [PHONE], [ID]); *n_bytes gets its length
 * when not NULL. Borrowed: valid until the next analyse or destroy. Real-time
 * safe. An analyser that never analysed gives "". */
const char *nlp_analyzer_redacted(const nlp_analyzer *an, size_t *n_bytes);

/* "anger", "annoyance", ... ; "?" when out of range. Never NULL; static
 * strings; thread-safe, real-time safe. */
const char *nlp_emotion_name(nlp_emotion e);

/* "none", "human_request", "cancel", "legal", "public", "repeat_contact"; "?"
 * when out of range. Static strings; thread-safe, real-time safe. */
const char *nlp_escalation_type_name(nlp_escalation_type t);

/* A short name of one NLP_WHY_* bit ("negation", "sarcasm model", ...); "?"
 * for anything else. Never NULL; static strings; thread-safe, real-time safe. */
const char *nlp_why_name(uint32_t bit);

/* Writes into buf (cap bytes; nothing when cap is 0), NUL-terminated, what the
 * last message analysed was read as, for a person auditing a score: the
 * lexicon's words, phrases and faces it matched, in order, each with what it
 * carries (valence, escalation type and weight, the cues complaint, fault,
 * service, mocking, empathy and tone-deaf, topic, the strongest emotion for
 * the customer role, negator, intensifier, softener, contrast), then
 * "| rules: " and the names of r->why's bits (r: that message's result; the
 * sarcasm rules only when r->sarcasm >= 0.5, the escalation rules only when
 * r->escalation >= 0.5 or a take-back). Words carry nothing of the message
 * but the lexicon's spelling of a word it knows ("<num>" for a number), so
 * the text holds no PII. Words that carry nothing are left out. Returns the
 * length written; a text that does not fit ends at an item with "...".
 * Real-time safe, O(tokens); must not overlap other calls on the analyser. */
size_t nlp_analyzer_explain(const nlp_analyzer *an, const nlp_result *r, char *buf, size_t cap);

/* "none", "billing_dispute", "cancellation", "bereavement", "hardship"; "?" when
 * out of range. Never NULL; static strings; thread-safe, real-time safe. */
const char *nlp_topic_name(nlp_topic t);

#endif /* NLP_ANALYZER_H */
