"""The detail of one event: its sentence with the time phrase and actors marked.

Article text is untrusted, so the markup is built here from escaped pieces
and our own ``<mark>`` tags only; nothing from an article reaches the page raw.
"""

from __future__ import annotations

import html

#: Span classes, in the order they win when spans overlap.
CLASSES = ("time", "actor", "trigger")


def find_event(doc: dict, event_id: str) -> tuple[dict, dict] | None:
    """(event, article) of an id, or None when the id is not in the document."""
    for article in doc["articles"]:
        for event in article.get("events", []):
            if event["id"] == event_id:
                return event, article
    return None


def spans(event: dict, article: dict) -> list[tuple[int, int, str]]:
    """(start, end, class) inside the sentence, offsets relative to it, no overlaps."""
    base, end = event["sentence_start"], event["sentence_end"]
    found = []
    phrase = event.get("date_phrase")
    if phrase:
        timex = next((t for t in article.get("timexes", []) if t["text"] == phrase
                      and base <= t["start"] and t["end"] <= end), None)
        if timex:
            found.append((timex["start"] - base, timex["end"] - base, "time"))
        elif (at := event["sentence"].find(phrase)) >= 0:
            found.append((at, at + len(phrase), "time"))
    for role in event.get("actors", []):
        if base <= role["start"] and role["end"] <= end:
            found.append((role["start"] - base, role["end"] - base, "actor"))
    if base <= event["trigger_start"] and event["trigger_end"] <= end:
        found.append((event["trigger_start"] - base, event["trigger_end"] - base, "trigger"))
    kept: list[tuple[int, int, str]] = []
    for span in sorted(found, key=lambda s: (CLASSES.index(s[2]), s[0])):
        if all(span[1] <= k[0] or span[0] >= k[1] for k in kept):
            kept.append(span)
    return sorted(kept)


def sentence_html(event: dict, article: dict) -> str:
    """The sentence as HTML: escaped text, with <mark class=...> around the spans."""
    sentence, out, pos = event["sentence"], [], 0
    for start, end, cls in spans(event, article):
        out.append(html.escape(sentence[pos:start]))
        out.append(f'<mark class="{cls}">{html.escape(sentence[start:end])}</mark>')
        pos = end
    out.append(html.escape(sentence[pos:]))
    return "".join(out)
