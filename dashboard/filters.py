"""The sidebar's filters as plain data: apply them, count them, put them in a URL.

One ``Filters`` value drives the chart, the counts and the table, so they
cannot disagree; ``to_query``/``from_query`` make a view shareable as a link.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, timedelta

import pandas as pd

from .charts import KINDS, OTHER_ACTORS, last_day, type_name

LANES = ("actor", "article")
LAYOUTS = ("lanes", "small_multiples")
COLORS = ("actor_type", "article")
#: Actor lanes shown when the user has not chosen: the actors with the most
#: events. A corpus of 30 articles names about 160 actors; 160 lanes make a
#: chart thousands of pixels tall whose dates are off screen.
DEFAULT_TOP = 15
#: The URL value of "no date precision shown" (an empty list leaves no parameter).
NO_KINDS = "none"


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; the defaults show every event, in the lanes of the top actors."""

    actors: tuple[str, ...] = ()  # actor ids
    top_n: int = DEFAULT_TOP  # actor lanes: the actors with most events (and events with none); 0: all
    types: tuple[str, ...] = ()  # actor types; empty: all
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    articles: tuple[str, ...] = ()  # article ids; empty: all
    kinds: tuple[str, ...] = KINDS  # how dated: day, interval, vague, undated
    text: str = ""
    lanes: str = "actor"
    layout: str = "lanes"
    color: str = "actor_type"
    slider: bool = False  # a range slider under the chart (on demand: it draws every trace twice)
    event: str = ""  # the selected event's id


#: URL parameter of each field, kept short so shared links stay readable.
PARAMS = {"actors": "actor", "top_n": "top", "types": "type", "date_from": "from", "date_to": "to",
          "articles": "article", "kinds": "kind", "text": "q", "lanes": "lanes", "layout": "layout",
          "color": "color", "slider": "slider", "event": "event"}
CHOICES = {"lanes": LANES, "layout": LAYOUTS, "color": COLORS}


def to_query(f: Filters) -> dict[str, str | list[str]]:
    """URL query parameters of the filters that differ from the defaults."""
    default = Filters()
    out: dict[str, str | list[str]] = {}
    for name, param in PARAMS.items():
        value = getattr(f, name)
        if value == getattr(default, name):
            continue
        if isinstance(value, tuple):
            out[param] = list(value) if value or name != "kinds" else [NO_KINDS]
        elif isinstance(value, bool):
            out[param] = "1" if value else "0"
        else:
            out[param] = value.isoformat() if isinstance(value, date) else str(value)
    return out


def _date(values: list[str]) -> date | None:
    try:
        return date.fromisoformat(values[-1])
    except (ValueError, IndexError):
        return None


def from_query(params: Mapping[str, list[str]]) -> Filters:
    """Filters from query parameters (every value a list); bad values fall back to defaults."""
    default = Filters()
    kwargs = {}
    for f in fields(Filters):
        values = [v for v in params.get(PARAMS.get(f.name, ""), []) if v != ""]
        if not values:
            continue
        current = getattr(default, f.name)
        if f.name in ("date_from", "date_to"):
            kwargs[f.name] = _date(values)
        elif f.name == "top_n":
            # ASCII digits only: "²".isdigit() is true, and int("²") fails
            kwargs[f.name] = int(values[-1]) if values[-1].isascii() and values[-1].isdigit() else current
        elif isinstance(current, bool):
            kwargs[f.name] = values[-1].lower() in ("1", "true", "on", "yes")
        elif f.name == "kinds":  # none valid: all, unless the link asked for none
            kinds = tuple(k for k in KINDS if k in values)
            kwargs[f.name] = kinds or (() if NO_KINDS in values else current)
        elif isinstance(current, tuple):
            kwargs[f.name] = tuple(dict.fromkeys(values))
        elif f.name in CHOICES:
            kwargs[f.name] = values[-1] if values[-1] in CHOICES[f.name] else current
        else:
            kwargs[f.name] = values[-1]
    return replace(default, **kwargs)


