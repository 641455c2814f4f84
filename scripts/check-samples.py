#!/usr/bin/env python3
"""Checks the bundled sample articles in data/samples/ and their expectations.

The samples are used by demos and tests, so they must stay well-formed: every
.txt file is valid UTF-8, every line of wire.jsonl is a JSON object with the
documented fields, every article is 250-500 words long and dated between
2024-01 and 2025-06, every row of expected.tsv and not-statements.tsv uses the
agreed vocabularies and quotes a snippet that occurs verbatim in its article,
and the README lists every file.

Usage: python3 scripts/check-samples.py [SAMPLES_DIR]
Exits with status 1 and one line per problem when something is wrong.
"""

import json
import re
import sys
from datetime import date
from pathlib import Path

KINDS = {"direct", "indirect", "mixed"}
ACTS = {
    "statement", "appeal", "demand", "criticism", "rejection",
    "commitment", "warning", "praise", "proposal",
}
TOPICS = {
    "bilateral-relations", "trade", "export-controls", "semiconductors",
    "food-safety", "nuclear", "detentions", "territorial-disputes",
    "security", "investment", "climate", "human-rights", "health",
    "energy", "sanctions", "migration", "elections", "military",
}
# Speaker countries are ISO alpha-2 codes, or the code of a bloc such as EU.
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")
EARLIEST = date(2024, 1, 1)
LATEST = date(2025, 6, 30)
MIN_WORDS, MAX_WORDS = 250, 500
MIN_ROWS, MAX_ROWS = 3, 6
MIN_SNIPPET_WORDS, MAX_SNIPPET_WORDS = 4, 10
EXPECTED_COLUMNS = ["file", "speaker", "speaker_country", "kind", "act", "topic", "content"]
NOT_STATEMENT_COLUMNS = ["file", "snippet", "reason"]
WIRE_FIELDS = ["id", "title", "published", "source", "url", "text"]
HEADER_RE = re.compile(r"^(Title|Date|Source|URL): (.*)$")


class Report:
    """Collects problems so that one run shows all of them, not just the first."""

    def __init__(self):
        self.problems = []

    def fail(self, where, message):
        self.problems.append(f"{where}: {message}")


