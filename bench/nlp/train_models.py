#!/usr/bin/env python3
"""bench/nlp/train_models.py - trains rapport's models (nlp/lexicon.h).

usage: bench/nlp/train_models.py DUMP_TOOL DATA_TEXT_DIR OUT_DIR

DUMP_TOOL is build/bench/nlp/bench_nlp_model_dump (the analyser's own tokens
and rule features), DATA_TEXT_DIR ../shared/data/text, OUT_DIR nlp/lexicon:
it writes sarcasm_model.txt, empathy_model.txt, complaint_model.txt,
tonedeaf_model.txt, public_model.txt, repeat_model.txt, human_model.txt,
cancel_model.txt, legal_model.txt and the seven emotion models (anger_model.txt,
annoyance_model.txt, anxiety_model.txt, confusion_model.txt, sadness_model.txt,
gratitude_model.txt, joy_model.txt) there
(compiled into the lexicon at the next build). RP_MODEL_CV=1 also prints a
5-fold cross-validation over the labelled messages of each.

Each model is a logistic regression over the message's lexicon words (a weight
per word, counted per token) and NLP_MODEL_DENSE rule features.

The empathy model decides the agent replies the rules leave below 0.5; it is
trained on those replies of our agent development sets (bench/nlp/dev/
agent_dev.tsv and agent3_dev.tsv to agent10_dev.tsv, column empathy). The
tone-deafness model decides the same replies (it adds only from probability
0.97: analyzer.c) but is trained on every reply of those sets, column
tone_deaf, blind to the rules' tone-deaf features (zeroed), so that a rule
that catches more replies does not take its training replies away.

The complaint model adds complaints to the customer messages the rules leave
below 0.5 (and do not explain: analyzer.c); it is trained, all the same, on
all the messages of our complaint development sets (bench/nlp/dev/
complaints_dev.tsv, complaints2_dev.tsv to complaints9_dev.tsv, column label;
chat_turns2_dev.tsv, column complaint). Its rule features include the
sarcasm model's output, so after a change that moves the sarcasm model, build
and train twice (the test nlp-models says when a model is stale).

The five escalation models (public, repeat, human, cancel, legal) add a
public threat, a repeat contact, a request for a person, leaving or a legal
threat, from probability 0.8, to the customer messages the rules leave
below 0.5 that hold a word of a contact, of before now, of telling, of an
audience, of a promise or of what did not happen, a word of the person or
cancel pairs, a legal word or the automated service named, and whose praise
does not outweigh their negative words; and together they take back a legal
threat of the rules' (no complaint or claim in it) that each reads below
0.2 (analyzer.c); each is trained on every message of our escalation and
routine development sets (bench/nlp/dev/escalation_dev.tsv,
escalation2_dev.tsv to escalation17_dev.tsv, escalation19_dev.tsv,
escalation21_dev.tsv, escalation22_dev.tsv, routine_dev.tsv, routine2_dev.tsv, column label: 1
for its type, 0 for the others and none; a message the rules escalate as a
legal threat with its real rule features, the others with zeros)
and, as 0, on the messages it reads of one half of each set fit for tuning,
over the complaint model's rule features.

The emotion models (one per emotion of nlp_emotion) add an emotion to the
customer messages the rules leave below 0.5 for it, from probability 0.5
(analyzer.c); each is trained on every message of our contact-centre emotion
sets (bench/nlp/dev/emotions_cc_dev.tsv, emotions_cc2_dev.tsv to
emotions_cc4_dev.tsv, column label: one feeling per message, 1 for its
emotion, 0 for the others and neutral) and, with weight EMO_GENERAL_WEIGHT,
on every message of goemotions (fit for tuning), labelled by its raters
(anxiety: nervousness or fear; sadness: sadness or grief; the others by their
own names), and, as 0 for every emotion, the routine requests (label none)
of bench/nlp/dev/routine_dev.tsv and routine2_dev.tsv, over the rules'
emotion scores and other rule features.

The sarcasm model decides only
the messages the rules leave sincere that hold praise (pos_mass >= 1); it is
trained on every message with praise, the rules' sarcasm zeroed in its
features (blind(): a rule that reads more sarcasm leaves it as much to learn
from):
  - sarcastic (1) and sincere (0) messages of our development sets
    bench/nlp/dev/sarcasm_dev.tsv, sarcasm2_dev.tsv, sarcasm3_dev.tsv,
    sarcasm4_dev.tsv, sarcasm5_dev.tsv, sarcasm6_dev.tsv (written for this project);
  - as sincere (0), every other message of the sets the data MANIFEST marks fit
    for tuning (vader_tweets, vader_amazon, vader_movie, vader_nyt,
    uci_sentences, goemotions; permissive licences): general text is rarely
    sarcastic, and these teach the model what ordinary praise looks like. The
    other half of each is kept out and only measured (how many it flags).
The held-out sets (bench/nlp/dev/heldout_*) and the evaluation-only sets are
never read here. Training is deterministic: the same inputs give the same file.
It is also steady: the order SGD visits the samples in follows each sample's
content, and the model is the mean of its last epochs, so a lexicon change that
moves one message in or out of a set moves the models by little (with a
shuffle of positions, one message fewer re-drew every model).
"""
import hashlib
import math
import os
import subprocess
import sys

