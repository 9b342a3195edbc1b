"""Exports of the current view: chart images, offline HTML, CSV, JSON, TimelineJS3.

Images go through kaleido driving Debian's ``chromium`` found on PATH. Starting
a browser takes seconds, so ``Renderer`` keeps one open on a background event
loop and every export reuses it; with no browser, ``BrowserMissing`` says so
and the HTML export (which needs none) still works.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import shutil
import threading
from datetime import date

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from . import charts
from .model import EVENT_ACTOR_COLUMNS, SCHEMA_VERSION

IMAGE_FORMATS = ("png", "svg", "pdf")
MIME = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf", "html": "text/html",
        "csv": "text/csv", "json": "application/json"}
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
RENDER_TIMEOUT = 60
#: Width of an exported image, px (its height is the figure's).
EXPORT_WIDTH = 1400
#: The niceness of the background start of the export browser (``Renderer.warm_up``).
WARM_UP_NICENESS = 10
#: Images a kaleido tab renders before it is reloaded (see ``Renderer``).
RELOAD_EVERY = 25
#: TimelineJS: an event's main actor (its slide's group) is the first with the
#: first of these roles (who acted, else who told it), else its first actor.
MAIN_ROLES = ("agent", "source")
#: TimelineJS draws a row per group and fits about six at its usual height: the
#: main actors of the most events keep their own, the others and events that
#: name no actor share the last one.
TL_GROUPS = 6
NO_ACTOR_GROUP = "Other"
#: A slide's headline is at most this long; it keeps this much of the sentence before the trigger.
HEADLINE_CHARS = 90
HEADLINE_LEAD = 40
#: Where a clause may start, for a headline cut before its trigger.
CLAUSE_OPENING = re.compile(r"[,;:—–][”’\"]?\s+|\s(?=“)|\s(?:that|whereas|while|because)\s")
#: Stripped from the end of a cut headline, before its "…".
CUT_PUNCTUATION = " ,;:–—-("
#: Mentions that name no one once out of their article.
PRONOUNS = frozenset("i we you he she it they me us him her them his its our their".split())
#: The finest part of a TimelineJS date each precision gives (default: day).
TL_UNITS = {"time": "minute", "month": "month", "quarter": "month", "half": "month", "season": "month",
            "year": "year", "decade": "year", "century": "year"}
DAY = pd.Timedelta(days=1)
#: Month names for dates in words, English whatever the locale.
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: The columns a slide is made of (the row of the event's main actor).
TL_COLUMNS = ("event_id", "sentence", "trigger", "kind", "precision", "date_start", "date_end", "date_relation",
              "date_phrase", "date_basis", "event_actors", "article_title", "actor_name", "role", "mention",
              "x0", "x1", "tl_last", "tl_published", "tl_group")


class BrowserMissing(RuntimeError):
    """No Chromium to render images with; the message tells the user what to do."""


def find_browser() -> str | None:
    """The browser kaleido should drive: $BROWSER_PATH, else the first on PATH."""
    explicit = os.environ.get("BROWSER_PATH")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    return next((p for p in map(shutil.which, BROWSER_NAMES) if p), None)


class Renderer:
    """One warm kaleido browser on its own event-loop thread, shared by all exports.

    kaleido's own sync server hangs if the browser fails to start; here the
    start-up error comes back to the caller instead.
    """

    def __init__(self, browser: str | None = None):
        self.browser = browser or find_browser()
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self._warming = False

    def _start(self) -> None:
        if self.browser is None:
            raise BrowserMissing("PNG, SVG and PDF need Chromium and none was found on PATH "
                                 "(install it with `apt-get install chromium`); the HTML export still works.")
        from kaleido import Kaleido

        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, daemon=True, name="kaleido").start()

        class WarmKaleido(Kaleido):
            """Kaleido reloads its tab after every image, before returning it, so
            every export waits for the reload and then runs plotly.js in a fresh
            page, its code not yet optimised by the JavaScript engine. Here a tab
            is reloaded only after every ``RELOAD_EVERY`` images (to bound what a
            page accumulates), after the bytes are back; with two tabs the next
            export renders in the other one meanwhile."""

            async def _return_kaleido_tab(self, tab):
                uses = self.__dict__.setdefault("uses", {})
                uses[tab] = uses.get(tab, 0) + 1
                if uses[tab] % RELOAD_EVERY:
                    await self.tabs_ready.put(tab)
                    return
                task = asyncio.ensure_future(super()._return_kaleido_tab(tab))
                reloads = self.__dict__.setdefault("reloads", set())
                reloads.add(task)
                task.add_done_callback(lambda t: reloads.discard(t) or t.cancelled() or t.exception())

        async def open_browser():
            k = WarmKaleido(path=self.browser, mathjax=False, timeout=RENDER_TIMEOUT, n=2)
            await k.open()
            return k

        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(RENDER_TIMEOUT)
        except Exception as err:
            loop.call_soon_threadsafe(loop.stop)
            raise BrowserMissing(f"Chromium at {self.browser} did not start ({err}); "
                                 "the HTML export still works.") from err
        self._loop = loop

    def render(self, fig: go.Figure, fmt: str, width: int = EXPORT_WIDTH, height: int | None = None) -> bytes:
        """The figure as PNG, SVG or PDF bytes."""
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"unknown image format {fmt!r}")
        with self._lock:
            if self._kaleido is None:
                self._start()
            opts = {"format": fmt, "width": width, "height": height or fig.layout.height or 600}
            job = self._kaleido.calc_fig(fig, opts=opts)
            return asyncio.run_coroutine_threadsafe(job, self._loop).result(RENDER_TIMEOUT)

    def warm_up(self) -> None:
        """Start the browser and render a blank image in the background, once:
        the first export a user asks for then takes as long as the next (a
        cold one waits seconds for the browser to start)."""
        with self._lock:
            if self._warming or self._kaleido is not None or self.browser is None:
                return
            self._warming = True

        def run() -> None:
            try:  # at a low priority (the browser it starts inherits it): the page a user opens comes first
                os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), WARM_UP_NICENESS)
            except (AttributeError, OSError):  # not Linux, or not allowed: start it as it is
                pass
            try:
                self.render(go.Figure(), "png", width=16, height=16)
            except Exception:  # noqa: BLE001 - an export asked for later reports what is wrong
                pass

        threading.Thread(target=run, daemon=True, name="kaleido-warm-up").start()

    def close(self) -> None:
        """Close the browser and stop the loop (tests and the benchmark)."""
        with self._lock:
            if self._kaleido is not None:
                async def close(k):
                    await asyncio.gather(*list(getattr(k, "reloads", ())), return_exceptions=True)
                    await k.close()
                asyncio.run_coroutine_threadsafe(close(self._kaleido), self._loop).result(RENDER_TIMEOUT)
                self._loop.call_soon_threadsafe(self._loop.stop)
                self._kaleido = self._loop = None


#: Room for an exported chart's title and the line under it.
TITLE_BLOCK_PX = 56


def titled(fig: go.Figure, title: str, subtitle: str = "") -> go.Figure:
    """``fig`` with a title and a line saying what it shows, above its legends:
    an exported chart is read away from the app and its filters."""
    out = go.Figure(data=[t.to_plotly_json() for t in fig.data], layout=fig.layout.to_plotly_json(), _validate=False)
    _add_title(out, title, subtitle)
    return out


def _add_title(fig: go.Figure, title: str, subtitle: str) -> None:
    """The figure grows by the title's height; the plot and the legends keep their place."""
    fig.update_layout(height=(fig.layout.height or 450) + TITLE_BLOCK_PX,
                      margin_t=(fig.layout.margin.t or 0) + TITLE_BLOCK_PX,
                      title=dict(text=f"<b>{_esc(title)}</b>", subtitle=dict(text=_esc(subtitle), font_size=12),
                                 x=0.01, xanchor="left", yref="container", y=0.995, yanchor="top",
                                 pad_t=6, font_size=16))


