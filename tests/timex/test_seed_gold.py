"""The seed article against its hand-checked gold (tests/seed_gold.json)."""

import json
from pathlib import Path

import pytest

from dashboard.articles import read_article
from dashboard.timex import tag_article

ROOT = Path(__file__).resolve().parents[2]
GOLD = json.loads((ROOT / "tests" / "seed_gold.json").read_text(encoding="utf-8"))
SEED = ROOT / "seeds" / "2026-01-23_iran-regime-defections.txt"


@pytest.fixture(scope="module")
def timexes():
    return tag_article(read_article(SEED)).timexes


def test_seed_is_the_gold_document():
    shared = ROOT.parent / "shared" / "seeds" / GOLD["document"]
    if shared.exists():
        assert shared.read_bytes() == SEED.read_bytes()


def test_publication_date():
    article = read_article(SEED)
    assert article.published.isoformat() == GOLD["publication_date"]
    assert article.title == "Is the Iranian Regime Finally Falling?"
    assert article.text[article.body_end:].strip() == "No comments:"


@pytest.mark.parametrize("gold", GOLD["timexes"], ids=lambda g: f"{g['text']}@{g['span'][0]}")
def test_gold_timex(timexes, gold):
    by_span = {(t.start, t.end): t for t in timexes}
    timex = by_span.get(tuple(gold["span"]))
    assert timex is not None, f"{gold['text']} at {gold['span']} not found"
    assert timex.text == gold["text"]
    assert timex.type == gold["type"]
    assert timex.value == gold["value"]
    if gold["interval"]:
        assert [timex.interval_start, timex.interval_end] == gold["interval"]
    else:  # vague: an interval that ends no later than the publication date
        assert timex.precision == "vague"
        assert timex.interval_end <= GOLD["publication_date"]


def test_no_other_timexes(timexes):
    gold_spans = {tuple(g["span"]) for g in GOLD["timexes"]}
    assert {(t.start, t.end) for t in timexes} == gold_spans


@pytest.mark.parametrize("word", ["may", "channel 12", "second"])
def test_not_dates_in_seed(timexes, word):
    text = SEED.read_text(encoding="utf-8")
    spans = [(t.start, t.end) for t in timexes]
    start = text.find(word)
    assert start >= 0
    assert not any(s <= start < e for s, e in spans)
