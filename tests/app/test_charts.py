"""Chart builders: an events table in, a figure out."""

import copy
import html
import json
import re

import pandas as pd
import pytest

from dashboard import charts
from tests.fixtures import docs

IRGC = "Islamic Revolutionary Guard Corps (IRGC)"


def lanes_of(fig):
    return list(fig.layout.yaxis.ticktext)


def panel_titles(fig):
    """The small multiples' titles: the annotations that are not undated counts or the range note."""
    return [a.text for a in fig.layout.annotations if a.name not in (charts.UNDATED_LABEL, charts.OUTSIDE_NOTE)]


def count_labels(fig):
    """The "n undated" label annotations."""
    return [a for a in fig.layout.annotations if a.name == charts.UNDATED_LABEL]


def top_axis(fig):
    """The layout of the second x axis (the dates above a tall lane chart), {} if none."""
    return fig.layout.to_plotly_json().get("xaxis2", {})


def points(fig, kind):
    """(event id, y) of the markers drawn for one kind of precision."""
    return [(e, y) for t in fig.data if t.name and t.name.endswith(f"· {kind}")
            for e, y in zip(t.customdata, t.y)]


def test_frame_derives_kinds_and_spans(basic_table):
    kinds = basic_table.drop_duplicates("event_id").set_index("event_id")["kind"].to_dict()
    assert kinds == {"a1-e1": "vague", "a1-e2": "day", "a1-e3": "interval", "a1-e4": "undated",
                     "a1-e5": "undated", "a2-e1": "day", "a2-e2": "interval", "a2-e3": "day"}
    undated = basic_table[basic_table["event_id"] == "a1-e5"].iloc[0]
    assert undated["x0"] == pd.Timestamp("2026-01-23")
    vague = basic_table[basic_table["event_id"] == "a1-e1"].iloc[0]
    assert vague["x1"] == pd.Timestamp("2026-01-21") and vague["x0"] < vague["x1"]


def test_lane_label_adds_acronym():
    assert charts.lane_label({"name": "Islamic Revolutionary Guard Corps", "aliases": ["IRGC", "Guards"]}) == IRGC
    assert charts.lane_label({"name": "Ali Khamenei", "aliases": ["Khamenei"]}) == "Ali Khamenei"


def test_actor_lanes_sorted_by_event_count(basic_table):
    fig = charts.timeline(basic_table)
    lanes = lanes_of(fig)
    assert lanes[:3] == [IRGC, "Ali Khamenei", "Iran International"]
    assert len(lanes) == basic_table["lane_actor"].nunique()


def test_event_with_three_actors_is_in_three_lanes(basic_table):
    fig = charts.timeline(basic_table)
    ys = {y for e, y in points(fig, "undated") if e == "a1-e4"}
    assert len(ys) == 3
    connector = next(t for t in fig.data if t.name == "one event in several lanes")
    assert connector.x.count(None) == 2  # a1-e3 (two lanes) and a1-e4 (three)


def test_selection_rings_the_event_in_every_lane(basic_table):
    fig = charts.timeline(basic_table, selected=["a1-e4"])
    ring = next(t for t in fig.data if t.name == "selected event")
    assert len(ring.x) == 3


def test_marker_for_days_bar_for_intervals_faded_for_vague(basic_table):
    fig = charts.timeline(basic_table)
    assert {e for e, _ in points(fig, "day")} == {"a1-e2", "a2-e1", "a2-e3"}
    bars = [t for t in fig.data if t.mode == "lines" and t.name.endswith("interval bar")]
    assert sum(x is None for t in bars for x in t.x) == 3  # a1-e3 in two lanes, a2-e2 in one
    faded = [t for t in fig.data if t.mode == "lines" and t.name.endswith("vague bar")]
    assert faded and all(t.opacity < 0.5 for t in faded)
    assert all(t.opacity > 0.5 for t in bars)


def test_undated_band_sits_below_the_lane_at_publication_with_count(basic_table):
    fig = charts.timeline(basic_table)
    iran = lanes_of(fig).index("Iran")
    [(event, y)] = [(e, y) for e, y in points(fig, "undated") if e == "a1-e5"]
    assert y == pytest.approx(iran + charts.UNDATED_OFFSET)
    undated = next(t for t in fig.data if t.name and t.name.endswith("· undated"))
    assert {pd.Timestamp(x) for x in undated.x} == {pd.Timestamp("2026-01-23")}
    assert "1 undated" in [a.text for a in count_labels(fig)]


