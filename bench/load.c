/* bench/load.c - `rapport-bench load` and the load step it shares with
 * `capacity`: N concurrent two-party calls driven into a fresh rapportd over
 * ZeroMQ on loopback at real-time pace; reports whether the engine kept up, its
 * processing latency (frame arrival to cue published), drops, CPU per call-minute
 * and memory per call.
 *
 * It starts rapportd itself (ephemeral loopback ports) so it can read the engine's
 * CPU time and memory from /proc. Calls come from a call set (load.h): the looped
 * synthetic pattern, each call from its own phase, or role-play scenarios, each
 * slot joining its first scenario part-way through so call starts and ends are
 * spread over the run.
 */
#include "bench/load.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <zmq.h>

#include "bench/bench.h"
#include "bench/scenario.h"
#include "bench/synth.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "common/parse.h"
#include "common/status.h"
#include "proto/proto.h"

#ifndef RP_BENCH_CACHE
#define RP_BENCH_CACHE "bench-cache"
#endif

#define FRAME_MS      20
#define PATTERN_S     20
#define MAX_CALLS     100000
#define MAX_SCENARIOS 1024
#define STATS_MS      "250"         /* rapportd --stats-ms: backlog samples 4 per second */
#define SLICES        10            /* each tick's frames go out in this many groups */
#define DRAIN_NS      5000000000ull /* wait this long for the engine to finish after the calls */
#define PHASE_STRIDE  7919u         /* a prime: spreads the slots' phases over a clip */
#define TWO_PI        6.283185307179586

/* ---- call sets ---- */

/* One thing a call can play: two channels of PCM16LE frames and timed events. */
typedef struct clip {
    bench_scenario *sc; /* NULL for the synthetic pattern */
    uint32_t rate_hz, spf, n_frames;
    uint8_t *pcm[2]; /* n_frames * spf samples each, PCM16LE */
    bench_event *ev;
    size_t n_ev;
    bool loop; /* the pattern loops forever; scenarios end */
} clip;

struct bench_load_set {
    clip *clips;
    size_t n;
    char what[600];
};

static void clip_free(clip *c)
{
    rp_free(c->pcm[0]);
    rp_free(c->pcm[1]);
    rp_free(c->ev);
    bench_scenario_free(&c->sc);
}

void bench_load_set_free(bench_load_set **set_p)
{
    if (set_p == NULL || *set_p == NULL) {
        return;
    }
    bench_load_set *s = *set_p;
    for (size_t i = 0; i < s->n; i++) {
        clip_free(&s->clips[i]);
    }
    rp_free(s->clips);
    rp_free(s);
    *set_p = NULL;
}

const char *bench_load_set_describe(const bench_load_set *set)
{
    return set->what;
}

static void put16(uint8_t *at, int16_t v)
{
    at[0] = (uint8_t)((uint16_t)v & 0xff);
    at[1] = (uint8_t)((uint16_t)v >> 8);
}

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

static int clip_alloc(clip *c, uint32_t rate_hz, size_t n_samples)
{
    c->rate_hz = rate_hz;
    c->spf = rate_hz / 1000 * FRAME_MS;
    c->n_frames = (uint32_t)((n_samples + c->spf - 1) / c->spf);
    for (int p = 0; p < 2; p++) {
        c->pcm[p] = rp_calloc((size_t)c->n_frames * c->spf, 2);
        if (c->pcm[p] == NULL) {
            return RP_ENOMEM;
        }
    }
    return RP_OK;
}

int bench_load_set_pattern(uint32_t rate_hz, bench_load_set **out)
{
    *out = NULL;
    bench_load_set *s = rp_calloc(1, sizeof *s);
    if (s == NULL || (s->clips = rp_calloc(1, sizeof *s->clips)) == NULL) {
        rp_free(s);
        return RP_ENOMEM;
    }
    s->n = 1;
    clip *c = &s->clips[0];
    c->loop = true;
    if (clip_alloc(c, rate_hz, (size_t)PATTERN_S * rate_hz) != RP_OK) {
        bench_load_set_free(&s);
        return RP_ENOMEM;
    }
    uint64_t rng = 0x9e3779b97f4a7c15ull;
    for (int p = 0; p < 2; p++) {
        for (uint32_t i = 0; i < c->n_frames * c->spf; i++) {
            put16(c->pcm[p] + (size_t)i * 2, pattern_sample(p, i, rate_hz, &rng));
        }
    }
    snprintf(s->what, sizeof s->what, "synthetic two-party pattern at %u Hz", rate_hz);
    *out = s;
    return RP_OK;
}

/* Loads, synthesises and converts one scenario into c. RP_OK, or 1 for a chat
 * session (skipped), or an error with err filled. */
static int clip_scenario(clip *c, const char *path, const char *cache_dir, char *err)
{
    int rc = bench_scenario_load(path, &c->sc, err);
    if (rc != RP_OK) {
        return rc;
    }
    if (c->sc->medium != PROTO_VOICE) {
        return 1;
    }
    bench_audio au;
    memset(&au, 0, sizeof au);
    rc = bench_synth(c->sc, cache_dir, &au, err);
    if (rc == RP_OK) {
        rc = clip_alloc(c, au.rate_hz, au.n);
    }
    if (rc == RP_OK) {
        for (int p = 0; p < 2; p++) {
            for (size_t i = 0; i < au.n; i++) {
                double x = fmax(-1.0, fmin(1.0, (double)au.ch[p][i]));
                put16(c->pcm[p] + i * 2, (int16_t)lrint(x * 32767.0));
            }
        }
        c->ev = rp_calloc(BENCH_MAX_TIMELINE, sizeof *c->ev);
        if (c->ev == NULL) {
            rc = RP_ENOMEM;
        } else {
            c->n_ev = bench_scenario_timeline(c->sc, c->ev);
        }
    }
    if (rc == RP_ENOMEM) {
        snprintf(err, RP_ERR_LEN, "%.200s: out of memory", path);
    }
    bench_audio_free(&au);
    return rc;
}

