#!/usr/bin/env python3
"""nlp/gen_lexicon.py - compiles rapport's hand-written lexicon files into a C table.

Usage: gen_lexicon.py OUT.c LEXICON_FILE...

Each non-blank, non-comment line of a lexicon file is

    term = [valence] [tag[:weight]]...

`term` is one or more space-separated tokens, matched after the tokeniser's
normalisation (lower case, apostrophes removed, elongations collapsed). A token
may list alternatives with '/' ("speak/talk") and end in '?' to be optional
("your?"); '|' separates whole alternative terms ("refund|money back"). The
generator expands every combination. `spelling = @term` gives another
spelling the term's values; `spelling = ~word` and `~ word word ...` lines
(one-key typing errors, typo_variants()) make other spellings the word itself,
with its word id, in its phrases too. Emoji are terms too (their
UTF-8 bytes are the key). Terms starting with "emoticon:" are ASCII emoticons,
matched case-sensitively on raw bytes. Tags are listed in nlp/lexicon/README.md
(`esc=TYPE:w` escalation, `topic=TYPE:w` sensitive topic, flags, emotions, cues).

Output: a hash table of words (a multiplicative hash over 8-byte chunks, linear
probing, at most half full; a tag per slot holds hash bits and the length, and
each slot the word's first 16 bytes, so a lookup compares one tag and two
64-bit words), the entries (one row per distinct set of values), and a
phrase trie over word ids (the compiled multi-word automaton): the root's
children in the word slots, the other edges in a hash table on (node, word id).
Deterministic.
"""
import itertools
import os
import re
import sys

EMOTIONS = ["anger", "annoyance", "anxiety", "confusion", "sadness", "gratitude", "joy"]
SCORES = ["complaint", "sarcasm", "empathy", "tonedeaf", "service", "problem"]
ESC_TYPES = ["none", "human_request", "cancel", "legal", "public", "repeat_contact"]
# Sensitive topics: must match nlp_topic in nlp/analyzer.h.
TOPIC_TYPES = ["none", "billing_dispute", "cancellation", "bereavement", "hardship", "safety"]
# Second flags (nlp_lex_entry.flags2): must match NLP_LEX2_* in nlp/lexicon.h.
FLAGS2 = {
    "hide": 1,  # the models do not read the phrase's words ("isn't broken anymore")
    "fixed": 2,  # a fix done ("sorted it", "working now"): a contact before it is no repeat
    "deny": 4,  # a phrase holding a negator: the praise after it is denied ("you didn't honour")
    "end": 16,  # a phrase that means it only at its clause's end ("i'm out.", not "i'm out of data")
}
# set by the generator (agent_only()), not written in the lexicon
AGENT_ONLY_FLAG2 = 8  # NLP_LEX2_AGENT_ONLY
# Flags: must match NLP_LEX_* in nlp/lexicon.h.
FLAGS = {
    "neg": 1 << 0,         # negator ("not", "never")
    "int": 1 << 1,         # intensifier, weight = boost
    "damp": 1 << 2,        # dampener, weight = reduction
    "but": 1 << 3,         # contrast: what follows outweighs what precedes
    "although": 1 << 4,    # concession: the clause it opens is weakened
    "hreq_verb": 1 << 5,   # asking to speak/talk/be transferred
    "hreq_obj": 1 << 6,    # a human, agent, manager
    "cancel_verb": 1 << 7, # cancel, close, delete, leave
    "cancel_obj": 1 << 8,  # account, subscription, contract
    "formal_verb": 1 << 9, # file, lodge, raise
    "formal_obj": 1 << 10, # complaint, claim
    "first_person": 1 << 11,
    "you": 1 << 12,        # second person (agent blaming, customer addressing)
    "ackn": 1 << 13,       # feeling words an empathic agent names ("frustrating")
    "pos_frame": 1 << 14,  # "love how", "so glad": sarcasm frame when followed by a negative
    "neg_situation": 1 << 15,  # bad situations that are not negative words (monday, traffic)
    "order_obj": 1 << 16,  # order, purchase: cancelling these is routine, not escalation
    "want": 1 << 17,       # want, need, demand, like to
    "hreq_strong": 1 << 18,  # human, manager, supervisor: wanting one is a request
    "reverser": 1 << 19,   # reduce, prevent, cure: a harm in their object is good news
    "kin": 1 << 20,        # a relative or the account holder (bereavement pair)
    "death": 1 << 21,      # died, dead, funeral, estate (bereavement pair)
    "bill_obj": 1 << 22,   # charge, transaction, payment, bill (billing-dispute pair)
    "bill_mod": 1 << 23,   # unauthorised, unrecognised, wrong, duplicate (billing-dispute pair)
    "excess": 1 << 24,     # "too": the word it modifies is too much of something
    "interj": 1 << 25,     # "great,", "perfect.": praise that can open a sarcastic aside
    "cond": 1 << 26,       # "if", "in case": a hypothetical clause in a question
    "pause": 1 << 27,      # "one moment", "let me check": asks the other side to wait
    "expl": 1 << 28,       # "damn", "holy crap": opening a message, emphasis for what follows
    "self": 1 << 31,       # "my fault", "I lost my": the customer's own doing, no fault of the service
    # word tags: kept in the word's slot (see main()), never a bit of an entry's flags
    "trail": 1 << 32,      # "the", "and", "um": a message ending here is unfinished
    "pair_block": 1 << 33, # "old", "extra", "from": between a cancel verb and its object,
                           # the object is kept or only the container ("close my old account")
    "expect": 1 << 34,     # "ordered", "booked": what the customer asked for ...
    "receive": 1 << 35,    # "got", "received": ... and what came ("ordered a large, got a small")
    "pron": 1 << 36,       # "it", "them": what came is what was asked for ("got it today")
    "relief": 1 << 37,     # "fixed", "luckily", "still": closing praise after it is sincere
    "thanks_frame": 1 << 38,  # "thanks", "grateful": a fault right after it is mock gratitude
    "secret_name": 1 << 39,   # "password", "passcode": the word after it may be a secret
    "contact": 1 << 40,       # "called", "emailed": a contact made (repeat-contact pair)
    "again": 1 << 41,         # "again", "twice", "yesterday": before now (repeat-contact pair)
    "share": 1 << 42,         # "post", "tell", "warn": telling others (public pair)
    "audience": 1 << 43,      # "everyone", "facebook", "the press": who hears (public pair)
    "intent": 1 << 44,        # "will", "gonna", "going": what the customer means to do
    "promise": 1 << 45,       # "told", "promised": what the company said ... (repeat-contact pair)
    "unmet": 1 << 46,         # ... "nothing", "never", "still": did not happen
    "spoken_digit": 1 << 47,  # "four", "oh", "double": a digit read out (the redactor's hint)
    "date_word": 1 << 48,     # "fifth", "nineteen"; with spoken_digit a month: a date said (its hint)
    "person_before": 1 << 49, # "husband", "agent": a person's name may follow (the redactor's hint)
    "staff_place": 1 << 50,   # "team", "branch": "Priya at the Leeds branch" (the redactor's hint)
}
MAX_PHRASE_TOKENS = 8
# Negated verbs after which "even" is emphasis, and "X even" a phrase of its
# own that would hide the fault phrase "X ..." (see main()).
EVEN_AFTER = {"wont", "doesnt", "didnt", "wouldnt", "hasnt"}
JOINED_CLITICS = {w: tuple(v.split()) for w, v in {
    "thats": "that s", "whats": "what s", "wheres": "where s", "hows": "how s",
    "whos": "who s", "theres": "there s", "heres": "here s", "lets": "let s", "its": "it s",
    "shes": "she s", "hes": "he s", "im": "i m", "ive": "i ve", "id": "i d",
    "youre": "you re", "youve": "you ve", "youll": "you ll", "youd": "you d",
    "theyre": "they re", "theyve": "they ve", "theyll": "they ll", "weve": "we ve",
    "itll": "it ll", "thatll": "that ll", "whatll": "what ll"}.items()}
