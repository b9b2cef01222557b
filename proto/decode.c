/* proto/decode.c - the strict, bounded, allocation-free decoder. */
#include "proto/proto.h"

#include <stdio.h>
#include <string.h>

#include "proto/mp.h"
#include "proto/schema.h"

void proto_arena_init(proto_arena *arena, void *mem, size_t size)
{
    arena->mem = mem;
    arena->size = mem == NULL ? 0 : size;
    arena->used = 0;
}

void proto_arena_reset(proto_arena *arena)
{
    arena->used = 0;
}

/* Carves n * size bytes, 8-byte aligned; NULL when the arena is absent or full. */
static void *arena_take(proto_arena *arena, size_t n, size_t size)
{
    if (arena == NULL || arena->mem == NULL || (size != 0 && n > SIZE_MAX / size)) {
        return NULL;
    }
    size_t bytes = n * size;
    size_t at = (arena->used + 7u) & ~(size_t)7u;
    if (at > arena->size || bytes > arena->size - at) {
        return NULL;
    }
    arena->used = at + bytes;
    void *p = arena->mem + at;
    memset(p, 0, bytes);
    return p;
}

typedef struct decoder {
    mp_reader r;
    proto_arena *arena;
    proto_path path;
    proto_error *err;
} decoder;

static void decoder_init(decoder *d, const uint8_t *buf, size_t len, proto_arena *arena,
                         proto_error *err)
{
    mp_reader_init(&d->r, buf, len);
    d->arena = arena;
    d->err = err;
    proto_path_init(&d->path, NULL);
}

static int fail_here(decoder *d, const char *reason)
{
    if (d->err != NULL) {
        d->err->offset = (size_t)(d->r.p - d->r.start);
    }
    proto_path_fail(&d->path, d->err, "%s", reason);
    return RP_EPROTO;
}

static int next(decoder *d, mp_item *it)
{
    proto_error e;
    if (!mp_next(&d->r, it, &e)) {
        proto_path_fail(&d->path, d->err, "%s", e.reason);
        if (d->err != NULL) {
            d->err->offset = e.offset;
        }
        return RP_EPROTO;
    }
    return RP_OK;
}

static const char *type_word(mp_type t)
{
    static const char *const words[] = {"nil",        "a boolean", "an integer",
                                        "an integer", "a float",   "a string",
                                        "binary",     "an array",  "a map"};
    return words[t];
}

static int wrong_type(decoder *d, const mp_item *it, const char *want)
{
    char reason[PROTO_ERR_REASON_LEN];
    snprintf(reason, sizeof reason, "expected %s, got %s", want, type_word(it->type));
    return fail_here(d, reason);
}

/* Reads a scalar wire item into v according to the field's kind. */
static int read_scalar(decoder *d, const proto_field *f, proto_value *v)
{
    mp_item it;
    int rc = next(d, &it);
    if (rc != RP_OK) {
        return rc;
    }
    memset(v, 0, sizeof *v);
    switch (f->kind) {
    case PF_BOOL:
        if (it.type != MP_BOOL) {
            return wrong_type(d, &it, "a boolean");
        }
        v->b = it.b;
        return RP_OK;
    case PF_U32:
    case PF_U64:
        if (it.type == MP_INT) {
            return fail_here(d, "negative value for an unsigned field");
        }
        if (it.type != MP_UINT) {
            return wrong_type(d, &it, "an unsigned integer");
        }
        v->u = it.u;
        return RP_OK;
    case PF_I64:
        if (it.type == MP_UINT) {
            if (it.u > (uint64_t)INT64_MAX) {
                return fail_here(d, "integer too large");
            }
            v->i = (int64_t)it.u;
        } else if (it.type == MP_INT) {
            v->i = it.i;
        } else {
            return wrong_type(d, &it, "an integer");
        }
        return RP_OK;
    case PF_F32:
    case PF_F64:
        if (it.type == MP_FLOAT) {
            v->d = it.f;
        } else if (it.type == MP_UINT) {
            v->d = (double)it.u;
        } else if (it.type == MP_INT) {
            v->d = (double)it.i;
        } else {
            return wrong_type(d, &it, "a number");
        }
        return RP_OK;
    case PF_STR:
    case PF_ID:
        if (it.type != MP_STR) {
            return wrong_type(d, &it, "a string");
        }
        v->ptr = it.ptr;
        v->len = it.len;
        return RP_OK;
    case PF_BIN:
        if (it.type != MP_BIN) {
            return wrong_type(d, &it, "binary");
        }
        v->ptr = it.ptr;
        v->len = it.len;
        return RP_OK;
    case PF_ENUM:
        if (it.type != MP_STR) {
            return wrong_type(d, &it, "a string");
        }
        for (uint32_t k = 0; k < f->n_names; k++) {
            size_t n = strlen(f->names[k]);
            if (n == it.len && memcmp(f->names[k], it.ptr, n) == 0) {
                v->e = (int)k;
                return RP_OK;
            }
        }
        {
            char reason[PROTO_ERR_REASON_LEN];
            int n = snprintf(reason, sizeof reason, "unknown value; allowed:");
            for (uint32_t k = 0; k < f->n_names && n > 0 && (size_t)n < sizeof reason; k++) {
                n += snprintf(reason + n, sizeof reason - (size_t)n, " %s", f->names[k]);
            }
            return fail_here(d, reason);
        }
    default:
        return fail_here(d, "internal: not a scalar field");
    }
}

