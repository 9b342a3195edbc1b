"""The time engine: find temporal expressions and resolve them against the DCT.

``find_timexes(text, dct)`` is the one entry point: the matcher finds phrases
with rules from ``resources/`` and gives under-specified values; the resolver
anchors them to the document creation time (DCT), the last mentioned date, and
the tense of their sentence.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from ..articles import wire_dateline
from ..model import Article, Timex
from .matcher import find_candidates
from .resolver import resolve


def find_timexes(text: str, dct: date, start: int = 0, end: int | None = None) -> list[Timex]:
    """Temporal expressions in ``text[start:end]``, offsets into ``text``, in order."""
    return resolve(text, find_candidates(text, start, end), dct)


def tag_article(article: Article) -> Article:
    """Fill ``article.timexes``: the dateline, then every phrase of title and
    body; a date in a wire dateline is the publication date too (its role)."""
    found = find_timexes(article.text, article.published, article.body_start, article.body_end)
    wire = wire_dateline(article.text[article.body_start:article.body_end])
    if wire is not None:  # "LIMA, March 2 (Reuters) - ": the filing date, like the dateline's
        low, high = article.body_start + wire[0], article.body_start + wire[1]
        found = [replace(t, role="publication_date") if low <= t.start and t.end <= high else t for t in found]
    if article.dateline:
        s, e = article.dateline
        dct = article.published.isoformat()
        found.insert(0, Timex(
            text=article.text[s:e], start=s, end=e, type="DATE", value=dct,
            interval_start=dct, interval_end=(article.published + timedelta(days=1)).isoformat(),
            precision="day", role="publication_date"))
    article.timexes = found
    return article
