/* bench/load.c - `rapport-bench load`: N concurrent two-party calls driven
 * into rapportd over ZeroMQ on loopback at real-time pace; reports whether the
 * engine kept up, its processing latency (frame arrival to cue published), drops,
 * CPU per call-minute and memory per call.
 *
 * It starts rapportd itself (ephemeral loopback ports) so it can read the engine's
 * CPU time and memory from /proc. Every call plays the same 20 s two-party pattern
 * (speech-like sound with turns, overlaps and silences, so turn-taking and cues
 * are exercised), each from its own phase so the load is spread.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "bench/bench.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "common/parse.h"
#include "proto/proto.h"

#define FRAME_MS  20
#define PATTERN_S 20
#define MAX_CALLS 100000
#define TWO_PI    6.283185307179586

typedef struct options {
    uint32_t calls, duration_s, rate, workers;
    const char *engine;
    bool json;
} options;

typedef struct engine_proc {
    pid_t pid;
    char ingest[256], publish[256];
} engine_proc;

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport-bench load [--calls N] [--duration S] [--rate 8000|16000]\n"
            "                          [--workers W] [--engine PATH] [--format text|json]\n\n"
            "Starts rapportd on loopback, drives N concurrent two-party calls into it at\n"
            "real-time pace for S seconds (20 ms frames, PCM16), and reports: whether it kept\n"
            "up, processing latency p50/p99/p999 (frame arrival to cue published, from the\n"
            "engine's own histogram), frames dropped, engine CPU seconds per call-minute and\n"
            "engine memory per call. Defaults: 100 calls, 30 s, 16 kHz, workers = cores.\n");
}

/* ---- the engine process ---- */

static int start_engine(const options *o, engine_proc *e)
{
    int fds[2];
    if (pipe(fds) != 0) {
        return -1;
    }
    char workers[16], max_calls[16];
    snprintf(workers, sizeof workers, "%u", o->workers);
    snprintf(max_calls, sizeof max_calls, "%u", o->calls + 16);
    pid_t pid = fork();
    if (pid < 0) {
        return -1;
    }
    if (pid == 0) {
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        char *argv[16];
        int n = 0;
        char a0[] = "rapportd", a1[] = "--insecure-loopback", a2[] = "--ingest",
             a3[] = "tcp://127.0.0.1:*", a4[] = "--publish", a5[] = "tcp://127.0.0.1:*",
             a6[] = "--requests", a7[] = "tcp://127.0.0.1:*", a8[] = "--stats-ms", a9[] = "500",
             a10[] = "--max-calls", a12[] = "--log-level", a13[] = "error";
        char *args[] = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, max_calls, a12, a13};
        for (size_t i = 0; i < sizeof args / sizeof args[0]; i++) {
            argv[n++] = args[i];
        }
        char a14[] = "--workers";
        if (o->workers > 0) {
            argv[n++] = a14;
            argv[n++] = workers;
        }
        argv[n] = NULL;
        execv(o->engine, argv);
        fprintf(stderr, "rapport-bench: cannot run %s: %s\n", o->engine, strerror(errno));
        _exit(127);
    }
    close(fds[1]);
    e->pid = pid;
    FILE *f = fdopen(fds[0], "r");
    char line[1024];
    if (f == NULL || fgets(line, sizeof line, f) == NULL ||
        sscanf(line, "rapportd: ingest=%255s publish=%255s", e->ingest, e->publish) != 2) {
        fprintf(stderr, "rapport-bench: rapportd did not start\n");
        if (f != NULL) {
            fclose(f);
        }
        return -1;
    }
    fclose(f);
    return 0;
}

/* CPU seconds used by pid so far (utime + stime). */
static double cpu_seconds(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return 0.0;
    }
    char buf[2048];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    const char *p = strrchr(buf, ')');
    unsigned long utime = 0, stime = 0;
    if (p == NULL ||
        sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2) {
        return 0.0;
    }
    return (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
}

