/* cli/cmd_replay.c - `rapport replay`: a recorded call through the engine's call
 * pipeline, offline, printing what the agent and supervisor would have seen.
 *
 * Audio: one stereo file (channel 0 agent, channel 1 customer) or two mono files,
 * any format and rate libsndfile reads (other than 8/16 kHz resampled to 16 kHz).
 * It is cut into 20 ms frames with capture timestamps, exactly as a gateway would
 * send them, and fed to eng_call. An optional events file adds chat/transcript
 * lines, holds and frustration signals at their times.
 */
#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "cli/session.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "dsp/resample.h"
#include "engine/call.h"
#include "engine/playbook.h"

#define READ_FRAMES 4096

typedef struct source {
    SNDFILE *sf;
    SF_INFO info;
    bool eof;
} source;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport replay [options] CALL.wav [CUSTOMER.wav]\n\n"
            "Plays a recorded call through the engine's call pipeline and prints the cues,\n"
            "prompts, escalations and call summary it raises, at call time.\n\n"
            "Audio: one stereo file (channel 0 agent, channel 1 customer) or two mono files\n"
            "(agent first), in any format libsndfile reads.\n\n"
            "  --events FILE    chat/transcript and call events, one per line:\n"
            "                   SECONDS<TAB>agent|customer|bot<TAB>TEXT\n"
            "                   SECONDS<TAB>hold<TAB>on|off\n"
            "                   "
            "SECONDS<TAB>signal<TAB>form_error|repeated_error|rage_click|rapid_exit\n"
            "  --playbook FILE  thresholds and prompts (docs/playbook.md); default built in\n"
            "  --queue NAME     the call's queue, for the playbook's [queue.NAME] overrides\n"
            "  --consent        the customer consented to voice and text emotion analysis\n"
            "                   (off by default: no customer emotion is inferred without it)\n"
            "  --bot            the session is handled by a bot (sensitive topics hand off)\n"
            "  --format F       text (default: a timeline) or json (one message per line)\n"
            "  --features       also print the periodic features messages\n"
            "  --realtime       pace the replay in real time instead of as fast as possible\n"
            "  --to EP          be a media gateway: send the call to a running rapportd's\n"
            "                   ingest endpoint instead of analysing it here (see rapport "
            "listen)\n" CLI_SECURITY_USAGE "  --call ID, --agent ID, --team ID\n"
            "                   the call's ids (default replay, agent, replay)\n"
            "  --customer ID    the customer's id in call_start (the key of rapport erase and\n"
            "                   rapport export; default none)\n"
            "  --help           this text\n\n"
            "exit codes: 0 ok, 1 unreadable input, 2 usage error\n");
}

/* ---- output ---- */

/* ---- audio ---- */

static int open_source(source *s, const char *path)
{
    memset(s, 0, sizeof *s);
    s->sf = sf_open(path, SFM_READ, &s->info);
    if (s->sf == NULL) {
        cli_error("replay", "%s: %s", path, sf_strerror(NULL));
        return -1;
    }
    return 0;
}

static void close_source(source *s)
{
    if (s->sf != NULL) {
        sf_close(s->sf);
    }
    memset(s, 0, sizeof *s);
}

/* One party's audio: which source and channel it comes from, its resampler (NULL
 * at 8/16 kHz) and the samples waiting to make a frame. */
typedef struct chan {
    source *src;
    int index; /* channel within src */
    dsp_resampler *rs;
    float *rs_out;
    float *fifo;
    size_t n_fifo, cap_fifo;
} chan;

static int chan_push(chan *c, const float *x, size_t n)
{
    if (c->n_fifo + n > c->cap_fifo) {
        size_t cap = (c->n_fifo + n) * 2 + 1024;
        float *p = rp_realloc(c->fifo, cap * sizeof *p);
        if (p == NULL) {
            return -1;
        }
        c->fifo = p;
        c->cap_fifo = cap;
    }
    memcpy(c->fifo + c->n_fifo, x, n * sizeof *x);
    c->n_fifo += n;
    return 0;
}

