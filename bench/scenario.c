/* bench/scenario.c - the role-play scenario format: YAML in, bench_scenario out. */
#include "bench/scenario.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "common/alloc.h"
#include "common/status.h"

/* err (RP_ERR_LEN bytes) = the formatted text, truncated to fit. */
RP_PRINTF(2, 3) static void seterr(char *err, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, RP_ERR_LEN, fmt, ap);
    va_end(ap);
}

typedef struct ctx {
    yaml_document_t *doc;
    const char *name;
    char *err;
    bench_scenario *sc;
} ctx;

RP_PRINTF(3, 4) static int fail(const ctx *c, const yaml_node_t *n, const char *fmt, ...)
{
    int k = snprintf(c->err, RP_ERR_LEN, "%s:%lu: ", c->name,
                     n != NULL ? (unsigned long)n->start_mark.line + 1 : 1ul);
    if (k >= 0 && k < (int)RP_ERR_LEN) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(c->err + k, RP_ERR_LEN - (size_t)k, fmt, ap);
        va_end(ap);
    }
    return RP_EINVAL;
}

static int line_of(const yaml_node_t *n)
{
    return (int)n->start_mark.line + 1;
}

static yaml_node_t *node_at(const ctx *c, int index)
{
    return yaml_document_get_node(c->doc, index);
}

/* ---- scalars ---- */

static int want_scalar(const ctx *c, const yaml_node_t *n, const char *key, size_t max,
                       const char **s, size_t *len)
{
    if (n->type != YAML_SCALAR_NODE) {
        return fail(c, n, "%s: expected a single value", key);
    }
    *s = (const char *)n->data.scalar.value;
    *len = n->data.scalar.length;
    if (*len > max) {
        return fail(c, n, "%s: longer than %zu bytes", key, max);
    }
    if (memchr(*s, '\0', *len) != NULL) {
        return fail(c, n, "%s: contains a NUL byte", key);
    }
    return RP_OK;
}

static int get_string(const ctx *c, const yaml_node_t *n, const char *key, char *dst, size_t cap)
{
    const char *s = NULL;
    size_t len = 0;
    int rc = want_scalar(c, n, key, cap - 1, &s, &len);
    if (rc != RP_OK) {
        return rc;
    }
    memcpy(dst, s, len);
    dst[len] = '\0';
    return RP_OK;
}

static int get_id(const ctx *c, const yaml_node_t *n, const char *key, char *dst, size_t cap)
{
    int rc = get_string(c, n, key, dst, cap);
    if (rc == RP_OK && !proto_id_valid(dst, strlen(dst))) {
        return fail(c, n, "%s: '%s' is not an id (1..64 of A-Z a-z 0-9 _ . : @ -)", key, dst);
    }
    return rc;
}

static int get_text(const ctx *c, const yaml_node_t *n, const char *key, char **dst)
{
    const char *s = NULL;
    size_t len = 0;
    int rc = want_scalar(c, n, key, BENCH_MAX_TEXT, &s, &len);
    if (rc != RP_OK) {
        return rc;
    }
    if (len == 0) {
        return fail(c, n, "%s: empty", key);
    }
    rp_free(*dst);
    *dst = rp_strndup(s, len);
    return *dst == NULL ? RP_ENOMEM : RP_OK;
}

static int get_number(const ctx *c, const yaml_node_t *n, const char *key, double lo, double hi,
                      double *out)
{
    const char *s = NULL;
    size_t len = 0;
    int rc = want_scalar(c, n, key, 63, &s, &len);
    if (rc != RP_OK) {
        return rc;
    }
    char buf[64];
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *end = NULL;
    errno = 0;
    double v = strtod(buf, &end);
    if (len == 0 || end != buf + len || errno != 0 || !isfinite(v) || v < lo || v > hi) {
        return fail(c, n, "%s: expected a number %g..%g, got '%s'", key, lo, hi, buf);
    }
    *out = v;
    return RP_OK;
}

static int get_bool(const ctx *c, const yaml_node_t *n, const char *key, bool *out)
{
    const char *s = NULL;
    size_t len = 0;
    int rc = want_scalar(c, n, key, 8, &s, &len);
    if (rc != RP_OK) {
        return rc;
    }
    if ((len == 4 && memcmp(s, "true", 4) == 0) || (len == 3 && memcmp(s, "yes", 3) == 0)) {
        *out = true;
    } else if ((len == 5 && memcmp(s, "false", 5) == 0) || (len == 2 && memcmp(s, "no", 2) == 0)) {
        *out = false;
    } else {
        return fail(c, n, "%s: expected true or false, got '%.*s'", key, (int)len, s);
    }
    return RP_OK;
}

