/* cli/cmd_capture.c - `rapport capture`: a live call from a sound card (PortAudio),
 * through the call pipeline here or, with --to, into a running rapportd.
 *
 * The PortAudio callback only copies samples into a lock-free SPSC ring (no
 * allocation, locks, I/O or logging there); the main thread cuts 20 ms frames and
 * feeds them on, like `rapport replay` does with files.
 */
#include <fcntl.h>
#include <portaudio.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/session.h"
#include "common/alloc.h"
#include "common/clock.h"
#include "common/parse.h"
#include "common/ring.h"

#define RING_SAMPLES (1u << 18) /* about 8 s of 16 kHz stereo */

static atomic_bool stop_requested;

static void on_sigint(int sig)
{
    (void)sig;
    atomic_store(&stop_requested, true);
}

static void usage(FILE *out)
{
    fprintf(out,
            "usage: rapport capture [--list] [--device N] [--channels 1|2] [--rate 8000|16000]\n"
            "                       [--seconds S] [replay's session options]\n\n"
            "Runs a live call from an audio input device through the engine's call pipeline\n"
            "and prints the cues, prompts and escalations as they happen (or, with --to EP,\n"
            "sends it to a running rapportd as a media gateway would).\n"
            "With two channels, channel 0 is the agent and channel 1 the customer; with one,\n"
            "the device is the agent's (a trainee at a microphone) and the customer is silent.\n\n"
            "  --list           list input devices and exit\n"
            "  --device N       device number from --list (default: the system default)\n"
            "  --channels C     1 or 2 (default: 2 when the device has two inputs)\n"
            "  --rate R         8000 or 16000 (default 16000)\n"
            "  --seconds S      stop after S seconds (default: at Ctrl-C)\n"
            "  --playbook FILE, --queue NAME, --to EP, --key FILE, --server-key FILE,\n"
            "  --call ID, --agent ID, --team ID, --customer ID, --consent, --bot, --features,\n"
            "  --format text|json   as for rapport replay\n\n"
            "exit codes: 0 ok, 1 no usable device or audio error, 2 usage error\n");
}

/* PortAudio (through ALSA) prints pages of probing noise on machines without
 * sound cards; keep stderr quiet while it initialises. */
static PaError quiet_initialize(void)
{
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (saved >= 0 && null >= 0) {
        dup2(null, STDERR_FILENO);
    }
    PaError e = Pa_Initialize();
    if (saved >= 0) {
        dup2(saved, STDERR_FILENO);
        close(saved);
    }
    if (null >= 0) {
        close(null);
    }
    return e;
}

static int list_devices(void)
{
    int n = Pa_GetDeviceCount();
    int shown = 0;
    for (int i = 0; i < n; i++) {
        const PaDeviceInfo *d = Pa_GetDeviceInfo(i);
        if (d != NULL && d->maxInputChannels > 0) {
            printf("%3d  %-40s %d input channel(s), default %.0f Hz%s\n", i, d->name,
                   d->maxInputChannels, d->defaultSampleRate,
                   i == Pa_GetDefaultInputDevice() ? "  (default)" : "");
            shown++;
        }
    }
    if (shown == 0) {
        printf("no audio input devices\n");
    }
    return CLI_EXIT_OK;
}

typedef struct capture_ctx {
    rp_spsc_ring ring;
    int channels;
} capture_ctx;

/* The real-time callback: copy into the ring (all or nothing); what does not fit
 * is dropped and counted in the ring's overruns. */
static int on_audio_ctx(const void *input, void *output, unsigned long frames,
                        const PaStreamCallbackTimeInfo *time, PaStreamCallbackFlags flags,
                        void *arg)
{
    (void)output;
    (void)time;
    (void)flags;
    capture_ctx *ctx = arg;
    if (input != NULL &&
        rp_spsc_ring_push(&ctx->ring, input, frames * (unsigned long)ctx->channels) != RP_OK) {
        /* dropped and counted in the ring's overruns; reported at the end */
    }
    return paContinue;
}

