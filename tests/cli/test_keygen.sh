#!/bin/sh
# tests/cli/test_keygen.sh - `rapport keygen`: a CURVE pair with safe permissions.
# usage: test_keygen.sh RAPPORT
set -u
rapport=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

umask 022
"$rapport" keygen --name agent-7 "$tmp/agent-7.key" >"$tmp/out" 2>"$tmp/err"
check "keygen: exit 0" test $? -eq 0
check "prints the 40-character Z85 public key" test "$(tr -d '\n' <"$tmp/out" | wc -c)" -eq 40
check "secret file is 0600" test "$(stat -c %a "$tmp/agent-7.key_secret")" = 600
check "public file has the public key only" sh -c "grep -q public-key '$tmp/agent-7.key' && ! grep -q secret-key '$tmp/agent-7.key'"
check "secret file has the secret key" has "secret-key" "$tmp/agent-7.key_secret"
check "the label is stored" has "agent-7" "$tmp/agent-7.key"
"$rapport" keygen "$tmp/agent-7.key" >/dev/null 2>"$tmp/err"
check "refuses to overwrite: exit 1" test $? -eq 1
check "says how to replace" has "--force" "$tmp/err"
cp "$tmp/out" "$tmp/first"
"$rapport" keygen --force "$tmp/agent-7.key" >"$tmp/out" 2>/dev/null
check "--force replaces the pair" sh -c "! cmp -s '$tmp/first' '$tmp/out'"
"$rapport" keygen >/dev/null 2>&1
check "no path: exit 2" test $? -eq 2
finish
