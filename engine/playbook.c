/* engine/playbook.c - defaults, INI loading with libinih, validation, queue overrides. */
#include "engine/playbook.h"

#include <errno.h>
#include <ini.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/parse.h"

/* One [queue.NAME] key, kept as text and re-applied per call (validated at load). */
typedef struct override {
    char queue[PROTO_MAX_ID_BYTES + 1];
    char section[48];
    char key[32];
    char value[ENG_PROMPT_BYTES];
} override;

struct eng_playbook {
    eng_rules base;
    override *overrides;
    size_t n_overrides;
    char queues[ENG_PLAYBOOK_MAX_QUEUES][PROTO_MAX_ID_BYTES + 1];
    size_t n_queues;
};

/* +1: the measure opens the cue by rising to `open`; -1: by falling to it. */
static const int cue_direction[PROTO_CUE_COUNT] = {
    [PROTO_CUE_SPEAKING_FAST] = 1,
    [PROTO_CUE_SPEAKING_SLOW] = -1,
    [PROTO_CUE_CONTINUOUS_SPEAKING] = 1,
    [PROTO_CUE_EXTENDED_SILENCE] = 1,
    [PROTO_CUE_SLOW_RESPONSE] = 1,
    [PROTO_CUE_INTERRUPTION] = 1,
    [PROTO_CUE_CUSTOMER_TENSION] = 1,
    [PROTO_CUE_NEGATIVE_SENTIMENT] = -1,
    [PROTO_CUE_ESCALATION_INTENT] = 1,
    [PROTO_CUE_SENSITIVE_TOPIC] = 1,
    [PROTO_CUE_SARCASM] = 1,
    [PROTO_CUE_DIGITAL_FRUSTRATION] = 1,
};

static void set_cue(eng_rules *r, proto_cue_kind k, uint32_t prio, float open, float close,
                    uint32_t min_ms, uint32_t hold_ms, uint32_t cooldown_ms, uint32_t max,
                    const char *prompt)
{
    eng_cue_rule *c = &r->cue[k];
    c->enabled = true;
    c->priority = prio;
    c->open = open;
    c->close = close;
    c->abs_limit = 0.0f;
    c->min_ms = min_ms;
    c->hold_ms = hold_ms;
    c->cooldown_ms = cooldown_ms;
    c->max_per_call = max;
    snprintf(c->prompt, sizeof c->prompt, "%s", prompt);
    c->prompt_ttl_ms = 10000;
}

static void set_esc(eng_rules *r, proto_esc_reason k, proto_esc_level level, float threshold,
                    const char *prompt)
{
    eng_escalation_rule *e = &r->esc[k];
    e->enabled = true;
    e->level = level;
    e->threshold = threshold;
    e->max_per_call = 1;
    snprintf(e->prompt, sizeof e->prompt, "%s", prompt);
}

