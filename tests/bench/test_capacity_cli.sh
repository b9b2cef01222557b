#!/bin/sh
# tests/bench/test_capacity_cli.sh - rapport-bench load and capacity from the outside:
# option errors are usage errors (2); `load --scenario` drives role-play scenarios;
# `capacity` with two tiny steps writes a CSV with a header and a row per step, names
# the count sustained on its last line, prints no progress when stderr is not a
# terminal, and leaves no rapportd running.
# usage: test_capacity_cli.sh RAPPORT_BENCH RAPPORTD SOURCE_ROOT
set -u
bench=$1
rapportd=$2
src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/cli/lib.sh"

# usage errors: each must exit 2 before starting anything
usage_error() {
    "$bench" "$@" >/dev/null 2>"$tmp/usage.err"
    [ $? -eq 2 ]
}
check "capacity: unknown option" usage_error capacity --bogus
check "capacity: --step and --factor together" usage_error capacity --step 10 --factor 3
check "capacity: --max below --start" usage_error capacity --start 100 --max 50
check "capacity: --factor 1" usage_error capacity --factor 1
check "capacity: --factor not a number" usage_error capacity --factor 2x
check "capacity: --duration 0" usage_error capacity --duration 0
check "capacity: --start missing its value" usage_error capacity --start
check "capacity: --format xml" usage_error capacity --format xml
check "load: --calls 0" usage_error load --calls 0
check "load: --rate 11025" usage_error load --rate 11025
"$bench" --help >"$tmp/help"
check "rapport-bench --help lists capacity" has "capacity   ramps the number" "$tmp/help"
"$bench" capacity --help >"$tmp/chelp"
check "capacity --help: exit 0, names --csv" has "\-\-csv FILE" "$tmp/chelp"
"$bench" load --help >"$tmp/lhelp"
check "load --help names --scenario" has "\-\-scenario FILE|DIR" "$tmp/lhelp"

# every rapportd started goes through this wrapper, which notes its pid
cat >"$tmp/engine" <<EOF
#!/bin/sh
echo \$\$ >>"$tmp/pids"
exec "$rapportd" "\$@"
EOF
chmod +x "$tmp/engine"

"$bench" load --scenario "$src/bench/scenarios/calm-chat.yaml" --no-cache \
    --engine "$tmp/engine" >/dev/null 2>"$tmp/chat.err"
check "load --scenario: a chat-only file is an error (1)" test $? -eq 1
check "load --scenario: says there is no voice scenario" has "no voice scenario" "$tmp/chat.err"

"$bench" load --calls 3 --duration 2 --scenario "$src/bench/scenarios/manager-request.yaml" \
    --no-cache --engine "$tmp/engine" --format json >"$tmp/load.json" 2>"$tmp/load.err"
check "load --scenario: kept up (exit 0)" test $? -eq 0
check "load --scenario: names the scenarios" has '"source":"1 voice scenario from' "$tmp/load.json"
check "load --scenario: every frame processed" has '"frames_sent":600,"frames_processed":600' \
    "$tmp/load.json"
check "load --scenario: a summary per call" has '"calls_started":3,"summaries":3' "$tmp/load.json"
# the engine's last-10-s latency window holds the whole of a 2 s run: the same p99
p99_10s=$(grep -o '"latency_p99_us":[0-9]*' "$tmp/load.json" | cut -d: -f2)
p99_all=$(grep -o '"latency_since_start_p99_us":[0-9]*' "$tmp/load.json" | cut -d: -f2)
check "load: a latency p99 was measured" test "${p99_10s:-0}" -gt 0
check "load: last-10-s p99 equals since-start p99 on a 2 s run" test "$p99_10s" = "$p99_all"
check "load: no progress line when stderr is not a terminal" test ! -s "$tmp/load.err"

"$bench" capacity --start 2 --max 4 --duration 1 --engine "$tmp/engine" \
    --csv "$tmp/steps.csv" >"$tmp/cap.out" 2>"$tmp/cap.err"
check "capacity: exit 0" test $? -eq 0
check "capacity: CSV header" has "^step,calls,duration_s,workers,kept_up,verdict,frames_sent," \
    "$tmp/steps.csv"
check "capacity: one CSV row per step (2 and 4 calls)" \
    test "$(sed -n '2,$p' "$tmp/steps.csv" | cut -d, -f1,2,5 | tr '\n' ' ')" = "1,2,1 2,4,1 "
check "capacity: the last line names the count sustained" \
    test "$(tail -1 "$tmp/cap.out" | cut -d'(' -f1)" = "capacity: 4 calls sustained "
check "capacity: no progress line when stderr is not a terminal" test ! -s "$tmp/cap.err"
check "capacity: one rapportd per step" test "$(wc -l <"$tmp/pids")" -eq 3

# --realtime passes to rapportd; the report says what scheduling the engine got
# (SCHED_FIFO where this user may use it, else normal, with rapportd's warning)
"$bench" load --calls 2 --duration 1 --realtime 5 --engine "$tmp/engine" --format json \
    >"$tmp/rt.json" 2>"$tmp/rt.err"
check "load --realtime: kept up (exit 0)" test $? -eq 0
if chrt -f 5 true 2>/dev/null; then
    check "load --realtime: the engine ran SCHED_FIFO 5" has '"sched_fifo_priority":5,' "$tmp/rt.json"
else
    check "load --realtime: refused here, normal scheduling" has '"sched_fifo_priority":0,' \
        "$tmp/rt.json"
fi

alive=0
for p in $(cat "$tmp/pids"); do
    kill -0 "$p" 2>/dev/null && alive=$((alive + 1))
done
check "every rapportd started has been stopped" test "$alive" -eq 0

"$bench" capacity --start 2 --max 2 --duration 1 --engine "$tmp/engine" --format json \
    >"$tmp/cap.json" 2>/dev/null
check "capacity --format json: the count sustained" has '"end":"at max","sustained_calls":2,' \
    "$tmp/cap.json"
finish
