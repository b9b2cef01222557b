#!/bin/sh
# bench/nlp/dev_eval.sh - F1 of rapport's complaint, sarcasm and escalation
# (>= 0.5), of an agent's empathy and tone_deaf, of the safety alert (a
# customer at risk), and the recall of names and addresses in the redacted
# text, on the development sets in bench/nlp/dev (see its README.md).
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

# analyse SET N_LABELS ROLE: the set's label columns in $tmp/labels and
# rapport's rows for its text (the next column) in $tmp/out
analyse() {
    tail -n +2 "$dir/$1" | cut -f1-"$2" > "$tmp/labels"
    tail -n +2 "$dir/$1" | cut -f$(($2 + 1)) | "$rapport" text --role "$3" --format tsv |
        tail -n +2 > "$tmp/out"
}
# col ROLE FIELD: the column of FIELD in rapport's TSV for ROLE
col() {
    echo x | "$rapport" text --role "$1" --format tsv | head -1 | tr '\t' '\n' |
        grep -n -x "$2" | cut -d: -f1
}
# f1 NAME [MORE]: F1, precision and recall of lines "truth<TAB>guess" (0 or 1)
f1() {
    awk -F'\t' -v name="$1" -v more="${2:-}" '
        { tp += $1 && $2; fp += $2 && !$1; fn += $1 && !$2 }
        END { P = (tp + fp > 0) ? tp / (tp + fp) : 0; R = (tp + fn > 0) ? tp / (tp + fn) : 0
              F = (P + R > 0) ? 2 * P * R / (P + R) : 0
              printf "%-34s F1 %.3f  P %.3f  R %.3f  (tp %d, fp %d, fn %d)%s\n",
                     name, F, P, R, tp, fp, fn, more }'
}

# labels 1/0 against a score >= 0.5
for pair in "complaints_dev.tsv complaint" "complaints2_dev.tsv complaint" "complaints3_dev.tsv complaint" "complaints4_dev.tsv complaint" "complaints5_dev.tsv complaint" "complaints6_dev.tsv complaint" "complaints7_dev.tsv complaint" "complaints8_dev.tsv complaint" "complaints9_dev.tsv complaint" "complaints10_dev.tsv complaint" "complaints11_dev.tsv complaint" \
    "sarcasm_dev.tsv sarcasm" \
    "sarcasm2_dev.tsv sarcasm" "sarcasm3_dev.tsv sarcasm" "sarcasm4_dev.tsv sarcasm" "sarcasm5_dev.tsv sarcasm" "heldout_sarcasm.tsv sarcasm" "heldout_sarcasm2.tsv sarcasm" "heldout_sarcasm3.tsv sarcasm" "heldout_sarcasm4.tsv sarcasm" "heldout_sarcasm5.tsv sarcasm" "heldout_sarcasm6.tsv sarcasm" \
    "support_dev.tsv escalation" "heldout_complaints.tsv complaint" "heldout_complaints2.tsv complaint" "heldout_complaints3.tsv complaint" "heldout_complaints4.tsv complaint" "heldout_complaints5.tsv complaint" "heldout_complaints6.tsv complaint" "heldout_complaints7.tsv complaint" "heldout_complaints8.tsv complaint" "heldout_complaints9.tsv complaint" "heldout_complaints10.tsv complaint"; do
    set -- $pair
    analyse "$1" 1 customer
    c=$(col customer "$2")
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v c="$c" '{ print ($1 == "1") "\t" ($(c + 1) >= 0.5) }' | f1 "$1 $2"
done
# tweets labelled with one of anger, joy, optimism, sadness: anger >= 0.5
c=$(col customer anger)
for f in emotion_dev.tsv heldout_emotion.tsv; do
    analyse "$f" 1 customer
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v c="$c" '{ print ($1 == "anger") "\t" ($(c + 1) >= 0.5) }' | f1 "$f anger"
done
# customers to support, each line labelled with its dominant feeling (one of
# seven emotions or neutral): F1 of each emotion >= 0.5, and their mean
for f in emotions_cc_dev.tsv emotions_cc2_dev.tsv emotions_cc3_dev.tsv emotions_cc4_dev.tsv heldout_emotions_cc.tsv heldout_emotions_cc2.tsv heldout_emotions_cc3.tsv; do
    analyse "$f" 1 customer
    for e in anger annoyance anxiety confusion sadness gratitude joy; do
        c=$(col customer "$e")
        paste "$tmp/labels" "$tmp/out" |
            awk -F'\t' -v c="$c" -v e="$e" '{ print ($1 == e) "\t" ($(c + 1) >= 0.5) }' |
            f1 "$f $e"
    done | tee "$tmp/emo"
    awk -v name="$f emotions" '{ s += $4; n++ } END { printf "%-34s macro F1 %.3f\n", name, s / n }' "$tmp/emo"
