#!/bin/sh
# tests/cli/privacy.sh - the data-protection guarantees of docs/privacy.md, from the
# outside, with rapportd on loopback:
#   - agent channel: a full voice call with consent on; no emotion, arousal, pitch_rel,
#     loudness_rel, valence or emotions field under any `agent` object or in any
#     agent-party record, on the wire or in the event log;
#   - redaction: card numbers (Luhn-valid, with spaces, dashes, none), CVV phrases,
#     e-mails and phone numbers in transcript lines, chat messages and partial
#     transcripts leave 0 copies on the wire, in the event log (file bytes and an
#     SQL dump) and in rapportd's log;
#   - access and erasure: rapport export prints one customer's calls and events;
#     rapport erase (rapportd running, with another call streaming in, then rapportd
#     stopped) leaves 0 bytes of the customer's id, call ids and quotes in the
#     database, -wal and -shm files, keeps the other customers', and writes
#     counts-only audit rows;
#   - retention: with [retention] days = 0 the purge timer empties the log and
#     records each purge in the audit table.
# usage: privacy.sh RAPPORTD RAPPORT
set -u
rapportd=$1
rapport=$2
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

# msg OUT JSON...: each JSON message as a length-prefixed msgpack frame (the input
# of rapport send), with a small encoder (maps, arrays, str, int, bool, float).
msg() {
    out=$1
    shift
    python3 - "$out" "$@" <<'PY'
import json, struct, sys
def enc(v):
    if isinstance(v, bool):
        return b'\xc3' if v else b'\xc2'
    if isinstance(v, int):
        if 0 <= v < 128: return bytes([v])
        if v >= 0: return b'\xcf' + struct.pack('>Q', v)
        return b'\xd3' + struct.pack('>q', v)
    if isinstance(v, float):
        return b'\xcb' + struct.pack('>d', v)
    if isinstance(v, str):
        b = v.encode()
        if len(b) < 32: return bytes([0xa0 | len(b)]) + b
        return b'\xda' + struct.pack('>H', len(b)) + b
    if isinstance(v, list):
        return bytes([0x90 | len(v)]) + b''.join(enc(x) for x in v)
    if isinstance(v, dict):
        return bytes([0x80 | len(v)]) + b''.join(enc(k) + enc(x) for k, x in v.items())
    raise ValueError(v)
with open(sys.argv[1], 'wb') as f:
    for m in sys.argv[2:]:
        b = enc(json.loads(m))
        f.write(struct.pack('>I', len(b)) + b)
PY
}

# The seeded personal data: every value here must appear 0 times anywhere.
cat >"$tmp/seeded.txt" <<'EOF'
4111 1111 1111 1111
4111111111111111
5500-0000-0000-0004
5500000000000004
378282246310005
4012 8888 8888 1881
code is 737
cvv 4821
CVC: 552
jane.doe@example.com
j.smith+billing@mail.example.org
+1 415 555 0199
(415) 555-0123
07700 900123
five five double oh, oh oh oh oh
oh oh oh four
six one nine
EOF
# scan NAME FILE...: counts every seeded value (and the bare CVVs, as whole numbers)
# in the files' bytes; prints "NAME: value xN" for each hit, nothing when clean.
scan() {
    name=$1
    shift
    python3 - "$tmp/seeded.txt" "$name" "$@" <<'PY'
import os, re, sys
values = [l.rstrip('\n') for l in open(sys.argv[1]) if l.strip()]
pats = [re.escape(v.encode()) for v in values]
pats += [rb'(?<![0-9.])' + n + rb'(?![0-9])' for n in (b'737', b'4821', b'552')]
for path in sys.argv[3:]:
    if not os.path.exists(path):
        continue
    data = open(path, 'rb').read()
    for p in pats:
        n = len(re.findall(p, data))
        if n:
            print('%s: %s: %r x%d' % (sys.argv[2], os.path.basename(path), p, n))
PY
}

