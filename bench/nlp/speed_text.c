/* bench/nlp/speed_text.c - throughput of nlp_analyzer_analyze(), all outputs,
 * one core, on a mix of messages.
 *
 * usage: bench_nlp_speed [DATA_TEXT_DIR] [--seconds S] [--dump FILE]
 * The mix is up to 2,000 messages from each labelled set in DATA_TEXT_DIR
 * (default ../shared/data/text; a built-in contact-centre mix when absent).
 * --dump writes the exact messages (one per line) for the npm peers
 * (bench/nlp/peers.sh), so both run on the same input in the same run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "nlp/analyzer.h"

#define PER_SET    2000
#define MAX_MSGS   40000
#define LINE_BYTES 65536

static const char *const builtin[] = {
    "Oh great, thanks a lot.",
    "I want to speak to your manager NOW!!!",
    "I understand how frustrating this must be.",
    "I was charged twice and still no refund, this is the third time I call",
    "Thanks so much, the engineer fixed it in ten minutes :)",
    "my card is 4111 1111 1111 1111 and the cvv is 123",
    "Can I change the delivery address for order 55512345?",
    "Your app keeps crashing every time I try to log in, sort it out",
    "I'm going to cancel my subscription and post this on twitter",
    "Is there any update on my parcel? It was due yesterday.",
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* CPU time of this thread: on a shared machine the wall clock also counts the
 * time the scheduler gave the core to someone else. */
static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Appends up to PER_SET texts of one TSV set (column "text") to msgs. */
static size_t load_set(const char *dir, const char *name, char **msgs, size_t n, char *line)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return n;
    }
    int col = -1;
    if (fgets(line, LINE_BYTES, f) != NULL) {
        int c = 0;
        for (char *tok = strtok(line, "\t\r\n"); tok; tok = strtok(NULL, "\t\r\n"), c++) {
            if (strcmp(tok, "text") == 0) {
                col = c;
            }
        }
    }
    size_t taken = 0;
    while (col >= 0 && n < MAX_MSGS && taken < PER_SET && fgets(line, LINE_BYTES, f) != NULL) {
        char *p = line;
        for (int c = 0; c < col && p != NULL; c++) {
            p = strchr(p, '\t');
            p = p != NULL ? p + 1 : NULL;
        }
        if (p == NULL) {
            continue;
        }
        p[strcspn(p, "\t\r\n")] = '\0';
        msgs[n] = strdup(p);
        if (msgs[n] != NULL) {
            n++;
            taken++;
        }
    }
    fclose(f);
    return n;
}

int main(int argc, char **argv)
{
    const char *dir = "../shared/data/text";
    const char *dump = NULL;
    double seconds = 3.0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
            seconds = atof(argv[++i]);
        } else if (strcmp(argv[i], "--dump") == 0 && i + 1 < argc) {
            dump = argv[++i];
        } else if (strcmp(argv[i], "--help") == 0) {
            printf("usage: %s [DATA_TEXT_DIR] [--seconds S] [--dump FILE]\n", argv[0]);
            return 0;
        } else {
            dir = argv[i];
        }
    }
    static const char *const sets[] = {
        "vader_tweets.tsv",      "vader_amazon.tsv", "tweeteval_sentiment.tsv", "complaints.tsv",
        "bitext_cs_intents.tsv", "meld.tsv",         "goemotions.tsv",          "politeness.tsv",
        "uci_sentences.tsv",     "vader_nyt.tsv"};
    char **msgs = calloc(MAX_MSGS, sizeof *msgs);
    char *line = malloc(LINE_BYTES);
    if (msgs == NULL || line == NULL) {
        return 1;
    }
    size_t n = 0;
    for (size_t s = 0; s < sizeof sets / sizeof sets[0]; s++) {
        n = load_set(dir, sets[s], msgs, n, line);
    }
    const char *source = "shared data sets";
    if (n == 0) {
        source = "built-in contact-centre mix (data folder absent)";
        for (size_t i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
            msgs[n++] = strdup(builtin[i]);
        }
    }
    size_t *lens = malloc(n * sizeof *lens);
    size_t total_bytes = 0;
    for (size_t i = 0; i < n; i++) {
        lens[i] = strlen(msgs[i]);
        total_bytes += lens[i];
    }
    if (dump != NULL) {
        FILE *f = fopen(dump, "w");
        if (f == NULL) {
            fprintf(stderr, "bench_nlp_speed: cannot write %s\n", dump);
            return 1;
        }
        for (size_t i = 0; i < n; i++) {
            fprintf(f, "%s\n", msgs[i]);
        }
        fclose(f);
    }
    nlp_analyzer *an = NULL;
    if (nlp_analyzer_create(NULL, &an) != RP_OK) {
        return 1;
    }
    /* warm up, then run whole passes until the time is up */
    float sink = 0.0f;
    nlp_result r;
    for (size_t i = 0; i < n; i++) {
        if (nlp_analyzer_analyze(an, msgs[i], lens[i], NLP_ROLE_CUSTOMER, &r) == RP_OK) {
            sink += r.valence;
        }
    }
    size_t done = 0;
    double c0 = cpu_s();
    double t0 = now_s(), t1 = t0;
    while (t1 - t0 < seconds) {
        for (size_t i = 0; i < n; i++) {
            nlp_role role = (i & 7) == 0 ? NLP_ROLE_AGENT : NLP_ROLE_CUSTOMER;
            if (nlp_analyzer_analyze(an, msgs[i], lens[i], role, &r) == RP_OK) {
                sink += r.valence;
            }
        }
        done += n;
        t1 = now_s();
    }
    double c1 = cpu_s();
    double rate = (double)done / (t1 - t0);
    double cpu_rate = (double)done / (c1 - c0);
    printf("nlp throughput: %zu messages (%s), mean %.0f bytes, all outputs incl. redaction\n", n,
           source, (double)total_bytes / (double)n);
    printf("rapport nlp: %.0f messages/s, %.1f MB/s (one core, wall clock, %.1f s)%s\n", rate,
           rate * (double)total_bytes / (double)n / 1e6, t1 - t0, sink == sink ? "" : " ");
    printf("rapport nlp: %.0f messages per CPU-second (thread CPU time %.2f s of %.2f s wall)\n",
           cpu_rate, c1 - c0, t1 - t0);
    printf("target: >= 1,000,000 messages/s; peers (MANIFEST): vader-sentiment 2,687/s, "
           "sentiment 84,986/s\n");
    nlp_analyzer_destroy(&an);
    for (size_t i = 0; i < n; i++) {
        free(msgs[i]);
    }
    free(msgs);
    free(lens);
    free(line);
    return 0;
}
