/* cli/cmd_features.c - `rapport features`: prosody features of recordings.
 *
 * Reads any file libsndfile reads, runs one dsp_features object per channel
 * (8 and 16 kHz as they are; other rates resampled with dsp_resampler to 16 kHz,
 * or 8 kHz below 16 kHz) and prints per-hop rows (CSV/TSV/JSON) or, with
 * --summary, one summary per file and channel.
 */
#include <errno.h>
#include <sndfile.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "common/status.h"
#include "dsp/features.h"
#include "dsp/resample.h"
#include "dsp/stats.h"

#define CMD          "features"
#define MAX_CHANNELS 16
#define READ_FRAMES  4096u
#define MAX_RATE_HZ  384000
#define MIN_RATE_HZ  4000

typedef struct channel_state {
    dsp_features *feat;
    dsp_resampler *rs; /* NULL when the file is at 8 or 16 kHz */
    dsp_stats stats;
    float *pending; /* samples waiting to fill a hop */
    size_t n_pending;
    float *rs_out;
} channel_state;

typedef struct options {
    cli_format format;
    bool summary;
} options;

static void usage(FILE *out)
{
    fprintf(out, "usage: rapport features [--format csv|tsv|json] [--summary] FILE...\n"
                 "\n"
                 "Prosody features of recordings, per 10 ms hop and channel: energy (dBFS), voice\n"
                 "activity, f0 (Hz, 0 when unvoiced) with voicing confidence, spectral centroid,\n"
                 "flux and tilt, syllable nuclei and speaking/articulation rate. Reads any format\n"
                 "libsndfile reads; rates other than 8 and 16 kHz are resampled.\n"
                 "\n"
                 "  --format F   csv (default), tsv or json\n"
                 "  --summary    one row per file and channel instead of one per hop\n"
                 "  --help       this text\n"
                 "\n"
                 "Per-hop columns: channel,t_s,voiced,f0_hz,energy_db,voicing,speech,band_db,\n"
                 "centroid_hz,flux,tilt_db,nucleus,speaking_rate_sps,articulation_rate_sps,file\n"
                 "(t_s is the centre of the hop; channel counts from 0). The spectral columns\n"
                 "are computed on every hop here; the engine computes them on every 2nd hop\n"
                 "of silence.\n"
                 "Summary fields: channel,duration_s,speech_s,syllables,speaking_rate_sps,\n"
                 "articulation_rate_sps,f0_median_hz,f0_sd_semitones,energy_mean_db,file\n"
                 "\n"
                 "exit codes: 0 ok, 1 a file could not be read or analysed, 2 usage error\n");
}

/* Prints s as a JSON string (quotes included). */
static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
        if (*p == '"' || *p == '\\') {
            fprintf(out, "\\%c", *p);
        } else if (*p < 0x20) {
            fprintf(out, "\\u%04x", *p);
        } else {
            fputc(*p, out);
        }
    }
    fputc('"', out);
}

/* Prints s as a CSV/TSV field, quoted when it holds the separator, quotes or newlines. */
static void text_field(FILE *out, const char *s, char sep)
{
    if (strchr(s, sep) == NULL && strchr(s, '"') == NULL && strchr(s, '\n') == NULL &&
        strchr(s, '\r') == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (const char *p = s; *p != '\0'; p++) {
        if (*p == '"') {
            fputc('"', out);
        }
        fputc(*p, out);
    }
    fputc('"', out);
}

typedef struct printer {
    const options *opt;
    const char *path;
    bool first_row; /* JSON: no comma before the first element */
} printer;

static void print_hop_header(const options *opt)
{
    if (opt->format == CLI_FORMAT_JSON || opt->summary) {
        return;
    }
    const char *cols[] = {"channel",
                          "t_s",
                          "voiced",
                          "f0_hz",
                          "energy_db",
                          "voicing",
                          "speech",
                          "band_db",
                          "centroid_hz",
                          "flux",
                          "tilt_db",
                          "nucleus",
                          "speaking_rate_sps",
                          "articulation_rate_sps",
                          "file"};
    char sep = opt->format == CLI_FORMAT_TSV ? '\t' : ',';
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
        if (i > 0) {
            fputc(sep, stdout);
        }
        fputs(cols[i], stdout);
    }
    fputc('\n', stdout);
}

