#!/bin/sh
# tests/cli/test_daemon.sh - rapportd end to end, from the outside, on loopback:
# a two-party call over ZeroMQ using only the documented protocol (sent by
# `rapport replay --to`, acting as a gateway), hostile messages in the middle of
# it, the expected cues/prompts/escalations/summary on the publisher, a snapshot,
# stats with the rejections counted, the event log, and a clean stop.
# usage: test_daemon.sh RAPPORTD RAPPORT SOURCE_ROOT
set -u
rapportd=$1
rapport=$2
root=$3
tmp=$(mktemp -d)
pid=""
lpid=""
cleanup() {
    [ -n "$lpid" ] && kill "$lpid" 2>/dev/null
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

# refuses to start without the explicit insecure flag, and non-loopback endpoints
"$rapportd" >/dev/null 2>"$tmp/err"
check "no transport flag: exit 2" test $? -eq 2
"$rapportd" --insecure-loopback --ingest tcp://0.0.0.0:7501 >/dev/null 2>"$tmp/err"
check "non-loopback endpoint refused" has "refuses the non-loopback endpoint" "$tmp/err"
printf '[cue.sarcasm]\nopen = lots\n' >"$tmp/bad.ini"
"$rapportd" --insecure-loopback --playbook "$tmp/bad.ini" --ingest 'tcp://127.0.0.1:*' \
    --publish 'tcp://127.0.0.1:*' --requests 'tcp://127.0.0.1:*' >/dev/null 2>"$tmp/err"
check "bad playbook: exit 1 naming the line" has "bad.ini:2:" "$tmp/err"

# the two-party test call
make_test_call "$tmp/call.wav"
printf '8.2\tcustomer\tI will get my lawyer on this, my card 4111 1111 1111 1111 cvv 737 was charged twice, write to jane.doe@example.com or call +1 415 555 0199\n' >"$tmp/call.events"

start_rapportd rd --workers 2 --stats-ms 200 --db "$tmp/events.db"
check "rapportd printed its endpoints" test -n "$ing" -a -n "$pub" -a -n "$req"

"$rapport" listen --from "$pub" --topic call/team-a/ --until summary --timeout-ms 30000 \
    --format json >"$tmp/pub.json" 2>"$tmp/listen.err" &
lpid=$!
sleep 0.5
# the call in real time, with every hostile corpus file sent in the middle of it
# (twice) and once after: the call must be unaffected and the rejections counted
"$rapport" replay --to "$ing" --realtime --call c-e2e --agent agent-7 --team team-a \
    --events "$tmp/call.events" "$tmp/call.wav" 2>/dev/null &
rpid=$!
sleep 3
"$rapport" send --to "$ing" --raw "$root"/fuzz/corpus/proto_decode/hostile-* 2>/dev/null
sleep 5
"$rapport" send --to "$ing" --raw "$root"/fuzz/corpus/proto_decode/hostile-* 2>/dev/null
"$rapport" send --to "$ing" "$root"/fuzz/corpus/proto_decode/hostile-nesting-33 2>/dev/null
wait "$rpid"
"$rapport" send --to "$ing" --raw "$root"/fuzz/corpus/proto_decode/hostile-* 2>/dev/null
wait "$lpid"
lpid=""
check "the call's summary arrived on the publisher" has '"type":"summary"' "$tmp/pub.json"
check "dead air cue published" has '"cue":"extended_silence","state":"open"' "$tmp/pub.json"
check "legal threat escalated at priority" has '"level":"priority","reason":"legal"' "$tmp/pub.json"
check "a prompt was published" has '"type":"prompt"' "$tmp/pub.json"
check "the quote is redacted" has '\[CARD\]' "$tmp/pub.json"
check "no card number, CVV, e-mail or phone anywhere on the wire" \
    test "$(grep -c -e '4111 1111' -e 'cvv 737' -e 'jane.doe@example.com' -e '555 0199' "$tmp/pub.json")" -eq 0
check "agent features carry no emotion" test "$(grep -c '"agent":{[^}]*\(arousal\|valence\|emotions\)' "$tmp/pub.json")" -eq 0
python3 - "$tmp/pub.json" >"$tmp/seq.out" <<'PY'
import json, sys
seqs = [json.loads(l)["seq"] for l in open(sys.argv[1])]
print("ok" if seqs == sorted(seqs) and len(set(seqs)) == len(seqs) else "bad", len(seqs))
PY
check "seq rises on the stream" has "^ok" "$tmp/seq.out"

"$rapport" snapshot --from "$req" >"$tmp/snap.json"
check "snapshot answered" has '"type":"snapshot"' "$tmp/snap.json"
"$rapport" stats --from "$pub" --format json >"$tmp/stats.json"
check "stats: hostile messages counted as malformed" python3 -c "
import json, sys
s = json.load(open('$tmp/stats.json'))
c = {k['name']: k['value'] for k in s['counters']}
sys.exit(0 if c['rejected.malformed'] >= 12 and c['frames_in'] >= 1900 else 1)"

kill -TERM "$pid"
wait "$pid"
rc=$?
pid=""
check "rapportd stops cleanly on SIGTERM" test "$rc" -eq 0
# The card is looked for as '4111 1111' / its digits, not '4111' alone: a timestamp or a
# latency in the events can hold those four digits (a rare failure under load).
check "event log and engine log: the call, its events, no PII, no agent emotion" python3 -c "
import sqlite3, sys
db = sqlite3.connect('$tmp/events.db')
calls = db.execute('select count(*) from calls where call=\"c-e2e\" and ended_us is not null').fetchone()[0]
types = dict(db.execute('select type, count(*) from events group by type').fetchall())
blob = ' '.join(r[0] for r in db.execute('select json from events'))
blob += open('$tmp/rd.err').read()
agent_emotion = [j for (j,) in db.execute('select json from events') if '\"agent\":{' in j and
                 any(k in j.split('\"agent\":{')[1].split('}')[0] for k in ('arousal', 'valence', 'emotions'))]
ok = (calls == 1 and types.get('summary') == 1 and types.get('escalation', 0) >= 1 and
      not any(p in blob for p in ('4111 1111', '4111111111111111', 'cvv 737',
                                  'jane.doe@example.com', '555 0199')) and
      not agent_emotion)
sys.exit(0 if ok else 1)"

# SIGHUP reloads the playbook; a broken file is refused and the old rules stay
printf '[cue.sarcasm]\nopen = 0.6\n' >"$tmp/pb.ini"
start_rapportd rd3 --playbook "$tmp/pb.ini" --stats-ms 200
printf '[cue.sarcasm]\nopen = plenty\n' >"$tmp/pb.ini"
kill -HUP "$pid"
sleep 0.5
printf '[cue.sarcasm]\nopen = 0.7\n' >"$tmp/pb.ini"
kill -HUP "$pid"
sleep 0.5
"$rapport" stats --from "$pub" --format json >"$tmp/stats3.json"
check "SIGHUP: a broken playbook is refused, a good one is loaded" python3 -c "
import json, sys
c = {k['name']: k['value'] for k in json.load(open('$tmp/stats3.json'))['counters']}
sys.exit(0 if c['playbook_reload_errors'] == 1 and c['playbook_reloads'] == 1 else 1)"
check "SIGHUP: the refusal names the line" has "pb.ini:2:" "$tmp/rd3.err"
kill -TERM "$pid"
wait "$pid"
pid=""

# kill -9: every event committed before the kill is in the log, and the log is sound
rm -f "$tmp/events.db"*
start_rapportd rd2 --workers 2 --db "$tmp/events.db"
"$rapport" listen --from "$pub" --topic call/ --until summary --timeout-ms 30000 --format json \
    >"$tmp/pub2.json" 2>/dev/null &
lpid=$!
sleep 0.5
"$rapport" replay --to "$ing" --call c-kill --agent agent-7 --team team-a \
    --events "$tmp/call.events" "$tmp/call.wav" 2>/dev/null
wait "$lpid"
lpid=""
sleep 0.5 # more than the 100 ms commit interval
kill -KILL "$pid"
wait "$pid" 2>/dev/null
pid=""
check "after kill -9 the log holds every published cue, prompt, escalation and the summary" \
    python3 -c "
import json, sqlite3, sys
want = {}
for line in open('$tmp/pub2.json'):
    t = json.loads(line)['type']
    if t in ('cue', 'prompt', 'escalation', 'summary'):
        want[t] = want.get(t, 0) + 1
db = sqlite3.connect('$tmp/events.db')
ok = db.execute('pragma integrity_check').fetchone()[0] == 'ok'
got = dict(db.execute('select type, count(*) from events group by type').fetchall())
sys.exit(0 if ok and want and all(got.get(k) == v for k, v in want.items()) else 1)"

# --realtime: a bad priority is a usage error. Granted (root or CAP_SYS_NICE), every
# thread of rapportd runs SCHED_FIFO at that priority and stats say so; refused, it
# warns and runs with normal scheduling (stats say 0).
"$rapportd" --insecure-loopback --realtime 0 >/dev/null 2>"$tmp/err"
check "--realtime 0: exit 2" test $? -eq 2
# refused_check NAME: rapportd NAME warned and runs with normal scheduling.
refused_check() {
    "$rapport" stats --from "$pub" --format json >"$tmp/stats-$1.json"
    check "--realtime refused: a warning, normal scheduling, stats say 0" python3 -c "
import json, sys
c = {k['name']: k['value'] for k in json.load(open('$tmp/stats-$1.json'))['counters']}
sys.exit(0 if 'refused' in open('$tmp/$1.err').read() and c['sched_fifo_priority'] == 0 else 1)"
    kill -TERM "$pid"
    wait "$pid"
    pid=""
}
start_rapportd rt --realtime 7 --workers 2 --stats-ms 200
if grep -q "SCHED_FIFO priority 7" "$tmp/rt.err"; then
    "$rapport" stats --from "$pub" --format json >"$tmp/stats-rt.json"
    check "--realtime granted: every thread SCHED_FIFO 7, and stats say 7" python3 -c "
import glob, json, sys
c = {k['name']: k['value'] for k in json.load(open('$tmp/stats-rt.json'))['counters']}
# /proc/PID/task/TID/stat: fields 40 rt_priority and 41 policy (1 = SCHED_FIFO), counted
# from 1; after the ')' closing the name the split starts at field 3
tasks = [open(t).read().rsplit(')', 1)[1].split() for t in glob.glob('/proc/$pid/task/*/stat')]
ok = len(tasks) >= 4 and all(t[37] == '7' and t[38] == '1' for t in tasks)
sys.exit(0 if ok and c['sched_fifo_priority'] == 7 else 1)"
    kill -TERM "$pid"
    wait "$pid"
    pid=""
    # the same without CAP_SYS_NICE (and no rtprio limit): refused
    if command -v setpriv >/dev/null && [ "$(ulimit -r)" = 0 ]; then
        setpriv --bounding-set=-sys_nice "$rapportd" --insecure-loopback --realtime 7 \
            --ingest 'tcp://127.0.0.1:*' --publish 'tcp://127.0.0.1:*' \
            --requests 'tcp://127.0.0.1:*' --stats-ms 200 >"$tmp/rt2.out" 2>"$tmp/rt2.err" &
        pid=$!
        sleep 1
        pub=$(sed -n 's/.*publish=\([^ ]*\).*/\1/p' "$tmp/rt2.out")
        refused_check rt2
    fi
else
    refused_check rt
fi

finish