def for_export(fig: go.Figure, width: int = EXPORT_WIDTH, caption: tuple[str, str] | None = None) -> go.Figure:
    """The figure for a still image ``width`` px wide: SVG traces, no range
    slider, nothing drawn that the image could not show, and the ``caption``
    (title, line under it) of ``titled`` if given.

    Headless Chromium draws WebGL in software, several times slower than SVG
    for the few thousand points a view has; hover texts only cost transfer time;
    a slider cannot be dragged on paper. Rendering time grows with the SVG
    elements, so each trace is reduced to what differs at the image's
    resolution (``_simplify``): markers that land on the same pixel of their
    lane once, overlapping bars of a lane as one bar.
    """
    margin = fig.layout.margin
    plot_px = max(width - (margin.l or 0) - (margin.r or 0), width // 4)  # Plotly may only shrink it
    data = []
    for trace in fig.data:
        spec = {k: v for k, v in trace.to_plotly_json().items() if k not in _NOT_IN_STILLS}
        axis = fig.layout[f"xaxis{(trace.xaxis or 'x')[1:]}"]
        if axis.type == "date" and axis.range and spec.get("x") is not None and len(spec["x"]) > 1:
            lo, hi = (pd.Timestamp(v) for v in axis.range)
            spec = _simplify(spec, lo, (hi - lo) / plot_px)
        data.append(spec)
    # Every value comes from a validated figure: validating it again costs more than the render.
    still = go.Figure(data=data, layout=fig.layout.to_plotly_json(), _validate=False)
    if any(axis.rangeslider.visible for axis in still.select_xaxes()):
        still.update_xaxes(rangeslider_visible=False)
        still.update_layout(margin_b=max(margin.b or 0, charts.DATES_PX))  # room for the dates, no more
    if caption:
        _add_title(still, *caption)
    return still


_NOT_IN_STILLS = ("type", "hovertext", "customdata", "hovertemplate")


def _simplify(spec: dict, origin: pd.Timestamp, pixel: pd.Timedelta) -> dict:
    """One trace cut to what the image shows; ``pixel``: the time one pixel of
    the plot area spans (at most: Plotly can only make the plot narrower)."""
    try:
        x = pd.to_datetime(pd.Series(spec["x"], dtype=object), format="ISO8601")
        y = pd.Series(spec["y"], dtype=object).astype(float)
    except (ValueError, TypeError):
        return spec  # not dates on numeric lanes: drawn as it is
    pos = (x - origin) / pixel
    mode = spec.get("mode")
    if mode == "markers":
        marker = spec.get("marker", {})
        if any(isinstance(v, (list, tuple, np.ndarray)) for v in marker.values()):
            return spec  # per-point sizes or colors (weekly counts): already one per week and lane
        keep = ~pd.DataFrame({"x": pos.round(), "y": y}).duplicated().to_numpy()
        return {**spec, "x": np.asarray(spec["x"], dtype=object)[keep], "y": y[keep].to_numpy()}
    if mode == "lines" and len(x) % 3 == 0 and x.iloc[2::3].isna().all():
        a, b = x.iloc[0::3].to_numpy(), x.iloc[1::3].to_numpy()
        ya, yb = y.iloc[0::3].to_numpy(), y.iloc[1::3].to_numpy()
        if (ya == yb).all():  # bars: one path per trace, so the union of a lane's bars strokes the same pixels
            bars = pd.DataFrame({"a": np.minimum(a, b), "b": np.maximum(a, b), "y": ya}).sort_values(["y", "a"])
            reach = bars.groupby("y")["b"].cummax().groupby(bars["y"]).shift()
            run = ((bars["a"] > reach + pixel) | reach.isna()).cumsum()
            merged = bars.groupby(run).agg(a=("a", "min"), b=("b", "max"), y=("y", "first"))
            return {**spec, **_segments(merged["a"], merged["b"], merged["y"], merged["y"])}
        if (a == b).all():  # vertical lines (publication dates, connectors): one per pixel column
            lines = pd.DataFrame({"a": a, "x": pos.iloc[0::3].round().to_numpy(), "ya": ya, "yb": yb})
            lines = lines.drop_duplicates(["x", "ya", "yb"])
            return {**spec, **_segments(lines["a"], lines["a"], lines["ya"], lines["yb"])}
    return spec


def _segments(a, b, ya, yb) -> dict:
    """x and y of disconnected two-point lines, None between."""
    xs, ys = [], []
    for x0, x1, y0, y1 in zip(a, b, ya, yb):
        xs += [x0, x1, None]
        ys += [y0, y1, None]
    return {"x": xs, "y": ys}


def to_html(fig: go.Figure, title: str = "Timeline") -> bytes:
    """A self-contained page (plotly.js inlined) that works offline.

    Hovering a point also shows the same event's points in its other lanes.
    """
    return pio.to_html(fig, include_plotlyjs=True, full_html=True, post_script=_SYNC_HOVER,
                       div_id="timeline", config={"displaylogo": False}).replace(
        "<head>", f"<head><title>{html.escape(title)}</title>", 1).encode("utf-8")


#: Show the hover of every point that shares the hovered point's event id.
_SYNC_HOVER = """
var gd = document.getElementById('{plot_id}'); var busy = false;
gd.on('plotly_hover', function (ev) {
  if (busy) return; var id = ev.points[0].customdata; if (id === undefined) return;
  var pts = [];
  gd.data.forEach(function (t, c) { (t.customdata || []).forEach(function (d, p) {
    if (d === id) pts.push({curveNumber: c, pointNumber: p}); }); });
  if (pts.length > 1) { busy = true; Plotly.Fx.hover(gd, pts); busy = false; }
});
"""


def to_csv(table: pd.DataFrame) -> bytes:
    """One row per (event, actor), the columns of ``model.EVENT_ACTOR_COLUMNS``."""
    return table.reindex(columns=list(EVENT_ACTOR_COLUMNS)).to_csv(index=False).encode("utf-8")


def subset_document(doc: dict, event_ids: set[str]) -> dict:
    """The extract document cut down to the events in view (same schema)."""
    articles = []
    for article in doc["articles"]:
        events = [e for e in article.get("events", []) if e["id"] in event_ids]
        if events:
            articles.append({**article, "events": events})
    actor_ids = {r["actor_id"] for a in articles for e in a["events"] for r in e.get("actors", [])}
    actors = [{**a, "event_ids": [i for i in a.get("event_ids", []) if i in event_ids]}
              for a in doc.get("actors", []) if a["id"] in actor_ids]
    return {"schema_version": doc.get("schema_version", SCHEMA_VERSION), "articles": articles,
            "actors": actors, "errors": []}


def to_json(doc: dict) -> bytes:
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")


def to_timelinejs(table: pd.DataFrame) -> bytes:
    """TimelineJS3 JSON of the view: a title slide, then one slide per event.

    The table has a row per (event, actor); the slide goes to the group
    (TimelineJS's row) of the event's main actor, so the rows still read as
    actor lanes. TimelineJS renders headlines and texts as HTML, so article
    text is escaped. It refuses a document without events, so an empty view
    gets one slide, dated the export day, saying that nothing matches.
    """
    today = pd.Timestamp(date.today())
    if table.empty:
        empty = {"start_date": _tl_date(today, "day"), "unique_id": "no-events",
                 **_tl_slide("No events match this view", "<p>Widen the filters and export again.</p>")}
        return _tl_json(_tl_slide("News timeline: no events", "<p>No events match this view.</p>"), [empty])
    rank = table["role"].map({role: i for i, role in enumerate(MAIN_ROLES)}).fillna(len(MAIN_ROLES))
    main = table.assign(tl_rank=rank.where(table["actor_id"].notna(), len(MAIN_ROLES) + 1))
    main = main.sort_values("tl_rank", kind="stable").drop_duplicates("event_id")
    main = main.sort_values(["x0", "published", "event_id"], kind="stable")
    named = main["actor_label"].where(main["actor_id"].notna())
    counts = named.value_counts()
    top = sorted(counts.index, key=lambda k: (-counts[k], k))[:TL_GROUPS]
    main["tl_group"] = named.where(named.isin(top), NO_ACTOR_GROUP)
    main["tl_last"] = main["x1"] - DAY  # our intervals are half-open, words and TimelineJS's end dates inclusive
    main["tl_published"] = pd.to_datetime(main["published"], format="ISO8601")
    n, articles = len(main), main["article_id"].nunique()
    title = _tl_slide(
        f"News timeline: {n} event{'s' * (n != 1)} from {articles} article{'s' * (articles != 1)}",
        f"<p>Events dated {_day(main['x0'].min())} to {_day(main['tl_last'].max())}. Each slide quotes "
        "its article and says how the event was dated; undated events stand at their article's "
        f"publication date.</p><p>Exported {_day(today)}.</p>")
    return _tl_json(title, [_tl_event(row) for row in main[list(TL_COLUMNS)].itertuples(index=False)])


def _tl_event(row) -> dict:
    """The slide of one event, from its main actor's row (and group)."""
    unit = "day" if row.kind == "undated" else TL_UNITS.get(row.precision, "day")
    start = _tl_date(row.x0, unit)
    end = None if unit == "minute" else _tl_date(row.tl_last, unit)
    when = _dating(row, "minute" if unit == "minute" else "day")
    when += "" if row.kind == "undated" else f", {row.precision} precision"
    text = (f"<p>{_esc(' '.join(row.sentence.split()))}</p>"
            f"<p><b>When:</b> {_esc(when)}<br><b>How dated:</b> {_esc(row.date_basis or '—')}</p>"
            f"<p><b>Actors:</b> {_esc(row.event_actors)}</p>"
            f"<p><b>Article:</b> <i>{_esc(row.article_title)}</i>, "
            f"published {_day(row.tl_published)}</p>")
    slide = {"start_date": start}
    if end is not None and end != start:
        slide["end_date"] = end
    if row.kind in ("vague", "undated") or row.date_relation != "on":  # the dates alone would claim more
        slide["display_date"] = _plain(_dating(row, unit))
    return {**slide, **_tl_slide(_headline(row), text), "group": _plain(row.tl_group), "unique_id": row.event_id}


def _tl_slide(headline: str, text: str) -> dict:
    """``text`` is HTML already; the headline is escaped."""
    return {"text": {"headline": _esc(headline), "text": text}}


def _tl_json(title: dict, events: list[dict]) -> bytes:
    """Compact: without an indent, json uses its C encoder (a third of the time of 100k slides)."""
    doc = {"title": {**title, "unique_id": "title"}, "events": events}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


def _tl_date(stamp: pd.Timestamp, unit: str) -> dict:
    """A TimelineJS3 date object down to ``unit`` and no further: a month
    phrase gives no day, so TimelineJS shows "January 2026", not "1 January"."""
    out = {"year": stamp.year}
    if unit != "year":
        out["month"] = stamp.month
    if unit in ("day", "minute"):
        out["day"] = stamp.day
    if unit == "minute":
        out.update(hour=stamp.hour, minute=stamp.minute)
    return out


def _dating(row, unit: str) -> str:
    """The event's date in words at ``unit``, after its time phrase:
    "recently (before 21 Jan 2026)", "In 2025 (2025)", "undated, on or before 23 Jan 2026"."""
    if row.kind == "undated":
        return f"undated, on or before {_day(row.x0)}"
    when = _when(row, unit)
    return f"{' '.join(row.date_phrase.split())} ({when})" if isinstance(row.date_phrase, str) else when


def _when(row, unit: str) -> str:
    """The interval in words, with its relation and open sides: "before 21 Jan
    2026", "24 Dec 2025 to 21 Jan 2026", "January 2026"."""
    last = row.tl_last
    relation = row.date_relation
    if relation == "before" or (relation == "on" and not isinstance(row.date_start, str)):
        return f"before {_day(row.x1)}"
    if relation == "after" or (relation == "on" and not isinstance(row.date_end, str)):
        return f"after {_day(row.x0)}"
    if relation == "on_or_before":
        return f"on or before {_day(last)}"
    if unit == "minute":
        return f"{_day(row.x0)}, {row.x0:%H:%M}"
    if unit == "year":
        return str(row.x0.year) if row.x0.year == last.year else f"{row.x0.year} to {last.year}"
    if unit == "month":
        first = f"{MONTHS[row.x0.month - 1]} {row.x0.year}"
        same = (row.x0.year, row.x0.month) == (last.year, last.month)
        return first if same else f"{first} to {MONTHS[last.month - 1]} {last.year}"
    return _day(row.x0) if last.date() <= row.x0.date() else f"{_day(row.x0)} to {_day(last)}"


def _day(stamp: pd.Timestamp) -> str:
    """"21 Jan 2026"."""
    return f"{stamp.day} {MONTHS[stamp.month - 1][:3]} {stamp.year}"


def _headline(row) -> str:
    """Who did what, in the article's own words: the sentence, cut to about
    ``HEADLINE_CHARS`` around the trigger, led by "Actor: " when the main actor
    did or told it and is not named in what is kept.

    Not a phrase built from roles: "Channel 12 defected" would be false for an
    event Channel 12 only reported (the source of a reported event), and the
    article's own subject ("Hundreds of officers") says who acted even when no
    actor was found. A pronoun ("he") names no one out of its article.
    """
    excerpt = _excerpt(row.sentence, row.trigger, HEADLINE_CHARS)
    name = row.actor_name if isinstance(row.actor_name, str) and row.role in MAIN_ROLES else None
    if not name or _names(excerpt, name, row.mention):
        return excerpt
    width = max(HEADLINE_CHARS - len(name) - 2, HEADLINE_CHARS // 2)
    return f"{name}: {_excerpt(row.sentence, row.trigger, width)}"


def _names(text: str, name: str, mention: str | None) -> bool:
    """Whether ``text`` names the actor: its mention (unless a pronoun), its
    name, or every word of it ("the IRGC's Intelligence Organization")."""
    words = set(re.findall(r"\w+", text.lower()))
    return (isinstance(mention, str) and mention.lower() not in PRONOUNS and mention.lower() in text.lower()
            or set(re.findall(r"\w+", name.lower())) <= words)


def _excerpt(sentence: str, trigger: str, width: int) -> str:
    """The sentence in at most ``width`` characters: from its start when the
    trigger is among its first ``width``, else from the last clause opening
    (a comma, a quote, "that" ...) up to ``HEADLINE_LEAD`` characters before the
    trigger, or the first word there; cut between words, "…" where cut."""
    text = " ".join(sentence.split())
    if len(text) <= width:
        return text
    trigger = " ".join(trigger.split())
    hit = re.search(rf"\b{re.escape(trigger)}\b", text) or re.search(re.escape(trigger.split()[0]), text)
    at = hit.start() if hit else 0
    start = 0
    if at + len(trigger) >= width:
        lo = max(at - HEADLINE_LEAD, 0)
        opening = list(CLAUSE_OPENING.finditer(text, lo, at))
        space = text.find(" ", lo, at)
        start = opening[-1].end() if opening else space + 1 if space >= 0 else at
    lead = "…" if start else ""
    rest = text[start:]
    if len(lead) + len(rest) <= width:
        return lead + rest
    cut = rest[:width - len(lead)]  # one character more than fits before the closing "…"
    body = cut.rsplit(" ", 1)[0] if " " in cut else cut[:-1]
    return f"{lead}{body.rstrip(CUT_PUNCTUATION)}…"


def _plain(text: str) -> str:
    """Text for a TimelineJS field that takes no markup (group, display_date).

    TimelineJS decodes such a field (strips markup) and then inserts it as
    HTML, so an escaped ``<`` would come back as a tag: angle brackets become
    look-alikes first, then the rest is escaped for versions that insert it raw.
    """
    return _esc(text.replace("<", "‹").replace(">", "›"))


def _esc(text: str) -> str:
    """Escaped for HTML element content (TimelineJS puts no field in an attribute)."""
    return html.escape(text, quote=False)