/* Index of the scalar among names[0..n), or -1 (error reported). */
static int get_enum(const ctx *c, const yaml_node_t *n, const char *key, const char *const *names,
                    int count, int *out)
{
    char buf[BENCH_MAX_NAME];
    int rc = get_string(c, n, key, buf, sizeof buf);
    if (rc != RP_OK) {
        return rc;
    }
    for (int i = 0; i < count; i++) {
        if (names[i] != NULL && strcmp(buf, names[i]) == 0) {
            *out = i;
            return RP_OK;
        }
    }
    char list[200];
    size_t used = 0;
    list[0] = '\0';
    for (int i = 0; i < count && used + 1 < sizeof list; i++) {
        int w = snprintf(list + used, sizeof list - used, "%s%s", i ? " " : "", names[i]);
        used += w > 0 ? (size_t)w : 0;
    }
    return fail(c, n, "%s: '%s' is not one of: %s", key, buf, list);
}

/* ---- mappings ---- */

/* Walks a mapping whose keys must come from keys[0..n_keys) (each at most once),
 * calling field(c, obj, index, value node) for each. */
typedef int (*field_fn)(const ctx *c, void *obj, int index, const yaml_node_t *value);

static int walk_map(const ctx *c, const yaml_node_t *n, const char *what, const char *const *keys,
                    int n_keys, field_fn field, void *obj)
{
    if (n->type != YAML_MAPPING_NODE) {
        return fail(c, n, "%s: expected a mapping (key: value)", what);
    }
    uint64_t seen = 0;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node_at(c, p->key);
        yaml_node_t *v = node_at(c, p->value);
        if (k == NULL || v == NULL || k->type != YAML_SCALAR_NODE) {
            return fail(c, k != NULL ? k : n, "%s: keys must be plain words", what);
        }
        const char *ks = (const char *)k->data.scalar.value;
        int idx = -1;
        for (int i = 0; i < n_keys; i++) {
            if (strlen(keys[i]) == k->data.scalar.length && strcmp(ks, keys[i]) == 0) {
                idx = i;
            }
        }
        if (idx < 0) {
            return fail(c, k, "%s: unknown key '%.40s'", what, ks);
        }
        if (seen & (1ull << idx)) {
            return fail(c, k, "%s: key '%s' given twice", what, ks);
        }
        seen |= 1ull << idx;
        int rc = field(c, obj, idx, v);
        if (rc != RP_OK) {
            return rc;
        }
    }
    return RP_OK;
}

static size_t seq_len(const yaml_node_t *n)
{
    return (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
}

/* Checks n is a sequence of at most max items and allocates *arr for them. */
static int want_seq(const ctx *c, const yaml_node_t *n, const char *what, size_t max,
                    size_t item_size, void **arr, size_t *count)
{
    if (n->type != YAML_SEQUENCE_NODE) {
        return fail(c, n, "%s: expected a list", what);
    }
    size_t len = seq_len(n);
    if (len > max) {
        return fail(c, n, "%s: more than %zu items", what, max);
    }
    if (*count + len > max) {
        return fail(c, n, "%s: more than %zu items in all", what, max);
    }
    void *p = rp_realloc(*arr, (*count + len + 1) * item_size);
    if (p == NULL) {
        return RP_ENOMEM;
    }
    *arr = p;
    memset((char *)p + *count * item_size, 0, (len + 1) * item_size);
    return RP_OK;
}

/* ---- timing (shared by turns and messages) ---- */

static int set_timing(const ctx *c, const yaml_node_t *v, const char *key, bench_timing t,
                      bench_timing *timing, double *time_s, bool *have)
{
    if (*have) {
        return fail(c, v, "give only one of at, gap and overlap");
    }
    *have = true;
    *timing = t;
    double lo = t == BENCH_GAP ? -60.0 : 0.0;
    return get_number(c, v, key, lo, BENCH_MAX_DURATION_S, time_s);
}

/* ---- turns ---- */

static const char *const turn_keys[] = {"id",  "who",   "text",    "at",    "gap",       "overlap",
                                        "wpm", "pitch", "gain_db", "voice", "transcript"};

typedef struct turn_obj {
    bench_turn *t;
    bool have_time;
} turn_obj;

static int turn_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    turn_obj *o = obj;
    bench_turn *t = o->t;
    static const char *const roles[] = {"agent", "customer"};
    int who = 0;
    int rc;
    switch (i) {
    case 0:
        return get_id(c, v, "id", t->label, sizeof t->label);
    case 1:
        rc = get_enum(c, v, "who", roles, 2, &who);
        t->who = (bench_role)who;
        return rc;
    case 2:
        return get_text(c, v, "text", &t->text);
    case 3:
        return set_timing(c, v, "at", BENCH_AT, &t->timing, &t->time_s, &o->have_time);
    case 4:
        return set_timing(c, v, "gap", BENCH_GAP, &t->timing, &t->time_s, &o->have_time);
    case 5:
        return set_timing(c, v, "overlap", BENCH_OVERLAP, &t->timing, &t->time_s, &o->have_time);
    case 6:
        return get_number(c, v, "wpm", 80.0, 450.0, &t->wpm);
    case 7:
        return get_number(c, v, "pitch", 0.0, 99.0, &t->pitch);
    case 8:
        return get_number(c, v, "gain_db", -40.0, 20.0, &t->gain_db);
    case 9:
        return get_string(c, v, "voice", t->voice, sizeof t->voice);
    default:
        return get_bool(c, v, "transcript", &t->transcript);
    }
}

