#!/usr/bin/env python3
"""Precision of extracted statements by confidence band, using the pairing
rules of the evaluation scorer (score.py: one-to-one, best token Dice first,
Dice >= 0.5; a pair is "attributed" when the speaker is right).

    confidence-bands.py --gold DIR --pred PRED.jsonl [--scorer PATH/score.py]

PRED is the JSONL the extractor printed (for example score.py --save-pred).
"""
import argparse
import importlib.util
import json
import os

BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01)]


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--scorer", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "score.py"))
    args = ap.parse_args()
    score = load_scorer(args.scorer)
    arts = score.load_gold(args.gold)
    lines = open(args.pred, encoding="utf-8").read().split("\n")
    errors = dict.fromkeys(["content", "cue", "mention", "bad_lines", "articles_not_in_gold", "articles_duplicate"], 0)
    preds = score.read_predictions(lines, arts, errors)
    confidences = {}
    for line in lines:
        if line.strip():
            obj = json.loads(line)
            stem = os.path.splitext(os.path.basename(obj["article"]["source"]))[0]
            confidences[stem] = [float(s.get("confidence") or 0.0) for s in obj.get("statements") or []]
    tally = {b: [0, 0, 0, 0] for b in BANDS}  # predictions, matched, attributable, attributed right
    for stem, art in arts.items():
        P = preds.get(stem, [])
        pairs = dict(score.greedy_match(P, art.gold))
        for i, p in enumerate(P):
            c = confidences.get(stem, [])[i] if i < len(confidences.get(stem, [])) else 0.0
            band = next(b for b in BANDS if b[0] <= c < b[1])
            t = tally[band]
            t[0] += 1
            j = pairs.get(i)
            if j is not None:
                t[1] += 1
                g = art.gold[j]
                if g["source"]:
                    t[2] += 1
                    t[3] += score.speaker_right(p, g)
            else:
                t[2] += 1
    print(f"{'confidence':12s} {'statements':>10s} {'P(match)':>9s} {'P(attributed)':>14s}")
    for (lo, hi), (n, m, a, r) in tally.items():
        label = f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}"
        pm = m / n if n else 0.0
        pa = r / a if a else 0.0
        print(f"{label:12s} {n:10d} {pm:9.3f} {pa:14.3f}")


if __name__ == "__main__":
    main()
