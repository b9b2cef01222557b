# tests/cli/lib.sh - helpers shared by the command-line tests (sourced, not run).
# Each test counts its checks and ends with "N passed, N failed".

fails=0
n=0

# check DESCRIPTION COMMAND...: one check, passing when the command succeeds
check() {
    n=$((n + 1))
    desc=$1
    shift
    if "$@"; then
        echo "ok $n - $desc"
    else
        echo "not ok $n - $desc"
        fails=$((fails + 1))
    fi
}

# has PATTERN FILE: grep -q
has() { grep -q -- "$1" "$2"; }

# finish: the closing line and the exit status
finish() {
    echo "$((n - fails)) passed, $fails failed"
    [ "$fails" -eq 0 ]
}

# start_rapportd NAME [OPTION...]: rapportd on ephemeral loopback ports with the given
# options; its stdout and stderr go to $tmp/NAME.out and $tmp/NAME.err. Sets pid and
# the bound endpoints ing, pub and req. Needs $rapportd and $tmp. Without CURVE
# options among them it runs with --insecure-loopback.
start_rapportd() {
    name=$1
    shift
    case " $* " in
    *" --curve-key "*) insecure="" ;;
    *) insecure="--insecure-loopback" ;;
    esac
    # shellcheck disable=SC2086 # $insecure is empty or one option
    "$rapportd" $insecure --ingest 'tcp://127.0.0.1:*' --publish 'tcp://127.0.0.1:*' \
        --requests 'tcp://127.0.0.1:*' "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" &
    pid=$!
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
        [ -s "$tmp/$name.out" ] && break
        sleep 0.2
    done
    ing=$(sed -n 's/.*ingest=\([^ ]*\).*/\1/p' "$tmp/$name.out")
    pub=$(sed -n 's/.*publish=\([^ ]*\).*/\1/p' "$tmp/$name.out")
    req=$(sed -n 's/.*requests=\([^ ]*\).*/\1/p' "$tmp/$name.out")
}

# make_test_call WAV: a stereo 8 kHz 19 s call written with Python's wave module:
# the agent talks 0.5-4 s, the customer answers 4.6-8 s, both are silent until
# 15 s, the agent talks again 15-18 s. Speech-like sound: harmonics under a 4 Hz
# syllable envelope over a faint noise floor.
make_test_call() {
    python3 - "$1" <<'PY'
import math, random, struct, sys, wave
rate = 8000
random.seed(7)
def voice(t, f0):
    env = (0.5 + 0.5 * math.sin(2 * math.pi * 4 * t)) ** 2
    return 0.08 * env * sum(math.sin(2 * math.pi * f0 * k * t) / k for k in range(1, 13))
spans = {0: [(0.5, 4.0, 130.0), (15.0, 18.0, 130.0)], 1: [(4.6, 8.0, 210.0)]}
frames = bytearray()
for i in range(rate * 19):
    t = i / rate
    for ch in (0, 1):
        x = 0.0005 * (random.random() * 2 - 1)
        for a, b, f0 in spans[ch]:
            if a <= t < b:
                x = voice(t, f0)
        frames += struct.pack('<h', int(max(-1, min(1, x)) * 32767))
w = wave.open(sys.argv[1], 'wb')
w.setnchannels(2); w.setsampwidth(2); w.setframerate(rate); w.writeframes(bytes(frames)); w.close()
PY
}