static int parse_turns(const ctx *c, const yaml_node_t *n)
{
    bench_scenario *sc = c->sc;
    int rc = want_seq(c, n, "turns", BENCH_MAX_TURNS, sizeof(bench_turn), (void **)&sc->turns,
                      &sc->n_turns);
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         rc == RP_OK && it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(c, *it);
        bench_turn *t = &sc->turns[sc->n_turns++];
        t->line = line_of(item);
        t->timing = BENCH_GAP;
        t->time_s = 0.4;
        t->wpm = -1.0;
        t->pitch = -1.0;
        t->transcript = true;
        turn_obj o = {t, false};
        rc = walk_map(c, item, "turn", turn_keys, (int)(sizeof turn_keys / sizeof turn_keys[0]),
                      turn_field, &o);
        if (rc == RP_OK && t->text == NULL) {
            rc = fail(c, item, "turn: needs who and text");
        }
    }
    return rc;
}

/* ---- messages ---- */

static const char *const msg_keys[] = {"id", "who", "text", "at", "gap"};

typedef struct msg_obj {
    bench_message *m;
    bool have_time;
} msg_obj;

static int msg_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    msg_obj *o = obj;
    bench_message *m = o->m;
    static const char *const speakers[] = {"agent", "customer", "bot"};
    int who = 0;
    int rc;
    switch (i) {
    case 0:
        return get_id(c, v, "id", m->label, sizeof m->label);
    case 1:
        rc = get_enum(c, v, "who", speakers, 3, &who);
        m->who = (proto_speaker)who;
        return rc;
    case 2:
        return get_text(c, v, "text", &m->text);
    case 3:
        return set_timing(c, v, "at", BENCH_AT, &m->timing, &m->time_s, &o->have_time);
    default:
        return set_timing(c, v, "gap", BENCH_GAP, &m->timing, &m->time_s, &o->have_time);
    }
}

static int parse_messages(const ctx *c, const yaml_node_t *n)
{
    bench_scenario *sc = c->sc;
    int rc = want_seq(c, n, "messages", BENCH_MAX_MESSAGES, sizeof(bench_message),
                      (void **)&sc->messages, &sc->n_messages);
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         rc == RP_OK && it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(c, *it);
        bench_message *m = &sc->messages[sc->n_messages++];
        m->line = line_of(item);
        m->timing = BENCH_GAP;
        m->time_s = 5.0;
        msg_obj o = {m, false};
        rc = walk_map(c, item, "message", msg_keys, 5, msg_field, &o);
        if (rc == RP_OK && m->text == NULL) {
            rc = fail(c, item, "message: needs who and text");
        }
    }
    return rc;
}

/* ---- holds, consent changes, signals ---- */

static const char *const hold_keys[] = {"on", "off", "after"};

static int hold_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_hold *h = obj;
    if (i == 2) {
        return get_id(c, v, "after", h->anchor, sizeof h->anchor);
    }
    return get_number(c, v, hold_keys[i], 0.0, BENCH_MAX_DURATION_S,
                      i == 0 ? &h->rel_on_s : &h->rel_off_s);
}

static const char *const consent_keys[] = {"at", "voice_emotion", "text_emotion", "after"};

static int consent_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_consent_change *k = obj;
    if (i == 0) {
        return get_number(c, v, "at", 0.0, BENCH_MAX_DURATION_S, &k->rel_at_s);
    }
    if (i == 3) {
        return get_id(c, v, "after", k->anchor, sizeof k->anchor);
    }
    return get_bool(c, v, consent_keys[i], i == 1 ? &k->voice_emotion : &k->text_emotion);
}

static const char *const signal_keys[] = {"at", "kind", "after"};
static const char *const signal_names[] = {"form_error", "repeated_error", "rage_click",
                                           "rapid_exit"};

static int signal_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_signal *s = obj;
    if (i == 0) {
        return get_number(c, v, "at", 0.0, BENCH_MAX_DURATION_S, &s->rel_at_s);
    }
    if (i == 2) {
        return get_id(c, v, "after", s->anchor, sizeof s->anchor);
    }
    int k = 0;
    int rc = get_enum(c, v, "kind", signal_names, 4, &k);
    s->kind = (proto_signal_kind)k;
    return rc;
}

static int parse_holds(const ctx *c, const yaml_node_t *n)
{
    bench_scenario *sc = c->sc;
    int rc = want_seq(c, n, "holds", BENCH_MAX_EVENTS, sizeof(bench_hold), (void **)&sc->holds,
                      &sc->n_holds);
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         rc == RP_OK && it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(c, *it);
        bench_hold *h = &sc->holds[sc->n_holds++];
        h->rel_on_s = -1.0;
        h->rel_off_s = -1.0;
        h->line = line_of(item);
        rc = walk_map(c, item, "hold", hold_keys, 3, hold_field, h);
        if (rc == RP_OK && (h->rel_on_s < 0.0 || h->rel_off_s <= h->rel_on_s)) {
            rc = fail(c, item, "hold: needs on and off, with off after on");
        }
    }
    return rc;
}

