#!/usr/bin/env python3
"""nlp/check_typos.py - the typing errors the lexicon generator makes of the
"~" words (nlp/lexicon/spelling.txt) are no English words, except those listed
in TYPO_REAL (kept apart) or TYPO_MEANT (kept on purpose) in gen_lexicon.py.

Usage: check_typos.py GEN_LEXICON LEXICON_FILE...

Runs the generator with RP_LEX_WORDLIST set to Debian's word list (package
wamerican, /usr/share/dict/american-english); the generator fails on any other
variant that is a word of the list. Exits 77 (skipped) when the list is absent.
"""
import os
import subprocess
import sys
import tempfile

WORD_LIST = "/usr/share/dict/american-english"


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: check_typos.py GEN_LEXICON LEXICON_FILE...")
    if not os.path.isfile(WORD_LIST):
        print(f"SKIP: {WORD_LIST} absent (Debian package wamerican)")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "lexicon.c")
        env = dict(os.environ, RP_LEX_WORDLIST=WORD_LIST)
        r = subprocess.run([sys.executable, sys.argv[1], out] + sys.argv[2:], env=env,
                           capture_output=True, text=True)
    if r.returncode != 0:
        print(r.stderr.strip())
        print("FAIL: a typing error the generator makes is an English word")
        return 1
    print("ok: no typing error the generator makes is an English word it does not list")
    return 0


if __name__ == "__main__":
    sys.exit(main())
