"""The Streamlit app's widget logic, run headless with AppTest on fixture extracts."""

import sys
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard import charts
from tests.fixtures import docs

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")


@pytest.fixture
def run_app(tmp_path, monkeypatch):
    """Start the app on a fixture variant with the given URL query parameters.

    ``drawn``: the browser has said the chart is drawn, so the page is
    complete (AppTest runs no JavaScript; see test_first_run_is_the_chart).
    """
    def run(variant="basic", drawn=True, **params):
        monkeypatch.setattr(sys, "argv", ["app.py", str(docs.write(variant, tmp_path))])
        at = AppTest.from_file(APP, default_timeout=60)
        at.query_params.update(params)
        if drawn:
            at.session_state["_chart_drawn"] = True
        at.run()
        assert not at.exception, at.exception
        return at
    return run


def counts(at):
    return next(m.value for m in at.markdown if "events ·" in m.value)


def table_ids(at):
    return list(at.dataframe[0].value["trigger"])


def figure(at):
    import plotly.io as pio
    return pio.from_json(at.get("plotly_chart")[0].proto.spec)


def test_opens_with_everything(run_app):
    at = run_app()
    assert counts(at).startswith("**8** of 8 events · **7** actors · **2** articles")
    assert len(at.dataframe[0].value) == 8
    assert at.multiselect(key="f_actors").options[0] == "Islamic Revolutionary Guard Corps (IRGC) (3)"
    assert dict(at.query_params) == {}


def test_actor_filter_updates_chart_counts_table_and_url(run_app):
    at = run_app()
    at.multiselect(key="f_actors").select("khamenei").run()
    assert counts(at).startswith("**2** of 8 events · **1** actor ·")
    assert sorted(table_ids(at)) == ["ordered", "warned"]
    assert charts.events_of(figure(at)) == {"a1-e3", "a2-e2"}
    assert list(figure(at).layout.yaxis.ticktext) == ["Ali Khamenei"]
    assert at.query_params["actor"] in ("khamenei", ["khamenei"])  # one value reads back as a str


def test_filters_combine_and_round_trip_through_the_url(run_app):
    at = run_app()
    at.multiselect(key="f_types").select("ORG")
    at.multiselect(key="f_kinds").unselect("undated")
    at.text_input(key="f_text").input("IRGC")
    at.run()
    assert sorted(table_ids(at)) == ["defected", "fired", "ordered"]
    query = {k: v for k, v in at.query_params.items()}
    again = run_app(**query)
    assert sorted(table_ids(again)) == ["defected", "fired", "ordered"]
    assert again.text_input(key="f_text").value == "IRGC"


def test_shared_link_restores_view_and_selection(run_app):
    at = run_app(lanes="article", layout="small_multiples", color="article", event="a1-e3",
                 **{"from": "2026-01-01"})
    assert at.radio(key="f_lanes").value == "article" and at.radio(key="f_layout").value == "small_multiples"
    assert at.date_input(key="f_from").value == date(2026, 1, 1)
    assert "a2-e2" not in charts.events_of(figure(at))  # 2025 is before the range
    detail = [m.value for m in at.markdown if "<mark" in m.value]
    assert detail and '<mark class="time">earlier this month</mark>' in detail[0]


def test_range_slider_on_demand(run_app):
    at = run_app()
    assert not figure(at).layout.xaxis.rangeslider.visible and at.toggle(key="f_slider").value is False
    at.toggle(key="f_slider").set_value(True).run()
    assert figure(at).layout.xaxis.rangeslider.visible and at.query_params["slider"] in ("1", ["1"])
    assert figure(run_app(slider="1")).layout.xaxis.rangeslider.visible


def test_unknown_values_in_a_link_are_dropped(run_app):
    at = run_app(actor=["nobody", "irgc"], article="zzz", lanes="sideways", top="x")
    assert at.multiselect(key="f_actors").value == ["irgc"]
    assert at.radio(key="f_lanes").value == "actor"


def test_top_n(run_app):
    at = run_app()
    all_events = sorted(table_ids(at))
    at.number_input(key="f_top").set_value(1).run()
    assert sorted(table_ids(at)) == all_events  # the cap gathers lanes, it hides no event
    lanes = list(figure(at).layout.yaxis.ticktext)
    assert len(lanes) <= 3 and any(charts.OTHER_ACTORS in lane for lane in lanes)


def test_detail_escapes_article_markup(run_app):
    at = run_app(event="a1-e5")
    detail = next(m.value for m in at.markdown if "<mark" in m.value)
    assert "<script>" not in detail and "&lt;script&gt;" in detail


def test_no_events_yet_lists_articles(run_app):
    at = run_app("no_events")
    assert "No events extracted yet from 2 article(s)" in at.info[0].value
    assert any("Is the Iranian Regime Finally Falling?" in t.value for t in at.text)


def test_reset_filters(run_app):
    at = run_app(actor="irgc", q="fired")
    at.button[0].click().run()
    assert len(at.dataframe[0].value) == 8 and dict(at.query_params) == {}


def test_bad_file_shows_reason_and_rest_loads(tmp_path, monkeypatch):
    (tmp_path / "bad.txt").write_text("not a dateline\n\nbody\n")
    good = docs.write("basic", tmp_path)
    monkeypatch.setattr(sys, "argv", ["app.py", str(good), str(tmp_path / "bad.txt")])
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["_chart_drawn"] = True
    at.run()
    assert not at.exception
    assert any("bad.txt: no dateline" in t.value for t in at.sidebar.text)
    assert len(at.dataframe[0].value) == 8