static int chan_feed(chan *c, const float *x, size_t n)
{
    if (c->rs == NULL) {
        return chan_push(c, x, n);
    }
    size_t got = 0;
    size_t cap = dsp_resampler_max_out(c->rs);
    if (dsp_resampler_process(c->rs, x, n, c->rs_out, cap, &got) != RP_OK) {
        return -1;
    }
    return chan_push(c, c->rs_out, got);
}

static int chan_flush(chan *c)
{
    if (c->rs == NULL) {
        return 0;
    }
    size_t cap = dsp_resampler_max_out(c->rs);
    for (;;) {
        size_t got = 0;
        if (dsp_resampler_flush(c->rs, c->rs_out, cap, &got) != RP_OK) {
            return -1;
        }
        if (got == 0) {
            return 0;
        }
        if (chan_push(c, c->rs_out, got) != 0) {
            return -1;
        }
    }
}

/* Reads one block from a source into the channels that come from it. */
static int read_block(source *s, chan *chans, int n_chans, float *inter, float *mono)
{
    sf_count_t got = sf_readf_float(s->sf, inter, READ_FRAMES);
    int nch = s->info.channels;
    for (int k = 0; k < n_chans; k++) {
        if (chans[k].src != s) {
            continue;
        }
        if (got <= 0) {
            if (chan_flush(&chans[k]) != 0) {
                return -1;
            }
            continue;
        }
        for (sf_count_t i = 0; i < got; i++) {
            mono[i] = inter[i * nch + chans[k].index];
        }
        if (chan_feed(&chans[k], mono, (size_t)got) != 0) {
            return -1;
        }
    }
    if (got <= 0) {
        s->eof = true;
    }
    return 0;
}

/* True when a channel fed by src holds less than a frame. */
static bool needs_samples(const chan *chans, const source *src, size_t frame)
{
    for (int k = 0; k < 2; k++) {
        if (chans[k].src == src && chans[k].n_fifo < frame) {
            return true;
        }
    }
    return false;
}

static int run(cli_session *r, source *srcs, int n_srcs)
{
    chan chans[2];
    memset(chans, 0, sizeof chans);
    chans[0].src = &srcs[0];
    chans[0].index = 0;
    chans[1].src = n_srcs == 2 ? &srcs[1] : &srcs[0];
    chans[1].index = n_srcs == 2 ? 0 : 1;
    uint32_t in_rate = (uint32_t)srcs[0].info.samplerate;
    r->rate = (in_rate == 8000 || in_rate == 16000) ? in_rate : 16000;
    int rc = 0;
    for (int k = 0; k < 2 && rc == 0; k++) {
        uint32_t rate_k = (uint32_t)chans[k].src->info.samplerate;
        if (rate_k != r->rate) {
            rc = dsp_resampler_create(rate_k, r->rate, READ_FRAMES, &chans[k].rs);
            chans[k].rs_out =
                rc == RP_OK ? rp_malloc(dsp_resampler_max_out(chans[k].rs) * sizeof(float)) : NULL;
            rc = chans[k].rs_out == NULL ? -1 : 0;
        }
    }
    float *inter = rp_malloc(READ_FRAMES * 2 * sizeof(float));
    float *mono = rp_malloc(READ_FRAMES * sizeof(float));
    if (inter == NULL || mono == NULL) {
        rc = -1;
    }
    size_t frame = r->rate / 1000 * CLI_FRAME_MS;
    size_t next_event = 0;
    uint64_t start_ns = rp_clock_mono_ns();
    for (uint64_t k = 0; rc == 0; k++) {
        for (int s = 0; s < n_srcs && rc == 0; s++) {
            while (rc == 0 && !srcs[s].eof && needs_samples(chans, &srcs[s], frame)) {
                rc = read_block(&srcs[s], chans, 2, inter, mono);
            }
        }
        if (chans[0].n_fifo < frame && chans[1].n_fifo < frame) {
            break;
        }
        double t_s = (double)(k * CLI_FRAME_MS) / 1000.0;
        cli_session_deliver(r, &next_event, t_s);
        if (r->realtime) {
            uint64_t due = start_ns + k * CLI_FRAME_MS * 1000000ull;
            uint64_t now = rp_clock_mono_ns();
            if (due > now) {
                rp_clock_sleep_ns(due - now);
            }
        }
        for (int p = 0; p < 2; p++) {
            chan *c = &chans[p];
            size_t n = c->n_fifo < frame ? c->n_fifo : frame;
            if (n == 0) {
                continue;
            }
            cli_session_frame(r, p, k, c->fifo, n);
            memmove(c->fifo, c->fifo + n, (c->n_fifo - n) * sizeof(float));
            c->n_fifo -= n;
        }
    }
    double end_s = 0.0;
    for (int s = 0; s < n_srcs; s++) {
        double d = (double)srcs[s].info.frames / srcs[s].info.samplerate;
        end_s = d > end_s ? d : end_s;
    }
    cli_session_deliver(r, &next_event, 1e18);
    cli_session_end(r, CLI_T0_US + (int64_t)llround(end_s * 1e6));
    for (int k = 0; k < 2; k++) {
        dsp_resampler_destroy(&chans[k].rs);
        rp_free(chans[k].rs_out);
        rp_free(chans[k].fifo);
    }
    rp_free(inter);
    rp_free(mono);
    if (rc != 0) {
        cli_error("replay", "audio could not be read or resampled");
    }
    return rc;
}

