#!/bin/sh
# tests/cli/test_decode.sh - `rapport decode` and `rapport example` from the outside.
# usage: test_decode.sh RAPPORT_BINARY CORPUS_DIR SANITIZE
# Checks exit codes and messages on valid, broken and hostile input, and (outside
# sanitizer builds, whose shadow memory needs more) that it all runs under a
# 64 MiB address-space limit.
set -u
rapport=$1
corpus=$2
sanitize=${3:-none}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

limit=""
if [ "$sanitize" = "none" ]; then
    limit="ulimit -v 65536;"
fi
# run_decode ARGS...: runs rapport decode under the memory limit, stdout/stderr/rc to files
run_decode() {
    sh -c "$limit exec \"\$0\" decode \"\$@\"" "$rapport" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    echo $? >"$tmp/rc"
}
rc_is() { [ "$(cat "$tmp/rc")" = "$1" ]; }
err_has() { grep -q -- "$1" "$tmp/err"; }

"$rapport" example --out "$tmp/call.rpf"
check "example writes frames" test -s "$tmp/call.rpf"
run_decode "$tmp/call.rpf"
check "example call decodes, exit 0" rc_is 0
check "one JSON line per message (21)" test "$(wc -l <"$tmp/out")" -eq 21
check "every line is a v1 message" test "$(grep -c '^{"v":1,"type":"' "$tmp/out")" -eq 21
check "every type appears" test "$(sed 's/^{"v":1,"type":"\([a-z_]*\)".*/\1/' "$tmp/out" | sort -u | wc -l)" -eq 16
"$rapport" example | "$rapport" decode - >"$tmp/out2" 2>/dev/null
check "stdin works the same" cmp -s "$tmp/out" "$tmp/out2"

for f in "$corpus"/hostile-*; do
    name=$(basename "$f")
    run_decode --raw "$f"
    check "$name: rejected with exit 1" rc_is 1
    check "$name: says why" err_has "rapport decode: .*: message 1"
done
run_decode --raw "$corpus/hostile-nesting-33"
check "nesting: reason given" err_has "nesting deeper than the limit of 8"
run_decode --raw "$corpus/hostile-str32-2g"
check "str32 2 GiB: reason given" err_has "exceeds the message"
run_decode --raw "$corpus/hostile-array32-4g"
check "array32 4G: reason given" err_has "limit of 4096"
run_decode --raw "$corpus/hostile-trailing-byte"
check "trailing byte: reason given" err_has "trailing bytes"
run_decode --raw "$corpus/hostile-version-2"
check "version 2: names the field" err_has ": v: unsupported protocol version 2"
run_decode --raw "$corpus/hostile-unknown-type"
check "unknown type: names the field" err_has ": type: unknown message type"

# a field-level error names the field path
printf '\202\241v\001\244type\250call_end' >"$tmp/noid.msgpack"
run_decode --raw "$tmp/noid.msgpack"
check "missing field: exit 1" rc_is 1
check "missing field: names call_end.call" err_has "call_end.call: required field is missing"

# framing errors
printf '\377\377\377\377abc' >"$tmp/huge.rpf"
run_decode "$tmp/huge.rpf"
check "4 GiB frame length refused, exit 1" rc_is 1
check "frame length explained" err_has "frame length 4294967295 is outside"
head -c 50 "$tmp/call.rpf" >"$tmp/cut.rpf"
run_decode "$tmp/cut.rpf"
check "truncated frame, exit 1" rc_is 1
check "truncated frame explained" err_has "truncated frame"

# --keep-going: a bad frame between two good ones
python3 - "$tmp/call.rpf" "$tmp/mixed.rpf" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
frames, i = [], 0
while i < len(data):
    n = struct.unpack('>I', data[i:i+4])[0]
    frames.append(data[i+4:i+4+n]); i += 4 + n
bad = b'\x81\xa1v\x07'
out = b''.join(struct.pack('>I', len(f)) + f for f in (frames[0], bad, frames[-1]))
open(sys.argv[2], 'wb').write(out)
PY
run_decode --keep-going "$tmp/mixed.rpf"
check "keep-going: exit 1" rc_is 1
check "keep-going: both good messages printed" test "$(wc -l <"$tmp/out")" -eq 2
check "keep-going: the bad one is message 2" err_has "message 2"
run_decode "$tmp/mixed.rpf"
check "without keep-going: stops at the bad one" test "$(wc -l <"$tmp/out")" -eq 1

# random garbage of 2 MiB, framed and raw
head -c 2097152 /dev/urandom >"$tmp/garbage"
run_decode --raw "$tmp/garbage"
check "2 MiB raw garbage: exit 1, no crash" rc_is 1
run_decode "$tmp/garbage"
check "2 MiB framed garbage: exit 1, no crash" rc_is 1

run_decode --bogus
check "unknown option: exit 2" rc_is 2
run_decode "$tmp/does-not-exist"
check "missing file: exit 1" rc_is 1
check "missing file: says so" err_has "No such file"
"$rapport" decode --help >"$tmp/help"
check "--help mentions the frame format" grep -q "4-byte big-endian length" "$tmp/help"

finish
