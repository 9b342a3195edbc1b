"""The dashboard: ``streamlit run dashboard/app.py -- [PATH ...]`` (default: seeds/).

Loaders first (extraction is cached on disk by ``store`` and in memory here),
then helpers that turn widget values into ``Filters``, then the layout, which
only renders. Filter state mirrors the URL query parameters.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import NamedTuple

# `streamlit run dashboard/app.py` puts dashboard/ on sys.path, not the repo.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402
import plotly.graph_objects as go  # noqa: E402
import streamlit as st  # noqa: E402

from dashboard import charts, detail, exports, filters, sources, store  # noqa: E402
from dashboard.articles import DATE_HINT  # noqa: E402
from dashboard.filters import Filters  # noqa: E402

DEFAULT_PATHS = (str(store.ROOT / "seeds"),)
UPLOAD_TYPES = [s.lstrip(".") for s in sources.SUFFIXES]
APP_DATE_HINT = "give it under Add articles… → Publication date for files without one"
#: How an event stands to its interval, as the detail panel says it.
KIND_NAMES = {"day": "exact day/time", "interval": "interval", "vague": "vague", "undated": "undated"}
#: The sentence gets the room; "to" is the last day included.
TABLE_COLUMNS = {
    "from": st.column_config.TextColumn("from", width="small"),
    "to": st.column_config.TextColumn("to", width="small", help="last day included"),
    "actors": st.column_config.TextColumn("actors", width="medium"),
    "sentence": st.column_config.TextColumn("sentence", width="large"),
}
#: The chart as high on the page as it goes: Streamlit's top padding (6 rem)
#: and a page title would push it half a laptop screen down.
PAGE_CSS = "<style>.stMainBlockContainer {padding-top: 2.5rem}</style>"
DETAIL_CSS = """<style>
mark.time {background:#ffe08a} mark.actor {background:#bde0fe} mark.trigger {background:#d8f3dc; font-weight:600}
</style>"""


# ---------------------------------------------------------------- loaders

@st.cache_resource
def renderer() -> exports.Renderer:
    """One warm browser for every session's image exports."""
    return exports.Renderer()


def extract_articles(articles: list, progress=None) -> dict:
    """The pipeline, imported when an article needs extracting: spaCy and its model
    take seconds to import, and an open on cached articles never needs them."""
    from dashboard.pipeline import extract_articles as extract
    return extract(articles, progress)


@st.cache_resource(show_spinner=False, max_entries=8)
def extracted(key: str, _articles: tuple, _extracts: tuple) -> tuple[dict, pd.DataFrame]:
    """The document and the chart table of a corpus; ``key`` names its content.

    A resource, not data: every rerun gets the same objects instead of a copy.
    """
    docs = list(_extracts)
    if _articles:
        docs.insert(0, store.load_or_extract(list(_articles), extract_articles)[0])
    doc = sources.merge_extracts(docs) if docs else {"articles": [], "actors": [], "errors": []}
    return doc, charts.frame(doc)


class LazyBar:
    """A progress bar drawn only once work takes long enough to watch.

    A warm open reads the corpus in milliseconds; a bar that appears and is
    removed at once would only add two elements to the page being opened.
    """

    def __init__(self, after: float = 0.3):
        self.start, self.after, self.bar = time.monotonic(), after, None

    def progress(self, value: float, text: str, force: bool = False) -> None:
        if self.bar is None and (force or time.monotonic() - self.start >= self.after):
            self.bar = st.progress(0.0)
        if self.bar is not None:
            self.bar.progress(value, text=text)

    def empty(self) -> None:
        if self.bar is not None:
            self.bar.empty()


def load(paths: tuple[str, ...], uploads: list, fallback: date | None) -> tuple[str, dict, pd.DataFrame, list]:
    """Read, extract (once) and tabulate the corpus, with a progress bar if that takes a while.

    Returns the corpus key (its content's hash) with the document, table and errors.
    """
    bar = LazyBar()
    loaded = sources.read_paths(paths, fallback, progress=lambda done, total, path: bar.progress(
        done / max(total, 1), text=f"Reading articles: {done} of {total}"))
    for upload in uploads:
        loaded.add(sources.read_bytes(upload.name, upload.getvalue(), fallback))
    articles = sources.unique_ids(loaded.articles)
    corpus = store.key_of(articles)
    key = corpus + hashlib.sha256(json.dumps(loaded.extracts, sort_keys=True).encode()).hexdigest()
    if articles and not store.is_cached(corpus):  # the slow first extraction, counted
        bar.progress(0.0, text=f"Extracting events from {len(articles)} article(s)…", force=True)
        store.load_or_extract(articles, lambda todo: extract_articles(todo, lambda done, total, path: bar.progress(
            done / max(total, 1), text=f"Extracting events: {done} of {total} article(s)")))
    doc, table = extracted(key, tuple(articles), tuple(loaded.extracts))
    bar.empty()
    errors = [{"path": e.path, "reason": e.reason.replace(DATE_HINT, APP_DATE_HINT)} for e in loaded.errors]
    return key, doc, table, errors + doc.get("errors", [])


class View(NamedTuple):
    """Everything drawn from one corpus and one set of filters."""

    others: pd.DataFrame  # rows passing the filters but the actor one (for the actor counts)
    rows: pd.DataFrame  # rows passing all filters: chart, counts line, table and exports
    fig: go.Figure
    events: pd.DataFrame  # the table under the chart, one row per event
    actor_counts: pd.DataFrame


@st.cache_resource(show_spinner=False, max_entries=64)
def view(key: str, f: Filters, _table: pd.DataFrame) -> View:
    """The view of corpus ``key`` (its table is ``_table``) under ``f``, shared by every session.

    A fresh session opening a link computes nothing the previous one did. The
    objects are shared: nothing downstream may modify them.
    """
    others, rows = filters.split(_table, f)
    fig = charts.timeline(rows, lanes=f.lanes, layout=f.layout, color_by=f.color,
                          selected=[f.event] if f.event else [], slider=f.slider, window=(f.date_from, f.date_to))
    return View(others, rows, fig, filters.event_table(rows), filters.actor_counts(others))


# ---------------------------------------------------------------- helpers

def source_paths(argv: list[str]) -> tuple[str, ...]:
    """Article paths given after ``--`` on the command line, else the seeds."""
    return tuple(argv[1:]) or DEFAULT_PATHS


def init_state_from_url() -> None:
    """Seed the widgets from the URL once per session, so a shared link reopens its view."""
    if st.session_state.get("_url_loaded"):
        return
    params = {k: st.query_params.get_all(k) for k in st.query_params}
    f = filters.from_query(params)
    st.session_state.update({
        "f_actors": list(f.actors), "f_top": f.top_n, "f_types": list(f.types), "f_from": f.date_from,
        "f_to": f.date_to, "f_articles": list(f.articles), "f_kinds": list(f.kinds), "f_text": f.text,
        "f_lanes": f.lanes, "f_layout": f.layout, "f_color": f.color, "f_slider": f.slider, "f_event": f.event,
        "_url_loaded": True})


def drop_unknown(table: pd.DataFrame, doc: dict) -> None:
    """Forget URL values this corpus does not have (a link from another corpus)."""
    known = {"f_actors": set(table["actor_id"].dropna()), "f_types": set(table["actor_type"].dropna()),
             "f_articles": {a["id"] for a in doc["articles"]}}
    for key, values in known.items():
        st.session_state[key] = [v for v in st.session_state[key] if v in values]


def current_filters() -> Filters:
    s = st.session_state
    return Filters(actors=tuple(s.f_actors), top_n=int(s.f_top or 0), types=tuple(s.f_types),
                   date_from=s.f_from, date_to=s.f_to, articles=tuple(s.f_articles),
                   kinds=tuple(k for k in charts.KINDS if k in s.f_kinds), text=s.f_text or "",
                   lanes=s.f_lanes, layout=s.f_layout, color=s.f_color, slider=bool(s.f_slider), event=s.f_event or "")


def sync_url(f: Filters) -> None:
    """Write the filters to the URL when they changed (a write reruns nothing)."""
    query = filters.to_query(f)
    current = {k: st.query_params.get_all(k) for k in st.query_params}
    if current != {k: v if isinstance(v, list) else [v] for k, v in query.items()}:
        st.query_params.from_dict(query)


def selected_event(selection) -> str | None:
    """The event id of the first selected point that is an event."""
    for point in (selection or {}).get("points", []):
        data = point.get("customdata")
        data = data[0] if isinstance(data, list) and data else data
        if isinstance(data, str):
            return data
    return None


def on_chart_select() -> None:
    event = selected_event(st.session_state.timeline.selection)
    st.session_state.f_event = event or ""
    st.session_state._scroll_to_detail = bool(event)


def on_table_select() -> None:
    rows = st.session_state.events_table.selection.rows
    view = st.session_state.get("_view_ids", [])
    if rows and rows[0] < len(view):
        st.session_state.f_event = view[rows[0]]
        st.session_state._scroll_to_detail = True


def clear_event() -> None:
    st.session_state.f_event = ""


def when_line(event: dict, published: str) -> str:
    """The event's date in words: its phrase, then ``charts.when_words``."""
    phrase = f"“{event['date_phrase']}”" if event.get("date_phrase") else "no time phrase"
    return f"{phrase} → " + charts.when_words(event["precision"], event.get("date_start"), event.get("date_end"),
                                              event.get("date_relation"), published)


def date_bounds(table: pd.DataFrame, f: Filters) -> tuple[date, date]:
    """The dates the From/To pickers offer: the corpus's drawn span, a year more
    each side, and the link's own dates (Streamlit's default is ten years back
    from today, which rules out older news)."""
    if table.empty:
        today = date.today()
        lo, hi = date(today.year - 10, 1, 1), date(today.year + 1, 12, 31)
    else:
        lo, hi = table["x0"].min().date(), table["x1"].max().date()
        lo, hi = date(lo.year - 1, 1, 1), date(hi.year + 1, 12, 31)
    chosen = [d for d in (f.date_from, f.date_to) if d]
    return min([lo, *chosen]), max([hi, *chosen])


def who_line(event: dict, actors: dict[str, dict]) -> str:
    """The event's actors with their type and role: "Channel 12 (organisation, source), ..."."""
    roles: dict[str, str] = {}
    for link in event.get("actors", []):
        roles.setdefault(link["actor_id"], link["role"])
    named = [f"{actors[a]['name']} ({charts.type_name(actors[a]['type'])}, {role})"
             for a, role in roles.items() if a in actors]
    return ", ".join(named) or "no actor named"


def reset_filters() -> None:
    for key, value in {"f_actors": [], "f_top": filters.DEFAULT_TOP, "f_types": [], "f_from": None, "f_to": None,
                       "f_articles": [], "f_kinds": list(charts.KINDS), "f_text": "", "f_event": ""}.items():
        st.session_state[key] = value


def lane_cap_note(f: Filters, counts: pd.DataFrame) -> str:
    """Say so when the chart shows only the top actors' lanes, and how to see the rest."""
    cap = filters.lane_cap(f)
    if not cap or len(counts) <= cap:
        return ""
    return (f"Lanes of the {cap} actors with the most events; the other {len(counts) - cap} share the lane "
            f"“{charts.OTHER_ACTORS}”. Pick actors, or set “top N” to 0 in the sidebar, to give each its own lane.")


def counts_line(rows: pd.DataFrame, total: int) -> str:
    events = rows["event_id"].nunique()
    actors = rows["actor_id"].dropna().nunique()
    articles = rows["article_id"].nunique()
    return (f"**{events}** of {total} event{'s' * (total != 1)} · **{actors}** actor{'s' * (actors != 1)}"
            f" · **{articles}** article{'s' * (articles != 1)}")


def added_sources(folder: str, uploads: list, errors: list[dict]) -> str:
    """What the user added to the corpus, for the sidebar (the popover hides it)."""
    failed = sum(any(e["path"] == u.name for e in errors) for u in uploads)
    read = f"{len(uploads)} uploaded file(s)" + (f", {failed} of them unreadable (see below)" if failed else "")
    if folder.strip() and not Path(folder.strip()).expanduser().exists():
        return f"Not found: {folder.strip()}" + (f". Added: {read}" if uploads else "")
    parts = ([f"folder {folder.strip()}"] if folder.strip() else []) + ([read] if uploads else [])
    return "Added: " + "; ".join(parts) if parts else ""


#: Tells the server that the chart is drawn (or that 4 s passed). Until then
#: a session's page is the chart, the counts and the view options; the
#: filters, the table and the exports follow in the next run. Their scripts
#: (the table's alone is 1.7 MB in 32 files) would otherwise be fetched,
#: evaluated and rendered while plotly.js loads and draws (docs/dashboard.md).
CHART_DRAWN_JS = """
export default function ({ setTriggerValue }) {
  let fired = false;
  const stop = () => { clearInterval(poll); clearTimeout(late); };
  const fire = () => { if (!fired) { fired = true; stop(); setTriggerValue("drawn", true); } };
  const poll = setInterval(() => {
    if (document.querySelector('[data-testid="stPlotlyChart"] .main-svg')) fire();
  }, 50);
  const late = setTimeout(fire, 4000);
  return stop;
}
"""


#: Brings the detail of the event just clicked into view: it sits under the
#: chart, often below the fold, where a click would seem to do nothing.
SCROLL_TO_DETAIL_JS = """
export default function () {
  const timer = setTimeout(() => {
    const detail = document.querySelector('.st-key-detail');
    if (detail) detail.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }, 50);
  return () => clearTimeout(timer);
}
"""


def on_chart_drawn() -> None:
    st.session_state._chart_drawn = True


def image_export(fig, fmt: str, caption: tuple[str, str]):
    """A deferred download: render only when the button is clicked."""
    return lambda: renderer().render(exports.for_export(fig, caption=caption), fmt)


def export_caption(f: Filters, rows: pd.DataFrame, total: int, doc: dict) -> tuple[str, str]:
    """(title, line under it) of an exported chart: what it shows, and which filters narrow it."""
    articles = doc["articles"]
    shown = rows["article_id"].unique()
    dates = sorted(a["published"] for a in articles if a["id"] in shown)
    if len(shown) == 1:
        title = next(a["title"] for a in articles if a["id"] == shown[0])
    else:
        title = f"News timeline: {len(shown)} articles" + (f" published {dates[0]} to {dates[-1]}" if dates else "")
    actor_names = {a["id"]: a["name"] for a in doc.get("actors", [])}
    narrowed = filters.describe(f, actor_names, {a["id"]: a["title"] for a in articles})
    line = counts_line(rows, total).replace("**", "") + (" · " + " · ".join(narrowed) if narrowed else "")
    return title, line


# ---------------------------------------------------------------- layout
# A session's first run draws the chart and what sits beside and above it;
# the rest (filters, table, exports) comes once the browser says the chart is
# drawn. The chart is sent before the sidebar: the browser fetches plotly.js
# (4.7 MB, the biggest script of the page) as soon as the chart arrives. The
# widgets' values are already in the session (from the URL on the first run,
# from the browser after), so the view is computed before they are drawn.

st.set_page_config(page_title="News timeline", layout="wide")
init_state_from_url()
complete = st.session_state.get("_chart_drawn", False)  # else only the chart and what is above it

folder = st.session_state.get("folder") or ""
paths = source_paths(sys.argv) + ((folder.strip(),) if folder.strip() else ())
key, doc, table, errors = load(paths, st.session_state.get("uploads") or [], st.session_state.get("fallback"))
total_events = table["event_id"].nunique()
drop_unknown(table, doc)

f = current_filters()
others, rows, fig, events, counts = view(key, f, table)

st.markdown(PAGE_CSS, unsafe_allow_html=True)
st.subheader("News timeline", anchor=False)
st.markdown(counts_line(rows, total_events))
if not total_events:
    n_timexes = sum(len(a.get("timexes", [])) for a in doc["articles"])
    st.info(f"No events extracted yet from {len(doc['articles'])} article(s) "
            f"({n_timexes} time expressions found).")
with st.expander(f"Articles ({len(doc['articles'])})", expanded=not total_events):
    for article in sorted(doc["articles"], key=lambda a: a["published"]):
        st.text(f"{article['published']} · {article['title']} · {len(article.get('events', []))} events")

if capped := lane_cap_note(f, counts):
    st.caption(capped)
st.plotly_chart(fig, key="timeline", on_select=on_chart_select, selection_mode=("points",),
                config={"displaylogo": False, "scrollZoom": True})
if len(rows) > charts.AGGREGATE_POINTS and f.layout == "lanes":
    st.caption("Many events: the chart shows weekly counts. Filter or pick actors to see single events.")

with st.sidebar:
    st.header("Articles")
    # A popover's content is drawn only when it opens: the uploader and the date
    # picker load nothing before that (their values live in the session).
    with st.popover("Add articles…", width="stretch"):
        st.text_input("Add a folder or file path", key="folder", placeholder="/path/to/articles")
        st.file_uploader("Or upload articles", type=UPLOAD_TYPES, accept_multiple_files=True, key="uploads")
        st.date_input("Publication date for files without one", value=None, key="fallback")
    if added := added_sources(folder, st.session_state.get("uploads") or [], errors):
        st.caption(added)
    if errors:
        with st.expander(f"{len(errors)} file(s) could not be read", expanded=True):
            for err in errors:
                st.text(f"{err['path']}: {err['reason']}")
    st.header("View")
    st.radio("Lanes", filters.LANES, key="f_lanes", horizontal=True,
             format_func={"actor": "one per actor", "article": "one per article"}.get)
    st.radio("Layout", filters.LAYOUTS, key="f_layout", horizontal=True,
             format_func={"lanes": "lanes in one chart", "small_multiples": "small multiples"}.get)
    st.radio("Color by", filters.COLORS, key="f_color", horizontal=True,
             format_func={"actor_type": "actor type", "article": "article"}.get)
    st.toggle("Range slider", key="f_slider",
              help="A strip under the chart to drag the time window. Zoom and pan also work with the mouse "
                   "(drag a box, scroll, double-click to reset) and the toolbar.")

    if complete:
        st.header("Filters")
        labels = {a: f"{label} ({n})" for a, label, n in zip(counts["actor_id"], counts["label"], counts["events"])}
        options = list(counts["actor_id"]) + [a for a in st.session_state.f_actors if a not in labels]
        st.multiselect("Actors (events)", options, key="f_actors", format_func=lambda a: labels.get(a, f"{a} (0)"))
        st.number_input("Only the top N actors (0: all)", min_value=0, step=1, key="f_top",
                        help="The actors with the most events get a lane; used when no actor is picked above "
                             "and the lanes are per actor.")
        st.multiselect("Actor types", sorted(table["actor_type"].dropna().unique()), key="f_types",
                       format_func=charts.type_name)
        first, last = date_bounds(table, f)
        st.date_input("From", key="f_from", min_value=first, max_value=last)
        st.date_input("To", key="f_to", min_value=first, max_value=last)
        if f.date_from and f.date_to and f.date_from > f.date_to:
            st.warning("“From” is after “To”: swap them for the range you mean.")
        titles = {a["id"]: f"{a['title']} · {a['published']}" for a in doc["articles"]}
        st.multiselect("Articles", list(titles), key="f_articles", format_func=lambda a: titles.get(a, a))
        st.multiselect("Date precision shown", list(charts.KINDS), key="f_kinds", format_func=KIND_NAMES.get)
        st.text_input("Search sentences", key="f_text", placeholder="e.g. defect")
        st.button("Reset filters", on_click=reset_filters)

st.session_state._view_ids = list(events["event_id"])
sync_url(f)

found = detail.find_event(doc, f.event) if f.event else None
if found:
    event, article = found
    with st.container(border=True, key="detail"):
        title, close = st.columns([5, 1])
        title.markdown("**Selected event**")
        close.button("Clear selection", key="clear_event", on_click=clear_event)
        st.markdown(DETAIL_CSS, unsafe_allow_html=True)
        st.markdown(f'<p class="sentence">{detail.sentence_html(event, article)}</p>', unsafe_allow_html=True)
        st.text(f"{article['title']} · published {article['published']}")
        actors = {a["id"]: a for a in doc.get("actors", [])}
        st.text(f"Who: {who_line(event, actors)}\nWhen: {when_line(event, article['published'])}\n"
                f"How: {event.get('date_basis') or '—'}")
        if st.session_state.pop("_scroll_to_detail", False):  # once, right after the click
            scroll = st.components.v2.component("news_timeline.scroll_to_detail", js=SCROLL_TO_DETAIL_JS)
            scroll(key=f"scroll_to_{f.event}")  # a key per event: each new selection mounts it, and so scrolls

if not complete:
    chart_drawn = st.components.v2.component("news_timeline.chart_drawn", js=CHART_DRAWN_JS)
    chart_drawn(key="chart_drawn", on_drawn_change=on_chart_drawn)
    st.stop()

st.subheader("Events")
st.dataframe(events.drop(columns=["event_id"]), hide_index=True, key="events_table", on_select=on_table_select,
             selection_mode="single-row", width="stretch", column_config=TABLE_COLUMNS)

st.subheader("Export this view")
caption = export_caption(f, rows, total_events, doc)
png, svg, pdf, page = st.columns(4)
if exports.find_browser():
    renderer().warm_up()
    for col, fmt in ((png, "png"), (svg, "svg"), (pdf, "pdf")):
        col.download_button(fmt.upper(), image_export(fig, fmt, caption), file_name=f"timeline.{fmt}",
                            mime=exports.MIME[fmt], on_click="ignore", key=f"dl_{fmt}")
else:
    png.warning("PNG, SVG and PDF need Chromium, which is not installed here "
                "(apt-get install chromium). The HTML export works without it.")
page.download_button("HTML (interactive, offline)", lambda: exports.to_html(exports.titled(fig, *caption), caption[0]),
                     file_name="timeline.html", mime=exports.MIME["html"], on_click="ignore", key="dl_html")
ids = set(rows["event_id"])
csv_col, json_col, tl_col = st.columns(3)
csv_col.download_button("CSV (a row per event and actor)", lambda: exports.to_csv(rows), file_name="events.csv",
                        mime=exports.MIME["csv"], on_click="ignore", key="dl_csv")
json_col.download_button("JSON (events and actors)", lambda: exports.to_json(exports.subset_document(doc, ids)),
                         file_name="extract.json", mime=exports.MIME["json"], on_click="ignore", key="dl_json")
tl_col.download_button("TimelineJS3 JSON", lambda: exports.to_timelinejs(rows), file_name="timelinejs.json",
                       mime=exports.MIME["json"], on_click="ignore", key="dl_timelinejs")