DENSE = 13  # NLP_MODEL_DENSE
PRAISE = 1.0  # SARC_MODEL_PRAISE in analyzer.c
SCALE = 32.0  # NLP_MODEL_SCALE: weights are stored as int8 at this scale
AGENT_SETS = ["agent_dev.tsv", "agent3_dev.tsv", "agent4_dev.tsv", "agent5_dev.tsv",
              "agent6_dev.tsv", "agent7_dev.tsv", "agent8_dev.tsv", "agent9_dev.tsv", "agent10_dev.tsv"]
AGENT_DENSE_NAMES = ["pos_mass", "neg_mass", "empathy_cue", "tonedeaf_cue", "but", "exclamation",
                     "question", "length", "rule_empathy", "rule_tonedeaf", "you", "hard_times",
                     "cheer"]
# words the tone-deafness model does not weigh: a negator, "why" and "but" are
# as common in careful replies as in cold ones ("I'm not sure why that
# happened, but I'll find out"), and the model gave them 1.6-1.7 each
TONEDEAF_BLIND_WORDS = frozenset(["not", "why", "but", "cant", "dont", "isnt"])
SARC_BLIND = (9,)  # rule_sarcasm: zeroed in the sarcasm model's training (blind())
DENSE_NAMES = ["pos_mass", "neg_mass", "bad_situations", "complaint_cue", "problem_cue", "but",
               "warm_face", "exclamation", "gratitude", "rule_sarcasm", "question", "length",
               "put_right"]
COMPLAINT_DENSE_NAMES = ["rule_complaint", "valence", "neg_valence", "escalation", "sarcasm",
                         "anger", "annoyance", "gratitude", "anxiety_sadness", "complaint_cue",
                         "problem_cue", "question", "length"]
COMPLAINT_SETS = [("complaints_dev.tsv", "label"), ("complaints2_dev.tsv", "label"),
                  ("complaints3_dev.tsv", "label"), ("complaints4_dev.tsv", "label"),
                  ("complaints5_dev.tsv", "label"), ("complaints6_dev.tsv", "label"),
                  ("complaints7_dev.tsv", "label"), ("complaints8_dev.tsv", "label"),
                  ("complaints9_dev.tsv", "label"),
                  ("chat_turns2_dev.tsv", "complaint")]
ESC_MODEL_ADD = 0.8  # ESC_MODEL_ADD in analyzer.c
# the escalation models' (label: none or an escalation type)
# (escalation18_dev, contrastive housekeeping pairs, is scored, not trained on:
# docs/nlp.md)
ESCALATION_SETS = ["escalation_dev.tsv"] + [f"escalation{k}_dev.tsv" for k in range(2, 18)] + [
    "escalation19_dev.tsv", "escalation21_dev.tsv", "escalation22_dev.tsv", "routine_dev.tsv",
    "routine2_dev.tsv"]
DEV_SETS = ["sarcasm_dev.tsv", "sarcasm2_dev.tsv", "sarcasm3_dev.tsv", "sarcasm4_dev.tsv",
            "sarcasm5_dev.tsv", "sarcasm6_dev.tsv"]