static int is_yaml(const struct dirent *e)
{
    size_t len = strlen(e->d_name);
    return e->d_name[0] != '.' && len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0;
}

int bench_load_set_scenarios(const char *path, const char *cache_dir, bench_load_set **out,
                             char *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, RP_ERR_LEN, "%.200s: %s", path, strerror(errno));
        return RP_EIO;
    }
    struct dirent **names = NULL;
    int n_names = 1, n_listed = 0;
    bool dir = S_ISDIR(st.st_mode);
    if (dir) {
        n_listed = scandir(path, &names, is_yaml, alphasort);
        if (n_listed < 0) {
            snprintf(err, RP_ERR_LEN, "%.200s: %s", path, strerror(errno));
            return RP_EIO;
        }
        n_names = n_listed > MAX_SCENARIOS ? MAX_SCENARIOS : n_listed;
    }
    int rc = RP_OK;
    bench_load_set *s = rp_calloc(1, sizeof *s);
    if (s == NULL || (s->clips = rp_calloc((size_t)n_names + 1, sizeof *s->clips)) == NULL) {
        rc = RP_ENOMEM;
        snprintf(err, RP_ERR_LEN, "out of memory");
    }
    size_t skipped = 0;
    for (int i = 0; i < n_names && rc == RP_OK; i++) {
        char file[1024] = "";
        if (dir) {
            snprintf(file, sizeof file, "%s/%s", path, names[i]->d_name);
        }
        const char *p = dir ? file : path;
        clip *c = &s->clips[s->n];
        int r = clip_scenario(c, p, cache_dir, err);
        if (r == 1) {
            clip_free(c);
            memset(c, 0, sizeof *c);
            skipped++;
        } else if (r != RP_OK) {
            clip_free(c);
            rc = r;
        } else {
            s->n++;
        }
    }
    for (int i = 0; i < n_listed; i++) {
        free(names[i]);
    }
    free(names);
    if (rc == RP_OK && s->n == 0) {
        snprintf(err, RP_ERR_LEN, "%.200s: no voice scenario", path);
        rc = RP_EINVAL;
    }
    if (rc != RP_OK) {
        bench_load_set_free(&s);
        return rc;
    }
    snprintf(s->what, sizeof s->what, "%zu voice scenario%s from %s (%zu chat skipped)", s->n,
             s->n == 1 ? "" : "s", path, skipped);
    *out = s;
    return RP_OK;
}

/* ---- the engine process ---- */

typedef struct engine_proc {
    pid_t pid;
    char ingest[256], publish[256];
} engine_proc;

static void stop_engine(engine_proc *e)
{
    if (e->pid > 0) {
        kill(e->pid, SIGTERM);
        int status = 0;
        while (waitpid(e->pid, &status, 0) < 0 && errno == EINTR) {
        }
        e->pid = 0;
    }
}

static int start_engine(const bench_load_config *o, engine_proc *e)
{
    int fds[2];
    if (pipe(fds) != 0) {
        return RP_EIO;
    }
    char workers[16], max_calls[16], prio[16];
    snprintf(workers, sizeof workers, "%u", o->workers);
    snprintf(prio, sizeof prio, "%u", o->realtime);
    snprintf(max_calls, sizeof max_calls, "%u", o->calls + 16);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return RP_EIO;
    }
    if (pid == 0) {
        /* rapportd goes when rapport-bench does, however it ends */
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        dup2(fds[1], STDOUT_FILENO);
        close(fds[0]);
        close(fds[1]);
        char a0[] = "rapportd", a1[] = "--insecure-loopback", a2[] = "--ingest",
             a3[] = "tcp://127.0.0.1:*", a4[] = "--publish", a5[] = "tcp://127.0.0.1:*",
             a6[] = "--requests", a7[] = "tcp://127.0.0.1:*", a8[] = "--stats-ms", a9[] = STATS_MS,
             a10[] = "--max-calls", a12[] = "--log-level", a13[] = "error", a14[] = "--workers",
             a16[] = "--realtime";
        char *argv[20] = {a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, max_calls, a12, a13};
        int argc = 14;
        if (o->workers > 0) {
            argv[argc++] = a14;
            argv[argc++] = workers;
        }
        if (o->realtime > 0) {
            argv[argc++] = a16;
            argv[argc++] = prio;
        }
        argv[argc] = NULL;
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
        } else {
            close(fds[0]);
        }
        stop_engine(e);
        return RP_EIO;
    }
    fclose(f);
    return RP_OK;
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

/* CPU seconds of each thread of pid: tids[i] used cpu[i]; returns how many (<= cap). */
#define MAX_THREADS 256
typedef struct thread_cpu {
    int tid[MAX_THREADS];
    double cpu_s[MAX_THREADS];
    char comm[MAX_THREADS][16];
    size_t n;
} thread_cpu;