static int parse_consent_changes(const ctx *c, const yaml_node_t *n)
{
    bench_scenario *sc = c->sc;
    int rc = want_seq(c, n, "consent_changes", BENCH_MAX_EVENTS, sizeof(bench_consent_change),
                      (void **)&sc->consent, &sc->n_consent);
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         rc == RP_OK && it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(c, *it);
        bench_consent_change *k = &sc->consent[sc->n_consent++];
        k->rel_at_s = -1.0;
        k->line = line_of(item);
        rc = walk_map(c, item, "consent change", consent_keys, 4, consent_field, k);
        if (rc == RP_OK && k->rel_at_s < 0.0) {
            rc = fail(c, item, "consent change: needs at");
        }
    }
    return rc;
}

static int parse_signals(const ctx *c, const yaml_node_t *n)
{
    bench_scenario *sc = c->sc;
    int rc = want_seq(c, n, "signals", BENCH_MAX_EVENTS, sizeof(bench_signal),
                      (void **)&sc->signals, &sc->n_signals);
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         rc == RP_OK && it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(c, *it);
        bench_signal *s = &sc->signals[sc->n_signals++];
        s->rel_at_s = -1.0;
        s->line = line_of(item);
        s->kind = PROTO_SIG_COUNT;
        rc = walk_map(c, item, "signal", signal_keys, 3, signal_field, s);
        if (rc == RP_OK && (s->rel_at_s < 0.0 || s->kind == PROTO_SIG_COUNT)) {
            rc = fail(c, item, "signal: needs at and kind");
        }
    }
    return rc;
}

/* ---- checks: expect / allow / forbid ---- */

static const char *const check_keys[] = {"cue",    "escalation", "party", "level",
                                         "within", "moment",     "after", "from"};

typedef struct check_obj {
    bench_check *k;
    bool have_kind, have_window;
} check_obj;

static int name_list(const char *(*name_of)(int), int n, const char **out)
{
    for (int i = 0; i < n; i++) {
        out[i] = name_of(i);
    }
    return n;
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

static int check_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    check_obj *o = obj;
    bench_check *k = o->k;
    const char *names[PROTO_CUE_COUNT + PROTO_REASON_COUNT + 4];
    int e = 0, rc, n;
    switch (i) {
    case 0:
    case 1:
        if (o->have_kind) {
            return fail(c, v, "give either cue or escalation, not both");
        }
        o->have_kind = true;
        k->kind = i == 0 ? BENCH_CHECK_CUE : BENCH_CHECK_ESCALATION;
        n = i == 0 ? name_list(cue_name_i, PROTO_CUE_COUNT, names)
                   : name_list(reason_name_i, PROTO_REASON_COUNT, names);
        rc = get_enum(c, v, check_keys[i], names, n, &e);
        if (i == 0) {
            k->cue = (proto_cue_kind)e;
        } else {
            k->reason = (proto_esc_reason)e;
        }
        return rc;
    case 2: {
        static const char *const parties[] = {"agent", "customer", "both"};
        k->has_party = true;
        rc = get_enum(c, v, "party", parties, 3, &e);
        k->party = (proto_who)e;
        return rc;
    }
    case 3:
        k->has_level = true;
        n = name_list(level_name_i, PROTO_LEVEL_COUNT, names);
        rc = get_enum(c, v, "level", names, n, &e);
        k->level = (proto_esc_level)e;
        return rc;
    case 4: {
        if (v->type != YAML_SEQUENCE_NODE || seq_len(v) != 2) {
            return fail(c, v, "within: expected [t0, t1] in seconds");
        }
        rc = get_number(c, node_at(c, v->data.sequence.items.start[0]), "within", -60.0,
                        BENCH_MAX_DURATION_S, &k->t0_s);
        if (rc == RP_OK) {
            rc = get_number(c, node_at(c, v->data.sequence.items.start[1]), "within", -60.0,
                            BENCH_MAX_DURATION_S, &k->t1_s);
        }
        if (rc == RP_OK && k->t1_s <= k->t0_s) {
            return fail(c, v, "within: t1 must be after t0");
        }
        o->have_window = true;
        k->whole_call = false;
        return rc;
    }
    case 5:
        k->has_moment = true;
        return get_number(c, v, "moment", -60.0, BENCH_MAX_DURATION_S, &k->moment_s);
    default:
        if (k->anchor[0] != '\0') {
            return fail(c, v, "give only one of after and from");
        }
        k->anchor_end = i == 6;
        return get_id(c, v, check_keys[i], k->anchor, sizeof k->anchor);
    }
}