void eng_rules_default(eng_rules *r)
{
    memset(r, 0, sizeof *r);
    r->turns = eng_turns_config_default();
    r->features_interval_ms = 500;
    r->max_cues_per_call = 20;
    r->prompt_gap_ms = 8000;
    r->baseline_warmup_ms = 20000;
    r->chat_response_ms = 60000;
    r->chat_repeat_messages = 3;
    r->chat_repeat_gap_ms = 10000;
    r->retention_days = ENG_RETENTION_DEFAULT_DAYS;
    /* clang-format off */
    set_cue(r, PROTO_CUE_SPEAKING_FAST, 4, 1.25f, 1.10f, 3000, 0, 60000, 3,
            "You are speaking faster than usual - slow down a little.");
    r->cue[PROTO_CUE_SPEAKING_FAST].abs_limit = 7.0f;
    set_cue(r, PROTO_CUE_SPEAKING_SLOW, 6, 0.70f, 0.85f, 8000, 0, 90000, 2,
            "Your pace has dropped - keep the conversation moving.");
    r->cue[PROTO_CUE_SPEAKING_SLOW].abs_limit = 2.0f;
    set_cue(r, PROTO_CUE_CONTINUOUS_SPEAKING, 5, 45000.0f, 0.0f, 0, 0, 60000, 3,
            "You have been talking for a while - check in with the customer.");
    set_cue(r, PROTO_CUE_EXTENDED_SILENCE, 5, 5000.0f, 0.0f, 0, 0, 30000, 5,
            "Long silence - tell the customer what you are doing.");
    set_cue(r, PROTO_CUE_SLOW_RESPONSE, 4, 2000.0f, 0.0f, 0, 0, 30000, 5,
            "The customer is waiting for your answer.");
    set_cue(r, PROTO_CUE_INTERRUPTION, 3, 1.0f, 0.0f, 0, 10000, 30000, 3,
            "Let the customer finish before you answer.");
    set_cue(r, PROTO_CUE_CUSTOMER_TENSION, 2, 0.70f, 0.50f, 1500, 0, 60000, 3,
            "The customer sounds tense - acknowledge how they feel before solving.");
    set_cue(r, PROTO_CUE_NEGATIVE_SENTIMENT, 2, -0.40f, -0.15f, 0, 0, 60000, 3,
            "The customer is getting more negative - acknowledge and apologise.");
    snprintf(r->loss_prompt, sizeof r->loss_prompt, "%s",
             "The customer has had bad news - acknowledge it before moving on.");
    set_cue(r, PROTO_CUE_ESCALATION_INTENT, 1, 0.50f, 0.0f, 0, 30000, 60000, 3,
            "The customer wants to escalate - follow the escalation steps.");
    set_cue(r, PROTO_CUE_SENSITIVE_TOPIC, 1, 0.50f, 0.0f, 0, 60000, 120000, 2,
            "Sensitive topic - go through the empathy checklist before answering.");
    set_cue(r, PROTO_CUE_SARCASM, 3, 0.50f, 0.0f, 0, 15000, 60000, 2,
            "Possible sarcasm - do not take it as praise; check how the customer feels.");
    set_cue(r, PROTO_CUE_DIGITAL_FRUSTRATION, 3, 3.0f, 0.0f, 0, 30000, 60000, 2,
            "The customer struggled online before this - acknowledge it.");
    set_esc(r, PROTO_REASON_HUMAN_REQUEST, PROTO_LEVEL_SUPERVISOR, 0.5f,
            "The customer asked for a manager.");
    set_esc(r, PROTO_REASON_CANCEL, PROTO_LEVEL_SUPERVISOR, 0.5f,
            "The customer wants to cancel - offer the retention steps.");
    set_esc(r, PROTO_REASON_LEGAL, PROTO_LEVEL_PRIORITY, 0.5f,
            "Legal threat - stay calm, do not argue, a supervisor is joining.");
    set_esc(r, PROTO_REASON_PUBLIC, PROTO_LEVEL_PRIORITY, 0.5f,
            "The customer may go public - a supervisor is joining.");
    set_esc(r, PROTO_REASON_REPEAT_CONTACT, PROTO_LEVEL_SUPERVISOR, 0.5f,
            "Repeat contact - apologise for the repeat and own the fix.");
    set_esc(r, PROTO_REASON_SENSITIVE_TOPIC, PROTO_LEVEL_HANDOFF, 0.5f,
            "Sensitive topic - a person takes over now.");
    set_esc(r, PROTO_REASON_CUSTOMER_TENSION, PROTO_LEVEL_SUPERVISOR, 0.85f,
            "The customer is very tense.");
    set_esc(r, PROTO_REASON_NEGATIVE_TREND, PROTO_LEVEL_SUPERVISOR, -0.60f,
            "The customer's sentiment keeps falling.");
    set_esc(r, PROTO_REASON_DIGITAL_FRUSTRATION, PROTO_LEVEL_SUPERVISOR, 5.0f,
            "Repeated online failures before the contact.");
    set_esc(r, PROTO_REASON_SAFETY, PROTO_LEVEL_PRIORITY, 0.7f,
            "The customer may be at risk - stay with them, follow the safety procedure; a supervisor is joining.");
    /* clang-format on */
    const char *items[] = {"Acknowledge the feeling", "Apologise for the situation",
                           "Take ownership: say what you will do",
                           "Confirm the next step and when"};
    for (size_t i = 0; i < ENG_CHECKLIST_ITEMS; i++) {
        snprintf(r->checklist[i], sizeof r->checklist[i], "%s", items[i]);
    }
    /* a customer at risk: the steps of the safety procedure, not an apology */
    snprintf(r->safety_prompt, sizeof r->safety_prompt, "%s",
             "The customer may be at risk - stay with them and go through the safety steps.");
    const char *safety[] = {"Stay with the customer: do not end the contact",
                            "Ask whether they are safe right now",
                            "Give the help your procedure names (helpline, emergency services)",
                            "Tell them someone senior is joining to help"};
    for (size_t i = 0; i < ENG_CHECKLIST_ITEMS; i++) {
        snprintf(r->safety_checklist[i], sizeof r->safety_checklist[i], "%s", safety[i]);
    }
    r->n_safety_checklist = ENG_CHECKLIST_ITEMS;
    r->n_checklist = ENG_CHECKLIST_ITEMS;
}