def parse_date(text):
    """Returns the date for a YYYY-MM-DD string, or None when it is not one."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def check_date(report, where, text):
    day = parse_date(text)
    if day is None:
        report.fail(where, f"date {text!r} is not YYYY-MM-DD")
    elif not EARLIEST <= day <= LATEST:
        report.fail(where, f"date {text} is outside {EARLIEST}..{LATEST}")


def split_txt(text):
    """Splits a .txt article into its header fields and its body.

    The header block is optional; when present it runs up to the first blank
    line and every line in it is a known `Key: value` pair.
    """
    lines = text.split("\n")
    headers = {}
    for index, line in enumerate(lines):
        if line == "":
            if headers:
                return headers, "\n".join(lines[index + 1:])
            break
        match = HEADER_RE.match(line)
        if not match:
            break
        headers[match.group(1)] = match.group(2)
    return {}, text


def check_words(report, where, body):
    words = len(body.split())
    if not MIN_WORDS <= words <= MAX_WORDS:
        report.fail(where, f"{words} words, expected {MIN_WORDS}-{MAX_WORDS}")
    return words


def load_txt(report, path):
    """Reads one .txt article, checking its encoding, date and length."""
    where = path.name
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        report.fail(where, f"not valid UTF-8 ({error})")
        return None
    if text.startswith("\ufeff"):
        report.fail(where, "starts with a byte-order mark")
    if "\x00" in text or "\r" in text:
        report.fail(where, "contains NUL or carriage-return characters")
    headers, body = split_txt(text)
    if headers:
        for key in ("Title", "Date", "Source", "URL"):
            if key not in headers:
                report.fail(where, f"header block lacks {key}")
        if "Date" in headers:
            check_date(report, where, headers["Date"])
    # Files without headers carry their date in the file name.
    check_date(report, where, path.name[:10])
    check_words(report, where, body)
    return text


def load_wire(report, path):
    """Reads wire.jsonl, returning {"wire.jsonl#<id>": text}."""
    articles = {}
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except UnicodeDecodeError as error:
        report.fail(path.name, f"not valid UTF-8 ({error})")
        return articles
    for number, line in enumerate(lines, start=1):
        where = f"{path.name}:{number}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            report.fail(where, f"not JSON ({error})")
            continue
        if not isinstance(record, dict):
            report.fail(where, "not a JSON object")
            continue
        missing = [field for field in WIRE_FIELDS if not isinstance(record.get(field), str)]
        if missing:
            report.fail(where, f"missing or non-string fields: {', '.join(missing)}")
            continue
        check_date(report, where, record["published"])
        text = record["text"]
        if not text.startswith(record["title"] + "\n\n"):
            report.fail(where, "text does not start with the title line and a blank line")
        check_words(report, where, text[len(record["title"]):])
        key = f"{path.name}#{record['id']}"
        if key in articles:
            report.fail(where, f"duplicate id {record['id']!r}")
        articles[key] = text
    return articles


def read_tsv(report, path, columns):
    """Reads a TSV file with the given header, returning (line number, row) pairs."""
    where = path.name
    if not path.exists():
        report.fail(where, "missing")
        return []
    lines = path.read_text(encoding="utf-8").split("\n")
    if not lines or lines[0].split("\t") != columns:
        report.fail(where, f"header must be {' '.join(columns)}")
        return []
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) != len(columns):
            report.fail(f"{where}:{number}", f"{len(cells)} columns, expected {len(columns)}")
            continue
        rows.append((number, dict(zip(columns, cells))))
    return rows


def check_snippet(report, where, articles, file, snippet):
    if file not in articles:
        report.fail(where, f"unknown article {file!r}")
        return False
    if snippet not in articles[file]:
        report.fail(where, f"snippet not found verbatim: {snippet!r}")
        return False
    return True


def main():
    default_dir = Path(__file__).resolve().parent.parent / "data" / "samples"
    samples = Path(sys.argv[1]) if len(sys.argv) > 1 else default_dir
    report = Report()

    articles = {}
    txt_files = sorted(samples.glob("*.txt"))
    for path in txt_files:
        text = load_txt(report, path)
        if text is not None:
            articles[path.name] = text
    wire = samples / "wire.jsonl"
    wire_articles = load_wire(report, wire) if wire.exists() else {}
    if not wire.exists():
        report.fail(wire.name, "missing")
    articles.update(wire_articles)

    expected = read_tsv(report, samples / "expected.tsv", EXPECTED_COLUMNS)
    per_article = {name: 0 for name in articles}
    expected_snippets = []
    for number, row in expected:
        where = f"expected.tsv:{number}"
        if not row["speaker"].strip():
            report.fail(where, "empty speaker")
        if row["speaker_country"] and not COUNTRY_RE.match(row["speaker_country"]):
            report.fail(where, f"bad speaker_country {row['speaker_country']!r}")
        if row["kind"] not in KINDS:
            report.fail(where, f"bad kind {row['kind']!r}")
        if row["act"] not in ACTS:
            report.fail(where, f"bad act {row['act']!r}")
        if row["topic"] and row["topic"] not in TOPICS:
            report.fail(where, f"bad topic {row['topic']!r}")
        words = len(row["content"].split())
        if not MIN_SNIPPET_WORDS <= words <= MAX_SNIPPET_WORDS:
            report.fail(where, f"content snippet has {words} words, expected "
                               f"{MIN_SNIPPET_WORDS}-{MAX_SNIPPET_WORDS}")
        if check_snippet(report, where, articles, row["file"], row["content"]):
            per_article[row["file"]] += 1
            expected_snippets.append((row["file"], row["content"]))
    for name, count in sorted(per_article.items()):
        if not MIN_ROWS <= count <= MAX_ROWS:
            report.fail("expected.tsv", f"{name} has {count} statements, expected "
                                        f"{MIN_ROWS}-{MAX_ROWS}")

    not_statements = read_tsv(report, samples / "not-statements.tsv", NOT_STATEMENT_COLUMNS)
    for number, row in not_statements:
        where = f"not-statements.tsv:{number}"
        snippet = row["snippet"]
        if not check_snippet(report, where, articles, row["file"], snippet):
            continue
        # A snippet cannot be both narration and part of an expected statement.
        for file, content in expected_snippets:
            if file == row["file"] and (content in snippet or snippet in content):
                report.fail(where, f"overlaps the expected statement {content!r}")

    readme = samples / "README.md"
    if readme.exists():
        listing = readme.read_text(encoding="utf-8")
        for path in txt_files + [wire, samples / "expected.tsv", samples / "not-statements.tsv"]:
            if path.name not in listing:
                report.fail("README.md", f"does not list {path.name}")
        for key in wire_articles:
            wire_id = key.split("#", 1)[1]
            if wire_id not in listing:
                report.fail("README.md", f"does not list wire record {wire_id}")
    else:
        report.fail("README.md", "missing")

    for problem in report.problems:
        print(problem)
    speakers = {row["speaker"] for _, row in expected}
    print(f"{len(txt_files)} .txt files, {len(wire_articles)} wire records, "
          f"{len(expected)} expected statements from {len(speakers)} speakers, "
          f"{len(not_statements)} non-statement snippets: "
          f"{'FAILED' if report.problems else 'ok'}")
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
