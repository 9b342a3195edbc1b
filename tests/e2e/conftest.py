"""The real app in a real browser: `streamlit run` on a free port, Debian's chromium.

Two servers: one on the seeds (what a user opens) and one on the hand-written
fixture extract, so the interactions are exercised whatever the extractor
gives today. Both are started once per session and warmed (first extraction).
"""

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.fixtures import docs

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
START_TIMEOUT = 180  # the first extraction of the seeds runs the whole pipeline


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path) -> None:
    """Poll the server's health endpoint (the browser waits use expect, not this)."""
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited: {log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"streamlit did not answer within {START_TIMEOUT}s")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (scripts/setup.sh --browser)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def servers(tmp_path_factory, browser):
    """name -> base URL of a running app; each warmed by one page load."""
    tmp = tmp_path_factory.mktemp("e2e")
    sources = {"seeds": [str(ROOT / "seeds")], "fixture": [str(docs.write("basic", tmp))]}
    procs, urls = [], {}
    for name, paths in sources.items():
        port, log = free_port(), tmp / f"{name}.log"
        cmd = [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
               "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none", "--", *paths]
        procs.append(subprocess.Popen(cmd, cwd=ROOT, stdout=log.open("w"), stderr=subprocess.STDOUT))
        urls[name] = f"http://127.0.0.1:{port}"
    try:
        for (name, url), proc in zip(urls.items(), procs):
            wait_healthy(url, proc, tmp / f"{name}.log")
            page = browser.new_page()
            page.goto(url)
            expect(page.get_by_test_id("stPlotlyChart")).to_be_visible(timeout=START_TIMEOUT * 1000)
            page.close()
        yield urls
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=20)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def shoot(page, request):
    """Save a full-page screenshot named after the test."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def shoot(suffix: str = "") -> None:
        name = request.node.name.replace("[", "-").replace("]", "") + suffix
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    return shoot