done
# the escalation column, read by the chat-bot and escalation sets below
c=$(col customer escalation)
# support2_dev: label, intent, text; rules were written from its first half
# (odd data rows) only, and its second half (even rows) is scored as held out
analyse support2_dev.tsv 2 customer
for half in 1 0; do
    name=$([ "$half" = 1 ] && echo "support2_dev.tsv (odd, dev)" || echo "support2_dev.tsv (even, held out)")
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v c="$c" -v h="$half" 'NR % 2 == h { print ($1 == "1") "\t" ($(c + 2) >= 0.5) }' |
        f1 "$name"
done
# support3_dev, support4_dev (development), heldout_support, heldout_support2
# (held out): label, intent, text
for f in support3_dev.tsv support4_dev.tsv heldout_support.tsv heldout_support2.tsv; do
    analyse "$f" 2 customer
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v c="$c" '{ print ($1 == "1") "\t" ($(c + 2) >= 0.5) }' | f1 "$f escalation"
done
# escalation: any type >= 0.5 against a label other than none, and the type
for f in escalation_dev.tsv escalation2_dev.tsv escalation3_dev.tsv escalation4_dev.tsv escalation5_dev.tsv escalation6_dev.tsv \
    heldout_escalation.tsv heldout_escalation2.tsv \
    heldout_escalation3.tsv heldout_escalation4.tsv heldout_escalation5.tsv heldout_escalation6.tsv \
    escalation7_dev.tsv escalation8_dev.tsv escalation9_dev.tsv escalation10_dev.tsv escalation11_dev.tsv escalation12_dev.tsv escalation13_dev.tsv escalation14_dev.tsv escalation15_dev.tsv escalation16_dev.tsv escalation17_dev.tsv escalation18_dev.tsv escalation19_dev.tsv escalation20_dev.tsv escalation21_dev.tsv escalation22_dev.tsv escalation23_dev.tsv heldout_escalation7.tsv heldout_escalation8.tsv heldout_escalation9.tsv heldout_escalation10.tsv heldout_escalation11.tsv heldout_escalation12.tsv heldout_escalation13.tsv heldout_escalation14.tsv heldout_escalation15.tsv escalation24_dev.tsv heldout_escalation16.tsv \
    routine_dev.tsv routine2_dev.tsv; do
[ -f "$dir/$f" ] || continue
    analyse "$f" 1 customer
    paste "$tmp/labels" "$tmp/out" > "$tmp/both"
    right=$(awk -F'\t' -v c="$c" '{ n++; right += (($(c + 1) >= 0.5 ? $(c + 2) : "none") == $1) }
                                    END { printf "; type right %d of %d", right, n }' "$tmp/both")
    awk -F'\t' -v c="$c" '{ print ($1 != "none") "\t" ($(c + 1) >= 0.5) }' "$tmp/both" |
        f1 "$f escalation" "$right"
done
# routine requests with the words escalations use, labelled escalation or none (no type)
for f in heldout_routine.tsv; do
    [ -f "$dir/$f" ] || continue
    analyse "$f" 1 customer
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v c="$c" '{ print ($1 != "none") "\t" ($(c + 1) >= 0.5) }' | f1 "$f escalation"
done
# ... and as the engine raises them in a session a person handles: a request for a
# person naming no one above the agent (human_senior 0) in a message not negative
# (valence > -0.4) is routed by the agent, not escalated (docs/playbook.md)
v=$(col customer valence)
hs=$(col customer human_senior)
for f in routine_dev.tsv routine2_dev.tsv heldout_routine.tsv; do
    [ -f "$dir/$f" ] || continue
    analyse "$f" 1 customer
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v c="$c" -v v="$v" -v hs="$hs" '{
            routed = $(c + 2) == "human_request" && $(hs + 1) == 0 && $(v + 1) > -0.4
            print ($1 != "none") "\t" ($(c + 1) >= 0.5 && !routed) }' | f1 "$f esc, person"