static int parse_checks(const ctx *c, const yaml_node_t *n, bench_check_role role, const char *what)
{
    bench_scenario *sc = c->sc;
    int rc = want_seq(c, n, what, BENCH_MAX_CHECKS, sizeof(bench_check), (void **)&sc->checks,
                      &sc->n_checks);
    for (yaml_node_item_t *it = n->data.sequence.items.start;
         rc == RP_OK && it < n->data.sequence.items.top; it++) {
        yaml_node_t *item = node_at(c, *it);
        bench_check *k = &sc->checks[sc->n_checks++];
        k->role = role;
        k->line = line_of(item);
        k->whole_call = true;
        check_obj o = {k, false, false};
        rc = walk_map(c, item, what, check_keys, 8, check_field, &o);
        if (rc != RP_OK) {
            break;
        }
        if (!o.have_kind) {
            rc = fail(c, item, "%s: needs cue or escalation", what);
        } else if (role == BENCH_EXPECT && !o.have_window) {
            rc = fail(c, item, "%s: needs within: [t0, t1]", what);
        } else if (k->kind == BENCH_CHECK_CUE && k->has_level) {
            rc = fail(c, item, "%s: level belongs to escalations", what);
        } else if (k->kind == BENCH_CHECK_ESCALATION && k->has_party) {
            rc = fail(c, item, "%s: party belongs to cues", what);
        } else if (k->anchor[0] != '\0' && !o.have_window) {
            rc = fail(c, item, "%s: after/from need within", what);
        }
    }
    return rc;
}

/* ---- small objects of the top level ---- */

static const char *const consent0_keys[] = {"voice_emotion", "text_emotion"};

static int consent0_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_scenario *sc = obj;
    return get_bool(c, v, consent0_keys[i], i == 0 ? &sc->voice_emotion : &sc->text_emotion);
}

static const char *const line_keys[] = {"noise_db", "g711"};

static int line_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_scenario *sc = obj;
    if (i == 0) {
        return get_number(c, v, "noise_db", -150.0, -10.0, &sc->noise_db);
    }
    static const char *const codecs[] = {"none", "mulaw"};
    int k = 0;
    int rc = get_enum(c, v, "g711", codecs, 2, &k);
    sc->g711 = k == 1;
    return rc;
}

static const char *const voice_keys[] = {"voice", "wpm", "pitch"};

typedef struct voice_obj {
    char *voice;
    double *wpm, *pitch;
} voice_obj;

static int voice_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    voice_obj *o = obj;
    if (i == 0) {
        return get_string(c, v, "voice", o->voice, BENCH_MAX_NAME);
    }
    return i == 1 ? get_number(c, v, "wpm", 80.0, 450.0, o->wpm)
                  : get_number(c, v, "pitch", 0.0, 99.0, o->pitch);
}

static const char *const voices_keys[] = {"agent", "customer"};

static int voices_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_scenario *sc = obj;
    voice_obj o = i == 0 ? (voice_obj){sc->agent_voice, &sc->agent_wpm, &sc->agent_pitch}
                         : (voice_obj){sc->customer_voice, &sc->customer_wpm, &sc->customer_pitch};
    return walk_map(c, v, voices_keys[i], voice_keys, 3, voice_field, &o);
}

static const char *const top_keys[] = {"id",
                                       "title",
                                       "notes",
                                       "medium",
                                       "handler",
                                       "rate_hz",
                                       "queue",
                                       "topic",
                                       "customer",
                                       "prior_contacts_30d",
                                       "consent",
                                       "line",
                                       "duration",
                                       "calm",
                                       "voices",
                                       "turns",
                                       "messages",
                                       "holds",
                                       "consent_changes",
                                       "signals",
                                       "expect",
                                       "allow",
                                       "forbid"};

static int top_field(const ctx *c, void *obj, int i, const yaml_node_t *v)
{
    bench_scenario *sc = obj;
    static const char *const media[] = {"voice", "chat"};
    static const char *const handlers[] = {"human", "bot"};
    int e = 0, rc;
    double d = 0.0;
    const char *notes = NULL;
    size_t notes_len = 0;
    switch (i) {
    case 0:
        return get_id(c, v, "id", sc->id, sizeof sc->id);
    case 1:
        return get_string(c, v, "title", sc->title, sizeof sc->title);
    case 2:
        return want_scalar(c, v, "notes", BENCH_MAX_TEXT, &notes, &notes_len); /* for people */
    case 3:
        rc = get_enum(c, v, "medium", media, 2, &e);
        sc->medium = (proto_medium)e;
        return rc;
    case 4:
        rc = get_enum(c, v, "handler", handlers, 2, &e);
        sc->handler = (proto_handler)e;
        return rc;
    case 5:
        rc = get_number(c, v, "rate_hz", 8000.0, 16000.0, &d);
        if (rc == RP_OK && d != 8000.0 && d != 16000.0) {
            return fail(c, v, "rate_hz: 8000 or 16000");
        }
        sc->rate_hz = (uint32_t)d;
        return rc;
    case 6:
        return get_id(c, v, "queue", sc->queue, sizeof sc->queue);
    case 7:
        return get_string(c, v, "topic", sc->topic, sizeof sc->topic);
    case 8:
        return get_id(c, v, "customer", sc->customer, sizeof sc->customer);
    case 9:
        rc = get_number(c, v, "prior_contacts_30d", 0.0, 100000.0, &d);
        sc->has_prior_contacts = true;
        sc->prior_contacts_30d = (uint32_t)d;
        return rc;
    case 10:
        return walk_map(c, v, "consent", consent0_keys, 2, consent0_field, sc);
    case 11:
        return walk_map(c, v, "line", line_keys, 2, line_field, sc);
    case 12:
        return get_number(c, v, "duration", 1.0, BENCH_MAX_DURATION_S, &sc->duration_s);
    case 13:
        return get_bool(c, v, "calm", &sc->calm);
    case 14:
        return walk_map(c, v, "voices", voices_keys, 2, voices_field, sc);
    case 15:
        return parse_turns(c, v);
    case 16:
        return parse_messages(c, v);
    case 17:
        return parse_holds(c, v);
    case 18:
        return parse_consent_changes(c, v);
    case 19:
        return parse_signals(c, v);
    case 20:
        return parse_checks(c, v, BENCH_EXPECT, "expect");
    case 21:
        return parse_checks(c, v, BENCH_ALLOW, "allow");
    default:
        return parse_checks(c, v, BENCH_FORBID, "forbid");
    }
}