/* ---- value parsing ---- */

static bool parse_u32(const char *v, uint32_t lo, uint32_t hi, uint32_t *out, char *why)
{
    if (!rp_parse_u32(v, lo, hi, out)) {
        snprintf(why, RP_ERR_LEN, "expected a whole number %u..%u, got '%.40s'", lo, hi, v);
        return false;
    }
    return true;
}

static bool parse_float(const char *v, float lo, float hi, float *out, char *why)
{
    char *end = NULL;
    errno = 0;
    double x = strtod(v, &end);
    if (*v == '\0' || errno != 0 || *end != '\0' || !isfinite(x) || x < (double)lo ||
        x > (double)hi) {
        snprintf(why, RP_ERR_LEN, "expected a number %g..%g, got '%.40s'", (double)lo, (double)hi,
                 v);
        return false;
    }
    *out = (float)x;
    return true;
}

static bool parse_bool(const char *v, bool *out, char *why)
{
    if (strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 || strcmp(v, "on") == 0) {
        *out = true;
    } else if (strcmp(v, "false") == 0 || strcmp(v, "no") == 0 || strcmp(v, "off") == 0) {
        *out = false;
    } else {
        snprintf(why, RP_ERR_LEN, "expected true or false, got '%.40s'", v);
        return false;
    }
    return true;
}

static bool parse_text(const char *v, char *out, char *why)
{
    size_t n = strlen(v);
    if (n >= ENG_PROMPT_BYTES) {
        snprintf(why, RP_ERR_LEN, "text longer than %d bytes", ENG_PROMPT_BYTES - 1);
        return false;
    }
    memcpy(out, v, n + 1);
    return true;
}

/* Finds name in a NULL-free table of n names; -1 when absent. */
static int lookup(const char *name, const char *(*name_of)(int), int n)
{
    for (int i = 0; i < n; i++) {
        const char *s = name_of(i);
        if (s != NULL && strcmp(s, name) == 0) {
            return i;
        }
    }
    return -1;
}

static const char *cue_name_i(int i)
{
    return proto_cue_name((proto_cue_kind)i);
}

static const char *reason_name_i(int i)
{
    return proto_reason_name((proto_esc_reason)i);
}

static const char *level_name_i(int i)
{
    return proto_level_name((proto_esc_level)i);
}

static bool apply_cue(eng_cue_rule *c, const char *key, const char *v, char *why)
{
    if (strcmp(key, "enabled") == 0) {
        return parse_bool(v, &c->enabled, why);
    } else if (strcmp(key, "priority") == 0) {
        return parse_u32(v, 0, 9, &c->priority, why);
    } else if (strcmp(key, "open") == 0) {
        return parse_float(v, -1e6f, 1e7f, &c->open, why);
    } else if (strcmp(key, "close") == 0) {
        return parse_float(v, -1e6f, 1e7f, &c->close, why);
    } else if (strcmp(key, "abs_limit") == 0) {
        return parse_float(v, 0.0f, 50.0f, &c->abs_limit, why);
    } else if (strcmp(key, "min_ms") == 0) {
        return parse_u32(v, 0, 600000, &c->min_ms, why);
    } else if (strcmp(key, "hold_ms") == 0) {
        return parse_u32(v, 0, 600000, &c->hold_ms, why);
    } else if (strcmp(key, "cooldown_ms") == 0) {
        return parse_u32(v, 0, 3600000, &c->cooldown_ms, why);
    } else if (strcmp(key, "max_per_call") == 0) {
        return parse_u32(v, 0, 1000, &c->max_per_call, why);
    } else if (strcmp(key, "prompt") == 0) {
        return parse_text(v, c->prompt, why);
    } else if (strcmp(key, "prompt_ttl_ms") == 0) {
        return parse_u32(v, 0, 600000, &c->prompt_ttl_ms, why);
    }
    snprintf(why, RP_ERR_LEN, "unknown key");
    return false;
}

