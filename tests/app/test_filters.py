"""Filters: they combine, the chart/counts/table agree, and they survive a URL."""

from datetime import date

import pandas as pd
import pytest
from hypothesis import given, strategies as st

from dashboard import charts, filters
from dashboard.filters import Filters


def events(rows):
    return set(rows["event_id"])


@pytest.mark.parametrize("f,expected", [
    (Filters(), {"a1-e1", "a1-e2", "a1-e3", "a1-e4", "a1-e5", "a2-e1", "a2-e2", "a2-e3"}),
    (Filters(actors=("khamenei",)), {"a1-e3", "a2-e2"}),
    (Filters(types=("GPE",)), {"a1-e5"}),
    (Filters(articles=("a2",)), {"a2-e1", "a2-e2", "a2-e3"}),
    (Filters(kinds=("day", "interval")), {"a1-e2", "a1-e3", "a2-e1", "a2-e2", "a2-e3"}),
    (Filters(date_from=date(2026, 1, 21), date_to=date(2026, 1, 21)), {"a1-e2", "a1-e3"}),
    (Filters(date_to=date(2025, 12, 31)), {"a2-e2", "a1-e1"}),  # "recently" is drawn as a month back
    (Filters(text="DEFECTED"), {"a1-e1"}),
    (Filters(top_n=1), {"a1-e1", "a1-e2", "a1-e3", "a1-e4", "a1-e5", "a2-e1", "a2-e2", "a2-e3"}),  # lanes only
    (Filters(actors=("irgc",), kinds=("day",)), {"a2-e1"}),
    (Filters(actors=("irgc", "khamenei"), articles=("a1",), text="ordered"), {"a1-e3"}),
])
def test_filters_combine(basic_table, f, expected):
    assert events(filters.apply(basic_table, f)) == expected


def test_actor_filter_keeps_only_that_lane(basic_table):
    rows = filters.apply(basic_table, Filters(actors=("khamenei",)))
    assert set(rows["lane_actor"]) == {"Ali Khamenei"}


def test_actor_counts_sorted_and_reflect_other_filters(basic_table):
    counts = filters.actor_counts(basic_table)
    assert list(counts["actor_id"][:3]) == ["irgc", "khamenei", "iran-international"]
    assert list(counts["events"][:3]) == [3, 2, 2]
    others, _ = filters.split(basic_table, Filters(articles=("a2",), actors=("irgc",)))
    assert dict(zip(*filters.actor_counts(others)[["actor_id", "events"]].T.values)) == {
        "irgc": 1, "khamenei": 1, "iran-international": 1}


@pytest.mark.parametrize("f", [Filters(), Filters(actors=("irgc", "trump")), Filters(kinds=("undated",)),
                               Filters(text="zzz")])
def test_chart_counts_and_table_agree(basic_table, f):
    rows = filters.apply(basic_table, f)
    table = filters.event_table(rows)
    fig = charts.timeline(rows)
    assert charts.events_of(fig) == set(table["event_id"]) == events(rows)


def test_event_table_one_row_per_event_sorted_by_date(basic_table):
    table = filters.event_table(basic_table)
    assert len(table) == basic_table["event_id"].nunique()
    assert list(table["event_id"][:3]) == ["a2-e2", "a1-e1", "a1-e3"]  # 2025, "recently", this month
    by_id = table.set_index("event_id")
    assert by_id.loc["a1-e1", "from"] is None  # the drawn reach is not a date
    assert by_id.loc["a1-e4", "actors"].count(",") == 2
    undated = by_id.loc["a1-e4"]  # on or before publication: no date of its own
    assert undated["from"] is None and undated["to"] is None and undated["relation"] == "on or before"
    assert (by_id.loc["a1-e2", "from"], by_id.loc["a1-e2", "to"]) == ("2026-01-21", "2026-01-21")  # one day
    assert (by_id.loc["a1-e3", "from"], by_id.loc["a1-e3", "to"]) == ("2026-01-01", "2026-01-22")  # last day in
    assert list(table.columns[:4]) == ["from", "to", "trigger", "actors"]  # who is on screen, not scrolled to