/* ---- the whole file ---- */

/* First pass over the event stream: nesting depth and no anchors/aliases (a
 * scenario needs neither, and refusing them keeps the walk linear). */
static int prescan(const char *name, const char *bytes, size_t len, char *err)
{
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        return RP_ENOMEM;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)bytes, len);
    int rc = RP_OK;
    unsigned depth = 0;
    int docs = 0;
    for (bool done = false; !done && rc == RP_OK;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            seterr(err, "%s:%lu: YAML: %s", name, (unsigned long)p.problem_mark.line + 1,
                   p.problem != NULL ? p.problem : "syntax error");
            rc = RP_EINVAL;
            break;
        }
        unsigned long line = (unsigned long)ev.start_mark.line + 1;
        switch (ev.type) {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
            if (++depth > BENCH_MAX_DEPTH) {
                seterr(err, "%s:%lu: nested deeper than %u levels", name, line, BENCH_MAX_DEPTH);
                rc = RP_EINVAL;
            }
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            depth--;
            break;
        case YAML_ALIAS_EVENT:
            seterr(err, "%s:%lu: aliases (*name) are not supported", name, line);
            rc = RP_EINVAL;
            break;
        case YAML_DOCUMENT_START_EVENT:
            if (++docs > 1) {
                seterr(err, "%s:%lu: one document per file", name, line);
                rc = RP_EINVAL;
            }
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&p);
    return rc;
}

static uint64_t fnv1a(const char *b, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uint8_t)b[i]) * 1099511628211ull;
    }
    return h;
}

static int validate(const ctx *c, const yaml_node_t *root)
{
    bench_scenario *sc = c->sc;
    if (sc->id[0] == '\0') {
        return fail(c, root, "id: missing");
    }
    if (sc->medium == PROTO_CHAT && sc->n_turns > 0) {
        return fail(c, root, "a chat session has messages, not spoken turns");
    }
    if (sc->medium == PROTO_VOICE && sc->n_turns == 0) {
        return fail(c, root, "a voice call needs turns");
    }
    if (sc->medium == PROTO_CHAT && sc->n_messages == 0) {
        return fail(c, root, "a chat session needs messages");
    }
    for (size_t i = 0; i < sc->n_checks; i++) {
        if (sc->calm && sc->checks[i].role == BENCH_EXPECT) {
            return fail(c, root, "a calm control expects nothing (line %d)", sc->checks[i].line);
        }
    }
    for (size_t i = 0; i < sc->n_turns; i++) {
        bench_turn *t = &sc->turns[i];
        bool agent = t->who == BENCH_ROLE_AGENT;
        if (t->voice[0] == '\0') {
            memcpy(t->voice, agent ? sc->agent_voice : sc->customer_voice, BENCH_MAX_NAME);
        }
        t->wpm = t->wpm < 0.0 ? (agent ? sc->agent_wpm : sc->customer_wpm) : t->wpm;
        t->pitch = t->pitch < 0.0 ? (agent ? sc->agent_pitch : sc->customer_pitch) : t->pitch;
    }
    return RP_OK;
}

