"""Timeline figures: an events table in, a Plotly figure out, nothing else.

``frame(doc)`` turns an extract document into the table every view shares:
one row per (event, actor) as in ``model.event_actor_rows``, plus the lane
label, how the date is drawn (``kind``), the drawn span ``x0``/``x1`` and an
escaped hover text. ``timeline(table, ...)`` draws it. Rows of one event share
an ``event_id`` (the point's customdata), so an event with three actors is
three points in three lanes, joined by a faint connector.
"""

from __future__ import annotations

import functools
import html
import re
import textwrap
from collections.abc import Iterable

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.subplots import make_subplots

from .model import EVENT_ACTOR_COLUMNS, event_actor_rows

#: How a precision is drawn: a marker, a bar over [start, end), a faded bar.
KINDS = ("day", "interval", "vague", "undated")
KIND_LABELS = {
    "day": "day or time: dot",
    "interval": "interval [start, end): bar",
    "vague": "vague: faded bar",
    "undated": "undated: ◇ at publication",
}
#: The entries of the drawings' legend (the second legend), in its order.
PUBLICATION = "publication date"
CONNECTOR = "one event in several lanes"
DRAWING_NAMES = (PUBLICATION, CONNECTOR, *KIND_LABELS.values())
EXACT = {"time", "day"}
#: A vague span with one open edge is drawn this long toward the open side.
VAGUE_REACH = pd.Timedelta(days=30)
NO_ACTOR = "(no actor)"
#: The lane that gathers the actors a "top N" view leaves out (``filters.split``).
OTHER_ACTORS = "(other actors)"
NO_TYPE = "(none)"  # the actor type of an event's row without an actor
#: Readable names of the actor types for the legend and hovers; the table keeps
#: the codes, which the type filter uses. Ordered as the legend lists them.
TYPE_NAMES = {"PERSON": "person", "ORG": "organisation", "GPE": "place", NO_TYPE: "no actor"}
TYPE_COLORS = {"PERSON": "#1f77b4", "ORG": "#d62728", "GPE": "#2ca02c", NO_TYPE: "#7f7f7f"}
#: Above this many points SVG gets slow in the browser: switch to WebGL.
GL_POINTS = 2_000
#: Above this many points, draw weekly counts per lane instead of events.
AGGREGATE_POINTS = 5_000
MAX_ARTICLE_COLORS = 10
MAX_PANELS = 24
LANE_PX = 34
SLIDER = 0.06  # the range slider's height, a share of the plot's
DATES_PX = 45  # room under the plot for the dates (two lines)
UNDATED_OFFSET = 0.3  # the undated band sits this far below its lane's line
UNDATED_FONT = 10  # size of the "n undated" labels
UNDATED_LEAD_PX = 15  # a label's box starts this far right of its pile, past the diamond
#: Opaque, so that publication and grid lines stop at a label instead of running through it.
UNDATED_LABEL_BG = "white"
UNDATED_LABEL = "undated count"  # the name of the label annotations
UNDATED_GAP_PX = 10  # half a diamond and some room: a pile closer than this to a label is counted in it
#: The chart's width in a typical browser window (the app's wide layout with its
#: sidebar open on a laptop; narrower than the 1400 px of an image export):
#: the undated counts are grouped so that they can be read at this width.
CHART_PX = 1000
SMALL_MULTIPLE_TICKS = ["dated", "undated"]
#: Bands of the top margin, top down: the figure's title, the color legend, the
#: legend of the drawings, and in small multiples the first panel's title (16 px
#: font), in a tall lane chart its top date axis (DATES_PX), both of which the
#: legends must stay above.
TITLE_PX = 30
#: The legends wrap into as many rows as they need in this width: what a
#: horizontal legend gets beside the lane labels in a 1280 px window with the
#: sidebar open (or a 1024 px one with it closed). In a narrower window a legend
#: wraps into more rows than its band has and covers the one above it.
LEGEND_WIDTH_PX = 480
LEGEND_ROW_PX = 20
LEGEND_GAP_PX = 16  # between the drawings' legend and the plot (or the band under the legends)
PANEL_TITLE_PX = 24
#: The color legend (actor types or articles) is a horizontal band of its own
#: above the encodings' legend, as many rows as its entries need at CHART_PX:
#: on the right it took 110-350 px of plot width, which a laptop window cannot spare.
COLOR_ROW_PX = 22
COLOR_ENTRY_PX = 40  # an entry's swatch and gaps, beside its text
DRAWING_ENTRY_PX = 50  # a drawings' legend entry's symbol (a wider line) and gaps
#: About one screen: a lane chart taller than this repeats its date axis above the
#: plot, since the bottom one is out of sight while reading the first lanes.
TALL_PX = 700
LANES_EXTRA_PX = 160  # a lane chart's height beyond its lanes: margins and the slider
#: A small multiple's plot height, and the room between two: the dates under the
#: upper panel, then the title of the lower one.
PANEL_PX = 90
PANEL_GAP_PX = DATES_PX + PANEL_TITLE_PX
MIN_HEIGHT = 340