AFFECT_FLAG = 1 << 30  # NLP_LEX_AFFECT: the entry has emotion or cue weights
TOPIC_FLAG = 1 << 29   # NLP_LEX_TOPIC: the entry has a sensitive-topic weight
POOL_PAD = 8  # NLP_LEX_POOL_PAD: zero bytes after the last word
EDGE_HASH_MUL = 0x9E3779B1  # NLP_LEX_EDGE_HASH_MUL: 2^32 / golden ratio (Knuth)
EDGE_FILTER_MUL = 0x85EBCA6B  # NLP_LEX_EDGE_FILTER_MUL: an odd constant unrelated to the above
EDGE_FILTER_BITS = 19  # NLP_LEX_EDGE_FILTER_BITS: 64 KiB, one bit per hashed edge key
HASH_SEED = 0x811C9DC5  # NLP_LEX_HASH_SEED
HASH_MUL = 0x9E3779B97F4A7C15  # NLP_LEX_HASH_MUL: 2^64 / golden ratio
ROOT_SPOKEN_DIGIT = 0x8000  # NLP_LEX_ROOT_SPOKEN_DIGIT: a tag in the slot's root field
ROOT_DATE_WORD = 0x4000  # NLP_LEX_ROOT_DATE_WORD: another
ROOT_PERSON = 0x2000  # NLP_LEX_ROOT_PERSON: a third
ROOT_PLACE = 0x1000  # NLP_LEX_ROOT_PLACE: a fourth
ROOT_TAGS = ROOT_SPOKEN_DIGIT | ROOT_DATE_WORD | ROOT_PERSON | ROOT_PLACE  # above NLP_LEX_ROOT_NODE
WORD_BITS = 14  # NLP_LEX_WORD_BITS: word ids in an edge key
NODE_BITS = 18  # NLP_LEX_NODE_BITS: trie nodes in an edge key and an edge's child
WORD_MAX_BYTES = 63  # a tag keeps the length in its low 6 bits
WORD_CONT = 4  # NLP_WORD_CONT: the word continues some phrase
NUM_WORD = "<num>"  # NLP_LEX_NUM_WORD: the word a number not in the lexicon is read as
MONEY_WORD = "<money>"  # NLP_LEX_MONEY_WORD: the word a currency sign before a number is read as
MASK64 = (1 << 64) - 1


def chunks64(data: bytes):
    """The word as little-endian 8-byte chunks, the last one zero padded."""
    padded = data + bytes((-len(data)) % 8)
    return [int.from_bytes(padded[k:k + 8], "little") for k in range(0, len(padded), 8)]


def word_hash(data: bytes) -> int:
    """nlp_lex_key() / nlp_lex_hash16(): multiply-xorshift over 8-byte chunks (the
    analyser hashes a word with one multiply per 8 bytes, not one per byte)."""
    h = HASH_SEED ^ len(data)
    chunks = chunks64(data)
    for k, c in enumerate(chunks):
        h = ((h ^ c) * HASH_MUL) & MASK64
        if k + 1 < len(chunks):
            h ^= h >> 32
    return h >> 32


def word_tag(h: int, n: int) -> int:
    """NLP_LEX_TAG(): hash bits 22..31 in bits 6..15 and the length (1..63) in bits 0..5;
    never 0."""
    return ((h >> 16) & 0xFFC0) | n


def parse_value(tag, raw, where):
    try:
        return float(raw)
    except ValueError:
        sys.exit(f"{where}: bad weight '{raw}' for tag '{tag}'")


# the FLAGS that are word tags (main(): they go to the word's slot, not its entry)
WORD_TAG_FLAGS = sum(FLAGS[t] for t in (
    "trail", "pair_block", "expect", "receive", "pron", "relief", "thanks_frame", "secret_name",
    "contact", "again", "share", "audience", "intent", "promise", "unmet", "spoken_digit",
    "date_word", "person_before", "staff_place"))


def new_entry():
    return {"valence": 0.0, "emo": [0.0] * len(EMOTIONS), "scores": [0.0] * len(SCORES),
            "esc": 0, "esc_w": 0.0, "topic": 0, "topic_w": 0.0, "flags": 0, "mod": 0.0,
            "flags2": 0, "cust_val": False}


def parse_rhs(rhs, where):
    e = new_entry()
    for item in rhs.split():
        if item[0] in "+-0123456789.":
            e["valence"] = parse_value("valence", item, where)
            if not -4.0 <= e["valence"] <= 4.0:
                sys.exit(f"{where}: valence out of [-4, 4]")
            continue
        tag, _, w = item.partition(":")
        weight = parse_value(tag, w, where) if w else 1.0
        if tag in EMOTIONS:
            e["emo"][EMOTIONS.index(tag)] = weight
        elif tag in SCORES:
            e["scores"][SCORES.index(tag)] = weight
        elif tag.startswith("esc="):
            t = tag[4:]
            if t not in ESC_TYPES:
                sys.exit(f"{where}: unknown escalation type '{t}'")
            e["esc"] = ESC_TYPES.index(t)
            e["esc_w"] = weight
        elif tag.startswith("topic="):
            t = tag[6:]
            if t not in TOPIC_TYPES[1:]:
                sys.exit(f"{where}: unknown topic '{t}'")
            if not 0.0 < weight <= 1.0:
                sys.exit(f"{where}: topic weight out of (0, 1]")
            e["topic"] = TOPIC_TYPES.index(t)
            e["topic_w"] = weight
        elif tag in FLAGS2:
            if w:
                sys.exit(f"{where}: tag '{tag}' takes no weight")
            e["flags2"] |= FLAGS2[tag]
        elif tag in FLAGS:
            e["flags"] |= FLAGS[tag]
            if tag in ("int", "damp"):
                e["mod"] = weight
        else:
            sys.exit(f"{where}: unknown tag '{tag}'")
    return e