def test_no_browser_message_and_html_still_offered(run_app, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/nonexistent/chromium")
    at = run_app()
    assert "need Chromium" in at.warning[0].value
    labels = [b.label for b in at.get("download_button")]
    assert "HTML (interactive, offline)" in labels and "PNG" not in labels


def test_first_run_is_the_chart_and_the_rest_follows_once_it_is_drawn(run_app):
    at = run_app(drawn=False, actor="khamenei")
    assert list(figure(at).layout.yaxis.ticktext) == ["Ali Khamenei"]  # the link's filters already apply
    assert counts(at).startswith("**2** of 8 events")
    assert at.radio(key="f_lanes").value == "actor"
    assert not at.dataframe and not at.multiselect and not at.get("download_button")
    assert len(at.get("bidi_component")) == 1  # the browser's "chart drawn" signal
    at.session_state["_chart_drawn"] = True  # what its callback does
    at.run()
    assert sorted(table_ids(at)) == ["ordered", "warned"]
    assert at.multiselect(key="f_actors").value == ["khamenei"]
    assert at.get("download_button") and not at.get("bidi_component")
    assert at.query_params["actor"] in ("khamenei", ["khamenei"])


def test_added_articles_are_listed_outside_their_popover(run_app, tmp_path):
    at = run_app()
    assert not at.caption and not at.get("progress")  # a warm open draws no progress bar
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "bad.txt").write_text("not a dateline\n\nbody\n")
    at.text_input(key="folder").input(str(extra)).run()
    assert not at.exception
    assert at.sidebar.caption[0].value == f"Added: folder {extra}"
    reason = next(t.value for t in at.sidebar.text if "bad.txt: no dateline" in t.value)
    assert "Publication date for files without one" in reason and "--date" not in reason  # the app's words
    at.text_input(key="folder").input(str(tmp_path / "missing")).run()
    assert at.sidebar.caption[0].value == f"Not found: {tmp_path / 'missing'}"


def test_counts_line_says_one_article_in_the_singular(run_app):
    at = run_app(article="a2")
    assert counts(at).startswith("**3** of 8 events · **3** actors · **1** article")
    assert " 1** articles" not in counts(at)


def test_capped_lanes_are_said_above_the_chart(run_app):
    assert not [c for c in run_app().caption if "actors with the most events" in c.value]  # 7 actors: all shown
    at = run_app(top="2")
    assert len(figure(at).layout.yaxis.ticktext) <= 4  # two actors, the other actors, events with none
    note = next(c.value for c in at.caption if "actors with the most events" in c.value)
    assert note.startswith("Lanes of the 2 actors with the most events; the other 5 share the lane")
    assert not [c for c in run_app(top="0").caption if "actors with the most events" in c.value]


def test_selected_event_can_be_cleared(run_app):
    at = run_app(event="a1-e3")
    lines = next(t.value for t in at.text if "When: " in t.value).split("\n")
    who, when = lines[0], lines[1]
    assert who.startswith("Who: ") and "(person, agent)" in who  # names the actors, their type and role
    assert when.startswith("When: ") and "_" not in when  # words, not codes such as on_or_before
    at.button(key="clear_event").click().run()
    assert "event" not in at.query_params and not any("When: " in t.value for t in at.text)


def test_a_new_selection_scrolls_to_its_detail_once(run_app):
    at = run_app(event="a1-e3")
    assert not at.get("bidi_component")  # a link opens at the top of the page
    at.session_state["_scroll_to_detail"] = True  # what a click on the chart or the table sets
    at.run()
    assert [c.proto.id for c in at.get("bidi_component")] and "_scroll_to_detail" not in at.session_state
    at.run()
    assert not at.get("bidi_component")


def test_from_after_to_is_flagged(run_app):
    at = run_app(**{"from": "2026-01-20", "to": "2026-01-10"})
    assert any("“From” is after “To”" in w.value for w in at.sidebar.warning)
    assert not run_app(**{"from": "2026-01-10", "to": "2026-01-20"}).sidebar.warning


def test_views_are_cached_per_corpus_and_filters(run_app):
    at = run_app()
    at.multiselect(key="f_actors").select("khamenei").run()
    assert list(figure(at).layout.yaxis.ticktext) == ["Ali Khamenei"]
    at.multiselect(key="f_actors").unselect("khamenei").run()
    assert len(figure(at).layout.yaxis.ticktext) == 7 and len(at.dataframe[0].value) == 8


def test_date_filter_zooms_the_time_axis(run_app):
    import pandas as pd
    lo, hi = (pd.Timestamp(x) for x in figure(run_app(**{"from": "2026-01-05", "to": "2026-01-15"})).layout.xaxis.range)
    assert pd.Timestamp("2026-01-03") <= lo and hi <= pd.Timestamp("2026-01-20")


@pytest.mark.parametrize("event_id,expected", [
    ("a1-e3", "When: “earlier this month” → within 2026-01-01 to 2026-01-22 (month)"),  # the last day included
    ("a1-e2", "When: “on Wednesday” → on 2026-01-21 (day)"),
    ("a1-e1", "When: “recently” → before 2026-01-21 (vague)"),  # open towards the past
    ("a1-e4", "When: no time phrase → undated: on or before publication"),
])
def test_detail_says_the_date_in_words_with_inclusive_days(run_app, event_id, expected):
    at = run_app(event=event_id)
    when = next(line for t in at.text for line in t.value.split("\n") if line.startswith("When: "))
    assert when.startswith(expected)


def test_date_pickers_reach_the_corpus_and_the_links_dates(run_app):
    at = run_app(**{"from": "1990-05-01"})
    picker = at.date_input(key="f_from")
    assert picker.value == date(1990, 5, 1) and not at.exception
    assert picker.min <= date(1990, 5, 1)  # the link's date is offered
    assert picker.min <= date(2025, 1, 1) and picker.max >= date(2026, 1, 23)  # the corpus's span
