#!/bin/sh
# tests/bench/test_bench_cli.sh - rapport-bench from the outside: `synth` exports a
# scenario that `rapport replay` plays with the expected escalation; `accuracy`
# refuses bad options and a file with an error, naming its line.
# usage: test_bench_cli.sh RAPPORT_BENCH RAPPORT SOURCE_ROOT
set -u
bench=$1
rapport=$2
src=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$src/tests/cli/lib.sh"

"$bench" synth --out "$tmp/out" manager-request consent-withdrawn calm-chat >"$tmp/cmds" 2>"$tmp/err"
check "synth: exit 1 when one scenario (a chat) has no audio" test $? -eq 1
check "synth: wrote the WAV and events" test -s "$tmp/out/manager-request.wav" -a \
    -s "$tmp/out/manager-request.events"
check "synth: prints the replay command" has "rapport replay --consent --queue billing --events" \
    "$tmp/cmds"
check "synth: says consent changes are left out" has "1 consent change(s) left out" "$tmp/err"
check "synth: says a chat has no audio" has "calm-chat is a chat session" "$tmp/err"
"$rapport" replay --consent --queue billing --events "$tmp/out/manager-request.events" \
    "$tmp/out/manager-request.wav" >"$tmp/replay" 2>&1
check "replay of the export: exit 0" test $? -eq 0
check "replay of the export: the manager request escalates" \
    has "ESCALATE supervisor: human_request" "$tmp/replay"

"$bench" accuracy --bogus >/dev/null 2>"$tmp/e1"
check "accuracy: unknown option is a usage error (2)" test $? -eq 2
"$bench" accuracy --only no-such-scenario >/dev/null 2>"$tmp/e2"
check "accuracy: --only matching nothing fails (1)" test $? -eq 1
mkdir "$tmp/bad"
printf 'id: bad\nturns:\n  - {who: agent, text: hi, wpm: fast}\n' >"$tmp/bad/bad.yaml"
"$bench" accuracy --scenarios "$tmp/bad" --no-cache >/dev/null 2>"$tmp/e3"
check "accuracy: a bad scenario fails (1)" test $? -eq 1
check "accuracy: the error names file and line" \
    has "bad.yaml:3: wpm: expected a number 80..450, got 'fast'" "$tmp/e3"
"$bench" accuracy --scenarios "$src/bench/scenarios" --only calm-chat,manager-request --strict \
    --no-cache --format json >"$tmp/json"
check "accuracy --strict: passing scenarios exit 0" test $? -eq 0
check "accuracy --format json: a per-type table" has '"type":"human_request"' "$tmp/json"
finish