def agent_only(e):
    """An entry that carries nothing but an agent's empathy or tone-deafness
    (no valence but an empathy row's, emotion, customer score, escalation,
    topic, modifier or flag but a pronoun's or a named feeling's, which the
    phrase's own words carry): in a customer's message the phrase matcher
    does not take its words ("i've spoken", an agent's ownership, took a
    customer's "I've spoken to three advisers"; analyzer.c phrase_fits())."""
    sc = e["scores"]
    # an empathy phrase's warmth is the agent's: a customer's "a rough time",
    # "how disappointing this is", "that's not on at all" is none (its valence
    # came from agent.txt only: cust_val is false)
    agent_warmth = (e["valence"] > 0.0 and sc[2] > 0.0 and sc[3] == 0.0
                    and not e["cust_val"])
    return ((sc[2] > 0.0 or sc[3] > 0.0) and (e["valence"] == 0.0 or agent_warmth)
            and not any(e["emo"])
            and sc[0] == 0.0 and sc[1] == 0.0 and sc[4] == 0.0 and sc[5] == 0.0
            and e["esc_w"] == 0.0 and e["topic_w"] == 0.0
            and e["flags"] & ~(FLAGS["first_person"] | FLAGS["you"] | FLAGS["ackn"]) == 0
            and e["flags2"] == 0 and e["mod"] == 0.0)


def merge(a, b, where, from_pattern):
    """A term listed twice (say as a service noun and as a cancel object) gets
    the union of its flags and the larger of each weight. Two different valences
    are an error, unless one of them came out of a '/' or '?' pattern: then the
    explicit value wins (between two patterns, the earlier one)."""
    a_pattern = a.get("pattern", False)
    if a["valence"] != 0.0 and b["valence"] != 0.0 and a["valence"] != b["valence"]:
        if from_pattern:
            b = dict(b, valence=a["valence"])
        elif a_pattern:
            a = dict(a, valence=b["valence"])
        else:
            sys.exit(f"{where}: conflicting valence for a term listed twice: "
                     f"{a['valence']} vs {b['valence']}")
    m = dict(a)
    m["pattern"] = a_pattern and from_pattern
    m["valence"] = a["valence"] or b["valence"]
    m["emo"] = [max(x, y) for x, y in zip(a["emo"], b["emo"])]
    m["scores"] = [max(x, y) for x, y in zip(a["scores"], b["scores"])]
    m["flags"] = a["flags"] | b["flags"]
    m["flags2"] = a["flags2"] | b["flags2"]
    m["mod"] = a["mod"] or b["mod"]
    m["cust_val"] = a["cust_val"] or b["cust_val"]
    if b["esc_w"] > a["esc_w"]:
        m["esc"], m["esc_w"] = b["esc"], b["esc_w"]
    if b["topic_w"] > a["topic_w"]:
        m["topic"], m["topic_w"] = b["topic"], b["topic_w"]
    return m


def expand(term):
    """'a b|c d' lists whole phrases; inside one, 'x/y' lists alternatives for a
    token ('_' in an alternative stands for a space: 'still/not_yet') and a
    trailing '?' makes a token optional."""
    for phrase in term.split("|"):
        slots = []
        for tok in phrase.split():
            optional = tok.endswith("?") and len(tok) > 1
            if optional:
                tok = tok[:-1]
            # '_' inside an alternative stands for a space: "still/not_yet"
            alts = [a.replace("_", " ") for a in tok.split("/")]
            if optional:
                alts.append(None)
            slots.append(alts)
        for combo in itertools.product(*slots):
            words = [w for alt in combo if alt is not None for w in alt.split()]
            out = []
            for w in words:
                w = w.replace("\u2019", "'").replace("n't", "nt")
                # the tokeniser keeps two of a letter repeated three times or
                # more ("sooo" -> "soo"), so a term must be written that way
                # to be reachable: "bbb" -> "bb", "awww" -> "aww"
                w = re.sub(r"([a-z])\1{2,}", r"\1\1", w)
                out.extend(part for part in w.split("'") if part)
            if out:
                yield tuple(out)


# Variants typo_variants() makes of "~" words that are other English words
# (or common chat spellings of them, or names), so they are never read as the
# typo: "compliant" is no "complaint", "manage" no "manager", "agen" is
# "again", "waiter" no "waited". Checked against a word list: with
# RP_LEX_WORDLIST=/usr/share/dict/words (Debian's wamerican) the generator
# fails on a variant in the list that is neither here nor in TYPO_MEANT.
TYPO_REAL = {
    "compliant", "compliants", "complains", "manage", "agen", "woking", "waite", "arrives",
    "charger", "charges", "charted", "closer", "closes", "damages", "deletes", "deliverer",
    "dripping", "drooping", "managed", "mussing", "receiver", "receives", "waiter", "worming",
    "tanks", "interne",
}
# ... and the few in the word list whose typo reading is the one a contact
# centre meets: "manger" (a manager), "peron" (a person), "prefect" (perfect),
# "cancelation" (the American spelling of cancellation)
TYPO_MEANT = {"cancelation", "manger", "peron", "prefect"}


KEY_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def key_neighbours(c):
    """The letters next to c on a QWERTY keyboard: both sides in its row, and
    the two keys that touch it in the row above and in the row below (each
    row sits half a key to the right of the one above)."""
    for r, row in enumerate(KEY_ROWS):
        if c in row:
            i = row.index(c)
            near = [(r, i - 1), (r, i + 1), (r - 1, i), (r - 1, i + 1), (r + 1, i - 1), (r + 1, i)]
            return {KEY_ROWS[rr][ii] for rr, ii in near
                    if 0 <= rr < len(KEY_ROWS) and 0 <= ii < len(KEY_ROWS[rr])}
    return set()