static void thread_cpus(pid_t pid, thread_cpu *t)
{
    t->n = 0;
    char path[64];
    snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
    DIR *d = opendir(path);
    if (d == NULL) {
        return;
    }
    struct dirent *e;
    while ((e = readdir(d)) != NULL && t->n < MAX_THREADS) {
        uint32_t tid = 0;
        if (!rp_parse_u32(e->d_name, 1, 0x7fffffff, &tid)) {
            continue;
        }
        char file[96], buf[1024];
        snprintf(file, sizeof file, "/proc/%d/task/%u/stat", (int)pid, tid);
        FILE *f = fopen(file, "r");
        if (f == NULL) {
            continue;
        }
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = '\0';
        const char *open = strchr(buf, '('), *close = strrchr(buf, ')');
        unsigned long utime = 0, stime = 0;
        if (open == NULL || close == NULL || close < open ||
            sscanf(close + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime,
                   &stime) != 2) {
            continue;
        }
        t->tid[t->n] = (int)tid;
        t->cpu_s[t->n] = (double)(utime + stime) / (double)sysconf(_SC_CLK_TCK);
        snprintf(t->comm[t->n], sizeof t->comm[0], "%.*s", (int)(close - open - 1), open + 1);
        t->n++;
    }
    closedir(d);
}

/* The thread of pid that used the most CPU between the snapshots a and b. */
static void busiest_thread(pid_t pid, const thread_cpu *a, const thread_cpu *b, double wall_s,
                           bench_step *out)
{
    double best = -1.0;
    for (size_t i = 0; i < b->n; i++) {
        double before = 0.0;
        for (size_t j = 0; j < a->n; j++) {
            if (a->tid[j] == b->tid[i]) {
                before = a->cpu_s[j];
            }
        }
        double used = b->cpu_s[i] - before;
        if (used > best) {
            best = used;
            const char *name = b->tid[i] == (int)pid                  ? "loop"
                               : strncmp(b->comm[i], "ZMQbg", 5) == 0 ? b->comm[i]
                                                                      : "worker";
            snprintf(out->busiest_thread, sizeof out->busiest_thread, "%s", name);
            out->busiest_thread_cores = wall_s > 0 ? used / wall_s : 0.0;
        }
    }
}

/* Busy CPU seconds of the whole machine so far (/proc/stat: all but idle and iowait). */
static double machine_busy_seconds(void)
{
    FILE *f = fopen("/proc/stat", "r");
    if (f == NULL) {
        return 0.0;
    }
    unsigned long long v[8] = {0};
    int n = fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2], &v[3],
                   &v[4], &v[5], &v[6], &v[7]);
    fclose(f);
    if (n < 5) {
        return 0.0;
    }
    unsigned long long busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    return (double)busy / (double)sysconf(_SC_CLK_TCK);
}

/* Microseconds some task has waited for a CPU (Linux PSI); -1 when unknown. */
static double cpu_wait_us(void)
{
    FILE *f = fopen("/proc/pressure/cpu", "r");
    if (f == NULL) {
        return -1.0;
    }
    unsigned long long total = 0;
    int n = fscanf(f, "some avg10=%*f avg60=%*f avg300=%*f total=%llu", &total);
    fclose(f);
    return n == 1 ? (double)total : -1.0;
}

/* This process's CPU seconds (every thread, so ZeroMQ's I/O thread too). */
static double own_cpu_seconds(void)
{
    struct timespec ts;
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) != 0) {
        return 0.0;
    }
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* ---- interruption ---- */

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

bool bench_load_interrupted(void)
{
    return interrupted != 0;
}

/* ---- what the engine publishes ---- */

