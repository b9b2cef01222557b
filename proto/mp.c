/* proto/mp.c - bounded msgpack reading and the structural pre-check. */
#include "proto/mp.h"

#include <stdio.h>
#include <string.h>

void mp_reader_init(mp_reader *r, const uint8_t *buf, size_t len)
{
    r->start = buf;
    r->p = buf;
    r->end = buf + len;
}

static size_t remaining(const mp_reader *r)
{
    return (size_t)(r->end - r->p);
}

static void fail(const mp_reader *r, proto_error *err, const char *what)
{
    if (err != NULL) {
        err->offset = (size_t)(r->p - r->start);
        snprintf(err->reason, sizeof err->reason, "%s", what);
    }
}

/* Big-endian unsigned of n bytes (1, 2, 4, 8); caller checked the bounds. */
static uint64_t be(const uint8_t *p, int n)
{
    uint64_t v = 0;
    for (int i = 0; i < n; i++) {
        v = (v << 8) | p[i];
    }
    return v;
}

/* Reads an n-byte big-endian length/value after the type byte. */
static bool take(mp_reader *r, int n, uint64_t *v, proto_error *err)
{
    if (remaining(r) < (size_t)n) {
        fail(r, err, "truncated message");
        return false;
    }
    *v = be(r->p, n);
    r->p += n;
    return true;
}

static bool take_payload(mp_reader *r, mp_item *it, uint64_t len, proto_error *err)
{
    if (len > remaining(r)) {
        fail(r, err, "string or binary length exceeds the message");
        return false;
    }
    if (len > PROTO_MAX_STR_BYTES) {
        fail(r, err, "string or binary longer than the limit of 16384 bytes");
        return false;
    }
    it->ptr = r->p;
    it->len = (uint32_t)len;
    r->p += len;
    return true;
}

bool mp_next(mp_reader *r, mp_item *it, proto_error *err)
{
    memset(it, 0, sizeof *it);
    if (remaining(r) == 0) {
        fail(r, err, "truncated message");
        return false;
    }
    uint8_t c = *r->p++;
    uint64_t v = 0;
    if (c <= 0x7f) {
        it->type = MP_UINT;
        it->u = c;
        return true;
    }
    if (c >= 0xe0) {
        it->type = MP_INT;
        it->i = (int8_t)c;
        return true;
    }
    if ((c & 0xf0) == 0x80) {
        it->type = MP_MAP;
        it->len = c & 0x0f;
        return true;
    }
    if ((c & 0xf0) == 0x90) {
        it->type = MP_ARRAY;
        it->len = c & 0x0f;
        return true;
    }
    if ((c & 0xe0) == 0xa0) {
        it->type = MP_STR;
        return take_payload(r, it, c & 0x1f, err);
    }
    switch (c) {
    case 0xc0:
        it->type = MP_NIL;
        return true;
    case 0xc2:
    case 0xc3:
        it->type = MP_BOOL;
        it->b = c == 0xc3;
        return true;
    case 0xc4:
    case 0xc5:
    case 0xc6:
        it->type = MP_BIN;
        return take(r, 1 << (c - 0xc4), &v, err) && take_payload(r, it, v, err);
    case 0xca: {
        if (!take(r, 4, &v, err)) {
            return false;
        }
        uint32_t bits = (uint32_t)v;
        float f;
        memcpy(&f, &bits, sizeof f);
        it->type = MP_FLOAT;
        it->f = (double)f;
        return true;
    }
    case 0xcb:
        if (!take(r, 8, &v, err)) {
            return false;
        }
        it->type = MP_FLOAT;
        memcpy(&it->f, &v, sizeof it->f);
        return true;
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
        it->type = MP_UINT;
        return take(r, 1 << (c - 0xcc), &it->u, err);
    case 0xd0:
    case 0xd1:
    case 0xd2:
    case 0xd3: {
        int n = 1 << (c - 0xd0);
        if (!take(r, n, &v, err)) {
            return false;
        }
        /* Sign-extend the n-byte two's complement value. */
        int shift = 64 - 8 * n;
        int64_t s = (int64_t)(v << shift) >> shift;
        if (s >= 0) {
            it->type = MP_UINT;
            it->u = (uint64_t)s;
        } else {
            it->type = MP_INT;
            it->i = s;
        }
        return true;
    }
    case 0xd9:
    case 0xda:
    case 0xdb:
        it->type = MP_STR;
        return take(r, 1 << (c - 0xd9), &v, err) && take_payload(r, it, v, err);
    case 0xdc:
    case 0xdd:
        it->type = MP_ARRAY;
        if (!take(r, c == 0xdc ? 2 : 4, &v, err)) {
            return false;
        }
        it->len = (uint32_t)v;
        return true;
    case 0xde:
    case 0xdf:
        it->type = MP_MAP;
        if (!take(r, c == 0xde ? 2 : 4, &v, err)) {
            return false;
        }
        it->len = (uint32_t)v;
        return true;
    case 0xc1:
        r->p--;
        fail(r, err, "reserved byte 0xc1");
        return false;
    default: /* 0xc7-0xc9 ext, 0xd4-0xd8 fixext */
        r->p--;
        fail(r, err, "msgpack ext types are not used by this protocol");
        return false;
    }
}