make_test_call "$tmp/call.wav"
# customer A, voice: transcript lines with personal data and a distinctive quote
cat >"$tmp/a.events" <<'EOF'
4.7	agent	Thanks for calling, can I take the card number?
5.0	customer	Sure, it is 4111 1111 1111 1111 and the security code is 737.
6.0	customer	I will get my lawyer on this zebra crossing charge, card 5500-0000-0000-0004 cvv 4821, mail jane.doe@example.com or call +1 415 555 0199
7.5	customer	My other card 378282246310005 CVC: 552, phone (415) 555-0123
7.8	customer	or the long number is five five double oh, oh oh oh oh, oh oh oh oh, oh oh oh four and the code is six one nine
EOF
t0=1767225600000000 # call time 0 of rapport replay
# chat and partial-transcript messages for call A, sent by `rapport send` during the call
msg "$tmp/a-extra.bin" \
    "{\"v\":1,\"type\":\"text\",\"call\":\"call-A-7731\",\"speaker\":\"customer\",\"text\":\"partial: my card is 4012 8888 8888 1881\",\"ts_us\":$((t0 + 6500000)),\"final\":false,\"source\":\"transcript\",\"msg_id\":9}" \
    "{\"v\":1,\"type\":\"text\",\"call\":\"call-A-7731\",\"speaker\":\"customer\",\"text\":\"I want to cancel this zebra crossing mess now, write to j.smith+billing@mail.example.org or 07700 900123\",\"ts_us\":$((t0 + 6600000)),\"final\":true,\"source\":\"chat\"}"
# customer B, chat: a distinctive quote that must survive A's erasure
msg "$tmp/b.bin" \
    "{\"v\":1,\"type\":\"call_start\",\"call\":\"call-B-5520\",\"agent\":\"agent-9\",\"team\":\"team-p\",\"customer\":\"cust-B-walrus\",\"medium\":\"chat\",\"consent\":{\"voice_emotion\":false,\"text_emotion\":true},\"ts_us\":$t0}" \
    "{\"v\":1,\"type\":\"text\",\"call\":\"call-B-5520\",\"speaker\":\"customer\",\"text\":\"I want to speak to your manager about the walrus harbour invoice\",\"ts_us\":$((t0 + 2000000)),\"final\":true}" \
    "{\"v\":1,\"type\":\"call_end\",\"call\":\"call-B-5520\",\"ts_us\":$((t0 + 4000000))}"

start_rapportd rd --workers 2 --db "$tmp/events.db"
check "rapportd printed its endpoints" test -n "$ing" -a -n "$pub"
"$rapport" listen --from "$pub" --topic call/ --timeout-ms 4000 --format json \
    >"$tmp/pub.json" 2>"$tmp/listen.err" &
lpid=$!
sleep 0.5
"$rapport" replay --to "$ing" --realtime --consent --call call-A-7731 --agent agent-7 \
    --team team-p --customer cust-A-zebra --events "$tmp/a.events" "$tmp/call.wav" 2>/dev/null &
rpid=$!
sleep 3
"$rapport" send --to "$ing" "$tmp/a-extra.bin"
"$rapport" send --to "$ing" "$tmp/b.bin"
wait "$rpid"
wait "$lpid"
lpid=""
sleep 0.3 # the 100 ms commit
check "both calls' summaries were published" \
    test "$(grep -c '"type":"summary"' "$tmp/pub.json")" -eq 2
check "the quotes were redacted, not dropped" has '\[CARD\]' "$tmp/pub.json"
check "the legal escalation carries A's quote" has 'zebra crossing' "$tmp/pub.json"

# -- agent channel guard (the stream and the whole event log) --
python3 - "$tmp/pub.json" "$tmp/events.db" >"$tmp/agent.out" <<'PY'
import json, re, sqlite3, sys
bad = re.compile(r'emotion|arousal|pitch_rel|loudness_rel|valence')
def names(v):
    """every key, and every evidence/metric name, inside v"""
    if isinstance(v, dict):
        for k, x in v.items():
            yield k
            if k == 'name' and isinstance(x, str):
                yield x
            yield from names(x)
    elif isinstance(v, list):
        for x in v:
            yield from names(x)