static bool apply_esc(eng_escalation_rule *e, const char *key, const char *v, char *why)
{
    if (strcmp(key, "enabled") == 0) {
        return parse_bool(v, &e->enabled, why);
    } else if (strcmp(key, "level") == 0) {
        int i = lookup(v, level_name_i, PROTO_LEVEL_COUNT);
        if (i < 0) {
            snprintf(why, RP_ERR_LEN, "expected supervisor, handoff or priority, got '%.40s'", v);
            return false;
        }
        e->level = (proto_esc_level)i;
        return true;
    } else if (strcmp(key, "threshold") == 0) {
        return parse_float(v, -1.0f, 1000.0f, &e->threshold, why);
    } else if (strcmp(key, "max_per_call") == 0) {
        return parse_u32(v, 0, 1000, &e->max_per_call, why);
    } else if (strcmp(key, "prompt") == 0) {
        return parse_text(v, e->prompt, why);
    }
    snprintf(why, RP_ERR_LEN, "unknown key");
    return false;
}

/* Appends item v to a checklist of *n items (at most ENG_CHECKLIST_ITEMS). */
static bool add_item(char (*list)[ENG_PROMPT_BYTES], uint32_t *n, const char *v, char *why)
{
    if (*n >= ENG_CHECKLIST_ITEMS) {
        snprintf(why, RP_ERR_LEN, "at most %d checklist items", ENG_CHECKLIST_ITEMS);
        return false;
    }
    return parse_text(v, list[(*n)++], why);
}

/* Applies section/key = value to r. Returns false with why on any error. */
static bool apply(eng_rules *r, const char *section, const char *key, const char *v, char *why)
{
    if (strcmp(section, "general") == 0) {
        if (strcmp(key, "features_interval_ms") == 0) {
            return parse_u32(v, 100, 60000, &r->features_interval_ms, why);
        } else if (strcmp(key, "max_cues_per_call") == 0) {
            return parse_u32(v, 0, 10000, &r->max_cues_per_call, why);
        } else if (strcmp(key, "prompt_gap_ms") == 0) {
            return parse_u32(v, 0, 600000, &r->prompt_gap_ms, why);
        } else if (strcmp(key, "baseline_warmup_ms") == 0) {
            return parse_u32(v, 0, 600000, &r->baseline_warmup_ms, why);
        }
    } else if (strcmp(section, "turns") == 0) {
        if (strcmp(key, "pause_merge_ms") == 0) {
            return parse_u32(v, 0, 5000, &r->turns.pause_merge_ms, why);
        } else if (strcmp(key, "backchannel_max_ms") == 0) {
            return parse_u32(v, 10, 10000, &r->turns.backchannel_max_ms, why);
        } else if (strcmp(key, "interrupt_min_overlap_ms") == 0) {
            return parse_u32(v, 0, 10000, &r->turns.interrupt_min_overlap_ms, why);
        } else if (strcmp(key, "turn_gap_ms") == 0) {
            return parse_u32(v, 0, 60000, &r->turns.turn_gap_ms, why);
        }
    } else if (strcmp(section, "chat") == 0) {
        if (strcmp(key, "response_ms") == 0) {
            return parse_u32(v, 1000, 3600000, &r->chat_response_ms, why);
        } else if (strcmp(key, "repeat_messages") == 0) {
            return parse_u32(v, 2, 100, &r->chat_repeat_messages, why);
        } else if (strcmp(key, "repeat_gap_ms") == 0) {
            return parse_u32(v, 0, 3600000, &r->chat_repeat_gap_ms, why);
        }
    } else if (strcmp(section, "retention") == 0) {
        if (strcmp(key, "days") == 0) {
            return parse_u32(v, 0, ENG_RETENTION_MAX_DAYS, &r->retention_days, why);
        }
    } else if (strcmp(section, "checklist") == 0 && strcmp(key, "item") == 0) {
        return add_item(r->checklist, &r->n_checklist, v, why);
    } else if (strcmp(section, "checklist.safety") == 0 && strcmp(key, "item") == 0) {
        return add_item(r->safety_checklist, &r->n_safety_checklist, v, why);
    } else if (strncmp(section, "cue.", 4) == 0) {
        int i = lookup(section + 4, cue_name_i, PROTO_CUE_COUNT);
        if (i < 0) {
            snprintf(why, RP_ERR_LEN, "unknown cue '%.40s'", section + 4);
            return false;
        }
        if (i == PROTO_CUE_NEGATIVE_SENTIMENT && strcmp(key, "loss_prompt") == 0) {
            return parse_text(v, r->loss_prompt, why);
        }
        if (i == PROTO_CUE_SENSITIVE_TOPIC && strcmp(key, "safety_prompt") == 0) {
            return parse_text(v, r->safety_prompt, why);
        }
        return apply_cue(&r->cue[i], key, v, why);
    } else if (strncmp(section, "escalation.", 11) == 0) {
        int i = lookup(section + 11, reason_name_i, PROTO_REASON_COUNT);
        if (i < 0) {
            snprintf(why, RP_ERR_LEN, "unknown escalation reason '%.40s'", section + 11);
            return false;
        }
        return apply_esc(&r->esc[i], key, v, why);
    } else {
        snprintf(why, RP_ERR_LEN, "unknown section [%.40s]", section);
        return false;
    }
    snprintf(why, RP_ERR_LEN, "unknown key");
    return false;
}

