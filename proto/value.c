/* proto/value.c - scalar field rules shared by the decoder and the encoder, and
 * the error path helper. */
#include "proto/schema.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "proto/mp.h"

bool proto_id_valid(const char *s, size_t len)
{
    if (s == NULL || len == 0 || len > PROTO_MAX_ID_BYTES) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == ':' || c == '@' || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

int proto_value_check(const proto_field *f, const proto_value *v, char *reason, size_t cap)
{
    switch (f->kind) {
    case PF_BOOL:
        return RP_OK;
    case PF_U32:
    case PF_U64:
        if (v->u < (uint64_t)f->min || v->u > f->max) {
            snprintf(reason, cap, "%llu is outside %lld..%llu", (unsigned long long)v->u,
                     (long long)f->min, (unsigned long long)f->max);
            return RP_EPROTO;
        }
        return RP_OK;
    case PF_I64:
        if (v->i < f->min || v->i > (int64_t)f->max) {
            snprintf(reason, cap, "%lld is outside %lld..%lld", (long long)v->i, (long long)f->min,
                     (long long)f->max);
            return RP_EPROTO;
        }
        return RP_OK;
    case PF_F32:
    case PF_F64:
        if (!isfinite(v->d)) {
            snprintf(reason, cap, "not a finite number");
            return RP_EPROTO;
        }
        if (v->d < f->fmin || v->d > f->fmax) {
            snprintf(reason, cap, "%g is outside %g..%g", v->d, f->fmin, f->fmax);
            return RP_EPROTO;
        }
        return RP_OK;
    case PF_STR:
        if (v->len > f->max) {
            snprintf(reason, cap, "%u bytes exceed the limit of %llu", v->len,
                     (unsigned long long)f->max);
            return RP_EPROTO;
        }
        if (v->len > 0 && v->ptr == NULL) {
            snprintf(reason, cap, "string has a length but no bytes");
            return RP_EPROTO;
        }
        if (!mp_utf8_valid(v->ptr, v->len)) {
            snprintf(reason, cap, "not valid UTF-8");
            return RP_EPROTO;
        }
        return RP_OK;
    case PF_ID:
        if (!proto_id_valid((const char *)v->ptr, v->len)) {
            snprintf(reason, cap, "not a valid id (1..64 bytes of A-Z a-z 0-9 _ . : @ -)");
            return RP_EPROTO;
        }
        return RP_OK;
    case PF_ENUM:
        if (v->e < 0 || (uint32_t)v->e >= f->n_names) {
            snprintf(reason, cap, "enum value %d is out of range", v->e);
            return RP_EPROTO;
        }
        return RP_OK;
    case PF_BIN:
        if (v->len > f->max) {
            snprintf(reason, cap, "%u bytes exceed the limit of %llu", v->len,
                     (unsigned long long)f->max);
            return RP_EPROTO;
        }
        if (v->len > 0 && v->ptr == NULL) {
            snprintf(reason, cap, "binary has a length but no bytes");
            return RP_EPROTO;
        }
        return RP_OK;
    default:
        snprintf(reason, cap, "not a scalar field");
        return RP_EPROTO;
    }
}

void proto_value_load(const proto_field *f, const void *obj, proto_value *v)
{
    const unsigned char *at = (const unsigned char *)obj + f->offset;
    memset(v, 0, sizeof *v);
    switch (f->kind) {
    case PF_BOOL:
        memcpy(&v->b, at, sizeof v->b);
        break;
    case PF_U32: {
        uint32_t x;
        memcpy(&x, at, sizeof x);
        v->u = x;
        break;
    }
    case PF_U64:
        memcpy(&v->u, at, sizeof v->u);
        break;
    case PF_I64:
        memcpy(&v->i, at, sizeof v->i);
        break;
    case PF_F32: {
        float x;
        memcpy(&x, at, sizeof x);
        v->d = (double)x;
        break;
    }
    case PF_F64:
        memcpy(&v->d, at, sizeof v->d);
        break;
    case PF_ENUM:
        memcpy(&v->e, at, sizeof v->e);
        break;
    case PF_STR:
    case PF_ID: {
        proto_str s;
        memcpy(&s, at, sizeof s);
        v->ptr = (const uint8_t *)s.ptr;
        v->len = s.len;
        break;
    }
    case PF_BIN: {
        proto_bytes b;
        memcpy(&b, at, sizeof b);
        v->ptr = b.ptr;
        v->len = b.len;
        break;
    }
    default:
        break;
    }
}

void proto_value_store(const proto_field *f, void *obj, const proto_value *v)
{
    unsigned char *at = (unsigned char *)obj + f->offset;
    switch (f->kind) {
    case PF_BOOL:
        memcpy(at, &v->b, sizeof v->b);
        break;
    case PF_U32: {
        uint32_t x = (uint32_t)v->u;
        memcpy(at, &x, sizeof x);
        break;
    }
    case PF_U64:
        memcpy(at, &v->u, sizeof v->u);
        break;
    case PF_I64:
        memcpy(at, &v->i, sizeof v->i);
        break;
    case PF_F32: {
        float x = (float)v->d;
        memcpy(at, &x, sizeof x);
        break;
    }
    case PF_F64:
        memcpy(at, &v->d, sizeof v->d);
        break;
    case PF_ENUM:
        memcpy(at, &v->e, sizeof v->e);
        break;
    case PF_STR:
    case PF_ID: {
        proto_str s = {(const char *)v->ptr, v->len};
        memcpy(at, &s, sizeof s);
        break;
    }
    case PF_BIN: {
        proto_bytes b = {v->ptr, v->len};
        memcpy(at, &b, sizeof b);
        break;
    }
    default:
        break;
    }
}

/* Appends n bytes of s to the path, truncating at the buffer's end (the path is
 * for messages only). Plain copies, not snprintf: the decoder pushes a key for
 * every field of every message, so this is on the per-frame path. */
static void path_append(proto_path *p, const char *s, size_t n)
{
    size_t room = sizeof p->buf - 1u - p->len;
    n = n < room ? n : room;
    memcpy(p->buf + p->len, s, n);
    p->len += n;
    p->buf[p->len] = '\0';
}

void proto_path_init(proto_path *p, const char *root)
{
    p->len = 0;
    p->buf[0] = '\0';
    if (root != NULL) {
        path_append(p, root, strlen(root)); /* once per message: no snprintf */
    }
}

size_t proto_path_push_key(proto_path *p, const char *key)
{
    size_t old = p->len;
    if (p->len > 0) {
        path_append(p, ".", 1);
    }
    path_append(p, key, strlen(key));
    return old;
}

size_t proto_path_push_index(proto_path *p, uint32_t index)
{
    size_t old = p->len;
    char digits[12];
    size_t n = sizeof digits;
    digits[--n] = ']';
    do {
        digits[--n] = (char)('0' + index % 10u);
        index /= 10u;
    } while (index != 0);
    digits[--n] = '[';
    path_append(p, digits + n, sizeof digits - n);
    return old;
}

void proto_path_restore(proto_path *p, size_t len)
{
    p->len = len;
    p->buf[len] = '\0';
}

void proto_path_fail(const proto_path *p, proto_error *err, const char *fmt, ...)
{
    if (err == NULL) {
        return;
    }
    memcpy(err->path, p->buf, p->len + 1);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->reason, sizeof err->reason, fmt, ap);
    va_end(ap);
}

proto_str proto_cstr(const char *s)
{
    proto_str r = {s, s == NULL ? 0 : (uint32_t)strnlen(s, PROTO_MAX_STR_BYTES + 1)};
    return r;
}

bool proto_str_eq(proto_str a, const char *s)
{
    size_t n = strlen(s);
    return a.len == n && (n == 0 || memcmp(a.ptr, s, n) == 0);
}
