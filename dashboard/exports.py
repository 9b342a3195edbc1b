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
#: Images a kaleido tab renders before it is reloaded (see ``Renderer``).
RELOAD_EVERY = 25


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


def for_export(fig: go.Figure, width: int = EXPORT_WIDTH) -> go.Figure:
    """The figure for a still image ``width`` px wide: SVG traces, no range
    slider, and nothing drawn that the image could not show.

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


def _tl_date(value: str | None) -> dict | None:
    """A TimelineJS3 date object from an ISO date or datetime."""
    if not value:
        return None
    stamp = pd.Timestamp(value)
    out = {"year": stamp.year, "month": stamp.month, "day": stamp.day}
    if len(value) > 10:
        out.update(hour=stamp.hour, minute=stamp.minute)
    return out


def _tl_end(start: str | None, end: str | None) -> dict | None:
    """TimelineJS end dates are inclusive: the day before our half-open end."""
    if not end or not start:
        return None
    last = pd.Timestamp(end) - pd.Timedelta(days=1)
    return _tl_date(last.date().isoformat()) if last.normalize() > pd.Timestamp(start).normalize() else None


def to_timelinejs(table: pd.DataFrame, title: str = "Timeline") -> bytes:
    """TimelineJS3 JSON: one slide per (event, actor) row, grouped by actor.

    TimelineJS renders ``text`` as HTML, so every field is escaped. Undated
    events are placed at their publication date and say so.
    """
    events = []
    for row in table.itertuples():
        undated = row.kind == "undated"
        start = row.published if undated else row.date_start or row.x0.date().isoformat()
        when = "undated: on or before publication" if undated else (
            f"“{row.date_phrase}”" if isinstance(row.date_phrase, str) else row.precision)
        slide = {
            "start_date": _tl_date(start),
            "text": {"headline": html.escape(row.trigger),
                     "text": f"<p>{html.escape(row.sentence)}</p><p>{html.escape(when)}; "
                             f"{html.escape(row.date_basis or '')}</p><p>{html.escape(row.article_title)} "
                             f"({html.escape(row.published)})</p>"},
            "group": row.lane_actor,
            "unique_id": f"{row.event_id}-{row.Index}",
        }
        end = None if undated else _tl_end(start, row.date_end if isinstance(row.date_end, str) else None)
        if end:
            slide["end_date"] = end
        events.append(slide)
    doc = {"title": {"text": {"headline": html.escape(title),
                              "text": f"Exported {date.today().isoformat()}"}}, "events": events}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
