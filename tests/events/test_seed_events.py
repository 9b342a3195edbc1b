"""Each gold event of the seed is found, with its actors and a matching date."""

from datetime import date, timedelta

import pytest

from .helpers import actor_names, events

GOLD_KEYS = ["officers-defect", "channel12-report", "khamenei-orders", "irgc-statement",
             "kurdish-report", "interior-official-defects", "diplomat-defects"]


def gold_event(gold, key):
    return next(e for e in gold["events"] if e["key"] == key)


def located(doc, span):
    """Events whose trigger lies inside the gold quote."""
    start, end = span
    return [e for e in events(doc) if start <= e["trigger_start"] and e["trigger_end"] <= end]


def actor_family(doc, names):
    """Names of actors plus their parents (the gold allows folding a unit into its parent)."""
    by_name = {a["name"]: a for a in doc["actors"]}
    ids = {a["id"]: a["name"] for a in doc["actors"]}
    return names | {ids[by_name[n]["parent"]] for n in names if by_name[n].get("parent")}


@pytest.mark.parametrize("key", GOLD_KEYS)
def test_gold_event_found_with_actors(seed_extract, seed_gold, key):
    gold = gold_event(seed_gold, key)
    found = located(seed_extract, gold["span"])
    assert found, f"no event triggered inside {gold['quote']!r}"
    names = actor_names(seed_extract)
    actors = {names[r["actor_id"]] for e in found for r in e["actors"]}
    missing = set(gold["actors"]) - actor_family(seed_extract, actors)
    assert not missing, f"{key}: missing actors {missing}, have {actors}"


@pytest.mark.parametrize("key", GOLD_KEYS)
def test_gold_event_dated(seed_extract, seed_gold, key):
    gold = gold_event(seed_gold, key)
    when = gold["when"]
    event = located(seed_extract, gold["span"])[0]
    if when["kind"] in ("date", "interval"):
        assert (event["date_start"], event["date_end"]) == (when["start"], when["end"]), event["date_basis"]
    elif when["kind"] == "vague":
        latest = (date.fromisoformat(when["latest"]) + timedelta(days=1)).isoformat()
        assert event["precision"] == "vague"
        assert event["date_end"] <= latest, event["date_basis"]
        assert when["phrase"] in event["date_basis"]
    else:
        assert event["precision"] == "undated"
        assert event["date_relation"] == "on_or_before"
        assert event["date_end"] <= (date.fromisoformat(when["latest"]) + timedelta(days=1)).isoformat()


def test_reports_and_reported_events_are_linked(seed_extract):
    by_trigger = {e["trigger"]: e for e in events(seed_extract)}
    report = next(e for e in events(seed_extract) if e["trigger"] == "reported" and e["date_start"] == "2026-01-21")
    defection = next(e for e in events(seed_extract) if e["report_id"] == report["id"])
    assert defection["trigger"] == "defected"
    arrests = by_trigger["arrested"]
    assert arrests["date_relation"] == "before"
    assert arrests["date_basis"].startswith("before the report of")
    assert (arrests["date_start"], arrests["date_end"]) == ("2026-01-01", "2026-01-23")


def test_offsets_cut_trigger_and_sentence_out_of_the_text(seed_extract):
    from pathlib import Path
    article = seed_extract["articles"][0]
    text = Path(article["path"]).read_text(encoding="utf-8")
    for event in article["events"]:
        assert text[event["trigger_start"]:event["trigger_end"]] == event["trigger"]
        assert text[event["sentence_start"]:event["sentence_end"]] == event["sentence"]
        assert event["sentence_start"] <= event["trigger_start"] < event["trigger_end"] <= event["sentence_end"]
        for role in event["actors"]:
            assert text[role["start"]:role["end"]] == role["text"]


def test_polarity_and_certainty_on_the_seed(seed_extract):
    by_trigger = {e["trigger"]: e for e in events(seed_extract)}
    assert by_trigger["refused to fire"]["polarity"] == "negative"
    uncertain = [e for e in events(seed_extract) if e["trigger"] == "defected" and e["certainty"] == "uncertain"]
    assert any("may have" in e["sentence"] for e in uncertain)