/* Cross-field rules, after everything is applied. */
static bool check_rules(const eng_rules *r, char *where, char *why)
{
    for (int k = 0; k < PROTO_CUE_COUNT; k++) {
        const eng_cue_rule *c = &r->cue[k];
        int dir = cue_direction[k];
        bool hysteresis_ok = dir > 0 ? c->close <= c->open : c->close >= c->open;
        if (c->enabled && !hysteresis_ok) {
            snprintf(where, 64, "cue.%s", proto_cue_name((proto_cue_kind)k));
            snprintf(why, RP_ERR_LEN, "close (%g) must be %s open (%g) for this cue",
                     (double)c->close, dir > 0 ? "at or below" : "at or above", (double)c->open);
            return false;
        }
    }
    eng_turns t;
    if (eng_turns_init(&t, &r->turns) != RP_OK) {
        snprintf(where, 64, "turns");
        snprintf(why, RP_ERR_LEN, "inconsistent turn-taking settings");
        return false;
    }
    return true;
}

typedef struct load_ctx {
    eng_playbook *pb;
    bool saw_checklist;
    bool saw_safety_checklist;
    char why[RP_ERR_LEN];
    char where[96];
} load_ctx;

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    load_ctx *ctx = user;
    eng_playbook *pb = ctx->pb;
    snprintf(ctx->where, sizeof ctx->where, "[%.40s] %.40s", section, name);
    if (strncmp(section, "queue.", 6) != 0) {
        ctx->saw_checklist = ctx->saw_checklist || strcmp(section, "checklist") == 0;
        ctx->saw_safety_checklist =
            ctx->saw_safety_checklist || strcmp(section, "checklist.safety") == 0;
        return apply(&pb->base, section, name, value, ctx->why) ? 1 : 0;
    }
    const char *queue = section + 6;
    if (!proto_id_valid(queue, strlen(queue))) {
        snprintf(ctx->why, sizeof ctx->why, "queue name is not a valid id");
        return 0;
    }
    /* key is SECTION.KEY where SECTION may itself hold one dot (cue.NAME) */
    const char *dot = strrchr(name, '.');
    if (dot == NULL || dot == name || (size_t)(dot - name) >= sizeof pb->overrides[0].section ||
        strlen(dot + 1) >= sizeof pb->overrides[0].key) {
        snprintf(ctx->why, sizeof ctx->why,
                 "queue overrides are written SECTION.KEY, e.g. cue.speaking_fast.open");
        return 0;
    }
    if (pb->n_overrides >= ENG_PLAYBOOK_MAX_OVERRIDES) {
        snprintf(ctx->why, sizeof ctx->why, "more than %d queue overrides",
                 ENG_PLAYBOOK_MAX_OVERRIDES);
        return 0;
    }
    override *o = &pb->overrides[pb->n_overrides];
    memset(o, 0, sizeof *o);
    snprintf(o->queue, sizeof o->queue, "%s", queue);
    memcpy(o->section, name, (size_t)(dot - name));
    snprintf(o->key, sizeof o->key, "%s", dot + 1);
    eng_rules scratch;
    eng_rules_default(&scratch);
    bool checklist = strncmp(o->section, "checklist", 9) == 0;
    if (checklist || !parse_text(value, o->value, ctx->why) ||
        !apply(&scratch, o->section, o->key, o->value, ctx->why)) {
        if (checklist) {
            snprintf(ctx->why, sizeof ctx->why, "the checklist cannot be overridden per queue");
        }
        return 0;
    }
    pb->n_overrides++;
    bool known = false;
    for (size_t i = 0; i < pb->n_queues; i++) {
        known = known || strcmp(pb->queues[i], queue) == 0;
    }
    if (!known) {
        if (pb->n_queues >= ENG_PLAYBOOK_MAX_QUEUES) {
            snprintf(ctx->why, sizeof ctx->why, "more than %d queues", ENG_PLAYBOOK_MAX_QUEUES);
            return 0;
        }
        snprintf(pb->queues[pb->n_queues++], sizeof pb->queues[0], "%s", queue);
    }
    return 1;
}