# customers' messages of our other development sets, as sincere: without them
# the model would learn that talk of parcels and bills is sarcastic, because the
# general text above has none. Rows whose label may hide sarcasm (anger,
# annoyance; complaints) are left out.
SERVICE_SETS = ["escalation_dev.tsv", "escalation2_dev.tsv", "escalation3_dev.tsv",
                "escalation4_dev.tsv", "escalation5_dev.tsv", "escalation6_dev.tsv",
                "escalation7_dev.tsv", "escalation8_dev.tsv", "routine_dev.tsv", "routine2_dev.tsv",
                "support_dev.tsv", "support2_dev.tsv", "support3_dev.tsv", "chat_turns2_dev.tsv",
                "emotions_cc_dev.tsv", "emotions_cc2_dev.tsv", "emotions_cc3_dev.tsv",
                "emotions_cc4_dev.tsv"]
SERVICE_SKIP = {"anger", "annoyance"}
FIT_SETS = ["vader_tweets.tsv", "vader_amazon.tsv", "vader_movie.tsv", "vader_nyt.tsv",
            "uci_sentences.tsv", "goemotions.tsv"]
EMOTION_SETS = ["emotions_cc_dev.tsv", "emotions_cc2_dev.tsv", "emotions_cc3_dev.tsv",
                "emotions_cc4_dev.tsv"]
EMOTIONS = ["anger", "annoyance", "anxiety", "confusion", "sadness", "gratitude", "joy"]  # nlp_emotion
# goemotions' labels that stand for each (its raters' 27 emotions)
EMOTION_GOEMOTIONS = {"anger": {"anger"}, "annoyance": {"annoyance"},
                      "anxiety": {"nervousness", "fear"}, "confusion": {"confusion"},
                      "sadness": {"sadness", "grief"}, "gratitude": {"gratitude"}, "joy": {"joy"}}
# the weight of one goemotions message against one of ours in the emotion
# models: chosen by 5-fold cross-validation over our sets (0.1 against 0.3 and
# 1.0: F1 higher on every emotion; without goemotions higher again on our sets
# but worse on goemotions, Reddit comments: twenty-fifth session, docs/nlp.md)
EMO_GENERAL_WEIGHT = 0.1
# routine requests (the `none` rows of our routine sets) teach the emotion
# models what an ordinary request looks like, as 0 for every emotion: without
# them the models learnt from our emotion sets, where the sad customers
# cancel things, that "cancel" is sad (`I need to cancel the after-school club
# booking for Thursday, she's got the dentist` read sadness 0.64)
EMOTION_ROUTINE_SETS = ["routine_dev.tsv", "routine2_dev.tsv"]
EMOTION_DENSE_NAMES = ["rule_anger", "rule_annoyance", "rule_anxiety", "rule_confusion",
                       "rule_sadness", "rule_gratitude", "rule_joy", "valence", "neg_valence",
                       "complaint", "escalation", "question", "length"]
GENERAL_WEIGHT = float(os.environ.get("RP_MODEL_GENERAL_WEIGHT", "1.0"))  # weight of one general-text message against one labelled one
EPOCHS = int(os.environ.get("RP_MODEL_EPOCHS", "25"))
AVERAGED = 10  # the model is the mean of the weights after each of the last AVERAGED epochs
RATE = 0.05
L2 = float(os.environ.get("RP_MODEL_L2", "1e-3"))
# the complaint model's: it learns from every message of our complaint sets,
# and weaker penalties let single words ("says", "update") carry our writers'
# habits (docs/nlp.md, The complaint model)
COMPLAINT_L2 = float(os.environ.get("RP_COMPLAINT_L2", "0.1"))
SEED = 13


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:] if len(r) == len(head)]


def dump(tool, texts, model="sarcasm"):
    out = subprocess.run([tool, model], input="\n".join(t.replace("\n", " ") for t in texts) + "\n",
                         capture_output=True, text=True, check=True).stdout.split("\n")
    rows = []
    for line in out[:len(texts)]:
        part = line.split("\t")
        dense = [float(x) for x in part[:DENSE]]
        words = part[DENSE].split() if len(part) > DENSE else []
        rows.append((dense, words))
    return rows


