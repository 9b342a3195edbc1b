"""Shared fixtures: expensive objects built once per test session."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "2026-01-23_iran-regime-defections.txt"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole session."""
    from dashboard.nlp import get_nlp
    return get_nlp()


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads((ROOT / "tests" / "seed_gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_extract(nlp) -> dict:
    """The extract document of the seed article, through the whole pipeline."""
    from dashboard.articles import read_article
    from dashboard.pipeline import extract_articles
    return extract_articles([read_article(SEED)])


@pytest.fixture(scope="session")
def extract_text(nlp):
    """Run the whole pipeline on small texts: ``extract_text(body, dct, *more_bodies)``."""
    from dashboard.articles import parse_article
    from dashboard.pipeline import extract_articles

    def run(*bodies: str, dct: date = date(2026, 1, 23), table=None) -> dict:
        articles = [parse_article(f"{dct:%B %d, %Y}\n\nNews of the day.\n\n{body}\n", f"t{i}.txt", article_id=f"t{i}")
                    for i, body in enumerate(bodies)]
        if table is None:
            return extract_articles(articles)
        from dashboard.model import extract_document
        from dashboard.pipeline import add_events_and_actors
        from dashboard.timex import tag_article
        for article in articles:
            tag_article(article)
        return extract_document(articles, add_events_and_actors(articles, table))

    return run