def _mask(table: pd.DataFrame, f: Filters) -> pd.Series:
    """Rows passing every filter but the actor one."""
    keep = pd.Series(True, index=table.index)
    if f.types:
        keep &= table["actor_type"].isin(f.types)
    if f.articles:
        keep &= table["article_id"].isin(f.articles)
    if tuple(f.kinds) != KINDS:
        keep &= table["kind"].isin(f.kinds)
    if f.date_from:
        keep &= table["x1"] > pd.Timestamp(f.date_from)
    if f.date_to:
        keep &= table["x0"] < pd.Timestamp(f.date_to + timedelta(days=1))
    if f.text.strip():
        needle = f.text.strip()
        keep &= (table["sentence"].str.contains(needle, case=False, regex=False)
                 | table["trigger"].str.contains(needle, case=False, regex=False))
    return keep


def actor_counts(table: pd.DataFrame) -> pd.DataFrame:
    """Actors with their number of distinct events, most first (the multiselect's options)."""
    named = table[table["actor_id"].notna()]
    counts = named.groupby("actor_id").agg(label=("actor_label", "first"), events=("event_id", "nunique"))
    return counts.sort_values(["events", "label"], ascending=[False, True]).reset_index()


def lane_cap(f: Filters) -> int:
    """How many actor lanes of their own the view gives (0: all): top N caps
    actor lanes only, when no actor is picked; article lanes are never capped."""
    return f.top_n if f.top_n and f.lanes == "actor" and not f.actors else 0


def split(table: pd.DataFrame, f: Filters) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(rows passing the non-actor filters, rows passing all): the first feeds the actor counts.

    A top-N view keeps every event: the actors beyond the top N share one lane
    (``charts.OTHER_ACTORS``), so the counts, the table and the exports still
    hold all the events the filters pass.
    """
    others = table[_mask(table, f)]
    if f.actors:
        return others, others[others["actor_id"].isin(f.actors)]
    if cap := lane_cap(f):
        top = actor_counts(others)["actor_id"].head(cap)
        rest = others["actor_id"].notna() & ~others["actor_id"].isin(top)
        if rest.any():
            return others, others.assign(lane_actor=others["lane_actor"].mask(rest, OTHER_ACTORS))
    return others, others


def apply(table: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The rows the chart, the counts and the table show."""
    return split(table, f)[1]


#: The events table's columns, in the order a reader scans them: when, what, who, the evidence.
EVENT_TABLE_COLUMNS = ["from", "to", "trigger", "actors", "sentence", "phrase", "precision", "relation",
                       "article", "published", "event_id"]


def describe(f: Filters, actor_names: Mapping[str, str], article_titles: Mapping[str, str]) -> list[str]:
    """The filters that narrow the view, in words, for the caption of an exported chart."""
    parts = []
    if f.actors:
        parts.append("actors: " + ", ".join(actor_names.get(a, a) for a in f.actors))
    if f.types:
        parts.append("types: " + ", ".join(type_name(t) for t in f.types))
    if f.articles:
        parts.append("articles: " + "; ".join(article_titles.get(a, a) for a in f.articles))
    if f.date_from or f.date_to:
        parts.append(f"dates: {f.date_from or '…'} to {f.date_to or '…'}")
    if tuple(f.kinds) != KINDS:
        parts.append("precision: " + (", ".join(f.kinds) or "none"))
    if f.text.strip():
        parts.append(f"search: “{f.text.strip()}”")
    return parts


def event_table(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per event of the view, for the sortable table under the chart;
    ``to`` is the last day included (the data's intervals end the day after)."""
    if rows.empty:
        return pd.DataFrame(columns=EVENT_TABLE_COLUMNS)
    first = rows.drop_duplicates("event_id").sort_values(["x0", "published"])
    actors = rows.groupby("event_id")["actor_label"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    undated = first["precision"] == "undated"  # no date of its own: on or before publication
    return pd.DataFrame({
        "from": first["date_start"].mask(undated, None),
        "to": first["date_end"].map(last_day).astype(object).mask(undated, None),
        "trigger": first["trigger"],
        "actors": first["event_id"].map(actors),
        "sentence": first["sentence"],
        "phrase": first["date_phrase"].fillna(""),
        "precision": first["precision"],
        "relation": first["date_relation"].str.replace("_", " "),
        "article": first["article_title"],
        "published": first["published"],
        "event_id": first["event_id"],
    }, columns=EVENT_TABLE_COLUMNS).reset_index(drop=True)
