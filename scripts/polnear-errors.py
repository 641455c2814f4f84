#!/usr/bin/env python3
"""Groups the extractor's errors on a PolNeAR-style split, to decide what to fix next.

Reads the gold (text/*.txt, attributions/*.ann) and the extractor's JSONL
predictions, pairs them with the scorer's own rules (score.py is imported from
--scorer), then counts:

  missed     gold attributions no prediction pairs with, grouped by cue lemma,
             by the order of source, cue and content, by direct/indirect and by
             content length;
  speaker    pairs whose speaker is wrong, grouped by cue lemma;
  false      predictions that pair with nothing, grouped by predicted cue,
             and the share of each predicted cue's statements that pair;
  boundary   pairs whose content is not exact, grouped by how the edges differ
             (gold adds "that", drops final punctuation, is longer/shorter ...).

Usage:
  python3 scripts/polnear-errors.py --gold DIR --pred PRED.jsonl [--top N]
        [--show missed|speaker|false|boundary] [--key CATEGORY] [--examples N]

Nothing from the corpus is written anywhere; examples are printed only.
"""
import argparse
import collections
import importlib.util
import json
import os
import re
import sys

WORD = re.compile(r"\w+")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def lemma(cue):
    """A rough lemma of a cue phrase: lowercase, curly apostrophes straight,
    the last word of a verb form reduced (said -> say, tells -> tell)."""
    words = cue.lower().replace("’", "'").split()
    if not words:
        return "(none)"
    irregular = {"said": "say", "says": "say", "told": "tell", "thought": "think", "knew": "know",
                 "found": "find", "wrote": "write", "felt": "feel", "shown": "show", "sought": "seek"}
    out = []
    for w in words[:3]:
        w = irregular.get(w, w)
        for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
            if len(w) > len(suf) + 2 and w.endswith(suf) and w not in irregular.values():
                w = w[: -len(suf)] + rep
                break
        out.append(w)
    return " ".join(out)


def order(g):
    """The order of source (S), cue (V) and content (C) in a gold attribution."""
    items = []
    if g["source"]:
        items.append((g["source"][0][0], "S"))
    if g["cue"]:
        items.append((g["cue"][0][0], "V"))
    if g["content"]:
        items.append((g["content"][0][0], "C"))
    return "".join(k for _, k in sorted(items)) or "-"


def length_band(n):
    for lim, name in ((1, "1w"), (3, "2-3w"), (8, "4-8w"), (20, "9-20w"), (50, "21-50w")):
        if n <= lim:
            return name
    return ">50w"


def edge_diff(art, p, g, score):
    """How a predicted content's edges differ from the gold's."""
    pt, gt = " ".join(p["text"].split()), " ".join(g["text"].split())
    notes = []
    gw, pw = WORD.findall(gt.lower()), WORD.findall(pt.lower())
    if gw[:1] == ["that"] and pw[:1] != ["that"]:
        notes.append("gold-starts-that")
    if pw[:1] == ["that"] and gw[:1] != ["that"]:
        notes.append("pred-starts-that")
    if gw[:1] == ["to"] and pw[:1] != ["to"]:
        notes.append("gold-starts-to")
    if score.norm(pt) == score.norm(gt):
        return "exact-after-norm"
    if len(g["content"]) > 1 or len(p["content"]) > 1:
        notes.append("parts")
    gs, ge = g["content"][0][0], g["content"][-1][1]
    ps, pe = (p["content"][0][0], p["content"][-1][1]) if p["content"] else (0, 0)
    if ps < gs:
        notes.append("pred-starts-earlier")
    elif ps > gs:
        notes.append("pred-starts-later")
    if pe > ge:
        notes.append("pred-ends-later")
    elif pe < ge:
        notes.append("pred-ends-earlier")
    return "+".join(notes) or "other"


