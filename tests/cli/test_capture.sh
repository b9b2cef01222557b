#!/bin/sh
# tests/cli/test_capture.sh - `rapport capture` through PortAudio/ALSA without a
# sound card: an ALSA "file" PCM (declared in a private ~/.asoundrc) stands in for
# a capture device. It has no clock, so it delivers audio as fast as it is read:
# this checks that capture opens the device, feeds the pipeline, counts what its
# ring drops and ends the call cleanly, not real-time behaviour.
# usage: test_capture.sh RAPPORT
set -u
rapport=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
. "$(dirname "$0")/lib.sh"

mkdir -p "$tmp/none" "$tmp/fake"
HOME="$tmp/none" "$rapport" capture --list >"$tmp/list0" 2>&1
check "--list works without any device" test $? -eq 0
HOME="$tmp/none" "$rapport" capture --seconds 1 >"$tmp/out0" 2>"$tmp/err0"
rc=$?
if grep -q "no audio input device" "$tmp/err0"; then
    check "no device: exit 1" test "$rc" -eq 1
    check "no device: a clear message" has "use 'rapport replay' for recordings" "$tmp/err0"
else
    echo "# this machine has a sound card: the no-device case is not checked"
fi

head -c 2000000 /dev/zero >"$tmp/fake/in.raw"
cat >"$tmp/fake/.asoundrc" <<ASOUND
pcm.rapporttest {
    type file
    slave.pcm "null"
    file "/dev/null"
    infile "$tmp/fake/in.raw"
    format "raw"
    hint { show on description "rapport test input" }
}
ASOUND
HOME="$tmp/fake" "$rapport" capture --list >"$tmp/list1" 2>&1
check "--list shows the ALSA test device" has "rapporttest" "$tmp/list1"
dev=$(sed -n 's/^ *\([0-9]*\)  rapporttest.*/\1/p' "$tmp/list1" | head -1)
HOME="$tmp/fake" "$rapport" capture --device "${dev:-0}" --channels 2 --rate 8000 --seconds 1 \
    >"$tmp/out1" 2>"$tmp/err1"
check "capture from the device: exit 0" test $? -eq 0
check "capture: the call ends with a summary" has "SUMMARY" "$tmp/out1"
"$rapport" capture --channels 3 >/dev/null 2>&1
check "bad --channels: exit 2" test $? -eq 2

finish