def gated(dense):
    """The messages the model may decide: praise (pos_mass >= PRAISE), the rules' sarcasm
    (1 - exp(-1.2 sarc), analyzer.c) below 0.5. (A message that puts a fault
    right, dense[12], is left sincere by the analyser whatever the model says;
    such messages stay in training, where they teach the model that the rest
    of their words are sincere.)"""
    return dense[0] >= PRAISE and 1.0 - math.exp(-1.2 * dense[9]) < 0.5


def score(w_words, w_dense, bias, dense, words):
    z = bias + sum(w_dense[k] * dense[k] for k in range(DENSE))
    z += sum(w_words.get(x, 0.0) for x in words)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def train(samples, l2=None):
    """samples: (dense, words, label, weight, labelled); SGD on the log loss with
    an L2 penalty of l2 (L2 when None), in an order set by each sample's content,
    averaged over the last AVERAGED epochs."""
    l2 = L2 if l2 is None else l2
    w_words, w_dense, bias = {}, [0.0] * DENSE, 0.0
    sum_words, sum_dense, sum_bias = {}, [0.0] * DENSE, 0.0
    # each epoch visits the samples in an order drawn from each sample's own
    # content (with the seed and the epoch), not from a shuffle of their
    # positions: a sample added or taken away (a lexicon change moves a message
    # in or out of a set) leaves the others' order as it was, so the models
    # move by what changed rather than by a new shuffle of everything
    keys = [hashlib.sha1(repr(x[:4]).encode()).digest() for x in samples]
    for epoch in range(EPOCHS):
        salt = f"{SEED}:{epoch}".encode()
        order = sorted(range(len(samples)), key=lambda i: (hashlib.sha1(salt + keys[i]).digest(), i))
        for i in order:
            dense, words, label, weight, _ = samples[i]
            g = (score(w_words, w_dense, bias, dense, words) - label) * weight
            bias -= RATE * g
            for k in range(DENSE):
                w_dense[k] -= RATE * (g * dense[k] + l2 * w_dense[k])
            for x in words:
                w = w_words.get(x, 0.0)
                w_words[x] = w - RATE * (g + l2 * w)
        if epoch >= EPOCHS - AVERAGED:
            # the model is the mean of the last epochs' weights: SGD at a
            # constant rate wanders about the optimum, and where its last step
            # lands is an accident of the order; the mean is not
            for x, w in w_words.items():
                sum_words[x] = sum_words.get(x, 0.0) + w
            for k in range(DENSE):
                sum_dense[k] += w_dense[k]
            sum_bias += bias
    n = float(min(AVERAGED, EPOCHS))
    return {x: w / n for x, w in sum_words.items()}, [w / n for w in sum_dense], sum_bias / n


def cross_validate(samples, l2=None):
    """5-fold cross-validation over the labelled samples (the others always in
    training): F1 at several thresholds on the folds left out."""
    lab_idx = [i for i, x in enumerate(samples) if x[4]]
    probs = []
    for fold in range(5):
        test = set(lab_idx[fold::5])
        model = train([x for i, x in enumerate(samples) if i not in test], l2)
        probs += [(score(*model, *samples[i][:2]), samples[i][2]) for i in test]
    for th in (0.5, 0.6, 0.7, 0.8):
        tp = sum(1 for p, y in probs if p >= th and y == 1.0)
        fp = sum(1 for p, y in probs if p >= th and y == 0.0)
        fn = sum(1 for p, y in probs if p < th and y == 1.0)
        print(f"  5-fold at {th}: F1 {2 * tp / max(1, 2 * tp + fp + fn):.3f} "
              f"(tp {tp}, fp {fp}, fn {fn})")


def write_model(path, comments, model, names):
    w_words, w_dense, bias = model
    lines = [f"# {c}" for c in comments] + ["%-16s %.6f" % ("@bias", bias)]
    for k in range(DENSE):
        lines.append("@dense %d %.6f  # %s" % (k, w_dense[k], names[k]))
    for x in sorted(w_words):
        q = max(-127, min(127, round(w_words[x] * SCALE)))
        if q != 0:
            lines.append("%s %.5f" % (x, q / SCALE))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print(f"train_models: wrote {path} ({sum(1 for x in w_words.values() if round(x * SCALE))}"
          f" words)")