typedef struct engine_stats {
    double counters[PROTO_MAX_COUNTERS];
    char names[PROTO_MAX_COUNTERS][64];
    uint32_t n;
    uint64_t n_stats, cues, escalations, summaries;
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

static bool ends_with(const char *s, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    return n >= t && memcmp(s + n - t, tail, t) == 0;
}

/* Reads published messages without blocking; keeps the newest stats. Features,
 * prompts and the rest are received (as a console wall would) but not decoded:
 * decoding every message would make the generator the bottleneck. Returns true
 * when a stats message arrived. */
static bool poll_sub(void *sub, engine_stats *st, uint8_t *buf, unsigned char *arena_mem)
{
    bool got_stats = false;
    for (;;) {
        char topic[256];
        int tn = zmq_recv(sub, topic, sizeof topic - 1, ZMQ_DONTWAIT);
        if (tn < 0) {
            return got_stats;
        }
        size_t tl = (size_t)tn < sizeof topic - 1 ? (size_t)tn : sizeof topic - 1;
        int n = zmq_recv(sub, buf, PROTO_MAX_MSG_BYTES, 0);
        if (n <= 0 || !(ends_with(topic, tl, "/cue") || ends_with(topic, tl, "/escalation") ||
                        ends_with(topic, tl, "/summary") || ends_with(topic, tl, "/stats"))) {
            continue;
        }
        proto_arena arena;
        proto_arena_init(&arena, arena_mem, PROTO_DECODE_ARENA_BYTES);
        proto_msg m;
        size_t len = (size_t)n < PROTO_MAX_MSG_BYTES ? (size_t)n : PROTO_MAX_MSG_BYTES;
        if (proto_decode(buf, len, &arena, &m, NULL) != RP_OK) {
            continue;
        }
        if (m.type == PROTO_T_CUE && m.u.cue.state == PROTO_OPEN) {
            st->cues++;
        } else if (m.type == PROTO_T_ESCALATION) {
            st->escalations++;
        } else if (m.type == PROTO_T_SUMMARY) {
            st->summaries++;
        } else if (m.type == PROTO_T_STATS) {
            st->n = m.u.stats.n_counters;
            st->n_stats++;
            got_stats = true;
            for (uint32_t i = 0; i < st->n; i++) {
                snprintf(st->names[i], sizeof st->names[i], "%.*s",
                         (int)m.u.stats.counters[i].name.len, m.u.stats.counters[i].name.ptr);
                st->counters[i] = m.u.stats.counters[i].value;
            }
        }
    }
}

/* ---- sending ---- */

typedef struct sender {
    void *push;
    uint8_t *buf;
    uint64_t errors;
} sender;

static bool send_msg(sender *s, const proto_msg *m)
{
    size_t n = 0;
    if (proto_encode(m, s->buf, PROTO_MAX_MSG_BYTES, &n, NULL) != RP_OK ||
        zmq_send(s->push, s->buf, n, 0) < 0) {
        s->errors++;
        return false;
    }
    return true;
}

/* One concurrent call position: plays a clip as a call, then (scenarios) the next. */
typedef struct slot {
    uint32_t i_clip;
    uint32_t serial; /* calls this slot has started */
    uint32_t f;      /* next frame of the clip */
    uint64_t seq;    /* frames sent per channel in this call */
    size_t next_ev;
    int64_t t0_us;   /* capture time of the clip's frame 0 in this call (events) */
    int64_t call_us; /* capture time of the call's first frame */
    char id[40];
} slot;

static void send_event(sender *s, const slot *sl, const bench_event *e)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    proto_str call = proto_cstr(sl->id);
    int64_t ts = sl->t0_us + (int64_t)llround(e->t_s * 1e6);
    if (e->kind == BENCH_EV_TEXT) {
        m.type = PROTO_T_TEXT;
        m.u.text.call = call;
        m.u.text.speaker = e->speaker;
        m.u.text.text = proto_cstr(e->text);
        m.u.text.ts_us = ts;
        m.u.text.final = true;
        m.u.text.present = PROTO_TEXT_SOURCE;
        m.u.text.source = e->source;
    } else if (e->kind == BENCH_EV_HOLD) {
        m.type = PROTO_T_HOLD;
        m.u.hold.call = call;
        m.u.hold.ts_us = ts;
        m.u.hold.on = e->on;
    } else if (e->kind == BENCH_EV_CONSENT) {
        m.type = PROTO_T_CONSENT;
        m.u.consent.call = call;
        m.u.consent.ts_us = ts;
        m.u.consent.consent.voice_emotion = e->voice_emotion;
        m.u.consent.consent.text_emotion = e->text_emotion;
    } else {
        m.type = PROTO_T_SIGNAL;
        m.u.signal.call = call;
        m.u.signal.kind = e->signal_kind;
        m.u.signal.ts_us = ts;
    }
    (void)send_msg(s, &m);
}

/* Starts slot's call on clip c at frame phase, at capture time now_us. Events
 * before the phase: holds and consent changes are sent at once (they are state),
 * transcripts and signals are skipped. */
static void start_call(sender *s, slot *sl, uint32_t i_slot, const clip *c, uint32_t phase,
                       int64_t now_us)
{
    if (c->loop) {
        snprintf(sl->id, sizeof sl->id, "load-%06u", i_slot);
    } else {
        snprintf(sl->id, sizeof sl->id, "load-%06u-%u", i_slot, sl->serial);
    }
    sl->serial++;
    sl->f = phase;
    sl->seq = 0;
    sl->call_us = now_us;
    sl->t0_us = now_us - (int64_t)phase * FRAME_MS * 1000;
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CALL_START;
    proto_call_start *cs = &m.u.call_start;
    cs->call = proto_cstr(sl->id);
    cs->agent = proto_cstr("agent");
    cs->team = proto_cstr("bench");
    cs->medium = PROTO_VOICE;
    cs->consent.voice_emotion = true;
    cs->consent.text_emotion = true;
    cs->ts_us = now_us;
    const bench_scenario *sc = c->sc;
    if (sc != NULL) {
        cs->present = PROTO_CALL_START_HANDLER;
        cs->handler = sc->handler;
        cs->consent.voice_emotion = sc->voice_emotion;
        cs->consent.text_emotion = sc->text_emotion;
        if (sc->queue[0] != '\0') {
            cs->present |= PROTO_CALL_START_QUEUE;
            cs->queue = proto_cstr(sc->queue);
        }
        if (sc->topic[0] != '\0') {
            cs->present |= PROTO_CALL_START_TOPIC;
            cs->topic = proto_cstr(sc->topic);
        }
        if (sc->customer[0] != '\0') {
            cs->present |= PROTO_CALL_START_CUSTOMER;
            cs->customer = proto_cstr(sc->customer);
        }
        if (sc->has_prior_contacts) {
            cs->present |= PROTO_CALL_START_CRM;
            cs->crm.present = PROTO_CRM_PRIOR_CONTACTS;
            cs->crm.prior_contacts_30d = sc->prior_contacts_30d;
        }
    }
    (void)send_msg(s, &m);
    double phase_s = (double)phase * FRAME_MS / 1000.0;
    sl->next_ev = 0;
    while (sl->next_ev < c->n_ev && c->ev[sl->next_ev].t_s < phase_s) {
        const bench_event *e = &c->ev[sl->next_ev++];
        if (e->kind == BENCH_EV_HOLD || e->kind == BENCH_EV_CONSENT) {
            send_event(s, sl, e);
        }
    }
}

