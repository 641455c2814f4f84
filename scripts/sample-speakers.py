#!/usr/bin/env python3
"""Checks who the extractor says spoke, for every row of data/samples/expected.tsv.

Runs the extractor binary over the sample articles and reports, per expected
row: whether a statement covering the snippet was found, and whether its
speaker name, speaker country, act and topic match the row. A speaker counts
as right when its canonical name equals the expected name (case and a leading
"the" ignored). Prints one line per row with a problem, then the totals.

Usage: python3 scripts/sample-speakers.py [--bin target/release/demarche] [-v]
Exits with status 0 always; the totals are the result.
"""

import argparse
import csv
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"


def norm(text):
    """Lowercase, straight quotes and single spaces, for snippet matching."""
    text = unicodedata.normalize("NFKC", text or "")
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("«", '"'), ("»", '"')):
        text = text.replace(a, b)
    return " ".join(text.lower().split())


def name_key(name):
    """A speaker name compared without case and a leading article."""
    n = norm(name)
    for prefix in ("the ", "a "):
        if n.startswith(prefix):
            n = n[len(prefix):]
    return n


def run(binary):
    """Maps each article key (file name or wire.jsonl#id) to its statements."""
    files = sorted(str(p) for p in SAMPLES.glob("*.txt")) + [str(SAMPLES / "wire.jsonl")]
    out = subprocess.run(
        [binary, "extract", "--format", "jsonl", *files],
        capture_output=True, text=True, check=True,
    ).stdout
    articles = {}
    for line in out.splitlines():
        obj = json.loads(line)
        source = obj["article"]["source"]
        key = source.split("/")[-1]
        articles[key] = obj.get("statements", [])
    return articles


def best_statement(statements, snippet):
    """The statement whose content holds the snippet, preferring the shortest."""
    want = norm(snippet)
    hits = [s for s in statements if want in norm(s.get("text") or s["content"]["text"])]
    return min(hits, key=lambda s: len(s["content"]["text"])) if hits else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "demarche"))
    ap.add_argument("-v", "--verbose", action="store_true", help="print every row")
    args = ap.parse_args()
    articles = run(args.bin)
    totals = {"rows": 0, "found": 0, "speaker": 0, "country": 0, "act": 0, "topic": 0}
    with open(SAMPLES / "expected.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    for row in rows:
        totals["rows"] += 1
        key = row["file"].split("/")[-1]
        st = best_statement(articles.get(key, []), row["content"])
        label = f"{key[:40]:40} {row['content'][:40]!r}"
        if st is None:
            print(f"MISSING  {label} (speaker {row['speaker']})")
            continue
        totals["found"] += 1
        sp = st.get("speaker") or {}
        problems = []
        if name_key(sp.get("name")) == name_key(row["speaker"]):
            totals["speaker"] += 1
        else:
            problems.append(f"speaker {sp.get('name')!r} want {row['speaker']!r}")
        if (sp.get("country") or "") == row["speaker_country"]:
            totals["country"] += 1
        else:
            problems.append(f"country {sp.get('country')!r} want {row['speaker_country']!r}")
        if st.get("act") == row["act"]:
            totals["act"] += 1
        else:
            problems.append(f"act {st.get('act')} want {row['act']}")
        if not row["topic"] or row["topic"] in st.get("topics", []):
            totals["topic"] += 1
        else:
            problems.append(f"topic {row['topic']} not in {st.get('topics')}")
        if problems or args.verbose:
            print(f"{'WRONG' if problems else 'OK':8} {label} " + "; ".join(problems))
    n = totals["rows"]
    print(
        f"rows {n}  found {totals['found']}  speaker {totals['speaker']}  "
        f"country {totals['country']}  act {totals['act']}  topic {totals['topic']}"
    )
    errors = sum(totals["found"] - totals[k] for k in ("speaker", "country", "act", "topic"))
    print(f"errors (on found rows) {errors}  missing {n - totals['found']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