def report_labelled(samples, model):
    lab = [x for x in samples if x[4]]
    tp = sum(1 for d, w, y, _, _ in lab if y == 1.0 and score(*model, d, w) >= 0.5)
    fp = sum(1 for d, w, y, _, _ in lab if y == 0.0 and score(*model, d, w) >= 0.5)
    pos = sum(1 for x in lab if x[2] == 1.0)
    print(f"  labelled {len(lab)} (positive {pos}): flagged {tp} positive, {fp} negative")


def praised(dense):
    """The messages the model learns from: every one with praise (pos_mass >=
    PRAISE), also those the rules already read as sarcastic."""
    return dense[0] >= PRAISE


def blind(dense, keys=SARC_BLIND):
    """A message's features with those the rules decide zeroed (keys: by
    default the rules' sarcasm, SARC_BLIND): the model learns its words from
    every labelled message, and a rule that catches more messages does not take
    its training messages away (seventeenth session, docs/nlp.md); it still
    decides only what the rules leave (gated() for sarcasm)."""
    return [0.0 if k in keys else x for k, x in enumerate(dense)]


def fit(out_dir, name, samples, comments, names, l2=None):
    """Trains model `name` on samples (a 5-fold cross-validation first when
    RP_MODEL_CV is set), writes OUT_DIR/NAME_model.txt headed by comments and
    reports its labelled samples; returns the model."""
    print(f"train_models: {name}")
    if os.environ.get("RP_MODEL_CV"):
        cross_validate(samples, l2)
    model = train(samples, l2)
    write_model(os.path.join(out_dir, f"{name}_model.txt"), comments, model, names)
    report_labelled(samples, model)
    return model


def report_kept_out(model, kept_out, threshold, what):
    """How many of each kept-out half's messages the model flags."""
    for name, feats in kept_out.items():
        flagged = sum(1 for d, w in feats if score(*model, d, w) >= threshold)
        print(f"  {name} (kept-out half, {what}): {flagged} of {len(feats)} flagged")


def train_sarcasm(tool, data_dir, dev_dir, out_dir):
    samples, kept_out = [], {}
    n_labelled = 0
    for name in DEV_SETS:
        rows = read_tsv(os.path.join(dev_dir, name))
        for (dense, words), r in zip(dump(tool, [r["text"] for r in rows]), rows):
            if praised(dense):
                samples.append((blind(dense), words, float(r["label"] == "1"), 1.0, True))
                n_labelled += 1
    n_service = 0
    for name in SERVICE_SETS:
        rows = [r for r in read_tsv(os.path.join(dev_dir, name))
                if r.get("label") not in SERVICE_SKIP]
        for dense, words in dump(tool, [r["text"] for r in rows]):
            if praised(dense):
                samples.append((blind(dense), words, 0.0, 1.0, False))
                n_service += 1
    for name in FIT_SETS:
        rows = read_tsv(os.path.join(data_dir, name))
        feats = dump(tool, [r["text"] for r in rows])
        kept_out[name] = [(blind(d), w) for i, (d, w) in enumerate(feats)
                          if i % 2 == 1 and gated(d)]
        for i, (dense, words) in enumerate(feats):
            if i % 2 == 0 and praised(dense):
                samples.append((blind(dense), words, 0.0, GENERAL_WEIGHT, False))
    model = fit(out_dir, "sarcasm", samples, [
        "nlp/lexicon/sarcasm_model.txt - rapport's sarcasm model, GENERATED by",
        "bench/nlp/train_models.py (see there and docs/nlp.md, Sarcasm); do not edit.",
        f"{n_labelled} labelled messages of {', '.join(DEV_SETS)},",
        f"{n_service} customers' messages of our other development sets as sincere,",
        f"{len(samples) - n_labelled - n_service} general ones as sincere (weight "
        f"{GENERAL_WEIGHT}),",
        f"{EPOCHS} epochs (the mean of the last {AVERAGED}), rate {RATE}, L2 {L2}, seed {SEED}."], DENSE_NAMES)
    report_kept_out(model, kept_out, 0.5, "with praise")


