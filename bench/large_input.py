"""Time-engine throughput on large inputs: is it linear in the text length?

    .venv/bin/python bench/large_input.py [--max-mb 50]

Builds texts of 1, 5, 10, ... MB from the seed article's body (plus a
hostile stretch of digits, "the past" and abbreviations, which stresses
backtracking) and prints seconds and MB/s for each size. Linear time shows
as a flat MB/s column.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repo's package importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashboard.articles import read_article  # noqa: E402
from dashboard.timex import find_timexes  # noqa: E402

SEED = Path(__file__).resolve().parents[1] / "seeds" / "2026-01-23_iran-regime-defections.txt"
HOSTILE = "1 1 1 1 the the past past last " * 20 + "Jan. " * 20 + "a " * 40 + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=int, default=50)
    args = parser.parse_args()
    article = read_article(SEED)
    unit = article.text[article.body_start:article.body_end] + HOSTILE
    print(f"{'MB':>6} {'seconds':>8} {'MB/s':>6} {'phrases':>8}")
    for size in (1, 5, 10, 20, 50, 100):
        if size > args.max_mb:
            break
        text = unit * (size * 2**20 // len(unit))
        begin = time.perf_counter()
        found = find_timexes(text, article.published)
        seconds = time.perf_counter() - begin
        print(f"{len(text) / 2**20:6.1f} {seconds:8.2f} {len(text) / 2**20 / seconds:6.2f} {len(found):8d}")


if __name__ == "__main__":
    main()
