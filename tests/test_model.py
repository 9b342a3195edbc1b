"""The schema's JSON form."""

import json

from dashboard.model import Actor, ActorMention, ActorRole, Event


def test_to_dict_is_plain_json_and_does_not_share_lists():
    event = Event("a-e1", "a", "said", 0, 4, "He said.", 0, 8,
                  actors=[ActorRole("x", "agent", "He", 0, 2)])
    actor = Actor("x", "X", "PERSON", aliases=["He"], mentions=[ActorMention("a", "He", 0, 2)])
    assert json.loads(json.dumps(event.to_dict()))["actors"] == [
        {"actor_id": "x", "role": "agent", "text": "He", "start": 0, "end": 2}]
    data = actor.to_dict()
    data["aliases"].append("Him")
    assert actor.aliases == ["He"]
    assert data["mentions"] == [{"article_id": "a", "text": "He", "start": 0, "end": 2}]
