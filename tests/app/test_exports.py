"""Exports, checked by their real bytes."""

import csv
import io
import json
import re

import pytest

from dashboard import charts, exports, filters
from dashboard.model import EVENT_ACTOR_COLUMNS


@pytest.fixture(scope="module")
def renderer():
    if exports.find_browser() is None:
        pytest.skip("no chromium on PATH")
    r = exports.Renderer()
    yield r
    r.close()


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


def test_timelinejs(basic_table):
    doc = json.loads(exports.to_timelinejs(basic_table))
    slides = {s["unique_id"].rsplit("-", 1)[0]: s for s in doc["events"]}
    assert len(doc["events"]) == len(basic_table)
    month = slides["a1-e3"]
    assert month["start_date"] == {"year": 2026, "month": 1, "day": 1}
    assert month["end_date"] == {"year": 2026, "month": 1, "day": 22}  # inclusive end
    assert "end_date" not in slides["a1-e2"]  # one day
    assert slides["a2-e3"]["start_date"]["hour"] == 15
    undated = slides["a1-e5"]
    assert undated["start_date"] == {"year": 2026, "month": 1, "day": 23}
    assert "&lt;script&gt;" in undated["text"]["text"] and "<script>" not in undated["text"]["text"]
    assert {s["group"] for s in doc["events"]} >= {"Ali Khamenei", "Iran International"}
