/* cli/cmd_text.c - `rapport text`: analyse one message per stdin line.
 *
 * Streams in constant memory: a line longer than --max-bytes is analysed on its
 * first --max-bytes bytes, the rest is read and discarded, and the row is
 * flagged truncated=1. Output rows come in input order, one per line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "common/alloc.h"
#include "common/format.h"
#include "nlp/analyzer.h"

#define TEXT_DEFAULT_MAX 65536u
#define TEXT_READ_CHUNK  65536u
#define TEXT_OUT_BUFFER  65536u
#define TEXT_EXPLAIN_MAX 4096u /* bytes of one explanation; longer ones end with "..." */

typedef struct text_opts {
    nlp_role role;
    cli_format format;
    size_t max_bytes;
    bool explain;
} text_opts;

static void text_usage(FILE *out)
{
    fprintf(out,
            "usage: rapport text [--role customer|agent] [--format tsv|json] [--max-bytes N]\n"
            "                    [--explain]\n\n"
            "Reads one message per line on stdin and writes one result per line on stdout,\n"
            "in the same order: valence (-1..1), emotions (customer role; all 0 with\n"
            "--role agent: the agent channel yields no emotion), complaint, escalation and\n"
            "its type (customer role; 0 and none with --role agent), sarcasm, agent\n"
            "empathy and tone_deaf (--role agent), the PII span count, the\n"
            "truncated flag, the sensitive-topic score (0..1) and topic (none,\n"
            "billing_dispute, cancellation, bereavement, hardship, safety: a customer\n"
            "at risk), pause_request (0..1:\n"
            "the writer asks the other side to wait, \"one moment\", \"let me check\", or\n"
            "stops mid-sentence, \"that would have been\"), human_senior (1: a request\n"
            "for a person names a manager, a supervisor, someone senior or a real person,\n"
            "not \"someone about my mortgage\") and the redacted text.\n"
            "TSV (default) starts with a header row. Lines longer than\n"
            "--max-bytes (default %u) are analysed on their first N bytes and flagged\n"
            "truncated=1. Memory use is constant. The rows of the lines read so far are\n"
            "written before it waits for more input, so it follows a live feed\n"
            "(tail -f chat.log | rapport text).\n\n"
            "--explain adds a last column (TSV) or field (JSON), explain: the lexicon's\n"
            "words and phrases the message matched, each with what it carries, then the\n"
            "rules that fired, e.g. \"cancel my subscription(-1.5, cancel 0.90, complaint,\n"
            "anger)\". It holds only the lexicon's own spellings of the words it\n"
            "knows, never other text of the message (no PII); at most %u bytes.\n\n"
            "exit codes: 0 ok, 1 read/write error, 2 usage error\n",
            TEXT_DEFAULT_MAX, TEXT_EXPLAIN_MAX);
}

static int parse_args(int argc, char **argv, text_opts *o)
{
    o->role = NLP_ROLE_CUSTOMER;
    o->format = CLI_FORMAT_TSV;
    o->max_bytes = TEXT_DEFAULT_MAX;
    o->explain = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            text_usage(stdout);
            return 1;
        }
        if (i + 1 >= argc && (strcmp(a, "--role") == 0 || strcmp(a, "--format") == 0 ||
                              strcmp(a, "--max-bytes") == 0)) {
            cli_error("text", "%s needs a value", a);
            return -1;
        }
        if (strcmp(a, "--explain") == 0) {
            o->explain = true;
        } else if (strcmp(a, "--role") == 0) {
            const char *v = argv[++i];
            if (strcmp(v, "customer") == 0) {
                o->role = NLP_ROLE_CUSTOMER;
            } else if (strcmp(v, "agent") == 0) {
                o->role = NLP_ROLE_AGENT;
            } else {
                cli_error("text", "--role must be customer or agent, not '%s'", v);
                return -1;
            }
        } else if (strcmp(a, "--format") == 0) {
            const char *v = argv[++i];
            if (!cli_format_parse(v, &o->format) || o->format == CLI_FORMAT_CSV) {
                cli_error("text", "--format must be tsv or json, not '%s'", v);
                return -1;
            }
        } else if (strcmp(a, "--max-bytes") == 0) {
            const char *v = argv[++i];
            char *end = NULL;
            errno = 0;
            unsigned long long n = strtoull(v, &end, 10);
            if (errno != 0 || end == v || *end != '\0' || n < 64 || n > (1u << 20)) {
                cli_error("text", "--max-bytes must be a number from 64 to 1048576");
                return -1;
            }
            o->max_bytes = (size_t)n;
        } else {
            cli_error("text", "unknown option '%s' (try --help)", a);
            return -1;
        }
    }
    return 0;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 when invalid. */
