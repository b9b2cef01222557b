#!/usr/bin/env python3
"""bench/nlp/test_train_models.py - the model trainer's own properties, on
made-up samples (no data needed): it learns a rule from noisy labels, gives the same
model from the same samples, and moves the model by little when one sample is
taken away (train_models.py: the order follows each sample's content and the
model is the mean of the last epochs; a shuffle of positions re-drew every
weight). Prints one line per check; exits 1 when one fails.

usage: bench/nlp/test_train_models.py
"""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_models as tm  # noqa: E402

WORDS = [f"w{k}" for k in range(60)]
GOOD = set(WORDS[:10])  # words that mark a positive sample
BAD = set(WORDS[10:20])  # ... and a negative one
NOISE = 0.15  # the share of labels flipped


def make_samples(n, seed):
    """Samples as train() takes them: (dense, words, label, weight, labelled)."""
    rng = random.Random(seed)
    samples = []
    for _ in range(n):
        words = rng.sample(WORDS[20:], 4)
        label = float(rng.random() < 0.5)
        words += rng.sample(sorted(GOOD if label else BAD), 2)
        dense = [rng.uniform(-1.0, 1.0) for _ in range(tm.DENSE)]
        dense[0] = label + rng.uniform(-0.8, 0.8)  # a feature that leans with the label
        if rng.random() < NOISE:
            label = 1.0 - label  # labels are not all right, as in our sets
        samples.append((dense, words, label, 1.0, True))
    return samples


def weights(model):
    w_words, w_dense, bias = model
    return {**{("w", x): v for x, v in w_words.items()},
            **{("d", k): v for k, v in enumerate(w_dense)}, ("b",): bias}


def max_change(a, b):
    wa, wb = weights(a), weights(b)
    return max(abs(wa.get(k, 0.0) - wb.get(k, 0.0)) for k in set(wa) | set(wb))


def main():
    failed = 0

    def check(ok, what):
        nonlocal failed
        print(("ok: " if ok else "FAIL: ") + what)
        failed += not ok

    samples = make_samples(2000, 7)
    model = tm.train(samples)
    right = sum((tm.score(*model, d, w) >= 0.5) == (y == 1.0) for d, w, y, _, _ in samples)
    check(right >= (1.0 - NOISE - 0.05) * len(samples),
          f"learns the rule under the noise: {right} of {len(samples)} labels right "
          f"({NOISE:.0%} of them flipped)")
    check(weights(model) == weights(tm.train(list(samples))),
          "the same samples give the same model")
    # one sample taken away: the largest move of any weight, against the
    # weights' own size (under 1 %; with the shuffle of positions, 40 %)
    size = max(abs(v) for v in weights(model).values())
    worst = max(max_change(model, tm.train(samples[:k] + samples[k + 1:]))
                for k in (0, 777, 1999))
    check(worst <= 0.05 * size,
          f"one sample fewer moves a weight by at most {worst:.4f} (largest weight {size:.3f})")
    # the same samples in another list order give the same model
    shuffled = list(samples)
    random.Random(3).shuffle(shuffled)
    check(max_change(model, tm.train(shuffled)) == 0.0,
          "the samples' order in the list does not matter")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