def after_cue(art, g):
    """The word right after the cue when the content follows it ("that", "to",
    a quotation mark, or "other"), with the cue's last word for "that"."""
    if not g["cue"] or not g["content"] or g["content"][0][0] < g["cue"][-1][1]:
        return "content-first"
    nxt = art.text[g["cue"][-1][1]:g["cue"][-1][1] + 40].split()
    w = nxt[0].lower() if nxt else ""
    if w in ("that", "to"):
        return w
    if w[:1] in "\"“‘'":
        return "quote"
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred", required=True)
    ap.add_argument("--scorer", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "eval", "score.py"))
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--show", choices=["missed", "speaker", "false", "boundary"])
    ap.add_argument("--key", help="only examples whose category (any grouping) equals this")
    ap.add_argument("--examples", type=int, default=15)
    args = ap.parse_args()

    score = load_scorer(args.scorer)
    arts = score.load_gold(args.gold)
    errors = collections.Counter()
    with open(args.pred, encoding="utf-8") as f:
        lines = f.read().splitlines()
    preds = score.read_predictions(lines, arts, errors)
    # Predicted cues, in the same order as the statements.
    cues = {}
    for line in lines:
        try:
            obj = json.loads(line)
        except ValueError:
            continue
        stem = os.path.splitext(os.path.basename(obj["article"]["source"]))[0]
        cues[stem] = [(st.get("cue") or {}).get("text", "(none)") for st in obj.get("statements") or []]

    groups = {k: collections.Counter() for k in
              ("missed-cue", "missed-order", "missed-next", "missed-that-cue", "missed-kind", "missed-len", "speaker-cue", "false-cue",
               "false-kind", "boundary")}
    examples = collections.defaultdict(list)
    totals = collections.Counter()
    cue_pred, cue_hit = collections.Counter(), collections.Counter()
    for stem, art in arts.items():
        P, G = preds.get(stem, []), art.gold
        pairs = score.greedy_match(P, G)
        paired_g = {j: i for i, j in pairs}
        paired_p = {i for i, _ in pairs}
        for j, g in enumerate(G):
            totals["gold"] += 1
            cue = " ".join(art.text[s:e] for s, e in g["cue"])
            if j not in paired_g:
                keys = [lemma(cue), order(g), "direct" if g["direct"] else "indirect",
                        length_band(len(g["tokens"]))]
                for grp, k in zip(("missed-cue", "missed-order", "missed-kind", "missed-len"), keys):
                    groups[grp][k] += 1
                nxt = after_cue(art, g)
                groups["missed-next"][nxt] += 1
                if nxt == "that":
                    groups["missed-that-cue"][lemma(cue.split()[-1] if cue.split() else cue)] += 1
                keys.append(nxt)
                examples["missed"].append((keys, art, g, None, cue))
                continue
            p = P[paired_g[j]]
            if g["source"] and not score.speaker_right(p, g):
                groups["speaker-cue"][lemma(cue)] += 1
                examples["speaker"].append(([lemma(cue)], art, g, p, cue))
            if score.norm(p["text"]) != score.norm(g["text"]):
                d = edge_diff(art, p, g, score)
                groups["boundary"][d] += 1
                examples["boundary"].append(([d], art, g, p, cue))
        pc = cues.get(stem, [])
        for i, p in enumerate(P):
            totals["pred"] += 1
            c = lemma(pc[i] if i < len(pc) else "(none)")
            cue_pred[c] += 1
            if i in paired_p:
                cue_hit[c] += 1
            if i not in paired_p:
                c = pc[i] if i < len(pc) else "(none)"
                k = "direct" if p["direct"] else "indirect"
                groups["false-cue"][lemma(c)] += 1
                groups["false-kind"][k] += 1
                examples["false"].append(([lemma(c), k], art, None, p, c))

    print(f"gold {totals['gold']}, predictions {totals['pred']}")
    for grp, counter in groups.items():
        print(f"\n== {grp} ({sum(counter.values())})")
        for k, n in counter.most_common(args.top):
            print(f"  {n:6d}  {k}")

    print(f"\n== precision by predicted cue (matched/predicted)")
    for c, n in cue_pred.most_common(args.top * 3):
        print(f"  {cue_hit[c]:6d}/{n:<6d} {cue_hit[c] / n:5.2f}  {c}")

    if args.show:
        print(f"\n== examples: {args.show} {args.key or ''}")
        shown = 0
        for keys, art, g, p, cue in examples[args.show]:
            if args.key and args.key not in keys:
                continue
            shown += 1
            if shown > args.examples:
                break
            print(f"-- {art.stem} [{', '.join(keys)}] cue={cue!r}")
            if g:
                ctx_s = max(0, min(s for s, _ in g["content"] + g["source"] + g["cue"]) - 80)
                ctx_e = max(e for _, e in g["content"] + g["source"] + g["cue"]) + 40
                print("   ctx :", " ".join(art.text[ctx_s:ctx_e].split()))
                print("   gold:", " ".join(g["text"].split()), "| src:", g["source_text"])
            if p:
                print("   pred:", " ".join(p["text"].split()), "| spk:", p["name"])


if __name__ == "__main__":
    sys.exit(main())