def agent_hits(m):
    hits = []
    def walk(v):
        if isinstance(v, dict):
            for k, x in v.items():
                if k == 'agent' and isinstance(x, (dict, list)):
                    hits.extend(n for n in names(x) if bad.search(n))
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    walk(m)
    if m.get('party') == 'agent' or m.get('speaker') == 'agent':
        hits.extend(n for n in names(m) if bad.search(n))
    return hits
# the scan itself: it must see a field under agent and an agent record's evidence
assert agent_hits({'type': 'features', 'agent': {'speaking': True, 'arousal': 0.5}})
assert agent_hits({'type': 'cue', 'party': 'agent', 'evidence': [{'name': 'pitch_rel_st'}]})
assert not agent_hits({'type': 'features', 'customer': {'emotions': {}}})
msgs = [json.loads(l) for l in open(sys.argv[1])]
db = sqlite3.connect(sys.argv[2])
logged = [json.loads(j) for (j,) in db.execute('select json from events')]
hits = [h for m in msgs + logged for h in agent_hits(m)]
feats = [m for m in msgs if m['type'] == 'features']
# the control: the same scan finds such fields under `customer` (consent is on)
cust_emotion = sum(any(bad.search(n) for n in names(m.get('customer', {}))) for m in feats)
agent_cues = sum(m.get('party') == 'agent' for m in msgs + logged)
print('hits', len(hits), sorted(set(hits)))
print('features', len(feats), 'customer_emotion', cust_emotion, 'agent_records', agent_cues,
      'logged', len(logged))
PY
sed 's/^/# /' "$tmp/agent.out"
check "agent channel: 0 emotion fields under agent objects or in agent records" \
    has "^hits 0 " "$tmp/agent.out"
check "agent channel: the scan saw customer emotion fields and agent-party records" \
    python3 -c "
import re, sys
f = dict(zip(*[iter(open('$tmp/agent.out').read().split('\n')[1].split())] * 2))
sys.exit(0 if int(f['features']) > 10 and int(f['customer_emotion']) > 0 and
         int(f['agent_records']) > 0 and int(f['logged']) > 5 else 1)"

# -- redaction: wire, event log (bytes and SQL dump), rapportd's log --
python3 -c "
import sqlite3
db = sqlite3.connect('file:$tmp/events.db?mode=ro', uri=True)
open('$tmp/dump.sql', 'w').write('\n'.join(db.iterdump()))"
scan redaction "$tmp/pub.json" "$tmp/events.db" "$tmp/events.db-wal" "$tmp/events.db-shm" \
    "$tmp/dump.sql" "$tmp/rd.err" "$tmp/rd.out" >"$tmp/redaction.out"
check "redaction: 0 seeded card/CVV/e-mail/phone values anywhere" test ! -s "$tmp/redaction.out"
[ -s "$tmp/redaction.out" ] && cat "$tmp/redaction.out"
echo 'x 4111111111111111 y and the code is 737.' >"$tmp/leak.txt"
scan probe "$tmp/leak.txt" >"$tmp/probe.out"
check "redaction: the scanner finds seeded values when they are there" \
    test "$(wc -l <"$tmp/probe.out")" -eq 3
"$rapport" stats --from "$pub" --format json >"$tmp/stats.json"
check "redaction: the partial transcript was refused and counted" python3 -c "
import json, sys
c = {k['name']: k['value'] for k in json.load(open('$tmp/stats.json'))['counters']}
sys.exit(0 if c['rejected.partial_transcript'] == 1 and c['eventlog_errors'] == 0 else 1)"

# -- access request (rapportd running) --
"$rapport" export --db "$tmp/events.db" --customer cust-A-zebra --format json \
    >"$tmp/export-a.json" 2>"$tmp/export.err"
