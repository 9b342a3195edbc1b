"""Small lookups over an extract document, shared by the event tests."""


def actor_names(doc: dict) -> dict[str, str]:
    return {a["id"]: a["name"] for a in doc["actors"]}


def events(doc: dict) -> list[dict]:
    return [e for a in doc["articles"] for e in a["events"]]


def event_by_trigger(doc: dict, trigger: str) -> dict:
    """The first event whose trigger is ``trigger``; fails the test clearly otherwise."""
    found = [e for e in events(doc) if e["trigger"] == trigger]
    assert found, f"no event with trigger {trigger!r}; got {[e['trigger'] for e in events(doc)]}"
    return found[0]


def roles(doc: dict, event: dict) -> dict[str, str]:
    """Actor name -> role in one event."""
    names = actor_names(doc)
    return {names[r["actor_id"]]: r["role"] for r in event["actors"]}