static int decode_object(decoder *d, const proto_schema *s, void *obj, int is_root);

static int decode_array(decoder *d, const proto_field *f, void *obj)
{
    mp_item it;
    int rc = next(d, &it);
    if (rc != RP_OK) {
        return rc;
    }
    if (it.type != MP_ARRAY) {
        return wrong_type(d, &it, "an array");
    }
    if (it.len > f->max) {
        char reason[PROTO_ERR_REASON_LEN];
        snprintf(reason, sizeof reason, "%u items exceed the limit of %llu", it.len,
                 (unsigned long long)f->max);
        return fail_here(d, reason);
    }
    size_t elem = f->kind == PF_ARR ? f->sub->size : sizeof(proto_str);
    unsigned char *items = NULL;
    if (it.len > 0) {
        items = arena_take(d->arena, it.len, elem);
        if (items == NULL) {
            return fail_here(d, "array does not fit the decode arena");
        }
    }
    for (uint32_t i = 0; i < it.len; i++) {
        size_t mark = proto_path_push_index(&d->path, i);
        if (f->kind == PF_ARR) {
            rc = decode_object(d, f->sub, items + (size_t)i * elem, 0);
        } else {
            proto_field item_rule = *f;
            item_rule.kind = PF_STR;
            item_rule.max = PROTO_MAX_SHORT_TEXT;
            proto_value v;
            char reason[PROTO_ERR_REASON_LEN];
            rc = read_scalar(d, &item_rule, &v);
            if (rc == RP_OK && proto_value_check(&item_rule, &v, reason, sizeof reason) != RP_OK) {
                rc = fail_here(d, reason);
            }
            if (rc == RP_OK) {
                proto_str str = {(const char *)v.ptr, v.len};
                memcpy(items + (size_t)i * elem, &str, sizeof str);
            }
        }
        if (rc != RP_OK) {
            return rc;
        }
        proto_path_restore(&d->path, mark);
    }
    unsigned char *at = (unsigned char *)obj + f->offset;
    const void *ptr = items;
    memcpy(at, &ptr, sizeof ptr);
    uint32_t n = it.len;
    memcpy((unsigned char *)obj + f->count_offset, &n, sizeof n);
    return RP_OK;
}

/* key == name. The first byte decides most comparisons without a strlen: the
 * decoder makes one for every field name of every schema it searches. */
static bool key_is(const mp_item *key, const char *name)
{
    if (key->len == 0) {
        return name[0] == '\0';
    }
    if ((char)key->ptr[0] != name[0]) {
        return false;
    }
    size_t n = strlen(name);
    return key->len == n && memcmp(key->ptr, name, n) == 0;
}

static const proto_field *find_field(const proto_schema *s, const mp_item *key, uint32_t *index)
{
    for (uint32_t k = 0; k < s->n_fields; k++) {
        if (key_is(key, s->fields[k].key)) {
            *index = k;
            return &s->fields[k];
        }
    }
    return NULL;
}

