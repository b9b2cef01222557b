/* proto/encode.c - schema-checked encoding with msgpack-c's packer into a caller buffer. */
#include "proto/proto.h"

#include <msgpack.h>
#include <stdio.h>
#include <string.h>

#include "proto/schema.h"

typedef struct sink {
    uint8_t *buf;
    size_t cap;
    size_t n;
    bool full;
} sink;

/* msgpack_packer_write: copies into the fixed buffer; never allocates. */
static int sink_write(void *data, const char *bytes, size_t len)
{
    sink *s = data;
    if (s->full || len > s->cap - s->n) {
        s->full = true;
        return -1;
    }
    memcpy(s->buf + s->n, bytes, len);
    s->n += len;
    return 0;
}

typedef struct encoder {
    msgpack_packer pk;
    sink out;
    proto_path path;
    proto_error *err;
} encoder;

static int invalid(encoder *e, const char *reason)
{
    proto_path_fail(&e->path, e->err, "%s", reason);
    return RP_EINVAL;
}

static void pack_cstr(encoder *e, const char *s)
{
    size_t n = strlen(s);
    msgpack_pack_str(&e->pk, n);
    msgpack_pack_str_body(&e->pk, s, n);
}

static bool field_present(const proto_field *f, uint64_t present)
{
    return f->bit == 0 || (present & f->bit) != 0;
}

static int encode_object(encoder *e, const proto_schema *s, const void *obj, const char *type);

static int encode_scalar(encoder *e, const proto_field *f, const void *obj)
{
    proto_value v;
    proto_value_load(f, obj, &v);
    char reason[PROTO_ERR_REASON_LEN];
    if (proto_value_check(f, &v, reason, sizeof reason) != RP_OK) {
        return invalid(e, reason);
    }
    switch (f->kind) {
    case PF_BOOL:
        v.b ? msgpack_pack_true(&e->pk) : msgpack_pack_false(&e->pk);
        break;
    case PF_U32:
    case PF_U64:
        msgpack_pack_uint64(&e->pk, v.u);
        break;
    case PF_I64:
        msgpack_pack_int64(&e->pk, v.i);
        break;
    case PF_F32:
        msgpack_pack_float(&e->pk, (float)v.d);
        break;
    case PF_F64:
        msgpack_pack_double(&e->pk, v.d);
        break;
    case PF_STR:
    case PF_ID:
        msgpack_pack_str(&e->pk, v.len);
        msgpack_pack_str_body(&e->pk, v.ptr, v.len);
        break;
    case PF_ENUM:
        pack_cstr(e, f->names[v.e]);
        break;
    case PF_BIN:
        msgpack_pack_bin(&e->pk, v.len);
        msgpack_pack_bin_body(&e->pk, v.ptr, v.len);
        break;
    default:
        return invalid(e, "internal: not a scalar field");
    }
    return RP_OK;
}

static int encode_array(encoder *e, const proto_field *f, const void *obj)
{
    const unsigned char *base = obj;
    const void *items;
    uint32_t n;
    memcpy(&items, base + f->offset, sizeof items);
    memcpy(&n, base + f->count_offset, sizeof n);
    if (n > f->max) {
        char reason[PROTO_ERR_REASON_LEN];
        snprintf(reason, sizeof reason, "%u items exceed the limit of %llu", n,
                 (unsigned long long)f->max);
        return invalid(e, reason);
    }
    if (n > 0 && items == NULL) {
        return invalid(e, "array has items but no pointer");
    }
    msgpack_pack_array(&e->pk, n);
    for (uint32_t i = 0; i < n; i++) {
        size_t mark = proto_path_push_index(&e->path, i);
        int rc;
        if (f->kind == PF_ARR) {
            rc = encode_object(e, f->sub, (const unsigned char *)items + (size_t)i * f->sub->size,
                               NULL);
        } else {
            proto_field rule = *f;
            rule.kind = PF_STR;
            rule.max = PROTO_MAX_SHORT_TEXT;
            rule.offset = 0;
            rc = encode_scalar(e, &rule, (const proto_str *)items + i);
        }
        if (rc != RP_OK) {
            return rc;
        }
        proto_path_restore(&e->path, mark);
    }
    return RP_OK;
}

/* type != NULL for the root object: "v" and "type" come first. Recursion is
 * bounded by the schema's nesting. */
static int encode_object(encoder *e, const proto_schema *s, const void *obj, const char *type)
{
    uint64_t present = 0;
    if (s->has_present) {
        memcpy(&present, obj, sizeof present);
    }
    uint32_t n = type != NULL ? 2 : 0;
    for (uint32_t k = 0; k < s->n_fields; k++) {
        n += field_present(&s->fields[k], present);
    }
    msgpack_pack_map(&e->pk, n);
    if (type != NULL) {
        pack_cstr(e, "v");
        msgpack_pack_uint32(&e->pk, PROTO_VERSION);
        pack_cstr(e, "type");
        pack_cstr(e, type);
    }
    for (uint32_t k = 0; k < s->n_fields; k++) {
        const proto_field *f = &s->fields[k];
        if (!field_present(f, present)) {
            continue;
        }
        size_t mark = proto_path_push_key(&e->path, f->key);
        pack_cstr(e, f->key);
        int rc;
        if (f->kind == PF_OBJ) {
            rc = encode_object(e, f->sub, (const unsigned char *)obj + f->offset, NULL);
        } else if (f->kind == PF_ARR || f->kind == PF_STRS) {
            rc = encode_array(e, f, obj);
        } else {
            rc = encode_scalar(e, f, obj);
        }
        if (rc != RP_OK) {
            return rc;
        }
        proto_path_restore(&e->path, mark);
    }
    if (s->check != NULL) {
        proto_error ce;
        memset(&ce, 0, sizeof ce);
        if (s->check(obj, &ce) != RP_OK) {
            return invalid(e, ce.reason);
        }
    }
    return RP_OK;
}

int proto_encode(const proto_msg *msg, uint8_t *buf, size_t cap, size_t *n_out, proto_error *err)
{
    if (err != NULL) {
        memset(err, 0, sizeof *err);
    }
    if (msg == NULL || buf == NULL || n_out == NULL) {
        return RP_EINVAL;
    }
    *n_out = 0;
    const proto_schema *s = proto_schema_of(msg->type);
    encoder e;
    e.err = err;
    proto_path_init(&e.path, s != NULL ? s->name : NULL);
    if (s == NULL) {
        return invalid(&e, "unknown message type");
    }
    e.out.buf = buf;
    e.out.cap = cap < PROTO_MAX_MSG_BYTES ? cap : PROTO_MAX_MSG_BYTES;
    e.out.n = 0;
    e.out.full = false;
    msgpack_packer_init(&e.pk, &e.out, sink_write);
    int rc = encode_object(&e, s, (const unsigned char *)msg + PROTO_BODY_OFFSET, s->name);
    if (rc != RP_OK) {
        return rc;
    }
    if (e.out.full) {
        proto_path_init(&e.path, NULL);
        if (cap >= PROTO_MAX_MSG_BYTES) {
            return invalid(&e, "message would exceed the limit of 1048576 bytes");
        }
        proto_path_fail(&e.path, err, "buffer of %zu bytes is too small", cap);
        return RP_EFULL;
    }
    *n_out = e.out.n;
    return RP_OK;
}