done
# chat turns, header complaint<TAB>escalation<TAB>text: complaint >= 0.5 against
# the first column, escalation (and its type) against the second
for f in chat_turns2_dev.tsv heldout_chat_turns.tsv heldout_turns3.tsv; do
[ -f "$dir/$f" ] || continue
    analyse "$f" 2 customer
    paste "$tmp/labels" "$tmp/out" > "$tmp/both"
    awk -F'\t' -v c="$(col customer complaint)" '{ print ($1 == "1") "\t" ($(c + 2) >= 0.5) }' \
        "$tmp/both" | f1 "$f complaint"
    ce=$(col customer escalation)
    right=$(awk -F'\t' -v c="$ce" '{ n++; right += (($(c + 2) >= 0.5 ? $(c + 3) : "none") == $2) }
                                     END { printf "; type right %d of %d", right, n }' "$tmp/both")
    awk -F'\t' -v c="$ce" '{ print ($2 != "none") "\t" ($(c + 2) >= 0.5) }' "$tmp/both" |
        f1 "$f escalation" "$right"
done
# agent replies: empathy and tone_deaf, each against its own 0/1 column
for f in agent_dev.tsv agent3_dev.tsv agent4_dev.tsv agent5_dev.tsv agent6_dev.tsv agent7_dev.tsv agent8_dev.tsv agent9_dev.tsv agent10_dev.tsv agent11_dev.tsv agent12_dev.tsv heldout_agent.tsv heldout_agent2.tsv heldout_agent3.tsv heldout_agent4.tsv heldout_agent5.tsv heldout_agent6.tsv heldout_agent7.tsv heldout_agent8.tsv heldout_agent9.tsv; do
    [ -f "$dir/$f" ] || continue
    analyse "$f" 2 agent
    for k in 1 2; do
        name=$(echo "empathy tone_deaf" | cut -d' ' -f$k)
        c=$(col agent "$name")
        paste "$tmp/labels" "$tmp/out" |
            awk -F'\t' -v k="$k" -v c="$c" '{ print ($k == "1") "\t" ($(c + 2) >= 0.5) }' |
            f1 "$f $name"
    done
done
# tweets: macro-recall of 3 classes from valence, at bench_nlp_eval's thresholds
analyse tweets3_dev.tsv 1 customer
paste "$tmp/labels" "$tmp/out" |
    awk -F'\t' -v c="$(col customer valence)" '
        { v = $(c + 1); p = (v < -0.10) ? "negative" : ((v > 0.15) ? "positive" : "neutral")
          n[$1]++; ok[$1] += (p == $1) }
        END { neg = ok["negative"] / n["negative"]; neu = ok["neutral"] / n["neutral"]
              pos = ok["positive"] / n["positive"]
              printf "%-34s macro-recall %.3f  neg %.3f  neu %.3f  pos %.3f\n",
                     "tweets3_dev.tsv valence", (neg + neu + pos) / 3, neg, neu, pos }'
# names and addresses (pii_dev.tsv, heldout_pii.tsv: the names and the
# addresses each line holds, '|' between them, as written): one is found when
# it no longer stands whole in the redacted text; a [NAME] or [ADDRESS] more
# than a line lists is spurious
for f in pii_dev.tsv heldout_pii.tsv; do
    [ -f "$dir/$f" ] || continue
    analyse "$f" 2 customer
    cr=$(col customer redacted)
    paste "$tmp/labels" "$tmp/out" | awk -F'\t' -v r="$cr" -v f="$f" '
        function score(list, marker, k,    n, items, i, m, t) {
            n = (list == "") ? 0 : split(list, items, "|")
            for (i = 1; i <= n; i++) {
                want[k]++
                got[k] += index(red, items[i]) == 0
            }
            t = red
            m = gsub(marker, "", t)
            marks[k] += m
            spur[k] += (m > n) ? m - n : 0
        }
        { red = $(r + 2); score($1, "\\[NAME\\]", "names"); score($2, "\\[ADDRESS\\]", "addresses") }
        END { for (k in want)
                  printf "%-34s recall %.3f (%d of %d), spurious %d of %d markers\n",
                         f " " k, got[k] / want[k], got[k], want[k], spur[k], marks[k] }'
done
# a customer at risk: label 1 against the engine's safety alert (sensitive_topic
# safety at 0.7 or more, the playbook's default threshold); the label-0 lines
# that open the safety cue without the alert are counted too
for f in safety_dev.tsv heldout_safety.tsv; do
    [ -f "$dir/$f" ] || continue
    analyse "$f" 1 customer
    cs=$(col customer sensitive)
    ct=$(col customer sensitive_topic)
    cue=$(paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v s="$cs" -v t="$ct" '$1 == "0" && $(t + 1) == "safety" && $(s + 1) < 0.7 { n++ }
                                           END { printf "; cue without alert on %d of the 0s", n }')
    paste "$tmp/labels" "$tmp/out" |
        awk -F'\t' -v s="$cs" -v t="$ct" '{ print ($1 == "1") "\t" ($(t + 1) == "safety" && $(s + 1) >= 0.7) }' |
        f1 "$f safety alert" "$cue"
done
