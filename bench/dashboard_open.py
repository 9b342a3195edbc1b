"""How long the seed dashboard takes to be usable in a browser (target: 3 s).

    .venv/bin/python bench/dashboard_open.py [--runs 5] [--return-visits] [--app APP.py ...] [PATH...]

Starts the real `streamlit run dashboard/app.py` on the seeds (or PATHs) on a
free localhost port, lets the first load extract and cache, then opens the
page in fresh Debian-chromium contexts and prints the seconds from navigation
to the timeline's axes being drawn, to the first lane label (the figure the
target is about), and to the page being complete: the sidebar's filters and
the events table drawn too (they follow the chart, see docs/dashboard.md).
With --return-visits, the same for visits of one browser profile that has
opened the page before: its cache holds Streamlit's scripts and plotly.js,
which a first visit fetches and compiles in full.

With several --app (say the app of an older checkout), one server per app is
started and the opens alternate between them, so that they share the load of
the machine and can be compared.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
VIEWPORT = {"width": 1400, "height": 1000}
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, seconds: float = 180) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"streamlit did not answer at {url}")


def start(app: Path, paths: list[str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app),
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--", *paths],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return server, f"http://127.0.0.1:{port}"


def time_open(page, url: str) -> tuple[float, float, float]:
    """Seconds from navigation to (axes drawn, first lane label, filters and table drawn)."""
    begin = time.monotonic()
    page.goto(url)
    chart = page.get_by_test_id("stPlotlyChart")
    expect(chart.locator(".main-svg").first).to_be_visible(timeout=180_000)
    drawn = time.monotonic() - begin
    expect(chart.locator(".ytick text").first).to_be_visible(timeout=60_000)
    labelled = time.monotonic() - begin
    expect(page.get_by_test_id("stMultiSelect").first).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stDataFrame").locator("canvas").first).to_be_visible(timeout=60_000)
    complete = time.monotonic() - begin
    return drawn, labelled, complete


def open_once(browser, url: str) -> tuple[float, float, float]:
    """A first visit: a fresh context, nothing cached."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        return time_open(context.new_page(), url)
    finally:
        context.close()


def return_visits(playwright, url: str, runs: int) -> list[tuple[float, float, float]]:
    """Visits of a browser that has opened the page before: one profile, so
    Streamlit's scripts and plotly.js come from its cache (one untimed visit
    fills it), as for a user who opens the dashboard again."""
    with tempfile.TemporaryDirectory() as profile:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path="/usr/bin/chromium", args=ARGS, viewport=VIEWPORT)
        try:
            times = []
            for run in range(runs + 1):
                page = context.new_page()
                times.append(time_open(page, url))
                page.close()
            return times[1:]
        finally:
            context.close()


def summary(times: list[tuple[float, float, float]]) -> str:
    drawn, lanes, complete = zip(*times)
    return (f"chart drawn median {statistics.median(drawn):.2f} s, "
            f"lanes labelled median {statistics.median(lanes):.2f} s (max {max(lanes):.2f} s), "
            f"filters and table median {statistics.median(complete):.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--return-visits", action="store_true",
                        help="also time visits of a browser whose cache holds the page's scripts")
    parser.add_argument("--app", action="append", type=Path,
                        help="app script to open (repeat to alternate; default dashboard/app.py)")
    args = parser.parse_args()
    apps = args.app or [ROOT / "dashboard" / "app.py"]
    servers = [start(app, args.paths) for app in apps]
    try:
        for _, url in servers:
            wait_healthy(url)
        times: dict[int, list[tuple[float, float, float]]] = {i: [] for i in range(len(apps))}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            for i, (_, url) in enumerate(servers):  # extracts and warms the cache
                print(f"{apps[i]}: first open (extraction, cold cache): {open_once(browser, url)[1]:.2f} s")
            for run in range(args.runs):
                order = list(range(len(apps)))
                for i in order[run % len(order):] + order[:run % len(order)]:
                    times[i].append(open_once(browser, servers[i][1]))
            browser.close()
            returns = {i: return_visits(p, url, args.runs) for i, (_, url) in enumerate(servers)
                       if args.return_visits}
        for i, app in enumerate(apps):
            name = f"{app}: " if len(apps) > 1 else ""
            print(f"{name}first visits over {args.runs} runs (fresh browser contexts): {summary(times[i])}")
            if i in returns:
                print(f"{name}return visits over {args.runs} runs (browser cache warm): {summary(returns[i])}")
    finally:
        for server, _ in servers:
            server.terminate()
        for server, _ in servers:
            server.wait(timeout=20)


if __name__ == "__main__":
    main()
