#!/bin/sh
# bench/nlp/dev_eval.sh - F1 of rapport's complaint, sarcasm and escalation
# (>= 0.5), and of an agent's empathy and tone_deaf, on the development sets
# in bench/nlp/dev (see its README.md).
# usage: bench/nlp/dev_eval.sh [RAPPORT_BINARY]   (default build/cli/rapport)
set -eu
rapport=${1:-build/cli/rapport}
dir=$(dirname "$0")/dev
if [ ! -x "$rapport" ]; then
    echo "dev_eval.sh: $rapport is not an executable (build first: ninja -C build)" >&2
    exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
header=$(echo x | "$rapport" text --format tsv | head -1)
for pair in "complaints_dev.tsv complaint" "complaints2_dev.tsv complaint" "sarcasm_dev.tsv sarcasm" \
    "support_dev.tsv escalation" "heldout_complaints.tsv complaint"; do
    set -- $pair
    col=$(echo "$header" | tr '\t' '\n' | grep -n -x "$2" | cut -d: -f1)
    tail -n +2 "$dir/$1" | cut -f1 > "$tmp/labels"
    tail -n +2 "$dir/$1" | cut -f2 | "$rapport" text --format tsv | tail -n +2 > "$tmp/out"
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v col="$col" -v name="$1 $2" '
            { y = ($1 == "1"); p = ($(col + 1) >= 0.5); tp += y && p; fp += p && !y; fn += y && !p }
            END { P = (tp + fp > 0) ? tp / (tp + fp) : 0; R = (tp + fn > 0) ? tp / (tp + fn) : 0
                  F = (P + R > 0) ? 2 * P * R / (P + R) : 0
                  printf "%-34s F1 %.3f  P %.3f  R %.3f  (tp %d, fp %d, fn %d)\n", name, F, P, R, tp, fp, fn }'
done
# escalation: any type >= 0.5 against a label other than none, and the type
col=$(echo "$header" | tr '\t' '\n' | grep -n -x escalation | cut -d: -f1)
for f in escalation_dev.tsv escalation2_dev.tsv heldout_escalation.tsv; do
tail -n +2 "$dir/$f" | cut -f1 > "$tmp/labels"
tail -n +2 "$dir/$f" | cut -f2 | "$rapport" text --format tsv | tail -n +2 > "$tmp/out"
paste "$tmp/labels" "$tmp/out" |
    awk -F'\t' -v col="$col" '
        { y = ($1 != "none"); p = ($(col + 1) >= 0.5); tp += y && p; fp += p && !y; fn += y && !p
          typ = p ? $(col + 2) : "none"; right += (typ == $1); n++ }
        END { P = (tp + fp > 0) ? tp / (tp + fp) : 0; R = (tp + fn > 0) ? tp / (tp + fn) : 0
              F = (P + R > 0) ? 2 * P * R / (P + R) : 0
              printf "%-34s F1 %.3f  P %.3f  R %.3f  (tp %d, fp %d, fn %d); type right %d of %d\n",
                     name, F, P, R, tp, fp, fn, right, n }' name="$f escalation"
done
# agent replies: empathy and tone_deaf, each against its own 0/1 column
hdr_agent=$(echo x | "$rapport" text --role agent --format tsv | head -1)
tail -n +2 "$dir/agent_dev.tsv" | cut -f1,2 > "$tmp/labels"
tail -n +2 "$dir/agent_dev.tsv" | cut -f3 | "$rapport" text --role agent --format tsv |
    tail -n +2 > "$tmp/out"
for k in 1 2; do
    name=$(echo "empathy tone_deaf" | cut -d' ' -f$k)
    col=$(echo "$hdr_agent" | tr '\t' '\n' | grep -n -x "$name" | cut -d: -f1)
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v k="$k" -v col="$col" -v name="agent_dev.tsv $name" '
            { y = ($k == "1"); p = ($(col + 2) >= 0.5); tp += y && p; fp += p && !y; fn += y && !p }
            END { P = (tp + fp > 0) ? tp / (tp + fp) : 0; R = (tp + fn > 0) ? tp / (tp + fn) : 0
                  F = (P + R > 0) ? 2 * P * R / (P + R) : 0
                  printf "%-34s F1 %.3f  P %.3f  R %.3f  (tp %d, fp %d, fn %d)\n", name, F, P, R, tp, fp, fn }'
done
# tweets: macro-recall of 3 classes from valence, at bench_nlp_eval's thresholds
col=$(echo "$header" | tr '\t' '\n' | grep -n -x valence | cut -d: -f1)
tail -n +2 "$dir/tweets3_dev.tsv" | cut -f1 > "$tmp/labels"
tail -n +2 "$dir/tweets3_dev.tsv" | cut -f2 | "$rapport" text --format tsv | tail -n +2 > "$tmp/out"
paste "$tmp/labels" "$tmp/out" |
    awk -F'\t' -v col="$col" '
        { v = $(col + 1); p = (v < -0.10) ? "negative" : ((v > 0.15) ? "positive" : "neutral")
          n[$1]++; ok[$1] += (p == $1) }
        END { printf "%-34s macro-recall %.3f  neg %.3f  neu %.3f  pos %.3f\n", "tweets3_dev.tsv valence",
                     (ok["negative"] / n["negative"] + ok["neutral"] / n["neutral"] + ok["positive"] / n["positive"]) / 3,
                     ok["negative"] / n["negative"], ok["neutral"] / n["neutral"], ok["positive"] / n["positive"] }'
