"""Word lists and small tables from ``data/``, read once per process.

Each file opens with ``#`` comment lines saying what it is for and its format;
the events and actors stages only ever ask "is this word in that list".
"""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def data_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, line) of a data file, comments and blank lines dropped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [(n, line.strip()) for n, line in enumerate(lines, 1)
            if line.strip() and not line.lstrip().startswith("#")]


def read_rows(path: Path) -> list[tuple[int, dict]]:
    """(line number, row) of a CSV data file whose first non-comment line is the header."""
    numbered = data_lines(path)
    if not numbered:
        raise ValueError(f"{path}: no header line")
    reader = csv.DictReader(line for _, line in numbered)
    return [(number, {k: (v or "").strip() for k, v in row.items() if k})
            for (number, _), row in zip(numbered[1:], reader)]


@lru_cache(maxsize=None)
def forms(name: str) -> dict[str, str]:
    """Every form listed in ``data/<name>.txt``, lower-cased, mapped to its line's first form."""
    table: dict[str, str] = {}
    for _, line in data_lines(DATA_DIR / f"{name}.txt"):
        words = line.lower().split()
        for word in words:
            table.setdefault(word, words[0])
    return table


@lru_cache(maxsize=None)
def capitals_only(name: str) -> frozenset[str]:
    """The forms of ``data/<name>.txt`` written in capitals there ("SA", "AG"),
    lower-cased: they count only when the text writes them so ("Domingos Sa"
    is a name)."""
    return frozenset(word.lower() for _, line in data_lines(DATA_DIR / f"{name}.txt")
                     for word in line.split() if word.isupper())


@lru_cache(maxsize=None)
def phrases(name: str) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries of ``data/<name>.txt`` as token tuples, longest first."""
    entries = {tuple(line.lower().split()) for _, line in data_lines(DATA_DIR / f"{name}.txt")}
    return tuple(sorted(entries, key=len, reverse=True))


@lru_cache(maxsize=None)
def pairs(name: str, key: str, value: str) -> dict[str, str]:
    """A two-column CSV data file as a dict (``key`` column lower-cased)."""
    return {row[key].lower(): row[value] for _, row in read_rows(DATA_DIR / f"{name}.csv")}