int cli_capture_main(int argc, char **argv)
{
    cli_session r;
    session_opts o;
    cli_session_defaults(&r, &o);
    r.call_id = "capture";
    bool list = false;
    uint32_t device = UINT32_MAX, channels = 0, rate = 16000, seconds = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        int took = cli_session_option(argc, argv, &i, &r, &o, "capture");
        if (took < 0) {
            return CLI_EXIT_USAGE;
        } else if (took > 0) {
            continue;
        } else if (strcmp(a, "--help") == 0) {
            usage(stdout);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--list") == 0) {
            list = true;
        } else if (strcmp(a, "--device") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 0, 4096, &device)) {
            i++;
        } else if (strcmp(a, "--channels") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 2, &channels)) {
            i++;
        } else if (strcmp(a, "--rate") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 8000, 16000, &rate) &&
                   (rate == 8000 || rate == 16000)) {
            i++;
        } else if (strcmp(a, "--seconds") == 0 && has &&
                   rp_parse_u32(argv[i + 1], 1, 86400, &seconds)) {
            i++;
        } else {
            cli_error("capture", "unknown, incomplete or out-of-range option '%s'", a);
            usage(stderr);
            return CLI_EXIT_USAGE;
        }
    }
    if (quiet_initialize() != paNoError) {
        cli_error("capture", "PortAudio could not start");
        return CLI_EXIT_FAIL;
    }
    if (list) {
        int rc = list_devices();
        Pa_Terminate();
        return rc;
    }
    PaDeviceIndex dev = device == UINT32_MAX ? Pa_GetDefaultInputDevice() : (PaDeviceIndex)device;
    const PaDeviceInfo *info = dev >= 0 && dev < Pa_GetDeviceCount() ? Pa_GetDeviceInfo(dev) : NULL;
    if (info == NULL || info->maxInputChannels < 1) {
        if (Pa_GetDeviceCount() <= 0) {
            cli_error("capture", "no audio input device found (PortAudio sees no sound card); "
                                 "use 'rapport replay' for recordings");
        } else {
            cli_error("capture", "device %d is not an input device (see --list)", (int)dev);
        }
        Pa_Terminate();
        return CLI_EXIT_FAIL;
    }
    if (channels == 0) {
        channels = info->maxInputChannels >= 2 ? 2 : 1;
    }
    if ((int)channels > info->maxInputChannels) {
        cli_error("capture", "%s has %d input channel(s), not %u", info->name,
                  info->maxInputChannels, channels);
        Pa_Terminate();
        return CLI_EXIT_FAIL;
    }
    capture_ctx *ctx = rp_calloc(1, sizeof *ctx);
    float *store = rp_malloc(RING_SAMPLES * sizeof(float));
    float *frame = rp_malloc((size_t)rate / 1000 * CLI_FRAME_MS * 2 * sizeof(float));
    float *party = rp_malloc((size_t)rate / 1000 * CLI_FRAME_MS * sizeof(float));
    int exit_code = CLI_EXIT_FAIL;
    PaStream *stream = NULL;
    if (ctx == NULL || store == NULL || frame == NULL || party == NULL ||
        rp_spsc_ring_init(&ctx->ring, store, RING_SAMPLES, sizeof(float)) != RP_OK) {
        cli_error("capture", "out of memory");
        goto done;
    }
    ctx->channels = (int)channels;
    r.rate = rate;
    if (cli_session_open(&r, &o, "capture") != 0) {
        goto done;
    }
    PaStreamParameters in = {dev, (int)channels, paFloat32, info->defaultLowInputLatency, NULL};
    PaError pe = Pa_OpenStream(&stream, &in, NULL, rate, paFramesPerBufferUnspecified, paNoFlag,
                               on_audio_ctx, ctx);
    if (pe == paNoError) {
        pe = Pa_StartStream(stream);
    }
    if (pe != paNoError) {
        cli_error("capture", "%s: %s", info->name, Pa_GetErrorText(pe));
        goto done;
    }
    signal(SIGINT, on_sigint);
    signal(SIGTERM, on_sigint);
    if (r.text_out && r.push == NULL) {
        printf("capturing from %s (%u channel(s), %u Hz); Ctrl-C ends the call\n", info->name,
               channels, rate);
    }
    size_t spf = (size_t)rate / 1000 * CLI_FRAME_MS;
    size_t want = spf * channels;
    uint64_t k = 0;
    uint64_t end_ns = seconds ? rp_clock_mono_ns() + (uint64_t)seconds * 1000000000u : 0;
    while (!atomic_load(&stop_requested) && (end_ns == 0 || rp_clock_mono_ns() < end_ns)) {
        if (rp_spsc_ring_readable(&ctx->ring) < want) {
            rp_clock_sleep_ns(5000000);
            continue;
        }
        (void)rp_spsc_ring_read(&ctx->ring, frame, want);
        for (uint32_t p = 0; p < 2; p++) {
            for (size_t i = 0; i < spf; i++) {
                party[i] = p < channels ? frame[i * channels + p] : 0.0f;
            }
            cli_session_frame(&r, (int)p, k, party, spf);
        }
        k++;
    }
    Pa_StopStream(stream);
    cli_session_end(&r, CLI_T0_US + (int64_t)k * CLI_FRAME_MS * 1000);
    if (rp_spsc_ring_overruns(&ctx->ring) > 0) {
        cli_error("capture", "%llu samples were dropped (the ring was full)",
                  (unsigned long long)rp_spsc_ring_overruns(&ctx->ring));
    }
    exit_code = CLI_EXIT_OK;
done:
    if (stream != NULL) {
        Pa_CloseStream(stream);
    }
    Pa_Terminate();
    cli_session_close(&r);
    rp_free(ctx);
    rp_free(store);
    rp_free(frame);
    rp_free(party);
    return exit_code;
}