static void end_call(sender *s, const slot *sl, int64_t now_us)
{
    proto_msg m;
    memset(&m, 0, sizeof m);
    m.type = PROTO_T_CALL_END;
    m.u.call_end.call = proto_cstr(sl->id);
    m.u.call_end.ts_us = now_us;
    (void)send_msg(s, &m);
}

/* Sends slot's next frame on both channels (with the events due before it);
 * a finished scenario hangs up and the slot starts the next one. Returns frames sent. */
static uint32_t play_frame(sender *s, slot *sl, uint32_t i_slot, const bench_load_set *set,
                           int64_t now_us)
{
    const clip *c = &set->clips[sl->i_clip];
    if (sl->f >= c->n_frames) {
        if (c->loop) {
            sl->f = 0;
        } else {
            end_call(s, sl, now_us);
            sl->i_clip = (uint32_t)((sl->i_clip + 1) % set->n);
            c = &set->clips[sl->i_clip];
            start_call(s, sl, i_slot, c, 0, now_us);
        }
    }
    double t_s = (double)sl->f * FRAME_MS / 1000.0;
    while (sl->next_ev < c->n_ev && c->ev[sl->next_ev].t_s <= t_s) {
        send_event(s, sl, &c->ev[sl->next_ev++]);
    }
    uint32_t sent = 0;
    for (int p = 0; p < 2; p++) {
        proto_msg m;
        memset(&m, 0, sizeof m);
        m.type = PROTO_T_AUDIO;
        m.u.audio.call = proto_cstr(sl->id);
        m.u.audio.ch = (proto_party)p;
        m.u.audio.seq = sl->seq;
        m.u.audio.ts_us = sl->call_us + (int64_t)sl->seq * FRAME_MS * 1000;
        m.u.audio.rate_hz = c->rate_hz;
        m.u.audio.enc = PROTO_PCM16LE;
        m.u.audio.samples.ptr = c->pcm[p] + (size_t)sl->f * c->spf * 2;
        m.u.audio.samples.len = c->spf * 2;
        sent += send_msg(s, &m);
    }
    sl->f++;
    sl->seq++;
    return sent;
}

/* ---- one step ---- */

typedef struct step_io {
    void *ctx, *push, *sub;
    uint8_t *buf;
    unsigned char *arena_mem;
    slot *slots;
} step_io;

static void step_io_close(step_io *io)
{
    if (io->push != NULL) {
        zmq_close(io->push);
    }
    if (io->sub != NULL) {
        zmq_close(io->sub);
    }
    if (io->ctx != NULL) {
        zmq_ctx_term(io->ctx);
    }
    rp_free(io->buf);
    rp_free(io->arena_mem);
    rp_free(io->slots);
}

static void progress(const bench_load_config *o, double elapsed_s, uint64_t sent,
                     const engine_stats *st)
{
    fprintf(stderr, "\r%s%5.1f s of %u s  calls %u  frames sent %llu  p99 %.1f ms  cues %llu\033[K",
            o->progress, elapsed_s, o->duration_s, o->calls, (unsigned long long)sent,
            stat_of(st, "latency_p99_us") / 1000.0, (unsigned long long)st->cues);
}