int cli_replay_main(int argc, char **argv)
{
    cli_session r;
    session_opts o;
    cli_session_defaults(&r, &o);
    const char *events_path = NULL;
    const char *files[2];
    int n_files = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int took = cli_session_option(argc, argv, &i, &r, &o, "replay");
        if (took < 0) {
            return CLI_EXIT_USAGE;
        } else if (took > 0) {
            continue;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--events") == 0 && i + 1 < argc) {
            events_path = argv[++i];
        } else if (strcmp(a, "--realtime") == 0) {
            r.realtime = true;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_error("replay", "unknown or incomplete option '%s'", a);
            usage(stderr);
            return CLI_EXIT_USAGE;
        } else if (n_files < 2) {
            files[n_files++] = a;
        } else {
            cli_error("replay", "at most two audio files");
            return CLI_EXIT_USAGE;
        }
    }
    if (n_files == 0) {
        cli_error("replay", "no audio file given");
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    int exit_code = CLI_EXIT_FAIL;
    source srcs[2];
    memset(srcs, 0, sizeof srcs);
    for (int i = 0; i < n_files; i++) {
        if (open_source(&srcs[i], files[i]) != 0) {
            goto done;
        }
    }
    if (n_files == 1 && srcs[0].info.channels != 2) {
        cli_error("replay",
                  "%s: has %d channel(s); give a stereo file (agent left, customer "
                  "right) or two mono files",
                  files[0], srcs[0].info.channels);
        goto done;
    }
    if (n_files == 2 && (srcs[0].info.channels != 1 || srcs[1].info.channels != 1)) {
        cli_error("replay", "with two files, each must be mono");
        goto done;
    }
    if (events_path != NULL && cli_session_events(events_path, &r) != 0) {
        goto done;
    }
    if (cli_session_open(&r, &o, "replay") != 0) {
        goto done;
    }
    if (r.text_out && r.push == NULL) {
        printf("replaying %s%s%s (%s, customer emotion analysis %s)\n", files[0],
               n_files == 2 ? " + " : "", n_files == 2 ? files[1] : "",
               o.bot ? "bot session" : "human agent",
               o.consent ? "on (consent)" : "off (no consent)");
    }
    if (run(&r, srcs, n_files) == 0) {
        exit_code = CLI_EXIT_OK;
    }
    if (r.push != NULL) {
        fprintf(stderr, "rapport replay: call %s sent to %s\n", r.call_id, o.to);
    }
done:
    for (int i = 0; i < 2; i++) {
        close_source(&srcs[i]);
    }
    cli_session_close(&r);
    return exit_code;
}
