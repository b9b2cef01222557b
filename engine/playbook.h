/* engine/playbook.h - every threshold, window, prompt, priority, cooldown, limit and
 * escalation rule of the engine, loaded from an INI file (docs/playbook.md).
 *
 * eng_playbook_load() parses and validates a file with libinih; an error names the
 * file, line and key. Sections [queue.NAME] override any cue or escalation key
 * for calls on that queue; eng_playbook_rules() resolves them into an eng_rules
 * value that a call copies at call_start, so a reload (SIGHUP) never changes the
 * rules of a call in progress. Loading allocates and does I/O (never on a hot
 * path); eng_playbook_rules() does neither. A loaded playbook is immutable and may
 * be read from any thread.
 */
#ifndef ENGINE_PLAYBOOK_H
#define ENGINE_PLAYBOOK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "common/status.h"
#include "engine/turns.h"
#include "proto/proto.h"

#define ENG_PROMPT_BYTES           192 /* a prompt fits one playbook line; agents read it mid-call */
#define ENG_CHECKLIST_ITEMS        4
#define ENG_PLAYBOOK_MAX_QUEUES    64
#define ENG_PLAYBOOK_MAX_OVERRIDES 512
#define ENG_PLAYBOOK_MAX_BYTES     (1u << 20)
#define ENG_PLAYBOOK_LINE_BYTES    199  /* libinih's line limit on Debian */
#define ENG_RETENTION_DEFAULT_DAYS 30   /* event log records kept this long unless configured */
#define ENG_RETENTION_MAX_DAYS     3650 /* ten years: the longest [retention] days accepted */

/* One cue's rule. How `open` and `close` are read depends on the cue (the
 * measure and its direction are in docs/playbook.md): the cue opens when the
 * measure has passed `open` for min_ms and closes when it is back past `close`
 * (hysteresis), or after hold_ms for cues raised by one event. */
typedef struct eng_cue_rule {
    bool enabled;
    uint32_t priority; /* 0 (most urgent) .. 9 */
    float open;
    float close;
    float abs_limit;               /* speaking_fast/slow: absolute syllables/s limit; else unused */
    uint32_t min_ms;               /* the condition must hold this long before the cue opens */
    uint32_t hold_ms;              /* event cues: how long they stay open */
    uint32_t cooldown_ms;          /* after closing, no reopening for this long */
    uint32_t max_per_call;         /* openings per call */
    char prompt[ENG_PROMPT_BYTES]; /* coaching prompt; empty = none */
    uint32_t prompt_ttl_ms;
} eng_cue_rule;

typedef struct eng_escalation_rule {
    bool enabled;
    proto_esc_level level;
    float threshold; /* score that raises it (0..1), or a count for repeat/frustration */
    uint32_t max_per_call;
    char prompt[ENG_PROMPT_BYTES]; /* shown to the agent when it is raised */
} eng_escalation_rule;

/* Everything one call needs, resolved for its queue. A plain value: copy it. */
typedef struct eng_rules {
    eng_turns_config turns;
    uint32_t features_interval_ms; /* how often `features` is published */
    uint32_t max_cues_per_call;    /* all cues together */
    uint32_t prompt_gap_ms;        /* least time between two prompts */
    uint32_t baseline_warmup_ms;   /* agent speech needed before pace is judged relative */
    uint32_t chat_response_ms;     /* chat: a customer waiting this long opens slow_response */
    uint32_t chat_repeat_messages; /* chat: this many unanswered customer messages open it too */
    uint32_t chat_repeat_gap_ms;   /* ... each (after the first) at least this long after the
                                      customer's previous one: quick lines are one message */
    uint32_t retention_days;       /* event log: the call's records are deleted after this */
    eng_cue_rule cue[PROTO_CUE_COUNT];
    eng_escalation_rule esc[PROTO_REASON_COUNT];
    char checklist[ENG_CHECKLIST_ITEMS][ENG_PROMPT_BYTES]; /* empathy checklist */
    uint32_t n_checklist;
    /* negative_sentiment's prompt when the message that opens it tells of a loss
     * no one at the company caused (nlp complaint < 0.5, no escalation, no
     * sarcasm: a break-in, a death, a storm); empty = the cue's own prompt.
     * Key loss_prompt of [cue.negative_sentiment]. */
    char loss_prompt[ENG_PROMPT_BYTES];
    /* sensitive_topic's prompt and checklist when the customer may be at risk
     * (nlp topic safety): key safety_prompt of [cue.sensitive_topic]; a
     * [checklist.safety] section's items replace the default steps. */
    char safety_prompt[ENG_PROMPT_BYTES];
    char safety_checklist[ENG_CHECKLIST_ITEMS][ENG_PROMPT_BYTES];
    uint32_t n_safety_checklist;
} eng_rules;

typedef struct eng_playbook eng_playbook; /* opaque, immutable once loaded */

/* The built-in defaults (docs/playbook.md explains each). */
void eng_rules_default(eng_rules *out);

/* Loads path (NULL: the defaults only). RP_EINVAL with "file:line: key: why" in
 * err (RP_ERR_LEN bytes) on any error; RP_EIO when the file cannot be read;
 * RP_ENOMEM. On failure *out is NULL. */
RP_NODISCARD int eng_playbook_load(const char *path, eng_playbook **out, char *err);

/* The same from a string (tests, embedded defaults); name labels errors. */
RP_NODISCARD int eng_playbook_load_string(const char *text, const char *name, eng_playbook **out,
                                          char *err);

void eng_playbook_destroy(eng_playbook **self_p);

/* Rules for a call on queue (NULL or unknown queue: the defaults of the file). */
void eng_playbook_rules(const eng_playbook *pb, const char *queue, size_t queue_len,
                        eng_rules *out);

/* [retention] days for a call on queue (NULL: the file's default), 0..ENG_RETENTION_MAX_DAYS.
 * Resolves the queue's overrides like eng_playbook_rules(); no allocation. */
uint32_t eng_playbook_retention_days(const eng_playbook *pb, const char *queue, size_t queue_len);

/* Number of [queue.*] sections (for logs). */
size_t eng_playbook_n_queues(const eng_playbook *pb);

#endif /* ENGINE_PLAYBOOK_H */