static void print_frame(printer *pr, int channel, const dsp_frame *f)
{
    double t = ((double)f->index + 0.5) * DSP_HOP_S;
    if (pr->opt->format == CLI_FORMAT_JSON) {
        printf("%s\n    {\"channel\": %d, \"t_s\": %.3f, \"voiced\": %s, \"f0_hz\": %.2f, "
               "\"energy_db\": %.2f, \"voicing\": %.3f, \"speech\": %s, \"band_db\": %.2f, "
               "\"centroid_hz\": %.1f, \"flux\": %.4f, \"tilt_db\": %.2f, \"nucleus\": %s, "
               "\"speaking_rate_sps\": %.3f, \"articulation_rate_sps\": %.3f}",
               pr->first_row ? "" : ",", channel, t, f->voiced ? "true" : "false", (double)f->f0_hz,
               (double)f->energy_db, (double)f->voicing, f->speech ? "true" : "false",
               (double)f->band_db, (double)f->centroid_hz, (double)f->flux, (double)f->tilt_db,
               f->nucleus ? "true" : "false", (double)f->speaking_rate_sps,
               (double)f->articulation_rate_sps);
        pr->first_row = false;
        return;
    }
    char sep = pr->opt->format == CLI_FORMAT_TSV ? '\t' : ',';
    printf("%d%c%.3f%c%d%c%.2f%c%.2f%c%.3f%c%d%c%.2f%c%.1f%c%.4f%c%.2f%c%d%c%.3f%c%.3f%c", channel,
           sep, t, sep, f->voiced ? 1 : 0, sep, (double)f->f0_hz, sep, (double)f->energy_db, sep,
           (double)f->voicing, sep, f->speech ? 1 : 0, sep, (double)f->band_db, sep,
           (double)f->centroid_hz, sep, (double)f->flux, sep, (double)f->tilt_db, sep,
           f->nucleus ? 1 : 0, sep, (double)f->speaking_rate_sps, sep,
           (double)f->articulation_rate_sps, sep);
    text_field(stdout, pr->path, sep);
    fputc('\n', stdout);
}

static void on_frame(printer *pr, channel_state *ch, int channel, const dsp_frame *f)
{
    dsp_stats_update(&ch->stats, f);
    if (!pr->opt->summary) {
        print_frame(pr, channel, f);
    }
}

/* Feeds n samples of one channel (at the analysis rate) hop by hop. */
static int feed_samples(printer *pr, channel_state *ch, int channel, const float *x, size_t n,
                        uint32_t hop)
{
    for (size_t i = 0; i < n; i++) {
        ch->pending[ch->n_pending++] = x[i];
        if (ch->n_pending == hop) {
            dsp_frame f;
            int rc = dsp_features_process(ch->feat, ch->pending, &f);
            if (rc < 0) {
                return rc;
            }
            if (rc == 1) {
                on_frame(pr, ch, channel, &f);
            }
            ch->n_pending = 0;
        }
    }
    return RP_OK;
}

static void print_summary(const options *opt, const char *path, int channel, const dsp_stats *st,
                          bool *first)
{
    dsp_stats_summary s;
    dsp_stats_get(st, &s);
    if (opt->format == CLI_FORMAT_JSON) {
        printf("%s\n  {\"file\": ", *first ? "" : ",");
        json_string(stdout, path);
        printf(", \"channel\": %d, \"duration_s\": %.2f, \"speech_s\": %.2f, \"syllables\": %llu, "
               "\"speaking_rate_sps\": %.3f, \"articulation_rate_sps\": %.3f, "
               "\"f0_median_hz\": %.1f, \"f0_sd_semitones\": %.2f, \"energy_mean_db\": %.2f}",
               channel, s.duration_s, s.speech_s, (unsigned long long)s.syllables,
               (double)s.speaking_rate_sps, (double)s.articulation_rate_sps, (double)s.f0_median_hz,
               (double)s.f0_sd_semitones, (double)s.energy_mean_db);
        *first = false;
        return;
    }
    char sep = opt->format == CLI_FORMAT_TSV ? '\t' : ',';
    printf("%d%c%.2f%c%.2f%c%llu%c%.3f%c%.3f%c%.1f%c%.2f%c%.2f%c", channel, sep, s.duration_s, sep,
           s.speech_s, sep, (unsigned long long)s.syllables, sep, (double)s.speaking_rate_sps, sep,
           (double)s.articulation_rate_sps, sep, (double)s.f0_median_hz, sep,
           (double)s.f0_sd_semitones, sep, (double)s.energy_mean_db, sep);
    text_field(stdout, path, sep);
    fputc('\n', stdout);
}