check "export: exit 0" test $? -eq 0
check "export: A's call and its events as JSON lines, nothing of B" python3 -c "
import json, sys
rows = [json.loads(l) for l in open('$tmp/export-a.json')]
calls = [r for r in rows if r['record'] == 'call']
events = [r for r in rows if r['record'] == 'event']
ok = (len(calls) == 1 and calls[0]['call'] == 'call-A-7731' and
      calls[0]['customer'] == 'cust-A-zebra' and calls[0]['purge_after'] > 0 and
      len(events) >= 3 and all(e['call'] == 'call-A-7731' for e in events) and
      any(e['type'] == 'escalation' and 'zebra' in e['message'].get('quote', '')
          for e in events) and
      any(e['type'] == 'summary' for e in events) and
      'walrus' not in open('$tmp/export-a.json').read())
sys.exit(0 if ok else 1)"
check "export: counts on stderr" has "1 calls" "$tmp/export.err"
"$rapport" export --db "$tmp/events.db" --customer 'bad id' >/dev/null 2>"$tmp/err"
check "export: a bad id is a usage error" test $? -eq 2
"$rapport" export --db "$tmp/nope.db" --customer x >/dev/null 2>"$tmp/err"
check "export: a missing database is named" has "nope.db: No such file" "$tmp/err"

# -- erasure while rapportd runs --
printf '6.0\tcustomer\tI will get my lawyer about the heron pond fee\n' >"$tmp/c.events"
# a third customer's call streams in (as fast as it can be sent) while the erasure runs
"$rapport" replay --to "$ing" --consent --call call-C-3 --agent agent-7 --team team-p \
    --customer cust-C-heron --events "$tmp/c.events" "$tmp/call.wav" >/dev/null 2>&1 &
rpid=$!
sleep 0.2
"$rapport" erase --db "$tmp/events.db" --customer cust-A-zebra >"$tmp/erase.out" 2>"$tmp/erase.err"
check "erase (rapportd running): exit 0" test $? -eq 0
wait "$rpid"
sleep 1 # the engine catches up with the replay
check "erase: prints what it removed" has "^erased 1 calls and [1-9][0-9]* events" "$tmp/erase.out"
# count_bytes NEEDLE: occurrences of NEEDLE in the database, -wal and -shm files
count_bytes() {
    python3 -c "
import os, sys
n = 0
for s in ('', '-wal', '-shm'):
    p = '$tmp/events.db' + s
    if os.path.exists(p):
        n += open(p, 'rb').read().count(sys.argv[1].encode())
print(n)" "$1"
}
for needle in cust-A-zebra call-A-7731 'zebra crossing'; do
    check "erase: 0 bytes of '$needle' in the database, -wal and -shm" \
        test "$(count_bytes "$needle")" -eq 0
done
check "erase: B's id, call and quote remain" \
    test "$(count_bytes cust-B-walrus)" -gt 0 -a "$(count_bytes call-B-5520)" -gt 0 \
    -a "$(count_bytes 'walrus harbour')" -gt 0
