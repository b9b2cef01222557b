/* tests/engine/test_idmap.c - the id map against a plain reference under random
 * inserts and removals (backward-shift deletion is easy to get wrong). */
#include <stdio.h>
#include <string.h>

#include "engine/idmap.h"
#include "suites.h"
#include "testutil.h"

#define KEYS 300

START_TEST(random_operations_match_a_reference)
{
    eng_idmap m;
    ck_assert_int_eq(eng_idmap_init(&m, 200), RP_OK);
    static int values[KEYS];
    bool present[KEYS] = {false};
    size_t n_present = 0;
    char key[32];
    uint64_t rng = rp_test_seed();
    for (int op = 0; op < 200000; op++) {
        int k = (int)(rp_test_rand(&rng) % KEYS);
        snprintf(key, sizeof key, "call-%d", k);
        proto_str id = proto_cstr(key);
        switch (rp_test_rand(&rng) % 3) {
        case 0: {
            int rc = eng_idmap_put(&m, id, &values[k]);
            if (present[k]) {
                ck_assert_int_eq(rc, RP_ESTATE);
            } else if (n_present >= 200) {
                ck_assert_int_eq(rc, RP_EFULL);
            } else {
                ck_assert_int_eq(rc, RP_OK);
                present[k] = true;
                n_present++;
            }
            break;
        }
        case 1: {
            void *v = eng_idmap_remove(&m, id);
            ck_assert_ptr_eq(v, present[k] ? &values[k] : NULL);
            if (present[k]) {
                present[k] = false;
                n_present--;
            }
            break;
        }
        default:
            ck_assert_ptr_eq(eng_idmap_get(&m, id), present[k] ? &values[k] : NULL);
            break;
        }
        ck_assert_uint_eq(m.n, n_present);
    }
    /* every key agrees at the end */
    for (int k = 0; k < KEYS; k++) {
        snprintf(key, sizeof key, "call-%d", k);
        ck_assert_ptr_eq(eng_idmap_get(&m, proto_cstr(key)), present[k] ? &values[k] : NULL);
    }
    eng_idmap_deinit(&m);
}
END_TEST

START_TEST(bad_ids_and_capacities_are_refused)
{
    eng_idmap m;
    ck_assert_int_eq(eng_idmap_init(&m, 0), RP_EINVAL);
    ck_assert_int_eq(eng_idmap_init(&m, 4), RP_OK);
    int v = 1;
    proto_str empty = {"", 0};
    ck_assert_int_eq(eng_idmap_put(&m, empty, &v), RP_EINVAL);
    ck_assert_int_eq(eng_idmap_put(&m, proto_cstr("a"), NULL), RP_EINVAL);
    char long_id[80];
    memset(long_id, 'x', sizeof long_id);
    proto_str too_long = {long_id, sizeof long_id};
    ck_assert_int_eq(eng_idmap_put(&m, too_long, &v), RP_EINVAL);
    ck_assert_ptr_null(eng_idmap_get(&m, too_long));
    ck_assert_ptr_null(eng_idmap_remove(&m, proto_cstr("nobody")));
    eng_idmap_deinit(&m);
}
END_TEST

Suite *idmap_suite(void)
{
    Suite *s = suite_create("idmap");
    TCase *tc = tcase_create("idmap");
    tcase_add_test(tc, random_operations_match_a_reference);
    tcase_add_test(tc, bad_ids_and_capacities_are_refused);
    suite_add_tcase(s, tc);
    return s;
}