static size_t utf8_seq_len(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned min;
    unsigned cp;
    if (c < 0x80) {
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2;
        cp = c & 0x1Fu;
        min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3;
        cp = c & 0x0Fu;
        min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4;
        cp = c & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len > n) {
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if ((s[k] & 0xC0) != 0x80) {
            return 0;
        }
        cp = (cp << 6) | (s[k] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return 0;
    }
    return len;
}

/* Writes text as a JSON string body or a TSV field: control characters and
 * invalid UTF-8 never reach the output unescaped. Runs that need no escape go
 * out in one fwrite(). */
static void put_text(FILE *out, const char *text, size_t n, cli_format fmt)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    size_t run = 0; /* s[run, i) is still to be written as it is */
    while (i < n) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F && (fmt != CLI_FORMAT_JSON || (c != '"' && c != '\\'))) {
            i++;
            continue;
        }
        size_t len = c < 0x80 ? 1 : utf8_seq_len(s + i, n - i);
        if (len > 1) {
            i += len;
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        if (len == 0) {
            fputs(fmt == CLI_FORMAT_JSON ? "\\ufffd" : "\xEF\xBF\xBD", out);
        } else if (fmt == CLI_FORMAT_JSON) {
            if (c == '"' || c == '\\') {
                fputc('\\', out);
                fputc(c, out);
            } else {
                fprintf(out, "\\u%04x", c);
            }
        } else {
            fputc(' ', out);
        }
        i++;
        run = i;
    }
    fwrite(s + run, 1, n - run, out);
}

/* The columns (TSV) and keys (JSON) after valence and the emotions, in order;
 * put_result() writes their values in the same order. */
static const char *const row_keys[] = {
    "complaint",     "escalation",  "escalation_type", "sarcasm",   "empathy",
    "tone_deaf",     "pii",         "truncated",       "sensitive", "sensitive_topic",
    "pause_request", "human_senior"};

static void put_header(FILE *out, bool explain)
{
    fputs("valence", out);
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        fprintf(out, "\t%s", nlp_emotion_name((nlp_emotion)k));
    }
    for (size_t k = 0; k < sizeof row_keys / sizeof row_keys[0]; k++) {
        fprintf(out, "\t%s", row_keys[k]);
    }
    fputs(explain ? "\tredacted\texplain\n" : "\tredacted\n", out);
}

#define ROW_PREFIX_MAX 1024u /* the fields before `redacted`, in either format */

/* A row's fields before `redacted`, built in memory and written at once. */
typedef struct row_buf {
    char b[ROW_PREFIX_MAX];
    size_t n;
} row_buf;

static void row_str(row_buf *w, const char *text)
{
    size_t len = strlen(text);
    if (len > ROW_PREFIX_MAX - w->n) {
        len = ROW_PREFIX_MAX - w->n; /* never: the names are short */
    }
    memcpy(w->b + w->n, text, len);
    w->n += len;
}

/* Appends v as printf("%.3f") writes it. */
static void row_score(row_buf *w, float v)
{
    char b[RP_FORMAT_FIXED3_MAX];
    size_t len = rp_format_fixed3(b, v);
    if (len < ROW_PREFIX_MAX - w->n) {
        memcpy(w->b + w->n, b, len);
        w->n += len;
    }
}

static void row_uint(row_buf *w, unsigned v)
{
    char digits[12];
    size_t nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(v % 10u));
        v /= 10u;
    } while (v > 0);
    while (nd > 0 && w->n < ROW_PREFIX_MAX) {
        w->b[w->n++] = digits[--nd];
    }
}

/* explain: nlp_analyzer_explain()'s text, or NULL without --explain */
static void put_result(FILE *out, const nlp_result *r, const char *redacted, size_t n_redacted,
                       const char *explain, cli_format fmt)
{
    row_buf w = {.n = 0};
    bool json = fmt == CLI_FORMAT_JSON;
    const char *sep = json ? ",\"" : "\t";
    const char *is = json ? "\":" : "";
    row_str(&w, json ? "{\"valence\":" : "");
    row_score(&w, r->valence);
    for (int k = 0; k < NLP_EMO_COUNT; k++) {
        row_str(&w, sep);
        if (json) {
            row_str(&w, nlp_emotion_name((nlp_emotion)k));
            row_str(&w, is);
        }
        row_score(&w, r->emotions[k]);
    }
    /* the values of row_keys, in its order: a score, a name (quoted in JSON),
     * a count or a flag */
    const struct {
        char kind; /* 's' score, 'n' name, 'u' count, 'b' flag */
        float score;
        const char *name;
        unsigned count;
    } fields[] = {
        {'s', r->complaint, NULL, 0},
        {'s', r->escalation, NULL, 0},
        {'n', 0.0f, nlp_escalation_type_name(r->escalation_type), 0},
        {'s', r->sarcasm, NULL, 0},
        {'s', r->empathy, NULL, 0},
        {'s', r->tone_deaf, NULL, 0},
        {'u', 0.0f, NULL, r->pii},
        {'b', 0.0f, NULL, r->truncated},
        {'s', r->sensitive, NULL, 0},
        {'n', 0.0f, nlp_topic_name(r->sensitive_topic), 0},
        {'s', r->pause_request, NULL, 0},
        {'b', 0.0f, NULL, r->human_senior},
    };
    _Static_assert(sizeof fields / sizeof fields[0] == sizeof row_keys / sizeof row_keys[0],
                   "a value for every key");
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
        row_str(&w, sep);
        if (json) {
            row_str(&w, row_keys[f]);
            row_str(&w, is);
        }
        switch (fields[f].kind) {
        case 's':
            row_score(&w, fields[f].score);
            break;
        case 'n':
            row_str(&w, json ? "\"" : "");
            row_str(&w, fields[f].name);
            row_str(&w, json ? "\"" : "");
            break;
        case 'u':
            row_uint(&w, fields[f].count);
            break;
        default:
            row_str(&w, fields[f].count != 0 ? (json ? "true" : "1") : (json ? "false" : "0"));
            break;
        }
    }
    row_str(&w, json ? ",\"redacted\":\"" : "\t");
    fwrite(w.b, 1, w.n, out);
    put_text(out, redacted, n_redacted, fmt);
    if (explain != NULL) {
        fputs(json ? "\",\"explain\":\"" : "\t", out);
        put_text(out, explain, strlen(explain), fmt);
    }
    fputs(json ? "\"}\n" : "\n", out);
}

