#!/bin/sh
# bench/nlp/peers.sh - rapport nlp and the npm peers (vader-sentiment, sentiment)
# on the same messages, in the same run, one core each.
#
# usage: peers.sh SPEED_EXE DATA_TEXT_DIR WORK_DIR
# Installs the peers with `npm install` into WORK_DIR/npm (the npm registry is
# the only network this needs); skips them, saying so, when node or npm is
# missing or the install fails. Always exits 0 unless rapport's own run fails.
set -u
speed=$1
data=$2
work=$3
mkdir -p "$work"
work=$(cd "$work" && pwd)
msgs="$work/nlp-peer-messages.txt"
"$speed" "$data" --seconds 3 --dump "$msgs" || exit 1
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "peers: skipped (node or npm not found)"
    exit 0
fi
npmdir="$work/npm"
mkdir -p "$npmdir"
if [ ! -d "$npmdir/node_modules/vader-sentiment" ] || [ ! -d "$npmdir/node_modules/sentiment" ]; then
    [ -f "$npmdir/package.json" ] || echo '{"private":true}' >"$npmdir/package.json"
    if ! (cd "$npmdir" && npm install --no-audit --no-fund --silent vader-sentiment sentiment \
        >"$npmdir/install.log" 2>&1); then
        echo "peers: skipped (npm install failed, see $npmdir/install.log)"
        exit 0
    fi
fi
cat >"$npmdir/peers.js" <<'JS'
// Times each peer over the same messages for about 3 s, single thread.
const fs = require('fs');
const msgs = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);
function bench(name, fn) {
  for (let i = 0; i < Math.min(msgs.length, 2000); i++) fn(msgs[i]);
  let done = 0;
  const t0 = process.hrtime.bigint();
  let t1 = t0;
  while (Number(t1 - t0) < 3e9) {
    for (let i = 0; i < msgs.length && Number(process.hrtime.bigint() - t0) < 3e9; i++) {
      fn(msgs[i]);
      done++;
    }
    t1 = process.hrtime.bigint();
  }
  const rate = done / (Number(t1 - t0) / 1e9);
  console.log(`${name}: ${Math.round(rate)} messages/s (node ${process.version}, one core)`);
}
const vader = require('vader-sentiment');
bench('vader-sentiment', (m) => vader.SentimentIntensityAnalyzer.polarity_scores(m));
const Sentiment = require('sentiment');
const s = new Sentiment();
bench('sentiment (AFINN)', (m) => s.analyze(m));
JS
(cd "$npmdir" && node peers.js "$msgs")
exit 0