def test_query_round_trip():
    f = Filters(actors=("irgc", "khamenei"), top_n=5, types=("ORG",), date_from=date(2026, 1, 1),
                date_to=date(2026, 1, 31), articles=("a1",), kinds=("day", "interval"), text="defect",
                lanes="article", layout="small_multiples", color="article", slider=True, event="a1-e3")
    query = filters.to_query(f)
    assert query["actor"] == ["irgc", "khamenei"] and query["from"] == "2026-01-01" and query["slider"] == "1"
    params = {k: v if isinstance(v, list) else [v] for k, v in query.items()}
    assert filters.from_query(params) == f


def test_defaults_make_an_empty_query():
    assert filters.to_query(Filters()) == {}


@given(st.dictionaries(st.sampled_from(list(filters.PARAMS.values()) + ["junk"]),
                       st.lists(st.text(max_size=12), max_size=3)))
def test_any_query_gives_valid_filters(params):
    f = filters.from_query(params)
    assert f.lanes in filters.LANES and f.layout in filters.LAYOUTS and f.color in filters.COLORS
    assert set(f.kinds) <= set(charts.KINDS) and f.top_n >= 0 and isinstance(f.slider, bool)


@pytest.mark.parametrize("f", [Filters(kinds=()), Filters(top_n=0), Filters(kinds=(), top_n=0, text="x")])
def test_views_that_differ_from_the_defaults_only_by_emptiness_survive_the_url(f):
    """"No precision shown" and "every actor" must not read back as the defaults."""
    query = filters.to_query(f)
    assert all(query.values())  # Streamlit drops empty lists from the URL
    assert filters.from_query({k: v if isinstance(v, list) else [v] for k, v in query.items()}) == f


@pytest.mark.parametrize("params,expected", [
    ({"kind": ["bogus"]}, Filters()),  # nothing valid: the default, not an empty view
    ({"kind": ["bogus", "day"]}, Filters(kinds=("day",))),
    ({"top": ["x"]}, Filters()),
    ({"top": ["0"]}, Filters(top_n=0)),
    ({"top": ["²"]}, Filters()),  # a digit to str.isdigit, not to int
])
def test_bad_url_values_fall_back_to_the_defaults(params, expected):
    assert filters.from_query(params) == expected


def test_default_view_caps_the_lanes_and_keeps_every_event(basic_table):
    many = pd.concat([basic_table] + [
        basic_table.assign(actor_id=f"extra-{i}", actor_label=f"Extra {i}", lane_actor=f"Extra {i}",
                           event_id=basic_table["event_id"] + f"-{i}")
        for i in range(filters.DEFAULT_TOP)], ignore_index=True)
    many.loc[many.index[:2], "actor_id"] = None  # two rows with no actor
    rows = filters.apply(many, Filters())
    assert events(rows) == events(many) and len(rows) == len(many)  # the counts, table and exports lose nothing
    own = set(rows.loc[rows["lane_actor"] != charts.OTHER_ACTORS, "actor_id"].dropna())
    assert len(own) == filters.DEFAULT_TOP
    folded = rows[rows["lane_actor"] == charts.OTHER_ACTORS]
    assert not folded.empty and set(folded["actor_id"]).isdisjoint(own)
    assert set(folded["actor_label"]) != {charts.OTHER_ACTORS}  # the table still names them
    assert charts.lane_order(rows)[-1] == charts.OTHER_ACTORS or charts.lane_order(rows)[-2:] == [
        charts.OTHER_ACTORS, charts.NO_ACTOR]
    assert charts.OTHER_ACTORS not in set(filters.apply(many, Filters(top_n=0))["lane_actor"])


def test_the_lane_cap_leaves_article_lanes_whole(basic_table):
    capped = filters.apply(basic_table, Filters(top_n=1))
    assert charts.OTHER_ACTORS in set(capped["lane_actor"])
    by_article = filters.apply(basic_table, Filters(top_n=1, lanes="article"))
    assert charts.OTHER_ACTORS not in set(by_article["lane_actor"])


def test_event_table_names_the_actors_of_the_other_actors_lane(basic_table):
    table = filters.event_table(filters.apply(basic_table, Filters(top_n=1)))
    assert charts.OTHER_ACTORS not in ", ".join(table["actors"])
