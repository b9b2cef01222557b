/* proto/schema.h - the message schema as data (internal to proto/).
 *
 * One table of field descriptors per object; the decoder, the encoder and the
 * JSON printer all walk the same tables, so the three cannot disagree. Nesting
 * of objects in the schema is at most 3 deep (snapshot -> calls -> cues), which
 * bounds the recursion of the walkers.
 */
#ifndef PROTO_SCHEMA_H
#define PROTO_SCHEMA_H

#include <stddef.h>
#include <stdint.h>

#include "proto/proto.h"

typedef enum pf_kind {
    PF_BOOL,
    PF_U32,
    PF_U64,
    PF_I64,
    PF_F32,
    PF_F64,
    PF_STR,  /* proto_str, valid UTF-8, <= max bytes */
    PF_ID,   /* proto_str id, proto_id_valid() */
    PF_ENUM, /* an enum stored as int, wire name from names[] */
    PF_BIN,  /* proto_bytes, <= max bytes */
    PF_OBJ,  /* nested map, struct inline at offset */
    PF_ARR,  /* array of objects: pointer at offset, uint32 count at count_offset */
    PF_STRS, /* array of PF_STR: proto_str pointer at offset, count at count_offset */
} pf_kind;

typedef struct proto_schema proto_schema;

typedef struct proto_field {
    const char *key; /* wire key */
    pf_kind kind;
    uint64_t bit;        /* presence bit for optional fields; 0 = required */
    size_t offset;       /* of the value within the object */
    size_t count_offset; /* PF_ARR / PF_STRS: of the uint32_t count */
    uint64_t max;        /* STR/ID/BIN: bytes; ARR/STRS: items (STRS items <= PROTO_MAX_SHORT_TEXT);
                            U32/U64/I64: largest value; F32/F64: unused */
    int64_t min;         /* I64 smallest value; U32/U64 smallest value */
    double fmin, fmax;   /* F32/F64: allowed closed range (values must also be finite) */
    const char *const *names; /* PF_ENUM: wire names, n_names of them */
    uint32_t n_names;
    const proto_schema *sub; /* PF_OBJ / PF_ARR */
} proto_field;

/* Cross-field rule run after a successful decode and before encode. Returns 0 or
 * fills err->reason (path is the object's) and returns RP_EPROTO. */
typedef int (*proto_check_fn)(const void *obj, proto_error *err);

struct proto_schema {
    const char *name;
    const proto_field *fields;
    uint32_t n_fields;
    size_t size;     /* sizeof the object struct (array elements) */
    int has_present; /* object starts with uint64_t present */
    proto_check_fn check;
};

/* Schema of each message type's body (fields besides "v" and "type"); NULL for
 * PROTO_T_NONE and out-of-range types. */
const proto_schema *proto_schema_of(proto_type type);

/* A scalar field's value in a kind-neutral form, between wire and struct. */
typedef struct proto_value {
    bool b;
    uint64_t u;         /* U32, U64 */
    int64_t i;          /* I64 */
    double d;           /* F32, F64 */
    int e;              /* ENUM index */
    const uint8_t *ptr; /* STR, ID, BIN */
    uint32_t len;
} proto_value;

/* Checks a scalar value against the field's rules (range, finiteness, length,
 * UTF-8, id charset, enum index). Returns RP_OK, or RP_EPROTO with the reason. */
int proto_value_check(const proto_field *f, const proto_value *v, char *reason, size_t cap);

/* Copies a scalar value out of / into the object struct at the field's offset. */
void proto_value_load(const proto_field *f, const void *obj, proto_value *v);
void proto_value_store(const proto_field *f, void *obj, const proto_value *v);

/* The error path being built while walking nested objects: "cue.evidence[2].name". */
typedef struct proto_path {
    char buf[PROTO_ERR_PATH_LEN];
    size_t len;
} proto_path;

void proto_path_init(proto_path *p, const char *root);
/* Appends ".key" or "[index]"; returns the previous length for proto_path_restore. */
size_t proto_path_push_key(proto_path *p, const char *key);
size_t proto_path_push_index(proto_path *p, uint32_t index);
void proto_path_restore(proto_path *p, size_t len);
/* Copies the path into err->path and formats err->reason. */
void proto_path_fail(const proto_path *p, proto_error *err, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Offset of the body in proto_msg (the union member). */
#define PROTO_BODY_OFFSET offsetof(proto_msg, u)

#endif /* PROTO_SCHEMA_H */