def _escape(text) -> str:
    """Untrusted text made safe for Plotly's labels and hovers, which render HTML tags.

    Quotes are left alone: Plotly does not know ``&quot;``/``&#x27;`` and would print them.
    """
    return html.escape(str(text), quote=False)


def type_name(code: str) -> str:
    """The readable name of an actor type code (an unknown code as it is)."""
    return TYPE_NAMES.get(code, code)


def lane_label(actor: dict) -> str:
    """The canonical name, with an acronym alias users know it by ("... (IRGC)")."""
    name = actor.get("name") or actor.get("id") or NO_ACTOR
    short = [a for a in actor.get("aliases", []) if a.isupper() and 2 <= len(a) <= 6 and a not in name]
    return f"{name} ({short[0]})" if short else name


def _kind(precision: str, start, end) -> str:
    """How an event is drawn: a dot for one day or time, a bar for a longer span
    (a range of exact days, "Jan. 5-7", is a bar too)."""
    if precision == "undated" or (pd.isna(start) and pd.isna(end)):
        return "undated"
    if precision == "vague":
        return "vague"
    if precision in EXACT and not (isinstance(start, str) and isinstance(end, str)
                                   and len(start) == len(end) == 10 and last_day(end) > start):
        return "day"
    return "interval"


def _lines(text: str, width: int = 70, limit: int = 3) -> str:
    """Escaped text wrapped for a hover box, at most ``limit`` lines.

    A regex split, not textwrap: it runs once per event, 100,000 times on a big corpus.
    """
    text = " ".join(str(text).split())
    if len(text) > width * limit:
        text = text[: width * limit].rsplit(" ", 1)[0] + " …"
    lines = _WRAP.findall(text) or [text]
    return "<br>".join(_escape(line.strip()) for line in lines[:limit + 1])


_WRAP = re.compile(r".{1,70}(?:\s+|$)|\S+")


RELATION_WORDS = {"on": "on ", "within": "within ", "before": "before ", "after": "after ",
                  "on_or_before": "on or before "}


def last_day(end: str | None) -> str | None:
    """The last day of a half-open interval ending on ``end`` (a time stays as it is)."""
    if not isinstance(end, str) or len(end) != 10:
        return end
    return (pd.Timestamp(end) - pd.Timedelta(days=1)).strftime("%Y-%m-%d")


def when_words(precision: str, start: str | None, end: str | None, relation: str | None, published: str) -> str:
    """An event's date in words, the last day included (the data's intervals end
    the day after): "on 2026-01-21 (day)", "within 2026-01-01 to 2026-01-22
    (month)", "before the span 2025-01-01 to 2025-12-31 (year)"."""
    if precision == "undated" or not (start or end):
        return f"undated: on or before publication ({published})"
    start = start if isinstance(start, str) else None
    end = end if isinstance(end, str) else None
    relation = relation or "on"
    if start and end and "T" in start and "T" in end and start[:10] == end[:10]:  # hours of one day
        return f"{RELATION_WORDS.get(relation, '')}{start[:10]} {start[11:16]}–{end[11:16]} ({precision})"
    last = last_day(end[:10]) if end else None
    if start and last and start[:10] == last:
        days = start[:10] if len(start) <= 10 else start.replace("T", " ")
    elif not start:  # open towards the past
        days, relation = (last, "on_or_before") if relation in ("on", "on_or_before") else (end[:10], relation)
    elif not last:  # open towards the future
        days, relation = (start[:10], "after") if relation in ("on", "after") else (start[:10], relation)
    elif relation == "on":
        days, relation = f"{start[:10]} to {last}", "within"
    else:
        days = f"the span {start[:10]} to {last}"
    return f"{RELATION_WORDS.get(relation, '')}{days} ({precision})"


def _interval(row) -> str:
    return when_words(row.precision, row.date_start, row.date_end, row.date_relation, row.published)


def _hover(row) -> str:
    """Everything a reader needs to trust a point, every field escaped."""
    phrase = f"“{row.date_phrase}”" if isinstance(row.date_phrase, str) else "no time phrase"
    return (
        f"<b>{_escape(row.trigger)}</b>: {_lines(row.sentence)}"
        f"<br>When: {_escape(phrase)} → {_escape(_interval(row))}"
        f"<br>How: {_lines(row.date_basis or '—', limit=2)}"
        f"<br>Actors: {_lines(row.event_actors, limit=2)}"
        f"<br>Article: {_lines(row.article_title, limit=2)} ({_escape(row.published)})"
    )


def frame(doc: dict) -> pd.DataFrame:
    """The shared events table of a document (see module docstring)."""
    table = pd.DataFrame(event_actor_rows(doc), columns=list(EVENT_ACTOR_COLUMNS))
    return enrich(table, doc.get("actors", []))


