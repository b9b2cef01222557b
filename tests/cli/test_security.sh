#!/bin/sh
# tests/cli/test_security.sh - rapportd with CURVE from the outside: it refuses to
# start when misconfigured, each with a clear message; with keys from `rapport
# keygen`, a gateway's call reaches the consoles it may reach and no others: an
# agent key sees only its own calls whatever it subscribes to, a supervisor key its
# team, an unknown key and a plain-text client nothing; a client refuses its own
# unsafe secret key.
# usage: test_security.sh RAPPORTD RAPPORT
set -u
rapportd=$1
rapport=$2
tmp=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    wait 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
. "$(dirname "$0")/lib.sh"

umask 022
mkdir "$tmp/keys" "$tmp/allowed"
for who in engine gw a7 a8 sup1 stranger; do
    "$rapport" keygen --name "$who" "$tmp/keys/$who.key" >"$tmp/keys/$who.pub" || exit 1
done
for who in gw a7 a8 sup1; do
    cp "$tmp/keys/$who.key" "$tmp/allowed/"
done
cat >"$tmp/roles.ini" <<INI
# who may do what (docs/operations.md, Security)
[gw]
key = $(cat "$tmp/keys/gw.pub")
role = gateway
[a7]
key = $(cat "$tmp/keys/a7.pub")
role = agent
agent = agent-7
team = team-a
[a8]
key = $(cat "$tmp/keys/a8.pub")
role = agent
agent = agent-8
team = team-a
[sup1]
key = $(cat "$tmp/keys/sup1.pub")
role = supervisor
team = team-a
INI
secure="--curve-key $tmp/keys/engine.key --allowed-keys $tmp/allowed --roles $tmp/roles.ini"

# ---- refusals ----
"$rapportd" >/dev/null 2>"$tmp/err"
check "no security options: exit 2" test $? -eq 2
check "... says CURVE needs an authenticator" has "CURVE needs --curve-key, --allowed-keys and --roles" "$tmp/err"
"$rapportd" --curve-key "$tmp/keys/engine.key" >/dev/null 2>"$tmp/err"
check "CURVE without an authenticator: exit 2" test $? -eq 2
# shellcheck disable=SC2086 # $secure is a list of options
"$rapportd" --insecure-loopback $secure >/dev/null 2>"$tmp/err"
check "--insecure-loopback with CURVE options: exit 2" test $? -eq 2
chmod 644 "$tmp/keys/engine.key_secret"
# shellcheck disable=SC2086
"$rapportd" $secure --ingest tcp://127.0.0.1:0 >/dev/null 2>"$tmp/err"
check "a world-readable secret key: exit 1" test $? -eq 1
check "... says why and how to fix it" has "must not be group- or world-accessible.*chmod 600" "$tmp/err"
chmod 600 "$tmp/keys/engine.key_secret"
printf 'curve\n    public-key = "garbage"\n' >"$tmp/allowed/broken.key"
# shellcheck disable=SC2086
"$rapportd" $secure >/dev/null 2>"$tmp/err"
check "a malformed key in the allowed directory: exit 1" test $? -eq 1
check "... names the file" has "broken.key: malformed public key" "$tmp/err"
rm "$tmp/allowed/broken.key"
cp "$tmp/roles.ini" "$tmp/roles-bad.ini"
printf '[x]\nkey = %s\nrole = superuser\n' "$(cat "$tmp/keys/stranger.pub")" >>"$tmp/roles-bad.ini"
"$rapportd" --curve-key "$tmp/keys/engine.key" --allowed-keys "$tmp/allowed" \
    --roles "$tmp/roles-bad.ini" >/dev/null 2>"$tmp/err"
check "an unknown role: exit 1 naming the line" has "roles-bad.ini:[0-9]*: role: 'superuser'" "$tmp/err"