static int analyse_line(nlp_analyzer *an, const text_opts *o, const char *line, size_t n,
                        bool overflow)
{
    if (n > 0 && line[n - 1] == '\r') {
        n--;
    }
    nlp_result r;
    if (nlp_analyzer_analyze(an, line, n, o->role, &r) != RP_OK) {
        return -1;
    }
    r.truncated = r.truncated || overflow;
    size_t n_red = 0;
    const char *red = nlp_analyzer_redacted(an, &n_red);
    char explain[TEXT_EXPLAIN_MAX];
    if (o->explain) {
        nlp_analyzer_explain(an, &r, explain, sizeof explain);
    }
    put_result(stdout, &r, red, n_red, o->explain ? explain : NULL, o->format);
    return 0;
}

int cli_text_main(int argc, char **argv)
{
    text_opts o;
    int rc = parse_args(argc, argv, &o);
    if (rc != 0) {
        return rc > 0 ? CLI_EXIT_OK : CLI_EXIT_USAGE;
    }
    nlp_analyzer_config cfg = nlp_analyzer_config_default();
    cfg.max_message_bytes = o.max_bytes;
    nlp_analyzer *an = NULL;
    char *line = NULL;
    char *chunk = NULL;
    int status = CLI_EXIT_FAIL;
    if (nlp_analyzer_create(&cfg, &an) != RP_OK) {
        cli_error("text", "cannot create the analyser (out of memory)");
        goto done;
    }
    line = rp_malloc(o.max_bytes);
    chunk = rp_malloc(TEXT_READ_CHUNK);
    if (line == NULL || chunk == NULL) {
        cli_error("text", "out of memory");
        goto done;
    }
    if (!isatty(STDOUT_FILENO)) {
        setvbuf(stdout, NULL, _IOFBF, TEXT_OUT_BUFFER); /* fewer writes; flushed before reads */
    }
    if (o.format == CLI_FORMAT_TSV) {
        put_header(stdout, o.explain);
    }
    size_t len = 0;
    bool overflow = false;
    bool pending = false;
    for (;;) {
        /* rows of the lines read so far go out before a read that may wait
         * for a live producer (a chat feed through a pipe) */
        if (fflush(stdout) != 0) {
            cli_error("text", "write error on stdout");
            goto done;
        }
        ssize_t n_read = read(STDIN_FILENO, chunk, TEXT_READ_CHUNK);
        if (n_read < 0 && errno == EINTR) {
            continue;
        }
        if (n_read < 0) {
            cli_error("text", "read error on stdin: %s", strerror(errno));
            goto done;
        }
        if (n_read == 0) {
            break;
        }
        size_t got = (size_t)n_read;
        size_t i = 0;
        while (i < got) {
            const char *nl = memchr(chunk + i, '\n', got - i);
            size_t end = nl != NULL ? (size_t)(nl - chunk) : got;
            size_t take = end - i;
            if (take > o.max_bytes - len) {
                take = o.max_bytes - len;
                overflow = true; /* consume the rest of an over-long line */
            }
            memcpy(line + len, chunk + i, take);
            len += take;
            pending = pending || end > i;
            i = end;
            if (nl == NULL) {
                break;
            }
            if (analyse_line(an, &o, line, len, overflow) != 0) {
                cli_error("text", "analysis failed");
                goto done;
            }
            len = 0;
            overflow = false;
            pending = false;
            i++;
        }
    }
    if (pending && analyse_line(an, &o, line, len, overflow) != 0) {
        cli_error("text", "analysis failed");
        goto done;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error("text", "write error on stdout");
        goto done;
    }
    status = CLI_EXIT_OK;
done:
    rp_free(chunk);
    rp_free(line);
    nlp_analyzer_destroy(&an);
    return status;
}