int bench_load_step(const bench_load_config *o, bench_step *out)
{
    memset(out, 0, sizeof *out);
    out->calls = o->calls;
    out->duration_s = o->duration_s;
    out->workers = o->workers;
    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    signal(SIGPIPE, SIG_IGN);

    engine_proc e;
    memset(&e, 0, sizeof e);
    step_io io;
    memset(&io, 0, sizeof io);
    int rc = start_engine(o, &e);
    if (rc != RP_OK) {
        goto done;
    }
    io.ctx = zmq_ctx_new();
    io.push = io.ctx != NULL ? zmq_socket(io.ctx, ZMQ_PUSH) : NULL;
    io.sub = io.ctx != NULL ? zmq_socket(io.ctx, ZMQ_SUB) : NULL;
    io.buf = rp_malloc(PROTO_MAX_MSG_BYTES);
    io.arena_mem = rp_malloc(PROTO_DECODE_ARENA_BYTES);
    io.slots = rp_calloc(o->calls, sizeof *io.slots);
    if (io.push == NULL || io.sub == NULL || io.buf == NULL || io.arena_mem == NULL ||
        io.slots == NULL) {
        fprintf(stderr, "rapport-bench: out of memory or sockets\n");
        rc = RP_ENOMEM;
        goto done;
    }
    /* unbounded queues: the generator never waits for the engine, so a slow
     * engine shows as backlog and latency, not as a slower sender */
    int hwm = 0, linger = 2000;
    zmq_setsockopt(io.push, ZMQ_SNDHWM, &hwm, sizeof hwm);
    zmq_setsockopt(io.push, ZMQ_LINGER, &linger, sizeof linger);
    zmq_setsockopt(io.sub, ZMQ_RCVHWM, &hwm, sizeof hwm);
    zmq_setsockopt(io.sub, ZMQ_SUBSCRIBE, "", 0);
    if (zmq_connect(io.push, e.ingest) != 0 || zmq_connect(io.sub, e.publish) != 0) {
        fprintf(stderr, "rapport-bench: cannot connect to rapportd: %s\n",
                zmq_strerror(zmq_errno()));
        rc = RP_EIO;
        goto done;
    }
    rp_clock_sleep_ns(300000000); /* let the subscription reach the engine */

    sender snd = {io.push, io.buf, 0};
    const bench_load_set *set = o->set;
    engine_stats st;
    memset(&st, 0, sizeof st);
    out->engine_rss0_kib = rss_kib(e.pid);
    long rss_peak = out->engine_rss0_kib;
    double cpu0 = cpu_seconds(e.pid), gen0 = own_cpu_seconds();
    double machine0 = machine_busy_seconds(), wait0 = cpu_wait_us();
    static thread_cpu threads0, threads1;
    thread_cpus(e.pid, &threads0);
    int64_t t0_us = rp_clock_wall_ms() * 1000;
    for (uint32_t c = 0; c < o->calls; c++) {
        slot *sl = &io.slots[c];
        sl->i_clip = (uint32_t)(c % set->n);
        const clip *cl = &set->clips[sl->i_clip];
        uint32_t phase = (uint32_t)(((uint64_t)c * PHASE_STRIDE) % cl->n_frames);
        start_call(&snd, sl, c, cl, phase, t0_us);
    }
    uint64_t ticks = (uint64_t)o->duration_s * 1000 / FRAME_MS;
    uint64_t start_ns = rp_clock_mono_ns(), slept_ns = 0, sent = 0, late = 0, k = 0;
    double frames_per_ms = 2.0 * o->calls / FRAME_MS;
    for (k = 0; k < ticks && !interrupted; k++) {
        int64_t now_us = t0_us + (int64_t)k * FRAME_MS * 1000;
        for (uint32_t g = 0; g < SLICES; g++) {
            uint64_t due =
                start_ns + k * FRAME_MS * 1000000ull + (uint64_t)g * FRAME_MS * 1000000ull / SLICES;
            uint64_t now = rp_clock_mono_ns();
            if (now < due) {
                rp_clock_sleep_ns(due - now);
                slept_ns += due - now;
            } else if (g == 0 && now - due > FRAME_MS * 1000000ull) {
                late++;
            }
            for (uint32_t c = g; c < o->calls; c += SLICES) {
                sent += play_frame(&snd, &io.slots[c], c, set, now_us);
            }
            if (poll_sub(io.sub, &st, io.buf, io.arena_mem) && st.n_stats > 1) {
                /* backlog: frames sent but not yet processed, in ms of audio */
                double lag = ((double)sent - stat_of(&st, "frames_processed")) / frames_per_ms;
                out->max_lag_ms = lag > out->max_lag_ms ? lag : out->max_lag_ms;
            }
        }
        if (k % 25 == 0) {
            long r = rss_kib(e.pid);
            rss_peak = r > rss_peak ? r : rss_peak;
            if (o->progress != NULL) {
                progress(o, (double)k * FRAME_MS / 1000.0, sent, &st);
            }
        }
    }
    double wall_s = (double)(rp_clock_mono_ns() - start_ns) * 1e-9;
    if (o->progress != NULL) {
        fprintf(stderr, "\r\033[K");
    }
    out->ticks = k;
    out->late_ticks = late;
    out->engine_cpu_s = cpu_seconds(e.pid) - cpu0;
    double wait1 = cpu_wait_us();
    out->others_cpu_s = fmax(0.0, machine_busy_seconds() - machine0 - out->engine_cpu_s -
                                      (own_cpu_seconds() - gen0));
    out->cpu_pressure =
        wait0 >= 0 && wait1 >= 0 && wall_s > 0 ? (wait1 - wait0) * 1e-6 / wall_s : -1.0;
    thread_cpus(e.pid, &threads1);
    busiest_thread(e.pid, &threads0, &threads1, wall_s, out);
    out->generator_cpu_s = own_cpu_seconds() - gen0;
    out->generator_busy = wall_s > 0 ? 1.0 - (double)slept_ns * 1e-9 / wall_s : 0.0;
    out->engine_rss_kib = rss_peak;
    out->frames_sent = sent;
    /* latency while the calls run: the last stats before every call ends at once
     * (the end-of-call burst of summaries is not what a live call sees) */
    engine_stats run_st = st;
    int64_t end_us = t0_us + (int64_t)k * FRAME_MS * 1000;
    for (uint32_t c = 0; c < o->calls; c++) {
        end_call(&snd, &io.slots[c], end_us);
        out->calls_started += io.slots[c].serial;
    }
    /* wait for the summaries and a stats message that counts every frame */
    uint64_t deadline = rp_clock_mono_ns() + DRAIN_NS;
    while (rp_clock_mono_ns() < deadline && !interrupted &&
           (st.summaries < out->calls_started || stat_of(&st, "frames_processed") < (double)sent)) {
        poll_sub(io.sub, &st, io.buf, io.arena_mem);
        rp_clock_sleep_ns(10000000);
    }
    out->frames_processed = stat_of(&st, "frames_processed");
    out->dropped = stat_of(&st, "dropped.inbox_full") + stat_of(&st, "dropped.outbox_full");
    out->refused = stat_of(&st, "calls_refused");
    /* Steady state: the engine's last 10 s, which leave out the moment all N calls
     * start at once when the step is longer than that; since-start is shown too. */
    out->latency_p50_us = stat_of(&run_st, "latency_10s_p50_us");
    out->latency_p99_us = stat_of(&run_st, "latency_10s_p99_us");
    out->latency_p999_us = stat_of(&run_st, "latency_10s_p999_us");
    out->latency_all_p99_us = stat_of(&run_st, "latency_p99_us");
    out->processing_p99_us = stat_of(&run_st, "stage.process_p99_us");
    out->queue_p99_us = stat_of(&run_st, "stage.queue_p99_us");
    out->workers = (uint32_t)stat_of(&st, "workers");
    out->fifo_priority = (uint32_t)stat_of(&st, "sched_fifo_priority");
    out->cues = st.cues;
    out->escalations = st.escalations;
    out->summaries = st.summaries;
    out->complete = !interrupted && st.n_stats > 0;
    if (snd.errors > 0) {
        fprintf(stderr, "rapport-bench: %llu messages could not be sent\n",
                (unsigned long long)snd.errors);
        out->complete = false;
    }
    if (interrupted) {
        rc = RP_ESTATE;
    } else if (st.n_stats == 0) {
        fprintf(stderr, "rapport-bench: no stats from rapportd\n");
        rc = RP_EIO;
    }
done:
    step_io_close(&io);
    stop_engine(&e);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    return rc;
}