# ---- a secure engine and its clients ----
# shellcheck disable=SC2086
start_rapportd sec $secure
check "secure rapportd printed its endpoints" test -n "$ing" -a -n "$pub" -a -n "$req"
check "... and says CURVE is on" has "CURVE on every socket" "$tmp/sec.err"
skey="--server-key $tmp/keys/engine.key"
listen() { # listen NAME KEY|- [--topic T]: rapport listen in the background
    name=$1
    key=$2
    shift 2
    if [ "$key" = - ]; then
        "$rapport" listen --from "$pub" --format json --timeout-ms 4000 "$@" \
            >"$tmp/$name.out" 2>"$tmp/$name.err" &
    else
        # shellcheck disable=SC2086 # $skey is two words
        "$rapport" listen --from "$pub" --format json --timeout-ms 4000 \
            --key "$tmp/keys/$key.key" $skey "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    fi
}
# (--topic call/: engine/stats would keep a listener from ever timing out)
listen a7 a7 --topic call/
p1=$!
listen a7_asks_a8 a7 --topic call/team-a/agent-8/
p2=$!
listen sup1 sup1 --topic call/
p3=$!
listen stranger stranger
p4=$!
listen plain -
p5=$!
sleep 1
make_test_call "$tmp/call.wav"
printf '8.2\tcustomer\tI want to speak to your manager right now.\n' >"$tmp/call.events"
for agent in agent-7 agent-8; do
    # shellcheck disable=SC2086
    "$rapport" replay --to "$ing" --key "$tmp/keys/gw.key" $skey --call "c-$agent" \
        --agent "$agent" --team team-a --events "$tmp/call.events" "$tmp/call.wav" \
        >/dev/null 2>"$tmp/replay-$agent.err"
    check "the gateway's replay of $agent's call: exit 0" test $? -eq 0
done
# a console with its own key, opened after the calls ended: it connects and syncs
# shellcheck disable=SC2086
"$rapport" console --agent agent-7 --from "$pub" --requests "$req" --plain \
    --key "$tmp/keys/a7.key" $skey >"$tmp/console.out" 2>"$tmp/console.err" &
cpid=$!
sleep 2
kill -INT "$cpid"
wait "$cpid"
check "an agent console with its key gets its snapshot" has "SNAPSHOT" "$tmp/console.out"
wait "$p1" "$p2" "$p3" "$p4" "$p5"
check "agent-7's key: its own call's summary" has '"call":"c-agent-7"' "$tmp/a7.out"
check "agent-7's key: nothing of agent-8's call" sh -c "! grep -q c-agent-8 '$tmp/a7.out'"
check "agent-7's key asking for agent-8's topics: nothing" test ! -s "$tmp/a7_asks_a8.out"
check "supervisor's key: agent-7's call" has '"call":"c-agent-7"' "$tmp/sup1.out"
check "supervisor's key: agent-8's call" has '"call":"c-agent-8"' "$tmp/sup1.out"
check "an unknown key: nothing" test ! -s "$tmp/stranger.out"
check "a plain-text client: nothing" test ! -s "$tmp/plain.out"
"$rapport" stats --from "$pub" --key "$tmp/keys/sup1.key" --server-key "$tmp/keys/engine.key" \
    --format json >"$tmp/stats.json"
check "the engine counted refused handshakes" sh -c "grep -o '\"auth.refused\",\"value\":[0-9]*' '$tmp/stats.json' | grep -vq ':0$'"

# a client's own secret key must be private too
chmod 640 "$tmp/keys/a7.key_secret"
# shellcheck disable=SC2086
"$rapport" listen --from "$pub" --key "$tmp/keys/a7.key" $skey --timeout-ms 100 \
    >/dev/null 2>"$tmp/err"
check "a client with a group-readable secret: exit 1" test $? -eq 1
check "... saying why" has "group- or world-accessible" "$tmp/err"
"$rapport" listen --from "$pub" --key "$tmp/keys/a7.key" --timeout-ms 100 >/dev/null 2>"$tmp/err"
check "--key without --server-key: refused" has "both --key" "$tmp/err"
kill -TERM "$pid"
wait "$pid"
check "rapportd stops cleanly" test $? -eq 0
pid=""
finish