def enrich(table: pd.DataFrame, actors: Iterable[dict]) -> pd.DataFrame:
    """Add the derived columns to a flat (event, actor) table (fresh or from Parquet)."""
    table = table.astype({c: object for c in table.columns if c not in ("sentence_start", "sentence_end")})
    table = table.where(table.notna(), None)
    labels = {a["id"]: lane_label(a) for a in actors}
    table["actor_label"] = table["actor_id"].map(labels).fillna(table["actor_name"]).fillna(NO_ACTOR)
    table["lane_actor"] = table["actor_label"]  # the lane it is drawn in: a top-N view gathers the rest
    # The date first: lane labels are shortened, and it tells similar titles apart.
    table["lane_article"] = table["published"].fillna("") + " · " + table["article_title"].fillna("")
    table["actor_type"] = table["actor_type"].fillna(NO_TYPE)
    table["kind"] = [_kind(p, s, e) for p, s, e in zip(table["precision"], table["date_start"], table["date_end"])]
    start = pd.to_datetime(table["date_start"], format="ISO8601")
    end = pd.to_datetime(table["date_end"], format="ISO8601")
    published = pd.to_datetime(table["published"], format="ISO8601")
    start = start.fillna(end - VAGUE_REACH)
    end = end.fillna(start + VAGUE_REACH)
    undated = table["kind"] == "undated"
    table["x0"] = start.mask(undated, published)
    table["x1"] = end.mask(undated, published + pd.Timedelta(days=1))
    table["xm"] = table["x0"] + (table["x1"] - table["x0"]) / 2
    table["xm"] = table["xm"].mask(table["kind"] == "day", table["x0"]).mask(undated, published)
    events = table.drop_duplicates("event_id").set_index("event_id")
    named = table[table["actor_id"].notna()].drop_duplicates(["event_id", "actor_label"])
    typed = pd.Series([f"{a} ({type_name(t)})" for a, t in zip(named["actor_label"], named["actor_type"])],
                      index=named.index, dtype=object)  # the type explains the point's color
    actors = typed.groupby(named["event_id"], sort=False).agg(", ".join)
    events["event_actors"] = actors.reindex(events.index).fillna(NO_ACTOR)
    hover = pd.Series([_hover(r) for r in events.itertuples()], index=events.index, dtype=object)
    table["event_actors"] = table["event_id"].map(events["event_actors"])
    table["hover"] = table["event_id"].map(hover)
    return table


def lane_order(table: pd.DataFrame, lanes: str = "actor") -> list[str]:
    """Lanes top to bottom: actors by event count, then the other actors and no
    actor; articles by publication date."""
    if lanes == "article":
        return list(table.sort_values(["published", "lane_article"])["lane_article"].unique())
    counts = table.groupby("lane_actor")["event_id"].nunique()
    return sorted(counts.index, key=lambda k: (k in (OTHER_ACTORS, NO_ACTOR), k == NO_ACTOR, -counts[k], k))


def color_keys(table: pd.DataFrame, color_by: str) -> pd.Series:
    """The legend group of each row: its actor type's name, or its article (top ten).

    Keys become trace names, which Plotly renders as HTML: they are escaped.
    """
    if color_by == "actor_type":
        return table["actor_type"].map(lambda t: _escape(type_name(t)))
    top = table.groupby("article_title")["event_id"].nunique().nlargest(MAX_ARTICLE_COLORS).index
    titles = table["article_title"].where(table["article_title"].isin(top), "other articles")
    return titles.map(lambda t: _escape(textwrap.shorten(t, 60, placeholder="…")))


def _palette(keys: list[str], color_by: str) -> dict[str, str]:
    """A color per legend group, in legend order: the actor types as TYPE_NAMES
    lists them, articles by title with "other articles" last."""
    if color_by == "actor_type":
        colors = {_escape(type_name(code)): c for code, c in TYPE_COLORS.items()}
        rank = {name: i for i, name in enumerate(colors)}
        return {k: colors.get(k, "#9467bd") for k in sorted(keys, key=lambda k: (rank.get(k, len(rank)), k))}
    keys = sorted(keys, key=lambda k: (k == "other articles", k))
    colors = qualitative.Plotly
    return {k: "#7f7f7f" if k == "other articles" else colors[i % len(colors)] for i, k in enumerate(keys)}


def _segments(x0: pd.Series, x1: pd.Series, y: pd.Series) -> tuple[list, list]:
    """x, y of disconnected line segments: one bar per row, None between."""
    xs, ys = [], []
    for a, b, v in zip(x0, x1, y):
        xs += [a, b, None]
        ys += [v, v, None]
    return xs, ys