/* Resident memory of pid, KiB. */
static long rss_kib(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/status", (int)pid);
    FILE *f = fopen(path, "r");
    if (f == NULL) {
        return 0;
    }
    char line[256];
    long kib = 0;
    while (fgets(line, sizeof line, f) != NULL) {
        if (sscanf(line, "VmRSS: %ld kB", &kib) == 1) {
            break;
        }
    }
    fclose(f);
    return kib;
}

/* ---- audio ---- */

/* Speech-like sound for one party at sample i of the 20 s pattern. */
static int16_t pattern_sample(int party, uint32_t i, uint32_t rate, uint64_t *rng)
{
    static const double spans[2][3][2] = {{{0.0, 4.0}, {9.0, 13.0}, {18.5, 19.5}},
                                          {{4.4, 8.5}, {12.5, 17.0}, {17.5, 17.8}}};
    double t = (double)i / rate;
    *rng ^= *rng << 13;
    *rng ^= *rng >> 7;
    *rng ^= *rng << 17;
    double x = 0.0005 * ((double)(*rng >> 11) / 9007199254740992.0 * 2.0 - 1.0);
    for (int s = 0; s < 3; s++) {
        if (t >= spans[party][s][0] && t < spans[party][s][1]) {
            double f0 = party == 0 ? 125.0 : 205.0;
            double env = 0.5 + 0.5 * sin(TWO_PI * 4.0 * t);
            double v = 0.0;
            for (int k = 1; k <= 10; k++) {
                v += sin(TWO_PI * f0 * k * t) / k;
            }
            x = 0.08 * env * env * v;
        }
    }
    return (int16_t)lrint(fmax(-1.0, fmin(1.0, x)) * 32767.0);
}

/* ---- stats from the engine ---- */

typedef struct engine_stats {
    double counters[PROTO_MAX_COUNTERS];
    char names[PROTO_MAX_COUNTERS][64];
    uint32_t n;
    uint64_t cues, summaries;
} engine_stats;

static double stat_of(const engine_stats *s, const char *name)
{
    for (uint32_t i = 0; i < s->n; i++) {
        if (strcmp(s->names[i], name) == 0) {
            return s->counters[i];
        }
    }
    return 0.0;
}

/* Reads published messages without blocking; keeps the newest stats. */
static void poll_sub(void *sub, engine_stats *st, uint8_t *buf, unsigned char *arena_mem)
{
    for (;;) {
        char topic[256];
        int tn = zmq_recv(sub, topic, sizeof topic - 1, ZMQ_DONTWAIT);
        if (tn < 0) {
            return;
        }
        int n = zmq_recv(sub, buf, PROTO_MAX_MSG_BYTES, 0);
        if (n <= 0) {
            continue;
        }
        proto_arena arena;
        proto_arena_init(&arena, arena_mem, PROTO_DECODE_ARENA_BYTES);
        proto_msg m;
        if (proto_decode(buf, (size_t)n, &arena, &m, NULL) != RP_OK) {
            continue;
        }
        if (m.type == PROTO_T_CUE && m.u.cue.state == PROTO_OPEN) {
            st->cues++;
        } else if (m.type == PROTO_T_SUMMARY) {
            st->summaries++;
        } else if (m.type == PROTO_T_STATS) {
            st->n = m.u.stats.n_counters;
            for (uint32_t i = 0; i < st->n; i++) {
                snprintf(st->names[i], sizeof st->names[i], "%.*s",
                         (int)m.u.stats.counters[i].name.len, m.u.stats.counters[i].name.ptr);
                st->counters[i] = m.u.stats.counters[i].value;
            }
        }
    }
}

static int send_msg(void *push, const proto_msg *m, uint8_t *buf)
{
    size_t n = 0;
    if (proto_encode(m, buf, PROTO_MAX_MSG_BYTES, &n, NULL) != RP_OK) {
        return -1;
    }
    return zmq_send(push, buf, n, 0) < 0 ? -1 : 0;
}

static void call_id(char *out, size_t cap, uint32_t i)
{
    snprintf(out, cap, "load-%06u", i);
}