def train_agent(tool, dev_dir, out_dir, model_name, label, rule_index, blind_to=(),
                blind_words=frozenset()):
    """An agent model, labelled by column label of the agent development sets:
    the replies whose rule score (dense[rule_index]) is below 0.5; or, when
    blind_to names dense features, every reply with those features zeroed (the
    model then learns its words from all the labelled replies, not only from
    those the rules miss, and a rule that catches more replies leaves it as
    much to learn from)."""
    samples = []
    for name in AGENT_SETS:
        rows = read_tsv(os.path.join(dev_dir, name))
        for (dense, words), r in zip(dump(tool, [r["text"] for r in rows], model_name), rows):
            if blind_to:
                dense = blind(dense, blind_to)
            elif dense[rule_index] >= 0.5:
                continue
            words = [x for x in words if x not in blind_words]
            samples.append((dense, words, float(r[label] == "1"), 1.0, True))
    fit(out_dir, model_name, samples, [
        f"nlp/lexicon/{model_name}_model.txt - rapport's {label} model for agent replies,",
        "GENERATED by bench/nlp/train_models.py (see there and docs/nlp.md); do not edit.",
        f"{len(samples)} replies of {', '.join(AGENT_SETS)} "
        + (f"(all; dense {', '.join(AGENT_DENSE_NAMES[k] for k in blind_to)} zeroed)," if blind_to
           else "that the rules leave below 0.5,"),
        f"{EPOCHS} epochs (the mean of the last {AVERAGED}), rate {RATE}, L2 {L2}, seed {SEED}."], AGENT_DENSE_NAMES)


def train_complaint(tool, dev_dir, out_dir):
    """The complaint model: every message of our complaint development sets."""
    samples = []
    for name, label in COMPLAINT_SETS:
        rows = read_tsv(os.path.join(dev_dir, name))
        for (dense, words), r in zip(dump(tool, [r["text"] for r in rows], "complaint"), rows):
            samples.append((dense, words, float(r[label] == "1"), 1.0, True))
    fit(out_dir, "complaint", samples, [
        "nlp/lexicon/complaint_model.txt - rapport's complaint model for customers' messages,",
        "GENERATED by bench/nlp/train_models.py (see there and docs/nlp.md); do not edit.",
        f"{len(samples)} messages of {', '.join(n for n, _ in COMPLAINT_SETS)},",
        f"{EPOCHS} epochs (the mean of the last {AVERAGED}), rate {RATE}, L2 {COMPLAINT_L2}, seed {SEED}."],
        COMPLAINT_DENSE_NAMES, COMPLAINT_L2)


def train_escalation(tool, data_dir, dev_dir, out_dir, model_name, esc_type):
    """An escalation model: every customer message of our escalation and
    routine development sets, 1 for those labelled esc_type, 0 for the others
    (the other types and none); and, as 0, the messages it reads (inputs not
    all zero: analyzer.c) of one half of each set fit for tuning (general text
    holds few escalations, and without it the model read "tell my friends"
    in any comment as a threat); the other half is kept out and measured."""
    samples, kept_out = [], {}
    for name in ESCALATION_SETS:
        rows = read_tsv(os.path.join(dev_dir, name))
        for (dense, words), r in zip(dump(tool, [r["text"] for r in rows], model_name), rows):
            samples.append((dense, words, float(r["label"] == esc_type), 1.0, True))
    n_labelled = len(samples)
    for name in FIT_SETS:
        rows = read_tsv(os.path.join(data_dir, name))
        feats = dump(tool, [r["text"] for r in rows], model_name)
        kept_out[name] = [(d, w) for i, (d, w) in enumerate(feats) if i % 2 == 1 and any(d)]
        samples += [(d, w, 0.0, GENERAL_WEIGHT, False) for i, (d, w) in enumerate(feats)
                    if i % 2 == 0 and any(d)]
    model = fit(out_dir, model_name, samples, [
        f"nlp/lexicon/{model_name}_model.txt - rapport's {esc_type} escalation model for customers' messages,",
        "GENERATED by bench/nlp/train_models.py (see there and docs/nlp.md); do not edit.",
        f"{n_labelled} messages of {', '.join(ESCALATION_SETS)},",
        f"{len(samples) - n_labelled} general ones as none (weight {GENERAL_WEIGHT}),",
        f"{EPOCHS} epochs (the mean of the last {AVERAGED}), rate {RATE}, L2 {L2}, seed {SEED}."],
        COMPLAINT_DENSE_NAMES)
    report_kept_out(model, kept_out, ESC_MODEL_ADD, "read by the model")