def typo_variants(word):
    """One-key typing errors of a word of 5 letters or more: a letter
    dropped, two neighbours swapped, a letter doubled or a letter hit on a
    key next to it, never at the first letter (people rarely miss it, and
    most such variants are other words)."""
    out = set()
    for i in range(1, len(word)):
        out.add(word[:i] + word[i + 1:])                         # dropped
        if i + 1 < len(word) and word[i] != word[i + 1]:
            out.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])  # swapped
        if word[i] != word[i - 1] and (i + 1 == len(word) or word[i] != word[i + 1]):
            out.add(word[:i + 1] + word[i] + word[i + 1:])       # doubled
        for c in key_neighbours(word[i]):
            out.add(word[:i] + c + word[i + 1:])                 # a key next to it
    out.discard(word)
    return out


def breadth_first(children, accept):
    """The trie renumbered breadth first: the root's children get the first
    numbers, so the word slots' 16-bit root field holds them however large the
    trie grows below them."""
    order = [0]
    for node in order:
        order.extend(children[node][w] for w in sorted(children[node]))
    new_id = {old: new for new, old in enumerate(order)}
    return ([{w: new_id[c] for w, c in children[old].items()} for old in order],
            [accept[old] for old in order])

def word_spellings(word_ids, same_words, typo_words):
    """{spelling: word} for "spelling = ~word" lines and the typing errors of
    "~ word" words. A spelling that is a word of the lexicon keeps its own
    meaning; one that two words would share (or TYPO_REAL) is dropped."""
    out = {}
    for v, w, where in same_words:
        if w not in word_ids:
            sys.exit(f"{where}: '~{w}' is no word of the lexicon")
        if v in word_ids or " " in v or not v:
            sys.exit(f"{where}: '{v}' is a word of its own")
        out[v] = w
    made = {}
    for w, where in typo_words:
        if w not in word_ids:
            sys.exit(f"{where}: '~ {w}': no word of the lexicon")
        if len(w) < 5 or not w.isascii() or not w.isalpha():
            sys.exit(f"{where}: '~ {w}': only words of 5 ASCII letters or more")
        for v in typo_variants(w):
            made.setdefault(v, set()).add(w)
    for v, ws in sorted(made.items()):
        if len(ws) == 1 and v not in word_ids and v not in out and v not in TYPO_REAL:
            out[v] = next(iter(ws))
    listed = os.environ.get("RP_LEX_WORDLIST")
    if listed:
        with open(listed, encoding="utf-8", errors="replace") as f:
            real = {w.strip().lower() for w in f}
        clash = sorted(v for v in out if v in real and v not in TYPO_MEANT and v in made)
        if clash:
            sys.exit("typing errors that are words of %s (add them to TYPO_REAL or "
                     "TYPO_MEANT): %s" % (listed, " ".join(clash)))
    return out


LEAD_IN_FLAGS = ("hreq_verb", "first_person", "want")
LEAD_IN_PRONOUNS = {"i", "me", "m", "d", "im", "id", "we", "my", "you"}


def bridged_phrases(terms):
    """{words: entry} for each lead-in phrase (several words, valence 0, no
    escalation, no emotion or cue, flags among LEAD_IN_FLAGS) joined with an
    escalation phrase that starts on its last words and goes past it."""
    lead_mask = 0
    for f in LEAD_IN_FLAGS:
        lead_mask |= FLAGS[f]
    by_prefix = {}
    for words, e in terms.items():
        # not a request for a person: the pair rules read those, and "can i
        # speak | to someone about my mortgage" asks for no one in particular
        if len(words) > 1 and e["esc"] not in (0, ESC_TYPES.index("human_request")):
            for k in range(1, len(words)):
                by_prefix.setdefault(words[:k], []).append(words)
    out = {}
    for lead, le in terms.items():
        if (len(lead) < 2 or le["valence"] != 0.0 or le["esc"] != 0 or le["topic"] != 0 or
                any(le["emo"]) or any(le["scores"]) or le["flags"] & ~lead_mask or
                not le["flags"] & FLAGS["first_person"]):
            continue
        for k in range(1, len(lead)):
            if set(lead[len(lead) - k:]) <= LEAD_IN_PRONOUNS:
                continue  # "get me" + "me again" is no "give me again"
            for words in by_prefix.get(lead[len(lead) - k:], ()):
                joined = lead + words[k:]
                if len(joined) <= MAX_PHRASE_TOKENS and joined not in terms:
                    pe = terms[words]
                    out[joined] = dict(pe, flags=pe["flags"] | le["flags"])
    return out


def c_str(b: bytes) -> str:
    out = []
    for ch in b:
        if 32 <= ch < 127 and ch not in (34, 92, 63):
            out.append(chr(ch))
        else:
            out.append("\\%03o" % ch)
    return '"' + "".join(out) + '"'


# model files, in the order of NLP_MODEL_* (lexicon.h)
# nlp/lexicon/given_names.txt: one given name a line, lower case, ASCII letters,
# "name = title" for one read only in Title Case ("Tom"; "tom" is a word); '#'
# starts a comment. Each is a slot of the word table (main()) with no word id,
# only the secret_name tag, and the entry -1, or GIVEN_TITLE_ENTRY when Title
# Case only (NLP_LEX_GIVEN_TITLE in lexicon.h); a name that is a word of the
# phrases keeps its slot with the tag and GIVEN_WORD_ENTRY (NLP_LEX_GIVEN_WORD)
NAMES_FILE = "given_names.txt"
GIVEN_TAGS = 256  # the slot's tags of a given name: secret_name alone (word_tags in main())
GIVEN_TITLE_ENTRY = -2
GIVEN_WORD_ENTRY = -3


def read_given_names(path):
    """The names of a given-names file, checked."""
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            name, _, tag = line.partition(" = ")
            if not (3 <= len(name) <= 16 and name.isascii() and name.isalpha() and name.islower()):
                sys.exit(f"{path}:{n}: a given name is 3 to 16 lower-case ASCII letters")
            if tag not in ("", "title"):
                sys.exit(f"{path}:{n}: expected 'name' or 'name = title'")
            out.append((name, tag == "title"))
    if len({name for name, _ in out}) != len(out):
        sys.exit(f"{path}: a name listed twice")
    return out


MODEL_NAMES = ["sarcasm_model.txt", "empathy_model.txt", "complaint_model.txt",
               "tonedeaf_model.txt", "public_model.txt", "repeat_model.txt", "human_model.txt",
               "cancel_model.txt", "legal_model.txt", "anger_model.txt", "annoyance_model.txt",
               "anxiety_model.txt", "confusion_model.txt", "sadness_model.txt",
               "gratitude_model.txt", "joy_model.txt"]