static int run(const options *o)
{
    engine_proc e;
    memset(&e, 0, sizeof e);
    if (start_engine(o, &e) != 0) {
        return 1;
    }
    void *ctx = zmq_ctx_new();
    void *push = zmq_socket(ctx, ZMQ_PUSH);
    void *sub = zmq_socket(ctx, ZMQ_SUB);
    int hwm = 0, linger = 2000;
    zmq_setsockopt(push, ZMQ_SNDHWM, &hwm, sizeof hwm);
    zmq_setsockopt(push, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(sub, ZMQ_RCVHWM, &hwm, sizeof hwm);
    zmq_setsockopt(sub, ZMQ_SUBSCRIBE, "", 0);
    zmq_connect(push, e.ingest);
    zmq_connect(sub, e.publish);
    rp_clock_sleep_ns(300000000); /* let the subscription reach the engine */

    uint32_t rate = o->rate, spf = rate / 1000 * FRAME_MS;
    uint32_t n_frames = PATTERN_S * 1000 / FRAME_MS;
    /* the pattern, pre-rendered as PCM16LE frames per party */
    uint8_t *pcm = rp_malloc((size_t)2 * n_frames * spf * 2);
    uint8_t *buf = rp_malloc(PROTO_MAX_MSG_BYTES);
    unsigned char *arena_mem = rp_malloc(PROTO_DECODE_ARENA_BYTES);
    uint32_t *phase = rp_malloc((size_t)o->calls * sizeof *phase);
    if (pcm == NULL || buf == NULL || arena_mem == NULL || phase == NULL) {
        fprintf(stderr, "rapport-bench: out of memory\n");
        return 1;
    }
    uint64_t rng = 0x9e3779b97f4a7c15ull;
    for (int p = 0; p < 2; p++) {
        for (uint32_t i = 0; i < n_frames * spf; i++) {
            int16_t v = pattern_sample(p, i, rate, &rng);
            size_t at = ((size_t)p * n_frames * spf + i) * 2;
            pcm[at] = (uint8_t)(v & 0xff);
            pcm[at + 1] = (uint8_t)((uint16_t)v >> 8);
        }
    }
    for (uint32_t c = 0; c < o->calls; c++) {
        phase[c] = (uint32_t)(((uint64_t)c * 7919u) % n_frames);
    }
    engine_stats st;
    memset(&st, 0, sizeof st);
    long rss0 = rss_kib(e.pid);
    double cpu0 = cpu_seconds(e.pid);
    int64_t t0_us = rp_clock_wall_ms() * 1000;
    char id[32];
    for (uint32_t c = 0; c < o->calls; c++) {
        proto_msg m;
        memset(&m, 0, sizeof m);
        m.type = PROTO_T_CALL_START;
        call_id(id, sizeof id, c);
        m.u.call_start.call = proto_cstr(id);
        m.u.call_start.agent = proto_cstr("agent");
        m.u.call_start.team = proto_cstr("bench");
        m.u.call_start.medium = PROTO_VOICE;
        m.u.call_start.consent.voice_emotion = true;
        m.u.call_start.consent.text_emotion = true;
        m.u.call_start.ts_us = t0_us;
        send_msg(push, &m, buf);
    }
    uint64_t ticks = (uint64_t)o->duration_s * 1000 / FRAME_MS;
    uint64_t start_ns = rp_clock_mono_ns();
    uint64_t sent = 0, late_ticks = 0;
    long rss_peak = rss0;
    bool tty = isatty(STDERR_FILENO);
    /* each tick's frames go out in SLICES groups spread over the 20 ms, as many
     * independent gateway streams would send them, not as one burst */
    const uint32_t slices = 10;
    for (uint64_t k = 0; k < ticks; k++) {
        for (uint32_t g = 0; g < slices; g++) {
            uint64_t due =
                start_ns + k * FRAME_MS * 1000000ull + (uint64_t)g * FRAME_MS * 1000000ull / slices;
            uint64_t now = rp_clock_mono_ns();
            if (now < due) {
                rp_clock_sleep_ns(due - now);
            } else if (g == 0 && now - due > FRAME_MS * 1000000ull) {
                late_ticks++;
            }
            for (uint32_t c = g; c < o->calls; c += slices) {
                call_id(id, sizeof id, c);
                uint32_t f = (uint32_t)((phase[c] + k) % n_frames);
                for (int p = 0; p < 2; p++) {
                    proto_msg m;
                    memset(&m, 0, sizeof m);
                    m.type = PROTO_T_AUDIO;
                    m.u.audio.call = proto_cstr(id);
                    m.u.audio.ch = (proto_party)p;
                    m.u.audio.seq = k;
                    m.u.audio.ts_us = t0_us + (int64_t)k * FRAME_MS * 1000;
                    m.u.audio.rate_hz = rate;
                    m.u.audio.enc = PROTO_PCM16LE;
                    m.u.audio.samples.ptr = pcm + ((size_t)p * n_frames + f) * spf * 2;
                    m.u.audio.samples.len = spf * 2;
                    sent += send_msg(push, &m, buf) == 0;
                }
            }
        }
        poll_sub(sub, &st, buf, arena_mem);
        if (k % 50 == 0) {
            long r = rss_kib(e.pid);
            rss_peak = r > rss_peak ? r : rss_peak;
            if (tty) {
                fprintf(stderr, "\r  %3llu s of %u: %llu frames sent, engine %ld MiB, %llu cues ",
                        (unsigned long long)(k * FRAME_MS / 1000), o->duration_s,
                        (unsigned long long)sent, r / 1024, (unsigned long long)st.cues);
            }
        }
    }
    if (tty) {
        fprintf(stderr, "\n");
    }
    double cpu1 = cpu_seconds(e.pid);
    /* latency while the calls run: the last stats before every call ends at once
     * (the end-of-call burst of summaries is not what a live call sees) */
    engine_stats run_st = st;
    for (uint32_t c = 0; c < o->calls; c++) {
        proto_msg m;
        memset(&m, 0, sizeof m);
        m.type = PROTO_T_CALL_END;
        call_id(id, sizeof id, c);
        m.u.call_end.call = proto_cstr(id);
        m.u.call_end.ts_us = t0_us + (int64_t)ticks * FRAME_MS * 1000;
        send_msg(push, &m, buf);
    }
    /* wait for the summaries and a stats message that counts every frame */
    uint64_t deadline = rp_clock_mono_ns() + 10000000000ull;
    while (rp_clock_mono_ns() < deadline &&
           (st.summaries < o->calls || stat_of(&st, "frames_processed") < (double)sent)) {
        poll_sub(sub, &st, buf, arena_mem);
        rp_clock_sleep_ns(20000000);
    }
    double frames_processed = stat_of(&st, "frames_processed");
    double dropped = stat_of(&st, "dropped.inbox_full") + stat_of(&st, "dropped.outbox_full");
    bool kept_up = late_ticks == 0 && dropped == 0 && frames_processed >= (double)sent;
    double call_minutes = (double)o->calls * o->duration_s / 60.0;
    double cpu_per_call_min = (cpu1 - cpu0) / call_minutes;
    double mem_per_call_kib = (double)(rss_peak - rss0) / o->calls;
    if (o->json) {
        printf("{\"calls\":%u,\"duration_s\":%u,\"rate_hz\":%u,\"frames_sent\":%llu,"
               "\"frames_processed\":%.0f,\"dropped\":%.0f,\"late_ticks\":%llu,\"kept_up\":%s,"
               "\"latency_p50_us\":%.0f,\"latency_p99_us\":%.0f,\"latency_p999_us\":%.0f,"
               "\"latency_samples\":%.0f,\"queue_p99_us\":%.0f,\"process_p99_us\":%.0f,"
               "\"cpu_s_per_call_minute\":%.4f,"
               "\"engine_cpu_cores\":%.3f,\"memory_per_call_kib\":%.1f,\"cues\":%llu,"
               "\"summaries\":%llu}\n",
               o->calls, o->duration_s, rate, (unsigned long long)sent, frames_processed, dropped,
               (unsigned long long)late_ticks, kept_up ? "true" : "false",
               stat_of(&run_st, "latency_p50_us"), stat_of(&run_st, "latency_p99_us"),
               stat_of(&run_st, "latency_p999_us"), stat_of(&run_st, "latency_samples"),
               stat_of(&run_st, "stage.queue_p99_us"), stat_of(&run_st, "stage.process_p99_us"),
               cpu_per_call_min, (cpu1 - cpu0) / o->duration_s, mem_per_call_kib,
               (unsigned long long)st.cues, (unsigned long long)st.summaries);
    } else {
        printf("calls %u x %u s at %u Hz, two channels, all features\n", o->calls, o->duration_s,
               rate);
        printf("  kept up:               %s (late sender ticks %llu, dropped %.0f)\n",
               kept_up ? "yes" : "NO", (unsigned long long)late_ticks, dropped);
        printf("  frames sent/processed: %llu / %.0f\n", (unsigned long long)sent,
               frames_processed);
        printf("  latency while running (frame arrival to output published): p50 %.0f us, "
               "p99 %.0f us, p999 %.0f us (%.0f samples)\n",
               stat_of(&run_st, "latency_p50_us"), stat_of(&run_st, "latency_p99_us"),
               stat_of(&run_st, "latency_p999_us"), stat_of(&run_st, "latency_samples"));
        printf("  stages: queue p50 %.0f us p99 %.0f us; processing p50 %.0f us p99 %.0f us\n",
               stat_of(&run_st, "stage.queue_p50_us"), stat_of(&run_st, "stage.queue_p99_us"),
               stat_of(&run_st, "stage.process_p50_us"), stat_of(&run_st, "stage.process_p99_us"));
        printf("  engine CPU:            %.4f s per call-minute (%.2f cores)\n", cpu_per_call_min,
               (cpu1 - cpu0) / o->duration_s);
        printf("  engine memory:         %.1f KiB per call (RSS %ld -> %ld KiB)\n",
               mem_per_call_kib, rss0, rss_peak);
        printf("  cues opened %llu, summaries %llu\n", (unsigned long long)st.cues,
               (unsigned long long)st.summaries);
    }
    kill(e.pid, SIGTERM);
    int status = 0;
    waitpid(e.pid, &status, 0);
    zmq_close(push);
    zmq_close(sub);
    zmq_ctx_term(ctx);
    rp_free(pcm);
    rp_free(buf);
    rp_free(arena_mem);
    rp_free(phase);
    return kept_up ? 0 : 3;
}

int bench_load_main(int argc, char **argv)
{
    options o = {.calls = 100, .duration_s = 30, .rate = 16000, .workers = 0, .engine = NULL};
    static char default_engine[4096];
    ssize_t n = readlink("/proc/self/exe", default_engine, sizeof default_engine - 32);
    if (n > 0) {
        default_engine[n] = '\0';
        char *slash = strrchr(default_engine, '/');
        if (slash != NULL) {
            strcpy(slash, "/../engine/rapportd");
        }
        o.engine = default_engine;
    }
    if (argc < 2 || strcmp(argv[1], "load") != 0) {
        if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
            usage(stdout);
            return 0;
        }
        usage(stderr);
        return 2;
    }
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--calls") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, MAX_CALLS, &o.calls)) {
            i++;
        } else if (strcmp(a, "--duration") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 86400, &o.duration_s)) {
            i++;
        } else if (strcmp(a, "--rate") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 8000, 16000, &o.rate) &&
                   (o.rate == 8000 || o.rate == 16000)) {
            i++;
        } else if (strcmp(a, "--workers") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 256, &o.workers)) {
            i++;
        } else if (strcmp(a, "--engine") == 0 && has) {
            o.engine = argv[++i];
        } else if (strcmp(a, "--format") == 0 && has &&
                   (strcmp(argv[i + 1], "json") == 0 || strcmp(argv[i + 1], "text") == 0)) {
            o.json = strcmp(argv[++i], "json") == 0;
        } else {
            fprintf(stderr, "rapport-bench: unknown, incomplete or out-of-range option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }
    if (o.engine == NULL || access(o.engine, X_OK) != 0) {
        fprintf(stderr, "rapport-bench: rapportd not found (use --engine PATH)\n");
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);
    return run(&o);
}