def test_publication_dates_and_legend(basic_table):
    fig = charts.timeline(basic_table)
    pubs = next(t for t in fig.data if t.name == "publication date")
    assert {x for x in pubs.x if x} == {"2026-01-23", "2026-01-10"}
    legend2 = {t.name for t in fig.data if t.legend == "legend2" and t.showlegend is not False}
    assert set(charts.KIND_LABELS.values()) <= legend2
    assert fig.layout.xaxis.rangeslider.visible
    assert not charts.timeline(basic_table, slider=False).layout.xaxis.rangeslider.visible


def test_margins_fit_the_labels_so_the_chart_is_laid_out_once(basic_table):
    """Plotly widens a margin a label overflows and then draws everything again."""
    fig = charts.timeline(basic_table, slider=False)
    longest = max(fig.layout.yaxis.ticktext, key=len)
    assert fig.layout.margin.l >= 6 * len(longest)
    assert fig.layout.margin.b >= 40
    assert_undated_labels_fit(fig)


def assert_undated_labels_fit(fig, width=charts.CHART_PX):
    """Every "n undated" label ends inside the figure at this width (the plot plus its right margin)."""
    plot = width - fig.layout.margin.l - fig.layout.margin.r
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    labels = [a for a in fig.layout.annotations if a.name == charts.UNDATED_LABEL]
    assert labels
    for label in labels:
        x = (pd.Timestamp(label.x) - lo) / (hi - lo) * plot
        assert x + charts._label_px(int(label.text.split()[0])) <= plot + fig.layout.margin.r


def test_article_lanes_and_article_colors(basic_table):
    fig = charts.timeline(basic_table, lanes="article", color_by="article")
    assert len(lanes_of(fig)) == 2
    assert lanes_of(fig)[0].startswith("2026-01-10 · Protests &lt;b&gt;")  # oldest first, escaped
    assert fig.layout.legend.title.text == "Article:"


def test_article_lanes_put_the_date_first_so_shortening_keeps_it(basic_doc):
    """Similar long titles stay apart by their date; the hover keeps the whole title."""
    doc = copy.deepcopy(basic_doc)
    long = "Reactions to Apple 's OS X Tiger from users, developers and the press"
    for article in doc["articles"]:
        article["title"] = long
    fig = charts.timeline(charts.frame(doc), lanes="article")
    assert [lane[:13] for lane in lanes_of(fig)] == ["2026-01-10 · ", "2026-01-23 · "]
    assert all(lane.endswith("…") for lane in lanes_of(fig))  # shortened: the date survived it
    assert all(long in h for t in fig.data if t.customdata is not None for h in t.hovertext)


def test_small_multiples_one_panel_per_lane(basic_table):
    fig = charts.timeline(basic_table, layout="small_multiples")
    titles = panel_titles(fig)
    assert titles[:3] == [IRGC, "Ali Khamenei", "Iran International"]
    assert len(titles) == basic_table["lane_actor"].nunique()
    assert charts.events_of(fig) == set(basic_table["event_id"])


@pytest.mark.parametrize("doc", [docs.basic, lambda: docs.many_actors(30)], ids=["seven", "capped"])
def test_small_multiples_show_dates_on_every_panel_clear_of_the_next_title(doc):
    """In a tall figure the bottom panel is off screen: every panel has its dates,
    in a gap wide enough for two lines of dates and the next panel's title."""
    fig = charts.timeline(charts.frame(doc()), layout="small_multiples", slider=False)
    xaxes, yaxes = list(fig.select_xaxes()), list(fig.select_yaxes())
    assert len(xaxes) == len(panel_titles(fig)) > 1
    assert all(axis.showticklabels for axis in xaxes)
    plot_px = fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    title_px = 1.3 * next(a for a in fig.layout.annotations if a.name != charts.UNDATED_LABEL).font.size
    for upper, lower in zip(yaxes, yaxes[1:]):
        assert (upper.domain[0] - lower.domain[1]) * plot_px >= charts.DATES_PX + title_px
    assert fig.layout.margin.b >= charts.DATES_PX


