/* tests/nlp/test_data.c - regression floors on the shared labelled data.
 *
 * Floors sit below the measured figures (docs/nlp.md) so a rule change that
 * breaks a whole output fails here; the full figures come from bench/nlp.
 * Skips with a message when RP_DATA_PATH is absent.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nlp/analyzer.h"
#include "suites.h"
#include "testutil.h"

#define LINE_MAX_BYTES 65536

/* Column index of name in a TSV header line, or -1. */
static int column_of(char *header, const char *name)
{
    int col = 0;
    for (char *tok = strtok(header, "\t\r\n"); tok != NULL; tok = strtok(NULL, "\t\r\n"), col++) {
        if (strcmp(tok, name) == 0) {
            return col;
        }
    }
    return -1;
}

/* Pointer to field col of line (tabs replaced by NULs in place). */
static char *field(char *line, int col)
{
    char *p = line;
    for (int c = 0; c < col && p != NULL; c++) {
        p = strchr(p, '\t');
        if (p != NULL) {
            *p++ = '\0';
        }
    }
    if (p == NULL) {
        return NULL;
    }
    char *end = strpbrk(p, "\t\r\n");
    if (end != NULL) {
        *end = '\0';
    }
    return p;
}

static FILE *open_set(const char *name)
{
    const char *base = rp_test_data_path();
    if (base == NULL) {
        printf("nlp data tests: RP_DATA_PATH not set or absent; skipping %s\n", name);
        return NULL;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/text/%s", base, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        printf("nlp data tests: %s not found; skipping\n", path);
    }
    return f;
}

START_TEST(vader_tweets_correlation_floor)
{
    FILE *f = open_set("vader_tweets.tsv");
    if (f == NULL) {
        return;
    }
    nlp_analyzer *an = NULL;
    ck_assert_int_eq(nlp_analyzer_create(NULL, &an), RP_OK);
    char *line = malloc(LINE_MAX_BYTES);
    char *copy = malloc(LINE_MAX_BYTES);
    ck_assert(line != NULL && copy != NULL);
    ck_assert_ptr_nonnull(fgets(line, LINE_MAX_BYTES, f));
    int c_rating = column_of(line, "mean_rating");
    ck_assert_ptr_nonnull(fgets(line, LINE_MAX_BYTES, f) ? line : NULL);
    rewind(f);
    ck_assert_ptr_nonnull(fgets(line, LINE_MAX_BYTES, f));
    int c_text = column_of(line, "text");
    ck_assert_int_ge(c_rating, 0);
    ck_assert_int_ge(c_text, 0);
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;
    while (fgets(line, LINE_MAX_BYTES, f) != NULL) {
        memcpy(copy, line, LINE_MAX_BYTES);
        char *rating = field(line, c_rating);
        char *text = field(copy, c_text);
        if (rating == NULL || text == NULL) {
            continue;
        }
        nlp_result r;
        ck_assert_int_eq(nlp_analyzer_analyze(an, text, strlen(text), NLP_ROLE_CUSTOMER, &r),
                         RP_OK);
        double x = r.valence, y = atof(rating);
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
        n++;
    }
    fclose(f);
    free(line);
    free(copy);
    nlp_analyzer_destroy(&an);
    ck_assert_int_gt(n, 1000);
    double r = (n * sxy - sx * sy) / sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    printf("nlp data tests: vader_tweets Pearson r = %.3f over %d rows\n", r, n);
    ck_assert_msg(r >= 0.80, "vader_tweets r = %f fell below the 0.80 floor", r);
}
END_TEST

Suite *nlp_data_suite(void)
{
    Suite *s = suite_create("nlp_data");
    TCase *tc = tcase_create("data");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, vader_tweets_correlation_floor);
    suite_add_tcase(s, tc);
    return s;
}
