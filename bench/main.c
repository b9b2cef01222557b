/* bench/main.c - rapport-bench: role-play scenarios, accuracy, load and capacity. */
#include <stdio.h>
#include <string.h>

#include "bench/bench.h"

static void usage(FILE *out)
{
    fprintf(out, "usage: rapport-bench COMMAND [options]   (COMMAND --help for its options)\n\n"
                 "  accuracy   every role-play scenario through the engine's call pipeline:\n"
                 "             precision, recall and detection delay per cue and escalation,\n"
                 "             false alerts per call-hour on the calm controls\n"
                 "  capacity   ramps the number of concurrent calls until rapportd falls\n"
                 "             behind: the highest number sustained, calls per engine core,\n"
                 "             a CSV of every step\n"
                 "  load       N concurrent calls into rapportd at real-time pace: kept up,\n"
                 "             latency percentiles, drops, CPU and memory per call\n"
                 "             (synthetic pattern, or role-play scenarios with --scenario)\n"
                 "  synth      voice scenarios as WAV + events files for `rapport replay`\n");
}

int main(int argc, char **argv)
{
    if (argc >= 2 && strcmp(argv[1], "load") == 0) {
        return bench_load_main(argc, argv);
    }
    if (argc >= 2 && strcmp(argv[1], "capacity") == 0) {
        return bench_capacity_main(argc, argv);
    }
    if (argc >= 2 && strcmp(argv[1], "accuracy") == 0) {
        return bench_accuracy_main(argc, argv);
    }
    if (argc >= 2 && strcmp(argv[1], "synth") == 0) {
        return bench_synth_main(argc, argv);
    }
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2) {
        fprintf(stderr, "rapport-bench: unknown command '%s'\n", argv[1]);
    }
    usage(stderr);
    return 2;
}