static void free_channels(channel_state *chs, int n)
{
    for (int c = 0; c < n; c++) {
        dsp_features_destroy(&chs[c].feat);
        dsp_resampler_destroy(&chs[c].rs);
        free(chs[c].pending);
        free(chs[c].rs_out);
    }
    free(chs);
}

/* Analyses one file; prints its rows. Returns CLI_EXIT_OK or CLI_EXIT_FAIL. */
static int analyse_file(const options *opt, const char *path, bool *first_json)
{
    SF_INFO info;
    memset(&info, 0, sizeof info);
    SNDFILE *sf = sf_open(path, SFM_READ, &info);
    if (sf == NULL) {
        cli_error(CMD, "%s: %s", path, sf_strerror(NULL));
        return CLI_EXIT_FAIL;
    }
    if (info.channels < 1 || info.channels > MAX_CHANNELS || info.samplerate < MIN_RATE_HZ ||
        info.samplerate > MAX_RATE_HZ) {
        cli_error(CMD, "%s: unsupported audio (%d channels at %d Hz; 1-%d channels at %d-%d Hz)",
                  path, info.channels, info.samplerate, MAX_CHANNELS, MIN_RATE_HZ, MAX_RATE_HZ);
        sf_close(sf);
        return CLI_EXIT_FAIL;
    }
    int n_ch = info.channels;
    uint32_t in_rate = (uint32_t)info.samplerate;
    uint32_t rate = (in_rate == 8000 || in_rate == 16000) ? in_rate
                    : in_rate < 16000                     ? 8000u
                                                          : 16000u;
    dsp_features_config cfg = dsp_features_config_default();
    cfg.sample_rate_hz = rate;
    cfg.quiet_spectrum_hops = 1; /* offline: the spectrum of every hop, silent ones too */
    uint32_t hop = dsp_features_hop_samples(&cfg);
    channel_state *chs = calloc((size_t)n_ch, sizeof *chs);
    float *inter = malloc((size_t)READ_FRAMES * (size_t)n_ch * sizeof(float));
    float *mono = malloc(READ_FRAMES * sizeof(float));
    int rc = chs != NULL && inter != NULL && mono != NULL ? RP_OK : RP_ENOMEM;
    for (int c = 0; rc == RP_OK && c < n_ch; c++) {
        dsp_stats_init(&chs[c].stats);
        rc = dsp_features_create(&cfg, &chs[c].feat);
        if (rc == RP_OK && rate != in_rate) {
            rc = dsp_resampler_create(in_rate, rate, READ_FRAMES, &chs[c].rs);
            if (rc == RP_OK) {
                chs[c].rs_out = malloc(dsp_resampler_max_out(chs[c].rs) * sizeof(float));
                rc = chs[c].rs_out != NULL ? RP_OK : RP_ENOMEM;
            }
        }
        if (rc == RP_OK) {
            chs[c].pending = malloc(hop * sizeof(float));
            rc = chs[c].pending != NULL ? RP_OK : RP_ENOMEM;
        }
    }
    printer pr = {opt, path, true};
    bool opened = false;
    if (rc == RP_OK && opt->format == CLI_FORMAT_JSON && !opt->summary) {
        opened = true;
        printf("%s\n  {\"file\": ", *first_json ? "" : ",");
        json_string(stdout, path);
        printf(", \"sample_rate_hz\": %u, \"analysis_rate_hz\": %u, \"channels\": %d, "
               "\"frames\": [",
               in_rate, rate, n_ch);
        *first_json = false;
    }
    sf_count_t got;
    while (rc == RP_OK && (got = sf_readf_float(sf, inter, READ_FRAMES)) > 0) {
        for (int c = 0; rc == RP_OK && c < n_ch; c++) {
            for (sf_count_t i = 0; i < got; i++) {
                mono[i] = inter[i * n_ch + c];
            }
            const float *x = mono;
            size_t n = (size_t)got;
            if (chs[c].rs != NULL) {
                rc = dsp_resampler_process(chs[c].rs, mono, n, chs[c].rs_out,
                                           dsp_resampler_max_out(chs[c].rs), &n);
                x = chs[c].rs_out;
            }
            if (rc == RP_OK) {
                rc = feed_samples(&pr, &chs[c], c, x, n, hop);
            }
        }
    }
    if (rc == RP_OK && sf_error(sf) != SF_ERR_NO_ERROR) {
        cli_error(CMD, "%s: read error: %s", path, sf_strerror(sf));
        rc = RP_EIO;
    }
    for (int c = 0; rc == RP_OK && c < n_ch; c++) {
        size_t n = 1;
        while (rc == RP_OK && chs[c].rs != NULL && n > 0) {
            rc =
                dsp_resampler_flush(chs[c].rs, chs[c].rs_out, dsp_resampler_max_out(chs[c].rs), &n);
            if (rc == RP_OK) {
                rc = feed_samples(&pr, &chs[c], c, chs[c].rs_out, n, hop);
            }
        }
    }
    /* Drain the lookahead: frames come out channel by channel, in time order. */
    for (int c = 0; rc == RP_OK && c < n_ch; c++) {
        dsp_frame f;
        int more;
        while ((more = dsp_features_flush(chs[c].feat, &f)) == 1) {
            on_frame(&pr, &chs[c], c, &f);
        }
        rc = more < 0 ? more : RP_OK;
    }
    if (opened) {
        printf("\n  ]}");
    }
    if (rc == RP_OK && opt->summary) {
        for (int c = 0; c < n_ch; c++) {
            print_summary(opt, path, c, &chs[c].stats, first_json);
        }
    }
    if (rc != RP_OK && rc != RP_EIO) {
        cli_error(CMD, "%s: analysis failed: %s", path, rp_status_str(rc));
    }
    free_channels(chs, chs != NULL ? n_ch : 0);
    free(inter);
    free(mono);
    sf_close(sf);
    return rc == RP_OK ? CLI_EXIT_OK : CLI_EXIT_FAIL;
}

