"""Every rule in resources/rules.ini carries its own proof: its EXAMPLE lines.

An example is ``TEXT => EXTENT = VALUE`` against the example DCT, Friday
2026-01-23; ``- = -`` means the text holds no temporal expression at all.
"""

from datetime import date

import pytest

from dashboard.timex import find_timexes
from dashboard.timex.matcher import rules, trigger_hits, word_tables

EXAMPLE_DCT = date(2026, 1, 23)


def _examples():
    for rule in rules():
        for line in rule.examples:
            text, expected = line.split(" => ")
            extent, value = expected.split(" = ")
            yield pytest.param(text, extent, value, id=f"{rule.name}: {text}")


def test_every_rule_has_examples():
    assert all(rule.examples for rule in rules())


@pytest.mark.parametrize("text,extent,value", list(_examples()))
def test_rule_example(text, extent, value):
    found = [(t.text, t.value) for t in find_timexes(text, EXAMPLE_DCT)]
    if extent == "-":
        assert found == []
    else:
        assert (extent, value) in found, found


@pytest.mark.parametrize("rule", [r for r in rules() if r.needs], ids=lambda r: r.name)
def test_needs_names_a_kind_every_example_contains(rule):
    """A wrong ``needs`` would silently skip real matches: check it on the examples."""
    for line in rule.examples:
        text, expected = line.split(" => ")
        extent = expected.split(" = ")[0]
        if rule.type == "NONE":  # its examples show what is left once the name is dropped
            extent = text
        if extent != "-":
            kinds = {kind for _, _, kind in trigger_hits(extent, 0, len(extent))}
            assert rule.needs in kinds, (rule.name, extent, kinds)


@pytest.mark.parametrize("rule", [r for r in rules() if r.requires], ids=lambda r: r.name)
def test_requires_occurs_in_every_positive_example(rule):
    """A wrong ``requires`` pre-check would silently skip real matches."""
    for line in rule.examples:
        text, expected = line.split(" => ")
        if not expected.startswith("- "):
            assert any(word in text.lower() for word in rule.requires), (rule.name, text)


def test_every_holiday_holds_a_word_its_rule_requires():
    """date_holiday runs only where one of its ``requires`` words occurs: a
    holiday added to words/holiday.tsv needs one there too."""
    required = next(r for r in rules() if r.name == "date_holiday").requires
    for pattern, _ in word_tables()["holiday"].entries:
        assert any(word in pattern.lower() for word in required), pattern
