"""The one definition of the extract schema (the JSON the CLI writes and the app reads).

Every stage produces these records; ``to_dict`` is the JSON form, documented in
the README under "Output schema". Offsets are Python ``str`` indices (code
points) into the article file's text as read, so they survive U+00A0 and curly
quotes. Intervals are half-open ``[start, end)`` ISO strings: dates
(``2026-01-21``) or, for times of day, datetimes (``2026-01-21T15:00``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

SCHEMA_VERSION = 1

#: Precisions, finest first. "vague" is a span whose edges the text does not
#: give ("recently"); "undated" is an event with no time at all in its text.
PRECISIONS = (
    "time", "day", "week", "month", "quarter", "half", "season", "year", "decade",
    "century", "vague", "undated",
)


@dataclass
class Timex:
    """One temporal expression, TIMEX3-style, resolved against the DCT."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TimeML value: 2026-01-21, 2026-W03, P3D, PAST_REF, ...
    mod: str | None = None  # TimeML mod: START, MID, END, APPROX, LESS_THAN, ...
    interval_start: str | None = None
    interval_end: str | None = None
    precision: str | None = None  # one of PRECISIONS, None for durations/sets
    anchor: str | None = None  # what it was counted from: "dct", "ref" (last date), None
    role: str | None = None  # "publication_date" for the dateline, else None

    def to_dict(self) -> dict:
        return dict(self.__dict__)  # flat fields; dataclasses.asdict deep-copies, 10x slower


@dataclass
class ActorRole:
    """An actor's part in one event, with the mention that names it there."""

    actor_id: str
    role: str  # agent, target, source (of a report), mentioned
    text: str  # the mention as written ("He [Khamenei]", "IRGC")
    start: int
    end: int


@dataclass
class Event:
    """A clause with a trigger: who did what, and when (as far as the text says)."""

    id: str  # "<article id>-e<n>", unique across a corpus
    article_id: str
    trigger: str
    trigger_start: int
    trigger_end: int
    sentence: str
    sentence_start: int
    sentence_end: int
    actors: list[ActorRole] = field(default_factory=list)
    polarity: str = "positive"  # positive | negative ("refused to fire")
    certainty: str = "certain"  # certain | uncertain ("may have defected")
    date_start: str | None = None  # half-open [date_start, date_end), ISO
    date_end: str | None = None
    precision: str = "undated"  # one of PRECISIONS
    date_relation: str = "on"  # on | before | after | on_or_before: event vs interval
    date_basis: str = ""  # one line for a user: how the date was derived
    date_phrase: str | None = None  # the time phrase used, as written
    report_id: str | None = None  # the reporting event this one is reported by

    def to_dict(self) -> dict:
        return {**self.__dict__, "actors": [dict(role.__dict__) for role in self.actors]}


@dataclass
class ActorMention:
    article_id: str
    text: str
    start: int
    end: int


@dataclass
class Actor:
    """One canonical actor across the corpus, with every alias that named it."""

    id: str  # stable slug of the canonical name: "islamic-revolutionary-guard-corps"
    name: str  # canonical name, titles stripped: "Ali Khamenei"
    type: str  # PERSON, ORG, GPE
    aliases: list[str] = field(default_factory=list)
    description: str = ""  # titles and roles: "Iranian Supreme Leader, Ayatollah"
    parent: str | None = None  # id of the actor this one is part of
    mentions: list[ActorMention] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {**self.__dict__, "aliases": list(self.aliases),
                "mentions": [dict(m.__dict__) for m in self.mentions], "event_ids": list(self.event_ids)}


@dataclass
class Article:
    """An article as read from disk: its text, dateline and where the body is."""

    id: str
    path: str
    text: str  # the whole file as decoded, offsets point into this
    published: date
    title: str = ""
    body_start: int = 0
    body_end: int = 0  # boilerplate after this offset is ignored
    dateline: tuple[int, int] | None = None  # span of the dateline in text
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "published": self.published.isoformat(),
            "timexes": [t.to_dict() for t in self.timexes],
            "events": [e.to_dict() for e in self.events],
        }


def extract_document(articles: list[Article], actors: list[Actor] | None = None,
                     errors: list[dict] | None = None) -> dict:
    """The top-level JSON object of an extraction run."""
    return {
        "schema_version": SCHEMA_VERSION,
        "articles": [a.to_dict() for a in articles],
        "actors": [a.to_dict() for a in actors or []],
        "errors": list(errors or []),
    }


#: Columns of the flat table: one row per (event, actor); an event with no
#: actor gets one row with empty actor columns, so no event is lost.
EVENT_ACTOR_COLUMNS = (
    "event_id", "article_id", "article_title", "published",
    "trigger", "sentence", "sentence_start", "sentence_end",
    "date_start", "date_end", "precision", "date_relation", "date_basis", "date_phrase",
    "polarity", "certainty",
    "actor_id", "actor_name", "actor_type", "role", "mention",
)


def event_actor_rows(doc: dict) -> list[dict]:
    """The flat (event, actor) rows of an extract document, for CSV and charts."""
    actors = {a["id"]: a for a in doc.get("actors", [])}
    rows = []
    for article in doc["articles"]:
        for event in article.get("events", []):
            base = {
                "event_id": event["id"], "article_id": article["id"],
                "article_title": article["title"], "published": article["published"],
                **{k: event[k] for k in (
                    "trigger", "sentence", "sentence_start", "sentence_end", "date_start",
                    "date_end", "precision", "date_relation", "date_basis", "date_phrase",
                    "polarity", "certainty")},
            }
            roles = event.get("actors") or [None]
            for role in roles:
                actor = actors.get(role["actor_id"], {}) if role else {}
                rows.append({**base,
                             "actor_id": role["actor_id"] if role else None,
                             "actor_name": actor.get("name"),
                             "actor_type": actor.get("type"),
                             "role": role["role"] if role else None,
                             "mention": role["text"] if role else None})
    return rows
