"""bench/semeval2015.py: running text from the task's tokens, anchors and the timeline relations."""

from __future__ import annotations

import pytest

from bench.semeval2015 import anchor, detokenize, event_name, implied, normal_anchor, relations, short_names


@pytest.mark.parametrize("tokens,text", [
    ("Redmere passed UEFA 's assessment , the governing body said .",
     "Redmere passed UEFA's assessment, the governing body said."),
    ('He called it " a statement of ambition " .', 'He called it "a statement of ambition".'),
    ("It cost $ 500 million ( about 40 % ) , and do n't ask .", "It cost $500 million (about 40%), and don't ask."),
    ("U.S. shares rose 2-1 .", "U.S. shares rose 2-1."),
])
def test_detokenize_writes_the_tokens_as_news_prints_them(tokens, text):
    assert detokenize(tokens) == text


def test_anchors_are_compared_in_one_spelling():
    assert normal_anchor("2006-03-XX") == "2006-03" == normal_anchor("2006-03")
    assert normal_anchor("XXXX-XX-XX") == normal_anchor("XXX-XX-XX")


@pytest.mark.parametrize("precision,start,relation,expected", [
    ("time", "2012-02-14T18:00", "on", "2012-02-14"),  # "on Tuesday evening": that day
    ("day", "2012-02-14", "on", "2012-02-14"),
    ("month", "2012-02-01", "on_or_before", "2012-02"),
    ("week", "2012-02-13", "on", "XXXX-XX-XX"),  # no anchor of that precision in the task
    ("day", "2012-02-14", "after", "XXXX-XX-XX"),
])
def test_an_event_is_anchored_at_its_dates_precision(precision, start, relation, expected):
    assert anchor({"precision": precision, "date_start": start, "date_relation": relation}) == expected


@pytest.mark.parametrize("trigger,token", [
    ("showed off", "showed_off"),  # a particle: the task's multi-word trigger
    ("set up", "set_up"),
    ("refused to fire", "refused"),  # a control verb keeps its own word
    ("stopped producing", "stopped"),
    ("continue to steer", "steer"),  # a verb that only times its complement: the complement
    ("began selling", "selling"),
    ("said", "said"),
])
def test_an_event_is_named_by_the_word_the_task_marks(trigger, token):
    event = {"trigger": trigger, "trigger_start": 50, "article_id": "7"}
    assert event_name(event, [(0, "1"), (40, "2"), (90, "3")]) == f"7-2-{token}"


def test_a_timeline_implies_order_simultaneity_and_anchors():
    timeline = [(1, "2010-06-07", "1-2-unveiled"), (1, "2010-06-07", "1-3-said"), (2, "2010-06-24", "2-2-launched"),
                (0, "XXXX-XX-XX", "3-4-planned")]
    found = relations(timeline)
    assert ("SIMULTANEOUS", "1-2-unveiled", "1-3-said") in found
    assert ("BEFORE", "1-2-unveiled", "2-2-launched") in found
    assert ("INCLUDED", "2-2-launched", "2010-06-24") in found
    assert not any("3-4-planned" in relation for relation in found)  # cannot be placed: no relation
    assert implied(("BEFORE", "1-3-said", "2-2-launched"), timeline)
    assert not implied(("BEFORE", "2-2-launched", "1-3-said"), timeline)
    assert implied(("INCLUDED", "1-3-said", "2010-06-07"), timeline)


def test_a_target_gets_the_short_names_a_user_would_list():
    assert short_names("Beatles Apple Corps", []) == ["Apple Corps"]
    assert short_names("Nintendo 3DS", ["Nintendo", "Nintendo 3DS"]) == ["3DS"]
    assert short_names("Veltra Solis", ["Veltra Motors", "Veltra Solis"]) == ["Solis"]
    assert short_names("iPhone 4", ["iPhone 3G", "iPhone 4"]) == []  # a sibling is no maker
    assert short_names("Hugin lunar lander", []) == ["Hugin"]  # not "lunar lander"
    assert short_names("Mac OS X", []) == ["OS X"]
    assert short_names("Halvorsen H-390", [], ("Halvorsen Aerospace",)) == ["H-390"]  # a company of the corpus
    assert short_names("Corrib One", [], ("Corrib Devices",)) == []  # no number: "One" is any one