int bench_scenario_parse(const char *name, const char *bytes, size_t len, bench_scenario **out,
                         char *err)
{
    *out = NULL;
    err[0] = '\0';
    if (len > BENCH_MAX_FILE_BYTES) {
        seterr(err, "%s:1: larger than %u bytes", name, BENCH_MAX_FILE_BYTES);
        return RP_EINVAL;
    }
    int rc = prescan(name, bytes, len, err);
    if (rc != RP_OK) {
        return rc;
    }
    bench_scenario *sc = rp_calloc(1, sizeof *sc);
    if (sc == NULL) {
        return RP_ENOMEM;
    }
    snprintf(sc->path, sizeof sc->path, "%s", name);
    sc->medium = PROTO_VOICE;
    sc->handler = PROTO_HUMAN;
    sc->rate_hz = 16000;
    sc->voice_emotion = true;
    sc->text_emotion = true;
    sc->noise_db = -60.0;
    snprintf(sc->agent_voice, sizeof sc->agent_voice, "en-us+m3");
    snprintf(sc->customer_voice, sizeof sc->customer_voice, "en-us+f3");
    sc->agent_wpm = 165.0;
    sc->customer_wpm = 155.0;
    sc->agent_pitch = 45.0;
    sc->customer_pitch = 60.0;
    sc->hash = fnv1a(bytes, len);

    yaml_parser_t p;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&p)) {
        rp_free(sc);
        return RP_ENOMEM;
    }
    yaml_parser_set_input_string(&p, (const unsigned char *)bytes, len);
    if (!yaml_parser_load(&p, &doc)) {
        seterr(err, "%s:%lu: YAML: %s", name, (unsigned long)p.problem_mark.line + 1,
               p.problem != NULL ? p.problem : "cannot load");
        yaml_parser_delete(&p);
        rp_free(sc);
        return RP_EINVAL;
    }
    ctx c = {&doc, name, err, sc};
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root == NULL) {
        seterr(err, "%s:1: empty file", name);
        rc = RP_EINVAL;
    } else {
        rc = walk_map(&c, root, "scenario", top_keys, (int)(sizeof top_keys / sizeof top_keys[0]),
                      top_field, sc);
        if (rc == RP_OK) {
            rc = validate(&c, root);
        }
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&p);
    if (rc != RP_OK) {
        if (rc == RP_ENOMEM && err[0] == '\0') {
            seterr(err, "%s: out of memory", name);
        }
        bench_scenario_free(&sc);
        return rc;
    }
    *out = sc;
    return RP_OK;
}

int bench_scenario_load(const char *path, bench_scenario **out, char *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        seterr(err, "%s: %s", path, strerror(errno));
        return RP_EIO;
    }
    char *buf = rp_malloc(BENCH_MAX_FILE_BYTES + 1);
    if (buf == NULL) {
        fclose(f);
        seterr(err, "%s: out of memory", path);
        return RP_ENOMEM;
    }
    size_t n = fread(buf, 1, BENCH_MAX_FILE_BYTES + 1, f);
    bool bad = ferror(f) != 0;
    fclose(f);
    int rc;
    if (bad) {
        seterr(err, "%s: read error", path);
        rc = RP_EIO;
    } else {
        rc = bench_scenario_parse(path, buf, n, out, err);
    }
    rp_free(buf);
    return rc;
}

void bench_scenario_free(bench_scenario **sc_p)
{
    if (sc_p == NULL || *sc_p == NULL) {
        return;
    }
    bench_scenario *sc = *sc_p;
    for (size_t i = 0; i < sc->n_turns; i++) {
        rp_free(sc->turns[i].text);
    }
    for (size_t i = 0; i < sc->n_messages; i++) {
        rp_free(sc->messages[i].text);
    }
    rp_free(sc->turns);
    rp_free(sc->messages);
    rp_free(sc->holds);
    rp_free(sc->consent);
    rp_free(sc->signals);
    rp_free(sc->checks);
    rp_free(sc);
    *sc_p = NULL;
}

/* ---- timeline ---- */

static double max2(double a, double b)
{
    return a > b ? a : b;
}

/* *t = the start or end of the turn or message labelled anchor (0 for ""). */
static int anchor_time(const bench_scenario *sc, const char *anchor, bool end, double *t, int line,
                       char *err)
{
    *t = 0.0;
    if (anchor[0] == '\0') {
        return RP_OK;
    }
    for (size_t j = 0; j < sc->n_turns; j++) {
        if (strcmp(sc->turns[j].label, anchor) == 0) {
            *t = end ? sc->turns[j].end_s : sc->turns[j].start_s;
            return RP_OK;
        }
    }
    for (size_t j = 0; j < sc->n_messages; j++) {
        if (strcmp(sc->messages[j].label, anchor) == 0) {
            *t = sc->messages[j].at_s;
            return RP_OK;
        }
    }
    seterr(err, "%s:%d: no turn or message has id '%s'", sc->path, line, anchor);
    return RP_EINVAL;
}