bool mp_skip(mp_reader *r, proto_error *err)
{
    /* Objects still to skip; each container adds its children. Bounded: every
     * object consumes at least one byte, and counts were validated against the
     * remaining bytes. */
    uint64_t pending = 1;
    while (pending > 0) {
        mp_item it;
        if (!mp_next(r, &it, err)) {
            return false;
        }
        pending--;
        if (it.type == MP_ARRAY) {
            pending += it.len;
        } else if (it.type == MP_MAP) {
            pending += 2ull * it.len;
        }
        if (pending > remaining(r)) {
            fail(r, err, "container count exceeds the message");
            return false;
        }
    }
    return true;
}

bool mp_validate(const uint8_t *buf, size_t len, proto_error *err)
{
    mp_reader r;
    mp_reader_init(&r, buf, len);
    if (len > PROTO_MAX_MSG_BYTES) {
        fail(&r, err, "message longer than the limit of 1048576 bytes");
        return false;
    }
    /* left[d] = children still to read in the container open at depth d (d = 0 is
     * the top level, which holds exactly one object). */
    uint64_t left[PROTO_MAX_DEPTH + 1];
    unsigned depth = 0;
    left[0] = 1;
    for (;;) {
        while (left[depth] == 0) {
            if (depth == 0) {
                if (r.p != r.end) {
                    fail(&r, err, "trailing bytes after the message");
                    return false;
                }
                return true;
            }
            depth--;
        }
        left[depth]--;
        mp_item it;
        if (!mp_next(&r, &it, err)) {
            return false;
        }
        if (it.type != MP_ARRAY && it.type != MP_MAP) {
            continue;
        }
        uint64_t children = it.type == MP_MAP ? 2ull * it.len : it.len;
        if (it.type == MP_ARRAY && it.len > PROTO_MAX_ARRAY_ITEMS) {
            fail(&r, err, "array longer than the limit of 4096 items");
            return false;
        }
        if (it.type == MP_MAP && it.len > PROTO_MAX_MAP_KEYS) {
            fail(&r, err, "map with more than the limit of 64 keys");
            return false;
        }
        if (children > remaining(&r)) {
            fail(&r, err, "container count exceeds the message");
            return false;
        }
        /* A container's own nesting level is depth + 1 (the top-level map is 1). */
        if (depth + 1 > PROTO_MAX_DEPTH) {
            fail(&r, err, "nesting deeper than the limit of 8");
            return false;
        }
        if (children != 0) {
            left[++depth] = children;
        }
    }
}

bool mp_utf8_valid(const uint8_t *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp;
        if (c >= 0xc2 && c <= 0xdf) {
            n = 1;
            cp = c & 0x1fu;
        } else if (c >= 0xe0 && c <= 0xef) {
            n = 2;
            cp = c & 0x0fu;
        } else if (c >= 0xf0 && c <= 0xf4) {
            n = 3;
            cp = c & 0x07u;
        } else {
            return false;
        }
        if (len - i - 1 < n) {
            return false;
        }
        for (size_t k = 1; k <= n; k++) {
            uint8_t cc = s[i + k];
            if ((cc & 0xc0) != 0x80) {
                return false;
            }
            cp = (cp << 6) | (cc & 0x3fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10ffff)) ||
            (cp >= 0xd800 && cp <= 0xdfff)) {
            return false;
        }
        i += n + 1;
    }
    return true;
}