/* Recursion is bounded by the schema's nesting (at most 4 levels). */
static int decode_object(decoder *d, const proto_schema *s, void *obj, int is_root)
{
    mp_item it;
    int rc = next(d, &it);
    if (rc != RP_OK) {
        return rc;
    }
    if (it.type != MP_MAP) {
        return wrong_type(d, &it, "a map");
    }
    memset(obj, 0, s->size);
    uint64_t seen = 0;
    uint64_t present = 0;
    unsigned root_seen = 0; /* "v" 1, "type" 2 */
    for (uint32_t pair = 0; pair < it.len; pair++) {
        mp_item key;
        rc = next(d, &key);
        if (rc != RP_OK) {
            return rc;
        }
        if (key.type != MP_STR) {
            return wrong_type(d, &key, "a string key");
        }
        if (is_root && (key_is(&key, "v") || key_is(&key, "type"))) {
            unsigned bit = key.len == 1 ? 1u : 2u; /* read_header checked the values */
            if (root_seen & bit) {
                proto_path_push_key(&d->path, bit == 1u ? "v" : "type");
                return fail_here(d, "field appears twice");
            }
            root_seen |= bit;
            proto_error e;
            if (!mp_skip(&d->r, &e)) {
                return fail_here(d, e.reason);
            }
            continue;
        }
        uint32_t index = 0;
        const proto_field *f = find_field(s, &key, &index);
        if (f == NULL) {
            if (key.len >= 2 && key.ptr[0] == 'x' && key.ptr[1] == '-') {
                proto_error e;
                if (!mp_skip(&d->r, &e)) {
                    return fail_here(d, e.reason);
                }
                continue; /* extension keys are ignored by design */
            }
            /* Name the unknown key in the path (at most 40 bytes, '?' if not UTF-8). */
            char name[41] = "?";
            size_t shown = key.len > 40 ? 40 : key.len;
            if (mp_utf8_valid(key.ptr, shown) && memchr(key.ptr, 0, shown) == NULL) {
                memcpy(name, key.ptr, shown);
                name[shown] = '\0';
            }
            proto_path_push_key(&d->path, name);
            char reason[PROTO_ERR_REASON_LEN] = "unknown field";
            return fail_here(d, reason);
        }
        size_t mark = proto_path_push_key(&d->path, f->key);
        if (seen & (1ull << index)) {
            return fail_here(d, "field appears twice");
        }
        seen |= 1ull << index;
        present |= f->bit;
        if (f->kind == PF_OBJ) {
            rc = decode_object(d, f->sub, (unsigned char *)obj + f->offset, 0);
        } else if (f->kind == PF_ARR || f->kind == PF_STRS) {
            rc = decode_array(d, f, obj);
        } else {
            proto_value v;
            rc = read_scalar(d, f, &v);
            if (rc == RP_OK) {
                char reason[PROTO_ERR_REASON_LEN];
                if (proto_value_check(f, &v, reason, sizeof reason) != RP_OK) {
                    return fail_here(d, reason);
                }
                proto_value_store(f, obj, &v);
            }
        }
        if (rc != RP_OK) {
            return rc;
        }
        proto_path_restore(&d->path, mark);
    }
    for (uint32_t k = 0; k < s->n_fields; k++) {
        if (s->fields[k].bit == 0 && !(seen & (1ull << k))) {
            size_t mark = proto_path_push_key(&d->path, s->fields[k].key);
            rc = fail_here(d, "required field is missing");
            proto_path_restore(&d->path, mark);
            return rc;
        }
    }
    if (s->has_present) {
        memcpy(obj, &present, sizeof present);
    }
    if (s->check != NULL) {
        proto_error e;
        memset(&e, 0, sizeof e);
        if (s->check(obj, &e) != RP_OK) {
            return fail_here(d, e.reason);
        }
    }
    return RP_OK;
}

/* Finds "v" and "type" in the top-level map (any order) and checks them; call, when
 * not NULL, gets the top-level "call" if it is a string ({NULL, 0} otherwise). */
