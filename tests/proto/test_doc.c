/* tests/proto/test_doc.c - docs/protocol.md documents every type, field and enum
 * value the schema defines, so the reference cannot drift from the code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "proto/schema.h"
#include "suites.h"

static char *read_doc(void)
{
    const char *root = getenv("RP_SOURCE_ROOT");
    ck_assert_msg(root != NULL, "RP_SOURCE_ROOT is not set");
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/protocol.md", root);
    FILE *f = fopen(path, "rb");
    ck_assert_msg(f != NULL, "cannot open %s", path);
    static char doc[1 << 18];
    size_t n = fread(doc, 1, sizeof doc - 1, f);
    fclose(f);
    doc[n] = '\0';
    return doc;
}

static bool mentions(const char *from, const char *to, const char *word)
{
    char quoted[128];
    snprintf(quoted, sizeof quoted, "`%s`", word);
    const char *hit = strstr(from, quoted);
    return hit != NULL && (to == NULL || hit < to);
}

/* Checks every field of s (and, recursively, of its objects) and every enum
 * name; top-level keys must appear within [from, to). */
static void check_schema(const char *doc, const proto_schema *s, const char *from, const char *to)
{
    for (uint32_t k = 0; k < s->n_fields; k++) {
        const proto_field *f = &s->fields[k];
        ck_assert_msg(mentions(from, to, f->key), "docs/protocol.md: %s.%s is not documented",
                      s->name, f->key);
        for (uint32_t e = 0; e < f->n_names; e++) {
            ck_assert_msg(mentions(doc, NULL, f->names[e]),
                          "docs/protocol.md: value %s of %s.%s is not documented", f->names[e],
                          s->name, f->key);
        }
        if (f->sub != NULL) {
            check_schema(doc, f->sub, doc, NULL);
        }
    }
}

START_TEST(protocol_doc_covers_the_schema)
{
    const char *doc = read_doc();
    for (int t = PROTO_T_NONE + 1; t < PROTO_T_COUNT; t++) {
        const proto_schema *s = proto_schema_of((proto_type)t);
        char heading[64];
        snprintf(heading, sizeof heading, "### `%s`", s->name);
        const char *from = strstr(doc, heading);
        if (t == PROTO_T_CONSENT) {
            from = strstr(doc, "### `consent`\nThe customer changed");
        }
        ck_assert_msg(from != NULL, "docs/protocol.md has no section %s", heading);
        const char *to = strstr(from + 4, "\n### ");
        check_schema(doc, s, from, to);
    }
}
END_TEST

Suite *doc_suite(void)
{
    Suite *s = suite_create("doc");
    TCase *tc = tcase_create("protocol.md");
    tcase_add_test(tc, protocol_doc_covers_the_schema);
    suite_add_tcase(s, tc);
    return s;
}