/* ---- rapport-bench load ---- */

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport-bench load [--calls N] [--duration S] [--rate 8000|16000]\n"
            "                          [--scenario FILE|DIR] [--cache DIR | --no-cache]\n"
            "                          [--workers W] [--realtime PRIO] [--engine PATH]\n"
            "                          [--format text|json]\n\n"
            "Starts rapportd on loopback, drives N concurrent two-party calls into it at\n"
            "real-time pace for S seconds (20 ms frames, PCM16), and reports: whether it kept\n"
            "up, processing latency p50/p99/p999 (frame arrival to cue published, from the\n"
            "engine's own histogram over the last 10 s of the sending), frames dropped, engine\n"
            "CPU seconds per call-minute and engine memory per call. Exit 0 when it kept up,\n"
            "3 when not, 1 error, 2 usage.\n\n"
            "  --scenario FILE|DIR  drive role-play scenarios (docs/bench.md; voice only):\n"
            "                       synthesised speech with transcripts, holds, consent and\n"
            "                       signals, so cues and escalations fire; each call plays one\n"
            "                       scenario, then hangs up and the next one starts. Default:\n"
            "                       a looped synthetic two-party pattern (cheaper to send)\n"
            "  --cache DIR          synthesised audio cache; default %s\n"
            "  --rate               of the synthetic pattern (scenarios have their own)\n"
            "  --realtime PRIO      start rapportd with --realtime PRIO: SCHED_FIFO for its\n"
            "                       threads, so the generator and other jobs on the machine\n"
            "                       cannot delay a frame (docs/operations.md); the report says\n"
            "                       which scheduling the engine got\n"
            "Defaults: 100 calls, 30 s, 16 kHz, workers = cores. A progress line is shown\n"
            "while it runs when stderr is a terminal.\n",
            RP_BENCH_CACHE);
}

/* rapportd beside this program (build/bench/../engine/rapportd); "" when unknown. */
const char *bench_default_engine(void)
{
    static char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 32);
    if (n <= 0) {
        return "";
    }
    path[n] = '\0';
    char *slash = strrchr(path, '/');
    if (slash != NULL) {
        snprintf(slash, 32, "/../engine/rapportd");
    }
    return path;
}

/* s as the body of a JSON string (quotes, backslashes and controls left out). */
void bench_json_text(FILE *f, const char *s)
{
    for (; *s; s++) {
        if (*s != '"' && *s != '\\' && (unsigned char)*s >= 0x20) {
            fputc(*s, f);
        }
    }
}

static void print_json(const bench_step *s, const char *source, bench_verdict v, const char *why)
{
    fputs("{\"source\":\"", stdout);
    bench_json_text(stdout, source);
    printf("\",\"calls\":%u,\"duration_s\":%u,\"workers\":%u,\"frames_sent\":%llu,"
           "\"frames_processed\":%.0f,\"dropped\":%.0f,\"refused\":%.0f,\"late_ticks\":%llu,"
           "\"sched_fifo_priority\":%u,\"kept_up\":%s,\"verdict\":\"%s\",\"why\":\"%s\","
           "\"latency_p50_us\":%.0f,\"latency_p99_us\":%.0f,\"latency_p999_us\":%.0f,"
           "\"latency_since_start_p99_us\":%.0f,\"process_p99_us\":%.0f,\"queue_p99_us\":%.0f,"
           "\"max_lag_ms\":%.1f,"
           "\"cpu_s_per_call_minute\":%.4f,"
           "\"engine_cpu_cores\":%.3f,\"memory_per_call_kib\":%.1f,\"generator_cpu_s\":%.3f,"
           "\"generator_busy\":%.3f,\"busiest_thread\":\"%s\",\"busiest_thread_cores\":%.3f,"
           "\"others_cpu_s\":%.3f,\"cpu_pressure\":%.3f,\"cues\":%llu,\"escalations\":%llu,\"calls_"
           "started\":%llu,"
           "\"summaries\":%llu}\n",
           s->calls, s->duration_s, s->workers, (unsigned long long)s->frames_sent,
           s->frames_processed, s->dropped, s->refused, (unsigned long long)s->late_ticks,
           s->fifo_priority, v == BENCH_KEPT_UP ? "true" : "false", bench_verdict_name(v), why,
           s->latency_p50_us, s->latency_p99_us, s->latency_p999_us, s->latency_all_p99_us,
           s->processing_p99_us, s->queue_p99_us, s->max_lag_ms, bench_step_cpu_per_call_min(s),
           bench_step_engine_cores(s), bench_step_kib_per_call(s), s->generator_cpu_s,
           s->generator_busy, s->busiest_thread, s->busiest_thread_cores, s->others_cpu_s,
           s->cpu_pressure, (unsigned long long)s->cues, (unsigned long long)s->escalations,
           (unsigned long long)s->calls_started, (unsigned long long)s->summaries);
}

