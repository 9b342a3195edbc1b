"""Exports, checked by their real bytes."""

import copy
import csv
import html
import io
import json
import re
import threading
import time

import pytest

from dashboard import charts, exports, filters
from dashboard.model import EVENT_ACTOR_COLUMNS
from tests.fixtures import docs


@pytest.fixture(scope="module")
def fig(basic_table):
    return exports.for_export(charts.timeline(basic_table))


@pytest.mark.parametrize("fmt,magic", [("png", b"\x89PNG\r\n\x1a\n"), ("svg", b"<svg"), ("pdf", b"%PDF-")])
def test_images(renderer, fig, fmt, magic):
    data = renderer.render(fig, fmt)
    assert data.startswith(magic) and len(data) > 5_000


def test_png_size_follows_the_figure(renderer, fig):
    import struct
    data = renderer.render(fig, "png", width=1000, height=500)
    assert struct.unpack(">II", data[16:24]) == (1000, 500)


def test_webgl_traces_become_svg_for_stills(basic_table):
    import pandas as pd
    big = pd.concat([basic_table] * 300, ignore_index=True)
    big["event_id"] = big["event_id"] + "-" + (big.index // len(basic_table)).astype(str)
    still = exports.for_export(charts.timeline(big))
    assert {t.type for t in still.data} == {"scatter"} and not still.layout.xaxis.rangeslider.visible


def test_stills_keep_every_distinct_mark(basic_table):
    """What a still leaves out lands on a pixel something else already covers."""
    import pandas as pd
    big = pd.concat([basic_table] * 40, ignore_index=True)
    big["event_id"] = big["event_id"] + "-" + (big.index // len(basic_table)).astype(str)
    fig = charts.timeline(big)
    still = exports.for_export(fig)
    shrunk = 0
    for a, b in zip(fig.data, still.data):
        if a.mode == "markers" and a.x is not None and len(a.x) > 1:
            marks = {(pd.Timestamp(x), y) for x, y in zip(a.x, a.y)}
            assert marks == {(pd.Timestamp(x), y) for x, y in zip(b.x, b.y)} and len(b.x) == len(marks), a.name
            shrunk += len(b.x) < len(a.x)
        if a.mode == "lines" and a.name.endswith("bar"):  # one bar per lane span, covering the same days
            def days(t):
                out = set()
                for x0, x1, y in zip(t.x[0::3], t.x[1::3], t.y[0::3]):
                    out |= {(d, y) for d in pd.date_range(pd.Timestamp(x0), pd.Timestamp(x1), freq="D")}
                return out
            assert days(a) == days(b) and len(b.x) <= len(a.x), a.name
    assert shrunk


def test_no_browser_says_so(fig, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    assert exports.find_browser() is None
    with pytest.raises(exports.BrowserMissing, match="HTML export still works"):
        exports.Renderer().render(fig, "png")


def test_html_is_self_contained(basic_table):
    page = exports.to_html(charts.timeline(basic_table), title="<Iran>").decode()
    assert "<title>&lt;Iran&gt;</title>" in page
    assert not re.search(r"<script[^>]+src=", page) and "Plotly.newPlot" in page
    assert "plotly_hover" in page  # the same event lights up in all its lanes
    assert "<script>alert" not in page


def test_csv_one_row_per_event_actor(basic_table):
    rows = filters.apply(basic_table, filters.Filters(actors=("irgc", "trump")))
    parsed = list(csv.DictReader(io.StringIO(exports.to_csv(rows).decode())))
    assert list(parsed[0]) == list(EVENT_ACTOR_COLUMNS)
    assert [(r["event_id"], r["actor_id"]) for r in parsed] == list(zip(rows["event_id"], rows["actor_id"]))


def test_json_is_the_extract_schema_cut_to_the_view(basic_doc):
    doc = json.loads(exports.to_json(exports.subset_document(basic_doc, {"a1-e3"})))
    assert [e["id"] for a in doc["articles"] for e in a["events"]] == ["a1-e3"]
    assert {a["id"] for a in doc["actors"]} == {"khamenei", "irgc"}
    assert all(a["event_ids"] == ["a1-e3"] for a in doc["actors"])
    assert set(doc) == set(basic_doc)


DATE_KEYS = ("year", "month", "day", "hour", "minute")
SLIDE_KEYS = {"start_date", "end_date", "text", "group", "display_date", "unique_id"}


def timelinejs(table) -> dict:
    """The export parsed, after checking it has the shape TimelineJS3 loads
    (its JSON format: a title slide, at least one event, unique ids)."""
    doc = json.loads(exports.to_timelinejs(table))
    assert set(doc) == {"title", "events"}
    slides = [doc["title"], *doc["events"]]
    assert doc["title"]["text"]["headline"] and "start_date" not in doc["title"]
    assert doc["events"], "TimelineJS refuses a document without events"
    for slide in doc["events"]:
        assert set(slide) <= SLIDE_KEYS and {"start_date", "text", "unique_id"} <= set(slide)
        dates = [slide["start_date"], *([slide["end_date"]] if "end_date" in slide else [])]
        for d in dates:
            keys = [k for k in DATE_KEYS if k in d]
            assert set(d) == set(keys) and keys == list(DATE_KEYS[:len(keys)])  # no day without a month
            assert all(isinstance(d[k], int) for k in keys) and 1 <= d.get("month", 1) <= 12
        assert [tuple(d.get(k, 0) for k in DATE_KEYS) for d in dates] == sorted(
            tuple(d.get(k, 0) for k in DATE_KEYS) for d in dates)
        assert slide["text"]["headline"] and slide["text"]["text"]
        assert all(isinstance(slide.get(k, ""), str) for k in ("group", "display_date", "unique_id"))
    ids = [s["unique_id"] for s in slides]
    assert len(set(ids)) == len(ids) and all(ids)
    return doc


def slides_of(doc: dict) -> dict:
    return {s["unique_id"]: s for s in doc["events"]}


def test_timelinejs_one_slide_per_event(basic_table):
    doc = timelinejs(basic_table)
    slides = slides_of(doc)
    assert len(doc["events"]) == basic_table["event_id"].nunique() == 8
    assert set(slides) == set(basic_table["event_id"])
    three = slides["a1-e4"]  # official, Iran International, Donald Trump: one slide, all three named
    assert all(name in three["text"]["text"] for name in ("Interior Ministry official", "Iran International",
                                                          "Donald Trump"))
    assert doc["title"]["text"]["headline"] == "News timeline: 8 events from 2 articles"


def test_timelinejs_group_is_the_main_actor(basic_doc):
    doc = copy.deepcopy(basic_doc)
    events = {e["id"]: e for a in doc["articles"] for e in a["events"]}
    events["a1-e3"]["actors"][0]["role"] = "mentioned"  # Khamenei, first; the IRGC is now its agent
    events["a1-e3"]["actors"][1]["role"] = "agent"
    events["a1-e5"]["actors"] = []
    slides = slides_of(timelinejs(charts.frame(doc)))
    assert slides["a1-e4"]["group"] == "Interior Ministry official"  # the agent, before the source
    assert slides["a1-e2"]["group"] == "Channel 12"  # the source
    assert slides["a1-e3"]["group"] == "Islamic Revolutionary Guard Corps (IRGC)"
    assert slides["a1-e5"]["group"] == exports.NO_ACTOR_GROUP


def test_timelinejs_groups_fit_its_rows():
    slides = timelinejs(charts.frame(docs.many_actors(30)))["events"]
    groups = {s["group"] for s in slides}
    assert len(groups) == exports.TL_GROUPS + 1 and exports.NO_ACTOR_GROUP in groups


def test_timelinejs_headline_says_who_did_what(basic_doc):
    doc = copy.deepcopy(basic_doc)
    events = {e["id"]: e for a in doc["articles"] for e in a["events"]}
    events["a1-e1"]["sentence"] += " They left in groups of five or six, over weeks, through the mountains."
    long = events["a1-e5"]
    long["sentence"] = ("The regime, which has faced weeks of protests in dozens of cities and a collapsing "
                        "currency, on Monday arrested <script>alert('x')</script> officers in Kermanshah.")
    slides = slides_of(timelinejs(charts.frame(doc)))
    for slide in slides.values():
        headline = slide["text"]["headline"]
    table = charts.frame(doc)
    triggers = dict(zip(table["event_id"], table["trigger"]))
    for event_id, slide in slides.items():
        headline = html.unescape(slide["text"]["headline"])
        assert headline != triggers[event_id] and triggers[event_id] in headline
        assert len(headline) <= exports.HEADLINE_CHARS
    assert slides["a1-e2"]["text"]["headline"] == "Israel's channel 12 reported on Wednesday that the defections grew."
    assert slides["a1-e1"]["text"]["headline"] == ("Hundreds of officers have recently defected from the IRGC, "
                                                   "citing fear. They left in…")  # 90 characters at most
    # cut around the trigger, and the main actor (not named in what is kept) said first
    cut = slides["a1-e5"]["text"]["headline"]
    assert cut.startswith("Iran: …on Monday arrested") and cut.endswith("in Kermanshah.")
    assert "&lt;script&gt;" in cut and "<script>" not in cut


def test_timelinejs_headline_is_not_a_pronoun(basic_doc):
    """A pronoun mention names no one: the main actor leads the headline."""
    doc = copy.deepcopy(basic_doc)
    event = next(e for a in doc["articles"] for e in a["events"] if e["id"] == "a2-e2")
    event["sentence"] = ("In 2025, after months of strikes and rising prices across the country and abroad, "
                         "he warned the protesters.")
    event["actors"][0]["text"] = "he"
    headline = slides_of(timelinejs(charts.frame(doc)))["a2-e2"]["text"]["headline"]
    assert headline.startswith("Ali Khamenei: …") and "he warned the protesters." in headline


def test_timelinejs_text_is_escaped(basic_doc):
    doc = copy.deepcopy(basic_doc)
    next(a for a in doc["actors"] if a["id"] == "khamenei")["name"] = "<img src=x onerror=alert(1)>"
    slides = slides_of(timelinejs(charts.frame(doc)))
    undated = slides["a1-e5"]["text"]
    assert "&lt;script&gt;" in undated["text"] and "<script>" not in undated["text"] + undated["headline"]
    assert "Protests &lt;b&gt;spread&lt;/b&gt; across Iran" in slides["a2-e1"]["text"]["text"]
    # TimelineJS strips markup from a group and then inserts it as HTML: no "<", escaped or not
    group = slides["a1-e3"]["group"]
    assert "<" not in group and "&lt;" not in group and "img src=x" in group


def test_timelinejs_dates_honest_to_precision(basic_table):
    slides = slides_of(timelinejs(basic_table))
    assert slides["a1-e2"]["start_date"] == {"year": 2026, "month": 1, "day": 21}  # a day
    assert "end_date" not in slides["a1-e2"] and "display_date" not in slides["a1-e2"]
    month = slides["a1-e3"]  # "earlier this month": January, no day
    assert month["start_date"] == {"year": 2026, "month": 1} and "end_date" not in month
    assert "earlier this month (1 Jan 2026 to 22 Jan 2026), month precision" in month["text"]["text"]
    assert slides["a2-e2"]["start_date"] == {"year": 2025} and "end_date" not in slides["a2-e2"]
    assert slides["a2-e3"]["start_date"] == {"year": 2026, "month": 1, "day": 9, "hour": 15, "minute": 0}
    vague = slides["a1-e1"]  # "recently", ends by the report of 21 Jan
    assert vague["display_date"] == "recently (before 21 Jan 2026)"
    assert vague["end_date"] == {"year": 2026, "month": 1, "day": 20}
    for undated in (slides["a1-e4"], slides["a1-e5"]):
        assert undated["start_date"] == {"year": 2026, "month": 1, "day": 23} and "end_date" not in undated
        assert undated["display_date"] == "undated, on or before 23 Jan 2026"
    text = slides["a1-e2"]["text"]["text"]
    assert "on Wednesday (21 Jan 2026), day precision" in text and "published 23 Jan 2026" in text
    assert "Is the Iranian Regime Finally Falling?" in text


def test_timelinejs_slides_in_date_order(basic_table):
    starts = [tuple(s["start_date"].get(k, 0) for k in DATE_KEYS) for s in timelinejs(basic_table)["events"]]
    assert starts == sorted(starts)


def test_timelinejs_empty_view_is_a_valid_timeline(basic_table):
    doc = timelinejs(basic_table.iloc[:0])
    assert doc["title"]["text"]["headline"] == "News timeline: no events"
    assert [s["text"]["headline"] for s in doc["events"]] == ["No events match this view"]


def test_an_exported_chart_says_what_it_shows(basic_table):
    fig = charts.timeline(basic_table)
    out = exports.titled(fig, "Protests <b>in</b> Iran", "8 of 8 events · search: “defect”")
    assert out.layout.height == fig.layout.height + exports.TITLE_BLOCK_PX
    assert out.layout.margin.t == fig.layout.margin.t + exports.TITLE_BLOCK_PX  # the plot keeps its size
    assert "&lt;b&gt;in&lt;/b&gt;" in out.layout.title.text and "<b>in</b>" not in out.layout.title.text
    assert "search: “defect”" in out.layout.title.subtitle.text
    assert fig.layout.title.text is None  # the app's figure is left as it is
    still = exports.for_export(fig, caption=("Protests in Iran", "8 of 8 events"))
    assert still.layout.title.text == "<b>Protests in Iran</b>" and still.layout.height == out.layout.height
    page = exports.to_html(out, "Protests in Iran").decode()
    assert "<title>Protests in Iran</title>" in page


def test_describe_says_which_filters_narrow_the_view():
    from datetime import date
    from dashboard import filters
    f = filters.Filters(actors=("irgc",), types=("ORG",), date_from=date(2026, 1, 1), text=" defect ")
    assert filters.describe(f, {"irgc": "IRGC"}, {}) == [
        "actors: IRGC", "types: organisation", "dates: 2026-01-01 to …", "search: “defect”"]
    assert filters.describe(filters.Filters(), {}, {}) == []


def test_warm_up_starts_the_browser_in_the_background_once(fig):
    if exports.find_browser() is None:
        pytest.skip("no chromium on PATH")
    r = exports.Renderer()
    try:
        r.warm_up()
        r.warm_up()  # a second call (every rerun of the app makes one) starts nothing more
        assert sum(t.name == "kaleido-warm-up" for t in threading.enumerate()) <= 1
        for _ in range(600):  # the browser starts in the background: poll up to a minute
            if r._kaleido is not None:
                break
            time.sleep(0.1)
        assert r._kaleido is not None
        assert r.render(fig, "png")[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        r.close()


def test_warm_up_without_a_browser_does_nothing(monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    r = exports.Renderer()
    r.warm_up()
    assert not r._warming and r._kaleido is None
