"""Properties that hold for any text: the engine never raises, spans are sane."""

import re
from datetime import date

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dashboard.timex import find_timexes
from dashboard.timex import matcher
from dashboard.timex.matcher import rules, trigger_hits

WORDS = ["on", "Wednesday", "last", "week", "May", "may", "2019", "the", "1990s", "two", "days",
         "ago", "earlier", "this", "month", "Jan.", "23", ",", "recently", "now-deleted", "3",
         "p.m.", "every", "Friday", "night", "a", "year", "later", "Feb.", "29", "fiscal", "'98",
         "next", "quarter", "third", "-", "\u00a0", "\u201c", "\n"]

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
#: Words glued by every kind of separator, so a hit word also occurs inside
#: other words ("day" in "today", "May" in "Mayor") and next to punctuation.
glued = st.lists(st.tuples(st.sampled_from(WORDS + ["day", "today", "Mayor", "holiday", "May2019"]),
                           st.sampled_from(["", " ", "  ", "\t", "\u2003", "\u00a0", ",", ".", "\n\n"])),
                 max_size=40).map(lambda parts: "".join(word + sep for word, sep in parts))
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


def hits_token_by_token(text, start, end):
    """The definition trigger_hits speeds up: every token of the text, classified."""
    return [(*token.span(), kind) for token in matcher._TOKEN.finditer(text, start, end)
            for kind in matcher._classify(token[0])]


@settings(max_examples=300, deadline=None)
@given(st.one_of(texts, glued), st.integers(0, 400), st.integers(0, 400), st.sampled_from([1, 5, 1 << 20]))
@example("Mayor May, the Mayor said.\u2003May 5", 0, 400, 1 << 20)  # the word first seen inside another
def test_trigger_hits_are_those_of_every_token(text, a, b, block):
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    saved, matcher.BLOCK = matcher.BLOCK, block  # small blocks: cut points fall everywhere
    try:
        assert trigger_hits(text, start, end) == hits_token_by_token(text, start, end)
    finally:
        matcher.BLOCK = saved


@settings(max_examples=100, deadline=None)
@given(texts)
def test_memoised_matches_give_what_fresh_ones_give(text):
    """A match's fields are memoised by rule and group texts; with a memo
    that holds almost nothing (cleared at every turn) the candidates are the
    same, and the memo never outgrows its bound."""
    def fields(found):
        return [(c.start, c.end, c.rule.name, c.value, c.mod, c.clip, c.span, c.through) for c in found]

    warm = fields(matcher.find_candidates(text + " " + text))
    saved, matcher.MAX_MEMO = matcher.MAX_MEMO, 1
    try:
        matcher._FIELDS_OF_MATCH.clear()
        cold = fields(matcher.find_candidates(text + " " + text))
        assert len(matcher._FIELDS_OF_MATCH) <= 2
    finally:
        matcher.MAX_MEMO = saved
    assert cold == warm


def test_patterns_have_no_nested_unbounded_quantifiers():
    """Linear time needs no (x+)+ shapes, which backtrack catastrophically."""
    nested = re.compile(r"\([^()]*[+*]\)[+*]")
    for rule in rules():
        assert not nested.search(rule.regex.pattern), rule.name



def test_clock_with_odd_whitespace():
    """Found by hypothesis: a carriage return between the hour and PM."""
    [timex] = find_timexes("0\rPM", date(2026, 1, 23))
    assert timex.value == "2026-01-23T12:00"


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u202f", "\u3000", "\x85"])
def test_unicode_spaces_join_a_phrase(space):
    """The rules run in ASCII mode; their spaces still take the Unicode ones news uses."""
    text = f"Talks ended on January{space}21,{space}2026, after two{space}weeks."
    assert [(t.text, t.value) for t in find_timexes(text, date(2026, 1, 23))] == [
        (f"January{space}21,{space}2026", "2026-01-21"), (f"two{space}weeks", "P2W")]


def test_a_phrase_off_the_calendar_is_dropped_and_the_others_kept():
    """Year 0 does not exist: '2000 years ago' in 2000 cannot be resolved; it must
    not raise, nor take the text's other phrases down with it."""
    text = "Rome fell 2000 years ago, historians said on Monday."
    found = find_timexes(text, date(2000, 1, 1))
    assert [(t.text, t.value) for t in found] == [("Monday", "1999-12-27")]
    assert find_timexes("in the next decade", date(9999, 1, 1)) == []


#: Tense cues and their near misses: words that start like a cue, cues after
#: an apostrophe or a hyphen, a cue that starts with an apostrophe.
CUE_WORDS = ["will", "would", "willing", "said", "says", "is", "is due", "due to", "expected", "expects",
             "re-elected", "hundred", "United", "won't", "we'll", "'s scheduled", "it's", "plans to",
             "planned", "opens", "open", "on", "Friday", "the", "staggered", "for", "until", "x", "3",
             "talks", "vote", "\u2019s", "don't", ",", "."]
cue_texts = st.lists(st.sampled_from(CUE_WORDS), max_size=30).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(cue_texts, st.integers(0, 60), st.integers(0, 60))
@example("we 's scheduled for Friday", 0, 30)  # a cue that starts with a mark, not a letter
@example("he was re-elected , it is due", 3, 10)  # a word after a hyphen; a cue reaching past the window
def test_cues_tried_only_where_they_can_start_are_the_cues_of_the_whole_pattern(text, low, width):
    """The first-letter cut of the tense-cue pattern finds exactly what the
    whole pattern finds, leftmost and without overlaps, in any window."""
    from dashboard.timex import resolver
    lowered = text.lower()
    if len(lowered) != len(text):
        return
    high = min(len(text), low + width)
    expected = []
    for match in resolver._tense_cue().finditer(lowered, low, min(len(text), high + resolver.CUE_REACH)):
        if match.start() >= high:
            break
        expected.append((match.span(), match.lastgroup))
    assert [(m.span(), m.lastgroup) for m in resolver._cue_matches(text, low, high)] == expected


def test_first_chars_of_a_pattern():
    assert matcher.first_chars(r"(?:is|are|'s)\s+due") == frozenset("ia'")
    assert matcher.first_chars(r"(?=due\s)(?<!was )due") == frozenset("d")
    assert matcher.first_chars(r"\w+'ll") is None  # any word character
    assert matcher.first_chars(r"(?:un)?likely") == frozenset("ul")