int cli_features_main(int argc, char **argv)
{
    options opt = {CLI_FORMAT_CSV, false};
    const char **files = calloc((size_t)argc + 1u, sizeof *files);
    if (files == NULL) {
        cli_error(CMD, "out of memory");
        return CLI_EXIT_FAIL;
    }
    int n_files = 0;
    bool only_files = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (only_files || a[0] != '-' || a[1] == '\0') {
            files[n_files++] = a;
        } else if (strcmp(a, "--") == 0) {
            only_files = true;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            free(files);
            return CLI_EXIT_OK;
        } else if (strcmp(a, "--summary") == 0) {
            opt.summary = true;
        } else if (strcmp(a, "--format") == 0 || strncmp(a, "--format=", 9) == 0) {
            const char *v = a[8] == '=' ? a + 9 : (i + 1 < argc ? argv[++i] : NULL);
            if (v == NULL || !cli_format_parse(v, &opt.format)) {
                cli_error(CMD, "--format needs csv, tsv or json%s%s%s", v ? " (got '" : "",
                          v ? v : "", v ? "')" : "");
                free(files);
                return CLI_EXIT_USAGE;
            }
        } else {
            cli_error(CMD, "unknown option '%s' (see rapport features --help)", a);
            free(files);
            return CLI_EXIT_USAGE;
        }
    }
    if (n_files == 0) {
        cli_error(CMD, "no input file (see rapport features --help)");
        free(files);
        return CLI_EXIT_USAGE;
    }
    int status = CLI_EXIT_OK;
    bool first_json = true;
    if (opt.format == CLI_FORMAT_JSON) {
        fputc('[', stdout);
    } else if (opt.summary) {
        char sep = opt.format == CLI_FORMAT_TSV ? '\t' : ',';
        printf("channel%cduration_s%cspeech_s%csyllables%cspeaking_rate_sps%c"
               "articulation_rate_sps%cf0_median_hz%cf0_sd_semitones%cenergy_mean_db%cfile\n",
               sep, sep, sep, sep, sep, sep, sep, sep, sep);
    } else {
        print_hop_header(&opt);
    }
    for (int i = 0; i < n_files; i++) {
        if (analyse_file(&opt, files[i], &first_json) != CLI_EXIT_OK) {
            status = CLI_EXIT_FAIL;
        }
    }
    if (opt.format == CLI_FORMAT_JSON) {
        printf("\n]\n");
    }
    if (fflush(stdout) != 0) {
        cli_error(CMD, "cannot write output: %s", strerror(errno));
        status = CLI_EXIT_FAIL;
    }
    free(files);
    return status;
}
