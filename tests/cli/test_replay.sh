#!/bin/sh
# tests/cli/test_replay.sh - `rapport replay` from the outside, and the demo call.
# usage: test_replay.sh RAPPORT_BINARY SOURCE_ROOT
set -u
rapport=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

make_test_call "$tmp/call.wav"
printf '8.2\tcustomer\tI want to speak to your manager NOW!!!\n18.5\tagent\tI understand how frustrating this must be.\n' >"$tmp/call.events"

"$rapport" replay --events "$tmp/call.events" "$tmp/call.wav" >"$tmp/out" 2>"$tmp/err"
check "replay: exit 0" test $? -eq 0
check "replay: dead air cue opens" has "OPEN   extended_silence" "$tmp/out"
check "replay: escalation for the manager request" has "ESCALATE supervisor: human_request" "$tmp/out"
check "replay: summary printed" has "SUMMARY" "$tmp/out"
check "replay: no consent, so no tension cue" test "$(grep -c customer_tension "$tmp/out")" -eq 0

"$rapport" replay --format json --features "$tmp/call.wav" >"$tmp/json" 2>"$tmp/err"
check "json: exit 0" test $? -eq 0
check "json: every line a v1 message" test "$(grep -vc '^{"v":1,"type":"' "$tmp/json")" -eq 0
check "json: features included" has '"type":"features"' "$tmp/json"
check "json: ends with the summary" sh -c "tail -1 '$tmp/json' | grep -q '\"type\":\"summary\"'"
check "json: agent features carry no emotion" test "$(grep -c '"agent":{[^}]*arousal' "$tmp/json")" -eq 0

printf '1.0\tagent\tok\nnot a line\n' >"$tmp/bad.events"
"$rapport" replay --events "$tmp/bad.events" "$tmp/call.wav" >/dev/null 2>"$tmp/err"
check "bad events file: exit 1" test $? -eq 1
check "bad events file: names the line" has "bad.events:2:" "$tmp/err"
printf '5.0\tagent\tok\n1.0\tagent\tearlier\n' >"$tmp/order.events"
"$rapport" replay --events "$tmp/order.events" "$tmp/call.wav" >/dev/null 2>"$tmp/err"
check "events out of order: exit 1" test $? -eq 1
python3 -c "
import wave; w = wave.open('$tmp/mono.wav', 'wb'); w.setnchannels(1); w.setsampwidth(2)
w.setframerate(8000); w.writeframes(b'\0\0' * 800); w.close()"
"$rapport" replay "$tmp/mono.wav" >/dev/null 2>"$tmp/err"
check "mono file alone: exit 1" test $? -eq 1
check "mono file alone: explains" has "stereo file" "$tmp/err"
"$rapport" replay "$tmp/mono.wav" "$tmp/mono.wav" >/dev/null 2>"$tmp/err"
check "two mono files: exit 0" test $? -eq 0
"$rapport" replay "$tmp/nope.wav" >/dev/null 2>"$tmp/err"
check "missing file: exit 1" test $? -eq 1
"$rapport" replay --playbook "$tmp/nope.ini" "$tmp/call.wav" >/dev/null 2>"$tmp/err"
check "missing playbook: exit 1" test $? -eq 1
"$rapport" replay --frobnicate "$tmp/call.wav" >/dev/null 2>&1
check "unknown option: exit 2" test $? -eq 2

# The built-in demo call (needs espeak-ng and sox, which install-deps installs).
if command -v espeak-ng >/dev/null 2>&1 && command -v sox >/dev/null 2>&1; then
    "$root/scripts/demo-call" "$tmp/demo" >/dev/null 2>&1
    "$rapport" replay --consent --events "$tmp/demo/call.events" "$tmp/demo/call.wav" >"$tmp/demo.out"
    check "demo call: exit 0" test $? -eq 0
    for want in "OPEN   speaking_fast" "OPEN   interruption" "OPEN   extended_silence" \
        "ESCALATE supervisor: human_request" "OPEN   escalation_intent" "SUMMARY"; do
        check "demo call: $want" has "$want" "$tmp/demo.out"
    done
else
    echo "# espeak-ng or sox missing: demo call not checked"
fi

finish