static void print_text(const bench_step *s, const char *source, bench_verdict v, const char *why)
{
    printf("calls %u x %u s: %s\n", s->calls, s->duration_s, source);
    if (s->fifo_priority > 0) {
        printf("  engine scheduling:     SCHED_FIFO priority %u (--realtime)\n", s->fifo_priority);
    } else {
        printf("  engine scheduling:     normal\n");
    }
    printf("  kept up:               %s%s%s (late sender ticks %llu, dropped %.0f)\n",
           v == BENCH_KEPT_UP ? "yes" : "NO", why[0] ? ": " : "", why,
           (unsigned long long)s->late_ticks, s->dropped);
    printf("  frames sent/processed: %llu / %.0f (largest backlog %.0f ms of audio)\n",
           (unsigned long long)s->frames_sent, s->frames_processed, s->max_lag_ms);
    printf("  latency, last 10 s of sending (frame arrival to output published): p50 %.0f us, "
           "p99 %.0f us, p999 %.0f us (p99 since the engine started: %.0f us)\n",
           s->latency_p50_us, s->latency_p99_us, s->latency_p999_us, s->latency_all_p99_us);
    printf("  processing p99:        %.0f us per message (waiting for a shard p99 %.0f us)\n",
           s->processing_p99_us, s->queue_p99_us);
    printf("  engine CPU:            %.4f s per call-minute (%.2f cores; busiest thread: %s, "
           "%.2f cores)\n",
           bench_step_cpu_per_call_min(s), bench_step_engine_cores(s), s->busiest_thread,
           s->busiest_thread_cores);
    printf("  engine memory:         %.1f KiB per call (RSS %ld -> %ld KiB)\n",
           bench_step_kib_per_call(s), s->engine_rss0_kib, s->engine_rss_kib);
    printf("  generator:             %.2f CPU s, busy %.0f%% of the time\n", s->generator_cpu_s,
           s->generator_busy * 100.0);
    printf("  rest of the machine:   %.2f CPU s (%.2f cores); tasks waited for a CPU %.0f%% of "
           "the time\n",
           s->others_cpu_s, s->others_cpu_s / s->duration_s, s->cpu_pressure * 100.0);
    printf("  calls started %llu, cues opened %llu, escalations %llu, summaries %llu\n",
           (unsigned long long)s->calls_started, (unsigned long long)s->cues,
           (unsigned long long)s->escalations, (unsigned long long)s->summaries);
}

int bench_load_main(int argc, char **argv)
{
    bench_load_config o = {.calls = 100, .duration_s = 30, .engine = bench_default_engine()};
    uint32_t rate = 16000;
    const char *scenario = NULL, *cache = RP_BENCH_CACHE;
    bool json = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(a, "--calls") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, MAX_CALLS, &o.calls)) {
            i++;
        } else if (strcmp(a, "--duration") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 86400, &o.duration_s)) {
            i++;
        } else if (strcmp(a, "--rate") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 8000, 16000, &rate) &&
                   (rate == 8000 || rate == 16000)) {
            i++;
        } else if (strcmp(a, "--workers") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 256, &o.workers)) {
            i++;
        } else if (strcmp(a, "--realtime") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 99, &o.realtime)) {
            i++;
        } else if (strcmp(a, "--engine") == 0 && has) {
            o.engine = argv[++i];
        } else if (strcmp(a, "--scenario") == 0 && has) {
            scenario = argv[++i];
        } else if (strcmp(a, "--cache") == 0 && has) {
            cache = argv[++i];
        } else if (strcmp(a, "--no-cache") == 0) {
            cache = NULL;
        } else if (strcmp(a, "--format") == 0 && has &&
                   (strcmp(argv[i + 1], "json") == 0 || strcmp(argv[i + 1], "text") == 0)) {
            json = strcmp(argv[++i], "json") == 0;
        } else {
            fprintf(stderr, "rapport-bench load: unknown, incomplete or out-of-range option '%s'\n",
                    a);
            usage(stderr);
            return 2;
        }
    }
    if (access(o.engine, X_OK) != 0) {
        fprintf(stderr, "rapport-bench load: rapportd not found (use --engine PATH)\n");
        return 1;
    }
    bench_load_set *set = NULL;
    char err[RP_ERR_LEN];
    int rc = scenario != NULL ? bench_load_set_scenarios(scenario, cache, &set, err)
                              : bench_load_set_pattern(rate, &set);
    bench_synth_shutdown();
    if (rc != RP_OK) {
        fprintf(stderr, "rapport-bench load: %s\n", scenario != NULL ? err : "out of memory");
        return 1;
    }
    o.set = set;
    o.progress = isatty(STDERR_FILENO) ? "  " : NULL;
    bench_step s;
    rc = bench_load_step(&o, &s);
    int exit_code = 1;
    if (rc == RP_OK) {
        bench_limits lim = bench_limits_default();
        char why[160];
        bench_verdict v = bench_step_judge(&s, &lim, why, sizeof why);
        if (json) {
            print_json(&s, bench_load_set_describe(set), v, why);
        } else {
            print_text(&s, bench_load_set_describe(set), v, why);
        }
        exit_code = v == BENCH_KEPT_UP ? 0 : 3;
    }
    bench_load_set_free(&set);
    return exit_code;
}
