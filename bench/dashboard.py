"""Dashboard benchmark (not a test): synthetic corpora of 10k and 100k events.

Prints, per size: the time to derive the chart table (once per corpus, cached
by the app), to build the figure, to apply a filter change and redraw (what a
user waits for), the figure's JSON size (what Streamlit sends to the browser),
and the warm PNG export time (the still figure built and rendered, as a click
on the app's PNG button does; median of 5 after one warm-up).
Run: .venv/bin/python bench/dashboard.py
Targets: a filter change on 100k events < 1 s; warm PNG < 0.5 s.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashboard import charts, exports, filters  # noqa: E402
from dashboard.model import EVENT_ACTOR_COLUMNS  # noqa: E402

PRECISIONS = ["day", "day", "day", "month", "week", "year", "vague", "undated", "undated"]


def synthetic(n_events: int, n_actors: int = 200, n_articles: int = 500, seed: int = 0) -> tuple[pd.DataFrame, list]:
    """A flat (event, actor) table with 1-3 actors per event and every precision."""
    rng = np.random.default_rng(seed)
    per_event = rng.integers(1, 4, n_events)
    event = np.repeat(np.arange(n_events), per_event)
    article = rng.integers(0, n_articles, n_events)
    published = pd.Timestamp("2024-01-01") + pd.to_timedelta(article % 700, unit="D")
    precision = rng.choice(PRECISIONS, n_events)
    start = published - pd.to_timedelta(rng.integers(0, 60, n_events), unit="D")
    span = pd.Series(precision).map({"day": 1, "week": 7, "month": 30, "year": 365, "vague": 30}).fillna(0)
    end = start + pd.to_timedelta(span.to_numpy(), unit="D")
    dated = ~np.isin(precision, ["undated"])
    actor = rng.zipf(1.6, len(event)) % n_actors
    rows = pd.DataFrame({
        "event_id": [f"e{i}" for i in event],
        "article_id": [f"art{a}" for a in article[event]],
        "article_title": [f"Article number {a} about the crisis" for a in article[event]],
        "published": published[event].strftime("%Y-%m-%d"),
        "trigger": rng.choice(["said", "fired", "defected", "met", "warned"], len(event)),
        "sentence": [f"Sentence {i} where actor {a} did something notable in the story." for i, a in zip(event, actor)],
        "sentence_start": 0, "sentence_end": 60,
        "date_start": np.where(dated, start.strftime("%Y-%m-%d"), None)[event],
        "date_end": np.where(dated, end.strftime("%Y-%m-%d"), None)[event],
        "precision": precision[event], "date_relation": "on", "date_basis": "synthetic",
        "date_phrase": np.where(dated, "some phrase", None)[event],
        "polarity": "positive", "certainty": "certain",
        "actor_id": [f"actor-{a}" for a in actor], "actor_name": [f"Actor {a}" for a in actor],
        "actor_type": np.array(["PERSON", "ORG", "GPE"])[actor % 3],
        "role": "agent", "mention": [f"Actor {a}" for a in actor],
    }, columns=list(EVENT_ACTOR_COLUMNS))
    rows = rows.drop_duplicates(["event_id", "actor_id"])
    actors = [{"id": f"actor-{a}", "name": f"Actor {a}", "aliases": []} for a in range(n_actors)]
    return rows, actors


def timed(fn, repeat: int = 3):
    """Best of ``repeat`` runs: (seconds, result)."""
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def median_time(fn, repeat: int = 5):
    """Median of ``repeat`` runs: (seconds, last result)."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2], result


def main() -> None:
    renderer = exports.Renderer()
    for n in (10_000, 100_000):
        rows, actors = synthetic(n)
        t_enrich, table = timed(lambda: charts.enrich(rows, actors), repeat=1)
        t_fig, fig = timed(lambda: charts.timeline(table))
        size = len(fig.to_json())
        f = filters.Filters(actors=("actor-1", "actor-2", "actor-3"), kinds=("day", "interval", "undated"),
                            text="notable")
        t_filter, view = timed(lambda: filters.apply(table, f))
        t_change, small = timed(lambda: charts.timeline(filters.apply(table, f)))
        print(f"{n:>7} events, {len(table):>7} rows: chart table {t_enrich:.2f} s (once); "
              f"figure {t_fig:.2f} s, JSON {size / 1e6:.2f} MB; filter {t_filter * 1000:.0f} ms; "
              f"filter + redraw {t_change:.2f} s ({view['event_id'].nunique()} events, "
              f"JSON {len(small.to_json()) / 1e6:.2f} MB)")
        if renderer.browser:
            one = charts.timeline(filters.apply(table, filters.Filters(actors=("actor-7",))))
            for label, view_fig in (("filtered view", small), ("one-actor view", one)):
                caption = ("News timeline", "a line of counts and filters")  # as the app's export adds
                renderer.render(exports.for_export(view_fig, caption=caption), "png")  # warm up: the browser starts once
                t_png, png = median_time(lambda: renderer.render(exports.for_export(view_fig, caption=caption), "png"))
                points = sum(len(t.x) for t in exports.for_export(view_fig).data if t.x is not None)
                print(f"{'':>7} warm PNG export, {label}: {t_png:.2f} s ({len(png) / 1e3:.0f} kB, "
                      f"{points} x values sent)")
    if not renderer.browser:
        print("no chromium on PATH: PNG export not measured")
    renderer.close()


if __name__ == "__main__":
    main()
