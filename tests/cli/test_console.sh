#!/bin/sh
# tests/cli/test_console.sh - `rapport console` against a live rapportd on loopback:
# a call replayed in real time (rapport replay --to, acting as a gateway); an agent
# console and a supervisor wall in --plain mode print the expected event lines; a
# console of another agent sees nothing, one with --call only that call (another
# team's call runs alongside); a console opened mid-call shows the engine's state
# at once (its snapshot matches `rapport snapshot`); then, when tmux
# is there, the real TUI at 80x24: what is on screen mid-call (with the consent
# indicator), the supervisor's 'a' acknowledging an escalation, which reaches the
# engine's event log, and the wall's drill-down: move the selection between two
# calls, Enter opens the selected call's timeline, Esc returns to the wall.
# usage: test_console.sh RAPPORTD RAPPORT
set -u
rapportd=$1
rapport=$2
tmp=$(mktemp -d)
pid=""
sock="rapport-test-$$"
cleanup() {
    if command -v tmux >/dev/null 2>&1; then
        tmux -L "$sock" kill-server 2>/dev/null
    fi
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

start_engine() { # start_engine NAME: rapportd with an event log; sets pid ing pub req
    start_rapportd "$1" --db "$tmp/$1.db"
}

stop_engine() {
    kill -TERM "$pid"
    wait "$pid"
    pid=""
}

"$rapport" console --from tcp://127.0.0.1:1 --requests tcp://127.0.0.1:1 >/dev/null 2>"$tmp/err"
check "no --agent nor --supervisor: exit 2" test $? -eq 2
"$rapport" console --agent 'bad id' --from tcp://127.0.0.1:1 --requests tcp://127.0.0.1:1 \
    >/dev/null 2>"$tmp/err"
check "an invalid agent id: exit 2 naming it" has "'bad id' is not a valid id" "$tmp/err"

# the call: the agent talks 0.5-4 s, the customer 4.6-8 s, silence until 15 s
make_test_call "$tmp/call.wav"
printf '8.2\tcustomer\tI was charged twice on my card. This is the third time I am calling, I want to speak to your manager.\n' \
    >"$tmp/call.events"

start_engine rd
check "rapportd printed its endpoints" test -n "$ing" -a -n "$pub" -a -n "$req"

common="--from $pub --requests $req --plain --exit-at-end --timeout-ms 40000"
# shellcheck disable=SC2086 # $common is a list of options
"$rapport" console --agent agent-7 $common >"$tmp/agent.out" 2>"$tmp/agent.err" &
apid=$!
# shellcheck disable=SC2086
"$rapport" console --supervisor --team team-a $common >"$tmp/sup.out" 2>"$tmp/sup.err" &
spid=$!
# shellcheck disable=SC2086
"$rapport" console --supervisor --call c-con $common >"$tmp/one.out" 2>"$tmp/one.err" &
cpid=$!
# shellcheck disable=SC2086
"$rapport" console --agent agent-9 --from "$pub" --requests "$req" --plain \
    >"$tmp/other.out" 2>"$tmp/other.err" &
opid=$!
sleep 1
"$rapport" replay --to "$ing" --realtime --call c-con --agent agent-7 --team team-a \
    --events "$tmp/call.events" "$tmp/call.wav" 2>/dev/null &
rpid=$!
# another team's call alongside, which only the --call console and rapport see
"$rapport" replay --to "$ing" --realtime --call c-elsewhere --agent agent-5 --team team-b \
    --events "$tmp/call.events" "$tmp/call.wav" 2>/dev/null &
rpid2=$!
# mid-call, after the customer's words: a new console must show the truth at once
sleep 10.5
"$rapport" snapshot --from "$req" --agent agent-7 >"$tmp/snap0.json"
"$rapport" console --agent agent-7 --from "$pub" --requests "$req" --plain --timeout-ms 5000 \
    >"$tmp/mid.out" 2>"$tmp/mid.err" &
mpid=$!
sleep 0.7
"$rapport" snapshot --from "$req" --agent agent-7 >"$tmp/snap.json"
kill -INT "$mpid"
wait "$mpid"
mrc=$?
wait "$rpid"
wait "$apid"
arc=$?
wait "$spid"
src=$?
wait "$cpid"
crc=$?
wait "$rpid2"
kill -INT "$opid"
wait "$opid"

check "agent console: exits 0 at the end of the call" test "$arc" -eq 0
check "agent console: first a snapshot" sh -c "head -1 '$tmp/agent.out' | grep -q 'SNAPSHOT seq='"
check "agent console: the call appears" has "c-con  CALL agent=agent-7 team=team-a" "$tmp/agent.out"
check "agent console: sensitive topic opened" has "OPEN sensitive_topic customer" "$tmp/agent.out"
check "agent console: the empathy checklist" has "PROMPT .*\[ \] Acknowledge the feeling" "$tmp/agent.out"
check "agent console: escalation to a supervisor" has "ESCALATE supervisor human_request alert=" "$tmp/agent.out"
check "agent console: dead air opened and closed" sh -c \
    "grep -q 'OPEN extended_silence both' '$tmp/agent.out' && grep -q 'CLOSE extended_silence both' '$tmp/agent.out'"
check "agent console: the call's end" has "c-con  END duration=19" "$tmp/agent.out"
check "agent console: no gap on loopback" test "$(grep -c GAP "$tmp/agent.out")" -eq 0
check "agent console: nothing on stderr" test ! -s "$tmp/agent.err"
check "supervisor wall: exits 0, same escalation" sh -c \
    "[ $src -eq 0 ] && grep -q 'ESCALATE supervisor human_request' '$tmp/sup.out'"
check "agent console: the consent in force (no consent: off), once" \
    test "$(grep -c 'c-con  CONSENT emotion analysis off$' "$tmp/agent.out")" -eq 1
check "agent console: the snapshot's state lines name the consent" \
    sh -c "! grep -q ' STATE ' '$tmp/agent.out' || grep -q ' STATE .* emotion=' '$tmp/agent.out'"
check "--call c-con: exits 0 at that call's end, its escalation and end" sh -c \
    "[ $crc -eq 0 ] && grep -q 'c-con  ESCALATE supervisor human_request' '$tmp/one.out' &&
     grep -q 'c-con  END duration=19' '$tmp/one.out'"
check "--call c-con: only that call's lines" sh -c \
    "! grep -q c-elsewhere '$tmp/one.out' && [ \$(grep -vc -e '  c-con  ' -e SNAPSHOT '$tmp/one.out') -eq 0 ]"
check "supervisor wall of team-a: not the other team's call" sh -c "! grep -q c-elsewhere '$tmp/sup.out'"
check "another agent's console sees no call" sh -c \
    "grep -q SNAPSHOT '$tmp/other.out' && ! grep -q c-con '$tmp/other.out'"
check "mid-call console: stopped cleanly by SIGINT" test "$mrc" -eq 0
check "mid-call console: the snapshot lists the call" has "SNAPSHOT seq=[0-9]* calls=1" "$tmp/mid.out"
# (the engine's snapshots just before and just after: the call moves on in between)
check "mid-call console: its state matches the engine's snapshot" python3 -c "
import json, re, sys
lines = [l for l in open('$tmp/mid.out') if ' STATE ' in l]
got = sorted(re.search(r'cues=(\S+)', lines[0]).group(1).split(','))
level = re.search(r'level=(\S+)', lines[0]).group(1)
ok = False
for f in ('$tmp/snap0.json', '$tmp/snap.json'):
    call = json.load(open(f))['calls'][0]
    want = sorted(c['cue'] for c in call['cues'])
    print('console', got, level, 'engine', want, call.get('level'))
    ok = ok or (got == want and level == call.get('level'))
sys.exit(0 if ok and 'sensitive_topic' in got else 1)"
stop_engine

# the real TUI at 80x24 in tmux
if ! command -v tmux >/dev/null 2>&1; then
    echo "# tmux not installed: skipping the screen checks"
    finish
    exit $?
fi
start_engine rd2
tmux -L "$sock" new-session -d -s agent -x 80 -y 24 \
    "NO_COLOR=1 LANG=C.UTF-8 $rapport console --agent agent-7 --from $pub --requests $req"
tmux -L "$sock" new-session -d -s wall -x 80 -y 24 \
    "$rapport console --supervisor --by sup-1 --from $pub --requests $req"
sleep 1
# c-tui (emotion analysis consented) escalates; c-calm, the same sound without words
# and without consent, ranks below it
"$rapport" replay --to "$ing" --realtime --call c-tui --agent agent-7 --team team-a --consent \
    --events "$tmp/call.events" "$tmp/call.wav" 2>/dev/null &
rpid=$!
"$rapport" replay --to "$ing" --realtime --call c-calm --agent agent-8 --team team-a \
    "$tmp/call.wav" 2>/dev/null &
rpid2=$!
sleep 11
tmux -L "$sock" capture-pane -p -t agent >"$tmp/agent.screen"
tmux -L "$sock" capture-pane -p -t wall >"$tmp/wall.screen"
tmux -L "$sock" send-keys -t wall a
sleep 1
tmux -L "$sock" capture-pane -p -t wall >"$tmp/wall2.screen"
# the drill-down: j selects the second call, Enter opens it, Esc returns; k back
# to the first, Enter opens its timeline, Backspace returns
keys() { # keys KEY FILE: send one key to the wall, then capture it into FILE
    tmux -L "$sock" send-keys -t wall "$1"
    sleep 0.6
    tmux -L "$sock" capture-pane -p -t wall >"$2"
}
keys j "$tmp/wall-j.screen"
keys Enter "$tmp/calm.screen"
keys Escape "$tmp/wall-esc.screen"
keys k "$tmp/wall-k.screen"
keys Enter "$tmp/tui.screen"
keys BSpace "$tmp/wall-back.screen"
echo "# agent console at 11 s:"
sed 's/^/#   /' "$tmp/agent.screen"
echo "# supervisor wall after 'a':"
sed 's/^/#   /' "$tmp/wall2.screen"
echo "# c-tui's timeline (k, Enter):"
sed 's/^/#   /' "$tmp/tui.screen"
check "tui agent: header names agent, call and LIVE" \
    sh -c "head -1 '$tmp/agent.screen' | grep -q 'agent agent-7  call c-tui  00:1.*\[LIVE\]'"
check "tui agent: consent indicator under the header" \
    sh -c "sed -n 2p '$tmp/agent.screen' | grep -q 'emotion analysis: ON (voice+text, customer informed)'"
check "tui agent: escalation banner" has "!! ESCALATION  supervisor: human_request" "$tmp/agent.screen"
check "tui agent: sensitive-topic banner" has "!! SENSITIVE TOPIC" "$tmp/agent.screen"
check "tui agent: the empathy checklist" has "\[ \] Acknowledge the feeling" "$tmp/agent.screen"
check "tui agent: measures" sh -c "grep -q '^Pace ' '$tmp/agent.screen' && grep -q '^Talk .*you' '$tmp/agent.screen' && grep -q '^Customer   last spoke' '$tmp/agent.screen' && grep -q '^Sentiment ' '$tmp/agent.screen'"
check "tui agent: fits 24 lines, keys at the bottom" sh -c "[ \$(wc -l <'$tmp/agent.screen') -le 24 ] && tail -1 '$tmp/agent.screen' | grep -q '^q quit'"
check "tui wall: the call ranked with its level" has "c-tui .*agent-7 .*SUPV" "$tmp/wall.screen"
check "tui wall: the alert, unacked" has "c-tui .*human_request *\[unacked\]" "$tmp/wall.screen"
check "tui wall: the riskier call first, selected, emotion analysis ON" \
    sh -c "sed -n 3p '$tmp/wall.screen' | grep -Eq '^> .*c-tui .*agent-7 .*SUPV  ON( |$)'"
check "tui wall: the calm call below it, emotion analysis off" \
    sh -c "sed -n 4p '$tmp/wall.screen' | grep -Eq '^  .*c-calm .*agent-8 .* off( |$)'"
check "tui wall: 'a' acknowledges the selected call's alert (echoed by the engine)" \
    has "human_request *\[acked by sup-1\]" "$tmp/wall2.screen"
check "tui wall: j moves the selection to the second call" has "^> .*c-calm " "$tmp/wall-j.screen"
check "tui drill-down: Enter opens the selected call" \
    sh -c "head -1 '$tmp/calm.screen' | grep -q 'call c-calm  agent agent-8  team team-a'"
check "tui drill-down: its consent is shown off" has "^emotion analysis: off" "$tmp/calm.screen"
check "tui drill-down: Esc returns to the wall" \
    sh -c "head -1 '$tmp/wall-esc.screen' | grep -q 'supervisor wall' && grep -q '^> .*c-calm ' '$tmp/wall-esc.screen'"
check "tui wall: k moves back to the first call" has "^> .*c-tui " "$tmp/wall-k.screen"
check "tui drill-down: the header (agent, team, medium, risk, level, consent)" sh -c \
    "head -1 '$tmp/tui.screen' | grep -q 'call c-tui  agent agent-7  team team-a' &&
     sed -n 2p '$tmp/tui.screen' | grep -q '^medium -  queue -  call time 00:1.*risk [01]\.[0-9][0-9] .* level supervisor' &&
     sed -n 3p '$tmp/tui.screen' | grep -q '^emotion analysis: ON (voice+text, customer informed)' &&
     sed -n 4p '$tmp/tui.screen' | grep -q '^Open cues .*SENSITIVE' &&
     sed -n 5p '$tmp/tui.screen' | grep -q '^Sentiment '"
check "tui drill-down: the timeline has the sensitive-topic cue with its quote" \
    has "^00:0[89]\.[0-9]  cue open    Sensitive topic  \"" "$tmp/tui.screen"
check "tui drill-down: the escalation with level, reason and quote" \
    has "^00:0[89]\.[0-9]  !! ESCALATION supervisor: human_request (alert [0-9]*)  \"" "$tmp/tui.screen"
check "tui drill-down: the acknowledgement" has "  ack  *alert [0-9]* acknowledged by sup-1" "$tmp/tui.screen"
check "tui drill-down: the consent in force at the start" \
    has "^00:00\.[0-9]  consent     emotion analysis ON" "$tmp/tui.screen"
check "tui drill-down: call-time order, newest at the bottom" python3 -c "
import re, sys
ts = [l[:7] for l in open('$tmp/tui.screen') if re.match(r'\d\d:\d\d\.\d  ', l)]
print(ts)
sys.exit(0 if len(ts) >= 5 and ts == sorted(ts) else 1)"
check "tui drill-down: fits 24 lines, keys at the bottom" sh -c \
    "[ \$(wc -l <'$tmp/tui.screen') -le 24 ] && tail -1 '$tmp/tui.screen' | grep -q '^esc back'"
check "tui drill-down: Backspace returns to the wall, selection kept" \
    sh -c "head -1 '$tmp/wall-back.screen' | grep -q 'supervisor wall' && grep -q '^> .*c-tui ' '$tmp/wall-back.screen'"
tmux -L "$sock" send-keys -t agent q
sleep 0.5
check "tui agent: q quits" sh -c "! tmux -L '$sock' has-session -t agent 2>/dev/null"
wait "$rpid"
wait "$rpid2"
stop_engine
check "the acknowledgement is in the engine's event log" python3 -c "
import sqlite3, sys
db = sqlite3.connect('$tmp/rd2.db')
rows = [j for (j,) in db.execute(\"select json from events where type = 'ack'\")]
print(rows)
sys.exit(0 if len(rows) == 1 and '\"by\":\"sup-1\"' in rows[0] else 1)"

finish
