/* bench/bench.h - the subcommands of rapport-bench (bench/main.c dispatches).
 * Each takes the full argv (argv[1] is the subcommand's name) and returns the
 * process exit code: 0 ok, 1 failure (or, for accuracy, an expectation missed
 * with --strict), 2 usage error. Single-threaded callers only.
 */
#ifndef BENCH_BENCH_H
#define BENCH_BENCH_H

/* `rapport-bench load`: N concurrent calls into rapportd at real-time pace. */
int bench_load_main(int argc, char **argv);

/* `rapport-bench capacity`: ramps the call count until the engine falls behind. */
int bench_capacity_main(int argc, char **argv);

/* `rapport-bench accuracy`: every scenario through the call pipeline, scored. */
int bench_accuracy_main(int argc, char **argv);

/* `rapport-bench synth`: voice scenarios as WAV + events for `rapport replay`. */
int bench_synth_main(int argc, char **argv);

#endif /* BENCH_BENCH_H */
