#!/bin/sh
# bench/nlp/check_sarcasm_model.sh - the committed sarcasm model is the one
# train_sarcasm.py makes from the current lexicon, rules and data (retrain and
# commit nlp/lexicon/sarcasm_model.txt when a lexicon or rule change moves it).
# usage: check_sarcasm_model.sh TRAINER DUMP_TOOL DATA_TEXT_DIR MODEL
set -u
trainer=$1 dump=$2 data=$3 model=$4
if [ ! -f "$data/goemotions.tsv" ]; then
    echo "SKIP: $data/goemotions.tsv absent (the shared data is read at run time)"
    exit 77
fi
tmp=$(mktemp) || exit 1
trap 'rm -f "$tmp"' EXIT
python3 "$trainer" "$dump" "$data" "$tmp" >/dev/null || { echo "FAIL: trainer"; exit 1; }
if ! cmp -s "$tmp" "$model"; then
    echo "FAIL: $model is not what the trainer makes now; rerun:"
    echo "  bench/nlp/train_sarcasm.py build/bench/nlp/bench_nlp_sarcasm_dump ../shared/data/text $model"
    diff "$model" "$tmp" | head -20
    exit 1
fi
echo "ok: the sarcasm model is current"