MODEL_DENSE = 13     # NLP_MODEL_DENSE in lexicon.h
# models whose weights interleave in one table (lexicon.h), by table name:
# NLP_MODEL_PUBLIC to NLP_MODEL_LEGAL, NLP_MODEL_ANGER to NLP_MODEL_JOY; and
# each table's stride (NLP_MODEL_ESC_N, NLP_MODEL_EMO_STRIDE: the emotion
# models' seven weights and a zero, one 8-byte word)
INTERLEAVED = {"esc_word": (4, 5, 6, 7, 8), "emo_word": (9, 10, 11, 12, 13, 14, 15)}
STRIDE = {"esc_word": 5, "emo_word": 8}
MODEL_SCALE = 32.0   # NLP_MODEL_SCALE


def read_model(path):
    """A model (bench/nlp/train_models.py): '@bias w', '@dense i w' and
    'word w' lines; returns (bias, dense weights, {word: weight})."""
    bias, dense, words = -100.0, [0.0] * MODEL_DENSE, {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            part = line.split()
            if not part or line.startswith("# "):
                continue  # a comment line ("#not" is a word)
            if part[0] == "@dense" and len(part) > 3 and part[3] == "#":
                part = part[:3]  # "@dense I W  # name"
            try:
                if part[0] == "@bias" and len(part) == 2:
                    bias = float(part[1])
                elif part[0] == "@dense" and len(part) == 3 and 0 <= int(part[1]) < MODEL_DENSE:
                    dense[int(part[1])] = float(part[2])
                elif len(part) == 2 and not part[0].startswith("@"):
                    words[part[0]] = float(part[1])
                else:
                    raise ValueError
            except ValueError:
                sys.exit(f"{path}:{n}: expected '@bias W', '@dense I W' or 'WORD W'")
    return bias, dense, words


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: gen_lexicon.py OUT.c LEXICON_FILE...")
    terms = {}      # tuple(words) -> entry
    listed = set()  # single words listed on a line with no word tag: they keep an entry
    emoticons = {}  # bytes -> entry
    aliases = []    # (lhs, canonical term, where)
    typo_words = []  # (word, where): "~ word" lines
    same_words = []  # (spelling, word, where): "spelling = ~word" lines
    paths = [p for p in sys.argv[2:]
             if os.path.basename(p) not in MODEL_NAMES and os.path.basename(p) != NAMES_FILE]
    given = [read_given_names(p) for p in sys.argv[2:] if os.path.basename(p) == NAMES_FILE]
    model_paths = {os.path.basename(p): p for p in sys.argv[2:]
                   if os.path.basename(p) in MODEL_NAMES}
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                where = f"{path}:{n}"
                line = line.strip()
                if not line or line.startswith("#"):
                    continue
                if line.startswith("~ "):
                    # "~ account delete": each word's one-key typing errors are
                    # the word itself (typo_variants())
                    typo_words.extend((w.lower(), where) for w in line[2:].split())
                    continue
                if "=" not in line[1:]:
                    sys.exit(f"{where}: expected 'term = ...'")
                # split on the last ' = ' so emoticons such as "=)" survive
                idx = line.rfind(" = ")
                if idx < 0:
                    sys.exit(f"{where}: expected ' = '")
                lhs, rhs = line[:idx].strip(), line[idx + 3:]
                if rhs.strip().startswith("~"):
                    # "acct|acount = ~account": other spellings that are the
                    # word itself, in its phrases too (the same word id)
                    for v in lhs.lower().split("|"):
                        same_words.append((v.strip(), rhs.strip()[1:].lower(), where))
                    continue
                if rhs.strip().startswith("@"):
                    # "dissapointed|disapointed = @disappointed": spellings of a
                    # term that take its values, resolved once every file is read
                    aliases.append((lhs.lower(), rhs.strip()[1:].lower(), where))
                    continue
                entry = parse_rhs(rhs, where)
                # a valence written outside agent.txt is the customer's too
                entry["cust_val"] = (entry["valence"] != 0.0
                                     and os.path.basename(path) != "agent.txt")
                if lhs.startswith("emoticon:"):
                    for emo in lhs[len("emoticon:"):].split("|emoticon:"):
                        emoticons[emo.encode()] = entry
                    continue
                for words in expand(lhs.lower()):
                    if len(words) > MAX_PHRASE_TOKENS:
                        sys.exit(f"{where}: phrase longer than {MAX_PHRASE_TOKENS} tokens")
                    for w in words:
                        if w in (NUM_WORD, MONEY_WORD):
                            continue  # stands for any number / a currency sign
                        bad = [ch for ch in w[1:] if ord(ch) < 128 and not ch.isalnum()]
                        if bad or (ord(w[0]) < 128 and not (w[0].isalnum() or w[0] == "#")):
                            sys.exit(f"{where}: '{w}' can never be a token")
                    if len(words) == 1 and not entry["flags"] & WORD_TAG_FLAGS:
                        listed.add(words[0])  # an entry of its own, even with no values
                    if words in terms:
                        terms[words] = merge(terms[words], entry, f"{where} ({' '.join(words)})",
                                             "/" in lhs or "?" in lhs)
                    else:
                        terms[words] = dict(entry, emo=list(entry["emo"]),
                                            scores=list(entry["scores"]),
                                            pattern="/" in lhs or "?" in lhs)

    # Other spellings of a term (misspellings) take the term's values; a
    # spelling that is a term of its own keeps its own values.
    for lhs, canonical, where in aliases:
        target = terms.get(tuple(canonical.split()))
        if target is None:
            sys.exit(f"{where}: '@{canonical}' is no term")
        for words in expand(lhs):
            if words not in terms:
                terms[words] = target

    # A number that is a lexicon word ("3" of "called 3 times") keeps its own
    # word id, so a phrase with <num> also gets a copy for each such number
    # ("waited <num> hours" -> "waited 3 hours"); an explicit term wins.
    numbers = sorted({w for words in terms for w in words if w.isascii() and w.isdigit()})
    for words in list(terms):
        if NUM_WORD not in words:
            continue
        slots = [[w] if w != NUM_WORD else [NUM_WORD] + numbers for w in words]
        for variant in itertools.product(*slots):
            if variant not in terms:
                terms[variant] = terms[words]

    # A phrase written with a clitic joined ("thats the spirit", "wheres my")
    # also matches the tokeniser's split form of the apostrophe spelling
    # ("that's" -> "that" "s"). Only unambiguous joined forms: not "ill",
    # "well", "were", "hell", "wed", "shell".
    for words in list(terms):
        if len(words) < 2 or not any(w in JOINED_CLITICS for w in words):
            continue
        split = []
        for w in words:
            split.extend(JOINED_CLITICS.get(w, (w,)))
        split = tuple(split)
        if len(split) <= MAX_PHRASE_TOKENS and split not in terms:
            terms[split] = terms[words]

    # "even" after a negated verb is emphasis ("the app won't even open"), but
    # the matcher would take "wont even" (a phrase of its own) and miss "wont
    # open": a fault or complaint phrase that opens with one of EVEN_AFTER
    # also matches with "even" after that word; an explicit term wins.
    for words in list(terms):
        e = terms[words]
        if (len(words) < 2 or len(words) >= MAX_PHRASE_TOKENS or words[0] not in EVEN_AFTER or
                words[1] == "even" or not (e["scores"][SCORES.index("complaint")] > 0.0 or
                                       e["scores"][SCORES.index("problem")] > 0.0)):
            continue
        terms.setdefault(words[:1] + ("even",) + words[1:], e)

    # The matcher takes the longest phrase at the first token it can, so a
    # lead-in phrase with no meaning of its own ("i wanna", "i would like",
    # valence 0, no escalation, only the request flags) would hide an
    # escalation phrase that starts inside it ("wanna complain", "want it
    # closed"): the two are also written as one phrase, with the escalation's
    # values and the lead-in's flags ("i wanna complain").
    joined = bridged_phrases(terms)
    for words, e in joined.items():
        terms.setdefault(words, e)

    # A phrase that opens with the writer ("im taking my business elsewhere")
    # starts a clause as the pronoun alone would: it carries the first word's
    # first_person flag (a negation ends there, see analyzer.c)
    for words in list(terms):
        first = terms.get(words[:1])
        if len(words) > 1 and first and first["flags"] & FLAGS["first_person"]:
            terms[words] = dict(terms[words], flags=terms[words]["flags"] | FLAGS["first_person"])

    # Word tags live in the word's slot (bit 1 "trail", bit 2 "pair_block"), read by
    # the analyser with the word; a word that carries nothing else gets no
    # entry, so the per-token rules see it exactly as a word outside the lexicon.
    # bits 8..15 go to the slot's second tag byte (NLP_WORD2_*)
    word_tags = {"trail": 1, "pair_block": 2, "expect": 8, "receive": 16, "pron": 32,
                 "relief": 64, "thanks_frame": 128, "secret_name": 256, "contact": 512,
                 "again": 1024, "share": 2048, "audience": 4096, "intent": 8192,
                 "promise": 16384, "unmet": 32768,
                 "spoken_digit": ROOT_SPOKEN_DIGIT << 16,  # 4: cont; the last four: the root's top bits
                 "date_word": ROOT_DATE_WORD << 16, "person_before": ROOT_PERSON << 16,
                 "staff_place": ROOT_PLACE << 16}
    if sum(FLAGS[t] for t in word_tags) != WORD_TAG_FLAGS:
        sys.exit("WORD_TAG_FLAGS and word_tags name different tags")
    tagged = {}  # word -> table bits
    for words in list(terms):
        e = terms[words]
        if len(words) == 1 and e["flags2"] & FLAGS2["hide"]:
            sys.exit(f"{words[0]}: 'hide' is for phrases")
        for tag, bit in word_tags.items():
            if not e["flags"] & FLAGS[tag]:
                continue
            if len(words) != 1:
                sys.exit(f"{' '.join(words)}: '{tag}' is for single words")
            tagged[words[0]] = tagged.get(words[0], 0) | bit
            e = dict(e, flags=e["flags"] & ~FLAGS[tag])
        terms[words] = e
    entries = []
    word_ids = {}
    single = {}
    for words in sorted(terms):
        for w in words:
            if w not in word_ids:
                word_ids[w] = len(word_ids)
    for words in sorted(terms):
        if len(words) == 1:
            e = terms[words]
            if (words[0] in tagged and words[0] not in listed
                    and e == dict(new_entry(), pattern=e.get("pattern"))):
                continue  # a word id (for the word table), no entry
            single[words[0]] = len(entries)
            entries.append(e)
    spellings = word_spellings(word_ids, same_words, typo_words)
    # trie: node 0 is the root; children keyed by word id
    children = [dict()]
    accept = [-1]
    for words in sorted(terms):
        if len(words) == 1:
            continue
        node = 0
        for w in words:
            wid = word_ids[w]
            if wid not in children[node]:
                children[node][wid] = len(children)
                children.append(dict())
                accept.append(-1)
            node = children[node][wid]
        accept[node] = len(entries)
        entries.append(terms[words])
    children, accept = breadth_first(children, accept)
    if any(a >= 0 for a in (accept[c] for c in children[0].values())):
        sys.exit("a single word in the phrase trie")  # the matcher never checks depth 1
    cont = set()  # word ids that continue some phrase
    for node in range(1, len(children)):
        cont.update(children[node])
    # grouped by first byte (the matcher scans only its byte's group), longest
    # first within a group: the longest emoticon at a position wins
    emo_list = sorted(emoticons.items(), key=lambda kv: (kv[0][0], -len(kv[0]), kv[0]))
    for _, e in emo_list:
        entries.append(e)
    emo_first = len(entries) - len(emo_list)

    # at least half empty: every probe sequence ends at an empty slot (5/8
    # full was tried: half the slot memory, but the longer probes cost 5 % of
    # the benchmark's rate)
    # given names that are no word or spelling of the lexicon: slots of their
    # own with no word id, no entry and only the secret_name tag (the
    # redactor's hint, NLP_WORD2_SECRET), so that the analyser reads them as
    # words outside the lexicon; a name that is a word ("grace") keeps the word
    title_only = {v for g in given for v, title in g if title}
    names = sorted({v for g in given for v, _ in g} - set(word_ids) - set(spellings))
    # a given name that is a word of the lexicon with no entry or tag of its
    # own and starting no phrase ("margaret" of "it's margaret again") keeps
    # its word and slot, which gets the secret_name tag and the entry
    # GIVEN_WORD_ENTRY (NLP_LEX_GIVEN_WORD): the phrases read it as before
    given_words = {v for g in given for v, title in g
                   if v in word_ids and v not in single and not tagged.get(v) and not title
                   and not children[0].get(word_ids[v])}
    size = 1
    while size < 2 * (len(word_ids) + len(spellings) + len(names)) + 1:
        size *= 2
    slots = [None] * size
    pool = bytearray()
    # a spelling's slot is its word's under another key: the same entry, word
    # id (so the phrases), trie child and tags
    keyed = sorted(word_ids.items(), key=lambda kv: kv[1])
    word_text = [0] * max(1, len(word_ids))  # per word id: pool offset << 6 | length
    keyed += sorted((v, word_ids[w]) for v, w in spellings.items())
    keyed += [(v, -1) for v in names]
    for key, wid in keyed:
        w = key if key in word_ids or wid < 0 else spellings[key]
        b = key.encode()
        if len(b) > WORD_MAX_BYTES:
            sys.exit(f"word too long: {w}")
        h = word_hash(b)
        i = h & (size - 1)
        while slots[i] is not None:
            i = (i + 1) & (size - 1)
        head = chunks64(b) + [0]  # the first 16 bytes, zero padded
        # the slot also holds the word's trie child under the root and its tags
        # (NLP_WORD_CONT: it continues some phrase), read once per token
        tags = (tagged.get(w, 0) | (WORD_CONT if wid in cont else 0)) if wid >= 0 else GIVEN_TAGS
        root = children[0].get(wid, 0)
        if root & ROOT_TAGS:
            sys.exit(f"{len(children[0])} phrase-starting words: the root's top bits are tags")
        root |= (tags >> 16) & ROOT_TAGS
        entry = single.get(w, -1) if wid >= 0 else (GIVEN_TITLE_ENTRY if key in title_only else -1)
        if key in given_words:
            tags |= GIVEN_TAGS
            entry = GIVEN_WORD_ENTRY
        slots[i] = (word_tag(h, len(b)), head[0], head[1], len(pool), entry, wid, root,
                    tags & 0xFFFF)
        if key in word_ids:  # the word's own spelling, for nlp_analyzer_explain()
            word_text[wid] = len(pool) << 6 | len(b)
        pool += b

    # the edges below the root hashed on (node, word id) for the matcher's
    # steps: open addressing, linear probing, at most 3/4 full; key = (node <<
    # 16 | word id) + 1 so that 0 marks an empty slot; Fibonacci hashing of the
    # key; the slot holds the child and the entry accepted there (+ 1)
    # NLP_LEX_WORD_BITS, NLP_LEX_NODE_BITS: an edge key (node << 14 | word id)
    # + 1 fits 32 bits; the root's children (numbered first) fit the slots'
    # 16-bit root; rows are checked where they are made
    if len(word_ids) > 1 << WORD_BITS or len(children) >= (1 << NODE_BITS) - 1:
        sys.exit(f"phrase trie too large: {len(word_ids)} words (at most {1 << WORD_BITS}), "
                 f"{len(children)} nodes (fewer than {(1 << NODE_BITS) - 1})")
    n_edges = sum(len(c) for c in children[1:])
    if os.environ.get("RP_LEX_STATS"):
        print(f"{len(terms)} terms, {len(children)} nodes, {len(word_ids)} words, "
              f"{n_edges} edges, {len(joined)} joined, {len(spellings)} spellings, {len(names)} given names"
              f" and {len(given_words)} that are words",
              file=sys.stderr)
    # the table is at most 3/4 full: a smaller table beats fewer probes (with
    # 47,000 edges, 64 Ki slots at 72 % ran as fast as 128 Ki at 36 %, and
    # doubling at half full had cost about 4 % of the benchmark's rate at
    # 33,000); say so when a few more phrases would double it (docs/nlp.md,
    # "The lexicon and how it is compiled")
    edge_bits = 1
    while 3 * (1 << edge_bits) < 4 * n_edges + 1:
        edge_bits += 1
    edge_slots = [(0, 0, 0)] * (1 << edge_bits)
    room = 3 * (1 << edge_bits) // 4 - n_edges
    if room < (1 << edge_bits) // 128:
        print(f"gen_lexicon.py: note: {n_edges} phrase edges, {room} below the point where "
              f"the edge table doubles to {2 << edge_bits} slots", file=sys.stderr)
    # and a one-bit-per-key filter over the same keys: most steps of the
    # matcher find no edge, and the filter (in the core's cache) says so without
    # the table's cache miss (about 1 in 10 absent keys still reach the table)
    edge_filter = bytearray(1 << (EDGE_FILTER_BITS - 3))
    for node in range(1, len(children)):
        for wid in sorted(children[node]):
            key = ((node << WORD_BITS) | wid) + 1
            i = ((key * EDGE_HASH_MUL) & 0xFFFFFFFF) >> (32 - edge_bits)
            while edge_slots[i][0] != 0:
                i = (i + 1) & ((1 << edge_bits) - 1)
            child = children[node][wid]
            edge_slots[i] = (key, child, accept[child] + 1)
            b = ((key * EDGE_FILTER_MUL) & 0xFFFFFFFF) >> (32 - EDGE_FILTER_BITS)
            edge_filter[b >> 3] |= 1 << (b & 7)

    # one row per distinct entry: the alternatives of a line ("a|b|c = ...") and
    # the variants of a pattern share their values, so words and phrases point
    # at the same row, and the table the analyser reads per token is a tenth of
    # its size (it stays in the core's cache)
    rows = []
    row_of = {}
    remap = []
    for e in entries:
        if agent_only(e):
            e["flags2"] |= AGENT_ONLY_FLAG2
        if any(e["emo"]) or any(e["scores"]):
            e["flags"] |= AFFECT_FLAG
        if e["topic_w"] > 0.0:
            e["flags"] |= TOPIC_FLAG
        emo = ", ".join("%.3ff" % v for v in e["emo"])
        sc = ", ".join("%.3ff" % v for v in e["scores"])
        row = ("    {%.3ff, %du, %.3ff, %du, %du, %.3ff, %du, %.3ff, {%s}, {%s}}," %
               (e["valence"], e["flags"], e["mod"], e["esc"], e["flags2"], e["esc_w"],
                e["topic"], e["topic_w"], emo, sc))
        if row not in row_of:
            row_of[row] = len(rows)
            rows.append(row)
        remap.append(row_of[row])
    slots = [s if s is None else s[:4] + (remap[s[4]] if s[4] >= 0 else s[4],) + s[5:]
             for s in slots]
    if len(rows) + 1 >= 1 << (32 - NODE_BITS):
        sys.exit(f"{len(rows)} entry rows: an edge's accepted row + 1 must fit {32 - NODE_BITS} bits")
    # an edge slot: its key, then the child node in the low NODE_BITS bits and
    # the accepted row + 1 (0: none) above them (NLP_LEX_EDGE_CHILD_MASK)
    edge_slots = [(k, c | (remap[a - 1] + 1 if a > 0 else 0) << NODE_BITS)
                  for k, c, a in edge_slots]

    o = []
    o.append("/* Generated by nlp/gen_lexicon.py from the files in nlp/lexicon/ - do not edit. */")
    o.append('#include "nlp/lexicon.h"\n')
    o.append("// clang-format off")
    pool += bytes(POOL_PAD)  # NLP_LEX_POOL_PAD: 8-byte word compares stay inside
    o.append(f"static const char pool[{len(pool)}] = {{")
    for i in range(0, len(pool), 16):
        o.append("    " + ", ".join("%d" % (b - 256 if b > 127 else b) for b in pool[i:i + 16]) + ",")
    o.append("};")
    # tags: hash bits | length per slot, 0 = empty; 2 bytes a slot so probing stays in cache
    o.append(f"static const uint16_t tags[{size}] = {{")
    for i in range(0, size, 8):
        o.append("    " + ", ".join("%du" % (s[0] if s is not None else 0)
                                    for s in slots[i:i + 8]) + ",")
    o.append("};")
    model_rows, model_lines, model_weights = [], [], []
    for m, name in enumerate(MODEL_NAMES):
        bias, dense, model_words = (read_model(model_paths[name]) if name in model_paths
                                    else (-100.0, [0.0] * MODEL_DENSE, {}))
        weights = [0] * max(1, len(word_ids))
        for w, weight in model_words.items():
            if w in word_ids:  # a word the lexicon dropped since training counts nothing
                weights[word_ids[w]] = max(-127, min(127, round(weight * MODEL_SCALE)))
        model_weights.append(weights)
        model_lines.append("static const float model%d_dense[%d] = {%s};" %
                           (m, MODEL_DENSE, ", ".join("%.6ff" % x for x in dense)))
        table = [t for t, group in INTERLEAVED.items() if m in group]
        if table:
            # the escalation models' weights interleave (lexicon.h): one
            # table, read in one pass; so do the emotion models'
            group = INTERLEAVED[table[0]]
            word = "%s + %d" % (table[0], STRIDE[table[0]] + group.index(m))
        else:
            # a zero before the first: word[-1], for a token with no word id
            word = f"model{m}_word + 1"
            model_lines.append(f"static const int8_t model{m}_word[{len(weights) + 1}] = {{")
            model_lines.append("    0,")
            for i in range(0, len(weights), 16):
                model_lines.append("    " + ", ".join("%d" % x for x in weights[i:i + 16]) + ",")
            model_lines.append("};")
        model_rows.append("{%s, model%d_dense, %.6ff}" % (word, m, bias))
    for table, group in INTERLEAVED.items():
        # a zero per lane before the first word (word[-stride] to word[-1],
        # lexicon.h), and the padding lanes' zeros after each word's weights
        pad = [0] * (STRIDE[table] - len(group))
        inter = [0] * STRIDE[table] + [x for row in zip(*(model_weights[m] for m in group))
                                       for x in list(row) + pad]
        model_lines.append(f"static const int8_t {table}[{len(inter)}] = {{")
        for i in range(0, len(inter), 16):
            model_lines.append("    " + ", ".join("%d" % x for x in inter[i:i + 16]) + ",")
        model_lines.append("};")
    # a slot holds its pool offset << 8 | the sarcasm model's weight of the word
    # (int8): the tokeniser sums the weights as it reads the slots
    if len(pool) >= 1 << 24:
        sys.exit("string pool too large for a 24-bit offset")
    sarc_weights = model_weights[0]
    o.append(f"static const nlp_lex_slot slots[{size}] = {{")
    for s in slots:
        if s is None:
            o.append("    {{0, 0}, 0, -1, -1, 0, 0, 0},")
        else:
            o.append("    {{0x%016xull, 0x%016xull}, %du, %d, %d, %du, %du, %du}," %
                     ((s[1], s[2], s[3] << 8 | (sarc_weights[s[5]] & 0xFF if s[5] >= 0 else 0)) +
                      s[4:7] +
                      (s[7] & 0xFF, s[7] >> 8)))
    o.append("};")
    o.append(f"static const nlp_lex_entry entries[{len(rows)}] = {{")
    o.extend(rows)
    o.append("};")
    o.append(f"static const nlp_lex_edge_slot edge_slots[{len(edge_slots)}] = {{")
    for i in range(0, len(edge_slots), 4):
        o.append("    " + " ".join("{%du, %du}," % e for e in edge_slots[i:i + 4]))
    o.append("};")
    o.append(f"static const uint8_t edge_filter[{len(edge_filter)}] = {{")
    for i in range(0, len(edge_filter), 16):
        o.append("    " + ", ".join("%d" % b for b in edge_filter[i:i + 16]) + ",")
    o.append("};")
    o.append(f"static const uint32_t word_text[{len(word_text)}] = {{")
    for i in range(0, len(word_text), 8):
        o.append("    " + ", ".join("%du" % x for x in word_text[i:i + 8]) + ",")
    o.append("};")
    o.append(f"static const nlp_lex_emoticon emoticons[{max(1, len(emo_list))}] = {{")
    for i, (b, _) in enumerate(emo_list):
        o.append("    {%s, %d, %d}," % (c_str(b), len(b), remap[emo_first + i]))
    if not emo_list:
        o.append('    {"", 0, -1},')
    o.append("};")
    o.extend(model_lines)
    o.append("// clang-format on\n")
    # the given names by their first two letters: bit L for a name of L letters
    # (those that are words too: "margaret")
    given_lens = [0] * (26 * 26)
    for v in names + sorted(given_words):
        given_lens[(ord(v[0]) - 97) * 26 + ord(v[1]) - 97] |= 1 << len(v)
    o.append("static const uint32_t given_lens[%d] = {" % len(given_lens))
    for i in range(0, len(given_lens), 8):
        o.append("    " + " ".join("0x%xu," % x for x in given_lens[i:i + 8]))
    o.append("};")
    o.append("const nlp_lexicon nlp_lexicon_builtin = {")
    o.append("    pool, tags, slots, %du, entries, %du, %du," % (size, len(rows), len(children)))
    o.append("    emoticons, %du, %du, edge_slots, %du, edge_filter, word_text, given_lens," %
             (len(emo_list), len(word_ids), edge_bits))
    o.append("    {%s}," % ", ".join(model_rows))
    o.append("};")
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write("\n".join(o) + "\n")


if __name__ == "__main__":
    main()