def _event_traces(part: pd.DataFrame, color: str, group: str, axes: dict, gl: bool) -> list:
    """The traces of one color group: dots, bars, faded bars and open diamonds."""
    scatter = go.Scattergl if gl else go.Scatter
    traces = []
    common = dict(legendgroup=group, showlegend=False, **axes)
    for kind in KINDS:
        rows = part[part["kind"] == kind]
        if rows.empty:
            continue
        faded = kind == "vague"
        if kind in ("interval", "vague"):
            xs, ys = _segments(rows["x0"], rows["x1"], rows["y"])
            traces.append(scatter(x=xs, y=ys, mode="lines", hoverinfo="skip", name=f"{group} {kind} bar",
                                  line=dict(color=color, width=7), opacity=0.25 if faded else 0.75, **common))
        marker = {
            "day": dict(symbol="circle", size=10, color=color),
            "interval": dict(symbol="line-ns-open", size=12, color=color, line=dict(width=2, color=color)),
            "vague": dict(symbol="line-ns-open", size=12, color=color, opacity=0.4, line=dict(width=2, color=color)),
            "undated": dict(symbol="diamond-open", size=10, color=color, line=dict(width=2, color=color)),
        }[kind]
        traces.append(scatter(
            x=rows["xm"], y=rows["y"], mode="markers", marker=marker, name=f"{group} · {kind}",
            customdata=rows["event_id"], hovertext=rows["hover"], hovertemplate="%{hovertext}<extra></extra>",
            **common))
    return traces


def _undated_piles(table: pd.DataFrame, pixel: pd.Timedelta) -> pd.DataFrame:
    """The undated events of each lane and publication date (a pile of diamonds),
    grouped so that the count labels can be read.

    One row per pile: ``y``, ``xm``, ``n`` (its events) and ``first``/``last``/
    ``total``: the group it is counted in. Walking a lane left to right, a pile
    joins the group before it when its diamond would fall under that group's
    label, printed after the group's last pile; ``pixel`` is the time one pixel
    spans at the chart's initial range and width. Groups therefore never print
    over each other or over a diamond, and the totals of a lane sum to its
    undated events.
    """
    undated = table[table["kind"] == "undated"]
    counts = undated.groupby(["y", "xm"])["event_id"].nunique()  # sorted by lane, then date
    y, xm, n = counts.index.get_level_values(0), counts.index.get_level_values(1), counts.to_numpy()
    pos = ((xm - xm.min()) / pixel).to_numpy() if len(counts) else np.zeros(0)
    starts, reach, total, lane = [], 0.0, 0, None
    for i, (at, lane_y, k) in enumerate(zip(pos.tolist(), y.tolist(), n.tolist())):
        if lane_y != lane or at - UNDATED_GAP_PX > reach:
            starts.append(i)
            total, lane = 0, lane_y
        total += k
        reach = at + _label_px(total)
    sizes = np.diff(starts + [len(counts)])
    ends = np.array(starts, dtype=int) + sizes - 1
    totals = np.add.reduceat(n, starts) if starts else n
    return pd.DataFrame({"y": y, "xm": xm, "n": n, "group": np.repeat(starts, sizes).astype(int),
                         "first": np.repeat(xm[starts], sizes), "last": np.repeat(xm[ends], sizes),
                         "total": np.repeat(totals, sizes)})


@functools.lru_cache(maxsize=4096)
def _label_px(total: int) -> float:
    """How far right of its pile an "n undated" label reaches, in px."""
    return UNDATED_LEAD_PX + _text_px(f"{total} undated", UNDATED_FONT)


def _undated_counts(piles: pd.DataFrame, axes: dict) -> tuple[list, list]:
    """(traces, annotations): an "n undated" label per group of piles
    (``_undated_piles``), after its last pile, and a hairline under the piles of
    a group that holds several dates.

    The labels are annotations, not a text trace: other articles' publication
    lines cross them, and only an annotation has a ground that stops those lines.
    """
    if piles.empty:
        return [], []
    labels = piles.drop_duplicates("group", keep="last")
    refs = dict(xref=axes.get("xaxis", "x"), yref=axes.get("yaxis", "y"))
    notes = [go.layout.Annotation(x=x, y=y, text=f"{n} undated", name=UNDATED_LABEL, showarrow=False,
                                  xanchor="left", xshift=UNDATED_LEAD_PX, bgcolor=UNDATED_LABEL_BG,
                                  font=dict(size=UNDATED_FONT, color="#555"), **refs)
             for x, y, n in zip(labels["xm"], labels["y"].tolist(), labels["total"].tolist())]
    spans = labels[labels["first"] < labels["last"]]
    if spans.empty:
        return [], notes
    xs, ys = _segments(spans["first"], spans["last"], spans["y"])
    return [go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#999", width=1), hoverinfo="skip",
                       showlegend=False, name="undated counted together", **axes)], notes