def test_small_multiples_cap_panels():
    table = charts.frame(docs.many_actors(30))
    fig = charts.timeline(table, layout="small_multiples")
    assert len(panel_titles(fig)) == charts.MAX_PANELS
    assert "of 30 lanes" in fig.layout.title.text


LEGEND_ROW_PX = 20  # one row of the horizontal legend, at the default 12 px font


@pytest.mark.parametrize("layout", ["lanes", "small_multiples"])
@pytest.mark.parametrize("doc,title", [(docs.basic, ""), (lambda: docs.many_actors(30), "Thirty actors")],
                         ids=["untitled", "titled"])
def test_legend_sits_in_the_top_margin_clear_of_the_titles(layout, doc, title):
    """In px from the figure's top: the figure's title, then the horizontal legend,
    then (small multiples) the first panel's title, each in its own band."""
    fig = charts.timeline(charts.frame(doc()), layout=layout, title=title)
    top, plot_px = fig.layout.margin.t, fig.layout.height - fig.layout.margin.t - fig.layout.margin.b
    assert fig.layout.legend2.yanchor == "bottom" and fig.layout.legend2.yref in (None, "paper")
    legend_bottom = top + (1 - fig.layout.legend2.y) * plot_px
    above_legend = 0
    if fig.layout.title.text:
        assert fig.layout.title.yref == "container" and fig.layout.title.yanchor == "top"
        above_legend = fig.layout.title.pad.t + 1.3 * (fig.layout.title.font.size or 17)
    assert legend_bottom - LEGEND_ROW_PX >= above_legend
    if layout == "small_multiples":
        first = next(a for a in fig.layout.annotations if a.name != charts.UNDATED_LABEL)
        assert first.yanchor == "bottom"
        title_top = top + (1 - first.y) * plot_px - 1.3 * first.font.size
        assert legend_bottom <= title_top
    else:
        dates_on_top = charts.DATES_PX if top_axis(fig).get("side") == "top" else 0
        assert legend_bottom <= top - dates_on_top + 1e-6
    # the color legend: a horizontal band of its own above the encodings' one, under the title
    color = fig.layout.legend
    assert color.orientation == "h" and color.yanchor == "bottom" and (color.x or 0) == 0
    color_bottom = top + (1 - color.y) * plot_px
    drawings_rows = charts._legend_rows([charts._text_px(n) + charts.DRAWING_ENTRY_PX for n in charts.DRAWING_NAMES])
    assert drawings_rows >= 3  # as many as the drawings' legend needs in a narrow window
    assert legend_bottom - color_bottom >= drawings_rows * charts.LEGEND_ROW_PX - 1
    assert color_bottom - charts.COLOR_ROW_PX >= above_legend - 1


def test_tall_lane_charts_repeat_the_dates_on_top():
    """Thirty lanes are taller than a screen: a second date axis above the plot,
    matched to the first (zoom and pan move both), drawn by an invisible trace."""
    fig = charts.timeline(charts.frame(docs.many_actors(30)))
    assert fig.layout.height > charts.TALL_PX
    top = fig.layout.xaxis2
    assert (top.side, top.overlaying, top.matches, top.type, top.tickmode) == ("top", "x", "x", "date", "auto")
    [carrier] = [t for t in fig.data if t.xaxis == "x2"]
    assert carrier.hoverinfo == "skip" and carrier.showlegend is False and carrier.customdata is None
    assert fig.layout.margin.t >= 2 * charts.LEGEND_ROW_PX + charts.DATES_PX


def test_short_lane_charts_have_one_date_axis(basic_table):
    fig = charts.timeline(basic_table)
    assert fig.layout.height <= charts.TALL_PX
    assert not top_axis(fig) and not [t for t in fig.data if t.xaxis == "x2"]


def test_top_dates_read_like_the_bottom_ones(renderer):
    """Plotly's default ticks for an overlaying axis ("sync") label 1980-01-01 as 1979."""
    doc = docs.undated_piles({f"20{y:02d}-03-01": 1 for y in range(5, 12)} | {"2001-06-01": 1})
    for i in range(20):  # lanes enough for a tall chart
        doc["actors"].append({**doc["actors"][0], "id": f"acme-{i}", "name": f"Acme {i}"})
        doc["articles"][i % len(doc["articles"])]["events"][0]["actors"].append(
            {**doc["articles"][0]["events"][0]["actors"][0], "actor_id": f"acme-{i}"})
    fig = charts.timeline(charts.frame(doc), slider=False)
    assert fig.layout.xaxis2.side == "top"
    svg = renderer.render(fig, "svg").decode()
    bottom, top = (re.findall(rf'class="{c}".*?>([^<]*)</text>', svg) for c in ("xtick", "x2tick"))
    assert top and top == bottom

