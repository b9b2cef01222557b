#!/bin/sh
# bench/nlp/check_models.sh - the committed models (nlp/lexicon/*_model.txt) are
# the ones train_models.py makes from the current lexicon, rules and data
# (retrain and commit them when a lexicon or rule change moves them).
# usage: check_models.sh TRAINER DUMP_TOOL DATA_TEXT_DIR LEXICON_DIR
set -u
trainer=$1 dump=$2 data=$3 lexdir=$4
if [ ! -f "$data/goemotions.tsv" ]; then
    echo "SKIP: $data/goemotions.tsv absent (the shared data is read at run time)"
    exit 77
fi
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
python3 "$trainer" "$dump" "$data" "$tmp" >/dev/null || { echo "FAIL: trainer"; exit 1; }
status=0
for made in "$tmp"/*_model.txt; do
    name=$(basename "$made")
    if ! cmp -s "$made" "$lexdir/$name"; then
        echo "FAIL: $lexdir/$name is not what the trainer makes now"
        diff "$lexdir/$name" "$made" | head -10
        status=1
    fi
done
if [ $status -ne 0 ]; then
    echo "rerun: bench/nlp/train_models.py build/bench/nlp/bench_nlp_model_dump ../shared/data/text nlp/lexicon"
    exit 1
fi
echo "ok: the models are current"