def _undated_hover(table: pd.DataFrame, piles: pd.DataFrame) -> np.ndarray:
    """The hover column of ``table``, with the pile's count and the label that
    counts it added to each undated point's."""
    hover = table["hover"].to_numpy().copy()
    if piles.empty:
        return hover
    day = {c: np.datetime_as_string(piles[c].to_numpy("datetime64[ns]"), unit="D") for c in ("xm", "first", "last")}
    notes = {(y, x): f"<br>Undated in this lane: {n} published {d}"
             + (f", counted in “{t} undated” (published {a} to {b})" if t > n else "")
             for y, x, n, t, d, a, b in zip(piles["y"].tolist(), piles["xm"].to_numpy("datetime64[ns]").tolist(),
                                            piles["n"].tolist(), piles["total"].tolist(),
                                            day["xm"], day["first"], day["last"])}
    undated = (table["kind"] == "undated").to_numpy()
    keys = zip(table["y"].to_numpy()[undated].tolist(), table["xm"].to_numpy("datetime64[ns]")[undated].tolist())
    hover[undated] = [h + notes.get(k, "") for h, k in zip(hover[undated].tolist(), keys)]
    return hover


def _connectors(table: pd.DataFrame, axes: dict) -> list:
    """Faint vertical links between the lanes of one event."""
    spans = table.groupby("event_id").agg(x=("xm", "first"), lo=("y", "min"), hi=("y", "max"))
    spans = spans[spans["lo"] < spans["hi"]]
    if spans.empty:
        return []
    xs, ys = [], []
    for x, lo, hi in zip(spans["x"], spans["lo"], spans["hi"]):
        xs += [x, x, None]
        ys += [lo, hi, None]
    return [go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="rgba(90,90,90,0.35)", width=1, dash="dot"),
                       hoverinfo="skip", name=CONNECTOR, legend="legend2", **axes)]


def _publications(table: pd.DataFrame, top: float, bottom: float, axes: dict, legend: bool) -> list:
    """A dotted line at each article's publication date, titled on hover."""
    pubs = table.drop_duplicates("article_id")[["published", "article_title"]]
    xs, ys = [], []
    for day in pubs["published"]:
        xs += [day, day, None]
        ys += [top, bottom, None]
    return [
        go.Scatter(x=xs, y=ys, mode="lines", line=dict(color="#444", width=1, dash="dash"), hoverinfo="skip",
                   name=PUBLICATION, legend="legend2", showlegend=legend, **axes),
        go.Scatter(x=pubs["published"], y=[top] * len(pubs), mode="markers",
                   marker=dict(symbol="triangle-down", size=9, color="#444"), showlegend=False,
                   hovertext=[f"Published {_escape(p)}: {_lines(t, limit=2)}"
                              for p, t in zip(pubs["published"], pubs["article_title"])],
                   hovertemplate="%{hovertext}<extra></extra>", name="publication", **axes),
    ]


def _highlight(table: pd.DataFrame, selected: Iterable[str], axes: dict) -> list:
    """Rings around every lane's point of the selected events."""
    rows = table[table["event_id"].isin(list(selected))]
    if rows.empty:
        return []
    return [go.Scatter(x=rows["xm"], y=rows["y"], mode="markers", hoverinfo="skip", name="selected event",
                       marker=dict(symbol="circle-open", size=20, color="black", line=dict(width=3)),
                       showlegend=False, **axes)]


def _legend(groups: dict[str, str]) -> list:
    """Legend-only entries: one per color group (click to hide it), and in a
    second legend one per drawing of a precision."""
    entries = [go.Scatter(x=[None], y=[None], mode="markers", name=g, legendgroup=g,
                          marker=dict(symbol="square", size=12, color=c)) for g, c in groups.items()]
    symbols = {"day": "circle", "interval": "line-ew-open", "vague": "line-ew-open", "undated": "diamond-open"}
    for kind in KINDS:
        entries.append(go.Scatter(
            x=[None], y=[None], mode="markers", name=KIND_LABELS[kind], legend="legend2", opacity=0.4 if kind == "vague" else 1,
            marker=dict(symbol=symbols[kind], size=12, color="#555", line=dict(width=4 if kind != "undated" else 2,
                                                                               color="#555"))))
    return entries


def aggregate(table: pd.DataFrame, key: str) -> pd.DataFrame:
    """Weekly event counts per lane and color group (``table`` has a color column)."""
    week = table["xm"].dt.to_period("W").dt.start_time
    grouped = table.assign(week=week).groupby([key, "color", "week"])
    return grouped.agg(n=("event_id", "nunique"), trigger=("trigger", "first")).reset_index()


def _aggregate_traces(table: pd.DataFrame, key: str, palette: dict, lane_y: dict) -> list:
    """Circles sized by count: one trace per color group, no per-event payload."""
    agg = aggregate(table, key)
    traces = []
    for group, part in agg.groupby("color"):
        traces.append(go.Scattergl(
            x=part["week"], y=part[key].map(lane_y), mode="markers", legendgroup=group,
            showlegend=False, name=f"{group} (weekly counts)",
            marker=dict(size=(part["n"] ** 0.5 * 4).clip(6, 40), color=palette[group], opacity=0.7),
            hovertext=[f"{n} events in the week of {w:%Y-%m-%d}<br>e.g. {_escape(t)}"
                       for n, w, t in zip(part["n"], part["week"], part["trigger"])],
            hovertemplate="%{hovertext}<extra></extra>"))
    return traces


