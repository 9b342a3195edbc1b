"""Properties that hold for any text: the engine never raises, spans are sane."""

import re
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard.timex import find_timexes
from dashboard.timex.matcher import rules

WORDS = ["on", "Wednesday", "last", "week", "May", "may", "2019", "the", "1990s", "two", "days",
         "ago", "earlier", "this", "month", "Jan.", "23", ",", "recently", "now-deleted", "3",
         "p.m.", "every", "Friday", "night", "a", "year", "later", "Feb.", "29", "fiscal", "'98",
         "next", "quarter", "third", "-", "\u00a0", "\u201c", "\n"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
dcts = st.dates(min_value=date(1800, 3, 1), max_value=date(2199, 10, 1))


@settings(max_examples=400, deadline=None)
@given(texts, dcts)
def test_never_raises_and_spans_are_inside(text, dct):
    found = find_timexes(text, dct)
    last_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.start >= last_end  # ordered, not overlapping
        assert text[timex.start:timex.end] == timex.text
        if timex.interval_start and timex.interval_end:
            assert timex.interval_start < timex.interval_end
        last_end = timex.end


@settings(max_examples=100, deadline=None)
@given(texts, dcts, st.integers(0, 50), st.integers(0, 50))
def test_window_offsets_point_into_the_whole_text(text, dct, a, b):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    for timex in find_timexes(text, dct, start, end):
        assert start <= timex.start < timex.end <= end


def test_patterns_have_no_nested_unbounded_quantifiers():
    """Linear time needs no (x+)+ shapes, which backtrack catastrophically."""
    nested = re.compile(r"\([^()]*[+*]\)[+*]")
    for rule in rules():
        assert not nested.search(rule.regex.pattern), rule.name



def test_clock_with_odd_whitespace():
    """Found by hypothesis: a carriage return between the hour and PM."""
    [timex] = find_timexes("0\rPM", date(2026, 1, 23))
    assert timex.value == "2026-01-23T12:00"


def test_a_phrase_off_the_calendar_is_dropped_and_the_others_kept():
    """Year 0 does not exist: '2000 years ago' in 2000 cannot be resolved; it must
    not raise, nor take the text's other phrases down with it."""
    text = "Rome fell 2000 years ago, historians said on Monday."
    found = find_timexes(text, date(2000, 1, 1))
    assert [(t.text, t.value) for t in found] == [("Monday", "1999-12-27")]
    assert find_timexes("in the next decade", date(9999, 1, 1)) == []
