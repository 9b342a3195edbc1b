"""Every gold actor of the seed is found with its type, and the must-merge pairs are one actor."""

import json
from pathlib import Path

import pytest

from dashboard.actors import normalize

GOLD = json.loads((Path(__file__).parents[1] / "seed_gold.json").read_text(encoding="utf-8"))


def actor_of_alias(doc, alias):
    """The actor one of whose mentions is written ``alias`` (or named so)."""
    for actor in doc["actors"]:
        if normalize(alias) in {normalize(a) for a in actor["aliases"] + [actor["name"]]}:
            return actor
    return None


@pytest.mark.parametrize("gold", GOLD["actors"], ids=lambda g: g["name"])
def test_gold_actor_found_with_type(seed_extract, gold):
    actor = next((a for a in seed_extract["actors"] if a["name"] == gold["name"]), None)
    assert actor is not None, f"{gold['name']} not among {[a['name'] for a in seed_extract['actors']]}"
    assert actor["type"] == gold["type"]
    assert actor["mentions"], "an actor is only listed when the text names it"


@pytest.mark.parametrize("pair", GOLD["must_merge"], ids=lambda p: " = ".join(p))
def test_must_merge_pairs(seed_extract, pair):
    first, second = (actor_of_alias(seed_extract, alias) for alias in pair)
    assert first is not None and second is not None, pair
    assert first["id"] == second["id"]


@pytest.mark.parametrize("gold", GOLD["actors"], ids=lambda g: g["name"])
def test_gold_aliases_resolve_to_the_actor(seed_extract, gold):
    for alias in gold["aliases"]:
        actor = actor_of_alias(seed_extract, alias)
        assert actor is not None and actor["name"] == gold["name"], alias


def test_unit_has_its_parent(seed_extract):
    by_name = {a["name"]: a for a in seed_extract["actors"]}
    unit = by_name["IRGC Intelligence Organization"]
    assert unit["parent"] == by_name["Islamic Revolutionary Guard Corps"]["id"]


def test_titles_stripped_into_description(seed_extract):
    khamenei = next(a for a in seed_extract["actors"] if a["name"] == "Ali Khamenei")
    assert "Iranian Supreme Leader" in khamenei["description"]
    assert "Ayatollah" in khamenei["description"]


def test_ids_unique_and_events_linked(seed_extract):
    ids = [a["id"] for a in seed_extract["actors"]]
    assert len(ids) == len(set(ids))
    event_ids = {e["id"] for a in seed_extract["articles"] for e in a["events"]}
    for actor in seed_extract["actors"]:
        assert set(actor["event_ids"]) <= event_ids
