"""How long the seed dashboard takes to be usable in a browser (target: 3 s).

    .venv/bin/python bench/dashboard_open.py [--runs 5] [PATH...]

Starts the real `streamlit run dashboard/app.py` on the seeds (or PATHs) on a
free localhost port, lets the first load extract and cache, then opens the
page in fresh Debian-chromium contexts and prints the seconds from navigation
to the timeline's axes being drawn, and to the first lane label.
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=[str(ROOT / "seeds")])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
         "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
         "--browser.gatherUsageStats", "false", "--", *args.paths],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_healthy(url)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            axes, lanes = [], []
            for run in range(args.runs + 1):  # run 0 extracts and warms the cache
                context = browser.new_context(viewport={"width": 1400, "height": 1000})
                page = context.new_page()
                begin = time.monotonic()
                page.goto(url)
                chart = page.get_by_test_id("stPlotlyChart")
                expect(chart.locator(".main-svg").first).to_be_visible(timeout=180_000)
                drawn = time.monotonic() - begin
                expect(chart.locator(".ytick text").first).to_be_visible(timeout=60_000)
                labelled = time.monotonic() - begin
                context.close()
                if run:
                    axes.append(drawn)
                    lanes.append(labelled)
                else:
                    print(f"first open (extraction, cold cache): {labelled:.2f} s")
            browser.close()
        print(f"warm opens over {args.runs} runs: chart drawn median {statistics.median(axes):.2f} s, "
              f"lanes labelled median {statistics.median(lanes):.2f} s (max {max(lanes):.2f} s)")
    finally:
        server.terminate()
        server.wait(timeout=20)


if __name__ == "__main__":
    main()
