/* proto/json.c - one message as one line of JSON, walking the same schema tables. */
#include "proto/proto.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "proto/schema.h"

typedef struct jbuf {
    char *buf;
    size_t cap;
    size_t n;
    bool full;
} jbuf;

static void put(jbuf *j, const char *s, size_t len)
{
    if (j->full || len >= j->cap - j->n) {
        j->full = true;
        return;
    }
    memcpy(j->buf + j->n, s, len);
    j->n += len;
}

static void puts_(jbuf *j, const char *s)
{
    put(j, s, strlen(s));
}

static void putf(jbuf *j, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(jbuf *j, const char *fmt, ...)
{
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof tmp) {
        j->full = true;
        return;
    }
    put(j, tmp, (size_t)n);
}

/* A JSON string from valid UTF-8: escapes quotes, backslashes and controls. */
static void put_string(jbuf *j, const uint8_t *s, size_t len)
{
    put(j, "\"", 1);
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = s[i];
        if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
            continue;
        }
        put(j, (const char *)s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            puts_(j, "\\\"");
            break;
        case '\\':
            puts_(j, "\\\\");
            break;
        case '\n':
            puts_(j, "\\n");
            break;
        case '\r':
            puts_(j, "\\r");
            break;
        case '\t':
            puts_(j, "\\t");
            break;
        default:
            putf(j, "\\u%04x", c);
            break;
        }
    }
    put(j, (const char *)s + run, len - run);
    put(j, "\"", 1);
}

static void put_object(jbuf *j, const proto_schema *s, const void *obj, const char *type);

static void put_scalar(jbuf *j, const proto_field *f, const void *obj)
{
    proto_value v;
    proto_value_load(f, obj, &v);
    switch (f->kind) {
    case PF_BOOL:
        puts_(j, v.b ? "true" : "false");
        break;
    case PF_U32:
    case PF_U64:
        putf(j, "%llu", (unsigned long long)v.u);
        break;
    case PF_I64:
        putf(j, "%lld", (long long)v.i);
        break;
    case PF_F32:
        putf(j, "%.7g", v.d);
        break;
    case PF_F64:
        putf(j, "%.17g", v.d);
        break;
    case PF_STR:
    case PF_ID:
        put_string(j, v.ptr, v.len);
        break;
    case PF_ENUM:
        if (v.e >= 0 && (uint32_t)v.e < f->n_names) {
            put_string(j, (const uint8_t *)f->names[v.e], strlen(f->names[v.e]));
        } else {
            puts_(j, "null");
        }
        break;
    case PF_BIN: {
        /* The only binary field is audio.samples; its width depends on enc. */
        const proto_audio *a = obj;
        uint32_t width = proto_encoding_bytes(a->enc);
        putf(j, "{\"n_samples\":%u,\"bytes\":%u}", width ? v.len / width : 0, v.len);
        break;
    }
    default:
        puts_(j, "null");
        break;
    }
}

static void put_array(jbuf *j, const proto_field *f, const void *obj)
{
    const unsigned char *base = obj;
    const unsigned char *items;
    uint32_t n;
    memcpy(&items, base + f->offset, sizeof items);
    memcpy(&n, base + f->count_offset, sizeof n);
    put(j, "[", 1);
    for (uint32_t i = 0; i < n && !j->full; i++) {
        if (i > 0) {
            put(j, ",", 1);
        }
        if (f->kind == PF_ARR) {
            put_object(j, f->sub, items + (size_t)i * f->sub->size, NULL);
        } else {
            const proto_str *s = (const proto_str *)(const void *)items + i;
            put_string(j, (const uint8_t *)s->ptr, s->len);
        }
    }
    put(j, "]", 1);
}

static void put_object(jbuf *j, const proto_schema *s, const void *obj, const char *type)
{
    uint64_t present = 0;
    if (s->has_present) {
        memcpy(&present, obj, sizeof present);
    }
    put(j, "{", 1);
    bool first = true;
    if (type != NULL) {
        putf(j, "\"v\":%d,\"type\":", PROTO_VERSION);
        put_string(j, (const uint8_t *)type, strlen(type));
        first = false;
    }
    for (uint32_t k = 0; k < s->n_fields && !j->full; k++) {
        const proto_field *f = &s->fields[k];
        if (f->bit != 0 && (present & f->bit) == 0) {
            continue;
        }
        if (!first) {
            put(j, ",", 1);
        }
        first = false;
        put_string(j, (const uint8_t *)f->key, strlen(f->key));
        put(j, ":", 1);
        if (f->kind == PF_OBJ) {
            put_object(j, f->sub, (const unsigned char *)obj + f->offset, NULL);
        } else if (f->kind == PF_ARR || f->kind == PF_STRS) {
            put_array(j, f, obj);
        } else {
            put_scalar(j, f, obj);
        }
    }
    put(j, "}", 1);
}

int proto_to_json(const proto_msg *msg, char *buf, size_t cap, size_t *n_out)
{
    if (msg == NULL || buf == NULL || n_out == NULL || cap == 0) {
        return RP_EINVAL;
    }
    *n_out = 0;
    const proto_schema *s = proto_schema_of(msg->type);
    if (s == NULL) {
        return RP_EINVAL;
    }
    jbuf j = {buf, cap, 0, false};
    put_object(&j, s, (const unsigned char *)msg + PROTO_BODY_OFFSET, s->name);
    if (j.full) {
        buf[0] = '\0';
        return RP_EFULL;
    }
    buf[j.n] = '\0';
    *n_out = j.n;
    return RP_OK;
}

int proto_topic(proto_str team, proto_str agent, proto_str call, proto_type type, char *buf,
                size_t cap)
{
    const char *name = proto_type_name(type);
    if (name == NULL || !proto_id_valid(team.ptr, team.len) ||
        !proto_id_valid(agent.ptr, agent.len) || !proto_id_valid(call.ptr, call.len) ||
        buf == NULL) {
        return RP_EINVAL;
    }
    int n = snprintf(buf, cap, "call/%.*s/%.*s/%.*s/%s", (int)team.len, team.ptr, (int)agent.len,
                     agent.ptr, (int)call.len, call.ptr, name);
    if (n < 0 || (size_t)n >= cap) {
        return RP_EFULL;
    }
    return RP_OK;
}