static int read_header(decoder *d, proto_type *type, proto_str *call)
{
    mp_item map;
    int rc = next(d, &map);
    if (rc != RP_OK) {
        return rc;
    }
    if (map.type != MP_MAP) {
        return wrong_type(d, &map, "a map");
    }
    bool have_v = false;
    *type = PROTO_T_NONE;
    /* Stops once it has what it needs: encoders put "v" and "type" first (and the
     * call next), so a frame's samples are not even skipped. A second "v" or "type"
     * further on is the body decoder's to reject. */
    for (uint32_t pair = 0; pair < map.len; pair++) {
        if (have_v && *type != PROTO_T_NONE && (call == NULL || call->ptr != NULL)) {
            break;
        }
        mp_item key, val;
        if ((rc = next(d, &key)) != RP_OK) {
            return rc;
        }
        if (key.type == MP_STR && key_is(&key, "v")) {
            size_t mark = proto_path_push_key(&d->path, "v");
            if ((rc = next(d, &val)) != RP_OK) {
                return rc;
            }
            if (val.type != MP_UINT) {
                return wrong_type(d, &val, "an unsigned integer");
            }
            if (val.u != PROTO_VERSION) {
                char reason[PROTO_ERR_REASON_LEN];
                snprintf(reason, sizeof reason,
                         "unsupported protocol version %llu (this decoder speaks %d)",
                         (unsigned long long)val.u, PROTO_VERSION);
                return fail_here(d, reason);
            }
            have_v = true;
            proto_path_restore(&d->path, mark);
        } else if (key.type == MP_STR && key_is(&key, "type")) {
            size_t mark = proto_path_push_key(&d->path, "type");
            if ((rc = next(d, &val)) != RP_OK) {
                return rc;
            }
            if (val.type != MP_STR) {
                return wrong_type(d, &val, "a string");
            }
            for (int t = PROTO_T_NONE + 1; t < PROTO_T_COUNT; t++) {
                const char *name = proto_type_name((proto_type)t);
                if (key_is(&val, name)) {
                    *type = (proto_type)t;
                    break;
                }
            }
            if (*type == PROTO_T_NONE) {
                return fail_here(d, "unknown message type");
            }
            proto_path_restore(&d->path, mark);
        } else if (call != NULL && key.type == MP_STR && key_is(&key, "call")) {
            size_t mark = proto_path_push_key(&d->path, "call");
            if ((rc = next(d, &val)) != RP_OK) {
                return rc;
            }
            if (val.type != MP_STR) { /* a container's children would follow */
                return wrong_type(d, &val, "a string");
            }
            *call = (proto_str){(const char *)val.ptr, val.len};
            proto_path_restore(&d->path, mark);
        } else {
            proto_error e;
            if (!mp_skip(&d->r, &e)) {
                return fail_here(d, e.reason);
            }
        }
    }
    if (!have_v) {
        return fail_here(d, "required field 'v' (protocol version) is missing");
    }
    if (*type == PROTO_T_NONE) {
        return fail_here(d, "required field 'type' is missing");
    }
    return RP_OK;
}

int proto_decode(const uint8_t *buf, size_t len, proto_arena *arena, proto_msg *out,
                 proto_error *err)
{
    if (err != NULL) {
        memset(err, 0, sizeof *err);
    }
    if (out == NULL || (buf == NULL && len != 0)) {
        return RP_EINVAL;
    }
    memset(out, 0, sizeof *out);
    if (buf == NULL || len == 0) {
        if (err != NULL) {
            snprintf(err->reason, sizeof err->reason, "empty message");
        }
        return RP_EPROTO;
    }
    if (!mp_validate(buf, len, err)) {
        return RP_EPROTO;
    }
    decoder d;
    decoder_init(&d, buf, len, arena, err);
    proto_type type;
    int rc = read_header(&d, &type, NULL);
    if (rc != RP_OK) {
        return rc;
    }
    const proto_schema *s = proto_schema_of(type);
    proto_path_init(&d.path, s->name);
    mp_reader_init(&d.r, buf, len);
    rc = decode_object(&d, s, (unsigned char *)out + PROTO_BODY_OFFSET, 1);
    if (rc != RP_OK) {
        return rc;
    }
    out->type = type;
    return RP_OK;
}

int proto_peek(const uint8_t *buf, size_t len, proto_type *type, proto_str *call, proto_error *err)
{
    if (err != NULL) {
        memset(err, 0, sizeof *err);
    }
    if (type == NULL || call == NULL || (buf == NULL && len != 0)) {
        return RP_EINVAL;
    }
    *type = PROTO_T_NONE;
    *call = (proto_str){NULL, 0};
    if (buf == NULL || len == 0 || len > PROTO_MAX_MSG_BYTES) {
        if (err != NULL) {
            snprintf(err->reason, sizeof err->reason, "%s",
                     len == 0 ? "empty message" : "message longer than the limit of 1048576 bytes");
        }
        return RP_EPROTO;
    }
    decoder d;
    decoder_init(&d, buf, len, NULL, err);
    return read_header(&d, type, call);
}
