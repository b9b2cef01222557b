/* bench/cmd_synth.c - `rapport-bench synth`: exports voice scenarios as a stereo
 * WAV and an events file, so the whole product can replay them (`rapport replay`,
 * locally or --to a running rapportd). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench/bench.h"
#include "bench/scenario.h"
#include "bench/synth.h"
#include "common/alloc.h"

#ifndef RP_BENCH_SCENARIOS
#define RP_BENCH_SCENARIOS "bench/scenarios"
#endif

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport-bench synth [--scenarios DIR] [--out DIR] ID...\n\n"
            "Synthesises the voice scenarios DIR/ID.yaml (docs/bench.md) and writes, for each,\n"
            "OUT/ID.wav (stereo float WAV: agent left, customer right) and OUT/ID.events\n"
            "(transcript lines at the end of each turn, chat messages, holds and signals, as\n"
            "`rapport replay --events` reads them), then prints the replay command.\n"
            "Consent changes have no events-file form and are left out (with a note).\n\n"
            "  --scenarios DIR  default %s\n"
            "  --out DIR        default . (created if missing)\n",
            RP_BENCH_SCENARIOS);
}

typedef struct line {
    double t_s;
    size_t order;
    char who[16];
    const char *text; /* borrowed from the scenario, or a literal */
} line;

static int cmp_line(const void *a, const void *b)
{
    const line *x = a, *y = b;
    if (x->t_s != y->t_s) {
        return x->t_s < y->t_s ? -1 : 1;
    }
    return x->order < y->order ? -1 : (x->order > y->order);
}

/* Text with tabs and line breaks as spaces (the events file is one line each). */
static void put_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
    }
}

static int write_events(const bench_scenario *sc, const char *path)
{
    static const char *const sig[] = {"form_error", "repeated_error", "rage_click", "rapid_exit"};
    static const char *const spk[] = {"agent", "customer", "bot"};
    size_t cap = sc->n_turns + sc->n_messages + 2 * sc->n_holds + sc->n_signals + 1;
    line *l = rp_calloc(cap, sizeof *l);
    if (l == NULL) {
        return -1;
    }
    size_t n = 0;
    for (size_t i = 0; i < sc->n_turns; i++) {
        const bench_turn *t = &sc->turns[i];
        if (t->transcript) {
            const char *who = t->who == BENCH_ROLE_CUSTOMER ? "customer"
                              : sc->handler == PROTO_BOT    ? "bot"
                                                            : "agent";
            l[n] = (line){t->end_s, n, "", t->text};
            snprintf(l[n++].who, sizeof l[0].who, "%s", who);
        }
    }
    for (size_t i = 0; i < sc->n_messages; i++) {
        l[n] = (line){sc->messages[i].at_s, n, "", sc->messages[i].text};
        snprintf(l[n++].who, sizeof l[0].who, "%s", spk[sc->messages[i].who]);
    }
    for (size_t i = 0; i < sc->n_holds; i++) {
        l[n] = (line){sc->holds[i].on_s, n, "hold", "on"};
        n++;
        l[n] = (line){sc->holds[i].off_s, n, "hold", "off"};
        n++;
    }
    for (size_t i = 0; i < sc->n_signals; i++) {
        l[n] = (line){sc->signals[i].at_s, n, "signal", sig[sc->signals[i].kind]};
        n++;
    }
    qsort(l, n, sizeof *l, cmp_line);
    FILE *f = fopen(path, "w");
    if (f == NULL) {
        rp_free(l);
        return -1;
    }
    fprintf(f, "# %s: %s (rapport-bench synth)\n", sc->id, sc->title);
    for (size_t i = 0; i < n; i++) {
        fprintf(f, "%.3f\t%s\t", l[i].t_s, l[i].who);
        put_text(f, l[i].text);
        fputc('\n', f);
    }
    rp_free(l);
    return fclose(f) == 0 ? 0 : -1;
}

static int export_one(const char *dir, const char *out, const char *id)
{
    char path[1024], err[RP_ERR_LEN];
    snprintf(path, sizeof path, "%s/%s.yaml", dir, id);
    bench_scenario *sc = NULL;
    if (bench_scenario_load(path, &sc, err) != RP_OK) {
        fprintf(stderr, "rapport-bench synth: %s\n", err);
        return 1;
    }
    int rc = 1;
    bench_audio au;
    memset(&au, 0, sizeof au);
    if (sc->medium != PROTO_VOICE) {
        fprintf(stderr, "rapport-bench synth: %s is a chat session: no audio to write\n", id);
    } else if (bench_synth(sc, NULL, &au, err) != RP_OK) {
        fprintf(stderr, "rapport-bench synth: %s\n", err);
    } else {
        char wav[1100], ev[1100];
        snprintf(wav, sizeof wav, "%s/%s.wav", out, id);
        snprintf(ev, sizeof ev, "%s/%s.events", out, id);
        if (bench_audio_write(&au, wav) != RP_OK || write_events(sc, ev) != 0) {
            fprintf(stderr, "rapport-bench synth: cannot write %s or %s\n", wav, ev);
        } else {
            if (sc->n_consent > 0) {
                fprintf(stderr, "rapport-bench synth: %s: %zu consent change(s) left out\n", id,
                        sc->n_consent);
            }
            printf("rapport replay%s%s%s%s --events %s %s\n", sc->voice_emotion ? " --consent" : "",
                   sc->handler == PROTO_BOT ? " --bot" : "", sc->queue[0] ? " --queue " : "",
                   sc->queue, ev, wav);
            rc = 0;
        }
    }
    bench_audio_free(&au);
    bench_scenario_free(&sc);
    return rc;
}

int bench_synth_main(int argc, char **argv)
{
    const char *dir = RP_BENCH_SCENARIOS, *out = ".";
    int first_id = 0, rc = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--scenarios") == 0 && i + 1 < argc) {
            dir = argv[++i];
        } else if (strcmp(a, "--out") == 0 && i + 1 < argc) {
            out = argv[++i];
        } else if (a[0] == '-') {
            fprintf(stderr, "rapport-bench synth: unknown or incomplete option '%s'\n", a);
            usage(stderr);
            return 2;
        } else if (first_id == 0) {
            first_id = i;
        }
    }
    if (first_id == 0) {
        fprintf(stderr, "rapport-bench synth: name at least one scenario id\n");
        usage(stderr);
        return 2;
    }
    if (mkdir(out, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "rapport-bench synth: cannot create %s: %s\n", out, strerror(errno));
        return 1;
    }
    for (int i = first_id; i < argc; i++) {
        if (strcmp(argv[i], "--scenarios") == 0 || strcmp(argv[i], "--out") == 0) {
            i++;
            continue;
        }
        rc |= export_one(dir, out, argv[i]);
    }
    bench_synth_shutdown();
    return rc;
}