def timeline(table: pd.DataFrame, lanes: str = "actor", layout: str = "lanes", color_by: str = "actor_type",
             selected: Iterable[str] = (), title: str = "", slider: bool = True,
             window: tuple = (None, None)) -> go.Figure:
    """The timeline of ``table`` (a ``frame``): lanes in one chart or small multiples,
    with a range slider under the time axis if ``slider``; the time axis opens on
    ``window`` (from, to dates, either None) where the date filter sets one."""
    title = _escape(title)
    if table.empty:
        fig = go.Figure()
        fig.update_layout(title=title or "No events match", height=300, xaxis_visible=False, yaxis_visible=False,
                          annotations=[dict(text="No events to show", showarrow=False, x=0.5, y=0.5,
                                            xref="paper", yref="paper")])
        return fig
    order = lane_order(table, lanes)
    key = f"lane_{lanes}"
    small = layout == "small_multiples"
    table = table.assign(color=color_keys(table, color_by))
    palette = _palette(list(table["color"].unique()), color_by)
    # An event once per lane: an article lane, or the other actors' lane, has a row per actor of it.
    table = table.drop_duplicates(["event_id", key])
    legend_title = "Actor type" if color_by == "actor_type" else "Article"
    x_range, before, after = _x_range(table, window)
    ticks = SMALL_MULTIPLE_TICKS if small else [_short(o) for o in order]
    left, right = _side_margins(ticks)
    pixel = (x_range[1] - x_range[0]) / max(CHART_PX - left - right, CHART_PX // 4)
    if small and len(order) > MAX_PANELS:
        title = f"{title} (first {MAX_PANELS} of {len(order)} lanes)".strip()
    color_px = COLOR_ROW_PX * _legend_rows([_text_px(legend_title)] + [_text_px(e) + COLOR_ENTRY_PX for e in palette])
    legend_px = LEGEND_ROW_PX * _legend_rows([_text_px(n) + DRAWING_ENTRY_PX for n in DRAWING_NAMES]) + LEGEND_GAP_PX
    # top down: title, color legend, encodings legend, then the band under them, ``under``
    top = (TITLE_PX if title else 0) + color_px + legend_px
    bottom = 10 if slider and not small else DATES_PX
    if small:
        panels = order[:MAX_PANELS]
        under = PANEL_TITLE_PX
        height = max(MIN_HEIGHT, top + under + bottom + len(panels) * PANEL_PX + (len(panels) - 1) * PANEL_GAP_PX)
        gap = PANEL_GAP_PX / (height - top - under - bottom)
        fig = _small_multiples(table, panels, key, palette, selected, slider, pixel, gap)
    else:
        height = max(MIN_HEIGHT, LANES_EXTRA_PX + len(order) * LANE_PX)
        dates_on_top = height > TALL_PX
        under = DATES_PX if dates_on_top else 0
        height += under
        fig = _lanes(table, order, key, palette, selected, slider, pixel, dates_on_top)
    fig.add_traces(_legend(palette))
    fig.update_xaxes(range=x_range)
    if note := _outside_note(before, after):
        fig.add_annotation(note)
    if window[0] is not None or window[1] is not None:  # the date filter's window, shaded
        shade = dict(x0=pd.Timestamp(window[0]) if window[0] else x_range[0],
                     x1=pd.Timestamp(window[1]) + pd.Timedelta(days=1) if window[1] else x_range[1],
                     fillcolor=WINDOW_FILL, line_width=0, layer="below", name=WINDOW_SHADE)
        fig.add_vrect(**shade, **({"row": "all", "col": 1} if small else {}))
    margin = _margins(fig, top=top + under, bottom=bottom)
    plot_px = height - margin["t"] - margin["b"]
    fig.update_layout(title=dict(text=title, yref="container", y=1, yanchor="top", pad_t=8) if title else None,
                      height=height, clickmode="event+select", dragmode="zoom", hovermode="closest",
                      legend=dict(groupclick="togglegroup", title_text=f"{legend_title}:", orientation="h", x=0,
                                  y=1 + (under + legend_px) / plot_px, yanchor="bottom"),
                      legend2=dict(title_text="", orientation="h", x=0, y=1 + under / plot_px,
                                   yanchor="bottom", itemclick=False, itemdoubleclick=False),
                      margin=margin, hoverlabel=dict(align="left"), uirevision="timeline")
    return fig


def _text_px(text: str, size: int = 12) -> float:
    """A generous width in px of a label (escaped HTML) in Plotly's default font."""
    text = html.unescape(text)
    wide = sum(c.isupper() or c in "mw@%&" for c in text)
    narrow = sum(c in "ilIjtf.,:;'|!r ()[]" for c in text)
    return size * (0.72 * wide + 0.3 * narrow + 0.56 * (len(text) - wide - narrow))


def _legend_rows(widths: list[float]) -> int:
    """Rows a horizontal legend of entries this wide wraps into in LEGEND_WIDTH_PX."""
    rows, used = 1, 0.0
    for width in widths:
        if used and used + width > LEGEND_WIDTH_PX:
            rows, used = rows + 1, 0.0
        used += width
    return rows


def _margins(fig: go.Figure, top: int, bottom: int) -> dict:
    """Margins the lane labels, the undated counts and the dates already fit in.

    Plotly widens a margin a label does not fit in (automargin) and then draws
    every trace again; sized in advance, the chart is drawn once (in the browser
    and in exports). A guess too small only costs that second drawing.
    """
    ticks = [t for axis in fig.select_yaxes() for t in (axis.ticktext or ())]
    left, right = _side_margins(ticks)
    return dict(l=round(left), r=round(right), t=top, b=bottom)


def _side_margins(ticks: list[str]) -> tuple[float, float]:
    """Left and right margins in px: the lane labels; on the right, room for an
    "n undated" label after a pile at the last date (``_x_range`` leaves more)."""
    return max(map(_text_px, ticks), default=0) + 14, _label_px(9999) * 0.5


#: Dated marks of a lane that would cover one another (the same drawing within
#: a marker's width, ``MARK_PX``) are stacked upward from the lane's line,
#: ``STACK_STEP`` of a lane apart and within ``STACK_SPAN``, so that each can be
#: hovered and clicked; the undated band below the line keeps its piles.
MARK_PX = 10
STACK_STEP = 0.12
STACK_SPAN = 0.42


def _stack_offsets(table: pd.DataFrame, lane: pd.Series, pixel: pd.Timedelta) -> np.ndarray:
    """The upward offset of each row's mark in its lane (0 for undated rows and lone marks)."""
    offsets = np.zeros(len(table))
    dated = (table["kind"] != "undated").to_numpy()
    if not dated.any():
        return offsets
    rows = table[dated]
    width = pixel * MARK_PX
    t0 = rows["x0"].min()
    cell = pd.DataFrame({"lane": lane[dated].to_numpy(), "kind": rows["kind"].to_numpy(),
                         "at": ((rows["xm"] - t0) / width).astype(float).floordiv(1).to_numpy(),
                         "to": ((rows["x1"] - t0) / width).astype(float).floordiv(1).to_numpy()})
    cell["to"] = cell["to"].where(cell["kind"] != "day", 0)  # a dot is where it is; a bar also where it ends
    groups = cell.groupby(["lane", "kind", "at", "to"], sort=False)
    rank, size = groups.cumcount().to_numpy(), groups["kind"].transform("size").to_numpy()
    step = np.minimum(STACK_STEP, STACK_SPAN / np.maximum(size - 1, 1))
    offsets[dated] = -rank * step
    return offsets


def _lanes(table, order, key, palette, selected, slider, pixel, dates_on_top) -> go.Figure:
    lane_y = {lane: i for i, lane in enumerate(order)}
    lane = table[key].map(lane_y)
    aggregate = len(table) > AGGREGATE_POINTS  # weekly counts: no single marks to stack
    stacked = 0 if aggregate else _stack_offsets(table, lane, pixel)
    table = table.assign(y=lane + (table["kind"] == "undated") * UNDATED_OFFSET + stacked)
    fig = go.Figure()
    axes = {}
    n = len(order)
    if aggregate:
        traces = _aggregate_traces(table, key, palette, lane_y)
    else:
        gl = len(table) > GL_POINTS
        piles = _undated_piles(table, pixel)
        table["hover"] = _undated_hover(table, piles)  # a copy of the caller's table (assign above)
        traces = [t for group, part in table.groupby("color") for t in
                  _event_traces(part, palette[group], group, axes, gl)]
        hairlines, labels = _undated_counts(piles, axes)
        traces = _connectors(table, axes) + traces + hairlines + _highlight(table, selected, axes)
        fig.layout.annotations += tuple(labels)  # update_layout would validate every annotation again
    fig.add_traces(_publications(table, -0.6, n - 0.4, axes, True) + traces)
    fig.update_yaxes(tickvals=list(range(n)), ticktext=[_short(o) for o in order], range=[n - 0.4, -0.7],
                     showgrid=True, zeroline=False, fixedrange=True)
    fig.update_xaxes(type="date", rangeslider=dict(visible=slider, thickness=SLIDER), showgrid=True)
    if dates_on_top:
        _top_dates(fig)
    return fig


def _top_dates(fig: go.Figure) -> None:
    """The date axis repeated above the plot, zoomed and panned with the one below.

    Plotly draws an axis only for a subplot with a trace: it gets an empty one.
    Its ticks are its own ("auto"): with an overlaying axis' default, "sync", they
    fall hours before the other axis' ticks, and 1980-01-01 reads "1979".
    """
    fig.add_trace(go.Scatter(x=[None], y=[None], xaxis="x2", yaxis="y", mode="markers", hoverinfo="skip",
                             showlegend=False, name="dates on top"))
    fig.update_layout(xaxis2=dict(type="date", overlaying="x", matches="x", side="top", anchor="y",
                                  tickmode="auto", showgrid=False))


def _small_multiples(table, order, key, palette, selected, slider, pixel, gap) -> go.Figure:
    """One panel per lane, ``gap`` apart (a share of the plot's height), each with its dates:
    a tall figure has no panel on screen next to the bottom one's."""
    fig = make_subplots(rows=len(order), cols=1, shared_xaxes=True, vertical_spacing=gap,
                        subplot_titles=[_short(o) for o in order])
    gl = len(table) > GL_POINTS
    panel = table[key].map({lane: i for i, lane in enumerate(order)})
    table = table[panel.notna()].assign(y=panel)  # undated counts of all panels at once: y = the panel
    every_pile = _undated_piles(table, pixel)
    table["hover"] = _undated_hover(table, every_pile)
    labels = []
    for i, lane in enumerate(order, start=1):
        part = table[table[key] == lane]
        part = part.assign(y=(part["kind"] == "undated") * UNDATED_OFFSET * 2)
        piles = every_pile[every_pile["y"] == i - 1].assign(y=UNDATED_OFFSET * 2)
        suffix = "" if i == 1 else str(i)
        axes = dict(xaxis=f"x{suffix}", yaxis=f"y{suffix}")
        traces = [t for group, p in part.groupby("color") for t in _event_traces(p, palette[group], group, axes, gl)]
        hairlines, panel_labels = _undated_counts(piles, axes)
        labels += panel_labels
        fig.add_traces(_publications(part, -0.5, 1.0, axes, i == 1) + traces + hairlines
                       + _highlight(part, selected, axes))
        fig.update_yaxes(row=i, col=1, tickvals=[0, UNDATED_OFFSET * 2], ticktext=SMALL_MULTIPLE_TICKS,
                         range=[1.0, -0.6], fixedrange=True)
    fig.update_xaxes(type="date", showgrid=True, showticklabels=True)
    fig.update_xaxes(row=len(order), col=1, rangeslider=dict(visible=slider, thickness=0.05))
    fig.layout.annotations += tuple(labels)  # update_layout would validate the panel titles again, slowly
    return fig


#: The chart opens on the news, not on the background: it starts at the earlier
#: of this long before the first publication and the date that leaves out only
#: ``BACKGROUND_SHARE`` of the drawn events ("founded in 1968" in 2008 news).
NEWS_LOOKBACK = pd.Timedelta(days=90)
BACKGROUND_SHARE = 0.05


def _x_range(table: pd.DataFrame, window: tuple = (None, None)) -> tuple[list, int, int]:
    """(initial range, events wholly before it, events wholly after it): the span
    of the drawn dates, the date filter's ``window`` where set, with room on the
    right for the undated counts. Background events long before the news are
    left outside the initial range (Autoscale or the range slider shows them).
    """
    lo, hi = table["x0"].min(), table["x1"].max()
    first_news = pd.Timestamp(table["published"].min()) - NEWS_LOOKBACK  # ISO dates sort as strings
    lo = max(lo, min(first_news, table["x0"].quantile(BACKGROUND_SHARE, interpolation="lower")))
    if window[0] is not None:
        lo = pd.Timestamp(window[0])
    if window[1] is not None:
        hi = pd.Timestamp(window[1]) + pd.Timedelta(days=1)
    before = table.loc[table["x1"] <= lo, "event_id"].nunique()
    after = table.loc[table["x0"] >= hi, "event_id"].nunique()
    pad = max((hi - lo) * 0.04, pd.Timedelta(days=2))
    return [lo - pad, hi + pad * 2], before, after


def _outside_note(before: int, after: int) -> dict | None:
    """An annotation under the lane labels naming the events the initial range leaves out."""
    parts = ([f"◀ {before} earlier event{'s' * (before != 1)}"] if before else []) + (
        [f"{after} later event{'s' * (after != 1)} ▶"] if after else [])
    if not parts:
        return None
    # under the lane labels, left of the dates: it covers no mark
    return dict(text="<br>".join(parts) + "<br>(toolbar: Autoscale)", xref="paper", yref="paper", x=0, y=0,
                xanchor="right", yanchor="top", xshift=-6, showarrow=False, align="right",
                font=dict(size=11, color="#555"), name=OUTSIDE_NOTE)


OUTSIDE_NOTE = "events outside the range"
WINDOW_SHADE = "date filter window"
WINDOW_FILL = "rgba(255, 200, 0, 0.12)"


def _short(label: str, width: int = 40) -> str:
    """A lane label short enough for the axis, escaped (titles are untrusted)."""
    return _escape(textwrap.shorten(label, width, placeholder="…"))


def events_of(fig: go.Figure) -> set[str]:
    """The event ids a figure draws (for tests and counts that must agree)."""
    return {e for t in fig.data if t.customdata is not None for e in t.customdata if e is not None}
