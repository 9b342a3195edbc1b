"""Shared fixtures: the hand-written extract documents and their tables, and one warm browser."""

import pytest

from dashboard import charts
from tests.fixtures import docs


@pytest.fixture(scope="session")
def basic_doc():
    return docs.basic()


@pytest.fixture(scope="session")
def basic_table(basic_doc):
    return charts.frame(basic_doc)


@pytest.fixture(scope="session")
def renderer():
    """One kaleido browser for every image test (skipped where Chromium is missing)."""
    from dashboard import exports
    if exports.find_browser() is None:
        pytest.skip("no chromium on PATH")
    r = exports.Renderer()
    yield r
    r.close()