def test_hover_is_escaped_and_complete(basic_table):
    row = basic_table[basic_table["event_id"] == "a1-e5"].iloc[0]
    assert "<script>" not in row["hover"] and "&lt;script&gt;alert('x')&lt;/script&gt;" in row["hover"]
    row = basic_table[basic_table["event_id"] == "a1-e3"].iloc[0]
    for part in ("<b>ordered</b>", "earlier this month", "within 2026-01-01 to 2026-01-22 (month)", "How:",
                 "Actors: Ali Khamenei (person), Islamic Revolutionary Guard Corps (IRGC)", "Is the Iranian Regime"):
        assert part in row["hover"]


def quoted(doc: dict) -> dict:
    """``doc`` with straight quotes and markup in a sentence, an article title and an actor's name."""
    doc = copy.deepcopy(doc)
    doc["articles"][0]["title"] = 'Iran\'s "final" days <b>now</b>'
    doc["articles"][0]["events"][1]["sentence"] = 'Channel 12 said "it\'s over" <b>today</b>.'
    next(a for a in doc["actors"] if a["id"] == "khamenei")["name"] = 'Ali "the Leader" Khamenei'
    return doc


@pytest.mark.parametrize("options", [{}, dict(lanes="article", color_by="article"), dict(layout="small_multiples"),
                                     dict(layout="small_multiples", lanes="article")],
                         ids=["actor_lanes", "article_lanes", "actor_panels", "article_panels"])
def test_quotes_reach_plotly_as_quotes_and_markup_stays_escaped(basic_doc, options):
    """Plotly prints &quot; and &#x27; as they are: only <, > and & are escaped."""
    fig = charts.timeline(charts.frame(quoted(basic_doc)), title='Iran "now"', **options)
    payload = json.dumps(fig.to_plotly_json(), default=str, ensure_ascii=False)
    assert "&quot;" not in payload and "&#x27;" not in payload and "&#39;" not in payload
    assert "<b>now" not in payload and "<b>today" not in payload and "<script>" not in payload
    hovers = [h for t in fig.data if t.customdata is not None for h in t.hovertext]
    assert any('said "it\'s over" &lt;b&gt;today&lt;/b&gt;.' in h for h in hovers)
    assert any('Iran\'s "final" days &lt;b&gt;now&lt;/b&gt;' in h for h in hovers)
    labels = lanes_of(fig) if options.get("layout") != "small_multiples" else panel_titles(fig)
    expected = 'Ali "the Leader" Khamenei' if options.get("lanes") != "article" else 'Iran\'s "final" days'
    assert any(expected in label for label in labels)
    assert fig.layout.title.text.startswith('Iran "now"')


def test_legend_and_hover_name_actor_types_the_table_keeps_codes(basic_doc):
    doc = copy.deepcopy(basic_doc)
    doc["articles"][1]["events"][0]["actors"] = []  # an event without an actor
    table = charts.frame(doc)
    assert set(table["actor_type"]) == {"PERSON", "ORG", "GPE", charts.NO_TYPE}  # the type filter's values
    fig = charts.timeline(table)
    legend = {t.name: t.marker.color for t in fig.data if t.legend in (None, "legend") and t.showlegend is not False}
    assert legend == {charts.TYPE_NAMES[c]: charts.TYPE_COLORS[c] for c in ("PERSON", "ORG", "GPE", charts.NO_TYPE)}
    assert list(legend) == ["person", "organisation", "place", "no actor"]
    hover = table.set_index("event_id")["hover"]
    assert "Actors: Channel 12 (organisation)" in hover["a1-e2"] and "Iran (place)" in hover["a1-e5"]
    assert "Actors: (no actor)" in hover["a2-e1"]
    assert not re.search(r"\b(PERSON|ORG|GPE)\b", json.dumps(fig.to_plotly_json(), default=str))