/* libinih cuts lines at ENG_PLAYBOOK_LINE_BYTES; say so instead of a confusing error. */
static int find_long_line(const char *text)
{
    int line = 1;
    size_t len = 0;
    for (const char *p = text; *p != '\0'; p++) {
        if (*p == '\n') {
            line++;
            len = 0;
        } else if (++len > ENG_PLAYBOOK_LINE_BYTES) {
            return line;
        }
    }
    return 0;
}

int eng_playbook_load_string(const char *text, const char *name, eng_playbook **out, char *err)
{
    *out = NULL;
    err[0] = '\0';
    int long_line = find_long_line(text);
    if (long_line > 0) {
        snprintf(err, RP_ERR_LEN, "%.100s:%d: line longer than %d bytes (keep prompts short)", name,
                 long_line, ENG_PLAYBOOK_LINE_BYTES);
        return RP_EINVAL;
    }
    eng_playbook *pb = rp_calloc(1, sizeof *pb);
    if (pb == NULL) {
        snprintf(err, RP_ERR_LEN, "%s: out of memory", name);
        return RP_ENOMEM;
    }
    pb->overrides = rp_calloc(ENG_PLAYBOOK_MAX_OVERRIDES, sizeof *pb->overrides);
    if (pb->overrides == NULL) {
        rp_free(pb);
        snprintf(err, RP_ERR_LEN, "%s: out of memory", name);
        return RP_ENOMEM;
    }
    eng_rules_default(&pb->base);
    pb->base.n_checklist = 0;        /* a [checklist] section replaces the default items */
    pb->base.n_safety_checklist = 0; /* ... and a [checklist.safety] the safety steps */
    load_ctx ctx = {.pb = pb};
    int line = ini_parse_string(text, on_key, &ctx);
    if (line == 0 && (!ctx.saw_checklist || !ctx.saw_safety_checklist)) {
        eng_rules defaults;
        eng_rules_default(&defaults);
        if (!ctx.saw_checklist) {
            memcpy(pb->base.checklist, defaults.checklist, sizeof defaults.checklist);
            pb->base.n_checklist = defaults.n_checklist;
        }
        if (!ctx.saw_safety_checklist) {
            memcpy(pb->base.safety_checklist, defaults.safety_checklist,
                   sizeof defaults.safety_checklist);
            pb->base.n_safety_checklist = defaults.n_safety_checklist;
        }
    }
    if (line != 0) {
        if (ctx.why[0] == '\0') {
            snprintf(err, RP_ERR_LEN, "%.100s:%d: expected [section] or key = value", name, line);
        } else {
            snprintf(err, RP_ERR_LEN, "%.60s:%d: %.60s: %.120s", name, line, ctx.where, ctx.why);
        }
        eng_playbook_destroy(&pb);
        return RP_EINVAL;
    }
    char where[64] = "";
    char why[RP_ERR_LEN] = "";
    if (!check_rules(&pb->base, where, why)) {
        snprintf(err, RP_ERR_LEN, "%.60s: %.60s: %.120s", name, where, why);
        eng_playbook_destroy(&pb);
        return RP_EINVAL;
    }
    for (size_t q = 0; q < pb->n_queues; q++) {
        eng_rules r;
        eng_playbook_rules(pb, pb->queues[q], strlen(pb->queues[q]), &r);
        if (!check_rules(&r, where, why)) {
            snprintf(err, RP_ERR_LEN, "%.60s: [queue.%.40s] %.40s: %.100s", name, pb->queues[q],
                     where, why);
            eng_playbook_destroy(&pb);
            return RP_EINVAL;
        }
    }
    *out = pb;
    return RP_OK;
}

