#!/bin/sh
# tests/nlp/cli_text.sh - `rapport text`: order, header, formats, exit codes,
# over-long lines flagged and consumed, invalid UTF-8 never reaching JSON raw,
# the sensitive-topic columns, --explain, a row out while stdin stays open,
# names redacted.
set -u
rapport=$1
fail() { echo "FAIL: $*"; exit 1; }

out=$(printf 'Oh great, thanks a lot.\nI want to speak to your manager NOW!!!\n\nlast' | "$rapport" text) ||
    fail "exit status $?"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 5 ] || fail "expected header + 4 rows"
printf '%s\n' "$out" | head -1 | grep -q '^valence	anger	annoyance	anxiety	confusion	sadness	gratitude	joy	complaint	escalation	escalation_type	sarcasm	empathy	tone_deaf	pii	truncated	sensitive	sensitive_topic	pause_request	human_senior	redacted$' ||
    fail "header"
printf '%s\n' "$out" | sed -n 3p | grep -q '	human_request	' || fail "row order / escalation type"

topics=$(printf 'My husband passed away last month\nthe funeral scene in the movie was great\n' | "$rapport" text | cut -f18 | tr '\n' ' ')
[ "$topics" = "sensitive_topic bereavement none " ] || fail "sensitive_topic column: '$topics'"
printf 'I was charged twice\n' | "$rapport" text --format json | grep -q '"sensitive":0\.[5-9][0-9]*,"sensitive_topic":"billing_dispute"' ||
    fail "sensitive in json"

json=$(printf 'I understand how frustrating this must be.\n' | "$rapport" text --role agent --format json)
printf "%s\n" "$json" | grep -q '"empathy":0\.[5-9]' || fail "agent empathy in json: $json"

# what an agent and a customer write first and last: names greeted and addressed are redacted
names=$(printf 'Hi Priya, thanks for waiting\nok thanks Sarah\nSorry for the wait, John.\nHi Team\n' |
    "$rapport" text --role agent | cut -f15,21 | tail -4 | tr '\n' '|')
[ "$names" = "1	Hi [NAME], thanks for waiting|1	ok thanks [NAME]|1	Sorry for the wait, [NAME].|0	Hi Team|" ] ||
    fail "names in the redacted column: '$names'"
# ... and named after a word for the person
kin=$(printf 'my husband David is the account holder\nan agent called Mike said so\nmy Brother printer\n' |
    "$rapport" text | cut -f15,21 | tail -3 | tr '\n' '|')
[ "$kin" = "1	my husband [NAME] is the account holder|1	an agent called [NAME] said so|0	my Brother printer|" ] ||
    fail "names after a person's word in the redacted column: '$kin'"

long=$( (head -c 5000 /dev/zero | tr '\0' 'a'; printf '\nok\n') | "$rapport" text --max-bytes 100 | cut -f16 | tail -2 | tr '\n' ' ')
[ "$long" = "1 0 " ] || fail "truncation flag: '$long'"

bad=$(printf 'caf\303 \377 "q" \\\n' | "$rapport" text --format json)
printf "%s\n" "$bad" | grep -q 'caf\\ufffd \\ufffd \\"q\\" \\\\' || fail "json escaping: $bad"

ex=$(printf 'I want to speak to your manager NOW!!!\nmy password is love\n' | "$rapport" text --explain)
printf '%s\n' "$ex" | head -1 | grep -q '	redacted	explain$' || fail "--explain header"
printf '%s\n' "$ex" | sed -n 2p | grep -q '	.*your manager(.*human_request .* | rules: verb and object$' ||
    fail "--explain row: $ex"
printf '%s\n' "$ex" | sed -n 3p | grep -q '	$' || fail "--explain shows a secret: $ex"
printf 'thanks for nothing\n' | "$rapport" text --format json --explain |
    grep -q '"explain":"[^"]*rules: mocking phrase"}$' || fail "--explain in json"

# a row comes out as soon as its line is read, while stdin stays open (a live
# chat feed through a pipe; the reader waited for 64 KiB or the end before)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
mkfifo "$dir/in"
: >"$dir/out" # there before the reader opens it: opening the FIFO waits for a writer
"$rapport" text >"$dir/out" <"$dir/in" &
pid=$!
exec 3>"$dir/in"
printf 'I was charged twice\n' >&3
i=0
while [ "$(wc -l <"$dir/out")" -lt 2 ] && [ $i -lt 100 ]; do
    sleep 0.1
    i=$((i + 1))
done
rows=$(wc -l <"$dir/out")
exec 3>&-
wait $pid || fail "live stdin: exit status $?"
[ "$rows" -ge 2 ] || fail "no row while stdin stays open (after 10 s)"
grep -q 'billing_dispute' "$dir/out" || fail "live stdin row: $(cat "$dir/out")"

"$rapport" text --role boss </dev/null >/dev/null 2>&1
[ $? -eq 2 ] || fail "bad --role must exit 2"
"$rapport" text --format csv </dev/null >/dev/null 2>&1
[ $? -eq 2 ] || fail "csv must exit 2"
"$rapport" text --help | grep -q '^usage: rapport text' || fail "--help"
echo "cli_text: ok"