def test_no_unescaped_markup_reaches_the_figure(basic_table):
    payload = json.dumps(charts.timeline(basic_table, lanes="article", color_by="article").to_plotly_json(),
                         default=str)
    assert "<script>" not in payload and "<b>spread" not in payload


def test_empty_table_gives_a_message():
    fig = charts.timeline(charts.frame(docs.no_events()))
    assert fig.layout.annotations[0].text == "No events to show"


def test_undated_only_document():
    table = charts.frame(docs.undated_only())
    fig = charts.timeline(table)
    assert {e for e, _ in points(fig, "undated")} == set(table["event_id"])


def test_big_tables_use_webgl_then_aggregate(basic_table):
    big = pd.concat([basic_table] * 300, ignore_index=True)
    big["event_id"] = big["event_id"] + "-" + (big.index // len(basic_table)).astype(str)
    assert any(t.type == "scattergl" for t in charts.timeline(big).data)
    huge = pd.concat([big.assign(event_id=big["event_id"] + f"-{i}") for i in range(6)], ignore_index=True)
    fig = charts.timeline(huge)
    weekly = [t for t in fig.data if t.name.endswith("(weekly counts)")]
    assert weekly and all(t.customdata is None for t in weekly)


def undated_labels(fig):
    """{lane: [(date of the label's pile, count), ...]} of the "n undated" labels, left to right."""
    panels = panel_titles(fig)  # small multiples: one titled panel per lane
    out = {}
    for label in count_labels(fig):
        axis = label.yref[1:]
        lane = panels[int(axis or 1) - 1] if panels else fig.layout.yaxis.ticktext[round(label.y)]
        n, word = label.text.split()
        assert word == "undated"
        out.setdefault(lane, []).append((pd.Timestamp(label.x).strftime("%Y-%m-%d"), int(n)))
    return {lane: sorted(labels) for lane, labels in out.items()}


CLOSE = {"2009-03-01": 2, "2009-03-08": 3, "2024-01-05": 1}


def test_undated_piles_that_would_overlap_share_one_label_with_the_summed_count():
    """A week apart on a 1976-2024 axis: one label, after the later pile, counting both."""
    fig = charts.timeline(charts.frame(docs.undated_piles(CLOSE, other="2009-03-01")))
    labels = undated_labels(fig)
    assert labels["Acme"] == [("2009-03-08", 6), ("2024-01-05", 1)]  # 2 + 3 + Bolt's suit of Acme
    assert labels["Bolt"] == [("2009-03-01", 1)]  # another lane is counted on its own
    [line] = [t for t in fig.data if t.name == "undated counted together"]
    assert [pd.Timestamp(x) if x else x for x in line.x] == [pd.Timestamp("2009-03-01"), pd.Timestamp("2009-03-08"),
                                                             None]


def test_undated_piles_far_apart_keep_their_own_labels():
    """Without the 1976 event the axis spans a few weeks: a week is wide enough for a label."""
    close = {"2009-03-01": 2, "2009-03-08": 3}
    labels = undated_labels(charts.timeline(charts.frame(docs.undated_piles(close, since=None))))
    assert labels == {"Acme": [("2009-03-01", 2), ("2009-03-08", 3)]}
    spread = {"1990-01-01": 1, "2000-01-01": 4, "2009-03-01": 2, "2009-03-08": 3}
    labels = undated_labels(charts.timeline(charts.frame(docs.undated_piles(spread))))
    assert labels == {"Acme": [("1990-01-01", 1), ("2000-01-01", 4), ("2009-03-08", 5)]}


def test_undated_hover_tells_the_pile_and_the_label_that_counts_it():
    fig = charts.timeline(charts.frame(docs.undated_piles(CLOSE)))
    hovers = {e: h for t in fig.data if t.name and t.name.endswith("· undated")
              for e, h in zip(t.customdata, t.hovertext)}
    assert hovers["u0-e1"].endswith("Undated in this lane: 2 published 2009-03-01, counted in “5 undated” "
                                    "(published 2009-03-01 to 2009-03-08)")
    assert hovers["u2-e1"].endswith("Undated in this lane: 1 published 2024-01-05")


@pytest.mark.parametrize("layout", ["lanes", "small_multiples"])
@pytest.mark.parametrize("doc", [docs.basic, docs.undated_only, lambda: docs.undated_piles(CLOSE, other="2009-03-08"),
                                 lambda: docs.undated_piles({f"20{y:02d}-0{m}-1{d}": 1 + d
                                                            for y in range(10) for m in (1, 5) for d in (0, 2)})],
                         ids=["basic", "undated_only", "close_piles", "many_piles"])
def test_undated_counts_sum_to_each_lanes_undated_events(doc, layout):
    table = charts.frame(doc())
    fig = charts.timeline(table, layout=layout)
    counted = {lane: sum(n for _, n in labels) for lane, labels in undated_labels(fig).items()}
    undated = table[table["kind"] == "undated"].groupby("lane_actor")["event_id"].nunique()
    assert counted == {html.escape(lane, quote=False): n for lane, n in undated.items()}


def test_undated_labels_do_not_overlap_at_the_initial_range():
    """Articles in pairs two months apart, ten months between pairs (2005-2011): about 20
    and 100 px at the chart's initial range, a label is 60: one label per pair."""
    piles = {f"20{y:02d}-{m:02d}-01": 1 + y % 3 + m % 2 for y in range(5, 12) for m in (3, 5)}
    fig = charts.timeline(charts.frame(docs.undated_piles(piles, since=None)))
    labels = sorted((pd.Timestamp(a.x), a.text) for a in count_labels(fig))
    assert [(x.strftime("%m-%d"), int(t.split()[0])) for x, t in labels] == [
        ("05-01", piles[f"{x:%Y}-03-01"] + piles[f"{x:%Y}-05-01"]) for x, _ in labels]
    assert len(labels) == 7
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    pixel = (hi - lo) / (charts.CHART_PX - fig.layout.margin.l - fig.layout.margin.r)
    for (a, text), (b, _) in zip(labels, labels[1:]):
        assert (b - a) / pixel > charts.UNDATED_LEAD_PX + charts._text_px(text, charts.UNDATED_FONT)


@pytest.mark.parametrize("layout", ["lanes", "small_multiples"])
def test_publication_lines_stop_at_undated_labels(layout):
    """Bolt's "1 undated" (2009) reaches over Acme's later publication dates (2011):
    its label is an annotation (drawn over every trace) on an opaque ground, right
    of its diamond, so the dashed lines do not run through the text."""
    doc = docs.undated_piles({"2009-03-01": 3, "2011-01-01": 1, "2011-09-01": 2}, other="2009-03-01")
    fig = charts.timeline(charts.frame(doc), layout=layout)
    lo, hi = (pd.Timestamp(v) for v in fig.layout.xaxis.range)
    pixel = (hi - lo) / (charts.CHART_PX - fig.layout.margin.l - fig.layout.margin.r)
    [bolt] = [a for a in count_labels(fig) if pd.Timestamp(a.x) == pd.Timestamp("2009-03-01")]
    reach = charts.UNDATED_LEAD_PX + charts._text_px(bolt.text, charts.UNDATED_FONT)
    assert (pd.Timestamp("2011-01-01") - pd.Timestamp(bolt.x)) / pixel < reach  # the case: a line under the text
    assert not [t for t in fig.data if t.mode == "text"]  # a text trace has no ground
    for label in count_labels(fig):
        color = label.bgcolor or "rgba(0,0,0,0)"
        assert color != "transparent" and not (color.startswith("rgba") and float(color[5:-1].split(",")[3]) < 1)
        assert label.xanchor == "left" and label.xshift >= 10  # clear of its diamond and its own date's line


def _with_background(table, years_back=40, copies=2):
    """``table`` plus ``copies`` day events ``years_back`` years before the news."""
    old = table[table["kind"] == "day"].drop_duplicates("event_id").head(copies).copy()
    old["event_id"] = old["event_id"] + "-old"
    for col in ("x0", "x1", "xm"):
        old[col] = old[col] - pd.DateOffset(years=years_back)
    return pd.concat([table] + [table.assign(event_id=table["event_id"] + f"-{i}") for i in range(20)] + [old],
                     ignore_index=True)


def test_chart_opens_on_the_news_and_says_how_many_background_events_it_leaves_out(basic_table):
    table = _with_background(basic_table)
    fig = charts.timeline(table)
    start = pd.Timestamp(fig.layout.xaxis.range[0])
    assert start > table["x0"].min() + pd.DateOffset(years=30)
    notes = [a.text for a in fig.layout.annotations if a.name == charts.OUTSIDE_NOTE]
    assert notes == ["◀ 2 earlier events<br>(toolbar: Autoscale)"]
    note = next(a for a in fig.layout.annotations if a.name == charts.OUTSIDE_NOTE)
    assert (note.x, note.xanchor, note.y, note.yanchor) == (0, "right", 0, "top")  # outside the plot: covers no mark
    assert {e for e in table["event_id"] if e.endswith("-old")} <= charts.events_of(fig)  # drawn, only off range


def test_chart_without_background_shows_all_dates_and_no_note(basic_table):
    fig = charts.timeline(basic_table)
    assert pd.Timestamp(fig.layout.xaxis.range[0]) <= basic_table["x0"].min()
    assert not [a for a in fig.layout.annotations if a.name == charts.OUTSIDE_NOTE]


def test_date_window_sets_the_initial_range(basic_table):
    from datetime import date
    fig = charts.timeline(basic_table, window=(date(2026, 1, 5), date(2026, 1, 15)))
    lo, hi = (pd.Timestamp(x) for x in fig.layout.xaxis.range)
    assert pd.Timestamp("2026-01-03") <= lo <= pd.Timestamp("2026-01-05")
    assert pd.Timestamp("2026-01-16") <= hi <= pd.Timestamp("2026-01-20")  # the data reach 2026-01-24
    [shade] = [s for s in fig.layout.shapes if s.name == charts.WINDOW_SHADE]
    assert (pd.Timestamp(shade.x0), pd.Timestamp(shade.x1)) == (pd.Timestamp("2026-01-05"), pd.Timestamp("2026-01-16"))
    small = charts.timeline(basic_table, layout="small_multiples", window=(date(2026, 1, 5), None))
    assert len([s for s in small.layout.shapes if s.name == charts.WINDOW_SHADE]) == len(panel_titles(small))
    assert not [s for s in charts.timeline(basic_table).layout.shapes if s.name == charts.WINDOW_SHADE]


def test_marks_that_would_cover_one_another_are_stacked_in_their_lane(basic_table):
    day = basic_table[basic_table["kind"] == "day"].head(1)
    same = pd.concat([day.assign(event_id=f"same-{i}") for i in range(4)], ignore_index=True)
    ys = sorted(y for e, y in points(charts.timeline(same), "day"))
    assert len(set(ys)) == 4  # four marks, four places: each can be hovered
    assert max(ys) == 0 and min(ys) >= -charts.STACK_SPAN - 1e-9  # upward from the lane, above the undated band


def test_an_event_is_drawn_once_per_lane(basic_table):
    fig = charts.timeline(basic_table, lanes="article")
    drawn = [e for t in fig.data if t.name and " · " in t.name and t.customdata is not None for e in t.customdata]
    assert len(drawn) == len(set(drawn)) == basic_table["event_id"].nunique()


@pytest.mark.parametrize("args,expected", [
    (("day", "2026-01-21", "2026-01-22", "on"), "on 2026-01-21 (day)"),
    (("month", "2026-01-01", "2026-01-23", "on"), "within 2026-01-01 to 2026-01-22 (month)"),
    (("year", "2025-01-01", "2026-01-01", "before"), "before the span 2025-01-01 to 2025-12-31 (year)"),
    (("vague", None, "2026-01-21", "before"), "before 2026-01-21 (vague)"),
    (("vague", "2026-01-23", None, "after"), "after 2026-01-23 (vague)"),
    (("time", "2026-01-09T15:00", "2026-01-09T16:00", "on"), "on 2026-01-09 15:00–16:00 (time)"),
    (("undated", None, None, "on_or_before"), "undated: on or before publication (2026-01-23)"),
])
def test_when_words_say_the_last_day_included(args, expected):
    assert charts.when_words(*args, "2026-01-23") == expected


def test_a_range_of_exact_days_is_a_bar_one_day_a_dot():
    assert charts._kind("day", "2026-01-05", "2026-01-08") == "interval"  # "Jan. 5-7"
    assert charts._kind("day", "2026-01-05", "2026-01-06") == "day"
    assert charts._kind("time", "2026-01-05T21:00", "2026-01-06T06:00") == "day"  # "Monday night"