int eng_playbook_load(const char *path, eng_playbook **out, char *err)
{
    *out = NULL;
    if (path == NULL) {
        return eng_playbook_load_string("", "(defaults)", out, err);
    }
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        snprintf(err, RP_ERR_LEN, "%s: %s", path, strerror(errno));
        return RP_EIO;
    }
    char *text = rp_malloc(ENG_PLAYBOOK_MAX_BYTES + 1);
    if (text == NULL) {
        fclose(f);
        snprintf(err, RP_ERR_LEN, "%s: out of memory", path);
        return RP_ENOMEM;
    }
    size_t n = fread(text, 1, ENG_PLAYBOOK_MAX_BYTES + 1, f);
    bool read_error = ferror(f) != 0;
    fclose(f);
    if (read_error || n > ENG_PLAYBOOK_MAX_BYTES || memchr(text, '\0', n) != NULL) {
        snprintf(err, RP_ERR_LEN, "%s: %s", path,
                 read_error
                     ? "read error"
                     : (n > ENG_PLAYBOOK_MAX_BYTES ? "larger than 1 MiB" : "contains a NUL byte"));
        rp_free(text);
        return read_error ? RP_EIO : RP_EINVAL;
    }
    text[n] = '\0';
    int rc = eng_playbook_load_string(text, path, out, err);
    rp_free(text);
    return rc;
}

void eng_playbook_destroy(eng_playbook **self_p)
{
    if (self_p == NULL || *self_p == NULL) {
        return;
    }
    rp_free((*self_p)->overrides);
    rp_free(*self_p);
    *self_p = NULL;
}

void eng_playbook_rules(const eng_playbook *pb, const char *queue, size_t queue_len, eng_rules *out)
{
    *out = pb->base;
    if (queue == NULL || queue_len == 0) {
        return;
    }
    for (size_t i = 0; i < pb->n_overrides; i++) {
        const override *o = &pb->overrides[i];
        if (strlen(o->queue) == queue_len && memcmp(o->queue, queue, queue_len) == 0) {
            char why[RP_ERR_LEN];
            (void)apply(out, o->section, o->key, o->value, why); /* validated at load */
        }
    }
}

uint32_t eng_playbook_retention_days(const eng_playbook *pb, const char *queue, size_t queue_len)
{
    uint32_t days = pb->base.retention_days;
    if (queue == NULL || queue_len == 0) {
        return days;
    }
    /* only retention overrides matter: no need to resolve a whole eng_rules */
    for (size_t i = 0; i < pb->n_overrides; i++) {
        const override *o = &pb->overrides[i];
        if (strlen(o->queue) == queue_len && memcmp(o->queue, queue, queue_len) == 0 &&
            strcmp(o->section, "retention") == 0 && strcmp(o->key, "days") == 0) {
            (void)rp_parse_u32(o->value, 0, ENG_RETENTION_MAX_DAYS, &days); /* validated at load */
        }
    }
    return days;
}

size_t eng_playbook_n_queues(const eng_playbook *pb)
{
    return pb->n_queues;
}