def train_emotions(tool, data_dir, dev_dir, out_dir):
    """The seven emotion models: every message of our contact-centre emotion
    sets (one feeling each) and, at EMO_GENERAL_WEIGHT, every goemotions one."""
    ours, general = [], []
    for name in EMOTION_SETS:
        rows = read_tsv(os.path.join(dev_dir, name))
        ours += [(d, w, {r["label"]}) for (d, w), r in
                 zip(dump(tool, [r["text"] for r in rows], "anger"), rows)]
    rows = read_tsv(os.path.join(data_dir, "goemotions.tsv"))
    general += [(d, w, set(r["emotions"].split(","))) for (d, w), r in
                zip(dump(tool, [r["text"] for r in rows], "anger"), rows)]
    routine = []
    for name in EMOTION_ROUTINE_SETS:
        rows = [r for r in read_tsv(os.path.join(dev_dir, name)) if r["label"] == "none"]
        routine += dump(tool, [r["text"] for r in rows], "anger")
    for emotion in EMOTIONS:
        samples = [(d, w, float(emotion in lab), 1.0, True) for d, w, lab in ours]
        samples += [(d, w, 0.0, 1.0, False) for d, w in routine]
        samples += [(d, w, float(bool(EMOTION_GOEMOTIONS[emotion] & lab)), EMO_GENERAL_WEIGHT,
                     False) for d, w, lab in general]
        fit(out_dir, emotion, samples, [
            f"nlp/lexicon/{emotion}_model.txt - rapport's {emotion} model for customers' messages,",
            "GENERATED by bench/nlp/train_models.py (see there and docs/nlp.md); do not edit.",
            f"{len(ours)} messages of {', '.join(EMOTION_SETS)},",
            f"{len(routine)} routine requests of {', '.join(EMOTION_ROUTINE_SETS)} as none,",
            f"{len(general)} of goemotions (weight {EMO_GENERAL_WEIGHT}; "
            f"{emotion}: {' or '.join(sorted(EMOTION_GOEMOTIONS[emotion]))}),",
            f"{EPOCHS} epochs (the mean of the last {AVERAGED}), rate {RATE}, L2 {L2}, seed {SEED}."],
            EMOTION_DENSE_NAMES)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    tool, data_dir, out_dir = sys.argv[1:]
    dev_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dev")
    train_sarcasm(tool, data_dir, dev_dir, out_dir)
    train_agent(tool, dev_dir, out_dir, "empathy", "empathy", 8)
    # the tone-deafness model reads every reply blind to the rules' tone-deaf
    # features (tonedeaf_cue, rule_tonedeaf: seventeenth session, docs/nlp.md)
    train_agent(tool, dev_dir, out_dir, "tonedeaf", "tone_deaf", 9, blind_to=(3, 9),
                blind_words=TONEDEAF_BLIND_WORDS)
    train_complaint(tool, dev_dir, out_dir)
    # the escalation models (eighteenth and nineteenth sessions, docs/nlp.md)
    train_escalation(tool, data_dir, dev_dir, out_dir, "public", "public")
    train_escalation(tool, data_dir, dev_dir, out_dir, "repeat", "repeat_contact")
    train_escalation(tool, data_dir, dev_dir, out_dir, "human", "human_request")
    train_escalation(tool, data_dir, dev_dir, out_dir, "cancel", "cancel")
    train_escalation(tool, data_dir, dev_dir, out_dir, "legal", "legal")
    # the emotion models (twenty-fifth session, docs/nlp.md)
    train_emotions(tool, data_dir, dev_dir, out_dir)


if __name__ == "__main__":
    main()
