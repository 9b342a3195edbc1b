"""Command line: ``python -m dashboard extract|timeml ...``.

Every bad input ends in a one-line message on stderr and a non-zero exit
code, never a traceback; the other files of the same run are still processed.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import date
from pathlib import Path

from .model import EVENT_ACTOR_COLUMNS, event_actor_rows
from .nlp import ModelMissing
from .pipeline import extract


def _iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def write_csv(doc: dict, path: str) -> None:
    """The flat (event, actor) table, one row each, for charts and spreadsheets."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=EVENT_ACTOR_COLUMNS)
        writer.writeheader()
        writer.writerows(event_actor_rows(doc))


def cmd_extract(args: argparse.Namespace) -> int:
    try:
        doc = extract(args.paths, args.date)
    except (ModelMissing, ValueError) as err:  # a bad data file (alias table, patterns) or no model
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.csv:
        write_csv(doc, args.csv)
    for err in doc["errors"]:
        print(f"error: {err['path']}: {err['reason']}", file=sys.stderr)
    articles = doc["articles"]
    payload = json.dumps(doc, ensure_ascii=False, indent=1)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(payload + "\n", encoding="utf-8")
        print(f"wrote {summary(doc)} to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(payload + "\n")
    return 1 if doc["errors"] else 0


def summary(doc: dict) -> str:
    """"2 articles: 14 time phrases, 31 events (4 undated), 12 actors": what the run found."""
    articles = doc["articles"]
    events = [e for a in articles for e in a.get("events", [])]
    undated = sum(e["precision"] == "undated" for e in events)

    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"
    return (f"{count(len(articles), 'article')}: {count(sum(len(a['timexes']) for a in articles), 'time phrase')}, "
            f"{count(len(events), 'event')} ({undated} undated), {count(len(doc.get('actors', [])), 'actor')}")


def cmd_timeml(args: argparse.Namespace) -> int:
    from .timex.timeml import TimeMLError, tag_timeml_file

    in_dir, out_dir = Path(args.in_dir), Path(args.out_dir)
    if not in_dir.is_dir():
        print(f"error: {in_dir}: not a folder", file=sys.stderr)
        return 2
    files = sorted(in_dir.rglob("*.tml"))
    if not files:
        print(f"error: {in_dir}: folder has no TimeML documents (*.tml)", file=sys.stderr)
        return 2
    failed = 0
    for path in files:
        target = out_dir / path.relative_to(in_dir)
        try:
            tag_timeml_file(path, target)
        except TimeMLError as err:
            print(f"error: {err}", file=sys.stderr)
            failed += 1
    print(f"tagged {len(files) - failed} of {len(files)} document(s) into {out_dir}", file=sys.stderr)
    return 1 if failed else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    extract = sub.add_parser("extract", help="articles in, extract JSON out")
    extract.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders")
    extract.add_argument("--date", type=_iso_date, help="publication date, overrides datelines")
    extract.add_argument("--out", help="write JSON here instead of standard output")
    extract.add_argument("--csv", help="also write one row per (event, actor) here")
    extract.set_defaults(func=cmd_extract)

    timeml = sub.add_parser("timeml", help="tag TimeML documents with TIMEX3 elements")
    timeml.add_argument("in_dir", metavar="IN_DIR")
    timeml.add_argument("out_dir", metavar="OUT_DIR")
    timeml.set_defaults(func=cmd_timeml)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