"$rapport" export --db "$tmp/events.db" --customer cust-A-zebra >"$tmp/export-a2.json" 2>/dev/null
check "erase: a new export of A finds nothing" test ! -s "$tmp/export-a2.json"
check "erase: the audit row holds counts, no id" python3 -c "
import sqlite3, sys
db = sqlite3.connect('$tmp/events.db')
rows = db.execute(\"select * from audit where action = 'erase'\").fetchall()
sys.exit(0 if len(rows) == 1 and rows[0][3] == 1 and rows[0][4] > 0 and
         not any('cust' in str(v) or 'call' in str(v) for v in rows[0]) else 1)"
# rapportd still logs after the erasure: a short call for B
msg "$tmp/b2.bin" \
    "{\"v\":1,\"type\":\"call_start\",\"call\":\"call-B-5521\",\"agent\":\"agent-9\",\"team\":\"team-p\",\"customer\":\"cust-B-walrus\",\"medium\":\"chat\",\"consent\":{\"voice_emotion\":false,\"text_emotion\":false},\"ts_us\":$t0}" \
    "{\"v\":1,\"type\":\"call_end\",\"call\":\"call-B-5521\",\"ts_us\":$((t0 + 1000000))}"
"$rapport" send --to "$ing" "$tmp/b2.bin"
sleep 0.5
"$rapport" stats --from "$pub" --format json >"$tmp/stats2.json"
kill -TERM "$pid"
wait "$pid"
rc=$?
pid=""
check "rapportd logged a call during and one after the erasure, without errors; clean stop" \
    python3 -c "
import json, sqlite3, sys
db = sqlite3.connect('$tmp/events.db')
n = db.execute(\"select count(*) from calls where call = 'call-B-5521'\").fetchone()[0]
c3 = db.execute(\"select count(*) from events where call = 'call-C-3' and type = 'summary'\").fetchone()[0]
c = {k['name']: k['value'] for k in json.load(open('$tmp/stats2.json'))['counters']}
sys.exit(0 if n == 1 and c3 == 1 and c['eventlog_errors'] == 0 and $rc == 0 else 1)"
for needle in cust-A-zebra call-A-7731 'zebra crossing'; do
    check "after rapportd stopped: still 0 bytes of '$needle'" test "$(count_bytes "$needle")" -eq 0
done

# -- erasure with rapportd stopped --
"$rapport" erase --db "$tmp/events.db" --customer cust-B-walrus >"$tmp/erase2.out" 2>&1
check "erase (rapportd stopped): B's 2 calls" has "^erased 2 calls and [1-9][0-9]* events" \
    "$tmp/erase2.out"
for needle in cust-B-walrus call-B-5520 call-B-5521 'walrus harbour'; do
    check "erase: 0 bytes of '$needle'" test "$(count_bytes "$needle")" -eq 0
done
check "erase: two audit rows, the database is sound" python3 -c "
import sqlite3, sys
db = sqlite3.connect('$tmp/events.db')
ok = db.execute('pragma integrity_check').fetchone()[0] == 'ok'
n = db.execute(\"select count(*) from audit where action = 'erase'\").fetchone()[0]
sys.exit(0 if ok and n == 2 else 1)"
"$rapport" erase --db "$tmp/events.db" --customer 'x y' >/dev/null 2>"$tmp/err"
check "erase: a bad id is a usage error" test $? -eq 2
"$rapport" erase --db "$tmp/events.db" >/dev/null 2>"$tmp/err"
check "erase: --customer is required" has "are required" "$tmp/err"

# -- retention: 0 days, a purge every 200 ms --
printf '[retention]\ndays = 0\n' >"$tmp/pb0.ini"
rm -f "$tmp/ret.db"*
start_rapportd rd0 --playbook "$tmp/pb0.ini" --db "$tmp/ret.db" --purge-interval-ms 200
"$rapport" send --to "$ing" "$tmp/b.bin"
sleep 1.5
kill -TERM "$pid"
wait "$pid"
pid=""
check "retention: the purge emptied calls and events and audited it" python3 -c "
import sqlite3, sys
db = sqlite3.connect('$tmp/ret.db')
calls = db.execute('select count(*) from calls').fetchone()[0]
events = db.execute('select count(*) from events').fetchone()[0]
purged = db.execute(\"select sum(calls), sum(events) from audit where action = 'purge'\").fetchone()
sys.exit(0 if calls == 0 and events == 0 and purged[0] == 1 and purged[1] >= 1 else 1)"
check "retention: rapportd logged the purge (counts only)" has "purged 1 calls" "$tmp/rd0.err"
check "retention: no id in rapportd's purge log line" \
    test "$(grep purged "$tmp/rd0.err" | grep -c -e call-B -e cust-B)" -eq 0
"$rapportd" --help >"$tmp/help.txt"
check "rapportd --help documents --purge-interval-ms" has "purge-interval-ms" "$tmp/help.txt"
"$rapportd" --insecure-loopback --purge-interval-ms soon >/dev/null 2>"$tmp/err"
check "a bad --purge-interval-ms is a usage error" test $? -eq 2
"$rapport" --help >"$tmp/help.txt"
check "rapport --help lists erase and export" sh -c "grep -q '^  erase ' '$tmp/help.txt' && grep -q '^  export ' '$tmp/help.txt'"

finish
