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


def alias_table(tmp_path, *rows: str):
    """An alias table of the given CSV rows ("name,type,aliases,parent,description"),
    as a user who follows those actors would write it."""
    from dashboard.actors import load_alias_table
    path = tmp_path / "aliases.csv"
    path.write_text("name,type,aliases,parent,description\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return load_alias_table(path)