int bench_scenario_place(bench_scenario *sc, const double *turn_len_s, char *err)
{
    /* gap: silence after everyone so far has stopped; overlap: before the
     * previous turn in the list ends */
    double prev_end = 0.0, last = 0.0;
    for (size_t i = 0; i < sc->n_turns; i++) {
        bench_turn *t = &sc->turns[i];
        double start = t->timing == BENCH_AT    ? t->time_s
                       : t->timing == BENCH_GAP ? last + t->time_s
                                                : prev_end - t->time_s;
        if (start < 0.0) {
            seterr(err, "%s:%d: the turn would start before the call", sc->path, t->line);
            return RP_EINVAL;
        }
        t->start_s = start;
        t->end_s = start + (turn_len_s != NULL ? turn_len_s[i] : 0.0);
        prev_end = t->end_s;
        last = max2(last, t->end_s);
    }
    double prev = 0.0;
    for (size_t i = 0; i < sc->n_messages; i++) {
        bench_message *m = &sc->messages[i];
        m->at_s = m->timing == BENCH_AT ? m->time_s : prev + m->time_s;
        if (m->at_s < 0.0) {
            seterr(err, "%s:%d: the message would come before the call", sc->path, m->line);
            return RP_EINVAL;
        }
        prev = m->at_s;
        last = max2(last, m->at_s);
    }
    double base = 0.0;
    for (size_t i = 0; i < sc->n_holds; i++) {
        bench_hold *h = &sc->holds[i];
        if (anchor_time(sc, h->anchor, true, &base, h->line, err) != RP_OK) {
            return RP_EINVAL;
        }
        h->on_s = base + h->rel_on_s;
        h->off_s = base + h->rel_off_s;
        if (i > 0 && h->on_s < sc->holds[i - 1].off_s) {
            seterr(err, "%s:%d: the hold starts before the previous one ends", sc->path, h->line);
            return RP_EINVAL;
        }
        last = max2(last, h->off_s);
    }
    for (size_t i = 0; i < sc->n_consent; i++) {
        bench_consent_change *k = &sc->consent[i];
        if (anchor_time(sc, k->anchor, true, &base, k->line, err) != RP_OK) {
            return RP_EINVAL;
        }
        k->at_s = base + k->rel_at_s;
        last = max2(last, k->at_s);
    }
    for (size_t i = 0; i < sc->n_signals; i++) {
        bench_signal *g = &sc->signals[i];
        if (anchor_time(sc, g->anchor, true, &base, g->line, err) != RP_OK) {
            return RP_EINVAL;
        }
        g->at_s = base + g->rel_at_s;
        last = max2(last, g->at_s);
    }
    if (sc->duration_s <= 0.0) {
        sc->duration_s = last + 1.0;
    } else if (last > sc->duration_s) {
        seterr(err, "%s: the script runs to %.1f s, past its duration %.1f s", sc->path, last,
               sc->duration_s);
        return RP_EINVAL;
    }
    if (sc->duration_s > BENCH_MAX_DURATION_S) {
        seterr(err, "%s: longer than %.0f s", sc->path, BENCH_MAX_DURATION_S);
        return RP_EINVAL;
    }
    for (size_t i = 0; i < sc->n_checks; i++) {
        bench_check *k = &sc->checks[i];
        if (anchor_time(sc, k->anchor, k->anchor_end, &base, k->line, err) != RP_OK) {
            return RP_EINVAL;
        }
        if (k->whole_call) {
            k->abs_t0_s = 0.0;
            k->abs_t1_s = sc->duration_s + 1.0;
        } else {
            k->abs_t0_s = base + k->t0_s;
            k->abs_t1_s = base + k->t1_s;
        }
        k->abs_moment_s = k->has_moment ? base + k->moment_s : k->abs_t0_s;
    }
    return RP_OK;
}

static int cmp_event(const void *a, const void *b)
{
    const bench_event *x = a, *y = b;
    if (x->t_s != y->t_s) {
        return x->t_s < y->t_s ? -1 : 1;
    }
    return x->order < y->order ? -1 : (x->order > y->order);
}

size_t bench_scenario_timeline(const bench_scenario *sc, bench_event *ev)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->n_turns; i++) {
        const bench_turn *t = &sc->turns[i];
        if (!t->transcript) {
            continue;
        }
        proto_speaker who = t->who == BENCH_ROLE_CUSTOMER ? PROTO_SPK_CUSTOMER
                            : sc->handler == PROTO_BOT    ? PROTO_SPK_BOT
                                                          : PROTO_SPK_AGENT;
        ev[n++] = (bench_event){.t_s = t->end_s,
                                .kind = BENCH_EV_TEXT,
                                .speaker = who,
                                .source = PROTO_SRC_TRANSCRIPT,
                                .text = t->text};
    }
    for (size_t i = 0; i < sc->n_messages; i++) {
        const bench_message *m = &sc->messages[i];
        ev[n++] = (bench_event){.t_s = m->at_s,
                                .kind = BENCH_EV_TEXT,
                                .speaker = m->who,
                                .source = PROTO_SRC_CHAT,
                                .text = m->text};
    }
    for (size_t i = 0; i < sc->n_holds; i++) {
        ev[n++] = (bench_event){.t_s = sc->holds[i].on_s, .kind = BENCH_EV_HOLD, .on = true};
        ev[n++] = (bench_event){.t_s = sc->holds[i].off_s, .kind = BENCH_EV_HOLD, .on = false};
    }
    for (size_t i = 0; i < sc->n_consent; i++) {
        ev[n++] = (bench_event){.t_s = sc->consent[i].at_s,
                                .kind = BENCH_EV_CONSENT,
                                .voice_emotion = sc->consent[i].voice_emotion,
                                .text_emotion = sc->consent[i].text_emotion};
    }
    for (size_t i = 0; i < sc->n_signals; i++) {
        ev[n++] = (bench_event){.t_s = sc->signals[i].at_s,
                                .kind = BENCH_EV_SIGNAL,
                                .signal_kind = sc->signals[i].kind};
    }
    for (size_t i = 0; i < n; i++) {
        ev[i].order = i;
    }
    qsort(ev, n, sizeof *ev, cmp_event);
    return n;
}

const char *bench_check_name(const bench_check *c)
{
    const char *n =
        c->kind == BENCH_CHECK_CUE ? proto_cue_name(c->cue) : proto_reason_name(c->reason);
    return n != NULL ? n : "?";
}
